"""Crossref and OpenAlex: the requests verify sends and their answers as :class:`Record` objects.

Paths are appended to the configured bases (``$ANNOBIB_CROSSREF_URL/works/{doi}``,
``$ANNOBIB_CROSSREF_URL/works?query.bibliographic=…``, ``$ANNOBIB_OPENALEX_URL/works/doi:{doi}``,
``$ANNOBIB_OPENALEX_URL/works?search=…``).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from urllib.parse import quote, urlencode

from annobib.core.sanitize import network_text
from annobib.crossref import doi_problem
from annobib.exchange.common import clean_date_parts
from annobib.names import has_cjk

ROWS = 5  # candidates asked of a search


@dataclass
class Record:
    source: str  # "crossref" | "openalex"
    doi: str = ""
    title: str = ""
    subtitle: str = ""
    authors: list[tuple[str, str]] = field(default_factory=list)  # (family, given)
    year: str = ""
    years: set[str] = field(default_factory=set)  # print, online, issued: any is right
    container: str = ""
    volume: str = ""
    issue: str = ""
    pages: str = ""
    type: str = ""

    def author_text(self) -> str:
        return " and ".join(f"{f}, {g}" if g else f for f, g in self.authors)


def _text(value) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    text = re.sub(r"<[^>]+>", "", str(value or ""))  # Crossref titles may carry JATS tags
    return " ".join(network_text(html.unescape(text)).split())  # … and entities (&amp;)


def _doi(value) -> str:
    text = str(value or "").strip()
    return re.sub(r"^https?://(dx\.)?doi\.org/", "", text, flags=re.I)


# --------------------------------------------------------------------------- Crossref

CROSSREF_FIELDS = (
    "DOI",
    "title",
    "subtitle",
    "author",
    "issued",
    "published-print",
    "published-online",
    "container-title",
    "volume",
    "issue",
    "page",
    "type",
)


def crossref_doi_url(base: str, doi: str) -> str:
    if doi_problem(doi):  # the verifier checks first; this is the last guard on the path
        raise ValueError(f"not a DOI: {doi!r}")
    return f"{base}/works/{quote(doi, safe='/')}"


def crossref_search_url(base: str, query: str) -> str:
    return f"{base}/works?" + urlencode({"query.bibliographic": query, "rows": ROWS})


def shrink_crossref(data):
    """Keep only the fields matching uses: a search answer is 20 times smaller in the cache."""
    message = data.get("message") if isinstance(data, dict) else None
    if isinstance(message, dict) and isinstance(message.get("items"), list):
        items = [{k: i[k] for k in CROSSREF_FIELDS if k in i} for i in message["items"][:ROWS] if isinstance(i, dict)]
        return {"message": {"items": items}}
    if isinstance(message, dict):
        return {"message": {k: message[k] for k in CROSSREF_FIELDS if k in message}}
    return {}


def crossref_records(data) -> list[Record]:
    message = data.get("message") if isinstance(data, dict) else None
    if not isinstance(message, dict):
        return []
    items = message.get("items") if "items" in message else [message]
    return [crossref_record(i) for i in items if isinstance(i, dict)]


def _year(date) -> str:
    """The year of a Crossref date, read as ``add`` and import read it; "" when impossible."""
    if not isinstance(date, dict):
        return ""
    try:
        parts = clean_date_parts(date.get("date-parts"))
    except ValueError:
        return ""
    return str(parts[0][0]) if parts else ""


def crossref_record(m: dict) -> Record:
    rec = Record(
        "crossref",
        doi=_doi(m.get("DOI")),
        title=_text(m.get("title")),
        subtitle=_text(m.get("subtitle")),
        container=_text(m.get("container-title")),
        volume=_text(m.get("volume")),
        issue=_text(m.get("issue")),
        pages=_text(m.get("page")),
        type=_text(m.get("type")),
    )
    for person in m.get("author") or []:
        if isinstance(person, dict):
            family = _text(person.get("family") or person.get("name"))
            if family:
                rec.authors.append((family, _text(person.get("given"))))
    for name in ("published-print", "issued", "published-online"):
        year = _year(m.get(name))
        if year:
            rec.years.add(year)
            rec.year = rec.year or year  # the print year first: what a citation gives
    return rec


# --------------------------------------------------------------------------- OpenAlex

OPENALEX_FIELDS = (
    "doi",
    "title",
    "display_name",
    "authorships",
    "publication_year",
    "biblio",
    "primary_location",
    "type",
)


def openalex_doi_url(base: str, doi: str) -> str:
    if doi_problem(doi):
        raise ValueError(f"not a DOI: {doi!r}")
    return f"{base}/works/doi:{quote(doi, safe='/')}"


def openalex_search_url(base: str, query: str) -> str:
    return f"{base}/works?" + urlencode({"search": query, "per-page": ROWS})


def _shrink_work(w: dict) -> dict:
    out = {k: w[k] for k in OPENALEX_FIELDS if k in w and k not in ("authorships", "primary_location")}
    out["authorships"] = [
        {"author": {"display_name": (a.get("author") or {}).get("display_name")}}
        for a in (w.get("authorships") or [])
        if isinstance(a, dict)
    ]
    source = (
        ((w.get("primary_location") or {}).get("source") or {}) if isinstance(w.get("primary_location"), dict) else {}
    )
    out["primary_location"] = (
        {"source": {"display_name": source.get("display_name")}} if isinstance(source, dict) else {}
    )
    return out


def shrink_openalex(data):
    if isinstance(data, dict) and isinstance(data.get("results"), list):
        return {"results": [_shrink_work(w) for w in data["results"][:ROWS] if isinstance(w, dict)]}
    return _shrink_work(data) if isinstance(data, dict) else {}


def openalex_records(data) -> list[Record]:
    if not isinstance(data, dict):
        return []
    works = data["results"] if isinstance(data.get("results"), list) else [data]
    return [openalex_record(w) for w in works if isinstance(w, dict) and (w.get("title") or w.get("display_name"))]


def _split_name(display: str) -> tuple[str, str]:
    display = display.strip()
    if has_cjk(display) or " " not in display:
        return display, ""
    given, _, family = display.rpartition(" ")
    return family, given


def openalex_record(w: dict) -> Record:
    biblio = w.get("biblio") if isinstance(w.get("biblio"), dict) else {}
    first, last = _text(biblio.get("first_page")), _text(biblio.get("last_page"))
    pages = f"{first}-{last}" if first and last and last != first else first
    source = (w.get("primary_location") or {}).get("source") or {}
    rec = Record(
        "openalex",
        doi=_doi(w.get("doi")),
        title=_text(w.get("title") or w.get("display_name")),
        container=_text(source.get("display_name") if isinstance(source, dict) else ""),
        volume=_text(biblio.get("volume")),
        issue=_text(biblio.get("issue")),
        pages=pages,
        type=_text(w.get("type")),
    )
    for a in w.get("authorships") or []:
        name = _text(((a or {}).get("author") or {}).get("display_name")) if isinstance(a, dict) else ""
        if name:
            rec.authors.append(_split_name(name))
    year = _text(w.get("publication_year"))
    if re.fullmatch(r"\d{1,4}", year):  # the same years a Crossref date may give (no 99999)
        rec.year = year
        rec.years.add(year)
    return rec
