"""The causes behind blind set 29's misses, each shown on an invented note of the same shape."""

from annobib.extract import extract_notes
from annobib.extract.citations import read_note
from annobib.extract.fields import parse_citation
from annobib.extract.normalize import debris_line, normalize


def test_gost_area_dashes_of_a_reference_list_are_full_stops():
    # ``Title. — М.: Publisher, 2011. — 280 с.``: the dash opens an area, it is no part of the title
    p = parse_citation("Орехов П. С. Северные морские пути. — СПб.: Нева, 2009. — 312 с.")
    assert (p.type, p.fields["title"], p.fields["location"], p.fields["date"]) == (
        "book",
        "Северные морские пути",
        "Санкт-Петербург",
        "2009",
    )
    a = parse_citation("Орехов П. С. Лёд и торговля // Вопросы истории. — 2013. — Т. 5, № 2. — С. 10–21.")
    assert (a.type, a.fields["date"], a.fields["volume"], a.fields["number"]) == ("article", "2013", "5", "2")
    # a dash inside a title (not before an area) stays
    t = parse_citation("Орехов П. С. Россия XIX в. — начала XX в. М.: Наука, 2001. С. 5.")
    assert t.fields["title"].startswith("Россия XIX в. — начала XX в")


def test_a_doctoral_thesis_or_its_abstract_is_a_thesis():
    # д-ра (доктора) has no full stop of its own, канд. has one
    p = parse_citation(
        "Орехов П. С. Торговля на Амуре (1860–1900): автореф. дис. … д-ра ист. наук. Хабаровск, 2011. 40 с."
    )
    assert (p.type, p.fields["title"], p.fields["location"], p.fields["date"]) == (
        "thesis",
        "Торговля на Амуре (1860–1900)",
        "Хабаровск",
        "2011",
    )


def test_a_document_approved_by_an_act_is_legislation_with_its_url():
    p = parse_citation(
        "Стратегия развития Арктики : утв. Указом Президента РФ от 05.03.2020 № 164. — URL: "
        "http://example.ru/acts/164 (дата обращения: 01.04.2020)."
    )
    assert (p.type, p.fields["title"], p.fields["date"], p.fields["number"]) == (
        "legislation",
        "Стратегия развития Арктики",
        "2020-03-05",
        "164",
    )
    assert (p.fields["url"], p.fields["urldate"]) == ("http://example.ru/acts/164", "2020-04-01")


def test_cyberleninka_banner_between_notes_is_debris():
    assert debris_line("i Надоели баннеры? Вы всегда можете отключить рекламу.")
    x = extract_notes(
        "1Orekhov P. Ice and Trade. London: Northgate Press, 2001. P. 9.\n"
        "i Надоели баннеры? Вы всегда можете отключить рекламу.\n"
        "2Орехов П. С. Лёд. М.: Наука, 2003. С. 4.\n"
    )
    assert [e.fields["langid"] for e in x.entries] == ["english", "russian"]


def test_digits_a_pdf_spaced_out_are_read_as_numbers():
    x = extract_notes("1 高木 一郎「港湾と地域」『海事研究』第 4 5 号、2 0 1 6 年、2 3 - 4 1 頁。\n2 同上、3 0 頁。\n")
    (e,) = x.entries
    assert (e.fields["number"], e.fields["date"], e.fields["pages"]) == ("45", "2016", "23-41")
    assert [c.locator for c in e.citations] == ["23-41", "30"]


def test_gbt_english_list_of_chinese_works():
    # capitals mark the family name; ``(in Chinese)`` is the work's language, no part of its title
    p = parse_citation(
        "QIAN Hong, SU Li. Ports and the inland economy (in Chinese)[J]. Asian Trade Review, 2018(2): 3-19."
    )
    assert (p.fields["author"], p.fields["title"], p.fields["langid"]) == (
        "QIAN, Hong and SU, Li",
        "Ports and the inland economy",
        "chinese",
    )
    # a dotted abbreviation in a body's name does not end the author list
    o = parse_citation(
        "U.K. Foreign Office. Statement on the harbour talks[EB/OL]. (2020-05-01). https://example.org/s."
    )
    assert (o.fields["author"], o.fields["title"]) == ("{U.K. Foreign Office}", "Statement on the harbour talks")


