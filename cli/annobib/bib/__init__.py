"""The one way in and out of .bib files.

    lib = read_library(path)          # Library: entries in file order, problems, blocks
    entry = lib.get("liu2025meifei")
    entry.fields["annote"] = "…"       # edit in place (or lib.add / lib.remove)
    diff = write_library(lib)          # atomic; refuses if the file changed since it was read

Untouched blocks are written back byte for byte; blocks that fail to parse are reported in
``lib.problems`` (with line numbers) and kept verbatim.
"""

from annobib.bib.library import Block, Library, ParseProblem, parse_library, read_library
from annobib.bib.writer import serialize_entry, unified_diff, write_library

__all__ = [
    "Block",
    "Library",
    "ParseProblem",
    "parse_library",
    "read_library",
    "serialize_entry",
    "unified_diff",
    "write_library",
]
