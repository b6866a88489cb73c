"""The held-out article, page by page (made-up text; used by build.py).

Layout mirrors the seed's PDF extraction: a page's first line begins with a space (except where the
seed also lacks it), running heads (the title on odd pages, the issue on even pages) and folios
``-57-`` at the top of a page, notes ``[n]`` restarting on every page at the page bottom, hard-wrapped
lines, URLs broken mid-way. Page 56 (title page) and pages 58 and 61 carry no folio: their numbers
must be inferred from the neighbours.
"""

TITLE = "东南亚国家的对冲战略与地区秩序"
ISSUE = "2024年第2期"
ZH, EN, JA = "chinese", "english", "japanese"
NEWS = "newspaper"


def W(etype, locator=None, **fields):
    return {"type": etype, "fields": fields, "locator": locator}


def R(page, note, locator=None, idx=0):
    return {"ref": [page, note, idx], "locator": locator}


PAGES = [
    {"page": 56, "top": [], "body": [
        " 【内容提要】 冷战结束以来，东南亚国家普遍在大国之间采取对冲战略，",
        "既借助美国的安全存在维持地区力量平衡，又通过深化与中国的经贸合作",
        "获取发展红利。本文在梳理对冲概念的基础上，考察印度尼西亚、马来西",
        "亚、新加坡和越南的对冲实践，认为对冲战略的空间取决于大国竞争的烈",
        "度与地区多边机制的韧性。",
        "【关键词】 对冲战略  东南亚  东盟  地区秩序  中美竞争",
        "【作者简介】 赵文博，北京外国语大学国际关系学院副教授",
        TITLE + " [1]",
        "赵文博",
     ], "notes": [
        (1, ["本文系国家社会科学基金一般项目“东南亚国家对冲战略的演变与中国周边外交研究”（项目编",
             "号：22BGJ045）的阶段性成果。作者感谢《国际问题研究》匿名评审专家的修改意见，文责自负。"],
         "funding", "not-a-citation", []),
     ]},
    {"page": 57, "top": [TITLE, "-57-"], "body": [
        "对冲（hedging）是近二十年来东南亚研究中使用最为频繁的概念之一。",
        "一般认为，对冲是指国家在不确定的环境中同时采取相互抵消的政策，以",
        "避免在大国之间做出非此即彼的选择。[1] 国内学界对这一概念的讨论同样",
        "十分活跃，有学者将其区分为经济实用主义、约束性接触与间接制衡等不",
        "同组成部分。[2] 近年来，中国与东盟国家的高层往来保持密切，双方在",
        "基础设施、数字经济等领域的合作不断扩展。[3]",
     ], "notes": [
        (1, ["参见 Cheng-Chwee Kuik, “The Essence of Hedging: Malaysia and Singapore’s Response to a ",
             "Rising China,” Contemporary Southeast Asia, Vol. 30, No. 2, 2008, pp. 159-185."],
         "en-journal-vol-no", "cited",
         [W("article", "159-185", author="Kuik, Cheng-Chwee",
            title="The Essence of Hedging: Malaysia and Singapore’s Response to a Rising China",
            journaltitle="Contemporary Southeast Asia", volume="30", number="2", date="2008", pages="159-185", langid=EN)]),
        (2, ["黄宇韬：《东盟国家的对冲战略：概念、动因与限度》，载《外交评论》2020 年第 3 期，",
             "第 66—90 页。"],
         "zh-journal", "cited",
         [W("article", "66-90", author="黄宇韬", title="东盟国家的对冲战略：概念、动因与限度", journaltitle="外交评论",
            date="2020", number="3", pages="66-90", langid=ZH)]),
        (3, ["《王毅同印尼外长蕾特诺举行会谈》，中国新闻网，2024 年 4 月 18 日，https://www.",
             "chinanews.com.cn/gn/2024/04-18/10201567.shtml。"],
         "zh-news-site", "cited",
         [W("article", None, title="王毅同印尼外长蕾特诺举行会谈", journaltitle="中国新闻网", entrysubtype=NEWS,
            date="2024-04-18", url="https://www.chinanews.com.cn/gn/2024/04-18/10201567.shtml", langid=ZH)]),
     ]},
    {"page": 58, "top": [], "body": [
        " 与此同时，印度尼西亚也在积极发展与美国的全面战略伙伴关系。在中",
        "美两国之间保持平衡，被印尼外交界视为“自由积极”外交原则在新时期",
        "的体现。[1] 不过，美国学者更多地强调印尼在海洋安全问题上向美国靠",
        "拢的一面。[2] 新加坡学者则指出，东南亚国家“不愿在中美之间选边”",
        "是一种长期稳定的战略偏好，而非权宜之计。[3]",
     ], "notes": [
        (1, ["同上。"], "ibid-across-page", "cited", [R(57, 3, None)]),
        (2, ["Sebastian Strangio, “Indonesia Seeks Balance Between Washington and Beijing,” The ",
             "Diplomat, November 14, 2023, https://thediplomat.com/2023/11/indonesia-seeks-balance-between-",
             "washington-and-beijing/."],
         "en-web-news-wrapped-url", "cited",
         [W("article", None, author="Strangio, Sebastian", title="Indonesia Seeks Balance Between Washington and Beijing",
            journaltitle="The Diplomat", date="2023-11-14",
            url="https://thediplomat.com/2023/11/indonesia-seeks-balance-between-washington-and-beijing/", langid=EN)]),
        (3, ["[新加坡] 马凯硕、孙合记：《东盟奇迹》，翟崑等译，北京大学出版社 2017 年版，第 143 页。"],
         "zh-translated-book", "cited",
         [W("book", "143", author="马凯硕 and 孙合记", title="东盟奇迹", translator="翟崑 and others",
            publisher="北京大学出版社", date="2017", langid=ZH)]),
     ]},
    {"page": 59, "top": [" " + TITLE, "-59-"], "body": [
        "东盟的中心地位是东南亚国家实施对冲的制度依托。[1] 2019 年东盟发布",
        "《东盟印太展望》，强调包容性与东盟主导的地区架构，拒绝将“印太”",
        "塑造为排他性的安全集团。[2] 日本媒体则关注东盟在南海“行为准则”磋",
        "商上的立场变化。[3]",
     ], "notes": [
        (1, ["同上书，第 150 页。"], "ibid", "cited", [R(58, 3, "150")]),
        (2, ["Association of Southeast Asian Nations, ASEAN Outlook on the Indo-Pacific, Jakarta: ",
             "ASEAN Secretariat, 2019, https://asean.org/asean2020/wp-content/uploads/2021/01/ASEAN-",
             "Outlook-on-the-Indo-Pacific_FINAL_22062019.pdf."],
         "en-report-org", "cited",
         [W("report", None, author="{Association of Southeast Asian Nations}", title="ASEAN Outlook on the Indo-Pacific", date="2019",
            url="https://asean.org/asean2020/wp-content/uploads/2021/01/ASEAN-Outlook-on-the-Indo-Pacific_FINAL_22062019.pdf",
            langid=EN)]),
        (3, ["「ASEAN、南シナ海で行動規範の早期妥結目指す」、『日本経済新聞』2023 年 9 月 5 日。"],
         "ja-newspaper", "cited",
         [W("article", None, title="ASEAN、南シナ海で行動規範の早期妥結目指す", journaltitle="日本経済新聞", entrysubtype=NEWS,
            date="2023-09-05", langid=JA)]),
     ]},
    {"page": 60, "top": ["-60-", " " + ISSUE], "body": [
        "就马来西亚而言，其对冲行为表现为“低调的务实主义”。[1] 东盟在大国",
        "之间的平衡战略经历了从被动应对到主动塑造的转变，这一转变与东盟共",
        "同体建设进程密切相关。[2] 新加坡资深外交官考斯甘也认为，小国的生存",
        "之道在于保持对各方的“有用性”。[3]",
     ], "notes": [
        (1, ["黄宇韬：前引文，第 70 页。"], "qianyin", "cited", [R(57, 2, "70")]),
        (2, ["翟崑：《东盟“大国平衡”战略的演进》，载张蕴岭主编：《中国与周边国家关系研究报告》，",
             "北京：社会科学文献出版社 2021 年版，第 33—58 页。"],
         "zh-chapter", "cited",
         [W("incollection", "33-58", author="翟崑", title="东盟“大国平衡”战略的演进", editor="张蕴岭",
            booktitle="中国与周边国家关系研究报告", location="北京", publisher="社会科学文献出版社", date="2021",
            pages="33-58", langid=ZH)]),
        (3, ["Bilahari Kausikan, “Dealing with an Ambiguous World,” Asia Policy 12, no. 1 (January ",
             "2017): 13–19."],
         "en-journal-chicago", "cited",
         [W("article", "13-19", author="Kausikan, Bilahari", title="Dealing with an Ambiguous World", journaltitle="Asia Policy",
            volume="12", number="1", date="2017-01", pages="13-19", langid=EN)]),
     ]},
    {"page": 61, "top": [], "body": [
        " 综上所述，对冲并非东南亚国家的权宜之计，而是由其实力地位与地区",
        "环境共同塑造的稳定战略取向。[1] 随着中美竞争加剧，对冲的空间有所",
        "收窄，但东盟国家仍在努力维护地区秩序的开放性。[2] 新加坡的案例表明，",
        "小国可以通过灵活的外交维持较大的行动自由。[3]",
     ], "notes": [
        (1, ["Kuik, “The Essence of Hedging,” p. 165."], "short-form", "cited", [R(57, 1, "165")]),
        (2, ["参见刘若楠：《地区秩序转型中的东南亚国家》，《当代亚太》2019 年第 5 期；Evelyn Goh, ",
             "The Struggle for Order: Hegemony, Hierarchy, and Transition in Post-Cold War East Asia, ",
             "Oxford: Oxford University Press, 2013, pp. 1-25 等。"],
         "multi-citation", "cited",
         [W("article", None, author="刘若楠", title="地区秩序转型中的东南亚国家", journaltitle="当代亚太", date="2019", number="5",
            langid=ZH),
          W("book", "1-25", author="Goh, Evelyn",
            title="The Struggle for Order: Hegemony, Hierarchy, and Transition in Post-Cold War East Asia",
            location="Oxford", publisher="Oxford University Press", date="2013", langid=EN)]),
        (3, ["许宁宁：《冷战后新加坡对华政策研究》，博士学位论文，暨南大学国际关系学院，2016 年。"],
         "zh-thesis", "cited",
         [W("thesis", None, author="许宁宁", title="冷战后新加坡对华政策研究", type="博士学位论文",
            institution="暨南大学国际关系学院", date="2016", langid=ZH)]),
     ]},
]
