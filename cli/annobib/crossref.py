"""A DOI's metadata from Crossref's REST API (``GET {base}/works/{doi}``), as an Entry.

The base URL is ``$ANNOBIB_CROSSREF_URL``, else ``url`` in the ``[crossref]`` table of the config
file, else ``https://api.crossref.org`` (point it at a local fake in tests). ``$ANNOBIB_MAILTO``
(or ``mailto`` in ``[crossref]``) puts a contact address in the User-Agent, as Crossref asks of
"polite" clients. httpx is imported only when a lookup runs.
"""

from __future__ import annotations

import os
import re
from urllib.parse import quote, unquote

from annobib import __version__
from annobib.bounded import MAX_ANSWER_BYTES, REQUEST_HOOKS, TooLarge, finite_number, get_within, loads_json
from annobib.config import read_config_file
from annobib.core.heads import bound_client
from annobib.core.sanitize import network_text, redact, safe_url
from annobib.errors import InputError
from annobib.exchange.common import clean_date_parts
from annobib.exchange.csl_json import csl_to_entry
from annobib.model import Entry

DEFAULT_BASE = "https://api.crossref.org"
DOI_RE = re.compile(r"^\s*(?:doi:\s*|https?://(?:dx\.)?doi\.org/)?(10\.\d{4,9}/\S+?)\s*$", re.I)

CROSSREF_TO_CSL = {
    "journal-article": "article-journal",
    "book-chapter": "chapter",
    "book-part": "chapter",
    "book-section": "chapter",
    "book": "book",
    "monograph": "book",
    "edited-book": "book",
    "reference-book": "book",
    "book-set": "book",
    "book-series": "book",
    "book-track": "chapter",
    "proceedings-article": "paper-conference",
    "proceedings": "book",
    "report": "report",
    "report-component": "report",
    "report-series": "report",
    "dissertation": "thesis",
    "posted-content": "article",
    "dataset": "dataset",
    "reference-entry": "entry-encyclopedia",
    "peer-review": "review",
    "standard": "standard",
    "journal-issue": "periodical",
    "journal": "periodical",
    "component": "document",
    "other": "document",
}


class CrossrefError(InputError):
    """Crossref could not answer (unreachable, unknown DOI, bad reply)."""


_DOI_SHAPE = re.compile(r"10\.\d{4,9}(?:\.\d+)*/[^\x00-\x20\x7f-\x9f]+")


def doi_problem(doi: str) -> str | None:
    """Why ``doi`` must not be put in a registry's URL path, or None when it may.

    A DOI is ``10.NNNN/suffix`` with no space or control character. A ``.`` or ``..`` path
    segment (also written ``%2e``) is refused: the URL library resolves it, so
    ``10.1234/../../members/1`` would request ``/members/1`` of the registry host instead of
    ``/works/…``. No registered DOI has such a segment; the ``/`` inside a DOI stays as the
    registries document it (``/works/10.1234/abc``)."""
    if not _DOI_SHAPE.fullmatch(doi or ""):
        return "not a DOI: expected 10.NNNN/… with no space or control character"
    if any(seg in (".", "..") for seg in unquote(doi).split("/")):
        return "not a DOI: it holds a '.' or '..' path segment"
    return None


def parse_doi(text: str) -> str | None:
    """The DOI in ``text`` (``10.1/x``, ``doi:10.1/x``, ``https://doi.org/10.1/x``), else None."""
    m = DOI_RE.match(text or "")
    return m.group(1).rstrip(".,;") if m else None


def _settings() -> tuple[str, str | None, float]:
    base = os.environ.get("ANNOBIB_CROSSREF_URL") or ""
    mailto = os.environ.get("ANNOBIB_MAILTO") or None
    timeout = os.environ.get("ANNOBIB_CROSSREF_TIMEOUT") or ""
    if not base or not mailto:
        try:
            table = read_config_file().get("crossref") or {}
        except Exception:  # noqa: BLE001 - no config file, no problem
            table = {}
        if isinstance(table, dict):
            base = base or str(table.get("url") or "")
            mailto = mailto or (str(table["mailto"]) if table.get("mailto") else None)
            timeout = timeout or str(table.get("timeout") or "")
    base = (base or DEFAULT_BASE).rstrip("/")
    if not re.match(r"^https?://[^/\s]+", base):
        raise InputError(f"ANNOBIB_CROSSREF_URL: not an http(s) base URL: {base!r}")

    seconds = finite_number(timeout, "ANNOBIB_CROSSREF_TIMEOUT (seconds)", 0.1, 3600) if timeout else 15.0
    return base, mailto, seconds


