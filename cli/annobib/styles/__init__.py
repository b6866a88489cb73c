"""Citation styles: entries in, rich text out.

    from annobib.styles import format_entry, format_bibliography, render
    rt = format_entry(entry, style="gbt7714", edition="2025", system="numeric")
    render(rt, "text")           # or "terminal", "md", "html", "latex"

A style is a module ``annobib.styles.<name>`` providing

    format_entry(entry, edition, system, extra) -> RichText   # one reference
    sort_key(entry, index, edition) -> tuple                 # author-date / APA list order
    group_key(entry, edition) -> tuple                       # same author + year -> 2025a, 2025b
    citation(entry, edition, extra) -> str                   # in-text form
    AUTHOR_DATE_ONLY: bool                                   # APA has no numeric system

Registering a style is one line in STYLES; styles never produce markup and never import a
backend.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import string
from dataclasses import dataclass, field

from annobib.errors import InputError
from annobib.model import CITATIONS_FIELD, Entry
from annobib.render import ListItem, render, render_document  # noqa: F401 (re-exported)
from annobib.render.richtext import RichText, Run
from annobib.styles._fields import decode
from annobib.styles._samebody import ByBody, SameBody, body
from annobib.styles.sorting import title_key

STYLES: dict[str, str] = {
    "gbt7714": "gbt7714",
    "gb": "gbt7714",
    "apa": "apa",
    "apa7": "apa",
    "cn-notes": "cnnotes",
    "cnnotes": "cnnotes",
    "chicago": "chicago",
}
EDITIONS = {"gbt7714": ("2025", "2015"), "apa": ("7",), "cnnotes": ("1",), "chicago": ("17",)}
SYSTEMS = ("numeric", "author-date", "notes", "bibliography")


class StyleChoiceError(InputError, ValueError):
    """A style, edition or system that does not exist: a usage error (exit 2), still a ValueError."""


def clear_caches() -> None:
    """Forget memoized decodings, names and romanizations (benchmarks; long-running processes)."""

    # lazy: loads every style and the romanizer; `annobib show` needs one style
    from annobib import names, romanize
    from annobib.styles import _fields, _gbt_entry, apa, casing, gbt7714, sorting

    _gbt_entry._NAMES_MEMO.clear()
    for module in (_fields, _gbt_entry, apa, gbt7714, sorting, romanize, casing, names):
        for value in vars(module).values():
            if isinstance(value, functools._lru_cache_wrapper) and value.__name__ not in (
                "proper_nouns",
                "_phrase_index",
            ):
                value.cache_clear()


def style_module(style: str):
    try:
        return importlib.import_module(f"annobib.styles.{STYLES[style]}")
    except KeyError:
        raise ValueError(f"unknown style {style!r} (choose from gbt7714, apa, cn-notes, chicago)") from None


def _defaults(style: str, edition, system):
    mod = style_module(style)
    name = STYLES[style]
    if edition is None:
        edition = EDITIONS[name][0]
    edition = str(edition)
    if edition not in EDITIONS[name]:
        raise StyleChoiceError(f"{name} has no edition {edition!r} (choose from {', '.join(EDITIONS[name])})")
    if getattr(mod, "AUTHOR_DATE_ONLY", False):
        system = "author-date"
    own = getattr(mod, "SYSTEMS", None)  # a note style: its own systems, notes first
    if own is not None:
        system = own[0] if system in (None, "numeric") else system
        if system not in own:
            raise StyleChoiceError(f"--style {style} has no {system} system (choose from {', '.join(own)})")
        return mod, edition, system
    system = system or "numeric"
    if system not in SYSTEMS[:2]:
        raise StyleChoiceError(f"unknown citation system {system!r} (numeric or author-date)")
    return mod, edition, system


def format_entry(
    entry, style: str = "gbt7714", edition: str | None = None, system: str | None = "numeric", extra: str = ""
) -> RichText:
    """One entry as rich text (no list label). ``extra`` is the ``a``/``b`` of same author-year works."""
    mod, edition, system = _defaults(style, edition, system)
    return mod.format_entry(entry, edition=edition, system=system, extra=extra)


@dataclass
class Reference:
    """One formatted reference of a list."""

    entry: object
    text: RichText
    label: str | None  # "[3]" in numeric lists, None otherwise
    number: int | None  # position in a numeric list
    extra: str = ""  # "a", "b" … for same author and year
    citation: str = ""  # the in-text form
    warnings: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        return self.entry.key


def _first_citation(entry):
    if not entry.fields.get(CITATIONS_FIELD):  # the usual entry of a file: no parsing for it
        return None
    cites = entry.citations
    if not cites:
        return None
    return min((c.page if c.page is not None else 10**9, c.note) for c in cites)


def citation_order(entries: list) -> list:
    """Numeric order: by first citation in the article (page, then note) when the entries carry
    citation data; entries without it follow in file order. Without any citation data: file order."""
    firsts = [(_first_citation(e), i, e) for i, e in enumerate(entries)]
    if not any(f is not None for f, _, _ in firsts):
        return list(entries)
    cited = sorted((f, i, e) for f, i, e in firsts if f is not None)
    rest = [e for f, _, e in firsts if f is None]
    return [e for _, _, e in cited] + rest


def letters(n: int) -> list[str]:
    alphabet = string.ascii_lowercase
    out = []
    for i in range(n):
        s = ""
        i += 1
        while i:
            i, r = divmod(i - 1, 26)
            s = alphabet[r] + s
        out.append(s)
    return out


def format_bibliography(
    entries: list,
    style: str = "gbt7714",
    edition: str | None = None,
    system: str | None = "numeric",
    order: str = "auto",
    tiebreak: str = "title",
    archived: str = "off",
    dead: set | frozenset = frozenset(),
    universe: list | None = None,
    only: set | frozenset | None = None,
) -> list[Reference]:
    """A reference list in the order the style requires.

    ``order``: ``auto`` (numeric: first citation, else file order; author-date/APA: sorted as
    the standard says), ``file`` (keep the given order), ``sorted``. ``tiebreak`` orders works
    with the same authors and year (and so their ``a``/``b``): ``title`` (default), ``file``,
    or ``key`` (the citation key; the convention of the GB/T reference implementation).
    ``archived``: ``after`` prints an entry's Web Archive snapshot (``archiveurl``) after its
    reference, or ``dead`` puts it in place of the original URL for the keys in ``dead``.
    ``universe``: the whole bibliography when ``entries`` is a selection from it — numeric labels
    are then the entries' numbers in the whole list (``[8]`` stays ``[8]``).
    ``only``: the keys whose references are wanted; every entry still takes part in the order,
    numbers and letters, but only these are formatted and returned (``cite`` of one key in a
    10,000-entry file formats one reference, not 10,000).
    """
    mod, edition, system = _defaults(style, edition, system)
    # a style may share per-entry work among its key functions for the length of one run
    with getattr(mod, "one_run", contextlib.nullcontext)():
        return _references(mod, style, entries, edition, system, order, tiebreak, archived, dead, universe, only)


def _references(  # format_bibliography's options, passed through
    mod, style, entries, edition, system, order, tiebreak, archived, dead, universe, only
) -> list[Reference]:
    entries, universe = _inherited(list(entries), universe)
    every = universe if universe is not None else entries
    sigs = {id(e): body(e) for e in every}  # each body once, for ByBody and SameBody alike
    distinct = len(set(sigs.values())) == len(every)
    if getattr(mod, "BODY_ONLY", ()) and not distinct:
        mod = ByBody(mod, sigs)  # copies of one body: their sort keys, groups and citations once
    numeric = system in ("numeric", "notes")  # notes are numbered in citation order too
    if order == "file":
        ordered = entries
    elif numeric and order == "auto":
        if universe is not None:
            wanted = {id(e) for e in entries}
            ordered = [e for e in citation_order(list(universe)) if id(e) in wanted]
        else:
            ordered = citation_order(entries)
    else:
        ordered = _sorted(mod, entries, edition, tiebreak)
    extras: dict[int, str] = {}  # id(entry) -> "a", "b" …
    with_initials: set[int] = set()
    cites: dict[int, str] = {}
    if not numeric:
        pool = ordered
        if universe is not None:
            # letters as in the whole list, so a selection shows the same 2025a/2025b
            pool = ordered if order == "file" else _sorted(mod, list(universe), edition, tiebreak)
        groups: dict[tuple, list] = {}
        for e in pool:
            groups.setdefault(mod.group_key(e, edition), []).append(e)
        for members in groups.values():
            if len(members) > 1:
                for e, letter in zip(members, letters(len(members))):
                    extras[id(e)] = letter
        with_initials, cites = _distinct_citations(mod, pool, groups, extras, edition)
    numbers = None
    if numeric and universe is not None:
        full = citation_order(list(universe)) if order == "auto" else list(universe)
        numbers = {id(e): n for n, e in enumerate(full, start=1)}
    refs = []
    formatted = SameBody(mod, edition, system, memo=not distinct)  # no copies: nothing to remember
    for i, e in enumerate(ordered):
        if only is not None and e.key not in only:
            continue
        extra = extras.get(id(e), "")
        target, after = _archive(e, archived, dead)
        text, warnings = formatted(target, extra, sigs.get(id(e)) if target is e else None)
        if after:
            text = _append_archive(text, after, STYLES[style], edition, e)
        if numeric:
            label = f"[{numbers[id(e)] if numbers else i + 1}]"
            cite = label
        else:
            label = None
            cite = cites.get(id(e)) or mod.citation(
                e, edition=edition, extra=extra, **({"initials": True} if id(e) in with_initials else {})
            )
        number = (numbers[id(e)] if numbers else i + 1) if numeric else None
        refs.append(Reference(e, text, label, number, extra, cite, warnings))
    return refs


def _distinct_citations(mod, pool: list, groups: dict, extras: dict, edition) -> tuple[set[int], dict]:
    """Make every in-text citation of the list unique; return the entries cited with initials and
    every entry's citation (id -> text).

    Works of one group already have their letters. Two groups can still print one label
    (``Smith, John`` and ``Smith, Adam``, 2020; other co-authors behind ``et al.``). A style that
    can name the first author's initials (APA 7, 8.20) does so for every first author whose
    surname another first author shares; any label still shared by several works gets letters,
    the works of the groups involved lettered together as one."""
    initials: set[int] = set()
    first = getattr(mod, "first_author", None)
    if first is not None:
        heads = {id(e): first(e) for e in pool}
        forms: dict[str, set] = {}
        for h in heads.values():
            if h:
                forms.setdefault(h[0], set()).add(h[1])
        initials = {i for i, h in heads.items() if h and len(forms[h[0]]) > 1}

    def label(e):
        kw = {"initials": True} if id(e) in initials else {}
        return mod.citation(e, edition=edition, extra=extras.get(id(e), ""), **kw)

    labels = {id(e): label(e) for e in pool}
    by_label: dict[str, list] = {}
    for e in pool:
        by_label.setdefault(labels[id(e)], []).append(e)
    order = {id(e): i for i, e in enumerate(pool)}
    for same in by_label.values():
        if len(same) < 2:
            continue
        members: dict[int, object] = {}
        taken: set = set()
        for e in same:  # every work of the groups involved, each group once (not once per work)
            g = mod.group_key(e, edition)
            if g not in groups:
                members[id(e)] = e
            elif g not in taken:
                taken.add(g)
                for m in groups[g]:
                    members[id(m)] = m
        ordered = sorted(members.values(), key=lambda m: order[id(m)])
        for m, letter in zip(ordered, letters(len(ordered))):
            extras[id(m)] = letter
            labels[id(m)] = label(m)
    return initials, labels


def _inherited(entries: list, universe):
    """``crossref``/``xdata`` children completed from their parents in the whole list (a chapter
    selected alone still gets its book); ``@xdata`` entries are not references and drop out."""
    # lazy: not needed by `annobib show`
    from annobib.bib.inherit import resolve

    pool = list(universe) if universe is not None else entries
    full = resolve(pool)
    if full is pool:
        return entries, universe
    swap = {id(a): b for a, b in zip([e for e in pool if e.type.lower() != "xdata"], full)}
    return [swap[id(e)] for e in entries if id(e) in swap], (full if universe is not None else None)


def _sorted(mod, entries: list, edition, tiebreak: str) -> list:
    keyed = [(mod.sort_key(e, i, edition), i, e) for i, e in enumerate(entries)]
    keyed.sort(key=lambda t: (t[0], t[1]))
    ordered = [t[-1] for t in keyed]
    if tiebreak != "file":
        ordered = _break_ties(ordered, [t[0] for t in keyed], tiebreak)
    return ordered


def _tie_key(entry, tiebreak: str) -> tuple:
    if tiebreak == "key":
        return (entry.key,)
    return title_key(decode(entry.get("title")) or "")


def _break_ties(ordered: list, keys: list, tiebreak: str) -> list:
    """Re-order runs of equal sort keys (same authors and year) by title or citation key."""
    out: list = []
    i = 0
    n = len(ordered)
    while i < n:
        j = i + 1
        while j < n and keys[j] == keys[i]:
            j += 1
        run = ordered[i:j]
        if len(run) > 1:
            run = sorted(run, key=lambda e: _tie_key(e, tiebreak))  # stable: file order last
        out.extend(run)
        i = j
    return out


def _archive(entry, mode: str, dead):
    """(entry to format, (snapshot URL, date) to print after it or None)."""
    if mode == "off":
        return entry, None
    snap = (entry.get("archiveurl") or "").strip()
    if not snap:
        return entry, None
    if mode == "dead":
        if entry.key not in dead:
            return entry, None

        fields = dict(entry.fields)
        name = entry.field_name("url") or "url"
        fields[name] = snap
        return Entry(entry.key, entry.type, fields, entry.line, entry.source), None
    return entry, (snap, (entry.get("archivedate") or "").strip()[:10])


def _append_archive(text: RichText, after, style: str, edition, entry) -> RichText:
    url, date = after
    link = Run(url, url=url)
    if style == "apa":
        return text + " (Archived" + (f" {date}" if date else "") + " at " + link + ")"
    lang = (entry.get("langid") or "").lower()
    if lang == "chinese":
        colon = "：" if str(edition) == "2025" else ": "
        return text + " 存档" + colon + link + "."
    return text + " Archived" + (f" {date}" if date else "") + ": " + link + "."


def cite(
    entries: list, keys: list[str], style: str = "gbt7714", edition: str | None = None, system: str | None = "numeric"
) -> list[tuple[str, str]]:
    """(key, in-text citation) for ``keys``, numbered / lettered within the whole list ``entries``."""
    refs = {r.key: r for r in format_bibliography(entries, style, edition, system, only=set(keys))}
    return [(k, refs[k].citation) for k in keys if k in refs]


__all__ = [
    "Reference",
    "STYLES",
    "cite",
    "citation_order",
    "format_bibliography",
    "format_entry",
    "render",
    "render_document",
    "style_module",
]
