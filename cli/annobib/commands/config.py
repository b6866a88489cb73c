"""``annobib config``: where the config file lives, and every setting in effect (secrets masked)."""

from __future__ import annotations

import click

from annobib.commands._common import console, emit_json, warn


@click.group("config")
def config():
    """Show the configuration file's location and the settings in effect.

    \b
    Precedence: command-line options > ANNOBIB_… environment variables >
    the TOML config file > defaults. Secrets (archive.org keys) are read only
    from the environment or from a config file readable by you alone.
    """


@config.command("path")
def config_path_command():
    """Print where the config file is (or would be)."""
    from annobib.config import config_path

    click.echo(str(config_path()))


@config.command("show")
@click.option("--json", "as_json", is_flag=True, help="One JSON document on stdout.")
@click.pass_context
def show(ctx, as_json):
    """Every setting: value (secrets masked), where it came from, its variable."""
    from annobib.config import load_config, mask

    cfg = load_config()
    for message in cfg.warnings:
        warn(message)
    rows = []
    for item in cfg.items():
        s = item.setting
        value = mask(item.value) if s.secret else item.value
        rows.append({"key": s.key, "value": value, "source": item.source, "env": s.env,
                     "default": None if s.secret else s.default, "help": s.help})
    if as_json:
        emit_json({"path": str(cfg.path), "exists": cfg.path.exists(), "settings": rows})
        return 0
    from rich.table import Table
    from rich.text import Text

    out = console(ctx)
    out.print(Text(f"config file: {cfg.path}" + ("" if cfg.path.exists() else " (absent)")))
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    for name in ("setting", "value", "from", "variable"):
        table.add_column(name, overflow="fold")
    for r in rows:
        table.add_row(Text(r["key"]), Text("–" if r["value"] is None else str(r["value"])), Text(r["source"]),
                      Text(r["env"]))
    out.print(table)
    return 0
