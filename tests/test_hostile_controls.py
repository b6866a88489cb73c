"""Raw control characters in every kind of field (round 9, F1 and F2).

The lookup view cuts its bulk strings at control characters (U+0018 between entries, U+0019
between fields, U+0001… as group markers): a value carrying one used to split its entry's text
(an internal error in list, search, show, stats). The styles' name decoding read ``\\`` before a
line end as a failed match (an internal error in format)."""

from __future__ import annotations

import csv
import io

import pytest

from conftest import run_cli

# each kind of field the view treats apart: author, title, container, tag, note, the rest,
# date, language, raw (URLs: not LaTeX-decoded)
FIELDS = ["author", "title", "journal", "keywords", "note", "publisher", "date", "langid", "url", "translator"]
CONTROLS = [c for c in [*range(0x01, 0x20), *range(0x7F, 0xA0)]]


def _bib(backslash: bool) -> tuple[str, dict[str, str]]:
    """A file holding each control character (after a backslash when asked) in each field kind;
    every entry has a title of its own (``T<n>``) unless its title is the hostile field."""
    blocks, titles = [], {}
    n = 0
    for name in FIELDS:
        for c in CONTROLS:
            value = ("X\\" if backslash else "A") + chr(c) + "B"
            key = f"k{n}"
            if name == "title":
                blocks.append(f"@article{{{key}, title = {{{value}}}, year = {{2020}}}}\n")
            else:
                titles[key] = f"T{n}"
                blocks.append(f"@article{{{key}, {name} = {{{value}}}, title = {{T{n}}}, year = {{2020}}}}\n")
            n += 1
    return "".join(blocks), titles


@pytest.fixture(scope="module", params=[False, True], ids=["raw", "after-backslash"])
def hostile(request, tmp_path_factory):
    text, titles = _bib(request.param)
    bib = tmp_path_factory.mktemp("ctl") / "ctl.bib"
    bib.write_text(text, encoding="utf-8")
    return bib, titles


@pytest.mark.parametrize(
    "command",
    [
        ["list"],
        ["search", "T1"],
        ["search", "year:2020"],
        ["show", "k3"],
        ["show", "--json", "k40"],
        ["stats"],
        ["list", "--format", "tsv"],
    ],
)
def test_lookup_commands_take_every_control_character(hostile, command):
    bib, _ = hostile
    res = run_cli(["--bib", str(bib), *command])
    assert res.exit_code == 0, res.stderr
    assert "internal error" not in res.stderr
    # nothing but line ends and TABs (TSV) reaches the output raw
    assert not any(ord(ch) < 0x20 and ch not in "\n\t" or 0x7F <= ord(ch) <= 0x9F for ch in res.stdout)


def test_every_row_keeps_its_own_title(hostile):
    """A separator inside one value must not shift the text of the entries after it."""
    bib, titles = hostile
    res = run_cli(["--bib", str(bib), "list", "--format", "csv"])
    assert res.exit_code == 0, res.stderr
    rows = {r[0]: r for r in csv.reader(io.StringIO(res.stdout))}
    assert len(rows) == len(FIELDS) * len(CONTROLS) + 1  # and the header
    for key, title in titles.items():
        assert rows[key][4] == title, (key, rows[key])
    # the search text is aligned as well: each entry is found by its own title
    for key in ("k5", "k200", "k390", "k600"):
        if key in titles:
            found = run_cli(["--bib", str(bib), "search", f"title:{titles[key]}", "--format", "keys"])
            want = {k for k, t in titles.items() if t.startswith(titles[key])}  # T5 finds T50 too
            assert set(found.stdout.split()) == want, found.stdout


@pytest.mark.parametrize(
    "command",
    [
        ["format", "--to", "text"],
        ["format", "--to", "html"],
        ["format", "--style", "apa", "--to", "text"],
        ["format", "--style", "chicago", "--to", "md"],
        ["format", "--style", "cn-notes", "--to", "latex"],
        ["cite", "k0", "k70", "k140", "k300", "k600"],
    ],
)
def test_styles_take_a_backslash_before_every_control_character(hostile, command):
    bib, _ = hostile
    res = run_cli(["--bib", str(bib), *command])
    assert res.exit_code == 0, res.stderr
    assert "internal error" not in res.stderr
    assert res.stdout.strip()


def test_backslash_newline_in_names_decodes():
    from annobib.styles.gbt7714 import _decode_keep_braces

    assert _decode_keep_braces("X\\\nY") != ""
    assert _decode_keep_braces("X\\") == "X\\"  # a lone backslash at the end stays as written
