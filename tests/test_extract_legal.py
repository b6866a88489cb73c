"""Legal sources: Chinese laws, regulations and court decisions; US, UK, EU and international cases.
Each case was written for these tests (not taken from any evaluation set)."""

import pytest
from conftest import first_entry, run_notes

from annobib.extract.citations import read_note
from annobib.extract.fields import parse_citation


def test_chinese_court_decisions_are_jurisdiction():
    x, _ = run_notes(
        "[1] 《王某诉李某合同纠纷案》，最高人民法院指导案例 15 号，2013 年 1 月 31 日发布。\n"
        "[2] 《丙诉丁侵权案》，北京市高级人民法院（2017）京民终 88 号民事判决书，2017 年 6 月 1 日。\n"
        "[3] 《甲公司诉乙公司买卖合同纠纷案》，（2018）最高法民终 456 号民事判决书。\n"
    )
    a, b, c = x.entries
    assert a.type == b.type == c.type == "jurisdiction"
    assert (a.fields["number"], a.fields["institution"], a.fields["date"]) == (
        "指导案例15号",
        "最高人民法院",
        "2013-01-31",
    )
    assert (b.fields["number"], b.fields["institution"], b.fields["date"]) == (
        "（2017）京民终88号",
        "北京市高级人民法院",
        "2017-06-01",
    )
    assert c.fields["institution"] == "最高人民法院" and c.fields["number"] == "（2018）最高法民终456号"


def test_chinese_laws_and_regulations_are_legislation():
    x, by_key = run_notes(
        "［1］《中华人民共和国证券法》，1998 年 12 月 29 日第九届全国人民代表大会常务委员会第六次会议通过。\n\n"
        "［2］国务院：《企业信息公示暂行条例》（国务院令第 654 号），2014 年 8 月 7 日。\n\n"
        "［3］中国人民银行：《关于进一步防范和处置虚拟货币交易炒作风险的通知》（银发〔2021〕237 号），2021 年 9 月 15 日。\n\n"
        "［4］王利明：《中国民法》，修订版，北京：法律出版社 2020 年版，第 3 页。\n"
    )
    a, b, c, d = (by_key[n.keys[0]] for n in x.notes)
    assert (a.type, a.fields["title"], a.fields["date"]) == ("legislation", "中华人民共和国证券法", "1998-12-29")
    assert (b.type, b.fields["author"], b.fields["number"]) == ("legislation", "{国务院}", "国务院令第654号")
    assert (c.type, c.fields["number"], c.fields["date"]) == ("legislation", "银发〔2021〕237号", "2021-09-15")
    assert d.type == "book"  # a law book (修订版, a publisher) is not legislation


def test_a_normative_document_of_a_state_organ_is_legislation_without_an_enactment_cue():
    x, by_key = run_notes(
        "［1］全国人民代表大会常务委员会：《关于修改〈中华人民共和国商标法〉的决定》，2019 年 4 月 23 日。\n\n"
        "［2］王明：《论民法》，2018 年 8 月 31 日。\n"
    )
    a, b = (by_key[n.keys[0]] for n in x.notes)
    assert (a.type, a.fields["author"], a.fields["date"]) == (
        "legislation",
        "{全国人民代表大会常务委员会}",
        "2019-04-23",
    )
    assert b.type != "legislation"  # a person's essay on law is no law


def test_us_style_case_citation_is_jurisdiction():
    x, by_key = run_notes(
        "Marbury v. Madison, 5 U.S. 137, 177 (1803).\n\nSmith v. Ocean Freight Co., 412 F.3d 88 (2d Cir. 2005)."
    )
    e = by_key[x.notes[0].keys[0]]
    assert e.type == "jurisdiction"
    assert (e.fields["title"], e.fields["journaltitle"], e.fields["volume"], e.fields["pages"], e.fields["date"]) == (
        "Marbury v. Madison",
        "U.S.",
        "5",
        "137",
        "1803",
    )
    assert e.citations[0].locator == "177"
    e = by_key[x.notes[1].keys[0]]
    assert e.type == "jurisdiction" and e.fields["institution"] == "2d Cir." and e.fields["journaltitle"] == "F.3d"


