"""``annobib validate``: lint a bibliography. The session (read policy, fix transaction) is
:mod:`annobib.checks.session`, the output formats :mod:`annobib.checks.emit`; this is options,
one call, printing and the exit code."""

from __future__ import annotations

import datetime as _dt
import sys
from itertools import groupby
from pathlib import Path

import click

from annobib import perf
from annobib.commands._common import bibliography_paths, color_enabled, console, echo_exact, emit_json, warn
from annobib.commands.verify import online_findings
from annobib.core.sanitize import message
from annobib.errors import InputError


def _show(ctx, items) -> None:
    """Print an emitter's items: lines, exact text for tools, Rich renderables."""
    # lazy: not needed by `annobib --help`
    from annobib.checks.emit import Exact, Wrapped

    con = None
    # consecutive lines go out in one write (100,000 findings: 0.5 s less); the runs are found
    # in C (a test of each of 260,000 lines in Python was 0.03 s)
    for kind, run in groupby(items, type):
        if kind is str:
            _echo_lines(list(run))
            continue
        for item in run:
            if isinstance(item, str):
                _echo_lines([item])
            elif isinstance(item, Exact):
                echo_exact(item.text)
            else:
                con = con or console(ctx)
                if isinstance(item, Wrapped):
                    con.print(item.renderable, soft_wrap=True)
                else:
                    con.print(item)
    perf.keep_to_the_end(items)  # (see validate: the lines, never freed one by one either)


ECHO_SLICE = 10_000  # lines a write: 188,000 findings joined whole were 40 MB, copied twice more


def _echo_lines(lines: list[str]) -> None:
    # color=True: click would search the text for colour sequences to strip when piped, and
    # these lines have none (the emitters made them terminal-safe: ESC is shown as \x1b)
    for start in range(0, len(lines), ECHO_SLICE):
        click.echo("\n".join(lines[start : start + ECHO_SLICE]), color=True)


