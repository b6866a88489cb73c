"""``annobib edit KEY``: the entry's BibTeX in $EDITOR, validated on save."""

from __future__ import annotations

import click

from annobib.commands._common import bibliography_paths, complete_keys, echo_exact
from annobib.commands.annotate import run_editor, write_or_rescue


@click.command("edit")
@click.argument("key", shell_complete=complete_keys)
@click.option("--dry-run", is_flag=True, help="Show the change as a diff; write nothing.")
def edit(key: str, dry_run: bool) -> None:
    """Edit entry KEY as BibTeX in $VISUAL/$EDITOR.

    \b
    The entry is checked when you save: a syntax error re-opens the editor with the message
    on top; an empty buffer cancels. The file is written only if something changed, and not
    at all if it changed on disk meanwhile (your text is then kept in a file next to it).
    """
    # lazy: not needed by `annobib --help`
    from annobib.editing import edit_entry, load_libraries, locate

    # no lock while the editor is open (it may be for minutes); a change made meanwhile is refused
    lib, _ = locate(load_libraries(bibliography_paths(), for_writing=True, lock=False), key)
    last = {}

    def editor(text: str) -> str | None:
        saved = run_editor(text, ".bib")
        last["text"] = saved
        return saved

    new = edit_entry(lib, key, editor)
    if new is None:
        click.echo(f"annobib: {key}: no change; nothing written", err=True)
        return
    diff = write_or_rescue(lib, dry_run, key, last.get("text"))
    if dry_run:
        echo_exact(diff, nl=False)
        return
    renamed = f" (now {new.key})" if new.key != key else ""
    click.echo(f"annobib: {key}{renamed}: saved to {lib.path}", err=True)
