"""Click's usage errors are one line on stderr and exit 2 (issue 12): the command, what went
wrong, a "did you mean" when there is one, and where the help is. Values the user typed are
echoed through the sanitizer."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import run_cli


def _one_line(args: list[str]) -> str:
    r = run_cli(args)
    assert r.exit_code == 2, (args, r.exit_code, r.stderr)
    assert r.stdout == ""
    assert r.stderr.count("\n") == 1 and r.stderr.endswith("\n"), r.stderr
    assert "Usage:" not in r.stderr and "Try '" not in r.stderr and "Error:" not in r.stderr
    return r.stderr.rstrip("\n")


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["list", "--foo"], "annobib list: no such option: --foo; did you mean --format? (see 'annobib list --help')"),
        (["search", "--nope", "x"], "annobib search: no such option: --nope (a query that starts with - goes after --"),
        (["validate", "--strictt"], "annobib validate: no such option: --strictt; did you mean --strict?"),
        (["--frob", "list"], "annobib: no such option: --frob (see 'annobib --help')"),
        (["config", "show", "--zz"], "annobib config show: no such option: --zz (see 'annobib config show --help')"),
    ],
)
def test_unknown_option(args, line):
    assert _one_line(args).startswith(line)


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["show"], "annobib show: missing argument 'KEYS...' (see 'annobib show --help')"),
        (["annotate"], "annobib annotate: missing argument 'KEY' (see 'annobib annotate --help')"),
        (
            ["completion"],
            "annobib completion: missing argument '{bash|zsh|fish}'. Choose from: bash, zsh, fish "
            "(see 'annobib completion --help')",
        ),
    ],
)
def test_missing_argument(args, line):
    assert _one_line(args) == line


def test_missing_option_value_names_the_command():
    # Click raises this one without a context: the line still names the command
    assert _one_line(["list", "--limit"]) == (
        "annobib list: option '--limit' requires an argument (see 'annobib list --help')"
    )


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ["format", "--style", "nope"],
            "annobib format: invalid value for '--style': 'nope' is not one of 'gbt7714', 'apa', 'cn-notes', "
            "'chicago' (see 'annobib format --help')",
        ),
        (["completion", "tcsh"], "annobib completion: invalid value for '{bash|zsh|fish}': 'tcsh' is not one of"),
    ],
)
def test_bad_choice(args, line):
    assert _one_line(args).startswith(line)


@pytest.mark.parametrize(("command", "shown"), [("list", "'-n' / '--limit'"), ("search", "'--limit'")])
def test_bad_int(command, shown):
    line = _one_line([command, "--limit", "abc"])
    assert line == (
        f"annobib {command}: invalid value for {shown}: 'abc' is not a valid integer range "
        f"(see 'annobib {command} --help')"
    )


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["lsit"], "annobib: no such command: lsit; did you mean list? (see 'annobib --help')"),
        (["serch", "x"], "annobib: no such command: serch; did you mean search? (see 'annobib --help')"),
        (["no-such-command"], "annobib: no such command: no-such-command (see 'annobib --help')"),
        (["config", "shwo"], "annobib config: no such command: shwo; did you mean show? (see 'annobib config --help')"),
    ],
)
def test_unknown_command(args, line):
    assert _one_line(args) == line


def test_values_echoed_are_sanitized():
    # an escape sequence or a line break typed as an option or command is shown, never obeyed
    line = _one_line(["list", "--\x1b[31mfoo\nbar"])
    assert "\x1b" not in line and "\\x1b[31mfoo" in line
    line = _one_line(["list", "--limit", "\x1b]0;title\x07"])
    assert "\x1b" not in line and "\x07" not in line and "\\x1b]0;title\\x07" in line
    line = _one_line(["\x1b[2Jlsit"])
    assert line == "annobib: no such command: \\x1b[2Jlsit (see 'annobib --help')"


def test_a_group_without_its_command_still_shows_help():
    r = run_cli(["config", "--help"])
    assert r.exit_code == 0 and "Usage: annobib config" in r.stdout


def test_a_real_process_prints_the_same_one_line():
    cli = Path(__file__).resolve().parents[1] / "cli"
    done = subprocess.run(
        [sys.executable, "-m", "annobib", "list", "--foo"],
        env=dict(os.environ, PYTHONPATH=str(cli)),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == "annobib list: no such option: --foo; did you mean --format? (see 'annobib list --help')\n"
