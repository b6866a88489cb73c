"""Genre gaps closed after the first review: one case (or more) per note form, written for these
tests (not taken from any evaluation set)."""

import pytest

from annobib.extract import extract_text
from annobib.extract.citations import read_note
from annobib.extract.fields import iso_date, western_person

# (note, type, expected fields (subset), locator); a field expected as None must be absent
CASES = [
    # 1. three or more Western authors before an unquoted book title
    ("Barry Buzan, Ole Wæver and Jaap de Wilde, Security: A New Framework for Analysis, Boulder: Lynne Rienner, 1998, p. 23.", "book",
     {"author": "Buzan, Barry and Wæver, Ole and de Wilde, Jaap", "title": "Security: A New Framework for Analysis",
      "location": "Boulder", "publisher": "Lynne Rienner", "date": "1998"}, "23"),
    ("Robert O. Keohane, Joseph S. Nye, and Stanley Hoffmann, After the Cold War, Cambridge: Harvard University Press, 1993.", "book",
     {"author": "Keohane, Robert O. and Nye, Joseph S. and Hoffmann, Stanley", "title": "After the Cold War"}, None),
    ("Thomas J. Christensen, Jane M. Doe, Richard Roe, et al., Some Book on Asia, New York: Norton, 2010, p. 5.", "book",
     {"author": "Christensen, Thomas J. and Doe, Jane M. and Roe, Richard and others", "title": "Some Book on Asia"}, "5"),
    # … but title words after one author are not taken for names
    ("John Smith, Soft Power and Hard Choices, New York: Norton, 2010.", "book",
     {"author": "Smith, John", "title": "Soft Power and Hard Choices"}, None),
    ("Kim Richard Nossal, Rain Dancing, Toronto: Dundurn, 1994.", "book", {"author": "Nossal, Kim Richard", "title": "Rain Dancing"}, None),
    # 2. lead-ins with "for example"
    ("See, for instance, Hal Brands, The Twilight Struggle, New Haven: Yale University Press, 2022, p. 9.", "book",
     {"author": "Brands, Hal", "title": "The Twilight Struggle"}, "9"),
    ("See, e.g., Kenneth N. Waltz, Man, the State, and War, New York: Columbia University Press, 1959.", "book",
     {"author": "Waltz, Kenneth N."}, None),
    ("For a useful overview, see Robert Jervis, System Effects, Princeton: Princeton University Press, 1997, p. 4.", "book",
     {"author": "Jervis, Robert", "title": "System Effects"}, "4"),
    ("For example, see Aaron L. Friedberg, A Contest for Supremacy, New York: Norton, 2011.", "book",
     {"author": "Friedberg, Aaron L.", "title": "A Contest for Supremacy"}, None),
    ("On hedging, see, for example, Evelyn Goh, The Struggle for Order, Oxford: Oxford University Press, 2013, p. 5.", "book",
     {"author": "Goh, Evelyn", "title": "The Struggle for Order"}, "5"),
    ("参见例如秦亚青：《关系与过程》，上海人民出版社，2012 年，第 45 页。", "book", {"author": "秦亚青", "title": "关系与过程"}, "45"),
    ("例如，参见唐世平：《国际政治的社会演化》，中信出版社 2017 年版。", "book", {"author": "唐世平", "publisher": "中信出版社"}, None),
    # 3. old GB/T analytics: [M]//, [C]//, [A]//
    ("李明. 东亚合作的制度困境[M]//张华, 刘强. 东亚秩序与中国. 上海: 上海人民出版社, 2012: 33-50.", "incollection",
     {"author": "李明", "editor": "张华 and 刘强", "title": "东亚合作的制度困境", "booktitle": "东亚秩序与中国", "location": "上海",
      "publisher": "上海人民出版社", "date": "2012", "pages": "33-50"}, "33-50"),
    ("赵六. 论区域一体化[C]//中国国际关系学会. 2015年年会论文集. 北京: 时事出版社, 2016: 101-115.", "inproceedings",
     {"author": "赵六", "booktitle": "2015年年会论文集", "location": "北京", "publisher": "时事出版社", "pages": "101-115"}, "101-115"),
    ("王五. 边疆治理[A]//刘七主编. 边疆研究. 昆明: 云南大学出版社, 2010: 5.", "incollection",
     {"editor": "刘七", "booktitle": "边疆研究", "location": "昆明", "pages": None}, "5"),
    ("KATZENSTEIN P J. Introduction[M]//KATZENSTEIN P J, ed. The Culture of National Security. New York: Columbia University Press, 1996: 1-32.",
     "incollection", {"author": "KATZENSTEIN, P J", "editor": "KATZENSTEIN, P J", "booktitle": "The Culture of National Security",
                      "location": "New York", "publisher": "Columbia University Press", "pages": "1-32"}, "1-32"),
    # 4. Japanese without kana; organization authors braced
    ("外務省『外交青書 2022』日経印刷、2022 年、35 頁。", "report",
     {"author": "{外務省}", "institution": "外務省", "publisher": "日経印刷", "date": "2022", "langid": "japanese"}, "35"),
    ("首相官邸「国家安全保障会議の開催について」2022 年 12 月 16 日、https://www.kantei.go.jp/jp/101_kishida/actions/a.html。", "online",
     {"langid": "japanese", "date": "2022-12-16"}, None),
    ("経済産業省『通商白書』勝美印刷、2021 年。", "report", {"author": "{経済産業省}", "langid": "japanese"}, None),
    ("[日] 高原明生：《中日关系史》，东京大学出版会 2013 年版，第 5 页。", "book", {"publisher": "东京大学出版会", "langid": "japanese"}, "5"),
    # 5. a booktitle with a year range keeps place and publisher
    ("Jane Roe, “Another Chapter,” in John Doe, ed., Asia Yearbook 2010-2011, London: Royal Institute of International Affairs, 2011, pp. 1-20.",
     "incollection", {"booktitle": "Asia Yearbook 2010-2011", "location": "London", "publisher": "Royal Institute of International Affairs",
                      "date": "2011", "pages": "1-20"}, "1-20"),
    ("Ann Lee, “A Chapter,” in Ashley Smith and Tom Brown, eds., Regional Survey 2019-20: Trends, Washington, D.C.: National Bureau of Economic Research, 2020, pp. 5-9.",
     "incollection", {"location": "Washington, D.C.", "publisher": "National Bureau of Economic Research", "date": "2020"}, "5-9"),
    # 6. two-month issues: the year
    ("Joe Doe, “Some Essay,” Foreign Policy, No. 5, Nov./Dec. 2019, pp. 6-9.", "article", {"date": "2019", "number": "5"}, "6-9"),
    ("Mira Rapp-Hooper, “Saving America’s Alliances,” Foreign Affairs, Vol. 99, No. 2, January/February 2020, pp. 127-140.", "article",
     {"date": "2020", "volume": "99", "pages": "127-140"}, "127-140"),
    # 8. report series with the institution after it
    ("Jane Doe, “Restraint in Asia,” Quincy Brief No. 45, Quincy Institute for Responsible Statecraft, May 3, 2023, https://quincyinst.org/report/restraint.",
     "report", {"type": "Quincy Brief", "number": "45", "institution": "Quincy Institute for Responsible Statecraft", "date": "2023-05-03"}, None),
    ("John Smith, “Alliance Burden,” Working Paper No. 12, Brookings Institution, 2021.", "report",
     {"type": "Working Paper", "number": "12", "institution": "Brookings Institution"}, None),
    # more of the genre
    ("王明：《东亚区域主义》，载《国际政治研究》第 12 辑，北京：社会科学文献出版社 2015 年版，第 33—50 页。", "article",
     {"journaltitle": "国际政治研究", "number": "12", "publisher": "社会科学文献出版社", "pages": "33-50"}, "33-50"),
    ("张三：《中国外交史》（下），北京：人民出版社 1990 年版，第 5 页。", "book", {"title": "中国外交史", "volume": "下"}, "5"),
    ("李四：《国际关系理论》（第 3 版），上海人民出版社 2010 年版，第 12 页。", "book", {"edition": "3", "publisher": "上海人民出版社"}, "12"),
    ("毛泽东：《论联合政府》，载《毛泽东选集》第 3 卷，人民出版社 1991 年版，第 1030 页。", "incollection",
     {"author": "毛泽东", "booktitle": "毛泽东选集", "volume": "3", "publisher": "人民出版社", "date": "1991"}, "1030"),
    ("《马克思恩格斯全集》第 2 卷，人民出版社 1957 年版，第 100 页。", "book",
     {"title": "马克思恩格斯全集", "volume": "2", "publisher": "人民出版社", "date": "1957"}, "100"),
    ("中共中央文献研究室编：《邓小平年谱（1975—1997）》下卷，中央文献出版社 2004 年版，第 20 页。", "book",
     {"editor": "{中共中央文献研究室}", "volume": "下", "publisher": "中央文献出版社"}, "20"),
    ("转引自张三：《冷战史》，载李四主编：《国际史研究》，世界知识出版社 2005 年版，第 15 页。", "incollection",
     {"author": "张三", "editor": "李四", "booktitle": "国际史研究"}, "15"),
    ("赵六：《东亚秩序》，原载《国际问题研究》2005 年第 2 期，后收入《赵六文集》，北京：人民出版社 2010 年版，第 100 页。", "incollection",
     {"booktitle": "赵六文集", "publisher": "人民出版社", "date": "2010"}, "100"),
    ("钱某：《论东亚秩序》，收录于孙某主编：《东亚研究》，北京大学出版社 2010 年版，第 5—20 页。", "incollection",
     {"editor": "孙某", "booktitle": "东亚研究", "pages": "5-20"}, "5-20"),
    ("新华社北京 3 月 5 日电：《政府工作报告》，《人民日报》2024 年 3 月 13 日，第 1 版。", "article",
     {"author": "{新华社}", "journaltitle": "人民日报", "entrysubtype": "newspaper", "date": "2024-03-13"}, "1"),
    ("《中国的和平发展》白皮书，英文版，国务院新闻办公室，2011 年 9 月。", "report",
     {"institution": "国务院新闻办公室", "langid": "english", "date": "2011-09"}, None),
    ("《外交部发言人答记者问》，外交部网站，2024 年 1 月 2 日，https://www.mfa.gov.cn/a.html，检索日期：2024 年 2 月 1 日。", "online",
     {"urldate": "2024-02-01", "url": "https://www.mfa.gov.cn/a.html"}, None),
    ("《金正恩视察前线》，<朝鮮日報>，2023 年 5 月 3 日。", "article", {"journaltitle": "朝鮮日報", "entrysubtype": "newspaper"}, None),
    ("王明：《东亚秩序》，《世界经济与政治》2020 年第 3 期，第 4—20 页，DOI：10.19422/j.cnki.sjjjyzz.2020.03.001。", "article",
     {"doi": "10.19422/j.cnki.sjjjyzz.2020.03.001", "pages": "4-20"}, "4-20"),
    ("Jane Doe, “Some Paper,” International Security, Vol. 40, No. 1, 2015, pp. 7-50, DOI: 10.1162/ISEC_a_00201.", "article",
     {"doi": "10.1162/ISEC_a_00201", "pages": "7-50"}, "7-50"),
    ("Jim Roe, “Other Paper,” Journal of Strategic Studies, 2019, https://doi.org/10.1080/01402390.2019.1234567.", "article",
     {"doi": "10.1080/01402390.2019.1234567", "entrysubtype": None}, None),
    ("周恩来：《和平共处五项原则》（1953 年 12 月 31 日），载《周恩来选集》下卷，人民出版社 1984 年版，第 118 页。", "incollection",
     {"booktitle": "周恩来选集", "volume": "下", "publisher": "人民出版社", "date": "1984"}, "118"),
    ("刘某：《中美关系的走向》，载《中国国际战略评论 2019》（下），世界知识出版社 2019 年版，第 5—20 页。", "incollection",
     {"booktitle": "中国国际战略评论 2019", "volume": "下", "pages": "5-20"}, "5-20"),
    ("《光明日报》评论员：《坚持对外开放》，《光明日报》2019 年 3 月 1 日，第 1 版。", "article",
     {"author": "{光明日报评论员}", "title": "坚持对外开放", "journaltitle": "光明日报"}, "1"),
    ("资料来源：国家统计局编：《中国统计年鉴 2020》，中国统计出版社 2020 年版。", "book",
     {"editor": "{国家统计局}", "title": "中国统计年鉴 2020"}, None),
    ("数据来源：参见世界银行：《世界发展报告 2020》，2020 年，https://www.worldbank.org/x。", "report",
     {"author": "{世界银行}", "institution": "世界银行"}, None),
    ("See generally Robert Gilpin, War and Change in World Politics, Cambridge: Cambridge University Press, 1981.", "book",
     {"author": "Gilpin, Robert", "title": "War and Change in World Politics"}, None),
    ("As quoted in Robert Jervis, How Statesmen Think, Princeton: Princeton University Press, 2017, p. 5.", "book",
     {"author": "Jervis, Robert", "title": "How Statesmen Think"}, "5"),
    ("Liu Feng and Zhang Ruizhuang, “The Typologies of Realism,” Chinese Journal of International Politics, Vol. 1, No. 1, 2006, pp. 109-134.",
     "article", {"author": "Liu, Feng and Zhang, Ruizhuang"}, "109-134"),
    ("Congressional Research Service, “Taiwan Defense Issues,” CRS In Focus IF12481, updated May 3, 2024.", "report",
     {"type": "CRS In Focus", "number": "IF12481", "institution": "Congressional Research Service", "date": "2024-05-03"}, None),
    ("蔡某：〈兩岸關係的新變局〉，《遠景基金會季刊》，第 20 卷第 2 期，2019 年，頁 45-80。", "article",
     {"journaltitle": "遠景基金會季刊", "volume": "20", "number": "2", "pages": "45-80", "langid": "chinese"}, "45-80"),
    ("阎学通. 国际政治与中国[M]. 3版. 北京: 北京大学出版社, 2005: 12.", "book",
     {"edition": "3", "location": "北京", "publisher": "北京大学出版社"}, "12"),
    ("中国社会科学院世界经济与政治研究所. 全球政治与安全报告[R]. 北京: 社会科学文献出版社, 2021.", "report",
     {"publisher": "社会科学文献出版社", "institution": "中国社会科学院世界经济与政治研究所"}, None),
    ("G. John Ikenberry (ed.), America Unrivaled, Ithaca: Cornell University Press, 2002.", "book",
     {"editor": "Ikenberry, G. John", "author": None, "title": "America Unrivaled"}, None),
    ("Robert Art and Kenneth Waltz (eds.), The Use of Force, 3rd ed., Lanham: Rowman & Littlefield, 1988, p. 12.", "book",
     {"editor": "Art, Robert and Waltz, Kenneth", "edition": "3"}, "12"),
    ("Michael J. Green et al., Asia Strategy, Washington, D.C.: CSIS, 2016, p. 5.", "report",
     {"author": "Green, Michael J. and others", "institution": "CSIS", "langid": "english"}, "5"),
    ("Karen A. Mingst, Essentials of International Relations (5th ed.), New York: W. W. Norton, 2011, p. 9.", "book",
     {"title": "Essentials of International Relations", "edition": "5"}, "9"),
    ("Mao Zedong, Selected Works, Vol. 4, Beijing: Foreign Languages Press, 1961, p. 5.", "book",
     {"author": "Mao, Zedong", "volume": "4"}, "5"),
]


