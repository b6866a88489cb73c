"""One test per pattern of /work/shared/docs/footnote-patterns.md (and a few more of the genre).

The notes below are written for these tests (realistic, not from the seed)."""

import pytest
from conftest import assert_one_citation

from annobib.extract import extract_notes
from annobib.extract.citations import read_note
from annobib.extract.fields import parse_citation

# (note, type, expected fields (subset), locator)
CASES = [
    # Chinese journal article, with and without 载, volume + issue
    (
        "阎学通：《道义现实主义的国际关系理论》，载《国际问题研究》2014 年第 5 期，第 102—128 页。",
        "article",
        {
            "author": "阎学通",
            "title": "道义现实主义的国际关系理论",
            "journaltitle": "国际问题研究",
            "date": "2014",
            "number": "5",
            "pages": "102-128",
            "langid": "chinese",
        },
        "102-128",
    ),
    (
        "唐世平：《国际秩序变迁与中国的选项》，《中国社会科学》2019年第3期，第187页。",
        "article",
        {"author": "唐世平", "journaltitle": "中国社会科学", "date": "2019", "number": "3"},
        "187",
    ),
    (
        "王缉思：《美国霸权的逻辑》，载《美国研究》第 17 卷第 3 期，2003 年，第 7—29 页。",
        "article",
        {"journaltitle": "美国研究", "volume": "17", "number": "3", "date": "2003", "pages": "7-29"},
        "7-29",
    ),
    # books
    (
        "阎学通：《世界权力的转移：政治领导与战略竞争》，北京：北京大学出版社 2015 年版，第 33 页。",
        "book",
        {
            "author": "阎学通",
            "title": "世界权力的转移：政治领导与战略竞争",
            "location": "北京",
            "publisher": "北京大学出版社",
            "date": "2015",
        },
        "33",
    ),
    (
        "秦亚青：《关系与过程》，上海人民出版社，2012 年，第 45—47 页。",
        "book",
        {"publisher": "上海人民出版社", "date": "2012"},
        "45-47",
    ),
    # translated books, nationality markers in [] and （）
    (
        "[美] 罗伯特·吉尔平：《世界政治中的战争与变革》，宋新宁、杜建平译，上海人民出版社 2007 年版，第 10 页。",
        "book",
        {"author": "罗伯特·吉尔平", "translator": "宋新宁 and 杜建平", "publisher": "上海人民出版社", "date": "2007"},
        "10",
    ),
    (
        "（美）约瑟夫·奈：《软实力》，马娟娟译，中信出版社 2013 年版，第 5 页。",
        "book",
        {"author": "约瑟夫·奈", "translator": "马娟娟", "publisher": "中信出版社"},
        "5",
    ),
    (
        "[美]汉斯·摩根索：《国家间政治》，徐昕、郝望、李保平译，北京大学出版社 2006 年版。",
        "book",
        {"author": "汉斯·摩根索", "translator": "徐昕 and 郝望 and 李保平", "date": "2006"},
        None,
    ),
    # edited volume and chapter
    (
        "王逸舟主编：《中国国际关系研究（1995—2005）》，北京大学出版社 2006 年版。",
        "book",
        {"editor": "王逸舟", "title": "中国国际关系研究（1995—2005）", "publisher": "北京大学出版社", "date": "2006"},
        None,
    ),
    (
        "秦亚青：《关系本位与过程建构》，载王逸舟主编：《中国国际关系研究（1995—2005）》，北京大学出版社 2006 年版，第 55—88 页。",
        "incollection",
        {
            "author": "秦亚青",
            "editor": "王逸舟",
            "booktitle": "中国国际关系研究（1995—2005）",
            "publisher": "北京大学出版社",
            "pages": "55-88",
        },
        "55-88",
    ),
    # newspapers and news sites
    (
        "《坚持走和平发展道路》，《人民日报》2013 年 1 月 30 日，第 1 版。",
        "article",
        {
            "title": "坚持走和平发展道路",
            "journaltitle": "人民日报",
            "entrysubtype": "newspaper",
            "date": "2013-01-30",
            "pages": "1",
        },
        "1",
    ),
    (
        "钟声：《霸凌行径注定失败》，《人民日报》2025年4月10日，第3版。",
        "article",
        {"author": "钟声", "journaltitle": "人民日报", "entrysubtype": "newspaper", "date": "2025-04-10", "pages": "3"},
        "3",
    ),
    (
        "《中方回应美方关税措施》，中国新闻网，2025 年 2 月 22 日，https://www.chinanews.com.cn/gj/2025/02-22/1.shtml，访问时间：2025 年 6 月 1 日。",
        "article",
        {
            "journaltitle": "中国新闻网",
            "entrysubtype": "newspaper",
            "date": "2025-02-22",
            "url": "https://www.chinanews.com.cn/gj/2025/02-22/1.shtml",
            "urldate": "2025-06-01",
        },
        None,
    ),
    (
        "王毅：《在第61届慕尼黑安全会议上的讲话》，外交部网站，2025 年 2 月 14 日，https://www.mfa.gov.cn/web/wjbz/1.shtml。",
        "online",
        {
            "author": "王毅",
            "organization": "外交部网站",
            "date": "2025-02-14",
            "url": "https://www.mfa.gov.cn/web/wjbz/1.shtml",
        },
        None,
    ),
    # government white paper
    (
        "中华人民共和国国务院新闻办公室：《新时代的中国国家安全》白皮书，2025 年 5 月 12 日，https://www.gov.cn/zhengce/1.htm。",
        "report",
        {"author": "{中华人民共和国国务院新闻办公室}", "type": "白皮书", "date": "2025-05-12"},
        None,
    ),
    # thesis, conference paper, archive
    (
        "张明：《冷战后美国联盟政策研究》，博士学位论文，北京大学国际关系学院，2010 年，第 45 页。",
        "thesis",
        {"author": "张明", "type": "博士学位论文", "institution": "北京大学国际关系学院", "date": "2010"},
        "45",
    ),
    (
        "李华：《东亚安全合作的新趋势》，“亚洲安全与合作”国际研讨会论文，上海，2019 年 11 月。",
        "inproceedings",
        {"author": "李华", "eventtitle": "亚洲安全与合作", "venue": "上海", "date": "2019-11"},
        None,
    ),
    (
        "《周恩来与某某会谈记录》（1954 年 6 月 23 日），中华人民共和国外交部档案馆藏，档号 204-00007-01。",
        "misc",
        {
            "entrysubtype": "archive",
            "library": "中华人民共和国外交部档案馆",
            "number": "204-00007-01",
            "date": "1954-06-23",
        },
        None,
    ),
    # Western: web/news, journal (two forms), book, chapter, report/brief, no author
    (
        "Ely Ratner, “The Case for a Pacific Defense Pact,” Foreign Affairs, May 27, 2025, https://www.foreignaffairs.com/china/case.",
        "article",
        {
            "author": "Ratner, Ely",
            "journaltitle": "Foreign Affairs",
            "date": "2025-05-27",
            "url": "https://www.foreignaffairs.com/china/case",
        },
        None,
    ),
    (
        "Robert Jervis, “Cooperation under the Security Dilemma,” World Politics, Vol. 30, No. 2, 1978, pp. 167-214.",
        "article",
        {
            "author": "Jervis, Robert",
            "journaltitle": "World Politics",
            "volume": "30",
            "number": "2",
            "date": "1978",
            "pages": "167-214",
        },
        "167-214",
    ),
    (
        "Robert Jervis, “Cooperation under the Security Dilemma,” World Politics 30, no. 2 (January 1978): 167–214.",
        "article",
        {"journaltitle": "World Politics", "volume": "30", "number": "2", "pages": "167-214"},
        "167-214",
    ),
    (
        "Stephen M. Walt, “Alliance Formation,” International Security, Vol.9, No.4, 1985, pp.3-43.",
        "article",
        {"author": "Walt, Stephen M.", "volume": "9", "number": "4", "pages": "3-43"},
        "3-43",
    ),
    (
        "Robert Jervis, Perception and Misperception in International Politics, Princeton: Princeton University Press, 1976, p. 58.",
        "book",
        {
            "author": "Jervis, Robert",
            "title": "Perception and Misperception in International Politics",
            "location": "Princeton",
            "publisher": "Princeton University Press",
            "date": "1976",
        },
        "58",
    ),
    (
        "Kenneth N. Waltz, Theory of International Politics, Reading, MA: Addison-Wesley, 1979, p. 126.",
        "book",
        {"title": "Theory of International Politics", "location": "Reading, MA", "publisher": "Addison-Wesley"},
        "126",
    ),
    (
        "G. John Ikenberry, “Power and Liberal Order,” in T. J. Pempel and Chung-Min Lee, eds., Security Cooperation in Northeast Asia, London: Routledge, 2012, pp. 55-88.",
        "incollection",
        {
            "author": "Ikenberry, G. John",
            "editor": "Pempel, T. J. and Lee, Chung-Min",
            "booktitle": "Security Cooperation in Northeast Asia",
            "publisher": "Routledge",
            "pages": "55-88",
        },
        "55-88",
    ),
    (
        "Stephen Costello, “Trump Could Get a Win with North Korea,” Quincy Brief, No. 75, 2025, p. 2.",
        "report",
        {"type": "Quincy Brief", "number": "75", "date": "2025"},
        "2",
    ),
    (
        "U.S. Department of Defense, Nuclear Posture Review, Washington, D.C.: Department of Defense, 2018, p. 2.",
        "report",
        {"author": "{U.S. Department of Defense}", "title": "Nuclear Posture Review", "date": "2018"},
        "2",
    ),
    (
        "“Philippines, U.S. hold joint maritime drills,”Reuters, May 21, 2025, https://www.reuters.com/world/a-2025-05-21/.",
        "article",
        {
            "title": "Philippines, U.S. hold joint maritime drills",
            "journaltitle": "Reuters",
            "entrysubtype": "newspaper",
            "date": "2025-05-21",
        },
        None,
    ),
    (
        "Michael Beckley, Tanvi Madan and Ely Ratner, “Title of a Joint Piece,” The Washington Post, June 1, 2024.",
        "article",
        {
            "author": "Beckley, Michael and Madan, Tanvi and Ratner, Ely",
            "journaltitle": "The Washington Post",
            "date": "2024-06-01",
        },
        None,
    ),
    (
        "Victor Cha et al., “Alliance Management,” Survival, Vol. 61, No. 2, 2019, pp. 7-30.",
        "article",
        {"author": "Cha, Victor and others", "journaltitle": "Survival"},
        "7-30",
    ),
    (
        "Zhang Wei, “China’s Alliance Politics,” PhD dissertation, Harvard University, 2015, p. 33.",
        "thesis",
        {"type": "phdthesis", "institution": "Harvard University", "date": "2015"},
        "33",
    ),
    # Japanese, Korean, Russian
    (
        "「トランプ大統領が日米同盟に不満」、『朝日新聞』2025 年 3 月 7 日。",
        "article",
        {
            "title": "トランプ大統領が日米同盟に不満",
            "journaltitle": "朝日新聞",
            "date": "2025-03-07",
            "langid": "japanese",
        },
        None,
    ),
    (
        "佐藤優『国家の罠』新潮社、2005年、99—103頁。",
        "book",
        {"author": "佐藤優", "title": "国家の罠", "publisher": "新潮社", "date": "2005", "langid": "japanese"},
        "99-103",
    ),
    (
        "五百旗頭真「日米関係の史的展開」、『国際問題』第 500 号、2001 年、12—20 頁。",
        "article",
        {"journaltitle": "国際問題", "number": "500", "pages": "12-20", "langid": "japanese"},
        "12-20",
    ),
    (
        "김준형, 「한미동맹의 미래」, 『국가전략』 제20권 제1호, 2014, 15-40쪽.",
        "article",
        {"title": "한미동맹의 미래", "journaltitle": "국가전략", "volume": "20", "number": "1", "langid": "korean"},
        "15-40",
    ),
    (
        "Арбатов А.Г. Безопасность: российский выбор. М.: ЭПИцентр, 1999. С. 15.",
        "book",
        {
            "author": "Арбатов, А.Г.",
            "title": "Безопасность: российский выбор",
            "location": "Москва",
            "publisher": "ЭПИцентр",
            "date": "1999",
            "langid": "russian",
        },
        "15",
    ),
    (
        "Караганов С.А. Новая внешняя политика России // Россия в глобальной политике. 2016. № 3. С. 8–20.",
        "article",
        {"journaltitle": "Россия в глобальной политике", "number": "3", "date": "2016"},
        "8-20",
    ),
    (
        "АВП РФ. Ф. 0100. Оп. 42. П. 288. Д. 19. Л. 81–85.",
        "misc",
        {"entrysubtype": "archive", "langid": "russian"},
        "81-85",
    ),
    # older GB/T style with type tags
    (
        "阎学通. 道义现实主义的国际关系理论[J]. 国际问题研究, 2014, (5): 102-128.",
        "article",
        {"author": "阎学通", "journaltitle": "国际问题研究", "date": "2014", "number": "5", "pages": "102-128"},
        "102-128",
    ),
    (
        "Keohane R O. After Hegemony[M]. Princeton: Princeton University Press, 1984: 45.",
        "book",
        {"title": "After Hegemony", "publisher": "Princeton University Press", "date": "1984"},
        "45",
    ),
    (
        "习近平. 坚持走和平发展道路[N]. 人民日报, 2013-01-30(1).",
        "article",
        {"entrysubtype": "newspaper", "journaltitle": "人民日报", "date": "2013-01-30", "pages": "1"},
        "1",
    ),
]