@click.command("validate")
@click.argument("files", nargs=-1, type=click.Path(dir_okay=True), metavar="[BIB]...")
@click.option(
    "--select",
    "select",
    multiple=True,
    metavar="CODES",
    help="Only these rules: codes (E301), prefixes (E, W3, 31), names (url-tracking) or families "
    "(structure, completeness, form, consistency, hygiene, coverage); comma-separated or repeated.",
)
@click.option("--ignore", "ignore", multiple=True, metavar="CODES", help="Skip these rules (same forms as --select).")
@click.option("--strict", is_flag=True, help="Warnings fail too (exit 1). Hints never do.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "github"]),
    default=None,
    help="text (grouped by entry on a terminal, one line per finding when piped), json, or github "
    "(::error file=…,line=…:: annotations for CI).",
)
@click.option("--json", "as_json", is_flag=True, help="Same as --format json.")
@click.option(
    "--fix",
    "do_fix",
    is_flag=True,
    help="Apply the safe, mechanical fixes (atomically), report what is left, and say on stderr how "
    "many fields of how many entries each rule fixed (the diff only with --diff or --dry-run).",
)
@click.option(
    "--unsafe-fixes",
    is_flag=True,
    help="With --fix: also the fixes that change a value's text (tracking "
    "parameters, guessed langid, re-decoded mojibake, punctuation width).",
)
@click.option("--dry-run", is_flag=True, help="With --fix: show the diff, write nothing.")
@click.option(
    "--diff",
    "show_diff",
    is_flag=True,
    help="With --fix: also show the unified diff of what is written (json: the diff key).",
)
@click.option(
    "--manuscript",
    "manuscripts",
    multiple=True,
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="A manuscript whose citations to check against the entries: \\cite{…} in .tex/.aux, "
    "[@key] in Markdown (repeatable).",
)
@click.option(
    "--today", "today", metavar="YYYY-MM-DD", help="The date 'in the future' is measured from (default: today)."
)
@click.option("--list-rules", is_flag=True, help="Document every rule with an example, then exit.")
@click.option(
    "--links",
    "links",
    is_flag=True,
    help="Also warn about URLs never checked (W801), dead without a "
    "snapshot (W802) or not http(s) (W803), from the state that "
    "check-links/archive keep (offline).",
)
@click.option(
    "--online",
    is_flag=True,
    help="Also check every entry against Crossref, OpenAlex and the cited "
    "page (as `annobib verify`): E901 mismatch, W902 not found, "
    "I903 DOI found, W904 unreachable.",
)
@click.option(
    "--no-hints",
    "-q",
    "--quiet",
    "no_hints",
    is_flag=True,
    help="Hide the hints (I…): only errors and warnings are shown and counted.",
)
@click.pass_context
def validate(
    ctx,
    files,
    select,
    ignore,
    strict,
    fmt,
    as_json,
    do_fix,
    unsafe_fixes,
    dry_run,
    manuscripts,
    today,
    list_rules,
    show_diff=False,
    links=False,
    online=False,
    no_hints=False,
):
    """Lint the bibliography: structure, completeness, form, consistency, text hygiene and
    article coverage. Exit 0 clean (hints and, without --strict, warnings allowed), 1 problems,
    2 could not run. The text output ends with the count of findings per rule code.

    \b
    Examples:
      annobib validate                           the default bibliography
      annobib validate --select E                errors only
      annobib validate --ignore I207,I215        without the access-date and translation hints
      annobib validate --no-hints                errors and warnings only
      annobib validate --fix --dry-run           show the safe fixes as a diff
      annobib validate --fix                     apply them; say how many of each rule
      annobib validate --format github           annotations for a CI job
      annobib validate --manuscript paper.tex    keys cited with no entry, entries never cited
      annobib validate --list-rules              every rule, with an example
    """
    # lazy: not needed by `annobib --help`
    from annobib.checks import emit
    from annobib.checks.session import OptionError
    from annobib.checks.session import validate as run

    if as_json:
        if fmt not in (None, "json"):
            raise click.UsageError("--json conflicts with --format " + fmt)
        fmt = "json"
    fmt = fmt or "text"
    if list_rules:
        from annobib.checks import all_rules

        if fmt == "json":
            emit_json(emit.rules_json(all_rules()))
        else:
            _show(ctx, emit.rules_text(all_rules()))
        return 0
    try:
        day = _dt.date.fromisoformat(today) if today else None
    except ValueError:
        raise click.UsageError(f"--today '{today}' is not a date YYYY-MM-DD") from None
    paths = [Path(p) for p in files] if files else bibliography_paths(ctx)
    try:
        outcome = run(
            paths,
            select=select,
            ignore=ignore,
            strict=strict,
            fix=do_fix,
            unsafe=unsafe_fixes,
            dry_run=dry_run,
            diff=show_diff,
            manuscripts=manuscripts,
            today=day,
            links=links,
            extra_findings=_online_findings if online else None,
            report_fixes=fmt == "json",  # only the JSON report lists each fix
        )
    except OptionError as exc:
        raise click.UsageError(str(exc)) from None
    except InputError as exc:
        for other in getattr(exc, "errors", [])[:-1]:  # no file could be read: each says why
            click.echo(f"annobib: error: {message(other)}", err=True)
        raise
    if no_hints:
        emit.without_hints(outcome)
    for problem in outcome.rule_errors[:5]:
        warn(f"a rule failed (its findings are missing; please report it): {problem}")
    perf.keep_to_the_end(outcome)  # the process may end at once: 260,000 findings never freed one by one
    if fmt == "json":
        emit_json(emit.json_report(outcome))
    elif fmt == "github":
        _show(ctx, emit.github(outcome))
    else:
        grouped = color_enabled(ctx, sys.stdout) or bool(getattr(sys.stdout, "isatty", lambda: False)())
        _show(ctx, emit.text(outcome, grouped))
    if outcome.fixing and fmt != "json" and outcome.applied:
        click.echo(fix_summary(outcome.applied, outcome.fixed_entries, dry_run), err=True)
    for exc in outcome.unreadable:  # the files that could not be read: one line each, after the others' findings
        click.echo(f"annobib: error: {message(exc)}", err=True)
    # everything is written and closed: the process may end without freeing 50,000 entries one by one
    perf.EXIT_AT_ONCE = True
    ctx.exit(outcome.exit_code)


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'s' if n != 1 else ''}"


def fix_summary(applied, entries: int, dry_run: bool) -> str:
    """``annobib: fixed 12 fields in 5 entries (W305 5, W508 4, E314 3)``: the count of fields
    and entries, then per rule code, most first (ruff's way: a summary, the diff on request).
    ``applied``: the rows of the JSON report (or a report that gives its ``codes()`` at once)."""
    per_code: dict[str, int] = {}
    codes = applied.codes() if hasattr(applied, "codes") else (a["code"] for a in applied)
    for code in codes:
        per_code[code] = per_code.get(code, 0) + 1
    codes = ", ".join(f"{c} {n:,}" for c, n in sorted(per_code.items(), key=lambda cn: (-cn[1], cn[0])))
    return (
        f"annobib: {'would fix' if dry_run else 'fixed'} {_plural(len(applied), 'field')} in "
        f"{_plural(entries, 'entry').replace('entrys', 'entries')} ({codes})"
        + (" (nothing written: --dry-run)" if dry_run else "")
    )


def _online_findings(libraries) -> list:
    """``--online``: each entry's verify verdict as a finding (E901, W902, I903, W904)."""

    return online_findings(libraries)
