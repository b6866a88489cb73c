"""Article coverage: do the notes (or a manuscript) and the entries account for each other?

Citation data comes from two places:

* each entry's ``citations`` field (``p. 25, n. 1: … || …``), written by ``annobib extract``;
* a manuscript given with ``validate --manuscript FILE``: ``\\cite{key}``-style commands in a
  ``.tex``/``.aux`` file (natbib, biblatex: ``\\autocite``, ``\\parencite``, ``\\footcite`` …,
  ``\\nocite{*}``; ``\\citation{…}`` and ``\\abx@aux@cite`` in .aux files) or Pandoc citations
  (``[@key]``, ``[see @a, p. 3; @b]``, ``@key``) in Markdown.

The coverage rules run only when such data is there: without it, "no note cites this entry"
would fire on every entry of a plain bibliography.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict

from annobib.checks._util import text_of
from annobib.checks.base import Fix, rule, scanner
from annobib.model import CITATION_SEPARATOR

# A key list stops at a ``{`` or ``\`` as well as at its ``}``, an option at a ``[``: an unclosed
# ``\cite{`` then ends at the next command instead of scanning to the end of the text from every
# one (20,000 unclosed ``\cite{`` in 120 KB took 8 s).
_TEX_CITE = re.compile(
    r"\\(?:[a-zA-Z]*cite[a-zA-Z]*\*?|citation)\s*(?:\[[^\]\[]*\]\s*){0,2}\{([^{}\\]*)\}"
    r"|\\abx@aux@cite\{(?:[^{}\\]*)\}\{([^{}\\]*)\}"
)
_PANDOC_CITE = re.compile(r"(?:(?<=[\s\[;(])|^)-?@(?:\{([^}]+)\}|([\w][\w:.#$%&\-+?<>~/]*[\w]|[\w]))", re.M)


def cited_keys_from_text(text: str, kind: str = "auto", source: str = "") -> dict[str, list[tuple[str, int]]]:
    """Keys cited in a manuscript -> [(source, line)]. ``kind``: latex, pandoc or auto (both).
    ``\\nocite{*}`` is returned as the key ``*``."""
    out: dict[str, list[tuple[str, int]]] = defaultdict(list)
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line_of(pos: int) -> int:
        return bisect.bisect_right(line_starts, pos)

    if kind in ("latex", "auto"):
        for m in _TEX_CITE.finditer(text):
            keys = m.group(1) if m.group(1) is not None else m.group(2)
            for k in keys.split(","):
                k = k.strip()
                if k:
                    out[k].append((source, line_of(m.start())))
    if kind in ("pandoc", "auto"):
        for m in _PANDOC_CITE.finditer(text):
            k = (m.group(1) or m.group(2)).strip()
            if k and not (kind == "auto" and "." in k and not m.group(1) and re.search(r"\.[a-z]{2,}$", k)):
                out[k].append((source, line_of(m.start())))
    return dict(out)


def _has_citation_data(corpus, ctx) -> bool:
    return ctx.cited_keys is not None or any("citations" in e.fields for e in corpus.entries)


@rule(
    "W601",
    "uncited-entry",
    "coverage",
    "An entry extracted from the article's notes that no note cites any more (its citations field "
    "is empty) and, with --manuscript, any entry the manuscript never cites. Entries added by hand "
    "(no citations field) are not reported without --manuscript. Runs only when citation data exists.",
    scope="library",
    bad="@book{x, title = {…}, citations = {}}   (extracted from a note no longer citing it)",
    good="@book{x, title = {…}, citations = {p. 27, n. 3: …}}",
)
def uncited(R, corpus, ctx):
    if not _has_citation_data(corpus, ctx):
        return None
    from_notes = any("citations" in e.fields for e in corpus.entries)
    cited = ctx.cited_keys or {}
    if "*" in cited:
        return None  # \nocite{*}: everything is cited
    out = []
    for e in corpus.entries:
        if e.type in ("xdata", "set"):
            continue
        if e.key in cited or (from_notes and text_of(e.fields.get("citations", "")).strip()):
            continue
        if ctx.cited_keys is None and "citations" not in e.fields:
            continue  # added by hand, not from the article's notes: nothing says it should be cited
        if from_notes and ctx.cited_keys is not None:
            who = f"neither a note of the article nor the manuscript cites '{e.key}'"
        elif from_notes:
            who = f"no note of the article cites '{e.key}'"
        else:
            who = f"the manuscript never cites '{e.key}'"
        out.append(
            R.finding(e, "citations" if from_notes else None, f"{who}; remove the entry or record where it is cited")
        )
    return out


@rule(
    "E602",
    "missing-entry",
    "coverage",
    "A key the manuscript cites (--manuscript FILE) has no entry in the bibliography.",
    scope="library",
    needs=("manuscript",),
    bad="\\cite{liu2025} with no @…{liu2025, …}",
    good="an entry with that key",
)
def missing_entry(R, corpus, ctx):
    keys = {e.key for e in corpus.entries}
    folded = {k.casefold(): k for k in keys}
    out = []
    for k, places in (ctx.cited_keys or {}).items():
        if k == "*" or k in keys:
            continue
        src, line = places[0]
        hint = f"; did you mean '{folded[k.casefold()]}'?" if k.casefold() in folded else ""
        f = R.finding(
            None, None, f"'{k}' is cited {len(places)} time{'s' if len(places) > 1 else ''} but has no entry{hint}"
        )
        f.key, f.line, f.source = k, line, src
        out.append(f)
    return out


_HEADS_AT = re.compile(r"(?:^|\|\|)\s*(?:p\.\s*(\d+)\s*,\s*)?n\.\s*(\d+)(?:\s*,\s*at\s+([^:|]+?))?\s*(?::|\|\||$)")
_ITEM_STARTS = re.compile(r"(?:^|\|\|)\s*(?:p\.\s*(\d+)\s*,\s*)?n\.\s*(\d+)")  # an item's head: (page, note)
_ITEM_RE = re.compile(r"^\s*(?:p\.\s*\d+\s*,\s*)?n\.\s*\d+")


@rule(
    "W603",
    "citations-syntax",
    "coverage",
    "An item of the citations field that does not read 'p. N, n. M[, at LOC]: context' "
    "(annobib's record of where the article cites the work).",
    bad="citations = {page 25 note 1}",
    good="citations = {p. 25, n. 1: …}",
    fields=("citations",),
)
def citations_syntax(R, e, ctx):
    raw = e.fields.get("citations")
    if raw is None:
        return None
    if len(_ITEM_STARTS.findall(raw)) == raw.count("||") + 1:
        return None  # every item starts as it should
    items = [i for i in text_of(raw).split(CITATION_SEPARATOR.strip())]
    bad = [i.strip() for i in items if i.strip() and not _ITEM_RE.match(i)]
    if bad:
        return [
            R.finding(
                e,
                "citations",
                f"citations item '{bad[0][:40]}' is not 'p. N, n. M: context'"
                + (f" (and {len(bad) - 1} more)" if len(bad) > 1 else ""),
            )
        ]
    return None


@rule(
    "W604",
    "citations-duplicate",
    "coverage",
    "The same note listed twice in one entry's citations field.",
    fixable="safe",
    bad="citations = {p. 25, n. 1: … || p. 25, n. 1: …}",
    good="citations = {p. 25, n. 1: …}",
    fields=("citations",),
)
def citations_dup(R, e, ctx):
    raw = e.fields.get("citations")
    if raw is None or "||" not in raw:
        return None
    seen, dup = {}, []
    items = [i.strip() for i in text_of(raw).split(CITATION_SEPARATOR.strip())]
    kept = []
    for item in items:
        m = _HEAD.match(item)
        if not m:
            kept.append(item)
            continue
        k = (m.group(1), m.group(2), (m.group(3) or "").strip())
        if k in seen:
            dup.append(k)
            if item == seen[k]:
                continue  # an exact repeat is dropped by the fix
        else:
            seen[k] = item
        kept.append(item)
    if not dup:
        return None
    page, note, _ = dup[0]
    where = (f"p. {page}, " if page else "") + f"n. {note}"
    fix = (
        Fix("citations", CITATION_SEPARATOR.join(kept), description="drop repeated items")
        if len(kept) < len(items)
        else None
    )
    return [R.finding(e, "citations", f"citations lists {where} more than once", fix)]


_HEAD = re.compile(r"\s*(?:p\.\s*(\d+)\s*,\s*)?n\.\s*(\d+)(?:\s*,\s*at\s+([^:]+?))?\s*(?::|$)")


@rule(
    "I605",
    "note-gap",
    "coverage",
    "Notes on a page that no entry cites while later notes on the page do: a note that cites a "
    "work with no entry, or a note with no citation (funding, commentary).",
    scope="library",
    bad="entries cite p. 27 notes 1, 2 and 4",
    good="an entry cites p. 27 n. 3 (or note 3 cites nothing)",
)
def note_gap(R, corpus, ctx):
    # Each note goes to the first entry (in file order) that cites it. Citations values recur, so
    # each distinct value is read once, for the first entry holding it: in the order of those
    # first entries, a note still meets its first citing entry first.
    first: dict[str, object] = {}
    for e in corpus.entries:
        raw = e.fields.get("citations")
        if raw:
            first.setdefault(raw, e)
    pages: dict[int | None, dict[int, object]] = defaultdict(dict)
    for raw, e in first.items():
        for page, note in _ITEM_STARTS.findall(raw):
            pages[int(page) if page else None].setdefault(int(note), e)
    out = []
    for page, notes in sorted(pages.items(), key=lambda kv: (kv[0] is None, kv[0] or 0)):
        if not notes:
            continue
        top = max(notes)
        missing = [n for n in range(1, top) if n not in notes]
        if not missing or len(missing) > 20:
            continue
        after = notes[min(n for n in notes if n > missing[0])]
        where = f"p. {page}: " if page is not None else ""
        shown = ", ".join(str(n) for n in missing)
        f = R.finding(
            after,
            None,
            f"{where}note{'s' if len(missing) > 1 else ''} {shown} cite{'' if len(missing) > 1 else 's'} no entry "
            f"(notes up to {top} do); a missing entry, or a note without a citation?",
        )
        out.append(f)
    return out


_WELL_FORMED: set[str] = set()  # citations values found well-formed (values recur); runner.clear_caches empties it


@scanner("W603", "W604", fields=("citations",), claims=True)
def scan_citations(rules, e, ctx):
    raw = e.fields["citations"]
    if raw in _WELL_FORMED:
        return None
    if len(_WELL_FORMED) > 200_000:
        _WELL_FORMED.clear()
    if "||" not in raw:
        if _ITEM_STARTS.match(raw):
            _WELL_FORMED.add(raw)
            return None  # one well-formed item
    else:
        heads = _HEADS_AT.findall(raw)
        if len(heads) == raw.count("||") + 1 and len(set(heads)) == len(heads):
            _WELL_FORMED.add(raw)
            return None  # well-formed items, no note twice
    out = []
    for code in ("W603", "W604"):
        r = rules[code]
        got = r.check(r, e, ctx)
        if got:
            out.extend(got)
    return out
