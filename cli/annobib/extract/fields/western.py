"""Western (Chicago-like) notes: quoted article titles, unquoted book and report titles
(:func:`parse_western`)."""

from __future__ import annotations

import re

from annobib.extract import rx as cre
from dataclasses import dataclass, field

from annobib.extract.fields.archive import looks_like_western_archive, parse_western_archive
from annobib.extract.fields.features import (
    after_boundary,
    en_pages,
    ACCESS_EN,
    ACCESS_RE,
    access_date,
    PRESS_NAME,
    PUBLISHING_CITIES,
    has_access_cue,
    DOC_SYMBOL_RE,
    ZH_PAGES,
    EN_PAGES,
    IGO_RE,
    IGO_SERIES_RE,
    KNOWN_MAGAZINE_RE,
    MAGAZINE_RE,
    MONTHS,
    para_locator,
    NEWS_RE,
    ORG_RE,
    REPORT_CONTAINER_RE,
    REPORT_TITLE_RE,
    URL_RE,
    US_STATE_RE,
    YEAR,
    _find_quoted,
    _mask_dates,
    _month_number,
    _news_outlet,
    _order,
    _pp_date,
    _think_tank,
    _unmask,
    bare_page,
    clean_url,
    find_place_publisher,
    iso_date,
    language_of,
    norm_range,
    page_range,
    strip_trailing,
    find_url,
)
from annobib.extract.fields.model import Parsed
from annobib.extract.fields.names import looks_like_names, names_field, western_names


@dataclass(slots=True)  # built for every Western citation: slots make it and its reads cheaper
class _WesternNote:
    """What :func:`parse_western` has read of one note so far: each step reads some of it and adds more.

    Each step copies the fields it reads into locals at its top and stores what it found at its
    end, so that its body reads like straight-line parsing code."""

    text: str
    addon: str | None = None  # an English translation of a romanized title
    body: str = ""  # the note without URL and access date
    f: dict[str, str] = field(default_factory=dict)
    p: Parsed = field(default_factory=Parsed)
    url: str | None = None
    bare_locator: str | None = None  # the page after a Chicago imprint in parentheses
    pinpoint: str | None = None  # ``…, 133-58, at 140``: the page cited inside a chapter's range
    paren_vol: str | None = None
    pre: str = ""  # the text before a quoted title (the authors)
    q: tuple[int, int, str] | None = None  # (start, end, title) of the quoted title
    rest: str = ""  # the text after a quoted title (or all of body)
    title: str | None = None
    chap: re.Match | None = None
    chap_tail: str = ""
    chicago: re.Match | None = None
    conf: re.Match | None = None
    container: str | None = None
    date: str | None = None
    etype: str = "misc"
    locator: str | None = None
    names: list[str] = field(default_factory=list)
    num: re.Match | None = None
    others: bool = False
    placepub: re.Match | None = None
    rest_wo: str = ""  # rest without the p./pp. pages
    role: str | None = None
    segs: list[str] = field(default_factory=list)  # comma-separated parts of rest_wo (dates masked)
    thesis: re.Match | None = None
    vol: re.Match | None = None
    author_text: str | None = None  # the authors as printed
    journal: str | None = None  # an unquoted article's journal (the part before Vol./No.)
    in_book: str | None = None  # an unquoted chapter's ``in: Book, ed. by …`` and what follows
    thesis_at: list[str] | None = None  # the parts after ``unpublished PhD thesis``: university, place
    publisher: str | None = None  # a publisher printed without a place
    dated_title: bool = False  # Bluebook's ``Title (Feb. 24, 2020), URL``: the date in brackets after the title


# the pinpoint closing a note: ``…, pp. 455–487, at p. 462.``, ``…): 389–423, at 401.`` (Bluebook's
# ``at 210`` is read elsewhere; a bare number is a pinpoint only after the article's range)
_AT_PAGE_END = re.compile(r",\s*at\s+(pp?\.\s*)?(\d+(?:\s*[-–—]\s*\d+)?)\s*\.?\s*$")


def parse_western(text: str) -> Parsed:
    """A Western (Chicago-like) note: ``Author, “Title,” Journal 30, no. 2 (1978): 167–214.``, ``Author,
    Title (Place: Publisher, Year), 45.``, ``Org, “Title,” Site, Date, URL``; an archival note goes to
    :func:`parse_western_archive`.

    Read in steps, each adding to one :class:`_WesternNote`; a quoted title and an unquoted one are
    read differently; the first type rule that applies decides the entry type."""
    if looks_like_western_archive(text):
        return parse_western_archive(text)
    if ") " in text:
        text = _PAREN_IMPRINT_PIN.sub(r"\1, \2", text)  # (OUP, 2012) 45: the pinpoint after the imprint
    kindle = origdate = None
    if "Kindle" in text or "Loc" in text or "loc." in text:
        kindle = _KINDLE_LOC.search(text)  # …, 1998), Kindle edition, Loc. 1523: a location, not a page
        if kindle:
            text = text[: kindle.start()] + "."
    if "] " in text:
        origdate = _ORIG_YEAR.search(text)  # (Cambridge: …, [1651] 1996): the first edition's year
        if origdate:
            text = text[: origdate.start()] + origdate.group(2) + text[origdate.end() :]
    at_page = _AT_PAGE_END.search(text) if ", at " in text else None
    if at_page:  # …, pp. 455–487, at p. 462.: the page cited inside the article's range
        p = _parse_western(text[: at_page.start()] + ".")
        ranged = p.locator and "-" in p.locator and p.type in ("article", "incollection", "inbook")
        if ranged:
            p.fields = _order({**p.fields, "pages": p.fields.get("pages", p.locator)})
        if ranged or at_page.group(1):
            p.locator = norm_range(at_page.group(2))
            return p
    if kindle or origdate:
        p = _parse_western(text)
        if kindle and kindle.group("loc"):
            p.locator = norm_range(kindle.group("loc"))
        if origdate and p.kind == "full":
            p.fields = _order({**p.fields, "origdate": origdate.group(1)})
        return p
    return _parse_western(text)


def _parse_western(text: str) -> Parsed:
    if "esp" in text:
        text = _EMPHASIS_PIN.sub(", ", text)  # …, 2013), esp. chap. 3 / esp. 45-47: the place cited
    issue = _newspaper_issue(text) if text[-1:] in ".0123456789" and _may_name_paper(text) else None
    if issue:
        return issue
    n = _WesternNote(text=_periods_as_commas(text) if ". " in text else text)
    _western_url_and_translation(n)
    _western_title(n)
    _western_cues(n)
    if n.q:
        _western_quoted_credits(n)
        n.etype = _western_quoted_type_special(n) or _western_quoted_type_numbered(n) or _western_quoted_type_outlet(n)
    else:
        _western_unquoted_credits_and_title(n)
        _western_unquoted_type(n)
    return _western_finish(n)


# an e-book's format and location after the imprint or a short title: ``, Kindle edition, Loc. 1523.``
_KINDLE_LOC = re.compile(
    r"(?=,\s*(?:Kindle|[Ll]oc))(?:,\s*Kindle(?:\s+(?:edition|ed\.))?)?(?:,\s*(?:Kindle\s+)?(?:[Ll]oc(?:ation)?s?\.?)\s*"
    r"(?P<loc>\d+(?:\s*[-–]\s*\d+)?))?\.?\s*$"
)
# ``[1651] 1996``: the original year in brackets before the year of the edition cited
_ORIG_YEAR = re.compile(r"\[((?:1[0-9]|20)\d\d)\]\s+((?:1[5-9]|20)\d\d)\b")
# an imprint in brackets and the cited page after it with no comma (law writing: (OUP, 2012) 45)
_PAREN_IMPRINT_PIN = re.compile(
    r"(\([^()]{2,80}?,\s*(?:1[5-9]|20)\d\d\))\s+((?:pp?\.\s*)?\d{1,4}(?:\s*[-–]\s*\d{1,4})?)(?=\s*\.?\s*$)"
)
# ``esp.``/``especially`` before the page or chapter cited after the imprint: the place, not a title word
_EMPHASIS_PIN = re.compile(r"(?<=\)),\s*(?:esp\.|especially)\s+(?=(?:(?:chaps?\.|ch\.|pp?\.)\s*)?[\dxivlc]+\b)")
# Times of India, 3 March 1877, 5. / The Straits Times, June 4, 1931, p. 7.: a paper's issue, no piece named
# (Gazzetta musicale di Milano, Corriere della Sera: a paper's name in its language holds lower-case words)
_NEWSPAPER_ISSUE = re.compile(
    r"^(?P<j>(?:The\s+)?[A-Z][\w.&'’\-]*(?:\s+(?:[a-zà-ÿ]{2,12}|[A-Z][\w.&'’\-]*)){0,5}),\s+"
    r"(?P<d>\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4})"
    r"(?:,\s*(?:pp?\.\s*)?(?P<p>\d{1,4}(?:\s*[-–]\s*\d{1,4})?))?\s*\.?$"
)


# Shenbao, Dagongbao, Renmin Ribao, Asahi Shimbun, Chosun Ilbo: a paper named in romanization
_ROMANIZED_PAPER = re.compile(r"(?:[Bb]ao|[Ss]him?bun|[Ii]lbo)$")
# a paper named in Italian, German, French, Spanish, Portuguese, Polish, Dutch
_EUROPEAN_PAPER = re.compile(
    r"\b(?:Gazzetta|Gazeta|Gaceta|Zeitung|Corriere|Giornale|Courrier|Moniteur|Kurier|Dagblad)\b"
)
# a lower-case word of a paper's name other than English joining words: only in a paper named so
_FOREIGN_LOWER = re.compile(r"\s(?!(?:of|the|and)\b)[a-zà-ÿ]")


def _may_name_paper(text: str) -> bool:
    """A newspaper's name may open the text: a news word, or a romanized paper's ending and a comma."""
    return (
        NEWS_RE.search(text, 0, 60) is not None
        or "bao, " in text
        or "bun, " in text
        or "lbo, " in text
        or _EUROPEAN_PAPER.search(text, 0, 60) is not None
    )


