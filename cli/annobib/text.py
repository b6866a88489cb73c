"""Text for people and for search: LaTeX decoded for display, folded for matching.

* :func:`latex_to_text` turns a BibTeX field value into what a reader sees (``Sol{\\'\\i}s`` ->
  ``Solís``, ``{NASA}`` -> ``NASA``, ``--`` -> ``–``). Light and fast (no pylatexenc).
* :func:`fold` is what search compares: case-folded, accents stripped, full/half-width forms
  unified, whitespace collapsed and dropped next to CJK characters.
* :func:`pinyin` is toneless pinyin for the Han characters of a string (other characters pass
  through), from pypinyin's character table only (loaded on first use, ~90 ms, never the
  300 ms phrase machinery); :func:`pinyin_alternate` gives the second reading of polyphonic
  characters so ``chongqing`` finds 重庆 as well as ``zhongqing``.
* :func:`safe` makes a value printable as-is: control characters (ESC, C0, C1) become visible
  ``\\x1b``-style text, so a field cannot restyle the terminal or move the cursor.
"""

from __future__ import annotations

import re
import unicodedata

# --------------------------------------------------------------------------- LaTeX -> text

_ACCENTS = {
    "'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303", "=": "\u0304",
    ".": "\u0307", "u": "\u0306", "v": "\u030c", "H": "\u030b", "c": "\u0327", "k": "\u0328",
    "r": "\u030a", "d": "\u0323", "b": "\u0331", "t": "\u0361",
}
_SYMBOLS = {
    "ss": "ß", "o": "ø", "O": "Ø", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "aa": "å",
    "AA": "Å", "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ", "dh": "ð", "DH": "Ð", "th": "þ",
    "TH": "Þ", "ng": "ŋ", "NG": "Ŋ", "S": "§", "P": "¶", "copyright": "©", "textregistered": "®",
    "texttrademark": "™", "dag": "†", "ddag": "‡", "pounds": "£", "euro": "€", "textendash": "–",
    "textemdash": "—", "ldots": "…", "dots": "…", "textellipsis": "…", "textquoteleft": "‘",
    "textquoteright": "’", "textquotedblleft": "“", "textquotedblright": "”", "guillemotleft": "«",
    "guillemotright": "»", "textasciitilde": "~", "textbackslash": "\\", "textbar": "|",
    "textless": "<", "textgreater": ">", "LaTeX": "LaTeX", "TeX": "TeX", "textdegree": "°",
    "textsection": "§", "textperiodcentered": "·", "quad": " ", "qquad": " ",
}
_ESCAPED = {"&": "&", "%": "%", "$": "$", "#": "#", "_": "_", "{": "{", "}": "}", " ": " ", ",": "\u2009", "@": "", "/": ""}
# Commands whose argument is simply the text (formatting that display drops).
_WRAPPERS = {
    "textit", "emph", "textbf", "textsc", "textrm", "textsf", "texttt", "textup", "textsl",
    "textnormal", "mbox", "hbox", "text", "textmd", "url", "href", "uppercase", "lowercase",
    "MakeUppercase", "MakeLowercase", "mkbibquote", "mkbibemph", "enquote", "NoCaseChange",
    "foreignlanguage", "textenglish", "textchinese", "textjapanese", "ensuremath", "mathrm",
    "mathit", "mathbf", "noopsort", "sortnoop", "bibstring", "nolinkurl", "path", "textsubscript",
    "textsuperscript",
}
_DROP_WITH_ARG = {"noopsort", "sortnoop", "SortNoop"}
_TOKEN = re.compile(
    r"""\\(?P<acc>['`^"~=.])\s*(?:\{\s*(?P<acc_braced>\\?[A-Za-z]?)\s*\}|(?P<acc_bare>\\?[A-Za-z]))"""
    r"""|\\(?P<lacc>[uvHckrdbt])(?:\{\s*(?P<lacc_braced>\\?[A-Za-z]?)\s*\}|\s+(?P<lacc_bare>[A-Za-z]))"""
    r"""|\\(?P<cmd>[A-Za-z]+)\s*"""
    r"""|\\(?P<esc>[&%$#_{} ,@/])"""
    r"""|(?P<dash>---?)"""
    r"""|(?P<tilde>~)"""
    r"""|(?P<brace>[{}])"""
    r"""|(?P<bs>\\)\\"""
)
_NEEDS_DECODING = re.compile(r"[\\{}~]|--")


