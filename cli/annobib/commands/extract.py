"""``annobib extract ARTICLE.txt``: the article's footnotes -> a BibTeX bibliography."""

from __future__ import annotations

from pathlib import Path

import click

from annobib import perf
from annobib.commands._common import console, echo_exact, emit_json, warn
from annobib.core.files import acquire
from annobib.core.inputs import decode_article
from annobib.core.sanitize import message as one_line
from annobib.errors import InputError, read_input_bytes, write_error


def read_input(path: str) -> tuple[str, str | None]:
    data = read_input_bytes(path, "a text file")
    if not data.strip():
        raise InputError(f"{path}: the file is empty")
    text, note = decode_article(data, path)
    if not text.strip():
        raise InputError(f"{path}: the file is empty")
    return text, note


@click.command("extract")
@click.argument("article", required=False, type=click.Path(dir_okay=True))
@click.option(
    "-o",
    "--output",
    "output",
    metavar="FILE",
    help="Where to write the .bib (default: ARTICLE with .bib, beside it; '-' for stdout).",
)
@click.option(
    "--notes", "notes_file", metavar="FILE", help="Read loose footnotes instead of an article: one note per paragraph."
)
@click.option("--report", is_flag=True, help="Show every note and what it became, as a table.")
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help='Print {"entries": [...], "notes": [...]} as JSON (the .bib is still written unless -o -).',
)
@click.option("--dry-run", is_flag=True, help="Show the change to the .bib as a diff; write nothing.")
@click.option(
    "--refresh",
    is_flag=True,
    help="Let newly extracted values replace values in the file (hand-added fields and entries are kept).",
)
@click.option(
    "--pages", metavar="RANGE", help="PDF only: the pages to read, e.g. 3-20 or 5 (PDF page numbers, from 1)."
)
def extract(
    article: str | None,
    output: str | None,
    notes_file: str | None,
    report: bool,
    as_json: bool,
    dry_run: bool,
    refresh: bool,
    pages: str | None,
) -> None:
    """Write the BibTeX bibliography of ARTICLE's footnotes.

    ARTICLE may be plain text, a PDF (read by layout), a Word .docx, an .odt or Markdown with
    [^n] footnotes; the kind is told by the file's content as well as its name.

    \b
    Running heads, folios and hard line breaks are undone; every note on every page is found,
    linked to its marker and the sentence that cites it; each cited work becomes one entry that
    lists every place citing it (the `citations` field). Re-running onto an existing .bib keeps
    entries and fields added by hand and hand corrections of extracted values.

    \b
      annobib extract refs/article.txt             write refs/article.bib
      annobib extract refs/article.txt --report    ... and show what each note became
      annobib extract --notes notes.txt -o -       loose notes, BibTeX on stdout
      annobib extract refs/article.txt --json -o - entries and notes as JSON, nothing written
    """
    # lazy: not needed by `annobib --help`
    from annobib.core.dirs import cache_dir
    from annobib.extract import bound_values, extract_notes, extract_text, pipeline_loaded

    if bool(article) == bool(notes_file):
        raise click.UsageError("give an ARTICLE or --notes FILE (one of them)")
    source = notes_file or article
    if pages and notes_file:
        raise click.UsageError("--pages applies to an ARTICLE (a PDF), not to --notes")
    with pipeline_loaded(cache_dir()):  # its patterns compiled by an earlier run, when there was one
        x = _read_document(article, pages) if article else None  # the documents hook: PDF, .docx, .odt, Markdown
        if x is None:
            text, note = read_input(source)  # type: ignore[arg-type]
            if note:
                warn(f"{source}: {note}")
            x = extract_notes(text) if notes_file else extract_text(text)
    bound_values(x)  # a 689 KB "title" is a note not understood, not a value to write or print
    for w in x.warnings:
        warn(f"{source}: {w}")
    if not x.notes:
        raise InputError(f"{source}: no footnotes found (looked for notes marked [1], ①, (1), 1. or a bare number)")
    counts = x.counts

    to_stdout = output == "-"
    target = None if to_stdout else Path(output) if output else Path(source).with_suffix(".bib")
    summary_stream_err = as_json or to_stdout or report
    message = None
    if to_stdout:
        if not as_json:
            from annobib.extract.merge import bib_text

            echo_exact(bib_text(x.entries), nl=False)
    else:
        from annobib.bib import read_library, write_library
        from annobib.bib.library import build_library
        from annobib.extract.merge import merge_into
        from annobib.extract.workers import jobs

        if not target.parent.is_dir() and str(target.parent) not in ("", "."):
            raise InputError(f"{target}: no such directory ({target.parent})")
        if target.is_dir():
            raise InputError(f"{target}: is a directory; give a .bib file with -o")
        if not dry_run:
            acquire(target)  # held to the write (released when the command ends): nothing lost
        if target.exists():
            from annobib.lookup.view import PARSE_CACHE  # lazy: only an existing file is read

            lib = read_library(target, store=PARSE_CACHE)
        else:
            # written as a new file: never over one made meanwhile. The empty library of no text,
            # built directly: parsing "" loaded bibtexparser for nothing (~60 ms of every run)
            lib = build_library([], [], [], target)
        from annobib.perf import paused_gc

        with paused_gc():  # the read-back check parses every entry written: nothing to collect
            merged = merge_into(lib, x.entries, refresh=refresh)
            try:
                # a second core reads back half the new entries when the notes were read on two
                diff = write_library(lib, target, dry_run=dry_run, share_check=jobs() >= 2)
            except OSError as exc:
                raise write_error(target, exc) from None
        if dry_run:
            if not as_json:
                echo_exact(diff, nl=False)
            message = (
                f"dry run: {target} would get {len(merged.added)} new, {len(merged.updated)} updated "
                f"entries ({len(merged.kept)} others kept); nothing written"
            )
        else:
            # write_library leaves an unchanged file alone; say so rather than "wrote".
            verb = f"wrote {target}" if lib.changed else f"{target} is up to date"
            message = (
                f"{verb}: {_count(len(x.entries), 'entry', 'entries')} ({len(merged.added)} new, {len(merged.updated)} updated, "
                f"{len(merged.unchanged)} unchanged, {len(merged.kept)} other entries kept)"
            )
    notes_line = (
        f"{_count(counts['notes'], 'note')}: {counts['cited']} cited ({_count(counts['citations'], 'citation')}), "
        f"{counts['not-a-citation']} not a citation, {counts['not-understood']} not understood"
    )
    if x.page_numbers[0] is not None:
        notes_line += f"; pages {x.page_numbers[0]}-{x.page_numbers[1]}"
    if as_json:
        emit_json(x.as_json())
    if report:
        _report(x, to_stderr=as_json)  # keep stdout one JSON document
    if message:
        # on stdout when piped too: the -o path is the user's and may hold ESC or bidi characters
        click.echo(f"annobib: {one_line(message)}; {notes_line}", err=summary_stream_err or dry_run)
    elif to_stdout:
        click.echo(f"annobib: {_count(len(x.entries), 'entry', 'entries')}; {notes_line}", err=True)
    if counts["not-understood"]:
        warn(f"{counts['not-understood']} note(s) not understood; see --report")
    perf.EXIT_AT_ONCE = True  # the .bib is written and closed: the process may end without teardown


