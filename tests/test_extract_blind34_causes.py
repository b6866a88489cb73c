"""The general causes behind blind set 34's misses, each on notes written for these tests (not
taken from any evaluation set)."""

from annobib.extract import extract_notes
from annobib.extract.citations import read_note
from annobib.extract.fields import parse_citation
from annobib.extract.normalize import ocr_confusions, site_debris
from annobib.extract.notes import loose_notes


def test_a_marker_printed_twice_and_glued_numbers_its_note_once():
    text = (
        "001001 박정수, 『바다와 국가』(서울: 해림사, 1988), 12쪽.\n"
        "002002 위의 책, 30쪽.\n"
        "003003 이은영, 「항구의 기억」, 『해양사연구』 제4권 1호 (2010), 5-19쪽.\n"
    )
    notes = loose_notes(text)
    assert [n.number for n in notes] == [1, 2, 3]
    assert notes[1].text.startswith("위의 책")


def test_a_doubled_reading_does_not_break_a_long_books_plain_run():
    text = "".join(f"{n}. Ann Lee, Ice, {n}.\n" for n in range(998, 1013))
    assert [n.number for n in loose_notes(text)] == list(range(998, 1013))


def test_a_korean_pop_up_close_button_is_debris():
    assert site_debris("박정수, 『바다와 국가』(서울: 해림사, 1988), 12쪽.닫기") == (
        "박정수, 『바다와 국가』(서울: 해림사, 1988), 12쪽."
    )
    assert site_debris("「문을 닫기」") == "「문을 닫기」"


def test_gateun_chaek_is_the_book_just_cited():
    r = extract_notes("1 박정수, 『바다와 국가』(서울: 해림사, 1988), 12쪽.\n2 같은 책, 30쪽.\n")
    (work,) = r.entries
    assert [c.locator for c in work.citations] == ["12", "30"]


def test_an_mdpi_article_is_one_citation_with_its_journal_apart():
    r = extract_notes(
        "1.\tOkoro, C.N.; Lind, P.; Haas, R.T. Tidal mixing on narrow shelves. J. Mar. Syst. 2019, 12, "
        "301–318. [Google Scholar] [CrossRef] [Green Version]\n"
        "2.\tMoss, R. Ferry Subsidies in Island States; Policy Brief 7; Pacific Institute: Suva, Fiji, 2020.\n"
    )
    first, second = r.entries
    assert first.type == "article"
    assert (first.fields["author"], first.fields["journaltitle"], first.fields["pages"]) == (
        "Okoro, C.N. and Lind, P. and Haas, R.T.",
        "J. Mar. Syst.",
        "301-318",
    )
    assert (second.type, second.fields["institution"], second.fields["location"]) == (
        "report",
        "Pacific Institute",
        "Suva, Fiji",
    )


def test_an_acs_book_by_a_body_and_a_web_page():
    r = extract_notes(
        "1. WMO. Storm Tracks of the Coral Sea; Springer: Cham, Switzerland, 2018.\n"
        "2. Reef Watch. Bleaching Map: Live Data. Available online: https://reefwatch.example.org/map "
        "(accessed on 3 May 2022).\n"
    )
    book, page = r.entries
    assert (book.type, book.fields["author"], book.fields["publisher"]) == ("book", "{WMO}", "Springer")
    assert (page.type, page.fields["title"], page.fields["urldate"]) == (
        "online",
        "Bleaching Map: Live Data",
        "2022-05-03",
    )


def test_two_acs_articles_run_on_are_still_two():
    r = extract_notes(
        "1 Okoro, C.N. Tidal mixing. J. Mar. Syst. 2019, 12, 301–318; Lind, P. Shelf waves. Ocean Dyn. 2020, 3, 5–9.\n"
    )
    assert len(r.entries) == 2


def test_an_ocr_o_for_zero_inside_a_number():
    assert ocr_confusions("档号02-0113-3O52-001。") == "档号02-0113-3052-001。"
    assert ocr_confusions("《江汉论坛》1991年第2期,第7—3O页。") == "《江汉论坛》1991年第2期,第7—30页。"
    assert ocr_confusions("Al2O3 and H2O, 10O") == "Al2O3 and H2O, 10O"


def test_an_archival_document_named_without_title_marks():
    p = parse_citation("上海市档案馆藏工部局档案，关于码头捐的报告，1931年5月，档号U1-3-2207，第6页。")
    assert (p.type, p.fields["entrysubtype"], p.fields["library"], p.fields["number"], p.locator) == (
        "misc",
        "archive",
        "上海市档案馆",
        "U1-3-2207",
        "6",
    )
    assert p.fields["title"] == "关于码头捐的报告"  # the series glued to 藏 is the file's
    reign = parse_citation("中国第一历史档案馆藏宫中朱批奏折，嘉庆五年，档号04-01-01-0480-011。")
    assert reign.fields["title"] == "宫中朱批奏折" and "date" not in reign.fields  # a reign year is no date


