"""Hostile shapes read in linear time and bounded memory (issue 12: files under 1 MB in at most
1 s and 300 MB): one key repeated tens of thousands of times, runs of backslash escapes, and
`%` comments hidden behind escapes. Each growth test compares the least CPU time at 1x and 4x the
size with a generous factor (a quadratic step gives 16x)."""

from __future__ import annotations

import tracemalloc

from annobib.bib import parse as bp
from conftest import best_cpu, run_cli


def test_a_key_used_90000_times_is_checked_past_the_cap_no_more(tmp_path):
    from annobib.bib import parse_library
    from annobib.checks.runner import run_checks
    from annobib.checks.structure import DUPLICATES_SHOWN

    lib = parse_library("@misc{a,}\n" * 5000 + "@misc{b,}\n")
    findings = run_checks(lib)
    checked = {f.line for f in findings if f.code == "E201"}  # every checked copy lacks a title
    # the first entry and the first DUPLICATES_SHOWN re-uses, and `b`: no re-use past the cap
    assert checked == set(range(1, DUPLICATES_SHOWN + 2)) | {5001}
    assert len(findings) < 100
    assert any(f.code == "E101" and "more" in f.message for f in findings)  # the rest, counted


def test_validate_on_many_copies_of_one_entry_grows_linearly(tmp_path):
    from annobib.bib import parse_library
    from annobib.checks.runner import run_checks

    small, big = "@misc{a,}\n" * 2500, "@misc{a,}\n" * 10000
    t1 = best_cpu(lambda: run_checks(parse_library(small)), 2)
    t4 = best_cpu(lambda: run_checks(parse_library(big)), 2)
    assert t4 < 8 * t1 + 0.05, (t1, t4)


def test_validate_cli_on_copies_of_one_key_prints_a_bounded_report(tmp_path):
    bib = tmp_path / "tiny.bib"
    bib.write_text("@misc{a,}\n" * 5000, encoding="utf-8")
    tracemalloc.start()
    try:
        r = run_cli(["--bib", str(bib), "validate"])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert r.exit_code == 1
    assert len(r.stdout.splitlines()) < 100  # 20,000 lines before
    assert peak < 12 << 20, peak  # 28 MB before (90,000 copies: 490 MB)


ESCAPES = ["\\!x", "\\%x", "\\#", "\\)", "\\(", "\\{", "\\}", "\\,", "\\ ", "\\-", "\\\\", "\\'", "x", "-", "~", "`"]


def test_escape_runs_decode_as_one_command_at_a_time():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from annobib.core import latex

    def both(value: str):
        latex._GROUP_MEMO.clear()
        fast = (latex.latex_to_text(value), latex.segments(value, False))
        latex.FAST_RUNS = False
        latex._GROUP_MEMO.clear()
        try:
            slow = (latex.latex_to_text(value), latex.segments(value, False))
        finally:
            latex.FAST_RUNS = True
        return fast, slow

    @settings(max_examples=300, deadline=None)
    @given(st.lists(st.sampled_from(ESCAPES), max_size=20).map("".join))
    def check(value):
        fast, slow = both(value)
        assert fast == slow

    check()


def _printable_escapes(n: int) -> str:
    run = "".join("\\" + chr(c) + "x" for c in range(33, 127))
    return "@misc{c, title={" + run * n + "}}\n"


def test_a_title_of_escapes_decodes_in_linear_time_as_runs(monkeypatch):
    from annobib.core import latex

    small, big = _printable_escapes(200), _printable_escapes(800)
    value = lambda text: text[text.index("{", 7) + 1 : -3]  # noqa: E731

    def decode(text: str) -> None:
        latex._GROUP_MEMO.clear()
        latex._decode_into(value(text), 0, [], False)

    t1, t4 = best_cpu(lambda: decode(small)), best_cpu(lambda: decode(big))
    assert t4 < 8 * t1 + 0.05, (t1, t4)
    calls: list[int] = []
    real = latex._command
    monkeypatch.setattr(latex, "_command", lambda s, i, *a: calls.append(i) or real(s, i, *a))
    latex._decode_into("\\!x\\%x\\,x\\)" * 10_000, 0, [], False)
    assert not calls  # a run of escapes at once, not 40,000 commands one at a time


def test_escaped_percent_signs_are_not_walked_one_by_one(monkeypatch):
    # `\%` is text: with no bare `%` in the entry, nothing is cut and nothing is walked
    text = "@misc{c, title={" + "\\%x" * 100_000 + "}, % a remark\n note = {n}}\n"
    assert bp._BARE_PERCENT(text, 0, len(text))
    assert not bp._BARE_PERCENT(text, 0, text.index(" % a"))
    prepared = bp.prepare_text(text)
    assert prepared == text.replace("% a remark", " " * len("% a remark"))
    escaped_only = "@misc{c, title={" + "\\%x" * 100_000 + "}}\n"
    t = best_cpu(lambda: bp.prepare_text(escaped_only))
    assert t < 0.05, t
