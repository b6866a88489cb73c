"""Refuse a PDF whose compressed streams inflate past what a document needs (a FlateDecode bomb).

PDFium inflates a content stream whole, in memory (200 MB of spaces in a 195 KB file peaked at
408 MB). Before PDFium sees the file, every FlateDecode stream is inflated here incrementally,
counting bytes and keeping none: a stream may unpack to 32 MB and all streams together to 256 MB
(like the .docx guard in :mod:`.safezip`); past that the PDF is refused in one line. Streams behind
an ASCIIHex/ASCII85 filter are decoded first; a damaged or encrypted stream is left to PDFium.
"""

from __future__ import annotations

import base64
import re
import zlib

from annobib.errors import InputError

STREAM_LIMIT = 32 << 20
TOTAL_LIMIT = 256 << 20
_CHUNK = 1 << 20

_STREAM = re.compile(rb"(?<!end)stream\r?\n")
_FILTER = re.compile(rb"/Filter\s*(\[[^\]]{0,400}\]|/[A-Za-z0-9]+)")
_NAME = re.compile(rb"/([A-Za-z0-9]+)")


def _filters(head: bytes) -> list[bytes]:
    """The filter names of the stream whose dictionary ends ``head`` (nearest ``/Filter``)."""
    found = None
    for found in _FILTER.finditer(head):
        pass
    return _NAME.findall(found.group(1)) if found else []


def _pre_decode(names: list[bytes], raw: bytes) -> bytes | None:
    """The bytes that reach FlateDecode: ASCII filters before it undone; None when another filter
    stands before it (nothing to measure here)."""
    for name in names:
        if name in (b"FlateDecode", b"Fl"):
            return raw
        try:
            if name in (b"ASCIIHexDecode", b"AHx"):
                raw = bytes.fromhex(re.sub(rb"[^0-9A-Fa-f]", b"", raw.split(b">", 1)[0]).decode())
            elif name in (b"ASCII85Decode", b"A85"):
                body = raw.split(b"~>", 1)[0]
                raw = base64.a85decode(re.sub(rb"\s", b"", body))
            else:
                return None
        except ValueError:
            return None
    return None


def _inflated_size(data: bytes, limit: int) -> int:
    """How many bytes ``data`` inflates to, stopping once past ``limit`` (nothing kept)."""
    d = zlib.decompressobj()
    total = 0
    rest = data
    try:
        while total <= limit:
            piece = d.decompress(rest, _CHUNK)
            total += len(piece)
            rest = d.unconsumed_tail
            if not piece or d.eof:
                break
    except zlib.error:
        pass  # damaged or encrypted: PDFium reports it (what came out so far still counts)
    return total


def check_streams(data: bytes, name: str) -> None:
    """Raise InputError when a FlateDecode stream of the PDF ``data`` unpacks past the limits."""
    total = 0
    pos = 0
    while True:
        m = _STREAM.search(data, pos)
        if not m:
            return
        head = data[max(0, m.start() - 2048) : m.start()]
        end = data.find(b"endstream", m.end())
        if end < 0:
            end = len(data)
        pos = end
        names = _filters(head[head.rfind(b"obj") + 1 :])
        body = _pre_decode(names, data[m.end() : end]) if names else None
        if body is None:
            continue
        size = _inflated_size(body, STREAM_LIMIT)
        total += size
        if size > STREAM_LIMIT or total > TOTAL_LIMIT:
            limit = STREAM_LIMIT if size > STREAM_LIMIT else TOTAL_LIMIT
            what = "a compressed stream unpacks" if size > STREAM_LIMIT else "its compressed streams unpack"
            raise InputError(f"{name}: {what} past {limit >> 20} MB; refused (a compression bomb, not a document)")
