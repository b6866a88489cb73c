"""Inputs under 1 MB that took seconds cold (round 7): each stage does work in proportion to
the input, once. Timing tests compare an input with its 4x larger copy (a generous ratio,
never an absolute bar), so a loaded machine does not make them flaky."""

from __future__ import annotations

import io
import time

import pytest


def _cpu(fn, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.process_time()
        fn()
        best = min(best, time.process_time() - t)
    return best


def _linear(make, run, n: int, ratio: float = 8.0) -> None:
    """``run(make(4n))`` costs at most ``ratio`` times ``run(make(n))`` (linear: 4)."""
    small, big = make(n), make(4 * n)
    run(small)  # warm: imports, compiled patterns
    t_small = max(_cpu(lambda: run(small)), 1e-3)
    t_big = _cpu(lambda: run(big))
    assert t_big / t_small < ratio, (t_small, t_big)


# --- show: thousands of fields --------------------------------------------------------------


def _panel(rows, width: int) -> str:
    from rich.console import Console
    from rich.panel import Panel

    out = io.StringIO()
    con = Console(file=out, width=width, color_system=None, highlight=False, markup=False, emoji=False)
    con.print(Panel(rows, expand=True))
    return out.getvalue()


@pytest.mark.parametrize("width", [30, 60, 100])
def test_show_rows_lay_out_as_the_rich_grid_did(width):
    from rich.table import Table
    from rich.text import Text

    from annobib.render.wrap import Rows, Wrapped

    fields = [
        ("author", "刘琳 and Morrow, James D."),
        ("title", "美菲“肩并肩 2025”，美国新版“印太战略”现端倪 — and an English title long enough to wrap twice"),
        ("url", "https://www.defense.gov/News/Transcripts/Transcript/Article/4066734/secretary-of-defense/"),
        ("journaltitle", "世界知识"),
        ("note", "first line\nsecond line"),
    ]
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    for name, value in fields:
        grid.add_row(Text(name), Wrapped(Text(value)))
    rows = Rows([(name, Text(value)) for name, value in fields])
    assert _panel(rows, width) == _panel(grid, width)


def test_a_long_field_name_leaves_its_value_room():
    from rich.text import Text

    from annobib.render.wrap import Rows

    out = _panel(Rows([("averyveryveryverylongfieldnamethatgoesonandon", Text("the value"))]), 40)
    assert "the value" in out and "averyvery" in out and "…" in out  # the grid showed no value at all


def test_show_with_thousands_of_fields_counts_the_rest(cli_run, tmp_path):
    bib = tmp_path / "many.bib"
    bib.write_text("@misc{a,\n" + "".join(f" f{i} = {{v{i}}},\n" for i in range(3000)) + "}\n", encoding="utf-8")
    r = cli_run(["--bib", str(bib), "show", "a"])
    assert r.exit_code == 0, r.stderr
    assert "f999 " in r.stdout and "f1000 " not in r.stdout
    assert "2,000 more fields (--json or --bibtex shows all)" in r.stdout
    r = cli_run(["--bib", str(bib), "show", "a", "--json"])
    assert '"f2999": "v2999"' in r.stdout


def test_show_rows_render_in_linear_time():
    from rich.text import Text

    from annobib.render.wrap import Rows

    _linear(lambda n: Rows([(f"f{i}", Text(f"value {i}")) for i in range(n)]), lambda rows: _panel(rows, 100), 500)
