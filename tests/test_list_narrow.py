"""A narrow terminal drops whole columns (language, type, times cited, container) before it
cuts keys, which ``show`` needs whole; piped, the table is never cut."""

from __future__ import annotations

import re

import pytest

from conftest import ARTICLE_BIB, run_cli


def table(width: int, *args: str) -> list[str]:
    """The table as a terminal ``width`` columns wide gets it (the fitter the Rich table uses)."""
    from annobib.commands.listing import cells, plain_table
    from annobib.lookup.view import load_view

    view = load_view(ARTICLE_BIB, use_cache=False)
    n = int(args[1]) if args[:1] == ("--limit",) else len(view)
    return plain_table([cells(s) for s in view.summaries[:n]], width).splitlines()


def test_piped_table_keeps_every_value_whole():
    """`annobib list | grep` finds a long title: piped, nothing is cut, whatever COLUMNS says."""
    import json

    res = run_cli(["--bib", str(ARTICLE_BIB), "list"], env={"COLUMNS": "80"})
    assert res.exit_code == 0, res.stderr
    data = json.loads(run_cli(["--bib", str(ARTICLE_BIB), "list", "--json"]).stdout)
    assert max(len(d["title"]) for d in data) > 80
    assert all(d["title"] in res.stdout and (d["container"] or "") in res.stdout for d in data)
    lines = res.stdout.splitlines()
    assert [line.split()[0] for line in lines[1:]] == [d["key"] for d in data]
    start = lines[0].index("Title")  # columns stay aligned: every title starts under its header
    assert all(line[start:].startswith(d["title"]) for line, d in zip(lines[1:], data) if d["title"].isascii())


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


def test_piped_link_tables_keep_urls_whole(tmp_path):
    """`check-links`, `archive` and `list --links` piped: a long URL stays on one line."""
    url = (
        "https://www.defense.gov/News/Transcripts/Transcript/Article/4066734/"
        "secretary-of-defense-pete-hegseth-press-conference-following-nato-ministers-of/"
    )
    bib = tmp_path / "l.bib"
    bib.write_text(f"@online{{dod2025, title = {{T}}, date = {{2025}}, url = {{{url}}}}}\n", encoding="utf-8")
    res = run_cli(["--bib", str(bib), "list", "--links"], env={"COLUMNS": "60"})
    assert res.exit_code == 0, res.stderr
    assert any(line.rstrip().endswith(url) and line.startswith("dod2025") for line in res.stdout.splitlines())
