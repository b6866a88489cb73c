"""The general causes behind blind set 28's misses, each on notes written for these tests (not
taken from any evaluation set)."""

import pytest
from conftest import assert_one_citation

from annobib.extract.fields import parse_citation

NEWSPAPER_ISSUES = [
    # a newspaper cited by its name, date and page (版) alone, full-width and ASCII punctuation
    ("《光明日报》1962年3月8日，第4版。", "光明日报", "1962-03-08", "4"),
    ("《新闻报》1931年11月2日,第12版。", "新闻报", "1931-11-02", "12"),
]


@pytest.mark.parametrize("note,outlet,date,ban", NEWSPAPER_ISSUES)
def test_newspaper_issue_keeps_its_page(note, outlet, date, ban):
    fields = {"journaltitle": outlet, "entrysubtype": "newspaper", "date": date, "pages": ban}
    assert_one_citation(note, "article", fields, ban)


def test_bracketed_volume_of_the_container():
    p = parse_citation("周平：《论睦邻外交》，载《邓小平文选》（第3卷），北京：人民出版社1993年版，第12—15页。")
    assert p.type == "incollection"
    assert (p.fields["booktitle"], p.fields["volume"]) == ("邓小平文选", "3")
