"""GB/T 7714 (2025, 2015) and APA 7 on the seed's kinds of references, by hand against the rules."""

from __future__ import annotations

import pytest

from annobib.bib import parse_library
from annobib.render import render
from annobib.styles import cite, format_bibliography, format_entry

BIB = r"""
@article{liu2025meifei,
  author = {刘琳}, title = {美菲“肩并肩 2025”，美国新版“印太战略”现端倪},
  journaltitle = {世界知识}, number = {10}, pages = {25--27}, date = {2025}, langid = {chinese},
  citations = {p. 26, n. 4: 美菲“肩并肩”联合军演。},
}
@article{morrow1991,
  author = {Morrow, James D.},
  title = {Alliances and Asymmetry: An Alternative to the Capability Aggregation Model of Alliances},
  journaltitle = {American Journal of Political Science}, volume = {35}, number = {2},
  pages = {904--933}, date = {1991}, langid = {english},
  citations = {p. 25, n. 3: 联盟理论。},
}
@online{dod2025,
  author = {{U.S. Department of Defense}},
  title = {Hegseth Outlines U.S. Vision for Indo-Pacific, Addresses China Threat},
  date = {2025-05-30}, urldate = {2025-06-02}, url = {https://www.defense.gov/a}, langid = {english},
  annote = {The Secretary's Shangri-La speech.},
}
@article{desmarais1992,
  author = {Des Marais, D. J. and Strauss, H. and Summons, R. E. and Hayes, J. M.},
  title = {Carbon Isotope Evidence for the Stepwise Oxidation of the {Proterozoic} Environment},
  journaltitle = {Nature}, volume = {359}, pages = {605--609}, date = {1992}, doi = {10.1038/359605a0},
  langid = {english},
}
@article{wang2025,
  author = {王帆 and 梁居宸 and 赵明昊 and 朱锋}, title = {特朗普第二任期对外政策前瞻},
  journaltitle = {现代国际关系}, number = {1}, date = {2025}, langid = {chinese},
}
@article{news2025,
  author = {Kelly, Tim and Smith, Jo and Park, Jae-Rim and Lee, Ann},
  title = {Pentagon's Hegseth Says US Command in Japan Being Upgraded},
  journaltitle = {The Japan Times}, entrysubtype = {newspaper}, date = {2025-03-30},
  url = {https://www.japantimes.co.jp/x}, urldate = {2025-04-01}, langid = {english},
}
@article{agency2025,
  author = {Kelly, Tim}, title = {Pentagon's Hegseth Says US Command in Japan Being Upgraded},
  journaltitle = {Reuters}, entrysubtype = {newspaper}, date = {2025-03-30},
  url = {https://www.reuters.com/x}, urldate = {2025-04-01}, langid = {english},
}
@report{wh2022,
  author = {{The White House}}, title = {Indo-Pacific Strategy of the United States},
  institution = {The White House}, date = {2022-02}, url = {https://example.gov/ips.pdf}, urldate = {2025-06-01},
  langid = {english},
}
@book{book2020,
  author = {Zhao, Lin}, title = {Alliance Politics in {East Asia}}, translator = {Chen, Yu},
  location = {New York}, publisher = {Routledge}, edition = {2}, date = {2020}, langid = {english},
}
@incollection{chap2019,
  author = {程根伟}, title = {长江洪水的成因}, editor = {许厚泽 and 赵其国}, booktitle = {长江流域洪涝灾害},
  location = {北京}, publisher = {科学出版社}, date = {1999}, pages = {32--36}, langid = {chinese},
}
@online{asahi,
  title = {トランプ大統領が日米同盟に不満}, journaltitle = {朝日新聞}, date = {2025-03-07},
  url = {https://www.asahi.com/x}, langid = {japanese},
}
"""


@pytest.fixture(scope="module")
def lib():
    return parse_library(BIB)


def fmt(lib, key, **kw):
    return render(format_entry(lib.get(key), **kw), "text")


# ---- GB/T 7714-2025 --------------------------------------------------------------------
def test_gbt2025_worked_examples(lib):
    assert (
        fmt(lib, "liu2025meifei")
        == "刘琳. 美菲“肩并肩 2025”，美国新版“印太战略”现端倪[J]. 世界知识，2025（10）：25-27."
    )
    assert fmt(lib, "morrow1991") == (
        "Morrow J D. Alliances and asymmetry: an alternative to the capability aggregation model of "
        "alliances[J]. American Journal of Political Science，1991，35（2）：904-933."
    ).replace(": an", "：an")


