"""`tag` of thousands of keys is linear in the keys (round 9, F7).

Each key used to be found by a scan of every block (``Library.get``), and more than 50 keys
sent the read to the whole file: 7,143 keys of a 50,000-entry file ran for minutes. Now one
index finds them all, and the targeted read takes any number of keys (one pass over the entry
heads instead of a regex alternation of every key)."""

from __future__ import annotations

import pytest

from annobib import editing
from annobib.bib import library, parse
from conftest import run_cli
from test_tag_targeted import MACROS, plain


@pytest.fixture
def key_reads(monkeypatch):
    """How often a block's key was asked for (a scan of every block per key shows here)."""
    seen = [0]
    real = library.Block.key

    def counting(self):
        seen[0] += 1
        return real.fget(self)

    monkeypatch.setattr(library.Block, "key", property(counting))
    return seen


@pytest.mark.parametrize("quick", [True, False], ids=["targeted", "full-read"])
def test_block_lookups_grow_with_the_file_not_with_keys_times_entries(tmp_path, key_reads, monkeypatch, quick):
    monkeypatch.setattr(editing, "QUICK", quick)
    monkeypatch.setenv("ANNOBIB_NO_CACHE", "1")
    reads = []
    for n in (500, 2000):
        bib = tmp_path / f"t{n}.bib"
        bib.write_text(plain(n), encoding="utf-8")
        keys = [f"e{i:05d}" for i in range(0, n, 2)]  # half the entries
        key_reads[0] = 0
        res = run_cli(["--bib", str(bib), "tag", *keys, "+seen"])
        assert res.exit_code == 0, res.stderr
        assert bib.read_text(encoding="utf-8").count("seen}") == len(keys)
        reads.append(key_reads[0])
    # 4 times the entries and the keys: about 4 times the look-ups (16 times when quadratic)
    assert reads[1] <= 6 * reads[0], reads
    assert reads[1] <= 20 * 2000, reads


def test_many_keys_still_parse_only_their_entries(tmp_path, monkeypatch):
    seen = []
    real = parse._fast_record

    def counting(chunk):
        seen.append(chunk)
        return real(chunk)

    monkeypatch.setattr(parse, "_fast_record", counting)
    monkeypatch.setenv("ANNOBIB_NO_CACHE", "1")
    bib = tmp_path / "big.bib"
    bib.write_text(plain(3000), encoding="utf-8")
    keys = [f"e{i:05d}" for i in range(0, 3000, 10)]  # 300 keys: over the regex-of-keys limit
    res = run_cli(["--bib", str(bib), "tag", *keys, "+seen"])
    assert res.exit_code == 0, res.stderr
    assert len(seen) <= 2 * len(keys) + 3, len(seen)  # each entry, and the check of its new text
    assert bib.read_text(encoding="utf-8").count("seen}") == 300


@pytest.mark.parametrize("variant", ["lf", "crlf"])
@pytest.mark.parametrize("extra", [[], ["nosuchkey"], ["MAC1"]], ids=["all-found", "one-missing", "case-variant"])
def test_many_keys_write_what_the_full_read_writes(tmp_path, monkeypatch, variant, extra):
    text = MACROS + "\n\n" + plain(80, 100)
    if variant == "crlf":
        text = text.replace("\n", "\r\n")
    keys = ["mac1", "paren1", "midline", "last", "e00001", *[f"e{i:05d}" for i in range(100, 180)], *extra]
    out = []
    for quick in (True, False):
        bib = tmp_path / "t.bib"
        bib.write_bytes(text.encode("utf-8"))
        monkeypatch.setattr(editing, "QUICK", quick)
        res = run_cli(["--bib", str(bib), "tag", *keys, "+x"])
        out.append((res.exit_code, res.stdout, res.stderr, bib.read_bytes()))
    assert out[0] == out[1]
    assert out[0][0] == (2 if extra else 0), out[0][2]  # keys are matched case-sensitively
