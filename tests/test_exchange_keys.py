"""Keys survive the trip from Zotero / Better BibTeX: CSL-JSON ``citation-key`` and a key pinned
in the note are kept on import; ``import --merge`` keeps the incoming key as an alias (``ids``)."""

from __future__ import annotations

import json

import pytest

from annobib.exchange.csl_json import csl_to_entry
from conftest import ARTICLE_BIB, run_cli

URI = "http://zotero.org/users/1/items/ABCD"
LIU = {
    "type": "article-journal",
    "title": "美菲“肩并肩 2025”，美国新版“印太战略”现端倪",
    "author": [{"family": "刘", "given": "琳"}],
    "issued": {"date-parts": [[2025]]},
    "container-title": "世界知识",
    "ISSN": "0583-0176",
}


@pytest.mark.parametrize(
    "item, key, note",
    [
        ({"id": URI, "citation-key": "liuMeiFei2025"}, "liuMeiFei2025", None),
        ({"id": "liuMeiFei2025"}, "liuMeiFei2025", None),
        ({"id": "liuMeiFei2025", "citation-key": "bbtKey2025"}, "bbtKey2025", None),
        ({"id": URI, "note": "Citation Key: smith2020new\nread twice"}, "smith2020new", "read twice"),
        ({"id": URI, "note": "bibtex: smith2020old"}, "smith2020old", None),
        ({"id": URI, "citation-key": "has space"}, "has space", None),  # nothing usable: import makes one
    ],
)
def test_the_citation_key_is_read(item, key, note):
    entry = csl_to_entry({"type": "book", "title": "T", **item})
    assert entry.key == key
    assert entry.fields.get("note") == note


@pytest.fixture()
def mine(tmp_path):
    path = tmp_path / "mine.bib"
    path.write_bytes(ARTICLE_BIB.read_bytes())
    return path


def _import(mine, tmp_path, items, *args):
    src = tmp_path / "zotero.json"
    src.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    r = run_cli(["--bib", str(mine), "import", str(src), *args])
    assert r.exit_code == 0, r.stderr
    return r


def test_a_new_item_keeps_its_zotero_key(mine, tmp_path):
    _import(
        mine,
        tmp_path,
        [
            {
                "id": URI,
                "type": "book",
                "citation-key": "smith2020new",
                "title": "A new book",
                "author": [{"family": "Smith", "given": "Ann"}],
                "issued": {"date-parts": [[2020]]},
            }
        ],
    )
    assert "@book{smith2020new," in mine.read_text(encoding="utf-8")


def test_merge_keeps_the_incoming_key_as_an_alias(mine, tmp_path):
    before = mine.read_text(encoding="utf-8")
    r = _import(mine, tmp_path, [{"id": URI, "citation-key": "liuMeiFei2025", **LIU}], "--merge")
    assert "merged liuMeiFei2025 into liu2025meifei" in r.stderr
    after = mine.read_text(encoding="utf-8")
    entry = after[after.index("@article{liu2025meifei,") :]
    entry = entry[: entry.index("\n}\n")]
    assert "ids          = {liuMeiFei2025}," in entry and "issn" in entry
    # every other entry untouched, byte for byte
    assert after.replace("  issn         = {0583-0176},\n  ids          = {liuMeiFei2025},\n", "") == before
    # merging again, and then a second alias (with the incoming entry's own ids): no repeats
    _import(mine, tmp_path, [{"id": URI, "citation-key": "liuMeiFei2025", **LIU}], "--merge")
    assert mine.read_text(encoding="utf-8") == after
    bib = tmp_path / "bbt.bib"
    bib.write_text(
        "@article{liu2025bbt, ids = {liuMeiFei2025, liuOld}, author = {刘, 琳}, date = {2025},\n"
        "  title = {美菲“肩并肩 2025”，美国新版“印太战略”现端倪}}\n",
        encoding="utf-8",
    )
    r = run_cli(["--bib", str(mine), "import", str(bib), "--merge", "--json"])
    assert r.exit_code == 0, r.stderr
    assert "ids          = {liuMeiFei2025, liu2025bbt, liuOld}," in mine.read_text(encoding="utf-8")


def test_without_merge_nothing_changes(mine, tmp_path):
    before = mine.read_bytes()
    _import(mine, tmp_path, [{"id": URI, "citation-key": "liuMeiFei2025", **LIU}])
    assert mine.read_bytes() == before


def test_an_alias_finds_the_entry_in_show_cite_and_format(mine, tmp_path):
    _import(mine, tmp_path, [{"id": URI, "citation-key": "liuMeiFei2025", **LIU}], "--merge")
    shown = run_cli(["--bib", str(mine), "show", "liuMeiFei2025", "--json"])
    assert shown.exit_code == 0, shown.stderr
    assert json.loads(shown.stdout)[0]["key"] == "liu2025meifei"
    cite = run_cli(["--bib", str(mine), "cite", "liuMeiFei2025", "liu2025meifei"])
    assert cite.exit_code == 0 and cite.stdout.split() == ["[8]"], cite.stderr  # one combined citation, one work
    ref = run_cli(["--bib", str(mine), "format", "liuMeiFei2025", "--to", "text"])
    assert ref.exit_code == 0 and ref.stdout.startswith("[8] 刘琳. 美菲"), ref.stderr
    assert run_cli(["--bib", str(mine), "show", "liuMeiFei2026"]).exit_code == 2
