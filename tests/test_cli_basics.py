from conftest import run_cli


COMMANDS = [
    "extract",
    "list",
    "show",
    "search",
    "stats",
    "validate",
    "format",
    "cite",
    "pandoc-filter",
    "check-links",
    "archive",
    "verify",
    "annotate",
    "add",
    "edit",
    "tag",
    "rm",
    "export",
    "import",
    "config",
    "init",
    "open",
    "undo",
    "completion",
]


def test_help_lists_every_command_and_exits_zero():
    from annobib.cli import COMMANDS as REGISTERED

    result = run_cli(["--help"])
    assert result.exit_code == 0
    assert "Usage: annobib" in result.stdout
    listed = [line.split()[0] for line in result.stdout.split("Commands:")[1].splitlines() if line.strip()]
    assert listed == COMMANDS  # each command, in the order of the help (a lost one fails)
    assert sorted(REGISTERED) == sorted(COMMANDS)  # and nothing registered goes unlisted
    for name in COMMANDS:  # each one loads and has its own help
        r = run_cli([name, "--help"])
        assert r.exit_code == 0 and f"Usage: annobib {name}" in r.stdout, (name, r.stderr)


def test_unknown_command_is_a_usage_error():
    result = run_cli(["no-such-command"])
    assert result.exit_code == 2
    assert result.stderr == "annobib: no such command: no-such-command (see 'annobib --help')\n"
    assert "Traceback" not in result.stderr
