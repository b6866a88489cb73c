"""Field values as styles need them: LaTeX decoded to Unicode, protective braces remembered.

Values in :class:`annobib.model.Entry` are raw BibTeX text. ``decode`` gives display text;
``segments`` also says which stretches were braced (``{NATO}``: protected from case changes).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_ACCENTS = {
    "'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303", "=": "\u0304",
    ".": "\u0307", "u": "\u0306", "v": "\u030c", "H": "\u030b", "c": "\u0327", "k": "\u0328",
    "r": "\u030a", "b": "\u0331", "d": "\u0323",
}
_SYMBOLS = {
    "ss": "ß", "o": "ø", "O": "Ø", "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ", "aa": "å", "AA": "Å",
    "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "&": "&", "%": "%", "$": "$", "#": "#", "_": "_",
    "{": "{", "}": "}", " ": " ", "textendash": "–", "textemdash": "—", "quad": " ", "qquad": " ",
    "times": "×", "textregistered": "®", "copyright": "©", "S": "§", "dag": "†", "ldots": "…",
    "dots": "…", "textquoteleft": "‘", "textquoteright": "’", "textquotedblleft": "“",
    "textquotedblright": "”", "allowbreak": "", "relax": "", "/": "", "-": "", ",": " ",
    "textasciitilde": "~", "textbackslash": "\\", "LaTeX": "LaTeX", "TeX": "TeX", "textbullet": "•",
    "euro": "€", "pounds": "£", "degree": "°", "textdegree": "°",
}
_WRAPPERS = {"emph", "textit", "textbf", "textsc", "textrm", "textsf", "texttt", "mbox", "url", "href",
             "textup", "textmd", "text", "hbox", "uppercase", "MakeUppercase", "nolinkurl", "doi", "cstr"}


def strip_outer(value: str | None) -> str:
    """The value, trimmed. (Entry values no longer carry their outer delimiters, so a value
    wholly in braces — ``{United Nations}`` — is a protected one and keeps its braces.)"""
    if not value:
        return ""
    return value.strip()


def _strip_outer_old(value: str) -> str:
    v = value.strip()
    if len(v) >= 2 and v[0] == "{" and v[-1] == "}":
        depth = 0
        for i, ch in enumerate(v):
            if ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
                if depth == 0 and i < len(v) - 1:
                    return v
        return v[1:-1]
    return v


_BRACES = re.compile(r"[{}]")
_COMMAND_OR_CHAR = re.compile(r"\\([a-zA-Z]+|.)", re.S)
_COMMAND = re.compile(r"\\([a-zA-Z]+)\s*|\\(.)")
MAX_NESTING = 40  # brace groups deeper than this are not markup anyone wrote by hand


def _nesting(s: str) -> int:
    depth = best = 0
    for m in _BRACES.finditer(s):
        if m.group() == "{":
            depth += 1
            best = max(best, depth)
        else:
            depth -= 1
    return best


def _read_group(s: str, i: int) -> tuple[str, int]:
    """The text of the {...} group at s[i] (or one character/command) and the index after it."""
    while i < len(s) and s[i] == " ":
        i += 1
    if i >= len(s):
        return "", i
    if s[i] == "{":
        depth = 0
        for m in _BRACES.finditer(s, i):  # braces only: a long group is one C-level scan
            if m.group() == "{":
                depth += 1
            else:
                depth -= 1
                if depth == 0:
                    return s[i + 1 : m.start()], m.end()
        return s[i + 1 :], len(s)
    if s[i] == "\\":
        m = _COMMAND_OR_CHAR.match(s, i)  # matched in place: slicing s[i:] made this quadratic
        return m.group(0), m.end()
    return s[i], i + 1


@lru_cache(maxsize=65536)
def segments(value: str | None, cjk_dashes: bool = False) -> tuple[tuple[str, bool], ...]:
    """Decoded ``(text, protected)`` pieces; ``protected`` marks text that was inside braces."""
    s = strip_outer(value)
    if not s:
        return ()
    out: list[tuple[str, bool]] = []
    # braces nested past MAX_NESTING: no markup worth reading (decoding it costs depth x length),
    # keep the text
    if "{" in s and _nesting(s) > MAX_NESTING:
        out = [(re.sub(r"[{}]", "", s), True)]
    else:
        _decode_into(s, 0, out, cjk_dashes)
    # merge neighbours with the same protection
    merged: list[list] = []
    for text, prot in out:
        if not text:
            continue
        if merged and merged[-1][1] == prot:
            merged[-1][0] += text
        else:
            merged.append([text, prot])
    result = []
    for text, prot in merged:
        result.append((text, prot))
    # collapse whitespace across pieces
    cleaned: list[tuple[str, bool]] = []
    prev_space = True
    for text, prot in result:
        text = re.sub(r"\s+", " ", text)
        if prev_space:
            text = text.lstrip(" ")
        if text:
            prev_space = text.endswith(" ")
            cleaned.append((text, prot))
    if cleaned:
        last, prot = cleaned[-1]
        cleaned[-1] = (last.rstrip(" "), prot)
    return tuple((t, p) for t, p in cleaned if t)


def _decode_into(s: str, depth: int, out: list, cjk: bool) -> None:
    i, n = 0, len(s)
    buf: list[str] = []
    prot = depth > 0

    def flush():
        if buf:
            out.append(("".join(buf), prot))
            buf.clear()

    while i < n:
        c = s[i]
        if c == "\\":
            m = _COMMAND.match(s, i)
            if not m:
                i += 1
                continue
            name = m.group(1) or m.group(2)
            j = m.end()
            if name in _ACCENTS and (m.group(2) is not None or len(name) == 1):
                arg, j = _read_group(s, j)
                arg = decode(arg) if arg.startswith("\\") or "{" in arg else arg
                base = {"ı": "i", "ȷ": "j"}.get(arg[:1], arg[:1])
                buf.append(unicodedata.normalize("NFC", base + _ACCENTS[name]) + arg[1:])
                i = j
                continue
            if name in _SYMBOLS:
                buf.append(_SYMBOLS[name])
                i = j if m.group(1) else i + 2
                continue
            if name in _WRAPPERS:
                if name == "href":
                    _, j = _read_group(s, j)
                arg, j = _read_group(s, j)
                if name in ("url", "nolinkurl", "doi", "cstr"):
                    buf.append(arg)
                else:
                    flush()
                    _decode_into(arg, depth, out, cjk)
                i = j
                continue
            # unknown command: drop the command, keep its argument if any
            i = j
            continue
        if c == "{":
            arg, j = _read_group(s, i)
            flush()
            if arg.startswith("\\") and not arg.startswith("\\url"):
                # {\"o}, {\em x}: a special character / font switch, not a case protection
                inner = re.sub(r"^\\(em|it|bf|sc|rm|sf|tt|itshape|bfseries|upshape|normalfont)\b\s*", "", arg)
                _decode_into(inner, depth, out, cjk)
            else:
                _decode_into(arg, depth + 1, out, cjk)
            i = j
            continue
        if c == "}":
            i += 1
            continue
        if c == "~":
            buf.append(" ")
            i += 1
            continue
        if c == "$":
            j = s.find("$", i + 1)
            math = s[i + 1 : j] if j > i else s[i + 1 :]
            buf.append(decode(math.replace("^", "").replace("_", "")))
            i = j + 1 if j > i else n
            continue
        if c == "-" and s.startswith("---", i):
            buf.append("—")
            i += 3
            continue
        if c == "-" and s.startswith("--", i):
            buf.append("—" if cjk else "–")
            i += 2
            continue
        if c == "`" and s.startswith("``", i):
            buf.append("“")
            i += 2
            continue
        if c == "'" and s.startswith("''", i):
            buf.append("”")
            i += 2
            continue
        buf.append(c)
        i += 1
    flush()


@lru_cache(maxsize=65536)
def decode(value: str | None, cjk_dashes: bool = False) -> str:
    """Display text of a raw BibTeX value (LaTeX decoded, braces dropped, spaces collapsed)."""
    if not value:
        return ""
    if "\\" not in value and "{" not in value and "~" not in value and "-" not in value and "$" not in value and "`" not in value and "''" not in value:
        return " ".join(value.split())
    return "".join(t for t, _ in segments(value, cjk_dashes))


def field(entry, name: str, cjk_dashes: bool = False) -> str:
    """``entry``'s field ``name`` (aliases resolved), decoded; ``""`` when absent."""
    return decode(entry.get(name), cjk_dashes)


def raw(entry, name: str) -> str:
    """The field without LaTeX decoding (URLs, DOIs), outer braces removed, trimmed."""
    return strip_outer(entry.get(name)).strip()
