"""Hostile round 13: an undo lost silently. With the state folder unwritable (read-only, a full
disk) a write landed without a journal record and ``undo`` then said only "nothing to undo"; a
kill between the .bib's rename and the record had the same effect. Now the write still lands and
says one warning line; the record is made before the rename, so a kill after it leaves a write
that can be undone, and a kill before it leaves a record ``undo`` passes over."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys

import pytest

from annobib.core import journal
from conftest import REPO, run_cli

BIB = "@article{a,\n  title = {Alliances},\n  date = {1991},\n}\n"


@pytest.fixture
def bib(tmp_path, monkeypatch):
    monkeypatch.setenv("ANNOBIB_STATE_DIR", str(tmp_path / "state"))
    path = tmp_path / "refs.bib"
    path.write_text(BIB, encoding="utf-8")
    return path


def _warnings(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("annobib: warning:")]


def test_a_state_folder_that_cannot_be_written_warns_and_undo_says_why(bib, tmp_path, monkeypatch):
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the state folder should be")  # refused even to root
    monkeypatch.setenv("ANNOBIB_STATE_DIR", str(blocker / "state"))
    r = run_cli(["--bib", str(bib), "tag", "a", "+read"])
    assert r.exit_code == 0, r.stderr
    assert "read" in bib.read_text()  # the write stands
    (line,) = _warnings(r.stderr)
    assert "cannot be undone" in line and "journal" in line and str(bib) in line, line
    r = run_cli(["--bib", str(bib), "undo"])
    assert r.exit_code == 1 and "nothing to undo" in r.stderr
    assert "cannot be written" in r.stderr and "not recorded" in r.stderr, r.stderr
    assert "read" in bib.read_text()


def test_a_full_disk_under_the_journal_warns_once_and_leaves_no_half_record(bib, monkeypatch):
    def full(path, *args, **kwargs):
        if path.name.endswith(".json"):  # the .before went in; its .json finds the disk full
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(path, *args, **kwargs)

    real = journal.atomic_write_bytes
    monkeypatch.setattr(journal, "atomic_write_bytes", full)
    r = run_cli(["--bib", str(bib), "tag", "a", "+read"])
    assert r.exit_code == 0 and "read" in bib.read_text(), r.stderr
    (line,) = _warnings(r.stderr)
    assert "cannot be undone" in line, line
    assert os.listdir(journal.journal_dir()) == []  # the lone .before is not kept as litter
    monkeypatch.setattr(journal, "atomic_write_bytes", real)
    r = run_cli(["--bib", str(bib), "tag", "a", "+later"])
    assert r.exit_code == 0 and _warnings(r.stderr) == [], r.stderr  # a writable journal: silent


def test_a_write_that_fails_leaves_no_record_to_undo(bib, monkeypatch):
    from annobib.core import files

    def broken(*args, **kwargs):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(files, "atomic_write_bytes", broken)
    r = run_cli(["--bib", str(bib), "tag", "a", "+read"])
    assert r.exit_code != 0 and bib.read_text() == BIB
    assert journal.records() == []


# a writer killed (SIGKILL) just before or just after the .bib is replaced
_KILLED = """
import os, signal, sys
from annobib.core import files
real = files.atomic_write_bytes
def write(path, *args, **kwargs):
    if str(path).endswith("refs.bib"):
        if sys.argv[1] == "after":
            real(path, *args, **kwargs)
        os.kill(os.getpid(), signal.SIGKILL)
    return real(path, *args, **kwargs)
files.atomic_write_bytes = write
from annobib.cli import main
main(sys.argv[2:])
"""


def _killed_tag(when: str, bib, word: str) -> None:
    env = dict(os.environ, PYTHONPATH=str(REPO / "cli"))
    args = [sys.executable, "-c", _KILLED, when, "--bib", str(bib), "tag", "a", word]
    done = subprocess.run(args, env=env, capture_output=True, timeout=120)
    assert done.returncode == -signal.SIGKILL, done.stderr


def test_a_kill_after_the_rename_leaves_a_write_that_can_be_undone(bib):
    _killed_tag("after", bib, "+read")
    assert "read" in bib.read_text()
    r = run_cli(["--bib", str(bib), "undo"])
    assert r.exit_code == 0, r.stderr
    assert bib.read_text() == BIB


def test_a_kill_before_the_rename_is_passed_over_by_undo(bib):
    assert run_cli(["--bib", str(bib), "tag", "a", "+first"]).exit_code == 0
    tagged = bib.read_bytes()
    _killed_tag("before", bib, "+second")
    assert bib.read_bytes() == tagged  # the killed write never landed
    r = run_cli(["--bib", str(bib), "undo"])
    assert r.exit_code == 0, r.stderr
    assert "interrupted before it landed" in r.stderr and "passed over" in r.stderr, r.stderr
    assert bib.read_text() == BIB  # the write before it was undone
    assert journal.records() == []


def test_a_probe_left_by_a_killed_undo_is_cleared_by_the_next_write(bib):
    folder = journal.journal_dir()
    folder.mkdir(parents=True)
    old, fresh = folder / ".probe-killed", folder / ".probe-running"
    for probe in (old, fresh):
        probe.write_bytes(b"x")
    os.utime(old, (1, 1))
    assert run_cli(["--bib", str(bib), "tag", "a", "+read"]).exit_code == 0
    assert not old.exists() and fresh.exists()  # a probe being written now is left alone
