"""Validation rules for bibliographies (``annobib validate``).

    from annobib.checks import run_checks, all_rules, Context
    findings = run_checks(read_library(path), select=["E", "W3"], ignore=["W207"])
    for f in findings: print(f.code, f.key, f.field, f.message, f.line)

Codes: ``E…`` errors, ``W…`` warnings, ``I…`` hints; the hundreds give the family:
1 structure, 2 completeness, 3 form, 4 consistency, 5 text hygiene, 6 article coverage,
8 links (from check-links' state, :mod:`annobib.checks.links`). A rule is a small function in one
of the modules here; :mod:`annobib.checks.base` explains how to add one (including rules that
need link state). ``annobib validate`` is :mod:`annobib.checks.session` (read policy, fix
transaction) and :mod:`annobib.checks.emit` (text, json, github).
"""

from annobib.checks.base import ERROR, INFO, WARNING, Context, Finding, Fix, Rule, declare, rule, scanner
from annobib.checks.fixes import Applied, apply_fixes
from annobib.checks.runner import all_rules, run_checks, select_rules

__all__ = [
    "ERROR",
    "WARNING",
    "INFO",
    "Context",
    "Finding",
    "Fix",
    "Rule",
    "Applied",
    "rule",
    "declare",
    "scanner",
    "run_checks",
    "all_rules",
    "select_rules",
    "apply_fixes",
]
