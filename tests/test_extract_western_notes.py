"""Western note forms: Chicago, Harvard and APA books, articles, reports, news and posts.
Each case was written for these tests (not taken from any evaluation set)."""

import pytest
from conftest import first_entry, run_notes

from annobib.extract.citations import read_note
from annobib.extract.fields import parse_citation


def test_report_numbers_with_slash_and_dash():
    x, _ = run_notes(
        '[1] Ann Lee, "Credit Booms and Busts," IMF Working Paper No. 12/81, April 2012, p. 9.\n'
        '[2] Bob Carr, "Trade Frictions," NBER Working Paper No. 2018-07, 2018.\n'
        '[3] Cai Lin, "Fiscal Rules," IMF Working Paper WP/15/22, 2015.\n'
    )
    nums = [e.fields.get("number") for e in x.entries]
    assert nums == ["12/81", "2018-07", "WP/15/22"]
    assert all(e.type == "report" for e in x.entries)
    assert x.entries[2].fields["type"] == "IMF Working Paper"


def test_identifier_wrapped_at_hyphen_joins_without_space():
    from annobib.extract.document import join_lines

    assert join_lines(["中国第二历史档案馆藏，档号 Q173-", "2-45。"]) == "中国第二历史档案馆藏，档号 Q173-2-45。"
    assert join_lines(["Journal of Things, pp. 45-", "47."]) == "Journal of Things, pp. 45-47."
    assert join_lines(["the so-", "called rule"]) == "the so-called rule"
    assert join_lines(["Inter-", "national Se-", "curity"]) == "International Security"  # typeset hyphenation
    assert join_lines(["the Indo-", "Pacific"]) == "the Indo-Pacific"
    assert join_lines(["ends with a dash -", "and more"]) == "ends with a dash - and more"


def test_year_inside_the_title_is_not_the_publication_year():
    x, _ = run_notes(
        "[1] Asian Development Bank, Asia 2050: Realizing the Asian Century, Manila: Asian Development Bank, 2011, pp. 12-14.\n"
        "[2] Jane Roe, Vision 2035: A Plan, New York: Norton, 2019, p. 4.\n"
    )
    assert [e.fields["date"] for e in x.entries] == ["2011", "2019"]
    assert x.entries[0].fields["title"].startswith("Asia 2050")


def test_venue_keeps_the_state_or_dc_after_the_city():
    x, _ = run_notes(
        '[1] John Doe, "Talk on Trade," paper presented at the Annual Meeting of the Trade Society, '
        "Washington, D.C., May 4, 2016.\n"
        '[2] John Doe, "Other Talk," paper presented at the Annual Meeting of the Trade Society, Austin, TX, May 5, 2016.\n'
    )
    assert [e.fields.get("venue") for e in x.entries] == ["Washington, D.C.", "Austin, TX"]
    assert x.entries[0].fields["date"] == "2016-05-04"


def test_un_document_symbol_is_a_report_number():
    x, _ = run_notes(
        '[1] "Boosting Growth," UN Doc. E/2019/55, May 2, 2019.\n'
        '[2] UN General Assembly, "Some Resolution," U.N. Doc. A/RES/68/262, March 27, 2014, p. 2.\n'
    )
    a, b = x.entries
    assert a.type == b.type == "report"
    assert (a.fields["type"], a.fields["number"], a.fields["date"]) == ("UN Doc.", "E/2019/55", "2019-05-02")
    assert b.fields["number"] == "A/RES/68/262" and "journaltitle" not in b.fields
    assert b.citations[0].locator == "2"


def test_igo_report_series_after_quoted_title_is_a_report():
    x, _ = run_notes(
        '[1] World Bank, "Growth Amid Headwinds," East Asia and Pacific Economic Update, April 2022, '
        "https://www.worldbank.org/en/publication/eap-update-apr2022.\n"
    )
    e = x.entries[0]
    assert e.type == "report"
    assert e.fields["type"] == "East Asia and Pacific Economic Update"
    assert e.fields["institution"] == "World Bank" and e.fields["date"] == "2022-04"
    assert "journaltitle" not in e.fields and "entrysubtype" not in e.fields


