"""ACS-style references, as MDPI, the American Chemical Society and many science publishers print
their reference lists: authors ``Family, I.;`` joined by semicolons, the year before the volume,
semicolons between the parts of a book's imprint:

- an article: ``Family, I.; Family, I.I.; et al. Title. J. Abbr. 2021, 7, 99–108.`` (an issue may
  follow the volume in parentheses; the pages may be an article number, ``eabb3151``);
- a book or report: ``Family, I. Title; [Series or Number;] Publisher: Place, Year.``;
- a chapter: ``Family, I. Title. In Book; Editor, I., Ed.; Publisher: Place, Year; pp. 141–162.``;
- a thesis: ``Family, I. Title. Ph.D. Thesis, University, Place, Year.``;
- a web page: ``Body. Title. Available online: URL (accessed on 2 February 2024).``

An organization as author is the text before the first ``. `` after a word (``FAO. The State …``).
A reference-list item cites no page: an article's or chapter's range is its locator too (as the
sets read an APA list)."""

from __future__ import annotations

import re

from annobib.extract.fields.features import ACCESS_EN, URL_RE, _order, clean_url, iso_date, norm_range
from annobib.extract.fields.model import Parsed

# capitals, Latin-1's among them (Łukasz and Šimon start with \w below: a class holding Latin
# Extended-A costs a millisecond to compile each time it is written, and it is written ten times)
_UPPER = r"A-Z\u00c0-\u00de"
# ``U.R.`` / ``M.L.D.`` / ``J.-P.`` / ``J. A.`` / ``Th.``: a space only between two initials
_INITIALS = rf"[{_UPPER}][a-z]?\.(?:(?: |-)?[{_UPPER}][a-z]?\.)*"
_FAMILY = (
    rf"(?:(?:van|von|de|der|den|da|del|della|di|du|dos|das|la|le|al|el)[ \-])*[{_UPPER}][\w'’\-‐]+"
    rf"(?: [{_UPPER}][\w'’\-‐]+){{0,2}}"
)
_NAME = rf"{_FAMILY}, {_INITIALS}"
# the list ends at its last initial's stop; ``; et al.`` may close it
_PERSONS = re.compile(rf"(?P<au>{_NAME}(?:; {_NAME})*)(?P<etal>;? et al\.)? (?=\S)")
# ``FAO. `` / ``Global Fishing Watch. ``: a body's name ends at a stop after a word (not an initial)
_BODY = re.compile(rf"(?P<au>[{_UPPER}](?:[^.;:]{{0,100}}?\w)?\w)\. (?=[{_UPPER}\d“\"'])")
_YEAR = r"(?:1[5-9]|20)\d\d"
_ARTICLE_TAIL = re.compile(
    rf" (?P<year>{_YEAR}), (?P<vol>\d{{1,5}}[A-Za-z]?)(?: ?\((?P<num>[^()]{{1,20}})\))?, "
    r"(?P<pages>[A-Za-z]{0,8}\d+(?:\s?[-–‐]\s?[A-Za-z]{0,8}\d+)?)\.?$"
)
# ``…; Publisher: Place, Year[; pp. 1–20].``: the imprint closing a book, report or chapter
_IMPRINT_TAIL = re.compile(
    rf"; (?P<pub>[^;:]{{2,100}}): (?P<place>[^;:]{{2,60}}?), (?P<year>{_YEAR})"
    r"(?:; (?:Volume (?P<vol>\d+), )?pp?\. (?P<pages>\d+(?:\s?[-–‐]\s?\d+)?))?\.?$"
)
_THESIS_TAIL = re.compile(
    r"\. (?P<kind>Ph\. ?D\. Thesis|PhD Thesis|Ph\. ?D\. Dissertation|Doctoral Dissertation|Doctoral Thesis|"
    r"Master['’]s Thesis|M\.A\. Thesis|MSc Thesis|Bachelor['’]s Thesis), "
    rf"(?P<inst>[^,]{{2,100}}?)(?:, (?P<place>[^;]{{2,60}}?))?, (?P<year>{_YEAR})\.?$"
)
_ONLINE_TAIL = re.compile(r"\.? Available online: (?P<rest>\S.*)$")
_URL_TAIL = re.compile(r"\.? (?P<url>https?://\S+)$")  # ``… 2017, 1, 0183. https://doi.org/10.1038/…``
# ``In Book[, 2nd ed.]; Editor, I., Ed.;``: the book and its editors before the imprint
_IN_BOOK = re.compile(
    r"\. In (?P<book>[^;]{2,200}?)(?:, (?P<edition>\d{1,2})(?:st|nd|rd|th) ed\.)?"
    rf"; (?P<eds>(?:{_NAME}, )+)Eds?\.$"
)
_SENTENCE_STOP = re.compile(r"[.?!] (?=[A-Z])")
_BETWEEN_NAMES = re.compile(rf"(?<=\.), (?={_FAMILY}, )")  # ``Lee, M., Kim, J., Eds.``
_PRESS = re.compile(r"Press|Publish|Verlag|Books|Springer|Elsevier|Wiley|Routledge|Palgrave|Macmillan")
_JOURNAL_WORD = re.compile(rf"[{_UPPER}][\w'’\-]*\.?|&|and|of|in|the|for|on|[A-Z]+")
_THESIS_TYPE = {"Master": "mathesis", "M.A.": "mathesis", "MSc": "mathesis", "Bachelor": "thesis"}


