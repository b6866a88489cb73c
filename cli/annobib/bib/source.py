"""Entries as written in the file: the text ``rm`` prints and ``import`` can put back verbatim."""

from __future__ import annotations

import re

from annobib.bib.library import Block, Library, _snapshot
from annobib.bib.spans import scan_entry
from annobib.bib.values import split_concatenation, literal_value
from annobib.model import Entry

_LINE_BREAKS = ("\n", "\r")


def entry_text(lib: Library, key: str, block: Block | None = None) -> str | None:
    """The entry's text exactly as in the file: from its first line (a comment right above it
    in its block comes with it, as ``Library.remove`` takes that away too) to its closing
    delimiter, ``}`` or ``)``; a line end after it. None when it was not read from the file.
    ``block``: the key's block when the caller has it (from ``Library.first_blocks``)."""
    block = block or lib.block_of(key)
    if block is None or not block.raw or block.snapshot is None:
        return None
    raw = block.raw
    spans = scan_entry(raw)
    if spans is None:
        return None
    stripped = raw.lstrip(" \t\r\n")
    start = len(raw) - len(stripped)
    start = max(raw.rfind("\n", 0, start), raw.rfind("\r", 0, start)) + 1  # keep the indentation
    nl = "\r\n" if "\r\n" in raw else "\n"
    return raw[start : spans.close + 1] + nl


def macros_used(lib: Library, texts: list[str]) -> list[str]:
    """The ``@string`` blocks (as written) that the entries in ``texts`` use, with the macros
    those use in turn, in file order: printed with removed entries, the text reads back alone."""
    defined: dict[str, Block] = {}
    for block in lib.blocks:
        if block.kind == "string":
            m = re.search(r"@\s*string\s*[{(]\s*([^\s=#{}()\",]+)\s*=", block.raw, re.I)
            if m:
                defined.setdefault(m.group(1).lower(), block)
    if not defined:
        return []
    wanted: set[str] = set()
    todo = list(texts)
    while todo:
        text = todo.pop()
        for raw in _values(text, scan_entry):
            for part in split_concatenation(raw.strip()):
                name = part.strip().lower()
                if literal_value(part) is None and name in defined and name not in wanted:
                    wanted.add(name)
                    todo.append(_as_entry(defined[name].raw))
    return [
        b.raw.strip("\r\n") + "\n"
        for b in lib.blocks
        if b.kind == "string" and any(defined.get(n) is b for n in wanted)
    ]


def _as_entry(raw: str) -> str:
    """``@string{a = …}`` read as an entry with one field, so its value can be scanned."""
    return re.sub(r"@\s*string\s*([{(])", r"@string\1 x,", raw, count=1, flags=re.I)


def _values(text: str, scan_entry) -> list[str]:
    spans = scan_entry(text)
    if spans is None:
        return []
    return [text[f.value_start : f.value_end] for f in spans.fields]


def add_verbatim(lib: Library, entry: Entry, text: str) -> None:
    """Append ``entry`` written as ``text`` (its own text from another file): written back byte
    for byte, as a block read from this file would be. The caller has checked that ``text``
    reads as ``entry`` here (same macros)."""
    last = lib.blocks[-1].raw if lib.blocks else ""
    sep = "" if not last or last.endswith(("\n\n", "\r\n\r\n")) else ("\n" if last.endswith(_LINE_BREAKS) else "\n\n")
    lib.blocks.append(Block("entry", sep + text, 0, entry, _snapshot(entry)))
