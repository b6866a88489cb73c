"""Building the cached view of a .bib file: parse changed chunks, derive their haystacks.

Everything here runs only when a file changed (or was never seen); the fast path in
:mod:`annobib.lookup.view` does not import this module.
"""

from __future__ import annotations

import bisect
import hashlib
import marshal
import os
import re
import zlib
from array import array
from pathlib import Path

from annobib import names as nm
from annobib import perf
from annobib import text as tx
from annobib.bib.library import collect_strings, decode_bib_bytes, parse_records
from annobib.bib.values import MacroTooLarge, entry_from_record, macro_cost, resolve_value
from annobib.lookup.align import aligned_table, full_table, segment_hashes
from annobib.lookup.rows import LongValues, batch_summaries
from annobib.lookup.schema import (
    AUTHOR_FIELDS,
    CONTAINER_FIELDS,
    CONTROL,
    END,
    MARKERS,
    NOTE_FIELDS,
    TAG_FIELDS,
    TITLE_FIELDS,
    domain_of,
)
from annobib.lookup.store import ChunkTable, Digests, code_signature, join_keys, old_view, split_keys, write_view

_MARKER_SPLIT = re.compile("[" + "".join(MARKERS) + "]")
_KEY_MARK = MARKERS[0].encode()


RAW_FIELDS = frozenset(("url", "doi", "eprint", "isbn", "issn", "file", "urldate", "archiveurl", "pdf"))
_ESEP = "\x18"  # between entries in the bulk strings (a control character, not whitespace)
_DSEP = "\x19"  # between fields of one entry in the bulk strings
# field name -> slot: 0 author, 1 title, 2 container, 3 tag, 4 note, 5 rest (decoded);
# 6 date, 7 langid, 8 raw (URLs, DOIs: not LaTeX-decoded)
_SLOT = {n: 0 for n in AUTHOR_FIELDS}
_SLOT.update({n: 1 for n in TITLE_FIELDS})
_SLOT.update({n: 2 for n in CONTAINER_FIELDS})
_SLOT.update({n: 3 for n in TAG_FIELDS})
_SLOT.update({n: 4 for n in NOTE_FIELDS})
_SLOT.update({"year": 6, "date": 6, "langid": 7, "language": 7, "hyphenation": 7})
_SLOT.update({n: 8 for n in RAW_FIELDS})


# the comma between the family and given name of a CJK name (a name with a comma is one name)
_CJK_NAME_COMMA = re.compile(
    r"(?<=[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff])"
    r"\s*[,，]\s*(?=[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff])"
)


def _quick_value(raw: str, strings: dict) -> str:
    """A value for searching: delimiters off (inner braces go with LaTeX decoding), macros
    expanded."""
    c = raw[:1]
    if c == "{" or c == '"':
        if "#" not in raw:
            return raw[1:-1]
    elif c.isdigit() and raw.isdigit():
        return raw
    return resolve_value(raw, strings)[0]


# the control characters the bulk strings below cut at or mark groups with (entry and field
# separators, group markers, the pinyin separator), and the C1 ones: none may come from the file
_CUTS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _scrubbed(items: list[tuple]) -> list[tuple]:
    """``items`` with each control character but TAB, LF and CR in a type, key or value made a
    space, for the haystack only (the file keeps it; ``validate`` reports it as W509): one raw
    U+0018 in a title would otherwise split its entry's text in two (an internal error)."""
    if not _CUTS.search("".join([it[3] + it[4] + "".join([r for _, r in it[5]]) for it in items])):
        return items
    sub = _CUTS.sub
    return [
        (*it[:3], sub(" ", it[3]), sub(" ", it[4]), tuple((n, sub(" ", r)) for n, r in it[5]), *it[6:]) for it in items
    ]


