"""Defects found on real bibliographies (issue 16), each pinned by a test that fails without its fix."""

from __future__ import annotations

import pytest

from annobib.bib import parse_library
from annobib.render import render
from annobib.styles import cite, format_bibliography


def refs(bib: str, style="gbt7714", edition=None, system="numeric", keys=None, **kw):
    entries = parse_library(bib).entries
    chosen = [e for e in entries if keys is None or e.key in keys]
    out = format_bibliography(chosen, style, edition, system, universe=entries if keys is not None else None, **kw)
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
    assert text["jervis1985"] == (
        "Jervis, R. (1986). From balance to concert. In K. A. Oye (Ed.), "
        "Cooperation under anarchy (pp. 58–79). Princeton University Press."
    )
    # @inbook: the book's author becomes bookauthor and author; its title the booktitle only
    assert "Hopf, T. (2002a). Introduction. In Social construction of international politics" in text["hopf2002"]
    assert "cornell" not in text  # @xdata is data, not a reference


def test_crossref_gbt_and_selection_of_the_chapter_alone():
    text, _ = refs(CROSSREF, edition="2015", keys={"jervis1985"})
    assert text == {
        "jervis1985": "JERVIS R. From balance to concert[M]//OYE K A. Cooperation under anarchy. "
        "Princeton: Princeton University Press, 1986: 58-79."
    }


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


# -- name forms and identical labels ---------------------------------------------------------
SMITHS = r"""
@article{a, author={Smith, John W.}, title={One}, journal={J}, year={2020}}
@article{b, author={Smith, J.W.}, title={Two}, journal={J}, year={2020}}
@article{c, author={Smith, Adam}, title={Three}, journal={J}, year={2020}}
@article{d, author={Smith, Adam and Jones, B. and Lee, C.}, title={Four}, journal={J}, year={2021}}
@article{e, author={Smith, Adam and Brown, B. and Green, C.}, title={Five}, journal={J}, year={2021}}
@article{f, author={Morrow, James D.}, title={Six}, journal={J}, year={2021}}
"""


@pytest.mark.parametrize(
    "style,edition,system",
    [("apa", None, None), ("gbt7714", "2025", "author-date"), ("gbt7714", "2015", "author-date")],
)
def test_cite_never_gives_two_identical_labels(style, edition, system):
    entries = parse_library(SMITHS).entries
    labels = [c for _, c in cite(entries, list("abcdef"), style, edition, system)]
    assert len(set(labels)) == len(labels), labels


def test_apa_one_author_in_two_name_forms_gets_letters_and_initials_split_surnames():
    got = dict(cite(parse_library(SMITHS).entries, list("abcf"), "apa"))
    assert {got["a"], got["b"]} == {"(J. W. Smith, 2020a)", "(J. W. Smith, 2020b)"}
    assert got["c"] == "(A. Smith, 2020)"  # APA 7, 8.20: another Smith is first author elsewhere
    assert got["f"] == "(Morrow, 2021)"
    text, _ = refs(SMITHS, "apa")
    assert text["b"] == "Smith, J. W. (2020a). Two. J."  # "J.W." is two initials


# -- GB/T author-date order: 字顺 ------------------------------------------------------------
ZH_ORDER = r"""
@article{xinhua, author = {{新华社}}, title = {声明}, journaltitle = {人民日报}, date = {2025}, langid = {chinese}}
@article{wangfan, author = {王帆}, title = {前瞻}, journaltitle = {现代国际关系}, date = {2025}, langid = {chinese}}
@article{zhongxin, author = {{中国新闻网}}, title = {报道}, journaltitle = {中国新闻网}, date = {2025}, langid = {chinese}}
@article{wangshu, author = {汪曙申}, title = {台湾}, journaltitle = {台湾研究}, date = {2025}, langid = {chinese}}
@article{wanguo, author = {万国}, title = {研究}, journaltitle = {学刊}, date = {2025}, langid = {chinese}}
@article{liulin, author = {刘琳}, title = {美菲}, journaltitle = {世界知识}, date = {2025}, langid = {chinese}}
@article{anon, title = {无名文章}, journaltitle = {学刊}, date = {2025}, langid = {chinese}}
@article{shan, author = {单天伦}, title = {单姓}, journaltitle = {学刊}, date = {2025}, langid = {chinese}}
"""


@pytest.mark.parametrize("edition", ["2025", "2015"])
def test_gbt_author_date_interfiles_organizations_character_by_character_with_tones(edition):
    _, out = refs(ZH_ORDER, edition=edition, system="author-date")
    # 刘 liu; 单 shan (surname reading); 万 wan before 汪 wang1 before 王 wang2 (char by char,
    # not "wanguo" > "wangfan"); 新 xin; 佚名 yi; 中 zhong — organizations among persons
    assert [r.key for r in out] == ["liulin", "shan", "wanguo", "wangshu", "wangfan", "xinhua", "anon", "zhongxin"]


