"""Court decisions and legislation: Chinese court cases (guiding cases, case numbers) as
``@jurisdiction``; US, UK and international cases cited the Western way (:func:`parse_case`); the
cues by which a CJK title is read as a law or normative document (used by :mod:`.cjk`)."""

from __future__ import annotations

import re

from annobib.extract import rx as cre

from annobib.extract.fields.features import YEAR, _order, iso_date
from annobib.extract.fields.model import Parsed


# ---------------------------------------------------------------- court decisions (@jurisdiction)

GUIDING_CASE_RE = re.compile(
    r"(?P<court>最高人民法院|最高人民检察院)\s*(?:发布的?)?\s*(?:第\s*[\d一二三四五六七八九十百]+\s*批)?\s*指导(?:性)?案例\s*(?:第\s*)?(?P<n>\d+)\s*号"
)
CASE_NUMBER_RE = re.compile(
    r"[（(]\s*(?P<y>\d{4})\s*[）)]\s*(?P<c>[\u4e00-\u9fff][\u4e00-\u9fff\d\s]{0,16}?)\s*(?P<n>\d+)\s*号"
)
COURT_RE = re.compile(r"[\u4e00-\u9fff]{0,12}(?:人民法院|法院|人民检察院)")
FIRST_MARK_RE = re.compile(r"[《〈「『]")
# a case's name as a clause of its own: 某某诉某公司环境污染民事公益诉讼案
_CASE_NAME = re.compile(r"(?:^|[：:，,])\s*([^，,。：:]{2,60}?案)\s*(?:[，,。]|$)")
COURT_ABBR = {"最高法": "最高人民法院", "最高检": "最高人民检察院"}


def _court_case(text: str, p: Parsed) -> Parsed:
    """《…案》，最高人民法院指导案例 23 号 / （2019）最高法民终 123 号民事判决书: a court decision, biblatex
    ``@jurisdiction`` with ``number`` = the guiding-case or case number and ``institution`` = the court."""
    if "号" not in text:
        return p  # both patterns end with the number's 号
    title = p.fields.get("title") or ""
    guide = GUIDING_CASE_RE.search(text)
    caseno = CASE_NUMBER_RE.search(text)
    if not (
        guide
        or caseno
        and (cre.search(r"判决书|裁定书|调解书|决定书|案$", title) or cre.search(r"判决书|裁定书|调解书", text))
    ):
        return p
    f = dict(p.fields)
    for k in ("journaltitle", "publisher", "location", "organization", "entrysubtype", "type", "series"):
        f.pop(k, None)
    if caseno and not FIRST_MARK_RE.search(text):  # no title in marks: the case name, else the document
        name = cre.match(r"^\s*([^，,。]{2,60}?案)\s*[，,]", text)
        doc = cre.match(r"\s*(?:民事|刑事|行政)?(?:判决书|裁定书|调解书|决定书)", text[caseno.end() :])
        f["title"] = name.group(1) if name else cre.sub(r"\s+", "", caseno.group(0) + (doc.group(0) if doc else ""))
    if guide:
        f["number"] = f"指导案例{guide['n']}号"
        f["institution"] = guide["court"]
        name = _CASE_NAME.search(text) if not FIRST_MARK_RE.search(text) else None
        if name:  # 最高人民法院指导案例213号：某某诉某公司…案: the case named without marks, before or after
            f["title"] = name.group(1)
        issued = iso_date(text[guide.end() :]) if "date" not in f else None
        if issued:  # 指导案例131号（2019年）: the year the court issued the guiding case
            f["date"] = issued
    else:
        f["number"] = cre.sub(r"\s+", "", caseno.group(0))
        before = [m for m in COURT_RE.finditer(text[: caseno.start()]) if not m.group(0).endswith("检察院")]
        court = (before[-1] if before else None) or COURT_RE.search(
            text[caseno.end() :]
        )  # the court printed before the docket
        abbr = next((v for k, v in COURT_ABBR.items() if caseno["c"].startswith(k)), None)
        if court and court.group(0) not in f.get("title", ""):
            f["institution"] = court.group(0)
        elif abbr:
            f["institution"] = abbr
        dm = iso_date(text[caseno.end() :])
        f["date"] = dm or caseno["y"]
    p.type = "jurisdiction"
    p.fields = _order(f)
    p.understood = True  # a court and a docket number name the decision, title marks or not
    return p


# ---------------------------------------------------------------- a law by its number, unmarked

