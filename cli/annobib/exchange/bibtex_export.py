"""biblatex <-> classic BibTeX, and .bib text for export.

annobib stores biblatex (``date``, ``journaltitle``, ``location``, ``langid``). Classic BibTeX
tools (bibtex, natbib styles, older managers) want ``year``/``month``, ``journal``, ``address``,
``language``, ``school``; :func:`to_bibtex` converts, :func:`to_biblatex` goes the other way
(used by import, so a classic file comes in under annobib's field names).
"""

from __future__ import annotations

import re

from annobib.bib.latex import escape_specials
from annobib.exchange.common import MONTH_MACROS, classic_to_date, date_parts
from annobib.model import Entry

# biblatex type -> classic BibTeX type
CLASSIC_TYPES = {
    "online": "misc",
    "www": "misc",
    "electronic": "misc",
    "report": "techreport",
    "collection": "book",
    "mvbook": "book",
    "mvcollection": "book",
    "bookinbook": "inbook",
    "suppbook": "inbook",
    "suppcollection": "incollection",
    "inreference": "incollection",
    "reference": "book",
    "mvreference": "book",
    "periodical": "misc",
    "suppperiodical": "article",
    "dataset": "misc",
    "software": "misc",
    "patent": "misc",
    "letter": "misc",
    "review": "article",
    "legislation": "misc",
    "jurisdiction": "misc",
    "standard": "techreport",
    "audio": "misc",
    "video": "misc",
    "artwork": "misc",
    "image": "misc",
    "music": "misc",
    "mvproceedings": "proceedings",
    "newspaper": "article",
    "news": "article",
    "magazine": "article",
}
CLASSIC_STANDARD = {
    "article",
    "book",
    "booklet",
    "inbook",
    "incollection",
    "inproceedings",
    "conference",
    "manual",
    "mastersthesis",
    "misc",
    "phdthesis",
    "proceedings",
    "techreport",
    "unpublished",
}
# classic name -> biblatex name (import direction); the reverse is used for export
RENAMES_TO_BIBLATEX = {
    "journal": "journaltitle",
    "address": "location",
    "language": "langid",
    "school": "institution",
    "annotation": "annote",
    "archive-url": "archiveurl",
    "archive-date": "archivedate",
    "tags": "keywords",
}
_MASTERS = re.compile(r"master|mathesis|硕士|修士|магистер", re.I)


def to_biblatex(entry: Entry) -> Entry:
    """Classic BibTeX fields and types -> annobib's biblatex names. Nothing is lost: a field
    that cannot be converted exactly (``year = {1978a}``) stays as it is."""
    fields: dict[str, str] = {}
    etype = entry.type
    src = entry.fields
    for name, value in src.items():
        if name in ("year", "month", "day"):
            if "date" in src:
                fields[name] = value
                continue
            date = classic_to_date(src.get("year"), src.get("month"), src.get("day"))
            if date is None:
                fields[name] = value
            elif "date" not in fields:
                fields["date"] = date
            continue
        target = RENAMES_TO_BIBLATEX.get(name, name)
        if target in src and target != name:  # both spellings present: keep both as written
            target = name
        fields.setdefault(target, value)
    if etype in ("phdthesis", "mastersthesis"):
        fields.setdefault("type", "mathesis" if etype == "mastersthesis" else "phdthesis")
        etype = "thesis"
    elif etype == "techreport":
        etype = "report"
        fields.setdefault("type", "techreport")
    elif etype == "conference":
        etype = "inproceedings"
    elif etype == "electronic" or etype == "www":
        etype = "online"
    return Entry(key=entry.key, type=etype, fields=fields, line=entry.line, source=entry.source)


def to_bibtex(entry: Entry) -> Entry:
    """biblatex -> classic BibTeX (``date`` -> ``year``/``month``, ``journaltitle`` -> ``journal``,
    ``location`` -> ``address``, ``langid`` -> ``language``, ``institution`` -> ``school`` for
    theses; types classic styles know)."""
    src = to_biblatex(entry).fields  # one vocabulary first
    etype = entry.type
    if etype in ("phdthesis", "mastersthesis"):
        etype = "thesis"
    if etype == "thesis":
        kind = src.get("type", "")
        etype = "mastersthesis" if _MASTERS.search(kind) else "phdthesis"
    elif etype == "conference":
        etype = "inproceedings"
    else:
        etype = CLASSIC_TYPES.get(etype, etype)
        if etype not in CLASSIC_STANDARD:
            etype = "misc"
    out: dict[str, str] = {}
    for name, value in src.items():
        if name == "date":
            parts = date_parts(value)
            if parts:
                first = parts[0]
                out["year"] = f"{first[0]:04d}" if first[0] >= 0 else str(first[0])
                if len(first) > 1:
                    out["month"] = MONTH_MACROS[first[1] - 1]
            else:
                m = re.search(r"\d{4}", value)
                out["year"] = m.group(0) if m else value
            continue
        if name == "journaltitle":
            out["journal"] = value
        elif name == "location":
            out["address"] = value
        elif name == "langid":
            out["language"] = value
        elif name == "institution":
            out["school" if etype in ("phdthesis", "mastersthesis") else "institution"] = value
        elif name == "subtitle" and "title" in src:
            continue
        elif name == "title" and src.get("subtitle"):
            out["title"] = f"{value}: {src['subtitle']}"
        elif name == "type" and etype in ("phdthesis", "mastersthesis") and value in ("phdthesis", "mathesis"):
            continue
        elif name == "type" and etype == "techreport" and value == "techreport":
            continue
        elif name == "eventtitle" and etype == "inproceedings" and "booktitle" not in src:
            out["booktitle"] = value
        elif name == "entrysubtype":
            continue
        else:
            out.setdefault(name, value)
    if etype == "misc" and "url" in out and "howpublished" not in out:
        out["howpublished"] = "\\url{" + out["url"] + "}"
    return Entry(key=entry.key, type=etype, fields=out)


def serialize(entry: Entry, classic: bool = False) -> str:
    """One entry as .bib text; ``month`` as a macro (``month = may``) when it is one."""
    width = max((len(k) for k in entry.fields), default=0)
    lines = [f"@{entry.type}{{{entry.key},"]
    for name, value in entry.fields.items():
        if name == "month" and value in MONTH_MACROS:
            rendered = value
        else:
            rendered = "{" + escape_specials(value, name) + "}"  # safe for LaTeX, links left alone
        lines.append(f"  {name.ljust(width)} = {rendered},")
    lines.append("}")
    return "\n".join(lines) + "\n"


def dumps(entries, classic: bool = True) -> str:
    convert = to_bibtex if classic else to_biblatex
    return "\n".join(serialize(convert(e)) for e in entries)
