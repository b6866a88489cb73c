"""Court cases, awards, laws and social-media posts in GB/T 7714 (2025, 2015) and APA 7."""

import pytest

from annobib.bib import parse_library
from annobib.styles import apa, format_entry, gbt7714, render

BIB = r"""
@jurisdiction{hawaii, title = {Trump v. Hawaii}, journaltitle = {U.S.}, volume = {585}, pages = {667}, date = {2018}}
@jurisdiction{smith, title = {Smith v. Ocean Freight Co.}, journaltitle = {F.3d}, volume = {412}, pages = {88-97},
  institution = {2d Cir.}, date = {2005}}
@jurisdiction{jogee, title = {R v Jogee}, institution = {UKSC}, number = {8}, date = {2016}}
@jurisdiction{arctic, title = {The Arctic Sunrise Arbitration (Netherlands v. Russia)}, number = {2014-02},
  institution = {PCA}, date = {2015-08-14}, url = {https://pca-cpa.org/en/cases/21/}, urldate = {2024-05-01}}
@jurisdiction{zhang, title = {张某诉某公司买卖合同纠纷案}, institution = {最高人民法院}, date = {2013-11-08},
  number = {指导案例17号}, langid = {chinese}}
@legislation{dsl, author = {{全国人民代表大会常务委员会}}, title = {中华人民共和国数据安全法}, date = {2021-06-10},
  langid = {chinese}, title_translation = {Data Security Law of the People's Republic of China}}
@legislation{cii, author = {{国务院}}, title = {关键信息基础设施安全保护条例}, number = {国务院令第745号},
  number_romanized = {Guowuyuan Ling Di 745 Hao}, date = {2021-07-30},
  url = {https://www.gov.cn/zhengce/content/2021-08/17/content_5631671.htm}, urldate = {2025-03-01}, langid = {chinese}}
@legislation{ada, title = {Americans With Disabilities Act of 1990}, number = {42 U.S.C. § 12101 et seq.}, date = {1990}}
@online{doe, author = {Doe, Jane Q.}, title = {The harbour reopens tomorrow in Busan}, organization = {Twitter},
  date = {2020-05-05}, url = {https://twitter.com/janeqdoe/status/1}}
@online{busan, author = {{Port Authority of Busan}}, title = {New berth opened}, organization = {X}, date = {2023-06-02},
  url = {https://x.com/BusanPort/status/2}}
@online{nohandle, author = {Lee, Mary}, title = {Ferry timetable for the Spring}, organization = {Facebook},
  date = {2024-03-03}, url = {https://www.facebook.com/story.php?id=9}}
@report{cnnic, author = {{中国互联网络信息中心}}, title = {第29次中国互联网络发展状况统计报告}, date = {2012-01-16},
  url = {https://www.cnnic.net.cn/x.pdf}, urldate = {2013-03-26}, langid = {chinese}}
@report{carter, author = {Carter, Ann}, title = {Harbors under Pressure}, institution = {Hudson Research Center},
  date = {2019}, url = {https://example.org/rr.pdf}, urldate = {2024-05-01}}
"""

ENTRIES = {e.key: e for e in parse_library(BIB).entries}

