"""Old GB/T 7714 references with type tags: ``Author. Title[J]. Journal, 1998, (3): 12-20.``
(:func:`parse_gbt_tagged`)."""

from __future__ import annotations

import re

from annobib.extract import rx as cre

from annobib.extract.fields.features import (
    HAN,
    HANGUL,
    KANA,
    YEAR,
    _order,
    clean_url,
    language_of,
    strip_trailing,
    find_url,
    gbt_untagged_online,
)
from annobib.extract.fields.law import DOC_NUMBER_RE, LAW_TITLE_END
from annobib.extract.fields.model import Parsed
from annobib.extract.fields.names import (
    PINYIN_SURNAMES,
    cjk_names,
    format_cjk_names,
    names_field,
    western_names,
    western_person,
)

# ``…的指导意见:国发〔2022〕14号``: a document number closing a title after a colon
_NUMBER_AFTER_TITLE = re.compile(r"\s*[:：]\s*(" + DOC_NUMBER_RE.pattern + r")\s*$")


# ---------------------------------------------------------------- old GB/T style with type tags

GBT_TAGS = {
    "J": "article",
    "M": "book",
    "N": "article",
    "D": "thesis",
    "C": "inproceedings",
    "R": "report",
    "A": "incollection",
    "EB/OL": "online",
    "J/OL": "article",
    "M/OL": "book",
    "N/OL": "article",
    "Z": "misc",
    "P": "patent",
    "S": "standard",
    "G": "book",
    "DB/OL": "online",
    "R/OL": "report",
    "C/OL": "inproceedings",
    "D/OL": "thesis",
    "S/OL": "standard",
    "Z/OL": "misc",
    "P/OL": "patent",
}


GBT_RESP_RE = re.compile(
    r"^\s*(?P<who>[^.．。:：\[\]]{1,60}?)\s*[,，]?\s*(?P<etc>等)?\s*(?P<role>编译|編譯|主编|主編|编著|编|編|译|譯|校译)\s*[.．。]\s*"
)


