"""A narrow terminal drops whole columns (language, type, times cited, container) before it
cuts keys, which ``show`` needs whole."""

from __future__ import annotations

import re

import pytest

from conftest import ARTICLE_BIB, run_cli


def table(width: int, *args: str) -> list[str]:
    res = run_cli(["--bib", str(ARTICLE_BIB), "list", *args], env={"COLUMNS": str(width)})
    assert res.exit_code == 0, res.stderr
    return res.stdout.splitlines()


@pytest.mark.parametrize("width", [50, 60, 80])
def test_keys_stay_whole_and_lines_fit(width):
    keys = run_cli(["--bib", str(ARTICLE_BIB), "list", "--format", "keys"]).stdout.split()
    lines = table(width)
    assert all(len(line) <= width for line in lines)
    shown = [line.split()[0] for line in lines[1:]]
    assert shown == keys  # not one key cut short


def test_columns_go_in_order_as_the_terminal_narrows():
    def headers(width):
        return re.findall(r"[A-Z][a-z]+", table(width, "--limit", "3")[0])

    assert headers(160) == ["Key", "Type", "Authors", "Year", "Title", "Container", "Lang", "Cited"]
    assert "Lang" not in headers(80) and "Type" not in headers(80) and "Title" in headers(80)
    assert headers(50) == ["Key", "Authors", "Year", "Title"]
