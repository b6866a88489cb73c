"""Stage 1, *document*: undo the damage PDF extraction does to an article's text.

Input is the raw text; output is a :class:`Document`: a list of :class:`Page` objects, each with
its lines (running heads, folios and blank lines removed) and its printed page number when the
text lets us recover it.

Page boundaries, in order of trust:

* a form feed;
* a folio line (``-25-``, ``— 25 —``, ``·25·``) together with the running-head lines around it
  (the article title, ``2025年第3期``, a journal name): the cluster starts a new page;
* a line that begins with a space, when such lines are rare (the seed's extraction marks every
  page start that way). A line that is the article's title plus a note marker is the title on
  the first page, not a page start.

Page numbers come from folios. A folio is read as the number of the page it heads (running heads
and folios sit at the top of the page in the seed's journal), unless the text ends with a folio
(then folios are page footers: the last page carries one, the first does not), or counting pages
from one folio to the next agrees only with the footer reading. Pages before
the first folio and after the last are numbered by counting. Without any folio, page numbers are
``None``; without any page signal the whole text is one page (notes stage infers more).

:func:`join_lines` rejoins hard-wrapped lines: CJK to CJK without a space, Latin words with one,
a URL broken anywhere with nothing.
"""

from __future__ import annotations

import re

from annobib.extract import rx as cre
from collections import Counter
from dataclasses import dataclass, field

FOLIO_RE = re.compile(r"^\s*(?:[-–—－·•]\s*(\d{1,4})\s*[-–—－·•]|第\s*(\d{1,4})\s*页)\s*$")
ISSUE_HEAD_RE = re.compile(
    r"^\s*(?:《[^》]{1,30}》\s*)?(?:[\u4e00-\u9fff]{2,12}\s*)?\d{4}\s*年\s*第\s*\d{1,3}\s*期"
    r"(?:\s*[（(]第\s*\d{1,4}\s*卷[)）])?\s*$"  # 中国农史 2019年第6期(第38卷): the volume after the issue
)
CJK_RE = re.compile(r"[\u2e80-\u9fff\u3000-\u303f\uf900-\ufaff\uff00-\uffef\uac00-\ud7af\u3040-\u30ff]")
TERMINAL = "。！？!?；;.…"
SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹"  # superscript digits: markers as a PDF's text layer keeps them (¹, ¹²)
MARKER_TAIL_RE = re.compile(r"\s*(?:[\[［]\d{1,3}[\]］]|[①-⑳]|[" + SUPERSCRIPT + r"]{1,3}|[（(]\d{1,3}[)）]|\*)\s*$")
URL_TAIL_RE = re.compile(r"(?:https?://|www\.)[^\s\u3000-\u303f\uff00-\uffef\u4e00-\u9fff“”‘’\"<>]*$", re.I)
URL_CHARS_RE = re.compile(r"^[A-Za-z0-9/._~%#?&=+\-:@!$'()*,;]+")


@dataclass
class Page:
    """One printed page: its number (if known) and its content lines, in order."""

    number: int | None
    lines: list[str] = field(default_factory=list)
    index: int = 0  # 0-based position in the document


@dataclass
class Document:
    pages: list[Page]
    running_heads: list[str] = field(default_factory=list)
    page_signal: str = "none"  # "folio", "indent", "formfeed", "none"
    title: str | None = None


# ⑴…⒇ and ⒈…⒛ (one character each) are the compatibility forms of (1)…(20) and 1.…20.: read as those
_NUMBER_FORMS = str.maketrans(
    {**{chr(0x2474 + k): f"({k + 1})" for k in range(20)}, **{chr(0x2488 + k): f"{k + 1}." for k in range(20)}}
)


