"""A reader that goes away (``annobib stats | head -c 1``) is no error: every reading command
exits 0 and says nothing, whoever writes the output (click, Rich's console, our own writers).
Click and Rich each turned EPIPE into exit 1 (``stats``, ``config``)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import ARTICLE_BIB, REPO

# one of each way of printing: Rich console (stats, config, show), bulk text (list), JSON, styles
COMMANDS = [
    ["stats"],
    ["config"],
    ["config", "show"],
    ["list"],
    ["show", "liu2025meifei"],
    ["format"],
    ["export", "--to", "csl-json"],
    ["search", "war"],
    ["search", "--json", "a"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
@pytest.mark.parametrize("read_first", [0, 10])
def test_a_reader_gone_away_is_exit_0_and_silent(command, read_first, tmp_path):
    env = dict(
        os.environ,
        PYTHONPATH=str(REPO / "cli"),
        COLUMNS="100",
        ANNOBIB_CACHE_DIR=str(tmp_path / "cache"),
        ANNOBIB_CONFIG=str(tmp_path / "none.toml"),
    )
    env.pop("NO_COLOR", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "annobib", "--bib", str(ARTICLE_BIB), *command],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=tmp_path,
    )
    # 0: gone before the first write, so every write meets EPIPE (deterministic); 10: `| head -c 10`
    proc.stdout.read(read_first)
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(60) == 0, err
    assert "error" not in err and "Traceback" not in err, err
