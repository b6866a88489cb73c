"""Long notes stay linear: a 100,000-character note is extracted in about a second at most.

Each shape below once hit a quadratic path (a ``.*,`` search run from every word, a tail re-scored
at every full stop, nesting recounted from the start at every stop); the bound is loose enough for
a busy CI machine and far below what those paths took (3-8 s for 100,000 characters).
"""

from __future__ import annotations

import itertools
import time

import pytest

from annobib.extract import extract_notes, extract_text

SHAPES = {
    "words-no-comma": ["see "],
    "dashes-opcit": ["—", "op. cit."],
    "stops-and-words": ["。", " ", "and ", "É"],
    "marks-law": ["a", "「題」", "『本』", "98 Colum. L. Rev. 345"],
    "years-volumes": ["1999年", "Vol. 2, No. 3 (1950), "],
    "colons-eds": ["：", "eds. "],
}
LIMIT_S = 1.5


def _body(parts: list[str], size: int) -> str:
    return "".join(itertools.islice(itertools.cycle(parts), size))[:size]


@pytest.fixture(scope="module", autouse=True)
def _warm():
    extract_notes("1 王某：《大国关系》，北京：某某出版社2015年版，第12页。\n")  # tables loaded once


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_a_long_note_is_linear(name):
    text = "1 " + _body(SHAPES[name], 100_000) + "\n"
    started = time.perf_counter()
    extract_notes(text)
    assert time.perf_counter() - started < LIMIT_S


def test_a_long_article_is_linear():
    text = _body(["正文", "[1]", "。", "\n", "①", "《书》"], 100_000) + "\n\n[1] 王某：《书》，2015年。\n"
    started = time.perf_counter()
    extract_text(text)
    assert time.perf_counter() - started < LIMIT_S
