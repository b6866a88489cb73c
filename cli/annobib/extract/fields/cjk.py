"""Chinese, Japanese and Korean citations with title marks 《》「」『』〈〉 (:func:`parse_cjk`)."""

from __future__ import annotations

import re

from annobib.extract import rx as cre
from dataclasses import dataclass, field

from annobib.extract.fields.features import (
    cjk_page_locator,
    cjk_pages,
    imprint_place,
    en_pages,
    era_years,
    ACCESS_RE,
    access_date,
    has_access_cue,
    HANGUL,
    ja_signal,
    KANA,
    KO_NUMBER,
    NEWS_RE,
    PAREN_IMPRINT,
    PLACE_PUB_CJK,
    PLACE_PUB_NIANBAN,
    PUBLISHER_ZH,
    publisher_zh,
    REPORT_TITLE_RE,
    URL_RE,
    find_url,
    URL_FIRST,
    first_index,
    zh_org_suffix,
    ZH_BAN,
    ZH_ISSUE,
    ZH_YEAR_ISSUE,
    ZH_PAGES,
    ZH_SERIES,
    ZH_VOLUME,
    ZH_YMD,
    _cn_int,
    _order,
    _take_mark,
    clean_url,
    iso_date,
    language_of,
    page_range,
    strip_trailing,
)
from annobib.extract.fields.law import (
    DOC_NUMBER_RE,
    LAW_TITLE_END,
    LEGAL_CUE_RE,
    LEGAL_ISSUER_RE,
    _court_case,
    statute_by_number,
)
from annobib.extract.fields.model import Parsed
from annobib.extract.fields.names import ROLE_SUFFIX_RE, cjk_names, format_cjk_names, is_cjk_org


_PROSE_CLAUSE = re.compile(r"[的了是有在对这那其较已]|研究|关于|学界|讨论|代表|重要|认为|指出|问题|方面")
_NAME_RUN = re.compile(
    r"(?:[\[［〔【（(][\u4e00-\u9fff]{1,3}[\]］〕】）)]\s*)?[\u4e00-\u9fff·・]{2,12}"
    r"(?:[、，,]\s*(?:[\[［〔【（(][\u4e00-\u9fff]{1,3}[\]］〕】）)]\s*)?[\u4e00-\u9fff·・]{2,12})*"
    r"\s*(?:等)?\s*(?:主编|编著|合编|编选|编译|编|著|等著|撰|整理|译)?$"
)


# ``이 시기 38선 충돌에 관해서는 정병주``: a Korean clause ending in a particle (관해서는, 대해서는, 경우에도),
# then the author's name (two to four syllables, perhaps 외 / 편) closing the run
_KO_PROSE_THEN_NAME = re.compile(
    r"\s[\uac00-\ud7af]*(?:는|은|서|도|면)\s+(?P<who>[\uac00-\ud7af]{2,4}(?:\s*(?:외|편|엮음))?)$"
)


def _cut_prose_before_authors(author_part: str) -> str:
    """``对于这一时期……，学界已有较多研究，较有代表性的是张三、李四主编`` -> ``张三、李四主编``:
    commentary clauses before the author run (long, or with verbs/particles) are cut at the last
    clause boundary (，：是 如 见) before the names (in Korean, after a particle)."""
    if " " in author_part and HANGUL.search(author_part[-1:]):
        ko = _KO_PROSE_THEN_NAME.search(author_part)
        return ko["who"] if ko else author_part
    if len(author_part) <= 12 or not _PROSE_CLAUSE.search(author_part):
        return author_part
    for m in reversed(list(cre.finditer(r"[，,：:；;。]|(?<=[的是如见])", author_part))):
        head, tail = author_part[: m.start()], author_part[m.end() :].strip()
        if not tail:
            continue
        if not _NAME_RUN.fullmatch(tail):
            break
        names = [x for x in cre.split(r"[、，,]", tail) if x.strip()]
        if any(_PROSE_CLAUSE.search(ROLE_SUFFIX_RE.sub("", x)) and len(x) > 6 for x in names):
            continue
        if _PROSE_CLAUSE.search(head) or len(head) > 12:
            return tail
    return author_part


def _cjk_imprint(f: dict[str, str], pub: re.Match) -> None:
    """Location (when printed), publisher and year of a CJK imprint match (groups loc, pub, year)."""
    if place := imprint_place(pub):
        f["location"] = place
    f["publisher"] = pub.group("pub")
    f["date"] = pub.group("year")


@dataclass(slots=True)  # built for every CJK citation: slots make it and its reads cheaper
class _CjkNote:
    """What :func:`parse_cjk` has read of one note so far: each step reads some of it and adds more.

    Each step copies the fields it reads into locals at its top and stores what it found at its
    end, so that its body reads like straight-line parsing code."""

    text: str  # the note (a newspaper commentator's byline rewritten)
    p: Parsed
    f: dict[str, str]
    lang: str | None
    pre: str  # the text before the first title
    title: str
    title_mark: str  # the opening mark of the title: 《 「 『 〈
    after: int  # index in text just after the title's closing mark
    rest: str  # the text after the title
    author_part: str = ""  # the author text before the title (commentary cut off)
    authors: list[str] = field(default_factory=list)
    lib_first: str | None = None  # an archive printed before the title (上海市档案馆藏：《…》)
    others: bool = False
    pre_tr_others: bool = False
    pre_translators: list[str] = field(default_factory=list)
    role: str | None = None
    rest_nourl: str = ""  # rest without the URL, access date, juan
    url: str | None = None
    ban: re.Match | None = None
    juan: re.Match | None = None
    locator: str | None = None
    pin: str | None = None  # ``45-67頁、特に52頁``: the page the note singles out of the range it gives
    chapter: bool = False  # the work is a part of the container (a chapter)
    container: str | None = None
    editor_others: bool = False
    editors: list[str] = field(default_factory=list)
    rest_after: str = ""  # rest_nourl after the container title (or all of it)
    zai_container: bool = False  # the container follows 载 / 收入 / 见
    archive: re.Match | str | None = None
    conf: re.Match | None = None
    date: str | None = None
    doctype: str | None = None
    issue: re.Match | None = None
    ko_num: re.Match | None = None
    pub: re.Match | None = None
    segs: list[str] = field(default_factory=list)  # the comma-separated parts of rest_after
    series: re.Match | None = None
    site: str | None = None  # the first plain name after the title: a web site, an outlet or a publisher
    thesis: re.Match | None = None
    translator_m: re.Match | None = None
    vol: re.Match | None = None
    authors_field: str | None = None
    names: list[str] = field(default_factory=list)
    news_author: bool = False


def parse_cjk(text: str) -> Parsed:
    """A Chinese, Japanese or Korean citation: ``作者：《标题》，载《期刊》2014 年第 5 期，第 102—128 页。``,
    ``佐藤優『国家の罠』新潮社、2005年、99—103頁。``, ``김준형, 「한미동맹의 미래」, 『국가전략』 제20권 제1호, 2014, 15-40쪽.``

    Read in steps, each adding to one :class:`_CjkNote`: the title, the authors before it, language
    and URL, locators, a container title, the cues of the rest, the credits; then the first type
    rule that applies decides the entry type and its fields."""
    note = _cjk_title(era_years(text))
    if isinstance(note, Parsed):
        return note
    for step in (_cjk_authors, _cjk_language_and_url, _cjk_locators, _cjk_container, _cjk_cues, _cjk_credits):
        step(note)
    etype = (
        _cjk_type_special(note)
        or _cjk_type_periodical(note)
        or _cjk_type_book_or_report(note)
        or _cjk_type_web_or_short(note)
    )
    parsed = _cjk_finish(note, etype)
    if etype == "book" and _has_any(text, _PAPER_SERIES_CUES):
        parsed = _paper_series(parsed, text)
        if parsed.type == "report":
            return parsed
    if etype == "book" and "」" in text and "『" not in text:
        return _ja_unbracketed_journal(parsed, text)
    if etype == "book" and "author" not in parsed.fields:
        return _periodical_issue(parsed, text[note.after :]) or _newspaper_issue(parsed, note.ban)
    return parsed


# 「…」日本銀行ワーキングペーパーシリーズ No.18-J-5 / 「…」RIETI Discussion Paper Series 19-J-021、経済産業研究所 /
# 《…》，北京大学国家发展研究院工作论文，No.C2019007: a numbered paper series after the title
_PAPER_SERIES_CUES = ("Paper", "Brief", "ペーパー", "工作论文", "工作論文")
_PAPER_SERIES = re.compile(
    r"[」》』]\s*[，,、]?\s*(?:(?P<s>(?:[A-Z][\w.&\-]*\s+){0,4}(?:(?:Working|Discussion)\s+Papers?(?:\s+Series)?|Policy\s+Briefs?)"
    r"|[\u3005\u4e00-\u9fff\u30a0-\u30ff]{0,20}?(?:ワーキング・?ペーパー|ディスカッション・?ペーパー)(?:・?シリーズ)?)"
    r"|(?P<inst>[\u4e00-\u9fff]{2,20}?)(?P<kind>工作论文|工作論文))"
    r"\s*[，,、]?\s*(?:No\.?\s*|第\s*)?(?P<n>[A-Z]{0,3}\d{1,8}(?:-[A-Z]{0,2}-?\d{1,5})*)(?![\d年])"
)


def _paper_series(p: Parsed, text: str) -> Parsed:
    """A title followed by a numbered paper series: an @report with the series as ``type`` (docs/fields.md)
    and its number; the press named after it, or the institute named before 工作论文, issued it."""
    m = _PAPER_SERIES.search(text)
    if not m or "journaltitle" in p.fields:
        return p
    f = {k: v for k, v in p.fields.items() if k not in ("publisher", "series")}
    inst = m["inst"] or p.fields.get("publisher")
    f.update(type=m["kind"] or m["s"].strip(), number=m["n"])
    if inst:
        f["institution"] = inst
    return Parsed(type="report", fields=_order(f), locator=p.locator, kind=p.kind, names=p.names)


# 西山健吾「…」法律時報81巻9号(2009年)54頁: a Japanese law journal named without 『』, then its issue
# (5=6号: a double issue)
_JA_JOURNAL_ISSUE = re.compile(
    r"」\s*(?P<j>[^\s、，,。()（）『』「」\d]{2,20}?)\s*(?:(?P<v>\d{1,4})\s*巻\s*)?(?P<n>\d{1,5}(?:=\d{1,5})?)\s*号\s*"
    r"[（(]\s*(?P<y>(?:1[89]|20)\d\d)\s*年?\s*[)）]"
)


