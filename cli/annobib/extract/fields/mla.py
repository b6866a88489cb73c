"""MLA works-cited books: ``Surname, Given. Title. Publisher, Year.``, the second author given name
first (``Bowker, Geoffrey C., and Susan Leigh Star.``), ``et al.``, and ``, editors.`` for an edited
volume (a ``collection``, as the other rows read ``eds.``). No place is printed. Quoted titles
(articles) are left to the Chicago row, which reads the same container, volume and pages."""

from __future__ import annotations

import re

from annobib.extract.fields.features import _order
from annobib.extract.fields.model import Parsed
from annobib.extract.fields.names import western_person

_SURNAME = r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?"
# given names ending in an initial (its stop ends the name too: ``Paul N. A Vast …``) or a word and a stop
_GIVEN = r"(?:[A-Z][\w'’-]*\.? )*?(?:[A-Z]\.|[A-Z][a-z][\w'’-]*(?=[.,]))"
_MLA_BOOK = re.compile(
    rf"(?P<s1>{_SURNAME}), (?P<g1>{_GIVEN})"
    rf"(?:,? and (?P<second>{_GIVEN.replace('(?=[.,])', '')} {_SURNAME})|(?P<etal>,? et al\.))?"
    r"(?:, (?P<role>editors?|translators?))?\.? "
    r"(?P<title>[^\"“”]+?[^.A-Z ])[.?!] (?P<pub>[A-Z][^.:]{1,60}?), (?P<year>\d{4})\.?$"
)


def mla_cue(text: str) -> bool:
    """A comma in the first words and a year closing the text (``…, 2010.``): cheap tests first."""
    t = text.rstrip(". ")
    return t[-4:].isdigit() and "," in text[:40] and '"' not in text and "“" not in text


def parse_mla_book(text: str) -> Parsed | None:
    m = _MLA_BOOK.match(text.strip())
    if not m:
        return None
    g1 = m["g1"]
    names = (
        [f"{m['s1']}, {g1}"]
        + ([western_person(m["second"])] if m["second"] else [])
        + (["others"] if m["etal"] else [])
    )
    role = "editor" if (m["role"] or "").startswith("editor") else "translator" if m["role"] else "author"
    f = {
        role: " and ".join(names),
        "title": m["title"].strip(),
        "publisher": m["pub"].strip(),
        "date": m["year"],
        "langid": "english",
    }
    return Parsed("collection" if role == "editor" else "book", _order(f), names=[])
