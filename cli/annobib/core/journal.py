"""The undo journal: what a .bib held before each of annobib's recent writes, kept in the user
state folder (never beside the .bib). ``bib.writer`` records every write of a bibliography;
``annobib undo`` puts the last one back, byte for byte.

A record is two files in ``<state>/journal/``: ``<stamp>.json`` (the file's real path, the
SHA-256 of the bytes written, whether it existed) and ``<stamp>.before`` (its previous bytes).
The last ``KEEP`` writes are kept. A record is made *before* the .bib is replaced, under its
lock: a writer killed after the rename leaves a write that can be undone, and one killed before
it leaves a record whose write never landed (the file still holds the ``before`` bytes), which
``undo`` recognises, drops and passes over. A state folder that cannot be written (read-only,
a full disk) never stops the write itself: :func:`record` raises NotRecorded, and the writer
says in one warning line that this write cannot be undone.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import stat
import time
from dataclasses import dataclass
from pathlib import Path

from annobib.bounded import loads_json
from annobib.core.dirs import make_dirs, state_dir
from annobib.core.files import STALE_AGE, atomic_write_bytes, locked, process_alive
from annobib.errors import ConflictError, InputError, os_reason

KEEP = 20


def journal_dir() -> Path:
    return state_dir() / "journal"


def _digest(data: bytes | bytearray | None) -> str | None:
    return None if data is None else hashlib.sha256(data).hexdigest()


@dataclass
class Record:
    stamp: str
    path: str
    existed: bool
    after: str  # sha256 of the bytes annobib wrote
    when: float

    @property
    def before_file(self) -> Path:
        return journal_dir() / f"{self.stamp}.before"


class NotRecorded(Exception):
    """The journal could not be written; the message says why (the write itself goes on)."""


class NotLanded(Exception):
    """The record is of a write that never replaced the file (its writer was killed first); it
    has been dropped."""


def record(path: str | os.PathLike, before: bytes | None, after: bytes | bytearray) -> str:
    """Remember that ``path`` holds ``before`` (None: no file) until annobib writes ``after``;
    called before the write, with the file's lock held. Returns the record's stamp (for
    :func:`forget_stamp` when the write then fails); NotRecorded when the state folder cannot
    be written. A writer that holds large texts calls its two halves instead."""
    stamp = save_before(before)
    finish(path, stamp, before is not None, after)
    return stamp


def save_before(before: bytes | None) -> str:
    """The first half of :func:`record`: keep ``before`` now, so that a writer can let go of it
    before it makes the new bytes (a 14 MB file was held twice at the write). Its stamp, for
    :func:`finish` (or :func:`forget_stamp` if the write fails); NotRecorded when the state
    folder cannot be written."""
    folder = journal_dir()
    stamp = f"{time.time_ns():020d}-{os.getpid()}"
    try:
        make_dirs(folder, 0o700)
        atomic_write_bytes(folder / f"{stamp}.before", before or b"", durable=False, private=True)
    except (OSError, InputError) as exc:
        forget_stamp(stamp)
        raise _not_recorded(folder, exc) from None
    return stamp


def finish(path: str | os.PathLike, stamp: str, existed: bool, after: bytes | bytearray) -> None:
    """The second half of :func:`record`: the record itself (the file's path, the digest of
    ``after``), written before ``after`` replaces ``path``."""
    folder = journal_dir()
    meta = {"path": os.path.realpath(path), "existed": existed, "after": _digest(after), "when": time.time()}
    try:
        atomic_write_bytes(folder / f"{stamp}.json", json.dumps(meta).encode(), durable=False, private=True)
    except (OSError, InputError) as exc:
        forget_stamp(stamp)  # a .before without its .json is litter
        raise _not_recorded(folder, exc) from None
    _prune(folder)


def _not_recorded(folder: Path, exc: Exception) -> NotRecorded:
    reason = os_reason(exc) if isinstance(exc, OSError) else str(exc)
    return NotRecorded(f"the undo journal in {folder} cannot be written ({reason})")


def folder_problem() -> str | None:
    """Why the journal folder cannot take a record now (None: it can), found by writing and
    syncing one byte there: read-only, a full disk, a file in the way. For ``undo``'s answer
    when it has nothing to undo."""
    # lazy: loads tempfile only when this runs
    import tempfile

    folder = journal_dir()
    try:
        make_dirs(folder, 0o700)
        fd, probe = tempfile.mkstemp(prefix=_PROBE, dir=folder)
        try:
            os.write(fd, b"x")
            os.fsync(fd)
        finally:
            os.close(fd)
            os.unlink(probe)
    except OSError as exc:
        return (
            f"the undo journal in {folder} cannot be written ({os_reason(exc)}), so annobib's writes are not recorded"
        )
    return None


# what a killed recorder leaves: a ``.before`` whose ``.json`` never came, and the temporary
# files of either (``.<stamp>.before.annobib-<pid>-<random>.tmp``, as large as the .bib)
_TEMP = re.compile(r"\.\d{20}-\d+\.(?:before|json)\.annobib-(?P<pid>\d+)-\w+\.tmp")
_PROBE = ".probe-"
_BEFORE = re.compile(r"(?P<stamp>\d{20}-(?P<pid>\d+))\.before")


def _prune(folder: Path) -> None:
    """Drop every record past the newest KEEP, read or not: stamps sort by time, so nothing is
    parsed, and junk in the folder cannot make each write slower. Then the litter of recorders
    that died (their process is gone, or the file is older than an hour)."""
    names = _names(folder)
    for name in names[KEEP:]:
        forget_stamp(name[:-5])
    recorded = {name[:-5] for name in names[:KEEP]}
    now = time.time()
    try:
        everything = os.listdir(folder)
    except OSError:
        return
    for name in everything:
        if name.startswith(_PROBE):  # folder_problem's, if it was killed: any older than a minute
            _unlink_older(folder / name, now - 60)
            continue
        m = _TEMP.fullmatch(name) or _BEFORE.fullmatch(name)
        if m is None or m.groupdict().get("stamp") in recorded:
            continue  # not ours, or a record's own .before
        pid = int(m["pid"])
        if pid == os.getpid():
            continue
        full = folder / name
        try:
            st = os.lstat(full)
            if stat.S_ISREG(st.st_mode) and (not process_alive(pid) or now - st.st_mtime > STALE_AGE):
                os.unlink(full)
        except OSError:
            pass


def _unlink_older(path: Path, limit: float) -> None:
    try:
        if os.lstat(path).st_mtime < limit:
            os.unlink(path)
    except OSError:
        pass


def _names(folder: Path) -> list[str]:
    try:
        return sorted((n for n in os.listdir(folder) if n.endswith(".json")), reverse=True)
    except OSError:
        return []


# a record's time must be one the clock can show (a tampered 1e999 or NaN is no time)
_LATEST_TIME = 32503680000.0  # year 3000


def records() -> list[Record]:
    """The newest KEEP records, newest first (unreadable or tampered ones are skipped)."""
    folder = journal_dir()
    out = []
    for name in _names(folder)[:KEEP]:
        try:
            # bounded: a tampered record nested 100,000 deep is skipped, not a RecursionError
            meta = loads_json((folder / name).read_text(encoding="utf-8"), name)
            seconds = float(meta.get("when", 0))
            if not (math.isfinite(seconds) and 0 <= seconds <= _LATEST_TIME):
                continue
            out.append(Record(name[:-5], str(meta["path"]), bool(meta["existed"]), str(meta["after"]), seconds))
        except (OSError, ValueError, KeyError, TypeError, AttributeError, InputError):
            continue
    return out


def forget(rec: Record) -> None:
    forget_stamp(rec.stamp)


def forget_stamp(stamp: str) -> None:
    for suffix in (".json", ".before"):
        try:
            os.unlink(journal_dir() / f"{stamp}{suffix}")
        except OSError:
            pass


def _regular(path: Path, follow: bool) -> bool:
    """True when ``path`` is a regular file (False for devices, FIFOs, sockets: reading those
    may never end); ``follow`` False also refuses a symlink."""
    try:
        mode = (os.stat if follow else os.lstat)(path).st_mode
    except FileNotFoundError:
        return True  # absent: the callers read it and say so
    except OSError:
        return False
    return stat.S_ISREG(mode)


def latest(paths=None) -> Record | None:
    """The newest record, of one of ``paths`` when given."""
    wanted = None if paths is None else {os.path.realpath(p) for p in paths}
    return next((r for r in records() if wanted is None or r.path in wanted), None)


def undo(rec: Record, force: bool = False) -> str:
    """Put back what ``rec.path`` held before that write (locked, atomic); the record is then
    dropped, so the next undo goes one write further back. Refused (ConflictError) when the
    file changed since annobib wrote it, unless ``force``; NotLanded (the record dropped, the
    file untouched) when that write never replaced the file. Returns what was done."""

    target = Path(rec.path)
    if not _regular(rec.before_file, follow=False):
        raise InputError(f"the journal's copy of {target} is not a regular file; nothing undone")
    if not _regular(target, follow=True):
        raise InputError(f"{target}: not a regular file; nothing undone")
    try:
        before = rec.before_file.read_bytes()
    except OSError as exc:
        raise InputError(f"the journal's copy of {target} is unreadable ({os_reason(exc)})") from None
    with locked(target):  # a writer holds it from its record to its rename
        try:
            now = target.read_bytes()
        except FileNotFoundError:
            now = None
        except OSError as exc:
            raise InputError(f"{target}: cannot read it ({os_reason(exc)})") from None
        if _digest(now) != rec.after and _digest(now) == _digest(before if rec.existed else None):
            forget(rec)
            raise NotLanded(f"annobib's write of {when(rec.when)} to {target} was interrupted before it landed")
        if _digest(now) != rec.after and not force:
            raise ConflictError(
                f"{target} changed since annobib's last write to it (edited by hand, by another "
                "program, or by an annobib write the journal could not record); nothing undone "
                "(--force undoes anyway)"
            )
        if rec.existed:
            atomic_write_bytes(target, before)
            done = f"restored {target} as it was before annobib's write of {when(rec.when)}"
        else:
            if now is not None:
                os.unlink(target)
            done = f"removed {target}: annobib's write of {when(rec.when)} created it"
    forget(rec)
    return done


def when(seconds: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(seconds))
