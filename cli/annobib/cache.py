"""A per-file cache that makes everyday lookups fast and is never stale.

Two files per bibliography, in ``$ANNOBIB_CACHE_DIR`` (else ``$XDG_CACHE_HOME/annobib``, else
``~/.cache/annobib``), named after a hash of the file's absolute path:

``*.view``   what ``list``/``search``/``show``/``stats`` need, for exactly one version of the
             file: the file's size, mtime and SHA-256 of its bytes, then sections (entry
             summaries, search haystacks with pinyin precomputed, one marshalled record per
             entry), each loaded only when a command needs it. It is used only when the file's
             bytes hash to the recorded digest, so it can never serve a stale answer.
``*.store``  the same work per *chunk* of the file (one entry, usually), keyed by the SHA-1 of
             the chunk's bytes: bibtexparser's parse and the derived summary/haystack/record.
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
from pathlib import Path

from annobib.errors import InputError

FORMAT = 3
MAGIC = b"ANNOBIB-VIEW\n"
STORE_MAGIC = b"ANNOBIB-STORE\n"

# Haystack groups: each entry's search text is a string of groups, each introduced by a control
# character (queries never contain control characters, so a match cannot straddle two groups).
GROUPS = [
    "key", "type", "author", "title", "container", "year", "lang", "domain", "tag", "note", "rest",
    "author_py", "title_py", "container_py", "tag_py", "note_py", "rest_py",
]
G = {name: i + 1 for i, name in enumerate(GROUPS)}
END = len(GROUPS) + 1
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
    for rel in ("cache.py", "text.py", "names.py", "model.py", os.path.join("bib", "parse.py"), os.path.join("bib", "library.py")):
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


def entry_pieces(entry) -> tuple[tuple, str, bytes]:
    """(summary, haystack, record) for one entry — what the view stores."""
    from annobib import names as nm
    from annobib import text as tx

    f = entry.fields
    get = entry.get
    dec = tx.latex_to_text
    langid = get("langid")
    title = dec(get("title") or "")
    author_value = f.get("author") or f.get("editor") or ""
    people = nm.parse_names(dec(author_value).replace(" and ", " and ") if author_value else "", langid)
    if len(people) > 3:
        short = people[0].last + " et al."
    else:
        short = ", ".join((p.last if not p.others else "et al.") for p in people)
    if people:
        p0 = people[0]
        if p0.script == "han" and not p0.others:
            sort_author = (nm.SURNAME_READINGS.get(p0.family) or tx.pinyin(p0.family)) + " " + tx.pinyin(p0.given)
        else:
            sort_author = tx.fold(p0.last + " " + p0.given)
    else:
        sort_author = "\uffff"
    container = ""
    for name in ("journaltitle", "journal", "booktitle", "publisher", "institution", "school", "organization", "howpublished"):
        if f.get(name):
            container = dec(f[name])
            break
    url = f.get("url") or ""
    domain = domain_of(url)
    if not container and domain:
        container = domain
    year = entry.year or ""
    lang = tx.language_code(langid, title or author_value)
    cited = len(entry.citations)
    summary = (entry.key, entry.type, short, year, title, container, lang, cited, domain, sort_author, tx.fold(title))

    def folded(names) -> str:
        return " ".join(tx.fold(dec(f[n])) for n in names if f.get(n))

    groups = [""] * (END - 1)
    groups[G["key"] - 1] = tx.fold(entry.key)
    groups[G["type"] - 1] = entry.type.lower()
    author_text = folded(AUTHOR_FIELDS)
    groups[G["author"] - 1] = author_text
    groups[G["title"] - 1] = folded(TITLE_FIELDS)
    groups[G["container"] - 1] = folded(CONTAINER_FIELDS)
    groups[G["year"] - 1] = " ".join(x for x in (f.get("date"), f.get("year")) if x)
    groups[G["lang"] - 1] = " ".join(x for x in {lang, tx.language_name(lang), tx.fold(langid or "")} if x)
    groups[G["domain"] - 1] = domain
    groups[G["tag"] - 1] = folded(TAG_FIELDS)
    groups[G["note"] - 1] = folded(NOTE_FIELDS)
    rest = [tx.fold(dec(v)) for k, v in f.items() if k not in SKIP_REST and v]
    groups[G["rest"] - 1] = " ".join(rest)
    py: dict[str, tuple] = {}
    for plain in ("author", "title", "container", "tag", "note", "rest"):
        g = groups[G[plain] - 1]
        if tx.has_han(g):
            if plain == "author":
                parts = []
                for p in people:
                    if p.script == "han" and not p.others:
                        parts.append((nm.SURNAME_READINGS.get(p.family) or tx.pinyin(p.family)) + tx.pinyin(p.given))
                first = tx.pinyin(g).replace(" ", "")
                extra = "".join(parts)
                alt = tx.pinyin_alternate(g).replace(" ", "")
                text = first + "\x1e" + extra + ("\x1e" + alt if alt != first else "")
            else:
                first = tx.pinyin(g).replace(" ", "")
                alt = tx.pinyin_alternate(g).replace(" ", "")
                text = first + ("\x1e" + alt if alt != first else "")
            groups[G[plain + "_py"] - 1] = text
    for name in PINYIN_FIELDS:
        v = f.get(name)
        if v:
            shown = dec(v)
            if tx.has_han(shown):
                py[name] = tuple(r[0] if r else "" for r in tx.syllables(shown))
    hay = "".join(chr(i + 1) + _CONTROL.sub(" ", g) for i, g in enumerate(groups)) + chr(END)
    record = marshal.dumps((entry.key, entry.type, tuple(f.items()), py))
    return summary, hay, record


# --------------------------------------------------------------------------- the view


class View:
    """The cached picture of one or more bibliography files (read-only)."""

    def __init__(self):
        self.paths: list[Path] = []
        self.summaries: list[tuple] = []
        self._hays: list[str] | None = None
        self._recs: list[bytes] | None = None
        self.lines: list[int] = []
        self.sources: list[int] = []  # index into paths, per entry
        self.spans: list[tuple] = []  # (chunk byte start, end, char start, char end)
        self.problems: list = []  # ParseProblem-like (line, message, source)
        self._loaders: list = []  # per part: (loader, count)
        self._index: dict[str, int] | None = None

    def __len__(self) -> int:
        return len(self.summaries)

    @property
    def hays(self) -> list[str]:
        if self._hays is None:
            self._hays = [h for ld in self._loaders for h in ld("hay")]
        return self._hays

    @property
    def recs(self) -> list[bytes]:
        if self._recs is None:
            self._recs = [r for ld in self._loaders for r in ld("rec")]
        return self._recs

    def keys(self) -> list[str]:
        return [s[0] for s in self.summaries]

    def index_of(self, key: str) -> int | None:
        if self._index is None:
            self._index = {}
            for i, s in enumerate(self.summaries):
                self._index.setdefault(s[0], i)
        return self._index.get(key)

    def record(self, i: int) -> tuple:
        return marshal.loads(self.recs[i])

    def entry(self, i: int):
        from annobib.model import Entry

        key, etype, items, _py = self.record(i)
        return Entry(key=key, type=etype, fields=dict(items), line=self.lines[i], source=str(self.paths[self.sources[i]]))

    def pinyin_of_field(self, i: int, name: str) -> tuple | None:
        return self.record(i)[3].get(name)

    def raw_text(self, i: int) -> str:
        """The entry's text as it is in the file now (for ``show --bibtex``)."""
        path = self.paths[self.sources[i]]
        b0, b1, c0, c1 = self.spans[i]
        with open(path, "rb") as fh:
            fh.seek(b0)
            chunk = fh.read(b1 - b0)
        text = chunk.decode("utf-8", "replace")
        if text.startswith("\ufeff"):
            text = text[1:]
        return text[c0:c1]


