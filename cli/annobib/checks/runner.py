"""Running the rules over libraries, selecting them, and applying their fixes."""

from __future__ import annotations

import functools
import re
from contextlib import contextmanager
from dataclasses import dataclass, field

from annobib.core import fork
from annobib.checks.base import CLAIMED, FAMILIES, REGISTRY, SCANNERS, SEVERITY_RANK, Context, Finding, Fix, Rule
from annobib.perf import paused_gc


@dataclass
class Corpus:
    """What library-scope rules see: every entry (in file order, files in order) and the
    blocks that did not parse, as (source, ParseProblem)."""

    entries: list = field(default_factory=list)
    problems: list = field(default_factory=list)


def _load_rules() -> None:
    # importing the modules registers their rules
    from annobib.checks import completeness, consistency, coverage, form, hygiene, links, rawtext, structure  # noqa: F401


def clear_caches() -> None:
    """Forget the per-value memos (folded titles, parsed dates, URL dates …), so that a benchmark
    measures a first run, as the command is."""
    # lazy: rule modules load when rules run (_load_rules), not with the runner
    from annobib.checks import _util, consistency, coverage, form, hygiene, structure

    hygiene._FIELD_MEMO.clear()
    hygiene._CLEAN_CITATIONS.clear()
    consistency._SCRIPT_MEMO.clear()
    consistency._SHOWN.clear()
    coverage._WELL_FORMED.clear()

    for fn in (
        _util.fold,
        _util.guess_language,
        _util.parse_date_value,
        _util.iso_from_unambiguous,
        consistency.url_date,
        form._in_future,
        form._pages_text,
        structure._family_key,
    ):
        fn.cache_clear()


def forget_values() -> None:
    """Drop the per-value memo of the text scan: once every fix is applied nothing scans a value
    again, and at 50,000 fixed entries it held 200,000 values' findings (the biggest thing left
    in memory while the files are written)."""
    from annobib.checks import hygiene  # loaded with the rules

    hygiene._FIELD_MEMO.clear()
    hygiene._CLEAN_CITATIONS.clear()


def all_rules() -> list[Rule]:
    _load_rules()
    return sorted(REGISTRY.values(), key=lambda r: (int(r.code[1:]), r.code))


def _matches(rule: Rule, token: str) -> bool:
    t = token.strip()
    if not t:
        return False
    if t.upper() == "ALL":
        return True
    if t.lower() in FAMILIES:
        return rule.family == t.lower()
    if t.lower() == rule.name:
        return True
    if t[0].upper() in "EWI" and (len(t) == 1 or t[1:].isdigit()):
        return rule.code.startswith(t.upper())
    if t.isdigit():  # "3" or "31": every severity in that number range
        return rule.code[1:].startswith(t)
    return False


def parse_codes(tokens) -> list[str]:
    out = []
    for t in tokens or ():
        out.extend(p for p in re.split(r"[,\s]+", t) if p)
    return out


def select_rules(select=None, ignore=None, available: set[str] | None = None) -> list[Rule]:
    """Rules chosen by ``select`` (codes, prefixes like ``W3``/``E``, names, families; default all)
    minus ``ignore``. Raises ValueError naming a token that matches no rule."""
    rules = all_rules()
    sel, ign = parse_codes(select), parse_codes(ignore)
    for t in sel + ign:
        if not any(_matches(r, t) for r in rules):
            raise ValueError(f"'{t}' matches no rule (see validate --list-rules)")
    chosen = [r for r in rules if not sel or any(_matches(r, t) for t in sel)]
    chosen = [r for r in chosen if not any(_matches(r, t) for t in ign)]
    return chosen


def run_checks(
    libraries,
    select=None,
    ignore=None,
    ctx: Context | None = None,
    rules: list[Rule] | None = None,
    *,
    refine: bool = True,
) -> list[Finding]:
    """Run the selected rules over one Library (or several) and return findings sorted by file
    and line. Rules whose ``needs`` the context cannot satisfy (link state, a manuscript) are skipped.
    ``refine=False``: a finding about a field keeps its entry's line (``validate --fix`` replaces
    the findings of every entry it fixes: their field lines were most of a second at 50,000;
    :func:`rerun_checks` points the kept ones at their fields)."""
    ctx = ctx or Context()
    if not isinstance(libraries, (list, tuple)):
        libraries = [libraries]
    rules = rules if rules is not None else select_rules(select, ignore)
    rules = [r for r in rules if all(ctx.has(n) for n in r.needs)]
    active = {r.code: r for r in rules}
    corpus = Corpus()
    for lib in libraries:
        corpus.entries.extend(lib.entries)
        src = str(lib.path) if getattr(lib, "path", None) else None
        corpus.problems.extend((src, p) for p in lib.problems)
    prepare_context(libraries, ctx, active)
    with paused_gc():
        findings = check_corpus(corpus, active, ctx, libraries=libraries if refine else None)
        if ctx.state.get("text_oddities", {}).get("comment_at"):
            findings = _without_phantoms(findings, ctx)
        return sort_findings(findings)


