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


# -- sources a real library records in BibTeX's and biblatex's own ways ----------------------


def test_howpublished_and_eprints_are_the_source_and_the_link():
    out = apa(r"""
@misc{h1, author = {Lane, Kim and Ode, Bo}, title = {Learning to Plan}, howpublished = {arXiv:2601.00001 [cs.AI]},
  year = {2026}}
@misc{h2, author = {Lane, Kim}, title = {Planning Notes}, howpublished = {\url{https://example.org/notes.pdf}}, year = {2019}}
@online{h3, author = {Lane, Kim}, title = {Sorting Fast}, date = {2010-08-17}, eprint = {1008.00001},
  eprinttype = {arxiv}, eprintclass = {cs.DS}}
@misc{h5, author = {Lane, Kim}, title = {Tools}, howpublished = {Web site: \url{https://example.org/t/}}, year = {2016}}
@misc{h4, author = {Lane, Kim}, title = {Search}, eprint = {2101.00002}, archiveprefix = {arXiv}, year = {2021}}
""")
    # before: nothing after the title (APA 7, 10.8: the archive and its URL are the source)
    assert out["h1"].endswith("Learning to plan. arXiv:2601.00001 [cs.AI].")
    assert out["h2"].endswith("Planning notes. https://example.org/notes.pdf")
    assert out["h3"].endswith("Sorting fast. arXiv. https://arxiv.org/abs/1008.00001")
    assert out["h5"].endswith("Tools. https://example.org/t/")  # the label "Web site:" is not a source
    assert out["h4"].endswith("Search. arXiv. https://arxiv.org/abs/2101.00002")


def test_biblatex_report_type_keys_are_words():
    out = apa(r"""
@report{r1, author = {Hale, Ann}, title = {A Model}, type = {techreport}, institution = {Lab}, number = {99-02}, year = {1999}}
@techreport{r2, author = {Hale, Ann}, title = {A Study}, type = {resreport}, institution = {Lab}, number = {RC-7}, year = {1998}}
@techreport{r3, author = {Hale, Ann}, title = {A Note}, institution = {Lab}, number = {12}, year = {1997}}
""")
    assert "A model (Technical Report No. 99-02). Lab." in out["r1"]  # not "(techreport No. 99-02)"
    assert "A study (Research Report No. RC-7). Lab." in out["r2"]
    assert "A note (Report No. 12). Lab." in out["r3"]


def test_sentence_case_keeps_named_letters_and_eponyms():
    out = apa(r"""
@book{s1, author = {Dunn, Al}, title = {Handbook of Logic, Volume B: Formal Models}, year = {1990}, publisher = {P}}
@book{s2, author = {Dunn, Al}, title = {A Theory of T-Cell Memory, K-Means and Plan A: A Better Way}, year = {1991}, publisher = {P}}
@book{s3, author = {Dunn, Al}, title = {Planning for Markov Decision Processes with Horn Clauses}, year = {1992}, publisher = {P}}
""")
    assert "Handbook of logic, volume B: Formal models." in out["s1"]
    assert "A theory of T-cell memory, K-means and plan A: A better way." in out["s2"]
    assert "Planning for Markov decision processes with Horn clauses." in out["s3"]


def test_translators_in_parentheses_after_the_title():
    out = apa(r"""
@book{t1, author = {Thucydides}, translator = {Warner, Rex}, title = {History of the War}, edition = {2},
  publisher = {Penguin}, year = {1972}}
@incollection{t2, author = {Roe, Ann}, title = {A Chapter}, booktitle = {A Book}, editor = {Doe, Jane},
  translator = {Poe, Al and Fry, Bo}, publisher = {P}, year = {2011}, pages = {5--9}}
""")
    # before: the translator was dropped (APA 7, 10.2: "(H. Weaver, Trans.; 2nd ed.)")
    assert "History of the war (R. Warner, Trans.; 2nd ed.). Penguin." in out["t1"]
    assert "In J. Doe (Ed.), A book (A. Poe & B. Fry, Trans.; pp. 5–9). P." in out["t2"]


def test_proceedings_volume_and_unpublished_manuscripts():
    out = apa(r"""
@proceedings{v1, editor = {Aagaard, Mark}, title = {Proceedings of the Fourth Conference (FMCAD 2002)}, volume = {2517},
  series = {LNCS}, publisher = {Springer}, year = {2002}}
@unpublished{v2, author = {Arora, Sanjeev}, title = {Relativizing Techniques}, note = {Manuscript}, year = {1992}}
""")
    assert "(Ed.). (2002). Proceedings of the fourth conference (FMCAD 2002) (Vol. 2517). Springer." in out["v1"]
    assert out["v2"].endswith("Relativizing techniques [Unpublished manuscript].")