def test_korean_author_year_notes():
    # an author with a role word (외 = et al., 역 = translator), a thesis, ``57, 1~32쪽`` after a journal
    p = parse_citation("박소연 외, 2011, 『해양 교역사 연구』, 바다출판사, 41쪽.")
    assert (p.type, p.fields["author"], p.fields["publisher"], p.fields["date"]) == (
        "book",
        "박소연 and others",
        "바다출판사",
        "2011",
    )
    t = parse_citation("오지훈, 2016, 『조선 후기 포구 상업 연구』, 부산대학교 석사학위논문.")
    assert (t.type, t.fields["type"], t.fields["institution"]) == ("thesis", "석사학위논문", "부산대학교")
    a = parse_citation(normalize("오지훈, 2014, ｢포구와 객주｣, 『역사와 경제』 31, 5~29쪽."))
    assert (a.fields["number"], a.fields["pages"]) == ("31", "5-29")


def test_korean_author_year_back_reference_joins_its_work():
    x = extract_notes(
        "1 오지훈, 2014, ｢포구와 객주｣, 『역사와 경제』 31, 5~29쪽.\n"
        "2 오지훈, 2016, 『조선 후기 포구 상업 연구』, 부산대학교 석사학위논문.\n"
        "3 오지훈, 2014, 앞의 논문, 12쪽.\n"
    )
    first = x.entries[0]
    assert first.fields["date"] == "2014"
    assert [(c.note, c.locator) for c in first.citations] == [(1, "5-29"), (3, "12")]


def test_romanized_korean_name_with_breves_is_family_first():
    p = parse_citation("Pak Yŏng-ch'ŏl, Haean ŭi sangŏp [Coastal trade] (Seoul: Ilchogak, 1990), 12.")
    assert p.fields["author"] == "Pak, Yŏng-ch'ŏl"


def test_article_numbered_by_issue_alone_keeps_its_pages():
    p = parse_citation("Lin Ma, “Trade and Ports,” Harbour History, no. 4 (2003): 77–101.")
    assert (p.fields["number"], p.fields["pages"], p.locator) == ("4", "77-101", "77-101")


def test_apa_and_harvard_reports_and_apa6_retrieved_from():
    a = parse_citation(
        "Orr, K. (2019). Harbour dues revisited. Port Studies, 12(3), 40-58. Retrieved from https://example.org/a/12"
    )
    assert (a.type, a.fields["title"], a.fields["journaltitle"], a.fields["pages"]) == (
        "article",
        "Harbour dues revisited",
        "Port Studies",
        "40-58",
    )
    r = parse_citation(
        "Harbour Research Office. (2020). Tides and tariffs (HRO Report No. R1234). https://example.org/r"
    )
    assert (r.type, r.fields["title"], r.fields["type"], r.fields["number"]) == (
        "report",
        "Tides and tariffs",
        "HRO Report",
        "R1234",
    )
    h = parse_citation("Orr, K. (2021) Ports after the Pandemic. Policy Brief 21/07. London: Harbour Institute.")
    assert (h.type, h.fields["type"], h.fields["number"], h.fields["institution"]) == (
        "report",
        "Policy Brief",
        "21/07",
        "Harbour Institute",
    )


def test_russian_notes_editor_in_chief_yearbook_newspaper_issue():
    d = parse_citation("Морской словарь: в 2 т. / гл. ред. П. С. Орехов. М.: Флот, 1990. Т. 1. С. 12.")
    assert (d.fields["editor"], d.fields["title"]) == ("Орехов, П. С.", "Морской словарь")
    y = parse_citation("Орехов П. С. Порты Сахалина // Сахалин: ежегодник. Южно-Сахалинск, 2015. Вып. 7. С. 5–20.")
    assert (y.fields["journaltitle"], y.fields["date"], y.fields["number"]) == ("Сахалин: ежегодник", "2015", "7")
    r = read_note("«Новый порт» // Известия. 1960. 23 мая; см. также: Правда. 1960. 24 мая.")
    assert [
        (c.parsed.fields.get("title"), c.parsed.fields["journaltitle"], c.parsed.fields["date"]) for c in r.citations
    ] == [
        ("Новый порт", "Известия", "1960-05-23"),
        (None, "Правда", "1960-05-24"),
    ]


def test_gost_op_cit_of_a_latin_name_joins_its_work():
    x = extract_notes(
        "1 Orekhov P. S. Harbours of the North. London: Northgate Press, 2001. P. 9.\n"
        "2 Лебедев И. П. Лёд. М.: Наука, 2003. С. 4.\n"
        "3 Orekhov P. S. Op. cit. P. 60.\n"
    )
    assert [c.locator for c in x.entries[0].citations] == ["9", "60"]


