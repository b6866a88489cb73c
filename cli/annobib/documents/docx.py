"""``.docx``: footnotes and endnotes from the document's XML, each with the sentence that cites it.

Tracked changes are read as accepted (insertions kept, deletions and moved-away text dropped).
A Zotero or Mendeley citation field in a note (``ADDIN ZOTERO_ITEM CSL_CITATION {…}``,
``ADDIN CSL_CITATION {…}``, or a Mendeley Cite content control) is read as the CSL-JSON it carries,
not as its visible text. Notes are numbered in the order their references appear in the body (as Word
shows them); a note with a custom mark (``*``) is number 0, as a star note in plain text, and does not
count; endnotes, when a document has footnotes too, are numbered on after the footnotes.
Word does not know printed pages, so ``page`` stays empty.
"""

from __future__ import annotations

import re
from xml.etree import ElementTree as ET

from annobib.documents.common import anchors, mark, tidy_lines
from annobib.documents.model import Doc, DocNote
from annobib.documents.safezip import Package
from annobib.documents.wordml import NOTE_KINDS, FieldWalker, Items, W, notes, parts, wordml_part
from annobib.errors import InputError
from annobib.perf import Later

_CUSTOM = re.compile(r"^\s*[^\w\s]{1,3}\s*")


class _Walker(FieldWalker):
    """The body (note references become markers) or one note (its citation fields collected)."""

    def __init__(self, in_note: bool = False):
        super().__init__()
        # in a note, a citation field's shown text is left out (its CSL items stand for it); in the
        # body it stays, so the citing sentence reads as printed ("… (Keohane 1984).")
        self.in_note = in_note
        self.refs: list[tuple[str, str]] = []  # (kind, id) per marker placed, in order
        self.custom: set[int] = set()  # markers with a custom mark (*, †) instead of a number
        self.drop_mark = False
        self.citations: Items = []

    def cite(self, items: Items) -> bool:
        if self.in_note:
            self.citations.extend(items)
        return self.in_note

    def text(self, text: str) -> None:
        if self.drop_mark:  # the custom mark's own symbol follows the reference: not body text
            text = _CUSTOM.sub("", text, count=1)
            self.drop_mark = False
        self.out.append(text)

    def reference(self, el: ET.Element, kind: str, note_id: str) -> None:
        if (el.get(W + "customMarkFollows") or "").lower() in ("1", "true", "on"):
            self.custom.add(len(self.refs))
            self.drop_mark = True
        self.out.append(mark(len(self.refs)))
        self.refs.append((kind, note_id))


def _note_texts(pkg: Package, note_parts: dict[str, str]) -> dict[str, dict[str, tuple[list[str], Items]]]:
    """kind -> note id -> (the note's lines, its citation fields' items)."""
    out: dict[str, dict[str, tuple[list[str], Items]]] = {kind: {} for kind, _part in NOTE_KINDS}
    for (kind, nid), note in notes(pkg, note_parts).items():
        w = _Walker(in_note=True)
        w.walk(note)
        out[kind][nid] = (tidy_lines("".join(w.out).split("\n")), w.citations)
    return out


def read_docx(data: bytes, name: str) -> Doc:
    pkg = Package(data, name)
    main, note_parts = parts(pkg)
    body = wordml_part(pkg, main)
    if body is None:
        raise InputError(f"{name}: not a Word document (no word/document.xml)")
    w = _Walker()
    w.walk(body)
    stream = "".join(w.out)
    texts = _note_texts(pkg, note_parts)
    # the first reference to each note stands for it (footnotes, then endnotes)
    first: dict[tuple[str, str], int] = {}
    for i in sorted(range(len(w.refs)), key=lambda i: w.refs[i][0] == "endnote"):
        if w.refs[i][1] in texts[w.refs[i][0]]:
            first.setdefault(w.refs[i], i)
    said = anchors(stream, set(first.values()))
    notes: list[DocNote] = []
    seen = set(first)
    numbered = 0
    for (kind, nid), i in first.items():
        lines, cites = texts[kind][nid]
        if i in w.custom:  # a custom mark (*): unnumbered, like a star note in plain text
            notes.append(
                _note(0, [_CUSTOM.sub("", lines[0], count=1)] + lines[1:] if lines else lines, said.get(i), cites)
            )
        else:
            numbered += 1
            notes.append(_note(numbered, lines, said.get(i), cites))
    dropped = sum(1 for kind, _p in NOTE_KINDS for nid in texts[kind] if (kind, nid) not in seen)
    warnings = (
        [f"{dropped} note(s) whose reference is deleted (a tracked change, read as accepted) left out"]
        if dropped
        else []
    )
    if not notes:
        raise InputError(f"{name}: a Word document without footnotes or endnotes; nothing to extract")
    return Doc(kind="docx", notes=notes, warnings=warnings)


def _note(number: int, lines: list[str], anchor: Later | None, cites: Items) -> DocNote:
    return DocNote(
        number=number, lines=lines, anchor=anchor, csl=[c for c, _l in cites], locators=[l for _c, l in cites]
    )
