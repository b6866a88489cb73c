"""Work shared with a forked second process (bulk jobs on two cores)."""

from __future__ import annotations

import marshal
import os


def available() -> bool:
    """Whether a second process may be forked: two cores or more, ``fork``, and this process is
    not itself a detached worker (:data:`annobib.perf.DETACHED`, which leaves the cores alone)."""
    # lazy: perf is a top-level helper; read at call time, as the entry point sets it
    from annobib import perf

    return (os.cpu_count() or 1) >= 2 and hasattr(os, "fork") and not perf.DETACHED


def in_child(work):
    """Start ``work()`` (-> a value :mod:`marshal` can carry) in a forked child. Returns a
    function that waits for the child and gives that value (None if the child failed), or None
    when no child can be had. Call it with the collector paused (`annobib.perf.paused_gc`): the child
    then copies only the pages it touches."""
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
            return marshal.loads(blob) if status == 0 and blob else None

        return result
    code = 0  # the child
    try:
        os.close(rfd)
        blob = marshal.dumps(work())
        with os.fdopen(wfd, "wb") as fh:
            fh.write(blob)
    except BaseException:  # noqa: BLE001 - the parent then does the work itself
        code = 1
    finally:
        os._exit(code)