def _accented(base: str, mark: str) -> str:
    if base.startswith("\\"):
        base = _SYMBOLS.get(base[1:], base[1:])
    if base == "ı":
        base = "i"
    elif base == "ȷ":
        base = "j"
    if not base:
        return unicodedata.normalize("NFC", " " + mark).strip() or mark
    return unicodedata.normalize("NFC", base + mark)


def _skip_group(text: str, pos: int) -> int:
    """Index just after the ``{…}`` group starting at ``pos`` (or ``pos`` if none)."""
    if pos >= len(text) or text[pos] != "{":
        return pos
    depth = 0
    for i in range(pos, len(text)):
        ch = text[i]
        if ch == "\\":
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return i + 1
    return len(text)


def latex_to_text(value: str | None) -> str:
    """A field value as a reader sees it: accents decoded, braces and formatting commands
    dropped, dashes and ties typographic, whitespace collapsed. Unknown commands keep their
    name (``\\foo`` -> ``foo``) so nothing silently disappears."""
    if not value:
        return ""
    if not _NEEDS_DECODING.search(value):
        return " ".join(value.split()) if ("\n" in value or "  " in value or "\t" in value) else value
    out: list[str] = []
    pos = 0
    n = len(value)
    while pos < n:
        m = _TOKEN.search(value, pos)
        if not m:
            out.append(value[pos:])
            break
        out.append(value[pos : m.start()])
        pos = m.end()
        if m["acc"]:
            base = m["acc_braced"] if m["acc_braced"] is not None else m["acc_bare"]
            out.append(_accented(base or "", _ACCENTS[m["acc"]]))
        elif m["lacc"]:
            base = m["lacc_braced"] if m["lacc_braced"] is not None else m["lacc_bare"]
            out.append(_accented(base or "", _ACCENTS[m["lacc"]]))
        elif m["cmd"]:
            name = m["cmd"]
            if name in _DROP_WITH_ARG:
                pos = _skip_group(value, pos)
            elif name in ("href",):
                pos = _skip_group(value, pos)  # the URL; the text argument follows
            elif name in _SYMBOLS:
                out.append(_SYMBOLS[name])
                if value.startswith("{}", pos):
                    pos += 2
            elif name in _WRAPPERS:
                pass  # its braces are dropped as ordinary braces
            else:
                out.append(name)
        elif m["esc"]:
            out.append(_ESCAPED[m["esc"]])
        elif m["dash"]:
            out.append("—" if len(m["dash"]) == 3 else "–")
        elif m["tilde"]:
            out.append("\u00a0")
        elif m["bs"]:
            out.append(" ")
        # braces: dropped
    text = "".join(out)
    return " ".join(text.split()) if any(c.isspace() and c != "\u00a0" for c in text) else text


# --------------------------------------------------------------------------- folding

_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u3099\u309a]+")
_CJK_CLASS = (
    "\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3130-\u318f\u31a0-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\U00020000-\U0003134f"
)
_SPACE_NEAR_CJK = re.compile(rf"(?<=[{_CJK_CLASS}])\s+|\s+(?=[{_CJK_CLASS}])")
_WS = re.compile(r"\s+")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")
_HAN_CHAR = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# Typographic variants search treats as their plain forms.
_PUNCT = str.maketrans({
    "‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "‐": "-", "‑": "-", "\u00a0": " ",
    "《": "<", "》": ">", "〈": "<", "〉": ">", "「": '"', "」": '"', "『": '"', "』": '"',
    "ß": "ss", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "æ": "ae", "œ": "oe",
    "ı": "i", "ð": "d", "þ": "th",
})


def fold(text: str | None) -> str:
    """What search compares: lower case, no accents, one width, CJK without spaces.

    ``Solís`` -> ``solis``; ``ＡＢＣ１２`` -> ``abc12``; ``世界 知识`` -> ``世界知识``.
    """
    if not text:
        return ""
    if text.isascii():
        text = text.lower()
        return " ".join(text.split()) if ("  " in text or "\n" in text or "\t" in text) else text
    text = unicodedata.normalize("NFKD", text.translate(_PUNCT))
    text = _COMBINING.sub("", text)
    text = unicodedata.normalize("NFC", text).casefold().translate(_PUNCT)
    text = _WS.sub(" ", text)
    return _SPACE_NEAR_CJK.sub("", text).strip()


def fold_char(ch: str) -> str:
    return fold(ch) if not ch.isspace() else " "


def has_han(text: str) -> bool:
    return bool(_HAN_CHAR.search(text))


