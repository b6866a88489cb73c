"""The general causes behind blind set 39's misses, each on notes written for these tests (not
taken from any evaluation set)."""

import pytest

from annobib.extract.fields import genre_of, parse_citation
from annobib.extract.normalize import debris_line
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


def test_a_taylor_and_francis_download_stamp_is_a_debris_line():
    assert debris_line("Downloaded by [Memorial University of Newfoundland] at 21:07 02 May 2021")
    assert not debris_line("Downloaded by many readers, the report (2019) was cited widely.")


@pytest.mark.parametrize(
    ("tail", "kind", "institution", "location"),
    [
        (
            "(Doctoral dissertation). University of Otago, Dunedin, New Zealand.",
            "phdthesis",
            "University of Otago",
            "Dunedin, New Zealand",
        ),
        (
            "(Unpublished master's thesis). Lakehead University, Thunder Bay.",
            "mathesis",
            "Lakehead University",
            "Thunder Bay",
        ),
        ("(Doctoral dissertation, Lakehead University).", "phdthesis", "Lakehead University", None),
    ],
)
def test_an_apa6_thesis_names_its_kind_in_brackets(tail, kind, institution, location):
    p = parse_citation(f"Orr, K. M. (2014). Sea ice and the law of the north {tail}")
    assert p.type == "thesis"
    assert (p.fields["title"], p.fields["type"], p.fields["institution"]) == (
        "Sea ice and the law of the north",
        kind,
        institution,
    )
    assert p.fields.get("location") == location


def test_an_apa_report_number_without_no_and_the_issuer_after_its_place():
    p = parse_citation(
        "Polar Research Board. (2019). Shipping lanes in a warming sea (PRB Report T2019-4). Ottawa, ON: Polar Research Board."
    )
    assert p.type == "report"
    assert (p.fields["title"], p.fields["type"], p.fields["number"]) == (
        "Shipping lanes in a warming sea",
        "PRB Report",
        "T2019-4",
    )
    assert (p.fields["institution"], p.fields["location"]) == ("Polar Research Board", "Ottawa, ON")


@pytest.mark.parametrize(
    ("when", "etype"),
    [
        (
            "(2022, June 3). Ice charts for mariners. Retrieved July 1, 2023, from https://polar.example.org/charts",
            "online",
        ),
        ("(2022). Ice charts for mariners. Retrieved July 1, 2023, from https://polar.example.org/charts", "online"),
        ("(2022, June 3). Arctic Report Card 2022. https://polar.example.org/charts", "report"),
        ("(2022). Ice charts for mariners. https://polar.example.org/charts", "report"),
    ],
)
def test_a_body_s_dated_or_retrieved_page_is_online(when, etype):
    assert parse_citation(f"Polar Research Board. {when}").type == etype


@pytest.mark.parametrize(
    "when",
    [
        "(2022, June). Ice charts for mariners. https://polar.example.org/charts",  # a month, no day
        "(2022, June 3). Ice charts for mariners. https://polar.example.org/charts.pdf",  # a PDF
    ],
)
def test_a_body_s_document_by_month_or_as_a_pdf_stays_a_report(when):
    assert parse_citation(f"Polar Research Board. {when}").type == "report"


def test_a_harvard_working_paper_series_names_its_issuer():
    p = parse_citation(
        "Okafor, N. (2016) Salvage and average in the Bight of Benin. Lagos Business School Working Paper "
        "No. 2016-07. Lagos: Lagos Business School."
    )
    assert p.type == "report"
    assert (p.fields["title"], p.fields["type"], p.fields["number"]) == (
        "Salvage and average in the Bight of Benin",
        "Lagos Business School Working Paper",
        "2016-07",
    )
    assert (p.fields["institution"], p.fields["location"]) == ("Lagos Business School", "Lagos")


def test_a_one_word_body_with_a_harvard_access_line_is_the_page_s_author():
    p = parse_citation(
        "Maersk (2022) Our story. Available at: https://www.maersk.example/story (Accessed: 2 May 2023)."
    )
    assert (p.type, p.fields["author"], p.fields["title"]) == ("online", "{Maersk}", "Our story")


