"""Stage 2, *notes*: find every footnote on every page, link body markers, keep the citing sentence.

Note numbering restarts on every page. A note starts a line with one of these markers (the style
is chosen per document, whichever gives the most well-formed note blocks):

``[1]`` / ``【1】`` / ``［1］``, ``①``, ``(1)`` / ``（1）``, ``1.``, or a bare number glued to the text
(``5Robert Keohane, …``, ``1 阎学通：…``).

With page structure (see :mod:`.document`), a page's notes are the block that starts at its last
line marked ``1`` whose later markers run 2, 3, … to the end of the page. Without any page signal,
blocks are found in reading order and body text that resumes after a complete note starts a new
(inferred, unnumbered) page.

The body text of all pages is joined into one stream; the marker for note *n* on page *p* is the
first ``[n]`` (``①``…) in page *p*'s part of the stream. The citing sentence is the sentence the
marker closes (``…明确信号。[1]``) or sits in (``…一倍以上 [1] ；``).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from annobib.extract import rx as cre
from dataclasses import dataclass, field, replace

from annobib.perf import Deferred, Later

from annobib.extract.document import (
    MARKER_TAIL_RE,
    SUPERSCRIPT,
    Document,
    Page,
    clean_spacing,
    is_section_heading_spaced,
    join_lines,
    join_pair,
    normalize_text,
    page_furniture,
)
from annobib.extract.normalize import debris_line, leading_tag, site_debris
from annobib.extract.numbering import numbered_run
from annobib.extract.reflist import opens_item, page_of_line

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳㉑㉒㉓㉔㉕㉖㉗㉘㉙㉚㉛㉜㉝㉞㉟㊱㊲㊳㊴㊵㊶㊷㊸㊹㊺㊻㊼㊽㊾㊿"
_SUP_TABLE = str.maketrans(SUPERSCRIPT, "0123456789")

_NOT_AFTER_BARE = "年月日时号期版卷届次个%％万亿多余名位家岁倍人天条项点.．,，:：、/-—–"
START_RES: dict[str, re.Pattern] = {
    "bracket": re.compile(r"^\s*[\[【〔［](\d{1,3})[\]】〕］]\s*"),
    "circled": re.compile(r"^\s*([" + CIRCLED + r"])\s*"),
    "sup": re.compile(r"^\s*([" + SUPERSCRIPT + r"]{1,3})\s*"),
    "paren": re.compile(r"^\s*[（(](\d{1,3})[)）]\s*"),
    "dot": re.compile(r"^\s*(\d{1,3})[.．](?!\d)\s*(?=\S)"),
    "bare": re.compile(
        r"^\s*(\d{1,3})(?![\d"
        + re.escape(_NOT_AFTER_BARE)
        + r"])\s?(?=[A-Z“\"《「『\[［〔【（(\u4e00-\u9fff\u0400-\u04ff\u3040-\u30ff\uac00-\ud7af])(?!\s*["
        + re.escape(_NOT_AFTER_BARE)
        + r"](?![^：:，,。]{0,4}[：:《]))"
    ),  # 余南平：《…》 is an author
}
BODY_MARKER_RES: dict[str, re.Pattern] = {
    "bracket": re.compile(r"\s*[\[【〔［](\d{1,3})[\]】〕］]"),
    "circled": re.compile(r"\s*([" + CIRCLED + r"])"),
    "sup": re.compile(r"\s*([" + SUPERSCRIPT + r"]{1,3})"),
    "paren": re.compile(r"[（(](\d{1,3})[)）]"),
    "dot": re.compile(r"(?<=[。，；：！？”’）)\u4e00-\u9fff.,;])(\d{1,2})(?![\d年月日%．.万亿])"),
    "bare": re.compile(r"(?<=[。，；：！？”’）)\u4e00-\u9fff.,;])(\d{1,2})(?![\d年月日%．.万亿])"),
}
# the characters a line's note marker may start with, per style (START_RES's first class): other
# lines are passed over without a match, six times over in choose_style
_START_CHARS = {
    "bracket": frozenset("[【〔［"),
    "circled": frozenset(CIRCLED),
    "sup": frozenset(SUPERSCRIPT),
    "paren": frozenset("（("),
    "dot": frozenset("0123456789"),
    "bare": frozenset("0123456789"),
}
_SPACES = re.compile(r"[ \t]+")
_STAR_IN_BODY = re.compile(r"\s*[*＊※](?![*＊])")
_END_RE = re.compile(r"[。！？；;\n]")
STYLE_ORDER = ["bracket", "circled", "sup", "paren", "dot", "bare"]
HEADING_RE = re.compile(
    r"^(?:第[一二三四五六七八九十百]+[章节部分]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|"
    r"[IVX]+\.\s|结\s*语|结\s*论|引\s*言|余\s*论|【[^】]{2,8}】)"
)
TERMINATORS = "。！？"
CLOSERS = "”’」』）)"


@dataclass
class Note:
    """One footnote: where it is, what it says, and the sentence that cites it."""

    page: int | None  # printed page number, when known
    number: int
    text: str  # the note text, lines rejoined, marker removed
    page_index: int = 0
    # read as ``str | None``; find_notes sets a Later: only a cited note's sentence is looked for
    context: Deferred = Deferred()
    linked: bool = False  # a body marker was found for it
    lines: list[str] = field(default_factory=list, repr=False)

    @property
    def where(self) -> str:
        return f"p. {self.page}, n. {self.number}" if self.page is not None else f"n. {self.number}"


def marker_number(style: str, m: re.Match) -> int:
    g = m.group(1)
    if style == "circled":
        return CIRCLED.index(g) + 1
    if style == "sup":
        return int(g.translate(_SUP_TABLE))
    return int(g)


def _starts(lines: list[str], style: str) -> list[tuple[int, int, int]]:
    """(line index, number, marker end) for every line that starts with a note marker."""
    rx = START_RES[style]
    chars = _START_CHARS[style]
    out = []
    for i, line in enumerate(lines):
        first = line[:1]
        if first not in chars and not (first.isspace() and line.lstrip()[:1] in chars):
            continue
        m = rx.match(line)
        if m:
            out.append((i, marker_number(style, m), m.end()))
    return out


def _block_from(
    starts: list[tuple[int, int, int]], k: int, first: int = 1, strict: bool = True
) -> list[tuple[int, int, int]] | None:
    """Starts from position k if they run first, first+1, … to the end (other lines continue notes).

    Not strict: a skipped number (1, 2, 4 — a note lost in extraction) is accepted and a marker
    out of sequence is read as part of the note before it, so no note is dropped."""
    expected = first
    block = []
    for item in starts[k:]:
        if item[1] == expected or (not strict and block and expected < item[1] <= expected + 2):
            block.append(item)
            expected = item[1] + 1
        elif strict:
            return None
    return block


def choose_style(pages: list[Page]) -> str:
    """The marker style with the most well-formed note blocks (scored on up to 60 pages spread
    over the document, so the cost stays bounded)."""
    if len(pages) > 60:
        step = len(pages) / 60
        sample = [pages[int(i * step)] for i in range(60)]
    else:
        sample = pages
    # a style no line starts with scores 0 without its six passes over every line (200,000 notes
    # of one style in 1 MB: 0.2 s)
    firsts = {line.lstrip()[:1] for page in sample for line in page.lines}
    best, best_score = "bracket", -1
    for style in STYLE_ORDER:
        score = 0
        for page in sample if not _START_CHARS[style].isdisjoint(firsts) else []:
            starts = _starts(page.lines, style)
            ones = [k for k, s in enumerate(starts) if s[1] == 1]
            score += sum(len(_block_from(starts, k) or []) for k in ones[-1:])
            # blocks in unsignalled text: any run 1, 2, … counts
            if len(pages) == 1:
                score += sum(1 for a, b in zip(starts, starts[1:]) if b[1] == a[1] + 1)
        if score > best_score:
            best, best_score = style, score
    return best


def _note_complete(text: str) -> bool:
    t = text.rstrip()
    return bool(t) and (t[-1] in "。.）)" or bool(cre.search(r"https?://\S+$", t)))


_URL_IN_RUN = re.compile(r"https?://\S")


def _run_after(state: tuple[bool, str], text: str) -> tuple[bool, str]:
    """(holds ``http(s)://`` and a character, its last 8 characters) of the trailing run of
    non-spaces once ``text`` is appended to a text whose run ``state`` describes."""
    if not text:
        return state
    if text[-1].isspace():
        return False, ""
    split = text.rsplit(None, 1)
    if len(split) == 2 or text[0].isspace():
        run = split[-1]  # a space in text: the run starts anew inside it
        return bool(_URL_IN_RUN.search(run)), run[-8:]
    run = state[1] + text
    return state[0] or bool(_URL_IN_RUN.search(run)), run[-8:]


class _NoteEnd:
    """``_note_complete(join_lines(lines))`` kept up to date as lines arrive. Joining and searching
    the whole note again at each new line was quadratic in its length (thousands of lines that
    never start a note); the URL test needs only the trailing run of non-spaces, carried as
    :func:`_run_after` states, and the last line joined to the one before it."""

    def __init__(self, lines: list[str]) -> None:
        self.prev = ""  # the last non-empty line, stripped
        self.before: tuple[bool, str] = (False, "")  # the run of the text before prev
        self.run: tuple[bool, str] = (False, "")  # the run of the whole text
        for line in lines:
            self.add(line)

    def add(self, line: str) -> None:
        line = line.strip()
        if not line:
            return
        piece = join_lines([self.prev, line])  # prev (its soft hyphen dropped), the separator, line
        self.run = _run_after(self.before, piece)
        self.before = _run_after(self.before, piece[: len(piece) - len(line)])
        self.prev = line

    def complete(self) -> bool:
        return bool(self.prev) and (self.prev[-1] in "。.）)" or self.run[0])


def split_page(
    page: Page, style: str, signalled: bool, cont: int | None = None
) -> list[tuple[list[str], list[tuple[int, list[str]]]]]:
    """A page's lines -> [(body lines, [(note number, note lines)…])…] (more than one part when
    unsignalled text resumes body text after a note block). ``cont`` is the number that would
    continue the previous page's notes (for articles numbering notes straight through)."""
    lines = page.lines
    starts = _starts(lines, style) if signalled else []  # unsignalled text is walked line by line below
    if (
        signalled
        and sum(1 for k, s in enumerate(starts) if s[1] == 1 and k + 1 < len(starts) and starts[k + 1][1] == 2) >= 2
    ):
        signalled = False  # two note blocks on one "page": a page break the text did not mark
    if signalled:
        tries = [(k, 1) for k, s in enumerate(starts) if s[1] == 1]
        if cont and cont > 1:
            tries = [(k, cont) for k, s in enumerate(starts) if s[1] == cont] + tries
        found = None
        for k, first in reversed(tries):
            found = _block_from(starts, k, first)
            if found:
                break
        if not found and tries:
            k, first = tries[-1]
            found = _block_from(starts, k, first, strict=False)
        if not found:
            # the page's first note lost in extraction: a clean run starting at 2 or 3
            for k in range(len(starts) - 1, -1, -1):
                if starts[k][1] in (2, 3):
                    found = _block_from(starts, k, starts[k][1])
                    if found:
                        break
        for block in [found] if found else []:
            if block:
                first = block[0][0]
                notes = []
                for j, (li, num, end) in enumerate(block):
                    stop = block[j + 1][0] if j + 1 < len(block) else len(lines)
                    notes.append((num, [lines[li][end:]] + lines[li + 1 : stop]))
                return [(lines[:first], notes)]
        return [(lines, [])]
    # unsignalled: walk in order
    rx = START_RES[style]
    parts: list[tuple[list[str], list[tuple[int, list[str]]]]] = []
    body: list[str] = []
    notes: list[tuple[int, list[str]]] = []
    expected = 1
    end: _NoteEnd | None = None  # the last note's end, made when a line may continue it (rarely)
    for line in lines:
        m = rx.match(line)
        num = marker_number(style, m) if m else None
        if num is not None and (num == expected or num == 1 or (notes and expected < num <= expected + 2)):
            if num == 1 and notes:
                parts.append((body, notes))
                body, notes = [], []
            notes.append((num, [line[m.end() :]]))
            end = None
            expected = num + 1
            continue
        if notes:
            if end is None:
                end = _NoteEnd(notes[-1][1])
            if end.complete() and not cre.match(r"^[A-Za-z0-9/._%#?=&-]+[。.]?$", line.strip()):
                parts.append((body, notes))
                body, notes, expected = [line], [], 1
            else:
                notes[-1][1].append(line)
                end.add(line)
            continue
        body.append(line)
    parts.append((body, notes))
    return parts