def _ja_unbracketed_journal(p: Parsed, text: str) -> Parsed:
    """A 「title」 followed by a journal's bare name, ``[N巻]N号(Year)``: an @article in that journal
    (a page range is its pages; a single page is only the locator)."""
    m = _JA_JOURNAL_ISSUE.search(text)
    if not m or "publisher" in p.fields:
        return p
    f = {k: v for k, v in p.fields.items() if k in ("author", "title", "langid")}
    f.update(journaltitle=m["j"], number=m["n"], date=m["y"])
    if m["v"]:
        f["volume"] = m["v"]
    if p.locator and "-" in p.locator:
        f["pages"] = p.locator
    return Parsed(type="article", fields=_order(f), locator=p.locator, names=p.names, kind=p.kind)


# 『東京日日新聞』1889年2月12日。: an issue of a newspaper cited by its name and date alone
_NEWSPAPER_NAME = re.compile(r"(?:新聞|新闻|日報|日报|時報|时报|晚報|晚报|[报報]|신문|일보|신보)$")
_ISSUE_ONLY = frozenset(("title", "date", "langid", "pages"))


def _newspaper_issue(p: Parsed, ban: re.Match | None) -> Parsed:
    """A "book" that is only a newspaper's name in title marks and a full date is that newspaper's
    issue: an @article with the name as ``journaltitle`` and no title (the note names no piece); its
    第N版 is the page, as for a titled article in a newspaper (``pages`` and the locator)."""
    f = p.fields
    if not (f.keys() <= _ISSUE_ONLY and len(f.get("date", "")) == 10 and _NEWSPAPER_NAME.search(f.get("title", ""))):
        return p
    g = {"journaltitle": f["title"], "entrysubtype": "newspaper", "date": f["date"]}
    locator = p.locator
    if ban:
        g["pages"] = locator = ban.group(1) or ban.group(2) or ban.group(3)
    elif "pages" in f:
        g["pages"] = f["pages"]
    lang = {"聞": "japanese", "보": "korean", "문": "korean"}.get(f["title"][-1], f["langid"])
    g["langid"] = lang
    return Parsed(type="article", fields=_order(g), locator=locator, names=p.names, kind=p.kind)


# 《矿业周报》第235号，1933年4月 / 《东方杂志》第8卷第10号，1912年4月: a periodical's numbered issue cited
# whole, right after its name (a 丛刊's 第3册 is a volume of a book series)
_PERIODICAL_NAME = re.compile(r"(?:[报報]|杂志|雜誌|(?<![丛叢])刊)$")
_ISSUE_AFTER_NAME = re.compile(
    r"^\s*[，,]?\s*(?:第\s*(?P<v>\d{1,4})\s*[卷巻]\s*)?第\s*(?P<n>\d{1,4})\s*[号號期册冊]\s*[，,]\s*(?:19|18|20)\d\d\s*年"
)


def _periodical_issue(p: Parsed, after: str) -> Parsed | None:
    """A "book" that is a periodical's name in title marks, its issue number and a date, nothing
    else: that issue, an @article with the name as ``journaltitle`` and the issue as ``number``."""
    f = p.fields
    if not (f.keys() <= _ISSUE_ONLY and "date" in f and _PERIODICAL_NAME.search(f.get("title", ""))):
        return None
    m = _ISSUE_AFTER_NAME.match(after)
    if m is None:
        return None
    g = {"journaltitle": f["title"], "date": f["date"], "number": m["n"], "langid": f["langid"]}
    if m["v"]:
        g["volume"] = m["v"]
    return Parsed(type="article", fields=_order(g), locator=p.locator, names=p.names, kind=p.kind)


# 『…日記』、伊藤隆之監修 / 《史记志疑》，贺次君点校 / 止庵校订: who edited the text, after its title
_EDITOR_AFTER_TITLE = re.compile(
    r"(?:^|[，,、（(])\s*([^，,、《》『』「」（()）\d]{2,30}?)\s*"
    r"(?:監修|监修|点校|校点|點校|校订|校訂|校定|校注|校勘|校释|笺注|箋注|辑校|编校|整理)\s*(?=[，,、]|$)"
)
_EDITOR_AFTER_TITLE_CUES = "修校注理"  # a character each of its credit words holds (a gate)
_EDITION_IN_TITLE = re.compile(
    r"\s*[〔［\[（(]\s*(?:第\s*(\d+|[一二三四五六七八九十]+)\s*版(?![補补増改])|(新版|増補版|増補改訂版|改訂版|新装版|补订版|修订版"
    r"|第\s*\d+\s*版\s*(?:補訂|补订|増補|改訂)))\s*[〕］\]）)]\s*(?=$|[—─―]{1,2})"
)  # 〔第5版補訂〕 as printed; 『…〔第3版〕——副題』: the edition before the subtitle
# 《…法》第 13 条、第 14 条 / 《…公约》（GDPR）第 7 条 / （2012年9月9日签署）第14条: a law cited by its articles
_ARTICLES_ONLY = re.compile(
    r"^\s*(?:[（(][^（）()]{1,40}[）)])?\s*[，,]?\s*(?:第\s*[\d一二三四五六七八九十百]+\s*条(?:\s*第\s*\d+\s*款)?\s*[、，,和及至—\-]?\s*)+[。.]?\s*$"
)
_JAPANESE_CUE = re.compile(r"[\u3040-\u30ff]|頁|『")
_PAREN_CREDIT = re.compile(
    r"[（(〔]([^（）()〔〕]*(?:訳|译|譯))[)）〕]$"
)  # 〔…訳〕: the same in tortoise-shell brackets


_CJK_TITLE_RE1 = re.compile(r"^《([^》]{2,12})》\s*((?:本报|特约)?评论员|社论|编辑部|记者)\s*(?=[：:])")
_CJK_TITLE_RE2 = re.compile(r"[《「『〈]")


def _cjk_title(text: str) -> _CjkNote | Parsed:
    """The first title in marks, with the text before and after it; a Parsed result when there is no
    title in marks (read as ``author：title，rest``) or its mark is never closed."""
    # 《人民日报》评论员：《标题》 — the newspaper's commentator is the author
    if text.startswith("《"):  # the pattern's anchored opening
        text = _CJK_TITLE_RE1.sub(r"\1\2", text)
    start = first_index(text, "《「『〈")  # _CJK_TITLE_RE2
    if start < 0:
        return _parse_cjk_untitled(text)
    pre = text[:start]
    took = _take_mark(text, start)
    if not took:
        return Parsed(understood=False)
    title, after = took
    title_mark = text[start]
    rest = text[after:]
    if "原载" in rest:
        # 原载《期刊》…，后收入《文集》…: the note cites the reprint (its pages and publisher follow)
        rest = cre.sub(
            r"原载\s*《[^》]*》[^《]*?[，,；;]\s*(?:后|又|现)?(?:收入|收录于|收录在|收于|载于|载|见)\s*(?=[^，,]{0,20}《)",
            "载",
            rest,
            count=1,
        )
        rest = rest.replace("原载", "载", 1)
    return _CjkNote(
        text=text, p=Parsed(), f={}, lang=None, pre=pre, title=title, title_mark=title_mark, after=after, rest=rest
    )


_CJK_AUTHORS_RE1 = re.compile(r"^((?:新华社|中新社|中国新闻社)).{0,12}?电\s*(?=[：:]?\s*$)")
_CJK_AUTHORS_RE2 = re.compile(r"^(?:前引|前揭|前注所引|上引)\s*")
_CJK_AUTHORS_RE2_FIRST = ("前", "上")  # its opening characters (a test reads them from it)
_CJK_AUTHORS_RE3 = re.compile(
    r"(?:档案馆|档案局|档案室|资料室|資料室|图书馆|圖書館|図書館|檔案館|博物馆|博物館|文书馆|史料馆|史料館|資料館|文書館)"
    r"(?:藏|所藏|館蔵|所蔵)$"
)
# 국가기록원 소장, 「…」: Korean's 所藏 after an archive's name (소장 after a person is 所長, a title)
_KO_HELD_BY = re.compile(
    r"^[\uac00-\ud7af\s]{0,28}(?:기록원|기록관|도서관|박물관|문서관|사료관|자료관|규장각|위원회)\s소장$"
)
_CJK_AUTHORS_RE4 = re.compile(r"[，,]|(?<=著)\s*、")  # ケネス・M・ハーグローヴ著、三浦陽子訳: author, then translator


# 〔宋〕徐铉校定 / 贺次君点校: who edited the text (a classic's editor), a credit of its own
_TEXT_EDITOR_END = re.compile(r"\s*(?:点校|校点|點校|校订|校訂|校定|校注|校勘|校释|笺注|箋注|辑校|编校|整理)$")


def _text_editors_first(n: _CjkNote, author_part: str, japanese: bool) -> str:
    """``〔汉〕许慎撰，〔宋〕徐铉校定``: the editors credited before the title go to ``editor``; the
    rest (the authors) is returned."""
    groups = [g.strip() for g in cre.split(r"[，,、]", author_part) if g.strip()]
    if len(groups) < 2 or not any(_TEXT_EDITOR_END.search(g) for g in groups):
        return author_part
    keep = []
    for g in groups:
        if _TEXT_EDITOR_END.search(g):
            eds, _r, ed_others = cjk_names(_TEXT_EDITOR_END.sub("", g), japanese)
            n.f.setdefault("editor", format_cjk_names(eds, ed_others))
        else:
            keep.append(g)
    return "，".join(keep)


# an account on a platform as author: 微信公众号“传媒茶话会” / “传媒茶话会”微信公众号
_ACCOUNT_ON_PLATFORM = re.compile(
    r"(?P<pf>微信公众号|公众号|头条号|抖音号)\s*[“\"「](?P<acct>[^”\"」]{1,30})[”\"」]"
    r"|[“\"「](?P<acct2>[^”\"」]{1,30})[”\"」]\s*(?P<pf2>微信公众号|公众号|头条号|抖音号)"
)


