"""Defects found on real bibliographies (issue 16), each pinned by a test that fails without its fix."""

from __future__ import annotations

import pytest

from annobib.bib import parse_library
from annobib.render import render
from annobib.styles import cite, format_bibliography


def refs(bib: str, style="gbt7714", edition=None, system="numeric", keys=None, **kw):
    entries = parse_library(bib).entries
    chosen = [e for e in entries if keys is None or e.key in keys]
    out = format_bibliography(chosen, style, edition, system,
                              universe=entries if keys is not None else None, **kw)
    return {r.key: render(r.text, "text") for r in out}, out


# -- crossref / xdata -----------------------------------------------------------------------
CROSSREF = r"""
@incollection{jervis1985,
  author = {Jervis, Robert}, title = {From Balance to Concert}, pages = {58--79}, crossref = {Oye1986},
}
@inbook{hopf2002,
  title = {Introduction}, pages = {1--20}, crossref = {hopfbook},
}
@book{oye1986,
  editor = {Oye, Kenneth A.}, title = {Cooperation under Anarchy}, publisher = {Princeton University Press},
  address = {Princeton}, year = {1986}, langid = {english}, keywords = {ir},
}
@book{hopfbook,
  author = {Hopf, Ted}, title = {Social Construction of International Politics}, date = {2002},
  publisher = {Cornell University Press}, location = {Ithaca}, xdata = {cornell},
}
@xdata{cornell, langid = {english}, note = {never printed alone}}
"""


def test_crossref_chapter_inherits_its_books_fields():
    text, out = refs(CROSSREF, "apa")
    assert text["jervis1985"] == ("Jervis, R. (1986). From balance to concert. In K. A. Oye (Ed.), "
                                  "Cooperation under anarchy (pp. 58–79). Princeton University Press.")
    # @inbook: the book's author becomes bookauthor and author; its title the booktitle only
    assert "Hopf, T. (2002a). Introduction. In Social construction of international politics" in text["hopf2002"]
    assert "cornell" not in text  # @xdata is data, not a reference


def test_crossref_gbt_and_selection_of_the_chapter_alone():
    text, _ = refs(CROSSREF, edition="2015", keys={"jervis1985"})
    assert text == {"jervis1985": "JERVIS R. From balance to concert[M]//OYE K A. Cooperation under anarchy. "
                                  "Princeton: Princeton University Press, 1986: 58-79."}


def test_crossref_child_fields_win_and_cycles_stop():
    from annobib.bib.inherit import resolve

    lib = parse_library(r"""
@incollection{a, title = {A}, crossref = {b}, year = {2001}, address = {Here}}
@book{b, title = {B}, crossref = {a}, year = {1999}, location = {There}, publisher = {P}}
""")
    a, b = resolve(lib.entries)
    assert a.fields["year"] == "2001" and "location" not in a.fields and a.fields["booktitle"] == "B"
    assert a.fields["publisher"] == "P" and a.fields["title"] == "A"
    assert b.fields.get("booktitle") is None  # a book does not take a chapter's title
    assert lib.entries[0].fields.get("booktitle") is None  # originals untouched
