"""``annobib validate``: lint a bibliography (rules in annobib.checks)."""

from __future__ import annotations

import datetime as _dt
import json
import sys
from pathlib import Path

import click

from annobib.commands._common import bibliography_paths, color_enabled, console, echo_exact, emit_json
from annobib.errors import InputError

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
SEVERITY_WORD = {"error": "error", "warning": "warning", "info": "hint"}
GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _gh_escape(text: str, prop: bool = False) -> str:
    """A workflow-command value: GitHub's own escapes, then the terminal sanitizer (CI logs
    render ANSI sequences, so a raw ESC in a key or file name would reach them)."""
    from annobib.core.sanitize import terminal

    text = terminal(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def _read_manuscripts(paths) -> dict:
    from annobib.bounded import MAX_IMPORT_BYTES
    from annobib.checks.coverage import cited_keys_from_text
    from annobib.errors import read_input_bytes

    cited: dict[str, list] = {}
    for p in paths:
        path = Path(p)
        # devices and writerless FIFOs are refused before reading (a manuscript /dev/zero hung)
        data = read_input_bytes(path, "a manuscript (--manuscript)", limit=MAX_IMPORT_BYTES)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise InputError(f"{p}: not UTF-8 text (--manuscript)") from None
        suffix = path.suffix.lower()
        kind = "latex" if suffix in (".tex", ".aux", ".ltx", ".latex", ".sty") else \
            "pandoc" if suffix in (".md", ".markdown", ".qmd", ".rmd", ".txt", ".org", ".rst") else "auto"
        for k, places in cited_keys_from_text(text, kind, str(p)).items():
            cited.setdefault(k, []).extend(places)
    return cited


def _summary(findings, n_entries: int, n_files: int, unsafe: bool, libraries=()) -> dict:
    errors = sum(f.severity == "error" for f in findings)
    warnings = sum(f.severity == "warning" for f in findings)
    infos = sum(f.severity == "info" for f in findings)
    safe_fix = sum(1 for f in findings if f.fix is not None and f.fix.safe)
    unsafe_fix = sum(1 for f in findings if f.fix is not None and not f.fix.safe)
    return {
        "errors": errors, "warnings": warnings, "hints": infos, "entries": n_entries, "files": n_files,
        **_counts_with_findings(findings, libraries),
        "fixable": safe_fix, "fixable_unsafe": unsafe_fix,
    }


def _counts_with_findings(findings, libraries) -> dict:
    """How many entries have findings, and how many blocks that did not parse (a finding
    without its entry is matched to an entry of that file and key when there is one)."""
    by_key = {}
    for lib in libraries:
        for e in lib.entries:
            by_key.setdefault((str(lib.path) if lib.path else None, e.key), id(e))
    entries, blocks = set(), set()
    for f in findings:
        if f.entry is not None:
            entries.add(id(f.entry))
        elif f.key is not None:
            known = by_key.get((f.source, f.key))
            if known is not None:
                entries.add(known)
            else:
                blocks.add((f.source, f.line))
    return {"entries_with_findings": len(entries), "broken_blocks": len(blocks)}


def _summary_line(s: dict) -> str:
    entries = f"{s['entries']} entr{'y' if s['entries'] == 1 else 'ies'}"
    if not (s["errors"] or s["warnings"] or s["hints"]):
        return f"no problems in {entries}"
    parts = []
    for n, word in ((s["errors"], "error"), (s["warnings"], "warning"), (s["hints"], "hint")):
        if n:
            parts.append(f"{n} {word}{'s' if n != 1 else ''}")
    line = ", ".join(parts) + f" in {s['entries_with_findings']} of {entries}"
    if s.get("broken_blocks"):
        n = s["broken_blocks"]
        line += f" and {n} block{'s' if n != 1 else ''} that did not parse"
    fixes = []
    if s["fixable"]:
        fixes.append(f"{s['fixable']} fixable with --fix")
    if s["fixable_unsafe"]:
        fixes.append(f"{s['fixable_unsafe']} more with --fix --unsafe-fixes")
    return line + ("; " + ", ".join(fixes) if fixes else "")


def _print_rules(fmt: str) -> None:
    from annobib.checks import all_rules

    rules = all_rules()
    if fmt == "json":
        emit_json([{"code": r.code, "name": r.name, "severity": r.severity, "family": r.family, "summary": r.summary,
                    "fix": r.fixable or None, "needs": list(r.needs), "example": r.bad, "corrected": r.good} for r in rules])
        return
    from rich.text import Text

    con = console()
    fam = None
    for r in rules:
        if r.family != fam:
            fam = r.family
            con.print(Text(f"\n{fam}", style="bold"))
        head = Text("  ")
        head.append(r.code, style=SEVERITY_STYLE[r.severity])
        head.append(f"  {r.name}")
        if r.fixable:
            head.append(f"  [fix: {r.fixable}]", style="green")
        if r.needs:
            head.append(f"  [needs: {', '.join(r.needs)}]", style="dim")
        con.print(head)
        con.print(Text(f"        {r.summary}"))
        if r.bad:
            for i, line in enumerate(r.bad.splitlines()):
                con.print(Text(f"        {'bad:  ' if i == 0 else '      '}{line}", style="dim"))
        if r.good:
            for i, line in enumerate(r.good.splitlines()):
                con.print(Text(f"        {'good: ' if i == 0 else '      '}{line}", style="dim"))


def _print_text(findings, summary, applied_diffs, grouped: bool) -> None:
    """Findings for people: every key, file name, field and message made terminal-safe
    (a manuscript key or a malformed block can hold anything)."""
    from rich.text import Text

    from annobib.core.sanitize import terminal as safe

    con = console()
    for diff in applied_diffs:
        if diff:
            if grouped:
                for dl in diff.rstrip("\n").splitlines():
                    con.print(Text(safe(dl), style="green" if dl.startswith("+") else "red" if dl.startswith("-") else ""),
                              soft_wrap=True)
            else:
                echo_exact(diff.rstrip("\n"))
    if grouped:
        from rich.table import Table

        current = None
        grid = None
        for f in findings:
            group = (f.source, f.key) if f.key else (f.source, f"line {f.line}")
            if group != current:
                if grid is not None:
                    con.print(grid)
                current = group
                where = f"{f.source or '?'}:{f.entry.line if f.entry is not None and f.entry.line else f.line}"
                head = Text("\n" + safe(where), style="bold")
                head.append("  ")
                head.append(safe(f.key) or "(no entry)", style="bold")
                if f.entry is not None:
                    head.append(f"  @{safe(f.entry.type)}", style="dim")
                con.print(head)
                # a grid per entry: a long message wraps under itself, not under the line number
                grid = Table.grid(padding=(0, 2), pad_edge=False)
                grid.add_column(justify="right", style="dim", min_width=7, no_wrap=True)
                grid.add_column(no_wrap=True)
                grid.add_column(overflow="fold")
            body = Text()
            if f.field:
                body.append(safe(f.field), style="bold")
                body.append("  ")
            body.append(safe(f.message))
            if f.fix is not None:
                body.append("  [fix]" if f.fix.safe else "  [unsafe fix]", style="green" if f.fix.safe else "dim green")
            grid.add_row(str(f.line or ""), Text(f.code, style=SEVERITY_STYLE[f.severity]), body)
        if grid is not None:
            con.print(grid)
        con.print()
    else:
        for f in findings:
            where = f"{f.source or '-'}:{f.line or 0}"
            fld = f" {f.field}:" if f.field else ""
            click.echo(safe(f"{where}: {f.code} [{f.key or '-'}]{fld} {f.message}"))
    style = "bold red" if summary["errors"] else "yellow" if summary["warnings"] else "green"
    if grouped:
        con.print(Text(_summary_line(summary), style=style))
    else:
        click.echo(_summary_line(summary))


def _split_link_tokens(tokens) -> tuple[tuple[str, ...], list[str]]:
    from annobib.checks.runner import parse_codes

    codes = parse_codes(tokens)
    link = [t for t in codes if t.upper().startswith("W8") or t.lower() == "links"]
    return tuple(t for t in codes if t not in link), link


def _link_token_matches(code: str, tokens: list[str]) -> bool:
    return any(t.lower() == "links" or code.upper().startswith(t.upper()) for t in tokens)


@click.command("validate")
@click.argument("files", nargs=-1, type=click.Path(dir_okay=True), metavar="[BIB]...")
@click.option("--select", "select", multiple=True, metavar="CODES",
              help="Only these rules: codes (E301), prefixes (E, W3, 31), names (url-tracking) or families "
                   "(structure, completeness, form, consistency, hygiene, coverage); comma-separated or repeated.")
@click.option("--ignore", "ignore", multiple=True, metavar="CODES", help="Skip these rules (same forms as --select).")
@click.option("--strict", is_flag=True, help="Warnings fail too (exit 1). Hints never do.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github"]), default=None,
              help="text (grouped by entry on a terminal, one line per finding when piped), json, or github "
                   "(::error file=…,line=…:: annotations for CI).")
