"""Stage 3, *citations*: split a note into its citations and say what kind each one is.

* Notes that cite nothing (funding notes, thanks, pure commentary) are recognised and kept out.
* Lead-ins (``参见``, ``参阅``, ``详见``, ``另参见``, ``转引自``, ``引自``, ``See``, ``See also``,
  ``Cf.``) and commentary before them (``关于这一争论，可参见……``) are stripped.
* Several citations are split on top-level ``；`` / ``; `` (not inside quotes or title marks) and
  on a mid-note ``另参见``/``另见``/``see also``; a trailing ``等``/``etc.`` is dropped.
* Back-references are recognised: ``同上``/``同上书``/``Ibid.`` (the previous note), ``前引``/
  ``op. cit.`` and short forms (an earlier full citation; resolved by :mod:`.entries`).
"""

from __future__ import annotations

import re

from annobib.extract import rx as cre
from dataclasses import dataclass
from functools import lru_cache

from annobib.extract.normalize import normalize
from annobib.extract.segment import (
    citation_start,
    mostly_lower_case,
    quoted_from,
    score_at_least,
    sentences,
    translation_pairs,
)
from annobib.extract.fields.features import (
    after_boundary,
    cjk_page_locator,
    cjk_pages,
    en_pages,
    first_index,
    norm_range,
    para_locator,
    rstrip_run,
)
from annobib.extract.fields.acs import whole_item
from annobib.extract.fields.law import GUIDING_CASE_RE, JA_LAW_NUMBER_RE
from annobib.extract.fields.names import is_cjk_org
from annobib.extract.fields import (
    HAN,
    URL_RE,
    Parsed,
    is_japanese_case,
    bare_page,
    page_range,
    parse_citation,
)

LEAD_IN_RE = re.compile(
    r"^(?:(?:[中日韩英俄德法]文(?:原版|原著|版)|原版|原著|[中日韩英俄]译本|中译|日译|邦訳)\s*(?:(?:参?见|見)\s*[：:]?|[：:]|として\s*[、，,]?)\s*|(?:资料|数据|材料|史料)(?:来源|出处)\s*[：:]\s*|(?:(?:例如|比如|此外|另外|同时)\s*[，,]?\s*(?=(?:(?:可|请|亦|也|还|另)\s*){0,2}[参详见]))?(?:(?:(?:另|亦|也|还|又|均|请|可以|可|具体|详细|更多|相关|有关|讨论|论述|论证|分析)\s*){0,3}(?:参\s*见|参\s*阅|参\s*看|详\s*见|见|转\s*引\s*自|转\s*引|引\s*自|参考|参照|载|参(?![议議谋謀考照阅看见與与加赞])(?=(?:[（(［\[〔][\u4e00-\u9fff]{1,3}[）)］\]〕])?[\u4e00-\u9fff·]{2,8}?\s*(?:[：:]\s*[《「『]|氏|著[，,])))(?:于)?\s*[：:]?\s*(?:(?:例如|比如|如)\s*[：:，,]?\s*)?)"
    r"|(?:See|see)(?:\s+also)?\s+the\s+(?:essays|chapters|contributions|articles|papers)\s+(?:in|to)\b"  # see the essays in Ed., ed.,
    r"|(?:See|see)(?:\s+also)?\s+the\s+[a-z][a-z'’\- ]{2,120}?\s+in(?=\s+[A-Z])"  # see the discussion in A. Author, …
    r"|(?:(?:See|see)\s+also,?\s+(?:for\s+example|for\s+instance|e\.?g\.?),|(?:See|see)\s+also|(?:See|see),?\s+(?:for\s+example|for\s+instance|e\.?g\.?|inter\s+alia|among\s+others|in\s+particular|especially|generally),"
    r"|(?:See|see)\s+(?:generally|especially|in\s+particular|further|most\s+notably)\b,?"
    r"|(?:See|see),\s+(?:for|on)\s+[^,;:]{3,60},(?=\s+[A-Z])"
    r"|(?:For\s+(?:example|instance)|E\.g\.),?\s+see|(?:But|but)\s+(?:see|cf\.)|See|see|Cf\.|cf\.|Compare|(?:Refer|refer)\s+to|(?:As\s+)?(?:Quoted|quoted|Cited|cited)\s+in|"
    r"For\s+(?:a|an|the|more|further)\b[^,:]{0,80}?,\s*see(?:,?\s+(?:for\s+example|for\s+instance|e\.?g\.?),)?|Also\s+see|(?:On|For|In|About|Regarding)\s+(?:a|an|the|this|that|his|her|their)\s+[^,;:.]{2,60}?,?\s+see(?:\s+also)?)\s*[:,]?\s+"
    r"|(?:Подробнее\s+см\.|[Сс]м\.\s+также|[Сс]м\.,?\s+(?:например|напр\.|в\s+частности)|[Сс]м\.|Цит\.\s+по|[Сс]р\.)\s*[:：]?\s*)"
)
COMMENTARY_LEAD_RE = re.compile(
    r"^(?P<comment>.{2,200}?[，,：:。])\s*(?=(?:可|请|另|亦|也|还)?\s*(?:参\s*见|参\s*阅|详\s*见|参看)|(?:see also|see|cf\.)\s)",
    re.I,
)
# a funding note, thanks, an interview record: the openings (``_HEAD``, tried at the start only) and
# the words that mark one anywhere (``_ANY``; each alternative opens with a literal, so the regex
# engine skips to where one can start): apart, so that neither is tried at every position in vain
_NOT_CITATION_HEAD = re.compile(
    r"(?:本文(?:系|为|是|受|得到)|本研究|本项目|基金项目|项目来源|作者感谢|感谢|致谢|谨向|This (?:article|paper|research|study) (?:is|was)|"
    r"The author(?:s)? (?:thank|would like|is grateful|are grateful)|I (?:thank|am grateful)|Funding|This work was supported)"
    r"|(?:访谈记录|访谈对象|访谈编号|田野笔记|调研笔记|Interview with|Interviews? (?:conducted|with)"
    r"|(?:Author['’]s )?(?:[Ff]ieldnotes|[Ff]ield notes|[Ff]ield diary|[Ff]ieldwork notes)\b)"
    r"|(?:Исследование выполнено|Работа выполнена|Статья подготовлена|Здесь и далее)"
    r"|本(?:节|章|文|稿)(?:部分|的部分|主要)?内容(?:曾|已)"
)
# an interview the author held, opening a sentence of a note (a note may cite a work after it)
_INTERVIEW_RECORD = re.compile(r"(?:Author['’]s |The author['’]s |My )?[Ii]nterviews? (?:with|conducted|by the author)")
# the ASCII letters _NOT_CITATION_HEAD can open with (a test reads them from the regex)
_NOT_CITATION_ASCII_FIRST = "TIFAf"
# every character _NOT_CITATION_HEAD can open with (a test reads them from the regex)
_NOT_CITATION_FIRST = frozenset(_NOT_CITATION_ASCII_FIRST + "本基项作感致谨访田调ИРСЗ")
_NOT_CITATION_ANY = re.compile(
    r"阶段性成果|项目编号|资助项目|基金资助|课题编号|批准号|при (?:финансовой )?поддержке|полевые материалы автора"
    r"|为题[^。]{0,40}(?:宣读|报告|发表)"
)
# a word of each alternative of _NOT_CITATION_ANY (a test checks them against the regex)
_NOT_CITATION_ANY_WORDS = ("成果", "编号", "资助", "批准号", "при ", "полевые", "为题")


# the author's own count or calculation: ``据笔者统计，…《申报》体育版共刊登…`` / ``Подсчитано по отчётам
# … за 1898-1903 гг.`` / ``Author's calculations from …``: commentary unless a source is cited with its
# imprint, page or address (``Составлено по: Отчёт … Тверь, 1901. С. 12.`` cites one)
_COMPUTED_HEAD = re.compile(
    r"(?:据|根据)?笔者(?:的)?(?:统计|计算|整理)|筆者(?:作成|集計|計算)"
    r"|(?:Подсчитано|Рассчитано|Вычислено)\s+(?:автором\s+)?по|(?:Подсч[её]ты|Расч[её]ты)\s+автора"
    r"|(?:The\s+)?[Aa]uthor['’]s\s+(?:own\s+)?(?:calculations?|computations?|count)|Calculated\s+(?:by the author\s+)?from"
)
_COMPUTED_FIRST = frozenset("据根笔筆ПРВTACa")
_SOURCE_CITED = re.compile(
    r"出版|[页頁쪽]|https?://|www\.|\bpp?\.\s*\d|[СC]\.\s*\d|[：:]\s*[《「『]|Press|University|[Тт]\.\s*\d|№"
    r"|\d{4}\s*年\s*\d{1,2}\s*月|[А-ЯЁ][а-яё]+,\s*(?:1[5-9]|20)\d\d\."
)


def computed_by_author(text: str) -> bool:
    """A note that gives the author's own count or calculation and cites no source (see above)."""
    return text[:1] in _COMPUTED_FIRST and bool(_COMPUTED_HEAD.match(text)) and not _SOURCE_CITED.search(text)


