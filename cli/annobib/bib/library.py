"""Reading .bib text into a Library of blocks that remembers their original text."""

from __future__ import annotations

import copy
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from annobib.errors import InputError
from annobib.model import Entry


@dataclass
class ParseProblem:
    line: int  # 1-based
    message: str
    raw: str


@dataclass
class Block:
    """A stretch of the file: an entry, @string, @preamble, comment, or a block that failed."""

    kind: str  # "entry" | "string" | "preamble" | "comment" | "failed"
    raw: str
    line: int  # 1-based
    entry: Entry | None = None
    snapshot: tuple | None = None  # (type, key, fields) as read, to tell edited entries apart


@dataclass
class Library:
    blocks: list[Block] = field(default_factory=list)
    path: Path | None = None
    original_text: str = ""
    stamp: tuple | None = None  # (size, mtime_ns, sha256) of the file as read

    @property
    def entries(self) -> list[Entry]:
        return [b.entry for b in self.blocks if b.entry is not None]

    @property
    def problems(self) -> list[ParseProblem]:
        return [
            ParseProblem(b.line, "could not parse this block; it is kept verbatim", b.raw)
            for b in self.blocks
            if b.kind == "failed"
        ]

    def get(self, key: str) -> Entry | None:
        for entry in self.entries:
            if entry.key == key:
                return entry
        return None

    def keys(self) -> list[str]:
        return [e.key for e in self.entries]

    def add(self, entry: Entry, after: str | None = None) -> None:
        block = Block("entry", "", 0, entry, None)
        if after is not None:
            for i, b in enumerate(self.blocks):
                if b.entry is not None and b.entry.key == after:
                    self.blocks.insert(i + 1, block)
                    return
        self.blocks.append(block)

    def remove(self, key: str) -> Entry | None:
        for i, b in enumerate(self.blocks):
            if b.entry is not None and b.entry.key == key:
                del self.blocks[i]
                return b.entry
        return None


def _snapshot(entry: Entry) -> tuple:
    return (entry.type, entry.key, tuple(entry.fields.items()))


def file_stamp(path: Path, data: bytes) -> tuple:
    st = os.stat(path)
    return (st.st_size, st.st_mtime_ns, hashlib.sha256(data).hexdigest())


def decode_bib_bytes(data: bytes, name: str) -> str:
    if b"\x00" in data:
        raise InputError(f"{name}: not a text file (it contains NUL bytes)")
    try:
        return data.decode("utf-8-sig") if data.startswith(b"\xef\xbb\xbf") else data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(f"{name}:{line}: not valid UTF-8 (byte 0x{data[exc.start]:02x}); convert it to UTF-8 first") from None


def read_library(path: str | os.PathLike) -> Library:
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a .bib file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    text = decode_bib_bytes(data, str(path))
    lib = parse_library(text, path)
    lib.stamp = file_stamp(path, data)
    return lib


def parse_library(text: str, path: Path | None = None) -> Library:
    import bibtexparser
    from bibtexparser import model as bm

    parsed = bibtexparser.parse_string(text, parse_stack=[])
    lines = text.splitlines(keepends=True)
    starts = [b.start_line for b in parsed.blocks]
    blocks: list[Block] = []
    for i, b in enumerate(parsed.blocks):
        # Each block owns the text from its first line up to the next block's first line,
        # so concatenating the raws gives back the file exactly.
        end = starts[i + 1] if i + 1 < len(starts) else len(lines)
        begin = 0 if i == 0 else b.start_line
        raw = "".join(lines[begin:end])
        line = b.start_line + 1
        if isinstance(b, bm.Entry):
            entry = Entry(
                key=b.key,
                type=b.entry_type.lower(),
                fields={f.key.lower(): f.value for f in b.fields},
                line=line,
                source=str(path) if path else None,
            )
            blocks.append(Block("entry", raw, line, entry, _snapshot(entry)))
        elif isinstance(b, bm.String):
            blocks.append(Block("string", raw, line))
        elif isinstance(b, bm.Preamble):
            blocks.append(Block("preamble", raw, line))
        elif isinstance(b, (bm.ExplicitComment, bm.ImplicitComment)):
            blocks.append(Block("comment", raw, line))
        else:
            blocks.append(Block("failed", raw, line))
    if not parsed.blocks and text:
        blocks.append(Block("comment", text, 1))
    lib = Library(blocks=blocks, path=path, original_text=text)
    # Keep a deep copy of nothing: snapshots are tuples of strings.
    return lib


def is_modified(block: Block) -> bool:
    return block.entry is not None and (block.snapshot is None or _snapshot(block.entry) != block.snapshot)


__all__ = ["Block", "Library", "ParseProblem", "read_library", "parse_library", "is_modified", "copy"]
