"""A file of many broken blocks (100,000 bare `@a{k,` heads: no entry, 100,000 problems) is read
at the pace of a file of entries: one shared record and message for identical failures, and the
cache written after the answer like any other big view."""

from __future__ import annotations

import hashlib

from annobib import perf
from annobib.bib.parse import UNCLOSED
from annobib.lookup import build


def _work(chunks: list[bytes]) -> list[tuple]:
    digests = [hashlib.sha1(c).digest() for c in chunks]
    return build._chunk_work(chunks, digests, [None] * len(chunks), {}, rows=True)


def test_identical_failures_share_one_record_and_problem_list():
    chunks = [f"@a{{k{i},\n".encode() for i in range(2_000)]
    chunks += [f'@misc{{q{i}, title = "open\n'.encode() for i in range(2_000)]
    chunks.append(b"  @a(k, title = {x)\n")  # bibtexparser's failure, at offset 2: a record of its own
    res = _work(chunks)
    assert all(r[0] == 4 for r in res)
    # per chunk copies cost ~250 bytes each: 100,000 heads took 260 MB, 100 MB now
    assert len({id(r[1]) for r in res}) == 2 and len({id(r[3]) for r in res}) == 2
    assert res[0][3] == res[-2][3] == [(0, f"{UNCLOSED}; the block is kept verbatim")]


def test_a_view_of_many_broken_blocks_is_written_in_the_background(tmp_path, monkeypatch):
    from annobib.lookup.view import load_view

    monkeypatch.setenv("ANNOBIB_CACHE_DIR", str(tmp_path / "cache"))
    later: list = []
    monkeypatch.setattr(perf, "soon", lambda job, **_: later.append(job))
    path = tmp_path / "heads.bib"
    path.write_text("".join(f"@a{{k{i},\n" for i in range(build.BACKGROUND_MIN)), encoding="utf-8")
    view = load_view(path)
    assert len(view) == 0 and len(view.problems) == build.BACKGROUND_MIN
    assert len(later) == 1  # the view (no entry, 5,000 chunks) is left to a detached process