def start_library_rules(libraries, rules: list[Rule], ctx: Context):
    """Start the library rules over ``libraries`` as they are now in a second process (the
    caller writes the files meanwhile); pass the result to :func:`rerun_checks` (``started``)."""
    corpus = _corpus(libraries)
    library_rules = [r for r in rules if r.scope == "library" and r.check is not None and all(map(ctx.has, r.needs))]
    if len(corpus.entries) < PARALLEL_MIN:
        return corpus, None, frozenset()  # quicker here than a second process is to start
    # the costliest rule in the child, the others here while it runs (all in the child, this
    # process waited 1.5 s for them at 50,000 entries: it has little else to do by then)
    far = [r for r in library_rules if r.code in LIBRARY_RULES_APART] or library_rules
    with paused_gc():  # the child copies only the pages it touches
        child = _fork(lambda: _check_part(_Plan({}), [], far, corpus, ctx, libraries), corpus.entries, ctx)
    return corpus, child, frozenset(r.code for r in far)


LIBRARY_RULES_APART = frozenset({"W107"})  # duplicate works: it folds every title (2 s at 50,000)


def _corpus(libraries) -> Corpus:
    corpus = Corpus()
    for lib in libraries:
        corpus.entries.extend(lib.entries)
        src = str(lib.path) if getattr(lib, "path", None) else None
        corpus.problems.extend((src, p) for p in lib.problems)
    return corpus


def fixing_codes(rules: list[Rule], ctx: Context, unsafe: bool) -> set[str]:
    """The codes of the entry rules that can offer a fix (safe ones only unless ``unsafe``), and
    the other codes of the scanners that make their findings (one call of a scanner gives all)."""
    fixing = {
        r.code
        for r in rules
        if r.scope == "entry" and r.fixable and (unsafe or r.fixable != "unsafe") and all(map(ctx.has, r.needs))
    }
    chosen = {r.code for r in rules}
    for codes, _fn, scope, _fields in SCANNERS:
        if scope == "entry" and fixing.intersection(codes):
            fixing.update(c for c in codes if c in chosen)
    return fixing


