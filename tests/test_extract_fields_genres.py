"""Generated from the genre table of the fields stage (annobib.extract.fields.GENRES): every row's
examples are parsed with parse_citation and must give the row's expected entry type, locator and
fields, and must be taken by that very row (not by an earlier one in the table).

The examples live in the table itself (each is copied from an existing test); add a row or an
example there and it is tested here without touching this file."""

import pytest

from annobib.extract.fields import GENRES, genre_of, parse_citation

EXAMPLES = [(genre, note, expected) for genre in GENRES for note, expected in genre.examples]


@pytest.mark.parametrize(
    "genre,note,expected", EXAMPLES, ids=[f"{g.name}-{i}" for i, (g, _n, _e) in enumerate(EXAMPLES)]
)
def test_genre_row_example(genre, note, expected):
    p = parse_citation(note)
    assert genre_of(note) is genre
    assert p.type == expected["type"]
    if "locator" in expected:
        assert p.locator == expected["locator"]
    assert {k: p.fields.get(k) for k in expected["fields"]} == expected["fields"]


def test_rows_have_unique_names_and_the_last_row_takes_anything():
    assert len({g.name for g in GENRES}) == len(GENRES)
    assert GENRES[-1].trigger("anything at all")
