"""Entry <-> CSL-JSON (the format pandoc, Zotero and every citeproc read).

Names: Western names become ``{"family", "given"}`` (with ``non-dropping-particle`` and
``suffix``); organizations ``{"literal"}``; CJK names ``{"family", "given"}`` split as
:mod:`annobib.names` splits them (citeproc prints them family-first without a space:
``刘琳``). Text fields are decoded from LaTeX; dates become ``date-parts``.

Round trip: what CSL cannot say (annobib's ``citations``, ``archiveurl``, a biblatex type
CSL merges with another, a value CSL would normalize) is kept under
``custom.annobib`` so ``export --to csl-json`` then ``import`` gives back the same entry.
Other tools ignore ``custom`` (CSL-JSON 1.0.2's place for such data).
"""

from __future__ import annotations

import re

from annobib.bounded import loads_json
from annobib.core import jsonout
from annobib.core.latex import decode_accents
from annobib.core.sanitize import json_text
from annobib.errors import InputError
from annobib.exchange.bibtex_export import to_biblatex
from annobib.exchange.common import (
    trim,
    bcp47_to_langid,
    csl_pages,
    date_parts,
    decode_latex,
    encode_latex,
    format_date_parts,
    langid_to_bcp47,
    usable_key,
)
from annobib.model import Entry
from annobib.names import has_cjk, parse_name, parse_names, split_top_level

TYPE_TO_CSL = {
    "article": "article-journal",
    "book": "book",
    "mvbook": "book",
    "collection": "book",
    "mvcollection": "book",
    "proceedings": "book",
    "inbook": "chapter",
    "incollection": "chapter",
    "bookinbook": "chapter",
    "suppbook": "chapter",
    "inproceedings": "paper-conference",
    "conference": "paper-conference",
    "thesis": "thesis",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "report": "report",
    "techreport": "report",
    "online": "webpage",
    "www": "webpage",
    "electronic": "webpage",
    "misc": "document",
    "unpublished": "manuscript",
    "manual": "report",
    "booklet": "pamphlet",
    "patent": "patent",
    "periodical": "periodical",
    "dataset": "dataset",
    "software": "software",
    "letter": "personal_communication",
    "inreference": "entry-encyclopedia",
    "reference": "book",
    "legislation": "legislation",
    "jurisdiction": "legal_case",
    "standard": "standard",
    "review": "review",
    "audio": "song",
    "video": "motion_picture",
    "artwork": "graphic",
    "image": "graphic",
    "music": "song",
    "newspaper": "article-newspaper",
    "news": "article-newspaper",
    "magazine": "article-magazine",
}
CSL_TO_TYPE = {
    "article-journal": "article",
    "article-newspaper": "article",
    "article-magazine": "article",
    "article": "article",
    "book": "book",
    "chapter": "incollection",
    "paper-conference": "inproceedings",
    "thesis": "thesis",
    "report": "report",
    "webpage": "online",
    "post": "online",
    "post-weblog": "online",
    "document": "misc",
    "manuscript": "unpublished",
    "pamphlet": "booklet",
    "patent": "patent",
    "periodical": "periodical",
    "dataset": "dataset",
    "software": "software",
    "personal_communication": "letter",
    "entry-encyclopedia": "inreference",
    "entry-dictionary": "inreference",
    "entry": "inreference",
    "legislation": "legislation",
    "bill": "legislation",
    "legal_case": "jurisdiction",
    "standard": "standard",
    "review": "review",
    "review-book": "review",
    "song": "audio",
    "motion_picture": "video",
    "graphic": "artwork",
    "speech": "misc",
    "interview": "misc",
    "broadcast": "misc",
    "map": "misc",
    "figure": "misc",
    "regulation": "legislation",
    "treaty": "legislation",
    "hearing": "misc",
    "classic": "book",
    "collection": "collection",
    "event": "misc",
    "musical_score": "misc",
    "performance": "misc",
}
# biblatex field -> CSL variable (plain text)
TEXT_FIELDS = {
    "title": "title",
    "shorttitle": "title-short",
    "volume": "volume",
    "publisher": "publisher",
    "location": "publisher-place",
    "url": "URL",
    "doi": "DOI",
    "isbn": "ISBN",
    "issn": "ISSN",
    "abstract": "abstract",
    "annote": "annote",
    "note": "note",
    "keywords": "keyword",
    "edition": "edition",
    "series": "collection-title",
    "eventtitle": "event-title",
    "venue": "event-place",
    "version": "version",
    "pagetotal": "number-of-pages",
    "chapter": "chapter-number",
    "type": "genre",
    "howpublished": "medium",
    "volumes": "number-of-volumes",
    "pmid": "PMID",
    "pmcid": "PMCID",
    "origtitle": "original-title",
    "origpublisher": "original-publisher",
    "origlocation": "original-publisher-place",
    "addendum": "references",
    "library": "archive",
}
NAME_FIELDS = {
    "author": "author",
    "editor": "editor",
    "translator": "translator",
    "bookauthor": "container-author",
    "editora": "collection-editor",
}
DATE_FIELDS = {"date": "issued", "urldate": "accessed", "origdate": "original-date", "eventdate": "event-date"}
CONTAINER_FIELDS = ("journaltitle", "booktitle", "maintitle")


