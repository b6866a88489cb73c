"""`format` on a terminal: labels at the margin, continuation lines hanging under the text, lines
broken at word boundaries (CJK between characters) to the terminal's width; piped, one line each.

The width comes from ``COLUMNS`` as Rich reads it on a terminal (``force_terminal``), so these
tests see what a user sees and fail when the hanging indent is lost."""

from __future__ import annotations

import io
import re

import pytest
from rich.cells import cell_len
from rich.console import Console

from annobib.bib import read_library
from annobib.render import ListItem, render, render_document
from annobib.render.wrap import NO_END, NO_START
from annobib.styles import format_bibliography
from conftest import ARTICLE_BIB, run_cli


@pytest.fixture(scope="module")
def seed():
    return read_library(ARTICLE_BIB).entries


def _terminal(refs, columns: int, monkeypatch, color: bool = True) -> str:
    monkeypatch.setenv("COLUMNS", str(columns))
    if color:
        monkeypatch.delenv("NO_COLOR", raising=False)
    else:
        monkeypatch.setenv("NO_COLOR", "1")
    out = io.StringIO()
    con = Console(file=out, force_terminal=True, no_color=not color, highlight=False, markup=False)
    assert con.width == columns  # the width is the terminal's, from COLUMNS
    items = [ListItem(r.text, r.label) for r in refs]
    for renderable in render_document(items, "terminal", hanging=refs[0].label is None):
        con.print(renderable)
    return out.getvalue()


def _plain(out: str) -> str:
    """What the eye sees: styles (bold labels) and OSC 8 hyperlinks taken off."""
    return re.sub(r"\x1b\[[0-9;]*m|\x1b\]8;[^\x1b]*\x1b\\", "", out)


def _entries(plain: str, first_line) -> list[list[str]]:
    """The printed lines grouped by entry (an entry starts where ``first_line`` matches)."""
    groups: list[list[str]] = []
    for line in plain.splitlines():
        if first_line(line) or not groups:
            groups.append([line])
        else:
            groups[-1].append(line)
    return groups


def _words(s: str) -> list[str]:
    return re.findall(r"[A-Za-z]{2,}", s)


def _check_lines(groups, refs, columns: int, indent: int):
    assert len(groups) == len(refs)
    for lines, ref in zip(groups, refs):
        text = render(ref.text, "text")
        assert all(cell_len(line) <= columns for line in lines)
        for line in lines[1:]:  # hanging under the text: exactly the indent, then text
            assert line[:indent] == " " * indent and line[indent] != " ", (line, indent)
        body = [lines[0][indent if ref.label else 0 :]] + [line[indent:] for line in lines[1:]]
        # no text lost or added; no word cut (a URL wider than the line is the one exception)
        assert "".join(body).replace(" ", "") == text.replace(" ", "")
        urls = " ".join(re.findall(r"https?://\S+", text))
        printed = _words(" ".join(body))
        for w in _words(text):
            assert w in printed or w in urls, (w, lines)
        for k, (a, b) in enumerate(zip(body, body[1:])):
            a = a.rstrip()
            assert b[:1] not in NO_START and a[-1:] not in NO_END, (a, b)
            room = columns - (indent if ref.label or k else 0)
            nxt = re.match(r"[!-~]+[，。：；）》”’、！？]*", b)  # the word opening the next line
            if nxt and " " in b and cell_len(a[-1:]) == 1:  # it went down only because it did not fit
                assert cell_len(a) + 1 + cell_len(nxt.group(0)) > room, (a, b)


@pytest.mark.parametrize("columns", [40, 80])
def test_numeric_labels_at_the_margin_text_in_one_column(seed, columns, monkeypatch):
    refs = format_bibliography(seed, "gbt7714", "2025", "numeric")
    out = _plain(_terminal(refs, columns, monkeypatch, color=False))
    groups = _entries(out, lambda line: re.match(r"\[\d+\]", line) is not None)
    assert [g[0].split()[0] for g in groups] == [r.label for r in refs]  # labels at the margin
    indent = len("[48] ")
    assert all(g[0][indent] != " " and g[0][indent - 1] == " " for g in groups)  # text in one column
    assert groups[0][0].startswith("[1]  Sen A K.")
    _check_lines(groups, refs, columns, indent)
    assert sum(len(g) > 1 for g in groups) > len(groups) // 2  # it did wrap, and hang


def test_author_date_first_line_at_the_margin_the_rest_hanging(seed, monkeypatch):
    refs = format_bibliography(seed, "gbt7714", "2025", "author-date")
    out = _plain(_terminal(refs, 60, monkeypatch, color=False))
    groups = _entries(out, lambda line: not line.startswith(" "))
    _check_lines(groups, refs, 60, 4)
    liu = next(g for g in groups if g[0].startswith("刘琳，2025."))
    assert liu == ["刘琳，2025. 美菲“肩并肩 2025”，美国新版“印太战略”现端倪[J].", "    世界知识（10）：25-27."]


def test_colour_keeps_the_layout(seed, monkeypatch):
    refs = format_bibliography(seed, "gbt7714", "2025", "numeric")
    coloured = _terminal(refs, 80, monkeypatch, color=True)
    assert "\x1b[1m[1]" in coloured and "\x1b]8;" in coloured  # a bold label, live links
    assert _plain(coloured) == _plain(_terminal(refs, 80, monkeypatch, color=False))


def test_piped_one_line_per_entry_no_wrapping():
    """Piped (or -o FILE), references are not wrapped: one whole line each, for grep and editors."""
    r = run_cli(["--bib", str(ARTICLE_BIB), "format"], env={"COLUMNS": "40"})
    lines = r.output.splitlines() if hasattr(r, "output") else r.stdout.splitlines()
    refs = [line for line in lines if re.match(r"\[\d+\] ", line)]
    assert len(refs) == 48 and max(cell_len(line) for line in refs) > 120
