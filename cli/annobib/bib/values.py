"""Field values: delimiters, @string macros, and entries from parse records (light to import)."""

from __future__ import annotations

import re
import sys
from itertools import accumulate

from annobib.core.months import MONTH_MACROS, MONTH_NAMES
from annobib.errors import InputError
from annobib.model import Entry

MONTHS = dict(zip(MONTH_MACROS, MONTH_NAMES))  # macro -> its value, as BibTeX defines them


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
_ESCAPED = re.compile(r"\\.", re.S)
_NOT_BRACE = re.compile(r"[^{}]+")
_STEP = {"{": 1, "}": -1}


def _single_group(raw: str, open_: str, close: str) -> bool:
    if len(raw) < 2 or raw[0] != open_ or raw[-1] != close:
        return False
    if raw.count("{") == 1 and raw.count("}") == 1:
        return True
    if len(raw) < 256:
        return _single_group_scan(raw)
    # a long value (a hostile one nests 80,000 accents): escapes and text dropped in C, then
    # one pass over the braces alone — the same answer as the scan, unless the closing brace
    # is itself escaped (an odd run of backslashes before it), which the scan then decides
    head = raw[:-1]
    if (len(head) - len(head.rstrip("\\"))) % 2:
        return _single_group_scan(raw)
    braces = _NOT_BRACE.sub("", _ESCAPED.sub("", raw) if "\\" in raw else raw)
    depths = list(accumulate(map(_STEP.__getitem__, braces)))  # C iterators, no loop in Python
    return depths[-1] == 0 and 0 not in depths[:-1]  # closed by the last brace, not before


def _single_group_scan(raw: str) -> bool:
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
    if "{" not in raw and "}" not in raw and '"' not in raw and "\\" not in raw:
        # macros and numbers only: split in C (a hostile value chains 200,000 macros)
        return [p for p in map(str.strip, raw.split("#")) if p]
    if "{" not in raw and "}" not in raw and "\\" not in raw:
        # quoted strings and macros (`"a" # "a" # …`, 150,000 parts): the runs between the `#`s
        # outside quotes, found in C (a quote left open runs to the end, as in the scan)
        return [p for p in map(str.strip, _QUOTED_OR_PLAIN_RUNS(raw)) if p]
    return _split_scan(raw)


_QUOTED_OR_PLAIN_RUNS = re.compile(r'(?:"[^"]*+"?|[^"#]++)++').findall


def _split_scan(raw: str) -> list[str]:
    """The concatenation read character by character: braces, quotes and escapes respected."""
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


# @string expansion is bounded: macros that double at each level (`a2 = a1 # a1`) would
# otherwise take seconds and gigabytes from a file of a few hundred bytes.
MAX_VALUE = 1_000_000  # characters in one expanded value (a macro or a field)
TOTAL_BASE = 4_000_000  # characters macros may add over a whole file, plus 4 x its length


class MacroTooLarge(InputError):
    """A value or the whole file expands past the limits; the file is refused (exit 2)."""


class Macros(dict):
    """``@string`` macros (lower-case name -> text) with a budget for what expanding them adds.

    A plain dict works too (no total budget, the per-value cap still holds)."""

    def __init__(self, *args, budget: int = TOTAL_BASE, **kw):
        super().__init__(*args, **kw)
        self._left = [budget]  # shared with forks: one budget for the whole file

    @property
    def budget(self) -> int:
        return self._left[0]

    def fork(self) -> "Macros":
        """A copy of the macros as they are now that draws on the same budget (entries built
        later must see the macros of their place in the file)."""
        copy = Macros(self)
        copy._left = self._left
        return copy

    def charge(self, n: int, name: str) -> None:
        self._left[0] -= n
        if self._left[0] < 0:
            raise MacroTooLarge(
                f"@string macros expand to too much text in all (more than {TOTAL_BASE:,} characters"
                f" plus 4 times the file; last used: {_shown(name)}); annobib does not read such a file"
            )


def _shown(name: str) -> str:
    return "".join(c if c.isprintable() else "?" for c in name[:40])


