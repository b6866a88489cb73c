"""The causes behind blind set 26's misses, each shown on an invented note of the same shape."""

from annobib.extract import extract_notes
from annobib.extract.notes import loose_notes


def test_a_reference_list_heading_of_any_common_wording_is_no_item():
    # ``Reference list`` (Harvard guides), ``Works cited``, ``Literature cited``: the heading is
    # dropped, so item 1 is the first reference and every later item keeps its own number
    for heading in ("Reference list", "REFERENCE LIST", "Literature cited", "Selected bibliography"):
        text = (
            f"{heading}\n"
            "Okafor, B. and Lind, S. (eds.) (2011) Harbour Towns in Transition. Leeds: Northgate.\n"
            "Quill, J. (1999) Tidal Commerce. Bristol: Avonside Press.\n"
        )
        notes = loose_notes(text)
        assert [(n.number, n.text[:6]) for n in notes] == [(1, "Okafor"), (2, "Quill,")], heading
    x = extract_notes("Reference list\nQuill, J. (1999) Tidal Commerce. Bristol: Avonside Press.\n")
    assert [e.fields["author"] for e in x.entries] == ["Quill, J."]


def test_westlaw_fn_labels_are_note_markers():
    # a law article copied from Westlaw labels its notes ``FN1.``: the label is the marker, so it
    # numbers the note and stays out of the title and the author, and ``Id.`` follows note 1
    text = (
        "FN1. Marta Solberg, Harbour Liability Reconsidered, 41 Tulane Mar. L.J. 210, 214 (2017).\n\n"
        "FN2. Id. at 219.\n\nFN3. Ruth Ode & Kenji Amos, Salvage Law, 12 Tex. L. Rev. 5 (1990).\n"
    )
    notes = loose_notes(text)
    assert [(n.number, n.text[:5]) for n in notes] == [(1, "Marta"), (2, "Id. a"), (3, "Ruth ")]
    x = extract_notes(text)
    assert [e.fields["title"] for e in x.entries] == ["Harbour Liability Reconsidered", "Salvage Law"]
    assert x.notes[1].keys == [x.entries[0].key]


def test_an_ocr_scan_of_an_old_journal_reads_like_clean_text():
    # l for 1 in years and pages, 杜 for 社, spaced page digits, 一 for a range's dash
    x = extract_notes(
        "1 赵某:《江村蚕桑史》, 上海书局出版杜l992年版, 第7l页。\n\n"
        "2 同上书, 第2 4页。\n\n"
        "3 钱某:《丝业公所考》,《经济史论丛》l990年第2期, 第33一35页。\n"
    )
    book, article = (e.fields for e in x.entries)
    assert (book["publisher"], book["date"]) == ("上海书局出版社", "1992")
    assert article["date"] == "1990" and article["pages"] == "33-35"
    assert [r.status for r in x.notes] == ["cited"] * 3 and x.notes[1].keys == [x.entries[0].key]


def test_the_ocr_gate_holds_every_fix():
    from annobib.extract import normalize as N

    for t in ("出版杜", "杂志杜", "l9", "9l", "3一4", "第 3 4页", "第12 3頁", "p. l2l"):
        assert N._OCR_FIX.search(t) and N._OCR_GATE.search(t) and N._may_be_misread(t), t
    import random

    rng = random.Random(26)  # the fast gate answers as the regex it stands for
    bits = ["l", "1", "9", "出版", "杜", "杂志", "一", "第", " ", "a", "版"]
    for _ in range(20000):
        t = "".join(rng.choice(bits) for _ in range(rng.randint(0, 7)))
        assert (N._OCR_GATE.search(t) is not None) == N._may_be_misread(t), t


def test_harvard_online_items_drop_the_medium_and_read_bracketed_access_dates():
    # ``[online]`` is no part of the title; ``[Accessed …]`` and ``(Accessed: …)`` both give the
    # urldate; an organization before the year is the author; ``A and B: Publisher`` is two places
    x = extract_notes(
        "Reference list\n"
        "Harbour Trust (2019) Quayside Renewal Plan [online]. Available at: https://example.org/quay "
        "[Accessed 9 March 2020].\n"
        "Moss, K. (2015) Tidal Cities [online]. Hull: Estuary Press. Available at: https://example.org/tc "
        "(Accessed: 2 June 2016).\n"
        "Pike, R. (1998) Dock Labour. Leeds and York: Ouse Books.\n"
    )
    plan, book, docks = (e.fields for e in x.entries)
    assert (plan["title"], plan["author"], plan["urldate"]) == (
        "Quayside Renewal Plan",
        "{Harbour Trust}",
        "2020-03-09",
    )
    assert (book["title"], book["publisher"], book["urldate"]) == ("Tidal Cities", "Estuary Press", "2016-06-02")
    assert (docks["title"], docks["location"], docks["publisher"]) == ("Dock Labour", "Leeds and York", "Ouse Books")


