"""GB/T 7714 names written with a CJK family name: a foreign name in Chinese translation drops its
Latin initials (the standard's 8.1.1 example 3, ``昂温``); a CJK name split by Zotero (``刘, 琳``)
is one name written whole."""

from __future__ import annotations

import re

import pytest

from annobib.bib import parse_library
from annobib.styles import format_bibliography, render


def formatted(author: str, edition: str, system: str = "numeric", langid: str = "chinese") -> str:
    lib = parse_library(f"@book{{a, author = {{{author}}}, langid = {{{langid}}}}}")
    return render(format_bibliography(lib.entries, "gbt7714", edition, system)[0].text, "text")


@pytest.mark.parametrize("edition", ["2025", "2015"])
def test_a_translated_foreign_name_drops_its_latin_initial(edition):
    assert formatted("昂温, S.", edition).startswith("昂温.")
    assert re.match(r"昂温[,，] ?(2015 年|无日期|n\.d\.)", formatted("昂温, S.", edition, "author-date"))
    assert formatted("昂温 S.", edition).startswith("昂温.")


@pytest.mark.parametrize("author, written", [("刘, 琳", "刘琳"), ("刘琳", "刘琳"), ("김세훈", "김세훈")])
def test_a_cjk_name_is_written_whole(author, written):
    assert formatted(author, "2025").startswith(written + ".")


def test_a_latin_name_keeps_its_initials():
    assert re.match(r"Unwin G[,，] ?Unwin P S\.", formatted("Unwin, G. and Unwin, P. S.", "2025", langid="english"))
