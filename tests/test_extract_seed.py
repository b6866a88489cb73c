"""Hand-checked reading of the seed article's 48 cited works (refs/article.txt, pp. 24-46).

Written by reading the notes, not from extractor output. One row per distinct work:
(type, author, title, container, date, url, volume, number, pages, langid, citing notes).
``container`` is the journal/newspaper/site/organization/series the work appeared in (None when
the author is the publisher). ``pages`` is the article's page range when the note gives one;
single cited pages are locators, not ``pages``. Citing notes are (page, note) pairs.
"""

DOD = "{U.S. Department of Defense}"
NATO = "Secretary of Defense Pete Hegseth Press Conference Following NATO Ministers of Defense Meeting in Brussels, Belgium"
NAKATANI = (
    "Secretary of Defense Pete Hegseth Joint Press Conference With Japanese Defense Minister Gen Nakatani in Tokyo"
)

WORKS = [
    (
        "online",
        "Sen, Ashish Kumar",
        "U.S. National Security Advisors Talk Top Foreign Policy Challenges",
        "United States Institute of Peace",
        "2025-01-16",
        "https://www.usip.org/publications/2025/01/us-national-security-advisors-talk-top-foreign-policy-challenges",
        None,
        None,
        None,
        "english",
        [(25, 1)],
    ),
    (
        "online",
        DOD,
        "Hegseth Outlines U.S. Vision for Indo-Pacific, Addresses China Threat",
        None,
        "2025-05-30",
        "https://www.defense.gov/News/News-Stories/Article/Article/4202504/hegseth-outlines-us-vision-for-indo-pacific-addresses-china-threat/",
        None,
        None,
        None,
        "english",
        [(26, 1)],
    ),
    (
        "online",
        "{Ministry of Foreign Affairs of Japan}",
        "Japan-U.S. Summit Meeting",
        None,
        "2025-02-07",
        "https://www.mofa.go.jp/na/na1/us/pageite_000001_00800.html",
        None,
        None,
        None,
        "english",
        [(26, 2)],
    ),
    (
        "article",
        "Kelly, Tim",
        "Pentagon's Hegseth says US command in 'warrior' Japan being upgraded to deter China",
        "Reuters",
        "2025-03-30",
        "https://www.reuters.com/world/us/pentagon-chief-hegseth-says-warrior-japan-indispensable-deter-china-2025-03-30/",
        None,
        None,
        None,
        "english",
        [(26, 3)],
    ),
    (
        "online",
        "{U.S. Department of State}",
        "Secretary Rubio’s Call with Philippine Secretary of Foreign Affairs Manalo",
        None,
        "2025-01-22",
        "https://www.state.gov/secretary-rubios-call-with-philippine-secretary-of-foreign-affairs-manalo/",
        None,
        None,
        None,
        "english",
        [(27, 1)],
    ),
    (
        "online",
        DOD,
        "United States–Philippines Joint Statement on Secretary Hegseth's Inaugural Visit to the Philippines",
        None,
        "2025-03-28",
        "https://www.defense.gov/News/Releases/Release/Article/4137869/united-statesphilippines-joint-statement-on-secretary-hegseths-inaugural-visit/",
        None,
        None,
        None,
        "english",
        [(27, 2)],
    ),
    (
        "article",
        None,
        "朝鲜谴责美军事挑衅：将以战略手段应对",
        "中国新闻网",
        "2025-02-22",
        "https://www.chinanews.com.cn/gj/2025/02-22/10372664.shtml",
        None,
        None,
        None,
        "chinese",
        [(28, 1)],
    ),
    (
        "article",
        "刘琳",
        "美菲“肩并肩 2025”，美国新版“印太战略”现端倪",
        "世界知识",
        "2025",
        None,
        None,
        "10",
        "25-27",
        "chinese",
        [(29, 1)],
    ),
    (
        "article",
        None,
        "Philippines, U.S. hold joint maritime drills in South China Sea",
        "Reuters",
        "2025-05-21",
        "https://www.reuters.com/world/china/philippines-us-hold-joint-maritime-drills-south-china-sea-2025-05-21/",
        None,
        None,
        None,
        "english",
        [(29, 2)],
    ),
    (
        "report",
        "{The Whie House}",
        "Indo-Pacific Strategy of the United States",
        None,
        "2022",
        "https://bidenwhitehouse.archives.gov/wp-content/uploads/2022/02/U.S.-Indo-Pacific-Strategy.pdf",
        None,
        None,
        None,
        "english",
        [(29, 3)],
    ),
    (
        "online",
        "Lindsay, James M.",
        "Election 2024: Trump Talks Foreign Policy With Time Magazine",
        "Council on Foreign Relations",
        "2024-05-03",
        "https://www.cfr.org/blog/election-2024-trump-talks-foreign-policy-time-magazine",
        None,
        None,
        None,
        "english",
        [(30, 1), (35, 2)],
    ),
    (
        "article",
        "Sherman, Natalie",
        "Has Trump promised too much on US economy?",
        "BBC",
        "2025-01-18",
        "https://www.bbc.com/news/articles/c17d41y70deo",
        None,
        None,
        None,
        "english",
        [(30, 2)],
    ),
    (
        "article",
        "Solís, Mireya",
        "The Gilded Age of the American Tariff: Choices Ahead for Japan",
        "Nippon",
        "2025-03-10",
        "https://www.nippon.com/en/in-depth/a10102/#",
        None,
        None,
        None,
        "english",
        [(31, 1)],
    ),
    (
        "article",
        "Iizuka, Satoshi",
        "FOCUS: Trump tariffs may push down Japan's economic growth by up to about 2%",
        "Kyodo News",
        "2025-04-04",
        "https://english.kyodonews.net/news/2025/04/e965fac9a29c-focus-trump-tariffs-may-push-down-japans-economic-growth-by-up-to-about-2.html?phrase=nippon%20life&words=",
        None,
        None,
        None,
        "english",
        [(31, 2)],
    ),
    (
        "article",
        None,
        "Japan PM exploring possibility of phone talks with Trump over tariffs",
        "Kyodo News",
        "2025-04-04",
        "https://english.kyodonews.net/news/2025/04/7cb5d0367aad-ishiba-vows-unprecedented-us-tariff-response-amid-national-crisis.html",
        None,
        None,
        None,
        "english",
        [(31, 3)],
    ),
    (
        "article",
        "Tang, Francis",
        "Japan to avoid direct confrontation with the U.S. over Trump tariffs",
        "The Japan Times",
        "2025-04-07",
        "https://www.japantimes.co.jp/business/2025/04/07/economy/tariffs-political-reax/",
        None,
        None,
        None,
        "english",
        [(31, 4)],
    ),
    (
        "article",
        "Crismundo, Kris",
        "DTI: PH to pursue FTA with US under new Trump admin",
        "Philippines News Agency",
        "2025-01-23",
        "https://www.pna.gov.ph/articles/1242489",
        None,
        None,
        None,
        "english",
        [(32, 1)],
    ),
    (
        "article",
        "Jocson, Luisa Maria Jacinta C.",
        "Trump policies pose risks for PHL economy",
        "Business World",
        "2025-02-05",
        "https://www.bworldonline.com/top-stories/2025/02/05/651171/trump-policies-pose-risks-for-phl-economy/",
        None,
        None,
        None,
        "english",
        [(32, 2)],
    ),
    (
        "article",
        "Morales, Neil Jerome and Venzon, Cliff",
        "Philippines sees benefits as Trump tariffs hit peers harder",
        "The Japan Times",
        "2025-04-04",
        "https://www.japantimes.co.jp/business/2025/04/04/philippines-trump-tariff-benefits/",
        None,
        None,
        None,
        "english",
        [(32, 3)],
    ),
    (
        "article",
        None,
        "Trump tariffs leave deep scars on Thai economy: BOT chief",
        "The Nation Thailand",
        "2025-06-03",
        "https://www.nationthailand.com/blogs/business/banking-finance/40050784",
        None,
        None,
        None,
        "english",
        [(32, 4)],
    ),
    (
        "article",
        "Jose, Renju and Needham, Kirsty",
        "Australia says US tariffs‘not act of a friend’but rules out reciprocal move",
        "Reuters",
        "2025-04-03",
        "https://www.reuters.com/world/australia-says-us-tariffs-not-act-friend-rules-out-reciprocal-move-2025-04-02/",
        None,
        None,
        None,
        "english",
        [(33, 1)],
    ),
    (
        "report",
        "Costello, Stephen",
        "Trump Could Get a Win with North Korea This Time, by Taking Lessons from His First Term",
        "Quincy Brief",
        "2025",
        None,
        None,
        "75",
        None,
        "english",
        [(34, 1)],
    ),
    (
        "article",
        "朱锋",
        "特朗普第二任期促发的世界主要矛盾：美国走向修正主义",
        "国际观察",
        "2025",
        None,
        None,
        "3",
        None,
        "chinese",
        [(34, 2)],
    ),
    (
        "article",
        "Blaxland, John",
        "Middle powers such as Australia relied on the rules-based order, but that’s in doubt. Here’s what we must do",
        "The Guardian",
        "2025-02-25",
        "https://www.theguardian.com/australia-news/commentisfree/2025/feb/26/australia-china-us-relationship-trump-administration-impact",
        None,
        None,
        None,
        "english",
        [(34, 3)],
    ),
    (
        "article",
        "Morrow, James D.",
        "Alliances and Asymmetry: An Alternative to the Capability Aggregation Model of Alliances",
        "American Journal of Political Science",
        "1991",
        None,
        "35",
        "2",
        "904-933",
        "english",
        [(35, 1)],
    ),
    (
        "article",
        None,
        "トランプ大統領が日米同盟に不満 「日本は我々を守る必要はない」",
        "朝日新闻",
        "2025-03-07",
        "https://www.asahi.com/articles/AST367F6NT36UHBI004M.html",
        None,
        None,
        None,
        "japanese",
        [(35, 3)],
    ),
    (
        "online",
        DOD,
        NATO,
        None,
        "2025-02-13",
        "https://www.defense.gov/News/Transcripts/Transcript/Article/4066734/secretary-of-defense-pete-hegseth-press-conference-following-nato-ministers-of/",
        None,
        None,
        None,
        "english",
        [(36, 1), (37, 3), (38, 1)],
    ),
    (
        "online",
        DOD,
        NAKATANI,
        None,
        "2025-03-29",
        "https://www.defense.gov/News/Transcripts/Transcript/Article/4139247/secretary-of-defense-pete-hegseth-joint-press-conference-with-japanese-defense/",
        None,
        None,
        None,
        "english",
        [(36, 2), (36, 3)],
    ),
    (
        "article",
        "Davidson, Helen",
        "Pete Hegseth calls on Asia to boost military spending in face of ‘imminent’ threat from China",
        "The Guardian",
        "2025-05-31",
        "https://www.theguardian.com/us-news/2025/may/31/pete-hegseth-calls-on-asia-to-boost-military-spending-in-face-of-imminent-threat-from-china-us-defence-secretary",
        None,
        None,
        None,
        "english",
        [(37, 1)],
    ),
    (
        "report",
        "{The American Presidency Project}",
        "2024 Republican Party Platform",
        None,
        "2024-07-08",
        "https://www.presidency.ucsb.edu/documents/2024-republican-party-platform",
        None,
        None,
        None,
        "english",
        [(37, 2)],
    ),
    (
        "online",
        DOD,
        "Trump Vows to ‘Extinguish’ ISIS, Rebuild U.S. Military",
        None,
        "2017-03-01",
        "https://www.defense.gov/News/News-Stories/Article/Article/1098444/trump-vows-to-extinguish-isis-rebuild-us-military/",
        None,
        None,
        None,
        "english",
        [(38, 2)],
    ),
    (
        "article",
        "王帆 and 梁居宸",
        "特朗普第二任期对外政策前瞻",
        "现代国际关系",
        "2025",
        None,
        None,
        "1",
        None,
        "chinese",
        [(38, 3)],
    ),
    (
        "article",
        "赵明昊",
        "美国“印太”盟伴体系中的日本角色探析",
        "日本学刊",
        "2024",
        None,
        None,
        "4",
        None,
        "chinese",
        [(38, 4)],
    ),
    (
        "article",
        "Heydarian, Richard Javad",
        "Hegseth dangles second Typhon missile system for Philippines",
        "Asia Times",
        "2025-04-01",
        "https://asiatimes.com/2025/04/hegseth-dangles-second-typhon-missile-system-for-philippines/#",
        None,
        None,
        None,
        "english",
        [(38, 5)],
    ),
    (
        "article",
        "Lariosa, Aaron-Matthew",
        "Philippine Navy to Open New Bases in Subic Bay, Mindanao",
        "Naval News",
        "2025-05-23",
        "https://www.navalnews.com/naval-news/2025/05/philippine-navy-to-open-new-bases-in-subic-bay-mindanao/",
        None,
        None,
        None,
        "english",
        [(39, 1)],
    ),
    (
        "article",
        "Lariosa, Aaron-Matthew",
        "Congress Eyes Ammunition Plant at former U.S. Naval Base in the Philippines",
        "USNI News",
        "2025-06-24",
        "https://news.usni.org/2025/06/24/congress-eyes-ammunition-plant-at-former-u-s-naval-base-in-the-philippines",
        None,
        None,
        None,
        "english",
        [(39, 1)],
    ),
    (
        "article",
        "翟崑",
        "特朗普 2.0 冲击下东盟大国平衡战略的发展前景",
        "当代世界",
        "2025",
        None,
        None,
        "2",
        None,
        "chinese",
        [(39, 2)],
    ),
    (
        "article",
        None,
        "‘Entirely unjustified’: Albanese blasts Trump as tariffs smash into election frame",
        "Brisbane Times",
        "2025-03-12",
        "https://www.brisbanetimes.com.au/world/north-america/trump-rules-out-tariff-exemption-for-australian-steel-aluminium-exports-20250312-p5litz.html",
        None,
        None,
        None,
        "english",
        [(40, 1)],
    ),
    (
        "article",
        None,
        "政府确认韩国是美国敏感国家：“我们严肃对待这一问题……积极谈判”",
        "韩联社",
        "2025-03-15",
        "https://www.yna.co.kr/view/AKR20250315035000504",
        None,
        None,
        None,
        "chinese",
        [(40, 2)],
    ),
    (
        "article",
        "Smolinski, Paulina",
        "U.S. mulls expanding military ties with Japan despite Trump's criticism of the alliance",
        "CBS News",
        "2025-03-27",
        "https://www.cbsnews.com/news/us-japan-military-defense-ties-trump-china-threat/",
        None,
        None,
        None,
        "english",
        [(40, 3)],
    ),
    (
        "article",
        "Nguyen, Hai Hong",
        "Parsing ASEAN’s Response to President Trump’s ‘Reciprocal’ Tariffs",
        "The Diplomat",
        "2025-04-08",
        "https://thediplomat.com/2025/04/parsing-aseans-response-to-president-trumps-reciprocal-tariffs/",
        None,
        None,
        None,
        "english",
        [(41, 1)],
    ),
    (
        "article",
        "Ratner, Ely",
        "The Case for a Pacific Defense Pact",
        "Foreign Affairs",
        "2025-05-27",
        "https://www.foreignaffairs.com/china/case-pacific-defense-pact-ely-ratner",
        None,
        None,
        None,
        "english",
        [(41, 2)],
    ),
    (
        "article",
        "汪曙申 and 刘匡宇 and 陈桂清 and others",
        "特朗普 2.0 时期台海局势走向综论",
        "台湾研究",
        "2025",
        None,
        None,
        "1",
        None,
        "chinese",
        [(41, 3)],
    ),
    (
        "article",
        "Heideman, Paul",
        "Trump’s Takeover of the Republicans",
        "Catalyst: A Journal of Theory and Strategy",
        "2025",
        None,
        "8",
        "4",
        None,
        "english",
        [(41, 4)],
    ),
    (
        "article",
        None,
        "施压盟友增加军费，涉台被列优先事项，美媒曝光五角大楼机密文件",
        "环球网",
        "2025-03-31",
        "https://mil.huanqiu.com/article/4M4sxOUWgPM",
        None,
        None,
        None,
        "chinese",
        [(43, 1)],
    ),
    (
        "article",
        "韩献栋 and 王二峰 and 赵少阳",
        "同盟结构、威胁认知与中美战略竞争下美国亚太盟友的双向对冲",
        "当代亚太",
        "2021",
        None,
        None,
        "4",
        "28-66",
        "chinese",
        [(44, 1)],
    ),
    (
        "online",
        None,
        "Poll: Trump a greater threat to world peace than Putin or Xi",
        "The Australia Institute",
        "2025-03-04",
        "https://australiainstitute.org.au/post/poll-trump-a-greater-threat-to-world-peace-than-putin-or-xi/",
        None,
        None,
        None,
        "english",
        [(44, 2)],
    ),
    (
        "article",
        "林铎",
        "澳大利亚联盟党的“中国牌”打不动了",
        "世界知识",
        "2025",
        None,
        None,
        "10",
        "44-45",
        "chinese",
        [(45, 1)],
    ),
]

