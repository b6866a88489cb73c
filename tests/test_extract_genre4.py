"""Genre fixes found by a fourth unseen test set (tests/data/extract_heldout4/); own strings here."""

from annobib.extract import extract_notes, extract_text


def _run(text):
    x = extract_notes(text)
    return x, {e.key: e for e in x.entries}


def test_full_width_bracket_markers_in_loose_notes():
    x, by_key = _run(
        "［1］张华：《货币与信用》，北京：商务印书馆 1988 年版，第 7 页。\n\n"
        "［2］同上，第 9 页。\n\n"
        "［3］［英］约翰·希克斯：《经济史理论》，厉以平译，商务印书馆 1987 年版。\n")
    assert [n.note.number for n in x.notes] == [1, 2, 3]
    key = x.notes[0].keys[0]
    assert by_key[key].fields["author"] == "张华"
    assert x.notes[1].status == "cited" and x.notes[1].keys == [key]
    assert by_key[x.notes[2].keys[0]].fields["author"] == "约翰·希克斯"


def test_endnotes_with_full_width_brackets_after_the_body():
    text = ("— 12 —\n《经济史研究》2021 年第 3 期\n"
            "明代白银货币化的进程早已引起学界注意。［1］其影响远及财政与赋役。［2］\n"
            "白银与赋役\n— 13 —\n"
            "一条鞭法的推行与白银流入密切相关。［3］\n注释：\n"
            "［1］赵明：《白银与明代社会》，北京：中华书局 2005 年版，第 44 页。\n"
            "［2］同上，第 50 页。\n"
            "［3］赵明：前引书，第 61 页。\n")
    x = extract_text(text)
    assert [(n.note.page, n.note.number, n.status) for n in x.notes] == [(13, 1, "cited"), (13, 2, "cited"), (13, 3, "cited")]
    assert len(x.entries) == 1 and x.entries[0].fields["author"] == "赵明"
    assert [c.locator for c in x.entries[0].citations] == ["44", "50", "61"]
    assert all(n.note.linked for n in x.notes)


def test_chicago_paren_imprint_with_volume_colon_pages_and_comma_publisher():
    x, by_key = _run(
        "1. Ann Carter, “Salt and the State,” in The Fiscal History of Qing China, ed. Mary Lee and Otto van Dam "
        "(Oxford: Oxford University Press, 2019), 3:101–19.\n\n"
        "2. Peter Hall, Money and Markets in Canton (Boston: Little, Green, 1911), 2:64.\n\n"
        "3. Ruth Ames, “Silver Flows” (PhD diss., Yale University, 2004), 77.\n")
    ch, book, thesis = (by_key[n.keys[0]] for n in x.notes)
    assert ch.type == "incollection" and ch.fields["volume"] == "3" and ch.fields["pages"] == "101-19"
    assert ch.fields["publisher"] == "Oxford University Press" and ch.citations[0].locator == "101-19"
    assert book.fields["publisher"] == "Little, Green" and book.fields["title"] == "Money and Markets in Canton"
    assert book.fields["volume"] == "2" and book.citations[0].locator == "64"
    assert thesis.type == "thesis" and thesis.fields["institution"] == "Yale University"
    assert thesis.citations[0].locator == "77"


def test_chicago_journal_title_with_commas():
    x, by_key = _run("1. Ann Carter, “Tax Farms,” Journal of Money, Credit, & Banking 12, no. 3 (May 1980): 9–30.\n")
    e = by_key[x.notes[0].keys[0]]
    assert e.fields["journaltitle"] == "Journal of Money, Credit, & Banking"
    assert (e.fields["volume"], e.fields["number"], e.fields["pages"]) == ("12", "3", "9-30")


def test_bare_chicago_pages_in_back_references_and_after_a_date():
    x, by_key = _run(
        "1. Ann Carter, “Tax Farms,” Economic History Review 12, no. 3 (1980): 9–30.\n\n"
        "2. Carter, op. cit., 14.\n\n"
        "3. Carter, “Tax Farms,” 17–18.\n\n"
        "4. Bill Noyes, “Canton Revisited,” The Economist, May 3, 2001, 55.\n")
    key = x.notes[0].keys[0]
    assert x.notes[1].keys == [key] and x.notes[2].keys == [key]
    assert [c.locator for c in by_key[key].citations] == ["9-30", "14", "17-18"]
    assert by_key[x.notes[3].keys[0]].citations[0].locator == "55"


