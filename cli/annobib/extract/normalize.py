"""Stage 2½, *normalize*: the view of a note that the citation parser reads.

Footnotes copied from web pages and PDF text are noisy in ways a parser should not have to know:
ASCII ``,:;()`` inside Chinese, ``<<书名>>`` for 《书名》, a URL glued to its access date, a
hyphenated word split by a line break, debris a site prints after a reference (``被引量:1``,
``[Cited by 3]``), page ranges that lost their dash (``pp. 423442``). Each fix is a named,
separately tested transformation in :data:`NORMALIZERS`, applied in order by :func:`normalize`.

What is kept as printed: everything between title marks and quotes (《…》「…」『…』“…”) and every
URL is left untouched, so a title or a link comes out exactly as the note prints it; only the
punctuation *around* the parts of a citation, which separates them and never reaches a value,
is made regular.
"""

from __future__ import annotations

import re

from annobib.extract import rx as cre
from typing import Callable

from annobib.extract.document import COMPOUND_PREFIXES
from annobib.extract.fields.features import GBT_TAG_RE, URL_RE, gbt_untagged_online, glosses_only

_HAN = r"\u3400-\u4dbf\u4e00-\u9fff"
_KANA_HANGUL = re.compile(r"[\u3040-\u30ff\uac00-\ud7af]")
# spans whose text is a value as printed: title marks, quotes, URLs
# URL_RE opens with ``[HhWw]`` and spells its cases out (re.I changes nothing here): written as one
# alternative per opening letter, every alternative opens with a literal, so the engine scans for
# those characters in C instead of trying the pattern at every position
assert URL_RE.pattern.startswith("[HhWw]")
_PROTECTED = re.compile(
    r"《[^《》]*》|「[^「」]*」|『[^『』]*』|“[^“”]*”|"
    + "|".join(c + "(?:" + URL_RE.pattern[len("[HhWw]") :] + ")" for c in "HhWw")
)

# ------------------------------------------------------------------ punctuation width

_WIDE_OF = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！"}
_CJK_NEIGHBOUR = re.compile(rf"[{_HAN}》」』）”]")
_CJK_AFTER = re.compile(rf"[{_HAN}《「『（“]")
_HAN_CHAR = re.compile(rf"[{_HAN}]")


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"  # _HAN, for one character


def _cjk_neighbour(ch: str) -> bool:
    """``bool(_CJK_NEIGHBOUR.match(ch))`` for one character, without a regex call."""
    return _is_han(ch) or ch in "》」』）”"


def _cjk_after(ch: str) -> bool:
    """``bool(_CJK_AFTER.match(ch))`` for one character, without a regex call."""
    return _is_han(ch) or ch in "《「『（“"


_HAN_OR_CLOSE = re.compile(rf"[{_HAN}》]")
_ASCII_PARENS = re.compile(r"\(([^()]*)\)")
_FINAL_STOP = re.compile(rf"(?<=[{_HAN}》）”])\s*\.(?=\s*$)")


def _outside_protected(text: str, fix: Callable[[str], str]) -> str:
    """Apply ``fix`` to the stretches of ``text`` outside title marks, quotes and URLs."""
    out, last = [], 0
    for m in _PROTECTED.finditer(text):
        out.append(fix(text[last : m.start()]))
        out.append(m.group(0))
        last = m.end()
    out.append(fix(text[last:]))
    return "".join(out)


def _is_chinese_note(text: str) -> bool:
    """Japanese and Korean notes use ASCII commas and ``、`` by their own conventions; only a
    Chinese note (Han, no kana or hangul outside its titles) is a candidate for width fixes."""
    if not _HAN_CHAR.search(text):
        return False
    if not _KANA_HANGUL.search(text):
        return True  # the common case, decided without cutting out the protected spans
    if _KANA_HANGUL.search(_PROTECTED.sub("", text)):
        return False
    return "《" in text  # kana only in 『』「」: a Japanese note


def punctuation_width(text: str) -> str:
    """``王某:《大国关系》,北京:某出版社2015年版,第12页.`` -> ``王某：《大国关系》，北京：某出版社2015年版，第12页。``

    An ASCII ``, : ; ? !`` becomes full width when a Chinese character (or a closing title mark,
    bracket or quote) stands next to it, ignoring spaces; ``( )`` pairs holding or touching Chinese
    become ``（ ）``; a final ``.`` after a Chinese character becomes ``。``."""
    if (
        text.isascii()
        or not _has_widen_cue(text)
        or not _is_chinese_note(text)
        or GBT_TAG_RE.search(text)
        or gbt_untagged_online(text)
        or glosses_only(text)
    ):
        # nothing to widen; GB/T 7714 references print ASCII punctuation by rule, tagged or not; a
        # Western note only glossing its romanized names and titles with characters is no Chinese one
        return text
    return _outside_protected(text, _widen)


_WIDEN_CUE = re.compile(r"[,:;?!(.]")  # what _widen may change: without one, the note stays as it is


def _has_widen_cue(text: str) -> bool:
    """``bool(_WIDEN_CUE.search(text))`` by substring tests (cheaper than a regex call)."""
    return "," in text or ":" in text or "." in text or "(" in text or ";" in text or "?" in text or "!" in text


