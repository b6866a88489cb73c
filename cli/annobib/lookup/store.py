"""The cache store: where cached views live, their file format, and when they are valid.

One file set per bibliography, in ``$ANNOBIB_CACHE_DIR`` (else ``$XDG_CACHE_HOME/annobib``, else
``~/.cache/annobib``), named after a hash of the file's absolute path (``*.view``, ``*.sum``,
``*.trust``; see :mod:`annobib.lookup.view`). A view file is a magic line, a marshalled header
and sections, each read only when wanted; the haystacks start on a page boundary and are mapped
(``mmap``), so a search scans them in place instead of copying 16 MB in first. Every file records the code signature: the hash of
the source of the modules that shape cached data, so a changed, moved or renamed module can
never leave a cache made by other code in use.
"""

from __future__ import annotations

import functools
import hashlib
import marshal
import mmap
import os
import struct
import zlib
from array import array
from itertools import accumulate
from pathlib import Path
from typing import Any, BinaryIO, NoReturn

from annobib import __version__
from annobib.core.dirs import cache_dir, make_dirs  # the one answer for every cache file
from annobib.core.files import atomic_write_bytes
from annobib.core.sealed import Damaged, check, load_sealed, seal, warn_damaged
from annobib.errors import AnnobibError, InputError

FORMAT = 11
MAGIC = b"ANNOBIB-VIEW2\n"  # then the header's length and CRC-32, the header, the sections
_HEAD = struct.Struct("<II")
# Modules (or whole packages) whose code shapes what the cache holds, named as modules and
# resolved to files by :func:`_sources` (a moved module fails loudly, never silently drops
# out); tests/test_layers.py checks they cover everything the builder and rows import.
SHAPERS = (
    "annobib.lookup",
    "annobib.bib",
    "annobib.core",
    "annobib.text",
    "annobib.names",
    "annobib.model",
    "annobib.errors",
    "annobib.perf",
)
_PACKAGE = Path(__file__).resolve().parents[1]
# Raw sections written at a page boundary and mapped, not read: the search haystacks (16 MB at
# 50,000 entries) are scanned once per search, and copying them in cost more than the scan.
MAPPED = ("hay.0",)
PAGE = mmap.ALLOCATIONGRANULARITY


class Digests:
    """SHA-1 digests of chunks, 20 bytes each, kept in one byte string (a slice per lookup,
    no list of 50,000 objects)."""

    SIZE = 20

    def __init__(self, blob: bytes | bytearray = b""):
        self.blob = bytes(blob)

    def __len__(self) -> int:
        return len(self.blob) // self.SIZE

    def __getitem__(self, i: int) -> bytes:
        n = self.SIZE
        if i < 0:
            i += len(self)
        return self.blob[i * n : (i + 1) * n]

    def __iter__(self):
        b, n = self.blob, self.SIZE
        return (b[i : i + n] for i in range(0, len(b), n))

    def __eq__(self, other) -> bool:
        return isinstance(other, Digests) and self.blob == other.blob

    def part(self, start: int, stop: int | None = None) -> bytes:
        """The blob of digests ``start`` to ``stop`` (exclusive)."""
        n = self.SIZE
        return self.blob[start * n : None if stop is None else stop * n]


def flagged(flags: bytes | bytearray, flag: int) -> list[int]:
    """Indices whose flags have ``flag`` set (found with bytes.find: they are few)."""
    marked = bytes(flags).translate(bytes(1 if i & flag else 0 for i in range(256)))
    out = []
    k = marked.find(1)
    while k >= 0:
        out.append(k)
        k = marked.find(1, k + 1)
    return out