STAR_RE = re.compile(r"^\s*[*＊※]\s*(?=\S)(?![*＊])")


def _star_note(body: list[str], notes: list[tuple[int, list[str]]]) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The first page's unnumbered note marked ``*`` (funding, author): the last line starting
    with ``*`` after the body text, through to the numbered notes. It becomes note 0."""
    for i in range(len(body) - 1, -1, -1):
        if STAR_RE.match(body[i]) and i > 0:
            lines = [STAR_RE.sub("", body[i])] + body[i + 1 :]
            return body[:i], [(0, lines)] + notes
    return body, notes


def _is_heading(line: str, prev: str | None) -> bool:
    s = line.strip()
    if len(s) > 44 or "。" in s:
        return False
    if HEADING_RE.match(s) and len(s) <= 40:
        return True
    if "，" in s or "；" in s or ";" in s or "," in s:
        return False
    stripped = BODY_MARKER_RES["bracket"].sub("", s).strip()
    return (
        len(stripped) <= 20
        and not cre.search(r"[。，；,;]", stripped)
        and (prev is None or prev.rstrip()[-1:] in TERMINATORS + "”")
    )


_CITATION_CUE = re.compile(
    r"出版社|书局|書店|印书馆|[第\d]\s*[页頁]|\d{4}\s*年\s*第\s*\d+\s*期|https?://|www\.|\bpp?\.\s*\d|\bPress\b|\bVol\.\s*\d|\bNo\.\s*\d|"
    r"\b(?:19|20)\d\d\s*(?:,\s*pp?\.|[):])"
)
_URL_CUT = re.compile(r"(?:https?://|www\.)\S*[/\-_=?&#.]$")
_URL_REST = re.compile(r"^[A-Za-z0-9/._~%#?&=+\-:@]{3,}[。.]?$")
_OPEN_END = re.compile(r"(?:[，,、：:《「『“(（/\-–—]|[A-Za-z\u4e00-\u9fff])$")


def _rejoin_continued(parts: list, style: str) -> None:
    """A note that runs on to the next page: its text continues at the top of that page's notes
    area, before the page's first note (where our split left it, as the end of the body). Move
    those lines back when the note is plainly cut (it ends open: ``，`` / a word / ``《``), the
    body before them ends a sentence, and they read as the rest of a citation."""
    body_marker = BODY_MARKER_RES[style]
    for i in range(1, len(parts)):
        prev_notes = parts[i - 1][3]
        body = parts[i][2]
        if not prev_notes or not body or not prev_notes[-1][0]:
            continue
        last = join_lines(prev_notes[-1][1]).rstrip()
        if (
            last
            and _URL_CUT.search(last)
            and _URL_REST.match(body[-1].strip())
            and (len(body) == 1 or body[-2].rstrip()[-1:] in TERMINATORS + "”’）)" or MARKER_TAIL_RE.search(body[-2]))
        ):
            prev_notes[-1][1].append(body.pop())  # https://…/view/ | ACK2022…。
            continue
        if (
            not last
            or _note_complete(last)
            or not _OPEN_END.search(last)
            or cre.search(r"[页頁版]$", last)
            or len(last) < 12
            or not cre.search(r"[《》「」『』“”\"，,]", last)
        ):
            continue
        for k in range(1, min(4, len(body)) + 1):
            tail = body[-k:]
            text = join_lines(tail)
            before = body[-k - 1].rstrip() if k < len(body) else ""
            if not _note_complete(text):
                continue
            if k < len(body) and not (before[-1:] in TERMINATORS + "”’）)" or MARKER_TAIL_RE.search(before)):
                continue
            if style in ("bracket", "circled", "paren") and body_marker.search(text) or not _CITATION_CUE.search(text):
                continue
            if len(text) > 300:
                break
            prev_notes[-1][1].extend(tail)
            del body[-k:]
            break


@dataclass
class _Segment:
    page_index: int
    page: int | None
    start: int
    end: int


def find_notes(doc: Document) -> list[Note]:
    """Every note on every page, linked to its body marker and citing sentence."""
    style = choose_style(doc.pages)
    signalled = len(doc.pages) > 1 or doc.page_signal != "none"
    # Split pages into body/notes; unsignalled text may yield several inferred pages.
    parts: list[tuple[int, int | None, list[str], list[tuple[int, list[str]]]]] = []
    last = 0
    for page in doc.pages:
        for body, notes in split_page(page, style, signalled, last + 1 if last else None):
            if not parts:
                body, notes = _star_note(body, notes)
            parts.append((len(parts), page.number if signalled else None, body, notes))
            if notes and notes[-1][0]:
                last = notes[-1][0]

    if signalled:
        _rejoin_continued(parts, style)

    # One body stream for sentence contexts, cut into per-part segments.
    chunks: list[str] = []
    segments: list[_Segment] = []
    length = 0
    prev_line: str | None = None
    for idx, number, body, _notes in parts:
        start = length
        for line in body:
            line = line.strip()
            if not line:
                continue
            if len(line) <= 44 and "。" not in line and _is_heading(line, prev_line):
                sep = "\n"
                piece = line + "\n"
                chunks.append(sep + piece if chunks and not chunks[-1].endswith("\n") else piece)
                length += len(chunks[-1])
                prev_line = None
                continue
            if not prev_line:
                sep = ""
            elif (
                (0x2E80 <= ord(line[0]) <= 0x9FFF or 0x2E80 <= ord(prev_line[-1]) <= 0x9FFF)
                and "://" not in prev_line
                and "www." not in prev_line
            ):
                sep = ""  # CJK on either side: no space (the common case, decided inline for speed)
            else:
                sep = join_pair(prev_line, line)
            chunks.append(sep + line)
            length += len(sep) + len(line)
            prev_line = line
        segments.append(_Segment(idx, number, start, length))
    stream = "".join(chunks)

    marker_rx = BODY_MARKER_RES[style]
    # Notes numbered straight through the article (no number twice, e.g. endnotes printed after
    # the body): a note's marker may stand on any earlier page, so look for it in the whole body.
    numbers = [num for _i, _n, _b, notes in parts for num, _l in notes if num]
    anywhere: dict[int, list[re.Match]] = {}
    if len(numbers) > 1 and len(set(numbers)) == len(numbers):
        for m in marker_rx.finditer(stream):
            anywhere.setdefault(marker_number(style, m), []).append(m)
    out: list[Note] = []
    for (idx, number, body, notes), seg in zip(parts, segments):
        found: dict[int, list[re.Match]] = {}
        for m in marker_rx.finditer(stream, seg.start, seg.end) if seg.end > seg.start else ():
            found.setdefault(marker_number(style, m), []).append(m)
        used = 0
        for num, note_lines in notes:
            text = clean_spacing(join_lines(note_lines))
            note = Note(page=number, number=num, text=text, page_index=idx, lines=note_lines)
            if num == 0:
                sm = _STAR_IN_BODY.search(stream, seg.start, seg.end)
                if sm:
                    note.linked = True
                    note.context = Later(sentence_at, stream, sm.start(), sm.end(), _STAR_IN_BODY)
                out.append(note)
                continue
            cands = found.get(num)
            if not cands and num in anywhere and num not in found:
                # an endnote: its (only) marker stands earlier in the body
                cands = [m for m in anywhere[num][:1] if m.start() < seg.end]
            if cands:
                m = cands.pop(0)
                note.linked = True
                note.context = Later(sentence_at, stream, m.start(), m.end(), marker_rx)
                used += 1
            out.append(note)
    return out


# what may stand between a full stop and the space after it: a closing quote, then a note number
# glued to it, or the anchors a document reader puts where its notes are (documents.common.mark:
# private-use characters round the note's index), so that ``this.<anchor> Then`` ends a sentence
_AFTER_STOP = r"[”’\"]?(?:\d{1,3}|(?:\ue000\d{1,9}\ue001)+)?"
_LATIN_STOP = re.compile(r"[.?!]" + _AFTER_STOP + r"\s+(?=[A-Z“\"‘])")
_LATIN_END = re.compile(r"[.?!](?=" + _AFTER_STOP + r"(?:\s+[A-Z“\"‘]|\s*$))|[;\n]")
_ABBREV_END = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Vol|No|pp?|ed|eds|vs|cf|al|e\.g|i\.e|U\.S|[A-Z])\.)$")


def sentence_at(stream: str, start: int, end: int, marker_rx: re.Pattern | None = None) -> str | None:
    """The sentence a note marker at ``stream[start:end]`` belongs to."""
    j = start - 1
    while j >= 0 and stream[j] in " \u3000":
        j -= 1
    k = j
    while k >= 0 and stream[k] in CLOSERS:
        k -= 1
    latin = k > 0 and stream[k].isascii() and stream[k - 1].isascii()
    if (
        k >= 0
        and (
            stream[k] in TERMINATORS
            or latin
            and stream[k] in ".?!"
            and not _ABBREV_END.search(stream, max(0, k - 6), k + 1)
        )
        and k < j + 1
    ):
        s_end = j + 1
        back = k - 1
    else:
        limit = min(len(stream), end + 600)
        em = (_LATIN_END if latin else _END_RE).search(stream, end, limit)
        if em:
            c = em.group(0)
            s_end = em.end() if c != "\n" else em.start()
            while s_end < len(stream) and stream[s_end] in CLOSERS and c != "\n":
                s_end += 1
        else:
            s_end = limit
        back = j
    lo = max(0, back - 800)
    cut = max(stream.rfind(ch, lo, back + 1) for ch in "。！？\n")
    if latin:  # an English body: a sentence ends at . ? ! (a glued note number may follow) before a capital
        for lm in _LATIN_STOP.finditer(stream, max(lo, cut + 1), back + 1):
            if not _ABBREV_END.search(stream, max(0, lm.start() - 6), lm.start() + 1):
                cut = lm.end() - 1
    s_start = cut + 1 if cut >= 0 else lo
    while s_start < s_end and stream[s_start] in CLOSERS + " ":
        s_start += 1
    text = stream[s_start:s_end]
    if marker_rx is not None and (
        marker_rx is not BODY_MARKER_RES["bracket"] or "[" in text or "【" in text or "〔" in text or "［" in text
    ):
        text = marker_rx.sub("", text)
    text = without_end_semicolon(clean_spacing(text.replace("\n", " ")))
    return text or None


def without_end_semicolon(text: str) -> str:
    """A line (no line break) without the semicolon that ends it and the spaces before that. No
    regex: ``[；;]$`` after any spaces was tried at every space of a sentence, 40 % of finding a
    citing sentence."""
    return text[:-1].rstrip() if text.endswith((";", "；")) else text


# ---------------------------------------------------------------- loose notes

# ``FN12.``: Westlaw's footnote label, printed before the number in a law article's notes
LOOSE_MARKER_RE = re.compile(  # numbers of 4+ digits open a note only where they continue the numbering
    r"^\s*(?:[注註]\s*|FN ?(?=\d))?(?:[\[【〔［](?:\^|[注註][ \t]?)?(\d{1,6})[\]】〕］]:?|(["
    + CIRCLED
    + r"])|(["
    + SUPERSCRIPT
    + r"]{1,3})\s*|[（(]\s*(\d{1,6})\s*[)）]|(\d{1,6})[.．、:：)）](?!\d)|(\d{1,6})\s)\s*"
)
# a number glued to the note (``12王某：…``, ``4Robert Jervis, …``, ``9《毛泽东选集》…``): a marker only
# when it continues the numbering, since ``5G网络…`` or ``3个月后…`` may open a note too
GLUED_MARKER_RE = re.compile(
    r"^\s*(\d{1,6})(?=[A-Z\u4e00-\u9fff\u0400-\u04ff\uac00-\ud7af《“「『\[［（(\"'])(?![年月日个世万亿%％])"
)


NOTES_HEADING_RE = re.compile(
    r"^\s*(?:注|注释|註釋|注解|脚注|尾注|附注|参考文献|參考文獻|参考资料|参考書目|参考文献一覧|引用文献|文献|"
    r"Notes?|NOTES?|Endnotes|ENDNOTES|Footnotes|References|REFERENCES|Bibliography|BIBLIOGRAPHY|Works Cited|Sources|"
    r"Reference [Ll]ist|REFERENCE LIST|(?:References|Works|Literature|Sources) [Cc]ited|Select(?:ed)? [Bb]ibliography|"
    r"Примечания|ПРИМЕЧАНИЯ|Литература|Список литературы|Сноски|주|주석|각주|참고문헌)\s*[:：.]?\s*$"
)


def loose_notes(text: str) -> list[Note]:
    """Notes copied from anywhere: one per paragraph (blank-line separated), markers optional.

    A paragraph whose lines each start with a consecutive marker is split into those notes.
    Notes are numbered by their marker, else by position; they have no page.
    """
    text = _before_end_mark(normalize_text(text).replace("\f", "\n"))  # loose notes have no pages
    text = _caret_items(_single_spaced(text))
    at = _list_heading_after_notes(text)
    notes = loose_notes(text[:at]) if at else []
    if len(notes) >= 2:
        # the list's items are numbered on after the notes, by place: their own ``[1]`` … would
        # name notes 1, 2, … (a work cited in note 2 and listed second is not cited twice in note 2)
        listed = loose_notes(text[at:])
        return notes + [replace(n, number=len(notes) + i) for i, n in enumerate(listed, 1)]
    run = numbered_run(text)
    if len(run) >= 2 and len(run) >= _numbered_at_most(text, len(run)):
        raw = _notes_of_run(text, run)  # the reading by paragraphs could not number more notes
    else:
        raw = _paragraph_reading(text)
        if len(run) >= max(sum(num is not None for num, _lines in raw), 2):
            raw = _notes_of_run(text, run)  # markers of a shape or in a place the rules above miss
    if raw:
        raw[-1] = (raw[-1][0], _without_bracketed_footer(raw[-1][1]))
    out = []
    for i, (num, lines) in enumerate(raw, 1):
        out.append(
            Note(
                page=None,
                number=num if num is not None else i,
                text=clean_spacing(join_lines(lines)),
                page_index=0,
                lines=lines,
            )
        )
    return out


# ``^ a b Smith, J. (2001)…``: a wiki's note list copied from a browser, which draws the list's
# numbers itself and so mostly leaves them out of the copy (``31. ^ …`` when it copies them); the
# caret and the letters that jump back to each place the note is cited open every note
_CARET = re.compile(r"^[ \t]*(\d{1,6}[.．][ \t]*)?\^(?:[ \t]+[a-z](?=[ \t]))*[ \t]*", re.M)


def _caret_items(text: str) -> str:
    """A pasted wiki note list with its carets taken out, each note opened by its number (the
    copied one, else its place in the list); other texts as they are."""
    if "^" not in text or len(_CARET.findall(text)) < 2:
        return text
    place = iter(range(1, text.count("^") + 1))
    return _CARET.sub(lambda m: m.group(1) or f"{next(place)}. ", text)


_BLANK_LINES = re.compile(r"\n[ \t\u3000]*\n\s*")
_STOPS_ITEM = re.compile(
    r"[。．.！？!?；;][)）”’」』\]】]?$"
)  # a note or item ends so; a title mark, a bracket may end a line
_LINE_WIDTH = 110  # characters: a printed line of Latin text is shorter, a CJK one much shorter


def _single_spaced(text: str) -> str:
    """A hard-wrapped text with a blank line after every line (a PDF viewer's copy, a double-spaced
    typescript) with the blank lines taken out: they space lines, they part no notes. Told by the
    wrapping: many paragraphs, nearly all one line no longer than a printed line, and many a line
    that does not end a sentence (nor is a number alone) followed by one that opens no note, which
    a text whose blank lines part notes or list items seldom has. Other texts are returned as they
    are."""
    if text.count("\n\n") < 6:
        return text  # the common case, decided without splitting
    paragraphs = [p.strip() for p in _BLANK_LINES.split(text) if p.strip()]
    if len(paragraphs) < 6 or sum("\n" in p or len(p) > _LINE_WIDTH for p in paragraphs) * 10 > len(paragraphs):
        return text  # paragraphs of several lines, or longer than a printed line: notes or items
    carried = sum(
        not _STOPS_ITEM.search(before)
        and not before.isdigit()
        and not LOOSE_MARKER_RE.match(line)
        and not GLUED_MARKER_RE.match(line)
        for before, line in zip(paragraphs, paragraphs[1:])
    )
    return "\n".join(paragraphs) + "\n" if carried * 4 >= len(paragraphs) else text


# the heading of a reference list (never of notes) on a line of its own: ``参考文献``, ``References``
_LIST_HEADING = re.compile(
    r"^[ \t\u3000]*(?:参考文献|參考文獻|参考文献一覧|引用文献|References|REFERENCES|Bibliography|BIBLIOGRAPHY|"
    r"Works Cited|Literature Cited|Литература|ЛИТЕРАТУРА|Список литературы|참고문헌|참고 문헌)"
    r"[ \t\u3000]*[:：]?[ \t\u3000]*$",
    re.M,
)


def _list_heading_after_notes(text: str) -> int | None:
    """``1 … 2 … 参考文献 [1] …``: notes followed by the article's reference list under its heading.
    Where that heading stands, when it is the text's first and something that may cite comes before
    it (a list alone under its heading is read as one, its own numbers kept); else None."""
    m = _LIST_HEADING.search(text)
    return m.start() if m and _CITES.search(text, 0, m.start()) else None


def _paragraph_reading(text: str) -> list[tuple[int | None, list[str]]]:
    """The notes of ``text`` read paragraph by paragraph, line by line: (number or None, lines)."""
    paragraphs = _numbers_alone_as_markers([p for p in cre.split(r"\n\s*\n", text) if p.strip()])
    raw: list[tuple[int | None, list[str]]] = []
    for para in paragraphs:
        lines = _without_page_debris(_numbers_alone_as_markers([l for l in para.split("\n") if l.strip()]))
        while lines and NOTES_HEADING_RE.match(lines[0]):
            lines = lines[1:]  # 注释： / NOTES / 参考文献 / Примечания: the section's heading, no note
        if not lines:
            continue
        last = raw[-1][0] if raw else None
        marks = _continuing([LOOSE_MARKER_RE.match(l) for l in lines], last)
        if not marks[0] and all(num is None for num, _lines in raw):
            head, lines, marks = _after_heading(lines, marks)  # 労働法研究 第12号(2021) above note 1)
            raw += [(None, head)] if head else []
        if not marks[0]:
            glued = GLUED_MARKER_RE.match(lines[0])
            if glued and int(glued.group(1)) == (last + 1 if last is not None else len(raw) + 1):
                marks[0] = glued
        raw += _paragraph_notes(*_split_run_on(lines, marks))
    return raw


# every line the paragraph reading can open a numbered note with starts (spaces aside) with one of
# these: a marker of LOOSE_MARKER_RE or GLUED_MARKER_RE, or a number alone that becomes one
_MAY_OPEN_LINE = re.compile(r"^[^\S\n]*(?:FN|[注註\[【〔［（(" + CIRCLED + SUPERSCRIPT + r"]|\d)", re.M)
_DIGITS_LINE = re.compile(r"[^\S\n]*\d{1,3}[^\S\n]*")
_INDENT = re.compile(r"[^\S\n]*")


def _numbered_at_most(text: str, enough: int | None = None) -> int:
    """An upper bound of the numbered notes :func:`_paragraph_reading` finds: the least of
    :func:`_opening_lines_at_most` and (when that one is above ``enough``)
    :func:`_distinct_numbers_at_most`."""
    run_ons = _run_on_markers(text)
    bound = _opening_lines_at_most(text, run_ons)
    if enough is None or bound > enough:
        bound = min(bound, _distinct_numbers_at_most(text, run_ons))
    return bound


def _run_on_markers(text: str) -> list[tuple[int, int]]:
    """(start, number) of each match of ``_RUN_ON_MARKER.finditer(text)``, in order."""
    out = []
    for m in _STOP_THEN_RUN_ON.finditer(text):
        digits = m.group(1) or m.group(2) or m.group(4)
        out.append((m.start() + 1, int(digits) if digits else CIRCLED.index(m.group(3)) + 1))
    return out


_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")  # as _paragraph_reading splits paragraphs
# the lines of _MAY_OPEN_LINE, the digits one opens with caught
_OPENING_NUMBER = re.compile(r"^[^\S\n]*(?:(\d+)|FN|[注註\[【〔［（(" + CIRCLED + SUPERSCRIPT + r"])", re.M)


def _distinct_numbers_at_most(text: str, run_ons: list[tuple[int, int]]) -> int:
    """An upper bound of the numbered notes :func:`_paragraph_reading` finds, by their numbers:
    in one paragraph they are numbered a, a+1, … (a note opens only on the next number), each by
    a marker there, so there are no more of them than distinct numbers those markers may give:
    the number a line opens with (a line that opens otherwise: a number of its own) and a
    run-on marker's. 4,000 notes one per line (no blank lines: one paragraph) of which a few hold
    a run-on marker that cannot continue the numbering (``1486. … (Mar. 31).``, ``1972. [26] …``)
    pass this bound where the count of lines and markers fails it by those few. Linear."""
    breaks = [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]
    seen: set[tuple[int, int]] = set()
    for m in _OPENING_NUMBER.finditer(text):
        at, digits = m.start(), m.group(1)
        # every marker of a line that opens with digits has that number; another, one of its own
        number = int(digits) if digits and len(digits) <= 6 else -1 - at
        seen.add((bisect_right(breaks, at) if breaks else 0, number))
    for at, number in run_ons:
        seen.add((bisect_right(breaks, at) if breaks else 0, number))
    return len(seen)


def _opening_lines_at_most(text: str, run_ons: list[tuple[int, int]]) -> int:
    """An upper bound, found by two scans, of the numbered notes :func:`_paragraph_reading` finds:
    the lines that open with a marker, and the run-on markers (``。(8)``) that may cut a line, less
    those inside a line's own opening marker (``1. ① …``: the ``.`` of ``1.``), which the reading
    skips (where it surely does: see the conditions below). When a numbered run is this long, the
    reading (a third of splitting a long file) is never used, so it is not done. Linear: a long
    line is never scanned once per marker."""
    count = len(_MAY_OPEN_LINE.findall(text))
    start = seen = indent = 0  # the latest marker's line: its start, where its text starts
    for at, _number in run_ons:
        line_start = text.rfind("\n", seen, at) + 1 or start
        if line_start != start or not seen:
            start, indent = line_start, _INDENT.match(text, line_start).end()  # type: ignore[union-attr]
        seen = at
        # a line's marker can only hold this position when it ends with the stop before it
        # (``1.``, ``注 12.``): near the line's start, decided by the text to one character past it
        mark = LOOSE_MARKER_RE.match(text[start : at + 1]) if at - indent <= 16 else None
        if (
            mark is not None
            and at - start < mark.end()
            and (_loose_number(mark) < 1000 or _opens_paragraph(text, start))  # else it may be dropped
            and text[indent : indent + 1] != "["  # leading_tag may change such a line
            and not _DIGITS_LINE.fullmatch(_line_before(text, start))  # a number alone joins it
        ):
            continue  # the reading looks for run-on markers after the line's marker only
        count += 1
    return count


def _opens_paragraph(text: str, start: int) -> bool:
    """The line at ``start`` is the first of its paragraph: a marker there that is dropped (a
    number of 4 digits that does not continue the numbering) leaves no earlier number in the
    paragraph, so no run-on marker is looked for on that line."""
    return start == 0 or not text[text.rfind("\n", 0, start - 1) + 1 : start - 1].strip()


def _line_before(text: str, start: int) -> str:
    """The last line with text before the line that starts at ``start`` ('' when none)."""
    end = start - 1
    while end > 0:
        begin = text.rfind("\n", 0, end) + 1
        if text[begin:end].strip():
            return text[begin:end]
        end = begin - 1
    return ""


# a post's end mark on a line of its own (``—END—``, ``- END -``, ``（完）``): what follows is the
# site's footer (source, editor, ``点击"阅读原文"``), never a note
_END_MARK = re.compile(r"^[-—–_=·• \t\u3000]*(?:END|End|[(（]?(?:全文)?完[)）]?)[-—–_=·• \t\u3000]*$", re.M)


def _before_end_mark(text: str) -> str:
    """The text up to a post's end mark, when one follows a note."""
    if "END" not in text and "End" not in text and "完" not in text:
        return text  # the common case, decided without the regex
    m = _END_MARK.search(text)
    return text[: m.start()] if m and text[: m.start()].strip() else text