def _newspaper_issue(text: str) -> Parsed | None:
    """A newspaper cited by its name, a full date and perhaps a page: an @article of that issue with
    no title; the page is the locator only (the note cites a page of the issue, not a piece's span)."""
    m = _NEWSPAPER_ISSUE.match(text.strip())
    if not m:
        return None
    name = m["j"]
    if _FOREIGN_LOWER.search(name):  # Letter to the Times: prose, no paper's name
        paper = _EUROPEAN_PAPER.search(name)
    else:
        paper = NEWS_RE.search(name) or _ROMANIZED_PAPER.search(name) or _EUROPEAN_PAPER.search(name)
    date = iso_date(m["d"]) if paper else None
    if not date or len(date) != 10:
        return None
    f = {"journaltitle": name, "date": date, "entrysubtype": "newspaper", "langid": "english"}
    return Parsed(type="article", fields=_order(f), locator=norm_range(m["p"]) if m["p"] else None, names=[])


_GIVEN_FAMILY = r"[A-Z][\w'’\-]*\.?(?:\s+(?:[A-Z]\.|[A-Z][\w'’\-]+)){1,3}"
# Gary King, Robert O. Keohane and Sidney Verba. Designing Social Inquiry. Princeton: Princeton
# University Press, 1994, p. 7.: authors, title and imprint set off by full stops, not commas
_PERIOD_SEPARATED = re.compile(
    rf"^(?P<au>{_GIVEN_FAMILY}(?:(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*){_GIVEN_FAMILY}){{0,6}})\.\s+"
    r"(?P<t>[A-Z][^.]{3,200}?)\.\s+(?P<imp>[A-Z][A-Za-z.'’\- ]{1,40}:\s*[^,:]{2,80},\s*(?:1[5-9]|20)\d\d\b.*)$"
)


# … the same for a chapter: Names. Chapter. In: Editor, ed. Book. Place: Publisher, Year. pp. 45-71.
_PERIOD_SEPARATED_CHAPTER = re.compile(
    rf"^(?P<au>{_GIVEN_FAMILY}(?:(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*){_GIVEN_FAMILY}){{0,6}})\.\s+"
    r"(?P<t>[A-Z][^.]{3,200}?)\.\s+In:?\s+(?P<eds>[A-Z][^:]{2,150}?),?\s+\(?(?P<role>eds?)\.?\)?\.?\s+"
    r"(?P<b>[A-Z][^.]{3,200}?)\.\s+(?P<imp>[A-Z][A-Za-z.'’\- ]{1,40}:\s*[^,:]{2,80},\s*(?:1[5-9]|20)\d\d\b.*)$"
)


# British notes: ``A. Author, Title. Journal, 76 (March 1995) 43-51``: names set off by a comma, a full
# stop after the unquoted title, then the journal, its volume, the date in brackets and the range
_STOP_BEFORE_JOURNAL = re.compile(
    r"^(?P<au>[A-Z][^,“”\"]{1,80}?),\s+(?P<t>[A-Z][^“”\"]{2,250}?)\.\s+(?P<j>[A-Z][\w&'’\- ]{1,80}?),?\s+"
    r"(?P<v>\d{1,4})\s+\((?P<d>[^()]{0,20}?(?:1[5-9]|20)\d\d)\)[,:]?\s*(?P<pp>\d{1,5}(?:\s*[-–—]\s*\d{1,5})?)"
    r"(?P<rest>(?:,\s*(?:at\s+)?(?:pp?\.\s*)?\d{1,5}(?:\s*[-–—]\s*\d{1,5})?)?\s*\.?)$"
)
# … and ``A. Author, Title. Place: Publisher, Year``: the full stop between an unquoted title and its
# imprint (a place, perhaps with its state, a colon, a publisher, a comma and the year); not the
# stop of an initial (``Henry K. Murphy``); the stop first, what precedes it looked up behind it
_STOP_BEFORE_IMPRINT = re.compile(
    r"\.(?<![\s.][A-Z]\.)(?<=[\w'’)\]]\.)\s+(?=[A-Z][A-Za-z'’\-]+(?:\s+[A-Z][A-Za-z'’\-]+){0,3}"
    r"(?:,\s*(?:[A-Z]{2}|[A-Z][a-z]{1,4}\.))?:\s*[^,:.]{2,80},\s*(?:1[5-9]|20)\d\d\b)"
)
# words whose full stop marks an abbreviation (``trans. Richard Nice, London: Sage``): no title ends there
_ABBREVIATION_BEFORE = re.compile(r"\b(?:eds?|trans|tr|[Vv]ols?|Jr|Co|Inc|Ltd|comp|rev|repr|[Ee]dn|by)$")


def _periods_as_commas(text: str) -> str:
    """``Names. Title. Place: Publisher, Year`` read as ``Names, Title, Place: Publisher, Year``, and
    ``Names. Chapter. In: Editor, ed. Book. Place: …`` as ``Names, “Chapter,” in Editor, ed., Book, Place: …``;
    ``Names, Title. Journal, 76 (March 1995) 43-51`` as ``Names, “Title,” Journal 76 (March 1995): 43-51``,
    and ``Names, Title. Place: Publisher, Year`` as ``Names, Title, Place: Publisher, Year``."""
    m = _PERIOD_SEPARATED_CHAPTER.match(text) if "In" in text else None
    if m and looks_like_names(m["au"]):
        return f"{m['au']}, “{m['t']},” in {m['eds']}, {m['role']}., {m['b']}, {m['imp']}"
    m = _PERIOD_SEPARATED.match(text)
    if m and looks_like_names(m["au"]):
        return f"{m['au']}, {m['t']}, {m['imp']}"
    if "(" in text and ") " in text or ")," in text:
        m = _STOP_BEFORE_JOURNAL.match(text)
        if m and looks_like_names(m["au"]) and not _STOP_BEFORE_IMPRINT.search(m.group(0), 0, m.end("t") + 3):
            return f"{m['au']}, “{m['t']},” {m['j']} {m['v']} ({m['d']}): {m['pp']}{m['rest']}"
    if ": " in text:
        for stop in _STOP_BEFORE_IMPRINT.finditer(text):
            if not _ABBREVIATION_BEFORE.search(text, max(0, stop.start() - 6), stop.start()):
                return text[: stop.start()] + ", " + text[stop.end() :]
    return text


_WESTERN_URL_AND_TRANSLATION_RE1 = re.compile(
    r"(?<=[^\s\[])\s+\[([^\[\]]*[A-Za-z][^\[\]]*\s[^\[\]]*)\](?=\s*[,.(]|\s*$)"
)


def _western_url_and_translation(n: _WesternNote) -> None:
    """The URL and an access date taken out of the note (``body`` is what remains), and an English
    translation printed in brackets after a romanized title."""
    text = n.text
    p = Parsed()
    f: dict[str, str] = {}
    text = text.strip()
    # op. cit. / short forms handled by callers through kind
    url_m = find_url(text)
    url = clean_url(url_m.group(0)) if url_m else None
    body = (text[: url_m.start()] + text[url_m.end() :]) if url_m else text
    access = (ACCESS_EN.search(body) or ACCESS_RE.search(body)) if has_access_cue(body) else None
    if access:
        ud = access_date(access)
        if ud:
            f["urldate"] = ud
            body = body[: access.start()] + body[access.end() :]
    body = strip_trailing(body)
    # Nihon keizai [The Japanese economy], … / “Sŏul ŭi …” [Seoul's …], …: the English translation of
    # a romanized title, printed in brackets after it, is not part of the title: it is kept in
    # title_translation (the field annobib's checks and APA style read for a translated title)
    addon = None
    # the regex opens with a lookbehind (tried at every position): only where its bracket is
    tr_m = _WESTERN_URL_AND_TRANSLATION_RE1.search(body) if "[" in body else None
    if tr_m and not cre.fullmatch(r"[A-Z]{1,2}(?:/[A-Z]{2})?", tr_m.group(1)):
        addon = tr_m.group(1).strip()
        body = body[: tr_m.start()] + body[tr_m.end() :]
        # …, Shijie jingji yu zhengzhi [World Economics and Politics], No. 3: the journal's name
        # translated likewise is no part of it (biblatex has no field for it)
        jr_m = _WESTERN_URL_AND_TRANSLATION_RE1.search(body, tr_m.start()) if "[" in body[tr_m.start() :] else None
        if jr_m and not cre.fullmatch(r"[A-Z]{1,2}(?:/[A-Z]{2})?", jr_m.group(1)):
            body = body[: jr_m.start()] + body[jr_m.end() :]
    n.addon, n.body, n.f, n.p, n.url = addon, body, f, p, url


_WESTERN_TITLE_RE1 = re.compile(r",\s*\d{1,2}\s+vols?\.(?=\s*\(|\s*,|\s*$)")
_WESTERN_TITLE_RE2 = re.compile(
    r"\s*\(([^()]*:[^()]*?\d{4}|[^()]*,[^()]*?\d{4}(?=\)(?:,\s*(?:pp?\.\s*)?\d|$)))\)"
    # a page, or a Bekker number (1253a, 1094a1-2: a column letter and line after the page)
    r"(?:,\s*(?:pp?\.\s*(?=\d))?(?:(?P<vol>\d{1,2}):\s*)?(\d+(?:[ab]\d{0,2})?(?:\s*[-–—]\s*\d+(?:[ab]\d{0,2})?)?)"
    r"(?:,\s*at\s+(?P<at>\d+(?:\s*[-–—]\s*\d+)?))?"  # a chapter's pages, at the page cited
    r"|,\s*(?P<roman>[ivxlc]{1,7}(?:\s*[-–—]\s*[ivxlc]{1,7})?)"  # a front-matter page: (…, 2013), xxi
    r"|,\s*(?:chap|ch|chapter|sec|pt)\.?\s*[\dIVXivx]+)?$"
)
# a British imprint, the place (a town and its US state, or two towns) and the year: (Leiden, 2001),
# (Lawrence, Kan., 2005), (London and New York, 2012)
_PLACE_AND_YEAR = re.compile(
    r"(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+)?(?:, (?P<st>[A-Z]{2}|[A-Z][a-z]{1,4}\.)| and [A-Z][a-z]+(?: [A-Z][a-z]+)?)?),"
    r"\s*(?P<y>(?:1[5-9]|20)\d\d)"
)


