"""``annobib pandoc-filter``: pandoc's JSON AST in on stdin, out on stdout, citations by annobib."""

from __future__ import annotations

import errno
import json
import os
import sys
from pathlib import Path

import click

from annobib.cli import main as cli_main
from annobib.commands._common import bibliography_paths, distinct_paths, report_problems, settings, warn
from annobib.core.stdout import OutputLost
from annobib.errors import InputError


# Real documents nest a few dozen levels (lists in quotes in notes); the cap keeps every
# recursive walk over the tree far from the interpreter's recursion limit.
MAX_AST_DEPTH = 400


@click.command("pandoc-filter")
@click.argument("target", required=False)
@click.option("--style", default=None, help="Style (else the metadata's annobib-style, else gbt7714).")
@click.option(
    "--system",
    type=click.Choice(["numeric", "author-date"]),
    default=None,
    help="GB/T citation system (else annobib-system, else numeric).",
)
@click.option("--edition", default=None, help="GB/T edition, 2025 or 2015 (else annobib-edition).")
@click.pass_context
def pandoc_filter(ctx, target, style, system, edition):
    """A pandoc filter: replace citations, append the reference list.

    \b
    pandoc paper.md --filter annobib-pandoc-filter -o paper.docx
    pandoc paper.md -t json | annobib pandoc-filter | pandoc -f json -o paper.html

    TARGET is the output format pandoc passes to a filter (unused). Options may be set in the
    paper's metadata instead: bibliography, annobib-style, annobib-system, annobib-edition,
    annobib-superscript (true/false). Warnings go to stderr; the exit code stays 0 so pandoc
    goes on (a missing key keeps pandoc's [@key] text in the output).

    Note styles (cn-notes, chicago) turn each citation into a footnote with the text
    `format --manuscript` gives it; Chicago appends its bibliography, cn-notes no list.
    """
    # lazy: not needed by `annobib --help`
    from annobib.manuscript.pandoc import meta_value, run_filter

    from annobib.bounded import read_stdin_text

    from annobib.bounded import json_depth

    too_deep = f"stdin: pandoc's JSON AST nested more than {MAX_AST_DEPTH} levels deep; not read"
    try:
        # capped, and a closed stdin (`<&-`) is one line, not an internal error
        doc = json.loads(read_stdin_text("stdin"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise InputError(f"stdin: not pandoc's JSON AST ({exc})") from None
    except RecursionError:  # the C decoder stops cleanly at the interpreter's recursion limit
        raise InputError(too_deep) from None
    if json_depth(doc) > MAX_AST_DEPTH:  # the walks over the AST recurse once per level
        raise InputError(too_deep)
    if not isinstance(doc, dict) or "blocks" not in doc:
        raise InputError("stdin: not pandoc's JSON AST (no blocks); run pandoc with --filter or -t json")
    style = style or (meta_value(doc, "annobib-style") or ["gbt7714"])[0] or "gbt7714"
    system = system or (meta_value(doc, "annobib-system") or ["numeric"])[0]
    edition = edition or (meta_value(doc, "annobib-edition") or [None])[0]
    sup = (meta_value(doc, "annobib-superscript") or [""])[0].lower()
    superscript = {"true": True, "yes": True, "false": False, "no": False}.get(sup)
    entries = _entries(ctx, meta_value(doc, "bibliography"))
    from annobib.styles import STYLES as KNOWN

    if style not in KNOWN:
        raise InputError(f"unknown style {style!r} (choose from {', '.join(sorted(set(KNOWN)))})")
    try:
        doc, warnings = run_filter(doc, entries, style, edition, system, superscript)
    except ValueError as exc:
        raise InputError(str(exc)) from None
    for w in warnings:
        warn(w)
    _write_bytes(json.dumps(doc, ensure_ascii=False).encode("utf-8"))


def _write_bytes(data: bytes) -> None:
    """pandoc reads UTF-8 bytes, so they go to stdout's buffer, past the text guard: a closed or
    full stdout is still a lost output (one line, exit 2), a reader gone away still no error."""
    try:
        sys.stdout.flush()
        buffer = sys.stdout.buffer
    except AttributeError:  # fd 1 closed: no stream, or the guard's stand-in without a buffer
        raise OutputLost(errno.EBADF, "closed") from None
    try:
        buffer.write(data)
        buffer.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise OutputLost(exc.errno, exc.strerror or str(exc)) from exc


def _entries(ctx, from_meta: list[str]) -> list:
    """--bib / $ANNOBIB_BIB, else the paper's ``bibliography`` metadata."""

    # lazy: not needed by `annobib --help`
    from annobib.bib import read_library
    from annobib.lookup.view import PARSE_CACHE

    paths = None
    if not settings(ctx).bib_paths and not os.environ.get("ANNOBIB_BIB") and from_meta:
        paths = distinct_paths(Path(p) for p in from_meta if p)
    paths = paths or bibliography_paths(ctx)
    entries, problems = [], []
    for path in paths:
        lib = read_library(path, store=PARSE_CACHE)  # parsed once, then from the cache
        entries.extend(lib.entries)
        problems.extend(f"{path}:{p.line}: {p.message}" for p in lib.problems)
    report_problems(problems)
    return entries


def main() -> None:
    """The ``annobib-pandoc-filter`` executable pandoc's --filter runs (with the target format).
    A process of its own, like ``annobib``: ``main`` reads ``sys.argv`` so that it guards stdout
    (a closed or full one gives one line and exit 2) as it does for every other entry point."""

    sys.argv[1:] = ["pandoc-filter", *sys.argv[1:]]
    cli_main()