@pytest.mark.parametrize("note,etype,fields,locator", CASES, ids=[c[0][:18] for c in CASES])
def test_pattern(note, etype, fields, locator):
    assert_one_citation(note, etype, fields, locator)


def test_several_citations_lead_in_and_trailing_etc():
    r = read_note(
        "参见 John J. Mearsheimer, The Tragedy of Great Power Politics, New York: W. W. Norton, 2001, pp. 29-54; "
        "Randall L. Schweller, “Bandwagoning for Profit,” International Security, Vol. 19, No. 1, 1994, pp. 72-107 等。"
    )
    assert [c.parsed.type for c in r.citations] == ["book", "article"]
    assert r.citations[1].parsed.fields["pages"] == "72-107"
    r = read_note(
        "详见唐世平：《国际秩序变迁》，《中国社会科学》2019年第3期；另参见秦亚青：《关系与过程》，上海人民出版社 2012 年版。"
    )
    assert [c.parsed.type for c in r.citations] == ["article", "book"]
    assert r.citations[0].parsed.fields["author"] == "唐世平"


def test_refer_to_is_a_lead_in_like_see():
    r = read_note("Refer to Ann Roe, The Making of Alliances (Ithaca, N.Y.: Cornell University Press, 1987), 21-26.")
    assert r.citations[0].parsed.fields["author"] == "Roe, Ann"
    assert r.citations[0].parsed.fields["title"] == "The Making of Alliances"


