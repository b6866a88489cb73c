"""``annobib export`` and ``annobib import``: CSL-JSON, RIS, BibTeX, biblatex."""

from __future__ import annotations

from pathlib import Path

import click

from annobib.commands._common import bibliography_paths, complete_keys, echo_exact, emit_json, require_entries, warn
from annobib.core.files import write_output
from annobib.core.sanitize import message
from annobib.errors import InputError
from annobib.exchange import EXPORT_FORMATS, IMPORT_FORMATS


BROKEN_SHOWN = 20  # warnings for blocks left out; 50,000 of them took seconds and help no one


@click.command("export")
@click.option("--to", "fmt", required=True, type=click.Choice(EXPORT_FORMATS), help="Output format.")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="Write to FILE (atomically) instead of standard output (- is standard output).",
)
@click.option(
    "--tag",
    "tags",
    multiple=True,
    metavar="TAG",
    help="Only entries with this tag (repeatable: all of them; -TAG: without).",
)
@click.option(
    "--with-citations",
    is_flag=True,
    help="Keep annobib's `citations` field in BibTeX/biblatex/RIS too (CSL-JSON always has it).",
)
@click.option("--dry-run", is_flag=True, help="With -o: show the change to FILE as a diff; write nothing.")
@click.argument("keys", nargs=-1, shell_complete=complete_keys)
def export(
    fmt: str, output: str | None, tags: tuple[str, ...], with_citations: bool, dry_run: bool, keys: tuple[str, ...]
) -> None:
    """Export the bibliography (or the entries KEYS…) for other tools.

    \b
    Exit 1 when a block of the bibliography does not parse (it is left out, with a warning).

    \b
    csl-json  pandoc (--citeproc), Zotero, any citeproc; round-trips through `import`
    ris       Zotero, EndNote, Mendeley (RIS specification tags)
    bibtex    classic BibTeX: date -> year/month, journaltitle -> journal, location ->
              address, langid -> language, theses -> @phdthesis/@mastersthesis
    biblatex  biblatex field names, as annobib keeps them

    \b
    Examples:
      annobib export --to csl-json -o refs.json && pandoc doc.md --citeproc --bibliography refs.json
      annobib export --to ris --tag alliance > alliance.ris
    """
    # lazy: not needed by `annobib --help`; looked up when called (tests patch it on its module)
    from annobib.editing import has_tags, load_libraries, locate_many
    from annobib.exchange import export_text

    paths = bibliography_paths()
    libraries = load_libraries(paths)
    require_entries(libraries, paths)
    broken = 0
    for lib in libraries:
        for block in lib.blocks:
            if block.kind == "failed":
                broken += 1
                if broken <= BROKEN_SHOWN:
                    warn(
                        f"{lib.path}:{block.line}: a block that does not parse is left out of the export ({block.problem or 'not valid BibTeX'})"
                    )
    if broken > BROKEN_SHOWN:
        warn(f"{broken - BROKEN_SHOWN:,} more blocks that do not parse are left out (annobib validate lists them all)")
    if keys:
        entries = [entry for _, entry in locate_many(libraries, dict.fromkeys(keys))]
    else:
        entries = [e for lib in libraries for e in lib.entries]
    if tags:
        entries = [e for e in entries if has_tags(e, tags)]
    text = export_text(entries, fmt, with_citations=with_citations)
    # a key twice: exported, as list and format show both, and named with exit 2 as they do
    duplicates = [p for lib in libraries for p in lib.extra_problems if p.message.startswith("duplicate key")]
    if output is None or output == "-":  # as for extract and format: never a file named "-"
        echo_exact(text, nl=False)  # BibTeX piped stays byte-exact; a terminal sees no raw escape
        _exit_for(broken, duplicates)
        return
    target = Path(output)
    if any(target.resolve() == Path(p).resolve() for p in paths):
        raise InputError(f"{target} is the bibliography itself; export to another file")
    if dry_run:
        from annobib.bib import unified_diff

        try:
            old = target.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            old = ""
        echo_exact(unified_diff(old, text, str(target)), nl=False)
        return

    write_output(target, text)  # locked, atomic; a regular file or a new one only
    click.echo(
        f"annobib: exported {len(entries)} entr{'y' if len(entries) == 1 else 'ies'} to {message(target)} ({fmt})",
        err=True,
    )
    _exit_for(broken, duplicates)


