"""Writing a Library back: untouched blocks verbatim, edited entries re-serialized, atomically."""

from __future__ import annotations

import difflib
import os
import tempfile
from pathlib import Path

from annobib.bib.library import Library, file_stamp, is_modified
from annobib.errors import ConflictError, InputError
from annobib.model import Entry


def serialize_entry(entry: Entry, indent: str = "  ") -> str:
    width = max((len(k) for k in entry.fields), default=0)
    lines = [f"@{entry.type}{{{entry.key},"]
    for name, value in entry.fields.items():
        lines.append(f"{indent}{name.ljust(width)} = {{{value}}},")
    lines.append("}")
    return "\n".join(lines) + "\n"


def library_text(lib: Library) -> str:
    parts = []
    for block in lib.blocks:
        if not is_modified(block):
            parts.append(block.raw)
            continue
        text = serialize_entry(block.entry)
        if parts and not parts[-1].endswith("\n"):
            parts.append("\n")
        if block.raw:
            # keep the blank lines / comments that preceded the entry in its block
            head = block.raw[: block.raw.find("@")] if "@" in block.raw else ""
            tail_blank = "\n" if block.raw.endswith("\n\n") else ""
            parts.append(head + text + tail_blank)
        else:
            sep = "\n" if parts else ""
            parts.append(sep + text)
    return "".join(parts)


def unified_diff(old: str, new: str, name: str = "bibliography") -> str:
    return "".join(
        difflib.unified_diff(
            old.splitlines(keepends=True), new.splitlines(keepends=True), f"a/{name}", f"b/{name}"
        )
    )


def atomic_write_text(path: Path, text: str) -> None:
    """Temporary file in the same folder, fsync, rename: readers see the old or the new file."""
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        if path.exists():
            os.chmod(tmp, os.stat(path).st_mode & 0o7777)
        os.replace(tmp, path)
        dfd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_library(lib: Library, path: str | os.PathLike | None = None, *, dry_run: bool = False) -> str:
    """Write ``lib`` (to its own path by default); return the unified diff.

    Refuses with ConflictError when the file on disk is not the one that was read.
    """
    target = Path(path) if path is not None else lib.path
    if target is None:
        raise InputError("no file to write the bibliography to")
    new_text = library_text(lib)
    old_text = lib.original_text if target == lib.path else _read_or_empty(target)
    diff = unified_diff(old_text, new_text, str(target))
    if dry_run or new_text == old_text and target.exists():
        return diff
    if target == lib.path and lib.stamp is not None:
        try:
            data = target.read_bytes()
            now = file_stamp(target, data)
        except FileNotFoundError:
            now = None
        if now is None or now[2] != lib.stamp[2]:
            raise ConflictError(f"{target} changed on disk since it was read; nothing written (run the command again)")
    atomic_write_text(target, new_text)
    return diff


def _read_or_empty(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (FileNotFoundError, UnicodeDecodeError):
        return ""