def test_japanese_article_with_its_journal_publisher_and_korean_books():
    a = parse_citation("高木一郎「港と町」『史学』第12巻第4号、岩波書店、2001年3月、10-30頁。")
    assert (a.type, a.fields["journaltitle"], a.fields["volume"], a.fields["number"], a.fields["pages"]) == (
        "article",
        "史学",
        "12",
        "4",
        "10-30",
    )
    r = parse_citation("해양전략연구소, 『2020 해양안보 전망』 (서울: 해양전략연구소, 2020), 12쪽.")
    assert (r.type, r.fields["institution"]) == ("report", "해양전략연구소")
    e = parse_citation("오지훈, 『항구의 역사』 제3판 (서울: 바다사, 2019), 5쪽.")
    assert e.fields["edition"] == "3"
    o = parse_citation("首相官邸「港湾政策について」2020年5月1日、https://example.jp/p.html。")
    assert o.fields["author"] == "{首相官邸}"


def test_bluebook_book_page_before_the_imprint_and_law_review_heads():
    p = parse_citation("ANNA K. ORR, THE LAW OF HARBOURS 45 (Oxford Univ. Press 2020)")
    assert (p.fields["title"], p.locator) == ("THE LAW OF HARBOURS", "45")
    x = extract_notes(
        "1 ANNA K. ORR, THE LAW OF HARBOURS 45 (Oxford Univ. Press 2020).\n"
        "2 ORR, supra note 1, at 101.\n"
        "1462 COLUMBIA JOURNAL OF TRANSNATIONAL LAW [62:1457\n"
        "3 ORR, supra note 1, at 120.\n"
    )
    assert [c.locator for c in x.entries[0].citations] == ["45", "101", "120"]


def test_harvard_web_pages_a_site_read_online_and_a_body_with_a_comma():
    p = parse_citation(
        "Orr, K. (2023) 'Ports and power', Harbour Forum, 9 May. Available at: https://example.org/p (Accessed: 20 May 2023)."
    )
    assert (p.type, p.fields["organization"], p.fields.get("journaltitle")) == ("online", "Harbour Forum", None)
    n = parse_citation("Orr, K. (2023) 'Ports and power', The Guardian, 9 May. Available at: https://example.org/g.")
    assert (n.type, n.fields["journaltitle"]) == ("article", "The Guardian")  # a newspaper stays an article
    b = parse_citation("Trade, Ports & Harbours Office (2022) Harbour dues. Available at: https://example.org/h.")
    assert (b.fields["author"], b.fields["title"]) == ("{Trade, Ports & Harbours Office}", "Harbour dues")


def test_ibid_same_page_repeats_the_page_cited_last():
    x = extract_notes("1 高木一郎『港と町』岩波書店、2001年、41頁。\n2 同右、同頁。\n3 同上。\n")
    assert [(c.note, c.locator) for c in x.entries[0].citations] == [(1, "41"), (2, "41"), (3, None)]


def test_japanese_call_number_and_korean_chapter_of_the_book_above():
    a = parse_citation("国立図書館所蔵「港湾日誌」(請求記号 ア12 00345)。")
    assert (a.fields["entrysubtype"], a.fields["library"], a.fields["number"]) == (
        "archive",
        "国立図書館",
        "ア12 00345",
    )
    assert "author" not in a.fields
    c = parse_citation("오지훈, 「포구와 객주」, 박소연 편, 위의 책, 45-70쪽.")
    assert (c.type, c.fields["editor"], c.fields["pages"]) == ("incollection", "박소연", "45-70")


def test_an_english_remark_with_is_or_are_cites_nothing():
    assert read_note("Korean names are written family name first, except for authors of English works.").status == (
        "not-a-citation"
    )
    # a sentence-case title with its year and publisher is still a citation
    assert read_note("Orr, K. (2019). Ports are changing fast in the north. Harbor Press.").status == "cited"


def test_a_short_form_closing_a_remark_before_see_also_is_kept():
    r = read_note(
        "On ports see note 2; the reading here follows Orr, Harbour Power, 30–34. See also Ada Venn, "
        "Tides of Trade (Leeds: Northgate, 2008), 12."
    )
    assert [(c.kind, c.locator) for c in r.citations] == [("short", "30-34"), ("full", "12")]


def test_guillemets_inside_a_russian_title_stay():
    p = parse_citation("Орехов П. С. Экономика «ресурсного проклятия» // Вопросы экономики. 2010. № 3. С. 5–20.")
    assert p.fields["title"] == "Экономика «ресурсного проклятия»"
