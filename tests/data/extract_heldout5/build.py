"""Source of held-out set 5: writes notes.txt, article.txt, article2.txt and expected.json next to this file.

Written blind (annobib/extract/* not read), by hand, from README field conventions and
/work/shared/docs/footnote-patterns.md. House styles not in sets 1/4:
* notes 1-31 （n） markers: 《世界经济与政治》/《国际政治科学》 style -- ［美］/［加］/［英］…［丹］ translated
  books, 载《…》, 同上文/同上书/同上；另参见, 前引书 with nationality, short forms, 白皮书 printed and online,
  最后访问时间/访问时间/上网时间, 讲话 in 人民日报, 编 by an organization, several works of one author.
* notes 32-43: Japanese notes (（出版社、年）、頁, 『外交』第80号（2023年）, 朝刊, 面, 前掲書, 閲覧, 編, 訳).
* notes 44-53: Korean notes (「」『』 with pp., 제N권 N호 (year), 쪽, 위의 글, 앞의 책, 저/역, 검색일).
* notes 54-80 (n. markers): English notes mixing Chicago, APA and Harvard: think-tank reports (CSIS, RAND
  numbers), government documents, UN documents, court cases, tweets/X posts, Harvard "Available at".
* article.txt: a Chinese article, 4 pages, running head and folio on ONE line at the top of each page,
  superscript markers ¹²³ restarting per page, notes as a block at the page bottom, no form feeds.
* article2.txt: an English article, 2 pages, superscript markers numbered through, bare-number folios at
  the page bottom, running heads on top.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # tests/data: heldout_common

from heldout_common import EN, JA, KO, NEWS, RP, ZH, R, W, article_expected, note_expected, write  # noqa: E402

NOTES = [
    # 1
    ("funding",
     "本文为国家社会科学基金重大项目“新时代中国周边外交理论与实践研究”（23&ZD315）的阶段性成果。作者感谢《世界经济与政治》编辑部和匿名审稿人的意见与建议，文中错漏由作者负责。",
     "not-a-citation", []),
    # 2
    ("zh-translated-book-noplace",
     "［美］约瑟夫·奈：《软实力》，马娟娟译，中信出版社2013年版，第25页。",
     "cited", [W("book", "25", author="约瑟夫·奈", title="软实力", translator="马娟娟", publisher="中信出版社", date="2013", langid=ZH)]),
    # 3
    ("zh-journal-zai-nospace",
     "王缉思：《大国关系与国际秩序》，载《国际问题研究》2019年第1期，第3—10页。",
     "cited", [W("article", "3-10", author="王缉思", title="大国关系与国际秩序", journaltitle="国际问题研究", date="2019", number="1",
                 pages="3-10", langid=ZH)]),
    # 4
    ("ibid-wen", "同上文，第6页。", "cited", [R(3, "6")]),
    # 5
    ("multi-citation-translated",
     "参见秦亚青：《关系与过程：中国国际关系理论的文化建构》，上海人民出版社2012年版，第45—52页；［加］阿米塔·阿查亚：《美国世界秩序的终结》，袁正清、肖莹莹译，上海人民出版社2017年版，第3页。",
     "cited", [W("book", "45-52", author="秦亚青", title="关系与过程：中国国际关系理论的文化建构", publisher="上海人民出版社", date="2012", langid=ZH),
               W("book", "3", author="阿米塔·阿查亚", title="美国世界秩序的终结", translator="袁正清 and 肖莹莹", publisher="上海人民出版社",
                 date="2017", langid=ZH)]),
    # 6
    ("zhuanyinzi-translators-etal",
     "转引自［美］亨利·基辛格：《世界秩序》，胡利平等译，中信出版社2015年版，第489页。",
     "cited", [W("book", "489", author="亨利·基辛格", title="世界秩序", translator="胡利平 and others", publisher="中信出版社", date="2015", langid=ZH)]),
    # 7
    ("zh-speech-newspaper",
     "习近平：《高举中国特色社会主义伟大旗帜 为全面建设社会主义现代化国家而团结奋斗——在中国共产党第二十次全国代表大会上的报告》，《人民日报》2022年10月26日，第1版。",
     "cited", [W("article", None, author="习近平", title="高举中国特色社会主义伟大旗帜 为全面建设社会主义现代化国家而团结奋斗——在中国共产党第二十次全国代表大会上的报告",
                 journaltitle="人民日报", entrysubtype=NEWS, date="2022-10-26", pages="1", langid=ZH)]),
    # 8
    ("zh-white-paper-printed",
     "中华人民共和国国务院新闻办公室：《新时代的中国国际发展合作》白皮书，人民出版社2021年版，第12页。",
     "cited", [W("report", "12", author="{中华人民共和国国务院新闻办公室}", title="新时代的中国国际发展合作", type="白皮书",
                 publisher="人民出版社", date="2021", langid=ZH)]),
    # 9
    ("zh-web-mfa-zuihou-fangwen",
     "《外交部发言人毛宁主持例行记者会》，外交部网站，2024年3月5日，https://www.mfa.gov.cn/fyrbt_673021/202403/t20240305_11254132.shtml，最后访问时间：2025年3月1日。",
     "cited", [W("online", None, title="外交部发言人毛宁主持例行记者会", organization="外交部网站", date="2024-03-05",
                 url="https://www.mfa.gov.cn/fyrbt_673021/202403/t20240305_11254132.shtml", urldate="2025-03-01", langid=ZH)]),
    # 10
    ("ibid", "同上。", "cited", [R(9)]),
    # 11
    ("zh-book", "阎学通：《道义现实主义与中国的崛起战略》，中信出版社2023年版，第31—33页。",
     "cited", [W("book", "31-33", author="阎学通", title="道义现实主义与中国的崛起战略", publisher="中信出版社", date="2023", langid=ZH)]),
    # 12
    ("multi-citation-same-author",
     "王逸舟：《创造性介入：中国外交新取向》，北京大学出版社2011年版，第15页；王逸舟：《创造性介入：中国全球角色的生成》，北京大学出版社2013年版，第7页。",
     "cited", [W("book", "15", author="王逸舟", title="创造性介入：中国外交新取向", publisher="北京大学出版社", date="2011", langid=ZH),
               W("book", "7", author="王逸舟", title="创造性介入：中国全球角色的生成", publisher="北京大学出版社", date="2013", langid=ZH)]),
    # 13
    ("qianyin-shu", "阎学通：前引书，第78页。", "cited", [R(11, "78")]),
    # 14
    ("short-form-second-of-two", "王逸舟：《创造性介入：中国外交新取向》，第20页。", "cited", [R(12, "20")]),
    # 15
    ("zh-chapter-zai-editor",
     "苏长和：《共生型国际体系的可能》，载郭树勇主编：《国际关系：呼唤中国理论》，天津人民出版社2005年版，第87—103页。",
     "cited", [W("incollection", "87-103", author="苏长和", title="共生型国际体系的可能", editor="郭树勇", booktitle="国际关系：呼唤中国理论",
                 publisher="天津人民出版社", date="2005", pages="87-103", langid=ZH)]),
    # 16
    ("zh-news-site-urldate",
     "《王毅同布林肯举行会谈》，新华网，2024年4月26日，http://www.news.cn/politics/leaders/20240426/3b1c2d.html，最后访问时间：2025年1月10日。",
     "cited", [W("article", None, title="王毅同布林肯举行会谈", journaltitle="新华网", entrysubtype=NEWS, date="2024-04-26",
                 url="http://www.news.cn/politics/leaders/20240426/3b1c2d.html", urldate="2025-01-10", langid=ZH)]),
    # 17
    ("multi-citation-same-author-deng",
     "参见刘丰：《大国制衡行为：争论与进展》，载《外交评论》2010年第1期，第110—120页；刘丰：《均势为何难以形成》，载《世界经济与政治》2006年第9期，第31—38页等。",
     "cited", [W("article", "110-120", author="刘丰", title="大国制衡行为：争论与进展", journaltitle="外交评论", date="2010", number="1",
                 pages="110-120", langid=ZH),
               W("article", "31-38", author="刘丰", title="均势为何难以形成", journaltitle="世界经济与政治", date="2006", number="9",
                 pages="31-38", langid=ZH)]),
    # 18
    ("zh-translated-two-nationalities",
     "［英］巴里·布赞、［丹］琳娜·汉森：《国际安全研究的演化》，余潇枫译，浙江大学出版社2011年版，第8页。",
     "cited", [W("book", "8", author="巴里·布赞 and 琳娜·汉森", title="国际安全研究的演化", translator="余潇枫", publisher="浙江大学出版社",
                 date="2011", langid=ZH)]),
    # 19
    ("ibid-shu-range", "同上书，第10—11页。", "cited", [R(18, "10-11")]),
    # 20
    ("en-book-jr",
     "Joseph S. Nye, Jr., Soft Power: The Means to Success in World Politics, New York: PublicAffairs, 2004, p. 5.",
     "cited", [W("book", "5", author="Nye, Jr., Joseph S.", title="Soft Power: The Means to Success in World Politics", location="New York",
                 publisher="PublicAffairs", date="2004", langid=EN)]),
    # 21
    ("qianyin-with-nationality", "［美］约瑟夫·奈：前引书，第30页。", "cited", [R(2, "30")]),
    # 22
    ("multi-citation-commentary-lingcanjian",
     "赵可金：《软战时代的中美公共外交》，时事出版社2011年版，第56页；关于公共外交的界定，另参见韩召颖：《公共外交：理论与实践》，载《国际政治科学》2007年第2期，第1—25页。",
     "cited", [W("book", "56", author="赵可金", title="软战时代的中美公共外交", publisher="时事出版社", date="2011", langid=ZH),
               W("article", "1-25", author="韩召颖", title="公共外交：理论与实践", journaltitle="国际政治科学", date="2007", number="2",
                 pages="1-25", langid=ZH)]),
    # 23
    ("commentary", "需要说明的是，本文所称“软实力”与奈的原始界定略有不同，下文将具体说明。", "not-a-citation", []),
    # 24
    ("zh-white-paper-online",
     "国务院新闻办公室：《中国的和平发展》白皮书，2011年9月6日，http://www.scio.gov.cn/zxbd/nd/2011/Document/999959/999959.htm，访问时间：2024年10月8日。",
     "cited", [W("report", None, author="{国务院新闻办公室}", title="中国的和平发展", type="白皮书", date="2011-09-06",
                 url="http://www.scio.gov.cn/zxbd/nd/2011/Document/999959/999959.htm", urldate="2024-10-08", langid=ZH)]),
    # 25
    ("zh-edited-org",
     "中共中央党史和文献研究院编：《习近平关于中国特色大国外交论述摘编》，中央文献出版社2020年版，第42页。",
     "cited", [W("book", "42", editor="{中共中央党史和文献研究院}", title="习近平关于中国特色大国外交论述摘编", publisher="中央文献出版社",
                 date="2020", langid=ZH)]),
    # 26
    ("zh-book-speeches", "习近平：《论坚持推动构建人类命运共同体》，中央文献出版社2018年版，第253—254页。",
     "cited", [W("book", "253-254", author="习近平", title="论坚持推动构建人类命运共同体", publisher="中央文献出版社", date="2018", langid=ZH)]),
    # 27
    ("zh-news-overseas-shangwang",
     "《美国宣布对华半导体出口管制新规》，联合早报网，2022年10月8日，https://www.zaobao.com.sg/realtime/china/story20221008-1320011，上网时间：2023年5月2日。",
     "cited", [W("article", None, title="美国宣布对华半导体出口管制新规", journaltitle="联合早报网", entrysubtype=NEWS, date="2022-10-08",
                 url="https://www.zaobao.com.sg/realtime/china/story20221008-1320011", urldate="2023-05-02", langid=ZH)]),
    # 28
    ("short-form-zai-article", "王缉思：《大国关系与国际秩序》，第8页。", "cited", [R(3, "8")]),
    # 29
    ("ibid+lingcanjian",
     "同上，第9页；另参见郑永年：《中国的“行为体”现代化》，东方出版社2021年版，第100页。",
     "cited", [R(3, "9"),
               W("book", "100", author="郑永年", title="中国的“行为体”现代化", publisher="东方出版社", date="2021", langid=ZH)]),
    # 30
    ("en-journal-vol-no-in-zh",
     "Evan S. Medeiros, “The Changing Fundamentals of US-China Relations,” The Washington Quarterly, Vol. 42, No. 3, 2019, pp. 93-119.",
     "cited", [W("article", "93-119", author="Medeiros, Evan S.", title="The Changing Fundamentals of US-China Relations",
                 journaltitle="The Washington Quarterly", volume="42", number="3", date="2019", pages="93-119", langid=EN)]),
    # 31
    ("ibid-en", "Ibid., p. 100.", "cited", [R(30, "100")]),
    # 32 Japanese
    ("ja-book-paren-imprint",
     "佐藤優『国家の罠――外務省のラスプーチンと呼ばれて』（新潮社、2005年）、45頁。",
     "cited", [W("book", "45", author="佐藤優", title="国家の罠――外務省のラスプーチンと呼ばれて", publisher="新潮社", date="2005", langid=JA)]),
    # 33
    ("ja-journal-go-paren-year",
     "北岡伸一「日本外交の座標軸」『外交』第80号（2023年）、12–19頁。",
     "cited", [W("article", "12-19", author="北岡伸一", title="日本外交の座標軸", journaltitle="外交", number="80", date="2023",
                 pages="12-19", langid=JA)]),
    # 34
    ("ja-newspaper-chokan",
     "「首相、防衛費増額を表明」『朝日新聞』2024年5月3日朝刊。",
     "cited", [W("article", None, title="首相、防衛費増額を表明", journaltitle="朝日新聞", entrysubtype=NEWS, date="2024-05-03", langid=JA)]),
    # 35
    ("ibid-ja", "同上。", "cited", [R(34)]),
    # 36
    ("ja-white-paper-printed",
     "防衛省『令和5年版 防衛白書』（日経印刷、2023年）、210頁。",
     "cited", [W("report", "210", author="{防衛省}", title="令和5年版 防衛白書", publisher="日経印刷", date="2023", langid=JA)]),
    # 37
    ("ja-online-etsuran",
     "外務省「日米首脳共同声明」、2024年4月10日、https://www.mofa.go.jp/mofaj/files/100652147.pdf（2024年6月1日閲覧）。",
     "cited", [W("online", None, author="{外務省}", title="日米首脳共同声明", date="2024-04-10",
                 url="https://www.mofa.go.jp/mofaj/files/100652147.pdf", urldate="2024-06-01", langid=JA)]),
    # 38
    ("ja-edited-book",
     "細谷雄一編『戦後日本の歴史認識』（東京大学出版会、2017年）、88頁。",
     "cited", [W("book", "88", editor="細谷雄一", title="戦後日本の歴史認識", publisher="東京大学出版会", date="2017", langid=JA)]),
    # 39
    ("ja-translated-book",
     "ジョセフ・S・ナイ『ソフト・パワー――21世紀国際政治を制する見えざる力』山岡洋一訳（日本経済新聞社、2004年）、34頁。",
     "cited", [W("book", "34", author="ジョセフ・S・ナイ", title="ソフト・パワー――21世紀国際政治を制する見えざる力", translator="山岡洋一",
                 publisher="日本経済新聞社", date="2004", langid=JA)]),
    # 40
    ("ja-zenkeisho-surname", "佐藤、前掲書、60頁。", "cited", [R(32, "60")]),
    # 41
    ("ja-chapter",
     "中西寛「国際秩序の変容と日本」細谷雄一編『戦後日本の歴史認識』（東京大学出版会、2017年）、55–80頁。",
     "cited", [W("incollection", "55-80", author="中西寛", title="国際秩序の変容と日本", editor="細谷雄一", booktitle="戦後日本の歴史認識",
                 publisher="東京大学出版会", date="2017", pages="55-80", langid=JA)]),
    # 42
    ("en-book-chicago-in-ja",
     "Michael J. Green, Line of Advantage: Japan’s Grand Strategy in the Era of Abe Shinzō (New York: Columbia University Press, 2022), 112.",
     "cited", [W("book", "112", author="Green, Michael J.", title="Line of Advantage: Japan’s Grand Strategy in the Era of Abe Shinzō",
                 location="New York", publisher="Columbia University Press", date="2022", langid=EN)]),
    # 43
    ("ja-newspaper-men",
     "「日中外相会談 尖閣周辺の活動に懸念」『読売新聞』2023年12月27日、2面。",
     "cited", [W("article", None, title="日中外相会談 尖閣周辺の活動に懸念", journaltitle="読売新聞", entrysubtype=NEWS, date="2023-12-27",
                 pages="2", langid=JA)]),
    # 44 Korean
    ("ko-journal-vol-no-pp",
     "이상현, 「한미동맹의 미래」, 『국가전략』 제28권 2호 (2022), pp. 5-30.",
     "cited", [W("article", "5-30", author="이상현", title="한미동맹의 미래", journaltitle="국가전략", volume="28", number="2", date="2022",
                 pages="5-30", langid=KO)]),
    # 45
    ("ko-ibid-wiui-geul", "위의 글, p. 12.", "cited", [R(44, "12")]),
    # 46
    ("ko-book-place-pub",
     "김준형, 『한미관계론』 (서울: 명인문화사, 2017), 45쪽.",
     "cited", [W("book", "45", author="김준형", title="한미관계론", location="서울", publisher="명인문화사", date="2017", langid=KO)]),
    # 47
    ("ko-translated-book",
     "조셉 나이 저, 홍수원 역, 『소프트 파워』 (서울: 세종서적, 2004), 23쪽.",
     "cited", [W("book", "23", author="조셉 나이", title="소프트 파워", translator="홍수원", location="서울", publisher="세종서적", date="2004",
                 langid=KO)]),
    # 48
    ("ko-newspaper",
     "「윤석열 대통령, 한미일 정상회의 참석」, 『조선일보』, 2023년 8월 19일, A1면.",
     "cited", [W("article", None, title="윤석열 대통령, 한미일 정상회의 참석", journaltitle="조선일보", entrysubtype=NEWS, date="2023-08-19",
                 pages="A1", langid=KO)]),
    # 49
    ("ko-ape-chaek", "김준형, 앞의 책, 50쪽.", "cited", [R(46, "50")]),
    # 50
    ("ko-strategy-geomsaek",
     "외교부, 「자유, 평화, 번영의 인도-태평양 전략」, 2022년 12월 28일, https://www.mofa.go.kr/www/brd/m_4080/view.do?seq=373216 (검색일: 2024년 3월 2일).",
     "cited", [W("report", None, author="{외교부}", title="자유, 평화, 번영의 인도-태평양 전략", date="2022-12-28",
                 url="https://www.mofa.go.kr/www/brd/m_4080/view.do?seq=373216", urldate="2024-03-02", langid=KO)]),
    # 51
    ("en-book-chicago-p",
     "Victor D. Cha, Powerplay: The Origins of the American Alliance System in Asia (Princeton: Princeton University Press, 2016), p. 40.",
     "cited", [W("book", "40", author="Cha, Victor D.", title="Powerplay: The Origins of the American Alliance System in Asia",
                 location="Princeton", publisher="Princeton University Press", date="2016", langid=EN)]),
    # 52
    ("ko-journal-je-ho-jjok",
     "전재성, 「미중 전략경쟁과 한국의 외교전략」, 『한국과 국제정치』 제39권 제1호 (2023), 1-32쪽.",
     "cited", [W("article", "1-32", author="전재성", title="미중 전략경쟁과 한국의 외교전략", journaltitle="한국과 국제정치", volume="39",
                 number="1", date="2023", pages="1-32", langid=KO)]),
    # 53
    ("short-form-en", "Cha, Powerplay, p. 44.", "cited", [R(51, "44")]),
    # 54 English
    ("en-report-thinktank-publisher",
     "Kathleen H. Hicks, Strategic Competition and the Indo-Pacific (Washington, DC: Center for Strategic and International Studies, 2021), 14.",
     "cited", [W("report", "14", author="Hicks, Kathleen H.", title="Strategic Competition and the Indo-Pacific",
                 institution="Center for Strategic and International Studies", location="Washington, DC", date="2021", langid=EN)]),
    # 55
    ("en-report-rand-number",
     "David Ochmanek et al., Inflection Point: How to Reverse the Erosion of U.S. and Allied Military Power and Influence, RR-A2555-1 (Santa Monica, CA: RAND Corporation, 2023), 27–29.",
     "cited", [W("report", "27-29", author="Ochmanek, David and others",
                 title="Inflection Point: How to Reverse the Erosion of U.S. and Allied Military Power and Influence", number="RR-A2555-1",
                 institution="RAND Corporation", location="Santa Monica, CA", date="2023", langid=EN)]),
    # 56
    ("ibid-page", "Ibid., 31.", "cited", [R(55, "31")]),
    # 57
    ("un-doc-ga",
     "United Nations General Assembly, “Transforming Our World: The 2030 Agenda for Sustainable Development,” UN Doc. A/RES/70/1, October 21, 2015.",
     "cited", [W("report", None, author="{United Nations General Assembly}", title="Transforming Our World: The 2030 Agenda for Sustainable Development",
                 type="UN Doc.", number="A/RES/70/1", date="2015-10-21", langid=EN)]),
    # 58
    ("un-doc-sc",
     "UN Security Council, “Resolution 2231 (2015),” UN Doc. S/RES/2231, July 20, 2015.",
     "cited", [W("report", None, author="{UN Security Council}", title="Resolution 2231 (2015)", type="UN Doc.", number="S/RES/2231",
                 date="2015-07-20", langid=EN)]),
    # 59
    ("en-gov-strategy-url",
     "The White House, National Security Strategy (Washington, DC: The White House, October 2022), 23, https://www.whitehouse.gov/wp-content/uploads/2022/10/Biden-Harris-Administrations-National-Security-Strategy-10.2022.pdf.",
     "cited", [W("report", "23", author="{The White House}", title="National Security Strategy", date="2022-10",
                 url="https://www.whitehouse.gov/wp-content/uploads/2022/10/Biden-Harris-Administrations-National-Security-Strategy-10.2022.pdf",
                 langid=EN)]),
    # 60
    ("en-gov-report-year-in-title",
     "U.S. Department of Defense, Military and Security Developments Involving the People’s Republic of China 2023: Annual Report to Congress (Washington, DC: Department of Defense, 2023), 45.",
     "cited", [W("report", "45", author="{U.S. Department of Defense}",
                 title="Military and Security Developments Involving the People’s Republic of China 2023: Annual Report to Congress", date="2023",
                 langid=EN)]),
    # 61
    ("apa-journal-doi",
     "Mearsheimer, J. J. (2019). Bound to fail: The rise and fall of the liberal international order. International Security, 43(4), 7–50. https://doi.org/10.1162/isec_a_00342",
     "cited", [W("article", "7-50", author="Mearsheimer, J. J.", title="Bound to fail: The rise and fall of the liberal international order",
                 journaltitle="International Security", volume="43", number="4", date="2019", pages="7-50", doi="10.1162/isec_a_00342",
                 url="https://doi.org/10.1162/isec_a_00342", langid=EN)]),
    # 62
    ("apa-book-no-place",
     "Allison, G. (2017). Destined for war: Can America and China escape Thucydides’s trap? Houghton Mifflin Harcourt.",
     "cited", [W("book", None, author="Allison, G.", title="Destined for war: Can America and China escape Thucydides’s trap?",
                 publisher="Houghton Mifflin Harcourt", date="2017", langid=EN)]),
    # 63
    ("harvard-book",
     "Shambaugh, D. (2013) China Goes Global: The Partial Power. Oxford: Oxford University Press, p. 7.",
     "cited", [W("book", "7", author="Shambaugh, D.", title="China Goes Global: The Partial Power", location="Oxford",
                 publisher="Oxford University Press", date="2013", langid=EN)]),
    # 64
    ("harvard-journal",
     "Johnston, A.I. (2013) ‘How new and assertive is China’s new assertiveness?’, International Security, 37(4), pp. 7–48.",
     "cited", [W("article", "7-48", author="Johnston, A.I.", title="How new and assertive is China’s new assertiveness?",
                 journaltitle="International Security", volume="37", number="4", date="2013", pages="7-48", langid=EN)]),
    # 65
    ("icj-case",
     "Military and Paramilitary Activities in and against Nicaragua (Nicaragua v. United States of America), Merits, Judgment, I.C.J. Reports 1986, p. 14.",
     "cited", [W("jurisdiction", "14", title="Military and Paramilitary Activities in and against Nicaragua (Nicaragua v. United States of America)",
                 date="1986", journaltitle="*", number="*", volume="*", pages="*", institution="*", langid=EN)]),
    # 66
    ("pca-award-para",
     "The South China Sea Arbitration (The Republic of the Philippines v. The People’s Republic of China), PCA Case No. 2013-19, Award of 12 July 2016, para. 278.",
     "cited", [W("jurisdiction", "para. 278",
                 title="The South China Sea Arbitration (The Republic of the Philippines v. The People’s Republic of China)",
                 number="2013-19", date="2016-07-12", institution="*", langid=EN)]),
    # 67
    ("us-case",
     "Trump v. Hawaii, 585 U.S. 667 (2018).",
     "cited", [W("jurisdiction", None, title="Trump v. Hawaii", date="2018", volume="*", pages="*", number="*", journaltitle="*",
                 institution="*", langid=EN)]),
    # 68
    ("tweet-chicago",
     "Donald J. Trump (@realDonaldTrump), “China has been taking advantage of the United States on Trade for many years,” Twitter, August 1, 2019, https://twitter.com/realDonaldTrump/status/1156979446877962243.",
     "cited", [W("online", None, author="Trump, Donald J.", title="China has been taking advantage of the United States on Trade for many years",
                 organization="Twitter", date="2019-08-01", url="https://twitter.com/realDonaldTrump/status/1156979446877962243", langid=EN)]),
    # 69
    ("tweet-apa-org",
     "Ministry of Foreign Affairs of Japan [@MofaJapan_en], “Foreign Minister Kamikawa held a meeting with Secretary Blinken,” X, February 22, 2024, https://x.com/MofaJapan_en/status/1760512345678901234.",
     "cited", [W("online", None, author="{Ministry of Foreign Affairs of Japan}", title="Foreign Minister Kamikawa held a meeting with Secretary Blinken",
                 organization="X", date="2024-02-22", url="https://x.com/MofaJapan_en/status/1760512345678901234", langid=EN)]),
    # 70
    ("harvard-news-available-at",
     "Reuters (2023) ‘China restricts exports of gallium and germanium’, 3 July. Available at: https://www.reuters.com/markets/commodities/china-restricts-exports-gallium-germanium-2023-07-03/ (Accessed: 10 August 2023).",
     "cited", [W("article", None, title="China restricts exports of gallium and germanium", journaltitle="Reuters", entrysubtype=NEWS,
                 date="2023-07-03", url="https://www.reuters.com/markets/commodities/china-restricts-exports-gallium-germanium-2023-07-03/",
                 urldate="2023-08-10", langid=EN)]),
    # 71
    ("harvard-crs",
     "Congressional Research Service (2024) U.S.-China Strategic Competition in South and East China Seas, CRS Report R42784. Washington, DC: CRS.",
     "cited", [W("report", None, author="{Congressional Research Service}", title="U.S.-China Strategic Competition in South and East China Seas",
                 type="CRS Report", number="R42784", date="2024", langid=EN)]),
    # 72
    ("harvard-report-accessed",
     "Lowy Institute (2023) Asia Power Index 2023. Sydney: Lowy Institute. Available at: https://power.lowyinstitute.org/ (Accessed: 5 January 2024).",
     "cited", [W("report", None, author="{Lowy Institute}", title="Asia Power Index 2023", date="2023", url="https://power.lowyinstitute.org/",
                 urldate="2024-01-05", langid=EN)]),
    # 73
    ("harvard-eu-doc",
     "European Commission (2019) EU-China – A strategic outlook, JOIN(2019) 5 final, 12 March.",
     "cited", [W("report", None, author="{European Commission}", title="EU-China – A strategic outlook", number="*", date="2019-03-12", langid=EN)]),
    # 74
    ("short-form-report", "Hicks, Strategic Competition, 20.", "cited", [R(54, "20")]),
    # 75
    ("commentary-en", "All translations from Chinese and Japanese sources are the author’s own unless otherwise indicated.", "not-a-citation", []),
    # 76
    ("multi-see-eg-apa-short",
     "See, e.g., Bonny Lin and Brian Hart, “Accelerating Profits and Political Risk,” CSIS China Power Project, March 2023, https://chinapower.csis.org/accelerating-profits/; and Mearsheimer (2019), p. 12.",
     "cited", [W("online", None, author="Lin, Bonny and Hart, Brian", title="Accelerating Profits and Political Risk", organization="CSIS China Power Project",
                 date="2023-03", url="https://chinapower.csis.org/accelerating-profits/", langid=EN),
               R(61, "12")]),
    # 77
    ("en-gov-statement-online",
     "The White House, “Joint Vision Statement from the Leaders of Japan, the Philippines, and the United States,” April 11, 2024, https://www.whitehouse.gov/briefing-room/statements-releases/2024/04/11/joint-vision-statement/.",
     "cited", [W("online", None, author="{The White House}", title="Joint Vision Statement from the Leaders of Japan, the Philippines, and the United States",
                 date="2024-04-11", url="https://www.whitehouse.gov/briefing-room/statements-releases/2024/04/11/joint-vision-statement/", langid=EN)]),
    # 78
    ("en-report-csis-month",
     "Mark F. Cancian, Matthew Cancian and Eric Heginbotham, The First Battle of the Next War: Wargaming a Chinese Invasion of Taiwan (Washington, DC: CSIS, January 2023), 86.",
     "cited", [W("report", "86", author="Cancian, Mark F. and Cancian, Matthew and Heginbotham, Eric",
                 title="The First Battle of the Next War: Wargaming a Chinese Invasion of Taiwan", institution="CSIS", location="Washington, DC",
                 date="2023-01", langid=EN)]),
    # 79
    ("ibid-range-en", "Ibid., 88–90.", "cited", [R(78, "88-90")]),
    # 80
    ("apa-journal-ampersand",
     "Liff, A. P., Ikenberry, G. J., & Lim, D. (2024). Hedging in the Indo-Pacific. Journal of Strategic Studies, 47(2), 201–229.",
     "cited", [W("article", "201-229", author="Liff, A. P. and Ikenberry, G. J. and Lim, D.", title="Hedging in the Indo-Pacific",
                 journaltitle="Journal of Strategic Studies", volume="47", number="2", date="2024", pages="201-229", langid=EN)]),
]


def build_notes():
    lines, expected = [], []
    for n, (pattern, text, status, cits) in enumerate(NOTES, 1):
        marker = f"（{n}）" if n <= 53 else f"{n}. "
        lines.append(marker + text)
        expected.append(note_expected(n, pattern, text, status, cits))
    return "\n\n".join(lines) + "\n", expected


ARTICLE = """\
112　国际政治科学　2024 年第 2 期
中美科技竞争与东亚供应链的重组¹
李　明
〔内容提要〕 近年来，美国对华科技政策从有限管控转向系统性遏制，东亚供应
链随之出现重组趋势。本文从权力转移与相互依赖的视角讨论这一变化。
〔关键词〕 科技竞争　供应链　“小院高墙”
一、问题的提出
权力的性质正在从资源转向网络与规则。² 科技竞争因而成为大国竞争的核心
领域，美国对华技术政策的变迁清楚地表明了这一点。³
¹ 本文系国家社会科学基金青年项目“大国科技竞争与地区产业链安全研究”（24CGJ031）
的阶段性成果。
² ［美］约瑟夫·奈：《权力大未来》，王吉美译，中信出版社2012年版，第158页。
³ 黄琪轩：《大国战略竞争与美国对华技术政策变迁》，《外交评论》2020年第3期，第
94—120页。
中美科技竞争与东亚供应链的重组　113
这种变迁在2018年之后明显加速。¹ 美国政府将其概括为“小院高墙”，并宣称
要建立新的国际经济共识。² 国内学界对全球价值链重构已有较多讨论。³
¹ 同上文，第101页。
² Jake Sullivan, “Remarks by National Security Advisor Jake Sullivan on Renewing American
Economic Leadership,” The White House, April 27, 2023, https://www.whitehouse.gov/briefing-
room/speeches-remarks/2023/04/27/remarks-by-national-security-advisor-jake-sullivan/.
³ 参见余南平：《全球价值链重构与国家竞争》，载《世界经济与政治》2023年第5期，
第4—30页；任琳：《科技竞争与全球治理》，载《国际政治科学》2022年第3期，第1—28页。
114　国际政治科学　2024 年第 2 期
二、出口管制与供应链重组
2022年10月，美国商务部发布针对先进计算与半导体制造的出口管制新规。¹ 从
网络性权力的角度看，这一措施意在控制关键节点。² 中国企业的对外投资也随之
调整方向。³
¹ 《美国商务部发布对华半导体出口管制新规》，澎湃新闻，2022年10月8日，https://www.
thepaper.cn/newsDetail_forward_20230412，最后访问时间：2024年2月1日。
² ［美］约瑟夫·奈：前引书，第160页。
³ 中华人民共和国商务部：《中国对外投资发展报告2023》，2024年2月，第45页。
中美科技竞争与东亚供应链的重组　115
芯片产业的竞争尤其激烈。¹ 价值链的“区域化”与“友岸化”并行。² 日本政府同样
强调经济安全与供应链韧性。³ 东亚地区的中间品贸易在2023年仍保持增长。⁴
¹ Chris Miller, Chip War: The Fight for the World’s Most Critical Technology (New York:
Scribner, 2022), 312.
² 余南平：《全球价值链重构与国家竞争》，第12页。
³ 経済産業省『通商白書2023』（2023年）、88頁。
⁴ 此处数据为作者根据联合国商品贸易统计数据库（UN Comtrade）计算所得。
"""

ART_NOTES = [
    (112, 1, "funding", "本文系国家社会科学基金青年项目“大国科技竞争与地区产业链安全研究”（24CGJ031）的阶段性成果。", "not-a-citation", []),
    (112, 2, "zh-translated-book", "［美］约瑟夫·奈：《权力大未来》，王吉美译，中信出版社2012年版，第158页。",
     "cited", [W("book", "158", author="约瑟夫·奈", title="权力大未来", translator="王吉美", publisher="中信出版社", date="2012", langid=ZH)]),
    (112, 3, "zh-journal-wrapped", "黄琪轩：《大国战略竞争与美国对华技术政策变迁》，《外交评论》2020年第3期，第94—120页。",
     "cited", [W("article", "94-120", author="黄琪轩", title="大国战略竞争与美国对华技术政策变迁", journaltitle="外交评论", date="2020",
                 number="3", pages="94-120", langid=ZH)]),
    (113, 1, "ibid-wen-across-page", "同上文，第101页。", "cited", [RP(112, 3, "101")]),
    (113, 2, "en-speech-online-wrapped-url",
     "Jake Sullivan, “Remarks by National Security Advisor Jake Sullivan on Renewing American Economic Leadership,” The White House, April 27, 2023, https://www.whitehouse.gov/briefing-room/speeches-remarks/2023/04/27/remarks-by-national-security-advisor-jake-sullivan/.",
     "cited", [W("online", None, author="Sullivan, Jake", title="Remarks by National Security Advisor Jake Sullivan on Renewing American Economic Leadership",
                 organization="The White House", date="2023-04-27",
                 url="https://www.whitehouse.gov/briefing-room/speeches-remarks/2023/04/27/remarks-by-national-security-advisor-jake-sullivan/", langid=EN)]),
    (113, 3, "multi-citation-zai",
     "参见余南平：《全球价值链重构与国家竞争》，载《世界经济与政治》2023年第5期，第4—30页；任琳：《科技竞争与全球治理》，载《国际政治科学》2022年第3期，第1—28页。",
     "cited", [W("article", "4-30", author="余南平", title="全球价值链重构与国家竞争", journaltitle="世界经济与政治", date="2023", number="5",
                 pages="4-30", langid=ZH),
               W("article", "1-28", author="任琳", title="科技竞争与全球治理", journaltitle="国际政治科学", date="2022", number="3",
                 pages="1-28", langid=ZH)]),
    (114, 1, "zh-news-site-wrapped-url",
     "《美国商务部发布对华半导体出口管制新规》，澎湃新闻，2022年10月8日，https://www.thepaper.cn/newsDetail_forward_20230412，最后访问时间：2024年2月1日。",
     "cited", [W("article", None, title="美国商务部发布对华半导体出口管制新规", journaltitle="澎湃新闻", entrysubtype=NEWS, date="2022-10-08",
                 url="https://www.thepaper.cn/newsDetail_forward_20230412", urldate="2024-02-01", langid=ZH)]),
    (114, 2, "qianyin-across-page", "［美］约瑟夫·奈：前引书，第160页。", "cited", [RP(112, 2, "160")]),
    (114, 3, "zh-report-org-month", "中华人民共和国商务部：《中国对外投资发展报告2023》，2024年2月，第45页。",
     "cited", [W("report", "45", author="{中华人民共和国商务部}", title="中国对外投资发展报告2023", date="2024-02", langid=ZH)]),
    (115, 1, "en-book-chicago-wrapped", "Chris Miller, Chip War: The Fight for the World’s Most Critical Technology (New York: Scribner, 2022), 312.",
     "cited", [W("book", "312", author="Miller, Chris", title="Chip War: The Fight for the World’s Most Critical Technology", location="New York",
                 publisher="Scribner", date="2022", langid=EN)]),
    (115, 2, "short-form-zai-across-page", "余南平：《全球价值链重构与国家竞争》，第12页。", "cited", [RP(113, 3, "12")]),
    (115, 3, "ja-white-paper-in-zh", "経済産業省『通商白書2023』（2023年）、88頁。",
     "cited", [W("report", "88", author="{経済産業省}", title="通商白書2023", date="2023", langid=JA)]),
    (115, 4, "data-source-commentary", "此处数据为作者根据联合国商品贸易统计数据库（UN Comtrade）计算所得。", "not-a-citation", []),
]

ARTICLE2 = """\
ASIAN SECURITY REVIEW
Minilateralism and the Future of the Hub-and-Spokes System
Since 2021 the Quad and AUKUS have been read as evidence that the hub-and-spokes system is giving
way to a latticework of minilateral groupings.¹ Washington itself now describes its Philippine
alliance in these terms,² and it frames the trilateral with Tokyo as a natural extension of it.³
¹ Kurt M. Campbell and Rush Doshi, “How America Can Shore Up Asian Order,” Foreign Affairs,
January 12, 2021, https://www.foreignaffairs.com/articles/united-states/2021-01-12/how-america-
can-shore-asian-order.
² U.S. Department of State, “U.S.-Philippines 2+2 Joint Statement,” April 11, 2023,
https://www.state.gov/joint-statement-of-the-u-s-philippines-2-2/.
³ Ibid.
7
MINILATERALISM AND ALLIANCES
Japan’s potential role in a contingency in the East China Sea has been modelled in detail.⁴
Canberra presented the submarine pathway as the centrepiece of the partnership,⁵ while the
same modelling suggests that the costs of such a contingency would fall unevenly.⁶
⁴ Jeffrey W. Hornung, Japan’s Potential Contributions in an East China Sea Contingency,
RR-A314-1 (Santa Monica, CA: RAND Corporation, 2020), 11–12.
⁵ Anthony Albanese (@AlboMP), “Today we announced the optimal pathway for Australia to
acquire conventionally-armed, nuclear-powered submarines,” X, March 14, 2023,
https://x.com/AlboMP/status/1635421234567890123.
⁶ Hornung, Japan’s Potential Contributions, 15.
8
"""

ART2_NOTES = [
    (7, 1, "en-magazine-wrapped-url",
     "Kurt M. Campbell and Rush Doshi, “How America Can Shore Up Asian Order,” Foreign Affairs, January 12, 2021, https://www.foreignaffairs.com/articles/united-states/2021-01-12/how-america-can-shore-asian-order.",
     "cited", [W("article", None, author="Campbell, Kurt M. and Doshi, Rush", title="How America Can Shore Up Asian Order", journaltitle="Foreign Affairs",
                 entrysubtype="magazine", date="2021-01-12",
                 url="https://www.foreignaffairs.com/articles/united-states/2021-01-12/how-america-can-shore-asian-order", langid=EN)]),
    (7, 2, "en-gov-statement-online",
     "U.S. Department of State, “U.S.-Philippines 2+2 Joint Statement,” April 11, 2023, https://www.state.gov/joint-statement-of-the-u-s-philippines-2-2/.",
     "cited", [W("online", None, author="{U.S. Department of State}", title="U.S.-Philippines 2+2 Joint Statement", date="2023-04-11",
                 url="https://www.state.gov/joint-statement-of-the-u-s-philippines-2-2/", langid=EN)]),
    (7, 3, "ibid-bare", "Ibid.", "cited", [RP(7, 2)]),
    (8, 4, "en-report-rand-wrapped",
     "Jeffrey W. Hornung, Japan’s Potential Contributions in an East China Sea Contingency, RR-A314-1 (Santa Monica, CA: RAND Corporation, 2020), 11–12.",
     "cited", [W("report", "11-12", author="Hornung, Jeffrey W.", title="Japan’s Potential Contributions in an East China Sea Contingency",
                 number="RR-A314-1", institution="RAND Corporation", location="Santa Monica, CA", date="2020", langid=EN)]),
    (8, 5, "tweet-x",
     "Anthony Albanese (@AlboMP), “Today we announced the optimal pathway for Australia to acquire conventionally-armed, nuclear-powered submarines,” X, March 14, 2023, https://x.com/AlboMP/status/1635421234567890123.",
     "cited", [W("online", None, author="Albanese, Anthony",
                 title="Today we announced the optimal pathway for Australia to acquire conventionally-armed, nuclear-powered submarines",
                 organization="X", date="2023-03-14", url="https://x.com/AlboMP/status/1635421234567890123", langid=EN)]),
    (8, 6, "short-form-report", "Hornung, Japan’s Potential Contributions, 15.", "cited", [RP(8, 4, "15")]),
]


def outputs() -> dict[str, str]:
    """Each data file's name and text (the test checks the files against these)."""
    text, notes = build_notes()
    expected = {"about": __doc__.strip().splitlines()[0], "notes": notes, "article": article_expected(ART_NOTES, [112, 115]),
                "article2": article_expected(ART2_NOTES, [7, 8])}
    return {"notes.txt": text, "article.txt": ARTICLE, "article2.txt": ARTICLE2,
            "expected.json": json.dumps(expected, ensure_ascii=False, indent=1) + "\n"}


def main():
    write(outputs(), HERE)


if __name__ == "__main__":
    main()
