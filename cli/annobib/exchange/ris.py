"""Entry <-> RIS (the tagged format Zotero, EndNote, Mendeley and most databases exchange).

Each record starts with ``TY  - `` and ends with ``ER  - ``; a tag is two characters (letter,
letter or digit), two spaces, a hyphen and a space. Writing follows the RIS specification as
Zotero and EndNote import it: ``AU`` one per author (``Family, Given``; CJK and organizations as
written), ``ED`` editors, ``A4`` translators, ``PY`` year, ``DA`` ``YYYY/MM/DD/``, ``SP``/``EP``
pages, ``KW`` one per keyword, ``N1`` the annotation, ``ID`` the citation key, ``Y2`` access date.
Lines end with CRLF (as the specification's examples and EndNote do); reading accepts LF too.
"""

from __future__ import annotations

import re

from annobib.core.latex import decode_accents
from annobib.editing import split_tags
from annobib.errors import InputError
from annobib.exchange.bibtex_export import to_biblatex
from annobib.exchange.common import (
    trim,
    bcp47_to_langid,
    date_parts,
    decode_latex,
    encode_latex,
    langid_to_bcp47,
    split_pages,
)
from annobib.model import Entry
from annobib.names import has_cjk, parse_names

TYPE_TO_RIS = {
    "article": "JOUR",
    "book": "BOOK",
    "mvbook": "BOOK",
    "collection": "EDBOOK",
    "mvcollection": "EDBOOK",
    "proceedings": "CONF",
    "inbook": "CHAP",
    "incollection": "CHAP",
    "bookinbook": "CHAP",
    "inproceedings": "CPAPER",
    "conference": "CPAPER",
    "thesis": "THES",
    "phdthesis": "THES",
    "mastersthesis": "THES",
    "report": "RPRT",
    "techreport": "RPRT",
    "online": "ELEC",
    "www": "ELEC",
    "electronic": "ELEC",
    "misc": "GEN",
    "unpublished": "UNPB",
    "manual": "GEN",
    "booklet": "PAMP",
    "patent": "PAT",
    "periodical": "JFULL",
    "dataset": "DATA",
    "software": "COMP",
    "letter": "PCOMM",
    "inreference": "ENCYC",
    "legislation": "STAT",
    "jurisdiction": "CASE",
    "standard": "STAND",
    "audio": "SOUND",
    "video": "VIDEO",
    "artwork": "ART",
    "image": "ART",
    "music": "MUSIC",
}
RIS_TO_TYPE = {
    "JOUR": "article",
    "JFULL": "periodical",
    "MGZN": "article",
    "NEWS": "article",
    "EJOUR": "article",
    "ABST": "article",
    "INPR": "article",
    "BOOK": "book",
    "EBOOK": "book",
    "EDBOOK": "collection",
    "CHAP": "incollection",
    "ECHAP": "incollection",
    "CONF": "proceedings",
    "CPAPER": "inproceedings",
    "THES": "thesis",
    "RPRT": "report",
    "ELEC": "online",
    "WEB": "online",
    "BLOG": "online",
    "GEN": "misc",
    "UNPB": "unpublished",
    "MANSCPT": "unpublished",
    "PAMP": "booklet",
    "PAT": "patent",
    "DATA": "dataset",
    "COMP": "software",
    "PCOMM": "letter",
    "ENCYC": "inreference",
    "DICT": "inreference",
    "STAT": "legislation",
    "BILL": "legislation",
    "CASE": "jurisdiction",
    "STAND": "standard",
    "SOUND": "audio",
    "VIDEO": "video",
    "MPCT": "video",
    "ART": "artwork",
    "MUSIC": "audio",
    "GOVDOC": "report",
    "HEAR": "misc",
    "ICOMM": "misc",
    "MAP": "misc",
    "SLIDE": "misc",
    "CTLG": "misc",
}
_TAG_LINE = re.compile(r"^([A-Z][A-Z0-9])  -(?: (.*))?$")


def _names(value: str, lang: str | None) -> list[str]:
    out = []
    for n in parse_names(decode_accents(value), lang):  # Gr{\o}nlund: keep \o's braces from the parser
        if n.others:
            continue
        if n.literal or n.is_cjk:
            out.append(decode_latex(n.raw))
        else:
            head = decode_latex(f"{n.particle} {n.family}".strip())
            parts = [head] + [decode_latex(p) for p in (n.given, n.suffix) if p]
            out.append(", ".join(parts))
    return out


