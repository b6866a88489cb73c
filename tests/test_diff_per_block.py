"""The diff of a write is matched per rewritten block (issue #12: ``validate --fix`` with a fix in
every entry made one changed stretch as long as the file; 500 entries took 18 s, 5,000 minutes).

It must stay the diff difflib gives (on small files, where difflib is quick) and one that
``patch`` applies."""

from __future__ import annotations

import difflib
import random
import shutil
import subprocess

import pytest

import annobib.bib.diff as diffmod
from annobib.bib import parse_library
from annobib.bib.diff import library_diff
from annobib.bib.writer import _block_texts
from annobib.model import Entry
from conftest import best_cpu


def bib(n: int, start: int = 0) -> str:
    return "".join(
        f"@article{{k{i},\n  title = {{Title {i}}},\n  url = {{https://example.org/{i}?utm_source=x}},\n"
        f"  year = {{{2000 + i % 20}}},\n}}\n\n"
        for i in range(start, start + n)
    )


def edit_all(text: str, every: int = 1):
    """The library of ``text`` with the URL of every ``every``-th entry cleaned (as W316's fix)."""
    lib = parse_library(text)
    for i, key in enumerate(lib.keys()):
        if i % every == 0:
            entry = lib.get(key)
            entry.fields["url"] = str(entry.fields["url"]).split("?")[0]
    return lib


def diff_of(lib, old: str) -> tuple[str, str]:
    parts = _block_texts(lib)
    new = "".join(p[1] for p in parts)
    return library_diff(old, new, parts, "f"), new


def test_a_fix_in_every_entry_is_a_one_line_hunk_each_and_matches_difflib():
    old = bib(30)
    d, new = diff_of(edit_all(old), old)
    want = "".join(
        difflib.unified_diff(old.splitlines(True), new.splitlines(True), "a/f", "b/f")
    )  # 180 lines: difflib's autojunk does not start below 200
    assert d == want
    assert d.count("\n-  url = ") == 30 and d.count("\n+  url = {https://example.org/") == 30


def test_random_edits_match_difflib_and_apply_with_patch(tmp_path):
    rng = random.Random(12)
    base = bib(25)
    have_patch = shutil.which("patch") is not None
    for trial in range(120):
        lib = parse_library(base)
        keys = lib.keys()
        field_only = True
        for _ in range(rng.randint(1, 12)):
            key = rng.choice(keys)
            entry = lib.get(key)
            if entry is None:
                continue
            op = rng.random()
            if op < 0.35:
                entry.fields["title"] = f"New title {rng.random()}"
            elif op < 0.55:
                entry.fields["url"] = str(entry.fields["url"]).split("?")[0]
            elif op < 0.7:
                entry.fields[f"note{rng.randint(0, 3)}"] = f"a note {rng.random()}"
            elif op < 0.8:
                entry.fields.pop("year", None)
            elif op < 0.9:
                lib.remove(key)
                field_only = False
            else:
                lib.add(Entry(f"n{rng.randint(0, 10**6)}", "misc", {"title": "z"}), after=key)
                field_only = False
        d, new = diff_of(lib, base)
        if field_only:  # no block added or removed: no alignment choice, exactly difflib's diff
            assert d == "".join(difflib.unified_diff(base.splitlines(True), new.splitlines(True), "a/f", "b/f"))
        if have_patch and trial % 6 == 0 and d:
            target = tmp_path / "f"
            target.write_text(base, encoding="utf-8", newline="")
            subprocess.run(["patch", "-s", "-p1", "-d", str(tmp_path)], input=d.encode(), check=True)
            assert target.read_bytes().decode("utf-8") == new


def _matched_lines(monkeypatch, lib, old) -> tuple[str, list[int]]:
    sizes: list[int] = []
    real = diffmod.difflib.SequenceMatcher

    class Counting(real):  # type: ignore[misc,valid-type]
        def __init__(self, isjunk=None, a="", b="", autojunk=True):
            sizes.append(len(a) + len(b))
            super().__init__(isjunk, a, b, autojunk)

    monkeypatch.setattr(diffmod.difflib, "SequenceMatcher", Counting)
    d, _ = diff_of(lib, old)
    monkeypatch.undo()
    return d, sizes


def test_fixes_in_adjacent_entries_are_matched_entry_by_entry(monkeypatch):
    old = bib(300)
    d, sizes = _matched_lines(monkeypatch, edit_all(old), old)
    assert d.count("\n+  url = ") == 300
    assert sizes and max(sizes) <= 4  # each URL line alone, never the 1,800-line stretch


@pytest.mark.parametrize("every", [1, 3])
def test_the_diff_grows_linearly(every):
    """4x the entries (all or a third of them fixed): the diff takes about 4x as long, not 16x
    (it took 18 s at 500 entries; a generous bound, the least CPU of three)."""

    def cost(n: int) -> float:
        old = bib(n)
        lib = edit_all(old, every)
        parts = _block_texts(lib)
        new = "".join(p[1] for p in parts)
        return best_cpu(lambda: library_diff(old, new, parts, "f"))  # CPU, least of three: load-proof

    small, big = cost(300), cost(1200)
    assert big < small * 10


def test_validate_fix_splices_and_checks_each_entry_once(tmp_path, monkeypatch):
    """The fixes are checked before anything is written, and the write reuses that check: at
    50,000 fixed entries splicing and re-parsing each took about 6 s, done twice."""
    from conftest import run_cli

    import annobib.bib.writer as writer

    path = tmp_path / "f.bib"
    path.write_text(bib(40), encoding="utf-8")
    calls = {"texts": 0, "checks": 0}
    real_texts, real_check = writer._block_texts, writer.check_written

    def texts(lib, *more):
        calls["texts"] += 1
        return real_texts(lib, *more)

    def check(lib, parts, *more):
        calls["checks"] += 1
        return real_check(lib, parts, *more)

    monkeypatch.setattr(writer, "_block_texts", texts)
    monkeypatch.setattr(writer, "check_written", check)
    env = {"XDG_CACHE_HOME": str(tmp_path / "c"), "XDG_STATE_HOME": str(tmp_path / "s")}
    res = run_cli(["--bib", str(path), "validate", "--fix", "--unsafe-fixes", "--diff"], env=env)
    assert "?utm_source" not in path.read_text(encoding="utf-8")
    assert res.stdout.count("\n+  url = {https://example.org/") == 40
    assert calls == {"texts": 1, "checks": 1}