def _cjk_authors(n: _CjkNote) -> None:
    """The authors (or editors) printed before the title, translators named there, and a holding
    archive printed first (which is no author)."""
    after, pre, text = n.after, n.pre, n.text
    # 新华社北京 3 月 5 日电: a dispatch's dateline names the agency
    if pre.startswith(("新华社", "中新社", "中国新闻社")):  # the pattern's anchored opening
        pre = _CJK_AUTHORS_RE1.sub(r"\1", pre)
    # 前引 / short forms
    if pre.startswith(_CJK_AUTHORS_RE2_FIRST):  # the pattern's anchored opening
        pre = _CJK_AUTHORS_RE2.sub("", pre)
    author_part = _cut_prose_before_authors(strip_trailing(pre))
    lib_first = None
    if author_part and (
        _has_any(author_part[-2:], "藏蔵")
        and _CJK_AUTHORS_RE3.search(author_part)  # …藏$
        or author_part.endswith(" 소장")
        and _KO_HELD_BY.match(author_part)
    ):
        # 上海市档案馆藏：《…》，档号 …: the holding archive printed first is no author
        lib_first = cre.sub(r"(?:所藏|所蔵|藏|館蔵|\s소장)$", "", author_part)  # 早稲田大学図書館所蔵「…」 too
        author_part = ""
    if not author_part:
        # 《标题》，新华社莫斯科 5 月 16 日电，《人民日报》…: the dispatch's agency is the author
        dl = cre.match(r"^\s*[，,]\s*(新华社|中新社|中国新闻社)[^，,。《]{0,30}?电\s*(?=[，,（(]|$)", text[after:])
        if dl:
            author_part = dl.group(1)
    account = _ACCOUNT_ON_PLATFORM.fullmatch(author_part) if "号" in author_part else None
    if account:  # 微信公众号“传媒茶话会”：《…》: the account wrote it, the platform is the site
        author_part = account["acct"] or account["acct2"]
        n.f["organization"] = account["pf"] or account["pf2"]
    authors: list[str] = []
    others = False
    role = None
    pre_translators: list[str] = []
    pre_tr_others = False
    japanese = bool(_JAPANESE_CUE.search(text))
    if author_part:
        credit = _PAREN_CREDIT.search(author_part)
        if credit:  # 閻学達（高木誠監訳・川島真一ほか訳）: the translators in brackets after the author
            author_part = author_part[: credit.start()].strip()
            for part in cre.split(r"[・·、，,]", credit.group(1)):  # 李沢民編: an editor among the credits
                if cre.search(r"(?:編|编|監修)$", part.strip()) and not n.f.get("editor"):
                    eds, _r, _o = cjk_names(cre.sub(r"(?:編|编|監修)$", "", part.strip()), japanese)
                    n.f["editor"] = format_cjk_names(eds, False)
            names, pending = [], []  # 渡辺昭一・岡田知子訳: the role names every name since the last one
            for c in cre.split(r"[・·、，,]", credit.group(1)):
                if cre.search(r"(?:訳|译|譯)$", c.strip()):
                    names += [p + "訳" for p in pending] + [c]
                    pending = []
                elif cre.search(r"(?:編|编|監修)$", c.strip()):
                    pending = []
                else:
                    pending.append(c.strip())
            for name in names:
                more, _r, more_others = cjk_names(
                    cre.sub(r"監(?=訳$)|(?:ほか|他|等)(?=訳$)", "", name.strip()), japanese
                )
                pre_translators += more
                pre_tr_others = pre_tr_others or bool(cre.search(r"(?:ほか|他|等)訳$", name.strip()))
        if "校" in author_part or "整理" in author_part or "注" in author_part:
            author_part = _text_editors_first(n, author_part, japanese)
        # only several groups are read, and they need a separator (the regex, opening with a
        # lookbehind, would be tried at every position)
        groups = [g for g in _CJK_AUTHORS_RE4.split(author_part) if g.strip()] if _has_any(author_part, "，,、") else []
        tr_end = r"(?:译|訳|譯|(?<=[\uac00-\ud7af])\s+(?:옮김|역))$"  # 김한규 옮김: the Korean translator
        if len(groups) > 1 and any(cre.search(tr_end, g.strip()) for g in groups):
            for g in groups:
                if cre.search(tr_end, g.strip()):
                    pre_translators, _r, pre_tr_others = cjk_names(g, japanese)
                else:
                    authors, role, others = cjk_names(g, japanese)
        else:
            authors, role, others = cjk_names(author_part, japanese)
    n.author_part, n.authors, n.lib_first, n.others, n.pre_tr_others = (
        author_part,
        authors,
        lib_first,
        others,
        pre_tr_others,
    )
    n.pre_translators, n.role = pre_translators, role


_CJK_LANGUAGE_AND_URL_RE1 = re.compile(r"(日|英|俄|韩|法|德)文版")
_CJK_LANGUAGE_AND_URL_RE2 = re.compile(r"出版会|書房|新書|文庫|選書|講談社|岩波|有斐閣|東京")


# simplified characters Japanese never writes (it has 対 発 際 記 問 …): a title holding one is Chinese
_ZH_SIMPLIFIED = re.compile(
    "[这们个说对时过还进见记问话讲认识际东车长门书买卖电无从开关现实样变产业级织纪联务动劳员华习发议论题设计证语读"
    "调谈应处权报战强历农军贸边统结运种组义济验阶层乐伦传]"
)


_SERIES_WORDS = ("シリーズ", "叢書", "双書", "選書", "新書", "文庫", "講座", "ブックレット")
_JA_PAREN_SERIES = re.compile(
    r"\s*[（(](?P<ser>[^（()）、，,]{0,20}(?:シリーズ|叢書|双書|選書|新書|文庫|講座|ブックレット)[^（()）、，,]{0,20})[)）]"
    r"(?=\s*[^\s\d、，,。])"
)

# 『稲作の始まり』(古代史発掘4)講談社 / (シリーズ日本古代史1)岩波書店: a series' name and the book's number
# in brackets after the title, the publisher right after them (no comma: not a part of the imprint)
_JA_NUMBERED_PAREN_SERIES = re.compile(
    r"\s*[（(](?P<ser>(?!第)[^（()）、，,:：\d]{2,30}?)\s*(?P<no>\d{1,3})[)）](?=\s*[^\s\d、，,。（(])"
)

# 中央公論社(中公新書)、1980年: the series in brackets after the publisher, the year after it
_JA_SERIES_AFTER_PUBLISHER = re.compile(
    r"[（(](?P<ser>[^（()）、，,]{0,20}(?:シリーズ|叢書|双書|選書|新書|文庫|講座|ブックレット)[^（()）、，,]{0,20})[)）]"
    r"(?=\s*[、，,]\s*(?:1[5-9]|20)\d\d)"
)

# （新編日本古典文学全集20、小学館、1994年） / （日本思想大系 3、岩波書店）: a numbered series opening the
# imprint in brackets (a collection's name ends in one of these words)
_NUMBERED_SERIES_WORDS = ("全集", "大系", "叢書", "双書", "選書", "文庫", "講座", "シリーズ", "集成")
_SERIES_IN_IMPRINT = re.compile(
    r"\s*[（(](?P<ser>[^（()）、，,\d]{1,30}(?:全集|大系|叢書|双書|選書|文庫|講座|シリーズ|集成))\s*(?P<no>\d{1,4})\s*[、，,]\s*"
)


def _cjk_language_and_url(n: _CjkNote) -> None:
    """The language; the URL, and ``rest_nourl``: the rest without it, an imprint in parentheses set
    off by commas, an access date taken out (into ``urldate``)."""
    after, author_part, f, rest, text, title, title_mark = (
        n.after,
        n.author_part,
        n.f,
        n.rest,
        n.text,
        n.title,
        n.title_mark,
    )
    numbered_paren = (
        _JA_NUMBERED_PAREN_SERIES.match(rest) if title_mark == "『" and rest.lstrip()[:1] in "（(" else None
    )
    if numbered_paren:  # 『稲作の始まり』(古代史発掘4)講談社、1975年: the series and its number, then the publisher
        f["series"], f["number"] = numbered_paren["ser"].strip(), numbered_paren["no"]
        n.rest = rest = rest[numbered_paren.end() :]
    series = (
        _JA_PAREN_SERIES.match(rest)
        if not numbered_paren and rest.lstrip()[:1] in "（(" and _has_any(rest[:40], _SERIES_WORDS)
        else None
    )
    if series:  # 『開発主義の時代へ』（シリーズ中国近現代史⑤）岩波新書、2014年: the series, then the imprint
        f["series"] = series["ser"].strip()
        n.rest = rest = rest[series.end() :]
    numbered = (
        _SERIES_IN_IMPRINT.match(rest)
        if not series and rest.lstrip()[:1] in "（(" and _has_any(rest[:40], _NUMBERED_SERIES_WORDS)
        else None
    )
    if numbered:  # 『源氏物語①』（新編日本古典文学全集20、小学館、1994年）: the series and its number, then the imprint
        f["series"], f["number"] = numbered["ser"].strip(), numbered["no"]
        n.rest = rest = rest[: numbered.start("ser")] + rest[numbered.end() :]
    after_pub = (
        _JA_SERIES_AFTER_PUBLISHER.search(rest)
        if not (series or numbered) and _has_any(rest, _SERIES_WORDS) and ("(" in rest or "（" in rest)
        else None
    )
    if after_pub:  # 『茶の世界史』中央公論社(中公新書)、1980年: the series after its publisher, before the year
        f["series"] = after_pub["ser"].strip()
        n.rest = rest = rest[: after_pub.start()] + rest[after_pub.end() :]
    lang = language_of(title + author_part) if (KANA.search(text) or HANGUL.search(text)) else language_of(title)
    if (
        lang == "chinese"
        and not HANGUL.search(text)
        and (title_mark in "「『" and ("、" in text[after:] or "『" in text) or ja_signal(text))
    ):
        lang = "japanese"  # 「記事名」、『新聞』, 120 頁, 経済: Japanese even with a title in kanji only
    ed_lang = _CJK_LANGUAGE_AND_URL_RE1.search(rest) if "文版" in rest else None
    if ed_lang:  # 日文版 / 英文版: the edition cited is in that language
        lang = {"日": "japanese", "英": "english", "俄": "russian", "韩": "korean", "法": "french", "德": "german"}[
            ed_lang.group(1)
        ]
    elif lang == "chinese" and _CJK_LANGUAGE_AND_URL_RE2.search(rest):
        lang = "japanese"  # Japanese publisher forms
    elif lang == "chinese" and HANGUL.search(rest) and (_hangul_place(rest) or _HANGUL_CONTAINER.search(rest)):
        # 閔斗植, 『中國近代史硏究』(서울: 一潮閣, 1973): published in Korea, in Hanja; 「水利組合 反對 陳情」,
        # 『조선일보』: an article in Hanja in a Korean paper or journal (its name in Hangul)
        lang = "korean"
    elif lang == "japanese" and _ZH_SIMPLIFIED.search(title) and not KANA.search(title + author_part):
        lang = "chinese"  # 閻明遠『大国外交与国际秩序』北京：…: a Chinese work cited the Japanese way
    # Japanese notes print the container in 『』 after a 「」 title
    url_m = find_url(rest)
    url = clean_url(url_m.group(0)) if url_m else None
    if url and lang == "chinese" and title_mark in "「『" and cre.match(r"(?:https?://)?[^/]+\.jp(?:/|$)", url, re.I):
        lang = "japanese"  # 外務省「…」…、https://www.mofa.go.jp/…
    rest_nourl = rest[: url_m.start()] + rest[url_m.end() :] if url_m else rest
    if "（" in rest_nourl or "(" in rest_nourl:
        # （新潮社、2005年） / (서울: 명인문화사, 2017) / 訳（出版社、2004年）: an imprint in parentheses
        # reads like one set off by commas
        rest_nourl = PAREN_IMPRINT.sub(r"，\1，", rest_nourl)
    access = ACCESS_RE.search(rest_nourl) if has_access_cue(rest_nourl) else None
    if access:
        ud = access_date(access)
        if ud:
            f["urldate"] = ud
        rest_nourl = rest_nourl[: access.start()] + rest_nourl[access.end() :]
    n.lang, n.rest_nourl, n.url = lang, rest_nourl, url


