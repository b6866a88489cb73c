"""Text edited in $VISUAL/$EDITOR through a temporary file, read back only when it is safe.

``click.edit`` trusts the editor: a buffer it deleted, replaced by a directory or a FIFO (the
read then hangs for ever), or saved as UTF-16 ended in an internal error, and the temporary
file stayed in /tmp. Here the buffer is read back only when it is still a regular file (looked
at with ``lstat`` and again on the open descriptor, opened ``O_NONBLOCK | O_NOFOLLOW`` so a
FIFO or a link cannot block or redirect the read), at most ``MAX_BUFFER`` bytes, as UTF-8;
anything else is one :class:`InputError` line and nothing is written. The temporary file (or
what the editor put in its place) is always removed, and buffers left by an annobib that was
killed mid-edit (``annobib-edit-<pid>-*``, that process gone) are swept on the next edit.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from annobib.bounded import TooLarge, read_limited
from annobib.core.files import process_alive
from annobib.core.inputs import decode_utf8
from annobib.errors import InputError

MAX_BUFFER = 16 << 20
PREFIX = "annobib-edit-"


def editor_command() -> str:
    """$VISUAL, else $EDITOR, else the first of sensible-editor, vim, nano found, else vi."""
    for name in ("VISUAL", "EDITOR"):
        value = os.environ.get(name)
        if value:
            return value
    # lazy: a PATH search only when no editor is set
    from shutil import which

    return next((e for e in ("sensible-editor", "vim", "nano") if which(e)), "vi")


def edit_text(text: str, extension: str = ".txt") -> str | None:
    """``text`` as the editor saved it; None when it was closed without saving."""
    # lazy: only when an editor is opened
    import shlex
    import subprocess

    sweep_stale_buffers()
    if text and not text.endswith("\n"):
        text += "\n"
    fd, name = tempfile.mkstemp(prefix=f"{PREFIX}{os.getpid()}-", suffix=extension)
    path = Path(name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(text.encode("utf-8"))
        # two seconds back: an editor that saves within the file system's time resolution
        # still changes the time (as click does)
        before = path.stat().st_mtime - 2
        os.utime(path, (before, before))
        before = path.stat().st_mtime
        editor = editor_command()
        try:
            code = subprocess.Popen([*shlex.split(editor), name]).wait()
        except (OSError, ValueError) as exc:
            raise InputError(f"the editor failed: {editor}: {exc} (set EDITOR to a working editor)") from None
        if code != 0:
            raise InputError(f"the editor failed: {editor} exited with {code}; nothing written")
        return _read_buffer(path, before)
    finally:
        _remove(path)


def _read_buffer(path: Path, before: float) -> str | None:
    try:
        info = path.lstat()
    except FileNotFoundError:
        raise InputError("the editor removed its buffer; nothing written") from None
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"the editor left {_kind(info.st_mode)} in place of its buffer; nothing written")
    if info.st_mtime == before:
        return None
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW)
    except OSError as exc:
        raise InputError(f"cannot read the editor's buffer: {exc.strerror}; nothing written") from None
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):  # swapped between lstat and open
            raise InputError("the editor's buffer is not a regular file; nothing written")
        try:
            data = read_limited(fh, MAX_BUFFER, "the editor's buffer")
        except TooLarge:
            raise InputError(f"the editor's buffer is larger than {MAX_BUFFER >> 20} MB; nothing written") from None
    text = decode_utf8(data, "the editor's buffer", hint=False)
    return text.replace("\r\n", "\n")


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    return "a device or socket"


def _remove(path: Path) -> None:
    """The buffer, or what the editor left there (an empty directory, a FIFO, a link)."""
    try:
        if path.is_dir() and not path.is_symlink():
            path.rmdir()
        else:
            path.unlink()
    except OSError:
        pass


def sweep_stale_buffers(folder: Path | None = None) -> int:
    """Remove buffers of annobib edits whose process is gone (killed mid-edit); the count."""
    folder = Path(folder or tempfile.gettempdir())
    removed = 0
    try:
        names = [n for n in os.listdir(folder) if n.startswith(PREFIX)]
    except OSError:
        return 0
    for name in names:
        pid = name[len(PREFIX) :].split("-", 1)[0]
        if not pid.isdecimal() or process_alive(int(pid)):
            continue
        path = folder / name
        try:
            if path.lstat().st_uid != os.getuid():
                continue
        except OSError:
            continue
        _remove(path)
        removed += 1
    return removed
