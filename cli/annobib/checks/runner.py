"""Running the rules over libraries, selecting them, and applying their fixes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from annobib.checks.base import FAMILIES, REGISTRY, SCANNERS, SEVERITY_RANK, Context, Finding, Rule


@dataclass
class Corpus:
    """What library-scope rules see: every entry (in file order, files in order) and the
    blocks that did not parse, as (source, ParseProblem)."""

    entries: list = field(default_factory=list)
    problems: list = field(default_factory=list)


def _load_rules() -> None:
    # importing the modules registers their rules
    from annobib.checks import completeness, consistency, coverage, form, hygiene, structure  # noqa: F401


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


def run_checks(libraries, select=None, ignore=None, ctx: Context | None = None, rules: list[Rule] | None = None) -> list[Finding]:
    """Run the selected rules over one Library (or several) and return findings sorted by file
    and line. Rules whose ``needs`` the context cannot satisfy (link state, a manuscript) are skipped."""
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
    findings = check_corpus(corpus, active, ctx)
    _refine_lines(findings, libraries)
    return sort_findings(findings)


def check_corpus(corpus: Corpus, active: dict[str, Rule], ctx: Context, entries=None) -> list[Finding]:
    findings: list[Finding] = []
    entry_rules = [r for r in active.values() if r.scope == "entry" and r.check is not None]
    scanners = [(codes, fn) for codes, fn, scope in SCANNERS if scope == "entry" and any(c in active for c in codes)]
    for e in corpus.entries if entries is None else entries:
        for r in entry_rules:
            got = r.check(r, e, ctx)
            if got:
                findings.extend(got)
        for codes, fn in scanners:
            got = fn(REGISTRY, e, ctx)
            if got:
                findings.extend(f for f in got if f.code in active)
    if entries is None:
        for r in active.values():
            if r.scope == "library" and r.check is not None:
                got = r.check(r, corpus, ctx)
                if got:
                    findings.extend(got)
    return findings


def sort_findings(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.source or "", f.line or 0, f.key or "", SEVERITY_RANK[f.severity], f.code, f.field or ""))


_FIELD_LINE = {}


def _refine_lines(findings: list[Finding], libraries) -> None:
    """Point a finding about a field at that field's own line, when the entry's text shows it."""
    blocks = {}
    for lib in libraries:
        for b in getattr(lib, "blocks", []):
            if b.entry is not None and b.raw:
                blocks[id(b.entry)] = b
    if not blocks:
        return
    by_key_line = {}
    for lib in libraries:
        for b in getattr(lib, "blocks", []):
            if b.entry is not None:
                by_key_line[(b.entry.key, b.entry.line, b.entry.source)] = b
    for f in findings:
        if not f.field or f.line is None:
            continue
        b = by_key_line.get((f.key, f.line, f.source))
        if b is None or not b.raw:
            continue
        at = b.raw.find("@")
        if at < 0:
            continue
        m = re.search(rf"(?im)^[ \t]*{re.escape(f.field)}[ \t]*=|[,{{][ \t]*{re.escape(f.field)}[ \t]*=", b.raw[at:])
        if m:
            f.line = b.line + b.raw[at:at + m.start()].count("\n") + (1 if b.raw[at + m.start()] == "\n" else 0)
