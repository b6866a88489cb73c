"""Bad input seen through every command: empty bibliographies, broken blocks under editing
commands, raw escapes in `show --bibtex`, pathological nesting in `format`."""

from __future__ import annotations

import pytest

from annobib.core.sanitize import terminal_lines as safe_lines

from conftest import run_cli

TRUNCATED = """@article{ok2020,
  author = {Morrow, James D.},
  title = {Alliances and Asymmetry},
  journaltitle = {American Journal of Political Science},
  date = {1991},
}

@book{cut2021,
  author = {刘琳},
  title = {美国亚太联盟{体系
"""


@pytest.mark.parametrize("text", ["", "   \n", "% only a comment\n@comment{nothing here}\n"])
# `list` of an empty library is not an error (a new library): tests/test_init_then_list.py
@pytest.mark.parametrize("command", [["stats"], ["search", "x"], ["show", "k"], ["format"]])
def test_an_empty_bibliography_is_one_error_line(tmp_path, text, command):
    bib = tmp_path / "empty.bib"
    bib.write_text(text, encoding="utf-8")
    res = run_cli(["--bib", str(bib), *command])
    assert res.exit_code == 2
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and "no entries" in lines[0], res.stderr
    assert res.stdout == ""


@pytest.mark.parametrize(
    "command",
    [["tag", "ok2020", "+seen"], ["annotate", "ok2020", "--text", "Useful."], ["rm", "ok2020"], ["edit", "ok2020"]],
)
def test_editing_commands_leave_a_file_with_a_broken_block_alone(tmp_path, command):
    bib = tmp_path / "t.bib"
    bib.write_text(TRUNCATED, encoding="utf-8")
    before = bib.read_bytes()
    res = run_cli(["--bib", str(bib), *command], env={"EDITOR": "false", "VISUAL": "false"})
    assert res.exit_code == 2, res.stdout + res.stderr
    assert f"{bib}:8:" in res.stderr and "nothing was written" in res.stderr
    assert bib.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.bib"]  # no temporary file left


def test_validate_counts_broken_blocks_apart_from_entries(tmp_path):
    bib = tmp_path / "t.bib"
    bib.write_text(TRUNCATED, encoding="utf-8")
    res = run_cli(["validate", str(bib)])
    assert res.exit_code == 1
    assert "of 1 entry and 1 block that did not parse" in res.stdout.strip().splitlines()[-1]


def test_show_bibtex_piped_is_the_exact_text_and_a_terminal_gets_escapes(tmp_path):
    bib = tmp_path / "esc.bib"
    raw = "@misc{esc2020,\n  title = {Bad \x1b[31mred\x1b[0m \x07 bell},\n  year = {2020},\n}\n"
    bib.write_text(raw, encoding="utf-8")
    res = run_cli(["--bib", str(bib), "show", "esc2020", "--bibtex"])
    assert res.exit_code == 0
    assert res.stdout == raw  # piped: byte for byte, for copying into another file
    shown = safe_lines(raw)  # what a terminal gets
    assert "\x1b" not in shown and "\x07" not in shown and "\\x1b[31m" in shown and shown.count("\n") == 4
    # and `show --bibtex` does send that to a terminal (stdout on a pseudo-terminal)
    import os
    import pty
    import subprocess
    import sys
    from pathlib import Path

    main, sub = pty.openpty()
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1] / "cli"), ANNOBIB_NO_CACHE="1")
    proc = subprocess.run(
        [sys.executable, "-m", "annobib", "--bib", str(bib), "show", "esc2020", "--bibtex"],
        stdout=sub,
        stderr=subprocess.PIPE,
        env=env,
        timeout=60,
    )
    os.close(sub)
    got = b""
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:
            break
        if not chunk:
            break
        got += chunk
    os.close(main)
    assert proc.returncode == 0, proc.stderr
    assert b"\x1b" not in got and b"\x07" not in got and b"\\x1b[31m" in got


def test_format_survives_braces_nested_thousands_deep(tmp_path):
    bib = tmp_path / "deep.bib"
    bib.write_text("@misc{deep, title = {" + "{" * 3000 + "x" + "}" * 3000 + "}, year = {2020}}\n", encoding="utf-8")
    res = run_cli(["--bib", str(bib), "format"])
    assert res.exit_code == 0, res.stderr
    assert "x" in res.stdout and "internal error" not in res.stderr
