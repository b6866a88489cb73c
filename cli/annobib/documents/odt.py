"""``.odt``: footnotes and endnotes (``text:note``) with the sentence that cites each.

Tracked changes are read as accepted: deleted text lives in ``text:tracked-changes`` and is skipped;
inserted text stands inline. A Zotero citation (a reference mark or bookmark named
``ZOTERO_ITEM CSL_CITATION {…}``) is read as the CSL-JSON it carries, not as its visible text.
Notes are numbered as the document shows them (``text:note-citation``) when that is a number, else
by position; pages are unknown (empty).
"""

from __future__ import annotations

from xml.etree import ElementTree as ET

from annobib.documents.model import Doc, DocNote
from annobib.documents.common import anchors, csl_items, mark, tidy_lines
from annobib.documents.safezip import Package
from annobib.errors import InputError

T = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_SKIP = {T + "tracked-changes", T + "note-citation", OFFICE + "annotation", T + "sequence-decls"}
_BLOCK = {T + "p", T + "h"}
_STARTS = {T + "reference-mark-start", T + "bookmark-start"}
_ENDS = {T + "reference-mark-end", T + "bookmark-end"}


class _Walker:
    def __init__(self, notes: list[DocNote] | None):
        self.out: list[str] = []
        self.notes = notes  # None inside a note: notes do not nest
        self.hidden: set[str] = set()  # names of open citation marks: their text is a rendering
        self.citations: list[tuple[dict, str | None]] = []

    def text(self, s: str | None) -> None:
        if s and not self.hidden:
            self.out.append(s)

    def walk(self, el: ET.Element) -> None:
        """Every element in document order, with an explicit stack (no recursion however deep
        the tree). A str on the stack is text to add once the element's children are read."""
        stack: list[ET.Element | tuple[str, str | None]] = [el]
        while stack:
            item = stack.pop()
            if isinstance(item, tuple):
                kind, s = item
                if kind == "block":
                    self.out.append("\n")
                self.text(s)  # the tail
            else:
                stack.extend(self._enter(item))

    def _enter(self, el: ET.Element) -> list:
        """Read one element; what is left to read, in reverse order (for the stack)."""
        tag = el.tag
        if tag in _SKIP:
            self.text(el.tail)
            return []
        later: list = [("tail", el.tail)]
        if tag == T + "note":
            self._note(el)
        elif tag in _STARTS:
            items = csl_items(el.get(T + "name") or "")
            if items:
                self.citations.extend(items)
                self.hidden.add(el.get(T + "name") or "")
        elif tag in _ENDS:
            self.hidden.discard(el.get(T + "name") or "")
        elif tag == T + "s":
            self.text(" " * min(int(el.get(T + "c") or 1) if (el.get(T + "c") or "1").isdigit() else 1, 100))
        elif tag in (T + "tab", T + "line-break"):
            self.text(" ")
        else:
            self.text(el.text)
            later = [("block" if tag in _BLOCK else "tail", el.tail), *reversed(el)]
        return later

    def _note(self, el: ET.Element) -> None:
        if self.notes is None:
            return
        inner = _Walker(None)
        body = el.find(T + "note-body")
        if body is not None:
            inner.walk(body)
        shown = (el.findtext(T + "note-citation") or "").strip()
        self.out.append(mark(len(self.notes)))
        self.notes.append(
            DocNote(
                number=int(shown) if shown.isdigit() and len(shown) < 5 else 0,
                lines=tidy_lines("".join(inner.out).split("\n")),
                csl=[c for c, _l in inner.citations],
                locators=[l for _c, l in inner.citations],
                page_index=0 if el.get(T + "note-class") != "endnote" else 1,
            )
        )


def read_odt(data: bytes, name: str) -> Doc:
    pkg = Package(data, name)
    root = pkg.part("content.xml")
    if root is None:
        raise InputError(f"{name}: not an ODT document (no content.xml)")
    text = root.find(f"{OFFICE}body/{OFFICE}text")
    if text is None:
        raise InputError(f"{name}: an OpenDocument file without a text body; not a text document")
    notes: list[DocNote] = []
    w = _Walker(notes)
    w.walk(text)
    said = anchors("".join(w.out))
    # footnotes first, then endnotes (as the document prints them); numbers as shown when they run 1, 2, …
    order = sorted(range(len(notes)), key=lambda i: notes[i].page_index)
    out = []
    for k, i in enumerate(order, 1):
        n = notes[i]
        n.anchor = said.get(i)
        if n.page_index or n.number != k:
            n.number = k
        n.page_index = 0
        out.append(n)
    if not out:
        raise InputError(f"{name}: an ODT document without footnotes or endnotes; nothing to extract")
    return Doc(kind="odt", notes=out)
