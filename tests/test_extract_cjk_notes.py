"""Chinese, Japanese and Korean note forms: authors, imprints, archives, classics, volumes.
Each case was written for these tests (not taken from any evaluation set)."""

import pytest
from conftest import first_entry, run_notes

from annobib.extract import extract_notes
from annobib.extract.citations import read_note
from annobib.extract.fields import parse_citation
from annobib.extract.fields.features import era_years


def test_a_chinese_speech_without_url_is_not_made_a_printed_book():
    c = read_note("王毅：《在中国外交政策研讨会上的讲话》，外交部，2023 年 5 月。").citations[0]
    assert c.parsed.type != "book"
    assert "publisher" not in c.parsed.fields


@pytest.mark.parametrize(
    "note,fields",
    [
        ("内閣府『経済財政白書』日経印刷、2020 年。", {"author": "{内閣府}", "langid": "japanese"}),
        ("内閣官房『国家防衛戦略』2022 年 12 月。", {"author": "{内閣官房}", "institution": "内閣官房"}),
        (
            "Xi Jinping, The Governance of China, Beijing: Foreign Languages Press, 2014, p. 10.",
            {"author": "Xi, Jinping"},
        ),
    ],
)
def test_japanese_organizations_and_pinyin_leaders(note, fields):
    c = read_note(note).citations[0]
    for k, v in fields.items():
        assert c.parsed.fields.get(k) == v, c.parsed.fields


def test_two_chinese_authors_qianyin():
    x, by_key = run_notes(
        "[1] 李明、王强：《中国的财政》，北京：人民出版社 2001 年版，第 5 页。\n"
        "[2] 李明、王强前引书，第 33 页。\n"
        "[3] 李明、王强：前引书，第 34 页。\n"
    )
    key = x.notes[0].keys[0]
    assert x.notes[1].keys == [key] and x.notes[2].keys == [key]
    assert len(x.entries) == 1
    assert [c.locator for c in by_key[key].citations] == ["5", "33", "34"]


def test_archive_number_in_chinese_numerals_after_a_space():
    x, _ = run_notes("[1] 《经济部关于工厂内迁的呈文》（1938 年 5 月），中国第二历史档案馆藏，档号 四二八-3-217。\n")
    assert x.entries[0].fields["number"] == "四二八-3-217"


def test_old_gbt_book_with_translator_and_editor_segments():
    x, _ = run_notes(
        "[1] 史景迁. 追寻现代中国[M]. 温洽溢, 等译. 上海: 上海远东出版社, 2005: 88.\n"
        "[2] 某某. 书名[M]. 王五主编. 上海: 上海人民出版社, 1999: 7.\n"
    )
    a, b = x.entries
    assert a.type == "book"
    assert a.fields["translator"] == "温洽溢 and others"
    assert (a.fields["location"], a.fields["publisher"], a.fields["date"]) == ("上海", "上海远东出版社", "2005")
    assert a.citations[0].locator == "88"
    assert b.fields["editor"] == "王五" and b.fields["publisher"] == "上海人民出版社"
    assert b.citations[0].locator == "7"


def test_several_chinese_publishers_joined_by_dunhao():
    x, _ = run_notes("[1] 张伟：《市场与国家》，上海：格致出版社、三联书店、上海人民出版社 2016 年版，第 12 页。\n")
    e = x.entries[0]
    assert e.fields["publisher"] == "格致出版社、三联书店、上海人民出版社"
    assert e.fields["location"] == "上海" and e.fields["date"] == "2016"
    assert e.citations[0].locator == "12"


def test_chinese_conference_paper_without_huiyi():
    x, _ = run_notes(
        "[1] 刘洋：《地方债务的形成》，“中国财政学会 2018 年年会”论文，成都，2018 年 11 月。\n"
        "[2] 陈红：《产业政策再评价》，提交第五届发展经济学论坛的论文，北京，2020 年 10 月。\n"
    )
    a, b = x.entries
    assert a.type == b.type == "inproceedings"
    assert a.fields["eventtitle"].replace(" ", "") == "中国财政学会2018年年会"
    assert (a.fields["venue"], a.fields["date"]) == ("成都", "2018-11")
    assert b.fields["eventtitle"] == "第五届发展经济学论坛"
    assert (b.fields["venue"], b.fields["date"]) == ("北京", "2020-10")