def test_gbt2015_worked_examples(lib):
    assert (
        fmt(lib, "liu2025meifei", edition="2015")
        == "刘琳. 美菲“肩并肩 2025”, 美国新版“印太战略”现端倪[J]. 世界知识, 2025(10): 25-27."
    )
    assert fmt(lib, "morrow1991", edition="2015").startswith("MORROW J D. Alliances and asymmetry: an alternative")
    assert fmt(lib, "morrow1991", edition="2015").endswith(
        "American Journal of Political Science, 1991, 35(2): 904-933."
    )


def test_gbt_et_al_by_entry_language_and_organizations_untouched(lib):
    assert fmt(lib, "wang2025").startswith("王帆，梁居宸，赵明昊，等. ")
    assert fmt(lib, "news2025").startswith("Kelly T，Smith J，Park J-R，et al. ")
    assert fmt(lib, "news2025", edition="2015").startswith("KELLY T, SMITH J, PARK J R, et al. ")
    # organizations are never capitalised, in either edition
    assert fmt(lib, "dod2025", edition="2015").startswith("U.S. Department of Defense. ")


def test_gbt_issue_only_chinese_journal(lib):
    assert fmt(lib, "wang2025").endswith("现代国际关系，2025（1）.")
    assert "（1）" in fmt(lib, "wang2025") and "，1" not in fmt(lib, "wang2025")


def test_gbt_access_dates_per_edition(lib):
    # web page: access date in both editions
    assert fmt(lib, "dod2025").endswith("[EB/OL]. （2025-05-30）[2025-06-02]. https://www.defense.gov/a.")
    assert fmt(lib, "dod2025", edition="2015").endswith("[EB/OL]. (2025-05-30)[2025-06-02]. https://www.defense.gov/a.")
    # newspaper online: 2025 no access date, 2015 has one
    assert fmt(lib, "news2025").endswith("[N/OL]. The Japan Times，2025-03-30. https://www.japantimes.co.jp/x.")
    assert fmt(lib, "news2025", edition="2015").endswith(
        "[N/OL]. The Japan Times, 2025-03-30[2025-04-01]. https://www.japantimes.co.jp/x."
    )


def test_news_agency_pages_are_web_pages(lib):
    # GB/T: a news agency's page is [EB/OL] (the newspaper form [N/OL] is for newspapers), the
    # agency in the publisher's place
    assert fmt(lib, "agency2025") == (
        "Kelly T. Pentagon's Hegseth says US command in Japan being upgraded[EB/OL]. "
        "Reuters，2025（2025-03-30）[2025-04-01]. https://www.reuters.com/x."
    )
    # APA: a news website's article title is italic, the site's name is not
    rt = format_entry(lib.get("agency2025"), style="apa")
    assert [r.text for r in rt.runs if r.italic] == ["Pentagon's Hegseth says US command in Japan being upgraded"]
    assert render(rt, "text") == (
        "Kelly, T. (2025, March 30). Pentagon's Hegseth says US command in Japan being "
        "upgraded. Reuters. https://www.reuters.com/x"
    )
    # and a newspaper's name is italic, its article's title not
    rt = format_entry(lib.get("news2025"), style="apa")
    assert [r.text for r in rt.runs if r.italic] == ["The Japan Times"]


def test_gbt_book_chapter_translator(lib):
    assert (
        fmt(lib, "book2020")
        == "Zhao L. Alliance politics in East Asia[M]. Chen Y，trans. 2nd ed. New York：Routledge，2020."
    )
    assert (
        fmt(lib, "chap2019")
        == "程根伟. 长江洪水的成因[M]//许厚泽，赵其国. 长江流域洪涝灾害. 北京：科学出版社，1999：32-36."
    )


def test_gbt_author_date_sorted_chinese_pinyin_first(lib):
    refs = format_bibliography(lib.entries, "gbt7714", "2025", "author-date")
    keys = [r.key for r in refs]
    # Chinese (by pinyin: Cheng, Liu, Wang), Japanese, then Western
    assert keys[:3] == ["chap2019", "liu2025meifei", "wang2025"]
    assert keys.index("asahi") == 3
    assert keys.index("desmarais1992") < keys.index("morrow1991")
    text = render(refs[1].text, "text")
    assert text.startswith("刘琳，2025. 美菲") and text.endswith("世界知识（10）：25-27.")
    assert render(refs[3].text, "text").startswith("ほか") is False


