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
    if locator is None and fields.get("entrysubtype") == "newspaper" and "-" not in fields.get("pages", "-"):
        locator = fields["pages"]  # a newspaper's page (第 2 版) is also the page the note cites
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


# ---------------------------------------------------------------- a second house style
# Form feeds between pages (no leading-space signal), single newlines, circled markers ① ② ③
# restarting on every page, running heads at the top, folios "· 46 ·" at the bottom.

TITLE2 = "周边安全与东亚秩序的重塑"
ISSUE2 = "2023年第4期"

PAGES2 = [
    {"page": 45, "top": [TITLE2 + "①", "孙立新"], "body": [
        "【内容提要】 近年来，东亚地区的安全格局经历深刻调整。本文从地区构成",
        "的视角出发，讨论周边安全环境变化对东亚秩序的影响。",
        "东亚秩序的演变一直是国际关系研究的重要议题。卡赞斯坦认为，美国",
        "通过双边同盟塑造了一个以其为中心的“地区构成的世界”。②",
     ], "notes": [
        (1, ["作者感谢匿名评审专家的意见和建议，文责自负。本文系中国社会科学院登峰战略优势学科",
             "（国际政治）项目的阶段性成果。"], "funding", "not-a-citation", []),
        (2, ["[美]彼得·卡赞斯坦：《地区构成的世界：美国帝权中的亚洲和欧洲》，秦亚青、魏玲译，北京",
             "大学出版社 2007 年版，第 21 页。"], "zh-translated-book", "cited",
         [W("book", "21", author="彼得·卡赞斯坦", title="地区构成的世界：美国帝权中的亚洲和欧洲", translator="秦亚青 and 魏玲",
            publisher="北京大学出版社", date="2007", langid=ZH)]),
     ], "bottom": ["· 45 ·"]},
    {"page": 46, "top": [ISSUE2], "body": [
        "从联盟理论看，国家结盟的首要动因是制衡威胁而非单纯制衡权力。① 威胁",
        "的大小取决于综合实力、地缘邻近性、进攻能力和意图。② 2023 年 12 月，",
        "中越两国发表联合声明，宣布构建具有战略意义的命运共同体。③",
     ], "notes": [
        (1, ["Stephen M. Walt, The Origins of Alliances, Ithaca: Cornell University Press, 1987, pp. 17-21."],
         "en-book", "cited",
         [W("book", "17-21", author="Walt, Stephen M.", title="The Origins of Alliances", location="Ithaca",
            publisher="Cornell University Press", date="1987", langid=EN)]),
        (2, ["同上，第 25 页。"], "ibid", "cited", [R(46, 1, "25")]),
        (3, ["《中华人民共和国和越南社会主义共和国关于进一步深化和提升全面战略合作伙伴关系、",
             "构建具有战略意义的中越命运共同体的联合声明》，《人民日报》2023 年 12 月 14 日，第 2 版。"],
         "zh-newspaper", "cited",
         [W("article", None,
            title="中华人民共和国和越南社会主义共和国关于进一步深化和提升全面战略合作伙伴关系、构建具有战略意义的中越命运共同体的联合声明",
            journaltitle="人民日报", entrysubtype=NEWS, date="2023-12-14", pages="2", langid=ZH)]),
     ], "bottom": ["· 46 ·"]},
    {"page": 47, "top": [TITLE2], "body": [
        "中国同印度尼西亚的关系同样保持稳定发展势头。① 从外交决策的角度看，",
        "领导人的认知与偏好在其中发挥着重要作用。② 美国媒体则注意到越南在",
        "华盛顿与北京之间“走钢丝”的努力。③",
     ], "notes": [
        (1, ["《习近平同印度尼西亚总统佐科会谈》，外交部网站，2023 年 7 月 28 日，https://www.mfa.gov.",
             "cn/zyxw/202307/t20230728_11119390.shtml。"], "zh-web-wrapped-url", "cited",
         [W("online", None, title="习近平同印度尼西亚总统佐科会谈", organization="外交部网站", date="2023-07-28",
            url="https://www.mfa.gov.cn/zyxw/202307/t20230728_11119390.shtml", langid=ZH)]),
        (2, ["张清敏：《外交决策的微观视角》，《外交评论》第 37 卷第 4 期，2020 年，第 1—26 页。"],
         "zh-journal-volume", "cited",
         [W("article", "1-26", author="张清敏", title="外交决策的微观视角", journaltitle="外交评论", volume="37", number="4",
            date="2020", pages="1-26", langid=ZH)]),
        (3, ["Sui-Lee Wee, “Vietnam Walks a Fine Line Between Washington and Beijing,” New York Times, ",
             "September 10, 2023."], "en-news", "cited",
         [W("article", None, author="Wee, Sui-Lee", title="Vietnam Walks a Fine Line Between Washington and Beijing",
            journaltitle="New York Times", entrysubtype=NEWS, date="2023-09-10", langid=EN)]),
     ], "bottom": ["· 47 ·"]},
    {"page": 48, "top": [ISSUE2], "body": [
        "正如卡赞斯坦所指出的，地区秩序的开放性是东亚繁荣的前提。① 而按照",
        "沃尔特的分析，地缘邻近性会放大威胁感知。② 东盟的“中心地位”也因此",
        "在学术会议上引起广泛讨论。③",
     ], "notes": [
        (1, ["[美]彼得·卡赞斯坦：前引书，第 30 页。"], "qianyin", "cited", [R(45, 2, "30")]),
        (2, ["Walt, The Origins of Alliances, p. 33."], "short-form", "cited", [R(46, 1, "33")]),
        (3, ["王玉主：《东盟中心地位的再审视》，“第十届东亚合作论坛”会议论文，南宁，2022 年 12 月。"],
         "zh-conference", "cited",
         [W("inproceedings", None, author="王玉主", title="东盟中心地位的再审视", eventtitle="第十届东亚合作论坛", venue="南宁",
            date="2022-12", langid=ZH)]),
     ], "bottom": ["· 48 ·"]},
]


