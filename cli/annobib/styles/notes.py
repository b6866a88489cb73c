"""Footnotes for a manuscript: the first citation of a work in full, later ones short, and
``同上`` / ``Ibid.`` when a note cites the same single work as the note before (cn-notes only;
Chicago 17 prefers the short form, 14.34).

    from annobib.styles.notes import Cite, format_notes
    notes = format_notes(entries, [Cite(["liu2025meifei"], ["25"]), Cite(["liu2025meifei"], ["26"])])
    # -> [RichText("刘琳：《…》，载《世界知识》2025 年第 10 期，第 25 页。"), RichText("同上，第 26 页。")]

Notes are numbered by position (1, 2, …) in the manuscript's order; a note citing several works
joins them with ``；`` (Chinese) or ``; `` (Western), one sentence end at the close.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from annobib.render.richtext import RichText, Run
from annobib.styles import STYLES, _inherited, style_module


@dataclass
class Cite:
    """One footnote: the keys it cites, each with an optional locator (page)."""

    keys: list[str]
    locators: list[str | None] = field(default_factory=list)

    def pairs(self):
        locs = list(self.locators) + [None] * (len(self.keys) - len(self.locators))
        return list(zip(self.keys, locs))


def _module(style: str):
    mod = style_module(style)
    if "notes" not in getattr(mod, "SYSTEMS", ()):
        raise ValueError(f"{STYLES.get(style, style)} is not a note style (choose cn-notes or chicago)")
    return mod


def format_notes(entries: list, cites: list[Cite], style: str = "cn-notes") -> list[RichText]:
    """One RichText per footnote, in order. Unknown keys raise KeyError (the caller warns)."""

    mod = _module(style)
    entries, _ = _inherited(list(entries), None)
    by_key = {e.key: e for e in entries}
    ibid = style in ("cn-notes", "cnnotes")
    seen: set[str] = set()
    previous: str | None = None
    out = []
    # a note depends only on (work, form, locator): a paper citing a work again and again asks
    # for the same short note each time (120,000 ``[@k1]`` were 27 us each); RichText is
    # immutable by convention, so one note may stand in many places
    made: dict[tuple[str, str, str | None], RichText] = {}
    for c in cites:
        parts = []
        keys = c.keys
        single = len(keys) == 1
        for key, loc in zip(keys, c.locators) if len(c.locators) == len(keys) else c.pairs():
            if ibid and single and key == previous:
                form = "ibid"
            else:
                form = "short" if key in seen else "full"
            note = made.get((key, form, loc))
            if note is None:
                note = made[key, form, loc] = mod.note(by_key[key], form, loc)
            parts.append(note)
            seen.add(key)
        previous = keys[0] if single else None
        out.append(_combine(parts))
    return out


def _combine(parts: list[RichText]) -> RichText:
    """``A。`` + ``B。`` -> ``A；B。`` (``A; B.`` for Western notes): one sentence per note."""
    if len(parts) == 1:
        return parts[0]
    out = RichText(lang=parts[0].lang)
    for i, p in enumerate(parts):
        if i < len(parts) - 1:
            runs = list(p.runs)
            last = runs[-1] if runs else None
            chinese = bool(last) and last.text.endswith("。")
            if last and last.url is None and last.text.endswith(".”"):
                runs[-1] = Run(last.text[:-2] + "”", last.italic, last.url, last.lang)  # “Title.” -> “Title”;
            elif last and last.url is None and last.text.endswith(("。", ".")) and not last.text.endswith("et al."):
                runs[-1] = Run(last.text[:-1], last.italic, last.url, last.lang)
            p = RichText(*runs) + ("；" if chinese else "; ")
        out.append(p)  # in place: ``out + p`` would copy every part before it, once per part
    return out
