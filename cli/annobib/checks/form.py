"""Form: dates, page ranges, volume and issue, DOI, ISBN, ISSN, URLs, langid."""

from __future__ import annotations

import difflib
import re
import unicodedata
from functools import lru_cache
from urllib.parse import unquote

from annobib.checks._util import (
    TRACKING_PARAMS,
    earliest,
    iso_from_unambiguous,
    parse_date_value,
    replace_inner,
    text_of,
)
from annobib.checks.base import Fix, rule, scanner
from annobib.core.months import MONTH_WORDS

DATE_FIELD_NAMES = (
    "date",
    "urldate",
    "origdate",
    "eventdate",
    "archivedate",
    "archive-date",
    "archive_date",
    "versiondate",
)


def _raw(e, name):
    return e.fields.get(name)


_DATE_SET = frozenset(DATE_FIELD_NAMES)


# --- dates -----------------------------------------------------------------------------------


@rule(
    "E301",
    "date-syntax",
    "form",
    "Dates are ISO 8601 (YYYY, YYYY-MM, YYYY-MM-DD, ranges A/B) and exist on the calendar. "
    "The fix rewrites forms only one date can mean (2025年3月7日, 2025/3/7, March 7, 2025).",
    fixable="some",
    bad="date = {2025年3月7日}   urldate = {2025-02-30}",
    good="date = {2025-03-07}   urldate = {2025-02-28}",
    fields=DATE_FIELD_NAMES,
)
def date_syntax(R, e, ctx):
    out = None
    for name in _DATE_SET.intersection(e.fields):
        raw = e.fields[name]
        t = text_of(raw).strip()
        if not t:
            continue
        try:
            parse_date_value(t)
            continue
        except ValueError as exc:
            why = str(exc)
        iso = iso_from_unambiguous(t)
        out = out or []
        if iso:
            out.append(
                R.finding(
                    e,
                    name,
                    f"{name} '{t}' is not ISO 8601; write {iso}",
                    Fix(name, replace_inner(raw, iso), description=f"{t} -> {iso}"),
                )
            )
        else:
            out.append(R.finding(e, name, f"{name} '{t}': {why}; write YYYY-MM-DD"))
    return out


@rule(
    "E302",
    "year-syntax",
    "form",
    "The year field holds a four-digit year (use date for anything finer).",
    fixable="some",
    bad="year = {2025年}",
    good="year = {2025}",
    fields=("year",),
)
def year_syntax(R, e, ctx):
    raw = _raw(e, "year")
    if raw is None:
        return None
    t = text_of(raw).strip()
    if not t or re.fullmatch(r"-?\d{4}", t):
        return None
    n = unicodedata.normalize("NFKC", t)
    m = re.fullmatch(r"(\d{4})\s*年?\.?", n)
    fix = Fix("year", replace_inner(raw, m.group(1)), description=f"{t} -> {m.group(1)}") if m else None
    return [R.finding(e, "year", f"year '{t}' is not a four-digit year" + (f"; write {m.group(1)}" if m else ""), fix)]


_MONTH_WORDS = MONTH_WORDS


# "month = xxx," in any letter case, searched in the text as it is: the same matches as
# "month" + r"\s*=\s*[A-Za-z]{3}\s*[,}\n]" in a lower-cased copy (slower), since only ASCII
# letters and the Kelvin sign (U+212A) lower-case to ASCII letters.
_MACRO_MONTH = re.compile(r"[Mm][Oo][Nn][Tt][Hh]\s*=\s*[A-Za-z\u212a]{3}\s*[,}\n]")


def _month_is_macro(raw_block: str) -> bool:
    return _MACRO_MONTH.search(raw_block) is not None


_MONTH_NUMBER = re.compile(r"0?[1-9]|1[0-2]")


@rule(
    "W303",
    "month-syntax",
    "form",
    "biblatex wants month as a number 1-12 (or the jan…dec macros).",
    fixable="some",
    bad="month = {March}",
    good="month = {3}",
    fields=("month",),
)
def month_syntax(R, e, ctx):
    raw = _raw(e, "month")
    if raw is None:
        return None
    t = text_of(raw).strip()
    if _MONTH_NUMBER.fullmatch(t):
        return None
    if t.lower()[:3] in _MONTH_WORDS and _month_is_macro(ctx.state.get("block_raw", {}).get(id(e), "")):
        return None  # the jan…dec macro, resolved on reading
    n = _MONTH_WORDS.get(t.lower().rstrip("."))
    if n is None:
        m = re.fullmatch(r"(\d{1,2})\s*月", unicodedata.normalize("NFKC", t))
        n = int(m.group(1)) if m and 1 <= int(m.group(1)) <= 12 else None
    fix = Fix("month", replace_inner(raw, str(n)), description=f"{t} -> {n}") if n else None
    return [R.finding(e, "month", f"month '{t}' is not a number 1-12" + (f"; write {n}" if n else ""), fix)]


@rule(
    "W304",
    "date-in-future",
    "form",
    "A publication, access or archive date after today.",
    bad="date = {2099-01-01}",
    good="date = {2025-01-01}",
    fields=DATE_FIELD_NAMES + ("year",),
)
def date_future(R, e, ctx):
    out = None
    for name in _FUTURE_FIELDS.intersection(e.fields):
        raw = e.fields[name]
        if _in_future(raw, ctx.today):
            out = out or []
            out.append(
                R.finding(e, name, f"{name} {text_of(raw).strip()} is in the future (today is {ctx.today.isoformat()})")
            )
    return out


_FUTURE_FIELDS = frozenset(DATE_FIELD_NAMES + ("year",))