def normalize_text(text: str) -> str:
    """Newlines, BOM, NBSP and full-width spaces made ordinary; form feeds kept as page breaks;
    parenthesized and dotted number characters (⑴, ⒈) spelt out. Every line end Unicode knows
    (CR, VT, NEL, U+2028) becomes a newline and U+2029 a blank line (a paragraph), so no note is
    run into the one before it."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if _ANY_ODD.search(text):  # one scan in C instead of three: the common text has none of them
        if _LINE_END.search(text):
            text = text.translate(_LINE_ENDS)
        if _NUMBER_FORM.search(text):  # a scan in C: a per-character test cost more than the rest
            text = text.translate(_NUMBER_FORMS)
        if _CONTROL.search(text):
            text = _CONTROL.sub("", text)  # ESC, BEL, C1 …: nothing a printed note holds, never a value
    return text.replace("\u00a0", " ").replace("\u2009", " ").replace("\u200b", "")


_LINE_END = re.compile("[\x0b\x85\u2028\u2029]")
_LINE_ENDS = str.maketrans({"\x0b": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n\n"})
# control characters other than tab, newline and the form feed (a page break): a pasted article
# can carry them (a terminal's escape sequences, a PDF's junk) and a .bib value must not
_NUMBER_FORM = re.compile("[\u2474-\u249b]")
_CONTROL = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# a character any of the three above starts with (every _CONTROL match holds one of its last class,
# \x1b among them): one character class is a fast scan, where _CONTROL's alternation tries each
# branch at every character (2 MB of notes: 5 ms instead of 26 ms for the three)
_ANY_ODD = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u2028\u2029\u2474-\u249b]")


_FOLIO_FIRST = frozenset("-–—－·•第 \t")


_FOLIO_IN_HEAD = re.compile(
    r"^\s*[-–—－·•]\s*(\d{1,4})\s*[-–—－·•]\s*(?P<a>[^。，；,;]{2,40})$|^(?P<b>[^。，；,;]{2,40}?)\s*[-–—－·•]\s*(\d{1,4})\s*[-–—－·•]\s*$"
)


def is_folio(line: str) -> int | None:
    """``-25-``, ``— 25 —``, ``·25·``, ``第 25 页``; also a folio printed on the running-head line
    (``· 48 · 世界经济与政治 2023 年第 5 期``)."""
    if not line:
        return None
    if line[0] in _FOLIO_FIRST and len(line) <= 16:
        m = FOLIO_RE.match(line)
        if m:
            return int(m.group(1) or m.group(2))
    if len(line) <= 56 and ("·" in line or "—" in line or "-" in line):
        m = _FOLIO_IN_HEAD.match(line)
        if m and not cre.search(r"\d{1,4}\s*[-–—]\s*\d", m.group("a") or m.group("b") or ""):
            return int(m.group(1) or m.group(4))
    if " | " in line and len(line) <= 72:
        m = _FOLIO_BAR_HEAD.match(line)
        if m:
            return int(m.group(1) or m.group(2))
    # isdecimal (what \d matches), not isdigit: a line of notes ``①a`` is no candidate (200,000 were)
    if len(line) <= 72 and line[0].isdecimal() != line[-1].isdecimal():
        m = _FOLIO_CAPS_HEAD.match(line)
        if m:
            return int(m.group(1) or m.group(2))
    return None


# a chapter's or part's heading above its notes, which a book numbers afresh: ``Chapter 2``,
# ``Notes to Chapter 3``, ``第二章 国家与社会``, ``Глава 4``, ``제3장``, ``第3節`` (short, no sentence stop)
_SECTION_HEADING = re.compile(
    r"^(?:(?:Notes to )?(?:Chapter|CHAPTER|Part|PART|Глава|ГЛАВА|Часть)\s+(?:\d{1,3}|[IVXLC]{1,6}|[A-Z][a-z]{2,9})\b"
    r"|第\s*[一二三四五六七八九十百零〇\d]{1,4}\s*[章节節部篇讲講]|제\s*\d{1,3}\s*[장절부])"
    r"[^。．.！？!?；;]{0,60}$"
)


def is_section_heading(line: str) -> bool:
    """``Chapter 2`` / ``第二章 国家与社会``: a line that heads a chapter's notes."""
    return line[:1] in _SECTION_FIRST and len(line) <= 72 and bool(_SECTION_HEADING.match(line))


_SECTION_FIRST = frozenset("NCPГЧ第제")  # what _SECTION_HEADING can open with: most lines skip the regex


def is_section_heading_spaced(line: str) -> bool:
    """:func:`is_section_heading` of ``line`` with its runs of spaces made one (a heading copied
    with a layout gap); the line is collapsed only when its first character can open one."""
    return line.lstrip()[:1] in _SECTION_FIRST and is_section_heading(" ".join(line.split()))


