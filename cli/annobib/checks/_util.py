"""Small helpers shared by the rules: field values, scripts, dates, normalization."""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from functools import lru_cache

# Re-exported for the rule modules (they import scripts from here).
from annobib.core.language import (  # noqa: F401
    CJK_RE,
    HAN_RE,
    HANGUL_RE,
    KANA_RE,
    LANGIDS,
    guess_language as _guess,
    script_counts,
)
from annobib.core.latex import latex_to_text
from annobib.core.months import MONTH_WORDS
from annobib.model import FIELD_ALIASES, Entry

# Fields whose content is verbatim (no LaTeX), per the biblatex data model.
VERBATIM_FIELDS = frozenset(
    {
        "url",
        "doi",
        "eprint",
        "file",
        "pdf",
        "verba",
        "verbb",
        "verbc",
        "archiveurl",
        "archive-url",
        "archive_url",
        "versionurl",
        "urlraw",
    }
)
# Fields annobib keeps for itself; biblatex never typesets them.
INTERNAL_FIELDS = frozenset(
    {
        "citations",
        "keywords",
        "tags",
        "crossref",
        "xref",
        "xdata",
        "ids",
        "entryset",
        "related",
        "timestamp",
        "owner",
        "file",
        "langid",
        "language",
        "hyphenation",
        "entrysubtype",
        "options",
        "sortkey",
    }
)
# Long free-text fields: internal line breaks and paragraph breaks are allowed there.
LONG_FIELDS = frozenset({"annote", "annotation", "abstract", "note", "addendum", "citations", "comment", "review"})
DATE_FIELDS = ("date", "urldate", "archivedate", "origdate", "eventdate")
NAME_FIELDS = (
    "author",
    "editor",
    "translator",
    "bookauthor",
    "editora",
    "editorb",
    "editorc",
    "commentator",
    "annotator",
    "introduction",
    "foreword",
    "afterword",
    "holder",
)


def unwrap(raw: str) -> tuple[str, str, str]:
    """(opening, inner text, closing): strips one pair of outer braces or quotes when they enclose
    the whole value, so a fix can change the text and put the same delimiters back."""
    if len(raw) >= 2 and raw[0] == "{" and raw[-1] == "}":
        depth = 0
        for i, ch in enumerate(raw):
            if ch == "{" and (i == 0 or raw[i - 1] != "\\"):
                depth += 1
            elif ch == "}" and (i == 0 or raw[i - 1] != "\\"):
                depth -= 1
                if depth == 0 and i < len(raw) - 1:
                    return "", raw, ""
        return "{", raw[1:-1], "}"
    if len(raw) >= 2 and raw[0] == '"' and raw[-1] == '"':
        return '"', raw[1:-1], '"'
    return "", raw, ""


def text_of(raw: str | None) -> str:
    if raw is None:
        return ""
    if raw[:1] not in ("{", '"'):
        return raw
    return unwrap(raw)[1]


def replace_inner(raw: str, new_inner: str) -> str:
    a, _, b = unwrap(raw)
    return a + new_inner + b


def val(entry: Entry, name: str) -> str:
    """The field's text (aliases honoured, outer delimiters removed), '' when absent."""
    fields = entry.fields
    raw = fields.get(name)
    if raw is None:
        aliases = FIELD_ALIASES.get(name)
        if aliases is None:
            return ""
        for alias in aliases:
            raw = fields.get(alias)
            if raw is not None:
                break
        else:
            return ""
    if raw[:1] in ("{", '"') and len(raw) > 1:
        return text_of(raw)
    return raw


def plain(text: str) -> str:
    """Text as a reader sees it (the one LaTeX decoder), for script and similarity tests."""
    return latex_to_text(text)


# --- scripts ---------------------------------------------------------------------------------

# the script patterns (CJK_RE, HAN_RE, KANA_RE, HANGUL_RE) and script_counts are core.language's


