"""Text for people and for search: LaTeX decoded for display, folded for matching.

* :func:`latex_to_text` turns a BibTeX field value into what a reader sees (``Sol{\\'\\i}s`` ->
  ``Solís``, ``{NASA}`` -> ``NASA``, ``--`` -> ``–``). Light and fast (no pylatexenc).
* :func:`fold` is what search compares: case-folded, accents stripped, full/half-width forms
  unified, whitespace collapsed and dropped next to CJK characters.
* :func:`pinyin` is toneless pinyin for the Han characters of a string (other characters pass
  through), from pypinyin's character table only (loaded on first use, ~90 ms, never the
  300 ms phrase machinery); :func:`pinyin_alternate` gives the second reading of polyphonic
  characters so ``chongqing`` finds 重庆 as well as ``zhongqing``.

Making a value safe to print is :mod:`annobib.core.sanitize`'s job (the one sanitizer).
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata

from annobib.core.dirs import cache_dir, make_dirs
from annobib.core.files import atomic_write_bytes
from annobib.core.sealed import load_sealed, seal
from annobib.core.language import char_class, guess_language
from annobib.core.latex import latex_to_text  # noqa: F401  (display text: the one decoder)
from annobib.errors import AnnobibError
from annobib.perf import lazy_regex

# --------------------------------------------------------------------------- folding

_COMBINING = lazy_regex(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u3099\u309a]+")
_CJK_CLASS = (
    "\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3130-\u318f\u31a0-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\U00020000-\U0003134f"
)
_WS = re.compile(r"\s+")
_HAN_CLASS = char_class("han")  # the blocks core.language counts as Han
_HAN = lazy_regex(_HAN_CLASS)
_HAN_RUN = lazy_regex(_HAN_CLASS + "+")
# Typographic variants search treats as their plain forms.
_PUNCT = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "“": '"',
        "”": '"',
        "–": "-",
        "—": "-",
        "‐": "-",
        "‑": "-",
        "\u00a0": " ",
        "《": "<",
        "》": ">",
        "〈": "<",
        "〉": ">",
        "「": '"',
        "」": '"',
        "『": '"',
        "』": '"',
        "ß": "ss",
        "ø": "o",
        "Ø": "o",
        "ł": "l",
        "Ł": "l",
        "đ": "d",
        "Đ": "d",
        "æ": "ae",
        "œ": "oe",
        "ı": "i",
        "ð": "d",
        "þ": "th",
    }
)
_PUNCT_MAP = {chr(k): v for k, v in _PUNCT.items()}


def fold(text: str | None) -> str:
    """What search compares: lower case, no accents, one width, CJK without spaces.

    ``Solís`` -> ``solis``; ``ＡＢＣ１２`` -> ``abc12``; ``世界 知识`` -> ``世界知识``.
    Whole-string passes only (it is run over all entries at once when the cache is built):
    after NFC, folding is a per-character map (:func:`_fold_one`), applied only to the
    characters that can change (not ASCII, Han or Hangul), memoised per character.
    """
    if not text:
        return ""
    if text.isascii():
        text = text.lower()
        return " ".join(text.split()) if ("  " in text or "\n" in text or "\t" in text or "\r" in text) else text
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)  # decomposed input (macOS): é as e + ́, Hangul as jamo
    text = _foldable().sub(_fold_match, text.lower())
    # whitespace other than single spaces (folded characters that are spaces became " ")
    if "  " in text or text[:1] == " " or text[-1:] == " " or any(c in text for c in _ASCII_SPACES):
        text = " ".join(text.split())
    return _SPACE_NEAR_CJK.sub("", text)


_ASCII_SPACES = "\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"  # what str.split() splits on below 0x80, bar " "


def _foldable() -> re.Pattern:
    """Runs of characters that may change when folded: not ASCII (lower() does those), not
    CJK ideographs or Hangul syllables, and not the CJK punctuation and kana that fold to
    themselves (。、は: the most frequent characters of Chinese and Japanese titles)."""
    global _FOLDABLE
    if _FOLDABLE is None:
        same = "".join(chr(o) for o in range(0x3000, 0x3100) if _fold_one(chr(o)) == chr(o))
        _FOLDABLE = re.compile("[^\x00-\x7f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af" + re.escape(same) + "]+")
    return _FOLDABLE


_FOLDABLE: re.Pattern | None = None
# A space next to a CJK character; starts with a literal space so the scan is fast.
_SPACE_NEAR_CJK = lazy_regex(f" +(?:(?<=[{_CJK_CLASS}] )|(?=[{_CJK_CLASS}]))")
_FOLDED: dict[str, str] = {}


def _fold_one(ch: str) -> str:
    """One character folded: typographic variants to plain forms, compatibility forms (full
    width, ligatures) decomposed, accents dropped, case folded."""
    out = _FOLDED.get(ch)
    if out is None:
        t = _PUNCT_MAP.get(ch, ch)
        t = _COMBINING.sub("", unicodedata.normalize("NFKD", t))
        t = unicodedata.normalize("NFC", t).casefold()
        out = _FOLDED[ch] = "".join(" " if c.isspace() else _PUNCT_MAP.get(c, c) for c in t)
    return out


class _FoldTable(dict):
    """code point -> its folded text, for ``str.translate``: each distinct character is folded
    once in Python, then looked up in C (a run of 300,000 accents: 0.9 s -> 0.02 s)."""

    def __missing__(self, code: int) -> str:
        out = self[code] = _fold_one(chr(code))
        return out


_FOLD_TABLE = _FoldTable()


def _fold_match(m: re.Match) -> str:
    run = m.group()
    if len(run) == 1:
        return _fold_one(run)
    return run.translate(_FOLD_TABLE)


def fold_char(ch: str) -> str:
    return fold(ch) if not ch.isspace() else " "


def has_han(text: str) -> bool:
    if text.isascii():
        return False
    if len(text) < 48:  # a name or a title: a loop beats compiling the big class (~4 ms) per process
        return any(is_han_char(c) for c in text)
    return bool(_HAN.search(text))


def is_han_char(c: str) -> bool:
    """A CJK ideograph (the blocks of ``_HAN_CLASS``)."""
    return (
        "\u4e00" <= c <= "\u9fff"
        or "\u3400" <= c <= "\u4dbf"
        or "\uf900" <= c <= "\ufaff"
        or "\U00020000" <= c <= "\U0003134f"
    )


def is_cjk_char(ch: str) -> bool:
    return bool(re.match(f"[{_CJK_CLASS}]", ch))


# --------------------------------------------------------------------------- pinyin

_TT: dict[int, str] | None = None  # str.translate table: Han -> first reading (built for bulk work)
_TT_ALT: dict[int, str] | None = None  # Han with two readings -> second reading
# The compact table, loaded in well under a millisecond: every code point of ``_BLOCKS`` has a
# slot of 2 * _WIDTH characters in ``_SLOTS`` (first reading, second reading, space-padded).
_SLOTS: str | None = None
_BLOCKS: tuple = ()  # (first code point, last code point, slot index of the first)
_WIDTH = 6  # the longest toneless reading: zhuang, shuang, chuang
_BULK = 60000  # characters of input beyond which the translate tables (~60 ms to load) pay off
_TONES = str.maketrans(
    "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ",
    "aaaaeeeeiiiioooouuuuvvvvvnnnm",
)


def _load_table() -> None:
    """The translate tables (``_TT``, ``_TT_ALT``) for bulk conversion, from the compact table."""
    global _TT, _TT_ALT, _TT_BOTH
    if _TT is None:
        _TT_BOTH = None
        _TT, _TT_ALT = _tables_from_disk()
    if _TT is None:
        slots, blocks = _compact()
        tt: dict[int, str] = {}
        alt: dict[int, str] = {}
        w = _WIDTH
        for first, last, base in blocks:
            for o in range(first, last + 1):
                k = (base + o - first) * 2 * w
                r = slots[k : k + w].rstrip()
                if r:
                    tt[o] = r
                    r2 = slots[k + w : k + 2 * w].rstrip()
                    if r2:
                        alt[o] = r2
        _TT, _TT_ALT = tt, alt
        _save_marshal("pinyin-tables-4.marshal", (_pinyin_stamp(), tt, alt))


_TT_BOTH: dict[int, str] | None = None


def _alt_table() -> dict[int, str]:
    """Han -> second reading where there is one, else the first (one translate pass)."""
    global _TT_BOTH
    if _TT_BOTH is None:
        _TT_BOTH = {**_TT, **_TT_ALT}
    return _TT_BOTH


def _tables_from_disk() -> tuple[dict | None, dict | None]:
    got = _load_marshal("pinyin-tables-4.marshal")
    if isinstance(got, tuple) and len(got) == 3 and got[0] == _pinyin_stamp() and isinstance(got[1], dict):
        return got[1], got[2]
    return None, None


def _compact() -> tuple[str, tuple]:
    global _SLOTS, _BLOCKS
    if _SLOTS is None:
        _SLOTS, _BLOCKS = _table_from_disk()
    return _SLOTS, _BLOCKS


@functools.lru_cache(maxsize=None)
def _readings(o: int) -> tuple[str, ...]:
    """The toneless readings of code point ``o``: (), (first,) or (first, second)."""
    slots, blocks = _compact()
    for first, last, base in blocks:
        if first <= o <= last:
            k = (base + o - first) * 2 * _WIDTH
            r = slots[k : k + _WIDTH].rstrip()
            if not r:
                return ()
            r2 = slots[k + _WIDTH : k + 2 * _WIDTH].rstrip()
            return (r, r2) if r2 else (r,)
    return ()


def _pinyin_source() -> str | None:
    # lazy: not needed by `annobib search`
    import importlib.util

    spec = importlib.util.find_spec("pypinyin")
    if spec is None or spec.origin is None:  # pragma: no cover - dependency missing
        return None
    return os.path.join(os.path.dirname(spec.origin), "pinyin_dict.py")


@functools.lru_cache(maxsize=1)
def _pinyin_stamp() -> str | None:
    """What the cached pinyin tables are keyed by: pypinyin's version (a hash of its
    ``__init__.py``, which names it) and the sizes of its character table's files (the module,
    and the JSON file newer releases load). Not their dates: each install sets them anew, so
    every new virtual environment rebuilt the tables (~1 s of a first ``stats``)."""
    # lazy: only when a table is read or built
    import hashlib

    path = _pinyin_source()
    if not path:
        return None
    folder = os.path.dirname(path)
    try:
        with open(os.path.join(folder, "__init__.py"), "rb") as fh:
            version = hashlib.sha1(fh.read()).hexdigest()[:16]
        sizes = [
            os.stat(os.path.join(folder, name)).st_size
            for name in ("pinyin_dict.py", "pinyin_dict.json")
            if os.path.exists(os.path.join(folder, name))
        ]
    except OSError:
        return None
    return f"{version}:{':'.join(map(str, sizes))}"


def _cache_file(name: str) -> str:
    return str(cache_dir() / name)


def _load_marshal(name: str):
    return load_sealed(_cache_file(name), "cache file of pinyin tables")  # never unchecked marshal


def _save_marshal(name: str, value) -> None:
    path = _cache_file(name)
    try:
        make_dirs(os.path.dirname(path))
        atomic_write_bytes(path, seal(value))
    except (OSError, AnnobibError):  # no cache is slower, never wrong
        pass


def _table_from_disk() -> tuple[str, tuple]:
    """The compact toneless table, built once from pypinyin's character table and kept
    (marshalled) in the cache dir: building it costs ~1 s (compiling pypinyin's 40k-line
    module; importing the package would cost 300+ ms more for phrase tables we do not use)."""
    # lazy: not needed by `annobib search`
    import importlib.util

    stamp = _pinyin_stamp()
    if stamp is None:
        return "", ()
    got = _load_marshal("pinyin-table-4.marshal")
    if isinstance(got, tuple) and len(got) == 3 and got[0] == stamp and isinstance(got[1], str):
        return got[1], tuple(got[2])
    path = _pinyin_source()
    mspec = importlib.util.spec_from_file_location("_annobib_pinyin_dict", path)
    module = importlib.util.module_from_spec(mspec)
    mspec.loader.exec_module(module)  # type: ignore[union-attr]
    table: dict[int, list[str]] = {}
    strip = _COMBINING.sub
    norm = unicodedata.normalize
    for code, readings in module.pinyin_dict.items():
        seen: list[str] = []
        for r in readings.split(","):
            r = r.translate(_TONES)
            if not r.isascii():
                r = strip("", norm("NFD", r))
            r = r.lower()
            if r and r not in seen and len(r) <= _WIDTH:
                seen.append(r)
        if seen:
            table[code] = seen[:2]
    cells = {code: r[0].ljust(_WIDTH) + (r[1] if len(r) > 1 else "").ljust(_WIDTH) for code, r in table.items()}
    slots, out_blocks = pack_code_table(cells, 2 * _WIDTH)
    _save_marshal("pinyin-table-4.marshal", (stamp, slots, list(out_blocks)))
    return slots, out_blocks


def pack_code_table(cells: dict[int, str], width: int) -> tuple[str, tuple[tuple[int, int, int], ...]]:
    """Per-code-point cells of ``width`` characters packed into one string (cheap to store and to
    load): runs of code points, gaps under 256 filled with blanks, and for each run (first, last,
    index of its first cell)."""
    blocks: list[list[int]] = []
    for code in sorted(cells):
        if blocks and code - blocks[-1][1] < 256:
            blocks[-1][1] = code
        else:
            blocks.append([code, code])
    parts, index, out = [], 0, []
    for first, last in blocks:
        out.append((first, last, index))
        parts.extend(cells.get(o, "").ljust(width) for o in range(first, last + 1))
        index += last - first + 1
    return "".join(parts), tuple(out)


def syllables(text: str) -> list[tuple[str, ...]]:
    """Per character of ``text``: its toneless readings — first, and second for polyphonic
    characters — (Han) or ``()`` (anything else)."""
    if _TT is None and len(text) < _BULK:
        return [_readings(ord(ch)) if not ch.isascii() else () for ch in text]
    _load_table()
    tt, alt = _TT, _TT_ALT
    out = []
    for ch in text:
        o = ord(ch)
        r = tt.get(o)
        out.append(() if r is None else ((r, alt[o]) if o in alt else (r,)))
    return out


def _convert(text: str, second: bool) -> str:
    if text.isascii():
        return text
    if _TT is None and len(text) < _BULK:

        def run(m: re.Match) -> str:
            out = []
            for ch in m.group():
                r = _readings(ord(ch))
                out.append((r[-1] if second else r[0]) if r else ch)
            return "".join(out)
    else:
        _load_table()
        tt = _TT
        if second:
            both = _alt_table()

            def run(m: re.Match) -> str:
                return m.group().translate(both)
        else:

            def run(m: re.Match) -> str:
                return m.group().translate(tt)

    return _HAN_RUN.sub(run, text)


def pinyin(text: str) -> str:
    """Han characters replaced by their first toneless reading, no spaces between them:
    ``刘琳`` -> ``liulin``, ``世界知识`` -> ``shijiezhishi``."""
    return _convert(text, second=False)


def pinyin_alternate(text: str) -> str:
    """As :func:`pinyin` with the second reading of polyphonic characters (``重庆`` ->
    ``chongqing``); equal to :func:`pinyin` when no character has two readings."""
    return _convert(text, second=True)


# --------------------------------------------------------------------------- script / language

_LANG_NAMES = {
    "zh": "chinese",
    "ja": "japanese",
    "ko": "korean",
    "en": "english",
    "ru": "russian",
    "de": "german",
    "fr": "french",
    "es": "spanish",
    "it": "italian",
    "pt": "portuguese",
}
_LANG_CODES = {v: k for k, v in _LANG_NAMES.items()}
_LANG_CODES.update(
    {
        "english": "en",
        "american": "en",
        "british": "en",
        "usenglish": "en",
        "ukenglish": "en",
        "zh-cn": "zh",
        "zh-hans": "zh",
        "zh-tw": "zh",
        "zh-hant": "zh",
        "pinyin": "zh",
        "schinese": "zh",
        "tchinese": "zh",
        "ngerman": "de",
        "francais": "fr",
    }
)


def language_code(langid: str | None, sample: str | None) -> str:
    """A short language code: from ``langid`` when given, else guessed from the script
    (:mod:`annobib.core.language`); Latin letters with accents show as ``en``."""
    if langid:
        low = langid.strip().lower()
        return _LANG_CODES.get(low, low[:2] if low[:2] in _LANG_NAMES else low)
    return guess_language(sample, undecided="en")


def language_name(code: str) -> str:
    return _LANG_NAMES.get(code, code)
