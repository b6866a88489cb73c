"""Shared feature extractors of the fields stage: the regexes and small helpers every genre parser
reads -- dates (:func:`iso_date`, month names), pages and ranges (:func:`page_range`, :func:`norm_range`,
:func:`bare_page`), URLs and access dates (:func:`clean_url`), DOIs, :func:`language_of`, Chinese numerals,
publishers / places / imprints, title marks and quotes, news outlets, and the field order of a result
(:func:`_order`). Nothing here knows a genre."""

from __future__ import annotations

import re
from functools import lru_cache

from annobib.extract import rx as cre


# ---------------------------------------------------------------- shared vocabulary

MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
# Speed: a regex that opens with \b or a lookbehind is tried at every position of the text; one that
# opens with a literal or a character class lets the engine skip to where a match can start. So a
# word boundary before a word character is written after that character, as ``(?<!\w.)`` (no word
# character before it): ``\bMay`` is ``M(?<!\w.)ay``, ``\b\d`` is ``\d(?<!\w.)``. Same matches.
_WB = r"(?<!\w.)"


def after_boundary(alternatives: str) -> str:
    r"""``\b(?:w1|w2|…)`` written so that every alternative opens with a literal: each word's start
    boundary after its first character (``(?<!\w.)``: no word character before it). ``alternatives``
    are ``|``-separated, each opening with a plain word character."""
    return "(?:" + "|".join(w[0] + _WB + w[1:] for w in alternatives.split("|")) + ")"