@lru_cache(maxsize=65536)
def _in_future(raw: str, today) -> bool:
    try:
        start, _ = parse_date_value(text_of(raw).strip())
    except ValueError:
        return False
    return bool(start) and earliest(start) > today


# --- pages, volume, number -------------------------------------------------------------------

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uff0d~\uff5e\u301c"
_PAGES_PREFIX = re.compile(r"^\s*(?:pp?\.|pages?|S\.|С\.|с\.|第)\s*", re.I)
_PAGES_SUFFIX = re.compile(r"\s*页\s*$")
_RANGE = re.compile(r"^([A-Za-z]*)(\d+)\s*(?:-{1,2})\s*([A-Za-z]*)(\d+)$")


_CANON_PAGES = re.compile(r"[A-Za-z]?\d+(?:--?[A-Za-z]?\d+)?(?:, [A-Za-z]?\d+(?:--?[A-Za-z]?\d+)?)*")
_ROMAN_PAGES = re.compile(r"[ivxlcdm]+(?:--?[ivxlcdm]+)?", re.I)
_DASH_RUN = re.compile(f"\\s*[{_DASHES}]+\\s*")
_HYPHEN_SPACES = re.compile(r"\s*(-{1,2})\s*")
_LIST_SEP = re.compile(r"\s*[,，、]\s*")


def _pages_normal(t: str) -> str:
    """Page text with dashes made '-', spaces around them dropped, full-width digits folded."""
    if _CANON_PAGES.fullmatch(t):
        return t
    s = unicodedata.normalize("NFKC", t) if not t.isascii() else t
    s = _DASH_RUN.sub("-", s)
    if _SPACE.search(s):  # a template ('\1') costs a call into Python per use, spaces or not
        s = _HYPHEN_SPACES.sub(_hyphens, s)
    s = _LIST_SEP.sub(", ", s)
    return s


_SPACE = re.compile(r"\s")


def _hyphens(m: re.Match) -> str:
    return m.group(1)


@lru_cache(maxsize=4096)
def _pages_text(t: str) -> str:
    """The text of a pages value as W305 would write it (before a last strip); E306 and W319
    read the same (three rules, one value: each made it again, five substitutions a time)."""
    return _pages_normal(_PAGES_SUFFIX.sub("", _PAGES_PREFIX.sub("", t.strip())))


@rule(
    "W305",
    "pages-form",
    "form",
    "Page ranges use a hyphen (25-27; '--' is accepted), no spaces, no 'pp.' or '第…页'; the fix normalizes them.",
    fixable="safe",
    bad="pages = {pp. 25 — 27}",
    good="pages = {25-27}",
    fields=("pages",),
)
def pages_form(R, e, ctx):
    raw = _raw(e, "pages")
    if raw is None or _CANON_PAGES.fullmatch(raw):
        return None
    t = text_of(raw)
    s = _pages_text(t).strip()
    if s != t:
        if _CANON_PAGES.fullmatch(s) or _ROMAN_PAGES.fullmatch(s):
            return [
                R.finding(
                    e,
                    "pages",
                    f"pages '{t}' should read '{s}'",
                    Fix("pages", replace_inner(raw, s), description=f"{t} -> {s}"),
                )
            ]
        return [R.finding(e, "pages", f"pages '{t}' does not read as pages or a page range (25-27)")]
    return None


_SIMPLE_RANGE = re.compile(r"(\d+)--?(\d+)")


def _ranges(raw):
    m = _SIMPLE_RANGE.fullmatch(raw)
    if m:
        if int(m.group(2)) >= int(m.group(1)):
            return  # the common case: an ordered range
        t = raw
    else:
        t = _pages_text(text_of(raw))
    for part in t.split(", "):
        m = _RANGE.match(part.strip())
        if m and m.group(1) == m.group(3) and int(m.group(4)) < int(m.group(2)):
            a, b = m.group(2), m.group(4)
            full = a[: len(a) - len(b)] + b if len(b) < len(a) else None
            yield part.strip(), m, a, b, (full if full and int(full) > int(a) else None)


@rule(
    "E306",
    "pages-order",
    "form",
    "A page range that ends before it starts (33-31).",
    bad="pages = {33-31}",
    good="pages = {31-33}",
    fields=("pages",),
)
def pages_order(R, e, ctx):
    raw = _raw(e, "pages")
    if raw is None:
        return None
    out = [
        R.finding(e, "pages", f"page range '{part}' ends before it starts; check the pages")
        for part, m, a, b, full in _ranges(raw)
        if full is None
    ]
    return out or None


@rule(
    "W319",
    "pages-abbreviated",
    "form",
    "A page range whose end is smaller than its start: abbreviated (125-7, Chicago style, for "
    "125-127) or reversed (128-81 may be 81-128). The fix (--unsafe-fixes) writes out the "
    "abbreviation; check the source first.",
    fixable="unsafe",
    bad="pages = {125-7}",
    good="pages = {125-127}",
    fields=("pages",),
)
def pages_abbreviated(R, e, ctx):
    raw = _raw(e, "pages")
    if raw is None:
        return None
    out = None
    for part, m, a, b, full in _ranges(raw):
        if full is None:
            continue
        t = text_of(raw)
        expanded = f"{m.group(1)}{a}-{m.group(3)}{full}"
        reverse = f"{m.group(3)}{b}-{m.group(1)}{a}"
        fix = (
            Fix(
                "pages",
                replace_inner(raw, t.replace(part, expanded, 1)),
                safe=False,
                description=f"{part} -> {expanded}",
            )
            if part in t
            else None
        )
        out = out or []
        out.append(
            R.finding(
                e,
                "pages",
                f"page range '{part}' ends below its start: perhaps {expanded} "
                f"(abbreviated), or {reverse} (reversed); check the source",
                fix,
            )
        )
    return out