def test_url_then_deng_is_not_part_of_the_url():
    r = read_note(
        "参见 A. Author,“One,” Naval News, May 23, 2025, https://www.navalnews.com/a/；B. Author,“Two,”USNI News, "
        "June 24, 2025, https://news.usni.org/2025/06/24/two等。"
    )
    assert [c.parsed.fields["url"] for c in r.citations] == [
        "https://www.navalnews.com/a/",
        "https://news.usni.org/2025/06/24/two",
    ]


def test_commentary_around_a_citation_keeps_only_the_citation():
    r = read_note("关于这一争论，可参见阎学通：《世界权力的转移》，北京大学出版社 2015 年版，第 45 页。")
    assert r.status == "cited"
    assert r.citations[0].parsed.fields["author"] == "阎学通"
    assert r.citations[0].parsed.fields["title"] == "世界权力的转移"


@pytest.mark.parametrize(
    "note",
    [
        "本文系国家社会科学基金项目“某某研究”（项目编号：20BGJ001）的阶段性成果。感谢匿名评审专家的意见。",
        "作者感谢《国际政治科学》匿名评审人的修改意见，文责自负。",
        "这里的“联盟”指正式的军事同盟，不包括非正式的安全合作关系。",
        "This research was supported by the National Social Science Fund of China.",
        # a sentence about a quoted term, with a year in it: commentary, not a book titled by the sentence
        "The term 'treaty port' is used here in its legal sense of the 1842 settlement, not in the later loose one.",
        "The label “gentry state” is meant broadly, as in the debates of the 1960s, and no more.",
    ],
)
def test_notes_that_cite_nothing(note):
    assert read_note(note).status == "not-a-citation"


