"""Author-date references: APA (:func:`parse_apa`), Harvard (:func:`parse_harvard`) and posts on
social media cited with their handle (:func:`parse_social`)."""

from __future__ import annotations

import re

from annobib.extract import rx as cre
from dataclasses import dataclass, field

from annobib.extract.fields.features import (
    _MONTH,
    ACCESS_EN,
    IGO_RE,
    KNOWN_MAGAZINE_RE,
    LATIN,
    MAGAZINE_RE,
    NEWS_RE,
    ORG_RE,
    REPORT_TITLE_RE,
    THINK_TANK_RE,
    _journal_fields,
    _mask_dates,
    _news_outlet,
    _order,
    brace_org,
    clean_url,
    iso_date,
    language_of,
    strip_trailing,
    find_url,
)
from annobib.extract.fields.model import Parsed
from annobib.extract.fields.names import names_field, western_names, western_person


# ---------------------------------------------------------------- APA (Family, I. I., & Family, I. (Year). Title. Journal, 1(2), 3-4.)

# (``Xu, Y.-h.``: the second initial of a hyphenated given name, Yu-hua, in small letter)
_APA_NAME = r"(?:(?:de|van|von|der|den|del|da|di|la|le)\s+)*[^\W\d_][\w'’\-‐‑]*(?:\s+[^\W\d_][\w'’\-‐‑]*){0,2},\s*[A-Z][a-z]?\.(?:\s?-?\s?[A-Z][a-z]?\.|-[a-z]\.)*(?:,\s*(?:Jr|Sr)\.)?"
APA_RE = re.compile(
    r"^(?:(?P<au>" + _APA_NAME + r"(?:(?:,\s*|,?\s*&\s*)" + _APA_NAME + r")*(?:,?\s*(?:&\s*)?(?:et al\.|\.\.\.|…))?)"
    r"|(?P<corp>(?:The\s+)?(?:(?:[A-Z]\.){2,3}\s+)?[A-Z][\w&'’\-]*(?:\s+(?:[A-Z&][\w&'’\-]*|of|for|and|on)){0,7})\.)"
    r"\s*(?P<ed>\((?:Eds?|eds?)\.\)\.?)?"
    r"\s*\((?P<y>(?:1[5-9]|20)\d\d)[a-z]?(?:,\s*(?P<md>[A-Z][a-z]+\.?(?:/[A-Z][a-z]+)?(?:\s+\d{1,2})?))?\)\.\s+(?P<body>.+)$"
)
APA_JOURNAL = re.compile(
    r"^(?P<j>[^,]+(?:,\s*[^,\d(][^,]*)?),\s*(?:(?P<v>\d+)(?:\s*\((?P<n>[^)]+)\))?|\((?P<n2>\d+)\))"
    r"(?:,\s*(?:(?P<pp>[A-Za-z]?\d+(?:\s*[-–—]\s*[A-Za-z]?\d+)?)|[Aa]rticle\s+(?P<eid>[A-Za-z]?\d+)))?\.?\s*$"
)  # …, 270, Article 113634: an article number (biblatex eid) in place of pages
# ASA / Chicago author-date: American Political Science Review 101(2): 355-372.
ASA_JOURNAL = re.compile(
    r"^(?P<j>[^,:()]+?)\s+(?P<v>\d+)\s*(?:\((?P<n>[^)]+)\))?\s*:\s*(?P<pp>\d+(?:\s*[-–—]\s*\d+)?)\.?\s*$"
)
_APA_CHAPTER = re.compile(
    r"^In\s+(?P<eds>.+?)\s*\((?:Eds?|eds?)\.\),\s*(?P<book>.+?)(?:\s*\((?:(?P<ed>\d+)(?:st|nd|rd|th)\s+ed\.,\s*)?"
    r"(?:Vol\.\s*(?P<vol>\d{1,3}),\s*)?(?:[^()]*?,\s*)?pp?\.\s*(?P<pp>[\d–—-]+)\))?"
    r"\.\s*(?P<pub>[^.].*?)\.?$"
)
# In Proceedings of the Annual Conference (pp. 55–61). Springer.: a paper in a volume with no editors named
_APA_IN_VOLUME = re.compile(r"^In\s+(?P<book>[^()]{4,200}?)\s*\(pp?\.\s*(?P<pp>[\d–—-]+)\)\.\s*(?P<pub>[^.].*?)\.?$")
# the sentence boundaries of the body: the title is the text before one of them
_APA_STOP = re.compile(r"[.?!](?<!\b[A-Z][.?!])(?=\s+[A-Z(\[])")  # the stop first: the engine jumps to it
# APA 7 ``Retrieved May 2, 2023, from URL``; APA 6 ``Retrieved from URL`` (no date)
_APA_RETRIEVED = re.compile(r"\.?\s*Retrieved\s+(?:(?P<d>[^,]+,\s*\d{4}),\s*)?from\s*$")
_APA_BRACKET = re.compile(
    r"\s*\[(?P<kind>Doctoral dissertation|Master['’]s thesis|Master's thesis)[,\s]+(?P<inst>[^\]]+)\]\s*$"
)
# APA 6: ``Title (Doctoral dissertation). Institution, Location.`` / ``(Unpublished master's thesis)``
_APA6_THESIS = re.compile(
    r"\((?:Unpublished\s+)?(?P<kind>[Dd]octoral dissertation|[Mm]aster['’]s thesis)(?:,\s*(?P<inst>[^()]+))?\)\s*$"
)
_APA_TITLE_TAIL = re.compile(  # (CRS Report R41153): the series' number with or without its No.
    r"\s*\((?:(?P<rep>(?:[A-Z][\w.\-]*\s+){1,6}No\.|(?:[A-Z][\w.]*\s+){0,5}(?:Report|Paper|Brief|Publication)s?\s+(?:No\.)?)\s*"
    r"(?P<num>(?=[\w.\-/]*\d)[\w.\-/]+)"
    r"|(?P<num2>[A-Z]{2,8}(?:\s+|-)\d{2,4}[-–]\d{1,5}[A-Z]{0,3})|pp?\.\s*(?P<pp>[\d–—-]+))\)\s*$"
)  # (NCES 2021-144), (GAO-21-530SP): an agency's number; (OECD … Policy Papers No. 07), (Reference
# Data Series No. 2), (NEA No. 7299): a series in capitalised words, or its issuer's acronym, then the number


