"""Held-out sets 4 and 5 (tests/data/extract_heldout4/, tests/data/extract_heldout5/), each written
blind, before reading the extractor (see build.py in each), then kept as regression sets:

* set 4: Chinese economics / law / economic-history notes, full Chicago notes in English with Japanese
  and Korean sources, an endnote article with ［n］ markers and an English article with note numbers
  glued to the text. First contact 72.8 % (457/628); 100 % after the fixes (each
  tested by subject: test_extract_{cjk_notes,western_notes,legal,note_markers,short_forms}.py).
* set 5: Chinese international-relations notes with （n） markers, Japanese and Korean notes, English
  notes mixing Chicago, APA and Harvard (think-tank reports, court cases and awards, posts on X), a
  Chinese article with superscript markers and the folio on the running-head line, an English
  article with superscript markers. First contact 71.4 % (567/794); 100 % after the fixes (tested in
  the same subject files, and test_extract_page_layout.py for the running heads).

    PYTHONPATH=cli python benchmarks/extract_heldout.py --data tests/data/extract_heldout5

The floors sit just under the final scores.
"""

from pathlib import Path

import pytest
from conftest import load_module

ROOT = Path(__file__).resolve().parents[1]
SETS = {"extract_heldout4": 70, "extract_heldout5": 90}  # set -> at least this many notes
FLOOR = 0.98


@pytest.fixture(scope="module")
def bench(heldout_bench):
    return heldout_bench


@pytest.fixture(scope="module", params=sorted(SETS))
def held_out(request, bench):
    data = ROOT / "tests" / "data" / request.param
    return request.param, data, bench.evaluate(data)


@pytest.mark.parametrize("name", sorted(SETS))
def test_data_files_are_what_build_py_writes(name):
    data = ROOT / "tests" / "data" / name
    build = load_module(f"{name}_build", data / "build.py")
    files = build.outputs()
    for filename, text in files.items():
        assert (data / filename).read_text(encoding="utf-8") == text, filename
    import json

    expected = json.loads(files["expected.json"])
    assert (
        sum(len(expected[k] if k == "notes" else expected[k]["notes"]) for k in ("notes", "article", "article2"))
        >= SETS[name]
    )


def test_field_accuracy_floor(held_out):
    name, _, report = held_out
    wrong = [(c.source, c.note, c.field, c.expected, c.got) for c in report.mismatches]
    assert report.accuracy >= FLOOR, (name, round(report.accuracy, 4), wrong)


def test_every_work_found_once_and_nothing_extra(held_out):
    _, _, report = held_out
    assert report.works_found == report.works_expected, (report.works_missing, report.works_merged)
    assert not report.extra_entries


def test_every_note_accounted_for_and_pages(held_out):
    _, _, report = held_out
    statuses = [c for c in report.checks if c.field == "status"]
    assert statuses and all(c.got is not None for c in statuses), [c.note for c in statuses if c.got is None]
    assert report.page_numbers == report.expected_page_numbers
