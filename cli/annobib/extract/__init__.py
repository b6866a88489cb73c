"""Footnotes -> bibliography entries, as separate, testable stages.

    from annobib.extract import extract_text, extract_notes
    x = extract_text(open("refs/article.txt", encoding="utf-8").read())
    x.entries      # list[annobib.model.Entry], citations recorded in each entry's ``citations``
    x.notes        # list[NoteResult]: every note, with status cited / not-a-citation / not-understood
    x.as_json()    # {"entries": [...], "notes": [...]}

Stages: :mod:`.document` (pages, running heads, line joining) -> :mod:`.notes` (notes, markers,
citing sentences) -> :mod:`.citations` (split, lead-ins, back-references) -> :mod:`.fields`
(type and fields) -> :mod:`.entries` (one entry per work) with :mod:`.keys`; :mod:`.merge`
folds a new extraction into an existing .bib. The package never prints and never writes files.
"""

from __future__ import annotations

from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Iterator

from dataclasses import dataclass, field, replace

from annobib.model import Entry


@dataclass
class Extraction:
    entries: list[Entry]
    notes: list  # list[NoteResult]
    pages: int = 0
    page_numbers: tuple[int | None, int | None] = (None, None)
    warnings: list[str] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        out = {"notes": len(self.notes), "cited": 0, "not-a-citation": 0, "not-understood": 0, "citations": 0}
        for r in self.notes:
            out[r.status] = out.get(r.status, 0) + 1
            out["citations"] += len(r.keys)
        out["entries"] = len(self.entries)
        return out

    def as_json(self) -> dict:
        """The entries and notes as data: values as the note printed them (``Harper & Row``), not
        in the form they take in a .bib (``Harper \\& Row``, :func:`~annobib.bib.latex.plain_to_latex`)."""
        from annobib.bib.latex import plain_from_latex  # lazy: only JSON output needs it

        entries = []
        for e in self.entries:
            d = e.as_dict()
            d["fields"] = {k: plain_from_latex(v) for k, v in d["fields"].items()}
            entries.append(d)
        return {"entries": entries, "notes": [r.as_dict() for r in self.notes]}


# A title, a container or a name longer than this is no work's: the note was not understood (a
# one-line "1. 2. 3. … 100000." became one 689 KB title, written and printed back whole).
MAX_VALUE = 2000
_LONG_FIELDS_OK = frozenset({"annote", "abstract", "note", "citations"})  # prose may be long


def bound_values(x: Extraction) -> None:
    """Drop, in place, the entries of an Extraction with a value over ``MAX_VALUE`` characters
    (prose fields aside); the notes that made only those become "not understood", and a note's
    text kept for the report and JSON is cut to ``MAX_VALUE`` characters. (Here, not beside the
    document readers: a run on loose notes then loads none of them.)"""
    long_keys = {
        e.key
        for e in x.entries
        if any(len(v) > MAX_VALUE for k, v in e.fields.items() if k not in _LONG_FIELDS_OK and v)
    }
    if long_keys:
        x.entries = [e for e in x.entries if e.key not in long_keys]
    for r in x.notes:
        if long_keys and any(k in long_keys for k in r.keys):
            kept = [(k, j) for k, j in zip(r.keys, r.joined) if k not in long_keys]
            r.keys, r.joined = [k for k, _j in kept], [j for _k, j in kept]
            if not r.keys:
                r.status = "not-understood"
                r.reason = f"a value over {MAX_VALUE:,} characters: not read as a citation"
        if len(r.note.text) > MAX_VALUE:
            r.note = replace(r.note, text=r.note.text[:MAX_VALUE] + "…")


def load_pipeline(cache_folder: Path | None = None) -> None:
    """Import the extraction pipeline now; with ``cache_folder``, its ~460 patterns come compiled
    from an earlier run there (:mod:`annobib.core.rxcache`: ~0.3 s less per run)."""
    with pipeline_loaded(cache_folder):
        pass


@contextmanager
def pipeline_loaded(cache_folder: Path | None) -> Iterator[None]:
    """:func:`load_pipeline`, and inside the block the patterns the extraction's functions compile
    on first use (written at their call: ~175 in a run, ~0.05 s of it) come from ``cache_folder``
    too, when given; patterns put together from a note are never kept there."""
    from annobib.core.rxcache import reuse  # lazy: only a run that extracts comes here

    with reuse(cache_folder) if cache_folder is not None else nullcontext() as block:
        # the modules whose import compiles the patterns; a later import finds them loaded
        import annobib.extract.document  # noqa: F401
        import annobib.extract.entries  # noqa: F401
        import annobib.extract.notes  # noqa: F401

        # the .bib reader and writer the command writes and checks with (~35 patterns, ~0.04 s)
        import annobib.bib.parse  # noqa: F401
        import annobib.bib.writer  # noqa: F401

        if block is not None:
            block.literals_only()
        yield


def extract_text(text: str) -> Extraction:
    """Extract the bibliography of an article's text (pages, notes and markers inferred)."""
    # lazy: the pipeline loads when an extraction runs, not when the package is imported
    from annobib.extract.document import split_pages
    from annobib.extract.entries import build_entries
    from annobib.extract.notes import find_notes
    from annobib.perf import paused_gc

    with paused_gc():  # see extract_notes
        doc = split_pages(text)
        notes = find_notes(doc)
        entries, results = build_entries(notes)
    numbers = [p.number for p in doc.pages if p.number is not None]
    return Extraction(
        entries=entries,
        notes=results,
        pages=len(doc.pages),
        page_numbers=(min(numbers), max(numbers)) if numbers else (None, None),
    )


def extract_notes(text: str) -> Extraction:
    """Extract from loose notes: one note per paragraph, consecutive notes of one article."""
    # lazy: the pipeline loads when an extraction runs, not when the package is imported
    from annobib.extract.entries import build_entries
    from annobib.extract.notes import loose_notes
    from annobib.perf import paused_gc

    # The readings, works and notes all stay alive to the end and form no cycles (16,000 notes
    # leave 17 objects for the collector): collecting would only walk them again and again,
    # 0.34 s of this process's CPU for 16,000 notes, 5 % of the run.
    with paused_gc():
        notes = loose_notes(text)
        entries, results = build_entries(notes)
    return Extraction(entries=entries, notes=results)


__all__ = ["Extraction", "bound_values", "extract_text", "extract_notes"]
