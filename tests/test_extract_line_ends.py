"""Every line end Unicode knows separates notes: five notes joined by U+2028 were read as one
note (four lost without a word); by U+2029, a form feed or a mix of them, the same."""

from __future__ import annotations

import pytest

from annobib.extract import extract_notes, extract_text

SEPARATORS = ["\n", "\r", "\r\n", "\u2028", "\u2029", "\x85", "\x0b", "\x0c"]
IDS = ["LF", "CR", "CRLF", "LS", "PS", "NEL", "VT", "FF"]


def _five(sep: str) -> str:
    return "".join(f"{i}. Smith J. Title {i}[J]. Journal of Things, 2020, 3(2): 1-5." + sep for i in range(1, 6))


@pytest.mark.parametrize("sep", SEPARATORS, ids=IDS)
def test_each_line_end_splits_loose_notes(sep):
    found = extract_notes(_five(sep))
    assert [(r.note.number, r.status) for r in found.notes] == [(i, "cited") for i in range(1, 6)]
    assert sorted(e.fields["title"] for e in found.entries) == [f"Title {i}" for i in range(1, 6)]


@pytest.mark.parametrize("sep", SEPARATORS, ids=IDS)
def test_each_line_end_splits_document_notes(sep):
    found = extract_text(_five(sep))
    assert [(r.note.number, r.status) for r in found.notes] == [(i, "cited") for i in range(1, 6)]


def test_mixed_line_ends_keep_every_note():
    text = "".join(f"{i}. Smith J. Title {i}. J, 2020." + SEPARATORS[i % 8] for i in range(1, 401))
    assert [r.note.number for r in extract_notes(text).notes] == list(range(1, 401))


def test_a_paragraph_separator_parts_unnumbered_notes():
    text = "Smith J. Title One[J]. Journal, 2020.\u2029Jones K. Title Two[J]. Journal, 2021."
    assert len(extract_notes(text).notes) == 2
