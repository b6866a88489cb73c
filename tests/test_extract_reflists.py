"""Unnumbered author-date reference lists (``参考文献`` / ``References`` pasted from a PDF or a web
page): one item per line, long items broken over lines, page counters between them."""

from __future__ import annotations

import pytest

from annobib.extract import extract_notes
from annobib.extract.notes import loose_notes
from annobib.extract.fields import parse_citation
from annobib.extract.reflist import opens_item

# each list holds four items; the last line of some runs on, and the heads vary
LISTS = {
    "japanese-spaced-names": (
        "参考文献\n"
        "北川 理沙（2014）『地域医療の再編』勁草書房。\n"
        "中西 健・森田 由紀（2017）「介護労働と移民」『医療社会学研究』41(3)、55-79 頁。\n"
        "――――（2019）『介護の経済学』第 3 版、東洋経済新報社。\n"
        "ガルシア、マリア（2012）『看護の国境』平田 真訳、明石書店。"
    ),
    "japanese-item-after-access-date": (
        "内閣府（2018）『高齢社会白書』https://www8.cao.go.jp/kourei/whitepaper/w-2018/index.html（2019 年 2 月 3 日アクセス）\n"
        "Norberg, E. and Haas, T. (2011) Caring Across Borders, Lund: Lund University Press.\n"
        "小池 敦（2003a）『病院経営論』有斐閣。\n"
        "小池 敦（2003b）「病床規制の帰結」『季刊社会保障研究』39(1)、12-30 頁。"
    ),
    "harvard-pdf-broken-lines": (
        "Abara, C. and Lindqvist, E. (2013) 'Seasonal migration and school enrolment: panel evidence from\n"
        "Malawi', World Development, 46(1), pp. 101-\n"
        "118.\n"
        "Page 14 of 20\n"
        "Bureau of Rural Statistics (2019) Harvest Survey 2018. Nairobi: BRS.\n"
        "Castellanos, R., Mehta, D. and Oyelowo, B. (eds) (2016) Rural Labour in Transition. London:\n"
        "Zed Books.\n"
        "Dube, N. (2020) Grain prices and urban unrest. Available at: https://www.example.org/blog/grain-\n"
        "prices-unrest (Accessed: 9 June 2021)."
    ),
    # APA 7 from a PDF: an organization's item dated to the day follows a dissertation's last line
    "apa-org-item-dated-to-the-day": (
        "Baker, T. (2018). Peer tutoring and persistence [Doctoral dissertation, Ohio State University].\n"
        "ProQuest Dissertations and Theses Global.\n"
        "United Nations Children's Fund. (2021, October 5). The state of the world's children 2021.\n"
        "https://www.example.org/reports/sowc-2021\n"
        "Chen, L., & Ortiz, R. (2020). Feedback that sticks. Journal of Learning, 12(2), 45-60.\n"
        "Diaz, M. (2017). Classroom talk. Routledge."
    ),
}


@pytest.mark.parametrize("name", sorted(LISTS))
def test_an_unnumbered_list_gives_one_note_per_item(name):
    notes = loose_notes(LISTS[name])
    assert len(notes) == 4, [n.text for n in notes]
    assert not any("Page 14 of 20" in n.text for n in notes)


def test_continuation_lines_are_joined_with_hyphenation_repaired():
    first, _, _, last = loose_notes(LISTS["harvard-pdf-broken-lines"])
    assert "evidence from Malawi'" in first.text and "pp. 101-118." in first.text
    assert "https://www.example.org/blog/grain-prices-unrest" in last.text


@pytest.mark.parametrize(
    ("prev", "line", "opens"),
    [
        ("Oxford: Clarendon.", "Ferreira, L. and Kuan, J. (eds) (2014) Handbook.", True),
        ("(Accessed: 1 May 2020)", "Smith, J. A., Lee, K. & Ono, T. (2020). Title.", True),
        ("『書名』有斐閣。", "石井 誠・三宅 哲也（2011）「論文」", True),
        ("『書名』有斐閣。", "――――（1998b）「論文」", True),
        ("'Title', in", "Ferreira, L. and Kuan, J. (eds) (2014) Handbook.", False),  # runs on
        ("Oxford: Clarendon.", "of Agrarian Change (2014) and more.", False),  # no author head
    ],
)
def test_an_item_opens_on_an_author_year_head(prev, line, opens):
    assert opens_item(prev, line) is opens