EXPECTED = {
    # key: (GB/T 7714-2025, GB/T 7714-2015, APA 7)
    "hawaii": (
        "Trump v. Hawaii：585 U.S. 667[Z]. 2018.",
        "Trump v. Hawaii: 585 U.S. 667[Z]. 2018.",
        "Trump v. Hawaii, 585 U.S. 667 (2018).",
    ),
    "smith": (
        "Smith v. Ocean Freight Co.：412 F.3d 88[Z]. 2d Cir.，2005.",
        "Smith v. Ocean Freight Co.: 412 F.3d 88[Z]. 2d Cir., 2005.",
        "Smith v. Ocean Freight Co., 412 F.3d 88 (2d Cir. 2005).",
    ),
    "jogee": ("R v Jogee：[2016] UKSC 8[Z].", "R v Jogee: [2016] UKSC 8[Z].", "R v Jogee [2016] UKSC 8."),
    "arctic": (
        "The Arctic Sunrise Arbitration（Netherlands v. Russia）：PCA Case No. 2014-02[Z/OL]. 2015-08-14. "
        "https://pca-cpa.org/en/cases/21/.",
        "The Arctic Sunrise Arbitration (Netherlands v. Russia): PCA Case No. 2014-02[Z/OL]. "
        "2015-08-14[2024-05-01]. https://pca-cpa.org/en/cases/21/.",
        "The Arctic Sunrise Arbitration (Netherlands v. Russia), PCA Case No. 2014-02 (Aug. 14, 2015). "
        "https://pca-cpa.org/en/cases/21/",
    ),
    "zhang": (
        "张某诉某公司买卖合同纠纷案：指导案例17号[Z]. 最高人民法院，2013-11-08.",
        "张某诉某公司买卖合同纠纷案: 指导案例17号[Z]. 最高人民法院, 2013-11-08.",
        None,
    ),
    "dsl": (
        "全国人民代表大会常务委员会. 中华人民共和国数据安全法[Z]. 2021-06-10.",
        "全国人民代表大会常务委员会. 中华人民共和国数据安全法[Z]. 2021-06-10.",
        "Zhonghua renmin gongheguo shuju anquan fa [Data Security Law of the People's Republic of China] (2021).",
    ),
    "cii": (
        "国务院. 关键信息基础设施安全保护条例：国务院令第745号[EB/OL]. （2021-07-30）[2025-03-01]. "
        "https://www.gov.cn/zhengce/content/2021-08/17/content_5631671.htm.",
        "国务院. 关键信息基础设施安全保护条例: 国务院令第745号[EB/OL]. (2021-07-30)[2025-03-01]. "
        "https://www.gov.cn/zhengce/content/2021-08/17/content_5631671.htm.",
        None,
    ),
    "ada": (
        "Americans With Disabilities Act of 1990：42 U.S.C. § 12101 et seq.[Z]. 1990.",
        "Americans With Disabilities Act of 1990: 42 U.S.C. § 12101 et seq.[Z]. 1990.",
        "Americans With Disabilities Act of 1990, 42 U.S.C. § 12101 et seq. (1990).",
    ),
    "doe": (
        "Doe J Q. The harbour reopens tomorrow in Busan[EB/OL]. （2020-05-05）. https://twitter.com/janeqdoe/status/1.",
        "DOE J Q. The harbour reopens tomorrow in Busan[EB/OL]. (2020-05-05). https://twitter.com/janeqdoe/status/1.",
        "Doe, J. Q. [@janeqdoe]. (2020, May 5). The harbour reopens tomorrow in Busan [Tweet]. Twitter. "
        "https://twitter.com/janeqdoe/status/1",
    ),
    "busan": (
        "Port Authority of Busan. New berth opened[EB/OL]. （2023-06-02）. https://x.com/BusanPort/status/2.",
        "Port Authority of Busan. New berth opened[EB/OL]. (2023-06-02). https://x.com/BusanPort/status/2.",
        "Port Authority of Busan [@BusanPort]. (2023, June 2). New berth opened [Post]. X. "
        "https://x.com/BusanPort/status/2",
    ),
    "nohandle": (
        "Lee M. Ferry timetable for the Spring[EB/OL]. （2024-03-03）. https://www.facebook.com/story.php?id=9.",
        "LEE M. Ferry timetable for the Spring[EB/OL]. (2024-03-03). https://www.facebook.com/story.php?id=9.",
        "Lee, M. (2024, March 3). Ferry timetable for the Spring [Post]. Facebook. "
        "https://www.facebook.com/story.php?id=9",
    ),
    # access dates of an online report: every online item in 2015; web pages only in 2025 (the
    # GB/T 7714-2025 examples print [R/OL] reports without one, see the oracle conformance tests)
    "cnnic": (
        "中国互联网络信息中心. 第29次中国互联网络发展状况统计报告[R/OL]. 2012-01-16. https://www.cnnic.net.cn/x.pdf.",
        "中国互联网络信息中心. 第29次中国互联网络发展状况统计报告[R/OL]. (2012-01-16)[2013-03-26]. "
        "https://www.cnnic.net.cn/x.pdf.",
        None,
    ),
    "carter": (
        "Carter A. Harbors under pressure[R/OL]. Hudson Research Center，2019. https://example.org/rr.pdf.",
        "CARTER A. Harbors under pressure[R/OL]. Hudson Research Center, 2019[2024-05-01]. https://example.org/rr.pdf.",
        "Carter, A. (2019). Harbors under pressure. Hudson Research Center. https://example.org/rr.pdf",
    ),
}


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_exact_strings_in_three_styles(key):
    gb25, gb15, apa7 = EXPECTED[key]
    e = ENTRIES[key]
    assert render(format_entry(e, style="gbt7714", edition="2025"), "text") == gb25
    assert render(format_entry(e, style="gbt7714", edition="2015"), "text") == gb15
    if apa7 is not None:
        assert render(format_entry(e, style="apa"), "text") == apa7


