"""validate: options, output formats, exit codes, --fix, bad input; the library API."""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

import pytest

from conftest import run_cli

DATA = Path(__file__).parent / "data" / "validate"
BROKEN = DATA / "broken"
T = ["--today", "2026-01-01"]


def _copy(tmp_path: Path, *names: str) -> Path:
    out = tmp_path / "refs.bib"
    out.write_text("".join((BROKEN / n).read_text(encoding="utf-8") for n in names), encoding="utf-8")
    return out


# --- exit codes, select / ignore / strict ----------------------------------------------------


def test_errors_exit_1_warnings_exit_0_unless_strict(tmp_path):
    assert run_cli(["validate", *T, str(BROKEN / "E202-missing-journal.bib")]).exit_code == 1
    assert run_cli(["validate", *T, str(BROKEN / "W317-url-empty-fragment.bib")]).exit_code == 0
    assert run_cli(["validate", *T, "--strict", str(BROKEN / "W317-url-empty-fragment.bib")]).exit_code == 1
    # hints never fail, even with --strict
    assert run_cli(["validate", *T, "--strict", str(BROKEN / "I210-missing-location.bib")]).exit_code == 0


def test_select_and_ignore_by_code_prefix_name_and_family():
    path = str(BROKEN / "W307-volume-number-form.bib")
    r = run_cli(["validate", *T, "--ignore", "W307", path])
    assert r.exit_code == 0 and "W307" not in r.stdout
    assert "W307" not in run_cli(["validate", *T, "--ignore", "form", path]).stdout
    assert "W307" not in run_cli(["validate", *T, "--ignore", "volume-number-form", path]).stdout
    assert "W307" not in run_cli(["validate", *T, "--select", "E,W1", path]).stdout
    r = run_cli(["validate", *T, "--select", "W3", path])
    assert r.stdout.count(": W307 [") == 3
    both = str(BROKEN / "E301-date-syntax.bib")
    r = run_cli(["validate", *T, "--select", "W", both])
    assert r.exit_code == 0 and "E301" not in r.stdout


def test_unknown_select_is_a_usage_error():
    r = run_cli(["validate", *T, "--select", "X999", str(DATA / "clean.bib")])
    assert r.exit_code == 2
    assert "X999" in r.stderr and "Traceback" not in r.stderr