_VOL_PREFIX = re.compile(r"^\s*(?:vol(?:ume)?\.?|v\.|tome|bd\.|第)\s*", re.I)
_VOL_SUFFIX = re.compile(r"\s*卷\s*$")
_NUM_PREFIX = re.compile(r"^\s*(?:no\.?|nos\.?|number|num\.?|issue|iss\.?|n°|nº|#|№|第)\s*", re.I)
_NUM_SUFFIX = re.compile(r"\s*[期号號]\s*$")
_VOL_ISSUE = re.compile(r"([0-9]+)\s*\(\s*([0-9]+(?:[-/][0-9]+)?)\s*\)")
_PLAIN_NUMBER = re.compile(r"^[0-9A-Za-z]+(?:[-/][0-9A-Za-z]+)*$")


@rule(
    "W307",
    "volume-number-form",
    "form",
    "volume and number hold the number only ('35', not 'Vol. 35'; '10', not '第10期'; not '35(4)', "
    "the issue glued to the volume).",
    fixable="safe",
    bad="volume = {Vol. 35}, number = {No. 2}",
    good="volume = {35}, number = {2}",
    fields=("volume", "number", "issue"),
)
def volume_number(R, e, ctx):
    out = None
    for name, pre, suf in (
        ("volume", _VOL_PREFIX, _VOL_SUFFIX),
        ("number", _NUM_PREFIX, _NUM_SUFFIX),
        ("issue", _NUM_PREFIX, _NUM_SUFFIX),
    ):
        raw = _raw(e, name)
        if raw is None or raw.isdigit():
            continue
        t = text_of(raw)
        s = suf.sub("", pre.sub("", t.strip()))
        if not s.isascii():
            s = unicodedata.normalize("NFKC", s)
        s = re.sub(f"\\s*[{_DASHES}]\\s*", "-", s)
        glued = _VOL_ISSUE.fullmatch(s) if name == "volume" else None
        if glued:
            vol, iss = glued.group(1), glued.group(2)
            have = text_of(e.fields.get("number") or e.fields.get("issue") or "").strip()
            out = out or []
            if have == iss:  # the issue is in number already: dropping it from volume loses nothing
                out.append(
                    R.finding(
                        e,
                        name,
                        f"volume '{t}' repeats the issue; write {vol}",
                        Fix(name, replace_inner(raw, vol), description=f"{t} -> {vol}"),
                    )
                )
            else:
                out.append(
                    R.finding(
                        e,
                        name,
                        f"volume '{t}' holds the issue too; write volume = {{{vol}}}, number = {{{iss}}}"
                        + (f" (number is '{have}' now)" if have else ""),
                    )
                )
            continue
        if not _PLAIN_NUMBER.match(s):
            continue  # '指导案例17号', 'RR-4412/6-AF': a designation, not a decorated number
        if s != t.strip() and s:
            out = out or []
            out.append(
                R.finding(
                    e,
                    name,
                    f"{name} '{t}' should read '{s}'",
                    Fix(name, replace_inner(raw, s), description=f"{t} -> {s}"),
                )
            )
    return out


# --- identifiers -----------------------------------------------------------------------------

_DOI_PREFIX = re.compile(r"^\s*(?:https?://(?:dx\.)?doi\.org/|doi:\s*|doi\s+)", re.I)
_DOI_RE = re.compile(r"^10\.\d{4,9}(?:\.\d+)*/\S+$")


_DOI_TRAILING = ".,;:"


@rule(
    "W308",
    "doi-prefix",
    "form",
    "doi holds the bare DOI (10.xxxx/…), not a URL or a 'doi:' prefix (safe fix), "
    "and no punctuation from a sentence at its end (10.1038/nature12374. — the fix is unsafe: a DOI may end so).",
    fixable="some",
    bad="doi = {https://doi.org/10.2307/2111400}",
    good="doi = {10.2307/2111400}",
    fields=("doi",),
)
def doi_prefix(R, e, ctx):
    raw = _raw(e, "doi")
    if raw is None:
        return None
    t = text_of(raw)
    s = _DOI_PREFIX.sub("", t).strip()
    if s != t and _DOI_RE.match(s):
        return [
            R.finding(
                e,
                "doi",
                f"doi '{t}' should be the bare DOI {s}",
                Fix("doi", replace_inner(raw, s), description=f"-> {s}"),
            )
        ]
    if _DOI_RE.match(s) and s[-1] in _DOI_TRAILING:
        bare = s.rstrip(_DOI_TRAILING)
        return [
            R.finding(
                e,
                "doi",
                f"doi '{t}' ends with '{s[len(bare) :]}', probably punctuation from the sentence it was copied "
                f"from; perhaps {bare}",
                Fix("doi", replace_inner(raw, bare), safe=False, description=f"-> {bare}"),
            )
        ]
    return None