def parse_gbt_tagged(text: str) -> Parsed | None:
    """``Author. Title[J]. Journal, 1998, (3): 12-20.`` and the other old GB/T 7714 type tags ([M] [N]
    [D] [C] [R] [A] [EB/OL] …): the tag gives the entry type; the part after it is read by tag. None
    when the text has no ``Title[TAG]``."""
    # 詹姆斯·R. 霍尔. 学校与社会分层[M]: an initial inside a transliterated name is not the author's end
    m = cre.match(
        r"^(?P<au>.*?)(?<![·・][A-Z])[.．。]\s*(?P<title>[^\[\]]+?)\s*\[(?P<tag>[A-Z]+(?:/OL)?)\]\s*[.．。]?\s*(?P<rest>.*)$",
        text,
    )
    if m and _INITIAL_CUT.search(m["au"]) and not HAN.search(m["au"]):
        m = _latin_author_split(text) or m  # Kenneth N. Waltz. Theory…[M]: the author ends after Waltz
    if not m:
        m2 = cre.match(r"^(?P<title>[^\[\]]+?)\s*\[(?P<tag>[A-Z]+(?:/OL)?)\]\s*[.．。]?\s*(?P<rest>.*)$", text)
        if not m2:
            return None
        au, title, tag, rest = "", m2["title"], m2["tag"], m2["rest"]
    else:
        au, title, tag, rest = m["au"], m["title"], m["tag"], m["rest"]
    f: dict[str, str] = {}
    lang = language_of(title)
    if au.strip():
        _gbt_authors(f, au)
    f["title"] = title.strip()
    etype = GBT_TAGS.get(tag, "misc")
    dn = _NUMBER_AFTER_TITLE.search(f["title"]) if "号" in f["title"] else None
    if dn and LAW_TITLE_END.search(f["title"][: dn.start()].rstrip()):
        # 国务院关于…的指导意见:国发〔2022〕14号[A/OL]: a normative document, its number after its title
        f["title"], f["number"], etype = (
            f["title"][: dn.start()].rstrip(),
            cre.sub(r"\s+", "", dn.group(1)),
            "legislation",
        )
    if tag in ("Z", "Z/OL") and LAW_TITLE_END.search(title.strip()):
        etype = "legislation"  # 中华人民共和国教育法[Z]: a law or normative document tagged "other"
    if rest.lstrip().startswith("//"):
        return _gbt_part(f, tag, rest.lstrip()[2:], lang)
    in_m = cre.match(r"\s*In\s*:\s*", rest)
    if in_m and tag in ("C", "A", "M"):  # Title[C]. In: Editor, eds. Book. Place: Publisher, 1999: 252-266.
        return _gbt_part(f, tag, rest[in_m.end() :], lang)
    url_m = find_url(rest)
    url = clean_url(url_m.group(0)) if url_m else None
    r = rest[: url_m.start()] if url_m else rest
    if " " in r:
        r = _SPACED_PAGES_TAIL.sub(lambda m: m[0].replace(" ", ""), r)
    locator = None
    if tag.endswith("/OL") and tag != "EB/OL":
        ud = cre.search(r"\[(\d{4}-\d{2}-\d{2})\]", r)  # …: 889-910[2022-11-30]: the access date of [J/OL], [M/OL] …
        if ud:
            f["urldate"], r = ud.group(1), r[: ud.start()] + r[ud.end() :]
    part = _VOLUME_PART.search(f["title"]) if tag in ("M", "M/OL") and f["title"][-1:] in ")）" else None
    if part:  # 中国近代教育史资料(中册)[M]: the volume named by its part, as 上册 is 上 (docs/fields.md)
        f["title"], f["volume"] = f["title"][: part.start()].rstrip(), part.group(1)
    std = _STANDARD_NUMBER.search(f["title"]) if tag in ("S", "S/OL") else None
    if std:  # 信息安全技术 个人信息安全规范:GB/T 35273—2020[S]: the standard's number closes its title
        f["title"], f["number"] = f["title"][: std.start()].rstrip(), std.group(1)
    pat = _PATENT_NUMBER.search(f["title"]) if tag in ("P", "P/OL") else None
    if pat:  # 一种数据传输方法及装置: CN110012345A[P]: so does a patent's
        f["title"], f["number"] = f["title"][: pat.start()].rstrip(), pat.group(1)
    if tag in ("J", "J/OL"):
        locator = _gbt_journal(f, r)
    elif tag in ("N", "N/OL"):
        locator = _gbt_newspaper(f, r)
    elif tag in ("M", "M/OL", "D", "R", "C", "A", "G", "S"):
        locator = _gbt_book(f, tag, r)
    else:  # an online item's access date may follow its URL: …/t20140408.html. [2020-04-20]
        _gbt_online_dates(f, r + " " + rest[url_m.end() :] if url_m else r)
    if url:
        f["url"] = url
    f["langid"] = lang
    return Parsed(type=etype, fields=_order(f), locator=locator, names=[])


def parse_gbt_untagged_online(text: str) -> Parsed | None:
    """``Author.Title.URL [access date]`` in a Chinese reference list: read as the ``[EB/OL]`` it
    leaves out (None unless the author and the title are CJK text)."""
    m = gbt_untagged_online(text)
    if not m:
        return None
    return parse_gbt_tagged(text[: m.end("title")] + "[EB/OL]" + text[m.end("title") :])


# 作者.题名.刊名,2019,43(1):3-17. / 刊名 . 1991, (2): 47 -50 .: a GB/T article whose ``[J]`` a database's
# listing leaves out; no part but the range holds a full stop, so each group ends at the first one
_GBT_UNTAGGED_ARTICLE = re.compile(
    r"^(?P<au>[^.．\[\]]{2,80}?)\s*[.．]\s*(?P<t>[^.．\[\]]{2,200}?)\s*[.．]\s*(?P<j>[^.．,，\[\]\d]{2,60}?)\s*[.,，．]\s*"
    r"(?P<y>(?:1[89]|20)\d\d)\s*[,，]\s*(?P<v>\d{1,4})?\s*[(（]\s*(?P<n>\d{1,4})\s*[)）]\s*[:：]\s*"
    r"(?P<pp>\d{1,5}(?:\s*[-–—~]\s*\d{1,5})?)\s*[.．]?\s*$"
)


