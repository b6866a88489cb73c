"""Reading many notes on every core.

A note is read independently of the others (:func:`annobib.extract.citations.read_note` is a pure
function of its text), so a long document's notes can be read in forked worker processes and only
the joining of works stays sequential. Forking is cheap on Linux (the parsers are already loaded);
elsewhere, on one core, below :data:`PARALLEL_MIN` notes, or when processes cannot be made, the
caller reads the notes itself. ``ANNOBIB_JOBS=1`` turns the workers off.
"""

from __future__ import annotations

import os
import sys
from typing import Callable, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Below this many distinct notes the pool costs (~20 ms to fork and join) more than it saves.
PARALLEL_MIN = 300
_MAX_JOBS = 64


def jobs() -> int:
    """Worker processes to use: ``ANNOBIB_JOBS`` when it is a number from 1 to 64, else the idle
    cores (:func:`idle_cores`)."""
    wanted = os.environ.get("ANNOBIB_JOBS", "").strip()
    if wanted.isdecimal() and 1 <= int(wanted[:3]) <= _MAX_JOBS:
        return int(wanted)
    return idle_cores()


def idle_cores() -> int:
    """The cores this process may run on less the 1-minute load average, rounded; at least 1."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    try:
        load = os.getloadavg()[0]
    except (AttributeError, OSError):  # no load figure (Windows): trust the core count
        return cores
    return max(1, min(cores, round(cores - load)))


def map_on_cores(fn: Callable[[T], R], items: Sequence[T], minimum: int = PARALLEL_MIN) -> list[R] | None:
    """``[fn(x) for x in items]`` computed in forked workers, in order; ``None`` when that is not
    worth it or not possible, and the caller should do the work itself."""
    n = min(jobs(), _MAX_JOBS)
    if n < 2 or len(items) < minimum or not sys.platform.startswith("linux"):
        return None
    import multiprocessing  # lazy: only a big input on several idle cores forks workers

    try:
        with multiprocessing.get_context("fork").Pool(n) as pool:
            return pool.map(fn, items, chunksize=max(8, len(items) // (n * 8)))
    except Exception:  # no semaphores or processes here, or a worker failed: read in this process
        return None
