"""The causes behind blind set 30's misses, each shown on an invented note of the same shape."""

import random

from annobib.extract import extract_notes
from annobib.extract import normalize as N
from annobib.extract.fields import parse_citation


def test_a_document_number_year_is_no_date_of_the_document():
    # 国发〔2021〕5号 numbers the document; its year is not the date it was issued (sets 13, 24, 30)
    p = parse_citation("国务院：《关于改进某某工作的意见》（国发〔2021〕5号）。")
    assert p.type == "legislation" and p.fields["number"] == "国发〔2021〕5号"
    assert "date" not in p.fields
    p = parse_citation("国务院办公厅：《关于某某工作的通知》（国办发〔2017〕32号），2017年4月26日。")
    assert p.fields["date"] == "2017-04-26"


def test_a_bracketed_ji_after_the_book_of_a_chapter_is_its_volume():
    p = parse_citation(
        "王某：《村庄共同体》，载李某主编：《社会变迁论丛》（第3辑），北京：某某出版社2015年版，第5—9页。"
    )
    assert (p.type, p.fields["booktitle"], p.fields["volume"]) == ("incollection", "社会变迁论丛", "3")


def test_a_japanese_journal_numbered_by_shu_has_that_volume():
    p = parse_citation("山田某「教育の格差」『教育学研究』第77集、2010年、5-22頁。")
    assert (p.type, p.fields["volume"], p.fields["pages"]) == ("article", "77", "5-22")


def test_digits_spaced_one_by_one_before_a_counter_are_one_number():
    # a PDF's letter-spacing: 第 1 2 - 2 6 页 is pages 12-26, 指导案例 2 1 8 号 guiding case 218
    x = extract_notes(
        "1 张某:《劳动生产率》,《经济研究》2017年第9期,第 1 2 - 2 6 页。\n\n"
        "2 《某某纠纷案》,最高人民法院指导案例 2 1 8 号。\n"
    )
    article, case = (e.fields for e in x.entries)
    assert article["pages"] == "12-26"
    assert (case["number"], case["institution"]) == ("指导案例218号", "最高人民法院")
    assert N.ocr_confusions("《2 1 8 号》") == "《2 1 8 号》"  # a title keeps its spacing
    assert N.ocr_confusions("Vol. 3, 1 2 号") == "Vol. 3, 12 号"


def test_the_ocr_gate_answers_as_its_regex_with_spaced_counters():
    rng = random.Random(30)
    bits = ["1", "9", " ", "页", "号", "頁", "號", "第", "-", "a"]
    for _ in range(20000):
        t = "".join(rng.choice(bits) for _ in range(rng.randint(0, 7)))
        assert (N._OCR_GATE.search(t) is not None) == N._may_be_misread(t), t


def test_a_report_series_number_and_issuing_city_are_fields_of_their_own():
    # the number after the series (with or without No.) is the report's number, not part of its type;
    # a city and its US state after the series are where it was issued (sets 25, 30)
    p = parse_citation(
        'World Bank, "Ports and Growth: 2019 Review," WB Country Report No. 19/26, Washington, D.C., August 2019, p. 4.'
    )
    assert (p.fields["type"], p.fields["number"], p.fields["location"]) == (
        "WB Country Report",
        "19/26",
        "Washington, D.C.",
    )
    p = parse_citation(
        'Jo Tam, "Tariffs and Ports," PIIE Working Paper 18-3 (Washington, DC: Peterson Institute, 2018), 9.'
    )
    assert (p.fields["type"], p.fields["number"]) == ("PIIE Working Paper", "18-3")
    p = parse_citation('Jo Tam, "Ports," CSIS Brief No. 12, Washington, D.C., May 2020, p. 3.')
    assert p.fields["location"] == "Washington, D.C." and "institution" not in p.fields


def test_a_gbt_back_reference_to_a_numbered_item_reads_its_bare_page():
    from annobib.extract.citations import read_note

    assert read_note("同[2]:102.").citations[0].locator == "102"
    assert read_note("同［1］：9-12。").citations[0].locator == "9-12"
    assert read_note("同[2],第41页。").citations[0].locator == "41"


def test_a_paragraph_closing_a_citation_or_a_back_reference_is_its_locator():
    from annobib.extract.citations import read_note

    p = parse_citation('"Our Common Ports," UN Doc. A/RES/71/9, May 2, 2016, para. 12.')
    assert (p.type, p.locator) == ("report", "para. 12")
    assert read_note("Ibid., paras. 24-26.").citations[0].locator == "paras. 24-26"
    assert read_note("同上,para. 202。").citations[0].locator == "para. 202"


def test_a_page_cited_after_a_chicago_articles_range_is_the_locator():
    p = parse_citation('Ann Lee, "Ports for Sale," Review of Trade 8, no. 2 (1994): 133-50, 140.')
    assert (p.locator, p.fields["pages"]) == ("140", "133-50")
    p = parse_citation('Ann Lee, "Ports for Sale," Review of Trade 8, no. 2 (1994): 133-50.')
    assert (p.locator, p.fields["pages"]) == ("133-50", "133-50")