def parse_gbt_untagged_article(text: str) -> Parsed | None:
    """``Author.Title.Journal,Year,Vol(Issue):Pages`` in a Chinese reference list: read as the ``[J]``
    it leaves out (None unless the author and the title are CJK text)."""
    m = _GBT_UNTAGGED_ARTICLE.match(text.strip())
    if not m or not HAN.search(m["au"]) or not HAN.search(m["t"]):
        return None
    pages = cre.sub(r"\s+", "", m["pp"])
    return parse_gbt_tagged(f"{m['au']}.{m['t']}[J].{m['j']},{m['y']},{m['v'] or ''}({m['n']}):{pages}.")


# a book's volume named by its part in brackets closing the title: (上册), （下）, (中卷)
_VOLUME_PART = re.compile(r"[（(]([上中下])\s*[册冊卷巻]?[）)]$")
# a standard's number after its title: GB/T 35273—2020, GB 5749-2006, ISO 9001:2015, JIS X 0208:1997
_STANDARD_NUMBER = re.compile(
    r"\s*[:：]?\s*((?:GB(?:/[TZ])?|[A-Z]{2,4}/T|ISO(?:/IEC)?|IEC|JIS\s+[A-Z]|DB\d{2}(?:/T)?)\s*[\d.]+(?:\s*[—–\-:]\s*\d{4})?)$"
)
# a patent's number after its title: CN110012345A, US 7654321 B2, ZL201510012345.6, EP1234567
_PATENT_NUMBER = re.compile(r"[:：]\s*((?:[A-Z]{2}|ZL)\s?\d{5,12}(?:\.\d)?(?:\s?[A-Z]\d?)?)$")
# ``2014:1 2 5-1 2 7.``: the pages closing the item, spaced digit by digit by a PDF (after the colon
# that only pages follow; each run of single digits is deterministic: linear)
_SPACED_PAGES_TAIL = re.compile(r"(?<=[:：])\s*\d(?: \d)+(?:\s*[-–—~]\s*\d(?: \d)*)?(?=\s*[.．。]?\s*$)")
# ``:85-90,95``: an article that goes on on a later page (GB/T 7714 joins the pieces with a comma)
_MORE_PAGES = re.compile(r"(?:[,，]\d{1,5}(?:[-–—~]\d{1,5})?)+(?=\s*[.．。]?\s*$)")
# an English book's translators or editors after its [M] tag, up to the place of publication
_GBT_WESTERN_RESP = re.compile(
    r"^\s*(?P<role>Trans(?:lated)?\.?(?:\s+by)?|Tr\.|Ed(?:ited)?\.?(?:\s+by)?|Eds\.)\s+(?P<who>.+?)\.\s+"
    r"(?=[A-Z][^.:：]{1,40}[:：])"
)
# ``WARD J, trans.`` / ``SMITH A, LEE B, eds.``: names, then their role, before the place
_GBT_WESTERN_ROLE_AFTER = re.compile(r"^\s*(?P<who>[A-Z][^.:：\[\]]{0,80}?)\s*,\s*(?P<role>trans|tr|eds?)\.\s*")
_INITIAL_CUT = re.compile(r"(?:^|[\s.])[A-Z]$")  # R, J.R, the S of U.S: no end of the list
_GIVEN_FIRST_COMMA = (
    # (a given name in small letters: ``WHITFORD S. Silk, …`` is GB/T's capitals, then the title)
    r"^(?P<au>[A-Z](?=\w*[a-z])[\w'’\-]+(?:\s+[A-Z]\.)+\s+[A-Z][\w'’\-]+),\s+[\"“]?(?P<title>[^\[\]]+?)(?<=[^\"”])[\"”]?"
)
_TAGGED = re.compile(r"\s*\[(?P<tag>[A-Z]+(?:/OL)?)\]\s*[.．。]?\s*(?P<rest>.*)$")