def _continuing(marks: list, last: int | None) -> list:
    """Marks of 4 or more digits (``2020 年…``, ``2016. Smith``: years) only where they continue
    the numbering (note 1000 after 999), so a long list keeps every note and a year opens none."""
    out = []
    for m in marks:
        n = _loose_number(m) if m else None
        if n is not None and n >= 1000 and n != (last or 0) + 1:
            m, n = None, None
        out.append(m)
        last = n if n is not None else last
    return out


_CITES = re.compile(r"\d|[《「『“\"]|https?://")
# a title or running head: short, no sentence stop or list comma at its end (a note ends with one)
_HEADING_LINE = re.compile(r"^.{1,60}(?<![。．.，,、；;：:])$")


def _after_heading(lines: list[str], marks: list) -> tuple[list[str], list[str], list]:
    """A paragraph that opens with unmarked lines and then numbers its notes 1, 2, …: the lines
    before note 1 are a heading (a journal's title and issue, a running head, a chapter title),
    dropped, or when they read like a note (long, or a sentence stop at the end), a note of their
    own; either way not the start of note 1, else the whole page would become one note.
    Returns (the note before note 1 or [], the lines from note 1 on, their markers)."""
    at = next((i for i, m in enumerate(marks) if m and _loose_number(m) == 1), None)
    if at is None or not any(m and _loose_number(m) == 2 for m in marks[at + 1 :]):
        return [], lines, marks
    head = lines[:at]
    if len(head) <= 3 and all(_HEADING_LINE.match(l.strip()) for l in head):
        head = []
    return head, lines[at:], marks[at:]


