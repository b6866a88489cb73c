"""An index of earlier works by title, so that a short form whose author is unknown finds its work
without comparing its title with every earlier work (that made a notes file quadratic).

A short title ``s`` fits a work with normalized title ``full`` (``bare``: without a leading
article) when ``full`` or ``bare`` starts with ``s``, ``s`` starts with ``full``, or the two are
near (:func:`annobib.extract.entries._near`: at least six characters, lengths within three, the
same first or last two characters). :meth:`TitleIndex.candidates` returns every work that can fit
by those rules (a superset: the caller still applies the test), latest first, so the answer is the
one a scan over all works would give.
"""

from __future__ import annotations

from bisect import bisect_right

# A title is filed under its heads of these lengths; a short title is looked up by its longest head
# among them, so titles that share a common opening (The Politics of …) still fall in small buckets.
LEVELS = (1, 2, 3, 4, 6, 8, 12, 16, 24, 32)
NEAR = 3  # the length slack of a near title


class TitleIndex:
    def __init__(self) -> None:
        self._prefix: dict[str, list[int]] = {}  # full[:j] and bare[:j], j in LEVELS
        self._whole: dict[str, list[int]] = {}  # whole titles
        self._ends: dict[tuple[str, int, str], list[int]] = {}  # (first or last two chars, length)
        self._lengths: set[int] = set()  # of whole titles: the only heads of short worth a look-up

    def add(self, index: int, full: str, bare: str) -> None:
        """Register work ``index`` under its title forms."""
        if not full:
            return  # a work without a title never fits a short title
        keys = {full[:j] for j in LEVELS[: _levels_within(len(full))]}
        if bare != full:  # most titles open with no article: their heads are the same
            keys.update(bare[:j] for j in LEVELS[: _levels_within(len(bare))])
        prefix = self._prefix
        for k in keys:  # _push, written out: ~10 heads a work
            bucket = prefix.get(k)
            if bucket is None:
                prefix[k] = [index]
            elif bucket[-1] != index:
                bucket.append(index)
        _push(self._whole, full, index)
        self._lengths.add(len(full))
        for k2 in {("<", len(full), full[:2]), (">", len(full), full[-2:])}:
            _push(self._ends, k2, index)

    def candidates(self, short: str) -> list[int]:
        """Indices of the works whose title may fit ``short``, latest first."""
        head = next(j for j in reversed(LEVELS) if j <= len(short))
        found: set[int] = set(self._prefix.get(short[:head], ()))  # full or bare starts with short
        for j in self._lengths:  # a full title that short starts with (every head was quadratic)
            if j <= len(short):
                found.update(self._whole.get(short[:j], ()))
        if len(short) >= 6:
            for n in range(len(short) - NEAR, len(short) + NEAR + 1):
                found.update(self._ends.get(("<", n, short[:2]), ()))
                found.update(self._ends.get((">", n, short[-2:]), ()))
        return sorted(found, reverse=True)


def _levels_within(n: int) -> int:
    """How many of :data:`LEVELS` are at most ``n``."""
    return bisect_right(LEVELS, n)


def _push(d: dict, key: object, index: int) -> None:
    bucket = d.setdefault(key, [])
    if not bucket or bucket[-1] != index:
        bucket.append(index)
