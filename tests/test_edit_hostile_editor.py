"""edit/annotate with an editor that does something odd to its buffer (round 8): deletes it,
replaces it with a directory or a FIFO, saves UTF-16. One line, exit 2, the library untouched,
no temporary file left, no hang. And a new key that differs from another only in case."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile

import pytest
from conftest import run_cli

LIB = "@article{k1, title = {One}, date = {2020}}\n\n@article{K2, title = {Two}, date = {2021}}\n"

EDITORS = {
    "deleted": ('rm -f "$1"', "removed its buffer"),
    "directory": ('rm -f "$1"; mkdir "$1"', "a directory in place of its buffer"),
    "fifo": ('rm -f "$1"; mkfifo "$1"', "a FIFO in place of its buffer"),
    "utf-16": (
        r"""printf '@article{k1,title={\xc3\xa9t\xc3\xa9}}\n' | iconv -f UTF-8 -t UTF-16 > "$1" """,
        "UTF-16",
    ),
    "symlink": ('rm -f "$1"; ln -s /etc/hostname "$1"', "a symbolic link in place of its buffer"),
}


@pytest.fixture
def own_tmp(tmp_path, monkeypatch):
    """A temporary folder of the test's own, to see what is left in it."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def _script(tmp_path, body: str) -> str:
    script = tmp_path / "ed.sh"
    script.write_text(f"#!/bin/bash\n{body}\n", encoding="utf-8")
    script.chmod(0o755)
    return str(script)


@pytest.mark.parametrize("name", EDITORS)
@pytest.mark.parametrize("command", [["edit", "k1"], ["annotate", "k1", "--editor"]])
def test_an_editor_that_spoils_its_buffer_is_one_line(tmp_path, own_tmp, name, command):
    body, said = EDITORS[name]
    bib = tmp_path / "t.bib"
    bib.write_text(LIB, encoding="utf-8")
    env = {**os.environ, "EDITOR": _script(tmp_path, body), "TMPDIR": str(own_tmp)}
    env.pop("VISUAL", None)
    # a process of its own, with a timeout: a FIFO read would hang for ever
    r = subprocess.run(
        [sys.executable, "-m", "annobib", "--bib", str(bib), *command],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert r.returncode == 2, r.stderr
    assert said in r.stderr and "internal error" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1, r.stderr
    assert bib.read_text(encoding="utf-8") == LIB
    assert os.listdir(own_tmp) == []


def test_buffers_of_a_killed_edit_are_swept_on_the_next_one(tmp_path, own_tmp):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = own_tmp / f"annobib-edit-{dead.pid}-abc.bib"
    stale.write_text("left by kill -9", encoding="utf-8")
    mine = own_tmp / f"annobib-edit-{os.getpid()}-live.bib"  # a live edit: kept
    mine.write_text("being edited", encoding="utf-8")
    bib = tmp_path / "t.bib"
    bib.write_text(LIB, encoding="utf-8")
    r = run_cli(["--bib", str(bib), "edit", "k1"], env={"EDITOR": "true", "VISUAL": None})
    assert r.exit_code == 0 and "no change" in r.stderr
    assert sorted(os.listdir(own_tmp)) == [mine.name]


def test_a_new_key_that_differs_from_another_only_in_case_is_refused(tmp_path, own_tmp):
    bib = tmp_path / "t.bib"
    bib.write_text(LIB, encoding="utf-8")
    # the editor renames k1 to k2 each time it is opened: the same error twice ends the edit
    env = {"EDITOR": _script(tmp_path, 'sed -i "s/{k1,/{k2,/" "$1"'), "VISUAL": None}
    r = run_cli(["--bib", str(bib), "edit", "k1"], env=env)
    assert r.exit_code == 2 and "differs only in case from 'K2'" in r.stderr
    assert bib.read_text(encoding="utf-8") == LIB
    # a change of case of its own key is no clash
    env = {"EDITOR": _script(tmp_path, 'sed -i "s/{k1,/{K1,/" "$1"'), "VISUAL": None}
    r = run_cli(["--bib", str(bib), "edit", "k1"], env=env)
    assert r.exit_code == 0, r.stderr
    assert "@article{K1," in bib.read_text(encoding="utf-8")
