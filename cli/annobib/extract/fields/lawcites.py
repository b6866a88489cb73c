"""Secondary sources cited the way law journals cite them, where the year closes the citation in
brackets and no publisher or quotation marks may be printed:

* Bluebook articles ``Author, Title, 64 Emory L.J. 677, 690 (2015)`` (volume, journal, first page,
  pinpoint) and books ``Author, Title 45 (2d ed. 2015)`` (pinpoint before the brackets);
* OSCOLA books ``Author, Title (9th edn, OUP 2019) 112``, articles ``Author, 'Title' (1990) 1 EJIL 4,
  7`` and chapters ``Author, 'Title' in Editor and Editor (eds), Book (CUP 2012) 271, 280``.

The pinpoint is the locator; an article's first page is ``pages`` only as its start (its end is not
printed). Each builder returns None unless the whole shape matches, so other rows are tried.
"""

from __future__ import annotations

import re

from annobib.extract import rx as cre

from annobib.extract.fields.features import _order, iso_date
from annobib.extract.fields.model import Parsed
from annobib.extract.fields.names import looks_like_names, names_field, western_names

_PIN = r"\d{1,5}(?:\s*[-–—]\s*\d{1,5})?"
_YEAR = r"(?:1[6-9]|20)\d\d"
_CHAPTER_PIN = r"(?:\s*,?\s*(?:chs?|pts?)\s+\d{1,3}(?:\s*[-–]\s*\d{1,3})?)?"  # (OUP 2017) ch 4: no page
# a law-journal abbreviation: Emory L.J. / Tex. L. Rev. / Harv. Int’l L.J. / Yale J. Int’l L.
_JOURNAL = r"[A-Z][A-Za-z.&'’]*(?:\s+(?:[A-Z][A-Za-z.&'’]*|&|of|on|in|and|the))*?"
# a page of a supplement or an electronic page: S4, e12
_LETTERED_PIN = r"[Se]?\d{1,5}(?:\s*[-–—]\s*[Se]?\d{1,5})?"
BLUEBOOK_ARTICLE = re.compile(
    rf"^(?P<head>.+?),\s+(?P<vol>\d{{1,4}})\s+(?P<j>{_JOURNAL})\s+(?P<first>[Se]?\d{{1,5}})(?:,\s*(?P<pin>{_LETTERED_PIN}))?"
    rf"\s*\((?:[A-Z][a-z]{{2,8}}\.?\s+)?(?P<y>{_YEAR})\)\s*\.?$"
)
# ``Title, 1780–1860, at 31 (1977)``: "at" before the page where the title ends in a number
BLUEBOOK_BOOK = re.compile(
    rf"^(?P<head>.+?)(?:,\s+at(?=\s+\d))?\s+(?P<pin>{_PIN})?\s*\((?:(?P<ed>\d{{1,2}})(?:st|nd|rd|d|th)\s+ed\.\s*)?(?:(?P<eds>[^():\d]{{2,80}}?)\s+eds?\.,?\s+)?(?P<y>{_YEAR})\)\s*\.?$"
)  # (William N. Eskridge, Jr. & Philip P. Frickey eds., 1994): the editors of the edition cited
OSCOLA_BOOK = re.compile(
    rf"^(?P<head>.+?)\s*\((?:(?P<ed>\d{{1,2}})(?:st|nd|rd|th)\s+edn,\s*)?(?P<pub>[A-Z][^():,]{{1,60}}?)\s+(?P<y>{_YEAR})\)"
    rf"\s*(?P<pin>(?:{_PIN})(?:,\s*{_PIN})?)?{_CHAPTER_PIN}\s*\.?$"
)  # … (OUP 2017) ch 4: a chapter cited is no page, so no locator
OSCOLA_ARTICLE = re.compile(
    rf"^(?P<au>[^'‘’]{{2,120}}?),\s*['‘](?P<t>.+?)['’]\s*[\[(](?P<y>{_YEAR})[\])]\s*(?:(?P<vol>\d{{1,4}})\s+)?(?P<j>[A-Z][A-Za-z.&'’ ]{{1,60}}?)"
    rf"\s+(?P<first>\d{{1,5}})(?:,\s*(?P<pin>{_PIN}))?\s*\.?$"
)
OSCOLA_CHAPTER = re.compile(
    rf"^(?P<au>[^'‘’]{{2,120}}?),\s*['‘](?P<t>.+?)['’]\s+in\s+(?P<eds>.+?)\s*\((?:eds?|Eds?)\.?\)\s*,?\s*(?P<book>.+?)"
    rf"\s*\((?P<pub>[A-Z][^()]{{1,60}}?)\s+(?P<y>{_YEAR})\)\s*(?P<first>\d{{1,5}})?(?:,\s*(?P<pin>{_PIN}))?\s*\.?$"
)
# Bluebook chapter: Author, Title, in Book 45, 52 (Editor & Editor eds., 2018): the chapter's first
# page and the page cited after the book's title, its editors and year in the brackets
BLUEBOOK_CHAPTER = re.compile(
    rf"^(?P<head>.+?),\s+in\s+(?P<book>[A-Z][^()]{{2,200}}?)\s+(?P<first>\d{{1,5}})(?:,\s*(?P<pin>{_PIN}))?"
    rf"\s*\((?P<eds>[^():\d]{{2,120}}?)\s+eds?\.,\s*(?:(?P<ed>\d{{1,2}})(?:st|nd|rd|d|th)\s+ed\.\s*)?(?P<y>{_YEAR})\)\s*\.?$"
)
_OPENING_QUOTE = re.compile(r"(?:^|[\s,])['‘“\"]")  # a quoted title: not these shapes
_LAW_JOURNAL_WORD = re.compile(r"\b(?:L|J|Rev|Q|Law|Int['’]l|Y\.?B)\b\.?")
# a journal known by its acronym, as Bluebook prints medical and science journals: 325 JAMA 733
_ACRONYM_JOURNAL = re.compile(r"[A-Z]{3,6}")