_MONTH_WB = (  # \b + _MONTH
    r"(?:J"
    + _WB
    + r"(?:an(?:uary)?|une?|uly?)|F"
    + _WB
    + r"eb(?:ruary)?|M"
    + _WB
    + r"(?:ar(?:ch)?|ay)|A"
    + _WB
    + r"(?:pr(?:il)?|ug(?:ust)?)|S"
    + _WB
    + r"ept?(?:ember)?|O"
    + _WB
    + r"ct(?:ober)?|N"
    + _WB
    + r"ov(?:ember)?|D"
    + _WB
    + r"ec(?:ember)?)\.?"
)
EN_MDY = re.compile(r"(" + _MONTH_WB + r")\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
EN_DMY = re.compile(r"(\d" + _WB + r"\d?)\s+(" + _MONTH + r")\s+(\d{4})\b")
EN_MY = re.compile(r"(" + _MONTH_WB + r")\s+(\d{4})\b")
EN_TWO_MONTHS = re.compile(_MONTH_WB + r"\s*[/–—-]\s*" + _MONTH + r"\s+(\d{4})\b")
_MONTH_CUE = re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")  # in every _MONTH
_MONTH_WORDS = tuple(_MONTH_CUE.pattern.split("|"))


def _has_month_word(text: str) -> bool:
    """``bool(_MONTH_CUE.search(text))`` by substring tests (the alternation opens with a class of
    eight capitals, tested at every character)."""
    for w in _MONTH_WORDS:
        if w in text:
            return True
    return False


DOT_DMY = re.compile(r"(\d" + _WB + r"\d?)\.(\d{1,2})\.(\d{4})\b")
ISO_DATE = re.compile(r"(\d" + _WB + r"\d{3})([-./])(\d{1,2})\2(\d{1,2})\b")
# 2019. 3. 5. / (2022. 3. 15) / 2024. 8. 28, URL: a Korean date, its last stop left out before a closing
# bracket or a comma;
# (?<![\d.])((?:1[89]|20)\d\d)\. …, its boundary written after the first digit (as YEAR's) so that the
# engine looks for a 1 or a 2 instead of testing the lookbehind at every position
KO_DOTTED = re.compile(r"((?:1(?<![\d.]1)[89]|2(?<![\d.]2)0)\d\d)\. (\d{1,2})\. (\d{1,2})(?:\.|(?=[)）,，]))")
YEAR = re.compile(r"(1(?<![\d/.-]1)[5-9]\d\d|2(?<![\d/.-]2)0\d\d)(?!\d)")  # (?<![\d/.-])(1[5-9]\d\d|20\d\d)
ZH_YMD = re.compile(r"(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]")
ZH_YM = re.compile(r"(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월](?!\s*\d{1,2}\s*[日일])")
ZH_ISSUE = re.compile(r"(\d{4})\s*年\s*(?:第\s*)?(\d{1,3})\s*期")
# ``《东南学术》,2014(3)``: a journal's year and issue printed the GB/T way, without 年 and 期
ZH_YEAR_ISSUE = re.compile(r"(?<!\d)((?:1[89]|20)\d\d)\s*[(（]\s*(\d{1,3})\s*[)）]")
ZH_VOLUME = re.compile(
    r"第\s*(\d{1,4})\s*(?:卷|辑|輯|集|分册|分冊)|제\s*(\d{1,4})\s*[권집]|(?<![\d.])(\d{1,4})\s*(?:巻|[권집](?=\s*(?:제\s*)?\d{1,3}\s*호))"
)
KO_NUMBER = re.compile(
    r"제\s*(\d{1,4})\s*호|第\s*(\d{1,4})\s*号|(?<=[권집巻])\s*(\d{1,4}(?:=\d{1,4})?)\s*[호号]"
)  # 제28권 2호, 88巻5=6号
KO_PAGES = re.compile(r"(\d+)\s*(?:[-–—~～]+\s*(\d+))?\s*쪽")
ZH_SERIES = re.compile(r"第\s*(\d{1,4})\s*辑")
ZH_PAGES = re.compile(r"第\s*(\d+)\s*(?:[—–\-~～至]+\s*(\d+))?\s*页")
# ``，231页`` / ``，15~17页``: the page without 第, set off by a comma or a space (not ``共300页``)
ZH_BARE_PAGES = re.compile(r"(?:(?<=[,，、;；:：\s])|^)(\d{1,5})\s*(?:[—–\-~～]+\s*(\d{1,5}))?\s*页")
ZH_BAN = re.compile(
    r"第\s*([A-Z]?\d+)\s*版|(?<![\d])(\d+)\s*面(?![\w])|(?<![\w])([A-Z]?\d+)\s*면(?![\w])"
)  # 2面 / A1면
JA_PAGES = re.compile(r"(?:p+\.\s*)?(\d+)\s*(?:[—–\-~～]+\s*(\d+))?\s*頁")
TW_PAGES = re.compile(
    r"(?<![\d第])[頁页]\s*(\d+)(?:\s*[—–\-~～]+\s*(\d+))?"
)  # Taiwan/Hong Kong, older mainland: 頁 1-30, 页192
EN_PAGES = re.compile(r"(p(?<!\w.)p?)\.\s*([A-Z]?\d+|[IVXLCivxlc]+)(?:\s*[-–—]+\s*([A-Z]?\d+))?")


def cjk_pages(text: str) -> re.Match | None:
    """``ZH_PAGES.search(text) or JA_PAGES.search(text) or TW_PAGES.search(text) or
    KO_PAGES.search(text)``, each regex tried only when the page word it needs (页, 頁, 쪽) is there."""
    m = ZH_PAGES.search(text) or TW_PAGES.search(text) or ZH_BARE_PAGES.search(text) if "页" in text else None
    if m is None and "頁" in text:
        m = JA_PAGES.search(text) or TW_PAGES.search(text)
    if m is None and "쪽" in text:
        m = KO_PAGES.search(text)
    return m


# 第345页上 / 第346页中: a page of a canon printed in registers (the Taishō's 上中下, often a b c)
# the register of a page (上 中 下), or the side of a woodblock leaf (``第5页b``: a 刻本's folio, a/b)
_PAGE_REGISTER = re.compile(r"[上中下ab](?=\s*(?:[。，,.;；）)]|$))")
_REGISTERS = ("上", "中", "下", "a", "b")


def cjk_page_locator(m: re.Match) -> str:
    """The locator a :func:`cjk_pages` match cites: its page or range, and the register of a
    page printed after 页 (``第345页上`` -> ``345上``)."""
    loc = page_range(m.group(1), m.group(2))
    text, end = m.string, m.end()
    if text[end : end + 1] not in _REGISTERS or text[end - 1 : end] != "页":
        return loc  # the common case: no register, decided without the regex
    reg = _PAGE_REGISTER.match(text, end)
    return loc + reg.group(0) if reg else loc


# 教育部.关于…的意见(教基二〔2014〕4号).http://www.moe.gov.cn/…. [2020-04-20]: a GB/T 7714 reference to a
# web page printed without its [EB/OL] tag: the author (no title mark, no tag, a short run), the
# title, then the URL right after the title's stop
_GBT_UNTAGGED_ONLINE = re.compile(
    r"(?P<au>[^.．。\[\]《》「」『』:：/]{2,40}?)[.．]\s*(?P<title>[^\[\]《》]{2,200}?)[.．。]\s*(?=https?://)"
)


def gbt_untagged_online(text: str) -> re.Match | None:
    """``Author.Title.URL``, a Chinese author and title (Han in each): the match, else None; the
    regex, anchored, runs only when a stop stands right before a URL."""
    if ".http" not in text and ". http" not in text and "。http" not in text and "．http" not in text:
        return None
    m = _GBT_UNTAGGED_ONLINE.match(text)
    return m if m and HAN.search(m["au"]) and HAN.search(m["title"]) else None


# Wang Hui 汪晖, Xiandai … xingqi 现代中国思想的兴起 (Beijing: …): a run of characters right after a
# romanized word and one space, before a separator or a word -- Chicago's gloss of a CJK name or title
_GLOSSABLE = r"\u3400-\u4dbf\u4e00-\u9fff\u3040-\u30ff\uac00-\ud7af"
_CJK_RUN = re.compile(rf"[{_GLOSSABLE}][{_GLOSSABLE}·・]*")
# (opened by its literal space, the regex is scanned for in C; the word before it is tested after)
GLOSS = re.compile(rf" (?P<g>[{_GLOSSABLE}][{_GLOSSABLE}·・]{{0,40}})(?=[\s,.;:)(]|$)")
_GLOSSED_LAST = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz’'-.\"”")


def glosses_only(text: str) -> list[re.Match]:
    """The glosses of a Western note whose every run of characters is one (else []): a CJK note with
    some Latin words is not such a note."""
    glosses = []
    for m in GLOSS.finditer(text):
        if m.start() == 0 or text[m.start() - 1] not in _GLOSSED_LAST:
            return []  # characters after a space but no romanized word: not a gloss
        glosses.append(m)
    return glosses if glosses and len(glosses) == len(_CJK_RUN.findall(text)) else []


def en_pages(text: str) -> re.Match | None:
    """``EN_PAGES.search(text)``, tried only when a ``p.`` is there."""
    return EN_PAGES.search(text) if "p." in text else None


# a comma ends the URL when a Chinese date follows it (…content.htm,2021年3月1日访问)
# ``(?i:https?://|www\.)`` with each letter's case variants spelt out (``ſ`` folds to ``s``): led by
# a character class, the regex engine skips to an ``h`` or ``w`` instead of folding every character
URL_RE = re.compile(
    r"[HhWw](?:(?<=[Hh])[Tt][Tt][Pp][Ssſ]?://|(?<=[Ww])[Ww][Ww]\.)"
    r"(?i:[^\s\u3000-\u303f\uff00-\uffef\u4e00-\u9fff“”‘’\"<>,]|,(?!\d{1,4}\s*年))+"
)

URL_FIRST = "HhWw"  # the characters URL_RE opens with (a test reads them from it)


def first_index(text: str, chars: str) -> int:
    """Where the first of ``chars`` stands in ``text`` (-1: none of them): a ``str.find`` per character
    (each after a hit bounded by it), cheaper than a regex call for the few characters of a class."""
    best = -1
    for c in chars:
        i = text.find(c) if best < 0 else text.find(c, 0, best)
        if i >= 0:
            best = i
    return best


def find_url(text: str) -> re.Match | None:
    """``URL_RE.search(text)``, the regex called only when a URL can be there: ``http…`` needs
    ``://``, ``www.`` (any case) a ``w.`` or ``W.`` (the regex opens with a class, tried at every h
    and w of a Western note)."""
    return URL_RE.search(text) if "://" in text or "w." in text or "W." in text else None


ACCESS_RE = re.compile(
    r"[（(]?\s*(?:访问时间|访问日期|上网时间|登录时间|浏览时间|浏览日期|检索时间|检索日期|获取日期|获取时间|查询日期|查询时间|下载日期|下载时间|引用日期|最后访问(?:时间|日期)?|最后浏览(?:时间|日期)?|閲覧日|最終閲覧日|アクセス日|"
    r"검색일|검색 일자|접속일|열람일|최종 접속일|"
    r"accessed(?:\s+on)?|last accessed|retrieved(?:\s+on)?|дата обращения)\s*[：:]?\s*"
    r"(\d{4}\.\s?\d{1,2}\.\s?\d{1,2}(?!\d)|[^）)；;]+?)\s*[）)]?\s*(?=[，,。.；;]|$)"  # 2021.6.1 / 2023. 1. 10
    r"|[（(]\s*(\d{4}\s*[年년]\s*\d{1,2}\s*[月월]\s*\d{1,2}\s*[日일])\s*(?:最終)?(?:閲覧|アクセス|参照|取得|访问|浏览|검색|접속|열람)\s*[）)]"
    r"|(?<=[\s.。，,\]])\[\s*(\d{4}-\d{1,2}-\d{1,2})\s*\]"  # GB/T 7714: …/page.htm [2021-09-03], the date cited
    # …,2021年3月1日访问 / …/、2023年1月10日閲覧。
    r"|[，,、]\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*(?:最后|最終)?(?:访问|浏览|查阅|登录|閲覧|アクセス)\s*(?=[，,。.；;、]|$)",
    re.I,
)

_ACCESS_CUES = (
    "访问",
    "上网",
    "登录",
    "浏览",
    "检索",
    "获取",
    "查询",
    "下载",
    "引用",
    "最后",
    "閲覧",
    "アクセス",
    "参照",
    "取得",
    "검색",
    "접속",
    "열람",
    "обращения",
    "ccessed",
    "etrieved",
    "iewed",
    "[1",
    "[2",
)


def has_access_cue(text: str) -> bool:
    """Whether ``text`` may hold an access date (a cheap test before ACCESS_RE / ACCESS_EN, which
    try every position)."""
    for w in _ACCESS_CUES_ASCII:  # substring tests (a regex would stop at every c, e and i)
        if w in text:
            return True
    # the other words open with CJK or Cyrillic letters: one scan, which skips to them
    return not text.isascii() and _ACCESS_CUE.search(text) is not None


_ACCESS_CUES_ASCII = tuple(w for w in _ACCESS_CUES if w.isascii())
_ACCESS_CUE = re.compile("|".join(re.escape(w) for w in _ACCESS_CUES if not w.isascii()))


ACCESS_EN = re.compile(
    r",?\s*\(?(?:accessed|last accessed|retrieved|viewed)(?:\s+on)?\s+((?:"
    + r"[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4}|\d{4}-\d{2}-\d{2}))\)?",
    re.I,
)
_NEWS_WORDS = (
    "News|Times|Post|Daily|Herald|Tribune|Reuters|BBC|CNN|CBS|NBC|ABC|NPR|NHK|KBS|CCTV|CGTN|RT|TASS|VOA|RFA|SCMP|"
    "Bloomberg|Guardian|Telegraph|Independent|Journal|Gazette|Chronicle|Observer|Associated Press|AP|AFP|Xinhua|"
    "Nikkei|Yonhap|Kyodo|Nation|Inquirer|Star|Mail|Express|Press|Straits|Globe|Standard|Mirror|Sun|"
    "Asahi|Yomiuri|Mainichi|Sankei|Hankyoreh|Chosun|JoongAng|Politico|Axios|Al Jazeera|DW|RFI|"
    "Le Monde|Spiegel|Wire|Week|Economist|Diplomat|Affairs|Magazine|Newsweek|Atlantic"
)


def _by_first_char(words: list[str], after_first: str, end: str) -> list[str]:
    """``w1|w2|…`` regrouped as ``N…(?:ews|BC)…|T…(?:imes)…``: one alternative per first character,
    the words' order kept within it. Two words can match at one place only if they share their first
    character, so the leftmost-first answer is unchanged; and every alternative opens with a literal,
    so the engine scans for those characters in C instead of trying each word at every position."""
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0], []).append(w[1:])
    return [c + after_first + "(?:" + "|".join(rest) + ")" + end for c, rest in groups.items()]


