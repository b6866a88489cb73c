"""Long notes stay linear: a 100,000-character note is extracted in about a second at most.

Each shape below once hit a quadratic path (a ``.*,`` search run from every word, a tail re-scored
at every full stop, nesting recounted from the start at every stop); the bound is loose enough for
a busy CI machine and far below what those paths took (3-8 s for 100,000 characters).
"""

from __future__ import annotations

import itertools
import time

import pytest
from conftest import best_cpu

from annobib.extract import extract_notes, extract_text

SHAPES = {
    "words-no-comma": ["see "],
    "dashes-opcit": ["—", "op. cit."],
    "stops-and-words": ["。", " ", "and ", "É"],
    "marks-law": ["a", "「題」", "『本』", "98 Colum. L. Rev. 345"],
    "years-volumes": ["1999年", "Vol. 2, No. 3 (1950), "],
    "colons-eds": ["：", "eds. "],
    "comma-runs": ["word, "],  # one title part per comma: each once sliced the rest of the note
    "name-runs": ["Smith J, ", "Jones K. ", "and Li W, "],
    "quote-mix-words": ["‘Word ", "“A ‘B", "” ", "(2019", " in "],
    "glossed-romanization": ["Wang Hui 汪晖, ", "Xiandai 现代 ", "ed. Ye 叶 "],  # each gloss once scanned back
    "hereinafter-see-also": ["[hereinafter ", "Roe] ", "A. ", "On this see ", "also Ann Roe, "],
}
QUOTES = [*"‘’“”'\"«»‹›「」『』„‚`《》", "“‘«「『"]
LIMIT_S = 1.5


def _body(parts: list[str], size: int) -> str:
    return "".join(itertools.islice(itertools.cycle(parts), size))[:size]


@pytest.fixture(scope="module", autouse=True)
def _warm():
    extract_notes("1 王某：《大国关系》，北京：某某出版社2015年版，第12页。\n")  # tables loaded once


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_a_long_note_is_linear(name):
    text = "1 " + _body(SHAPES[name], 100_000) + "\n"
    assert best_cpu(lambda: extract_notes(text), repeat=1) < LIMIT_S  # CPU: the machine is shared


@pytest.mark.parametrize("quotes", QUOTES)
def test_a_long_run_of_quotes_is_linear(quotes):
    # a run of ‘ once retried a quoted-title search at each ‘ up to the run's end
    text = "1. " + _body([quotes], 100_000) + "Smith. J, 2020.\n"
    assert best_cpu(lambda: extract_notes(text), repeat=1) < LIMIT_S  # CPU: the machine is shared


SPACES = ["\u3000", "\u2002", "\u2003", "\u2007", "\u200a", "\u202f", "\u205f", "\u1680"]


@pytest.mark.parametrize("space", SPACES)
def test_a_long_run_of_unicode_spaces_is_linear(space):
    # a journal name searched lazily, and an author list split at " and ", once rescanned a run of
    # non-ASCII spaces from each of its positions (10,000 took 1.4 s, 100,000 never ended)
    half = space * 50_000
    for text in (
        "1. Smith, John. " + space * 100_000 + " Oxford: OUP, 2020.\n",
        '1. Smith, John, "' + half + '", Journal of ' + half + ", 2020, 5(2): 1-9.\n",
    ):
        assert best_cpu(lambda: extract_notes(text), repeat=1) < LIMIT_S  # CPU: the machine is shared


def test_quoted_title_search_grows_linearly_in_quote_runs():
    from annobib.extract.fields.lawcites import law_journal_style

    def cost(n: int) -> float:
        return best_cpu(lambda: law_journal_style("‘" * n + "Smith. J, 2020."))

    small, large = cost(5_000), cost(20_000)
    assert large < 8 * small  # 4x the ‘: about 4x the time, was about 16x


def test_a_long_article_is_linear():
    text = _body(["正文", "[1]", "。", "\n", "①", "《书》"], 100_000) + "\n\n[1] 王某：《书》，2015年。\n"
    assert best_cpu(lambda: extract_text(text), repeat=1) < LIMIT_S  # CPU: the machine is shared


