"""Many tiny notes (hostile round 14): the work each saving removes is counted, not timed.

A citing sentence is looked for only when a cited note's citation needs it; a Markdown note with
no syntax character is not run through the syntax passes; a marker style no line starts with is
not tried line by line; an unsignalled page is walked once; ``①a`` lines are no folio candidates.
"""

from __future__ import annotations

import annobib.documents.common as common
import annobib.documents.markdown as markdown
import annobib.extract.document as document
import annobib.extract.notes as notes
from annobib.documents import read_document
from annobib.documents.bridge import to_extraction
from annobib.extract import extract_text
from annobib.extract.document import Page


class Counting:
    """A compiled pattern's stand-in that counts its ``match`` calls."""

    def __init__(self, rx):
        self.rx, self.calls = rx, 0

    def match(self, *args):
        self.calls += 1
        return self.rx.match(*args)

    def __getattr__(self, name):
        return getattr(self.rx, name)


def counted(monkeypatch, module, name):
    calls = []
    real = getattr(module, name)

    def wrapper(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, wrapper)
    return calls


MARKDOWN = (
    "正文一句。[^1] 再说一句。[^2] 第三句。^[a]\n\n"
    "[^1]: 阎学通：《大国领导力》，北京：中信出版社 2020 年版，第 25 页。\n"
    "[^2]: 这里只是说明，不是引文\n"
)


def test_a_markdown_sentence_is_looked_for_only_for_a_cited_note(tmp_path, monkeypatch):
    calls = counted(monkeypatch, common, "sentence_at")
    p = tmp_path / "a.md"
    p.write_text(MARKDOWN, encoding="utf-8")
    doc = read_document(str(p))
    assert calls == []  # reading the document finds no sentence yet
    x = to_extraction(doc)
    assert len(calls) == 1  # the one cited note's, for its citation
    assert x.entries[0].citations[0].context == "正文一句。"
    # the inline note is numbered first (read before the references); its sentence is there when asked for
    assert doc.notes[0].anchor == "第三句。"
    assert len(calls) == 2


ARTICLE = "正文一句。[1]再说一句。[2]第三句。[3]\n[1] 阎学通：《大国领导力》，北京：中信出版社 2020 年版，第 25 页。\n[2] 这里只是说明\n[3] 同上。\n"


def test_a_text_sentence_is_looked_for_only_for_a_cited_note(monkeypatch):
    calls = counted(monkeypatch, notes, "sentence_at")
    x = extract_text(ARTICLE)
    assert [r.status for r in x.notes] == ["cited", "not-a-citation", "cited"]
    assert len(calls) == 2
    assert [c.context for c in x.entries[0].citations] == ["正文一句。", "第三句。"]
    assert x.notes[1].note.context == "再说一句。" and len(calls) == 3


def test_a_markdown_note_without_syntax_characters_skips_the_syntax_passes(monkeypatch):
    calls = counted(monkeypatch, markdown, "_unemphasize")
    assert markdown.plain("阎学通：《大国领导力》，2020 年版。") == "阎学通：《大国领导力》，2020 年版。"
    assert calls == []
    assert markdown.plain("*Title*, 2020") == "Title, 2020"
    assert calls


def test_a_marker_style_no_line_starts_with_is_not_tried(monkeypatch):
    starts = counted(monkeypatch, notes, "_starts")
    page = Page(index=0, number=None, lines=["正文①"] + ["①a"] * 50)
    assert notes.choose_style([page]) == "circled"
    assert [s for _lines, s in starts] == ["circled"]  # not five passes that cannot match


def test_a_style_passes_over_lines_starting_with_another_style_s_marker(monkeypatch):
    counters = {style: Counting(rx) for style, rx in notes.START_RES.items()}
    monkeypatch.setattr(notes, "START_RES", counters)
    assert notes._starts(["[1] a", "①a", "(2) b", " [3] c"], "bracket") == [(0, 1, 4), (3, 3, 5)]
    assert counters["bracket"].calls == 2


PAGE_OF_TINY_NOTES = ["正文①"] + ["①a"] * 50


def test_an_unsignalled_page_is_walked_once(monkeypatch):
    starts = counted(monkeypatch, notes, "_starts")
    parts = notes.split_page(Page(index=0, number=None, lines=PAGE_OF_TINY_NOTES), "circled", False)
    assert len(parts) == 50 and parts[1] == ([], [(1, ["a"])])
    assert starts == []  # the marked lines are found by the walk alone


def test_a_note_s_end_is_judged_only_when_a_line_may_continue_it(monkeypatch):
    ends = counted(monkeypatch, notes, "_NoteEnd")
    parts = notes.split_page(Page(index=0, number=None, lines=PAGE_OF_TINY_NOTES), "circled", False)
    assert len(parts) == 50
    assert ends == []  # every line starts a note: none may continue one
    parts = notes.split_page(Page(index=0, number=None, lines=["正文①", "①a", "b"]), "circled", False)
    assert parts == [(["正文①"], [(1, ["a", "b"])])] and len(ends) == 1


def test_circled_note_lines_are_no_folio_candidates(monkeypatch):
    caps = Counting(document._FOLIO_CAPS_HEAD)
    heads = Counting(document._NUM_HEAD)
    monkeypatch.setattr(document, "_FOLIO_CAPS_HEAD", caps)
    monkeypatch.setattr(document, "_NUM_HEAD", heads)
    assert [document.is_folio(x) for x in ("①a", "¹a", "a①")] == [None, None, None]
    assert document._numbered_heads(["①a", "a ①"] * 3) == {}
    assert caps.calls == 0 and heads.calls == 0
    assert document.is_folio("12 CHAPTER ONE") == 12 and caps.calls == 1
