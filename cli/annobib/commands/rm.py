"""``annobib rm KEY…``: remove entries (printed, so they can be restored)."""

from __future__ import annotations

import sys

import click

from annobib.commands._common import complete_keys, echo_exact, libraries_for_writing
from annobib.errors import InputError


@click.command("rm")
@click.argument("keys", nargs=-1, required=True, shell_complete=complete_keys)
@click.option("-y", "--yes", is_flag=True, help="Do not ask for confirmation.")
@click.option("--dry-run", is_flag=True, help="Show the change as a diff; write nothing.")
def rm(keys: tuple[str, ...], yes: bool, dry_run: bool) -> None:
    """Remove the entries KEY… from the bibliography.

    \b
    On a terminal annobib asks first (--yes skips the question). The removed entries are
    printed on standard output exactly as written in the file (with the @string macros they
    use), before the file is rewritten: `annobib rm KEY > removed.bib` keeps them and
    `annobib import removed.bib` brings them back as they were. If they cannot be printed,
    nothing is removed. All keys must exist, or nothing is removed.
    """
    # looked up when called (tests patch it on its module)
    from annobib.editing import locate_many, remove_entries, save

    ask = not dry_run and not yes and getattr(sys.stdin, "isatty", lambda: False)()
    # locked from the read to the write, except while a person is asked (a changed file is refused)
    libraries = libraries_for_writing(lock=not ask, keys=list(dict.fromkeys(keys)))
    by_lib: dict[int, tuple] = {}
    unique = list(dict.fromkeys(keys))
    for key, (lib, _) in zip(unique, locate_many(libraries, unique)):  # every key checked before any change
        by_lib.setdefault(id(lib), (lib, []))[1].append(key)
    if ask:
        names = ", ".join(keys)
        if not click.confirm(
            f"Remove {len(keys)} entr{'y' if len(keys) == 1 else 'ies'} ({names})?", default=False, err=True
        ):
            click.echo("annobib: nothing removed", err=True)
            raise SystemExit(1)
    if dry_run:
        diffs = []
        for lib, lib_keys in by_lib.values():
            remove_entries(lib, lib_keys)
            diffs.append(save(lib, dry_run=True))
        echo_exact("".join(diffs), nl=False)
        return
    # print first, write after: what is removed is on stdout before it leaves the file
    _print_removed([(lib, lib_keys) for lib, lib_keys in by_lib.values()])
    count = 0
    for lib, lib_keys in by_lib.values():
        count += len(remove_entries(lib, lib_keys))
        save(lib)
    where = ", ".join(str(lib.path) for lib, _ in by_lib.values())
    click.echo(f"annobib: removed {count} entr{'y' if count == 1 else 'ies'} from {where} (printed above)", err=True)


def _print_removed(groups) -> None:
    """The entries as written in the file, with the @string macros they use: the output reads
    back alone (`annobib import`). A stdout that cannot take it stops the removal."""
    # lazy: not needed by `annobib --help`
    from annobib.bib import serialize_entry
    from annobib.bib.source import entry_text, macros_used

    chunks = []
    for lib, keys in groups:
        first = lib.first_blocks()  # one pass, not one scan per key
        texts = [entry_text(lib, k, first[k]) or serialize_entry(first[k].entry) for k in keys]
        chunks += macros_used(lib, texts) + texts
    try:
        # exact bytes (click.echo alone strips ESC[…m when piped); it flushes: a closed pipe fails here
        echo_exact("\n".join(chunks), nl=False)
    except (BrokenPipeError, OSError) as exc:
        raise InputError(
            f"could not print the removed entries ({getattr(exc, 'strerror', None) or exc}); nothing removed"
        ) from None
