"""Round 10, F1: a ``date`` with an EDTF season (``2020-21``) or an impossible month or day
(``2020-13-45``) is read by one tolerant parser in every style, never an internal error."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annobib.bib import parse_library
from annobib.core.months import split_date
from annobib.styles import cite, format_bibliography, render
from conftest import run_cli

STYLES = [
    ("gbt7714", "2025"),
    ("gbt7714", "2015"),
    ("apa", None),
    ("chicago", None),
    ("cn-notes", None),
]
DATES = ["2020-21", "2020-24", "2020-13-45", "2020-13", "2020-20", "2020-25", "2020-99", "2020-00", "2020-12-45"]
DATES += ["2020-02-30", "2020-21-03", "2020-05-00", "2020-13-45/2021-21", "2015-21"]
# dated APA types, a Chinese note, a Bluebook date (legal), a newspaper article
SHAPES = [
    "@misc{{k{i}, title={{D}}, date={{{d}}}}}",
    "@article{{n{i}, title={{N}}, journaltitle={{The Times}}, entrysubtype={{newspaper}}, date={{{d}}}}}",
    "@online{{o{i}, title={{O}}, url={{https://example.org/}}, date={{{d}}}}}",
    "@article{{c{i}, author={{刘琳}}, title={{美菲关系}}, journaltitle={{世界知识}}, langid={{chinese}}, date={{{d}}}}}",
    "@jurisdiction{{j{i}, title={{Doe v. Roe}}, institution={{Supreme Court}}, number={{12}}, date={{{d}}}}}",
]


def _bib(tmp_path):
    text = "\n".join(s.format(i=i, d=d) for i, d in enumerate(DATES) for s in SHAPES) + "\n"
    path = tmp_path / "dates.bib"
    path.write_text(text, encoding="utf-8")
    return path


def test_split_date_reads_seasons_and_drops_impossible_parts():
    assert split_date("2025-02-22") == ("2025", 2, 22, None)
    assert split_date("2025-02") == ("2025", 2, None, None)
    assert split_date("2020-21") == ("2020", None, None, 1)
    assert split_date("2020-24") == ("2020", None, None, 4)
    for bad in ("2020-13-45", "2020-13", "2020-20", "2020-25", "2020-00", "2020-12-45", "2019-02-29", "2020-21-03"):
        assert split_date(bad) == ("2020" if bad.startswith("2020") else "2019", None, None, None), bad
    assert split_date("2020-02-29") == ("2020", 2, 29, None)
    assert split_date("n.d.") is None and split_date("") is None and split_date(None) is None


@pytest.mark.parametrize("style,edition", STYLES)
def test_every_style_and_output_takes_seasons_and_impossible_dates(tmp_path, style, edition):
    bib = _bib(tmp_path)
    ed = ["--edition", edition] if edition else []
    for to in ("text", "md", "html", "latex", "terminal"):
        res = run_cli(["--bib", str(bib), "format", "--style", style, *ed, "--to", to])
        assert res.exit_code == 0, (style, to, res.stderr)
        assert "internal error" not in res.stderr
        assert "2020" in res.stdout
    res = run_cli(["--bib", str(bib), "cite", "--style", style, *ed, "k0", "k2", "c0"])
    assert res.exit_code == 0 and res.stdout.strip(), res.stderr
    res = run_cli(["--bib", str(bib), "show", "k0", "--style", style, *ed])
    assert "internal error" not in res.stderr


def test_seasons_are_named_and_impossible_dates_give_the_year(tmp_path):
    lib = parse_library(
        "@article{s, title={S}, journaltitle={The Times}, entrysubtype={newspaper}, date={2020-21}}\n"
        "@article{b, title={B}, journaltitle={The Times}, entrysubtype={newspaper}, date={2020-13-45}}\n"
        "@article{c, author={刘琳}, title={美菲}, journaltitle={人民日报}, entrysubtype={newspaper}, langid={chinese}, date={2020-22}}\n"
        "@misc{w, title={W}, date={2020-24}}\n"
    )
    entries = lib.entries

    def text(style):
        return {r.key: render(r.text, "text") for r in format_bibliography(entries, style)}

    apa = text("apa")
    assert "(2020, Spring)" in apa["s"] and "(2020)" in apa["b"] and "45" not in apa["b"]
    chicago = text("chicago")
    assert "Winter 2020" in chicago["w"] and "13" not in chicago["b"] and "45" not in chicago["b"]
    notes = text("cn-notes")
    assert "2020 年夏季" in notes["c"], notes["c"]


_DATE_TEXT = st.one_of(
    st.text(alphabet="0123456789-/.T:~?X ", max_size=24),
    st.builds(
        lambda y, m, d: f"{y:04d}-{m:02d}" + (f"-{d:02d}" if d is not None else ""),
        st.integers(0, 9999),
        st.integers(0, 99),
        st.one_of(st.none(), st.integers(0, 99)),
    ),
)


@settings(max_examples=60, deadline=None)
@given(_DATE_TEXT)
def test_any_date_string_goes_through_each_style(date):
    """Each style's date function (through its whole entry), fed random date strings."""
    from annobib.styles import _legal, chicago, cnnotes

    safe = date.replace("{", "").replace("}", "")
    lib = parse_library(
        f"@article{{a, title={{T}}, journaltitle={{The Times}}, entrysubtype={{newspaper}}, date={{{safe}}}}}\n"
        f"@misc{{m, title={{M}}, date={{{safe}}}}}\n"
    )
    entries = lib.entries
    for style in ("gbt7714", "apa", "chicago", "cn-notes"):
        refs = format_bibliography(entries, style)
        assert len(refs) == 2
        cite(entries, ["a"], style)
    chicago.long_date(entries[0])
    cnnotes.date_text(safe)
    _legal.bluebook_date(safe)