def batch_hays(items: list[tuple], strings: dict) -> list[bytes]:
    """The search haystack of each entry record (see :mod:`annobib.bib.parse`).

    A haystack is all groups of the entry's search text, each introduced by its marker:
    folded text (case, accents, width, CJK spacing) and, for author/title/container/tag groups
    with Han characters, their toneless pinyin (second readings of polyphonic characters too,
    and surname readings). LaTeX decoding, folding and pinyin run once over all entries
    joined (whole-string passes), not entry by entry."""
    if not items:
        return []
    items = _scrubbed(items)
    M = MARKERS
    dec_parts = []
    metas = []
    long = LongValues()
    hold = long.hold
    slot_of: dict[str, int] = {}  # field name as written -> slot (names repeat: one lower() each)
    for it in items:
        slots: list[list[str]] = [[], [], [], [], [], [], [], [], []]
        for name, raw in it[5]:
            if not raw:
                continue
            slot = slot_of.get(name)
            if slot is None:
                slot = slot_of[name] = _SLOT.get(name.lower(), 5)
            c = raw[0]
            if (c == "{" or c == '"') and "#" not in raw:  # the usual value: delimiters off
                slots[slot].append(raw[1:-1])
            else:
                slots[slot].append(_quick_value(raw, strings))
        dec_parts.append(_DSEP.join([" ".join(map(hold, x)) for x in slots[:6]]))
        metas.append(slots)
    decoded = long.decode(
        _ESEP.join(dec_parts), lambda: _ESEP.join(_DSEP.join([" ".join(x) for x in m[:6]]) for m in metas)
    )
    if CONTROL.search(decoded.replace(_ESEP, "").replace(_DSEP, "")):
        decoded = re.sub(r"[\x00-\x17\x1a-\x1f\x7f]", " ", decoded)
    plains = _plain_haystacks(items, metas, decoded.split(_ESEP))
    # a closing separator: the last entry folds like the others (fold() trims the ends of
    # non-ASCII text only), so a haystack never depends on what it was built with
    folded_all = tx.fold(_ESEP.join(plains) + _ESEP).split(_ESEP)[:-1]
    py_groups = _pinyin_groups(folded_all)
    empty_py = "".join(M[11 : END + 1])
    return [(folded_all[k] + py_groups.get(k, empty_py)).encode("utf-8", "surrogatepass") for k in range(len(items))]


def _plain_haystacks(items: list[tuple], metas: list, decoded_parts: list[str]) -> list[str]:
    """Each entry's groups behind their markers, before folding: decoded author/title/container/
    tag/note/rest text, its key and type, keywords, languages and URL domain."""
    M = MARKERS
    plains = []
    lang_memo: dict[str, str] = {}
    for k, it in enumerate(items):
        slots = metas[k]
        a_, t_, c_, g_, n_, r_ = decoded_parts[k].split(_DSEP)
        if "," in a_ or "，" in a_:  # Zotero / Better BibTeX 刘, 琳: found as 刘琳 and liulin
            a_ = _CJK_NAME_COMMA.sub("", a_)
        langid = slots[7][0] if slots[7] else None
        if langid:
            langs = lang_memo.get(langid)
            if langs is None:
                code = tx.language_code(langid, None)
                langs = lang_memo[langid] = code + " " + tx.language_name(code) + " " + langid.lower()
        else:
            code = tx.language_code(None, t_ or a_)
            langs = code + " " + tx.language_name(code)
        url = next((v for v in slots[8] if "://" in v), None)
        domain = domain_of(url)
        raw_rest = " ".join(slots[8])
        if raw_rest and CONTROL.search(raw_rest):
            raw_rest = CONTROL.sub(" ", raw_rest)
        plains.append(
            "".join(
                (
                    M[0],
                    it[4],
                    M[1],
                    it[3].lower(),
                    M[2],
                    a_,
                    M[3],
                    t_,
                    M[4],
                    c_,
                    M[5],
                    " ".join(slots[6]),
                    M[6],
                    langs,
                    M[7],
                    domain,
                    M[8],
                    g_,
                    M[9],
                    n_,
                    M[10],
                    r_,
                    " ",
                    raw_rest,
                )
            )
        )
    return plains


def _pinyin_groups(folded_all: list[str]) -> dict[int, str]:
    """The pinyin groups of each haystack with Han characters (author, title, container, tags),
    read in one pass over all of them; a group whose pinyin is its text stays empty."""
    M = MARKERS
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
                            text += "\x1f" + nm.SURNAME_READINGS[fam] + tx.pinyin(name[len(fam) :])
                out.append(text)
            py_groups[k] = "".join((M[11], out[0], M[12], out[1], M[13], out[2], M[14], out[3], M[15], M[16], M[17]))
    return py_groups


_STRING_START = re.compile(rb"^[ \t]*@[ \t]*string[ \t]*[{(]", re.I | re.M)
PARALLEL_MIN = 3000  # chunks to parse before a second process pays for itself
BACKGROUND_MIN = 5000  # entries (or chunks) in a view before writing it is left to a background process