def fetch_work(doi: str, *, transport=None) -> dict:
    """The ``message`` of Crossref's ``/works/{doi}`` reply."""
    # lazy: loads httpx, asyncio, email, ssl only when this runs
    import asyncio

    import httpx

    base, mailto, timeout = _settings()
    agent = f"annobib/{__version__} (https://github.com/annobib; {'mailto:' + mailto if mailto else 'no contact set'})"
    if doi_problem(doi):  # never a request outside /works/ (callers check first)
        raise InputError(f"not a DOI: {doi!r}; not looked up")
    url = f"{base}/works/{quote(doi, safe='/')}"
    shown = redact(base)  # a base URL may hold a password (user:secret@host)

    async def get():
        async with bound_client(
            httpx.AsyncClient(
                timeout=timeout,
                transport=transport,
                headers={"User-Agent": agent},
                follow_redirects=True,
                event_hooks=REQUEST_HOOKS,
            )
        ) as client:
            return await get_within(client, url, timeout)

    try:
        response, body = asyncio.run(get())
    except TooLarge:
        raise CrossrefError(
            f"Crossref's reply for {doi} is larger than {MAX_ANSWER_BYTES >> 20} MB; nothing written"
        ) from None
    except (TimeoutError, httpx.TimeoutException):
        raise CrossrefError(f"Crossref did not answer within {timeout:g} s ({shown}); nothing written") from None
    except httpx.InvalidURL as exc:  # a DOI of 70,000 characters makes a URL httpx will not send
        raise CrossrefError(f"cannot ask Crossref about this DOI ({exc}); nothing written") from None
    except httpx.HTTPError as exc:
        from annobib.archive.links import UNREACHABLE_KINDS, _classify_exception

        failure = _classify_exception(exc)
        if failure.kind in UNREACHABLE_KINDS:  # no host resolved or reached: say what it is
            raise CrossrefError(
                f"offline: cannot reach Crossref at {shown} ({redact(failure.detail)}); nothing written"
            ) from None
        raise CrossrefError(
            f"cannot reach Crossref at {shown} ({type(exc).__name__}: {redact(exc)}); nothing written"
        ) from None
    if response.status_code == 404:
        raise CrossrefError(f"Crossref does not know the DOI {doi}; nothing written")
    if response.status_code == 429:
        raise CrossrefError("Crossref says: too many requests (429); try again in a minute; nothing written")
    if response.status_code >= 400:
        raise CrossrefError(f"Crossref answered HTTP {response.status_code} for {doi}; nothing written")
    try:
        data = loads_json(body.decode("utf-8", "replace"), "Crossref")
    except InputError:
        raise CrossrefError(
            f"Crossref's reply for {doi} is not JSON (or nested or sized beyond reason); nothing written"
        ) from None
    if is_search_list(data):
        raise CrossrefError(f"Crossref answered the look-up of {doi} with a list, not the work; nothing written")
    message = data.get("message") if isinstance(data, dict) else None
    if not isinstance(message, dict):
        raise CrossrefError(f"Crossref's reply for {doi} has no work record; nothing written")
    return message


def is_search_list(data) -> bool:
    """Whether a registry answered a look-up of one work with a list of works (Crossref's
    ``{"message": {"items": [...]}}``, OpenAlex's ``{"results": [...]}``, a bare JSON list). Such
    an answer is never read as its first item: that item is whatever the list held first, and
    comparing the entry with it reports a mismatch the entry does not have."""
    if isinstance(data, list):
        return True
    if not isinstance(data, dict):
        return False
    message = data.get("message")
    return isinstance(data.get("results"), list) or (
        isinstance(message, dict) and isinstance(message.get("items"), list)
    )


def _first(value):
    if isinstance(value, list):
        return value[0] if value else None
    return value


def _first_text(value) -> str | None:
    """The first of a Crossref text list, or None when it is not text (a wrong JSON type)."""
    value = _first(value)
    return value if isinstance(value, str) else None


def _scalar(value) -> str | None:
    """A text or number as text; None for a list, an object or a boolean (a wrong JSON type,
    which would otherwise be written as Python's repr, ``['W']``)."""
    if isinstance(value, str):
        return value or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


_NAME_PARTS = ("family", "given", "literal", "suffix", "non-dropping-particle")


