"""The general causes behind blind set 28's misses, each on notes written for these tests (not
taken from any evaluation set)."""

import pytest
from conftest import assert_one_citation

from annobib.extract.fields import parse_citation

NEWSPAPER_ISSUES = [
    # a newspaper cited by its name, date and page (版) alone, full-width and ASCII punctuation
    ("《光明日报》1962年3月8日，第4版。", "光明日报", "1962-03-08", "4"),
    ("《新闻报》1931年11月2日,第12版。", "新闻报", "1931-11-02", "12"),
]


@pytest.mark.parametrize("note,outlet,date,ban", NEWSPAPER_ISSUES)
def test_newspaper_issue_keeps_its_page(note, outlet, date, ban):
    fields = {"journaltitle": outlet, "entrysubtype": "newspaper", "date": date, "pages": ban}
    assert_one_citation(note, "article", fields, ban)


def test_bracketed_volume_of_the_container():
    p = parse_citation("周平：《论睦邻外交》，载《邓小平文选》（第3卷），北京：人民出版社1993年版，第12—15页。")
    assert p.type == "incollection"
    assert (p.fields["booktitle"], p.fields["volume"]) == ("邓小平文选", "3")


COMMENTARY_BEFORE_AUTHOR = [
    # a short term in quotes is a word of the commentary, not a quoted title: the lead word cuts it
    ("有关“软性制衡”的概念，可参考刘远航:《国际制衡的新形态》,上海:上海人民出版社2016年版,第40页。", "刘远航"),
    # a clause naming what follows (…的是, …作有) before the author
    ("学界对此讨论甚多，最具影响的是韩启明：《联盟困境再探》，《国际政治研究》2014年第2期，第8—30页。", "韩启明"),
    ("对这一问题，其代表作有赵明川：《海权论新解》，北京：时事出版社2009年版，第5页。", "赵明川"),
]


@pytest.mark.parametrize("note,author", COMMENTARY_BEFORE_AUTHOR)
def test_commentary_before_the_author_is_cut(note, author):
    from annobib.extract.citations import read_note

    reading = read_note(note)
    assert [c.parsed.fields.get("author") for c in reading.citations] == [author]


ORG_DOCUMENT_PLACE_DATE = [
    # Org, Title, Place, Date: the place and date end the unquoted title
    (
        "Department of Foreign Affairs and Trade, Foreign Policy White Paper, Canberra, November 2017, p. 4.",
        {"title": "Foreign Policy White Paper", "location": "Canberra", "date": "2017-11"},
        "4",
    ),
    (
        "European Commission, A Strategy for Cooperation in the Indo-Pacific, Brussels, 16 September 2021.",
        {"title": "A Strategy for Cooperation in the Indo-Pacific", "location": "Brussels", "date": "2021-09-16"},
        None,
    ),
    (
        "U.S. Department of State, A Free and Open Indo-Pacific, Washington, DC, November 2019, p. 6.",
        {"title": "A Free and Open Indo-Pacific", "location": "Washington, DC", "date": "2019-11"},
        "6",
    ),
]


@pytest.mark.parametrize("note,fields,locator", ORG_DOCUMENT_PLACE_DATE)
def test_organization_document_place_and_date(note, fields, locator):
    assert_one_citation(note, "report", fields, locator)


PINYIN_ONE_SYLLABLE_GIVEN = [
    # a pinyin surname, then a one-syllable given name that is no surname: family name first
    ("Zhou Bin, Rising Powers and Regional Order, Boulder: Lynne Rienner, 2015, p. 9.", "Zhou, Bin"),
    ("Xu Jun, “Alliance Hedging in Southeast Asia,” Asian Survey 58, no. 2 (2018): 301-322.", "Xu, Jun"),
    # a given name first and a pinyin surname last stays in that order
    ("Jun Xu, Rising Powers and Regional Order, Boulder: Lynne Rienner, 2015, p. 9.", "Xu, Jun"),
]


@pytest.mark.parametrize("note,author", PINYIN_ONE_SYLLABLE_GIVEN)
def test_pinyin_name_with_one_syllable_given_name(note, author):
    assert parse_citation(note).fields["author"] == author


def test_at_page_after_an_articles_range_is_the_page_cited():
    note = (
        "Maria Santos, “Coalitions Under Strain,” Journal of Strategic Studies, Vol. 41, No. 3 (2018), "
        "pp. 301–330, at p. 315."
    )
    assert_one_citation(note, "article", {"pages": "301-330", "volume": "41"}, "315")


