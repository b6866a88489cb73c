"""Sort keys for reference lists.

GB/T 7714 author-date: language groups (Chinese, Japanese, Western, Russian, others), then by
author — Chinese persons and organizations interfiled in dictionary order (字顺): character by
character, by toneless syllable, then tone (汪 wāng before 王 wáng, so 汪曙申 before 王帆),
then code point; Western by surname and initials, accents folded — then year. Works without an author sort under the word
that stands in their place (佚名 / Anon).

APA 7: by (romanized) first author surname, "nothing precedes something", then the other
authors, then year (undated first), works without an author by the first significant title word.
"""

from __future__ import annotations

import importlib.util
import re
import unicodedata
from functools import lru_cache

from annobib import text as t
from annobib.text import syllables

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def pinyin_key(text: str) -> tuple:
    """Sort key of a title or name: Chinese character by character (see ``char_key``)."""
    if not _HAN.search(text):
        return (fold(text),)
    return char_key(text)


# tone marks of pypinyin's readings -> tone number (5: neutral)
_TONE_OF = {c: str(i % 4 + 1) for i, c in enumerate("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ")}
_TONE_OF.update({"ń": "2", "ň": "3", "ǹ": "4", "ḿ": "2"})
_TONED: tuple | None = None
_TONE_WIDTH = 24  # "zhuang4,chuang2,..." cut at a comma to fit


def _toned_table() -> tuple:
    """(slots, blocks): each code point's readings with tone numbers (``"wang2,wang4"``) in a
    fixed-width slot of one string, found through blocks of code points — built once from
    pypinyin's character table and kept (marshalled) in the cache dir like annobib.text's
    toneless table; a string loads in a millisecond where a 42,000-key dict took 50."""
    global _TONED
    if _TONED is not None:
        return _TONED

    stamp = t._pinyin_stamp()
    got = t._load_marshal("pinyin-tones-2.marshal") if stamp is not None else None
    if isinstance(got, tuple) and len(got) == 3 and got[0] == stamp and isinstance(got[1], str):
        _TONED = (got[1], tuple(got[2]))
        return _TONED
    table: dict[int, str] = {}
    path = t._pinyin_source()
    if path:
        spec = importlib.util.spec_from_file_location("_annobib_pinyin_dict", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)  # type: ignore[union-attr]
        for code, readings in module.pinyin_dict.items():
            out = []
            for r in readings.split(","):
                tone = next((_TONE_OF[c] for c in r if c in _TONE_OF), "5")
                plain = r.translate(t._TONES).lower()
                if plain.isascii() and plain.isalpha() and len(",".join(out + [plain + tone])) <= _TONE_WIDTH:
                    out.append(plain + tone)
            if out:
                table[code] = ",".join(out)
    _TONED = t.pack_code_table(table, _TONE_WIDTH)
    if path:
        t._save_marshal("pinyin-tones-2.marshal", (stamp, _TONED[0], list(_TONED[1])))
    return _TONED


def _toned(o: int) -> str:
    slots, blocks = _toned_table()
    for first, last, base in blocks:
        if first <= o <= last:
            k = (base + o - first) * _TONE_WIDTH
            return slots[k : k + _TONE_WIDTH].rstrip()
    return ""


@lru_cache(maxsize=65536)
def char_key(text: str, first: str = "") -> tuple:
    """Dictionary order (字顺) of a Chinese name or title, character by character: each Han
    character as its toneless syllable then its tone (``wang1 汪`` before ``wang2 王``, and
    ``wan`` before ``wang``: digits sort before letters), then the character itself; other
    characters folded. ``first``: the reading of the leading character(s) when it is not the
    most common one (surnames: 单 shan, 曾 zeng); its tone is the matching reading's."""
    out = []

    plain = syllables(text)
    for k, ch in enumerate(text):
        toned = _toned(ord(ch))
        if toned:
            readings = toned.split(",")
            reading = readings[0]
            if k == 0 and first:
                fits = [r for r in readings if first.startswith(r[:-1])]
                reading = max(fits, key=len) if fits else reading
            out.append(reading + ch)
        elif plain[k]:
            out.append(plain[k][0] + "5" + ch)
        elif ch.strip() and ch.isalnum():
            out.append(fold(ch))
    return tuple(out)


def name_key(name) -> tuple:
    """Sort key of one annobib.names.Name."""
    if name.others:
        return ("~",)
    if name.script == "han" and (name.is_cjk or name.literal):
        # persons and organizations interfiled, character by character (surname readings —
        # 翟 zhai, 单 shan, 曾 zeng — from the name model's table)
        from annobib.names import SURNAME_READINGS

        return char_key(name.raw, SURNAME_READINGS.get(name.family, "") if name.is_cjk else "")
    if name.is_cjk:
        return (name.raw,)
    if name.literal:
        return (fold(name.raw),)
    # "\x02" marks a given name written out in full ({\relax Jiangning}): not a sort character
    return (fold(name.family), fold(name.particle), fold(name.given.replace("\x02", "")))


_ARTICLES = re.compile(r"^(the|a|an)\s+", re.I)


def title_key(title: str) -> tuple:
    title = _ARTICLES.sub("", title.strip(" \"“”'‘’《》[]()（）"))
    if _HAN.search(title):
        return pinyin_key(title)
    return (fold(title),)


def year_key(year: str) -> tuple:
    m = re.search(r"\d{4}", year or "")
    return (0, "") if not m else (1, m.group(0) + year)