def test_a_month_and_year_end_an_unquoted_title():
    p = parse_citation("The White House, National Port Strategy of the United States, May 2019, p. 5.")
    assert (p.fields["title"], p.fields["date"], p.locator) == (
        "National Port Strategy of the United States",
        "2019-05",
        "5",
    )


def test_bare_qianyinshu_and_shangyinwen_join_the_work_cited_before():
    # 前引书 naming no author is the last book cited (前引文 the last article), even with an article
    # cited since; 孙某:上引文 is that author's work cited above, like 前引文
    x = extract_notes(
        "（1）孙某:《利率市场化》,《金融研究》2018年第11期,第1-16页。\n"
        "（2）郭某:《地方债务研究》,北京:某某出版社2017年版,第45页。\n"
        "（3）孙某:上引文,第7页。\n"
        "（4）前引书,第52页。\n"
        "（5）前揭文。\n"
    )
    article, book = x.entries
    assert [r.keys for r in x.notes] == [[article.key], [book.key], [article.key], [book.key], [article.key]]
    assert book.fields["citations"] == "n. 2, at 45 || n. 4, at 52"


def test_a_place_before_the_date_of_an_unquoted_report_is_its_location():
    p = parse_citation("Harbour Board, Port Outlook for the Pacific, Suva, June 2019.")
    assert (p.fields["title"], p.fields["location"], p.fields["date"]) == (
        "Port Outlook for the Pacific",
        "Suva",
        "2019-06",
    )
    p = parse_citation("The White House, National Port Strategy, Washington, D.C., October 2022, p. 3.")
    assert (p.fields["title"], p.fields["location"]) == ("National Port Strategy", "Washington, D.C.")
    # with a publisher after it, a month and year belong to the title
    p = parse_citation(
        "Ann Kahn, The Harbour Conference: Suva, Fiji, April 1955, Ithaca: Cornell University Press, 1956."
    )
    assert p.fields["title"] == "The Harbour Conference: Suva, Fiji, April 1955"


def test_a_gbt_item_tagged_z_with_a_laws_title_is_legislation():
    p = parse_citation("全国人民代表大会常务委员会.中华人民共和国某某法[Z].2021-04-29.")
    assert (p.type, p.fields["date"]) == ("legislation", "2021-04-29")
    assert parse_citation("某部.某某管理办法(试行)[Z].2020-12-31.").type == "legislation"
    assert parse_citation("某某.某某手册[Z].2019.").type == "misc"
    assert parse_citation("某部：《某某管理办法（试行）》，2020年12月31日发布。").type == "legislation"


def test_a_russian_document_approved_by_an_act_is_legislation_with_the_acts_date_and_number():
    p = parse_citation(
        "Стратегия развития портов (утв. Указом Президента РФ от 12.05.2021 № 31). "
        "URL: http://example.ru/acts/1 (дата обращения: 15.06.2021)."
    )
    assert p.type == "legislation"
    assert (p.fields["title"], p.fields["date"], p.fields["number"]) == (
        "Стратегия развития портов",
        "2021-05-12",
        "31",
    )
    assert p.fields["urldate"] == "2021-06-15"


def test_a_russian_report_by_gost_kind_number_and_body():
    p = parse_citation("Порты и торговля: модель 2021: доклад № 61/2021 / Совет по портам (СП). М.: НП СП, 2021. 80 с.")
    assert p.type == "report"
    f = p.fields
    assert (f["title"], f["type"], f["number"]) == ("Порты и торговля: модель 2021", "доклад", "61/2021")
    assert (f["author"], f["institution"], f["location"]) == ("{Совет по портам (СП)}", "НП СП", "Москва")
    p = parse_citation(
        "Северный банк развития. Миграция в ЕАЭС: доклад. 2020. URL: https://example.org/r (дата обращения: 10.01.2021)."
    )
    assert (p.type, p.fields["title"]) == ("report", "Миграция в ЕАЭС")


def test_a_russian_title_keeps_the_full_stop_of_its_final_abbreviation():
    p = parse_citation("Иванов И.И. Порты XVII–XIX вв. М.: Наука, 1968. С. 7.")
    assert p.fields["title"] == "Порты XVII–XIX вв."
    p = parse_citation("Петров П.П. Порты Сибири: моногр. / под ред. А.В. Лукина. М.: Наука, 2018. 320 с.")
    assert (p.fields["title"], p.fields["editor"]) == ("Порты Сибири: моногр.", "Лукин, А.В.")