def test_back_references_join_earlier_entries():
    notes = "\n\n".join(
        [
            "① 阎学通：《世界权力的转移：政治领导与战略竞争》，北京大学出版社 2015 年版，第 33 页。",
            "② 同上，第 35 页。",
            "③ Robert Jervis, Perception and Misperception in International Politics, Princeton: Princeton University Press, 1976, p. 58.",
            "④ Ibid., p. 62.",
            "⑤ 阎学通：《世界权力的转移》，第 40 页。",
            "⑥ Jervis, Perception and Misperception, p. 70.",
            "⑦ Jervis, op. cit., p. 80.",
            "⑧ 阎学通：前引书，第 41 页。",
            "⑨ 同上书，第 42 页。",
        ]
    )
    x = extract_notes(notes)
    assert len(x.entries) == 2
    yan, jervis = x.entries
    assert [(c.note, c.locator) for c in yan.citations] == [(1, "33"), (2, "35"), (5, "40"), (8, "41"), (9, "42")]
    assert [(c.note, c.locator) for c in jervis.citations] == [(3, "58"), (4, "62"), (6, "70"), (7, "80")]
    assert all(r.status == "cited" for r in x.notes)
    assert [r.joined for r in x.notes][:2] == [[False], [True]]


def test_same_work_cited_twice_is_one_entry():
    x = extract_notes(
        "[1] Ely Ratner, “The Case,” Foreign Affairs, May 27, 2025, https://www.foreignaffairs.com/x.\n\n"
        "[2] 其他说明，不是引文。\n\n"
        "[3] Ely Ratner, “The Case,” Foreign Affairs, May 27, 2025, https://www.foreignaffairs.com/x."
    )
    assert len(x.entries) == 1
    assert [c.note for c in x.entries[0].citations] == [1, 3]
    assert [r.status for r in x.notes] == ["cited", "not-a-citation", "cited"]


def test_ibid_without_antecedent_is_reported_not_dropped():
    x = extract_notes("同上，第 3 页。")
    assert x.notes[0].status == "not-understood"
    assert x.notes[0].reason


@pytest.mark.parametrize("marker", ["①", "[1]", "(1)", "1.", "1 ", ""])
def test_loose_notes_markers_optional(marker):
    x = extract_notes(
        f"{marker}阎学通：《世界权力的转移》，北京大学出版社 2015 年版，第 33 页。\n\n"
        f"{marker.replace('1', '2').replace('①', '②')}同上，第 35 页。"
    )
    assert len(x.entries) == 1
    assert [c.locator for c in x.entries[0].citations] == ["33", "35"]
    assert [n.note.page for n in x.notes] == [None, None]


