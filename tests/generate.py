"""Generate a realistic, messy .bib file of N entries (for the core benchmarks and tests).

    python tests/generate.py 50000 /tmp/big.bib [--seed 1]

Entries mix Chinese, English, Japanese and Korean works (journal articles, books, chapters,
reports, web pages, news), with LaTeX accents, @string macros, comments, quoted and braced
values, numbers, URLs, DOIs and ``citations`` fields with citing sentences — roughly what
``annobib extract`` produces plus what people paste in by hand.
"""

from __future__ import annotations

import argparse
import random

SURNAMES_ZH = "王 李 张 刘 陈 杨 赵 黄 周 吴 徐 孙 胡 朱 高 林 何 郭 马 罗 梁 宋 郑 谢 韩 唐 冯 于 董 萧 程 曹 袁 邓 许 傅 沈 曾 彭 吕 欧阳 司马".split()
GIVEN_ZH = "琳 伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀英 霞 平 刚 桂英 胜利 玥瑾 建国 晓东 海燕 志强 文博".split()
SURNAMES_JA = "佐藤 鈴木 高橋 田中 渡辺 伊藤 山本 中村 小林 加藤".split()
GIVEN_JA = "健一 花子 太郎 美咲 大輔 由美 翔太 さくら".split()
EN_GIVEN = (
    "James John Robert Mary Patricia Jennifer Michael Linda David Elizabeth Jae-Rim José Zoë François Søren".split()
)
EN_FAMILY = [
    "Morrow",
    "Smith",
    "Johnson",
    "Cha",
    "Solís",
    'M{\\"u}ller',
    "O'Brien",
    "van der Berg",
    "de la Cruz",
    "Nguyen",
    "Kim",
    "Sol{\\'\\i}s",
    "Gr{\\o}nlund",
    "Brzezi{\\'n}ski",
    "Lee",
    "Green",
    "Walt",
    "Mearsheimer",
]
ORGS = [
    "{U.S. Department of Defense}",
    "{The White House}",
    "{中华人民共和国外交部}",
    "{Ministry of Foreign Affairs of Japan}",
    "{International Institute for Strategic Studies}",
    "{新华社}",
    "{Reuters}",
]
TOPICS_ZH = [
    "美国亚太联盟",
    "世界知识",
    "印太战略",
    "同盟管理",
    "地缘政治竞争",
    "安全合作",
    "经贸往来",
    "多边机制",
    "防务责任",
    "战略竞争",
    "联盟政治",
    "朝鲜半岛",
    "台海局势",
    "南海问题",
    "交易主义",
    "美国优先",
    "重庆谈判",
    "长期趋势",
]
TOPICS_EN = [
    "Alliance Politics",
    "the Indo-Pacific",
    "Burden Sharing",
    "Extended Deterrence",
    "Trade Wars",
    "Hedging",
    "Grand Strategy",
    "Nuclear Proliferation",
    "the Quad",
    "AUKUS",
    "Economic Statecraft",
    "Coercion",
    "Asymmetric Alliances",
    "Trump's Second Term",
    "Security Cooperation",
    "{NATO}",
]
TOPICS_JA = ["日米同盟", "安全保障", "防衛費", "インド太平洋", "経済安全保障", "抑止力"]
JOURNALS_ZH = [
    "世界经济与政治",
    "国际政治科学",
    "和平与发展",
    "当代亚太",
    "外交评论",
    "美国研究",
    "国际问题研究",
    "现代国际关系",
]
JOURNALS_EN = [
    "International Security",
    "Foreign Affairs",
    "International Organization",
    "Security Studies",
    "The Washington Quarterly",
    "Survival",
    "Journal of Strategic Studies",
    "Asian Survey",
]
JOURNALS_JA = ["国際政治", "外交", "アジア研究"]
PUBLISHERS = [
    "世界知识出版社",
    "社会科学文献出版社",
    "Cornell University Press",
    "Oxford University Press",
    "Princeton University Press",
    "有斐閣",
    "中央公論新社",
    "Brookings Institution Press",
]
DOMAINS = [
    "www.whitehouse.gov",
    "www.defense.gov",
    "www.mfa.gov.cn",
    "www.mofa.go.jp",
    "www.reuters.com",
    "www.xinhuanet.com",
    "www.foreignaffairs.com",
    "www.csis.org",
    "www.brookings.edu",
    "news.cn",
    "www.nytimes.com",
    "www.kantei.go.jp",
    "www.state.gov",
    "www.iiss.org",
]
CONTEXTS = [
    "特朗普再度执政以来，与亚太盟国在安全合作上互动密切。",
    "这一政策进一步加剧了联盟内部的分化。",
    "美国要求盟国承担更多防务责任。",
    "As Walt argues, alliances form against threats.",
    "双方高层交流较为有限，在经贸往来问题上摩擦不断。",
    "日本は防衛費を大幅に増額した。",
    "The administration framed the tariffs as a matter of national security.",
]


def zh_name(r: random.Random) -> str:
    return r.choice(SURNAMES_ZH) + r.choice(GIVEN_ZH)


def en_name(r: random.Random) -> str:
    fam = r.choice(EN_FAMILY)
    giv = r.choice(EN_GIVEN)
    if r.random() < 0.5:
        return f"{fam}, {giv}"
    return f"{giv} {r.choice('ABCDEFGHJ')}. {fam}"


