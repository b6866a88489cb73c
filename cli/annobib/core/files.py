"""Files annobib writes: a lock around read-check-write, an atomic replace, litter cleared,
output targets checked. Nothing here knows about BibTeX or commands.

The lock is ``fcntl.flock`` on the file itself (decided: no lock file to litter the folder or
a git status, and it works across users). A write replaces the file by a new one, so a writer
that waited re-opens the path and locks the file now there when the one it locked was
replaced. A file that does not exist yet cannot be locked: it is created exclusively (a file
that appeared meanwhile is never overwritten). A second writer waits up to
``$ANNOBIB_LOCK_TIMEOUT`` seconds (default 10), then is refused (exit 2). Locks are
re-entrant within a process and released when the process ends, whatever the cause.
"""

from __future__ import annotations

import os
import re
import signal
import stat
import threading
import time
import warnings
from contextlib import contextmanager, nullcontext
from pathlib import Path

from annobib.errors import AnnobibError, ConflictError, InputError, Notice, os_reason, read_error, write_error

DEFAULT_LOCK_TIMEOUT = 10.0
STALE_AGE = 3600.0  # a temporary file of a live process older than this is litter too


class LockTimeout(InputError):
    """Another process kept the file locked for longer than we wait."""


_held: dict[str, list] = {}  # resolved path -> [fd or None, depth]


def lock_timeout() -> float:
    raw = os.environ.get("ANNOBIB_LOCK_TIMEOUT")
    if raw is None or raw.strip() == "":
        return DEFAULT_LOCK_TIMEOUT
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not 0 <= value <= 3600:  # also nan and inf
        raise InputError(f"ANNOBIB_LOCK_TIMEOUT={raw[:40]!r}: want seconds between 0 and 3600")
    return value


def _open_locked(target: Path, deadline: float, timeout: float):
    """A descriptor of the file now at ``target`` holding its flock, or None when there is
    nothing to lock (no file yet, or not a regular file: such targets are refused or created
    exclusively when written)."""
    try:
        # optional: the caller copes without fcntl
        import fcntl
    except ImportError:  # no flock on this system: the changed-file check alone guards the write
        return None

    pause = 0.002
    while True:
        try:
            if not stat.S_ISREG(os.stat(target).st_mode):
                return None  # a socket cannot even be opened; the write refuses it
            fd = os.open(target, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
        except (FileNotFoundError, NotADirectoryError):
            return None
        except OSError as exc:
            raise read_error(target, exc) from None
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            return None
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise LockTimeout(
                        f"{target}: another annobib process is writing it (still locked after {timeout:g} s; "
                        f"ANNOBIB_LOCK_TIMEOUT sets the wait); nothing written"
                    ) from None
                time.sleep(pause)
                pause = min(pause * 2, 0.05)
            except OSError as exc:  # a file system without locks: say so rather than write unguarded
                os.close(fd)
                raise InputError(f"{target}: cannot lock it ({os_reason(exc)}); nothing written") from None
        # the writer we waited for replaced the file: lock the new one instead
        try:
            same = os.stat(target).st_ino == os.fstat(fd).st_ino
        except OSError:
            same = False
        if same:
            return fd
        os.close(fd)


def acquire(target: str | os.PathLike, timeout: float | None = None) -> str:
    """Lock the file at ``target`` for writing (re-entrant); returns the token for
    :func:`release`. Waits up to ``timeout`` seconds (default: :func:`lock_timeout`), then
    LockTimeout. A file that does not exist yet is not locked (its creation is exclusive)."""
    if timeout is None:
        timeout = lock_timeout()
    real = os.path.realpath(target)
    held = _held.get(real)
    if held is not None:
        held[1] += 1
        return real
    fd = _open_locked(Path(target), time.monotonic() + timeout, timeout)
    _held[real] = [fd, 1]
    return real


def release(token: str) -> None:
    held = _held.get(token)
    if held is None:
        return
    held[1] -= 1
    if held[1] <= 0:
        del _held[token]
        if held[0] is not None:
            os.close(held[0])  # closing the descriptor drops the flock


def release_all() -> None:
    for token in list(_held):
        _held[token][1] = 1
        release(token)


def _forget_in_child() -> None:
    # A forked child (the detached cache writer) shares the lock's open file; if it kept a copy
    # the lock would outlive the command. Closing the child's copies leaves the parent's lock.
    for held in _held.values():
        try:
            if held[0] is not None:
                os.close(held[0])
        except OSError:
            pass
    _held.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_in_child)


@contextmanager
def locked(target: str | os.PathLike, timeout: float | None = None):
    token = acquire(target, timeout)
    try:
        yield
    finally:
        release(token)


# --------------------------------------------------------------------------- temporary files


def _temp_prefix(name: str) -> str:
    return f".{name}.annobib-"


def _temp_pattern(name: str) -> re.Pattern:
    # ours: .<name>.annobib-<pid>-<random>.tmp; an older annobib's: .<name>.<8 random>.tmp
    return re.compile(re.escape(f".{name}.") + r"(?:annobib-(\d+)-[\w]+|[a-z0-9_]{8})\.tmp")


