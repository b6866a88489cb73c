"""``\\par`` and ``\\newline`` in a value are breaks, not words: read as the unknown commands
"par" and "newline" they glued the words around them (``a\\par ER`` went to RIS as ``aparER``).
A break is a space where text is one line (display, styles, RIS) and stays a break where an
exchange format keeps whitespace (as a blank line in the value does)."""

from __future__ import annotations

import json

import pytest
from conftest import run_cli

from annobib.core.latex import decode, latex_to_text


@pytest.mark.parametrize(
    ("value", "shown", "kept"),
    [
        ("a\\par ER", "a ER", "a\n\nER"),
        ("First part\\par Second part", "First part Second part", "First part\n\nSecond part"),
        ("{a\\par b}", "a b", "a\n\nb"),
        ("one\\newline two", "one two", "one\ntwo"),
        ("end\\par", "end", "end\n\n"),
    ],
)
def test_a_break_is_a_space_on_one_line_and_a_break_where_whitespace_is_kept(value, shown, kept):
    assert latex_to_text(value) == shown
    assert decode(value) == shown
    assert latex_to_text(value, keep_whitespace=True) == kept


def test_exports_read_par_as_a_break(tmp_path):
    bib = tmp_path / "lib.bib"
    bib.write_text(
        "@article{k, author = {Wang, Li}, title = {First\\par Second}, journaltitle = {J}, date = {2020},"
        " annotation = {a\\par ER}}\n"
    )
    ris = run_cli(["--bib", str(bib), "export", "--to", "ris"])
    assert ris.exit_code == 0, ris.stderr
    assert "par" not in ris.stdout and "TI  - First  Second" in ris.stdout
    assert not any(line.startswith("ER  - ") and line.strip() != "ER  -" for line in ris.stdout.splitlines())
    csl = run_cli(["--bib", str(bib), "export", "--to", "csl-json"])
    assert csl.exit_code == 0, csl.stderr
    (item,) = json.loads(csl.stdout)
    assert item["title"] == "First\n\nSecond"  # (its raw biblatex fields, kept for the way back, say \par)
    shown = run_cli(["--bib", str(bib), "format", "--style", "apa"])
    assert "first second" in shown.stdout.lower() and "par" not in shown.stdout, shown.stdout
