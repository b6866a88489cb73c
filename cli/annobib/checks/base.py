"""The pieces every rule is made of: severities, findings, fixes, the registry, the context.

A rule is a small function registered with :func:`rule`. Two shapes:

* ``scope="entry"`` — ``check(entry, ctx) -> list[Finding] | None``, called once per entry;
* ``scope="library"`` — ``check(entries, ctx) -> list[Finding] | None``, called once with every
  entry (duplicates, coverage); it must not be quadratic.

A rule never prints and never touches a file. A fix is data: the field and its new value,
computed by a pure function from the old one (:class:`Fix`). ``safe`` fixes are mechanical
(dashes, whitespace, trailing punctuation, date notation) and never change what a field means;
the others are applied only when asked (``--unsafe-fixes``).

Extension point: a rule may declare ``needs=("links",)`` (or any other name). The runner skips
it unless the context carries that state (``ctx.state["links"]``), so plain ``validate`` stays
offline and ``validate --links`` only has to register rules and pass the link state.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Callable, Iterable

ERROR, WARNING, INFO = "error", "warning", "info"
SEVERITY_OF_LETTER = {"E": ERROR, "W": WARNING, "I": INFO}
SEVERITY_RANK = {ERROR: 0, WARNING: 1, INFO: 2}

FAMILIES = ("structure", "completeness", "form", "consistency", "hygiene", "coverage", "links")


@dataclass(frozen=True)
class Fix:
    """Set ``field`` to ``value`` (``None`` deletes it). ``safe`` fixes run with plain ``--fix``."""

    field: str
    value: str | None
    safe: bool = True
    description: str = ""


@dataclass(slots=True)
class Finding:
    code: str
    severity: str
    key: str | None
    field: str | None
    message: str
    line: int | None = None
    source: str | None = None
    fix: Fix | None = None
    rule: str = ""
    entry: object = field(default=None, repr=False, compare=False)  # the Entry, for fixers

    def as_dict(self) -> dict:
        return {
            "code": self.code,
            "severity": self.severity,
            "rule": self.rule,
            "file": self.source,
            "line": self.line,
            "key": self.key,
            "field": self.field,
            "message": self.message,
            "fix": None
            if self.fix is None
            else {
                "field": self.fix.field,
                "value": self.fix.value,
                "safe": self.fix.safe,
                "description": self.fix.description,
            },
        }


@dataclass
class Rule:
    code: str
    name: str
    family: str
    summary: str
    check: Callable
    scope: str = "entry"  # "entry" | "library"
    needs: tuple[str, ...] = ()
    fixable: str = ""  # "" | "safe" | "unsafe" | "some"
    bad: str = ""  # an example that fires
    good: str = ""  # the same, corrected
    fields: tuple[str, ...] = ()  # entry rules: run only on entries that have one of these fields
    types: tuple[str, ...] = ()  # entry rules: run only on entries of these types
    absent: tuple[str, ...] = ()  # entry rules: can fire only when none of these has a value
    on_empty: bool = False  # entry rules: can fire only when some value is empty

    def __post_init__(self):
        self._severity = SEVERITY_OF_LETTER[self.code[0]]  # read once per finding: kept, not derived

    @property
    def severity(self) -> str:
        return self._severity

    def finding(self, entry, field_name: str | None, message: str, fix: Fix | None = None) -> Finding:
        if entry is None:
            return Finding(self.code, self._severity, None, field_name, message, None, None, fix, self.name, None)
        return Finding(
            self.code, self._severity, entry.key, field_name, message, entry.line, entry.source, fix, self.name, entry
        )


REGISTRY: dict[str, Rule] = {}
# Scanners check several codes in one pass over an entry (text hygiene looks at every field once):
# (codes, fn, scope, fields); fn(rules_by_code, entry, ctx) -> list[Finding] | None.
SCANNERS: list[tuple[tuple[str, ...], Callable, str, tuple[str, ...]]] = []
# code -> fn(field, value) -> the findings of that code's scanner on that one field, which
# depend on nothing else: the fixer applies such a field's further fixes at once (field_local)
FIELD_LOCAL: dict[str, Callable] = {}


def field_local(*codes: str):
    """Register ``fn(field, value) -> findings`` for ``codes``, whose findings (and fixes) on a
    field depend on that field's value alone (never on the entry's other fields)."""

    def deco(fn):
        for c in codes:
            FIELD_LOCAL[c] = fn
        return fn

    return deco


def rule(
    code: str,
    name: str,
    family: str,
    summary: str,
    *,
    scope: str = "entry",
    needs: Iterable[str] = (),
    fixable: str = "",
    bad: str = "",
    good: str = "",
    fields: Iterable[str] = (),
    types: Iterable[str] = (),
    absent: Iterable[str] = (),
    on_empty: bool = False,
):
    """Register the decorated function as rule ``code``; the function gets the Rule as ``R``.

    The function is called as ``fn(R, entry, ctx)`` (or ``fn(R, corpus, ctx)`` for library rules).
    ``fields`` / ``types`` are triggers: the runner calls an entry rule only for entries that have
    one of those fields / are of one of those types (50,000 entries x 60 rules is 3 million calls
    otherwise); ``absent`` says the rule can only fire when none of those fields has a value.
    """
    if code[0] not in SEVERITY_OF_LETTER or not code[1:].isdigit():
        raise ValueError(f"bad rule code {code!r}")
    if family not in FAMILIES:
        raise ValueError(f"bad family {family!r}")

    def deco(fn):
        if code in REGISTRY:
            raise ValueError(f"rule {code} registered twice")
        REGISTRY[code] = Rule(
            code,
            name,
            family,
            summary,
            fn,
            scope,
            tuple(needs),
            fixable,
            bad,
            good,
            tuple(fields),
            tuple(types),
            tuple(absent),
            on_empty,
        )
        return fn

    return deco


def declare(
    code: str,
    name: str,
    family: str,
    summary: str,
    *,
    fixable: str = "",
    bad: str = "",
    good: str = "",
    scope: str = "entry",
    needs: Iterable[str] = (),
) -> Rule:
    """Register a rule whose findings come from a scanner (see :func:`scanner`)."""
    rule(code, name, family, summary, scope=scope, needs=needs, fixable=fixable, bad=bad, good=good)(None)
    return REGISTRY[code]


CLAIMED: set[str] = set()  # rules with a check function that a scanner calls (the runner does not)


def scanner(*codes: str, scope: str = "entry", fields: Iterable[str] = (), claims: bool = False):
    """Register ``fn(rules, entry, ctx)`` as the one pass that produces findings for ``codes``
    (called only for entries with one of ``fields``, when given). With ``claims``, the codes are
    ordinary rules that the scanner calls itself, after a shared quick test."""

    def deco(fn):
        for c in codes:
            if c not in REGISTRY:
                raise ValueError(f"declare {c} before its scanner")
        if claims:
            CLAIMED.update(codes)
        SCANNERS.append((tuple(codes), fn, scope, tuple(fields)))
        return fn

    return deco


@dataclass
class Context:
    """What rules may know besides the entries. ``state`` holds optional extras
    (``"links"`` for link-state rules; ``"manuscript"`` for cited keys)."""

    today: _dt.date = field(default_factory=_dt.date.today)
    cited_keys: dict[str, list[tuple[str, int]]] | None = None  # key -> [(file, line)] from a manuscript
    state: dict = field(default_factory=dict)

    def has(self, need: str) -> bool:
        if need == "manuscript":
            return self.cited_keys is not None
        return self.state.get(need) is not None
