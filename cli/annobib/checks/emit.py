"""What ``annobib validate`` shows, one emitter per output format: text (grouped by entry on a
terminal, one line per finding when piped), json, github (workflow annotations), and the rule
list. Emitters print nothing: they return items the command prints — a ``str`` is one line
(made terminal-safe here), :class:`Exact` is text for tools (a diff: bytes as they are when
piped), anything else a Rich renderable.
"""

from __future__ import annotations

from dataclasses import dataclass

from annobib.core.sanitize import terminal
from annobib.core.sanitize import terminal as safe

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


class SafeMemo(dict):
    """``memo[text]``: ``sanitize(text)``, worked out once per distinct text (a dict lookup in C
    after that). 100,000 findings carry a few dozen messages and one file name, each searched
    once instead of once per line. The sanitizers work character by character, so a line
    joined from sanitized pieces equals the sanitized line."""

    def __init__(self, sanitize):
        super().__init__()
        self._sanitize = sanitize
        self.calls = 0  # texts actually sanitized (tests count work with it)

    def __missing__(self, text: str) -> str:
        self.calls += 1
        out = self[text] = self._sanitize(text)
        return out


@dataclass(frozen=True)
class Exact:
    """Text for tools, printed byte-exact when piped (a diff)."""

    text: str


@dataclass(frozen=True)
class Wrapped:
    """A Rich renderable that wraps at the terminal's width without breaking words."""

    renderable: object


# --------------------------------------------------------------------------- summary


def summarize(findings, n_entries: int, libraries) -> dict:
    """Counts for the summary line and the JSON report (one pass: 100,000 findings are counted
    twice in a `validate -q` run)."""
    counts = {"error": 0, "warning": 0, "info": 0}
    safe = unsafe = 0
    for f in findings:
        counts[f.severity] = counts.get(f.severity, 0) + 1
        fix = f.fix
        if fix is not None:
            if fix.safe:
                safe += 1
            else:
                unsafe += 1
    return {
        "errors": counts["error"],
        "warnings": counts["warning"],
        "hints": counts["info"],
        "entries": n_entries,
        "files": len(libraries),
        **_counts_with_findings(findings, libraries),
        "fixable": safe,
        "fixable_unsafe": unsafe,
        "by_code": by_code(findings),
    }