def _canonical_fields(entry: Entry) -> dict[str, str]:
    """Fields under their biblatex names (``journal`` -> ``journaltitle`` …); classic ``year``
    and ``month`` become ``date`` when they are plain numbers."""

    return to_biblatex(entry).fields


# --------------------------------------------------------------------------- names


def names_to_csl(value: str, lang: str | None = None) -> list[dict]:
    out = []
    value = decode_accents(value)  # Gr{\o}nlund: the parser below would strip the braces off \o
    parts = [p.strip() for p in split_top_level(" ".join(value.split()), re.compile(r"\s+and\s+", re.I)) if p.strip()]
    names = parse_names(value, lang)
    if len(parts) != len(names):  # should not happen; fall back to one parse per part
        names = [parse_name(p, lang) for p in parts]
    for part, n in zip(parts, names):
        braced = part.startswith("{") and part.endswith("}")
        if n.others:
            continue  # CSL has no "and others": styles add "et al." themselves (the field is kept in custom)
        if n.literal or (braced and n.is_cjk):  # an organization ({中华人民共和国国务院新闻办公室} too)
            out.append({"literal": decode_latex(n.raw)})
        elif n.is_cjk and any(dot in n.raw for dot in "·・•‧"):
            out.append({"literal": decode_latex(n.raw)})  # 罗伯特·吉尔平: a transliterated name, kept as written
        elif n.is_cjk:
            if n.given:
                out.append({"family": decode_latex(n.family), "given": decode_latex(n.given)})
            else:
                out.append({"family": decode_latex(n.family or n.raw)})
        else:
            item = {"family": decode_latex(n.family)}
            if n.given:
                item["given"] = decode_latex(n.given)
            if n.particle:
                item["non-dropping-particle"] = decode_latex(n.particle)
            if n.suffix:
                item["suffix"] = decode_latex(n.suffix)
            out.append(item)
    return out


def _cjk(text: str) -> bool:
    return has_cjk(text)


def names_from_csl(items) -> str:
    if not isinstance(items, list):
        raise ValueError("a name list must be a JSON array")
    out = []
    for item in items:
        if isinstance(item, str):
            item = {"literal": item}
        if not isinstance(item, dict):
            raise ValueError("a name must be a JSON object")
        literal = item.get("literal")
        if literal:
            if literal == "others":
                out.append("others")
            else:  # an organization (or a name that must not be split): braced, as extract writes them
                out.append("{" + encode_latex(literal) + "}")
            continue
        family = str(item.get("family") or "").strip()
        given = str(item.get("given") or "").strip()
        particle = str(item.get("non-dropping-particle") or item.get("dropping-particle") or "").strip()
        suffix = str(item.get("suffix") or "").strip()
        if not family and not given:
            continue
        if _cjk(family + given):
            out.append(encode_latex(family + given))
            continue
        head = encode_latex(f"{particle} {family}".strip())
        if " " in family and not particle and not given:
            head = "{" + encode_latex(family) + "}"  # the braces are structure: one name, not split
        parts = [head] + [encode_latex(p) for p in (suffix, given) if p]
        out.append(", ".join(parts) if (given or suffix) else head)
    return " and ".join(out)


