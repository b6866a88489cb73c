"""``annobib config``: where the config file lives, and every setting in effect (secrets masked)."""

from __future__ import annotations

import shutil
import sys

import click

from annobib.commands._common import _columns, emit_json, resolve_bibliography, warn
from annobib.core.sanitize import terminal
from annobib.errors import InputError


@click.group("config", invoke_without_command=True)
@click.pass_context
def config(ctx):
    """Show the configuration file's location, the bibliography in use and where that choice
    came from, and the settings in effect (`annobib config` alone is `annobib config show`).

    \b
    Precedence: command-line options > ANNOBIB_… environment variables >
    the TOML config file > defaults. Secrets (archive.org keys) are read only
    from the environment or from a config file readable by you alone.
    The bibliography: --bib > $ANNOBIB_BIB > [library] path in the config
    file (`annobib init` sets it) > refs/article.bib in the current folder.

    \b
    Examples:
      annobib config                 everything in effect
      annobib config path            where the config file is
      annobib config show --json     the same for scripts
    """
    if ctx.invoked_subcommand is None:
        ctx.invoke(show)


ORDER = "--bib > ANNOBIB_BIB > config [library] path > refs/article.bib here"
SOURCES = {
    "option": "--bib",
    "env": "ANNOBIB_BIB",
    "config": "the config file's [library] path",
    "folder": "refs/article.bib in this folder",
    "none": "nothing: no option, variable, config or refs/article.bib",
}


def _bibliography(ctx) -> dict:
    try:
        paths, source = resolve_bibliography(ctx)
    except InputError:
        paths, source = [], "none"
    return {"paths": [str(p) for p in paths], "source": source, "order": ORDER}


@config.command("path")
def config_path_command():
    """Print where the config file is (or would be)."""
    # lazy: not needed by `annobib --help`
    from annobib.config import config_path

    click.echo(str(config_path()))


@config.command("show")
@click.option("--json", "as_json", is_flag=True, help="One JSON document on stdout.")
@click.pass_context
def show(ctx, as_json=False):
    """Every setting: value (secrets masked), where it came from, its variable."""
    # lazy: loads rich only when this runs; not needed by `annobib --help`
    from annobib.config import load_config, mask
    from annobib.core.sanitize import redact

    cfg = load_config()
    for message in cfg.warnings:
        warn(message)
    rows = []
    for item in cfg.items():
        s = item.setting
        value = mask(item.value) if s.secret else item.value
        if isinstance(value, str):  # a base URL may hold a password (https://user:secret@host)
            value = redact(value)
        rows.append(
            {
                "key": s.key,
                "value": value,
                "source": item.source,
                "env": s.env,
                "default": None if s.secret else s.default,
                "help": s.help,
            }
        )
    bib = _bibliography(ctx)
    if as_json:
        emit_json({"path": str(cfg.path), "exists": cfg.path.exists(), "bibliography": bib, "settings": rows})
        return 0
    head = [f"config file: {cfg.path}" + ("" if cfg.path.exists() else " (absent)")]
    where = ", ".join(bib["paths"]) or "none"
    head.append(f"bibliography: {where} (from {SOURCES[bib['source']]}; order: {ORDER})")
    cells = [(r["key"], "–" if r["value"] is None else str(r["value"]), r["source"], r["env"]) for r in rows]
    width = (_columns() or shutil.get_terminal_size().columns) if sys.stdout.isatty() else None
    for line in layout(head, cells, width):
        click.echo(terminal(line))
    return 0


GAP = "  "
HEADER = ("setting", "value", "from", "variable")
MIN_VALUE = 12  # narrower than this, the table is stacked: one setting per block


def layout(head: list[str], cells: list[tuple[str, str, str, str]], width: int | None) -> list[str]:
    """The lines of ``annobib config``. Piped (``width`` None): aligned columns, nothing wrapped or
    cut, no trailing spaces. On a terminal: the same table, with only long values folded; when
    even the identifiers do not fit, one block per setting. Identifiers (settings, variables)
    are never broken: a shell copies them whole."""
    rows = [HEADER, *cells]
    widths = [max(cell_len(r[i]) for r in rows) for i in range(4)]
    if width is None:
        return head + [_line(r, widths) for r in rows]
    lines = [piece for line in head for piece in _wrap_words(line, width)]
    room = width - widths[0] - widths[2] - widths[3] - 3 * len(GAP)
    if room < MIN_VALUE:
        for key, value, source, env in cells:
            lines += _wrap_words(f"{key} = {value}", width)
            lines += ["    " + piece.strip() for piece in _wrap_words(f"from {source}; {env}", width - 4)]
        return lines
    widths[1] = min(widths[1], room)
    for row in rows:
        parts = [row[1][i : i + widths[1]] for i in range(0, len(row[1]), widths[1])] or [""]
        lines.append(_line((row[0], parts[0], row[2], row[3]), widths))
        lines += [_line(("", part, "", ""), widths) for part in parts[1:]]
    return lines


def cell_len(text: str) -> int:
    """Terminal cells ``text`` takes (a CJK character two)."""
    # lazy: loads rich only when this runs; not needed by `annobib --help`
    from rich.cells import cell_len as cells

    return cells(text)


def _line(row, widths) -> str:
    return GAP.join(cell + " " * (w - cell_len(cell)) for cell, w in zip(row, widths)).rstrip()


def _wrap_words(text: str, width: int) -> list[str]:
    """``text`` broken at spaces only (a word longer than the line stays whole)."""
    lines, current = [], ""
    for word in text.split(" "):
        if current and cell_len(current) + 1 + cell_len(word) > width:
            lines.append(current)
            current = "    " + word
        else:
            current = f"{current} {word}" if current else word
    return lines + [current]
