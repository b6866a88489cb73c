"""A read :class:`~annobib.documents.Doc` -> the ``Extraction`` the text path gives.

The notes go through :func:`annobib.extract.entries.build_entries` unchanged. Citation fields
(Zotero, Mendeley) become entries from their CSL-JSON: their visible text was left out of the note,
so the extractor does not read the same work twice; an item that names the same title as an entry
already made joins it.
"""

from __future__ import annotations

import re

from annobib.documents.model import Doc
from annobib.exchange.csl_json import csl_to_entry
from annobib.extract import Extraction
from annobib.extract.document import clean_spacing, join_lines
from annobib.extract.keys import base_key, unique
from annobib.extract.notes import Note
from annobib.model import Citation
from annobib.perf import unread


def to_extraction(doc: Doc):
    # here: the name is rebound in this module
    from annobib.extract.entries import NoteResult, build_entries

    notes = []
    for d in doc.notes:
        text = clean_spacing(join_lines(d.lines)) if d.lines else ""
        anchor = unread(d, "anchor")  # handed on unread: only a cited note's sentence is looked for
        notes.append(
            Note(
                page=d.page,
                number=d.number,
                text=text,
                page_index=d.page_index,
                context=anchor,
                linked=anchor is not None,  # its marker was found (its sentence may be empty)
                lines=d.lines,
            )
        )
    entries, results = build_entries(notes)
    fielded = [(r, d) for r, d in zip(results, doc.notes) if d.csl]
    if fielded:
        _add_csl(entries, fielded, NoteResult)
    numbers = [n.page for n in notes if n.page is not None]
    x = Extraction(
        entries=entries,
        notes=results,
        pages=doc.pages,
        page_numbers=(min(numbers), max(numbers)) if numbers else (None, None),
    )
    x.warnings.extend(doc.warnings)
    return x


def _title_key(title: str | None) -> str:
    return re.sub(r"\W+", "", (title or "").casefold())


def _add_csl(entries: list, fielded: list, NoteResult) -> None:
    by_title = {_title_key(e.get("title")): e for e in entries if e.get("title")}
    taken = {e.key for e in entries}
    tried: dict[str, int] = {}  # suffixes used per base key: n works of one key cost n, not n²
    for r, d in fielded:
        if r.status != "cited":  # the note held only the field (or a remark): it cites the field's works
            r.status, r.reason = "cited", None
            r.keys, r.joined = [], []
        for item, locator in zip(d.csl, d.locators):
            try:
                e = csl_to_entry(item, strict=False)
            except (ValueError, TypeError, KeyError):
                continue
            cite = Citation(note=r.note.number, page=r.note.page, locator=locator, context=r.note.context)
            same = by_title.get(_title_key(e.get("title"))) if e.get("title") else None
            if same is not None:
                same.citations = same.citations + [cite]
                r.keys.append(same.key)
                r.joined.append(True)
                continue
            e.key = unique(base_key(dict(e.fields)), taken, tried)
            taken.add(e.key)
            e.citations = [cite]
            entries.append(e)
            if e.get("title"):
                by_title[_title_key(e.get("title"))] = e
            r.keys.append(e.key)
            r.joined.append(False)
        if not r.keys:
            r.status, r.reason = "not-understood", "a citation field whose data could not be read"
