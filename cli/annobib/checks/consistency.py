"""Consistency: fields that contradict each other."""

from __future__ import annotations

import datetime as _dt
import re
from functools import lru_cache
from urllib.parse import unquote

from annobib.checks._util import (
    _SCHEME,
    HAN_RE,
    HANGUL_RE,
    KANA_RE,
    earliest,
    fold,
    latest,
    normalize_doi,
    normalize_url,
    parse_date_value,
    plain,
    script_counts,
    text_of,
    val,
)
from annobib.checks.base import rule
from annobib.checks.hygiene import looks_like_mojibake
from annobib.core.months import MONTH_MACROS, MONTH_WORDS

_MON = MONTH_WORDS
_MONTH_ALT = "|".join(MONTH_MACROS)  # "sept", "march" … by the [a-z]* after it
_YEAR_AT = re.compile(r"(?:19|20)\d\d")
# tried at each year found in the path: (pattern, what must come before the year)
_AT_YEAR = [
    (re.compile(r"(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?=[/\-_.]|$)"), "/"),
    (re.compile(r"(?P<y>\d{4})/(?P<m>\d{2})-?(?P<d>\d{2})(?=[/\-_.]|$)"), "/"),
    (re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)"), "nondigit"),
    (re.compile(r"(?P<y>\d{4})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?!\d)"), "nondigit"),
    (re.compile(r"(?P<y>20\d{2})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])\d{6,}(?!\d)"), "letter"),
    (re.compile(rf"(?P<y>\d{{4}})/(?P<mon>{_MONTH_ALT})[a-z]*/(?P<d>\d{{1,2}})(?=[/\-_.]|$)", re.I), "/"),
    (re.compile(r"(?P<y>\d{4})/(?P<m>\d{1,2})(?=/)"), "/"),
    (re.compile(rf"(?P<y>\d{{4}})/(?P<mon>{_MONTH_ALT})[a-z]*(?=/)", re.I), "/"),
]


def _unnamed(pattern: re.Pattern) -> str:
    """The pattern's text with its named groups made non-capturing, and its flags inline."""
    text = re.sub(r"\(\?P<\w+>", "(?:", pattern.pattern)
    return f"(?i:{text})" if pattern.flags & re.I else text


# All of _AT_YEAR as one alternation, each alternative the only capturing group: matched at a
# year, ``lastindex - 1`` is the rank of the first pattern that matches there (the regex engine
# tries alternatives in order), in one call instead of one per pattern.
_AT_YEAR_ANY = re.compile("|".join(f"({_unnamed(pat)})" for pat, _need in _AT_YEAR))


def _before_ok(path: str, i: int, need: str) -> bool:
    prev = path[i - 1] if i > 0 else ""
    if need == "/":
        return prev == "/"
    if need == "letter":
        return prev.isalpha()
    return not prev.isdigit()


@lru_cache(maxsize=65536)
def url_date(url: str, today: _dt.date):
    """(y, m, d|None) found in the URL's path, or None."""
    if not _YEAR_AT.search(url):
        return None
    u = _SCHEME.sub("", url.strip())
    path = u.split("?", 1)[0].split("#", 1)[0]
    if "/" not in path:
        return None
    path = path[path.index("/") :]
    best = None
    for ym in _YEAR_AT.finditer(path):
        i = ym.start()
        first = _AT_YEAR_ANY.match(path, i)
        if first is None:
            continue  # no pattern matches at this year
        for rank in range(first.lastindex - 1, len(_AT_YEAR)):  # the ranks before cannot match
            pat, need = _AT_YEAR[rank]
            if best is not None and rank >= best[0]:
                break
            m = pat.match(path, i)
            if not m or not _before_ok(path, i, need):
                continue
            gd = m.groupdict()
            y = int(m["y"])
            mo = int(m["m"]) if gd.get("m") else _MON[gd["mon"][:3].lower()]
            d = int(m["d"]) if gd.get("d") else None
            if not (1990 <= y <= today.year + 1 and 1 <= mo <= 12):
                continue
            if d is not None:
                try:
                    _dt.date(y, mo, d)
                except ValueError:
                    continue
            best = (rank, (y, mo, d))
            break
    return best[1] if best else None


