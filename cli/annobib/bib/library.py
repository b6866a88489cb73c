"""Reading .bib text into a Library of blocks that remembers their original text.

Values in ``Entry.fields`` are the field text without its outer delimiters (``{…}`` or
``"…"``), with ``@string`` macros expanded (``journal = jps`` reads as the journal's name;
the file keeps ``jps`` unless the field is edited). Field names are lower-cased in
``Entry.fields``; the file keeps the case it was written in.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, Sequence

from annobib.bib.parse import chunk_bounds, parse_chunks
from annobib.bib.spans import scan_entry
from annobib.bib.values import TOTAL_BASE, Macros, MacroTooLarge, entry_from_record, resolve_value
from annobib.core import fork
from annobib.core.files import acquire, release
from annobib.core.inputs import decode_utf8
from annobib.errors import read_input_bytes
from annobib.model import Entry

# A parse record of one block, as bib.parse makes it: (kind, offset, line, …); an entry's is
# (kind, offset, line, type, key, fields, problem), a string's (kind, offset, line, name, value).
Record = tuple[Any, ...]
# (type, key, field names, their values) as read: two flat tuples, not a tuple of (name, value)
# pairs (466,000 pairs were 27 MB at 50,000 entries, and is_modified built them all again)
Snapshot = tuple[str, str, tuple[str, ...], tuple[str, ...]]
Stamp = tuple[int, int, str]  # (size, mtime_ns, sha256) of a file as read


@dataclass
class ParseProblem:
    line: int  # 1-based
    message: str
    raw: str
    source: str | None = None

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.source else f"line {self.line}"
        return f"{where}: {self.message}"


class Block:
    """A stretch of the file: an entry, @string, @preamble, comment, or a block that failed.

    An entry read from a file is built on first use (``block.entry``): a command that changes
    one entry of 50,000 builds one, not 50,000 (``block.key`` needs none)."""

    __slots__ = (
        "kind",
        "raw",
        "line",
        "_entry",
        "_snapshot",
        "problem",
        "type_written",
        "offset",
        "_record",
        "_strings",
        "_source",
    )

    def __init__(
        self,
        kind: str,
        raw: str,
        line: int,
        entry: Entry | None = None,
        snapshot: Snapshot | None = None,
        problem: str | None = None,
        type_written: str | None = None,
        offset: int = -1,
        *,
        record: Record | None = None,
        strings: dict[str, str] | None = None,
        source: str | None = None,
    ):
        self.kind = kind  # "entry" | "string" | "preamble" | "comment" | "failed" | "text" (unparsed)
        self.raw = raw
        self.line = line  # 1-based
        self._entry = entry
        self._snapshot = snapshot  # (type, key, fields) as read, to tell edited entries apart
        self.problem = problem  # why the block failed, or a warning about it (duplicate field)
        self.type_written = type_written  # entry type as written (case kept)
        self.offset = offset  # where ``raw`` starts in the text read (-1: not from the file)
        self._record, self._strings, self._source = record, strings, source  # to build the entry

    def __repr__(self) -> str:
        return f"Block({self.kind!r}, line={self.line}, key={self.key!r})"

    @property
    def entry(self) -> Entry | None:
        record = self._record
        if record is not None:
            try:
                entry, _ = entry_from_record(
                    record, self._strings if self._strings is not None else {}, self.line, self._source
                )
            except MacroTooLarge as exc:  # built when first used: say where, as the reader would
                where = f"{self._source}:{self.line}" if self._source else f"line {self.line}"
                raise MacroTooLarge(f"{where}: {_block_name(record)}: {exc}") from None
            self._entry, self._snapshot = entry, _snapshot(entry)
            self._record = self._strings = None
        return self._entry

    @entry.setter
    def entry(self, value: Entry | None) -> None:
        self._entry, self._record, self._strings = value, None, None

    def build_with(self, fields: Sequence[tuple[str, str]]) -> Entry:
        """Build the entry with these fields instead of the values as read (which are never
        parsed): an entry fixed, spliced and checked in another process (checks.halves). It has
        no snapshot, so it counts as modified, and only the text made for it can write it."""
        record = self._record
        if record is None:
            raise AssertionError(f"block at line {self.line} is built already")
        self._entry = Entry(
            key=record[4], type=record[3].lower(), fields=dict(fields), line=self.line, source=self._source
        )
        self._snapshot = self._record = self._strings = None
        return self._entry

    def has_field(self, name: str) -> bool:
        """Whether the entry holds field ``name`` (lower case), without building it."""
        record = self._record
        if record is not None:
            return any(n.lower() == name for n, _ in record[5])
        return self._entry is not None and name in self._entry.fields

    @property
    def snapshot(self) -> Snapshot | None:
        if self._record is not None:
            self.entry  # noqa: B018 - builds the entry and its snapshot
        return self._snapshot

    @snapshot.setter
    def snapshot(self, value: Snapshot | None) -> None:
        self._snapshot = value

    @property
    def key(self) -> str | None:
        """The entry's key (as it is now), without building the entry."""
        if self._record is not None:
            return str(self._record[4])
        return self._entry.key if self._entry is not None else None

    @property
    def untouched(self) -> bool:
        """The entry was never built, so it cannot have been edited."""
        return self._record is not None


