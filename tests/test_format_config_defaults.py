"""Config and environment defaults of format/cite: a default that does not apply to the chosen
style is ignored; only a typed conflicting option is a usage error (one line, exit 2)."""

from __future__ import annotations

import pytest

from conftest import ARTICLE_BIB, run_cli

KEY = "liu2025meifei"
EXAMPLE = '[format]\nstyle = "apa"\nedition = "2015"\nsystem = "author-date"\n'  # docs/configuration.md


@pytest.fixture()
def example_config(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(EXAMPLE, encoding="utf-8")
    return {"ANNOBIB_CONFIG": str(path), "ANNOBIB_CACHE_DIR": str(tmp_path / "cache")}


def no_config(tmp_path, **extra):
    return {"ANNOBIB_CONFIG": str(tmp_path / "none.toml"), "ANNOBIB_CACHE_DIR": str(tmp_path / "cache"), **extra}


def test_the_documented_example_config_formats_and_cites(example_config):
    r = run_cli(["--bib", str(ARTICLE_BIB), "format", KEY, "--to", "text"], env=example_config)
    assert r.exit_code == 0, r.stderr
    assert r.stdout.startswith("Liu, L. (2025)")  # the config's style, its edition ignored
    r = run_cli(["--bib", str(ARTICLE_BIB), "cite", KEY], env=example_config)
    assert (r.exit_code, r.stdout.strip()) == (0, "(Liu, 2025)")
    # the config's edition and system apply where they make sense: GB/T typed on the line
    r = run_cli(["--bib", str(ARTICLE_BIB), "cite", "--style", "gbt7714", KEY], env=example_config)
    assert (r.exit_code, r.stdout.strip()) == (0, "(刘琳, 2025)")


@pytest.mark.parametrize("style", ["apa", "chicago", "cn-notes"])
def test_an_edition_from_the_environment_is_ignored_by_other_styles(tmp_path, style):
    r = run_cli(
        ["--bib", str(ARTICLE_BIB), "format", "--style", style, KEY], env=no_config(tmp_path, ANNOBIB_EDITION="2015")
    )
    assert r.exit_code == 0, r.stderr
    assert "edition" not in r.stderr


@pytest.mark.parametrize("command", ["format", "cite"])
@pytest.mark.parametrize("style", ["apa", "chicago", "cn-notes"])
def test_a_typed_edition_with_another_style_is_one_usage_line(tmp_path, command, style):
    r = run_cli(
        ["--bib", str(ARTICLE_BIB), command, "--style", style, "--edition", "2015", KEY], env=no_config(tmp_path)
    )
    assert r.exit_code == 2
    assert "--edition applies to --style gbt7714 only" in r.stderr
    assert "internal error" not in r.stderr
    assert len(r.stderr.strip().splitlines()) <= 3  # Click's usage line, hint and the error; no traceback


def test_a_gbt_system_from_the_config_is_ignored_by_a_note_style(tmp_path):
    env = no_config(tmp_path, ANNOBIB_CITATION_SYSTEM="author-date")
    plain = run_cli(["--bib", str(ARTICLE_BIB), "format", "--style", "chicago", KEY], env=no_config(tmp_path))
    r = run_cli(["--bib", str(ARTICLE_BIB), "format", "--style", "chicago", KEY], env=env)
    assert (r.exit_code, r.stdout) == (0, plain.stdout)
    # typed, the same conflict is a usage error
    r = run_cli(["--bib", str(ARTICLE_BIB), "format", "--style", "chicago", "--system", "author-date", KEY], env=env)
    assert r.exit_code == 2 and "internal error" not in r.stderr


def test_the_library_refuses_an_unknown_edition_as_a_usage_error():
    from annobib.errors import InputError
    from annobib.styles import format_entry

    with pytest.raises(InputError, match="chicago has no edition '2015'"):
        format_entry(None, style="chicago", edition="2015")


def test_the_romanization_warning_is_grammatical_and_names_the_real_option(tmp_path):
    r = run_cli(["--bib", str(ARTICLE_BIB), "format", "--style", "apa", KEY], env=no_config(tmp_path))
    assert "1 entry uses suggested romanizations or lacks a translation (see annobib format -v;" in r.stderr
    r = run_cli(["--bib", str(ARTICLE_BIB), "format", "--style", "apa", "-v", KEY], env=no_config(tmp_path))
    assert r.exit_code == 0 and "romaniz" in r.stderr  # the option the summary points to exists
