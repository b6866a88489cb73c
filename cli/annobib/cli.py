"""The ``annobib`` command: a thin Click layer that loads each subcommand only when it runs.

Subcommands live in ``annobib.commands.<module>``; registering one is one line in COMMANDS.
Lazy loading keeps ``annobib --help`` and everyday lookups from importing what they do not use.
"""

from __future__ import annotations

import importlib
import os
import re
import sys
import warnings

import click

from annobib import __version__, perf
from annobib.core import files as _files
from annobib.core import stdout as _stdout
from annobib.core.sanitize import TerminalStream
from annobib.core.sanitize import message as _clean  # errors echo paths, keys, values: one safe line
from annobib.errors import AnnobibError, Notice

# name -> ("module:attribute" under annobib.commands, its short help), in the order --help
# lists them. The short help is kept here so `annobib --help` imports no command module (Click
# would load every one to ask); tests/test_cli_basics.py checks each against the command's own.
COMMAND_TABLE: dict[str, tuple[str, str]] = {
    "extract": ("extract:extract", "Write the BibTeX bibliography of ARTICLE's footnotes."),
    "list": (
        "listing:list_command",
        "List the entries: key, type, authors, year, title, container, language, times cited.",
    ),
    "show": (
        "show:show",
        "Show entries in full: every field, the formatted reference, the citing locations with their sentences, and the annotation.",
    ),
    "search": ("search:search", "Find entries."),
    "stats": ("stats:stats", "Counts by type, language, year and web domain; the most-cited works."),
    "validate": (
        "validate:validate",
        "Lint the bibliography: structure, completeness, form, consistency, text hygiene and article coverage.",
    ),
    "format": (
        "format:format_command",
        "Format a reference list: GB/T 7714 (2025 or 2015), APA 7, cn-notes or Chicago 17.",
    ),
    "cite": (
        "format:cite",
        "One combined in-text citation of KEY…: [3, 5-7], （刘琳，2025；Morrow，1991）, (Liu, 2025; Morrow, 1991).",
    ),
    "pandoc-filter": ("pandoc_filter:pandoc_filter", "A pandoc filter: replace citations, append the reference list."),
    "check-links": ("archive:check_links", "Check that every cited URL (or those of KEY…) is alive."),
    "archive": ("archive:archive", "Find (or request) a Web Archive snapshot for every cited URL."),
    "verify": ("verify:verify", "Check each entry (or KEY…) against the registries and the cited page."),
    "annotate": ("annotate:annotate", "Write or replace the annotation of entry KEY."),
    "add": ("add:add", "Add an entry: from CITATION as printed in a footnote, from a DOI, or from --field."),
    "edit": ("edit:edit", "Edit entry KEY as BibTeX in $VISUAL/$EDITOR."),
    "tag": ("tag:tag", "Add (+tag) and remove (-tag) tags of one or more entries."),
    "rm": ("rm:rm", "Remove the entries KEY… from the bibliography."),
    "export": ("exchange:export", "Export the bibliography (or the entries KEYS…) for other tools."),
    "import": (
        "exchange:import_command",
        "Import entries from FILE (BibTeX, biblatex, CSL-JSON or RIS; - for standard input).",
    ),
    "config": (
        "config:config",
        "Show the configuration file's location, the bibliography in use and where that choice came from, and the settings in effect (`annobib config` alone is `annobib config show`).",
    ),
    "init": ("library:init", "Create a library of your own and a config file naming it as the default bibliography."),
    "open": (
        "library:open_command",
        "Open an entry's page in the browser: its URL, else its DOI, else its archived copy.",
    ),
    "undo": ("undo:undo", "Restore the bibliography byte for byte as it was before annobib's last write to it."),
    "completion": (
        "completion:completion",
        "Shell completion for bash, zsh or fish: commands, options and citation keys.",
    ),
}
COMMANDS: dict[str, str] = {name: target for name, (target, _) in COMMAND_TABLE.items()}


# the variables that set command defaults (format.style, .edition, .system: checked against
# annobib.config by tests/test_cli_startup.py)
DEFAULTS_ENV = ("ANNOBIB_STYLE", "ANNOBIB_EDITION", "ANNOBIB_CITATION_SYSTEM")

_resolved: list[click.Context] = []  # the subcommand being parsed, for usage errors without context


class _ReaderGone(Exception):
    """stdout's reader went away (``annobib stats | head``) while a command printed."""


