"""The general causes behind blind set 37's misses, each on notes written for these tests (not
taken from any evaluation set)."""

import pytest

from annobib.extract import extract_notes
from annobib.extract.fields import genre_of, parse_citation
from annobib.extract.normalize import debris_line, site_debris


# ---------------------------------------------------------------- Chicago author-date reference lists


def test_a_later_author_keeps_no_stop_before_the_year():
    p = parse_citation("Hale, Marion, and Priya Desai. 2011. The Salt Road. Leeds: Moor Press.")
    assert p.fields["author"] == "Hale, Marion and Desai, Priya"
    p = parse_citation("Hale, Marion, and Tom R. Ash. 2011. The Salt Road. Leeds: Moor Press.")
    assert p.fields["author"] == "Hale, Marion and Ash, Tom R."  # an initial keeps its stop


def test_a_later_author_with_a_particle_inside():
    p = parse_citation("Hale, Marion, and Anna van Rijn. 2011. The Salt Road. Leeds: Moor Press.")
    assert (p.type, p.fields["date"], p.fields["publisher"]) == ("book", "2011", "Moor Press")
    assert p.fields["title"] == "The Salt Road"


def test_eds_after_the_names_makes_them_the_editors_of_a_book():
    p = parse_citation("Hale, Marion, and Tom Ash, eds. 2011. Salt and Empire, 1500-1900. Leeds: Moor Press.")
    assert (p.type, p.fields["editor"], p.fields["title"]) == (
        "book",
        "Hale, Marion and Ash, Tom",
        "Salt and Empire, 1500-1900",
    )
    assert "author" not in p.fields and p.fields["date"] == "2011"


def test_a_chicago_chapter_edited_by_names_with_initials_then_its_pages():
    p = parse_citation(
        'Ash, Tom. 1998. "Salt Taxes." In Fiscal States, 1600-1800, edited by Jan Vos, K. Lee Park, '
        "and Ana Ruiz, 211-38. Leiden: Brill."
    )
    assert p.type == "incollection"
    assert p.fields["editor"] == "Vos, Jan and Park, K. Lee and Ruiz, Ana"
    assert (p.fields["pages"], p.locator) == ("211-38", "211-38")
    assert (p.fields["location"], p.fields["publisher"]) == ("Leiden", "Brill")
    # ASA's form, pages first, still reads so
    p = parse_citation('Ash, Tom. 1998. "Salt Taxes." Pp. 211-38 in Fiscal States, edited by J. Vos. Leiden: Brill.')
    assert (p.fields["editor"], p.fields["pages"], p.fields["publisher"]) == ("Vos, J.", "211-38", "Brill")


def test_a_numbered_working_paper_of_an_institution_is_a_report():
    p = parse_citation('Ash, Tom. 2019. "Salt Prices." Discussion Paper 19-07, Institute for Fiscal History.')
    assert (p.type, p.fields["type"], p.fields["number"], p.fields["institution"]) == (
        "report",
        "Discussion Paper",
        "19-07",
        "Institute for Fiscal History",
    )


def test_a_ditto_dash_takes_the_authors_of_the_item_before():
    assert genre_of("———. 2004. Salt Again. Leeds: Moor Press.").name == "asa"
    x = extract_notes(
        "Ash, Tom. 1998. The Salt Road. Leeds: Moor Press.\n\n———. 2004. Salt Again. Leeds: Moor Press.\n"
    )
    assert [e.fields.get("author") for e in x.entries] == ["Ash, Tom", "Ash, Tom"]
    assert x.entries[1].fields["title"] == "Salt Again"


# ---------------------------------------------------------------- a publisher's page debris


@pytest.mark.parametrize("debris", ["[Related articles]", "[Cited by 12] [Related articles]", "Cite this article"])
def test_a_publishers_links_after_an_item_are_cut(debris):
    assert site_debris(f"Salt Review 4 (2): 10-19. {debris}") == "Salt Review 4 (2): 10-19."


def test_a_publishers_download_line_is_no_part_of_the_last_item():
    assert debris_line("Download references (.ris)   Cite this article")
    assert not debris_line("Download the references of a chapter, 1998.")


# ---------------------------------------------------------------- Chicago notes


