"""``annobib check-links`` and ``annobib archive``: link health and Web Archive snapshots."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from annobib.commands._common import (
    bibliography_paths,
    complete_keys,
    console,
    echo_exact,
    emit_json,
    pairs_for_keys,
    print_table,
    warn,
)
from annobib.core.sanitize import redact, redact_data, terminal_lines
from annobib.errors import InputError


def _transport():
    """The httpx transport to use (None: the network). Tests may replace this function."""
    return None


def _config(**overrides):
    # lazy: not needed by `annobib --help`
    from annobib.config import load_config

    cfg = load_config(**{k: v for k, v in overrides.items() if v is not None})
    for message in cfg.warnings:
        warn(message)
    return cfg


def _select(libs, keys: tuple[str, ...]):
    """(path, entry) pairs for the chosen keys (all entries when none); unknown keys → exit 2."""

    return pairs_for_keys([(path, entry) for path, lib in libs for entry in lib.entries], keys)


def _read(paths):
    # lazy: not needed by `annobib --help`
    from annobib.bib import read_library
    from annobib.lookup.view import PARSE_CACHE

    libs = []
    for path in paths:
        lib = read_library(path, store=PARSE_CACHE)
        for problem in lib.problems:
            warn(f"{path}:{problem.line}: {problem.message}")
        libs.append((Path(path), lib))
    return libs


def _is_doi_link(url: str) -> bool:
    """A doi.org URL: the DOI is the persistent link, a snapshot of its redirect adds nothing."""
    # lazy: not needed by `annobib --help`
    from annobib.archive.urls import host_of

    return (host_of(url) or "").lower() in ("doi.org", "dx.doi.org", "www.doi.org")


def _progress(total: int, label: str, enabled: bool):
    """A Rich progress bar with an ETA on a terminal (stderr); a no-op object otherwise."""
    if not enabled or total == 0 or not sys.stderr.isatty():
        return None
    # lazy: loads rich only when this runs
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    progress = Progress(
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=console(stderr=True),
        transient=True,
    )
    return progress


_STYLE = {
    "ok": "green",
    "redirected": "cyan",
    "dead": "bold red",
    "unreachable": "yellow",
    "blocked": "yellow",
    "suspect": "magenta",
    "error": "red",
    "archived": "green",
    "captured": "green",
    "present": "dim",
    "pending": "yellow",
    "needs-capture": "yellow",
    "failed": "red",
    "skipped": "dim",
}


# --------------------------------------------------------------------------- check-links


@click.command("check-links")
@click.argument("keys", nargs=-1, shell_complete=complete_keys)
@click.option("--json", "as_json", is_flag=True, help="One JSON document on stdout.")
@click.option("--refresh", is_flag=True, help="Check again even results younger than --max-age.")
@click.option("--max-age", metavar="AGE", help="Reuse cached results younger than this (e.g. 12h, 7d).")
@click.option("--timeout", type=float, metavar="SECONDS", help="Seconds one try may take.")
@click.option("--per-host", type=int, metavar="N", help="Requests in flight at once per host.")
@click.option("--host-interval", type=float, metavar="SECONDS", help="Seconds between requests to one host.")
@click.option("--problems", is_flag=True, help="List only URLs that are not ok.")
@click.pass_context
def check_links(ctx, keys, as_json, refresh, max_age, timeout, per_host, host_interval, problems):
    """Check that every cited URL (or those of KEY…) is alive.

    \b
    Outcomes: ok, redirected (the final URL is noted), dead (404, 410),
    unreachable (no such host, connection refused: never "dead"), blocked
    (401/403/429/999 and bot walls: unknown, never "dead"), suspect (a soft
    404), error (TLS, timeouts, redirect loops, non-http URLs, which are never
    requested). Results are cached next to the bibliography; a re-run within
    --max-age (default 7d) reuses them; unreachable ones are never cached.
    When no host at all can be reached: "offline", exit 2, nothing cached.
    Exit 1 when a link is dead or unreachable.
    """
    # lazy: loads asyncio, email, ssl only when this runs; not needed by `annobib --help`
    import asyncio

    from annobib.archive.links import LinkOptions, check_urls, is_offline
    from annobib.archive.state import load_state
    from annobib.archive.urls import entry_url

    cfg = _config(
        links__max_age=max_age,
        links__timeout=timeout,
        links__per_host_concurrency=per_host,
        links__per_host_interval=host_interval,
    )
    libs = _read(bibliography_paths(ctx))
    pairs = [(p, e, entry_url(e)) for p, e in _select(libs, keys)]
    pairs = [(p, e, u) for p, e, u in pairs if u]
    states = {p: load_state(p) for p, _ in libs}
    _say_damaged(states)
    by_url: dict[str, set] = {}
    for path, _, url in pairs:
        by_url.setdefault(url, set()).add(path)

    results: dict[str, dict] = {}
    cached: set[str] = set()
    todo = []
    max_age_s = cfg["links.max_age"]
    for url, paths in by_url.items():
        fresh = None
        if not refresh:
            for path in paths:
                if states[path].is_fresh(url, max_age_s):
                    fresh = states[path].link(url)
                    break
        if fresh:
            results[url] = fresh
            cached.add(url)
        else:
            todo.append(url)

    progress = _progress(len(todo), "checking links", not as_json)
    task = progress.add_task("links", total=len(todo)) if progress else None
    last_save = [time.monotonic()]

    def on_result(res) -> None:
        item = res.as_dict()
        results[res.url] = item
        for path in by_url[res.url]:
            states[path].set_link(res.url, item)
        if progress:
            progress.advance(task)
        if time.monotonic() - last_save[0] > 2.0:
            for state in states.values():
                state.save()
            last_save[0] = time.monotonic()

    try:
        if todo:
            if progress:
                progress.start()
            try:
                checked = asyncio.run(
                    check_urls(todo, LinkOptions.from_config(cfg), transport=_transport(), on_result=on_result)
                )
            finally:
                if progress:
                    progress.stop()
            if is_offline(checked):
                raise InputError(
                    f"offline: none of {len(checked)} URL hosts could be resolved or reached; "
                    "nothing checked, nothing cached"
                )
    finally:
        for state in states.values():
            state.save()

    rows = []
    for path, entry, url in pairs:
        item = results.get(url) or {}
        rows.append(
            {
                "key": entry.key,
                "url": url,
                "outcome": item.get("outcome", "error"),
                "status": item.get("status"),
                "final_url": item.get("final_url"),
                "detail": item.get("detail", ""),
                "chain": item.get("chain", []),
                "checked_at": item.get("checked_at"),
                "cached": url in cached,
            }
        )
    summary: dict[str, int] = {}
    for row in rows:
        summary[row["outcome"]] = summary.get(row["outcome"], 0) + 1
    shown = [r for r in rows if r["outcome"] != "ok"] if problems else rows
    if as_json:
        emit_json(redact_data({"results": shown, "summary": summary}))
    else:
        _links_table(ctx, shown, summary)
    return 1 if summary.get("dead") or summary.get("unreachable") else 0


def _shown(value) -> str:
    """A value from the network or the .bib for a table cell: secrets out, nothing raw."""

    return terminal_lines(redact("" if value is None else str(value)))


def _links_table(ctx, rows, summary) -> None:
    # lazy: loads rich only when this runs
    from rich.table import Table
    from rich.text import Text

    out = console(ctx)
    if rows:
        table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
        table.add_column("key", no_wrap=True)
        table.add_column("outcome", no_wrap=True)
        table.add_column("status", justify="right", no_wrap=True)
        table.add_column("url / detail", overflow="fold")
        for r in rows:
            detail = r["url"]
            if r["final_url"]:
                detail += f"\n→ {r['final_url']}"
            if r["detail"] and r["outcome"] not in ("ok",):
                detail += f"\n{r['detail']}"
            if r["cached"]:
                detail += " (cached)"
            table.add_row(
                Text(_shown(r["key"])),
                Text(_shown(r["outcome"]), style=_STYLE.get(r["outcome"], "")),
                Text(_shown(r["status"] or "–")),
                Text(_shown(detail)),
            )
        print_table(out, table)
    parts = [f"{n} {name}" for name, n in sorted(summary.items())]
    out.print(Text(f"{sum(summary.values())} URLs: " + (", ".join(parts) if parts else "none")))


# --------------------------------------------------------------------------- archive


@click.command("archive")
@click.argument("keys", nargs=-1, shell_complete=complete_keys)
@click.option("--dry-run", is_flag=True, help="Look snapshots up, request no capture, print the diff; write nothing.")
@click.option("--json", "as_json", is_flag=True, help="One JSON document on stdout.")
@click.option("--no-capture", is_flag=True, help="Only look existing snapshots up; request no capture.")
@click.option("--force", is_flag=True, help="Also entries that have an archiveurl; retry failed captures.")
@click.option(
    "--wayback-url", metavar="URL", help="Wayback base URL (default $ANNOBIB_WAYBACK_URL or web.archive.org)."
)
@click.pass_context
def archive(ctx, keys, dry_run, as_json, no_capture, force, wayback_url):
    """Find (or request) a Web Archive snapshot for every cited URL.

    \b
    For each URL: the best existing capture near the entry's date (CDX, then
    the replay redirect, the availability API as a last resort); if none and
    archive.org keys are set (ANNOBIB_IA_ACCESS / ANNOBIB_IA_SECRET), a Save
    Page Now capture, followed to its end. archiveurl and archivedate (and
    urldate when missing) are written into the entry right after each success,
    so an interrupted run loses nothing; a re-run resumes pending captures.
    Exit 1 when some URL is left without a snapshot.
    """
    # lazy: loads asyncio, email only when this runs; not needed by `annobib --help`
    import asyncio

    from annobib.archive.runner import DONE, ArchiveRun, BibWriter, Outcome, Target, date_stamp, entry_target_date
    from annobib.archive.state import load_state
    from annobib.archive.urls import entry_url
    from annobib.archive.wayback import ArchiveOptions

    cfg = _config(archive__wayback_url=wayback_url)
    if wayback_url and cfg.source("archive.archive_org_url") == "default":
        cfg = cfg.with_overrides(archive__archive_org_url=wayback_url)
    options = ArchiveOptions.from_config(cfg)
    paths = bibliography_paths(ctx)
    if len(paths) > 1 and not dry_run:
        raise InputError("archive writes to one bibliography; pass a single --bib")
    libs = _read(paths)
    states = {p: load_state(p) for p, _ in libs}
    _say_damaged(states)

    targets: dict[str, Target] = {}
    present: list[Outcome] = []
    for path, entry in _select(libs, keys):
        url = entry_url(entry)
        if not url:
            continue
        if _is_doi_link(url):
            present.append(Outcome(url, [entry.key], "skipped", "a doi.org link is persistent: not archived"))
            continue
        if entry.get("archiveurl") and not force:
            present.append(
                Outcome(
                    url,
                    [entry.key],
                    "present",
                    "already has an archiveurl",
                    entry.get("archiveurl"),
                    entry.get("archivedate"),
                )
            )
            continue
        target = targets.get(url)
        if target is None:
            target = targets[url] = Target(url, [], entry_target_date(entry), False, date_stamp(entry.get("date")))
        target.refs.append((path, entry.key))
        target.need_urldate = target.need_urldate or not entry.get("urldate")

    link_outcomes = {}
    for url in targets:
        for state in states.values():
            item = state.link(url)
            if item:
                link_outcomes[url] = item.get("outcome")

    progress = _progress(len(targets), "archiving", not as_json)
    task = progress.add_task("archive", total=len(targets)) if progress else None

    def on_outcome(res) -> None:
        if progress:
            progress.advance(task)

    writer = BibWriter(dry_run=dry_run)
    run = ArchiveRun(
        options,
        states,
        writer,
        transport=_transport(),
        capture=not no_capture,
        force_capture=force,
        link_outcomes=link_outcomes,
        on_outcome=on_outcome,
    )
    outcomes: list = []
    if targets:
        if progress:
            progress.start()
        try:
            outcomes = asyncio.run(run.run(list(targets.values())))
        finally:
            if progress:
                progress.stop()
    down = run.client.gate.down if run.client is not None else None
    if down and not any(r.outcome in DONE for r in outcomes):
        # Said once, for the run: not a per-URL "error" row each repeating it.
        offline = any(w in down.lower() for w in ("name resolution", "dns", "refused", "unreachable", "not known"))
        raise InputError(f"{'offline: ' if offline else ''}the Archive cannot be reached ({down}); nothing written")
    for note in run.notes:
        warn(note)
    everything = present + outcomes
    summary: dict[str, int] = {}
    for res in everything:
        summary[res.outcome] = summary.get(res.outcome, 0) + 1
    diffs = writer.diffs() if dry_run else {}
    if as_json:
        data = {"results": [r.as_dict() for r in everything], "summary": summary, "notes": list(run.notes)}
        if dry_run:
            data["diff"] = "".join(diffs.values())

        emit_json(redact_data(data))
    else:
        _archive_table(ctx, everything, summary)
        if dry_run:
            text = "".join(diffs.values())
            echo_exact(text if text else "(no changes)", nl=not text)
    left = [r for r in everything if r.outcome not in DONE and r.outcome != "skipped"]
    return 1 if left else 0


def _archive_table(ctx, rows, summary) -> None:
    # lazy: loads rich only when this runs
    from rich.table import Table
    from rich.text import Text

    out = console(ctx)
    if rows:
        table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
        table.add_column("key", no_wrap=True)
        table.add_column("outcome", no_wrap=True)
        table.add_column("url / snapshot / detail", overflow="fold")
        for r in rows:
            detail = r.url
            if r.archiveurl:
                detail += f"\n{r.archiveurl}"
            elif r.detail:
                detail += f"\n{r.detail}"
            table.add_row(
                Text(_shown(", ".join(r.keys))),
                Text(_shown(r.outcome), style=_STYLE.get(r.outcome, "")),
                Text(_shown(detail)),
            )
        print_table(out, table)
    parts = [f"{n} {name}" for name, n in sorted(summary.items())]
    out.print(Text(f"{sum(summary.values())} URLs: " + (", ".join(parts) if parts else "none")))


def print_link_status(ctx, entries, as_json: bool = False) -> int:
    """``list --links``: key, link outcome, archive status and URL per entry with a URL."""
    # lazy: loads rich only when this runs; not needed by `annobib --help`
    from annobib.archive.state import entry_link_status

    rows = []
    for entry in entries:
        info = entry_link_status(entry)
        if info["url"]:
            rows.append({"key": entry.key, **info})
    if as_json:
        emit_json(rows)
        return 0
    from rich.table import Table
    from rich.text import Text

    out = console(ctx)
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    table.add_column("key", no_wrap=True)
    table.add_column("link", no_wrap=True)
    table.add_column("checked", no_wrap=True)
    table.add_column("archive", no_wrap=True)
    table.add_column("url", overflow="fold")
    for r in rows:
        table.add_row(
            Text(_shown(r["key"])),
            Text(_shown(r["link"]), style=_STYLE.get(r["link"] or "", "")),
            Text(_shown((r["checked_at"] or "")[:10])),
            Text(
                _shown(r["archive"] + (f" {r['archivedate']}" if r["archivedate"] else "")),
                style=_STYLE.get("archived" if r["archive"] == "archived" else "pending", ""),
            ),
            Text(_shown(r["url"])),
        )
    print_table(out, table)
    return 0


def _say_damaged(states: dict) -> None:
    """One warning line per state file whose records load_state had to repair or drop."""
    for state in states.values():
        if state.damaged:
            more = f" (and {len(state.damaged) - 1} more)" if len(state.damaged) > 1 else ""
            warn(f"state file {state.path}: {state.damaged[0]}{more}")
