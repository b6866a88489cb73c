"""Completion with hostile keys (round 8): a key holding ESC is not offered (the shell would show
it raw), ``-rf`` is not offered (it would be read as an option), and the real bash script puts
``k*``, ``a$(touch …)b`` and backquotes on the line quoted: nothing globbed, split or run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from annobib.commands.completion import script

KEYS = ["a$(touch PWNED1)b", "`touch PWNED2`", "k\x1b[2J", "-rf", "k*", "k\\x"]


@pytest.fixture
def folder(tmp_path):
    bib = tmp_path / "k.bib"
    bib.write_text("".join(f"@misc{{{k}, title={{x}}, date={{2020}}}}\n" for k in KEYS), encoding="utf-8")
    (tmp_path / "kfile.txt").write_text("a file a glob would find", encoding="utf-8")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    wrapper = bin_dir / "annobib"
    wrapper.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m annobib "$@"\n', encoding="utf-8")
    wrapper.chmod(0o755)
    return tmp_path


def _answer(folder, words: list[str], shell: str = "bash") -> str:
    env = {
        **os.environ,
        "_ANNOBIB_COMPLETE": f"{shell}_complete",
        "COMP_WORDS": " ".join(words),
        # fish passes the word being completed, the others its index
        "COMP_CWORD": words[-1] if shell == "fish" else str(len(words) - 1),
    }
    r = subprocess.run(["annobib"], cwd=folder, env={**env, "PATH": f"{folder / 'bin'}:{env['PATH']}"}, **_RUN)
    return r.stdout


_RUN = dict(capture_output=True, text=True, timeout=60)


def test_unsafe_keys_are_not_offered(folder):
    for shell in ("bash", "zsh", "fish"):
        out = _answer(folder, ["annobib", "--bib", "k.bib", "show", ""], shell)
        assert "\x1b" not in out and "-rf" not in out
        assert "k*" in out and "touch PWNED2" in out, shell


@pytest.mark.skipif(shutil.which("bash") is None, reason="no bash")
@pytest.mark.parametrize(
    "typed, offered",
    [
        ("k", ["k\\*", "k\\\\x"]),
        ("a", ["a\\$\\(touch\\ PWNED1\\)b"]),
        ("\\`", ["\\`touch\\ PWNED2\\`"]),
    ],
)
def test_bash_puts_candidates_on_the_line_quoted(folder, typed, offered):
    (folder / "completion.bash").write_text(script("bash"), encoding="utf-8")
    words = f"annobib --bib k.bib show {typed}"
    probe = (
        "source completion.bash\n"
        f"COMP_WORDS=({words}); COMP_CWORD=4\n"
        "_annobib_completion annobib\n"
        "printf '%s\\n' \"${COMPREPLY[@]}\"\n"
    )
    env = {**os.environ, "PATH": f"{folder / 'bin'}:{os.environ['PATH']}", "LC_ALL": "C.UTF-8"}
    r = subprocess.run(["bash", "--norc", "-c", probe], cwd=folder, env=env, **_RUN)
    assert r.returncode == 0, r.stderr
    assert sorted(r.stdout.splitlines()) == sorted(offered)
    assert "kfile.txt" not in r.stdout  # not globbed
    assert not list(folder.glob("PWNED*"))
    # the quoted word is the key again for the shell
    for line in r.stdout.splitlines():
        back = subprocess.run(["bash", "--norc", "-c", f"printf '%s' {line}"], cwd=folder, **_RUN).stdout
        assert back in KEYS


def test_the_scripts_quote_what_they_insert():
    bash = script("bash")
    assert "read -r type value" in bash and 'COMPREPLY+=("$value")' in bash and "COMPREPLY+=($value)" not in bash
    assert "printf -v value '%q'" in bash
    assert 'string split -m 1 ","' in script("fish")
    assert "compadd -U -V unsorted -a completions" in script("zsh") and "-Q" not in script("zsh")