@pytest.mark.parametrize("remark", ["The translation is mine.", "Emphasis in original.", "Italics added."])
def test_a_short_remark_after_the_cited_page_is_no_part_of_the_citation(remark):
    x = extract_notes(f"1 Ann Lee, Ice and Law, ed. Tom Ray and Eva Holm (Oslo: Nordic Press, 2015), 106. {remark}\n")
    (e,) = x.entries
    assert (e.fields["editor"], e.fields["publisher"]) == ("Ray, Tom and Holm, Eva", "Nordic Press")
    assert x.notes[0].status == "cited"


def test_a_sentence_case_title_after_a_year_is_no_remark():
    from annobib.extract.citations import read_note

    (c,) = read_note("Lee, A. 2015. Salt and law.").citations
    assert c.text.endswith("Salt and law")


def test_and_after_an_imprint_and_its_page_joins_a_second_citation():
    x = extract_notes(
        "1 Ann Lee, Ice and Law (Oslo: Nordic Press, 2015), 62.\n\n"
        "2 See Tom Ray, Cold Seas, trans. Eva Holm (Bergen: Fjord Books, 2001), 30-2, and Lee, Ice and Law, 70.\n"
    )
    lee, ray = x.entries
    assert (ray.fields["translator"], ray.fields["publisher"]) == ("Holm, Eva", "Fjord Books")
    assert x.notes[1].keys == [ray.key, lee.key]


@pytest.mark.parametrize(
    "paper", ["Gazzetta musicale di Milano", "Corriere della Sera", "Frankfurter Allgemeine Zeitung"]
)
def test_a_european_paper_cited_by_its_issue(paper):
    p = parse_citation(f"{paper}, 2 March 1881, 37.")
    assert (p.type, p.fields["journaltitle"], p.fields["date"], p.locator) == ("article", paper, "1881-03-02", "37")
    assert parse_citation("Letter to the Salt Review, 2 March 1881, 37.").type != "article"


# ---------------------------------------------------------------- Japanese, Chinese, Korean notes


@pytest.mark.parametrize(
    "note, locator",
    [
        ("森田某「綿と港」『経済史研究』第12巻第3号、1990年、45-67頁、特に52頁。", "52"),
        ("王某:《棉与港》,《经济史研究》2001年第3期,第45—67页,尤其是第52—53页。", "52-53"),
        ("김철수, 「면과 항구」, 『경제사연구』, 2001, 45-67쪽, 특히 52쪽.", "52"),
    ],
)
def test_the_page_singled_out_of_a_range_is_the_locator(note, locator):
    p = parse_citation(note)
    assert (p.fields["pages"], p.locator) == ("45-67", locator)


@pytest.mark.parametrize("era", ["明治三十年", "大正十年下半期", "昭和元年"])
def test_a_date_in_an_era_after_the_title_is_no_publisher(era):
    p = parse_citation(f"某県農会『綿作調査』{era}、1922年、12頁。")
    assert "publisher" not in p.fields and p.fields["date"] == "1922"


def test_a_publisher_named_after_an_era_is_still_one():
    assert parse_citation("山田某『港の町』明治書院、1971年、85頁。").fields["publisher"] == "明治書院"


def test_a_part_after_the_title_is_no_publisher():
    p = parse_citation("高田某『綿業史』上、港書房、1971年、85頁。")
    assert (p.fields["volume"], p.fields["publisher"]) == ("上", "港書房")
    p = parse_citation("某省某局編『某制百年史』資料編、港書房、1976年、62頁。")
    assert p.fields["publisher"] == "港書房"


def test_an_annual_report_of_a_body_is_a_report():
    p = parse_citation("某県衛生局『衛生年報』1901年、45頁。")
    assert (p.type, p.fields["institution"]) == ("report", "某県衛生局")


def test_an_archive_named_first_with_its_file_number_holds_the_document():
    p = parse_citation("국가기록원, 「항만 정비 계획」, 1962, 관리번호 BA0012345.")
    assert (p.type, p.fields["entrysubtype"], p.fields["library"], p.fields["number"]) == (
        "misc",
        "archive",
        "국가기록원",
        "BA0012345",
    )
    assert "author" not in p.fields
    p = parse_citation("某某大学档案室藏:《卫生科年度报告》,1931年,档号:0312-04。")
    assert (p.fields["library"], p.fields["number"]) == ("某某大学档案室", "0312-04")
    assert "author" not in p.fields