def _place_and_year(imprint: str) -> re.Match | None:
    """``Leiden, 2001`` / ``Princeton, NJ, 1995`` / ``London and New York, 2012``: an imprint of a
    place (a US state after its town) and a year, no publisher (``Hart Publishing, 2016`` is one)."""
    m = _PLACE_AND_YEAR.fullmatch(imprint)
    if m and (m["st"] is None or US_STATE_RE.fullmatch(m["st"])) and not PRESS_NAME.search(m["place"]):
        return m
    return None


_WESTERN_TITLE_RE3 = re.compile(r"(?:[,，]|(?<![.\s][A-Z])\.)\s*$")  # MLA: "Title." (not "U.S.")


def _inside_a_title(body: str, i: int) -> bool:
    """The quote opening at ``i`` follows a lowercase word (``A Poetics of "…"``), not a comma,
    stop or colon, and a Chicago imprint in brackets follows it: a work quoted inside an unquoted
    book title, not the title of an article or chapter."""
    before = body[:i].rstrip()
    if not before or not before[-1].islower() or not body[:i].endswith(" "):
        return False
    word = before.rsplit(" ", 1)[-1]
    return word in _TITLE_LINK_WORDS and ", (" not in body[i:] and body.find(":", i) > 0


_TITLE_LINK_WORDS = frozenset(("of", "on", "and", "the", "for", "about"))


def _western_title(n: _WesternNote) -> None:
    """A Chicago imprint in parentheses (with the page after it), and the quoted title: ``pre`` is
    the text before it (the authors), ``rest`` the text after it."""
    body = n.body
    if "vol" in body:
        body = _WESTERN_TITLE_RE1.sub("", body)  # Title, 3 vols. (London: …): the set's size
    # Chicago: … (Place: Publisher, Year), 45 / …, 2:312–45 (volume:pages) / (PhD diss., School, 1998), 143
    # The regex holds no bracket after its ``(`` but the one that closes it, up to the end: only the
    # last ``(`` of the body can open a match, and the leftmost start is the whitespace before it, so
    # one match there answers as the search would (tried at every position, it was costly)
    k = body.rfind("(")
    paren = _WESTERN_TITLE_RE2.match(body, len(body[:k].rstrip())) if k >= 0 else None
    place = _place_and_year(paren.group(1)) if paren and ":" not in paren.group(1) else None
    if paren and not place and ":" not in paren.group(1) and paren.group(0).endswith(")"):
        paren = None  # New America (Jan. 26, 2021) closing the note: a date, not an imprint
    bare_locator = paren_vol = None
    if paren:
        bare_locator = norm_range(paren.group(3)) if paren.group(3) else bare_page(paren.group("roman") or "")
        paren_vol = paren.group("vol")
        n.pinpoint = norm_range(paren.group("at")) if paren.group("at") else None
        if place:
            n.f["location"] = place["place"]  # (Leiden, 2001) / (Princeton, NJ, 1995): no publisher
            body = body[: paren.start()] + ", " + place["y"]
        else:
            body = body[: paren.start()] + ", " + paren.group(1)
    q = _find_quoted(body)
    if q and _inside_a_title(body, q[0]):
        q = None  # The Bridge of Dreams: A Poetics of "The Tale of Genji" (…): a quotation in an unquoted title
    if q:
        i, j, title = q
        pre, rest = body[:i], body[j + 1 :]
        title = _WESTERN_TITLE_RE3.sub("", title.strip())
    else:
        pre, rest, title = "", body, None
    rest = rest.strip().lstrip(",.;: ").strip()
    n.bare_locator, n.body, n.paren_vol, n.pre, n.q, n.rest, n.title = (
        bare_locator,
        body,
        paren_vol,
        pre,
        q,
        rest,
        title,
    )


_YEAR_THEN_PAGE = re.compile(r"(?:1[5-9]|20)\d\d,\s*[A-Z]?\d{1,4}(?:\s*[-–—]\s*[A-Z]?\d{1,4})?$")
_WESTERN_CUES_RE1 = re.compile(r"\b(?:Vol(?:ume)?\.?|vol\.)\s*(\d+)")
_WESTERN_CUES_RE2 = re.compile(r"\b[Nn]os\.\s*(\d+\s*[-–/]\s*\d+)")
_WESTERN_CUES_RE3 = re.compile(
    after_boundary(r"No\.?|nos?\.|Nos\.|Issue|iss\.")
    + r"\s*((?:[A-Z]{1,4}/)?\d+(?:/\d+|-\d{2,}(?=\s*(?:[,.;)]|$)))?[A-Za-z]?)"
)
# (?<!\s): the volume's spaces start where the journal's words end, so a long run of spaces is
# not rescanned for each character the lazy journal grows by
# Journal 30, no. 2 (1978): 167–214; British: Journal, 6 (1995), pp. … / Journal, 49:4 (2006) (volume:issue)
_WESTERN_CUES_RE4 = re.compile(
    r"^(?P<j>[^,]+?(?:,\s*(?:&\s*)?(?!(?:No|Vol|Nos)\.)[A-Z][^,\d]*?)*?)(?<!\s)(?:,(?=\s+\d{1,4}(?::\d{1,3})?\s*\())?\s+(?P<v>\d+)(?::(?P<cn>\d{1,3})(?=\s*\())?(?:,\s*nos?\.\s*(?P<n>\d+(?:\s*[-–/]\s*\d+)?))?\s*\((?P<d>[^)]*\d{4})\)(?:[:,]\s*(?P<pp>\d+(?:\s*[-–—]\s*\d+)?))?"
    r"(?:(?<=\d),\s*(?:at\s+)?(?P<pin>\d+(?:\s*[-–—]\s*\d+)?)(?![\d/.]))?"  # …(1994): 833-50, [at] 840: the page cited
)
# (a comma for the colon after the date, ``29:2 (2003), 167–169``, as some notes print it)
# Jindaishi yanjiu, no. 4 (2003): 77–101: a journal numbered by issue alone, no volume before it
_ISSUE_ONLY_PAGES = re.compile(r",\s*no\.\s*\d+\s*\([^()]{0,30}\d{4}\):\s*(?P<pp>\d+(?:\s*[-–—]\s*\d+)?)")
_WESTERN_CUES_RE5 = re.compile(r"(Ph\.?\s?D\.?|doctoral|master'?s|M\.?A\.?|MPhil)\s*(diss\.|dissertation|thesis)", re.I)
_WESTERN_CUES_RE6 = re.compile(r"paper (?:presented|delivered|prepared) (?:at|for) (?:the )?(?P<ev>[^,]+)", re.I)
_WESTERN_CUES_RE7 = re.compile(
    r"^in:?\s+(?P<eds>.+?),?\s*(?:\((?:eds?\.?|editors?)\)|(?<!\d[a-z]{2}\s)(?<!rev\.\s)eds?\.|editors?)\s*,\s*(?P<book>.+)$",
    re.I,
)
_WESTERN_CUES_RE8 = re.compile(
    r"^in:?\s+(?P<book>.+?),\s*(?:eds?\.|edited by)\s+(?P<eds>"
    + r"[^,(]+?(?:,\s*[A-Z][\w.'’\- ]+?)+,\s+and\s+[A-Z][\w.'’\- ]+?|"
    r"[^,(]+?)(?P<tail>(?:,|\s*\().*)?$",
    re.I,
)  # ed. A, B, and C (Place: …): a serial list of editors is read whole
# a book title ending in a quoted word, its comma printed inside the quote (Chicago): moved out, so
# the title ends before the comma as any other does
_COMMA_INSIDE_QUOTE = re.compile(r",([\"”])(?=\s+(?:eds?\.|edited\s+by)\s)")
# “Chapter,” in Marlowe, Networks of Empire, 120–44: a chapter in a volume cited before in short form
# (the editor's surname and a short title)
_IN_SHORT_VOLUME = re.compile(
    r"^in\s+(?P<eds>[A-Z][\w'’\-]+(?:\s+and\s+[A-Z][\w'’\-]+)?),\s+(?P<book>[A-Z][^,]{2,80}),\s*\d+\s*[-–—]\s*\d+\.?$"
)
# in Capital and Empire, 1700–1900, ed. …: a span of years belongs to the book's title
_BOOK_WITH_SPAN = re.compile(r"^([^,(]+,\s*(?:1[5-9]|20)\d\d\s*[-–—]\s*(?:(?:1[5-9]|20)\d\d|\d\d))(?=\s*(?:,|\(|$))")
# a Chinese note quoting its title prints full-width commas; no cut in a number (``10,000 Things``) or
# before the closing single quote of a quoted title inside the title (``'Adaptive Architecture,' 1914``),
# where the parts, joined again with ", ", would come back spaced (the comma first, the digit before
# it looked up behind: the engine jumps from comma to comma instead of trying every character)
_WESTERN_CUES_RE9 = re.compile(r"[,，](?:(?<!\d[,，])|(?!\d{3}(?!\d)))(?!['’])\s*")
_WESTERN_CUES_RE10 = re.compile(r"(?:Vol(?:ume)?\.?|vol\.|No\.?|no\.|Issue)\s*\d+[A-Za-z]?")
_WESTERN_CUES_RE11 = re.compile(r"\d+")
_WESTERN_CUES_RE12 = re.compile(r"^(in|See|accessed)\b")
# the characters some regexes here can open with, tested before them (a test reads them from the regexes)
_WESTERN_CUES_RE10_FIRST = "VvNnI"
_WESTERN_CUES_RE12_FIRST = "iSa"
_UNQUOTED_RE4_FIRST = "VvNn"
_UNQUOTED_RE8_FIRST = "oOiIİı"  # op. cit. / ibid, re.I: İ and ı fold to i