_HANGUL_CONTAINER = re.compile(r"『[^』]{0,30}[\uac00-\ud7af][^』]{0,30}』")


_CJK_LOCATORS_RE1 = re.compile(
    r"\s*[，,]?\s*卷\s*([〇零一二三四五六七八九十百千\d]+|[上中下](?![册冊]))\s*(?:《([^》]{1,30})》)?"
)


# ``45-67頁、特に52頁`` / ``第45—67页，尤其是第52页`` / ``45-67쪽, 특히 52쪽``: the range of the piece, then the
# page the note cites in particular (the range stays the piece's pages)
_PIN_WORDS = ("特に", "とくに", "尤其", "特别是", "특히")
_PIN_AFTER_RANGE = re.compile(
    r"\s*[、，,]\s*(?:特に|とくに|尤其是?|特别是|특히)\s*(?:第\s*)?(\d+)\s*(?:[—–\-~～]+\s*(\d+))?\s*[頁页쪽]"
)


def _cjk_locators(n: _CjkNote) -> None:
    """The cited page(s), a newspaper's page (版 / 面 / 면) and a classic's juan (卷) and section."""
    f, rest_nourl = n.f, n.rest_nourl
    # locator
    locator = None
    pm = cjk_pages(rest_nourl)
    if pm:
        locator = cjk_page_locator(pm)
        if _has_any(rest_nourl[pm.end() :], _PIN_WORDS):
            pin = _PIN_AFTER_RANGE.match(rest_nourl, pm.end())
            n.pin = page_range(pin.group(1), pin.group(2)) if pin else None
    else:
        em = en_pages(rest_nourl)
        if em:
            locator = page_range(em.group(2), em.group(3))
    # every alternative of ZH_BAN needs a digit before its 版 / 面 / 면 (2015年版 has none): the
    # regex, tried at every position, only where one is
    ban = ZH_BAN.search(rest_nourl) if _has_any(rest_nourl, "版面면") and _BAN_CUE.search(rest_nourl) else None
    # 《史记》卷一二九《货殖列传》: a classic cited by its juan and section; the second title is that
    # section (chapter), not a container or series
    juan = _CJK_LOCATORS_RE1.match(rest_nourl) if "卷" in rest_nourl else None
    if juan:
        rest_nourl = rest_nourl[: juan.start()] + rest_nourl[juan.end() :]
        f["volume"] = _cn_int(juan.group(1))
        if juan.group(2):
            f["chapter"] = juan.group(2)
    n.ban, n.juan, n.locator, n.rest_nourl = ban, juan, locator, rest_nourl


_CJK_CONTAINER_RE1 = re.compile(r"[《『「〈]")
# 载氏著《…》/ 收入其著《…》: in the author's own book
_CJK_CONTAINER_RE2 = re.compile(
    r"(?:^|[\s，,、。.）)])(?:载于|载|收录于|收录在|收入|收于|所收|见)\s*(?:氏著|其著)?\s*$"
)
_CJK_CONTAINER_RE3 = re.compile(r"\s*([（(](?:[^）)]{1,6}版|[^）)]{1,6}刊)[）)])")
_CJK_CONTAINER_RE4 = re.compile(r"^[\s，,、。.]*(?:载于|载|收录于|收录在|收入|收于|见|所收|in)?\s*(?:氏著|其著)?\s*")
_CONTAINER_EDITION = re.compile(
    r"\s*[（(]\s*(?:第\s*(\d+|[一二三四五六七八九十]+)\s*版|(修订版|增订版|再版|修订本|增订本|增订新版|修订新版|补订版|增补版))"
    r"\s*[）)]"
)
# 收入陳萬明主編，《…》: Taiwanese notes set the editor off with a comma
# 한국사연구회 편, 『…』: a Korean editor (편 / 엮음) before the book
_CJK_CONTAINER_RE5 = re.compile(r"(主编|编|編|编校|点校|監修|eds?\.|(?<=\s)편|엮음)\s*[：:，,]?\s*$")


def _place_and_publisher(text: str) -> re.Match | None:
    """``北京：某某研究所 1972 年版`` / ``서울: 명인문화사, 2017``: an imprint by its shape (place, colon,
    name, year) whatever the publisher's name ends in; ``某省农林处研究室1943年印行``: the body that
    printed the work, its year and the word 印行 (编印, 铅印 …)."""
    printed = _PRINTED_BY.search(text) if "印" in text else None
    if printed:
        return printed
    if ":" not in text and "：" not in text:
        return None
    return PLACE_PUB_NIANBAN.search(text) or PLACE_PUB_CJK.search(text)


_WOODBLOCK = re.compile(r"年\s*(?P<pub>[\u4e00-\u9fff]{2,8}?)(?:刻本|刊本|重刊本|重刻本|活字本)")
# an imprint's place written in Hangul, ``(서울: 一潮閣, 1973)``, ``, 파주: 한울, 2010``
# (the Hangul is tested in _hangul_place: a class of the Hangul block is slow to compile)
_PLACE_BEFORE_COLON = re.compile(r"(?:^|[（(，,])\s*([^\s（(，,：:]{2,4})\s*[：:]")


def _hangul_place(text: str) -> bool:
    return any(all("\uac00" <= c <= "\ud7af" for c in m[1]) for m in _PLACE_BEFORE_COLON.finditer(text))


# a number alone between a title and its imprint in brackets: the volume of a multi-volume work
# (the imprint's brackets are a full-width comma by now: PAREN_IMPRINT)
_BARE_VOLUME = re.compile(r"\s*(\d{1,3})()()\s*(?=[（(，][^）)，]*\d{4})")
_PRINTED_BY = re.compile(
    r"(?:^|[，,]\s*)(?:(?P<loc>[\u4e00-\u9fff]{2,4})\s*[：:]\s*)?(?P<pub>[^，,：:；;。《》「」『』\d\s]{2,30}?)"
    r"\s*(?P<year>\d{4})\s*年\s*(?P<month>)(?:印行|编印|刊印|铅印|油印|印制|印(?=\s*(?:[，,。；;）)]|$)))"
)  # …协进会1932年印，第12页: 印 alone before the next piece says the same


def _imprint_in(text: str) -> bool:
    """A publisher named with its year in ``text``: by its name's ending, or by the imprint's shape."""
    pub = publisher_zh(text)
    return bool(pub and len(pub.group("pub")) >= 2) or _place_and_publisher(text) is not None


def _cjk_container(n: _CjkNote) -> None:
    """A second title in marks after the first: the container (journal, newspaper, or the book a
    chapter is in, with its editors); ``rest_after`` is the text after it."""
    rest_nourl = n.rest_nourl
    # container
    container = None
    editors: list[str] = []
    editor_others = False
    cm = _CJK_CONTAINER_RE1.search(rest_nourl)
    chapter = False
    zai_container = (
        bool(cm) and bool(_CJK_CONTAINER_RE2.search(rest_nourl[: cm.start()])) and len(rest_nourl[: cm.start()]) <= 30
    )
    if cm:
        before = rest_nourl[: cm.start()]
        took2 = _take_mark(rest_nourl, cm.start())
        if took2:
            container = took2[0]
            ed_m = _CJK_CONTAINER_RE3.match(rest_nourl[took2[1] :])
            book_ed = _CONTAINER_EDITION.match(rest_nourl, took2[1]) if ed_m or "本" in rest_nourl else None
            if book_ed:  # 载《七缀集》（修订本）/（第2版）: the edition of the book, not a part of its title
                n.f["edition"] = _cn_int(book_ed.group(1)) if book_ed.group(1) else book_ed.group(2)
                took2 = (container, book_ed.end())
            elif ed_m:  # 《人民日报》（海外版）/ 《…学报》（哲学社会科学版）: a periodical's edition names it
                container += ed_m.group(1).replace("(", "（").replace(")", "）")
                took2 = (container, took2[1] + ed_m.end())
            before_clean = _CJK_CONTAINER_RE4.sub("", before)
            if _CJK_CONTAINER_RE5.search(before_clean):
                chapter = True
                ed_text = cre.sub(r"[：:，,]\s*$", "", before_clean)
                if "，" in ed_text or "," in ed_text:  # 《传习录》上，见陈立言等编校：: the credit's own part
                    ed_text = _CJK_CONTAINER_RE4.sub("", cre.split(r"[，,]", ed_text)[-1])
                editors, _r, editor_others = cjk_names(ed_text, bool(_JAPANESE_CUE.search(rest_nourl)))
            elif zai_container and not ZH_SERIES.search(rest_nourl) and _imprint_in(rest_nourl[took2[1] :]):
                # 载《毛泽东选集》第 4 卷，人民出版社 1991 年版 / 载氏著《…》，香港：新亚研究所 1972 年版: a
                # part of a book, whatever its publisher's name ends in
                chapter = True
            rest_after = rest_nourl[took2[1] :]
        else:
            rest_after = rest_nourl
    else:
        rest_after = rest_nourl
    n.chapter, n.container, n.editor_others, n.editors, n.rest_after = (
        chapter,
        container,
        editor_others,
        editors,
        rest_after,
    )
    n.zai_container = zai_container