def parse_apa(text: str) -> Parsed | None:
    """An APA reference (common in Chinese economics journals' English notes): authors ``Family, I. I.``
    joined by ``, `` and ``&`` (or a body: ``World Bank.``), ``(Ed.).`` for editors; ``(Year)`` or
    ``(Year, Month Day)``; the title sentence; then a journal with ``vol(issue), pages``, ``In Eds
    (Eds.), Book (pp. x–y). Publisher.`` for a chapter or, for a book, the publisher."""
    m = APA_RE.match(text.strip())
    if not m:
        return None
    body, url, urldate = _apa_url(m["body"].strip())
    split = _apa_title_and_rest(body)
    if not split:
        return None
    title, rest, f, locator, etype = *split, {}, None, "book"
    date = m["y"]
    if m["md"]:
        date = iso_date(f"{m['md'].split('/')[0]} {m['y']}") or date
    title, locator, etype = _apa_title_tail(title, f, locator, etype)
    jm = APA_JOURNAL.match(rest)
    chapter = _APA_CHAPTER.match(rest)
    iv = _APA_IN_VOLUME.match(rest) if not chapter else None
    if etype == "inproceedings":  # [Paper presentation]. Annual Meeting, Toronto, ON, Canada.
        event, _, venue = rest.strip(" .").partition(", ")
        f["eventtitle"] = event
        if venue:
            f["venue"] = venue
    elif etype in ("thesis", "report") and len(rest) <= 80:
        if etype == "report" and rest.strip(" .") and not cre.search(r"\d|://", rest):
            # (NBER Working Paper No. 31877). National Bureau of …: the issuer (after its place, APA 6)
            f["institution"] = _place_and_publisher(f, rest.strip(" ."))
        elif etype == "thesis" and "institution" not in f and rest.strip(" .") and "://" not in rest:
            # (Doctoral dissertation). Institution, Location.: APA 6 closes with the place (City, Country)
            inst, _, place = rest.strip(" .").partition(", ")
            f["institution"] = inst
            if place:
                f["location"] = place
    elif jm:
        etype = "article"
        locator = _journal_fields(f, jm)
        if jm["eid"]:
            f["eid"] = jm["eid"]
    elif iv:
        etype = (
            "inproceedings" if cre.search(r"Proceedings|Conference|Symposium|Workshop", iv["book"]) else "incollection"
        )
        f["booktitle"], f["publisher"] = iv["book"].strip(), _place_and_publisher(f, iv["pub"].strip())
        f["pages"] = locator = cre.sub(r"\s*[–—-]\s*", "-", iv["pp"])
    elif chapter:
        etype = "incollection"
        editors = [
            e.strip()
            for e in cre.split(r",?\s*&\s*|,\s*(?=[A-Z]\.)|(?<=\.),\s*(?=[^\W\d_])", chapter["eds"])
            if e.strip()
        ]
        if chapter["ed"]:
            f["edition"] = chapter["ed"]  # Social epidemiology (2nd ed., pp. 290–319)
        if chapter["vol"]:
            f["volume"] = chapter["vol"]  # Handbook of labor economics (Vol. 3, pp. 1801–1863)
        f["editor"] = names_field([western_person(e) for e in editors], False)
        f["booktitle"] = chapter["book"].strip()
        if chapter["pp"]:
            f["pages"] = locator = cre.sub(r"\s*[–—-]\s*", "-", chapter["pp"])
        f["publisher"] = _place_and_publisher(f, chapter["pub"].strip())  # APA 6: New York, NY: Publisher
    elif (
        m["md"]
        and rest.strip(". ")
        and ":" not in rest
        and len(rest.rstrip(". ")) <= (120 if urldate else 60)  # Retrieved …, from URL: a page, its site may be long
        and (url or _news_outlet(rest.rstrip(". ")) or NEWS_RE.search(rest) or MAGAZINE_RE.search(rest))
    ):
        # Family, I. (2020, March 3). Title. The New York Times. URL: a dated news item or web page
        site = rest.rstrip(". ")
        kind = _outlet_kind(site)
        if kind:
            etype, f["journaltitle"], f["entrysubtype"] = "article", site, kind
        else:
            etype, f["organization"] = "online", site
    else:
        pub = rest.rstrip(". ")
        if len(pub) > 80:
            return None
        pub = _place_and_publisher(f, pub)
        if pub:
            f["publisher"] = pub
        elif not (m["corp"] and url):
            return None
        if m["corp"] and etype == "book":
            # a dated page retrieved (`Body. (2021, May 20). Title. Retrieved …, from URL`), or no
            # publisher but a retrieval date: APA 7 dates the retrieval of a web page, not a document
            undated = not pub and urldate and not (url or "").lower().endswith(".pdf")
            if (_dated_page(url, m["md"], urldate) or undated) and not REPORT_TITLE_RE.search(title):
                etype = "online"
            else:
                etype = "report" if url or REPORT_TITLE_RE.search(title) else etype
    role = "editor" if m["ed"] else "author"
    return _author_date_result(etype, {role: _apa_authors(m), "title": title, **f, "date": date}, url, urldate, locator)


def _dated_page(url: str | None, md: str | None, urldate: str | None) -> bool:
    """A body's item with a URL is a web page when it has a day (``(2021, May 20)``) or a retrieval
    date, and the URL is no PDF (``(2022, February)``, ``….pdf``: a document, read as a report)."""
    return bool(url) and (bool(md and cre.search(r"\d", md)) or bool(urldate)) and not url.lower().endswith(".pdf")


# ---------------------------------------------------------------- ASA (Family, Given. Year. Title. Place: Publisher.)