def test_a_long_punctuation_article_is_linear():
    # numbers past 999 start no note, so every later line (none ends a sentence) runs on note
    # 999: the note's end was tested by joining all its lines again at each new line
    text = "".join(f"{i}. ()[]{{}}.,;:!?" + "\n" for i in range(1, 9_000))[:100_000]
    assert best_cpu(lambda: extract_text(text), repeat=1) < LIMIT_S  # CPU: the machine is shared


def test_a_run_on_note_joins_each_line_once(monkeypatch):
    from annobib.extract import notes as N

    joined: list[int] = []
    real = N.join_lines
    monkeypatch.setattr(N, "join_lines", lambda lines: joined.append(len(lines)) or real(lines))
    lines = 4_000
    extract_text("".join(f"{i}. ()[]{{}}.,;:!?" + "\n" for i in range(1, lines)))
    assert sum(joined) < 10 * lines  # was ~lines²/2: the whole note joined at every line


def test_title_parts_read_a_bounded_look_ahead(monkeypatch):
    from annobib.extract.fields import western as W

    seen: list[int] = []
    real = W._credit_or_place_ends_title
    monkeypatch.setattr(
        W, "_credit_or_place_ends_title", lambda s, a, p, f, later: seen.append(len(later)) or real(s, a, p, f, later)
    )
    extract_notes("1. Smith J. " + "word, " * 3_000 + "J, 2020.\n")
    assert seen and max(seen) <= 8  # was the rest of the note, sliced at each of its parts


def test_comma_runs_grow_linearly():
    def cost(n: int) -> float:
        text = "1. Smith J. " + "word, " * n + "J, 2020.\n"
        t0 = time.process_time()
        extract_notes(text)
        return time.process_time() - t0

    small, large = cost(4_000), cost(16_000)
    assert large < 10 * max(small, 0.01)  # 4x the length: ~4x linear, ~16x quadratic


def test_a_long_short_title_looks_up_only_title_lengths():
    from annobib.extract.titleindex import TitleIndex

    class Counted(dict):
        gets = 0

        def get(self, *a):
            Counted.gets += 1
            return super().get(*a)

    index = TitleIndex()
    for i, title in enumerate(["war and peace", "peace", "war"]):
        index.add(i, title, title)
    index._whole = Counted(index._whole)
    assert index.candidates("war and peace" + " and more" * 10_000) == [2, 0]  # latest first
    assert Counted.gets <= 3  # one per title length; was one per character of the short title


def test_the_kept_note_end_answers_as_joining_the_note():
    import random

    from annobib.extract.document import join_lines
    from annobib.extract.notes import _note_complete, _NoteEnd

    toks = [
        "a",
        "X",
        " ",
        "-",
        "/",
        ":",
        ".",
        "。",
        ")",
        "http://",
        "https://",
        "中",
        ",",
        "\t",
        "in-",
        "ht",
        "tp",
        ":/",
    ]
    rng = random.Random(7)
    for _ in range(3_000):
        lines = ["".join(rng.choice(toks) for _ in range(rng.randint(0, 5))) for _ in range(rng.randint(1, 6))]
        end = _NoteEnd([])
        for i, line in enumerate(lines):
            end.add(line)
            assert end.complete() == _note_complete(join_lines(lines[: i + 1])), lines[: i + 1]


def test_a_long_run_of_spaced_digits_is_linear():
    # digits a PDF spaced out (2 0 1 6 年) are joined from a run's first digit only: a match tried
    # from every digit of a run with no counter after it rescanned the run (5,000 digits: 0.9 s)
    text = "1 『港』" + "1 " * 50_000 + "x\n"
    assert best_cpu(lambda: extract_notes(text), repeat=1) < LIMIT_S  # CPU: the machine is shared


def test_glossed_note_grows_linearly_in_glosses():
    from annobib.extract.fields.glossed import parse_glossed

    def cost(n: int) -> float:
        return best_cpu(
            lambda: parse_glossed("Wang Hui 汪晖, " + "Xiandai 现代 " * n + "(Beijing: Sanlian, 2004), 1:23.")
        )

    small, large = cost(2_000), cost(8_000)
    assert large < 8 * small  # 4x the glosses: about 4x the time (each value was matched against each)
