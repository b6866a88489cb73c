"""Citation keys: readable, stable, ASCII.

``<family><year><word>``: the first author's family name (pinyin for Chinese, Revised
Romanization for Korean, Hepburn-ish kana reading for Japanese kana, a simple transliteration for
Cyrillic, accents folded for Latin), the year (``nd`` without one) and the first significant word
of the title (the first two Han characters in pinyin for a Chinese title). Organizations give a
short form: their initials when they have three or more words (``U.S. Department of Defense`` ->
``usdod``), else their first word (``Reuters``, ``Kyodo News`` -> ``kyodo``). Without an author,
the outlet/site/institution stands in. Clashes get ``a``, ``b``, … in order of first citation.
"""

from __future__ import annotations


import re

from annobib.extract import rx as cre
import unicodedata
from functools import lru_cache

from annobib.names import COMPOUND_SURNAMES, SURNAME_READINGS, parse_name, romanize_hangul
from annobib.text import pinyin as han_pinyin  # the compact table: importing pypinyin costs ~300 ms

STOPWORDS = {
    "the",
    "a",
    "an",
    "of",
    "on",
    "in",
    "to",
    "for",
    "and",
    "or",
    "is",
    "are",
    "at",
    "by",
    "with",
    "from",
    "as",
    "its",
    "his",
    "her",
    "their",
    "how",
    "why",
    "what",
    "who",
    "does",
    "do",
    "has",
    "have",
    "la",
    "le",
    "les",
    "des",
    "der",
    "die",
    "das",
    "und",
    "von",
    "el",
    "los",
    "del",
}
ORG_SKIP = {"the", "and", "&"}

_KANA = (
    "a i u e o ka ki ku ke ko sa shi su se so ta chi tsu te to na ni nu ne no ha hi fu he ho "
    "ma mi mu me mo ya yu yo ra ri ru re ro wa wo n ga gi gu ge go za ji zu ze zo da ji zu de do "
    "ba bi bu be bo pa pi pu pe po"
).split()
_KATA = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンガギグゲゴザジズゼゾダヂヅデドバビブベボパピプペポ"
KANA_MAP = {k: r for k, r in zip(_KATA, _KANA)}
KANA_MAP.update({chr(ord(k) - 0x60): r for k, r in zip(_KATA, _KANA)})
SMALL = {"ャ": "ya", "ュ": "yu", "ョ": "yo", "ゃ": "ya", "ゅ": "yu", "ょ": "yo"}
CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        [
            "a",
            "b",
            "v",
            "g",
            "d",
            "e",
            "e",
            "zh",
            "z",
            "i",
            "y",
            "k",
            "l",
            "m",
            "n",
            "o",
            "p",
            "r",
            "s",
            "t",
            "u",
            "f",
            "kh",
            "ts",
            "ch",
            "sh",
            "shch",
            "",
            "y",
            "",
            "e",
            "yu",
            "ya",
        ],
    )
)


def romanize_kana(text: str) -> str:
    out: list[str] = []
    double = False
    for ch in text:
        if ch in SMALL and out:
            prev = out.pop()
            if prev in ("shi", "chi", "ji"):
                out.append(prev[:-1] + SMALL[ch][-1])
            elif prev.endswith("i"):
                out.append(prev[:-1] + SMALL[ch])
            else:
                out.append(prev + SMALL[ch])
            continue
        if ch in "ッっ":
            double = True
            continue
        if ch == "ー":
            continue
        r = KANA_MAP.get(ch)
        if r is None:
            out.append(ch)
            continue
        if double and r:
            r = r[0] + r
            double = False
        out.append(r)
    return "".join(out)


_NOT_ASCII_WORD = re.compile(r"[^a-z0-9]")


def fold(text: str) -> str:
    """ASCII, lower-case, letters and digits only."""
    if text.isascii():  # most words of a Western title: nothing to romanize or decompose
        return _NOT_ASCII_WORD.sub("", text.lower())
    out = []
    for ch in text:
        o = ord(ch)
        if 0x0400 <= o <= 0x04FF:
            out.append(CYRILLIC.get(ch.lower(), ""))
        elif 0x3040 <= o <= 0x30FF:
            out.append(romanize_kana(ch))
        elif 0xAC00 <= o <= 0xD7AF:
            out.append(romanize_hangul(ch))
        elif 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF:
            out.append(han_pinyin(ch))
        else:
            out.append(ch)
    text = unicodedata.normalize("NFKD", "".join(out))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("ß", "ss").replace("æ", "ae").replace("ø", "o").replace("đ", "d").replace("ł", "l")
    return cre.sub(r"[^a-z0-9]", "", text.lower())


def split_name_list(value: str) -> list[str]:
    """A BibTeX name list cut at each `` and `` outside braces (an organization's braces may hold
    `` and ``); two `` and `` sharing a space (`` and and ``) are two cuts, where str.split makes one."""
    if "{" not in value and "}" not in value and " and and " not in value:
        return value.split(" and ")
    depth = start = 0
    parts = []
    for i, ch in enumerate(value):
        depth += ch == "{"
        depth -= ch == "}"
        if depth == 0 and value.startswith(" and ", i):
            parts.append(value[start:i])
            start = i + 5
    parts.append(value[start:])
    return parts


def _first_name(value: str) -> str:
    return split_name_list(value)[0].strip()