@dataclass
class Library:
    blocks: list[Block] = field(default_factory=list)
    path: Path | None = None
    stamp: Stamp | None = None  # of the file as read
    bom: bool = False  # the file started with a UTF-8 byte-order mark (kept on write)
    strings: dict[str, str] = field(default_factory=dict)  # @string macros, lower-case names
    extra_problems: list[ParseProblem] = field(default_factory=list)
    changed: bool = False  # set by write_library: the text written differed from the file's
    lock_token: str | None = None  # held since the read (read_library(lock=True))
    # the text read (original_text): itself, or the pieces the blocks were cut from when they add
    # up to it (the file's text is then held once, in the blocks: 24 MB less at 50,000 entries)
    _text: str = field(default="", repr=False)
    _pieces: tuple[str, ...] | None = field(default=None, repr=False)

    @property
    def original_text(self) -> str:
        """The text as read (or as last written by :func:`annobib.bib.writer.write_library`)."""
        return self._text if self._pieces is None else "".join(self._pieces)

    @original_text.setter
    def original_text(self, text: str) -> None:
        self._text, self._pieces = text, None

    def keep_read_text(self, text: str) -> None:
        """Remember ``text``, the text these blocks were read from: as the blocks' own pieces
        when they add up to it (they do but for reader edge cases), else as it is. The pieces
        are taken now, so removing or adding blocks later does not change it."""
        pieces = tuple(b.raw for b in self.blocks)
        if len(pieces) > 1 and "".join(pieces) == text:
            self._text, self._pieces = "", pieces
        else:
            self.original_text = text

    def keep_written(self, pieces: Sequence[str]) -> None:
        """The text just written, as the pieces it was written from (never joined: see
        :meth:`keep_read_text`)."""
        self._text, self._pieces = ("", tuple(pieces)) if len(pieces) > 1 else ("".join(pieces), None)

    def reads_as(self, text: str | Sequence[str]) -> bool:
        """Whether ``text`` (or these pieces end to end) is the original text, compared piece
        by piece (no copy of either made whole)."""
        mine = (self._text,) if self._pieces is None else self._pieces
        return _same_text(mine, (text,) if isinstance(text, str) else text)

    def release(self) -> None:
        """Let other writers in (read_library(lock=True) took the file's lock)."""
        if self.lock_token is not None:
            release(self.lock_token)
            self.lock_token = None

    @property
    def entries(self) -> list[Entry]:
        # only entry blocks hold one: the others skip the property (validate asks 5 times; 50,000
        # broken blocks cost 50,000 property calls each time)
        return [e for b in self.blocks if b.kind == "entry" and (e := b.entry) is not None]

    @property
    def problems(self) -> list[ParseProblem]:
        src = str(self.path) if self.path else None
        out = []
        said: dict[str | None, str] = {}  # one message string per distinct reason (50,000 alike)
        for b in self.blocks:
            kind = b.kind
            if kind == "failed":
                msg = said.get(b.problem)
                if msg is None:
                    msg = said[b.problem] = f"{b.problem or 'could not parse this block'}; it is kept verbatim"
                out.append(ParseProblem(b.line, msg, b.raw, src))
        out += [
            ParseProblem(b.line, f"entry {b.entry.key}: {b.problem}", b.raw, src)
            for b in self.blocks
            if b.kind == "entry" and b.problem and b.entry is not None
        ]
        out += self.extra_problems
        return sorted(out, key=lambda p: p.line)

    def get(self, key: str) -> Entry | None:
        block = self.block_of(key)
        return block.entry if block is not None else None

    def keys(self) -> list[str]:
        return [b.key for b in self.blocks if b.key is not None]

    def block_of(self, key: str) -> Block | None:
        for b in self.blocks:
            if b.key == key:
                return b
        return None

    def first_blocks(self) -> dict[str, Block]:
        """Each key's first block, from one pass: for callers that look up many keys at once
        (:meth:`block_of` scans every block, so 6,000 keys of a 1 MB file took 10-26 s)."""
        first: dict[str, Block] = {}
        for b in self.blocks:
            k = b.key
            if k is not None and k not in first:
                first[k] = b
        return first

    def add(self, entry: Entry, after: str | None = None) -> None:
        block = Block("entry", "", 0, entry, None)
        if after is not None:
            for i, b in enumerate(self.blocks):
                if b.key == after:
                    self.blocks.insert(i + 1, block)
                    return
        self.blocks.append(block)

    def remove(self, key: str) -> Entry | None:
        """Take the entry out. Text after it that is not on its closing line (a comment about
        the next entry, free notes) stays in the file: it is kept as a comment block."""
        return self.remove_many([key])[0]

    def remove_many(self, keys: list[str]) -> list[Entry | None]:
        """:meth:`remove` for each of ``keys`` (the first block of each), in one pass."""
        wanted = set(keys)
        removed: dict[str, Entry | None] = {}
        kept: list[Block] = []
        for b in self.blocks:
            k = b.key
            if k is None or k not in wanted or k in removed:
                kept.append(b)
                continue
            removed[k] = b.entry
            tail = _text_after_entry(b.raw)
            if tail:
                line = b.line + b.raw[: len(b.raw) - len(tail)].count("\n")
                offset = b.offset + len(b.raw) - len(tail) if b.offset >= 0 else -1
                kept.append(Block("comment", tail, line, offset=offset))
        if removed:
            self.blocks[:] = kept
        return [removed.get(k) for k in keys]