@click.option("--json", "as_json", is_flag=True, help="Same as --format json.")
@click.option("--fix", "do_fix", is_flag=True, help="Apply the safe, mechanical fixes (atomically) and show the diff.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix: also the fixes that change a value's text (tracking "
                                                   "parameters, guessed langid, re-decoded mojibake, punctuation width).")
@click.option("--dry-run", is_flag=True, help="With --fix: show the diff, write nothing.")
@click.option("--manuscript", "manuscripts", multiple=True, type=click.Path(dir_okay=False), metavar="FILE",
              help="A manuscript whose citations to check against the entries: \\cite{…} in .tex/.aux, "
                   "[@key] in Markdown (repeatable).")
@click.option("--today", "today", metavar="YYYY-MM-DD", help="The date 'in the future' is measured from (default: today).")
@click.option("--list-rules", is_flag=True, help="Document every rule with an example, then exit.")
@click.option("--links", "links", is_flag=True, help="Also warn about URLs never checked (W801), dead without a "
                                                     "snapshot (W802) or not http(s) (W803), from the state that "
                                                     "check-links/archive keep (offline).")
@click.pass_context
def validate(ctx, files, select, ignore, strict, fmt, as_json, do_fix, unsafe_fixes, dry_run, manuscripts, today, list_rules,
             links=False):
    """Lint the bibliography: structure, completeness, form, consistency, text hygiene and
    article coverage. Exit 0 clean (hints and, without --strict, warnings allowed), 1 problems,
    2 could not run.

    \b
    Examples:
      annobib validate                           the default bibliography
      annobib validate --select E                errors only
      annobib validate --ignore I207,I215        without the access-date and translation hints
      annobib validate --fix --dry-run           show the safe fixes as a diff
      annobib validate --format github           annotations for a CI job
      annobib validate --manuscript paper.tex    keys cited with no entry, entries never cited
      annobib validate --list-rules              every rule, with an example
    """
    from annobib.checks import Context, apply_fixes, run_checks, select_rules

    if as_json:
        if fmt not in (None, "json"):
            raise click.UsageError("--json conflicts with --format " + fmt)
        fmt = "json"
    fmt = fmt or "text"
    if list_rules:
        _print_rules(fmt)
        return 0
    if (dry_run or unsafe_fixes) and not do_fix:
        raise click.UsageError("--dry-run and --unsafe-fixes go with --fix")
    # Link findings (W8xx, family "links") come from check-links state, not from the rule
    # registry: take their tokens out of --select/--ignore and filter those findings here.
    select, link_select = _split_link_tokens(select)
    ignore, link_ignore = _split_link_tokens(ignore)
    if link_select and not select:
        links = True
    try:
        rules = select_rules(select, ignore) if (select or not link_select) else []
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    try:
        day = _dt.date.fromisoformat(today) if today else _dt.date.today()
    except ValueError:
        raise click.UsageError(f"--today '{today}' is not a date YYYY-MM-DD") from None
    cited = _read_manuscripts(manuscripts) if manuscripts else None
    paths = [Path(p) for p in files] if files else bibliography_paths(ctx)
    from annobib.bib import read_library, write_library
    from annobib.lookup.view import PARSE_CACHE

    libraries, unreadable = [], []
    for p in paths:
        try:
            if p.is_dir():
                raise InputError(f"{p}: is a directory, not a .bib file")
            libraries.append(read_library(p, store=PARSE_CACHE, lock=do_fix and not dry_run))
        except InputError as exc:
            if do_fix or len(paths) == 1:
                raise  # --fix writes nothing unless every file could be read
            unreadable.append(exc)
    if unreadable and not libraries:
        from annobib.core.sanitize import message

        for exc in unreadable[:-1]:
            click.echo(f"annobib: error: {message(exc)}", err=True)
        raise unreadable[-1]
    if not any(lib.entries or lib.problems for lib in libraries):
        names = ", ".join(str(lib.path) for lib in libraries)
        raise InputError(f"{names}: no entries to validate (an empty file, or only comments)")
    check_ctx = Context(today=day, cited_keys=cited)

    diffs, applied_all = [], []
    if do_fix:
        pending = []
        for lib in libraries:
            applied = apply_fixes(lib, rules, check_ctx, unsafe=unsafe_fixes)
            if applied:
                pending.append((lib, applied))
        if not dry_run:
            from annobib.bib.writer import check_library

            for lib, _ in pending:  # check every file first: a failure writes nothing further
                check_library(lib)
        # the diff is shown (text, github) or returned (json); it costs what changed, not the file
        diffs = [write_library(lib, dry_run=dry_run, diff=True) for lib, _ in pending]
        for lib, applied in pending:
            applied_all.extend({"file": str(lib.path), "key": a.key, "field": a.field, "code": a.code,
                                "old": a.old, "new": a.new, "description": a.description} for a in applied)

    findings = run_checks(libraries, rules=rules, ctx=check_ctx)
    if links:
        from annobib.archive.state import link_findings

        findings = findings + [
            f for f in link_findings(libraries)
            if (not (select or link_select) or _link_token_matches(f.code, [*select, *link_select]))
            and not _link_token_matches(f.code, link_ignore)
        ]
    from annobib.commands._common import warn

    for problem in check_ctx.state.get("rule_errors", [])[:5]:
        warn(f"a rule failed (its findings are missing; please report it): {problem}")
    n_entries = sum(len(lib.entries) for lib in libraries)
    summary = _summary(findings, n_entries, len(libraries), unsafe_fixes, libraries)
    failed = summary["errors"] > 0 or (strict and summary["warnings"] > 0)

    if fmt == "json":
        doc = {"files": [str(p) for p in paths], "findings": [f.as_dict() for f in findings], "summary": summary}
        if unreadable:
            doc["errors"] = [str(exc) for exc in unreadable]
        if do_fix:
            doc["fixed"] = applied_all
            doc["diff"] = "".join(diffs)
            doc["dry_run"] = bool(dry_run)
        emit_json(doc)
    elif fmt == "github":
        for d in diffs:
            if d:
                echo_exact(d.rstrip("\n"))
        for f in findings:
            props = [f"file={_gh_escape(f.source or '', True)}"]
            if f.line:
                props.append(f"line={f.line}")
            props.append(f"title={_gh_escape(f'{f.code} {f.rule}', True)}")
            fld = f" {f.field}:" if f.field else ""
            body = _gh_escape(f"[{f.key or '-'}]{fld} {f.message}")
            click.echo(f"::{GITHUB_LEVEL[f.severity]} {','.join(props)}::{body}")
        click.echo(_summary_line(summary))
    else:
        grouped = color_enabled(ctx, sys.stdout) or bool(getattr(sys.stdout, "isatty", lambda: False)())
        _print_text(findings, summary, diffs, grouped)
    if do_fix and not fmt == "json" and applied_all:
        verb = "would fix" if dry_run else "fixed"
        click.echo(f"annobib: {verb} {len(applied_all)} field{'s' if len(applied_all) != 1 else ''}"
                   + (" (nothing written: --dry-run)" if dry_run else ""), err=True)
    from annobib.core.sanitize import message

    for exc in unreadable:  # the files that could not be read: one line each, after the others' findings
        click.echo(f"annobib: error: {message(exc)}", err=True)
    ctx.exit(2 if unreadable else 1 if failed else 0)