def is_cjk_char(ch: str) -> bool:
    return bool(re.match(f"[{_CJK_CLASS}]", ch))


def safe(text: str | None) -> str:
    """Control characters (ESC, C0, C1, DEL) as visible escapes; newlines and tabs as spaces."""
    if not text:
        return ""
    if not _CONTROL.search(text):
        return text
    return _CONTROL.sub(
        lambda m: " " if m.group() in "\n\t\r" else "\\x%02x" % ord(m.group()), text
    )


# --------------------------------------------------------------------------- pinyin

_TABLE: dict[str, tuple[str, ...]] | None = None
_TONES = str.maketrans(
    "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ",
    "aaaaeeeeiiiioooouuuuvvvvvnnnm",
)


def _load_table() -> dict[str, tuple[str, ...]]:
    """pypinyin's character table only: importing the package costs 300+ ms (phrase tables)."""
    global _TABLE
    if _TABLE is None:
        import importlib.util
        import os

        spec = importlib.util.find_spec("pypinyin")
        if spec is None or spec.origin is None:  # pragma: no cover - dependency missing
            _TABLE = {}
            return _TABLE
        path = os.path.join(os.path.dirname(spec.origin), "pinyin_dict.py")
        mspec = importlib.util.spec_from_file_location("_annobib_pinyin_dict", path)
        module = importlib.util.module_from_spec(mspec)
        mspec.loader.exec_module(module)  # type: ignore[union-attr]
        table: dict[str, tuple[str, ...]] = {}
        for code, readings in module.pinyin_dict.items():
            seen: list[str] = []
            for r in readings.split(","):
                r = unicodedata.normalize("NFC", r).translate(_TONES)
                r = _COMBINING.sub("", unicodedata.normalize("NFD", r)).lower()
                if r and r not in seen:
                    seen.append(r)
            if seen:
                table[chr(code)] = tuple(seen)
        _TABLE = table
    return _TABLE


def syllables(text: str) -> list[tuple[str, ...]]:
    """Per character of ``text``: its toneless readings (Han) or ``()`` (anything else)."""
    table = _load_table()
    return [table.get(ch, ()) for ch in text]


def pinyin(text: str) -> str:
    """Han characters replaced by their first toneless reading, no spaces between them:
    ``刘琳`` -> ``liulin``, ``世界知识`` -> ``shijiezhishi``."""
    if not has_han(text):
        return text
    table = _load_table()
    return _HAN.sub(lambda m: "".join((table.get(c) or (c,))[0] for c in m.group()), text)


def pinyin_alternate(text: str) -> str:
    """As :func:`pinyin` with the second reading of polyphonic characters (``重庆`` ->
    ``chongqing``); equal to :func:`pinyin` when no character has two readings."""
    if not has_han(text):
        return text
    table = _load_table()

    def one(c: str) -> str:
        r = table.get(c) or (c,)
        return r[1] if len(r) > 1 else r[0]

    return _HAN.sub(lambda m: "".join(one(c) for c in m.group()), text)


# --------------------------------------------------------------------------- script / language

_LANG_NAMES = {
    "zh": "chinese", "ja": "japanese", "ko": "korean", "en": "english", "ru": "russian",
    "de": "german", "fr": "french", "es": "spanish", "it": "italian", "pt": "portuguese",
}
_LANG_CODES = {v: k for k, v in _LANG_NAMES.items()}
_LANG_CODES.update({"english": "en", "american": "en", "british": "en", "usenglish": "en", "ukenglish": "en",
                    "zh-cn": "zh", "zh-hans": "zh", "zh-tw": "zh", "zh-hant": "zh", "pinyin": "zh",
                    "schinese": "zh", "tchinese": "zh", "ngerman": "de", "francais": "fr"})
_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def language_code(langid: str | None, sample: str | None) -> str:
    """A short language code: from ``langid`` when given, else guessed from the script."""
    if langid:
        low = langid.strip().lower()
        return _LANG_CODES.get(low, low[:2] if low[:2] in _LANG_NAMES else low)
    if not sample:
        return ""
    if _KANA.search(sample):
        return "ja"
    if _HANGUL.search(sample):
        return "ko"
    if has_han(sample):
        return "zh"
    if _CYRILLIC.search(sample):
        return "ru"
    if any(c.isalpha() for c in sample):
        return "en"
    return ""


def language_name(code: str) -> str:
    return _LANG_NAMES.get(code, code)