def _uses_macros(item: tuple) -> bool:
    for _name, raw in item[5]:
        c = raw[:1]
        if c == "{" or c == '"':
            if "#" in raw:
                return True
        elif not raw.isdigit():
            return True
    return False


def _chunk_work(
    chunks: list[bytes], digests: list[bytes], recs_in: list, strings: dict, rows: bool = False
) -> list[tuple]:
    """For each chunk: (flags, rec_bytes, pieces_bytes, problems, table rows or None) — parsing
    (one bibtexparser call for all chunks without a record), the haystack of each entry and,
    with ``rows``, its table row (from the records at hand: no second decoding later).

    flags: 1 defines @string macros, 2 an entry uses macros, 4 has a problem.
    pieces: one (haystack, record bytes, line in chunk, char start, char end, key) per entry."""
    missing = [k for k, r in enumerate(recs_in) if r is None]
    if missing:
        parsed, _ = parse_records([chunks[k] for k in missing], [digests[k] for k in missing], None)
        for k, r in zip(missing, parsed):
            recs_in[k] = r
    out: list = []
    pending = []
    dumps = marshal.dumps
    # a chunk that is one broken block: its result, once per distinct record (100,000 bare
    # `@a{k,` heads are one record, message and problem list, shared, not 100,000 copies)
    failed: dict[tuple, tuple] = {}
    for rec in recs_in:
        if len(rec) == 1:  # the usual chunk: one entry, no problem (a tuple, not a list, below)
            it = rec[0]
            if it[0] == "entry" and not it[6]:
                pending.append(it)
                out.append((2 if _uses_macros(it) else 0, dumps(it), it[2], it[4]))
                continue
            if it[0] == "failed":
                done = failed.get(it)
                if done is None:
                    probs = [(it[2], f"{it[3]}; the block is kept verbatim")]
                    done = failed[it] = (4, dumps(rec), [], probs, [] if rows else None)
                out.append(done)
                continue
        flags = 0
        pieces = []
        problems = []
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
                pieces.append([None, dumps(it), it[2], c0, c1, it[4]])
        out.append([flags, rec, pieces, problems])
    hay_list, row_list = _shared(pending, strings, rows)
    result: list[tuple] = []
    pos = 0
    for w in out:
        if type(w) is tuple:
            if len(w) == 5:  # a broken block's, done above
                result.append(w)
                continue
            flags, rec_b, line, key = w
            mine = [row_list[pos]] if rows else None
            result.append((flags, None, [(hay_list[pos], rec_b, line, 0, -1, key)], [], mine))
            pos += 1
            continue
        flags, rec, pieces, problems = w
        n = len(pieces)
        for p, h in zip(pieces, hay_list[pos : pos + n]):
            p[0] = h
        only_entries = all(it[0] == "entry" for it in rec) and not problems
        extra = None if only_entries else marshal.dumps(rec)
        mine = row_list[pos : pos + n] if rows else None
        pos += n
        result.append((flags, extra, [tuple(p) for p in pieces], problems, mine))
    return result


def _distinct(items: list[tuple], strings: dict) -> tuple[list[tuple], list[int]]:
    """(one record per distinct (type, fields) among entries with a plain ASCII key, and every
    other record; for each item, the index of its representative in that list).

    A copy is never expanded, but it charges the macro budget what its representative's
    expansion cost, as reading it on its own would: 12,000 entries sharing one body of
    five 2,000-character macros are refused here as validate refuses them."""
    reps: list[tuple] = []
    rep_of: list[int] = []
    seen: dict[tuple, int] = {}
    costs: dict[int, tuple[int, str]] = {}
    charge = getattr(strings, "charge", None)
    for it in items:
        key = it[4]
        if key.isascii() and key.isprintable() and " " not in key:
            sig = (it[3], it[5])
            n = seen.get(sig)
            if n is None:
                n = seen[sig] = len(reps)
                reps.append(it)
            elif charge is not None:
                cost = costs.get(n)
                if cost is None:
                    cost = costs[n] = _macro_cost(it, strings) if _uses_macros(it) else (0, "")
                if cost[0]:
                    charge(*cost)
        else:
            n = len(reps)
            reps.append(it)
        rep_of.append(n)
    return reps, rep_of


