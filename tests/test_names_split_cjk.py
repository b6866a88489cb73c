"""Zotero / Better BibTeX write CJK names split with a comma (``刘, 琳``): one name, 刘琳, for
display, search (characters and pinyin), keys and formatting."""

from __future__ import annotations

import json

import pytest

from annobib.names import format_name_list, parse_names
from conftest import run_cli

BBT = """@article{liuMeiFeiJianBingJian2025,
  title = {美菲“肩并肩 2025”},
  author = {刘, 琳 and 欧阳, 修},
  date = {2025},
  journaltitle = {世界知识},
  pages = {25--27},
  langid = {chinese}
}
@book{sato2020,
  title = {日本の外交},
  author = {佐藤, 優},
  date = {2020},
  langid = {japanese}
}
@book{kim2019,
  title = {한국 외교},
  author = {김，민수},
  date = {2019}
}
"""


@pytest.fixture()
def bib(tmp_path):
    path = tmp_path / "zotero.bib"
    path.write_text(BBT, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "value, whole, family, given",
    [
        ("刘, 琳", "刘琳", "刘", "琳"),
        ("欧阳, 修", "欧阳修", "欧阳", "修"),
        ("刘，琳", "刘琳", "刘", "琳"),
        ("김, 민수", "김민수", "김", "민수"),
        ("刘琳", "刘琳", "刘", "琳"),
    ],
)
def test_a_split_name_is_one_name(value, whole, family, given):
    (name,) = parse_names(value)
    assert (name.text, name.last, name.family, name.given) == (whole, whole, family, given)
    assert name.romanized()[0] == {"刘": "Liu", "欧阳": "Ouyang", "김": "Kim"}[family]


def test_japanese_keeps_a_space_and_writing_back_keeps_the_split():
    (name,) = parse_names("佐藤, 優", "japanese")
    assert name.text == "佐藤 優" and (name.family, name.given) == ("佐藤", "優")
    assert format_name_list(parse_names("刘, 琳 and 司, 马迁")) == "刘琳 and 司, 马迁"  # 司马 / 迁 otherwise


def test_list_shows_whole_names(bib):
    data = json.loads(run_cli(["--bib", str(bib), "list", "--json"]).stdout)
    assert [d["authors"] for d in data] == ["刘琳, 欧阳修", "佐藤 優", "김민수"]
    table = run_cli(["--bib", str(bib), "list"]).stdout
    assert "刘琳, 欧阳修" in table and "刘, 琳" not in table


@pytest.mark.parametrize("query", ["刘琳", "liulin", "liu lin", "author:liulin", "author:欧阳修", "ouyangxiu"])
def test_search_finds_a_split_name(bib, query):
    r = run_cli(["--bib", str(bib), "search", query, "--format", "keys"])
    assert r.exit_code == 0, r.stderr
    assert r.stdout.split() == ["liuMeiFeiJianBingJian2025"]


def test_search_finds_split_japanese_and_korean(bib):
    assert run_cli(["--bib", str(bib), "search", "佐藤優", "--format", "keys"]).stdout.split() == ["sato2020"]
    assert run_cli(["--bib", str(bib), "search", "김민수", "--format", "keys"]).stdout.split() == ["kim2019"]


def test_formatting_reads_one_name(bib):
    gbt = run_cli(["--bib", str(bib), "format", "liuMeiFeiJianBingJian2025", "--to", "text"]).stdout
    assert "刘琳，欧阳修. 美菲" in gbt
    apa = run_cli(["--bib", str(bib), "format", "--style", "apa", "liuMeiFeiJianBingJian2025", "--to", "text"]).stdout
    assert apa.startswith("Liu, L., & Ouyang, X. (2025).")


def test_a_key_made_for_a_split_name_is_pinyin(tmp_path):
    src = tmp_path / "in.bib"
    src.write_text("@article{,\n  title = {美菲肩并肩},\n  author = {刘, 琳},\n  date = {2025}\n}\n", encoding="utf-8")
    target = tmp_path / "mine.bib"
    target.write_text("", encoding="utf-8")
    r = run_cli(["--bib", str(target), "import", str(src)])
    assert r.exit_code == 0, r.stderr
    assert "@article{liu2025" in target.read_text(encoding="utf-8")