def test_international_judgment_and_award():
    e = first_entry(
        "Fisheries Jurisdiction (Spain v. Canada), Jurisdiction of the Court, Judgment, I.C.J. Reports 1998, p. 432."
    )
    assert e.type == "jurisdiction"
    assert e.fields["title"] == "Fisheries Jurisdiction (Spain v. Canada)"
    assert (e.fields["journaltitle"], e.fields["date"]) == ("I.C.J. Reports", "1998")
    x, by_key = run_notes(
        "The Arctic Sunrise Arbitration (Netherlands v. Russia), PCA Case No. 2014-02, Award of 14 August 2015, paras. 12-14."
    )
    e = by_key[x.notes[0].keys[0]]
    assert e.type == "jurisdiction"
    assert (e.fields["number"], e.fields["date"], e.fields["institution"]) == ("2014-02", "2015-08-14", "PCA")
    assert e.citations[0].locator == "paras. 12-14"


def test_a_title_with_v_is_not_a_case_without_a_reporter_or_court_cue():
    e = first_entry("Mary Lee, “Chess v. Go: Strategy in East Asia,” Pacific Review 12, no. 3 (2001): 45–67.")
    assert e.type == "article"


def test_uk_and_eu_case_citations():
    e = first_entry("R v Hollis [2017] UKSC 4, [21].")
    assert e.type == "jurisdiction"
    assert (e.fields["title"], e.fields["institution"], e.fields["number"], e.fields["date"]) == (
        "R v Hollis",
        "UKSC",
        "4",
        "2017",
    )
    assert e.citations[0].locator == "[21]"
    e = first_entry("Hedley v Barnes [1964] AC 465.")
    assert (e.fields["journaltitle"], e.fields["pages"], e.fields["date"]) == ("AC", "465", "1964")
    e = first_entry("Case C-101/19 Alpha v Commission [2020] ECLI:EU:C:2020:1.")
    assert e.type == "jurisdiction" and e.fields["number"] == "C-101/19" and e.fields["title"] == "Alpha v Commission"


def test_case_keys_name_the_parties():
    x, _ = run_notes(
        "Marbury v. Madison, 5 U.S. 137 (1803).\n\n"
        "Fisheries Jurisdiction (Spain v. Canada), Judgment, I.C.J. Reports 1998, p. 432.\n\n"
        "Prosecutor v. Blaskic, Case No. IT-95-14-A, Judgment, 29 July 2004, para. 41."
    )
    assert [e.key for e in x.entries] == ["marbury1803madison", "spain1998canada", "prosecutor2004blaskic"]


def test_a_string_cite_whose_first_party_is_a_company():
    x, _ = run_notes(
        "1. See Keller v. Ohio Valley Elec. Auth., 412 U.S. 88, 91 (1973); Prairie Grain Coop.,\n"
        "Inc. v. Board of Tax Review, 512 U.S. 640, 652–53 (1994).\n"
    )
    keller, prairie = x.entries
    assert prairie.type == "jurisdiction"
    assert prairie.fields["title"] == "Prairie Grain Coop., Inc. v. Board of Tax Review"
    assert (prairie.fields["volume"], prairie.fields["journaltitle"], prairie.fields["pages"]) == ("512", "U.S.", "640")
    assert prairie.citations[0].locator == "652-53"


def test_compare_with_gives_both_authorities_and_their_pages():
    x, by_key = run_notes(
        "1. Mark Olund, Takings Reconsidered, 101 Harv. L. Rev. 1450, 1460 (1988).\n"
        "2. Ana Brill, Regulatory Property, 90 Yale L.J. 500, 512 (1981).\n"
        "3. Compare Olund, supra note 1, at 1481, with Brill, supra note 2, at 560.\n"
    )
    assert x.notes[2].keys == [x.notes[0].keys[0], x.notes[1].keys[0]]
    olund, brill = (by_key[k] for k in x.notes[2].keys)
    assert [c.locator for c in olund.citations if c.note == 3] == ["1481"]
    assert [c.locator for c in brill.citations if c.note == 3] == ["560"]


