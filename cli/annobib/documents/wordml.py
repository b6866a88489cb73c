"""WordprocessingML (``.docx``) read in one place: the text of a tree in reading order, its
citation fields, and which parts of the package hold the body and the notes.

A citation field comes in four shapes, all read here: a complex field (``fldChar`` begin, the
instruction in ``instrText`` runs, separate, the shown text, end: Zotero's ``ADDIN ZOTERO_ITEM
CSL_CITATION {…}``, Better BibTeX's through Zotero, Mendeley's ``ADDIN CSL_CITATION {…}``), a
simple field (``fldSimple`` with the instruction in an attribute), and a Mendeley Cite content
control (``sdt`` tagged with base64 CSL-JSON). Readers subclass :class:`FieldWalker` and say
what a citation and a note reference become (``documents.docx``: notes of an article;
``manuscript.word``: the citations of a manuscript).
"""

from __future__ import annotations

import re
from xml.etree import ElementTree as ET

from annobib.documents.common import csl_items, mendeley_items
from annobib.documents.safezip import Package

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
# deleted and moved-away text (tracked changes read as accepted), properties, note marks, and
# the fallback copy of alternate content
SKIP = frozenset(
    W + t
    for t in ("del", "moveFrom", "pPr", "rPr", "sectPr", "footnoteRef", "endnoteRef", "delText", "delInstrText")
    + ("tblPr", "trPr", "tcPr")
) | {MC + "Fallback"}
BLOCKS = frozenset((W + "p", W + "tr"))  # a line break in the text after each
NOTE_REFERENCES = frozenset((W + "footnoteReference", W + "endnoteReference"))
Items = list[tuple[dict, str | None]]  # (CSL item, locator) per cited work
# the elements FieldWalker reads itself; the tags spelled out once, not joined for each element
_T, _INSTR_TEXT, _FLD_CHAR, _SDT, _FLD_SIMPLE, _NO_BREAK_HYPHEN = (
    W + t for t in ("t", "instrText", "fldChar", "sdt", "fldSimple", "noBreakHyphen")
)
_SPACE_LIKE = frozenset((W + "tab", W + "br", W + "cr"))
_READ = frozenset((_T, _INSTR_TEXT, _FLD_CHAR, _SDT, _FLD_SIMPLE, _NO_BREAK_HYPHEN)) | _SPACE_LIKE | NOTE_REFERENCES


class FieldWalker:
    """Text of a WordprocessingML tree in reading order, citation fields read as CSL items.

    A subclass says what a citation becomes (:meth:`cite`: True when the field's shown text is
    to be left out, its items standing for it) and what a note reference becomes
    (:meth:`reference`); :meth:`text` receives each visible run of text."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.fields: list[dict] = []  # open complex fields, innermost last

    def cite(self, items: Items) -> bool:
        return False

    def reference(self, el: ET.Element, kind: str, note_id: str) -> None:
        """A footnote or endnote reference (``kind`` "footnote" or "endnote") where it stands."""

    def text(self, text: str) -> None:
        self.out.append(text)

    def visible(self) -> bool:
        """Outside every field's instruction and every field whose shown text is left out."""
        return not self.fields or all(f["phase"] == "result" and not f["hide"] for f in self.fields)

    def walk(self, el: ET.Element) -> None:
        """Every element in document order, with an explicit stack: a tree nested 200,000 deep
        (a hostile .docx is 4 KB) costs no recursion."""
        stack: list[ET.Element | str] = [el]
        while stack:
            item = stack.pop()
            if isinstance(item, str):  # a block closes
                self.out.append(item)
            elif self._enter(item):
                if item.tag in BLOCKS:
                    stack.append("\n")
                stack.extend(reversed(item))

    def _enter(self, el: ET.Element) -> bool:
        """Read one element; True when its children are to be read too."""
        tag = el.tag
        if tag not in _READ:  # a paragraph, a run, a table, a hyperlink …: only its children count
            return tag not in SKIP
        if tag == _T:
            if el.text and self.visible():
                self.text(el.text)
        elif tag == _INSTR_TEXT:
            if self.fields and self.fields[-1]["phase"] == "instr" and el.text:
                self.fields[-1]["instr"].append(el.text)
        elif tag == _FLD_CHAR:
            self._fld_char(el.get(W + "fldCharType"))
        elif tag == _SDT:  # a content control; Mendeley Cite keeps its citation in the tag
            t = el.find(f"{W}sdtPr/{W}tag")
            items = mendeley_items(t.get(W + "val") or "") if t is not None else None
            if items and self.cite(items):
                return False
        elif tag == _FLD_SIMPLE:
            items = csl_items(el.get(W + "instr") or "")
            if items and self.cite(items):
                return False
        elif tag in _SPACE_LIKE:
            if self.visible():
                self.out.append(" ")
        elif tag == _NO_BREAK_HYPHEN:
            if self.visible():
                self.out.append("-")
        elif tag in NOTE_REFERENCES:
            if self.visible():
                self.reference(el, tag[len(W) : -len("Reference")], el.get(W + "id") or "")
            return False
        return True

    def _fld_char(self, kind: str | None) -> None:
        if kind == "begin":
            self.fields.append({"phase": "instr", "instr": [], "hide": False})
        elif kind == "separate" and self.fields:
            f = self.fields[-1]
            f["phase"] = "result"
            items = csl_items("".join(f["instr"]))
            if items and self.cite(items):
                f["hide"] = True  # the shown text is a rendering of these items
        elif kind == "end" and self.fields:
            self.fields.pop()