def test_bad_note_is_not_understood_with_its_text():
    x = extract_notes("[1] 《》，，。\n\n[2] “”")
    assert all(r.status in ("not-understood", "not-a-citation") for r in x.notes)
    assert all(r.as_dict()["text"] for r in x.notes)


def test_parse_citation_direct_api():
    p = parse_citation("Ely Ratner, “The Case for a Pacific Defense Pact,” Foreign Affairs, May 27, 2025.")
    assert p.type == "article" and p.fields["date"] == "2025-05-27"


# ---- more of the genre: commentary, government sites, Chicago variants, reports, continuous numbering

MORE = [
    (
        "有学者把这种做法称为“对冲”，详见唐世平：《国际政治的社会演化》，《世界经济与政治》2013 年第 1 期，第 5—20 页。",
        "article",
        {"author": "唐世平", "journaltitle": "世界经济与政治", "number": "1", "pages": "5-20"},
        "5-20",
    ),
    (
        "For the debate on “hedging,” see Kuik Cheng-Chwee, “How Do Weaker States Hedge?” Journal of Contemporary China, Vol. 25, No. 100, 2016, pp. 500-514.",
        "article",
        {"journaltitle": "Journal of Contemporary China", "volume": "25", "number": "100"},
        "500-514",
    ),
    (
        "《外交部发言人答记者问》，中华人民共和国外交部网站，2024 年 5 月 6 日，https://www.mfa.gov.cn/fyrbt/1.shtml。",
        "online",
        {"organization": "中华人民共和国外交部网站", "date": "2024-05-06"},
        None,
    ),
    (
        "《国务院关于印发某某规划的通知》，中国政府网，2021 年 3 月 1 日，https://www.gov.cn/zhengce/1.htm。",
        "online",
        {"organization": "中国政府网"},
        None,
    ),
    (
        "钟声：《合作是唯一正确选择》，《人民日报》（海外版）2023 年 11 月 2 日，第 1 版。",
        "article",
        {"journaltitle": "人民日报（海外版）", "date": "2023-11-02", "pages": "1"},
        "1",
    ),
    (
        "Thomas J. Christensen, “Chinese Realpolitik,” in Foreign Policy Choices, ed. Jane Doe and John Roe (Boston: Beacon Press, 1999), 12–30.",
        "incollection",
        {
            "booktitle": "Foreign Policy Choices",
            "editor": "Doe, Jane and Roe, John",
            "publisher": "Beacon Press",
            "date": "1999",
        },
        "12-30",
    ),
    (
        "Jane Doe and John Roe, eds., Alliances in Asia (Oxford: Oxford University Press, 2019), 7.",
        "book",
        {"editor": "Doe, Jane and Roe, John", "title": "Alliances in Asia", "publisher": "Oxford University Press"},
        "7",
    ),
    (
        "Thucydides, History of the Peloponnesian War, trans. Rex Warner, London: Penguin, 1972, p. 49.",
        "book",
        {"title": "History of the Peloponnesian War", "translator": "Warner, Rex", "publisher": "Penguin"},
        "49",
    ),
    (
        "Jane Doe, Alliance Burden Sharing in Asia, RR-1234-A, Santa Monica, CA: RAND Corporation, 2021, p. 3.",
        "report",
        {"title": "Alliance Burden Sharing in Asia", "number": "RR-1234-A", "institution": "RAND Corporation"},
        "3",
    ),
    (
        "Jane Doe, “Alliances Under Stress,” Lowy Institute Analysis Paper No. 12, June 2, 2022, https://www.lowyinstitute.org/x.",
        "report",
        {"type": "Lowy Institute Analysis Paper", "number": "12", "date": "2022-06-02"},
        None,
    ),
    (
        "Jane Doe, “Hedging in Southeast Asia,” The Interpreter, May 5, 2022, https://www.lowyinstitute.org/the-interpreter/x, accessed June 1, 2022.",
        "article",
        {"url": "https://www.lowyinstitute.org/the-interpreter/x", "urldate": "2022-06-01", "date": "2022-05-05"},
        None,
    ),
    (
        "山本吉宣「国際秩序の変容」、『国際政治』第 180 号、2015 年 3 月、1—15 頁。",
        "article",
        {"journaltitle": "国際政治", "number": "180", "date": "2015-03", "pages": "1-15"},
        "1-15",
    ),
    ("ГАРФ. Ф. 5446. Оп. 1. Д. 25. Л. 3–4.", "misc", {"entrysubtype": "archive", "library": "ГАРФ"}, "3-4"),
]


@pytest.mark.parametrize("note,etype,fields,locator", MORE, ids=[c[0][:18] for c in MORE])
def test_more_patterns(note, etype, fields, locator):
    test_pattern(note, etype, fields, locator)