def test_tribunal_documents_by_case_number_or_document_symbol():
    x, _ = run_notes(
        "1. Orion Mining Ltd. v. Republic of Veloria, ICSID Case No. ARB(AF)/04/2, Award (Mar. 12,\n2008).\n"
        "2. Appellate Body Report, Veloria — Measures Affecting Copper Imports, WT/DS588/AB/R, adopted 14 June 2019.\n"
    )
    award, report = x.entries
    assert (award.type, award.fields["title"]) == ("jurisdiction", "Orion Mining Ltd. v. Republic of Veloria")
    assert (award.fields["number"], award.fields["date"]) == ("ARB(AF)/04/2", "2008-03-12")
    assert report.type == "jurisdiction" and "author" not in report.fields
    assert report.fields["title"] == "Veloria — Measures Affecting Copper Imports"
    assert (report.fields["number"], report.fields["date"]) == ("WT/DS588/AB/R", "2019-06-14")


def test_a_bluebook_un_document_with_its_archived_link():
    x, _ = run_notes(
        "1. U.N. Dev. Programme, Human Development Report 2020, at 88, U.N. Doc. UNDP/HDR/2020 (2020),\n"
        "https://example.org/hdr2020.pdf [https://perma.cc/ZZ99-XY12].\n"
    )
    (e,) = x.entries
    assert (e.type, e.fields["author"], e.fields["title"]) == (
        "report",
        "{U.N. Dev. Programme}",
        "Human Development Report 2020",
    )
    assert (e.fields["number"], e.fields["url"]) == ("UNDP/HDR/2020", "https://example.org/hdr2020.pdf")
    assert e.citations[0].locator == "88"


def test_bluebook_treaty_annexed_eu_act_and_wto_report_adopted_in_brackets():
    x, _ = run_notes(
        "1. Agreement on Marine Salvage Services, Jun. 2, 1997, Accord Establishing the Ocean Trade Union, "
        "Annex 3C, 2101 U.N.T.S. 77.\n"
        "2. Commission Directive 2019/1024, 2019 O.J. (L 172) 56 (EU).\n"
        "3. Panel Report, Norland—Measures Concerning Salvage Vessels, WT/DS701/R (adopted Jan. 9, 2023).\n"
    )
    treaty, directive, report = x.entries
    assert (treaty.type, treaty.fields["title"]) == ("legislation", "Agreement on Marine Salvage Services")
    assert (treaty.fields["date"], treaty.fields["volume"], treaty.fields["pages"]) == ("1997-06-02", "2101", "77")
    assert treaty.fields["note"] == "Accord Establishing the Ocean Trade Union, Annex 3C"
    assert (directive.type, directive.fields["title"], directive.fields["date"]) == (
        "legislation",
        "Commission Directive 2019/1024",
        "2019",
    )
    assert (directive.fields["journaltitle"], directive.fields["number"], directive.fields["pages"]) == (
        "O.J.",
        "L 172",
        "56",
    )
    assert (report.type, report.fields["title"]) == ("jurisdiction", "Norland—Measures Concerning Salvage Vessels")
    assert (report.fields["number"], report.fields["date"]) == ("WT/DS701/R", "2023-01-09")
    assert "author" not in report.fields


def test_bluebook_short_forms_of_a_case_and_an_article_join_their_full_citations():
    x, _ = run_notes(
        "1. Marlow v. Pinecrest Holdings, Inc., 911 F.3d 220, 224 (4th Cir. 2019).\n"
        "2. Dana K. Ueda, Platform Liability, 88 U. Chi. L. Rev. 501, 510 (2021).\n"
        "3. Marlow, 911 F.3d at 229.\n"
        "4. Ueda, 88 U. Chi. L. Rev. at 515–17.\n"
    )
    assert len(x.entries) == 2
    case, article = x.entries
    assert [(c.note, c.locator) for c in case.citations] == [(1, "224"), (3, "229")]
    assert [(c.note, c.locator) for c in article.citations] == [(2, "510"), (4, "515-17")]


def test_a_citing_parenthetical_is_a_second_citation():
    x, _ = run_notes(
        "1. Kessler v. Grant, 512 U.S. 204, 210 (1994).\n\n"
        "2. Hannah Ortiz, Deference Reconsidered, 88 Yale L.J. 1001, 1010 (2019).\n\n"
        "3. Kessler, 512 U.S. at 212–13 (citing Ortiz, supra note 2, at 1020).\n"
    )
    case, article = x.notes[0].keys[0], x.notes[1].keys[0]
    assert x.notes[2].keys == [case, article]
    assert x.notes[2].joined == [True, True]
    assert [c.locator for c in read_note(x.notes[2].note.text).citations] == ["212-13", "1020"]