def rerun_checks(
    libraries,
    rules: list[Rule],
    ctx: Context,
    previous: list[Finding],
    fresh: dict,
    started=None,
    rest: list[Rule] | None = None,
    *,
    refined: bool = True,
) -> list[Finding]:
    """What :func:`run_checks` would find now that some entries changed, without checking the
    others again: ``previous`` is the check made before the change, ``fresh`` maps id(entry) of
    every changed entry to the findings of the same rules on it as it is now (see
    :func:`annobib.checks.fixes.apply_fixes`). The library rules run again over everything
    (``started``: already running, from :func:`start_library_rules` on the same entries).
    ``rest``: entry rules ``previous`` did not run (it ran only those that offer fixes: on an
    entry to be fixed the others would run for nothing); they run now over the unchanged entries.
    ``refined=False``: ``previous`` was made with ``run_checks(refine=False)``; the findings kept
    from it are pointed at their fields' lines here."""
    rules = [r for r in rules if all(ctx.has(n) for n in r.needs)]
    rest_active = {r.code: r for r in rest or () if r.scope == "entry" and all(ctx.has(n) for n in r.needs)}
    if not fresh and started is None and rest is not None and not rest_active:
        # nothing changed and the entry rules all ran: the library rules, split as after a fix
        started = start_library_rules(libraries, rules, ctx)
    elif not fresh and started is None and rest is not None:
        # nothing changed: the other rules over everything, as one check (library rules included)
        active = rest_active | {r.code: r for r in rules if r.scope == "library"}
        with paused_gc():
            found = check_corpus(_corpus(libraries), active, ctx, libraries=libraries)
            if not refined:
                _refine_lines(previous, libraries)
            return _finished(previous + found, ctx)
    corpus, child, far = started if started is not None else (_corpus(libraries), None, frozenset())
    library_rules = [r for r in rules if r.scope == "library" and r.check is not None]
    whole = {r.code for r in rules if r.scope == "library"}
    kept: dict[int, list[Finding]] = {}
    stale: list[Finding] = []  # kept from ``previous`` without their field lines
    for f in previous:
        if f.code in whole:
            continue
        if not refined and f.entry is not None and id(f.entry) not in fresh:
            stale.append(f)
        if f.entry is None:  # an entry rule's finding of no entry: cannot be kept by entry
            kept = {None: []}
            break
        kept.setdefault(id(f.entry), []).append(f)
    if rest_active and None not in kept:
        unchanged = [e for e in corpus.entries if id(e) not in fresh]
        with paused_gc():
            for f in check_corpus(corpus, rest_active, ctx, entries=unchanged, libraries=libraries):
                kept.setdefault(None if f.entry is None else id(f.entry), []).append(f)
    library_found = None
    if child is not None:
        with paused_gc():  # the library rules the child does not run, while it runs
            near = _check_part(_Plan({}), [], [r for r in library_rules if r.code not in far], corpus, ctx, libraries)
        theirs = _collect(child, corpus.entries, ctx)
        if theirs is None:  # the child failed: its rules here too
            theirs = _check_part(_Plan({}), [], [r for r in library_rules if r.code in far], corpus, ctx, libraries)
        library_found = near + theirs
    if None in fresh or None in kept:
        return run_checks(libraries, rules=rules, ctx=ctx)
    findings: list[Finding] = []
    renewed: list[Finding] = []
    for e in corpus.entries:  # in file order, as a full check lists them
        got = fresh.get(id(e))
        if got is None:
            findings.extend(kept.get(id(e), ()))
        else:
            findings.extend(got)
            renewed.extend(got)
    _refine_lines(renewed + stale, libraries)
    with paused_gc():
        if library_found is None:
            library_found = _check_part(_Plan({}), [], library_rules, corpus, ctx, libraries)
        findings.extend(library_found)
        return _finished(findings, ctx)


def _finished(findings: list[Finding], ctx: Context) -> list[Finding]:
    if ctx.state.get("text_oddities", {}).get("comment_at"):
        findings = _without_phantoms(findings, ctx)
    return sort_findings(findings)


class _Plan:
    """Which entry rules and scanners to call for an entry, from the triggers they declare."""

    def __init__(self, active: dict[str, Rule]):
        self.always: list = []
        self.by_field: dict[str, list] = {}
        self.by_type: dict[str, list] = {}
        units = []
        for r in active.values():
            if r.scope == "entry" and r.check is not None and r.code not in CLAIMED:
                units.append((r, r.check, None, r.fields, r.types, frozenset(r.absent)))
        for codes, fn, scope, fields in SCANNERS:
            if scope == "entry" and any(c in active for c in codes):
                units.append((None, fn, frozenset(c for c in codes if c in active), fields, (), frozenset()))
        self.units = units
        for u in units:
            if u[3]:
                for f in u[3]:
                    self.by_field.setdefault(f, []).append(u)
            elif u[4]:
                for t in u[4]:
                    self.by_type.setdefault(t, []).append(u)
            else:
                self.always.append(u)
        self.trigger_fields = frozenset(self.by_field)
        # fields whose presence decides: triggers, and the fields whose value keeps a rule silent
        self.decisive = self.trigger_fields | frozenset(f for u in units for f in u[5])
        self._cache: dict = {}

    def units_for(self, etype: str, present: frozenset) -> list:
        """Units for an entry of this type with these decisive fields present (values unknown)."""
        key = (etype, present)
        todo = self._cache.get(key)
        if todo is None:
            todo = list(self.always)
            todo.extend(u for u in self.by_type.get(etype, ()) if not u[3])
            seen = set()
            for name in sorted(present & self.trigger_fields):
                for u in self.by_field[name]:
                    if id(u) not in seen and (not u[4] or etype in u[4]):
                        seen.add(id(u))
                        todo.append(u)
            # when no value is empty, a rule that needs a field absent cannot fire if it is present
            fast = [u for u in todo if not (u[5] and u[5] & present) and not (u[0] is not None and u[0].on_empty)]
            # the fast path's calls, ready-made: (function, its first argument, codes to keep or None)
            fast = tuple((u[1], u[0], None) if u[0] is not None else (u[1], REGISTRY, u[2]) for u in fast)
            todo = self._cache[key] = (todo, fast)
        return todo

    def run(self, e, ctx, out: list) -> None:
        ef = e.fields
        present = self.decisive.intersection(ef)
        hit = self._cache.get((e.type, present))
        full, fast = hit if hit is not None else self.units_for(e.type, present)
        values = ef.values()
        # no value empty, '{}' or all spaces (str.strip returns a value without edge spaces as is)
        if "{}" not in values and all(map(str.strip, values)):
            extend = out.extend
            for fn, first, codes in fast:
                got = fn(first, e, ctx)
                if got:
                    if codes is None:
                        extend(got)
                    else:
                        extend([f for f in got if f.code in codes])
            return
        for r, fn, codes, fields, types, absent in full:
            if absent:
                for name in absent.intersection(ef):
                    v = ef[name]
                    if v and not v.isspace():
                        break
                else:
                    got = fn(r, e, ctx)
                    if got:
                        out.extend(got)
                continue
            if r is not None:
                got = fn(r, e, ctx)
                if got:
                    out.extend(got)
            else:
                got = fn(REGISTRY, e, ctx)
                if got:
                    out.extend(f for f in got if f.code in codes)