_STUDENT_LABEL = re.compile(r"^(?:Note|Comment|Recent Case|Recent Development|Essay|Book Review|Article),\s+")


def _range(pin: str | None) -> str | None:
    return cre.sub(r"\s*[-–—]\s*", "-", pin) if pin else None


def _author_and_title(head: str) -> tuple[str | None, str] | None:
    """``Anil Chandran & Uyen P. Leigh, Data Localism`` -> (BibTeX names, title); the title alone
    when what stands before the first comma is no list of names."""
    # William H. Rogerson, Jr., Title / Henry M. Hart, Jr. & Albert M. Sacks, Title: the suffix's comma
    head = cre.sub(r",\s*(Jr|Sr)\.(?=,|\s+&\s|\s+and\s)", r" \1.", head)
    serial = _serial_authors(head)
    if serial:
        return serial
    for m in cre.finditer(r",\s+", head):
        who, title = head[: m.start()], head[m.end() :]
        title = _STUDENT_LABEL.sub("", title)  # Kristin Dale, Note, Rethinking …
        if looks_like_names(who) and not cre.search(r"\d", who):
            names, others, _role = western_names(who.replace(" & ", " and "))
            return names_field(names, others), title.strip()
        if len(who) > 120:
            break
    return None if "," in head else (None, head.strip())


def _serial_authors(head: str) -> tuple[str, str] | None:
    """``Ann Roe, Ben Poe & Cy Doe, Title``: three or more authors, commas between them and ``&``
    before the last, every part a person's name (a title holding ``&`` has a part that is not)."""
    amp = head.find(" & ")
    end = head.find(", ", amp) if amp > 0 else -1
    if end < 0:
        return None
    who = head[:end]
    parts = cre.split(r",\s+|\s+&\s+", who)
    if len(parts) < 3 or cre.search(r"\d", who) or not all(_PERSON.fullmatch(x) for x in parts):
        return None
    names, others, _role = western_names(who.replace(" & ", " and "))
    return names_field(names, others), head[end + 2 :].strip()


# a person as Bluebook prints one: Given (Middle initials) Family, Jr.
_PERSON = re.compile(r"[A-Z][\w'’\-]*\.?(?:\s+[A-Z][\w'’\-]*\.?){1,3}(?:\s+(?:Jr|Sr)\.)?")


# ``… 2603 (1997) (book review).``: a Bluebook parenthetical that describes the work, not its date
_DESCRIPTOR_END = re.compile(
    r"\s*\((?:book review|review essay|reviewing [^()]{3,120}|symposium|note|comment)\)\s*\.?\s*$", re.I
)