_CJK_CUES_RE1 = re.compile(r"[，,、。；;]")
_CJK_CUES_RE2 = re.compile(
    r"(博士|硕士|碩士|学士)(?:学位)?论文|博士論文|修士論文|学位論文|(?:박사|석사)(?:학위)?\s*논문"
)
_CJK_CUES_RE3 = re.compile(
    r"(?:会议|研讨会|论坛|年会|学术会议|シンポジウム|学会)[”\"]?(?:上的|的)?(?:论文|報告|发言|提交论文)|(?:会议|研讨会|论坛)\s*[，,]"
    r"|[“\"][^”\"]{2,40}[”\"]\s*(?:会议)?论文(?!集)|提交[^，,。《》]{2,40}?的?论文(?!集)"
)
_MARKED_SPAN = re.compile(r"《[^《》]*》")
_CJK_CUES_RE4 = re.compile(r"档案馆|档案|檔案|档号|卷宗|全宗|藏[，,。]|藏$|館蔵|所藏|所蔵|관리번호")
_CJK_CUES_RE5 = re.compile(
    r"(?:^|[，,、])\s*([^，,《》]{2,40}?\s*(?:等)?)(?:合|共|主)?(?:译注|譯註|译|訳|譯|(?<=[\uac00-\ud7af])\s*옮김)"
    r"\s*(?:[，,]|(?<=訳)\s*、|(?<=옮김)\s*(?=[（(])|$)"
)  # 森本隆訳、筑摩書房: Japanese separates the credit with 、; 홍성태 옮김 (서울: …): Korean's before the imprint
_PAREN_TRANSLATOR = re.compile(r"\s*[（(]\s*([^，,、《》（）()]{2,40}?\s*(?:等)?)(?:合|共)?(?:译|訳|譯)\s*[）)]")
_CJK_CUES_RE6 = re.compile(r"^\s*(白皮书|蓝皮书|研究报告|报告|政策简报|工作论文|白書|報告書|보고서)")
_CJK_CUES_RE7 = re.compile(r"\d")
# ``内部资料`` / ``（内部参考）`` (how the item circulated: an internal print), ``上巻``/``下册``/``上`` (a
# volume), ``記述編`` (a part; or an editor's credit) and ``明治二十三年`` / ``大正十年下半期`` (a date in
# an era's years, in kanji numerals) are never the site the item is on
_CJK_CUES_RE8 = re.compile(
    r"(译|訳|主编|编$|編$|出版|论文|論文|档案|档号|藏$|文版$|^修订版$|^增订版$|内部(?:资料|参考|发行|印行|刊物|读物)"
    r"|^[上中下](?:[巻卷册冊])?$|^(?:明治|大正|昭和|平成|令和)\s*[元一二三四五六七八九十〇]+\s*年)"
)


_CONF_CUES = ("会", "论", "シンポジウム")  # every alternative of _CJK_CUES_RE3 holds one


def _has_any(text: str, words) -> bool:
    for w in words:
        if w in text:
            return True
    return False


def _cjk_cues(n: _CjkNote) -> None:
    """What the rest says about the kind of work: thesis, conference, archive, publisher, translator,
    issue / volume / series numbers, the date, a site or publisher name, a document type."""
    lib_first, rest_after, rest_nourl = n.lib_first, n.rest_after, n.rest_nourl
    segs = [s.strip() for s in _CJK_CUES_RE1.split(rest_after) if s.strip()]
    # each regex below needs a word of its own (论文, 会议, 译, 期, 卷 …): tested first, it spares
    # most citations a scan that cannot match
    thesis = (
        _CJK_CUES_RE2.search(rest_nourl)
        if "论文" in rest_nourl or "論文" in rest_nourl or "논문" in rest_nourl
        else None
    )
    conf = _CJK_CUES_RE3.search(rest_nourl) if _has_any(rest_nourl, _CONF_CUES) else None
    # (an archive's word inside a container's title marks, 载…《俄罗斯解密档案选编》, names a book)
    archive = _CJK_CUES_RE4.search(_MARKED_SPAN.sub("", rest_nourl) if "《" in rest_nourl else rest_nourl) or lib_first
    pub = publisher_zh(rest_after) or publisher_zh(rest_nourl)
    if pub and len(pub.group("pub")) < 2:
        pub = None
    if not pub:
        pub = _place_and_publisher(rest_after)
    translator_m = _CJK_CUES_RE5.search(rest_nourl) if _has_any(rest_nourl, "译訳譯") or "옮김" in rest_nourl else None
    if translator_m is None and _has_any(rest_nourl, "译訳譯") and _has_any(rest_nourl, ")）"):
        translator_m = _PAREN_TRANSLATOR.match(rest_nourl)  # 『…』(小林和夫訳)、みすず書房: the credit in brackets
    issue = ZH_ISSUE.search(rest_nourl) if "期" in rest_nourl else None
    if issue is None and n.container and ("(" in rest_after or "（" in rest_after):
        issue = ZH_YEAR_ISSUE.search(rest_after)  # 载《东南学术》,2014(3): the journal's year and issue
    vol = ZH_VOLUME.search(rest_nourl) if _has_any(rest_nourl, "卷辑輯集册冊권집巻") else None
    if not vol and n.container and _COLLECTED_WORKS.search(n.container):
        vol = _COLLECTION_VOLUME.match(rest_after)  # 《大正藏》第50册: a canon's volumes are 册
    if not vol and rest_after[:4].strip()[:1].isdigit():
        vol = _BARE_VOLUME.match(rest_after)  # 『한국사』 52 (서울: 탐구당, 2001): a series' volume
    ko_num = KO_NUMBER.search(rest_nourl) if "호" in rest_nourl or "号" in rest_nourl else None
    series = ZH_SERIES.search(rest_nourl) if "辑" in rest_nourl else None
    date = iso_date(rest_nourl)
    site = None
    doctype = None
    dm0 = _CJK_CUES_RE6.match(rest_after)
    if dm0:
        doctype = dm0.group(1)
    for s in segs:
        if doctype and s.startswith(doctype):
            continue
        if (
            len(s) > 30
            or not s.strip(" .。,，、()（）")  # the stops a masked date leaves, no site
            or s.startswith(("载", "见", "第"))
            or s[:1] in URL_FIRST
            and URL_RE.match(s)
            or _CJK_CUES_RE7.search(s)
        ):
            continue
        if _CJK_CUES_RE8.search(s):
            continue
        site = s
        break
    n.archive, n.conf, n.date, n.doctype, n.issue, n.ko_num, n.pub, n.segs = (
        archive,
        conf,
        date,
        doctype,
        issue,
        ko_num,
        pub,
        segs,
    )
    n.series, n.site, n.thesis, n.translator_m, n.vol = series, site, thesis, translator_m, vol


def _cjk_credits(n: _CjkNote) -> None:
    """The author, editor and translator fields, and the title; whether the only author is a news
    agency or newspaper (then the outlet, not an author)."""
    authors, chapter, container, f, others, pre_tr_others = (
        n.authors,
        n.chapter,
        n.container,
        n.f,
        n.others,
        n.pre_tr_others,
    )
    pre_translators, role, site, title = n.pre_translators, n.role, n.site, n.title
    f_title = title
    names = list(authors)
    if role == "editor" and not chapter:
        f["editor"] = format_cjk_names(authors, others)
        authors_field = None
    elif role == "translator" and authors and not pre_translators:
        # 佐藤勲訳『日本の地方自治』: only the translators are named (a translation cited after its original)
        pre_translators, pre_tr_others, authors_field = authors, others, None
    else:
        authors_field = format_cjk_names(authors, others) if authors else None
    news_author = False
    if (
        authors_field
        and len(authors) == 1
        and authors_field.startswith("{")
        and not container
        and not site
        and (NEWS_RE.search(authors[0]) or cre.search(r"(?<!出版)社$", authors[0]))
        and not cre.search(r"(办公室|部|委员会|局|署|院|政府|中心|研究所)$", authors[0])
    ):
        news_author = True
    if authors_field and not news_author:
        f["author"] = authors_field
    if pre_translators:
        f["translator"] = format_cjk_names(pre_translators, pre_tr_others)
    f["title"] = f_title
    n.authors_field, n.names, n.news_author = authors_field, names, news_author


_CJK_TYPE_SPECIAL_RE2 = re.compile(r"(论文集|会议文集|研讨会文集|会议录|論文集|Proceedings)$")


_ARCHIVE_REF = re.compile(r"(Ref\.\s?[A-Z]?\d{6,14})")


# an archive by its name (a body that keeps files): printed first without 藏, it is the holder, not the author
_ARCHIVE_BODY = re.compile(r"(?:档案馆|档案局|檔案館|公文書館|기록원|기록관)\}?$")


