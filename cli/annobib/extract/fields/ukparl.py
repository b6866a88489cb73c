"""British parliamentary papers and debates: a Command paper (``Statement Relating to Defence, Cmd.
7042 (London: HMSO, 1947), 6.``), a Colonial paper (``…, Colonial No. 330 (London: HMSO, 1957)``)
and Hansard (``Hansard, House of Commons Debates, 5th ser., vol. 437, col. 2041, 3 June 1947``)."""

from __future__ import annotations

import re

from annobib.extract.fields.features import _order, iso_date
from annobib.extract.fields.model import Parsed

_YEAR = r"(?:1[6-9]|20)\d\d"
# the paper's series and number: Cd. / Cmd. / Cmnd. / Cm. (the Command series by period), Colonial No.
_PAPER_NUMBER = r"(?:Cd|Cmd|Cmnd|Cm)\.\s*\d{1,5}|Colonial\s+No\.\s*\d{1,4}"
_PAPER = re.compile(
    rf"^(?P<t>[^()]{{3,250}}?),\s*(?P<n>{_PAPER_NUMBER})"
    rf"(?:\s*\((?P<loc>[A-Z][\w .]{{1,30}}?):\s*(?P<pub>[^,()]{{2,60}}?),\s*(?P<y>{_YEAR})\))?"
    rf"(?:,\s*(?:pp?\.\s*)?(?P<pin>\d{{1,4}}(?:\s*[-–]\s*\d{{1,4}})?))?\s*\.?\s*$"
)
_PAPER_CUE = re.compile(rf"(?:{_PAPER_NUMBER})")
# Hansard, House of Commons Debates, 5th ser., vol. 437, col. 2041, 3 June 1947
_HANSARD = re.compile(
    r"^(?:Hansard|Parliamentary\s+Debates)[,.]?\s*(?P<t>House\s+of\s+(?:Commons|Lords)\s+Debates)?,?\s*"
    r"(?:(?P<ser>\d{1,2})(?:st|nd|rd|th)\s+ser(?:\.|ies)?,?\s*)?vol\.\s*(?P<v>\d{1,4}),?\s*"
    r"cols?\.\s*(?P<c>\d{1,5}(?:\s*[-–]\s*\d{1,5})?),?\s*(?P<d>[^,]{4,30}?)\s*\.?\s*$"
)


def uk_parliamentary(text: str) -> bool:
    """A Command or Colonial paper's number, or Hansard: what the builder needs (cheap tests first)."""
    if "Hansard" in text or "Parliamentary Debates" in text:
        return True
    return ("Cmd" in text or "Cmnd" in text or "Cm." in text or "Cd." in text or "Colonial No" in text) and bool(
        _PAPER_CUE.search(text)
    )


def parse_uk_parliamentary(text: str) -> Parsed | None:
    """A paper -> ``@report`` with the paper's number (``Cmd. 7042``) and its imprint; Hansard ->
    ``@misc`` titled by the House's debates, the series and volume, the column cited as locator."""
    t = text.strip()
    m = _HANSARD.match(t)
    if m:
        f = {"title": m["t"] or "Parliamentary Debates"}
        if m["ser"]:
            f["series"] = m["ser"]
        f["volume"] = m["v"]
        d = iso_date(m["d"])
        if d:
            f["date"] = d
        f["langid"] = "english"
        return Parsed(type="misc", fields=_order(f), locator=m["c"].replace("–", "-").replace(" ", ""), names=[])
    m = _PAPER.match(t)
    if not m:
        return None
    f = {"title": m["t"].strip(), "number": " ".join(m["n"].split())}
    if m["pub"]:
        f["location"], f["publisher"], f["date"] = m["loc"].strip(), m["pub"].strip(), m["y"]
    f["langid"] = "english"
    locator = m["pin"].replace("–", "-").replace(" ", "") if m["pin"] else None
    return Parsed(type="report", fields=_order(f), locator=locator, names=[])