@lru_cache(maxsize=65536)
def guess_language(text: str) -> str | None:
    """The langid a title's script points to, or None when the script does not decide
    (the one guesser: :mod:`annobib.core.language`)."""
    return LANGIDS.get(_guess(text))


# --- dates -----------------------------------------------------------------------------------

ISO_DATE_RE = re.compile(
    r"^(?P<y>-?\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2})"
    r"(?:T(?P<H>\d{2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?(?:Z|[+-]\d{2}:?\d{2})?)?)?)?[?~%]?$"
)


_EDTF_X = re.compile(r"^-?[\dX]{4}(?:-[\dX]{2}(?:-[\dX]{2})?)?[?~%]?$")


def parse_iso(text: str):
    """(date-precision tuple) for one ISO 8601 / EDTF point, or raise ValueError with a reason.

    Returns (year, month|None, day|None).
    """
    if "X" in text and _EDTF_X.match(text):
        return (int(text.lstrip("-")[:4].replace("X", "0")), None, None)  # EDTF unspecified digits: 199X, 2025-XX
    m = ISO_DATE_RE.match(text)
    if not m:
        raise ValueError("not an ISO 8601 date")
    if m["m"] and not m["d"] and 21 <= int(m["m"]) <= 24:
        return (int(m["y"]), None, None)  # EDTF seasons (2025-21 is spring 2025), which biblatex reads
    y = int(m["y"])
    mo = int(m["m"]) if m["m"] else None
    d = int(m["d"]) if m["d"] else None
    if mo is not None and not 1 <= mo <= 12:
        raise ValueError(f"month {mo:02d} does not exist")
    if d is not None:
        try:
            _dt.date(y, mo, d)
        except ValueError:
            raise ValueError(f"{y:04d}-{mo:02d}-{d:02d} is not on the calendar") from None
    if m["H"] is not None and (int(m["H"]) > 23 or int(m["M"]) > 59 or int(m["S"] or 0) > 60):
        raise ValueError("time of day out of range")
    return (y, mo, d)


@lru_cache(maxsize=65536)
def parse_date_value(text: str):
    """A biblatex date value: a point or a range ``A/B`` (either end may be open, ``..``).
    Returns (start, end) tuples or raises ValueError."""
    text = text.strip()
    if "/" in text:
        a, _, b = text.partition("/")
        start = parse_iso(a) if a not in ("", "..") else None
        end = parse_iso(b) if b not in ("", "..") else None
        if start is None and end is None:
            raise ValueError("an open range needs one end")
        if start and end and _key(start) > _key(end):
            raise ValueError("the range ends before it starts")
        return start, end
    p = parse_iso(text)
    return p, p


def _key(p):
    return (p[0], p[1] or 0, p[2] or 0)


def earliest(p) -> _dt.date:
    return _dt.date(max(p[0], 1), p[1] or 1, p[2] or 1)


def latest(p) -> _dt.date:
    y, m, d = max(p[0], 1), p[1] or 12, p[2]
    if d is None:
        d = 31 if m == 12 else (_dt.date(y, m + 1, 1) - _dt.timedelta(days=1)).day
    return _dt.date(y, m, d)


MONTHS = MONTH_WORDS  # the shared table; the name stays for the rules that import it

_MONTH_NAME = r"(?P<mon>[A-Za-z]{3,9})\.?"


def _iso(y: int, m: int | None = None, d: int | None = None) -> str | None:
    try:
        if d is not None:
            _dt.date(y, m, d)
            return f"{y:04d}-{m:02d}-{d:02d}"
        if m is not None:
            if not 1 <= m <= 12:
                return None
            return f"{y:04d}-{m:02d}"
        return f"{y:04d}"
    except (ValueError, TypeError):
        return None


