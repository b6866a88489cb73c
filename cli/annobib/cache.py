"""A per-file cache that makes everyday lookups fast and is never stale.

Two files per bibliography, in ``$ANNOBIB_CACHE_DIR`` (else ``$XDG_CACHE_HOME/annobib``, else
``~/.cache/annobib``), named after a hash of the file's absolute path:

``*.view``   what ``search``/``show`` need, for exactly one version of the file: its size, mtime
             and SHA-256, then sections (search haystacks with folding and pinyin precomputed,
             one marshalled record per entry, lines, byte spans, @string macros), each loaded
             only when a command needs it. It is used only when the file's bytes hash to the
             recorded digest, so it can never serve a stale answer.
``*.sum``    the table rows ``list``/``stats`` show (authors, year, title, container, language,
             times cited …) for the same digest, computed the first time a command needs them.
``*.store``  the same work per *chunk* of the file (one entry, usually), keyed by the SHA-1 of
             the chunk's bytes: bibtexparser's parse and the haystack (and rows, once known).
             After an edit only the chunks whose bytes changed are parsed again.

On the fast path (file unchanged) neither bibtexparser nor pypinyin is imported.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
import struct
import tempfile
import time
from pathlib import Path

from annobib.errors import InputError, read_input_bytes

FORMAT = 8
MAGIC = b"ANNOBIB-VIEW\n"

# Haystack groups: each entry's search text is a string of groups, each introduced by a control
# character (queries never contain control characters, so a match cannot straddle two groups).
GROUPS = [
    "key", "type", "author", "title", "container", "year", "lang", "domain", "tag", "note", "rest",
    "author_py", "title_py", "container_py", "tag_py", "note_py", "rest_py",
]
# Group markers: control characters that are not whitespace (fold() collapses whitespace).
MARKERS = [chr(c) for c in (1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23)]
G = {name: i for i, name in enumerate(GROUPS)}  # group name -> index into MARKERS
END = len(GROUPS)  # MARKERS[END] closes the last group
AUTHOR_FIELDS = ("author", "editor", "translator", "bookauthor")
TITLE_FIELDS = ("title", "subtitle", "titleaddon", "shorttitle", "origtitle")
CONTAINER_FIELDS = (
    "journaltitle", "journal", "booktitle", "maintitle", "publisher", "institution", "school",
    "organization", "series", "howpublished", "eventtitle",
)
TAG_FIELDS = ("keywords", "tags")
NOTE_FIELDS = ("note", "annote", "annotation", "abstract", "addendum")
SKIP_REST = set(AUTHOR_FIELDS + TITLE_FIELDS + CONTAINER_FIELDS + TAG_FIELDS + NOTE_FIELDS) | {
    "year", "date", "langid", "language", "hyphenation",
}
# Fields whose per-character pinyin is kept for highlighting.
PINYIN_FIELDS = ("author", "editor", "title", "journaltitle", "journal", "booktitle", "publisher")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_PLAIN_GROUPS = ("author", "title", "container", "tag", "note", "rest")
# Groups searched by pinyin (long notes and citing sentences are not: that would cost more
# than it finds).
_PINYIN_GROUPS = frozenset(("author", "title", "container", "tag"))
_HOST = re.compile(r"^[a-z][a-z0-9+.-]*://(?:[^@/?#]*@)?([^/:?#]+)", re.I)


def cache_dir() -> Path:
    env = os.environ.get("ANNOBIB_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "annobib"


def _code_signature() -> tuple:
    """Changes whenever the code that shapes cached data changes (mtimes of those modules)."""
    here = os.path.dirname(os.path.abspath(__file__))
    sig = [FORMAT]
    for rel in ("cache.py", "text.py", "names.py", "model.py", "bib/parse.py", "bib/values.py", "bib/index.py", "bib/rows.py"):
        try:
            sig.append(os.stat(os.path.join(here, rel)).st_mtime_ns)
        except OSError:
            sig.append(0)
    return tuple(sig)


def _base(path: Path) -> Path:
    digest = hashlib.sha1(os.fsencode(os.path.abspath(path))).hexdigest()[:24]
    return cache_dir() / digest


# --------------------------------------------------------------------------- derived data


def domain_of(url: str | None) -> str:
    if not url:
        return ""
    m = _HOST.match(url.strip())
    if not m:
        return ""
    host = m.group(1).lower()
    return host[4:] if host.startswith("www.") else host


# --------------------------------------------------------------------------- the view


def pack(items: list[bytes]) -> tuple[bytes, bytes]:
    """Many small byte strings as (offsets, blob): loading is a copy, access is a slice."""
    from array import array

    offs = array("Q", [0])
    total = 0
    for b in items:
        total += len(b)
        offs.append(total)
    return offs.tobytes(), b"".join(items)


class Packed:
    def __init__(self, parts: list[tuple[bytes, bytes]]):
        from array import array

        self.offs = []
        self.blobs = []
        self.base = []
        n = 0
        for offs_b, blob in parts:
            a = array("Q")
            a.frombytes(offs_b)
            self.offs.append(a)
            self.blobs.append(blob)
            self.base.append(n)
            n += len(a) - 1
        self.n = n

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, i: int):
        import bisect

        k = bisect.bisect_right(self.base, i) - 1
        a = self.offs[k]
        j = i - self.base[k]
        return marshal.loads(self.blobs[k][a[j] : a[j + 1]])


class Haystacks:
    """All entries' haystacks as one UTF-8 byte string (loading is a copy, scanning is
    ``bytes.find``; UTF-8 substrings match only on character boundaries)."""

    def __init__(self, text: bytes, starts):
        self.text = text
        self.starts = starts  # byte offset where each entry's haystack begins

    def __len__(self) -> int:
        return len(self.starts)

    def index_at(self, pos: int) -> int:
        import bisect

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

    def __init__(self, line: int, message: str, source: str | None = None, raw: str = ""):
        self.line, self.message, self.source, self.raw = line, message, source, raw

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.source else f"line {self.line}"
        return f"{where}: {self.message}"

    def __repr__(self) -> str:
        return f"Problem({self})"


class _Part:
    """One file's cached view: its header and a loader for its sections."""

    def __init__(self, path: Path, header: dict, loader, base: Path | None, use_cache: bool):
        self.path = path
        self.header = header
        self.load = loader
        self.base = base
        self.use_cache = use_cache
        self.count = header["count"]
        self.strings = header.get("strings", {})

    def entry(self, item: tuple, line: int):
        from annobib.bib.values import entry_from_record

        return entry_from_record(item, self.strings, line, str(self.path))[0]

    def summaries(self) -> list[tuple]:
        """From the ``.sum`` file when it belongs to this version of the file, else computed
        (and saved for next time)."""
        digest = self.header["digest"]
        spath = self.base.with_suffix(".sum") if self.base is not None else None
        if spath is not None and self.use_cache:
            try:
                with open(spath, "rb") as fh:
                    got = marshal.load(fh)
                if got.get("digest") == digest and got.get("code") == _code_signature():
                    return got["rows"]
            except (OSError, EOFError, ValueError, TypeError, AttributeError):
                pass
        recs = self.load("rec")
        lines = self.load("line")
        packed = Packed([recs])
        entries = [self.entry(packed[i], lines[i]) for i in range(self.count)]
        rows = batch_summaries(entries)
        if spath is not None and self.use_cache:
            try:
                _atomic_write_bytes(spath, marshal.dumps({"digest": digest, "code": _code_signature(), "rows": rows}))
            except OSError:
                pass
        return rows


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
            from array import array

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
            self._cache["rec"] = Packed([p.load("rec") for p in self._parts])
        return self._cache["rec"][i]

    def keys(self) -> list[str]:
        if "keys" not in self._cache:
            self._cache["keys"] = self._all("key")
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