_NARROW_MARK = re.compile(r"[,:;?!]")


def _widen(part: str) -> str:
    if not part:
        return part
    chars: list[str] | None = None  # made when a mark is widened
    n = len(part)
    # only the ASCII marks are visited; a mark widened before never decides a later one (neither
    # form is a Han character, a digit or a space), so reading ``part`` as printed is the same
    for m in _NARROW_MARK.finditer(part):
        i = m.start()
        ch = part[i]
        j = i - 1
        while j >= 0 and part[j] == " ":
            j -= 1
        k = i + 1
        while k < n and part[k] == " ":
            k += 1
        before = part[j] if j >= 0 else ""
        after = part[k] if k < n else ""
        if ch == ":" and before.isdigit() and after.isdigit():
            continue  # 10:30, 2019:12 (a GB/T page after a year)
        if (before and _cjk_neighbour(before)) or (after and _cjk_after(after)):
            if chars is None:
                chars = list(part)
            chars[i] = _WIDE_OF[ch]
    out = part if chars is None else "".join(chars)
    if "(" in out and _HAN_OR_CLOSE.search(out):  # _paren changes nothing without one
        out = _ASCII_PARENS.sub(_paren, out)
    # _FINAL_STOP needs a final stop (its lookbehind opening would be tried at every position)
    return _FINAL_STOP.sub("。", out) if out.rstrip().endswith(".") else out


# ``(2018)京01民终1123号``: a court docket's year, part of a value (the case number) as printed
_DOCKET_AFTER = re.compile(rf"[{_HAN}]{{1,8}}\s*\d*\s*[{_HAN}]{{0,4}}\s*\d+\s*号")


def _paren(m: re.Match) -> str:
    inner = m.group(1)
    s = m.string
    if len(inner) == 4 and inner.isdigit() and _DOCKET_AFTER.match(s, m.end()):
        return m.group(0)
    before = s[m.start() - 1] if m.start() else ""
    after = s[m.end()] if m.end() < len(s) else ""
    if _HAN_CHAR.search(inner) or _HAN_OR_CLOSE.match(before) or _HAN_CHAR.match(after):
        return f"（{inner}）"
    return m.group(0)


# ------------------------------------------------------------------ title marks


# Korean web copies print 「」 half-width (``｢논문｣``) and a journal or book in ASCII angle brackets
# (``<대동문화연구>``): the marks the Korean notes' readers know are 「」 and 《》
_KO_ANGLE = re.compile(r"<([^<>\n/]{0,60}?[\uac00-\ud7af][^<>\n/]{0,60}?)>")  # no URL: no slash


def ascii_title_marks(text: str) -> str:
    """``<<大国关系>>`` / ``〈〈大国关系〉〉`` / ``＜＜…＞＞`` -> ``《大国关系》`` (web pages without the CJK marks);
    ``｢논문｣`` -> ``「논문」``, ``<학술지>`` (Hangul inside) -> ``《학술지》``."""
    if "｢" in text:
        text = text.replace("｢", "「").replace("｣", "」")
    if "<" in text and _KO_ANGLE.search(text):
        text = _KO_ANGLE.sub(r"《\1》", text)
    if "<<" not in text and "〈〈" not in text and "＜＜" not in text:
        return text
    return cre.sub(r"(?:<<|〈〈|＜＜)\s*([^<>〈〉＜＞]{1,200}?)\s*(?:>>|〉〉|＞＞)", r"《\1》", text)


# ------------------------------------------------------------------ broken words

_HYPHEN_BREAK = re.compile(r"\b([A-Za-z]{2,})- (?!(?:and|or|und|et|to|vs)\b)([a-z]{2,})\b")
_SPLIT_CAPITAL = re.compile(r"(?<![\w.'’])([B-HJ-Z]) ([a-z]{3,})\b")


# \b[B-HJ-Z] [a-z], the boundary read after the capital (no word character before it) so that
# the regex opens with a character class and the engine skips to capitals
_BROKEN_WORDS_RE1 = re.compile(r"[B-HJ-Z](?<!\w.) [a-z]")
# the same, led by its space: a literal the engine finds fast (a class is tested at every character)
_BROKEN_WORDS_CUE = re.compile(r" (?<=(?<!\w)[B-HJ-Z] )[a-z]")


def broken_words(text: str) -> str:
    """``Re- view`` -> ``Review`` (a hyphen left by a line break), ``W orld`` -> ``World`` (a capital
    split off its word by PDF text); ``A theory`` and ``I think`` are words and stay."""
    if " " not in text:
        return text  # both patterns need a space (Chinese notes often have none): one test decides
    if "- " in text:
        text = _HYPHEN_BREAK.sub(_dehyphen, text)
    return _SPLIT_CAPITAL.sub(r"\1\2", text) if _BROKEN_WORDS_CUE.search(text) else text


def _dehyphen(m: re.Match) -> str:
    # the same rule as a hyphen at a line end (document.join_lines): a few prefixes form compounds
    # (so- called -> so-called); a capitalised second part (Asia- Pacific) is not matched at all
    joint = "-" if m.group(1).lower() in COMPOUND_PREFIXES else ""
    return m.group(1) + joint + m.group(2)