def test_romanized_japanese_and_korean_titles_with_bracketed_translations():
    x, by_key = run_notes(
        "1. Itō Masanao, Nihon no taigai kōshō [Japan's foreign negotiations] (Kyoto: Mineruva Shobō, 1988), 41.\n\n"
        "2. Pak Sŏp, “Singminji kyŏngje” [The colonial economy], Kyŏngje sahak 21, no. 2 (1996): 33–58.\n"
    )
    ja, ko = (by_key[n.keys[0]] for n in x.notes)
    assert (
        ja.fields["title"] == "Nihon no taigai kōshō"
        and ja.fields["title_translation"] == "Japan's foreign negotiations"
    )
    assert ja.fields["langid"] == "japanese" and ja.fields["author"] == "Itō, Masanao"
    assert ko.fields["title"] == "Singminji kyŏngje" and ko.fields["journaltitle"] == "Kyŏngje sahak"
    assert ko.fields["langid"] == "korean" and ko.fields["title_translation"] == "The colonial economy"


def test_korean_book_with_editor_role_and_plain_publisher():
    x, by_key = run_notes("1. 박기주 편, 『조선의 시장과 상인』, 일조각, 2010, 45쪽.\n")
    e = by_key[x.notes[0].keys[0]]
    assert e.type == "book" and e.fields["editor"] == "박기주" and "author" not in e.fields
    assert (e.fields["publisher"], e.fields["date"], e.fields["langid"]) == ("일조각", "2010", "korean")
    assert e.citations[0].locator == "45"


def test_chinese_classic_cited_by_juan_and_section():
    x, by_key = run_notes(
        "［1］（宋）司马光：《资治通鉴》卷二百一十四《唐纪三十》，北京：中华书局 1956 年版，第 6811 页。\n\n"
        "［2］（明）宋应星：《天工开物》卷上《乃粒》。\n"
    )
    a, b = (by_key[n.keys[0]] for n in x.notes)
    assert (a.type, a.fields["author"], a.fields["title"], a.fields["volume"], a.fields["chapter"]) == (
        "book",
        "司马光",
        "资治通鉴",
        "214",
        "唐纪三十",
    )
    assert a.fields["publisher"] == "中华书局" and "series" not in a.fields
    assert b.type == "book" and b.fields["author"] == "宋应星" and b.fields["title"] == "天工开物"


def test_archive_with_library_first_and_a_bracketed_fonds_number():
    x, by_key = run_notes(
        "［1］天津市档案馆藏：《天津商会关于米价的呈文》（1931 年 5 月），档号 J128-3-2207。\n\n"
        "［2］《财政部关税署致海关总署函》（1934 年 2 月 8 日），中国第二历史档案馆藏，档号 2（2）-1107。\n"
    )
    a, b = (by_key[n.keys[0]] for n in x.notes)
    assert a.fields.get("entrysubtype") == "archive" and "author" not in a.fields
    assert (a.fields["library"], a.fields["number"], a.fields["date"]) == ("天津市档案馆", "J128-3-2207", "1931-05")
    assert b.fields["number"] == "2（2）-1107" and b.fields["library"] == "中国第二历史档案馆"


def test_upper_and_middle_volumes_in_brackets_after_the_title():
    x, by_key = run_notes(
        "［1］［英］约翰·克拉潘：《现代英国经济史》（上卷），姚曾廙译，北京：商务印书馆 1964 年版，第 9 页。\n\n"
        "［2］严中平：《中国近代经济史（1840—1894）》（下册），北京：人民出版社 2001 年版。\n"
    )
    a, b = (by_key[n.keys[0]] for n in x.notes)
    assert a.fields["volume"] == "上" and a.fields["translator"] == "姚曾廙"
    assert b.fields["volume"] == "下" and b.fields["title"] == "中国近代经济史（1840—1894）"


def test_korean_author_and_translator_groups():
    x, by_key = run_notes("1. 로이드 이스트먼 지음, 이승휘 옮김, 『중국 사회의 지속과 변화』, 돌베개, 1999, 52쪽.\n")
    e = by_key[x.notes[0].keys[0]]
    assert (e.fields["author"], e.fields["translator"], e.fields["publisher"]) == (
        "로이드 이스트먼",
        "이승휘",
        "돌베개",
    )