def test_apa_references():
    x, _ = run_notes(
        "[1] Acemoglu, D., Johnson, S., & Robinson, J. A. (2001). The colonial origins of comparative development: "
        "An empirical investigation. American Economic Review, 91(5), 1369-1401.\n"
        "[2] Lardy, N. R. (2014). Markets over Mao: The rise of private business in China. Washington, DC: "
        "Peterson Institute for International Economics.\n"
        "[3] Li, X.-Y. (2020, March 5). Why growth slowed? China Economic Review, 60, 101-120.\n"
    )
    a, b, c = x.entries
    assert a.type == "article"
    assert a.fields["author"] == "Acemoglu, D. and Johnson, S. and Robinson, J. A."
    assert (a.fields["journaltitle"], a.fields["volume"], a.fields["number"], a.fields["pages"], a.fields["date"]) == (
        "American Economic Review",
        "91",
        "5",
        "1369-1401",
        "2001",
    )
    assert a.fields["title"].startswith("The colonial origins") and a.fields["title"].endswith("investigation")
    assert b.type == "book" and b.fields["publisher"] == "Peterson Institute for International Economics"
    assert b.fields["location"] == "Washington, DC" and b.fields["date"] == "2014"
    assert c.fields["author"] == "Li, X.-Y." and c.fields["date"] == "2020-03-05" and c.fields["volume"] == "60"


def test_chicago_paren_imprint_with_volume_colon_pages_and_comma_publisher():
    x, by_key = run_notes(
        "1. Ann Carter, “Salt and the State,” in The Fiscal History of Qing China, ed. Mary Lee and Otto van Dam "
        "(Oxford: Oxford University Press, 2019), 3:101–19.\n\n"
        "2. Peter Hall, Money and Markets in Canton (Boston: Little, Green, 1911), 2:64.\n\n"
        "3. Ruth Ames, “Silver Flows” (PhD diss., Yale University, 2004), 77.\n"
    )
    ch, book, thesis = (by_key[n.keys[0]] for n in x.notes)
    assert ch.type == "incollection" and ch.fields["volume"] == "3" and ch.fields["pages"] == "101-19"
    assert ch.fields["publisher"] == "Oxford University Press" and ch.citations[0].locator == "101-19"
    assert book.fields["publisher"] == "Little, Green" and book.fields["title"] == "Money and Markets in Canton"
    assert book.fields["volume"] == "2" and book.citations[0].locator == "64"
    assert thesis.type == "thesis" and thesis.fields["institution"] == "Yale University"
    assert thesis.citations[0].locator == "77"


def test_chicago_journal_title_with_commas():
    x, by_key = run_notes(
        "1. Ann Carter, “Tax Farms,” Journal of Money, Credit, & Banking 12, no. 3 (May 1980): 9–30.\n"
    )
    e = by_key[x.notes[0].keys[0]]
    assert e.fields["journaltitle"] == "Journal of Money, Credit, \\& Banking"  # as the .bib holds it
    assert (e.fields["volume"], e.fields["number"], e.fields["pages"]) == ("12", "3", "9-30")


def test_a_western_sentence_without_commas_is_commentary():
    x, _ = run_notes("1. For the year 1911 the figures are not reliable; we use the later revision here.\n")
    assert x.notes[0].status == "not-a-citation" and not x.entries


def test_working_paper_with_chicago_imprint_and_blog_label():
    x, by_key = run_notes(
        "1. Ann Carter and Bill Noyes, “Rice Prices,” NBER Working Paper No. 9911 (Cambridge, MA: National Bureau "
        "of Economic Research, 2003).\n\n"
        "2. Ann Carter, “Why Silver Left,” Brookings Institution (blog), May 2, 2020, https://www.example.org/silver.\n"
    )
    wp, blog = (by_key[n.keys[0]] for n in x.notes)
    assert (wp.type, wp.fields["type"], wp.fields["number"]) == ("report", "NBER Working Paper", "9911")
    assert (
        wp.fields["institution"] == "National Bureau of Economic Research" and wp.fields["location"] == "Cambridge, MA"
    )
    assert blog.type == "online" and blog.fields["organization"] == "Brookings Institution"


