"""Many notes are read on every core, and the result is the same as reading them one by one."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

from annobib.extract import extract_notes, workers
from annobib.extract.citations import read_note
from conftest import notes_document


def _reading(monkeypatch, jobs: str, text: str):
    monkeypatch.setenv("ANNOBIB_JOBS", jobs)
    read_note.cache_clear()
    x = extract_notes(text)
    return [e.as_dict() for e in x.entries], [r.as_dict() for r in x.notes]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")
def test_workers_read_as_one_process_does(monkeypatch):
    text = notes_document(workers.PARALLEL_MIN + 60)
    calls = []
    real = workers.stream_on_cores
    monkeypatch.setattr(
        "annobib.extract.entries.stream_on_cores", lambda fn, items: calls.append(len(items)) or real(fn, items)
    )
    together = _reading(monkeypatch, "2", text)
    alone = _reading(monkeypatch, "1", text)
    assert calls and calls[0] > workers.PARALLEL_MIN  # the pool was asked, with the distinct notes
    assert together == alone
    assert len(together[0]) >= 4 and sum(r["status"] == "cited" for r in together[1]) > 0.8 * len(together[1])


def test_jobs_reads_the_environment(monkeypatch):
    monkeypatch.setenv("ANNOBIB_JOBS", "1")
    assert workers.jobs() == 1
    here = os.getpid()  # one job: the caller works alone
    assert {pid for _k, pid in workers.stream_on_cores(lambda k: (k, os.getpid()), range(1000), minimum=10)} == {here}
    for bad in ("0", "abc", "9" * 400, "-3"):
        monkeypatch.setenv("ANNOBIB_JOBS", bad)
        assert workers.jobs() >= 1


def test_a_superscript_digit_is_no_job_count(monkeypatch):
    monkeypatch.setenv("ANNOBIB_JOBS", "¹")  # str.isdigit() says yes, int() says no
    assert workers.jobs() >= 1


def test_default_jobs_leave_busy_cores_alone(monkeypatch):
    monkeypatch.delenv("ANNOBIB_JOBS", raising=False)
    monkeypatch.setattr(workers.os, "sched_getaffinity", lambda pid: {0, 1, 2, 3}, raising=False)
    for load, want in ((0.0, 4), (1.2, 3), (2.6, 1), (7.0, 1)):
        monkeypatch.setattr(workers.os, "getloadavg", lambda load=load: (load, load, load))
        assert workers.jobs() == want, load
    monkeypatch.setenv("ANNOBIB_JOBS", "3")  # asked for: used whatever the load
    assert workers.jobs() == 3


def _slow_pid(k: int) -> tuple[int, int]:
    time.sleep(0.0002)  # long enough that the helper claims chunks before this process reads them all
    return k, os.getpid()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")
def test_stream_works_here_and_in_a_helper_in_order(monkeypatch):
    monkeypatch.setenv("ANNOBIB_JOBS", "2")
    here = os.getpid()
    got = list(workers.stream_on_cores(_slow_pid, range(2000), minimum=10))
    assert [k for k, _pid in got] == list(range(2000))  # in order, each once
    pids = {pid for _k, pid in got}
    assert here in pids and len(pids) == 2  # this process reads its share, one helper the rest
    assert sum(pid != here for _k, pid in got) >= 400
    assert _children(here) == []  # the helper is gone (reaped) once the stream ends
    monkeypatch.setenv("ANNOBIB_JOBS", "1")
    assert {pid for _k, pid in workers.stream_on_cores(lambda k: (k, os.getpid()), range(50))} == {here}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")
def test_stream_finishes_here_when_a_worker_fails(monkeypatch):
    monkeypatch.setenv("ANNOBIB_JOBS", "2")
    here = os.getpid()

    def fragile(k: int) -> int:
        if k == 700 and os.getpid() != here:
            raise RuntimeError("a worker fails")
        return k * 2

    assert list(workers.stream_on_cores(fragile, range(1500), minimum=10)) == [k * 2 for k in range(1500)]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")
def test_closing_the_stream_ends_the_workers(monkeypatch):
    monkeypatch.setenv("ANNOBIB_JOBS", "3")
    stream = workers.stream_on_cores(str, range(5000), minimum=10)
    assert next(stream) == "0"
    helpers = _children(os.getpid())
    assert len(helpers) == 2
    stream.close()
    assert not [pid for pid in helpers if Path(f"/proc/{pid}").exists()]  # killed and reaped


def test_the_seed_article_forks_nothing(monkeypatch):
    from annobib.extract import extract_text

    monkeypatch.setenv("ANNOBIB_JOBS", "2")
    made = []
    monkeypatch.setattr(workers.os, "fork", lambda: made.append(1) or pytest.fail("a fork"))
    read_note.cache_clear()
    seed = (Path(__file__).resolve().parents[1] / "refs" / "article.txt").read_text(encoding="utf-8")
    assert len(extract_text(seed).entries) == 48
    assert made == []  # 52 notes: read here, no processes forked


def _children(pid: int) -> list[int]:
    out = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            if f"\nPPid:\t{pid}\n" in status.read_text():
                out.append(int(status.parent.name))
        except OSError:
            pass
    return out


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")
def test_ctrl_c_while_workers_read_exits_130_and_leaves_no_worker(tmp_path):
    import signal
    import subprocess
    import time

    notes = tmp_path / "notes.txt"
    notes.write_text(notes_document(20000), encoding="utf-8")
    env = dict(os.environ, ANNOBIB_JOBS="2")
    proc = subprocess.Popen(
        [sys.executable, "-m", "annobib", "extract", "--notes", str(notes), "-o", str(tmp_path / "out.bib")],
        stderr=subprocess.PIPE,
        env=env,
        start_new_session=True,  # its own process group, as a terminal's Ctrl-C reaches one
    )
    try:
        deadline = time.monotonic() + 60
        while len(_children(proc.pid)) < 1 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        workers_seen = _children(proc.pid)
        os.killpg(proc.pid, signal.SIGINT)
        _out, err = proc.communicate(timeout=60)  # a worker killed by Ctrl-C would hang the pool
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert len(workers_seen) == 1, "the helper never started"
    assert proc.returncode == 130
    assert err.decode().strip().splitlines() == ["annobib: interrupted"]  # one line, no worker traceback
    gone = time.monotonic() + 5  # a loaded machine may take a moment to reap it
    while [pid for pid in workers_seen if Path(f"/proc/{pid}").exists()] and time.monotonic() < gone:
        time.sleep(0.05)
    assert not [pid for pid in workers_seen if Path(f"/proc/{pid}").exists()]  # no orphan worker
    assert not (tmp_path / "out.bib").exists()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")
def test_a_worker_killed_mid_chunk_does_not_hang_the_stream(monkeypatch):
    import threading

    monkeypatch.setenv("ANNOBIB_JOBS", "2")
    parent = os.getpid()

    def dies_once(k):
        if k == 700 and os.getpid() != parent:
            os._exit(1)  # as a worker killed by a signal: multiprocessing's Pool waits for its chunk forever
        return k * 2

    got: list = []
    runner = threading.Thread(target=lambda: got.extend(workers.stream_on_cores(dies_once, range(1500), minimum=10)))
    runner.daemon = True
    runner.start()
    runner.join(30)
    assert not runner.is_alive(), "the stream hung on a lost chunk"
    assert got == [k * 2 for k in range(1500)]  # the rest read here, in order


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")
def test_a_stuck_helper_is_never_waited_for(monkeypatch):
    monkeypatch.setenv("ANNOBIB_JOBS", "2")
    parent = os.getpid()

    def sticks(k):
        if os.getpid() != parent:
            time.sleep(60)  # a helper stopped (SIGSTOP, swapped out): its chunk is read here
        return k * 2

    t0 = time.monotonic()
    assert list(workers.stream_on_cores(sticks, range(1500), minimum=10)) == [k * 2 for k in range(1500)]
    assert time.monotonic() - t0 < 10
    assert _children(parent) == []  # killed and reaped, not left sleeping


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")
def test_a_ctrl_c_while_the_parent_forks_is_not_lost():
    # the helpers are forked with SIGINT blocked, not ignored: a Ctrl-C pressed in that window
    # waits and interrupts the parent as soon as the fork is done (ignored, the run went on)
    import signal

    from annobib.extract.workers import _helpers_born_deaf_to_ctrl_c

    with pytest.raises(KeyboardInterrupt):
        with _helpers_born_deaf_to_ctrl_c():
            os.kill(os.getpid(), signal.SIGINT)
    assert signal.SIGINT not in signal.pthread_sigmask(signal.SIG_BLOCK, set())  # the mask is back
