"""What a document reader hands back: the notes as the document holds them (imports nothing of
annobib but :mod:`annobib.perf`, so the readers and the package that chooses between them import
it without a cycle)."""

from __future__ import annotations

from dataclasses import dataclass, field

from annobib.perf import Deferred


@dataclass
class DocNote:
    """One footnote or endnote as a document holds it."""

    number: int
    lines: list[str]  # the note's paragraphs (or PDF lines), marker removed
    page: int | None = None  # printed page (folio, else page label/index); None for Word/ODT
    # the sentence that cites it, marker removed: read as ``str | None``, set as a Later (found when read)
    anchor: Deferred = Deferred()
    csl: list[dict] = field(default_factory=list)  # CSL-JSON items of a Zotero/Mendeley field
    locators: list[str | None] = field(default_factory=list)  # per CSL item: its page locator
    page_index: int = 0


@dataclass
class Doc:
    kind: str  # pdf | docx | odt | markdown
    notes: list[DocNote]
    pages: int = 0
    warnings: list[str] = field(default_factory=list)
