"""Loose notes past 999 and Markdown ``[^n]:`` markers pasted as text: every note comes out as itself,
numbered as written, never glued to the note before it (markers were read as 1 to 3 digits)."""

from __future__ import annotations

import json

from annobib.extract.notes import loose_notes


def _footnotes(n: int, sep: str) -> str:
    return sep.join(f"[^{i}]: Ibid., p. {i}." for i in range(1, n + 1)) + "\n"


def test_1300_markdown_footnotes_are_1300_notes():
    notes = loose_notes(_footnotes(1300, "\n\n"))
    assert [n.number for n in notes] == list(range(1, 1301))
    assert notes[999].text == "Ibid., p. 1000." and notes[-1].text == "Ibid., p. 1300."


def test_ten_footnote_lines_are_ten_notes_with_their_pages_whole():
    notes = loose_notes(_footnotes(10, "\n"))
    assert [(n.number, n.text) for n in notes] == [(i, f"Ibid., p. {i}.") for i in range(1, 11)]


def test_a_numbered_reference_list_past_999_keeps_every_item():
    text = "\n".join(f"{i}. Smith J. Title {i}[J]. Journal, 2020, 3(1): 1-{i}." for i in range(1, 1301))
    notes = loose_notes(text)
    assert len(notes) == 1300 and [n.number for n in notes[998:1001]] == [999, 1000, 1001]
    assert notes[-1].text.startswith("Smith J. Title 1300[J]")


def test_a_year_opening_a_paragraph_is_no_note_number():
    notes = loose_notes("2020 年的报告很重要。\n\n1999 Smith, J. A book. Press.\n\n3 王某：《书》，北京出版社。")
    assert [n.number for n in notes] == [1, 2, 3]
    assert notes[0].text.startswith("2020 年") and notes[1].text.startswith("1999 Smith")


def test_extract_reports_every_note(cli_run, tmp_path):
    src = tmp_path / "m.txt"
    src.write_text(_footnotes(1300, "\n\n"), encoding="utf-8")
    r = cli_run(["extract", "--notes", str(src), "--json", "-o", "-"])
    notes = json.loads(r.stdout)["notes"]
    assert len(notes) == 1300 and notes[-1]["note"] == 1300 and notes[-1]["text"] == "Ibid., p. 1300."


def test_years_opening_lines_make_no_numbered_run():
    from annobib.extract.numbering import numbered_run

    assert numbered_run("2015. Smith, J. A book.\n2016. Lee, K. Another.\n") == []
    run = numbered_run("".join(f"{i}. Note {i}.\n" for i in range(995, 1003)))
    assert [m.number for m in run] == list(range(995, 1003))