# \b(?:News|Times|…)\b with the opening boundary after each word's first letter (``(?<!\w.)``, as
# in _WB), then the CJK names that end the text, then those found anywhere (in that order)
NEWS_RE = re.compile(
    "|".join(
        _by_first_char(_NEWS_WORDS.split("|"), r"(?<!\w.)", r"\b")
        + _by_first_char(
            "报|新闻|新聞|通讯社|通信社|新闻社|联社|電視|电视台|广播|日报|时报|周刊|網|网(?!站)|신문|일보|뉴스|통신".split(
                "|"
            ),
            "",
            "$",
        )
        + _by_first_char("新闻|新聞|日报|时报|晚报|新報|新聞社|신문|일보|뉴스".split("|"), "", "")
    )
)
MAGAZINE_RE = re.compile(
    after_boundary(
        "Magazine|Monthly|Weekly|Affairs|Diplomat|Economist|Atlantic|New Yorker|Foreign Policy|Newsweek|Time"
    )
    + r"\b"
)
# magazines that print volume and issue numbers like journals (a list: "Affairs" alone also names journals)
KNOWN_MAGAZINE_RE = re.compile(
    r"(?:The\s+)?(?:Foreign Affairs|Foreign Policy|Atlantic(?: Monthly)?|Economist|New Yorker|Newsweek|Time|Harper['’]s(?: Magazine)?|"
    r"Diplomat|National Interest|New Republic|Nation|Spectator|New Statesman|American Interest|Prospect)"
)
THINK_TANK_RE = re.compile(
    after_boundary(
        "RAND|CSIS|Brookings Institution|Corporation|Institute|Center|Centre|Endowment|Council|Foundation|Fund"
    )
    + r"\b"
)
_ORG_WORDS = (
    "Department|Ministry|Institute|Institution|University|Office|Council|Committee|Association|"
    "Agency|Bureau|Administration|Commission|Government|House|Project|Party|Organi[sz]ation|Foundation|"
    "Center|Centre|Society|Bank|Corporation|Company|Group|Forces|Command|Federation|Union|Nations|"
    "Secretariat|Parliament|Congress|Senate|Court|Embassy|Coalition|Forum|Fund|Program(?:me)?|"
    "Service|Library|Archives?|Museum|Academy|School|College|Cabinet|State|Republic|Kingdom|Endowment|Brookings|Carnegie|"
    "Heritage|Hoover|Stimson|Chatham|Trust|Initiative|Partnership|Consortium|Observatory|Think Tank|Board|Authority|Directorate|"
    "Trade Representative|High Representative|"
    # Bluebook's abbreviations of these words (T6): Ctrs. for Disease Control, Dep't of Justice
    "Ctrs?|Dep't|Ass'n|Comm'n|Soc'y|Gov't"
)
# \b(?:Department|Ministry|…)\b, grouped by first letter as NEWS_RE is
ORG_RE = re.compile("|".join(_by_first_char(_ORG_WORDS.split("|"), r"(?<!\w.)", r"\b")))
# one flat alternation (each English word with its end boundary) so that every alternative opens with a literal
REPORT_TITLE_RE = re.compile(
    "|".join(
        w[0] + _WB + w[1:] + r"\b"
        for w in (
            "Strategy|Report|White Paper|Platform|Review|Plan|Posture|Assessment|Guidance|Doctrine|"
            "Outlook|Survey|Yearbook|Budget|Framework|Roadmap|Blueprint"
        ).split("|")
    )
    + "|报告|白皮书|战略|纲领|规划|纲要|蓝皮书|年鉴|年报|年報|白書|青書|青书|報告書|年次報告|戦略|大綱|計画|方針|전략|계획|보고서|백서"
)
REPORT_CONTAINER_RE = re.compile(
    after_boundary(
        "Brief|Report|Paper|Papers|Series|Memo|Analysis|Commentary|Insight|Backgrounder|In Focus|Monograph|Briefing Book"
        # a numbered bulletin is a series (Trade Information Bulletin no. 467); the Art Bulletin 94 is a journal
        r"|Bulletin(?=,?\s+[Nn]o\.\s*\d)"
    )
    + r"\b"
)
ZH_ORG_SUFFIX = re.compile(
    r"(?:部|办公室|委员会|院|局|署|中心|研究所|政府|协会|学会|组织|基金会|大学|学院|研究会|公司|集团|馆|館|厅|处|会|党|社|省|联合会|银行|议会|法院|使馆|"
    r"機構|省庁|税関|海关|海關|委員会|研究所|事務所|庁|府|課|课|官房|官邸|内閣|本部|財団|センター|協会|学会|市|県|연구소|위원회|연구원|부)$"
)
# the last character of each ending ZH_ORG_SUFFIX accepts: the regex, ``$``-anchored, is tried at every
# position, and a text ending otherwise is decided by a set test (a test checks the set)
_ZH_ORG_LAST = frozenset(w[-1] for w in ZH_ORG_SUFFIX.pattern[len("(?:") : -len(")$")].split("|"))


