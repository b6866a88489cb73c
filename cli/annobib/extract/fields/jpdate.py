"""Japanese forms with no title marks in front: author-date reference lists (``青山昌彦 (2008)『…』
講談社.``, the Chinese ``费孝通,1998,《乡土中国》,北京:北京大学出版社。`` and the Korean ``송방송. 2007. 『…』. 서울: 민속원.``), the ditto ``―― (2007)`` for the author above) and court decisions cited by court, era
date and law report (``最判昭和48年10月9日民集27巻9号1129頁``).

The author-date form is read by the CJK parser once the ``(Year)`` is taken out of the author, and
the year put back as the date (the year in parentheses is the publication year: a date found later
in the note, such as an access date, does not replace it). A ditto author is kept as printed; the
entries stage gives it the author of the work cited just before.
"""

from __future__ import annotations

import re

from annobib.extract import rx as cre

from annobib.extract.fields.cjk import parse_cjk
from annobib.extract.fields.features import KANA
from annobib.extract.fields.model import Parsed

DITTO_AUTHOR = re.compile(r"^[―—－\-‐]{2,}$")
CJK_AUTHOR_DATE = re.compile(
    r"^(?P<au>[^\s（()『「《“\"，,]{1,40}?(?:\s[^\s（()『「《“\"，,]{1,6})?|[―—－\-‐]{2,})\s*"  # 연민석 외, 이병수 역, 津村 宏
    r"(?:[（(](?P<y>(?:1[5-9]|20)\d\d)[a-z]?[)）]|[，,.．]\s*(?P<y2>(?:1[5-9]|20)\d\d)[a-z]?\s*[，,.．])\s*[.．。,，:：]?\s*"
    r"(?=[《「『“\"〈])"
)
_HAN_OR_KANA = re.compile(r"[\u3005\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")


def is_cjk_author_date(text: str) -> bool:
    if text.isascii():
        return False  # the rest must hold Han, kana or hangul
    m = CJK_AUTHOR_DATE.match(text)
    return bool(m) and bool(_HAN_OR_KANA.search(text[m.end() :]))


def parse_cjk_author_date(text: str) -> Parsed | None:
    m = CJK_AUTHOR_DATE.match(text)
    if not m:
        return None
    author, year = m["au"], m["y"] or m["y2"]  # 青山昌彦 (2008)『…』 / 费孝通,1998,《…》
    stand_in = bool(DITTO_AUTHOR.match(author) or _INVERTED_KANA_NAME.match(author))
    p = parse_cjk(("某某" if stand_in else author) + "：" + _as_note(text[m.end() :], year))
    if stand_in:  # read with a stand-in, so that the rest parses as it would
        for name in ("author", "editor"):
            if p.fields.get(name) == "某某":
                p.fields[name] = author
        p.names = [author if n == "某某" else n for n in p.names]
    if not (p.fields.get("date") or "").startswith(year):
        p.fields["date"] = year
    return p


# 『社会学評論』60(1): 45-62 / 62(2)、180-196 頁 -> the volume, issue and pages in the words of a note
_VOL_ISSUE_PAGES = re.compile(
    r"(?<=[』》」])\s*[,，、]?\s*(\d{1,4})\s*[（(](\d{1,3})[)）]\s*[:：、,，]\s*(?:pp?\.\s*)?(\d+)\s*[-–—]\s*(\d+)\s*頁?"
)
# 『日本労働研究雑誌』462、2-13 頁: one number after a Japanese journal is its (running) issue number
# (Korean: 『한국고대사연구』 57, 121~150쪽, the range with a tilde)
_ISSUE_PAGES = re.compile(
    r"(?<=』)\s*[,，、]?\s*(\d{1,4})\s*[、,，:：]\s*(?:pp?\.\s*)?(\d+\s*[-–—~～]\s*\d+)\s*(?:頁|쪽)?"
)
# …ミネルヴァ書房、pp.113-138 / …、180-196 頁: the pages that close the item (the year goes before them)
_END_PAGES = re.compile(r"[、，,]\s*(?:pp?\.\s*)?(\d+(?:\s*[-–—~～]\s*\d+)?)\s*(頁|页|쪽)?$")
_STOP_AFTER_MARK = re.compile(r"(?<=[』》」〉])\s*[.．](?!\d)\s*")
# ブラウン、スティーヴン (2009): a Western name in katakana, family name first, one person
_INVERTED_KANA_NAME = re.compile(r"^[\u30a0-\u30ff]+[、，,]\s*[\u30a0-\u30ff・]+$")


