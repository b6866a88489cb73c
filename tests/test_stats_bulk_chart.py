"""`stats` charts of thousands of rows (one language or year per entry) are laid out in one pass,
byte for byte as the Rich table lays out the short ones."""

from __future__ import annotations

import io
import random

from conftest import best_cpu
from rich.console import Console

from annobib.commands import stats as st


def _printed(renderable, width: int, color: bool) -> str:
    out = io.StringIO()
    con = Console(
        file=out,
        width=width,
        force_terminal=color,
        color_system="standard" if color else None,
        no_color=not color,
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=False,
    )
    con.print(renderable)
    return out.getvalue()


def _table(items, width):
    """The chart as a Rich table, however many rows."""
    saved, st.BULK_ROWS = st.BULK_ROWS, 10**9
    try:
        return st._chart("T", items, width)[1]
    finally:
        st.BULK_ROWS = saved


def test_bulk_chart_prints_what_the_table_prints():
    rnd = random.Random(12)
    alphabets = ("abcxyz.-? 0123", "abc 中文éＡ\x1b\u202e\u200b", "é\u0301a中")
    laid_out = 0
    for _ in range(120):
        width = rnd.choice([8, 12, 16, 30, 80, 100, 200])
        alpha = rnd.choice(alphabets)
        items = [
            (
                "".join(rnd.choice(alpha) for _ in range(rnd.randint(0, rnd.choice([8, 60])))),
                rnd.choice([0, 1, 17, 90000]),
            )
            for _ in range(rnd.randint(1, 25))
        ]
        fast = st._chart_text(items, width)
        if fast is None:  # left to the table (combining marks, columns Rich shrinks its own way)
            continue
        laid_out += 1
        for color in (False, True):
            assert _printed(fast, width, color) == _printed(_table(items, width), width, color), (items, width)
    assert laid_out > 60


def test_long_charts_take_the_bulk_path_and_grow_linearly():
    def chart(n):
        items = [(f"lang{k}", n - k) for k in range(n)]
        return lambda: _printed(st._chart("By language", items, 100)[1], 100, False)

    assert st.BULK_ROWS < 2000
    small, big = best_cpu(chart(2000)), best_cpu(chart(8000))
    assert big < 6 * small + 0.05, (small, big)
    assert big < 1.0  # the Rich table of 8,000 rows: about 1.5 s