# 宗教法人法（昭和26年法律第126号）第1条: a Japanese law cited the Japanese way, without title marks,
# its era year and number in brackets after its name
JA_LAW_NUMBER_RE = re.compile(
    r"(?:明治|大正|昭和|平成|令和)\s*\d{1,2}\s*年\s*(?:法律|政令|勅令|省令|条約)\s*第\s*\d+\s*号"
)
_UNMARKED_LAW = re.compile(
    r"^\s*(?P<t>[^\s（(，,、。：:]{2,40}?)\s*[（(]\s*(?P<n>" + JA_LAW_NUMBER_RE.pattern + r")\s*[）)]"
)


# …の保護に関する法律, …法施行令: a Japanese law's name ends so, besides LAW_TITLE_END's endings (法律
# is not among those: 《社会与法律》 is a book; before a law's number it is the law)
_JA_LAW_ENDS = ("法律", "令")


def statute_by_number(text: str, p: Parsed) -> Parsed:
    """``宗教法人法（昭和26年法律第126号）``: an unmarked Japanese law, ``@legislation`` with its number."""
    m = _UNMARKED_LAW.match(text) if "号" in text else None
    if m is None or not (LAW_TITLE_END.search(m["t"]) or m["t"].endswith(_JA_LAW_ENDS)):
        return p
    f = {"title": m["t"], "number": cre.sub(r"\s+", "", m["n"]), "langid": "japanese"}
    return Parsed(type="legislation", fields=_order(f), locator=None, names=[], understood=True)


# ---------------------------------------------------------------- Western case law (@jurisdiction)

# a party's name may end in ", Inc." / ", Ltd." (Harrow v. Medline Sys., Inc., 912 F.3d 455)
_CORP_SUFFIXES = r"(?:,\s*(?:Inc|Ltd|Co|Corp|LLC|L\.L\.C|N\.A|S\.A|AG|plc|P\.C|L\.P|LLP)\.?)*"
# Name v. Name, 585 U.S. 667, 670 (9th Cir. 2018): volume, reporter, first page, pinpoint, (court year)
US_CASE_RE = re.compile(
    r"^(?P<t>[^,]{2,120}?"
    + _CORP_SUFFIXES  # Tahoe-Sierra Pres. Council, Inc. v. …: either party may be a company
    + r"\sv\.?\s[^,]{2,120}?"
    + _CORP_SUFFIXES
    + r"|(?:In re|Ex parte|In the Matter of)\s[^,]{2,200}?"
    + _CORP_SUFFIXES
    + r"),\s*(?P<v>\d{1,4})\s+(?P<r>[A-Z][A-Za-z0-9.'’ ]{0,24}?)"
    + r"(?:\s+\(\d{1,4}\s+[A-Z][A-Za-z.]{0,12}\))?"  # 36 U.S. (11 Pet.) 420: the early reporter's own volume
    + r"\s+(?P<p>\d{1,5})"
    r"(?:,\s*(?P<pin>\d{1,5}(?:\s*[-–]\s*\d{1,5})?))?\s*\((?P<court>[^()]*?)\s*(?P<y>(?:1[6-9]|20)\d\d)\)"
    r"(?:\s*\([^()]{2,60}\))*\.?$"
)  # (plurality opinion) / (per curiam) after the year
# Title (A v. B), [stage,] I.C.J. Reports 1986, p. 14 / …, PCA Case No. 2013-19, Award of 12 July 2016, para. 278
INTL_CASE_RE = re.compile(
    r"^(?P<t>[^()]{3,200}?\s*\((?:[^()]|\([^()]*\))*?(?:\bv\.?\s|(?<=[a-z.])/(?=[A-Z]))(?:[^()]|\([^()]*\))*\))\s*,\s*(?P<rest>.+)$"
)  # (Hung./Slovk.): the parties to a special agreement, a slash between them
# (Hung./Slovk.), (Federal Republic of Germany/Denmark; …): the parties, a slash between them
_SPECIAL_AGREEMENT = re.compile(r"\([A-Z][\w. ]{0,80}[a-z.]/[A-Z][^()]{0,200}\)")
# Prosecutor v. Tadić, Case No. IT-94-1-A, …: the case name runs to the first comma after its "v."
INTL_CASE_PLAIN_RE = re.compile(r"^(?P<t>[^(),]{2,200}?\bv\.?\s[^(),]{2,200}?)\s*,\s*(?P<rest>.+)$")
# R v Jogee [2016] UKSC 8, [12] / Donoghue v Stevenson [1932] AC 562 / Case C-362/14 Schrems v DPC [2015] ECLI:…
UK_CASE_RE = re.compile(
    r"^(?:Case\s+(?P<no>[A-Z]-?\d+/\d+)\s+)?(?P<t>[^,\[\]()]{1,120}?\sv\.?\s[^,\[\]()]{2,120}?)\s*,?\s*[\[(](?P<y>(?:1[6-9]|20)\d\d)[\])]\s*"
    r"(?P<ref>[\w.:]+(?:\s+[\w.:]+){0,3}?)(?:,\s*(?P<pin>(?:paras?\.\s*)?\[?\d+\]?(?:\s*[-–]\s*\[?\d+\]?)?))?\.?$"
)
CASE_CUE_RE = re.compile(
    r"\bReports\s+(?:1[89]|20)\d\d|\bCase\s+No\.|\bApplication\s+No\.|\b(?:Award|Judgment|Judgement|Advisory Opinion|Order|Decision)\b"
)
CASE_REPORTER_RE = re.compile(
    r"(?P<j>(?:[A-Z]\.?){2,6}\s+Reports)\s+(?P<y>(?:1[89]|20)\d\d)(?:,\s*pp?\.\s*(?P<p>\d+(?:\s*[-–]\s*\d+)?))?"
    # Bluebook: 1986 I.C.J. 14 / 1927 P.C.I.J. (ser. A) No. 10
    r"|(?P<y2>(?:1[89]|20)\d\d)\s+(?P<j2>I\.C\.J\.|P\.C\.I\.J\.(?:\s+\(ser\.\s*[AB]\))?)\s+(?P<p2>\d+)"
    r"(?:,\s*(?P<pin2>\d+(?:\s*[-–]\s*\d+)?)(?=\s*[,(]))?"  # 2010 I.C.J. 14, 83 (Apr. 20): the page cited
)
_AT_PAGE = re.compile(r"\bat\s+pp?\.\s*(\d+(?:\s*[-–]\s*\d+)?)")
_MONTH_DAY_END = re.compile(
    r"\((?P<m>(?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?)\s+(?P<d>\d{1,2})\)\s*$"
)
CASE_NO_RE = re.compile(  # ICSID Case No. ARB(AF)/97/1: a bracketed part inside the number
    r"(?:(?P<inst>[A-Z][A-Za-z.]{1,10})\s+)?(?:Case|Application)\s+No\.\s*(?P<n>(?:[\w\-/.]|\([A-Z]{1,4}\))+?)(?=[,.;]?\s|[,.;]?$)"
)