def by_code(findings) -> dict:
    """Findings per rule code, most frequent first (then by code)."""
    counts: dict[str, int] = {}
    for f in findings:
        counts[f.code] = counts.get(f.code, 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def without_hints(outcome) -> None:
    """``--no-hints``: drop the hints from the findings and the counts, remembering how many."""
    hidden = sum(f.severity == "info" for f in outcome.findings)
    outcome.findings = [f for f in outcome.findings if f.severity != "info"]
    n_entries = outcome.summary["entries"]
    outcome.summary = summarize(outcome.findings, n_entries, outcome.libraries)
    outcome.summary["hints_hidden"] = hidden


def code_lines(s: dict, findings) -> list[str]:
    """The per-code summary printed before the summary line: count, code, rule name."""
    if len(s.get("by_code") or {}) < 2:
        return []  # one code: the findings above already say it all
    names = {f.code: f.rule for f in findings}
    width = len(str(max(s["by_code"].values())))
    return ["by code:"] + [f"  {n:>{width}}  {code} {names.get(code, '')}".rstrip() for code, n in s["by_code"].items()]


def _counts_with_findings(findings, libraries) -> dict:
    """How many entries have findings, and how many blocks that did not parse (a finding
    without its entry is matched to an entry of that file and key when there is one)."""
    by_key: dict[tuple, int] | None = None  # made only for a finding without its entry (rare)
    entries, blocks, manuscripts = set(), set(), set()
    bibliographies = {str(lib.path) if lib.path else None for lib in libraries}
    for f in findings:
        if f.entry is not None:
            entries.add(id(f.entry))
        elif f.source not in bibliographies:
            manuscripts.add(f.source)  # a cited key with no entry: the manuscript's, no block's
        elif f.key is not None:
            if by_key is None:
                by_key = {}
                for lib in libraries:
                    for e in lib.entries:
                        by_key.setdefault((str(lib.path) if lib.path else None, e.key), id(e))
            known = by_key.get((f.source, f.key))
            if known is not None:
                entries.add(known)
            else:
                blocks.add((f.source, f.line))
    return {"entries_with_findings": len(entries), "broken_blocks": len(blocks), "manuscripts": len(manuscripts)}


def summary_line(s: dict) -> str:
    entries = f"{s['entries']} entr{'y' if s['entries'] == 1 else 'ies'}"
    if not (s["errors"] or s["warnings"] or s["hints"]):
        hidden = f" ({s['hints_hidden']} hints hidden)" if s.get("hints_hidden") else ""
        return f"no problems in {entries}{hidden}"
    parts = []
    for n, word in ((s["errors"], "error"), (s["warnings"], "warning"), (s["hints"], "hint")):
        if n:
            parts.append(f"{n} {word}{'s' if n != 1 else ''}")
    line = ", ".join(parts) + f" in {s['entries_with_findings']} of {entries}"
    if s.get("broken_blocks"):
        n = s["broken_blocks"]
        line += f" and {n} block{'s' if n != 1 else ''} that did not parse"
    if s.get("manuscripts"):
        n = s["manuscripts"]
        line += f" and {n} manuscript{'s' if n != 1 else ''}"
    fixes = []
    if s["fixable"]:
        fixes.append(f"{s['fixable']} fixable with --fix")
    if s["fixable_unsafe"]:
        fixes.append(f"{s['fixable_unsafe']} more with --fix --unsafe-fixes")
    if s.get("hints_hidden"):
        fixes.append(f"{s['hints_hidden']} hint{'s' if s['hints_hidden'] != 1 else ''} hidden (--no-hints)")
    return line + ("; " + ", ".join(fixes) if fixes else "")


# --------------------------------------------------------------------------- json


def json_report(outcome) -> dict:
    doc = {
        "files": [str(p) for p in outcome.paths],
        "findings": [f.as_dict() for f in outcome.findings],
        "summary": outcome.summary,
    }
    if outcome.unreadable:
        doc["errors"] = [str(exc) for exc in outcome.unreadable]
    if outcome.fixing:
        doc["fixed"] = list(outcome.applied)
        doc["diff"] = "".join(outcome.diffs)
        doc["dry_run"] = bool(outcome.dry_run)
    return doc


# --------------------------------------------------------------------------- github


def gh_escape(text: str, prop: bool = False) -> str:
    """A workflow-command value: GitHub's own escapes, then the terminal sanitizer (CI logs
    render ANSI sequences, so a raw ESC in a key or file name would reach them)."""

    text = terminal(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def github(outcome) -> list:
    items: list = [Exact(d.rstrip("\n")) for d in outcome.diffs if d]
    # gh_escape works character by character: pieces escaped once each (SafeMemo) join to the
    # escaped whole; a line is its entry's part (file, line, key) and its finding's (see _lines)
    prop, body = SafeMemo(lambda t: gh_escape(t, True)), SafeMemo(gh_escape)

    def where(source, line) -> str:
        return f"file={prop[source or '']},line={line}" if line else f"file={prop[source or '']}"

    def said(f) -> tuple[str, str, str]:
        fld = f" {body[f.field]}:" if f.field else ""
        return f"::{GITHUB_LEVEL[f.severity]} ", f",title={prop[f'{f.code} {f.rule}']}::[", f"]{fld} {body[f.message]}"

    items += _lines(outcome.findings, where, body.__getitem__, said)
    items.append(summary_line(outcome.summary))
    return items


def _lines(findings, where, key_text, said) -> list[str]:
    """One line per finding: ``said(f)[0] + where(source, line) + said(f)[1] + key + said(f)[2]``,
    ``key`` being ``key_text(f.key or '-')``. The sorted findings of an entry are consecutive,
    and most findings of a big file are a few rules saying the same thing of many entries: the
    entry's part is made once per entry, the finding's once per (severity, code, rule, field,
    message), so a line is one join (260,000 findings: two thirds of the time, same text)."""
    out: list[str] = []
    append = out.append
    parts: dict[tuple, tuple[str, str, str]] = {}
    last_source = last_line = last_key = head = key = None
    first = True
    for f in findings:
        source, line, k = f.source, f.line, f.key
        if first or line != last_line or k != last_key or source != last_source:
            first, last_source, last_line, last_key = False, source, line, k
            head, key = where(source, line), key_text(k or "-")
        ask = (f.severity, f.code, f.rule, f.field, f.message)
        part = parts.get(ask)
        if part is None:
            part = parts[ask] = said(f)
        append(f"{part[0]}{head}{part[1]}{key}{part[2]}")
    return out


# --------------------------------------------------------------------------- text


def text(outcome, grouped: bool) -> list:
    """Findings for people: every key, file name, field and message made terminal-safe
    (a manuscript key or a malformed block can hold anything). ``grouped``: a heading per
    entry and colour (a terminal); else one line per finding (for grep)."""

    s = outcome.summary
    if not grouped:
        items: list = [Exact(d.rstrip("\n")) for d in outcome.diffs if d]
        clean = SafeMemo(safe)

        def said(f) -> tuple[str, str, str]:
            fld = f" {clean[f.field]}:" if f.field else ""
            return "", f" {clean[f.code]} [", f"]{fld} {clean[f.message]}"

        items += _lines(outcome.findings, lambda source, line: f"{clean[source or '-']}:{line or 0}:", safe, said)
        return items + code_lines(s, outcome.findings) + [summary_line(s)]
    # lazy: loads rich only when this runs
    from rich.text import Text

    items = []
    for diff in outcome.diffs:
        for dl in diff.rstrip("\n").splitlines() if diff else ():
            items.append(
                Wrapped(Text(safe(dl), style="green" if dl.startswith("+") else "red" if dl.startswith("-") else ""))
            )
    items += _grouped_findings(outcome.findings)
    style = "bold red" if s["errors"] else "yellow" if s["warnings"] else "green"
    codes = [Text(line, style="dim") for line in code_lines(s, outcome.findings)]
    return items + [Text("")] + codes + [Text(summary_line(s), style=style)]


def _grouped_findings(findings) -> list:
    # lazy: loads rich only when this runs
    from rich.table import Table
    from rich.text import Text

    items: list = []
    current = None
    grid = Table.grid()
    for f in findings:
        group = (f.source, f.key) if f.key else (f.source, f"line {f.line}")
        if group != current:
            current = group
            where = f"{f.source or '?'}:{f.entry.line if f.entry is not None and f.entry.line else f.line}"
            head = Text("\n" + safe(where), style="bold")
            head.append("  ")
            head.append(safe(f.key) or "(no entry)", style="bold")
            if f.entry is not None:
                head.append(f"  @{safe(f.entry.type)}", style="dim")
            # a grid per entry: a long message wraps under itself, not under the line number
            grid = Table.grid(padding=(0, 2), pad_edge=False)
            grid.add_column(justify="right", style="dim", min_width=7, no_wrap=True)
            grid.add_column(no_wrap=True)
            grid.add_column(overflow="fold")
            items += [head, grid]
        body = Text()
        if f.field:
            body.append(safe(f.field), style="bold")
            body.append("  ")
        body.append(safe(f.message))
        if f.fix is not None:
            body.append("  [fix]" if f.fix.safe else "  [unsafe fix]", style="green" if f.fix.safe else "dim green")
        grid.add_row(str(f.line or ""), Text(f.code, style=SEVERITY_STYLE[f.severity]), body)
    return items


# --------------------------------------------------------------------------- the rule list


def rules_json(rules) -> list[dict]:
    return [
        {
            "code": r.code,
            "name": r.name,
            "severity": r.severity,
            "family": r.family,
            "summary": r.summary,
            "fix": r.fixable or None,
            "needs": list(r.needs),
            "example": r.bad,
            "corrected": r.good,
        }
        for r in rules
    ]


def rules_text(rules) -> list:
    # lazy: loads rich only when this runs
    from rich.text import Text

    items: list = []
    fam = None
    for r in rules:
        if r.family != fam:
            fam = r.family
            items.append(Text(f"\n{fam}", style="bold"))
        head = Text("  ")
        head.append(r.code, style=SEVERITY_STYLE[r.severity])
        head.append(f"  {r.name}")
        if r.fixable:
            head.append(f"  [fix: {r.fixable}]", style="green")
        if r.needs:
            head.append(f"  [needs: {', '.join(r.needs)}]", style="dim")
        items += [head, Text(f"        {r.summary}")]
        for label, example in (("bad:  ", r.bad), ("good: ", r.good)):
            for i, line in enumerate((example or "").splitlines()):
                items.append(Text(f"        {label if i == 0 else '      '}{line}", style="dim"))
    return items
