"""Splicing many edited entries is shared with a forked second process (validate --fix at
50,000 fixed entries): the texts, the read-back check and its refusal are those of one process."""

from __future__ import annotations

import pytest

import annobib.bib.writer as writer
from annobib import perf
from annobib.bib import read_library
from annobib.core import fork
from annobib.errors import InputError


def _edited(tmp_path, n: int = 40):
    path = tmp_path / "w.bib"
    path.write_text(
        "".join(
            f"@article{{k{i},\n  title   = {{Title  {i}}},\n  pages = {{1 - 2}},\n  note = {{x}},\n}}\n\n"
            for i in range(n)
        ),
        encoding="utf-8",
    )
    lib = read_library(path)
    for i, e in enumerate(lib.entries):
        e.fields["title"] = f"Title {i} 50% & more"
        e.fields["pages"] = "1-2"
        if i % 3 == 0:
            del e.fields["note"]
        if i % 5 == 0:
            e.fields["langid"] = "english"
    return lib


def test_the_texts_are_those_of_one_process(tmp_path, monkeypatch):
    lib = _edited(tmp_path)
    monkeypatch.setattr(perf, "DETACHED", True)  # no second process
    alone = writer.check_library(lib)
    forks = []
    real = fork.in_child
    monkeypatch.setattr(perf, "DETACHED", False)
    monkeypatch.setattr(writer, "PARALLEL_MIN", 4)
    monkeypatch.setattr(fork, "in_child", lambda work: forks.append(1) or real(work))
    shared = writer.check_library(lib)
    assert forks  # a second process did half of them
    assert [t for _, t, _ in shared] == [t for _, t, _ in alone]
    assert "title   = {Title 7 50\\% \\& more}" in "".join(t for _, t, _ in shared)


@pytest.mark.parametrize("at", [1, 38])  # in the parent's half, in the child's
def test_a_text_that_would_not_read_back_is_refused_from_either_half(tmp_path, monkeypatch, at):
    lib = _edited(tmp_path)
    lib.entries[at].fields["title"] = "bad \x00 value"
    monkeypatch.setattr(writer, "PARALLEL_MIN", 4)
    with pytest.raises(InputError, match=f"entry k{at}: field title holds a NUL"):
        writer.check_library(lib)


def _new_entries(tmp_path, n: int = 40):
    """A library of ``n`` entries not yet written (as an extraction makes: no text read)."""
    from annobib.bib.library import build_library
    from annobib.model import Entry

    lib = build_library([], [], [], tmp_path / "new.bib")
    for i in range(n):
        lib.add(Entry(key=f"n{i}", type="book", fields={"title": f"Book {i} 50% & more", "date": "2001"}))
    return lib


def test_many_new_entries_are_read_back_half_in_a_child(tmp_path, monkeypatch, forks):
    lib = _new_entries(tmp_path)
    monkeypatch.setattr(writer, "CHECK_PARALLEL_MIN", 4)
    read_back = []
    real = writer._check_batch
    monkeypatch.setattr(writer, "_check_batch", lambda lib, todo: read_back.extend(todo) or real(lib, todo))
    writer.write_library(lib, share_check=True)
    assert forks  # a second process read back the other half
    assert [e.key for e, _ in read_back] == [f"n{i}" for i in range(20)]  # this process: the first half
    assert "title = {Book 39 50\\% \\& more}" in (tmp_path / "new.bib").read_text(encoding="utf-8")


@pytest.mark.parametrize("bad", [[3], [33], [3, 33], [33, 3]])  # the parent's half, the child's, both
def test_new_entries_that_would_not_read_back_are_refused_as_one_process_does(tmp_path, monkeypatch, bad):
    def refusal(share_min: int) -> str:
        lib = _new_entries(tmp_path)
        for at in bad:  # an unescaped `}` in a value ends the entry early when read back
            lib.entries[at].fields["title"] = "x"
            lib.entries[at].fields[f"n{at}"] = "v}"
        monkeypatch.setattr(writer, "CHECK_PARALLEL_MIN", share_min)
        monkeypatch.setattr(writer, "_braced", lambda value, name="": "{" + value + "}")  # no escaping
        with pytest.raises(InputError) as caught:
            writer.write_library(lib, share_check=True)
        assert not (tmp_path / "new.bib").exists()
        return str(caught.value)

    alone, shared = refusal(10_000), refusal(4)
    assert shared == alone
    assert f"entry n{min(bad)}:" in shared


def test_a_writer_not_asked_to_share_reads_back_alone(tmp_path, monkeypatch, forks):
    lib = _new_entries(tmp_path)
    monkeypatch.setattr(writer, "CHECK_PARALLEL_MIN", 4)
    writer.write_library(lib)  # validate, import …: one process, as before
    assert not forks


@pytest.mark.parametrize("jobs, shared", [("2", True), ("1", False)])
def test_extract_shares_the_read_back_only_when_it_reads_on_two_cores(tmp_path, monkeypatch, jobs, shared):
    from conftest import run_cli

    asked = []
    real = writer.check_written
    monkeypatch.setattr(writer, "check_written", lambda *a, **k: asked.append(k.get("share")) or real(*a, **k))
    notes = tmp_path / "notes.txt"
    notes.write_text("1. 阎学通：《世界权力的转移》，北京大学出版社 2015 年版，第 33 页。\n", encoding="utf-8")
    r = run_cli(["extract", "--notes", str(notes), "-o", str(tmp_path / "out.bib")], env={"ANNOBIB_JOBS": jobs})
    assert r.exit_code == 0, r.stderr
    assert asked == [shared]
