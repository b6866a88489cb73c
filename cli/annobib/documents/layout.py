"""A PDF's pages by layout: lines (:mod:`.pagelines`) -> body, footnote zone, endnotes, anchors.

* **footnote zone**: the block at the page bottom set in smaller type than the body (else, in the
  body's type, the block below the page's widest gap when it opens with note 1); a note starts at a
  line opening with the next marker (superscript, ``1``, ``1.``, ``[1]``, ``①``; numbering may
  restart on each page or run through; ``*`` is the author's note 0); a zone opening without a
  marker continues the previous page's last note when that note was cut off.
* **endnotes**: after a heading ``注释``/``注 释``/``Notes``/``参考文献``/``References`` (…), the notes
  run 1, 2, 3 … to the end; each is linked to the first body marker with its number.
* the citing sentence is taken from the body stream around the marker.
"""

from __future__ import annotations

import re
from collections import Counter

from annobib.documents.common import anchors, mark
from annobib.documents.model import DocNote
from annobib.documents.pagelines import CIRCLED, STARS, Line, PageText, build_lines, drop_furniture, page_numbers
from annobib.extract.document import join_pair
from annobib.extract.notes import HEADING_RE, NOTES_HEADING_RE

__all__ = ["PageText", "Line", "build_lines", "notes_from_pages"]

# a note's opening marker: [1] / ① / 1. / 1 — not a number that opens a wrapped line (3 月, 25—27 页, 10, 2025)
START = re.compile(
    r"^\s*(?:[\[［【〔](\d{1,3})[\]］】〕]\s*|([" + CIRCLED + r"])\s*|(\d{1,3})(?!\s*[年月日期卷号页版册辑条款])"
    r"([.．、](?!\d)\s*|\s+|(?=[^\d\s.．、%—–\-~～/,，:：;；)）]))(?=\S))"
)
_SCHEME_HEAD = re.compile(r"(?:^|[\s,，:：(（])(h|ht|htt|http|https|https?:|https?:/|f|ft|ftp|ftp:|ftp:/)$")


# ------------------------------------------------------------------------------------- notes


def _start(line: Line) -> tuple[int, str] | tuple[None, None]:
    """The note number a line opens with and the marker's shape (sup, bracket, circled, dot, bare);
    an author's note marked ``*`` (``＊``, ``※``, ``†``) is number 0, as in the plain-text path."""
    if line.sups and line.sups[0][0] == 0:
        return line.sups[0][2], "sup" if line.sups[0][2] else "star"
    if line.text[:1] in STARS:
        return 0, "star"
    m = START.match(line.text)
    if not m:
        return None, None
    if m.group(2):
        return CIRCLED.index(m.group(2)) + 1, "circled"
    if m.group(1):
        return int(m.group(1)), "bracket"
    return int(m.group(3)), "dot" if m.group(4).strip() else "bare"


_DONE = re.compile(r"[。．.！？!?」』”’)）]\s*$")


def _continues(last: DocNote, zone: list[Line]) -> bool:
    """A small-type block opening without a marker carries on the last note when that note was cut
    mid-sentence or the block holds the page's notes (a later line opens note 1 or the next one);
    otherwise it is body text set small (a block quote, a caption)."""
    if not _DONE.search(last.lines[-1] if last.lines else ""):
        return True
    return any(_start(l)[0] in (1, last.number + 1) for l in zone[1:])