# ``International Security 46:3 | 118`` / ``118 | Journal of Cold War Studies``: a journal's running
# head and its folio set apart by a bar (no sentence punctuation, no quotes on the head's side)
_FOLIO_BAR_HEAD = re.compile(r"^[^|。，；,;“”\"]{4,60}? \| (\d{1,4})$|^(\d{1,4}) \| [^|。，；,;“”\"]{4,60}$")
# ``154   MODERN ASIAN STUDIES`` / ``QUANZHOU AND THE SOUTHERN SEAS   155``: an English journal's
# running head in capitals, two words or more, its folio before or after (no sentence stop: a note
# set in capitals ends with one, and a note's number is followed by a name, not a run of capitals)
_CAPS_HEAD = r"[A-Z][A-Z'’&-]+(?: (?:[A-Z][A-Z'’&-]*|OF|AND|THE|IN|ON|[0-9]{1,4}|[0-9]{1,3}:[0-9]{1,2}))+"
_FOLIO_CAPS_HEAD = re.compile(rf"^(\d{{1,4}}) {_CAPS_HEAD}$|^{_CAPS_HEAD} (\d{{1,4}})$")


def _bare_folios(st: list[str]) -> set[int]:
    """Lines holding only a number are folios when there are several and they climb page by page."""
    cands = [(i, int(l)) for i, l in enumerate(st) if l and len(l) <= 4 and l.isascii() and l.isdigit() and l[0] != "0"]
    if len(cands) < 2:
        return set()
    steps = [b - a for (_, a), (_, b) in zip(cands, cands[1:])]
    if all(1 <= d <= 2 for d in steps):
        return {i for i, _ in cands}
    return set()


_NUM_HEAD = re.compile(r"^(\d{1,4})[ \t\u3000]+(?P<a>\S.{1,39})$|^(?P<b>.{2,40}?)[ \t\u3000]+(\d{1,4})$")


def _numbered_heads(st: list[str]) -> dict[int, tuple[int, str]]:
    """A folio printed at the start or end of the running-head line, set off by spaces only
    (``112　Journal　2024 年第 2 期``, ``Article title　113``): the line's text must be head-shaped
    (no sentence punctuation) and either a journal issue or repeated on another such line, or the
    numbers of all such lines climb page by page with the folio first on some lines and last on
    others (verso/recto; numbered section headings, ``2 Literature Review``, climb too but always put
    the number first). Line index -> (folio, head text)."""
    cands: dict[int, tuple[int, str]] = {}
    forms: set[str] = set()
    for i, line in enumerate(st):
        if not line or len(line) > 48 or not (line[0].isdecimal() or line[-1].isdecimal()):
            continue  # isdecimal: what \d matches (① and ¹ are digits too, never a folio here)
        m = _NUM_HEAD.match(line)
        if not m:
            continue
        num = int(m.group(1) or m.group(4))
        rest = (m.group("a") or m.group("b")).strip()
        if (
            num == 0
            or cre.search(r"[。，；,;：:！？!?“”\"()（）]", rest)
            or MARKER_TAIL_RE.search(rest)
            or rest[-1:] == "."
        ):
            continue
        if cre.fullmatch(r"[\d\s.\-–—]+", rest) or (
            m.group("b") and cre.search(r"(?:\d|年|第|[Vv]ol\.?|[Nn]o\.?|pp?\.?)$", rest)
        ):
            continue
        if cre.match(r"(?:同上|同前|前引|前揭|前掲|Ibid|ibid|Id\b|위의|앞의|같은)", rest):
            continue  # a bare-numbered note (``3 同上``), not a running head
        words = cre.findall(r"[A-Za-z][\w'’\-]*", rest)
        if words and not CJK_RE.search(rest) and sum(w[0].isupper() for w in words) < 0.6 * len(words):
            continue  # "2019 the fleet was rebuilt": a line of prose, not a title-cased head
        cands[i] = (num, rest)
        forms.add("a" if m.group("a") else "b")
    if not cands:
        return {}
    seen = Counter(num for num, _rest in cands.values())
    cands = {i: v for i, v in cands.items() if seen[v[0]] == 1}  # a folio never repeats; note numbers do
    counts = Counter(rest for _n, rest in cands.values())
    ok = {i: v for i, v in cands.items() if counts[v[1]] > 1 or ("期" in v[1] and ISSUE_HEAD_RE.match(v[1]))}
    nums = [v[0] for _i, v in sorted(cands.items())]
    if len(nums) >= 2 and all(1 <= b - a <= 2 for a, b in zip(nums, nums[1:])) and len(forms) == 2:
        ok = dict(cands)  # verso/recto: the folio on the outer edge, first on one page, last on the next
    elif ok:
        kept = [v[0] for _i, v in sorted(ok.items())]
        if not all(1 <= b - a <= 3 for a, b in zip(kept, kept[1:])):
            return {}
    return ok