class LazyGroup(click.Group):
    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except BrokenPipeError:  # Click's main would exit 1 on it: no error, exit 0 (see _run)
            raise _ReaderGone() from None

    def list_commands(self, ctx):
        return [name for name in COMMANDS if self._module_exists(name)]

    @staticmethod
    def _module_exists(name: str) -> bool:
        module = COMMANDS[name].split(":")[0]
        here = os.path.join(os.path.dirname(__file__), "commands")
        return os.path.exists(os.path.join(here, module + ".py")) or os.path.isdir(os.path.join(here, module))

    def resolve_command(self, ctx, args):
        name, command, rest = super().resolve_command(ctx, args)
        if command is not None:  # its usage errors name it (see usage_line)
            _resolved.append(click.Context(command, info_name=name, parent=ctx))
        return name, command, rest

    def get_command(self, ctx, name):
        if name not in COMMANDS or not self._module_exists(name):
            return None
        module, attr = COMMANDS[name].split(":")
        command = getattr(importlib.import_module(f"annobib.commands.{module}"), attr)
        _add_global_options(command)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list from COMMAND_TABLE, laid out as Click's own (which would import
        every command module for its short help)."""
        names = self.list_commands(ctx)
        if not names:
            return
        limit = formatter.width - 6 - max(len(n) for n in names)
        rows = [(n, _short_help(COMMAND_TABLE[n][1], limit)) for n in names]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def shell_complete(self, ctx: click.Context, incomplete: str) -> list:
        """Command names with their short help from COMMAND_TABLE (a TAB after ``annobib``
        would otherwise import every command module), then the group's options as Click
        offers them."""
        # lazy: only a TAB needs it
        from click.shell_completion import CompletionItem

        out = [
            CompletionItem(name, help=_short_help(COMMAND_TABLE[name][1], 45))
            for name in self.list_commands(ctx)
            if name.startswith(incomplete)
        ]
        return out + click.Command.shell_complete(self, ctx, incomplete)


def _short_help(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` columns at a word, exactly as Click cuts a command's help."""
    return click.Command(None, help=text).get_short_help_str(limit)


# --bib, --no-color and --debug are accepted after the command too (`annobib list --bib x.bib`):
# each loaded command gets copies whose callback updates the one Settings object. Only the
# command that runs is loaded, so `annobib --help` pays nothing for this.
def _set_global(ctx: click.Context, param: click.Parameter, value) -> None:
    if not value or ctx.resilient_parsing:
        return
    # lazy: `annobib --help` and `--version` never need it (json, dataclasses: ~5 ms)
    from annobib.commands._common import settings

    chosen = settings(ctx)
    if param.name == "bib_paths":
        chosen.bib_paths = tuple(chosen.bib_paths) + tuple(value)
    else:
        setattr(chosen, param.name, True)


def _global_options() -> list[click.Option]:
    # hidden: `annobib --help` documents them once; each command's help stays about the command
    common = {"expose_value": False, "callback": _set_global, "hidden": True}
    return [
        click.Option(
            ["--bib", "bib_paths"],
            multiple=True,
            metavar="PATH",
            help="Bibliography file (as before the command; repeatable).",
            **common,
        ),
        click.Option(["--no-color", "no_color"], is_flag=True, help="No colour.", **common),
        click.Option(["--debug", "debug"], is_flag=True, help="Tracebacks for internal errors.", **common),
    ]


def _add_global_options(command: click.Command) -> None:
    if getattr(command, "_annobib_globals", False):
        return
    command._annobib_globals = True  # type: ignore[attr-defined]
    if isinstance(command, click.Group):  # `annobib config --bib x show` and `… show --bib x`
        for sub in command.commands.values():
            _add_global_options(sub)
    taken = {opt for p in command.params for opt in getattr(p, "opts", [])}
    command.params.extend(o for o in _global_options() if not set(o.opts) & taken)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="annobib")
@click.option(
    "--bib",
    "bib_paths",
    multiple=True,
    metavar="PATH",
    help="Bibliography file (repeat to merge several, read-only); also after the command. "
    "Default: $ANNOBIB_BIB, else [library] path of the config file, else refs/article.bib here.",
)
@click.option("--no-color", is_flag=True, help="No colour (NO_COLOR is honoured too).")
@click.option("--debug", is_flag=True, help="Show tracebacks for internal errors.")
@click.pass_context
def cli(ctx: click.Context, bib_paths: tuple[str, ...], no_color: bool, debug: bool) -> None:
    """annobib: annotated bibliographies from footnoted, multilingual articles.

    \b
    Typical session:
      annobib init                          a library of your own (and the config)
      annobib extract refs/article.txt      footnotes -> refs/article.bib
      annobib list                          the entries, as a table
      annobib search "author:liulin 2025"   find entries (pinyin works)
      annobib validate                      lint the bibliography
      annobib format --style gbt7714        reference list (GB/T 7714-2025)
      annobib archive                       Web Archive snapshots for cited URLs
    """
    # lazy: `annobib --help` and `--version` never get here (json, dataclasses: ~5 ms)
    from annobib.commands._common import Settings, warn
    from annobib.core.dirs import config_path

    ctx.obj = Settings(bib_paths=bib_paths, no_color=no_color, debug=debug)
    if os.path.lexists(config_path()) or any(os.environ.get(name) for name in DEFAULTS_ENV):
        # lazy: the settings tables cost every command ~3 ms; with no file and no variable
        # there are no defaults to read (the usual case)
        from annobib.config import command_defaults

        defaults, warnings = command_defaults()  # format.* of the config file as option defaults
        for message in warnings:
            warn(message)
        if defaults:
            ctx.default_map = {**defaults, **(ctx.default_map or {})}
    ctx.call_on_close(_release_locks)