_ASA_FIRST = r"[^\W\d_][\w'’\-]*(?:\s+[^\W\d_][\w'’\-]*)?,\s*[A-Z][a-z'’\-]+(?:\s+[A-Z][a-z'’\-]+)?(?:\s+[A-Z]\.)*"
# a later author, given name first: ``David J. Jeremy``, ``Julia de Lacy Mann`` (a particle inside)
_ASA_MORE = r"[A-Z][\w.'’\-]*(?:\s+(?:[A-Z][\w.'’\-]*|(?:de|van|von|der|den|del|da|di|la|le|du|dos)(?=\s))){1,4}"
ASA_RE = re.compile(
    r"^(?:(?P<au>" + _ASA_FIRST + r"(?:(?:,\s*(?:and\s+)?|\s+and\s+)" + _ASA_MORE + r")*)"
    # ``———. 1990. Title.``: a list's dash for the authors of the item before (entries fills them in)
    r"|(?P<ditto>[―—]{2,}|-{2,}|_{2,}))"
    r"(?P<eds>,\s*eds?\.)?"  # ``Farnie, Douglas A., and David J. Jeremy, eds. 2004.``: the editors of a book
    r"\.?\s+(?P<y>(?:1[5-9]|20)\d\d)[a-z]?\.\s+(?P<body>.+)$"
)
# what ASA_RE cannot match without: a comma after the family name (or a ditto dash), and the year
# between a space and a period and space (the regex backtracks through every name before it fails)
_ASA_YEAR = re.compile(r"\s(?:1[5-9]|20)\d\d[a-z]?\.\s")
# ``Pp. 12-30 in Book, edited by A. Editor. Place: Publisher.`` (ASA) / ``In Book, edited by A. Editor,
# B. Editor, and C. Editor, 619-43. Place: Publisher.`` (Chicago): the editors end at the first stop
# that closes no initial; one match from there, as the rest is taken whole
_ASA_CHAPTER = re.compile(
    r"^(?:[Pp]p\.\s*(?P<pp>[\d–—-]+)\s+)?[Ii]n\s+(?P<book>.+?),\s*[Ee]dited\s+by\s+(?P<eds>.+?)"
    r"(?:,\s*(?P<pp2>\d+\s*[–—-]\s*\d+))?(?<!\b[A-Z])\.\s+"
    r"(?:(?P<loc>[^:]{2,40}):\s*)?(?P<pub>.*)$"
)
# ``Working Paper 2016-04, Leeds University Business School.``: a numbered paper of an institution
_ASA_REPORT = re.compile(
    r"^(?P<t>(?:[A-Z][A-Za-z]{1,12}\s+){0,2}(?:Report|Paper|Brief|Note|Memorandum|Study)(?:\s+No\.)?)"
    r"\s+(?P<n>[A-Z]{0,4}-?\d[\w\-/.]*?)[.,]\s+(?:(?P<loc>[^:]{2,40}):\s*)?(?P<inst>[A-Z].*)$"
)
_NAME_STOP = re.compile(r"(?<=[a-z]{2})\.$")  # ``Bishnupriya Gupta.``: the stop before the year, no initial's


def parse_asa(text: str) -> Parsed | None:
    """An ASA (Chicago author-date) reference, common in Chinese sociology's English items: ``Oi,
    Jean C. 1999. Title. Berkeley: University of California Press.`` / ``Tsai, Lily L. 2007. “Title.”
    Journal 101(2): 355-372.`` / ``Pp. 12-30 in Book, edited by A. Editor. Place: Publisher.``"""
    gate = "," in text or text[:1] in "―—-_"
    m = ASA_RE.match(text.strip()) if gate and _ASA_YEAR.search(text) else None
    if not m:
        return None
    body, url, urldate = _apa_url(m["body"].strip())
    q = cre.match(r"^[“\"](?P<t>.+?)[.,]?[”\"]\s*(?P<rest>.*)$", body)
    split = (q["t"], q["rest"].strip()) if q else _apa_title_and_rest(body)
    if not split:
        return None
    title, rest = split
    f: dict[str, str] = {}
    etype, locator = _asa_container(f, rest)
    if etype is None:
        return None
    if m["ditto"]:
        names = [m["ditto"]]  # the authors of the item before, filled in by the entries stage
    else:
        first, _sep, more = m["au"].partition(",")
        given_rest = cre.split(r",\s*(?:and\s+)?|\s+and\s+", more.strip())
        names = [f"{first.strip()}, {given_rest[0].strip()}"]
        names += [western_person(_NAME_STOP.sub("", n.strip())) for n in given_rest[1:] if n.strip()]
    f = {"editor" if m["eds"] else "author": names_field(names, False), "title": title.strip(), **f, "date": m["y"]}
    return _author_date_result(etype, f, url, urldate, locator)


def _asa_container(f: dict[str, str], rest: str) -> tuple[str | None, str | None]:
    """What follows an ASA title: a journal, a chapter's book, a numbered paper or an imprint, read
    into ``f``; the type (None: not an ASA reference) and the pages a note cites."""
    jm = ASA_JOURNAL.match(rest) or APA_JOURNAL.match(rest)
    if jm:
        return "article", _journal_fields(f, jm)
    chapter = _ASA_CHAPTER.match(rest)
    if chapter:
        f["booktitle"], f["publisher"] = chapter["book"].strip(), chapter["pub"].strip().rstrip(".")
        eds = [e for e in cre.split(r",\s*(?:and\s+)?|\s+and\s+", chapter["eds"]) if e.strip()]
        f["editor"] = names_field([western_person(e) for e in eds], False)
        if chapter["loc"]:
            f["location"] = chapter["loc"].strip()
        pp = chapter["pp"] or chapter["pp2"]
        locator = None
        if pp:
            f["pages"] = locator = cre.sub(r"\s*[–—-]\s*", "-", pp)
        return "incollection", locator
    report = _ASA_REPORT.match(rest)
    if report:
        f["type"], f["number"] = report["t"], report["n"]
        if report["loc"]:
            f["location"] = report["loc"].strip()
        f["institution"] = report["inst"].strip().rstrip(".")
        return "report", None
    pub = _place_and_publisher(f, rest.rstrip(". "))
    if not pub or len(pub) > 80:
        return None, None
    f["publisher"] = pub
    return "book", None


