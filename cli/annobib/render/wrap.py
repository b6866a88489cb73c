"""Wrap a terminal line at word boundaries: between words, or between CJK characters (which have
no spaces), never inside a Latin word, a number or a URL, never before closing punctuation
(``，。）”``) nor after opening (``（“``). A word longer than the line stands on a line of its own
(the terminal folds it; annobib never cuts it). Continuation lines get a hanging indent."""

from __future__ import annotations

import unicodedata

_NO_BREAK_BEFORE = set("，。、；：！？）」』”’》〉】〕…·,.;:!?)]}%")
_NO_BREAK_AFTER = set("（「『“‘《〈【〔([{")


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def _width(ch: str) -> int:
    return 2 if _wide(ch) else (0 if unicodedata.combining(ch) else 1)


def breaks(s: str) -> list[tuple[int, int]]:
    """Break opportunities as (end of this line, start of the next) offsets."""
    out = []
    n = len(s)
    i = 1
    while i < n:
        a, b = s[i - 1], s[i]
        if b == " ":
            j = i
            while j < n and s[j] == " ":
                j += 1
            if j < n:
                out.append((i, j))
            i = j + 1
            continue
        if a != " " and (_wide(a) or _wide(b)) and b not in _NO_BREAK_BEFORE and a not in _NO_BREAK_AFTER:
            out.append((i, i))
        i += 1
    return out


def line_ranges(s: str, width: int, indent: int = 0) -> list[tuple[int, int]]:
    """(start, end) of each line of ``s`` wrapped to ``width`` cells, continuation lines ``indent`` in
    (no indent when it would leave fewer than 10 cells: see :func:`hang`)."""
    indent = hang(width, indent)
    widths = [0]
    for ch in s:
        widths.append(widths[-1] + _width(ch))
    lines = []
    start = 0
    avail = width
    last = None  # the furthest break that still fits on the current line
    for end, nxt in breaks(s) + [(len(s), len(s))]:
        while widths[end] - widths[start] > avail:
            if last is None:  # one word longer than the line: a line of its own
                lines.append((start, end))
                start, avail = nxt, width - indent
                break
            lines.append((start, last[0]))
            start, avail, last = last[1], width - indent, None
        else:
            last = (end, nxt)
    if start < len(s):
        lines.append((start, len(s)))
    return lines


def hang(width: int, indent: int) -> int:
    """The hanging indent used: none on a terminal too narrow to spare it."""
    return indent if width - indent >= 10 else 0


def wrap(text, width: int, indent: int = 0):
    """A Rich ``Text`` wrapped to ``width`` with a hanging ``indent`` (styles and links kept)."""
    from rich.text import Text

    plain = text.plain
    if "\n" in plain or width <= 0:
        return text
    ranges = line_ranges(plain, width, indent)
    indent = hang(width, indent)
    if len(ranges) <= 1:
        return text
    out = Text()
    for k, (a, b) in enumerate(ranges):
        if k:
            out.append("\n" + " " * indent)
        out.append_text(text[a:b])
    return out