@pytest.mark.parametrize(
    ("note", "who", "publisher", "volume"),
    [
        (
            "港湾史料館編『北前船史料』第四巻、清水堂出版、二〇〇一年、三三頁。",
            ("editor", "{港湾史料館}"),
            "清水堂出版",
            "4",
        ),
        ("『海事史大系』第一二巻、海文出版、一九七〇年、五頁。", None, "海文出版", "12"),
        ("森田実編『港町事典』白鷺出版、一九九〇年、九頁。", ("editor", "森田実"), "白鷺出版", None),
    ],
)
def test_a_japanese_publisher_ending_in_shuppan_after_kanji(note, who, publisher, volume):
    from annobib.extract.normalize import normalize

    p = parse_citation(normalize(note))
    assert p.type == "book"
    assert (p.fields.get("publisher"), p.fields.get("volume")) == (publisher, volume)
    if who:
        assert p.fields[who[0]] == who[1]


def test_a_bare_korean_back_reference_is_the_last_work_of_its_kind():
    from annobib.extract import extract_notes

    x = extract_notes(
        "1) 김하늘, 『항구의 역사』(서울: 바다출판, 2009), 12쪽.\n"
        "2) 이바다, 「개항장의 상인」, 『해양사연구』 제7호(2012), 40-61쪽.\n"
        "3) 앞의 글, 55쪽.\n"
        "4) 앞의 책, 30쪽.\n"
    )
    book, article = x.entries
    assert [(c.note, c.locator) for c in article.citations] == [(2, "40-61"), (3, "55")]
    assert [(c.note, c.locator) for c in book.citations] == [(1, "12"), (4, "30")]


def test_a_korean_database_s_counts_after_an_item_are_debris():
    from annobib.extract import extract_notes

    x = extract_notes(
        "1) Ann Lee, Harbors of Korea, Vol. 2 (Boston: Beacon, 1999), pp. 5-9.\nKCI 피인용횟수 3 | 다운로드 118\n"
    )
    (entry,) = x.entries
    assert (entry.fields["volume"], entry.fields["publisher"]) == ("2", "Beacon")


@pytest.mark.parametrize(
    "note",
    [
        "서울기록원 소장, 「항만 준설 계획의 건」, 관리번호 CJA0012345.",  # the archive first
        "「항만 준설 계획의 건」, 서울기록원 소장, 관리번호 CJA0012345.",  # the archive after the title
    ],
)
def test_a_korean_archive_and_its_management_number(note):
    p = parse_citation(note)
    assert p.type == "misc"
    assert (p.fields["entrysubtype"], p.fields["library"], p.fields["number"]) == (
        "archive",
        "서울기록원",
        "CJA0012345",
    )
    assert "author" not in p.fields


def test_a_person_s_title_soljang_is_no_archive():
    p = parse_citation("김하늘 소장, 「항구의 역사」, 『해양사연구』 제3호(2001), 5쪽.")
    assert p.type == "article" and "library" not in p.fields


def test_a_gbt_book_s_volume_part_closing_its_title():
    p = parse_citation("林某.近代港口史料汇编(下册)[M].上海:某某出版社,1985.")
    assert (p.fields["title"], p.fields["volume"]) == ("近代港口史料汇编", "下")
    assert parse_citation("林某.港口(1840-1949)[M].上海:某某出版社,1985.").fields["title"] == "港口(1840-1949)"


def test_a_chapter_s_container_volume_part_in_brackets():
    p = parse_citation("王某：《论港口》，载李某编：《港口史论集》（下册），上海：某某出版社1985年版，第9页。")
    assert (p.type, p.fields["booktitle"], p.fields["volume"]) == ("incollection", "港口史论集", "下")


@pytest.mark.parametrize(
    ("note", "number", "volume"),
    [
        ("《航运周报》第118号，1931年5月，第7页。", "118", None),
        ("《海事杂志》第3卷第12期，1936年12月。", "12", "3"),
        ("《商务官报》第21册，1907年9月。", "21", None),
    ],
)
def test_a_periodical_s_issue_cited_whole_is_that_issue(note, number, volume):
    p = parse_citation(note)
    assert p.type == "article" and "title" not in p.fields
    assert (p.fields["number"], p.fields.get("volume")) == (number, volume)


def test_a_book_series_volume_is_no_periodical_issue():
    assert parse_citation("《四部丛刊》第3册，1929年。").type == "book"


