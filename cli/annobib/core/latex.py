"""LaTeX in BibTeX values -> Unicode: the one decoder (and its one accent table).

Display (:func:`latex_to_text`), the styles (:func:`segments`, which also says which stretches
were braced: ``{NATO}`` is protected from case changes) and the exchange formats all read values
through here. What it understands:

* accents in every brace form: ``\\'e``, ``\\'{e}``, ``{\\'e}``, ``{\\' e}``, ``\\'{\\i}``, ``\\v s``,
  ``\\c{c}``; letters and symbols (``\\ss``, ``\\o``, ``\\slash``, ``\\textendash`` …);
* escapes ``\\&``, ``\\%``, ``\\$``, ``\\#``, ``\\_``, ``\\{``, ``\\}``; ``\\-`` and ``\\/`` vanish;
* ``--`` en dash, ``---`` em dash (``--`` is an em dash in CJK text when ``cjk_dashes``);
  ``~`` a no-break space; quotes ````…''`` -> “…” and ```…'`` -> ‘…’;
* formatting commands (``\\emph{x}``, ``{\\em x}``) keep their text; ``\\url{…}`` keeps its
  argument as written; ``$…$`` and ``\\(…\\)`` keep the math's text, its symbols decoded
  (``$\\epsilon$`` -> ε, ``A$^\\star$`` -> A*) and protected from case changes;
* ``\\mkbibquote{x}``/``\\enquote{x}`` -> “x”, protected (a title quoted within a title);
* ``\\par`` a paragraph break and ``\\newline`` a line break (one space once whitespace is collapsed);
* an unknown command keeps its argument (``\\mkbibacro{NATO}`` -> ``NATO``) or, with none, its
  name (``\\foo`` -> ``foo``), so nothing silently disappears.

No pylatexenc: a decode is a few regex scans (the view decodes every entry when it is built).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from annobib.perf import lazy_regex  # patterns compiled on first use: `annobib --help` pays nothing

ACCENTS = {
    "'": "\u0301",
    "`": "\u0300",
    "^": "\u0302",
    '"': "\u0308",
    "~": "\u0303",
    "=": "\u0304",
    ".": "\u0307",
    "u": "\u0306",
    "v": "\u030c",
    "H": "\u030b",
    "c": "\u0327",
    "k": "\u0328",
    "r": "\u030a",
    "d": "\u0323",
    "b": "\u0331",
    "t": "\u0361",
}
SYMBOLS = {
    "ss": "ß",
    "o": "ø",
    "O": "Ø",
    "ae": "æ",
    "AE": "Æ",
    "oe": "œ",
    "OE": "Œ",
    "aa": "å",
    "AA": "Å",
    "l": "ł",
    "L": "Ł",
    "i": "ı",
    "j": "ȷ",
    "dh": "ð",
    "DH": "Ð",
    "th": "þ",
    "TH": "Þ",
    "ng": "ŋ",
    "NG": "Ŋ",
    "S": "§",
    "P": "¶",
    "copyright": "©",
    "textregistered": "®",
    "texttrademark": "™",
    "dag": "†",
    "ddag": "‡",
    "pounds": "£",
    "euro": "€",
    "textendash": "–",
    "textemdash": "—",
    "ldots": "…",
    "dots": "…",
    "textellipsis": "…",
    "textquoteleft": "‘",
    "textquoteright": "’",
    "textquotedblleft": "“",
    "textquotedblright": "”",
    "guillemotleft": "«",
    "guillemotright": "»",
    "textasciitilde": "~",
    "textbackslash": "\\",
    "textbar": "|",
    # what annobib writes for plain text's own specials (bib.latex.plain_to_latex) reads back as them
    "textbraceleft": "{",
    "textbraceright": "}",
    "textasciicircum": "^",
    "textasciigrave": "`",
    "textunderscore": "_",
    "textdollar": "$",
    "textless": "<",
    "textgreater": ">",
    "LaTeX": "LaTeX",
    "TeX": "TeX",
    "textdegree": "°",
    "degree": "°",
    "textsection": "§",
    "textperiodcentered": "·",
    "textbullet": "•",
    "times": "×",
    "quad": " ",
    "qquad": " ",
    "slash": "/",
    "textslash": "/",
    "allowbreak": "",
    "relax": "",
    "hyphen": "-",  # biblatex's breakable hyphen
    "textminus": "−",
}
# math (and text) symbols: $\epsilon$-truncation, A$^\star$, h^{\Pi}; letters stay letters
_GREEK = (
    "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau"
    " upsilon phi chi psi omega"
)
SYMBOLS.update({g: chr(0x3B1 + i + (i > 16)) for i, g in enumerate(_GREEK.split())})  # no final sigma
SYMBOLS.update({g.capitalize(): chr(0x391 + i + (i > 16)) for i, g in enumerate(_GREEK.split())})
SYMBOLS.update(
    {"varepsilon": "ε", "vartheta": "ϑ", "varphi": "φ", "varrho": "ϱ", "varsigma": "ς", "ell": "ℓ"}
    | {"star": "*", "ast": "*", "cdot": "·", "cdots": "⋯", "pm": "±", "mp": "∓", "div": "÷", "infty": "∞"}
    | {"leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "neq": "≠", "ne": "≠", "approx": "≈", "equiv": "≡"}
    | {"sim": "~", "to": "→", "rightarrow": "→", "leftarrow": "←", "Rightarrow": "⇒", "in": "∈"}
    | {"subseteq": "⊆", "subset": "⊂", "cup": "∪", "cap": "∩", "emptyset": "∅", "prime": "′"}
    | {"forall": "∀", "exists": "∃", "neg": "¬", "land": "∧", "lor": "∨", "mid": "|", "sqrt": "√"}
)
# breaks, not words: ``\par`` ends a paragraph and ``\newline`` a line (read as "par" they
# glued the words around them); display collapses a break to a space, and an annotation
# exported with its whitespace keeps it
SYMBOLS.update({"par": "\n\n", "newline": "\n"})
# \<char>: escaped specials, \, a thin space, \- (hyphenation point) and \/ (italic correction) nothing
ESCAPED = {
    "&": "&",
    "%": "%",
    "$": "$",
    "#": "#",
    "_": "_",
    "{": "{",
    "}": "}",
    " ": " ",
    ",": "\u2009",
    "@": "",
    "/": "",
    "-": "",
    "\\": " ",
}
# commands whose argument is simply the text (formatting that display drops)
WRAPPERS = {
    "textit",
    "emph",
    "textbf",
    "textsc",
    "textrm",
    "textsf",
    "texttt",
    "textup",
    "textsl",
    "textnormal",
    "mbox",
    "hbox",
    "text",
    "textmd",
    "uppercase",
    "lowercase",
    "MakeUppercase",
    "MakeLowercase",
    "mkbibemph",
    "NoCaseChange",
    "foreignlanguage",
    "textenglish",
    "textchinese",
    "textjapanese",
    "ensuremath",
    "mathrm",
    "mathit",
    "mathbf",
    "bibstring",
    "textsubscript",
    "textsuperscript",
}
QUOTING = {"mkbibquote", "enquote"}  # "…" around the argument, a title within a title: case kept
VERBATIM_ARG = {"url", "nolinkurl", "path", "doi", "cstr"}  # the argument is kept as written
DROP_WITH_ARG = {"noopsort", "sortnoop", "SortNoop"}  # sort keys, never shown
_FONT_SWITCH = lazy_regex(r"^\\(em|it|bf|sc|rm|sf|tt|itshape|bfseries|upshape|normalfont)\b\s*")

_BRACES = lazy_regex(r"[{}]")
_COMMAND_OR_CHAR = lazy_regex(r"\\([a-zA-Z]+|.)", re.S)
_COMMAND = lazy_regex(r"\\([a-zA-Z]+)\s*|\\(.)", re.S)
_STRUCTURAL = lazy_regex(r"[\\{}$]")  # the rest (dashes, ties, quotes) is replaced in runs
_SINGLE_QUOTES = lazy_regex(r"(?<![`\\])`(?!`)([^`'\n]*[^`'\s])'(?!')")
_NEEDS_DECODING = lazy_regex(r"[\\{}~$`]|--|''")
MAX_NESTING = 40  # brace groups deeper than this are not markup anyone wrote by hand


def _deeper_than(s: str, limit: int) -> bool:
    """Whether brace groups nest more than ``limit`` deep; stops at the first brace past it
    (a value of 40,000 nested groups is answered after 41 braces, not 80,000)."""
    depth = 0
    for m in _BRACES.finditer(s):
        if m.group() == "{":
            depth += 1
            if depth > limit:
                return True
        else:
            depth -= 1
    return False


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
        if m is None:  # a backslash ending the value (\'\): nothing to put the accent on
            return "", len(s)
        return m.group(0), m.end()
    return s[i], i + 1


def _accented(arg: str, mark: str) -> str:
    if len(arg) > 8:
        return _accent(arg, mark)
    # \'\'\'… or \"{o} a few hundred thousand times: each short form is worked out once
    got = _ACCENT_MEMO.get((arg, mark))
    if got is None:
        if len(_ACCENT_MEMO) > 4096:
            _ACCENT_MEMO.clear()
        got = _ACCENT_MEMO[arg, mark] = _accent(arg, mark)
    return got


_ACCENT_MEMO: dict[tuple[str, str], str] = {}


def _accent(arg: str, mark: str) -> str:
    if arg.startswith("\\") or "{" in arg:
        arg = decode(arg)
    base, rest = arg[:1], arg[1:]
    base = {"ı": "i", "ȷ": "j"}.get(base, base)
    if not base:  # \'{} : the accent on its own
        return unicodedata.normalize("NFC", " " + mark).strip() or mark
    return unicodedata.normalize("NFC", base + mark) + rest


def _command(s: str, i: int, depth: int, out: list, buf: list, cjk: bool) -> int:
    """Decode the command at s[i] (a backslash) into ``buf``/``out``; the index after it."""
    m = _COMMAND.match(s, i)
    if not m:
        return i + 1
    name, char = m.group(1), m.group(2)
    j = m.end()
    if char == "(":
        end = s.find("\\)", j)
        if end >= 0:  # \(…\): inline math, as $…$
            _math(s[j:end], depth, out, buf, cjk)
            return end + 2
    if char is not None and char not in ACCENTS:
        buf.append(ESCAPED.get(char, char) if char != ")" else "")
        return j
    if name in ACCENTS and len(name) == 1 or char is not None:
        arg, j = _read_group(s, j)
        buf.append(_accented(arg, ACCENTS[name or char]))
        return j
    if name in SYMBOLS:
        if s.startswith("{}", j):
            j += 2  # \ss{}: the empty group only ends the command's name
        buf.append(SYMBOLS[name])
        return j
    if name in DROP_WITH_ARG:
        return _read_group(s, j)[1]
    if name == "href":
        _, j = _read_group(s, j)
    if name in VERBATIM_ARG or name == "href":
        arg, j = _read_group(s, j)
        buf.append(arg) if name != "href" else _flush_into(buf, out, depth, arg, cjk)
        return j
    if name in QUOTING:
        arg, j = _read_group(s, j)
        buf.append("“")
        _flush_into(buf, out, depth, arg, cjk, depth + 1)
        buf.append("”")
        return j
    if name in WRAPPERS:
        arg, j = _read_group(s, j)
        _flush_into(buf, out, depth, arg, cjk)
        return j
    if j < len(s) and s[j] == "{":  # \mkbibacro{NATO}: the argument, as a braced (protected) group
        arg, j = _read_group(s, j)
        _flush_into(buf, out, depth, arg, cjk, depth + 1)
        return j
    buf.append(name)  # an unknown command with no argument: its name, not nothing
    return j


# Runs of commands that take no argument (``\\o\\ss\\alpha``, unknown names) and of accents on
# accents (``\\'\\"``: the first takes the second as its argument) are decoded a run at a time:
# 300,000 of them one at a time took a second a pass. The last command of a run is not followed
# by ``{`` (it would take it as an argument), and none is a command that takes one.
_TAKES_ARG = sorted(
    {k for k in ACCENTS if k.isalpha()} | DROP_WITH_ARG | VERBATIM_ARG | QUOTING | WRAPPERS | {"href"},
    key=len,
    reverse=True,
)
_NAMES_RUN = r"(?:\\(?!(?:" + "|".join(_TAKES_ARG) + r")(?![A-Za-z]))[A-Za-z]++\s*+)+(?!\{)"  # gives back one
_ACCENT_PAIRS = r"(?:\\['`^\"~=.]\\['`^\"~=.])++"
# `\!x\%x\,x…`: escaped characters with the plain text between them (no ligature character)
# (ASCII escapes only, not ``\\``: ``\\~a`` is read as ``\\`` + ``\~a`` -> ``\ã`` before this runs)
_ESCAPES_RUN = r"(?:\\[^A-Za-z'`^\"~=.(\\\u0080-\U0010ffff][^\\{}$~`'\-]*+)++"
_COMMAND_RUN = lazy_regex(_NAMES_RUN + "|" + _ACCENT_PAIRS + "|" + _ESCAPES_RUN, re.S)
_ESCAPE_PIECES = lazy_regex(r"\\(.)([^\\]*)", re.S)
_RUN_NAMES = lazy_regex(r"\\([A-Za-z]+)")
FAST_RUNS = True  # tests switch it off to compare with the command-at-a-time decoder


def _run_text(run: str) -> str:
    if run[1].isalpha():
        return "".join([SYMBOLS.get(name, name) for name in _RUN_NAMES.findall(run)])
    if run[1] not in ACCENTS:  # escapes: 190,000 of them one command at a time took a second
        return "".join([(ESCAPED.get(c, c) if c != ")" else "") + t for c, t in _ESCAPE_PIECES.findall(run)])
    pairs = [run[k : k + 4] for k in range(0, len(run), 4)]
    for pair in set(pairs).difference(_PAIRS):  # at most 64 kinds
        _PAIRS[pair] = _accented(pair[2:], ACCENTS[pair[1]])
    return "".join([_PAIRS[pair] for pair in pairs])


_PAIRS: dict[str, str] = {}  # \'\" -> its text


def _math(inner: str, depth: int, out: list, buf: list, cjk: bool) -> None:
    r"""Inline math as its text (``^``/``_`` dropped, symbols decoded), kept from case changes:
    the A of A$^\star$ is a name, not a word to lowercase."""
    _flush_into(buf, out, depth, inner.replace("^", "{}").replace("_", "{}"), cjk, depth + 1)


def _flush_into(buf: list, out: list, depth: int, inner: str, cjk: bool, inner_depth: int | None = None) -> None:
    """Close the text so far (at ``depth``), then decode ``inner`` (at ``inner_depth``)."""
    if buf:
        out.append(("".join(buf), depth > 0))
        buf.clear()
    depth = depth if inner_depth is None else inner_depth
    if len(inner) > 64:
        _decode_into(inner, depth, out, cjk)
        return
    # short groups recur ({\'e}, {NATO}; a 520 KB title of one nested accent 40,000 times took
    # 2 s): each is decoded once per run
    key = (inner, depth, cjk)
    segs = _GROUP_MEMO.get(key)
    if segs is None:
        found: list = []
        _decode_into(inner, depth, found, cjk)
        if len(_GROUP_MEMO) > 4096:
            _GROUP_MEMO.clear()
        segs = _GROUP_MEMO[key] = tuple(found)
    out.extend(segs)


_GROUP_MEMO: dict[tuple, tuple] = {}


def _plain(text: str, cjk: bool) -> str:
    """Literal text with its ligatures replaced: ``---`` ``--`` ``~`` ````…''`` and ```…'``.
    One C-level pass each, not a token at a time (300,000 ties took seconds); replacing the
    longer form first reads them as the tokenizer did, left to right."""
    if "-" in text:
        text = text.replace("---", "—").replace("--", "—" if cjk else "–")
    if "~" in text:
        text = text.replace("~", "\u00a0")
    if "`" in text or "''" in text:
        text = text.replace("``", "“").replace("''", "”").replace("`", "‘")
    return text