def not_a_citation(head: str) -> bool:
    """A funding or acknowledgement note, or an interview record (``head``: the note's start)."""
    if head.isascii():  # _NOT_CITATION_ANY's words are Chinese and Russian
        return head[:1] in _NOT_CITATION_ASCII_FIRST and _NOT_CITATION_HEAD.match(head) is not None
    if head[:1] in _NOT_CITATION_FIRST and _NOT_CITATION_HEAD.match(head):
        return True
    for w in _NOT_CITATION_ANY_WORDS:  # substring tests: cheaper than a regex call that seldom matches
        if w in head:
            return _NOT_CITATION_ANY.search(head) is not None
    return False


CIRCLED_NUMS = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
NOTEREF_RE = re.compile(
    r"^(?:同前注|同前註|同注|同註|参见前注|见前注|見前註|前注|前註|参见注|见注|参见本文注|见本文注|前掲注|前揭注|前引注|前引|同(?=["
    + CIRCLED_NUMS
    + r"]|[\[［〔【]\d{1,3}[\]］〕】]))"  # 同③ / 同[2]: the note numbered
    r"\s*(?P<n>["
    + CIRCLED_NUMS
    + r"]|[\[［(（〔【]?\d{1,3}[\]］)）〕】]?)\s*(?:所引|引)?(?:书|文)?\s*(?:[,，。.:：、]\s*)?(?P<rest>.*)$"
    r"|^(?:See\s+)?(?:supra\s+)?(?:note|n\.)\s+(?P<n2>\d{1,3})(?:\s+above)?\s*(?:[,.;:]\s*)?(?P<rest2>.*)$",
    re.I,
)
# a back-reference to a note that names the author first: ``Bennett, supra note 8, at 305``,
# ``Lauterbach (n 1) 70`` (OSCOLA), ``潮田・前掲注7)14頁``, ``Wexler et al.，前引〔2〕``
NAMED_NOTEREF_RE = re.compile(
    r"^(?P<who>[^;；]{1,120}?)(?:,\s*supra\s+(?:note|n\.)\s*(?P<n>\d{1,3})|\s*\(n\s*(?P<n2>\d{1,3})\)"
    r"|\s*[・·、，,：:]\s*(?:前掲注|前揭注|前引注|前注|前引|前掲(?:書|論文)?\s*[（(]注)\s*[\[［(（〔【]?(?P<n3>\d{1,3})[\]］)）〕】]?"
    r"(?:所引)?(?:书|文|書|論文)?)"  # 高峰：前注9文: the work of note 9 by that author
    r"\s*(?:,\s*at\s+)?[,，、]?\s*(?P<rest>.*)$"
)
# 前掲、Anderson, Imagined Communities, p. 41.: a Western short form flagged by the Japanese word
_PRE_BACKREF_LATIN = re.compile(r"^(?:前掲|前揭|前引)\s*[、，,]\s*(?=[A-Z])")
# 秦立言：前引《…》 / 北村信一:前揭《…》 / 岡田・前掲「…」: a short form (author and title) flagged by the word
NAMED_PRE_BACKREF_RE = re.compile(
    r"^(?P<who>[^《「『：:，,。・]{1,20})[：:，,・]\s*(?:前引|前揭|前掲|上引|上掲)\s*(?=[《「『])"
)
IBID_RE = re.compile(
    r"^(?:同上(?:书|文|注|引)?|同前(?:注|书)?(?![引掲揭\s]*["
    + "①②③④⑤⑥⑦⑧⑨⑩"
    + r"\d(（\[])|Ibid\.?|ibid\.?|Ibidem|Id\.|Id$|"
    r"同書|同上書|同論文|同右|同[・·]?(?=\s*\d{1,5}\s*頁)|上书|上引书|上引文|上揭书|上掲書|"
    r"(?:위의|같은)\s*(?:책|글|논문|기사)|상게서|Там\s+же\.?)\s*(?:[,，。.:：、]\s*)?(?P<rest>.*)$"
)
# 前引书，第52页 / 前揭文。: no author named, the book (书) or article (文) cited last
BARE_OPCIT_ZH_RE = re.compile(r"^(?:前引|前揭)(?P<kind>[书文])\s*(?:[,，。.:：、]\s*|(?=第)|$)(?P<rest>.*)$")
# 앞의 글, 215쪽. / 앞의 책.: the same in Korean (책 a book, 글 / 논문 an article or chapter)
_BARE_OPCIT_KO = re.compile(r"^앞의\s*(?P<kind>책|글|논문)\s*(?:[,，.]\s*|$)(?P<rest>.*)$")
# 前引周雪光书 / 前揭李明文 / 上引王叔平书: the back-reference word first, then the author
# 前掲、宮里、320頁 / 前掲、倉本論文、8頁: the word, then the author between commas (Japanese), the 書
# or 論文 after the name or left out (a 、 inside the name joins co-authors: 前揭邓明江、龙爱民文)
OPCIT_ZH_PRE_RE = re.compile(
    r"^(?:前引|前揭|前掲|上引|上揭|上掲)\s*(?:(?:、\s*)?(?P<author>[^\s，,。：:《》「」『』\d（(]{2,12}?)\s*(?:书|文|書|論文|著作)"
    r"|[、，,]\s*(?P<author2>[^\sA-Za-z、，,。：:《》「」『』\d（(]{1,12}?)(?:\s*(?:书|文|書|論文|著作))?(?=\s*[、，,]))"
    r"\s*(?:[，,。、]\s*)?(?P<rest>.*)$"
)
# 前掲服部龍二『日中国交正常化』: a short form with its title, flagged by the back-reference word
_TITLE_THEN_BACKREF = re.compile(r"^《([^《》]{2,80})》\s*[，,]?\s*(?:前引|前揭|同前)(?:书|文)?\s*[，,。]?\s*(.*)$")
PRE_BACKREF_RE = re.compile(r"^(?:前掲|前揭|前引|上掲)\s*(?=[^，,。]{0,20}[《「『])")
OPCIT_ZH_RE = re.compile(
    # 李文静，周海涛，前引文 / 王・前掲書 / 潘志平:同上书: co-authors after commas, a Japanese ・ before the word
    r"^(?P<author>[^，,：:《》「」『』、・]{1,40}?(?:[、，,][^，,：:《》「」『』、・]{1,40}?)*)(?:\s*(?:외|等人|等))?"  # 김상기 외: et al.
    r"\s*[：:，,、・]?\s*(?:前引|前揭|前注所引|前引文|前引书|前掲|上引|上揭|同上(?=[书文])|앞의|위의|전게)(?:书|文|文章|著作|書|論文|\s*(?:책|글|논문|기사)|서)?"
    r"\s*(?:[，,。、]\s*)?(?P<rest>.*)$"
)
AUTHOR_DATE_SHORT = re.compile(
    r"^(?P<au>[A-Z][\w'’\-]+(?:\s+(?:and|&)\s+[A-Z][\w'’\-]+)?(?:\s+et\s+al\.)?)\s*\((?P<y>(?:1[5-9]|20)\d\d)[a-z]?\)\s*(?:[,:]\s*(?P<rest>.*))?$"
)
# 前掲、内閣府（2021）、62頁 / 中山・西田（2018）、前掲、15頁: Japanese author-date notes refer back by
# the author(s) and the year, with 前掲 before or after them
_JA_AUTHOR_YEAR_BACKREF = re.compile(
    r"^(?:(?P<pre>前掲|前揭)\s*[、，,]?\s*)?"
    r"(?P<au>[\u3005\u4e00-\u9fff\u30a0-\u30ff]{1,12}(?:[・、][\u3005\u4e00-\u9fff\u30a0-\u30ff]{1,12}){0,3})\s*"
    r"[（(](?P<y>(?:1[89]|20)\d\d)[a-z]?[)）]\s*(?(pre)|[、，,]\s*(?:前掲|前揭)(?:書|論文)?)\s*(?:[、，,の]\s*)?(?P<rest>.*)$"
)


def _may_be_ja_author_year(piece: str) -> bool:  # _JA_AUTHOR_YEAR_BACKREF needs 前掲/前揭 and a bracket
    return ("前掲" in piece or "前揭" in piece) and ("（" in piece or "(" in piece)