@pytest.mark.parametrize(
    ("note", "author", "number"),
    [
        (
            "О сельскохозяйственной кооперации: декрет ВЦИК от 16 марта 1921 г. // Собрание узаконений РСФСР. 1921. № 9.",
            "{ВЦИК}",
            None,
        ),
        (
            "О потребительской кооперации : федер. закон от 19.06.1992 № 3085-1 // Ведомости СНД РФ. 1992. № 30.",
            None,
            "3085-1",
        ),
    ],
)
def test_a_russian_act_in_gost_form_after_its_title(note, author, number):
    p = parse_citation(note)
    assert p.type == "legislation" and "journaltitle" not in p.fields
    assert (p.fields.get("author"), p.fields.get("number")) == (author, number)
    assert p.fields["title"] in ("О сельскохозяйственной кооперации", "О потребительской кооперации")
    assert p.fields["date"] in ("1921-03-16", "1992-06-19")


def test_a_gbt_list_item_repeating_an_edited_book_adds_no_author():
    from annobib.extract import extract_notes

    x = extract_notes(
        "注释:\n①林某编:《港口史料》(下册),上海:某某出版社1985年版,第9页。\n②同上书,第12页。\n"
        "参考文献:\n[1]林某.港口史料(下册)[M].上海:某某出版社,1985.\n[2]王某.海关[M].北京:某某出版社,1990.\n"
    )
    edited = x.entries[0]
    assert (edited.fields.get("editor"), edited.fields.get("author"), edited.fields["volume"]) == ("林某", None, "下")
    assert len(edited.citations) == 3  # the list item joined the note's book


def test_a_periodical_issue_dated_to_the_day_keeps_the_day():
    p = parse_citation("王某：《论港政》，《海事周报》第6卷第12期，1933年3月18日。")
    assert (p.type, p.fields["date"], p.fields["number"]) == ("article", "1933-03-18", "12")


def test_a_law_review_verso_head_with_its_volume_is_page_furniture():
    text = (
        "12 Ann Lee, Rivers and Rights, 9 Tex. Envtl. L.J. 44, 50 (1999).\n"
        "422" + " " * 18 + "HARBOR LAW REVIEW" + " " * 18 + "[Vol. 31:405\n"
        "13 Id. at 52.\n"
    )
    notes = loose_notes(text)
    assert [n.text for n in notes] == ["Ann Lee, Rivers and Rights, 9 Tex. Envtl. L.J. 44, 50 (1999).", "Id. at 52."]


def test_a_korean_clause_before_the_author_is_no_part_of_the_name():
    p = parse_citation("이 무렵 항만 정책에 대해서는 김하늘, 『항구의 역사』(서울: 바다출판, 2009), 12쪽 참조.")
    assert (p.fields["author"], p.fields["title"]) == ("김하늘", "항구의 역사")


def test_an_institute_s_own_work_in_volumes_is_a_book():
    p = parse_citation("해양정책연구소, 『한국 해운사』 제2권(서울: 해양정책연구소, 2004), 87쪽.")
    assert (p.type, p.fields["volume"]) == ("book", "2")
    assert parse_citation("해양정책연구소, 『한국 해운 전망』(서울: 해양정책연구소, 2004), 8쪽.").type == "report"


def test_an_article_in_hanja_in_a_korean_paper_is_korean():
    p = parse_citation("「港灣 擴張 計劃」, 『동아일보』 1929년 3월 2일, 2면.")
    assert (p.fields["journaltitle"], p.fields["langid"]) == ("동아일보", "korean")


@pytest.mark.parametrize(
    "note",
    [
        "以下、本稿では「港湾」「港湊」の表記を史料の用字に従って使い分ける。",
        "「船主」・「荷主」の用語は、当時の帳簿の記載による。",
    ],
)
def test_a_japanese_note_on_the_spelling_of_terms_cites_nothing(note):
    from annobib.extract.citations import read_note

    assert read_note(note).status == "not-a-citation"


def test_a_japanese_note_with_a_term_and_a_source_still_cites():
    from annobib.extract.citations import read_note

    assert read_note("「港湾」の表記は、村上安政『港町史』随想舎、2006年、52頁による。").status == "cited"


def test_a_remark_after_a_citation_set_off_by_a_connective_is_no_citation():
    from annobib.extract.citations import read_note

    r = read_note(
        "See Ann Lee, Harbors and Empire (Boston: Beacon, 1999), 214; Lee's totals, however, omit the outer islands."
    )
    assert [c.parsed.fields["title"] for c in r.citations] == ["Harbors and Empire"]
    assert read_note("Lee's totals, however, omit the outer islands.").status == "not-a-citation"