def _place_and_publisher(f: dict[str, str], pub: str) -> str:
    """``Berkeley: University of California Press``: the place into ``f``; the publisher returned."""
    place = cre.match(r"^(?P<loc>[^:]{2,40}):\s*(?P<pub>.+)$", pub)
    if place:
        f["location"] = place["loc"].strip()
        return place["pub"].strip()
    return pub


def _author_date_result(
    etype: str, f: dict[str, str], url: str | None, urldate: str | None, locator: str | None
) -> Parsed:
    if url:
        f["url"] = url
    if urldate:
        f["urldate"] = urldate
    f["langid"] = language_of(f["title"])
    return Parsed(type=etype, fields=_order(f), locator=locator, names=[])


def _apa_url(body: str) -> tuple[str, str | None, str | None]:
    """The body without its URL, DOI and ``Retrieved Month D, YYYY, from``; the URL and access date."""
    url_m = find_url(body)
    url = clean_url(url_m.group(0)).rstrip(".") if url_m else None
    urldate = None
    if url_m:
        body = body[: url_m.start()].strip()
        rm = _APA_RETRIEVED.search(body)
        if rm:
            urldate = iso_date(rm["d"]) if rm["d"] else None
            body = body[: rm.start()].strip()
    return cre.sub(r"\s*\b(?:doi|DOI)\s*:\s*\S+\s*$", "", body).strip(), url, urldate


def _apa_title_and_rest(body: str) -> tuple[str, str] | None:
    """The title sentence and what follows: the first sentence boundary after which the rest reads
    as a journal, a chapter's container, a short publisher or nothing (a sentence-case title may
    hold ``?`` and ``:`` before its end)."""
    # a stop inside brackets ends no title: U.S.-Japan relations (CRS Report No. R47390).
    stops = [m.end() for m in _APA_STOP.finditer(body) if body.count("(", 0, m.end()) <= body.count(")", 0, m.end())]
    for i, end in enumerate(stops):
        rest = body[end:].strip()
        if body[end - 1] in "?!" and APA_JOURNAL.match(rest):
            # The lowest fertility rates in the world? Evidence from …. Journal, 2(3), …: a question
            # the subtitle answers; the title ends at the later stop the journal also follows
            # (a subtitle of three words at least: ``Why? J. Appl. Psychol., 2(3)`` has an abbreviated journal)
            later = next((e for e in stops[i + 1 :] if APA_JOURNAL.match(body[e:].strip())), None)
            if later is not None and len(body[end:later].split()) >= 3:
                return _drop_stop(body[:later]), body[later:].strip()
        if (
            APA_JOURNAL.match(rest)
            or _APA_CHAPTER.match(rest)
            or _APA_IN_VOLUME.match(rest)
            or len(rest.rstrip(". ")) <= 80
            and "." not in rest.rstrip(". ")[:-4]
        ):
            return _drop_stop(body[:end]), rest
    if stops:
        return _drop_stop(body[: stops[0]]), body[stops[0] :].strip()
    return (_drop_stop(body), "") if body else None


def _drop_stop(title: str) -> str:
    title = title.strip()
    return title[:-1] if title.endswith(".") else title


# APA's description of a talk: ``[Paper presentation]``, ``[Poster session]``, ``[Conference session]``
_APA_PRESENTATION = re.compile(r"\s*\[(?:Paper|Poster|Conference)\s+(?:presentation|session)\]$")
# the credits APA prints in brackets after a book's title, ``;`` between them: ``(R. Nice, Trans.;
# 2nd ed.)``, ``(J. Doe & A. Roe, Eds.)``
_APA_CREDITS = re.compile(r"\s*\((?P<credits>[^()]{3,200}?,\s*(?:Trans|Eds?)\.(?:;[^()]{2,60})?)\)\s*$")
_APA_CREDIT = re.compile(r"^(?P<who>.+?),\s*(?P<role>Trans|Eds?)\.$|^(?P<ed>\d+)(?:st|nd|rd|th)\s+ed\.$")


def _apa_credits(f: dict, credits: str) -> None:
    """Translators, editors and the edition named in the brackets after a title."""
    for part in credits.split(";"):
        m = _APA_CREDIT.match(part.strip())
        if m and m["ed"]:
            f["edition"] = m["ed"]
        elif m:
            who = [western_person(w.strip()) for w in cre.split(r",?\s*&\s*|,\s*(?=[A-Z]\.)", m["who"]) if w.strip()]
            f["translator" if m["role"] == "Trans" else "editor"] = names_field(who, False)


def _apa_title_tail(title: str, f: dict, locator: str | None, etype: str) -> tuple[str, str | None, str]:
    """``[Doctoral dissertation, Georgetown University]``, ``(Report No. 17284)`` and ``(pp. 25–41)``
    after the title: a thesis, a report, the pages cited."""
    bm = _APA_BRACKET.search(title) if title.endswith("]") else _APA6_THESIS.search(title)
    if bm:
        f["type"] = "phdthesis" if bm["kind"][0] in "Dd" else "mathesis"
        if bm["inst"]:
            f["institution"] = bm["inst"].strip()
        return title[: bm.start()].strip(), locator, "thesis"
    pm = _APA_PRESENTATION.search(title) if title.endswith("]") else None
    if pm:  # Tracking and teacher expectations [Paper presentation]: given at a meeting
        return title[: pm.start()].strip(), locator, "inproceedings"
    cm = _APA_CREDITS.search(title) if "." in title[-20:] and title.endswith(")") else None
    if cm:  # Reproduction in education (R. Nice, Trans.; 2nd ed.)
        _apa_credits(f, cm["credits"])
        title = title[: cm.start()].strip()
    em = cre.search(r"\s*\((\d+)(?:st|nd|rd|th)\s+ed\.\)\s*$", title)
    if em:  # The precarious decade (2nd ed.)
        f["edition"] = em.group(1)
        title = title[: em.start()].strip()
    trm = cre.search(r"\s*\[(?P<tr>[^\[\]]{4,})\]\s*$", title)
    if trm and not _APA_BRACKET.search(title):  # 플랫폼 노동의 … [The spread of platform labour …]
        f["title_translation"] = trm["tr"].strip()
        title = title[: trm.start()].strip()
    tm = _APA_TITLE_TAIL.search(title)
    if tm and (tm["num"] or tm["num2"]):
        f["number"] = tm["num"] or tm["num2"]
        series = cre.sub(r"\s*No\.$", "", tm["rep"] or "").strip()
        if " " in series:  # (CRS Report No. R47390): the series is the report's type; (Report No. 5) names none
            f["type"] = series
        return title[: tm.start()].strip(), locator, "report"
    if tm and tm["pp"]:
        return title[: tm.start()].strip(), cre.sub(r"\s*[–—-]\s*", "-", tm["pp"]), etype
    return title, locator, etype


