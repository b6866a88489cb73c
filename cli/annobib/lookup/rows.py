"""Table rows for entries (what ``list``, ``stats`` and search results show)."""

from __future__ import annotations

import re

from annobib import names as nm
from annobib import text as tx
from annobib.core.latex import LONG_VALUE
from annobib.core.sanitize import terminal
from annobib.lookup.schema import domain_of

_CONTAINER_ORDER = (
    "journaltitle",
    "journal",
    "booktitle",
    "publisher",
    "institution",
    "school",
    "organization",
    "howpublished",
)
_ESEP = "\x18"
_DSEP = "\x19"


class LongValues:
    """Values past ``LONG_VALUE`` characters held out of a bulk decoding and decoded on their own
    (remembered for the run), so a 600 KB title is decoded once, not once for the haystack and
    again for the table row::

        long = LongValues()
        bulk = SEP.join(long.hold(v) for v in values)
        text = long.decode(bulk, lambda: SEP.join(values))

    A held value stands in the bulk as a placeholder (two private-use characters of plane 15
    around its number); if the file itself holds those characters, everything is decoded in
    one piece as before (``whole``)."""

    OPEN, CLOSE = "\U000f0000", "\U000f0001"
    _HELD = re.compile("\U000f0000([0-9]+)\U000f0001")

    def __init__(self) -> None:
        self.held: list[str] = []

    def hold(self, value: str) -> str:
        if len(value) <= LONG_VALUE:
            return value
        self.held.append(value)
        return f"{self.OPEN}{len(self.held) - 1}{self.CLOSE}"

    def decode(self, bulk: str, whole) -> str:
        held = self.held
        if not held:
            return tx.latex_to_text(bulk)
        if bulk.count(self.OPEN) != len(held) or bulk.count(self.CLOSE) != len(held):
            return tx.latex_to_text(whole())
        return self._HELD.sub(lambda m: tx.latex_to_text(held[int(m.group(1))]), tx.latex_to_text(bulk))


_AND_SPLIT = re.compile(r"\s+and\s+")


def _cjk_name_char(c: str) -> bool:
    """Kana, CJK ideographs or Hangul: a name written whole (a loop over a short name beats
    compiling a regex over these blocks, ~6 ms a process)."""
    return (
        "\u4e00" <= c <= "\u9fff"
        or "\u3040" <= c <= "\u30ff"
        or "\uac00" <= c <= "\ud7af"
        or "\u3400" <= c <= "\u4dbf"
        or "\uf900" <= c <= "\ufaff"
    )


def _authors_summary(value: str, langid: str | None, sort_keys: bool = True) -> tuple[str, str, list]:
    """(short authors for the table, sort key, [(family, given)] of Chinese names).

    A fast path for the common shapes (``Family, Given``, ``Given Family``, ``刘琳``); anything
    with braces or odd structure goes through :func:`annobib.names.parse_names`."""

    if not value:
        return "", "\uffff", []
    key: str | None
    if "{" in value or "\\" in value:
        people = nm.parse_names(value, langid)
        lasts = [("et al." if p.others else p.last) for p in people]
        han = [(p.family, p.given) for p in people if p.script == "han" and not p.others]
        if people and not people[0].others:
            p0 = people[0]
            if p0.script == "han":
                key = (
                    ((nm.SURNAME_READINGS.get(p0.family) or tx.pinyin(p0.family)) + " " + tx.pinyin(p0.given))
                    if sort_keys
                    else ""
                )
            else:
                key = tx.fold(p0.last + " " + p0.given)
        else:
            key = "\uffff"
    else:
        japanese = (langid or "").lower() in ("japanese", "ja")
        lasts = []
        han = []
        key = None
        for part in _AND_SPLIT.split(" ".join(value.split())):
            if part == "others":
                lasts.append("et al.")
                continue
            if not part.isascii() and any(_cjk_name_char(c) for c in part):
                part = part.replace("，", ",")
                last = part
                pieces = part.replace("\u3000", " ").split()
                if len(pieces) > 1 or "," in part:
                    fam, giv = (
                        (pieces[0], "".join(pieces[1:])) if "," not in part else [x.strip() for x in part.split(",", 1)]
                    )
                elif japanese:
                    fam, giv = part, ""
                elif len(part) >= 3 and part[:2] in nm.COMPOUND_SURNAMES:
                    fam, giv = part[:2], part[2:]
                else:
                    fam, giv = part[:1], part[1:]
                if "," in part or "，" in part:  # Zotero / Better BibTeX: 刘, 琳 is 刘琳
                    last = nm.cjk_whole(fam, giv, "han", langid)
                if not japanese and tx.has_han(fam):
                    han.append((fam, giv))
                if key is None:
                    key = ((nm.SURNAME_READINGS.get(fam) or tx.pinyin(fam)) + " " + tx.pinyin(giv)) if sort_keys else ""
            elif "," in part:
                fam, giv = part.split(",", 1)
                last = fam.strip()
                if key is None:
                    key = tx.fold(last + " " + giv.strip())
            else:
                tokens = part.split()
                cut = len(tokens) - 1
                for k in range(1, len(tokens) - 1):
                    if tokens[k][:1].islower():
                        cut = k
                        break
                last = " ".join(tokens[cut:])
                if key is None:
                    key = tx.fold(last + " " + " ".join(tokens[:cut]))
            lasts.append(last)
    if key is None:  # (only the plain branch leaves it unset)
        key = "\uffff"
    if len(lasts) > 3:
        short = lasts[0] + " et al."
    else:
        short = ", ".join(lasts)
    return short, key, han


