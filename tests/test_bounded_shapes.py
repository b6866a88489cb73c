"""Hostile shapes under 1 MB found by the re-test: each stage stays linear and bounded."""

from __future__ import annotations

import time


def _cpu(fn):
    t = time.process_time()
    out = fn()
    return time.process_time() - t, out


def test_block_starts_crowded_on_one_line_are_one_problem(cli_run, tmp_path):
    from annobib.bib.library import parse_library

    spent, lib = _cpu(lambda: parse_library("@a{" * 200_000))
    assert len(lib.problems) == 1 and "200000 block starts" in lib.problems[0].message
    assert spent < 2.0  # was 4 s and 500 MB: a problem object per '@'
    bib = tmp_path / "at.bib"
    bib.write_text("@a{}" * 150_000, encoding="utf-8")
    r = cli_run(["--bib", str(bib), "list"])
    assert r.exit_code == 2 and len(r.stderr.strip().splitlines()) == 1, r.stderr


def test_a_few_entries_on_one_line_still_parse():
    from annobib.bib.library import parse_library

    lib = parse_library("@book{a, title={A}} @book{b, title={B}} @article{c, title={C}}\n")
    assert [e.key for e in lib.entries] == ["a", "b", "c"] and not lib.problems


def test_a_title_of_nested_accents_decodes_in_linear_time():
    from annobib.core.latex import latex_to_text

    spent, text = _cpu(lambda: latex_to_text("{\\'{\\'{\\\"e}}}" * 40_000))
    assert text == "ë\u0301\u0301" * 40_000 or len(text) == 120_000
    assert spent < 1.5


def test_a_900_kb_title_is_cased_and_classed_in_linear_time():
    from annobib.styles.casing import sentence_case
    from annobib.styles.gbt7714 import LANG_EN, str_lang

    title = "ab " * 300_000
    spent, out = _cpu(lambda: (sentence_case([(title, False)]), str_lang(title)))
    assert out == (title, LANG_EN)
    assert spent < 1.5
    assert sentence_case([("The Rise  of Rome: a Study", False)]) == "The rise  of Rome: a study"


def test_the_fix_pass_runs_no_rule_whose_every_fix_is_unsafe(monkeypatch):
    import datetime as dt

    from annobib.bib.library import parse_library
    from annobib.checks import Context, apply_fixes, select_rules
    from annobib.checks.base import REGISTRY

    rules = select_rules()  # loads the rule modules
    calls = []
    w316 = REGISTRY["W316"]
    real = w316.check
    monkeypatch.setattr(w316, "check", lambda r, e, ctx: calls.append(e.key) or real(r, e, ctx))
    text = "@online{a, title={A}, url={https://x.org/p?utm_source=t&id=3#}, urldate={2024-01-01}}\n"
    lib = parse_library(text)
    applied = apply_fixes(lib, rules, Context(today=dt.date(2026, 1, 1)))
    assert [a.code for a in applied] == ["W317"] and calls == []  # the safe fix only, W316 never run
    lib = parse_library(text)
    applied = apply_fixes(lib, rules, Context(today=dt.date(2026, 1, 1)), unsafe=True)
    assert {a.code for a in applied} >= {"W316"} and calls
