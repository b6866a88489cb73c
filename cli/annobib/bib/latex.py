"""Values safe for BibTeX, biber and LaTeX: the specials ``%``, ``&`` and ``#`` escaped.

A bare ``%`` in a value is a comment to LaTeX (biblatex breaks, pandoc silently drops the rest
of the line: "by up to about 2%" printed "about 2"), ``&`` is an alignment tab and ``#`` a
macro parameter. annobib escapes them in every value it writes (``\\%``, ``\\&``, ``\\#``); its
LaTeX decoding reads them back as the same text. Left alone: verbatim fields (``url``, ``doi``
…, which biber reads as written) and the argument of ``\\url{…}``, ``\\href{…}``,
``\\nolinkurl{…}``, ``\\path{…}``, ``\\doi{…}`` (a link whose ``_`` or ``&`` were escaped would
no longer work). ``_`` is not escaped: it is also math's subscript, and fields with math are
common; W504 in ``annobib validate`` reports a bare one.

Plain text becoming a value (import, extract, a registry, what a person typed) goes through
:func:`plain_to_latex`, the one such conversion: there every special is text, ``_`` included.
"""

from __future__ import annotations

import re

VERBATIM_FIELDS = frozenset({"url", "doi", "eprint", "file", "urlraw", "archiveurl", "verba", "verbb", "verbc", "pdf"})

_LINK_COMMAND = re.compile(r"\\(?:url|href|nolinkurl|path|doi)\s*\{")
_BARE_SPECIAL = re.compile(r"(?<!\\)((?:\\\\)*)([%&#])")  # after an even run of backslashes
_ESCAPED_SPECIAL = re.compile(r"(?<!\\)((?:\\\\)*)\\([%&#])")


def link_spans(value: str) -> list[tuple[int, int]]:
    """(start, end) of each link command's braced argument, braces included."""
    spans = []
    for m in _LINK_COMMAND.finditer(value):
        depth, i = 1, m.end()
        while i < len(value) and depth:
            ch = value[i]
            if ch == "\\":
                i += 2
                continue
            depth += ch == "{"
            depth -= ch == "}"
            i += 1
        spans.append((m.end() - 1, i))
    return spans


def _outside_links(value: str, fn) -> str:
    spans = link_spans(value) if "\\" in value else []
    if not spans:
        return fn(value)
    out, pos = [], 0
    for a, b in spans:
        if a < pos:
            continue
        out += [fn(value[pos:a]), value[a:b]]
        pos = b
    out.append(fn(value[pos:]))
    return "".join(out)


def escape_specials(value: str, name: str = "") -> str:
    """``value`` with its bare ``%``, ``&``, ``#`` escaped (none in verbatim fields or links)."""
    if name.lower() in VERBATIM_FIELDS or not ("%" in value or "&" in value or "#" in value):
        return value
    return _outside_links(value, lambda s: _BARE_SPECIAL.sub(r"\1\\\2", s))


# Plain text -> LaTeX: every character LaTeX or BibTeX would act on becomes a command that prints
# it (and that annobib's decoder reads back as that character). ``--`` and ``''`` are split so
# no ligature forms (``-{}-`` prints two hyphens, not an en dash).
_PLAIN_SPECIAL = re.compile(r"[\\{}%&#$_^~`\u00a0\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|-(?=-)|'(?=')")
# keywords is a list of tags annobib reads structurally (editing.split_tags undoes only % & #),
# written as `tag` writes it: only what could run or break the field is changed there
_KEYWORD_SPECIAL = re.compile(r"[\\{}%&#\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_PLAIN_MAP = {
    "\\": "\\textbackslash{}",
    "{": "\\textbraceleft{}",
    "}": "\\textbraceright{}",
    "%": "\\%",
    "&": "\\&",
    "#": "\\#",
    "$": "\\$",
    "_": "\\_",
    "^": "\\textasciicircum{}",
    "~": "\\textasciitilde{}",
    "`": "\\textasciigrave{}",
    "\u00a0": "~",
    "-": "-{}",
    "'": "'{}",
}
_PLAIN_MAP_BRACES = _PLAIN_MAP | {"{": "{", "}": "}"}


def plain_to_latex(value: str, name: str = "", keep_braces: bool = False) -> str:
    """Plain text (a RIS or CSL-JSON value, an extracted note, what a person typed) -> a value
    for a .bib that BibTeX, biber and LaTeX read as that same text, and annobib decodes back to it.

    ``\\`` is ``\\textbackslash{}`` (so ``\\input /etc/passwd`` stays text), braces are
    ``\\textbraceleft{}``/``\\textbraceright{}`` (BibTeX counts ``\\{`` as a brace, so an
    escaped unbalanced brace would end the field early), ``% & # $ _`` are escaped, ``^ ~ `` ``
    are printed as themselves, a no-break space is a tie, and ``--``/``''`` are split so they stay
    two characters. Verbatim fields (``url``, ``doi``, ``eprint``, ``file`` …) are kept as they are
    (biber reads them as written). ``keep_braces``: the value's braces are structure (a braced
    organization in a name list) and are kept. ``pages`` keeps ``--`` (a range in BibTeX).
    Control characters other than tab, line ends and NUL (refused where values are checked) are
    dropped (ESC, C1): no text, and no terminal escape left in the file. ``keywords`` (tags, read back by splitting, not decoding)
    changes only ``\\``, braces, ``% & #`` and controls, as ``annobib tag`` writes it.
    Values read from a .bib are LaTeX already and never pass through here."""
    low = name.lower()
    if low in VERBATIM_FIELDS:
        return value
    special = _KEYWORD_SPECIAL if low == "keywords" else _PLAIN_SPECIAL
    if special.search(value) is None:
        return value  # most values hold nothing to change: one scan, no substitution set up
    table = _PLAIN_MAP_BRACES if keep_braces else _PLAIN_MAP

    def one(m: re.Match) -> str:
        ch = m.group()
        if ch == "-" and low == "pages":
            return ch
        return table.get(ch, "")  # a control character (ESC, an OSC 52, C1) is no text: dropped

    return special.sub(one, value)


_PLAIN_BACK = re.compile(
    r"\\(textbackslash|textbraceleft|textbraceright|textasciicircum|textasciitilde|textasciigrave)\{\}"
    r"|\\([%&#$_])|([-'])\{\}(?=[-'])|~"
)
_BACK = {"textbackslash": "\\", "textbraceleft": "{", "textbraceright": "}", "textasciicircum": "^"}
_BACK |= {"textasciitilde": "~", "textasciigrave": "`"}


def plain_from_latex(value: str) -> str:
    """What :func:`plain_to_latex` wrote -> the plain text again (only its own escapes undone),
    for a field annobib reads structurally rather than through the LaTeX decoder (``citations``)."""
    if "\\" not in value and "~" not in value and "{}" not in value:
        return value

    def one(m: re.Match) -> str:
        if m.group(1):
            return _BACK[m.group(1)]
        return m.group(2) or m.group(3) or "\u00a0"

    return _PLAIN_BACK.sub(one, value)


def unescape_specials(value: str) -> str:
    """``\\%``, ``\\&``, ``\\#`` back to the characters (for fields shown without LaTeX decoding)."""
    if "\\" not in value:
        return value
    return _ESCAPED_SPECIAL.sub(r"\1\2", value)
