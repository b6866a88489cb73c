"""The cache's code signature: kept beside the stat of each shaping source file, so a lookup
stats the files instead of hashing them, and any change to a file is still seen."""

from __future__ import annotations

import os

import pytest

from annobib.core.sealed import seal, unseal
from annobib.lookup import store


@pytest.fixture()
def package(tmp_path, monkeypatch):
    pkg = tmp_path / "annobib"
    (pkg / "lookup").mkdir(parents=True)
    (pkg / "lookup" / "__init__.py").write_text("", encoding="utf-8")
    (pkg / "lookup" / "a.py").write_text("X = 1\n", encoding="utf-8")
    monkeypatch.setattr(store, "_PACKAGE", pkg)
    monkeypatch.setattr(store, "SHAPERS", ("annobib.lookup",))
    monkeypatch.setenv("ANNOBIB_CACHE_DIR", str(tmp_path / "cache"))
    store.code_signature.cache_clear()
    yield pkg
    store.code_signature.cache_clear()


def _fresh() -> tuple:
    store.code_signature.cache_clear()
    return store.code_signature()


def test_the_kept_hash_is_used_while_no_file_changed(package, tmp_path):
    first = _fresh()
    (memo,) = (tmp_path / "cache").glob("code-*.sig")
    stats, digest = unseal(memo.read_bytes())
    assert digest == first[2]
    memo.write_bytes(seal([stats, "f" * 40]))  # a kept hash stands for the files
    assert _fresh()[2] == "f" * 40


def test_an_edit_of_the_same_size_with_the_old_mtime_is_seen(package):
    first = _fresh()
    a = package / "lookup" / "a.py"
    st = os.stat(a)
    a.write_text("X = 2\n", encoding="utf-8")
    os.utime(a, ns=(st.st_atime_ns, st.st_mtime_ns))  # same size, mtime set back: ctime moved
    second = _fresh()
    assert second != first
    a.rename(package / "lookup" / "b.py")  # same bytes under another name
    assert _fresh() not in (first, second)


def test_no_cache_folder_still_signs(package, tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("ANNOBIB_CACHE_DIR", str(blocker / "cache"))  # cannot be created
    sig = _fresh()
    assert sig[0] == store.FORMAT and len(sig[2]) == 40
