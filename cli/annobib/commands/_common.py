"""What every command shares: settings, which bibliography, consoles, JSON output."""

from __future__ import annotations

import errno
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import click

from annobib.core import jsonout
from annobib.core.sanitize import is_clean, json_text, raw_stream, terminal_lines
from annobib.core.sanitize import message as clean
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
    """--bib (repeatable) > $ANNOBIB_BIB > [library] path of the config file > refs/article.bib
    here > a clear error."""
    paths, _source = resolve_bibliography(ctx)
    return paths


def resolve_bibliography(ctx: click.Context | None = None) -> tuple[list[Path], str]:
    """The bibliography and where the choice came from: option, env, config or folder."""
    chosen = list(settings(ctx).bib_paths)
    if chosen:
        return distinct_paths(Path(p) for p in chosen), "option"
    if os.environ.get("ANNOBIB_BIB"):
        return distinct_paths(Path(p) for p in os.environ["ANNOBIB_BIB"].split(os.pathsep) if p), "env"
    # lazy: not needed by `annobib --help`
    from annobib.config import library_from_config

    configured = library_from_config()
    if configured:
        return [Path(configured)], "config"
    if DEFAULT_BIB.exists():
        return [DEFAULT_BIB], "folder"
    raise InputError(
        "no bibliography: pass --bib FILE, set ANNOBIB_BIB, run `annobib init` for a library of your own, "
        "or run in a folder with refs/article.bib"
    )


def distinct_paths(paths) -> list[Path]:
    """``paths`` in order, each file once: a bibliography named again (``a.bib:./a.bib``, a
    link to it, or one name 2,000 times in a hostile list) is read and merged only once."""
    seen: set[str] = set()
    out = []
    for path in paths:
        try:
            real = os.path.realpath(path)
        except (OSError, ValueError):  # a loop of links, a NUL: let the reader say what is wrong
            real = str(path)
        if real not in seen:
            seen.add(real)
            out.append(path)
    return out


def libraries_for_writing(paths=None, lock: bool = True, keys=None):
    """The bibliography files read for a change, each locked from this read until the command
    ends (see :func:`annobib.editing.load_libraries`). ``keys``: the change is to these entries
    only, so the other entries may be left unparsed (:func:`annobib.editing.load_for_keys`)."""
    # lazy: not needed by `annobib list --help` or `annobib --help`
    from annobib.core.files import release_all
    from annobib.editing import load_for_keys, load_libraries

    ctx = click.get_current_context(silent=True)
    if ctx is not None and lock:
        ctx.call_on_close(release_all)
    paths = paths if paths is not None else bibliography_paths()
    if keys:
        return load_for_keys(paths, keys, lock=lock)
    return load_libraries(paths, for_writing=True, lock=lock)


def load_bibliography(ctx: click.Context | None = None, rows: bool = False, empty_ok: bool = False):
    """The chosen bibliography as an :class:`annobib.lookup.view.View` (several ``--bib`` files are
    merged, read-only). Served from the cache when the files' bytes are unchanged; parse
    problems are in ``view.problems`` (report them with :func:`report_problems`).
    ``ANNOBIB_NO_CACHE=1`` bypasses the cache. ``rows``: every table row will be wanted.
    ``empty_ok``: a bibliography without entries is returned (``list`` of a new library), else
    it is an input error."""
    # lazy: not needed by `annobib --help`
    from annobib.lookup.view import load_views

    paths = bibliography_paths(ctx)
    view = load_views(paths, use_cache=not os.environ.get("ANNOBIB_NO_CACHE"), rows=rows)
    if not len(view) and not view.problems and not empty_ok:  # as validate: nothing to show is an input error
        raise no_entries(paths)
    return view


def require_entries(libraries, paths) -> None:
    """An empty or comments-only bibliography is an input error (exit 2), as for every reader."""
    if not any(lib.keys() or lib.problems for lib in libraries):
        raise no_entries(paths)


