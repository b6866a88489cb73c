"""One case (or more) per note form: type, fields and locator; titles that open prose.
Each case was written for these tests (not taken from any evaluation set)."""

import pytest
from conftest import assert_one_citation

from annobib.extract.citations import read_note
from annobib.extract.fields import iso_date

# (note, type, expected fields (subset), locator); a field expected as None must be absent
CASES = [
    # 1. three or more Western authors before an unquoted book title
    (
        "Barry Buzan, Ole Wæver and Jaap de Wilde, Security: A New Framework for Analysis, Boulder: Lynne Rienner, 1998, p. 23.",
        "book",
        {
            "author": "Buzan, Barry and Wæver, Ole and de Wilde, Jaap",
            "title": "Security: A New Framework for Analysis",
            "location": "Boulder",
            "publisher": "Lynne Rienner",
            "date": "1998",
        },
        "23",
    ),
    (
        "Robert O. Keohane, Joseph S. Nye, and Stanley Hoffmann, After the Cold War, Cambridge: Harvard University Press, 1993.",
        "book",
        {"author": "Keohane, Robert O. and Nye, Joseph S. and Hoffmann, Stanley", "title": "After the Cold War"},
        None,
    ),
    (
        "Thomas J. Christensen, Jane M. Doe, Richard Roe, et al., Some Book on Asia, New York: Norton, 2010, p. 5.",
        "book",
        {"author": "Christensen, Thomas J. and Doe, Jane M. and Roe, Richard and others", "title": "Some Book on Asia"},
        "5",
    ),
    # … but title words after one author are not taken for names
    (
        "John Smith, Soft Power and Hard Choices, New York: Norton, 2010.",
        "book",
        {"author": "Smith, John", "title": "Soft Power and Hard Choices"},
        None,
    ),
    (
        "Kim Richard Nossal, Rain Dancing, Toronto: Dundurn, 1994.",
        "book",
        {"author": "Nossal, Kim Richard", "title": "Rain Dancing"},
        None,
    ),
    # 2. lead-ins with "for example"
    (
        "See, for instance, Hal Brands, The Twilight Struggle, New Haven: Yale University Press, 2022, p. 9.",
        "book",
        {"author": "Brands, Hal", "title": "The Twilight Struggle"},
        "9",
    ),
    (
        "See, e.g., Kenneth N. Waltz, Man, the State, and War, New York: Columbia University Press, 1959.",
        "book",
        {"author": "Waltz, Kenneth N."},
        None,
    ),
    (
        "For a useful overview, see Robert Jervis, System Effects, Princeton: Princeton University Press, 1997, p. 4.",
        "book",
        {"author": "Jervis, Robert", "title": "System Effects"},
        "4",
    ),
    (
        "For example, see Aaron L. Friedberg, A Contest for Supremacy, New York: Norton, 2011.",
        "book",
        {"author": "Friedberg, Aaron L.", "title": "A Contest for Supremacy"},
        None,
    ),
    (
        "On hedging, see, for example, Evelyn Goh, The Struggle for Order, Oxford: Oxford University Press, 2013, p. 5.",
        "book",
        {"author": "Goh, Evelyn", "title": "The Struggle for Order"},
        "5",
    ),
    (
        "参见例如秦亚青：《关系与过程》，上海人民出版社，2012 年，第 45 页。",
        "book",
        {"author": "秦亚青", "title": "关系与过程"},
        "45",
    ),
    (
        "例如，参见唐世平：《国际政治的社会演化》，中信出版社 2017 年版。",
        "book",
        {"author": "唐世平", "publisher": "中信出版社"},
        None,
    ),
    # 2b. a GB/T type tag after a Chicago-style name (given name first, closed by a comma)
    (
        "Helen J. Carrow, Small Navies in Narrow Seas[M]. Leiden: Brill, 2014: 88.",
        "book",
        {"author": "Carrow, Helen J.", "title": "Small Navies in Narrow Seas", "publisher": "Brill", "date": "2014"},
        "88",
    ),
    (
        'Tomas R. Veld, "Coalitions of the Unwilling"[J]. Maritime Affairs, 2017, 12(3): 40-58.',
        "article",
        {"author": "Veld, Tomas R.", "title": "Coalitions of the Unwilling", "journaltitle": "Maritime Affairs"},
        "40-58",
    ),
    # 2c. Russian (GOST): a medium tag with a URL is a web page; a title's final abbreviation keeps its stop;
    # an English book's subtitle colon is no place of publication
    (
        "Орлов Д.В. Ярмарки Приамурья [Электронный ресурс] // Дальневосточный край. URL: http://dvkrai.ru/yarmarki "
        "(дата обращения: 03.02.2019).",
        "online",
        {"title": "Ярмарки Приамурья", "organization": "Дальневосточный край", "journaltitle": None},
        None,
    ),
    (
        "Зуев П.К. Соляные промыслы Поморья в XVII–XVIII вв. // Северный архив. 2009. № 2. С. 11–30.",
        "article",
        {"title": "Соляные промыслы Поморья в XVII–XVIII вв.", "journaltitle": "Северный архив"},
        "11-30",
    ),
    (
        "Dorn A.P. Salt and Empire: The White Sea Trade, 1600–1750. Ithaca: Cornell University Press, 1988. P. 40.",
        "book",
        {
            "title": "Salt and Empire: The White Sea Trade, 1600–1750",
            "location": "Ithaca",
            "publisher": "Cornell University Press",
            "date": "1988",
        },
        "40",
    ),
    # 3. old GB/T analytics: [M]//, [C]//, [A]//
    (
        "李明. 东亚合作的制度困境[M]//张华, 刘强. 东亚秩序与中国. 上海: 上海人民出版社, 2012: 33-50.",
        "incollection",
        {
            "author": "李明",
            "editor": "张华 and 刘强",
            "title": "东亚合作的制度困境",
            "booktitle": "东亚秩序与中国",
            "location": "上海",
            "publisher": "上海人民出版社",
            "date": "2012",
            "pages": "33-50",
        },
        "33-50",
    ),
    (
        "赵六. 论区域一体化[C]//中国国际关系学会. 2015年年会论文集. 北京: 时事出版社, 2016: 101-115.",
        "inproceedings",
        {
            "author": "赵六",
            "booktitle": "2015年年会论文集",
            "location": "北京",
            "publisher": "时事出版社",
            "pages": "101-115",
        },
        "101-115",
    ),
    (
        "王五. 边疆治理[A]//刘七主编. 边疆研究. 昆明: 云南大学出版社, 2010: 5.",
        "incollection",
        {"editor": "刘七", "booktitle": "边疆研究", "location": "昆明", "pages": None},
        "5",
    ),
    (
        "KATZENSTEIN P J. Introduction[M]//KATZENSTEIN P J, ed. The Culture of National Security. New York: Columbia University Press, 1996: 1-32.",
        "incollection",
        {
            "author": "KATZENSTEIN, P J",
            "editor": "KATZENSTEIN, P J",
            "booktitle": "The Culture of National Security",
            "location": "New York",
            "publisher": "Columbia University Press",
            "pages": "1-32",
        },
        "1-32",
    ),
    # 4. Japanese without kana; organization authors braced
    (
        "外務省『外交青書 2022』日経印刷、2022 年、35 頁。",
        "report",
        {"author": "{外務省}", "institution": "外務省", "publisher": "日経印刷", "date": "2022", "langid": "japanese"},
        "35",
    ),
    (
        "首相官邸「国家安全保障会議の開催について」2022 年 12 月 16 日、https://www.kantei.go.jp/jp/101_kishida/actions/a.html。",
        "online",
        {"langid": "japanese", "date": "2022-12-16"},
        None,
    ),
    ("経済産業省『通商白書』勝美印刷、2021 年。", "report", {"author": "{経済産業省}", "langid": "japanese"}, None),
    (
        "[日] 高原明生：《中日关系史》，东京大学出版会 2013 年版，第 5 页。",
        "book",
        {"publisher": "东京大学出版会", "langid": "japanese"},
        "5",
    ),
    # 5. a booktitle with a year range keeps place and publisher
    (
        "Jane Roe, “Another Chapter,” in John Doe, ed., Asia Yearbook 2010-2011, London: Royal Institute of International Affairs, 2011, pp. 1-20.",
        "incollection",
        {
            "booktitle": "Asia Yearbook 2010-2011",
            "location": "London",
            "publisher": "Royal Institute of International Affairs",
            "date": "2011",
            "pages": "1-20",
        },
        "1-20",
    ),
    (
        "Ann Lee, “A Chapter,” in Ashley Smith and Tom Brown, eds., Regional Survey 2019-20: Trends, Washington, D.C.: National Bureau of Economic Research, 2020, pp. 5-9.",
        "incollection",
        {"location": "Washington, D.C.", "publisher": "National Bureau of Economic Research", "date": "2020"},
        "5-9",
    ),
    # 6. two-month issues: the year
    (
        "Joe Doe, “Some Essay,” Foreign Policy, No. 5, Nov./Dec. 2019, pp. 6-9.",
        "article",
        {"date": "2019", "number": "5"},
        "6-9",
    ),
    (
        "Mira Rapp-Hooper, “Saving America’s Alliances,” Foreign Affairs, Vol. 99, No. 2, January/February 2020, pp. 127-140.",
        "article",
        {"date": "2020", "volume": "99", "pages": "127-140"},
        "127-140",
    ),
    # 8. report series with the institution after it
    (
        "Jane Doe, “Restraint in Asia,” Quincy Brief No. 45, Quincy Institute for Responsible Statecraft, May 3, 2023, https://quincyinst.org/report/restraint.",
        "report",
        {
            "type": "Quincy Brief",
            "number": "45",
            "institution": "Quincy Institute for Responsible Statecraft",
            "date": "2023-05-03",
        },
        None,
    ),
    (
        "John Smith, “Alliance Burden,” Working Paper No. 12, Brookings Institution, 2021.",
        "report",
        {"type": "Working Paper", "number": "12", "institution": "Brookings Institution"},
        None,
    ),
    # more of the genre
    (
        "王明：《东亚区域主义》，载《国际政治研究》第 12 辑，北京：社会科学文献出版社 2015 年版，第 33—50 页。",
        "article",
        {"journaltitle": "国际政治研究", "number": "12", "publisher": "社会科学文献出版社", "pages": "33-50"},
        "33-50",
    ),
    (
        "张三：《中国外交史》（下），北京：人民出版社 1990 年版，第 5 页。",
        "book",
        {"title": "中国外交史", "volume": "下"},
        "5",
    ),
    (
        "李四：《国际关系理论》（第 3 版），上海人民出版社 2010 年版，第 12 页。",
        "book",
        {"edition": "3", "publisher": "上海人民出版社"},
        "12",
    ),
    (
        "毛泽东：《论联合政府》，载《毛泽东选集》第 3 卷，人民出版社 1991 年版，第 1030 页。",
        "incollection",
        {"author": "毛泽东", "booktitle": "毛泽东选集", "volume": "3", "publisher": "人民出版社", "date": "1991"},
        "1030",
    ),
    (
        "《马克思恩格斯全集》第 2 卷，人民出版社 1957 年版，第 100 页。",
        "book",
        {"title": "马克思恩格斯全集", "volume": "2", "publisher": "人民出版社", "date": "1957"},
        "100",
    ),
    (
        "中共中央文献研究室编：《邓小平年谱（1975—1997）》下卷，中央文献出版社 2004 年版，第 20 页。",
        "book",
        {"editor": "{中共中央文献研究室}", "volume": "下", "publisher": "中央文献出版社"},
        "20",
    ),
    (
        "转引自张三：《冷战史》，载李四主编：《国际史研究》，世界知识出版社 2005 年版，第 15 页。",
        "incollection",
        {"author": "张三", "editor": "李四", "booktitle": "国际史研究"},
        "15",
    ),
    (
        "赵六：《东亚秩序》，原载《国际问题研究》2005 年第 2 期，后收入《赵六文集》，北京：人民出版社 2010 年版，第 100 页。",
        "incollection",
        {"booktitle": "赵六文集", "publisher": "人民出版社", "date": "2010"},
        "100",
    ),
    (
        "钱某：《论东亚秩序》，收录于孙某主编：《东亚研究》，北京大学出版社 2010 年版，第 5—20 页。",
        "incollection",
        {"editor": "孙某", "booktitle": "东亚研究", "pages": "5-20"},
        "5-20",
    ),
    (
        "新华社北京 3 月 5 日电：《政府工作报告》，《人民日报》2024 年 3 月 13 日，第 1 版。",
        "article",
        {"author": "{新华社}", "journaltitle": "人民日报", "entrysubtype": "newspaper", "date": "2024-03-13"},
        "1",
    ),
    (
        "《中国的和平发展》白皮书，英文版，国务院新闻办公室，2011 年 9 月。",
        "report",
        {"institution": "国务院新闻办公室", "langid": "english", "date": "2011-09"},
        None,
    ),
    (
        "《外交部发言人答记者问》，外交部网站，2024 年 1 月 2 日，https://www.mfa.gov.cn/a.html，检索日期：2024 年 2 月 1 日。",
        "online",
        {"urldate": "2024-02-01", "url": "https://www.mfa.gov.cn/a.html"},
        None,
    ),
    (
        "《金正恩视察前线》，<朝鮮日報>，2023 年 5 月 3 日。",
        "article",
        {"journaltitle": "朝鮮日報", "entrysubtype": "newspaper"},
        None,
    ),
    (
        "王明：《东亚秩序》，《世界经济与政治》2020 年第 3 期，第 4—20 页，DOI：10.19422/j.cnki.sjjjyzz.2020.03.001。",
        "article",
        {"doi": "10.19422/j.cnki.sjjjyzz.2020.03.001", "pages": "4-20"},
        "4-20",
    ),
    (
        "Jane Doe, “Some Paper,” International Security, Vol. 40, No. 1, 2015, pp. 7-50, DOI: 10.1162/ISEC_a_00201.",
        "article",
        {"doi": "10.1162/ISEC_a_00201", "pages": "7-50"},
        "7-50",
    ),
    (
        "Jim Roe, “Other Paper,” Journal of Strategic Studies, 2019, https://doi.org/10.1080/01402390.2019.1234567.",
        "article",
        {"doi": "10.1080/01402390.2019.1234567", "entrysubtype": None},
        None,
    ),
    (
        "周恩来：《和平共处五项原则》（1953 年 12 月 31 日），载《周恩来选集》下卷，人民出版社 1984 年版，第 118 页。",
        "incollection",
        {"booktitle": "周恩来选集", "volume": "下", "publisher": "人民出版社", "date": "1984"},
        "118",
    ),
    (
        "刘某：《中美关系的走向》，载《中国国际战略评论 2019》（下），世界知识出版社 2019 年版，第 5—20 页。",
        "incollection",
        {"booktitle": "中国国际战略评论 2019", "volume": "下", "pages": "5-20"},
        "5-20",
    ),
    (
        "《光明日报》评论员：《坚持对外开放》，《光明日报》2019 年 3 月 1 日，第 1 版。",
        "article",
        {"author": "{光明日报评论员}", "title": "坚持对外开放", "journaltitle": "光明日报"},
        "1",
    ),
    (
        "资料来源：国家统计局编：《中国统计年鉴 2020》，中国统计出版社 2020 年版。",
        "book",
        {"editor": "{国家统计局}", "title": "中国统计年鉴 2020"},
        None,
    ),
    (
        "数据来源：参见世界银行：《世界发展报告 2020》，2020 年，https://www.worldbank.org/x。",
        "report",
        {"author": "{世界银行}", "institution": "世界银行"},
        None,
    ),
    (
        "See generally Robert Gilpin, War and Change in World Politics, Cambridge: Cambridge University Press, 1981.",
        "book",
        {"author": "Gilpin, Robert", "title": "War and Change in World Politics"},
        None,
    ),
    (
        "As quoted in Robert Jervis, How Statesmen Think, Princeton: Princeton University Press, 2017, p. 5.",
        "book",
        {"author": "Jervis, Robert", "title": "How Statesmen Think"},
        "5",
    ),
    (
        "Liu Feng and Zhang Ruizhuang, “The Typologies of Realism,” Chinese Journal of International Politics, Vol. 1, No. 1, 2006, pp. 109-134.",
        "article",
        {"author": "Liu, Feng and Zhang, Ruizhuang"},
        "109-134",
    ),
    (
        "Congressional Research Service, “Taiwan Defense Issues,” CRS In Focus IF12481, updated May 3, 2024.",
        "report",
        {
            "type": "CRS In Focus",
            "number": "IF12481",
            "institution": "Congressional Research Service",
            "date": "2024-05-03",
        },
        None,
    ),
    (
        "蔡某：〈兩岸關係的新變局〉，《遠景基金會季刊》，第 20 卷第 2 期，2019 年，頁 45-80。",
        "article",
        {"journaltitle": "遠景基金會季刊", "volume": "20", "number": "2", "pages": "45-80", "langid": "chinese"},
        "45-80",
    ),
    (
        "阎学通. 国际政治与中国[M]. 3版. 北京: 北京大学出版社, 2005: 12.",
        "book",
        {"edition": "3", "location": "北京", "publisher": "北京大学出版社"},
        "12",
    ),
    (
        "中国社会科学院世界经济与政治研究所. 全球政治与安全报告[R]. 北京: 社会科学文献出版社, 2021.",
        "report",
        {"publisher": "社会科学文献出版社", "institution": "中国社会科学院世界经济与政治研究所"},
        None,
    ),
    (
        "G. John Ikenberry (ed.), America Unrivaled, Ithaca: Cornell University Press, 2002.",
        "book",
        {"editor": "Ikenberry, G. John", "author": None, "title": "America Unrivaled"},
        None,
    ),
    (
        "Robert Art and Kenneth Waltz (eds.), The Use of Force, 3rd ed., Lanham: Rowman & Littlefield, 1988, p. 12.",
        "book",
        {"editor": "Art, Robert and Waltz, Kenneth", "edition": "3"},
        "12",
    ),
    (
        "Michael J. Green et al., Asia Strategy, Washington, D.C.: CSIS, 2016, p. 5.",
        "report",
        {"author": "Green, Michael J. and others", "institution": "CSIS", "langid": "english"},
        "5",
    ),
    (
        "Karen A. Mingst, Essentials of International Relations (5th ed.), New York: W. W. Norton, 2011, p. 9.",
        "book",
        {"title": "Essentials of International Relations", "edition": "5"},
        "9",
    ),
    (
        "Mao Zedong, Selected Works, Vol. 4, Beijing: Foreign Languages Press, 1961, p. 5.",
        "book",
        {"author": "Mao, Zedong", "volume": "4"},
        "5",
    ),
    # publishers whose names do not end in 出版社: the Place：Publisher Year 年版 shape names them
    (
        "李君如：《历史的回声》，香港：三联书店（香港）有限公司 2005 年版，第 5 页。",
        "book",
        {"location": "香港", "publisher": "三联书店（香港）有限公司", "date": "2005"},
        "5",
    ),
    (
        "余英时：《朱熹的历史世界》，台北：允晨文化实业股份有限公司 2003 年版。",
        "book",
        {"location": "台北", "publisher": "允晨文化实业股份有限公司", "date": "2003"},
        None,
    ),
    (
        "龙应台：《大江大海》，台北：天下杂志出版公司 2009 年版，第 30 页。",
        "book",
        {"publisher": "天下杂志出版公司"},
        "30",
    ),
    (
        "黄仁宇：《万历十五年》，北京：三联书店 1997 年版，第 12 页。",
        "book",
        {"location": "北京", "publisher": "三联书店"},
        "12",
    ),
    ("钱穆：《国史大纲》，北京：中华书局 1996 年版。", "book", {"publisher": "中华书局"}, None),
    (
        "某作者：《某书》，成都：蜀南文化传播 2011 年版，第 2 页。",
        "book",
        {"location": "成都", "publisher": "蜀南文化传播", "date": "2011"},
        "2",
    ),
    # a sentence of commentary after the citation's 。 does not change the type or the publisher
    (
        "杨某：《边疆的冷战》，香港：海隅图书有限公司 2006 年版，第 41 页。需要指出的是，作者后来修正了这一看法。",
        "book",
        {
            "author": "杨某",
            "location": "香港",
            "publisher": "海隅图书有限公司",
            "langid": "chinese",
            "organization": None,
        },
        "41",
    ),
    (
        "陈某：《某书》，香港：某图书有限公司 2001 年版，第 122 页。值得注意的是，作者在 2005 年的英文版中作了修正。",
        "book",
        {"langid": "chinese", "date": "2001", "publisher": "某图书有限公司"},
        "122",
    ),
    # 编著 (with or without 等) names editors
    (
        "王某、牛某等编著：《中美关系新论》，北京：世界知识出版社 2002 年版，第 9 页。",
        "book",
        {"editor": "王某 and 牛某 and others", "author": None},
        "9",
    ),
    ("刘某编著：《国际关系史》，北京：高等教育出版社 2003 年版。", "book", {"editor": "刘某", "author": None}, None),
    # commentary before the author run, without a known lead-in
    (
        "关于战后日本经济复兴的过程，国内学界已有不少研究，比较重要的是张某、刘某主编：《日本经济概论》，北京：中国社会科学出版社 2009 年版。",
        "book",
        {"editor": "张某 and 刘某", "title": "日本经济概论"},
        None,
    ),
    (
        "这一问题的讨论很多，如赵某：《冷战的起源》，北京：人民出版社 2001 年版，第 3 页。",
        "book",
        {"author": "赵某"},
        "3",
    ),
    # … while a plain author list with commas stays whole
    ("张某，李某译：《大国政治》，上海：上海人民出版社 2008 年版。", "book", {"translator": "李某"}, None),
    # a 新华社 dateline after the title names the agency as author
    (
        "《中国和某国关于深化伙伴关系的联合声明》，新华社某城 2023 年 6 月 2 日电，《人民日报》2023 年 6 月 3 日，第 3 版。",
        "article",
        {"author": "{新华社}", "journaltitle": "人民日报", "entrysubtype": "newspaper"},
        "3",
    ),
    # a white paper printed by a press is a report, its press kept
    (
        "中华人民共和国国务院新闻办公室：《中国的军事战略》白皮书，北京：人民出版社 2015 年版，第 7 页。",
        "report",
        {
            "type": "白皮书",
            "location": "北京",
            "publisher": "人民出版社",
            "institution": "中华人民共和国国务院新闻办公室",
        },
        "7",
    ),
    # a report series after an unquoted title
    (
        "Jane Doe, Fragile Bridges, and Other Essays on the Pacific, Lowy Analyses No. 12, Sydney: Lowy Institute for International Policy, 2019.",
        "report",
        {
            "title": "Fragile Bridges, and Other Essays on the Pacific",
            "type": "Lowy Analyses",
            "number": "12",
            "institution": "Lowy Institute for International Policy",
            "location": "Sydney",
        },
        None,
    ),
    (
        "Ann Roe, Ports and Power, Working Paper 45, Honolulu: East-West Center, 2014, p. 3.",
        "report",
        {"type": "Working Paper", "number": "45", "institution": "East-West Center"},
        "3",
    ),
    # the volume of the book a chapter is in
    (
        "John Roe, “Détente and Its Discontents,” in The Oxford Handbook of the Cold War, vol. 1, ed. Richard H. Immerman "
        "and Petra Goedde (Oxford: Oxford University Press, 2013), 12–30.",
        "incollection",
        {
            "booktitle": "The Oxford Handbook of the Cold War",
            "volume": "1",
            "editor": "Immerman, Richard H. and Goedde, Petra",
            "langid": "english",
        },
        "12-30",
    ),
    # diacritics in a person's name do not make an English note German or French
    (
        "Jürgen Müller, The Long Peace in Europe, Oxford: Oxford University Press, 2001, p. 3.",
        "book",
        {"langid": "english"},
        "3",
    ),
    (
        "Zoé Ménard and Björn Åström, Chinese Power and the Pacific Order, London: Routledge, 2015.",
        "book",
        {"langid": "english"},
        None,
    ),
    # a think tank as publisher: a report, the think tank its institution (decided: RAND, CSIS, Lowy …
    # publish reports; a '… Press' of the same body stays a book publisher)
    (
        "Michael Roe, Strategic Competition in the Indo-Pacific, Santa Monica, CA: RAND Corporation, 2019, p. 11.",
        "report",
        {"institution": "RAND Corporation", "location": "Santa Monica, CA", "date": "2019", "publisher": None},
        "11",
    ),
    (
        "Jane Doe, “Rethinking Deterrence in Asia,” Santa Monica, CA: RAND Corporation, 2020, p. 4.",
        "report",
        {"institution": "RAND Corporation"},
        "4",
    ),
    (
        "Jane Doe, Rethinking Deterrence, Washington, DC: Brookings Institution Press, 2020, p. 4.",
        "book",
        {"publisher": "Brookings Institution Press"},
        "4",
    ),
    # a known magazine keeps its magazine subtype with volume and issue; a journal named '… Affairs' does not
    (
        "Jane Doe, “A New Asian Balance,” Foreign Affairs, Vol. 99, No. 3, May/June 2020, pp. 30-41.",
        "article",
        {"journaltitle": "Foreign Affairs", "entrysubtype": "magazine", "volume": "99", "number": "3"},
        "30-41",
    ),
    (
        "Jane Doe, “Maritime Asia,” International Affairs, Vol. 96, No. 2, 2020, pp. 1-20.",
        "article",
        {"journaltitle": "International Affairs", "entrysubtype": None},
        "1-20",
    ),
    # archive signatures kept whole; Russian leaves are the locator
    (
        "《关于某问题的电报》（1956 年 4 月 2 日），中央档案馆藏，全宗号 XB2，目录号 5，案卷号 31。",
        "misc",
        {"entrysubtype": "archive", "library": "中央档案馆", "number": "XB2-5-31"},
        None,
    ),
    (
        "ЦАМО. Ф. 12. Оп. 340. Д. 77. Л. 5–8.",
        "misc",
        {
            "entrysubtype": "archive",
            "library": "ЦАМО",
            "number": "Ф. 12. Оп. 340. Д. 77",
            "title": None,  # an archival file has no title; none is made up from holder and signature
        },
        "5-8",
    ),
    # GOST books: a city the list does not know, before Publisher, Year; a US place with its state
    (
        "Петров С. Н. Сибирские ярмарки: торговля и власть. Тобольск: Изд-во ТГУ, 2011. С. 40–42.",
        "book",
        {"location": "Тобольск", "publisher": "Изд-во ТГУ", "date": "2011"},
        "40-42",
    ),
    (
        "Hale R. Ports of the Pacific. Berkeley, CA: Coastline Press, 2004. P. 17.",
        "book",
        {"location": "Berkeley, CA", "publisher": "Coastline Press", "date": "2004"},
        "17",
    ),
    (
        "Государственный архив Омской области (ГАОО). Ф. 3. Оп. 1. Д. 410. Л. 2.",
        "misc",
        {"entrysubtype": "archive", "library": "Государственный архив Омской области", "title": None},
        "2",
    ),
    (
        "Запись беседы с послом. 5 мая 1958 г. // АВП РФ. Ф. 0100. Оп. 51. П. 432. Д. 6. Л. 3–9.",
        "misc",
        {
            "library": "АВП РФ",
            "title": "Запись беседы с послом. 5 мая 1958 г",
            "number": "Ф. 0100. Оп. 51. П. 432. Д. 6",
        },
        "3-9",
    ),
]


