"""The archive state file is saved under the lock every annobib write takes (core.files: a flock
on the file itself): parallel saves all land, and no ``.lock`` file is left beside the state."""

from __future__ import annotations

import json
import multiprocessing
from pathlib import Path

WORKERS = 6


def _save_one(path: str, n: int) -> None:
    from annobib.archive.state import State

    state = State(Path(path))
    state.set_link(f"https://example.org/{n}", {"outcome": "ok", "status": 200, "checked_at": "2026-01-01T00:00:00Z"})
    state.save()


def test_parallel_saves_all_land_and_leave_no_lock_file(tmp_path):
    path = tmp_path / "links" / "refs-0123.json"
    path.parent.mkdir()
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_save_one, args=(str(path), n)) for n in range(WORKERS)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(30)
        assert p.exitcode == 0
    links = json.loads(path.read_text(encoding="utf-8"))["links"]
    assert sorted(links) == sorted(f"https://example.org/{n}" for n in range(WORKERS))
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no .lock, no temporary file


def test_a_save_waits_for_a_writer_holding_the_lock(tmp_path):
    from annobib.archive.state import State
    from annobib.core.files import locked

    path = tmp_path / "state.json"
    _save_one(str(path), 0)
    ctx = multiprocessing.get_context("fork")
    with locked(path):
        child = ctx.Process(target=_save_one, args=(str(path), 1))
        child.start()
        child.join(0.5)
        assert child.exitcode is None  # blocked on our lock, not writing beside it
    child.join(30)
    assert child.exitcode == 0
    assert sorted(State(path, json.loads(path.read_text(encoding="utf-8"))).links) == [
        "https://example.org/0",
        "https://example.org/1",
    ]