class ChunkTable:
    """Per chunk of a file: the SHA-1 of its bytes, how many entries it holds, flags (1 defines
    @string macros, 2 an entry uses them, 4 it has a problem), its parse record when it holds
    more than entries (else None: the entries' records are in the ``rec`` section) and its
    problems. Kept as columns, a handful of objects rather than one tuple per chunk: loading
    50,000 chunks is a copy, not 250,000 objects."""

    DIGEST = 20

    def __init__(self, section: tuple | None = None):
        empty: tuple[Any, ...] = (b"", b"", b"", {}, {})
        dig, count, flags, extra, probs = section or empty
        self.dig = bytearray(dig)
        self.count = array("I")
        self.count.frombytes(count)
        self.flags = bytearray(flags)
        self.extra: dict[int, bytes] = dict(extra)
        self.probs: dict[int, list] = dict(probs)

    def section(self) -> tuple:
        return (bytes(self.dig), self.count.tobytes(), bytes(self.flags), self.extra, self.probs)

    def __len__(self) -> int:
        return len(self.flags)

    def digest(self, k: int) -> bytes:
        return bytes(self.dig[k * self.DIGEST : (k + 1) * self.DIGEST])

    def digests(self) -> Digests:
        return Digests(self.dig)

    def flagged(self, flag: int) -> list[int]:
        return flagged(self.flags, flag)

    def entry_starts(self) -> list[int]:
        """Index of each chunk's first entry, and the number of entries at the end."""
        return list(accumulate(self.count, initial=0))

    def append(self, digest: bytes, entries: int, flags: int, extra: bytes | None, probs: list) -> None:
        k = len(self.flags)
        self.dig += digest
        self.count.append(entries)
        self.flags.append(flags)
        if extra is not None:
            self.extra[k] = extra
        if probs:
            self.probs[k] = probs

    def extend(self, other: ChunkTable, o0: int, o1: int) -> None:
        """Append ``other``'s chunks ``o0`` to ``o1`` (inclusive)."""
        shift = len(self.flags) - o0
        n = self.DIGEST
        self.dig += other.dig[o0 * n : (o1 + 1) * n]
        self.count.extend(other.count[o0 : o1 + 1])
        self.flags += other.flags[o0 : o1 + 1]
        tables: tuple[tuple[dict, dict], ...] = ((other.extra, self.extra), (other.probs, self.probs))
        for table, mine in tables:
            for k, v in table.items():
                if o0 <= k <= o1:
                    mine[k + shift] = v


def join_keys(keys: list[str]) -> str:
    """The ``key`` section: one string (keys never hold NUL: such files are refused), which
    loads as one object instead of one per entry."""
    return "\x00".join(keys)


def split_keys(section: str) -> list[str]:
    return section.split("\x00") if section else []


def _sources(module: str) -> list[Path]:
    """The source files of a module, or of every module of a package, in a stable order
    (os.walk, not Path.rglob: this runs on every lookup, and rglob costs ~20 ms)."""
    rel = os.path.join(*module.split(".")[1:]) if "." in module else ""
    single = os.path.join(_PACKAGE, rel + ".py")
    if rel and os.path.isfile(single):
        return [Path(single)]
    folder = os.path.join(_PACKAGE, rel)
    if os.path.isfile(os.path.join(folder, "__init__.py")):
        found = []
        for top, dirs, files in os.walk(folder):
            dirs[:] = [d for d in dirs if d != "__pycache__"]
            found += [os.path.join(top, f) for f in files if f.endswith(".py")]
        return [Path(f) for f in sorted(found)]
    raise RuntimeError(f"annobib.lookup.store.SHAPERS names {module}, which does not exist")


@functools.lru_cache(maxsize=1)
def code_signature() -> tuple:
    """(FORMAT, version, hash of the shaping modules' source): changes whenever that code does.

    The hash of the source is kept in the cache folder beside the stat of every source file
    (name, size, mtime, ctime, inode): while none of them changed, each lookup stats ~30 files
    instead of reading and hashing them all. A moved, added, removed or edited module changes
    the stats, and the source is hashed again."""
    files = [path for module in SHAPERS for path in _sources(module)]
    stats = []
    for path in files:
        st = os.stat(path)
        stats.append((os.path.relpath(path, _PACKAGE), st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino))
    memo = cache_dir() / f"code-{hashlib.sha1(os.fsencode(_PACKAGE)).hexdigest()[:16]}.sig"
    try:
        known, digest = load_sealed(memo, "cache file of the code signature")
        if known == stats and isinstance(digest, str):
            return (FORMAT, __version__, digest)
    except (ValueError, TypeError):  # absent (None) or not a pair
        pass
    h = hashlib.sha1()
    for path in files:
        h.update(os.path.relpath(path, _PACKAGE).encode() + b"\0")
        with open(path, "rb") as fh:
            h.update(fh.read())
    try:
        write_bytes(memo, seal([stats, h.hexdigest()]))
    except OSError:
        pass  # no cache folder: hashed again next time
    return (FORMAT, __version__, h.hexdigest())


def cache_base(path: Path) -> Path:
    """The cache files' common stem for the bibliography at ``path``."""
    digest = hashlib.sha1(os.fsencode(os.path.abspath(path))).hexdigest()[:24]
    return cache_dir() / digest