def test_gbt_numeric_order_follows_first_citation(lib):
    refs = format_bibliography(lib.entries, "gbt7714")
    assert [r.key for r in refs[:2]] == ["morrow1991", "liu2025meifei"]  # p. 25 before p. 26
    assert refs[0].label == "[1]"


def test_cite_forms(lib):
    assert cite(lib.entries, ["liu2025meifei"], "gbt7714", "2025", "author-date") == [
        ("liu2025meifei", "（刘琳，2025）")
    ]
    assert cite(lib.entries, ["liu2025meifei"], "gbt7714", "2015", "author-date") == [("liu2025meifei", "(刘琳, 2025)")]
    assert cite(lib.entries, ["morrow1991"], "apa") == [("morrow1991", "(Morrow, 1991)")]
    assert cite(lib.entries, ["desmarais1992"], "apa") == [("desmarais1992", "(Des Marais et al., 1992)")]
    assert cite(lib.entries, ["dod2025"], "apa") == [("dod2025", "(U.S. Department of Defense, 2025)")]
    assert cite(lib.entries, ["liu2025meifei"], "gbt7714") == [("liu2025meifei", "[2]")]


# ---- APA 7 -------------------------------------------------------------------------------
def test_apa_journal_article(lib):
    assert fmt(lib, "morrow1991", style="apa") == (
        "Morrow, J. D. (1991). Alliances and asymmetry: An alternative to the capability aggregation model "
        "of alliances. American Journal of Political Science, 35(2), 904–933."
    )


def test_apa_italics_and_doi_as_url(lib):
    rt = format_entry(lib.get("desmarais1992"), style="apa")
    italic = [r.text for r in rt.runs if r.italic]
    assert italic == ["Nature", "359"]
    assert render(rt, "text").endswith("Nature, 359, 605–609. https://doi.org/10.1038/359605a0")
    assert "Proterozoic" in render(rt, "text")  # braces protect
    assert render(rt, "md").count("*Nature*") == 1


def test_apa_group_author_web_page_date_and_proper_nouns(lib):
    text = fmt(lib, "dod2025", style="apa")
    assert text == (
        "U.S. Department of Defense. (2025, May 30). Hegseth outlines U.S. vision for Indo-Pacific, "
        "addresses China threat. https://www.defense.gov/a"
    )
    rt = format_entry(lib.get("dod2025"), style="apa")
    assert any(r.italic and r.text.startswith("Hegseth outlines") for r in rt.runs)


def test_apa_chinese_romanized_with_warnings(lib):
    warnings: list[str] = []
    from annobib.styles import apa

    rt = apa.format_entry(lib.get("liu2025meifei"), warnings=warnings)
    text = render(rt, "text")
    assert text.startswith("Liu, L. (2025). ")
    assert text.endswith("Shijie Zhishi, (10), 25–27.")
    assert any("title_romanized" in w for w in warnings)
    assert any("title_translation" in w for w in warnings)


def test_apa_user_romanization_and_translation_fields():
    lib = parse_library(r"""@article{liu, author = {刘琳}, author_romanized = {Liu, Lin},
      title = {美菲“肩并肩 2025”}, title_romanized = {Mei Fei “jianbingjian 2025”},
      title_translation = {The US–Philippines Balikatan 2025}, journaltitle = {世界知识},
      journaltitle_romanized = {Shijie Zhishi}, number = {10}, pages = {25--27}, date = {2025}, langid = {chinese}}""")
    warnings: list[str] = []
    from annobib.styles import apa

    text = render(apa.format_entry(lib.get("liu"), warnings=warnings), "text")
    assert text == (
        "Liu, L. (2025). Mei Fei “jianbingjian 2025” [The US–Philippines Balikatan 2025]. Shijie Zhishi, (10), 25–27."
    )
    assert warnings == []


def test_apa_list_order_and_letters():
    lib = parse_library(r"""
@online{a, author = {{U.S. Department of Defense}}, title = {Zeta Report}, date = {2025-03-01}, url = {https://a}}
@online{b, author = {{U.S. Department of Defense}}, title = {Alpha Report}, date = {2025-05-01}, url = {https://b}}
@article{c, author = {Morrow, James D.}, title = {X}, journaltitle = {J}, date = {1991}}
@article{d, title = {An Anonymous Work}, journaltitle = {J}, date = {2000}}
@article{e, author = {刘琳}, title = {标题}, journaltitle = {世界知识}, date = {2025}, langid = {chinese}}
""")
    refs = format_bibliography(lib.entries, "apa")
    assert [r.key for r in refs] == ["d", "e", "c", "b", "a"]  # Anonymous, Liu, Morrow, U.S. (Alpha, Zeta)
    assert refs[3].citation == "(U.S. Department of Defense, 2025a)"
    assert "(2025b, March 1)" in render(refs[4].text, "text")