# --------------------------------------------------------------------------- Entry -> CSL


def _plain(entry_fields: dict, name: str) -> str:
    return decode_latex(entry_fields[name], name)


def entry_to_csl(entry: Entry) -> dict:
    """One entry as a CSL-JSON item (with ``custom.annobib`` for what CSL cannot hold)."""
    item = _basic_csl(entry)
    back = csl_to_entry(item, strict=False)
    fields = entry.fields
    extra: dict[str, object] = {}
    if back.type != entry.type:
        extra["type"] = entry.type
    lost = {k: v for k, v in fields.items() if back.fields.get(k) != v}
    gained = [k for k in back.fields if k not in fields]
    if lost:
        extra["fields"] = lost
    if gained:
        extra["drop"] = gained
    if extra:
        item["custom"] = {"annobib": extra}
    return item


def _basic_csl(entry: Entry) -> dict:
    fields = _canonical_fields(entry)
    lang = fields.get("langid")
    csl_type = TYPE_TO_CSL.get(entry.type, "document")
    sub = (fields.get("entrysubtype") or "").casefold()
    if entry.type == "article" and sub in ("newspaper", "magazine"):
        csl_type = f"article-{sub}"
    if entry.type in ("inproceedings", "conference") and not any(fields.get(n) for n in CONTAINER_FIELDS):
        csl_type = "speech"  # a paper given at a meeting, not printed in proceedings: "Presented at …"
    item: dict[str, object] = {"id": entry.key, "type": csl_type, "citation-key": entry.key}
    for name, var in NAME_FIELDS.items():
        if fields.get(name):
            item[var] = names_to_csl(fields[name], lang)
    for name, var in TEXT_FIELDS.items():
        if fields.get(name):
            item[var] = _plain(fields, name)
    for name in CONTAINER_FIELDS:
        if fields.get(name) and "container-title" not in item:
            item["container-title"] = _plain(fields, name)
    if entry.type in ("online", "www", "electronic") and fields.get("organization") and "container-title" not in item:
        item["container-title"] = _plain(fields, "organization")
    if "event-title" in item:
        item["event"] = item["event-title"]  # CSL 1.0.1 name, still what pandoc 2.x's citeproc reads
    if fields.get("subtitle") and "title" in item:
        item["title"] = f"{item['title']}: {_plain(fields, 'subtitle')}"
    if fields.get("pages"):
        item["page"] = csl_pages(_plain(fields, "pages"))
    if fields.get("number"):
        key = "issue" if csl_type.startswith("article") or csl_type == "periodical" else "number"
        item[key] = _plain(fields, "number")
    if fields.get("issue") and "issue" not in item:
        item["issue"] = _plain(fields, "issue")
    if fields.get("institution"):
        key = "publisher" if "publisher" not in item else "authority"
        item[key] = _plain(fields, "institution")
    if (
        fields.get("organization")
        and "publisher" not in item
        and item.get("container-title") != _plain(fields, "organization")
    ):
        item["publisher"] = _plain(fields, "organization")
    if lang:
        item["language"] = langid_to_bcp47(lang)
    for name, var in DATE_FIELDS.items():
        if fields.get(name):
            parts = date_parts(fields[name])
            item[var] = {"date-parts": parts} if parts else {"literal": fields[name]}
    return item


