"""Hostile files and streams found still breaking a command: each is now one line and exit 2
(or a bounded report), never a hang, a traceback or a .bib annobib itself refuses to read."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import run_cli

GOOD = "@article{a, title={T}, date={2020}}\n"


def _one_error(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr[:500]
    assert "Traceback" not in stderr and "internal error" not in stderr
    return lines[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_proper_nouns_from_a_pipe_nothing_writes_to_or_a_device(tmp_path):
    """They hung `format` (a FIFO waits for a writer; /dev/zero never ends)."""
    bib = tmp_path / "a.bib"
    bib.write_text(GOOD, encoding="utf-8")
    fifo = tmp_path / "words"
    os.mkfifo(fifo)
    for path, said in ((str(fifo), "nothing writes"), ("/dev/zero", "not a regular file")):
        try:  # a child process: without the fix this would hang the test run, not fail it
            p = subprocess.run(
                [sys.executable, "-m", "annobib", "--bib", str(bib), "format", "--proper-nouns", path],
                capture_output=True,
                text=True,
                timeout=20,
                stdin=subprocess.DEVNULL,
            )
        except subprocess.TimeoutExpired:
            pytest.fail(f"format --proper-nouns {path} hangs")
        assert p.returncode == 2
        assert said in _one_error(p.stderr)


@pytest.mark.parametrize(
    "data, said",
    [(b"\x00\x01binary", "NUL"), (b"Caf\xe9\n", "not valid UTF-8"), ("Morrow\n".encode("utf-16"), "UTF-16")],
)
def test_proper_nouns_that_are_not_utf8_text(tmp_path, data, said):
    bib = tmp_path / "a.bib"
    bib.write_text(GOOD, encoding="utf-8")
    words = tmp_path / "words.txt"
    words.write_bytes(data)
    r = run_cli(["--bib", str(bib), "format", "--proper-nouns", str(words)])
    assert r.exit_code == 2
    assert said in _one_error(r.stderr)


def test_an_annotation_with_a_nul_byte_is_refused_and_the_file_stays_readable(tmp_path):
    """stdin text with NUL went into the .bib, and every later command refused the file."""
    bib = tmp_path / "a.bib"
    bib.write_text(GOOD, encoding="utf-8")
    r = run_cli(["--bib", str(bib), "annotate", "a"], input="good\x00bad\n")
    assert r.exit_code == 2
    assert "annote" in _one_error(r.stderr) and "NUL" in r.stderr
    assert bib.read_text(encoding="utf-8") == GOOD
    assert run_cli(["--bib", str(bib), "list"]).exit_code == 0


def test_an_import_with_a_nul_character_writes_nothing(tmp_path):
    bib = tmp_path / "a.bib"
    bib.write_text(GOOD, encoding="utf-8")
    src = tmp_path / "in.json"
    src.write_text('[{"id": "z", "type": "book", "title": "a\\u0000b"}]', encoding="utf-8")
    r = run_cli(["--bib", str(bib), "import", str(src)])
    assert r.exit_code == 2
    line = _one_error(r.stderr)
    assert "entry z" in line and "title" in line and "nothing written" in line
    assert bib.read_text(encoding="utf-8") == GOOD


def test_thousands_of_broken_blocks_are_a_bounded_report(tmp_path):
    """A file of 3,000 duplicated keys printed 3,000 error lines on every reading command."""
    bib = tmp_path / "dup.bib"
    bib.write_text("@misc{k, title={T}}\n" * 3000, encoding="utf-8")
    for command in (["list"], ["stats"], ["search", "T"], ["format"]):
        r = run_cli(["--bib", str(bib), *command])
        assert r.exit_code == 2, command
        lines = r.stderr.strip().splitlines()
        assert len(lines) == 21, (command, len(lines))
        assert lines[0].startswith("annobib: error:") and "duplicate key k" in lines[0]
        assert "2979 more problems" in lines[-1] and "annobib validate" in lines[-1]
