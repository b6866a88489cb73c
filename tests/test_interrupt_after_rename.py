"""An interrupt that comes as a write is renamed into place came too late to stop it: the
command finishes and reports the write (one warning line says so), never "interrupted" over a
file that was replaced, and the write keeps its undo record. An interrupt after the write
landed says that the write stands."""

from __future__ import annotations

import os
import signal

from conftest import run_cli

from annobib.core import files

BIB = "@book{a, title = {A}, date = {2020}}\n\n@book{b, title = {B}, date = {2021}}\n"


def _interrupt_at(monkeypatch, name):
    """Ctrl-C (SIGINT to this process) as core/files renames lib.bib into place (``replace``)
    or just after, at the ``close`` of the folder it then flushes."""
    real_replace, real_close = os.replace, os.close
    renamed = []

    def replace(src, dst, *args, **kw):
        if str(dst).endswith("lib.bib"):
            renamed.append(dst)
            if name == "replace":
                os.kill(os.getpid(), signal.SIGINT)
        return real_replace(src, dst, *args, **kw)

    def close(fd):
        if name == "close" and renamed:
            renamed.clear()
            os.kill(os.getpid(), signal.SIGINT)
        return real_close(fd)

    monkeypatch.setattr(files.os, "replace", replace)
    monkeypatch.setattr(files.os, "close", close)


def test_an_interrupt_during_the_rename_lets_the_write_finish(tmp_path, monkeypatch):
    (tmp_path / "lib.bib").write_text(BIB)
    monkeypatch.setenv("ANNOBIB_STATE_DIR", str(tmp_path / "state"))
    _interrupt_at(monkeypatch, "replace")
    r = run_cli(["--bib", str(tmp_path / "lib.bib"), "rm", "--yes", "a"])
    assert r.exit_code == 0 and "interrupted" not in r.stderr, r.stderr
    assert "came as the write landed" in r.stderr
    assert "@book{a," not in (tmp_path / "lib.bib").read_text()
    monkeypatch.undo()
    monkeypatch.setenv("ANNOBIB_STATE_DIR", str(tmp_path / "state"))
    r = run_cli(["--bib", str(tmp_path / "lib.bib"), "undo"])
    assert r.exit_code == 0 and (tmp_path / "lib.bib").read_text() == BIB, r.stderr


def test_an_interrupt_after_the_rename_says_the_write_stands(tmp_path, monkeypatch):
    (tmp_path / "lib.bib").write_text(BIB)
    monkeypatch.setenv("ANNOBIB_STATE_DIR", str(tmp_path / "state"))
    _interrupt_at(monkeypatch, "close")  # the folder's fsync, once the file is in place
    r = run_cli(["--bib", str(tmp_path / "lib.bib"), "rm", "--yes", "a"])
    assert "@book{a," not in (tmp_path / "lib.bib").read_text()
    assert r.exit_code == 0 or "landed (it stands)" in r.stderr, r.stderr
    monkeypatch.undo()
    monkeypatch.setenv("ANNOBIB_STATE_DIR", str(tmp_path / "state"))
    r = run_cli(["--bib", str(tmp_path / "lib.bib"), "undo"])
    assert r.exit_code == 0 and (tmp_path / "lib.bib").read_text() == BIB, r.stderr
