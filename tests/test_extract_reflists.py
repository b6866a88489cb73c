"""Unnumbered author-date reference lists (``参考文献`` / ``References`` pasted from a PDF or a web
page): one item per line, long items broken over lines, page counters between them."""

from __future__ import annotations

import pytest

from annobib.extract.notes import loose_notes
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