def _without_page_debris(lines: list[str]) -> list[str]:
    """A paragraph's lines less a site's link lines (``CrossRef  Google Scholar``) and a PDF's page
    furniture (folios, running heads), which would glue two reference-list items together."""
    furniture = page_furniture(lines) if len(lines) > 2 else set()
    return [
        leading_tag(l) for i, l in enumerate(lines) if i not in furniture and not debris_line(l) and not page_of_line(l)
    ]


def _notes_of_run(text: str, run: list) -> list[tuple[int | None, list[str]]]:
    """The notes a numbered run marks; what comes before its first marker is read as above."""
    head = text[: run[0].start]
    first = _note_one_after_heading(head) if run[0].number == 2 else None
    if first is not None:
        head, first_lines = head[: first[0]], first[1].split("\n")
    # what stands before note 1 is a heading (``Chapter 1``) or page debris (``向上滑动阅览``) unless
    # it could cite
    notes: list[tuple[int | None, list[str]]] = []
    if head.strip():
        notes = [(None, n.lines) for n in loose_notes(head) if _CITES.search(n.text) and not _between_notes(n.text)]
    notes += [(1, first_lines)] if first is not None else []
    tail = cre.split(r"(\n\s*\n)", text[run[-1].end :])  # paragraphs after the last marker
    while len(tail) > 2 and not _CITES.search(tail[-1]):
        del tail[-2:]  # ``—END—``, a site's footer: nothing a note would cite
    ends = [m.start for m in run[1:]] + [run[-1].end + len("".join(tail))]
    parts = [text[marker.end : end].split("\n") for marker, end in zip(run, ends)]
    flat = [line for part in parts for line in part]
    furniture = page_furniture(flat)
    # notes set off by blank lines: a paragraph without a marker is a note of its own, as above
    paragraphed = 2 * sum(_after_blank_line(text, m.start) for m in run) >= len(run)
    at = 0
    for marker, part in zip(run, parts):
        number: int | None = marker.number
        kept: list[str] = []
        for i, line in enumerate(part, at):
            if not line.strip() and paragraphed and kept:
                notes.append((number, kept))
                number, kept = None, []
            elif line.strip() and (i not in furniture or i == at) and not _between_notes(line):
                kept.append(line)
        if kept or number is not None:
            notes.append((number, kept or [""]))
        at += len(part)
    return notes