def test_backends_escape_and_mark_up(lib):
    rt = format_entry(lib.get("desmarais1992"), style="apa")
    html = render(rt, "html")
    assert "<i>Nature</i>" in html and '<a href="https://doi.org/10.1038/359605a0">' in html
    assert "&amp;" in html
    latex = render(rt, "latex")
    assert r"\emph{Nature}" in latex and r"\&" in latex and r"\url{https://doi.org/10.1038/359605a0}" in latex
    from rich.text import Text

    term = render(rt, "terminal")
    assert isinstance(term, Text) and term.plain == render(rt, "text")


MORE = r"""
@article{ja, author = {佐藤優 and 鈴木一郎 and 田中花子 and 山田太郎}, title = {日米同盟の将来},
  journaltitle = {国際問題}, volume = {712}, pages = {10--20}, date = {2023}, langid = {japanese}}
@article{ko, author = {김민준 and 이서연 and 박지훈 and 최수아}, title = {한미동맹의 미래},
  journaltitle = {국방연구}, volume = {66}, number = {2}, pages = {1--30}, date = {2023}, langid = {korean}}
@article{ru, author = {Иванов, Иван Иванович}, title = {Россия и АТР}, journaltitle = {Международная жизнь},
  number = {5}, pages = {12--25}, date = {2020}, langid = {russian}}
@inproceedings{kr, author = {Kim, Min-jun and Lee, Seo-yeon}, title = {Deterrence on the Korean Peninsula},
  booktitle = {Proceedings of the Annual Security Conference}, location = {Seoul}, publisher = {KIDA},
  date = {2022}, pages = {5--15}, langid = {english}}
@online{pp, author = {Jenkins, S. D. and Ruostekoski, J.}, title = {Controlled Manipulation of Light},
  eprinttype = {arxiv}, eprint = {1112.6136}, version = {2}, date = {2012-03-18}, urldate = {2020-06-24},
  langid = {english}}
"""


def test_unseen_languages_and_forms():
    lib = parse_library(MORE)

    def f(key, **kw):
        return render(format_entry(lib.get(key), **kw), "text")

    assert f("ja") == "佐藤優，鈴木一郎，田中花子，ほか. 日米同盟の将来[J]. 国際問題，2023，712：10-20."
    assert f("ko") == "김민준，이서연，박지훈，외. 한미동맹의 미래[J]. 국방연구，2023，66（2）：1-30."
    assert f("ru") == "Иванов И И. Россия и АТР[J]. Международная жизнь，2020（5）：12-25."
    assert f("kr").startswith("Kim M-J，Lee S-Y. Deterrence on the Korean Peninsula[C]//Proceedings of the annual")
    assert f("kr", edition="2015").startswith("KIM M J, LEE S Y. ")
    assert f("pp") == (
        "Jenkins S D，Ruostekoski J. Controlled manipulation of light[PP/OL]. V2. "
        "arXiv（2012-03-18）[2020-06-24]. https://arxiv.org/abs/1112.6136."
    )
    assert "[EB/OL]" in f("pp", edition="2015")  # 2015 has no [PP]
    assert f("ru", style="apa") == "Ivanov, I. I. (2020). Rossiya i ATR. Mezhdunarodnaya Zhiznʹ, (5), 12–25."
    assert f("kr", style="apa") == (
        "Kim, M.-J., & Lee, S.-Y. (2022). Deterrence on the Korean Peninsula. "
        "In Proceedings of the annual security conference (pp. 5–15). KIDA."
    )


def test_apa_in_text_for_works_without_author():
    lib = parse_library(r"""
@article{n, title = {Trump Tariffs Leave Deep Scars on Thai Economy: BOT Chief}, journaltitle = {The Nation Thailand},
  entrysubtype = {newspaper}, date = {2025-06-03}, url = {https://x}, langid = {english}}
@article{w, title = {Philippines, U.S. Hold Joint Maritime Drills in South China Sea}, journaltitle = {Reuters},
  entrysubtype = {newspaper}, date = {2025-05-21}, url = {https://y}, langid = {english}}
""")
    assert cite(lib.entries, ["n", "w"], "apa") == [
        ("n", "(“Trump Tariffs Leave Deep,” 2025)"),
        ("w", "(Philippines, U.S. Hold Joint, 2025)"),
    ]
