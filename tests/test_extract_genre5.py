"""Genre fixes found by a fifth unseen test set (tests/data/extract_heldout5/); own strings here."""

from annobib.extract import extract_notes, extract_text
from annobib.extract.document import split_pages


def _run(text):
    x = extract_notes(text)
    return x, {e.key: e for e in x.entries}


def _one(text):
    x, by_key = _run(text)
    return by_key[x.notes[0].keys[0]]


# ---------------------------------------------------------------- 1. superscript markers

def test_superscript_markers_in_body_and_notes():
    text = ("— 40 —\n《东亚评论》2021 年第 4 期\n"
            "海洋秩序的变化早已引起注意。¹ 其影响远及渔业与航运。²\n"
            "¹ 陈立：《海洋与秩序》，北京：海洋出版社 2010 年版，第 12 页。\n"
            "² 同上，第 15 页。\n"
            "— 41 —\n《东亚评论》2021 年第 4 期\n"
            "渔业争端的解决需要新的机制。¹\n"
            "¹ 陈立：前引书，第 20 页。\n")
    x = extract_text(text)
    assert [(n.note.page, n.note.number, n.status) for n in x.notes] == [(40, 1, "cited"), (40, 2, "cited"), (41, 1, "cited")]
    assert all(n.note.linked for n in x.notes)
    assert len(x.entries) == 1 and [c.locator for c in x.entries[0].citations] == ["12", "15", "20"]


def test_two_digit_superscript_markers_in_loose_notes():
    x, _ = _run("¹² Mary Lee, The Salt Road (London: Verso, 2001), 3.\n\n¹³ Ibid., 7.\n")
    assert [n.note.number for n in x.notes] == [12, 13]
    assert x.notes[1].keys == x.notes[0].keys


# ---------------------------------------------------------------- 2. folio on the running-head line

def test_folio_at_start_or_end_of_running_head_line_set_off_by_spaces():
    text = ("58　东亚评论　2021 年第 4 期\n"
            "海洋秩序的变化¹\n"
            "正文第一页的文字。¹\n"
            "¹ 陈立：《海洋与秩序》，海洋出版社 2010 年版，第 12 页。\n"
            "海洋秩序的变化　59\n"
            "正文第二页的文字。¹\n"
            "¹ 同上，第 13 页。\n"
            "60　东亚评论　2021 年第 4 期\n"
            "正文第三页的文字。¹\n"
            "¹ 同上，第 14 页。\n")
    doc = split_pages(text)
    assert [p.number for p in doc.pages] == [58, 59, 60]
    assert doc.title == "海洋秩序的变化"
    x = extract_text(text)
    assert [(n.note.page, n.note.number) for n in x.notes] == [(58, 1), (59, 1), (60, 1)]


def test_a_body_line_ending_in_a_number_is_not_a_folio():
    doc = split_pages("The fleet grew to 300\nships by the end of the decade, and then to\n2020 levels again.\n")
    assert [p.number for p in doc.pages] == [None]


# ---------------------------------------------------------------- 3. Harvard author-date

def test_harvard_journal_article_with_quoted_title():
    e = _one("Okafor, C.N. and Lindqvist, B. (2018) ‘Why do small states hedge?’, Pacific Review, 31(2), pp. 140–162.")
    assert e.type == "article"
    f = e.fields
    assert f["author"] == "Okafor, C.N. and Lindqvist, B."
    assert f["title"] == "Why do small states hedge?"
    assert (f["journaltitle"], f["volume"], f["number"], f["pages"], f["date"]) == ("Pacific Review", "31", "2", "140-162", "2018")


def test_harvard_book_with_place_publisher_and_page():
    x, by_key = _run("Marsh, P. (2009) The Grain Ports of the Levant. Cambridge: Polity, p. 88.")
    e = by_key[x.notes[0].keys[0]]
    assert e.type == "book"
    assert (e.fields["title"], e.fields["location"], e.fields["publisher"]) == ("The Grain Ports of the Levant", "Cambridge", "Polity")
    assert e.citations[0].locator == "88"


