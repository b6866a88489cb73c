"""``annobib verify [KEY…]``: every entry against Crossref, OpenAlex and the cited page."""

from __future__ import annotations

import os
import sys

import click

from annobib.commands._common import (
    bibliography_paths,
    complete_keys,
    console,
    echo_exact,
    emit_json,
    libraries_for_writing,
    pairs_for_keys,
    require_entries,
    warn,
)
from annobib.commands.archive import _config
from annobib.core.sanitize import redact, terminal, terminal_lines
from annobib.errors import InputError

STYLE = {
    "verified": "green",
    "mismatch": "bold red",
    "not-found": "magenta",
    "not-checkable": "dim",
    "unreachable": "yellow",
}


def _transport():
    """The httpx transport for registries and pages (None: the network). Tests replace this."""
    return None


@click.command("verify")
@click.argument("keys", nargs=-1, shell_complete=complete_keys)
@click.option("--json", "as_json", is_flag=True, help="A JSON list: key, verdict, doi, score, source, mismatches.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "github"]),
    default=None,
    help="table (default), json, or github (annotations for a CI job).",
)
@click.option("--fix", is_flag=True, help="Write what is sure: a missing DOI, a corrected volume, number, pages, year.")
@click.option("--dry-run", is_flag=True, help="With --fix: show the change as a diff; write nothing.")
@click.option("--refresh", is_flag=True, help="Ask the registries again even when a cached answer is fresh.")
@click.option("--mailto", metavar="EMAIL", help="Contact address for Crossref's polite pool (else $ANNOBIB_MAILTO).")
@click.pass_context
def verify(ctx, keys, as_json, fmt, fix, dry_run, refresh, mailto):
    """Check each entry (or KEY…) against the registries and the cited page.

    \b
    By DOI when the entry has one, else by title, authors and year: Crossref
    first, OpenAlex where Crossref has nothing. Web pages are checked against
    the page itself (<title>, og:title, citation_* and article:published_time
    meta tags), or its archived snapshot when the page is gone.
    Verdicts: verified (score, DOI), mismatch (each field: the entry's value
    and the registry's), not-found (what was searched, where), not-checkable
    (no registry covers this kind of work), unreachable. A registry value less
    precise than the entry's (first page only, year only) is not a mismatch.
    Answers are cached (--refresh asks again); nothing is cached from a
    failure. Offline (no registry or page reachable): one line, exit 2.
    Exit 1 when something mismatched or was not found.
    """
    fmt = "json" if as_json else (fmt or "table")
    if dry_run and not fix:
        raise InputError("--dry-run goes with --fix (verify alone writes nothing)")
    libraries, pairs = _entries(keys, fix)
    verdicts = run_verify([e for _, e in pairs], mailto=mailto, refresh=refresh, show_progress=fmt == "table")
    diff, fixed = "", None
    if fix:
        diff, fixed = _fix(libraries, pairs, verdicts, dry_run)
    _emit(ctx, fmt, pairs, verdicts, diff, fixed)
    unreachable = sum(v.verdict == "unreachable" for v in verdicts)
    if unreachable and fmt != "json":
        warn(
            f"{unreachable} entr{'y' if unreachable == 1 else 'ies'} could not be checked (unreachable); run again later"
        )
    return 1 if any(v.verdict in ("mismatch", "not-found") for v in verdicts) else 0


def run_verify(entries, mailto=None, refresh=False, show_progress=False) -> list:
    """Verdicts for ``entries`` (config, cache, the transport seam); offline → one InputError."""
    # lazy: loads asyncio, email, ssl only when this runs
    import asyncio

    from annobib.verify import RegistryOptions, verify_entries
    from annobib.verify.cache import AnswerCache
    from annobib.verify.pages import PageVerifier

    cfg = _config(crossref__mailto=mailto)
    options = RegistryOptions.from_config(cfg)
    if refresh:
        options.max_age = 0.0
    cache = None if os.environ.get("ANNOBIB_NO_CACHE") else AnswerCache()
    transport = _transport()
    pages = PageVerifier.from_config(cfg, transport=transport, cache=cache)
    if refresh:
        pages.max_age = 0.0
    progress = _progress(len(entries), show_progress)
    task = progress.add_task("verify", total=len(entries)) if progress else None
    try:
        if progress:
            progress.start()
        verdicts = asyncio.run(
            verify_entries(
                entries,
                options,
                transport=transport,
                cache=cache,
                pages=pages,
                on_verdict=(lambda v: progress.advance(task)) if progress else None,
            )
        )
    finally:
        if progress:
            progress.stop()
        if cache is not None:
            cache.close()
    checked = [v for v in verdicts if v.verdict != "not-checkable"]
    if checked and all(v.offline for v in checked):
        raise InputError(
            f"offline: no registry or page could be reached ({checked[0].detail}); nothing verified, nothing cached"
        )
    return verdicts


def online_findings(libraries) -> list:
    """``validate --online``: the verdicts of every entry as findings (E901, W902, I903, W904)."""
    # lazy: loads asyncio, email only when this runs
    from annobib.verify.findings import verdict_findings

    entries = [e for lib in libraries for e in lib.entries]
    out = []
    for entry, verdict in zip(entries, run_verify(entries)):
        out.extend(verdict_findings(entry, verdict))
    return out


