"""``annobib config`` on a narrow terminal and in a pipe: identifiers (settings, variables) are
never broken mid-word, lines fit the terminal, and piped lines are whole with no trailing spaces."""

from __future__ import annotations

import pytest

from annobib.commands.config import layout
from annobib.config import SETTINGS
from conftest import run_cli

HEAD = ["config file: /home/u/.config/annobib/config.toml", "bibliography: a.bib, b.bib (from --bib; order: x > y > z)"]
CELLS = [(s.key, str(s.default) if s.default is not None else "–", "default", s.env) for s in SETTINGS]


def tokens(lines: list[str]) -> set[str]:
    return {word for line in lines for word in line.replace(";", " ").split()}


@pytest.mark.parametrize("width", [40, 60, 80, 100, 160])
def test_identifiers_stay_whole_and_lines_fit(width):
    lines = layout(HEAD, CELLS, width)
    words = tokens(lines)
    assert all(s.key in words and s.env in words for s in SETTINGS)
    assert all(len(line) <= width or " " not in line.strip() for line in lines)
    assert all(line == line.rstrip() for line in lines)


def test_narrow_terminals_stack_and_wide_ones_align():
    stacked = layout(HEAD, CELLS, 60)
    assert "links.per_host_concurrency = 2" in stacked
    table = layout(HEAD, CELLS, 160)
    assert table[2].split() == ["setting", "value", "from", "variable"]


def test_piped_every_row_is_whole_without_trailing_spaces(tmp_path):
    env = {"COLUMNS": "60", "ANNOBIB_CONFIG": str(tmp_path / "none.toml")}
    r = run_cli(["--bib", "a.bib", "--bib", "b.bib", "config"], env=env)
    assert r.exit_code == 0, r.stderr
    lines = r.stdout.splitlines()
    assert all(line == line.rstrip() for line in lines)
    assert lines[1].startswith("bibliography: a.bib, b.bib (from --bib;") and lines[1].endswith("here)")
    assert len(lines) == 3 + len(SETTINGS)  # two head lines, the header, one line per setting
    for s in SETTINGS:
        assert any(line.startswith(s.key + " ") and line.endswith(s.env) for line in lines), s.key
