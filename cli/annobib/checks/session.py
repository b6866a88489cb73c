"""A validate session: which files are read and how, the fix-then-write transaction, the
findings and their summary. ``annobib validate`` is a thin Click layer over :func:`validate`;
what it prints is :mod:`annobib.checks.emit`'s.

Read policy: with ``--fix`` every file is read under its write lock and nothing is written
unless every file could be read; without it, a file that cannot be read is reported (one line,
exit 2) after the findings of the others — unless it is the only one, which ends the run at once.

Fix transaction: the fixes of every file are applied in memory, then every edited file is
checked to read back as written, and only then are they written (locked, atomic); a failed
check writes nothing further. The findings are those of the fixed libraries.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path
from typing import overload

from annobib.bib import read_library, write_library
from annobib.bib.writer import check_library
from annobib.bounded import MAX_IMPORT_BYTES
from annobib.checks import fixes, halves
from annobib.checks.base import Context, Finding
from annobib.checks.coverage import cited_keys_from_text
from annobib.checks.emit import summarize
from annobib.checks.runner import (
    fixing_codes,
    forget_values,
    parse_codes,
    prepare_context,
    rerun_checks,
    run_checks,
    select_rules,
    start_library_rules,
)
from annobib.core.inputs import decode_utf8
from annobib.errors import InputError, read_input_bytes
from annobib.perf import paused_gc


class OptionError(ValueError):
    """Options that do not go together, or a rule selection that matches nothing (exit 2)."""


@dataclass
class Outcome:
    paths: list[Path]
    libraries: list
    findings: list[Finding]
    summary: dict
    unreadable: list[InputError] = field(default_factory=list)
    fixing: bool = False
    dry_run: bool = False
    diffs: list[str] = field(default_factory=list)  # with --diff or --dry-run: one per file the fixes changed
    applied: Sequence[dict] = field(default_factory=list)  # the fixes, as the JSON report shows them
    fixed_entries: int = 0  # how many entries the fixes changed
    rule_errors: list[str] = field(default_factory=list)  # rules that crashed (their findings are missing)
    strict: bool = False

    @property
    def failed(self) -> bool:
        return self.summary["errors"] > 0 or (self.strict and self.summary["warnings"] > 0)

    @property
    def exit_code(self) -> int:
        return 2 if self.unreadable else 1 if self.failed else 0


class AppliedReport(Sequence[dict]):
    """The applied fixes as the JSON report shows them (file, key, field, code, old, new,
    description), each row made when it is read: ``validate --fix`` in text or github form reads
    only the codes and the count (266,000 fixes at 50,000 entries were 266,000 dicts, 55 MB).
    ``counted``: fixes kept as counts only (``validate(report_fixes=False)``): they have codes
    and a count, no rows."""

    __slots__ = ("_rows", "_counted")

    def __init__(self, rows: list[tuple[str, fixes.Applied]], counted: Sequence[fixes.Counted] = ()):
        self._rows = rows  # (file, the fix)
        self._counted = list(counted)

    def __len__(self) -> int:
        return len(self._rows) + sum(len(c) for c in self._counted)

    @overload
    def __getitem__(self, i: int) -> dict: ...
    @overload
    def __getitem__(self, i: slice) -> list[dict]: ...
    def __getitem__(self, i):
        if self._counted:
            raise LookupError("the fixes were counted, not kept (validate(report_fixes=False))")
        if isinstance(i, slice):
            return [_applied_row(*r) for r in self._rows[i]]
        return _applied_row(*self._rows[i])

    def __eq__(self, other) -> bool:
        return list(self) == list(other) if isinstance(other, (list, AppliedReport)) else NotImplemented

    def codes(self):
        """The rule code of each fix, in order (what the summary counts; counted fixes: each
        code as many times as it was applied)."""
        yield from (a.code for _, a in self._rows)
        for c in self._counted:
            for code, n in c.codes.items():
                yield from repeat(code, n)


def _applied_row(path: str, a: fixes.Applied) -> dict:
    return {
        "file": path,
        "key": a.key,
        "field": a.field,
        "code": a.code,
        "old": a.old,
        "new": a.new,
        "description": a.description,
    }


def read_manuscripts(paths) -> dict:
    """Keys cited in each manuscript (``\\cite{…}`` in .tex/.aux, ``[@key]`` in Markdown) ->
    the places that cite them."""

    cited: dict[str, list] = {}
    for p in paths:
        path = Path(p)
        # devices and writerless FIFOs are refused before reading (a manuscript /dev/zero hung)
        data = read_input_bytes(path, "a manuscript (--manuscript)", limit=MAX_IMPORT_BYTES)
        text = decode_utf8(data, f"{p} (--manuscript)", hint=False, text_only=False)
        suffix = path.suffix.lower()
        kind = (
            "latex"
            if suffix in (".tex", ".aux", ".ltx", ".latex", ".sty")
            else "pandoc"
            if suffix in (".md", ".markdown", ".qmd", ".rmd", ".txt", ".org", ".rst")
            else "auto"
        )
        for k, places in cited_keys_from_text(text, kind, str(p)).items():
            cited.setdefault(k, []).extend(places)
    return cited


def read_libraries(paths: list[Path], *, lock: bool, all_or_nothing: bool) -> tuple[list, list[InputError]]:
    """The libraries that could be read and the errors of those that could not (see the read
    policy above). Raises the error itself when nothing could be read or ``all_or_nothing``."""
    from annobib.lookup.view import PARSE_CACHE  # unchanged chunks are not parsed again

    libraries, unreadable = [], []
    for p in paths:
        try:
            if p.is_dir():
                raise InputError(f"{p}: is a directory, not a .bib file")
            libraries.append(read_library(p, store=PARSE_CACHE, lock=lock))
        except InputError as exc:
            if all_or_nothing or len(paths) == 1:
                raise  # --fix writes nothing unless every file could be read
            unreadable.append(exc)
    if unreadable and not libraries:
        raise _AllUnreadable(unreadable)
    # entry blocks, not entries: building 50,000 here held their values as read in this process
    if not any(any(b.kind == "entry" for b in lib.blocks) or lib.problems for lib in libraries):
        names = ", ".join(str(lib.path) for lib in libraries)
        raise InputError(f"{names}: no entries to validate (an empty file, or only comments)")
    return libraries, unreadable


class _AllUnreadable(InputError):
    """No file could be read: the last error is the message; ``errors`` holds them all."""

    def __init__(self, errors: list[InputError]):
        super().__init__(str(errors[-1]))
        self.errors = errors


def fix_and_write(
    libraries,
    rules,
    ctx: Context,
    *,
    unsafe: bool,
    dry_run: bool,
    diff: bool = True,
    findings: list | None = None,
    rechecked: dict | None = None,
    fixed=None,
    done: dict | None = None,
    details: bool = True,
) -> tuple[list[str], AppliedReport, int]:
    """Apply the fixes to every library, check every edited one, then write them (or, with
    ``dry_run``, only diff them). Returns the diffs (none unless ``diff``: at 50,000 fixed
    entries the diff cost more than the write), the applied fixes and how many entries changed. ``findings``: the
    libraries' check, made already (the fixes' first pass reads it); ``rechecked``: filled
    with the findings of each fixed entry as fixed (see :func:`fixes.apply_fixes`); ``fixed()``
    is called once every fix is applied, before any file is checked or written. ``done``:
    id(library) -> its :class:`halves.Fixed`, fixed and checked already. ``details``: each fix
    kept for the report's rows, else only counted (:class:`fixes.Counted`)."""

    pending = []
    for lib in libraries:
        got = done.get(id(lib)) if done else None
        if got is not None:
            applied, parts = got.applied, got.parts
        else:
            applied = fixes.apply_fixes(lib, rules, ctx, unsafe=unsafe, findings=findings, rechecked=rechecked)
            if not details:
                applied = fixes.Counted(applied)
            parts = None
        if applied:
            pending.append((lib, applied, parts))
    if pending and fixed is not None:
        fixed()
    # check every file first: a failure writes nothing further (a dry run checks nothing)
    checked = [p if p is not None else check_library(lib) if not dry_run else None for lib, _, p in pending]
    # a diff only when it is shown (--diff, --dry-run): it costs what changed, which may be all
    diffs = [write_library(lib, dry_run=dry_run, diff=diff, checked=c) for (lib, _, _), c in zip(pending, checked)]
    listed = [(lib, a) for lib, a, _ in pending if not isinstance(a, fixes.Counted)]
    counted = [a for _, a, _ in pending if isinstance(a, fixes.Counted)]
    report = AppliedReport([(str(lib.path), a) for lib, applied in listed for a in applied], counted)
    changed = {id(a.entry) for _, applied in listed for a in applied}
    for c in counted:
        changed.update(c.entries)
    return diffs, report, len(changed)


