"""``show`` of many keys stays cheap (issue 12: no run over 1 s on inputs under 1 MB; 1,000 keys
took ~2 s, two thirds of it in Rich's panels): a panel is laid out in one pass and looks as
Rich's Panel drew it, a value that fits is not searched for line breaks, and past SHOW_PANELS
keys the entries are plain lines. Work is counted, never timed."""

from __future__ import annotations

import io

import pytest
from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.text import Text

from annobib.commands import show as show_command
from annobib.render import frame, wrap
from annobib.render.wrap import Rows, Wrapped
from conftest import run_cli

LONG = "联盟体系是关键支柱，" * 12 + " and then a long English sentence about alliances and asymmetry " * 3
URL = "https://www.defense.gov/News/Transcripts/Transcript/Article/4066734/secretary-of-defense-pete-hegseth/"


def _content():
    rows = [("author", Text("周琪, 刘绯")), ("title", Text(LONG)), ("url", Text(URL))]
    rows.append(("pages", Text("1–138").append("  1--138", style="dim")))
    cite = Text("p. 27, n. 8", style="cyan")
    cite.append("  " + LONG)
    return Group(
        Rows(rows),
        Text(""),
        Text("Reference", style="bold underline"),
        Wrapped(Text(LONG + URL)),
        Wrapped(cite),
        Wrapped(Text(LONG, style="green"), indent=4),
    )


def _printed(renderable, width: int) -> str:
    out = io.StringIO()
    con = Console(file=out, width=width, force_terminal=True, color_system="truecolor", highlight=False)
    con.print(renderable)
    return out.getvalue()


def _title():
    title = Text("liu2025meifei", style="bold cyan")
    title.append("  @article", style="dim")
    return title


@pytest.mark.parametrize("width", [100, 41, 12, 5, 3])
def test_a_framed_entry_looks_as_richs_panel_drew_it(width):
    subtitle = Text("refs/article.bib:12", style="dim")
    rich_panel = Panel(
        _content(),
        box=box.ROUNDED,
        title=_title(),
        title_align="left",
        subtitle=subtitle,
        subtitle_align="right",
        expand=True,
    )
    assert _printed(frame.Framed(_content(), _title(), subtitle), width) == _printed(rich_panel, width)


def test_a_framed_entry_lays_its_content_out_once(monkeypatch):
    calls = []
    real = Console.render_lines

    def counting(self, renderable, *a, **kw):
        calls.append(type(renderable).__name__)
        return real(self, renderable, *a, **kw)

    monkeypatch.setattr(Console, "render_lines", counting)
    _printed(frame.Framed(_content(), _title(), Text("a.bib:1")), 100)
    assert calls == ["Group"]  # Rich's Panel: Padding, then the Group inside it


def _joined_text(text: Text, width: int, indent: int = 0) -> str:
    """What Wrapped printed before it yielded segments: Rich rendering the joined Text."""
    return _printed(wrap.wrap(text, width, indent), width)


@pytest.mark.parametrize("width", [100, 30, 7])
def test_wrapped_prints_what_rich_printed_of_the_joined_lines(width):
    styled = Text("p. 3, n. 1", style="cyan")
    styled.append("  " + LONG)
    for text, indent in ((Text(LONG + URL), 0), (styled, 0), (Text(LONG, style="bold"), 4), (Text("short"), 0)):
        assert _printed(Wrapped(text, indent), width) == _joined_text(text, width, indent)


def test_a_value_that_fits_is_not_searched_for_breaks(monkeypatch):
    calls = []
    real = wrap._starts
    monkeypatch.setattr(wrap, "_starts", lambda *a: calls.append(1) or real(*a))
    assert wrap.break_offsets("周琪, 刘绯 and a short title", 40) == []
    assert calls == []
    assert wrap.break_offsets(LONG, 40) and calls == [1]


def _bib(tmp_path, n: int):
    path = tmp_path / "many.bib"
    path.write_text(
        "".join(
            f"@article{{k{i}, author = {{周琪 and Morrow, James D.}}, title = {{{{NATO}} title {i}}},"
            f" journal = {{J}}, year = {{2001}}, citations = {{p. 3, n. {i}: 它说。}}}}\n"
            for i in range(n)
        ),
        encoding="utf-8",
    )
    return path


def _show(path, keys):
    env = {"COLUMNS": "100", "ANNOBIB_CACHE_DIR": str(path.parent / "cache")}
    return run_cli(["--bib", str(path), "show", *keys], env=env)


def test_many_keys_are_plain_lines_without_panels(tmp_path, monkeypatch):
    n = show_command.SHOW_PANELS + 1
    path = _bib(tmp_path, n)
    framed = []
    monkeypatch.setattr(show_command, "_print_entry", lambda *a: framed.append(a))
    r = _show(path, [f"k{i}" for i in range(n)])
    assert r.exit_code == 0, r.stderr
    assert framed == []  # no Rich panel at all
    out = r.stdout
    assert out.count("@article  ") == n and "╭" not in out
    assert "  author   周琪; Morrow, James D." in out
    assert "  title    NATO title 7  ({NATO} title 7)" in out  # decoded, and as written
    assert "Reference: 周琪，Morrow J D. NATO title 7[J]. J，2001." in out
    assert "    p. 3, n. 7  它说。" in out


def test_a_few_keys_keep_their_panels(tmp_path):
    path = _bib(tmp_path, show_command.SHOW_PANELS)
    r = _show(path, [f"k{i}" for i in range(show_command.SHOW_PANELS)])
    assert r.exit_code == 0, r.stderr
    assert r.stdout.count("╭─") == show_command.SHOW_PANELS
    assert f"More than {show_command.SHOW_PANELS} entries" in " ".join(show_command.show.help.split())


def test_plain_lines_make_control_characters_visible(tmp_path):
    path = tmp_path / "hostile.bib"
    path.write_text(
        "".join(f"@misc{{h{i}, title = {{a\x1b]52;c;ZXZpbA==\x07b\u202eevil}}}}\n" for i in range(60)),
        encoding="utf-8",
    )
    r = _show(path, [f"h{i}" for i in range(60)])
    assert r.exit_code == 0, r.stderr
    assert "\x1b" not in r.stdout and "\x07" not in r.stdout and "\u202e" not in r.stdout


@pytest.mark.parametrize("form", [[], ["--bibtex"], ["--json"]])
def test_a_repeated_key_is_shown_once_in_first_given_order(form):
    # hostile round 13: `show K` given 20,000 times printed the entry 20,000 times (20 MB)
    from conftest import ARTICLE_BIB

    once = run_cli(["--bib", str(ARTICLE_BIB), "show", *form, "liu2025meifei", "kelly2025pentagons"])
    assert once.exit_code == 0, once.stderr
    many = run_cli(["--bib", str(ARTICLE_BIB), "show", *form] + ["liu2025meifei", "kelly2025pentagons"] * 2_000)
    assert many.exit_code == 0, many.stderr
    assert many.stdout == once.stdout and many.stderr == once.stderr  # nothing extra said
    # a search that finds an entry already named is not shown twice either
    both = run_cli(["--bib", str(ARTICLE_BIB), "show", *form, "liu2025meifei", "liulin"])
    alone = run_cli(["--bib", str(ARTICLE_BIB), "show", *form, "liu2025meifei"])
    assert both.stdout == alone.stdout