def prepare_context(libraries, ctx: Context, active) -> None:
    """Give rules the little they need from the file text (never the file itself)."""
    ctx.state["_today_iso"] = ctx.today.isoformat()
    if "W110" in active or "W111" in active or "W112" in active:
        # lazy: rule modules load when rules run (_load_rules), not with the runner
        from annobib.checks.rawtext import text_oddities

        ctx.state["text_oddities"] = text_oddities(libraries)
    if "W303" in active:
        # the month rule must tell `month = mar` (a macro, fine) from `month = {March}`
        # (only those entries built: a large --fix builds each half's in its own process)
        ctx.state["block_raw"] = {
            id(b.entry): b.raw
            for lib in libraries
            for b in getattr(lib, "blocks", [])
            if b.kind == "entry" and b.has_field("month") and b.entry is not None
        }


def _without_phantoms(findings: list[Finding], ctx: Context) -> list[Finding]:
    """Only W110 speaks for an entry BibTeX reads out of a '%' comment line."""
    # lazy: rule modules load when rules run (_load_rules), not with the runner
    from annobib.checks.rawtext import phantom_ids

    ids = phantom_ids(ctx)
    return [f for f in findings if f.code == "W110" or f.entry is None or id(f.entry) not in ids]


def _rule_failed(ctx: Context, what: str, exc: Exception) -> None:
    """A rule that crashes on an entry must not stop the others: note it (the command warns)."""
    ctx.state.setdefault("rule_errors", []).append(f"{what}: {type(exc).__name__}: {exc}")


def _entry_pass(plan: "_Plan", entries, ctx: Context, findings: list) -> None:
    run = plan.run
    for e in entries:
        mark = len(findings)
        try:
            run(e, ctx, findings)
        except Exception:  # noqa: BLE001 - run the entry again unit by unit to isolate the culprit
            del findings[mark:]
            for r, fn, codes, fields, types, absent in plan.units_for(e.type, plan.decisive.intersection(e.fields))[0]:
                try:
                    got = (
                        fn(r, e, ctx) if r is not None else [f for f in (fn(REGISTRY, e, ctx) or ()) if f.code in codes]
                    )
                    if got:
                        findings.extend(got)
                except Exception as exc:  # noqa: BLE001
                    _rule_failed(ctx, f"{r.code if r else fn.__name__} on entry {e.key!r}", exc)


def check_corpus(corpus: Corpus, active: dict[str, Rule], ctx: Context, entries=None, libraries=None) -> list[Finding]:
    """Findings of the active rules: entry rules over ``entries`` (default: every entry), then,
    when checking the whole corpus, the library rules. With ``libraries`` (those the corpus was
    read from), a finding about a field points at that field's own line. A large corpus is shared
    with a forked second process (see :func:`_check_in_two`); the findings are the same, in the
    same order."""
    plan = _Plan(active)
    ctx.state["active_codes"] = frozenset(active)  # scanners skip the rules of inactive codes
    todo = _not_shadowed(corpus.entries, corpus.entries if entries is None else entries)
    library_rules = (
        [r for r in active.values() if r.scope == "library" and r.check is not None] if entries is None else []
    )
    if len(todo) >= PARALLEL_MIN:
        found = _check_in_two(plan, todo, library_rules, corpus, ctx, libraries)
        if found is not None:
            return found
    return _check_part(plan, todo, library_rules, corpus, ctx, libraries)