def _latin_author_split(text: str) -> re.Match | None:
    """A Western author written given-first with initials (``Kenneth N. Waltz. Title[M]``): the list
    ends at the last full stop before the title whose word is not an initial."""
    tag = cre.search(r"\[[A-Z]+(?:/OL)?\]", text)
    if not tag:
        return None
    stops = [m for m in cre.finditer(r"\.\s+", text[: tag.start()]) if not _INITIAL_CUT.search(text[: m.start()])]
    if not stops:
        # ``Alice D. Morland, Hedging in Asia[M]``: a Chicago-style name, closed by a comma
        return re.match(_GIVEN_FIRST_COMMA + _TAGGED.pattern, text)
    cut = stops[0]
    return cre.match(rf"^(?P<au>.{{{cut.start()}}})\.\s+(?P<title>[^\[\]]+?)" + _TAGGED.pattern, text)


def _gbt_authors(f: dict[str, str], au: str) -> None:
    """The author list before the title: CJK names, or Western ``JERVIS R, KEOHANE R O, et al``."""
    if HAN.search(au) or KANA.search(au) or HANGUL.search(au):
        names, _role, others = cjk_names(au.replace(",", "、").replace("，", "、"))
        f["author"] = format_cjk_names(names, others)
    else:
        raw = [a.strip() for a in cre.split(r",\s*", au) if a.strip()]
        others = any(cre.match(r"et al", a) for a in raw)
        raw = [a for a in raw if not cre.match(r"et al", a)]
        f["author"] = names_field([_gbt_western_name(a) for a in raw], others)


def _gbt_journal(f: dict[str, str], r: str) -> str | None:
    """``Journal, 2014, 30(5): 102-128``: journal, year, volume, issue and pages (also the locator)."""
    locator = None
    jm = cre.match(
        r"^\s*(?P<j>[^,，]+)[,，]\s*(?P<y>\d{4})\s*[,，]?\s*(?P<v>\d+)?\s*(?:[(（](?P<n>[^)）]+)[)）])?\s*(?::|：)?\s*(?P<pp>[\d\-–—~]+)?",
        r,
    )
    if jm:
        f["journaltitle"] = jm["j"].strip()
        f["date"] = jm["y"]
        if jm["v"]:
            f["volume"] = jm["v"]
        if jm["n"]:
            f["number"] = jm["n"].lstrip("0") if jm["n"].isdigit() and jm["n"].strip("0") else jm["n"]  # 2015(07) -> 7
        if jm["pp"]:
            more = _MORE_PAGES.match(r, jm.end())
            f["pages"] = cre.sub(r"[–—~]", "-", jm["pp"] + (more[0].replace("，", ",") if more else "")).strip("-")
            locator = f["pages"]
    return locator


def _gbt_newspaper(f: dict[str, str], r: str) -> str | None:
    """``人民日报, 2013-01-30(1)``: the newspaper, the date and the page (the article's page and the
    page cited: both ``pages`` and the locator, as for a journal article's range)."""
    nm = cre.match(r"^\s*(?P<j>[^,，]+)[,，]\s*(?P<d>[\d\-]+)\s*(?:[(（](?P<b>\d+)[)）])?", r)
    f["entrysubtype"] = "newspaper"
    if nm:
        f["journaltitle"] = nm["j"].strip()
        f["date"] = nm["d"]
        if nm["b"]:
            f["pages"] = nm["b"]
    return f.get("pages")


