"""The general causes behind blind set 39's misses, each on notes written for these tests (not
taken from any evaluation set)."""

import pytest

from annobib.extract.notes import loose_notes


@pytest.mark.parametrize(
    "heads",
    [
        # the folio first, the journal and its issue set across the page's width
        ["·72·" + " " * 18 + "历史研究" + " " * 15 + "第21卷第3期   2016年9月"],
        # the journal, its issue and the volume after it, the folio on the next line
        ["海洋史研究" + " " * 24 + "2016年第3期(第21卷)", "·73·"],
    ],
)
def test_a_cjk_running_head_set_across_the_page_is_page_furniture(heads):
    text = "\n".join(["1王某:《港口与腹地》,北京:某某出版社2001年版,第5页。", *heads, "2同上,第9页。"])
    notes = loose_notes(text)
    assert [n.text for n in notes] == ["王某:《港口与腹地》,北京:某某出版社2001年版,第5页。", "同上,第9页。"]