def _decode_into(s: str, depth: int, out: list, cjk: bool) -> None:
    i, n = 0, len(s)
    buf: list[str] = []
    while i < n:
        m = _STRUCTURAL.search(s, i)
        if not m:
            buf.append(_plain(s[i:], cjk))
            break
        if m.start() > i:
            buf.append(_plain(s[i : m.start()], cjk))
        i, tok = m.start(), m.group()
        if tok == "\\":
            run = _COMMAND_RUN.match(s, i) if FAST_RUNS else None
            if run:  # \a\o\'\'…: a run of commands with no argument, decoded at once
                buf.append(_run_text(run.group()))
                i = run.end()
            else:
                i = _command(s, i, depth, out, buf, cjk)
        elif tok == "{":
            arg, i = _read_group(s, i)
            if arg.startswith("\\") and not arg.startswith(("\\url", "\\href")):
                # {\"o}, {\em x}: a special character or a font switch, not a case protection
                _flush_into(buf, out, depth, _FONT_SWITCH.sub("", arg), cjk)
            else:
                _flush_into(buf, out, depth, arg, cjk, depth + 1)
        elif tok == "}":
            i += 1
        else:  # $
            j = s.find("$", i + 1)
            if j < 0:  # a lone dollar sign is text (US$5), not math running to the end
                buf.append("$")
                i += 1
            else:
                _math(s[i + 1 : j], depth, out, buf, cjk)
                i = j + 1
    if buf:
        out.append(("".join(buf), depth > 0))