def _as_note(rest: str, year: str) -> str:
    """The rest of an author-date item as a footnote prints it: the year after the imprint, and
    ``vol(issue): pages`` spelt out, so that the CJK parser reads it as it reads notes."""
    rest = _STOP_AFTER_MARK.sub(", ", rest)  # 『…』. 서울: 민속원: the list's stop, a note's comma
    japanese = bool(KANA.search(rest)) or "『" in rest
    if japanese:
        rest = _VOL_ISSUE_PAGES.sub(r"\1巻\2号、\3-\4頁", rest, count=1)
        rest = _ISSUE_PAGES.sub(r"第\1号、\2頁", rest, count=1)
    else:
        rest = _VOL_ISSUE_PAGES.sub(r"第\1卷第\2期，第\3-\4页", rest, count=1)
    rest = cre.sub(r"[\s.．。]+$", "", rest)
    if year in rest:
        return rest + "。"
    pages = _END_PAGES.search(rest) if japanese else None
    if pages:  # the year after the imprint, before the pages: 書房、2015年、113-138頁
        return f"{rest[: pages.start()]}、{year}年、{pages.group(1)}{pages.group(2) or '頁'}。"
    return rest + ("、" if japanese else "，") + year + "年。"


# ---------------------------------------------------------------- Japanese court decisions

_ERA_START = {"明治": 1868, "大正": 1912, "昭和": 1926, "平成": 1989, "令和": 2019}
_COURT = (
    r"(?P<court>最(?:高裁)?(?:大)?|(?:[^\s、，,。]{1,6}?)(?:高|地|家|簡)(?:裁)?(?:[^\s、，,。]{1,6}?支)?)"
    r"(?P<form>判|決)"
)
JA_CASE = re.compile(
    _COURT
    + r"\s*(?P<era>明治|大正|昭和|平成|令和)\s*(?P<y>\d{1,2}|元)\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"
    r"\s*(?:[・·]?\s*)?(?P<rep>民集|刑集|集民|集刑|判時|判タ|判例時報|判例タイムズ|労判|金判|金法|訟月|行集|高民集|下民集|家月|裁時|LEX/DB)?"
    r"\s*(?:(?P<vol>\d{1,4})\s*巻\s*)?(?:(?P<no>\d{1,5})\s*号\s*)?(?P<page>\d{1,5})?\s*頁?"
)
# …625頁〔八幡製鉄事件〕: the case's name in brackets after the law report
_CASE_NAME_AFTER = re.compile(r"\s*[〔【]([^〔〕【】\d]{2,40}?事件)[〕】]")
_COURT_NAMES = {"最": "最高裁判所", "最高裁": "最高裁判所", "最大": "最高裁判所大法廷", "最高裁大": "最高裁判所大法廷"}


def is_japanese_case(text: str) -> bool:
    # JA_CASE needs 判 or 決 (tested first: two substring scans instead of a match that backtracks)
    return ("判" in text or "決" in text) and JA_CASE.match(text) is not None


def parse_japanese_case(text: str) -> Parsed | None:
    """``最判昭和48年10月9日民集27巻9号1129頁`` -> @jurisdiction: court, ISO date (era converted),
    law report, volume, issue and first page."""
    m = JA_CASE.match(text)
    if not m:
        return None
    year = _ERA_START[m["era"]] + (1 if m["y"] == "元" else int(m["y"])) - 1
    name = _CASE_NAME_AFTER.match(text, m.end()) if "〔" in text or "【" in text else None
    fields = {
        "title": name.group(1) if name else m.group(0).strip().rstrip("。"),
        "institution": _COURT_NAMES.get(m["court"], m["court"]),
        "date": f"{year:04d}-{int(m['m']):02d}-{int(m['d']):02d}",
    }
    if m["rep"]:
        fields["journaltitle"] = m["rep"]
    for name, group in (("volume", "vol"), ("number", "no"), ("pages", "page")):
        if m[group]:
            fields[name] = m[group]
    fields["langid"] = "japanese"
    return Parsed(type="jurisdiction", fields=fields)
