"""The cached view of .bib files that makes everyday lookups fast and is never stale.

Files per bibliography (where: :mod:`annobib.lookup.store`):

``*.view``   what ``search``/``show`` need, for exactly one version of the file: its size, mtime
             and SHA-256, then sections (search haystacks with folding and pinyin precomputed,
             one marshalled record per entry, lines, byte spans, @string macros), each loaded
             only when a command needs it. It is used only when the file's bytes hash to the
             recorded digest, so it can never serve a stale answer. Each *chunk* of the file
             (one entry, usually) is keyed by the SHA-1 of its bytes: after an edit only the
             chunks whose bytes changed are parsed and indexed again (:mod:`annobib.lookup.build`).
``*.sum``    the table rows ``list``/``stats`` show (authors, year, title, container, language,
             times cited …), computed the first time a command needs them and kept per chunk
             digest: after an edit only the changed chunks' rows are computed again.
``*.trust``  the stat signature of a file version whose digest is known (skips hashing).

On the fast path (file unchanged) neither bibtexparser nor pypinyin is imported.
"""

from __future__ import annotations

import bisect
import hashlib
import marshal
import os
import time
import zlib
from typing import Any
from array import array
from pathlib import Path

from annobib import perf
from annobib.bib.values import entry_from_record
from annobib.core.sealed import load_sealed, seal
from annobib.errors import InputError, read_input_bytes
from annobib.lookup.store import (
    ChunkTable,
    cache_base,
    discard,
    load_store,
    code_signature,
    read_header,
    read_view,
    section_reader,
    split_keys,
    stat_signature,
    write_bytes,
)


class Packed:
    """The parse records of one or more files, each file's as offsets into one blob, with each
    record's CRC-32 (``crcs``: checked when a record is read alone; a blob read whole was
    checked whole, see lookup/store)."""

    def __init__(self, parts: list[tuple[bytes, bytes]], crcs: list[bytes]):
        self.offs = []
        self.blobs = []
        self.base = []
        self.crcs = []
        n = 0
        for (offs_b, blob), crcs_b in zip(parts, crcs):
            a = array("Q")
            a.frombytes(offs_b)
            c = array("I")
            c.frombytes(crcs_b)
            self.offs.append(a)
            self.blobs.append(blob)
            self.crcs.append(c)
            self.base.append(n)
            n += len(a) - 1
        self.n = n

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, i: int):
        k = bisect.bisect_right(self.base, i) - 1
        a = self.offs[k]
        j = i - self.base[k]
        blob = self.blobs[k]
        data = blob[a[j] : a[j + 1]]
        if zlib.crc32(data) != self.crcs[k][j]:  # never a marshal of unchecked bytes (core/sealed)
            discard(getattr(blob, "path", None))
        return marshal.loads(data)

    def many(self, idx: list[int]) -> list:
        """The records of entries ``idx``: for many of one file, its blob is read once and
        sliced in one pass (record by record cost ~3 us each, 0.15 s for 50,000)."""
        if len(self.blobs) != 1 or len(idx) < 300:
            return [self[i] for i in idx]
        blob, a = self.blobs[0], self.offs[0]
        if not isinstance(blob, bytes):  # a lazily read section: one read of all of it
            blob = self.blobs[0] = blob[0 : len(blob)]
        loads = marshal.loads
        return [loads(blob[a[i] : a[i + 1]]) for i in idx]


class Haystacks:
    """All entries' haystacks as one UTF-8 byte string (loading is a copy, scanning is
    ``bytes.find``; UTF-8 substrings match only on character boundaries)."""

    def __init__(self, text: bytes, starts):
        self.text = text
        self.starts = starts  # byte offset where each entry's haystack begins
        self.split: Any = False  # (keys, texts after them) or None once split: see query._keys_and_rests

    def __len__(self) -> int:
        return len(self.starts)

    def index_at(self, pos: int) -> int:
        return bisect.bisect_right(self.starts, pos) - 1

    def get(self, i: int) -> bytes:
        end = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.text)
        return self.text[self.starts[i] : end]

    def __iter__(self):
        for i in range(len(self.starts)):
            yield self.get(i)

    def __getitem__(self, i: int) -> bytes:
        return self.get(i)


class Problem:
    """A block that failed to parse (or a duplicate key / field): file, line, message."""

    __slots__ = ("line", "message", "source", "raw")  # 100,000 broken blocks: 100,000 of these

    def __init__(self, line: int, message: str, source: str | None = None, raw: str = ""):
        self.line, self.message, self.source, self.raw = line, message, source, raw

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.source else f"line {self.line}"
        return f"{where}: {self.message}"

    def __repr__(self) -> str:
        return f"Problem({self})"