def test_a_comma_less_western_citation_with_an_imprint_is_still_a_citation():
    x, _ = run_notes("1. Smith J. The Origins of the Modern State. London: Routledge 1990.\n")
    assert x.notes[0].status == "cited" and x.entries


def test_harvard_journal_article_with_quoted_title():
    e = first_entry(
        "Okafor, C.N. and Lindqvist, B. (2018) ‘Why do small states hedge?’, Pacific Review, 31(2), pp. 140–162."
    )
    assert e.type == "article"
    f = e.fields
    assert f["author"] == "Okafor, C.N. and Lindqvist, B."
    assert f["title"] == "Why do small states hedge?"
    assert (f["journaltitle"], f["volume"], f["number"], f["pages"], f["date"]) == (
        "Pacific Review",
        "31",
        "2",
        "140-162",
        "2018",
    )


def test_harvard_book_with_place_publisher_and_page():
    x, by_key = run_notes("Marsh, P. (2009) The Grain Ports of the Levant. Cambridge: Polity, p. 88.")
    e = by_key[x.notes[0].keys[0]]
    assert e.type == "book"
    assert (e.fields["title"], e.fields["location"], e.fields["publisher"]) == (
        "The Grain Ports of the Levant",
        "Cambridge",
        "Polity",
    )
    assert e.citations[0].locator == "88"


def test_harvard_corporate_author_report_number_and_access():
    e = first_entry(
        "Parliamentary Budget Office (2021) Fiscal Outlook for the Northern Ports, PBO Report 2021-07. Ottawa: PBO."
    )
    assert e.type == "report"
    assert e.fields["author"] == "{Parliamentary Budget Office}"
    assert e.fields["title"] == "Fiscal Outlook for the Northern Ports"
    assert (e.fields["type"], e.fields["number"]) == ("PBO Report", "2021-07")
    e = first_entry(
        "Grattan Institute (2022) Housing Affordability 2022. Melbourne: Grattan Institute. "
        "Available at: https://example.org/housing/ (Accessed: 4 May 2022)."
    )
    assert e.type == "report" and e.fields["title"] == "Housing Affordability 2022"
    assert e.fields["url"] == "https://example.org/housing/" and e.fields["urldate"] == "2022-05-04"


def test_harvard_news_outlet_and_day_month():
    e = first_entry(
        "Bloomberg (2021) ‘Port congestion spreads to Europe’, 14 October. "
        "Available at: https://example.com/news/port (Accessed: 2 November 2021)."
    )
    assert e.type == "article" and e.fields["entrysubtype"] == "newspaper"
    assert e.fields["journaltitle"] == "Bloomberg" and "author" not in e.fields
    assert e.fields["date"] == "2021-10-14" and e.fields["urldate"] == "2021-11-02"


def test_author_year_without_title_is_not_a_corporate_author():
    from annobib.extract.fields import parse_harvard

    assert parse_harvard("Keohane (1984), p. 12.") is None


def test_post_with_handle_is_online_with_platform_as_organization():
    e = first_entry(
        "Jane Q. Doe (@janeqdoe), “The harbour reopens tomorrow,” Twitter, May 5, 2020, https://twitter.com/janeqdoe/status/1."
    )
    assert e.type == "online"
    assert (e.fields["author"], e.fields["organization"], e.fields["date"]) == ("Doe, Jane Q.", "Twitter", "2020-05-05")
    assert e.fields["title"] == "The harbour reopens tomorrow"
    e = first_entry(
        "Port Authority of Busan [@BusanPort], “New berth opened,” X, June 2, 2023, https://x.com/BusanPort/status/2."
    )
    assert e.fields["author"] == "{Port Authority of Busan}" and e.fields["organization"] == "X"