def _read_document(path: str, pages: str | None):
    """The extraction of a PDF, .docx, .odt or Markdown file; None for plain text (the text path)."""
    # lazy: not needed by `annobib --help`; looked up when called (tests patch it on its module)
    import sys

    from annobib.documents import read_document

    def progress(n: int, total: int) -> None:  # a long PDF shows where it is (on a terminal only)
        if total >= 40 and (n == total or n % 5 == 0):
            click.echo(f"\rannobib: reading page {n}/{total}", err=True, nl=n == total)

    doc = read_document(path, pages, progress=progress if sys.stderr.isatty() else None)
    if doc is None:
        return None
    from annobib.documents.bridge import to_extraction

    return to_extraction(doc)


def _report(x, to_stderr: bool = False) -> None:
    # lazy: loads rich only when this runs
    from rich.table import Table
    from rich.text import Text

    out = console(stderr=to_stderr)
    table = Table(title=Text("Notes and what they became"), show_lines=False, expand=False)
    paged = any(r.note.page is not None for r in x.notes)  # loose notes (--notes) have no pages
    if paged:
        table.add_column("page", justify="right", no_wrap=True)
    table.add_column("note", justify="right", no_wrap=True)
    table.add_column("status", no_wrap=True)
    table.add_column("entries / why none")
    styles = {"cited": "green", "not-a-citation": "yellow", "not-understood": "red"}
    for r in x.notes:
        if r.status == "cited":
            parts = Text()
            for i, (key, joined) in enumerate(zip(r.keys, r.joined)):
                if i:
                    parts.append(", ")
                parts.append(key, style="bold" if not joined else None)
                parts.append(" (joined)" if joined else " (new)", style="dim")
            if r.reason:
                parts.append(f" — {r.reason}", style="dim")
            detail = parts
        else:
            detail = Text(f"{r.reason or r.status}: ", style="dim")
            text = r.note.text
            detail.append(text if len(text) <= 160 else text[:157] + "…")
        cells = [Text(str(r.note.number)), Text(r.status, style=styles.get(r.status)), detail]
        if paged:
            cells.insert(0, Text("" if r.note.page is None else str(r.note.page)))
        table.add_row(*cells)
    out.print(table)
    c = x.counts
    out.print(
        Text(
            f"{_count(c['notes'], 'note')}: {c['cited']} cited, {c['not-a-citation']} not a citation, "
            f"{c['not-understood']} not understood; {_count(c['citations'], 'citation')} -> "
            f"{_count(c['entries'], 'entry', 'entries')}"
        )
    )


def _count(n: int, one: str, many: str | None = None) -> str:
    """``1 note``, ``2 notes``: a one-note run reads as English."""
    return f"{n} {one if n == 1 else (many or one + 's')}"