def test_japanese_imprint_in_parentheses_and_translator_before_it():
    e = first_entry("高橋実『港町の近代』（岩波書店、1998年）、12頁。")
    assert (e.fields["publisher"], e.fields["date"]) == ("岩波書店", "1998")
    e = first_entry("ポール・ケネディ『海の覇権』鈴木主税訳（草思社、1993年）、40頁。")
    assert e.fields["translator"] == "鈴木主税" and e.fields["publisher"] == "草思社"


def test_korean_place_publisher_in_parentheses():
    e = first_entry("박지훈, 『바다의 정치』 (부산: 해양출판사, 2015), 77쪽.")
    assert e.type == "book"
    assert (e.fields["location"], e.fields["publisher"], e.fields["date"]) == ("부산", "해양출판사", "2015")


def test_japanese_and_korean_access_dates():
    e = first_entry("国土交通省「港湾統計」、2020年5月1日、https://example.jp/stat.html（2021年7月3日閲覧）。")
    assert e.fields["urldate"] == "2021-07-03"
    e = first_entry("해양수산부, 「항만 통계」, 2020년 5월 1일, https://example.kr/stat (검색일: 2021년 7월 4일).")
    assert e.fields["urldate"] == "2021-07-04"


def test_korean_issue_after_volume_and_lettered_newspaper_page():
    e = first_entry("최민수, 「항만과 도시」, 『해양연구』 제12권 3호 (2019), pp. 1-20.")
    assert (e.fields["volume"], e.fields["number"]) == ("12", "3")
    e = first_entry("「부산항 물동량 증가」, 『부산일보』, 2022년 1월 5일, B3면.")
    assert e.fields["pages"] == "B3"


def test_korean_ministry_is_an_organization_and_a_strategy_is_a_report():
    e = first_entry("해양수산부, 「해양 안보 전략」, 2021년 3월 4일, https://example.kr/strategy.")
    assert e.fields["author"] == "{해양수산부}" and e.type == "report"
    e = first_entry("김정부, 「해양의 미래」, 『해양연구』 제3권 1호 (2020), pp. 1-9.")
    assert e.fields["author"] == "김정부"


def test_korean_volume_as_jip_or_without_je_and_japanese_translator_before_a_kana_press():
    e = first_entry("최은정, 「해양 협력」, 『해양정치논총』 제41집 3호 (2018), 10-30쪽.")
    assert (e.fields["volume"], e.fields["number"]) == ("41", "3")
    e = first_entry("최은정, 「해양 협력」, 『해양연구』 17권 4호 (2018), pp. 10-30.")
    assert (e.fields["volume"], e.fields["number"]) == ("17", "4")
    e = first_entry("ジョン・スミス『海の帝国』山田太郎訳（みすず、2010年）、5頁。")
    assert e.fields["translator"] == "山田太郎" and e.fields["publisher"] == "みすず"


def test_an_original_with_its_japanese_translation_credits_and_lead_word():
    x, _ = run_notes(
        "1. Mirela V. Costa, Quiet Harbours, Boston: Beacon, 2008, p. 41（ミレラ・V・コスタ著、山岸直子訳『静かな港』"
        "青土社、2012 年）。\n"
        "2. Hugo Brandt, Iron Coasts, London: Verso, 2011, p. 9(日译本:ヒューゴ・ブラント『鉄の海岸』,"
        "村井誠訳,東京:白水社,2015年,第15頁)。\n"
    )
    _costa, costa_ja, _brandt, brandt_ja = x.entries
    assert (costa_ja.fields["author"], costa_ja.fields["translator"]) == ("ミレラ・V・コスタ", "山岸直子")
    assert (brandt_ja.fields["author"], brandt_ja.fields["translator"]) == ("ヒューゴ・ブラント", "村井誠")


def test_korean_same_author_and_et_al():
    x, _ = run_notes(
        "1. 박서윤, 「개항기 객주의 신용」, 『한국사연구』 제180호, 2018, 45-70쪽; 같은 필자, 『객주와 시장』, 서울: 푸른역사, "
        "2020, 12쪽.\n"
        "2. 김도현 외, 『근대 항구도시의 형성』, 부산: 산지니, 2016.\n"
    )
    article, book, edited = x.entries
    assert article.fields["author"] == book.fields["author"] == "박서윤"
    assert edited.fields["author"] == "김도현 and others"