def test_report_number_between_title_and_imprint():
    e = first_entry(
        "Ann Carter et al., Harbors under Pressure: Port Security in the Pacific, RR-B1234-2 "
        "(Arlington, VA: Hudson Research Center, 2019), 33–35."
    )
    assert e.type == "report"
    assert e.fields["title"] == "Harbors under Pressure: Port Security in the Pacific"
    assert (e.fields["number"], e.fields["institution"], e.fields["location"]) == (
        "RR-B1234-2",
        "Hudson Research Center",
        "Arlington, VA",
    )


def test_month_in_the_imprint_and_p_after_the_parentheses():
    e = first_entry("Paul Reyes, Tides of Trade: Shipping in Asia (Washington, DC: Stimson Center, March 2021), 14.")
    assert e.type == "report"
    assert (e.fields["institution"], e.fields["location"], e.fields["date"]) == (
        "Stimson Center",
        "Washington, DC",
        "2021-03",
    )
    x, by_key = run_notes("Ruth Olsen, The Long Shore: A History of Fishing (Oxford: Clarendon Press, 1999), p. 212.")
    e = by_key[x.notes[0].keys[0]]
    assert e.type == "book" and e.fields["title"] == "The Long Shore: A History of Fishing"
    assert (e.fields["location"], e.fields["publisher"]) == ("Oxford", "Clarendon Press")
    assert e.citations[0].locator == "212"


def test_harvard_chapter_in_edited_book():
    e = first_entry(
        "Novak, P. (2016) ‘Ports and empire’, in Hale, R. and Ortiz, M. (eds) Sea Lanes: A Reader. "
        "Leiden: Brill, pp. 44–61."
    )
    assert e.type == "incollection"
    assert (e.fields["editor"], e.fields["booktitle"], e.fields["publisher"], e.fields["pages"]) == (
        "Hale, R. and Ortiz, M.",
        "Sea Lanes: A Reader",
        "Brill",
        "44-61",
    )


def test_harvard_edition_et_al_online_tag_and_no_date():
    e = first_entry("Ortiz, M. et al. (2012) Sea Power Today. 3rd edn. London: Verso.")
    assert (e.fields["author"], e.fields["title"], e.fields["edition"]) == (
        "Ortiz, M. and others",
        "Sea Power Today",
        "3",
    )
    e = first_entry("Ports Council (2019) Harbour Report 2019 [Online]. Leeds: Ports Council.")
    assert e.fields["title"] == "Harbour Report 2019"
    e = first_entry("Hale, R. (n.d.) Tide Tables. Available at: https://example.org/tides (Accessed: 2 May 2020).")
    assert e.type == "online" and e.fields["title"] == "Tide Tables" and "date" not in e.fields


def test_institute_white_paper_it_publishes_itself_is_a_report():
    e = first_entry("해양연구원, 「2022 해양안보 백서」 (부산: 해양연구원, 2022), 8쪽.")
    assert e.type == "report" and e.fields["institution"] == "해양연구원"
    assert e.fields["publisher"] == "해양연구원" and e.fields["location"] == "부산"


def test_harvard_and_apa_news_items_and_a_corporate_strategy_online():
    e = first_entry(
        "Guardian (2022) ‘Ports strike ends’, The Guardian, 9 June. Available at: https://example.com/g (Accessed: 1 July 2022)."
    )
    assert (e.type, e.fields["journaltitle"], e.fields["entrysubtype"], e.fields["date"]) == (
        "article",
        "The Guardian",
        "newspaper",
        "2022-06-09",
    )
    assert "author" not in e.fields
    e = first_entry("Okoro, B. (2021) ‘Shipping after the pandemic’, Financial Times, 5 May.")
    assert (e.fields["author"], e.fields["journaltitle"], e.fields["date"]) == (
        "Okoro, B.",
        "Financial Times",
        "2021-05-05",
    )
    e = first_entry("Vale, T. (2020, March 3). Harbours reopen. The Boston Globe. https://example.com/b")
    assert (e.type, e.fields["journaltitle"], e.fields["entrysubtype"]) == ("article", "The Boston Globe", "newspaper")
    e = first_entry(
        "Ports Council (2020) National Ports Strategy. Available at: https://example.org/s (Accessed: 2 May 2021)."
    )
    assert e.type == "report" and e.fields["author"] == "{Ports Council}"


