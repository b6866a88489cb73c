"""validate: every rule fires on its broken corpus file — and nothing else fires there; the clean
corpus raises nothing; refs/article.bib has no errors and shows its real oddities as warnings."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from conftest import ARTICLE_BIB, run_cli

DATA = Path(__file__).parent / "data" / "validate"
BROKEN = sorted((DATA / "broken").glob("*.bib"))
TODAY = "2026-01-01"


def _header(path: Path, name: str) -> str | None:
    m = re.search(rf"^% {name}: (.*)$", path.read_text(encoding="utf-8"), re.M)
    return m.group(1).strip() if m else None


def _validate(*args: str) -> tuple[int, dict]:
    r = run_cli(["validate", "--today", TODAY, "--json", *args])
    assert r.exit_code in (0, 1), r.stderr
    return r.exit_code, json.loads(r.stdout)


def test_every_rule_has_a_broken_corpus_file():
    from annobib.checks import all_rules

    covered = set()
    for p in BROKEN:
        covered |= set(_header(p, "expect").split())
    missing = [r.code for r in all_rules() if r.code not in covered]
    assert not missing, f"rules without a broken example: {missing}"


@pytest.mark.parametrize("path", BROKEN, ids=[p.stem for p in BROKEN])
def test_broken_corpus_fires_exactly_its_rule(path: Path):
    expect = set(_header(path, "expect").split())
    args = [str(path), *(_header(path, "args") or "").split()]  # e.g. --links for the link rules
    manuscript = _header(path, "manuscript")
    if manuscript:
        args += ["--manuscript", str(path.parent / manuscript)]
    code, doc = _validate(*args)
    got = Counter(f["code"] for f in doc["findings"])
    assert set(got) == expect, doc["findings"]
    count = _header(path, "count")
    if count:
        main = path.stem.split("-")[0]
        assert got[main] == int(count), doc["findings"]
    assert code == (1 if any(c.startswith("E") for c in got) else 0)
    for f in doc["findings"]:
        assert f["message"] and f["line"] and f["file"], f
        assert f["key"], f


def test_clean_corpus_raises_nothing():
    code, doc = _validate(str(DATA / "clean.bib"))
    assert doc["findings"] == []
    assert code == 0
    assert doc["summary"]["entries"] == 12


def test_clean_corpus_is_clean_even_when_strict():
    r = run_cli(["validate", "--today", TODAY, "--strict", str(DATA / "clean.bib")])
    assert r.exit_code == 0
    assert "no problems in 12 entries" in r.stdout


def test_findings_point_at_the_field_line():
    _, doc = _validate(str(DATA / "broken" / "W508-whitespace.bib"))
    lines = {f["key"]: f["line"] for f in doc["findings"]}
    assert lines == {"a": 3, "b": 4, "c": 6}
    _, doc = _validate(str(DATA / "broken" / "W107-duplicate-work.bib"))
    by_key = {f["key"]: f["line"] for f in doc["findings"] if f["code"] == "W107"}
    assert by_key["b2025"] == 8 and by_key["d1991"] == 17


def test_article_bib_has_no_errors_and_shows_its_oddities():
    if not ARTICLE_BIB.exists():
        pytest.skip("refs/article.bib not generated")
    code, doc = _validate(str(ARTICLE_BIB))
    errors = [f for f in doc["findings"] if f["severity"] == "error"]
    assert errors == []
    assert code == 0
    warned = Counter(f["code"] for f in doc["findings"] if f["severity"] == "warning")
    assert warned["W401"] >= 1  # dates in URLs that disagree with the date field
    assert warned["W316"] >= 1  # tracking / search-highlight parameters
    assert warned["W317"] >= 1  # an empty fragment