def test_a_document_symbol_where_a_journal_would_stand_makes_a_report():
    q = parse_citation('IAEA, "Safeguards in Practice," GOV/2019/31, 4 June 2019, para. 3.')
    assert (q.type, q.fields["number"], q.locator) == ("report", "GOV/2019/31", "para. 3")
    j = parse_citation('Jane Roe, "Ships," AI/ML Review 3 (2020): 4.')
    assert j.type == "article"


def test_a_chinese_note_quoting_a_un_document():
    r = extract_notes("1 “第四届会议的报告”，联合国文件NPT/CONF.2025/9，2024年4月2日，第11页。\n")
    (work,) = r.entries
    assert (work.type, work.fields["number"], work.citations[0].locator) == ("report", "NPT/CONF.2025/9", "11")


def test_a_press_imprint_publishes_an_organizations_report():
    p = parse_citation("OECD, Skills Outlook 2021: Learning for Life, Paris: OECD Publishing, 2021, p.12.")
    assert (p.type, p.fields["publisher"], p.fields["location"]) == ("report", "OECD Publishing", "Paris")
    assert "institution" not in p.fields
    q = parse_citation("World Bank, Rural Roads Review, Washington, DC: World Bank, 2016, p. 3.")
    assert q.fields.get("institution") == "World Bank"


def test_a_remark_with_a_quoted_term_after_a_chinese_citation_is_cut():
    r = read_note('《大公报》1936年3月2日,第4版。此后该报"经济周刊"又有续论,此处从略。')
    (c,) = r.citations
    assert c.parsed.type == "article" and c.parsed.fields["journaltitle"] == "大公报"
    kept = read_note('王某:《论海运》,《东方杂志》1931年第2期。另见李某:"海运再论",《申报》1931年5月2日。')
    assert len(kept.citations) == 2


def test_a_russian_newspaper_article_cited_with_commas():
    p = parse_citation("А. Б. Иванов, «Граница на Амуре», Известия, 5 мая 2001 г., с. 3.")
    assert (p.type, p.fields["entrysubtype"], p.fields["title"], p.fields["journaltitle"]) == (
        "article",
        "newspaper",
        "Граница на Амуре",
        "Известия",
    )
    assert (p.fields["date"], p.fields["pages"], p.locator) == ("2001-05-05", "3", "3")


def test_an_archive_word_in_a_books_title_makes_no_archive():
    p = parse_citation("《李某与张某谈话记录》(1952年3月1日),载王某主编:《苏联档案汇编》第3卷,第10—12页。")
    assert (p.type, p.fields["editor"], p.fields["booktitle"], p.fields["volume"]) == (
        "incollection",
        "王某",
        "苏联档案汇编",
        "3",
    )
    kept = parse_citation("中国第一历史档案馆藏:《宫中朱批奏折》,档号04-01-35-0001-001。")
    assert kept.fields["entrysubtype"] == "archive"


def test_a_body_that_printed_the_work_is_its_publisher():
    p = parse_citation("王某:《某县茶业调查》,某省建设厅合作事业管理处1937年印行,第8页。")
    assert (p.type, p.fields["publisher"], p.fields["date"], p.locator) == (
        "book",
        "某省建设厅合作事业管理处",
        "1937",
        "8",
    )


def test_a_woodblock_edition_names_its_studio_and_the_leafs_side():
    p = parse_citation("(清)张某:《某某纪略》卷三,清嘉庆十年某某堂刻本,第12页a。")
    assert (p.fields["publisher"], p.locator) == ("某某堂", "12a")
    assert "date" not in p.fields  # a reign year is no date, as the sets read it


def test_a_hanja_title_published_in_korea_is_korean():
    assert parse_citation("金某, 『韓國海運史』(서울: 一志社, 1980), 12쪽.").fields["langid"] == "korean"
    assert parse_citation("王某, 『海運史』(上海: 商務印書館, 1930), 12쪽.").fields["langid"] == "chinese"


def test_a_number_between_a_title_and_its_imprint_is_the_volume():
    p = parse_citation("한국학중앙연구원 편, 『한국문화사』 17 (서울: 경인문화사, 2012), 30쪽.")
    assert (p.type, p.fields["volume"], p.fields["publisher"]) == ("book", "17", "경인문화사")


def test_an_untitled_archival_file_cited_again_at_another_leaf_is_one_work():
    r = extract_notes(
        "1 ГАРФ, ф. 5446, оп. 2, д. 17, л. 3-5.\n2 Там же, л. 8.\n3 ГАРФ, ф. 5446, оп. 2, д. 17, л. 40.\n"
    )
    (work,) = r.entries
    assert [c.locator for c in work.citations] == ["3-5", "8", "40"]
    two = extract_notes("1 ГАРФ, ф. 5446, оп. 2, д. 17, л. 3.\n2 ГАРФ, ф. 5446, оп. 2, д. 18, л. 3.\n")
    assert len(two.entries) == 2
