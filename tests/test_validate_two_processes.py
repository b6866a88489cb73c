"""A large corpus is checked in two processes; the findings (and the entries they point at, for
--fix) must be exactly those of one process."""

from __future__ import annotations

import datetime as dt

from annobib.bib import read_library
from annobib.checks import Context, run_checks, select_rules
from annobib.checks import runner
from annobib.checks.runner import clear_caches

from conftest import ARTICLE_BIB


def _dump(findings):
    return [
        (
            f.code,
            f.severity,
            f.key,
            f.field,
            f.message,
            f.line,
            f.source,
            f.rule,
            None if f.fix is None else (f.fix.field, f.fix.value, f.fix.safe, f.fix.description),
            id(f.entry) if f.entry is not None else None,
        )
        for f in findings
    ]


def test_two_processes_find_exactly_what_one_finds(monkeypatch, tmp_path, forks):
    # the article plus broken copies of its entries: duplicates (a library rule) and entry rules
    text = ARTICLE_BIB.read_text(encoding="utf-8")
    broken = text.replace("date = {2025", "date = {2025-02-30").replace("pages = {", "pages = {99--")
    bib = tmp_path / "twice.bib"
    bib.write_text(
        text + "\n" + broken.replace("@article{", "@article{b_").replace("@online{", "@online{b_"), encoding="utf-8"
    )
    lib = read_library(bib)
    ctx = Context(today=dt.date(2026, 1, 1))
    rules = [r for r in select_rules() if not r.needs]
    monkeypatch.setattr(runner, "PARALLEL_MIN", 10**9)
    clear_caches()
    alone = run_checks(lib, rules=rules, ctx=ctx)
    monkeypatch.setattr(runner, "PARALLEL_MIN", 10)
    n_before = len(forks)
    clear_caches()
    shared = run_checks(lib, rules=rules, ctx=Context(today=dt.date(2026, 1, 1)))
    assert len(forks) > n_before  # the check did go through a second process
    assert len(alone) > 100 and {"W107", "E305"} & {f.code for f in alone}
    assert _dump(shared) == _dump(alone)
