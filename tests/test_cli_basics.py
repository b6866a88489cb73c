from conftest import run_cli


def test_help_lists_commands_and_exits_zero():
    result = run_cli(["--help"])
    assert result.exit_code == 0
    assert "Usage: annobib" in result.stdout


def test_unknown_command_is_a_usage_error():
    result = run_cli(["no-such-command"])
    assert result.exit_code == 2
    assert "No such command" in result.stderr
    assert "Traceback" not in result.stderr
