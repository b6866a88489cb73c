"""What every converter shares: a little LaTeX, dates, languages, pages, keys."""

from __future__ import annotations

import re
import unicodedata

from annobib.bib.keys import KEY_UNSAFE
from annobib.bib.latex import plain_to_latex
from annobib.bib.values import braces_balanced
from annobib.core.latex import latex_to_text
from annobib.core.months import MONTH_MACROS, month_number  # noqa: F401  (re-exported)
from annobib.extract.keys import base_key
from annobib.names import parse_names, pinyin_of

# Fields whose values are verbatim in biblatex (no LaTeX escapes inside).
VERBATIM_FIELDS = frozenset({"url", "doi", "eprint", "file", "urlraw", "archiveurl", "verba", "verbb", "verbc", "pdf"})

# --------------------------------------------------------------------------- LaTeX (minimal)


def trim(value: str) -> str:
    """A CSL-JSON or RIS value without the whitespace at its ends.

    Decided (hostile round 13 found a title's leading no-break space and U+2028 gone): the
    ends are trimmed of Unicode whitespace, as ``str.strip`` sees it — a no-break space
    (U+00A0), the line and paragraph separators (U+2028, U+2029), NEL, the ideographic space
    (U+3000) and the other Unicode spaces, as well as spaces, tabs and line breaks. At the
    edge of a value they bind or separate nothing a reader could mean: LaTeX sets a leading
    U+00A0 as a visible gap before the title, and pdfLaTeX's UTF-8 tables have no U+2028,
    so kept they would only make the .bib worse. Inside a value they stay (a no-break space
    is written ``~``). A zero-width space is not whitespace and is kept (``list`` shows it).
    A BibTeX import keeps each entry's text as written."""
    return value.strip()


def decode_latex(value: str, name: str = "") -> str:
    """BibTeX value -> plain Unicode text (the one decoder of :mod:`annobib.core.latex`).
    Verbatim fields (url, doi …) come back untouched."""
    if name in VERBATIM_FIELDS:
        return value
    return latex_to_text(value, keep_whitespace=True)


def encode_latex(value: str, name: str = "") -> str:
    """Text from another format -> an annobib field value, as the .bib will hold it: the one
    plain-to-BibTeX conversion, :func:`annobib.bib.latex.plain_to_latex` (backslashes, braces and
    LaTeX's specials made text, so ``\\input`` or ``\\write18`` never runs and the value reads back
    the same). Verbatim fields (url, doi …) are kept as they are, unbalanced braces percent-encoded.
    """
    if name in VERBATIM_FIELDS:
        return value if braces_balanced(value) else value.replace("{", "%7B").replace("}", "%7D")
    return plain_to_latex(value, name)


# --------------------------------------------------------------------------- dates

_ISO_DATE = re.compile(r"^\s*(-?\d{1,4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*$")


def date_parts(value: str | None) -> list[list[int]] | None:
    """``2025-05-27`` -> [[2025, 5, 27]]; ``2024/2025-02`` -> [[2024], [2025, 2]]; else None."""
    if not value:
        return None
    pieces = value.split("/")
    if len(pieces) > 2:
        return None
    out = []
    for piece in pieces:
        m = _ISO_DATE.match(piece)
        if not m:
            return None
        parts = [int(g) for g in m.groups() if g is not None]
        if len(parts) > 1 and not 1 <= parts[1] <= 12 or len(parts) > 2 and not 1 <= parts[2] <= 31:
            return None
        out.append(parts)
    return out


_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _date_number(value) -> int | None:
    """A CSL date part as an int, else None (``true`` and ``"spring"`` are no numbers)."""
    if isinstance(value, str):
        text = value.strip()
        if len(text) > 6:
            raise ValueError(f"a date part is not a year, month or day: {text[:12]}…")
        return int(text) if re.fullmatch(r"-?\d+", text) else None
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e6:
        return int(value)
    return None


def clean_date_parts(parts) -> list[list[int]]:
    """CSL ``date-parts`` as a registry or a file gives them, reduced to what is a real date.

    The one reader of ``date-parts`` (CSL-JSON import, Crossref for ``add`` and ``verify``).
    A month outside 1-12 keeps only the year and a day the month does not have keeps year
    and month (``[[2020, 2, 31]]`` -> ``[[2020, 2]]``, ``[[2020, 0, 0]]`` -> ``[[2020]]``): the
    valid part is still true. What cannot be a date at all (a year outside -9999..9999, a
    part that is not a number, a shape other than a list of lists) raises ValueError."""
    if not isinstance(parts, list) or not all(isinstance(p, list) for p in parts):
        raise ValueError("date-parts must be a list of lists")
    out = []
    for item in parts[:2]:
        if not item:
            continue
        nums = [_date_number(p) for p in item[:3]]
        year = nums[0]
        if year is None:
            raise ValueError("a date whose year is not a number")
        if not -9999 <= year <= 9999:
            raise ValueError("a date out of range (years -9999 to 9999)")
        kept = [year]
        if len(nums) > 1 and nums[1] is not None and 1 <= nums[1] <= 12:
            kept.append(nums[1])
            leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
            days = _MONTH_DAYS[nums[1] - 1] - (nums[1] == 2 and not leap)
            if len(nums) > 2 and nums[2] is not None and 1 <= nums[2] <= days:
                kept.append(nums[2])
        out.append(kept)
    return out


