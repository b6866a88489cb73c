"""A reference list formats each distinct entry body once (a file of 40,000 ``@misc{kN,
title={a}}`` under 1 MB formats in a fraction of a second, not four): entries that share type
and fields share the formatting, each with its own key in its warnings, letters and numbers as
before, and the result is the one of formatting every entry on its own."""

from __future__ import annotations

import importlib

import pytest

from annobib import styles
from annobib.model import Entry
from annobib.styles import format_bibliography, render

ONLINE = {"title": "A page", "url": "https://example.org/a", "date": "2024"}  # no urldate: a warning
BOOK = {"author": "Liu, Lin", "title": "书名", "publisher": "P", "date": "2020"}


def _entries() -> list[Entry]:
    out = []
    for i in range(30):
        fields = dict(ONLINE) if i % 3 == 0 else dict(BOOK) if i % 3 == 1 else {"title": f"t{i}"}
        out.append(Entry(f"k{i}", "online" if i % 3 == 0 else "book" if i % 3 == 1 else "misc", fields))
    return out


def _one_by_one(mod_name, entries, edition, system):
    mod = importlib.import_module(f"annobib.styles.{mod_name}")
    out = []
    for e in entries:
        warnings: list[str] = []
        out.append((mod.format_entry(e, edition=edition, system=system, extra="", warnings=warnings), warnings))
    return out


@pytest.mark.parametrize("style", ["gbt7714", "apa", "cn-notes", "chicago"])
def test_shared_bodies_give_what_each_entry_gives_alone(style, monkeypatch):
    entries = _entries()
    mod, edition, system = styles._defaults(style, None, None)
    calls = []
    real = mod.format_entry

    def counted(entry, **kw):
        calls.append(entry.key)
        return real(entry, **kw)

    monkeypatch.setattr(mod, "format_entry", counted)
    refs = format_bibliography(entries, style, order="file")
    distinct = {(e.type, tuple(e.fields.items()), r.extra) for e, r in zip(entries, refs)}
    # a lettered body: once with the letter slot, once more per new letter length (a check)
    bodies = {(e.type, tuple(e.fields.items()), bool(r.extra)) for e, r in zip(entries, refs)}
    assert len(calls) <= min(len(distinct), 2 * len(bodies))
    if style != "apa":  # APA letters identical works (2024a, 2024b …): every body differs there
        assert len(distinct) < len(entries)
    if not any(r.extra for r in refs):
        alone = _one_by_one(mod.__name__.rsplit(".", 1)[1], entries, edition, system)
        for r, (text, warnings) in zip(refs, alone):
            assert render(r.text, "text") == render(text, "text") and r.text.lang == text.lang
            assert r.warnings == warnings
    assert all(w.startswith(f"{r.key}: ") for r in refs for w in r.warnings)


def test_each_copy_is_its_own_text():
    refs = format_bibliography([Entry("a", "misc", {"title": "x"}), Entry("b", "misc", {"title": "x"})])
    assert refs[0].text is not refs[1].text and refs[0].text.runs is not refs[1].text.runs
    refs[0].text.append(" changed")
    assert render(refs[1].text, "text") == render(
        format_bibliography([Entry("c", "misc", {"title": "x"})])[0].text, "text"
    )


def test_gbt_warnings_name_each_entry():
    entries = [Entry(f"w{i}", "online", dict(ONLINE)) for i in range(3)]
    refs = format_bibliography(entries, "gbt7714")
    assert [r.warnings[0].split(":")[0] for r in refs] == ["w0", "w1", "w2"]
    assert [r.label for r in refs] == ["[1]", "[2]", "[3]"]