def test_harvard_corporate_author_report_number_and_access():
    e = _one("Parliamentary Budget Office (2021) Fiscal Outlook for the Northern Ports, PBO Report 2021-07. Ottawa: PBO.")
    assert e.type == "report"
    assert e.fields["author"] == "{Parliamentary Budget Office}"
    assert e.fields["title"] == "Fiscal Outlook for the Northern Ports"
    assert (e.fields["type"], e.fields["number"]) == ("PBO Report", "2021-07")
    e = _one("Grattan Institute (2022) Housing Affordability 2022. Melbourne: Grattan Institute. "
             "Available at: https://example.org/housing/ (Accessed: 4 May 2022).")
    assert e.type == "report" and e.fields["title"] == "Housing Affordability 2022"
    assert e.fields["url"] == "https://example.org/housing/" and e.fields["urldate"] == "2022-05-04"


def test_harvard_news_outlet_and_day_month():
    e = _one("Bloomberg (2021) ‘Port congestion spreads to Europe’, 14 October. "
             "Available at: https://example.com/news/port (Accessed: 2 November 2021).")
    assert e.type == "article" and e.fields["entrysubtype"] == "newspaper"
    assert e.fields["journaltitle"] == "Bloomberg" and "author" not in e.fields
    assert e.fields["date"] == "2021-10-14" and e.fields["urldate"] == "2021-11-02"


def test_author_year_without_title_is_not_a_corporate_author():
    from annobib.extract.fields import parse_harvard
    assert parse_harvard("Keohane (1984), p. 12.") is None


# ---------------------------------------------------------------- 4. Japanese / Korean imprints in parentheses

def test_japanese_imprint_in_parentheses_and_translator_before_it():
    e = _one("高橋実『港町の近代』（岩波書店、1998年）、12頁。")
    assert (e.fields["publisher"], e.fields["date"]) == ("岩波書店", "1998")
    e = _one("ポール・ケネディ『海の覇権』鈴木主税訳（草思社、1993年）、40頁。")
    assert e.fields["translator"] == "鈴木主税" and e.fields["publisher"] == "草思社"


def test_korean_place_publisher_in_parentheses():
    e = _one("박지훈, 『바다의 정치』 (부산: 해양출판사, 2015), 77쪽.")
    assert e.type == "book"
    assert (e.fields["location"], e.fields["publisher"], e.fields["date"]) == ("부산", "해양출판사", "2015")


# ---------------------------------------------------------------- 9. access dates written after the date

def test_japanese_and_korean_access_dates():
    e = _one("国土交通省「港湾統計」、2020年5月1日、https://example.jp/stat.html（2021年7月3日閲覧）。")
    assert e.fields["urldate"] == "2021-07-03"
    e = _one("해양수산부, 「항만 통계」, 2020년 5월 1일, https://example.kr/stat (검색일: 2021년 7월 4일).")
    assert e.fields["urldate"] == "2021-07-04"


# ---------------------------------------------------------------- 11. Korean issue and newspaper page

def test_korean_issue_after_volume_and_lettered_newspaper_page():
    e = _one("최민수, 「항만과 도시」, 『해양연구』 제12권 3호 (2019), pp. 1-20.")
    assert (e.fields["volume"], e.fields["number"]) == ("12", "3")
    e = _one("「부산항 물동량 증가」, 『부산일보』, 2022년 1월 5일, B3면.")
    assert e.fields["pages"] == "B3"


# ---------------------------------------------------------------- 5. Western case law and awards

def test_us_style_case_citation_is_jurisdiction():
    x, by_key = _run("Marbury v. Madison, 5 U.S. 137, 177 (1803).\n\nSmith v. Ocean Freight Co., 412 F.3d 88 (2d Cir. 2005).")
    e = by_key[x.notes[0].keys[0]]
    assert e.type == "jurisdiction"
    assert (e.fields["title"], e.fields["journaltitle"], e.fields["volume"], e.fields["pages"], e.fields["date"]) == (
        "Marbury v. Madison", "U.S.", "5", "137", "1803")
    assert e.citations[0].locator == "177"
    e = by_key[x.notes[1].keys[0]]
    assert e.type == "jurisdiction" and e.fields["institution"] == "2d Cir." and e.fields["journaltitle"] == "F.3d"


