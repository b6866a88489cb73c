"""Reading a .bib file to change a few entries by key, without parsing the rest of it.

``tag KEY +x`` on a 50,000-entry file spent a second and a half parsing 49,999 entries it never
touched (and building a block for each). :func:`read_for_keys` instead checks every chunk (see
:mod:`annobib.bib.parse`) with one regular-expression pass: a chunk that is one plain entry (the
parser's fast path, which never fails) is left as text; every other chunk (``@string``,
``@comment``, escapes, ``%``, anything odd) is parsed as the full read parses it. The library it
returns holds the wanted entries, the ``@string`` blocks and every other parsed block; the
stretches of plain entries between them are "text" blocks the writer copies byte for byte.

It gives up (None: the caller reads the whole file) whenever the shortcut could differ from the
full read: a block that does not parse (the editing commands refuse such a file and say where),
a key found twice (also when the two differ only in case), a key not found (the full read
suggests near misses), a key whose head is not at a chunk start (inside a comment, or after
other text on its line), and an entry with ``crossref`` or ``xdata`` (inherited fields).
"""

from __future__ import annotations

import bisect
import re
from pathlib import Path

from annobib.bib import parse as _parse
from annobib.bib.library import Library, build_library, file_stamp, read_bytes
from annobib.core.files import acquire, release
from annobib.core.inputs import decode_utf8

# The chunk regex of bib.parse (on bytes there, ``\w`` is ASCII) on text.
_CHUNK_START = re.compile(r"\n[ \t]*+@[A-Za-z0-9_]*+[ \t]*+[{(]")

# A chunk that is one plain entry, as ``_fast_record`` takes it (the same pieces: a match here
# is a match there; the converse does not matter, such a chunk is parsed), ending where the
# next chunk starts or the text ends.
_PLAIN_ENTRY = (
    r"[ \t]*+@(?!(?i:comment|string|preamble))[A-Za-z]\w*+\{" + _parse.PLAIN_KEY + r"++"
    r"(?:\}|,(?:" + _parse.PLAIN_FIELD + r",)*+(?:" + _parse.PLAIN_FIELD + r")?+\s*+\})"
    r"(?:[^@]*+\Z|[^@]*\n(?=[ \t]*+@[A-Za-z0-9_]*+[ \t]*+[{(]))"
)
_PLAIN_RUN = re.compile(r"(?:" + _PLAIN_ENTRY + r")*+")

MAX_KEYS = 20_000  # more keys than this: one full read (from the parse cache) costs less
FEW_KEYS = 50  # up to this many keys, one regex of them all; beyond, every entry head is read
# an entry head and its key (what the key regex of FEW_KEYS keys matches, for any key)
_ANY_HEAD = re.compile(r"@[ \t]*+\w*+[ \t]*+[{(]\s*+([^\s,})]++)")
INHERITING = ("crossref", "xdata")


def read_for_keys(path: str | Path, keys: list[str], *, lock: bool = True) -> Library | None:
    """The library at ``path`` for changing the entries ``keys``, its entries other than these
    left unparsed; None when only the full read can be trusted (see the module docstring).
    With ``lock`` the file's write lock is taken before the read and kept, as
    :func:`annobib.bib.library.read_library` does (also when None is returned: the caller's
    full read then re-enters it)."""
    path = Path(path)
    if not keys or len(keys) > MAX_KEYS:
        return None
    token = acquire(path) if lock else None
    try:
        lib = _read(path, list(dict.fromkeys(keys)))
    except BaseException:
        if token is not None:
            release(token)
        raise
    if lib is None:
        if token is not None:
            release(token)
        return None
    lib.lock_token = token
    return lib