def _zone_by_gap(lines: list[Line]) -> int:
    """Notes set in the body's type: the block below the page's widest gap (the space around the
    rule) in its lower part, when that block opens with note 1. Returns where it starts (or the end)."""
    if len(lines) < 3:
        return len(lines)
    gaps = [lines[k - 1].y - lines[k].y for k in range(1, len(lines))]
    usual = sorted(gaps)[len(gaps) // 2]
    top, bottom = lines[0].y, lines[-1].y
    for k in range(len(lines) - 1, 0, -1):
        if lines[k].y > bottom + 0.6 * (top - bottom):
            break
        if gaps[k - 1] > 1.8 * usual and _start(lines[k])[0] == 1:
            return k
    return len(lines)


def _strip_start(line: Line) -> str:
    if line.sups and line.sups[0][0] == 0:
        return line.text[line.sups[0][1] :].strip()
    return START.sub("", line.text, count=1).strip()


def _note_heading(text: str) -> bool:
    """注释 / 注 释 / 【注释】 / Notes / References …: a line that opens an endnote section."""

    text = text.strip()
    if len(text) > 20:
        return False
    bare = re.sub(r"^[\[【〔［(（]\s*|\s*[\]】〕］)）]$", "", text)
    return bool(NOTES_HEADING_RE.match(bare) or NOTES_HEADING_RE.match(re.sub(r"[\s\u3000]+", "", bare)))


def notes_from_pages(texts: list[PageText]) -> tuple[list[DocNote], list[str]]:
    pages, folios = drop_furniture([t.lines if t.lines is not None else build_lines(t.chars) for t in texts])
    numbers = page_numbers(texts, folios)
    sizes = Counter()
    for lines in pages:
        for l in lines:
            sizes[l.size] += len(l.text)
    total = sum(sizes.values()) or 1
    # the body is the largest type that sets a good share of the text (notes may outnumber it on a page)
    body_size = max((s for s, n in sizes.items() if n >= 0.2 * total), default=10.0)
    notes: list[DocNote] = []
    warnings: list[str] = []
    body_lines: list[tuple[int, Line]] = []
    endnotes = False
    shapes: list[str] = []
    for pi, lines in enumerate(pages):
        zone_from = len(lines)
        if not endnotes:
            for j, l in enumerate(lines):
                if not notes and _note_heading(l.text):  # after footnotes, 参考文献 is a reading list
                    endnotes, zone_from = True, j + 1
                    body_lines += [(pi, x) for x in lines[:j]]
                    break
            else:
                z = len(lines)
                while z > 0 and lines[z - 1].size < 0.92 * body_size:
                    z -= 1
                zone = lines[z:]
                if zone and (_start(zone[0])[0] is not None or (notes and _continues(notes[-1], zone))):
                    zone_from = z
                elif not zone:
                    zone_from = _zone_by_gap(lines)
                body_lines += [(pi, x) for x in lines[:zone_from]]
        else:
            zone_from = 0
        page_first = True
        for l in lines[zone_from:]:
            n, shape = _start(l)
            expected = next((x.number + 1 for x in reversed(notes) if x.number), 1)
            if n == 0 and shape == "star" and not any(x.number == 0 for x in notes):
                notes.append(DocNote(number=0, lines=[l.text[1:].strip()], page=numbers[pi], page_index=pi))
            # a document marks all its notes alike: a wrapped line opening with "12 " in a "12." list continues
            elif (
                n is not None
                and (n == expected or (not endnotes and page_first and n == 1))
                and (not shapes or shape == shapes[-1])
            ):
                shapes.append(shape)
                notes.append(DocNote(number=n, lines=[_strip_start(l)], page=numbers[pi], page_index=pi))
                page_first = False  # numbering may restart at the page's first note only
            elif notes:
                _append(notes[-1].lines, l.text.strip())  # a wrapped line, or a note continued from the page before
            else:
                body_lines.append((pi, l))
    _link(notes, body_lines, endnotes)
    return notes, warnings


def _append(lines: list[str], line: str) -> None:
    """Add a wrapped line; a URL scheme cut at the line end (``h`` / ``ttps://…``) is glued back."""
    m = _SCHEME_HEAD.search(lines[-1]) if lines else None
    if (
        m
        and re.match(r"[a-z:/]*://", m.group(1) + line)
        and (m.group(1) + line).startswith(("http://", "https://", "ftp://"))
    ):
        lines[-1] += line
    else:
        lines.append(line)


def _body_stream(body_lines: list[tuple[int, Line]]) -> tuple[str, list[tuple[int, int]]]:
    """The body as one text with marker tokens; (page index, number) of each token."""

    markers: list[tuple[int, int]] = []
    parts: list[str] = []
    prev_plain, prev_heading, prev_space = "", False, False
    left = min((l.x0 for _p, l in body_lines), default=0.0)
    sizes = Counter()
    for _p, l in body_lines:
        sizes[l.size] += len(l.text)
    body_size = sizes.most_common(1)[0][0] if sizes else 0.0
    for pi, l in body_lines:
        text, cut = [], 0
        for s, e, num in l.sups:
            text.append(l.text[cut:s])
            text.append(mark(len(markers)))
            markers.append((pi, num))
            cut = e
        text.append(l.text[cut:])
        line = "".join(text).strip()
        plain = "".join(l.text[a:b] for a, b in _gaps(l)).strip() or line
        heading = len(plain) <= 44 and (bool(HEADING_RE.match(plain)) or l.size > 1.15 * body_size)  # 二、…, a title
        if parts:
            if l.x0 > left + 0.9 * l.size or heading or prev_heading:
                parts.append("\n")  # an indented line opens a paragraph; a heading stands alone
            elif prev_space and plain[:1] not in "，。；：、）》」』”’,.;:)":
                parts.append(" ")  # the space drawn at the line end (3 / 月 29 日); clean_spacing drops it between Han
            else:
                parts.append(join_pair(prev_plain, plain))
        parts.append(line)
        prev_plain, prev_heading = plain, heading
        prev_space = l.text.endswith(" ") and not (l.sups and l.sups[-1][1] >= len(l.text.rstrip()))
    return "".join(parts), markers


def _gaps(l: Line) -> list[tuple[int, int]]:
    spans, cut = [], 0
    for s, e, _n in l.sups:
        spans.append((cut, s))
        cut = e
    spans.append((cut, len(l.text)))
    return spans


_INLINE_MARK = re.compile(r"[\[［【〔](\d{1,3})[\]］】〕]|([" + CIRCLED + r"])")


def _inline_markers(body_lines: list[tuple[int, Line]]) -> None:
    """A body without superscripts marks notes inline (``[1]``, ``①``): read those as the markers."""
    for _pi, l in body_lines:
        l.sups = [
            (m.start(), m.end(), int(m.group(1)) if m.group(1) else CIRCLED.index(m.group(2)) + 1)
            for m in _INLINE_MARK.finditer(l.text)
        ]


def _link(notes: list[DocNote], body_lines: list[tuple[int, Line]], endnotes: bool) -> None:
    if not any(l.sups for _pi, l in body_lines):
        _inline_markers(body_lines)
    stream, markers = _body_stream(body_lines)
    said = anchors(stream)
    free: dict[int, list[int]] = {}
    for k, (_pi, num) in enumerate(markers):
        free.setdefault(num, []).append(k)
    for note in notes:
        ks = free.get(note.number, [])
        k = None
        if not endnotes:
            k = next((k for k in ks if markers[k][0] == note.page_index), None)
            if k is None:  # numbering through the article, or a marker at the foot of the page before
                k = next((k for k in ks if markers[k][0] <= note.page_index), None)
        elif ks:
            k = ks[0]
        if k is not None:
            ks.remove(k)
            note.anchor = said.get(k)