def test_chicago_book_and_chapter_credits_after_the_title():
    x, _ = run_notes(
        "1 Salt and Empire: The Gabelle in Early Modern France, ed. by Odile M. Ferrand (Rennes: Presses\n"
        "Armoricaines, 2015), 12.\n"
        "2 Pierre Danton, “Smugglers and Tax Farmers,” in Ferrand, Salt and Empire, 88–103.\n"
        "3 Julie Roche, “Salt Roads, 1640–1710,” in Markets and Monarchy, 1600–1800, ed. Paul Gide and Anna\n"
        "Ries, vol. 1 (Paris: Belin, 2011), 201–19, at 205.\n"
    )
    book, chapter, chapter2 = x.entries
    assert book.type == "book" and book.fields["editor"] == "Ferrand, Odile M."
    assert book.fields["title"] == "Salt and Empire: The Gabelle in Early Modern France"
    assert "author" not in book.fields
    assert chapter.type == "incollection"
    assert (chapter.fields["editor"], chapter.fields["booktitle"]) == ("Ferrand", "Salt and Empire")
    assert chapter.fields["pages"] == "88-103" and chapter.citations[0].locator == "88-103"
    assert chapter2.fields["booktitle"] == "Markets and Monarchy, 1600–1800"
    assert chapter2.fields["publisher"] == "Belin" and chapter2.fields["date"] == "2011"


def test_a_journal_numbered_by_issue_only():
    e = first_entry("1. Ana Ruiz, “Village Courts and the State,” The Andean Review, No. 117 (2015), pp. 2045-2071.\n")
    assert e.fields["journaltitle"] == "The Andean Review"
    assert (e.fields.get("volume"), e.fields["number"], e.fields["pages"]) == (None, "117", "2045-2071")


def test_authors_title_and_imprint_set_off_by_full_stops():
    e = first_entry(
        "1. Mara Ilves, Tomas J. Berg and Anu Saar. Small States in the Baltic Order. Tartu: Tartu University Press, "
        "2017, p. 44.\n"
    )
    assert e.fields["author"] == "Ilves, Mara and Berg, Tomas J. and Saar, Anu"
    assert e.fields["title"] == "Small States in the Baltic Order"
    assert (e.fields["location"], e.fields["publisher"], e.fields["date"]) == (
        "Tartu",
        "Tartu University Press",
        "2017",
    )


def test_an_imprint_of_place_and_year_only():
    e = first_entry("1. Henry Olcott, Letters from the Levant (London, 1822), 17.\n")
    assert (e.type, e.fields["title"], e.fields["location"], e.fields["date"]) == (
        "book",
        "Letters from the Levant",
        "London",
        "1822",
    )


@pytest.mark.parametrize(
    "note,journal,date,locator",
    [
        ("Ceylon Daily News, 9 August 1948, 3.", "Ceylon Daily News", "1948-08-09", "3"),
        ("The Straits Times, June 4, 1931, p. 7.", "The Straits Times", "1931-06-04", "7"),
        ("Bombay Gazette, 2 Jan. 1866.", "Bombay Gazette", "1866-01-02", None),
    ],
)
def test_a_newspaper_cited_by_its_name_and_date_alone_is_that_issue(note, journal, date, locator):
    c = read_note(note).citations[0]
    assert (c.parsed.type, c.parsed.fields["journaltitle"], c.parsed.fields["date"]) == ("article", journal, date)
    assert "title" not in c.parsed.fields and "author" not in c.parsed.fields
    assert c.locator == locator