class _Part:
    """One file's cached view: its header and a loader for its sections."""

    def __init__(self, path: Path, header: dict, loader, base: Path | None, use_cache: bool, fresh_rows=None):
        self.path = path
        self.fresh_rows: dict[bytes, list] = fresh_rows or {}  # chunk digest -> rows made by the rebuild
        self.header = header
        self.load = loader
        self.base = base
        self.use_cache = use_cache
        self.count = header["count"]
        self.strings = header.get("strings", {})

    def entry(self, item: tuple, line: int):
        return entry_from_record(item, self.strings, line, str(self.path))[0]

    def summaries(self) -> list[tuple]:
        """Every entry's table row. From the ``.sum`` file: whole when it belongs to this
        version of the file, else per chunk — rows of chunks whose bytes (and, for entries
        that use @string macros, the macros) are unchanged are reused, and only the others'
        rows are computed. Saved for next time."""
        digest = self.header["digest"]
        spath = self.base.with_suffix(".sum") if self.base is not None and self.use_cache else None
        old = _read_sums(spath) if spath is not None else None
        if old is not None and old["digest"] == digest:
            return old["rows"]
        table = ChunkTable(self.load("chunk"))
        chunks = (bytes(table.dig), table.count.tobytes(), bytes(table.flags))
        rows: list = []
        missing: list[int] = []
        reuse = _reusable_rows(old, self.header.get("strings_digest")) if old is not None else {}
        reuse.update(self.fresh_rows)
        for d, n in zip(table.digests(), table.count):
            got = reuse.get(d)
            if got is not None and len(got) == n:
                rows += got
            else:
                missing.extend(range(len(rows), len(rows) + n))
                rows += [None] * n
        if missing:
            # rows are rebuilt from the records (with the builder: a changed file was rebuilt
            # anyway), each distinct entry body once
            from annobib.lookup.build import rows_of

            packed = Packed([self.load("rec")], [self.load("reccrc")])
            fresh = rows_of([packed[i] for i in missing], self.strings, batch_summaries)
            for i, row in zip(missing, fresh):
                rows[i] = row
        if spath is not None:
            try:
                write_bytes(
                    spath,
                    seal(
                        {
                            "digest": digest,
                            "code": code_signature(),
                            "rows": rows,
                            "chunks": chunks,
                            "strings_digest": self.header.get("strings_digest"),
                        }
                    ),
                )
            except OSError:
                pass
        return rows


def _read_sums(spath: Path) -> dict | None:
    """The ``.sum`` file made by this code (for whatever version of the file), or None (also
    when it is damaged: sealed, never a marshal of unchecked bytes)."""
    got = load_sealed(spath, "cache file of table rows")
    if isinstance(got, dict) and got.get("code") == code_signature() and isinstance(got.get("rows"), list):
        return got
    return None


def _reusable_rows(old: dict, strings_digest) -> dict:
    """chunk digest -> its entries' rows, from the rows of an earlier version of the file.
    A chunk whose entries use @string macros (flag 2) counts only when the macros are the same."""
    out: dict = {}
    rows = old["rows"]
    same_strings = old.get("strings_digest") == strings_digest
    try:
        table = ChunkTable((*old["chunks"], {}, {}))
    except (KeyError, TypeError, ValueError):
        return {}
    pos = 0
    for d, n, flags in zip(table.digests(), table.count, table.flags):
        if same_strings or not flags & 2:
            out.setdefault(d, rows[pos : pos + n])
        pos += n
    return out if pos == len(rows) else {}