def _cjk_archive_fields(n: _CjkNote) -> None:
    """An archival document's fields: the holding archive in ``library``, its file number in ``number``."""
    f, date, lib_first, rest_nourl = n.f, n.date, n.lib_first, n.rest_nourl
    f["entrysubtype"] = "archive"
    holder = next(
        (
            s
            for s in cre.split(r"[，,。；;]", rest_nourl)
            if cre.search(r"档案馆|档案|檔案|館|馆藏|藏$|\s소장$", s) and "档号" not in s
        ),
        None,
    )
    held = cre.search(r"([^，,。；;、（(「『\s]{2,40}?)(?:所蔵|所藏)", rest_nourl) if "所" in rest_nourl else None
    if held:  # 外務省外交史料館所蔵、3.8.2.4 / （国立国会図書館憲政資料室所蔵「井上毅関係文書」三二一）
        f["library"] = held.group(1)
    elif holder:
        f["library"] = strip_trailing(cre.sub(r"(藏|所藏|館蔵|\s소장)$", "", holder.strip()))
    elif lib_first:
        f["library"] = lib_first
    elif _ARCHIVE_BODY.search(f.get("author", "")):
        # 국가기록원, 「…」, 1961, 관리번호 …: the archive named first holds the file (it wrote none of it)
        f["library"] = f.pop("author").strip("{}")
    # JACAR(アジア歴史資料センター)Ref.C12120016300: a digital archive's reference code, as printed
    num = (
        (_ARCHIVE_REF.search(rest_nourl) if "Ref" in rest_nourl else None)
        or cre.search(
            r"(?:档号|檔號|卷宗号|档案号|全宗号|典藏号|典藏號|管理番号|請求番号|관리번호)\s*[：:]?\s*((?:[A-Za-z0-9〇零一二三四五六七八九十\-—./]|[（(][A-Za-z0-9]{1,3}[）)])*[A-Za-z0-9〇零一二三四五六七八九十])",
            rest_nourl,
        )
        or cre.search(
            r"(?:^|[，,。、])\s*([A-Z]{0,4}\d{1,6}(?:\s*[-—–./]\s*[A-Za-z]?\d{1,6}){1,5})\s*[。.]?\s*$", rest_nourl
        )
    )
    if num:
        f["number"] = cre.sub(r"\s+", "", num.group(1))
    call = (
        cre.search(r"請求記号\s*[：:]?\s*([^（()）。、，,]{1,40}?)\s*[)）]?\s*[。.]?\s*$", rest_nourl)
        if "請求記号" in rest_nourl
        else None
    )
    if call:  # (請求記号 チ06 03890): a Japanese library's call number, its spaces as printed
        f["number"] = call.group(1).strip()
    sig = cre.findall(r"(?:全宗号?|目录号?|案卷号|卷宗号|卷号|件号)\s*[：:]?\s*([A-Za-z0-9\-—./]+)", rest_nourl)
    if len(sig) > 1:  # 全宗号 ZA1，目录号 2，案卷号 87: the whole signature, ZA1-2-87
        f["number"] = "-".join(sig)
    dm = cre.search(r"[（(]([^）)]*\d{4}[^）)]*)[）)]", rest_nourl)
    d = iso_date(dm.group(1)) if dm else date
    if d:
        f["date"] = d


# (国办发〔2016〕59号) / ，中办发〔2017〕68号: the number of a document an office issued, opening the rest
_ISSUED_NUMBER = re.compile(r"^\s*[（(，,]?\s*[\u4e00-\u9fff]{1,8}[发發字]\s*〔\s*\d{4}\s*〕\s*\d+\s*号")


def _cjk_type_special(n: _CjkNote) -> str | None:
    """Theses, laws and regulations, classics by juan, archives, proceedings and conference papers."""
    archive, authors, conf, container, date, f, issue, juan = (
        n.archive,
        n.authors,
        n.conf,
        n.container,
        n.date,
        n.f,
        n.issue,
        n.juan,
    )
    locator, pub, rest_nourl, segs, thesis, title = (
        n.locator,
        n.pub,
        n.rest_nourl,
        n.segs,
        n.thesis,
        n.title,
    )
    etype = None
    if thesis:
        etype = "thesis"
        f["type"] = thesis.group(0)
        inst = next((s for s in segs if cre.search(r"大学|学院|研究院|研究所|大學|대학|University|Institute", s)), None)
        if inst:
            inst = cre.sub(r"^[\u4e00-\u9fff]{2,4}\s*[：:]\s*", "", inst)
            inst = cre.sub(
                r"(?:博士|硕士|碩士|学士)(?:学位)?论文$|(?:博士|修士)論文$|(?:박사|석사)(?:학위)?\s*논문$", "", inst
            ).strip()
            f["institution"] = inst
        if date:
            f["date"] = date[:4] if len(date) > 7 else date
    elif (
        not container
        and (
            LAW_TITLE_END.search(title)
            and (
                LEGAL_CUE_RE.search(rest_nourl)
                or DOC_NUMBER_RE.search(rest_nourl)
                or _ARTICLES_ONLY.match(rest_nourl)
                or date
                and authors
                and all(LEGAL_ISSUER_RE.search(a) for a in authors)
            )
            # 《…改革方案》(中办发〔2017〕68号): an issued document's number names it whatever its title
            or "〔" in rest_nourl
            and _ISSUED_NUMBER.match(rest_nourl)
        )
        and not pub
        and not issue
    ):
        # 《中华人民共和国外商投资法》，2019 年 3 月 15 日……通过 / 国务院：《…条例》（国务院令第 722 号）:
        # a law, regulation or normative document -- biblatex's @legislation
        etype = "legislation"
        dn = DOC_NUMBER_RE.search(rest_nourl)
        if dn:
            # 国务院令第686号 is printed solid, 법률 제6967호 with its space
            f["number"] = cre.sub(r"\s+", " " if HANGUL.search(dn.group(0)) else "", dn.group(0))
            # 国发〔2021〕5号: the bracketed year numbers the document, it does not date it
            date = iso_date(rest_nourl[: dn.start()] + rest_nourl[dn.end() :])
        if date:
            f["date"] = date
    elif juan and not pub and not issue and not (container and n.vol and _COLLECTED_WORKS.search(container)):
        etype = "book"  # （清）顾炎武：《日知录》卷十《…》: a classic, cited without an edition
        if date:
            f["date"] = date
        woodblock = _WOODBLOCK.search(rest_nourl) if "本" in rest_nourl else None
        if woodblock:  # 清道光二十六年筠渌山房刻本: the studio that cut the blocks published it
            f["publisher"] = woodblock["pub"]
    elif archive and not issue and not pub:
        etype = "misc"
        _cjk_archive_fields(n)
    elif (
        container
        and _CJK_TYPE_SPECIAL_RE2.search(container)
        and not issue
        and not (n.vol and n.ko_num)
        and not (n.editors and n.chapter)
    ):
        # (『…論文集』第85巻第770号: a volume and an issue number a periodical, not a proceedings;
        # 载胡明阳主编:《…论文集》: a volume its editor put together, a chapter in it an @incollection)
        etype = "inproceedings"
        f["booktitle"] = container
        if pub:
            f["publisher"] = pub.group("pub")
            if place := imprint_place(pub):
                f["location"] = place
            f["date"] = pub.group("year")
        elif date:
            f["date"] = date
        if locator and "-" in locator:
            f["pages"] = locator
    elif conf and not issue:
        etype = "inproceedings"
        ev = cre.search(r"[“\"]([^”\"]+)[”\"]", rest_nourl)
        event = (
            ev.group(1) if ev else next((s for s in segs if cre.search(r"会议|研讨会|论坛|年会|^提交.+论文$", s)), None)
        )
        if container and not event:
            event = container
        if event and not ev:  # 提交第五届发展经济学论坛的论文 -> 第五届发展经济学论坛
            event = cre.sub(r"(?:上)?的论文$", "", cre.sub(r"^提交(?:给|至|到)?", "", event))
        if event:
            f["eventtitle"] = cre.sub(r"(?:国际)?(?:学术)?研讨会?论文$|论文$", "", event) if not ev else event
        venue = next(
            (s for s in segs if cre.fullmatch(r"[\u4e00-\u9fff]{2,6}", s) and not cre.search(r"会议|论文|研讨", s)),
            None,
        )
        if venue:
            f["venue"] = venue
        if date:
            f["date"] = date
    return etype


def _cjk_type_periodical(n: _CjkNote) -> str | None:
    """Journal articles, chapters in edited books, and newspaper / magazine articles."""
    ban, chapter, container, date, editor_others, editors = (
        n.ban,
        n.chapter,
        n.container,
        n.date,
        n.editor_others,
        n.editors,
    )
    f, issue, ko_num, locator, pub, rest_after, rest_nourl = (
        n.f,
        n.issue,
        n.ko_num,
        n.locator,
        n.pub,
        n.rest_after,
        n.rest_nourl,
    )
    series, title_mark, vol, zai_container = n.series, n.title_mark, n.vol, n.zai_container
    etype = None
    if container and vol and not (issue or chapter or pub) and _COLLECTED_WORKS.search(container):
        # 鲁迅：《摩罗诗力说》，《鲁迅全集》第1卷，第68页: a piece in its author's collected works, no imprint
        f["booktitle"] = container
        f["volume"] = _cn_int(vol.group(1) or vol.group(2) or vol.group(3))
        return "inbook"
    if (
        container
        and (issue or vol or series or ko_num or cre.search(r"第\s*\d{1,4}\s*期", rest_nourl))
        and not chapter
        # 「論文」『文学』第8巻第3号、岩波書店、…: a journal's volume and issue, its publisher printed too
        and (not pub or series and not issue and zai_container or title_mark == "「" and vol and ko_num)
        and not (vol and not issue and _COLLECTED_WORKS.search(container))  # 《鲁迅全集》第5卷: a book's volume
    ):
        etype = "article"
        f["journaltitle"] = container
        if issue:
            f["date"] = issue.group(1)
            f["number"] = issue.group(2)
        elif date:
            f["date"] = date  # 《国闻周报》第8卷第38期，1931年9月28日: a weekly's issue is dated to the day
        if vol and vol.group(2) and not ko_num and vol.group(0).endswith("집"):
            f["number"] = vol.group(2)  # 『한국사연구』 제96집: a Korean journal's 집 alone numbers the issue
        elif vol:
            f["volume"] = vol.group(1) or vol.group(2) or vol.group(3)
        if not issue:
            qm = cre.search(r"第\s*(\d{1,4})\s*期", rest_nourl)
            if qm:
                f["number"] = qm.group(1)
        if ko_num and not issue:
            f["number"] = ko_num.group(1) or ko_num.group(2) or ko_num.group(3)
        if series and not issue:
            f["number"] = series.group(1)
            if pub:  # 载《集刊》第 12 辑，北京：社会科学文献出版社 2015 年版
                _cjk_imprint(f, pub)
        if locator and "-" in locator:
            f["pages"] = locator
    elif container and vol and not issue and not chapter and _COLLECTED_WORKS.search(container):
        # 鲁迅：《“京派”与“海派”》，《鲁迅全集》第5卷，第453页: an essay in a volume of collected works
        etype = "inbook"
        f["booktitle"] = container
        f["volume"] = _cn_int(vol.group(1) or vol.group(2) or vol.group(3))
        if pub:
            _cjk_imprint(f, pub)
        elif date:
            f["date"] = date[:4]
    elif container and chapter:
        # 见陈立言等编校：《王阳明全集》: a work in its author's collected works, their editors named,
        # is a part of that book as blind20 records it (载《毛泽东选集》第 3 卷 stays an @incollection);
        # its volume may be bracketed: 载《习近平谈治国理政》（第1卷）
        etype = "inbook" if editors and _COLLECTED_WORKS.search(container) else "incollection"
        if editors:
            f["editor"] = format_cjk_names(editors, editor_others)
        f["booktitle"] = container
        vm = cre.match(
            r"\s*(?:[（(]\s*(?=第))?(?:第\s*(\d+|[一二三四五六七八九十]+)\s*(?:分册|[卷册巻辑輯])|([上中下])\s*[卷册]|[（(]([上中下])\s*[卷册]?[）)])",
            rest_after,
        )
        if vm:
            v = vm.group(1) or vm.group(2) or vm.group(3)
            f["volume"] = _cn_int(v)
        if pub:
            _cjk_imprint(f, pub)
        elif date:
            f["date"] = date[:4]
        if locator and "-" in locator:
            f["pages"] = locator
    elif container and title_mark in "「〈" and not pub:
        # Japanese/Korean article in a newspaper or magazine: 「記事名」『新聞名』date
        etype = "article"
        f["journaltitle"] = container
        if issue:
            f["date"] = issue.group(1)
            f["number"] = issue.group(2)
        elif date:
            f["date"] = date
        if not issue and (ZH_YMD.search(rest_nourl) or NEWS_RE.search(container)):
            f["entrysubtype"] = "newspaper"
        if ban:
            f["pages"] = n.locator = ban.group(1) or ban.group(2) or ban.group(3)
        elif locator and "-" in locator:
            f["pages"] = locator
    elif container and (ZH_YMD.search(rest_nourl) or ban or (date and len(date) == 10)) and not pub:
        etype = "article"
        f["entrysubtype"] = "newspaper"
        f["journaltitle"] = container
        d_after = iso_date(rest_after) if rest_after is not rest_nourl else None
        if d_after or date:
            f["date"] = d_after or date
        if ban:  # 第3版: the page the article is on and the page cited
            f["pages"] = n.locator = ban.group(1) or ban.group(2) or ban.group(3)
    return etype