# ------------------------------------------------------------------ URLs glued to what follows

_URL_TAIL = re.compile(
    r"(?<=[\w/=&%#~\-])([.,;。，]*)(?=[\[［(（【]\s*(?:\d{4}|[" + _HAN + r"]|accessed|Accessed|检索|访问|引用))"
)


_URL_TAIL_BRACKET = re.compile(r"[\[［(（【]")  # what _URL_TAIL's lookahead opens with


def url_tails(text: str) -> str:
    """``…htm[2020-04-20]`` -> ``…htm [2020-04-20]``; ``…html.(访问时间…)`` -> ``…html (访问时间…)``:
    a bracket holding a date or words after a URL is not part of it."""
    if "http" not in text and "www." not in text:
        return text
    out, last = [], 0
    for m in URL_RE.finditer(text):
        # _URL_TAIL opens with a lookbehind (tried at every position): only where its bracket is
        cut = (
            _URL_TAIL.search(text, m.start(), m.end() + 1)
            if _URL_TAIL_BRACKET.search(text, m.start(), m.end() + 1)
            else None
        )
        if cut and cut.end() <= m.end():
            out.append(text[last : cut.start()] + " " + text[cut.end() : m.end()])
        else:
            out.append(text[last : m.end()])
        last = m.end()
    out.append(text[last:])
    return "".join(out)


# ------------------------------------------------------------------ site debris

# every piece of debris opens (after spaces) with one of the characters of the lookahead: a position
# without one is passed over by one class test instead of by trying each alternative
_DEBRIS = re.compile(
    r"(?=[\s\[［【(（被下引浏CTRAGPWS百知万维谷VFJNBD阅在赞点分↩↑닫K피다|])"
    r"(?:\s*(?:[\[［【(（]\s*)?(?:被引量|被引次数|被引|下载量|下载次数|下载|引用次数|引用|浏览次数|浏览)\s*[:：]?\s*\d+\s*(?:次)?(?:\s*[\]］】)）])?"
    r"|\s*[\[(]\s*(?:Cited by|Citations?|Times cited)\s*:?\s*\d+(?:,\d{3})*\s*[\])]"  # [Cited by 1,204]
    r"|\s*(?:Cited by|Times cited)\s*:?\s*\d+(?:,\d{3})*|\s*All \d+ versions"
    # a publisher's page: ``[Related articles]``, ``Download references (.ris)   Cite this article``
    r"|\s*(?:\[\s*)?(?:Related articles|Download references(?:\s*\(\.?[a-z]{2,4}\))?|Cite this (?:article|chapter))(?:\s*\])?"
    r"|\s*(?:\[\s*)?(?:Google Scholar|CrossRef|Crossref|PubMed|Web of Science\s?®?|Scopus|CNKI|百度学术|知网|万方|维普|谷歌学术|Search in Google Scholar|View (?:in )?Article|View all (?:references|notes)|Find this resource|Ref\s*list|CiNii(?: Research| Articles| Books)?(?:\s*で見る)?|J-STAGE|NDL Search|JSTOR|Back to [Tt]op|Green Version|Download citation|[(（]?阅读原文[)）]?)(?:\s*\])?"
    r"|\s*,(?=\s*[\[［])"  # ``[Crossref], [Google Scholar]``: a comma between bracketed links
    r"|\s*(?:阅读|在看|点赞|赞|分享)\s*[:：]?\s*\d+(?:\.\d+)?\s*[万wW]?\+?"  # a WeChat post's counts: 阅读 3046  赞 18  在看 7
    r"|\s*[↩↑]\ufe0e?\ufe0f?[0-9²³¹⁴-⁹]?"  # a web page's back-link to the text (Markdown footnotes: ``↩`` ``↩2``)
    r"|(?<=[.。)）\d])\s*닫기"  # the close button of a Korean database's note pop-up, read with its note
    # a Korean database's counts after an item: ``KCI 피인용횟수 3 | 다운로드 118``
    r"|\s*\|?\s*(?:KCI\s*)?(?:피인용횟수|피인용|다운로드)\s*[:：]?\s*\d+(?:,\d{3})*"
    r")+\s*$"
)


_DEBRIS_TAIL = 300
# one of these words is in every piece of debris _DEBRIS removes
_DEBRIS_WORDS = (
    "被引",
    "피인용",
    "다운로드",
    "下载",
    "引用",
    "浏览",
    "Cited",
    "cited",
    "Citation",
    "Google",
    "CrossRef",
    "Crossref",
    "PubMed",
    "Web of",
    "Scopus",
    "CNKI",
    "百度",
    "知网",
    "万方",
    "维普",
    "谷歌",
    "Search",
    "View",
    "Find",
    "Ref",
    "CiNii",
    "J-STAGE",
    "NDL",
    "JSTOR",
    "Related",
    "versions",
    "Back to",
    "Download citation",
    "Download references",
    "Cite this",
    "阅读",
    "在看",
    "赞",
    "分享",
    "Green Version",
    "阅读原文",
    "↩",
    "↑",
    "닫기",
)


