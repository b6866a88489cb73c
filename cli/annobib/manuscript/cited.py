"""A manuscript's citations against a bibliography: the cited entries in order, the keys not
found, and one combined in-text citation per citation group."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from annobib.bib.inherit import resolve
from annobib.core.sanitize import short
from annobib.manuscript.scan import Cite, Paper
from annobib.render.richtext import RichText
from annobib.styles import Reference, citation_order, format_bibliography, style_module
from annobib.styles._fields import decode


@dataclass
class Cited:
    """The entries a paper cites (order of first citation), the groups with Zotero items matched to
    keys, and the keys with no entry (key -> lines where cited)."""

    entries: list
    groups: list[list[Cite]]
    missing: dict[str, list[int]] = field(default_factory=dict)


def _norm(s: str) -> str:
    return re.sub(r"[\W_]+", "", (s or "").casefold())


def _match_csl(item: dict, by_doi: dict, by_title: dict) -> str | None:
    """The key of the entry a Zotero item (with no citation key) stands for: by DOI, else by title."""
    doi = (item.get("DOI") or "").strip().lower()
    if doi and doi in by_doi:
        return by_doi[doi]
    t = _norm(item.get("title") or "")
    return by_title.get(t) if t else None


def cited_entries(paper: Paper, entries: list) -> Cited:
    """Resolve ``paper``'s citations against ``entries`` (every entry for LaTeX ``\\nocite{*}``)."""
    index = {e.key: e for e in entries}
    folded = {e.key.casefold(): e for e in entries}  # BibTeX keys are case-insensitive
    by_doi: dict[str, str] = {}
    by_title: dict[str, str] = {}
    if any(c.csl for g in paper.groups for c in g):
        for e in entries:
            if e.get("doi"):
                by_doi.setdefault(e.get("doi").strip().lower(), e.key)
            if e.get("title"):
                by_title.setdefault(_norm(decode(e.get("title"))), e.key)
    groups: list[list[Cite]] = []
    missing: dict[str, list[int]] = {}
    for g in paper.groups:
        out = []
        for c in g:
            if c.csl is not None:
                key = _match_csl(c.csl, by_doi, by_title)
                if key is None:
                    title = str(c.csl.get("title") or c.csl.get("id") or "?")[:60]
                    missing.setdefault(f"(Zotero item) {title}", []).append(c.line)
                    continue
                c = replace(c, key=key, csl=None)
            if c.key not in index and c.key.casefold() in folded:
                c = replace(c, key=folded[c.key.casefold()].key)
            if c.key not in index:  # named in a warning: a 50,000-character key is cut
                missing.setdefault(short(c.key), []).append(c.line)
                continue
            out.append(c)
        if out:
            groups.append(out)
    order = Paper(paper.path, groups).keys()
    chosen = [index[k] for k in order]
    if paper.all_entries:
        seen = set(order)
        chosen += [e for e in entries if e.key not in seen]
    return Cited(chosen, groups, missing)


def reference_list(
    cited: Cited, entries: list, style: str, edition=None, system="numeric", order: str = "auto", **options
) -> list:
    """The manuscript's own list: numbered from 1 in order of first citation (numeric), else sorted
    as the style says, 2025a/2025b among the cited works only. ``crossref``/``xdata`` parents are
    looked up in the whole bibliography, so a chapter cited alone still gets its book. ``order``:
    ``sorted`` sorts a numeric list too; ``file`` keeps the bibliography file's order."""

    full = {e.key: e for e in resolve(list(entries))}
    chosen = [full.get(e.key, e) for e in cited.entries]
    if not chosen:
        return []
    if order == "file":
        position = {e.key: i for i, e in enumerate(entries)}
        chosen.sort(key=lambda e: position.get(e.key, len(position)))
        return format_bibliography(chosen, style, edition, system, order="file", **options)
    numeric = system == "numeric" and not getattr(style_module(style), "AUTHOR_DATE_ONLY", False)
    if order == "auto" and numeric:
        order = "file"  # chosen is in order of first citation
    return format_bibliography(chosen, style, edition, system, order=order, **options)


def numbered(entries: list) -> dict:
    """key -> Reference with only its number, as the whole list numbers it (numeric styles): the
    citation order alone, without formatting 10,000 references to cite three."""

    out = {}
    for n, e in enumerate(citation_order(resolve(list(entries))), start=1):
        out[e.key] = Reference(e, RichText(), f"[{n}]", n, "", f"[{n}]")
    return out


# -- combined in-text citations ------------------------------------------------------------------