# a line wholly in brackets: ``(本文原载《音乐艺术》2022年第1期，转载时注释有删节。)``, ``（责任编辑：周某）``
_BRACKETED_LINE = re.compile(r"\s*(?:\([^()]*\)|（[^（）]*）)\s*")


def _without_bracketed_footer(lines: list[str]) -> list[str]:
    """The last note's lines less a post's footer after it: lines wholly in brackets that follow
    a line ending the note with a sentence stop (a wrapped note runs on without one)."""
    end = len(lines)
    while end > 1 and _BRACKETED_LINE.fullmatch(lines[end - 1]) and lines[end - 2].rstrip()[-1:] in "。.!?！？":
        end -= 1
    return lines[:end]


def _between_notes(line: str) -> bool:
    """A line that stands between notes and is none of their text: a site's links and counts, a
    viewer's page counter, a chapter's heading (``Chapter 2``: a book's notes by chapter)."""
    return debris_line(line) or page_of_line(line) or is_section_heading_spaced(line)


# ``2 The Thirty-Eighth Parallel and After 1. Allan R. Millett, …``: a book's endnotes run together
# on one line, the chapter's number and title before note 1's marker
_NOTE_ONE_IN_LINE = re.compile(r"(?<=[^\S\n])1[.．][ \t]+(?=\S)")


