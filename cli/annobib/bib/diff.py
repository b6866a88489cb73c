"""Unified diffs in time proportional to what changed.

``difflib.unified_diff`` on a whole 50,000-entry file takes about a minute (its matcher looks at
every line); a write knows which stretches of the text are copied verbatim, so only the
stretches between them are matched, and the rest is context. The output is a unified diff in
difflib's format (difflib may align a moved line differently; both are valid).
"""

from __future__ import annotations

import bisect
import difflib
from collections.abc import Sequence
from itertools import accumulate
from typing import Literal

Region = tuple[int, int, int, int]  # changed lines: old from, old to, new from, new to
Opcode = tuple[Literal["replace", "delete", "insert", "equal"], int, int, int, int]  # difflib's


def unified_diff(old: str, new: str, name: str = "bibliography") -> str:
    """The diff of two texts; lines common to both ends are not matched line by line."""
    a, b = old.splitlines(keepends=True), new.splitlines(keepends=True)
    head = 0
    limit = min(len(a), len(b))
    while head < limit and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < limit - head and a[len(a) - 1 - tail] == b[len(b) - 1 - tail]:
        tail += 1
    return _render(a, b, [(head, len(a) - tail, head, len(b) - tail)], name)


def library_diff(old: str, new: str, parts: Sequence[tuple[object, str, int]], name: str) -> str:
    """The diff of a library write. ``parts`` are the writer's (block, text, old offset): a part
    with an offset >= 0 is text copied from ``old`` at that offset. Falls back to
    :func:`unified_diff` when the parts do not add up to the two texts."""
    anchors: list[tuple[int, int, int]] = []  # (old start, new start, length) of verbatim text
    pos = 0
    for block, text, offset in parts:
        if offset >= 0 and text:
            anchors.append((offset, pos, len(text)))
        elif block is not None:
            anchors += _block_anchors(old, block, text, pos)
        pos += len(text)
    a, b = old.splitlines(keepends=True), new.splitlines(keepends=True)
    try:
        regions = _regions(old, new, a, b, anchors)
    except _Mismatch:
        return unified_diff(old, new, name)
    return _render(a, b, regions, name)


class _Mismatch(Exception):
    pass


def _block_anchors(old: str, block: object, text: str, pos: int) -> list[tuple[int, int, int]]:
    """Anchors inside a rewritten block: the whole lines it shares with its old text at the
    start and at the end. Without them, blocks edited back to back (a fix in every entry) made
    one changed stretch as long as the file, and matching it line by line was quadratic (500
    entries: 18 s). A block with no old text in ``old`` (added, or moved) gives none."""
    start, raw = getattr(block, "offset", -1), getattr(block, "raw", "")
    if start < 0 or not raw or not text or old[start : start + len(raw)] != raw:
        return []
    a, b = raw.splitlines(keepends=True), text.splitlines(keepends=True)
    limit = min(len(a), len(b))
    head = 0
    while head < limit and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < limit - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    out = []
    if head:
        out.append((start, pos, sum(map(len, a[:head]))))
    if tail:
        size = sum(map(len, a[len(a) - tail :]))
        out.append((start + len(raw) - size, pos + len(text) - size, size))
    return out


def _line_starts(text: str, lines: list[str]) -> list[int]:
    """Where each line starts; the end of a text whose last line is ended counts as the start
    of an (empty) line after it, so that text appended there changes no existing line."""
    out = list(accumulate(map(len, lines), initial=0))
    out.pop()  # the end of the last line
    if not lines or lines[-1].splitlines()[0] != lines[-1]:
        out.append(len(text))
    return out


def _regions(old: str, new: str, a: list[str], b: list[str], anchors: list[tuple[int, int, int]]) -> list[Region]:
    """Changed line ranges (old from, old to, new from, new to), in order, not touching."""
    sa, sb = _line_starts(old, a), _line_starts(new, b)
    gaps: list[Region] = []  # changed character ranges between anchors
    prev_old = prev_new = 0
    for o, n, length in anchors + [(len(old), len(new), 0)]:
        if o < prev_old or n < prev_new or old[o : o + length] != new[n : n + length]:
            raise _Mismatch
        if o > prev_old or n > prev_new:
            gaps.append((prev_old, o, prev_new, n))
        prev_old, prev_new = o + length, n + length
    regions: list[list[int]] = []
    for o1, o2, n1, n2 in gaps:
        # whole lines: from the line holding the gap's start to the one holding its end (a gap
        # that starts inside a line and is empty still changes that line)
        la, lb = bisect.bisect_right(sa, o1) - 1, bisect.bisect_left(sa, o2)
        lc, ld = bisect.bisect_right(sb, n1) - 1, bisect.bisect_left(sb, n2)
        if regions and (la <= regions[-1][1] or lc <= regions[-1][3]):
            regions[-1][1], regions[-1][3] = max(regions[-1][1], lb), max(regions[-1][3], ld)
        else:
            regions.append([la, lb, lc, ld])
    # what lies between the regions must be the same lines on both sides
    pa = pb = 0
    for la, lb, lc, ld in regions + [[len(a), len(a), len(b), len(b)]]:
        if la - pa != lc - pb or a[pa:la] != b[pb:lc]:
            raise _Mismatch
        pa, pb = lb, ld
    return [(la, lb, lc, ld) for la, lb, lc, ld in regions]


class _Fixed(difflib.SequenceMatcher[str]):
    """A matcher whose opcodes are given (difflib groups them into hunks)."""

    def __init__(self, opcodes: list[Opcode]):
        super().__init__(None, [], [])
        self._ops = opcodes

    def get_opcodes(self) -> list[Opcode]:
        return self._ops


def _render(a: list[str], b: list[str], regions: list[Region], name: str) -> str:
    ops: list[Opcode] = []
    pa = pb = 0
    for la, lb, lc, ld in regions:
        if la > pa:
            ops.append(("equal", pa, la, pb, lc))
        if lb > la or ld > lc:
            for kind, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a[la:lb], b[lc:ld], autojunk=False).get_opcodes():
                ops.append((kind, la + i1, la + i2, lc + j1, lc + j2))
        pa, pb = lb, ld
    if len(a) > pa:
        ops.append(("equal", pa, len(a), pb, len(b)))
    merged: list[Opcode] = []  # difflib's grouping expects no two "equal" runs in a row
    for op in ops:
        if merged and op[0] == "equal" == merged[-1][0]:
            merged[-1] = ("equal", merged[-1][1], op[2], merged[-1][3], op[4])
        elif op[2] > op[1] or op[4] > op[3]:
            merged.append(op)
    ops = merged
    if all(op[0] == "equal" for op in ops):
        return ""
    out = [f"--- a/{name}\n", f"+++ b/{name}\n"]
    for group in _Fixed(ops).get_grouped_opcodes(3):
        first, last = group[0], group[-1]
        out.append(f"@@ -{_range(first[1], last[2])} +{_range(first[3], last[4])} @@\n")
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                out += [" " + line for line in a[i1:i2]]
                continue
            if tag in ("replace", "delete"):
                out += ["-" + line for line in a[i1:i2]]
            if tag in ("replace", "insert"):
                out += ["+" + line for line in b[j1:j2]]
    return "".join(out)


def _range(start: int, stop: int) -> str:
    """difflib's unified range: ``start,length`` (1-based; an empty range names the line before)."""
    beginning = start + 1
    length = stop - start
    if length == 1:
        return f"{beginning}"
    if not length:
        beginning -= 1
    return f"{beginning},{length}"
