"""Refuse a PDF whose form XObjects draw one another past what a page can hold (a fan-out).

A form XObject is a content stream drawn by ``/Name Do``; PDFium copies its objects at every
drawing. Forms that each draw the next twice make 2**n drawings from n small streams (16 levels
in 3.5 KB took 5.4 s and 622 MB, 25 never ended), which the token count of :mod:`.pdfguard`
cannot see: it weighs each stream once. Here each page's weight is its streams' tokens plus,
for every drawing, the weight of the form drawn, computed bottom-up and memoised. A name is
looked up only in the resources of the stream that draws it (or, for a form without its own, of
whatever drew that form, as PDFium does): real files reuse names like ``/Fm0`` in every form.
Objects inside object streams are read too (their dictionaries may hold pages and resources).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from annobib.errors import InputError

# a name drawn (``/Fm0 Do``); the name's bytes as PDF delimits them
_NAME_CHARS = rb"[^\s/\[\]()<>{}%]"
_DO = re.compile(rb"/(" + _NAME_CHARS + rb"+)\s*Do(?!" + _NAME_CHARS + rb")")
_TAIL = 256  # a drawing cut by the edge of an inflated piece is found in the piece after it
_OBJ = re.compile(rb"(?<![A-Za-z])obj(?![A-Za-z])")
_OBJ_NUMBER = re.compile(rb"(\d+)\s+\d+\s+$")
_REF = re.compile(rb"(\d+)\s+\d+\s+R(?![A-Za-z])")
_XOBJECT_ENTRY = re.compile(rb"/(" + _NAME_CHARS + rb"+)\s*(\d+)\s+\d+\s+R(?![A-Za-z])")
_PAGE = re.compile(rb"/Type\s*/Page(?![A-Za-z0-9])")
_FORM = re.compile(rb"/Subtype\s*/Form(?![A-Za-z0-9])")
_OBJSTM = re.compile(rb"/Type\s*/ObjStm(?![A-Za-z0-9])")
_BRACKETS = re.compile(rb"<<|>>")
_HEX = re.compile(rb"#([0-9A-Fa-f]{2})")
_TEXT_CAP = 1 << 16  # an object's dictionary read for a key: resources are far smaller
_PARENT_STEPS = 32  # a page inherits resources from its tree (a few levels deep in real files)
# Forms nested deeper weigh their own tokens only: PDFium stops drawing before this depth (a chain
# of 70 forms over a 2**16 fan-out took 0.13 s; of 38, refused here), and recursion stays shallow.
_DEPTH = 64
KEPT_LIMIT = 16 << 20  # object streams kept for their dictionaries, all together


def _name(raw: bytes) -> bytes:
    """A name with its ``#xx`` escapes undone (``/Fm#30`` is ``/Fm0``)."""
    return _HEX.sub(lambda m: bytes((int(m.group(1), 16),)), raw) if b"#" in raw else raw


def is_object_stream(dictionary: bytes) -> bool:
    """Whether a stream's dictionary says it holds objects (whose dictionaries are read here)."""
    return bool(_OBJSTM.search(dictionary))


@dataclass
class Stream:
    """One stream: where it starts, its dictionary, its tokens and the names it draws."""

    start: int
    head: bytes
    tokens: int = 0
    draws: Counter = field(default_factory=Counter)


class Drawings:
    """The names drawn in an inflated stream's pieces (a name cut by a piece's edge included)."""

    def __init__(self) -> None:
        self.found: Counter = Counter()
        self._tail = b""

    def add(self, piece: bytes) -> None:
        if b"Do" in piece or b"Do" in self._tail + piece[:2]:
            text = self._tail + piece
            skip = len(self._tail)  # a match wholly in the tail was counted with its piece
            self.found.update(_name(m.group(1)) for m in _DO.finditer(text) if m.end() > skip)
        self._tail = piece[-_TAIL:]


def _balanced(text: bytes, start: int) -> bytes:
    """The dictionary that opens at ``start`` (``<<``), to its matching ``>>`` (one pass)."""
    depth = 0
    for m in _BRACKETS.finditer(text, start):
        depth += 1 if m.group() == b"<<" else -1
        if depth == 0:
            return text[start : m.end()]
    return text[start:]