def _strip_marker(line: str) -> str:
    return MARKER_TAIL_RE.sub("", line).strip()


def _head_candidates(st: list[str], fol: list[int | None]) -> set[str]:
    """Short lines without sentence punctuation that stand next to a folio (ignoring blank lines):
    the running heads (article title, journal name and issue). Every other occurrence of such a
    line is a running head too. ``st`` are the stripped lines, ``fol`` their folio numbers."""
    heads: set[str] = set()
    nonblank = [i for i, l in enumerate(st) if l]
    counts = Counter(st[i] for i in nonblank)
    for pos, i in enumerate(nonblank):
        if fol[i] is None:
            continue
        below = False  # a head stands below the folio: the line above is a note's unless it repeats
        for j in (pos + 1, pos - 1):
            if 0 <= j < len(nonblank):
                s = st[nonblank[j]]
                if s[:1].isupper() and s[-1:].isdigit() and _EN_ISSUE_HEAD.fullmatch(s):
                    heads.add(s)  # The Chinese Journal of International Politics, 2024, Vol. 17, No. 2
                    continue
                if 2 <= len(s) <= 40 and not cre.search(r"[。，；,;！？]", s) and not s.startswith(("[", "［")):
                    if not cre.match(r"^(?:[\[［]\d+[\]］]|[①-⑳]|[" + SUPERSCRIPT + r"]|\d+[.、])", s):
                        if j == pos - 1 and (
                            not _head_shaped(s, counts) or below and counts[s] == 1 and not ISSUE_HEAD_RE.match(s)
                        ):
                            continue  # the short last line of a note, not a running head
                        heads.add(s)
                        below = below or j == pos + 1
    return heads


_LOCATOR_TAIL = re.compile(
    r"\bpp?\.\s*\d|第\s*\d+\s*[页頁版]|\d+\s*[-–—]\s*\d+\.?$|[.。][)）」』”\"]?$|https?://|www\.|\w/\w"
)


def _head_shaped(s: str, counts: Counter) -> bool:
    """A line just above a folio is a running head if it repeats across pages or has the shape of a
    journal issue; one printed once that ends like a citation (``pp. 28-43.``, ``2019.``, a URL) is
    the last line of a note, and so is one that ends cut inside a sentence (``powers in the
    twenty-first century:``, ``…University of``). (A line printed once that ends otherwise without a
    period stays a head: a note cut at the page foot is followed by the heads of a two-page
    article.) ``counts``: how often each non-blank line stands in the text."""
    if counts[s] > 1 or ("期" in s and ISSUE_HEAD_RE.match(s)):
        return True
    return not _LOCATOR_TAIL.search(s) and not _CUT_TAIL.search(s)


# how a line cut inside a sentence at the page foot ends (a head ends with a name or a number):
# a colon, comma or dash, an opening bracket, or a lower-case word (``…how great``, ``…(pp.``)
_CUT_TAIL = re.compile(r"[:：,，、(（\[\-–—/]$|(?<![A-Za-z])[a-z][a-z'’]*\.?$")


# a journal's running head in English: its name, year, volume and issue, nothing after them
_EN_ISSUE_HEAD = re.compile(r"[A-Z][\w&'’ .\-]{3,80}?,\s*(?:19|20)\d\d,\s*Vol\.\s*\d{1,4},\s*No\.\s*\d{1,4}")


def _is_head(s: str, heads: set[str]) -> bool:
    """``s`` is a stripped line."""
    if s in heads:
        return True  # (a journal's head in English may be longer than a CJK one)
    if not s or len(s) > 40:
        return False
    return s in heads or ("期" in s and bool(ISSUE_HEAD_RE.match(s)))


