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
        return re.sub(r"\d+", "#", re.sub(r"\s+", "", self.text))


def build_lines(chars: list[tuple]) -> list[Line]:
    """Characters in drawing order -> lines, top to bottom."""
    groups: list[list[tuple]] = []
    base = size = 0.0
    for c in chars:
        y, s = c[2], c[3]
        if groups:
            dy = y - base
            same = (
                abs(dy) <= 0.45 * max(s, size)
                or (s < 0.85 * size and 0 < dy < 0.9 * size)
                or (size < 0.85 * s and -0.9 * s < dy < 0)
            )
            if same:
                groups[-1].append(c)
                if s > size * 1.05:
                    base, size = y, s
                continue
        groups.append([c])
        base, size = y, s
    lines = [_line(g) for g in groups]
    lines = [l for l in lines if l.text.strip()]
    lines.sort(key=lambda l: -l.y)
    return lines


def _line(chars: list[tuple]) -> Line:
    chars = sorted(chars, key=lambda c: c[1])
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
        run = text[i:j]
        if run in STARS:  # a raised * marks the author's note (note 0)
            sups.append((i, j, 0))
        elif all(c in CIRCLED for c in run):  # raised ① (or ①②): one marker each
            sups += [(i, j, CIRCLED.index(c) + 1) for c in run]
        elif _SUP_RUN.fullmatch(run):  # 12, [3], 1,2 or 4-5: one marker per number, all at this place
            sups += [(i, j, int(num)) for num in re.findall(r"\d{1,3}", run)]
        i = j
    return Line(y=baseline, x0=chars[0][1], size=main, text=text, sups=sups)


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