# the only non-ASCII characters re.I matches to ASCII letters (İ ı to i, ſ to s, the Kelvin sign to k)
_FOLD_TO_ASCII = {0x130: "i", 0x131: "i", 0x17F: "s", 0x212A: "k"}
_FOLDS_ODDLY = re.compile("[\u0130\u0131\u017f\u212a]")


def _is_year(text: str) -> bool:
    """``bool(YEAR.fullmatch(text))``: four characters, the regex called only then."""
    return len(text) == 4 and YEAR.fullmatch(text) is not None


# ``December 2017``: a month and year standing as a part of their own end an unquoted title
_MONTH_YEAR = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?:1[5-9]|20)\d\d")


def _is_month_year(text: str) -> bool:
    """``bool(_MONTH_YEAR.fullmatch(text))``, the regex called only on a short part ending in a digit."""
    return 8 <= len(text) <= 15 and text[-1:].isdigit() and _MONTH_YEAR.fullmatch(text) is not None


def _place_before_date(tparts: list[str], f: dict[str, str]) -> None:
    """``Title, Jakarta, June 2019`` / ``Title, Washington, D.C., October 2022``: a city (and its US
    state) between an unquoted title and its date is where the work was issued."""
    last = tparts[-1].strip()
    if len(tparts) > 2 and US_STATE_RE.fullmatch(last + ("." if last == "D.C" else "")):
        city = tparts[-2].strip()
        if cre.fullmatch(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?", city):
            f["location"] = f"{city}, {last}" + ("." if last == "D.C" else "")
            del tparts[-2:]
    elif len(tparts) > 1 and cre.fullmatch(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?", last) and not MONTHS.get(last[:3].lower()):
        f["location"] = last
        tparts.pop()


def _place_after_number(after: list[str], f: dict[str, str]) -> None:
    """``Title, GAO/RCED-96-79, Washington, D.C., April 1996``: the city before the date that follows a
    report's number is where it was issued, as after a title (:func:`_place_before_date`)."""
    for k, part in enumerate(after):
        s = part.strip(" .")
        if _is_month_year(s) or _is_year(s):
            if k:
                _place_before_date(["", *after[:k]], f)
            return


def _is_description(text: str) -> bool:
    """``press release``, ``fact sheet``, ``joint statement``: a few lower-case words saying what kind
    of document a work is (a journal or site is named with capitals)."""
    return (
        len(text) <= 30 and text.count(" ") <= 2 and text.replace(" ", "").replace("-", "").isalpha() and text.islower()
    )


def _pages_first(text: str) -> bool:
    """``bool(EN_PAGES.match(text))``: the regex opens with ``p``, called only then."""
    return text[:1] == "p" and EN_PAGES.match(text) is not None


def _may_hold_folded(text: str, words: tuple[str, ...]) -> bool:
    """Whether a re.I regex needing one of ``words`` (lower case ASCII) may match: case folding is
    ``lower()`` once the four non-ASCII characters that fold to ASCII letters are made ASCII."""
    if not text.isascii() and ("\u0130" in text or "\u0131" in text or "\u017f" in text or "\u212a" in text):
        text = text.translate(_FOLD_TO_ASCII)  # İ lowers to i and a combining dot, ı and ſ stay
    low = text.lower()
    for w in words:
        if w in low:
            return True
    return False


def _western_cues(n: _WesternNote) -> None:
    """Locators, volume and issue numbers, a Chicago journal reference, the date, thesis / conference /
    chapter cues, ``Place: Publisher, Year``, and the container (the first plain part after the title)."""
    bare_locator, q, rest = n.bare_locator, n.q, n.rest
    # locators and numbers
    locator = None
    # each regex only where the word it needs is there (Vol/vol., No/no/Issue/iss., a bracket)
    vol = _WESTERN_CUES_RE1.search(rest) if "Vol" in rest or "vol." in rest else None
    num = None
    if "No" in rest or "no" in rest or "Issue" in rest or "iss." in rest:
        num = ("os." in rest and _WESTERN_CUES_RE2.search(rest)) or _WESTERN_CUES_RE3.search(rest)
    chicago = _WESTERN_CUES_RE4.search(rest) if "(" in rest else None
    pages_m = en_pages(rest)
    if pages_m:
        locator = page_range(pages_m.group(2), pages_m.group(3))
    elif bare_locator:
        locator = bare_locator
    elif chicago and chicago.group("pp"):
        locator = cre.sub(r"\s*[-–—]\s*", "-", chicago.group("pin") or chicago.group("pp"))
    elif not chicago and "no." in rest and (issue_pp := _ISSUE_ONLY_PAGES.search(rest)):
        locator = norm_range(issue_pp["pp"])
    elif q and bare_page(rest) or _YEAR_THEN_PAGE.search(rest):
        # Li and Zhou, “Political Turnover,” 12. / “Title,” The Economist, June 12, 1999, 21. / Board,
        # Report on Reform, Washington, D.C., 1975, 22.: a bare page after the title or after the date
        # (Chicago notes write no p.; a newspaper's page may carry its section, C4)
        locator = (q and bare_page(rest)) or norm_range(rest.rsplit(",", 1)[1].strip())
    elif "页" in rest and (zh_pages := ZH_PAGES.search(rest)):
        locator = page_range(zh_pages.group(1), zh_pages.group(2))  # “标题”，联合国文件…，第6页: a Chinese note
    else:
        locator = para_locator(rest)  # “Title,” UN Doc. A/RES/70/1, October 21, 2015, para. 17.
    rest_wo = rest
    if pages_m:
        rest_wo = rest_wo[: pages_m.start()] + rest_wo[pages_m.end() :]
    date = iso_date(rest_wo)
    thesis = _WESTERN_CUES_RE5.search(rest_wo) if _may_hold_folded(rest_wo, ("diss", "thesis")) else None
    conf = _WESTERN_CUES_RE6.search(rest_wo) if _may_hold_folded(rest_wo, ("paper ",)) else None
    in_book = rest_wo
    if in_book[:2].lower() == "in" and ('"' in in_book or "”" in in_book):
        in_book = _COMMA_INSIDE_QUOTE.sub(r"\1,", in_book)  # in Early Cinema and the "National," ed. …
    chap = _WESTERN_CUES_RE7.match(in_book) or _WESTERN_CUES_RE8.match(in_book) or _IN_SHORT_VOLUME.match(rest)
    chap_tail = ""
    if chap and "tail" in chap.groupdict():
        chap_tail = chap.group("tail") or ""
    placepub = None
    if "location" not in n.f:  # else the imprint named a place and no publisher (Title: Subtitle is none)
        placepub = find_place_publisher(rest_wo if not chap else (chap.group("book") + chap_tail))
    segs = [s.strip() for s in _WESTERN_CUES_RE9.split(_mask_dates(rest_wo)) if s.strip()]
    container = None
    for s in segs:
        s2 = s.strip(" .")
        # (each regex only after its opening character: Vol./No./Issue, p., in/See/accessed)
        first = s2[:1]
        if (
            not s2
            or "\x00" in s2
            or first in _WESTERN_CUES_RE10_FIRST
            and _WESTERN_CUES_RE10.fullmatch(s2)
            or first == "p"
            and EN_PAGES.fullmatch(s2)
            or _is_year(s2)
            or not s2.isascii()
            and _CJK_DATE.fullmatch(s2)  # 외교부, "…," 2021년 5월 21일, URL: the date, no outlet
        ):
            continue
        if (
            s2.isdecimal()  # \d+ in full
            or first.isdigit()
            and bare_page(s2)  # Brandt, “Nonproliferation,” 404–5: a page range, no outlet
            or first in _WESTERN_CUES_RE12_FIRST
            and _WESTERN_CUES_RE12.match(s2)
        ):
            continue
        if first.isdigit() and bare_page(s2):
            continue  # Author, “Short Title,” 140-42: the pages cited, not a journal
        if first.islower() and _is_description(s2):
            continue  # “Title,” press release, May 14, 2024: what the work is, not where it appeared
        container = s2
        break
    if chicago and not vol:
        container = chicago.group("j").strip()
    etype = "misc"
    names: list[str] = []
    others = False
    role = None
    n.chap, n.chap_tail, n.chicago, n.conf, n.container, n.date, n.etype = (
        chap,
        chap_tail,
        chicago,
        conf,
        container,
        date,
        etype,
    )
    n.locator, n.names, n.num, n.others, n.placepub, n.rest_wo, n.role = (
        locator,
        names,
        num,
        others,
        placepub,
        rest_wo,
        role,
    )
    n.segs, n.thesis, n.vol = segs, thesis, vol


_PRESS_IMPRINT = re.compile(r"\b(?:Press|Publishing|Publishers|Publications)\b")
_CJK_DATE = re.compile(r"\d{4}\s*[년年]\s*\d{1,2}\s*[월月](?:\s*\d{1,2}\s*[일日])?")
_YEAR_AFTER_NAMES = re.compile(r"\s*\(((?:1[5-9]|20)\d\d)[a-z]?\)\s*,?\s*$")


def _western_quoted_credits(n: _WesternNote) -> None:
    """The authors before a quoted title, and the title."""
    f, names, others, pre, role, title = n.f, n.names, n.others, n.pre, n.role, n.title
    year = _YEAR_AFTER_NAMES.search(pre) if pre.rstrip(" ,")[-1:] == ")" else None
    if year:  # Hayashi, F. and E. C. Prescott (2002), “Title,” …: economics' author-date
        pre = pre[: year.start()]
        n.date = n.date or year.group(1)
    author_text = strip_trailing(pre)
    if author_text:
        names, others, role = western_names(pre.strip().rstrip(","))  # Ruggles, John G.: keep the initial's stop
    f["title"] = title
    n.author_text, n.names, n.others, n.role = author_text, names, others, role


_IGO_DOC = re.compile(r"Doc(?:ument)?\.?\s+(?:No\.\s*)?(?P<n>\d[\d.\-/]*)")


def _western_quoted_type_special(n: _WesternNote) -> str | None:
    """Theses, conference papers, UN documents, the report series of an international organization,
    chapters in edited books."""
    author_text, chap, chap_tail, chicago, conf, container = (
        n.author_text,
        n.chap,
        n.chap_tail,
        n.chicago,
        n.conf,
        n.container,
    )
    f, locator, num, placepub, segs, thesis, vol = n.f, n.locator, n.num, n.placepub, n.segs, n.thesis, n.vol
    etype = None
    if thesis:
        etype = "thesis"
        f["type"] = "phdthesis" if cre.match(r"ph|doc", thesis.group(1), re.I) else "mathesis"
        inst = next((s for s in segs if ORG_RE.search(s) or "Univ" in s), None)
        # Chicago's ``(PhD diss., University of California, Los Angeles, 2009)`` names no place:
        # all between the kind and the year is the university, with its campus
        whole = _THESIS_IN_PARENS.search(n.text) if inst and "(" in n.text else None
        if whole and inst in whole.group("inst"):
            inst = whole.group("inst")
        if inst:
            f["institution"] = inst
    elif conf:
        etype = "inproceedings"
        f["eventtitle"] = conf.group("ev").strip()
        vi = next(
            (
                i
                for i, s in enumerate(segs)
                if i
                and cre.fullmatch(r"[A-Z][A-Za-z .]+", s)
                and not MONTHS.get(s[:3].lower())
                and s != f["eventtitle"]
            ),
            None,
        )
        venue = segs[vi] if vi is not None else None
        if venue and vi + 1 < len(segs) and US_STATE_RE.fullmatch(segs[vi + 1].strip()):
            venue = f"{venue}, {segs[vi + 1].strip()}"  # Washington, D.C. / Austin, TX: one place
        if venue:
            f["venue"] = venue
    elif container and DOC_SYMBOL_RE.match(container):
        # “Title,” UN Doc. A/RES/70/1, 21 October 2015: a document symbol, not a journal
        dm_ = DOC_SYMBOL_RE.match(container)
        etype = "report"
        if dm_.group("t"):
            f["type"] = cre.sub(r"^U\.N\.", "UN", dm_.group("t"))
        f["number"] = dm_.group("n").rstrip(".,")
    elif container and IGO_RE.fullmatch(author_text or "") and (igo_doc := _IGO_DOC.fullmatch(container)):
        # ICAO, “Annual Report of the Council 2019,” Doc 10136, Montreal: ICAO, 2020: an organization's
        # numbered document, issued by it
        etype = "report"
        f["number"] = igo_doc["n"]
        f["institution"] = author_text
        if placepub:
            f["location"] = placepub.group("loc").strip()
            f["date"] = _pp_date(placepub)
    elif (
        container
        and not vol
        and not chicago
        and IGO_RE.fullmatch(author_text or "")
        and IGO_SERIES_RE.search(container)
    ):
        # World Bank, “Title,” East Asia and Pacific Economic Update, April 2022, URL: an international
        # organization's report series, not a periodical
        etype = "report"
        f["type"], number = _series_and_number(container)
        f["institution"] = author_text
        if num or number:
            f["number"] = num.group(1) if num else number
        place = _series_place(segs, container)
        if place:
            f["location"] = place
    elif chap:
        etype = "incollection"
        if chap.re is _IN_SHORT_VOLUME and not locator:  # …, 120–44: the chapter's pages, cited whole
            locator = n.locator = norm_range(chap.string.rsplit(",", 1)[1].strip(" ."))
        eds, _o, _r = western_names(chap.group("eds"))
        f["editor"] = names_field(eds, _o)
        book = chap.group("book")
        bsegs = [s.strip() for s in cre.split(r",\s*", _mask_dates(book)) if s.strip()]
        if bsegs:
            span = _BOOK_WITH_SPAN.match(book)
            first = _title_with_series(bsegs)
            f["booktitle"] = span.group(1).strip() if span else cre.sub(r"\s*\(.*$", "", first).strip()
        bvol = cre.search(r"(?:^|,\s*)(?:Vol(?:ume)?\.?|vol\.)\s*(\d+)\b", book + chap_tail)
        if bvol:  # in The Cambridge History of …, vol. 2, ed. …: the volume of the book
            f["volume"] = bvol.group(1)
        bed = _NUMBERED_EDITION.search(chap_tail) if "ed" in chap_tail else None
        if bed:  # in Book, ed. A and B, 2nd ed. (Place: …): the book's edition
            f["edition"] = bed.group(1)
        if placepub:
            f["location"] = placepub.group("loc").strip()
            f["publisher"] = placepub.group("pub").strip()
            f["date"] = _pp_date(placepub)
        if locator and "-" in locator:
            f["pages"] = locator
    return etype


def _western_quoted_type_numbered(n: _WesternNote) -> str | None:
    """Journal articles (volume / issue numbers), reports in a numbered series or by a think tank,
    chapters of books with an imprint."""
    author_text, chicago, container, f, locator, num, placepub = (
        n.author_text,
        n.chicago,
        n.container,
        n.f,
        n.locator,
        n.num,
        n.placepub,
    )
    segs, vol = n.segs, n.vol
    etype = None
    if vol or num and not (container and REPORT_CONTAINER_RE.search(container)) or chicago:
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
            if chicago.group("n") or chicago.group("cn"):
                f["number"] = chicago.group("n") or chicago.group("cn")
        if vol:
            f["volume"] = vol.group(1)
        if num:
            f["number"] = num.group(1)
        if etype == "article" and chicago and chicago.group("pin") and "-" in chicago.group("pp"):
            f["pages"] = norm_range(chicago.group("pp"))  # …: 833-50, 840: the article's range
        elif etype == "article" and locator and "-" in locator:
            f["pages"] = locator
    elif container and REPORT_CONTAINER_RE.search(container):
        etype = "report"
        f["type"], number = _series_and_number(container)
        if num or number:
            f["number"] = num.group(1) if num else number
        code = cre.search(r"\s+([A-Z]{1,5}-?\d{3,}[A-Z\d-]*|[A-Z]{1,5}/\d{2,4}/\d{1,4})$", f["type"])
        if code and not num:  # CRS In Focus IF10199, CRS Report R45464
            f["number"] = code.group(1)
            f["type"] = f["type"][: code.start()].strip()
        place = _series_place(segs, container)  # …, Washington, D.C., May 2020: no institution
        inst = None if place else _series_institution(segs, container)
        if place and not placepub:
            f["location"] = place
        if placepub and not _unmask(placepub.group("pub")).strip().startswith(("No.", "no.")):
            # NBER Working Paper No. 10234 (Cambridge, MA: National Bureau of Economic Research, 2004)
            f["institution"] = placepub.group("pub").strip()
            f["location"] = placepub.group("loc").strip()
        elif inst:
            f["institution"] = inst
        elif (
            author_text
            and not author_text.startswith("{")
            and ORG_RE.search(author_text)
            and " and " not in author_text
        ):
            f["institution"] = strip_trailing(author_text)  # an organization's own report series
    elif container and placepub and _think_tank(placepub.group("pub")):
        etype = "report"  # “Title,” Santa Monica, CA: RAND Corporation, 2020
        f["institution"] = placepub.group("pub").strip()
        f["location"] = placepub.group("loc").strip()
        f["date"] = _pp_date(placepub)
    elif container and placepub:
        etype = "book"
    return etype


def _western_quoted_type_outlet(n: _WesternNote) -> str:
    """News and magazine articles, web pages of organizations, news agencies as authors, short forms."""
    author_text, container, date, f, names, others, p, url = (
        n.author_text,
        n.container,
        n.date,
        n.f,
        n.names,
        n.others,
        n.p,
        n.url,
    )
    etype = "misc"
    if (
        container
        and NEWS_RE.search(container)
        and not (ORG_RE.search(container) and not cre.search(r"News|Times|Post|Daily|Press|Journal", container))
    ):
        etype = "article"
        f["entrysubtype"] = "magazine" if MAGAZINE_RE.search(container) else "newspaper"
        f["journaltitle"] = container
    elif container and (
        ORG_RE.search(container) or (cre.fullmatch(r"[A-Z]{2,6}", container) and not NEWS_RE.search(container))
    ):
        etype = "online"
        f["organization"] = cre.sub(r"\s*\((?:blog|podcast|video|website|web site)\)$", "", container, flags=re.I)
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
        n.names = []
    elif url:
        etype = "online"
    elif names and not date:
        p.kind = "short"
    else:
        etype = "online" if names and names[0].startswith("{") else "article"
    return etype


_WESTERN_UNQUOTED_CREDITS_AND_TITLE_RE1 = re.compile(r"(?:Jr|Sr)\.?|II|III|IV")
_WESTERN_UNQUOTED_CREDITS_AND_TITLE_RE2 = re.compile(r"^(?:in|pp?\.)\b")
_WESTERN_UNQUOTED_CREDITS_AND_TITLE_RE3 = re.compile(r"\(?(?:eds?\.|editors?|ed\.)\)?", re.I)
_WESTERN_UNQUOTED_CREDITS_AND_TITLE_RE4 = re.compile(r"^(?:Vol|vol|No|no)\.")
_WESTERN_UNQUOTED_CREDITS_AND_TITLE_RE5 = re.compile(r"(?:Vol|vol|No|no)\.\s*\d")
_WESTERN_UNQUOTED_CREDITS_AND_TITLE_RE6 = re.compile(r"[Ii]n:?\s+\S")
_WESTERN_UNQUOTED_CREDITS_AND_TITLE_RE7 = re.compile(r"^(?:[A-Z]{2}|D\.\s?C\.|N\.\s?[YJ]\.)\s*:")
_WESTERN_UNQUOTED_CREDITS_AND_TITLE_RE8 = re.compile(r"^(?:op\.\s*cit|ibid)", re.I)
# the page cited last; ``1:170–72`` (volume:pages) in a short form of a multi-volume work
_WESTERN_UNQUOTED_CREDITS_AND_TITLE_RE9 = re.compile(r"(?:\d{1,2}:\s*)?\d{1,4}(?:\s*[-–—]\s*\d{1,4})?\.?")
_ED_BY_PART = re.compile(r"^(?:ed\.\s*by|eds?\.|edited\s+by)\s+(?P<ed>[A-Z][^()]+?)\s*$")
# trans. and ed. Victor Gourevitch / translated and edited by …: the translator is the editor too
_WESTERN_UNQUOTED_CREDITS_AND_TITLE_RE10 = re.compile(
    r"^(?:trans\.(?P<ed>\s+and\s+ed\.)?(?:\s+by)?|translated(?P<ed2>\s+and\s+edited)? by|tr\.)\s+(?P<tr>.+)$", re.I
)
_WESTERN_UNQUOTED_CREDITS_AND_TITLE_RE11 = re.compile(
    # revised and enlarged edition: two qualifiers joined by "and"
    r"\d+(?:st|nd|rd|th)\s+(?:(?:rev\.|revised|expanded|enlarged)\s+)?(?:ed\.?|edition)(?:\s+with\s+[a-z][a-z ]{2,60})?"
    r"|(?:rev\.|revised|updated|new|expanded|enlarged|corrected)"
    r"(?:\s+and\s+(?:updated|expanded|enlarged|corrected))?\s+(?:ed\.?|edition)",
    re.I,
)
_NUMBERED_EDITION = re.compile(r"(\d+)(?:st|nd|rd|th)\s+(?:ed\.?|edition)", re.I)
_WESTERN_UNQUOTED_CREDITS_AND_TITLE_RE12 = re.compile(
    r"[A-Z]{1,6}(?:/[A-Z]{1,6})?-[A-Z]{0,3}\d[\w/-]*"
)  # GAO-21-530SP, GAO/RCED-96-79
_WESTERN_UNQUOTED_CREDITS_AND_TITLE_RE13 = re.compile(
    r"^(?P<type>(?:[A-Z][\w.&-]*\s+){0,4}(?:Reports?|Briefs?|Papers?|Memos?|Backgrounders?|Series|Analys[ie]s|Commentary|Insights?|Monographs?|In Focus))\s+(?:No\.\s*|Number\s+)?(?P<num>[A-Z]*[-\d]+[A-Z\d-]*)\.?$"
)

# a paper series named without a number, its imprint (or nothing) after it
_UNNUMBERED_SERIES = re.compile(
    r"^(?P<type>(?:[A-Z][\w.&-]*\s+){0,4}(?:Working|Discussion|Occasional|Policy|Research)\s+(?:Papers?|Briefs?))"
    r"\s*(?:\(|\.?$)"
)


# a title, then a full date in brackets (its comma masked): ``Legal Authorities (Feb. 24\x00 2020)``
_TITLE_THEN_DATE = re.compile(r"([^()\x00]+?)\s*\([^()]*\x00[^()]*\)$")
# Bluebook's institutional report: ``Copyright Office, Title, Part 2: Subtitle 18 (2025), URL``: the
# page cited and the year in brackets close the title (a year-like number is no page: Agenda 2030 (2016);
# a volume before an abbreviated journal, 85 U. Chi. L. Rev. 609 (2018), is an article's, no title's)
_TITLE_PIN_YEAR = re.compile(
    r"(?P<t>(?!\d)[^()]+?)(?<=[^\s.])\s+(?!(?:1[5-9]|20)\d\d\s)(?P<pg>\d{1,4}(?:\s*[-–]\s*\d{1,4})?)\s+\((?:1[5-9]|20)\d\d\)"
)


def _western_unquoted_credits_and_title(n: _WesternNote) -> None:
    """An unquoted note (``Author, Title, Place: Publisher, Year`` / ``Org, Title, Date, URL`` / a short
    form): the authors (or editors), then the title parts up to the imprint, a date, a page, a
    translator, an edition or a report number."""
    body, f, locator = n.body, n.f, n.locator
    # unquoted: Author, Title, Place: Publisher, Year / Org, Title, Date, URL / short forms
    masked = _mask_dates(body)
    parts = [s.strip() for s in _WESTERN_CUES_RE9.split(masked) if s.strip()]
    if len(parts) >= 3 and _WESTERN_UNQUOTED_CREDITS_AND_TITLE_RE1.fullmatch(parts[1]):
        parts = [f"{parts[0]} {parts[1]}"] + parts[2:]  # Joseph S. Nye, Jr., Bound to Lead
    parts = _western_unquoted_credits(n, parts)
    names, others, role = n.names, n.others, n.role
    tparts = []
    placepub = find_place_publisher(body) if "location" not in f else None  # (Place, Year): see _western_title
    for k, s in enumerate(parts):
        dated = _TITLE_THEN_DATE.match(s) if not tparts and "\x00" in s and s.endswith(")") else None
        if dated:  # Org, Title (Feb. 24, 2020), URL: Bluebook's web page, its date in brackets
            tparts.append(dated.group(1))
            n.dated_title = True
            break
        if (
            "\x00" in s
            or _pages_first(s)
            or _is_year(s.strip(" ."))
            or s[:1] in _UNQUOTED_RE4_FIRST
            and _WESTERN_UNQUOTED_CREDITS_AND_TITLE_RE4.match(s)
        ):
            break
        if tparts and not placepub and _is_month_year(s.strip(" .")):
            _place_before_date(tparts, f)  # Title, Jakarta, June 2019: no publisher, the date ends it
            break
        after = parts[k + 1].strip(" .") if k + 1 < len(parts) else ""
        if tparts and not placepub and _WESTERN_UNQUOTED_CREDITS_AND_TITLE_RE5.match(after):
            n.journal = _unmask(s.strip(" ."))  # Title, International Affairs, Vol. 96, No. 1 (2020)
            break
        if (
            tparts
            and not placepub
            and PRESS_NAME.search(s)
            and (
                not after
                or _is_year(after)
                or "\x00" in after
                or _pages_first(after)
                or after in PUBLISHING_CITIES
                or _PLACE_THEN_YEAR(after, parts[k + 2 : k + 3])
            )
        ):
            n.publisher = _unmask(s.strip(" ."))  # Title, Oxford University Press, 2014: no place printed
            if len(tparts) > 1 and tparts[-1].strip() in PUBLISHING_CITIES:
                f["location"] = tparts.pop().strip()  # Title, New Haven, Yale University Press, 1966
            elif after in PUBLISHING_CITIES or _PLACE_THEN_YEAR(after, parts[k + 2 : k + 3]):
                # Title, Columbia University Press, New York, 2002 (British order: the press, then its place)
                nxt = parts[k + 2].strip(" .") if k + 2 < len(parts) else ""
                f["location"] = after + (", D.C." if after == "Washington" and nxt == "D.C" else "")
            break
        # the next 8 parts at most are read (_serial_names): a slice to the end was quadratic
        if tparts and _credit_or_place_ends_title(s, after, placepub, f, parts[k + 1 : k + 9]):
            break
        thesis_m = _THESIS_PART.match(s) if tparts else None  # (each rule below reads a part after the title's first)
        if thesis_m:  # Title, unpublished PhD thesis, University, Place, Year
            n.thesis_at = [p.strip(" .") for p in parts[k + 1 :] if p.strip(" .")]
            f["type"] = "phdthesis" if cre.search(r"Ph\.?\s?D|doctoral", s, re.I) else "mathesis"
            break
        if tparts and _WESTERN_UNQUOTED_CREDITS_AND_TITLE_RE6.match(s):
            n.in_book = _unmask(", ".join(parts[k:]))  # Title, in: Book, ed. by A and B, London: …
            break
        if placepub and (placepub.group("loc").split(",")[0].strip() == s.split(":")[0].strip()):
            break
        if k + 1 < len(parts) and _WESTERN_UNQUOTED_CREDITS_AND_TITLE_RE7.match(parts[k + 1]):
            break
        if s[:1] in _UNQUOTED_RE8_FIRST and _WESTERN_UNQUOTED_CREDITS_AND_TITLE_RE8.match(s):  # op. cit. / ibid (re.I)
            break
        if tparts and _WESTERN_UNQUOTED_CREDITS_AND_TITLE_RE9.fullmatch(s.strip()) and k == len(parts) - 1:
            locator = locator or norm_range(s.strip(" .").rpartition(":")[2].strip())
            break
        tm = _WESTERN_UNQUOTED_CREDITS_AND_TITLE_RE10.match(s) if tparts else None
        if tm:
            _translator_part(n, f, tm, parts[k + 1 :])
            break
        if tparts and _WESTERN_UNQUOTED_CREDITS_AND_TITLE_RE11.fullmatch(s.strip(" .")):
            # 3rd ed. -> 3; a numbered edition with its qualifier stays as printed (2nd rev. ed.)
            plain = _NUMBERED_EDITION.fullmatch(s.strip(" ."))
            f["edition"] = plain.group(1) if plain else s.strip()
            continue  # Title, 3rd ed., Manchester University Press, 1999: the publisher may follow
        if tparts and _WESTERN_UNQUOTED_CREDITS_AND_TITLE_RE12.fullmatch(s.strip(" .")):
            f["number"] = s.strip(" .")
            _place_after_number(parts[k + 1 : k + 4], f)
            break
        rm_ = _WESTERN_UNQUOTED_CREDITS_AND_TITLE_RE13.match(s) if tparts else None
        if rm_:
            f["type"] = rm_.group("type")
            f["number"] = rm_.group("num")
            break
        sym = DOC_SYMBOL_RE.match(s.strip(" .")) if tparts and "/" in s else None
        if sym:  # UNFCCC, Adoption of the Paris Agreement, FCCC/CP/2015/L.9/Rev.1, date: a symbol, unlabelled
            f["number"] = sym.group("n")
            break
        sm = _UNNUMBERED_SERIES.match(s) if tparts else None
        if sm:  # Title, Baker Institute Working Paper (Houston: …, 2009): a series, no number printed
            f["type"] = sm.group("type")
            break
        pin = _TITLE_PIN_YEAR.fullmatch(s) if tparts and s.endswith(")") else None
        if pin:
            tparts.append(pin["t"])
            locator = locator or norm_range(pin["pg"])
            break
        tparts.append(s)
    title = ", ".join(tparts).strip(" .") or None
    if title and title.endswith(")") and "edition" not in f:
        em = cre.search(r"\s*\((\d+)(?:st|nd|rd|th)\s+(?:ed\.?|edition)\)$", title, re.I)
        if em:  # Understanding International Conflicts (6th ed.)
            f["edition"] = em.group(1)
            title = title[: em.start()]
    if title:
        f["title"] = _unmask(title)
    n.locator, n.names, n.others, n.placepub, n.role, n.title = locator, names, others, placepub, role, title


def _western_unquoted_credits(n: _WesternNote, parts: list[str]) -> list[str]:
    """The authors (or editors) before an unquoted title, into ``n``; the parts after them."""
    author_text = None
    ed_paren = (
        cre.match(r"^(?P<n>.+?)\s*\((?:eds?\.?|editors?|Hrsg\.|dir\.)\)$", parts[0])
        if parts and parts[0].endswith(")")
        else None
    )
    if ed_paren and looks_like_names(ed_paren["n"]):
        parts[0] = ed_paren["n"]  # G. John Ikenberry (ed.), Title, …
    else:
        ed_paren = None
    if (
        len(parts) >= 2
        and looks_like_names(parts[0])
        and not _WESTERN_UNQUOTED_CREDITS_AND_TITLE_RE2.match(parts[1])
        and not _ED_BY_PART.match(parts[1])  # Harbours of the South, ed. A. Editor: a title, then its editor
    ):
        k = _more_authors(parts)
        author_text = ", ".join(parts[: k + 1])
        parts = parts[k + 1 :]
    if author_text:
        n.names, n.others, n.role = western_names(author_text)
        if ed_paren:
            n.role = "editor"
        if parts and _WESTERN_UNQUOTED_CREDITS_AND_TITLE_RE3.fullmatch(parts[0].strip()):
            n.role = "editor"
            parts = parts[1:]
    return parts


def _translator_part(n: _WesternNote, f: dict[str, str], tm: re.Match, later: list[str]) -> None:
    """``trans. A`` (``trans. and ed. A``: the editor too) after an unquoted title; an ``in Book, ed.
    B (Place: …)`` after it makes the translated piece a chapter of that book."""
    trs, tr_others, _r = western_names(_unmask(tm.group("tr")))
    f["translator"] = names_field(trs, tr_others)
    if tm.group("ed") or tm.group("ed2"):
        f.setdefault("editor", f["translator"])
    at_in = next((j for j, part in enumerate(later) if _WESTERN_UNQUOTED_CREDITS_AND_TITLE_RE6.match(part)), None)
    if at_in is not None:
        n.in_book = _unmask(", ".join(later[at_in:]))


def _credit_or_place_ends_title(
    s: str, after: str, placepub: re.Match | None, f: dict[str, str], later: list[str]
) -> bool:
    """A part after the title that ends it and is read into ``f``: ``ed. by A. Editor`` (the book's
    editors: Title, ed. by A. Editor (Place: Publisher, 2011)) or a place followed only by the year
    or date (Title (London, 1832), 14: no publisher printed; Org, Title, Jakarta, June 2019)."""
    em = _ED_BY_PART.match(s)
    if em:
        eds, ed_others, _r = western_names(_unmask(", ".join([em.group("ed"), *_serial_names(later)])))
        f["editor"] = names_field(eds, ed_others)
        return True
    dm = DOC_SYMBOL_RE.match(s.strip()) if "Doc" in s else None
    if dm and dm.group("t"):  # Body, Title, UN Doc. A/61/402, 12 October 2006: the document's symbol
        f["type"] = cre.sub(r"^U\.N\.", "UN", dm.group("t"))
        f["number"] = dm.group("n").rstrip(".,")
        return True
    if not placepub and s.strip(" .") in PUBLISHING_CITIES and _is_date_part(after):
        f["location"] = s.strip(" .")
        return True
    # Org, Title, Washington, D.C., October 2022: the capital's district is a part of its own
    date_next = later[1].strip(" .") if len(later) > 1 else ""
    if not placepub and s.strip() == "Washington" and after in ("D.C", "DC") and _is_date_part(date_next):
        f["location"] = f"Washington, {later[0].strip()}"
        return True
    return False


def _is_date_part(part: str) -> bool:
    """A comma-separated part that is a date: ``1832``, ``May 21, 2025`` (masked), ``June 2019``,
    ``1 December 2021``."""
    if _is_year(part) or "\x00" in part:
        return True
    words = part.split(" ", 3)
    if len(words) == 3 and words[0].isdigit() and len(words[0]) <= 2:
        words = words[1:]  # the day first
    return len(words) == 2 and _is_year(words[1]) and _month_number(words[0]) is not None


_NAME_PART = re.compile(r"(?:and\s+)?[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){1,3}")


def _serial_names(later: list[str]) -> list[str]:
    """``ed. A, B, and C, 2 vols.``: the names after the first editor's, when they run to ``and …``."""
    out: list[str] = []
    for part in later[:8]:
        part = part.strip()
        if not _NAME_PART.fullmatch(part):
            break
        out.append(part)
        if part.startswith("and "):
            return out
    return []


def _PLACE_THEN_YEAR(part: str, later: list[str]) -> bool:
    """``Wiesbaden`` followed by ``1979``: one to three capitalized words and then the year."""
    return (
        bool(cre.fullmatch(r"[A-Z][a-zà-ÿ'’\-]+(?:\s+[A-Z][a-zà-ÿ'’\-]+){0,2}", part))
        and bool(later)
        and _is_year(later[0].strip(" ."))
    )


_THESIS_IN_PARENS = re.compile(
    r"\([^()]*?(?:diss\.|dissertation|thesis),\s*(?P<inst>[^(),]+,[^(),]+?),\s*(?:1[5-9]|20)\d\d\s*\)", re.I
)
_THESIS_PART = re.compile(
    r"(?:unpublished\s+)?(?:Ph\.?\s?D\.?|doctoral|master'?s|M\.?\s?A\.?|MPhil|M\.?\s?Phil\.?)\s+(?:diss\.|dissertation|thesis)$",
    re.I,
)
# In: Book, ed. by A. Editor, … / In: A. Editor and B. Editor (eds.), Book, … (the editors first)
_IN_BOOK = re.compile(
    r"^[Ii]n:?\s+(?:(?P<eds0>[^,()]+?)\s*(?:\((?:eds?|Hrsg|Hg)\.?\)|,?\s*eds?\.)\s*,\s*)?(?P<book>[^,]+?)(?:,\s*(?:ed\.\s*by|eds?\.|edited\s+by)\s+(?P<eds>[^,:]+?))?\s*(?:,|$)"
)


# Peoples, Powers and Prospects: a list of capitalised words closed by "and" inside a title
_TITLE_LIST_ITEM = re.compile(r"[A-Z][^\d\x00]{0,40}$")


def _title_with_series(segs: list[str]) -> str:
    """The first comma segment of a book title, with a serial list it opens (``Northern Exposure:
    Peoples, Powers and Prospects in Canada's North``) kept whole: the commas of ``A, B and C`` are
    the title's own, not where its volume or edition begins."""
    for k in range(1, min(len(segs), 4)):
        if not _TITLE_LIST_ITEM.match(segs[k]) or cre.match(r"(?:Vol|Volume|Part|Book|No)\b", segs[k]):
            break
        if " and " in segs[k] or " & " in segs[k]:
            return ", ".join(segs[: k + 1])
    return segs[0]


_WESTERN_UNQUOTED_TYPE_RE1 = re.compile(r"\bop\.\s*cit\.?|\bloc\.\s*cit\.?", re.I)


def _western_unquoted_type(n: _WesternNote) -> None:
    """Report, book or web page by the imprint, the author and the title; else a short form."""
    body, date, etype, f, locator, names, p, placepub, title = (
        n.body,
        n.date,
        n.etype,
        n.f,
        n.locator,
        n.names,
        n.p,
        n.placepub,
        n.title,
    )
    url = n.url
    if _may_hold_folded(body, ("cit",)) and _WESTERN_UNQUOTED_TYPE_RE1.search(body):
        p.kind = "opcit"
    book = _IN_BOOK.match(n.in_book) if n.in_book else None
    if n.thesis_at is not None:
        etype = "thesis"
        rest = [p for p in n.thesis_at if "\x00" not in p and not _is_year(p) and not _pages_first(p)]
        if rest:
            f["institution"] = _unmask(rest[0])
        if len(rest) > 1 and rest[1] in PUBLISHING_CITIES | {
            "New Delhi",
            "Delhi",
            "Calcutta",
            "Bombay",
            "Karachi",
            "Lahore",
        }:
            f["location"] = rest[1]
    elif book:
        etype = "incollection"
        f["booktitle"] = book["book"].strip()
        if book["eds"] or book["eds0"]:
            eds, ed_others, _r = western_names(book["eds"] or book["eds0"])
            f["editor"] = names_field(eds, ed_others)
        if locator and "-" in locator:
            f["pages"] = locator
        if placepub:
            f["location"], f["publisher"] = placepub.group("loc").strip(), placepub.group("pub").strip()
            f["date"] = _pp_date(placepub)
        else:  # In: …, Book, Pennsylvania State University Press, 1997: the press, no place printed
            press = next((s.strip(" .") for s in n.in_book[book.end() :].split(",") if PRESS_NAME.search(s)), None)
            if press and not cre.search(r"\d", press):
                f["publisher"] = _unmask(press)
    elif n.journal:
        etype = "article"
        f["journaltitle"] = n.journal
        if n.vol:
            f["volume"] = n.vol.group(1)
        if n.num:
            f["number"] = n.num.group(1)
        if locator and "-" in locator:
            f["pages"] = locator  # pp. 423-442 after an article: its pages (and the cited range)
    elif n.publisher:
        etype = "book"
        f["publisher"] = n.publisher
    elif (
        placepub
        and (
            names
            and names[0].startswith("{")
            or "number" in f
            or "type" in f
            or n.role != "editor"
            and _think_tank(placepub.group("pub"))
        )
        and "Printing Office" not in placepub.group("pub")  # a department's book printed by the GPO
    ):
        # an organization's or a numbered publication, or a think tank's (Santa Monica, CA: RAND
        # Corporation, 2021): a report; a volume its editors put together is a book whoever prints it
        # (New York: Russell Sage Foundation)
        etype = "report"
        pub = placepub.group("pub").strip()
        # OECD Publishing, … University Press: a press imprint publishes the report, it is no institution
        f["publisher" if _PRESS_IMPRINT.search(pub) else "institution"] = pub
        f["location"] = placepub.group("loc").strip()
        f["date"] = _pp_date(placepub)
    elif placepub:
        etype = "book"
    elif n.dated_title and url and title and not REPORT_TITLE_RE.search(title) and "type" not in f:
        etype = "online"  # Bluebook's internet source: Ctrs. for Disease Control, Title (Feb. 24, 2020), URL
    elif (
        title and (names and names[0].startswith("{") or REPORT_TITLE_RE.search(title) or "type" in f) and (date or url)
    ):
        etype = "report"
        if names and names[0].startswith("{") and "Doc" not in f.get("type", ""):
            # (a UN document is read without an institution, as its quoted form is: sets 28-33)
            f["institution"] = names[0].strip("{}")
    elif title and (date or url):
        etype = "book" if not url else "online"
    elif p.kind != "opcit":
        p.kind = "short" if names or locator else "full"
        if not names and not locator:
            p.understood = bool(title)
    n.etype = etype


def _western_finish(n: _WesternNote) -> Parsed:
    """Names in the order of their language, the credit fields, volume, publisher and date by type,
    and the result."""
    addon, chicago, container, date, etype, f, locator, names = (
        n.addon,
        n.chicago,
        n.container,
        n.date,
        n.etype,
        n.f,
        n.locator,
        n.names,
    )
    num, others, p, paren_vol, placepub, q, rest_wo, role = (
        n.num,
        n.others,
        n.p,
        n.paren_vol,
        n.placepub,
        n.q,
        n.rest_wo,
        n.role,
    )
    title, url, vol = n.title, n.url, n.vol
    lang = language_of((title or "") + " " + (container or ""))
    if names and lang in ("japanese", "korean"):
        # Nakamura Takafusa, Nihon keizai …: a romanized Japanese/Korean work names its author
        # family name first (a hyphenated Korean given name is already read so)
        names = [cre.sub(r"^([^\s,.{}-]+), ([^\s,.{}-]+)$", r"\2, \1", n) for n in names]
    if names:
        key = (
            "editor"
            if role == "editor" and etype != "incollection"
            else ("translator" if role == "translator" else "author")
        )
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
            f["date"] = (
                date
                if (vol or num or chicago or etype != "article") and len(date) <= 7
                else date[:4]
                if etype != "report"
                else date
            )
        else:
            f["date"] = date
    if etype == "incollection" and "date" not in f and date:
        f["date"] = date[:4]
    t_ = f.get("title") or ""
    if f.get("date") and t_ and f["date"][:4] in t_ and t_ in rest_wo:
        # China 2030: Building…, Washington, D.C.: World Bank, 2013: a year inside the title is not
        # the publication year; take the one in the publication data after the title
        later = iso_date(rest_wo[rest_wo.index(t_) + len(t_) :])
        if later:
            f["date"] = later
    if url:
        f["url"] = url
    f["langid"] = lang
    if n.pinpoint:
        if locator and "-" in locator and etype in ("incollection", "inbook", "article"):
            f.setdefault("pages", locator)
        locator = n.pinpoint
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


_PARTICLES = frozenset(("de", "da", "van", "von", "der", "den", "del", "di"))


def _person_chunk(text: str) -> bool:
    """``Richard A. Higgott`` / ``Kim Richard Nossal`` / ``Derek J. de Solla Price``: a person's name,
    not title words (a particle such as ``de`` is not counted among its two to four words)."""
    words = text.split()
    if not 2 <= len(words) - sum(w in _PARTICLES for w in words) <= 4:
        return False
    if any(w in _TITLE_WORDS for w in words):
        return False
    return all(_PERSON_TOKEN.match(w) for w in words)


# the given names of an inverted name, with an initial to tell them from a short title: ``Robert L.``,
# ``J. R.``, ``Oran R.``
_INVERTED_GIVEN = re.compile(r"(?:[A-Z][a-z]+\s+)*[A-Z]\.(?:\s?[A-Z]\.)*|[A-Z]\.(?:\s?[A-Z]\.)*\s+[A-Z][a-z]+")


_MORE_AUTHORS_RE1 = re.compile(r"[^\W\d_a-z][^\W\d_]+(?:[-'’][^\W\d_]+)*")
_MORE_AUTHORS_RE2 = re.compile(r"\s+(?:Jr|Sr)\.?$")


def _more_authors(parts: list[str]) -> int:
    """Index of the last comma part that still belongs to the author list ``A, B and C`` / ``A, B, and C``
    / ``A, B, et al.`` (0: only the first part). The part after it must remain for the title."""
    if " and " in parts[0]:
        return 0
    surnames_only = bool(_MORE_AUTHORS_RE1.fullmatch(parts[0])) and parts[0] not in _TITLE_WORDS
    if not surnames_only and not _person_chunk(_MORE_AUTHORS_RE2.sub("", parts[0])):
        return 0
    if surnames_only and len(parts) >= 3 and _INVERTED_GIVEN.fullmatch(parts[1].strip()):
        return 1  # Kohane, Robert L., After Hegemony (a bibliography's inverted name in a note)
    for k in range(1, min(len(parts) - 1, 6)):
        s = parts[k].strip()
        if cre.fullmatch(r"et al\.?", s):
            return k
        # (?<!\s): a match starts only where a run of spaces does, so a long run is not rescanned
        # from each of its positions (10,000 ideographic spaces took seconds)
        chunks = [c for c in cre.split(r"^and\s+|(?<!\s)\s+and\s+|(?<!\s)\s*&\s*|(?<!\s)\s+et al\.?$", s) if c]
        if surnames_only:  # short form: Cooper, Higgott and Nossal, Relocating Middle Powers, p. 21
            ok = all(
                cre.fullmatch(
                    r"(?:(?:de|van|von|der|den|del|da|di|le|la)\s+)*[^\W\d_a-z][^\W\d_]+(?:[-'’][^\W\d_]+)*", c
                )
                and c not in _TITLE_WORDS
                for c in chunks
            )
        else:
            ok = all(_person_chunk(c) or cre.fullmatch(r"(?:Jr|Sr)\.?|II|III|IV", c) for c in chunks)
        if not chunks or not ok:
            return 0
        if cre.search(r"(?:^|\s)and\s|&|et al\.?$", s):
            nxt = parts[k + 1].strip()
            after = parts[k + 2].strip(" .") if k + 2 < len(parts) else ""
            if (
                "\x00" in nxt
                or _pages_first(nxt)
                or _is_year(nxt.strip(" ."))
                or cre.fullmatch(r"[\dIVXivx]+(?:\s*[-–—]\s*\d+)?\.?", nxt)
                or cre.match(r"(?:op|loc)\.\s*cit|ibid|supra|note\s+\d", nxt, re.I)
                or ":" in nxt
                and (not after or _is_year(after))
            ):
                return 0
            return k
    return 0


# the number closing a report series: ``… Report No. 19/266``, ``PIIE Working Paper 19-7``
_SERIES_NUMBER = re.compile(r",?\s*(?:No\.?|no\.|Number)\s*(\S+)$|(?<=[A-Za-z]) +(\d[\d/-]*)$")


def _series_and_number(container: str) -> tuple[str, str | None]:
    """``IMF Country Report No. 19/266`` -> (``IMF Country Report``, ``19/266``): the series is the
    report's type, the number after it its number."""
    m = _SERIES_NUMBER.search(container)
    if not m:
        return container, None
    return container[: m.start()].strip(), (m.group(1) or m.group(2)).rstrip(".,")


def _series_place(segs: list[str], container: str) -> str | None:
    """``IMF Country Report No. 19/266, Washington, D.C., August 2019``: a city and its US state
    after the report series are where the report was issued."""
    try:
        k = [x.strip(" .") for x in segs].index(container)
    except ValueError:
        return None
    if len(segs) < k + 3:
        return None
    city, state = segs[k + 1].strip(), segs[k + 2].strip()
    if cre.fullmatch(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?", city) and not MONTHS.get(city[:3].lower()):
        if US_STATE_RE.fullmatch(state):
            return f"{city}, {state}"
    return None


def _series_institution(segs: list[str], container: str) -> str | None:
    """``Quincy Brief No. 45, Quincy Institute for Responsible Statecraft, May 3, 2023``: the
    institution is the part after the report series."""
    try:
        k = [x.strip(" .") for x in segs].index(container)
    except ValueError:
        return None
    for x in segs[k + 1 : k + 3]:
        x = _unmask(x).strip(" .")
        if not x or "\x00" in x or YEAR.search(x) or URL_RE.match(x) or cre.match(r"^(?:No\.|no\.|Vol\.|pp?\.)", x):
            continue
        if (
            ORG_RE.search(x)
            or cre.fullmatch(r"[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,2}", x)
            or cre.fullmatch(r"[A-Z]{2,8}", x)
        ):
            return x
        break
    return None
