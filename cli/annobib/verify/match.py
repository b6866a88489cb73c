"""Is a registry record the work an entry cites, and which of the entry's fields disagree with it?

Titles are compared folded (case, accents, widths, punctuation, LaTeX), with and without the
registry's subtitle; authors by surname (a CJK name by its characters, or by pinyin against a
romanized record); years against every year the registry gives (print, online, issued).
A registry value less precise than the entry's (first page only, no issue) is not a mismatch.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

from annobib.names import parse_names
from annobib.text import fold, latex_to_text
from annobib.verify.registries import Record

ACCEPT_TITLE = 0.9  # a search candidate is the work when its title is this close …
ACCEPT_AUTHORS = 0.5  # … and at least half the entry's surnames are among its authors
SURE_TITLE = 0.95  # a DOI is proposed (and written by --fix) only above these
TITLE_MISMATCH = 0.8  # a record found by DOI whose title is further off than this is flagged
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")


@dataclass
class Cited:
    """The entry's side, decoded once."""

    title: str = ""
    names: list = field(default_factory=list)  # annobib.names.Name, personal and organizations
    others: bool = False  # "and others": missing co-authors are not a mismatch
    year: str = ""
    volume: str = ""
    number: str = ""
    pages: str = ""
    doi: str = ""
    cjk: bool = False
    author_text: str = ""  # as the entry gives it, for reports


def cited(entry) -> Cited:
    title = latex_to_text(entry.get("title") or "")
    sub = latex_to_text(entry.get("subtitle") or "")
    if sub:
        title = f"{title}: {sub}"
    names = list(parse_names(entry.get("author") or entry.get("editor"), entry.get("langid")))
    doi = re.sub(r"^(doi:\s*|https?://(dx\.)?doi\.org/)", "", (entry.get("doi") or "").strip(), flags=re.I)
    return Cited(
        title=title,
        names=[n for n in names if not n.others],
        others=any(n.others for n in names),
        year=entry.year or "",
        volume=latex_to_text(entry.get("volume") or "").strip(),
        number=latex_to_text(entry.get("number") or entry.get("issue") or "").strip(),
        pages=latex_to_text(entry.get("pages") or "").strip(),
        doi=doi,
        cjk=bool(CJK.search(title)),
        author_text=" ".join(latex_to_text(entry.get("author") or entry.get("editor") or "").split()),
    )


@lru_cache(maxsize=4096)
def norm(text: str) -> str:
    text = fold(unicodedata.normalize("NFKC", text or ""))
    text = re.sub(r"[^\w]+", " ", text)
    return " ".join(text.replace("_", " ").split())


def _ratio(a: str, b: str) -> float:
    if a == b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


@lru_cache(maxsize=4096)
def _title_similarity(title: str, rec_title: str, rec_subtitle: str) -> float:
    mine = norm(title)
    if not mine or not rec_title:
        return 0.0
    variants = {norm(rec_title)}
    if rec_subtitle:
        variants.add(norm(f"{rec_title} {rec_subtitle}"))
    if mine in variants:
        return 1.0
    main = norm(re.split(r"[:：]", title, maxsplit=1)[0])
    best = 0.0
    for theirs in variants:
        if main == theirs:  # the registry lacks the subtitle the entry gives
            best = max(best, 0.95)
        best = max(best, _ratio(mine, theirs))
    return best


def title_similarity(title: str, rec: Record) -> float:
    return _title_similarity(title, rec.title, rec.subtitle)


def _keys(name) -> set[str]:
    """Forms a surname may take in a registry record."""
    if name.literal:
        return {norm(name.raw)}
    if name.is_cjk:
        keys = {name.family, name.raw}
        try:
            keys.add(norm(name.romanized()[0]))
        except Exception:  # noqa: BLE001 - no pinyin table: compare by characters only
            pass
        return {k for k in keys if k}
    return {k for k in (norm(name.family), norm(name.last)) if k}


def _registry_keys(family: str) -> set[str]:
    folded = norm(family)
    return {folded, folded.split(" ")[-1]} if folded else set()


def _found(name, registry: list[set[str]]) -> bool:
    return any(_keys(name) & theirs for theirs in registry)


def author_overlap(c: Cited, rec: Record) -> float | None:
    """Share of the entry's surnames found in the record; None when either side has none."""
    people = [n for n in c.names if not n.literal]
    if not people or not rec.authors:
        return None
    registry = [_registry_keys(f) for f, _ in rec.authors]
    return sum(_found(n, registry) for n in people) / len(people)