def _apa_authors(m: re.Match) -> str:
    if m["corp"]:
        return brace_org(m["corp"].strip())
    raw = [a.strip() for a in cre.split(r",?\s*&\s*|(?<=\.),\s*(?=[^\W\d_])", m["au"]) if a.strip()]
    others = any(cre.fullmatch(r"et al\.|\.\.\.|…", a) for a in raw)
    return names_field([cre.sub(r"\s+", " ", a) for a in raw if not cre.fullmatch(r"et al\.|\.\.\.|…", a)], others)


def _outlet_kind(name: str) -> str | None:
    """``magazine`` / ``newspaper`` for the outlet an author-date news item or web page names after
    its title (``The Economist``, ``The Guardian``); None for a web site."""
    if KNOWN_MAGAZINE_RE.fullmatch(name) or MAGAZINE_RE.search(name):
        return "magazine"
    if _news_outlet(name) or NEWS_RE.search(name):
        return "newspaper"
    return None


# ---------------------------------------------------------------- posts on social media (@online)

# Name (@handle), “Text,” Platform, Date, URL  /  Organization [@handle], “Text,” Platform, Date, URL
SOCIAL_RE = re.compile(
    r"^(?P<au>[^()\[\]“\"]{2,80}?)\s*[(\[]@(?P<h>\w{1,40})[)\]]\s*[,.]?\s*[“\"](?P<t>.+?)[,.]?[”\"]\s*[,.]?\s*"
    r"(?P<site>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})\s*,\s*(?P<rest>.+)$"
)