def _fixed_in_two(
    libraries, rules, fixing: set[str], ctx: Context, *, unsafe: bool, dry_run: bool, fixed=None, details: bool = True
):
    """One large file fixed, re-checked, spliced and read back in two processes
    (:mod:`annobib.checks.halves`): ({id(library): Fixed}, the findings its first check made
    of the entries left unfixed); (None, []) when that way is not open (several files, a dry
    run, a small file, no second process). ``fixed()``: called once the fixes are applied to
    every entry (if any was), before the fixed text is joined and checked."""
    if dry_run or len(libraries) != 1 or not halves.can_split(libraries[0]):
        return None, []
    active = {r.code: r for r in rules if r.code in fixing and all(ctx.has(n) for n in r.needs)}
    got = halves.fix_in_two(libraries[0], rules, active, ctx, unsafe=unsafe, fixed=fixed, details=details)
    if got is None:
        return None, []
    return {id(libraries[0]): got}, got.kept


def _names_a_link_rule(tokens) -> bool:
    """--select W801 (or W8, links, link-unchecked) asks for link findings without --links."""

    return any(
        t.upper().startswith("W8") or t.lower() == "links" or t.lower().startswith("link-") for t in parse_codes(tokens)
    )


@paused_gc()  # a bulk job (see perf.paused_gc): at 50,000 fixed entries the collector was a fifth
def validate(
    paths: list[Path],
    *,
    select=(),
    ignore=(),
    strict: bool = False,
    fix: bool = False,
    unsafe: bool = False,
    dry_run: bool = False,
    diff: bool = False,
    manuscripts=(),
    today: _dt.date | None = None,
    links: bool = False,
    extra_findings=None,
    report_fixes: bool = True,
) -> Outcome:
    """Run the selected rules over ``paths`` (fixing first with ``fix``). OptionError for
    options that do not go together; InputError when the files cannot be validated.
    ``extra_findings(libraries)`` adds findings from outside the rule registry (``--online``: the
    registry lookups of :mod:`annobib.verify`, which this layer must not import).
    ``report_fixes=False``: the fixes are counted, not kept (``Outcome.applied`` has their
    codes and count, no rows: the text and github reports show no more)."""

    if (dry_run or unsafe or diff) and not fix:
        raise OptionError("--dry-run, --diff and --unsafe-fixes go with --fix")
    try:
        rules = select_rules(select, ignore)
    except ValueError as exc:
        raise OptionError(str(exc)) from None
    cited = read_manuscripts(manuscripts) if manuscripts else None
    libraries, unreadable = read_libraries(paths, lock=fix and not dry_run, all_or_nothing=fix)
    ctx = Context(today=today or _dt.date.today(), cited_keys=cited)
    if links or _names_a_link_rule(select):
        ctx.state["links"] = True  # the link rules read each file's state themselves
    started: list = []  # the library rules over the fixed entries, run while the files are written

    def fixed() -> None:
        """Every fix is applied: start the library rules (once) in a second process."""
        if not started:
            forget_values()
            started.append(start_library_rules(libraries, rules, ctx))

    if not fix:
        findings = run_checks(libraries, rules=rules, ctx=ctx)
    else:
        # first the rules that offer fixes: their findings start the fixer (at 50k entries its
        # own pass over every entry was a third of `validate --fix`); the others run after it,
        # on the entries it left as they were (a fixed entry is checked again anyway)
        prepare_context(libraries, ctx, {r.code: r for r in rules})  # the library rules' too
        fixing = fixing_codes(rules, ctx, unsafe)
        done, findings = _fixed_in_two(
            libraries, rules, fixing, ctx, unsafe=unsafe, dry_run=dry_run, fixed=fixed, details=report_fixes
        )
        if done is None:
            findings = run_checks(libraries, rules=[r for r in rules if r.code in fixing], ctx=ctx, refine=False)
    diffs: list[str] = []
    applied: Sequence[dict] = []
    n_fixed = 0
    if fix:
        fresh: dict = {}  # the fixed entries' findings, from the fixer's own last check of them
        for got in (done or {}).values():
            fresh.update(got.fresh)
        diffs, applied, n_fixed = fix_and_write(
            libraries,
            rules,
            ctx,
            unsafe=unsafe,
            dry_run=dry_run,
            diff=diff or dry_run,
            findings=findings,
            rechecked=fresh,
            fixed=fixed,
            done=done,
            details=report_fixes,
        )
        # the other entries' findings stand: the rules not run yet run on them, the library rules on all
        rest = [] if done else [r for r in rules if r.code not in fixing]  # the halves ran them
        findings = rerun_checks(
            libraries, rules, ctx, findings, fresh, started[0] if started else None, rest=rest, refined=False
        )
    if extra_findings is not None:
        findings = findings + list(extra_findings(libraries))
    n_entries = sum(len(lib.entries) for lib in libraries)
    return Outcome(
        paths=list(paths),
        libraries=libraries,
        findings=findings,
        summary=summarize(findings, n_entries, libraries),
        unreadable=unreadable,
        fixing=fix,
        dry_run=dry_run,
        diffs=diffs,
        applied=applied,
        fixed_entries=n_fixed,
        rule_errors=ctx.state.get("rule_errors", []),
        strict=strict,
    )
