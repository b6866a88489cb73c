"""``annobib tag KEY… +tag -tag``: add and remove tags (the ``keywords`` field)."""

from __future__ import annotations

import click

from annobib.commands._common import bibliography_paths, echo_exact, emit_json, libraries_for_writing, require_entries
from annobib.core.sanitize import is_clean, terminal
from annobib.errors import InputError


@click.command(
    "tag",
    context_settings={"ignore_unknown_options": True, "allow_interspersed_args": False},
)
@click.option("--dry-run", is_flag=True, help="Show the change as a diff; write nothing.")
@click.option("--json", "as_json", is_flag=True, help="List tags as JSON.")
@click.argument("words", nargs=-1, type=click.UNPROCESSED)
def tag(words: tuple[str, ...], dry_run: bool, as_json: bool) -> None:
    """Add (+tag) and remove (-tag) tags of one or more entries.

    \b
    Tags live in the entry's `keywords` field, comma-separated. Without +/- words, lists the
    tags of the given entries, or of the whole bibliography with counts.

    \b
    Examples:
      annobib tag liu2025meifei +alliance +philippines -todo
      annobib tag liu2025meifei ratner2025case +read
      annobib tag                         (every tag, with how many entries carry it)
      annobib list --tag alliance         (filter by tag)
    """
    # lazy: not needed by `annobib --help`; looked up when called (tests patch it on its module)
    from annobib.editing import change_tags, get_tags, load_libraries, locate_many

    keys, add, remove = [], [], []
    for word in words:
        if word in ("--dry-run",):
            dry_run = True
        elif word == "--json":
            as_json = True
        elif word.startswith("+") and len(word) > 1:
            if not is_clean(word[1:]):  # ESC, a line break, a bidi override or a zero-width space
                raise InputError(f"a tag cannot contain control or invisible characters: '{terminal(word[1:])}'")
            add.append(word[1:])
        elif word.startswith("-") and len(word) > 1:
            remove.append(word[1:])
        elif word.startswith(("+", "-")):
            raise InputError(f"{word!r}: a tag name must follow + or -")
        else:
            keys.append(word)
    paths = bibliography_paths()
    if not add and not remove:
        libraries = load_libraries(paths, for_writing=True, lock=False)
        require_entries(libraries, paths)
        _list(libraries, keys, as_json)
        return
    if not keys:
        raise InputError("which entry? usage: annobib tag KEY… +tag -tag")
    # locked from here to the write: no change is lost; the other entries are not parsed
    libraries = libraries_for_writing(paths, keys=keys)
    require_entries(libraries, paths)
    touched = {}
    report = []
    for key, (lib, entry) in zip(keys, locate_many(libraries, keys)):
        added, removed = change_tags(entry, add, remove)
        if added or removed:
            touched[id(lib)] = lib
        report.append((key, added, removed, get_tags(entry)))
    diffs = []
    from annobib.editing import save

    for lib in touched.values():
        diffs.append(save(lib, dry_run=dry_run))
    if as_json:
        emit_json([{"key": k, "added": a, "removed": r, "tags": t} for k, a, r, t in report])
    elif dry_run:
        echo_exact("".join(diffs), nl=False)
    lines = []  # one write for all (7,000 keys: 7,000 echoes cost a fifth of a second)
    for key, added, removed, tags in report:
        if not added and not removed:
            lines.append(f"annobib: {key}: no change (tags: {', '.join(tags) or 'none'})")
        elif not dry_run:
            lines.append(f"annobib: {key}: tags now {', '.join(tags) or '(none)'}")
    if lines:
        click.echo("\n".join(lines), err=True)


def _list(libraries, keys, as_json: bool) -> None:
    """Tags for people (piped too: a pager or ``cat`` shows them): each key and tag one
    terminal-safe cell, so a tag holding ESC, OSC 52, C1 or bidi characters drives nothing.
    ``--json`` keeps the exact strings (escaped for the terminal, read back the same)."""
    # lazy: not needed by `annobib --help`
    from annobib.editing import get_tags, locate_many

    if keys:
        rows = [(key, get_tags(entry)) for key, (_, entry) in zip(keys, locate_many(libraries, keys))]
        if as_json:
            emit_json([{"key": k, "tags": t} for k, t in rows])
        else:
            for k, t in rows:
                click.echo(f"{terminal(k)}\t{', '.join(terminal(x) for x in t)}")
        return
    counts: dict[str, int] = {}
    spelled: dict[str, str] = {}
    for lib in libraries:
        for entry in lib.entries:
            for t in get_tags(entry):
                spelled.setdefault(t.casefold(), t)
                counts[t.casefold()] = counts.get(t.casefold(), 0) + 1
    ordered = sorted(counts, key=lambda t: (-counts[t], t))
    if as_json:
        emit_json([{"tag": spelled[t], "entries": counts[t]} for t in ordered])
    else:
        for t in ordered:
            click.echo(f"{counts[t]:>5}  {terminal(spelled[t])}")
