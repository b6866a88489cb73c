"""tag (the keywords field) and rm (confirmation, restorable output, all-or-nothing)."""

from __future__ import annotations

import json

import pytest
from conftest import run_cli

from annobib.bib import read_library
from annobib.editing import change_tags, has_tags
from annobib.model import Entry

LIB = """@article{a2025,
  title    = {A},
  keywords = {alliance, Asia},
}

@string{wp = {World Politics}}

@article{b2025,
  title   = {B},
  journal = wp,
}

@book{c2025,
  title = {C},
}
"""


@pytest.fixture
def bib(tmp_path):
    path = tmp_path / "lib.bib"
    path.write_text(LIB, encoding="utf-8")
    return path


def tags(bib, key):
    return read_library(bib).get(key).fields.get("keywords")


def test_change_tags_is_case_insensitive_and_ordered():
    e = Entry("k", "book", {"keywords": "alliance, Asia"})
    assert change_tags(e, add=["asia", "Japan", "japan"], remove=["ALLIANCE"]) == (["Japan"], ["alliance"])
    assert e.fields["keywords"] == "Asia, Japan"
    assert has_tags(e, ["asia"]) and has_tags(e, ["asia", "-alliance"]) and not has_tags(e, ["-japan"])
    change_tags(e, remove=["asia", "japan"])
    assert "keywords" not in e.fields
    with pytest.raises(Exception, match="comma"):
        change_tags(e, add=["a,b"])


def test_tag_add_and_remove(bib):
    r = run_cli(["--bib", str(bib), "tag", "a2025", "+todo", "-alliance"])
    assert r.exit_code == 0, r.stderr
    assert tags(bib, "a2025") == "Asia, todo"
    r = run_cli(["--bib", str(bib), "tag", "b2025", "c2025", "+todo", "--dry-run"])
    assert r.exit_code == 0 and "+  keywords = {todo}," in r.stdout
    assert tags(bib, "b2025") is None
    assert run_cli(["--bib", str(bib), "tag", "b2025", "c2025", "+todo"]).exit_code == 0
    assert tags(bib, "b2025") == tags(bib, "c2025") == "todo"
    assert "journal = wp," in bib.read_text(encoding="utf-8")  # the macro stays as written


def test_tag_listing(bib):
    run_cli(["--bib", str(bib), "tag", "b2025", "+Asia"])
    r = run_cli(["--bib", str(bib), "tag", "--json"])
    assert json.loads(r.stdout) == [{"tag": "Asia", "entries": 2}, {"tag": "alliance", "entries": 1}]
    r = run_cli(["--bib", str(bib), "tag", "a2025"])
    assert r.stdout == "a2025\talliance, Asia\n"


def test_tag_errors(bib):
    r = run_cli(["--bib", str(bib), "tag", "zzz", "+x"])
    assert r.exit_code == 2 and "no entry with key 'zzz'" in r.stderr
    r = run_cli(["--bib", str(bib), "tag", "+x"])
    assert r.exit_code == 2 and "which entry" in r.stderr
    assert bib.read_text(encoding="utf-8") == LIB


def test_rm_prints_the_entries_and_they_can_be_restored(bib, tmp_path):
    r = run_cli(["--bib", str(bib), "rm", "a2025", "b2025"])
    assert r.exit_code == 0, r.stderr
    assert read_library(bib).keys() == ["c2025"]
    assert "@article{a2025," in r.stdout and "journal = wp," in r.stdout
    assert "removed 2 entries" in r.stderr
    saved = tmp_path / "removed.bib"
    saved.write_text("@string{wp = {World Politics}}\n" + r.stdout, encoding="utf-8")
    assert run_cli(["--bib", str(bib), "import", str(saved)]).exit_code == 0
    lib = read_library(bib)
    assert sorted(lib.keys()) == ["a2025", "b2025", "c2025"]
    assert lib.get("b2025").get("journaltitle") == "World Politics"


def test_rm_unknown_key_removes_nothing(bib):
    r = run_cli(["--bib", str(bib), "rm", "a2025", "nope"])
    assert r.exit_code == 2 and "nope" in r.stderr
    assert bib.read_text(encoding="utf-8") == LIB


def test_rm_dry_run(bib):
    r = run_cli(["--bib", str(bib), "rm", "c2025", "--dry-run"])
    assert r.exit_code == 0 and "-@book{c2025," in r.stdout
    assert bib.read_text(encoding="utf-8") == LIB


def test_rm_asks_on_a_terminal(bib, monkeypatch):
    import annobib.commands.rm as rm_module

    class Tty:
        def isatty(self):
            return True

    monkeypatch.setattr(rm_module, "sys", type("S", (), {"stdin": Tty()}))
    r = run_cli(["--bib", str(bib), "rm", "c2025"], input="n\n")
    assert r.exit_code == 1 and "nothing removed" in r.stderr
    assert bib.read_text(encoding="utf-8") == LIB
    r = run_cli(["--bib", str(bib), "rm", "c2025"], input="y\n")
    assert r.exit_code == 0
    assert read_library(bib).keys() == ["a2025", "b2025"]
    r = run_cli(["--bib", str(bib), "rm", "--yes", "b2025"])  # --yes: no question
    assert r.exit_code == 0 and read_library(bib).keys() == ["a2025"]


def test_list_and_search_filter_by_tag(bib):
    assert run_cli(["--bib", str(bib), "tag", "c2025", "+alliance", "+todo"]).exit_code == 0
    env = {"ANNOBIB_NO_CACHE": "1"}
    r = run_cli(["--bib", str(bib), "list", "--tag", "alliance", "--format", "keys"], env=env)
    assert r.exit_code == 0, r.stderr
    assert r.stdout.split() == ["a2025", "c2025"]
    r = run_cli(["--bib", str(bib), "list", "--tag", "alliance", "--tag", "-todo", "--format", "keys"], env=env)
    assert r.stdout.split() == ["a2025"]
    r = run_cli(["--bib", str(bib), "search", "tag:todo", "--format", "keys"], env=env)
    assert r.stdout.split() == ["c2025"]
