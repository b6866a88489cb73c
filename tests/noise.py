"""A noise generator for loose-note sets: the damage real copying does, one kind at a time.

Each kind takes a set's notes (number, text) and returns the lines of a notes file as a user would
paste it. Values inside title marks and quotes are left alone (so the hand-checked expectation
still holds); what changes is what copying from web pages and PDF text changes around them.
"""

from __future__ import annotations

import random
import re

_PROTECTED = re.compile(r"《[^《》]*》|「[^「」]*」|『[^『』]*』|“[^“”]*”|https?://\S+")
_TO_ASCII = str.maketrans({"，": ",", "：": ":", "；": ";", "（": "(", "）": ")"})


def _outside(text: str, fix) -> str:
    out, last = [], 0
    for m in _PROTECTED.finditer(text):
        out += [fix(text[last : m.start()]), m.group(0)]
        last = m.end()
    return "".join(out + [fix(text[last:])])


def ascii_punctuation(notes):
    """``王某：《书》，北京：…`` -> ``王某:《书》,北京:…`` (web pages and PDF text)."""
    return [f"{n} {_outside(t, lambda s: s.translate(_TO_ASCII))}" for n, t in notes]


def glued_numbers(notes):
    """``12王某：…`` / ``4Robert Jervis, …``: the marker glued to the note."""
    return [f"{n}{t}" for n, t in notes]


def broken_lines(notes, seed=7):
    """The note hard-wrapped in the middle, a Latin word hyphenated at the break."""
    rnd = random.Random(seed)
    out = []
    for n, t in notes:
        urls = [m.span() for m in re.finditer(r"https?://\S+", t)]
        words = [
            m.start() for m in re.finditer(r"(?<=[a-z])[a-z]{4,}", t) if not any(a <= m.start() < b for a, b in urls)
        ]
        if words and rnd.random() < 0.5:
            i = rnd.choice(words) + 2
            t = t[:i] + "-\n" + t[i:]
        else:
            # PDF lines end at a space in Latin text and between any two characters in CJK text
            cuts = [
                m.start()
                for m in re.finditer(r" (?=\S)|(?<=[\u3000-\u9fff\uff00-\uffef])(?=[\u3000-\u9fff\uff00-\uffef])", t)
            ]
            if cuts:
                i = min(cuts, key=lambda c: abs(c - len(t) // 2))
                t = t[:i] + "\n" + t[i:].lstrip(" ")
        out.append(f"{n} {t}")
    return out


def trailing_debris(notes, seed=11):
    """What a site prints after a reference: ``被引量:3``, ``[Cited by 12]``, ``Google Scholar``."""
    rnd = random.Random(seed)
    junk = (" 被引量:3", " 下载次数:120", " [Cited by 12]", " Google Scholar", " CrossRef")
    return [f"{n} {t}{rnd.choice(junk)}" for n, t in notes]


KINDS = {
    "ascii_punctuation": ascii_punctuation,
    "glued_numbers": glued_numbers,
    "broken_lines": broken_lines,
    "trailing_debris": trailing_debris,
}


def noisy_notes_file(kind: str, notes) -> str:
    """The text of a notes file: the set's notes under noise ``kind``, one paragraph each."""
    return "\n\n".join(KINDS[kind](notes)) + "\n"


# Paste shapes: how a whole notes section comes out of a web page or a PDF. The note texts are
# kept; what changes is how the notes are marked and separated.


def run_together(notes):
    """A web page's notes run on one line: ``[1]王某：…。[2]Ibid., p. 3. [3]…``."""
    return [" ".join(f"[{n}]{t.strip()}" for n, t in notes)]


def circled_one_per_line(notes):
    """``①王某：…`` one per line, no blank lines (CNKI HTML, WeChat reposts)."""
    circled = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳㉑㉒㉓㉔㉕㉖㉗㉘㉙㉚㉛㉜㉝㉞㉟㊱㊲㊳㊴㊵㊶㊷㊸㊹㊺㊻㊼㊽㊾㊿"
    return ["\n".join(f"{circled[n - 1] if 0 < n <= 50 else n}{t}" for n, t in notes)]


def numbers_alone(notes):
    """Each note's number on a line of its own above it (e-book pages, a margin column)."""
    return ["\n".join(f"{n}\n{t}" for n, t in notes)]


_HEADS = ("国际政治研究  2019 年第 3 期", "Journal of Contemporary Studies", "東アジア研究 第12号")


def pdf_pages(notes, per_page=4, width=38):
    """A notes section copied from PDF text: each note hard-wrapped, ``n.`` markers, a folio and a
    running head between pages, no blank lines."""
    lines, folio = [], 101
    for i, (n, t) in enumerate(notes):
        if i and i % per_page == 0:
            lines += [str(folio), _HEADS[folio % len(_HEADS)]]
            folio += 1
        lines += _wrap(f"{n}. {t}", width)
    return ["\n".join(lines)]


def _wrap(text, width):
    """Cut a line as a PDF does: at a space in Latin text, anywhere between CJK characters; never
    inside a URL (a PDF breaks those too, but the expectation keeps the URL whole)."""
    out, line = [], ""
    for token in re.findall(r"https?://\S+|[\u3000-\u9fff\uff00-\uffef]|\S+|\s+", text.replace("\n", " ")):
        cjk = len(token) == 1 and "\u3000" <= token <= "\uffef"
        if line.strip() and len(line) + len(token) > width and not token.isspace():
            out.append(line.rstrip())
            line = ""
        if line or not token.isspace():
            line += token
        if cjk and len(line) >= width:
            out.append(line)
            line = ""
    if line.strip():
        out.append(line.rstrip())
    return out


SHAPES = {
    "run_together": run_together,
    "circled_one_per_line": circled_one_per_line,
    "numbers_alone": numbers_alone,
    "pdf_pages": pdf_pages,
}


def pasted_notes_file(shape: str, notes) -> str:
    """The text of a notes file: the set's notes pasted in ``shape``."""
    return "\n\n".join(SHAPES[shape](notes)) + "\n"