@rule(
    "E309",
    "doi-syntax",
    "form",
    "A DOI is '10.' + a registrant code of 4-9 digits + '/' + a suffix without spaces, control "
    "characters or '.'/'..' segments.",
    bad="doi = {10.23/ab cd}",
    good="doi = {10.2307/2111400}",
    fields=("doi",),
)
def doi_syntax(R, e, ctx):
    raw = _raw(e, "doi")
    if raw is None:
        return None
    t = text_of(raw).strip()
    if not t:
        return None
    s = _DOI_PREFIX.sub("", t).strip()
    if not _DOI_RE.match(s):
        why = "contains a space" if re.search(r"\s", s) else "does not look like 10.NNNN/suffix"
        return [R.finding(e, "doi", f"doi '{t}' {why}")]
    if re.search(r"[\x00-\x1f\x7f-\x9f]", s):
        return [R.finding(e, "doi", f"doi '{t}' contains a control character")]
    if any(seg in (".", "..") for seg in unquote(s).split("/")):
        # `verify` refuses it too: in a registry URL it would leave /works/ (path traversal)
        return [R.finding(e, "doi", f"doi '{t}' has a '.' or '..' path segment; no DOI has one")]
    return None


def _isbn_ok(d: str) -> str | None:
    """None when valid, else why not."""
    if len(d) == 10:
        if not re.fullmatch(r"\d{9}[\dX]", d):
            return "has a character other than digits and a final X"
        s = sum((10 - i) * (10 if c == "X" else int(c)) for i, c in enumerate(d))
        if s % 11:
            want = (11 - sum((10 - i) * int(c) for i, c in enumerate(d[:9])) % 11) % 11
            return f"has a wrong check digit (expected {'X' if want == 10 else want})"
        return None
    if len(d) == 13:
        if not d.isdigit():
            return "has a character other than digits"
        if not d.startswith(("978", "979")):
            return "does not start with 978 or 979"
        want = (10 - sum((1 if i % 2 == 0 else 3) * int(c) for i, c in enumerate(d[:12])) % 10) % 10
        if int(d[12]) != want:
            return f"has a wrong check digit (expected {want})"
        return None
    return f"has {len(d)} digits (an ISBN has 10 or 13)"


def _id_parts(t: str, label: str):
    """Each identifier in a list (``;``, ``,`` or ``and`` between them): the part as written,
    and its characters with spaces, dashes and the ``label`` prefix (a regex) taken off."""
    for part in re.split(r"\s*[;,，；]\s*|\s+and\s+", t.strip()):
        if not part:
            continue
        d = re.sub(r"[\s\-‐–]", "", unicodedata.normalize("NFKC", part)).upper()
        yield part, re.sub(label, "", d)


@rule(
    "E310",
    "isbn",
    "form",
    "ISBN-10/13 length and check digit.",
    bad="isbn = {978-7-301-25642-1}",
    good="isbn = {978-7-301-25642-8}",
    fields=("isbn",),
)
def isbn(R, e, ctx):
    raw = _raw(e, "isbn")
    if raw is None:
        return None
    t = text_of(raw)
    out = None
    for part, d in _id_parts(t, r"^ISBN(?:-1[03])?:?"):
        why = _isbn_ok(d)
        if why:
            out = out or []
            out.append(R.finding(e, "isbn", f"ISBN '{part}' {why}"))
    return out


@rule(
    "E311",
    "issn",
    "form",
    "ISSN NNNN-NNNC with a valid check digit.",
    bad="issn = {0092-5852}",
    good="issn = {0092-5853}",
    fields=("issn",),
)
def issn(R, e, ctx):
    raw = _raw(e, "issn")
    if raw is None:
        return None
    t = text_of(raw)
    out = None
    for part, d in _id_parts(t, r"^(?:E?ISSN):?"):
        why = None
        if not re.fullmatch(r"\d{7}[\dX]", d):
            why = "is not 8 characters NNNNNNNC"
        else:
            want = (11 - sum((8 - i) * int(c) for i, c in enumerate(d[:7])) % 11) % 11
            if (10 if d[7] == "X" else int(d[7])) != want:
                why = f"has a wrong check digit (expected {'X' if want == 10 else want})"
        if why:
            out = out or []
            out.append(R.finding(e, "issn", f"ISSN '{part}' {why}"))
    return out


_ID_LABEL = re.compile(r"^\s*(?:(ISBN)(?:-1[03])?|(E?ISSN))\s*:?\s*(?=[0-9])", re.I)


@rule(
    "W321",
    "identifier-label",
    "form",
    "isbn and issn hold the number only, not an 'ISBN'/'ISSN' label (styles print their own). The fix drops the label.",
    fixable="safe",
    bad="issn = {ISSN 0092-5853}",
    good="issn = {0092-5853}",
    fields=("isbn", "issn"),
)
def identifier_label(R, e, ctx):
    out = None
    for name in ("isbn", "issn"):
        raw = _raw(e, name)
        if raw is None:
            continue
        t = text_of(raw)
        if not _ID_LABEL.match(t) or re.search(r"[;,]", t):
            continue  # a list of several is left as written
        s = _ID_LABEL.sub("", t).strip()
        out = out or []
        out.append(
            R.finding(
                e,
                name,
                f"{name} '{t}' carries a label; write {s}",
                Fix(name, replace_inner(raw, s), description=f"{t} -> {s}"),
            )
        )
    return out


# --- URLs ------------------------------------------------------------------------------------