def _note_one_after_heading(head: str) -> tuple[int, str] | None:
    """Where the line holding note 1 starts and note 1's text, when a heading (short, no sentence
    stop: a chapter's number and title; or a short heading and its colon, ``注释:1…``) stands before
    its marker on that line; else None."""
    line_start = head.rfind("\n", 0, len(head.rstrip())) + 1
    glued = _HEADING_COLON_ONE.match(head, line_start)
    if glued:  # 参考注释:1王治来:…: a heading and its colon, note 1's number glued to its text
        return line_start, head[glued.end() :].rstrip()
    m = _NOTE_ONE_IN_LINE.search(head, line_start)
    if m is None or not _HEADING_LINE.match(head[line_start : m.start()].strip() or "。"):
        return None
    return line_start, head[m.end() :].rstrip()


_HEADING_COLON_ONE = re.compile(r"[ \t\u3000]*[^\s\d。.，,:：《“\"]{1,12}[:：][ \t\u3000]*1(?![\d年月日.．、)）])")


_BLANK_LINE_END = re.compile(r"\n[ \t\u3000]*\n[ \t\u3000]*\Z")


def _after_blank_line(text: str, at: int) -> bool:
    """The marker at ``at`` opens a paragraph: a blank line (or the text's start) comes before it."""
    window = text[max(0, at - 40) : at]
    return bool(_BLANK_LINE_END.search(window)) or (at <= 40 and not window.strip())