class Objects:
    """The file's objects by number (the last one of a number wins, as in an updated file)."""

    def __init__(self, data: bytes, kept: list[tuple[bytes, bytes]]) -> None:
        self.texts: dict[int, tuple[bytes, int, int]] = {}  # number: (buffer, start, end)
        self.packed: list[int] = []  # the numbers of the objects inside object streams
        self._starts: list[int] = []
        self._numbers: list[int] = []
        for m in _OBJ.finditer(data):
            number = _OBJ_NUMBER.search(data, max(0, m.start() - 24), m.start())
            if number:
                self._starts.append(m.end())
                self._numbers.append(int(number.group(1)))
                self.texts[int(number.group(1))] = (data, m.end(), len(data))
        ends = dict(zip(self._starts, self._starts[1:] + [len(data)]))  # an object ends where the next starts
        self.texts = {n: (buf, start, ends[start]) for n, (buf, start, _) in self.texts.items()}
        self._read: dict[int, bytes] = {}
        for head, body in kept:
            self._add_object_stream(head, body)

    def owner(self, pos: int) -> int | None:
        """The number of the object of the file that holds ``pos``."""
        i = bisect.bisect_right(self._starts, pos) - 1
        return self._numbers[i] if i >= 0 else None

    def _add_object_stream(self, head: bytes, body: bytes) -> None:
        """The objects of an object stream: pairs of number and offset, then the objects from /First."""
        first = re.search(rb"/First\s+(\d+)", head)
        if not first:
            return
        start = int(first.group(1))
        numbers = [int(n) for n in re.findall(rb"\d+", body[: min(start, _TEXT_CAP)])]
        pairs = sorted(zip(numbers[1::2], numbers[::2]))  # by offset: an object ends where the next starts
        for i, (offset, number) in enumerate(pairs):
            end = start + pairs[i + 1][0] if i + 1 < len(pairs) else len(body)
            if number not in self.texts and start + offset < len(body):
                self.texts[number] = (body, start + offset, end)
                self.packed.append(number)

    def text(self, number: int) -> bytes:
        """The object's text up to its end (or the stream that follows its dictionary)."""
        if number not in self._read:
            if number not in self.texts:
                return b""
            buf, start, end = self.texts[number]
            text = buf[start : min(end, start + _TEXT_CAP)]
            for stop in (b"endobj", b"stream"):
                cut = text.find(stop)
                if cut >= 0:
                    text = text[:cut]
            self._read[number] = text
        return self._read[number]

    def value(self, text: bytes, key: bytes) -> bytes | None:
        """The value of ``/key`` in ``text``: a dictionary or array (one step through a reference)."""
        m = re.search(rb"/" + key + rb"(?![A-Za-z0-9])\s*(<<|\[|(\d+)\s+\d+\s+R(?![A-Za-z]))", text)
        if not m:
            return None
        if m.group(2):
            return self.text(int(m.group(2))).strip()
        if m.group(1) == b"<<":
            return _balanced(text, m.start(1))
        close = text.find(b"]", m.end())
        return text[m.start(1) : close + 1 if close >= 0 else len(text)]


def check_drawings(data: bytes, streams: list[Stream], kept: list[tuple[bytes, bytes]], limit: int, name: str) -> None:
    """Raise InputError when a page's streams, with every form they draw weighed as often as it
    is drawn, hold more than ``limit`` tokens, or a form draws itself."""
    if not any(s.draws for s in streams):
        return
    objects = Objects(data, kept)
    by_number = {objects.owner(s.start): s for s in streams}
    weigher = _Weigher(objects, by_number, limit, name)
    pages = {objects.owner(m.start()) for m in _PAGE.finditer(data)}  # each page object once
    for page in sorted(n for n in pages if n is not None and n not in by_number):
        weigher.page(page)
    for number in objects.packed:
        if _PAGE.search(objects.text(number)):
            weigher.page(number)