# Кудрин А. Л., Гурвич Е. Т. Указ. соч.: co-authors after the first (the first names the work)
OPCIT_RU_RE = re.compile(
    r"^(?P<author>[А-ЯЁ][а-яё\-]+)\s+(?:[А-ЯЁ]\.\s*){1,2}(?:,\s*[А-ЯЁ][а-яё\-]+\s+(?:[А-ЯЁ]\.\s*){1,2})*"
    r",?\s*[Уу]каз\.\s*соч\.?\s*(?P<rest>.*)$"
)
OPCIT_EN_RE = re.compile(
    r"^(?P<author>(?:[^,]{1,40},\s*){0,3}[^,]{1,60}?)(?:,[”\"]?|(?<=[A-Z]\.))\s*(?:op\.\s*cit\.?|loc\.\s*cit\.?|Указ\.\s*соч\.?)\s*(?P<rest>.*)$",
    re.I,
)
# the author of the work cited just before, named again by a word or a dash
DITTO_RE = re.compile(
    r"^(?:Он\s+же|Она\s+же|Они\s+же|Idem|Eadem|同氏|同人|同(?=\s*[『「《])|氏著(?=\s*[：:]?\s*[《「『])|같은\s*(?:필자|저자|이))\s*[.,，、:：]?\s*(?=\S)"
)  # 같은 필자 (Korean), 氏著 (Chinese: his or her work): the same author
STRONG_SIGNAL = re.compile(r"https?://|\d{4}|\[(?:J|M|N|D|C|R|EB/OL)\]|,”|,\"|[：:]\s*[《「『]|》\s*[，,]\s*(?:载|《)")
PREFIX_CITES = re.compile(
    r"https?://|www\.|\b(?:1[5-9]|20)\d\d\b|\[(?:J|M|N|D|C|R|EB/OL)\]|[：:]\s*[《「『]|》\s*[，,]\s*(?:载|《)"
)
PROSE_AFTER_QUOTE = re.compile(
    r"^[”\"]\s*(?!(?:in|p|pp|ed|eds|trans|accessed|no|vol|paper|unpublished|mimeo)\b)[a-z]{2,}\s+[a-z]"
)
UNREAD_SIGNAL = re.compile(
    r"https?://|[《「『]|\[(?:J|M|N|D|C|R|EB/OL)\]|,\s*[“\"]|[,?]\s*[”\"]|\bpp?\.\s*\d|\bVol\.|[\u0400-\u04ff]{3,}"
)
# (the lookahead in front: a position where no alternative can open is passed over by one class test)
LEAD_WORD_RE = re.compile(
    r"(?=[可请另亦也还均具详参转相有SsCc\s])(?:(?:可|请|另|亦|也|还|均|具体|详细)?\s*(?:参\s*见|参\s*阅|详\s*见|参看|转\s*引\s*自)"
    r"|(?<=[，。；：,;:])(?:相关|有关|具体|详细)\s*(?:讨论|论述|论证|分析)\s*(?:可\s*)?(?:参\s*)?见(?!解)"  # 。相关讨论见…
    r"|(?:^|(?<=[,.;:”\"]\s)|(?<=[，。；：]))(?:See also|see also|See|see|Cf\.|cf\.)(?=\s|,\s+(?:for example|for instance|e\.?g\.?),)"
    r"|(?<=[a-z’'] )see also(?= [A-Z]))"  # On sound in Wong's films see also Michel Chion, …: "see also" after a phrase
)


@dataclass
class CitationText:
    """One citation inside a note, before field parsing."""

    text: str
    kind: str = "full"  # full | ibid | opcit | short | noteref | lastwork (前引书: author is 书 or 文)
    locator: str | None = None
    author: str | None = None  # for opcit
    parsed: Parsed | None = None
    same_author: bool = False  # Он же. / Idem / ―― (2007): by the author of the work cited before
    reporter: str | None = None  # a Bluebook short case's volume and reporter (Warhol, 598 U.S. at 545: "598 US")


@dataclass
class NoteReading:
    status: str  # cited | not-a-citation | not-understood
    citations: list[CitationText]
    reason: str | None = None


# every alternative of LEAD_IN_RE opens with one of these characters (it is anchored, not re.I)
_LEAD_IN_FIRST = frozenset(
    "中日韩英俄德法原邦资数材史例比此另同亦也还又均请可具详更相有讨论分参见转引载SsFECcAQqOIRrПСсЦBb"
)


# 同判決の評釈として、森田修「判批」… / この点については、山田『…』: a Japanese clause (…として、
# …については、) naming what the work is, before its author and a title mark
_JA_LEAD_CLAUSE = re.compile(
    r"^[^、。，,「」『』《》]{2,24}?(?:として|については|に関しては|に関して|について)\s*[、，,]\s*(?=[^、。，,「」『』]{1,12}[「『])"
)


@lru_cache(maxsize=64)  # a note's body and its one piece are often the same string: read it once
def strip_lead_in(text: str) -> str:
    text = text.strip()
    if "て" in text:  # として / について: the Japanese lead clause's gate
        m = _JA_LEAD_CLAUSE.match(text)
        text = text[m.end() :] if m else text
    for _ in range(3):
        if text[:1] not in _LEAD_IN_FIRST:
            break  # LEAD_IN_RE cannot match here
        new = LEAD_IN_RE.sub("", text, count=1).strip()
        if new == text:
            break
        text = new
    return text


_SPLIT_CHARS = re.compile(r"[《「『（(\[［〈【〔》」』）)\]］〉】〕“”；;另又]")
_OPENS, _CLOSES = "《「『（([［〈【〔", "》」』）)]］〉】〕"
_SPLITS_AT = re.compile(r"[；;另又]")  # split_top splits only at one of these


def split_top(text: str) -> list[str]:
    """Split on ``；``/``; ``/``另参见`` outside quotes, title marks and brackets."""
    if ";" not in text and "；" not in text and "另" not in text and "又" not in text:  # _SPLITS_AT
        return [text.strip()] if text.strip(" 。.，,") else []  # nothing it could split at
    parts: list[str] = []
    depth = 0
    quote = False
    start = 0
    n = len(text)
    for m in _SPLIT_CHARS.finditer(text):  # only the characters that matter, not every one
        i = m.start()
        c = text[i]
        if c in _OPENS:
            depth += 1
        elif c in _CLOSES:
            depth = max(0, depth - 1)
        elif c == "“":
            quote = True
        elif c == "”":
            quote = False
        elif depth == 0 and not quote:
            if c == "；" or (
                c == ";"
                and i + 1 < n
                and (text[i + 1] == " " or _GLUED_NEXT.match(text, i + 1))
                and (not _in_url(text, i) or _NEXT_CITATION.match(text, i + 1))
                and not _YEAR_TAIL.match(text, i + 1)
                and not _SECOND_PLACE.match(text, i + 1)
            ):
                parts.append(text[start:i])
                start = i + 1
            elif text.startswith(("另参见", "另见", "另可参见", "又见"), i) and i > start + 4:
                parts.append(text[start:i])
                start = i
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip(" 。.，,")]


# Bluebook: ``Loper Bright, 603 U.S. at 401–02 (citing Bamzar, supra note 12, at 1040)``: the
# authority the cited work relies on, a second citation at the end
_CITING = re.compile(r"^(?P<outer>.+?)\s*\((?:citing|quoting)\s+(?P<inner>[^()]+)\)\s*[.,;]?\s*$")


# ``… (Chicago: University of Chicago Press, 1998), 301-3, and Rutherford, Verdi, 70``: a Chicago
# note joins its next citation by ``, and`` after the page that follows an imprint's bracket
_AND_AFTER_PIN = re.compile(r"\),\s*\d{1,5}(?:\s*[-–]\s*\d{1,5})?(?:,\s*at\s+\d{1,5})?(,\s+and\s+)(?=[A-Z])")


def and_after_pin(text: str) -> list[str]:
    """The citations a ``, and`` joins after an imprint's bracket and the page it cites, apart."""
    if ", and " not in text:
        return [text]  # the common case, decided without the regex
    parts, start = [], 0
    for m in _AND_AFTER_PIN.finditer(text):
        parts.append(text[start : m.start(1)])
        start = m.end(1)
    return [*parts, text[start:]]


def citing_parenthetical(text: str) -> list[str]:
    """The citation and the one its ``(citing …)`` / ``(quoting …)`` parenthetical names, apart."""
    if "(citing " not in text and "(quoting " not in text:
        return [text]
    m = _CITING.match(text)
    return [m["outer"], m["inner"]] if m else [text]


_GLUED_NEXT = re.compile(r"[A-Z\u4e00-\u9fff《“\"](?![A-Z]*\d)")  # ;Cheng-Chwee Kuik, … (not ;ID=3 in a URL)
# Vancouver ``Place: Publisher; 2019.``: a year alone after the semicolon ends the same reference
_YEAR_TAIL = re.compile(r"\s*(?:1[5-9]|20)\d\d[a-z]?\.?\s*$")
# ``Leiden; Boston: Brill, 2003``: a second place of the imprint after the semicolon, its publisher
# and year after a colon, ends the same reference
_SECOND_PLACE = re.compile(r"\s*[A-Z][a-z]+(?: [A-Z][a-z]+)?(?:, [A-Z]{2})?\s*:\s*[^;:]{2,60}?,\s*(?:1[5-9]|20)\d\d\b")
# URL/; and Author …, URL/; but cf. Author …: a new citation (a signal word may open it)
_NEXT_CITATION = re.compile(r"\s+(?:and\s+|&\s+|(?:but\s+)?(?:see(?:\s+also)?|cf\.)\s+)?[A-Z\u4e00-\u9fff《“\"]")


def _in_url(text: str, i: int) -> bool:
    j = text.rfind(" ", 0, i)
    return bool(URL_RE.match(text, j + 1 if j >= 0 else 0)) and "http" in text[max(0, j) : i]


_ETC_LAST = frozenset("等文书作c.s")
_ETC = re.compile(r"\s*(?:等|等等|等文|等书|等著作|etc\.?|and others)\s*$")


def strip_etc(text: str) -> str:
    text = rstrip_run(text.strip(), "。.")
    if text.rstrip()[-1:] in _ETC_LAST:  # the last character of every word _ETC removes
        text = _ETC.sub("", text)
    return rstrip_run(text, "，,；;。.")