class _LazyBlob:
    """A byte range of the view file, read slice by slice (records of a few entries without
    reading all of them)."""

    def __init__(self, path: Path, offset: int, length: int):
        self.path, self.offset, self.length = path, offset, length
        self._fh = None

    def __len__(self) -> int:
        return self.length

    def __getitem__(self, s: slice) -> bytes:
        start = s.start or 0
        stop = self.length if s.stop is None else min(s.stop, self.length)
        if self._fh is None:
            self._fh = open(self.path, "rb")  # noqa: SIM115 - kept open for further slices
        self._fh.seek(self.offset + start)
        return self._fh.read(max(0, stop - start))


def _section_reader(path: Path, header: dict):
    sections = header["sections"]
    base = header["base"]

    def raw(name: str, lazy: bool) -> bytes | _LazyBlob:
        off, length = sections[name]
        if lazy:
            return _LazyBlob(path, base + off, length)
        with open(path, "rb") as fh:
            fh.seek(base + off)
            return fh.read(length)

    def load(name: str):
        if name + ".0" in sections:  # a tuple of byte strings stored raw (no copy on load)
            n = sections[name + ".n"][0]
            return tuple(raw(f"{name}.{k}", lazy=(name == "rec" and k == n - 1)) for k in range(n))
        off, length = sections[name]
        with open(path, "rb") as fh:
            fh.seek(base + off)
            return marshal.loads(fh.read(length))

    return load


def read_header(vpath: Path) -> dict | None:
    """The header of a view file made by this code (whatever file version it describes)."""
    try:
        with open(vpath, "rb") as fh:
            if fh.read(len(MAGIC)) != MAGIC:
                return None
            (hlen,) = struct.unpack("<I", fh.read(4))
            header = marshal.loads(fh.read(hlen))
    except (OSError, EOFError, ValueError, TypeError, struct.error):
        return None
    if not isinstance(header, dict) or header.get("code") != _code_signature():
        return None
    header["base"] = len(MAGIC) + 4 + hlen
    return header


def _read_view(vpath: Path, size: int, digest_fn) -> tuple | None:
    """(header, loader) when the view file matches the bibliography, else None."""
    header = read_header(vpath)
    if header is None or header.get("size") != size:
        return None
    if header.get("digest") != digest_fn():
        return None
    return header, _section_reader(vpath, header)