_UNCONTESTED = ("In re ", "Ex parte ", "In the Matter of ")  # case names without a "v."

# OSCOLA, an international court: Oil Platforms (Iran v United States of America) (Merits) [2003] ICJ
# Rep 161, para 12 / Legality of … Nuclear Weapons (Advisory Opinion) [1996] ICJ Rep 226
OSCOLA_REPORTED_CASE_RE = re.compile(
    r"^(?P<t>[^\[\]()]{3,250}?(?:\s*\([^()\[\]]{2,120}\))+)\s*\[(?P<y>(?:1[89]|20)\d\d)\]\s*"
    r"(?P<r>(?:ICJ|PCIJ|ITLOS|ECHR|ECR|EHRR|ILR|RIAA)(?:\s+(?:Rep|Reports|Ser\s+[AB]))?)\s+(?P<p>\d{1,5})"
    r"(?:\s*,\s*(?P<pin>(?:paras?\s+)?\d{1,5}(?:\s*[-–]\s*\d{1,5})?))?\s*\.?$"
)
# the stage of the proceedings after the parties: not part of the case's name
_STAGE = re.compile(
    r"\s*\((?:Merits|Judgment|Advisory Opinion|Preliminary Objections|Provisional Measures|Jurisdiction"
    r"(?: and Admissibility)?|Compensation|Interpretation|Order|Counter-Claims)\)\s*$"
)


def _oscola_reported_case(t: str) -> Parsed | None:
    """An international court's case in OSCOLA: the name with its parties (the stage dropped), the
    year in square brackets, the law report and first page; a paragraph cited is no page."""
    m = OSCOLA_REPORTED_CASE_RE.match(t)
    if not m:
        return None
    title = m["t"].strip()
    while _STAGE.search(title):
        title = _STAGE.sub("", title)
    f = {"title": title, "date": m["y"], "journaltitle": m["r"], "pages": m["p"], "langid": "english"}
    pin = m["pin"]
    locator = cre.sub(r"\s*[-–]\s*", "-", pin) if pin and not pin.startswith("para") else None
    return Parsed(type="jurisdiction", fields=_order(f), locator=locator, names=[])