def zh_org_suffix(text: str) -> bool:
    """``bool(ZH_ORG_SUFFIX.search(text))`` (``$``: the end, or before a final line break)."""
    if text[-1:] in _ZH_ORG_LAST or text[-1:] == "\n" and text[-2:-1] in _ZH_ORG_LAST:
        return ZH_ORG_SUFFIX.search(text) is not None
    return False


PUBLISHER_ZH = re.compile(
    r"(?:(?P<loc>[\u4e00-\u9fff]{2,8})\s*[：:]\s*)?(?P<pub>"
    r"(?:[\u3005\u3040-\u30ff\u4e00-\u9fff·（）()A-Za-z]{1,30}?(?:出版社|出版公司|出版集团|书局|书店|印书馆|書店|書房|書局)\s*、\s*)*"  # 格致出版社、上海人民出版社
    r"[\u3005\u3040-\u30ff\u4e00-\u9fff·（）()A-Za-z]{0,30}?"  # ミネルヴァ書房, ナカニシヤ出版
    r"(?:(?:出版社|出版公司|出版集团|出版中心|出版发行|出版企业有限公司|有限公司|书局|书店|印书馆|出版会|出版部|出版協会|出版协会|書店|書房|出版會|新社|講談社|新潮社|文藝春秋|有斐閣|勁草書房|文庫|新書|選書|叢書|丛书|文库|社|堂)|(?<=[A-Za-z\u30a0-\u30ff])出版|(?<=[\u3005\u4e00-\u9fff])出版(?=、)))"
    r"\s*[，,、]?\s*(?P<year>\d{4})(?:\s*年|(?=\s*[，,。.）)]|\s*$))(?!\s*\d{1,2}\s*月\s*\d{1,2}\s*日)(?:\s*(?P<month>\d{1,2})\s*月)?\s*(?:第\s*\d+\s*次印刷)?\s*(?:版|刊)?"
)
# one of these is in every publisher ending PUBLISHER_ZH accepts (出版社, 书局, 書房, 社, 文庫 …)
_PUBLISHER_ZH_CUE = re.compile(r"[出公书書社春閣庫库堂]")
# (NTT出版, ナカニシヤ出版: a Japanese publisher named in Latin letters or katakana, then 出版; 東京堂出版、
# 思文閣出版、: after kanji only before Japanese's 、, where a Chinese imprint would print 出版社)
# a publisher ending's last character, then the year (as PUBLISHER_ZH reads them): without it there is
# no match, and the regex, tried at every position, is not run (a test checks the set against it)
_PUBLISHER_ZH_LAST = "社司团心行局店馆会部房會秋閣庫書书库版堂"
_PUBLISHER_ZH_YEAR = re.compile(rf"[{_PUBLISHER_ZH_LAST}]\s*[，,、]?\s*\d{{4}}")


def publisher_zh(text: str) -> re.Match | None:
    """``PUBLISHER_ZH.search(text)``, skipped when no publisher ending can be there (the regex
    backtracks at every position)."""
    if not _PUBLISHER_ZH_CUE.search(text) or not _PUBLISHER_ZH_YEAR.search(text):
        return None
    return PUBLISHER_ZH.search(text)


# ``，北京，三联书店，2002``: a place set off by commas right before the publisher (PDF and web text
# print the imprint so, for ``北京：三联书店``); a short piece of characters that names no role, part or
# edition (``朱修春译``, ``上卷``, ``修订本`` end in one of the characters after the ^)
_COMMA_PLACE = re.compile(r"(?:^|[，,])\s*([\u4e00-\u9fff]{2,4})\s*[，,]\s*$")
_NOT_A_PLACE_END = frozenset("译譯著编編等卷版册冊章页頁辑輯期号號本行稿集部书書文篇")


def imprint_place(pub: re.Match) -> str | None:
    """The place of a :data:`PUBLISHER_ZH` match: printed before a colon (its ``loc``), or the short
    piece set off by commas just before the publisher."""
    if pub.group("loc"):
        return pub.group("loc")
    m = _COMMA_PLACE.search(pub.string, max(0, pub.start() - 12), pub.start())
    if m and m.group(1)[-1] not in _NOT_A_PLACE_END and "第" not in m.group(1):
        return m.group(1)
    return None


PLACE_PUBLISHER_EN = re.compile(
    # (?:(?<=, )|(?<=,)|(?<=\. )|^)(?P<loc>[A-Z]…: the place's capital first, then what stands before it
    r"(?P<loc>[A-Z](?:(?<=, .)|(?<=,.)|(?<=\. .)|(?<![\s\S].))[A-Za-z.'’-]*(?:\s+(?:[A-Z][A-Za-z.'’-]*|and|upon|am|on|de)){0,3}"
    r"(?:,\s*(?:[A-Z]{2}|D\.\s?C\.|[A-Z][a-z]{1,4}\.|N\.\s?[YJ]\.))?)\s*:\s*(?P<pub>Little,\s*Brown(?:\s+and\s+Company)?|Farrar,\s*Straus(?:,?\s*(?:and|&)\s*Giroux)?|Harcourt,\s*Brace[\w &]*|[^,:;]{2,80}?(?:,\s*[A-Z][A-Za-z&'’. ]{1,40}?(?=,\s*(?:1[5-9]|20)\d\d\s*(?:[,.;)]|$)))?)(?:,\s*|\s+)(?:(?:updated|rev\.|revised)\s+)?(?:(?P<month>(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?)\s+(?:(?P<day>\d{1,2}),\s+)?)?(?P<year>(?:1[5-9]|20)\d\d)(?=\s*(?:[,.;:)]|$))"
)  # (Washington, DC: Congressional Research Service, updated March 2, 2023): a report's full date
US_STATE_RE = re.compile(
    r"D\.\s?C\.|[A-Z]{2}|N\.\s?[YJ]\.|(?:Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev|Okla|Ore|Pa|Tenn|Tex|Va|Vt|Wash|Wis|Wyo)\."
)
# ``UN Doc. A/RES/70/1`` / ``联合国文件NPT/CONF.2020/1``, or a symbol alone where a journal would stand (``GOV/2021/10``,
# ``NPT/CONF.2020/1``, ``S/2021/123``: capitals, slashes and a digit, no lower-case word)
DOC_SYMBOL_RE = re.compile(
    r"^(?:(?P<t>(?:UN|U\.N\.|UNGA|WTO|IMF|OECD)\s+Doc(?:ument)?\.?|联合国文件)\s*(?:No\.\s*|[号號]?\s*[：:]?\s*)?"
    r"|(?=[A-Z]{1,10}/[A-Z0-9./()\-]*\d))(?P<n>[A-Z][A-Za-z]{0,9}(?:/[A-Za-z0-9.()\-]+)+)\s*$"
)
IGO_RE = re.compile(
    r"(?:The\s+)?(?:World Bank(?: Group)?|International Monetary Fund|IMF|OECD|United Nations(?: [A-Z][A-Za-z ]{2,60})?|UN(?: [A-Z][A-Za-z ]{2,40})?|"
    r"UNCTAD|UNDP|UNESCO|UNICEF|UNHCR|WTO|World Trade Organi[sz]ation|World Health Organi[sz]ation|WHO|"
    r"Asian Development Bank|ADB|Asian Infrastructure Investment Bank|AIIB|Bank for International Settlements|BIS|"
    r"International Labour Organi[sz]ation|ILO|International Energy Agency|IEA|Food and Agriculture Organization|FAO|"
    r"European Commission|European Central Bank|ECB|ASEAN Secretariat|African Development Bank|Inter-American Development Bank|"
    r"International Civil Aviation Organi[sz]ation|ICAO|International Maritime Organi[sz]ation|IMO|"
    r"International Atomic Energy Agency|IAEA|World Intellectual Property Organi[sz]ation|WIPO|ITU|WMO)"
)
IGO_SERIES_RE = re.compile(
    r"\b(?:Update|Outlook|Report|Review|Monitor|Brief|Survey|Series|Note|Notes|Paper|Papers|Bulletin|Assessment)\b"
)
PUBLISHER_CUE = re.compile(
    r"Press|Publish|Books|Verlag|Routledge|Norton|Wiley|Springer|Palgrave|Macmillan|Penguin|Random House|Knopf|"
    r"Blackwell|Sage|Rienner|Addison|McGraw|Houghton|Harper|Simon|Polity|Verso|Brookings|RAND|Department|Office|"
    r"Institute|Center|Centre|Council|University|Bureau|Foundation|Endowment|Association|Society|Academy|Research|Studies|Series|Éditions|Editions|Gallimard|Seuil|Suhrkamp|Beck|Elsevier|Taylor|Company"
)


