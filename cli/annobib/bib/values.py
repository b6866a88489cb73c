"""Field values: delimiters, @string macros, and entries from parse records (light to import)."""

from __future__ import annotations

import re

from annobib.model import Entry

MONTHS = {
    "jan": "January", "feb": "February", "mar": "March", "apr": "April", "may": "May",
    "jun": "June", "jul": "July", "aug": "August", "sep": "September", "oct": "October",
    "nov": "November", "dec": "December",
}


def value_style(raw: str) -> str:
    """How a value is written: ``braces``, ``quotes``, ``number``, or ``expr`` (macros, #)."""
    raw = raw.strip()
    if _single_group(raw, "{", "}"):
        return "braces"
    if _single_quoted(raw):
        return "quotes"
    if raw.isdigit():
        return "number"
    return "expr"


_BRACE = re.compile(r"\\.|[{}]", re.S)


def _single_group(raw: str, open_: str, close: str) -> bool:
    if len(raw) < 2 or raw[0] != open_ or raw[-1] != close:
        return False
    if raw.count("{") == 1 and raw.count("}") == 1:
        return True
    depth = 0
    last = len(raw) - 1
    for m in _BRACE.finditer(raw):
        ch = m.group()
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0 and m.start() != last:
                return False
    return depth == 0



def _single_quoted(raw: str) -> bool:
    if len(raw) < 2 or raw[0] != '"' or raw[-1] != '"':
        return False
    if raw.count('"') == 2 and "\\" not in raw:
        return raw.count("{") == raw.count("}")
    depth = 0
    i = 1
    n = len(raw) - 1
    while i < n:
        ch = raw[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif ch == '"' and depth == 0:
            return False
        i += 1
    return True


def braces_balanced(value: str) -> bool:
    """Every ``}`` closes an earlier ``{`` and none is left open (``\\x`` escapes are skipped)."""
    depth = 0
    i = 0
    while i < len(value):
        ch = value[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth < 0:
                return False
        i += 1
    return depth == 0


def literal_value(raw: str) -> str | None:
    """The text of a value without its delimiters, or None when it needs macros resolved."""
    raw = raw.strip()
    if not raw:
        return ""
    first = raw[0]
    if first == "{":
        if _single_group(raw, "{", "}"):
            return raw[1:-1]
    elif first == '"':
        if _single_quoted(raw):
            return raw[1:-1]
    elif raw.isdigit():
        return raw
    return None


def split_concatenation(raw: str) -> list[str]:
    """``"A " # macro # {B}`` -> ``['"A "', 'macro', '{B}']`` (top-level ``#`` only)."""
    parts, depth, quoted, start = [], 0, False, 0
    i = 0
    while i < len(raw):
        ch = raw[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif ch == '"' and depth == 0:
            quoted = not quoted
        elif ch == "#" and depth == 0 and not quoted:
            parts.append(raw[start:i].strip())
            start = i + 1
        i += 1
    parts.append(raw[start:].strip())
    return [p for p in parts if p]


def resolve_value(raw: str, strings: dict[str, str]) -> tuple[str, bool]:
    """(text, used_macros): the value with delimiters removed and ``@string`` macros expanded.

    Undefined macros stay as their name (the file is not changed either way)."""
    lit = literal_value(raw)
    if lit is not None:
        return lit, False
    out = []
    for part in split_concatenation(raw.strip()):
        lit = literal_value(part)
        if lit is not None:
            out.append(lit)
            continue
        name = part.lower()
        if name in strings:
            out.append(strings[name])
        elif name in MONTHS:
            out.append(MONTHS[name])
        else:
            out.append(part)
    return "".join(out), True


def entry_from_record(item: tuple, strings: dict, line: int, source: str | None) -> tuple[Entry, bool]:
    """(Entry, used_macros) from an entry record."""
    _, _, _, etype, key, fields, _ = item
    values: dict[str, str] = {}
    used = False
    for name, raw in fields:
        value, macro = resolve_value(raw, strings)
        used = used or macro and not raw.strip().isdigit()
        values.setdefault(name.lower(), value)
    return Entry(key=key, type=etype.lower(), fields=values, line=line, source=source), used
