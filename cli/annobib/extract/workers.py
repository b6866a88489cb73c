"""Reading many notes on every core.

A note is read independently of the others (:func:`annobib.extract.citations.read_note` is a pure
function of its text), so a long document's notes can be read in forked worker processes and only
the joining of works stays sequential. Forking is cheap on Linux (the parsers are already loaded);
elsewhere, on one core, below :data:`PARALLEL_MIN` notes, or when processes cannot be made, the
caller reads the notes itself. ``ANNOBIB_JOBS=1`` turns the workers off.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from contextlib import contextmanager
from typing import Callable, Iterator, Sequence, TypeVar

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


def stream_on_cores(fn: Callable[[T], R], items: Sequence[T], minimum: int = PARALLEL_MIN) -> Iterator[R]:
    """``fn(x) for x in items``, in order, yielded as soon as each is ready: computed in forked
    workers when worth it (two jobs or more, ``minimum`` items, Linux), else here, one at a time. The caller's
    work on the first results overlaps the workers' work on the rest, so the serial part of a
    job (joining works) hides behind the parallel part. Should a worker fail, what is left is
    computed here, so the results are those of one process either way. Closing the iterator (or
    an exception in the caller, Ctrl-C) ends the workers."""
    n = min(jobs(), _MAX_JOBS)
    if n < 2 or len(items) < minimum or not sys.platform.startswith("linux"):
        yield from map(fn, items)
        return
    import multiprocessing  # lazy: only a big input on several idle cores forks workers

    try:
        # the function goes to the workers with the fork, not pickled: any callable will do
        with _workers_born_deaf_to_ctrl_c():
            pool = multiprocessing.get_context("fork").Pool(n, initializer=_worker_start, initargs=(fn,))
    except Exception:  # no semaphores or processes here
        yield from map(fn, items)
        return
    # small chunks: the first results come back early and the last worker does not finish alone
    size = max(8, min(64, len(items) // (n * 16)))
    done = 0
    try:
        born = _worker_pids(pool)
        parts = pool.imap(_each, [items[i : i + size] for i in range(0, len(items), size)])
        while True:
            try:
                part = parts.next(timeout=_POLL_S)
            except multiprocessing.TimeoutError:
                if _worker_pids(pool) == born:
                    continue
                break  # a worker died (killed): its chunk would never come, and the pool would wait forever
            except StopIteration:
                break
            except Exception:  # a worker failed: what is left is computed here
                break
            done += len(part)
            yield from part
        yield from map(fn, items[done:])
    finally:
        pool.terminate()


_POLL_S = 0.5  # how often a wait for results checks that every worker is still alive


def _worker_pids(pool) -> frozenset:
    """The pids of the pool's workers: a dead worker is replaced by a new one, so a change means a
    lost chunk (multiprocessing's Pool waits for it forever)."""
    return frozenset(p.pid for p in getattr(pool, "_pool", ()))


@contextmanager
def _workers_born_deaf_to_ctrl_c():
    """Fork with SIGINT ignored, so workers never see Ctrl-C, not even before their initializer
    runs (a worker killed there lost its chunk and hung the parent); the parent's handler is put
    back at once. Only the main thread may change signal handlers; elsewhere this does nothing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


_worker_fn: Callable | None = None  # in a worker: the function stream_on_cores applies


def _each(chunk: Sequence) -> list:
    assert _worker_fn is not None
    return [_worker_fn(x) for x in chunk]


def _worker_start(fn: Callable) -> None:
    global _worker_fn
    _worker_fn = fn
    # Ctrl-C reaches the whole process group: the parent alone handles it (and ends the workers),
    # so a worker never prints a traceback of its own
    signal.signal(signal.SIGINT, signal.SIG_IGN)
