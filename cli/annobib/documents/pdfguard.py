"""Refuse a PDF whose compressed streams inflate past what a document needs (a FlateDecode bomb).

PDFium inflates a content stream whole, in memory (200 MB of spaces in a 195 KB file peaked at
408 MB). Before PDFium sees the file, every FlateDecode stream is inflated here incrementally,
counting bytes and keeping none: a stream may unpack to 32 MB and all streams together to 256 MB
(like the .docx guard in :mod:`.safezip`); past that the PDF is refused in one line. Streams behind
an ASCIIHex/ASCII85 filter are decoded first; a chain of FlateDecode stages is inflated stage by
stage, every stage's bytes counted; a damaged or encrypted stream is left to PDFium. The text and
drawing operators of the inflated streams are counted too: PDFium builds an object for each when
it loads a page, so a stream may draw what one page can hold and the file what its pages can.
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


# Operators that each make a page object in PDFium (text shown, path segments, XObjects drawn),
# as they are spelt after white space; counted with bytes.count (a regex costs 1 s on 32 MB).
_DRAWING = (b"Tj", b"TJ", b"'", b'"', b" re", b" l", b" c", b" m", b" Do")
# What one page can hold: a dense page of text is a few thousand glyphs, a busy plot some ten
# thousand segments. PDFium builds an object of ~340 bytes for each when it loads the page (1.9
# million ``Tj`` in a 79 KB file took 650 MB and 1 s before a character was read).
PAGE_DRAWING_LIMIT = 250_000
_FLATE = (b"FlateDecode", b"Fl")
_EXPANDING = _FLATE + (b"LZWDecode", b"LZW", b"RunLengthDecode", b"RL")


def _pre_decode(names: list[bytes], raw: bytes) -> tuple[bytes, int] | None:
    """The bytes that reach the first FlateDecode (ASCII filters before it undone) and how many
    FlateDecode stages follow one another from there; None when another filter stands before it
    (nothing to measure here). A stream compressed again after its Flate stages by a filter
    not measured here (LZW, RunLength) is refused: every stage that expands is counted."""
    for i, name in enumerate(names):
        if name in _FLATE:
            stages = 0
            while i + stages < len(names) and names[i + stages] in _FLATE:
                stages += 1
            if any(n in _EXPANDING for n in names[i + stages :]):
                raise _Unmeasured
            return raw, stages
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


class _Unmeasured(Exception):
    """A filter chain that expands in a stage not measured here."""


def _inflate(pieces, budget: list[int]):
    """The inflated pieces (at most 1 MB each) of the compressed ``pieces``; each byte made is
    taken from ``budget[0]``, and inflating stops once it is spent (nothing kept)."""
    d = zlib.decompressobj()
    try:
        for rest in pieces:
            while budget[0] >= 0:
                piece = d.decompress(rest, _CHUNK)
                rest = d.unconsumed_tail
                budget[0] -= len(piece)
                if piece:
                    yield piece
                if d.eof or not rest:
                    break
            if d.eof or budget[0] < 0:
                return
    except zlib.error:
        pass  # damaged or encrypted: PDFium reports it (what came out so far still counts)


def _measure(data: bytes, stages: int, limit: int) -> tuple[int, int]:
    """(bytes out of the last stage, drawing operators in them) of ``data`` inflated ``stages``
    times; every stage's bytes count against ``limit``, and inflating stops past it."""
    budget = [limit * stages]
    pieces = iter((data,))
    for _ in range(stages):
        pieces = _inflate(pieces, budget)
    size = drawing = 0
    for piece in pieces:
        size += len(piece)
        drawing += _drawing(piece)
        if size > limit:
            break
    return (limit + 1 if budget[0] < 0 else size), drawing


def _drawing(data: bytes) -> int:
    return sum(data.count(op) for op in _DRAWING)


def check_streams(data: bytes, name: str) -> int:
    """Raise InputError when a FlateDecode stream of the PDF ``data`` unpacks past the limits, or
    draws more than a page can hold; else the drawing operators of all streams (for the caller
    to weigh against the page count)."""
    total = drawn = 0
    pos = 0
    while True:
        m = _STREAM.search(data, pos)
        if not m:
            return drawn
        head = data[max(0, m.start() - 2048) : m.start()]
        end = data.find(b"endstream", m.end())
        if end < 0:
            end = len(data)
        pos = end
        names = _filters(head[head.rfind(b"obj") + 1 :])
        if not names:  # stored as it is: nothing to inflate, its operators still count
            drawing = _drawing(data[m.end() : end])
            drawn += drawing
            check_drawing(drawing, 1, name)
            continue
        try:
            found = _pre_decode(names, data[m.end() : end])
        except _Unmeasured:
            raise InputError(
                f"{name}: a stream compressed again after FlateDecode ({b' '.join(names).decode()}); refused "
                "(a compression bomb, not a document)"
            ) from None
        if found is None:
            continue
        size, drawing = _measure(found[0], found[1], STREAM_LIMIT)
        total += size
        drawn += drawing
        if size > STREAM_LIMIT or total > TOTAL_LIMIT:
            limit = STREAM_LIMIT if size > STREAM_LIMIT else TOTAL_LIMIT
            what = "a compressed stream unpacks" if size > STREAM_LIMIT else "its compressed streams unpack"
            raise InputError(f"{name}: {what} past {limit >> 20} MB; refused (a compression bomb, not a document)")
        check_drawing(drawing, 1, name)  # one stream draws one page at most


def check_drawing(drawing: int, pages: int, name: str) -> None:
    """Raise InputError when ``drawing`` operators are more than ``pages`` pages can hold."""
    if drawing > PAGE_DRAWING_LIMIT * pages:
        raise InputError(
            f"{name}: {drawing:,} text and drawing operators for {pages:,} page(s), more than pages can hold "
            f"(limit {PAGE_DRAWING_LIMIT:,} a page); refused"
        )
