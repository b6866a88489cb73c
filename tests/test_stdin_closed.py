"""Round 10, F4: a command that reads standard input, started with stdin closed (``<&-``) or
not readable, says so in one line (exit 2), never an internal error. A real process each: the
guard is on the process's own stdin."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

BIB = "@article{lin2025, author = {林铎}, title = {中国牌}, journaltitle = {世界知识}, date = {2025}}\n"
PANDOC_FILTER = [sys.executable, "-c", "from annobib.commands.pandoc_filter import main; main()"]


def _run(argv, bib, how):
    def closed():
        os.close(0)

    def write_only():
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, 0)

    return subprocess.run(
        argv,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        timeout=60,
        env={**os.environ, "ANNOBIB_BIB": str(bib)},
        preexec_fn=closed if how == "closed" else write_only,
    )


@pytest.mark.parametrize("how", ["closed", "write-only"])
@pytest.mark.parametrize(
    "argv",
    [
        [sys.executable, "-m", "annobib", "annotate", "lin2025"],
        [sys.executable, "-m", "annobib", "import", "-"],
        [sys.executable, "-m", "annobib", "import", "--dry-run", "-"],
        PANDOC_FILTER,
    ],
    ids=["annotate", "import", "import-dry-run", "pandoc-filter"],
)
def test_a_closed_stdin_is_one_line_and_exit_2(tmp_path, argv, how):
    bib = tmp_path / "a.bib"
    bib.write_text(BIB, encoding="utf-8")
    p = _run(argv, bib, how)
    assert p.returncode == 2, p.stderr
    lines = p.stderr.strip().splitlines()
    assert len(lines) == 1 and "internal error" not in p.stderr and "Traceback" not in p.stderr, p.stderr
    assert "closed" in lines[0] or "cannot be read" in lines[0], lines[0]
    assert bib.read_text(encoding="utf-8") == BIB  # nothing written
