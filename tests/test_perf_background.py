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


def test_validate_leaves_its_parse_for_the_next_read(tmp_path, monkeypatch):
    """A command that read the file with bibtexparser keeps that work: a detached process turns
    its parse into the lookup view, so the next read (search, validate …) parses nothing."""
    from annobib.bib import library as bib_library
    from annobib.lookup import view as cache
    from annobib.lookup.view import PARSE_CACHE

    VIEW_AFTER = PARSE_CACHE.KEEP_AFTER

    bib = tmp_path / "many.bib"
    bib.write_text(
        "".join(f"@misc{{k{n}, title = {{Title number {n}}}, year = {{2001}}}}\n\n" for n in range(VIEW_AFTER + 50)),
        encoding="utf-8",
    )
    env = dict(os.environ, PYTHONPATH=str(REPO / "cli"), ANNOBIB_CACHE_DIR=str(tmp_path / "cache"))
    done = subprocess.run(
        [sys.executable, "-m", "annobib", "validate", "--format", "json", str(bib)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode in (0, 1), done.stderr
    deadline = time.monotonic() + 30
    while not list((tmp_path / "cache").glob("*.view")) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.2)  # the rename is atomic; give the worker a moment to exit
    parsed: list[int] = []
    real = bib_library.parse_chunks

    def counting(chunks):
        parsed.append(len(chunks))
        return real(chunks)

    monkeypatch.setenv("ANNOBIB_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(bib_library, "parse_chunks", counting)
    view = cache.load_view(bib)
    lib = bib_library.read_library(bib, store=PARSE_CACHE)
    assert parsed == []
    assert len(view) == len(lib.entries) == VIEW_AFTER + 50


def test_the_worker_leaves_the_cores_to_the_command(tmp_path):
    """A cold read of 50,000 entries leaves 2 s of cache building to the worker: at the normal
    priority it took one of two cores from `validate --fix`, which checks in two processes."""
    target = tmp_path / "niceness.txt"
    code = (
        "import os\n"
        "from annobib import perf\n"
        "perf.BACKGROUND = True\n"
        f"perf.soon(lambda: open({str(target)!r}, 'w').write(str(os.nice(0))))\n"
        "print(os.nice(0), flush=True)\n"
    )
    env = dict(os.environ, PYTHONPATH=str(REPO / "cli"))
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stderr
    deadline = time.monotonic() + 20
    while not (target.exists() and target.read_text()) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert int(done.stdout) < perf.WORKER_NICENESS  # the command itself keeps its priority
    assert int(target.read_text()) == perf.WORKER_NICENESS
