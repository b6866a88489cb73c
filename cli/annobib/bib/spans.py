"""Where an entry's type, key and each field's name and value are in its text (for splicing
edits into the text as written, and for reading values back verbatim)."""

from __future__ import annotations

import re
from dataclasses import dataclass

_ENTRY_HEAD = re.compile(r"@\s*(\w+)\s*([{(])")


@dataclass
class FieldSpan:
    name: str  # as written
    name_start: int
    name_end: int
    value_start: int
    value_end: int
    comma: int | None  # index of the comma after the value, if any


@dataclass
class EntrySpans:
    type_start: int
    type_end: int
    key_start: int
    key_end: int
    key_comma: int | None
    close: int  # index of the closing delimiter
    fields: list


def scan_entry(raw: str) -> EntrySpans | None:
    """Where the type, key and each field's name and value are in an entry's text."""
    at = raw.find("@")
    if at < 0:
        return None
    m = _ENTRY_HEAD.match(raw, at)
    if not m:
        return None
    close_ch = "}" if m.group(2) == "{" else ")"
    pos = m.end()
    n = len(raw)
    # key: up to the first top-level comma or the closing delimiter
    k = pos
    while k < n and raw[k] not in ",\n" + close_ch:
        k += 1
    key_start = pos + (len(raw[pos:k]) - len(raw[pos:k].lstrip()))
    key_end = key_start + len(raw[key_start:k].strip())
    if k < n and raw[k] == "\n":
        # key followed by a newline: the comma may come after it
        j = k
        while j < n and raw[j].isspace():
            j += 1
        k = j
    if k >= n:
        return None
    fields: list[FieldSpan] = []
    key_comma = k if raw[k] == "," else None
    pos = k + 1 if raw[k] == "," else k
    while True:
        while pos < n and (raw[pos].isspace() or raw[pos] == "," or raw[pos] == "%"):
            if raw[pos] == "%":  # a comment between fields (biber reads `%` to the line end)
                eol = raw.find("\n", pos)
                pos = n if eol < 0 else eol
                continue
            pos += 1
        if pos >= n:
            return None
        if raw[pos] == close_ch:
            return EntrySpans(m.start(1), m.end(1), key_start, key_end, key_comma, pos, fields)
        eq = raw.find("=", pos)
        if eq < 0:
            return None
        name = raw[pos:eq].strip()
        if not name or any(c in name for c in '{}",') or "\n\n" in raw[pos:eq]:
            return None
        name_start = pos
        name_end = pos + len(raw[pos:eq].rstrip())
        v = eq + 1
        while v < n and raw[v].isspace():
            v += 1
        value_start = v
        depth = 0
        quoted = False
        i = v
        comment_at = -1  # a `%` comment after a bare value (`year = 2020 % note`)
        while i < n:
            ch = raw[i]
            if ch == "\\":
                i += 2
                continue
            if ch == "%" and depth == 0 and not quoted:
                if comment_at < 0:
                    comment_at = i
                eol = raw.find("\n", i)
                i = n if eol < 0 else eol
                continue
            if ch == "{":
                depth += 1
            elif ch == "}":
                if depth == 0 and close_ch == "}" and not quoted:
                    break
                depth -= 1
            elif ch == '"' and depth == 0:
                quoted = not quoted
            elif depth == 0 and not quoted and (ch == "," or ch == close_ch):
                break
            i += 1
        if i >= n:
            return None
        value_end = v + len(raw[v : comment_at if comment_at >= 0 else i].rstrip())
        comma = i if raw[i] == "," else None
        fields.append(FieldSpan(name, name_start, name_end, value_start, value_end, comma))
        pos = i + 1 if comma is not None else i