@dataclass
class Citation:
    """One in-text citation: ``text`` as printed in plain text; ``parts`` as (text, superscript)
    runs for output that can raise the GB/T page locator (``[8]`` then a raised ``25``)."""

    text: str
    parts: list[tuple[str, bool]]


def _ranges(numbers: list[int]) -> str:
    """``[3, 5, 6, 7]`` -> ``3, 5-7``; two in a row stay ``5, 6`` (a range needs three)."""
    nums = sorted(set(numbers))
    out = []
    i = 0
    while i < len(nums):
        j = i
        while j + 1 < len(nums) and nums[j + 1] == nums[j] + 1:
            j += 1
        if j - i >= 2:
            out.append(f"{nums[i]}-{nums[j]}")
            i = j + 1
        else:
            out.append(str(nums[i]))
            i += 1
    return ", ".join(out)


def _apa_locator(loc: str) -> str:
    if re.fullmatch(r"[\dIVXLCDMivxlcdm]+", loc):
        return f"p. {loc}"
    if re.fullmatch(r"[\dIVXLCDMivxlcdm]+-[\dIVXLCDMivxlcdm]+", loc):
        return "pp. " + loc.replace("-", "\u2013")
    return loc


_CJK_PAREN = re.compile(r"^（(.*)）$")
_PAREN = re.compile(r"^\((.*)\)$")


def combine(refs: dict, cites: list[Cite], style: str) -> Citation:
    """One citation for a group: ``[3, 5-7]`` (numeric), ``（刘琳，2025；Morrow，1991）`` (GB/T
    author-date, full-width once any item is), ``(Liu, 2025; Morrow, 1991)`` (APA, in reference-list
    order as APA 7, 8.12 asks; GB/T keeps the writer's order). Locators: numeric ``[8]25`` with the
    page raised (GB/T 7714, 10.1.3), each located item its own bracket; GB/T author-date
    ``（刘琳，2025）25`` for one item, ``（刘琳，2025：25；…）`` inside for several; APA
    ``(Morrow, 1991, p. 25)``. Same authors in a row share their names: ``(Liu, 2024, 2025)``.
    A prefix (``see``) goes before its work's names, or before a numeric citation."""
    items = [(refs[c.key], c.locator) for c in cites if c.key in refs]
    prefixes = {c.key: c.prefix for c in cites if c.prefix}
    if not items:
        return Citation("", [])
    if items[0][0].number is not None:  # numeric
        lead = prefixes.get(items[0][0].key, "")
        lead = lead + " " if lead else ""
        if not any(loc for _r, loc in items):
            t = f"[{_ranges([r.number for r, _l in items])}]"
            return Citation(lead + t, [(lead, False), (t, False)] if lead else [(t, False)])
        parts: list[tuple[str, bool]] = [(lead, False)] if lead else []
        for r, loc in items:
            parts.append((f"[{r.number}]", False))
            if loc:
                parts.append((loc, True))
        return Citation("".join(p for p, _ in parts), parts)
    apa = style in ("apa", "apa7")
    if apa:
        position = {k: i for i, k in enumerate(refs)}  # refs come in list order
        items.sort(key=lambda t: position[t[0].key])
    wide = not apa and any(_CJK_PAREN.match(r.citation) for r, _l in items)
    comma, sep = ("，", "；") if wide else (", ", "; ")
    pieces: list[tuple[str, str, str | None]] = []  # (names, year, locator)
    for r, loc in items:
        m = _CJK_PAREN.match(r.citation) or _PAREN.match(r.citation)
        inner = m.group(1) if m else r.citation
        cut = "，" if "，" in inner else ", "
        names, _, year = inner.rpartition(cut)
        if prefixes.get(r.key):
            names = f"{prefixes[r.key]} {names}".strip()
        pieces.append((names, year, loc))
    alone_loc = not apa and len(pieces) == 1 and pieces[0][2]
    out: list[str] = []
    for i, (names, year, loc) in enumerate(pieces):
        if loc and apa:
            year = f"{year}, {_apa_locator(loc)}"
        elif loc and not alone_loc:
            year = f"{year}{'：' if wide else ': '}{loc}"
        if i and pieces[i - 1][0] == names and out:
            out[-1] += f"{comma}{year}"
        else:
            out.append(f"{names}{comma}{year}" if names else year)
    open_, close = ("（", "）") if wide else ("(", ")")
    t = open_ + sep.join(out) + close
    parts = [(t, False)]
    if alone_loc:
        parts.append((str(pieces[0][2]), True))
        t += str(pieces[0][2])
    return Citation(t, parts)