def parse_law_secondary(text: str) -> Parsed | None:
    t = _DESCRIPTOR_END.sub(".", text.strip())
    chapter = _bluebook_chapter(t) if ", in " in t else None
    return (
        chapter
        or _oscola_chapter(t)
        or _oscola_article(t)
        or _bluebook_article(t)
        or _oscola_book(t)
        or _bluebook_book(t)
    )


def _bluebook_chapter(t: str) -> Parsed | None:
    m = BLUEBOOK_CHAPTER.match(t)
    if not m or _OPENING_QUOTE.search(m["head"]) or not looks_like_names(m["eds"].replace(" & ", " and ")):
        return None
    split = _author_and_title(m["head"])
    if not split or not split[0]:
        return None
    author, title = split
    eds, ed_others, _role = western_names(m["eds"].replace(" & ", " and "))
    f = {"title": title, "booktitle": m["book"].strip(), "editor": names_field(eds, ed_others), "date": m["y"]}
    f["pages"] = m["first"]
    if m["ed"]:
        f["edition"] = m["ed"]
    return _finish("incollection", f, _range(m["pin"]) or m["first"], author)


def _finish(etype: str, f: dict[str, str], locator: str | None, author: str | None) -> Parsed:
    if author:
        f["author"] = author
    f["langid"] = "english"
    return Parsed(type=etype, fields=_order(f), locator=locator, names=[author] if author else [])


def _bluebook_article(t: str) -> Parsed | None:
    m = BLUEBOOK_ARTICLE.match(t)
    if not m or not (_LAW_JOURNAL_WORD.search(m["j"]) or _ACRONYM_JOURNAL.fullmatch(m["j"])) or " v. " in m["head"]:
        return None
    split = _author_and_title(m["head"])
    if not split:
        return None
    author, title = split
    f = {"title": title, "journaltitle": m["j"].strip(), "volume": m["vol"], "pages": m["first"], "date": m["y"]}
    return _finish("article", f, _range(m["pin"]), author)


def _bluebook_book(t: str) -> Parsed | None:
    return _book(BLUEBOOK_BOOK.match(t))


def _oscola_book(t: str) -> Parsed | None:
    return _book(OSCOLA_BOOK.match(t))


# a lone page before a Bluebook book's brackets that reads as a year is the title's (a book's page
# 1800-2099 is rare; Agenda 2030, Horizon 2020, Vision 2030 are common)
_YEAR_IN_TITLE = re.compile(r"(?:18|19|20)\d\d")


def _book(m: re.Match | None) -> Parsed | None:
    """A book in either style: ``Author, Title 45 (2d ed. 2015)`` / ``Author, Title (9th edn, OUP
    2019) 112``; not a case (``v.`` or ``v``, in either style: a US case's ``(Cal. 1983)`` looks like
    an OSCOLA imprint), not a quoted title, and an author is needed (a title and a year alone are too
    little to call a book)."""
    if not m or " v. " in m["head"] or " v " in m["head"] or _OPENING_QUOTE.search(m["head"]):
        return None
    split = _author_and_title(m["head"])
    if not split or not split[0]:
        return None
    author, title = split
    pin = (m["pin"] or "").split(",")[-1].strip() or None  # (OUP 2019) 271, 280: the last is cited
    if pin and m.re is BLUEBOOK_BOOK and pin == m["pin"].strip() and _YEAR_IN_TITLE.fullmatch(pin):
        title, pin = f"{title} {pin}", None  # Agenda 2030 (2016), Vision 2030: the title's year, no page
    before = _PIN_BEFORE_IMPRINT.search(title) if not pin and title.isupper() else None
    if before:  # FELD, THE STATE AS MERCHANT 45 (Oxford Univ. Press 2020): Bluebook's page before the imprint
        title, pin = title[: before.start()], before.group(1)
    f = {"title": title, "date": m["y"]}
    if m.groupdict().get("pub") and _MONTH_OR_SEASON.fullmatch(m["pub"].strip()):
        return None  # Journal, 76 (March 1995) 43-51: an issue's date in brackets, not an OSCOLA imprint
    if m.groupdict().get("pub"):
        f["publisher"] = m["pub"].strip()
    if m["ed"]:
        f["edition"] = m["ed"]
    eds = m.groupdict().get("eds")
    if eds and looks_like_names(eds.replace(" & ", " and ")):
        editors, ed_others, _r = western_names(eds.replace(" & ", " and "))
        f["editor"] = names_field(editors, ed_others)
    return _finish("book", f, _range(pin), author)


