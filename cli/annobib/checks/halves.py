"""``validate --fix`` of a large file in two processes, one fork for the whole job.

What the fixer does to an entry depends on that entry alone: the check that finds its fixes,
the fixes (a field's further fixes at once), the check of the entry as fixed, the splice of
its new values into its text and the read-back of that text (:mod:`annobib.bib.writer`). So a
forked child does all of it for the second half of the entries while this process does the
first half, and sends back only what changed: each fixed entry's fields, the fixes applied,
its findings as fixed and its new text. Before, each step forked a child of its own (three,
with 100,000s of findings marshalled between them) and the field chains ran here alone: at
50,000 fixed entries this is 40 % less time in this process.

The result is the one :func:`annobib.checks.fixes.apply_fixes` and
:func:`annobib.bib.writer.check_library` give in one process: the same fields, fixes (in the
same order), findings and text (a test compares both).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from annobib.bib.library import Block, Library
from annobib.bib.writer import Part, check_library, splice_and_check
from annobib.checks.base import Context, Finding, Rule
from annobib.checks.fixes import Applied, Counted, apply_fixes
from annobib.checks.runner import (
    Corpus,
    _without_phantoms,
    alone,
    check_corpus,
    finding_of,
    finding_row,
    forget_values,
    sort_findings,
)
from annobib.core import fork
from annobib.errors import InputError

PARALLEL_MIN = 5000  # entries before a second process pays for itself


@dataclass
class Fixed:
    """One library fixed: what :func:`annobib.checks.runner.rerun_checks` and the writer need."""

    kept: list[Finding] = field(default_factory=list)  # every entry rule's findings of entries not fixed
    fresh: dict = field(default_factory=dict)  # id(entry) -> its findings as fixed
    applied: list[Applied] | Counted = field(default_factory=list)  # Counted: without details
    parts: list[Part] | None = None  # the checked text, for write_library(checked=…)


def can_split(lib: Library) -> bool:
    return fork.available() and sum(1 for b in lib.blocks if b.kind == "entry") >= PARALLEL_MIN


def fix_in_two(
    lib: Library,
    rules: list[Rule],
    fixing: dict[str, Rule],
    ctx: Context,
    *,
    unsafe: bool,
    fixed=None,
    details: bool = True,
) -> Fixed | None:
    """Check, fix, re-check, splice and read back ``lib`` in two processes (see the module
    docstring); ``fixing``: the rules the first check runs. None when no second process can be
    had (the caller then goes the one-process way). InputError when a fixed entry would not
    read back: nothing is written. ``fixed()``: called when every entry has its fixed fields
    (if a fix was applied), before the texts are joined and checked: the caller's library
    rules then run in a process of their own meanwhile (they waited for the join before).
    ``details``: each fix kept as :class:`Applied` (the JSON report lists them), else only
    counted (:class:`Counted`)."""
    # each process builds the entries of its own half: this one held the values as read of all
    # 50,000 (40 MB) and built them on one core before the second could start
    held = [b for b in lib.blocks if b.kind == "entry" and (b.untouched or b.entry is not None)]
    cut = len(held) // 2
    my_blocks, their_blocks = held[:cut], held[cut:]

    def work():
        """The child's half, sent item by item (each made, sent and let go in turn)."""
        theirs = [b.entry for b in their_blocks]
        part = _fix_part(lib, theirs, _owners(their_blocks), rules, fixing, ctx, unsafe, details)
        forget_values()  # the scan memo: nothing scans here any more, and the rows take its room
        where = {id(e): i for i, e in enumerate(theirs)}
        applied = part.applied
        yield [finding_row(f, where) for f in part.kept]
        yield [
            (i, [finding_row(f, where) for f in part.fresh.get(id(e), ())])
            for i, e in enumerate(theirs)
            if id(e) in part.fresh
        ]
        yield (
            (list(applied.codes.items()), [where[k] for k in applied.entries])
            if isinstance(applied, Counted)
            else [(where[id(a.entry)], a.field, a.code, a.old, a.new, a.description, a.step) for a in applied]
        )
        yield [(where[id(e)], tuple(e.fields.items())) for e in _changed(applied)]
        yield part.texts
        yield part.error
        yield ctx.state.get("rule_errors", [])

    child = fork.in_child(work, parts=True)
    if child is None:
        return None
    try:
        mine = [b.entry for b in my_blocks]
        here = _fix_part(lib, mine, _owners(my_blocks), rules, fixing, ctx, unsafe, details)
    finally:
        got = child()  # waited for even when this half failed: no process is left behind
    if here.error is not None:
        raise InputError(here.error)
    if got is not None:
        forget_values()  # this half's scan memo, before the child's half becomes objects here
    if got is None:  # the child failed: its half here too
        theirs = [b.entry for b in their_blocks]
        there = _fix_part(lib, theirs, _owners(their_blocks), rules, fixing, ctx, unsafe, details)
        if there.error is not None:
            raise InputError(there.error)
    else:
        theirs, there = _received(got, their_blocks, ctx)
        del got  # the child's rows, objects now: held on, they were 100 MB more while the file was joined
    if fixed is not None and (here.applied or there.applied):
        fixed()
    return _joined(lib, mine + theirs, here, there)


def _owners(blocks: list[Block]) -> dict[int, Block]:
    """id(entry) -> its block, for entry blocks whose entries are built."""
    return {id(b.entry): b for b in blocks}