def _gbt_book(f: dict[str, str], tag: str, r: str) -> str | None:
    """After a book, thesis, report or proceedings tag: an edition, responsibility segments
    (translators, editors), then ``Place: Publisher, Year: pages``; returns the cited pages."""
    locator = None
    em = cre.match(r"^\s*(?:(\d+)\s*版|(\d+)(?:st|nd|rd|th)\s+ed)\s*[.．。]\s*", r)
    if em:  # 秦亚青. 关系与过程[M]. 2版. 上海: …
        f["edition"] = em.group(1) or em.group(2)
        r = r[em.end() :]
    while True:  # 费正清. 剑桥中华民国史[M]. 杨品泉, 等译. 北京: …  (responsibility segments)
        rm_ = GBT_RESP_RE.match(r)
        if not rm_:
            break
        who = rm_["who"].strip(" ,，")
        others = bool(rm_["etc"]) or bool(cre.search(r"\s*等$", who))
        who = cre.sub(r"\s*等$", "", who).strip(" ,，")
        if HAN.search(who) or KANA.search(who) or HANGUL.search(who):
            names, _r, o2 = cjk_names(who.replace(",", "、").replace("，", "、"))
            value = format_cjk_names(names, others or o2)
        else:
            raw = [a.strip() for a in cre.split(r",\s*", who) if a.strip()]
            value = names_field([_gbt_western_name(a) for a in raw], others)
        field = "translator" if rm_["role"].endswith(("译", "譯")) else "editor"
        if value:
            f.setdefault(field, value)
        r = r[rm_.end() :]
    wm = _GBT_WESTERN_RESP.match(r) if r[:4].lstrip()[:2] in ("Tr", "Ed") else None
    if wm:  # Heidegger M. Being and Time[M]. Trans. John Macquarrie and Edward Robinson. Oxford: …
        names, others, _r = western_names(wm["who"])
        f.setdefault("editor" if wm["role"].startswith("Ed") else "translator", names_field(names, others))
        r = r[wm.end() :]
    rm_ = _GBT_WESTERN_ROLE_AFTER.match(r) if "." in r else None
    if rm_:  # Title[M]. WARD J, trans. Leiden: …: the names first, then the role, as in the 2015 standard
        raw = [a.strip() for a in cre.split(r",\s*", rm_["who"]) if a.strip()]
        others = bool(raw) and cre.fullmatch(r"et al\.?", raw[-1]) is not None
        value = names_field([_gbt_western_name(a) for a in raw if not cre.fullmatch(r"et al\.?", a)], others)
        f.setdefault("editor" if rm_["role"].startswith("ed") else "translator", value)
        r = r[rm_.end() :]
    # Place: Publisher, Year: pages; a place may hold a comma (Reading, Mass.; Princeton, NJ) and so may
    # a publisher (Little, Brown)
    pm = cre.match(
        r"^\s*(?:(?P<loc>[^:：]{1,40}?)[:：]\s*)?(?P<pub>[^:：]+?)[,，]\s*(?P<y>\d{4})(?:\s*[:：]\s*(?P<pp>[\d\-–—~]+))?",
        r,
    )
    if pm:
        if pm["loc"] and tag in ("D", "R"):
            f["location"] = pm["loc"].strip()  # 北京: 外交学院, 2018 / Geneva: ICTSD, 2018
        if tag == "D":
            f["type"] = "phdthesis" if "博士" in r or "PhD" in r else "thesis"
            f["institution"] = pm["pub"].strip()
        elif tag == "R":
            if cre.search(r"出版|Press|Publish", pm["pub"]):
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
            locator = cre.sub(r"[–—~]", "-", pm["pp"])
    return locator


def _gbt_online_dates(f: dict[str, str], r: str) -> None:
    """An online or other item: the publication date ``(2020-05-01)`` and the access date ``[2021-01-02]``."""
    # a date alone may be the publication date, not one in brackets: that is when it was accessed
    d = cre.search(r"\((\d{4}-\d{2}-\d{2})\)", r) or cre.search(r"(?<!\[)(\d{4}-\d{2}-\d{2})(?!\])", r)
    if d:
        f["date"] = d.group(1)
    ud = cre.search(r"\[(\d{4}-\d{2}-\d{2})\]", r)
    if ud:
        f["urldate"] = ud.group(1)


def _gbt_names(au: str) -> tuple[str, str | None]:
    """GB/T author/editor list -> (BibTeX names, role or None)."""
    au = au.strip()
    if HAN.search(au) or KANA.search(au) or HANGUL.search(au):
        names, role, others = cjk_names(au.replace(",", "、").replace("，", "、"))
        return format_cjk_names(names, others), role
    role = None
    m = cre.search(r",?\s*\(?(eds?|editors?)\.?\)?\.?$", au, re.I)
    if m:
        role = "editor"
        au = au[: m.start()]
    raw = [a.strip() for a in cre.split(r",\s*|\s+and\s+", au) if a.strip()]
    others = any(cre.match(r"et al", a) for a in raw)
    raw = [a for a in raw if not cre.match(r"et al", a)]
    return names_field([_gbt_western_name(a) for a in raw], others), role


