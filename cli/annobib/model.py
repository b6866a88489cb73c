"""The data every part of annobib shares: entries and where the article cites them.

An :class:`Entry` is a BibTeX/biblatex entry with its fields in file order.  Field names are
lower-case; values are the text between the outer braces (or quotes) as written in the file,
so a value round-trips untouched.  Display code decodes LaTeX through :mod:`annobib.text`.

Where the article cites a work lives in the entry's ``citations`` field, one item per citing
note, items separated by `` || ``::

    citations = {p. 25, n. 1: 2025 年 1 月，…明确信号。 || p. 33, n. 2, at 34: …}

``p.`` is the article page (absent when the source has no page structure), ``n.`` the note
number on that page, ``at`` the page(s) of the cited work the note gives (its *locator*), and
after ``: `` the sentence that carries the note marker (its *context*).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from annobib.bib.latex import plain_from_latex, plain_to_latex

CITATIONS_FIELD = "citations"
CITATION_SEPARATOR = " || "

# biblatex field aliases: the first name is the one annobib writes.
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "journaltitle": ("journaltitle", "journal"),
    "date": ("date", "year"),
    "location": ("location", "address"),
    "institution": ("institution", "school"),
    "archiveurl": ("archiveurl", "archive-url", "archive_url", "versionurl"),
    "archivedate": ("archivedate", "archive-date", "archive_date", "versiondate"),
    "langid": ("langid", "language", "hyphenation"),
    "keywords": ("keywords", "tags"),
    "annote": ("annote", "annotation"),
}


@dataclass
class Citation:
    """One place where the article cites a work."""

    note: int
    page: int | None = None
    locator: str | None = None
    context: str | None = None

    def to_text(self) -> str:
        head = f"n. {self.note}"
        if self.page is not None:
            head = f"p. {self.page}, {head}"
        if self.locator:
            head += f", at {self.locator}"
        if self.context:
            head += f": {self.context}"
        return head

    def as_dict(self) -> dict:
        return {"page": self.page, "note": self.note, "locator": self.locator, "context": self.context}


_CITATION_RE = re.compile(
    r"^\s*(?:p\.\s*(?P<page>\d+)\s*,\s*)?n\.\s*(?P<note>\d+)"
    r"(?:\s*,\s*at\s+(?P<locator>[^:]+?))?\s*(?::\s*(?P<context>.*))?$",
    re.S,
)


def parse_citations(value: str | None) -> list[Citation]:
    """Read a ``citations`` field; items that do not parse are skipped."""
    if not value:
        return []
    value = plain_from_latex(value)  # the sentence as it was written in the article
    out = []
    for item in value.split(CITATION_SEPARATOR.strip()):
        m = _CITATION_RE.match(item.strip())
        if not m:
            continue
        out.append(
            Citation(
                note=int(m["note"]),
                page=int(m["page"]) if m["page"] else None,
                locator=m["locator"].strip() if m["locator"] else None,
                context=m["context"].strip() if m["context"] else None,
            )
        )
    return out


def format_citations(citations: list[Citation]) -> str:
    # A literal " || " or braces inside a sentence would break the field; the sentence is the
    # article's plain text, written as text (a "\\input" in it never runs under LaTeX)
    return CITATION_SEPARATOR.join(
        plain_to_latex(c.to_text().replace("||", "|").replace("{", "(").replace("}", ")"), CITATIONS_FIELD)
        for c in citations
    )


_FOUR_DIGITS = re.compile(r"\d{4}").search  # a year (styles ask 5 times an entry: no re cache look-up)


@dataclass
class Entry:
    """A bibliography entry: type, key and ordered fields (raw BibTeX values)."""

    key: str
    type: str
    fields: dict[str, str] = field(default_factory=dict)
    line: int | None = None  # 1-based line of the ``@`` in the file it was read from
    source: str | None = None  # path of that file

    def get(self, name: str, default: str | None = None) -> str | None:
        """A field by its biblatex name, falling back to its BibTeX aliases."""
        aliases = FIELD_ALIASES.get(name)
        if aliases is None:  # most names have no alias: one look-up (styles ask thousands of times)
            value = self.fields.get(name)
            return default if value is None else value
        for alias in aliases:
            value = self.fields.get(alias)
            if value is not None:
                return value
        return default

    def field_name(self, name: str) -> str | None:
        """The name under which ``name`` (or an alias) is actually stored, if any."""
        for alias in FIELD_ALIASES.get(name, (name,)):
            if alias in self.fields:
                return alias
        return None

    @property
    def citations(self) -> list[Citation]:
        return parse_citations(self.fields.get(CITATIONS_FIELD))

    @citations.setter
    def citations(self, items: list[Citation]) -> None:
        if items:
            self.fields[CITATIONS_FIELD] = format_citations(items)
        else:
            self.fields.pop(CITATIONS_FIELD, None)

    @property
    def year(self) -> str | None:
        value = self.get("date")
        m = _FOUR_DIGITS(value) if value else None
        return m.group(0) if m else None

    @property
    def aliases(self) -> list[str]:
        """Other keys of this entry: biblatex's ``ids`` (``import --merge`` records there the key
        another library cited it by)."""
        return [a.strip() for a in (self.get("ids") or "").split(",") if a.strip()]

    def as_dict(self) -> dict:
        return {
            "key": self.key,
            "type": self.type,
            "fields": {k: v for k, v in self.fields.items() if k != CITATIONS_FIELD},
            "citations": [c.as_dict() for c in self.citations],
        }