def test_a_korean_society_is_a_body():
    assert parse_citation("대한항만협의회, 『항만 50년사』, 서울: 대한항만협의회, 2010, 112쪽.").fields["author"] == (
        "{대한항만협의회}"
    )


@pytest.mark.parametrize(
    "note, locator",
    [
        ("Harbour Board, Report on Dredging, Washington, D.C., 1975, 22.", "22"),
        ("A. Lee, Salt and Law, Nordic Press, 1999, 5-7.", "5-7"),
        ('Ann Lee, "Ports Reopen," New York Times, March 3, 2008, C4.', "C4"),
    ],
)
def test_a_bare_page_after_the_year_closing_a_note_is_its_locator(note, locator):
    assert parse_citation(note).locator == locator


def test_an_agency_report_symbol_with_a_slash_is_its_number_and_the_place_after_it_is_read():
    p = parse_citation(
        "U.S. General Accounting Office, Port Fees and Safety, GAO/RCED-97-12 (Washington, D.C., May 1997), 8."
    )
    assert (p.type, p.fields["title"], p.fields["number"]) == ("report", "Port Fees and Safety", "GAO/RCED-97-12")
    assert (p.fields["location"], p.fields["date"], p.locator) == ("Washington, D.C.", "1997-05", "8")


def test_a_numbered_document_of_an_international_organization_is_its_report():
    p = parse_citation('IMO, "Review of Port Safety 2018," Doc 9123, London: IMO, 2019, p. 7.')
    assert (p.type, p.fields["author"], p.fields["number"], p.fields["institution"]) == (
        "report",
        "{IMO}",
        "9123",
        "IMO",
    )


def test_a_bluebook_report_closes_its_title_with_the_page_and_year():
    p = parse_citation(
        "U.S. Harbor Office, Dredging and Law, Part 1: Ports 22 (2021), https://harbor.example.gov/r.pdf."
    )
    assert (p.fields["title"], p.locator, p.fields["date"]) == ("Dredging and Law, Part 1: Ports", "22", "2021")
    # a law review's volume, journal and first page are no title's page
    p = parse_citation("Ann Lee, Ports and Courts, 85 U. Chi. L. Rev. 609 (2018), https://x.example.edu/a.pdf.")
    assert p.locator != "609"


@pytest.mark.parametrize(
    "note",
    [
        "据笔者统计,1920-1925年间《某报》商业版共刊登广告三百余则。",
        "Подсчитано по отчётам уездных управ за 1901-1905 гг.",
        "筆者作成。",
        "Author's calculations; totals may not add up because of rounding.",
    ],
)
def test_the_authors_own_count_citing_no_source_is_no_citation(note):
    from annobib.extract.citations import read_note

    assert read_note(note).status == "not-a-citation"


@pytest.mark.parametrize(
    "note",
    [
        "据笔者统计，数据来自《某某统计年鉴2015》，北京：某某出版社2015年版。",
        "Подсчитано по: Сборник сведений по уезду. М., 1905. С. 3.",
        "Author's calculations from Ann Lee, Salt and Law (Oslo: Nordic Press, 2015), 4.",
    ],
)
def test_the_authors_count_from_a_cited_source_still_cites_it(note):
    from annobib.extract.citations import read_note

    assert read_note(note).status == "cited"


def test_a_bluebook_short_case_joins_the_case_its_volume_and_page_report():
    x = extract_notes(
        "1. Harbor Ass'n of the Port of Salem v. Lee, 512 U.S. 100, 104 (1994).\n\n"
        "2. Ray v. Holm, 512 U.S. 300, 305 (1994).\n\n"
        "3. Salem, 512 U.S. at 110; Ray, 512 U.S. at 309.\n"
    )
    salem, ray = x.entries
    assert x.notes[2].keys == [salem.key, ray.key]
    assert [c.locator for c in salem.citations] == ["104", "110"]


def test_a_body_that_printed_the_work_in_a_year_with_yin_alone_is_its_publisher():
    p = parse_citation("王某：《某会报告书》，南京：某某体育协进会1932年印，第12页。")
    assert (p.fields["location"], p.fields["publisher"], p.fields["date"], p.locator) == (
        "南京",
        "某某体育协进会",
        "1932",
        "12",
    )
