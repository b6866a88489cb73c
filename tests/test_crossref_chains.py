"""Long and looping crossref chains: resolved without recursion, cycles reported, not fatal."""

from __future__ import annotations

import pytest

from annobib.bib.inherit import cycles, resolve
from annobib.model import Entry


def _chain(n: int) -> list[Entry]:
    out = [Entry(f"c{i}", "article", {"crossref": f"c{i + 1}", "title": f"T{i}"}) for i in range(n)]
    return out + [Entry(f"c{n}", "article", {"title": "end", "year": "2020", "journaltitle": "J"})]


def test_a_10000_long_chain_resolves_every_link():
    full = resolve(_chain(10_000))
    assert [e.fields["year"] for e in full] == ["2020"] * 10_001
    assert full[0].fields["title"] == "T0" and full[0].fields["journaltitle"] == "J"
    assert cycles(_chain(10_000)) == []


def test_a_cycle_is_cut_where_it_closes_and_reported_once():
    a = Entry("a", "book", {"crossref": "b", "title": "A"})
    b = Entry("b", "book", {"crossref": "c", "publisher": "P"})
    c = Entry("c", "book", {"crossref": "a", "date": "2001"})
    full = {e.key: e.fields for e in resolve([a, b, c])}
    assert full["a"]["publisher"] == "P" and full["a"]["date"] == "2001"
    assert "title" not in full["c"] and "publisher" not in full["c"]  # the loop closes at c
    assert [[e.key for e in loop] for loop in cycles([a, b, c])] == [["a", "b", "c"]]


def test_xdata_and_crossref_complete_parents_first():
    x = Entry("x", "xdata", {"publisher": "XP"})
    book = Entry("bk", "book", {"title": "Book", "xdata": "x"})
    ch = Entry("ch", "incollection", {"title": "Ch", "crossref": "bk"})
    full = {e.key: e.fields for e in resolve([ch, book, x])}
    assert full["ch"]["booktitle"] == "Book" and full["ch"]["publisher"] == "XP"
    assert "x" not in full


@pytest.mark.parametrize("args", [["cite", "c0"], ["format", "c0", "--to", "text"], ["validate"]])
def test_commands_on_a_long_chain_give_no_internal_error(cli_run, tmp_path, args):
    text = "".join(
        f"@article{{{e.key},\n" + "".join(f"  {k} = {{{v}}},\n" for k, v in e.fields.items()) + "}\n"
        for e in _chain(3000)
    )
    bib = tmp_path / "cc.bib"
    bib.write_text(text, encoding="utf-8")
    r = cli_run(["--bib", str(bib), *args])
    assert "internal error" not in r.stderr and "Recursion" not in r.stderr
    assert r.exit_code in (0, 1), r.stderr