# a month or a season in brackets before the year is the date of a journal's issue, never a publisher
_MONTH_OR_SEASON = re.compile(
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Spring|Summer|Autumn|Fall|Winter)[a-z]*\.?"
)


# the page a small-caps (all capitals) Bluebook title is cited at, printed before its parenthetical
_PIN_BEFORE_IMPRINT = re.compile(r"\s+(\d{1,5}(?:\s*[-–]\s*\d{1,5})?)$")


def _oscola_article(t: str) -> Parsed | None:
    m = OSCOLA_ARTICLE.match(t)
    if not m or not looks_like_names(m["au"]):
        return None
    names, others, _role = western_names(m["au"].replace(" & ", " and "))
    f = {"title": m["t"].strip(), "journaltitle": m["j"].strip(), "pages": m["first"], "date": m["y"]}
    if m["vol"]:
        f["volume"] = m["vol"]
    return _finish("article", f, _range(m["pin"]) or m["first"], names_field(names, others))


def _oscola_chapter(t: str) -> Parsed | None:
    m = OSCOLA_CHAPTER.match(t)
    if not m or not looks_like_names(m["au"]):
        return None
    names, others, _role = western_names(m["au"].replace(" & ", " and "))
    editors, ed_others, _r = western_names(m["eds"].replace(" & ", " and "))
    f = {
        "title": m["t"].strip(),
        "editor": names_field(editors, ed_others),
        "booktitle": m["book"].strip(" ,"),
        "publisher": m["pub"].strip(),
        "date": m["y"],
    }
    if m["first"]:
        f["pages"] = m["first"]
    return _finish("incollection", f, _range(m["pin"]) or m["first"], names_field(names, others))


_BRACKETED_YEAR_END = re.compile(rf"\(\s*[^()]*{_YEAR}\)\s*(?:{_PIN}(?:,\s*{_PIN})?)?{_CHAPTER_PIN}\s*\.?\s*$")


_CLOSING_QUOTE = re.compile(r"['’]")
_AFTER_QUOTED = re.compile(rf"\s*(?:[\[(]{_YEAR}[\])]|in\s)")


def _quoted_then_year(text: str) -> bool:
    """``['‘][^'’]{3,}['’]`` then the year or ``in``, in one pass: the closing quote of any opening
    one is the next ``'``/``’``, so only the earliest opening quote before each closing one needs
    trying (a regex search retried every ``‘`` of a run up to its end: quadratic)."""
    prev = -1
    for m in _CLOSING_QUOTE.finditer(text):
        close = m.start()
        start = prev if prev >= 0 and text[prev] == "'" else text.find("‘", prev + 1, close)
        if start >= 0 and close - start > 3 and _AFTER_QUOTED.match(text, close + 1):
            return True
        prev = close
    return False


def law_journal_style(text: str) -> bool:
    """Law-journal style: the citation closes with its year in brackets (and a pinpoint), or an
    OSCOLA title in single quotes is followed by the year in brackets or by ``in`` and the editors."""
    text = _DESCRIPTOR_END.sub(".", text) if text.endswith((")", ").")) else text
    return bool(_BRACKETED_YEAR_END.search(text) or _quoted_then_year(text))


# ---------------------------------------------------------------- statutes, treaties, resolutions

