"""Refuse a PDF whose compressed streams inflate past what a document needs (a FlateDecode bomb).

PDFium inflates a content stream whole, in memory (200 MB of spaces in a 195 KB file peaked at
408 MB). Before PDFium sees the file, every FlateDecode stream is inflated here incrementally,
counting bytes and keeping none: a stream may unpack to 32 MB and all streams together to 256 MB
(like the .docx guard in :mod:`.safezip`); past that the PDF is refused in one line. Streams behind
an ASCIIHex/ASCII85 filter are decoded first; a chain of FlateDecode stages is inflated stage by
stage, every stage's bytes counted; a damaged or encrypted stream is left to PDFium. The tokens
of the inflated streams are counted too: PDFium keeps each when it loads a page, so a stream may
hold what one page can, and the file what its pages and its size can; the bytes of the strings
shown weigh as tokens too (PDFium keeps every glyph), against the pages, not the file's size.
"""

from __future__ import annotations

import base64
import re
import zlib

from annobib.documents.pdfguard_forms import KEPT_LIMIT, Drawings, Stream, check_drawings, is_object_stream
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


# The tokens of a content stream (operators, operands, the elements of a TJ array), counted as
# the runs between white space plus the delimiters that part tokens without it (``(x)(y)``,
# ``-1-1``), in C (bytes.split, bytes.count: 0.4 s on 32 MB; a regex takes twice that). PDFium
# keeps ~57 bytes for each when it loads a page: 1.9 million ``(x) Tj 0.01 0 Td`` in a 79 KB
# file took 650 MB and 1 s, one TJ array of 12 million numbers 710 MB and 1.9 s, before a
# character was read.
_TOKEN_MARKS = (b"(", b"<", b"-", b"[", b"/")
# Each text shown (Tj, TJ, and ' " after a string) weighs 12 tokens more: PDFium keeps a text
# object and its characters, ~800 bytes (650,000 ``(x) Tj`` took 537 MB and 2.5 s).
_SHOWS = (b"Tj", b"TJ", b")'", b") '", b">'", b"> '", b')"', b') "', b'>"', b'> "')
SHOW_WEIGHT = 12
# A real page has a few thousand (3,000-3,600 a page in three PDFs, 0.4-0.5 a byte of the file): a
# stream may hold what a page can at its densest, the file what its pages can, and never more
# than a few times what its size holds. Pictures and fonts are counted too (a stream's dictionary
# is the file's word, not PDFium's): 32 MB of random bytes, a photograph at the stream limit,
# make 1.5 million "tokens", under the limit of one stream.
PAGE_TOKEN_LIMIT = 2_000_000
# A string shown weighs a token a byte over: PDFium keeps every glyph of it (~325 bytes each, with the
# text page), and a few long strings are few tokens (40 strings of 26,400 glyphs in 3.4 KB took
# 2.6 s and 344 MB). The bytes of strings shown (Tj ' " and TJ arrays) are counted, in C, and a
# string longer than a piece of inflated bytes counts whole, its end in a later piece.
GLYPH_WEIGHT = 6
# a string shown and its operator (a few bytes more than its glyphs; no groups: counted in C)
_SHOWN = re.compile(rb"\([^()]*\)\s*(?:Tj|'|\")|<[0-9A-Fa-f\s]*>\s*Tj|\[[^\][]*\]\s*TJ")
TOKENS_PER_BYTE = 4
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


def _measure(
    data: bytes, stages: int, limit: int, drawings: Drawings | None = None, keep: list[bytes] | None = None
) -> tuple[int, int, int]:
    """(bytes out of the last stage, tokens in them, the part of those that strings' glyphs
    weigh) of ``data`` inflated ``stages`` times; every stage's bytes count against ``limit``,
    and inflating stops past it. The names drawn go to ``drawings``; the pieces to ``keep``."""
    budget = [limit * stages]
    pieces = iter((data,))
    for _ in range(stages):
        pieces = _inflate(pieces, budget)
    size = tokens = glyphs = 0
    inside = False  # a piece ended inside a string
    for piece in pieces:
        size += len(piece)
        if drawings is not None:
            drawings.add(piece)
        if keep is not None:
            keep.append(piece)
        found, in_glyphs, inside = _weigh(piece, inside)
        tokens += found
        glyphs += in_glyphs
        if size > limit or tokens > PAGE_TOKEN_LIMIT:  # refused either way: nothing more to weigh
            break
    return (limit + 1 if budget[0] < 0 else size), tokens, glyphs