def _exit_for(broken: int, duplicates) -> None:
    """Exit 2 naming duplicate keys (as every reader does), else 1 when blocks were left out."""
    if duplicates:
        # lazy: only a file with a duplicate key needs it
        from annobib.commands._common import report_problems

        raise SystemExit(report_problems(duplicates))
    if broken:
        raise SystemExit(1)  # the export is incomplete: say so in the exit code


@click.command("import")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@click.option(
    "--from",
    "fmt",
    type=click.Choice(IMPORT_FORMATS),
    help="Input format (default: from the extension or the content).",
)
@click.option("--merge", is_flag=True, help="Fill the fields a duplicate's existing entry lacks (never overwrites).")
@click.option("--force", is_flag=True, help="Add duplicates anyway, under a fresh key.")
@click.option("--dry-run", is_flag=True, help="Show the change as a diff; write nothing.")
@click.option("--json", "as_json", is_flag=True, help="The merge report as JSON.")
def import_command(file: str, fmt: str | None, merge: bool, force: bool, dry_run: bool, as_json: bool) -> None:
    """Import entries from FILE (BibTeX, biblatex, CSL-JSON or RIS; - for standard input).

    \b
    Entries come in under annobib's biblatex field names. Duplicates (same DOI, URL, title +
    first author + year, or same key and title) are skipped and listed, or with --merge
    complete the existing entry's missing fields; a key taken by a different work gets a
    letter suffix. Everything goes into the first bibliography (--bib), created if needed.
    A broken file imports nothing.
    """
    # lazy: not needed by `annobib --help`; looked up when called (tests patch it on its module)
    from annobib.editing import open_for_adding, save
    from annobib.exchange import detect_format
    from annobib.exchange.importing import load_file, parse_text

    if file == "-":
        from annobib.bounded import read_stdin_text

        text = read_stdin_text()
        if not text.strip():
            raise InputError("standard input is empty; nothing imported")
        entries = parse_text(text, fmt or detect_format(Path("stdin"), text), "stdin")
    else:
        entries = load_file(Path(file), fmt)
    from annobib.exchange.importing import merge_into

    lib = open_for_adding(bibliography_paths()[0])
    report = merge_into(lib, entries, merge=merge, force=force)
    diff = save(lib, dry_run=dry_run) if report.changed else ""
    if as_json:
        emit_json({**report.as_dict(), "file": file, "bibliography": str(lib.path), "dry_run": dry_run})
    elif dry_run:
        echo_exact(diff, nl=False)
    if not as_json:
        if report.items:  # one write, not one per entry (18,000 records: 18,000 echoes)
            click.echo("\n".join(f"annobib: {message(_describe(item))}" for item in report.items), err=True)
        verb = "would be" if dry_run else "were"
        click.echo(
            message(
                f"annobib: {file}: {len(report.items)} entries read; {report.summary()} ({verb} written to {lib.path})"
                if report.changed
                else f"annobib: {file}: {len(report.items)} entries read; {report.summary()}; nothing written"
            ),
            err=True,
        )


def _describe(item) -> str:
    src = f" (was {item.source_key})" if item.source_key and item.source_key != item.key else ""
    if item.status == "added":
        return f"added {item.key}{src}"
    if item.status == "renamed":
        return f"added {item.key}{src}: the key was taken by a different work"
    if item.status == "forced":
        return f"added {item.key}{src} although it duplicates {item.duplicate_of} ({item.reason})"
    how = {"key": "same key and title", "doi": "same DOI", "url": "same URL"}.get(
        item.reason or "", "same title, first author and year"
    )
    if item.status == "merged":
        extra = f"; differs in {', '.join(item.conflicts)} (kept)" if item.conflicts else ""
        return (
            f"merged {item.source_key or item.key} into {item.key} ({how}): added {', '.join(item.added_fields)}{extra}"
        )
    extra = f"; differs in {', '.join(item.conflicts)}" if item.conflicts else ""
    return f"skipped {item.source_key or item.key}: duplicate of {item.key} ({how}){extra}"