@pytest.mark.parametrize(
    "note",
    [
        "关于《联合国海洋法公约》相关条款的解释，学界仍有分歧，此处不赘。",
        "需要说明的是，文中“盟伴”一词包括盟国与安全伙伴。",
        "Here “alliance” means a formal defence treaty, not informal alignment.",
    ],
)
def test_commentary_mentions_are_not_citations(note):
    assert read_note(note).status == "not-a-citation"


def test_qianyin_joins_the_work_of_that_exact_author():
    x = extract_notes(
        "① 刘丰：《秩序转型》，《世界经济与政治》2016年第2期，第46页。\n\n"
        "② 刘若楠：《地区战略转变》，《世界经济与政治》2017 年第 4 期，第 60—82 页。\n\n"
        "③ 刘丰：前引文，第 50 页。\n\n④ 同上。"
    )
    first = x.entries[0]
    assert [c.note for c in first.citations] == [1, 3, 4]


def test_notes_numbered_straight_through_the_pages():
    from annobib.extract import extract_text

    text = (
        "-12-\n正文第一页，引用一本书。1 再引用一篇文章。2\n"
        "1Glenn H. Snyder, Alliance Politics, Ithaca: Cornell University Press, 1997, p. 180.\n"
        "2刘丰：《秩序转型》，《世界经济与政治》2016年第2期，第46页。\n"
        "-13-\n第二页的正文，继续引用。3 又引用。4\n"
        "3Snyder, Alliance Politics, p. 185.\n4Ibid., p. 190.\n"
    )
    x = extract_text(text)
    assert [(r.note.page, r.note.number, r.status) for r in x.notes] == [
        (12, 1, "cited"),
        (12, 2, "cited"),
        (13, 3, "cited"),
        (13, 4, "cited"),
    ]
    assert len(x.entries) == 2
    assert [c.locator for c in x.entries[0].citations] == ["180", "185", "190"]
    assert all(r.note.linked for r in x.notes)


MORE2 = [
    (
        "Xinhua, “China, U.S. Hold Talks,” March 3, 2025, http://english.news.cn/x.html.",
        "article",
        {"journaltitle": "Xinhua", "entrysubtype": "newspaper", "date": "2025-03-03"},
        None,
    ),
    (
        "新华社：《中美举行会谈》，2025 年 3 月 1 日，http://www.news.cn/politics/x.htm。",
        "article",
        {"journaltitle": "新华社", "entrysubtype": "newspaper", "date": "2025-03-01"},
        None,
    ),
    (
        "中共中央文献研究室编：《毛泽东年谱（1949—1976）》第 2 卷，中央文献出版社 2013 年版，第 315 页。",
        "book",
        {"editor": "{中共中央文献研究室}", "volume": "2", "publisher": "中央文献出版社", "date": "2013"},
        "315",
    ),
    ("《周恩来选集》下卷，人民出版社 1984 年版，第 87 页。", "book", {"title": "周恩来选集", "volume": "下"}, "87"),
    (
        "《国务院关于某事的批复》（1952 年 3 月 4 日），上海市档案馆藏，B1-2-345。",
        "misc",
        {"entrysubtype": "archive", "library": "上海市档案馆", "number": "B1-2-345", "date": "1952-03-04"},
        None,
    ),
    (
        "「日米首脳会談\u3000同盟強化で一致」、『日本経済新聞』2024 年 4 月 11 日、1 面。",
        "article",
        {
            "title": "日米首脳会談\u3000同盟強化で一致",
            "journaltitle": "日本経済新聞",
            "pages": "1",
            "langid": "japanese",
        },
        "1",
    ),
    (
        "参见 Hans J. Morgenthau, Politics among Nations, 5th ed., New York: Alfred A. Knopf, 1973, p. 10。",
        "book",
        {"title": "Politics among Nations", "edition": "5", "publisher": "Alfred A. Knopf"},
        "10",
    ),
    (
        "相关讨论参见 Robert Jervis, “Unipolarity,” World Politics, Vol. 61, No. 1, 2009, pp. 188-213。",
        "article",
        {"author": "Jervis, Robert", "journaltitle": "World Politics"},
        "188-213",
    ),
    (
        "Тренин Д. Новый баланс сил // Россия в глобальной политике. 2019. Т. 17. № 3. С. 10–25.",
        "article",
        {"author": "Тренин, Д.", "volume": "17", "number": "3", "pages": "10-25"},
        "10-25",
    ),
]


@pytest.mark.parametrize("note,etype,fields,locator", MORE2, ids=[c[0][:18] for c in MORE2])
def test_more_patterns_2(note, etype, fields, locator):
    test_pattern(note, etype, fields, locator)