@pytest.mark.parametrize("note,etype,fields,locator", CASES, ids=[c[0][:32] for c in CASES])
def test_genre_case(note, etype, fields, locator):
    reading = read_note(note)
    assert reading.status == "cited", reading.reason
    assert len(reading.citations) == 1
    c = reading.citations[0]
    assert c.parsed.type == etype, c.parsed.fields
    for name, value in fields.items():
        assert c.parsed.fields.get(name) == value, (name, c.parsed.fields)
    assert c.locator == locator


@pytest.mark.parametrize("text,date", [
    ("March/April 2018", "2018"), ("Nov./Dec. 2019", "2019"), ("July–August 2021", "2021"), ("May 2020", "2020-05"),
])
def test_two_month_issue_dates(text, date):
    assert iso_date(text) == date


@pytest.mark.parametrize("name,bib", [
    ("Mao Zedong", "Mao, Zedong"), ("Yan Xuetong", "Yan, Xuetong"), ("Xuetong Yan", "Yan, Xuetong"),
    ("Hal Brands", "Brands, Hal"), ("Kim Richard Nossal", "Nossal, Kim Richard"),
])
def test_pinyin_names_family_first(name, bib):
    assert western_person(name) == bib


def test_running_head_and_folio_between_body_and_notes_do_not_add_a_page():
    text = "\n\n".join([
        " 东亚合作研究的新进展 [1]", "作者甲", "东亚合作是学界的老问题。[2]",
        "[1] 本文系某某基金项目（21BGJ001）的阶段性成果。",
        "[2] 王明：《东亚合作》，北京大学出版社 2015 年版，第 3 页。",
        " 第二页的正文在此。[1] 还有一句。[2]",
        "国际政治研究 2024年第2期", "-58-",
        "[1] 李华：《东亚安全》，《国际问题研究》2019 年第 3 期，第 12—30 页。",
        "[2] Robert Jervis, System Effects, Princeton: Princeton University Press, 1997, p. 4.",
        "东亚合作研究的新进展", "-59-",
        " 第三页的正文在此。[1]",
        "[1] 张三：《冷战史》，世界知识出版社 2005 年版，第 15 页。",
    ])
    x = extract_text(text)
    assert x.pages == 3
    assert x.page_numbers == (57, 59)
    assert [(r.note.page, r.note.number) for r in x.notes] == [(57, 1), (57, 2), (58, 1), (58, 2), (59, 1)]