def test_oscola_lead_ins_eg_and_the_discussion_in_are_not_part_of_the_citation():
    # OSCOLA prints "eg" without stops; "see the … in" names what is read in the work, not the work
    x, _ = run_notes(
        "[1] See, eg, Lighthouses (Ruritania v Freedonia) [1956] ICJ Rep 40; Fishing Rights (Freedonia v Ruritania) [1962] ICJ Rep 9.\n"
        "[2] The point is disputed: see the separate opinions and the commentary in Tomas Vilar, Courts and Seas (2nd edn, OUP 2004) 81–83.\n"
    )
    a, b, c = x.entries
    assert (a.fields["title"], b.fields["title"]) == (
        "Lighthouses (Ruritania v Freedonia)",
        "Fishing Rights (Freedonia v Ruritania)",
    )
    assert "author" not in a.fields
    assert (c.fields["author"], c.fields["title"], c.fields["edition"]) == ("Vilar, Tomas", "Courts and Seas", "2")
    assert c.citations[0].locator == "81-83"


def test_early_us_reports_treaties_in_statutes_at_large_and_a_book_cited_at_a_page():
    # a nominative reporter in brackets (36 U.S. (11 Pet.)), a case short form with the judge's
    # parenthetical, a treaty printed in the Statutes at Large, "at 31" after a title ending in years
    x, by_key = run_notes(
        "1. Hollis Mill Co. v. Dana Canal Co., 31 U.S. (6 Pet.) 144, 150 (1832).\n"
        "2. State v. Coburn, 12 Conn. (3 Day) 77 (1809).\n"
        "3. Hollis Mill, 31 U.S. at 152 (Marshall, C.J., concurring).\n"
        "4. Convention of Commerce and Navigation, U.S.-Gr. Brit., July 3, 1815, 8 Stat. 228.\n"
        "5. See Ada M. Pruitt, The Courts and the Canals, 1790–1850, at 44 (1981).\n"
    )
    case, state, treaty, book = x.entries
    assert (case.type, case.fields["title"], case.fields["volume"], case.fields["journaltitle"]) == (
        "jurisdiction",
        "Hollis Mill Co. v. Dana Canal Co.",
        "31",
        "U.S.",
    )
    assert case.fields["pages"] == "144"
    assert [(c.note, c.locator) for c in case.citations] == [(1, "150"), (3, "152")]
    assert (state.fields["title"], state.fields["journaltitle"], state.fields["pages"]) == (
        "State v. Coburn",
        "Conn.",
        "77",
    )
    assert treaty.type == "legislation" and treaty.fields["title"] == "Convention of Commerce and Navigation"
    assert (treaty.fields["date"], treaty.fields["volume"], treaty.fields["pages"]) == ("1815-07-03", "8", "228")
    assert book.fields["title"] == "The Courts and the Canals, 1790–1850" and book.citations[0].locator == "44"


@pytest.mark.parametrize(
    ("note", "number"),
    [
        # a judicial interpretation issued in numbered parts, ASCII brackets as pasted from a PDF
        ("最高人民法院:《关于审理某类案件若干问题的规定(二)》(法释〔2019〕7号),2019年5月1日。", "法释〔2019〕7号"),
        # a 通告 with its issuer's number
        ("生态环境部：《关于某某区域禁渔的通告》（生态环境部通告〔2021〕3号）。", "生态环境部通告〔2021〕3号"),
        # an issuing body with a long name keeps its whole name in the 令 number
        (
            "国家市场监督管理总局：《某某监督管理办法》（国家市场监督管理总局令第25号），2020年1月3日。",
            "国家市场监督管理总局令第25号",
        ),
    ],
)
def test_normative_document_shapes_are_legislation(note, number):
    p = parse_citation(note)
    assert (p.type, p.fields["number"]) == ("legislation", number)


def test_a_guiding_case_keeps_the_year_printed_after_its_number():
    # 指导案例131号(2019年): the year the Supreme People's Court issued the guiding case
    p = parse_citation("某市人民政府诉某化工有限公司环境损害赔偿案,最高人民法院指导案例77号(2016年)。")
    assert (p.type, p.fields["number"], p.fields["date"]) == ("jurisdiction", "指导案例77号", "2016")