_MONTH_DATE = (
    r"(?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+"
    + _YEAR
    + r"|\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+"
    + _YEAR
)
# a section's subsections, as printed right after its number: § 2703(d), § 824(b)(1)
_SUBSECTIONS = r"(?:\([a-z0-9]{1,4}\)){0,4}"
_CODE_SECTION = re.compile(
    rf"^(?:(?P<t>[^,()]{{3,150}}?),\s*)?(?P<code>\d{{1,3}}\s+U\.S\.C\.|[A-Z][a-z]{{1,5}}\.\s+[A-Z][a-z.]+\s+Code)"
    rf"\s*§§?\s*[\d.\-–]+[a-z]?{_SUBSECTIONS}(?:\s*\((?:[A-Za-z]+\s+)?(?P<y>{_YEAR})\))?\s*\.?$"
)
# Trade Expansion Act of 1962 § 232, 19 U.S.C. § 1862: the Act's own section, no part of its name
_SECTION_AFTER_TITLE = re.compile(r"\s+§§?\s*[\d.\-–]+[a-z]?$")
_STATUTE = re.compile(
    rf"^(?P<t>[^()]{{3,160}}?\bAct\b(?:\s+of\s+{_YEAR}|,\s*{_YEAR})?)\s*,\s*Pub\.\s*L\.\s*No\.\s*(?P<n>\d+-\d+)"
    rf"(?:[^()]*?\((?P<y>{_YEAR})\))?"
)
_PARTY = r"[A-Z][\w.]*(?: [A-Z][\w.]*)?"  # a party's short name: Japan, U.S., Gr. Brit.
_TREATY = re.compile(
    rf"^(?P<t>[^,;]{{0,200}}?\b(?:Convention|Treaty|Agreement|Protocol|Charter|Covenant|Accord)\b[^;]{{0,300}}?)"
    rf"(?:\s+arts?\.\s*(?:[\d, –-]+|[IVXL]+\b))?(?:,\s*(?P<parties>{_PARTY}(?:[-–]{_PARTY})+))?"  # Japan-U.S., U.S.-Gr. Brit.: the parties
    rf"\s*,\s*(?:(?:opened\s+for\s+signature|signed|adopted|done)\s+)?(?P<d>{_MONTH_DATE})"
    rf"(?:\s*,\s*(?P<within>[A-Z][^;]{{3,250}}?,\s*(?:Annex|Annexes|Appendix|Schedule)\s+[\w.]+))?"  # GATS in the WTO Agreement
    rf"\s*,\s*(?P<series>(?:\d{{1,5}}\s+)?(?:U\.N\.T\.S\.|E\.T\.S\.|C\.E\.T\.S\.|I\.L\.M\.|T\.I\.A\.S\.|U\.S\.T\.|L\.N\.T\.S\.|Stat\.|UNTS|ETS|ILM)[^;]*)$"
)
# an EU act in Bluebook form: Council Regulation 2016/679, 2016 O.J. (L 119) 1 (EU)
# OSCOLA: Vienna Convention … (adopted 23 May 1969, entered into force 27 January 1980) 1155 UNTS 331, art 31
_OSCOLA_TREATY = re.compile(
    rf"^(?P<t>[^()]{{3,200}}?)\s*\((?:adopted|signed|opened\s+for\s+signature|done)\s+(?P<d>{_MONTH_DATE})(?:,[^()]*)?\)"
    r"\s*(?P<v>\d{1,5})\s+(?P<s>UNTS|LNTS|ILM|UKTS|ETS|CETS)\s+(?P<p>\d{1,6})(?:\s*,\s*(?:arts?|paras?)\s+[\w().,\s–-]+)?$"
)
_EU_ACT = re.compile(
    rf"^(?P<t>[^,;]{{0,120}}?\b(?:Regulation|Directive|Decision)\b[^,;]{{0,120}}?)\s*,\s*(?P<y>{_YEAR})\s+O\.J\.\s*"
    rf"\((?P<n>[LC]\s*\d{{1,4}}(?:/\d+)?)\)\s*(?P<p>\d{{1,5}})(?:,\s*{_PIN})?(?:\s*\((?:EU|EC|EEC)\))?$"
)
_RESOLUTION = re.compile(
    rf"^(?P<t>(?:UNGA|UNSC|GA|SC|G\.A\.|S\.C\.)\s+Res\.?\s+[\w/()\-]+(?:\s+\([IVXLC]+\))?)\s*\((?P<d>{_MONTH_DATE})\)"
    rf"(?:\s*UN\s+Doc\s+(?P<doc>\S+))?"
)
_CONGRESS_REPORT = re.compile(
    rf"^(?P<t>(?:S\.|H\.R\.|H\.)\s*(?:Rep|Doc)\.\s*No\.\s*(?P<n>\d+-\d+))(?:,\s*at\s+(?P<pin>{_PIN}))?\s*\((?P<y>{_YEAR})\)"
)


_WESTERN_LAW_CUE_RE1 = re.compile(
    # \bUNTS\b, \bRes\b, \bRep\.: the boundary after the first letter, so every alternative opens
    # with a literal and the engine skips to candidates (features._WB)
    r"Pub\.\s*L\.|U\.N\.T\.S\.|L\.N\.T\.S\.|U\.S\.T\.|T\.I\.A\.S\.|E\.T\.S\.|I\.L\.M\.|U(?<!\w.)NTS\b|L(?<!\w.)NTS\b"
    r"|R(?<!\w.)es\b|R(?<!\w.)ep\.\s*No\.|§"
)  # (L.N.T.S., LNTS: the League of Nations Treaty Series, 1920-1946)


