"""Writes under fire: ``kill -9`` in the middle of a write leaves the old file or the new one,
never a mix; a second writer between read and write makes annobib stop and lose nothing."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from conftest import REPO, run_cli

from annobib.bib import read_library

N = 120

WRITER = textwrap.dedent("""
    import sys, time
    from annobib.bib import read_library, write_library
    path = sys.argv[1]
    n = 0
    while True:
        n += 1
        lib = read_library(path)
        for e in lib.entries:
            e.fields["annote"] = f"round {n} " + "x" * 1500
        sys.stdout.write("W\\n"); sys.stdout.flush()
        t = time.perf_counter()
        write_library(lib)
        sys.stdout.write(f"D {time.perf_counter() - t}\\n"); sys.stdout.flush()
""")


def make_library(path):
    parts = []
    for i in range(N):
        parts.append(
            f"@article{{k{i},\n  author = {{Author {i}}},\n  title  = {{Title {i}}},\n"
            f"  date   = {{2025}},\n  annote = {{round 0 {'x' * 1500}}},\n}}\n"
        )
    path.write_text("\n".join(parts), encoding="utf-8")


def check_whole(path) -> int:
    lib = read_library(path)
    assert not lib.problems
    assert len(lib.entries) == N
    rounds = {e.fields["annote"].split()[1] for e in lib.entries}
    assert len(rounds) == 1, f"a mix of writes: rounds {sorted(rounds)[:5]}"
    return int(rounds.pop())


def test_kill_9_during_writes_leaves_old_or_new(tmp_path):
    path = tmp_path / "big.bib"
    make_library(path)
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO / "cli")}
    rng = random.Random(7)
    seen_rounds = set()
    deadline = time.monotonic() + 6
    kills = 0
    write_time = None
    while kills < 6 and time.monotonic() < deadline:
        child = subprocess.Popen([sys.executable, str(script), str(path)], stdout=subprocess.PIPE, env=env)
        if write_time is None:  # learn how long one whole write takes
            assert child.stdout.readline() == b"W\n"
            write_time = float(child.stdout.readline().split()[1])
        # kill at a random moment inside a write (from preparing the text to the rename)
        assert child.stdout.readline().startswith((b"W", b"D"))
        line = b""
        while not line.startswith(b"W"):
            line = child.stdout.readline()
        time.sleep(rng.uniform(0, write_time * 1.2))
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        kills += 1
        seen_rounds.add(check_whole(path))
    assert kills >= 3, kills
    assert max(seen_rounds) >= 1  # writes did land between the kills


def test_second_writer_between_read_and_write(tmp_path, monkeypatch):
    """Simulate another process writing after annobib read the file: annobib refuses."""
    path = tmp_path / "lib.bib"
    path.write_text("@book{a, title = {A}}\n", encoding="utf-8")
    import annobib.editing as editing

    real_save = editing.save

    def racing_save(lib, dry_run=False):
        path.write_text("@book{a, title = {A}}\n@book{b, title = {B}}\n", encoding="utf-8")  # the other process
        return real_save(lib, dry_run)

    monkeypatch.setattr(editing, "save", racing_save)
    for args in (
        ["annotate", "a", "--text", "x"],
        ["tag", "a", "+t"],
        ["rm", "--yes", "a"],
        ["add", "--field", "title=New"],
    ):
        path.write_text("@book{a, title = {A}}\n", encoding="utf-8")
        r = run_cli(["--bib", str(path)] + args)
        assert r.exit_code == 2, (args, r.stderr)
        assert "changed on disk since it was read; nothing written" in r.stderr
        assert path.read_text(encoding="utf-8") == "@book{a, title = {A}}\n@book{b, title = {B}}\n"


RAW_WRITER = textwrap.dedent("""
    import os, sys, time
    from annobib.bib import writer
    path, mode = sys.argv[1], sys.argv[2]
    real_fdopen, real_fsync = os.fdopen, os.fsync

    class HalfWriter:  # writes half of the data, says so, and waits to be killed
        def __init__(self, fh):
            self.fh = fh
        def __enter__(self):
            return self
        def __exit__(self, *a):
            return self.fh.__exit__(*a)
        def write(self, data):
            self.fh.write(data[: len(data) // 2]); self.fh.flush()
            sys.stdout.write("H\\n"); sys.stdout.flush(); time.sleep(30)
        def __getattr__(self, name):
            return getattr(self.fh, name)

    def slow_fsync(fd):  # the data is in the temporary file, not yet renamed: wait to be killed
        real_fsync(fd)
        sys.stdout.write("F\\n"); sys.stdout.flush(); time.sleep(30)

    if mode == "half":
        os.fdopen = lambda *a, **k: HalfWriter(real_fdopen(*a, **k))
    elif mode == "fsync":
        os.fsync = slow_fsync
    sys.stdout.write("S\\n"); sys.stdout.flush()
    n = 0
    while True:
        n += 1
        writer.atomic_write_text(path, f"round {n}\\n" + ("x" * 99 + "\\n") * 50000 + f"end {n}\\n")
""")

OLD = "round 0\n" + ("x" * 99 + "\n") * 50000 + "end 0\n"


def _raw_writer(tmp_path, mode):
    path = tmp_path / "big.bib"
    path.write_text(OLD, encoding="utf-8")
    script = tmp_path / "raw_writer.py"
    script.write_text(RAW_WRITER, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO / "cli")}
    child = subprocess.Popen([sys.executable, str(script), str(path), mode], stdout=subprocess.PIPE, env=env)
    assert child.stdout.readline() == b"S\n"
    return path, child


def _kill(child):
    child.send_signal(signal.SIGKILL)
    child.wait()
    child.stdout.close()


def _whole(text: str) -> int:
    first, last = text.split("\n", 1)[0], text.rstrip("\n").rsplit("\n", 1)[-1]
    assert first.startswith("round ") and last.startswith("end ") and first.split()[1] == last.split()[1]
    assert len(text) == len(first) + 1 + 100 * 50000 + len(last) + 1
    return int(first.split()[1])


@pytest.mark.parametrize("mode, marker", [("half", b"H\n"), ("fsync", b"F\n")])
def test_kill_9_in_the_middle_of_a_write_leaves_the_old_file(tmp_path, mode, marker):
    """Killed with half the data written, or with all of it written but not yet renamed."""
    path, child = _raw_writer(tmp_path, mode)
    assert child.stdout.readline() == marker
    (tmp,) = tmp_path.glob(".big.bib.*.tmp")  # the write in progress
    _kill(child)
    assert path.read_text(encoding="utf-8") == OLD  # the old file, whole
    partial = tmp.read_text(encoding="utf-8")
    assert partial.startswith("round 1\n") and (len(partial) < len(OLD) if mode == "half" else _whole(partial) == 1)


def test_kill_9_at_random_moments_of_a_write_loop(tmp_path):
    rng = random.Random(11)
    for _ in range(6):
        path, child = _raw_writer(tmp_path, "plain")
        time.sleep(rng.uniform(0.02, 0.15))
        _kill(child)
        _whole(path.read_text(encoding="utf-8"))
