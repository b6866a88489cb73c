"""Reading many notes on every core.

A note is read independently of the others (:func:`annobib.extract.citations.read_note` is a pure
function of its text), so a long document's notes can be read in forked helper processes while
this process reads too and joins the works in order. Forking is cheap on Linux (the parsers are
already loaded); elsewhere, on one core, below :data:`PARALLEL_MIN` notes, or when processes
cannot be made, the caller reads the notes itself. ``ANNOBIB_JOBS=1`` turns the helpers off.

Why not ``multiprocessing.Pool``: measured on 2 cores it did not pay. Its two worker processes
and the parent (joining works, unpickling) made three busy processes on two cores, and the pool's
feeder and result threads took the parent's GIL; the parent only waited or competed. Here ``jobs``
processes share the work and nothing else runs: the parent is one of the readers, the helpers
(``jobs - 1`` forks, no threads) claim chunks of items from a shared counter, in order, and append
their results to a file of their own in memory; the parent takes the next chunk it needs from those
files, and when that chunk is still being read by a helper it reads a chunk nobody has claimed, or
that very chunk (a pure function read twice gives the same result). So the parent never waits on a
helper: a slow, dead or killed helper only means more work here, never a hang or a lost item.
"""

from __future__ import annotations

import gc
import os
import sys
from contextlib import contextmanager
from typing import Callable, Iterator, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Below this many distinct notes forking costs (~5 ms a helper) more than it saves.
PARALLEL_MIN = 300
_MAX_JOBS = 64
_HEAD = "<QQ"  # a result frame's head: chunk number, payload length
_HEAD_SIZE = 16


def jobs() -> int:
    """Processes to use: ``ANNOBIB_JOBS`` when it is a number from 1 to 64, else the idle cores
    (:func:`idle_cores`)."""
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


