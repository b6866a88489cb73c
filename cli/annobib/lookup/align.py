"""Locating an edit: the chunk table of a new version of a file, from the previous view.

Cutting a 50,000-entry file into chunks and hashing each one costs more than everything else
an edit needs. The view therefore records a hash per *segment* (``SEGMENT`` consecutive
chunks). A new version is compared segment by segment from the front (same offsets) and from
the back (offsets shifted by the change in size); only the bytes between the first and the last
segment that differ are cut into chunks and hashed. Chunk boundaries depend on one line only
(a line that starts with ``@type{``, see :func:`annobib.bib.parse.chunk_bounds`), so those of
the unchanged stretches are the old ones, shifted; the two boundaries at the edges of the
changed stretch are checked in the new bytes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from itertools import accumulate, repeat

from annobib.bib.parse import CHUNK_AFTER_NL, chunk_bounds
from annobib.lookup.store import Digests

SEGMENT = 256  # chunks per segment hash: ~100 KB of a typical file


class Chunks:
    """The chunks of ``data`` as a sequence of byte strings, sliced on demand."""

    def __init__(self, data: bytes, starts: list[int]):
        self.data, self.starts = data, starts

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, i: int) -> bytes:
        end = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.data)
        return self.data[self.starts[i] : end]


def full_table(data: bytes) -> tuple[Chunks, list[int], Digests, list[int], list[tuple[int, int, int]]]:
    """(chunks, 0-based line of each, SHA-1 of each, byte offset of each, []): the whole file.
    The last item, runs of chunks known to be old ones, is empty: every chunk is looked up."""
    starts = chunk_bounds(data)
    chunks = Chunks(data, starts)
    # map() over the chunks at C speed: a generator of 50,000 tiny slices cost ~40 ms
    ends = starts[1:] + [len(data)]
    view = memoryview(data)
    digests = Digests(
        b"".join([h.digest() for h in map(hashlib.sha1, map(view.__getitem__, map(slice, starts, ends)))])
    )
    lines = list(accumulate(map(data.count, repeat(b"\n"), [0, *starts[:-1]], starts)))
    return chunks, lines, digests, starts, []


def aligned_table(
    data: bytes, header: dict, digests_old: Digests, lines_old: list[int], starts_old: list[int]
) -> tuple | None:
    """The same table, taking the chunks of unchanged stretches from the old view (its header,
    and per chunk: digest, line, byte offset); the last item lists those stretches as runs
    (first new chunk, first old chunk, count). None when the old view has no segment hashes."""
    segs = header.get("segs")
    old_size = header.get("size")
    n_old = len(starts_old)
    if not segs or old_size is None or not n_old or len(digests_old) != n_old or len(lines_old) != n_old:
        return None
    size = len(data)
    delta = size - old_size
    view = memoryview(data)
    j = 0  # segments equal at the front
    while j < len(segs):
        c0, b0, b1, d = segs[j]
        if b1 > size or hashlib.sha1(view[b0:b1]).digest() != d:
            break
        j += 1
    c_p = segs[j][0] if j < len(segs) else n_old  # first old chunk not known to be unchanged
    front = starts_old[c_p] if c_p < n_old else old_size
    k = len(segs)  # segments from k on are equal at the back
    while k > j:
        c0, b0, b1, d = segs[k - 1]
        if b0 + delta < front or hashlib.sha1(view[b0 + delta : b1 + delta]).digest() != d:
            break
        k -= 1
    c_q = segs[k][0] if k < len(segs) else n_old  # first old chunk of the unchanged tail
    # the changed stretch [p, q) of the new bytes must begin and end at chunk boundaries
    p = starts_old[c_p] if c_p < n_old else old_size
    if 0 < p < size and not CHUNK_AFTER_NL.match(data, p - 1):
        c_p -= 1  # the line there no longer starts a block: the chunk before it grew
        p = starts_old[c_p]
    q = starts_old[c_q] + delta if c_q < n_old else size
    if 0 < q < size and not CHUNK_AFTER_NL.match(data, q - 1):
        c_q += 1  # the old chunk there now belongs to the one before it
        q = starts_old[c_q] + delta if c_q < n_old else size
    if p > q or size == 0:
        return None
    line_end = data.find(b"\n", q)
    scan_end = line_end if line_end >= 0 else size  # a block line at q ends here
    middle = [p] if p < q else []
    middle += [m.start() + 1 for m in CHUNK_AFTER_NL.finditer(data, p, scan_end) if m.start() + 1 < q]
    starts = starts_old[:c_p] + middle + ([s + delta for s in starts_old[c_q:]] if delta else starts_old[c_q:])
    if c_p < n_old:
        line_p = lines_old[c_p]
    else:
        line_p = lines_old[-1] + data.count(b"\n", starts_old[-1], p)
    mid_lines = _lines_from(data, middle, line_p, p)
    dline = line_p + data.count(b"\n", p, q) - lines_old[c_q] if c_q < n_old else 0
    lines = lines_old[:c_p] + mid_lines + ([x + dline for x in lines_old[c_q:]] if dline else lines_old[c_q:])
    ends = middle[1:] + [q]
    fresh = b"".join(hashlib.sha1(view[a:b]).digest() for a, b in zip(middle, ends))
    digests = Digests(digests_old.part(0, c_p) + fresh + digests_old.part(c_q))
    if not starts or starts[0] != 0:
        return None  # never happens; the full table is always right
    runs = [r for r in ((0, 0, c_p), (c_p + len(middle), c_q, n_old - c_q)) if r[2] > 0]
    return Chunks(data, starts), lines, digests, starts, runs


def segment_hashes(
    data: bytes, starts: list[int], old_segs: list | None = None, runs: Sequence[tuple] = (), n_old: int = 0
) -> list[tuple[int, int, int, bytes]]:
    """(first chunk, first byte, end byte, SHA-1 of the bytes) per ``SEGMENT`` chunks.

    A segment that lies inside a run of chunks carried over from the old view (``runs``:
    first new chunk, first old chunk, count) and lines up with an old segment has that
    segment's bytes, so its hash is taken over rather than computed."""
    view = memoryview(data)
    out = []
    n = len(starts)
    for c0 in range(0, n, SEGMENT):
        c1 = min(c0 + SEGMENT, n)
        b0 = starts[c0]
        b1 = starts[c1] if c1 < n else len(data)
        digest = _same_segment(old_segs, runs, n_old, c0, c1, b1 - b0) if old_segs else None
        out.append((c0, b0, b1, digest or hashlib.sha1(view[b0:b1]).digest()))
    return out


def _same_segment(old_segs: list, runs, n_old: int, c0: int, c1: int, size: int) -> bytes | None:
    """The hash of the old segment holding exactly the chunks ``c0``..``c1`` (exclusive) of a run."""
    for i0, o0, k in runs:
        if i0 <= c0 and c1 <= i0 + k:
            first = c0 - i0 + o0
            t = first // SEGMENT
            if first % SEGMENT or t >= len(old_segs):
                return None
            oc0, ob0, ob1, digest = old_segs[t]
            oc1 = old_segs[t + 1][0] if t + 1 < len(old_segs) else n_old
            return digest if oc1 - oc0 == c1 - c0 and ob1 - ob0 == size else None
    return None


def _slices(data: bytes, starts: list[int]):
    view = memoryview(data)
    for a, b in zip(starts, starts[1:] + [len(data)]):
        yield view[a:b]


def _lines_from(data: bytes, starts: list[int], line: int, pos: int) -> list[int]:
    """The 0-based line of each start, counting on from ``line`` at byte ``pos``."""
    out = []
    for s in starts:
        line += data.count(b"\n", pos, s)
        out.append(line)
        pos = s
    return out
