"""A stdout that is closed, full or cannot encode the output: one line, never an internal error.

Lost output is a failure (exit 2, whatever the command would have returned); escaped characters
are not (exit as usual, one warning). A real process each: the guard is on the process's stdout."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from xml.etree import ElementTree as ET

import pytest

from annobib.documents.wordml import W, FieldWalker

BIB = "@article{lin2025, author = {林铎}, title = {“中国牌”打不动了}, journaltitle = {世界知识}, date = {2025}}\n"


def _annobib(args, bib, stdout=subprocess.PIPE, close_stdout=False, env=None):
    return subprocess.run(
        [sys.executable, "-m", "annobib", "--bib", str(bib), *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
        preexec_fn=(lambda: os.close(1)) if close_stdout else None,
    )


@pytest.fixture
def bib(tmp_path):
    path = tmp_path / "a.bib"
    path.write_text(BIB, encoding="utf-8")
    return path


def _one_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and "internal error" not in stderr and "Traceback" not in stderr, stderr
    return lines[0]


@pytest.mark.parametrize("args", [["list"], ["validate"]])
def test_a_closed_stdout_is_a_failure_in_one_line(bib, args):
    p = _annobib(args, bib, stdout=None, close_stdout=True)
    assert p.returncode == 2
    assert _one_line(p.stderr) == "annobib: error: cannot write to standard output (closed); the output is lost"


def test_a_command_that_prints_nothing_does_not_mind_a_closed_stdout(bib):
    p = _annobib(["tag", "lin2025", "+x"], bib, stdout=None, close_stdout=True)
    assert p.returncode == 0, p.stderr
    assert "keywords = {x}" in bib.read_text(encoding="utf-8")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_stdout_is_a_failure_in_one_line(bib):
    with open("/dev/full", "w") as full:
        p = _annobib(["list", "--json"], bib, stdout=full)
    assert p.returncode == 2
    assert "No space left on device" in _one_line(p.stderr)


def test_an_encoding_that_cannot_hold_the_output_gets_escapes(bib):
    p = _annobib(["list", "--json"], bib, env={"PYTHONIOENCODING": "latin-1"})
    assert p.returncode == 0
    assert "\\u6797\\u94ce" in p.stdout  # 林铎, as JSON escapes: a parser reads the same name
    assert "encoding (latin-1) cannot hold some characters" in _one_line(p.stderr)


def _nested(depth: int) -> ET.Element:
    body = ET.Element(W + "body")
    p = ET.SubElement(body, W + "p")
    el = p
    for _ in range(depth):
        el = ET.SubElement(el, W + "r")
    ET.SubElement(el, W + "t").text = "deep"
    return body


def test_a_deeply_nested_word_tree_is_read_without_recursion():
    w = FieldWalker()
    w.walk(_nested(50_000))
    assert "".join(w.out) == "deep\n"


def test_extract_of_a_deeply_nested_docx_gives_one_clear_line(cli_run, tmp_path):
    doc = tmp_path / "deep.docx"
    xml = '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>'
    xml += "<w:r>" * 5000 + "<w:t>x</w:t>" + "</w:r>" * 5000 + "</w:p></w:body></w:document>"
    with zipfile.ZipFile(doc, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        z.writestr("word/document.xml", xml)
    r = cli_run(["extract", str(doc), "-o", "-"])
    assert r.exit_code == 2 and "internal error" not in r.stderr and "Recursion" not in r.stderr
    assert _one_line(r.stderr).endswith("without footnotes or endnotes; nothing to extract")


def test_a_deeply_nested_odt_tree_is_read_without_recursion():
    from annobib.documents.odt import T, _Walker

    body = ET.Element(T + "p")
    el = body
    for _ in range(50_000):
        el = ET.SubElement(el, T + "span")
    el.text, el.tail = "deep", None
    w = _Walker([])
    w.walk(body)
    assert "".join(w.out) == "deep\n"
