"""``annobib add``: a new entry from a citation as printed, a DOI, or fields."""

from __future__ import annotations

import re

import click

from annobib.commands._common import bibliography_paths, echo_exact, emit_json
from annobib.errors import AnnobibError, InputError


@click.command("add")
@click.argument("citation", required=False)
@click.option("--doi", metavar="DOI", help="Look the work up at Crossref ($ANNOBIB_CROSSREF_URL).")
@click.option(
    "--field", "fields", multiple=True, metavar="NAME=VALUE", help="Set a field (repeatable); overrides parsed ones."
)
@click.option("--type", "entry_type", metavar="TYPE", help="Entry type (article, book, online …).")
@click.option("--key", metavar="KEY", help="Citation key (default: made like extract makes them).")
@click.option("--force", is_flag=True, help="Add even when the entry looks like a duplicate.")
@click.option("--dry-run", is_flag=True, help="Show the change as a diff; write nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print the new entry as JSON.")
def add(citation, doi, fields, entry_type, key, force, dry_run, as_json) -> None:
    """Add an entry: from CITATION as printed in a footnote, from a DOI, or from --field.

    \b
    CITATION is parsed as `extract` parses a footnote (every pattern it knows, Chinese,
    Western, Japanese, Russian). A CITATION that is a DOI (10.…, doi:…, https://doi.org/…)
    is looked up at Crossref. The parsed entry is shown; a duplicate (same key, DOI, URL, or
    title + first author + year) is refused unless --force. The entry goes into the first
    bibliography (--bib), which is created if it does not exist.

    \b
    Examples:
      annobib add "刘琳：《美菲同盟》，载《世界知识》2025 年第 10 期，第 25—27 页。"
      annobib add 10.2307/2009958
      annobib add --type book --field "author=Jervis, Robert" --field "title=Perception …" --field date=1976
    """
    # lazy: not needed by `annobib --help`; looked up when called (tests patch it on its module)
    from annobib.bib import serialize_entry
    from annobib.editing import entry_from_fields, open_for_adding, prepare_new_entry, save

    entry = None
    if citation is not None and not citation.strip():
        raise InputError("the citation is empty")
    if doi is None and citation is not None:
        from annobib.crossref import parse_doi

        if parse_doi(citation):
            doi, citation = citation, None
    if doi is not None:
        from annobib.crossref import lookup_doi

        if citation is not None:
            raise InputError("give a citation or a DOI, not both")
        dropped: list[str] = []
        entry = lookup_doi(doi, warnings=dropped)
        for line in dropped:
            click.echo(f"annobib: warning: {line}", err=True)
    elif citation is not None:
        from annobib.editing import entry_from_citation

        entry = entry_from_citation(citation)
    if fields:
        extra = entry_from_fields(fields, entry_type or (entry.type if entry else "misc"))
        if entry is None:
            entry = extra
        else:
            entry.fields.update(extra.fields)
    if entry is None:
        raise InputError("nothing to add: give a CITATION, --doi or --field (see annobib add --help)")
    if entry_type:
        if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", entry_type):
            raise InputError(f"not an entry type: {entry_type!r}")
        entry.type = entry_type.lower()
    if key:
        from annobib.exchange.common import usable_key

        if not usable_key(key):
            raise InputError(f"not a usable citation key: {key!r} (no spaces, commas, braces, quotes, # % = ~ \\)")
        entry.key = key
    lib = open_for_adding(bibliography_paths()[0])
    outcome = prepare_new_entry(lib, entry, key_given=bool(key))
    if as_json:
        emit_json({**entry.as_dict(), "duplicates": [d.__dict__ for d in outcome.duplicates]})
    elif not dry_run:
        echo_exact(serialize_entry(entry), nl=False)
    if outcome.renamed_from:
        click.echo(f"annobib: key {outcome.renamed_from} is taken by another work; using {entry.key}", err=True)
    if outcome.duplicates and not force:
        what = "; ".join(d.describe() for d in outcome.duplicates)
        raise AnnobibError(f"looks like a duplicate ({what}); nothing written (--force adds it anyway)", exit_code=1)
    if outcome.duplicates and lib.get(entry.key) is not None:
        from annobib.editing import _next_free

        entry.key = _next_free(entry.key, lib.keys())
        click.echo(f"annobib: --force: added as {entry.key}", err=True)
    lib.add(entry)
    diff = save(lib, dry_run=dry_run)
    if dry_run:
        echo_exact(diff, nl=False)
        return
    click.echo(f"annobib: added {entry.key} to {lib.path}", err=True)