@pytest.mark.parametrize(
    "args, needle",
    [
        (["validate", "/nonexistent/refs.bib"], "no such file"),
        (["validate", "--today", "2026-13-01", "x.bib"], "--today"),
        (["validate", "--dry-run", "x.bib"], "--fix"),
        (["validate", "--manuscript", "/nonexistent/paper.tex", "x.bib"], "no such file"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(args, needle, tmp_path):
    r = run_cli(args, cwd=tmp_path)
    assert r.exit_code == 2
    assert needle in r.stderr
    assert "Traceback" not in r.stderr
    assert list(tmp_path.iterdir()) == []


def test_not_utf8_is_exit_2(tmp_path):
    p = tmp_path / "latin1.bib"
    p.write_bytes("@book{a, title = {Caf\xe9}}\n".encode("latin-1"))
    r = run_cli(["validate", str(p)])
    assert r.exit_code == 2 and "UTF-8" in r.stderr


# --- output formats --------------------------------------------------------------------------


def test_json_is_one_document_with_stable_keys():
    r = run_cli(["validate", *T, "--format", "json", str(BROKEN / "E301-date-syntax.bib")])
    doc = json.loads(r.stdout)
    assert set(doc) >= {"files", "findings", "summary"}
    f = doc["findings"][0]
    assert set(f) == {"code", "severity", "rule", "file", "line", "key", "field", "message", "fix"}
    assert f["fix"] == {
        "field": "date",
        "value": "2025-03-07",
        "safe": True,
        "description": "2025年3月7日 -> 2025-03-07",
    }
    assert doc["summary"]["errors"] == 4 and doc["summary"]["fixable"] == 2


def test_github_annotations():
    r = run_cli(["validate", *T, "--format", "github", str(BROKEN / "W401-url-date-mismatch.bib")])
    lines = [l for l in r.stdout.splitlines() if l.startswith("::")]
    assert len(lines) == 3
    assert (
        lines[0].startswith("::warning file=")
        and ",line=3," in lines[0]
        and "title=W401 url-date-mismatch::" in lines[0]
    )
    r = run_cli(["validate", *T, "--format", "github", str(BROKEN / "E306-pages-order.bib")])
    assert r.stdout.startswith("::error file=")
    r = run_cli(["validate", *T, "--format", "github", str(BROKEN / "I210-missing-location.bib")])
    assert r.stdout.startswith("::notice file=")


def test_text_piped_is_plain_one_line_per_finding():
    r = run_cli(["validate", *T, str(BROKEN / "W305-pages-form.bib")])
    lines = r.stdout.splitlines()
    assert "\x1b[" not in r.stdout
    assert lines[0].endswith("W305 [a] pages: pages '25—27' should read '25-27'")
    assert lines[0].startswith(str(BROKEN / "W305-pages-form.bib") + ":3: ")
    assert lines[-1] == "3 warnings in 3 of 3 entries; 3 fixable with --fix"


def test_grouped_rich_output_on_a_terminal(monkeypatch):
    """On a terminal: a heading per entry, colours by severity."""
    import io

    from rich.console import Console

    from annobib.checks import emit
    from annobib.checks.session import validate

    outcome = validate([BROKEN / "W307-volume-number-form.bib"], today=dt.date(2026, 1, 1))
    buf = io.StringIO()
    con = Console(file=buf, force_terminal=True, color_system="standard", width=200)
    for item in emit.text(outcome, grouped=True):
        con.print(item)
    out = buf.getvalue()
    assert "\x1b[" in out  # coloured
    assert out.count("@article") == 2  # one heading per entry
    assert "[fix]" in out


def test_list_rules_documents_every_rule_with_an_example():
    from annobib.checks import all_rules

    r = run_cli(["validate", "--list-rules"])
    assert r.exit_code == 0
    for rule in all_rules():
        assert rule.code in r.stdout and rule.name in r.stdout
        assert rule.bad and rule.summary, rule.code
    doc = json.loads(run_cli(["validate", "--list-rules", "--json"]).stdout)
    assert len(doc) == len(all_rules()) and all(d["example"] for d in doc)
    codes = [d["code"] for d in doc]
    assert len(codes) == len(set(codes))


# --- --fix -----------------------------------------------------------------------------------

FIXABLE = [
    "W305-pages-form.bib",
    "W307-volume-number-form.bib",
    "W308-doi-prefix.bib",
    "E314-url-trailing-punctuation.bib",
    "W317-url-empty-fragment.bib",
    "W508-whitespace.bib",
    "W509-control-characters.bib",
    "E301-date-syntax.bib",
    "W504-latex-special-char.bib",
    "W316-url-tracking.bib",
]


def test_fix_dry_run_shows_a_diff_and_writes_nothing(tmp_path):
    p = _copy(tmp_path, *FIXABLE)
    before = p.read_bytes()
    r = run_cli(["validate", *T, "--fix", "--dry-run", str(p)])
    assert p.read_bytes() == before
    assert (
        "-@article{a, author = {Doe, Jane}, title = {A Study}, journaltitle = {Journal}, langid = {english}, date = {2020}, volume = {1}, number = {2}, pages = {25—27}}"
        in r.stdout
    )
    assert (
        "+@article{a, author = {Doe, Jane}, title = {A Study}, journaltitle = {Journal}, langid = {english}, date = {2020}, volume = {1}, number = {2}, pages = {25-27}}"
        in r.stdout
    )
    assert "nothing written" in r.stderr
    assert sorted(x.name for x in tmp_path.iterdir()) == ["refs.bib"]


def test_fix_applies_safe_fixes_atomically_and_is_idempotent(tmp_path):
    p = _copy(tmp_path, *FIXABLE)
    r = run_cli(["validate", *T, "--fix", "--diff", "--json", str(p)])
    doc = json.loads(r.stdout)
    assert doc["fixed"] and not doc["dry_run"] and doc["diff"].startswith("---")
    text = p.read_text(encoding="utf-8")
    for good in (
        "pages = {25-27}",
        "volume = {35}",
        "number = {10}",
        "doi = {10.2307/2111499}",
        "10372664.shtml}",
        "a10102/}",
        "journaltitle = {世界知识}",
        "title = {联盟政策，新变化}",
        "title = {The Quad Revisited}",
        "date = {2025-03-07}",
        "urldate = {2025-03-07}",
        "title = {Tariffs up 25\\% on Steel}",
        "title = {AT\\&T and the Alliance}",
    ):
        assert good in text, good
    assert "\u200b" not in text
    # unsafe fixes were not applied: the tracking parameters are still there
    assert "utm_source=twitter" in text
    # what needs a person is left alone
    assert "date = {03/04/2025}" in text and "date = {2025-02-30}" in text
    # a second run finds nothing safe left to fix and changes nothing
    after = p.read_bytes()
    r2 = run_cli(["validate", *T, "--fix", "--json", str(p)])
    assert json.loads(r2.stdout)["fixed"] == [] and p.read_bytes() == after
    assert json.loads(r2.stdout)["summary"]["fixable"] == 0
    assert sorted(x.name for x in tmp_path.iterdir()) == ["refs.bib"]  # no temporary files left


def test_unsafe_fixes_only_when_asked(tmp_path):
    p = _copy(tmp_path, "W316-url-tracking.bib", "I217-missing-langid-latin.bib", "W501-mojibake.bib")
    run_cli(["validate", *T, "--fix", "--unsafe-fixes", str(p)])
    text = p.read_text(encoding="utf-8")
    assert "url = {https://www.example.org/p?id=3}" in text
    assert "url = {https://english.kyodonews.net/news/x.html}" in text
    assert "langid = {english}," in text.split("@online{page2025")[1]  # one pair of braces
    assert "title = {Trump’s Asia Policy}" in text


def test_fix_keeps_what_it_does_not_touch_byte_for_byte(tmp_path):
    src = (DATA / "clean.bib").read_text(encoding="utf-8")
    p = tmp_path / "refs.bib"
    p.write_text(src.replace("pages            = {25-27}", "pages            = {25—27}"), encoding="utf-8")
    r = run_cli(["validate", *T, "--fix", "--diff", str(p)])
    assert r.exit_code == 0
    assert p.read_text(encoding="utf-8") == src
    changed = [l for l in r.stdout.splitlines() if l[:1] in "+-" and l[:3] not in ("+++", "---")]
    assert len(changed) == 2, changed


def test_fix_makes_no_diff_unless_one_is_shown_and_counts_each_rule(tmp_path, monkeypatch):
    """`--fix` says how many fields of how many entries each rule fixed (ruff's way); the diff,
    which at 50,000 fixed entries cost more than the write, is made only with --diff or --dry-run."""
    import annobib.bib.writer as writer

    made = []
    real = writer.library_diff
    monkeypatch.setattr(writer, "library_diff", lambda *a: made.append(1) or real(*a))
    p = _copy(tmp_path, "W305-pages-form.bib", "W508-whitespace.bib")
    r = run_cli(["validate", *T, "--fix", str(p)])
    assert not made and "pages = {25-27}" in p.read_text(encoding="utf-8")
    assert not [line for line in r.stdout.splitlines() if line.startswith(("---", "+++", "@@"))]
    summary = r.stderr.strip().splitlines()[-1]
    assert summary == "annobib: fixed 6 fields in 6 entries (W305 3, W508 2, I511 1)"  # keys repeat: by entry
    assert json.loads(run_cli(["validate", *T, "--fix", "--json", str(p)]).stdout)["diff"] == ""
    p = _copy(tmp_path, "W305-pages-form.bib")
    r = run_cli(["validate", *T, "--fix", "--diff", str(p)])
    assert made and "+@article{a" in r.stdout and "pages = {25-27}" in p.read_text(encoding="utf-8")
    assert r.stderr.strip().endswith("fixed 3 fields in 3 entries (W305 3)")
    bad = run_cli(["validate", *T, "--diff", str(p)])
    assert bad.exit_code == 2 and "go with --fix" in bad.stderr


def test_fix_refuses_when_the_file_changed_under_it(tmp_path, monkeypatch):
    from annobib.checks import fixes

    p = _copy(tmp_path, "W305-pages-form.bib")
    real = fixes.apply_fixes

    def racing(lib, *a, **k):
        out = real(lib, *a, **k)
        p.write_text(p.read_text(encoding="utf-8") + "\n% edited elsewhere\n", encoding="utf-8")
        return out

    monkeypatch.setattr(fixes, "apply_fixes", racing)
    r = run_cli(["validate", *T, "--fix", str(p)])
    assert r.exit_code != 0 and "changed on disk" in r.stderr
    assert p.read_text(encoding="utf-8").endswith("% edited elsewhere\n")
    assert "pages = {25—27}" in p.read_text(encoding="utf-8")


# --- manuscripts -----------------------------------------------------------------------------


def test_manuscript_markdown_citations(tmp_path):
    md = tmp_path / "paper.md"
    md.write_text("As @doe2025 argues [see @roe2025, p. 3; @ghost2020]. Mail me at a@b.org.\n", encoding="utf-8")
    r = run_cli(["validate", *T, "--json", "--manuscript", str(md), str(BROKEN / "E602-missing-entry.bib")])
    doc = json.loads(r.stdout)
    codes = sorted((f["code"], f["key"]) for f in doc["findings"])
    assert codes == [("E602", "ghost2020")]
    assert r.exit_code == 1


def test_cited_keys_from_text():
    from annobib.checks.coverage import cited_keys_from_text

    tex = "\\citep[p.~3]{a,b}\n\\parencite{c}\\nocite{d}\n\\citation{e}\n\\abx@aux@cite{0}{f}\n"
    assert sorted(cited_keys_from_text(tex, "latex")) == ["a", "b", "c", "d", "e", "f"]
    assert cited_keys_from_text(tex, "latex")["c"] == [("", 2)]
    md = "[@smith2020, pp. 33-35; -@doe:99]\n@jones.2019 says. x@y.com\n"
    assert sorted(cited_keys_from_text(md, "pandoc")) == ["doe:99", "jones.2019", "smith2020"]


# --- the library API -------------------------------------------------------------------------


def test_run_checks_api_and_link_state_extension_point():
    from annobib.bib import read_library
    from annobib.checks import Context, run_checks
    from annobib.checks.base import REGISTRY, rule

    lib = read_library(BROKEN / "W317-url-empty-fragment.bib")
    found = run_checks(lib, select=["W317"], ctx=Context(today=dt.date(2026, 1, 1)))
    assert [(f.code, f.key, f.field) for f in found] == [("W317", "a", "url")]

    @rule("W799", "test-dead-link", "links", "test only", needs=("links",))
    def dead(R, e, ctx):
        state = ctx.state["links"].get(e.fields.get("url", ""))
        return [R.finding(e, "url", "dead")] if state == "dead" else None

    try:
        assert not [f for f in run_checks(lib, ctx=Context()) if f.code == "W799"]  # offline: skipped
        ctx = Context(state={"links": {"https://www.nippon.com/en/in-depth/a10102/#": "dead"}})
        assert [f.code for f in run_checks(lib, select=["W799"], ctx=ctx)] == ["W799"]
    finally:
        del REGISTRY["W799"]


def test_fix_functions_are_pure():
    from annobib.bib import read_library
    from annobib.checks import Context, run_checks

    lib = read_library(BROKEN / "W305-pages-form.bib")
    before = [dict(e.fields) for e in lib.entries]
    findings = run_checks(lib, ctx=Context(today=dt.date(2026, 1, 1)))
    assert all(f.fix is not None for f in findings)
    assert [dict(e.fields) for e in lib.entries] == before


def test_dates():
    from annobib.checks._util import iso_from_unambiguous, parse_date_value

    assert parse_date_value("2025-02-28/2025-03") == ((2025, 2, 28), (2025, 3, None))
    assert parse_date_value("2025-03-07T10:00:00Z")[0] == (2025, 3, 7)
    assert parse_date_value("2025-21")[0] == (2025, None, None)  # EDTF season
    assert parse_date_value("199X")[0] == (1990, None, None)  # EDTF unspecified digit
    assert parse_date_value("2025?")[0] == (2025, None, None)
    for bad in ("2025-02-29", "2025-13", "2025-03/2025-01", "25-03-07"):
        with pytest.raises(ValueError):
            parse_date_value(bad)
    assert iso_from_unambiguous("2025 年 3 月 15 日") == "2025-03-15"
    assert iso_from_unambiguous("Mar. 7, 2025") == "2025-03-07"
    assert iso_from_unambiguous("7 March 2025") == "2025-03-07"
    assert iso_from_unambiguous("２０２５/３/７") == "2025-03-07"
    assert iso_from_unambiguous("20250307") == "2025-03-07"
    assert iso_from_unambiguous("03/04/2025") is None
    assert iso_from_unambiguous("2025-02-30") is None


def test_url_date():
    from annobib.checks.consistency import url_date

    today = dt.date(2026, 1, 1)
    assert url_date("https://www.chinanews.com.cn/gj/2025/02-22/10372664.shtml", today) == (2025, 2, 22)
    assert url_date("https://www.theguardian.com/us-news/2025/may/31/x", today) == (2025, 5, 31)
    assert url_date("https://www.yna.co.kr/view/AKR20250315035000504", today) == (2025, 3, 15)
    assert url_date("https://english.kyodonews.net/news/2025/04/7cb5d0367aad-ishiba", today) == (2025, 4, None)
    assert url_date("https://www.nationthailand.com/blogs/business/40050784", today) is None
    assert url_date("https://www.pna.gov.ph/articles/1242489", today) is None
    assert url_date("https://example.org/?date=2025-01-01", today) is None


def test_duplicate_detection_is_not_quadratic():
    """10,000 entries sharing one year and near-identical title prefixes: bucket caps keep it fast."""
    from annobib.bib import parse_library
    from annobib.checks import Context, run_checks

    parts = [
        "@online{dup1, title = {Press release number 00001 on alliance matter}, organization = {Org}, date = {2025-01-16}, "
        "urldate = {2025-06-01}, url = {https://www.example.org/q/1}, langid = {english}}\n"
    ]
    for i in range(10_000):
        parts.append(
            f"@online{{k{i}, title = {{Press release number {i:05d} on alliance matters}}, organization = {{Org}}, "
            f"date = {{2025-01-16}}, urldate = {{2025-06-01}}, url = {{https://www.example.org/p/{i}}}, langid = {{english}}}}\n"
        )
    lib = parse_library("".join(parts))
    t = time.perf_counter()
    found = run_checks(lib, select=["W107"], ctx=Context(today=dt.date(2026, 1, 1)))
    assert time.perf_counter() - t < 5
    # numbered titles that differ only in their number are different works; the typo is a duplicate
    assert [(f.key, f.message.split(":")[0]) for f in found] == [("k1", "same work as 'dup1' (line 1)")]


def test_empty_bibliography_is_exit_2(tmp_path):
    p = tmp_path / "empty.bib"
    p.write_text("% nothing here yet\n", encoding="utf-8")
    r = run_cli(["validate", str(p)])
    assert r.exit_code == 2 and "no entries" in r.stderr
    assert p.read_text(encoding="utf-8") == "% nothing here yet\n"


def test_duplicates_across_files_name_the_other_file():
    r = run_cli(
        [
            "--bib",
            str(DATA / "clean.bib"),
            "--bib",
            str(BROKEN / "W107-duplicate-work.bib"),
            "validate",
            *T,
            "--select",
            "W107",
        ]
    )
    assert "same work as 'morrow1991alliances' (clean.bib:16): same DOI" in r.stdout


def test_a_crashing_rule_does_not_stop_the_others(monkeypatch):
    from annobib.checks import Context, run_checks
    from annobib.checks.base import REGISTRY
    from annobib.bib import read_library

    def boom(R, e, ctx):
        raise RuntimeError("boom")

    monkeypatch.setattr(REGISTRY["W402"], "check", boom)
    lib = read_library(BROKEN / "W317-url-empty-fragment.bib")
    ctx = Context(today=dt.date(2026, 1, 1))
    found = run_checks(lib, ctx=ctx)
    assert [f.code for f in found] == ["W317"]
    assert ctx.state["rule_errors"] == ["W402 on entry 'a': RuntimeError: boom"]


def test_fix_several_files_and_github_for_blocks_without_key(tmp_path):
    a = tmp_path / "a.bib"
    b = tmp_path / "b.bib"
    a.write_text((BROKEN / "W317-url-empty-fragment.bib").read_text(encoding="utf-8"), encoding="utf-8")
    b.write_text(
        (BROKEN / "W305-pages-form.bib").read_text(encoding="utf-8") + "@misc{x, title = {Open\n", encoding="utf-8"
    )
    r = run_cli(["validate", *T, "--fix", "--format", "github", str(a), str(b)])
    assert "a10102/}" in a.read_text(encoding="utf-8")
    assert b.read_text(encoding="utf-8").count("pages = {25-27}") == 3
    assert b.read_text(encoding="utf-8").endswith("@misc{x, title = {Open\n")  # the broken block is kept verbatim
    err = [l for l in r.stdout.splitlines() if l.startswith("::error")]
    assert len(err) == 2 and all(f"file={b}" in l for l in err)
    assert "E101" in err[0] and "key 'a' is already used by the entry at a.bib:2" in err[0]  # across files
    assert "line=6,title=E103 unparsable-block::[x] cannot parse this block" in err[1]
    assert r.exit_code == 1