def _fmt(p) -> str:
    shown = _SHOWN.get(p)
    if shown is None:  # the same few hundred year-months recur: each is formatted once
        shown = _SHOWN[p] = "-".join(f"{x:02d}" if i else f"{x:04d}" for i, x in enumerate(p) if x is not None)
    return shown


_SHOWN: dict[tuple, str] = {}


@rule(
    "W401",
    "url-date-mismatch",
    "consistency",
    "The URL path carries a date (/2025/04/07/, 20250315, /2025/02-22/) that disagrees with the "
    "date field. Often the page was updated or the footnote took another date; check which is right.",
    bad="date = {2025-04-04}, url = {https://www.japantimes.co.jp/business/2025/04/07/economy/…}",
    good="date = {2025-04-07}, url = {https://www.japantimes.co.jp/business/2025/04/07/economy/…}",
    fields=("url",),
)
def url_date_mismatch(R, e, ctx):
    url = val(e, "url")
    date = val(e, "date")
    if not url or not date:
        return None
    ud = url_date(url, ctx.today)
    if ud is None:
        return None
    try:
        start, _ = parse_date_value(date.strip())
    except ValueError:
        return None
    if start is None:
        return None
    parts = [(a, b) for a, b in zip(ud, start) if a is not None and b is not None]
    if all(a == b for a, b in parts):
        return None
    shown = _fmt(ud)
    msg = f"the URL path says {shown} but date is {date.strip()}"
    if ud[2] is not None and start[2] is not None:
        days = abs((_dt.date(*ud) - _dt.date(*start)).days)
        msg += f" ({days} day{'s' if days != 1 else ''} apart)"
    return [R.finding(e, "date", msg + "; check which is right")]


from annobib.checks.form import KNOWN_LANGIDS as _KNOWN_LANGIDS, LANGID_ALIASES as _LANGID_ALIASES  # noqa: E402

# langid -> scripts a title in that language is written in
_LANG_SCRIPTS = {
    "chinese": {"han"},
    "schinese": {"han"},
    "tchinese": {"han"},
    "japanese": {"han", "kana"},
    "korean": {"hangul", "han"},
    "russian": {"cyrillic"},
    "ukrainian": {"cyrillic"},
    "belarusian": {"cyrillic"},
    "bulgarian": {"cyrillic"},
    "serbian": {"cyrillic", "latin"},
    "macedonian": {"cyrillic"},
    "mongolian": {"cyrillic"},
    "greek": {"greek"},
    "polutonikogreek": {"greek"},
    "arabic": {"arabic"},
    "persian": {"arabic"},
    "farsi": {"arabic"},
    "urdu": {"arabic"},
}
_NON_LATIN_LANGS = set(_LANG_SCRIPTS)
# scripts that a title in this language does not use (kanji and hanja are Han, so Han is fine)
_FOREIGN_CJK = {
    "chinese": ("kana", "hangul"),
    "schinese": ("kana", "hangul"),
    "tchinese": ("kana", "hangul"),
    "japanese": ("hangul",),
    "korean": ("kana",),
}
_CJK_LANGS = frozenset({"chinese", "schinese", "tchinese", "japanese", "korean"})


@rule(
    "W402",
    "title-script-langid",
    "consistency",
    "The title's script does not fit langid: Chinese characters under langid english, kana under "
    "chinese, a Latin-only title under chinese, Cyrillic under english …",
    bad="title = {特朗普回归与美国亚太联盟调整}, langid = {english}",
    good="title = {特朗普回归与美国亚太联盟调整}, langid = {chinese}",
    fields=("langid", "language", "hyphenation"),
)
def title_script(R, e, ctx):
    lang = val(e, "langid").strip().lower()
    title = val(e, "title")
    if not lang or not title:
        return None
    if lang not in _KNOWN_LANGIDS:
        lang = _LANGID_ALIASES.get(lang.replace("_", "-"), "")  # zh, en-US, kr (E318 asks for the name)
        if not lang:
            return None  # not a language at all: E318 says what to write
    key = (lang, title)
    said = _SCRIPT_MEMO.get(key, False)
    if said is False:  # langid and title recur together: each pair is judged once per run
        if len(_SCRIPT_MEMO) > 200_000:
            _SCRIPT_MEMO.clear()
        said = _SCRIPT_MEMO[key] = _script_mismatch(lang, title)
    return None if said is None else [R.finding(e, "langid", said)]


