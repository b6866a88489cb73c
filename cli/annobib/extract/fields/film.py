"""Films cited the Chicago way: ``Title, directed by Name (Place: Studio, Year), DVD.``
(:func:`parse_film`). The director is the film's editor of type ``director`` (biblatex's
``editortype``), the studio its publisher; the medium after the imprint is no field."""

from __future__ import annotations

import re

from annobib.extract.fields.features import _order, language_of, strip_trailing
from annobib.extract.fields.model import Parsed
from annobib.extract.fields.names import names_field, western_names

# every part bounded and free of the brackets that close it: one pass, whatever the note's length
_FILM = re.compile(
    r"(?P<t>[^()]{2,200}?),\s*(?:directed\s+by|dir\.)\s+(?P<d>[^,()]{2,80}?)\s*"
    r"\((?:(?P<loc>[^:()]{2,60}?)\s*:\s*)?(?P<pub>[^,():]{2,80}?),\s*(?P<y>(?:1[89]|20)\d\d)\)"
    r"(?:\s*,\s*(?P<medium>[^,()]{2,40}))?"
)


def directed_by(text: str) -> bool:
    """``directed by`` / ``dir.``: what a film's citation names (the regex cannot match without)."""
    return "directed by" in text or " dir. " in text


def parse_film(text: str) -> Parsed | None:
    """``In the Mood for Love, directed by Wong Kar-wai (Hong Kong: Block 2 Pictures, 2000), DVD.``: a
    film as an @misc with its director; None unless the whole note has that shape."""
    m = _FILM.fullmatch(strip_trailing(text))
    if not m:
        return None
    directors, others, _role = western_names(m["d"])
    f = {
        "title": m["t"].strip(),
        "editor": names_field(directors, others),
        "editortype": "director",
        "publisher": m["pub"].strip(),
        "date": m["y"],
    }
    if m["loc"]:
        f["location"] = m["loc"].strip()
    f["langid"] = language_of(f["title"])
    return Parsed(type="misc", fields=_order(f), names=[])
