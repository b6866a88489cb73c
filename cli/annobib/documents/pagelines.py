"""A PDF page's characters -> lines, and the page furniture dropped.

* **lines**: characters are grouped in drawing order by baseline (a raised, smaller character stays
  on its line) and sorted left to right; a run of raised smaller characters that reads as numbers
  (``12``, ``[3]``, ``1, 2``, ``②``, or ``*``) — or superscript digit characters (``¹²``) — is a
  **superscript marker**.
* **running heads and folios** are dropped by position and repetition: the top line when its shape
  (digits aside) recurs at the top of other pages, a number alone (``25``, ``-25-``, ``— 25 —``,
  ``·25·``, ``第 25 页``) at the top or bottom. A page's number is its printed folio (also one at
  the start or end of a recurring head), else the folio sequence carried over, else the PDF's page
  label, else its index from 1.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import groupby
from math import isfinite
from operator import itemgetter

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳㉑㉒㉓㉔㉕㉖㉗㉘㉙㉚㉛㉜㉝㉞㉟㊱㊲㊳㊴㊵㊶㊷㊸㊹㊺㊻㊼㊽㊾㊿"
FOLIO = re.compile(r"^\s*(?:[-—–·•]\s*)?(?:第\s*)?(\d{1,4})(?:\s*页)?(?:\s*[-—–·•])?\s*$")
EDGE_NUMBER = re.compile(r"^\s*(\d{1,4})[\s\u3000]+\S|\S[\s\u3000]+(\d{1,4})\s*$")

_SUP_RUN = re.compile(r"[\[［(（]?\d{1,3}(?:\s*[,，\-–]\s*\d{1,3})*[\]］)）]?|[" + CIRCLED + "]")
STARS = "*＊※†"
_SUPERSCRIPT_DIGITS = {ord(c): str(i) for i, c in enumerate("⁰¹²³⁴⁵⁶⁷⁸⁹")}


@dataclass
class PageText:
    index: int
    label: str | None
    height: float
    chars: list[tuple]  # (char, x, y, size)
    lines: list | None = None  # build_lines(chars), when the reader made them already (and let chars go)


@dataclass
class Line:
    y: float
    x0: float
    size: float
    text: str
    sups: list[tuple[int, int, int]] = field(default_factory=list)  # (start, end, number) in text

    def key(self) -> str:
        return _DIGITS.sub("#", _ANY_SPACES.sub("", self.text))


_DIGITS = re.compile(r"\d+")
_ANY_SPACES = re.compile(r"\s+")


def build_lines(chars: list[tuple]) -> list[Line]:
    """Characters in drawing order -> lines, top to bottom.

    Decided by runs: characters drawn one after another on the same baseline at the same size (a
    word, a line of one font) land in one group, as they did one by one — the first decides, the
    others then lie at distance 0 at the group's own size. A run whose size is negative or whose
    numbers are not finite goes one by one (there a twin need not join its twin)."""
    groups: list[list[tuple]] = []
    base = size = 0.0
    for (y, s), run in groupby(chars, key=_BASELINE_AND_SIZE):
        pieces = [list(run)] if s >= 0 and isfinite(y) and isfinite(s) else [[c] for c in run]
        for piece in pieces:
            if groups:
                dy = y - base
                same = (
                    abs(dy) <= 0.45 * max(s, size)
                    or (s < 0.85 * size and 0 < dy < 0.9 * size)
                    or (size < 0.85 * s and -0.9 * s < dy < 0)
                )
                if same:
                    groups[-1] += piece
                    if s > size * 1.05:
                        base, size = y, s
                    continue
            groups.append(piece)
            base, size = y, s
    lines = [_line(g) for g in groups]
    lines = [l for l in lines if l.text.strip()]
    lines.sort(key=lambda l: -l.y)
    return lines


_X = itemgetter(1)
_CHAR = itemgetter(0)
_BASELINE_AND_SIZE = itemgetter(2, 3)
_SUPERSCRIPT_DIGIT = re.compile("[" + "".join(map(chr, _SUPERSCRIPT_DIGITS)) + "]")


def _line(chars: list[tuple]) -> Line:
    """A line, worked out by runs of characters of one baseline and size once sorted left to
    right (a word, a marker): its main size, baseline, text and superscript markers. A line with
    numbers that are not finite goes character by character."""
    chars = sorted(chars, key=_X)
    runs = []  # (baseline, size, characters, its words: split() and isspace() agree on spaces)
    sizes: Counter = Counter()
    for (y, s), run in groupby(chars, key=_BASELINE_AND_SIZE):
        if not (isfinite(y) and isfinite(s)):
            return _line_by_characters(chars)
        text = "".join(map(_CHAR, run))
        words = text.split()
        runs.append((y, s, text, words))
        if words:
            sizes[round(s * 2) / 2] += sum(map(len, words))
    main = sizes.most_common(1)[0][0] if sizes else chars[0][3]
    ys = sorted(((y, len(text)) for y, s, text, _words in runs if abs(s - main) < 0.3), key=_CHAR)  # stable
    baseline = _median(ys) if ys else chars[0][2]
    pieces = []  # (text, raised): each run of spaces made one, none first
    after_space = True
    for y, s, text, words in runs:
        piece = " ".join(words)
        if text[0].isspace() and not after_space:
            piece = " " + piece
        if words and text[-1].isspace():
            piece += " "
        if piece:
            pieces.append((piece, bool(words) and s <= 0.8 * main and y > baseline + 0.12 * main))
            after_space = piece.endswith(" ")
    text = "".join(p for p, _raised in pieces)
    sups: list[tuple[int, int, int]] = []
    if any(raised for _p, raised in pieces) or _SUPERSCRIPT_DIGIT.search(text):
        codes = "".join(_raised_codes(p, raised) for p, raised in pieces)
        text = text.translate(_SUPERSCRIPT_DIGITS)  # one character for one
        for m in _RAISED_RUN.finditer(codes):  # raised characters, one space between them at most
            sups += _markers(text, *m.span())
    return Line(y=baseline, x0=chars[0][1], size=main, text=text, sups=sups)


def _raised_codes(piece: str, raised: bool) -> str:
    """``1`` for each raised character of a piece, ``0`` for another, a space for a space; a
    superscript digit character is raised by what it is."""
    codes = _SOLID.sub("1" if raised else "0", piece)
    if not raised and _SUPERSCRIPT_DIGIT.search(piece):
        codes = "".join("1" if ord(c) in _SUPERSCRIPT_DIGITS else k for c, k in zip(piece, codes))
    return codes


_SOLID = re.compile(r"\S")
_RAISED_RUN = re.compile("1(?: ?1)*")


def _median(counted: list[tuple[float, int]]) -> float:
    """The middle value (the upper of two) of sorted (value, times) pairs."""
    middle = sum(n for _y, n in counted) // 2
    for y, n in counted:
        if middle < n:
            return y
        middle -= n
    raise AssertionError("counted is not empty")


def _line_by_characters(chars: list[tuple]) -> Line:
    """:func:`_line` character by character (``chars`` sorted by x)."""
    sizes = Counter(round(c[3] * 2) / 2 for c in chars if not c[0].isspace())
    main = sizes.most_common(1)[0][0] if sizes else chars[0][3]
    ys = sorted(c[2] for c in chars if abs(c[3] - main) < 0.3)
    baseline = ys[len(ys) // 2] if ys else chars[0][2]
    out: list[str] = []
    raised: list[bool | None] = []  # per character: smaller and above the baseline (None: a space)
    for ch, _x, y, s in chars:
        if ch.isspace():
            if out and out[-1] != " ":
                out.append(" ")
                raised.append(None)
            continue
        if ord(ch) in _SUPERSCRIPT_DIGITS:  # a superscript digit character: raised by what it is
            out.append(_SUPERSCRIPT_DIGITS[ord(ch)])
            raised.append(True)
            continue
        out.append(ch)
        raised.append(s <= 0.8 * main and y > baseline + 0.12 * main)
    text = "".join(out)
    sups: list[tuple[int, int, int]] = []
    i, n = 0, len(out)
    while i < n:
        if not raised[i]:
            i += 1
            continue
        j = i
        while j < n and (raised[j] or (raised[j] is None and j + 1 < n and raised[j + 1])):
            j += 1
        sups += _markers(text, i, j)
        i = j
    return Line(y=baseline, x0=chars[0][1], size=main, text=text, sups=sups)


def _markers(text: str, i: int, j: int) -> list[tuple[int, int, int]]:
    """The note markers a raised run ``text[i:j]`` reads as, if any."""
    run = text[i:j]
    if run in STARS:  # a raised * marks the author's note (note 0)
        return [(i, j, 0)]
    if all(c in CIRCLED for c in run):  # raised ① (or ①②): one marker each
        return [(i, j, CIRCLED.index(c) + 1) for c in run]
    if _SUP_RUN.fullmatch(run):  # 12, [3], 1,2 or 4-5: one marker per number, all at this place
        return [(i, j, int(num)) for num in re.findall(r"\d{1,3}", run)]
    return []


# --------------------------------------------------------------------------- furniture and pages


def drop_furniture(pages: list[list[Line]]) -> tuple[list[list[Line]], list[int | None]]:
    """Drop running heads and folios; the printed folio of each page (None where none is printed)."""
    tops = Counter()
    for lines in pages:
        for l in lines[:2]:
            tops[l.key()] += 1
    repeated = {k for k, n in tops.items() if n >= 2 and len(pages) >= 2}
    folios: list[int | None] = []
    edge_numbers: list[int | None] = []
    out = []
    for lines in pages:
        folio = edge = None
        keep = list(lines)
        for end in (0, -1):
            for _ in range(2):
                if not keep:
                    break
                l = keep[end]
                m = FOLIO.match(l.text)
                if m and len(keep) > 1:
                    folio = folio or int(m.group(1))
                    keep.pop(end)
                elif end == 0 and l.key() in repeated:
                    e = EDGE_NUMBER.search(l.text)
                    if e:
                        edge = edge or int(e.group(1) or e.group(2))
                    keep.pop(end)
                else:
                    break
        folios.append(folio)
        edge_numbers.append(edge)
        out.append(keep)
    # a number at the edge of a recurring head is the folio when the numbers climb page by page
    offsets = Counter(n - i for i, n in enumerate(edge_numbers) if n is not None)
    if offsets and offsets.most_common(1)[0][1] >= 2:
        off = offsets.most_common(1)[0][0]
        folios = [
            f if f is not None else (e if e is not None and e - i == off else None)
            for i, (f, e) in enumerate(zip(folios, edge_numbers))
        ]
    return out, folios


def page_numbers(texts: list[PageText], folios: list[int | None]) -> list[int]:
    offsets = Counter(f - i for i, f in enumerate(folios) if f is not None)
    off = offsets.most_common(1)[0][0] if offsets else None
    out = []
    for i, (t, f) in enumerate(zip(texts, folios)):
        if f is not None:
            out.append(f)
        elif off is not None:
            out.append(i + off)
        elif t.label and t.label.isdigit():
            out.append(int(t.label))
        else:
            out.append(t.index + 1)
    return out