def _not_shadowed(every: list, todo: list) -> list:
    """``todo`` without the entries that re-use a key past E101's cap (the 11th re-use on).

    BibTeX and biber read the first entry of a key and skip the others, so nothing reads a
    re-use's fields; the first DUPLICATES_SHOWN re-uses are still checked (one may be the copy
    to keep), the rest only counted in E101's summary. 90,000 copies of `@misc{a,}` (900 KB)
    made 360,000 findings, 40 MB of output, 4.7 s and 490 MB."""
    from annobib.checks.structure import DUPLICATES_SHOWN  # loaded with the rules

    uses: dict[str, int] = {}
    shadowed: set[int] = set()
    for e in every:
        n = uses[e.key] = uses.get(e.key, 0) + 1
        if n > DUPLICATES_SHOWN + 1:
            shadowed.add(id(e))
    if not shadowed:
        return todo
    return [e for e in todo if id(e) not in shadowed]


def _check_part(plan: "_Plan", entries, library_rules, corpus: Corpus, ctx: Context, libraries) -> list[Finding]:
    findings: list[Finding] = []
    if plan.units:
        _entry_pass(plan, entries, ctx, findings)
    for r in library_rules:
        try:
            got = r.check(r, corpus, ctx)
        except Exception as exc:  # noqa: BLE001
            _rule_failed(ctx, r.code, exc)
            continue
        if got:
            findings.extend(got)
    if libraries is not None:
        _refine_lines(findings, libraries)
    return findings


PARALLEL_MIN = 5000  # entries to check before a second process pays for itself
PARENT_SHARE = 0.74  # of the entries; the child also runs the library rules (duplicates …)


def _check_in_two(plan: "_Plan", todo, library_rules, corpus: Corpus, ctx: Context, libraries) -> list[Finding] | None:
    """The first part of the entries checked here while a forked child checks the rest and runs
    the library rules; the child's findings come back marshalled as plain tuples, each with the
    index of its entry in ``todo`` in place of the entry. None when no second process can be had
    (then the caller checks alone).

    The collector stays paused (:func:`annobib.perf.paused_gc`), so the child copies only the
    pages of the entries it reads, not the whole heap."""

    # without library rules (the fixer's checks of changed entries) the halves are even
    cut = int(len(todo) * (PARENT_SHARE if library_rules else 0.5))
    child = _fork(lambda: _check_part(plan, todo[cut:], library_rules, corpus, ctx, libraries), todo, ctx)
    if child is None:
        return None
    findings = _check_part(plan, todo[:cut], [], corpus, ctx, libraries)
    theirs = _collect(child, todo, ctx)
    if theirs is None:
        return findings + _check_part(plan, todo[cut:], library_rules, corpus, ctx, libraries)
    return findings + theirs


_ALONE = False  # set by :func:`alone`: no second process (one is at work already)


@contextmanager
def alone():
    """Check in this process only while inside (the halves of :mod:`annobib.checks.halves`
    already run in two processes: a third and fourth would only compete for the cores)."""
    global _ALONE
    was, _ALONE = _ALONE, True
    try:
        yield
    finally:
        _ALONE = was


def finding_row(f: Finding, where: dict[int, int]) -> tuple:
    """A finding as plain data for :mod:`marshal`, its entry as its index (``where``: id(entry)
    -> index; -1 for none); :func:`finding_of` turns it back."""
    return (
        f.code,
        f.severity,
        f.key,
        f.field,
        f.message,
        f.line,
        f.source,
        None if f.fix is None else (f.fix.field, f.fix.value, f.fix.safe, f.fix.description),
        f.rule,
        -1 if f.entry is None else where.get(id(f.entry), -1),
    )


def finding_of(row: tuple, entries) -> Finding:
    code, severity, key, name, message, line, source, fix, rule, at = row
    return Finding(
        code,
        severity,
        key,
        name,
        message,
        line,
        source,
        None if fix is None else Fix(*fix),
        rule,
        entries[at] if at >= 0 else None,
    )


