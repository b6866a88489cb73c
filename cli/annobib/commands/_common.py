"""What every command shares: settings, which bibliography, consoles, JSON output."""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import click

from annobib.errors import InputError

DEFAULT_BIB = Path("refs") / "article.bib"


@dataclass
class Settings:
    """Global options, carried on ``ctx.obj``."""

    bib_paths: tuple[str, ...] = ()
    no_color: bool = False
    debug: bool = False


def settings(ctx: click.Context | None = None) -> Settings:
    ctx = ctx or click.get_current_context()
    obj = ctx.find_root().obj
    return obj if isinstance(obj, Settings) else Settings()


def bibliography_paths(ctx: click.Context | None = None) -> list[Path]:
    """--bib (repeatable) > $ANNOBIB_BIB > refs/article.bib here > a clear error."""
    chosen = list(settings(ctx).bib_paths)
    if not chosen and os.environ.get("ANNOBIB_BIB"):
        chosen = [p for p in os.environ["ANNOBIB_BIB"].split(os.pathsep) if p]
    if not chosen:
        if DEFAULT_BIB.exists():
            return [DEFAULT_BIB]
        raise InputError(
            "no bibliography: pass --bib FILE, set ANNOBIB_BIB, or run in a folder with refs/article.bib"
        )
    return [Path(p) for p in chosen]


def libraries_for_writing(paths=None, lock: bool = True):
    """The bibliography files read for a change, each locked from this read until the command
    ends (see :func:`annobib.editing.load_libraries`)."""
    from annobib.core.files import release_all
    from annobib.editing import load_libraries

    ctx = click.get_current_context(silent=True)
    if ctx is not None and lock:
        ctx.call_on_close(release_all)
    return load_libraries(paths if paths is not None else bibliography_paths(), for_writing=True, lock=lock)


def load_bibliography(ctx: click.Context | None = None):
    """The chosen bibliography as an :class:`annobib.cache.View` (several ``--bib`` files are
    merged, read-only). Served from the cache when the files' bytes are unchanged; parse
    problems are in ``view.problems`` (report them with :func:`report_problems`).
    ``ANNOBIB_NO_CACHE=1`` bypasses the cache."""
    from annobib.cache import load_views

    paths = bibliography_paths(ctx)
    view = load_views(paths, use_cache=not os.environ.get("ANNOBIB_NO_CACHE"))
    if not len(view) and not view.problems:  # as validate: nothing to show is an input error
        raise no_entries(paths)
    return view


def require_entries(libraries, paths) -> None:
    """An empty or comments-only bibliography is an input error (exit 2), as for every reader."""
    if not any(lib.keys() or lib.problems for lib in libraries):
        raise no_entries(paths)


def no_entries(paths) -> InputError:
    """The error for a bibliography with nothing in it."""
    return InputError(f"{', '.join(str(p) for p in paths)}: no entries (an empty file, or only comments)")


def report_problems(problems) -> int:
    """One line on stderr per block that failed to parse; the exit code to use (2 if any)."""
    for p in problems:
        click.echo(f"annobib: error: {p}", err=True)
    return 2 if problems else 0


def color_enabled(ctx: click.Context | None = None, stream=None) -> bool:
    stream = stream or sys.stdout
    if settings(ctx).no_color or "NO_COLOR" in os.environ:
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def console(ctx: click.Context | None = None, stderr: bool = False):
    """A Rich console: colour only on a terminal, none with NO_COLOR/--no-color.

    Field values must be passed as ``rich.text.Text`` (never markup strings) so a title
    containing ``[bold]`` or an escape sequence prints literally.
    """
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    on_terminal = bool(getattr(stream, "isatty", lambda: False)())
    return Console(
        file=stream,
        no_color=not color_enabled(ctx, stream),
        color_system="auto" if color_enabled(ctx, stream) else None,
        highlight=False,
        emoji=False,
        markup=False,
        force_terminal=on_terminal or None,
        soft_wrap=False,
        width=None if on_terminal else int(os.environ.get("COLUMNS", "0") or 0) or 100,
    )


def emit_json(data) -> None:
    """One JSON document on stdout: UTF-8, no colour."""
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def warn(message: str) -> None:
    """One line on stderr."""
    click.echo(f"annobib: warning: {message}", err=True)
