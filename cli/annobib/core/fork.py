"""Work shared with a forked second process (bulk jobs on two cores)."""

from __future__ import annotations

import marshal
import os
import struct


def available() -> bool:
    """Whether a second process may be forked: two cores or more, ``fork``, and this process is
    not itself a detached worker (:data:`annobib.perf.DETACHED`, which leaves the cores alone)."""
    # lazy: perf is a top-level helper; read at call time, as the entry point sets it
    from annobib import perf

    return (os.cpu_count() or 1) >= 2 and hasattr(os, "fork") and not perf.DETACHED


class Parts:
    """The items of a child's tuple, each made an object only when asked for (and again if asked
    again: take each once). A caller that takes the fixed fields of 25,000 entries first can let
    go of what they replace before the findings and texts arrive (:mod:`annobib.checks.halves`:
    40 MB less at the peak of ``validate --fix`` at 50,000 fixed entries)."""

    __slots__ = ("_blob", "_at")

    def __init__(self, blob: bytes):
        self._at = []  # each item as the child wrote it: its size, then its marshal bytes
        start = 0
        while start < len(blob):
            (size,) = struct.unpack_from("<Q", blob, start)
            self._at.append((start + 8, start + 8 + size))
            start += 8 + size
        self._blob = blob

    def __len__(self) -> int:
        return len(self._at)

    def __getitem__(self, i: int):
        a, b = self._at[i]
        return marshal.loads(memoryview(self._blob)[a:b])


def in_child(work, *, parts: bool = False):
    """Start ``work()`` (-> a value :mod:`marshal` can carry) in a forked child. Returns a
    function that waits for the child and gives that value (None if the child failed), or None
    when no child can be had. Call it with the collector paused (`annobib.perf.paused_gc`): the child
    then copies only the pages it touches. ``parts``: ``work()`` gives its items one by one (a
    generator): each is sent as soon as it is made and let go (the child never holds them all,
    nor their bytes twice), and the function gives them as :class:`Parts`."""
    try:
        rfd, wfd = os.pipe()
        pid = os.fork()
    except OSError:
        return None
    if pid:
        os.close(wfd)

        def result():
            with os.fdopen(rfd, "rb") as reader:
                try:
                    blob = reader.read()
                finally:
                    _, status = os.waitpid(pid, 0)
            if status != 0 or not blob:
                return None
            return Parts(blob) if parts else marshal.loads(blob)

        return result
    code = 0  # the child
    try:
        os.close(rfd)
        with os.fdopen(wfd, "wb") as fh:
            if parts:
                for item in work():
                    blob = marshal.dumps(item)
                    del item
                    fh.write(struct.pack("<Q", len(blob)))
                    fh.write(blob)
                    del blob
            else:
                fh.write(marshal.dumps(work()))
    except BaseException:  # noqa: BLE001 - the parent then does the work itself
        code = 1
    finally:
        os._exit(code)
