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
        out += [fix(text[last: m.start()]), m.group(0)]
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
        words = [m.start() for m in re.finditer(r"(?<=[a-z])[a-z]{4,}", t) if not any(a <= m.start() < b for a, b in urls)]
        if words and rnd.random() < 0.5:
            i = rnd.choice(words) + 2
            t = t[:i] + "-\n" + t[i:]
        else:
            # PDF lines end at a space in Latin text and between any two characters in CJK text
            cuts = [m.start() for m in re.finditer(r" (?=\S)|(?<=[\u3000-\u9fff\uff00-\uffef])(?=[\u3000-\u9fff\uff00-\uffef])", t)]
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


KINDS = {"ascii_punctuation": ascii_punctuation, "glued_numbers": glued_numbers,
         "broken_lines": broken_lines, "trailing_debris": trailing_debris}


def noisy_notes_file(kind: str, notes) -> str:
    """The text of a notes file: the set's notes under noise ``kind``, one paragraph each."""
    return "\n\n".join(KINDS[kind](notes)) + "\n"