@pytest.mark.parametrize("note,etype,fields,locator", CASES, ids=[c[0][:32] for c in CASES])
def test_note_form(note, etype, fields, locator):
    assert_one_citation(note, etype, fields, locator)


@pytest.mark.parametrize(
    "text,date",
    [
        ("March/April 2018", "2018"),
        ("Nov./Dec. 2019", "2019"),
        ("July–August 2021", "2021"),
        ("May 2020", "2020-05"),
    ],
)
def test_two_month_issue_dates(text, date):
    assert iso_date(text) == date


@pytest.mark.parametrize(
    "note",
    [
        "《中日和平友好条约》第一条规定，两国在相互关系中不诉诸武力，本文不展开讨论。",
        "《联合国海洋法公约》对专属经济区的规定较为原则，各国理解不一。",
    ],
)
def test_a_title_opening_prose_is_not_a_citation(note):
    assert read_note(note).status == "not-a-citation"


@pytest.mark.parametrize(
    "note",
    [
        "《宪法》第二十九条。",
        "《邓小平文选》第三卷，人民出版社 1993 年版，第 12 页。",
        "《人民日报》评论员：《坚持和平发展》，《人民日报》2013 年 1 月 30 日。",
    ],
)
def test_a_title_opening_a_citation_is_still_a_citation(note):
    assert read_note(note).status == "cited"
