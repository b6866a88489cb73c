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


CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳㉑㉒㉓㉔㉕㉖㉗㉘㉙㉚㉛㉜㉝㉞㉟㊱㊲㊳㊴㊵㊶㊷㊸㊹㊺㊻㊼㊽㊾㊿"


def circled_one_per_line(notes):
    """``①王某：…`` one per line, no blank lines (CNKI HTML, WeChat reposts)."""
    return ["\n".join(f"{CIRCLED[n - 1] if 0 < n <= 50 else n}{t}" for n, t in notes)]


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
    inside a URL (a PDF breaks those too, but the expectation keeps the URL whole). A line break
    the note already holds (``исто-\nрии``: a word hyphenated where the source broke it) stays."""
    if "\n" in text:
        return [line for part in text.split("\n") for line in _wrap(part, width)]
    out, line = [], ""
    for token in re.findall(r"https?://\S+|[\u3000-\u9fff\uff00-\uffef]|[^\s\u3000-\u9fff\uff00-\uffef]+|\s+", text):
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


# More paste shapes, one per layout of docs/extract-layouts.md: the marker shapes, the furniture
# between notes and the ways a note section is cut up that real pages and PDF text show.

PARENTHESIZED = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_SUPER = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def paragraphs(notes):
    """The control: ``n text``, one paragraph each (what the sets' own files mostly are)."""
    return [f"{n} {t}" for n, t in notes]


def _one_per_line(marker):
    return lambda notes: ["\n".join(f"{marker(n)}{t}" for n, t in notes)]


paren_one_per_line = _one_per_line(lambda n: f"({n}) ")
paren_one_per_line.__doc__ = "``(1) 王某：…`` one per line (Japanese and Chinese PDFs, Word's notes)."
parenthesized_digits = _one_per_line(lambda n: PARENTHESIZED[n - 1] if 0 < n <= 20 else f"({n})")
parenthesized_digits.__doc__ = "``⑴王某：…``: one character, as CNKI pages print notes 1-20, ``(21)`` after."
superscript_glued = _one_per_line(lambda n: str(n).translate(_SUPER))
superscript_glued.__doc__ = "``¹²Robert Jervis, …``: a PDF's text layer keeps the superscript marker."
fullwidth_brackets = _one_per_line(lambda n: f"［{n}］")
fullwidth_brackets.__doc__ = "``［1］王某：…``: full-width brackets (Chinese journal sites)."
zhu_prefixed = _one_per_line(lambda n: f"注{n}：")
zhu_prefixed.__doc__ = "``注1：王某：…``: a site that spells the marker out."
close_paren = _one_per_line(lambda n: f"{n}) ")
close_paren.__doc__ = "``1) 中山某『…』``: Japanese and Korean PDFs."
tab_number = _one_per_line(lambda n: f"{n}\t")
tab_number.__doc__ = "``1<TAB>Robert Jervis, …``: endnotes copied from a word processor."
markdown_footnotes = _one_per_line(lambda n: f"[^{n}]: ")
markdown_footnotes.__doc__ = "``[^1]: …``: a Markdown page's footnotes pasted as text."


def word_marker_alone(notes):
    """``주001)`` on a line of its own, the note below it (a Korean critical edition online)."""
    return ["\n".join(f"주{n:03d})\n{t}" for n, t in notes)]


def fullwidth_dot(notes):
    """``1．王某：…`` with a full-width stop, blank line between notes (PDF text of Chinese books)."""
    return [f"{n}．{t}" for n, t in notes]


def backlinks(notes):
    """``1. … ↩︎``: a blog's endnotes with the link back to the text after each note."""
    return ["\n".join(f"{n}. {t} ↩︎" for n, t in notes)]


def caret_backlinks(notes):
    """``^ a b Smith, J. …``: a wiki's note list copied from a browser, which leaves out the list's
    numbers; the letters jump back to each place the note is cited. (A list that starts past note
    1 is kept numbered, ``31. ^ …``, as a browser that copies the numbers gives it: without them
    no reader could tell where it starts.)"""
    numbered = [n for n, _t in notes] != list(range(1, len(notes) + 1))
    jumps = ("", "a b ", "")
    return [
        "\n".join(f"{f'{n}. ' if numbered else ''}^ {jumps[n % 3]}{t}" for n, t in notes),
    ]


def closing_bracket_stamps(notes):
    """``1〕王某：…`` under a CMS page's stamp lines (a government or university site)."""
    stamps = "首页 > 学术研究 > 正文\n发布时间：2021-03-02 09:15  来源：本站  浏览次数：356\n"
    return [stamps + "\n".join(f"{n}〕{t}" for n, t in notes)]


_HEADINGS = ("注释：", "Notes", "註", "각주", "参考文献与注释", "NOTES")


def heading_and_footer(notes):
    """A notes heading above ``1. …`` lines, a post's footer below (WeChat, a blog)."""
    heading = _HEADINGS[sum(n for n, _t in notes[:3]) % len(_HEADINGS)]
    return [heading, "\n".join(f"{n}. {t}" for n, t in notes), "（责任编辑：周某）"]


def circled_run_together(notes):
    """``①王某：…。②同上。③…`` on one line: a CNKI HTML page copied without its line breaks (past
    ㊿, which is as far as circled numbers go, such a page prints ``[51]``)."""
    return ["".join(f"{CIRCLED[n - 1] if 0 < n <= 50 else f'[{n}]'}{t.strip()}" for n, t in notes)]


_FOLIOS = ("·{}·", "— {} —", "- {} -", "{} | Journal of Contemporary Studies", "Asian Review 12:3 | {}", "第{}页")


def _paged(notes, marker, per_page=4, width=38, restart=False):
    lines, folio = [], 101
    for i, (n, t) in enumerate(notes):
        if i and i % per_page == 0:
            lines += [_FOLIOS[folio % len(_FOLIOS)].format(folio), _HEADS[folio % len(_HEADS)]]
            folio += 1
        shown = i % per_page + 1 if restart and i >= per_page else n  # a set may start at note 31
        lines += _wrap(f"{marker(shown)}{t}", width)
    return ["\n".join(lines)]


def pdf_folio_styles(notes):
    """PDF pages as ``pdf_pages``, the folio printed in other ways: ``·101·``, ``— 102 —``,
    ``103 | Journal …``, ``第104页``."""
    return _paged(notes, lambda n: f"{n}. ")


def restart_glued_digits(notes):
    """Page footnotes numbered 1, 2, … afresh on each page, digits glued to the note, a folio and
    running head between pages (a Chinese journal's PDF)."""
    return _paged(notes, str, restart=True)


def restart_circled(notes):
    """``① … ④ ·101· head ① …``: circled page footnotes starting again on every page."""
    return _paged(notes, lambda n: CIRCLED[n - 1] if 0 < n <= 50 else f"({n})", restart=True)


def chapter_restart(notes):
    """A book's endnotes: numbered afresh in each chapter under the chapter's heading."""
    half = (len(notes) + 1) // 2
    first = "\n".join(f"{n}. {t}" for n, t in notes[:half])
    second = "\n".join(f"{i}. {t}" for i, (_n, t) in enumerate(notes[half:], 1))
    return ["Chapter 1", first, "Chapter 2", second]


def pdf_split_notes(notes, per_page=9, width=38):
    """PDF pages that break inside a note: a folio and a running head between two of its lines."""
    lines = [line for n, t in notes for line in _wrap(f"{n}. {t}", width)]
    out, folio = [], 201
    for i, line in enumerate(lines):
        if i and i % per_page == 0:
            out += [f"— {folio} —", _HEADS[folio % len(_HEADS)]]
            folio += 1
        out.append(line)
    return ["\n".join(out)]


def double_spaced(notes, width=38):
    """A PDF copied by a viewer that puts a blank line after every line: each note wrapped, every
    line a paragraph of its own."""
    return ["\n\n".join(line for n, t in notes for line in _wrap(f"{n}. {t}", width))]


SHAPES.update(
    {
        "paren_one_per_line": paren_one_per_line,
        "parenthesized_digits": parenthesized_digits,
        "superscript_glued": superscript_glued,
        "fullwidth_brackets": fullwidth_brackets,
        "zhu_prefixed": zhu_prefixed,
        "close_paren": close_paren,
        "tab_number": tab_number,
        "markdown_footnotes": markdown_footnotes,
        "word_marker_alone": word_marker_alone,
        "fullwidth_dot": fullwidth_dot,
        "backlinks": backlinks,
        "caret_backlinks": caret_backlinks,
        "closing_bracket_stamps": closing_bracket_stamps,
        "heading_and_footer": heading_and_footer,
        "circled_run_together": circled_run_together,
        "pdf_folio_styles": pdf_folio_styles,
        "restart_glued_digits": restart_glued_digits,
        "restart_circled": restart_circled,
        "chapter_restart": chapter_restart,
        "pdf_split_notes": pdf_split_notes,
        "double_spaced": double_spaced,
    }
)
CONTROL = {"paragraphs": paragraphs}


def pasted_notes_file(shape: str, notes) -> str:
    """The text of a notes file: the set's notes pasted in ``shape``."""
    return "\n\n".join({**SHAPES, **CONTROL}[shape](notes)) + "\n"
