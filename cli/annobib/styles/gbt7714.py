"""GB/T 7714-2025 and GB/T 7714-2015, numeric (顺序编码制) and author-date (著者-出版年制).

Every type is declared on the template layer (``annobib.styles.template``) and produces rich text
directly: :mod:`._gbt_entry` holds one entry being formatted (language, punctuation, elements),
:mod:`._gbt_layouts` the layouts per type; this module is the style's interface (``format_entry``,
``sort_key``, ``group_key``, ``citation``).
"""

from __future__ import annotations

from functools import lru_cache

from annobib.render.richtext import RichText
from annobib.styles.sorting import name_key, pinyin_key, year_key
from annobib.styles._gbt_entry import (  # noqa: F401 (re-exported: tests, apa, chicago, clear_caches)
    BCP47,
    LANG_EN,
    LANG_JA,
    LANG_KO,
    LANG_OTHER,
    LANG_RU,
    LANG_ZH,
    Options,
    _decode_keep_braces,
    _Entry,
    _parse_names,
    char_lang,
    entry_lang,
    str_lang,
)
from annobib.styles._gbt_layouts import _TEMPLATES, blocks, t_misc  # noqa: F401 (blocks: re-exported)


@lru_cache(maxsize=None)  # a few editions x systems: one frozen Options each, not one per entry
def _options(edition: str, system: str) -> Options:
    return Options(edition, system)


def _formatted(entry, opts: Options, extra: str = "") -> _Entry:
    """The formatted entry: its rich text in ``x.rich``."""
    x = _Entry(entry, opts, extra)
    _TEMPLATES.get(x.type, t_misc)(x)
    return x


def format_entry(
    entry, edition: str = "2025", system: str = "numeric", extra: str = "", warnings: list | None = None
) -> RichText:
    """One reference (without its ``[n]`` label) as rich text."""
    x = _formatted(entry, _options(str(edition), system), extra)  # no plain text: unused here
    if warnings is not None and x.url and not x.has("urldate"):
        web = x.type_id in ("EB", "CP") or x.type in ("online", "webpage", "www", "software")
        if str(edition) == "2015" or web:
            warnings.append(
                f"{entry.key}: no access date (urldate) for an online item; "
                f"GB/T 7714-{edition} requires one{' for web pages' if str(edition) == '2025' else ''}"
            )
    x.rich.lang = BCP47.get(x.lang)
    return x.rich


# read neither the key nor the list position: answered once per distinct body (styles._samebody)
BODY_ONLY = ("sort_key", "group_key", "citation")
_GROUP = {LANG_ZH: 0, LANG_JA: 1, LANG_EN: 2, LANG_RU: 3, LANG_KO: 4, LANG_OTHER: 5}  # others last


def _author_field(x: _Entry) -> str:
    if x.type == "book" or (x.type == "inbook" and x.has("booktitle")):
        return "author" if x.has("author") else "editor"
    if x.type in ("collection", "proceedings", "periodical"):
        return "editor" if x.has("editor") else "author"
    if x.type == "patent" and x.has("holder"):
        return "holder"
    return "author"


def sort_key(entry, index: int = 0, edition: str = "2025") -> tuple:
    """Author-date list order: language group, author (pinyin for Chinese), year."""
    x = _Entry(entry, _options(str(edition), "author-date"))
    value = x.e.get(_author_field(x))
    names = _parse_names(value.strip(), x.lang) if value else ()
    if names:
        nkey = tuple(name_key(n) for n in names)
    else:
        nkey = (pinyin_key(x.anonymous()),)  # 佚名 files under yi
    return (_GROUP.get(x.lang, 4), nkey, year_key(x.lab_date(with_extra=False)))


def group_key(entry, edition: str = "2025") -> tuple:
    """Works that get 2010a, 2010b: the same names and year in the citation label."""
    names, year, _ = label_parts(entry, edition)
    return (names, year)


def label_parts(entry, edition: str = "2025") -> tuple[str, str, int]:
    """(short names, year, language) for author-date citations and same-author-year letters."""
    x = _Entry(entry, _options(str(edition), "author-date"))
    if x.type in ("book",) or (x.type == "inbook" and x.has("booktitle")):
        names = x.label_names("author") or x.label_names("editor")
    elif x.type in ("collection", "proceedings", "periodical"):
        names = x.label_names("editor") or x.label_names("author")
    elif x.type == "patent":
        names = x.label_names("holder") or x.label_names("author")
    else:
        names = x.label_names("author")
    return names or x.anonymous(), x.lab_date(with_extra=False), x.lang


def citation(entry, edition: str = "2025", extra: str = "") -> str:
    """The author-date in-text citation: ``（刘琳，2025）`` (2025, CJK), ``(Morrow, 1991)``."""
    names, year, lang = label_parts(entry, edition)
    if year.startswith("[") and extra:
        year = year[:-1] + extra + "]"
    elif year in ("无日期", "n.d.") and extra:
        year += "-" + extra
    else:
        year += extra
    cjk = lang in (LANG_ZH, LANG_JA, LANG_KO)
    if str(edition) == "2025" and cjk:
        return f"（{names}，{year}）"
    return f"({names}, {year})"
