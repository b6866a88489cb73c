"""Citations of a Word manuscript: Zotero (and Better BibTeX through Zotero) citation fields, and
``[@key]`` typed as text, read from the body with each footnote's text where its mark stands (so
the order of first citation is the reading order)."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from annobib.documents.common import csl_items
from annobib.documents.safezip import Package
from annobib.manuscript.scan import Cite, locator, scan_markdown

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SKIP = {W + "del", W + "moveFrom", W + "delText", W + "delInstrText", W + "pPr", W + "rPr"}
FIELD = "\ue010{}\ue011"  # where a citation field stood in the text stream


class _Stream:
    def __init__(self, notes: dict[tuple[str, str], ET.Element]):
        self.notes = notes
        self.out: list[str] = []
        self.fields: list[dict] = []
        self.items: list[list[tuple[dict, str | None]]] = []

    def _field(self, items) -> None:
        self.out.append(FIELD.format(len(self.items)))
        self.items.append(items)

    def walk(self, el: ET.Element) -> None:
        tag = el.tag
        if tag in _SKIP:
            return
        hidden = any(f["phase"] == "instr" or f["hide"] for f in self.fields)
        if tag == W + "t":
            if not hidden and el.text:
                self.out.append(el.text)
        elif tag == W + "instrText":
            if self.fields and self.fields[-1]["phase"] == "instr" and el.text:
                self.fields[-1]["instr"].append(el.text)
        elif tag == W + "fldChar":
            kind = el.get(W + "fldCharType")
            if kind == "begin":
                self.fields.append({"phase": "instr", "instr": [], "hide": False})
            elif kind == "separate" and self.fields:
                f = self.fields[-1]
                f["phase"] = "result"
                items = csl_items("".join(f["instr"]))
                if items:
                    self._field(items)
                    f["hide"] = True  # the shown text is Zotero's rendering of these items
            elif kind == "end" and self.fields:
                self.fields.pop()
        elif tag == W + "fldSimple":
            items = csl_items(el.get(W + "instr") or "")
            if items:
                self._field(items)
                return
        elif tag in (W + "footnoteReference", W + "endnoteReference"):
            note = self.notes.get((tag[len(W) : -len("Reference")], el.get(W + "id") or ""))
            if note is not None and not hidden:
                self.out.append(" ")
                self.walk(note)  # the note's citations come where its mark stands
            return
        for child in el:
            self.walk(child)
        if tag == W + "p":
            self.out.append("\n")


def _notes(pkg: Package) -> dict[tuple[str, str], ET.Element]:
    out = {}
    for kind in ("footnote", "endnote"):
        root = pkg.part(f"word/{kind}s.xml")
        for note in root.iter(W + kind) if root is not None else ():
            out[(kind, note.get(W + "id") or "")] = note
    return out


def csl_key(item: dict) -> str | None:
    """The citation key a Zotero item carries: ``citation-key`` (Zotero 7, Better BibTeX), or a
    ``Citation Key: …`` line in its extra/note field."""
    for name in ("citation-key", "citationKey", "citekey"):
        v = item.get(name)
        if isinstance(v, str) and v.strip():
            return v.strip()
    for name in ("note", "extra"):
        v = item.get(name)
        if isinstance(v, str):
            for line in v.splitlines():
                head, _, rest = line.partition(":")
                if head.strip().lower() in ("citation key", "bibtex") and rest.strip():
                    return rest.strip()
    return None


def scan_docx(data: bytes, name: str) -> list[list[Cite]]:
    import re

    pkg = Package(data, name)
    body = pkg.part("word/document.xml")
    if body is None:
        from annobib.errors import InputError

        raise InputError(f"{name}: not a Word document (no word/document.xml)")
    s = _Stream(_notes(pkg))
    s.walk(body)
    stream = "".join(s.out)
    out: list[list[Cite]] = []
    pos = 0
    # text between fields: [@key] typed by hand; fields: Zotero's items
    for m in re.finditer("\ue010(\\d+)\ue011", stream):
        out.extend(scan_markdown(stream[pos : m.start()]))
        group = []
        for item, loc in s.items[int(m.group(1))]:
            key = csl_key(item)
            group.append(Cite(key or "", locator(loc) if loc else None, 0, csl=None if key else item))
        if group:
            out.append(group)
        pos = m.end()
    out.extend(scan_markdown(stream[pos:]))
    return out