def _section_reader(path: Path, header: dict):
    sections = header["sections"]
    base = header["base"]

    def load(name: str):
        off, length = sections[name]
        with open(path, "rb") as fh:
            fh.seek(base + off)
            return marshal.loads(fh.read(length))

    return load


def _read_view(vpath: Path, size: int, mtime_ns: int, digest_fn) -> tuple | None:
    """(header, loader) when the view file matches the bibliography, else None."""
    try:
        with open(vpath, "rb") as fh:
            if fh.read(len(MAGIC)) != MAGIC:
                return None
            (hlen,) = struct.unpack("<I", fh.read(4))
            header = marshal.loads(fh.read(hlen))
    except (OSError, EOFError, ValueError, TypeError, struct.error):
        return None
    if header.get("code") != _code_signature() or header.get("size") != size:
        return None
    if header.get("digest") != digest_fn():
        return None
    header["base"] = len(MAGIC) + 4 + hlen
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
    for name, value in sections.items():
        b = marshal.dumps(value)
        table[name] = (off, len(b))
        off += len(b)
        blobs.append(b)
    meta = dict(meta, sections=table)
    head = marshal.dumps(meta)
    _atomic_write_bytes(vpath, MAGIC + struct.pack("<I", len(head)) + head + b"".join(blobs))