# a PDF's download stamp on every page: HeinOnline, JSTOR, SSRN, Taylor & Francis (``Downloaded by
# [University of …] at 04:12 19 March 2023``); a site's banner between the items of a page copied
# whole (CyberLeninka's ``i Надоели баннеры? …``, its info icon read as ``i``)
_WATERMARK = re.compile(
    r"\s*(?:HeinOnline\s*--|This content downloaded from|Downloaded from\s+https?://|Downloaded by \["
    r"|Electronic copy available at:|All use subject to https?://|(?:i\s+)?Надоели баннеры\?)"
)


# a CMS's anti-scraping stamp on a line of its own between a page's paragraphs: DedeCMS (织梦) puts
# ``内容来自dedecms``, ``织梦好,好织梦``, ``织梦内容管理系统`` between the notes of a copied page
_CMS_STAMP = re.compile(r"[\w ,，]{0,12}(?:dedecms|织梦)[\w ,，]{0,12}\s*$", re.I)


# Google Scholar's tags before an item: ``[PDF] Smalls, M. L. (2009). …``
_LEADING_TAG = re.compile(r"^(\s*)\[(?:PDF|HTML|BOOK|CITATION|DOC|B|C)\]\s+(?=[A-Z\u4e00-\u9fff\u3040-\u30ff])")


def leading_tag(line: str) -> str:
    """The line without a search engine's ``[PDF]``/``[HTML]``/``[BOOK]`` tag before the item."""
    return _LEADING_TAG.sub(r"\1", line) if line.lstrip().startswith("[") else line


_DEBRIS_CUE = re.compile("|".join(map(re.escape, _DEBRIS_WORDS)))

# a repost's line about where the article first appeared, after or before its notes:
# ``（本文原载《…》2022年第4期，注释有删节。）``, ``原文刊载于《…》…``, a WeChat page's counters after it
_REPRINT_NOTICE = re.compile(r"\s*[（(]?\s*(?:本文|原文)(?:原载|原刊|刊载|刊发|发表|首发)于?\s*《")


def debris_line(line: str) -> bool:
    """A line that holds nothing but a site's links and counts (``CrossRef  Google Scholar``,
    ``被引量:12 下载:1548``, ``View in Article``) or a PDF's download stamp (``HeinOnline -- 59 Va. J.
    Int'l L. 123 2019``)."""
    if _WATERMARK.match(line):
        return True
    # (only D and d lower-case to d: a line without one holds no "dede" in any case, and is not lowered)
    if ("织梦" in line or ("d" in line or "D" in line) and "dede" in line.lower()) and _CMS_STAMP.match(line):
        return True
    if ("本文" in line or "原文" in line) and _REPRINT_NOTICE.match(line):
        return True
    m = _DEBRIS.match(line) if _DEBRIS_CUE.search(line) else None
    return bool(m and m.start() == 0)


_DEBRIS_WORDS_ASCII = tuple(w for w in _DEBRIS_WORDS if w.isascii())


def _may_hold_debris(text: str) -> bool:
    """``bool(_DEBRIS_CUE.search(text, len(text) - _DEBRIS_TAIL))``: in ASCII text by substring tests
    of the ASCII words (fast there; the regex opens with a class, tested at every character)."""
    start = max(0, len(text) - _DEBRIS_TAIL)
    if not text.isascii():
        return _DEBRIS_CUE.search(text, start) is not None
    tail = text[start:] if start else text
    for w in _DEBRIS_WORDS_ASCII:
        if w in tail:
            return True
    return False


def site_debris(text: str) -> str:
    """``… 第 3—10 页。被引量:1`` / ``… 113-157. [Cited by 3] Google Scholar`` -> the reference alone."""
    if not _may_hold_debris(text):
        return text  # the common case, decided without the regex
    m = _DEBRIS.search(text, max(0, len(text) - _DEBRIS_TAIL))  # debris trails the item
    return text[: m.start()].rstrip() if m and m.start() > 4 else text


# ------------------------------------------------------------------ Bluebook's hereinafter

# ``… 96 Harv. L. Rev. 374, 380-86 (1982) [hereinafter Resnik, Managerial Judges].``: the short name a
# law article gives a work for its later notes is no part of the work (the later ``supra`` short
# form joins by its title words); left in, it hides the year that closes a Bluebook citation
# (opened by its bracket, not by the spaces before it: a regex opened by ``\s*`` retries a long run
# of spaces from each of its positions; the spaces are cut in the loop)
_HEREINAFTER = re.compile(r"\[\s*hereinafter\s[^\[\]]{1,160}\]")


def hereinafter_clauses(text: str) -> str:
    """``… (1982) [hereinafter Resnik, Managerial Judges].`` -> ``… (1982).``"""
    if "hereinafter" not in text:
        return text  # the common case, decided without the regex
    out, last = [], 0
    for m in _HEREINAFTER.finditer(text):
        out.append(text[last : m.start()].rstrip())
        last = m.end()
    return "".join(out) + text[last:] if out else text


