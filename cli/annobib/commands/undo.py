"""``annobib undo``: put the bibliography back as it was before annobib's last write to it."""

from __future__ import annotations

import os

import click

from annobib.commands._common import resolve_bibliography
from annobib.core.sanitize import message
from annobib.errors import InputError


@click.command("undo")
@click.option("--list", "show_list", is_flag=True, help="List the recent writes that can be undone (newest first).")
@click.option("--all-files", is_flag=True, help="Undo the newest write to any bibliography, not only the one in use.")
@click.option("--force", is_flag=True, help="Undo even when the file changed since annobib wrote it.")
@click.pass_context
def undo(ctx, show_list, all_files, force):
    """Restore the bibliography byte for byte as it was before annobib's last write to it.

    Every write of a .bib (add, edit, tag, rm, import, extract, validate --fix, archive …)
    keeps the previous bytes in a journal in the user state folder ($ANNOBIB_STATE_DIR, else
    $XDG_STATE_HOME/annobib, else ~/.local/state/annobib; the last 20 writes), never beside
    the .bib. Each undo goes one write further back. A file changed by hand since annobib wrote
    it is refused (exit 2) unless --force. An undo is not itself undoable. A write whose
    journal record could not be made (a read-only or full state folder) said so in a warning
    when it was made; a write killed before it landed is passed over.

    \b
    Examples:
      annobib undo                  the last write to the bibliography in use
      annobib undo --list           what can be undone
    """
    # lazy: not needed by `annobib --help`
    from annobib.core import journal

    paths = None
    if not all_files:
        try:
            paths = resolve_bibliography(ctx)[0]
        except InputError:
            paths = None  # no bibliography in use: the newest write of any
    if show_list:
        wanted = None if paths is None else {os.path.realpath(p) for p in paths}
        recs = [r for r in journal.records() if wanted is None or r.path in wanted]
        for r in recs:
            click.echo(message(f"{journal.when(r.when)}  {r.path}" + ("" if r.existed else "  (created)")))
        if not recs:
            click.echo("annobib: nothing to undo", err=True)
            ctx.exit(1)
        return 0
    while True:
        rec = journal.latest(paths)
        if rec is None:
            where = "" if paths is None else f" to {', '.join(str(p) for p in paths)}"
            why = journal.folder_problem()  # the writes may have been made but not recorded
            why = f"; {why}" if why else ""
            click.echo(
                f"annobib: nothing to undo: no recent annobib write{message(where)} in the journal{message(why)}",
                err=True,
            )
            ctx.exit(1)
        try:
            done = journal.undo(rec, force=force)
        except journal.NotLanded as skipped:  # a killed write: the one before it is the last
            click.echo(f"annobib: {message(skipped)}; passed over", err=True)
            continue
        click.echo(f"annobib: {message(done)}", err=True)
        return 0
