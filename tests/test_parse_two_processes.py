"""A cold read of a large file parses its chunks in two processes: the records are exactly
those of one process (the halves meet at any chunk: an entry, a comment, a broken block)."""

from __future__ import annotations

from fixes_gen import fixes_text
from generate import generate

from annobib import perf
from annobib.bib import library as bib_library
from annobib.bib.library import parse_records, split_chunks


def _records(data: bytes):
    chunks, _ = split_chunks(data)
    digests = [bib_library.chunk_digest(c) for c in chunks]
    return parse_records(chunks, digests, None)[0]


def test_two_processes_parse_exactly_what_one_parses(monkeypatch, forks):
    # realistic messy entries, entries needing fixes, and shapes the fast path refuses
    odd = "".join(
        f'@misc{{odd{i}, title = {{a {{b}} c}}, note = "q" # m{i}}}\n% comment {i}\n@string{{m{i} = {{x}}}}\n'
        f"@article{{broken{i}, title = {{never closed}}\n\n"
        for i in range(300)
    )
    twice = "@misc{same, title = {T}}\n" * 500  # a repeated text: parsed once, its record shared
    data = (generate(4000, seed=3) + twice + odd + fixes_text(2000) + twice).encode("utf-8")
    monkeypatch.setattr(perf, "DETACHED", True)  # no second process
    alone = _records(data)
    assert not forks
    monkeypatch.setattr(perf, "DETACHED", False)
    monkeypatch.setattr(bib_library, "PARALLEL_PARSE_MIN", 1000)
    assert _records(data) == alone
    assert forks  # the second half did go through a second process
    assert len(alone) > 2 * 1000