# ------------------------------------------------------------------ a Chinese or Japanese note's short name

# ``…，第 5 页。以下简称「唐佛教史」。`` / ``…（以下简称《纲要》）`` / ``…(以下「法」という。)``: the short
# name a note gives a work for its later notes is no part of the work, as Bluebook's hereinafter;
# left in, its title marks were read as a journal or container and its words as the title's. Both
# shapes are bounded (40 characters of name), so the regex stays linear.
_SHORT_NAME = re.compile(
    r"[（(]\s*(?:以下|下文|下)[、，,]?\s*(?:简称|簡稱|略称|略稱|称|稱)[^（()）\n]{1,40}[)）]"
    r"|[（(]\s*以下[、，,]?\s*[「『“\"][^」』”\"\n]{1,30}[」』”\"]\s*(?:という|とする|と略す|と略記する)[。.]?\s*[)）]"
    r"|(?<=[。.，,；;])\s*(?:以下|下文)[、，,]?\s*(?:简称|簡稱|略称|略稱|称|稱)[^。；;\n]{1,40}(?:。|$)"
)


def short_name_clauses(text: str) -> str:
    """``…，页401─409。以下简称「唐佛教史」。`` -> ``…，页401─409。``; ``…（以下简称《纲要》）。`` ->
    ``…。``: the short name declared for later notes dropped."""
    if "下" not in text or ("称" not in text and "稱" not in text and "という" not in text):
        return text  # the common case, decided without the regex (its third shape opens with a lookbehind)
    return _SHORT_NAME.sub("", text).rstrip() if _SHORT_NAME.search(text) else text


# ------------------------------------------------------------------ page ranges that lost their dash

# ``pp.`` promises a range, so four digits may split (not the first page of a printed range:
# ``pp. 1541-1578``); a Chinese ``第…页`` needs six (第 3253 页 is a page), and so does a GB/T
# journal's ``2008, 113(5): 13601388`` after its volume and issue
_GLUED_RANGE = re.compile(
    r"\b(pp\.\s*)(\d{4,8})\b(?!\s*[-–—‐]\s*\d)|(第\s*)(\d{6,8})(\s*页)"
    r"|((?:1[89]|20)\d\d\s*,\s*(?:\d{1,4}\s*)?(?:[(（]\d{1,4}[)）]\s*)?[:：]\s*)(\d{6,8})\b(?![-–—‐]?\d)"
)


# what _GLUED_RANGE needs, led by a literal (the engine skips to ``p``, ``第`` and the colons)
_GLUED_PAGE_RANGES_RE1 = re.compile(r"pp\.\s*\d{4}|第\s*\d{6}|:\s*\d{6}|：\s*\d{6}")
# its alternatives apart, each led by a literal the engine finds fast and tried only where that
# literal is (the alternation opens with a class of four, tested at every character)
_GLUED_CUES = (
    ("pp.", re.compile(r"pp\.\s*\d{4}")),
    ("第", re.compile(r"第\s*\d{6}")),
    (":", re.compile(r":\s*\d{6}")),
    ("：", re.compile(r"：\s*\d{6}")),
)


def _may_glue_pages(text: str) -> bool:
    """``bool(_GLUED_PAGE_RANGES_RE1.search(text))``."""
    for literal, rx in _GLUED_CUES:
        if literal in text and rx.search(text):
            return True
    return False


def glued_page_ranges(text: str) -> str:
    """``pp. 423442`` -> ``pp. 423-442``, ``第 4560 页`` -> ``第 45-60 页``: an even run of digits whose
    halves climb is a range whose dash was lost (a year like ``pp. 2019`` is not split: its halves fall)."""
    if not _may_glue_pages(text):
        return text
    return _GLUED_RANGE.sub(_split_range, text)


def _split_range(m: re.Match) -> str:
    if m.group(1):
        head, digits, tail = m.group(1), m.group(2), ""
    elif m.group(3):
        head, digits, tail = m.group(3), m.group(4), m.group(5)
    else:
        head, digits, tail = m.group(6), m.group(7), ""
    half = len(digits) // 2
    if len(digits) % 2 == 0:
        a, b = digits[:half], digits[half:]
        if int(a) < int(b) and not b.startswith("0") and int(b) - int(a) < 200:
            return f"{head}{a}-{b}{tail}"
    return m.group(0)


# ------------------------------------------------------------------ OCR confusions