def org_short(name: str) -> str:
    name = name.strip("{} ")
    if cre.search(r"[\u4e00-\u9fff]", name):
        chars = [c for c in name if "\u4e00" <= c <= "\u9fff"][:8]
        if len(chars) <= 4:
            return fold("".join(chars))
        return "".join(han_pinyin(c)[:1] for c in chars)
    name = cre.sub(r"\b([A-Z])\.(?=[A-Z]\.)", r"\1", name).replace(".", " ")
    words = [w for w in cre.split(r"[\s\-–—/,:]+", name) if w]
    if words and words[0].lower() == "the":
        words = words[1:]
    words = [w for w in words if w.lower() not in ORG_SKIP]
    if not words:
        return "anon"
    if len(words) <= 2:
        return fold(words[0])
    out = []
    for w in words:
        if w.isupper() and len(w) <= 5:
            out.append(fold(w))  # an acronym whole, but never its brackets (`(735-II)`)
        else:
            out.append(fold(w)[:1])
    return "".join(out)


@lru_cache(maxsize=16384)
def family_part(name: str, lang: str | None = None) -> str:
    name = name.strip()
    if not name or name == "others":
        return ""
    if name.startswith("{"):
        return org_short(name)
    if cre.search(r"[\u3005\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]", name):
        plain = cre.sub(r"[\s\u3000]+", " ", name)
        if cre.search(r"[\uac00-\ud7af]", plain):
            return fold(plain.split(" ")[0][:1] if " " not in plain else plain.split(" ")[0])
        if " " in plain:
            return fold(plain.split(" ")[0])
        if "·" in plain or "・" in plain:
            return fold(cre.split(r"[·・]", plain)[-1])
        if cre.search(r"[\u3040-\u30ff]", plain) or (lang or "") == "japanese":
            return fold(plain[:2])
        fam = plain[:2] if plain[:2] in COMPOUND_SURNAMES else plain[:1]
        return SURNAME_READINGS.get(fam) or fold(fam)
    if "," in name:
        return fold(name.split(",")[0])
    n = parse_name(name)
    return fold(n.last) or fold(name)


_CJK_LETTER = re.compile(r"[\u4e00-\u9fff\u3040-\u30ff\uac00-\ud7af]")
_LETTER_RUN = re.compile(r"[A-Za-z\u00c0-\u024f\u0400-\u04ff]{3,}")
_TITLE_WORD = re.compile(r"[\w'’]+")
_YEAR = re.compile(r"\d{4}")
_CASE_PARTIES = re.compile(r"^(?P<a>[^\u3000-\u9fff]+?)\s+v\.?\s+(?P<b>[^\u3000-\u9fff]+)$")


def title_word(title: str) -> str:
    title = title or ""
    if "{" in title or "}" in title:
        title = title.replace("{", "").replace("}", "")
    # a title of ASCII holds no CJK letter: no scan for one, nor for the Latin word before it
    m = None if title.isascii() else _CJK_LETTER.search(title)
    latin_first = _LETTER_RUN.search(title) if m else None
    if m and (not latin_first or m.start() < latin_first.start()):
        chars = []
        for ch in title[m.start() :]:
            if "\u4e00" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af":  # a character class, tested in place
                chars.append(ch)
                if len(chars) == 2:
                    break
            elif "\u3040" <= ch <= "\u30ff":
                chars.append(ch)
                if len(chars) >= 4:
                    break
            elif chars:
                break
        return fold("".join(chars))
    for w in _TITLE_WORD.findall(title):
        f = fold(w)
        if len(f) >= 3 and not f.isdigit() and f not in STOPWORDS:
            return f
    return ""


def base_key(fields: dict[str, str]) -> str:
    lang = fields.get("langid")
    who = fields.get("author") or fields.get("editor")
    if who:
        fam = family_part(_first_name(who), lang)
    else:
        holder = (
            fields.get("journaltitle")
            or fields.get("organization")
            or fields.get("institution")
            or fields.get("publisher")
            or fields.get("library")
            or ""
        )
        fam = org_short(holder) if holder else ""
    m = _YEAR.search(fields.get("date", ""))
    year = m.group(0) if m else "nd"
    word = title_word(fields.get("title", ""))
    case = None if who else _CASE_PARTIES.match(fields.get("title", ""))
    if case and title_word(case["b"]):
        # Trump v. Hawaii -> trump2018hawaii: a case is keyed by its parties (court or report if the first is short)
        a, b = case["a"], case["b"]
        if "(" in a:  # Title (Nicaragua v. United States): the parties in parentheses
            a, b = a.rsplit("(", 1)[1], b.split(")", 1)[0]
        fam = title_word(a) or fam
        word = title_word(b) or word
    key = f"{fam[:20]}{year}{word[:20]}"
    return key if "a" <= key[:1] <= "z" else ("anon" + key)


def unique(key: str, taken: set[str], tried: dict[str, int] | None = None) -> str:
    """``key``, else ``key`` + a..z, else ``key2``, ``key3`` …: the first not taken. ``tried`` (key ->
    suffixes already used) lets a caller making many keys skip them: n collisions cost n, not n²."""
    if key not in taken:
        return key
    i = tried.get(key, 0) if tried is not None else 0
    while True:
        candidate = key + ("abcdefghijklmnopqrstuvwxyz"[i] if i < 26 else str(i - 24))
        i += 1
        if candidate not in taken:
            if tried is not None:
                tried[key] = i
            return candidate