def test_a_note_running_on_to_the_next_page_is_rejoined():
    text = "\n".join([
        " 中等强国的外交选择是一个老问题。[1] 学界已有大量讨论。[2]",
        "[1] 王明：《中等强国研究》，北京：世界知识出版社 2018 年版，第 5 页。",
        "[2] Robert O. Keohane, “Lilliputians’ Dilemmas: Small States in International Politics,” International",
        "-12-",
        " 这一判断在多个案例中得到验证。[1]",
        "Organization, Vol. 23, No. 2, 1969, pp. 291-310.",
        "[1] 李华：《东亚安全合作》，《国际问题研究》2019 年第 3 期，第 12—30 页。",
        "-13-",
    ])
    x = extract_text(text)
    assert len(x.notes) == 3
    keohane = next(e for e in x.entries if e.fields.get("author") == "Keohane, Robert O.")
    assert keohane.fields["journaltitle"] == "International Organization"
    assert keohane.fields["pages"] == "291-310"
    li = next(r for r in x.notes if r.note.page == 13)
    assert li.note.context == "这一判断在多个案例中得到验证。"


def test_a_complete_last_note_does_not_swallow_the_next_page_body():
    text = "\n".join([
        " 正文第一句。[1]",
        "[1] 王明：《中等强国研究》，北京：世界知识出版社 2018 年版，第 5 页。",
        "-12-",
        " 2020 年，《东亚》一书出版，第 3 期讨论了它。[1]",
        "[1] 李华：《东亚安全合作》，《国际问题研究》2019 年第 3 期，第 12—30 页。",
        "-13-",
    ])
    x = extract_text(text)
    first = next(r for r in x.notes if r.note.page == 12)
    assert first.note.text.endswith("第 5 页。")
    second = next(r for r in x.notes if r.note.page == 13)
    assert second.note.context and second.note.context.startswith("2020 年")