def test_a_chapter_set_off_by_full_stops_with_in_colon_is_a_chapter():
    c = read_note(
        "Mei Ota. Rice Tariffs after the War. In: K. Ishida, ed. Trade Policy in Postwar Japan. "
        "Kyoto: Minerva Press, 1999. pp.12-30."
    ).citations[0]
    assert c.parsed.type == "incollection"
    assert (c.parsed.fields["author"], c.parsed.fields["editor"]) == ("Ota, Mei", "Ishida, K.")
    assert (c.parsed.fields["title"], c.parsed.fields["booktitle"]) == (
        "Rice Tariffs after the War",
        "Trade Policy in Postwar Japan",
    )
    assert (c.parsed.fields["publisher"], c.parsed.fields["pages"], c.locator) == ("Minerva Press", "12-30", "12-30")


def test_a_page_after_a_bracketed_imprint_without_a_comma_is_the_locator():
    c = read_note("Ruth Okoye, Wages and Waivers: Contract Labour Law (Hart Publishing, 2016) 212-14.").citations[0]
    f = c.parsed.fields
    assert (f["title"], f["publisher"], f["date"]) == (
        "Wages and Waivers: Contract Labour Law",
        "Hart Publishing",
        "2016",
    )
    assert c.locator == "212-14"


@pytest.mark.parametrize("credit", ["In: R. Aldana and P. Quiroga (eds.),", "in R. Aldana and P. Quiroga, eds.,"])
def test_unquoted_chapter_with_the_editors_before_the_book(credit):
    p = parse_citation(
        f"M. Ferreira, Water Rights in the Andes, {credit} Rural Reform Revisited, "
        "University of Texas Press, 2003, pp. 11-39."
    )
    assert p.type == "incollection"
    assert p.fields["editor"] == "Aldana, R. and Quiroga, P."
    assert p.fields["booktitle"] == "Rural Reform Revisited"
    assert (p.fields["publisher"], p.fields["pages"]) == ("University of Texas Press", "11-39")


def test_ibid_with_folios_keeps_them_as_its_locator():
    assert [c.locator for c in read_note("Ibid., fols. 112–14.").citations] == ["112-14"]
    assert [c.locator for c in read_note("Ibid., fol. 9.").citations] == ["9"]


def test_esp_before_the_page_or_chapter_cited_after_the_imprint():
    p = parse_citation("Noor Halim, Port Cities: Trade and Rule, 1790–1880 (Leeds: Harbour Press, 2009), esp. chap. 4.")
    assert (p.fields["title"], p.fields["publisher"], p.fields["date"]) == (
        "Port Cities: Trade and Rule, 1790–1880",
        "Harbour Press",
        "2009",
    )
    assert p.locator is None  # a chapter is no page
    assert parse_citation("Noor Halim, Port Cities (Leeds: Harbour Press, 2009), especially 51–53.").locator == "51-53"


def test_a_serial_list_of_editors_after_ed_is_read_whole():
    chapter = parse_citation(
        "Ines Alba, “Wells,” in Water and Towns, ed. Omar Said, Lena Holt, and Piet Vos (Bristol: Quay Press, 2001), 40–59."
    )
    assert chapter.fields["editor"] == "Said, Omar and Holt, Lena and Vos, Piet"
    book = parse_citation(
        "Mary Dunn, Letters Home, ed. Jon Ray, Ada Kirk, and Tom Lee, 3 vols. (Boston: Hill Press, 1980), 2:45."
    )
    assert book.fields["editor"] == "Ray, Jon and Kirk, Ada and Lee, Tom"
    assert book.fields["title"] == "Letters Home"


def test_a_span_wrapped_after_its_dash_joins_without_space():
    x, _ = run_notes("[1] Mary Dunn, Letters Home, 1840–\n1861 (Boston: Hill Press, 1980), 45.\n")
    assert x.entries[0].fields["title"] == "Letters Home, 1840–1861"


@pytest.mark.parametrize(
    "note", ["Fieldnotes, Bishkek, 3 June 2015.", "Author’s field notes, Karakol, 9 July 2018. Names are changed."]
)
def test_a_fieldnotes_record_is_no_citation(note):
    # like 田野笔记 / Interview with: the writer's own record, no work to cite
    assert read_note(note).status == "not-a-citation"