def _apply_extra(entry: Entry, extra: dict) -> Entry:
    fields = dict(entry.fields)
    drop = extra.get("drop") or []
    kept = extra.get("fields") or {}
    etype = extra.get("type") or entry.type
    if (
        not isinstance(drop, list)
        or not isinstance(kept, dict)
        or not isinstance(etype, str)
        or not all(isinstance(k, str) and isinstance(v, str) for k, v in kept.items())
    ):
        raise ValueError("custom.annobib is malformed (fields must be text)")
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", etype) or not all(
        re.fullmatch(r"[A-Za-z][\w:+.-]*", k) for k in kept
    ):
        raise ValueError("custom.annobib names a type or field that is not a BibTeX name")
    for k in drop:
        fields.pop(str(k), None)
    for k, v in kept.items():
        fields[k.lower()] = v
    order = extra.get("order")
    if isinstance(order, list):
        ordered = {k: fields[k] for k in order if k in fields}
        ordered.update({k: v for k, v in fields.items() if k not in ordered})
        fields = ordered
    return Entry(key=entry.key, type=etype.lower(), fields=fields)


# --------------------------------------------------------------------------- CSL -> Entry


def _text(value) -> str:
    if isinstance(value, list):  # Crossref-style lists
        value = value[0] if value else ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise ValueError(f"expected text, got {type(value).__name__}")
    return trim(value)


def _date(value) -> str | None:
    if isinstance(value, str):
        return trim(value) or None
    if not isinstance(value, dict):
        raise ValueError("a date must be an object with date-parts")
    if value.get("date-parts"):
        parts = value["date-parts"]
        if not isinstance(parts, list) or not all(isinstance(p, list) for p in parts):
            raise ValueError("date-parts must be a list of lists")
        return format_date_parts(parts)
    for k in ("literal", "raw"):
        if value.get(k):
            return str(value[k]).strip()
    return None


# Better BibTeX pins a key in Zotero's Extra field, which CSL-JSON carries as ``note``
_PINNED_KEY = re.compile(r"^[ \t]*(?:citation key|bibtex)[ \t]*:[ \t]*(\S+)[ \t]*$\n?", re.I | re.M)


def citation_key(item: dict) -> tuple[str, str | None]:
    """The item's citation key and, when it came from the note, the note without that line.

    In order, the first key BibTeX tools accept: ``citation-key`` (CSL 1.0.2, Zotero 7, Better
    BibTeX), a key pinned in the note (``Citation Key: liu2025`` or the older ``bibtex: …``), then
    ``id`` (Zotero's plain export puts an item URI there: not a key, so one is made on import)."""

    note = item.get("note")
    pinned = _PINNED_KEY.search(note) if isinstance(note, str) else None
    candidates = [
        str(item.get("citation-key") or "").strip(),
        pinned.group(1) if pinned else "",
        str(item.get("id") or "").strip(),
    ]
    key = next((c for c in candidates if usable_key(c)), next((c for c in candidates if c), ""))
    if pinned is None or key != pinned.group(1):
        return key, None
    return key, (note[: pinned.start()] + note[pinned.end() :]).strip()


