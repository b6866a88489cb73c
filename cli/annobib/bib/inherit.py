"""Data inheritance: ``crossref`` and ``xdata``, as biber (biblatex) and BibTeX resolve them.

    resolved = resolve(entries)        # same list, children completed from their parents

A child keeps every field it has (``override=false``) and takes the others from its parent.
biblatex's default rules rename some fields on the way: a chapter (``@incollection``,
``@inbook``, ``@inproceedings``) takes its book's ``title`` as ``booktitle`` (``subtitle`` →
``booksubtitle``, ``titleaddon`` → ``booktitleaddon``), an ``@inbook`` also takes the book's
author as ``bookauthor``, an ``@article`` takes a ``@periodical``'s title as ``journaltitle``,
and a book in a multi-volume work its title as ``maintitle``. A title that was renamed is not
inherited under its own name (the chapter keeps its own title, or has none). For BibTeX files,
where a parent often sets ``booktitle`` itself, that value is used when no rename applies.
Identity fields (``ids``, ``crossref``, ``xref``, ``entryset``, ``entrysubtype``, ``label``,
``options``, ``shorthand``, ``sortkey`` …) and annobib's own (``citations``, ``annote``,
``keywords``, ``file``) are never inherited. ``xdata = {a, b}`` copies every field of those
``@xdata`` entries as is. Keys are matched case-insensitively (BibTeX does), chains are
followed (a chapter → its book → its multi-volume work) and a cycle or a missing parent leaves
the entry as written. The entries themselves are never changed: a completed child is a copy.
"""

from __future__ import annotations

from annobib.model import FIELD_ALIASES, Entry

NEVER = frozenset(
    """ids crossref xref xdata entryset entrysubtype execute label options presort related
relatedoptions relatedstring relatedtype shorthand shorthandintro sortkey citations annote annotation
keywords tags file abstract""".split()
)
_TITLES = ("title", "subtitle", "titleaddon")
_TO_BOOK = dict(zip(_TITLES, ("booktitle", "booksubtitle", "booktitleaddon")))
_TO_MAIN = dict(zip(_TITLES, ("maintitle", "mainsubtitle", "maintitleaddon")))
_TO_JOURNAL = dict(zip(_TITLES, ("journaltitle", "journalsubtitle", "journaltitleaddon")))
_NO_TITLES = ("shorttitle", "sorttitle", "indextitle", "indexsorttitle")
_PARTS = {
    "incollection",
    "inbook",
    "bookinbook",
    "suppbook",
    "inproceedings",
    "conference",
    "inreference",
    "suppcollection",
}


def _renames(parent: str, child: str) -> dict[str, tuple[str, ...]]:
    """biblatex's default ``\\DeclareDataInheritance`` rules: source field -> target fields."""
    maps: dict[str, tuple[str, ...]] = {}
    if parent.startswith("mv") and (child in _PARTS or child in ("book", "collection", "proceedings", "reference")):
        maps.update({k: (v,) for k, v in _TO_MAIN.items()})
    elif child in _PARTS and parent in ("book", "collection", "proceedings", "reference"):
        maps.update({k: (v,) for k, v in _TO_BOOK.items()})
    elif parent == "periodical" and child in ("article", "suppperiodical"):
        maps.update({k: (v,) for k, v in _TO_JOURNAL.items()})
    if maps:
        maps.update({k: () for k in _NO_TITLES})
    if parent in ("book", "mvbook") and child in ("inbook", "bookinbook", "suppbook"):
        maps["author"] = ("author", "bookauthor")
    return maps


_SAME: dict[str, tuple[str, ...]] = {}  # name -> every field name that stands for it


def _same(name: str) -> tuple[str, ...]:
    """``name``'s aliases, then every canonical name ``name`` is an alias of (computed once per
    name, not a scan of the alias table per field of each of 10,000 children)."""
    got = _SAME.get(name)
    if got is None:
        got = _SAME[name] = tuple(FIELD_ALIASES.get(name, (name,))) + tuple(
            canon for canon, aliases in FIELD_ALIASES.items() if name in aliases
        )
    return got


def _has(fields: dict, name: str) -> bool:
    return any(fields.get(a) for a in _same(name))


def _inherit(child: dict, parent: Entry, child_type: str, mapped: bool = True) -> None:
    renames = _renames(parent.type.lower(), child_type) if mapped else {}
    for name, value in parent.fields.items():
        if name in NEVER or not value:
            continue
        for target in renames.get(name, (name,)):
            if not _has(child, target):
                child[target] = value