# a line that opens with a marker few texts open with (``[7]``, ``⑦``, ``⁷``, ``(7)``, ``7)``, ``7. ``)
_MARKED_LINE = re.compile(
    r"\s*(?:[\[【〔［(（]?\d{1,3}[\]】〕］)）]|\d{1,3}[.．][ \t]|[" + CIRCLED + SUPERSCRIPT + "])"
)


def _numbers_alone_as_markers(items: list[str]) -> list[str]:
    """``1`` / ``Иванов А.В. …``: a note's number printed alone, as a line or a paragraph of its own
    (e-book pages, a margin column), is the marker of the line or paragraph after it; two numbers in
    a row leave the first as it was, and so does a line that has a marker of its own (the number is
    then a folio)."""
    out: list[str] = []
    number = None
    for item in items:
        if cre.fullmatch(r"\s*\d{1,3}\s*", item):
            if number is not None:
                out.append(number)
            number = item.strip()
            continue
        if number is not None and _MARKED_LINE.match(item):
            out.append(number)  # ``152`` / ``⁷Yonhap…``: the line has its marker, the number is a folio
            number = None
        out.append(f"{number} {item.lstrip()}" if number is not None else item)
        number = None
    if number is not None:
        out.append(number)
    return out


# ``…、7面。(8) 同上。``, ``…12頁。 4) 中山…``: two notes run onto one line (a PDF's short notes); the
# second marker must continue the numbering; a bare ``4)`` only after a space and a stop that ends
# no number (``(검색일: 2020.5.10)``)
_RUN_ON_MARKER = re.compile(
    r"(?<=[。.])[\s\u3000]*(?=(?:[（(](\d{1,3})[)）]|\[(\d{1,3})\]|([" + CIRCLED + r"]))\s*\S)"
    r"|(?<=[。.])(?<!\d\.)[\s\u3000]+(?=(\d{1,3})\)\s*\S)"
)
# _RUN_ON_MARKER with the stop it follows taken in, not looked behind at: the engine jumps from
# stop to stop instead of trying the pattern at every character (a long file's scan ~3x faster);
# each match is one of _RUN_ON_MARKER's, started a character earlier, with the same groups
_STOP_THEN_RUN_ON = re.compile(
    r"[。.](?:[\s\u3000]*(?=(?:[（(](\d{1,3})[)）]|\[(\d{1,3})\]|([" + CIRCLED + r"]))\s*\S)"
    r"|(?<!\d\.)[\s\u3000]+(?=(\d{1,3})\)\s*\S))"
)


