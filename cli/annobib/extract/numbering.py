"""Note boundaries found by their numbering, whatever the marker shape.

A notes section pasted from a web page or a PDF marks its notes in many ways: ``[1]`` run on one
line, ``①`` after a full stop, ``12.`` after a page's running head, ``4Robert…`` glued, a number
alone on a line above its note. One rule per shape misses the next shape; the numbering does not: the notes are
numbered 1, 2, 3, … (or k, k+1, … for a section that starts later) in reading order, while a
number that only looks like a marker (``No. 3``, ``p. 5.``) breaks the run.

:func:`numbered_run` finds every place a marker could start — at a line start, after a full stop,
or (for shapes that are never text: ``[12]``, ``⑫``) anywhere — and keeps the longest run of
consecutive numbers, preferring a run that keeps one shape and line starts. It is linear in the
text: one scan for candidates, one pass of dynamic programming over them.
"""

from __future__ import annotations

import re
from typing import Iterator, NamedTuple

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳㉑㉒㉓㉔㉕㉖㉗㉘㉙㉚㉛㉜㉝㉞㉟㊱㊲㊳㊴㊵㊶㊷㊸㊹㊺㊻㊼㊽㊾㊿"

# what may follow a bare number that opens a note: a name, a title mark, a quote (not 年, 月, %, …);
# glued to it also a full-width parenthesis (``2（英）亚当·斯密…``, ``3（汉）司马迁…``: a nationality or
# dynasty before the name), a lower-case word (``4ibid 31.``, ``7de Gaulle…``; not ``2nd``, ``4th``)
# or the dash that repeats the author above (``3――――（1998b）…``)
_OPENS_NOTE = r"[A-Z\u4e00-\u9fff\u0400-\u04ff\u3040-\u30ff\uac00-\ud7af《〈“「『\"\[［〔【]"
# (but ``4日本外務省…``, ``3人民出版社…``, ``2世界银行…``: a name that opens with such a character)
_NOT_A_NOTE = r"(?:[年月时号號期版卷巻届次个%％万亿多余名位家岁倍天条项点代頁页]|日(?!本)|人(?!民)|世(?!界))"
# numbers up to 6 digits (a book's 1,300 endnotes; 100,000 pasted notes): one of 4 or more digits
# (a year) only counts where it continues a run (see _continuing); ``[^12]:`` is a Markdown
# footnote pasted as text, ``[注3]`` a blog's copy of a note marker, ``[注釈 1]`` a Japanese wiki's
_NUM = r"\d{1,6}"
_NOTE_WORD = r"(?:注释|注釋|註釋|注釈|註釈|注|註|주)"
_BRACKET = r"(?P<bracket>[\[【〔［](?:\^|" + _NOTE_WORD + r"[ \t]?)?(?P<b>" + _NUM + r")[\]】〕］]:?)"
# the word spelled out before the number: ``注1：`` (a Chinese site), ``주001)`` (a Korean edition)
_NOTED = r"(?P<noted>" + _NOTE_WORD + r"[ \t]?(?P<z>" + _NUM + r")(?!\d)[:：.．、)）]?)"
_CIRCLED = r"(?P<circled>[" + CIRCLED + r"])"
_SHAPES = (
    _BRACKET
    + "|"
    + _CIRCLED
    + "|"
    + _NOTED
    + r"|(?P<closing>(?P<c>"
    + _NUM
    + r")[\]】〕］])"  # ``1〕`` / ``12]``: a site that prints only the closing bracket
    + r"|(?P<paren>[（(][ \t]?(?P<p>"
    + _NUM
    + r")[ \t]?[)）])"
    + r"|(?P<dot>(?P<d>"
    + _NUM
    + r")[.．、](?![\d.．]))"
    + r"|(?P<bare>(?P<n>"
    + _NUM
    + r")(?!\d)(?=[ \t\u3000]?"
    + _OPENS_NOTE
    + r"|（|(?!(?:st|nd|rd|th)\b)[a-z]|[―—]{2})(?![ \t\u3000]?"
    + _NOT_A_NOTE
    + r"))"
    + r"|(?P<alone>(?P<a>"
    + _NUM
    + r")[ \t\u3000]*\n(?=[ \t\u3000]*"
    + _OPENS_NOTE
    + r"))"  # the number on a line of its own
)
# a marker after one of these starts a run-on note: ``…第12页。13王某…``, ``…p. 5. [6] Ibid.``
_STOPS = "。！？.!?；;”’」』)）"
_AFTER_STOP = frozenset(_STOPS)
_ANYWHERE = frozenset(("bracket", "circled"))
# Where a marker may stand: every shape at the text's or a line's start or after a full stop
# (spaces between), the shapes that are never text (``[12]``, ``⑫``) anywhere. Two scans that
# only stop where a marker can be, instead of one that stops at every number (``第 12 页``, ``p. 5``)
# and throws most away: the costly part of splitting a long file.
_AT_BREAK = re.compile(r"(?:\A|(?<=[\n" + _STOPS + r"]))[ \t\u3000]*(?:" + _SHAPES + ")")
# _AT_BREAK is found as: a line end or stop that spaces and a marker's first character follow
# (one class first: the engine jumps along), then the shape matched right after it
_BREAK_BEFORE_SHAPE = re.compile(r"[\n" + _STOPS + r"](?=[ \t\u3000]*[\d\[【〔［（(注註주" + CIRCLED + "])")
_SHAPE_AT = re.compile(r"[ \t\u3000]*(?:" + _SHAPES + ")")
_MARKED = re.compile(_BRACKET + "|" + _CIRCLED)
# the characters a ``[12]``/``⑫`` marker opens with: one class the engine jumps along, where
# _MARKED (two groups) is tried at every character of the text
_MARKED_OPEN = re.compile(r"[\[【〔［" + CIRCLED + "]")
_SPACE = " \t\u3000"
_IN_VALUE = frozenset(("dot", "bare", "closing"))


