"""Small performance helpers shared by the slow paths (rebuilding the cache, running rules)."""

from __future__ import annotations

import gc
import os
import re
from contextlib import contextmanager
from typing import Any, Callable, overload


@contextmanager
def paused_gc():
    """Pause Python's cyclic garbage collector for a bulk job.

    Parsing or checking 50,000 entries allocates millions of small objects and frees few; the
    collector would walk all of them again and again (10-25 % of the time, superlinear on big
    files). Nothing these jobs build forms reference cycles, so reference counting frees it all.

    In a command's own process (:func:`fewer_collections`) what the job made is then frozen
    (:func:`gc.freeze`): the collector never walks it again. Its young generation had counted
    every object made while paused, so the first allocation after the pause walked them all —
    one collection of 2-3 million objects, 0.07-0.15 s of a 1-2 s `validate`, that freed nothing."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            if _FREEZE_AFTER_PAUSE:
                gc.freeze()
            gc.enable()


_FREEZE_AFTER_PAUSE = False  # set by fewer_collections: a short-lived command's own process
COLLECT_EVERY = 50_000  # net allocations between young collections in a command's process (Python: 700)


def fewer_collections() -> None:
    """In a command's own process, run the cyclic collector every :data:`COLLECT_EVERY`
    allocations instead of every 700. Reading 58,000 small entries makes millions of objects
    that live to the end; the collector walked them again and again (638 young, 58 middle and 5
    full collections, a quarter of `export`'s CPU) and found some 300 cycles. Cycles are still
    collected, a little later; the bulk jobs pause it altogether (:func:`paused_gc`) and freeze
    what they made (a cycle among those objects then lives until the process ends)."""
    global _FREEZE_AFTER_PAUSE
    _FREEZE_AFTER_PAUSE = True
    gc.set_threshold(COLLECT_EVERY, *gc.get_threshold()[1:])


# Set by the command-line entry point: a short-lived process may leave cache writes to a
# detached child and answer at once. Off for in-process callers (tests, library users), whose
# process lives on and would collect zombies or fork threads.
BACKGROUND = False
DETACHED = False  # this process is such a child: it leaves the cores to the command
# Set by a command that has written and closed everything it writes (``extract``): the
# command-line entry point may then end the process at once, without the interpreter's teardown
# (freeing every module and object one by one: ~40 M instructions, a tenth of a one-note run).
EXIT_AT_ONCE = False
_KEPT: list = []  # see keep_to_the_end


def keep_to_the_end(*objects) -> None:
    """In a command's own process, hold ``objects`` until the process ends, so that a process
    that ends at once (:data:`EXIT_AT_ONCE`) never frees them one by one. `validate` of 260,000
    findings freed its findings and lines as its frames unwound: ~0.1 s, a tenth of the run.
    Elsewhere (tests, library callers, whose process lives on) nothing is held."""
    if _FREEZE_AFTER_PAUSE:
        _KEPT.extend(objects)


WORKER_NICENESS = 19  # the lowest priority: a detached worker runs on cores nobody else wants


def _yield_the_cores() -> None:
    """Lower this (detached) process to the lowest priority. A cache build (2 s of CPU after a
    cold read of 50,000 entries) otherwise took one of two cores from the command that started
    it, which checks in two processes: ``validate --fix`` waited for it."""
    try:
        os.nice(WORKER_NICENESS - os.nice(0))
    except (AttributeError, OSError):  # no nice on this system, or not allowed: run as it is
        pass
    # Linux shares the cores between sessions first (autogroups; the worker has a session of its
    # own, setsid): a process's niceness counts only inside its session, so the session's too
    try:
        with open("/proc/self/autogroup", "w") as fh:
            fh.write(str(WORKER_NICENESS))
    except OSError:  # not Linux, or autogroups off: the process's niceness is what counts
        pass


def soon(job, *, or_never: bool = False) -> None:
    """Run ``job()`` (a cache write, nothing the answer needs) in a detached process when
    :data:`BACKGROUND` is on, else now (or not at all, with ``or_never``).

    A double fork: the child forks the worker and exits at once, so nobody waits for the worker
    and no zombie remains; the worker leaves the terminal and its pipes (``annobib … | head``
    ends when annobib does, not when the cache is written)."""

    global BACKGROUND, DETACHED
    if not BACKGROUND or not hasattr(os, "fork"):
        if not or_never:
            job()
        return
    try:
        pid = os.fork()
    except OSError:
        if not or_never:
            job()
        return
    if pid:
        os.waitpid(pid, 0)
        return
    try:  # the child
        if os.fork():
            os._exit(0)
        os.setsid()  # the worker: no terminal, no signals from the shell's job control
        null = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(null, fd)
        BACKGROUND, DETACHED = False, True  # already detached: anything further runs here
        _yield_the_cores()
        job()
    finally:
        os._exit(0)  # never flush buffers the parent owns, never run its exit handlers


class lazy_regex:  # noqa: N801 - used like re.compile
    """``re.compile(pattern, flags)`` on first use. Big character classes (all of CJK, Hangul)
    take milliseconds each to compile; the everyday commands start in ~100 ms and need few of
    them. After the first use the compiled pattern's methods sit on the instance, so calls cost
    the same as on the pattern itself."""

    def __init__(self, pattern, flags: int = 0):
        self._args = (pattern, flags)

    def __getattr__(self, name: str):
        rx = re.compile(*self._args)
        for attr in (
            "search",
            "match",
            "fullmatch",
            "sub",
            "subn",
            "split",
            "finditer",
            "findall",
            "pattern",
            "flags",
            "groups",
            "groupindex",
        ):
            setattr(self, attr, getattr(rx, attr))
        return getattr(rx, name)


class Later:
    """A value to compute when first asked for: ``Later(fn, *args)`` calls ``fn(*args)`` once, on
    the first :meth:`get`, and keeps the result (two holders of one Later compute it once)."""

    __slots__ = ("_call", "_value")

    def __init__(self, fn: Callable[..., Any], *args: Any) -> None:
        self._call: tuple | None = (fn, args)
        self._value: Any = None

    def get(self) -> Any:
        if self._call is not None:
            fn, args = self._call
            self._value, self._call = fn(*args), None  # the arguments (a whole body text) let go
        return self._value


class Deferred:
    """A dataclass field (``context: Deferred = Deferred()``, default None) that reads as its
    value (``str | None``) and may be set to a :class:`Later`, computed on its first read.

    For a value most readers never look at that costs to make: a note's citing sentence (~40 µs a
    marker; only a cited note's citations carry it, and 100,000 notes of one word cite nothing).
    ``repr``, ``==`` and ``dataclasses.replace`` read it, and so compute it, like any reader."""

    def __set_name__(self, owner: type, name: str) -> None:
        self._slot = "_" + name

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> None: ...
    @overload
    def __get__(self, obj: object, owner: type | None = None) -> str | None: ...
    def __get__(self, obj: object | None, owner: type | None = None) -> str | None:
        if obj is None:
            return None  # the class's default, as dataclasses asks for it
        value = obj.__dict__.get(self._slot)
        if isinstance(value, Later):
            value = obj.__dict__[self._slot] = value.get()
        return value

    def __set__(self, obj: object, value: str | None | Later) -> None:
        obj.__dict__[self._slot] = value


def unread(obj: object, name: str) -> str | None | Later:
    """What the :class:`Deferred` field ``name`` of ``obj`` holds, not computed: its value or its
    :class:`Later` (to hand on to another holder still unread)."""
    return obj.__dict__.get("_" + name)