def locator_of(text: str) -> str | None:
    m = cjk_pages(text)
    if m:
        return cjk_page_locator(m)
    m = en_pages(text)
    if m:
        return page_range(m.group(2), m.group(3))
    m = cre.search(r"\b[СCс]\.\s*(\d+)(?:\s*[-–—]\s*(\d+))?", text)  # с. 215: GOST's page, lower case too
    if m:
        return page_range(m.group(1), m.group(2))
    if "Л." in text or "л." in text:  # Там же. Л. 7 (об.) / Там же, лл. 8-9: an archival file's leaf,
        # its locator as in the full note
        m = cre.search(r"(?<![А-Яа-яЁё])(?:Л|л|лл)\.\s*(\d+)(?:\s*[-–—]\s*(\d+))?", text)
        if m:
            return page_range(m.group(1), m.group(2))
    if "P." in text:  # Levitsky, Way. Op. cit. P. 21: GOST's page in a Latin-script back-reference
        m = cre.search(r"(?<![A-Za-z])P\.\s*(\d+)(?:\s*[-–—]\s*(\d+))?", text)
        if m:
            return page_range(m.group(1), m.group(2))
    para = para_locator(text)  # Ibid., para. 24. / 同上，para. 202。: a paragraph cited
    if para:
        return para
    if "fol" in text:  # Ibid., fols. 25–27: archival leaves, the locator of a manuscript
        m = cre.search(r"\bfols?\.\s*(\d+)(?:\s*[-–—]\s*(\d+))?", text)
        if m:
            return page_range(m.group(1), m.group(2))
    if "para" in text:  # Ibid., para. 24 / 同上，para. 202: a paragraph of a judgment, as printed (docs/fields.md)
        m = cre.search(r"\bparas?\.\s*\d+(?:\s*[-–—]\s*\d+)?", text)
        if m:
            return m.group(0)
    return None


# （2019）最高法民终 1234 号民事判决书: a Chinese judgment cited by its docket number
_JUDGMENT = re.compile(r"[（(]\s*\d{4}\s*[）)][^，,。]{1,20}?\d+\s*号\s*(?:民事|刑事|行政)?(?:判决书|裁定书|调解书)")


# An English citation's signal (a quoted title with letters, pp./Vol./No., Press, University, a
# year, a URL, a Russian archive's ф./оп./с.), cut into regexes whose alternatives open with a
# literal (the engine skips to where one can start); a \b before a letter is written after it
# (``(?<!\w.)``). A docstring here reading ``bool(NAME.search(text))`` names the regex the function
# replaces; tests/test_extract_speed.py keeps those regexes as the reference each must answer as.
_EN_CITE_WORDS = re.compile(
    r"p(?<!\w.)p?\.\s*\d\b|V(?<!\w.)ol\.\b|v(?<!\w.)ol\.\b|N(?<!\w.)o\.\s*\d\b|P(?<!\w.)ress\b|U(?<!\w.)niversity\b"
    r"|1(?<!\w.)9\d\d\b|2(?<!\w.)0\d\d\b|https?://"
    r"|Ф(?<!\w.)\.\s*\d|ф(?<!\w.)\.\s*\d|О(?<!\w.)п\.\s*\d|о(?<!\w.)п\.\s*\d|С(?<!\w.)\.\s*\d|C(?<!\w.)\.\s*\d"
)


def _en_cite_signal(text: str) -> bool:
    """``bool(EN_CITE_SIGNAL.search(text))``, faster."""
    return _quoted_with_letter(text) or bool(_EN_CITE_WORDS.search(text))


_QUOTE_MARKS = re.compile(r"[“”\"]")
_QUOTED_LETTER = re.compile(r"[A-Za-z\u0400-\u04ff]")


def _quoted_with_letter(text: str) -> bool:
    """``bool(_EN_CITE_QUOTED.search(text))`` in linear time (the regex rescans the rest of the
    text from every opening quote that is never closed): an opening ``“``/``"``, then before the
    next closing ``”``/``"`` a letter followed by two more characters. Of several openings before
    one closing quote the first holds the longest stretch, so only it is tried."""
    if '"' not in text and "“" not in text:
        return False  # no opening quote
    start = -1  # the first opening quote not closed yet
    for m in _QUOTE_MARKS.finditer(text):
        i, c = m.start(), m.group()
        if c != "“" and start >= 0:  # ” or " closes
            if _QUOTED_LETTER.search(text, start + 1, i - 2):
                return True
            start = -1
        if c != "”" and start < 0:  # “ or " opens
            start = i
    return False


def _cyrillic_then_digits(text: str) -> bool:
    """``bool(_HAS_CITATION_SIGNAL_RE1.search(text))`` in linear time: three Cyrillic letters, then
    four digits later on the same line (the first such letters of a line leave the most room)."""
    for line in text.split("\n"):
        m = _CYRILLIC_3.search(line)
        if m and _DIGITS_4.search(line, m.end()):
            return True
    return False


_CYRILLIC_3 = re.compile(r"[\u0400-\u04ff]{3}")
_DIGITS_4 = re.compile(r"\d{4}")


_GBT_TAG_SIGNAL = re.compile(r"\[(?:J|M|N|D|C|R|EB/OL)\]")


def _zh_cite_signal(text: str) -> bool:
    """``bool(ZH_CITE_SIGNAL.search(text))`` in linear time (the regex rescans the rest of the text
    from every title mark that is never closed): a mark pair with something between, or a tag."""
    for open_mark, close_mark in ("《》", "「」", "『』"):
        start = text.find(open_mark)
        while start >= 0:
            close = text.find(close_mark, start + 1)
            if close < 0:
                break  # no closing mark after this one, so none after a later one
            if close > start + 1:
                return True
            start = text.find(open_mark, close + 1)
    return "[" in text and _GBT_TAG_SIGNAL.search(text) is not None


def has_citation_signal(text: str) -> bool:
    return bool(
        is_japanese_case(text)
        or "号" in text
        and (_JUDGMENT.search(text) or GUIDING_CASE_RE.search(text) or JA_LAW_NUMBER_RE.search(text))
        or _zh_cite_signal(text)
        or _en_cite_signal(text)
        or text[:1] in _IBID_FIRST
        and IBID_RE.match(text)
        or not text.isascii()
        and _cyrillic_then_digits(text)
    )


# full-width digits and Latin letters (２０２５, ｐｐ) read as ASCII; full-width punctuation stays
_FULLWIDTH = {
    c: c - 0xFEE0 for c in list(range(0xFF10, 0xFF1A)) + list(range(0xFF21, 0xFF3B)) + list(range(0xFF41, 0xFF5B))
}


