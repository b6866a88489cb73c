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


def _fan(n: int) -> list[Entry]:
    """One hub whose xdata names every leaf, each leaf naming the hub and the next leaf: a knot of
    loops whose paths grow quadratically with ``n`` (the hostile test's ``fo_f4k.bib``)."""
    hub = Entry("hub", "book", {"title": "Hub", "xdata": ",".join(f"leaf{i}" for i in range(n))})
    leaves = [Entry(f"leaf{i}", "inbook", {"crossref": "hub", "xdata": f"hub,leaf{(i + 1) % n}"}) for i in range(n)]
    return [hub, *leaves]


def test_a_knot_of_loops_is_one_group_not_one_cycle_per_path():
    groups = cycles(_fan(300))
    assert len(groups) == 1 and len(groups[0]) == 301 and not groups[0].ring
    assert groups[0][0].key == "hub"  # file order


def test_separate_loops_are_separate_groups_and_a_chain_into_a_loop_is_no_loop():
    e = Entry
    entries = [
        e("tail", "book", {"crossref": "a"}),
        e("a", "book", {"crossref": "b"}),
        e("b", "book", {"crossref": "a"}),
    ]
    entries += [e("x", "book", {"xdata": "x"}), e("y", "book", {"xdata": "z"}), e("z", "book", {"xdata": "y"})]
    assert [([m.key for m in g], g.ring) for g in cycles(entries)] == [
        (["a", "b"], True),
        (["x"], True),
        (["y", "z"], True),
    ]


def test_validate_reports_a_knot_once_with_a_bounded_member_list(cli_run, tmp_path):
    bib = tmp_path / "fan.bib"
    bib.write_text(
        "".join(
            f"@{x.type}{{{x.key}, " + ", ".join(f"{k} = {{{v}}}" for k, v in x.fields.items()) + "}\n"
            for x in _fan(300)
        ),
        encoding="utf-8",
    )
    r = cli_run(["--bib", str(bib), "validate", "--select", "W113"])
    lines = [ln for ln in r.stdout.splitlines() if " W113 " in ln]
    assert len(lines) == 1 and len(lines[0]) < 400, r.stdout[:500]
    assert "301 entries" in lines[0] and "hub, leaf0," in lines[0] and "… and 291 more" in lines[0]


def test_cycles_walk_only_the_entries_that_name_a_parent(monkeypatch):
    """W113 on a large file without crossref must not walk every entry (50,000 cost ~0.5 s)."""
    from annobib.bib import inherit

    calls = []
    real = inherit._parents
    monkeypatch.setattr(inherit, "_parents", lambda e, by_key: calls.append(e.key) or real(e, by_key))
    plain = [Entry(f"p{i}", "book", {"title": f"T{i}"}) for i in range(500)]
    loop = [Entry("a", "book", {"crossref": "b"}), Entry("b", "book", {"xdata": "a"})]
    found = cycles(plain + loop)
    assert [[e.key for e in c] for c in found] == [["a", "b"]]
    assert sorted(calls) == ["a", "b"]
    assert cycles(plain) == []