# a literal of each alternative of _WESTERN_LAW_CUE_RE1 (a test checks them against it)
_WESTERN_LAW_CUE_WORDS = (
    "Pub.",
    "U.N.T.S.",
    "L.N.T.S.",
    "U.S.T.",
    "T.I.A.S.",
    "E.T.S.",
    "I.L.M.",
    "UNTS",
    "LNTS",
    "Res",
    "Rep.",
    "§",
)
_STATUTES_AT_LARGE = re.compile(r"\d Stat\. \d")  # 8 Stat. 218: a treaty in the Statutes at Large


def western_law_cue(text: str) -> bool:
    for w in _WESTERN_LAW_CUE_WORDS:  # substring tests first: the regex opens with a class, tested everywhere
        if w in text:
            if _WESTERN_LAW_CUE_RE1.search(text):
                return True
            break
    if "O.J. (" in text:  # an EU act in the Official Journal
        return True
    return " Stat. " in text and _STATUTES_AT_LARGE.search(text) is not None


def parse_western_legislation(text: str) -> Parsed | None:
    """``Act, Pub. L. No. 115-141, … (2018)``, ``Convention …, Nov. 23, 2001, E.T.S. No. 185``,
    ``UNGA Res 2625 (XXV) (24 October 1970)``, ``Council Regulation 2016/679, 2016 O.J. (L 119) 1 (EU)``
    as ``@legislation``; ``S. Rep. No. 114-87, at 12 (2015)``
    as ``@report``."""
    t = text.strip().rstrip(".")
    m = _CODE_SECTION.match(t)
    if m:  # Clean Water Act, 33 U.S.C. §§ 1251–1387 (2018) / Cal. Civ. Code § 1798.100 (West 2020)
        code = cre.search(
            r"(?:\d{1,3}\s+U\.S\.C\.|[A-Z][a-z]{1,5}\.\s+[A-Z][a-z.]+\s+Code)\s*§§?\s*[\d.]+[a-z]?" + _SUBSECTIONS, t
        )
        f = {"title": _SECTION_AFTER_TITLE.sub("", (m["t"] or code.group(0)).strip())}
        if m["y"]:
            f["date"] = m["y"]
        return _finish("legislation", f, None, None)
    m = _STATUTE.match(t)
    if m:
        # the public law's number as sets 18 and 33 read it (114-90, not Pub. L. No. 114-90); where
        # the Statutes at Large print it is left out, as sets 7, 9 and 37 read it
        f = {"title": m["t"].strip(), "number": m["n"]}
        if m["y"]:
            f["date"] = m["y"]
        return _finish("legislation", f, None, None)
    m = _TREATY.match(t)
    if m:
        f = {"title": m["t"].strip(), "date": iso_date(m["d"]) or m["d"]}
        series = cre.fullmatch(  # 18 U.S.T. 2410, 610 U.N.T.S. 205: the first series printed
            r"(\d{1,5})\s+(U\.N\.T\.S\.|UNTS|I\.L\.M\.|ILM|T\.I\.A\.S\.|U\.S\.T\.|L\.N\.T\.S\.|Stat\.)\s+(\d{1,5})"
            r"(?:,\s*\d{1,5}\s+[A-Z][A-Za-z.]{1,12}\s+\d{1,5})*",
            m["series"].strip(),
        )
        if series:  # 1155 U.N.T.S. 331: the treaty series' volume and first page
            f["journaltitle"], f["volume"], f["pages"] = series.group(2), series.group(1), series.group(3)
        else:
            f["number"] = m["series"].strip()
        if m["within"]:
            f["note"] = m["within"].strip()  # the agreement it is annexed to, as printed
        return _finish("legislation", f, None, None)
    m = _OSCOLA_TREATY.match(t) if "(" in t else None
    if m:  # the series, its volume and first page; the article cited is no page, so no locator
        f = {"title": m["t"].strip(), "date": iso_date(m["d"]) or m["d"], "journaltitle": m["s"], "volume": m["v"]}
        f["pages"] = m["p"]
        return _finish("legislation", f, None, None)
    m = _EU_ACT.match(t) if "O.J." in t else None
    if m:  # the Official Journal's series and issue as number, its first page as pages
        f = {"title": m["t"].strip(), "date": m["y"], "journaltitle": "O.J.", "number": m["n"], "pages": m["p"]}
        return _finish("legislation", f, None, None)
    m = _RESOLUTION.match(t)
    if m:
        f = {"title": m["t"].strip(), "number": (m["doc"] or m["t"]).strip(), "date": iso_date(m["d"]) or m["d"]}
        return _finish("legislation", f, None, None)
    m = _CONGRESS_REPORT.match(t)
    if m:
        return _finish("report", {"title": m["t"], "number": m["n"], "date": m["y"]}, _range(m["pin"]), None)
    return None


