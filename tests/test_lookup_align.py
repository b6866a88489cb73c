"""Locating an edit (annobib.lookup.align): the chunk table built from the old view's segments
is exactly the one a full cut of the new file gives, whatever the edit."""

from __future__ import annotations

import random

import pytest
from generate import generate  # tests/generate.py

from annobib.bib.library import chunk_digest, split_chunks
from annobib.lookup import align

BASE = generate(1200, seed=11).encode("utf-8")


def _old_view_of(data: bytes) -> tuple[dict, list, list, list]:
    _chunks, lines, digests, starts, _runs = align.full_table(data)
    header = {"size": len(data), "segs": align.segment_hashes(data, starts)}
    return header, digests, lines, starts


OLD = _old_view_of(BASE)


def _same_as_full(new: bytes, old=OLD) -> bool:
    header, digests, lines, starts = old
    got = align.aligned_table(new, header, digests, lines, starts)
    full = align.full_table(new)
    if got is None:
        return False
    if (got[1], got[2], got[3]) != (full[1], full[2], full[3]) or list(got[0].starts) != list(full[0].starts):
        return False
    # the runs said to be unchanged are the old chunks, byte for byte
    return all(got[2][i0 + t] == digests[o0 + t] for i0, o0, n in got[4] for t in range(n))


def test_the_full_table_is_the_librarys_cut():
    chunks, lines = split_chunks(BASE)
    table = align.full_table(BASE)
    assert [table[0][i] for i in range(len(table[0]))] == chunks
    assert table[1] == lines and list(table[2]) == [chunk_digest(c) for c in chunks]


def _edits(rng: random.Random, data: bytes) -> list[tuple[str, bytes]]:
    n = len(data)
    at = rng.randrange(n)
    line = data.rfind(b"\n", 0, at) + 1
    entry = data.find(b"\n@", at)
    return [
        ("insert a word", data[:at] + b"X" + data[at:]),
        ("delete bytes", data[:at] + data[at + rng.randrange(1, 400) :]),
        ("insert an entry", data[:line] + b"@misc{new, title={New}}\n" + data[line:]),
        ("break a block line", data[: entry + 1] + b"x" + data[entry + 1 :] if entry > 0 else data + b"x"),
        ("join two entries", data[:entry] + data[entry + 1 :] if entry > 0 else data[:-1]),
        ("append text", data + b"% a trailing comment\n"),
        ("append an entry", data + b"@book{tail, title={Tail}}\n"),
        ("prepend text", b"% new first line\n" + data),
        ("prepend an entry", b"@book{head, title={Head}}\n" + data),
        ("cut the end", data[: rng.randrange(1, n)]),
        ("cut the start", data[rng.randrange(1, n) :]),
        ("two far edits", data[: at // 2] + b"Y" + data[at // 2 : at] + b"Z" + data[at:]),
        ("swap halves", data[n // 2 :] + data[: n // 2]),
    ]


@pytest.mark.parametrize("seed", range(6))
def test_any_edit_gives_the_full_cut(seed):
    rng = random.Random(seed)
    for name, new in _edits(rng, BASE):
        if not new:
            continue
        got = align.aligned_table(new, *OLD)
        if got is None:  # allowed (the caller cuts the whole file), but only for odd cases
            assert name in ("swap halves", "cut the start"), name
            continue
        assert _same_as_full(new), name


def test_a_one_entry_edit_hashes_one_segment_plus_its_chunks(monkeypatch):
    """Only the segment holding the edit is cut into chunks (and hashed per chunk)."""
    cut: list[int] = []
    real = align._lines_from

    def counting(data, starts, line, pos):
        cut.append(len(starts))
        return real(data, starts, line, pos)

    monkeypatch.setattr(align, "_lines_from", counting)
    mid = BASE.find(b"title = {", len(BASE) // 2)
    new = BASE[: mid + 9] + b"Edited " + BASE[mid + 9 :]
    got = align.aligned_table(new, *OLD)
    assert got is not None and cut and cut[0] <= align.SEGMENT
    assert _same_as_full(new)


def test_without_segment_hashes_the_caller_cuts_everything():
    header, digests, lines, starts = OLD
    assert align.aligned_table(BASE + b"x", {"size": len(BASE)}, digests, lines, starts) is None


SECTIONS = ("key", "line", "span", "hay", "rec", "chunk", "cline", "cbyte")


def _sections(view) -> dict:
    """The view's sections, with marshalled records decoded (marshal's bytes for equal
    objects depend on reference counts, so only the decoded records are compared)."""
    import marshal

    from annobib.lookup.store import ChunkTable
    from annobib.lookup.view import Packed

    part = view._parts[0]
    out = {name: part.load(name) for name in SECTIONS}
    recs = Packed([out["rec"]], [part.load("reccrc")])
    out["rec"] = [recs[i] for i in range(len(recs))]
    table = ChunkTable(out["chunk"])
    out["chunk"] = (
        table.dig,
        table.count,
        table.flags,
        table.probs,
        {k: marshal.loads(v) for k, v in table.extra.items()},
    )
    out["problems"] = part.header["problems"]
    out["strings"] = part.header["strings"]
    out["segs"] = part.header["segs"]
    return out


@pytest.mark.parametrize(
    "edit",
    [
        "title",
        "insert entry",
        "delete entry",
        "macro",
        "break block",
        "duplicate key",
        "prepend",
        "append",
        "cut into an entry",
    ],
)
def test_an_incremental_rebuild_equals_a_fresh_one(tmp_path, monkeypatch, edit):
    """Every section of the view rebuilt from the previous one (segments, runs, shifted lines
    and offsets) is the one a rebuild from nothing gives."""
    from annobib.lookup import view as lookup_view

    monkeypatch.setenv("ANNOBIB_CACHE_DIR", str(tmp_path / "cache"))
    text = generate(900, seed=5)
    path = tmp_path / "lib.bib"
    path.write_text(text, encoding="utf-8")
    lookup_view.load_view(path)  # the previous view, saved
    mid = text.find("\n@", len(text) // 2) + 1
    after = text.find("\n@", mid) + 1
    new = {
        "title": text.replace("title = {", "title = {Edited ", 1)[:0]
        + text[:mid]
        + text[mid:].replace("title = {", "title = {Edited ", 1),
        "insert entry": text[:mid] + "@misc{inserted, title = {Inserted}, year = 2020}\n\n" + text[mid:],
        "delete entry": text[:mid] + text[after:],
        "macro": text.replace('"International Security"', '"Security Studies"'),
        "break block": text[:mid] + "x" + text[mid:],
        "duplicate key": text[:mid] + text[mid:after] + text[mid:],
        "prepend": "% a first line\n" + text,
        "append": text + "@book{last, title = {Last}}\n",
        "cut into an entry": text[: mid + 40] + text[after:],  # an unclosed block, parsed alone
    }[edit]
    path.write_text(new, encoding="utf-8")
    incremental = _sections(lookup_view.load_view(path))
    fresh = _sections(lookup_view.load_view(path, use_cache=False))
    for name in fresh:
        assert incremental[name] == fresh[name], name
