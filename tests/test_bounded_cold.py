"""Inputs under 1 MB that took seconds cold (round 7): each stage does work in proportion to
the input, once. Timing tests compare an input with its 4x larger copy (a generous ratio,
never an absolute bar), so a loaded machine does not make them flaky."""

from __future__ import annotations

import io

import pytest
from conftest import best_cpu


def _cpu(fn, repeat: int = 3) -> float:
    return best_cpu(fn, repeat)


def _linear(make, run, n: int, ratio: float = 8.0) -> None:
    """``run(make(4n))`` costs at most ``ratio`` times ``run(make(n))`` (linear: 4)."""
    small, big = make(n), make(4 * n)
    run(small)  # warm: imports, compiled patterns
    t_small = max(_cpu(lambda: run(small)), 1e-3)
    t_big = _cpu(lambda: run(big))
    assert t_big / t_small < ratio, (t_small, t_big)


# --- show: thousands of fields --------------------------------------------------------------


def _panel(rows, width: int, color: bool = False) -> str:
    from rich.console import Console
    from rich.panel import Panel

    out = io.StringIO()
    con = Console(
        file=out,
        width=width,
        color_system="standard" if color else None,
        force_terminal=color,
        highlight=False,
        markup=False,
        emoji=False,
    )
    con.print(Panel(rows, expand=True))
    return out.getvalue()


@pytest.mark.parametrize("color", [False, True])
@pytest.mark.parametrize("width", [30, 60, 100])
def test_show_rows_lay_out_as_the_rich_grid_did(width, color):
    from rich.table import Table
    from rich.text import Text

    from annobib.render.wrap import Rows, Wrapped

    fields = [
        ("author", "刘琳 and Morrow, James D."),
        ("title", "美菲“肩并肩 2025”，美国新版“印太战略”现端倪 — and an English title long enough to wrap twice"),
        ("url", "https://www.defense.gov/News/Transcripts/Transcript/Article/4066734/secretary-of-defense/"),
        ("journaltitle", "世界知识"),
        ("note", "first line\nsecond line"),
    ]
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    for name, value in fields:
        grid.add_row(Text(name), Wrapped(Text(value)))
    rows = Rows([(name, Text(value)) for name, value in fields])
    assert _panel(rows, width, color) == _panel(grid, width, color)  # bold names, same bytes


def test_a_long_field_name_leaves_its_value_room():
    from rich.text import Text

    from annobib.render.wrap import Rows

    out = _panel(Rows([("averyveryveryverylongfieldnamethatgoesonandon", Text("the value"))]), 40)
    assert "the value" in out and "averyvery" in out and "…" in out  # the grid showed no value at all


def test_show_with_thousands_of_fields_counts_the_rest(cli_run, tmp_path):
    bib = tmp_path / "many.bib"
    bib.write_text("@misc{a,\n" + "".join(f" f{i} = {{v{i}}},\n" for i in range(3000)) + "}\n", encoding="utf-8")
    r = cli_run(["--bib", str(bib), "show", "a"])
    assert r.exit_code == 0, r.stderr
    assert "f999 " in r.stdout and "f1000 " not in r.stdout
    assert "2,000 more fields (--json or --bibtex shows all)" in r.stdout
    r = cli_run(["--bib", str(bib), "show", "a", "--json"])
    assert '"f2999": "v2999"' in r.stdout


def test_show_rows_render_in_linear_time():
    from rich.text import Text

    from annobib.render.wrap import Rows

    _linear(lambda n: Rows([(f"f{i}", Text(f"value {i}")) for i in range(n)]), lambda rows: _panel(rows, 100), 500)


# --- the LaTeX decoder: ties, dashes, quotes, braces and commands in runs -----------------------


def _python_calls(fn) -> int:
    """Python function calls made by ``fn()`` (work counted, not timed)."""
    import sys

    calls = 0

    def count(frame, event, arg):
        nonlocal calls
        if event == "call":
            calls += 1

    sys.setprofile(count)
    try:
        fn()
    finally:
        sys.setprofile(None)
    return calls


def _fresh():
    from annobib.core import latex

    latex.segments.cache_clear()
    latex.decode.cache_clear()
    getattr(latex, "_PIECES_MEMO", {}).clear()  # (absent before the memo: the test still runs)
    latex._LONG_MEMO.clear()
    return latex


