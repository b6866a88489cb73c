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


def _command(job: str, answer: str) -> subprocess.CompletedProcess:
    """A process that leaves ``job`` (Python source of a lambda) to perf.soon as a command does
    (BACKGROUND on), then prints ``answer``."""
    code = f"import os, sys, time\nfrom annobib import perf\nperf.BACKGROUND = True\nperf.soon({job})\nprint({answer}, flush=True)\n"
    env = dict(os.environ, PYTHONPATH=str(REPO / "cli"))
    # capture_output: the run ends only when every holder of the pipes has closed them
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=30)


def _landed(target: Path) -> str:
    """What the worker wrote to ``target`` ('' if nothing within 20 s)."""
    deadline = time.monotonic() + 20
    while not (target.exists() and target.read_text()) and time.monotonic() < deadline:
        time.sleep(0.05)
    return target.read_text() if target.exists() else ""


def test_a_command_process_answers_before_the_write_lands(tmp_path):
    target = tmp_path / "later.txt"
    done = _command(f"lambda: (time.sleep(3), open({str(target)!r}, 'w').write('done'))", "'answered'")
    # the pipes closed at once: the worker let go of stdout/stderr
    assert done.returncode == 0 and done.stdout == "answered\n", done.stderr
    assert not target.exists()  # had the process waited for the worker, the file would be there
    assert _landed(target) == "done"


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
    group = Path("/proc/self/autogroup")  # Linux: the cores are shared between sessions first
    grouped = group.exists() and Path("/proc/sys/kernel/sched_autogroup_enabled").read_text().strip() == "1"
    seen = "open('/proc/self/autogroup').read().split()[-1]" if grouped else "str(os.nice(0))"
    job = f"lambda: open({str(target)!r}, 'w').write(str(os.nice(0)) + ' ' + {seen})"
    done = _command(job, "os.nice(0)")
    assert done.returncode == 0, done.stderr
    assert _landed(target).split() == [str(perf.WORKER_NICENESS)] * 2  # itself and its session
    assert int(done.stdout) < perf.WORKER_NICENESS  # the command itself keeps its priority
