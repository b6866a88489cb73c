"""A reader that goes away (``annobib stats | head -c 1``) is no error: every reading command
exits 0 and says nothing, whoever writes the output (click, Rich, our own writers)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import ARTICLE_BIB, REPO

COMMANDS = [
    ["stats"],
    ["config", "show"],
    ["list"],
    ["show", "liu2025meifei"],
    ["format"],
    ["export", "--to", "csl-json"],
    ["search", "war"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c))
def test_a_reader_gone_away_is_exit_0_and_silent(command):
    env = dict(os.environ, PYTHONPATH=str(REPO / "cli"), COLUMNS="100")
    proc = subprocess.Popen(
        [sys.executable, "-m", "annobib", "--bib", str(ARTICLE_BIB), *command],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    proc.stdout.close()  # gone before the first write: every write meets EPIPE
    err = proc.stderr.read().decode()
    assert proc.wait(60) == 0, err
    assert "error" not in err and "Traceback" not in err, err
