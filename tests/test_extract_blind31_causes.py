"""The causes behind blind set 31's misses, each shown on an invented note of the same shape."""

from annobib.extract.citations import read_note
from annobib.extract.fields import parse_citation
from annobib.extract.normalize import debris_line, ocr_confusions, site_debris
from annobib.extract.notes import loose_notes


def test_circled_markers_that_start_again_on_each_page_number_the_notes_in_order():
    # a journal's page footnotes pasted from its PDF: ① ② on one page, ① ② ③ on the next
    text = (
        "① 李某：《边疆史稿》，北京：某某出版社，2010年，第3页。\n"
        "② 同上书，第9页。\n"
        "·12·                 某某研究  2020 年第 1 期\n"
        "① 王某：《草原商路》，兰州：某某出版社，2008年，第40页。\n"
        "② 这里所说的商路，指清代的驼道。\n"
        "③ 张某：《驼队》，银川：某某出版社，2001年。\n"
        "·13·\n"
        "① 同上。\n"
    )
    notes = loose_notes(text)
    assert [n.number for n in notes] == [1, 2, 3, 4, 5, 6]
    assert notes[2].text.startswith("王某") and notes[5].text == "同上。"


def test_circled_markers_out_of_order_are_not_a_page_restart():
    text = "① 李某：《甲》，2010年。\n③ 王某：《乙》，2011年。\n① 张某：《丙》，2012年。\n"
    assert [n.number for n in loose_notes(text)] != [1, 2, 3]


def test_a_marker_printed_with_its_closing_bracket_only_opens_a_note():
    text = "1〕李某:《边疆史稿》,北京:某某出版社2010年版,第3页。\n2〕同上书,第9页。\n3〕王某:《驼队》,2001年。\n"
    notes = loose_notes(text)
    assert [(n.number, n.text[:2]) for n in notes] == [(1, "李某"), (2, "同上"), (3, "王某")]


def test_a_cms_anti_scraping_stamp_is_a_debris_line():
    for line in ("内容来自dedecms", "织梦好,好织梦", "织梦内容管理系统", "copyright DedeCMS"):
        assert debris_line(line), line
    # a note that names the CMS is text
    assert not debris_line("王某:《织梦与网站建设》,北京:某某出版社2010年版,第3页。")


def test_a_reference_list_item_whose_body_opens_with_an_initialism_is_an_item():
    text = (
        "Pollard, C., & Boekaert, G. (2018). Public management reform (4th ed.). Oxford University Press.\n"
        "U.S. Census Bureau. (2020, May). Housing vacancies and homeownership (CPS-20-114). https://example.gov/h\n"
    )
    assert len(loose_notes(text)) == 2


def test_an_apa_report_with_an_agency_number_or_a_plural_series():
    p = parse_citation(
        "U.S. Census Bureau. (2020, May). Housing vacancies and homeownership (CPS-20-114). https://example.gov/h"
    )
    assert (p.type, p.fields["author"], p.fields["number"], p.fields["date"]) == (
        "report",
        "{U.S. Census Bureau}",
        "CPS-20-114",
        "2020-05",
    )
    s = parse_citation(
        "World Bank. (2019). Water and cities: A review (World Bank Urban Development Papers No. 12). World Bank."
    )
    assert (s.type, s.fields["title"], s.fields["type"], s.fields["number"]) == (
        "report",
        "Water and cities: A review",
        "World Bank Urban Development Papers",
        "12",
    )


def test_a_back_reference_by_shang_yin_before_a_see_also_is_kept():
    r = read_note("上引李某、王某文；另参见张某：《草原商路》，《西北史地》2018年第4期。")
    assert [c.kind for c in r.citations] == ["opcit", "full"]


def test_quoted_from_a_work_cited_by_a_back_reference_is_a_second_citation():
    r = read_note(
        "Ann B. Lowe, Salt and Silver: Trade in the Ming, Cambridge, Mass.: Council on Asian Studies, "
        "Harvard University, 1994, p. 41, 转引自李某：前引书，第36页。"
    )
    assert [(c.kind, c.locator) for c in r.citations] == [("full", "41"), ("opcit", "36")]


def test_a_law_or_a_guiding_case_cited_by_its_number_alone_is_a_citation():
    for note in (
        "漁業法（昭和24年法律第267号）第3条。",
        "最高人民法院指导案例99号：某某诉某市水务公司供水合同纠纷案。",
    ):
        r = read_note(note)
        assert r.status == "cited" and r.citations[0].parsed.type in ("legislation", "jurisdiction"), note


def test_a_japanese_remark_on_a_view_named_by_a_term_is_no_citation():
    assert read_note("ここでいう「国家祭祀」説については、次章で扱う。").status == "not-a-citation"
    assert read_note("島田一郎「祭祀と国家」『宗教研究』第12巻第3号、1990年、45頁。").status == "cited"


def test_site_debris_view_all_references_is_cut():
    text = "Ruiz, A. (2010) 'Rivers and rule', Water Politics, 3(1), pp. 10–20. View all references"
    assert site_debris(text).endswith("pp. 10–20.")


def test_the_letter_o_read_for_a_zero_in_a_year():
    assert ocr_confusions("北京：某某出版社，2O1O 年，第 3 页。") == "北京：某某出版社，2010 年，第 3 页。"
    assert ocr_confusions("O2O模式的兴起，2019年") == "O2O模式的兴起，2019年"


def test_a_chapter_in_a_volume_of_papers_is_an_incollection():
    p = parse_citation(
        "李某：《河西走廊的清真寺》，载王某主编：《西北民族研究文集》，兰州：某出版社，2012年，第5—20页。"
    )
    assert (p.type, p.fields["editor"], p.fields["booktitle"]) == ("incollection", "王某", "西北民族研究文集")
    # a chapter of an author's own collected works stays a part of that book
    q = parse_citation(
        "毛泽东：《论持久战》，载中共中央文献研究室编：《毛泽东文集》第2卷，北京：人民出版社，1993年，第5页。"
    )
    assert q.type == "inbook"


def test_a_chief_editor_is_an_editor_without_the_chief():
    p = parse_citation("张某总主编：《中国水利史》第2卷，北京：某出版社，2001年，第3页。")
    assert (p.fields["editor"], p.fields["volume"]) == ("张某", "2")


def test_a_japanese_publisher_named_in_latin_letters_or_katakana_then_shuppan():
    for note, pub in (
        ("山田太郎『地域の政治』（NTT出版、2014年）、10頁。", "NTT出版"),
        ("山田太郎『地域の政治』（ナカニシヤ出版、2014年）、10頁。", "ナカニシヤ出版"),
    ):
        assert parse_citation(note).fields.get("publisher") == pub
