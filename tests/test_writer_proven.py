"""An entry written whole from plain values is not parsed back (``writer.reads_back_plainly``):
its text reads back as the entry by construction. The proof is held here against the parser on
generated entries, and the saving by counting the entries the read-back check parses."""

from __future__ import annotations

import random

import pytest

import annobib.bib.parse as parse
import annobib.bib.writer as writer
from annobib.bib.library import build_library
from annobib.bib.values import entry_from_record
from annobib.model import Entry

# what a value may hold that the writer or the reader could act on, and ordinary text
_ODD = ["{", "}", "\\", "@", "%", "&", "#", "\x00", "\r", "{", "}"]
_TEXT = [
    "\n",
    "@misc{",
    "\n@misc(",
    "@",
    "\x0c",
    "\u2028",
    '"',
    ",",
    "=",
    "(",
    ")",
    " ",
    "王某",
    "a",
    "B",
    "1",
    "~",
    "$",
    "{a}",
]


def _value(rng: random.Random) -> str:
    return "".join(rng.choice(_ODD if rng.random() < 0.06 else _TEXT) for _ in range(rng.randint(0, 8)))


def _entry(rng: random.Random) -> Entry:
    names = ["title", "author", "url", "Title", "x-y", "ñame", "_n", "note:a"]
    fields = {rng.choice(names): _value(rng) for _ in range(rng.randint(0, 4))}
    key = rng.choice(["k1", "wang2015", "a b", "k,", "k{", "k@", "k\x00", "李2020", "k'"])
    return Entry(key=key, type=rng.choice(["book", "Article", "misc", "comment", "b-k"]), fields=fields)


def _read_back(entry: Entry, text: str) -> Entry | None:
    got = [it for it in parse.parse_chunks([text])[0] if it[0] == "entry"]
    return entry_from_record(got[0], {}, 0, None)[0] if len(got) == 1 else None


@pytest.mark.parametrize("fast", [True, False])  # the fast path and bibtexparser read it alike
def test_an_entry_said_plain_reads_back_exactly(monkeypatch, fast):
    monkeypatch.setattr(parse, "FAST_PATH", fast)
    _plain_entries_read_back(fast)


def test_a_writer_bug_in_a_plain_entry_is_caught_here(monkeypatch):
    """The read-back check no longer parses a plain entry at run time: a serialize_entry that
    lost a field (what test_extract_fixed_cost's check catches) must fail the proof above."""
    real = writer.serialize_entry

    def losing_the_title(entry: Entry, indent: str = "  ") -> str:
        return "".join(line for line in real(entry, indent).splitlines(True) if not line.lstrip().startswith("title"))

    monkeypatch.setattr(writer, "serialize_entry", losing_the_title)
    with pytest.raises(AssertionError):
        _plain_entries_read_back(True)


def _plain_entries_read_back(fast: bool) -> None:
    rng = random.Random(11)
    proven = 0
    for _ in range(3000 if fast else 400):
        entry = _entry(rng)
        if not writer.reads_back_plainly(entry):
            continue
        proven += 1
        back = _read_back(entry, writer.serialize_entry(entry))
        assert back is not None, entry
        assert (back.type, back.key, back.fields) == (entry.type.lower(), entry.key, entry.fields), entry
    assert proven > (200 if fast else 20)  # the generator reaches the plain entries too


@pytest.mark.parametrize(
    "fields, key",
    [
        ({"title": "a\\"}, "k"),  # a trailing backslash gets a space
        ({"title": "{{a}}"}, "k"),  # two levels
        ({"title": "a}{"}, "k"),  # unbalanced
        ({"title": "50% & #1"}, "k"),  # escaped
        ({"title": "\n@misc(x,"}, "k"),  # a block start gets its `@` braced
        ({"title": "a\n@b"}, "k"),  # `@` on a line of its own: left to the read-back
        ({"Title": "a"}, "k"),  # read back lower-cased
        ({"title": "a"}, "k,1"),  # not a plain key
        ({"title": "a"}, "k\x00"),  # NUL: refused by the check
    ],
)
def test_what_the_writer_changes_or_the_reader_refuses_is_not_plain(fields, key):
    assert not writer.reads_back_plainly(Entry(key=key, type="book", fields=fields))


def _parsed_back(monkeypatch) -> list[int]:
    counted: list[int] = []
    real = writer.parse_chunks
    monkeypatch.setattr(writer, "parse_chunks", lambda chunks: counted.append(len(chunks)) or real(chunks))
    return counted


def test_plain_new_entries_are_written_without_being_parsed_back(tmp_path, monkeypatch):
    lib = build_library([], [], [], tmp_path / "new.bib")
    lib.add(Entry(key="weibo", type="online", fields={"author": "{@央视新闻}"}))  # mid-line `@`: no bibtexparser
    for i in range(30):
        lib.add(Entry(key=f"wang{i}", type="book", fields={"author": "{王某} and {李某}", "title": f"Book {i}"}))
    for i in range(4):  # values the writer escapes: read back as before
        lib.add(Entry(key=f"odd{i}", type="book", fields={"title": f"50% & {i}"}))
    counted = _parsed_back(monkeypatch)
    writer.write_library(lib)
    assert sum(counted) == 4
    text = (tmp_path / "new.bib").read_text(encoding="utf-8")
    assert "author = {{王某} and {李某}}" in text and "title = {50\\% \\& 3}" in text


def test_an_existing_crlf_file_reads_every_new_entry_back(tmp_path, monkeypatch):
    path = tmp_path / "crlf.bib"
    path.write_bytes(b"@book{a,\r\n  title = {A},\r\n}\r\n")
    from annobib.bib import read_library

    lib = read_library(path)
    lib.add(Entry(key="b", type="book", fields={"title": "B"}))
    counted = _parsed_back(monkeypatch)
    writer.write_library(lib)
    assert sum(counted) == 1  # proven only for what serialize_entry writes as it is (`\n`)