_CJK_TYPE_BOOK_OR_REPORT_RE1 = re.compile(
    r"(?:第|제)\s*(\d+|[一二三四五六七八九十]+)\s*(?:分册|[卷册巻辑輯권])|(?:^|[》）)\s，,（(])([上中下])\s*[卷册]"
    r"|^\s*[（(]([上中下一二三四五六七八九十]|\d{1,2})[）)]|^\s*[，,、]?\s*([上中下])巻"  # 『…』下巻: a Japanese part (volume 下, as 上册 is 上); 제16권: Korean
)
_PART_ALONE = re.compile(r"\s*[，,、]?\s*[上中下]\s*[，,、]")
_CJK_TYPE_BOOK_OR_REPORT_RE2 = re.compile(
    r"(?:^|[》』）)\s，,（(])\s*(?:(?:第|제)\s*(\d+|[一二三四五六七八九十]+)\s*(?:版|판)|(修订版|增订版|再版|修订本|增订本|增订新版|修订新版|補訂版|补订版|増補版|增补版|改訂版|増補改訂版|新装版))\s*[）)]?\s*(?=[，,、第（(]|$)"
)
_BAN_CUE = re.compile(r"\d\s*[版面면]")
_BRACKET_CLOSES = ("〕", "］", "]", "）", ")")  # what _EDITION_IN_TITLE ends with


def may_hold_title_edition(title: str) -> bool:
    """The gate of :data:`_EDITION_IN_TITLE`: a title that ends with a closing bracket, or holds
    ``版〕`` before a subtitle (``『…〔第3版〕——副題』``)."""
    return title.rstrip()[-1:] in _BRACKET_CLOSES or "版〕" in title or "版]" in title


_CJK_TYPE_BOOK_OR_REPORT_RE3 = re.compile(r"\s*([上中下])\s*巻$")
# a research institute's numbered series (its reports): 정책연구시리즈 19-03 / 研究报告 No. 12
_REPORT_SERIES = re.compile(
    r"(?:정책연구시리즈|연구시리즈|연구총서|연구보고서|정책보고서|政策研究系列|研究报告|研究報告|Working Paper)\s*"
    r"(?:제\s*|No\.\s*|第\s*)?(?P<n>\d{1,4}(?:-\d{1,4})?)"
)
# … and the institute named before its series: 한국보건사회연구원 연구보고서 2019-19
_INSTITUTE_SERIES = re.compile(
    r"(?:^|[,，、]\s*)(?P<inst>[\uac00-\ud7af\u4e00-\u9fff]{2,30})\s*(?P<type>연구보고서|정책보고서|정책연구시리즈|研究报告|研究報告)"
    r"\s*(?:제\s*|No\.\s*|第\s*)?(?P<n>\d{1,4}(?:-\d{1,4})?)"
)


def _institute_series(text: str) -> re.Match | None:
    """``한국해양수산개발원 연구보고서 2017-12``: the institute (the piece that opens with its name)
    and its numbered report series; None without one."""
    if not _has_any(text, ("보고서", "시리즈", "研究报告", "研究報告")):
        return None
    return _INSTITUTE_SERIES.search(text)


_REPORT_SERIES_CUES = ("시리즈", "총서", "보고서", "系列", "研究报告", "研究報告", "Working Paper")
# the collections that print other works in numbered volumes: an author's collected works (with a
# part of them, 《郭沫若全集·考古编》), a compendium (《四库全书》) or a canon (《大正藏》, 《道藏》)
_COLLECTED_WORKS = re.compile(
    r"(?:全集|(?<!论)(?<!論)(?<!研究)(?<!学)(?<!學)文集|选集|選集|文选|文選|著作集|作品集)(?:·[^·]{1,10})?$|(?:全书|全書|大正藏|道藏|藏经|藏經|续藏|續藏)$"
)
# (论文集 / 研究文集 / 音乐学文集: papers by many hands in a field, not an author's collected works)
# the volume of such a collection: 第8卷 / 第50册 / 第三册 (in a periodical, 《时务报》第29册 numbers an issue)
_COLLECTION_VOLUME = re.compile(
    r"\s*第\s*(?:(\d{1,4})\s*[卷巻]|(\d{1,4})\s*[册冊]|([一二三四五六七八九十]{1,3})\s*[卷巻册冊])"
)


# 한국국방연구원, 『…』 (서울: 한국국방연구원, 2022): a research institute printing its own work issues
# a report, as a think tank publishing does in English notes (docs/fields.md)
_RESEARCH_INSTITUTE = re.compile(r"(?:연구원|연구소|研究院|研究所|研究中心)\}$")


def _book_volume(n: _CjkNote) -> None:
    """The volume of a book: ``第3巻``, ``上册``, ``（下）``, or a series' bare number."""
    rest_nourl = n.rest_nourl
    vm = _CJK_TYPE_BOOK_OR_REPORT_RE1.search(rest_nourl) if _has_any(rest_nourl, "卷册巻辑輯권（(") else None
    if vm:
        v = vm.group(1) or vm.group(2) or vm.group(3) or vm.group(4)
        n.f["volume"] = _cn_int(v)
    elif n.vol is not None and n.vol.re is _BARE_VOLUME:
        n.f["volume"] = n.vol.group(1)  # 『한국사』 52 (서울: 탐구당, 2001)
    elif _PART_ALONE.match(rest_nourl):
        n.f["volume"] = rest_nourl.lstrip(" ，,、")[0]  # 『…』上、塙書房: a part named alone (volume 上, as 上巻)


def _cjk_type_book_or_report(n: _CjkNote) -> str | None:
    """Books with a publisher (or a report printed by a press), dated articles, reports by type."""
    authors_field, chapter, container, date, doctype, f = (
        n.authors_field,
        n.chapter,
        n.container,
        n.date,
        n.doctype,
        n.f,
    )
    locator, pub, rest_nourl, segs, title, translator_m = (
        n.locator,
        n.pub,
        n.rest_nourl,
        n.segs,
        n.title,
        n.translator_m,
    )
    url = n.url
    etype = None
    if pub:
        etype = "book"
        _book_volume(n)
        em = _CJK_TYPE_BOOK_OR_REPORT_RE2.search(
            rest_nourl[: pub.start()] if pub.re is PUBLISHER_ZH and pub.string is rest_nourl else rest_nourl[:20]
        )
        if em:
            e = em.group(1)
            f["edition"] = _cn_int(e) if e else em.group(2)
        f_title = f.get("title") or ""
        # the regex ends at a closing bracket (spaces after it) and is tried at every position
        title_ed = _EDITION_IN_TITLE.search(f_title) if may_hold_title_edition(f_title) else None
        if title_ed and "edition" not in f:  # 『民法Ⅲ〔第4版〕』: Japanese law books print it in the title
            f["title"] = (f_title[: title_ed.start()].rstrip() + f_title[title_ed.end() :]).rstrip()
            f["edition"] = _cn_int(title_ed.group(1)) if title_ed.group(1) else title_ed.group(2)
        part = _CJK_TYPE_BOOK_OR_REPORT_RE3.search(f.get("title") or "")
        if part and "volume" not in f:  # 『行政学講義 上巻』: the first of two volumes
            f["title"], f["volume"] = f["title"][: part.start()].rstrip(), part.group(1)
        supervisor = (  # 監修, 点校, 笺注, 整理: a character every credit word of the regex holds
            _EDITOR_AFTER_TITLE.search(rest_nourl[: pub.start()] if pub.string is rest_nourl else rest_nourl)
            if _has_any(rest_nourl, _EDITOR_AFTER_TITLE_CUES)
            else None
        )
        if supervisor and not f.get("editor") and not (container and not chapter):
            ed_names, _r, ed_others = cjk_names(supervisor.group(1), n.lang == "japanese")  # 『…日記』、伊藤隆之監修、…
            f["editor"] = format_cjk_names(ed_names, ed_others)
        if translator_m and not (container and not chapter):
            tr_names, _r, tr_others = cjk_names(translator_m.group(1))
            f["translator"] = format_cjk_names(tr_names, tr_others)
        if container and not chapter and _COLLECTED_WORKS.search(container):
            # 《中国小说史略》，《鲁迅全集》第9卷: a work printed inside an author's collected works
            etype = "inbook"
            f["booktitle"] = container
        elif container and not chapter:
            # 《丛书名》 or a second title: keep as series
            f["series"] = container
        if place := imprint_place(pub):
            f["location"] = place
        f["publisher"] = pub.group("pub")
        f["date"] = pub.group("year") + (f"-{int(pub.group('month')):02d}" if pub.group("month") else "")
        if (
            not doctype
            and not container
            and authors_field
            and authors_field.startswith("{")
            and " and " not in authors_field
            # (a volume of a work in volumes, 『6·25전쟁사』 제3권, is a book whoever prints it)
            and (REPORT_TITLE_RE.search(title) or _RESEARCH_INSTITUTE.search(authors_field) and "volume" not in f)
            and pub.group("pub").strip() == authors_field.strip("{}")
        ):
            # 통일연구원, 「2023 북한인권백서」 (서울: 통일연구원, 2023): an institute's white paper or report
            # that it publishes itself (one printed by a press stays a book)
            etype = "report"
            f["institution"] = authors_field.strip("{}")
        series_no = _REPORT_SERIES.search(rest_nourl) if _has_any(rest_nourl, _REPORT_SERIES_CUES) else None
        if series_no and not container and etype in ("book", "report"):
            # 「…」, KINU 정책연구시리즈 19-03 (서울: 통일연구원, 2019): a numbered report series
            etype = "report"
            f["number"] = series_no.group("n")
        if doctype and not container:
            # 《新时代的中国与世界》白皮书，北京：人民出版社 2019 年版: a report printed by a press
            etype = "report"
            f["type"] = doctype
            if authors_field and authors_field.startswith("{") and " and " not in authors_field:
                f["institution"] = authors_field.strip("{}")
    elif container and date:
        etype = "article"
        f["journaltitle"] = container
        f["date"] = date
        if locator and "-" in locator:
            f["pages"] = locator
    elif (inst_series := _institute_series(rest_nourl)) is not None and date and not url:
        # 『…』, 한국보건사회연구원 연구보고서 2019-19, 2019: an institute's numbered report, no imprint
        etype = "report"
        f["institution"], f["type"], f["number"] = inst_series.group("inst", "type", "n")
        f["date"] = date
    elif doctype and (url or date or authors_field):
        etype = "report"
        f["type"] = doctype
        if authors_field and authors_field.startswith("{"):
            f["institution"] = authors_field.strip("{}")
        elif not authors_field:
            inst = next((x for x in segs if not cre.search(r"\d|版$", x) and is_cjk_org(x) and zh_org_suffix(x)), None)
            if inst:
                f["institution"] = inst
        if date:
            f["date"] = date
    return etype