def test_but_cf_and_sm_naprimer_open_a_citation_without_joining_it():
    # Bluebook's ``but cf.``/``but see`` (also after a URL's ``;``) and Russian ``См., например:``
    # are signal words: cut off, never read into an author or a title
    x = extract_notes(
        "1 Ann Roe, Tidal Law (Boston: Shore Press, 2001), 12; but cf. Sam Poe, Dry Land (Austin: Mesa Press, 2004).\n\n"
        "2 Tom Fay, River Rules, Lawfare (May 2, 2020), https://example.org/rr; but see Roe, supra note 1, at 15.\n\n"
        "3 См., например: Петров И.И. Морское право. М.: Юрист, 2010.\n"
    )
    by_title = {e.fields["title"]: e.fields for e in x.entries}
    assert by_title["Dry Land"]["author"] == "Poe, Sam"
    assert by_title["Морское право"]["author"] == "Петров, И.И."
    assert len(x.notes[1].keys) == 2 and x.notes[1].keys[1] == x.notes[0].keys[0]  # supra joins note 1


def test_korean_web_copy_brackets_and_a_jip_alone_read_as_an_article():
    # half-width ｢｣ and an ASCII <journal>: the article's marks; 제N집 with no 호 numbers the issue
    x = extract_notes("1 한서윤, ｢근대 항구와 상인｣, <해양사연구> 제41집, 2015, pp. 33-60.\n")
    (e,) = x.entries
    assert e.type == "article"
    assert (e.fields["author"], e.fields["title"], e.fields["journaltitle"]) == (
        "한서윤",
        "근대 항구와 상인",
        "해양사연구",
    )
    assert (e.fields.get("number"), e.fields.get("volume"), e.fields["pages"]) == ("41", None, "33-60")


def test_an_internal_print_is_no_website():
    # （内部资料） / 内部参考 say how a compilation circulated: a book, not an online page
    x = extract_notes(
        "1 某县档案馆编：《某县水利志稿》（内部资料），1988年印，第12页。\n\n2 某市统计局：《某市统计手册》，内部参考，2001年，第5页。\n"
    )
    assert [(e.type, e.fields.get("organization")) for e in x.entries] == [("book", None), ("book", None)]


def test_japanese_sociology_comma_year_items_and_a_remark_after_them():
    # ``Family, I., Year, Title``: the year set off by commas (Japanese sociology's Western items);
    # an article's ``78(6): 1360-1380``; a Japanese remark after the full stop is no part of it
    x = extract_notes(
        '1 Okafor, B. N., 1998, "Harbour Guilds and Trust," Journal of Port Studies, 12(3): 201-219. '
        "ここでの「信頼」概念は、本稿の議論にとって示唆的である。\n\n"
        "2 Lind, S. and Roe, A., 2004, Tidal Commerce, Bristol: Avonside Press, pp. 8-9.\n"
    )
    art, book = (e.fields for e in x.entries)
    assert (art["author"], art["date"], art["journaltitle"]) == ("Okafor, B. N.", "1998", "Journal of Port Studies")
    assert (art["volume"], art["number"], art["pages"]) == ("12", "3", "201-219")
    assert (book["author"], book["title"], book["publisher"]) == (
        "Lind, S. and Roe, A.",
        "Tidal Commerce",
        "Avonside Press",
    )


def test_a_bare_collected_works_title_is_not_a_short_form_of_a_shorter_title():
    # 《茅盾全集》 after 《茅盾》 (a biography): a short form may add a little to a title, never double it
    x = extract_notes(
        "1 ［日］某某：《茅盾》，李某译，杭州：某某出版社1990年版，第23页。\n\n2 《茅盾全集》第6卷，第55页。\n"
    )
    assert len(x.entries) == 2 and x.notes[1].keys != x.notes[0].keys


def test_russian_acts_site_pages_dotted_journals_and_latin_op_cit_pages():
    x = extract_notes(
        "1 Федеральный закон от 06.10.2003 № 131-ФЗ «Об общих принципах местного самоуправления».\n\n"
        "2 Выборы 2019 // Избирком края. URL: http://example.ru/vybory-2019/ (дата обращения: 02.03.2020).\n\n"
        "3 Орлов П.Н. Партии в регионах // Вестник МГУ. Политические науки. 2018. № 2. С. 10–25.\n\n"
        "4 Hale H.E. Patronal Politics. New York: Cambridge University Press, 2015. P. 7.\n\n"
        "5 Hale. Op. cit. P. 44.\n"
    )
    act, page, art, book = x.entries
    assert (act.type, act.fields["title"], act.fields["number"]) == (
        "legislation",
        "Об общих принципах местного самоуправления",
        "131-ФЗ",
    )
    assert act.fields["date"] == "2003-10-06"
    assert page.type == "online" and "journaltitle" not in page.fields
    assert (art.fields["journaltitle"], art.fields["date"]) == ("Вестник МГУ. Политические науки", "2018")
    assert x.notes[4].keys == [book.key]


