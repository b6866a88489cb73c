"""Values safe for BibTeX, biber and LaTeX: the specials ``%``, ``&`` and ``#`` escaped.

A bare ``%`` in a value is a comment to LaTeX (biblatex breaks, pandoc silently drops the rest
of the line: "by up to about 2%" printed "about 2"), ``&`` is an alignment tab and ``#`` a
macro parameter. annobib escapes them in every value it writes (``\\%``, ``\\&``, ``\\#``); its
LaTeX decoding reads them back as the same text. Left alone: verbatim fields (``url``, ``doi``
…, which biber reads as written) and the argument of ``\\url{…}``, ``\\href{…}``,
``\\nolinkurl{…}``, ``\\path{…}``, ``\\doi{…}`` (a link whose ``_`` or ``&`` were escaped would
no longer work). ``_`` is not escaped: it is also math's subscript, and fields with math are
common; W504 in ``annobib validate`` reports a bare one.
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


def unescape_specials(value: str) -> str:
    """``\\%``, ``\\&``, ``\\#`` back to the characters (for fields shown without LaTeX decoding)."""
    if "\\" not in value:
        return value
    return _ESCAPED_SPECIAL.sub(r"\1\2", value)