class Marker(NamedTuple):
    number: int
    shape: str
    start: int  # where the marker starts in the text
    end: int  # where the note's text starts
    strength: int  # 3 at a line start, 2 after a full stop, 1 elsewhere


def candidates(text: str) -> list[Marker]:
    """Every place a note marker could start, in text order.

    A marker's place is told by what comes before it, spaces skipped (any number of them):
    the text's or a line's start, a full stop, or else nothing (only ``[12]``/``⑫`` stand there)."""
    found = {}
    marked = _MARKED.match
    for opening in _MARKED_OPEN.finditer(text):  # as _MARKED.finditer: no marker holds another
        m = marked(text, opening.start())
        if m is not None:
            found[m.start()] = m
    for m in _at_break(text):
        found[m.start(m.lastgroup or "")] = m  # the same marker as the scan above found, or a new one
    out: list[Marker] = []
    size = len(text)
    for start in sorted(found):
        m = found[start]
        shape = m.lastgroup or ""  # the shape's group closes last (the number is a group inside it)
        j = start
        while j and text[j - 1] in _SPACE:
            j -= 1
        before = text[j - 1] if j else "\n"
        if before == "\n":
            strength = 3
        elif shape == "alone":
            continue
        elif before in _AFTER_STOP:
            strength = 2
        elif shape in _ANYWHERE:
            strength = 1
        else:
            continue
        if strength < 3 and shape in _IN_VALUE and text[start - 1].isalnum():
            continue  # ``p.5.`` / ``2015.`` inside a value
        end = m.end()
        while end < size and text[end] in _SPACE:
            end += 1
        if strength < 3 and shape in _IN_VALUE and (end == size or text[end] == "\n"):
            continue  # ``Там же. С. 3.`` at a note's end: a page, not a note with no text
        if shape == "circled":
            out.append(Marker(CIRCLED.index(m.group(shape)) + 1, shape, start, end, strength))
            continue
        digits = m.group(_NUMBER_GROUP[shape])
        out.append(Marker(int(digits), shape, start, end, strength))
        # a Korean database prints each number twice, zero-padded and glued (``001001 閔斗植, …``:
        # its list number and its back-link, padded to three digits); both readings are kept, the
        # run decides (``1010`` is note 1010 only: a run of ``1819. 1820. …`` makes no notes 18, 19)
        half = len(digits) // 2
        if half >= 3 and digits[:half] == digits[half:]:
            out.append(Marker(int(digits[:half]), shape, start, end, strength))
    return _continuing(out)