def test_international_judgment_and_award():
    e = _one("Fisheries Jurisdiction (Spain v. Canada), Jurisdiction of the Court, Judgment, I.C.J. Reports 1998, p. 432.")
    assert e.type == "jurisdiction"
    assert e.fields["title"] == "Fisheries Jurisdiction (Spain v. Canada)"
    assert (e.fields["journaltitle"], e.fields["date"]) == ("I.C.J. Reports", "1998")
    x, by_key = _run("The Arctic Sunrise Arbitration (Netherlands v. Russia), PCA Case No. 2014-02, Award of 14 August 2015, paras. 12-14.")
    e = by_key[x.notes[0].keys[0]]
    assert e.type == "jurisdiction"
    assert (e.fields["number"], e.fields["date"], e.fields["institution"]) == ("2014-02", "2015-08-14", "PCA")
    assert e.citations[0].locator == "paras. 12-14"


def test_a_title_with_v_is_not_a_case_without_a_reporter_or_court_cue():
    e = _one("Mary Lee, “Chess v. Go: Strategy in East Asia,” Pacific Review 12, no. 3 (2001): 45–67.")
    assert e.type == "article"


# ---------------------------------------------------------------- 6. posts on social media

def test_post_with_handle_is_online_with_platform_as_organization():
    e = _one("Jane Q. Doe (@janeqdoe), “The harbour reopens tomorrow,” Twitter, May 5, 2020, https://twitter.com/janeqdoe/status/1.")
    assert e.type == "online"
    assert (e.fields["author"], e.fields["organization"], e.fields["date"]) == ("Doe, Jane Q.", "Twitter", "2020-05-05")
    assert e.fields["title"] == "The harbour reopens tomorrow"
    e = _one("Port Authority of Busan [@BusanPort], “New berth opened,” X, June 2, 2023, https://x.com/BusanPort/status/2.")
    assert e.fields["author"] == "{Port Authority of Busan}" and e.fields["organization"] == "X"


# ---------------------------------------------------------------- 7./8. Chicago report numbers and imprints

def test_report_number_between_title_and_imprint():
    e = _one("Ann Carter et al., Harbors under Pressure: Port Security in the Pacific, RR-B1234-2 "
             "(Arlington, VA: Hudson Research Center, 2019), 33–35.")
    assert e.type == "report"
    assert e.fields["title"] == "Harbors under Pressure: Port Security in the Pacific"
    assert (e.fields["number"], e.fields["institution"], e.fields["location"]) == ("RR-B1234-2", "Hudson Research Center", "Arlington, VA")


def test_month_in_the_imprint_and_p_after_the_parentheses():
    e = _one("Paul Reyes, Tides of Trade: Shipping in Asia (Washington, DC: Stimson Center, March 2021), 14.")
    assert e.type == "report"
    assert (e.fields["institution"], e.fields["location"], e.fields["date"]) == ("Stimson Center", "Washington, DC", "2021-03")
    x, by_key = _run("Ruth Olsen, The Long Shore: A History of Fishing (Oxford: Clarendon Press, 1999), p. 212.")
    e = by_key[x.notes[0].keys[0]]
    assert e.type == "book" and e.fields["title"] == "The Long Shore: A History of Fishing"
    assert (e.fields["location"], e.fields["publisher"]) == ("Oxford", "Clarendon Press")
    assert e.citations[0].locator == "212"


# ---------------------------------------------------------------- 10. back-references opening a multi-citation note

def test_ibid_before_a_see_also_citation_is_kept():
    x, by_key = _run("［1］刘海：《港口与腹地》，人民出版社 2008 年版，第 5 页。\n\n"
                     "［2］同上，第 7 页；另参见孙平：《航运史》，商务印书馆 2012 年版，第 30 页。\n")
    first = x.notes[0].keys[0]
    assert x.notes[1].keys[0] == first and len(x.notes[1].keys) == 2
    assert [c.locator for c in by_key[first].citations] == ["5", "7"]
    assert by_key[x.notes[1].keys[1]].fields["author"] == "孙平"


