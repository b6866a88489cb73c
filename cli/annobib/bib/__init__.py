"""The one way in and out of .bib files.

    lib = read_library(path)          # Library: entries in file order, problems, blocks
    entry = lib.get("liu2025meifei")
    entry.fields["annote"] = "…"       # edit in place (or lib.add / lib.remove)
    diff = write_library(lib)          # atomic; refuses if the file changed since it was read

Values in ``entry.fields`` are the text without the outer braces/quotes, with @string macros
expanded; field names are lower-case. Untouched blocks are written back byte for byte; an
edited entry is spliced (only the changed field's text changes, in the delimiters it was
written with; new fields follow the entry's own indentation); blocks that fail to parse are
reported in ``lib.problems`` (with line numbers) and kept verbatim.

Names are loaded on first use (``from annobib.bib import read_library`` works as usual), so
code that needs only part of the package does not pay for the rest.
"""

from __future__ import annotations

import importlib

_EXPORTS = {
    "Block": "annobib.bib.library",
    "Library": "annobib.bib.library",
    "ParseProblem": "annobib.bib.library",
    "parse_library": "annobib.bib.library",
    "read_library": "annobib.bib.library",
    "serialize_entry": "annobib.bib.writer",
    "unified_diff": "annobib.bib.writer",
    "write_library": "annobib.bib.writer",
}

__all__ = list(_EXPORTS)


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'annobib.bib' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(_EXPORTS))