FIELDS = ("type", "author", "title", "container", "date", "url", "volume", "number", "pages", "langid")


# ---------------------------------------------------------------------------- tests

import re  # noqa: E402

import pytest  # noqa: E402

from conftest import ARTICLE, ARTICLE_BIB, run_cli  # noqa: E402


def _container(entry) -> str | None:
    f = entry.fields
    for name in ("journaltitle", "booktitle", "organization"):
        if f.get(name):
            return f[name]
    if entry.type == "report" and f.get("type"):
        return f["type"]
    inst = f.get("institution")
    if inst and "{" + inst + "}" != f.get("author"):
        return inst
    return f.get("publisher")


def _value(entry, name):
    if name == "type":
        return entry.type
    if name == "container":
        return _container(entry)
    return entry.fields.get(name)


def _norm_title(t):
    return re.sub(r"[\W_]+", "", (t or "").lower())


@pytest.fixture(scope="module")
def seed():
    from annobib.extract import extract_text

    return extract_text(ARTICLE.read_text(encoding="utf-8"))


def test_every_work_found_once_and_no_extra_entries(seed):
    assert len(seed.entries) == len(WORKS) == 48
    titles = [_norm_title(e.fields.get("title")) for e in seed.entries]
    assert len(set(titles)) == 48
    assert sorted(titles) == sorted(_norm_title(w[2]) for w in WORKS)