def _at_break(text: str) -> Iterator[re.Match]:
    """The matches of ``_AT_BREAK.finditer(text)``, found where a line end or stop comes before
    a marker's first character (a match never starts elsewhere, nor inside an earlier one)."""
    shape_at = _SHAPE_AT.match
    m = shape_at(text)
    end = 0
    if m is not None:
        yield m
        end = m.end()
    for brk in _BREAK_BEFORE_SHAPE.finditer(text):
        at = brk.end()
        if at >= end and (m := shape_at(text, at)) is not None:
            yield m
            end = m.end()


_NUMBER_GROUP = {"noted": "z", "bracket": "b", "closing": "c", "paren": "p", "dot": "d", "bare": "n", "alone": "a"}


def _continuing(cands: list[Marker]) -> list[Marker]:
    """Numbers of 4 or more digits (years) kept only after their predecessor: a run that
    reaches 1000 goes on, a year alone is no marker (it would otherwise start runs of its own)."""
    seen: set[int] = set()
    out = []
    for c in cands:
        if c.number < 1000 or c.number - 1 in seen:
            out.append(c)
            seen.add(c.number)
    return out


def numbered_run(text: str) -> list[Marker]:
    """The longest run of markers numbered k, k+1, k+2, … in text order (ties: one shape, line
    starts), or the circled markers of page footnotes that start again on every page; empty when
    no marker is found."""
    cands = candidates(text)
    if not cands:
        return []
    run = _longest_run(cands)
    restarting = _restarting_per_page(cands) or _restarting_after_breaks(cands, text)
    return restarting if len(restarting) > len(run) else run


def _restarting_per_page(cands: list[Marker]) -> list[Marker]:
    """``① ② ·56· ① ② ③ ④ ·57· ① …``: a Chinese journal's page footnotes, numbered afresh on every
    page, pasted from its PDF. Every circled marker at a line start, in order, either continues the
    numbering or starts it again at ①; the notes are then numbered by their place in the text (a
    marker names a note only on its own page; a paste that starts inside the article, at ㉛, numbers on
    from there). Empty unless the numbering starts again at least once."""
    circled = [c for c in cands if c.shape == "circled" and c.strength == 3]
    if len(circled) < 3:
        return []
    restarts = 0
    for before, c in zip(circled, circled[1:]):
        if c.number == 1:
            restarts += 1
        elif c.number != before.number + 1:
            return []
    return [c._replace(number=i) for i, c in enumerate(circled, circled[0].number)] if restarts else []


def _restarting_after_breaks(cands: list[Marker], text: str) -> list[Marker]:
    """``1… 2… 3… ·84· 期刊名 … 1… 2…``: notes numbered afresh on every page (a journal's PDF:
    glued ``1费孝通:…``, ``1.``, ``(1)``) or in every chapter (a book's endnotes under ``Chapter 2``,
    ``第二章 …``). A digit marker starting again at 1 is common inside values, so a restart counts
    only after a page or section break (a folio line, a running head with its folio, a chapter
    heading) since the marker before it. The longest chain of markers that go on by one or start
    again after a break is kept, and its notes numbered on through the text; a marker the text
    lost (``1时殷弘`` read as a time) costs its own note, not the notes after it. Empty unless the
    numbering starts again."""
    starts = [c for c in cands if c.strength == 3 and c.shape != "circled"]
    if len(starts) < 3:
        return []
    shape = max({c.shape for c in starts}, key=lambda s: sum(c.shape == s for c in starts))
    marks = [c for c in starts if c.shape == shape]
    if not any(c.number <= min(2, before.number) for before, c in zip(marks, marks[1:])):
        return []  # the numbering never starts again: no need to look for breaks
    breaks = _break_lines(text, marks[0].start)
    if not breaks:
        return []
    if shape == "bare":
        marks = _with_weak_glued(marks, text)
    # one pass of dynamic programming, breaks and markers merged in text order: a marker may
    # follow the best chain ending at its number less one (or less two: one marker lost), and a
    # marker numbered 1 (or 2, the page's first lost) the best chain that ended before the latest
    # break; the chain's notes are numbered on from the page before (a lost marker keeps its place)
    score: list[int] = []
    back: list[int] = []
    place: list[int] = []  # the note's number in the whole text
    restarts: list[int] = []
    best_of: dict[int, int] = {}
    best, best_at_break = -1, -1  # the best chain so far; the best that ended before a break
    b = 0
    for i, c in enumerate(marks):
        while b < len(breaks) and breaks[b] < c.start:
            best_at_break, b = best, b + 1
        weak = c.shape == "weak"  # only where it goes on by one from the marker before
        s, prev, n, r = 0 if weak else 2, -1, c.number, 0
        for step in (1,) if weak else (1, 2):
            j = best_of.get(c.number - step)
            gain = 3 - step  # a chain that skips a lost marker counts less than one that does not
            if j is not None and score[j] + gain > s:
                s, prev, n, r = score[j] + gain, j, place[j] + step, restarts[j]
        if not weak and c.number <= 2 and best_at_break >= 0 and score[best_at_break] + 2 > s:
            j = best_at_break
            s, prev, n, r = score[j] + 2, j, place[j] + c.number, restarts[j] + 1
        score.append(s)
        back.append(prev)
        place.append(n)
        restarts.append(r)
        if c.number not in best_of or s > score[best_of[c.number]]:
            best_of[c.number] = i
        if best < 0 or s > score[best]:
            best = i
    if not restarts[best]:
        return []
    chain = []
    i = best
    while i >= 0:
        chain.append(marks[i]._replace(number=place[i]))
        i = back[i]
    return chain[::-1]


