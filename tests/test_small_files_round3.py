"""Files under 1 MB of many small entries (issue 12: no run over 1 s), third round: `validate`
of 100,000-260,000 findings and `format --style apa` of 10,000 articles do less per finding
and per entry, with exactly the output as before. Work is counted, not timed."""

from __future__ import annotations

import gc
import os
from types import SimpleNamespace

import pytest

from annobib import perf
from annobib.checks import emit
from annobib.checks.base import Finding
from annobib.core.sanitize import terminal
from annobib.model import Entry

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

# --------------------------------------------------------------------------- the collector


def test_a_command_process_freezes_what_a_bulk_job_made(monkeypatch):
    """The young generation counts every object made while the collector is paused: the first
    allocation after the pause walked them all (0.07-0.15 s of a 1-2 s `validate`, nothing freed)."""
    monkeypatch.setattr(perf, "_FREEZE_AFTER_PAUSE", True)
    was = gc.isenabled()
    gc.enable()
    try:
        with perf.paused_gc():
            made = [[] for _ in range(20_000)]
        assert gc.get_count()[0] < 1_000  # nothing left for a young collection to walk
        assert gc.get_freeze_count() >= len(made)
    finally:
        gc.unfreeze()
        if not was:
            gc.disable()


def test_outside_a_command_process_nothing_is_frozen(monkeypatch):
    monkeypatch.setattr(perf, "_FREEZE_AFTER_PAUSE", False)
    before = gc.get_freeze_count()
    with perf.paused_gc():
        [[] for _ in range(1_000)]
    assert gc.get_freeze_count() == before  # a test run or a library caller lives on: collect as usual


def test_the_entry_point_asks_for_freezing():
    import subprocess
    import sys

    code = "import sys; from annobib import cli, perf; sys.argv=['annobib','--version']\ntry: cli.main()\nexcept SystemExit: pass\nprint(perf._FREEZE_AFTER_PAUSE, file=sys.stderr)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.stderr.strip().endswith("True"), done.stderr


# --------------------------------------------------------------------------- the end of a process


def test_keep_to_the_end_holds_only_in_a_command_process(monkeypatch):
    monkeypatch.setattr(perf, "_KEPT", [])
    monkeypatch.setattr(perf, "_FREEZE_AFTER_PAUSE", False)
    perf.keep_to_the_end([1])
    assert perf._KEPT == []  # a test run or a library caller lives on: nothing held
    monkeypatch.setattr(perf, "_FREEZE_AFTER_PAUSE", True)
    perf.keep_to_the_end([1], "x")
    assert perf._KEPT == [[1], "x"]


def test_validate_keeps_its_findings_and_lines_to_the_end(monkeypatch, tmp_path):
    """The process ends at once after `validate`: its findings and lines are not freed one by one."""
    from conftest import run_cli

    kept: list = []
    monkeypatch.setattr(perf, "keep_to_the_end", lambda *objects: kept.extend(objects))
    bib = tmp_path / "a.bib"
    bib.write_text("@misc{a,year={2001}}\n@misc{b,year={2002}}\n", encoding="utf-8")
    assert run_cli(["validate", str(bib)]).exit_code == 1
    outcomes = [o for o in kept if hasattr(o, "findings")]
    assert outcomes and len(outcomes[0].findings) == 6
    assert any(isinstance(o, list) and len(o) > 6 and all(isinstance(x, str) for x in o) for o in kept)


# --------------------------------------------------------------------------- validate's lines

FAST = settings(
    max_examples=200,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=os.environ.get("HYPOTHESIS_SEEDED", "1") != "0",
)
RULES = [("E201", "error", "missing-title"), ("W208", "warning", "missing-author"), ("I217", "info", "missing-langid")]


def _finding(entry_no, rule, field, message, source="in/a.bib", line=None):
    code, severity, name = rule
    key = None if entry_no is None else f"k{entry_no}"
    entry = Entry(key or "k", "misc", {})
    return Finding(code, severity, key, field, message, line, source, None, name, entry)


def _outcome(findings):
    return SimpleNamespace(findings=findings, diffs=[], summary=emit.summarize(findings, len(findings), []))


def _text_line(f):
    fld = f" {f.field}:" if f.field else ""
    return terminal(f"{f.source or '-'}:{f.line or 0}: {f.code} [{f.key or '-'}]{fld} {f.message}")


def _github_line(f):
    props = [f"file={emit.gh_escape(f.source or '', True)}"] + ([f"line={f.line}"] if f.line else [])
    props.append(f"title={emit.gh_escape(f'{f.code} {f.rule}', True)}")
    fld = f" {f.field}:" if f.field else ""
    body = emit.gh_escape(f"[{f.key or '-'}]{fld} {f.message}")
    return f"::{emit.GITHUB_LEVEL[f.severity]} {','.join(props)}::{body}"


pieces = st.text(st.sampled_from(list("a:,%\n\x1b\u202e…")), max_size=3)
runs = st.lists(  # consecutive findings of one entry (or none), as sorted findings come
    st.tuples(
        st.one_of(st.none(), st.integers(0, 2)),
        st.one_of(st.none(), st.integers(0, 3)),
        st.one_of(st.none(), pieces),
        st.lists(st.tuples(st.sampled_from(RULES), st.one_of(st.none(), pieces), pieces), min_size=1, max_size=3),
    ),
    max_size=5,
)