def _macro_cost(item: tuple, strings: dict) -> tuple[int, str]:
    total, last = 0, ""
    for _name, raw in item[5]:
        cost, name = macro_cost(raw, strings)
        total, last = total + cost, name or last
    return total, last


def rows_of(items: list[tuple], strings: dict, summarize=batch_summaries) -> list[tuple]:
    """The table rows of entry records, each distinct (type, fields) worked out once (see
    :func:`_shared`) by ``summarize`` (a list of Entry -> their rows)."""
    reps, rep_of = _distinct(items, strings)
    return _copied_rows(items, reps, rep_of, _rows(reps, strings, summarize))


def _copied_rows(items: list[tuple], reps: list[tuple], rep_of: list[int], rep_rows: list[tuple]) -> list[tuple]:
    """Each item's row: its representative's, under the item's own key."""
    return [rep_rows[n] if reps[n] is it else (it[4], *rep_rows[n][1:]) for it, n in zip(items, rep_of)]


def _shared(items: list[tuple], strings: dict, rows: bool) -> tuple[list[bytes], list[tuple]]:
    """(haystacks, table rows or []) of entry records, computed once per distinct entry body.

    A file of many tiny entries repeats the same type and fields under different keys
    (``@misc{k1,title={a}}`` 50,000 times): both depend on the key only through the key
    itself, so each distinct (type, fields) is decoded, folded and romanized once and the
    others copy its result with their own key. The key's slot is ``key.lower()`` in the
    haystack (what fold() makes of an ASCII key without whitespace; other keys are not shared)."""
    reps, rep_of = _distinct(items, strings)
    rep_hays = batch_hays(reps, strings)
    rep_rows = _rows(reps, strings) if rows else []
    if len(reps) == len(items):
        return rep_hays, rep_rows
    hays = [
        rep_hays[n] if reps[n] is it else _KEY_MARK + it[4].lower().encode() + rep_hays[n][1 + len(reps[n][4]) :]
        for it, n in zip(items, rep_of)
    ]
    return hays, _copied_rows(items, reps, rep_of, rep_rows) if rows else []


def _rows(items: list[tuple], strings: dict, summarize=batch_summaries) -> list[tuple]:
    """The table rows of entry records, as :meth:`annobib.lookup.view.View.summaries` has them."""
    return summarize([entry_from_record(it, strings, 0, None)[0] for it in items])


def _chunk_work_parallel(chunks, digests, recs_in, strings, rows: bool = False) -> list[tuple]:
    """:func:`_chunk_work` with the second half done in a forked process (2+ cores)."""
    n = len(chunks)
    if n < PARALLEL_MIN or (os.cpu_count() or 1) < 2 or not hasattr(os, "fork") or perf.DETACHED:
        return _chunk_work(chunks, digests, recs_in, strings, rows)
    half = n // 2
    rfd, wfd = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: the second half, sent back marshalled
        code = 0
        try:
            os.close(rfd)
            res = marshal.dumps(_chunk_work(chunks[half:], digests[half:], recs_in[half:], strings, rows))
            with os.fdopen(wfd, "wb") as fh:
                fh.write(res)
        except BaseException:  # noqa: BLE001
            code = 1
        finally:
            os._exit(code)
    os.close(wfd)
    reader = os.fdopen(rfd, "rb")
    try:
        mine = _chunk_work(chunks[:half], digests[:half], recs_in[:half], strings, rows)
        blob = reader.read()
    finally:
        reader.close()  # if we failed, the child's write fails too and it exits
        _, status = os.waitpid(pid, 0)
    if status != 0 or not blob:
        return mine + _chunk_work(chunks[half:], digests[half:], recs_in[half:], strings, rows)
    return mine + [tuple(x) for x in marshal.loads(blob)]


def rebuild(
    path: Path,
    data: bytes,
    digest: str,
    st,
    base: Path,
    use_cache: bool,
    records: dict | None = None,
    rows: bool = False,
) -> tuple[dict, dict, dict[bytes, list]]:
    """The view of ``data``: chunks whose bytes the previous view of this file already has
    are copied from it (haystacks, records, keys, shifted lines and offsets); the others are
    parsed (one bibtexparser call) and indexed, in two processes when there are many.

    Also (the third item) the table rows of the chunks parsed now, by chunk digest, when
    ``rows`` is asked (a command that shows rows: made while the records are at hand, in both
    processes, instead of decoded again from the view); else {}."""
    with perf.paused_gc():
        return _rebuild(path, data, digest, st, base, use_cache, records or {}, rows)