def entry(i: int, r: random.Random) -> str:
    kind = r.random()
    year = r.randint(1990, 2026)
    key_year = year
    cites = []
    for _ in range(r.choice([0, 1, 1, 1, 2, 3])):
        cites.append(f"p. {r.randint(20, 60)}, n. {r.randint(1, 9)}: {r.choice(CONTEXTS)}")
    cit = " || ".join(cites)
    lines = []
    if kind < 0.35:  # Chinese journal article
        authors = " and ".join(zh_name(r) for _ in range(r.choice([1, 1, 2, 3])))
        title = f"{r.choice(TOPICS_ZH)}与{r.choice(TOPICS_ZH)}：{r.choice(['理论与实践', '一项比较研究', '历史考察', '新趋势'])}"
        key = f"zh{i}{key_year}"
        lines = [
            "@article{" + key + ",",
            f"  author = {{{authors}}},",
            f"  title = {{{title}}},",
            f"  journaltitle = {{{r.choice(JOURNALS_ZH)}}},",
            f"  date = {{{year}}},",
            f"  number = {{{r.randint(1, 12)}}},",
            f"  pages = {{{r.randint(1, 80)}--{r.randint(81, 160)}}},",
            "  langid = {chinese},",
        ]
    elif kind < 0.6:  # English article
        authors = " and ".join(en_name(r) for _ in range(r.choice([1, 1, 2, 3, 5])))
        title = f"{r.choice(TOPICS_EN)} and {r.choice(TOPICS_EN)}: {r.choice(['Evidence from Asia', 'A Reassessment', 'Theory and Practice', 'The Case of {Japan}'])}"
        key = f"en{i}{key_year}"
        journal = r.choice(JOURNALS_EN)
        jfield = (
            "  journal = is,"
            if journal == "International Security" and r.random() < 0.5
            else f'  journal = "{journal}",'
        )
        lines = [
            "@Article{" + key + ",",
            f"  Author = {{{authors}}},",
            f"  Title = {{{title}}},",
            jfield,
            f"  year = {year},",
            f"  volume = {r.randint(1, 50)},",
            f"  pages = {{{r.randint(1, 80)}--{r.randint(81, 160)}}},",
            f"  doi = {{10.{r.randint(1000, 9999)}/{r.randint(10000, 99999)}}},",
            f"  month = {r.choice(['jan', 'mar', 'jun', 'oct'])},",
        ]
    elif kind < 0.72:  # book
        zh = r.random() < 0.5
        authors = zh_name(r) if zh else en_name(r)
        title = (r.choice(TOPICS_ZH) + "研究") if zh else f"The Politics of {r.choice(TOPICS_EN)}"
        key = f"bk{i}{key_year}"
        lines = [
            "@book{" + key + ",",
            f"  author = {{{authors}}},",
            f"  title = {{{title}}},",
            f"  publisher = {{{r.choice(PUBLISHERS)}}},",
            f"  location = {{{r.choice(['北京', 'Ithaca', 'Oxford', '東京'])}}},",
            f"  year = {{{year}}},",
        ]
    elif kind < 0.8:  # Japanese article
        authors = " and ".join(r.choice(SURNAMES_JA) + " " + r.choice(GIVEN_JA) for _ in range(r.choice([1, 2])))
        title = f"{r.choice(TOPICS_JA)}と{r.choice(TOPICS_JA)}"
        key = f"ja{i}{key_year}"
        lines = [
            "@article{" + key + ",",
            f"  author = {{{authors}}},",
            f"  title = {{{title}}},",
            f"  journal = {{{r.choice(JOURNALS_JA)}}},",
            f"  year = {{{year}}},",
            "  langid = {japanese},",
        ]
    else:  # web page / news
        dom = r.choice(DOMAINS)
        org = r.choice(ORGS)
        zh = "gov.cn" in dom or "xinhua" in dom or "news.cn" in dom
        title = f"关于{r.choice(TOPICS_ZH)}的声明" if zh else f"Statement on {r.choice(TOPICS_EN)}"
        key = f"web{i}{key_year}"
        lines = [
            "@online{" + key + ",",
            f"  author = {org},",
            f"  title = {{{title}}},",
            f"  url = {{https://{dom}/{r.choice(['news', 'briefings', 'article'])}/{year}/{r.randint(1, 12):02d}/{i}.html}},",
            f"  urldate = {{2025-0{r.randint(1, 9)}-1{r.randint(0, 9)}}},",
            f"  date = {{{year}-{r.randint(1, 12):02d}-{r.randint(10, 28)}}},",
        ]
    if r.random() < 0.2:
        lines.append(
            f"  keywords = {{{r.choice(['alliance', '联盟', 'trade', 'security'])}, {r.choice(['usa', 'japan', 'korea'])}}},"
        )
    if r.random() < 0.1:
        lines.append(f"  annotation = {{{r.choice(CONTEXTS)}}},")
    if cit:
        lines.append(f"  citations = {{{cit}}},")
    lines.append("}")
    return "\n".join(lines) + "\n"


def generate(n: int, seed: int = 1) -> str:
    r = random.Random(seed)
    parts = [
        "% Generated by tests/generate.py — a realistic, messy bibliography\n",
        '@string{is = "International Security"}\n',
        '@preamble{"\\providecommand{\\noopsort}[1]{}"}\n\n',
    ]
    for i in range(n):
        parts.append(entry(i, r))
        parts.append("\n")
        if i % 997 == 500:
            parts.append("@comment{ checked by hand up to here }\n\n")
    return "".join(parts)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    with open(a.out, "w", encoding="utf-8", newline="") as fh:
        fh.write(generate(a.n, a.seed))


if __name__ == "__main__":
    main()
