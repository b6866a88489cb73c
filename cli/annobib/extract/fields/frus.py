"""A document printed in a documentary edition: ``“Telegram from …, Tokyo, October 3, 1955,” FRUS,
1955-1957, Vol. XXIII, p. 112`` / ``Memorandum by … (Robertson), May 3, 1955, FRUS, 1955-1957, 23,
pt. 1:48-50``.

The document is an ``@incollection`` of its volume: ``title`` the document (quoted or not),
``booktitle`` the series and its years as printed (``FRUS, 1952-1954``), ``volume`` the volume
number (Roman or Arabic), ``pages`` a printed range (a single page is only the locator), and the
volume's imprint when printed. ``date`` is the imprint's year; without an imprint, the document's
date when it is printed outside a quoted title (an unquoted memorandum's date), else none.
A note that names the volume alone (``Foreign Relations of the United States, 1950, vol. 7``) is a
book and is left to the Western builder.
"""

from __future__ import annotations

import re

from annobib.extract import rx as cre
from annobib.extract.fields.features import (
    _find_quoted,
    _order,
    find_place_publisher,
    iso_date,
    norm_range,
    strip_trailing,
)
from annobib.extract.fields.model import Parsed

_SERIES = re.compile(
    r"(?:^|(?<=[,”\"])\s*)(?P<series>(?:FRUS|(?:Papers Relating to the )?Foreign Relations of the United States),\s*"
    r"(?:1[89]|20)\d\d(?:\s*[-–]\s*(?:1[89]|20)?\d\d)?)"
)
# after the series: the volume (``Vol. XIV`` / ``vol. 14`` / a bare ``23,``), then the pages (``pt. 1:48-50``)
_VOLUME = re.compile(
    r"^,\s*(?:(?:Vol(?:ume)?\.?|vol\.)\s*(?P<vol>[IVXLC]+|\d{1,3})(?=\s*[,:(]|\s*$)|(?P<bare>[IVXLC]+|\d{1,2})(?=\s*[,:]))"
)
_PAGES = re.compile(r"(?:\bpp?\.\s*|(?<=\d):\s*|,\s*)(?P<pp>\d{1,4}(?:\s*[-–]\s*\d{1,4})?)\s*\.?\s*$")


def looks_like_frus_document(text: str) -> bool:
    return "FRUS" in text or "Foreign Relations of the United States" in text


def parse_frus_document(text: str) -> Parsed | None:
    """The document, its volume and its pages; None when the note names no document before the
    series (the volume itself, or an author of the whole volume)."""
    m = _SERIES.search(text)
    if not m or m.start("series") == 0:
        return None
    body = strip_trailing(text)
    pre = strip_trailing(text[: m.start("series")])
    f: dict[str, str] = {}
    q = _find_quoted(pre)
    if q:
        if strip_trailing(pre[: q[0]]):
            return None  # an author before the quoted title: a chapter, read by the Western builder
        f["title"] = strip_trailing(q[2])
        doc_date = None
    else:
        dm = cre.search(r",\s*((?:[A-Z][a-z]+\.?\s+\d{1,2},\s*|\d{1,2}\s+[A-Z][a-z]+\.?\s+)(?:1[89]|20)\d\d)$", pre)
        doc_date = iso_date(dm.group(1)) if dm else None
        f["title"] = strip_trailing(pre[: dm.start()] if dm else pre)
        if not cre.match(
            r"(?:Memorandum|Telegram|Letter|Despatch|Dispatch|Note|Paper|Minutes|Report|Editorial|"
            r"Draft|Message|Airgram|Instruction|Record|Summary|Statement|Notes)\b",
            f["title"],
        ):
            return None  # not a document's description: a book or an author
    f["booktitle"] = m.group("series")
    rest = body[m.end() :]
    vol = _VOLUME.match(rest)
    if vol:
        f["volume"] = vol.group("vol") or vol.group("bare")
    # (Washington, DC: GPO, 1997): the bracket read as the comma it stands for (same length, so the
    # match's offsets hold), else the place would start after the bracket at ``DC``
    placepub = find_place_publisher(rest.replace("(", ",") if "(" in rest else rest)
    if placepub:
        f["location"] = placepub.group("loc").strip()
        f["publisher"] = placepub.group("pub").strip()
        f["date"] = placepub.group("year")
    elif doc_date:
        f["date"] = doc_date
    tail = rest[placepub.end() :] if placepub else rest[vol.end() :] if vol else rest
    pages = _PAGES.search(tail)
    locator = norm_range(pages.group("pp")) if pages else None
    if locator and "-" in locator:
        f["pages"] = locator
    f["langid"] = "english"
    return Parsed(type="incollection", fields=_order(f), locator=locator)