def process_alive(pid: int) -> bool:
    """Whether ``pid`` may be a live process (another user's counts as alive): a killed writer's
    leftovers are removed only when its process is gone."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True  # someone else's live process (or an absurd number): leave it to age
    return True


def clear_stale_temps(path: Path) -> list[str]:
    """Remove the temporary files a killed writer left beside ``path``: those of a process that
    no longer runs, and any older than an hour. Called with the file's lock held, so no writer
    of ours is using them. Returns the names removed."""
    directory = path.parent if str(path.parent) else Path(".")
    pattern = _temp_pattern(path.name)
    removed: list[str] = []
    now = time.time()
    try:
        names = os.listdir(directory)
    except OSError:
        return removed
    for name in names:
        m = pattern.fullmatch(name)
        if not m or name.startswith(_temp_prefix(path.name) + f"{os.getpid()}-"):
            continue
        full = directory / name
        try:
            st = os.lstat(full)
        except OSError:
            continue
        dead = m.group(1) is not None and not process_alive(int(m.group(1)))
        if stat.S_ISREG(st.st_mode) and (dead or now - st.st_mtime > STALE_AGE):
            try:
                os.unlink(full)
                removed.append(name)
            except OSError:
                pass
    return removed


# --------------------------------------------------------------------------- writing


def output_target(target: Path) -> Path:
    """The file to replace: a symlink's target (the link stays a link), after checking that it
    is a regular file its owner has not made read-only (refused even for root, who could), or
    a new file. A device, FIFO or socket is refused: replacing ``/dev/null`` with a regular
    file (as root) or blocking on a FIFO is never what was meant."""
    real = Path(os.path.realpath(target))
    try:
        st = os.stat(target)  # follows links
    except (FileNotFoundError, NotADirectoryError):
        return real  # a new file (a bad folder is reported when the file is created)
    except OSError as exc:
        raise write_error(target, exc) from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(f"{target}: is a directory; nothing written")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(
            f"{target}: not a regular file (a pipe, device or socket); nothing written (use -o - for standard output)"
        )
    if not st.st_mode & 0o222 or not os.access(real, os.W_OK):
        raise InputError(f"{target}: the file is read-only (permission denied); nothing written")
    return real


# the user's files this process replaced (an interrupt says they stand: see annobib.cli)
LANDED: list[Path] = []


@contextmanager
def _interrupts_held(path):
    """SIGINT held off while a file is renamed into place: an interrupt then came too late to
    stop the write, so the command goes on and reports it (one warning line says so), instead
    of saying "interrupted" over a write that landed. A second Ctrl-C works as ever."""
    late: list[int] = []
    try:
        if threading.current_thread() is not threading.main_thread():
            raise ValueError("signals reach the main thread only")
        before = signal.signal(signal.SIGINT, lambda signum, frame: late.append(signum))
    except ValueError:  # another thread: Python delivers the signal to the main one
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, before)
    if late:
        warnings.warn(Notice(f"{path}: the interrupt came as the write landed; it was finished"), stacklevel=3)


def atomic_write_bytes(
    path: str | os.PathLike,
    data: bytes | bytearray,
    *,
    create: bool = False,
    durable: bool = True,
    private: bool = False,
) -> None:
    """Temporary file in the same folder, fsync, rename: readers see the old or the new file.
    The target must be a regular file or new (see :func:`output_target`); temporary files a
    killed writer left beside it are removed first. Locking is the caller's (:func:`locked`).
    With ``create`` the file must not exist: one that appeared meanwhile is left alone
    (ConflictError), as a hard link, unlike a rename, never replaces a file. ``durable=False``
    skips the fsyncs, for files whose loss in a crash costs only time (caches); ``private=True``
    leaves the file readable by its owner only (0600), whatever mode an older one had."""
    # lazy: loads tempfile only when this runs
    import tempfile

    shown = path
    path = output_target(Path(path))
    directory = path.parent if str(path.parent) else Path(".")
    clear_stale_temps(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=_temp_prefix(path.name) + f"{os.getpid()}-", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise write_error(shown, exc, folder=directory) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        if private:
            pass  # mkstemp made it 0600: the owner's only
        elif path.exists():
            os.chmod(tmp, os.stat(path).st_mode & 0o7777)
        else:
            # mkstemp makes 0600 files; a new file gets the usual mode (0666 minus the umask)
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        # a user's file (durable) lands and the command reports it, or neither
        with _interrupts_held(shown) if durable else nullcontext():
            if create:
                _link_new(tmp, path, shown)
            else:
                os.replace(tmp, path)
            if durable:
                LANDED.append(Path(shown))  # as the caller named it
                dfd = os.open(directory, os.O_RDONLY)
                try:
                    os.fsync(dfd)
                finally:
                    os.close(dfd)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, AnnobibError):
            raise
        if isinstance(exc, OSError):  # a full disk, a vanished folder …: one line, no traceback
            raise write_error(shown, exc) from None
        raise


def _link_new(tmp: str, path: Path, shown) -> None:
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise ConflictError(
            f"{shown} was created by another process meanwhile; nothing written (run the command again)"
        ) from None
    except OSError:  # a file system without hard links: the (racier) check, then a rename
        if os.path.lexists(path):
            raise ConflictError(
                f"{shown} was created by another process meanwhile; nothing written (run the command again)"
            ) from None
        os.replace(tmp, path)
        return
    os.unlink(tmp)


def atomic_write_text(path: str | os.PathLike, text: str, bom: bool = False, *, create: bool = False) -> None:
    """UTF-8 ``text`` (with a byte-order mark when ``bom``) written by :func:`atomic_write_bytes`."""
    atomic_write_bytes(path, (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"), create=create)


def write_output(path: str | os.PathLike, text: str) -> None:
    """An output file (``-o``): locked, atomic, regular or new only."""
    output_target(Path(path))  # refused before anything else (a FIFO is never opened)
    with locked(path):
        atomic_write_text(path, text)
