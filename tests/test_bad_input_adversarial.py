"""Bad input through the CLI: one `annobib: error: …` line, a non-zero exit, no traceback, and
nothing written (the file's bytes and mtime unchanged, no temporary file left behind)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, run_cli

BIB = """@article{ok2020,
  author = {Ok, Okay},
  title = {Fine},
  year = {2020},
}
"""

READERS = [["list"], ["show", "ok2020"], ["search", "fine"], ["stats"], ["validate"]]
WRITERS = [["tag", "ok2020", "+t"], ["annotate", "ok2020", "--text", "hi"], ["rm", "--yes", "ok2020"]]


def snapshot(folder: Path) -> dict:
    return {
        p.name: (
            p.read_bytes() if p.is_file() and os.access(p, os.R_OK) and p.stat().st_mode & 0o444 else None,
            p.lstat().st_mtime_ns,
        )
        for p in folder.iterdir()
        if not p.is_fifo()
    }


def one_error_line(result) -> str:
    assert result.exit_code != 0
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("annobib: error:")]
    assert len(errors) == 1, result.stderr
    return errors[0]


def cli(path: Path, args: list[str], tmp_path: Path):
    return run_cli(["--bib", str(path), *args], env={"ANNOBIB_CACHE_DIR": str(tmp_path / "cache")})


@pytest.mark.parametrize("args", READERS + WRITERS)
def test_a_file_without_read_permission_is_refused_even_for_root(tmp_path, args):
    folder = tmp_path / "refs"
    folder.mkdir()
    path = folder / "locked.bib"
    path.write_text(BIB, encoding="utf-8")
    path.chmod(0)
    before = snapshot(folder)
    try:
        line = one_error_line(cli(path, args, tmp_path))
        assert "permission denied" in line
        assert snapshot(folder) == before
    finally:
        path.chmod(0o644)


@pytest.mark.parametrize("args", WRITERS)
def test_a_read_only_file_is_not_replaced(tmp_path, args):
    folder = tmp_path / "refs"
    folder.mkdir()
    path = folder / "ro.bib"
    path.write_text(BIB, encoding="utf-8")
    path.chmod(0o444)
    before = snapshot(folder)
    try:
        line = one_error_line(cli(path, args, tmp_path))
        assert "read-only" in line and "nothing written" in line
        assert snapshot(folder) == before
    finally:
        path.chmod(0o644)


def test_a_read_only_file_still_shows_the_dry_run_diff(tmp_path):
    path = tmp_path / "ro.bib"
    path.write_text(BIB, encoding="utf-8")
    path.chmod(0o444)
    try:
        result = cli(path, ["tag", "ok2020", "+t", "--dry-run"], tmp_path)
        assert result.exit_code == 0, result.stderr
        assert "+  keywords = {t}," in result.stdout
        assert path.read_text(encoding="utf-8") == BIB
    finally:
        path.chmod(0o644)


def test_a_symlinked_bib_is_written_through_the_link(tmp_path):
    real = tmp_path / "dropbox" / "refs.bib"
    real.parent.mkdir()
    real.write_text(BIB, encoding="utf-8")
    link = tmp_path / "refs.bib"
    link.symlink_to(real)
    result = cli(link, ["tag", "ok2020", "+t"], tmp_path)
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink()  # not replaced by a copy
    assert "keywords = {t}" in real.read_text(encoding="utf-8")
    assert sorted(p.name for p in real.parent.iterdir()) == ["refs.bib"]


@pytest.mark.parametrize("args", READERS + WRITERS)
def test_a_path_under_a_file(tmp_path, args):
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    line = one_error_line(cli(tmp_path / "afile" / "refs.bib", args, tmp_path))
    assert "no such file" in line


def test_export_to_a_path_under_a_file_or_a_read_only_file(tmp_path):
    src = tmp_path / "refs.bib"
    src.write_text(BIB, encoding="utf-8")
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    line = one_error_line(cli(src, ["export", "--to", "bibtex", "-o", str(tmp_path / "afile" / "out.bib")], tmp_path))
    assert "nothing written" in line
    ro = tmp_path / "ro.bib"
    ro.write_text("keep me", encoding="utf-8")
    ro.chmod(0o444)
    try:
        line = one_error_line(cli(src, ["export", "--to", "bibtex", "-o", str(ro)], tmp_path))
        assert "read-only" in line
        assert ro.read_text(encoding="utf-8") == "keep me"
    finally:
        ro.chmod(0o644)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
@pytest.mark.parametrize("args", [["list"], ["search", "x"], ["tag", "ok2020", "+t"]])
def test_a_named_pipe_nothing_writes_to_is_refused_instead_of_hanging(tmp_path, args):
    fifo = tmp_path / "refs.bib"
    os.mkfifo(fifo)
    env = dict(os.environ, PYTHONPATH=str(REPO / "cli"), NO_COLOR="1", ANNOBIB_CACHE_DIR=str(tmp_path / "cache"))
    proc = subprocess.run(
        [sys.executable, "-m", "annobib", "--bib", str(fifo), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=30,
        stdin=subprocess.DEVNULL,
    )
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        f"annobib: error: {fifo}: a named pipe that nothing writes to, not a .bib file"
    ]
    assert fifo.is_fifo()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_with_a_writer_is_read(tmp_path):
    # `annobib --bib <(zcat refs.bib.gz) list` hands annobib a pipe that something writes to
    env = dict(os.environ, PYTHONPATH=str(REPO / "cli"), NO_COLOR="1", ANNOBIB_CACHE_DIR=str(tmp_path / "cache"))
    src = tmp_path / "refs.bib"
    src.write_text(BIB, encoding="utf-8")
    code = (
        f"import subprocess,sys; r=subprocess.Popen(['cat', {str(src)!r}], stdout=subprocess.PIPE); "
        f"sys.exit(subprocess.call([sys.executable,'-m','annobib','--bib','/dev/fd/%d' % r.stdout.fileno(),'list','--format','keys'], pass_fds=[r.stdout.fileno()]))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=30)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["ok2020"]


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_a_device_is_refused(tmp_path):
    line = one_error_line(cli(Path("/dev/zero"), ["list"], tmp_path))
    assert "not a regular file" in line


BAD_BYTES = {
    "gbk": "@article{gbk2020,\n  author = {张三},\n  title = {中文},\n}\n".encode("gbk"),
    "latin1": "@article{x,\n  author = {Müller, Jörg},\n}\n".encode("latin-1"),
    "binary": bytes(range(256)) * 4,
}


@pytest.mark.parametrize("kind", sorted(BAD_BYTES))
@pytest.mark.parametrize("args", READERS + WRITERS)
def test_undecodable_files(tmp_path, kind, args):
    folder = tmp_path / "refs"
    folder.mkdir()
    path = folder / "refs.bib"
    path.write_bytes(BAD_BYTES[kind])
    before = snapshot(folder)
    line = one_error_line(cli(path, args, tmp_path))
    assert ("UTF-8" in line) or ("not a text file" in line)
    assert snapshot(folder) == before


@pytest.mark.parametrize("args", READERS + WRITERS)
def test_a_utf16_file_is_named_as_such(tmp_path, args):
    # Windows editors save "Unicode" as UTF-16 with a byte-order mark
    folder = tmp_path / "refs"
    folder.mkdir()
    path = folder / "refs.bib"
    path.write_bytes(BIB.encode("utf-16"))
    before = snapshot(folder)
    line = one_error_line(cli(path, args, tmp_path))
    assert "UTF-16" in line and "UTF-8" in line
    assert snapshot(folder) == before


def test_an_old_jabref_file_in_windows_1252_gets_the_conversion_it_declares(tmp_path):
    path = tmp_path / "old.bib"
    path.write_bytes(
        "% This file was created with JabRef 2.10.\n% Encoding: windows-1252\n\n"
        "@article{x,\n  author = {Müller, Jörg},\n}\n".encode("cp1252")
    )
    line = one_error_line(cli(path, ["list"], tmp_path))
    assert line == (
        f"annobib: error: {path}:5: not valid UTF-8 (byte 0xfc); convert it to UTF-8 first "
        f"(it says it is windows-1252: iconv -f windows-1252 -t UTF-8 {path})"
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no pipes here")
def test_writing_to_a_pipe_is_refused_as_such(tmp_path):
    # `annobib --bib <(cat refs.bib) tag …`: the pipe can be read, not written back
    env = dict(os.environ, PYTHONPATH=str(REPO / "cli"), NO_COLOR="1", ANNOBIB_CACHE_DIR=str(tmp_path / "cache"))
    src = tmp_path / "refs.bib"
    src.write_text(BIB, encoding="utf-8")
    code = (
        f"import subprocess,sys; r=subprocess.Popen(['cat', {str(src)!r}], stdout=subprocess.PIPE); "
        f"sys.exit(subprocess.call([sys.executable,'-m','annobib','--bib','/dev/fd/%d' % r.stdout.fileno(),'tag','ok2020','+t'], pass_fds=[r.stdout.fileno()]))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=30)
    assert proc.returncode == 2
    assert "not a regular file" in proc.stderr and "nothing written" in proc.stderr
    assert src.read_text(encoding="utf-8") == BIB
