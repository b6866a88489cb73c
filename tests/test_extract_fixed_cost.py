"""The fixed cost of ``annobib extract --notes``: what a run loads and does besides reading the
notes. A new .bib is written and checked without bibtexparser and without the document readers,
and the check still refuses what a writer bug would break."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import modules_after, run_cli

CLI_DIR = str(Path(__file__).resolve().parents[1] / "cli")

NOTES = (
    "① 阎学通：《世界权力的转移》，北京大学出版社 2015 年版，第 33 页。\n\n"
    "② 同上，第 35 页。\n\n"
    "③ 王某:《大国关系》,北京:某某出版社2015年版,第12页。\n\n"
    "④ Kenneth N. Waltz, Theory of International Politics (Reading, Mass.: Addison-Wesley, 1979), p. 88.\n\n"
    "⑤ 本文系某某基金项目的阶段性成果。\n"
)


def _loaded_after(args: list[str], tmp_path: Path) -> list[str]:
    """The modules a fresh one-job process with its own cache has loaded after ``annobib ARGS``."""
    return modules_after(args, {"ANNOBIB_CACHE_DIR": str(tmp_path / "cache"), "ANNOBIB_JOBS": "1"})


@pytest.mark.parametrize("run", ["first", "cached"])
def test_notes_to_a_new_bib_load_no_bibtexparser_and_no_document_reader(tmp_path, run):
    notes = tmp_path / "notes.txt"
    notes.write_text(NOTES, encoding="utf-8")
    out = tmp_path / "out.bib"
    if run == "cached":  # the second run takes its patterns from the cache the first one left
        _loaded_after(["extract", "--notes", str(notes), "-o", str(tmp_path / "first.bib")], tmp_path)
    loaded = _loaded_after(["extract", "--notes", str(notes), "-o", str(out)], tmp_path)
    assert out.read_text(encoding="utf-8").count("@") == 3  # written, and checked by reading it back
    # the empty library of a new file is not parsed; the entries written read back on the fast path
    heavy = [m for m in loaded if m.startswith(("bibtexparser", "pylatexenc"))]
    assert heavy == []
    # bound_values lives with the extraction: loose notes load no PDF, .docx or CSL-JSON code
    assert [m for m in loaded if m.startswith(("annobib.documents", "annobib.exchange", "zipfile"))] == []
    assert not [m for m in loaded if m.startswith(("annobib.lookup", "rich", "httpx", "pypinyin"))]


def test_the_entries_written_are_checked_on_the_fast_path(tmp_path, monkeypatch):
    """Every entry after the first is written after a line end; that text before its `@` used
    to send each one to bibtexparser (~1.7 ms an entry)."""
    from annobib.bib import parse

    slow: list[int] = []
    real = parse._parse_with_bibtexparser
    monkeypatch.setattr(
        parse, "_parse_with_bibtexparser", lambda chunks: slow.append(sum("@" in c for c in chunks)) or real(chunks)
    )
    notes = tmp_path / "notes.txt"
    notes.write_text(NOTES, encoding="utf-8")
    r = run_cli(["extract", "--notes", str(notes), "-o", str(tmp_path / "out.bib")])
    assert r.exit_code == 0, r.stderr
    assert "3 entries (3 new" in r.stdout
    assert sum(slow) == 0


@pytest.mark.parametrize("where", ["first", "later"])
def test_a_writer_bug_is_still_caught_and_nothing_is_written(tmp_path, monkeypatch, where):
    """The read-back check compares what is read with what was meant: an entry text that lost a
    field (a writer bug) is refused, the first entry of the file or one after it. (An entry the
    writer proves plain is not read back: ``test_writer_proven`` holds serialize_entry to the
    parser instead; here the proof is switched off so that the check runs.)"""
    from annobib.bib import writer

    monkeypatch.setattr(writer, "reads_back_plainly", lambda entry: False)

    real = writer.serialize_entry
    calls: list[int] = []

    def losing_a_field(entry, indent="  "):
        calls.append(1)
        text = real(entry, indent)
        if where == "first" and len(calls) == 1 or where == "later" and len(calls) == 2:
            return "".join(line for line in text.splitlines(True) if not line.lstrip().startswith("date"))
        return text

    monkeypatch.setattr(writer, "serialize_entry", losing_a_field)
    notes = tmp_path / "notes.txt"
    notes.write_text(NOTES, encoding="utf-8")
    out = tmp_path / "out.bib"
    r = run_cli(["extract", "--notes", str(notes), "-o", str(out)])
    assert r.exit_code == 2
    assert "cannot be written safely (field date would not read back as written)" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr
    assert not out.exists()


PROBE = (
    "import os, sys\n"
    "class Probe:\n"
    "    def __del__(self, write=os.write):\n"
    "        write(2, b'TEARDOWN\\n')  # run by the interpreter's teardown, never after os._exit\n"
    "probe = Probe()\n"
    "from annobib.cli import main\n"
    "sys.argv = ['annobib'] + sys.argv[1:]\n"
    "main()\n"
)


def _own_process(args: list[str], tmp_path: Path, **kw) -> subprocess.CompletedProcess:
    env = dict(
        os.environ,
        PYTHONPATH=CLI_DIR + os.pathsep + os.environ.get("PYTHONPATH", ""),
        ANNOBIB_CACHE_DIR=str(tmp_path / "cache"),
    )
    return subprocess.run([sys.executable, "-c", PROBE, *args], env=env, timeout=120, **kw)


def test_extract_ends_its_process_without_the_teardown_and_loses_nothing(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text(NOTES, encoding="utf-8")
    expected = run_cli(["extract", "--notes", str(notes), "-o", "-"]).stdout
    done = _own_process(["extract", "--notes", str(notes), "-o", "-"], tmp_path, capture_output=True, text=True)
    assert done.returncode == 0
    assert done.stdout == expected and expected.count("@") == 3  # stdout flushed whole
    assert "annobib: 3 entries; 5 notes" in done.stderr and "TEARDOWN" not in done.stderr
    out = tmp_path / "out.bib"
    done = _own_process(["extract", "--notes", str(notes), "-o", str(out)], tmp_path, capture_output=True, text=True)
    assert done.returncode == 0 and "wrote" in done.stdout and "TEARDOWN" not in done.stderr
    assert out.read_text(encoding="utf-8") == expected


def test_a_failed_extract_and_other_commands_exit_the_usual_way(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("\n", encoding="utf-8")
    done = _own_process(["extract", "--notes", str(empty), "-o", "-"], tmp_path, capture_output=True, text=True)
    assert done.returncode == 2 and "TEARDOWN" in done.stderr
    done = _own_process(["--version"], tmp_path, capture_output=True, text=True)
    assert done.returncode == 0 and "TEARDOWN" in done.stderr


def test_extract_to_a_reader_that_went_away_still_exits_quietly(tmp_path):
    notes = tmp_path / "notes.txt"
    # 600 distinct works (read by helpers too): more BibTeX than a pipe holds
    notes.write_text(
        "".join(f"{i}. 王某{i}：《大国关系{i}》，北京：某某出版社 2015 年版。\n\n" for i in range(1, 601)),
        encoding="utf-8",
    )
    reader = subprocess.Popen(["head", "-c", "10"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
    done = _own_process(
        ["extract", "--notes", str(notes), "-o", "-"], tmp_path, stdout=reader.stdin, stderr=subprocess.PIPE
    )
    reader.stdin.close()
    reader.wait(timeout=60)
    assert done.returncode == 0
    assert b"Traceback" not in done.stderr and b"Exception ignored" not in done.stderr
