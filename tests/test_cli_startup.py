"""Start-up cost: ``annobib --help`` and ``--version`` load no command module, and the short
help kept in ``annobib.cli.COMMAND_TABLE`` is each command's own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest

from annobib.cli import COMMAND_TABLE, _short_help, cli
from conftest import modules_after

CLI_DIR = str(Path(__file__).resolve().parents[1] / "cli")


@pytest.mark.parametrize("name", list(COMMAND_TABLE))
def test_the_short_help_in_the_table_is_the_commands_own(name):
    command = cli.get_command(click.Context(cli), name)
    assert command is not None
    kept = COMMAND_TABLE[name][1]
    for limit in (30, 45, 80, 1000):  # as cut for narrow and wide terminals
        assert _short_help(kept, limit) == command.get_short_help_str(limit), (name, limit)


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["-h"]])
def test_help_and_version_load_no_command_module(args):
    loaded = modules_after(args)
    assert [m for m in loaded if m.startswith("annobib.commands.")] == []
    assert not [m for m in loaded if m.startswith(("rich", "annobib.lookup", "annobib.config"))]


def test_a_command_loads_its_own_module_only(tmp_path):
    bib = tmp_path / "one.bib"
    bib.write_text("@book{a1, title = {One}, author = {Liu, Lin}, year = {2024}}\n", encoding="utf-8")
    loaded = modules_after(["--bib", str(bib), "search", "--format", "keys", "one"])
    commands = {m for m in loaded if m.startswith("annobib.commands.")}
    assert commands <= {"annobib.commands._common", "annobib.commands.search", "annobib.commands.listing"}
    assert "annobib.commands.search" in commands
    assert "rich.console" not in loaded  # keys on a pipe draw no table


def test_the_defaults_variables_are_the_configs():
    from annobib.cli import DEFAULTS_ENV
    from annobib.config import BY_KEY

    assert set(DEFAULTS_ENV) == {BY_KEY[f"format.{name}"].env for name in ("style", "edition", "system")}


def test_a_command_reads_no_config_code_without_a_config(tmp_path):
    bib = tmp_path / "one.bib"
    bib.write_text("@book{a1, title = {One}, year = {2024}}\n", encoding="utf-8")
    args = ["--bib", str(bib), "search", "--format", "keys", "one"]
    assert "annobib.config" not in modules_after(args, {"ANNOBIB_CONFIG": str(tmp_path / "none.toml")})
    (tmp_path / "c.toml").write_text('[format]\nstyle = "apa"\n', encoding="utf-8")
    assert "annobib.config" in modules_after(args, {"ANNOBIB_CONFIG": str(tmp_path / "c.toml")})
    assert "annobib.config" in modules_after(args, {"ANNOBIB_CONFIG": "/nonexistent", "ANNOBIB_STYLE": "apa"})


@pytest.mark.parametrize("incomplete", ["", "e", "ex", "c", "zz", "-", "--"])
def test_completing_a_command_offers_what_click_would(incomplete):
    ctx = click.Context(cli, info_name="annobib")
    ours = [(c.value, c.help, c.type) for c in cli.shell_complete(ctx, incomplete)]
    clicks = [(c.value, c.help, c.type) for c in click.Group.shell_complete(cli, ctx, incomplete)]
    assert ours == clicks
    if incomplete == "ex":
        assert [v for v, _, _ in ours] == ["extract", "export"]


def test_a_tab_after_annobib_loads_no_command_module():
    code = (
        "import os, sys, json\n"
        "os.environ.update(_ANNOBIB_COMPLETE='zsh_complete', COMP_WORDS='annobib ', COMP_CWORD='1')\n"
        "from annobib.cli import cli\n"
        "try:\n"
        "    cli.main(prog_name='annobib')\n"
        "except SystemExit:\n"
        "    pass\n"
        "sys.__stderr__.write(json.dumps(sorted(m for m in sys.modules if m.startswith('annobib.commands.'))))\n"
    )
    env = dict(os.environ, PYTHONPATH=CLI_DIR + os.pathsep + os.environ.get("PYTHONPATH", ""))
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert "extract" in done.stdout and "completion" in done.stdout  # the names were offered
    assert json.loads(done.stderr.strip().splitlines()[-1]) == []