def _read(path: Path, keys: list[str]) -> Library | None:
    data = read_bytes(path)
    text = decode_utf8(data, str(path))  # the same checks as the full read (and its BOM rule)
    slow = _odd_chunks(text)
    # a chunk without `@` (text before the first block) is a comment: no parser needed
    odd = [i for i, (s, e) in enumerate(slow) if "@" in text[s:e]]
    records: list[list] = [[] for _ in slow]
    for i, rec in zip(odd, _parse.parse_chunks([text[slow[i][0] : slow[i][1]] for i in odd])):
        records[i] = rec
    if any(item[0] == "failed" for rec in records for item in rec):
        return None  # the full read says where, and the command refuses the file
    wanted = _targets(text, keys, slow, records)
    if wanted is None:
        return None
    keep = {i for i, rec in enumerate(records) if any(item[0] != "entry" for item in rec)}
    pieces: list[tuple[int, int, list]] = [(*slow[i], records[i]) for i in sorted(keep | wanted["slow"])]
    plain = [(s, e) for s, e in wanted["plain"]]
    for (s, e), rec in zip(plain, _parse.parse_chunks([text[s:e] for s, e in plain])):
        pieces.append((s, e, rec))
    pieces.sort(key=lambda p: p[0])
    chunks: list[str] = []
    recs: list[list] = []
    lines: list[int] = []
    pos = line = 0
    for start, end, rec in pieces:
        if start > pos:  # the plain entries between: one verbatim block
            chunks.append(text[pos:start])
            recs.append([("text", 0, 0, None, None)])
            lines.append(line)
            line += text.count("\n", pos, start)
        chunks.append(text[start:end])
        recs.append(rec)
        lines.append(line)
        line += text.count("\n", start, end)
        pos = end
    if pos < len(text):
        chunks.append(text[pos:])
        recs.append([("text", 0, 0, None, None)])
        lines.append(line)
    lib = build_library(chunks, lines, recs, path, size=len(data))
    by_key = {}  # first block of each key, as Library.get finds it (one scan, not one a key)
    for block in lib.blocks:
        k = block.key
        if k is not None and k not in by_key:
            by_key[k] = block
    for key in keys:
        hit = by_key.get(key)
        entry = hit.entry if hit is not None else None
        if entry is None or any(name in entry.fields for name in INHERITING):
            return None
    lib.bom = data.startswith(b"\xef\xbb\xbf")
    lib.original_text = text
    lib.stamp = file_stamp(path, data)
    return lib


def _odd_chunks(text: str) -> list[tuple[int, int]]:
    """(start, end) of every chunk that is not one plain entry, in file order."""
    out: list[tuple[int, int]] = []
    pos, size = 0, len(text)
    match_run, next_chunk = _PLAIN_RUN.match, _CHUNK_START.search
    while pos < size:
        pos = match_run(text, pos).end()  # type: ignore[union-attr]  # (an empty match at least)
        if pos >= size:
            break
        nxt = next_chunk(text, pos)
        end = nxt.start() + 1 if nxt is not None else size
        out.append((pos, end))
        pos = end
    return out


def _targets(text: str, keys: list[str], slow: list[tuple[int, int]], records: list[list]) -> dict | None:
    """Where each key's entry is: {"slow": indexes of parsed chunks, "plain": (start, end) of
    plain chunks}; None unless every key names exactly one entry, case-insensitively."""
    folded = {k.casefold(): k for k in keys}
    if len(folded) != len(keys):
        return None  # two keys differing only in case: let the full read decide
    found: dict[str, list] = {k: [] for k in folded}
    slow_hits: set[int] = set()
    for i, rec in enumerate(records):
        for item in rec:
            if item[0] == "entry" and str(item[4]).casefold() in found:
                found[str(item[4]).casefold()].append(("slow", i))
                slow_hits.add(i)
    starts = [s for s, _ in slow]
    if len(keys) <= FEW_KEYS:
        heads = re.compile(
            r"@[ \t]*+\w*+[ \t]*+[{(]\s*+(" + "|".join(re.escape(k) for k in keys) + r")(?=[\s,})]|\Z)", re.IGNORECASE
        )
    else:  # an alternation of thousands of keys is tried key by key at each `@`: every head once
        heads = _ANY_HEAD
    plain: list[tuple[int, int]] = []
    for m in heads.finditer(text):
        name = m.group(1).casefold()
        if heads is _ANY_HEAD and name not in found:
            continue  # another entry's head
        i = bisect.bisect_right(starts, m.start()) - 1
        if i >= 0 and m.start() < slow[i][1]:
            continue  # in a parsed chunk: its records counted it
        if name not in found:
            return None  # a case variant that casefold maps elsewhere: be careful
        line_start = text.rfind("\n", 0, m.start()) + 1
        if text[line_start : m.start()].strip(" \t"):
            return None  # a plain chunk has one `@`, its head at the start of its line
        nxt = _CHUNK_START.search(text, m.start())
        found[name].append(("plain", len(plain)))
        plain.append((line_start, nxt.start() + 1 if nxt is not None else len(text)))
    if any(len(hits) != 1 for hits in found.values()):
        return None
    return {"slow": slow_hits, "plain": plain}
