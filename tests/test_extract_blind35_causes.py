"""The general causes behind blind set 35's misses (note layouts as pasted), each on notes written
for these tests (not taken from any evaluation set)."""

import pytest

from annobib.extract.document import is_folio
from annobib.extract.fields import parse_citation
from annobib.extract.notes import loose_notes


@pytest.mark.parametrize(
    "head", ["88" + " " * 30 + "POLAR AFFAIRS REVIEW", "ICE AND EMPIRE IN THE NORTH" + " " * 30 + "89"]
)
def test_notes_restarting_after_a_capitals_running_head_and_folio_are_numbered_on(head):
    text = (
        "1 Ann Lee, Ice and Law (Oslo, 2015), p. 4.\n2 Ibid., p. 9.\n3 Tom Ray, Cold Seas (Bergen, 2001), p. 7.\n"
        f"{head}\n1 Lee, Ice and Law, p. 12.\n2 Ray, op. cit., p. 40.\n"
    )
    notes = loose_notes(text)
    assert [n.number for n in notes] == [1, 2, 3, 4, 5]
    assert notes[2].text.rstrip().endswith("p. 7.")


@pytest.mark.parametrize("line", ["3 UNESCO", "12 IBID.", "4 Ann Lee, ICE AND LAW", "WHO 5"])
def test_a_note_in_capitals_is_no_running_head(line):
    assert is_folio(line) is None


@pytest.mark.parametrize(
    "heading, items",
    [
        ("参考文献", ["[1] 周某.海塘志[M].杭州:浙江古籍出版社,2003.", "[2] 吴某.潮与堤[J].农史研究,2011(2):40-52."]),
        (
            "Литература",
            ["Петров А. В. Степь и город. М.: Наука, 1978. 210 с.", "Орлова Н. К. Караваны. Казань, 2001. 96 с."],
        ),
        ("참고문헌", ["김철수. 2004. 『바다와 소금』. 서울: 민음사.", "박영희. 1999. 『염전의 역사』. 부산: 해문사."]),
    ],
)
def test_a_reference_list_after_the_notes_is_numbered_on_one_item_a_line(heading, items):
    notes = "1 Ann Lee, Ice and Law (Oslo, 2015), p. 4.\n2 Ibid., p. 9.\n3 Tom Ray, Cold Seas (Bergen, 2001), p. 7.\n"
    read = loose_notes(notes + "\n" + heading + "\n" + "\n".join(items) + "\n")
    assert [n.number for n in read] == [1, 2, 3, 4, 5]
    assert [n.text for n in read[3:]] == [item.removeprefix("[1] ").removeprefix("[2] ") for item in items]


def test_a_reference_list_alone_keeps_its_own_numbers():
    read = loose_notes(
        "参考文献\n[1] 周某.海塘志[M].杭州:浙江古籍出版社,2003.\n[2] 吴某.潮与堤[J].农史研究,2011(2):40-52.\n"
    )
    assert [n.number for n in read] == [1, 2]


def test_a_chapter_heading_run_into_note_one_is_no_part_of_it():
    text = (
        "Notes\n\n3 Ice and Empire 1. Ann Lee, Ice and Law (Oslo, 2015) p. 4. 2. Ibid., p. 9. "
        "3. Tom Ray, Cold Seas (Bergen, 2001) p. 7.\n"
    )
    notes = loose_notes(text)
    assert [(n.number, n.text[:8]) for n in notes] == [(1, "Ann Lee,"), (2, "Ibid., p"), (3, "Tom Ray,")]


@pytest.mark.parametrize(
    "imprint, place",
    [
        ("(Bergen, 2001), p. 7.", "Bergen"),
        ("(Oslo, 2001) p. 7.", "Oslo"),
        ("(Bloomington, IN, 2001) pp. 7-9.", "Bloomington, IN"),
        ("(Berkeley, Calif., 2001), p. 7.", "Berkeley, Calif."),
        ("(London and New York, 2001) p. 7.", "London and New York"),
        ("(Leiden, 2001).", "Leiden"),
    ],
)
def test_a_british_imprint_of_place_and_year_is_no_part_of_the_title(imprint, place):
    p = parse_citation(f"Tom Ray, Cold Seas and Warm Ports: Trade in the North {imprint}")
    assert p.fields["title"] == "Cold Seas and Warm Ports: Trade in the North"
    assert (p.fields["location"], p.fields["date"]) == (place, "2001")


def test_a_subtitle_before_a_place_and_year_imprint_is_no_publisher():
    p = parse_citation("Tom Ray, The Cold Sea: A Northern History (Bloomington, IN, 2001) p. 7.")
    assert (p.fields["title"], p.fields["location"], p.locator) == (
        "The Cold Sea: A Northern History",
        "Bloomington, IN",
        "7",
    )
    assert "publisher" not in p.fields


