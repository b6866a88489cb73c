"""Citations of a Word manuscript: Zotero (and Better BibTeX through Zotero) and Mendeley citation
fields (read by ``documents.wordml``, as ``extract`` reads them), and ``[@key]`` typed as text,
read from the body with each footnote's text where its mark stands (so the order of first
citation is the reading order)."""

from __future__ import annotations

import re
from xml.etree import ElementTree as ET

from annobib.documents.safezip import Package
from annobib.documents.wordml import FieldWalker, Items, notes, parts, wordml_part
from annobib.errors import InputError
from annobib.manuscript.scan import Cite, locator, scan_markdown

FIELD = "\ue010{}\ue011"  # where a citation field stood in the text stream


class _Stream(FieldWalker):
    """The body with each note's text where its mark stands; every citation field leaves a
    marker in the text and its items in ``items``."""

    def __init__(self, notes: dict[tuple[str, str], ET.Element]):
        super().__init__()
        self.notes = notes
        self.items: list[Items] = []

    def cite(self, items: Items) -> bool:
        self.out.append(FIELD.format(len(self.items)))
        self.items.append(items)
        return True  # the shown text is Zotero's rendering of these items

    def reference(self, el: ET.Element, kind: str, note_id: str) -> None:
        note = self.notes.get((kind, note_id))
        if note is not None:
            self.out.append(" ")
            self.walk(note)  # the note's citations come where its mark stands


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
    pkg = Package(data, name)
    main, note_parts = parts(pkg)
    body = wordml_part(pkg, main)
    if body is None:
        raise InputError(f"{name}: not a Word document (no word/document.xml)")
    s = _Stream(notes(pkg, note_parts))
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
