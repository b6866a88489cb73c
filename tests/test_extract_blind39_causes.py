"""The general causes behind blind set 39's misses, each on notes written for these tests (not
taken from any evaluation set)."""

import pytest

from annobib.extract.fields import genre_of, parse_citation
from annobib.extract.notes import loose_notes


@pytest.mark.parametrize(
    "heads",
    [
        # the folio first, the journal and its issue set across the page's width
        ["·72·" + " " * 18 + "历史研究" + " " * 15 + "第21卷第3期   2016年9月"],
        # the journal, its issue and the volume after it, the folio on the next line
        ["海洋史研究" + " " * 24 + "2016年第3期(第21卷)", "·73·"],
    ],
)
def test_a_cjk_running_head_set_across_the_page_is_page_furniture(heads):
    text = "\n".join(["1王某:《港口与腹地》,北京:某某出版社2001年版,第5页。", *heads, "2同上,第9页。"])
    notes = loose_notes(text)
    assert [n.text for n in notes] == ["王某:《港口与腹地》,北京:某某出版社2001年版,第5页。", "同上,第9页。"]


@pytest.mark.parametrize(
    "note",
    [
        # the state court in brackets; parties abbreviated as organisations (Nat'l, Ass'n)
        "Nat'l Marsh Ass'n v. County Court, 402 P.2d 311, 318 (Or. 1965).",
        "Delta Farmers' Ass'n v. Water Board, 402 N.W.2d 311, 318 (Minn. 1965).",
    ],
)
def test_a_case_with_a_state_court_in_brackets_is_no_oscola_book(note):
    p = parse_citation(note)
    assert p.type == "jurisdiction"
    assert (p.fields["volume"], p.fields["pages"], p.locator) == ("402", "311", "318")
    assert p.fields["institution"] in ("Or.", "Minn.")


@pytest.mark.parametrize(
    ("note", "series"),
    [
        ("Convention on the Rhine Fisheries, March 3, 1925, 41 L.N.T.S. 203.", "L.N.T.S."),
        ("Convention on the Rhine Fisheries (signed 3 March 1925) 41 LNTS 203.", "LNTS"),
    ],
)
def test_a_league_of_nations_treaty_is_legislation_in_its_series(note, series):
    assert genre_of(note).name == "western-legislation"
    p = parse_citation(note)
    assert p.type == "legislation"
    assert (p.fields["journaltitle"], p.fields["volume"], p.fields["pages"]) == (series, "41", "203")
    assert p.fields["date"] == "1925-03-03"
