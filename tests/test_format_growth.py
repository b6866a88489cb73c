"""Reference lists grow linearly with the entries, whatever their shape: copies of one body
(90,000 ``@misc{a,}``: one key, one "n.d.", letters up to ``eqxd``), a crossref fan (10,000
chapters of one book). A lettered copy is formatted once with a letter slot and filled in, and
each filled-in reference and citation is what formatting the entry alone with its letter gives."""

from __future__ import annotations

import importlib

import pytest

from annobib.model import Entry
from annobib.styles import _defaults, format_bibliography, render
from annobib.styles._samebody import SLOT
from conftest import best_cpu


def _alone(style, system, entry, extra):
    mod, edition, system = _defaults(style, None, system)
    warnings: list[str] = []
    text = mod.format_entry(entry, edition=edition, system=system, extra=extra, warnings=warnings)
    return render(text, "text"), warnings, mod.citation(entry, edition=edition, extra=extra)


@pytest.mark.parametrize(
    "fields",
    [{}, {"author": "Liu, Lin", "title": "书名"}, {"title": f"A {SLOT} title", "year": "2020"}],
    ids=["empty", "named", "slot-in-title"],
)
@pytest.mark.parametrize("style", ["apa", "gbt7714"])
def test_filled_in_letters_are_what_each_entry_gives_alone(style, fields):
    entries = [Entry(f"k{i}", "misc", dict(fields)) for i in range(60)]  # letters a … bh
    system = None if style == "apa" else "author-date"
    refs = format_bibliography(entries, style, system=system)
    assert {r.extra for r in refs} >= {"a", "z", "aa", "bh"}
    for r in refs:
        text, warnings, citation = _alone(style, system, r.entry, r.extra)
        assert (render(r.text, "text"), r.warnings, r.citation) == (text, warnings, citation)


def test_copies_of_one_body_are_formatted_a_few_times(monkeypatch):
    mod = importlib.import_module("annobib.styles.apa")
    calls = []
    real = mod.format_entry

    def counted(entry, **kw):
        calls.append(kw["extra"])
        return real(entry, **kw)

    monkeypatch.setattr(mod, "format_entry", counted)
    refs = format_bibliography([Entry("a", "misc", {}) for _ in range(1000)], "apa")
    # the first copy, the slot, then one check per letter length
    assert refs[-1].extra == "all" and len(calls) <= 6


def _same_key(n):
    return [Entry("a", "misc", {}) for _ in range(n)]


def _distinct(n):
    """Small distinct entries (a reference list's usual shape): every body formatted once."""
    return [Entry(f"k{i}", "misc", {"title": f"T{i}", "author": f"A{i % 97}, B", "year": "2020"}) for i in range(n)]


def _fan(n):
    root = Entry("root", "book", {"title": "Root", "editor": "R, A and Q, B", "year": "2000", "publisher": "P"})
    kids = [
        Entry(f"c{i}", "incollection", {"title": f"C{i}", "author": "A, B", "crossref": "root", "pages": "1--2"})
        for i in range(n)
    ]
    return [root, *kids]


@pytest.mark.parametrize(
    "shape, style, system",
    [
        (_same_key, "apa", None),  # 2024a … : letters for every copy
        (_same_key, "chicago", "bibliography"),  # one key: one group, one label for all (was n²)
        (_same_key, "gbt7714", "author-date"),
        (_fan, "gbt7714", "numeric"),  # each chapter completed from its book
        (_fan, "apa", None),
        (_distinct, "gbt7714", "numeric"),  # templates compiled once, not read per entry
        (_distinct, "apa", None),
        (_distinct, "chicago", None),
    ],
)
def test_format_grows_linearly(shape, style, system):
    n = 400 if shape is _same_key else 250  # one key: enough copies that n² would show
    small, large = shape(n), shape(4 * n)
    t1 = best_cpu(lambda: format_bibliography(small, style, system=system))
    t4 = best_cpu(lambda: format_bibliography(large, style, system=system))
    assert t4 < 8 * t1 + 0.05, (t1, t4)
