"""``annobib-pandoc-filter`` (the executable pandoc runs) and ``annobib pandoc-filter`` guard a
lost stdout as every other entry point does: a closed or full stdout gives one line and exit 2,
never an internal error; a reader that goes away early is no error. A real process each."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

BIB = "@article{lin2025, author = {林铎}, title = {“中国牌”打不动了}, journaltitle = {世界知识}, date = {2025}}\n"
DOC = {"pandoc-api-version": [1, 23], "meta": {}, "blocks": [{"t": "Para", "c": [{"t": "Str", "c": "x"}]}]}
ENTRY_POINTS = {
    "executable": [sys.executable, "-c", "from annobib.commands.pandoc_filter import main; main()"],
    "command": [sys.executable, "-m", "annobib", "pandoc-filter"],
}
LOST = "annobib: error: cannot write to standard output ({}); the output is lost"


def _filter(kind, bib, stdout=subprocess.PIPE, close_stdout=False):
    return subprocess.run(
        [*ENTRY_POINTS[kind], "html", "--bib", str(bib)],
        input=json.dumps(DOC).encode(),
        stdout=stdout,
        stderr=subprocess.PIPE,
        timeout=60,
        env={**os.environ, "ANNOBIB_NO_CACHE": "1"},
        preexec_fn=(lambda: os.close(1)) if close_stdout else None,
    )


@pytest.fixture
def bib(tmp_path):
    path = tmp_path / "a.bib"
    path.write_text(BIB, encoding="utf-8")
    return path


def _one_line(stderr: bytes) -> str:
    text = stderr.decode()
    lines = text.strip().splitlines()
    assert len(lines) == 1 and "internal error" not in text and "Traceback" not in text, text
    return lines[0]


@pytest.mark.parametrize("kind", sorted(ENTRY_POINTS))
def test_the_filter_writes_the_ast(kind, bib):
    p = _filter(kind, bib)
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout)["blocks"][0]["c"][0] == {"t": "Str", "c": "x"}


@pytest.mark.parametrize("kind", sorted(ENTRY_POINTS))
def test_a_closed_stdout_is_one_line_and_exit_2(kind, bib):
    p = _filter(kind, bib, stdout=None, close_stdout=True)
    assert p.returncode == 2
    assert _one_line(p.stderr) == LOST.format("closed")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("kind", sorted(ENTRY_POINTS))
def test_a_full_stdout_is_one_line_and_exit_2(kind, bib):
    with open("/dev/full", "wb") as full:
        p = _filter(kind, bib, stdout=full)
    assert p.returncode == 2
    assert _one_line(p.stderr) == LOST.format("No space left on device")
