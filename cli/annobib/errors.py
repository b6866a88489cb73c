"""Errors the CLI turns into one line on stderr and an exit code (never a traceback), and the
one table that says why a file could not be read or written (:func:`read_error`,
:func:`write_error`; ``core.files`` writes, :func:`read_input_bytes` reads)."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path


class AnnobibError(Exception):
    """A problem the user can act on. ``exit_code`` follows the shared convention:
    1 the command ran and found something, 2 usage or input error."""

    exit_code = 2

    def __init__(self, message: str, exit_code: int | None = None):
        super().__init__(message)
        if exit_code is not None:
            self.exit_code = exit_code


class InputError(AnnobibError):
    """Unreadable, missing, empty or malformed input."""


class ConflictError(AnnobibError):
    """The file changed on disk since it was read; nothing was written."""


class Notice(UserWarning):
    """Something the user should know that stops nothing (a write that cannot be undone). The
    library raises it with ``warnings.warn`` and never prints; the CLI shows it as one
    ``annobib: warning:`` line."""


# errno -> what a person is told, read or write; the system's own words for the rest
_REASONS: dict[int, str] = {
    errno.ENOENT: "no such file",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied (the operation is not permitted)",
    errno.EISDIR: "is a directory",
    errno.ENOTDIR: "a part of the path is a file, not a folder",
    errno.ENOSPC: "no space left on the device",
    errno.EDQUOT: "the disk quota is used up",
    errno.EROFS: "the file system is read-only",
    errno.ENAMETOOLONG: "the name is too long",
    errno.ELOOP: "too many symbolic links (a link pointing to itself?)",
    errno.EIO: "an input/output error (a failing disk, or a network folder gone?)",
    errno.EMFILE: "too many open files",
    errno.ETXTBSY: "the file is busy",
}
# ``raise PermissionError`` (no errno) stands for the errno its class is named after
_CLASS_ERRNO = {
    FileNotFoundError: errno.ENOENT,
    PermissionError: errno.EACCES,
    IsADirectoryError: errno.EISDIR,
    NotADirectoryError: errno.ENOTDIR,
    FileExistsError: errno.EEXIST,
}


def _errno(exc: OSError) -> int | None:
    return exc.errno if exc.errno is not None else _CLASS_ERRNO.get(type(exc))


def os_reason(exc: OSError) -> str:
    """Why an OS call failed, in a few words: the table's, else the system's."""
    code = _errno(exc)
    reason = _REASONS.get(code) if code is not None else None
    return reason or exc.strerror or str(exc) or type(exc).__name__


def read_error(path: object, exc: OSError, what: str = "a file") -> InputError:
    """One line for a file that cannot be read (``what`` names the kind of file expected)."""
    code = _errno(exc)
    if code == errno.EISDIR:
        text = f"is a directory, not {what}"
    elif code == errno.ENOTDIR:
        text = "no such file (a part of the path is a file, not a folder)"
    elif code in _REASONS:
        text = os_reason(exc)
    else:
        text = f"cannot read ({os_reason(exc)})"
    return InputError(f"{path}: {text}")


def write_error(path: object, exc: OSError, folder: object = None) -> InputError:
    """One line for a file that could not be written; nothing was. ``folder``: the folder a new
    file was to be created in (a missing folder, or one the user may not write in)."""
    code = _errno(exc)
    if code == errno.ENOENT and folder is not None:
        text = f"the folder {folder} does not exist"
    elif code == errno.EACCES and folder is not None:
        text = f"permission denied (cannot create a file in {folder})"
    elif code in _REASONS and code != errno.ENOENT:
        text = os_reason(exc)
    else:
        text = f"cannot write ({os_reason(exc)})"
    return InputError(f"{path}: {text}; nothing written")


def read_input_bytes(path: str | os.PathLike[str], what: str = "a .bib file", limit: int | None = None) -> bytes:
    """The file's bytes, or one clear InputError (missing, directory, permission …).

    ``what`` names the expected kind of file in the directory message; ``path`` is shown
    as given. A file with no read permission bits is refused even for root (who could read
    it), so that a file the user locked reads the same for everyone. A named pipe that
    nothing writes to is refused instead of waiting forever; devices and sockets are refused.
    With ``limit``, a larger file is refused before it is read (a pipe is read up to it)."""
    try:
        st = os.stat(path)
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError
        if stat.S_ISFIFO(st.st_mode):
            return _read_pipe(path, what, limit)
        if not stat.S_ISREG(st.st_mode):
            raise InputError(f"{path}: not a regular file (a device or socket), not {what}")
        if not st.st_mode & 0o444:
            raise PermissionError
        if limit is not None and st.st_size > limit:
            raise InputError(f"{path}: larger than {limit >> 20} MB; not read")
        return Path(path).read_bytes()
    except OSError as exc:
        raise read_error(path, exc, what) from None


def _read_pipe(path: str | os.PathLike[str], what: str, limit: int | None = None) -> bytes:
    """A named pipe's bytes (``--bib <(…)`` works); one nothing writes to is an error."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        try:
            first = os.read(fd, 1 << 16)
        except BlockingIOError:
            first = None  # a writer holds it open; its data is on the way
        if first == b"":
            raise InputError(f"{path}: a named pipe that nothing writes to, not {what}")
        os.set_blocking(fd, True)
        parts = [first] if first else []
        size = len(first or b"")
        while True:
            data = os.read(fd, 1 << 20)
            if not data:
                break
            parts.append(data)
            size += len(data)
            if limit is not None and size > limit:
                raise InputError(f"{path}: more than {limit >> 20} MB; not read")
        return b"".join(parts)
    finally:
        os.close(fd)