class _Old:
    """The previous view of the file, as the rebuild reads it (sections loaded once)."""

    def __init__(self, header: dict, load):
        self.header, self._load = header, load
        self.chunks = ChunkTable(load("chunk"))
        self.digests = self.chunks.digests()
        self._sections: dict = {}

    def load(self, name: str):
        if name not in self._sections:
            self._sections[name] = self._load(name)
        return self._sections[name]

    def index(self, lo: int = 0, hi: int | None = None) -> dict[bytes, int]:
        """chunk digest -> its first index in the old view, among chunks ``lo`` to ``hi``."""
        out: dict[bytes, int] = {}
        hi = len(self.digests) if hi is None else hi
        for n, d in zip(range(lo, hi), Digests(self.digests.part(lo, hi))):
            out.setdefault(d, n)
        return out

    def flagged(self, flag: int) -> list[int]:
        """The old chunks with ``flag`` (1 defines @string macros, 2 uses them, 4 has a problem)."""
        return self.chunks.flagged(flag)

    def record(self, k: int):
        """The stored parse record of chunk ``k`` (None when it holds entries only)."""
        extra = self.chunks.extra.get(k)
        return None if extra is None else marshal.loads(extra)


def _origins(digests: Digests, known: list[tuple], old: _Old | None) -> list[tuple[int, int, int]]:
    """Runs (first new chunk, first old chunk, count) of chunks the old view has: the ``known``
    ones, plus those found by digest between them (among the old chunks between the known
    runs when they are few: an edit moves text locally; else among all)."""
    if old is None:
        return []
    pairs: list[tuple[int, int]] = []
    pos, old_pos = 0, 0
    bounds = sorted(known) + [(len(digests), len(old.digests), 0)]
    for i0, o0, n in bounds:
        if i0 > pos:
            near = o0 - old_pos <= 4 * (i0 - pos) + 1024
            index = old.index(old_pos, o0) if near else old.index()
            pairs += [(i, index[d]) for i, d in zip(range(pos, i0), Digests(digests.part(pos, i0))) if d in index]
        pos, old_pos = i0 + n, o0 + n
    runs: list[list[int]] = []
    for i, o in pairs:  # consecutive in both: one run
        if runs and runs[-1][0] + runs[-1][2] == i and runs[-1][1] + runs[-1][2] == o:
            runs[-1][2] += 1
        else:
            runs.append([i, o, 1])
    return sorted([(r[0], r[1], r[2]) for r in runs] + list(known))


def _mapped(runs: list[tuple], old_ks: list[int]) -> list[tuple[int, int]]:
    """(new index, old index) of the old chunks ``old_ks`` (sorted) that the runs carry over."""
    out = []
    for i0, o0, n in runs:
        for k in old_ks[bisect.bisect_left(old_ks, o0) : bisect.bisect_left(old_ks, o0 + n)]:
            out.append((i0 + k - o0, k))
    return out


def _macros(path: Path, data: bytes, chunks, digests, runs, fresh: list[int], old: _Old | None):
    """(macros, records parsed now for new @string chunks): @string chunks in file order, old
    ones from their stored record."""
    pre: dict[int, list] = {}
    ordered = [(i, old.record(o)) for i, o in _mapped(runs, old.flagged(1))] if old else []
    # one scan of the whole file first: most files define no macros (no chunk to slice and scan)
    found = [i for i in fresh if _STRING_START.search(chunks[i])] if _STRING_START.search(data) else []
    # all in one parse: one at a time, 20,000 @string chunks took 20,000 parser set-ups (2 s)
    for i, rec in zip(found, parse_records([chunks[i] for i in found], [digests[i] for i in found], None)[0]):
        pre[i] = rec
        ordered.append((i, rec))
    ordered.sort(key=lambda x: x[0])
    return collect_strings([rec for _, rec in ordered], len(data), str(path)), pre