def parse_social(text: str) -> Parsed | None:
    """A post cited with its account handle: ``Name (@handle), “Text,” Twitter, August 1, 2019, URL``.
    biblatex ``@online``: ``author`` (the person, or the braced organization; the handle is dropped —
    it is in the URL), ``title`` = the post's text, ``organization`` = the platform, ``date``, ``url``."""
    m = SOCIAL_RE.match(text.strip())
    if not m:
        return None
    rest = m["rest"]
    url_m = find_url(rest)
    date = iso_date(_mask_dates(rest[: url_m.start()] if url_m else rest).replace("\x00", ","))
    if not date and not url_m:
        return None
    au = m["au"].strip()
    org = bool(
        ORG_RE.search(au)
        or THINK_TANK_RE.search(au)
        or cre.search(r"\s(?:of|for|and|on|the)\s", au)
        or cre.fullmatch(r"[A-Z0-9&]{2,10}", au)
    )
    f: dict[str, str] = {
        "author": brace_org(au) if org else western_person(au),
        "title": m["t"].strip().rstrip(","),
        "organization": m["site"].strip(),
    }
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
# Harvard lists (and Japanese sociology's Western items) also spell given names out: Brinkley, Mary C.
_HARVARD_NAME = (
    r"(?:(?:de|van|von|der|den|del|da|di|la|le)\s+)*[^\W\d_][\w'’\-]*(?:\s+[^\W\d_][\w'’\-]*){0,2},\s*"
    r"(?:[A-Z][a-z]?\.(?:\s?-?\s?[A-Z][a-z]?\.)*|[A-Z][a-z'’\-]+(?:\s+[A-Z][a-z'’\-]+)?(?:\s+[A-Z]\.)*)"
    r"(?:,\s*(?:Jr|Sr)\.)?"
)
HARVARD_RE = re.compile(
    r"^(?P<au>(?P<people>" + _HARVARD_NAME + r"(?:(?:,\s*|,?\s*(?:&|and)\s*)" + _HARVARD_NAME + r")*(?:,?\s*et al\.)?)"
    # a body's name may hold a comma: Foreign, Commonwealth & Development Office (2022)
    r"|(?P<corp>(?:The\s+)?[A-Z][\w.&'’\-]*(?:,?\s+" + _CORP_WORD + r"){0,7}))"
    r"(?:\s*(?P<eds>\((?:eds?|Eds?)\.?\)))?"
    r"\s*\((?P<y>(?:1[5-9]|20)\d\d|n\.\s?d\.)[a-z]?\)\s+(?P<body>[‘“'\"A-Z0-9].+)$"
)
# ``Tanaka, Y. 2016. Title.``: Harvard with the year unbracketed (read as ``Tanaka, Y. (2016) Title.``)
_HARVARD_BARE_YEAR = re.compile(
    r"^(?P<au>" + _HARVARD_NAME + r"(?:(?:,\s*|,?\s*(?:&|and)\s*)" + _HARVARD_NAME + r")*(?:,?\s*et al\.)?)"
    r"\s+(?P<y>(?:1[5-9]|20)\d\d[a-z]?)\.\s+(?=[‘“'\"A-Z0-9])"
)
# what _HARVARD_BARE_YEAR cannot match without: its year, a full stop and a space
_BARE_YEAR_CUE = re.compile(r"(?:1[5-9]|20)\d\d[a-z]?\.\s")
# ``Granovetter, M. S., 1973, "Title," Journal, 78(6): 1360-80.``: Japanese sociology's Western
# items (the Japan Sociological Society's style) set the year off by commas; read as Harvard
_HARVARD_COMMA_YEAR = re.compile(
    r"^(?P<au>" + _HARVARD_NAME + r"(?:(?:,\s*|,?\s*(?:&|and)\s*)" + _HARVARD_NAME + r")*(?:,?\s*et al\.)?)"
    r",\s+(?P<y>(?:1[5-9]|20)\d\d[a-z]?),\s+(?=[‘“'\"A-Z0-9])"
)
_COMMA_YEAR_CUE = re.compile(r", (?:1[5-9]|20)\d\d[a-z]?, ")
# ``Title. In: Smith, R. (ed.), Book.``: an unquoted chapter title ends where its book is introduced
_UNQUOTED_CHAPTER = re.compile(r"\.\s+(?=[Ii]n:?\s+[^()]{2,200}?\((?:eds?|Eds?)\.?\))")
# ``Title. PhD thesis. University.`` / ``… MA dissertation, University of X.``
_HARVARD_THESIS = re.compile(
    r"[.,]\s*(?P<kind>Ph\.?\s?D\.?|DPhil|Doctoral|MPhil|M\.?A\.?|M\.?Sc\.?|Master['’]?s?)\s+(?:thesis|dissertation)"
    r"[.,]?\s*(?:\(?(?:unpublished|Unpublished)\)?\s*)?(?P<inst>[A-Z][^.]{2,100}?)?\.?\s*$"
)
_HARVARD_ACCESS = re.compile(
    r"\.?\s*Available\s+(?:at|from)\s*:?\s*(?P<url>(?:https?://|www\.)\S+?)\s*"
    r"(?:[(\[]\s*(?:Accessed|Retrieved|Viewed)\s*:?\s*(?P<acc>[^)\]]+)[)\]]\s*)?\.?\s*$",
    re.I,
)
_HARVARD_MEDIUM = re.compile(r"\s*\[(?:[Oo]nline|ONLINE|Internet|[Ee]-?book|CD-ROM|[Pp]odcast|[Vv]ideo)\]")
_HARVARD_IMPRINT = re.compile(  # ``London and New York: Routledge``: two places, one publisher
    r"[.,]\s+(?P<loc>[A-Z][A-Za-z.'’\-]*(?:\s+[A-Z][A-Za-z.'’\-]*){0,3}"
    r"(?:\s+(?:and|&)\s+[A-Z][A-Za-z'’\-]*(?:\s+[A-Z][A-Za-z'’\-]*){0,2})?(?:,\s*[A-Z]{2}|,\s*D\.\s?C\.)?)\s*:\s*"
    r"(?P<pub>[^:]{2,80}?)(?:,\s*(?P<p>pp?)\.\s*(?P<pg>[A-Za-z]?\d+(?:\s*[-–—]\s*[A-Za-z]?\d+)?))?\.?\s*$"
)
# Title. Translated by P. Camiller. London: Verso / Title. Trans. A. Lee and B. Ng.: the translator
# after the title; cut before the imprint is read (the names' stops would otherwise open its place).
# The name ends where the place (``London:``, ``Washington, DC:``) or the text does.
_HARVARD_TRANSLATOR = re.compile(
    r"\.\s+(?:Translated|Trans\.|Tr\.)\s+(?:by\s+)?(?P<tr>[A-Z].{0,120}?)"
    r"(?:\.\s+(?=[A-Z][A-Za-z'’\- ]{0,40}(?:,\s*[A-Z]{2}|,\s*D\.\s?C\.)?\s*:)|\.?\s*$)"
)
_HARVARD_JOURNAL = re.compile(
    r"^(?:[,.]\s*)?(?P<j>[^,]+(?:,\s*[^,\d][^,]*)?),\s*(?P<v>\d+)(?:\s*\((?P<n>[^)]+)\))?"
    r"(?:(?:,\s*(?:pp?\.\s*)?|:\s*)(?P<pp>[A-Za-z]?\d+(?:\s*[-–—]\s*[A-Za-z]?\d+)?))?\.?\s*$"  # 78(6): 1360-80 too
)
# ``Title? Subtitle. Journal Name, 13(2): 10-17`` / ``…. Open Research Europe, 1: 78``: a Harvard
# article with its title unquoted; the journal (no full stop in it) and volume close the reference
_HARVARD_UNQUOTED_ARTICLE = re.compile(
    r"(?P<t>.+?[.?!])\s+(?P<j>[A-Z][^.,]{2,100}?),\s*(?P<v>\d{1,4})(?:\s*\((?P<n>[^)]{1,12})\))?"
    r"(?:,\s*(?:pp?\.\s*)?|:\s*)(?P<pp>[A-Za-z]?\d+(?:\s*[-–—]\s*[A-Za-z]?\d+)?)\.?\s*$"
)
_HARVARD_REPORT_NO = re.compile(
    # (Amherst College Working Paper No. 2011-03: the series may name its issuer; its No. is no part of it)
    r"[,.]\s*(?P<t>(?:[A-Z][A-Za-z]{1,8}\s+){0,4}(?:Report|Paper|Brief|Note|Memorandum|Study))(?:\s+No\.)?\s+(?P<n>[A-Z]{0,4}-?\d[\w\-/.]*)$"
    r"|,\s*(?P<sym>[A-Z]{2,}[A-Za-z]*(?:\(\d{4}\))?[/\-]?[\w()/.\-]*\d[\w()/.\-]*(?:\s+\d+)?(?:\s+[a-z]{2,6})?)$"
)
_HARVARD_CHAPTER = re.compile(
    r"^[,.]?\s*[Ii]n:?\s+(?P<eds>[^()]{2,200}?)\s*\((?:eds?|Eds?)\.?\)\s*,?\s*(?P<book>.+?)\."
    r"(?:\s+(?P<loc>[A-Z][A-Za-z.'’\-]*(?:\s+[A-Z][A-Za-z.'’\-]*){0,3}(?:,\s*[A-Z]{2})?)\s*:\s*(?P<pub>[^:,]{2,80}?))?"
    r"(?:,\s*pp?\.\s*(?P<pp>[A-Za-z]?\d+(?:\s*[-–—]\s*[A-Za-z]?\d+)?))?\.?\s*$"
)
# 'Title', … / "Title," … (the comma inside the quotes, American style)
_HARVARD_QUOTED = re.compile(r"^([‘“'\"])(?P<t>.+?)([’”'\"])(?:(?=\s*[,.]|\s*$)|(?<=[,.][’”'\"])(?=\s))(?P<rest>.*)$")
# ``, p. 9`` closing a newspaper or magazine item: the page, before the day and month are read
_HARVARD_PAGE_END = re.compile(r",\s*pp?\.\s*(?P<pg>[A-Za-z]?\d+(?:\s*[-–—]\s*[A-Za-z]?\d+)?)\.?\s*$")
_DAY_MONTH = re.compile(r",\s*(?P<d>\d{1,2}\s+" + _MONTH + r"|" + _MONTH + r"\s+\d{1,2}|" + _MONTH + r")\s*$")