HOSTILE_VALUES = {
    "ties, dashes and quotes": "~" * 30_000 + "---" * 10_000 + "``''" * 5_000,
    "quoted braces": '{"}' * 20_000,
    "accents on accents": "\\'" * 30_000 + "e",
    "unknown commands": "\\a" * 20_000,
    "letter commands": "\\o\\ss \\alpha" * 10_000,
}


@pytest.mark.parametrize("name", list(HOSTILE_VALUES))
def test_a_long_run_of_markup_is_decoded_in_a_few_calls(name):
    value = HOSTILE_VALUES[name]
    latex = _fresh()
    latex.latex_to_text(value), latex.segments(value)  # patterns are compiled on first use
    latex = _fresh()
    calls = _python_calls(lambda: (latex.latex_to_text(value), latex.segments(value)))
    assert calls < 200, calls  # a token at a time: a call or more per token, 20,000+


def test_show_decodes_a_long_value_once(monkeypatch):
    latex = _fresh()
    seen = []
    real = latex._decode_pieces
    monkeypatch.setattr(latex, "_decode_pieces", lambda v, c: seen.append(len(v)) or real(v, c))
    value = "\\'" * 5_000 + "e"
    text, segs = latex.latex_to_text(value), latex.segments(value)
    assert len(seen) == 1 and text == "".join(t for t, _ in segs)


def _both(value: str, cjk: bool = False):
    """latex_to_text and segments of ``value``, with the run fast paths on and then off."""
    latex = _fresh()
    fast = (latex.latex_to_text(value), latex.segments(value, cjk))
    latex = _fresh()
    latex.FAST_RUNS = False
    try:
        slow = (latex.latex_to_text(value), latex.segments(value, cjk))
    finally:
        latex.FAST_RUNS = True
        _fresh()
    return fast, slow


TOKENS = [
    "a",
    " ",
    "~",
    "-",
    "--",
    "`",
    "'",
    "{",
    "}",
    "$",
    "\\a",
    "\\o",
    "\\ss",
    "\\ss{}",
    "\\'",
    '\\"',
    "\\c",
    "\\u",
    "\\emph",
    "\\url",
    "\\em ",
    "\\\\",
    "\\-",
    "\\alpha ",
    "\\textasciitilde",
    "é",
    "中",
]


def test_runs_decode_as_one_command_at_a_time():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    @settings(max_examples=400, deadline=None)
    @given(st.lists(st.sampled_from(TOKENS), max_size=24).map("".join), st.booleans())
    def check(value, cjk):
        fast, slow = _both(value, cjk)
        assert fast == slow

    check()
    for value in ("\\\\~a", "\\\\'e", "\\\\\\%x", "x\\\\", "\\%\\\\~n"):  # a line break before a tie or an accent
        assert _both(value, False)[0] == _both(value, False)[1], value


def test_braced_text_reads_as_the_tokenizer_did():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from annobib.core import latex

    def merged(pieces):
        out: list[list] = []
        for text, prot in pieces:
            if text and out and out[-1][1] == prot:
                out[-1][0] += text
            elif text:
                out.append([text, prot])
        return [tuple(p) for p in out]

    @settings(max_examples=400, deadline=None)
    @given(st.lists(st.sampled_from(["a", " ", "~", "-", "--", "---", "`", "'", "''", "{", "}", "中"])).map("".join))
    def check(value):
        for cjk in (False, True):
            slow: list = []
            latex._decode_into(value, 0, slow, cjk)
            assert merged(latex._braced_text(value, cjk)) == merged(slow)

    check()


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("a~b---c--d ``q'' `s'", "a\u00a0b—c–d “q” ‘s’"),
        ("-----", "—–"),
        ("-{}-", "--"),
        ("```x'''", "“‘x”'"),
        ("\\a\\o \\ss{}x", "aøßx"),
        ("\\'\\'e", "é́"),
        ("\\a{b}c", "bc"),
        ("x\\'\\", "x́"),
    ],
)
def test_ligatures_and_runs_read_as_before(value, text):
    from annobib.core.latex import latex_to_text

    assert latex_to_text(value) == text


# --- parse: blocks that never close ---------------------------------------------------------