_SCRIPT_MEMO: dict[tuple, str | None] = {}  # (langid, title) -> message or None; runner.clear_caches empties it


def _script_mismatch(lang: str, title: str) -> str | None:
    """What is wrong with a title in this script under this langid, or None."""
    t = plain(title) if ("{" in title or "\\" in title) else title
    if t.isascii():
        if lang in _NON_LATIN_LANGS:
            return f"title is in Latin script but langid is {lang}; is the title a translation, or the langid wrong?"
        return None
    if lang in _CJK_LANGS and HAN_RE.search(t) and not KANA_RE.search(t) and not HANGUL_RE.search(t):
        return None  # the common case: a title in Chinese characters under a CJK langid

    if looks_like_mojibake(t):
        return None  # mis-decoded text (W501): its script says nothing about the language
    c = script_counts(t)
    present = {s for s, n in c.items() if n}
    if lang in _LANG_SCRIPTS:
        want = _LANG_SCRIPTS[lang]
        foreign = _FOREIGN_CJK.get(lang, ())
        for script in foreign:
            if c[script]:
                other = {"kana": "Japanese kana", "hangul": "Korean hangul"}[script]
                guess = {"kana": "japanese", "hangul": "korean"}[script]
                return f"title contains {other} but langid is {lang}; langid = {{{guess}}}?"
        if not present & want:
            shown = ", ".join(sorted(present)) or "no letters"
            return f"title is in {shown} script but langid is {lang}"
        return None
    # Latin-script languages
    non_latin = {s for s in present if s != "latin"}
    if non_latin and sum(c[s] for s in non_latin) >= max(2, c["latin"] // 4):
        guess = (
            "chinese"
            if "han" in non_latin and not c["kana"]
            else "japanese"
            if c["kana"]
            else "korean"
            if c["hangul"]
            else "russian"
            if c["cyrillic"]
            else sorted(non_latin)[0]
        )
        return f"title is mostly in {', '.join(sorted(non_latin))} script but langid is {lang}; langid = {{{guess}}}?"
    return None


def _span(e, name):
    raw = e.fields.get(name)
    if raw is None:
        return None
    try:
        return parse_date_value(text_of(raw).strip())
    except ValueError:
        return None


@rule(
    "W403",
    "access-before-publication",
    "consistency",
    "The access date (urldate) or archive date is before the publication date.",
    bad="date = {2025-05-30}, urldate = {2025-05-01}",
    good="date = {2025-05-30}, urldate = {2025-06-01}",
    fields=("urldate", "archivedate", "archive-date", "archive_date", "versiondate"),
)
def access_before(R, e, ctx):
    name_d = "date" if "date" in e.fields else "year" if "year" in e.fields else None
    if name_d is None:
        return None
    pub = _span(e, name_d)
    if not pub or not pub[0]:
        return None
    out = None
    for name in ("urldate", "archivedate", "archive-date", "archive_date", "versiondate"):
        acc = _span(e, name)
        if not acc or not acc[0]:
            continue
        if latest(acc[1] or acc[0]) < earliest(pub[0]):
            out = out or []
            what = "access date" if name == "urldate" else "archive date"
            out.append(
                R.finding(
                    e,
                    name,
                    f"{what} {text_of(e.fields[name]).strip()} is before the publication date {text_of(e.fields[name_d]).strip()}",
                )
            )
    return out


@rule(
    "W404",
    "date-year-conflict",
    "consistency",
    "Both date and year are given and disagree (biblatex uses date).",
    bad="date = {2025-03-07}, year = {2024}",
    good="date = {2025-03-07}",
    fields=("year",),
)
def date_year(R, e, ctx):
    if "date" not in e.fields or "year" not in e.fields:
        return None
    d = _span(e, "date")
    y = text_of(e.fields["year"]).strip()
    if d and d[0] and y.isdecimal() and int(y) != d[0][0]:
        return [R.finding(e, "year", f"year {y} disagrees with date {text_of(e.fields['date']).strip()}; keep one")]
    return None


@rule(
    "W405",
    "urldate-without-url",
    "consistency",
    "An access date (urldate) with no url to have accessed.",
    fields=("urldate",),
    absent=("url",),
    bad="@book{x, …, urldate = {2025-06-01}}",
    good="@book{x, …}   (or add the url)",
)
def urldate_without_url(R, e, ctx):
    if e.type in ("online", "www", "electronic"):
        return None  # E204 asks for the url already
    if val(e, "url") or val(e, "doi") or val(e, "eprint"):
        return None
    return [R.finding(e, "urldate", "urldate is set but there is no url; add the url or drop urldate")]


_WAYBACK_TS = re.compile(r"/web/(\d{4})(\d{2})(\d{2})\d{0,6}[a-z_]*/")


@rule(
    "W406",
    "archive-date-mismatch",
    "consistency",
    "The archive date disagrees with the timestamp in the Wayback snapshot URL (archiveurl), or the "
    "snapshot is of another URL than the entry's url.",
    fields=("archiveurl", "archive-url", "archive_url", "versionurl"),
    bad="archiveurl = {https://web.archive.org/web/20250530120000/https://x.org/a}, archivedate = {2025-06-01}",
    good="archiveurl = {https://web.archive.org/web/20250530120000/https://x.org/a}, archivedate = {2025-05-30}",
)
def archive_mismatch(R, e, ctx):
    name = e.field_name("archiveurl")
    aurl = text_of(e.fields.get(name, "")).strip()
    m = _WAYBACK_TS.search(aurl)
    if not m:
        return None
    out = None
    adate = val(e, "archivedate").strip()
    stamp = f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    if adate and not stamp.startswith(adate[:10]) and not adate.startswith(stamp):
        out = [R.finding(e, e.field_name("archivedate"), f"archivedate {adate} but the snapshot is from {stamp}")]
    url = val(e, "url").strip()
    original = aurl[m.end() :]
    if url and original:
        if normalize_url(original) != normalize_url(url):
            out = out or []
            out.append(R.finding(e, name, f"the snapshot is of {original}, not of the entry's url"))
    return out


_DIALECT_PAIRS = (("journaltitle", "journal"), ("location", "address"), ("institution", "school"))


@rule(
    "W407",
    "dialect-fields-disagree",
    "consistency",
    "A biblatex field and its BibTeX twin are both given and disagree (journaltitle and journal, "
    "location and address, institution and school): tools read one or the other. Keep one.",
    bad="journal = {International Security}, journaltitle = {International Organization}",
    good="journaltitle = {International Security}",
    fields=("journal", "address", "school"),
)
def dialect_fields(R, e, ctx):
    f = e.fields
    if "journaltitle" not in f and "location" not in f and "institution" not in f:
        return None  # the common case: BibTeX names only
    out = None
    for new, old in _DIALECT_PAIRS:
        if new in f and old in f:
            a, b = text_of(f[new]).strip(), text_of(f[old]).strip()
            if a and b and fold(a) != fold(b):
                out = out or []
                out.append(
                    R.finding(
                        e,
                        old,
                        f"{old} '{b}' and {new} '{a}' disagree; tools read one or the other "
                        f"(annobib and biber read {new}): keep one",
                    )
                )
    return out


_DOI_URL = re.compile(r"^\s*https?://(?:dx\.)?doi\.org/(10\.[^\s?#]+)", re.I)


@rule(
    "W408",
    "url-doi-mismatch",
    "consistency",
    "The url is a doi.org link to another DOI than the doi field: one of them belongs to another work.",
    bad="doi = {10.1017/S0020818300032793}, url = {https://doi.org/10.1017/S0020818300032794}",
    good="doi = {10.1017/S0020818300032793}, url = {https://doi.org/10.1017/S0020818300032793}",
    fields=("doi",),
)
def url_doi_mismatch(R, e, ctx):
    url = val(e, "url")
    m = _DOI_URL.match(url) if url else None
    doi = val(e, "doi").strip()
    if not m or not doi:
        return None

    if normalize_doi(unquote(m.group(1)).rstrip("/")) != normalize_doi(doi):
        return [
            R.finding(
                e,
                "url",
                f"url points to DOI {unquote(m.group(1))} but doi is {doi}; one of them belongs to another work",
            )
        ]
    return None
