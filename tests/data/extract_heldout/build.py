"""Source of the held-out footnote set: writes notes.txt and expected.json next to this file.

    python tests/data/extract_heldout/build.py

Every expectation below was written by hand from the documented conventions
(/work/shared/docs/footnote-patterns.md, the field conventions in annobib/extract/fields.py's
docstring and the seed's hand-checked reading), never copied from extractor output. The notes are
made up for imagined Chinese IR / politics / history articles; none is a string of the seed article.

Expectation format (expected.json, key "notes"): one object per note, in order:
    {"n": <marker number == position>, "pattern": <label>, "status": "cited" | "not-a-citation",
     "citations": [ {"type": ..., "fields": {...}, "locator": ...}        # a full citation
                  | {"ref": [<note n>, <citation index>], "locator": ...} ]}  # a back-reference
A field value "*" means "any value, present or not" (convention not settled; not scored).
Fields not listed but in CHECKED_ABSENT (see benchmarks/extract_heldout.py) must be absent.
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent


def W(etype, locator=None, **fields):
    """A full citation: entry type, expected fields, expected locator (cited page / range)."""
    if locator is None and fields.get("entrysubtype") == "newspaper" and "-" not in fields.get("pages", "-"):
        locator = fields["pages"]  # a newspaper's page (第 2 版) is also the page the note cites
    return {"type": etype, "fields": fields, "locator": locator}


def R(note, locator=None, idx=0):
    """A back-reference to citation ``idx`` of note ``note``."""
    return {"ref": [note, idx], "locator": locator}


ZH, EN, JA, RU = "chinese", "english", "japanese", "russian"
NEWS = "newspaper"

# (pattern label, note text, status, citations)
NOTES = [
    ("funding",
     "本文系教育部人文社会科学研究青年基金项目“东南亚国家对冲战略比较研究”（项目编号：23YJC810012）的阶段性成果。感谢《当代亚太》匿名审稿人的宝贵意见，文责自负。",
     "not-a-citation", []),
    ("zh-journal",
     "参见周方银：《中国崛起、东亚格局变迁与东亚秩序的发展方向》，载《当代亚太》2012 年第 5 期，第 4—32 页。",
     "cited", [W("article", "4-32", author="周方银", title="中国崛起、东亚格局变迁与东亚秩序的发展方向", journaltitle="当代亚太",
                 date="2012", number="5", pages="4-32", langid=ZH)]),
    ("zh-journal",
     "刘丰：《秩序转型与联盟管理》，《世界经济与政治》2016年第2期，第46页。",
     "cited", [W("article", "46", author="刘丰", title="秩序转型与联盟管理", journaltitle="世界经济与政治", date="2016", number="2", langid=ZH)]),
    ("ibid", "同上，第 48 页。", "cited", [R(3, "48")]),
    ("zh-book",
     "时殷弘：《现代国际关系史（1500—2000）》，北京：中国人民大学出版社 2006 年版，第 211—215 页。",
     "cited", [W("book", "211-215", author="时殷弘", title="现代国际关系史（1500—2000）", location="北京", publisher="中国人民大学出版社",
                 date="2006", langid=ZH)]),
    ("zh-translated-book",
     "[美]约翰·伊肯伯里：《大战胜利之后：制度、战略约束与战后秩序重建》，门洪华译，北京大学出版社 2008 年版，第 52 页。",
     "cited", [W("book", "52", author="约翰·伊肯伯里", title="大战胜利之后：制度、战略约束与战后秩序重建", translator="门洪华",
                 publisher="北京大学出版社", date="2008", langid=ZH)]),
    ("zh-translated-book",
     "[英] 赫德利·布尔：《无政府社会：世界政治中的秩序研究》，张小明、李明译，上海人民出版社 2015 年版，第 8—9 页。",
     "cited", [W("book", "8-9", author="赫德利·布尔", title="无政府社会：世界政治中的秩序研究", translator="张小明 and 李明",
                 publisher="上海人民出版社", date="2015", langid=ZH)]),
    ("zh-edited-book",
     "王缉思主编：《中国国际战略评论 2020》，北京：世界知识出版社 2020 年版。",
     "cited", [W("book", None, editor="王缉思", title="中国国际战略评论 2020", location="北京", publisher="世界知识出版社",
                 date="2020", langid=ZH)]),
    ("zh-chapter",
     "门洪华：《中国国际战略的演进》，载王缉思主编：《中国国际战略评论 2020》，北京：世界知识出版社 2020 年版，第 120—141 页。",
     "cited", [W("incollection", "120-141", author="门洪华", title="中国国际战略的演进", editor="王缉思", booktitle="中国国际战略评论 2020",
                 location="北京", publisher="世界知识出版社", date="2020", pages="120-141", langid=ZH)]),
    ("zh-newspaper",
     "《推动构建人类命运共同体》，《人民日报》2023 年 9 月 27 日，第 2 版。",
     "cited", [W("article", None, title="推动构建人类命运共同体", journaltitle="人民日报", entrysubtype=NEWS, date="2023-09-27",
                 pages="2", langid=ZH)]),
    ("zh-newspaper",
     "王义桅：《“一带一路”的历史超越与传承》，《光明日报》2015 年 5 月 6 日，第 11 版。",
     "cited", [W("article", None, author="王义桅", title="“一带一路”的历史超越与传承", journaltitle="光明日报", entrysubtype=NEWS,
                 date="2015-05-06", pages="11", langid=ZH)]),
    ("zh-thesis",
     "陈晓：《冷战时期美日同盟中的核问题研究（1954—1972）》，博士学位论文，复旦大学国际关系与公共事务学院，2018 年，第 77 页。",
     "cited", [W("thesis", "77", author="陈晓", title="冷战时期美日同盟中的核问题研究（1954—1972）", type="博士学位论文",
                 institution="复旦大学国际关系与公共事务学院", date="2018", langid=ZH)]),
    ("zh-thesis",
     "林静：《东盟防长扩大会机制研究》，硕士学位论文，外交学院，2021 年。",
     "cited", [W("thesis", None, author="林静", title="东盟防长扩大会机制研究", type="硕士学位论文", institution="外交学院",
                 date="2021", langid=ZH)]),
    ("zh-conference",
     "郭宇：《印太框架下的小多边安全合作》，“变局中的亚太秩序”学术研讨会论文，北京，2023 年 10 月。",
     "cited", [W("inproceedings", None, author="郭宇", title="印太框架下的小多边安全合作", eventtitle="变局中的亚太秩序", venue="北京",
                 date="2023-10", langid=ZH)]),
    ("zh-archive",
     "《毛泽东接见印度尼西亚代表团谈话记录》（1956 年 9 月 30 日），中华人民共和国外交部档案馆藏，档号 105-00274-05。",
     "cited", [W("misc", None, title="毛泽东接见印度尼西亚代表团谈话记录", entrysubtype="archive", library="中华人民共和国外交部档案馆",
                 number="105-00274-05", date="1956-09-30", langid=ZH)]),
    ("zh-white-paper",
     "中华人民共和国国务院新闻办公室：《中国的军控、裁军与防扩散努力》白皮书，2005 年 9 月 1 日，http://www.scio.gov.cn/zfbps/ndhf/2005/Document/307912/307912.htm。",
     "cited", [W("report", None, author="{中华人民共和国国务院新闻办公室}", title="中国的军控、裁军与防扩散努力", type="白皮书",
                 date="2005-09-01", url="http://www.scio.gov.cn/zfbps/ndhf/2005/Document/307912/307912.htm", langid=ZH)]),
    ("zh-news-site",
     "《外交部发言人就美菲联合军演答记者问》，新华网，2024 年 4 月 23 日，http://www.news.cn/world/20240423/a6f1c2.html。",
     "cited", [W("article", None, title="外交部发言人就美菲联合军演答记者问", journaltitle="新华网", entrysubtype=NEWS, date="2024-04-23",
                 url="http://www.news.cn/world/20240423/a6f1c2.html", langid=ZH)]),
    ("zh-web",
     "李强：《在第 26 次东盟与中日韩领导人会议上的讲话》，中国政府网，2023 年 9 月 6 日，https://www.gov.cn/yaowen/liebiao/202309/content_6902761.htm。",
     "cited", [W("online", None, author="李强", title="在第 26 次东盟与中日韩领导人会议上的讲话", organization="中国政府网",
                 date="2023-09-06", url="https://www.gov.cn/yaowen/liebiao/202309/content_6902761.htm", langid=ZH)]),
    ("commentary+citation",
     "关于“对冲”概念的辨析，可参见王栋：《国际关系中的对冲行为研究——以亚太国家为例》，《世界经济与政治》2018 年第 10 期，第 21—49 页。",
     "cited", [W("article", "21-49", author="王栋", title="国际关系中的对冲行为研究——以亚太国家为例", journaltitle="世界经济与政治",
                 date="2018", number="10", pages="21-49", langid=ZH)]),
    ("commentary",
     "需要指出的是，本文所说的“盟伴体系”既包括正式盟国，也包括与美国存在准同盟关系的伙伴国家，下文不再一一说明。",
     "not-a-citation", []),
    ("multi-citation",
     "参见孙学峰：《东亚准无政府体系与中国的东亚安全政策》，《外交评论》2011 年第 6 期，第 32—48 页；刘若楠：《大国安全竞争与东南亚国家的地区战略转变》，《世界经济与政治》2017 年第 4 期，第 60—82 页等。",
     "cited", [W("article", "32-48", author="孙学峰", title="东亚准无政府体系与中国的东亚安全政策", journaltitle="外交评论", date="2011",
                 number="6", pages="32-48", langid=ZH),
               W("article", "60-82", author="刘若楠", title="大国安全竞争与东南亚国家的地区战略转变", journaltitle="世界经济与政治",
                 date="2017", number="4", pages="60-82", langid=ZH)]),
    ("short-form", "时殷弘：《现代国际关系史（1500—2000）》，第 230 页。", "cited", [R(5, "230")]),
    ("en-journal-vol-no",
     "Evelyn Goh, “Great Powers and Hierarchical Order in Southeast Asia: Analyzing Regional Security Strategies,” International Security, Vol. 32, No. 3, 2008, pp. 113-157.",
     "cited", [W("article", "113-157", author="Goh, Evelyn",
                 title="Great Powers and Hierarchical Order in Southeast Asia: Analyzing Regional Security Strategies",
                 journaltitle="International Security", volume="32", number="3", date="2008", pages="113-157", langid=EN)]),
    ("ibid", "Ibid., p. 120.", "cited", [R(23, "120")]),
    ("en-journal-chicago",
     "David C. Kang, “Getting Asia Wrong: The Need for New Analytical Frameworks,” International Security 27, no. 4 (Spring 2003): 57–85.",
     "cited", [W("article", "57-85", author="Kang, David C.", title="Getting Asia Wrong: The Need for New Analytical Frameworks",
                 journaltitle="International Security", volume="27", number="4", date="2003", pages="57-85", langid=EN)]),
    ("en-book",
     "Amitav Acharya, Whose Ideas Matter? Agency and Power in Asian Regionalism, Ithaca: Cornell University Press, 2009, p. 24.",
     "cited", [W("book", "24", author="Acharya, Amitav", title="Whose Ideas Matter? Agency and Power in Asian Regionalism", location="Ithaca",
                 publisher="Cornell University Press", date="2009", langid=EN)]),
    ("en-book-chicago",
     "Aaron L. Friedberg, A Contest for Supremacy: China, America, and the Struggle for Mastery in Asia (New York: W. W. Norton, 2011), 45–48.",
     "cited", [W("book", "45-48", author="Friedberg, Aaron L.", title="A Contest for Supremacy: China, America, and the Struggle for Mastery in Asia",
                 location="New York", publisher="W. W. Norton", date="2011", langid=EN)]),
    ("en-chapter",
     "Victor D. Cha, “Complex Patchworks: U.S. Alliances as Part of Asia’s Regional Architecture,” in Kent E. Calder and Francis Fukuyama, eds., East Asian Multilateralism: Prospects for Regional Stability, Baltimore: Johns Hopkins University Press, 2008, pp. 143-166.",
     "cited", [W("incollection", "143-166", author="Cha, Victor D.", title="Complex Patchworks: U.S. Alliances as Part of Asia’s Regional Architecture",
                 editor="Calder, Kent E. and Fukuyama, Francis", booktitle="East Asian Multilateralism: Prospects for Regional Stability",
                 location="Baltimore", publisher="Johns Hopkins University Press", date="2008", pages="143-166", langid=EN)]),
    ("en-report-brief",
     "Zack Cooper and Adam P. Liff, “America’s Asian Alliances after the Election,” CSIS Brief, No. 112, 2024, p. 5.",
     "cited", [W("report", "5", author="Cooper, Zack and Liff, Adam P.", title="America’s Asian Alliances after the Election", type="CSIS Brief",
                 number="112", date="2024", langid=EN)]),
    ("en-report-gov",
     "U.S. Department of State, A Free and Open Indo-Pacific: Advancing a Shared Vision, Washington, D.C.: Department of State, 2019, p. 6.",
     "cited", [W("report", "6", author="{U.S. Department of State}", title="A Free and Open Indo-Pacific: Advancing a Shared Vision",
                 date="2019", langid=EN)]),
    ("en-news-no-author",
     "“Japan, Philippines sign reciprocal access agreement,” Kyodo News, July 8, 2024, https://english.kyodonews.net/news/2024/07/a1b2c3-japan-philippines-raa.html.",
     "cited", [W("article", None, title="Japan, Philippines sign reciprocal access agreement", journaltitle="Kyodo News", entrysubtype=NEWS,
                 date="2024-07-08", url="https://english.kyodonews.net/news/2024/07/a1b2c3-japan-philippines-raa.html", langid=EN)]),
    ("en-news",
     "Demetri Sevastopulo and Kathrin Hille, “US and Japan plan biggest upgrade to alliance in decades,” Financial Times, March 24, 2024.",
     "cited", [W("article", None, author="Sevastopulo, Demetri and Hille, Kathrin", title="US and Japan plan biggest upgrade to alliance in decades",
                 journaltitle="Financial Times", entrysubtype=NEWS, date="2024-03-24", langid=EN)]),
    ("op-cit", "Goh, op. cit., p. 130.", "cited", [R(23, "130")]),
    ("short-form", "Acharya, Whose Ideas Matter?, p. 31.", "cited", [R(26, "31")]),
    ("lead-in-see-also",
     "See also Thomas J. Christensen, “Fostering Stability or Creating a Monster? The Rise of China and U.S. Policy toward East Asia,” International Security, Vol. 31, No. 1, 2006, pp. 81-126.",
     "cited", [W("article", "81-126", author="Christensen, Thomas J.",
                 title="Fostering Stability or Creating a Monster? The Rise of China and U.S. Policy toward East Asia",
                 journaltitle="International Security", volume="31", number="1", date="2006", pages="81-126", langid=EN)]),
    ("lead-in-cf",
     "Cf. Kurt M. Campbell, The Pivot: The Future of American Statecraft in Asia, New York: Twelve, 2016, p. 190.",
     "cited", [W("book", "190", author="Campbell, Kurt M.", title="The Pivot: The Future of American Statecraft in Asia", location="New York",
                 publisher="Twelve", date="2016", langid=EN)]),
    ("en-journal-chicago",
     "Andrew Yeo et al., “Hub-and-Spokes Revisited: Alliance Networks in East Asia,” Asian Survey 61, no. 3 (May 2021): 401–425.",
     "cited", [W("article", "401-425", author="Yeo, Andrew and others", title="Hub-and-Spokes Revisited: Alliance Networks in East Asia",
                 journaltitle="Asian Survey", volume="61", number="3", date="2021-05", pages="401-425", langid=EN)]),
    ("lead-in-zhuanyinzi",
     "转引自牛军：《冷战与新中国外交的缘起（1949—1955）》，北京：社会科学文献出版社 2012 年版，第 96 页。",
     "cited", [W("book", "96", author="牛军", title="冷战与新中国外交的缘起（1949—1955）", location="北京", publisher="社会科学文献出版社",
                 date="2012", langid=ZH)]),
    ("ibid", "同上书，第 101 页。", "cited", [R(38, "101")]),
    ("ja-newspaper",
     "「日比、円滑化協定に署名　自衛隊派遣の手続き簡素化」、『読売新聞』2024 年 7 月 9 日。",
     "cited", [W("article", None, title="日比、円滑化協定に署名　自衛隊派遣の手続き簡素化", journaltitle="読売新聞", entrysubtype=NEWS,
                 date="2024-07-09", langid=JA)]),
    ("ja-book",
     "添谷芳秀『日本の「ミドルパワー」外交――戦後日本の選択と構想』筑摩書房、2005年、88—92頁。",
     "cited", [W("book", "88-92", author="添谷芳秀", title="日本の「ミドルパワー」外交――戦後日本の選択と構想", publisher="筑摩書房",
                 date="2005", langid=JA)]),
    ("ja-journal",
     "佐橋亮「米中対立と日本の選択」、『国際政治』第 205 号、2022 年、1—16 頁。",
     "cited", [W("article", "1-16", author="佐橋亮", title="米中対立と日本の選択", journaltitle="国際政治", number="205", date="2022",
                 pages="1-16", langid=JA)]),
    ("ru-book",
     "Торкунов А.В. Загадочная война: корейский конфликт 1950–1953 годов. М.: РОССПЭН, 2000. С. 112.",
     "cited", [W("book", "112", author="Торкунов, А.В.", title="Загадочная война: корейский конфликт 1950–1953 годов", location="Москва",
                 publisher="РОССПЭН", date="2000", langid=RU)]),
    ("ru-journal",
     "Лукин А.В. Россия и Китай в Большой Евразии // Международная жизнь. 2019. № 5. С. 34–47.",
     "cited", [W("article", "34-47", author="Лукин, А.В.", title="Россия и Китай в Большой Евразии", journaltitle="Международная жизнь",
                 number="5", date="2019", pages="34-47", langid=RU)]),
    ("ru-archive",
     "АВП РФ. Ф. 07. Оп. 23а. П. 18. Д. 235. Л. 12–15.",
     "cited", [W("misc", "12-15", title="*", number="*", entrysubtype="archive", library="АВП РФ", langid=RU)]),
    ("gbt-journal",
     "秦亚青. 国际体系的延续与变革[J]. 外交评论, 2010, (1): 1-13.",
     "cited", [W("article", "1-13", author="秦亚青", title="国际体系的延续与变革", journaltitle="外交评论", date="2010", number="1",
                 pages="1-13", langid=ZH)]),
    ("gbt-book",
     "王逸舟. 全球政治和中国外交[M]. 北京: 世界知识出版社, 2003: 56.",
     "cited", [W("book", "56", author="王逸舟", title="全球政治和中国外交", location="北京", publisher="世界知识出版社", date="2003",
                 langid=ZH)]),
    ("gbt-journal",
     "Schweller R L. Unanswered threats: a neoclassical realist theory of underbalancing[J]. International Security, 2004, 29(2): 159-201.",
     "cited", [W("article", "159-201", author="Schweller, R L", title="Unanswered threats: a neoclassical realist theory of underbalancing",
                 journaltitle="International Security", date="2004", volume="29", number="2", pages="159-201", langid=EN)]),
    ("zh-journal-volume",
     "达巍：《美国对华战略逻辑的演进与“特朗普冲击”》，《美国研究》第 33 卷第 2 期，2019 年，第 9—25 页。",
     "cited", [W("article", "9-25", author="达巍", title="美国对华战略逻辑的演进与“特朗普冲击”", journaltitle="美国研究", volume="33",
                 number="2", date="2019", pages="9-25", langid=ZH)]),
    ("zh-journal-no-pages",
     "沈志华：《中苏同盟破裂的原因与结果》，《历史研究》2007 年第 2 期。",
     "cited", [W("article", None, author="沈志华", title="中苏同盟破裂的原因与结果", journaltitle="历史研究", date="2007", number="2",
                 langid=ZH)]),
    ("qianyin", "刘丰：前引文，第 50 页。", "cited", [R(3, "50")]),
    ("ibid", "同上。", "cited", [R(3, None)]),
    ("thanks-en",
     "The author thanks the anonymous reviewers of The Pacific Review and Li Wei for comments on earlier drafts.",
     "not-a-citation", []),
    ("en-thesis",
     "Lina Park, “Hedging in Southeast Asia: Alignment Choices of Small States,” PhD dissertation, University of Chicago, 2019, pp. 55-60.",
     "cited", [W("thesis", "55-60", author="Park, Lina", title="Hedging in Southeast Asia: Alignment Choices of Small States", type="phdthesis",
                 institution="University of Chicago", date="2019", langid=EN)]),
    ("en-report-series",
     "Congressional Research Service, U.S.-Philippines Relations, CRS Report R47055, 2023, https://crsreports.congress.gov/product/pdf/R/R47055.",
     "cited", [W("report", None, author="{Congressional Research Service}", title="U.S.-Philippines Relations", type="CRS Report",
                 number="R47055", date="2023", url="https://crsreports.congress.gov/product/pdf/R/R47055", langid=EN)]),
    ("en-web-thinktank",
     "Bonnie S. Glaser, “Taiwan and the Shifting Balance in the Strait,” Center for Strategic and International Studies, January 12, 2024, https://www.csis.org/analysis/taiwan-shifting-balance-strait.",
     "cited", [W("online", None, author="Glaser, Bonnie S.", title="Taiwan and the Shifting Balance in the Strait",
                 organization="Center for Strategic and International Studies", date="2024-01-12",
                 url="https://www.csis.org/analysis/taiwan-shifting-balance-strait", langid=EN)]),
    ("en-magazine",
     "Hal Brands, “The Overstretched Superpower,” Foreign Affairs, January 18, 2022, https://www.foreignaffairs.com/articles/united-states/2022-01-18/overstretched-superpower.",
     "cited", [W("article", None, author="Brands, Hal", title="The Overstretched Superpower", journaltitle="Foreign Affairs", date="2022-01-18",
                 url="https://www.foreignaffairs.com/articles/united-states/2022-01-18/overstretched-superpower", langid=EN)]),
    ("en-news-no-author",
     "\"Australia and Japan upgrade defence pact,\"The Guardian, January 6, 2022, https://www.theguardian.com/australia-news/2022/jan/06/australia-japan-defence-pact.",
     "cited", [W("article", None, title="Australia and Japan upgrade defence pact", journaltitle="The Guardian", entrysubtype=NEWS,
                 date="2022-01-06", url="https://www.theguardian.com/australia-news/2022/jan/06/australia-japan-defence-pact", langid=EN)]),
    ("multi-citation",
     "参见 Evan S. Medeiros, “Strategic Hedging and the Future of Asia-Pacific Stability,” The Washington Quarterly, Vol. 29, No. 1, 2005, pp. 145-167；Cheng-Chwee Kuik, “How Do Weaker States Hedge? Unpacking ASEAN States’ Alignment Behavior towards China,” Journal of Contemporary China, Vol. 25, No. 100, 2016, pp. 500-514。",
     "cited", [W("article", "145-167", author="Medeiros, Evan S.", title="Strategic Hedging and the Future of Asia-Pacific Stability",
                 journaltitle="The Washington Quarterly", volume="29", number="1", date="2005", pages="145-167", langid=EN),
               W("article", "500-514", author="Kuik, Cheng-Chwee",
                 title="How Do Weaker States Hedge? Unpacking ASEAN States’ Alignment Behavior towards China",
                 journaltitle="Journal of Contemporary China", volume="25", number="100", date="2016", pages="500-514", langid=EN)]),
    ("commentary+citation",
     "有关美日同盟“再定义”的过程，详见刘江永：《美日同盟“再定义”的来龙去脉》，《人民日报》1996 年 4 月 20 日，第 6 版。",
     "cited", [W("article", None, author="刘江永", title="美日同盟“再定义”的来龙去脉", journaltitle="人民日报", entrysubtype=NEWS,
                 date="1996-04-20", pages="6", langid=ZH)]),
    ("zh-translated-book",
     "[美]小约瑟夫·奈、[加]戴维·韦尔奇：《理解全球冲突与合作：理论与历史》，张小明译，上海人民出版社 2018 年版，第 77 页。",
     "cited", [W("book", "77", author="小约瑟夫·奈 and 戴维·韦尔奇", title="理解全球冲突与合作：理论与历史", translator="张小明",
                 publisher="上海人民出版社", date="2018", langid=ZH)]),
    ("zh-book-etal",
     "张宇燕、徐秀军等：《全球治理的中国方案》，北京：中国社会科学出版社 2019 年版，第 18 页。",
     "cited", [W("book", "18", author="张宇燕 and 徐秀军 and others", title="全球治理的中国方案", location="北京", publisher="中国社会科学出版社",
                 date="2019", langid=ZH)]),
    ("zh-book-org",
     "中国现代国际关系研究院：《国际战略与安全形势评估（2022/2023）》，北京：时事出版社 2023 年版，第 45 页。",
     "cited", [W("book", "45", author="{中国现代国际关系研究院}", title="国际战略与安全形势评估（2022/2023）", location="北京",
                 publisher="时事出版社", date="2023", langid=ZH)]),
    ("en-news",
     "Jane Perlez, “Vietnam and China Trade Accusations over Oil Rig,” The New York Times, May 10, 2014.",
     "cited", [W("article", None, author="Perlez, Jane", title="Vietnam and China Trade Accusations over Oil Rig", journaltitle="The New York Times",
                 entrysubtype=NEWS, date="2014-05-10", langid=EN)]),
    ("zh-journal-multi-author",
     "任晶晶、李莹、王晨：《东南亚国家对美国“印太战略”的认知与应对》，《国际问题研究》2022 年第 1 期，第 88—106 页。",
     "cited", [W("article", "88-106", author="任晶晶 and 李莹 and 王晨", title="东南亚国家对美国“印太战略”的认知与应对",
                 journaltitle="国际问题研究", date="2022", number="1", pages="88-106", langid=ZH)]),
    ("zh-web-urldate",
     "孙茹：《美菲同盟强化的动因与限度》，中国国际问题研究院网站，2024 年 5 月 8 日，https://www.ciis.org.cn/yjcg/sspl/202405/t20240508_9238.html，上网时间：2024 年 6 月 1 日。",
     "cited", [W("online", None, author="孙茹", title="美菲同盟强化的动因与限度", organization="中国国际问题研究院网站", date="2024-05-08",
                 url="https://www.ciis.org.cn/yjcg/sspl/202405/t20240508_9238.html", urldate="2024-06-01", langid=ZH)]),
    ("short-form", "张宇燕、徐秀军等：《全球治理的中国方案》，第 20 页。", "cited", [R(62, "20")]),
    ("gbt-newspaper",
     "钟声. 美国的双重标准站不住脚[N]. 人民日报, 2019-06-12(3).",
     "cited", [W("article", None, author="钟声", title="美国的双重标准站不住脚", journaltitle="人民日报", entrysubtype=NEWS,
                 date="2019-06-12", pages="3", langid=ZH)]),
    ("zh-archive",
     "《中国驻越南大使馆关于越南局势的报告》（1964 年 8 月 10 日），中华人民共和国外交部档案馆藏，档号 106-01421-02。",
     "cited", [W("misc", None, title="中国驻越南大使馆关于越南局势的报告", entrysubtype="archive", library="中华人民共和国外交部档案馆",
                 number="106-01421-02", date="1964-08-10", langid=ZH)]),
    ("zh-archive",
     "《上海市外事办公室关于接待日本访华团的请示》（1972 年 10 月 5 日），上海市档案馆藏，档号 B158-2-104-11。",
     "cited", [W("misc", None, title="上海市外事办公室关于接待日本访华团的请示", entrysubtype="archive", library="上海市档案馆",
                 number="B158-2-104-11", date="1972-10-05", langid=ZH)]),
    ("en-report-series",
     "Derek Grossman, Regional Responses to U.S.-China Competition in the Indo-Pacific: Vietnam, RR-4412/6-AF, Santa Monica, CA: RAND Corporation, 2020, p. 11.",
     "cited", [W("report", "11", author="Grossman, Derek", title="Regional Responses to U.S.-China Competition in the Indo-Pacific: Vietnam",
                 number="RR-4412/6-AF", date="2020", langid=EN)]),
    ("en-edited-book-chicago",
     "Robert S. Ross and Øystein Tunsjø, eds., Strategic Adjustment and the Rise of China: Power and Politics in East Asia (Ithaca: Cornell University Press, 2017), 3.",
     "cited", [W("book", "3", editor="Ross, Robert S. and Tunsjø, Øystein", title="Strategic Adjustment and the Rise of China: Power and Politics in East Asia",
                 location="Ithaca", publisher="Cornell University Press", date="2017", langid=EN)]),
    ("ibid", "Ibid.", "cited", [R(72, None)]),
    # ---- 74-92: harder variants of the same genre
    ("zh-translated-book-zhu-yi",
     "[美]亨利·基辛格著，胡利平、林华译：《论中国》，北京：中信出版社 2012 年版，第 88 页。",
     "cited", [W("book", "88", author="亨利·基辛格", title="论中国", translator="胡利平 and 林华", location="北京",
                 publisher="中信出版社", date="2012", langid=ZH)]),
    ("zh-newspaper-overseas",
     "贾秀东：《中美关系需要稳定的“压舱石”》，《人民日报》（海外版）2024 年 1 月 5 日，第 3 版。",
     "cited", [W("article", None, author="贾秀东", title="中美关系需要稳定的“压舱石”", journaltitle="人民日报（海外版）",
                 entrysubtype=NEWS, date="2024-01-05", pages="3", langid=ZH)]),
    ("en-news-accessed",
     "Rebecca Ratcliffe, “Vietnam’s ‘bamboo diplomacy’ put to the test,” The Guardian, December 12, 2023, https://www.theguardian.com/world/2023/dec/12/vietnam-bamboo-diplomacy, accessed March 3, 2024.",
     "cited", [W("article", None, author="Ratcliffe, Rebecca", title="Vietnam’s ‘bamboo diplomacy’ put to the test", journaltitle="The Guardian",
                 entrysubtype=NEWS, date="2023-12-12", url="https://www.theguardian.com/world/2023/dec/12/vietnam-bamboo-diplomacy",
                 urldate="2024-03-03", langid=EN)]),
    ("en-journal-lowercase",
     "Avery Goldstein, “First Things First: The Pressing Danger of Crisis Instability in U.S.-China Relations,” International Security, vol. 37, no. 4 (2013), pp. 49-89.",
     "cited", [W("article", "49-89", author="Goldstein, Avery",
                 title="First Things First: The Pressing Danger of Crisis Instability in U.S.-China Relations",
                 journaltitle="International Security", volume="37", number="4", date="2013", pages="49-89", langid=EN)]),
    ("ibid-range", "Ibid., pp. 60-61.", "cited", [R(77, "60-61")]),
    ("en-chapter-chicago-ed",
     "Alastair Iain Johnston, “Is China a Status Quo Power?” in International Relations Theory and the Asia-Pacific, ed. G. John Ikenberry and Michael Mastanduno (New York: Columbia University Press, 2003), 33–56.",
     "cited", [W("incollection", "33-56", author="Johnston, Alastair Iain", title="Is China a Status Quo Power?",
                 booktitle="International Relations Theory and the Asia-Pacific", editor="Ikenberry, G. John and Mastanduno, Michael",
                 location="New York", publisher="Columbia University Press", date="2003", pages="33-56", langid=EN)]),
    ("en-book-translated",
     "Raymond Aron, Peace and War: A Theory of International Relations, trans. Richard Howard and Annette Baker Fox, Garden City, NY: Doubleday, 1966, p. 72.",
     "cited", [W("book", "72", author="Aron, Raymond", title="Peace and War: A Theory of International Relations",
                 translator="Howard, Richard and Fox, Annette Baker", location="Garden City, NY", publisher="Doubleday", date="1966",
                 langid=EN)]),
    ("ja-journal-volume",
     "神保謙「アジア太平洋の安全保障アーキテクチャ」、『国際安全保障』第 48 巻第 2 号、2020 年 9 月、35—52 頁。",
     "cited", [W("article", "35-52", author="神保謙", title="アジア太平洋の安全保障アーキテクチャ", journaltitle="国際安全保障",
                 volume="48", number="2", date="2020-09", pages="35-52", langid=JA)]),
    ("ibid-range", "同上，第 40—41 页。", "cited", [R(81, "40-41")]),
    ("ru-journal-two-authors",
     "Кашин В.Б., Тимофеев И.Н. Российско-китайские отношения в условиях санкций // Вестник МГИМО-Университета. 2021. Т. 14, № 3. С. 7–27.",
     "cited", [W("article", "7-27", author="Кашин, В.Б. and Тимофеев, И.Н.", title="Российско-китайские отношения в условиях санкций",
                 journaltitle="Вестник МГИМО-Университета", volume="14", number="3", date="2021", pages="7-27", langid=RU)]),
    ("multi-citation-lingcanjian",
     "参阅赵可金：《中美关系的战略稳定》，《国际问题研究》2021 年第 3 期，第 1—18 页；另参见吴心伯：《论中美战略竞争》，《世界经济与政治》2020 年第 5 期，第 96—130 页。",
     "cited", [W("article", "1-18", author="赵可金", title="中美关系的战略稳定", journaltitle="国际问题研究", date="2021", number="3",
                 pages="1-18", langid=ZH),
               W("article", "96-130", author="吴心伯", title="论中美战略竞争", journaltitle="世界经济与政治", date="2020", number="5",
                 pages="96-130", langid=ZH)]),
    ("op-cit", "Kang, op. cit., pp. 60-61.", "cited", [R(25, "60-61")]),
    ("zh-archive",
     "《北京市人民委员会外事处关于接待苏联专家的报告》（1957 年 3 月），北京市档案馆藏，档号：102-001-00123。",
     "cited", [W("misc", None, title="北京市人民委员会外事处关于接待苏联专家的报告", entrysubtype="archive", library="北京市档案馆",
                 number="102-001-00123", date="1957-03", langid=ZH)]),
    ("commentary-with-title-marks",
     "关于《美日安保条约》第五条是否适用于钓鱼岛，美国历届政府的表态并不一致，本文不作展开。",
     "not-a-citation", []),
    ("citation+commentary",
     "唐世平：《我们时代的安全战略理论：防御性现实主义》，北京大学出版社 2016 年版，第 35 页。不过，该书对进攻性现实主义的批评并未得到普遍认同。",
     "cited", [W("book", "35", author="唐世平", title="我们时代的安全战略理论：防御性现实主义", publisher="北京大学出版社", date="2016",
                 langid=ZH)]),
    ("en-report-series",
     "International Crisis Group, “Vietnam Tacks Between Cooperation and Struggle in the South China Sea,” Asia Report No. 318, October 7, 2021, https://www.crisisgroup.org/asia/south-east-asia/vietnam/318-vietnam-tacks.",
     "cited", [W("report", None, author="{International Crisis Group}", title="Vietnam Tacks Between Cooperation and Struggle in the South China Sea",
                 type="Asia Report", number="318", date="2021-10-07",
                 url="https://www.crisisgroup.org/asia/south-east-asia/vietnam/318-vietnam-tacks", langid=EN)]),
    ("en-conference",
     "Ja Ian Chong, “Hedging as Alignment Politics,” paper presented at the Annual Meeting of the American Political Science Association, Washington, D.C., August 28-31, 2014.",
     "cited", [W("inproceedings", None, author="Chong, Ja Ian", title="Hedging as Alignment Politics",
                 eventtitle="Annual Meeting of the American Political Science Association", date="*", langid=EN)]),
    ("gbt-thesis",
     "吴琳. 冷战后东盟地区论坛的安全合作[D]. 北京: 外交学院, 2012.",
     "cited", [W("thesis", None, author="吴琳", title="冷战后东盟地区论坛的安全合作", institution="外交学院", date="2012", langid=ZH)]),
    ("gbt-online",
     "庞中英. 全球治理的中国角色[EB/OL]. (2023-05-10)[2024-01-02]. https://www.ciis.org.cn/yjcg/xslw/202305/t20230510_8912.html.",
     "cited", [W("online", None, author="庞中英", title="全球治理的中国角色", date="2023-05-10", urldate="2024-01-02",
                 url="https://www.ciis.org.cn/yjcg/xslw/202305/t20230510_8912.html", langid=ZH)]),
]

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def marker(n: int) -> str:
    """Marker styles vary through the file; the marker number always equals the position."""
    if n <= 20:
        return CIRCLED[n - 1] + " "
    if n <= 40:
        return f"[{n}] "
    if n <= 55:
        return f"({n}) "
    if n <= 66:
        return f"{n}. "
    if n <= 73:
        return ""  # no marker: numbered by position
    return f"〔{n}〕"


def build_notes() -> tuple[str, list[dict]]:
    paras, expected = [], []
    for n, (pattern, text, status, cits) in enumerate(NOTES, 1):
        for c in cits:
            if "ref" in c:
                assert c["ref"][0] < n, (n, c)
        paras.append(marker(n) + text)
        expected.append({"n": n, "pattern": pattern, "text": text, "status": status, "citations": cits})
    return "\n\n".join(paras) + "\n", expected


# ------------------------------------------------------------------ the article form
# The pages live in article_pages.py (top lines, body lines, notes with their expectations);
# article back-references are {"ref": [page, note, idx]}.


def build_article() -> tuple[str, dict]:
    from article_pages import PAGES

    out: list[str] = []
    expected_notes = []
    for page in PAGES:
        out += page["top"] + page["body"]
        for num, note_lines, pattern, status, cits in page["notes"]:
            out.append(f"[{num}] " + note_lines[0])
            out += note_lines[1:]
            expected_notes.append({"page": page["page"], "note": num, "pattern": pattern,
                                   "text": "".join(note_lines), "status": status, "citations": cits})
    # like the seed: every line of the PDF extraction followed by a blank line
    text = "\n\n".join(out) + "\n"
    return text, {"page_numbers": [PAGES[0]["page"], PAGES[-1]["page"]], "notes": expected_notes}


CIRCLED_ALL = "①②③④⑤⑥⑦⑧⑨⑩"


def build_article2() -> tuple[str, dict]:
    """Second house style: form feeds, single newlines, circled markers, folios at the bottom."""
    from article_pages import PAGES2

    pages_text = []
    expected_notes = []
    for page in PAGES2:
        lines = page["top"] + page["body"]
        for num, note_lines, pattern, status, cits in page["notes"]:
            lines.append(CIRCLED_ALL[num - 1] + note_lines[0])
            lines += note_lines[1:]
            expected_notes.append({"page": page["page"], "note": num, "pattern": pattern,
                                   "text": "".join(note_lines), "status": status, "citations": cits})
        lines += page["bottom"]
        pages_text.append("\n".join(lines))
    text = "\n\f".join(pages_text) + "\n"
    return text, {"page_numbers": [PAGES2[0]["page"], PAGES2[-1]["page"]], "notes": expected_notes}


def build_article3() -> tuple[str, dict]:
    """Third house style: no page-break signal, continuous note numbers glued to the text."""
    from article_pages import PAGES3

    lines: list[str] = []
    expected_notes = []
    for page in PAGES3:
        lines += page["top"] + page["body"]
        for num, note_lines, pattern, status, cits in page["notes"]:
            lines.append(f"{num}" + note_lines[0])
            lines += note_lines[1:]
            expected_notes.append({"page": page["page"], "note": num, "pattern": pattern,
                                   "text": "".join(note_lines), "status": status, "citations": cits})
    text = "\n".join(lines) + "\n"
    return text, {"page_numbers": [PAGES3[0]["page"], PAGES3[-1]["page"]], "notes": expected_notes}


def main() -> None:
    import sys

    sys.path.insert(0, str(HERE))
    text, expected = build_notes()
    (HERE / "notes.txt").write_text(text, encoding="utf-8")
    art_text, art_expected = build_article()
    (HERE / "article.txt").write_text(art_text, encoding="utf-8")
    art2_text, art2_expected = build_article2()
    (HERE / "article2.txt").write_text(art2_text, encoding="utf-8")
    art3_text, art3_expected = build_article3()
    (HERE / "article3.txt").write_text(art3_text, encoding="utf-8")
    doc = {
        "about": __doc__.strip().splitlines()[0],
        "notes": expected,
        "article": art_expected,
        "article2": art2_expected,
        "article3": art3_expected,
    }
    (HERE / "expected.json").write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(expected)} notes, {len(art_expected['notes'])} + {len(art2_expected['notes'])} + {len(art3_expected['notes'])} article notes")


if __name__ == "__main__":
    main()