@pytest.mark.parametrize(
    "journal, volume, number",
    [
        ("Polar Affairs, 6 (1995)", "6", None),
        ("Polar Affairs, 49:4 (1995)", "49", "4"),
        ("Polar Affairs 49:4 (1995)", "49", "4"),
    ],
)
def test_a_british_journal_volume_after_a_comma_or_with_its_issue_after_a_colon(journal, volume, number):
    p = parse_citation(f"Ann Lee, 'Ice and Law in the Arctic', {journal}, pp. 49-74, at p. 58.")
    assert (p.type, p.fields["journaltitle"], p.fields["volume"]) == ("article", "Polar Affairs", volume)
    assert (p.fields.get("number"), p.fields["pages"], p.locator) == (number, "49-74", "58")


def test_a_date_in_brackets_closing_a_note_is_no_imprint():
    p = parse_citation("Ann Lee, How Far Will the Ice Go?, Polar Watch (Jan. 26, 2021), https://polar.example/ice.")
    assert p.fields["title"] == "How Far Will the Ice Go?"


@pytest.mark.parametrize(
    "journal, fields",
    [
        ("Polar Affairs, 55(3): 322-341.", ("Polar Affairs", "55", "3", "322-341")),
        ("Arctic Review: Law and Politics, 13(2), 10-17.", ("Arctic Review: Law and Politics", "13", "2", "10-17")),
        ("Open Polar Research, 1: 78. doi: 10.1234/opr.5678.2", ("Open Polar Research", "1", None, "78")),
    ],
)
def test_a_harvard_article_with_an_unquoted_title(journal, fields):
    p = parse_citation(f"Lee, A. and Ray, T. (2020) What is ice law? Cases, claims and courts. {journal}")
    assert (p.type, p.fields["title"]) == ("article", "What is ice law? Cases, claims and courts")
    f = p.fields
    assert (f["journaltitle"], f["volume"], f.get("number"), f["pages"]) == fields


def test_a_harvard_book_with_a_cited_page_stays_a_book():
    p = parse_citation("Lee, A. (2001) Cold seas. Oxford: Clarendon Press, p. 45.")
    assert (p.type, p.fields["publisher"], p.locator) == ("book", "Clarendon Press", "45")


@pytest.mark.parametrize(
    "bracket, series, number",
    [
        ("(北方史叢4)", "北方史叢", "4"),
        ("（シリーズ海の歴史12）", "シリーズ海の歴史", "12"),
        ("(海と島の歴史03)", "海と島の歴史", "03"),
    ],
)
def test_a_japanese_series_and_number_in_brackets_before_the_publisher(bracket, series, number):
    p = parse_citation(f"北村一郎編『氷の海と港』{bracket}北海出版会、1998年、45頁。")
    assert (p.fields["series"], p.fields["number"], p.fields["publisher"]) == (series, number, "北海出版会")


def test_a_chinese_edition_in_brackets_is_no_series():
    p = parse_citation("王某:《海塘志》(第2版),北京:中华书局2003年版,第5页。")
    assert "series" not in p.fields


@pytest.mark.parametrize(
    "item, fields",
    [
        ("김철수. 2004. 『바다와 소금』. 서울: 민음사.", ("김철수", "바다와 소금", "서울", "민음사", "2004")),
        ("周某. 2003. 《海塘志》. 杭州: 浙江古籍出版社.", ("周某", "海塘志", "杭州", "浙江古籍出版社", "2003")),
    ],
)
def test_a_cjk_author_date_item_set_off_by_full_stops(item, fields):
    f = parse_citation(item).fields
    assert (f["author"], f["title"], f["location"], f["publisher"], f["date"]) == fields


def test_a_second_place_after_a_semicolon_stays_in_the_imprint():
    from annobib.extract.citations import read_note

    reading = read_note("Ray T. A Historical Atlas of the Arctic. Leiden; Boston: Brill, 2003. P. 58.")
    assert len(reading.citations) == 1
    p = reading.citations[0].parsed
    assert (p.fields["location"], p.fields["publisher"], p.locator) == ("Leiden; Boston", "Brill", "58")


def test_a_semicolon_before_the_next_author_still_splits():
    from annobib.extract.citations import read_note

    reading = read_note("Ray T. Cold Seas. Oslo: Norli, 2003. P. 5; Lee A. Ice Law. Bergen: Vest, 2001. P. 9.")
    assert len(reading.citations) == 2