def _fork(work, entries, ctx: Context):
    """Run ``work()`` (-> findings) in a forked child (:func:`annobib.core.fork.in_child`); the
    function that waits for it, to :func:`_collect` from, or None when no second process can be
    had. The findings come back as plain tuples, each with the index of its entry in ``entries``."""
    if _ALONE or not fork.available():
        return None

    def rows():
        where = {id(e): i for i, e in enumerate(entries)}
        return [finding_row(f, where) for f in work()], ctx.state.get("rule_errors", [])

    return fork.in_child(rows)


def _collect(child, entries, ctx: Context) -> list[Finding] | None:
    """The findings of a child :func:`_fork` started (None if it failed: redo its work)."""
    got = child()
    if got is None:
        return None
    found, errors = got
    if errors:
        ctx.state.setdefault("rule_errors", []).extend(errors)
    return [finding_of(row, entries) for row in found]


def sort_findings(findings: list[Finding]) -> list[Finding]:
    return sorted(
        findings,
        key=lambda f: (f.source or "", f.line or 0, f.key or "", SEVERITY_RANK[f.severity], f.code, f.field or ""),
    )


# `name =` after '{', ',' or a line end (then spaces): a name's words hold none of these nor
# spaces, so one pass finds every field's first such place without backtracking
_NAME_EQ = re.compile(r"[\n,{][ \t]*([^=\n\r,{ \t]+(?:[ \t]+[^=\n\r,{ \t]+)*)[ \t]*=")


def _field_lines(block, low: str) -> dict[str, int]:
    """The line of each ``name = …`` in the block's text (``low``: the text in lower case), at
    its first place: the name at the start of a line (after spaces) or after '{' / ','. One scan
    of the entry for all its fields (one search per field was quadratic: 15,000 fields, 5 s)."""
    at = low.find("@")
    lines: dict[str, int] = {}
    if at < 0:
        return lines
    line, last = block.line, at
    for m in _NAME_EQ.finditer(low, at):
        name = m.group(1)
        if name not in lines:
            line += low.count("\n", last, m.start(1))
            last = m.start(1)
            lines[name] = line
    return lines


_LOOKUPS_BEFORE_SCAN = 4  # fields of one entry looked up one by one before one scan finds them all


@functools.lru_cache(maxsize=1024)
def _name_eq_of(name: str) -> re.Pattern[str]:
    """``_NAME_EQ`` for one name: the same places, found by a search instead of a Python loop."""
    return re.compile(r"[\n,{][ \t]*(" + re.escape(name) + r")[ \t]*=")


def _field_line(block, name: str, low: str) -> int | None:
    """The line ``_field_lines`` gives ``name``, from one search (most entries have a finding
    about one field or two; scanning every field of each was most of the cost on 50,000)."""
    at = low.find("@")
    if at < 0:
        return None
    m = _name_eq_of(name).search(low, at)
    return block.line + low.count("\n", at, m.start(1)) if m else None


def _refine_lines(findings: list[Finding], libraries) -> None:
    """Point a finding about a field at that field's own line, when the entry's text shows it."""
    # most findings are about a missing field (or none): pick the others out once
    todo = [f for f in findings if f.field and f.entry is not None and f.field in f.entry.fields]
    if not todo:
        return
    wanted = {id(f.entry) for f in todo}
    blocks = {}
    for lib in libraries:
        for b in getattr(lib, "blocks", []):
            if b.entry is not None and id(b.entry) in wanted and b.raw:
                blocks[id(b.entry)] = b
    found: dict[int, dict[str, int | None]] = {}  # per block: the lines looked up so far
    scanned: set[int] = set()  # blocks whose every field's line is known
    lowered: dict[int, str] = {}
    for f in todo:
        b = blocks.get(id(f.entry))
        if b is None:
            continue
        lines = found.setdefault(id(b), {})
        if f.field not in lines and id(b) not in scanned:
            low = lowered.get(id(b))
            if low is None:
                low = lowered[id(b)] = b.raw.lower()
            if len(lines) < _LOOKUPS_BEFORE_SCAN:  # a field or two: a search in C for each
                lines[f.field] = _field_line(b, f.field, low)
            else:  # many fields of one entry: one scan for all (searches per field were quadratic)
                lines.update(_field_lines(b, low))
                scanned.add(id(b))
        line = lines.get(f.field)
        if line is not None:
            f.line = line