def _release_locks() -> None:
    """Let other writers in as soon as the command is done (also when it failed)."""
    files = sys.modules.get("annobib.core.files")
    if files is not None:
        files.release_all()


def _undecodable(args: list[str]) -> str | None:
    """Why an argument cannot be used (bytes that are not UTF-8 arrive as surrogates), or None."""
    for i, arg in enumerate(args, 1):
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError as exc:
            byte = ord(arg[exc.start]) & 0xFF
            return f"argument {i} is not valid UTF-8 (byte 0x{byte:02x}); give text and file names in UTF-8"
    return None


def _drop_bad_size_variables() -> None:
    """``COLUMNS=abc`` or a 400-digit ``COLUMNS``/``LINES`` is ignored (as if unset), so neither
    Click, Rich nor annobib fails or lays out a table billions of cells wide."""
    for name in ("COLUMNS", "LINES"):
        value = os.environ.get(name)
        if value is not None and not (
            value.isascii() and value.isdigit() and 0 < len(value) <= 5 and 0 < int(value) <= 10000
        ):
            del os.environ[name]


def main(argv: list[str] | None = None) -> None:
    """Entry point: runs the group and turns every failure into one line and an exit code."""
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args
    bad = _undecodable(args)
    if bad:
        click.echo(f"annobib: error: {bad}", err=True)
        sys.exit(2)
    _drop_bad_size_variables()
    if argv is None:  # a process of its own (not a test or a library caller)
        perf.BACKGROUND = True
        perf.fewer_collections()
        _stdout.guard_stdout()
    restore = _guard_streams(real_process=argv is None)
    try:
        _run(argv, debug)
    except SystemExit as done:  # a closed or full stdout: one line and exit 2
        done.code = _stdout.settle(done.code)
        if argv is None and perf.EXIT_AT_ONCE:
            _exit_at_once(done.code, restore)  # returns when the process must end the usual way
        raise
    finally:
        restore()


def _exit_at_once(code, restore) -> None:
    """End the process now with ``code`` when nothing is left to do at exit: the command said so
    (:data:`annobib.perf.EXIT_AT_ONCE`), stdout and stderr are flushed (through the sanitizer,
    then ``restore``-d and flushed again), no other thread runs and no exit handler is
    registered. Otherwise return, and the interpreter exits as usual."""
    if not (code is None or isinstance(code, int)):
        return
    import atexit  # built in: nothing to load

    threading = sys.modules.get("threading")
    if threading is not None and threading.active_count() > 1:
        return
    if getattr(atexit, "_ncallbacks", lambda: 1)():
        return  # (a private CPython function; elsewhere: never at once)
    try:
        for _ in range(2):
            for stream in (sys.stdout, sys.stderr):
                if stream is not None:
                    stream.flush()
            restore()
    except (OSError, ValueError):
        return  # the usual exit reports it as before
    os._exit(code or 0)


_python_showwarning = warnings.showwarning


def _show_notice(text, category, filename, lineno, file=None, line=None) -> None:
    """The library's :class:`Notice` as one warning line (other warnings as Python shows them)."""
    if issubclass(category, Notice):
        click.echo(f"annobib: warning: {_clean(text)}", err=True)
    else:
        _python_showwarning(text, category, filename, lineno, file, line)