def test_author_date_short_form_after_a_url_and_semicolon():
    x, by_key = _run("1. Keller, T. (2015). Harbours of the north. Journal of Maritime History, 12(1), 1–20.\n\n"
                     "2. See Ana Ruiz, “Port Data,” Sea Monitor, May 2020, https://example.org/ports/; and Keller (2015), p. 9.\n")
    first = x.notes[0].keys[0]
    assert len(x.notes[1].keys) == 2 and x.notes[1].keys[1] == first
    assert by_key[first].citations[-1].locator == "9"


# ---------------------------------------------------------------- 9. Korean government bodies

def test_korean_ministry_is_an_organization_and_a_strategy_is_a_report():
    e = _one("해양수산부, 「해양 안보 전략」, 2021년 3월 4일, https://example.kr/strategy.")
    assert e.fields["author"] == "{해양수산부}" and e.type == "report"
    e = _one("김정부, 「해양의 미래」, 『해양연구』 제3권 1호 (2020), pp. 1-9.")
    assert e.fields["author"] == "김정부"


def test_harvard_chapter_in_edited_book():
    e = _one("Novak, P. (2016) ‘Ports and empire’, in Hale, R. and Ortiz, M. (eds) Sea Lanes: A Reader. "
             "Leiden: Brill, pp. 44–61.")
    assert e.type == "incollection"
    assert (e.fields["editor"], e.fields["booktitle"], e.fields["publisher"], e.fields["pages"]) == (
        "Hale, R. and Ortiz, M.", "Sea Lanes: A Reader", "Brill", "44-61")


def test_bare_numbered_notes_are_not_read_as_numbered_running_heads():
    from annobib.extract.document import _numbered_heads
    assert _numbered_heads(["正文。", "3 同上", "正文。", "5 同上"]) == {}
    # note numbers restart per page: a repeated number is no folio, even when the text repeats
    assert _numbered_heads(["1 Maritime Studies", "x", "1 Maritime Studies", "y", "2 Maritime Studies"]) == {}
    assert _numbered_heads(["58　东亚评论　2021 年第 4 期", "正文。", "60　东亚评论　2021 年第 4 期"]) == {
        0: (58, "东亚评论　2021 年第 4 期"), 2: (60, "东亚评论　2021 年第 4 期")}


def test_uk_and_eu_case_citations():
    e = _one("R v Hollis [2017] UKSC 4, [21].")
    assert e.type == "jurisdiction"
    assert (e.fields["title"], e.fields["institution"], e.fields["number"], e.fields["date"]) == ("R v Hollis", "UKSC", "4", "2017")
    assert e.citations[0].locator == "[21]"
    e = _one("Hedley v Barnes [1964] AC 465.")
    assert (e.fields["journaltitle"], e.fields["pages"], e.fields["date"]) == ("AC", "465", "1964")
    e = _one("Case C-101/19 Alpha v Commission [2020] ECLI:EU:C:2020:1.")
    assert e.type == "jurisdiction" and e.fields["number"] == "C-101/19" and e.fields["title"] == "Alpha v Commission"


def test_harvard_edition_et_al_online_tag_and_no_date():
    e = _one("Ortiz, M. et al. (2012) Sea Power Today. 3rd edn. London: Verso.")
    assert (e.fields["author"], e.fields["title"], e.fields["edition"]) == ("Ortiz, M. and others", "Sea Power Today", "3")
    e = _one("Ports Council (2019) Harbour Report 2019 [Online]. Leeds: Ports Council.")
    assert e.fields["title"] == "Harbour Report 2019"
    e = _one("Hale, R. (n.d.) Tide Tables. Available at: https://example.org/tides (Accessed: 2 May 2020).")
    assert e.type == "online" and e.fields["title"] == "Tide Tables" and "date" not in e.fields


def test_bare_number_markers_before_full_width_brackets_and_a_surname_that_is_a_measure_word():
    text = ("— 30 —\n《港口研究》2021 年第 4 期\n"
            "港口的扩张很快。1 航运随之增长。2 共有 30 余人参加。\n"
            "1 ［日］田中一郎：《港湾史》，海洋出版社 2001 年版，第 3 页。\n"
            "2 余平：《航运史》，商务印书馆 2012 年版，第 30 页。\n")
    x = extract_text(text)
    assert [(n.note.number, n.status) for n in x.notes] == [(1, "cited"), (2, "cited")]
    assert sorted(e.fields["author"] for e in x.entries) == ["余平", "田中一郎"]