_UNAMBIGUOUS = [
    # 2025年3月7日 / 2025 年 3 月 / 2025年
    (re.compile(r"^(?P<y>\d{4})\s*年\s*(?:(?P<m>\d{1,2})\s*月\s*(?:(?P<d>\d{1,2})\s*日)?)?$"), None),
    # 2025/3/7, 2025.3.7, 2025-3-7, 2025.03 (year first is never ambiguous)
    (re.compile(r"^(?P<y>\d{4})\s*[./\-]\s*(?P<m>\d{1,2})(?:\s*[./\-]\s*(?P<d>\d{1,2}))?\.?$"), None),
    # 20250307 (ISO basic format)
    (re.compile(r"^(?P<y>(?:19|20)\d{2})(?P<m>\d{2})(?P<d>\d{2})$"), None),
    # March 7, 2025 / Mar. 7 2025
    (re.compile(rf"^{_MONTH_NAME}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})$"), "mon"),
    # 7 March 2025
    (re.compile(rf"^(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH_NAME},?\s+(?P<y>\d{{4}})$"), "mon"),
    # March 2025
    (re.compile(rf"^{_MONTH_NAME},?\s+(?P<y>\d{{4}})$"), "mon"),
]


@lru_cache(maxsize=8192)
def iso_from_unambiguous(text: str) -> str | None:
    """An ISO 8601 date for a date written in a form only one date can mean, else None."""
    t = unicodedata.normalize("NFKC", text).strip()
    for pattern, mon in _UNAMBIGUOUS:
        m = pattern.match(t)
        if not m:
            continue
        y = int(m["y"])
        if mon:
            month = MONTHS.get(m["mon"].lower())
            if month is None:
                return None
        else:
            month = int(m["m"]) if m.groupdict().get("m") else None
        day = int(m["d"]) if m.groupdict().get("d") else None
        return _iso(y, month, day)
    return None


# --- normalization for duplicate detection ---------------------------------------------------

_NON_WORD = re.compile(r"[\W_]+", re.U)


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """NFKC, case-folded, LaTeX/punctuation/spaces removed, accents folded: 'Ａｌｌｉａｎｃｅｓ, and…'
    and 'alliances and' compare equal."""
    text = plain(text)
    text = unicodedata.normalize("NFKC", text).casefold()
    if not text.isascii() and _MARKED.search(text):
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return _NON_WORD.sub("", text)


# letters that carry a diacritic (Latin, Greek, Cyrillic) or combining marks themselves
_MARKED = re.compile(r"[\u00c0-\u024f\u0300-\u036f\u0370-\u03ff\u0400-\u04ff\u1e00-\u1fff]")


TRACKING_PARAMS = re.compile(
    r"^(?:utm_[a-z_]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|_ga|_gl|yclid|"
    r"spm|share_source|share_medium|vd_source|from_source|ref_src|ref_url|smid|cmpid|ocid|"
    r"__twitter_impression|s_cid|sr_share|mkt_tok|oly_enc_id|oly_anon_id|vero_id|_hsenc|_hsmi|"
    r"hsctatracking|wt\.mc_id|wt_mc_id|srsltid|at_medium|at_campaign|xtor|ns_mchannel|ns_campaign|ito|"
    r"guccounter|guce_referrer|guce_referrer_sig|ncid|soc_src|soc_trk|cmp|"
    # a site search's highlighting of the words the reader searched for
    r"phrase|words|highlight|hilite|searchterm|search_term)$",
    re.I,
)


_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.I)


def normalize_url(url: str) -> str:
    """Scheme, www., case of the host, trailing slash, fragment and tracking parameters ignored."""
    u = url.strip()
    u = _SCHEME.sub("", u)
    u = u.split("#", 1)[0]
    path, _, query = u.partition("?")
    host, _, rest = path.partition("/")
    host = host.casefold()
    if host.startswith("www."):
        host = host[4:]
    rest = rest.rstrip("/")
    if query:
        kept = [p for p in query.split("&") if p and not TRACKING_PARAMS.match(p.split("=", 1)[0])]
        query = "&".join(sorted(kept))
    return host + ("/" + rest if rest else "") + ("?" + query if query else "")


def normalize_doi(doi: str) -> str:
    d = doi.strip()
    d = _DOI_PREFIX.sub("", d)
    return d.casefold()