def test_journal_running_head_with_a_bar_is_page_furniture():
    from annobib.extract.notes import loose_notes

    text = (
        "1. Maria Santos, “Coalitions Under Strain,” Journal of Strategic Studies, Vol. 41, No. 3 (2018), "
        "pp. 301–330, at p. 315.\n"
        "Asian Security 12:2 | 207\n"
        "2. Ibid., p. 318.\n"
    )
    notes = loose_notes(text)
    assert [n.text.rstrip() for n in notes][0].endswith("at p. 315.")
    assert len(notes) == 2 and "Asian Security" not in notes[0].text


def test_translated_journal_name_in_brackets_is_dropped():
    p = parse_citation(
        "Li Ming, “Diqu zhixu de zhuanxing” [The Transformation of Regional Order], Guoji zhengzhi yanjiu "
        "[International Politics Quarterly], No. 2 (2016), pp. 33–50."
    )
    assert (p.type, p.fields["journaltitle"]) == ("article", "Guoji zhengzhi yanjiu")
    assert p.fields["title_translation"] == "The Transformation of Regional Order"


def test_an_interview_record_cites_nothing():
    from annobib.extract.citations import read_note

    reading = read_note("Author's interview with a retired Indonesian navy officer, Surabaya, May 2021.")
    assert (reading.status, reading.citations) == ("not-a-citation", [])


def test_a_work_cited_after_an_interview_record_is_read_alone():
    from annobib.extract.citations import read_note

    reading = read_note(
        "Author's interview with a port official, Piraeus, 3 June 2019. On the port's sale see also "
        "Helena Markou, Ports for Sale, London: Verso, 2020, p. 41."
    )
    assert [c.parsed.fields.get("author") for c in reading.citations] == ["Markou, Helena"]
    assert reading.citations[0].parsed.fields["title"] == "Ports for Sale"


@pytest.mark.parametrize("note,locator", [("Ibid., para. 31.", "para. 31"), ("同上，paras. 12-14。", "paras. 12-14")])
def test_a_paragraph_is_the_locator_of_a_back_reference(note, locator):
    from annobib.extract.citations import read_note

    assert [c.locator for c in read_note(note).citations] == [locator]


def test_a_remark_before_a_colon_and_an_english_citation_is_cut():
    from annobib.extract.citations import read_note

    reading = read_note(
        "参见所谓“科索沃咨询意见”：Accordance with International Law of the Unilateral Declaration of "
        "Independence in Respect of Kosovo, Advisory Opinion, I.C.J. Reports 2010, p. 403, para. 84。"
    )
    assert [c.parsed.fields.get("title", "")[:10] for c in reading.citations] == ["Accordance"]


def test_a_departments_volume_printed_by_the_gpo_is_a_book():
    note = (
        "U.S. Department of State, Foreign Relations of the United States, 1961–1963, vol. 22, Northeast Asia "
        "(Washington, DC: Government Printing Office, 1996), 88."
    )
    fields = {"volume": "22", "publisher": "Government Printing Office", "date": "1996"}
    assert_one_citation(note, "book", fields, "88")


def test_a_document_cited_before_zhuanyinzi_is_kept():
    from annobib.extract.citations import read_note

    reading = read_note(
        "《周恩来致斯大林电》（1950年10月8日），АВП РФ, ф. 0100, оп. 43, д. 12, л. 5-7。"
        "转引自沈志明：《中苏关系史纲》，第88页。"
    )
    archive, source = reading.citations
    assert archive.parsed.type == "misc" and archive.locator == "5-7"
    assert (archive.parsed.fields["title"], archive.parsed.fields["date"]) == ("周恩来致斯大林电", "1950-10-08")
    assert archive.parsed.fields["library"] == "АВП РФ"
    assert (source.parsed.fields["author"], source.locator) == ("沈志明", "88")


def test_an_english_journal_issue_head_and_its_folio_are_page_furniture():
    from annobib.extract.notes import loose_notes

    text = "7. Park, “Alliance Management,” 211.\nAsian Security Review, 2021, Vol. 9, No. 3\n214\n8. Ibid., 213.\n"
    notes = loose_notes(text)
    assert len(notes) == 2
    assert notes[0].text.rstrip() == "Park, “Alliance Management,” 211."
