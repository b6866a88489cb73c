"""``annobib completion SHELL``: the shell-completion script for bash, zsh or fish.

The script is Click's: on each TAB the shell runs ``annobib`` with ``_ANNOBIB_COMPLETE`` set, and
annobib answers with commands, options and, for KEY arguments, the citation keys of the
bibliography (read through the lookup cache, so a TAB costs one cached read, no parse).

``--install`` writes it where the shell loads completions by itself:

* bash: ``$XDG_DATA_HOME/bash-completion/completions/annobib`` (bash-completion 2 loads it
  the first time ``annobib`` is completed);
* zsh: ``~/.zfunc/_annobib`` (zsh has no per-user default: add ``fpath+=~/.zfunc`` before
  ``compinit`` in ~/.zshrc; the command says so);
* fish: ``$XDG_CONFIG_HOME/fish/completions/annobib.fish`` (fish loads it by itself).
"""

from __future__ import annotations

import os
from pathlib import Path

import click

from annobib.cli import cli
from annobib.core.dirs import make_dirs
from annobib.core.files import atomic_write_bytes
from annobib.errors import InputError, os_reason

SHELLS = ("bash", "zsh", "fish")
COMPLETE_VAR = "_ANNOBIB_COMPLETE"


def script(shell: str) -> str:
    """The completion script for ``shell`` (Click's, bound to the ``annobib`` command)."""
    # lazy: loads click.shell_completion only when this runs
    from click.shell_completion import get_completion_class

    cls = get_completion_class(shell)
    assert cls is not None  # SHELLS are all Click's
    text = cls(cli, {}, "annobib", COMPLETE_VAR).source()
    for old, new in SAFER.get(shell, ()):
        text = text.replace(old, new)
    return text


# Click's scripts, made safe for any key a .bib may hold (``k*``, ``a$(touch x)b``, a comma):
# bash read the answer without -r (backslashes eaten) and added it unquoted to COMPREPLY
# (globbed against the current folder, split at blanks), then put it on the line as it came
# (a ``$(…)`` ran on Enter): now read raw, quoted with printf %q, added as one word. fish split
# a value at every comma. zsh's compadd quotes what it inserts by itself. Control characters
# never reach a shell: complete_keys offers no key that holds one.
SAFER = {
    "bash": (
        ("IFS=',' read type value", "IFS=',' read -r type value"),
        (
            "            COMPREPLY+=($value)",
            '            printf -v value \'%q\' "$value"\n            COMPREPLY+=("$value")',
        ),
    ),
    "fish": (('(string split "," $completion)', '(string split -m 1 "," -- $completion)'),),
}


def install_path(shell: str, env=None) -> Path:
    """Where ``--install`` writes the script for ``shell`` (see the module docstring)."""
    env = os.environ if env is None else env
    home = Path(env.get("HOME") or Path.home())
    if shell == "bash":
        data = Path(env.get("XDG_DATA_HOME") or home / ".local" / "share")
        return data / "bash-completion" / "completions" / "annobib"
    if shell == "zsh":
        return home / ".zfunc" / "_annobib"
    config = Path(env.get("XDG_CONFIG_HOME") or home / ".config")
    return config / "fish" / "completions" / "annobib.fish"


AFTER_INSTALL = {
    "bash": "open a new shell (needs the bash-completion package)",
    "zsh": "add `fpath+=~/.zfunc` before `compinit` in ~/.zshrc, then open a new shell",
    "fish": "open a new shell",
}


@click.command("completion")
@click.argument("shell", type=click.Choice(SHELLS))
@click.option("--install", is_flag=True, help="Write the script where the shell loads it, instead of printing it.")
def completion(shell: str, install: bool) -> None:
    """Shell completion for bash, zsh or fish: commands, options and citation keys.

    \b
    Examples:
      annobib completion bash --install          (or, in ~/.bashrc:)
      eval "$(annobib completion bash)"
      annobib completion zsh --install
      annobib completion fish > ~/.config/fish/completions/annobib.fish
    """
    text = script(shell)
    if not install:
        click.echo(text)
        return

    path = install_path(shell)
    try:
        make_dirs(path.parent)
        atomic_write_bytes(path, (text + "\n").encode("utf-8"))
    except OSError as exc:
        raise InputError(f"cannot write {path}: {os_reason(exc)}") from None
    click.echo(f"annobib: wrote {path}; {AFTER_INSTALL[shell]}", err=True)
