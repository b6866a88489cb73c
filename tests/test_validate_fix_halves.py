"""``validate --fix`` of a large file runs in two processes (checks.halves): the file written,
the fixes reported (in their order) and the findings must be exactly those of one process; a
fixed entry that would not read back in the child's half writes nothing."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from annobib.bib import writer
from annobib.checks import halves, runner, session
from annobib.checks.runner import clear_caches
from annobib.errors import InputError

TODAY = dt.date(2026, 1, 1)


def fixes_text(n: int) -> str:
    """``n`` entries, each needing several safe fixes (the shapes of the 50,000-entry benchmark),
    and a few clean ones between them."""
    out = []
    for i in range(n):
        k = f"e{i:05d}"
        if i % 4 == 0:
            out.append(
                f"@article{{{k},\n  author  = {{Smith,  John and  Doe, Jane}},\n"
                f"  title   = {{A  study of   things {i} 50% off &amp; more\x07}},\n"
                f"  journaltitle = {{Ｊｏｕｒｎａｌ of Things}},\n  date    = {{2020}},\n"
                f"  volume  = {{Vol. 3}},\n  pages   = {{12 - 15}},\n"
                f"  doi     = {{https://doi.org/10.1234/abc{i}}},\n  url     = {{http://example.com/p{i}#}},\n"
                f"  note    = {{}},\n}}\n"
            )
        elif i % 4 == 1:
            out.append(
                f"@book{{{k},\n  author = {{刘琳}},\n  title  = {{美菲“肩并肩 2025”，美国新版“印太战略”现端倪 {i}}},\n"
                f"  publisher = {{世界知识出版社 }},\n  date = {{2025}},\n  isbn = {{ISBN: 978-7-5012-{i:05d}-1}},\n"
                f"  url = {{https://example.org/x{i}.}},\n  pages = {{1—20 }},\n}}\n"
            )
        elif i % 4 == 2:
            out.append(
                f"@online{{{k},\n  title = {{Page\t{i}   with   spaces }},\n  url = {{ https://example.net/q{i}. }},\n"
                f"  urldate = {{2024-01-01}},\n  date = {{2023-02-03}},\n  keywords = {{alpha, beta}},\n"
                f"  langid = {{english}},\n}}\n"
            )
        else:  # nothing to fix: its findings are the first check's, kept
            out.append(
                f"% a comment kept as it is\n@book{{{k},\n  author = {{Doe, Jane}},\n  title = {{Clean {i}}},\n"
                f"  publisher = {{Press}},\n  location = {{Paris}},\n  date = {{2001}},\n}}\n"
            )
    # the same work twice: W107, a library rule (run apart, in the second process)
    out.append(
        "@book{twin,\n  author = {Doe, Jane},\n  title = {Clean 3},\n  publisher = {Press},\n  date = {2001},\n}\n"
    )
    return "\n".join(out)


def _run(path, *, split: bool, monkeypatch, **kw):
    monkeypatch.setattr(halves, "PARALLEL_MIN", 8 if split else 10**9)
    monkeypatch.setattr(runner, "PARALLEL_MIN", 8 if split else 10**9)
    clear_caches()
    out = session.validate([path], fix=True, today=TODAY, **kw)
    dump = [(f.code, f.key, f.field, f.message, f.line, f.fix and (f.fix.field, f.fix.value)) for f in out.findings]
    return path.read_bytes(), dump, out.applied, out.fixed_entries, out.diffs


def test_two_processes_fix_exactly_what_one_fixes(monkeypatch, tmp_path):
    one, two = tmp_path / "one.bib", tmp_path / "two.bib"
    text = fixes_text(41)
    one.write_text(text, encoding="utf-8")
    two.write_text(text, encoding="utf-8")
    forks: list[int] = []
    real_fork = os.fork

    def counting_fork():
        pid = real_fork()
        if pid:
            forks.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", counting_fork)
    alone = _run(one, split=False, monkeypatch=monkeypatch)
    n_alone = len(forks)
    shared = _run(two, split=True, monkeypatch=monkeypatch, diff=True)
    assert len(forks) > n_alone  # the halves did go through a second process
    assert alone[0] != text.encode()  # the fixes were written
    assert len(alone[2]) > 100 and alone[3] == 31
    assert shared[0] == alone[0]  # byte for byte the same file
    assert shared[1] == alone[1]  # the same findings, lines included
    strip = [{k: v for k, v in a.items() if k != "file"} for a in alone[2]]
    assert [{k: v for k, v in a.items() if k != "file"} for a in shared[2]] == strip  # same fixes, same order
    assert shared[3] == alone[3]
    assert [d for d in alone[1] if d[0] == "W107"]  # a library rule's finding, the same in both
    assert shared[4] and "+  title   = {A study of things 0 50\\% off \\& more}," in shared[4][0]


def test_a_fix_that_would_not_read_back_in_the_childs_half_writes_nothing(monkeypatch, tmp_path):
    bib = tmp_path / "refs.bib"
    text = fixes_text(24)
    bib.write_text(text, encoding="utf-8")
    real = writer.check_written

    def refuse_late_entries(lib, parts, done=None):
        if any(b is not None and b.entry is not None and b.entry.key >= "e00020" for b, _, _ in parts):
            raise InputError("entry e00020: cannot be written safely (test); nothing written")
        return real(lib, parts, done)

    monkeypatch.setattr(writer, "check_written", refuse_late_entries)
    with pytest.raises(InputError, match="e00020"):
        _run(bib, split=True, monkeypatch=monkeypatch)
    assert bib.read_text(encoding="utf-8") == text


def _cpu_all() -> float:
    """CPU of this process and of its children waited for (the second half runs in one)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def test_fixing_grows_linearly_with_the_entries_to_fix(monkeypatch, tmp_path):
    # CPU at 1x and 4x entries that all need fixes, through the two-process path: quadratic
    # work (a splice per edit, a search per field, a rescan per fix) shows as 16x, linear as 4x
    monkeypatch.setattr(halves, "PARALLEL_MIN", 8)
    bib = tmp_path / "refs.bib"
    small, large = fixes_text(150), fixes_text(600)

    def fix(text: str):
        def run():
            bib.write_text(text, encoding="utf-8")
            clear_caches()
            out = session.validate([bib], fix=True, today=TODAY)
            assert out.applied

        return run

    def best(fn) -> float:
        times = []
        for _ in range(3):
            t = _cpu_all()
            fn()
            times.append(_cpu_all() - t)
        return max(min(times), 1e-3)

    best(fix(small))  # warm-up: imports, compiled patterns
    t1, t4 = best(fix(small)), best(fix(large))
    print(f"fix CPU 1x {t1:.3f} s, 4x {t4:.3f} s")
    assert t4 / t1 < 6.5, (t1, t4)  # linear: about 4