def _titles(e) -> tuple[str, str]:
    """(title, container) of an entry as written, '' where there is none."""
    f = e.fields
    container_name = next((n for n in _CONTAINER_ORDER if f.get(n)), None)
    return f.get("title") or "", f[container_name] if container_name else ""


def batch_summaries(entries: list, sort_keys: bool = True) -> list[tuple]:
    """The table row of each entry: (key, type, authors, year, title, container, language,
    times cited, web domain, sort key for authors, "")."""

    if not entries:
        return []
    disp_parts = []
    for e in entries:
        f = e.fields
        container_name = next((n for n in _CONTAINER_ORDER if f.get(n)), None)
        disp_parts.append(_DSEP.join((f.get("title") or "", f[container_name] if container_name else "")))
    bulk = _ESEP.join(disp_parts)
    if bulk.count(_DSEP) != len(disp_parts) or bulk.count(_ESEP) != len(disp_parts) - 1:
        # a value holds a separator (a raw U+0018/U+0019 in the file): shown as a space instead
        bulk = _ESEP.join(_DSEP.join(p.replace(_ESEP, " ").replace(_DSEP, " ") for p in _titles(e)) for e in entries)
    if len(bulk) > LONG_VALUE:
        whole = bulk
        long = LongValues()
        parts = [p.split(_DSEP) for p in whole.split(_ESEP)]
        bulk = _ESEP.join(_DSEP.join(map(long.hold, p)) for p in parts)
        disp = long.decode(bulk, lambda: whole).split(_ESEP)
    else:
        disp = tx.latex_to_text(bulk).split(_ESEP)
    out = []
    for k, e in enumerate(entries):
        f = e.fields
        title, container = (terminal(x.strip()) for x in disp[k].split(_DSEP))
        author_value = f.get("author") or f.get("editor") or ""
        langid = f.get("langid") or f.get("language") or f.get("hyphenation")
        # names are split on the raw value (braces keep organizations whole), then decoded
        short, sort_author, _han = _authors_summary(author_value, langid, sort_keys)
        if "\\" in short or "{" in short or "~" in short:
            short = tx.latex_to_text(short)
        short = terminal(short)
        domain = domain_of(f.get("url"))
        if not container and domain:
            container = domain
        cit = f.get("citations")
        cited = len(e.citations) if cit else 0
        out.append(
            (
                e.key,
                e.type,
                short,
                e.year or "",
                title,
                container,
                tx.language_code(langid, title or author_value),
                cited,
                domain,
                sort_author,
                "",
            )
        )
    return out
