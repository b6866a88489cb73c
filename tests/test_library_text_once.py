"""The text a Library was read from is held once: as the pieces its blocks were cut from, not
also as a second copy of the whole file (24 MB at 50,000 entries). It stays the text read when
blocks are removed or added, and a write still compares against it."""

from __future__ import annotations

from annobib.bib import read_library, write_library
from annobib.bib.library import parse_library

TEXT = "% head\n@article{a,\n  title = {A},\n}\n\n@string{j = {J}}\n@book{b, title = {B}, journal = j}\n% tail\n"


def test_the_text_read_is_held_once(tmp_path):
    path = tmp_path / "x.bib"
    path.write_text(TEXT, encoding="utf-8")
    lib = read_library(path)
    assert lib.original_text == TEXT
    assert lib._pieces is not None and lib._text == ""  # no second copy of the text
    assert lib.reads_as(TEXT) and not lib.reads_as(TEXT[:-1]) and not lib.reads_as(TEXT[:-1] + "!")


def test_removing_a_block_keeps_the_text_read_and_is_written(tmp_path):
    path = tmp_path / "x.bib"
    path.write_text(TEXT, encoding="utf-8")
    lib = read_library(path)
    lib.remove("a")
    assert lib.original_text == TEXT  # the text read, not the blocks as they are now
    write_library(lib)
    assert lib.changed
    assert "@article{a" not in path.read_text(encoding="utf-8")
    assert lib.original_text == path.read_text(encoding="utf-8")  # as written, for a next write


def test_a_text_the_blocks_do_not_add_up_to_is_kept_whole():
    text = "\ufeff\ufeff@misc{a, title = {A}}\n@misc{b, title = {B}}\n"  # the blocks lose one BOM
    lib = parse_library(text)
    assert "".join(b.raw for b in lib.blocks) != text
    assert lib._pieces is None and lib.original_text == text
    assert lib.reads_as(text) and not lib.reads_as(text[1:])
