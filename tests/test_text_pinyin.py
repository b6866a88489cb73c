"""The two ways pinyin is read: the compact per-character table (small inputs, no table
building) and the translate tables (bulk); they must agree character for character."""

from __future__ import annotations

from annobib import text as tx

from conftest import ARTICLE_BIB


def both_ways(monkeypatch, samples: list[str]):
    monkeypatch.setattr(tx, "_TT", None)
    monkeypatch.setattr(tx, "_TT_ALT", None)
    small = [(tx.pinyin(s), tx.pinyin_alternate(s), tx.syllables(s)) for s in samples]
    assert tx._TT is None  # small inputs never build the big tables
    tx._load_table()
    bulk = [(tx.pinyin(s), tx.pinyin_alternate(s), tx.syllables(s)) for s in samples]
    return small, bulk


def test_compact_and_bulk_tables_agree_on_the_article(monkeypatch):
    lines = [line for line in ARTICLE_BIB.read_text(encoding="utf-8").splitlines() if tx.has_han(line)]
    assert len(lines) > 50
    small, bulk = both_ways(monkeypatch, [line[: tx._BULK - 1] for line in lines])
    for line, a, b in zip(lines, small, bulk):
        assert a == b, line


def test_readings_of_known_characters(monkeypatch):
    [small], [bulk] = both_ways(monkeypatch, ["刘琳 重庆 世界知识 abc"])
    assert small == bulk
    assert small[0] == "liulin zhongqing shijiezhishi abc"
    assert small[1] == "liulin chongqing shijiezhizhi abc"  # second readings of 重 and 识
    assert small[2][:2] == [("liu",), ("lin",)] and small[2][2] == ()
