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

from annobib.documents.model import Doc, DocNote
from annobib.documents.common import anchors, csl_items, mark, mendeley_items, tidy_lines
from annobib.documents.safezip import Package
from annobib.errors import InputError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_SKIP = {
    W + "del",
    W + "moveFrom",
    W + "pPr",
    W + "rPr",
    W + "sectPr",
    W + "footnoteRef",
    W + "endnoteRef",
    W + "delText",
    W + "delInstrText",
    MC + "Fallback",
    W + "tblPr",
    W + "trPr",
    W + "tcPr",
}
_BLOCK = {W + "p", W + "tr"}
_CUSTOM = re.compile(r"^\s*[^\w\s]{1,3}\s*")
_NOTE_KINDS = (("footnote", "word/footnotes.xml"), ("endnote", "word/endnotes.xml"))


class _Walker:
    """Text of a WordprocessingML tree in reading order, with fields and note references resolved."""

    def __init__(self, in_note: bool = False):
        # in a note, a citation field's shown text is left out (its CSL items stand for it); in the
        # body it stays, so the citing sentence reads as printed ("… (Keohane 1984).")
        self.in_note = in_note
        self.out: list[str] = []
        self.fields: list[dict] = []  # open complex fields, innermost last
        self.refs: list[tuple[str, str]] = []  # (kind, id) per marker placed, in order
        self.custom: set[int] = set()  # markers with a custom mark (*, †) instead of a number
        self.drop_mark = False
        self.citations: list[tuple[dict, str | None]] = []

    def visible(self) -> bool:
        return all(f["phase"] == "result" and not f["hide"] for f in self.fields)

    def walk(self, el: ET.Element) -> None:
        tag = el.tag
        if tag in _SKIP:
            return
        if tag == W + "t":
            if self.visible() and el.text:
                text = el.text
                if self.drop_mark:  # the custom mark's own symbol follows the reference: not body text
                    text = _CUSTOM.sub("", text, count=1)
                    self.drop_mark = False
                self.out.append(text)
        elif tag == W + "instrText":
            if self.fields and self.fields[-1]["phase"] == "instr" and el.text:
                self.fields[-1]["instr"].append(el.text)
        elif tag == W + "fldChar":
            self._fld_char(el.get(W + "fldCharType"))
        elif tag == W + "sdt":  # a content control; Mendeley Cite keeps its citation in the tag
            t = el.find(f"{W}sdtPr/{W}tag")
            items = mendeley_items(t.get(W + "val") or "") if t is not None else None
            if items and self.in_note:
                self.citations.extend(items)
                return
        elif tag == W + "fldSimple":
            items = csl_items(el.get(W + "instr") or "")
            if items and self.in_note:
                self.citations.extend(items)
                return
        elif tag in (W + "tab", W + "br", W + "cr"):
            if self.visible():
                self.out.append(" ")
        elif tag == W + "noBreakHyphen":
            if self.visible():
                self.out.append("-")
        elif tag in (W + "footnoteReference", W + "endnoteReference"):
            if self.visible():
                if (el.get(W + "customMarkFollows") or "").lower() in ("1", "true", "on"):
                    self.custom.add(len(self.refs))
                    self.drop_mark = True
                self.out.append(mark(len(self.refs)))
                self.refs.append((tag[len(W) : -len("Reference")], el.get(W + "id") or ""))
            return
        for child in el:
            self.walk(child)
        if tag in _BLOCK:
            self.out.append("\n")

    def _fld_char(self, kind: str | None) -> None:
        if kind == "begin":
            self.fields.append({"phase": "instr", "instr": [], "hide": False})
        elif kind == "separate" and self.fields:
            f = self.fields[-1]
            f["phase"] = "result"
            items = csl_items("".join(f["instr"]))
            if items and self.in_note:
                self.citations.extend(items)
                f["hide"] = True  # the formatted citation is a rendering of these items
        elif kind == "end" and self.fields:
            self.fields.pop()


def _notes_of(pkg: Package, kind: str, part: str) -> dict[str, tuple[list[str], list]]:
    root = pkg.part(part)
    out: dict[str, tuple[list[str], list]] = {}
    if root is None:
        return out
    for note in root.iter(W + kind):
        if note.get(W + "type") not in (None, "normal"):
            continue  # separator lines, continuation notices
        w = _Walker(in_note=True)
        w.walk(note)
        out[note.get(W + "id") or ""] = (tidy_lines("".join(w.out).split("\n")), w.citations)
    return out


_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


def _parts(pkg: Package) -> tuple[str, dict[str, str]]:
    """The main document part and its footnotes/endnotes parts, as the package's relationships name
    them (``word/document2.xml`` happens); the usual names when a relationship is missing."""
    main = "word/document.xml"
    rels = pkg.part("_rels/.rels")
    for r in rels.iter(_REL) if rels is not None else ():
        if (r.get("Type") or "").endswith("/officeDocument") and pkg.has((r.get("Target") or "").lstrip("/")):
            main = (r.get("Target") or "").lstrip("/")
    folder, _, base = main.rpartition("/")
    notes = {kind: part for kind, part in _NOTE_KINDS}
    rels = pkg.part(f"{folder}/_rels/{base}.rels" if folder else f"_rels/{base}.rels")
    for r in rels.iter(_REL) if rels is not None else ():
        kind = (r.get("Type") or "").rsplit("/", 1)[-1]
        target = r.get("Target") or ""
        if kind in ("footnotes", "endnotes") and r.get("TargetMode") != "External":
            path = target.lstrip("/") if target.startswith("/") else (f"{folder}/{target}" if folder else target)
            if pkg.has(path):
                notes[kind[:-1]] = path
    return main, notes


def read_docx(data: bytes, name: str) -> Doc:
    pkg = Package(data, name)
    main, note_parts = _parts(pkg)
    body = pkg.part(main)
    if body is None:
        raise InputError(f"{name}: not a Word document (no word/document.xml)")
    w = _Walker()
    w.walk(body)
    stream = "".join(w.out)
    texts = {kind: _notes_of(pkg, kind, note_parts[kind]) for kind, _part in _NOTE_KINDS}
    said = anchors(stream)
    notes: list[DocNote] = []
    seen: set[tuple[str, str]] = set()
    numbered = 0
    order = sorted(range(len(w.refs)), key=lambda i: w.refs[i][0] == "endnote")  # footnotes, then endnotes
    for i in order:
        kind, nid = w.refs[i]
        if (kind, nid) in seen or nid not in texts[kind]:
            continue
        seen.add((kind, nid))
        lines, cites = texts[kind][nid]
        if i in w.custom:  # a custom mark (*): unnumbered, like a star note in plain text
            notes.append(
                _note(0, [_CUSTOM.sub("", lines[0], count=1)] + lines[1:] if lines else lines, said.get(i), cites)
            )
        else:
            numbered += 1
            notes.append(_note(numbered, lines, said.get(i), cites))
    dropped = sum(1 for kind, _p in _NOTE_KINDS for nid in texts[kind] if (kind, nid) not in seen)
    warnings = (
        [f"{dropped} note(s) whose reference is deleted (a tracked change, read as accepted) left out"]
        if dropped
        else []
    )
    if not notes:
        raise InputError(f"{name}: a Word document without footnotes or endnotes; nothing to extract")
    return Doc(kind="docx", notes=notes, warnings=warnings)


def _note(number: int, lines: list[str], anchor: str | None, cites: list) -> DocNote:
    return DocNote(
        number=number, lines=lines, anchor=anchor, csl=[c for c, _l in cites], locators=[l for _c, l in cites]
    )