def _think_tank(pub: str) -> bool:
    """RAND Corporation, CSIS, Lowy Institute: a research organization, not a press, as publisher."""
    return bool(THINK_TANK_RE.search(pub)) and not cre.search(
        r"Press|Publish|Books|University|Verlag|Editions|Éditions", pub
    )


def _pp_date(m) -> str:
    """The date of a ``Place: Publisher, [Month [Day,]] Year`` match: the year, year-month or the day."""
    if m.groupdict().get("month"):
        day = m.groupdict().get("day")
        d = iso_date(f"{m.group('month')} {day + ', ' if day else ''}{m.group('year')}")
        if d:
            return d
    return m.group("year")


# places where books are published, for imprints printed without a colon (New Haven, Yale University Press)
PUBLISHING_CITIES = frozenset(
    (
        "New York",
        "London",
        "Oxford",
        "Cambridge",
        "Princeton",
        "New Haven",
        "Ithaca",
        "Chicago",
        "Berkeley",
        "Stanford",
        "Boston",
        "Washington",
        "Washington, D.C.",
        "Paris",
        "Tokyo",
        "Beijing",
        "Singapore",
        "Lanham",
        "Abingdon",
        "Basingstoke",
        "Cheltenham",
        "Baltimore",
        "Durham",
        "Toronto",
        "Sydney",
        "Canberra",
        "Melbourne",
        "Seoul",
        "Hong Kong",
        "Taipei",
        "New Delhi",
        "Berlin",
        "Leiden",
        "Amsterdam",
        "Geneva",
        "Santa Monica",
        "Los Angeles",
        "Philadelphia",
        "Ann Arbor",
        "Honolulu",
        "Seattle",
        "Bloomington",
        "Armonk",
        "Boulder",
        "Manchester",
        "Edinburgh",
        "Brighton",
        "Westport",
        "Lexington",
        "Stuttgart",
        "Munich",
        "Vienna",
        "Moscow",
        "Madrid",
        "Rome",
        # seats of governments and international bodies that issue documents (ASEAN, EU, UN offices)
        "Jakarta",
        "Brussels",
        "Manila",
        "Bangkok",
        "Kuala Lumpur",
        "Ottawa",
        "Nairobi",
        "The Hague",
    )
)
# a publisher's name (narrower than PUBLISHER_CUE, which also finds institutes and offices)
PRESS_NAME = re.compile(
    after_boundary(
        "Press|Publishers?|Publishing|Books|Verlag|Routledge|Norton|Wiley|Springer|Palgrave|Macmillan|Penguin|"
        "Random House|Knopf|Blackwell|Sage|Rienner|Polity|Verso|Elsevier|Brill|Hurst|Zed|Bloomsbury|OUP|CUP|HMSO"
    )
    + r"\b"
)


# what PLACE_PUBLISHER_EN cannot match without: its colon, then (no colon or semicolon between, as
# neither a publisher nor a month holds one) its year after a space or comma, as the pattern ends
_PLACE_PUBLISHER_YEAR = re.compile(r":[^:;]*[\s,](?:1[5-9]|20)\d\d(?=\s*(?:[,.;:)]|$))")


@lru_cache(maxsize=4)  # a Western note's cues and its credits ask it of the same text
def find_place_publisher(text: str):
    """The last ``Place: Publisher, Year`` in ``text`` whose publisher looks like one."""
    best = None
    if ":" not in text or not _PLACE_PUBLISHER_YEAR.search(text):
        return None  # the pattern's colon, then its year: the regex tries every capital in vain
    for m in PLACE_PUBLISHER_EN.finditer(text):
        pub = m.group("pub").strip()
        head, comma, tail = pub.rpartition(",")
        if comma and PRESS_NAME.search(tail) and not PRESS_NAME.search(head):
            continue  # Title: Subtitle, Princeton University Press, 2008: a subtitle, no place

        if PUBLISHER_CUE.search(pub) or len(pub.split()) <= 4:
            best = m
    return best


