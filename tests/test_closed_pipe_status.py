"""A reader that goes away (``annobib stats | head -c 10``) is no error: the reading commands
exit as they would have, silently. Rich's console exited 1 on it (`stats`, `config`)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import ARTICLE_BIB

# one of each way of printing: Rich console (stats, config, show), bulk text (list), JSON
READING = [["stats"], ["config"], ["show", "sen2025national"], ["list"], ["search", "--json", "a"]]


def _closed_early(args: list[str], tmp_path) -> subprocess.CompletedProcess:
    """``annobib ARGS | head -c 10``: the reader closes after 10 bytes."""
    env = dict(os.environ, ANNOBIB_CACHE_DIR=str(tmp_path / "cache"), ANNOBIB_CONFIG=str(tmp_path / "none.toml"))
    env.pop("NO_COLOR", None)
    cmd = [sys.executable, "-m", "annobib", "--bib", str(ARTICLE_BIB), *args]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=tmp_path)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(10)
    proc.stdout.close()
    err = proc.stderr.read()
    proc.wait(60)
    return subprocess.CompletedProcess(cmd, proc.returncode, b"", err)


@pytest.mark.parametrize("args", READING, ids=" ".join)
def test_a_reader_that_goes_away_is_no_error(args, tmp_path):
    r = _closed_early(args, tmp_path)
    assert r.returncode == 0, (args, r.returncode, r.stderr)
    assert b"Traceback" not in r.stderr and b"error" not in r.stderr
