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

from conftest import REPO, run_cli

from annobib.bib import read_library

N = 120

WRITER = textwrap.dedent("""
    import sys
    from annobib.bib import read_library, write_library
    path = sys.argv[1]
    n = 0
    while True:
        n += 1
        lib = read_library(path, use_cache=False)
        for e in lib.entries:
            e.fields["annote"] = f"round {n} " + "x" * 1500
        sys.stdout.write("W\\n"); sys.stdout.flush()
        write_library(lib)
""")


def make_library(path):
    parts = []
    for i in range(N):
        parts.append(f"@article{{k{i},\n  author = {{Author {i}}},\n  title  = {{Title {i}}},\n"
                     f"  date   = {{2025}},\n  annote = {{round 0 {'x' * 1500}}},\n}}\n")
    path.write_text("\n".join(parts), encoding="utf-8")


def check_whole(path) -> int:
    lib = read_library(path, use_cache=False)
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
    deadline = time.monotonic() + 8
    kills = 0
    while kills < 10 and time.monotonic() < deadline:
        child = subprocess.Popen([sys.executable, str(script), str(path)], stdout=subprocess.PIPE, env=env)
        # let it write a few times, then kill right as a write starts (plus a random few ms)
        for _ in range(rng.randint(1, 2)):
            assert child.stdout.readline() == b"W\n"
        time.sleep(rng.uniform(0, 0.02))
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
    for args in (["annotate", "a", "--text", "x"], ["tag", "a", "+t"], ["rm", "--yes", "a"],
                 ["add", "--field", "title=New"]):
        path.write_text("@book{a, title = {A}}\n", encoding="utf-8")
        r = run_cli(["--bib", str(path)] + args)
        assert r.exit_code == 2, (args, r.stderr)
        assert "changed on disk since it was read; nothing written" in r.stderr
        assert path.read_text(encoding="utf-8") == "@book{a, title = {A}}\n@book{b, title = {B}}\n"
