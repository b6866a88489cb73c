"""Conformance with the GB/T 7714 standards' own examples (../shared/oracle/gbt7714).

Known, deliberate departures from the reference lists (also in docs/format.md):
* 2025, ``gbt7714.8.13.1:4`` / ``b.12:10``: the reference lowercases ``Asia`` in
  "east and southeast asia"; a proper noun keeps its capital (our proper-noun list).
* 2015, ``gbt7714.6.1.1:3``: the reference writes ``김세훈et al.``; Korean entries take ``외``.
* 2015, ``gbt7714.10.1.3:3`` (罗杰斯): the reference writes ``潘惠霞, 魏婧, 杨艳, 等, 译``; the
  2015 standard's own example is ``潘惠霞, 魏婧, 杨艳, 等译`` (2025 changed it to ``等，译``).
* same author and year: the reference orders the ``a``/``b`` works by citation key; the test uses
  that tie-break (``tiebreak="key"``), users get title order by default.
"""

from __future__ import annotations

import re

import pytest

from conftest import shared_path
from oracle_tlg import oracle_files, parse_tlg

from annobib.bib import read_library
from annobib.styles import format_bibliography, render

TARGET = 0.97  # issue 16: at least 97 % on each example list
DEPARTURES = {
    ("2025", "gbt7714.8.13.1:4"): "Asia is a proper noun",
    ("2025", "gbt7714.b.12:10"): "Asia is a proper noun",
    ("2015", "gbt7714.6.1.1:3"): "Korean et al. is 외",
    ("2015", "gbt7714.10.1.3:3"): "2015 translators: 等译",
}


def conformance(edition: str, system: str):
    root = shared_path("oracle", "gbt7714")
    bib, tlg = oracle_files(root, edition, system)
    lib = read_library(bib)
    expected = {i.key: i for i in parse_tlg(tlg)}
    refs = format_bibliography(
        lib.entries, "gbt7714", edition, system, order="file" if system == "numeric" else "auto", tiebreak="key"
    )
    bad = []
    for r in refs:
        got = re.sub(r"\s+", " ", render(r.text, "text")).strip()
        if got != expected[r.key].text:
            bad.append((r.key, got, expected[r.key].text))
    return len(refs), bad


@pytest.mark.parametrize(
    "edition,system", [("2025", "numeric"), ("2025", "author-date"), ("2015", "numeric"), ("2015", "author-date")]
)
def test_conformance_at_least_97_percent(edition, system):
    total, bad = conformance(edition, system)
    share = 1 - len(bad) / total
    assert share >= TARGET, f"{edition} {system}: {share:.1%}; first mismatches: {bad[:3]}"


@pytest.mark.parametrize("edition,key", sorted(DEPARTURES))
def test_known_departures_are_deliberate(edition, key):
    total, bad = conformance(edition, "numeric")
    mismatched = {k: (g, w) for k, g, w in bad}
    assert key in mismatched
    got, want = mismatched[key]
    if "Asia" in DEPARTURES[(edition, key)]:
        assert "southeast Asia" in got and "southeast asia" in want
    elif "等译" in DEPARTURES[(edition, key)]:
        assert "潘惠霞, 魏婧, 杨艳, 等译." in got and "等, 译." in want
    else:
        assert got.startswith("김세훈외") and want.startswith("김세훈et al.")


def test_oracle_reader_normalizes_latex():
    from oracle_tlg import normalize

    assert (
        normalize(r"Boobier T.\n\newblock {AI} and\allowbreak[M]. \url{https://x.org/a~b} 1975--1979")
        == "Boobier T. AI and[M]. https://x.org/a~b 1975–1979"
    )
    assert normalize(r"De~Morgan A\ \natexlab{a}, $\times$ \& \em x") == "De Morgan A a, × & x"