def test_case_names_are_never_sentence_cased_nor_italic_in_apa_references():
    rt = format_entry(ENTRIES["jogee"], style="apa")
    assert "Jogee" in rt.plain and not any(r.italic for r in rt.runs)
    assert render(format_entry(ENTRIES["smith"], style="apa"), "md").startswith("Smith v. Ocean Freight Co., ")


def test_post_text_is_italic_and_kept_as_written_in_apa():
    md = render(format_entry(ENTRIES["busan"], style="apa"), "md")
    assert "*New berth opened* \\[Post\\]" in md


def test_chinese_case_in_apa_is_romanized_with_a_warning():
    warnings = []
    text = apa.format_entry(ENTRIES["zhang"], warnings=warnings).plain
    assert text.startswith("Zhangmou") and text.endswith("(Zuigao Renmin Fayuan Nov. 8, 2013).")
    assert any("number_romanized" in w for w in warnings)
    text = apa.format_entry(ENTRIES["cii"], warnings=[]).plain
    assert ", Guowuyuan Ling Di 745 Hao (2021). https://www.gov.cn/" in text


def test_in_text_citations_use_the_case_or_statute_name():
    assert apa.citation(ENTRIES["hawaii"]) == "(Trump v. Hawaii, 2018)"
    assert apa.citation(ENTRIES["dsl"]) == "(Zhonghua renmin gongheguo shuju anquan fa, 2021)"
    assert gbt7714.citation(ENTRIES["dsl"]) == "（全国人民代表大会常务委员会，2021）"


def test_author_date_gbt_does_not_repeat_a_bare_year():
    rt = format_entry(ENTRIES["hawaii"], style="gbt7714", system="author-date")
    assert render(rt, "text") == "Anon，2018. Trump v. Hawaii：585 U.S. 667[Z]."


def test_handle_comes_from_a_handle_field_or_the_url():
    from annobib.styles._legal import handle_from_url

    assert handle_from_url("https://x.com/BusanPort/status/2") == "@BusanPort"
    assert handle_from_url("https://x.com/i/web/status/2") == ""
    assert handle_from_url("https://example.org/x.com/a") == ""
    e = parse_library(
        "@online{p, author = {Kim, Min}, title = {Hello}, organization = {Instagram}, "
        "handle = {minkim}, date = {2024-01-02}, url = {https://instagr.am/p/1}}"
    ).entries[0]
    assert render(format_entry(e, style="apa"), "text") == (
        "Kim, M. [@minkim]. (2024, January 2). Hello [Post]. Instagram. https://instagr.am/p/1"
    )