@FAST
@given(runs)
def test_lines_made_of_shared_parts_are_the_lines_made_whole(found):
    findings = [
        _finding(no, rule, field, msg, source, line) for no, line, source, said in found for rule, field, msg in said
    ]
    outcome = _outcome(findings)
    assert emit.text(outcome, grouped=False)[: len(findings)] == [_text_line(f) for f in findings]
    assert emit.github(outcome)[: len(findings)] == [_github_line(f) for f in findings]


def test_an_entrys_part_is_made_once_and_a_findings_once_per_text():
    """260,000 findings of a 1 MB file: 65,000 entries, a few rules each saying the same thing."""
    findings = [_finding(i, rule, rule[2], "no " + rule[2], line=i + 1) for i in range(1000) for rule in RULES]
    calls = {"where": 0, "key": 0, "said": 0}

    def counted(name, fn):
        def call(*args):
            calls[name] += 1
            return fn(*args)

        return call

    lines = emit._lines(
        findings,
        counted("where", lambda source, line: f"{source}:{line}:"),
        counted("key", str),
        counted("said", lambda f: ("", f" {f.code} [", f"] {f.field}: {f.message}")),
    )
    assert lines == [_text_line(f) for f in findings]
    assert calls == {"where": 1000, "key": 1000, "said": 3}


def test_printable_ascii_is_not_searched(monkeypatch):
    """A key per entry is sanitized: printable ASCII (most keys) is known clean by two tests in C."""
    from annobib.core import sanitize

    searched = []
    real = sanitize._unsafe_in
    monkeypatch.setattr(sanitize, "_unsafe_in", lambda text, lines=False: searched.append(text) or real(text, lines))
    assert [sanitize.terminal(t) for t in ("Smith2001a", "a b:c")] == ["Smith2001a", "a b:c"]
    assert sanitize.terminal_lines("x = {y}") == "x = {y}"
    assert searched == []
    for text in ("a\tb", "a\x1bb", "a\x7f", "é\u202e", "a\nb"):
        assert sanitize.terminal(text) == text.translate(sanitize._table("one-line"))
        assert sanitize.terminal_lines(text) != text or text == "a\nb" or text == "a\tb"
    assert len(searched) == 10


# --------------------------------------------------------------------------- reading


def test_a_bare_number_is_read_without_resolving_macros(monkeypatch):
    """`year = 2001` unbraced (65,000 of them in a 1 MB file): the number is its text, as
    resolve_value would say, without the call."""
    from annobib.bib import values

    resolved = []
    real = values.resolve_value
    monkeypatch.setattr(values, "resolve_value", lambda raw, strings: resolved.append(raw) or real(raw, strings))
    record = (
        "entry",
        0,
        0,
        "Misc",
        "k",
        [("Year", "2001"), ("t", "1"), ("n", "١٢"), ("m", "jan"), ("p", "2 "), ("v", "07")],
        None,
    )
    entry, used = values.entry_from_record(record, {}, 1, None)
    assert entry.fields == {"year": "2001", "t": "1", "n": "١٢", "m": "January", "p": "2", "v": "07"}
    assert resolved == ["jan", "2 "] and used  # (the month macro)
    assert [values.resolve_value(v, {})[0] for v in ("2001", "1", "١٢", "07")] == ["2001", "1", "١٢", "07"]


def test_show_writes_runs_of_lines_at_once_and_the_rest_in_order(monkeypatch):
    import click

    from annobib.commands import validate

    class Line(str):
        pass

    writes: list[tuple[str, str]] = []
    monkeypatch.setattr(click, "echo", lambda text, **kw: writes.append(("lines", text)))
    monkeypatch.setattr(validate, "echo_exact", lambda text: writes.append(("exact", text)))
    monkeypatch.setattr(
        validate, "console", lambda ctx: SimpleNamespace(print=lambda r, **kw: writes.append(("rich", r)))
    )
    items = [emit.Exact("diff"), "a", "b", Line("c"), "d", "e", emit.Wrapped("w"), 7, "f"]
    validate._show(None, items)
    assert writes == [
        ("exact", "diff"),
        ("lines", "a\nb"),
        ("lines", "c"),
        ("lines", "d\ne"),
        ("rich", "w"),
        ("rich", 7),
        ("lines", "f"),
    ]


# --------------------------------------------------------------------------- format


def test_an_entrys_year_takes_no_regex_cache_look_up(monkeypatch):
    """APA asks for an entry's year five times (sort key, group, citations, reference): the
    pattern is compiled once, not looked up in re's cache each time."""
    import re

    from annobib import model

    monkeypatch.setattr(re, "search", lambda *a, **k: pytest.fail("re.search looked the pattern up"))
    assert [Entry("k", "misc", f).year for f in ({"year": "c. 1999a"}, {"date": "2020-05"}, {"year": "99"}, {})] == [
        "1999",
        "2020",
        None,
        None,
    ]
    assert model._FOUR_DIGITS("x 12345").group(0) == "1234"


def test_rich_text_is_true_when_a_run_has_text():
    from annobib.render.richtext import RichText, Run

    def made(*texts):
        out = RichText()
        out.runs = [Run(t, False, None, None) for t in texts]
        return out

    assert [bool(made(*t)) for t in ((), ("",), ("", ""), ("", "a"), ("a",))] == [False, False, False, True, True]