# a book's or law review's running head: capitals only, a folio at one end (``2024]`` a volume's year,
# ``418 WATER LAW REVIEW [Vol. 27:401`` the volume and first page on the verso)
_CAPS_HEAD = re.compile(
    r"^(?:(?P<lead>\d{1,4})\s+|\d{4}\]\s+)?(?P<words>[A-Z][A-Z0-9'’&,:.\-–— ]*?[A-Z0-9])"
    r"(?:\s+(?P<trail>\d{1,4})|\s+\[Vol\.\s*\d{1,4}:\d{1,5})?$"
)


def page_furniture(lines: list[str]) -> set[int]:
    """Indexes of the folio and running-head lines among ``lines`` (a notes section copied from a
    PDF: ``101`` / ``— 101 —`` / ``102 国际政治研究 2019 年第 3 期`` and the heads beside them)."""
    laid = [l.strip() for l in lines]
    # a PDF's layout gaps collapsed (``·58·          教育学报          第14卷第2期``), so that the
    # length limits of a head count its words, not the width it was set across
    st = [" ".join(s.split()) if "  " in s else s for s in laid]
    fol: list[int | None] = [is_folio(s) or (int(s) if s.isdecimal() and len(s) <= 4 else None) for s in st]
    for i, (num, _rest) in _numbered_heads(st).items():
        fol[i] = num
    for i, s in enumerate(laid):
        num = _gap_head(s) if fol[i] is None and "  " in s else None
        if num is not None:
            fol[i] = num
    heads = _head_candidates(st, fol)
    return {i for i, s in enumerate(st) if fol[i] is not None or (s and _is_head(s, heads)) or _caps_head(s)}


# ``Arctic Governance after 2022                     411``: a head and its folio set far apart, as a
# PDF's layout prints them (a note's own words are never spaced six apart)
_GAP_HEAD = re.compile(r"^(\d{1,4})[ \u3000]{6,}(\S.{1,60}?)$|^(\S.{1,60}?)[ \u3000]{6,}(\d{1,4})$")


def _gap_head(s: str) -> int | None:
    """The folio of a running-head line whose head and folio stand a layout gap apart, if the head
    is shaped like one (no sentence punctuation, its words capitalised or CJK)."""
    m = _GAP_HEAD.match(s)
    if not m:
        return None
    num, rest = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
    if cre.search(r"[。，；,;：:！？!?“”\"()（）]", rest) or rest[-1:] == "." or MARKER_TAIL_RE.search(rest):
        return None
    words = cre.findall(r"[A-Za-z][\w'’\-]*", rest)
    if words and not CJK_RE.search(rest) and sum(w[0].isupper() for w in words) < 0.5 * len(words):
        return None
    return int(num) or None


def _caps_head(s: str) -> bool:
    """``232 MIGRATION AND LABOUR MARKETS``, ``2024] TITLE OF THE ARTICLE 417``: the folio and the
    running head on one line (the line beside it is a note's, not a head)."""
    m = _CAPS_HEAD.match(s) if 10 <= len(s) <= 72 and s[:1].isalnum() else None
    if not m:
        return False
    caps = len(cre.findall(r"\b[A-Z]{2,}", m["words"]))
    if m["lead"] or m["trail"]:
        return caps >= 3 or caps == 2 and _BARE_CAPS_HEAD.fullmatch(m["words"]) is not None  # 2021] SHARED RIVERS 457
    # ``DIPLOMATIC HISTORY`` alone between two notes: capitals and spaces only, no folio
    return _BARE_CAPS_HEAD.fullmatch(s) is not None


# a running head of two to six words in capitals, nothing else on the line (a note's line has a
# stop, a comma, a digit or a lower-case letter)
_BARE_CAPS_HEAD = re.compile(r"[A-Z]{2,}(?: +[A-Z]{2,}){1,5}")