def test_case_keys_name_the_parties():
    x, _ = _run("Marbury v. Madison, 5 U.S. 137 (1803).\n\n"
                "Fisheries Jurisdiction (Spain v. Canada), Judgment, I.C.J. Reports 1998, p. 432.\n\n"
                "Prosecutor v. Blaskic, Case No. IT-95-14-A, Judgment, 29 July 2004, para. 41.")
    assert [e.key for e in x.entries] == ["marbury1803madison", "spain1998canada", "prosecutor2004blaskic"]


def test_institute_white_paper_it_publishes_itself_is_a_report():
    e = _one("해양연구원, 「2022 해양안보 백서」 (부산: 해양연구원, 2022), 8쪽.")
    assert e.type == "report" and e.fields["institution"] == "해양연구원"
    assert e.fields["publisher"] == "해양연구원" and e.fields["location"] == "부산"


def test_korean_volume_as_jip_or_without_je_and_japanese_translator_before_a_kana_press():
    e = _one("최은정, 「해양 협력」, 『해양정치논총』 제41집 3호 (2018), 10-30쪽.")
    assert (e.fields["volume"], e.fields["number"]) == ("41", "3")
    e = _one("최은정, 「해양 협력」, 『해양연구』 17권 4호 (2018), pp. 10-30.")
    assert (e.fields["volume"], e.fields["number"]) == ("17", "4")
    e = _one("ジョン・スミス『海の帝国』山田太郎訳（みすず、2010年）、5頁。")
    assert e.fields["translator"] == "山田太郎" and e.fields["publisher"] == "みすず"


def test_harvard_and_apa_news_items_and_a_corporate_strategy_online():
    e = _one("Guardian (2022) ‘Ports strike ends’, The Guardian, 9 June. Available at: https://example.com/g (Accessed: 1 July 2022).")
    assert (e.type, e.fields["journaltitle"], e.fields["entrysubtype"], e.fields["date"]) == ("article", "The Guardian", "newspaper", "2022-06-09")
    assert "author" not in e.fields
    e = _one("Okoro, B. (2021) ‘Shipping after the pandemic’, Financial Times, 5 May.")
    assert (e.fields["author"], e.fields["journaltitle"], e.fields["date"]) == ("Okoro, B.", "Financial Times", "2021-05-05")
    e = _one("Vale, T. (2020, March 3). Harbours reopen. The Boston Globe. https://example.com/b")
    assert (e.type, e.fields["journaltitle"], e.fields["entrysubtype"]) == ("article", "The Boston Globe", "newspaper")
    e = _one("Ports Council (2020) National Ports Strategy. Available at: https://example.org/s (Accessed: 2 May 2021).")
    assert e.type == "report" and e.fields["author"] == "{Ports Council}"


def test_short_prose_lines_starting_with_years_are_not_numbered_heads():
    from annobib.extract.document import _numbered_heads
    assert _numbered_heads(["2019 the fleet was rebuilt", "x", "2020 it grew again in size"]) == {}
    assert _numbered_heads(["ASIAN SECURITY REVIEW 8", "x", "9 Minilateralism and Alliances"]) == {
        0: (8, "ASIAN SECURITY REVIEW"), 2: (9, "Minilateralism and Alliances")}


def test_numbered_section_headings_are_not_folios():
    from annobib.extract.document import _numbered_heads
    assert _numbered_heads(["2 Literature Review", "text", "3 Data and Methods", "text", "4 Results"]) == {}
    # the contrast: the same climbing numbers, first on one page and last on the next (verso/recto)
    assert _numbered_heads(["2 Maritime Review", "text", "Ports and Power 3", "text", "4 Maritime Review"]) == {
        0: (2, "Maritime Review"), 2: (3, "Ports and Power"), 4: (4, "Maritime Review")}