def test_kanji_numerals_in_a_vertical_japanese_note():
    x = extract_notes("1 木下亮『港町の記憶』白鷺書房、一九七三年、二〇八頁。\n\n2 同書、一一頁。\n")
    (entry,) = x.entries
    assert entry.fields["publisher"] == "白鷺書房" and entry.fields["date"] == "1973"
    assert sorted(c.locator for c in entry.citations) == ["11", "208"]


def test_a_work_in_collected_works_is_inbook():
    from annobib.extract.fields import parse_citation

    p = parse_citation("茅盾：《论小说的结构》，《茅盾文集》第7卷，上海：上海文艺出版社1984年版，第33页。")
    assert p.type == "inbook" and p.locator == "33"
    assert p.fields["booktitle"] == "茅盾文集" and p.fields["volume"] == "7" and "series" not in p.fields
    series = parse_citation("王某：《城市的兴起》，《城市史丛书》第2卷，北京：某出版社2001年版，第5页。")
    assert series.type == "book" and series.fields["series"] == "城市史丛书"  # a series stays a book


def test_joint_translation_heyi_names_the_translators_alone():
    from annobib.extract.fields import parse_citation

    p = parse_citation("[德]卡尔·施泰因:《国家与社会》,李安、周平合译,北京:某某书局1990年版,第8页。")
    assert p.fields["translator"] == "李安 and 周平"


@pytest.mark.parametrize(
    "note,journal,lang",
    [
        ("『北海タイムス新聞』1934年7月21日夕刊。", "北海タイムス新聞", "japanese"),
        ("《大公报》1936年4月2日。", "大公报", "chinese"),
        ("『매일신보』 1919년 3월 7일.", "매일신보", "korean"),
    ],
)
def test_a_newspaper_cited_by_its_name_and_date_alone_is_that_issue(note, journal, lang):
    c = read_note(note).citations[0]
    assert c.parsed.type == "article"
    assert (c.parsed.fields["journaltitle"], c.parsed.fields["langid"]) == (journal, lang)
    assert "title" not in c.parsed.fields and len(c.parsed.fields["date"]) == 10


def test_a_book_with_a_newspaper_like_name_and_only_a_year_stays_a_book():
    c = read_note("《海关时报》，北京：某出版社1990年版。").citations[0]
    assert (c.parsed.type, c.parsed.fields["title"]) == ("book", "海关时报")


@pytest.mark.parametrize(
    "note,journal,volume,number,pages,locator",
    [
        ("小川恵子「解雇規制の再検討」季刊労働法265号(2019年)20-33頁。", "季刊労働法", None, "265", "20-33", "20-33"),
        ("森下淳「国賠法の現在」判例時報54巻12号（2015年）7頁。", "判例時報", "54", "12", None, "7"),
    ],
)
def test_a_japanese_law_journal_named_without_brackets(note, journal, volume, number, pages, locator):
    c = read_note(note).citations[0]
    f = c.parsed.fields
    assert (c.parsed.type, f["journaltitle"], f.get("volume"), f["number"]) == ("article", journal, volume, number)
    assert (f.get("pages"), c.locator) == (pages, locator)


def test_a_japanese_translation_led_by_hoyaku_to_shite_names_its_translator_not_the_lead_in():
    r = read_note("邦訳として、ジョン・ケイ(木村一郎訳)『市場の論理』(東洋経済新報社、2008年)12頁。")
    f = r.citations[0].parsed.fields
    assert (f["author"], f["translator"], f["title"]) == ("ジョン・ケイ", "木村一郎", "市場の論理")


def test_translators_in_tortoise_shell_brackets_after_the_author():
    r = read_note("マーク・ベル〔高田亮・森川由紀訳〕『港湾と帝国』青土社、2012年、40頁。")
    f = r.citations[0].parsed.fields
    assert (f["author"], f["translator"]) == ("マーク・ベル", "高田亮 and 森川由紀")