# Run and paragraph properties are most of Word's XML (a run's fonts, size, colour and language
# repeated on every run: 80 % of a 12 MB body) and are never read (SKIP). Dropped as bytes before
# parsing, expat builds a tree a fifth the size: 0.9 s -> 0.17 s for 12 MB. A block is dropped only
# when no block of its kind opens inside it (``rPrChange`` holds an ``rPr``: the outer one stays),
# and only where the text is plain markup: no comment, CDATA or processing instruction that could
# hold the tag's spelling, ``w`` bound once, to WordprocessingML.
_PROPERTIES = re.compile(rb"<w:([rp]Pr)>[^<]*(?:<(?!/?w:[rp]Pr[\s>/])[^<]*)*</w:\1>")
_W_PREFIX = b'xmlns:w="' + W[1:-1].encode() + b'"'


def drop_properties(data: bytes) -> bytes:
    """The XML of a WordprocessingML part without its plain ``<w:rPr>``/``<w:pPr>`` blocks."""
    if (
        data.count(b"xmlns:w=") != 1
        or _W_PREFIX not in data
        or b"<!--" in data
        or b"<![CDATA[" in data
        or data.count(b"<?") > 1
    ):
        return data
    return _PROPERTIES.sub(b"", data)


def wordml_part(pkg: Package, name: str) -> ET.Element | None:
    """A body or notes part, parsed without the properties no reader looks at."""
    return pkg.part(name, drop_properties)


_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
NOTE_KINDS = (("footnote", "word/footnotes.xml"), ("endnote", "word/endnotes.xml"))


def parts(pkg: Package) -> tuple[str, dict[str, str]]:
    """The main document part and its footnotes/endnotes parts, as the package's relationships name
    them (``word/document2.xml`` happens); the usual names when a relationship is missing."""
    main = "word/document.xml"
    rels = pkg.part("_rels/.rels")
    for r in rels.iter(_REL) if rels is not None else ():
        if (r.get("Type") or "").endswith("/officeDocument") and pkg.has((r.get("Target") or "").lstrip("/")):
            main = (r.get("Target") or "").lstrip("/")
    folder, _, base = main.rpartition("/")
    notes = {kind: part for kind, part in NOTE_KINDS}
    rels = pkg.part(f"{folder}/_rels/{base}.rels" if folder else f"_rels/{base}.rels")
    for r in rels.iter(_REL) if rels is not None else ():
        kind = (r.get("Type") or "").rsplit("/", 1)[-1]
        target = r.get("Target") or ""
        if kind in ("footnotes", "endnotes") and r.get("TargetMode") != "External":
            path = target.lstrip("/") if target.startswith("/") else (f"{folder}/{target}" if folder else target)
            if pkg.has(path):
                notes[kind[:-1]] = path
    return main, notes


def notes(pkg: Package, note_parts: dict[str, str]) -> dict[tuple[str, str], ET.Element]:
    """Every ordinary footnote and endnote by (kind, id); separators and continuation notices left out."""
    out = {}
    for kind, _usual in NOTE_KINDS:
        root = wordml_part(pkg, note_parts[kind])
        for note in root.iter(W + kind) if root is not None else ():
            if note.get(W + "type") in (None, "normal"):
                out[(kind, note.get(W + "id") or "")] = note
    return out