# The common accent forms and escapes, decoded in one regex pass before the tokenizer (which
# then has less to do, and often nothing: see latex_to_text). {\'e} loses its braces here as it
# does in the tokenizer: braces around a special character are no case protection.
_LETTER = r"(?:\\([ij])(?![A-Za-z])|([A-Za-z]))"
_SIMPLE = lazy_regex(
    r"(\{)?\\(?:(['`^\"~=.])\s*|([uvHckrdb])(?=[\s{]))(?:\{\s*" + _LETTER + r"\s*\}|\s*" + _LETTER + r")(?(1)\})"
    r"|\\([&%#_])"
)


_AFTER_COMMAND = lazy_regex(r"\\[A-Za-z]+\s*$")


_SIMPLE_MEMO: dict[str, str] = {}  # \'e -> é: the same few accents recur in every file


def _simple(m: re.Match) -> str:
    tok = m.group()
    if (
        tok[0] == "{"
        and m.string[m.start() - 1 : m.start()].isalpha()
        and _AFTER_COMMAND.search(m.string, max(0, m.start() - 40), m.start())
    ):
        return "{" + _simple_char(tok[1:-1]) + "}"  # \mkbibacro{\"O}: the braces are the command's argument
    return _simple_char(tok)


def _simple_char(tok: str) -> str:
    char = _SIMPLE_MEMO.get(tok)
    if char is None:
        m = _SIMPLE.fullmatch(tok)
        if m.group(8):
            char = m.group(8)
        else:
            base = m.group(4) or m.group(5) or m.group(6) or m.group(7)
            char = unicodedata.normalize("NFC", base + ACCENTS[m.group(2) or m.group(3)])
        if len(_SIMPLE_MEMO) < 4096:
            _SIMPLE_MEMO[tok] = char
    return char