def test_and_after_semicolon_and_short_title_without_article():
    x, by_key = _run(
        "1. See Ann Carter, The Salt Trade of Yangzhou (Boston: Beacon, 1990), 3; and Bill Noyes, "
        "Junks and Sails (Boston: Beacon, 1992), 8.\n\n"
        "2. Carter, Salt Trade, 9.\n")
    a, b = (by_key[k] for k in x.notes[0].keys)
    assert a.fields["author"] == "Carter, Ann" and b.fields["author"] == "Noyes, Bill"
    assert x.notes[1].keys == [x.notes[0].keys[0]]


def test_a_western_sentence_without_commas_is_commentary():
    x, _ = _run("1. For the year 1911 the figures are not reliable; we use the later revision here.\n")
    assert x.notes[0].status == "not-a-citation" and not x.entries


def test_romanized_japanese_and_korean_titles_with_bracketed_translations():
    x, by_key = _run(
        "1. Itō Masanao, Nihon no taigai kōshō [Japan's foreign negotiations] (Kyoto: Mineruva Shobō, 1988), 41.\n\n"
        "2. Pak Sŏp, “Singminji kyŏngje” [The colonial economy], Kyŏngje sahak 21, no. 2 (1996): 33–58.\n")
    ja, ko = (by_key[n.keys[0]] for n in x.notes)
    assert ja.fields["title"] == "Nihon no taigai kōshō" and ja.fields["title_translation"] == "Japan's foreign negotiations"
    assert ja.fields["langid"] == "japanese" and ja.fields["author"] == "Itō, Masanao"
    assert ko.fields["title"] == "Singminji kyŏngje" and ko.fields["journaltitle"] == "Kyŏngje sahak"
    assert ko.fields["langid"] == "korean" and ko.fields["title_translation"] == "The colonial economy"


def test_korean_book_with_editor_role_and_plain_publisher():
    x, by_key = _run("1. 박기주 편, 『조선의 시장과 상인』, 일조각, 2010, 45쪽.\n")
    e = by_key[x.notes[0].keys[0]]
    assert e.type == "book" and e.fields["editor"] == "박기주" and "author" not in e.fields
    assert (e.fields["publisher"], e.fields["date"], e.fields["langid"]) == ("일조각", "2010", "korean")
    assert e.citations[0].locator == "45"


def test_chinese_classic_cited_by_juan_and_section():
    x, by_key = _run(
        "［1］（宋）司马光：《资治通鉴》卷二百一十四《唐纪三十》，北京：中华书局 1956 年版，第 6811 页。\n\n"
        "［2］（明）宋应星：《天工开物》卷上《乃粒》。\n")
    a, b = (by_key[n.keys[0]] for n in x.notes)
    assert (a.type, a.fields["author"], a.fields["title"], a.fields["volume"], a.fields["chapter"]) == \
        ("book", "司马光", "资治通鉴", "214", "唐纪三十")
    assert a.fields["publisher"] == "中华书局" and "series" not in a.fields
    assert b.type == "book" and b.fields["author"] == "宋应星" and b.fields["title"] == "天工开物"


def test_archive_with_library_first_and_a_bracketed_fonds_number():
    x, by_key = _run(
        "［1］天津市档案馆藏：《天津商会关于米价的呈文》（1931 年 5 月），档号 J128-3-2207。\n\n"
        "［2］《财政部关税署致海关总署函》（1934 年 2 月 8 日），中国第二历史档案馆藏，档号 2（2）-1107。\n")
    a, b = (by_key[n.keys[0]] for n in x.notes)
    assert a.fields.get("entrysubtype") == "archive" and "author" not in a.fields
    assert (a.fields["library"], a.fields["number"], a.fields["date"]) == ("天津市档案馆", "J128-3-2207", "1931-05")
    assert b.fields["number"] == "2（2）-1107" and b.fields["library"] == "中国第二历史档案馆"


