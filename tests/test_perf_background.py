"""Cache writes left to a detached process: the command answers first, the file still lands."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from annobib import perf

REPO = Path(__file__).resolve().parents[1]


def test_in_process_callers_write_at_once(tmp_path):
    target = tmp_path / "now.txt"
    assert perf.BACKGROUND is False  # only the command-line entry point turns it on
    perf.soon(lambda: target.write_text("done"))
    assert target.read_text() == "done"


def test_a_command_process_answers_before_the_write_lands(tmp_path):
    target = tmp_path / "later.txt"
    code = (
        "import sys, time\n"
        "from annobib import perf\n"
        "perf.BACKGROUND = True\n"
        f"perf.soon(lambda: (time.sleep(3), open({str(target)!r}, 'w').write('done')))\n"
        "print('answered', flush=True)\n"
    )
    env = dict(os.environ, PYTHONPATH=str(REPO / "cli"))
    # capture_output: the run ends only when every holder of the pipes has closed them, so this
    # also proves the worker let go of stdout/stderr at once
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=30)
    assert done.returncode == 0 and done.stdout == "answered\n", done.stderr
    assert not target.exists()  # had the process waited for the worker, the file would be there
    deadline = time.monotonic() + 20
    while not target.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert target.read_text() == "done"