def test_a_japanese_author_after_a_full_stop_opens_a_new_citation():
    from annobib.extract.citations import read_note

    r = read_note("渡部某編『戦後の港湾政策』有斐閣、1985年。猪口某『港湾経済の構図』有斐閣、1982年。")
    assert [c.text for c in r.citations] == [
        "渡部某編『戦後の港湾政策』有斐閣、1985年",
        "猪口某『港湾経済の構図』有斐閣、1982年",
    ]
    r = read_note("渡部某『戦後の港湾』有斐閣、1985年。同書は『外交』を論じる。")
    assert len(r.citations) == 1


def test_a_romanized_newspaper_issue_and_the_comment_after_it():
    # Shenbao, date, page: a newspaper issue, the page its locator (sets 12, 20); an English sentence
    # of comment after the citation is no part of it, an APA title sentence is
    x = extract_notes("1 Shenbao, 3 May 1872, 1. The editorial is unsigned but was probably written by its editor.\n")
    (e,) = x.entries
    assert (e.type, e.fields["journaltitle"], e.fields["date"]) == ("article", "Shenbao", "1872-05-03")
    assert "title" not in e.fields and x.notes[0].status == "cited"
    assert x.entries[0].fields["citations"] == "n. 1, at 1"
    from annobib.extract.citations import read_note

    r = read_note(
        "Tam, S. (2019, May 22). Fewer ports are open, and it may be hurting trade. The Harbour Times. https://example.com/p"
    )
    assert len(r.citations) == 1 and r.citations[0].parsed.type == "article"


def test_apa_credits_presentations_and_pages_retrieved_from_a_long_named_site():
    p = parse_citation("Doe, P., & Roe, J.-C. (1990). Ports in society and culture (R. Nice, Trans.; 2nd ed.). Sage.")
    f = p.fields
    assert (f["title"], f["translator"], f["edition"]) == ("Ports in society and culture", "Nice, R.", "2")
    p = parse_citation(
        "Reyes, M. A., & Kim, S. (2019, April 6). Tracking in port schools [Paper presentation]. "
        "Harbour Research Association Annual Meeting, Toronto, ON, Canada."
    )
    assert p.type == "inproceedings"
    assert (p.fields["eventtitle"], p.fields["venue"]) == (
        "Harbour Research Association Annual Meeting",
        "Toronto, ON, Canada",
    )
    p = parse_citation(
        "National Center for Port Statistics. (2022, May). Characteristics of harbour pilots. U.S. Department "
        "of Transportation, Institute of Maritime Sciences. Retrieved September 12, 2022, from https://example.gov/p"
    )
    assert (p.type, p.fields["organization"]) == (
        "online",
        "U.S. Department of Transportation, Institute of Maritime Sciences",
    )


def test_a_press_release_of_an_office_is_a_web_page_by_that_office():
    p = parse_citation(
        'U.S. Trade Representative, "USTR Announces Port Fees," press release, May 14, 2024, '
        "https://example.gov/ustr-port-fees. Accessed June 2, 2024."
    )
    assert (p.type, p.fields["author"], p.fields["date"]) == ("online", "{U.S. Trade Representative}", "2024-05-14")
    assert "journaltitle" not in p.fields


def test_a_korean_translator_after_the_title_before_the_imprint():
    p = parse_citation("울리히 벡, 『항구사회』, 홍성태 옮김 (서울: 새물결, 1997), 120쪽.")
    assert (p.fields["translator"], p.fields["publisher"], p.locator) == ("홍성태", "새물결", "120")
    p = parse_citation("앤서니 기든스, 『항구의 결과』, 이윤희·이현희 옮김 (서울: 민영사, 1991), 33-35쪽.")
    assert p.fields["translator"] == "이윤희 and 이현희"


def test_op_cit_after_a_quoted_short_title_refers_back():
    x = extract_notes(
        '6. Linda R. Chou, "Guilds and Urban Order in Late Qing Ports" (PhD diss., Yale University, 1998), 112.\n\n'
        '7. Chou, "Guilds," op. cit., 130.\n'
    )
    (e,) = x.entries
    assert x.notes[1].keys == [e.key] and e.fields["citations"] == "n. 6, at 112 || n. 7, at 130"


def test_a_news_site_named_as_author_is_a_body():
    p = parse_citation("新华网:《我国港口吞吐量创新高》,2024年3月22日,http://www.news.cn/tech/20240322/x.html。")
    assert (p.type, p.fields["journaltitle"], p.fields["entrysubtype"]) == ("article", "新华网", "newspaper")
    from annobib.extract.fields.names import is_cjk_org

    assert is_cjk_org("澎湃新闻") and is_cjk_org("新华网") and not is_cjk_org("王立新")


def test_an_account_on_a_platform_as_author_is_the_author_on_that_site():
    p = parse_citation("微信公众号“港口茶话会”:《县级港口的“破圈”之路》,2022年5月9日,https://mp.weixin.qq.com/s/Xq3。")
    assert (p.type, p.fields["author"], p.fields["organization"]) == ("online", "{港口茶话会}", "微信公众号")
