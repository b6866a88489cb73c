"""Is this entry already in the library?  Same key, URL, DOI, or title + first author + year
(unless a DOI, volume, number or pages that both give differ: then they are two works).

    index = DuplicateIndex(lib.entries)
    for hit in index.find(entry):          # [(existing_key, reason), …]
        ...
    index.add(entry)                        # when the entry is taken in

Normalization is deliberately forgiving: case, accents, punctuation, spaces, LaTeX braces and
full-width forms do not make two records different; ``https://www.x.org/a/?utm_source=x`` and
``http://x.org/a`` are the same URL; ``https://doi.org/10.1/X`` and ``doi:10.1/x`` the same DOI.
The normalizers are validate's (``annobib.checks._util``: rule W107 duplicate-work), so ``add``
and ``import`` call "duplicate" exactly what ``validate`` would; the fallbacks below are used only
if that package cannot be imported.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass

from annobib.core.latex import latex_to_text
from annobib.model import Entry
from annobib.names import parse_names


def _fold(text: str) -> str:
    # decoded, not stripped: Sol{\'\i}s folds to solis like Solís (stripping gave sols)
    text = unicodedata.normalize("NFKC", latex_to_text(text))
    text = unicodedata.normalize("NFKD", text)
    out = []
    for ch in text:
        if unicodedata.combining(ch):
            continue
        cat = unicodedata.category(ch)
        if cat[0] in "PZSC":  # punctuation, spaces, symbols, controls
            continue
        out.append(ch)
    return "".join(out).casefold()


def _checks_util():
    try:
        # here: the import is what this function does
        from annobib.checks import _util

        return _util
    except Exception:  # noqa: BLE001 - fall back to the local normalizers
        return None


def normalize_doi(value: str | None) -> str:
    if not value:
        return ""
    util = _checks_util()
    if util is not None:
        return util.normalize_doi(value.strip().strip("{}"))
    value = value.strip().strip("{}").strip()
    value = re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", value, flags=re.I)
    return value.strip().casefold()


def normalize_url(value: str | None) -> str:
    if not value:
        return ""
    util = _checks_util()
    if util is not None:
        return util.normalize_url(_unwrap(value))
    value = _unwrap(value)
    value = re.sub(r"^[a-z][a-z0-9+.-]*://", "", value, flags=re.I)
    value = value.split("#", 1)[0]
    host, _, rest = value.partition("/")
    host = host.casefold()
    if host.startswith("www."):
        host = host[4:]
    rest = rest.rstrip("/")
    return f"{host}/{rest}" if rest else host


def _unwrap(value: str) -> str:
    value = value.strip()
    m = re.match(r"^\\url\{(.*)\}$", value)
    if m:
        value = m.group(1)
    return value.strip("{}").strip()


def normalize_title(value: str | None) -> str:
    util = _checks_util()
    if util is not None:
        return util.fold(value or "")
    return _fold(value or "")


def first_author_key(entry: Entry) -> str:
    """The first author's (or editor's) family name, folded; CJK names whole."""
    value = entry.get("author") or entry.get("editor") or ""
    if not value.strip():
        return ""
    try:
        names = [n for n in parse_names(value) if not n.others]
    except Exception:  # noqa: BLE001 - an odd name list must not stop duplicate detection
        names = []
    if names:
        n = names[0]
        if n.literal or n.is_cjk:
            return _fold(n.raw)
        return _fold(n.last)
    return _fold(value.split(" and ")[0])


MAX_WORKS = 64  # distinct works of one title+author+year compared with a candidate (see find)
_DASHES = re.compile(r"[\s\u2010-\u2015\u2212-]+")


def work_marks(entry: Entry) -> tuple[str, str, str, str]:
    """(DOI, volume, number, pages) of ``entry``, normalized: two entries that both give one of
    these and give it differently are two works, whatever their titles (parts of a series, two
    papers whose titles fold alike: ``A {B} C`` and ``a -- b --- c``)."""

    def norm(name: str) -> str:
        return _DASHES.sub("-", latex_to_text(entry.get(name) or "").strip()).strip("-").casefold()

    number = entry.get("number") or entry.get("issue") or ""
    return normalize_doi(entry.get("doi")), norm("volume"), _DASHES.sub("-", number.strip()).casefold(), norm("pages")


def distinct_works(a: tuple, b: tuple) -> bool:
    """Do two :func:`work_marks` tell the works apart (a mark both give, given differently)?"""
    return any(x and y and x != y for x, y in zip(a, b))


def title_key(entry: Entry) -> str:
    title = normalize_title(entry.get("title"))
    if not title:
        return ""
    return "|".join((title, first_author_key(entry), entry.year or ""))


@dataclass
class Duplicate:
    key: str  # the existing entry's key
    reason: str  # "key" | "doi" | "url" | "title+author+year"

    def describe(self) -> str:
        what = {"key": "same key", "doi": "same DOI", "url": "same URL"}.get(
            self.reason, "same title, first author and year"
        )
        return f"{what} as {self.key}"


class DuplicateIndex:
    """Lookup tables over a set of entries, for fast checks of many candidates (import)."""

    def __init__(self, entries=()):
        self.keys: dict[str, str] = {}
        self.dois: dict[str, str] = {}
        self.urls: dict[str, str] = {}
        # title+author+year -> {work marks: key}: one title may name several distinct works
        self.titles: dict[str, dict[tuple, str]] = {}
        self._last = None
        for e in entries:
            self.add(e)

    def signature(self, entry: Entry) -> tuple[str, str, str, str]:
        """(folded key, DOI, URL, title+author+year) of ``entry``; the last one is remembered so
        ``find`` then ``add`` of the same entry computes it once."""
        last = self._last
        if last is not None and last[0] is entry and last[1] == entry.key:
            return last[2]
        sig = (entry.key.casefold(), normalize_doi(entry.get("doi")), normalize_url(entry.get("url")), title_key(entry))
        self._last = (entry, entry.key, sig)
        return sig

    def add(self, entry: Entry) -> None:
        key, doi, url, tk = self.signature(entry)
        self.keys.setdefault(key, entry.key)
        if doi:
            self.dois.setdefault(doi, entry.key)
        if url:
            self.urls.setdefault(url, entry.key)
        if tk:
            self.titles.setdefault(tk, {}).setdefault(work_marks(entry), entry.key)

    def discard(self, key: str) -> None:
        for table in (self.keys, self.dois, self.urls):
            for k in [k for k, v in table.items() if v == key]:
                del table[k]
        for tk, works in list(self.titles.items()):
            kept = {m: k for m, k in works.items() if k != key}
            if kept:
                self.titles[tk] = kept
            else:
                del self.titles[tk]

    def find(self, entry: Entry) -> list[Duplicate]:
        found: list[Duplicate] = []
        seen: set[tuple[str, str]] = set()

        def hit(key: str | None, reason: str) -> None:
            if key is not None and (key, reason) not in seen:
                seen.add((key, reason))
                found.append(Duplicate(key, reason))

        key, doi, url, tk = self.signature(entry)
        hit(self.keys.get(key), "key")
        if doi:
            hit(self.dois.get(doi), "doi")
        if url:
            hit(self.urls.get(url), "url")
        works = self.titles.get(tk) if tk else None
        if works:
            marks = work_marks(entry)
            same = works.get(marks)
            # the first MAX_WORKS works of one title are compared (a file of 5,000 parts of one
            # title would otherwise compare every pair); past them, a new work is let in
            if same is None:
                same = next(
                    (k for m, k in itertools.islice(works.items(), MAX_WORKS) if not distinct_works(marks, m)), None
                )
            hit(same, "title+author+year")
        return found


def find_duplicates(entries, entry: Entry) -> list[Duplicate]:
    """Entries among ``entries`` that ``entry`` duplicates (one-off check)."""
    return DuplicateIndex(e for e in entries if e is not entry).find(entry)
