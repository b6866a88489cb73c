"""Vancouver (ICMJE / NLM) references, the style of medical and public-health lists:
``Surname AB, Surname CD, et al. Title. Journal. 2020;395(10223):497-506.`` (an article; the year
may carry a month and day, a DOI may follow) and ``Author. Title. Place: Publisher; 2022.`` (a
book, or a report when the author is an organization). Authors print as ``Surname Initials``
without periods; they are written ``Surname, Initials`` (as the GB/T rows write ``Keohane R O``).
The date keeps the year only (``2019 Sep 28`` is the issue's cover date, not the citation's)."""

from __future__ import annotations

import re

from annobib.extract.fields.features import ORG_RE, _order
from annobib.extract.fields.model import Parsed

# one author: a surname (particles and hyphens allowed) and one to three capital initials
_AU = r"(?:[a-z]{1,3} )*[A-Z][\w'’-]+(?: (?:[a-z]{1,3} )?[A-Z][\w'’-]+)* [A-Z]{1,3}"
_AUTHORS = rf"(?P<au>{_AU}(?:, {_AU})*(?P<etal>,? et al)?)\."
_ARTICLE_RE = re.compile(
    _AUTHORS + r" (?P<title>[^.?!]+(?:[.?!](?! )[^.?!]*)*[.?!]) (?P<journal>[A-Z][^.;:]{1,80})\. "
    r"(?P<year>\d{4})(?: [A-Z][a-z]{2}(?: \d{1,2})?)?;\s?(?P<vol>\d+)(?:\((?P<num>[^()]+)\))?:(?P<pages>[A-Za-z]?\d+(?:[-–][A-Za-z]?\d+)?)\.?"
    r"(?:\s*(?:doi|DOI):\s*(?P<doi>\S+?)\.?)?$"
)
# a book or report: the author (people or an organization), the title, ``Place: Publisher; Year.``
_BOOK_RE = re.compile(
    r"(?P<au>[^.]+?)\. (?P<title>[^.?!]+(?:[.?!](?! )[^.?!]*)*)[.?!] "
    r"(?:(?P<ed>\d{1,2})(?:st|nd|rd|th) ed\. )?(?P<place>[A-Z][\w .,'-]{1,40}?): (?P<pub>[^;]{2,120}); (?P<year>\d{4})\.?$"
)
_PERSONS_RE = re.compile(_AUTHORS[: -len(r"\.")])


def vancouver_cue(text: str) -> bool:
    """``2020;395(`` / ``: Publisher; 2022.``: the year-semicolon joins no other style prints (a DOI
    after the pages is cut before the fields stage, with the period before it)."""
    return ";" in text and bool(_CUE_RE.search(text))


_CUE_RE = re.compile(r"\d{4}(?: [A-Z][a-z]{2}(?: \d{1,2})?)?;\s?\d+(?:\([^()]+\))?:|: [^;]+; \d{4}\.?\s*$")


def _names(au: str) -> str:
    """``Huang C, Wang Y, et al`` -> ``Huang, C and Wang, Y and others``."""
    etal = au.endswith("et al")
    au = re.sub(r",? et al$", "", au)
    out = [re.sub(r" ([A-Z]{1,3})$", r", \1", n.strip()) for n in au.split(",")]
    return " and ".join(out + (["others"] if etal else []))


def parse_vancouver(text: str) -> Parsed | None:
    t = text.strip()
    m = _ARTICLE_RE.match(t)
    if m:
        f = {
            "author": _names(m["au"]),
            "title": m["title"].rstrip("."),
            "journaltitle": m["journal"].strip(),
            "date": m["year"],
            "volume": m["vol"],
            "pages": m["pages"].replace("–", "-"),
        }
        if m["num"]:
            f["number"] = m["num"]
        if m["doi"]:
            f["doi"] = m["doi"]
        f["langid"] = "english"
        return Parsed("article", _order(f), locator=f["pages"], names=[])
    m = _BOOK_RE.match(t)
    if not m:
        return None
    au = m["au"].strip()
    person = _PERSONS_RE.fullmatch(au)
    if not person and not ORG_RE.search(au) and len(au.split()) < 3:
        return None
    f = {
        "author": _names(au) if person else "{" + au + "}",
        "title": m["title"].strip(),
        "location": m["place"].strip(),
        "publisher": m["pub"].strip(),
        "date": m["year"],
    }
    if m["ed"]:
        f["edition"] = m["ed"]
    f["langid"] = "english"
    return Parsed("book" if person else "report", _order(f), names=[])