def parse_case(text: str) -> Parsed | None:
    """A court decision or arbitral award cited the Western way: ``Name v. Name, 585 U.S. 667 (2018)``
    (volume, reporter, first page, pinpoint, court and year) or ``Title (A v. B), Judgment, I.C.J. Reports
    1986, p. 14`` / ``…, PCA Case No. 2013-19, Award of 12 July 2016, para. 278``. biblatex
    ``@jurisdiction``: ``title`` (the case name), ``journaltitle`` (the law report), ``volume``, ``pages``,
    ``number`` (the case number), ``institution`` (the court, as printed), ``date``."""
    t = text.strip()
    if "[" in t and "(" in t:
        p = _oscola_reported_case(t)
        if p:
            return p
    if " v" not in t and not t.startswith(_UNCONTESTED) and not ("/" in t and _SPECIAL_AGREEMENT.search(t)):
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
            locator = cre.sub(r"\s*[-–]\s*", "-", m["pin"])
    elif UK_CASE_RE.match(t):
        m = UK_CASE_RE.match(t)
        f["title"] = m["t"].strip()
        f["date"] = m["y"]
        ref = m["ref"].strip().rstrip(".")
        neutral = cre.fullmatch(
            r"(?P<c>[A-Z][A-Za-z]{1,8}(?:\s+(?:Civ|Crim|Admin|QB|KB|Ch|Fam|Comm|Pat|TCC))?)\s+(?P<n>\d+)", ref
        )
        report = cre.fullmatch(
            r"(?:(?P<v>\d{1,4})\s+)?(?P<r>[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*){0,2})\s+(?P<p>\d+)", ref
        )
        if neutral and (
            int(m["y"]) >= 2001 or not report
        ):  # [2016] UKSC 8: court and number (neutral citations date from 2001)
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
            locator = pin if pin.startswith(("para", "[")) else cre.sub(r"\s*[-–]\s*", "-", pin)
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
            f["journaltitle"] = rm["j"] or rm["j2"]
            f["date"] = rm["y"] or rm["y2"]
            if rm["p"] or rm["p2"]:
                f["pages"] = cre.sub(r"\s*[-–]\s*", "-", rm["p"] or rm["p2"])
                locator = cre.sub(r"\s*[-–]\s*", "-", rm["pin2"]) if rm["pin2"] else f["pages"]
            md = _MONTH_DAY_END.search(rest) if rm["y2"] else None
            if md:  # 1986 I.C.J. 14, ¶ 186 (June 27): the year before the reporter, the day at the end
                rest = rest + f" {md['m']} {md['d']}, {rm['y2']}"
        if cm:
            f["number"] = cm["n"].rstrip(".,")
            if cm["inst"]:
                f["institution"] = cm["inst"]
        d = iso_date(rest[rm.end() :] if rm else rest)
        if d and (not f.get("date") or len(d) > len(f["date"]) and d.startswith(f["date"])):
            f["date"] = d
        if not f.get("date"):
            y = YEAR.search(rest)
            if not y:
                return None
            f["date"] = y.group(1)
        para = cre.search(r"(\bparas?\.|¶+)\s*(\d+(?:\s*[-–]\s*\d+)?)", rest)
        at_page = _AT_PAGE.search(rest)
        if at_page:  # …, p. 624, at p. 674, para. 139: the page cited before its paragraph
            locator = cre.sub(r"\s*[-–]\s*", "-", at_page.group(1))
        elif para:
            locator = para.group(1).replace("¶", "para.") + " " + cre.sub(r"\s*[-–]\s*", "-", para.group(2))
    f["langid"] = "english"
    return Parsed(type="jurisdiction", fields=_order(f), locator=locator, names=[])


# Appellate Body Report, China — Measures …, WT/DS431/AB/R, adopted 29 August 2014, para. 5.12
# (Bluebook prints ``WTO Doc. WT/DS512/R`` before the symbol)
WTO_REPORT_RE = re.compile(
    r"^(?P<kind>Appellate\s+Body\s+Reports?|Panel\s+Reports?|Award\s+of\s+the\s+Arbitrators?),\s+(?P<t>.+?),\s+"
    r"(?:WTO\s+Doc\.\s+)?(?P<n>WT/DS\d+(?:/[A-Z0-9]+)*(?:\s+and\s+WT/DS\S+)?)(?:,\s*adopted\s+(?P<d>[^,]+?)|\s*\(adopted\s+(?P<d2>[^()]+)\))?"
    r"(?:,\s*(?P<para>(?:paras?\.|¶+)\s*\d+(?:\.\d+)*(?:\s*[-–]\s*\d+(?:\.\d+)*)?))?\.?\s*$"
)


def is_wto_report(text: str) -> bool:
    return "WT/DS" in text


