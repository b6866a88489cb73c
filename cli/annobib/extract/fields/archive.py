"""Western archival citations (record groups, boxes, folders, the holding archive)."""

from __future__ import annotations

import re

from annobib.extract import rx as cre

from annobib.extract.fields.features import (
    _find_quoted,
    _mask_dates,
    _order,
    _unmask,
    iso_date,
    language_of,
    strip_trailing,
)
from annobib.extract.fields.model import Parsed
from annobib.extract.fields.names import looks_like_names, names_field, western_names


_ARCHIVE_WORDS = (
    r"RG\s*\d+",
    r"Record Group\s*\d+",
    r"National Archives",
    r"NARA",
    r"Box\s+\d+",
    r"Folder\s+\d+",
    r"Presidential Library",
    r"Public Record Office",
    r"The National Archives",
    r"TNA",
    r"FO\s*\d+/\d+",
    r"PREM\s*\d+/",
    r"CAB\s*\d+/",
    r"Central (?:Decimal|Foreign Policy) Files?",
    r"Papers,\s+[A-Z][\w ]*(?:Library|Archives?)",
    r"Manuscript Division",
)
# \b(?:…)\b with the opening boundary after each word's first letter (features._WB): every
# alternative opens with a literal, so the engine skips to candidates instead of trying every position
ARCHIVE_EN = re.compile(r"(?:" + "|".join(w[0] + r"(?<!\w.)" + w[1:] for w in _ARCHIVE_WORDS) + r")\b")
ARCHIVE_PART = re.compile(
    r"^(?:RG|Record Group|Box|Folder|File|Entry|FO|PREM|CAB|Central|Lot|Series|Reel|Doc(?:ument)?\.?)\b", re.I
)
ARCHIVE_HOLDER = re.compile(r"Archives?|Library|Record Office|\bTNA\b|\bNARA\b|Manuscript Division")


def looks_like_western_archive(text: str) -> bool:
    """A record group, box, folder or archive named, and no volume, pages or press (a book about an
    archive is still a book)."""
    return bool(ARCHIVE_EN.search(text)) and not cre.search(r"\b(?:Vol\.|vol\.|pp?\.\s*\d)|Press\b", text)


def parse_western_archive(text: str) -> Parsed:
    """Telegram from Tokyo, March 3, 1952, RG 59, Central Decimal File, Box 123, National Archives, College Park."""
    f: dict[str, str] = {}
    body = strip_trailing(text)
    q = _find_quoted(body)
    names: list[str] = []
    if q:
        i, j, title = q
        pre = strip_trailing(body[:i])
        pre = cre.split(r"\s+to\s+", pre)[0] if cre.search(r"\s+to\s+", pre) else pre  # Dulles to Eisenhower
        if pre and looks_like_names(pre):
            names, others, _r = western_names(pre)
            f["author"] = names_field(names, others)
        f["title"] = cre.sub(r"[,，]\s*$", "", title.strip())
        rest = body[j + 1 :]
    else:
        rest = body
    segs = [s_.strip() for s_ in cre.split(r",\s*", _mask_dates(rest)) if s_.strip(" .")]
    if not q and segs:
        k = next((k for k, s_ in enumerate(segs) if not ARCHIVE_PART.match(s_) and "\x00" not in s_), 0)
        f["title"] = _unmask(segs[k])
        segs = segs[:k] + segs[k + 1 :]
    date = iso_date(rest)
    parts = [_unmask(s_) for s_ in segs if ARCHIVE_PART.match(s_)]
    holder = next((_unmask(s_) for s_ in segs if ARCHIVE_HOLDER.search(s_) and not ARCHIVE_PART.match(s_)), None)
    f["entrysubtype"] = "archive"
    if holder:
        f["library"] = holder
    if parts:
        f["number"] = ", ".join(parts)
    if date:
        f["date"] = date
    f["langid"] = language_of(f.get("title", ""))
    return Parsed(type="misc", fields=_order(f), locator=None, names=names)