def old_view(path: Path):
    """(header, loader) of the cached view of an earlier version of ``path``, or None: the
    base that a rebuild copies unchanged entries from."""
    vpath = _base(Path(path)).with_suffix(".view")
    header = read_header(vpath)
    if header is None:
        return None
    return header, _section_reader(vpath, header)


def _atomic_write_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _write_view(vpath: Path, meta: dict, sections: dict[str, object]) -> None:
    blobs = []
    table = {}
    off = 0

    def put(name: str, b: bytes) -> None:
        nonlocal off
        table[name] = (off, len(b))
        off += len(b)
        blobs.append(b)

    for name, value in sections.items():
        if isinstance(value, tuple) and value and all(isinstance(v, (bytes, bytearray)) for v in value):
            for k, v in enumerate(value):
                put(f"{name}.{k}", bytes(v))
            table[f"{name}.n"] = (len(value), 0)
        else:
            put(name, marshal.dumps(value))
    meta = dict(meta, sections=table)
    head = marshal.dumps(meta)
    _atomic_write_bytes(vpath, MAGIC + struct.pack("<I", len(head)) + head + b"".join(blobs))


def load_store(path: Path) -> dict:
    """chunk digest -> parse record, from the cached view of (any version of) ``path``:
    lets :func:`annobib.bib.library.read_library` skip bibtexparser for unchanged chunks."""
    got = old_view(Path(path))
    if got is None:
        return {}
    _header, load = got
    chunks = load("chunk")
    from array import array

    offs_b, blob = load("rec")
    if isinstance(blob, _LazyBlob):
        blob = blob[0:len(blob)]  # every record is wanted: one read, not one per record
    offs = array("Q")
    offs.frombytes(offs_b)
    loads = marshal.loads
    out = {}
    e = 0
    for digest, n, _flags, extra, _probs in chunks:
        if extra is not None:
            out[digest] = loads(extra)
        else:
            out[digest] = [loads(blob[offs[k]:offs[k + 1]]) for k in range(e, e + n)]
        e += n
    return out


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or one clear InputError (missing, directory, permission …)."""
    return read_input_bytes(path, "a .bib file")


RACY_NS = 2_000_000_000  # a file changed this recently is never trusted on its stat alone


def stat_signature(st) -> tuple:
    """What changes whenever the file's content does: size, mtime, ctime (which also moves
    when someone sets the mtime back), inode, device."""
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)


def load_view(path: str | os.PathLike, *, use_cache: bool = True, records: dict | None = None) -> View:
    """The view of one .bib file: from the cache when its content is unchanged, else rebuilt
    (re-parsing only changed chunks). Raises InputError for unreadable or non-UTF-8 files.

    Unchanged means: the SHA-256 of the bytes is the recorded one — or the stat signature is
    one recorded (``*.trust``) after hashing a file whose last change was already 2 s old when
    it was read, so that no later write can share its timestamps (ctime moves even when
    someone sets the mtime back). Never stale either way.

    ``records`` (chunk digest -> parse record) are parses a caller already made (a
    :func:`annobib.bib.read_library` of the same file): chunks with those bytes are not parsed again."""
    path = Path(path)
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not a .bib file")
    try:
        st = os.stat(path)  # before reading: a write after this shows in the signature
    except OSError:
        st = None
    base = _base(path)
    vpath = base.with_suffix(".view")
    tpath = base.with_suffix(".trust")
    if use_cache and st is not None:
        try:
            with open(tpath, "rb") as fh:
                sig, trusted_digest = marshal.load(fh)
        except (OSError, EOFError, ValueError, TypeError):
            sig = trusted_digest = None
        if sig == list(stat_signature(st)):
            header = read_header(vpath)
            if header is not None and header.get("digest") == trusted_digest:
                return _view_from_parts(path, header, _section_reader(vpath, header), base, use_cache)
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
                _atomic_write_bytes(tpath, marshal.dumps([list(stat_signature(st)), digest()]))
            except OSError:
                pass

    if use_cache:
        hit = _read_view(vpath, len(data), digest)
        if hit is not None:
            header, loader = hit
            trust()
            return _view_from_parts(path, header, loader, base, use_cache)
    header, sections = _rebuild(path, data, digest(), st, base, use_cache, records)
    trust()
    return _view_from_parts(path, header, lambda name: sections[name], base, use_cache)


def _view_from_parts(path: Path, header: dict, loader, base: Path | None = None, use_cache: bool = True) -> View:
    v = View()
    v.paths = [path]
    v._parts = [_Part(path, header, loader, base, use_cache)]
    v.problems = [Problem(line, msg, str(path)) for line, msg in header.get("problems", ())]
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


def _rebuild(path: Path, data: bytes, digest: str, st, base: Path, use_cache: bool,
             records: dict | None = None) -> tuple[dict, dict]:
    from annobib.bib.index import rebuild

    return rebuild(path, data, digest, st, base, use_cache, records)


def batch_summaries(entries: list, sort_keys: bool = True) -> list[tuple]:
    from annobib.bib.rows import batch_summaries as _batch

    return _batch(entries, sort_keys)


def load_views(paths: list[Path], *, use_cache: bool = True) -> View:
    return merge_views([load_view(p, use_cache=use_cache) for p in paths])