# Place：Publisher 2001 年版 — the shape names a publisher whatever its name ends in
PLACE_PUB_NIANBAN = re.compile(
    r"(?:^|[，,、]\s*)(?P<loc>[\u4e00-\u9fff]{2,4})\s*[：:]\s*(?P<pub>[^，,：:；;。《》「」『』\d\s]{2,30}?)\s*[，,]?\s*(?P<year>\d{4})\s*年\s*(?P<month>)(?:版|刊)"
)
PLACE_PUB_CJK = re.compile(
    r"(?:^|[，,、]\s*)(?P<loc>[\u3131-\ud7a3\u4e00-\u9fff\u3040-\u30ff]{2,8})\s*[：:]\s*(?P<pub>[^，,：:《》「」『』\d]{1,30}?)\s*[，,、]\s*(?P<year>\d{4})(?:\s*[年년])?(?P<month>)"
)
PAREN_IMPRINT = re.compile(
    r"[（(]\s*((?:[^\s（()）\d:：，,、]{1,12}\s*[：:]\s*)?[^（()）\d:：，,、]{2,30}?\s*[，,、]\s*\d{4}\s*[年년]?)\s*[）)]"
)
# Japanese without kana: a page count "120 頁" (Chinese writes 第 120 页 / 頁 120), 「」『』 titles, and
# shinjitai forms that are neither simplified nor traditional Chinese
JA_SIGNAL = re.compile(
    r"(?<!第)(?<!第\s)\d+\s*(?:[-–—~～]\s*\d+\s*)?頁|[『「][^』」]*[』」]\s*[、（(]|"
    r"[経済対戦関発県険拡権歩歴総読売駅検験続図沢広辺稲縄営労栄覚団囲拠挙斎帰変恵鉄転伝軽気実両仏徳黒満亜価値効説税脳査]"
    r"(?=[^《》]*[『』「」頁])"
)
_JA_SIGNAL_CUE = re.compile(r"[頁『「」』]")  # every alternative of JA_SIGNAL needs one


def ja_signal(text: str) -> bool:
    return bool(_JA_SIGNAL_CUE.search(text) and JA_SIGNAL.search(text))


CYR = re.compile(r"[\u0400-\u04ff]")
# an old GB/T 7714 type tag: Title[J]. / [M] / [EB/OL] / [R/OL]
GBT_TAG_RE = re.compile(r"\[(?:J|M|N|D|C|R|A|Z|P|S|G|EB|DB|CP)(?:/OL)?\]")
KANA = re.compile(r"[\u3040-\u30ff]")
HANGUL = re.compile(r"[\uac00-\ud7af]")
HAN = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")


# ---------------------------------------------------------------- helpers


def access_date(m: re.Match) -> str | None:
    """The date of an ACCESS_RE match as ISO 8601 (``검색일: 2023. 1. 10`` spaces its dots)."""
    text = next((g for g in m.groups() if g), "")
    return iso_date(cre.sub(r"(?<=\d)\.\s(?=\d)", ".", text) if ". " in text else text)


def _month_number(name: str) -> int | None:
    return MONTHS.get(name[:4].lower().rstrip("."), MONTHS.get(name[:3].lower()))


def _valid_day(month: int | None, day: int) -> bool:
    return month is not None and 1 <= month <= 12 and 1 <= day <= 31


def iso_date(text: str) -> str | None:
    """The first date in ``text`` as ISO 8601 (YYYY-MM-DD, YYYY-MM or YYYY)."""
    # what ZH_YMD and ZH_YM need: a year word and a month word (2015年版 has no month)
    zh = ("年" in text or "년" in text) and ("月" in text or "월" in text)
    month = _has_month_word(text)  # what the English patterns need
    dot = "." in text  # what DOT_DMY needs; ISO_DATE needs it, a hyphen or a slash
    iso = dot or "-" in text or "/" in text
    # the full dates in this order: 2015年3月1日, 2015-03-01, March 1, 2015, 1 March 2015 (each tried
    # only where its words are; the first valid one wins)
    m = ZH_YMD.search(text) if zh else None
    if m and _valid_day(int(m.group(2)), int(m.group(3))):
        return f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    m = ISO_DATE.search(text) if iso else None
    if m and _valid_day(int(m.group(3)), int(m.group(4))):
        return f"{m.group(1)}-{int(m.group(3)):02d}-{int(m.group(4)):02d}"
    m = KO_DOTTED.search(text) if dot and ". " in text else None
    if m and _valid_day(int(m.group(2)), int(m.group(3))):
        return f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    if month:
        m = EN_MDY.search(text)
        if m:
            mo, d = _month_number(m.group(1)), int(m.group(2))
            if _valid_day(mo, d):
                return f"{m.group(3)}-{mo:02d}-{d:02d}"
        m = EN_DMY.search(text)
        if m:
            d, mo = int(m.group(1)), _month_number(m.group(2))
            if _valid_day(mo, d):
                return f"{m.group(3)}-{mo:02d}-{d:02d}"
    m = DOT_DMY.search(text) if dot else None
    if m and 1 <= int(m.group(2)) <= 12 and 1 <= int(m.group(1)) <= 31:
        return f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
    m = ZH_YM.search(text) if zh else None
    if m and 1 <= int(m.group(2)) <= 12:
        return f"{m.group(1)}-{int(m.group(2)):02d}"
    m = EN_TWO_MONTHS.search(text) if month else None
    if m:
        return m.group(1)  # a two-month issue (March/April 2018): the year only
    m = EN_MY.search(text) if month else None
    if m:
        mo = _month_number(m.group(1))
        if mo:
            return f"{m.group(2)}-{mo:02d}"
    m = YEAR.search(text)
    return m.group(1) if m else None


_CN_DIGITS = {**{c: i for i, c in enumerate("零一二三四五六七八九")}, "〇": 0}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}


def _cn_int(text: str) -> str:
    """``一二九`` -> ``129``, ``十三`` -> ``13``, ``二百零五`` -> ``205``; Arabic digits and anything
    that is no Chinese numeral (``上``/``中``/``下`` volumes) unchanged."""
    if text.isdigit() or not all(c in _CN_DIGITS or c in _CN_UNITS for c in text):
        return text
    if all(c in _CN_DIGITS for c in text):
        return "".join(str(_CN_DIGITS[c]) for c in text)
    total, cur = 0, 0
    for c in text:
        if c in _CN_DIGITS:
            cur = _CN_DIGITS[c]
        else:
            total += (cur or 1) * _CN_UNITS[c]
            cur = 0
    return str(total + cur)


def page_range(a: str, b: str | None) -> str:
    return f"{a}-{b}" if b else a


def norm_range(text: str) -> str:
    return cre.sub(r"\s*[-–—~～]+\s*", "-", text.strip())


# ``…, para. 17.`` / ``Ibid., paras. 12-14.`` / ``同上,para. 202。``: a paragraph closing a citation
_PARA_TAIL = re.compile(r"(?:^|[,;，、]\s*|\s)(paras?)\.?\s*(\d+(?:\.\d+)*(?:\s*[-–]\s*\d+(?:\.\d+)*)?)\s*[.。]?\s*$")


def para_locator(text: str) -> str | None:
    """The paragraph(s) a citation ends on, as its locator (``para. 17``, ``paras. 12-14``)."""
    m = _PARA_TAIL.search(text) if "para" in text else None
    return f"{m.group(1)}. {norm_range(m.group(2))}" if m else None


_CLEAN_URL_RE1 = re.compile(r"等$")


def clean_url(url: str) -> str:
    url = url.rstrip(".,;:，。；、")
    url = _CLEAN_URL_RE1.sub("", url)
    if url.endswith(")") and "(" not in url:
        url = url[:-1]
    if url.endswith("]") and "[" not in url:
        url = url[:-1].rstrip(".,;:")  # …/report.pdf],访问日期: a stray bracket pasted after it
    return url


