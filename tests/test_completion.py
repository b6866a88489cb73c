"""Shell completion: the scripts, a real TAB through Click's ``_ANNOBIB_COMPLETE`` protocol in a
subprocess (commands, options, citation keys from the lookup cache), and ``--install``."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import ARTICLE_BIB, run_cli

BIB = """@article{liu2025meifei, author = {刘琳}, title = {美菲}, year = {2025}}
@article{lindsay2024election, author = {Lindsay, James}, title = {Election}, year = {2024}}
@book{morrow1991alliances, author = {Morrow, James D.}, title = {Alliances}, year = {1991}}
"""


def tab(words: str, tmp_path, env_extra: dict | None = None) -> list[str]:
    """What bash would offer for the last word of ``words`` (a real process, as on a TAB)."""
    parts = words.split(" ")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ANNOBIB_", "COMP_"))}
    env.update(
        {
            "_ANNOBIB_COMPLETE": "bash_complete",
            "COMP_WORDS": words,
            "COMP_CWORD": str(len(parts) - 1),
            "ANNOBIB_CACHE_DIR": str(tmp_path / "cache"),
        },
        **(env_extra or {}),
    )
    out = subprocess.run(
        [sys.executable, "-m", "annobib"], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr
    assert out.stderr == ""
    return [line.split(",", 1)[1] for line in out.stdout.splitlines() if line]


@pytest.fixture()
def bib(tmp_path):
    path = tmp_path / "mine.bib"
    path.write_text(BIB, encoding="utf-8")
    return path


def test_commands_and_options_complete(tmp_path):
    assert "completion" in tab("annobib comp", tmp_path)
    assert set(tab("annobib s", tmp_path)) >= {"show", "search", "stats"}
    assert "--bibtex" in tab("annobib show --bib", tmp_path)


def test_keys_complete_from_the_chosen_bibliography(tmp_path, bib):
    # prefix matches first, then keys holding the word (morrow1991a-lli-ances)
    assert tab(f"annobib --bib {bib} show li", tmp_path) == [
        "liu2025meifei",
        "lindsay2024election",
        "morrow1991alliances",
    ]
    # a key already given is not offered again; the environment variable chooses the file too
    assert tab("annobib format liu2025meifei lin", tmp_path, {"ANNOBIB_BIB": str(bib)}) == ["lindsay2024election"]
    assert tab("annobib cite MOR", tmp_path, {"ANNOBIB_BIB": str(bib)}) == ["morrow1991alliances"]
    assert tab("annobib edit 1991", tmp_path, {"ANNOBIB_BIB": str(bib)}) == ["morrow1991alliances"]


def test_keys_complete_from_a_bib_given_after_the_command(tmp_path, bib):
    # README: --bib goes before or after the command; completion reads it in both places
    assert tab(f"annobib show --bib {bib} li", tmp_path)[:2] == ["liu2025meifei", "lindsay2024election"]
    assert tab(f"annobib format --bib={bib} mor", tmp_path) == ["morrow1991alliances"]
    other = tmp_path / "other.bib"
    other.write_text("@book{zhou2020guoji, title = {国际}, year = {2020}}\n", encoding="utf-8")
    # two files merged, one before the command and one after; $ANNOBIB_BIB is overridden
    line = f"annobib --bib {bib} cite --bib {other} z"
    assert tab(line, tmp_path, {"ANNOBIB_BIB": str(tmp_path / "none.bib")}) == ["zhou2020guoji"]
    assert "liu2025meifei" in tab(f"annobib --bib {bib} cite --bib {other} li", tmp_path)


def test_no_bibliography_offers_nothing_and_prints_no_error(tmp_path):
    assert tab("annobib show li", tmp_path) == []
    assert tab(f"annobib --bib {tmp_path / 'missing.bib'} show li", tmp_path) == []


@pytest.mark.parametrize(
    "shell, marker",
    [("bash", "complete -o nosort -F"), ("zsh", "#compdef annobib"), ("fish", "complete --no-files --command annobib")],
)
def test_scripts_print(shell, marker):
    r = run_cli(["completion", shell])
    assert r.exit_code == 0, r.stderr
    assert marker in r.stdout and "_ANNOBIB_COMPLETE" in r.stdout


def test_install_writes_where_the_shell_looks(tmp_path):
    env = {"HOME": str(tmp_path), "XDG_DATA_HOME": None, "XDG_CONFIG_HOME": None}
    for shell, where in [
        ("bash", ".local/share/bash-completion/completions/annobib"),
        ("zsh", ".zfunc/_annobib"),
        ("fish", ".config/fish/completions/annobib.fish"),
    ]:
        r = run_cli(["completion", shell, "--install"], env=env)
        assert r.exit_code == 0, r.stderr
        assert (tmp_path / where).read_text(encoding="utf-8").startswith(run_cli(["completion", shell]).stdout[:40])
        assert str(tmp_path / where) in r.stderr


def test_unknown_shell_is_a_usage_error():
    r = run_cli(["completion", "tcsh"])
    assert r.exit_code == 2 and "tcsh" in r.stderr


def test_seed_keys_complete(tmp_path):
    keys = tab(f"annobib --bib {ARTICLE_BIB} show liu2025", tmp_path)
    assert keys == ["liu2025meifei"]


def test_the_bash_script_completes_in_bash(tmp_path, bib):
    """The printed script, loaded into a real bash, fills COMPREPLY with keys."""
    import shutil

    if not shutil.which("bash"):
        pytest.skip("no bash")
    script = run_cli(["completion", "bash"]).stdout
    (tmp_path / "annobib").write_text(f'#!/bin/sh\nexec {sys.executable} -m annobib "$@"\n', encoding="utf-8")
    (tmp_path / "annobib").chmod(0o755)
    env = {
        **os.environ,
        "PATH": f"{tmp_path}{os.pathsep}{os.environ['PATH']}",
        "ANNOBIB_BIB": str(bib),
        "ANNOBIB_CACHE_DIR": str(tmp_path / "cache"),
    }
    body = (
        script + '\nCOMP_WORDS=(annobib show mor); COMP_CWORD=2; _annobib_completion annobib; echo "${COMPREPLY[@]}"\n'
    )
    out = subprocess.run(["bash", "-c", body], env=env, capture_output=True, text=True, timeout=60)
    assert out.stdout.split() == ["morrow1991alliances"], out.stderr