def format_date_parts(parts) -> str | None:
    """[[2025, 5, 27]] -> ``2025-05-27``; two items make a range ``a/b``. Impossible parts are
    cut or refused as :func:`clean_date_parts` says."""
    texts = []
    for item in clean_date_parts(parts or []):
        text = f"{item[0]:04d}" if item[0] >= 0 else str(item[0])
        texts.append(text + "".join(f"-{n:02d}" for n in item[1:]))
    return "/".join(texts) or None


def classic_to_date(year: str | None, month: str | None, day: str | None = None) -> str | None:
    """BibTeX ``year``/``month``/``day`` -> an ISO ``date``, when they are plain numbers."""
    if not year or not re.fullmatch(r"\s*\d{4}\s*", year):
        return None
    out = year.strip()
    m = month_number(month)
    if month and m is None:
        return None
    if m:
        out += f"-{m:02d}"
        if day and day.strip().isdecimal() and len(day.strip()) <= 2 and 1 <= int(day) <= 31:
            out += f"-{int(day):02d}"
    return out


# --------------------------------------------------------------------------- languages

# biblatex/babel language names <-> BCP 47 tags (CSL ``language``, RIS ``LA``)
LANGID_TO_BCP47 = {
    "chinese": "zh-CN",
    "schinese": "zh-CN",
    "tchinese": "zh-TW",
    "english": "en-US",
    "american": "en-US",
    "british": "en-GB",
    "japanese": "ja-JP",
    "korean": "ko-KR",
    "russian": "ru-RU",
    "german": "de-DE",
    "ngerman": "de-DE",
    "french": "fr-FR",
    "spanish": "es-ES",
    "italian": "it-IT",
    "portuguese": "pt-PT",
    "brazilian": "pt-BR",
    "dutch": "nl-NL",
    "polish": "pl-PL",
    "ukrainian": "uk-UA",
    "arabic": "ar",
    "vietnamese": "vi-VN",
}
_BCP47_TO_LANGID = {}
for _k, _v in LANGID_TO_BCP47.items():
    _BCP47_TO_LANGID.setdefault(_v.casefold(), _k)
    _BCP47_TO_LANGID.setdefault(_v.split("-")[0].casefold(), _k)


def langid_to_bcp47(value: str) -> str:
    return LANGID_TO_BCP47.get(value.strip().casefold(), value.strip())


def bcp47_to_langid(value: str) -> str:
    v = value.strip().replace("_", "-").casefold()
    if v in _BCP47_TO_LANGID:
        return _BCP47_TO_LANGID[v]
    if v.split("-")[0] in _BCP47_TO_LANGID:
        return _BCP47_TO_LANGID[v.split("-")[0]]
    return value.strip()


# --------------------------------------------------------------------------- pages

_PAGE_RANGE = re.compile(r"^\s*([^\s\-–—]+)\s*(?:-{1,3}|–|—|~|至)\s*([^\s\-–—]+)\s*$")


def split_pages(value: str) -> tuple[str, str | None]:
    m = _PAGE_RANGE.match(value)
    if m:
        return m.group(1), m.group(2)
    return value.strip(), None


def csl_pages(value: str) -> str:
    """``25--27``, ``25—27`` -> ``25-27`` (CSL wants a hyphen)."""
    start, end = split_pages(value)
    return f"{start}-{end}" if end else start


def bibtex_pages(value: str) -> str:
    start, end = split_pages(value)
    return f"{start}--{end}" if end else start


# --------------------------------------------------------------------------- keys


def usable_key(key: str) -> bool:
    """A key BibTeX tools accept (and not a URI standing in for one, as Zotero's CSL ids are)."""
    return bool(key) and not KEY_UNSAFE.search(key) and "://" not in key and len(key) <= 100


def make_key(entry, taken, folded: set | None = None) -> str:
    """A citation key for an entry that has none: the extractor's scheme when available,
    else ``familyYEARword`` in ASCII; made unique against ``taken`` (a set or dict)."""
    base = None
    try:  # the extractor's key maker, so imported keys look like extracted ones
        base = base_key({k: decode_latex(v, k) for k, v in entry.fields.items()} | {"date": entry.get("date") or ""})
    except Exception:  # noqa: BLE001 - fall back to the simple scheme below
        base = None
    if not base or not isinstance(base, str):
        base = _simple_key(entry)
    if folded is None:
        folded = {k.casefold() for k in taken}
    key = base
    n = 0
    while key.casefold() in folded:
        n += 1
        key = base + _suffix(n)
    return key


def _suffix(n: int) -> str:
    letters = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        letters = chr(ord("a") + r) + letters
    return letters


def _ascii_word(text: str) -> str:
    try:
        text = pinyin_of(text, sep="")
    except Exception:  # noqa: BLE001
        pass
    text = unicodedata.normalize("NFKD", text)
    return re.sub(r"[^a-z0-9]", "", "".join(c for c in text if not unicodedata.combining(c)).casefold())


def _simple_key(entry) -> str:
    who = ""
    value = entry.get("author") or entry.get("editor") or ""
    if value:
        try:
            names = [n for n in parse_names(value) if not n.others]
            if names:
                n = names[0]
                who = n.raw if (n.literal or n.is_cjk) else n.family
        except Exception:  # noqa: BLE001
            who = value.split(" and ")[0]
    who = _ascii_word(who)[:16]
    title = decode_latex(entry.get("title") or "")
    words = [w for w in re.split(r"[\s\W]+", title) if w and w.casefold() not in ("the", "a", "an", "of", "on", "and")]
    word = ""
    if words:
        first = words[0]
        word = _ascii_word(first[:2] if any(ord(c) > 0x2E80 for c in first) else first)[:12]
    key = f"{who}{entry.year or ''}{word}"
    return key or "entry"
