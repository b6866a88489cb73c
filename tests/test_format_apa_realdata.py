"""APA 7 on patterns met in real bibliographies (issue 16): each test reproduces, with entries
written for it, a class of regressions or defects found by comparing whole real .bib files
before and after the template rewrite."""

from __future__ import annotations

from annobib.bib import parse_library
from annobib.render import render
from annobib.styles import format_bibliography


def apa(bib: str, to: str = "text") -> dict[str, str]:
    entries = parse_library(bib).entries
    return {r.key: render(r.text, to) for r in format_bibliography(entries, "apa", None, "author-date")}


# -- LaTeX in titles -----------------------------------------------------------------------


def test_math_in_titles_keeps_its_letters_symbols_and_case():
    out = apa(r"""
@article{m1, author = {Roe, Ann}, title = {Faster $\epsilon$-Search with {A}$^\star$ and \(\Pi^C\) in h\({}^{\textup{max}}\)},
  journal = {Journal of Search}, year = {2014}, volume = {3}, pages = {1--9}}
@article{m2, author = {Roe, Ann}, title = {Certifying $K$-Induction}, journal = {Journal of Search}, year = {2015}}
""")
    # not "epsilon-search", "Astar", "(Pi^C)", "h(^max)": math is its symbols, and no words to case
    assert out["m1"].startswith("Roe, A. (2014). Faster ε-search with A* and ΠC in hmax. Journal of Search")
    assert "Certifying K-induction." in out["m2"]


def test_biblatex_hyphen_and_quoted_titles_within_titles():
    out = apa(r"""
@book{q1, author = {Poe, Jan}, title = {Reading \mkbibquote{De Rerum Natura} Again}, year = {1999},
  publisher = {Harbor Press}}
@article{q2, author = {Poe, Jan}, title = {Method\hyphen Independent Energies}, journal = {Chem}, year = {2001}}
""")
    # a quoted title inside a title keeps its capitals and its quotes; \hyphen is a hyphen
    assert "Reading “De Rerum Natura” again." in out["q1"]
    assert "Method-independent energies." in out["q2"]
