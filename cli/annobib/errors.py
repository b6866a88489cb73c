"""Errors the CLI turns into one line on stderr and an exit code (never a traceback)."""


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


def read_input_bytes(path, what: str = "a .bib file", limit: int | None = None) -> bytes:
    """The file's bytes, or one clear InputError (missing, directory, permission …).

    ``what`` names the expected kind of file in the directory message; ``path`` is shown
    as given. A file with no read permission bits is refused even for root (who could read
    it), so that a file the user locked reads the same for everyone. A named pipe that
    nothing writes to is refused instead of waiting forever; devices and sockets are refused.
    With ``limit``, a larger file is refused before it is read (a pipe is read up to it)."""
    import os
    import stat
    from pathlib import Path

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
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not {what}") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except NotADirectoryError:
        raise InputError(f"{path}: no such file (a part of the path is a file, not a folder)") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None


def _read_pipe(path, what: str, limit: int | None = None) -> bytes:
    """A named pipe's bytes (``--bib <(…)`` works); one nothing writes to is an error."""
    import os

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