def _group_pages(events: list[tuple[str, object]]) -> tuple[list[Page], dict[int, int], dict[int, int]]:
    """The walk's events as pages, with the folios read as a header and as a footer of each page
    (page index -> folio); consecutive breaks with nothing between collapse into one."""
    pages: list[Page] = []
    folios: dict[int, int] = {}  # page index -> folio read as a header of that page
    footer: dict[int, int] = {}  # page index -> folio read as a footer of that page
    current: Page | None = None
    pending_folio: int | None = None
    for kind, value in events:
        if kind == "folio":
            if current is not None:
                folios[current.index] = footer[current.index] = value  # type: ignore[assignment]
            continue
        if kind == "break":
            if value is not None:
                if current is not None and pending_folio is None:
                    footer[len(pages) - 1] = value  # type: ignore[assignment]
                pending_folio = value if pending_folio is None else pending_folio  # type: ignore[assignment]
            if current is not None:
                current = None
            continue
        if current is None:
            current = Page(number=None, index=len(pages))
            pages.append(current)
            if pending_folio is not None:
                folios[current.index] = pending_folio
            pending_folio = None
        current.lines.append(value)  # type: ignore[arg-type]
    if not pages:
        pages.append(Page(number=None, index=0))
    return pages, folios, footer


def split_pages(text: str) -> Document:
    """Cut the text into pages (see the module docstring for the signals used)."""
    text = normalize_text(text)
    raw_lines = text.replace("\f", "\n\f\n").split("\n")
    st = [l.strip() for l in raw_lines]
    bare = _bare_folios(st)
    if bare:
        for i in bare:
            raw_lines[i] = st[i] = f"-{st[i]}-"
    numbered = _numbered_heads(st)
    for i, (num, _rest) in numbered.items():
        raw_lines[i] = st[i] = f"-{num}-"
    fol = [is_folio(x) if x else None for x in st]
    heads = _head_candidates(st, fol) | {rest for _n, rest in numbered.values()}
    title = None
    if heads:
        for s in st:
            if (
                s
                and s[-1] in "]］①②③④⑤⑥⑦⑧⑨⑩)）*" + SUPERSCRIPT
                and MARKER_TAIL_RE.search(s)
                and _strip_marker(s) in heads
            ):
                title = _strip_marker(s)
                break
    nonblank = sum(1 for x in st if x)
    # exactly one leading space (not a paragraph indent of two or a full-width space)
    indented = sum(1 for l, x in zip(raw_lines, st) if x and l[:1] == " " and l[1:2] not in (" ", "\u3000"))
    # form feeds are the stronger signal: then a line that starts with a space is only wrapped text
    indent_signal = 0 < indented <= max(3, nonblank // 4) and "\f" not in text

    page_signal_elsewhere = indent_signal or "\f" in text
    # Without any other page signal, folio clusters that sit between a page's body and its notes on
    # most pages mean a layout where the notes' end (body text resuming) is the page break.
    midpage = not page_signal_elsewhere and _midpage_layout(st, fol, heads)
    in_notes = False
    last_line = ""
    # Walk the lines, emitting ("break", folio|None), ("folio", n) and ("line", text) events.
    events: list[tuple[str, object]] = []
    i = 0
    n = len(raw_lines)
    while i < n:
        s = st[i]
        if not s:
            if raw_lines[i] == "\f":
                events.append(("break", None))
            i += 1
            continue
        if fol[i] is not None or _is_head(s, heads):
            # a cluster of heads/folios (blank lines between allowed)
            numbers = []
            j = i
            while j < n:
                t = st[j]
                if not t:
                    j += 1
                    continue
                if fol[j] is not None:
                    numbers.append(fol[j])
                elif not _is_head(t, heads):
                    break
                j += 1
            k = j
            while k < n and not st[k]:
                k += 1
            if (
                (page_signal_elsewhere or midpage)
                and numbers
                and k < n
                and NOTE_START_RE.match(st[k])
                and _page_has_body(events)
            ):
                # running head + folio printed between a page's body and its notes (the layout
                # puts them above the rule): they belong to this page and do not start a new one
                events.append(("folio", numbers[0]))
            else:
                events.append(("break", numbers[0] if numbers else None))
            i = j
            continue
        line = raw_lines[i]
        if indent_signal and line[:1] == " " and line[1:2] not in (" ", "\u3000"):
            if not (title and _strip_marker(s) == title):
                events.append(("break", None))
        if midpage:
            if NOTE_START_RE.match(s):
                in_notes = True
            elif in_notes and (
                last_line[-1:] in "。.）)" or URL_TAIL_RE.search(last_line) and not last_line.endswith("/")
            ):
                events.append(("break", None))  # the notes ended: the next page's body
                in_notes = False
            last_line = s
        events.append(("line", s))
        i += 1

    pages, folios, footer = _group_pages(events)
    nonblank_idx = [k for k, x in enumerate(st) if x]
    starts_with_folio = bool(nonblank_idx) and fol[nonblank_idx[0]] is not None
    ends_with_folio = bool(nonblank_idx) and any(fol[k] is not None for k in nonblank_idx[-2:])
    _number_pages(pages, folios, footer, prefer_footer=ends_with_folio and not starts_with_folio)
    signal = "folio" if folios or footer else ("indent" if indent_signal else ("formfeed" if "\f" in text else "none"))
    return Document(pages=pages, running_heads=sorted(heads), page_signal=signal, title=title)


NOTE_START_RE = re.compile(r"^(?:[\[【〔［]\d{1,3}[\]】〕］]|[①-⑳]|[" + SUPERSCRIPT + r"]{1,3}\s?|[（(]\d{1,3}[)）]\s)")


def _midpage_layout(st: list[str], fol: list[int | None], heads: set[str]) -> bool:
    """Most folio clusters are followed directly by a note (``[1]``, ``①``)."""
    clusters = followed = 0
    n = len(st)
    i = 0
    while i < n:
        if fol[i] is None:
            i += 1
            continue
        clusters += 1
        j = i + 1
        while j < n and (not st[j] or fol[j] is not None or _is_head(st[j], heads)):
            j += 1
        if j < n and NOTE_START_RE.match(st[j]):
            followed += 1
        i = j
    return clusters >= 2 and followed >= max(2, 0.6 * clusters)


def _page_has_body(events: list[tuple[str, object]]) -> bool:
    """The page being built has lines, none of them a note yet."""
    seen = False
    for kind, value in reversed(events):
        if kind == "break":
            return seen
        if kind == "line":
            if NOTE_START_RE.match(value):  # type: ignore[arg-type]
                return False
            seen = True
    return seen


def _consistent(anchors: dict[int, int]) -> int:
    items = sorted(anchors.items())
    return sum(1 for (i, a), (j, b) in zip(items, items[1:]) if b - a == j - i)


def _number_pages(
    pages: list[Page], header: dict[int, int], footer: dict[int, int], prefer_footer: bool = False
) -> None:
    """Folios head their page unless the text ends with one (then they are page footers), or
    counting pages between folios agrees only with the other reading."""
    ch, cf = _consistent(header), _consistent(footer)
    anchors = footer if (footer and (cf > ch or (cf == ch and prefer_footer))) else header
    if not anchors:
        return
    items = sorted(anchors.items())
    # each page takes its number from the nearest anchor (counting forward or back from it)
    k = 0
    for page in pages:
        while k + 1 < len(items) and abs(items[k + 1][0] - page.index) <= abs(items[k][0] - page.index):
            k += 1
        idx, num = items[k]
        number = num + (page.index - idx)
        page.number = number if number > 0 else None


# ---------------------------------------------------------------- line joining


def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return 0x2E80 <= o <= 0x9FFF or 0xAC00 <= o <= 0xD7AF or 0xF900 <= o <= 0xFAFF or 0xFF00 <= o <= 0xFFEF


def join_pair(prev: str, nxt: str) -> str:
    """The separator to put between two hard-wrapped lines."""
    if not prev or not nxt:
        return ""
    m = URL_TAIL_RE.search(prev) if ("://" in prev or "www." in prev) else None
    if m and URL_CHARS_RE.match(nxt) and not prev.endswith((",", "，", "。", "；")):
        url = m.group(0)
        # a URL that already looks complete and is followed by words is not broken
        first = nxt.split(" ", 1)[0]
        if (
            url.endswith(("/", "-", "_", "=", "?", "&", "#", "%", ":", "~"))
            or cre.search(r"[/.\-_=?&%#]", first)
            or (url.endswith(".") and first[:1].islower())
        ):
            return ""
        if not url.endswith((".", ",")) and cre.match(r"^[a-z0-9]", first):
            return ""
    a, b = prev[-1], nxt[0]
    if "\uac00" <= a <= "\ud7af" and "\uac00" <= b <= "\ud7af":
        return " "  # Korean is set with spaces between words, and wrapped at them: 있을\n수
    if _is_cjk(a) or _is_cjk(b):
        return ""
    if b in ",.;:)]}" or a in "([{":
        return ""  # no space before closing punctuation or after an opening bracket: [J\n], (\n1998
    if a.isdigit() and b.isdigit() and _CJK_IN.search(prev[-12:] + nxt[:12]):
        return ""  # a number wrapped in Chinese text: 20\n22 年
    if a == "-" and b.isalpha() and len(prev) > 1 and prev[-2].isalpha():
        return ""  # keep the hyphen, join the word: Indo-\nPacific
    if (
        a == "-"
        and b.isalnum()
        and len(prev) > 1
        and prev[-2].isalnum()
        and (b.isdigit() or cre.search(r"\d", prev.rsplit(None, 1)[-1]))
    ):
        return ""  # an identifier or range wrapped at its hyphen: 档号 S173-\n1-45, pp. 45-\n47
    if a in "–—" and b.isdigit() and prev[-2:-1].isdigit():
        return ""  # a span wrapped after its dash: 1868–\n1907
    return " "


# Typesetting hyphenates words at line ends far more often than it breaks a compound at its
# hyphen, so ``inter-\nnational`` is joined as one word; a few prefixes that nearly always form
# hyphenated compounds (``so-called``, ``self-help``, ``non-state``) keep their hyphen.
_SOFT_HYPHEN_END = re.compile(r"(?<![\w/.=_?&%#~])([^\W\d_]*[a-zà-ÿа-яё])-$")  # Non-Align-|ment, исто-|рии
COMPOUND_PREFIXES = frozenset("so self well non anti ex cross quasi semi neo pro post counter".split())
_CJK_IN = re.compile(r"[\u3005\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")


def _url_like(line: str) -> bool:
    """The line ends in a URL or a URL's slug (``…/news/2025/04/`` then ``growth-by-up-to-``): a
    hyphen there is the URL's own."""
    token = line[-120:].rsplit(None, 1)[-1] if line.strip() else ""
    return "/" in token or token.count("-") >= 3 or len(token) > 40


def join_lines(lines: list[str]) -> str:
    """Rejoin hard-wrapped lines into one string (see :func:`join_pair`)."""
    if len(lines) == 1:  # a note on one line (most pasted notes): nothing to join
        return lines[0].strip()
    out: list[str] = []
    prev = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if out:
            soft = _SOFT_HYPHEN_END.search(prev) if line[:1].islower() and not _url_like(prev) else None
            if soft and soft.group(1).lower() not in COMPOUND_PREFIXES and not URL_TAIL_RE.search(prev):
                out[-1] = out[-1][:-1]  # a word hyphenated at the line end: inter-\nnational
            else:
                out.append(join_pair(prev, line))
        out.append(line)
        prev = line
    return "".join(out)


_SPACES = re.compile(r"[ \t]+")
_SPACE_BEFORE = re.compile(r" +(?=[，。；：、！？）》」』”’])")
_SPACE_AFTER = re.compile(r"(?<=[（《「『“‘：；，。]) +(?=[\u4e00-\u9fff《「『“])")
_SPACE_HAN = re.compile(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])")


def clean_spacing(text: str) -> str:
    """PDF spacing noise: ``参 见``, space before full-width punctuation, runs of spaces."""
    if " " not in text and "\t" not in text:
        return text.strip()
    if "\t" in text or "  " in text:  # most notes have single spaces only: no copy for nothing
        text = _SPACES.sub(" ", text)
    text = text.strip()
    if not _WIDE.search(text):
        return text  # no CJK: only runs of spaces to collapse
    return _NOISE_SPACE.sub("", text)


# a space that is PDF noise: before ，。）》…, after （《：；，。 ahead of CJK, or between two Han
# characters (参 见); one regex, no callback per space (a note has several). Led by the space,
# so the engine jumps from space to space (a lookbehind first was tried at every character).
_NOISE_SPACE = re.compile(
    r" (?:(?=[，。；：、！？）》」』”’])|(?<=[（《「『“‘：；，。] )(?=[\u4e00-\u9fff《「『“])|(?<=[\u4e00-\u9fff] )(?=[\u4e00-\u9fff]))"
)
_WIDE = re.compile(r"[\u3000-\u9fff\uff00-\uffef\u2018\u2019\u201c\u201d]")