def acs_cue(text: str) -> bool:
    """Worth trying: a semicolon (between authors or in an imprint), a web page's ``Available
    online:``, a thesis, or an article's ``Year, Vol, Pages.`` closing the text."""
    if ";" in text or "Available online:" in text or " Thesis, " in text or " Dissertation, " in text:
        return True
    return text.rstrip(". ")[-1:].isdigit() and _ARTICLE_TAIL.search(text) is not None


def whole_item(text: str) -> bool:
    """``text`` (a note) is one ACS reference, whose semicolons join its authors and imprint rather
    than part citations."""
    return ";" in text and acs_cue(text) and parse_acs(text) is not None


def _authors(text: str) -> tuple[str, str, bool] | None:
    """(author field, the rest, persons?) of an item: a ``Family, I.;`` list or a body's name."""
    m = _PERSONS.match(text)
    if m:
        names = [n.strip() for n in m["au"].split("; ")]
        return " and ".join(names + (["others"] if m["etal"] else [])), text[m.end() :], True
    m = _BODY.match(text)
    if m and "," not in m["au"]:
        return "{" + m["au"] + "}", text[m.end() :], False
    return None


def _journal_split(rest: str) -> tuple[str, str] | None:
    """``Title. J. Abbr.`` -> (title, journal): the first sentence stop after which every word is a
    journal's (capitalized or abbreviated, a few joining words) and there are at most eight."""
    head = rest.rsplit(" ", 9)[0] if rest.count(" ") > 9 else ""  # a journal is in the last words
    for m in _SENTENCE_STOP.finditer(rest, max(0, len(head) - 1)):
        journal = rest[m.end() :].strip()
        words = journal.split()
        if len(words) <= 8 and all(_JOURNAL_WORD.fullmatch(w) for w in words):
            title = rest[: m.end()].strip()
            return (title[:-1] if title.endswith(".") else title), journal
    return None  # (a title holding ``; `` is two references run on: no split reads it as one)


def parse_acs(text: str) -> Parsed | None:
    """An ACS/MDPI reference (see the module's docstring), or None."""
    t = text.strip()
    who = _authors(t)
    if who is None:
        return None
    author, rest, persons = who
    f: dict[str, str] = {"author": author}
    url = _ONLINE_TAIL.search(rest)
    if url:
        rest = rest[: url.start()]
        if not _online(url["rest"], f):
            return None
    elif "://" in rest and (bare := _URL_TAIL.search(rest)):
        rest, f["url"] = rest[: bare.start()], clean_url(bare["url"])
    p = _article(rest, f) or _thesis(rest, f) or _imprinted(rest, f, persons)
    if p is None and url and rest.strip():
        f["title"] = rest.strip().rstrip(".")
        p = Parsed("online", f)
    if p is None:
        return None
    p.fields["langid"] = "english"
    p.fields = _order(p.fields)
    return p


def _online(tail: str, f: dict[str, str]) -> bool:
    """The URL and access date of ``Available online: URL (accessed on …).``"""
    m = URL_RE.search(tail)
    if not m:
        return False
    f["url"] = clean_url(m.group())
    accessed = ACCESS_EN.search(tail, m.end())
    if accessed:
        f["urldate"] = iso_date(accessed.group(1)) or ""
    return True


def _article(rest: str, f: dict[str, str]) -> Parsed | None:
    m = _ARTICLE_TAIL.search(rest)
    split = _journal_split(rest[: m.start()]) if m else None
    if m is None or split is None or "; " in split[0]:
        return None  # not an article, or two references run on
    f["title"], f["journaltitle"] = split
    f.update(date=m["year"], volume=m["vol"], number=m["num"] or "", pages=norm_range(m["pages"]))
    return Parsed("article", f, locator=f["pages"])


def _thesis(rest: str, f: dict[str, str]) -> Parsed | None:
    m = _THESIS_TAIL.search(rest)
    if m is None:
        return None
    kind = next((v for k, v in _THESIS_TYPE.items() if m["kind"].startswith(k)), "phdthesis")
    f.update(title=rest[: m.start()].strip(), type=kind, institution=m["inst"].strip())
    f.update(location=m["place"] or "", date=m["year"])
    return Parsed("thesis", f)


def _imprinted(rest: str, f: dict[str, str], persons: bool) -> Parsed | None:
    """A book, report or chapter: what stands before ``; Publisher: Place, Year``."""
    m = _IMPRINT_TAIL.search(rest)
    if m is None:
        return None
    head = rest[: m.start()]
    f.update(location=m["place"].strip(), date=m["year"])
    pages = norm_range(m["pages"]) if m["pages"] else None
    book = _IN_BOOK.search(head)
    if book:
        f["title"] = head[: book.start()].strip()
        eds = [e.strip() for e in _BETWEEN_NAMES.split(book["eds"].rstrip(", "))]
        f.update(booktitle=book["book"].strip(), editor=" and ".join(eds), edition=book["edition"] or "")
        f.update(publisher=m["pub"].strip(), volume=m["vol"] or "", pages=pages or "")
        return Parsed("incollection", f, locator=pages)
    title, *middle = [part.strip() for part in head.split("; ")]
    f["title"] = title.rstrip(".")
    if "; " in title or any(len(part) > 40 for part in middle):
        return None  # two references run on, not one imprint
    for part in middle:  # ``CMM 2021-01`` (a number) / ``Research Paper`` (a series or kind)
        f["number" if any(c.isdigit() for c in part) else "type"] = part
    if middle or not persons and not _PRESS.search(m["pub"]):
        f["institution"] = m["pub"].strip()
        return Parsed("report", f)
    f["publisher"] = m["pub"].strip()
    return Parsed("book", f)