# items of author-date lists as they come, one shape each (invented works)
ITEMS = {
    "harvard-editors-head": (
        "Mwangi, P. and Salo, K. (eds) (2015) The Politics of Water. Nairobi: Longhorn.",
        "collection",
        {"editor": "Mwangi, P. and Salo, K.", "title": "The Politics of Water", "publisher": "Longhorn"},
    ),
    "harvard-thesis": (
        "Ferraz, L. (2017) Credit unions in the Andes. PhD thesis. University of Leeds.",
        "thesis",
        {"title": "Credit unions in the Andes", "institution": "University of Leeds", "date": "2017"},
    ),
    "harvard-newspaper-page": (
        "Okoro, B. (2019) 'Drought hits the maize belt', Daily Nation, 4 March, p. 11.",
        "article",
        {"journaltitle": "Daily Nation", "date": "2019-03-04"},
    ),
    "harvard-comma-inside-quotes": (
        'Haldane, R. and Ito, S. (2015) "Trust and Credit in Small Firms," Small Business Economics, 44, pp.31-49.',
        "article",
        {"title": "Trust and Credit in Small Firms", "journaltitle": "Small Business Economics", "pages": "31-49"},
    ),
    "harvard-printed-range-kept": (
        "Lindgren, T. (2012) 'Village banks', World Development, 40(3), pp. 1128-1160.",
        "article",
        {"pages": "1128-1160"},
    ),
    "gbt-glued-range-after-volume": (
        "ORTIZ M, BAKER J. Remittances and school choice[J]. Urban Studies, 2011, 48(7): 14461470.",
        "article",
        {"pages": "1446-1470"},
    ),
    "apa-article-number": (
        "Lindqvist, E., Moreau, P., & Abe, K. (2020). Heat waves and hospital admissions: A panel study. "
        "Environmental Research, 186, Article 109544.",
        "article",
        {"journaltitle": "Environmental Research", "volume": "186", "eid": "109544", "pages": None},
    ),
    "apa-paper-in-proceedings": (
        "Said, R. M. (2019). Rainfall and rural credit. In Proceedings of the 7th Workshop on Development "
        "Finance (pp. 112–120). Elsevier.",
        "inproceedings",
        {"booktitle": "Proceedings of the 7th Workshop on Development Finance", "pages": "112-120"},
    ),
    "harvard-year-unbracketed-chapter": (
        "Morita, K. 2018. Ports and empire in the Pacific. In: Hale, D. and Ruiz, S. (eds.), Oceans of Trade. "
        "Oxford: Berghahn, pp. 88-104.",
        "incollection",
        {
            "author": "Morita, K.",
            "title": "Ports and empire in the Pacific",
            "editor": "Hale, D. and Ruiz, S.",
            "booktitle": "Oceans of Trade",
            "publisher": "Berghahn",
        },
    ),
    "ja-volume-issue-pages-with-kan": (
        "平野 学・杉本 恭子（2013）「地方都市の雇用」『経済地理学年報』59(4)、301-322 頁。",
        "article",
        {"author": "平野学 and 杉本恭子", "volume": "59", "number": "4", "pages": "301-322"},
    ),
    "ja-running-issue-number": (
        "――――（2009b）「派遣労働の再編」『大原社会問題研究所雑誌』611、15-29 頁。",
        "article",
        {"journaltitle": "大原社会問題研究所雑誌", "number": "611", "pages": "15-29"},
    ),
    "ja-edition-before-publisher": (
        "西岡 直（2016）『労働法入門』第 3 版、有斐閣。",
        "book",
        {"edition": "3", "publisher": "有斐閣", "date": "2016"},
    ),
    "ja-chapter-two-editors-pp": (
        "浜田 涼（2018）「介護と移民」北村 信・大島 礼子編『移動の社会学』明石書店、pp.77-98。",
        "incollection",
        {"editor": "北村信 and 大島礼子", "booktitle": "移動の社会学", "publisher": "明石書店", "pages": "77-98"},
    ),
    "ja-katakana-name-translator": (
        "ミラー、ジョナサン（2011）『港湾の経済史』木下 望訳、岩波書店。",
        "book",
        {"author": "ミラー、ジョナサン", "translator": "木下望", "publisher": "岩波書店"},
    ),
}