_LETTER_COMMAND = lazy_regex(r"\{\\([A-Za-z]+)\}|\\([A-Za-z]+)(?:\{\}|\s+|(?![A-Za-z]))")


def decode_accents(value: str) -> str:
    """Accents, escapes and letter commands decoded (``Gr{\\o}nlund`` -> ``Grønlund``), every other
    brace and command kept: for name lists, whose parser reads ``{World Bank}`` as one name and
    would otherwise take the braces of ``{\\o}`` away from its command."""
    if "\\" not in value:
        return value
    value = _SIMPLE.sub(_simple, value)

    def letter(m: re.Match) -> str:
        name = m.group(1) or m.group(2)
        return SYMBOLS[name] if name in SYMBOLS and SYMBOLS[name].isalpha() else m.group(0)

    return _LETTER_COMMAND.sub(letter, value) if "\\" in value else value


def _pieces(value: str, cjk_dashes: bool, simple_done: bool = False) -> list[tuple[str, bool]]:
    if "\\" in value and not simple_done:
        value = _SIMPLE.sub(_simple, value)
    if len(value) <= LONG_VALUE:
        return _decode_pieces(value, cjk_dashes)
    return _remembered(_PIECES_MEMO, (value, cjk_dashes), lambda: _decode_pieces(value, cjk_dashes))