# ---------------------------------------------------------------- Chinese law cited in English

# Bluebook's forms for Chinese law (T2 China), as law reviews print them in translation:
# ``Cybersecurity Law of the People's Republic of China (promulgated by the Standing Comm. Nat'l
# People's Cong., Nov. 7, 2016, effective June 1, 2017), art. 41 (China)`` — the date promulgated
# is the date; ``Supreme People's Court, Provisions on …, Fa Shi [2021] No. 15 (July 27, 2021)
# (China)`` — the issuer is the author, the document number in pinyin its number;
# ``A v. B Co., (2019) Zhe 0111 Min Chu No. 6971 (Hangzhou … People's Ct. Nov. 20, 2020) (China)``
# — a case: its docket number, court and date of decision.
_CN_TAIL = r"(?:,\s*(?:arts?\.|§§?)\s*[\d\-–, ]+)?(?:\s*\((?:China|P\.R\.C\.)\))?\.?$"
_CN_STATUTE = re.compile(
    rf"^(?P<t>[^()]{{3,200}}?)\s*\((?:promulgated|adopted|issued)\s+by\s+[^()]{{3,120}}?,\s*(?P<d>{_MONTH_DATE})"
    rf"(?:,\s*(?:effective|amended|revised|rev\.)[^()]*)?\){_CN_TAIL}"
)
_CN_DOC_NO = r"(?:[A-Z][a-z]{1,6}\s+){1,3}\[(?:19|20)\d\d\]\s*No\.\s*\d{1,4}"  # Fa Shi [2021] No. 15
_CN_INTERPRETATION = re.compile(
    rf"^(?P<a>[A-Z][^,()]{{2,80}}),\s*(?P<t>[^()]{{3,300}}?),\s*(?P<n>{_CN_DOC_NO})\s*\((?P<d>{_MONTH_DATE})\){_CN_TAIL}"
)
_CN_CASE = re.compile(
    rf"^(?P<t>[^()]{{2,200}}?\bv\.\s[^()]{{2,200}}?),\s*(?P<n>\((?:19|20)\d\d\)\s*[^()]{{3,80}}?No\.\s*\d{{1,6}})"
    rf"\s*\((?P<c>[^()]{{3,120}}?)\s+(?P<d>{_MONTH_DATE})\){_CN_TAIL}"
)


def chinese_law_in_english(text: str) -> bool:
    """The cheap test before :func:`parse_chinese_law_in_english`: its shapes all hold one of these."""
    return "(China)" in text or "promulgated by" in text or "] No. " in text


def parse_chinese_law_in_english(text: str) -> Parsed | None:
    """A Chinese statute, judicial interpretation or case cited in English, Bluebook style."""
    t = text.strip()
    m = _CN_STATUTE.match(t) if "by " in t else None
    if m:
        return _finish("legislation", {"title": m["t"].strip(), "date": iso_date(m["d"]) or m["d"]}, None, None)
    m = _CN_INTERPRETATION.match(t) if "] No." in t else None
    if m:
        f = {"title": m["t"].strip(), "number": m["n"], "date": iso_date(m["d"]) or m["d"]}
        return _finish("legislation", f, None, "{" + m["a"].strip() + "}")
    m = _CN_CASE.match(t) if " v. " in t else None
    if m:
        f = {
            "title": m["t"].strip(),
            "number": m["n"],
            "institution": m["c"].strip(),
            "date": iso_date(m["d"]) or m["d"],
        }
        return _finish("jurisdiction", f, None, None)
    return None