def test_a_url_cut_at_the_page_foot_is_rejoined():
    text = "\n".join([
        " 正文第一句。[1]",
        "[1] 《韩国发布新战略》，韩联社，2022 年 12 月 28 日，https://cn.yna.co.kr/view/",
        "-12-",
        " 正文第二句。[1]",
        "AKR20221228002500881。",
        "[1] 李华：《东亚安全合作》，《国际问题研究》2019 年第 3 期，第 12—30 页。",
        "-13-",
    ])
    x = extract_text(text)
    first = next(r for r in x.notes if r.note.page == 12)
    assert "https://cn.yna.co.kr/view/AKR20221228002500881" in first.note.text
    second = next(r for r in x.notes if r.note.page == 13)
    assert second.note.context == "正文第二句。"


def test_an_open_short_note_does_not_take_body_text_with_title_marks():
    text = "\n".join([
        " 正文第一句。[1]",
        "[1] 同上",
        "-12-",
        " 前一段结束。",
        "《联合国宪章》第 2 条规定了主权平等原则，见于 1945 年的文本。[1]",
        "[1] 李华：《东亚安全合作》，《国际问题研究》2019 年第 3 期，第 12—30 页。",
        "-13-",
    ])
    x = extract_text(text)
    second = next(r for r in x.notes if r.note.page == 13)
    assert second.note.context and second.note.context.startswith("《联合国宪章》")