def load_store(path: Path) -> dict:
    """digest -> parse record, for :func:`annobib.bib.library.read_library`."""
    store = _read_store(_base(Path(path)).with_suffix(".store"))
    return {d: marshal.loads(v[1]) for d, v in store.get("chunks", {}).items()}


def _read_store(spath: Path) -> dict:
    try:
        with open(spath, "rb") as fh:
            if fh.read(len(STORE_MAGIC)) != STORE_MAGIC:
                return {}
            store = marshal.loads(fh.read())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if not isinstance(store, dict) or store.get("code") != _code_signature():
        return {}
    return store


def _problem(line: int, message: str, source: str):
    from annobib.bib.library import ParseProblem

    return ParseProblem(line, message, "", source)


def load_view(path: str | os.PathLike, *, use_cache: bool = True) -> View:
    """The view of one .bib file: from the cache when its bytes are unchanged, else rebuilt
    (re-parsing only changed chunks). Raises InputError for unreadable or non-UTF-8 files."""
    from annobib.bib.library import read_bytes

    path = Path(path)
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not a .bib file")
    data = read_bytes(path)
    st = os.stat(path)
    base = _base(path)
    vpath = base.with_suffix(".view")
    digest_holder: list[str] = []

    def digest() -> str:
        if not digest_holder:
            digest_holder.append(hashlib.sha256(data).hexdigest())
        return digest_holder[0]

    if use_cache:
        hit = _read_view(vpath, len(data), st.st_mtime_ns, digest)
        if hit is not None:
            header, loader = hit
            return _view_from_parts(path, header, loader)
    header, sections = _rebuild(path, data, digest(), st, base, use_cache)
    return _view_from_parts(path, header, lambda name: sections[name])


def _view_from_parts(path: Path, header: dict, loader) -> View:
    v = View()
    v.paths = [path]
    v.summaries = loader("summary")
    v.lines = loader("line")
    v.spans = loader("span")
    v.sources = [0] * len(v.summaries)
    v.problems = [_problem(line, msg, str(path)) for line, msg in header.get("problems", ())]
    v._loaders = [loader]
    return v


def merge_views(views: list[View]) -> View:
    if len(views) == 1:
        return views[0]
    out = View()
    for n, v in enumerate(views):
        out.paths += v.paths
        out.summaries += v.summaries
        out.lines += v.lines
        out.spans += v.spans
        out.sources += [n] * len(v.summaries)
        out.problems += v.problems
        out._loaders += v._loaders
    return out