def _text_after_entry(raw: str) -> str:
    """What follows an entry's closing line in its block, from the first line that is not
    blank ('' when there is nothing but blank lines, or the entry cannot be located)."""
    if not raw or "\n" not in raw.rstrip() and "\r" not in raw.rstrip():
        return ""
    spans = scan_entry(raw)
    if spans is None:
        return ""
    rest = raw[spans.close + 1 :]
    eol = min((i for i in (rest.find("\n"), rest.find("\r")) if i >= 0), default=-1)
    if eol < 0:
        return ""
    rest = rest[eol:]
    stripped = rest.lstrip("\r\n \t")
    if not stripped:
        return ""
    # keep from the start of the first non-blank line
    start = len(rest) - len(stripped)
    line_start = max(rest.rfind("\n", 0, start), rest.rfind("\r", 0, start)) + 1
    return rest[line_start:]


def _same_text(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether two lists of pieces make the same text end to end (pieces cut anywhere)."""
    if sum(map(len, a)) != sum(map(len, b)):
        return False
    ia = ib = pa = pb = 0  # the piece of each, and the place in it
    while ia < len(a) and ib < len(b):
        x, y = a[ia], b[ib]
        n = min(len(x) - pa, len(y) - pb)
        # a whole piece against a whole piece (the usual case) is no copy: x[0:len(x)] is x
        if x[pa : pa + n] != y[pb : pb + n]:
            return False
        pa, pb = pa + n, pb + n
        if pa == len(x):
            ia, pa = ia + 1, 0
        if pb == len(y):
            ib, pb = ib + 1, 0
    return True


def _snapshot(entry: Entry) -> Snapshot:
    fields = entry.fields
    return (entry.type, entry.key, tuple(fields), tuple(fields.values()))


def file_stamp(path: Path, data: bytes | bytearray) -> Stamp:
    st = os.stat(path)
    return (st.st_size, st.st_mtime_ns, hashlib.sha256(data).hexdigest())


decode_bib_bytes = decode_utf8  # the one UTF-8 policy (core.inputs); the name other modules use


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """The file's bytes, or one clear InputError (missing, directory, permission …)."""
    return read_input_bytes(Path(path), "a .bib file")


class RecordStore(Protocol):
    """Where parses of chunks are kept between runs (:class:`annobib.lookup.view.ParseCache`)."""

    def records(self, path: Path) -> dict[bytes, list[Record]]: ...  # chunk digest -> its records

    def keep(self, path: Path, fresh: dict[bytes, list[Record]]) -> None: ...  # the chunks parsed by this read


def read_library(path: str | os.PathLike[str], *, store: RecordStore | None = None, lock: bool = False) -> Library:
    """Read a .bib file. With a ``store``, unchanged chunks are taken from it instead of being
    parsed, and the fresh parses are handed back to it; without one, everything is parsed.

    With ``lock`` the file's write lock is taken before the read and kept (``lib.release()``,
    or the end of the process, lets it go): read, check and write are then one step that no
    other annobib writer can come between — a second writer waits instead of being refused."""
    path = Path(path)
    token = acquire(path) if lock else None
    try:
        lib = _read_library(path, store)
    except BaseException:
        if token is not None:
            release(token)
        raise
    lib.lock_token = token
    return lib


def _read_library(path: Path, store: RecordStore | None) -> Library:
    data = read_bytes(path)
    text = decode_bib_bytes(data, str(path))  # validates the whole file once
    records = store.records(path) if store is not None else None
    lib, fresh = _library_and_fresh(data, path, records, text)
    lib.stamp = file_stamp(path, data)
    if store is not None and fresh:
        store.keep(path, fresh)
    return lib


def parse_library(text: str, path: Path | None = None) -> Library:
    """Parse .bib text (no file, no cache)."""
    data = text.encode("utf-8")
    return library_from_bytes(data, path, text=text)


def chunk_digest(chunk: bytes) -> bytes:
    return hashlib.sha1(chunk).digest()


def split_chunks(data: bytes) -> tuple[list[bytes], list[int]]:
    """The file's chunks (bytes) and the 0-based line where each begins."""
    bounds = chunk_bounds(data)
    bounds.append(len(data))
    chunks = [data[bounds[i] : bounds[i + 1]] for i in range(len(bounds) - 1)]
    lines = []
    line = 0
    for c in chunks:
        lines.append(line)
        line += c.count(b"\n")
    return chunks, lines


def parse_records(
    chunks: list[bytes], digests: list[bytes], records: dict[bytes, list[Record]] | None
) -> tuple[list[list[Record]], dict[bytes, list[Record]]]:
    """A record per chunk: from ``records`` (digest -> record) when known, else parsed now.

    Returns (records in chunk order, {digest: record} for the chunks parsed now)."""
    out: list[list[Record]] = [[] for _ in chunks]
    missing = []
    for i, d in enumerate(digests):
        rec = records.get(d) if records else None
        if rec is None:
            missing.append(i)
        else:
            out[i] = rec
    fresh: dict[bytes, list[Record]] = {}
    if missing:
        texts = [
            chunks[i].decode("utf-8", "replace").lstrip("\ufeff") if i == 0 else chunks[i].decode("utf-8", "replace")
            for i in missing
        ]
        parsed = _parsed(texts)
        for i, rec in zip(missing, parsed):
            out[i] = rec
            fresh[digests[i]] = rec
    return out, fresh


PARALLEL_PARSE_MIN = 5000  # chunks to parse before a second process pays for itself


def _parsed(texts: list[str]) -> list[list[Record]]:
    """:func:`parse_chunks` of ``texts``; many distinct ones are parsed in two processes, the
    second half by a forked child whose records come back marshalled (a record depends on its
    chunk's text alone, so the halves give what one call gives, and a text that repeats is
    still parsed once). A cold read of 50,000 entries spent 60-70 % of its time here, on one
    core of two, before anything else could start."""
    distinct = list(dict.fromkeys(texts))
    if len(distinct) >= PARALLEL_PARSE_MIN and fork.available():
        cut = len(distinct) // 2
        child = fork.in_child(lambda: parse_chunks(distinct[cut:]))
        if child is not None:
            mine = parse_chunks(distinct[:cut])
            theirs = child()
            records = mine + (theirs if theirs is not None else parse_chunks(distinct[cut:]))
            if len(distinct) == len(texts):
                return records
            once = dict(zip(distinct, records))
            return [once[t] for t in texts]
    return parse_chunks(texts)


def library_from_bytes(
    data: bytes, path: Path | None, records: dict[bytes, list[Record]] | None = None, text: str | None = None
) -> Library:
    return _library_and_fresh(data, path, records, text)[0]


def _library_and_fresh(
    data: bytes, path: Path | None, records: dict[bytes, list[Record]] | None, text: str | None
) -> tuple[Library, dict[bytes, list[Record]]]:
    """The library, and the records of the chunks parsed now (for the caller's store)."""
    bom = data.startswith(b"\xef\xbb\xbf")
    chunks, lines = split_chunks(data)
    digests = [chunk_digest(c) for c in chunks]
    recs, fresh = parse_records(chunks, digests, records)
    lib = build_library(chunks, lines, recs, path)
    lib.bom = bom
    lib.keep_read_text(text if text is not None else data.decode("utf-8", "replace").lstrip("\ufeff"))
    return lib, fresh


def macro_budget(size: int) -> Macros:
    """An empty macro table whose expansions may add TOTAL_BASE + 4 x ``size`` characters."""
    return Macros(budget=TOTAL_BASE + 4 * size)


def collect_strings(recs: list[list[Record]], size: int = 0, source: str | None = None) -> Macros:
    strings = macro_budget(size)
    for rec in recs:
        for item in rec:
            if item[0] == "string":
                try:
                    strings[item[3].strip().lower()] = resolve_value(item[4], strings)[0]
                except MacroTooLarge as exc:
                    named = f"{_block_name(item)}: {exc}"
                    raise MacroTooLarge(f"{source}: {named}" if source else named) from None
    return strings


def build_library(
    chunks: Sequence[bytes | str],
    lines: list[int],
    recs: list[list[Record]],
    path: Path | None,
    *,
    size: int | None = None,
) -> Library:
    """The library of these chunks (bytes as read, or text) and their records; ``size``: the
    file's size in bytes when the chunks do not add up to it (the macro budget)."""
    source = str(path) if path else None
    strings = macro_budget(size if size is not None else sum(len(c) for c in chunks))
    blocks: list[Block] = []
    shared = False  # an entry refers to ``strings``: copy it before the next @string changes it
    seen_keys: dict[str, int] = {}
    extra: list[ParseProblem] = []
    for ci, (chunk, rec) in enumerate(zip(chunks, recs)):
        text = chunk if isinstance(chunk, str) else chunk.decode("utf-8", "replace")
        if ci == 0 and text.startswith("\ufeff"):
            text = text[1:]  # the BOM is remembered in Library.bom; offsets exclude it
        if not rec:
            if text:
                if blocks and blocks[-1].kind != "comment" and ci > 0:
                    blocks[-1].raw += text
                else:
                    blocks.append(Block("comment", text, lines[ci] + 1))
            continue
        offsets = [it[1] for it in rec]
        offsets[0] = 0
        offsets.append(len(text))
        for j, item in enumerate(rec):
            raw = text[offsets[j] : offsets[j + 1]]
            line = lines[ci] + item[2] + 1
            kind = item[0]
            if kind == "entry":
                key = item[4]
                if key in seen_keys:
                    extra.append(
                        ParseProblem(line, f"duplicate key {key} (first defined on line {seen_keys[key]})", raw, source)
                    )
                else:
                    seen_keys[key] = line
                blocks.append(
                    Block(
                        "entry",
                        raw,
                        line,
                        problem=item[6],
                        type_written=item[3],
                        record=item,
                        strings=strings,
                        source=source,
                    )
                )
                shared = True
            elif kind == "string":
                if shared:  # entries built later must see the macros as they were at their place
                    strings, shared = strings.fork() if isinstance(strings, Macros) else dict(strings), False
                try:
                    strings[item[3].strip().lower()] = resolve_value(item[4], strings)[0]
                except MacroTooLarge as exc:
                    where = f"{source}:{line}" if source else f"line {line}"
                    raise MacroTooLarge(f"{where}: {_block_name(item)}: {exc}") from None
                blocks.append(Block("string", raw, line))
            elif kind == "preamble":
                blocks.append(Block("preamble", raw, line))
            elif kind == "comment":
                blocks.append(Block("comment", raw, line))
            elif kind == "text":  # plain entries left unparsed (bib.targeted): copied verbatim
                blocks.append(Block("text", raw, line))
            else:
                blocks.append(Block("failed", raw, line, problem=item[3]))
    pos = 0
    for b in blocks:  # the blocks' texts, end to end, are the file's text
        b.offset = pos
        pos += len(b.raw)
    lib = Library(blocks=blocks, path=path, strings=strings, extra_problems=extra)
    return lib


def _block_name(item: Record) -> str:
    name = item[3] if item[0] == "string" else item[4]
    shown = "".join(c if c.isprintable() else "?" for c in str(name).strip()[:40])
    return f"@string {shown}" if item[0] == "string" else f"entry {shown}"


def is_modified(block: Block) -> bool:
    if block.untouched:
        return False
    entry = block.entry
    if entry is None:
        return False
    was = block.snapshot
    if was is None:
        return True
    fields = entry.fields
    return entry.type != was[0] or entry.key != was[1] or tuple(fields) != was[2] or tuple(fields.values()) != was[3]


__all__ = ["Block", "Library", "ParseProblem", "read_library", "parse_library", "is_modified", "file_stamp"]