def no_entries(paths) -> InputError:
    """The error for a bibliography with nothing in it."""
    return InputError(f"{', '.join(str(p) for p in paths)}: no entries (an empty file, or only comments)")


MAX_PROBLEM_LINES = 20


def report_problems(problems) -> int:
    """One line on stderr per block that failed to parse, the first ``MAX_PROBLEM_LINES`` of
    them, then one line counting the rest (a file of 60,000 duplicated keys printed 60,000
    lines); ``annobib validate`` lists every one. The exit code to use (2 if any)."""
    # here: the name is rebound in this module
    from annobib.core.sanitize import message

    problems = list(problems)
    for p in problems[:MAX_PROBLEM_LINES]:
        click.echo(f"annobib: error: {message(p)}", err=True)
    if len(problems) > MAX_PROBLEM_LINES:
        click.echo(
            f"annobib: error: … and {len(problems) - MAX_PROBLEM_LINES} more problems "
            "(annobib validate lists them all)",
            err=True,
        )
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

    stream = raw_stream(sys.stderr if stderr else sys.stdout)
    on_terminal = bool(getattr(stream, "isatty", lambda: False)())
    return _safe_console_class()(
        file=stream,
        no_color=not color_enabled(ctx, stream),
        color_system="auto" if color_enabled(ctx, stream) else None,
        highlight=False,
        emoji=False,
        markup=False,
        force_terminal=on_terminal or None,
        soft_wrap=False,
        width=None if on_terminal else _columns() or 100,
    )


def print_table(con, table) -> None:
    """Print a Rich table; piped (not a terminal), as wide as its content, so no URL or value is
    folded onto a second line (``annobib check-links | grep`` finds whole URLs)."""
    if not con.is_terminal:
        wide = con.measure(table, options=con.options.update(width=100_000, max_width=100_000)).maximum
        if wide > con.width:
            con.width = wide
    con.print(table)


_SAFE_CONSOLE = None


def _safe_console_class():
    """A Rich console that makes unsafe characters visible in every piece of text it writes.

    Commands sanitize values before building ``Text`` (so widths are measured right); this is
    the net under them: Rich's own style and link sequences are added after this point, and
    nothing a field holds gets through raw."""
    global _SAFE_CONSOLE
    if _SAFE_CONSOLE is None:
        # lazy: loads rich only when this runs
        from rich.console import Console
        from rich.segment import Segment

        class SafeConsole(Console):
            def on_broken_pipe(self) -> None:
                # Rich exits 1 here; the reader going away (`| head`) is no error: the CLI's
                # handler exits 0 on BrokenPipeError, as for output written without Rich
                self.quiet = True
                raise BrokenPipeError(errno.EPIPE, "the reader of standard output went away")

            def _render_buffer(self, buffer):
                return super()._render_buffer(
                    seg if seg.control or is_clean(seg.text) else Segment(terminal_lines(seg.text), seg.style)
                    for seg in buffer
                )

        _SAFE_CONSOLE = SafeConsole
    return _SAFE_CONSOLE


def _columns() -> int | None:
    """$COLUMNS when it is a sane width (1-10000), else None (``COLUMNS=abc`` is ignored)."""
    value = os.environ.get("COLUMNS", "")
    if value.isascii() and value.isdigit() and len(value) <= 5 and 0 < int(value) <= 10000:
        return int(value)
    return None


def emit_json(data) -> None:
    """One JSON document on stdout: UTF-8, no colour; characters that could drive a terminal
    (DEL, C1, bidi, zero-width) written as \\uXXXX escapes, so parsers read the same strings."""

    # written in blocks of pieces, never joined whole: 190,000 findings make 86 MB of text, 2 bytes
    # a character once one CJK character is in it, and the text, a copy with the newline and its
    # UTF-8 bytes held at once were 430 MB (json_text escapes character by character: blocks alike)
    block: list[str] = []
    size = 0
    for piece in jsonout.pieces(data):
        block.append(piece)
        size += len(piece)
        if size >= JSON_BLOCK:
            click.echo(json_text("".join(block)), nl=False)
            block.clear()
            size = 0
    click.echo(json_text("".join(block)))


