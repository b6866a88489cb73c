"""One table turns OS errors into one-line messages, for reads (errors.read_error) and writes
(errors.write_error, used by core.files): a full disk, a read-only file system or a missing
folder reads the same whichever path met it."""

from __future__ import annotations

import errno
import os
import tempfile

import pytest

from annobib.core import files
from annobib.errors import InputError, os_reason, read_error, read_input_bytes, write_error


def _err(code: int) -> OSError:
    return OSError(code, os.strerror(code))


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        (errno.ENOENT, "no such file"),
        (errno.EACCES, "permission denied"),
        (errno.EISDIR, "is a directory"),
        (errno.ENOSPC, "no space left on the device"),
        (errno.EROFS, "the file system is read-only"),
        (errno.EDQUOT, "the disk quota is used up"),
        (errno.ENAMETOOLONG, "the name is too long"),
    ],
)
def test_each_errno_has_one_reason(code, reason):
    assert os_reason(_err(code)) == reason
    assert os_reason(OSError(code, "whatever the system says")) == reason  # the table, not strerror


def test_an_errno_outside_the_table_keeps_the_systems_words():
    exc = _err(errno.EXDEV)
    assert os_reason(exc) == os.strerror(errno.EXDEV)
    assert str(read_error("a.bib", exc)) == f"a.bib: cannot read ({os.strerror(errno.EXDEV)})"
    assert str(write_error("a.bib", exc)) == f"a.bib: cannot write ({os.strerror(errno.EXDEV)}); nothing written"


def test_an_exception_raised_without_errno_reads_by_its_class():
    assert str(read_error("x.bib", PermissionError())) == "x.bib: permission denied"
    assert str(read_error("x.bib", IsADirectoryError(), "a .bib file")) == "x.bib: is a directory, not a .bib file"


def test_read_messages():
    assert str(read_error("a.bib", _err(errno.ENOENT))) == "a.bib: no such file"
    assert str(read_error("a/b.bib", _err(errno.ENOTDIR))) == (
        "a/b.bib: no such file (a part of the path is a file, not a folder)"
    )
    assert str(read_error("a.bib", _err(errno.EIO))).startswith("a.bib: an input/output error")


def test_write_messages():
    assert str(write_error("o.bib", _err(errno.ENOENT), folder="out")) == (
        "o.bib: the folder out does not exist; nothing written"
    )
    assert str(write_error("o.bib", _err(errno.EACCES), folder="out")) == (
        "o.bib: permission denied (cannot create a file in out); nothing written"
    )
    assert str(write_error("o.bib", _err(errno.EACCES))) == "o.bib: permission denied; nothing written"
    assert str(write_error("o.bib", _err(errno.ENOSPC))) == "o.bib: no space left on the device; nothing written"


def test_reading_a_missing_file_a_folder_and_a_path_under_a_file(tmp_path):
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    cases = {
        tmp_path / "missing.bib": "no such file",
        tmp_path: "is a directory, not a .bib file",
        tmp_path / "afile" / "x.bib": "no such file (a part of the path is a file, not a folder)",
    }
    for path, said in cases.items():
        with pytest.raises(InputError) as caught:
            read_input_bytes(path)
        assert str(caught.value) == f"{path}: {said}"


def test_a_full_disk_while_writing_is_one_line_and_leaves_nothing(tmp_path, monkeypatch):
    target = tmp_path / "refs.bib"
    target.write_text("old", encoding="utf-8")

    def full(src, dst):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files.os, "replace", full)
    with pytest.raises(InputError) as caught:
        files.atomic_write_text(target, "new")
    assert str(caught.value) == f"{target}: no space left on the device; nothing written"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["refs.bib"] and target.read_text() == "old"


def test_a_read_only_file_system_when_creating_the_temporary_file(tmp_path, monkeypatch):
    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    with pytest.raises(InputError) as caught:
        files.atomic_write_text(tmp_path / "new.bib", "x")
    assert str(caught.value) == f"{tmp_path / 'new.bib'}: the file system is read-only; nothing written"


def test_a_missing_folder_is_named(tmp_path):
    with pytest.raises(InputError) as caught:
        files.atomic_write_text(tmp_path / "nowhere" / "new.bib", "x")
    assert (
        str(caught.value)
        == f"{tmp_path / 'nowhere' / 'new.bib'}: the folder {tmp_path / 'nowhere'} does not exist; nothing written"
    )