def test_trans_by_names_the_translator_without_by():
    p = parse_citation("Marc Duval, Salt and Power, trans. by Anne Rowe, London: Quay Books, 2001, p. 8.")
    assert (p.fields["translator"], p.fields["title"]) == ("Rowe, Anne", "Salt and Power")


def test_indonesian_and_vietnamese_page_words_and_a_vietnamese_title():
    # hlm. (halaman) and tr. (trang) are the page words, số the issue; Vietnamese letters name the language
    x, by_key = run_notes(
        "1. Siti Rahmawati, “Kebijakan Pangan di Jawa,” Jurnal Ekonomi Daerah, Vol. 3, No. 2 (2017), hlm. 41-58.\n"
        "2. Lê Thị Hoa, “Kinh tế hợp tác xã ở đồng bằng,” Tạp chí Kinh tế, số 215, 2016, tr. 17-29.\n"
    )
    idn, vie = (by_key[n.keys[0]] for n in x.notes)
    assert (idn.fields["journaltitle"], idn.fields["pages"], idn.citations[0].locator) == (
        "Jurnal Ekonomi Daerah",
        "41-58",
        "41-58",
    )
    assert (vie.fields["number"], vie.fields["pages"], vie.fields["langid"]) == ("215", "17-29", "vietnamese")


def test_an_edition_of_two_qualifiers_in_an_unquoted_note_leaves_the_title():
    # "revised and enlarged edition" between the title and the imprint is the edition, as printed
    book = parse_citation(
        "Mary Holt, Reason and Its Limits: A Study, corrected and enlarged edition, Oxford and New York: "
        "Clarendon Press, 2001, pp. 11-14."
    )
    assert (book.fields["title"], book.fields["edition"]) == (
        "Reason and Its Limits: A Study",
        "corrected and enlarged edition",
    )
    assert (book.fields["publisher"], book.locator) == ("Clarendon Press", "11-14")


def test_a_serial_list_in_a_book_title_stays_in_the_booktitle():
    # the commas of "Ports, Traders and Tides" are the title's own, not where the book's volume begins
    p = parse_citation(
        'Jane Doe, "Harbour Towns," in Coastal Lives: Ports, Traders and Tides in the North Sea, '
        "ed. John Roe (Leiden: Brill, 2011), 12-30."
    )
    assert p.fields["booktitle"] == "Coastal Lives: Ports, Traders and Tides in the North Sea"
    assert (p.fields["publisher"], p.fields["pages"]) == ("Brill", "12-30")
    p = parse_citation(
        'Jane Doe, "Harbour Towns," in Coastal Lives, vol. 2, ed. John Roe (Leiden: Brill, 2011), 12-30.'
    )
    assert (p.fields["booktitle"], p.fields.get("volume")) == ("Coastal Lives", "2")


def test_a_british_note_stops_the_unquoted_title_before_the_imprint():
    # Names, Title. Place: Publisher, Year: the full stop ends the title, the imprint is no part of it
    book = parse_citation("R. Hale, Harbours of the North Sea 1850-1914. Hull: Humber Press, 1988, pp. 12-19.")
    assert book.type == "book"
    assert (book.fields["title"], book.fields["location"], book.fields["publisher"]) == (
        "Harbours of the North Sea 1850-1914",
        "Hull",
        "Humber Press",
    )
    # an initial's stop inside the title is no end of it; a state after the town is part of the place
    p = parse_citation(
        "D.K. Marsh, Canals, in B. Lowe (ed), Essays on Inland Transport. Ithaca, NY: Cornell University Press, 1979."
    )
    assert (p.type, p.fields["booktitle"], p.fields["location"]) == (
        "incollection",
        "Essays on Inland Transport",
        "Ithaca, NY",
    )
    p = parse_citation("L. Fenn, Letters of John F. Dunmore. Boston: Beacon Press, 1961.")
    assert p.fields["title"] == "Letters of John F. Dunmore"
    # the stop of ``trans.`` introduces the translator, no imprint: the title stays as it was
    p = parse_citation("Marc Bloch, Feudal Society, trans. Ann Brown, London: Routledge, 1962, p. 9.")
    assert (p.fields["title"], p.fields["translator"]) == ("Feudal Society", "Brown, Ann")


