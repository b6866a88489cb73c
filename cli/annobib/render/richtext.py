"""Rich text: what a citation style produces and a backend renders.

A :class:`RichText` is a sequence of :class:`Run` — a piece of text with a few semantic
attributes (italic, a link target, a language tag). Styles build rich text and never produce
markup; backends (``annobib.render.<backend>``) turn it into plain text, a Rich ``Text``,
Markdown, HTML or LaTeX. Adding a style or a backend touches neither the other styles nor the
other backends.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Union


# Immutable by convention, hashable by value; not ``frozen``: a frozen dataclass sets each field
# through object.__setattr__, which made a run cost four times as much, and a reference list
# creates runs by the hundred thousand.
@dataclass(slots=True, unsafe_hash=True)
class Run:
    text: str
    italic: bool = False
    url: str | None = None  # the run is a link to this target (the text is usually the URL itself)
    lang: str | None = None  # BCP 47 tag (zh, ja, en …) where it differs from the surroundings

    def __post_init__(self) -> None:
        if self.url is not None and "@" in self.url:  # a link's password (user:secret@host) is never shown
            from annobib.core.sanitize import redact  # here: a rare case, and render stays light

            self.url, self.text = redact(self.url), redact(self.text)

    def same_style(self, other: "Run") -> bool:
        return self.italic == other.italic and self.url == other.url and self.lang == other.lang


Piece = Union["RichText", Run, str]


class RichText:
    """An immutable-by-convention list of runs; ``+`` concatenates (merging plain neighbours)."""

    __slots__ = ("runs", "lang")

    def __init__(self, *pieces: Piece, lang: str | None = None):
        self.runs: list[Run] = []
        self.lang = lang  # language of the whole text (a list item's language)
        for p in pieces:
            self._append(p)

    # -- building ---------------------------------------------------------------------------
    def _append(self, piece: Piece) -> None:
        if type(piece) is str:
            if not piece:
                return
            runs = self.runs
            if runs:
                last = runs[-1]
                if not last.italic and last.url is None and last.lang is None:
                    runs[-1] = Run(last.text + piece)
                    return
            runs.append(Run(piece))
            return
        if isinstance(piece, RichText):
            for r in piece.runs:
                self._append(r)
            return
        if not piece.text:
            return
        if self.runs and self.runs[-1].same_style(piece) and piece.url is None:
            last = self.runs[-1]
            self.runs[-1] = Run(last.text + piece.text, last.italic, last.url, last.lang)
        else:
            self.runs.append(piece)

    def append(self, *pieces: Piece) -> "RichText":
        for p in pieces:
            self._append(p)
        return self

    def __add__(self, other: Piece) -> "RichText":
        out = RichText(self, lang=self.lang)
        out._append(other)
        return out

    def __radd__(self, other: Piece) -> "RichText":
        out = RichText(other, lang=self.lang)
        out._append(self)
        return out

    @classmethod
    def join(cls, items: Iterable[Piece], sep: Piece = "") -> "RichText":
        out = cls()
        first = True
        for item in items:
            if not first:
                out._append(sep)
            out._append(item)
            first = False
        return out

    # -- reading ----------------------------------------------------------------------------
    @property
    def plain(self) -> str:
        return "".join(r.text for r in self.runs)

    def __str__(self) -> str:
        return self.plain

    def __repr__(self) -> str:
        return f"RichText({self.runs!r})"

    def __bool__(self) -> bool:
        for r in self.runs:  # (a loop, not any() over a generator: asked ~6 times an entry)
            if r.text:
                return True
        return False

    def __len__(self) -> int:
        return sum(len(r.text) for r in self.runs)

    def __eq__(self, other) -> bool:
        if isinstance(other, str):
            return self.plain == other
        return isinstance(other, RichText) and self.runs == other.runs

    def __hash__(self):
        return hash(self.plain)

    def endswith(self, suffix) -> bool:
        return self.plain.endswith(suffix)

    def startswith(self, prefix) -> bool:
        return self.plain.startswith(prefix)


def italic(text: Piece) -> RichText:
    """``text`` with every run in italics."""
    rt = text if isinstance(text, RichText) else RichText(text)
    out = RichText(lang=rt.lang)
    for r in rt.runs:
        out._append(Run(r.text, True, r.url, r.lang))
    return out


def link(text: str, url: str | None = None) -> Run:
    return Run(text, url=url or text)


def with_lang(text: Piece, lang: str | None) -> RichText:
    rt = text if isinstance(text, RichText) else RichText(text)
    out = RichText(lang=rt.lang)
    for r in rt.runs:
        out._append(Run(r.text, r.italic, r.url, lang))
    return out