@pytest.mark.parametrize(
    ("note", "date", "publisher"),
    [
        ("張文雄，《臺灣鐵道史略》（臺北：正中書局，民國45年），頁77。", "1956", "正中書局"),
        ("張文雄，《臺灣鐵道史略》（臺北：正中書局，民國四十五年），頁77。", "1956", "正中書局"),
        ("鈴木正一，〈港湾行政論〉，《臺灣時報》第5卷第2期（昭和12年3月），頁8-20。", "1937-03", None),
        ("李光明，《南洋華僑志》（東京：南方書院，昭和元年），頁3。", "1926", "南方書院"),
    ],
)
def test_era_years_as_dates_become_western_years(note, date, publisher):
    p = parse_citation(note)
    assert p.fields["date"] == date
    assert p.fields.get("publisher") == publisher


def test_era_years_that_are_no_dates_stay():
    # a law's number, a yearbook's edition and a court decision's date are read elsewhere
    for text in ("（昭和36年法律第223号）", "『地方財政白書 平成20年版』", "最判昭和48年10月9日民集"):
        assert era_years(text) == text
    assert era_years("（東京：南方書院，昭和元年）") == "（東京：南方書院，1926年）"


def test_traditional_chapter_shouru_editor_set_off_by_a_comma():
    p = parse_citation(
        "周美惠，〈清代臺南的郊商與廟宇〉，收入林正雄主編，《府城的社會與文化》（臺南：臺南市文化局，2015），頁81-110。"
    )
    assert p.type == "incollection"
    assert (p.fields["editor"], p.fields["booktitle"], p.fields["pages"]) == ("林正雄", "府城的社會與文化", "81-110")
    assert (
        parse_citation("林正雄主編，《府城的社會與文化》（臺南：臺南市文化局，2015），頁81。").fields["editor"]
        == "林正雄"
    )


@pytest.mark.parametrize(
    "note",
    [
        "中村健一訳『近代国家の起源』岩波書店、1985年、40頁。",
        "周文华译：《近代国家的起源》，北京：三联书店1990年版，第40页。",
    ],
)
def test_a_translation_named_only_by_its_translator(note):
    # cited after its original (… p. 12（中村健一訳『…』…）): the translator is no author
    p = parse_citation(note)
    assert "author" not in p.fields
    assert p.fields["translator"] in ("中村健一", "周文华")


def test_korean_chapter_in_an_edited_book_committee_report_and_named_back_references():
    # a chapter in “…,” before the editor's 편 and the book in 『』; a committee of the National
    # Assembly (a body, two words); 위의 글 / 앞의 책 after the author's name, 외 (et al.) kept off it
    x, by_key = run_notes(
        "1) 한지수·오민재, “접경지역 협력의 제도화,” 한지수 편, 『접경의 정치학』 (서울: 나무출판, 2020), pp. 11-40.\n"
        "2) 국회 외교통일위원회, 『남북협력기금법 일부개정법률안 검토보고서』 (2021), p. 3.\n"
        "3) 정태우, “북한 시장의 제도 변화,” 『북한연구학회보』, 제25권 1호 (2021), pp. 55-80.\n"
        "4) 윤세라 외, 『통일 비용의 재추정』 (서울: 평화출판, 2018), p. 9.\n"
        "5) 정태우, 위의 글, p. 60.\n"
        "6) 윤세라 외, 앞의 책, p. 14.\n"
    )
    chapter = by_key[x.notes[0].keys[0]]
    assert chapter.type == "incollection"
    assert (chapter.fields["author"], chapter.fields["editor"]) == ("한지수 and 오민재", "한지수")
    assert (chapter.fields["booktitle"], chapter.fields["publisher"], chapter.fields["pages"]) == (
        "접경의 정치학",
        "나무출판",
        "11-40",
    )
    report = by_key[x.notes[1].keys[0]]
    assert (report.type, report.fields["author"]) == ("report", "{국회 외교통일위원회}")
    assert x.notes[4].status == "cited" and x.notes[4].keys == x.notes[2].keys
    assert x.notes[5].status == "cited" and x.notes[5].keys == x.notes[3].keys
    assert [c.locator for c in by_key[x.notes[3].keys[0]].citations] == ["9", "14"]