def _split_run_on(lines: list[str], marks: list) -> tuple[list[str], list]:
    """Lines cut where a run-on note starts: the next number after a full stop, on a line of its
    own or on a continuation line (``…第233页。　③上书，…``)."""
    out_lines, out_marks = [], []
    last = None  # the number of the latest note
    for line, m in zip(lines, marks):
        if m is not None:
            last = _loose_number(m)
        start, begin = 0, m.end() if m else 0
        for run in _RUN_ON_MARKER.finditer(line, begin) if last is not None else ():
            digits = run.group(1) or run.group(2) or run.group(4)  # ``(8)``, ``[8]``, ``8)``
            number = int(digits) if digits else CIRCLED.index(run.group(3)) + 1
            if number == last + 1:
                out_lines.append(line[start : run.start()])
                out_marks.append(m if start == 0 else LOOSE_MARKER_RE.match(out_lines[-1]))
                start, last = run.start(), number
        out_lines.append(line[start:])
        out_marks.append(m if start == 0 else LOOSE_MARKER_RE.match(line[start:]))
    return out_lines, out_marks


def _paragraph_notes(lines: list[str], marks: list) -> list[tuple[int | None, list[str]]]:
    """One paragraph's notes: a line opens a new note when its marker continues the numbering
    (``4 …`` then ``5 …``); a line that merely starts with a number (``9 页。`` after a stray
    break in ``第\n9 页``) continues the note before it."""
    first = marks[0]
    current: tuple[int | None, list[str]] = (
        _loose_number(first) if first else None,
        [lines[0][first.end() :] if first else lines[0]],
    )
    notes = [current]
    # a list is numbered when its first line is, or two markers follow each other; ``232 MIGRATION
    # AND LABOUR MARKETS`` (a running head) inside an author-date list does not number it
    numbered = [_loose_number(m) for m in marks if m]
    unnumbered = not first and not any(b == a + 1 for a, b in zip(numbered, numbered[1:]))
    for line, m in zip(lines[1:], marks[1:]):
        if not m and current[0] is not None:
            m = GLUED_MARKER_RE.match(line)  # 2颜惠民：… after 1《…》: glued, yet the next number
        if m and current[0] is not None and _loose_number(m) == current[0] + 1:
            current = (_loose_number(m), [line[m.end() :]])
            notes.append(current)
        elif unnumbered and (
            (_ITEM_END.search(site_debris(current[1][-1])) and _ITEM_HEAD.match(line := _past_folio(line)))
            or opens_item(current[1][-1], line)
        ):
            current = (None, [line])  # a reference list pasted one item per line, no numbers
            notes.append(current)
        else:
            current[1].append(line)
    return notes


def _past_folio(line: str) -> str:
    """``32 International Monetary Fund. (2023). …``: in an unnumbered list a number before an
    item's head is the PDF's folio (printed alone, then read as the next line's marker), not text."""
    folio = _FOLIO_BEFORE.match(line) if line[:1].isdigit() else None
    return line[folio.end() :] if folio and _ITEM_HEAD.match(line[folio.end() :]) else line


_FOLIO_BEFORE = re.compile(r"\d{1,4} (?=\S)")


# an unnumbered reference-list item ends with a full stop, a URL or a DOI; the next one opens with
# an author (``Allison, G. (2017)``, ``Keohane R O, Nye J S.``, ``费孝通. 乡土中国``) or a title mark
_ITEM_END = re.compile(r"(?:[.。][)）]?|https?://\S+|10\.\d{4,9}/\S+)\s*$")
_ITEM_HEAD = re.compile(
    r"^\s*(?:[A-Z][\w'’\-‐‑]+(?:\s+[A-Z][\w'’\-‐‑]+){0,3},\s*(?:[A-Z]|&)|[A-Z][\w'’\-‐‑]+\s+[A-Z]{1,3}[,.]\s"
    r"|(?:[A-Z][\w'’\-‐‑]+|(?:[A-Z]\.){2,3})(?:\s+(?:[A-Z][\w'’\-‐‑]+|of|for|and|on|in|the|de)){0,6}\.?\s*"
    r"\((?:1[5-9]|20)\d\d[a-z]?(?:,\s*[A-Z][a-z]+(?:\s+\d{1,2})?)?\)"  # World Health Organization. (2020, March 18).
    # (U.S. Government Accountability Office. (2021, June).: an initialism opens the name)
    r"|[\u4e00-\u9fff\uac00-\ud7af·]{2,15}(?:[、，,][\u4e00-\u9fff\uac00-\ud7af·]{2,8})*\s*(?:等\s*)?[.．，,:：]\s*"
    r"[\u4e00-\u9fff\uac00-\ud7af《“「『(（\d]|[《「『“\"]"  # 费孝通. 乡土中国, 송방송. 2007. 『…』
    r"|[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s+[А-ЯЁ]\.\s?(?:[А-ЯЁ]\.\s)?"  # Абашин С. Н. (GOST: surname, initials)
    r"|(?:[\u3005\u3040-\u30ff\u4e00-\u9fff・·＝=]{2,30}|[―—－-]{2,})\s*(?:編|編著|著|监修|監修)?\s*[（(](?:1[5-9]|20)\d\d)"  # 青山昌彦 (2008)『…』, ―― (2007)
)


def _loose_number(m: re.Match) -> int:
    # one group of a marker regex takes part: the number's (``lastindex``), else 2 (circled) or
    # 3 (superscript) of LOOSE_MARKER_RE; called several times per line of a long file
    at = m.lastindex or 1
    if at == 2 or at == 3:
        if m.re is not GLUED_MARKER_RE:
            return CIRCLED.index(m.group(2)) + 1 if at == 2 else int(m.group(3).translate(_SUP_TABLE))
    return int(m.group(at))