def test_a_long_capitals_running_head_with_volume_issue_and_folio_is_no_part_of_a_note():
    head = "JOURNAL OF THE SOCIETY FOR POLAR HISTORY 54:2" + " " * 40 + "117"
    text = f"1Ann Lee, Ice and Law (Oslo: Norli, 2015), 4.\n2Ibid., 12.\n{head}\n3Tom Ray, Cold Seas (Bergen: Vest, 2001), 7.\n"
    notes = loose_notes(text)
    assert [n.text for n in notes][1] == "Ibid., 12."


def test_a_pinpoint_after_at_follows_an_articles_range():
    p = parse_citation('Ann Lee, "Ice and Law," Journal of Polar Studies 11, no. 2 (1997): 103-60, at 121.')
    assert (p.fields["pages"], p.locator) == ("103-60", "121")


def test_an_edition_after_a_books_editors_is_no_editor():
    p = parse_citation(
        'Ann Lee, "Ice and Law," in Handbook of Polar Law, ed. Tom Ray and Jo Vik, 2nd ed. (Oslo: Norli, 2021), 287-301.'
    )
    f = p.fields
    assert (f["booktitle"], f["editor"], f["edition"]) == ("Handbook of Polar Law", "Ray, Tom and Vik, Jo", "2")


@pytest.mark.parametrize("pages", ["140-42", "1420–22"])
def test_a_quoted_short_title_before_a_page_range_is_a_short_form(pages):
    p = parse_citation(f'Lee, "Ice and Law," {pages}.')
    assert p.kind == "short" and "journaltitle" not in p.fields


def test_a_journal_issue_line_in_capitals_is_no_part_of_a_note():
    text = (
        "1.\nAnn Lee, Ice and Law (Oslo: Norli, 2015), 4.\n2.\nLee, Ice and Law, 240.\n"
        "POLAR PERSPECTIVES · VOLUME 62, NUMBER 1 · SPRING 2023\n214\n3.\nTom Ray, Cold Seas (Bergen: Vest, 2001), 7.\n"
    )
    assert [n.text for n in loose_notes(text)][1] == "Lee, Ice and Law, 240."


def test_the_collected_works_author_after_the_double_slash_is_no_part_of_the_book_title():
    p = parse_citation("Петров А. В. Степь и город // Петров А. В. Сочинения. Т. 2. М.: Наука, 1978. С. 5–20.")
    assert (p.type, p.fields["booktitle"], p.fields["volume"]) == ("incollection", "Сочинения", "2")


def test_a_heading_with_a_colon_glued_to_note_one():
    text = "参考注释:1周某:《海塘志》,杭州:浙江古籍出版社2003年版,第5页。2同上,第7页。3吴某:《潮与堤》,北京:中华书局2011年版,第9页。\n"
    notes = loose_notes(text)
    assert [(n.number, n.text[:3]) for n in notes] == [(1, "周某:"), (2, "同上,"), (3, "吴某:")]


@pytest.mark.parametrize("note", ["같은 책, 51쪽.", "같은 글, 12쪽."])
def test_the_korean_same_book_or_article_is_a_back_reference(note):
    from annobib.extract.citations import read_note

    reading = read_note(note)
    assert reading.status == "cited" and reading.citations[0].kind == "ibid"


def test_a_korean_books_volume_before_its_imprint():
    p = parse_citation("해양사연구회 편, 『북방해역사료집』 제16권(부산: 해문사, 1993), 45쪽.")
    assert (p.type, p.fields["volume"], p.fields["publisher"]) == ("book", "16", "해문사")


def test_a_korean_dotted_date_in_brackets_and_no_site_from_its_stops():
    p = parse_citation(
        "해양수산부, 「2022 연안관리 기본계획」(2022. 3. 15), https://www.example.kr/plan (검색일: 2023년 4월 2일)."
    )
    assert p.fields["date"] == "2022-03-15"
    assert "organization" not in p.fields


def test_chief_translators_lose_the_role_word():
    p = parse_citation("[美]某甲:《冰海》,张三、李四主译,北京:某某出版社2009年版,第21页。")
    assert p.fields["translator"] == "张三 and 李四"


def test_a_lead_in_before_a_dynasty_and_author():
    from annobib.extract.citations import read_note

    reading = read_note("同上书,第9页;又参(元)周某著,吴某校释:《海塘志校释》,北京:中华书局1981年版,第15页。")
    assert reading.citations[1].parsed.fields["author"] == "周某"


def test_his_work_after_a_citation_is_by_the_same_author():
    from annobib.extract.citations import read_note

    reading = read_note(
        "周某:《海塘》,《农史》1996年第3期,第18-31页;又见氏著:《潮与堤》,上海:某出版社2005年版,第72页。"
    )
    second = reading.citations[1]
    assert second.same_author and "author" not in second.parsed.fields