def entry_to_ris(entry: Entry) -> str:
    f = to_biblatex(entry).fields
    lang = f.get("langid")
    text = lambda name: decode_latex(f[name], name).replace("\r", " ").replace("\n", " ")  # noqa: E731
    ris_type = TYPE_TO_RIS.get(entry.type, "GEN")
    sub = (f.get("entrysubtype") or "").casefold()
    if entry.type == "article" and sub == "newspaper":
        ris_type = "NEWS"
    elif entry.type == "article" and sub == "magazine":
        ris_type = "MGZN"
    lines = [("TY", ris_type), ("ID", entry.key)]
    for name, tag in (("author", "AU"), ("editor", "ED"), ("translator", "A4")):
        if f.get(name):
            lines += [(tag, n) for n in _names(f[name], lang)]
    if f.get("title"):
        title = text("title") + (f": {text('subtitle')}" if f.get("subtitle") else "")
        lines.append(("TI", title))
    container = next((n for n in ("journaltitle", "booktitle", "maintitle") if f.get(n)), None)
    if container is None and entry.type in ("online", "www", "electronic") and f.get("organization"):
        container = "organization"
    if container:
        lines.append(("T2", text(container)))
    if f.get("series"):
        lines.append(("T3", text("series")))
    if f.get("date"):
        parts = date_parts(f["date"])
        if parts:
            first = parts[0]
            lines.append(("PY", f"{first[0]:04d}"))
            if len(first) > 1:
                lines.append(("DA", "/".join(f"{p:02d}" if i else f"{p:04d}" for i, p in enumerate(first)) + "/"))
        else:
            m = re.search(r"\d{4}", f["date"])
            if m:
                lines.append(("PY", m.group(0)))
            lines.append(("DA", f["date"]))
    for name, tag in (("volume", "VL"), ("number", "IS"), ("edition", "ET")):
        if f.get(name):
            lines.append((tag, text(name)))
    if f.get("pages"):
        start, end = split_pages(text("pages"))
        lines.append(("SP", start))
        if end:
            lines.append(("EP", end))
    publisher = (
        f.get("publisher") or f.get("institution") or (f.get("organization") if container != "organization" else None)
    )
    if publisher:
        lines.append(("PB", decode_latex(publisher)))
    if f.get("location"):
        lines.append(("CY", text("location")))
    if f.get("type") and entry.type in ("thesis", "report"):
        lines.append(("M3", text("type")))
    for name, tag in (("isbn", "SN"), ("issn", "SN"), ("doi", "DO"), ("url", "UR")):
        if f.get(name):
            lines.append((tag, f[name].strip()))
    if f.get("urldate"):
        parts = date_parts(f["urldate"])
        lines.append(
            ("Y2", "/".join(f"{p:02d}" if i else f"{p:04d}" for i, p in enumerate(parts[0])) if parts else f["urldate"])
        )
    if lang:
        lines.append(("LA", langid_to_bcp47(lang)))
    if f.get("keywords"):
        lines += [("KW", k) for k in split_tags(decode_latex(f["keywords"]))]
    if f.get("abstract"):
        lines.append(("AB", text("abstract")))
    if f.get("annote"):
        lines.append(("N1", text("annote")))
    if f.get("note"):
        lines.append(("M1", text("note")))
    if f.get("citations"):
        lines.append(("C1", f["citations"].replace("\n", " ")))
    lines.append(("ER", ""))
    # one line per tag whatever a value holds (a line break would start a forged tag), and
    # nothing that could drive a terminal: RIS is read by people as much as by tools
    from annobib.core.sanitize import terminal

    return "".join(f"{tag}  - {terminal(value)}\r\n" for tag, value in lines)


def dumps(entries) -> str:
    return "\r\n".join(entry_to_ris(e) for e in entries)


# --------------------------------------------------------------------------- reading


def parse_records(text: str, name: str = "RIS") -> list[tuple[int, list[tuple[str, str]]]]:
    """``[(line, [(tag, value), …]), …]``; a clear InputError for a broken file."""
    text = text.lstrip("\ufeff")
    records = []
    # a value's lines are gathered and joined once (joining at each continuation line was quadratic)
    current: list[tuple[str, list[str]]] | None = None
    start = 0
    for lineno, line in enumerate(text.splitlines(), 1):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        m = _TAG_LINE.match(line)
        if not m:
            if current is not None and current:
                current[-1][1].append(line.strip())  # continuation line
                continue
            raise InputError(f"{name}:{lineno}: not a RIS line (expected 'TY  - …'): {line[:60]!r}")
        tag, value = m.group(1), trim(m.group(2) or "")
        if tag == "TY":
            if current is not None:
                raise InputError(
                    f"{name}:{lineno}: a new record starts before the one from line {start} ended (missing 'ER  -')"
                )
            if not value:
                raise InputError(f"{name}:{lineno}: 'TY' without a reference type")
            current, start = [("TY", [value])], lineno
        elif tag == "ER":
            if current is None:
                raise InputError(f"{name}:{lineno}: 'ER' without a record ('TY  - …') before it")
            records.append((start, [(t, trim(" ".join(parts))) for t, parts in current]))
            current = None
        else:
            if current is None:
                raise InputError(f"{name}:{lineno}: tag {tag} outside a record (records start with 'TY  - …')")
            current.append((tag, [value]))
    if current is not None:
        raise InputError(f"{name}:{start}: the record that starts here never ends (missing 'ER  -')")
    if not records:
        raise InputError(f"{name}: no RIS records found")
    return records


def _ris_name(value: str) -> str:
    value = value.strip()
    if has_cjk(value):
        return encode_latex(value.replace(",", "").replace(" ", "") if "," in value else value)
    if "," in value:
        parts = [p.strip() for p in value.split(",")]
        fam, giv = parts[0], ", ".join(p for p in parts[1:] if p)
        return encode_latex(f"{fam}, {giv}" if giv else fam)
    return "{" + encode_latex(value) + "}" if " " in value else encode_latex(value)