@pytest.mark.parametrize(
    "note",
    [
        "作者 2023 年 8 月在东京对日本外务省官员的访谈。",
        "此处数据系作者根据联合国贸易数据库整理计算所得。",
    ],
)
def test_interviews_and_data_remarks_are_not_citations(note):
    assert read_note(note).status == "not-a-citation"


MORE3 = [
    (
        "Telegram from Tokyo to Washington, March 3, 1952, RG 59, Central Decimal File, Box 123, National Archives, College Park, MD.",
        "misc",
        {
            "entrysubtype": "archive",
            "title": "Telegram from Tokyo to Washington",
            "library": "National Archives",
            "date": "1952-03-03",
            "number": "RG 59, Central Decimal File, Box 123",
        },
        None,
    ),
    (
        "FO 371/105378, Foreign Office to Tokyo, June 2, 1953, The National Archives, Kew.",
        "misc",
        {"entrysubtype": "archive", "number": "FO 371/105378", "library": "The National Archives"},
        None,
    ),
    (
        "王五：《某某研究》，硕士学位论文，北京：外交学院，2019 年。",
        "thesis",
        {"institution": "外交学院", "date": "2019"},
        None,
    ),
    (
        "赵六：《某某问题》，载《第五届亚太论坛论文集》，北京，2019 年，第 5 页。",
        "inproceedings",
        {"booktitle": "第五届亚太论坛论文集", "date": "2019"},
        "5",
    ),
    (
        "Mark Landler, “Biden and Xi Meet,” The New York Times, November 15, 2023, p. A1.",
        "article",
        {"journaltitle": "The New York Times", "entrysubtype": "newspaper"},
        "A1",
    ),
]


@pytest.mark.parametrize("note,etype,fields,locator", MORE3, ids=[c[0][:18] for c in MORE3])
def test_more_patterns_3(note, etype, fields, locator):
    test_pattern(note, etype, fields, locator)


def test_references_to_a_numbered_earlier_note():
    x = extract_notes(
        "① 阎学通：《世界权力的转移》，北京大学出版社 2015 年版，第 33 页。\n\n"
        "② Robert Jervis, Perception and Misperception in International Politics, Princeton: Princeton University Press, 1976, p. 58.\n\n"
        "③ 同前注①，第 40 页。\n\n"
        "④ Jervis, Perception and Misperception, op. cit., p. 60.\n\n"
        "⑤ See note 2 above, p. 61."
    )
    yan, jervis = x.entries
    assert [(c.note, c.locator) for c in yan.citations] == [(1, "33"), (3, "40")]
    assert [(c.note, c.locator) for c in jervis.citations] == [(2, "58"), (4, "60"), (5, "61")]


MORE4 = [
    ("「記事名」、朝日新聞、2025 年 3 月 7 日。", "article", {"journaltitle": "朝日新聞", "langid": "japanese"}, None),
    (
        "五百旗頭真『日米戦争と戦後日本』講談社学術文庫、2005年。",
        "book",
        {"publisher": "講談社学術文庫", "date": "2005"},
        None,
    ),
    (
        "이상현, 『한미동맹의 미래』, 서울: 한울, 2015, 45쪽.",
        "book",
        {"author": "이상현", "location": "서울", "publisher": "한울", "date": "2015", "langid": "korean"},
        "45",
    ),
    (
        "Лавров С.В. Выступление на сессии. 2024. URL: https://www.mid.ru/ru/x (дата обращения: 05.03.2024).",
        "online",
        {"url": "https://www.mid.ru/ru/x", "urldate": "2024-03-05", "langid": "russian"},
        None,
    ),
    (
        "Bonnie S. Glaser, “Title of Commentary,” CSIS, March 2, 2021, https://www.csis.org/x.",
        "online",
        {"organization": "CSIS"},
        None,
    ),
    (
        "Joseph S. Nye, Jr., Bound to Lead, New York: Basic Books, 1990, p. 3.",
        "book",
        {"author": "Nye, Jr., Joseph S.", "title": "Bound to Lead", "publisher": "Basic Books"},
        "3",
    ),
]


@pytest.mark.parametrize("note,etype,fields,locator", MORE4, ids=[c[0][:18] for c in MORE4])
def test_more_patterns_4(note, etype, fields, locator):
    test_pattern(note, etype, fields, locator)


def test_chicago_short_forms_with_bare_page_numbers():
    x = extract_notes(
        "① Robert Jervis, Perception and Misperception in International Politics (Princeton: Princeton University Press, 1976), 58.\n\n"
        "② Ibid., 60.\n\n③ Jervis, Perception and Misperception, 62."
    )
    assert len(x.entries) == 1
    assert [c.locator for c in x.entries[0].citations] == ["58", "60", "62"]