class View:
    """The cached picture of one or more bibliography files (read-only).

    ``len(view)``, ``view.entry(i)`` (an :class:`annobib.model.Entry`, macros resolved),
    ``view.summary(i)`` / ``view.summaries`` (table rows), ``view.haystacks`` (for
    :func:`annobib.query.run`), ``view.problems``, ``view.lines``, ``view.raw_text(i)``."""

    def __init__(self):
        self.paths: list[Path] = []
        self.problems: list[Problem] = []
        self._parts: list[_Part] = []
        self._cache: dict = {}
        self._index: dict[str, int] | None = None

    def _all(self, name: str) -> list:
        if name not in self._cache:
            out: list = []
            for part in self._parts:
                out += part.load(name)
            self._cache[name] = out
        return self._cache[name]

    def __len__(self) -> int:
        return sum(p.count for p in self._parts)

    @property
    def summaries(self) -> list[tuple]:
        if "summary" not in self._cache:
            out: list = []
            for part in self._parts:
                out += part.summaries()
            self._cache["summary"] = out
        return self._cache["summary"]

    def summary(self, i: int) -> tuple:
        """Row ``i`` for display (without loading every row; its author sort key may be "")."""
        if "summary" in self._cache:
            return self._cache["summary"][i]
        return batch_summaries([self.entry(i)], sort_keys=False)[0]

    def summaries_of(self, idx: list[int]) -> list[tuple]:
        """Rows for some entries: computed for a few, from all rows for many."""
        if "summary" in self._cache or len(idx) > 300:
            rows = self.summaries
            return [rows[i] for i in idx]
        return batch_summaries([self.entry(i) for i in idx], sort_keys=False)

    @property
    def lines(self) -> list[int]:
        return self._all("line")

    @property
    def spans(self) -> list[tuple]:
        return self._all("span")

    def _locate(self, i: int) -> tuple[_Part, int]:
        for part in self._parts:
            if i < part.count:
                return part, i
            i -= part.count
        raise IndexError(i)

    def source_of(self, i: int) -> int:
        part, _ = self._locate(i)
        return self._parts.index(part)

    @property
    def sources(self) -> list[int]:
        return [n for n, p in enumerate(self._parts) for _ in range(p.count)]

    @property
    def haystacks(self) -> Haystacks:
        if "hay" not in self._cache:
            texts = []
            starts = array("Q")
            base = 0
            for part in self._parts:
                text, offs_b = part.load("hay")
                a = array("Q")
                a.frombytes(offs_b)
                if base:
                    starts.extend(x + base for x in a)
                else:
                    starts.extend(a)
                texts.append(text)
                base += len(text)
            self._cache["hay"] = Haystacks(b"".join(texts) if len(texts) != 1 else texts[0], starts)
        return self._cache["hay"]

    @property
    def hays(self) -> Haystacks:
        return self.haystacks

    def record(self, i: int) -> tuple:
        """The parse record of entry ``i`` (see :mod:`annobib.bib.parse`)."""
        if "rec" not in self._cache:
            self._cache["rec"] = Packed([p.load("rec") for p in self._parts], [p.load("reccrc") for p in self._parts])
        return self._cache["rec"][i]

    def records(self, idx: list[int]) -> list[tuple]:
        """The parse records of entries ``idx`` (see :meth:`Packed.many`)."""
        if "rec" not in self._cache:
            self._cache["rec"] = Packed([p.load("rec") for p in self._parts], [p.load("reccrc") for p in self._parts])
        return self._cache["rec"].many(idx)

    def keys(self) -> list[str]:
        if "keys" not in self._cache:
            self._cache["keys"] = [k for part in self._parts for k in split_keys(part.load("key"))]
        return self._cache["keys"]

    def index_of(self, key: str) -> int | None:
        if self._index is None:
            self._index = {}
            for i, k in enumerate(self.keys()):
                self._index.setdefault(k, i)
        return self._index.get(key)

    def entry(self, i: int):
        part, _ = self._locate(i)
        return part.entry(self.record(i), self.lines[i])

    def raw_text(self, i: int) -> str:
        """The entry's text as it is in the file now (for ``show --bibtex``)."""
        part, _ = self._locate(i)
        path = part.path
        ci, c0, c1 = self.spans[i]
        cbyte = part.load("cbyte")
        b0 = cbyte[ci]
        b1 = cbyte[ci + 1] if ci + 1 < len(cbyte) else part.header["size"]
        with open(path, "rb") as fh:
            fh.seek(b0)
            chunk = fh.read(b1 - b0)
        text = chunk.decode("utf-8", "replace")
        if text.startswith("\ufeff"):
            text = text[1:]
        return text[c0:] if c1 < 0 else text[c0:c1]


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or one clear InputError (missing, directory, permission …)."""
    return read_input_bytes(path, "a .bib file")


RACY_NS = 2_000_000_000  # a file changed this recently is never trusted on its stat alone


def load_view(
    path: str | os.PathLike, *, use_cache: bool = True, records: dict | None = None, rows: bool = False
) -> View:
    """The view of one .bib file: from the cache when its content is unchanged, else rebuilt
    (re-parsing only changed chunks). Raises InputError for unreadable or non-UTF-8 files.

    Unchanged means: the SHA-256 of the bytes is the recorded one — or the stat signature is
    one recorded (``*.trust``) after hashing a file whose last change was already 2 s old when
    it was read, so that no later write can share its timestamps (ctime moves even when
    someone sets the mtime back). Never stale either way.

    ``records`` (chunk digest -> parse record) are parses a caller already made (a
    :func:`annobib.bib.read_library` of the same file): chunks with those bytes are not parsed again.
    ``rows``: the caller will want every table row (``list``, ``stats``); a rebuild makes the
    rows of the chunks it parses while their records are at hand."""
    path = Path(path)
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not a .bib file")
    try:
        st = os.stat(path)  # before reading: a write after this shows in the signature
    except OSError:
        st = None
    base = cache_base(path)
    vpath = base.with_suffix(".view")
    tpath = base.with_suffix(".trust")
    if use_cache and st is not None:
        try:
            sig, trusted_digest = load_sealed(tpath, "cache file of a trusted stat")
        except (ValueError, TypeError):  # absent (None) or not a pair
            sig = trusted_digest = None
        if sig == list(stat_signature(st)):
            header = read_header(vpath)
            if header is not None and header.get("digest") == trusted_digest:
                return _view_from_parts(path, header, section_reader(vpath, header), base, use_cache)
    read_ns = time.time_ns()
    data = read_bytes(path)
    if st is None:
        st = os.stat(path)
    digest_holder: list[str] = []

    def digest() -> str:
        if not digest_holder:
            digest_holder.append(hashlib.sha256(data).hexdigest())
        return digest_holder[0]

    trusted = st.st_size == len(data) and max(st.st_mtime_ns, st.st_ctime_ns) < read_ns - RACY_NS

    def trust() -> None:
        # the content is known now; its stat signature may stand for it from now on
        if use_cache and trusted:
            try:
                write_bytes(tpath, seal([list(stat_signature(st)), digest()]))
            except OSError:
                pass

    if use_cache:
        hit = read_view(vpath, len(data), digest)
        if hit is not None:
            header, loader = hit
            trust()
            return _view_from_parts(path, header, loader, base, use_cache)
    header, sections, fresh_rows = _rebuild(path, data, digest(), st, base, use_cache, records, rows)
    trust()
    return _view_from_parts(path, header, lambda name: sections[name], base, use_cache, fresh_rows)


def _view_from_parts(
    path: Path, header: dict, loader, base: Path | None = None, use_cache: bool = True, fresh_rows=None
) -> View:
    v = View()
    v.paths = [path]
    v._parts = [_Part(path, header, loader, base, use_cache, fresh_rows)]
    src = str(path)
    v.problems = [Problem(line, msg, src) for line, msg in header.get("problems", ())]
    return v


def merge_views(views: list[View]) -> View:
    if len(views) == 1:
        return views[0]
    out = View()
    for v in views:
        out.paths += v.paths
        out._parts += v._parts
        out.problems += v.problems
    return out


def _rebuild(
    path: Path, data: bytes, digest: str, st, base: Path, use_cache: bool, records: dict | None, rows: bool
) -> tuple[dict, dict, dict]:
    # the builder pulls in the .bib parser and text folding: only when a file changed
    from annobib.lookup.build import rebuild

    return rebuild(path, data, digest, st, base, use_cache, records, rows)


def batch_summaries(entries: list, sort_keys: bool = True) -> list[tuple]:
    # rows pull in name parsing and text folding: only when rows are not cached
    from annobib.lookup.rows import batch_summaries as _batch

    return _batch(entries, sort_keys)


def load_views(paths: list[Path], *, use_cache: bool = True, rows: bool = False) -> View:
    return merge_views([load_view(p, use_cache=use_cache, rows=rows) for p in paths])


class ParseCache:
    """The store :func:`annobib.bib.read_library` takes (``store=PARSE_CACHE``): parses of
    unchanged chunks come from the cached view of (any version of) the file, and a large fresh
    parse is kept as the file's view for next time."""

    KEEP_AFTER = 200  # freshly parsed chunks worth keeping for the next read

    def records(self, path: Path) -> dict:
        """chunk digest -> parse record; {} when nothing usable is cached (never fatal) or
        ``ANNOBIB_NO_CACHE`` is set (the same switch the lookups honour)."""
        if os.environ.get("ANNOBIB_NO_CACHE"):
            return {}
        try:
            return load_store(path)
        except Exception:  # noqa: BLE001 - a broken cache is never fatal
            return {}

    def keep(self, path: Path, fresh: dict) -> None:
        """Build the view from the records just made (no second parse) in a detached process,
        while the command goes on. Only when annobib runs as a command; a library caller's
        process is left alone."""
        if len(fresh) < self.KEEP_AFTER or os.environ.get("ANNOBIB_NO_CACHE"):
            return

        def job() -> None:
            try:
                load_view(path, records=fresh)
            except Exception:  # noqa: BLE001 - a cache that cannot be built only costs speed
                pass

        perf.soon(job, or_never=True)


PARSE_CACHE = ParseCache()
