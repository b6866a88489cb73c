"""A manuscript's footnotes in a note style (``cn-notes``, ``chicago``): one note per citation, in
the order the citations stand, the first citation of a work in full, later ones short, ``同上`` /
``Ibid.`` by the style's rules (:func:`annobib.styles.notes.format_notes`).

``format --manuscript --style cn-notes`` prints these notes and the pandoc filter puts each in a
footnote, so both give the same text for the same paper. A citation's prefix (``参见``, ``see``)
opens its note; a citation naming a key with no entry is left out (the caller warns about it).
"""

from __future__ import annotations

import re

from annobib.manuscript.cited import Citation, Cited
from annobib.manuscript.scan import Cite
from annobib.render.richtext import RichText
from annobib.styles import STYLES, Reference, style_module
from annobib.styles.notes import Cite as NoteCite, format_notes


def is_note_style(style: str, system: str | None) -> bool:
    """Whether ``style`` with ``system`` (None: the style's default) writes footnotes."""
    if style not in STYLES:
        return False
    own = getattr(style_module(style), "SYSTEMS", None)
    return own is not None and (system in (None, "numeric", "notes")) and "notes" in own


def group_notes(groups: list[list[Cite]], entries: list, style: str) -> list:
    """One RichText per citation group (every key in ``entries``), in order."""
    cites = [NoteCite([c.key for c in g], [c.locator for c in g]) for g in groups]
    notes = format_notes(entries, cites, style)
    out = []
    for g, rt in zip(groups, notes):
        prefix = g[0].prefix if g else ""
        if prefix:  # 参见 / see: before the note's first word
            joiner = "" if prefix[-1:] >= "\u3000" else " "
            rt = RichText(prefix + joiner, lang=rt.lang) + rt
        out.append(rt)
    return out


def cite_note(entries: list, group: list[Cite], style: str):
    """``annobib cite`` in a note style: the footnote citing ``group`` (a first citation, in full,
    with its locators), as a :class:`~annobib.manuscript.cited.Citation`."""
    text = group_notes([group], entries, style)[0].plain
    return Citation(text, [(text, False)])


def manuscript_notes(cited: Cited, entries: list, style: str) -> list:
    """The paper's footnotes as numbered references (``[1]``, ``[2]`` … by position), each
    :class:`~annobib.styles.Reference` holding its first cited entry and the note's text."""
    index = {e.key: e for e in entries}
    notes = group_notes(cited.groups, entries, style)
    return [Reference(index[g[0].key], rt, f"[{n}]", n) for n, (g, rt) in enumerate(zip(cited.groups, notes), 1)]


def narrative_names(entry, style: str) -> str:
    """The names a narrative citation (``@key`` in the text) leaves in the sentence before its
    note mark: ``Morrow``, ``Liu and Lin``, ``刘琳`` — the short note's author part; nothing for a
    work without an author (its note alone)."""
    short = style_module(style).note(entry, "short").plain
    m = re.match(r"(.+?)(?:：|, “|, |，|、)", short)
    return m.group(1) if m and not m.group(1).startswith(("《", "“", "「", "『")) else ""