def test_back_references_in_japanese_korean_and_russian():
    x = extract_notes(
        "(1) 佐藤優『国家の罠』新潮社、2005年、99頁。\n\n(2) 同上書、100頁。\n\n(3) 佐藤、前掲書、101頁。\n\n(4) 前掲注(1)、102頁。\n\n"
        "(5) 이상현, 『한미동맹의 미래』, 서울: 한울, 2015, 45쪽.\n\n(6) 위의 책, 46쪽.\n\n(7) 이상현, 앞의 책, 47쪽.\n\n"
        "(8) Арбатов А.Г. Безопасность: российский выбор. М.: ЭПИцентр, 1999. С. 15.\n\n(9) Там же. С. 16.\n\n"
        "(10) Арбатов А.Г. Указ. соч. С. 17."
    )
    assert [[(c.note, c.locator) for c in e.citations] for e in x.entries] == [
        [(1, "99"), (2, "100"), (3, "101"), (4, "102")],
        [(5, "45"), (6, "46"), (7, "47")],
        [(8, "15"), (9, "16"), (10, "17")],
    ]


def test_full_width_digits_and_dotted_dates():
    r = read_note("张三：《某某》，《人民日报》２０２５年３月７日，第２版。")
    assert r.citations[0].parsed.fields["date"] == "2025-03-07" and r.citations[0].parsed.fields["pages"] == "2"
    r = read_note("《标题》，新华网，2025.3.7，http://www.news.cn/x.htm。")
    assert r.citations[0].parsed.fields["date"] == "2025-03-07"


MORE5 = [
    (
        "阎学通：《世界权力的转移》，北京大学出版社，2015，第 33 页。",
        "book",
        {"publisher": "北京大学出版社", "date": "2015"},
        "33",
    ),
    (
        "阎学通：《世界权力的转移》（北京：北京大学出版社，2015 年），第 33 页。",
        "book",
        {"location": "北京", "publisher": "北京大学出版社", "date": "2015"},
        "33",
    ),
    (
        "《标题》，《环球时报》2025-03-02。",
        "article",
        {"journaltitle": "环球时报", "entrysubtype": "newspaper", "date": "2025-03-02"},
        None,
    ),
    (
        "张三：《题名》，北京大学博士学位论文，2010 年。",
        "thesis",
        {"institution": "北京大学", "type": "博士学位论文"},
        None,
    ),
    (
        "外務省「外交青書2024」、2024年。",
        "report",
        {"author": "{外務省}", "institution": "外務省", "langid": "japanese"},
        None,
    ),
    (
        "「日米首脳会談」、外務省ホームページ、2025年2月7日、https://www.mofa.go.jp/x.html。",
        "online",
        {"organization": "外務省ホームページ", "langid": "japanese"},
        None,
    ),
    (
        "Путин В.В. Россия сосредотачивается // Известия. 2012. 16 января.",
        "article",
        {"journaltitle": "Известия", "entrysubtype": "newspaper", "date": "2012-01-16"},
        None,
    ),
    (
        "[美]约瑟夫·奈著：《软实力》，马娟娟译，中信出版社 2013 年版。",
        "book",
        {"author": "约瑟夫·奈", "translator": "马娟娟"},
        None,
    ),
    (
        "《某某电报》，1950 年 1 月 2 日，台北“国史馆”藏，档号：002-080106-00001-001。",
        "misc",
        {"entrysubtype": "archive", "number": "002-080106-00001-001", "date": "1950-01-02"},
        None,
    ),
]


@pytest.mark.parametrize("note,etype,fields,locator", MORE5, ids=[c[0][:18] for c in MORE5])
def test_more_patterns_5(note, etype, fields, locator):
    test_pattern(note, etype, fields, locator)


@pytest.mark.parametrize("note", ["参见上文第二部分的讨论。", "笔者认为，这一判断值得商榷。"])
def test_cross_references_and_remarks_are_not_citations(note):
    assert read_note(note).status == "not-a-citation"


@pytest.mark.parametrize(
    "note",
    [
        "Jane Doe, “Chapter One,” in: John Roe (ed.), Book Title, London: Routledge, 2015, pp. 1-20.",
        "Jane Doe, “Chapter One,” In Book Title, edited by John Roe, London: Routledge, 2015, pp. 1-20.",
    ],
)
def test_chapter_variants(note):
    test_pattern(
        note,
        "incollection",
        {"editor": "Roe, John", "booktitle": "Book Title", "publisher": "Routledge", "pages": "1-20"},
        "1-20",
    )


def test_russian_editors_keep_their_printed_initials_and_others():
    p = parse_citation("Очерки истории Сибири: сб. ст. / под ред. Н. П. Гусева и др. Томск: ТГУ, 2011. С. 40–44.")
    assert p.fields["editor"] == "Гусев, Н. П. and others"
    assert p.fields["title"] == "Очерки истории Сибири: сб. ст."  # no "и др" left in it (ст. as printed)
    assert parse_citation("Очерки / под ред. Н.П. Гусева. М.: Наука, 2011.").fields["editor"] == "Гусев, Н.П."
