"""``annobib show``'s screen: name lists as ``list`` shows them, and every style (a bad one is a
usage error, not a silently missing Reference section)."""

from __future__ import annotations

import pytest

from conftest import run_cli

BIB = (
    "@book{a, author = {周琪 and 刘绯}, translator = {Morrow, James D. and Lindsay, James},\n"
    "  editor = {{World Bank} and {\\'E}mile Zola}, title = {Title}, year = {2020}}\n"
)


@pytest.fixture()
def bib(tmp_path):
    path = tmp_path / "show.bib"
    path.write_text(BIB, encoding="utf-8")
    return path


def show(bib, *args):
    env = {"COLUMNS": "120", "ANNOBIB_CACHE_DIR": str(bib.parent / "cache")}
    return run_cli(["--bib", str(bib), "show", *args, "a"], env=env)


def test_name_lists_read_like_list_never_bibtex_and(bib):
    out = show(bib).stdout
    assert "周琪, 刘绯" in out
    assert "Morrow, James D.; Lindsay, James" in out  # a comma inside a name: names split by ;
    assert "World Bank, Émile Zola" in out
    assert "周琪 and 刘绯" not in out


@pytest.mark.parametrize(
    "style, mark", [("gbt7714", "[M]"), ("apa", "(2020)"), ("cn-notes", "周琪 and"), ("chicago", "Zhou Qi")]
)
def test_every_style_gives_a_reference(bib, style, mark):
    r = show(bib, "--style", style)
    assert r.exit_code == 0, r.stderr
    reference = r.stdout.split("Reference", 1)[1]
    assert mark in reference


def test_an_unknown_style_is_a_usage_error_naming_the_choices(bib):
    r = show(bib, "--style", "bogus")
    assert r.exit_code == 2
    assert "'gbt7714', 'apa', 'cn-notes', 'chicago'" in r.stderr
    assert r.stdout == ""