def test_chinese_laws_and_regulations_are_legislation():
    x, by_key = _run(
        "［1］《中华人民共和国证券法》，1998 年 12 月 29 日第九届全国人民代表大会常务委员会第六次会议通过。\n\n"
        "［2］国务院：《企业信息公示暂行条例》（国务院令第 654 号），2014 年 8 月 7 日。\n\n"
        "［3］中国人民银行：《关于进一步防范和处置虚拟货币交易炒作风险的通知》（银发〔2021〕237 号），2021 年 9 月 15 日。\n\n"
        "［4］王利明：《中国民法》，修订版，北京：法律出版社 2020 年版，第 3 页。\n")
    a, b, c, d = (by_key[n.keys[0]] for n in x.notes)
    assert (a.type, a.fields["title"], a.fields["date"]) == ("legislation", "中华人民共和国证券法", "1998-12-29")
    assert (b.type, b.fields["author"], b.fields["number"]) == ("legislation", "{国务院}", "国务院令第654号")
    assert (c.type, c.fields["number"], c.fields["date"]) == ("legislation", "银发〔2021〕237号", "2021-09-15")
    assert d.type == "book"  # a law book (修订版, a publisher) is not legislation


def test_english_body_sentences_are_the_citing_context():
    text = ("ESSAYS ON TRADE\n11\n"
            "Silver flowed into Fujian after 1570.1 The Spanish galleons carried most of it.2 Officials in\n"
            "Beijing watched the flows with unease.3\n"
            "Notes\n"
            "1. Ann Carter, Silver Roads (Boston: Beacon, 1990), 3.\n"
            "2. Ibid., 5.\n"
            "3. Bill Noyes, Junks and Sails (Boston: Beacon, 1992), 8.\n")
    x = extract_text(text)
    ctx = [n.note.context for n in x.notes]
    assert ctx == ["Silver flowed into Fujian after 1570.", "The Spanish galleons carried most of it.",
                   "Officials in Beijing watched the flows with unease."]


def test_working_paper_with_chicago_imprint_and_blog_label():
    x, by_key = _run(
        "1. Ann Carter and Bill Noyes, “Rice Prices,” NBER Working Paper No. 9911 (Cambridge, MA: National Bureau "
        "of Economic Research, 2003).\n\n"
        "2. Ann Carter, “Why Silver Left,” Brookings Institution (blog), May 2, 2020, https://www.example.org/silver.\n")
    wp, blog = (by_key[n.keys[0]] for n in x.notes)
    assert (wp.type, wp.fields["type"], wp.fields["number"]) == ("report", "NBER Working Paper", "9911")
    assert wp.fields["institution"] == "National Bureau of Economic Research" and wp.fields["location"] == "Cambridge, MA"
    assert blog.type == "online" and blog.fields["organization"] == "Brookings Institution"


def test_upper_and_middle_volumes_in_brackets_after_the_title():
    x, by_key = _run(
        "［1］［英］约翰·克拉潘：《现代英国经济史》（上卷），姚曾廙译，北京：商务印书馆 1964 年版，第 9 页。\n\n"
        "［2］严中平：《中国近代经济史（1840—1894）》（下册），北京：人民出版社 2001 年版。\n")
    a, b = (by_key[n.keys[0]] for n in x.notes)
    assert a.fields["volume"] == "上" and a.fields["translator"] == "姚曾廙"
    assert b.fields["volume"] == "下" and b.fields["title"] == "中国近代经济史（1840—1894）"


def test_a_normative_document_of_a_state_organ_is_legislation_without_an_enactment_cue():
    x, by_key = _run(
        "［1］全国人民代表大会常务委员会：《关于修改〈中华人民共和国商标法〉的决定》，2019 年 4 月 23 日。\n\n"
        "［2］王明：《论民法》，2018 年 8 月 31 日。\n")
    a, b = (by_key[n.keys[0]] for n in x.notes)
    assert (a.type, a.fields["author"], a.fields["date"]) == ("legislation", "{全国人民代表大会常务委员会}", "2019-04-23")
    assert b.type != "legislation"  # a person's essay on law is no law


def test_korean_author_and_translator_groups():
    x, by_key = _run("1. 로이드 이스트먼 지음, 이승휘 옮김, 『중국 사회의 지속과 변화』, 돌베개, 1999, 52쪽.\n")
    e = by_key[x.notes[0].keys[0]]
    assert (e.fields["author"], e.fields["translator"], e.fields["publisher"]) == ("로이드 이스트먼", "이승휘", "돌베개")


def test_a_comma_less_western_citation_with_an_imprint_is_still_a_citation():
    x, _ = _run("1. Smith J. The Origins of the Modern State. London: Routledge 1990.\n")
    assert x.notes[0].status == "cited" and x.entries