def _person(p: dict) -> dict:
    """A CSL name from a Crossref person: text parts only."""
    parts = {k: v for k in _NAME_PARTS if (v := _scalar(p.get(k)))}
    name = _scalar(p.get("name"))
    return parts or {"literal": name or ""}


def work_to_csl(message: dict, warnings: list[str] | None = None) -> dict:
    """Crossref's work record -> a CSL-JSON item (the two are close relatives); what had to be
    dropped (an impossible date) is said in ``warnings``."""
    item: dict = {"type": CROSSREF_TO_CSL.get(str(message.get("type") or ""), "document")}
    for name in ("title", "subtitle", "container-title"):
        if _first(message.get(name)) is not None and _first_text(message.get(name)) is None and warnings is not None:
            warnings.append(f"Crossref's {name} is not text; left out")
    title = _first_text(message.get("title"))
    subtitle = _first_text(message.get("subtitle"))
    if title:
        item["title"] = f"{title}: {subtitle}" if subtitle and subtitle not in title else title
    container = _first_text(message.get("container-title"))
    if container:
        item["container-title"] = container
    for name in ("author", "editor", "translator"):
        people = message.get(name)
        if isinstance(people, list) and people:
            item[name] = [_person(p) for p in people if isinstance(p, dict)]
            if not any(p.get("literal") or p.get("family") or p.get("given") for p in item[name]):
                del item[name]
            elif all(isinstance(p, dict) and _scalar(p.get("name")) and "family" not in p for p in people):
                item[name] = [{"literal": _scalar(p["name"])} for p in people]
    for source in ("issued", "published-print", "published-online", "published", "created"):
        date = message.get(source)
        if not isinstance(date, dict) or not date.get("date-parts"):
            continue
        try:
            parts = clean_date_parts(date["date-parts"])
        except ValueError as exc:  # an impossible date is no date: the next one may do
            if warnings is not None:
                warnings.append(f"Crossref's {source} date is dropped: {exc}")
            continue
        if parts:
            given = date["date-parts"][:2]
            if warnings is not None and [len(p) for p in parts] != [min(len(p), 3) for p in given if p]:
                warnings.append(f"Crossref's {source} date {given!r:.40} is impossible; only its valid part is kept")
            item["issued"] = {"date-parts": parts}
            break
    for name in ("volume", "issue", "page", "publisher", "publisher-place", "language", "edition-number"):
        if value := _scalar(message.get(name)):
            item["edition" if name == "edition-number" else name] = value
    if value := _scalar(message.get("DOI")):
        item["DOI"] = value
    if value := _scalar(message.get("URL")):
        if safe_url(value) and value.lower().startswith(("http://", "https://")):
            item["URL"] = value
        elif warnings is not None:  # javascript:, data: … never reach the .bib
            warnings.append(f"Crossref's URL {value[:60]!r} is not a web address; left out")
    for name in ("ISSN", "ISBN"):
        if value := _scalar(_first(message.get(name))):
            item[name] = value
    if abstract := _scalar(message.get("abstract")):
        item["abstract"] = " ".join(re.sub(r"<[^>]+>", " ", abstract).split())
    return item


def lookup_doi(doi: str, *, transport=None, warnings: list[str] | None = None) -> Entry:
    """The entry for ``doi`` (no key yet: the caller makes one); ``warnings`` collects what
    of the answer was dropped."""

    clean = parse_doi(doi)
    if not clean or doi_problem(clean):
        raise InputError(f"not a DOI: {doi!r} (expected 10.NNNN/…, no '.' or '..' segment)")
    message = fetch_work(clean, transport=transport)
    try:
        entry = csl_to_entry(work_to_csl(message, warnings))
    except (ValueError, TypeError) as exc:  # a field of the wrong JSON type: the answer is unusable
        raise CrossrefError(
            f"Crossref's reply for {clean} is not a work record annobib can read ({exc}); nothing written"
        ) from None
    for name, value in entry.fields.items():  # ESC, OSC 52, C1 from a server never reach the .bib
        entry.fields[name] = network_text(value)
    answered = entry.fields.get("doi")
    if answered is not None and answered.casefold() != clean.casefold():
        entry.fields["doi"] = clean  # the DOI asked for is the one the user cited
        if warnings is not None:
            warnings.append(f"Crossref answered for DOI {network_text(answered)[:80]}; the DOI asked for is kept")
    if entry.fields.get("url", "").startswith(("http://dx.doi.org/", "https://doi.org/")):
        del entry.fields["url"]  # the DOI says it already
    entry.key = ""
    return entry