def _tokens(data: bytes) -> int:
    return _weigh(data, False)[0]


def _weigh(data: bytes, inside: bool) -> tuple[int, int, bool]:
    """(the weight in tokens of a piece of a stream, the part of it its strings' glyphs weigh,
    whether it ends inside a string); ``inside``: the piece before it did. Each byte of a string
    shown weighs GLYPH_WEIGHT."""
    shows = sum(data.count(show) for show in _SHOWS)
    tokens = len(data.split()) + sum(data.count(mark) for mark in _TOKEN_MARKS) + SHOW_WEIGHT * shows
    glyphs, start = 0, 0
    if inside:  # the rest of a string begun in an earlier piece
        close = data.find(b")")
        if close < 0:
            return tokens + GLYPH_WEIGHT * len(data), GLYPH_WEIGHT * len(data), True
        glyphs, start = close, close + 1
    glyphs += sum(map(len, _SHOWN.findall(data, start)))
    last_open = data.rfind(b"(", start)
    inside = last_open >= 0 and data.find(b")", last_open) < 0
    if inside:
        glyphs += len(data) - last_open
    return tokens + GLYPH_WEIGHT * glyphs, GLYPH_WEIGHT * glyphs, inside


def check_streams(data: bytes, name: str) -> int:
    """Raise InputError when a FlateDecode stream of the PDF ``data`` unpacks past the limits, or
    holds more tokens than a page can, or all streams more than the file's size can; else the
    tokens of all streams (for the caller to weigh against the page count)."""
    total = tokens = plain = 0  # plain: tokens without the glyphs' weight (text packs tighter)
    pos = 0
    file_limit = max(PAGE_TOKEN_LIMIT, TOKENS_PER_BYTE * len(data))
    streams: list[Stream] = []  # for the forms' drawings, weighed once all are read
    kept: list[tuple[bytes, bytes]] = []  # object streams (dictionary, bytes): pages, resources
    while True:
        m = _STREAM.search(data, pos)
        if not m:
            check_drawings(data, streams, kept, PAGE_TOKEN_LIMIT, name)
            return tokens
        head = data[max(0, m.start() - 2048) : m.start()]
        end = data.find(b"endstream", m.end())
        if end < 0:
            end = len(data)
        pos = end
        dictionary = head[head.rfind(b"obj") + 1 :]
        names = _filters(dictionary)
        drawings = Drawings()
        keep = [] if is_object_stream(dictionary) and sum(len(b) for _, b in kept) < KEPT_LIMIT else None
        if not names:  # stored as it is: nothing to inflate, its tokens still count
            size, (found, glyphs, _) = 0, _weigh(data[m.end() : end], False)
            drawings.add(data[m.end() : end])
            if keep is not None:
                keep.append(data[m.end() : end])
        else:
            try:
                decoded = _pre_decode(names, data[m.end() : end])
            except _Unmeasured:
                raise InputError(
                    f"{name}: a stream compressed again after FlateDecode ({b' '.join(names).decode()}); "
                    "refused (a compression bomb, not a document)"
                ) from None
            if decoded is None:
                continue
            size, found, glyphs = _measure(decoded[0], decoded[1], STREAM_LIMIT, drawings, keep)
        streams.append(Stream(m.start(), dictionary, found, drawings.found))
        if keep:
            kept.append((dictionary, b"".join(keep)))
        total += size
        tokens += found
        plain += found - glyphs
        if size > STREAM_LIMIT or total > TOTAL_LIMIT:
            limit = STREAM_LIMIT if size > STREAM_LIMIT else TOTAL_LIMIT
            what = "a compressed stream unpacks" if size > STREAM_LIMIT else "its compressed streams unpack"
            raise InputError(f"{name}: {what} past {limit >> 20} MB; refused (a compression bomb, not a document)")
        check_tokens(found, 1, name)  # one stream holds one page at most
        if plain > file_limit:
            raise InputError(
                f"{name}: {plain:,} tokens in its content streams, more than {TOKENS_PER_BYTE} a byte of the "
                "file; refused (not a plausible document)"
            )


def check_tokens(tokens: int, pages: int, name: str) -> None:
    """Raise InputError when ``tokens`` are more than ``pages`` pages can hold."""
    if tokens > PAGE_TOKEN_LIMIT * pages:
        raise InputError(
            f"{name}: {tokens:,} tokens in content for {pages:,} page(s), more than pages can hold "
            f"(limit {PAGE_TOKEN_LIMIT:,} a page); refused"
        )
