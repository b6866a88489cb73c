"""Sort keys for reference lists.

GB/T 7714 author-date: language groups (Chinese, Japanese, Western, Russian, others), then by
author — Chinese by pinyin (characters with the same reading by code point), Western by
surname and initials, accents folded — then year. Works without an author sort under the word
that stands in their place (佚名 / Anon).

APA 7: by (romanized) first author surname, "nothing precedes something", then the other
authors, then year (undated first), works without an author by the first significant title word.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=65536)
def pinyin_key(text: str) -> tuple:
    """Pinyin syllables of ``text`` (no tones), each followed by its character, for sorting."""
    if not _HAN.search(text):
        return (fold(text),)
    from annobib.text import syllables  # a marshalled table: no pypinyin import

    out = []
    for ch, readings in zip(text, syllables(text)):
        if readings:
            out.append(readings[0] + " " + ch)
        elif ch.strip() and ch.isalnum():
            out.append(fold(ch))
    return tuple(out)


def _reading(text: str) -> str:
    from annobib.text import syllables

    return "".join(r[0] if r else fold(c) for c, r in zip(text, syllables(text)))


def name_key(name) -> tuple:
    """Sort key of one annobib.names.Name."""
    if name.others:
        return ("~",)
    if name.is_cjk:
        if name.script == "han":
            # surname readings (翟 zhai, 单 shan, 曾 zeng) from the name model's table
            from annobib.names import SURNAME_READINGS

            fam = SURNAME_READINGS.get(name.family) or _reading(name.family)
            return (fam, _reading(name.given)) + pinyin_key(name.raw)
        return (name.raw,)
    if name.literal:
        return (fold(name.raw),)
    return (fold(name.family), fold(name.particle), fold(name.given))


_ARTICLES = re.compile(r"^(the|a|an)\s+", re.I)


def title_key(title: str) -> tuple:
    title = _ARTICLES.sub("", title.strip(" \"“”'‘’《》[]()（）"))
    if _HAN.search(title):
        return pinyin_key(title)
    return (fold(title),)


def year_key(year: str) -> tuple:
    m = re.search(r"\d{4}", year or "")
    return (0, "") if not m else (1, m.group(0) + year)
