"""Patterns compiled by one run are reused by the next (annobib.core.rxcache), with the same
behaviour, and anything unexpected falls back to compiling."""

from __future__ import annotations


import re

import pytest

from annobib.core import rxcache
from annobib.core.sealed import seal, unseal

PATTERNS = [
    (r"(?P<year>\d{4})年(?:第\s*(\d+)\s*期)?", 0),
    (r"\bop\.?\s*cit\b", re.I),
    (r"^\s*\[(\d{1,3})\]\s*", re.M),
    (r"[《〈](?P<t>[^》〉]+)[》〉]", 0),
    (rb"\x00+", 0),
    (r"(?x) a \s+ b  # verbose", 0),
]
SAMPLES = ["2015年第3期", "OP. CIT. p. 5", "x\n [12] y", "见《大国政治》第5页", "a\x00\x00b", "a  b"]


def _behaviour(compiled):
    out = []
    for c in compiled:
        for s in SAMPLES:
            text = s.encode() if isinstance(c.pattern, bytes) else s
            out.append([m.span() + m.groups() for m in c.finditer(text)])
        out.append((c.flags, c.groups, c.groupindex))
    return out


def _compile_all():
    re.purge()  # re's own in-process cache would hide the compiler
    return [re.compile(p, f) for p, f in PATTERNS]


def test_a_second_run_reuses_the_compiled_patterns_with_the_same_behaviour(tmp_path, monkeypatch):
    expected = _behaviour(_compile_all())
    with rxcache.reuse(tmp_path):
        first = _compile_all()
    assert list(tmp_path.iterdir()) and _behaviour(first) == expected

    def no_compiling(*args):
        raise AssertionError("compiled again")

    monkeypatch.setattr(re._compiler, "_code", no_compiling)
    with rxcache.reuse(tmp_path):
        second = _compile_all()
    assert _behaviour(second) == expected


def test_only_patterns_compiled_in_the_block_are_kept(tmp_path):
    with rxcache.reuse(tmp_path):
        _compile_all()
    re.purge()
    re.compile("built from the user's text: 王某")  # outside the block
    (file,) = tmp_path.iterdir()
    assert "王某".encode() not in file.read_bytes()
    assert re._compiler.compile.__name__ == "compile"  # the compiler is put back


@pytest.mark.parametrize("damage", [b"", b"not marshal", b"\xe9\x00\x01"])
def test_a_damaged_file_means_compiling_as_usual(tmp_path, damage):
    with rxcache.reuse(tmp_path):
        _compile_all()
    (file,) = tmp_path.iterdir()
    file.write_bytes(damage)
    with rxcache.reuse(tmp_path):
        assert _behaviour(_compile_all()) == _behaviour([re.compile(p, f) for p, f in PATTERNS])


def test_the_code_is_kept_as_bytes_not_as_a_list_of_numbers(tmp_path):
    """Loading a list of ints cost marshal ~150 M instructions for the extractor's ~700 patterns,
    a quarter of a one-note run; the same words as bytes load at memory speed."""
    with rxcache.reuse(tmp_path):
        _compile_all()
    (file,) = tmp_path.iterdir()
    _tag, patterns = unseal(file.read_bytes())
    assert len(patterns) == len(PATTERNS)
    assert all(type(args[2]) is bytes and len(args[2]) % 4 == 0 for args in patterns.values())


@pytest.mark.parametrize("code", [b"\x01\x02\x03", b"\xff" * 8, [1, 2]])
def test_a_damaged_pattern_is_compiled_as_usual(tmp_path, code):
    with rxcache.reuse(tmp_path):
        _compile_all()
    (file,) = tmp_path.iterdir()
    tag, patterns = unseal(file.read_bytes())
    file.write_bytes(seal((tag, {k: (a[0], a[1], code, *a[3:]) for k, a in patterns.items()})))
    with rxcache.reuse(tmp_path):
        assert _behaviour(_compile_all()) == _behaviour([re.compile(p, f) for p, f in PATTERNS])


def test_an_unwritable_cache_folder_is_no_error(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")  # the cache folder cannot be made under a file, even by root
    with rxcache.reuse(blocker / "sub"):
        assert _behaviour(_compile_all()) == _behaviour([re.compile(p, f) for p, f in PATTERNS])
    assert not list(tmp_path.glob("**/*.tmp"))


def test_patterns_of_older_versions_give_way_once_the_file_is_full(tmp_path, monkeypatch):
    """Each upgrade adds the patterns it changed; past the bound the file keeps the patterns the
    current run used, so the new version's patterns are still kept and reused."""
    monkeypatch.setattr(rxcache, "_MAX_PATTERNS", 8)
    with rxcache.reuse(tmp_path):  # an older version's patterns fill the file
        re.purge()
        for i in range(8):
            re.compile(f"old version {i}")
    with rxcache.reuse(tmp_path):  # this version: some of its patterns are new
        _compile_all()

    def no_compiling(*args):
        raise AssertionError("compiled again")

    monkeypatch.setattr(re._compiler, "_code", no_compiling)
    with rxcache.reuse(tmp_path):
        _compile_all()
    (file,) = tmp_path.iterdir()
    assert b"old version" not in file.read_bytes()


def _a_call_site(text: str):
    return re.search(r"第\s*(\d+)\s*卷", text)  # a literal of this function: kept


def _built_from(text: str):
    return re.search(f"(?P<au>.{{{len(text)}}})" + re.escape(text[:2]), text)  # built from the text: never kept


def test_after_literals_only_a_pattern_built_from_the_text_is_not_kept(tmp_path):
    re.purge()
    with rxcache.reuse(tmp_path) as block:
        re.compile("kept: compiled before literals_only, as at import")
        block.literals_only()
        assert _a_call_site("第 5 卷")
        _built_from("王某的书")
    (file,) = tmp_path.iterdir()
    data = file.read_bytes()
    assert "卷".encode() in data and b"kept: compiled before" in data
    assert "王某".encode() not in data and b"(?P<au>" not in data