# A scanned page (a 1990s journal run through OCR) misreads a few shapes the parser keys on: the
# letter l for the digit 1 inside a number (``l987年``, ``第8l页``, ``p. 9l``), 杜 for 社 in
# 出版社/杂志社, 一 (one) for the dash of a range (``56一58``), and spaces inside a page number
# (``第l期``, ``第3 5页``, ``第 6 5 页``, ``第 1 2 - 2 6 页``, ``指导案例 2 1 8 号``: digits spaced one by one before the
# counter). A number is only read where it is one: a run of digits and l with a
# digit in it and no letter beside it (``Vol. l`` and ``html5`` stay).
_OCR_GATE = re.compile(r"\dl|l\d|\dO|O\d|出版杜|杂志杜|\d一\d|第\s*\d+ \d|\d \d ?[页頁号號]|第 ?l ?[期页頁卷号號版]")
_OCR_FIX = re.compile(
    r"(?<![A-Za-z\d])[\dl]*(?:\dl|l\d)[\dl]*(?![A-Za-z\d])"
    r"|(?<=出版|杂志)杜|(?<=\d)一(?=\d)|(?<=第)\s*\d+(?: \d+)+(?=\s*[页頁])"
    r"|(?<![\dA-Za-z])\d(?: \d)+(?: ?[-—–] ?\d(?: \d)*)?(?= ?[页頁号號])"
    r"|(?<=第) ?l(?= ?[期页頁卷号號版])"  # 2005年第l期: a lone l between 第 and its counter is the one
    # 2O1O 年, 第9—2O页: the letter O for a zero, in a number before its counter (one lazy look-ahead
    # for the O, then the run taken whole and never given back: linear)
    r"|(?<![A-Za-z\d])(?=[\dO]*?(?:\dO|O\d))[\dO]++(?= ?[年页頁号號期卷])"
    # 档号03-0176-2O31-009: an O inside a run of digits that no letter touches (``B2O3`` stays)
    r"|(?<![A-Za-z\d])(?=\d[\dO]*O)[\dO]++(?<=\d)(?![A-Za-z])"
)


def _ocr_fix(m: re.Match) -> str:
    t = m.group(0)
    if t == "杜":
        return "社"
    if t == "一":
        return "-"
    return t.replace("l", "1").replace("O", "0").replace(" ", "")


# _OCR_GATE's alternatives apart, each led by a literal the engine jumps to (the gate opens with a
# class, tried at every character: 2 % of reading a note); a test checks them against it
_OCR_L = re.compile(r"l(?:(?<=\dl)|(?=\d))")
_OCR_O = re.compile(r"O(?:(?<=\dO)|(?=\d))")
_OCR_YI = re.compile(r"一(?<=\d一)(?=\d)")
_OCR_SPACED = re.compile(r"第\s*\d+ \d")
_OCR_SPACED_COUNT = re.compile(r"\d \d ?[页頁号號]")
_OCR_LONE_L = re.compile(r"第 ?l ?[期页頁卷号號版]")  # 第 1 2 - 2 6 页, 指导案例 2 1 8 号


def _may_be_misread(text: str) -> bool:
    """``_OCR_GATE.search(text) is not None``, by substring tests and literal-led searches."""
    return (
        ("l" in text and _OCR_L.search(text) is not None)
        or ("O" in text and _OCR_O.search(text) is not None)
        or ("杜" in text and ("出版杜" in text or "杂志杜" in text))
        or ("一" in text and _OCR_YI.search(text) is not None)
        or ("第" in text and _OCR_SPACED.search(text) is not None)
        or ("l" in text and "第" in text and _OCR_LONE_L.search(text) is not None)
        or (
            ("页" in text or "号" in text or "頁" in text or "號" in text)
            and _OCR_SPACED_COUNT.search(text) is not None
        )
    )


def ocr_confusions(text: str) -> str:
    """``出版杜l987年版, 第8l页`` -> ``出版社1987年版, 第81页``; ``第3 5页`` -> ``第35页``;
    ``56一58`` -> ``56-58``: what a scanner misread, outside titles, quotes and URLs."""
    if not _may_be_misread(text):
        return text  # the common case: no misreading
    return _outside_protected(text, lambda part: _OCR_FIX.sub(_ocr_fix, part))


# ------------------------------------------------------------------ digits a PDF spaced out

# A Japanese or Chinese PDF set in a justified grid gives every digit its own cell: ``第 4 5 号、
# 2 0 1 6 年、2 3 - 4 1 頁``, ``6 2 巻 1 1 号``, ``同上、3 0 頁``. A run of single digits joined by
# single spaces is one number where a CJK counter (年 頁 号 巻 …) or a range to one follows it.
_SPACED_DIGITS = re.compile(
    # (only a run's first digit may start a match: one scan of the run, not one per digit)
    r"(?<![A-Za-z0-9.,])(?<!\d )\d(?: \d)+(?= ?(?:[年月日頁页号號巻卷期冊册面쪽면版]|[-–] ?\d(?: \d)* ?[頁页쪽]))"
)
_SPACED_DIGITS_GATE = re.compile(r"\d \d")
# … and the page a Western note cites, spaced the same way in such a PDF: ``p. 2 1 7.``, ``p.7 1.``,
# ``pp.6 5-6 6.`` (after ``p.``, spaced or not, and closing the note or its clause, where nothing else
# could stand)
_SPACED_PAGE = re.compile(r"(?:(?<=\bp\.) ?\d(?: \d)+|(?<=\bpp\.) ?\d(?: \d)* ?[-–] ?\d(?: \d)*)(?=\s*(?:[.,;]|$))")
_SPACE_IN_NUMBER = re.compile(r"(?<=\d) (?=\d)")


