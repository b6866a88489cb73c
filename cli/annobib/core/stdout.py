"""Standard output that fails in one line, never with a traceback or in silence.

A closed stdout (``annobib list >&-``), a full one (``>/dev/full``) or an I/O error loses what the
command prints: the command then fails with one line on stderr and exit 2, whatever it would have
returned (a lost ``validate`` report must not read as "found something", exit 1). A command that
prints nothing is not affected by a closed stdout. A stdout whose encoding cannot hold a character
(``PYTHONIOENCODING=latin-1``) gets it as a backslash escape (``\\u2019``, Python's
``backslashreplace``; JSON parses it back to the same string) and one warning line at the end.
A reader that goes away (``| head``) stays no error; the caller handles ``BrokenPipeError``.
"""

from __future__ import annotations

import codecs
import errno
import os
import sys

_ESCAPE = "annobib-escape"
_escaped: list[str] = []  # the encoding that needed escapes, once


class OutputLost(OSError):
    """What the command printed could not be written. An OSError still, so a command that must
    act on a failed print (``rm`` removes nothing it could not show) sees it as before."""


def _escape(exc: UnicodeError):
    if not _escaped:
        _escaped.append(getattr(exc, "encoding", "?"))
    return codecs.backslashreplace_errors(exc)  # type: ignore[arg-type]


class GuardedStdout:
    """``sys.stdout`` whose write errors become :class:`OutputLost`; ``raw`` None when fd 1 was
    closed (writing anything is then a loss)."""

    def __init__(self, raw) -> None:
        self._raw = raw

    def write(self, text) -> int:
        if self._raw is None:
            if isinstance(text, bytes):
                raise TypeError("a text stream")  # click probes with bytes to tell binary from text
            if text:
                raise OutputLost(errno.EBADF, "closed")
            return 0
        return self._guarded(self._raw.write, text)

    def flush(self) -> None:
        if self._raw is not None:
            self._guarded(self._raw.flush)

    def isatty(self) -> bool:
        return self._raw is not None and self._raw.isatty()

    @staticmethod
    def _guarded(call, *args):
        try:
            return call(*args)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputLost(exc.errno, exc.strerror or str(exc)) from exc

    def __getattr__(self, name):  # encoding, fileno, buffer …
        if self._raw is None:
            raise AttributeError(name)
        return getattr(self._raw, name)


def guard_stdout() -> None:
    """Install the guard on ``sys.stdout`` (a real process only: tests capture stdout themselves)."""
    raw = sys.stdout
    if raw is None:
        try:  # keep fd 1 taken, so no file the command opens becomes "stdout"
            fd = os.open(os.devnull, os.O_WRONLY)
            if fd != 1:
                os.dup2(fd, 1)
                os.close(fd)
        except OSError:
            pass
    elif getattr(raw, "errors", None) == "strict" and hasattr(raw, "reconfigure"):
        codecs.register_error(_ESCAPE, _escape)
        raw.reconfigure(errors=_ESCAPE)
    sys.stdout = GuardedStdout(raw)  # type: ignore[assignment]


def finish() -> None:
    """Flush what is buffered (a full disk shows here) and warn once about escaped characters."""
    if sys.stdout is not None:
        sys.stdout.flush()
    if _escaped:
        sys.stderr.write(
            f"annobib: warning: standard output's encoding ({_escaped[0]}) cannot hold some characters;"
            " they are written as \\u escapes (set PYTHONIOENCODING=utf-8)\n"
        )


def settle(code):
    """The exit code once stdout is flushed: 2, after one line on stderr, when output was lost."""
    try:
        finish()
    except OutputLost as exc:
        sys.stderr.write(lost(exc) + "\n")
        return 2
    except BrokenPipeError:  # the reader went away (``| head``): no error
        _quiet_fd1()
    return code


def lost(exc: OutputLost) -> str:
    """The one line for a lost output; Python's own flush at exit then stays quiet."""
    _quiet_fd1()
    return f"annobib: error: cannot write to standard output ({exc.strerror}); the output is lost"


def _quiet_fd1() -> None:
    try:  # what is still buffered goes to /dev/null instead of failing again at exit
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, 1)
        os.close(fd)
    except OSError:
        pass
