"""Segmentation by evidence: which stretches of a note are citations and which are commentary.

A lead-in list (参见, see) cannot know every way an author introduces a source (``这些成果主要有：``,
``关于两者的区别，可以参考``, ``Refer to``, ``…: see``). Instead each stretch is scored by how
citation-like it is — title marks, an author before a colon and a title, an imprint, a year, a
page, a URL, a quoted Western title, volume and issue — against signs of prose (function words,
verbs of opinion). :func:`citation_start` finds where the citation of a stretch begins (the prose
before it is dropped), :func:`sentences` splits a note at a ``。`` / ``. `` after which a new
citation starts (``…第 5 页。王某：《…》…``).
"""

from __future__ import annotations

import re

from annobib.extract import rx as cre

_HAN = r"\u4e00-\u9fff"
_EVIDENCE: tuple[tuple[re.Pattern, int], ...] = (
    (re.compile(r"[《「『〈][^》」』〉]{1,200}[》」』〉]"), 3),
    # a quoted title; a Han term of a few words in quotes (关于“英国学派”的梳理) is a word of the prose
    (re.compile(r"[“\"](?![\u4e00-\u9fff]{1,12}[”\"])[^”\"]{4,300}[,，.]?[”\"]"), 2),
    (re.compile(r"https?://|www\."), 3),
    (re.compile(r"出版社|書店|书局|出版|Press|Verlag|Publish|Books\b|University|大学"), 2),
    (re.compile(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)"), 1),
    (re.compile(r"第\s*\d+\s*[页頁期卷辑版号]|\d+\s*[頁쪽]|\bpp?\.\s*\d|\bVol\.|\bNo\.\s*\d|[СC]\.\s*\d"), 2),
    (re.compile(r"\[(?:J|M|N|D|C|R|A|EB/OL|Z|S|P)\]"), 3),
    (re.compile(r"(?:^|[，,。；;])\s*[^，,。：:《》]{1,20}[：:]\s*[《「『]"), 2),
    (re.compile(r"\b(?:eds?\.|ed\. by|edited by|trans\.|translated by)[,\s]"), 2),
    (
        re.compile(r"[A-Z][a-z]+(?:,\s*[A-Z]{2}|,\s*[A-Z][a-z]+\.)?\s*:\s*[A-Z][\w&.'’ ]{1,60},\s*(?:1[5-9]|20)\d\d"),
        3,
    ),  # Place: Publisher, 1999
)
# Signs of prose, Chinese and English apart: each alternative opens with a literal character, so
# the regex engine skips to the places where one can start instead of trying every position. A
# Han word and an English word never overlap, so the two counts add up to the count of the union.
_PROSE_HAN = re.compile(
    r"的|了|吗|呢|认为|指出|主要有|包括|区别|讨论|问题|观点|例如|比如|可以|值得|需要|笔者|本文|作者|学界|学者|研究成果|相关研究|所谓"
    r"|は、|については|詳しくは|詳細は|であり|である"  # Japanese prose (中国側の議論については、…)
)
# \b(?:is|are|…)\b, written with the start boundary after the first letter (``(?<!\w.)``: no word
# character before it) so that every alternative still opens with a literal
_PROSE_EN = re.compile(
    "(?:"
    + "|".join(
        w[0] + r"(?<!\w.)" + w[1:]
        for w in r"is are was were this that these those argues? discuss(?:es)? details critique overview we our".split()
    )
    + r")\b"
)


# a part of each word of _PROSE_EN (a test checks them): a text holding none skips the regex, which
# tries every i, a, w, t, d, c and o of a note (Chinese notes seldom hold any of these words)
_PROSE_EN_PARTS = ("is", "are", "was", "we", "th", "argue", "discuss", "details", "critique", "overview", "our")


def _may_be_prose_en(text: str) -> bool:
    for w in _PROSE_EN_PARTS:
        if w in text:
            return True
    return False


def _has_prose(text: str, end: int) -> bool:
    # _PROSE_HAN's words are Han: ASCII text (a flag, not a scan) holds none
    if not text.isascii() and _PROSE_HAN.search(text, 0, end):
        return True
    return _may_be_prose_en(text) and _PROSE_EN.search(text, 0, end) is not None


def citation_score(span: str) -> int:
    """Evidence that ``span`` cites a work (positive) or is prose (negative)."""
    score = sum(weight for rx, weight in _EVIDENCE if rx.search(span))
    return score - _prose_penalty(span)


def _prose_penalty(span: str) -> int:
    han = 0 if span.isascii() else len(_PROSE_HAN.findall(span))
    return min(3, han + len(_PROSE_EN.findall(span)) if _may_be_prose_en(span) else han)


# the weight of each evidence pattern and of all those after it: what the rest can still add
_EVIDENCE_LEFT = tuple(sum(w for _rx, w in _EVIDENCE[k:]) for k in range(len(_EVIDENCE)))


def score_at_least(span: str, least: int) -> bool:
    """``citation_score(span) >= least``, reading only the evidence that decides it: the callers
    compare the score with a bound, and most spans are decided by two or three of the ten patterns
    (once the bound is reached, or once the patterns left cannot reach it)."""
    need = least + _prose_penalty(span)
    got = 0
    for (rx, weight), left in zip(_EVIDENCE, _EVIDENCE_LEFT):
        if got >= need or got + left < need:
            break
        if rx.search(span):
            got += weight
    return got >= need


# A citation opens with an author before a colon and a title, a title mark, a Western name and a
# comma, or a GB/T-style ``Family Given. Title``; a lead word may stand before it.
# 另可参见 / 亦可参见: up to two modifiers before the verb (citations.LEAD_IN_RE reads them alike)
_LEAD_WORDS = (
    r"(?:(?:(?:(?:可以|可|请|另|亦|也|还|均|具体|详细|更多)\s*){0,2}(?:参\s*考|参\s*照|参\s*见|参\s*阅|参\s*看|详\s*见|见于?)"
    r"|例如|比如|诸如|譬如|如)\s*[：:]?\s*)"
)
_OPENS = re.compile(
    rf"{_LEAD_WORDS}?(?=(?:[\[［〔（(][{_HAN}]{{1,3}}[\]］〕）)]\s*)?[^，,。：:；;《》“”]{{1,30}}[：:]\s*[《「『“])"
    rf"|{_LEAD_WORDS}?(?=[《「『])"
    rf"|{_LEAD_WORDS}(?=[A-Z][\w'’\-]+(?:\s+[A-Z][\w.'’\-]*){{0,3}},\s*[“\"A-Z])"  # 亦可参看 Marta Lin, “…”
    r"|(?:(?:Refer|refer)\s+to|(?:See|see)(?:\s+also)?|(?:Cf|cf)\.)\s*[:,]?\s*(?=[A-Z“\"])"
    r"|(?<=[\u4e00-\u9fff])(?=[A-Z][a-z]+(?:\s+[A-Z]\.)*(?:\s+[A-Z][\w'’\-]+){1,2}(?:,|\s+and\s))"  # …代表性的是Nicholas Bayne and …
    rf"|(?<=、)(?=[{_HAN}々]{{2,10}}(?:・[{_HAN}々]{{2,10}})*[『「])"  # 詳しくは、白川方明『…』: a Japanese author after 、
    r"|(?<=[：:])(?=[A-Z])|(?<=[：:]\s)(?=[A-Z])"  # 所谓“…”裁决：The South China Sea Arbitration …: after a remark's colon
)
# a lead word inside what looks like an author (类似现象亦见于欧阳静：《…》), or a clause naming what
# follows (较有代表性的是罗某：《…》, 代表作有…, 研究者有…): the author follows it
_LEAD_INSIDE = re.compile(r".*(?:见于|参见|参考|参阅|详见|转引自|引自|可见|亦见|也见|另见|[的作者][是有])\s*")
# (the lookahead in front: a position where none of the three can open is passed over by one class
# test instead of by trying each alternative, two of which open with a lookbehind)
_BOUNDARY = re.compile(
    r"(?=[，,：:。；;、可请参详A-Z\s])(?:[，,：:。；;、]\s*|(?<=[\u4e00-\u9fff])(?=(?:可以|可|请)?\s*(?:参\s*考|参\s*照|参\s*见|参\s*阅|详\s*见))"
    r"|(?<=[\u4e00-\u9fff])(?=[A-Z][a-z]))"
)


# what _OPENS needs in ASCII text (its other openings need title marks, curly quotes or Han)
_ASCII_OPENERS = ("See", "see", "efer", "Cf.", "cf.")


def _has_any(text: str, words) -> bool:
    for w in words:
        if w in text:
            return True
    return False


_PAIRS = ("《》", "〈〉", "“”", "（）", "()")


def citation_start(text: str) -> int:
    """Where the citation of ``text`` begins: 0 unless a prefix that reads as prose (no evidence of
    a citation, ending at a comma or colon) stands before a place where a citation opens."""
    if text.isascii() and not _has_any(text, _ASCII_OPENERS):
        return 0  # in ASCII text only a See / Refer to / Cf. can open a citation (_OPENS)
    if not _has_prose(text, 160):
        return 0  # commentary is prose: without a prose word there is nothing to cut
    pairs = [p for p in _PAIRS if p[0] in text or p[1] in text]  # the marks a prefix could leave open
    for b in _BOUNDARY.finditer(text):
        cut = b.end()
        if cut >= len(text) - 4 or cut > 160:
            break
        prefix = text[:cut]
        if pairs and any(prefix.count(a) != prefix.count(b) for a, b in pairs):
            continue
        m = _OPENS.match(text, cut)
        if not m:
            continue
        if not score_at_least(prefix, 0) and score_at_least(text[cut:], 3):
            start = m.end() if m.end() > cut else cut
            colon = cre.match(r"[^，,。：:《]{1,30}(?=[：:]\s*[《「『“])", text[start:])
            lead = _LEAD_INSIDE.match(colon.group(0)) if colon else None
            return start + lead.end() if lead else start
    return 0


_NEW_CITATION = re.compile(
    rf"(?:(?:此外|另外|再者)\s*[，,]\s*)?(?:[\[［〔（(][{_HAN}]{{1,3}}[\]］〕）)]\s*)?[{_HAN}·]{{2,12}}(?:[、和][{_HAN}·]{{2,12}})*(?:\s*等)?\s*(?:主编|编著|编|著)?[：:]\s*[《「『]"
    r"|[A-Z][a-z]+(?:\s+[A-Z]\.)*(?:\s+[A-Z][a-z'’\-]+){1,2},\s*[“\"]"
    rf"|[{_HAN}々・]{{2,12}}(?:編著|編|著)?『"  # 。猪口孝『…』: a Japanese author's name runs into the title
)


def _new_citation_at(text: str, j: int, end: int) -> bool:
    """``bool(_NEW_CITATION.match(text, j, end))``, the regex run only where it can match: its
    Chinese opening needs a colon before the title, its Western one a capital first, its Japanese one
    a 『 within a name's length."""
    if (
        "A" <= text[j : j + 1] <= "Z"
        or text.find("：", j, end) >= 0
        or text.find(":", j, end) >= 0
        or text.find("『", j, j + 16) >= 0
    ):
        return _NEW_CITATION.match(text, j, end) is not None
    return False


# 此外，可参考吴启鸣前引文 / 王一帆也持相似看法，参见王一帆：前引文: a back-reference after a full stop
_BACKREF_AHEAD = re.compile(r"[^。.]{0,40}?(?:前引|前揭|前掲)(?:书|文|書|論文)?|(?:Ibid|Id)\.")
# 此外，亦可参见资中明：《…》 / 另参见《…》: a lead word after a full stop opens the next citation
# 此外，关于明代的货币，可参看…: the topic named before the lead word
_LEAD_AHEAD = re.compile(
    rf"(?:(?:此外|另外|同时|再者)\s*[，,]?\s*)?(?:(?:关于|对于|有关)[^。；;，,《》]{{1,30}}[，,]\s*)?"
    rf"{_LEAD_WORDS}(?=[^。；;]{{0,40}}[《「『“])"
)
# the characters _LEAD_AHEAD can open with (a test checks them against the regex)
_LEAD_AHEAD_FIRST = frozenset("此另同再可请亦也还均具详更参见例比诸譬如关对有")
# ``… 1:1–5. On the phrase "liujing jie shi", see also Yu Ying-shih, …``: a sentence that turns to
# another work with a "see (also)" after a few words of its own opens a citation (its words are cut
# as commentary later)
_SEE_AHEAD = re.compile(r"[A-Z][^.;()]{0,120}?(?:,\s*|\s)(?:see also|see|cf\.)\s+[A-Z“\"]")
_SEE_AHEAD_FIRST = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _see_ahead(text: str, j: int, end: int) -> bool:
    """``_SEE_AHEAD.match(text, j, end)``, tried only when a ``see`` / ``cf.`` is near (a sentence
    of English notes opens with a capital at most of its stops: ``A. B. Author``, ``Vol. 2``)."""
    near = min(end, j + 140)
    if text.find("see", j, near) < 0 and text.find("cf.", j, near) < 0:
        return False
    return _SEE_AHEAD.match(text, j, end) is not None


# a stop and the whitespace after it (``\s`` and :meth:`str.isspace` agree): the next sentence opens at its end
_STOP = re.compile(r"(?:。|\.(?= ))\s*")
# …第9-31页。Aaron L. Friedberg, A Contest for Supremacy, New York: …: after a Chinese full stop a
# Western name, a comma and a capitalised word open an unquoted Western citation (with its own evidence)
_WESTERN_AFTER_CJK_STOP = re.compile(r"[A-Z][a-z]+(?:\s+[A-Z]\.)*(?:\s+[A-Z][a-z'’\-]+){1,2},\s*[A-Z]")
_OPENERS, _CLOSERS = "《「『（(“[［", "》」』）)”]］"
# …, 330. For a contrasting view, see Louis Ferrante, “…” / …С. 41. Ср.: Панкратов А. Н. …: a sentence
# that opens with a signal (see, cf., См., Ср.), perhaps after a short topic, cites a new work
_SEE_AHEAD = re.compile(
    r"(?:(?:For|On|In|About|Regarding)\s+(?:a|an|the|this|that|his|her|their|more|further)\s+[^,;:.]{2,60}?,?\s+)?"
    r"(?:[Ss]ee(?:\s+also)?|[Cc]f\.|Compare)[,:]?\s+(?=[A-Z“\"])"
    r"|(?:См\.(?:\s+также)?|Ср\.)\s*:?\s*(?=[А-ЯЁ«])"
)
_SEE_AHEAD_FIRST = frozenset("FOIARSsCcС")
# …, 330. / … op. cit., 850. / … С. 41.: what stands before such a sentence ends with its cited page
_ENDS_WITH_PAGE = re.compile(r"(?:(?:,|\b[pPСC]\.)\s*\d+(?:\s*[-–~]\s*\d+)?|\d+\s*[쪽頁页])\s*$")
# …155쪽. 이에 대한 반론으로는 Ji-hoon Yoo, "…": a Korean clause introducing a Western citation (the
# clause is commentary: the next citation opens at the name)
_KOREAN_LEAD_WESTERN = re.compile(
    r"[\uac00-\ud7af][\uac00-\ud7af ]{0,40}?[\uac00-\ud7af]\s+"
    r"(?=[A-Z][a-z]+(?:-[a-z]+)?(?:\s+[A-Z][\w'’\-]+){1,2},\s*[“\"A-Z])"
)


# one scan each for the openers and the closers (``str.count`` per mark was 14 scans)
_OPENER_RE = re.compile("[" + re.escape(_OPENERS) + "]")
_CLOSER_RE = re.compile("[" + re.escape(_CLOSERS) + "]")


_MARK_RE = re.compile("[" + re.escape(_OPENERS + _CLOSERS) + "]")


def _depth(text: str) -> int:
    return len(_OPENER_RE.findall(text)) - len(_CLOSER_RE.findall(text))


# Evidence is read in a window next to each boundary: a citation is shorter than this, and scoring
# whole tails at every boundary would make a long note quadratic.
_WINDOW = 400


_CITATION_END = frozenset("0123456789)]")
_LOWER_WORD = re.compile(r"(?<![\w'’])[a-z][a-z'’]+")
_CAPITAL_WORD = re.compile(r"(?<![\w'’])[A-Z][\w'’]*")
_DIGIT = re.compile(r"\d")
# ``…, 106. `` / ``…, 301-3. ``: a cited page (no year) closes the sentence before
_PAGE_BEFORE_STOP = re.compile(r",\s*(?!(?:1[5-9]|20)\d\d\.)\d{1,4}(?:\s*[-–]\s*\d{1,4})?\.\s*$")


def _english_prose_at(text: str, j: int, end: int) -> bool:
    """``…, 3 May 1872, 1. The editorial is unsigned but was …``: English comment opens at ``j`` and
    runs on (a capital, then at least two more signs of prose than of a citation in the rest of the
    window), so the citation before it ends at the stop. An APA title sentence is followed by its
    journal, publisher or URL, which outweigh the prose words of the title."""
    if not ("A" <= text[j : j + 1] <= "Z"):
        return False
    rest = text[j:end]
    if _has_prose(rest, len(rest)) and not score_at_least(rest, -1):
        return True
    # the note's last sentence, of mostly lower-case words and no sign of a citation (a title is
    # capitalized, an APA title in sentence case is followed by its source): the author's remark on
    # the source just cited
    if end < len(text) or ". " in rest:
        return False
    after_page = _PAGE_BEFORE_STOP.search(text, max(0, j - 16), j) is not None  # …, 106. The translation is mine.
    return (mostly_lower_case(rest) or after_page and _short_remark(rest)) and not score_at_least(rest, 1)


def _short_remark(text: str) -> bool:
    """``The translation is mine.`` / ``Emphasis in original.``: a short closing sentence of lower-case
    words after its capital, no digit (a title or a name is capitalized, a short form has a page)."""
    words = text.split()
    return (
        2 <= len(words) <= 8
        and len(_CAPITAL_WORD.findall(text)) == 1
        and len(_LOWER_WORD.findall(text)) == len(words) - 1
        and not _DIGIT.search(text)
    )


def mostly_lower_case(text: str) -> bool:
    """Eight lower-case words or more, three for each capitalized one: a sentence of prose (titles
    and names are capitalized; an APA title in sentence case is followed by its source)."""
    lower = len(_LOWER_WORD.findall(text))
    return lower >= 8 and lower >= 3 * len(_CAPITAL_WORD.findall(text))


def sentences(text: str) -> list[str]:
    """Split a note at a top-level ``。`` (or ``. ``) after which a new citation begins, when what
    stands before is a citation of its own."""
    body = text.rstrip()
    if "。" not in body[:-1] and ". " not in body:
        # no stop with text after it: only a final stop (never split at) or none
        return [text] if body else []
    out: list[str] = []
    start = depth = counted = 0
    n = len(text)
    for m in _STOP.finditer(text):
        i, j = m.span()
        if j == n:
            continue  # the note's final stop (the nesting need not be counted for it)
        # nesting so far, counted once per character
        marks = _MARK_RE.findall(text, counted, i)
        if marks:  # one scan for both kinds: each opener counts +1, each closer -1
            depth += 2 * sum(map(_OPENERS.__contains__, marks)) - len(marks)
        counted = i
        if depth > 0:
            continue
        end = j + _WINDOW  # the regexes read the window in place (none looks behind its start)
        if (
            (
                _new_citation_at(text, j, end)
                or (text[j : j + 1] == "I" or text.find("前", j, end) >= 0)
                and _BACKREF_AHEAD.match(text, j, end)
                or text[j : j + 1] in _LEAD_AHEAD_FIRST
                and _LEAD_AHEAD.match(text, j, end)
                or citation_start(text[j:end]) > 0
                or text[j : j + 1] in _SEE_AHEAD_FIRST
                and _see_ahead(text, j, end)
                or (text[i] == "。" and _WESTERN_AFTER_CJK_STOP.match(text, j, end) and score_at_least(text[j:end], 3))
            )
            and score_at_least(text[max(start, i - _WINDOW) : i], 4)
            or text[i] == "."
            and text[i - 1 : i] in _CITATION_END  # a page, year or bracket closes the citation
            and _english_prose_at(text, j, end)
            and score_at_least(text[max(start, i - _WINDOW) : i], 1)
        ):
            out.append(text[start : i + 1])
            start = j
        elif (
            text[j : j + 1] in _SEE_AHEAD_FIRST
            and _SEE_AHEAD.match(text, j, end)
            and _ENDS_WITH_PAGE.search(text, max(start, i - 24), i)
            and score_at_least(text[j:end], 3)
        ):
            out.append(text[start : i + 1])
            start = j
        elif "\uac00" <= text[j : j + 1] <= "\ud7af" and _ENDS_WITH_PAGE.search(text, max(start, i - 24), i):
            lead = _KOREAN_LEAD_WESTERN.match(text, j, end)
            if lead and score_at_least(text[lead.end() : end], 3):
                out.append(text[start : i + 1])
                start = lead.end()
    out.append(text[start:])
    return [s for s in out if s.strip()]


# An original and its translation in one note: ``…, 2004, p. 5（ジョセフ・ナイ『…』山岡洋介訳、
# 日本経済新聞社、2005年、10頁）`` / ``… Cambridge University Press. (=2012, 池村千春訳『…』NTT出版.)``.
_TRANSLATION_IN_BRACKETS = re.compile(
    r"(?<=[\w.,)\]])\s*[（(]\s*(?:=\s*(?P<year>(?:1[5-9]|20)\d\d)\s*[,，、]\s*)?"
    r"(?P<tr>(?:[^（()）]|[（(][^（()）]*[)）])+?)"
    r"[)）]\s*(?:[、，,]\s*(?P<loc>[^（()）、，,。]{1,12}?))?\s*[。.]?\s*$"  # …)、38頁。: the translation's page
)
# また、…『…』…も参照。: "see also" in Japanese, a second citation after the first one's full stop
_JA_ALSO = re.compile(r"(?<=[.。])\s*(?:また|なお|さらに)[、，]\s*(?=[^。]{0,60}[『「])")
# 松井孝『…』（…）、同『…』: a second work by the same author (同), cited after the first
_JA_SAME_AUTHOR = re.compile(r"(?<=[）)』」])\s*[、，,]\s*同(?=\s*[『「《])")
# …、40-48頁、および蘇長和『…』: a second citation joined by "and" (および, 及び, ならびに)
_JA_AND_NEXT = re.compile(r"[、，,]\s*(?:および|及び|ならびに|並びに)\s*(?=[^。、，,『「]{0,20}[『「])")
_NOTEREF_LIST = re.compile(r"、(?=[^、，。；]{0,20}?(?:前掲注|前揭注|前引注))")
_JA_SEE_TAIL = re.compile(r"\s*(?:など)?(?:も|を)?参照(?:のこと|されたい)?\s*[。.]?\s*$")


# The reverse, in Japanese reference lists: ``…森本隆訳、筑摩書房（Brown, S. (2004) Factory and
# Society, London: Routledge）``: a translation with its Western original in brackets (a year and a
# capitalised word in them, one level of inner brackets allowed)
_ORIGINAL_IN_BRACKETS = re.compile(
    r"[（(](?P<orig>[A-Z][^（()）]*(?:[(（][^（()）]*[)）][^（()）]*)*)[)）]\s*[。.]?\s*$"
)


# ``…(岩波書店、2001年)。原著はLouise Young, …`` / ``…, 112. 邦訳はハルオ・シラネ(…訳)『…』…``: after a
# citation's full stop, "the original is" / "the Japanese translation is" opens the other edition's
# citation
_JA_OTHER_EDITION_IS = re.compile(
    r"(?<=[.。])\s*(?:(?:原著|原書|原典|邦訳|翻訳|訳書)\s*(?:は|として)|のち|後に)\s*[、，,]?\s*(?=\S)"
)  # 。のち吉海某編『…』（…）に再録: the reprint, a citation of its own too


def _original_after_translation(text: str) -> str:
    m = _ORIGINAL_IN_BRACKETS.search(text)
    if m and cre.search(r"訳|译|譯", text[: m.start()]) and cre.search(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)", m["orig"]):
        return text[: m.start()].rstrip() + "；" + m["orig"].strip()
    return text


def translation_pairs(text: str) -> str:
    """Separate with ``；`` a translation printed in brackets after its original, and a Japanese
    ``また、…も参照`` or ``…、および…`` citation after the one before it, so that each is read as a
    citation."""
    if "は" in text or "のち" in text or "後に" in text:
        parts = _JA_OTHER_EDITION_IS.split(text, maxsplit=1)
        if len(parts) == 2 and _JA_OTHER_EDITION_IS.search(text).start() > 0:
            return parts[0].rstrip() + "；" + parts[1]  # each part a citation of its own: no pair in brackets
    m = _TRANSLATION_IN_BRACKETS.search(text) if ("訳" in text or "译" in text or "譯" in text) else None
    if m and cre.search(r"訳|译|譯", m.group("tr")) and cre.search(r"[『《「]", m.group("tr")):
        tr = cre.sub(r"[\s.．。]+$", "", m.group("tr"))
        if m.group("year") and m.group("year") not in tr:
            tr += "、" + m.group("year") + "年"
        if m.group("loc"):
            tr += "、" + m.group("loc")
        text = text[: m.start()].rstrip() + "；" + tr + "。"
    elif "訳" in text or "译" in text or "譯" in text:
        text = _original_after_translation(text)
    if "同" in text:
        text = _JA_SAME_AUTHOR.sub("；同", text)
    if "前掲注" in text or "前揭注" in text or "前引注" in text:
        text = _NOTEREF_LIST.sub("；", text)  # 前掲注（1）我田・160頁、前掲注（7）中川・102頁
    if "および" in text or "及び" in text or "ならびに" in text or "並びに" in text:
        text = _JA_AND_NEXT.sub("；", text)
    if "参照" in text:
        text = _JA_SEE_TAIL.sub("。", _JA_ALSO.sub("；", text))
    return text


# ``…，第 221 页，转引自高华明：《…》…`` / ``…, p. 5, quoted in A. Author, …``: the work quoted and
# the work it was read in are two citations when the first stands as a citation of its own (a diary
# or a speech cited only through the second one stays in it: ``蒋介石日记，1931年9月19日，转引自…``)
# ``…, 1994, p. 41, 转引自马俊峰：前引书，第36页``: the work quoted from is cited by a back-reference,
# which has little evidence of its own (no title mark, no imprint) yet is a citation
_QUOTED_FROM_BACKREF = re.compile(
    r"(?:转\s*引\s*自|轉\s*引\s*自|转\s*引)\s*(?:[^，,。：:《]{1,20}[：:，,]\s*)?(?:前引|前揭|前掲|上引|上揭|同上|同前)"
)
_QUOTED_FROM = re.compile(r"[，,]\s*(?=转\s*引\s*自|轉\s*引\s*自|转\s*引|(?:as\s+)?(?:quoted|cited)\s+in\s)")


# Bluebook's ``Compare A, supra note 1, at 5, with B, supra note 2, at 9`` (the signal is gone by
# now): two authorities compared, the first a supra / Id. form or a cite closed by its year
_COMPARE_WITH = re.compile(
    r"^(?P<a>[^;]*?(?:\bsupra\b|^Id\.|\((?:[^()]*\s)?(?:1[6-9]|20)\d\d\))[^;]*?),\s+with\s+(?P<b>[A-Z][^;]+)$"
)


def quoted_from(text: str) -> list[str]:
    """``text`` split before a mid-note ``转引自`` / ``quoted in`` that follows a whole citation, and
    a Bluebook ``Compare …, with …`` into its two authorities."""
    if ", with " in text:
        cw = _COMPARE_WITH.match(text)
        if cw and _depth(cw["a"]) == 0:
            return [cw["a"], cw["b"]]
    if "引" not in text and " in " not in text:
        return [text]
    for m in _QUOTED_FROM.finditer(text):
        head = text[: m.start()]
        tail = text[m.end() :]
        if (
            _depth(head) == 0
            and score_at_least(head, 5)
            and (score_at_least(tail, 3) or _QUOTED_FROM_BACKREF.match(tail))
        ):
            return [head, tail]
    return [text]