def _rebuild(
    path: Path, data: bytes, digest: str, st, base: Path, use_cache: bool, records: dict, rows: bool
) -> tuple[dict, dict, dict[bytes, list]]:
    old = None
    table = None
    got = old_view(path) if use_cache else None
    if got is not None:
        try:
            old = _Old(*got)
            table = aligned_table(data, old.header, old.digests, old.load("cline"), old.load("cbyte"))
        except (OSError, EOFError, ValueError, TypeError, KeyError):
            old, table = None, None
    chunks, lines, digests, byte_starts, known = table if table is not None else full_table(data)
    runs = _origins(digests, known, old)
    fresh = _complement(runs, len(chunks))
    # the bytes must be UTF-8 (one clear error otherwise); chunks the old view has were valid
    if old is None or b"\x00" in data:
        decode_bib_bytes(data, str(path))
    else:
        for i in fresh:
            try:
                chunks[i].decode("utf-8")
            except UnicodeDecodeError:
                decode_bib_bytes(data, str(path))
    strings, pre = _macros(path, data, chunks, digests, runs, fresh, old)
    strings_digest = hashlib.sha1(marshal.dumps(sorted(strings.items()))).hexdigest()
    same_strings = old is not None and old.header.get("strings_digest") == strings_digest
    # parse and index the new chunks, and those whose macros changed
    again: list[tuple[int, int | None]] = [] if same_strings or old is None else list(_mapped(runs, old.flagged(2)))
    work = sorted([(i, None) for i in fresh] + again)
    done: dict[int, tuple] = {}
    fresh_rows: dict[bytes, list] = {}
    if len(work) > 1000:  # many lookups ahead: bytes objects at hand, not a slice per lookup
        digests = list(digests)
    if work:
        recs_in = []
        for i, o in work:
            if i in pre:
                recs_in.append(pre[i])
            elif o is not None and old is not None and old.record(o) is not None:
                recs_in.append(old.record(o))
            else:  # parsed by the caller, else parse now (also when only macros changed)
                recs_in.append(records.get(digests[i]))
        try:
            results = _chunk_work_parallel(
                [chunks[i] for i, _ in work], [digests[i] for i, _ in work], recs_in, strings, rows
            )
        except MacroTooLarge as exc:
            raise MacroTooLarge(f"{path}: {exc}") from None
        done = {i: r for (i, _), r in zip(work, results)}
        if rows:
            fresh_rows = {digests[i]: r[4] for i, r in done.items()}
    out = _assemble(_segments(runs, done), done, lines, digests, old)
    keys_out, line_out, problems = out.pop("keys"), out["line"], out.pop("problems")
    if len(set(keys_out)) != len(keys_out):
        seen: dict[str, int] = {}
        for n, k in enumerate(keys_out):
            if k in seen:
                problems.append((line_out[n], f"duplicate key {k} (first defined on line {seen[k]})"))
            else:
                seen[k] = line_out[n]
    problems.sort()
    header = {
        "code": code_signature(),
        "size": len(data),
        "mtime_ns": st.st_mtime_ns,
        "digest": digest,
        "count": len(keys_out),
        "problems": problems,
        "strings": dict(strings),
        "strings_digest": strings_digest,
        "segs": segment_hashes(
            data, byte_starts, old.header.get("segs") if old else None, runs, len(old.digests) if old else 0
        ),
    }
    sections = dict(out, cline=lines, cbyte=byte_starts)
    if use_cache:

        def save() -> None:
            try:
                write_view(base.with_suffix(".view"), header, sections)
            except OSError:
                pass  # a cache that cannot be written only costs speed

        if max(len(keys_out), len(chunks)) >= BACKGROUND_MIN:  # (100,000 broken blocks: no entry)
            perf.soon(save)  # tens of MB: written after the answer, by a detached process
        else:
            save()
    return header, sections, fresh_rows


def _complement(runs: list[tuple], n: int) -> list[int]:
    """The chunk indices below ``n`` that no run covers (the new chunks)."""
    out: list[int] = []
    pos = 0
    for i0, _o0, k in runs + [(n, 0, 0)]:
        out.extend(range(pos, i0))
        pos = i0 + k
    return out


def _segments(runs: list[tuple], done: dict) -> list[tuple]:
    """The file in order: (first chunk, first old chunk or None, count); chunks in ``done`` are
    single segments with None, the rest of each run is copied."""
    cuts = sorted(done)
    out = [(i, None, 1) for i in cuts]
    for i0, o0, n in runs:
        start = i0
        for d in cuts[bisect.bisect_left(cuts, i0) : bisect.bisect_left(cuts, i0 + n)]:
            if d > start:
                out.append((start, o0 + start - i0, d - start))
            start = d + 1
        if start < i0 + n:
            out.append((start, o0 + start - i0, i0 + n - start))
    out.sort(key=lambda x: x[0])
    return out