def record_to_entry(tags: list[tuple[str, str]]) -> Entry:
    ris_type = tags[0][1].strip().upper()
    etype = RIS_TO_TYPE.get(ris_type, "misc")
    multi: dict[str, list[str]] = {}
    for tag, value in tags[1:]:
        if value:
            multi.setdefault(tag, []).append(value)

    def one(*ts: str) -> str | None:  # the first of these tags the record has (a loop: 21 per record)
        for t in ts:
            got = multi.get(t)
            if got:
                return got[0]
        return None

    fields: dict[str, str] = {}
    authors = multi.get("AU", []) + multi.get("A1", [])
    if authors:
        fields["author"] = " and ".join(_ris_name(a) for a in authors)
    editors = multi.get("ED", []) + multi.get("A2", []) if etype != "article" else multi.get("ED", [])
    if editors:
        fields["editor"] = " and ".join(_ris_name(a) for a in editors)
    if multi.get("A4"):
        fields["translator"] = " and ".join(_ris_name(a) for a in multi["A4"])
    if etype == "book" and "editor" in fields and "author" not in fields:
        etype = "collection"
    title = one("TI", "T1", "CT")
    if title:
        fields["title"] = encode_latex(title)
    container = one("T2", "JF", "JO", "BT", "JA", "J2")
    if container:
        if etype in ("article", "periodical"):
            fields["journaltitle"] = encode_latex(container)
        elif etype in ("online", "misc"):
            fields["organization" if etype == "online" else "howpublished"] = encode_latex(container)
        else:
            fields["booktitle"] = encode_latex(container)
    if ris_type in ("NEWS", "MGZN"):
        fields["entrysubtype"] = "newspaper" if ris_type == "NEWS" else "magazine"
    series = one("T3")
    if series:
        fields["series"] = encode_latex(series)
    date = _ris_date(one("DA"), one("PY", "Y1"))
    if date:
        fields["date"] = date
    for tag, name in (("VL", "volume"), ("IS", "number"), ("ET", "edition")):
        if one(tag):
            fields[name] = encode_latex(one(tag))
    sp, ep = one("SP"), one("EP")
    if sp:
        s, e = split_pages(sp)
        fields["pages"] = f"{s}-{ep or e}" if (ep or e) else s
    pb = one("PB")
    if pb:
        fields["institution" if etype in ("thesis", "report") else "publisher"] = encode_latex(pb)
    if one("CY"):
        fields["location"] = encode_latex(one("CY"))
    if one("M3") and etype in ("thesis", "report"):
        fields["type"] = encode_latex(one("M3"))
    for sn in multi.get("SN", []):
        digits = re.sub(r"[^0-9Xx]", "", sn)
        fields.setdefault("issn" if len(digits) == 8 else "isbn", sn.strip())
    if one("DO"):
        fields["doi"] = re.sub(r"^https?://(dx\.)?doi\.org/", "", one("DO"))
    if one("UR", "L2", "LK"):
        fields["url"] = one("UR", "L2", "LK")
    if one("Y2"):
        fields["urldate"] = _ris_date(one("Y2"), None) or one("Y2")
    if one("LA"):
        fields["langid"] = bcp47_to_langid(one("LA"))
    if multi.get("KW"):
        fields["keywords"] = encode_latex(", ".join(k.strip() for k in multi["KW"]), "keywords")
    if one("AB", "N2"):
        fields["abstract"] = encode_latex(one("AB", "N2"))
    if multi.get("N1"):
        fields["annote"] = encode_latex("\n\n".join(multi["N1"]))
    if one("M1"):
        fields["note"] = encode_latex(one("M1"))
    if one("C1") and re.match(r"^\s*(p\.\s*\d+\s*,\s*)?n\.\s*\d+", one("C1")):
        fields["citations"] = one("C1")
    key = (one("ID") or "").strip()
    return Entry(key=key, type=etype, fields=fields)


def _ris_date(da: str | None, py: str | None) -> str | None:
    for value in (da, py):
        if not value:
            continue
        pieces = value.split("/")
        nums = []
        for p in pieces[:3]:
            p = p.strip()
            if not (p.isascii() and p.isdigit()) or len(p) > 6:  # 5,000 digits are no date (and int() refuses them)
                break
            nums.append(int(p))
        if nums and 1000 <= nums[0] <= 9999:
            out = f"{nums[0]:04d}"
            if len(nums) > 1 and 1 <= nums[1] <= 12:
                out += f"-{nums[1]:02d}"
                if len(nums) > 2 and 1 <= nums[2] <= 31:
                    out += f"-{nums[2]:02d}"
            return out
        m = re.match(r"^\s*(\d{4})-(\d{2})(?:-(\d{2}))?", value)
        if m:
            return value.strip()[:10]
    return None


def loads(text: str, name: str = "RIS") -> list[Entry]:
    return [record_to_entry(tags) for _, tags in parse_records(text, name)]