JSON_BLOCK = 1 << 20  # characters written at once by emit_json


def echo_exact(text: str, nl: bool = True) -> None:
    """Text for tools (a diff, raw BibTeX): exact bytes when piped, unsafe characters made
    visible on a terminal."""
    if sys.stdout.isatty():
        text = terminal_lines(text)
    click.echo(text, nl=nl, color=True)  # color=True: click strips nothing


def warn(message: str) -> None:
    """One line on stderr (secrets redacted, unsafe characters visible)."""

    click.echo(f"annobib: warning: {clean(message)}", err=True)


STYLE_CHOICES = ["gbt7714", "apa", "cn-notes", "chicago"]  # --style of format, cite and show

COMPLETE_MAX = 500  # keys offered for one TAB; more is noise a shell pages through


def complete_keys(ctx: click.Context, param, incomplete: str) -> list:
    """Citation keys for shell completion (``shell_complete=`` of a KEY argument).

    Reads the bibliography the command would read (``--bib`` given so far, else the usual
    default) through the lookup cache, so a TAB costs a cached read and no parse. Keys are
    offered by prefix, case-insensitively, then by substring; keys already on the line are
    left out. Any failure offers nothing: completion never prints an error into the prompt."""
    # lazy: loads click.shell_completion only when this runs; not needed by `annobib --help`
    from click.shell_completion import CompletionItem

    root = ctx.find_root()
    if not isinstance(root.obj, Settings):  # completion parses, never runs the group callback
        root.obj = Settings(bib_paths=_bib_on_line() or tuple(root.params.get("bib_paths") or ()))
    try:
        from annobib.lookup.view import load_views

        keys = load_views(bibliography_paths(ctx), use_cache=True).keys()
    except Exception:  # noqa: BLE001 - see the docstring
        return []
    given = set(ctx.params.get(param.name) or ()) if param is not None and param.nargs != 1 else set()
    low = incomplete.casefold()
    # a key with a control or invisible character would reach the terminal raw (the shell
    # shows candidates as they are), and one starting with "-" would be read as an option:
    # such keys are typed, not offered
    keys = [k for k in keys if is_clean(k) and not k.startswith("-")]
    first = [k for k in keys if k.casefold().startswith(low) and k not in given]
    more = [k for k in keys if low and low in k.casefold() and not k.casefold().startswith(low) and k not in given]
    return [CompletionItem(k) for k in (first + more)[:COMPLETE_MAX]]


def _bib_on_line() -> tuple[str, ...]:
    """Every ``--bib`` on the line being completed, before or after the command. Click drops the
    values of the copies after the command while completing (their callback skips resilient
    parsing), so read the words the shell passed, as Click itself does (COMP_WORDS, COMP_CWORD)."""
    # lazy: loads click.shell_completion only when this runs; not needed by `annobib --help`
    from click.shell_completion import split_arg_string

    try:
        words = split_arg_string(os.environ.get("COMP_WORDS", ""))
        cword = os.environ.get("COMP_CWORD", "")
        words = words[1 : int(cword)] if cword.isdigit() else words[1:-1]  # fish: the word itself
    except ValueError:
        return ()
    found = []
    for i, word in enumerate(words):
        if word == "--bib" and i + 1 < len(words):
            found.append(words[i + 1])
        elif word.startswith("--bib="):
            found.append(word[len("--bib=") :])
    return tuple(found)


def pairs_for_keys(pairs: list, keys) -> list:
    """The (holder, entry) pairs whose entry key is one of ``keys`` (all of them when none is
    given), in file order; an unknown key is one InputError (exit 2) naming every such key."""
    if not keys:
        return pairs
    known = {e.key for _, e in pairs}
    missing = [k for k in keys if k not in known]
    if missing:
        raise InputError(f"no entry with key {', '.join(missing)}")
    wanted = set(keys)
    return [(h, e) for h, e in pairs if e.key in wanted]