def write_bytes(path: Path, data: bytes) -> None:
    """Atomically, readable by the owner only (the cache holds the bibliographies' text; a
    folder it creates is the owner's only too, one that exists is left as it is); no fsync (a
    lost cache file only costs speed). Raises OSError for any failure, which callers ignore."""
    try:
        make_dirs(path.parent, 0o700)
        atomic_write_bytes(path, data, durable=False, private=True)
    except AnnobibError as exc:
        raise OSError(str(exc)) from None


def stat_signature(st) -> tuple:
    """What changes whenever the file's content does: size, mtime, ctime (which also moves
    when someone sets the mtime back), inode, device."""
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)


class LazyBlob:
    """A byte range of the view file, read slice by slice (records of a few entries without
    reading all of them); read whole once many slices were wanted (a search with thousands of
    hits: one read, not one seek and read per record)."""

    WHOLE_AFTER = 256  # slices read one by one before the whole range is read at once

    def __init__(self, path: Path, offset: int, length: int, crc: int | None = None):
        self.path, self.offset, self.length, self.crc = path, offset, length, crc
        self._fh: BinaryIO | None = None
        self._reads = 0
        self._whole: bytes | None = None

    def __len__(self) -> int:
        return self.length

    def __getitem__(self, s: slice) -> bytes:
        start = s.start or 0
        stop = self.length if s.stop is None else min(s.stop, self.length)
        if self._whole is not None:
            return self._whole[start:stop]
        self._reads += 1
        fh = self._fh
        if self._reads > self.WHOLE_AFTER:
            if fh is None:
                fh = open(self.path, "rb")  # noqa: SIM115 - closed at once
            with fh:
                fh.seek(self.offset)
                whole = fh.read(self.length)
            self._fh = None
            _checked(self.path, whole, self.crc)
            self._whole = whole
            return self._whole[start:stop]
        if fh is None:
            fh = self._fh = open(self.path, "rb")  # noqa: SIM115 - kept open for further slices
        fh.seek(self.offset + start)
        return fh.read(max(0, stop - start))


def _checked(path: Path, data, crc: int | None):
    """``data`` when its CRC-32 is ``crc`` (the header's); else the damaged view is removed and
    the command stops in one line (the header was checked, so this is a file damaged since)."""
    try:
        if crc is not None:
            check(data, crc)
    except Damaged:
        discard(path)
    return data


def discard(path: Path | None) -> NoReturn:
    """Remove a view found damaged while in use and stop in one line (the next run rebuilds it)."""
    if path is not None:
        try:
            os.unlink(path)
        except OSError:
            pass
    where = f"{path}: " if path is not None else ""
    raise InputError(f"{where}the cache file was damaged while in use; removed: run the command again")


def _lazy(name: str, header: dict) -> bool:
    """Whether section ``name`` is read slice by slice (the last part of the records)."""
    return name == f"rec.{header['sections'].get('rec.n', (0,))[0] - 1}"


def section_reader(path: Path, header: dict):
    sections = header["sections"]
    crcs = header["crc"]
    base = header["base"]

    def raw(name: str, lazy: bool) -> bytes | LazyBlob | mmap.mmap:
        off, length = sections[name]
        if lazy:
            return LazyBlob(path, base + off, length, crcs[name])
        with open(path, "rb") as fh:
            if name in MAPPED and length and (base + off) % PAGE == 0 and os.name == "posix":
                try:  # slices, find and join work on it as on bytes; it stays valid when the
                    # file is replaced (writes are renames) and is unmapped with its last user
                    return mmap.mmap(fh.fileno(), length, offset=base + off, access=mmap.ACCESS_READ)
                except (OSError, ValueError):
                    pass
            fh.seek(base + off)
            return _checked(path, fh.read(length), crcs[name])

    def load(name: str):
        if name + ".0" in sections:  # a tuple of byte strings stored raw (no copy on load)
            n = sections[name + ".n"][0]
            return tuple(raw(f"{name}.{k}", lazy=_lazy(f"{name}.{k}", header)) for k in range(n))
        off, length = sections[name]
        with open(path, "rb") as fh:
            fh.seek(base + off)
            return marshal.loads(_checked(path, fh.read(length), crcs[name]))

    return load