def _rebuild(path: Path, data: bytes, digest: str, st, base: Path, use_cache: bool) -> tuple[dict, dict]:
    from annobib.bib.library import (
        chunk_digest,
        collect_strings,
        decode_bib_bytes,
        entry_from_record,
        parse_records,
        split_chunks,
    )

    decode_bib_bytes(data, str(path))  # one clear error for invalid UTF-8, NUL bytes
    spath = base.with_suffix(".store")
    store = _read_store(spath) if use_cache else {}
    old_chunks: dict = store.get("chunks", {})
    chunks, lines = split_chunks(data)
    digests = [chunk_digest(c) for c in chunks]
    known = {}
    for d in digests:
        item = old_chunks.get(d)
        if item is not None:
            known[d] = item
    # parse records: cached ones stay as bytes until needed; the rest in one bibtexparser call
    recs: list = [None] * len(chunks)
    recs_needed: dict[bytes, list] = {}
    todo = [i for i, d in enumerate(digests) if d not in known]
    if todo:
        sub_recs, _ = parse_records([chunks[i] for i in todo], [digests[i] for i in todo], None)
        for i, r in zip(todo, sub_recs):
            recs[i] = r
            recs_needed[digests[i]] = r

    def rec_of(i: int) -> list:
        r = recs[i]
        if r is None:
            r = marshal.loads(known[digests[i]][1])
            recs[i] = r
        return r

    # @string macros: from the chunks that define them (flag 1)
    string_chunks = [i for i, d in enumerate(digests) if (d in known and known[d][0] & 1) or (d in recs_needed and any(it[0] == "string" for it in recs_needed[d]))]
    strings = collect_strings([rec_of(i) for i in string_chunks])
    strings_digest = hashlib.sha1(marshal.dumps(sorted(strings.items()))).digest()
    same_strings = store.get("strings") == strings_digest

    source = str(path)
    summaries: list[tuple] = []
    hays: list[str] = []
    recs_out: list[bytes] = []
    line_out: list[int] = []
    span_out: list[tuple] = []
    problems: list[tuple] = []
    new_chunks: dict = {}
    bstart = 0
    bom_skip = 1 if data.startswith(b"\xef\xbb\xbf") else 0
    for i, chunk in enumerate(chunks):
        d = digests[i]
        item = known.get(d)
        pieces = None
        if item is not None and item[2] is not None and (not item[0] & 2 or same_strings):
            pieces_bytes = item[2]
            pieces = marshal.loads(pieces_bytes)
            flags = item[0]
            rec_bytes = item[1]
            if flags & 4:
                for it in rec_of(i):
                    if it[0] == "failed":
                        problems.append((lines[i] + it[2] + 1, f"{it[3]}; the block is kept verbatim"))
                    elif it[0] == "entry" and it[6]:
                        problems.append((lines[i] + it[2] + 1, f"entry {it[4]}: {it[6]}"))
        else:
            rec = rec_of(i)
            flags = 0
            pieces = []
            text = None
            for j, it in enumerate(rec):
                kind = it[0]
                if kind == "string":
                    flags |= 1
                elif kind == "failed":
                    flags |= 4
                    problems.append((lines[i] + it[2] + 1, f"{it[3]}; the block is kept verbatim"))
                elif kind == "entry":
                    if it[6]:
                        flags |= 4
                        problems.append((lines[i] + it[2] + 1, f"entry {it[4]}: {it[6]}"))
                    entry, used = entry_from_record(it, strings, 0, source)
                    if used:
                        flags |= 2
                    if text is None:
                        text = chunk.decode("utf-8", "replace")
                        if i == 0 and bom_skip:
                            text = text[1:]
                    c0 = 0 if j == 0 else it[1]
                    nxt = [x[1] for x in rec[j + 1:]]
                    c1 = nxt[0] if nxt else len(text)
                    s, h, r = entry_pieces(entry)
                    pieces.append((s, h, r, it[2], c0, c1))
            rec_bytes = item[1] if item is not None else marshal.dumps(rec)
            pieces_bytes = marshal.dumps(pieces)
        for s, h, r, local_line, c0, c1 in pieces:
            summaries.append(s)
            hays.append(h)
            recs_out.append(r)
            line_out.append(lines[i] + local_line + 1)
            span_out.append((bstart, bstart + len(chunk), c0, c1))
        new_chunks[d] = (flags, rec_bytes, pieces_bytes)
        bstart += len(chunk)
    seen: dict[str, int] = {}
    for n, s in enumerate(summaries):
        if s[0] in seen:
            problems.append((line_out[n], f"duplicate key {s[0]} (first defined on line {seen[s[0]]})"))
        else:
            seen[s[0]] = line_out[n]
    problems.sort()
    header = {
        "code": _code_signature(),
        "size": len(data),
        "mtime_ns": st.st_mtime_ns,
        "digest": digest,
        "count": len(summaries),
        "problems": problems,
    }
    sections = {"summary": summaries, "line": line_out, "span": span_out, "hay": hays, "rec": recs_out}
    if use_cache:
        try:
            _write_view(base.with_suffix(".view"), header, sections)
            blob = marshal.dumps({"code": _code_signature(), "strings": strings_digest, "chunks": new_chunks})
            _atomic_write_bytes(spath, STORE_MAGIC + blob)
        except OSError:
            pass  # a cache that cannot be written only costs speed
    return header, sections


def load_views(paths: list[Path], *, use_cache: bool = True) -> View:
    return merge_views([load_view(p, use_cache=use_cache) for p in paths])