def _run(argv: list[str] | None, debug: bool) -> None:
    _resolved.clear()
    _files.LANDED.clear()  # this call's writes (tests run many in one process)
    perf.EXIT_AT_ONCE = False  # a command says so again in this call (tests run many in one process)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("always", Notice)
            warnings.showwarning = _show_notice
            rv = cli.main(args=argv, prog_name="annobib", standalone_mode=False)
    except AnnobibError as exc:
        click.echo(f"annobib: error: {_clean(exc)}", err=True)
        sys.exit(exc.exit_code)
    except (click.exceptions.Abort, KeyboardInterrupt):
        click.echo(f"annobib: interrupted{_landed()}", err=True)
        sys.exit(130)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        _show_click_error(exc)
        sys.exit(2 if exc.exit_code == 2 else exc.exit_code or 2)
    except _stdout.OutputLost as exc:
        click.echo(_stdout.lost(exc), err=True)
        sys.exit(2)
    except (BrokenPipeError, _ReaderGone):
        # `annobib list | head`: the reader went away; that is not an error.
        _reader_gone()
    except Exception as exc:  # noqa: BLE001 - last line of defence: never a traceback
        if debug:
            raise
        click.echo(
            f"annobib: internal error: {type(exc).__name__}: {_clean(exc)} (run with --debug for details)", err=True
        )
        sys.exit(2)
    sys.exit(rv if isinstance(rv, int) else 0)


def _landed() -> str:
    """What an interrupt leaves that it did not stop: the files already written."""
    if not _files.LANDED:
        return ""
    return f", after the write of {_clean(str(_files.LANDED[-1]))} landed (it stands)"


def _reader_gone() -> None:
    try:
        sys.stdout = None  # type: ignore[assignment]
    finally:
        os._exit(0)


def _guard_streams(real_process: bool):
    """Everything echoed on stderr (errors, warnings, status lines: for people) and, on a
    terminal, on stdout goes through the sanitizer, so no field value, path or argument drives
    a terminal or a CI log even where a command forgot to clean it. Piped stdout stays exact
    (raw BibTeX, diffs and JSON for tools). Returns a function that puts the streams back."""

    saved = {}
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        try:
            wanted = name == "stderr" or (real_process and stream.isatty())
        except (AttributeError, ValueError, OSError):
            continue
        if stream is not None and wanted and not isinstance(stream, TerminalStream):
            saved[name] = stream
            setattr(sys, name, TerminalStream(stream))

    def restore() -> None:
        for name, stream in saved.items():
            if isinstance(getattr(sys, name), TerminalStream):
                setattr(sys, name, stream)

    return restore


def _show_click_error(exc: click.ClickException) -> None:
    """Click's errors as one line: ``annobib list: no such option: --foo (did you mean
    --format? see 'annobib list --help')``. What the user typed is echoed through the
    sanitizer. A group called without a command still shows its help (Click's own page)."""
    if isinstance(exc, click.exceptions.NoArgsIsHelpError):
        exc.show()
        return
    click.echo(usage_line(exc), err=True)


def usage_line(exc: click.ClickException) -> str:
    """The one line that stands for Click's four (Usage:, Try …, a blank line, Error:)."""
    if not isinstance(exc, click.UsageError):  # raised by a command: an error, not a usage line
        return _clean(f"annobib: error: {_usage_text(exc, None)[0]}")
    # Click's parser raises some errors (an option missing its value) with no context: the
    # command being parsed is then the one the group resolved last
    ctx = exc.ctx or (_resolved[-1] if _resolved else None)
    text, hint = _usage_text(exc, ctx)
    if ctx is None:
        return _clean(f"annobib: {text}{'; ' + hint if hint else ''} (see 'annobib --help')")
    return _clean(f"{ctx.command_path}: {text}{'; ' + hint if hint else ''} (see '{ctx.command_path} --help')")


def _usage_text(exc: click.ClickException, ctx: click.Context | None) -> tuple[str, str]:
    """(what went wrong, a "did you mean" hint or ""), each on one line."""
    if isinstance(exc, click.NoSuchOption):
        return f"no such option: {exc.option_name}", _did_you_mean(exc.possibilities or [])
    text = " ".join(exc.format_message().split()).rstrip(".")
    text = text[:1].lower() + text[1:]
    unknown = re.fullmatch(r"no such command '(.*?)'(?:\. Did you mean '(.*)'\?)?", text, re.S)
    if unknown and ctx is not None and isinstance(ctx.command, click.Group):
        name, offered = unknown.groups()  # Click offers a near name for some groups only
        # lazy: only a mistyped command needs it (it costs every start ~2 ms)
        import difflib

        near = [offered] if offered else difflib.get_close_matches(name, ctx.command.list_commands(ctx), n=3)
        return f"no such command: {name}", _did_you_mean(near)
    return text, ""


def _did_you_mean(names: list[str]) -> str:
    if not names:
        return ""
    return f"did you mean {names[0]}?" if len(names) == 1 else f"did you mean one of {', '.join(sorted(names))}?"
