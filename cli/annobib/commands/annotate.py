"""``annobib annotate KEY``: write or replace an entry's annotation (the ``annote`` field)."""

from __future__ import annotations

import sys

import click

from annobib.commands._common import bibliography_paths, complete_keys, echo_exact
from annobib.errors import ConflictError, InputError


def run_editor(text: str, extension: str) -> str | None:
    """Open ``text`` in $VISUAL/$EDITOR; the saved text, or None when it was not saved. The
    buffer is read back only when it is still a regular UTF-8 file (:mod:`annobib.core.editor`)."""
    # lazy: subprocess and tempfile only when an editor is opened
    from annobib.core.editor import edit_text

    return edit_text(text, extension)


def stdin_is_terminal() -> bool:
    return bool(getattr(sys.stdin, "isatty", lambda: False)())


def write_or_rescue(lib, dry_run: bool, key: str, buffer: str | None) -> str:
    """Write the library; if the file changed meanwhile, keep the person's text in a file."""
    # looked up when called (tests patch it on its module)
    from annobib.editing import rescue_file, save

    try:
        return save(lib, dry_run=dry_run)
    except ConflictError as exc:
        if buffer:
            kept = rescue_file(lib.path, key, buffer)
            if kept is not None:
                raise ConflictError(f"{exc}; your text is kept in {kept}") from None
        raise


@click.command("annotate")
@click.argument("key", shell_complete=complete_keys)
@click.option("--text", "text", metavar="TEXT", help="The annotation (else standard input, or $EDITOR on a terminal).")
@click.option("--append", is_flag=True, help="Add a paragraph to the annotation instead of replacing it.")
@click.option("--editor", "use_editor", is_flag=True, help="Open $EDITOR even when standard input is not a terminal.")
@click.option("--dry-run", is_flag=True, help="Show the change as a diff; write nothing.")
def annotate(key: str, text: str | None, append: bool, use_editor: bool, dry_run: bool) -> None:
    """Write or replace the annotation of entry KEY.

    \b
    The text comes from --text, from standard input, or from $EDITOR (on a terminal, or with
    --editor), where the entry's reference and the sentences that cite it are shown as '#'
    comments above the current annotation. An empty text leaves the entry untouched.

    \b
    Examples:
      annobib annotate liu2025meifei --text "A concise survey of …"
      echo "Second thought." | annobib annotate liu2025meifei --append
      annobib annotate liu2025meifei            (opens $EDITOR)
    """
    # lazy: not needed by `annobib --help`
    from annobib.editing import (
        annotation_buffer,
        annotation_from_buffer,
        load_for_keys,
        locate,
        set_annotation,
    )

    interactive = text is None and (use_editor or stdin_is_terminal())
    # an editor session may last minutes: it takes no lock and relies on the changed-file check
    # (only this entry is parsed when the file allows: annobib.bib.targeted)
    lib, entry = locate(load_for_keys(bibliography_paths(), [key], lock=not interactive), key)
    buffer = None
    if interactive:
        template = annotation_buffer(entry) if not append else annotation_buffer_for_append(entry)
        saved = run_editor(template, ".txt")
        if saved is None:
            raise InputError(f"the editor was closed without saving: {key} left untouched, nothing written")
        text = annotation_from_buffer(saved)
        buffer = text
    elif text is None:
        from annobib.bounded import read_stdin_text

        text = read_stdin_text(limit=1 << 20)  # an annotation: 1 MB is plenty
        if not text.strip():
            raise InputError(
                f"standard input is empty: {key} left untouched, nothing written "
                "(give the text with --text, pipe it in, or use --editor)"
            )
    if not text.strip():
        raise InputError(f"the annotation is empty: {key} left untouched, nothing written")
    if not set_annotation(entry, text, append=append):
        click.echo(f"annobib: {key}: the annotation is unchanged; nothing written", err=True)
        return
    diff = write_or_rescue(lib, dry_run, key, buffer)
    if dry_run:
        echo_exact(diff, nl=False)
        return
    click.echo(f"annobib: {key}: annotation {'extended' if append else 'written'} ({lib.path})", err=True)


def annotation_buffer_for_append(entry) -> str:
    """With --append the editor shows the current annotation as comments and starts empty."""
    # lazy: not needed by `annobib --help`
    from annobib.editing import annotation_buffer

    return annotation_buffer(entry, append=True)