def test_a_chinese_speech_without_url_is_not_made_a_printed_book():
    c = read_note("王毅：《在中国外交政策研讨会上的讲话》，外交部，2023 年 5 月。").citations[0]
    assert c.parsed.type != "book"
    assert "publisher" not in c.parsed.fields


def test_short_form_with_three_surnames_joins_the_full_citation():
    from annobib.extract import extract_notes

    x = extract_notes("① Barry Buzan, Ole Wæver and Jaap de Wilde, Security: A New Framework for Analysis, Boulder: Lynne Rienner, 1998, p. 23.\n\n"
                      "② Buzan, Wæver and de Wilde, Security, p. 30.\n\n"
                      "③ Jervis, Perception and Misperception, op. cit., p. 60.")
    buzan = x.entries[0]
    assert [(c.note, c.locator) for c in buzan.citations] == [(1, "23"), (2, "30")]
    assert all(e.fields.get("author") != "Jervis, Perception and Misperception" for e in x.entries)


@pytest.mark.parametrize("note,fields", [
    ("内閣府『経済財政白書』日経印刷、2020 年。", {"author": "{内閣府}", "langid": "japanese"}),
    ("内閣官房『国家防衛戦略』2022 年 12 月。", {"author": "{内閣官房}", "institution": "内閣官房"}),
    ("Xi Jinping, The Governance of China, Beijing: Foreign Languages Press, 2014, p. 10.", {"author": "Xi, Jinping"}),
])
def test_japanese_organizations_and_pinyin_leaders(note, fields):
    c = read_note(note).citations[0]
    for k, v in fields.items():
        assert c.parsed.fields.get(k) == v, c.parsed.fields


def test_folio_between_body_and_notes_without_any_other_page_signal():
    text = "\n\n".join([
        "区域秩序的再思考[1]", "作者乙", "区域秩序是老问题。[2]",
        "[1] 本文系某某基金项目（22BGJ002）的阶段性成果。",
        "[2] 王明：《区域秩序》，北京大学出版社 2016 年版，第 3 页。",
        "第二页的正文。[1] 还有一句。[2]",
        "世界政治研究 2025年第1期", "-102-",
        "[1] 李华：《东亚安全》，《国际问题研究》2019 年第 3 期，第 12—30 页。",
        "[2] Robert Jervis, System Effects, Princeton: Princeton University Press, 1997, p. 4.",
        "第三页的正文。[1]",
        "区域秩序的再思考", "-103-",
        "[1] 张三：《冷战史》，世界知识出版社 2005 年版，第 15 页。",
    ])
    x = extract_text(text)
    assert x.page_numbers == (101, 103)
    assert [(r.note.page, r.note.number, r.note.context) for r in x.notes][2:] == [
        (102, 1, "第二页的正文。"), (102, 2, "还有一句。"), (103, 1, "第三页的正文。")]
    assert x.notes[1].note.text.endswith("第 3 页。")