@dataclass
class _HarvardRef:
    """What :func:`parse_harvard` has read of one reference so far: each step reads some of it and adds more.

    Each step copies the fields it reads into locals at its top and stores what it found at its
    end, so that its body reads like straight-line parsing code."""

    m: re.Match  # HARVARD_RE: authors (people or corp), year, body
    corp: str | None  # a corporate author
    acc: str | None = None  # the access date as printed
    body: str = ""
    chap: re.Match | None = None  # ``in Editor (ed.) Book``
    date: str = ""
    etype: str | None = None  # None until a step decides
    f: dict[str, str] = field(default_factory=dict)
    locator: str | None = None
    qm: re.Match | None = None  # the quoted title
    rest: str = ""  # the text after a quoted title
    title: str = ""
    url: str | None = None
    year: str = ""  # the year ('' for n.d.)


def parse_harvard(text: str) -> Parsed | None:
    """A Harvard (author-date) reference: ``Family, I.`` authors or a corporate author, ``(Year)``
    without a period after it, then ``'Title', Journal, vol(issue), pp. x-y`` (an article), an
    unquoted title with ``Place: Publisher`` (a book; a report when the author is an organization),
    a report or document number (``…, XYZ Report R123`` / ``…, COM(2019) 5 final``), a day and
    month completing the year, and ``Available at: URL (Accessed: date)``."""
    # each regex backtracks through the names before failing: tried only where its year can be
    m = HARVARD_RE.match(text.strip()) if "(1" in text or "(2" in text or "(n" in text else None
    if not m and text[:1].isupper() and _BARE_YEAR_CUE.search(text):
        bare = _HARVARD_BARE_YEAR.match(text.strip())
        m = HARVARD_RE.match(f"{bare['au']} ({bare['y']}) {text.strip()[bare.end() :]}") if bare else None
    if not m and text[:1].isupper() and _COMMA_YEAR_CUE.search(text, 0, 160):
        bare = _HARVARD_COMMA_YEAR.match(text.strip())
        m = HARVARD_RE.match(f"{bare['au']} ({bare['y']}) {text.strip()[bare.end() :]}") if bare else None
    if not m:
        return None
    corp = m["corp"]
    if corp and not (
        _news_outlet(corp)
        or NEWS_RE.search(corp)
        or ORG_RE.search(corp)
        or THINK_TANK_RE.search(corp)
        or IGO_RE.fullmatch(corp)
        or cre.fullmatch(r"[A-Z]{2,8}", corp)
        or len(corp.split()) >= 3
        or "Available " in m["body"]  # Lloyd's (2023) Our history. Available at: URL: a site's page
    ):
        return None  # "Smith (2019) …": a short form or prose, not a corporate author
    h = _HarvardRef(m=m, corp=corp)
    _harvard_url_and_title(h)
    if h.chap:
        _harvard_chapter(h)
    elif h.qm:
        _harvard_quoted_container(h)
    else:
        _harvard_unquoted(h)
    h.title = strip_trailing(h.title) if not h.title.endswith(("?", "!")) else h.title
    if len(h.title) < 3 or not any(c.isalpha() for c in h.title):
        return None  # ``World Bank, Ports Review, Washington, D.C., 2019, 22-24.``: pages, no title
    _harvard_authors(h)
    return _harvard_finish(h)


def _harvard_url_and_title(h: _HarvardRef) -> None:
    """The URL (``Available at: URL (Accessed: date)`` or a bare one), a DOI dropped, the title (quoted
    or not) and the rest after it, the year (none for ``n.d.``), and a chapter's ``in Editor (ed.) Book``."""
    m = h.m
    body = m["body"].strip()
    f: dict[str, str] = {}
    url = acc = None
    am = _HARVARD_ACCESS.search(body)
    if am:
        url, acc = clean_url(am["url"]), am["acc"]
        body = body[: am.start()].strip()
    else:
        um = find_url(body)
        if um:
            url = clean_url(um.group(0))
            body = body[: um.start()].rstrip(" .,")
    body = cre.sub(r"\s*\b(?:doi|DOI)\s*:\s*\S+\s*$", "", body).strip()
    if "[" in body:  # ``Title [online]. London: GLA.``: the medium, no part of the title
        body = _HARVARD_MEDIUM.sub("", body)
    locator = None
    etype = None
    qm = _HARVARD_QUOTED.match(body)
    if qm:
        title = qm["t"].strip().rstrip(",")
        rest = qm["rest"].strip()
    else:
        cut = _UNQUOTED_CHAPTER.search(body)
        title, rest = (body[: cut.start()], body[cut.start() :]) if cut else (body, "")
    year = m["y"] if m["y"][0].isdigit() else ""  # (n.d.): no date
    date = year
    chap = _HARVARD_CHAPTER.match(rest) if rest else None
    h.acc, h.body, h.chap, h.date, h.etype, h.f, h.locator, h.qm, h.rest, h.title = (
        acc,
        body,
        chap,
        date,
        etype,
        f,
        locator,
        qm,
        rest,
        title,
    )
    h.url, h.year = url, year


def _harvard_chapter(h: _HarvardRef) -> None:
    """``'Title', in Lee, H. (ed.) Book. Place: Publisher, pp. 10-30``: a chapter in an edited book."""
    chap, etype, f, locator = h.chap, h.etype, h.f, h.locator
    # 'Title', in Lee, H. (ed.) Book. Place: Publisher, pp. 10-30: a chapter
    etype = "incollection"
    eds = [a.strip() for a in cre.split(r",?\s*(?:&|\band\b)\s*|(?<=\.),\s*(?=[^\W\d_])", chap["eds"]) if a.strip()]
    f["editor"] = names_field([e for e in eds if e != "et al."], "et al." in eds)
    f["booktitle"] = chap["book"].strip()
    if chap["loc"]:
        f["location"], f["publisher"] = chap["loc"].strip(), chap["pub"].strip()
    if chap["pp"]:
        f["pages"] = cre.sub(r"\s*[-–—]\s*", "-", chap["pp"])
        locator = f["pages"]
    h.etype, h.locator = etype, locator


