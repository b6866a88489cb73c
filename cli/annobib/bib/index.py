"""Building the cache's view of a .bib file: parse changed chunks, derive haystacks and rows.

Everything here runs only when a file changed (or was never seen); the fast path in
:mod:`annobib.cache` does not import this module.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
from pathlib import Path

from annobib.bib.rows import _authors_summary  # noqa: F401
from annobib.cache import (
    AUTHOR_FIELDS,
    CONTAINER_FIELDS,
    END,
    MARKERS,
    NOTE_FIELDS,
    SKIP_REST,
    STORE_MAGIC,
    TAG_FIELDS,
    TITLE_FIELDS,
    _CONTROL,
    _atomic_write_bytes,
    _code_signature,
    _read_store,
    _write_view,
    domain_of,
    pack,
)

_MARKER_SPLIT = re.compile("[" + "".join(MARKERS) + "]")


def _split_groups(hay: str, n: int) -> list[str]:
    return _MARKER_SPLIT.split(hay)[1 : n + 1]


def _split_groups_slow(hay: str, n: int) -> list[str]:
    out = []
    pos = 1
    for i in range(n):
        nxt = hay.find(MARKERS[i + 1], pos) if i + 1 < len(MARKERS) else -1
        if nxt < 0:
            out.append(hay[pos:])
            pos = len(hay)
        else:
            out.append(hay[pos:nxt])
            pos = nxt + 1
    return out


RAW_FIELDS = frozenset(("url", "doi", "eprint", "isbn", "issn", "file", "urldate", "archiveurl", "pdf"))
_ESEP = "\x18"  # between entries in the bulk strings (a control character, not whitespace)
_DSEP = "\x19"  # between fields of one entry in the bulk strings
_CONTAINER_ORDER = ("journaltitle", "journal", "booktitle", "publisher", "institution", "school", "organization", "howpublished")
# field name -> slot: 0 author, 1 title, 2 container, 3 tag, 4 note, 5 rest (decoded);
# 6 date, 7 langid, 8 raw (URLs, DOIs: not LaTeX-decoded)
_SLOT = {n: 0 for n in AUTHOR_FIELDS}
_SLOT.update({n: 1 for n in TITLE_FIELDS})
_SLOT.update({n: 2 for n in CONTAINER_FIELDS})
_SLOT.update({n: 3 for n in TAG_FIELDS})
_SLOT.update({n: 4 for n in NOTE_FIELDS})
_SLOT.update({"year": 6, "date": 6, "langid": 7, "language": 7, "hyphenation": 7})
_SLOT.update({n: 8 for n in RAW_FIELDS})


def _quick_value(raw: str, strings: dict) -> str:
    """A value for searching: delimiters off (inner braces go with LaTeX decoding), macros
    expanded."""
    c = raw[:1]
    if c == "{" or c == '"':
        if "#" not in raw:
            return raw[1:-1]
    elif c.isdigit() and raw.isdigit():
        return raw
    from annobib.bib.values import resolve_value

    return resolve_value(raw, strings)[0]


def batch_hays(items: list[tuple], strings: dict) -> list[str]:
    """The search haystack of each entry record (see :mod:`annobib.bib.parse`).

    A haystack is all groups of the entry's search text, each introduced by its marker:
    folded text (case, accents, width, CJK spacing) and, for author/title/container/tag groups
    with Han characters, their toneless pinyin (second readings of polyphonic characters too,
    and surname readings). LaTeX decoding, folding and pinyin run once over all entries
    joined (whole-string passes), not entry by entry."""
    from annobib import names as nm
    from annobib import text as tx

    if not items:
        return []
    M = MARKERS
    dec_parts = []
    metas = []
    slot_get = _SLOT.get
    for it in items:
        fields = it[5]
        slots: list[list[str]] = [[], [], [], [], [], [], [], [], []]
        for name, raw in fields:
            if not raw:
                continue
            slots[slot_get(name.lower(), 5)].append(_quick_value(raw, strings))
        dec_parts.append(_DSEP.join([" ".join(x) for x in slots[:6]]))
        metas.append(slots)
    decoded = tx.latex_to_text(_ESEP.join(dec_parts))
    if _CONTROL.search(decoded.replace(_ESEP, "").replace(_DSEP, "")):
        decoded = re.sub(r"[\x00-\x17\x1a-\x1f\x7f]", " ", decoded)
    decoded_parts = decoded.split(_ESEP)
    plains = []
    for k, it in enumerate(items):
        slots = metas[k]
        a_, t_, c_, g_, n_, r_ = decoded_parts[k].split(_DSEP)
        langid = slots[7][0] if slots[7] else None
        lang = tx.language_code(langid, t_ or a_)
        url = next((v for v in slots[8] if "://" in v), None)
        domain = domain_of(url)
        raw_rest = " ".join(slots[8])
        if raw_rest and _CONTROL.search(raw_rest):
            raw_rest = _CONTROL.sub(" ", raw_rest)
        langs = lang + " " + tx.language_name(lang) + ((" " + langid.lower()) if langid else "")
        plains.append("".join((
            M[0], it[4], M[1], it[3].lower(), M[2], a_, M[3], t_, M[4], c_, M[5], " ".join(slots[6]),
            M[6], langs, M[7], domain, M[8], g_, M[9], n_, M[10], r_, " ", raw_rest,
        )))
    folded_all = tx.fold(_ESEP.join(plains)).split(_ESEP)
    han_idx = [k for k, h in enumerate(folded_all) if not h.isascii() and tx.has_han(h)]
    py_groups: dict[int, str] = {}
    if han_idx:
        split = _MARKER_SPLIT.split
        segs = []
        for k in han_idx:
            g = split(folded_all[k])  # [0] is the empty text before the first marker
            segs.append(_DSEP.join((g[3], g[4], g[5], g[9])))
        bulk = _ESEP.join(segs)
        first = tx.pinyin(bulk).replace(" ", "").split(_ESEP)
        alt = tx.pinyin_alternate(bulk).replace(" ", "").split(_ESEP)
        for n, k in enumerate(han_idx):
            orig = segs[n].split(_DSEP)
            p1 = first[n].split(_DSEP)
            p2 = alt[n].split(_DSEP)
            out = []
            for j in range(4):
                if p1[j] == orig[j].replace(" ", ""):
                    out.append("")
                    continue
                text = p1[j]
                if j < 2 and p2[j] != p1[j]:
                    text += "\x1f" + p2[j]
                if j == 0:
                    # surnames read differently from the character's everyday reading (单 shan)
                    for name in orig[0].split("and"):
                        name = name.strip()
                        fam = name[:2] if name[:2] in nm.SURNAME_READINGS else name[:1]
                        if fam in nm.SURNAME_READINGS and tx.has_han(fam):
                            text += "\x1f" + nm.SURNAME_READINGS[fam] + tx.pinyin(name[len(fam):])
                out.append(text)
            py_groups[k] = "".join((M[11], out[0], M[12], out[1], M[13], out[2], M[14], out[3], M[15], M[16], M[17]))
    empty_py = "".join(M[11:END + 1])
    return [folded_all[k] + py_groups.get(k, empty_py) for k in range(len(items))]


_STRING_START = re.compile(rb"^[ \t]*@[ \t]*string[ \t]*[{(]", re.I | re.M)
PARALLEL_MIN = 3000  # chunks to parse before a second process pays for itself


def _uses_macros(item: tuple) -> bool:
    for _name, raw in item[5]:
        c = raw[:1]
        if c == "{" or c == '"':
            if "#" in raw:
                return True
        elif not raw.isdigit():
            return True
    return False


def _chunk_work(chunks: list[bytes], digests: list[bytes], first: list[bool], recs_in: list, strings: dict) -> list[tuple]:
    """For each chunk: (flags, rec_bytes, pieces_bytes, problems) — parsing (one bibtexparser
    call for all chunks without a record) and the haystack of each entry.

    flags: 1 defines @string macros, 2 an entry uses macros, 4 has a problem.
    pieces: one (haystack, record bytes, line in chunk, char start, char end, key) per entry."""
    from annobib.bib.library import parse_records

    missing = [k for k, r in enumerate(recs_in) if r is None]
    if missing:
        parsed, _ = parse_records([chunks[k] for k in missing], [digests[k] for k in missing], None)
        for k, r in zip(missing, parsed):
            recs_in[k] = r
    out = []
    pending = []
    for k, rec in enumerate(recs_in):
        flags = 0
        pieces = []
        problems = []
        text_len = None
        for j, it in enumerate(rec):
            kind = it[0]
            if kind == "string":
                flags |= 1
            elif kind == "failed":
                flags |= 4
                problems.append((it[2], f"{it[3]}; the block is kept verbatim"))
            elif kind == "entry":
                if it[6]:
                    flags |= 4
                    problems.append((it[2], f"entry {it[4]}: {it[6]}"))
                if _uses_macros(it):
                    flags |= 2
                c0 = 0 if j == 0 else it[1]
                c1 = rec[j + 1][1] if j + 1 < len(rec) else -1  # -1: to the end of the chunk
                pending.append(it)
                pieces.append([None, marshal.dumps(it), it[2], c0, c1, it[4]])
        out.append([flags, rec, pieces, problems])
    hays = iter(batch_hays(pending, strings))
    result = []
    for flags, rec, pieces, problems in out:
        for p in pieces:
            p[0] = next(hays)
        result.append((flags, marshal.dumps(rec), marshal.dumps([tuple(p) for p in pieces]), problems))
    return result


_EMPTY = marshal.dumps([])


def _chunk_work_parallel(chunks, digests, first, recs_in, strings) -> list[tuple]:
    """:func:`_chunk_work` with the second half done in a forked process (2+ cores)."""
    n = len(chunks)
    if n < PARALLEL_MIN or (os.cpu_count() or 1) < 2 or not hasattr(os, "fork"):
        return _chunk_work(chunks, digests, first, recs_in, strings)
    half = n // 2
    rfd, wfd = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: the second half, sent back marshalled
        code = 0
        try:
            os.close(rfd)
            res = marshal.dumps(_chunk_work(chunks[half:], digests[half:], first[half:], recs_in[half:], strings))
            with os.fdopen(wfd, "wb") as fh:
                fh.write(res)
        except BaseException:  # noqa: BLE001
            code = 1
        finally:
            os._exit(code)
    os.close(wfd)
    try:
        mine = _chunk_work(chunks[:half], digests[:half], first[:half], recs_in[:half], strings)
        with os.fdopen(rfd, "rb") as fh:
            blob = fh.read()
    finally:
        _, status = os.waitpid(pid, 0)
    if status != 0 or not blob:
        return mine + _chunk_work(chunks[half:], digests[half:], first[half:], recs_in[half:], strings)
    return mine + [tuple(x) for x in marshal.loads(blob)]


def rebuild(path: Path, data: bytes, digest: str, st, base: Path, use_cache: bool) -> tuple[dict, dict]:
    from annobib.bib.library import chunk_digest, collect_strings, decode_bib_bytes, parse_records, split_chunks

    decode_bib_bytes(data, str(path))  # one clear error for invalid UTF-8, NUL bytes
    spath = base.with_suffix(".store")
    store = _read_store(spath) if use_cache else {}
    old_chunks: dict = store.get("chunks", {})
    chunks, lines = split_chunks(data)
    digests = [chunk_digest(c) for c in chunks]
    known = {d: old_chunks[d] for d in digests if d in old_chunks}

    # @string macros first: from known chunks that define them (flag 1) and new chunks that
    # start with @string (parsed now; their records are reused below)
    pre: dict[int, list] = {}
    for i, d in enumerate(digests):
        if d not in known and _STRING_START.search(chunks[i]):
            pre[i] = None  # type: ignore[assignment]
    if pre:
        idx = list(pre)
        parsed, _ = parse_records([chunks[i] for i in idx], [digests[i] for i in idx], None)
        for i, r in zip(idx, parsed):
            pre[i] = r
    # keep file order for macro definitions
    ordered = []
    for i, d in enumerate(digests):
        if i in pre:
            ordered.append(pre[i])
        elif d in known and known[d][0] & 1:
            ordered.append(marshal.loads(known[d][1]))
    strings = collect_strings(ordered)
    strings_digest = hashlib.sha1(marshal.dumps(sorted(strings.items()))).digest()
    same_strings = store.get("strings") == strings_digest

    # which chunks need work: new ones, and macro users when the macros changed
    work = []
    for i, d in enumerate(digests):
        item = known.get(d)
        if item is None or item[2] is None or (item[0] & 2 and not same_strings):
            work.append(i)
    done: dict[int, tuple] = {}
    if work:
        recs_in = []
        for i in work:
            item = known.get(digests[i])
            recs_in.append(pre.get(i) if i in pre else (marshal.loads(item[1]) if item is not None else None))
        results = _chunk_work_parallel(
            [chunks[i] for i in work], [digests[i] for i in work], [i == 0 for i in work], recs_in, strings
        )
        done = dict(zip(work, results))

    hays: list[str] = []
    recs_out: list[bytes] = []
    keys_out: list[str] = []
    line_out: list[int] = []
    span_out: list[tuple] = []
    problems: list[tuple] = []
    new_chunks: dict = {}
    bstart = 0
    loads = marshal.loads
    for i, chunk in enumerate(chunks):
        d = digests[i]
        if i in done:
            flags, rec_bytes, pieces_bytes, probs = done[i]
        else:
            flags, rec_bytes, pieces_bytes = known[d]
            probs = []
            if flags & 4:
                for it in loads(rec_bytes):
                    if it[0] == "failed":
                        probs.append((it[2], f"{it[3]}; the block is kept verbatim"))
                    elif it[0] == "entry" and it[6]:
                        probs.append((it[2], f"entry {it[4]}: {it[6]}"))
        for local_line, msg in probs:
            problems.append((lines[i] + local_line + 1, msg))
        if pieces_bytes != _EMPTY:
            for h, r, local_line, c0, c1, key in loads(pieces_bytes):
                hays.append(h)
                recs_out.append(r)
                keys_out.append(key)
                line_out.append(lines[i] + local_line + 1)
                span_out.append((bstart, bstart + len(chunk), c0, c1))
        new_chunks[d] = (flags, rec_bytes, pieces_bytes)
        bstart += len(chunk)
    seen: dict[str, int] = {}
    for n, k in enumerate(keys_out):
        if k in seen:
            problems.append((line_out[n], f"duplicate key {k} (first defined on line {seen[k]})"))
        else:
            seen[k] = line_out[n]
    problems.sort()
    header = {
        "code": _code_signature(),
        "size": len(data),
        "mtime_ns": st.st_mtime_ns,
        "digest": digest,
        "count": len(hays),
        "problems": problems,
        "strings": strings,
    }
    from array import array

    starts = array("Q")
    pos = 0
    for h in hays:
        starts.append(pos)
        pos += len(h)
    sections = {
        "key": keys_out, "line": line_out, "span": span_out, "hay": ("".join(hays), starts.tobytes()),
        "rec": pack(recs_out),
    }
    if use_cache:
        try:
            _write_view(base.with_suffix(".view"), header, sections)
            blob = marshal.dumps({"code": _code_signature(), "strings": strings_digest, "chunks": new_chunks})
            _atomic_write_bytes(spath, STORE_MAGIC + blob)
        except OSError:
            pass  # a cache that cannot be written only costs speed
    return header, sections


