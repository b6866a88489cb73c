"""Western archival citations (record groups, boxes, folders, the holding archive)."""

from __future__ import annotations

import re
from functools import lru_cache

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
    r"Papers,\s+[A-Z][\w.\s]*(?:Library|Archives?)",  # Allison Papers, Harry S. Truman Library
    r"Manuscript Division",
    r"British Library",
    r"India Office Records",
    r"IOR/",
    r"CO\s*\d+/",
    r"fols?\.\s*\d",
)
# \b(?:…)\b with the opening boundary after each word's first letter (features._WB): every
# alternative opens with a literal, so the engine skips to candidates instead of trying every position
ARCHIVE_EN = re.compile(r"(?:" + "|".join(w[0] + r"(?<!\w.)" + w[1:] for w in _ARCHIVE_WORDS) + r")\b")
ARCHIVE_PART = re.compile(
    r"^(?:RG|Record Group|Box|Folder|File|Entry|FO|PREM|CAB|CO|WO|ADM|HO|DO|Central|Lot|Series|Reel|Doc(?:ument)?\.?)\b",
    re.I,
)
# a registry or cabinet reference printed after the piece (``FO 371/63522, F 4371/76/10``;
# ``CAB 128/9, CM 45(47)``; ``CAB 129/34, CP (49) 78``): part of the call number, not a title
UK_FILE_REF = re.compile(
    r"(?:[A-Z]{1,2}\s+\d{1,5}(?:/\d{1,5}){1,3}|C\.?[MP]\.?\s*(?:\(\d{2}\)\s*\d{1,4}|\d{1,4}\s*\(\d{2}\)))"
)
ARCHIVE_HOLDER = re.compile(r"Archives?|Library|Record Office|\bTNA\b|\bNARA\b|Manuscript Division")


# ``box 3, Allison Papers``: a box in lower case (apart from ARCHIVE_EN, whose alternatives each open
# with a capital, so that the engine skips to capitals; b and f are everywhere in English)
_LOWER_BOX = re.compile(r"\b(?:box|folder)\s+\d+\b")


@lru_cache(maxsize=4)  # the genre row's trigger and the Western builder ask it of the same text
def looks_like_western_archive(text: str) -> bool:
    """A record group, box, folder or archive named, and no volume, pages or press (a book about an
    archive is still a book)."""
    named = ARCHIVE_EN.search(text) or (("box " in text or "folder " in text) and _LOWER_BOX.search(text))
    return bool(named) and not cre.search(r"\b(?:Vol\.|vol\.|pp?\.\s*\d)|Press\b", text)


# ``(hereafter IOR)`` / ``(TNA)``: the short name a note gives the archive, not part of any field
_HEREAFTER = re.compile(r"\s*\((?:hereafter\s+[A-Z][A-Za-z]{1,7}|[A-Z]{2,6})\)")
# a shelfmark without a series word: H/432, IOR/F/4/712/19340
# and a State Department decimal file: 794.00/11-854, 694.95B/4-1256
_SHELFMARK = re.compile(r"[A-Z][A-Za-z]{0,5}(?:/[A-Z0-9]+)*/\d[\w/.\-]*|\d{1,4}(?:\.\d+)?[A-Z]?/\d[\w.\-]*")
# a person's papers held by a library: ``Allison Papers`` (a collection, part of the call number)
_PAPERS = re.compile(r"[A-Z][\w.'’ ]*\bPapers")
# ``NA, RG 59, …``: the repository's abbreviation (defined by an earlier ``hereafter NA``) first
_HOLDER_ABBREV = re.compile(r"[A-Z]{2,5}")
_PLACE = re.compile(r"[A-Z][a-z]+(?:,?\s+(?:[A-Z][a-z]+|[A-Z]{2}))?")
_FOLIO = re.compile(r"\bfols?\.\s*(\d{1,4}[rv]?(?:\s*[-–]\s*\d{1,4}[rv]?)?)\s*\.?$")


# ``Memorandum by the Secretary of State for the Colonies, ‘Future Policy in Malaya’``: the kind of
# document and who wrote it, before its quoted title; no author list
_DOCUMENT_KIND = re.compile(
    r"(?:Memorandum|Minute|Letter|Telegram|Despatch|Dispatch|Note|Record|Report)s?\s+(?:by|from|of)\b"
)


_FOLDER_BEFORE = re.compile(r"\b(?:[Ff]older|[Ff]ile)\s*$")  # the name after it is the folder's
_DAY_MONTH_YEAR = re.compile(r"\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+(?:1[5-9]|20)\d\d\.?")  # 15 May 1947: a date, no title