def _harvard_quoted_container(h: _HarvardRef) -> None:
    """``'Title', Journal, 31(2), pp. 140-162`` (an article), or an outlet with a day and month
    completing the year (``'Title', The Economist, 12 January``)."""
    date, etype, f, locator, rest, year = h.date, h.etype, h.f, h.locator, h.rest, h.year
    jm = _HARVARD_JOURNAL.match(rest)
    if jm:
        etype = "article"
        locator = _journal_fields(f, jm)
    else:
        seg = "," + rest.strip(" ,.")
        pm = _HARVARD_PAGE_END.search(seg)
        if pm:  # …', The Hindu, 12 May, p. 9
            locator = cre.sub(r"\s*[-–—]\s*", "-", pm["pg"])
            seg = seg[: pm.start()]
        dm = _DAY_MONTH.search(seg) if seg != "," else None
        if dm:  # …’, The Economist, 12 January: the day and month complete the year
            date = (iso_date(f"{dm['d']} {year}") or year) if year else ""
            seg = seg[: dm.start()]
        seg = seg.strip(" ,.")
        if seg and len(seg) < 60 and "," not in seg:
            kind = _outlet_kind(seg)
            if h.url and dm and not pm and kind != "newspaper":
                # …', East Asia Forum, 9 May. Available at: URL: a page of a site or magazine read
                # online (Harvard's form for web pages); the site is its organization
                f["organization"] = seg
                etype = "online"
            else:
                f["journaltitle"] = seg
                etype = "article"
                if kind:
                    f["entrysubtype"] = kind
    h.date, h.etype, h.locator = date, etype, locator


def _harvard_unquoted(h: _HarvardRef) -> None:
    """An unquoted title: ``Place: Publisher[, p. 88]``, ``[Online]``, an edition, a day and month, a
    report or document number (then a report)."""
    body, date, etype, f, locator, title, year = h.body, h.date, h.etype, h.f, h.locator, h.title, h.year
    trm = _HARVARD_TRANSLATOR.search(body) if "Tr" in body else None
    if trm:
        trs, tr_others, _role = western_names(trm["tr"])
        f["translator"] = names_field(trs, tr_others)
        body = body[: trm.start()] + ". " + body[trm.end() :]
    tm = _HARVARD_THESIS.search(body)
    if tm:  # Title. PhD thesis. University.
        etype = "thesis"
        f["type"] = "phdthesis" if cre.match(r"ph|d|doc", tm["kind"], re.I) else "mathesis"
        if tm["inst"]:
            f["institution"] = tm["inst"].strip()
        body = body[: tm.start()].strip()
    am = _HARVARD_UNQUOTED_ARTICLE.match(body) if not tm and body.rstrip(" .")[-1:].isdigit() else None
    if am:  # Title. Journal, 55(3): 322-341: an article whose title is not quoted
        etype, body = "article", am["t"]
        locator = _journal_fields(f, am)
    im = _HARVARD_IMPRINT.search(body) if not tm and not am else None
    if im:
        f["location"] = im["loc"].strip()
        pub = im["pub"].strip()
        if im["pg"]:
            locator = cre.sub(r"\s*[-–—]\s*", "-", im["pg"])
        body = body[: im.start()].strip()
        f["publisher"] = pub
    title = cre.sub(r"\s*\[(?:Online|online|Internet|E-book|eBook)\]", "", body)
    em = cre.search(r"\.\s*(\d+)(?:st|nd|rd|th)\s+(?:edn|ed|edition)\.?$", title)
    if em:  # Title. 2nd edn.
        f["edition"] = em.group(1)
        title = title[: em.start()]
    dm = _DAY_MONTH.search(title)
    if dm and cre.search(r"\d", dm["d"]) and year:
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
        if f.get("publisher"):  # …. Policy Brief 21/04. London: Royal United Services Institute: the issuer
            f["institution"] = f.pop("publisher")
    h.date, h.etype, h.locator, h.title = date, etype, locator, title


def _harvard_authors(h: _HarvardRef) -> None:
    """The authors: a corporate author (braced; or the outlet, or the site's organization, deciding
    the type when nothing else did), or the people listed ``Family, I.``."""
    corp, etype, f, m, qm, title, url = h.corp, h.etype, h.f, h.m, h.qm, h.title, h.url
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
            else:  # the organization before the year is the page's author, as in APA
                etype = "online"
        if author and etype == "article" and corp.strip().lower() in f.get("journaltitle", "").lower():
            author = None  # Economist (2023) '…', The Economist: the outlet, not an author
        if author:
            f["author"] = author
        if etype == "report" and f.get("publisher"):
            f["institution"] = f.pop("publisher")
    else:
        people = m["people"]
        etal = cre.search(r",?\s*et al\.$", people)
        if etal:
            people = people[: etal.start()]
        raw = [a.strip() for a in cre.split(r",?\s*(?:&|\band\b)\s*|(?<=\.),\s*(?=[^\W\d_])", people) if a.strip()]
        others = bool(etal) or any(cre.fullmatch(r"et al\.", a) for a in raw)
        names = [cre.sub(r"\s+", " ", a) for a in raw if not cre.fullmatch(r"et al\.", a)]
        if m["eds"]:  # Ferreira, L. and Kuan, J. (eds) (2014) Handbook: the editors of a collection
            f["editor"] = names_field(names, others)
        else:
            f["author"] = names_field(names, others)
        if etype is None:
            etype = ("collection" if m["eds"] else "book") if f.get("publisher") or not url else "online"
    h.etype = etype


def _harvard_finish(h: _HarvardRef) -> Parsed:
    """Title, date, URL and access date, language: the result."""
    acc, date, etype, f, locator, title, url = h.acc, h.date, h.etype, h.f, h.locator, h.title, h.url
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