# A value longer than this is decoded once per run: show and format read it as text and as
# segments. Shorter ones cost less to decode than to look up.
LONG_VALUE = 4096
_PIECES_MEMO: dict[tuple, list] = {}
_LONG_MEMO: dict[tuple, str] = {}


def _remembered(memo: dict, key: tuple, make):
    """``memo[key]``, made by ``make()`` the first time; the memo is emptied past 64 values."""
    got = memo.get(key)
    if got is None:
        if len(memo) > 64:
            memo.clear()
        got = memo[key] = make()
    return got


def _decode_pieces(value: str, cjk_dashes: bool) -> list[tuple[str, bool]]:
    """:func:`_pieces` of a value whose simple accents are decoded already."""
    if "`" in value:
        value = _SINGLE_QUOTES.sub("‘\\1’", value)
    out: list[tuple[str, bool]] = []
    if value.count("{") > MAX_NESTING and _deeper_than(value, MAX_NESTING):
        # no markup worth reading (decoding it costs depth x length): keep the text
        return [(_BRACES.sub("", value), True)]
    if "\\" not in value and "$" not in value:
        return _braced_text(value, cjk_dashes)
    _decode_into(value, 0, out, cjk_dashes)
    return out


_BRACE_SPLIT = lazy_regex(r"([{}])")
_LIGATURE = lazy_regex(r"--|~|`|''")