def test_japanese_edition_in_the_title_before_a_subtitle_or_with_a_revision_word():
    # 〔第2版〕 before ——副題 leaves the title whole; 〔第4版補訂〕 is kept as printed (no number alone)
    x, by_key = run_notes(
        "1. 佐山道夫『日本行政法〔第2版〕——制度と運用』(有斐閣、2019年)45頁。\n"
        "2. 吉岡恵『契約法講義〔第4版補訂〕』(有斐閣、2021年)12頁。\n"
        "3. 吉岡恵『物権法〔第3版〕』(有斐閣、2018年)7頁。\n"
    )
    a, b, c = (by_key[n.keys[0]] for n in x.notes)
    assert (a.fields["title"], a.fields["edition"]) == ("日本行政法——制度と運用", "2")
    assert (b.fields["title"], b.fields["edition"]) == ("契約法講義", "第4版補訂")
    assert (c.fields["title"], c.fields["edition"]) == ("物権法", "3")


def test_japanese_case_name_a_commentary_after_its_lead_clause_and_terms_named_in_a_note():
    # 〔…事件〕 after the law report names the case; …として、 before a 判批 in a journal named without
    # 『』 (a double issue 3=4号); a note that only names its terms cites nothing
    x, by_key = run_notes(
        "1. 最判昭和52年3月15日民集31巻2号234頁〔富山大学事件〕。なお、本判決の評釈として、"
        "佐伯一郎「判批」法学論叢102巻3=4号(1978年)55頁参照。\n"
        "2. 以下、2020年改正後の会社法を「新会社法」と呼ぶ。\n"
    )
    case, review = (by_key[k] for k in x.notes[0].keys)
    assert (case.type, case.fields["title"], case.fields["pages"]) == ("jurisdiction", "富山大学事件", "234")
    assert (review.type, review.fields["author"], review.fields["title"]) == ("article", "佐伯一郎", "判批")
    assert (review.fields["journaltitle"], review.fields["volume"], review.fields["number"]) == (
        "法学論叢",
        "102",
        "3=4",
    )
    assert review.citations[0].locator == "55"
    assert x.notes[1].status == "not-a-citation" and x.notes[1].keys == []


def test_a_chinese_imprint_set_off_by_commas_names_its_place():
    # 北京，某出版社，2002: the place before the publisher with a comma for the colon
    p = parse_citation("钱某：《城隍与乡社》，南京，凤凰出版社，2011，第45页。")
    assert (p.fields["location"], p.fields["publisher"], p.locator) == ("南京", "凤凰出版社", "45")
    # a translator or a part before the publisher is no place
    p = parse_citation("[英]某某：《城市的历史》，孙某译，商务印书馆，2005，第12页。")
    assert "location" not in p.fields
    p = parse_citation("钱某：《城隍与乡社》，上卷，凤凰出版社，2011，第45页。")
    assert "location" not in p.fields


def test_a_chinese_page_without_di_is_the_locator():
    # ，231页 / ，15~17页: the page with no 第 before it
    p = parse_citation("钱某：《城隍与乡社》，南京，凤凰出版社，2011，15~17页。")
    assert p.locator == "15-17"
    p = parse_citation("钱某：《城隍与乡社》，南京，凤凰出版社，2011，231页。")
    assert p.locator == "231"


def test_a_journal_year_and_issue_printed_without_nian_and_qi():
    # 载《史林》，2016(4): the year and the issue in brackets, as GB/T prints them
    p = parse_citation("孙某：《庙会与市集》，载《史林》，2016(4)。")
    assert (p.type, p.fields["journaltitle"], p.fields["date"], p.fields["number"]) == ("article", "史林", "2016", "4")


def test_a_japanese_ronbunshu_with_volume_and_issue_is_a_journal():
    # 『…論文集』第72巻第601号: a society's transactions numbered as a periodical, no proceedings
    p = parse_citation("森某「港湾倉庫の配置」『土木学会論文集』第72巻第601号、2016年、33-41頁。")
    assert (p.type, p.fields["journaltitle"], p.fields["volume"], p.fields["number"]) == (
        "article",
        "土木学会論文集",
        "72",
        "601",
    )
    # without the numbers the same title is a proceedings volume
    p = parse_citation("森某「港湾倉庫の配置」『土木学会論文集』、2016年、33-41頁。")
    assert p.type == "inproceedings"