def parse_wto_report(text: str) -> Parsed | None:
    """A WTO dispute report: ``Appellate Body Report, Title, WT/DS431/AB/R, adopted 29 August 2014``
    (or ``… WT/DS640/R (adopted Mar. 3, 2022)``) -> @jurisdiction with the dispute title, the document symbol as ``number``, the body as
    ``institution`` and the adoption date."""
    m = WTO_REPORT_RE.match(text.strip())
    if not m:
        return None
    body = "WTO Appellate Body" if m["kind"].startswith("Appellate") else "WTO " + m["kind"].split()[0]
    f = {"title": m["t"].strip(), "number": m["n"], "institution": body}
    adopted = m["d"] or m["d2"]  # ", adopted 6 November 1998" or Bluebook's "(adopted Mar. 3, 2022)"
    d = iso_date(adopted) if adopted else None
    if d:
        f["date"] = d
    f["langid"] = "english"
    locator = m["para"].replace("¶", "para.") if m["para"] else None
    return Parsed(type="jurisdiction", fields=_order(f), locator=locator, names=[])


# Bluebook UN documents: U.N. Conference on Trade & Dev., World Investment Report 2021, at 124, U.N. Doc.
# UNCTAD/WIR/2021 (2021), https://… [https://perma.cc/…]
UN_DOC_RE = re.compile(
    r"^(?P<org>[^,]{3,80}?),\s+(?P<t>[^,]{3,200}?),\s+(?:at\s+(?P<pin>\d+(?:\s*[-–]\s*\d+)?),\s+)?"
    r"U\.\s?N\.\s+Doc\.\s+(?P<sym>[A-Z][\w/.()\-]*\d[\w/.()\-]*?)\s+\((?P<d>[^()]*?(?:1[89]|20)\d\d)\)"
    r"(?:,\s*(?P<url>https?://\S+?))?(?:\s*\[https?://[^\]]+\])?\.?\s*$"
)


def is_un_doc(text: str) -> bool:
    return "Doc." in text and "N." in text


def parse_un_doc(text: str) -> Parsed | None:
    """``Body, Title, at 124, U.N. Doc. SYMBOL (2021), URL [archived URL]`` -> @report: the body as a
    corporate author, the document symbol as ``number``, the pinpoint as the locator (the bracketed
    archive link, a Bluebook habit, is dropped)."""
    m = UN_DOC_RE.match(text.strip())
    if not m:
        return None
    f = {"author": "{" + m["org"].strip() + "}", "title": m["t"].strip(), "number": m["sym"]}
    f["date"] = iso_date(m["d"]) or YEAR.search(m["d"]).group(1)
    if m["url"]:
        f["url"] = m["url"].rstrip(".,")
    f["langid"] = "english"
    locator = cre.sub(r"\s*[-–]\s*", "-", m["pin"]) if m["pin"] else None
    return Parsed(type="report", fields=_order(f), locator=locator, names=[])


# the word closing the title of a law, regulation or normative document (《…法》, …办法(试行), …的通知)
LAW_TITLE_END = re.compile(
    r"(?:法|法典|条例|規則|规定|规则|办法|细则|决定|通知|通告|意见|章程|规章|命令|公告|解释|公约|條約|条约|协定|議定書|议定书|宪章|법률|법|시행령|시행규칙|조약|협정)"
    r"(?:[（(](?:试行|暂行|草案|修订稿|征求意见稿|[一二三四五六七八九十]{1,3})[）)])?[）)]?$"
)  # …若干问题的规定（一）: a judicial interpretation issued in numbered parts
LEGAL_CUE_RE = re.compile(
    r"通过|公布|施行|修正(?![版本])|修订(?![版本])|颁布|发布|令\s*第\s*\d+\s*号|[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d+\s*号"
)
# bodies that issue laws and normative documents (全国人民代表大会常务委员会, 国务院, 财政部, 国家税务总局 …)
LEGAL_ISSUER_RE = re.compile(
    r"(?:人民代表大会|常务委员会|国务院|办公厅|人民政府|[^研]部|总局|[^新]局|署|人民银行|委员会)$"
)
# the number a law is promulgated under: 国务院令第686号, 国发〔2022〕14号; a Japanese law's era year and
# number (昭和26年法律第126号), a Korean law's (법률 제6967호)
DOC_NUMBER_RE = re.compile(
    r"[\u4e00-\u9fff]{0,16}令\s*第\s*\d+\s*号|[\u4e00-\u9fff]{1,8}\s*[〔\[［]\s*\d{4}\s*[〕\]］]\s*\d+\s*号"
    r"|" + JA_LAW_NUMBER_RE.pattern + r"|(?:법률|대통령령|총리령|[가-힣]{1,6}부령)\s*제\s*\d+\s*호"
)
