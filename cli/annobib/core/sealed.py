"""Cache files a damaged byte cannot turn into a hang: marshal data behind a length and a check.

``marshal.loads`` trusts the lengths it reads: 16 bytes of ``[`` ask for four lists of 1.5
billion items each (8 s and 12 GB of address space per level), and 4 KB of them never end.
So every cache file annobib reads back is *sealed*: a magic, the payload's length and its
CRC-32 come first, and the payload reaches marshal only when all three match (CRC-32 runs at
~4 GB/s: 1 ms for the rows of 50,000 entries). A file without the magic is of an older
format and quietly absent; one with the magic whose check fails is damaged, and callers
rebuild it with one warning line (:func:`warn_damaged`).
"""

from __future__ import annotations

import marshal
import os
import struct
import warnings
import zlib

from annobib.errors import Notice

MAGIC = b"ANNOBIB-SEALED1\n"
_HEAD = struct.Struct("<QI")  # payload length, CRC-32 of the payload


class Damaged(ValueError):
    """A sealed file (or section) whose length or check does not match its bytes."""


def seal(value) -> bytes:
    """``value`` marshalled, behind the magic, its length and its check."""
    data = marshal.dumps(value)
    return MAGIC + _HEAD.pack(len(data), zlib.crc32(data)) + data


def check(data, crc: int) -> None:
    """Damaged unless ``data`` (bytes-like) has the CRC-32 ``crc``."""
    if zlib.crc32(data) != crc:
        raise Damaged("its check does not match its bytes")


def unseal(blob: bytes):
    """The value :func:`seal` sealed in ``blob``; None for a file of another format (no magic);
    Damaged when the length or check does not match (never a marshal of unchecked bytes)."""
    if not blob.startswith(MAGIC):
        return None
    start = len(MAGIC) + _HEAD.size
    if len(blob) < start:
        raise Damaged("cut short")
    length, crc = _HEAD.unpack_from(blob, len(MAGIC))
    payload = memoryview(blob)[start:]
    if len(payload) != length:
        raise Damaged("cut short or grown")
    check(payload, crc)
    try:
        return marshal.loads(payload)
    except (EOFError, ValueError, TypeError) as exc:  # checked bytes that marshal refuses: another Python
        raise Damaged(str(exc)) from None


def load_sealed(path, what: str):
    """The value sealed in the file at ``path``; None when it is absent, unreadable, of another
    format or damaged (then with one warning line naming ``what``): a cache is rebuilt."""
    try:
        with open(path, "rb") as fh:
            blob = fh.read()
    except OSError:
        return None
    try:
        return unseal(blob)
    except Damaged:
        warn_damaged(path, what)
        return None


def warn_damaged(path, what: str) -> None:
    """Remove the damaged file (its next read finds none, and it is made again) and say so in
    one warning line, once per file however many readers found it."""
    try:
        os.unlink(path)
    except OSError:
        pass
    if str(path) not in _WARNED:
        _WARNED.add(str(path))
        warnings.warn(Notice(f"{path}: a damaged {what}; removed, to be made again"), stacklevel=3)


_WARNED: set[str] = set()