class _Weigher:
    def __init__(self, objects: Objects, streams: dict, limit: int, name: str) -> None:
        self.objects, self.streams, self.limit, self.name = objects, streams, limit, name
        self.memo: dict[tuple, int] = {}
        self.active: set[int] = set()
        self.own: dict[int, tuple | str] = {}  # a form's names, or where it takes them from
        self.inherited: dict[int, bytes | None] = {}  # page tree nodes: their resources
        self.tables: dict[bytes, tuple | None] = {}

    def xobjects(self, resources: bytes | None) -> tuple | None:
        """The names of the forms and images in ``resources``, with their object numbers; None
        when there is no /XObject dictionary. One table for the same resources (its id a memo key)."""
        if resources is None:
            return None
        if resources not in self.tables:
            found = self.objects.value(resources, b"XObject")
            self.tables[resources] = (
                None
                if found is None
                else tuple(sorted((_name(n), int(num)) for n, num in _XOBJECT_ENTRY.findall(found)))
            )
        return self.tables[resources]

    def resources(self, number: int) -> bytes | None:
        """The resources of page ``number``: its own, or inherited from its page tree."""
        walked = []
        found = None
        node: int | None = number
        for _ in range(_PARENT_STEPS):
            if node is None or node in self.inherited:
                found = self.inherited.get(node)
                break
            walked.append(node)
            text = self.objects.text(node)
            found = self.objects.value(text, b"Resources")
            if found is not None:
                break
            parent = re.search(rb"/Parent\s*(\d+)\s+\d+\s+R", text)
            node = int(parent.group(1)) if parent else None
        for node in walked:  # each node of the tree read once
            self.inherited[node] = found
        return found

    def page(self, number: int) -> None:
        text = self.objects.text(number)
        resources = self.resources(number)
        names = self.xobjects(resources) or ()
        contents = re.search(rb"/Contents\s*(\[[^\]]*\]|(\d+)\s+\d+\s+R)", text)
        if not contents:
            return
        if contents.group(2) and int(contents.group(2)) not in self.streams:  # an array, by reference
            numbers = [int(n) for n in _REF.findall(self.objects.text(int(contents.group(2))))]
        else:
            numbers = [int(n) for n in _REF.findall(contents.group(1))]
        weight = 0
        for n in numbers:
            if n in self.streams:
                key = (-n, id(names))  # pages that share their contents and resources weighed once
                if key not in self.memo:
                    self.memo[key] = self.drawn(self.streams[n], names, names, 0)
                weight += self.memo[key]
        if weight > self.limit:
            raise InputError(
                f"{self.name}: a page draws its forms (XObjects) into {weight:,} tokens, more than a page "
                f"can hold (limit {self.limit:,}); refused (forms drawn over and over, not a document)"
            )

    def drawn(self, stream: Stream, names: tuple, page: tuple, depth: int) -> int:
        """The tokens of ``stream`` with those of every form it draws, named in ``names`` (the
        page's names: ``page``)."""
        table = dict(names)
        weight = stream.tokens
        for drawn_name, count in stream.draws.items():
            number = table.get(drawn_name)
            if number is not None and depth < _DEPTH:
                weight += count * self.form(number, names, page, depth + 1)
            if weight > self.limit:
                break  # refused either way
        return weight

    def form(self, number: int, inherited: tuple, page: tuple, depth: int) -> int:
        """The weight of one drawing of object ``number``: 1 for an image, more for a form. As in
        PDFium, a form without resources names what its caller names, one whose resources
        have no /XObject dictionary what the page names."""
        stream = self.streams.get(number)
        if stream is None or not _FORM.search(stream.head):
            return 1
        if number not in self.own:
            own = self.objects.value(stream.head, b"Resources")
            table = self.xobjects(own)
            self.own[number] = "caller" if own is None else "page" if table is None else table
        mode = self.own[number]
        names = mode if isinstance(mode, tuple) else inherited if mode == "caller" else page
        key = (number, id(names), id(page))  # tables kept in self.tables (or empty)
        if key not in self.memo:
            if number in self.active:
                raise InputError(
                    f"{self.name}: a form (XObject {number}) draws itself; refused (not a plausible document)"
                )
            self.active.add(number)
            self.memo[key] = max(1, self.drawn(stream, names, page, depth))
            self.active.discard(number)
        return self.memo[key]
