"""Output beyond text: the terminal wrapped at word boundaries, Word files through pandoc."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annobib.render.wrap import line_ranges
from conftest import run_cli
from test_manuscript_pandoc import ARTICLE, _pandoc

REF = ("[12] Morrow J D. Alliances and asymmetry：an alternative to the capability aggregation model of "
       "alliances[J]. American Journal of Political Science，1991，35（2）：904-933. 刘琳. 美菲“肩并肩 2025”，"
       "美国新版“印太战略”现端倪[J]. 世界知识，2025（10）：25-27. https://example.org/a/long/path/that/never/breaks")


def _cells(s: str) -> int:
    from rich.cells import cell_len

    return cell_len(s)


def _check(s: str, width: int, indent: int) -> list[str]:
    lines = [s[a:b] for a, b in line_ranges(s, width, indent)]
    assert "".join(lines).replace(" ", "") == s.replace(" ", "")  # nothing lost, nothing added
    for k, (a, b) in enumerate(line_ranges(s, width, indent)):
        # never inside a Latin word or number: a break has a space or a CJK character on one side
        if 0 < b < len(s) and s[b - 1] != " " and s[b] != " ":
            assert _cells(s[b - 1]) == 2 or _cells(s[b]) == 2, (s[b - 5:b], s[b:b + 5])
        room = width - (indent if k and width - indent >= 10 else 0)
        assert _cells(s[a:b]) <= room or " " not in s[a:b].strip()  # only a lone overlong word overflows
    return lines


@pytest.mark.parametrize("width", [20, 33, 50, 80])
def test_terminal_lines_break_between_words_or_cjk_characters(width):
    lines = _check(REF, width, 5)
    assert "https://example.org/a/long/path/that/never/breaks" in lines  # a URL stays whole
    assert not any(line.startswith(("，", "）", "：", ".")) for line in lines)  # no closing mark opens a line


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["alliance", "asymmetry-model", "2025", "刘琳", "世界知识，", "（10）", "“印太”", "a"]),
                max_size=40), st.integers(min_value=8, max_value=60))
def test_wrapping_never_cuts_a_word(words, width):
    _check(" ".join(words), width, 4)


def test_the_terminal_list_is_wrapped_with_a_hanging_indent():
    from rich.console import Console
    from rich.text import Text

    from annobib.commands.format import _print_wrapped

    out = io.StringIO()
    con = Console(file=out, width=40, color_system=None)
    _print_wrapped(con, [Text(REF)], hanging=False)
    lines = out.getvalue().splitlines()
    assert len(lines) > 4 and all(line.startswith(" " * 5) for line in lines[1:])
    assert all(_cells(line) <= 40 for line in lines if "https" not in line)


@pytest.mark.skipif(_pandoc() is None, reason="no pandoc (pip install pypandoc-binary)")
def test_a_word_file_through_pandoc(tmp_path):
    out = tmp_path / "refs.docx"
    r = run_cli(["--bib", str(ARTICLE), "format", "liu2025meifei", "morrow1991alliances", "-o", str(out)])
    assert r.exit_code == 0, r.stderr
    xml = zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")
    text = "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", xml))
    assert "刘琳. 美菲“肩并肩 2025”" in text and "Morrow J D." in text
    r = run_cli(["--bib", str(ARTICLE), "format", "--to", "docx"])
    assert r.exit_code == 2 and "-o" in r.stderr


def test_a_word_file_without_pandoc_says_so(tmp_path, monkeypatch):
    import annobib.manuscript.pandoc as bridge

    monkeypatch.setattr(bridge, "find_pandoc", lambda: None)
    out = tmp_path / "refs.docx"
    r = run_cli(["--bib", str(ARTICLE), "format", "liu2025meifei", "-o", str(out)])
    assert r.exit_code == 2 and "needs pandoc, which is not installed" in r.stderr and not out.exists()
