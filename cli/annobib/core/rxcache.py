"""Regular expressions compiled once per machine, not once per run.

Importing the extractor compiles ~460 module-level patterns: ~0.3 s of every ``annobib extract``
run, in Python's own pattern compiler. :func:`reuse` keeps what that compiler hands to the C
engine (``_sre.compile``'s arguments: the pattern, its flags and its code) in a file in the cache
folder, and the next run hands the same arguments to the engine directly (~0.07 s in all). The
file is keyed by the interpreter's version and the engine's ``MAGIC``, so another Python never
reads it; anything unexpected (an unreadable file, an engine that refuses the code) falls back to
compiling as usual. Each pattern's code is kept as the engine's 4-byte words in one ``bytes``
(turned back into the engine's list when that pattern is compiled): a marshalled list of ints cost
more to load (~150 M instructions for 700 patterns, a quarter of a one-note run) than it saved.
Only patterns compiled inside the ``with`` block are kept: module-level
constants, never patterns built from the user's text. After :meth:`Block.literals_only`, only
patterns written as literals in a function that compiles them (``cre.sub(r"…", …)``: ~175 of
them compiled on first use in an extraction, ~0.05 s) are added: a pattern put together from a
note (``rf"…{position}…"``) is not a literal of any function, so it never reaches the file.
"""

from __future__ import annotations

import re
import sys
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

from annobib.core.dirs import make_dirs
from annobib.core.files import atomic_write_bytes
from annobib.core.sealed import load_sealed, seal
from annobib.errors import AnnobibError

_MAX_PATTERNS = 5_000  # a bound on the file, whatever imports run inside the block
_DEBUG = re.DEBUG.value  # an int: ``flags & re.DEBUG`` is a Python-level enum operation per pattern
_FORMAT = "w4"  # the code as 4-byte words; a file of another format is another file


class Block:
    """What a :func:`reuse` block keeps of the patterns compiled anew."""

    def __init__(self) -> None:
        self.literals = False

    def literals_only(self) -> None:
        """From now on add only patterns written as literals at their call (see the module)."""
        self.literals = True


def _written_at_call(pattern: str | bytes) -> bool:
    """``pattern`` is a constant of a function on the stack that compiles it (the caller of
    ``re.compile``, ``re.sub`` … or of the extractor's ``rx`` helpers, a few frames up)."""
    frame: FrameType | None = sys._getframe(2)
    for _ in range(8):
        if frame is None:
            return False
        if pattern in frame.f_code.co_consts:
            return True
        frame = frame.f_back
    return False


@contextmanager
def reuse(folder: Path):
    """Inside the block, ``re.compile`` takes patterns from the file in ``folder`` when it has
    them; the ones compiled anew are added to it when the block ends. Yields a :class:`Block`."""
    block = Block()
    try:
        import _sre  # private: guarded, another Python falls back below

        compiler = re._compiler  # type: ignore[attr-defined]
        real = compiler.compile
    except (ImportError, AttributeError):  # another Python: compile as usual
        yield block
        return
    if _sre.CODESIZE != 4:  # the words are stored as 4 bytes (CPython's SRE_CODE)
        yield block
        return
    tag = (sys.version, _sre.MAGIC, _FORMAT)
    path = folder / f"regex-{sys.implementation.cache_tag}-{_sre.MAGIC}-{_FORMAT}.marshal"
    known = _load(path, tag)
    added: dict = {}
    used: set = set()  # the known patterns this run asked for
    recorded: list = []

    class _Recorder:  # _sre as the compiler sees it, noting what it passes to the engine
        def __getattr__(self, name):
            return getattr(_sre, name)

        def compile(self, *args):
            recorded.append(args)
            return _sre.compile(*args)

    def compile_reusing(pattern, flags=0):
        if not isinstance(pattern, (str, bytes)) or int(flags) & _DEBUG:
            return real(pattern, flags)
        key = (pattern, int(flags))
        args = known.get(key)
        if args is not None:
            used.add(key)
            try:
                return _sre.compile(args[0], args[1], memoryview(args[2]).cast("I").tolist(), *args[3:])
            except Exception:  # noqa: BLE001 - a damaged entry: compile it as usual
                known.pop(key, None)
        del recorded[:]
        compiler._sre = _Recorder()
        try:
            compiled = real(pattern, flags)
        finally:
            compiler._sre = _sre
        if len(recorded) == 1 and len(added) < _MAX_PATTERNS and (not block.literals or _written_at_call(pattern)):
            added[key] = _stored(recorded[0])
        return compiled

    compiler.compile = compile_reusing
    try:
        yield block
    finally:
        compiler.compile = real
        if added:
            # patterns of other versions pile up with each upgrade: past the bound, keep this run's
            kept = known if len(known) + len(added) <= _MAX_PATTERNS else {k: known[k] for k in used if k in known}
            _save(path, tag, {**kept, **added})


def _stored(args: tuple) -> tuple:
    """``_sre.compile``'s arguments as kept in the file: its code (a list of words) as bytes."""
    from array import array  # lazy: only a run that compiled new patterns saves them

    pattern, flags, code, *rest = args
    return (_plain(pattern), int(flags), array("I", code).tobytes(), *map(_plain, rest))


def _plain(value):
    """The engine's argument as marshal can store it (opcodes and flags are int subclasses)."""
    if isinstance(value, bool) or value is None or isinstance(value, (str, bytes)):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, list):
        return [int(c) for c in value]
    if isinstance(value, dict):
        return dict(value)
    if isinstance(value, tuple):
        return tuple(value)
    raise TypeError(type(value).__name__)


def _load(path: Path, tag: tuple) -> dict:
    data = load_sealed(path, "cache file of compiled patterns")  # never unchecked marshal
    if not (isinstance(data, tuple) and len(data) == 2 and data[0] == tag and isinstance(data[1], dict)):
        return {}
    return data[1]


def _save(path: Path, tag: tuple, patterns: dict) -> None:
    """Written as every cache file is (:func:`~annobib.core.files.atomic_write_bytes`: a reader
    sees the old file or the new); a read-only cache or a full disk only means compiling again."""
    try:
        make_dirs(path.parent, 0o700)
        atomic_write_bytes(path, seal((tag, patterns)), durable=False, private=True)
    except (OSError, ValueError, AnnobibError):
        pass