_KANA_HANGUL_CYR = re.compile(r"[\u0400-\u04ff\u3040-\u30ff\uac00-\ud7af]")  # KANA, HANGUL, CYR in one
_LANGUAGE_OF_RE1 = re.compile(r"[^\w'’][^\w'’]*")  # not ``[^\w'’]+``: a class first is a class to jump along
_LANGUAGE_OF_RE2 = re.compile(r"[ŏŭŎŬ]")
_LANGUAGE_OF_RE3 = re.compile(r"[ōūŌŪ]")
_LANGUAGE_OF_RE4 = re.compile(r"[ǎǐǒǔǚàèìòùáéíóúāē]")
_LANGUAGE_OF_RE5 = re.compile(r" (?:the|of|and|in|on|to|for|with|its|an|from|after|between) ")
_LANGUAGE_OF_RE6 = re.compile(r" (?:der|die|und|das|für|zur|zum|über|im|vom|einer|eines) ")
_LANGUAGE_OF_RE7 = re.compile(r"[äöüß]")
_LANGUAGE_OF_RE8 = re.compile(r" (?:les|la|le|et|du|une|dans|pour|sur|aux) ")
_LANGUAGE_OF_RE9 = re.compile(r" (?:the|of) ")
_LANGUAGE_OF_RE10 = re.compile(r"[éèêàç]")


def language_of(text: str) -> str:
    ascii_only = text.isascii()  # no script, breve or macron to look for: one scan in C
    if not ascii_only and _KANA_HANGUL_CYR.search(text) is None:
        if HAN.search(text):  # the common case: Han and none of the other scripts, one scan for them
            return "chinese"
    elif not ascii_only:
        if KANA.search(text):
            return "japanese"
        if HANGUL.search(text):
            return "korean"
        if CYR.search(text):
            return "russian"
    low = (" " + _LANGUAGE_OF_RE1.sub(" ", text.lower()) + " ").replace(" et al ", " ")
    # romanized Korean (McCune-Reischauer breves) and Japanese (Hepburn macrons, no pinyin tone
    # marks, no English words)
    if not ascii_only and _LANGUAGE_OF_RE2.search(text):
        return "korean"
    if (
        not ascii_only
        and _LANGUAGE_OF_RE3.search(text)
        and not _LANGUAGE_OF_RE4.search(text)
        and not cre.search(r" (?:the|of|and|in|on|for|with|from|between|an|a) ", low)
    ):
        return "japanese"
    if not ascii_only and len(_VIETNAMESE_LETTERS.findall(low, 0, 200)) >= 3:
        return "vietnamese"  # ễ, ạ, ơ, ư: letters only Vietnamese writes, three of them (not a name)
    # words decide; a diacritic alone (a name such as Lüthi or Détente) only without English words
    english = _LANGUAGE_OF_RE5.search(low)
    # the diacritic classes (_RE7, _RE10) hold no ASCII character: ASCII text skips them
    if not english and (_LANGUAGE_OF_RE6.search(low) or not ascii_only and _LANGUAGE_OF_RE7.search(low)):
        return "german"
    if (
        _LANGUAGE_OF_RE8.search(low)
        and not _LANGUAGE_OF_RE9.search(low)
        or not english
        and not ascii_only
        and _LANGUAGE_OF_RE10.search(low)
    ):
        return "french"
    return "english"


_VIETNAMESE_LETTERS = re.compile("[\u1ea0-\u1ef9ơư]")
# ``Title (in Chinese)[J]`` / ``Title [in Japanese]``: an English list's note that the work is in another
# language, no part of its title (as 日文版 / 英文版 name an edition's language)
_LANGUAGE_NOTE = re.compile(r"[(\[]in (Chinese|Japanese|Korean|Russian)[)\]]\s*$")  # (no \s* before: a run of spaces)


def language_note(fields: dict[str, str]) -> None:
    """Move a title's closing ``(in Chinese)`` into ``langid``."""
    title = fields.get("title", "")
    m = _LANGUAGE_NOTE.search(title) if title.endswith((")", "]")) else None
    if m:
        fields["title"] = title[: m.start()].rstrip()
        fields["langid"] = m.group(1).lower()


_BARE_PAGE_RE1 = re.compile(r"\d{1,4}(?:\s*[-–—]\s*\d{1,4})?")
_VOLUME_PAGE = re.compile(r"\d{1,2}\s*:\s*(\d{1,4}(?:\s*[-–—]\s*\d{1,4})?)")


# a front-matter page in lower-case Roman numerals (``xxi``, ``xiv-xvi``): a well-formed numeral only
_ROMAN_PAGE = re.compile(
    r"(?=[ivxlc])c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})(?:\s*[-–—]\s*(?=[ivxlc])c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3}))?"
)


def bare_page(text: str) -> str | None:
    """``20.`` / ``1420–22`` / ``xxi``: a page or range written alone (Chicago notes write no ``p.``);
    ``2:415``, Chicago's volume and page, cites the page (the volume is the entry's)."""
    t = (text or "").strip(" .。,，")
    if _BARE_PAGE_RE1.fullmatch(t):
        return norm_range(t)
    vol_page = _VOLUME_PAGE.fullmatch(t) if ":" in t else None
    if vol_page:
        return norm_range(vol_page.group(1))
    if t[:1] in "ivxlc" and t and t != "c" and _ROMAN_PAGE.fullmatch(t):
        return cre.sub(r"\s*[-–—]\s*", "-", t)
    return None


def rstrip_run(text: str, chars: str) -> str:
    """``text`` without its trailing run of ``chars`` and whitespace: what ``cre.sub(r"[…\\s]+$", "",
    text)`` does (``\\s`` and :meth:`str.isspace` agree), without a regex tried at every position."""
    last = text[-1:]
    if not last or last not in chars and not last.isspace():
        return text  # the common case: nothing to cut, decided by the last character
    while True:
        cut = text.rstrip().rstrip(chars)
        if cut == text:
            return text
        text = cut


def strip_trailing(text: str) -> str:
    last = text[-1:]  # rstrip_run's common case inline: nothing to cut (a call fewer)
    if not last or last not in ",，。.；;：:、" and not last.isspace():
        return text.strip()
    return rstrip_run(text, ",，。.；;：:、").strip()


def balanced(text: str, start: int, open_ch: str, close_ch: str) -> int:
    """Index of the close mark matching ``text[start] == open_ch`` (nesting aware), or -1."""
    if open_ch == close_ch:
        return -1  # every mark opens: never closed
    depth = 0
    i = start
    while True:  # from mark to mark (str.find), not character by character
        close = text.find(close_ch, i)
        if close < 0:
            return -1
        opened = text.find(open_ch, i, close)
        if opened >= 0:
            depth += 1
            i = opened + 1
            continue
        depth -= 1
        if depth == 0:
            return close
        i = close + 1


def brace_org(name: str) -> str:
    return "{" + name + "}"


# ---------------------------------------------------------------- DOIs and <title> marks (read before any genre)

