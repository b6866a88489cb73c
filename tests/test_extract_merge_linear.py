"""Merging many new entries reads the file's blocks a bounded number of times per entry: each
new entry was placed by scanning every block for the one before it, so 20,000 new notes (a
notes file whose line ends were all read) took 85 s of CPU."""

from __future__ import annotations

from annobib.bib import library as L
from annobib.bib.library import parse_library
from annobib.extract.merge import merge_into
from annobib.model import Entry


def _new(n: int) -> list[Entry]:
    return [Entry(key=f"k{i}", type="book", fields={"title": f"Title {i}"}) for i in range(n)]


def test_new_entries_are_placed_without_a_scan_each(monkeypatch):
    reads = [0]
    real = L.Block.key

    def counted(self):
        reads[0] += 1
        return real.fget(self)

    monkeypatch.setattr(L.Block, "key", property(counted))
    lib = parse_library("@book{old, title={Old}}\n% a comment\n")
    result = merge_into(lib, _new(3_000))
    assert [b.key for b in lib.blocks][-3:] == ["k2997", "k2998", "k2999"]
    assert len(result.added) == 3_000
    assert reads[0] < 20 * 3_000  # was ~n²/2 = 4.5 million


def test_new_entries_keep_their_place_after_a_matched_one():
    lib = parse_library("@book{a, title={A}}\n\n@book{z, title={Z}}\n")
    extracted = [Entry(key="a", type="book", fields={"title": "A"})] + _new(3)
    merge_into(lib, extracted)
    assert [b.key for b in lib.blocks if b.key] == ["a", "k0", "k1", "k2", "z"]


def test_a_duplicate_key_in_the_file_is_not_taken_for_ours():
    lib = parse_library("@book{k0, title={Other}}\n\n@book{z, title={Z}}\n")
    merge_into(lib, _new(3))
    assert [b.key for b in lib.blocks if b.key] == ["k0", "z", "k0a", "k1", "k2"]