_HAS_FULLWIDTH = re.compile(r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")


def _ascii_alnum(text: str) -> str:
    """``text`` with full-width digits and letters as ASCII (the table lookup only when one is there)."""
    return text.translate(_FULLWIDTH) if not text.isascii() and _HAS_FULLWIDTH.search(text) else text


@lru_cache(maxsize=8192)
def read_note(text: str) -> NoteReading:
    """Classify a note and cut it into citations (fields are parsed here too).

    A pure function of the note text, cached: articles repeat notes, and a repeated note must
    read the same way. Callers must not mutate the result."""
    return _read_note(text)


def _read_note(text: str) -> NoteReading:
    raw = normalize(_ascii_alnum(text.strip()))
    if not raw:
        return NoteReading("not-understood", [], "empty note")
    if not_a_citation(raw[:80]) and not cre.search(r"[：:]\s*《|载《|”,|,”", raw):
        return NoteReading("not-a-citation", [], "funding or acknowledgement note")
    if computed_by_author(raw):
        return NoteReading("not-a-citation", [], "the author's own count or calculation, no source cited")
    body = cut_commentary(raw)
    body = cut_trailing_commentary(body)
    body = translation_pairs(strip_lead_in(body))
    if whole_item(body):  # an ACS/MDPI reference: its semicolons join authors and imprint
        pieces = [body]
    else:
        pieces = [
            s
            for top in split_top(body)
            for part in and_after_pin(top)
            for c in citing_parenthetical(part)
            for q in quoted_from(c)
            for s in sentences(q)
        ]
    out: list[CitationText] = []
    prose = False
    for k, piece in enumerate(pieces):
        if piece[:1] in "AIMT" and _INTERVIEW_RECORD.match(piece) and not cre.search(r"”,|,”", piece):
            # Author's interview with an official, Seoul, 2022.: a record, no work cited; a work
            # cited in a sentence after it is read on its own
            piece = _cited_after_record(piece)
            if not piece:
                prose = True
                continue
        piece = piece[citation_start(piece) :]
        # …；中译本参见林某译：《…》: the translation of the work just cited, by its author
        translation = k > 0 and piece[:1] in _TRANSLATION_FIRST and _TRANSLATION_LEAD.match(piece) is not None
        if k:
            piece = cut_commentary(piece)  # …；此外，英文文献可参见Kevin L. Tan, …: the remark before 可参见
        piece = strip_lead_in(piece)
        if k and piece[:1] in "此另再":  # 。此外，吴某：《…》: a connective before the next author
            piece = _CONNECTIVE.sub("", piece)
        if k and "a" <= piece[:1] <= "z":  # …; the phrase recurs, slightly altered, in Pang, Title, 94.
            piece = _REMARK_BEFORE_SOURCE.sub("", piece, count=1)
        if k and piece.startswith(("and", "&")) and not HAN.search(piece[:12]):
            piece = cre.sub(r"^(?:and|&)\s+(?=[A-Z“\"])", "", piece)  # …, 23; and Philip Huang, Title
            piece = strip_lead_in(piece)
        piece = strip_etc(piece)
        ditto = DITTO_RE.match(piece) if piece[:1] in _DITTO_FIRST else None
        if ditto:
            piece = piece[ditto.end() :]
        if not piece:
            continue
        c = classify(piece)
        if c is not None and ditto:
            c.same_author = True
        if translation and c is not None and c.parsed is not None and not c.parsed.fields.get("author"):
            c.same_author = bool(c.parsed.fields.get("translator"))
        if c is None:
            prose = True
            continue
        out.append(c)
    if prose and all(
        c.kind == "full"
        and (not score_at_least(c.text, 0) or not score_at_least(c.text, 2) and mostly_lower_case(c.text))
        for c in out
    ):
        out = []  # The figures … are my own calculations; they exclude …: a remark cut at its semicolon
    if not out:
        if not prose and UNREAD_SIGNAL.search(raw):
            return NoteReading("not-understood", [], "a citation could not be read")
        return NoteReading("not-a-citation", [], "commentary without a citation")
    if all(c.parsed is not None and not c.parsed.understood for c in out):
        if UNREAD_SIGNAL.search(raw):
            return NoteReading("not-understood", [], "a citation could not be read")
        return NoteReading("not-a-citation", [], "no citation found (an interview, data source or remark)")
    return NoteReading("cited", out)


_SENTENCE_END = re.compile(r"\.\s+(?=[A-Z])")


def _cited_after_record(piece: str) -> str:
    """What a sentence after an interview record cites (``… 2018. On sound see also A. Author,
    Title, New York: Press, 1994``), else ``""``."""
    for k, m in enumerate(_SENTENCE_END.finditer(piece)):
        if k == 4:
            break  # a record is a sentence or two (U.S. officials, D.C.): rescoring every tail is quadratic
        rest = piece[m.end() :]
        if score_at_least(rest[:400], 3):
            see = _SEE_INSIDE.search(rest)  # On sound in his films see also …: the topic before the signal
            return rest[see.end() :] if see and not score_at_least(rest[: see.start()], 1) else rest
    return ""


_SEE_INSIDE = re.compile(r"\b(?:[Ss]ee(?: also)?|[Cc]f\.)\s+(?=[A-Z“\"])")


_TRANSLATION_LEAD = re.compile(r"(?:[中日韩英俄德法]文?译本|中译|日译|汉译|邦訳|翻訳)")
_TRANSLATION_FIRST = frozenset("中日韩英俄德法汉邦翻")
_CONNECTIVE = re.compile(r"^(?:此外|另外|再者)\s*[，,]\s*(?=[^，,。：:《]{2,30}[：:]\s*[《「『])")
# a clause of lower-case words after a semicolon that names the work it draws on by ``in`` / ``see``
# and a capitalised name with its comma: the clause is a remark, the rest a citation
_REMARK_BEFORE_SOURCE = re.compile(r"^[a-z][a-z ,'’\-]{0,120}?\s(?:in|see|see also|cf\.)\s+(?=[A-Z][\w'’\-]+,\s)")
_DITTO_FIRST = frozenset("ОIE同氏같")  # the first characters of DITTO_RE's words
_LEAD_WORD_CUES = ("参", "详", "转", "See", "see", "Cf", "cf")
_LEAD_WORD_CUE_RE = re.compile("|".join(_LEAD_WORD_CUES))  # the reference the test checks against
_LEAD_WORD_CUES_ASCII = tuple(w for w in _LEAD_WORD_CUES if w.isascii())


def _has_lead_word_cue(text: str) -> bool:
    """``bool(_LEAD_WORD_CUE_RE.search(text))`` by substring tests (a regex call costs more than
    several of them); ASCII text is tested for the ASCII cues only."""
    for w in _LEAD_WORD_CUES_ASCII if text.isascii() else _LEAD_WORD_CUES:
        if w in text:
            return True
    return False


def cut_commentary(text: str) -> str:
    """``关于“对冲”概念的辨析，可参见王栋：《…》`` -> ``王栋：《…》``: drop commentary before a lead-in
    when that commentary holds no citation of its own."""
    if not _has_lead_word_cue(text):
        return text  # no lead word can match: skip the regex, which tries every position
    m = LEAD_WORD_RE.search(text)
    if not m or m.start() == 0:
        return text
    before = text[: m.start()]
    if (
        IBID_RE.match(before.strip())
        or NOTEREF_RE.match(before.strip())
        or cre.search(r"前引|前揭|前掲|上引|上揭|上掲|\bop\.\s*cit|\bsupra\b|\(n\s*\d", before)
    ):
        return text  # 同上，第 9 页；另参见……: a back-reference is a citation, not commentary
    if PREFIX_CITES.search(before) or before.count("《") > before.count("》") or before.count("“") > before.count("”"):
        return text
    if "《" in before and score_at_least(before, 4):
        return text  # 《…会谈纪要》（1956年3月31日），АПРФ, ф. 45…。转引自…: a document cited before, by its evidence
    if _CITED_PAGE_THEN_SEMICOLON.search(before):
        return text  # Wessel, Global Cold War, 112; see also …: a short form ends at its page
    short = _SHORT_FORM_ENDS_REMARK.search(before) if before.rstrip().endswith(".") else None
    if short:  # …; the distinction drawn here follows Halvorsen, Alliance Bargaining, 30–34. See also …
        return short.group(1) + "; " + text[m.start() :]
    return text[m.start() :]


_CITED_PAGE_THEN_SEMICOLON = re.compile(r"(?:\d|页|頁)\s*[;；]\s*$")
# a Chicago short form (Author, Short Title, page) closing a remark: the remark goes, the citation stays
_SHORT_FORM_ENDS_REMARK = re.compile(
    r"\b([A-Z][\w'’\-]+(?: and [A-Z][\w'’\-]+)?, [A-Z“\"][^,;.]{2,80}, \d{1,4}(?:\s*[-–]\s*\d{1,4})?)\.\s*$"
)


_AFTER_CITE_OK = re.compile(
    r"[《「『“\"]|https?://|www\.|第\s*\d+\s*[页頁版卷期]|\bpp?\.\s*\d|同上|前引|参见|参阅|转引|另见|又见|亦见|见"
)
# 该报"商务"栏另有记载: a short quoted term that prose runs on from (a Han character right after
# it), no title a citation would quote
# (the Han character is tested in _term_in_prose: a class of the Han block costs milliseconds to compile)
_QUOTED_TERM = re.compile(r"[“\"][^”\"，,。]{1,8}[”\"]")


def _term_in_prose(m: re.Match) -> str:
    """A quoted term that a Han character runs on from is dropped; another quote is kept."""
    after = m.string[m.end() : m.end() + 1]
    return "" if after and "\u4e00" <= after <= "\u9fff" else m.group()


_AFTER_PROSE = re.compile(r"[的了是]|认为|指出|值得|需要|本文|笔者|作者|该书|该文|此外|不过|但是")


_CUT_TRAILING_COMMENTARY_RE1 = re.compile(r"[《「『]")
_CUT_TRAILING_COMMENTARY_RE2 = re.compile(r"[》」』][^。]*[，,]")


_MARKS_AND_STOPS = re.compile(r"[《「『（(“》」』）)”。]")


# ``Granovetter, M. S., 1973, "…," AJS, 78(6): 1360-1380. ここでの「弱い紐帯」概念は、…である。``: a
# Western citation, its full stop, then a remark in Japanese or Chinese prose (a kana particle or a
# Chinese function word, no title mark 『《 and no year): the remark is no part of the citation
_LATIN_THEN_CJK_REMARK = re.compile(r"(?<=[\w)\]”\"])\.\s+(?=[\u3040-\u30ff\u4e00-\u9fff「])")
_CJK_PROSE_WORD = re.compile(r"[はがをにで]|である|であろう|ている|认为|指出|讨论|值得|本文|笔者")


def _cut_cjk_remark_after_latin(text: str) -> str:
    """The Western citation before a CJK remark that follows its full stop (see above), else ``text``."""
    m = _LATIN_THEN_CJK_REMARK.search(text)
    if m is None or not text[: m.start()].isascii():
        return text
    after = text[m.end() :]
    if "『" in after or "《" in after or cre.search(r"\d{4}", after) or not _CJK_PROSE_WORD.search(after):
        return text
    return text[: m.start() + 1]


_TITLE_IN_MARKS = re.compile(r"[『「《][^』」》]*[』」》]")
_HIRAGANA = re.compile(r"[\u3041-\u309f]")
# what a Japanese citation's imprint holds: a year, a page, a publisher
_JA_IMPRINT_CUE = re.compile(r"\d{4}|頁|出版|書店|書房|[^会]社[、，,。]|https?://")


def _japanese_remark(after: str) -> bool:
    """``…、16頁。なお、同調査の数値は…と一致しない箇所があり、本稿では大蔵省『…』の数値を優先した。``:
    a sentence of Japanese prose after the citation (hiragana are three in ten of its characters
    outside its title marks; a citation's imprint holds next to none) that names a title without
    any imprint: the author's remark, not a second citation."""
    outside = _TITLE_IN_MARKS.sub("", after) if "『" in after or "「" in after or "《" in after else after
    if len(outside) < 20 or _JA_IMPRINT_CUE.search(outside):
        return False
    return 10 * len(_HIRAGANA.findall(outside)) >= 3 * len(outside)


def cut_trailing_commentary(text: str) -> str:
    """``王明：《书名》，北京：某出版社 2001 年版，第 12 页。值得注意的是，……``: a Chinese citation
    ends at its ``。``; a following sentence without any citation data is commentary and is dropped."""
    if "。" in text and text[:1].isascii() and ". " in text:
        text = _cut_cjk_remark_after_latin(text)
    if "。" not in text or not ("《" in text or "「" in text or "『" in text):  # _CUT_TRAILING_COMMENTARY_RE1
        return text
    depth = 0
    for m in _MARKS_AND_STOPS.finditer(text):  # only the characters that matter, not every one
        i, ch = m.start(), m.group()
        if ch in "《「『（(“":
            depth += 1
        elif ch in "》」』）)”":
            depth = max(0, depth - 1)
        elif depth == 0:  # a 。
            before, after = text[:i], text[i + 1 :].strip()
            if not after:
                return text
            if (
                ("《" in before or "「" in before or "『" in before)  # _CUT_TRAILING_COMMENTARY_RE1
                and _CUT_TRAILING_COMMENTARY_RE2.search(before + "，")
                and (
                    HAN.search(after[:4])
                    and not _AFTER_CITE_OK.search(
                        _QUOTED_TERM.sub(_term_in_prose, after) if '"' in after or "“" in after else after
                    )
                    and not score_at_least(after, 3)
                    and (not cre.search(r"\d{4}", after) or _AFTER_PROSE.search(after) and cre.search(r"[，,]", after))
                    or _japanese_remark(after)
                )
            ):
                return before + "。"
            return text
    return text


# ここでいう「自治」は / 「非宗教」論については: a term (or a view named by it: 論, 説, 概念) in prose;
# 「鉱夫」「坑夫」の表記を: terms side by side, their spelling (表記) or wording (用語, 訳語) discussed
_JA_TERM_IN_PROSE = re.compile(
    # (only the first term of a run opens a match: one pass over a run of terms, not one per term)
    r"(?<!」)(?<!」、)(?<!」・)「[^」]{1,12}」(?:[、・]?「[^」]{1,12}」)*\s*(?:[論説観]|概念)?\s*"
    r"(?:とは|は|を|が|という|といった|について|と「|の(?:区分|用法|意味|定義|表記|用語|訳語))"
)


_JA_TERMS_NAMED = re.compile(r"「[^」]{1,12}」\s*と(?:呼ぶ|呼称する|称する|略称する|略記する|略す|いう。)")
_CJK_MENTION_ONLY_RE1 = re.compile(r"(?:载|见|载于|收入)$")
_CJK_MENTION_ONLY_RE2 = re.compile(r"^\s*(?:[\[［〔【（(][^\]］〕】）)]{1,3}[\]］〕】）)]\s*)?[^，。；]{1,30}$")
_CJK_MENTION_ONLY_RE3 = re.compile(r"[关于对是的在]")
# what a citation gives after a title and prose does not (a year alone may be the prose's subject)
_IMPRINT_CUE = re.compile(r"https?://|出版|[页頁版期号卷]|[载見见]《")


def _cjk_mention_only(piece: str) -> bool:
    """A title mark used in running prose (``关于《美日安保条约》第五条……``) rather than a citation:
    the mark follows prose (no author colon, not at the start) and no publication data follows."""
    start = -1 if piece.isascii() else first_index(piece, "《「『")  # _CUT_TRAILING_COMMENTARY_RE1
    if start < 0:
        return False
    if (
        "「" in piece
        and _JA_TERM_IN_PROSE.search(piece)
        and not cre.search(r"\d|『|出版|書店|書房|[^会]社[、，,。]", piece)
    ):
        return True  # ここでいう「自治」は、…である。: a term explained in prose, no source named
    if (
        "と" in piece
        and _JA_TERMS_NAMED.search(piece)
        and not cre.search(r"『|頁|出版|書店|書房|[^会]社[、，,。]", piece)
    ):
        return True  # 本稿では、2017年改正後の民法を「新法」と呼ぶ。: the note names its terms (a year is no source)
    if start == 0:
        # 《某条约》第三条规定，……: a title opening running prose, no publication data after it
        end = piece.find({"《": "》", "「": "」", "『": "』"}[piece[0]])
        after = piece[end + 1 :] if end > 0 else ""
        return bool(
            end > 0
            and cre.match(r"[\u4e00-\u9fff]", after)
            and not cre.match(
                r"(?:白皮书|蓝皮书|研究报告|报告|社论|评论员|编辑部|记者|特约|本报|第\s*\d+\s*[卷册辑])", after
            )
            and len(after) >= 10
            and cre.search(r"[，,]", after)
            and "《" not in after
            and not cre.search(
                r"\d{4}|https?://|出版|\d\s*[页頁版期号年月日]|第\s*[\d一二三四五六七八九十]+\s*[页頁版期号卷册]|电|网",
                after,
            )
        )
    before = piece[:start].rstrip()
    if not before or before[-1] in "：:，,、" or _CJK_MENTION_ONLY_RE1.search(before):
        return False
    if _CJK_MENTION_ONLY_RE2.match(before) and not _CJK_MENTION_ONLY_RE3.search(before[:2]):
        return False  # 佐藤優『…』: an author written straight before the title
    end = piece.find({"《": "》", "「": "」", "『": "』"}[piece[start]], start)
    if end > 0 and piece[end + 1 : end + 2] == "的" and not _IMPRINT_CUE.search(piece):
        return True  # 关于《难夫难妻》的拍摄年份，有1913年与1914年两说: the title is the object of prose
    return not cre.search(r"\d{4}|https?://|出版|页|頁|版|期|号", piece)


_PROSE_WORDS = re.compile(
    after_boundary("the|of|is|are|was|were|differ|differs|follow|here|this|that|we|I|our|my|not") + r"\b"
)


# "This figure excludes …", "The distinction is sometimes drawn …": a sentence of the author's own,
# opened by a pronoun or an article and a lower-case word (a title or a name would be capitalized)
_ENGLISH_SENTENCE = re.compile(
    r"^(?:(?:This|These|That|Those|The|It|Here|There|Such|Our|We|I|In this)\s+[a-z]+(?:\s+['‘\"“][^'’\"”]{1,40}['’\"”])?"
    r"|(?:This|These)\s+(?:Article|Essay|Note|Chapter|Paper|Book|Part)"
    r"|(?:this|these|that|those)\s+\w+)\s+[a-z]+\b[^\u3040-\u30ff\u4e00-\u9fff]*$"
)
# The author speaking in the first person (On the distinction …, I follow the usage of …) and a
# citation's bits, for a yes/no answer, cut so that each regex opens with a literal or a class (see
# _EN_CITE_WORDS): the first person at the start or after a comma; the citation bits
_FIRST_PERSON_VERB = r"\s+(?:follow|use|adopt|treat|draw|rely|do not|am|have|thank|prefer|leave)\b"
_FIRST_PERSON_AT = re.compile(r"(?:I|we|We)" + _FIRST_PERSON_VERB)
_FIRST_PERSON_AFTER = re.compile(r"[,;]\s+(?:I|we|We)" + _FIRST_PERSON_VERB)
_CITATION_BITS_LED = re.compile(
    r"https?://|www\.|,\s*[”\"]|\.\s*[”\"]|p(?<!\w.)p?\.\s*\d|V(?<!\w.)ol\.|N(?<!\w.)o\.\s*\d|Press|Publish"
    r"|\(\s*\d{4}\s*\)|:\s*[A-Z]"
)
_CITATION_BITS_RANGE = re.compile(r"\d{1,4}\s*[-–]\s*\d")


# the characters _ENGLISH_SENTENCE and _FIRST_PERSON_AT can open with (a test reads them from the regexes)
_ENGLISH_SENTENCE_FIRST = "TIHSOWt"
_FIRST_PERSON_FIRST = "IwW"


def _english_sentence(piece: str) -> bool:
    return piece[:1] in _ENGLISH_SENTENCE_FIRST and _ENGLISH_SENTENCE.match(piece) is not None


# Japanese names are given in the Japanese order, …: a subject of a few words, then is/are/was/were
# and lower-case words (a title in sentence case comes with a year, a page or a publisher)
_BE_SENTENCE = re.compile(r"[A-Z][a-z]+(?: [a-z]+){0,3} (?:is|are|was|were) [a-z]+(?: [a-z]+){2}")


def _be_sentence(piece: str) -> bool:
    return " " in piece[:40] and _BE_SENTENCE.match(piece) is not None and not _DIGIT.search(piece)


# Munro's figures, however, leave out …: a connective set off by commas, then a lower-case verb (a
# citation's parts are names, titles and numbers, never an argument's connectives)
_CONNECTIVE_CLAUSE = re.compile(
    r", (?:however|moreover|though|therefore|nevertheless|in turn|by contrast|in fact|of course), [a-z]+ [a-z]+"
)


def _connective_sentence(piece: str) -> bool:
    return ", " in piece and _CONNECTIVE_CLAUSE.search(piece) is not None and not _DIGIT.search(piece)


_DIGIT = re.compile(r"\d")


def _first_person(piece: str) -> bool:
    """``bool(_FIRST_PERSON.search(piece))``, faster: each regex only where its opening can be (the
    pronoun after a comma needs an ``I`` or a ``we``/``We``)."""
    if piece[:1] in _FIRST_PERSON_FIRST and _FIRST_PERSON_AT.match(piece):
        return True
    return ("I" in piece or "we" in piece or "We" in piece) and _FIRST_PERSON_AFTER.search(piece) is not None


def _citation_bits(piece: str) -> bool:
    """``bool(_CITATION_BITS.search(piece))``, faster."""
    return bool(_CITATION_BITS_LED.search(piece) or _CITATION_BITS_RANGE.search(piece))


_WESTERN_PROSE_RE1 = re.compile(
    r"[,，“”\"\[\]《「『:：()]|https?://|www\.|\bpp?\.\s*\d|[\u0400-\u04ff\u3040-\u30ff\uac00-\ud7af]"
)


def _western_prose(piece: str) -> bool:
    """A Latin-script sentence without any comma, quote, URL, tag or page: Western citations
    separate author, title and publication data with commas, so this is commentary."""
    if not piece.isascii() and HAN.search(piece) or _WESTERN_PROSE_RE1.search(piece):
        return False
    words = piece.split()
    return len(words) >= 6 and len(_PROSE_WORDS.findall(piece)) >= 2


_LOWER_WORDS = re.compile(r"[a-z]+(?: [a-z]+){2}")
_CAPITAL = re.compile(r"[A-Z]")


def _lower_case_remark(piece: str) -> bool:
    """``contemporaries called it simply “the panic.”``: a clause of lower-case words (after a
    semicolon) with no digit, no capitalised word and a quote only of a lower-case term: a remark (a
    citation names an author or a title, which English capitalises, or a page)."""
    return (
        "a" <= piece[:1] <= "z"
        and _LOWER_WORDS.match(piece) is not None
        and _DIGIT.search(piece) is None
        and _CAPITAL.search(piece) is None
    )


_WORD = re.compile(r"[A-Za-z\u0400-\u04ff]{2}")


# Cheap necessary conditions for the back-reference patterns whose lazy author groups try every
# prefix: each holds a literal the pattern cannot match without, so a note lacking it skips the regex.
# op. cit. / loc. cit. / Указ. соч.: ``(?i:cit|Указ)``, each letter's case variants spelt out so that the
# engine skips to a C or У instead of folding every character (İ and ı fold to i)
_OPCIT_EN_CUE = re.compile(r"[CcУу](?:(?<=[Cc])[Iiİı][Tt]|(?<=[Уу])[Кк][Аа][Зз])")


def _may_cite_opcit(piece: str) -> bool:
    """``bool(_OPCIT_EN_CUE.search(piece))``: in ASCII text (no Cyrillic, no İ or ı, which fold to i)
    by ``lower`` and one substring test; other text, where ``lower`` would copy every character and
    miss the odd folds, is left to the regex."""
    if piece.isascii():
        return "cit" in piece.lower()
    if "t" not in piece and "T" not in piece and "з" not in piece and "З" not in piece:
        return False  # each word ends in a t or a з (no other character folds to them)
    return _OPCIT_EN_CUE.search(piece) is not None


# the words each pattern needs, whole (a lone 前 is in 目前, 当前, 前沿; 上 in 上海): a test checks them
_NAMED_NOTEREF_WORDS = ("前掲", "前揭", "前引", "前注", "supra", "(n")  # supra note / (n 1) / 前掲注 …
_OPCIT_ZH_WORDS = ("前引", "前揭", "前掲", "前注所引", "上引", "上揭", "同上", "앞의", "위의", "전게")
_NAMED_PRE_BACKREF_WORDS = ("前引", "前揭", "前掲", "上引", "上掲")


def _may_name_pre_backref(piece: str) -> bool:  # NAMED_PRE_BACKREF_RE (_NAMED_PRE_BACKREF_WORDS)
    if "前" in piece and ("前引" in piece or "前揭" in piece or "前掲" in piece):
        return True
    return "上引" in piece or "上掲" in piece


def _may_name_noteref(piece: str) -> bool:  # NAMED_NOTEREF_RE (the words of _NAMED_NOTEREF_WORDS)
    if "前" in piece:
        if "前掲" in piece or "前揭" in piece or "前引" in piece or "前注" in piece:
            return True
    return "supra" in piece or "(n" in piece


def _may_be_opcit_zh(piece: str) -> bool:  # OPCIT_ZH_RE (the words of _OPCIT_ZH_WORDS)
    if "前" in piece and ("前引" in piece or "前揭" in piece or "前掲" in piece or "前注所引" in piece):
        return True
    if "上" in piece and ("上引" in piece or "上揭" in piece or "同上" in piece):  # 孙立强:上引文 / 潘某:同上书
        return True
    return "앞의" in piece or "위의" in piece or "전게" in piece


_CLASSIFY_RE1 = re.compile(r"[“\"][^”\"]+([”\"].*)$")


def _quote_then_rest(piece: str) -> tuple[int, str] | None:
    """``(m.start(), m.group(1))`` of ``_CLASSIFY_RE1.search(piece)`` in linear time (the regex
    rescans the rest from every quote never closed): the first opening ``“``/``"`` with at least one
    character before the next closing ``”``/``"``, and from that closing quote the rest of the
    piece, which may hold no line break but a final one."""
    if '"' not in piece and "“" not in piece:
        return None  # no opening quote
    marks = [m.start() for m in _QUOTE_MARKS.finditer(piece)]
    next_close: list[int] = [-1] * len(marks)  # the next closing quote after each mark
    after = -1
    for k in range(len(marks) - 1, -1, -1):
        next_close[k] = after
        if piece[marks[k]] != "“":
            after = marks[k]
    inner_break = piece.rfind("\n", 0, len(piece) - 1)  # a line break that is not the final character
    for k, i in enumerate(marks):
        close = next_close[k]
        if piece[i] == "”" or close == i + 1 or (close >= 0 and inner_break > close):
            continue
        if close < 0:
            return None  # no closing quote after this opening, so none after any later one
        return i, piece[close:-1] if piece.endswith("\n") else piece[close:]
    return None


_CLASSIFY_RE2 = re.compile(r"[\u4e00-\u9fff《]")


_BLUEBOOK_SHORT = re.compile(
    r"^(?P<name>[A-Z][\w.'’&\-]*(?:\s+[\w.'’&\-]+){0,5}),\s+(?P<vol>\d{1,4})\s+(?P<rep>[A-Z][A-Za-z0-9.’' ]{0,24}?)"
    r"\s+at\s+(?P<pin>\d{1,5}(?:\s*[-–—]\s*\d{1,5})?)(?:\s*\([^()]{2,60}\))?\s*\.?$"  # (Story, J., dissenting)
)


def reporter_key(volume: str, reporter: str) -> str:
    """``598``, ``U.S.`` -> ``598 US``: a case report's volume and reporter, spelt one way (a short
    form names the party it likes, Warhol for Andy Warhol Found. v. Goldsmith, but the same report)."""
    return volume + " " + reporter.replace(".", "").replace(" ", "")


_CASE_REPORTER = re.compile(r"\d(?:d|th)$|U\.\s?S\.$|S\.\s?Ct\.$|F\.\s?Supp\.|L\.\s?Ed\.|W\.L\.R\.$|A\.C\.$|E\.R\.$")


# Each back-reference pattern below is anchored and opens with one of a few words: a test of the
# piece's first character (or of a word it must hold) decides most pieces without running the regex.
# 同[2]:102.: after the note's number, GB/T 7714 prints the page bare
_BARE_PAGES = re.compile(r"(\d{1,5})(?:\s*[-–—]\s*(\d{1,5}))?\s*[.。]?")
_NOTEREF_FIRST = "同参见見前sSnNſ"  # NOTEREF_RE (re.I: ``ſ`` folds to ``s``)
_IBID_FIRST = "同Ii上위같상Т"
_BACKREF_WORDS = ("前引", "前揭", "前掲")
_PRE_BACKREF_WORDS = ("前掲", "前揭", "前引", "上掲")


# 노태준, 2005 / 윤석호·한지민, 2021: the author(s) and the year before a back-reference word
# 谢志毅文，第78页 / 刘晓帆书 (after 参见 or 又见): the work of an author named before, by the name and 文
# (article) or 书 (book) alone, no 前引 (a piece this short is no commentary; 该书, 本文, 作者文 name nobody,
# nor do the words 论文, 判决书, 白皮书, 教科书, 参考书 …)
_AUTHOR_WORK_ZH = re.compile(
    r"^(?P<author>[\u4e00-\u9fff]{2,3}(?:、[\u4e00-\u9fff]{2,3})?)(?<![论決决皮科具考议请告划诉译引])[文书]\s*(?:[，,]\s*(?P<rest>第\s*\d[^，,。；;]{0,20}))?\s*[。.]?$"
)
_NOT_A_NAME_FIRST = frozenset("该此本上前其原这那彼拙全下后各诸译正同如见引参作笔论")
_AUTHOR_THEN_YEAR = re.compile(r"^(?P<au>[^，,]{1,40}?)\s*[，,]\s*(?P<y>(?:1[5-9]|20)\d\d)[a-z]?\s*[，,]?\s*$")


def _author_year_short(piece: str, authors: str, year: str, loc: str | None, langid: str | None = None) -> CitationText:
    """A back-reference by author(s) and year, joined to the work of those authors in that year."""
    names = [a.strip() for a in cre.split(r"[・、·]", authors) if a.strip()]
    who = " and ".join("{" + a + "}" if is_cjk_org(a) else a for a in names)  # 内閣府: as the entry braces it
    fields = {"author": who, "date": year, **({"langid": langid} if langid else {})}
    parsed = Parsed(type="misc", fields=fields, locator=loc, kind="short", names=names)
    return CitationText(piece, "short", loc, parsed=parsed)


def _is_commentary(piece: str) -> bool:
    """Prose around or instead of a citation: a mention, a quoted word in a sentence, a remark, or a
    fragment with no citation signal (a bare ``Author, Title, p. N`` short form still passes)."""
    if _cjk_mention_only(piece):
        return True
    q = _quote_then_rest(piece)
    if (
        q
        and not _CLASSIFY_RE2.search(piece[: q[0]])
        and PROSE_AFTER_QUOTE.match(q[1])
        and not PREFIX_CITES.search(piece)
        and not en_pages(piece)
    ):
        return True  # Here “alliance” means …: a quoted word in prose
    if (
        _western_prose(piece)
        or _lower_case_remark(piece)
        or (_english_sentence(piece) or _first_person(piece) or _be_sentence(piece) or _connective_sentence(piece))
        and not _citation_bits(piece)
    ):
        return True  # On the dating of the 1935 reform the sources differ: a sentence, no citation
    if not has_citation_signal(piece):
        # commentary fragment, or a bare "Author, Title, p. N" short form
        word = _WORD.search(piece)  # a word followed somewhere by a comma (no ``.*,``: quadratic)
        if not (word and "," in piece[word.end() :]) and not cre.search(r"第\s*\d+\s*页", piece):
            return True
    return False


def classify(piece: str) -> CitationText | None:
    first = piece[:1]
    m = NOTEREF_RE.match(piece) if first and first in _NOTEREF_FIRST else None
    if m:
        raw_n = m.group("n") or m.group("n2")
        num = CIRCLED_NUMS.index(raw_n) + 1 if raw_n in CIRCLED_NUMS else int(cre.sub(r"\D", "", raw_n))
        rest = m.group("rest") if m.group("n") else m.group("rest2")
        locator = locator_of(rest or "")
        if locator is None and rest and _BARE_PAGES.fullmatch(rest):
            locator = page_range(*_BARE_PAGES.fullmatch(rest).groups())  # 同[2]:102. (GB/T's :page)
        return CitationText(piece, "noteref", locator, author=str(num))
    m = NAMED_NOTEREF_RE.match(piece) if _may_name_noteref(piece) else None
    if m and (m.group("n") or m.group("n2") or m.group("n3")):
        num = int(m.group("n") or m.group("n2") or m.group("n3"))
        rest = m.group("rest") or ""
        return CitationText(piece, "noteref", locator_of(rest) or bare_page(rest), author=str(num))
    m = NAMED_PRE_BACKREF_RE.match(piece) if _may_name_pre_backref(piece) else None
    if m:
        parsed = parse_citation(m.group("who") + "：" + piece[m.end() :])
        return CitationText(piece, "short", parsed.locator, parsed=parsed)
    m = IBID_RE.match(piece) if first and first in _IBID_FIRST else None
    if m:
        rest = m.group("rest").strip(" .。")
        rest = cre.sub(r"^at\s+(?=\d|[ivxlc]+$)", "", rest)  # Id. at 695, Id. at xxiv (Bluebook)
        loc = (
            locator_of(rest)
            or bare_page(rest)
            or (cre.sub(r"\s*[-–—]\s*", "-", rest) if cre.fullmatch(r"\d{1,4}(?:\s*[-–—]\s*\d{1,4})?", rest) else None)
        )
        return CitationText(piece, "ibid", loc)
    m = OPCIT_RU_RE.match(piece) if "каз" in piece else None
    if m:
        return CitationText(piece, "opcit", locator_of(m.group("rest")), author=m.group("author"))
    m = OPCIT_EN_RE.match(piece) if _may_cite_opcit(piece) else None
    if m:  # Goh, op. cit., p. 130. / Weingast, op. cit., 20. (Chicago: a bare page)
        rest = m.group("rest")
        return CitationText(piece, "opcit", locator_of(rest) or bare_page(rest), author=m.group("author").strip())
    starts_backref = first == "前" and piece.startswith(_BACKREF_WORDS)
    m = BARE_OPCIT_ZH_RE.match(piece) if starts_backref else None
    if m:  # 前引书，第52页: the last book cited (a 文, the last article or chapter)
        return CitationText(piece, "lastwork", locator_of(m.group("rest")), author=m.group("kind"))
    m = _BARE_OPCIT_KO.match(piece) if first == "앞" else None
    if m:  # 앞의 글, 215쪽: as 前引文
        kind = "书" if m.group("kind") == "책" else "文"
        return CitationText(piece, "lastwork", locator_of(m.group("rest")), author=kind)
    m = OPCIT_ZH_PRE_RE.match(piece) if starts_backref or first == "上" and piece[1:2] in "引揭掲" else None
    if m:
        author = m.group("author") or m.group("author2")
        return CitationText(piece, "opcit", locator_of(m.group("rest")), author=author.strip())
    m = _PRE_BACKREF_LATIN.match(piece) if starts_backref else None
    if m:  # 前掲、Anderson, Imagined Communities, p. 41.: a Western short form flagged in Japanese
        parsed = parse_citation(piece[m.end() :])
        return CitationText(piece, "short", parsed.locator, parsed=parsed)
    m = _TITLE_THEN_BACKREF.match(piece) if first == "《" else None
    if m:  # 《关于全面推行河长制的意见》，前引。: the work named by its title alone
        parsed = Parsed(type="misc", fields={"title": m.group(1)}, locator=locator_of(m.group(2)), kind="short")
        return CitationText(piece, "short", parsed.locator, parsed=parsed)
    m = PRE_BACKREF_RE.match(piece) if piece.startswith(_PRE_BACKREF_WORDS) else None
    if m:
        parsed = parse_citation(piece[m.end() :])
        return CitationText(piece, "short", parsed.locator, parsed=parsed)
    m = OPCIT_ZH_RE.match(piece) if _may_be_opcit_zh(piece) else None
    if m and "《" not in piece:
        year = _AUTHOR_THEN_YEAR.match(m["author"])
        if year:  # 노태준, 2005, 앞의 책, 60쪽: an author-date note names the work by author and year
            return _author_year_short(piece, year["au"], year["y"], locator_of(m["rest"]))
        return CitationText(piece, "opcit", locator_of(m.group("rest")), author=m.group("author").strip())
    m = _JA_AUTHOR_YEAR_BACKREF.match(piece) if _may_be_ja_author_year(piece) else None
    if m:  # 前掲、内閣府（2021）、62頁 / 中山・西田（2018）、前掲、15頁: author (year), flagged by 前掲
        rest = m["rest"].strip(" .。")
        loc = locator_of(rest) or bare_page(rest) if rest else None
        return _author_year_short(piece, m["au"], m["y"], loc, "japanese")
    m = AUTHOR_DATE_SHORT.match(piece) if "A" <= first <= "Z" and "(" in piece else None
    if m:  # Mearsheimer (2019), p. 12: an author-date back-reference (Harvard/APA notes)
        rest = (m.group("rest") or "").strip(" .")
        loc = locator_of(rest) or bare_page(rest) if rest else None
        if not rest or loc:
            parsed = Parsed(
                type="misc",
                fields={"author": m.group("au").strip(), "date": m.group("y")},
                locator=loc,
                kind="short",
                names=[m.group("au").strip()],
            )
            return CitationText(piece, "short", loc, parsed=parsed)
    m = _BLUEBOOK_SHORT.match(piece) if " at " in piece else None
    if m:  # Halvorsen, 893 F.3d at 421 / Castellano, 71 Stan. L. Rev. at 1047: Bluebook short forms
        name, loc = m["name"].strip(), norm_range(m["pin"])
        case = bool(_CASE_REPORTER.search(m["rep"]))  # a case is named by its first party, an article by its author
        fields = {"title": name} if case else {"author": name}
        parsed = Parsed(type="misc", fields=fields, locator=loc, kind="short", names=[] if case else [name])
        reporter = reporter_key(m["vol"], m["rep"]) if case else None
        return CitationText(piece, "short", loc, parsed=parsed, reporter=reporter)
    m = _AUTHOR_WORK_ZH.match(piece) if len(piece) <= 36 and first not in _NOT_A_NAME_FIRST else None
    if m:
        return CitationText(piece, "opcit", locator_of(m["rest"] or ""), author=m["author"])
    if _is_commentary(piece):
        return None
    parsed = parse_citation(piece)
    kind = parsed.kind
    if kind == "opcit" and parsed.fields.get("title"):
        kind = "short"  # Jervis, Perception and Misperception, op. cit.: a short form with its title
    return CitationText(piece, kind, parsed.locator, parsed=parsed)
