"""Applying the rules' fixes: a fix is data (field, new value); applying it is mechanical.

Fixes of one pass may touch the same field (whitespace and a trailing '。' on one URL), so the
fixer applies at most one fix per field per pass and checks the changed entries again, until
nothing is left to fix (a handful of passes at most).

With ``rechecked`` (``validate --fix``), those checks run every selected rule, not only the
fixable ones, and each changed entry's last findings are kept: they are that entry's findings
after fixing, so the report needs no second check of the whole file (at 50,000 fixed entries
that check was a third of the run).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from annobib.checks.base import FIELD_LOCAL, Context, Rule
from annobib.checks.runner import Corpus, check_corpus, prepare_context
from annobib.perf import paused_gc

MAX_PASSES = 8


@dataclass(slots=True)
class Applied:
    key: str
    field: str
    code: str
    old: str | None
    new: str | None
    description: str
    entry: object = field(default=None, repr=False, compare=False)  # which one (keys may repeat)
    step: int = field(default=0, repr=False, compare=False)  # the pass that applied it (0: the first)


class Counted:
    """Fixes applied, counted and not kept: how many of each rule code (in the order first
    applied) and which entries they changed. What ``validate --fix`` reports unless the JSON
    report lists every fix: 266,000 fixes at 50,000 entries held as :class:`Applied`, old and
    new values and descriptions, were 40 MB (and 10 MB for the second process to send back)."""

    __slots__ = ("codes", "entries")

    def __init__(self, applied: list[Applied] | None = None):
        self.codes: dict[str, int] = {}
        self.entries: dict[int, object] = {}  # id(entry) -> entry, in the order first fixed
        for a in applied or ():
            self.add(a.code, a.entry)

    def add(self, code: str, entry: object, n: int = 1) -> None:
        self.codes[code] = self.codes.get(code, 0) + n
        self.entries.setdefault(id(entry), entry)

    def update(self, other: Counted) -> None:
        for code, n in other.codes.items():
            self.codes[code] = self.codes.get(code, 0) + n
        for k, e in other.entries.items():
            self.entries.setdefault(k, e)

    def __len__(self) -> int:
        return sum(self.codes.values())


def apply_fixes(
    library,
    rules: list[Rule],
    ctx: Context | None = None,
    unsafe: bool = False,
    findings: list | None = None,
    rechecked: dict | None = None,
    entries: list | None = None,
) -> list[Applied]:
    """Apply the fixes the given rules offer to ``library`` in place; return what changed.
    ``findings``: a full check of the library already made (``validate --fix`` checks first),
    used for the first pass instead of checking every entry again. ``rechecked``: filled with
    id(entry) -> the findings of every rule in ``rules`` on each changed entry as fixed.
    ``entries``: only these entries of it (``findings`` holds theirs; see :mod:`.halves`)."""
    ctx = ctx or Context()
    # only rules that can offer a fix: the others would be run for nothing (the findings are
    # made afterwards, on the fixed library); a third of the time of `validate --fix` at 50k
    # (nor those whose every fix is unsafe, without --unsafe-fixes: W316 alone was 10 %)
    active = {
        r.code: r
        for r in rules
        if r.scope == "entry" and r.fixable and (unsafe or r.fixable != "unsafe") and all(ctx.has(n) for n in r.needs)
    }
    # the rules the changed entries are checked with: all of them when their findings are kept
    every = {r.code: r for r in rules if all(ctx.has(n) for n in r.needs)} if rechecked is not None else active
    if findings is None:  # else the check made them ready (same libraries, same text)
        prepare_context([library], ctx, every)
    applied: list[Applied] = []
    todo = list(library.entries if entries is None else entries)
    for n in range(MAX_PASSES + 1):
        if not todo:
            break
        if n == 0 and findings is not None:
            mine = {id(e) for e in todo}
            found = (
                [f for f in findings if f.code in active and f.entry is not None and id(f.entry) in mine]
                if entries is None
                else [f for f in findings if f.code in active and f.entry is not None]
            )
        else:
            if n == MAX_PASSES and rechecked is None:
                break
            found = _check(todo, every, ctx, rechecked)
            if n == MAX_PASSES:
                break  # the entries are checked as last fixed; no further pass
        by_entry: dict[int, tuple] = {}
        for f in found:
            if f.fix is None or f.entry is None or (not f.fix.safe and not unsafe):
                continue
            by_entry.setdefault(id(f.entry), (f.entry, {}))[1].setdefault(f.fix.field, f)
        changed = []
        for e, per_field in by_entry.values():
            for name, f in per_field.items():
                old = e.fields.get(name)
                if f.fix.value == old:
                    continue
                if f.fix.value is None:
                    e.fields.pop(name, None)
                else:
                    e.fields[name] = f.fix.value
                applied.append(Applied(e.key, name, f.code, old, f.fix.value, f.fix.description, e, n))
                if f.code in FIELD_LOCAL and f.fix.value is not None:
                    _chain(e, name, FIELD_LOCAL[f.code], active, unsafe, applied, n)
            changed.append(e)
        todo = changed
    return applied


def _chain(e, name: str, findings_of, active: dict, unsafe: bool, applied: list[Applied], step: int = 0) -> None:
    """The further fixes of field ``name`` that a field-local scanner offers (its findings
    depend on the value alone: base.field_local), applied now, not one per pass: a title with
    four fixes (control character, entity, '%', spaces) cost four checks of its entry."""
    for _ in range(MAX_PASSES):
        value = e.fields[name]
        f = next(
            (
                f
                for f in findings_of(name, value)
                if f.fix is not None
                and f.code in active
                and (f.fix.safe or unsafe)
                and f.fix.field == name
                and f.fix.value != value
            ),
            None,
        )
        if f is None:
            return
        if f.fix.value is None:
            e.fields.pop(name, None)
        else:
            e.fields[name] = f.fix.value
        applied.append(Applied(e.key, name, f.code, value, f.fix.value, f.fix.description, e, step))
        if f.fix.value is None:
            return


def _check(entries: list, rules: dict, ctx: Context, rechecked: dict | None) -> list:
    """Findings of ``rules`` on ``entries``; each entry's own also kept in ``rechecked``."""
    with paused_gc():
        found = check_corpus(Corpus(entries=entries), rules, ctx, entries=entries)
    if rechecked is not None:
        for e in entries:
            rechecked[id(e)] = []
        for f in found:  # a finding of no entry (none so far) makes the caller check everything
            rechecked.setdefault(None if f.entry is None else id(f.entry), []).append(f)
    return found