def chunk_size(count: int, processes: int) -> int:
    """Items per claim: small enough that the last chunk read twice costs little (~16 notes,
    a few ms), large enough that claims and frames cost nothing beside the reading."""
    return max(8, min(16, count // (processes * 32)))


def stream_on_cores(fn: Callable[[T], R], items: Sequence[T], minimum: int = PARALLEL_MIN) -> Iterator[R]:
    """``fn(x) for x in items``, in order, yielded as soon as each is ready: read here and in
    ``jobs() - 1`` forked helpers when worth it (two jobs or more, ``minimum`` items, Linux), else
    here alone. The caller's work on each result (joining works) runs between this process's
    chunks, so it takes its share of the cores and the helpers take more of the reading. Results
    are those of one process either way. Closing the iterator (or an exception in the caller,
    Ctrl-C) ends the helpers at once."""
    n = min(jobs(), _MAX_JOBS)
    if n < 2 or len(items) < minimum or not sys.platform.startswith("linux"):
        yield from map(fn, items)
        return
    try:
        team = _Team(fn, items, n - 1)
    except OSError:  # no processes or in-memory files here
        yield from map(fn, items)
        return
    try:
        yield from team.results()
    finally:
        team.end()


class _Team:
    """This process and its forked helpers reading ``items`` in chunks claimed from a shared
    counter (a file in memory, read and bumped under a POSIX record lock: no semaphores, no
    threads)."""

    def __init__(self, fn: Callable, items: Sequence, helpers: int) -> None:
        self.fn, self.items = fn, items
        self.size = chunk_size(len(items), helpers + 1)
        self.chunks = -(-len(items) // self.size)
        self.counter = _memory_file("annobib-claims")
        os.pwrite(self.counter, bytes(8), 0)  # chunks claimed so far: 0
        self.pids: list[int] = []
        self.files: list[int] = []  # one results file per helper
        self.offsets: list[int] = []
        try:
            for _ in range(helpers):
                out = _memory_file("annobib-results")
                self.files.append(out)
                self.offsets.append(0)
                with _helpers_born_deaf_to_ctrl_c():
                    pid = os.fork()
                if pid == 0:  # the helper: read, write results, never return into the caller
                    self._help(out)
                self.pids.append(pid)
        except OSError:
            self.end()
            raise

    def claim(self) -> int | None:
        """The next chunk nobody has claimed, now claimed by this process; None when all are."""
        import fcntl  # lazy: only a team of processes claims
        import struct  # lazy: as above

        fcntl.lockf(self.counter, fcntl.LOCK_EX)
        try:
            (k,) = struct.unpack("<Q", os.pread(self.counter, 8, 0))
            if k >= self.chunks:
                return None
            os.pwrite(self.counter, struct.pack("<Q", k + 1), 0)
            return k
        finally:
            fcntl.lockf(self.counter, fcntl.LOCK_UN)

    def read(self, k: int) -> list:
        return [self.fn(x) for x in self.items[k * self.size : (k + 1) * self.size]]

    def _help(self, out: int) -> None:
        code = 0
        try:
            import pickle  # lazy: only a helper of a long run pickles
            import signal  # lazy: as above (loaded by the parent before it forked)
            import struct  # lazy: as above

            signal.signal(signal.SIGINT, signal.SIG_IGN)  # forked from a thread: not ignored yet
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # blocked by the parent's fork
            gc.freeze()  # the parent's objects are never collected here: no copy-on-write for nothing
            parent = os.getppid()
            while os.getppid() == parent:  # an orphan stops: nobody would read its results
                k = self.claim()
                if k is None:
                    break
                data = pickle.dumps(self.read(k), protocol=pickle.HIGHEST_PROTOCOL)
                _write_all(out, struct.pack(_HEAD, k, len(data)) + data)
        except BaseException:  # the parent reads what is missing; no traceback from here
            code = 1
        finally:
            os._exit(code)

    def _collect(self, done: dict[int, list]) -> None:
        """Move every complete frame the helpers have written into ``done``."""
        import pickle  # lazy: only a team of processes reads frames
        import struct  # lazy: as above

        for i, fd in enumerate(self.files):
            at = self.offsets[i]
            while True:
                head = os.pread(fd, _HEAD_SIZE, at)
                if len(head) < _HEAD_SIZE:
                    break
                k, length = struct.unpack(_HEAD, head)
                data = os.pread(fd, length, at + _HEAD_SIZE)
                if len(data) < length:
                    break  # being written (or its writer was killed): not yet
                done[k] = pickle.loads(data)
                at += _HEAD_SIZE + length
            self.offsets[i] = at

    def results(self) -> Iterator:
        done: dict[int, list] = {}  # chunks read (here or by a helper) but not yet yielded
        for k in range(self.chunks):
            while k not in done:
                self._collect(done)
                if k in done:
                    break
                other = self.claim()  # chunk k is being read by a helper: read another meanwhile
                if other is None:
                    done[k] = self.read(k)  # none left: read k here rather than wait for it
                else:
                    done[other] = self.read(other)
            yield from done.pop(k)

    def end(self) -> None:
        """Stop and reap the helpers; close the files. Helpers left have nothing to give."""
        import signal  # lazy: only a team of processes has helpers to stop (its enums: ~3 M instructions)

        for pid in self.pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        for pid in self.pids:
            try:
                os.waitpid(pid, 0)
            except OSError:
                pass
        self.pids = []
        for fd in [*self.files, self.counter]:
            try:
                os.close(fd)
            except OSError:
                pass
        self.files = []


def _memory_file(name: str) -> int:
    if hasattr(os, "memfd_create"):
        return os.memfd_create(name, os.MFD_CLOEXEC)
    import tempfile  # lazy: only where there is no memfd

    f = tempfile.TemporaryFile()
    return os.dup(f.fileno())


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


@contextmanager
def _helpers_born_deaf_to_ctrl_c():
    """Fork with SIGINT blocked, so helpers never see Ctrl-C (it reaches the whole process group:
    the parent alone handles it and ends them). Blocked, not ignored: a Ctrl-C pressed while the
    parent forks waits and reaches it the moment the mask is put back (ignoring it there lost
    it, and the run went on to the end). The helper ignores SIGINT before it unblocks it
    (:meth:`_help`); a child leaving this block leaves the mask to it."""
    import signal  # lazy: only a run that forks helpers needs it

    parent = os.getpid()
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        if os.getpid() == parent:
            signal.pthread_sigmask(signal.SIG_SETMASK, previous)