def parse_western_archive(text: str) -> Parsed:
    """Telegram from Tokyo, March 3, 1952, RG 59, Central Decimal File, Box 123, National Archives, College Park.

    The repository may come first (``The National Archives, Kew (TNA), FO 17/1245, Alcock to
    Clarendon, 12 March 1869``): the holder and the place after it are ``library`` and ``location``
    wherever they stand, a shelfmark (``H/432``) joins the series in ``number``, and the document's
    title is the first other part. A folio cited last (``fol. 23``) is the locator."""
    f: dict[str, str] = {}
    body = strip_trailing(text)
    if "(" in body:
        body = _HEREAFTER.sub("", body)
    folio = _FOLIO.search(body) if "fol" in body else None
    if folio:
        body = strip_trailing(body[: folio.start()])
    q = _find_quoted(body)
    if q and _FOLDER_BEFORE.search(body[: q[0]]):
        # folder "Atomic Energy," box 14: a folder's name, part of the call number, not the title
        # (its comma, printed inside the quote, moved out so that the parts split there)
        j = q[1]
        if body[j - 1] in ",，":
            body = body[: j - 1] + body[j] + "," + body[j + 1 :]
        q = None
    names: list[str] = []
    lead = ""  # a repository printed before a quoted title
    if q:
        i, j, title = q
        pre = strip_trailing(body[:i])
        pre = cre.split(r"\s+to\s+", pre)[0] if cre.search(r"\s+to\s+", pre) else pre  # Dulles to Eisenhower
        if pre and ARCHIVE_HOLDER.search(pre):
            lead = pre
        elif pre and looks_like_names(pre) and not _DOCUMENT_KIND.match(pre):
            names, others, _r = western_names(pre)
            f["author"] = names_field(names, others)
        f["title"] = cre.sub(r"[,，]\s*$", "", title.strip())
        rest = lead + ", " + body[j + 1 :] if lead else body[j + 1 :]
    else:
        rest = body
    segs = [s_.strip() for s_ in cre.split(r",\s*", _mask_dates(rest)) if s_.strip(" .")]
    at = next((k for k, s_ in enumerate(segs) if ARCHIVE_HOLDER.search(s_) and not ARCHIVE_PART.match(s_)), None)
    if at is None and len(segs) > 1 and _HOLDER_ABBREV.fullmatch(segs[0]) and ARCHIVE_PART.match(segs[1]):
        at = 0
    holder = _unmask(segs[at]) if at is not None else None
    place = None
    if at is not None and at + 1 < len(segs) and _PLACE.fullmatch(segs[at + 1].strip(" .")):
        place = segs.pop(at + 1).strip(" .")  # British Library, London / The National Archives, Kew
    shelf = [
        k for k, s_ in enumerate(segs) if _SHELFMARK.fullmatch(s_.strip(" .")) or UK_FILE_REF.fullmatch(s_.strip(" ."))
    ]
    if not q and segs:
        skip = set(shelf) | ({at} if at is not None else set())
        k = next(
            (
                k
                for k, s_ in enumerate(segs)
                if k not in skip
                and not ARCHIVE_PART.match(s_)
                and "\x00" not in s_
                and not _DAY_MONTH_YEAR.fullmatch(s_)
            ),
            0,
        )
        # Memorandum of conversation, Dulles and Yoshida, November 8, 1954: the title runs to the date
        end = k + 1
        date_at = next((j for j, s_ in enumerate(segs) if "\x00" in s_), -1)
        while end < date_at and end not in skip and not ARCHIVE_PART.match(segs[end]):
            end += 1
        if k not in skip and not ARCHIVE_PART.match(segs[k]):  # else only the holder and call numbers
            f["title"] = _unmask(", ".join(segs[k:end]))
            segs = segs[:k] + segs[end:]
    date = iso_date(rest)
    parts = [
        _unmask(s_.strip(" ."))
        for s_ in segs
        if ARCHIVE_PART.match(s_)
        or _SHELFMARK.fullmatch(s_.strip(" ."))
        or _PAPERS.fullmatch(s_.strip(" ."))
        or UK_FILE_REF.fullmatch(s_.strip(" ."))
    ]
    f["entrysubtype"] = "archive"
    if holder:
        f["library"] = holder
    if place:
        f["location"] = place
    if parts:
        f["number"] = ", ".join(parts)
    if date:
        f["date"] = date
    f["langid"] = language_of(f.get("title", ""))
    locator = cre.sub(r"\s*[-–]\s*", "-", folio.group(1)) if folio else None
    return Parsed(type="misc", fields=_order(f), locator=locator, names=names)