def _parents(e: Entry, by_key: dict) -> list:
    """(parent, mapped) in inheritance order: ``xdata`` sources first, then the ``crossref``."""
    out = [(by_key.get(ref.strip().casefold()), False) for ref in (e.fields.get("xdata") or "").split(",")]
    parent = by_key.get((e.fields.get("crossref") or "").strip().casefold())
    if parent is not e:
        out.append((parent, True))
    return [(p, mapped) for p, mapped in out if p is not None]


def resolve(entries: list) -> list:
    """``entries`` with every ``crossref``/``xdata`` child completed; ``@xdata`` entries dropped.

    Depth-first with an explicit stack, parents completed before their children and each entry
    once: a chain of any length (10,000 tested) costs linear time and no recursion. biber sets no
    depth limit either; a parent already on the path being completed is a cycle and is skipped
    there (``validate`` reports it as W113)."""
    if not any(("crossref" in e.fields or "xdata" in e.fields or e.type.lower() == "xdata") for e in entries):
        return entries
    by_key = {e.key.casefold(): e for e in entries}
    done: dict[str, Entry] = {}
    for root in entries:
        if root.key.casefold() in done:
            continue
        path = {root.key.casefold()}
        stack = [(root, iter(_parents(root, by_key)))]
        while stack:
            e, pending = stack[-1]
            for p, _ in pending:
                pk = p.key.casefold()
                if pk not in done and pk not in path:
                    path.add(pk)
                    stack.append((p, iter(_parents(p, by_key))))
                    break
            else:  # every parent is complete (or on the path: a cycle)
                stack.pop()
                k = e.key.casefold()
                path.discard(k)
                fields = dict(e.fields)
                for p, mapped in _parents(e, by_key):
                    pk = p.key.casefold()
                    if pk in done and pk not in path:
                        _inherit(fields, done[pk], e.type.lower(), mapped)
                done[k] = e if fields == e.fields else Entry(e.key, e.type, fields, e.line, e.source)
    return [done[e.key.casefold()] for e in entries if e.type.lower() != "xdata"]


class Cycle(list):
    """The entries of one crossref/xdata loop; ``ring`` when they form a single chain (in chain
    order then), else a knot of several loops (in file order)."""

    ring = False


def cycles(entries: list) -> list[Cycle]:
    """Each group of entries whose ``crossref``/``xdata`` chains lead back into the group, once:
    the strongly connected components (iterative Tarjan, O(entries + references)), so a hub that
    4,000 leaves loop through is one group, not one cycle per path (which grows quadratically)."""
    by_key = {e.key.casefold(): e for e in entries}
    # only an entry that names a parent can close a loop: the walk starts from those alone (a
    # 50,000-entry file with no crossref costs one look at each entry, not a walk over all)
    succ = {
        k: list(dict.fromkeys(p.key.casefold() for p, _ in _parents(e, by_key)))
        for k, e in by_key.items()
        if "crossref" in e.fields or "xdata" in e.fields
    }
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    for root in succ:
        if root in index:
            continue
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        work = [(root, iter(succ[root]))]
        while work:
            v, pending = work[-1]
            for w in pending:
                if w not in index:
                    index[w] = low[w] = len(index)
                    stack.append(w)
                    on_stack.add(w)
                    work.append((w, iter(succ.get(w, ()))))
                    break
                if w in on_stack:
                    low[v] = min(low[v], index[w])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[v])
                if low[v] == index[v]:
                    group: list[str] = []
                    while not group or group[-1] != v:
                        group.append(stack.pop())
                        on_stack.discard(group[-1])
                    if len(group) > 1 or v in succ.get(v, ()):
                        groups.append(group)
    order = {k: i for i, k in enumerate(by_key)}
    return sorted((_ordered(g, succ, order, by_key) for g in groups), key=lambda c: order[c[0].key.casefold()])


def _ordered(group: list[str], succ: dict, order: dict, by_key: dict) -> Cycle:
    members = sorted(group, key=order.__getitem__)
    inside = set(members)
    out = Cycle(by_key[k] for k in members)
    if sum(w in inside for k in members for w in succ[k]) == len(members):  # one way round: a ring
        chain = [members[0]]
        while len(chain) < len(members):
            chain.append(next(w for w in succ[chain[-1]] if w in inside))
        out = Cycle(by_key[k] for k in chain)
        out.ring = True
    return out
