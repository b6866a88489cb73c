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


# --------------------------------------------------------------------------- the end of a process


def test_keep_to_the_end_holds_only_in_a_command_process(monkeypatch):
    monkeypatch.setattr(perf, "_KEPT", [])
    monkeypatch.setattr(perf, "_FREEZE_AFTER_PAUSE", False)
    perf.keep_to_the_end([1])
    assert perf._KEPT == []  # a test run or a library caller lives on: nothing held
    monkeypatch.setattr(perf, "_FREEZE_AFTER_PAUSE", True)
    perf.keep_to_the_end([1], "x")
    assert perf._KEPT == [[1], "x"]


def test_validate_keeps_its_findings_and_lines_to_the_end(monkeypatch, tmp_path):
    """The process ends at once after `validate`: its findings and lines are not freed one by one."""
    from conftest import run_cli

    kept: list = []
    monkeypatch.setattr(perf, "keep_to_the_end", lambda *objects: kept.extend(objects))
    bib = tmp_path / "a.bib"
    bib.write_text("@misc{a,year={2001}}\n@misc{b,year={2002}}\n", encoding="utf-8")
    assert run_cli(["validate", str(bib)]).exit_code == 1
    outcomes = [o for o in kept if hasattr(o, "findings")]
    assert outcomes and len(outcomes[0].findings) == 6
    assert any(isinstance(o, list) and len(o) > 6 and all(isinstance(x, str) for x in o) for o in kept)