def test_a_gost_style_latin_book_without_a_page_is_read_as_gost():
    # ``Family I.I. Title. Place: Publisher, Year.`` (an English book in a Russian note), no ``P.``
    x = extract_notes("1 Roe A.B. Tidal Regimes. Boston: Shore Press, 2011.\n")
    (e,) = x.entries
    assert (e.type, e.fields["author"], e.fields["title"]) == ("book", "Roe, A.B.", "Tidal Regimes")
    assert (e.fields["location"], e.fields["publisher"], e.fields["date"]) == ("Boston", "Shore Press", "2011")


def test_front_matter_pages_in_roman_numerals_are_locators():
    # ``(…, 2013), xxi.`` after a Chicago imprint and ``Id. at xxiv.``: lower-case Roman page numbers
    x = extract_notes(
        "1 Harbour Board, Port Futures, Report No. 4411 (Boston: Shore Press, 2013), xxi.\n\n2 Id. at xxiv.\n\n"
        "3 Jane Roe, Tides (Boston: Shore, 2001), xiv–xvi.\n"
    )
    report = x.entries[0]
    assert (report.fields["number"], report.fields["location"]) == ("4411", "Boston")
    assert x.notes[1].keys == [report.key]
    from annobib.extract.fields.features import bare_page

    assert [bare_page(t) for t in ("xxi.", "xiv–xvi", "c", "civil", "ic")] == ["xxi", "xiv-xvi", None, None, None]


def test_a_gbt_c_part_is_a_chapter_unless_its_host_names_a_conference():
    x = extract_notes(
        "[1] ROE A, POE S. Tidal trade[C]//LIND K, MOSS R. The economics of harbours. Boston: Shore Press, 2019: 10-30.\n"
        "[2] 王某. 港口治理[C]//中国港口学会. 中国港口学会2018年年会论文集. 北京: 某出版社, 2018: 5-9.\n"
    )
    assert [e.type for e in x.entries] == ["incollection", "inproceedings"]


def test_a_japanese_publishing_association_and_a_volume_word_before_the_publisher():
    x = extract_notes(
        "1 山田某『港町の近代』日本放送出版協会、1999年、12頁。\n\n2 田中某:『海運史研究』下巻,某県史料編纂所,1938年,第40頁。\n"
    )
    assert [e.fields.get("publisher") for e in x.entries] == ["日本放送出版協会", "某県史料編纂所"]


def test_an_intergovernmental_acronym_author_is_braced_as_an_organization():
    x = extract_notes("1 IMF, Port Economies Outlook, IMF Country Report No. 18/99 (Washington, DC: IMF, 2018), 7.\n")
    assert x.entries[0].fields["author"] == "{IMF}"


def test_zenkei_then_the_author_between_commas_joins_that_author():
    x = extract_notes("1 宮城某『港の戦後史』某書房、2001年、45頁。\n\n2 前掲、宮城、50頁。\n")
    assert x.notes[1].status == "cited" and x.notes[1].keys == [x.entries[0].key]


def test_an_essay_in_a_volume_of_collected_works_without_imprint_is_inbook():
    x = extract_notes("1 茅盾：《论杂文》，《茅盾全集》第18卷，第77页。\n")
    (e,) = x.entries
    assert (e.type, e.fields["booktitle"], e.fields["volume"]) == ("inbook", "茅盾全集", "18")
    assert "journaltitle" not in e.fields


def test_back_reference_locators_in_gost_latin_and_roman_numerals():
    from annobib.extract.citations import read_note

    assert read_note("Hale. Op. cit. P. 44.").citations[0].locator == "44"
    assert read_note("Id. at xxiv.").citations[0].locator == "xxiv"


def test_a_board_or_an_authority_before_the_title_is_a_corporate_author():
    x = extract_notes(
        "1 Shanghai Municipal Board, Report for the Year 1901 (Shanghai: Kelly, 1902), 4.\n\n"
        "2 Port of Leith Authority, Annual Accounts 1911 (Edinburgh: Oliver, 1912), 9.\n"
    )
    assert [e.fields["author"] for e in x.entries] == ["{Shanghai Municipal Board}", "{Port of Leith Authority}"]
