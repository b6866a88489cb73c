"""``annobib rm KEY…``: remove entries (printed, so they can be restored)."""

from __future__ import annotations

import sys

import click

from annobib.commands._common import bibliography_paths


@click.command("rm")
@click.argument("keys", nargs=-1, required=True)
@click.option("-y", "--yes", is_flag=True, help="Do not ask for confirmation.")
@click.option("--dry-run", is_flag=True, help="Show the change as a diff; write nothing.")
def rm(keys: tuple[str, ...], yes: bool, dry_run: bool) -> None:
    """Remove the entries KEY… from the bibliography.

    \b
    On a terminal annobib asks first (--yes skips the question). The removed entries are
    printed as BibTeX on standard output, so `annobib rm KEY > removed.bib` keeps them and
    `annobib import removed.bib` brings them back. All keys must exist, or nothing is removed.
    """
    from annobib.editing import load_libraries, locate, remove_entries, save

    libraries = load_libraries(bibliography_paths(), for_writing=True)
    by_lib: dict[int, tuple] = {}
    for key in dict.fromkeys(keys):
        lib, _ = locate(libraries, key)  # every key is checked before anything changes
        by_lib.setdefault(id(lib), (lib, []))[1].append(key)
    if not dry_run and not yes and getattr(sys.stdin, "isatty", lambda: False)():
        names = ", ".join(keys)
        if not click.confirm(f"Remove {len(keys)} entr{'y' if len(keys) == 1 else 'ies'} ({names})?", default=False, err=True):
            click.echo("annobib: nothing removed", err=True)
            raise SystemExit(1)
    removed_all = []
    diffs = []
    for lib, lib_keys in by_lib.values():
        texts = {k: _entry_text(lib, k) for k in lib_keys}
        removed = remove_entries(lib, lib_keys)
        diffs.append(save(lib, dry_run=dry_run))
        removed_all += [(lib, e, texts[e.key]) for e in removed]
    if dry_run:
        click.echo("".join(diffs), nl=False)
        return
    for i, (lib, entry, text) in enumerate(removed_all):
        click.echo(("\n" if i else "") + text, nl=False)
    where = ", ".join(sorted({str(lib.path) for lib, _, _ in removed_all}))
    click.echo(f"annobib: removed {len(removed_all)} entr{'y' if len(removed_all) == 1 else 'ies'} from {where} (printed above)", err=True)


def _entry_text(lib, key: str) -> str:
    """The entry as written in the file (macros and formatting kept), else re-serialized."""
    from annobib.bib import serialize_entry

    block = lib.block_of(key)
    raw = block.raw if block is not None else ""
    at = raw.find("@")
    if at >= 0 and block.snapshot is not None:
        text = raw[at:].rstrip()
        close = text.rfind("}")
        if close > 0:
            return text[: close + 1] + "\n"
    return serialize_entry(lib.get(key))