# -- APA ----------------------------------------------------------------------------------------
APA = r"""
@book{noauth, title = {Handbook of Things}, edition = {15th}, publisher = {Pub}, year = {2003}, langid = {english}}
@book{smith, author = {Smith, John}, title = {Handbook of Things}, edition = {Second edition}, volume = {2},
  publisher = {Pub}, year = {2004}, langid = {english}}
@article{quote, author = {Roe, Jane}, title = {The 'Pivot to Asia' and Rock 'n' Roll in {Webster}'s Day},
  journal = {Foreign Affairs}, volume = {9}, pages = {1--2}, year = {2012}, langid = {english}}
@online{mfa, author = {{中华人民共和国外交部}}, title = {声明}, title_translation = {Statement},
  date = {2025-01-02}, url = {https://www.mfa.gov.cn/x}, langid = {chinese}}
@online{nic, title = {Global Trends 2040}, organization = {National Intelligence Council}, date = {2021-03},
  url = {https://www.dni.gov/x}, langid = {english}}
@online{wire, title = {Markets Fall}, organization = {Reuters}, date = {2021-03-04},
  url = {https://www.reuters.com/x}, langid = {english}}
@book{place, author = {Doe, Ann}, title = {Life in Portland, Oregon, and New York City: Paris and Kyiv},
  publisher = {Pub}, year = {2003}, langid = {english}}
"""


def test_apa_edition_belongs_to_the_title_with_or_without_author():
    text, _ = refs(APA, "apa")
    assert text["noauth"] == "Handbook of things (15th ed.). (2003). Pub."
    assert text["smith"] == "Smith, J. (2004). Handbook of things (2nd ed., Vol. 2). Pub."


def test_apa_single_quotes_in_titles_become_double_apostrophes_stay():
    text, _ = refs(APA, "apa")
    assert "The “pivot to Asia” and rock 'n' roll in Webster's day. Foreign Affairs" in text["quote"]


def test_apa_group_authors_romanized_and_organization_on_its_own_site():
    text, out = refs(APA, "apa")
    assert text["mfa"].startswith("Zhonghua Renmin Gongheguo Waijiaobu. (2025, January 2). ")
    assert any("author_romanized" in w for r in out if r.key == "mfa" for w in r.warnings)
    # the organization is the author, not repeated as the site
    assert text["nic"] == "National Intelligence Council. (2021, March). Global trends 2040. https://www.dni.gov/x"
    assert text["wire"].startswith("Markets fall. (2021, March 4). Reuters.")  # a news outlet is no author
    got = dict(cite(parse_library(APA).entries, ["nic", "mfa"], "apa"))
    assert got == {"nic": "(National Intelligence Council, 2021)", "mfa": "(Zhonghua Renmin Gongheguo Waijiaobu, 2025)"}


def test_apa_places_keep_their_capitals():
    text, _ = refs(APA, "apa")
    assert "Life in Portland, Oregon, and New York City: Paris and Kyiv." in text["place"]


# -- GB/T ---------------------------------------------------------------------------------------
GBT = r"""
@article{ratner, author = {Ratner, Ely}, title = {The Case for a Pacific Defense Pact}, journaltitle = {Foreign Affairs},
  entrysubtype = {magazine}, date = {2025-05-27}, url = {https://www.foreignaffairs.com/x}, langid = {english}}
@report{costello, author = {Costello, Stephen}, title = {Trump Could Get a Win}, type = {Quincy Brief}, number = {75},
  date = {2025}, langid = {english}}
@report{crs, author = {Lum, Thomas}, title = {The Philippines}, series = {CRS Report}, number = {R47055},
  date = {2024}, institution = {Congressional Research Service}, langid = {english}}
@article{zgxww, title = {朝鲜谴责美军事挑衅：将以战略手段应对}, journaltitle = {中国新闻网}, entrysubtype = {newspaper},
  date = {2025-02-22}, url = {https://www.chinanews.com.cn/x}, urldate = {2025-03-01}, langid = {chinese}}
@article{kelly, author = {Kelly, Tim}, title = {Hegseth Says}, journaltitle = {Reuters}, entrysubtype = {newspaper},
  date = {2025-03-30}, url = {https://www.reuters.com/x}, urldate = {2025-04-01}, langid = {english}}
"""


def test_gbt_magazine_has_the_year_in_the_year_slot():
    for edition in ("2025", "2015"):
        text, _ = refs(GBT, edition=edition)
        assert "Foreign Affairs" in text["ratner"] and "2025-05-27" not in text["ratner"]
    text, _ = refs(GBT, edition="2015")
    assert text["ratner"] == (
        "RATNER E. The case for a Pacific defense pact[J/OL]. Foreign Affairs, 2025. https://www.foreignaffairs.com/x."
    )


def test_gbt_report_series_is_printed_with_its_number():
    text, _ = refs(GBT, edition="2015")
    assert text["costello"] == "COSTELLO S. Trump could get a win: Quincy Brief No. 75[R]. 2025."
    assert text["crs"].startswith("LUM T. The Philippines: CRS Report R47055[R]. ")


def test_gbt_news_site_and_agency_keep_their_outlet():
    text, _ = refs(GBT)
    assert text["zgxww"] == (
        "朝鲜谴责美军事挑衅：将以战略手段应对[EB/OL]. 中国新闻网，2025（2025-02-22）"
        "[2025-03-01]. https://www.chinanews.com.cn/x."
    )
    assert text["kelly"].startswith("Kelly T. Hegseth says[EB/OL]. Reuters，2025（2025-03-30）")