URL_FIELDS = ("url", "archiveurl", "archive-url", "archive_url", "versionurl")
_TRAILING_JUNK = "。，、；：！？）」』》】〉”’…等.,;:!?\"'>"
_CJK_PUNCT_IN = re.compile(r"[。，、；：！？「」『』《》【】“”（）]")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):(//)?")
_BAD_CHARS = re.compile(r"[<>\"{}|\\^`]")
_TEX_ESCAPE_IN_URL = re.compile(r"\\[_%&#~$]")


_URL_SET = frozenset(URL_FIELDS)


def _url_values(e):
    out = []
    for name in _URL_SET.intersection(e.fields):
        raw = e.fields[name]
        t = text_of(raw)
        if t.strip():
            out.append((name, raw, t))
    return out


def _cited_url_values(e):
    """URL values minus snapshot URLs: a snapshot repeats the cited URL, parameters and all,
    and changing it would point at a capture that does not exist."""
    return [v for v in _url_values(e) if v[0] == "url"]


def _strip_trailing(u: str) -> str:
    s = u.rstrip()
    while s:
        ch = s[-1]
        if ch == ")" and s.count("(") >= s.count(")"):
            break
        if ch == ")" or ch in _TRAILING_JUNK:
            # '等' only counts when it follows punctuation or ends a CJK clause glued to the URL
            s = s[:-1]
            continue
        break
    return s


@rule(
    "E312",
    "url-scheme",
    "form",
    "A URL starts with http:// or https:// (ftp:// is accepted).",
    bad="url = {www.usip.org/publications}",
    good="url = {https://www.usip.org/publications}",
    fields=URL_FIELDS,
)
def url_scheme(R, e, ctx):
    out = None
    for name, raw, t in _url_values(e):
        u = t.strip()
        if u.startswith("\\"):
            continue  # LaTeX around the URL: E315
        m = _SCHEME.match(u)
        why = None
        if not m:
            why = (
                "has no scheme; add https://"
                if re.match(r"^(?:www\.|[\w-]+\.[a-z]{2,}/)", u, re.I)
                else "has no http(s):// scheme"
            )
        elif m.group(1).lower() not in ("http", "https", "ftp", "ftps") or not m.group(2):
            why = f"has scheme '{m.group(0)}'; expected http:// or https://"
        if why:
            out = out or []
            out.append(R.finding(e, name, f"{name} '{u}' {why}"))
    return out


_URL_START = re.compile(r"(?:https?|ftps?)://|www\.", re.I)
_WAYBACK_PREFIX = re.compile(r"/web/\d{4,14}[a-z_]*/?$")


def _glued_urls(inner: str) -> list[str] | None:
    """The URLs of a value holding several, separated by whitespace (two URLs pasted into one
    field), else None. A break right after a Wayback prefix (/web/2025…/) is one wrapped URL."""
    parts = inner.split()
    if len(parts) < 2 or not all(_URL_START.match(p) for p in parts):
        return None
    if any(_WAYBACK_PREFIX.search(p) for p in parts[:-1]):
        return None
    return parts


@rule(
    "E313",
    "url-whitespace",
    "form",
    "A URL contains spaces or line breaks (a wrapped line joined with a space). The fix joins it; it "
    "is safe when the break sits next to / - . _ = & ?. Two URLs separated by a space are E315.",
    fixable="some",
    bad="url = {https://www.reuters.com/world/ china/philippines}",
    good="url = {https://www.reuters.com/world/china/philippines}",
    fields=URL_FIELDS,
)
def url_whitespace(R, e, ctx):
    out = None
    for name, raw, t in _url_values(e):
        inner = t.strip()
        if not re.search(r"\s", inner) or _glued_urls(inner):
            continue
        joined = re.sub(r"\s+", "", inner)
        safe = all(
            (m.start() > 0 and inner[m.start() - 1] in "/-._=&?")
            or (m.end() < len(inner) and inner[m.end()] in "/-._=&?")
            for m in re.finditer(r"\s+", inner)
        )
        out = out or []
        if safe:
            msg = f"{name} contains whitespace (a wrapped line); joined it reads {joined}"
        else:
            encoded = re.sub(r"\s+", "%20", inner)
            msg = f"{name} contains whitespace; perhaps it reads {joined}, or {encoded} if the space belongs to the address (check the source)"
        out.append(
            R.finding(e, name, msg, Fix(name, replace_inner(raw, joined), safe=safe, description="join the URL"))
        )
    return out


@rule(
    "E314",
    "url-trailing-punctuation",
    "form",
    'Punctuation glued to the end of a URL (。 ， 、 ； 等 . , ; ) " …) is not part of it.',
    fixable="safe",
    bad="url = {https://www.chinanews.com.cn/gj/2025/02-22/10372664.shtml。}",
    good="url = {https://www.chinanews.com.cn/gj/2025/02-22/10372664.shtml}",
    fields=URL_FIELDS,
)
def url_trailing(R, e, ctx):
    out = None
    for name, raw, t in _url_values(e):
        u = t.strip()
        s = _strip_trailing(u)
        if s != u and s:
            out = out or []
            out.append(
                R.finding(
                    e,
                    name,
                    f"{name} ends with '{u[len(s) :]}', which is not part of the URL",
                    Fix(name, replace_inner(raw, t.replace(u, s, 1)), description=f"drop '{u[len(s) :]}'"),
                )
            )
    return out


@rule(
    "E315",
    "url-malformed",
    "form",
    'A URL with no host, characters a URL cannot hold (< > " { } | \\ ^ `), CJK punctuation inside '
    "(two URLs or a sentence glued together), two URLs separated by a space, or LaTeX around it (\\url{…}) or in it "
    "(\\_ \\% \\&: a url is verbatim); the fix removes the LaTeX.",
    fixable="some",
    bad="url = {https://x.org/a，https://y.org/b}",
    good="url = {https://x.org/a}",
    fields=URL_FIELDS,
)
def url_malformed(R, e, ctx):
    out = None
    for name, raw, t in _url_values(e):
        u = t.strip()
        m = re.fullmatch(r"\\(?:url|href)\{([^{}]*)\}(?:\{[^{}]*\})?", u)
        if m:
            out = out or []
            out.append(
                R.finding(
                    e,
                    name,
                    f"{name} is wrapped in LaTeX; keep the bare URL",
                    Fix(name, replace_inner(raw, m.group(1)), description="drop \\url{}"),
                )
            )
            continue
        s = _strip_trailing(u)
        why = None
        sm = _SCHEME.match(s)
        if sm and sm.group(2):
            host = s[sm.end() :].split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
            if not host:
                why = "has no host"
            elif (
                not re.fullmatch(r"[\w.\-:@\[\]%]+", host)
                or ".." in host
                or not ("." in host or host.startswith("localhost") or host.startswith("["))
            ):
                why = f"has a malformed host '{host}'"
        glued = _glued_urls(s) if why is None else None
        if glued:
            why = f"holds {len(glued)} URLs separated by a space; keep the one the entry cites"
        if why is None and _CJK_PUNCT_IN.search(s):
            why = f"contains '{_CJK_PUNCT_IN.search(s).group(0)}' (a sentence or a second URL glued on?)"
        if why is None:
            compact = re.sub(r"\s", "", s)
            tex = _TEX_ESCAPE_IN_URL.findall(compact)
            if tex:
                why = f"contains LaTeX escapes ({', '.join(sorted(set(tex)))}); a url field is verbatim: write the bare characters ({', '.join(sorted({t[1] for t in tex}))})"
            else:
                bad = _BAD_CHARS.search(compact)
                if bad:
                    why = f"contains '{bad.group(0)}', which must be percent-encoded"
        if why:
            out = out or []
            fix = None
            if why.startswith("contains LaTeX escapes") and not _BAD_CHARS.search(_TEX_ESCAPE_IN_URL.sub("", compact)):
                fix = Fix(
                    name,
                    replace_inner(raw, _TEX_ESCAPE_IN_URL.sub(lambda m: m.group(0)[1], t)),
                    description="drop the LaTeX escapes",
                )
            out.append(R.finding(e, name, f"{name} '{u}' {why}", fix))
    return out


_HIGHLIGHT = frozenset({"phrase", "words", "highlight", "hilite", "searchterm", "search_term"})


@rule(
    "W316",
    "url-tracking",
    "form",
    "Tracking parameters (utm_*, fbclid, gclid, spm, …) are not part of the cited page. The fix "
    "(--unsafe-fixes) removes them: the URL then differs from the one the article printed.",
    fixable="unsafe",
    bad="url = {https://x.org/p?utm_source=twitter&id=3}",
    good="url = {https://x.org/p?id=3}",
    fields=URL_FIELDS,
)
def url_tracking(R, e, ctx):
    out = None
    for name, raw, t in _cited_url_values(e):
        u = t.strip()
        if "?" not in u:
            continue
        base, _, rest = u.partition("?")
        query, hash_, frag = rest.partition("#")
        params = query.split("&")
        bad = [p.split("=", 1)[0] for p in params if p and TRACKING_PARAMS.match(p.split("=", 1)[0])]
        if not bad:
            continue
        kept = [p for p in params if p and not TRACKING_PARAMS.match(p.split("=", 1)[0])]
        new = base + ("?" + "&".join(kept) if kept else "") + (hash_ + frag if frag else "")
        out = out or []
        kind = "search-highlight parameters" if all(b.lower() in _HIGHLIGHT for b in bad) else "tracking parameters"
        out.append(
            R.finding(
                e,
                name,
                f"{name} carries {kind} ({', '.join(bad)}); the clean URL is {new}",
                Fix(name, replace_inner(raw, t.replace(u, new, 1)), safe=False, description="drop tracking parameters"),
            )
        )
    return out


@rule(
    "W317",
    "url-empty-fragment",
    "form",
    "A URL ending in a bare '#': the empty fragment means nothing.",
    fixable="safe",
    bad="url = {https://www.nippon.com/en/in-depth/a10102/#}",
    good="url = {https://www.nippon.com/en/in-depth/a10102/}",
    fields=URL_FIELDS,
)
def url_fragment(R, e, ctx):
    out = None
    for name, raw, t in _cited_url_values(e):
        u = _strip_trailing(t.strip())
        if u.endswith("#"):
            out = out or []
            out.append(
                R.finding(
                    e,
                    name,
                    f"{name} ends with an empty fragment '#'",
                    Fix(name, replace_inner(raw, t.replace(u, u[:-1], 1)), description="drop '#'"),
                )
            )
    return out


_CLEAN_URL = re.compile(
    r"https?://[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+(?::\d{1,5})?"
    r"(?:/(?:[A-Za-z0-9\-._~%!$&'()*+,;=:@/]*[A-Za-z0-9\-_~%$&*+=@/])?)?"
)
# a clean URL, perhaps with a plain query (no fragment, nothing odd at its end): with one, only
# W316 (tracking) can speak
_CLEAN_URL_QUERY = re.compile(_CLEAN_URL.pattern + r"(\?[A-Za-z0-9\-._~%!$&'()*+,;=:@/?]*[A-Za-z0-9\-_~%$&*+=@/])?")
_URL_CODES = ("E312", "E313", "E314", "E315", "W316", "W317")


@scanner(*_URL_CODES, fields=URL_FIELDS, claims=True)
def scan_urls(rules, e, ctx):
    """The URL rules share one quick test: a plain http(s) URL without a query, a fragment or
    anything odd at its end needs none of them; with a plain query, only W316 (tracking)."""
    fields = e.fields
    only_query = False
    for name in _URL_SET.intersection(fields):
        raw = fields[name]
        m = _CLEAN_URL_QUERY.fullmatch(raw)
        if m is None:
            break
        if m.group(1):
            only_query = True
    else:
        if not only_query:
            return None
        active = ctx.state.get("active_codes")
        if active is not None and "W316" not in active:
            return None
        r = rules["W316"]
        return r.check(r, e, ctx)
    out = []
    active = ctx.state.get("active_codes")
    for code in _URL_CODES:
        if active is not None and code not in active:
            continue  # the fix pass without --unsafe-fixes: W316's fix is never taken
        r = rules[code]
        got = r.check(r, e, ctx)
        if got:
            out.extend(got)
    return out


# --- langid ----------------------------------------------------------------------------------

KNOWN_LANGIDS = frozenset(
    """
english american british canadian australian newzealand usenglish ukenglish
chinese schinese tchinese japanese korean russian ukrainian belarusian bulgarian serbian macedonian
german ngerman austrian naustrian swissgerman nswissgerman french francais acadian canadien swissfrench
spanish catalan galician basque portuguese portuges brazil brazilian italian latin dutch flemish afrikaans
danish norwegian norsk nynorsk swedish finnish icelandic estonian latvian lithuanian polish czech slovak
slovene slovenian croatian hungarian magyar romanian turkish greek polutonikogreek hebrew arabic persian
farsi urdu hindi bengali sanskrit thai vietnamese indonesian bahasa malay bahasam mongolian tibetan uyghur
kazakh armenian georgian albanian welsh irish scottish gaelic breton esperanto interlingua
""".split()
)
LANGID_ALIASES = {
    "en": "english",
    "eng": "english",
    "en-us": "american",
    "en-gb": "british",
    "english (us)": "american",
    "zh": "chinese",
    "zh-cn": "chinese",
    "zh-hans": "chinese",
    "zh-tw": "chinese",
    "zh-hant": "chinese",
    "zho": "chinese",
    "chi": "chinese",
    "cn": "chinese",
    "chn": "chinese",
    "mandarin": "chinese",
    "中文": "chinese",
    "汉语": "chinese",
    "漢語": "chinese",
    "简体中文": "chinese",
    "繁體中文": "chinese",
    "ja": "japanese",
    "jp": "japanese",
    "jpn": "japanese",
    "日本語": "japanese",
    "日文": "japanese",
    "日语": "japanese",
    "ko": "korean",
    "kor": "korean",
    "kr": "korean",
    "한국어": "korean",
    "韩语": "korean",
    "韩文": "korean",
    "ru": "russian",
    "rus": "russian",
    "русский": "russian",
    "俄语": "russian",
    "俄文": "russian",
    "de": "german",
    "deu": "german",
    "ger": "german",
    "fr": "french",
    "fra": "french",
    "fre": "french",
    "es": "spanish",
    "spa": "spanish",
    "it": "italian",
    "ita": "italian",
    "pt": "portuguese",
    "por": "portuguese",
    "nl": "dutch",
    "vi": "vietnamese",
    "th": "thai",
    "ar": "arabic",
    "he": "hebrew",
    "tr": "turkish",
    "pl": "polish",
    "uk": "ukrainian",
    "id": "indonesian",
    "ms": "malay",
    "英文": "english",
    "英语": "english",
}


@lru_cache(maxsize=1)
def _langid_letters() -> dict[str, list[tuple[str, int]]]:
    """Each character -> the known langids holding it, with its count there."""
    index: dict[str, list[tuple[str, int]]] = {}
    for name in KNOWN_LANGIDS:
        for ch in set(name):
            index.setdefault(ch, []).append((name, name.count(ch)))
    return index


def _closest_langid(low: str) -> str | None:
    """``difflib.get_close_matches(low, KNOWN_LANGIDS, n=1, cutoff=0.75)``, with the same answer,
    but trying only names whose shared letters could reach the cutoff (difflib's quick_ratio,
    counted through an index): 93 matchers per unknown value made 25,000 distinct ones cost 9 s."""
    index, shared = _langid_letters(), dict[str, int]()
    for ch in set(low):
        n = low.count(ch)
        for name, k in index.get(ch, ()):
            shared[name] = shared.get(name, 0) + min(n, k)
    hopeful = [name for name, m in shared.items() if 2 * m >= 0.75 * (len(low) + len(name))]
    close = difflib.get_close_matches(low, sorted(hopeful), n=1, cutoff=0.75) if hopeful else []
    return close[0] if close else None


@rule(
    "E318",
    "langid-value",
    "form",
    "langid names a babel/polyglossia language in lower case (english, chinese, japanese, korean, "
    "russian …). The fix maps ISO codes and common names (zh, en-US, Chinese, 中文).",
    fixable="some",
    bad="langid = {zh-CN}",
    good="langid = {chinese}",
    fields=("langid", "language", "hyphenation"),
)
def langid_value(R, e, ctx):
    # BibTeX's `language` is free text in many tools (Zotero writes `en`); only langid is checked
    name = "langid" if "langid" in e.fields else "hyphenation" if "hyphenation" in e.fields else None
    if name is None:
        return None
    raw = e.fields[name]
    t = text_of(raw).strip()
    if not t or t in KNOWN_LANGIDS:
        return None
    low = t.lower().replace("_", "-")
    want = low if low in KNOWN_LANGIDS else LANGID_ALIASES.get(low)
    fix = Fix(name, replace_inner(raw, want), description=f"{t} -> {want}") if want else None
    if want is None:  # a typo: the closest name, as a suggestion only
        close = _closest_langid(low)
        if close:
            return [
                R.finding(
                    e,
                    name,
                    f"{name} '{t}' is not a babel language name; did you mean {close}?",
                    Fix(name, replace_inner(raw, close), safe=False, description=f"{t} -> {close}"),
                )
            ]
    return [R.finding(e, name, f"{name} '{t}' is not a babel language name" + (f"; write {want}" if want else ""), fix)]


# --- shared quick tests: one call for a family of field rules, the rules only when needed ------


def _claim(codes, quick, fields):
    """A scanner over ``fields`` that calls the rules ``codes`` only when ``quick(entry)`` is
    False (``quick`` says "nothing here can fire")."""

    @scanner(*codes, fields=fields, claims=True)
    def scan(rules, e, ctx):
        if quick(e, ctx):
            return None
        out = []
        active = ctx.state.get("active_codes")
        for code in codes:
            if active is not None and code not in active:
                continue
            r = rules[code]
            got = r.check(r, e, ctx)
            if got:
                out.extend(got)
        return out

    return scan


def _pages_quick(e, ctx) -> bool:
    m = _SIMPLE_RANGE.fullmatch(e.fields["pages"])
    return bool(m) and int(m.group(2)) >= int(m.group(1))


_DATE_QUICK = re.compile(r"(?:19|20)\d\d(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|1\d|2[0-8]))?)?")


def _dates_quick(e, ctx) -> bool:
    today = ctx.state.get("_today_iso")
    if today is None:
        today = ctx.state["_today_iso"] = ctx.today.isoformat()
    f = e.fields
    for name in _FUTURE_FIELDS.intersection(f):
        v = f[name]
        if not _DATE_QUICK.fullmatch(v) or v > today:
            return False
    return True


def _doi_quick(e, ctx) -> bool:
    v = e.fields["doi"]
    # "/." and "%": a dot segment (maybe percent-encoded) is E309's to judge
    return (
        bool(_DOI_RE.fullmatch(v)) and v[-1] not in _DOI_TRAILING and v.isprintable() and "/." not in v and "%" not in v
    )


scan_pages = _claim(("W305", "E306", "W319"), _pages_quick, ("pages",))
scan_dates = _claim(("E301", "E302", "W304"), _dates_quick, tuple(_FUTURE_FIELDS))
scan_doi = _claim(("W308", "E309"), _doi_quick, ("doi",))


# --- name lists --------------------------------------------------------------------------------

_NAME_FIELDS = ("author", "editor", "translator", "bookauthor", "editora", "editorb", "editorc")
_DOUBLE_AND = re.compile(r"\band\s+and\b", re.I)
_EDGE_AND = re.compile(r"^\s*and\b|\band\s*$", re.I)
_ETAL = re.compile(r"(?:,?\s+|\s*)(?:et\s+al\.?|等人?|ほか|외|и\s+др\.?)\s*$", re.I)
_CJK_ENUM = re.compile(r"\s*[、；;]\s*")
_NAME_SET = frozenset(_NAME_FIELDS)


def _top_level(value: str, ch: str) -> bool:
    depth = 0
    for c in value:
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
        elif c == ch and depth == 0:
            return True
    return False


@rule(
    "W320",
    "name-list",
    "form",
    "Names are separated by ' and ' (BibTeX): not by '、', ';' or commas; 'and others' instead of "
    "'et al.' or '等'; no empty name ('and and'). The fix rewrites separators and 'et al.'/'等'.",
    fixable="some",
    fields=_NAME_FIELDS,
    bad="author = {刘琳、王五等}   author = {Smith, J., Doe, K.}",
    good="author = {刘琳 and 王五 and others}",
)
def name_list(R, e, ctx):
    out = None
    fields = e.fields
    for name in _NAME_SET.intersection(fields):
        t = fields[name]
        if not t:
            continue
        low_tail = t[-10:].lower()
        suspicious = (
            "、" in t
            or ";" in t
            or "；" in t
            or "and and" in t
            or t[:4].lower() == "and "
            or low_tail.endswith(" and")
            or "al" in low_tail
            or "等" in low_tail
            or "ほか" in low_tail
            or "외" in low_tail
            or "др" in low_tail
            or (t.count(",") >= 3 and " and " not in t)
        )
        if not suspicious:
            continue
        if t[:1] == "{" and t[-1:] == "}" and text_of(t) != t:
            continue  # one braced name (an organization) is whatever it says
        new, why = t, []
        if _top_level(t, "、") or _top_level(t, "；") or (_top_level(t, ";") and " and " not in t):
            new = " and ".join(p for p in _CJK_ENUM.split(new) if p)
            why.append("names separated by '、' or ';'")
        m = _ETAL.search(new)
        if m and not new.rstrip().endswith("others"):
            new = new[: m.start()].rstrip(" ,") + " and others"
            why.append(f"'{m.group(0).strip(' ,')}' for more authors")
        if _DOUBLE_AND.search(new) or _EDGE_AND.search(new):
            why.append("an empty name ('and and', or 'and' at an end)")
            new = _EDGE_AND.sub("", _DOUBLE_AND.sub("and", new)).strip()
        commas = False
        names = new[: -len(" and others")] if new.endswith(" and others") else new  # the names without 'et al.'
        if " and " not in names and names.count(",") >= 3 and "、" not in names:
            parts = [p.strip() for p in names.rstrip(" ,").split(",")]
            if all(parts):
                commas = True
                why.append("several names separated by commas (BibTeX reads 'Last, Jr, First')")
        if why:
            out = out or []
            # a fix that leaves names separated by commas would hide the rest of the problem
            fix = Fix(name, new, description="BibTeX name separators") if new != t and new and not commas else None
            out.append(
                R.finding(
                    e,
                    name,
                    f"{name} list: {'; '.join(why)}" + (f"; write {new!r}" if fix else "; separate names with ' and '"),
                    fix,
                )
            )
    return out