@pytest.mark.parametrize("name", sorted(ITEMS))
def test_an_author_date_item_gives_its_fields(name):
    text, etype, fields = ITEMS[name]
    entries = extract_notes(text).entries
    assert len(entries) == 1
    got = entries[0]
    assert got.type == etype, got.fields
    assert {k: got.fields.get(k) for k in fields} == fields


def test_a_translation_with_its_original_in_brackets_gives_both():
    text = "ミラー、ジョナサン（2011）『港湾の経済史』木下 望訳、岩波書店（Miller, J. (2006) Harbours and Trade, Oxford: Clarendon）。"
    first, second = extract_notes(text).entries
    assert (first.fields["author"], first.fields["publisher"]) == ("ミラー、ジョナサン", "岩波書店")
    assert (second.fields["author"], second.fields["title"]) == ("Miller, J.", "Harbours and Trade")
    assert second.fields["date"] == "2006" and second.fields["publisher"] == "Clarendon"


def test_a_ditto_dash_takes_the_authors_of_the_item_before():
    text = "北川 理沙（2014）『地域医療の再編』勁草書房。\n――――（2019）『介護の経済学』第 3 版、東洋経済新報社。"
    first, second = extract_notes(text).entries
    assert first.fields["author"] == second.fields["author"] == "北川理沙"


def test_apa_double_issue_is_dashed_like_pages():
    from annobib.extract.fields import parse_citation

    p = parse_citation("Okafor, N., & Lind, P. (2014). Tidal commons. Coastal Policy Review, 12(3–4), 201–219.")
    assert p.type == "article" and p.fields["number"] == "3-4" and p.fields["pages"] == "201-219"


def test_a_folio_alone_between_items_is_neither_url_nor_item_text():
    # a PDF list: the page number printed alone between a DOI line and an organisation's item
    text = (
        "Okafor, N., & Lind, P. (2014). Tidal commons. Coastal Policy Review, 12(3), 201–219.\n"
        "https://doi.org/10.5555/cpr_a_00412\n"
        "118\n"
        "World Meteorological Organization. (2020). State of the climate in Africa. https://example.org/wmo/africa-2020\n"
        "Ruiz, T. (2011). Estuaries. Harbor Press."
    )
    notes = loose_notes(text)
    assert [n.text.split(" (")[0] for n in notes] == [
        "Okafor, N., & Lind, P.",
        "World Meteorological Organization.",
        "Ruiz, T.",
    ]
    entries = extract_notes(text).entries
    assert entries[0].fields["url"] == "https://doi.org/10.5555/cpr_a_00412"
    assert entries[1].fields["title"] == "State of the climate in Africa"


def test_an_apa_report_names_its_issuer_after_the_number():
    p = parse_citation(
        "Okafor, N., & Lind, P. (2019). Harbour dues and trade (CEPR Discussion Paper No. 1402). "
        "Centre for Economic Policy Research. https://doi.org/10.5555/dp1402"
    )
    assert p.type == "report" and p.fields["number"] == "1402"
    assert p.fields["institution"] == "Centre for Economic Policy Research"


def test_an_apa_chapter_gives_the_volume_of_its_book():
    p = parse_citation(
        "Ruiz, T. (2004). Tides and tolls. In A. Berg & C. Lund (Eds.), Handbook of port history (Vol. 2, pp. 10–31). Harbor Press."
    )
    assert p.type == "incollection" and (p.fields["volume"], p.fields["pages"]) == ("2", "10-31")
    assert p.fields["booktitle"] == "Handbook of port history"