def _entries(keys, for_writing: bool):
    # lazy: not needed by `annobib --help`
    from annobib.editing import load_libraries

    paths = bibliography_paths()
    # No lock while the network is asked (a run may take minutes): --fix re-reads under the lock.
    libraries = load_libraries(paths, for_writing=for_writing, lock=False)
    require_entries(libraries, paths)
    for lib in libraries:
        for problem in lib.problems:
            warn(f"{lib.path}:{problem.line}: {problem.message}")
    return libraries, pairs_for_keys([(lib, e) for lib in libraries for e in lib.entries], keys)


def _progress(total: int, enabled: bool):
    if not enabled or total == 0 or not sys.stderr.isatty():
        return None
    # lazy: loads rich only when this runs
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    return Progress(
        TextColumn("verifying"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console(stderr=True),
        transient=True,
    )


def _fix(libraries, pairs, verdicts, dry_run: bool) -> tuple[str, dict]:
    """Apply the sure fixes; (the diff, {id(verdict): [{"field", "old", "new"}]})."""
    # lazy: not needed by `annobib --help`; looked up when called (tests patch it on its module)
    from annobib.editing import save
    from annobib.model import Entry
    from annobib.verify.fix import apply_fixes

    # Read again, locked until the write: an entry changed meanwhile is left alone (its verdict
    # was for the old text); nothing else anyone wrote is lost.
    fresh = {
        (str(lib.path), e.key): (lib, e)
        for lib in libraries_for_writing([l.path for l in libraries])
        for e in lib.entries
    }
    touched, count, fixed = {}, 0, {}
    for (old_lib, seen), verdict in zip(pairs, verdicts):
        lib, entry = fresh.get((str(old_lib.path), seen.key), (None, None))
        if entry is None or entry.fields != seen.fields:
            if entry is None or apply_fixes(Entry(seen.key, seen.type, dict(seen.fields)), verdict):
                warn(f"{seen.key}: changed since it was read; not fixed (run verify again)")
            fixed[id(verdict)] = []
            continue
        changes = apply_fixes(entry, verdict)
        fixed[id(verdict)] = [{"field": f, "old": old, "new": new} for f, old, new in changes]
        if changes:
            touched[id(lib)] = lib
            count += len(changes)
    diffs = [save(lib, dry_run=dry_run) for lib in touched.values()]
    verb = "would fix" if dry_run else "fixed"
    warn(f"{verb} {count} field{'s' if count != 1 else ''}" + (" (nothing written: --dry-run)" if dry_run else ""))
    return "".join(d or "" for d in diffs), fixed


def _line(v) -> str:
    """The detail of a verdict as text (sanitized by the caller)."""
    if v.verdict == "mismatch":
        return "\n".join(f"{m['field']}: {m['entry']} → {m['registry']} (registry)" for m in v.mismatches)
    if v.verdict == "verified":
        return v.detail or ""
    if v.verdict == "not-found":
        return v.detail + ("\nsearched: " + "; ".join(v.searched) if v.searched else "")
    return v.detail


def _emit(ctx, fmt, pairs, verdicts, diff, fixed=None) -> None:
    if fmt == "json":  # always the list; with --fix each item says what was (or would be) written
        data = [v.as_dict() for v in verdicts]
        if fixed is not None:
            for item, v in zip(data, verdicts):
                item["fixed"] = fixed.get(id(v), [])
        emit_json(data)
        return
    if diff:
        echo_exact(diff.rstrip("\n"))
    if fmt == "github":
        # lazy: loads rich only when this runs; not needed by `annobib --help`
        from annobib.checks.emit import gh_escape

        where = {e.key: e for _, e in pairs}
        for v in verdicts:
            if v.verdict not in ("mismatch", "not-found"):
                continue
            e = where.get(v.key)
            props = [f"file={gh_escape(str(e.source or '') if e else '', True)}"]
            if e is not None and e.line:
                props.append(f"line={e.line}")
            props.append(f"title={gh_escape('verify ' + v.verdict, True)}")
            level = "error" if v.verdict == "mismatch" else "warning"
            click.echo(f"::{level} {','.join(props)}::{gh_escape(f'[{v.key}] ' + _line(v).replace(chr(10), '; '))}")
        click.echo(terminal(_summary(verdicts)))
        return
    from rich.table import Table
    from rich.text import Text

    out = console(ctx)
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    for name, kw in (
        ("key", {"no_wrap": True}),
        ("verdict", {"no_wrap": True}),
        ("score", {"justify": "right"}),
        ("source", {}),
        ("doi / detail", {"overflow": "fold"}),
    ):
        table.add_column(name, **kw)
    for v in verdicts:
        shown = lambda s: terminal_lines(redact("" if s is None else str(s)))  # noqa: E731
        detail = "\n".join(p for p in (v.doi or "", _line(v)) if p)
        table.add_row(
            Text(shown(v.key)),
            Text(shown(v.verdict), style=STYLE.get(v.verdict, "")),
            Text("" if v.score is None else f"{v.score:.2f}"),
            Text(shown(v.source or "")),
            Text(shown(detail)),
        )
    out.print(table)
    out.print(Text(terminal(_summary(verdicts))))


def _summary(verdicts) -> str:
    counts: dict[str, int] = {}
    for v in verdicts:
        counts[v.verdict] = counts.get(v.verdict, 0) + 1
    return f"{len(verdicts)} entries: " + (", ".join(f"{n} {k}" for k, n in counts.items()) or "none")