def test_a_japanese_office_edits_and_publishes_a_numbered_volume():
    # 横浜税関編『…』第2巻、横浜税関、…: the customs house is an organization, the volume is kept
    p = parse_citation("横浜税関編『横浜税関百年史』第2巻、横浜税関、1959年、88頁。")
    assert (p.fields["editor"], p.fields["volume"], p.locator) == ("{横浜税関}", "2", "88")


def test_an_untagged_gbt_article_of_a_listing():
    # a database's listing drops the [J] and spaces its stops: read as the GB/T article it is
    p = parse_citation("赵某,钱某.村落的人口迁移 . 人口学刊 . 1995, (3): 21 -26 .")
    assert p.type == "article"
    assert (p.fields["author"], p.fields["title"], p.fields["journaltitle"]) == (
        "赵某 and 钱某",
        "村落的人口迁移",
        "人口学刊",
    )
    assert (p.fields["date"], p.fields["number"], p.fields["pages"]) == ("1995", "3", "21-26")
    p = parse_citation("孙某.乡村教育的变迁.教育研究,2009,30(2):11-19.")
    assert (p.fields["volume"], p.fields["number"], p.locator) == ("30", "2", "11-19")


def test_a_korean_institute_report_series_without_an_imprint():
    # 『…』, 한국노동연구원 정책보고서 2021-05, 2021: the institute's numbered report, no place or press
    p = parse_citation("최민수, 『청년 고용의 구조 변화』, 한국노동연구원 정책보고서 2021-05, 2021, 12쪽.")
    assert p.type == "report"
    assert (p.fields["institution"], p.fields["type"], p.fields["number"]) == (
        "한국노동연구원",
        "정책보고서",
        "2021-05",
    )


def test_a_korean_dotted_date_before_a_comma():
    # 2023. 5. 17, URL: the Korean date with its last stop left out before the comma
    p = parse_citation(
        "교육부, 「2023 교육기본통계」, 2023. 5. 17, https://www.moe.go.kr/a.do?x=1 (검색일: 2023년 6월 1일)."
    )
    assert (p.fields["date"], p.fields["urldate"]) == ("2023-05-17", "2023-06-01")


def test_a_japanese_zenkei_names_the_author_and_ronbun_between_commas():
    # 前掲、山口論文、8頁: the word, the author with 論文 after the name, then the page
    x, by_key = run_notes("(1)山口花子「港町の商人」『海事史研究』第12号、2015年、4-12頁。\n(2)前掲、山口論文、8頁。\n")
    key = x.notes[0].keys[0]
    assert x.notes[1].keys == [key]
    assert [c.locator for c in by_key[key].citations] == ["4-12", "8"]
    # a 、 between two names joins co-authors (Chinese), it opens no name
    x, _ = run_notes("[1] 邓某、龙某：《河流与边界》，《边疆研究》2012年第3期。\n[2] 前揭邓某、龙某文，第13页。\n")
    assert x.notes[1].keys == x.notes[0].keys


def test_a_chapter_in_an_edited_lunwenji_is_an_incollection():
    # 载某某主编:《…论文集》: an edited volume, not the proceedings of a meeting
    p = parse_citation("周某:《吴语的体》,载钱某主编:《吴语研究论文集》,上海:上海教育出版社1998年版,第41页。")
    assert (p.type, p.fields["editor"], p.fields["booktitle"]) == ("incollection", "钱某", "吴语研究论文集")
    # without an editor the same container is a proceedings volume
    p = parse_citation("周某:《吴语的体》,载《吴语研究论文集》,上海:上海教育出版社1998年版,第41页。")
    assert p.type == "inproceedings"


def test_a_newspaper_page_with_a_letter():
    # 第A05版: a section letter before the page of the paper
    p = parse_citation("《城中村改造》,《南方日报》2022年4月18日,第A05版。")
    assert (p.fields["pages"], p.locator) == ("A05", "A05")


def test_an_issued_document_number_makes_legislation_whatever_the_title():
    # 《…方案》(国办发〔2016〕59号): the number names an issued normative document, 方案 or not
    p = parse_citation("国务院办公厅:《某某体制改革方案》(国办发〔2016〕59号),2016年8月1日。")
    assert (p.type, p.fields["number"], p.fields["date"]) == ("legislation", "国办发〔2016〕59号", "2016-08-01")
