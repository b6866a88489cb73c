"""Scripts and the language they point to: the one guesser.

A title or name says its language by its script: any kana makes it Japanese, any hangul Korean;
Han characters make it Chinese unless Latin letters outnumber them three to one (an English
title quoting 关系 stays English); Cyrillic, Greek or Arabic when they outnumber Latin letters;
plain ASCII letters English. Latin letters with accents cannot tell French from German or a
romanized Vietnamese title: that is ``undecided`` (the caller says what it shows then).
A ``langid`` field, where there is one, always wins over a guess (the callers' rule).
"""

from __future__ import annotations

from annobib.perf import lazy_regex

# the one table of script blocks
RANGES: dict[str, tuple[tuple[int, int], ...]] = {
    "latin": ((0x41, 0x5A), (0x61, 0x7A), (0xC0, 0x24F), (0x1E00, 0x1EFF)),  # first: the common case
    "han": ((0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0xF900, 0xFAFF), (0x20000, 0x3134F)),
    "kana": ((0x3040, 0x30FF), (0x31F0, 0x31FF), (0xFF66, 0xFF9D)),
    "hangul": ((0xAC00, 0xD7AF), (0x1100, 0x11FF), (0x3130, 0x318F)),
    "cyrillic": ((0x0400, 0x04FF),),
    "greek": ((0x0370, 0x03FF),),
    "arabic": ((0x0600, 0x06FF),),
}
CODES = {"kana": "ja", "hangul": "ko", "han": "zh", "cyrillic": "ru", "greek": "el", "arabic": "ar"}
LANGIDS = {
    "en": "english",
    "ja": "japanese",
    "ko": "korean",
    "zh": "chinese",
    "ru": "russian",
    "el": "greek",
    "ar": "arabic",
}  # code -> biblatex langid


def char_class(*scripts: str) -> str:
    """A regex character class of the scripts' blocks: ``char_class("han")`` -> ``[一-鿿…]``."""
    return "[" + "".join(f"{chr(a)}-{chr(b)}" for s in scripts for a, b in RANGES[s]) + "]"


SCRIPT_RES = {s: lazy_regex(char_class(s)) for s in RANGES}  # compiled on first use
HAN_RE, KANA_RE, HANGUL_RE = SCRIPT_RES["han"], SCRIPT_RES["kana"], SCRIPT_RES["hangul"]
CJK_RE = lazy_regex(char_class("han", "kana", "hangul"))
_LATIN_NON_LETTERS = frozenset("×÷")


def char_script(ch: str) -> str | None:
    """han, kana, hangul, cyrillic, greek, arabic or latin; None for digits, punctuation …"""
    o = ord(ch)
    for script, ranges in RANGES.items():
        for a, b in ranges:
            if a <= o <= b:
                return None if ch in _LATIN_NON_LETTERS else script
    return None


def script_counts(text: str) -> dict[str, int]:
    """How many letters of each script (every key present)."""
    if text.isascii():
        latin = sum(c.isalpha() for c in text)
        return {s: (latin if s == "latin" else 0) for s in RANGES}
    return {
        s: len(SCRIPT_RES[s].findall(text)) - (text.count("×") + text.count("÷") if s == "latin" else 0) for s in RANGES
    }


def script_of(text: str) -> str:
    """The dominant script of ``text`` (any kana makes it ``kana``; a tie goes to the script
    seen first), or ``other``."""
    if text.isascii():  # most names and titles: a scan in C, not a range walk per character
        return "latin" if text.lower() != text.upper() else "other"  # an ASCII letter changes case
    counts: dict[str, int] = {}
    for ch in text:
        script = char_script(ch)
        if script:
            counts[script] = counts.get(script, 0) + 1
    if not counts:
        return "other"
    if counts.get("kana"):
        return "kana"
    return max(counts, key=counts.__getitem__)


def has_cjk(text: str) -> bool:
    return not text.isascii() and CJK_RE.search(text) is not None


def guess_language(text: str | None, undecided: str = "") -> str:
    """The language code (``zh``, ``ja``, ``ko``, ``ru``, ``el``, ``ar``, ``en``) ``text``'s script
    points to; ``undecided`` when it does not decide (no letters, or Latin with accents)."""
    if not text:
        return ""
    if text.isascii():
        return "en" if any(c.isalpha() for c in text) else ""
    c = script_counts(text)
    if c["kana"]:
        return "ja"
    if c["hangul"]:
        return "ko"
    if c["han"] and c["han"] * 3 >= c["latin"]:
        return "zh"
    for script in ("cyrillic", "greek", "arabic"):
        if c[script] > c["latin"]:
            return CODES[script]
    if c["latin"] and not any(c[s] for s in ("han", "cyrillic", "greek", "arabic")) and _plain_latin(text):
        return "en"
    return undecided if c["latin"] or c["han"] else ""


# word characters from U+00C0 on: where a letter past plain Latin may be (checked one by one)
_HIGH_WORD = lazy_regex(r"[^\W\d_\x00-\xbf]")


def _plain_latin(text: str) -> bool:
    """Latin letters without accents (typographic quotes and dashes aside): English's look."""
    # a regex scan, not a Python loop per character (300,000 decoded accents took 0.25 s)
    return not any(m.group().isalpha() for m in _HIGH_WORD.finditer(text))
