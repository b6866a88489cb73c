"""On a terminal, `format` and `show` break lines at word boundaries, CJK between any two
characters (never before ，。） or after （“), and a URL too long for a line after a / or -."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from rich.cells import cell_len

from annobib.render.wrap import NO_END, NO_START, break_offsets, units
from conftest import ARTICLE_BIB

ZH = "[8] 刘琳. 美菲“肩并肩 2025”，美国新版“印太战略”现端倪[J]. 世界知识，2025（10）：25-27."
EN = (
    "[25] Morrow J D. Alliances and asymmetry：an alternative to the capability aggregation model of "
    "alliances[J]. American Journal of Political Science，1991，35（2）：904-933."
)
URL = "https://www.defense.gov/News/Transcripts/Transcript/Article/4066734/secretary-of-defense-pete-hegseth/"


def lines_of(text: str, width: int) -> list[str]:
    cuts = [0, *break_offsets(text, width), len(text)]
    return [text[a:b].rstrip(" ") for a, b in zip(cuts, cuts[1:])]


def test_units_join_back_and_keep_words_whole():
    assert "".join(units(ZH + EN)) == ZH + EN
    assert "asymmetry：" in units(EN) and "Alliances " in units(EN)
    assert "国" in units(ZH) and "“印" in units(ZH) and "，" not in units(ZH)


@pytest.mark.parametrize("width", [20, 33, 40, 57, 80])
@pytest.mark.parametrize("text", [ZH, EN, ZH + " " + EN])
def test_lines_fit_words_stay_whole_cjk_fills(text, width):
    lines = lines_of(text, width)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert all(cell_len(line) <= width for line in lines)
    words = re.findall(r"[A-Za-z]+", text)
    assert all(w in re.findall(r"[A-Za-z]+", " ".join(lines)) for w in words)  # no word cut
    for a, b in zip(lines, lines[1:]):
        assert b[:1] not in NO_START and a[-1:] not in NO_END
        if cell_len(b[:1]) == 2 and cell_len(a[-1:]) == 2:  # a CJK break: the line was full
            assert cell_len(a) >= width - 3


def test_a_url_breaks_after_a_slash():
    lines = lines_of("See " + URL, 40)
    assert all(cell_len(line) <= 40 for line in lines)
    assert all(line.endswith(("/", "-")) for line in lines[1:-1])
    assert "".join(lines[1:]) == URL


def _on_terminal(args: list[str], columns: int) -> str:
    """Run annobib with stdout on a pseudo-terminal ``columns`` wide (as a user sees it)."""
    import pty

    master, slave = pty.openpty()
    env = {**os.environ, "COLUMNS": str(columns), "LINES": "200", "TERM": "dumb", "NO_COLOR": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "annobib", "--bib", str(ARTICLE_BIB), *args, "--no-pager"]
        if args[0] == "list"
        else [sys.executable, "-m", "annobib", "--bib", str(ARTICLE_BIB), *args],
        stdout=slave,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    proc.wait(timeout=60)
    os.close(master)
    return out.decode("utf-8").replace("\r\n", "\n")


def test_format_on_a_terminal_wraps_at_words_and_cjk():
    out = _on_terminal(["format", "liu2025meifei", "morrow1991alliances"], 50)
    lines = out.splitlines()
    assert all(cell_len(line) <= 50 for line in lines)
    # filled, not cut at the space; labels padded to the widest ([25]) so the texts share a column
    assert lines[0] == "[8]  刘琳. 美菲“肩并肩 2025”，美国新版“印太战略”现"
    assert lines[1].startswith("     端倪[J].")  # hanging under the text
    assert "asymmetry：an" in out and "capability aggregation" in out.replace("\n", " ")
    words = re.findall(r"[A-Za-z]+", EN)
    assert all(w in re.findall(r"[A-Za-z]+", " ".join(lines)) for w in words)  # not one word cut


def test_show_on_a_terminal_wraps_cjk_inside_the_panel():
    out = _on_terminal(["show", "liu2025meifei"], 60)
    lines = out.splitlines()
    assert all(cell_len(line) <= 60 for line in lines)
    ref = next(i for i, line in enumerate(lines) if "刘琳. 美菲" in line)
    assert cell_len(lines[ref].rstrip("│ ")) >= 55  # the reference fills its line, CJK breaks anywhere
    narrow = _on_terminal(["show", "liu2025meifei"], 40).splitlines()
    assert all(cell_len(line) <= 40 for line in narrow)
    title = next(line for line in narrow if "美菲“肩并肩" in line)
    assert "美菲“肩并肩 2025”，" in title  # Rich alone would end this line at the space


def test_a_url_is_not_cut_before_the_period_that_ends_the_entry():
    url = "https://example.com/growth-by-up-to-about-2.html?phrase=nippon%20life&words="
    lines = lines_of("See " + url + ".", 40)
    assert all(cell_len(line) <= 40 for line in lines) and lines[-1] != "."
    assert all(line[:1] not in NO_START for line in lines[1:])
