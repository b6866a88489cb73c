"""Writes that cannot lose a change: the lock, kill -9, litter, output targets, cheap diffs."""

from __future__ import annotations

import os
import random
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import run_cli

from annobib.bib import parse_library, read_library, write_library
from annobib.bib.diff import library_diff, unified_diff
from annobib.bib.writer import _block_texts
from annobib.core import files
from annobib.model import Entry

CLI = Path(__file__).resolve().parents[1] / "cli"


def env_for(tmp_path: Path, **extra) -> dict:
    env = dict(os.environ, ANNOBIB_CACHE_DIR=str(tmp_path / "cache"), PYTHONPATH=str(CLI), **extra)
    env.pop("ANNOBIB_BIB", None)
    return env


def annobib(*args: str) -> list[str]:
    return [sys.executable, "-m", "annobib", *args]


def small_bib(n: int) -> str:
    return "".join(f"@article{{k{i},\n  title    = {{Title {i}}},\n  keywords = {{base}},\n}}\n\n" for i in range(n))


def test_twenty_concurrent_writers_lose_nothing(tmp_path):
    bib = tmp_path / "c.bib"
    bib.write_text(small_bib(20), encoding="utf-8")
    env = env_for(tmp_path)
    procs = [
        subprocess.Popen(
            annobib("--bib", str(bib), "tag", f"k{i}", f"+t{i}"),
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(20)
    ]
    results = [(p.wait(timeout=60), p.stderr.read()) for p in procs]
    lib = read_library(bib)
    assert not lib.problems and len(lib.entries) == 20
    landed = 0
    for i, (code, err) in enumerate(results):
        tags = lib.get(f"k{i}").fields["keywords"]
        if code == 0:
            assert f"t{i}" in tags.split(", "), f"writer {i} exited 0 but its change vanished"
            landed += 1
        else:  # refused: one line, and the change is not half there
            assert code == 2 and len(err.strip().splitlines()) == 1 and f"t{i}" not in tags
    assert landed >= 1
    assert not [n for n in os.listdir(tmp_path) if n.endswith(".tmp")]


def test_a_writer_that_cannot_get_the_lock_is_refused_with_one_line(tmp_path):
    bib = tmp_path / "c.bib"
    bib.write_text(small_bib(2), encoding="utf-8")
    before = bib.read_bytes()
    token = files.acquire(bib)  # another writer holds it
    try:
        r = subprocess.run(
            annobib("--bib", str(bib), "tag", "k0", "+x"),
            env=env_for(tmp_path, ANNOBIB_LOCK_TIMEOUT="0.3"),
            capture_output=True,
            text=True,
            timeout=30,
        )
    finally:
        files.release(token)
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and "another annobib process is writing it" in r.stderr
    assert bib.read_bytes() == before
    r = subprocess.run(
        annobib("--bib", str(bib), "tag", "k0", "+x"), env=env_for(tmp_path), capture_output=True, text=True, timeout=30
    )
    assert r.returncode == 0 and "x" in read_library(bib).get("k0").fields["keywords"]


def test_lock_timeout_is_range_checked(tmp_path):
    bib = tmp_path / "c.bib"
    bib.write_text(small_bib(1), encoding="utf-8")
    for bad in ("inf", "nan", "-1", "1e400", "abc"):
        r = run_cli(["--bib", str(bib), "tag", "k0", "+x"], env={"ANNOBIB_LOCK_TIMEOUT": bad})
        assert r.exit_code == 2 and "ANNOBIB_LOCK_TIMEOUT" in r.stderr and r.stderr.count("\n") == 1


def test_a_waiting_writer_locks_the_file_that_replaced_the_one_it_waited_for(tmp_path):
    bib = tmp_path / "c.bib"
    bib.write_text(small_bib(3), encoding="utf-8")
    lib = read_library(bib, lock=True)
    proc = subprocess.Popen(
        annobib("--bib", str(bib), "tag", "k1", "+later"),
        env=env_for(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(0.5)  # it now waits on the file as it is
    lib.get("k0").fields["keywords"] = "base, first"
    write_library(lib)  # replaces the file, then lets the other writer in
    lib.release()
    assert proc.wait(timeout=30) == 0, proc.stderr.read()
    after = read_library(bib)
    assert after.get("k0").fields["keywords"] == "base, first"
    assert after.get("k1").fields["keywords"] == "base, later"


def test_a_new_file_is_never_written_over_one_made_meanwhile(tmp_path):
    target = tmp_path / "new.bib"
    lib = parse_library("", target)
    lib.add(Entry("a", "misc", {"title": "Mine"}))
    target.write_text("@misc{theirs, title = {Theirs}}\n", encoding="utf-8")  # another process was faster
    with pytest.raises(Exception, match="created by another process"):
        write_library(lib)
    assert "theirs" in target.read_text(encoding="utf-8")


# --------------------------------------------------------------------------- kill -9


def _dead_pid() -> int:
    p = subprocess.Popen([sys.executable, "-c", "pass"])
    p.wait()
    return p.pid


def test_kill_9_leaves_the_old_or_the_new_file_and_the_next_write_clears_litter(tmp_path):
    n = 3000
    bib = tmp_path / "big.bib"
    bib.write_text(small_bib(n), encoding="utf-8")
    env = env_for(tmp_path)
    subprocess.run(annobib("--bib", str(bib), "list"), env=env, capture_output=True, timeout=60)  # warm cache
    rng = random.Random(12)
    current = "base"
    killed = 0
    deadline = time.monotonic() + 4
    i = 0
    while time.monotonic() < deadline:
        i += 1
        old = bib.read_text(encoding="utf-8")
        new = old.replace(
            f"@article{{k7,\n  title    = {{Title 7}},\n  keywords = {{{current}}},",
            f"@article{{k7,\n  title    = {{Title 7}},\n  keywords = {{{current}, t{i}}},",
        )
        assert new != old
        proc = subprocess.Popen(
            annobib("--bib", str(bib), "tag", "k7", f"+t{i}"),
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        if i % 2:  # at a random moment
            time.sleep(rng.uniform(0.05, 0.6))
        else:  # the moment its temporary file appears
            prefix = f".big.bib.annobib-{proc.pid}-"
            t0 = time.monotonic()
            while proc.poll() is None and time.monotonic() - t0 < 5:
                if any(name.startswith(prefix) for name in os.listdir(tmp_path)):
                    break
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            killed += 1
        proc.wait()
        now = bib.read_text(encoding="utf-8")
        assert now in (old, new), f"run {i}: the file is neither the old nor the new one"
        if now == new:
            current = f"{current}, t{i}"
    assert killed >= 3
    # litter of a dead writer, and of an older annobib (no PID, older than an hour)
    (tmp_path / f".big.bib.annobib-{_dead_pid()}-abcd1234.tmp").write_text("partial", encoding="utf-8")
    old_style = tmp_path / ".big.bib.x1y2z3w4.tmp"
    old_style.write_text("partial", encoding="utf-8")
    os.utime(old_style, (time.time() - 7200, time.time() - 7200))
    mine = tmp_path / ".other.bib.annobib-1-zzzz.tmp"  # another file's: not ours to clear
    mine.write_text("x", encoding="utf-8")
    r = subprocess.run(
        annobib("--bib", str(bib), "tag", "k8", "+final"), env=env, capture_output=True, text=True, timeout=60
    )
    assert r.returncode == 0, r.stderr
    left = [name for name in os.listdir(tmp_path) if name.endswith(".tmp")]
    assert left == [mine.name]
    lib = read_library(bib)
    assert len(lib.entries) == n and not lib.problems


# --------------------------------------------------------------------------- output targets


@pytest.mark.parametrize(
    "args",
    [["format", "-o", "{t}"], ["format", "--to", "html", "-o", "{t}"], ["export", "--to", "bibtex", "-o", "{t}"]],
)
@pytest.mark.parametrize("kind", ["fifo", "socket", "device"])
def test_output_files_must_be_regular_or_new(tmp_path, args, kind):
    import socket

    bib = tmp_path / "a.bib"
    bib.write_text(small_bib(2), encoding="utf-8")
    if kind == "fifo":
        target = tmp_path / "pipe"
        os.mkfifo(target)
    elif kind == "socket":
        target = tmp_path / "sock"
        s = socket.socket(socket.AF_UNIX)
        s.bind(str(target))
    else:
        target = Path("/dev/null")
    r = subprocess.run(
        annobib("--bib", str(bib), *[a.format(t=target) for a in args]),
        env=env_for(tmp_path),
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "not a regular file" in r.stderr
    mode = os.stat(target).st_mode
    assert {"fifo": stat.S_ISFIFO, "socket": stat.S_ISSOCK, "device": stat.S_ISCHR}[kind](mode)


def test_output_file_new_or_regular_is_written(tmp_path):
    bib = tmp_path / "a.bib"
    bib.write_text(small_bib(2), encoding="utf-8")
    out = tmp_path / "refs.txt"
    assert run_cli(["--bib", str(bib), "format", "-o", str(out)]).exit_code == 0
    assert "Title 1" in out.read_text(encoding="utf-8")
    assert run_cli(["--bib", str(bib), "export", "--to", "bibtex", "-o", str(out)]).exit_code == 0
    assert "@article{k1" in out.read_text(encoding="utf-8")


# --------------------------------------------------------------------------- diffs


def _apply(old: str, diff: str) -> str:
    """Apply a unified diff (as `patch` would), to check one is right without difflib."""
    a = old.splitlines(keepends=True)
    out, i = [], 0
    lines = diff.splitlines(keepends=True)[2:]
    k = 0
    while k < len(lines):
        head = lines[k]
        assert head.startswith("@@ ")
        start = int(head.split()[1][1:].split(",")[0])
        count = head.split()[1].split(",")
        start = start - 1 if len(count) == 1 or count[1] != "0" else start
        out += a[i:start]
        i = start
        k += 1
        while k < len(lines) and not lines[k].startswith("@@ "):
            tag, text = lines[k][0], lines[k][1:]
            if tag in " -":
                assert a[i] == text
                i += 1
            if tag in " +":
                out.append(text)
            k += 1
    return "".join(out + a[i:])


def test_library_diffs_apply_and_cost_what_changed():
    rng = random.Random(3)
    base = "".join(f"% note {i}\n@article{{k{i},\n  title = {{T{i}}},\n  year = 2020,\n}}\n\n" for i in range(40))
    for _ in range(200):
        lib = parse_library(base)
        for _ in range(rng.randint(1, 6)):
            key = rng.choice(lib.keys())
            op = rng.random()
            if op < 0.4:
                lib.get(key).fields["title"] = f"New\nline {rng.random()}"
            elif op < 0.6:
                lib.get(key).fields["note"] = "x"
            elif op < 0.8:
                lib.remove(key)
            else:
                lib.add(
                    Entry(f"n{rng.randint(0, 10**6)}", "misc", {"title": "z"}),
                    after=key if rng.random() < 0.5 else None,
                )
        parts = _block_texts(lib)
        new = "".join(p[1] for p in parts)
        d = library_diff(base, new, parts, "f")
        assert _apply(base, d) == new
        assert _apply(base, unified_diff(base, new, "f")) == new


def test_a_write_of_a_big_file_makes_no_diff_unless_asked(tmp_path, monkeypatch):
    import annobib.bib.writer as writer

    bib = tmp_path / "b.bib"
    bib.write_text(small_bib(50), encoding="utf-8")
    lib = read_library(bib)
    lib.get("k3").fields["title"] = "Changed"
    calls = []
    monkeypatch.setattr(writer, "library_diff", lambda *a: calls.append(a) or "")
    monkeypatch.setattr(writer, "unified_diff", lambda *a: calls.append(a) or "")
    assert write_library(lib) == "" and not calls
    assert "Changed" in bib.read_text(encoding="utf-8")


def test_a_shown_diff_of_scattered_edits_matches_only_what_changed(tmp_path, monkeypatch):
    """validate --fix shows its diff: built from the write's verbatim stretches, never by
    matching the whole file line by line (difflib on 50,000 entries took about a minute)."""
    import annobib.bib.diff as diffmod

    bib = tmp_path / "s.bib"
    bib.write_text(small_bib(3000), encoding="utf-8")
    lib = read_library(bib)
    for i in range(0, 3000, 37):
        lib.get(f"k{i}").fields["title"] = f"Fixed {i}"
    lib.remove("k1500")
    lib.add(Entry("new1", "misc", {"title": "Added"}), after="k10")
    old = bib.read_text(encoding="utf-8")
    matched = []
    real = diffmod.difflib.SequenceMatcher

    class Counting(real):
        def __init__(self, isjunk=None, a="", b="", autojunk=True):
            matched.append(len(a) + len(b))
            super().__init__(isjunk, a, b, autojunk)

    monkeypatch.setattr(diffmod.difflib, "SequenceMatcher", Counting)
    d = write_library(lib, diff=True)
    monkeypatch.undo()
    assert _apply(old, d) == bib.read_text(encoding="utf-8")
    assert matched and max(matched) < 50  # small stretches only, not the file's 15,000 lines
