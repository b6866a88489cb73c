"""Files under 1 MB of many small entries (issue 12: no run over 1 s), third round: `validate`
of 100,000-260,000 findings and `format --style apa` of 10,000 articles do less per finding
and per entry, with exactly the output as before. Work is counted, not timed."""

from __future__ import annotations

import gc

from annobib import perf

# --------------------------------------------------------------------------- the collector


def test_a_command_process_freezes_what_a_bulk_job_made(monkeypatch):
    """The young generation counts every object made while the collector is paused: the first
    allocation after the pause walked them all (0.07-0.15 s of a 1-2 s `validate`, nothing freed)."""
    monkeypatch.setattr(perf, "_FREEZE_AFTER_PAUSE", True)
    was = gc.isenabled()
    gc.enable()
    try:
        with perf.paused_gc():
            made = [[] for _ in range(20_000)]
        assert gc.get_count()[0] < 1_000  # nothing left for a young collection to walk
        assert gc.get_freeze_count() >= len(made)
    finally:
        gc.unfreeze()
        if not was:
            gc.disable()


def test_outside_a_command_process_nothing_is_frozen(monkeypatch):
    monkeypatch.setattr(perf, "_FREEZE_AFTER_PAUSE", False)
    before = gc.get_freeze_count()
    with perf.paused_gc():
        [[] for _ in range(1_000)]
    assert gc.get_freeze_count() == before  # a test run or a library caller lives on: collect as usual


def test_the_entry_point_asks_for_freezing():
    import subprocess
    import sys

    code = "import sys; from annobib import cli, perf; sys.argv=['annobib','--version']\ntry: cli.main()\nexcept SystemExit: pass\nprint(perf._FREEZE_AFTER_PAUSE, file=sys.stderr)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.stderr.strip().endswith("True"), done.stderr