def year_ok(c: Cited, rec: Record) -> bool | None:
    if not c.year or not rec.years:
        return None
    return c.year in rec.years


def score(c: Cited, rec: Record) -> float:
    parts = [(0.6, title_similarity(c.title, rec))]
    authors = author_overlap(c, rec)
    if authors is not None:
        parts.append((0.25, authors))
    year = year_ok(c, rec)
    if year is not None:
        near = any(abs(int(c.year) - int(y)) <= 1 for y in rec.years if y.isdigit()) if c.year.isdigit() else False
        parts.append((0.15, 1.0 if year else 0.5 if near else 0.0))
    return round(sum(w * v for w, v in parts) / sum(w for w, _ in parts), 3)


def accepted(c: Cited, rec: Record) -> bool:
    """Is this search candidate the cited work?"""
    if c.cjk and not CJK.search(rec.title):
        return False  # a romanized or translated record cannot confirm a CJK title
    t = title_similarity(c.title, rec)
    authors = author_overlap(c, rec)
    if t >= ACCEPT_TITLE and (authors is None or authors >= ACCEPT_AUTHORS):
        return True
    return t >= 0.97 and year_ok(c, rec) is not False


def sure(c: Cited, rec: Record) -> bool:
    """Confident enough to write the record's DOI into the entry."""
    authors = author_overlap(c, rec)
    return (
        bool(rec.doi)
        and title_similarity(c.title, rec) >= SURE_TITLE
        and (authors is None or authors >= 0.99)
        and year_ok(c, rec) is not False
    )


# --------------------------------------------------------------------------- field by field


def _page_range(text: str) -> tuple[str, str]:
    text = re.sub(r"^(pp?\.|s\.|页|頁)\s*", "", text.strip(), flags=re.I)
    parts = [p.strip() for p in re.split(r"\s*(?:--|-|–|—|‒|−|~|～)\s*", text) if p.strip()]
    if not parts:
        return "", ""
    first, last = parts[0], parts[-1] if len(parts) > 1 else ""
    if last.isdigit() and first.isdigit() and len(last) < len(first):
        last = first[: len(first) - len(last)] + last  # 1147-69 is 1147-1169
    return first.lower(), last.lower()


def _numbers(text: str) -> set[str]:
    return {p.lstrip("0") or "0" for p in re.findall(r"[0-9]+|[a-z]+", norm(text))}


def _mismatch(name: str, mine: str, theirs: str) -> dict:
    return {"field": name, "entry": mine, "registry": theirs}


def compare(c: Cited, rec: Record, by_doi: bool) -> list[dict]:
    """The entry's fields that disagree with the record (the registry's value with each)."""
    out = []
    translated = c.cjk and not CJK.search(rec.title)
    if by_doi and c.title and rec.title and not translated and title_similarity(c.title, rec) < TITLE_MISMATCH:
        out.append(_mismatch("title", c.title, f"{rec.title}: {rec.subtitle}" if rec.subtitle else rec.title))
    people = [n for n in c.names if not n.literal]
    if people and rec.authors and not translated:
        registry = [_registry_keys(f) for f, _ in rec.authors]
        unknown = [n for n in people if not _found(n, registry)]
        missing = [f for f, _ in rec.authors if not any(_keys(n) & _registry_keys(f) for n in people)]
        if unknown or (missing and not c.others):
            out.append(_mismatch("author", c.author_text, rec.author_text()))
    if year_ok(c, rec) is False:
        out.append(_mismatch("year", c.year, rec.year))
    if c.volume and rec.volume and not (_numbers(c.volume) & _numbers(rec.volume)):
        out.append(_mismatch("volume", c.volume, rec.volume))
    if c.number and rec.issue and not (_numbers(c.number) & _numbers(rec.issue)):
        out.append(_mismatch("number", c.number, rec.issue))
    if c.pages and rec.pages:
        (f1, l1), (f2, l2) = _page_range(c.pages), _page_range(rec.pages)
        if f1 != f2 or (l1 and l2 and l1 != l2):  # a record giving the first page only agrees
            out.append(_mismatch("pages", c.pages, rec.pages))
    if c.doi and rec.doi and c.doi.lower() != rec.doi.lower():
        out.append(_mismatch("doi", c.doi, rec.doi))
    return out