def resolve_value(raw: str, strings: dict[str, str]) -> tuple[str, bool]:
    """(text, used_macros): the value with delimiters removed and ``@string`` macros expanded.

    Undefined macros stay as their name (the file is not changed either way). A value that
    would expand past MAX_VALUE characters, or a file whose macros add more than its
    ``Macros`` budget, raises MacroTooLarge naming the macro: such a file is refused rather
    than truncated, since a shortened value would be written back or shown as if real."""
    part = raw.strip()
    if part[:1].isalpha() and not _NOT_A_NAME(part):  # one macro name (`@string{c2 = c1}`, 40,000 in a chain)
        name = part.lower()
        if name in strings:
            text = strings[name]
            charge = getattr(strings, "charge", None)
            if charge is not None:
                charge(len(text), part)
        else:
            text = MONTHS.get(name, part)
        if len(text) > MAX_VALUE:
            raise MacroTooLarge(_too_long(part))
        return text, True
    lit = literal_value(raw)
    if lit is not None:
        return lit, False
    out = []
    size = 0
    charge = getattr(strings, "charge", None)
    plain = "{" not in raw and "}" not in raw and "\\" not in raw  # then `"text"` is its text
    for part in split_concatenation(raw.strip()):
        c = part[0]  # a macro name is never a literal: no call for it (200,000 parts in a chain)
        if plain and c == '"' and part[-1] == '"' and part.count('"') == 2:
            lit = part[1:-1]  # what literal_value says, without two calls a part (150,000 parts)
        else:
            lit = literal_value(part) if c == "{" or c == '"' or c.isdigit() else None
        if lit is None:
            name = part.lower()
            if name in strings:
                lit = strings[name]
                if charge is not None:
                    charge(len(lit), part)
            else:
                lit = MONTHS.get(name, part)
        size += len(lit)
        if size > MAX_VALUE:
            raise MacroTooLarge(_too_long(part))
        out.append(lit)
    return "".join(out), True


_NOT_A_NAME = re.compile(r'[#"{}\\]').search  # then the value is not one macro name


def macro_cost(raw: str, strings: dict) -> tuple[int, str]:
    """(characters, last macro used): what :func:`resolve_value` charges a ``Macros`` budget
    for ``raw``, without building the text. A reader that expands one value and copies it to
    other entries (the lookup's shared bodies) charges each copy this, so every reader draws
    the same total from the budget."""
    cost, last = 0, ""
    part = raw.strip()
    if part[:1].isalpha() and not _NOT_A_NAME(part):
        parts = [part]
    elif literal_value(raw) is not None:
        return 0, ""
    else:
        parts = split_concatenation(part)
    for part in parts:
        c = part[0]
        if (c == "{" or c == '"' or c.isdigit()) and literal_value(part) is not None:
            continue
        text = strings.get(part.lower())
        if text is not None:
            cost += len(text)
            last = part
    return cost, last


def _too_long(part: str) -> str:
    return (
        f"macro {_shown(part)} makes the value longer than {MAX_VALUE:,} characters"
        " (macros built from macros double at each level); annobib does not read such a file"
    )


# field name as written -> its lower case, one string for every entry (each entry's own copy
# of "title", "author" … was 21 MB at 50,000 entries, in each process that built them)
_NAMES: dict[str, str] = {}
_NAMES_MAX = 10_000  # distinct names kept (a file of made-up names must not grow it for ever)


def _field_name(name: str) -> str:
    low = _NAMES.get(name)
    if low is None:
        low = sys.intern(name.lower())
        if len(_NAMES) < _NAMES_MAX:
            _NAMES[name] = low
    return low


def entry_from_record(item: tuple, strings: dict, line: int, source: str | None) -> tuple[Entry, bool]:
    """(Entry, used_macros) from an entry record."""
    _, _, _, etype, key, fields, _ = item
    values: dict[str, str] = {}
    used = False
    for name, raw in fields:
        # most values are one {…} group with no brace inside: what literal_value returns, at C speed
        # (550,000 values at 50,000 entries)
        if raw[:1] == "{" and raw[-1:] == "}" and raw.count("{") == 1 and raw.count("}") == 1:
            values.setdefault(_field_name(name), raw[1:-1])
            continue
        if raw.isdigit():  # `year = 2001`: a number is its own text (literal_value's answer)
            values.setdefault(_field_name(name), raw)
            continue
        value, macro = resolve_value(raw, strings)
        used = used or macro and not raw.strip().isdigit()
        values.setdefault(_field_name(name), value)
    return Entry(key=key, type=etype.lower(), fields=values, line=line, source=source), used
