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


def read_input_bytes(path, what: str = "a .bib file") -> bytes:
    """The file's bytes, or one clear InputError (missing, directory, permission …).

    ``what`` names the expected kind of file in the directory message; ``path`` is shown
    as given."""
    from pathlib import Path

    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not {what}") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