def test_unclosed_blocks_are_known_without_bibtexparser(monkeypatch):
    from annobib.bib import parse as bp

    sent: list[int] = []
    real = bp._parse_with_bibtexparser
    monkeypatch.setattr(bp, "_parse_with_bibtexparser", lambda chunks: sent.append(len(chunks)) or real(chunks))
    chunks = [f"@misc{{a{i}, title={{x{i}\n" for i in range(2_000)]
    records = bp.parse_chunks(chunks)
    quoted = '@article{a, title = "The {NATO alliance", date = {2025}}\n'  # an entry to bibtexparser
    assert bp._unclosed_record(quoted) is None and bp.parse_chunks([quoted])[0][0][0] == "entry"
    assert sum(sent) == 1  # was one bibtexparser block per chunk (~0.1 ms each: 50,000 took 2-8 s)
    assert records[7] == [("failed", 0, 0, bp.UNCLOSED, None)]
    bare = bp.parse_chunks(["@a{k,\n"] * 2_000 + ["  @misc{k, year = 2020\n"])  # heads with no open value
    assert sum(sent) == 1 and bare[0] == [("failed", 0, 0, bp.UNCLOSED, None)]
    assert bare[-1] == [("failed", 2, 0, bp.UNCLOSED, None)]
    paren = bp.parse_chunks(["@a(k,\n"] * 2_000 + ["@a(k, t = {x)\n", "@a(k, t = {x\n"])  # `(` heads too
    assert sum(sent) == 2 and paren[0] == paren[-1] == [("failed", 0, 0, bp.UNCLOSED, None)]
    assert paren[-2] == [("failed", 0, 0, bp.UNCLOSED, None)]  # (a `)`: bibtexparser says so)
    quote = bp.parse_chunks(['@misc{k, title = "The {NATO} alliance\n'] * 2_000 + ['@a(k, t = "x {\n'])
    assert sum(sent) == 2 and quote[0] == quote[-1] == [("failed", 0, 0, bp.UNCLOSED, None)]  # a quote never closed


def test_unclosed_records_are_bibtexparsers():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from annobib.bib import parse as bp

    parts = [
        "@misc{a,",
        "@string{s = ",
        "@commentary{c,",
        " @commentary{k,",
        "@Book{k, ",
        " title = ",
        "note=",
        "{",
        "}",
        '"',
        '"The {N"',
        ' t = "',
        '{"}',
        "x",
        ",",
        "\n",
        "@",
        "\\{",
        "%",
        "#",
        "@a{k,",
        "@a(k,",
        "@x {",
        "@Misc{k",
        "@Misc(k",
        "\n\n",
        " = ",
        "\t",
        "(",
        ")",
    ]

    @settings(max_examples=1500, deadline=None)
    @given(st.lists(st.sampled_from(parts), min_size=1, max_size=12).map("".join))
    def check(chunk):
        if not chunk.endswith("\n"):
            chunk += "\n"
        fast = bp._unclosed_record(chunk)
        if fast is not None:
            assert fast == bp._parse_with_bibtexparser([chunk])[0]

    check()


@pytest.mark.parametrize(
    "value", ['"{"}{"}x"', '"a{b}c"', '"a{"}b"', '"{}"', '"x{y"', '"x}y"', '"{a{b}}"', '"{"}" # "z"']
)
def test_quoted_values_with_brace_groups_read_as_bibtexparser_reads_them(value):
    from annobib.bib import parse as bp

    chunk = f"@misc{{a, title = {value}, note = {{n}}}}\n"
    assert bp.parse_chunks([chunk]) == bp._parse_with_bibtexparser([chunk])


def test_a_quoted_value_of_many_brace_groups_takes_the_fast_path(monkeypatch):
    from annobib.bib import parse as bp

    monkeypatch.setattr(bp, "_parse_with_bibtexparser", lambda chunks: chunks and pytest.fail("bibtexparser called"))
    record = bp.parse_chunks(['@misc{a, title="' + '{"}' * 20_000 + '"}\n'])[0][0]
    assert record[0] == "entry" and len(record[5][0][1]) == 60_002


def test_string_chunks_are_parsed_in_one_call(cli_run, tmp_path, monkeypatch):
    from annobib.bib import parse as bp

    calls: list[int] = []
    real = bp._parse_with_bibtexparser
    monkeypatch.setattr(bp, "_parse_with_bibtexparser", lambda chunks: calls.append(len(chunks)) or real(chunks))
    monkeypatch.setenv("ANNOBIB_CACHE_DIR", str(tmp_path / "cache"))
    bib = tmp_path / "strings.bib"
    lines = [f'@string{{s{i} = "w{i}"}}\n' for i in range(300)]
    bib.write_text("".join(lines) + "@misc{a, title = s299}\n", encoding="utf-8")
    r = cli_run(["--bib", str(bib), "search", "w299"])
    assert r.exit_code == 0, r.stderr
    assert len([n for n in calls if n]) <= 3, calls  # was one bibtexparser call per @string (300)