def pdf_spaced_digits(text: str) -> str:
    """``2 0 1 6 年、2 3 - 4 1 頁`` -> ``2016 年、23 - 41 頁``, ``p. 2 1 7`` -> ``p. 217``: numbers a PDF
    spaced digit by digit, outside titles, quotes and URLs."""
    if "p." in text and _SPACED_DIGITS_GATE.search(text) is not None:
        text = _SPACED_PAGE.sub(lambda m: _SPACE_IN_NUMBER.sub("", m[0]), text)
    if text.isascii() or _SPACED_DIGITS_GATE.search(text) is None:
        return text
    return _outside_protected(text, lambda part: _SPACED_DIGITS.sub(lambda m: m[0].replace(" ", ""), part))


# ------------------------------------------------------------------ rare dashes in ranges

# Japanese typesetting prints ``1‐40頁`` with U+2010 (hyphen), PDFs give U+2011/U+2012/U+2212: between
# digits each is the range dash the parsers read as ``-``
_ODD_DASH = re.compile(r"(?<=\d)\s*[\u2010\u2011\u2012\u2015\u2212\u2500]\s*(?=\d)")
_ODD_DASH_GATE = re.compile(r"[\u2010\u2011\u2012\u2015\u2212\u2500]")


def odd_dashes(text: str) -> str:
    """``1‐40頁`` (U+2010) -> ``1-40頁``: a range printed with a rare dash reads like any other
    (``115―118頁``: the horizontal bar of Japanese typesetting, once kanji numerals are digits)."""
    if text.isascii() or not (
        "\u2010" in text
        or "\u2011" in text
        or "\u2012" in text
        or "\u2015" in text
        or "\u2212" in text
        or "\u2500" in text  # ─, a box-drawing line a PDF or a site gives for a dash
    ):
        return text  # (_ODD_DASH_GATE's characters, tested one by one: cheaper than a regex call)
    return _outside_protected(text, lambda part: _ODD_DASH.sub("-", part))


# ------------------------------------------------------------------ kanji numerals

# Vertical Japanese printing writes numbers in kanji: ``一九八六年``, ``一二三頁``, ``第一巻``,
# ``二〇一頁``. The parser reads Arabic digits, so a kanji number is rewritten where it can only be a
# year (four positional digits), a page (before 頁/页, or opening a range of pages), a volume or issue
# (after 第, before 巻/号…), the month and day after a year so rewritten, or a newspaper's page
# after its edition (``朝刊、二七面``: 面 alone is also a word, ``一面``, so only after 朝刊/夕刊).
# Titles and quotes keep their kanji (``『一九八四年』`` stays as printed).
_KANJI_GATE = re.compile(r"[〇一二三四五六七八九十](?:年|頁|页|巻|卷|号|號|版|冊|册|章|集|輯|辑|編|编|面)")
_KANJI_NUMBER = re.compile(
    r"(?<![\u3400-\u9fff〇])([〇一二三四五六七八九]{4})(?=年)"
    r"|(?<![\u3400-\u9fff〇])([〇一二三四五六七八九十]{1,5})(?=\s*[頁页])"
    r"|(?<=第)([〇一二三四五六七八九十]{1,4})(?=[巻卷号號版冊册章集輯辑編编])"
    # the first page of a range (``五六～五八頁``) and the month and day of a kanji date
    r"|(?<![\u3400-\u9fff〇])([〇一二三四五六七八九十]{1,5})(?=\s*[～〜~—―–-]\s*[〇一二三四五六七八九十]{1,5}\s*[頁页])"
    r"|(?<=[0-9〇一二三四五六七八九]{4}年)([一二三四五六七八九十]{1,2})(?=月)"
    r"|(?<=[0-9〇一二三四五六七八九]{4}年[一二三四五六七八九十0-9]月)([一二三四五六七八九十]{1,3})(?=日)"
    r"|(?<=[0-9〇一二三四五六七八九]{4}年[一二三四五六七八九十0-9]{2}月)([一二三四五六七八九十]{1,3})(?=日)"
    r"|(?:(?<=刊)|(?<=刊、))([〇一二三四五六七八九十]{1,3})(?=面)"
)
_KANJI_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")}


def _kanji_value(digits: str) -> str:
    if "十" not in digits:
        return "".join(str(_KANJI_DIGITS[c]) for c in digits)  # positional: 一九八六, 二〇一
    tens, _, ones = digits.partition("十")  # 十二 = 12, 二十 = 20, 二十三 = 23
    if len(tens) > 1 or len(ones) > 1 or "十" in ones:
        return digits
    return str(_KANJI_DIGITS.get(tens, 1) * 10 + _KANJI_DIGITS.get(ones, 0))


def kanji_numerals(text: str) -> str:
    """``岩波書店、一九八六年、一二三頁`` -> ``岩波書店、1986年、123頁``; ``第一巻`` -> ``第1巻``."""
    if text.isascii() or not _KANJI_GATE.search(text):
        return text  # the common case: no kanji number before a unit
    return _outside_protected(text, lambda part: _KANJI_NUMBER.sub(lambda m: _kanji_value(m.group(m.lastindex)), part))


# ------------------------------------------------------------------ traditional lead-ins

