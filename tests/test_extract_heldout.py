"""HELD-OUT evaluation of footnote extraction (target: >= 90 % of fields right).

The notes in tests/data/extract_heldout/ were written for this test, not from the seed article, and
their expected reading was written by hand from the documented conventions (see build.py there).
The comparison itself lives in annobib.extract.evaluate; benchmarks/extract_heldout.py prints it
(run it for the full mismatch list):

    PYTHONPATH=cli python benchmarks/extract_heldout.py

Do not tune the extractor on these strings: fix the pattern the failing note is an instance of.
Measured (2026-11-27): 94.3 % (1016/1077) when the full set first ran (09:48 UTC; article3's
continuous note numbering lost notes 4-8), 100 % at cbfd06e -- after the extractor was changed with
this set in view, so from then on it is a regression set, no longer a held-out measure.
"""

import json
import sys
from pathlib import Path

import pytest
from conftest import load_module

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "extract_heldout"
TARGET = 0.90


@pytest.fixture(scope="module")
def bench(heldout_bench):
    return heldout_bench


@pytest.fixture(scope="module")
def report(bench):
    return bench.evaluate(DATA)


def test_data_files_are_what_build_py_writes():
    sys.path.insert(0, str(DATA))
    try:
        build = load_module("extract_heldout_build", DATA / "build.py")
        text, notes = build.build_notes()
        art_text, art_expected = build.build_article()
        art2_text, art2_expected = build.build_article2()
        art3_text, art3_expected = build.build_article3()
    finally:
        sys.path.remove(str(DATA))
    assert (DATA / "notes.txt").read_text(encoding="utf-8") == text
    assert (DATA / "article.txt").read_text(encoding="utf-8") == art_text
    expected = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))
    assert expected["notes"] == json.loads(json.dumps(notes, ensure_ascii=False))
    assert expected["article"] == json.loads(json.dumps(art_expected, ensure_ascii=False))
    assert (DATA / "article2.txt").read_text(encoding="utf-8") == art2_text
    assert expected["article2"] == json.loads(json.dumps(art2_expected, ensure_ascii=False))
    assert (DATA / "article3.txt").read_text(encoding="utf-8") == art3_text
    assert expected["article3"] == json.loads(json.dumps(art3_expected, ensure_ascii=False))
    assert len(notes) >= 70
    assert sum(len(n["citations"]) for n in notes) >= 70


def test_heldout_field_accuracy_at_least_90_percent(report):
    """THE held-out target: >= 90 % of the checked fields right (notes + article together)."""
    wrong = [(c.source, c.note, c.field, c.expected, c.got) for c in report.mismatches]
    assert report.accuracy >= TARGET, (round(report.accuracy, 4), wrong)


def test_heldout_every_note_accounted_for(report, bench):
    """Every expected note is found in the extraction (status scored, never silently lost)."""
    statuses = [c for c in report.checks if c.field == "status"]
    expected = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))
    assert len(statuses) == sum(
        len(v["notes"]) if k.startswith("article") else len(v) for k, v in expected.items() if k != "about"
    )
    assert all(c.got is not None for c in statuses), [c.note for c in statuses if c.got is None]


def test_heldout_article_pages_inferred(report):
    assert report.page_numbers == report.expected_page_numbers


def test_benchmark_prints_figures():
    import subprocess

    run = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "extract_heldout.py"), "--quiet"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    out = run.stdout
    assert "field accuracy overall" in out and "per pattern:" in out and "per field:" in out


def test_names_score_the_same_in_either_bibtex_order(bench):
    """``Harold Crane`` and ``Crane, Harold`` are one name to BibTeX: a reading is not wrong for
    writing the other; different names still differ."""
    assert bench.same_names("Harold Crane and T. K. Nakamura") == bench.same_names("Crane, Harold and Nakamura, T. K.")
    assert bench.same_names("Harold Crane") != bench.same_names("Crane, Howard")
    assert bench.same_names("王缉思 and {World Bank}") == "王缉思 and {World Bank}"


def test_a_citation_without_locator_expects_none(bench, tmp_path):
    """A set may leave ``locator`` out of a citation that cites no page: the scorer reads that as
    "no locator", so a page the extractor finds anyway is a miss, not a crash."""
    note = "王某：《大国关系》，北京：某某出版社2015年版。"
    (tmp_path / "notes_w01.txt").write_text(f"1. {note}\n2. 王某：《大国关系》，第12页。\n", encoding="utf-8")
    fields = {"author": "王某", "title": "大国关系", "location": "北京", "publisher": "某某出版社", "date": "2015"}
    expected = {
        "notes_w01": [
            {
                "n": 1,
                "text": note,
                "pattern": "p",
                "status": "cited",
                "citations": [{"type": "book", "fields": fields}],
            },
            {
                "n": 2,
                "text": "王某：《大国关系》，第12页。",
                "pattern": "short",
                "status": "cited",
                "citations": [{"ref": [1, 0]}],
            },
        ]
    }
    (tmp_path / "expected.json").write_text(json.dumps(expected, ensure_ascii=False), encoding="utf-8")
    report = bench.evaluate(tmp_path)
    assert report.by("field")["locator"] == (1, 2)  # note 1 has none (right); note 2's `12` is unexpected


def test_a_reference_list_repeating_a_noted_work_is_not_a_merge(bench):
    """A list after the notes names again a work a note cited: one entry for both is right; two
    volumes or two years of one title are still two works."""
    note = {"type": "book", "fields": {"title": "水权制度研究", "date": "2005"}}
    item = {"type": "book", "fields": {"title": "水权制度研究", "date": "2005", "volume": "2"}}
    assert bench._same_work(note, item)
    assert not bench._same_work(
        item, {"type": "book", "fields": {"title": "水权制度研究", "date": "2005", "volume": "3"}}
    )
    assert not bench._same_work(note, {"type": "book", "fields": {"title": "水权制度研究", "date": "2006"}})
    assert not bench._same_work(note, {"type": "article", "fields": {"title": "水权制度研究", "date": "2005"}})