DOI_TEXT = re.compile(
    r"[,，.;；]?\s*\b(?:DOI|doi)\s*[:：]?\s*(10\.\d{4,9}/[^\s，。；;]+?)(?=[.,]?(?:\s|$)|[，。；;])[.。]?"
)
ANGLE_TITLE = re.compile(r"<([\u3131-\ud7a3\u4e00-\u9fff\u3040-\u30ff][^<>\n]{0,40}?)>")
DOI_URL = re.compile(r"^https?://(?:dx\.)?doi\.org/(10\.\d{4,9}/\S+)$", re.I)


# ---------------------------------------------------------------- CJK title marks

TITLE_MARKS = {"《": "》", "「": "」", "『": "』", "〈": "〉"}


def _take_mark(text: str, start: int) -> tuple[str, int] | None:
    open_ch = text[start]
    close_ch = TITLE_MARKS[open_ch]
    end = balanced(text, start, open_ch, close_ch)
    if end < 0:
        return None
    return text[start + 1 : end], end + 1


# ---------------------------------------------------------------- Western quoted titles, news outlets, dates with a comma

_OPEN_Q = '“"'
_QUOTE_PAIRS = {"“": "”", '"': '"'}


# a British title in single quotes after the author's comma, closed before a comma: 'Title', in …
# ((?<=,\s)['‘]…, the lookbehind written after the quote: the engine looks for quotes, not at every position)
_SINGLE_QUOTED = re.compile(r"['‘](?<=,\s['‘])(?P<t>[^'‘’]{3,}?(?:['’][a-z][^'‘’]*?)*)['’](?=\s*,)")


def _find_quoted(text: str) -> tuple[int, int, str] | None:
    if "“" not in text and '"' not in text:  # _OPEN_Q
        m = _SINGLE_QUOTED.search(text)
        return (m.start(), m.end() - 1, m["t"]) if m else None
    curly, straight = text.find("“"), text.find('"')  # the first opening quote (one of them is there)
    i = curly if straight < 0 or 0 <= curly < straight else straight
    ch = text[i]
    j = text.find(_QUOTE_PAIRS[ch], i + 1)
    if ch == "“":
        # a closing quote followed by a letter that continues the title is still the end
        if j < 0:
            j = text.find('"', i + 1)
    if j > i:
        return i, j, text[i + 1 : j]
    return None


def _news_outlet(name: str) -> bool:
    name = strip_trailing(name or "")
    return bool(
        cre.fullmatch(
            r"(?:The\s+)?(?:[A-Z][\w.&'-]*\s+){0,3}(?:News|Times|Post|Daily|Herald|Tribune|Gazette|Press|Wire)"
            r"|Reuters|Xinhua|AFP|AP|Associated Press|Bloomberg|BBC|CNN|Kyodo(?: News)?|Yonhap(?: News Agency)?|"
            r"TASS|RIA Novosti|Nikkei(?: Asia)?|(?:[A-Z][\w.&'-]*\s+){0,3}News Agency",
            name,
        )
    )


def _mask_dates(text: str) -> str:
    """Protect the comma inside 'May 21, 2025' from comma splitting."""
    if not _has_month_word(text):
        return text  # EN_MDY needs a month (its class-led alternation is tested at every character)
    return EN_MDY.sub(lambda m: m.group(0).replace(",", "\x00"), text)


def _unmask(text: str) -> str:
    return text.replace("\x00", ",")


# ---------------------------------------------------------------- field order

FIELD_ORDER = [
    "author",
    "editor",
    "translator",
    "title",
    "title_translation",
    "journaltitle",
    "booktitle",
    "eventtitle",
    "entrysubtype",
    "type",
    "series",
    "chapter",
    "edition",
    "location",
    "venue",
    "publisher",
    "institution",
    "organization",
    "library",
    "date",
    "volume",
    "number",
    "pages",
    "doi",
    "url",
    "urldate",
    "langid",
]


_RANK = {k: i for i, k in enumerate(FIELD_ORDER)}


def _order(f: dict[str, str]) -> dict[str, str]:
    """The fields of FIELD_ORDER in that order, then the others as they came; empty values dropped.
    Sorts the few fields a citation has rather than walking the whole order."""
    rank = _RANK
    ranked = [k for k, v in f.items() if v and k in rank]
    ranked.sort(key=rank.__getitem__)
    out = {k: f[k] for k in ranked}
    if len(out) < len(f):  # an empty value or a field outside FIELD_ORDER
        for k, v in f.items():
            if v and k not in out:
                out[k] = v
    return out


def _journal_fields(f: dict, jm: re.Match) -> str | None:
    """Journal, volume, issue and pages from an author-date journal match (groups j, v, n, pp);
    the pages are also the locator."""
    f["journaltitle"] = jm["j"].strip()
    if jm["v"]:
        f["volume"] = jm["v"]
    number = jm["n"] or (jm.groupdict().get("n2"))  # 노동법학, (66), 1–36: an issue and no volume
    if number:
        f["number"] = cre.sub(r"\s*[-–—]\s*", "-", number.strip())  # 33(2–3): a double issue, dashed like pages
    if jm["pp"]:
        f["pages"] = cre.sub(r"\s*[-–—]\s*", "-", jm["pp"])
        return f["pages"]
    return None


# an era year printed as a note's date: ``（臺北：…，民國51年）``, ``（昭和18年7月）``, ``，大正十年，``. Only
# where a date stands (after a bracket or comma, before a month, a bracket or a comma), so a law's
# number (``昭和36年法律第223号``), a yearbook's edition (``平成30年版``) or a court decision keep theirs
_ERA_BASE = {"民國": 1911, "民国": 1911, "明治": 1867, "大正": 1911, "昭和": 1925, "平成": 1988, "令和": 2018}
_ERA_YEAR = re.compile(
    r"(?<=[（(，,：:、\s])(民國|民国|明治|大正|昭和|平成|令和)\s*([0-9]{1,3}|[一二三四五六七八九十]{1,4}|元)\s*年"
    r"(?=\s*(?:[0-9一二三四五六七八九十]{1,3}\s*月|[）)，,。]))"
)


_ERA_CUE = re.compile("|".join(_ERA_BASE))  # one scan for the era names


def era_years(text: str) -> str:
    """The note with Republic of China and Japanese era years printed as dates made Western years
    (``民國51年`` -> ``1962年``, ``昭和18年7月`` -> ``1943年7月``), so the imprint and date readers
    that know only Western years read them."""
    if not _ERA_CUE.search(text):
        return text
    # a title keeps its years as printed (「労働力調査 2021年（令和3年）平均結果」): only the text between
    # titles is read for dates
    parts = _TITLE_SPAN.split(text)
    for k in range(0, len(parts), 2):
        parts[k] = _ERA_YEAR.sub(_western_year, parts[k])
    return "".join(parts)


_TITLE_SPAN = re.compile(r"([「『《〈][^「『《〈」』》〉]*[」』》〉])")


def _western_year(m: re.Match) -> str:
    return f"{_ERA_BASE[m[1]] + (1 if m[2] == '元' else int(_cn_int(m[2])))}年"