@dataclass
class _Part:
    kept: list[Finding]
    fresh: dict
    applied: list[Applied] | Counted
    texts: list  # splice_entry of each entry's block, in order (None: unchanged or written whole)
    error: str | None = None


def _fix_part(lib, entries, blocks, rules, fixing, ctx: Context, unsafe: bool, details: bool = True) -> _Part:
    """The whole job on ``entries``, in this process only."""
    with alone():
        found = check_corpus(Corpus(entries=entries), fixing, ctx, entries=entries)
        if ctx.state.get("text_oddities", {}).get("comment_at"):
            found = _without_phantoms(found, ctx)  # an entry BibTeX reads out of a comment: not fixed
        found = sort_findings(found)  # the order run_checks gives: which fix of a field goes first
        fresh: dict = {}
        listed = apply_fixes(lib, rules, ctx, unsafe=unsafe, findings=found, rechecked=fresh, entries=entries)
        applied = listed if details else Counted(listed)
        del listed  # without details: the old and new values of every fix, dropped here
    kept = [f for f in found if f.entry is None or id(f.entry) not in fresh]
    del found  # the fixed entries' first findings (most of them at 50,000 fixed): not while splicing
    # the entry rules that offer no fix, on the entries left as they were (the fixed ones were
    # checked with every rule): here, in both halves, not in a further pass over the file
    # (a file with little to fix spent a second pass and a third process on them)
    rest = {
        r.code: r for r in rules if r.scope == "entry" and r.code not in fixing and all(ctx.has(n) for n in r.needs)
    }
    unchanged = [e for e in entries if id(e) not in fresh]
    if rest and unchanged:
        with alone():
            kept += check_corpus(Corpus(entries=unchanged), rest, ctx, entries=unchanged)
    owned = [blocks.get(id(e)) for e in entries]
    try:
        texts, _ = splice_and_check(lib, [b for b in owned if b is not None])
    except InputError as exc:
        return _Part(kept, fresh, applied, [], str(exc))
    it = iter(texts)
    made = [next(it) if b is not None else None for b in owned]
    for b, text in zip(owned, made):
        if b is not None and text is not None:
            # its text is made and checked: the values as read (those the fixes replaced) go
            b.snapshot = None
    return _Part(kept, fresh, applied, made)


def _changed(applied: list[Applied] | Counted) -> list:
    """The entries the fixes changed, in the order first fixed."""
    if isinstance(applied, Counted):
        return list(applied.entries.values())
    seen: dict[int, object] = {}
    for a in applied:
        seen.setdefault(id(a.entry), a.entry)
    return list(seen.values())


def _received(got, blocks: list[Block], ctx: Context) -> tuple[list, _Part]:
    """The child's half as objects of this process: its entries (given their fixed fields) and
    what was found and done to them. ``got``: the child's items (:class:`fork.Parts`), each
    taken once, the fixed fields first: the records they replace are let go before the findings
    and texts become objects here."""
    errors, error = got[6], got[5]
    if errors:
        ctx.state.setdefault("rule_errors", []).extend(errors)
    if error is not None:
        raise InputError(error)
    texts, fields = got[4], got[3]
    for i, items in fields:
        b = blocks[i]
        if texts[i] is not None and b.untouched:
            b.build_with(items)  # spliced there: its values as read are never needed here
        else:
            e = b.entry
            e.fields.clear()
            e.fields.update(items)
    del fields
    entries = [b.entry for b in blocks]
    kept_rows, fresh_rows, applied_rows = got[0], got[1], got[2]
    fresh: dict = {}
    for i, rows in fresh_rows:
        fresh[id(entries[i])] = [finding_of(r, entries) for r in rows]
        if any(r[-1] < 0 for r in rows):
            fresh[None] = []  # a finding of no entry: the caller checks everything again
    applied: list[Applied] | Counted
    if isinstance(applied_rows, tuple):  # counted only (see fix_in_two's details)
        applied = Counted()
        applied.codes.update(applied_rows[0])
        applied.entries.update((id(entries[i]), entries[i]) for i in applied_rows[1])
    else:
        applied = [
            Applied(entries[i].key, name, code, old, new, why, entries[i], step)
            for i, name, code, old, new, why, step in applied_rows
        ]
    return entries, _Part([finding_of(r, entries) for r in kept_rows], fresh, applied, texts)


def _joined(lib: Library, entries, here: _Part, there: _Part) -> Fixed:
    fresh = here.fresh
    fresh.update(there.fresh)
    applied: list[Applied] | Counted
    if isinstance(here.applied, Counted) and isinstance(there.applied, Counted):
        applied = here.applied
        applied.update(there.applied)
    else:  # the order apply_fixes gives on the whole file: pass by pass, entries in file order
        listed = list(here.applied) + list(there.applied)  # type: ignore[arg-type]
        at = {id(e): i for i, e in enumerate(entries)}
        applied = sorted(listed, key=lambda a: (a.step, at[id(a.entry)]))
    spliced: dict[int, str | None] = {}
    done: set[int] = set()
    blocks: dict[int, Block] = {id(b.entry): b for b in lib.blocks if b.kind == "entry" and not b.untouched}
    for e, text in zip(entries, here.texts + there.texts):
        if text is not None:
            b = blocks[id(e)]
            spliced[id(b)] = text
            done.add(id(b))
    parts = check_library(lib, spliced, done)  # the entries written whole (if any) are checked here
    return Fixed(here.kept + there.kept, fresh, applied, parts)