# Taiwanese and Hong Kong notes write the lead words in traditional characters (可參見, 另參見,
# 詳見, 轉引自); the lead-in, commentary and splitting rules are written in simplified ones.
_TRAD_LEAD = re.compile(r"參\s*見|參\s*閱|參\s*看|參\s*考|參\s*照|詳\s*見|轉\s*引\s*自|轉\s*引|另\s*見|亦\s*見|又\s*見")
_TRAD_TO_SIMPLE = str.maketrans("參見閱詳轉", "参见阅详转")


def traditional_lead_ins(text: str) -> str:
    """``戰後初期的評價，可參見吳濁流，《…》`` -> ``…可参见吳濁流，《…》``: the lead words (only
    they, and never inside titles or quotes) in simplified characters."""
    if (  # every word of _TRAD_LEAD holds one of these (chained tests: the fastest on short notes)
        "參" not in text
        and "轉引" not in text
        and "詳見" not in text
        and "另見" not in text
        and "亦見" not in text
        and "又見" not in text
    ):
        return text  # the common case; 見 alone is everywhere in Japanese
    return _outside_protected(text, lambda part: _TRAD_LEAD.sub(lambda m: m[0].translate(_TRAD_TO_SIMPLE), part))


# ``(London: Longman, 1999), esp. 1–24.``: the cited pages, qualified; the page readers want them bare
_ESP = re.compile(r"(?<=[),])\s*(?:esp\.|especially)\s+(?=(?:pp?\.\s*)?\d)")


def locator_qualifiers(text: str) -> str:
    """``…, 1999), esp. 1–24.`` -> ``…, 1999), 1–24.``: "esp." before the cited pages dropped."""
    return _ESP.sub(" ", text) if "esp" in text else text


# a space before a comma, stop, colon or closing bracket after a Latin letter or digit, or after an
# opening bracket (``Rawls , Political Liberalism , ( New York : Columbia University Press , 2005 ) ,
# 137 .``): how an e-reader's copy spaces a note; Latin only, so CJK and Russian spacing is left alone
_SPACED_PUNCT = re.compile(r"(?:(?<=[A-Za-z0-9)])|(?<=[A-Za-z]\.)) +(?=[,.:;)](?:[\s,;]|$))|(?<=\() +(?=[A-Za-z0-9])")


def spaced_punctuation(text: str) -> str:
    """``Ibid ., 53 .`` -> ``Ibid., 53.``, ``( New York : Press , 2005 )`` -> ``(New York: Press,
    2005)``: spaces inside a Latin note's punctuation dropped (titles in quotes keep theirs)."""
    if " ," not in text and " ." not in text and " :" not in text and " )" not in text and "( " not in text:
        return text  # the common case, decided by five substring tests
    return _outside_protected(text, lambda part: _SPACED_PUNCT.sub("", part))


# Korean writes its "see" and "cited in" after the citation: ``…, p. 35 참조.``, ``…, pp. 101-125에서
# 재인용.``
_KO_TRAILING_CUE = re.compile(r"(?<=[\d)）.』」”\"])\s*(?:에서\s*재인용|(?:을|를)?\s*참조|재인용)\s*([.。]?)\s*$")


def korean_trailing_cues(text: str) -> str:
    """``…, 2001), p. 35 참조.`` -> ``…, 2001), p. 35.``: the cue after a Korean note's citation
    dropped (the citation's page was read into its title otherwise)."""
    if "참조" not in text and "재인용" not in text:
        return text
    return _KO_TRAILING_CUE.sub(r"\1", text)


# Indonesian and Malay print the page word as ``hlm.``/``hal.`` (halaman), Vietnamese as ``tr.``
# (trang) and the issue as ``số``: the parser reads ``pp.`` and ``No.``
_SEA_PAGES = re.compile(r"(?<=[,;] )(?:hlm|hal|tr)\.\s*(?=\d)|(?<=, )số(?= \d)")


def southeast_asian_locators(text: str) -> str:
    """``…(2020), hlm. 33-47.`` -> ``…(2020), pp. 33-47.``; ``…, số 948, tr. 88-95`` -> ``…, No. 948,
    pp. 88-95``: the page and issue words of Indonesian, Malay and Vietnamese notes."""
    if "hlm." not in text and "hal." not in text and "tr." not in text and "số" not in text:
        return text
    return _outside_protected(text, lambda part: _SEA_PAGES.sub(lambda m: "No." if m[0] == "số" else "pp. ", part))


NORMALIZERS: tuple[Callable[[str], str], ...] = (
    traditional_lead_ins,
    locator_qualifiers,
    southeast_asian_locators,
    korean_trailing_cues,
    spaced_punctuation,
    ascii_title_marks,
    site_debris,
    hereinafter_clauses,
    short_name_clauses,
    url_tails,
    broken_words,
    ocr_confusions,
    pdf_spaced_digits,
    glued_page_ranges,
    kanji_numerals,
    odd_dashes,  # after kanji_numerals: 一一五―一一八頁 is a range once its numbers are digits
    punctuation_width,
)


def normalize(text: str) -> str:
    """The parser's view of one note: every transformation of :data:`NORMALIZERS`, in order."""
    for fix in NORMALIZERS:
        text = fix(text)
    return text
