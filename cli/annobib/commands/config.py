"""``annobib config``: where the config file lives, and every setting in effect (secrets masked)."""

from __future__ import annotations

import click

from annobib.commands._common import console, emit_json, resolve_bibliography, warn
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

    cfg = load_config()
    for message in cfg.warnings:
        warn(message)
    rows = []
    for item in cfg.items():
        s = item.setting
        value = mask(item.value) if s.secret else item.value
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
    from rich.table import Table
    from rich.text import Text

    out = console(ctx)
    out.print(Text(f"config file: {cfg.path}" + ("" if cfg.path.exists() else " (absent)")))
    where = ", ".join(bib["paths"]) or "none"
    out.print(Text(f"bibliography: {where} (from {SOURCES[bib['source']]}; order: {ORDER})"))
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    for name in ("setting", "value", "from", "variable"):
        table.add_column(name, overflow="fold")
    for r in rows:
        table.add_row(
            Text(r["key"]), Text("–" if r["value"] is None else str(r["value"])), Text(r["source"]), Text(r["env"])
        )
    out.print(table)
    return 0