# ---------------------------------------------------------------- a third house style
# No page-break signal at all (no leading space, no form feed): only the running heads and folios
# ``-12-`` at the top of each page; notes numbered continuously through the article (1-8), marker
# digits glued to the note text (``1Glenn H. Snyder``) and to the body text (``承诺。1``), as
# superscripts come out of pdftotext.

TITLE3 = "冷战后美国的联盟管理"
ISSUE3 = "2022年第1期"

PAGES3 = [
    {"page": 12, "top": [ISSUE3, "-12-"], "body": [
        "联盟内部始终存在“被抛弃”与“被牵连”的双重困境。1 盟国越是担心被",
        "抛弃，就越倾向于强化对盟主的承诺；反之，担心被牵连的盟国则会与盟",
        "主保持距离。2 国内学者将这一逻辑扩展到“准联盟”关系。3",
     ], "notes": [
        (1, ["Glenn H. Snyder, Alliance Politics, Ithaca: Cornell University Press, 1997, p. 180."], "en-book", "cited",
         [W("book", "180", author="Snyder, Glenn H.", title="Alliance Politics", location="Ithaca", publisher="Cornell University Press",
            date="1997", langid=EN)]),
        (2, ["Glenn H. Snyder, “The Security Dilemma in Alliance Politics,” World Politics, Vol. 36, No. 4, ",
             "1984, pp. 461-495."], "en-journal-vol-no", "cited",
         [W("article", "461-495", author="Snyder, Glenn H.", title="The Security Dilemma in Alliance Politics", journaltitle="World Politics",
            volume="36", number="4", date="1984", pages="461-495", langid=EN)]),
        (3, ["孙德刚：《论“准联盟”战略》，《世界经济与政治》2012 年第 3 期，第 57—81 页。"], "zh-journal", "cited",
         [W("article", "57-81", author="孙德刚", title="论“准联盟”战略", journaltitle="世界经济与政治", date="2012", number="3",
            pages="57-81", langid=ZH)]),
     ]},
    {"page": 13, "top": [TITLE3, "-13-"], "body": [
        "冷战结束后，美国在亚洲的双边同盟并未随苏联解体而瓦解。4 美国最初构",
        "建“轴辐”体系，本身就包含控制盟国的考虑。5 这种“权力游戏”使美国能",
        "够同时约束韩国和台湾当局的冒险行为。6",
     ], "notes": [
        (4, ["Snyder, Alliance Politics, p. 185."], "short-form", "cited", [R(12, 1, "185")]),
        (5, ["Victor D. Cha, Powerplay: The Origins of the American Alliance System in Asia, Princeton: ",
             "Princeton University Press, 2016, pp. 19-22."], "en-book", "cited",
         [W("book", "19-22", author="Cha, Victor D.", title="Powerplay: The Origins of the American Alliance System in Asia",
            location="Princeton", publisher="Princeton University Press", date="2016", langid=EN)]),
        (6, ["Ibid., p. 40."], "ibid", "cited", [R(13, 5, "40")]),
     ]},
    {"page": 14, "top": [ISSUE3, "-14-"], "body": [
        "2021 年 5 月的美韩首脑会谈标志着同盟进入新阶段。7 不过，正如斯奈德所",
        "言，盟国之间的相互依赖程度决定了联盟困境的强弱。8",
     ], "notes": [
        (7, ["《美韩同盟的新阶段》，《光明日报》2021 年 5 月 24 日，第 12 版。"], "zh-newspaper", "cited",
         [W("article", None, title="美韩同盟的新阶段", journaltitle="光明日报", entrysubtype=NEWS, date="2021-05-24", pages="12",
            langid=ZH)]),
        (8, ["Snyder, “The Security Dilemma in Alliance Politics,” p. 470."], "short-form", "cited", [R(12, 2, "470")]),
     ]},
]