def test_note_accounting(seed):
    c = seed.counts
    assert c["notes"] == 52
    assert c["cited"] == 51
    assert c["not-a-citation"] == 1
    assert c["not-understood"] == 0
    assert c["citations"] == 52
    funding = [r for r in seed.notes if r.status == "not-a-citation"]
    assert funding[0].note.page == 24 and "本文系" in funding[0].note.text


def test_field_accuracy_at_least_98_percent(seed):
    by_title = {_norm_title(e.fields.get("title")): e for e in seed.entries}
    right = total = 0
    wrong = []
    for work in WORKS:
        e = by_title[_norm_title(work[2])]
        for name, expected in zip(FIELDS, work[:10]):
            got = _value(e, name)
            if expected is None and got is None:
                continue
            total += 1
            if got == expected:
                right += 1
            else:
                wrong.append((e.key, name, expected, got))
    share = right / total
    assert share >= 0.98, (share, wrong)


def test_citing_locations_pages_and_notes(seed):
    by_title = {_norm_title(e.fields.get("title")): e for e in seed.entries}
    for work in WORKS:
        e = by_title[_norm_title(work[2])]
        assert [(c.page, c.note) for c in e.citations] == work[10], e.key
        assert all(c.context for c in e.citations), e.key


def test_locators_and_contexts(seed):
    keys = {e.fields["title"]: e for e in seed.entries}
    zhu = next(e for t, e in keys.items() if t.startswith("特朗普第二任期促发"))
    assert zhu.citations[0].locator == "34"
    wh = next(e for t, e in keys.items() if t.startswith("Indo-Pacific Strategy"))
    assert wh.citations[0].locator == "12-13"
    sen = next(e for t, e in keys.items() if t.startswith("U.S. National Security Advisors"))
    assert sen.citations[0].context.endswith("明确信号。")
    assert "2025 年 1 月" in sen.citations[0].context