def csl_to_entry(item: dict, strict: bool = True) -> Entry:
    """A CSL-JSON item as an Entry with biblatex fields. ``custom.annobib`` is applied."""
    if not isinstance(item, dict):
        raise ValueError("an item must be a JSON object")
    key, pinned_note = citation_key(item)
    csl_type = str(item.get("type") or "document")
    btype = CSL_TO_TYPE.get(csl_type, "misc")
    fields: dict[str, str] = {}
    for var, name in ((v, k) for k, v in NAME_FIELDS.items()):
        if item.get(var):
            fields[name] = names_from_csl(item[var])
    if csl_type == "book" and "editor" in fields and "author" not in fields:
        btype = "collection"
    if csl_type == "chapter" and "container-author" in item:
        btype = "inbook"
    if csl_type in ("article-newspaper", "article-magazine"):
        fields["entrysubtype"] = csl_type.split("-", 1)[1]
    if item.get("title"):
        fields["title"] = encode_latex(_text(item["title"]))
    if item.get("container-title"):
        container = encode_latex(_text(item["container-title"]))
        if btype in ("article", "periodical", "review"):
            fields["journaltitle"] = container
        elif btype in ("online", "misc", "letter"):
            fields["journaltitle" if btype != "online" else "organization"] = container
        else:
            fields["booktitle"] = container
    for name, var in TEXT_FIELDS.items():
        if name in ("title",) or var not in item or item[var] in (None, ""):
            continue
        fields[name] = encode_latex(_text(item[var]), name)
    if item.get("event") and "eventtitle" not in fields and isinstance(item["event"], str):
        fields["eventtitle"] = encode_latex(_text(item["event"]))
    if item.get("page"):
        fields["pages"] = csl_pages(_text(item["page"]))
    if item.get("issue"):
        fields["number"] = encode_latex(_text(item["issue"]))
    elif item.get("number"):
        fields["number"] = encode_latex(_text(item["number"]))
    if btype in ("thesis", "report") and "publisher" in fields:
        fields["institution"] = fields.pop("publisher")
    if item.get("authority") and "institution" not in fields:
        fields["institution"] = encode_latex(_text(item["authority"]))
    if item.get("language"):
        fields["langid"] = bcp47_to_langid(_text(item["language"]))
    for name, var in DATE_FIELDS.items():
        if item.get(var):
            value = _date(item[var])
            if value:
                fields[name] = value
    if pinned_note is not None:  # the "Citation Key: …" line is the key now, not a note
        if pinned_note:
            fields["note"] = encode_latex(pinned_note, "note")
        else:
            fields.pop("note", None)
    entry = Entry(key=key, type=btype, fields=fields)
    custom = item.get("custom")
    extra = custom.get("annobib") if isinstance(custom, dict) else None
    if isinstance(extra, dict):
        entry = _apply_extra(entry, extra)
    return entry


# --------------------------------------------------------------------------- files


def dumps(entries) -> str:
    """CSL-JSON text; characters that could drive a terminal are \\u-escaped (same strings)."""

    return json_text(jsonout.dumps(_items(entries))) + "\n"


def _items(entries) -> list[dict]:
    """The CSL items, each distinct (type, fields) converted once: an item depends on the key
    only through ``id`` and ``citation-key`` (40,000 ``@misc{kN, title={a}}`` convert once),
    unless its note pins a key (``Citation Key: …``), which is then converted on its own."""
    done: dict[tuple, dict] = {}
    out = []
    for e in entries:
        sig = (e.type, tuple(e.fields.items()))
        rep = done.get(sig)
        if rep is not None:
            item = dict(rep)  # same order: id, type, citation-key first
            item["id"] = item["citation-key"] = e.key
            out.append(item)
            continue
        item = entry_to_csl(e)
        note = item.get("note")
        if not (isinstance(note, str) and _PINNED_KEY.search(note)) and item.get("id") == e.key:
            done.setdefault(sig, item)
        out.append(item)
    return out


def loads(text: str, name: str = "CSL-JSON") -> list[Entry]:
    """Parse a CSL-JSON document (an array of items, or ``{"items": [...]}``)."""

    data = loads_json(text, name)  # depth and number size checked: one clear line
    if isinstance(data, dict) and isinstance(data.get("items"), list):
        data = data["items"]
    elif isinstance(data, dict) and ("type" in data or "id" in data):
        data = [data]
    if not isinstance(data, list):
        raise InputError(f"{name}: not CSL-JSON (expected an array of items)")
    out = []
    for i, item in enumerate(data, 1):
        try:
            if not isinstance(item, dict):
                raise ValueError("not a JSON object")
            if "type" not in item and "title" not in item:
                raise ValueError("no type and no title: not a CSL item")
            out.append(csl_to_entry(item))
        except (ValueError, TypeError, KeyError) as exc:
            label = item.get("id") if isinstance(item, dict) and item.get("id") else f"item {i}"
            raise InputError(f"{name}: {label}: {exc}") from None
    return out