def _sound(fh, header: dict, whole: bool) -> bool:
    """Whether every section that is read whole or unmarshalled matches its CRC-32 (about 4 MB
    at 50,000 entries: 2 ms). The mapped haystacks are only searched; the lazily read records
    (18 MB) are checked when read whole, and here too when ``whole`` (a rebuild copies them).
    Record by record, the few reads of a lookup are not checked."""
    base, crcs = header["base"], header["crc"]
    for name, (off, length) in header["sections"].items():
        if name.endswith(".n") or (not whole and (name in MAPPED or _lazy(name, header))):
            continue
        fh.seek(base + off)
        try:
            check(fh.read(length), crcs[name])
        except (Damaged, KeyError):
            return False
    return True


def read_header(vpath: Path, whole: bool = False) -> dict | None:
    """The header of a view file made by this code (whatever file version it describes), its
    sections checked (``whole``: all of them, see :func:`_sound`)."""
    try:
        with open(vpath, "rb") as fh:
            if fh.read(len(MAGIC)) != MAGIC:
                return None  # none, or of another format
            hlen, crc = _HEAD.unpack(fh.read(_HEAD.size))
            head = fh.read(hlen)
            check(head, crc)  # never a marshal of unchecked bytes (see core/sealed)
            header = marshal.loads(head)
            if not isinstance(header, dict) or header.get("code") != code_signature():
                return None
            header["base"] = len(MAGIC) + _HEAD.size + hlen
            if not _sound(fh, header, whole):
                raise Damaged("a section's check does not match")
    except OSError:
        return None
    except (Damaged, EOFError, ValueError, TypeError, KeyError, struct.error):
        warn_damaged(vpath, "cache file of a bibliography's view")
        return None
    return header


def read_view(vpath: Path, size: int, digest_fn) -> tuple | None:
    """(header, loader) when the view file matches the bibliography, else None."""
    header = read_header(vpath)
    if header is None or header.get("size") != size:
        return None
    if header.get("digest") != digest_fn():
        return None
    return header, section_reader(vpath, header)


def old_view(path: Path):
    """(header, loader) of the cached view of an earlier version of ``path``, or None: the
    base that a rebuild copies unchanged entries from."""
    vpath = cache_base(Path(path)).with_suffix(".view")
    header = read_header(vpath, whole=True)  # its records are copied into the new view
    if header is None:
        return None
    return header, section_reader(vpath, header)


def write_view(vpath: Path, meta: dict, sections: dict[str, Any]) -> None:
    blobs = []
    table = {}
    crcs = {}
    off = 0

    def put(name: str, b: bytes) -> None:
        nonlocal off
        table[name] = (off, len(b))
        crcs[name] = zlib.crc32(b)
        off += len(b)
        blobs.append(b)

    for name, value in sections.items():
        if isinstance(value, tuple) and value and all(isinstance(v, (bytes, bytearray)) for v in value):
            for k, v in enumerate(value):
                put(f"{name}.{k}", bytes(v))
            table[f"{name}.n"] = (len(value), 0)
        else:
            put(name, marshal.dumps(value))
    meta = dict(meta, sections=table, crc=crcs, pad=b"")
    head = marshal.dumps(meta)
    mapped = [table[name][0] for name in MAPPED if name in table]
    if mapped:  # a padding field in the header puts the first mapped section on a page boundary
        # (a bytes value of n bytes marshals to n bytes more than an empty one)
        meta["pad"] = b" " * (-(len(MAGIC) + _HEAD.size + len(head) + mapped[0]) % PAGE)
        head = marshal.dumps(meta)
    write_bytes(vpath, MAGIC + _HEAD.pack(len(head), zlib.crc32(head)) + head + b"".join(blobs))


def load_store(path: Path) -> dict:
    """chunk digest -> parse record, from the cached view of (any version of) ``path``:
    lets :func:`annobib.bib.library.read_library` skip bibtexparser for unchanged chunks."""
    got = old_view(Path(path))
    if got is None:
        return {}
    _header, load = got
    chunks = ChunkTable(load("chunk"))
    offs_b, blob = load("rec")
    if isinstance(blob, LazyBlob):
        blob = blob[0 : len(blob)]  # every record is wanted: one read, not one per record
    offs = array("Q")
    offs.frombytes(offs_b)
    loads = marshal.loads
    out = {}
    e = 0
    for k, (digest, n) in enumerate(zip(chunks.digests(), chunks.count)):
        extra = chunks.extra.get(k)
        if extra is not None:
            out[digest] = loads(extra)
        else:
            out[digest] = [loads(blob[offs[j] : offs[j + 1]]) for j in range(e, e + n)]
        e += n
    return out