# a number glued at a line's start to what no marker opens with elsewhere (``4@央视新闻：…``), never
# to a letter (``5th ser.``: the bare shape has those it takes), a unit, a date or a range
_WEAK_GLUED = re.compile(
    r"(?m)^[ \t\u3000]*(\d{1,3})(?=[^\dA-Za-z\s.．,，。、:：;；)）\]】〕］%％\-–—/~～年月日时号期版卷页頁])"
)


def _with_weak_glued(marks: list[Marker], text: str) -> list[Marker]:
    """``marks`` and, in text order among them, the weak glued markers of ``_WEAK_GLUED``: on a page
    numbered afresh a marker lost at its foot would shift every later note's number, so there a
    line that opens with the next number counts when it goes on by one (see the caller)."""
    taken = {c.start for c in marks}
    weak = [
        Marker(int(m.group(1)), "weak", m.start(1), m.end(1), 3)
        for m in _WEAK_GLUED.finditer(text, marks[0].start)
        if m.start(1) not in taken
    ]
    return sorted(marks + weak, key=lambda c: c.start) if weak else marks


def _break_lines(text: str, after: int) -> list[int]:
    """Where the page and section breaks after position ``after`` stand: folio lines (``·84·``,
    ``— 812 —``, ``105 | Journal …``) and chapter headings (``Chapter 2``, ``第二章 …``)."""
    # lazy: document is the page reader; only a paste that starts its numbering again needs it
    from annobib.extract.document import is_folio, is_section_heading

    out = []
    for m in _LINE.finditer(text, after):
        line = " ".join(m.group().split())
        if line and (is_folio(line) is not None or is_section_heading(line)):
            out.append(m.start())
    return out


_LINE = re.compile(r"(?m)^.*$")


def _longest_run(cands: list[Marker]) -> list[Marker]:
    score: list[int] = []
    back: list[int] = []
    best_of: dict[int, int] = {}  # number -> index of the best run ending there so far
    best_shaped: dict[tuple[int, str], int] = {}
    for i, c in enumerate(cands):
        gain = 10 + c.strength
        s, prev = gain + (2 if c.number == 1 else 0), -1
        j = best_of.get(c.number - 1)
        if j is not None and cands[j].end < c.start and score[j] + gain > s:
            s, prev = score[j] + gain, j
        j = best_shaped.get((c.number - 1, c.shape))
        if j is not None and cands[j].end < c.start and score[j] + gain + 3 > s:
            s, prev = score[j] + gain + 3, j
        score.append(s)
        back.append(prev)
        j = best_of.get(c.number)
        if j is None or s > score[j]:
            best_of[c.number] = i
        shaped = (c.number, c.shape)
        j = best_shaped.get(shaped)
        if j is None or s > score[j]:
            best_shaped[shaped] = i
    i = score.index(max(score))  # the first of the best
    run = []
    while i >= 0:
        run.append(cands[i])
        i = back[i]
    return run[::-1]