def _assemble(segments: list[tuple], done: dict, lines: list[int], digests: list[bytes], old: _Old | None) -> dict:
    """The view's sections (and its problems): new chunks from ``done``, runs of old chunks
    copied from the old view in one slice each, lines and chunk indices shifted."""
    if old is not None and any(o is not None for _, o, _ in segments):
        old_hay, starts_b = old.load("hay")
        old_starts = array("Q")
        old_starts.frombytes(starts_b)
        offs_b, old_rec = old.load("rec")
        old_rec_offs = array("Q")
        old_rec_offs.frombytes(offs_b)
        old_rec_crc = array("I")
        old_rec_crc.frombytes(old.load("reccrc"))  # the old view was checked whole (store.old_view)
        old_keys = split_keys(old.load("key"))
        old_lines, old_spans, old_cline = (old.load(n) for n in ("line", "span", "cline"))
        old_entry_start = old.chunks.entry_starts()
        old_problem_chunks = old.flagged(4)
    hay_parts: list[bytes] = []
    hay_starts = array("Q")
    rec_parts: list[bytes] = []
    rec_offs = array("Q", [0])
    rec_crc = array("I")  # each record's CRC-32: a lookup reads a few alone (view.Packed)
    keys_out: list[str] = []
    line_out: list[int] = []
    span_out: list[tuple] = []
    chunk_out = ChunkTable()
    problems: list[tuple] = []
    hay_len = 0
    rec_len = 0
    for i, o0, count in segments:
        if o0 is None:
            flags, extra, pieces, probs, _fresh_rows = done[i]
            for local_line, msg in probs:
                problems.append((lines[i] + local_line + 1, msg))
            for h, r, local_line, c0, c1, key in pieces:
                hay_starts.append(hay_len)
                hay_parts.append(h)
                hay_len += len(h)
                rec_parts.append(r)
                rec_len += len(r)
                rec_offs.append(rec_len)
                rec_crc.append(zlib.crc32(r))
                keys_out.append(key)
                line_out.append(lines[i] + local_line + 1)
                span_out.append((i, c0, c1))  # chunk index; its bytes are at cbyte[i]
            chunk_out.append(digests[i], len(pieces), flags, extra, probs)
            continue
        assert old is not None  # a copied segment comes from the old view
        o1 = o0 + count - 1
        e0, e1 = old_entry_start[o0], old_entry_start[o1 + 1]
        dline = lines[i] - old_cline[o0]
        chunk_out.extend(old.chunks, o0, o1)
        for k in old_problem_chunks[
            bisect.bisect_left(old_problem_chunks, o0) : bisect.bisect_right(old_problem_chunks, o1)
        ]:
            for local_line, msg in old.chunks.probs[k]:
                problems.append((old_cline[k] + dline + local_line + 1, msg))
        if e1 > e0:
            h0 = old_starts[e0]
            h1 = old_starts[e1] if e1 < len(old_starts) else len(old_hay)
            shift = hay_len - h0
            hay_starts.extend([x + shift for x in old_starts[e0:e1]] if shift else old_starts[e0:e1])
            hay_parts.append(old_hay[h0:h1])
            hay_len += h1 - h0
            r0, r1 = old_rec_offs[e0], old_rec_offs[e1]
            rshift = rec_len - r0
            rec_offs.extend(
                [x + rshift for x in old_rec_offs[e0 + 1 : e1 + 1]] if rshift else old_rec_offs[e0 + 1 : e1 + 1]
            )
            rec_parts.append(old_rec[r0:r1])
            rec_crc.extend(old_rec_crc[e0:e1])
            rec_len += r1 - r0
            keys_out.extend(old_keys[e0:e1])
            line_out.extend([x + dline for x in old_lines[e0:e1]] if dline else old_lines[e0:e1])
            dchunk = i - o0
            span_out.extend([(k + dchunk, c, e) for k, c, e in old_spans[e0:e1]] if dchunk else old_spans[e0:e1])
    return {
        "key": join_keys(keys_out),
        "line": line_out,
        "span": span_out,
        "hay": (b"".join(hay_parts), hay_starts.tobytes()),
        "rec": (rec_offs.tobytes(), b"".join(rec_parts)),
        "reccrc": rec_crc.tobytes(),
        "chunk": chunk_out.section(),
        "problems": problems,
        "keys": keys_out,
    }
