"""``validate --fix`` of a large file holds only what the write and the report need (#12: 300 MB
at 50,000 fixed entries): the text written is never made whole, and the compare that tells
whether it changed works on pieces cut anywhere."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annobib.bib import writer
from annobib.bib import read_library
from annobib.bib.library import parse_library


def _cut(text: str, cuts: list[int]) -> list[str]:
    at = sorted({c % (len(text) + 1) for c in cuts})
    return [text[a:b] for a, b in zip([0, *at], [*at, len(text)])]


@given(
    st.text(alphabet="ab\n{}中", max_size=40),
    st.text(alphabet="ab\n{}中", max_size=40),
    st.lists(st.integers(0, 60), max_size=6),
    st.lists(st.integers(0, 60), max_size=6),
)
def test_pieces_read_as_the_text_they_make(old: str, new: str, cuts_old: list[int], cuts_new: list[int]):
    lib = parse_library("")
    lib.keep_written(_cut(old, cuts_old))
    assert lib.original_text == old
    assert lib.reads_as(_cut(new, cuts_new)) == (old == new)
    assert lib.reads_as(new) == (old == new)


def test_the_written_text_is_kept_as_its_pieces(tmp_path):
    """After a write the library holds the text written as the pieces it was written from, not
    as one more whole copy (27 MB at 50,000 fixed entries with CJK in them)."""
    bib = tmp_path / "refs.bib"
    bib.write_text("@misc{a,\n  title = {One},\n}\n\n@misc{b,\n  title = {Two  words},\n}\n", encoding="utf-8")
    lib = read_library(bib)
    lib.entries[1].fields["title"] = "Two words"
    writer.write_library(lib)
    written = bib.read_text(encoding="utf-8")
    assert written.endswith("title = {Two words},\n}\n") and lib.changed
    assert lib._pieces is not None and len(lib._pieces) > 1 and lib._text == ""
    assert lib.original_text == written and lib.reads_as(written)
    writer.write_library(lib)  # nothing changed since: the pieces compare equal
    assert not lib.changed


def test_fixing_in_two_processes_holds_little_here(tmp_path, monkeypatch):
    """What this process allocates at most while it fixes a file whose every entry needs fixes
    (the second half in a child), in bytes of the file: ~18x now; 23x when it built and kept
    both halves' values as read, every fix's old and new values and the whole new text
    (tracemalloc: the same on a loaded machine as on an idle one)."""
    import datetime as dt
    import tracemalloc

    from annobib.checks import halves, runner, session
    from fixes_gen import fixes_text

    monkeypatch.setattr(halves, "PARALLEL_MIN", 8)
    monkeypatch.setattr(runner, "PARALLEL_MIN", 8)
    monkeypatch.setenv("ANNOBIB_NO_CACHE", "1")
    bib = tmp_path / "refs.bib"
    text = fixes_text(4000)
    bib.write_text(text, encoding="utf-8")
    session.validate([bib], today=dt.date(2026, 1, 1))  # imports and tables, outside the measure
    runner.clear_caches()
    tracemalloc.start()
    try:
        out = session.validate([bib], fix=True, today=dt.date(2026, 1, 1), report_fixes=False)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert out.fixed_entries == 4000 and bib.read_text(encoding="utf-8") != text
    assert peak < 20 * len(text.encode()), peak / len(text.encode())