def _braced_text(value: str, cjk: bool) -> list[tuple[str, bool]]:
    """:func:`_decode_into`'s pieces of a value with braces but no command or math, in one
    split: its text at each depth (a stray ``}`` ignored, an unclosed ``{`` open to the end),
    runs at the same protection merged. A group at a time took seconds for 200,000 ``{"}``."""
    parts = _BRACE_SPLIT.split(value)  # text, brace, text, brace, …, text
    if _LIGATURE.search(value):
        parts[::2] = [_plain(text, cjk) if text else text for text in parts[::2]]
    out: list[tuple[str, bool]] = []
    run: list[str] = [parts[0]] if parts[0] else []
    depth, prot = 0, False
    for k in range(1, len(parts), 2):
        if parts[k] == "{":
            depth += 1
        elif depth:
            depth -= 1
        text = parts[k + 1]
        if text:
            if (depth > 0) != prot and run:
                out.append(("".join(run), prot))
                run = []
            prot = depth > 0
            run.append(text)
    if run:
        out.append(("".join(run), prot))
    return out


_SPACES = lazy_regex(r"\s+")


@lru_cache(maxsize=65536)
def segments(value: str | None, cjk_dashes: bool = False) -> tuple[tuple[str, bool], ...]:
    """Decoded ``(text, protected)`` pieces, whitespace (ties too) collapsed to one space;
    ``protected`` marks text that was inside braces."""
    s = (value or "").strip()
    if not s:
        return ()
    merged: list[list] = []
    for text, prot in _pieces(s, cjk_dashes):
        if not text:
            continue
        if merged and merged[-1][1] == prot:
            merged[-1][0] += text
        else:
            merged.append([text, prot])
    cleaned: list[tuple[str, bool]] = []
    prev_space = True
    for text, prot in merged:
        text = _SPACES.sub(" ", text)
        if prev_space:
            text = text.lstrip(" ")
        if text:
            prev_space = text.endswith(" ")
            cleaned.append((text, prot))
    if cleaned:
        last, prot = cleaned[-1]
        cleaned[-1] = (last.rstrip(" "), prot)
    return tuple((t, p) for t, p in cleaned if t)


@lru_cache(maxsize=65536)
def decode(value: str | None, cjk_dashes: bool = False) -> str:
    """Display text for the styles: LaTeX decoded, braces dropped, all whitespace one space."""
    if not value:
        return ""
    if not _NEEDS_DECODING.search(value):
        return " ".join(value.split())
    return "".join(t for t, _ in segments(value, cjk_dashes))


_WS_RUN = lazy_regex(r"[ \t\r\n]{2,}|[\t\r\n]")


def latex_to_text(value: str | None, keep_whitespace: bool = False) -> str:
    """A field value as a reader sees it: like :func:`decode`, but a tie stays a no-break
    space and a thin space thin (only spaces, tabs and newlines are collapsed). With
    ``keep_whitespace`` (an annotation's paragraphs, exported) nothing is collapsed or trimmed."""
    if not value:
        return ""
    if len(value) > LONG_VALUE:
        return _remembered(_LONG_MEMO, (value, keep_whitespace), lambda: _latex_to_text(value, keep_whitespace))
    return _latex_to_text(value, keep_whitespace)


def _latex_to_text(value: str, keep_whitespace: bool) -> str:
    if "\\" in value:
        value = _SIMPLE.sub(_simple, value)
    if "\\" not in value and "$" not in value and "`" not in value and "''" not in value:
        # no command, math or quotes (most values): the few replacements the decoder comes to,
        # at C speed (the view decodes every field of every entry when it is built)
        if "--" in value:
            value = value.replace("---", "—").replace("--", "–")
        if "~" in value:
            value = value.replace("~", "\u00a0")
        if "{" in value or "}" in value:
            value = value.replace("{", "").replace("}", "")
    elif _NEEDS_DECODING.search(value):
        # the accents are decoded already: a second pass costs as much and finds nothing
        value = "".join(t for t, _ in _pieces(value if keep_whitespace else value.strip(), False, simple_done=True))
    if keep_whitespace:
        return value
    if "  " in value or "\n" in value or "\t" in value or "\r" in value:
        value = _WS_RUN.sub(" ", value).strip()
    return value