_CHAPTER_IN_BOOK_ABOVE = re.compile(
    r"^\s*[，,、]\s*([\uac00-\ud7af\u4e00-\u9fff·・]{2,12})\s*(?:편|엮음|編|编)\s*[，,、]\s*(?:위의|앞의)\s*책"
)


def _cjk_type_web_or_short(n: _CjkNote) -> str:
    """Works printed by a publisher named plainly, web pages and news sites, undated or short forms."""
    author_part, authors, authors_field, conf, container = (
        n.author_part,
        n.authors,
        n.authors_field,
        n.conf,
        n.container,
    )
    date, f, lang, locator, news_author, p, site, title = (
        n.date,
        n.f,
        n.lang,
        n.locator,
        n.news_author,
        n.p,
        n.site,
        n.title,
    )
    translator_m, url = n.translator_m, n.url
    etype = "misc"
    if (
        site
        and date
        and not url
        and len(date) <= 7
        and not NEWS_RE.search(site)
        and not cre.search(r"网站|網站|官网|ホームページ|홈페이지|サイト|网$|網$|新华社|中新社|通讯社|通信社", site)
        and not conf
        and (lang in ("japanese", "korean") or cre.search(r"印刷|出版|書房|書店|书局|书店", site))
    ):
        # 『白書』日経印刷、2023 年: a printed work whose publisher has no 出版社 in its name
        if authors_field and authors_field.startswith("{") and REPORT_TITLE_RE.search(title):
            etype = "report"
            f["institution"] = authors_field.strip("{}")
        else:
            etype = "book"
            _book_volume(n)  # 北海道庁編『新撰北海道史』第3巻、北海道庁、1937年
            if translator_m and "translator" not in f:  # 訳者訳（ウェッジ、2008年）: a press without 出版社 in its name
                tr_names, _r, tr_others = cjk_names(translator_m.group(1))
                f["translator"] = format_cjk_names(tr_names, tr_others)
        f["publisher"] = site
        f["date"] = date
    elif site and (url or date):
        if NEWS_RE.search(site) and not cre.search(
            r"网站|網站|官网|官方网站|ホームページ|홈페이지|政府|人民政府|外交部|国防部|商务部|部网|委员会|人大|政协|大使馆|领事馆|研究院|研究所|研究中心|智库|大学|学会|协会",
            site,
        ):
            etype = "article"
            f["entrysubtype"] = "newspaper"
            f["journaltitle"] = site
            if n.ban:  # 《…》，湖北日报，2019年4月12日，第3版: the page, as when the paper is in title marks
                f["pages"] = n.locator = n.ban.group(1) or n.ban.group(2) or n.ban.group(3)
        else:
            etype = "online"
            if not authors_field or site != author_part:
                f["organization"] = site
        if date:
            f["date"] = date
    elif news_author and (url or date):
        etype = "article"
        f["entrysubtype"] = "newspaper"
        f["journaltitle"] = authors[0]
        if date:
            f["date"] = date
    elif url:
        etype = (
            "report"
            if (REPORT_TITLE_RE.search(title) and authors_field and authors_field.startswith("{"))
            else "online"
        )
        if etype == "report" and authors_field:
            f["institution"] = authors_field.strip("{}")
        if date:
            f["date"] = date
    elif authors and not date and not container and (chapter_above := _CHAPTER_IN_BOOK_ABOVE.search(n.rest_nourl)):
        # 최민수, 「…」, 정재훈 편, 위의 책, 145-170쪽: a chapter of the edited book the note before cites
        etype = "incollection"
        f["editor"] = chapter_above.group(1)
        if locator and "-" in locator:
            f["pages"] = locator
    elif authors and not date and not container and not url:
        p.kind = "short"
        etype = "misc"
    elif date:
        etype = (
            "report" if REPORT_TITLE_RE.search(title) and authors_field and authors_field.startswith("{") else "book"
        )
        if etype == "report" and authors_field:
            f["institution"] = authors_field.strip("{}")
        f["date"] = date
    else:
        p.kind = "short" if (authors or locator) else "full"
        if not authors and not locator:
            etype = "misc"
    return etype


def _cjk_finish(n: _CjkNote, etype: str) -> Parsed:
    """The URL and language, and the result."""
    date, f, lang, locator, names, p, url = n.date, n.f, n.lang, n.locator, n.names, n.p, n.url
    if url:
        f["url"] = url
    if etype == "online" and "date" not in f and date:
        f["date"] = date
    f["langid"] = lang or "chinese"
    p.type = etype
    p.fields = _order(f)
    p.locator = n.pin or locator
    p.names = names
    return p


def _parse_cjk_untitled(text: str) -> Parsed:
    """A CJK citation without title marks (rare): author：title，rest."""
    m = cre.match(r"^([^：:，,]{2,30})[：:](.+?)[，,](.*)$", text)
    if not m:
        return Parsed(understood=False, fields={"title": strip_trailing(text), "langid": language_of(text)})
    return parse_cjk(f"{m.group(1)}：《{m.group(2).strip()}》，{m.group(3)}")


def parse_cjk_or_court_case(text: str) -> Parsed:
    """A CJK citation that opens with a title mark: :func:`parse_cjk`, read as a court decision
    (``@jurisdiction``) when it names a guiding case or a case number."""
    return _court_case(text, statute_by_number(text, parse_cjk(text)))


# ---------------------------------------------------------------- archival documents named without marks

# 中国第一历史档案馆藏军机处录副奏折，伊犁将军…事，乾隆三十一年，档号03-0176-2031-009 / 中国外交部档案馆藏，
# 档号109-00023-05，第14页: the holding archive first, then (perhaps) the series and the document's
# name, a date, the file number and the page, all without title marks
_ARCHIVE_FIRST = re.compile(
    r"(?P<lib>[\u4e00-\u9fff“”\"]{2,30}?(?:档案馆|档案局|图书馆|檔案館|博物馆|史料馆))(?:所)?藏\s*[：:]?\s*"
)
_FILE_NUMBER = re.compile(
    r"(?:档号|檔號|卷宗号|档案号|全宗号)\s*[：:]?\s*([A-Za-z0-9][A-Za-z0-9\-—./]*[A-Za-z0-9]|[A-Za-z0-9])$"
)
# 1931年5月 / 乾隆三十一年 / 光绪十二年三月初四日: a date, a reign's name perhaps before it
_DATE_PIECE = re.compile(
    r"(?:[清明]\s*)?(?:[\u4e00-\u9fff]{2}\s*)?(?:[\d〇零一二三四五六七八九十]+|元)\s*年"
    r"(?:\s*[\d〇零一二三四五六七八九十初]+\s*[月日])*$"
)


def archive_first(text: str) -> bool:
    """A file number (档号) and an archive's ``…馆藏`` opening the note, no title marks."""
    return "档号" in text and "藏" in text[:40] and first_index(text, "《「『〈") < 0


def parse_cjk_archive_first(text: str) -> Parsed | None:
    """An archival document named without title marks, the archive first (see _ARCHIVE_FIRST); the
    last piece that is no date, number or page is the document's name (a series glued to 藏 before
    it is its file's, not its own). None unless the note opens with the archive and has a 档号."""
    m = _ARCHIVE_FIRST.match(text)
    if m is None:
        return None
    f = {"entrysubtype": "archive", "library": m["lib"]}
    locator = None
    names = []
    for piece in cre.split(r"[，,。；;]", text[m.end() :]):
        piece = piece.strip()
        number = _FILE_NUMBER.search(piece)
        if number:
            f["number"] = number.group(1)
        elif (page := ZH_PAGES.fullmatch(piece)) is not None:
            locator = page_range(page.group(1), page.group(2))
        elif _DATE_PIECE.match(piece):
            if cre.match(r"\d{4}", piece):  # a Western year (a reign year is read as no date, as the sets do)
                f["date"] = iso_date(piece) or ""
        elif piece:
            names.append(piece)
    if "number" not in f:
        return None
    if names:
        f["title"] = names[-1]
    f["langid"] = "chinese"
    return Parsed("misc", _order(f), locator=locator)