def test_a_british_journal_note_reads_journal_volume_and_issue_date():
    # Names, Title. Journal, 12 (May 1987) 201-219: an article, its issue's month in the date
    p = parse_citation("H.R. Tove, Dockland renewal. Town Planning Review, 12 (May 1987) 201-219.")
    assert p.type == "article"
    assert (p.fields["title"], p.fields["journaltitle"], p.fields["volume"]) == (
        "Dockland renewal",
        "Town Planning Review",
        "12",
    )
    assert (p.fields["date"], p.fields["pages"]) == ("1987-05", "201-219")


def test_editors_put_together_a_book_even_at_a_foundation():
    # a foundation that prints a volume its editors assembled publishes a book, not a report
    p = parse_citation("A. Byrd and C. Lund (eds), Cities in Transition. New York: Carnegie Foundation, 1990.")
    assert (p.type, p.fields["publisher"]) == ("book", "Carnegie Foundation")


def test_an_author_list_keeps_a_name_with_a_particle():
    # "Derek J. de Solla Price": five words, one a particle, still one person of the list
    p = parse_citation(
        "Ann Holt, Mark Dunn and Pieter H. van der Berg, Tidal Mills of the Low Countries, Leiden: Brill, 1998, p. 4."
    )
    assert p.fields["author"] == "Holt, Ann and Dunn, Mark and van der Berg, Pieter H."
    assert p.fields["title"] == "Tidal Mills of the Low Countries"


def test_an_unquoted_title_keeps_its_own_commas_unspaced():
    # "10,000" and "'Canals,' 1790" are printed so: the title comes back as printed, not "10, 000"
    p = parse_citation("Rose Lamb, The 10,000 Locks of England (London: Faber, 1981), 12.")
    assert p.fields["title"] == "The 10,000 Locks of England"
    p = parse_citation("T. Kerr, Building the 'Grand Canals,' 1790-1830, London: Faber, 1985, p. 3.")
    assert p.fields["title"] == "Building the 'Grand Canals,' 1790-1830"


def test_a_comma_after_the_issue_date_still_leads_to_the_pages():
    # Journal 12:3 (1998), 45–67: a comma where Chicago prints a colon
    p = parse_citation('Ann Roe, "Mill Towns," Labour History 12:3 (1998), 45–67.')
    assert (p.fields["volume"], p.fields["number"], p.fields["pages"], p.locator) == ("12", "3", "45-67", "45-67")


def test_an_apa_title_asking_a_question_keeps_its_subtitle():
    # Title? Subtitle. Journal, 3(2), 10–20.: the question does not end the title
    p = parse_citation(
        "Lee, K., & Moss, T. (2018). Why do canals close? Traffic and tolls in northern England. "
        "Transport History Review, 3(2), 10–20."
    )
    assert p.fields["title"] == "Why do canals close? Traffic and tolls in northern England"
    assert p.fields["journaltitle"] == "Transport History Review"
    # an abbreviated journal after the question is no subtitle
    p = parse_citation("Lee, K. (2018). Why do canals close? J. Transp. Hist., 3(2), 10–20.")
    assert p.fields["title"] == "Why do canals close?"


def test_a_russian_double_issue_keeps_both_numbers():
    # № 3–4: a double issue; a longer signature (№ 21-18-00123) is no range
    p = parse_citation("Иванов И.И. Перепись и итоги // Вопросы статистики. 2019. № 3–4. С. 10–20.")
    assert p.fields["number"] == "3-4"
    p = parse_citation("Иванов И.И. Перепись и итоги // Вопросы статистики. 2019. № 21-18-00123. С. 10–20.")
    assert p.fields["number"] == "21"