def _gbt_part(f: dict[str, str], tag: str, rest: str, lang: str) -> Parsed:
    """``Title[M]//Editor. Book. Place: Publisher, Year: pages.`` (old GB/T 7714 analytic: a part of a
    book ([M]//, [A]//) or of proceedings ([C]//))."""
    # [C]// is a conference's proceedings, or (as many lists use it) an edited book: a host that names
    # no conference (``//AGRAWAL A, GANS J. The economics of …``) makes it a chapter
    conference = cre.search(
        r"Proceedings|Conference|Symposium|Workshop|Congress|Meeting|会议|年会|研讨会|論文集|论文集", rest
    )
    etype = "inproceedings" if tag == "C" and conference else "incollection"
    url_m = find_url(rest)
    url = clean_url(url_m.group(0)) if url_m else None
    r = (rest[: url_m.start()] if url_m else rest).strip()
    r = cre.sub(r"\[(?:M|C|A|G)\]", "", r)
    locator = None
    place_only = None
    pm = cre.search(
        r"(?P<loc>[^.．。:：,，]+)\s*[:：]\s*(?P<pub>[^,，:：]+?)\s*[,，]\s*(?P<y>\d{4})(?:\s*[:：]\s*(?P<pp>[\d\-–—~]+))?\s*[.．。]?\s*$",
        r,
    )
    head = r[: pm.start()] if pm else r
    if not pm:
        pm2 = cre.search(
            r"(?P<pub>[^.．。,，]+?)\s*[,，]\s*(?P<y>\d{4})(?:\s*[:：]\s*(?P<pp>[\d\-–—~]+))?\s*[.．。]?\s*$", r
        )
        if pm2 and cre.search(r"出版|Press|Publish|书局|書店", pm2["pub"]):
            pm = pm2
            head = r[: pm.start()]
        elif pm2 and cre.fullmatch(r"[\u4e00-\u9fff]{2,6}|[A-Z][a-z]+(?: [A-Z][a-z]+)?", pm2["pub"].strip()):
            place_only = pm2  # …论文集.北京,2021:88-97: proceedings printed with a place and no publisher
            head = r[: pm2.start()]
    segs = [x.strip() for x in cre.split(r"[.．。]\s+|[．。]|\.(?=[\u4e00-\u9fff])", head) if x.strip()]
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
            locator = cre.sub(r"[–—~]", "-", pm["pp"]).strip("-")
            if "-" in locator:
                f["pages"] = locator
    elif place_only:
        f["location"], f["date"] = place_only["pub"].strip(), place_only["y"]
        if place_only["pp"]:
            locator = cre.sub(r"[–—~]", "-", place_only["pp"]).strip("-")
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
    if len(parts) == 2 and parts[0] in PINYIN_SURNAMES and cre.fullmatch(r"[A-Z][a-z]+", parts[1]):
        return f"{parts[0]}, {parts[1]}"  # GB/T puts the family name first: Zhang Feng
    if (
        len(parts) == 2
        and len(parts[0]) > 1
        and parts[0].isupper()
        and cre.fullmatch(r"[A-Z][a-z]+(?:-[a-z]+)?", parts[1])
    ):
        return f"{parts[0]}, {parts[1]}"  # ZHANG Wei, YAN Chen: GB/T's capitals mark the family name
    if len(parts) >= 2 and all(cre.fullmatch(r"[A-Z]{1,3}\.?", p) for p in parts[1:]):
        return f"{parts[0]}, {' '.join(parts[1:])}"  # KATZENSTEIN stays as printed (styles set the case)
    given = len(parts)
    while given > 1 and _is_initials(parts[given - 1]):
        given -= 1
    if 1 < given < len(parts) and all(p.isupper() for p in parts[:given]):
        # DE LA VALLIÈRE É, VAN DER BERG J: a family name of several words in capitals, then initials
        return f"{' '.join(parts[:given])}, {' '.join(parts[given:])}"
    return western_person(text)


def _is_initials(word: str) -> bool:
    """``J``, ``RO``, ``É``: initials as GB/T 7714 prints them, accented capitals too."""
    w = word.rstrip(".")
    return 0 < len(w) <= 3 and w.isalpha() and w.isupper()
