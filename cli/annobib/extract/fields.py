"""Stage 4, *fields*: one citation's text -> entry type, biblatex fields and the cited locator.

One parser per note family, chosen by the citation's shape and script:

* old GB/T with type tags (``Author. Title[J]. Journal, 1998, (3): 12-20.``);
* Russian (``Автор. Название. М.: Изд-во, 2001. С. 15.``, ``// Журнал``, archive ``ф./оп./д./л.``);
* CJK (Chinese, Japanese, Korean) with title marks 《》「」『』;
* Western (Chicago-like) with quoted titles, or unquoted book/report titles.

The field conventions (type choice, names, dates, pages vs locator) are documented in the
README's extract section; in short: journal range -> ``pages`` (a single cited page is only the
locator), newspaper/news-site articles are ``@article`` + ``entrysubtype = {newspaper}``, web pages
``@online``, documents of organizations ``@report``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# ---------------------------------------------------------------- shared vocabulary

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
EN_MDY = re.compile(r"\b(" + _MONTH + r")\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
EN_DMY = re.compile(r"\b(\d{1,2})\s+(" + _MONTH + r")\s+(\d{4})\b")
EN_MY = re.compile(r"\b(" + _MONTH + r")\s+(\d{4})\b")
EN_TWO_MONTHS = re.compile(r"\b" + _MONTH + r"\s*[/–—-]\s*" + _MONTH + r"\s+(\d{4})\b")
DOT_DMY = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
ISO_DATE = re.compile(r"\b(\d{4})([-./])(\d{1,2})\2(\d{1,2})\b")
YEAR = re.compile(r"(?<![\d/.-])(1[5-9]\d\d|20\d\d)(?!\d)")
ZH_YMD = re.compile(r"(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]")
ZH_YM = re.compile(r"(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월](?!\s*\d{1,2}\s*[日일])")
ZH_ISSUE = re.compile(r"(\d{4})\s*年\s*(?:第\s*)?(\d{1,3})\s*期")
ZH_VOLUME = re.compile(r"第\s*(\d{1,4})\s*卷|제\s*(\d{1,4})\s*[권집]|(?<![\d.])(\d{1,4})\s*(?:巻|[권집](?=\s*(?:제\s*)?\d{1,3}\s*호))")
KO_NUMBER = re.compile(r"제\s*(\d{1,4})\s*호|第\s*(\d{1,4})\s*号|(?<=[권집])\s*(\d{1,4})\s*호")  # 제28권 2호
KO_PAGES = re.compile(r"(\d+)\s*(?:[-–—~～]+\s*(\d+))?\s*쪽")
ZH_SERIES = re.compile(r"第\s*(\d{1,4})\s*辑")
ZH_PAGES = re.compile(r"第\s*(\d+)\s*(?:[—–\-~～至]+\s*(\d+))?\s*页")
ZH_BAN = re.compile(r"第\s*(\d+)\s*版|(?<![\d])(\d+)\s*面(?![\w])|(?<![\w])([A-Z]?\d+)\s*면(?![\w])")  # 2面 / A1면
JA_PAGES = re.compile(r"(?:p+\.\s*)?(\d+)\s*(?:[—–\-~～]+\s*(\d+))?\s*頁")
TW_PAGES = re.compile(r"(?<![\d第])頁\s*(\d+)(?:\s*[—–\-~～]+\s*(\d+))?")  # Taiwan/Hong Kong: 頁 1-30
EN_PAGES = re.compile(r"\b(pp?)\.\s*([A-Z]?\d+|[IVXLCivxlc]+)(?:\s*[-–—]+\s*([A-Z]?\d+))?")
URL_RE = re.compile(r"(?:https?://|www\.)[^\s\u3000-\u303f\uff00-\uffef\u4e00-\u9fff“”‘’\"<>]+", re.I)
ACCESS_RE = re.compile(
    r"[（(]?\s*(?:访问时间|访问日期|上网时间|登录时间|浏览时间|浏览日期|检索时间|检索日期|获取日期|获取时间|查询日期|查询时间|下载日期|下载时间|引用日期|最后访问(?:时间|日期)?|最后浏览(?:时间|日期)?|閲覧日|最終閲覧日|アクセス日|"
    r"검색일|검색 일자|접속일|열람일|최종 접속일|"
    r"accessed(?:\s+on)?|last accessed|retrieved(?:\s+on)?|дата обращения)\s*[：:]?\s*([^）)；;]+?)\s*[）)]?\s*(?=[，,。.；;]|$)"
    r"|[（(]\s*(\d{4}\s*[年년]\s*\d{1,2}\s*[月월]\s*\d{1,2}\s*[日일])\s*(?:最終)?(?:閲覧|アクセス|参照|访问|浏览|검색|접속|열람)\s*[）)]",
    re.I,
)

ACCESS_EN = re.compile(
    r",?\s*\(?(?:accessed|last accessed|retrieved|viewed)(?:\s+on)?\s+((?:" + r"[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4}|\d{4}-\d{2}-\d{2}))\)?",
    re.I,
)
NEWS_RE = re.compile(
    r"\b(?:News|Times|Post|Daily|Herald|Tribune|Reuters|BBC|CNN|CBS|NBC|ABC|NPR|NHK|KBS|CCTV|CGTN|RT|TASS|VOA|RFA|SCMP|Bloomberg|Guardian|"
    r"Telegraph|Independent|Journal|Gazette|Chronicle|Observer|Associated Press|AP|AFP|Xinhua|Nikkei|"
    r"Yonhap|Kyodo|Nation|Inquirer|Star|Mail|Express|Press|Straits|Globe|Standard|Mirror|Sun|"
    r"Asahi|Yomiuri|Mainichi|Sankei|Hankyoreh|Chosun|JoongAng|Politico|Axios|Al Jazeera|DW|RFI|"
    r"Le Monde|Spiegel|Wire|Week|Economist|Diplomat|Affairs|Magazine|Newsweek|Atlantic)\b"
    r"|(?:报|新闻|新聞|通讯社|通信社|新闻社|联社|電視|电视台|广播|日报|时报|周刊|網|网(?!站)|신문|일보|뉴스|통신)$"
    r"|(?:新闻|新聞|日报|时报|晚报|新報|新聞社|신문|일보|뉴스)"
)
MAGAZINE_RE = re.compile(r"\b(?:Magazine|Monthly|Weekly|Affairs|Diplomat|Economist|Atlantic|New Yorker|Foreign Policy|Newsweek|Time)\b")
# magazines that print volume and issue numbers like journals (a list: "Affairs" alone also names journals)
KNOWN_MAGAZINE_RE = re.compile(
    r"(?:The\s+)?(?:Foreign Affairs|Foreign Policy|Atlantic(?: Monthly)?|Economist|New Yorker|Newsweek|Time|Harper['’]s(?: Magazine)?|"
    r"Diplomat|National Interest|New Republic|Nation|Spectator|New Statesman|American Interest|Prospect)"
)
THINK_TANK_RE = re.compile(
    r"\b(?:RAND|CSIS|Brookings Institution|Corporation|Institute|Center|Centre|Endowment|Council|Foundation|Fund)\b"
)
ORG_RE = re.compile(
    r"\b(?:Department|Ministry|Institute|Institution|University|Office|Council|Committee|Association|"
    r"Agency|Bureau|Administration|Commission|Government|House|Project|Party|Organi[sz]ation|Foundation|"
    r"Center|Centre|Society|Bank|Corporation|Company|Group|Forces|Command|Federation|Union|Nations|"
    r"Secretariat|Parliament|Congress|Senate|Court|Embassy|Coalition|Forum|Fund|Program(?:me)?|"
    r"Service|Library|Archives?|Museum|Academy|School|College|Cabinet|State|Republic|Kingdom|Endowment|Brookings|Carnegie|"
    r"Heritage|Hoover|Stimson|Chatham|Trust|Initiative|Partnership|Consortium|Observatory|Think Tank)\b"
)
REPORT_TITLE_RE = re.compile(
    r"\b(?:Strategy|Report|White Paper|Platform|Review|Plan|Posture|Assessment|Guidance|Doctrine|"
    r"Outlook|Survey|Yearbook|Budget|Framework|Roadmap|Blueprint)\b|(?:报告|白皮书|战略|纲领|规划|纲要|蓝皮书|年鉴|白書|青書|青书|報告書|年次報告|戦略|大綱|計画|方針|전략|보고서|백서)"
)
REPORT_CONTAINER_RE = re.compile(r"\b(?:Brief|Report|Paper|Papers|Series|Memo|Analysis|Commentary|Insight|Backgrounder|In Focus|Monograph)\b")
ZH_ORG_SUFFIX = re.compile(
    r"(?:部|办公室|委员会|院|局|署|中心|研究所|政府|协会|学会|组织|基金会|大学|学院|研究会|公司|集团|馆|厅|处|会|党|社|省|联合会|银行|议会|法院|使馆|"
    r"機構|省庁|委員会|研究所|事務所|庁|府|官房|内閣|本部|財団|センター|協会|学会|연구소|위원회|연구원|부)$"
)
PUBLISHER_ZH = re.compile(
    r"(?:(?P<loc>[\u4e00-\u9fff]{2,8})\s*[：:]\s*)?(?P<pub>"
    r"(?:[\u4e00-\u9fff·（）()A-Za-z]{1,30}?(?:出版社|出版公司|出版集团|书局|书店|印书馆|書店|書房|書局)\s*、\s*)*"  # 格致出版社、上海人民出版社
    r"[\u4e00-\u9fff·（）()A-Za-z]{0,30}?"
    r"(?:出版社|出版公司|出版集团|出版中心|出版发行|出版企业有限公司|有限公司|书局|书店|印书馆|出版会|出版部|書店|書房|出版會|新社|講談社|新潮社|文藝春秋|有斐閣|勁草書房|文庫|新書|選書|叢書|丛书|文库|社))"
    r"\s*[，,、]?\s*(?P<year>\d{4})(?:\s*年|(?=\s*[，,。.）)]|\s*$))(?!\s*\d{1,2}\s*月\s*\d{1,2}\s*日)(?:\s*(?P<month>\d{1,2})\s*月)?\s*(?:第\s*\d+\s*次印刷)?\s*(?:版|刊)?"
)
PLACE_PUBLISHER_EN = re.compile(
    r"(?:(?<=, )|(?<=,)|(?<=\. )|^)(?P<loc>[A-Z][A-Za-z.'’-]*(?:\s+(?:[A-Z][A-Za-z.'’-]*|and|upon|am|on|de)){0,3}"
    r"(?:,\s*(?:[A-Z]{2}|D\.\s?C\.|[A-Z][a-z]{1,4}\.|N\.\s?[YJ]\.))?)\s*:\s*(?P<pub>Little,\s*Brown(?:\s+and\s+Company)?|Farrar,\s*Straus(?:,?\s*(?:and|&)\s*Giroux)?|Harcourt,\s*Brace[\w &]*|[^,:;]{2,80}?(?:,\s*[A-Z][A-Za-z&'’. ]{1,40}?(?=,\s*(?:1[5-9]|20)\d\d\s*(?:[,.;)]|$)))?)(?:,\s*|\s+)(?:(?P<month>(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?)\s+)?(?P<year>(?:1[5-9]|20)\d\d)(?=\s*(?:[,.;:)]|$))"
)
US_STATE_RE = re.compile(r"D\.\s?C\.|[A-Z]{2}|N\.\s?[YJ]\.|(?:Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev|Okla|Ore|Pa|Tenn|Tex|Va|Vt|Wash|Wis|Wyo)\.")
DOC_SYMBOL_RE = re.compile(
    r"^(?P<t>(?:UN|U\.N\.|UNGA|WTO|IMF|OECD)\s+Doc(?:ument)?\.?)\s*(?:No\.\s*)?(?P<n>[A-Z][A-Za-z]{0,9}(?:/[A-Za-z0-9.()\-]+)+)\s*$")
IGO_RE = re.compile(
    r"(?:The\s+)?(?:World Bank(?: Group)?|International Monetary Fund|IMF|OECD|United Nations(?: [A-Z][A-Za-z ]{2,60})?|UN(?: [A-Z][A-Za-z ]{2,40})?|"
    r"UNCTAD|UNDP|UNESCO|UNICEF|UNHCR|WTO|World Trade Organi[sz]ation|World Health Organi[sz]ation|WHO|"
    r"Asian Development Bank|ADB|Asian Infrastructure Investment Bank|AIIB|Bank for International Settlements|BIS|"
    r"International Labour Organi[sz]ation|ILO|International Energy Agency|IEA|Food and Agriculture Organization|FAO|"
    r"European Commission|European Central Bank|ECB|ASEAN Secretariat|African Development Bank|Inter-American Development Bank)")
IGO_SERIES_RE = re.compile(r"\b(?:Update|Outlook|Report|Review|Monitor|Brief|Survey|Series|Note|Notes|Paper|Papers|Bulletin|Assessment)\b")
PUBLISHER_CUE = re.compile(
    r"Press|Publish|Books|Verlag|Routledge|Norton|Wiley|Springer|Palgrave|Macmillan|Penguin|Random House|Knopf|"
    r"Blackwell|Sage|Rienner|Addison|McGraw|Houghton|Harper|Simon|Polity|Verso|Brookings|RAND|Department|Office|"
    r"Institute|Center|Centre|Council|University|Bureau|Foundation|Endowment|Association|Society|Academy|Research|Studies|Éditions|Editions|Gallimard|Seuil|Suhrkamp|Beck|Elsevier|Taylor"
)


def _think_tank(pub: str) -> bool:
    """RAND Corporation, CSIS, Lowy Institute: a research organization, not a press, as publisher."""
    return bool(THINK_TANK_RE.search(pub)) and not re.search(r"Press|Publish|Books|University|Verlag|Editions|Éditions", pub)


def _pp_date(m) -> str:
    """The date of a ``Place: Publisher, [Month] Year`` match: the year, or year-month."""
    if m.groupdict().get("month"):
        d = iso_date(f"{m.group('month')} {m.group('year')}")
        if d:
            return d
    return m.group("year")


def find_place_publisher(text: str):
    """The last ``Place: Publisher, Year`` in ``text`` whose publisher looks like one."""
    best = None
    for m in PLACE_PUBLISHER_EN.finditer(text):
        pub = m.group("pub").strip()
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
CYR = re.compile(r"[\u0400-\u04ff]")
KANA = re.compile(r"[\u3040-\u30ff]")
HANGUL = re.compile(r"[\uac00-\ud7af]")
HAN = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")


@dataclass
class Parsed:
    """What one citation says."""

    type: str = "misc"
    fields: dict[str, str] = field(default_factory=dict)
    locator: str | None = None
    kind: str = "full"  # full | short | ibid | opcit
    names: list[str] = field(default_factory=list)  # author names as parsed (for matching short forms)
    understood: bool = True


# ---------------------------------------------------------------- helpers

def iso_date(text: str) -> str | None:
    """The first date in ``text`` as ISO 8601 (YYYY-MM-DD, YYYY-MM or YYYY)."""
    for rx, order in ((ZH_YMD, "ymd"), (ISO_DATE, "iso"), (EN_MDY, "mdy"), (EN_DMY, "dmy")):
        m = rx.search(text)
        if m:
            if order == "ymd":
                y, mo, d = m.group(1), int(m.group(2)), int(m.group(3))
            elif order == "iso":
                y, mo, d = m.group(1), int(m.group(3)), int(m.group(4))
            elif order == "mdy":
                mo, d, y = MONTHS.get(m.group(1)[:4].lower().rstrip("."), MONTHS.get(m.group(1)[:3].lower())), int(m.group(2)), m.group(3)
            else:
                d, mo, y = int(m.group(1)), MONTHS.get(m.group(2)[:4].lower().rstrip("."), MONTHS.get(m.group(2)[:3].lower())), m.group(3)
            if mo and 1 <= mo <= 12 and 1 <= d <= 31:
                return f"{y}-{mo:02d}-{d:02d}"
    m = DOT_DMY.search(text)
    if m and 1 <= int(m.group(2)) <= 12 and 1 <= int(m.group(1)) <= 31:
        return f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
    m = ZH_YM.search(text)
    if m and 1 <= int(m.group(2)) <= 12:
        return f"{m.group(1)}-{int(m.group(2)):02d}"
    m = EN_TWO_MONTHS.search(text)
    if m:
        return m.group(1)  # a two-month issue (March/April 2018): the year only
    m = EN_MY.search(text)
    if m:
        mo = MONTHS.get(m.group(1)[:4].lower().rstrip("."), MONTHS.get(m.group(1)[:3].lower()))
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
    return re.sub(r"\s*[-–—~～]+\s*", "-", text.strip())


def clean_url(url: str) -> str:
    url = url.rstrip(".,;:，。；、")
    url = re.sub(r"等$", "", url)
    if url.endswith(")") and "(" not in url:
        url = url[:-1]
    return url


def language_of(text: str) -> str:
    if KANA.search(text):
        return "japanese"
    if HANGUL.search(text):
        return "korean"
    if CYR.search(text):
        return "russian"
    if HAN.search(text):
        return "chinese"
    low = (" " + re.sub(r"[^\w'’]+", " ", text.lower()) + " ").replace(" et al ", " ")
    # romanized Korean (McCune-Reischauer breves) and Japanese (Hepburn macrons, no pinyin tone
    # marks, no English words)
    if re.search(r"[ŏŭŎŬ]", text):
        return "korean"
    if re.search(r"[ōūŌŪ]", text) and not re.search(r"[ǎǐǒǔǚàèìòùáéíóúāē]", text) \
            and not re.search(r" (?:the|of|and|in|on|for|with|from|between|an|a) ", low):
        return "japanese"
    # words decide; a diacritic alone (a name such as Lüthi or Détente) only without English words
    english = re.search(r" (?:the|of|and|in|on|to|for|with|its|an|from|after|between) ", low)
    if re.search(r" (?:der|die|und|das|für|zur|zum|über|im|vom|einer|eines) ", low) and not english \
            or re.search(r"[äöüß]", low) and not english:
        return "german"
    if re.search(r" (?:les|la|le|et|du|une|dans|pour|sur|aux) ", low) and not re.search(r" (?:the|of) ", low) \
            or re.search(r"[éèêàç]", low) and not english:
        return "french"
    return "english"


def bare_page(text: str) -> str | None:
    """``20.`` / ``1420–22``: a page or range written alone (Chicago notes write no ``p.``)."""
    t = (text or "").strip(" .。,，")
    if re.fullmatch(r"\d{1,4}(?:\s*[-–—]\s*\d{1,4})?", t):
        return norm_range(t)
    return None


def strip_trailing(text: str) -> str:
    return re.sub(r"[\s,，。.；;：:、]+$", "", text).strip()


def balanced(text: str, start: int, open_ch: str, close_ch: str) -> int:
    """Index of the close mark matching ``text[start] == open_ch`` (nesting aware), or -1."""
    depth = 0
    for i in range(start, len(text)):
        c = text[i]
        if c == open_ch:
            depth += 1
        elif c == close_ch:
            depth -= 1
            if depth == 0:
                return i
    return -1


def brace_org(name: str) -> str:
    return "{" + name + "}"


# ---------------------------------------------------------------- names

NATIONALITY_RE = re.compile(r"^\s*[\[［〔【（(][\u4e00-\u9fff]{1,3}[\]］〕】）)]\s*")
ROLE_SUFFIX_RE = re.compile(r"\s*(主编|编著|合编|编选|编译|编|著|等著|撰|口述|整理|選|編著|編|監修|著作|外著)$")


KO_ROLE_RE = re.compile(r"(?<=[\uac00-\ud7af])(\s+외)?\s+(편저|공편|편|엮음|지음|저|옮김|역)$")


def cjk_names(text: str) -> tuple[list[str], str | None, bool]:
    """``汪曙申、刘匡宇、陈桂清等`` -> (names, role, others). Role is 'editor' / 'translator' / None."""
    text = strip_trailing(NATIONALITY_RE.sub("", text.strip()))
    role = None
    others = False
    if re.search(r"(等)?译$|(等)?訳$", text):
        role = "translator"
        text = re.sub(r"(等)?(译|訳)$", "", text)
        others = text.endswith("等")
    km = KO_ROLE_RE.search(text)
    if km:  # 김낙년 편 / 이영훈 외 엮음 / 홍길동 옮김
        role = "translator" if km.group(2) in ("옮김", "역") else ("editor" if km.group(2) != "지음" and km.group(2) != "저" else None)
        others = bool(km.group(1))
        text = text[: km.start()]
    m = ROLE_SUFFIX_RE.search(text)
    if m:
        if m.group(1) in ("主编", "编", "合编", "编选", "編", "監修", "編著", "编著"):
            role = "editor"  # 编著 (compiled and written) names the volume's editors
        text = text[: m.start()]
    if text.endswith("等") or text.endswith("ほか") or text.endswith("他"):
        others = True
        text = re.sub(r"(等|ほか|他)$", "", text)
    m = ROLE_SUFFIX_RE.search(text)
    if m:
        if m.group(1) in ("主编", "编", "合编", "編", "監修", "编著", "編著"):
            role = "editor"
        text = text[: m.start()]
    parts = [NATIONALITY_RE.sub("", p).strip() for p in re.split(r"[、，,／/；;]|\s+和\s+|\s+与\s+", text) if p.strip()]
    parts = [strip_trailing(p) for p in parts if strip_trailing(p)]
    return parts, role, others


def format_cjk_names(names: list[str], others: bool) -> str:
    out = []
    for n in names:
        if is_cjk_org(n):
            out.append(brace_org(n))
        else:
            out.append(n)
    if others:
        out.append("others")
    return " and ".join(out)


def is_cjk_org(name: str) -> bool:
    if "·" in name or "・" in name or " " in name.strip():
        return False
    if LATIN.search(name) and not HAN.search(name):
        return bool(ORG_RE.search(name))
    if HANGUL.search(name):
        # 외교부, 통일연구원, 국가안보전략연구원: a Korean body; a three-syllable name that starts with a
        # common family name (김정부) is read as a person
        return bool(KO_ORG_SUFFIX.search(name)) and (len(name) >= 4 or name[0] not in KO_SURNAMES)
    return len(name) >= 6 or (len(name) >= 3 and bool(ZH_ORG_SUFFIX.search(name)))


KO_ORG_SUFFIX = re.compile(r"(?:부|처|청|위원회|연구소|연구원|재단|협회|학회|센터|정부|은행|공사|공단|대학교|사무국|대사관)$")
KO_SURNAMES = frozenset("김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁어은편용예경봉사")


_NAME_TOKEN = re.compile(r"^(?:[A-Z][\w'’.\-]*|[a-z]{1,3}|[A-Z]\.|Jr\.?|Sr\.?|II|III|IV|de|da|van|von|der|den|del|la|le|di|al-\w+|bin|ibn)$", re.U)


def looks_like_names(text: str) -> bool:
    text = text.strip()
    if not text or len(text) > 120:
        return False
    if ORG_RE.search(text) and len(text.split()) <= 10:
        return True
    parts = re.split(r",\s*|\s+and\s+|\s*&\s*", re.sub(r"\s*(et al\.?|eds?\.|等)$", "", text))
    for p in parts:
        words = p.split()
        if not words or len(words) > 5:
            return False
        if not all(_NAME_TOKEN.match(w) or w[:1].isupper() for w in words):
            return False
    return True


def western_names(text: str) -> tuple[list[str], bool, str | None]:
    """``A, B and C`` / ``A et al.`` / ``{Org}`` -> (BibTeX names, others, role)."""
    text = strip_trailing(text)
    role = None
    m = re.search(r",?\s*\(?(eds?\.|editors?|ed\. by|trans\.|tr\.)\)?$", text, re.I)
    if m:
        role = "translator" if m.group(1).lower().startswith("tr") else "editor"
        text = strip_trailing(text[: m.start()])
    others = False
    m = re.search(r",?\s*(et al\.?|and others)$", text, re.I)
    if m:
        others = True
        text = strip_trailing(text[: m.start()])
    if ORG_RE.search(text) and not re.search(r"\band\b", text) or re.match(r"^(The|U\.S\.|US|UK|EU|UN)\b", text):
        return [brace_org(text)], others, role
    chunks = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*", text)
    merged: list[str] = []
    for c in chunks:
        if merged and re.fullmatch(r"(?:Jr|Sr)\.?|II|III|IV", c.strip()):
            merged[-1] = f"{merged[-1]} {c.strip()}"
        else:
            merged.append(c)
    chunks = merged
    names = []
    # "Family, Given" written inverted (first author in some styles): keep as is
    if len(chunks) == 2 and len(chunks[0].split()) == 1 and len(chunks[1].split()) <= 3 and " and " not in text and "," in text and not re.search(r"\band\b", text):
        return [f"{chunks[0]}, {chunks[1]}"], others, role
    chunks = [c.strip() for c in chunks if c.strip()]
    pinyin_order = len(chunks) > 1 and any(
        len(t) == 2 and _pinyin_family_first(t[0], t[1]) for t in (c.split() for c in chunks))
    for c in chunks:
        t = c.split()
        if pinyin_order and len(t) == 2 and t[0] in PINYIN_SURNAMES and _PY_GIVEN.fullmatch(t[1]) \
                and re.fullmatch(r"(?:" + _PY_SYL + r"){1,2}", t[1].lower()):
            names.append(f"{t[0]}, {t[1]}")  # Liu Feng and Zhang Ruizhuang: one order for the list
        else:
            names.append(western_person(c))
    return names, others, role


def western_person(text: str) -> str:
    from annobib.names import parse_name

    if ORG_RE.search(text):
        return brace_org(text)
    suffix = ""
    m = re.search(r",?\s+(Jr\.?|Sr\.?|II|III|IV)$", text)
    if m:
        suffix = m.group(1)
        if suffix in ("Jr", "Sr"):
            suffix += "."
        text = text[: m.start()]
    tokens = text.split()
    if len(tokens) == 2 and not suffix and _pinyin_family_first(tokens[0], tokens[1]):
        return f"{tokens[0]}, {tokens[1]}"  # Mao Zedong, Yan Xuetong: pinyin, family name first
    if len(tokens) == 2 and re.fullmatch(r"[A-Z][a-z]+-[a-z]+", tokens[1]) and not re.fullmatch(r"[A-Z][a-z]+-[a-z]+", tokens[0]):
        return f"{tokens[0]}, {tokens[1]}" + (f", {suffix}" if suffix else "")
    n = parse_name(text)
    if not n.given:
        return n.last + (f", {suffix}" if suffix else "")
    head = n.last
    return ", ".join(p for p in (head, suffix, n.given) if p)


PINYIN_SURNAMES = frozenset(
    "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Gao Lin Luo Zheng Liang Xie Song Tang Han "
    "Feng Deng Cao Peng Zeng Xiao Tian Dong Yuan Pan Cai Jiang Yu Du Ye Cheng Wei Su Lü Lu Ding Ren Shen Yao Jin Qin "
    "Fu Shi Tan Liao Zou Xiong Meng Qiu Qian Hou Bai Yan Xia Mao Kong Gu Niu Duan Lei Long Wan Hao Shao Qiao Fan Jia "
    "Mo Kang Xue Cui Ni Yin Dai Tao Lai Fang Shan Gong Ge Pang Zhong Wen Qi Chu Ruan Geng Hong Zuo Bao Bi Chang Dou "
    "Xi Yi Ji Qu Rong Mu Gan Ling Bian Nie Zhan Huo Miao Tong Shu Yue Lou Zhuo Ke Jiao Zhai Ning Pu Ying Shang Chai "
    "Ouyang Sima Zhuge Situ Shangguan".split()
)
# pinyin syllables, plus the Wade-Giles / Cantonese final -ung (pinyin -ong: Chung, Tung, Hung)
_PY_SYL = (r"(?:[zcs]h|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|ung|uai|ian|iao|uan|van|ai|ei|ao|ou|an|en|in|un|"
           r"ia|ie|iu|ua|uo|ue|ui|er|a|o|e|i|u|v)")
_PY_GIVEN = re.compile(r"[A-Z][a-z]{1,8}")
_PY_TWO = re.compile(r"(?:" + _PY_SYL + r"){2}")


def _pinyin_family_first(first: str, second: str) -> bool:
    """``Mao Zedong``: a pinyin surname, then a two-syllable pinyin given name that is no surname."""
    if first not in PINYIN_SURNAMES or second in PINYIN_SURNAMES or not _PY_GIVEN.fullmatch(second):
        return False
    return bool(_PY_TWO.fullmatch(second.lower()))


def names_field(names: list[str], others: bool) -> str:
    return " and ".join(names + (["others"] if others else []))


# ---------------------------------------------------------------- entry point

DOI_TEXT = re.compile(r"[,，.;；]?\s*\b(?:DOI|doi)\s*[:：]?\s*(10\.\d{4,9}/[^\s，。；;]+?)(?=[.,]?(?:\s|$)|[，。；;])[.。]?")
ANGLE_TITLE = re.compile(r"<([\u3131-\ud7a3\u4e00-\u9fff\u3040-\u30ff][^<>\n]{0,40}?)>")
DOI_URL = re.compile(r"^https?://(?:dx\.)?doi\.org/(10\.\d{4,9}/\S+)$", re.I)


def parse_citation(text: str) -> Parsed:
    """Parse one citation (lead-ins already stripped). A DOI (``DOI: 10.…`` or a doi.org URL)
    becomes the ``doi`` field."""
    text = text.strip()
    doi = None
    if "10." in text and ("doi" in text or "DOI" in text):
        m = DOI_TEXT.search(text)
        if m:
            doi = m.group(1)
            text = (text[: m.start()] + text[m.end():]).strip()
    if "<" in text:  # Korean/Chinese notes may mark a title <朝鮮日報>
        text = ANGLE_TITLE.sub(r"《\1》", text)
    p = _parse_citation(text)
    url = p.fields.get("url")
    if not doi and url:
        m = DOI_URL.match(url)
        if m:
            doi = m.group(1)
    if doi:
        f = {**p.fields, "doi": doi}
        if p.type == "article" and f.get("entrysubtype") == "newspaper":
            del f["entrysubtype"]  # a work with a DOI is a journal article, not a news item
        p.fields = _order(f)
    return p


def _parse_citation(text: str) -> Parsed:
    if re.search(r"\[(?:J|M|N|D|C|R|A|EB/OL|Z|P|S|G|DB/OL|J/OL|M/OL|N/OL)\]", text):
        p = parse_gbt_tagged(text)
        if p:
            return p
    if CYR.search(text) and len(CYR.findall(text)) > len(LATIN.findall(text)):
        return parse_russian(text)
    first_mark = re.search(r"[《「『〈]", text)
    first_quote = re.search(r"[“\"]", text)
    if first_mark and (not first_quote or first_mark.start() < first_quote.start() or HAN.search(text[: first_quote.start()] or "")):
        return _court_case(text, parse_cjk(text))
    if HAN.search(text) and not LATIN.search(re.sub(URL_RE, "", text)[:20]) and "《" in text:
        return parse_cjk(text)
    if first_mark is None and HAN.search(text) and not LATIN.search(URL_RE.sub("", text)) :
        return parse_cjk(text)
    apa = parse_case(text) or parse_social(text) or parse_apa(text) or parse_harvard(text)
    if apa:
        return apa
    return parse_western(text)


# ---------------------------------------------------------------- court decisions (@jurisdiction)

GUIDING_CASE_RE = re.compile(r"(?P<court>最高人民法院|最高人民检察院)\s*(?:发布的?)?\s*(?:第\s*[\d一二三四五六七八九十百]+\s*批)?\s*指导(?:性)?案例\s*(?:第\s*)?(?P<n>\d+)\s*号")
CASE_NUMBER_RE = re.compile(r"[（(]\s*(?P<y>\d{4})\s*[）)]\s*(?P<c>[\u4e00-\u9fff]{1,14}?)\s*(?P<n>\d+)\s*号")
COURT_RE = re.compile(r"[\u4e00-\u9fff]{0,12}(?:人民法院|法院|人民检察院)")
COURT_ABBR = {"最高法": "最高人民法院", "最高检": "最高人民检察院"}


def _court_case(text: str, p: Parsed) -> Parsed:
    """《…案》，最高人民法院指导案例 23 号 / （2019）最高法民终 123 号民事判决书: a court decision, biblatex
    ``@jurisdiction`` with ``number`` = the guiding-case or case number and ``institution`` = the court."""
    title = p.fields.get("title") or ""
    guide = GUIDING_CASE_RE.search(text)
    caseno = CASE_NUMBER_RE.search(text)
    if not (guide or caseno and (re.search(r"判决书|裁定书|调解书|决定书|案$", title) or re.search(r"判决书|裁定书|调解书", text))):
        return p
    f = dict(p.fields)
    for k in ("journaltitle", "publisher", "location", "organization", "entrysubtype", "type", "series"):
        f.pop(k, None)
    if guide:
        f["number"] = f"指导案例{guide['n']}号"
        f["institution"] = guide["court"]
    else:
        f["number"] = re.sub(r"\s+", "", caseno.group(0))
        court = COURT_RE.search(text[: caseno.start()]) or COURT_RE.search(text[caseno.end():])
        abbr = next((v for k, v in COURT_ABBR.items() if caseno["c"].startswith(k)), None)
        if court and court.group(0) not in title:
            f["institution"] = court.group(0)
        elif abbr:
            f["institution"] = abbr
        dm = iso_date(text[caseno.end():])
        f["date"] = dm or caseno["y"]
    p.type = "jurisdiction"
    p.fields = _order(f)
    return p


# ---------------------------------------------------------------- APA (Family, I. I., & Family, I. (Year). Title. Journal, 1(2), 3-4.)

_APA_NAME = r"(?:(?:de|van|von|der|den|del|da|di|la|le)\s+)*[^\W\d_][\w'’\-]*(?:\s+[^\W\d_][\w'’\-]*){0,2},\s*[A-Z][a-z]?\.(?:\s?-?\s?[A-Z][a-z]?\.)*(?:,\s*(?:Jr|Sr)\.)?"
APA_RE = re.compile(
    r"^(?P<au>" + _APA_NAME + r"(?:(?:,\s*|,?\s*&\s*)" + _APA_NAME + r")*(?:,?\s*(?:&\s*)?(?:et al\.|\.\.\.|…))?)"
    r"\s*\((?P<y>(?:1[5-9]|20)\d\d)[a-z]?(?:,\s*(?P<md>[A-Z][a-z]+\.?(?:\s+\d{1,2})?))?\)\.\s+(?P<body>.+)$"
)
APA_JOURNAL = re.compile(
    r"^(?P<j>[^,]+(?:,\s*[^,\d][^,]*)?),\s*(?P<v>\d+)(?:\s*\((?P<n>[^)]+)\))?(?:,\s*(?P<pp>[A-Za-z]?\d+(?:\s*[-–—]\s*[A-Za-z]?\d+)?))?\.?\s*$"
)


def parse_apa(text: str) -> Parsed | None:
    """An APA reference (common in Chinese economics journals' English notes): authors ``Family, I. I.``
    joined by ``, `` and ``&``; ``(Year)`` or ``(Year, Month Day)``; the title sentence; then a journal
    with ``vol(issue), pages`` or, for a book, the publisher."""
    m = APA_RE.match(text.strip())
    if not m:
        return None
    body = m["body"].strip()
    url_m = URL_RE.search(body)
    url = clean_url(url_m.group(0)) if url_m else None
    if url_m:
        body = body[: url_m.start()].strip()
    body = re.sub(r"\s*\b(?:doi|DOI)\s*:\s*\S+\s*$", "", body).strip()
    tm = re.match(r"^(?P<t>.+?(?<!\b[A-Z])[.?!])\s+(?P<rest>[A-Z(].*)$", body)
    if not tm:
        return None
    title, rest = tm["t"].strip(), tm["rest"].strip()
    title = title[:-1] if title.endswith(".") else title
    raw = [a.strip() for a in re.split(r",?\s*&\s*|(?<=\.),\s*(?=[^\W\d_])", m["au"]) if a.strip()]
    others = any(re.fullmatch(r"et al\.|\.\.\.|…", a) for a in raw)
    names = [re.sub(r"\s+", " ", a) for a in raw if not re.fullmatch(r"et al\.|\.\.\.|…", a)]
    f: dict[str, str] = {"author": names_field(names, others), "title": title}
    date = m["y"]
    if m["md"]:
        date = iso_date(f"{m['md']} {m['y']}") or date
    locator = None
    jm = APA_JOURNAL.match(rest)
    etype = "book"
    if jm:
        etype = "article"
        locator = _journal_fields(f, jm)
    elif m["md"] and ":" not in rest and len(rest.rstrip(". ")) <= 60 and (url or _news_outlet(rest.rstrip(". "))
                                                                          or NEWS_RE.search(rest) or MAGAZINE_RE.search(rest)):
        # Family, I. (2020, March 3). Title. The New York Times. URL: a dated news item or web page
        site = rest.rstrip(". ")
        kind = _outlet_kind(site)
        if kind:
            etype, f["journaltitle"], f["entrysubtype"] = "article", site, kind
        else:
            etype, f["organization"] = "online", site
    else:
        pub = rest.rstrip(". ")
        if not pub or len(pub) > 80:
            return None
        place = re.match(r"^(?P<loc>[^:]{2,40}):\s*(?P<pub>.+)$", pub)
        if place:
            f["location"], pub = place["loc"].strip(), place["pub"].strip()
        f["publisher"] = pub
    f["date"] = date
    if url:
        f["url"] = url
    f["langid"] = language_of(title)
    return Parsed(type=etype, fields=_order(f), locator=locator, names=[])


def _outlet_kind(name: str) -> str | None:
    """``magazine`` / ``newspaper`` for the outlet an author-date news item or web page names after
    its title (``The Economist``, ``The Guardian``); None for a web site."""
    if KNOWN_MAGAZINE_RE.fullmatch(name) or MAGAZINE_RE.search(name):
        return "magazine"
    if _news_outlet(name) or NEWS_RE.search(name):
        return "newspaper"
    return None


# ---------------------------------------------------------------- Western case law (@jurisdiction)

# Name v. Name, 585 U.S. 667, 670 (9th Cir. 2018): volume, reporter, first page, pinpoint, (court year)
US_CASE_RE = re.compile(
    r"^(?P<t>[^,]{2,120}?\sv\.?\s[^,]{2,120}?),\s*(?P<v>\d{1,4})\s+(?P<r>[A-Z][A-Za-z0-9.'’ ]{0,24}?)\s+(?P<p>\d{1,5})"
    r"(?:,\s*(?P<pin>\d{1,5}(?:\s*[-–]\s*\d{1,5})?))?\s*\((?P<court>[^()]*?)\s*(?P<y>(?:1[6-9]|20)\d\d)\)\.?$")
# Title (A v. B), [stage,] I.C.J. Reports 1986, p. 14 / …, PCA Case No. 2013-19, Award of 12 July 2016, para. 278
INTL_CASE_RE = re.compile(r"^(?P<t>[^()]{3,200}?\s*\((?:[^()]|\([^()]*\))*?\bv\.?\s(?:[^()]|\([^()]*\))*\))\s*,\s*(?P<rest>.+)$")
# Prosecutor v. Tadić, Case No. IT-94-1-A, …: the case name runs to the first comma after its "v."
INTL_CASE_PLAIN_RE = re.compile(r"^(?P<t>[^(),]{2,200}?\bv\.?\s[^(),]{2,200}?)\s*,\s*(?P<rest>.+)$")
# R v Jogee [2016] UKSC 8, [12] / Donoghue v Stevenson [1932] AC 562 / Case C-362/14 Schrems v DPC [2015] ECLI:…
UK_CASE_RE = re.compile(
    r"^(?:Case\s+(?P<no>[A-Z]-?\d+/\d+)\s+)?(?P<t>[^,\[\]()]{1,120}?\sv\.?\s[^,\[\]()]{2,120}?)\s*,?\s*[\[(](?P<y>(?:1[6-9]|20)\d\d)[\])]\s*"
    r"(?P<ref>[\w.:]+(?:\s+[\w.:]+){0,3}?)(?:,\s*(?P<pin>(?:paras?\.\s*)?\[?\d+\]?(?:\s*[-–]\s*\[?\d+\]?)?))?\.?$")
CASE_CUE_RE = re.compile(
    r"\bReports\s+(?:1[89]|20)\d\d|\bCase\s+No\.|\bApplication\s+No\.|\b(?:Award|Judgment|Judgement|Advisory Opinion|Order|Decision)\b")
CASE_REPORTER_RE = re.compile(r"(?P<j>(?:[A-Z]\.?){2,6}\s+Reports)\s+(?P<y>(?:1[89]|20)\d\d)(?:,\s*pp?\.\s*(?P<p>\d+(?:\s*[-–]\s*\d+)?))?")
CASE_NO_RE = re.compile(r"(?:(?P<inst>[A-Z][A-Za-z.]{1,10})\s+)?(?:Case|Application)\s+No\.\s*(?P<n>[\w\-/.]+?)(?=[,.;]?\s|[,.;]?$)")


def parse_case(text: str) -> Parsed | None:
    """A court decision or arbitral award cited the Western way: ``Name v. Name, 585 U.S. 667 (2018)``
    (volume, reporter, first page, pinpoint, court and year) or ``Title (A v. B), Judgment, I.C.J. Reports
    1986, p. 14`` / ``…, PCA Case No. 2013-19, Award of 12 July 2016, para. 278``. biblatex
    ``@jurisdiction``: ``title`` (the case name), ``journaltitle`` (the law report), ``volume``, ``pages``,
    ``number`` (the case number), ``institution`` (the court, as printed), ``date``."""
    t = text.strip()
    if " v" not in t:
        return None
    f: dict[str, str] = {}
    locator = None
    m = US_CASE_RE.match(t)
    if m:
        f["title"] = m["t"].strip()
        f["journaltitle"] = m["r"].strip()
        f["volume"] = m["v"]
        f["pages"] = m["p"]
        if m["court"].strip(" ,"):
            f["institution"] = m["court"].strip(" ,")
        f["date"] = m["y"]
        if m["pin"]:
            locator = re.sub(r"\s*[-–]\s*", "-", m["pin"])
    elif UK_CASE_RE.match(t):
        m = UK_CASE_RE.match(t)
        f["title"] = m["t"].strip()
        f["date"] = m["y"]
        ref = m["ref"].strip().rstrip(".")
        neutral = re.fullmatch(r"(?P<c>[A-Z][A-Za-z]{1,8}(?:\s+(?:Civ|Crim|Admin|QB|KB|Ch|Fam|Comm|Pat|TCC))?)\s+(?P<n>\d+)", ref)
        report = re.fullmatch(r"(?:(?P<v>\d{1,4})\s+)?(?P<r>[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*){0,2})\s+(?P<p>\d+)", ref)
        if neutral and (int(m["y"]) >= 2001 or not report):  # [2016] UKSC 8: court and number (neutral citations date from 2001)
            f["institution"], f["number"] = neutral["c"], neutral["n"]
        elif report:  # [1932] AC 562 / [1990] 2 AC 605: the law report, its volume and first page
            f["journaltitle"], f["pages"] = report["r"], report["p"]
            if report["v"]:
                f["volume"] = report["v"]
        else:
            f["number"] = ref
        if m["no"]:
            f["number"] = m["no"]  # Case C-362/14 … [2015] ECLI:…: the case number
        if m["pin"]:
            pin = m["pin"].strip()
            locator = pin if pin.startswith(("para", "[")) else re.sub(r"\s*[-–]\s*", "-", pin)
    else:
        m = INTL_CASE_RE.match(t) or INTL_CASE_PLAIN_RE.match(t)
        if not m or not CASE_CUE_RE.search(m["rest"]):
            return None
        rest = m["rest"].rstrip(". ")
        f["title"] = m["t"].strip()
        rm = CASE_REPORTER_RE.search(rest)
        cm = CASE_NO_RE.search(rest)
        if not (rm or cm):
            return None
        if rm:
            f["journaltitle"] = rm["j"]
            f["date"] = rm["y"]
            if rm["p"]:
                f["pages"] = re.sub(r"\s*[-–]\s*", "-", rm["p"])
                locator = f["pages"]
        if cm:
            f["number"] = cm["n"].rstrip(".,")
            if cm["inst"]:
                f["institution"] = cm["inst"]
        d = iso_date(rest[rm.end():] if rm else rest)
        if d and (not f.get("date") or len(d) > len(f["date"]) and d.startswith(f["date"])):
            f["date"] = d
        if not f.get("date"):
            y = YEAR.search(rest)
            if not y:
                return None
            f["date"] = y.group(1)
        para = re.search(r"\b(paras?\.)\s*(\d+(?:\s*[-–]\s*\d+)?)", rest)
        if para:
            locator = para.group(1) + " " + re.sub(r"\s*[-–]\s*", "-", para.group(2))
    f["langid"] = "english"
    return Parsed(type="jurisdiction", fields=_order(f), locator=locator, names=[])


# ---------------------------------------------------------------- posts on social media (@online)

# Name (@handle), “Text,” Platform, Date, URL  /  Organization [@handle], “Text,” Platform, Date, URL
SOCIAL_RE = re.compile(
    r"^(?P<au>[^()\[\]“\"]{2,80}?)\s*[(\[]@(?P<h>\w{1,40})[)\]]\s*[,.]?\s*[“\"](?P<t>.+?)[,.]?[”\"]\s*[,.]?\s*"
    r"(?P<site>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})\s*,\s*(?P<rest>.+)$")


def parse_social(text: str) -> Parsed | None:
    """A post cited with its account handle: ``Name (@handle), “Text,” Twitter, August 1, 2019, URL``.
    biblatex ``@online``: ``author`` (the person, or the braced organization; the handle is dropped —
    it is in the URL), ``title`` = the post's text, ``organization`` = the platform, ``date``, ``url``."""
    m = SOCIAL_RE.match(text.strip())
    if not m:
        return None
    rest = m["rest"]
    url_m = URL_RE.search(rest)
    date = iso_date(_mask_dates(rest[: url_m.start()] if url_m else rest).replace("\x00", ","))
    if not date and not url_m:
        return None
    au = m["au"].strip()
    org = bool(ORG_RE.search(au) or THINK_TANK_RE.search(au) or re.search(r"\s(?:of|for|and|on|the)\s", au)
               or re.fullmatch(r"[A-Z0-9&]{2,10}", au))
    f: dict[str, str] = {"author": brace_org(au) if org else western_person(au),
                         "title": m["t"].strip().rstrip(","), "organization": m["site"].strip()}
    if date:
        f["date"] = date
    if url_m:
        f["url"] = clean_url(url_m.group(0))
    acc = ACCESS_EN.search(rest)
    if acc and iso_date(acc.group(1)):
        f["urldate"] = iso_date(acc.group(1))
    f["langid"] = language_of(f["title"]) if not LATIN.search(f["title"]) else "english"
    return Parsed(type="online", fields=_order(f), locator=None, names=[])


# ---------------------------------------------------------------- Harvard (Family, I. (Year) 'Title', Journal, 1(2), pp. 3-4.)

_CORP_WORD = r"(?:[A-Z][\w.&'’\-]*|of|for|and|on|the|in|&)"
HARVARD_RE = re.compile(
    r"^(?P<au>(?P<people>" + _APA_NAME + r"(?:(?:,\s*|,?\s*(?:&|and)\s*)" + _APA_NAME + r")*(?:,?\s*et al\.)?)"
    r"|(?P<corp>(?:The\s+)?[A-Z][\w.&'’\-]*(?:\s+" + _CORP_WORD + r"){0,7}))"
    r"\s*\((?P<y>(?:1[5-9]|20)\d\d|n\.\s?d\.)[a-z]?\)\s+(?P<body>[‘“'\"A-Z0-9].+)$"
)
_HARVARD_ACCESS = re.compile(
    r"\.?\s*Available\s+(?:at|from)\s*:?\s*(?P<url>(?:https?://|www\.)\S+?)\s*(?:\(\s*(?:Accessed|Retrieved|Viewed)\s*:?\s*(?P<acc>[^)]+)\)\s*)?\.?\s*$",
    re.I)
_HARVARD_IMPRINT = re.compile(
    r"\.\s+(?P<loc>[A-Z][A-Za-z.'’\-]*(?:\s+[A-Z][A-Za-z.'’\-]*){0,3}(?:,\s*[A-Z]{2}|,\s*D\.\s?C\.)?)\s*:\s*"
    r"(?P<pub>[^:]{2,80}?)(?:,\s*(?P<p>pp?)\.\s*(?P<pg>[A-Za-z]?\d+(?:\s*[-–—]\s*[A-Za-z]?\d+)?))?\.?\s*$")
_HARVARD_JOURNAL = re.compile(
    r"^(?:[,.]\s*)?(?P<j>[^,]+(?:,\s*[^,\d][^,]*)?),\s*(?P<v>\d+)(?:\s*\((?P<n>[^)]+)\))?"
    r"(?:,\s*(?:pp?\.\s*)?(?P<pp>[A-Za-z]?\d+(?:\s*[-–—]\s*[A-Za-z]?\d+)?))?\.?\s*$")
_HARVARD_REPORT_NO = re.compile(
    r",\s*(?P<t>(?:[A-Z][A-Za-z]{1,8}\s+){0,2}(?:Report|Paper|Brief|Note|Memorandum|Study)(?:\s+No\.)?)\s+(?P<n>[A-Z]{0,4}-?\d[\w\-/.]*)$"
    r"|,\s*(?P<sym>[A-Z]{2,}[A-Za-z]*(?:\(\d{4}\))?[/\-]?[\w()/.\-]*\d[\w()/.\-]*(?:\s+\d+)?(?:\s+[a-z]{2,6})?)$")
_HARVARD_CHAPTER = re.compile(
    r"^[,.]?\s*[Ii]n:?\s+(?P<eds>[^()]{2,200}?)\s*\((?:eds?|Eds?)\.?\)\s*,?\s*(?P<book>.+?)\."
    r"(?:\s+(?P<loc>[A-Z][A-Za-z.'’\-]*(?:\s+[A-Z][A-Za-z.'’\-]*){0,3}(?:,\s*[A-Z]{2})?)\s*:\s*(?P<pub>[^:,]{2,80}?))?"
    r"(?:,\s*pp?\.\s*(?P<pp>[A-Za-z]?\d+(?:\s*[-–—]\s*[A-Za-z]?\d+)?))?\.?\s*$")
_DAY_MONTH = re.compile(r",\s*(?P<d>\d{1,2}\s+" + _MONTH + r"|" + _MONTH + r"\s+\d{1,2}|" + _MONTH + r")\s*$")


def parse_harvard(text: str) -> Parsed | None:
    """A Harvard (author-date) reference: ``Family, I.`` authors or a corporate author, ``(Year)``
    without a period after it, then ``'Title', Journal, vol(issue), pp. x-y`` (an article), an
    unquoted title with ``Place: Publisher`` (a book; a report when the author is an organization),
    a report or document number (``…, XYZ Report R123`` / ``…, COM(2019) 5 final``), a day and
    month completing the year, and ``Available at: URL (Accessed: date)``."""
    m = HARVARD_RE.match(text.strip())
    if not m:
        return None
    corp = m["corp"]
    if corp and not (_news_outlet(corp) or NEWS_RE.search(corp) or ORG_RE.search(corp) or THINK_TANK_RE.search(corp) or IGO_RE.fullmatch(corp)
                     or re.fullmatch(r"[A-Z]{2,8}", corp) or len(corp.split()) >= 3):
        return None  # "Smith (2019) …": a short form or prose, not a corporate author
    body = m["body"].strip()
    f: dict[str, str] = {}
    url = acc = None
    am = _HARVARD_ACCESS.search(body)
    if am:
        url, acc = clean_url(am["url"]), am["acc"]
        body = body[: am.start()].strip()
    else:
        um = URL_RE.search(body)
        if um:
            url = clean_url(um.group(0))
            body = body[: um.start()].rstrip(" .,")
    body = re.sub(r"\s*\b(?:doi|DOI)\s*:\s*\S+\s*$", "", body).strip()
    locator = None
    etype = None
    qm = re.match(r"^([‘“'\"])(?P<t>.+?)([’”'\"])(?=\s*[,.]|\s*$)(?P<rest>.*)$", body)
    if qm:
        title = qm["t"].strip().rstrip(",")
        rest = qm["rest"].strip()
    else:
        title, rest = body, ""
    year = m["y"] if m["y"][0].isdigit() else ""  # (n.d.): no date
    date = year
    chap = _HARVARD_CHAPTER.match(rest) if qm else None
    if chap:
        # 'Title', in Lee, H. (ed.) Book. Place: Publisher, pp. 10-30: a chapter
        etype = "incollection"
        eds = [a.strip() for a in re.split(r",?\s*(?:&|\band\b)\s*|(?<=\.),\s*(?=[^\W\d_])", chap["eds"]) if a.strip()]
        f["editor"] = names_field([e for e in eds if e != "et al."], "et al." in eds)
        f["booktitle"] = chap["book"].strip()
        if chap["loc"]:
            f["location"], f["publisher"] = chap["loc"].strip(), chap["pub"].strip()
        if chap["pp"]:
            f["pages"] = re.sub(r"\s*[-–—]\s*", "-", chap["pp"])
            locator = f["pages"]
    elif qm:
        jm = _HARVARD_JOURNAL.match(rest)
        if jm:
            etype = "article"
            locator = _journal_fields(f, jm)
        else:
            seg = "," + rest.strip(" ,.")
            dm = _DAY_MONTH.search(seg) if seg != "," else None
            if dm:  # …’, The Economist, 12 January: the day and month complete the year
                date = (iso_date(f"{dm['d']} {year}") or year) if year else ""
                seg = seg[: dm.start()]
            seg = seg.strip(" ,.")
            if seg and len(seg) < 60 and "," not in seg:
                f["journaltitle"] = seg
                etype = "article"
                kind = _outlet_kind(seg)
                if kind:
                    f["entrysubtype"] = kind
    else:
        im = _HARVARD_IMPRINT.search(body)
        if im:
            f["location"] = im["loc"].strip()
            pub = im["pub"].strip()
            if im["pg"]:
                locator = re.sub(r"\s*[-–—]\s*", "-", im["pg"])
            body = body[: im.start()].strip()
            f["publisher"] = pub
        title = re.sub(r"\s*\[(?:Online|online|Internet|E-book|eBook)\]", "", body)
        em = re.search(r"\.\s*(\d+)(?:st|nd|rd|th)\s+(?:edn|ed|edition)\.?$", title)
        if em:  # Title. 2nd edn.
            f["edition"] = em.group(1)
            title = title[: em.start()]
        dm = _DAY_MONTH.search(title)
        if dm and re.search(r"\d", dm["d"]) and year:
            date = iso_date(f"{dm['d']} {year}") or year
            title = title[: dm.start()].strip()
        rn = _HARVARD_REPORT_NO.search(title)
        if rn:
            if rn["t"]:
                f["type"], f["number"] = rn["t"].strip(), rn["n"]
            else:
                f["number"] = rn["sym"].strip()
            title = title[: rn.start()].strip()
            etype = "report"
    title = strip_trailing(title) if not title.endswith(("?", "!")) else title
    if not title or len(title) < 3:
        return None
    if corp:
        author = brace_org(corp.strip())
        if etype is None:
            if qm and _news_outlet(corp):
                etype = "article"
                f["journaltitle"] = corp.strip()
                f["entrysubtype"] = "newspaper"
                author = None
            elif f.get("publisher") or not url or REPORT_TITLE_RE.search(title):
                etype = "report"  # NATO (2022) Strategic Concept. Available at: …: a strategy is a report
            else:
                etype = "online"
                f["organization"] = corp.strip()
                author = None
        if author and etype == "article" and corp.strip().lower() in f.get("journaltitle", "").lower():
            author = None  # Economist (2023) '…', The Economist: the outlet, not an author
        if author:
            f["author"] = author
        if etype == "report" and f.get("publisher"):
            f["institution"] = f.pop("publisher")
    else:
        people = m["people"]
        etal = re.search(r",?\s*et al\.$", people)
        if etal:
            people = people[: etal.start()]
        raw = [a.strip() for a in re.split(r",?\s*(?:&|\band\b)\s*|(?<=\.),\s*(?=[^\W\d_])", people) if a.strip()]
        others = bool(etal) or any(re.fullmatch(r"et al\.", a) for a in raw)
        names = [re.sub(r"\s+", " ", a) for a in raw if not re.fullmatch(r"et al\.", a)]
        f["author"] = names_field(names, others)
        if etype is None:
            etype = "book" if f.get("publisher") or not url else "online"
    f["title"] = title
    if date:
        f["date"] = date
    if url:
        f["url"] = url
        if acc:
            d = iso_date(acc)
            if d:
                f["urldate"] = d
    f["langid"] = language_of(title)
    return Parsed(type=etype, fields=_order(f), locator=locator, names=[])


# ---------------------------------------------------------------- CJK

TITLE_MARKS = {"《": "》", "「": "」", "『": "』", "〈": "〉"}


def _take_mark(text: str, start: int) -> tuple[str, int] | None:
    open_ch = text[start]
    close_ch = TITLE_MARKS[open_ch]
    end = balanced(text, start, open_ch, close_ch)
    if end < 0:
        return None
    return text[start + 1 : end], end + 1


_PROSE_CLAUSE = re.compile(r"[的了是有在对这那其较已]|研究|关于|学界|讨论|代表|重要|认为|指出|问题|方面")
_NAME_RUN = re.compile(
    r"(?:[\[［〔【（(][\u4e00-\u9fff]{1,3}[\]］〕】）)]\s*)?[\u4e00-\u9fff·・]{2,12}"
    r"(?:[、，,]\s*(?:[\[［〔【（(][\u4e00-\u9fff]{1,3}[\]］〕】）)]\s*)?[\u4e00-\u9fff·・]{2,12})*"
    r"\s*(?:等)?\s*(?:主编|编著|合编|编选|编译|编|著|等著|撰|整理|译)?$")


def _cut_prose_before_authors(author_part: str) -> str:
    """``对于这一时期……，学界已有较多研究，较有代表性的是张三、李四主编`` -> ``张三、李四主编``:
    commentary clauses before the author run (long, or with verbs/particles) are cut at the last
    clause boundary (，：是 如 见) before the names."""
    if len(author_part) <= 12 or not _PROSE_CLAUSE.search(author_part):
        return author_part
    for m in reversed(list(re.finditer(r"[，,：:；;。]|(?<=[的是如见])", author_part))):
        head, tail = author_part[: m.start()], author_part[m.end():].strip()
        if not tail:
            continue
        if not _NAME_RUN.fullmatch(tail):
            break
        names = [x for x in re.split(r"[、，,]", tail) if x.strip()]
        if any(_PROSE_CLAUSE.search(ROLE_SUFFIX_RE.sub("", x)) and len(x) > 6 for x in names):
            continue
        if _PROSE_CLAUSE.search(head) or len(head) > 12:
            return tail
    return author_part


LEGAL_CUE_RE = re.compile(r"通过|公布|施行|修正(?![版本])|修订(?![版本])|颁布|发布|令\s*第\s*\d+\s*号|[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d+\s*号")
# bodies that issue laws and normative documents (全国人民代表大会常务委员会, 国务院, 财政部, 国家税务总局 …)
LEGAL_ISSUER_RE = re.compile(r"(?:人民代表大会|常务委员会|国务院|办公厅|人民政府|[^研]部|总局|[^新]局|署|人民银行|委员会)$")
DOC_NUMBER_RE = re.compile(r"[\u4e00-\u9fff]{0,8}令\s*第\s*\d+\s*号|[\u4e00-\u9fff]{1,8}\s*[〔\[［]\s*\d{4}\s*[〕\]］]\s*\d+\s*号")


def _cjk_imprint(f: dict[str, str], pub: re.Match) -> None:
    """Location (when printed), publisher and year of a CJK imprint match (groups loc, pub, year)."""
    if pub.group("loc"):
        f["location"] = pub.group("loc")
    f["publisher"] = pub.group("pub")
    f["date"] = pub.group("year")


def parse_cjk(text: str) -> Parsed:
    # 《人民日报》评论员：《标题》 — the newspaper's commentator is the author
    text = re.sub(r"^《([^》]{2,12})》\s*((?:本报|特约)?评论员|社论|编辑部|记者)\s*(?=[：:])", r"\1\2", text)
    p = Parsed()
    f: dict[str, str] = {}
    lang = None
    m = re.search(r"[《「『〈]", text)
    if not m:
        return _parse_cjk_untitled(text)
    pre = text[: m.start()]
    took = _take_mark(text, m.start())
    if not took:
        return Parsed(understood=False)
    title, after = took
    title_mark = text[m.start()]
    rest = text[after:]
    if "原载" in rest:
        # 原载《期刊》…，后收入《文集》…: the note cites the reprint (its pages and publisher follow)
        rest = re.sub(r"原载\s*《[^》]*》[^《]*?[，,；;]\s*(?:后|又|现)?(?:收入|收录于|收录在|收于|载于|载|见)\s*(?=[^，,]{0,20}《)", "载", rest, count=1)
        rest = rest.replace("原载", "载", 1)
    # 新华社北京 3 月 5 日电: a dispatch's dateline names the agency
    pre = re.sub(r"^((?:新华社|中新社|中国新闻社)).{0,12}?电\s*(?=[：:]?\s*$)", r"\1", pre)
    # 前引 / short forms
    pre = re.sub(r"^(?:前引|前揭|前注所引|上引)\s*", "", pre)
    author_part = _cut_prose_before_authors(strip_trailing(pre))
    lib_first = None
    if author_part and re.search(r"(?:档案馆|档案局|图书馆|圖書館|檔案館|博物馆|文书馆|史料馆|資料館|文書館)(?:藏|所藏|館蔵)$", author_part):
        # 上海市档案馆藏：《…》，档号 …: the holding archive printed first is no author
        lib_first = re.sub(r"(?:所藏|藏|館蔵)$", "", author_part)
        author_part = ""
    if not author_part:
        # 《标题》，新华社莫斯科 5 月 16 日电，《人民日报》…: the dispatch's agency is the author
        dl = re.match(r"^\s*[，,]\s*(新华社|中新社|中国新闻社)[^，,。《]{0,30}?电\s*(?=[，,（(]|$)", text[after:])
        if dl:
            author_part = dl.group(1)
    authors: list[str] = []
    others = False
    role = None
    pre_translators: list[str] = []
    pre_tr_others = False
    if author_part:
        groups = [g for g in re.split(r"[，,]", author_part) if g.strip()]
        tr_end = r"(?:译|訳|譯|(?<=[\uac00-\ud7af])\s+(?:옮김|역))$"  # 김한규 옮김: the Korean translator
        if len(groups) > 1 and any(re.search(tr_end, g.strip()) for g in groups):
            for g in groups:
                if re.search(tr_end, g.strip()):
                    pre_translators, _r, pre_tr_others = cjk_names(g)
                else:
                    authors, role, others = cjk_names(g)
        else:
            authors, role, others = cjk_names(author_part)
    lang = language_of(title + author_part) if (KANA.search(text) or HANGUL.search(text)) else language_of(title)
    if lang == "chinese" and not HANGUL.search(text) and (
            title_mark in "「『" and ("、" in text[after:] or "『" in text) or JA_SIGNAL.search(text)):
        lang = "japanese"  # 「記事名」、『新聞』, 120 頁, 経済: Japanese even with a title in kanji only
    ed_lang = re.search(r"(日|英|俄|韩|法|德)文版", rest)
    if ed_lang:  # 日文版 / 英文版: the edition cited is in that language
        lang = {"日": "japanese", "英": "english", "俄": "russian", "韩": "korean", "法": "french", "德": "german"}[ed_lang.group(1)]
    elif lang == "chinese" and re.search(r"出版会|書房|新書|文庫|選書|講談社|岩波|有斐閣|東京", rest):
        lang = "japanese"  # Japanese publisher forms
    # Japanese notes print the container in 『』 after a 「」 title
    url_m = URL_RE.search(rest)
    url = clean_url(url_m.group(0)) if url_m else None
    if url and lang == "chinese" and title_mark in "「『" and re.match(r"(?:https?://)?[^/]+\.jp(?:/|$)", url, re.I):
        lang = "japanese"  # 外務省「…」…、https://www.mofa.go.jp/…
    rest_nourl = rest[: url_m.start()] + rest[url_m.end():] if url_m else rest
    if "（" in rest_nourl or "(" in rest_nourl:
        # （新潮社、2005年） / (서울: 명인문화사, 2017) / 訳（出版社、2004年）: an imprint in parentheses
        # reads like one set off by commas
        rest_nourl = PAREN_IMPRINT.sub(r"，\1，", rest_nourl)
    access = ACCESS_RE.search(rest_nourl)
    if access:
        ud = iso_date(access.group(1) or access.group(2))
        if ud:
            f["urldate"] = ud
        rest_nourl = rest_nourl[: access.start()] + rest_nourl[access.end():]
    # locator
    locator = None
    pm = ZH_PAGES.search(rest_nourl) or JA_PAGES.search(rest_nourl) or TW_PAGES.search(rest_nourl) or KO_PAGES.search(rest_nourl)
    if pm:
        locator = page_range(pm.group(1), pm.group(2))
    else:
        em = EN_PAGES.search(rest_nourl)
        if em:
            locator = page_range(em.group(2), em.group(3))
    ban = ZH_BAN.search(rest_nourl)
    # 《史记》卷一二九《货殖列传》: a classic cited by its juan and section; the second title is that
    # section (chapter), not a container or series
    juan = re.match(r"\s*[，,]?\s*卷\s*([〇零一二三四五六七八九十百千\d]+|[上中下](?![册冊]))\s*(?:《([^》]{1,30})》)?", rest_nourl)
    if juan:
        rest_nourl = rest_nourl[: juan.start()] + rest_nourl[juan.end():]
        f["volume"] = _cn_int(juan.group(1))
        if juan.group(2):
            f["chapter"] = juan.group(2)
    # container
    container = None
    editors: list[str] = []
    editor_others = False
    cm = re.search(r"[《『「〈]", rest_nourl)
    chapter = False
    zai_container = bool(cm) and bool(re.search(r"(?:^|[\s，,、。.）)])(?:载于|载|收录于|收录在|收入|收于|所收|见)\s*$", rest_nourl[: cm.start()])) \
        and len(rest_nourl[: cm.start()]) <= 30
    if cm:
        before = rest_nourl[: cm.start()]
        took2 = _take_mark(rest_nourl, cm.start())
        if took2:
            container = took2[0]
            ed_m = re.match(r"\s*([（(](?:[^）)]{1,6}版|[^）)]{1,6}刊)[）)])", rest_nourl[took2[1]:])
            if ed_m:
                container += ed_m.group(1).replace("(", "（").replace(")", "）")
                took2 = (container, took2[1] + ed_m.end())
            before_clean = re.sub(r"^[\s，,、。.]*(?:载于|载|收录于|收录在|收入|收于|见|所收|in)?\s*", "", before)
            if re.search(r"(主编|编|編|監修|eds?\.)\s*[：:]?\s*$", before_clean):
                chapter = True
                ed_text = re.sub(r"[：:]\s*$", "", before_clean)
                editors, _r, editor_others = cjk_names(ed_text)
            elif zai_container and not ZH_SERIES.search(rest_nourl) \
                    and PUBLISHER_ZH.search(rest_nourl[took2[1]:]):
                chapter = True  # 载《毛泽东选集》第 4 卷，人民出版社 1991 年版: a part of a book
            rest_after = rest_nourl[took2[1]:]
        else:
            rest_after = rest_nourl
    else:
        rest_after = rest_nourl
    segs = [s.strip() for s in re.split(r"[，,、。；;]", rest_after) if s.strip()]
    thesis = re.search(r"(博士|硕士|碩士|学士)(?:学位)?论文|博士論文|修士論文|学位論文", rest_nourl)
    conf = re.search(r"(?:会议|研讨会|论坛|年会|学术会议|シンポジウム|学会)[”\"]?(?:上的|的)?(?:论文|報告|发言|提交论文)|(?:会议|研讨会|论坛)\s*[，,]"
                     r"|[“\"][^”\"]{2,40}[”\"]\s*(?:会议)?论文(?!集)|提交[^，,。《》]{2,40}?的?论文(?!集)", rest_nourl)
    archive = re.search(r"档案馆|档案|檔案|档号|卷宗|全宗|藏[，,。]|藏$|館蔵|所藏", rest_nourl) or lib_first
    pub = PUBLISHER_ZH.search(rest_after) or PUBLISHER_ZH.search(rest_nourl)
    if pub and len(pub.group("pub")) < 2:
        pub = None
    if not pub:
        pub = PLACE_PUB_NIANBAN.search(rest_after) or PLACE_PUB_CJK.search(rest_after)
    translator_m = re.search(r"(?:^|[，,、])\s*([^，,《》]{2,40}?\s*(?:等)?)(?:译|訳|譯)\s*(?:[，,]|$)", rest_nourl)
    issue = ZH_ISSUE.search(rest_nourl)
    vol = ZH_VOLUME.search(rest_nourl)
    ko_num = KO_NUMBER.search(rest_nourl)
    series = ZH_SERIES.search(rest_nourl)
    date = iso_date(rest_nourl)
    site = None
    doctype = None
    dm0 = re.match(r"^\s*(白皮书|蓝皮书|研究报告|报告|政策简报|工作论文|白書|報告書|보고서)", rest_after)
    if dm0:
        doctype = dm0.group(1)
    for s in segs:
        if doctype and s.startswith(doctype):
            continue
        if URL_RE.match(s) or re.search(r"\d", s) or len(s) > 30 or s.startswith(("载", "见", "第")):
            continue
        if re.search(r"(译|訳|主编|编$|出版|论文|論文|档案|档号|藏$|文版$|^修订版$|^增订版$)", s):
            continue
        site = s
        break
    f_title = title
    names = list(authors)
    if role == "editor" and not chapter:
        f["editor"] = format_cjk_names(authors, others)
        authors_field = None
    else:
        authors_field = format_cjk_names(authors, others) if authors else None
    news_author = False
    if (authors_field and len(authors) == 1 and authors_field.startswith("{") and not container and not site
            and (NEWS_RE.search(authors[0]) or re.search(r"(?<!出版)社$", authors[0]))
            and not re.search(r"(办公室|部|委员会|局|署|院|政府|中心|研究所)$", authors[0])):
        news_author = True
    if authors_field and not news_author:
        f["author"] = authors_field
    if pre_translators:
        f["translator"] = format_cjk_names(pre_translators, pre_tr_others)
    f["title"] = f_title
    etype = "misc"
    if thesis:
        etype = "thesis"
        f["type"] = thesis.group(0)
        inst = next((s for s in segs if re.search(r"大学|学院|研究院|研究所|大學|University|Institute", s)), None)
        if inst:
            inst = re.sub(r"^[\u4e00-\u9fff]{2,4}\s*[：:]\s*", "", inst)
            inst = re.sub(r"(?:博士|硕士|碩士|学士)(?:学位)?论文$|(?:博士|修士)論文$", "", inst).strip()
            f["institution"] = inst
        if date:
            f["date"] = date[:4] if len(date) > 7 else date
    elif (not container and re.search(r"(?:法|法典|条例|規則|规定|规则|办法|细则|决定|通知|意见|章程|规章|命令|公告)$", title)
          and (LEGAL_CUE_RE.search(rest_nourl) or date and authors and all(LEGAL_ISSUER_RE.search(a) for a in authors))
          and not pub and not issue):
        # 《中华人民共和国外商投资法》，2019 年 3 月 15 日……通过 / 国务院：《…条例》（国务院令第 722 号）:
        # a law, regulation or normative document -- biblatex's @legislation
        etype = "legislation"
        dn = DOC_NUMBER_RE.search(rest_nourl)
        if dn:
            f["number"] = re.sub(r"\s+", "", dn.group(0))
        if date:
            f["date"] = date
    elif juan and not pub and not issue:
        etype = "book"  # （清）顾炎武：《日知录》卷十《…》: a classic, cited without an edition
        if date:
            f["date"] = date
    elif archive and not issue and not pub:
        etype = "misc"
        f["entrysubtype"] = "archive"
        holder = next((s for s in re.split(r"[，,。；;]", rest_nourl) if re.search(r"档案馆|档案|檔案|館|馆藏|藏$", s) and "档号" not in s), None)
        if holder:
            f["library"] = strip_trailing(re.sub(r"(藏|所藏|館蔵)$", "", holder.strip()))
        elif lib_first:
            f["library"] = lib_first
        num = re.search(r"(?:档号|檔號|卷宗号|档案号|全宗号)\s*[：:]?\s*((?:[A-Za-z0-9〇零一二三四五六七八九十\-—./]|[（(][A-Za-z0-9]{1,3}[）)])*[A-Za-z0-9〇零一二三四五六七八九十])", rest_nourl) or \
            re.search(r"(?:^|[，,。])\s*([A-Z]{0,4}\d{1,6}(?:\s*[-—–./]\s*[A-Za-z]?\d{1,6}){1,5})\s*[。.]?\s*$", rest_nourl)
        if num:
            f["number"] = re.sub(r"\s+", "", num.group(1))
        sig = re.findall(r"(?:全宗号?|目录号?|案卷号|卷宗号|卷号|件号)\s*[：:]?\s*([A-Za-z0-9\-—./]+)", rest_nourl)
        if len(sig) > 1:  # 全宗号 ZA1，目录号 2，案卷号 87: the whole signature, ZA1-2-87
            f["number"] = "-".join(sig)
        dm = re.search(r"[（(]([^）)]*\d{4}[^）)]*)[）)]", rest_nourl)
        d = iso_date(dm.group(1)) if dm else date
        if d:
            f["date"] = d
    elif container and re.search(r"(论文集|会议文集|研讨会文集|会议录|論文集|Proceedings)$", container) and not issue:
        etype = "inproceedings"
        f["booktitle"] = container
        if pub:
            f["publisher"] = pub.group("pub")
            if pub.group("loc"):
                f["location"] = pub.group("loc")
            f["date"] = pub.group("year")
        elif date:
            f["date"] = date
        if locator and "-" in locator:
            f["pages"] = locator
    elif conf and not issue:
        etype = "inproceedings"
        ev = re.search(r"[“\"]([^”\"]+)[”\"]", rest_nourl)
        event = ev.group(1) if ev else next((s for s in segs if re.search(r"会议|研讨会|论坛|年会|^提交.+论文$", s)), None)
        if container and not event:
            event = container
        if event and not ev:  # 提交第五届发展经济学论坛的论文 -> 第五届发展经济学论坛
            event = re.sub(r"(?:上)?的论文$", "", re.sub(r"^提交(?:给|至|到)?", "", event))
        if event:
            f["eventtitle"] = re.sub(r"(?:国际)?(?:学术)?研讨会?论文$|论文$", "", event) if not ev else event
        venue = next((s for s in segs if re.fullmatch(r"[\u4e00-\u9fff]{2,6}", s) and not re.search(r"会议|论文|研讨", s)), None)
        if venue:
            f["venue"] = venue
        if date:
            f["date"] = date
    elif container and (issue or vol or series or ko_num or re.search(r"第\s*\d{1,4}\s*期", rest_nourl)) and not chapter and (
            not pub or series and not issue and zai_container):
        etype = "article"
        f["journaltitle"] = container
        if issue:
            f["date"] = issue.group(1)
            f["number"] = issue.group(2)
        elif date:
            f["date"] = date[:7]
        if vol:
            f["volume"] = vol.group(1) or vol.group(2) or vol.group(3)
        if not issue:
            qm = re.search(r"第\s*(\d{1,4})\s*期", rest_nourl)
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
    elif container and chapter:
        etype = "incollection"
        if editors:
            f["editor"] = format_cjk_names(editors, editor_others)
        f["booktitle"] = container
        vm = re.match(r"\s*(?:第\s*(\d+|[一二三四五六七八九十]+)\s*[卷册巻]|([上中下])\s*[卷册]|[（(]([上中下])[）)])", rest_after)
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
            f["pages"] = ban.group(1) or ban.group(2) or ban.group(3)
        elif locator and "-" in locator:
            f["pages"] = locator
    elif container and (ZH_YMD.search(rest_nourl) or ban or (date and len(date) == 10)) and not pub:
        etype = "article"
        f["entrysubtype"] = "newspaper"
        f["journaltitle"] = container
        d_after = iso_date(rest_after) if rest_after is not rest_nourl else None
        if d_after or date:
            f["date"] = d_after or date
        if ban:
            f["pages"] = ban.group(1) or ban.group(2) or ban.group(3)
    elif pub:
        etype = "book"
        vm = re.search(r"第\s*(\d+|[一二三四五六七八九十]+)\s*[卷册巻]|(?:^|[》）)\s，,（(])([上中下])\s*[卷册]|^\s*[（(]([上中下])[）)]", rest_nourl)
        if vm:
            v = vm.group(1) or vm.group(2) or vm.group(3)
            f["volume"] = _cn_int(v)
        em = re.search(r"(?:^|[》）)\s，,（(])\s*(?:第\s*(\d+|[一二三四五六七八九十]+)\s*版|(修订版|增订版|再版|修订本|增订本))\s*[）)]?\s*(?=[，,第]|$)",
                       rest_nourl[: pub.start()] if pub.re is PUBLISHER_ZH and pub.string is rest_nourl else rest_nourl[:20])
        if em:
            e = em.group(1)
            f["edition"] = _cn_int(e) if e else em.group(2)
        if translator_m and not (container and not chapter):
            tr_names, _r, tr_others = cjk_names(translator_m.group(1))
            f["translator"] = format_cjk_names(tr_names, tr_others)
        if container and not chapter:
            # 《丛书名》 or a second title: keep as series
            f["series"] = container
        if pub.group("loc"):
            f["location"] = pub.group("loc")
        f["publisher"] = pub.group("pub")
        f["date"] = pub.group("year") + (f"-{int(pub.group('month')):02d}" if pub.group("month") else "")
        if not doctype and not container and authors_field and authors_field.startswith("{") and " and " not in authors_field \
                and REPORT_TITLE_RE.search(title) and pub.group("pub").strip() == authors_field.strip("{}"):
            # 통일연구원, 「2023 북한인권백서」 (서울: 통일연구원, 2023): an institute's white paper or report
            # that it publishes itself (one printed by a press stays a book)
            etype = "report"
            f["institution"] = authors_field.strip("{}")
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
    elif doctype and (url or date or authors_field):
        etype = "report"
        f["type"] = doctype
        if authors_field and authors_field.startswith("{"):
            f["institution"] = authors_field.strip("{}")
        elif not authors_field:
            inst = next((x for x in segs if not re.search(r"\d|版$", x) and is_cjk_org(x) and ZH_ORG_SUFFIX.search(x)), None)
            if inst:
                f["institution"] = inst
        if date:
            f["date"] = date
    elif site and date and not url and len(date) <= 7 and not NEWS_RE.search(site) and not re.search(
            r"网站|網站|官网|ホームページ|홈페이지|サイト|网$|網$|新华社|中新社|通讯社|通信社", site) and not conf and (
            lang in ("japanese", "korean") or re.search(r"印刷|出版|書房|書店|书局|书店", site)):
        # 『白書』日経印刷、2023 年: a printed work whose publisher has no 出版社 in its name
        if authors_field and authors_field.startswith("{") and REPORT_TITLE_RE.search(title):
            etype = "report"
            f["institution"] = authors_field.strip("{}")
        else:
            etype = "book"
            if translator_m and "translator" not in f:  # 訳者訳（ウェッジ、2008年）: a press without 出版社 in its name
                tr_names, _r, tr_others = cjk_names(translator_m.group(1))
                f["translator"] = format_cjk_names(tr_names, tr_others)
        f["publisher"] = site
        f["date"] = date
    elif site and (url or date):
        if NEWS_RE.search(site) and not re.search(r"网站|網站|官网|官方网站|ホームページ|홈페이지|政府|人民政府|外交部|国防部|商务部|部网|委员会|人大|政协|大使馆|领事馆|研究院|研究所|研究中心|智库|大学|学会|协会", site):
            etype = "article"
            f["entrysubtype"] = "newspaper"
            f["journaltitle"] = site
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
        etype = "report" if (REPORT_TITLE_RE.search(title) and authors_field and authors_field.startswith("{")) else "online"
        if etype == "report" and authors_field:
            f["institution"] = authors_field.strip("{}")
        if date:
            f["date"] = date
    elif authors and not date and not container and not url:
        p.kind = "short"
        etype = "misc"
    elif date:
        etype = "report" if REPORT_TITLE_RE.search(title) and authors_field and authors_field.startswith("{") else "book"
        if etype == "report" and authors_field:
            f["institution"] = authors_field.strip("{}")
        f["date"] = date
    else:
        p.kind = "short" if (authors or locator) else "full"
        if not authors and not locator:
            etype = "misc"
    if url:
        f["url"] = url
    if etype == "online" and "date" not in f and date:
        f["date"] = date
    f["langid"] = lang or "chinese"
    p.type = etype
    p.fields = _order(f)
    p.locator = locator
    p.names = names
    return p


def _parse_cjk_untitled(text: str) -> Parsed:
    """A CJK citation without title marks (rare): author：title，rest."""
    m = re.match(r"^([^：:，,]{2,30})[：:](.+?)[，,](.*)$", text)
    if not m:
        return Parsed(understood=False, fields={"title": strip_trailing(text), "langid": language_of(text)})
    return parse_cjk(f"{m.group(1)}：《{m.group(2).strip()}》，{m.group(3)}")


# ---------------------------------------------------------------- Western

_OPEN_Q = "“\""
_QUOTE_PAIRS = {"“": "”", "\"": "\""}


def _find_quoted(text: str) -> tuple[int, int, str] | None:
    for i, ch in enumerate(text):
        if ch in _OPEN_Q:
            close = _QUOTE_PAIRS[ch]
            j = text.find(close, i + 1)
            if ch == "“":
                # a closing quote followed by a letter that continues the title is still the end
                if j < 0:
                    j = text.find("\"", i + 1)
            if j > i:
                return i, j, text[i + 1 : j]
            return None
    return None


ARCHIVE_EN = re.compile(
    r"\b(?:RG\s*\d+|Record Group\s*\d+|National Archives|NARA|Box\s+\d+|Folder\s+\d+|Presidential Library|"
    r"Public Record Office|The National Archives|TNA|FO\s*\d+/\d+|PREM\s*\d+/|CAB\s*\d+/|Central (?:Decimal|Foreign Policy) Files?|"
    r"Papers,\s+[A-Z][\w ]*(?:Library|Archives?)|Manuscript Division)\b"
)
ARCHIVE_PART = re.compile(r"^(?:RG|Record Group|Box|Folder|File|Entry|FO|PREM|CAB|Central|Lot|Series|Reel|Doc(?:ument)?\.?)\b", re.I)
ARCHIVE_HOLDER = re.compile(r"Archives?|Library|Record Office|\bTNA\b|\bNARA\b|Manuscript Division")


def parse_western_archive(text: str) -> Parsed:
    """Telegram from Tokyo, March 3, 1952, RG 59, Central Decimal File, Box 123, National Archives, College Park."""
    f: dict[str, str] = {}
    body = strip_trailing(text)
    q = _find_quoted(body)
    names: list[str] = []
    if q:
        i, j, title = q
        pre = strip_trailing(body[:i])
        pre = re.split(r"\s+to\s+", pre)[0] if re.search(r"\s+to\s+", pre) else pre  # Dulles to Eisenhower
        if pre and looks_like_names(pre):
            names, others, _r = western_names(pre)
            f["author"] = names_field(names, others)
        f["title"] = re.sub(r"[,，]\s*$", "", title.strip())
        rest = body[j + 1:]
    else:
        rest = body
    segs = [s_.strip() for s_ in re.split(r",\s*", _mask_dates(rest)) if s_.strip(" .")]
    if not q and segs:
        k = next((k for k, s_ in enumerate(segs) if not ARCHIVE_PART.match(s_) and "\x00" not in s_), 0)
        f["title"] = _unmask(segs[k])
        segs = segs[:k] + segs[k + 1:]
    date = iso_date(rest)
    parts = [_unmask(s_) for s_ in segs if ARCHIVE_PART.match(s_)]
    holder = next((_unmask(s_) for s_ in segs if ARCHIVE_HOLDER.search(s_) and not ARCHIVE_PART.match(s_)), None)
    f["entrysubtype"] = "archive"
    if holder:
        f["library"] = holder
    if parts:
        f["number"] = ", ".join(parts)
    if date:
        f["date"] = date
    f["langid"] = language_of(f.get("title", ""))
    return Parsed(type="misc", fields=_order(f), locator=None, names=names)


def parse_western(text: str) -> Parsed:
    if ARCHIVE_EN.search(text) and not re.search(r"\b(?:Vol\.|vol\.|pp?\.\s*\d)|Press\b", text):
        return parse_western_archive(text)
    p = Parsed()
    f: dict[str, str] = {}
    text = text.strip()
    # op. cit. / short forms handled by callers through kind
    url_m = URL_RE.search(text)
    url = clean_url(url_m.group(0)) if url_m else None
    body = (text[: url_m.start()] + text[url_m.end():]) if url_m else text
    access = ACCESS_EN.search(body) or ACCESS_RE.search(body)
    if access:
        ud = iso_date(access.group(1) or (access.group(2) if access.re is ACCESS_RE else None))
        if ud:
            f["urldate"] = ud
            body = body[: access.start()] + body[access.end():]
    body = strip_trailing(body)
    # Nihon keizai [The Japanese economy], … / “Sŏul ŭi …” [Seoul's …], …: the English translation of
    # a romanized title, printed in brackets after it, is not part of the title: it is kept in
    # title_translation (the field annobib's checks and APA style read for a translated title)
    addon = None
    tr_m = re.search(r"(?<=[^\s\[])\s+\[([^\[\]]*[A-Za-z][^\[\]]*\s[^\[\]]*)\](?=\s*[,.(]|\s*$)", body)
    if tr_m and not re.fullmatch(r"[A-Z]{1,2}(?:/[A-Z]{2})?", tr_m.group(1)):
        addon = tr_m.group(1).strip()
        body = body[: tr_m.start()] + body[tr_m.end():]
    # Chicago: … (Place: Publisher, Year), 45 / …, 2:312–45 (volume:pages) / (PhD diss., School, 1998), 143
    paren = re.search(r"\s*\(([^()]*:[^()]*?\d{4}|[^()]*,[^()]*?\d{4}(?=\),\s*\d))\)"
                      r"(?:,\s*(?:pp?\.\s*(?=\d))?(?:(?P<vol>\d{1,2}):\s*)?(\d+(?:\s*[-–—]\s*\d+)?))?$", body)
    bare_locator = paren_vol = None
    if paren:
        bare_locator = norm_range(paren.group(3)) if paren.group(3) else None
        paren_vol = paren.group("vol")
        body = body[: paren.start()] + ", " + paren.group(1)
    q = _find_quoted(body)
    if q:
        i, j, title = q
        pre, rest = body[:i], body[j + 1 :]
        title = re.sub(r"[,，]\s*$", "", title.strip())
    else:
        pre, rest, title = "", body, None
    rest = rest.strip().lstrip(",.;: ").strip()
    # locators and numbers
    locator = None
    vol = re.search(r"\b(?:Vol(?:ume)?\.?|vol\.)\s*(\d+)", rest)
    num = re.search(r"\b(?:No\.?|no\.|Issue|iss\.)\s*((?:[A-Z]{1,4}/)?\d+(?:/\d+|-\d{2,}(?=\s*(?:[,.;)]|$)))?[A-Za-z]?)", rest)
    chicago = re.search(r"^(?P<j>[^,]+?(?:,\s*(?:&\s*)?[A-Z][^,\d]*?)*?)\s+(?P<v>\d+)(?:,\s*no\.\s*(?P<n>\d+))?\s*\((?P<d>[^)]*\d{4})\)(?::\s*(?P<pp>\d+(?:\s*[-–—]\s*\d+)?))?", rest)
    pages_m = EN_PAGES.search(rest)
    if pages_m:
        locator = page_range(pages_m.group(2), pages_m.group(3))
    elif bare_locator:
        locator = bare_locator
    elif chicago and chicago.group("pp"):
        locator = re.sub(r"\s*[-–—]\s*", "-", chicago.group("pp"))
    elif q and (bare_page(rest) or re.search(r"(?:1[5-9]|20)\d\d,\s*(\d{1,4}(?:\s*[-–—]\s*\d{1,4})?)$", rest)):
        # Li and Zhou, “Political Turnover,” 12. / “Title,” The Economist, June 12, 1999, 21.: a
        # bare page after the title or after the date (Chicago notes write no p.)
        locator = bare_page(rest) or norm_range(rest.rsplit(",", 1)[1].strip())
    rest_wo = rest
    if pages_m:
        rest_wo = rest_wo[: pages_m.start()] + rest_wo[pages_m.end():]
    date = iso_date(rest_wo)
    thesis = re.search(r"(Ph\.?\s?D\.?|doctoral|master'?s|M\.?A\.?|MPhil)\s*(diss\.|dissertation|thesis)", rest_wo, re.I)
    conf = re.search(r"paper (?:presented|delivered|prepared) (?:at|for) (?:the )?(?P<ev>[^,]+)", rest_wo, re.I)
    chap = re.match(r"^in:?\s+(?P<eds>.+?),?\s*(?:\((?:eds?\.?|editors?)\)|eds?\.|editors?)\s*,\s*(?P<book>.+)$", rest_wo, re.I) or re.match(
        r"^in:?\s+(?P<book>.+?),\s*(?:eds?\.|edited by)\s+(?P<eds>[^,(]+?)(?P<tail>(?:,|\s*\().*)?$", rest_wo, re.I)
    chap_tail = ""
    if chap and "tail" in chap.groupdict():
        chap_tail = chap.group("tail") or ""
    placepub = find_place_publisher(rest_wo if not chap else (chap.group("book") + chap_tail))
    segs = [s.strip() for s in re.split(r",\s*", _mask_dates(rest_wo)) if s.strip()]
    container = None
    for s in segs:
        s2 = s.strip(" .")
        if not s2 or "\x00" in s2 or re.fullmatch(r"(?:Vol(?:ume)?\.?|vol\.|No\.?|no\.|Issue)\s*\d+[A-Za-z]?", s2) or EN_PAGES.fullmatch(s2) or YEAR.fullmatch(s2):
            continue
        if re.fullmatch(r"\d+", s2) or re.match(r"^(in|See|accessed)\b", s2):
            continue
        container = s2
        break
    if chicago and not vol:
        container = chicago.group("j").strip()
    etype = "misc"
    names: list[str] = []
    others = False
    role = None
    if q:
        author_text = strip_trailing(pre)
        if author_text:
            names, others, role = western_names(author_text)
        f["title"] = title
        if thesis:
            etype = "thesis"
            f["type"] = "phdthesis" if re.match(r"ph|doc", thesis.group(1), re.I) else "mathesis"
            inst = next((s for s in segs if ORG_RE.search(s) or "Univ" in s), None)
            if inst:
                f["institution"] = inst
        elif conf:
            etype = "inproceedings"
            f["eventtitle"] = conf.group("ev").strip()
            vi = next((i for i, s in enumerate(segs) if i and re.fullmatch(r"[A-Z][A-Za-z .]+", s) and not MONTHS.get(s[:3].lower()) and s != f["eventtitle"]), None)
            venue = segs[vi] if vi is not None else None
            if venue and vi + 1 < len(segs) and US_STATE_RE.fullmatch(segs[vi + 1].strip()):
                venue = f"{venue}, {segs[vi + 1].strip()}"  # Washington, D.C. / Austin, TX: one place
            if venue:
                f["venue"] = venue
        elif container and DOC_SYMBOL_RE.match(container):
            # “Title,” UN Doc. A/RES/70/1, 21 October 2015: a document symbol, not a journal
            dm_ = DOC_SYMBOL_RE.match(container)
            etype = "report"
            f["type"] = re.sub(r"^U\.N\.", "UN", dm_.group("t"))
            f["number"] = dm_.group("n").rstrip(".,")
        elif container and not vol and not chicago and IGO_RE.fullmatch(author_text or "") and IGO_SERIES_RE.search(container):
            # World Bank, “Title,” East Asia and Pacific Economic Update, April 2022, URL: an international
            # organization's report series, not a periodical
            etype = "report"
            f["type"] = container
            f["institution"] = author_text
            if num:
                f["number"] = num.group(1)
        elif chap:
            etype = "incollection"
            eds, _o, _r = western_names(chap.group("eds"))
            f["editor"] = names_field(eds, _o)
            book = chap.group("book")
            bsegs = [s.strip() for s in re.split(r",\s*", _mask_dates(book)) if s.strip()]
            if bsegs:
                f["booktitle"] = re.sub(r"\s*\(.*$", "", bsegs[0]).strip()
            bvol = re.search(r"(?:^|,\s*)(?:Vol(?:ume)?\.?|vol\.)\s*(\d+)\b", book + chap_tail)
            if bvol:  # in The Cambridge History of …, vol. 2, ed. …: the volume of the book
                f["volume"] = bvol.group(1)
            if placepub:
                f["location"] = placepub.group("loc").strip()
                f["publisher"] = placepub.group("pub").strip()
                f["date"] = _pp_date(placepub)
            if locator and "-" in locator:
                f["pages"] = locator
        elif vol or num and not (container and REPORT_CONTAINER_RE.search(container)) or chicago:
            if container and REPORT_CONTAINER_RE.search(container) and not vol:
                etype = "report"
            else:
                etype = "article"
            if container:
                f["journaltitle" if etype == "article" else "type"] = container
                if etype == "article" and KNOWN_MAGAZINE_RE.fullmatch(container):
                    f["entrysubtype"] = "magazine"  # Foreign Affairs, Vol. 101, No. 6: a magazine's issue
            if chicago:
                f["volume"] = chicago.group("v")
                if chicago.group("n"):
                    f["number"] = chicago.group("n")
            if vol:
                f["volume"] = vol.group(1)
            if num:
                f["number"] = num.group(1)
            if etype == "article" and locator and "-" in locator:
                f["pages"] = locator
        elif container and REPORT_CONTAINER_RE.search(container):
            etype = "report"
            f["type"] = re.sub(r",?\s*(?:No\.?|no\.|Number)\s*\S+$", "", container).strip()
            if num:
                f["number"] = num.group(1)
            code = re.search(r"\s+([A-Z]{1,5}-?\d{3,}[A-Z\d-]*|[A-Z]{1,5}/\d{2,4}/\d{1,4})$", f["type"])
            if code and not num:  # CRS In Focus IF10199, CRS Report R45464
                f["number"] = code.group(1)
                f["type"] = f["type"][: code.start()].strip()
            inst = _series_institution(segs, container)
            if placepub and not _unmask(placepub.group("pub")).strip().startswith(("No.", "no.")):
                # NBER Working Paper No. 10234 (Cambridge, MA: National Bureau of Economic Research, 2004)
                f["institution"] = placepub.group("pub").strip()
                f["location"] = placepub.group("loc").strip()
            elif inst:
                f["institution"] = inst
            elif author_text and not author_text.startswith("{") and ORG_RE.search(author_text) and " and " not in author_text:
                f["institution"] = strip_trailing(author_text)  # an organization's own report series
        elif container and placepub and _think_tank(placepub.group("pub")):
            etype = "report"  # “Title,” Santa Monica, CA: RAND Corporation, 2020
            f["institution"] = placepub.group("pub").strip()
            f["location"] = placepub.group("loc").strip()
            f["date"] = _pp_date(placepub)
        elif container and placepub:
            etype = "book"
        elif container and NEWS_RE.search(container) and not (ORG_RE.search(container) and not re.search(r"News|Times|Post|Daily|Press|Journal", container)):
            etype = "article"
            f["entrysubtype"] = "magazine" if MAGAZINE_RE.search(container) else "newspaper"
            f["journaltitle"] = container
        elif container and (ORG_RE.search(container) or (re.fullmatch(r"[A-Z]{2,6}", container) and not NEWS_RE.search(container))):
            etype = "online"
            f["organization"] = re.sub(r"\s*\((?:blog|podcast|video|website|web site)\)$", "", container, flags=re.I)
        elif container and (url or (date and len(date) == 10)):
            etype = "article"
            f["entrysubtype"] = "magazine" if MAGAZINE_RE.search(container) else "newspaper"
            f["journaltitle"] = container
        elif container:
            etype = "article"
            f["journaltitle"] = container
        elif (url or date) and len(names) == 1 and not others and _news_outlet(author_text):
            # Xinhua, “Title,” March 3, 2025: a news agency in the author's place is the outlet
            etype = "article"
            f["entrysubtype"] = "newspaper"
            f["journaltitle"] = strip_trailing(author_text)
            names = []
        elif url:
            etype = "online"
        elif names and not date:
            p.kind = "short"
        else:
            etype = "online" if names and names[0].startswith("{") else "article"
    else:
        # unquoted: Author, Title, Place: Publisher, Year / Org, Title, Date, URL / short forms
        masked = _mask_dates(body)
        parts = [s.strip() for s in re.split(r",\s*", masked) if s.strip()]
        if len(parts) >= 3 and re.fullmatch(r"(?:Jr|Sr)\.?|II|III|IV", parts[1]):
            parts = [f"{parts[0]} {parts[1]}"] + parts[2:]  # Joseph S. Nye, Jr., Bound to Lead
        author_text = None
        ed_paren = re.match(r"^(?P<n>.+?)\s*\((?:eds?\.?|editors?|Hrsg\.|dir\.)\)$", parts[0]) if parts and parts[0].endswith(")") else None
        if ed_paren and looks_like_names(ed_paren["n"]):
            parts[0] = ed_paren["n"]  # G. John Ikenberry (ed.), Title, …
        else:
            ed_paren = None
        if len(parts) >= 2 and looks_like_names(parts[0]) and not re.match(r"^(?:in|pp?\.)\b", parts[1]):
            k = _more_authors(parts)
            author_text = ", ".join(parts[: k + 1])
            parts = parts[k + 1:]
        if author_text:
            names, others, role = western_names(author_text)
            if ed_paren:
                role = "editor"
            if parts and re.fullmatch(r"\(?(?:eds?\.|editors?|ed\.)\)?", parts[0].strip(), re.I):
                role = "editor"
                parts = parts[1:]
        tparts = []
        placepub = find_place_publisher(body)
        for k, s in enumerate(parts):
            if "\x00" in s or EN_PAGES.match(s) or YEAR.fullmatch(s.strip(" .")) or re.match(r"^(?:Vol|vol|No|no)\.", s):
                break
            if placepub and (placepub.group("loc").split(",")[0].strip() == s.split(":")[0].strip()):
                break
            if k + 1 < len(parts) and re.match(r"^(?:[A-Z]{2}|D\.\s?C\.|N\.\s?[YJ]\.)\s*:", parts[k + 1]):
                break
            if re.match(r"^(?:op\.\s*cit|ibid)", s, re.I):
                break
            if tparts and re.fullmatch(r"\d{1,4}(?:\s*[-–—]\s*\d{1,4})?\.?", s.strip()) and k == len(parts) - 1:
                locator = locator or norm_range(s.strip(" ."))
                break
            tm = re.match(r"^(?:trans\.|translated by|tr\.)\s+(?P<tr>.+)$", s, re.I)
            if tm and tparts:
                trs, tr_others, _r = western_names(_unmask(tm.group("tr")))
                f["translator"] = names_field(trs, tr_others)
                break
            if tparts and re.fullmatch(r"\d+(?:st|nd|rd|th)\s+(?:ed\.?|edition)|(?:rev\.|revised|updated|new|expanded|revised and updated|revised and expanded)\s+(?:ed\.?|edition)", s.strip(" ."), re.I):
                f["edition"] = re.match(r"\d+", s.strip()).group(0) if s.strip()[:1] in "0123456789" else s.strip()
                break
            if tparts and re.fullmatch(r"[A-Z]{1,6}-[A-Z]{0,3}\d[\w/-]*", s.strip(" .")):
                f["number"] = s.strip(" .")
                break
            rm_ = re.match(r"^(?P<type>(?:[A-Z][\w.&-]*\s+){0,4}(?:Reports?|Briefs?|Papers?|Memos?|Backgrounders?|Series|Analys[ie]s|Commentary|Insights?|Monographs?|In Focus))\s+(?:No\.\s*|Number\s+)?(?P<num>[A-Z]*[-\d]+[A-Z\d-]*)\.?$", s)
            if rm_ and tparts:
                f["type"] = rm_.group("type")
                f["number"] = rm_.group("num")
                break
            tparts.append(s)
        title = ", ".join(tparts).strip(" .") or None
        if title and title.endswith(")") and "edition" not in f:
            em = re.search(r"\s*\((\d+)(?:st|nd|rd|th)\s+(?:ed\.?|edition)\)$", title, re.I)
            if em:  # Understanding International Conflicts (6th ed.)
                f["edition"] = em.group(1)
                title = title[: em.start()]
        if title:
            f["title"] = _unmask(title)
        if re.search(r"\bop\.\s*cit\.?|\bloc\.\s*cit\.?", body, re.I):
            p.kind = "opcit"
        if placepub and (names and names[0].startswith("{") or "number" in f or _think_tank(placepub.group("pub"))):
            # an organization's or a numbered publication, or a think tank's (Santa Monica, CA: RAND
            # Corporation, 2021): a report
            etype = "report"
            f["institution"] = placepub.group("pub").strip()
            f["location"] = placepub.group("loc").strip()
            f["date"] = _pp_date(placepub)
        elif placepub:
            etype = "book"
        elif title and (names and names[0].startswith("{") or REPORT_TITLE_RE.search(title) or "type" in f) and (date or url):
            etype = "report"
            if names and names[0].startswith("{"):
                f["institution"] = names[0].strip("{}")
        elif title and (date or url):
            etype = "book" if not url else "online"
        elif p.kind != "opcit":
            p.kind = "short" if names or locator else "full"
            if not names and not locator:
                p.understood = bool(title)
    lang = language_of((title or "") + " " + (container or ""))
    if names and lang in ("japanese", "korean"):
        # Nakamura Takafusa, Nihon keizai …: a romanized Japanese/Korean work names its author
        # family name first (a hyphenated Korean given name is already read so)
        names = [re.sub(r"^([^\s,.{}-]+), ([^\s,.{}-]+)$", r"\2, \1", n) for n in names]
    if names:
        key = "editor" if role == "editor" and etype != "incollection" else ("translator" if role == "translator" else "author")
        f = {key: names_field(names, others), **f}
    if addon and f.get("title"):
        f["title_translation"] = addon
    if paren_vol and etype in ("book", "incollection") and "volume" not in f:
        f["volume"] = paren_vol  # (Place: Publisher, Year), 2:312–45: volume 2 of the book
    if etype == "book" and placepub and p.kind == "full":
        if vol and not q:
            f["volume"] = vol.group(1)  # Selected Works, Vol. 4, Beijing: …
        f["location"] = placepub.group("loc").strip()
        f["publisher"] = placepub.group("pub").strip()
        f["date"] = _pp_date(placepub)
    elif date and p.kind == "full" and not (etype == "incollection" and "date" in f):
        if etype == "article" and "entrysubtype" not in f and len(date) > 7 and not url:
            f["date"] = date
        elif etype in ("article", "report", "book", "thesis", "incollection") and "entrysubtype" not in f:
            f["date"] = date if (vol or num or chicago or etype != "article") and len(date) <= 7 else date[:4] if etype != "report" else date
        else:
            f["date"] = date
    if etype == "incollection" and "date" not in f and date:
        f["date"] = date[:4]
    t_ = f.get("title") or ""
    if f.get("date") and t_ and f["date"][:4] in t_ and t_ in rest_wo:
        # China 2030: Building…, Washington, D.C.: World Bank, 2013: a year inside the title is not
        # the publication year; take the one in the publication data after the title
        later = iso_date(rest_wo[rest_wo.index(t_) + len(t_):])
        if later:
            f["date"] = later
    if url:
        f["url"] = url
    f["langid"] = lang
    p.type = etype
    p.fields = _order(f)
    p.locator = locator
    p.names = names
    return p


_PERSON_TOKEN = re.compile(
    r"^(?:[^\W\d_a-z](?=[^\W\d_]*[^\W\d_A-Z])[^\W\d_]+(?:[-'’][^\W\d_]+)*|[A-Z]\.(?:\s?[A-Z]\.)?|[A-Z]\.-[A-Z]\.|de|da|van|von|der|den|del|di|bin|ibn|al-\w+|Jr\.?|Sr\.?|II|III|IV)$"
)
_TITLE_WORDS = frozenset(
    "The A An Of In On And For To From With Without Beyond After Before Between Against Power Powers War Wars Peace "
    "World Order China Chinese America American Asia Asian Europe Global International Politics Policy Security "
    "Strategy Theory History State States Soft Hard New Old Great Rise Fall Age Case Future Crisis Making Cold".split()
)


def _person_chunk(text: str) -> bool:
    """``Richard A. Higgott`` / ``Kim Richard Nossal``: a person's name, not title words."""
    words = text.split()
    if not 2 <= len(words) <= 4:
        return False
    if any(w in _TITLE_WORDS for w in words):
        return False
    return all(_PERSON_TOKEN.match(w) for w in words)


def _more_authors(parts: list[str]) -> int:
    """Index of the last comma part that still belongs to the author list ``A, B and C`` / ``A, B, and C``
    / ``A, B, et al.`` (0: only the first part). The part after it must remain for the title."""
    if " and " in parts[0]:
        return 0
    surnames_only = bool(re.fullmatch(r"[^\W\d_a-z][^\W\d_]+(?:[-'’][^\W\d_]+)*", parts[0])) and parts[0] not in _TITLE_WORDS
    if not surnames_only and not _person_chunk(re.sub(r"\s+(?:Jr|Sr)\.?$", "", parts[0])):
        return 0
    for k in range(1, min(len(parts) - 1, 6)):
        s = parts[k].strip()
        if re.fullmatch(r"et al\.?", s):
            return k
        chunks = [c for c in re.split(r"^and\s+|\s+and\s+|\s*&\s*|\s+et al\.?$", s) if c]
        if surnames_only:  # short form: Cooper, Higgott and Nossal, Relocating Middle Powers, p. 21
            ok = all(re.fullmatch(r"(?:(?:de|van|von|der|den|del|da|di|le|la)\s+)*[^\W\d_a-z][^\W\d_]+(?:[-'’][^\W\d_]+)*", c)
                     and c not in _TITLE_WORDS for c in chunks)
        else:
            ok = all(_person_chunk(c) or re.fullmatch(r"(?:Jr|Sr)\.?|II|III|IV", c) for c in chunks)
        if not chunks or not ok:
            return 0
        if re.search(r"(?:^|\s)and\s|&|et al\.?$", s):
            nxt = parts[k + 1].strip()
            after = parts[k + 2].strip(" .") if k + 2 < len(parts) else ""
            if "\x00" in nxt or EN_PAGES.match(nxt) or YEAR.fullmatch(nxt.strip(" .")) or re.fullmatch(r"[\dIVXivx]+(?:\s*[-–—]\s*\d+)?\.?", nxt) or re.match(r"(?:op|loc)\.\s*cit|ibid|supra|note\s+\d", nxt, re.I) or ":" in nxt and (not after or YEAR.fullmatch(after)):
                return 0
            return k
    return 0


def _series_institution(segs: list[str], container: str) -> str | None:
    """``Quincy Brief No. 45, Quincy Institute for Responsible Statecraft, May 3, 2023``: the
    institution is the part after the report series."""
    try:
        k = [x.strip(" .") for x in segs].index(container)
    except ValueError:
        return None
    for x in segs[k + 1: k + 3]:
        x = _unmask(x).strip(" .")
        if not x or "\x00" in x or YEAR.search(x) or URL_RE.match(x) or re.match(r"^(?:No\.|no\.|Vol\.|pp?\.)", x):
            continue
        if ORG_RE.search(x) or re.fullmatch(r"[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,2}", x) or re.fullmatch(r"[A-Z]{2,8}", x):
            return x
        break
    return None


def _news_outlet(name: str) -> bool:
    name = strip_trailing(name or "")
    return bool(re.fullmatch(
        r"(?:The\s+)?(?:[A-Z][\w.&'-]*\s+){0,3}(?:News|Times|Post|Daily|Herald|Tribune|Gazette|Press|Wire)"
        r"|Reuters|Xinhua|AFP|AP|Associated Press|Bloomberg|BBC|CNN|Kyodo(?: News)?|Yonhap(?: News Agency)?|"
        r"TASS|RIA Novosti|Nikkei(?: Asia)?|(?:[A-Z][\w.&'-]*\s+){0,3}News Agency", name))


def _mask_dates(text: str) -> str:
    """Protect the comma inside 'May 21, 2025' from comma splitting."""
    return EN_MDY.sub(lambda m: m.group(0).replace(",", "\x00"), text)


def _unmask(text: str) -> str:
    return text.replace("\x00", ",")


# ---------------------------------------------------------------- old GB/T style with type tags

GBT_TAGS = {"J": "article", "M": "book", "N": "article", "D": "thesis", "C": "inproceedings", "R": "report",
            "A": "incollection", "EB/OL": "online", "J/OL": "article", "M/OL": "book", "N/OL": "article",
            "Z": "misc", "P": "patent", "S": "standard", "G": "book", "DB/OL": "online"}


GBT_RESP_RE = re.compile(
    r"^\s*(?P<who>[^.．。:：\[\]]{1,60}?)\s*[,，]?\s*(?P<etc>等)?\s*(?P<role>编译|編譯|主编|主編|编著|编|編|译|譯|校译)\s*[.．。]\s*")


def parse_gbt_tagged(text: str) -> Parsed | None:
    m = re.match(r"^(?P<au>.*?)[.．。]\s*(?P<title>[^\[\]]+?)\s*\[(?P<tag>[A-Z]+(?:/OL)?)\]\s*[.．。]?\s*(?P<rest>.*)$", text)
    if not m:
        m2 = re.match(r"^(?P<title>[^\[\]]+?)\s*\[(?P<tag>[A-Z]+(?:/OL)?)\]\s*[.．。]?\s*(?P<rest>.*)$", text)
        if not m2:
            return None
        au, title, tag, rest = "", m2["title"], m2["tag"], m2["rest"]
    else:
        au, title, tag, rest = m["au"], m["title"], m["tag"], m["rest"]
    f: dict[str, str] = {}
    lang = language_of(title)
    if au.strip():
        if HAN.search(au) or KANA.search(au) or HANGUL.search(au):
            names, _role, others = cjk_names(au.replace(",", "、").replace("，", "、"))
            f["author"] = format_cjk_names(names, others)
        else:
            raw = [a.strip() for a in re.split(r",\s*", au) if a.strip()]
            others = any(re.match(r"et al", a) for a in raw)
            raw = [a for a in raw if not re.match(r"et al", a)]
            f["author"] = names_field([_gbt_western_name(a) for a in raw], others)
    f["title"] = title.strip()
    etype = GBT_TAGS.get(tag, "misc")
    if rest.lstrip().startswith("//"):
        return _gbt_part(f, tag, rest.lstrip()[2:], lang)
    url_m = URL_RE.search(rest)
    url = clean_url(url_m.group(0)) if url_m else None
    r = rest[: url_m.start()] if url_m else rest
    locator = None
    if tag in ("J", "J/OL"):
        jm = re.match(r"^\s*(?P<j>[^,，]+)[,，]\s*(?P<y>\d{4})\s*[,，]?\s*(?P<v>\d+)?\s*(?:[(（](?P<n>[^)）]+)[)）])?\s*(?::|：)?\s*(?P<pp>[\d\-–—~]+)?", r)
        if jm:
            f["journaltitle"] = jm["j"].strip()
            f["date"] = jm["y"]
            if jm["v"]:
                f["volume"] = jm["v"]
            if jm["n"]:
                f["number"] = jm["n"]
            if jm["pp"]:
                f["pages"] = re.sub(r"[–—~]", "-", jm["pp"]).strip("-")
                locator = f["pages"]
    elif tag in ("N", "N/OL"):
        nm = re.match(r"^\s*(?P<j>[^,，]+)[,，]\s*(?P<d>[\d\-]+)\s*(?:[(（](?P<b>\d+)[)）])?", r)
        f["entrysubtype"] = "newspaper"
        if nm:
            f["journaltitle"] = nm["j"].strip()
            f["date"] = nm["d"]
            if nm["b"]:
                f["pages"] = nm["b"]
    elif tag in ("M", "M/OL", "D", "R", "C", "A", "G"):
        em = re.match(r"^\s*(?:(\d+)\s*版|(\d+)(?:st|nd|rd|th)\s+ed)\s*[.．。]\s*", r)
        if em:  # 秦亚青. 关系与过程[M]. 2版. 上海: …
            f["edition"] = em.group(1) or em.group(2)
            r = r[em.end():]
        while True:  # 费正清. 剑桥中华民国史[M]. 杨品泉, 等译. 北京: …  (responsibility segments)
            rm_ = GBT_RESP_RE.match(r)
            if not rm_:
                break
            who = rm_["who"].strip(" ,，")
            others = bool(rm_["etc"]) or bool(re.search(r"\s*等$", who))
            who = re.sub(r"\s*等$", "", who).strip(" ,，")
            if HAN.search(who) or KANA.search(who) or HANGUL.search(who):
                names, _r, o2 = cjk_names(who.replace(",", "、").replace("，", "、"))
                value = format_cjk_names(names, others or o2)
            else:
                raw = [a.strip() for a in re.split(r",\s*", who) if a.strip()]
                value = names_field([_gbt_western_name(a) for a in raw], others)
            field = "translator" if rm_["role"].endswith(("译", "譯")) else "editor"
            if value:
                f.setdefault(field, value)
            r = r[rm_.end():]
        pm = re.match(r"^\s*(?:(?P<loc>[^:：,，]+)[:：]\s*)?(?P<pub>[^,，]+)[,，]\s*(?P<y>\d{4})(?:\s*[:：]\s*(?P<pp>[\d\-–—~]+))?", r)
        if pm:
            if tag == "D":
                f["type"] = "phdthesis" if "博士" in r or "PhD" in r else "thesis"
                f["institution"] = pm["pub"].strip()
            elif tag == "R":
                if re.search(r"出版|Press|Publish", pm["pub"]):
                    f["publisher"] = pm["pub"].strip()
                    if pm["loc"]:
                        f["location"] = pm["loc"].strip()
                    if f.get("author", "").startswith("{") and " and " not in f["author"]:
                        f["institution"] = f["author"].strip("{}")
                else:
                    f["institution"] = pm["pub"].strip()
            else:
                if pm["loc"]:
                    f["location"] = pm["loc"].strip()
                f["publisher"] = pm["pub"].strip()
            f["date"] = pm["y"]
            if pm["pp"]:
                locator = re.sub(r"[–—~]", "-", pm["pp"])
    else:
        d = re.search(r"\((\d{4}-\d{2}-\d{2})\)", r) or re.search(r"(\d{4}-\d{2}-\d{2})", r)
        if d:
            f["date"] = d.group(1)
        ud = re.search(r"\[(\d{4}-\d{2}-\d{2})\]", r)
        if ud:
            f["urldate"] = ud.group(1)
    if url:
        f["url"] = url
    f["langid"] = lang
    return Parsed(type=etype, fields=_order(f), locator=locator, names=[])


def _gbt_names(au: str) -> tuple[str, str | None]:
    """GB/T author/editor list -> (BibTeX names, role or None)."""
    au = au.strip()
    if HAN.search(au) or KANA.search(au) or HANGUL.search(au):
        names, role, others = cjk_names(au.replace(",", "、").replace("，", "、"))
        return format_cjk_names(names, others), role
    role = None
    m = re.search(r",?\s*\(?(eds?|editors?)\.?\)?\.?$", au, re.I)
    if m:
        role = "editor"
        au = au[: m.start()]
    raw = [a.strip() for a in re.split(r",\s*|\s+and\s+", au) if a.strip()]
    others = any(re.match(r"et al", a) for a in raw)
    raw = [a for a in raw if not re.match(r"et al", a)]
    return names_field([_gbt_western_name(a) for a in raw], others), role


def _gbt_part(f: dict[str, str], tag: str, rest: str, lang: str) -> Parsed:
    """``Title[M]//Editor. Book. Place: Publisher, Year: pages.`` (old GB/T 7714 analytic: a part of a
    book ([M]//, [A]//) or of proceedings ([C]//))."""
    etype = "inproceedings" if tag == "C" else "incollection"
    url_m = URL_RE.search(rest)
    url = clean_url(url_m.group(0)) if url_m else None
    r = (rest[: url_m.start()] if url_m else rest).strip()
    r = re.sub(r"\[(?:M|C|A|G)\]", "", r)
    locator = None
    pm = re.search(r"(?P<loc>[^.．。:：,，]+)\s*[:：]\s*(?P<pub>[^,，:：]+?)\s*[,，]\s*(?P<y>\d{4})(?:\s*[:：]\s*(?P<pp>[\d\-–—~]+))?\s*[.．。]?\s*$", r)
    head = r[: pm.start()] if pm else r
    if not pm:
        pm2 = re.search(r"(?P<pub>[^.．。,，]+?)\s*[,，]\s*(?P<y>\d{4})(?:\s*[:：]\s*(?P<pp>[\d\-–—~]+))?\s*[.．。]?\s*$", r)
        if pm2 and re.search(r"出版|Press|Publish|书局|書店", pm2["pub"]):
            pm = pm2
            head = r[: pm.start()]
    segs = [x.strip() for x in re.split(r"[.．。]\s+|[．。]|\.(?=[\u4e00-\u9fff])", head) if x.strip()]
    if len(segs) >= 2:
        ed, role = _gbt_names(segs[0])
        if ed:
            f["editor"] = ed
        book = " ".join(segs[1:])
    else:
        book = segs[0] if segs else ""
    if book:
        f["booktitle"] = strip_trailing(book)
    if pm:
        if pm.groupdict().get("loc"):
            f["location"] = pm["loc"].strip()
        f["publisher"] = pm["pub"].strip()
        f["date"] = pm["y"]
        if pm["pp"]:
            locator = re.sub(r"[–—~]", "-", pm["pp"]).strip("-")
            if "-" in locator:
                f["pages"] = locator
    else:
        y = YEAR.search(r)
        if y:
            f["date"] = y.group(1)
    if url:
        f["url"] = url
    f["langid"] = lang
    return Parsed(type=etype, fields=_order(f), locator=locator, names=[])


def _gbt_western_name(text: str) -> str:
    # GB/T writes "JERVIS R" / "Jervis R": family first, initials after
    parts = text.split()
    if len(parts) >= 2 and all(re.fullmatch(r"[A-Z]{1,3}\.?", p) for p in parts[1:]):
        return f"{parts[0].capitalize() if parts[0].isupper() else parts[0]}, {' '.join(parts[1:])}"
    return western_person(text)


# ---------------------------------------------------------------- Russian

RU_CITY = re.compile(r"(?:^|[.\s])(М\.|Москва|СПб\.|Санкт-Петербург|Л\.|Ленинград|Киев|Новосибирск|Екатеринбург|Казань)\s*:\s*")


def parse_russian(text: str) -> Parsed:
    f: dict[str, str] = {}
    acc = re.search(r"\(?\s*(?:дата обращения|дата доступа|accessed)\s*[：:]?\s*([\d.\-]+)\s*\)?", text, re.I)
    if acc:
        ud = iso_date(acc.group(1))
        if ud:
            f["urldate"] = ud
        text = text[: acc.start()] + text[acc.end():]
    text = re.sub(r"\s*URL\s*:\s*(?=https?://)", " ", text)
    url_m = URL_RE.search(text)
    url = clean_url(url_m.group(0)) if url_m else None
    body = text[: url_m.start()] if url_m else text
    locator = None
    pm = re.search(r"\b[СCс]\.\s*(\d+)(?:\s*[-–—]\s*(\d+))?", body)
    if pm:
        locator = page_range(pm.group(1), pm.group(2))
    # archive signature
    arch = re.search(r"\b[Фф]\.\s*[\dА-Яа-я-]+\.?,?\s*[Оо]п\.\s*\d+", body)
    if arch:
        sig = body[arch.start():].strip().rstrip(".")
        holder = strip_trailing(body[: arch.start()])
        lm = re.search(r"(?:^|[\s.,])[Лл]\.\s*(\d+(?:\s*[-–—]\s*\d+)?)(?:\s*об\.)?", sig)
        if lm:  # the leaves (Л. 54–72) are the locator, not part of the file's signature
            sig = strip_trailing(sig[: lm.start()])
        # no document title: the holder and the file's signature name the item
        if "//" in holder:  # Запись беседы … // АВП РФ. Ф. …: a document title, then its holder
            doc, _, holder = holder.partition("//")
            f["title"] = strip_trailing(doc)
            holder = holder.strip()
        else:
            f["title"] = f"{holder}. {sig}" if holder else sig
        if holder:
            f["library"] = holder
        f["number"] = sig
        f["entrysubtype"] = "archive"
        f["langid"] = "russian"
        return Parsed(type="misc", fields=_order(f), locator=norm_range(lm.group(1)) if lm else None)
    author = None
    am = re.match(r"^\s*((?:[А-ЯЁ][а-яё\-]+\s+(?:[А-ЯЁ]\.\s*){1,2}|(?:[А-ЯЁ]\.\s*){1,2}[А-ЯЁ][а-яё\-]+)(?:,\s*(?:[А-ЯЁ][а-яё\-]+\s+(?:[А-ЯЁ]\.\s*){1,2}|(?:[А-ЯЁ]\.\s*){1,2}[А-ЯЁ][а-яё\-]+))*)(?:\s*и\s*др\.)?\s*", body)
    rest = body
    names = []
    if am:
        author = am.group(1)
        rest = body[am.end():]
        for n in re.split(r",\s*", author.strip()):
            n = n.strip()
            nm = re.match(r"^([А-ЯЁ][а-яё\-]+)\s+((?:[А-ЯЁ]\.\s*)+)$", n)
            if nm:
                names.append(f"{nm.group(1)}, {nm.group(2).strip()}")
            else:
                nm = re.match(r"^((?:[А-ЯЁ]\.\s*)+)([А-ЯЁ][а-яё\-]+)$", n)
                names.append(f"{nm.group(2)}, {nm.group(1).strip()}" if nm else n)
        if "и др." in body[: am.end() + 6]:
            names.append("others")
        f["author"] = " and ".join(names)
    rest = rest.lstrip(". ")
    if "//" in rest:
        title, _, cont = rest.partition("//")
        f["title"] = strip_trailing(title)
        cm = re.match(r"\s*([^.]+?)\.\s*(\d{4})", cont)
        if cm:
            f["journaltitle"] = cm.group(1).strip()
            f["date"] = cm.group(2)
        else:
            f["journaltitle"] = strip_trailing(cont.split(".")[0])
        rd = re.search(r"(\d{1,2})\s+(января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)", cont)
        if rd and f.get("date"):
            months = "января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split()
            f["date"] = f"{f['date'][:4]}-{months.index(rd.group(2)) + 1:02d}-{int(rd.group(1)):02d}"
        vm = re.search(r"Т\.\s*(\d+)", cont)
        if vm:
            f["volume"] = vm.group(1)
        nm2 = re.search(r"№\s*(\d+)", cont)
        if nm2:
            f["number"] = nm2.group(1)
        if locator and "-" in locator:
            f["pages"] = locator
        etype = "article"
        if re.search(r"\d{1,2}\s+(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)", cont) or re.search(r"газета|Известия|Правда|Коммерсант|Ведомости|РИА|ТАСС", f.get("journaltitle", "")):
            f["entrysubtype"] = "newspaper"
    else:
        cm = RU_CITY.search(rest)
        if cm:
            title = rest[: cm.start()]
            f["title"] = strip_trailing(title)
            loc = cm.group(1)
            f["location"] = {"М.": "Москва", "СПб.": "Санкт-Петербург", "Л.": "Ленинград"}.get(loc, loc)
            pm2 = re.match(r"\s*([^,]+?),\s*(\d{4})", rest[cm.end():])
            if pm2:
                f["publisher"] = pm2.group(1).strip()
                f["date"] = pm2.group(2)
            etype = "book"
        else:
            segs = [s.strip() for s in re.split(r"\.\s+", rest) if s.strip()]
            f["title"] = strip_trailing(segs[0]) if segs else strip_trailing(rest)
            y = YEAR.search(rest)
            if y:
                f["date"] = y.group(1)
            etype = "online" if url else "book"
    if url:
        f["url"] = url
    f["langid"] = "russian"
    return Parsed(type=etype, fields=_order(f), locator=locator, names=names)


# ---------------------------------------------------------------- field order

FIELD_ORDER = [
    "author", "editor", "translator", "title", "title_translation", "journaltitle", "booktitle", "eventtitle", "entrysubtype",
    "type", "series", "chapter", "edition", "location", "venue", "publisher", "institution", "organization", "library",
    "date", "volume", "number", "pages", "doi", "url", "urldate", "langid",
]


def _order(f: dict[str, str]) -> dict[str, str]:
    out = {k: f[k] for k in FIELD_ORDER if k in f and f[k]}
    for k, v in f.items():
        if k not in out and v:
            out[k] = v
    return out


def _journal_fields(f: dict, jm: re.Match) -> str | None:
    """Journal, volume, issue and pages from an author-date journal match (groups j, v, n, pp);
    the pages are also the locator."""
    f["journaltitle"] = jm["j"].strip()
    f["volume"] = jm["v"]
    if jm["n"]:
        f["number"] = jm["n"].strip()
    if jm["pp"]:
        f["pages"] = re.sub(r"\s*[-–—]\s*", "-", jm["pp"])
        return f["pages"]
    return None
