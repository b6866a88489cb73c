"""The cached pinyin table is keyed by pypinyin's version and its table's size, not by file dates:
a new virtual environment (the same pypinyin installed again, new dates) reuses it, where each
one used to rebuild it (~1 s of a first ``stats``/``search``); another release rebuilds it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from annobib import text as t


@pytest.fixture()
def install(tmp_path, monkeypatch):
    """A copy of the installed pypinyin's table files, standing in for a fresh install."""
    real = Path(t._pinyin_source()).parent
    folder = tmp_path / "site" / "pypinyin"
    folder.mkdir(parents=True)
    for name in ("__init__.py", "pinyin_dict.py", "pinyin_dict.json"):
        if (real / name).exists():
            shutil.copy(real / name, folder / name)
    monkeypatch.setattr(t, "_pinyin_source", lambda: str(folder / "pinyin_dict.py"))
    monkeypatch.setenv("ANNOBIB_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(t, "_SLOTS", None)
    t._pinyin_stamp.cache_clear()
    yield folder
    t._pinyin_stamp.cache_clear()


def _built(monkeypatch) -> list[int]:
    """Counts the builds of the table from pypinyin's module (each ~1 s in a real run)."""
    builds: list[int] = []
    real = t.pack_code_table
    monkeypatch.setattr(t, "pack_code_table", lambda *a: builds.append(1) or real(*a))
    return builds


def _read_table():
    t._pinyin_stamp.cache_clear()
    return t._table_from_disk()


def test_a_reinstall_with_new_dates_reuses_the_table(install, monkeypatch):
    builds = _built(monkeypatch)
    first = _read_table()
    assert builds == [1]
    for f in install.iterdir():  # a new venv: the same files, written again
        os.utime(f, (1_000_000_000, 1_000_000_000))
    assert _read_table() == first
    assert builds == [1]


def test_another_pypinyin_release_rebuilds_the_table(install, monkeypatch):
    builds = _built(monkeypatch)
    _read_table()
    init = install / "__init__.py"
    init.write_text(init.read_text(encoding="utf-8") + "\n__version__ = '99.0'\n", encoding="utf-8")
    _read_table()
    assert builds == [1, 1]
