"""`search` says where a word matched when the row does not show it (abstract, note, tags, URL,
DOI, the citing sentences); no such column when every hit explains itself."""

from __future__ import annotations

import json

import pytest

from conftest import ARTICLE_BIB, run_cli

BIB = r"""@article{smith2020deter,
  author = {Smith, Ann}, title = {Alliances in Asia}, journaltitle = {Security Studies}, date = {2020},
  abstract = {On extended deterrence and its limits.}, keywords = {nuclear, asia},
  doi = {10.1080/0963-xyz}, url = {https://example.org/paper}
}
@book{lee2019deter,
  author = {Lee, Bo}, title = {Deterrence Theory}, publisher = {Example Press}, date = {2019},
  note = {唐代史料}
}
"""


@pytest.fixture()
def bib(tmp_path):
    path = tmp_path / "x.bib"
    path.write_text(BIB, encoding="utf-8")
    return path


def search(bib, *args):
    r = run_cli(["--bib", str(bib), "search", *args])
    assert r.exit_code == 0, r.stderr
    return r.stdout


@pytest.mark.parametrize(
    "query, where",
    [
        ("extended", "abstract"),
        ("tag:nuclear", "keywords"),
        ("0963", "doi"),
        ("example.org", "url"),
        ("唐代", "note"),
    ],
)
def test_the_hidden_field_is_named(bib, query, where):
    data = json.loads(search(bib, query, "--json"))
    assert [d["matched_in"] for d in data] == [[where]]
    table = search(bib, query).splitlines()
    assert table[0].endswith("Matched in") and table[1].endswith(where)


def test_a_match_the_row_shows_needs_no_column(bib):
    table = search(bib, "deterrence").splitlines()  # lee: the title; smith: the abstract only
    assert "Matched in" in table[0]
    row = {line.split()[0]: line for line in table[1:]}
    assert row["smith2020deter"].endswith("abstract") and not row["lee2019deter"].endswith("abstract")
    assert "Matched in" not in search(bib, "alliances")
    data = json.loads(search(bib, "theory", "--json"))
    assert data[0]["matched_in"] == []


def test_the_seed_names_the_citing_sentence():
    r = run_cli(["--bib", str(ARTICLE_BIB), "search", "联合军演"])
    assert r.exit_code == 0, r.stderr
    assert r.stdout.splitlines()[1].startswith("liu2025meifei") and r.stdout.rstrip().endswith("citations")


class _Name(str):
    """A field name that counts the comparisons made with it (hash look-ups make none)."""

    compared = 0

    def __eq__(self, other):
        _Name.compared += 1
        return str.__eq__(self, other)

    __hash__ = str.__hash__


def test_many_matching_fields_are_listed_in_linear_work():
    # issue 12: one entry of 40,000 small fields (800 KB) matching `a` took 3.6 s in "Matched in":
    # each field name was looked for in the list of those already named
    from annobib.lookup.query import matched_fields, parse

    n = 3000
    fields = {_Name(f"f{i}"): "a value" for i in range(n)}
    ((term,),) = parse("value").clauses
    _Name.compared = 0
    names = matched_fields(fields, {"rest": [term]})
    assert names == [f"f{i}" for i in range(n)]
    assert _Name.compared < 4 * n  # the list scan made n²/2 = 4,500,000