def test_page_numbers_run_24_to_46(seed):
    assert seed.page_numbers == (24, 46)


def test_keys_are_ascii_readable_and_unique(seed):
    keys = [e.key for e in seed.entries]
    assert len(set(keys)) == len(keys)
    assert all(re.fullmatch(r"[a-z][a-z0-9]+", k) for k in keys)
    assert "liu2025meifei" in keys
    assert "morrow1991alliances" in keys
    assert "usdod2025hegseth" in keys


def test_committed_bib_is_what_extract_produces(tmp_path):
    """refs/article.bib == a fresh extraction (fields added by hand in the repo copy are allowed)."""
    from annobib.bib import parse_library

    out = tmp_path / "article.bib"
    r = run_cli(["extract", str(ARTICLE), "-o", str(out)])
    assert r.exit_code == 0, r.stderr
    fresh = parse_library(out.read_text(encoding="utf-8"))
    committed = parse_library(ARTICLE_BIB.read_text(encoding="utf-8"))
    committed_by_key = {e.key: e for e in committed.entries}
    for e in fresh.entries:
        c = committed_by_key.get(e.key)
        assert c is not None, f"{e.key} missing from refs/article.bib"
        assert c.type == e.type
        for name, value in e.fields.items():
            assert c.fields.get(name) == value, (e.key, name)
    # re-running onto the committed file changes nothing
    copy = tmp_path / "committed.bib"
    copy.write_text(ARTICLE_BIB.read_text(encoding="utf-8"), encoding="utf-8")
    r = run_cli(["extract", str(ARTICLE), "-o", str(copy), "--dry-run"])
    assert r.exit_code == 0
    assert r.stdout == ""
