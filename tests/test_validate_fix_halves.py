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
from fixes_gen import fixes_text

TODAY = dt.date(2026, 1, 1)


def _fixes_text(n: int) -> str:
    """``n`` entries, each needing several safe fixes (the shapes of the 50,000-entry benchmark),
    a clean one every fourth, and a duplicate work (W107) at the end."""
    return fixes_text(n, clean_every=4)


def _run(path, *, split: bool, monkeypatch, **kw):
    monkeypatch.setattr(halves, "PARALLEL_MIN", 8 if split else 10**9)
    monkeypatch.setattr(runner, "PARALLEL_MIN", 8 if split else 10**9)
    clear_caches()
    out = session.validate([path], fix=True, today=TODAY, **kw)
    dump = [(f.code, f.key, f.field, f.message, f.line, f.fix and (f.fix.field, f.fix.value)) for f in out.findings]
    return path.read_bytes(), dump, out.applied, out.fixed_entries, out.diffs


def test_two_processes_fix_exactly_what_one_fixes(monkeypatch, tmp_path, forks):
    one, two = tmp_path / "one.bib", tmp_path / "two.bib"
    text = _fixes_text(41)
    one.write_text(text, encoding="utf-8")
    two.write_text(text, encoding="utf-8")
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


def test_fixes_counted_not_kept_report_what_the_kept_ones_report(monkeypatch, tmp_path):
    """Without the JSON report (``report_fixes=False``) the fixes are only counted, in one
    process or two: the same file, findings, count per code and fixed entries; no rows."""
    text = _fixes_text(41)
    kept = tmp_path / "kept.bib"
    kept.write_text(text, encoding="utf-8")
    full = _run(kept, split=False, monkeypatch=monkeypatch)
    codes = sorted(a["code"] for a in full[2])
    for split in (False, True):
        bib = tmp_path / f"counted{split}.bib"
        bib.write_text(text, encoding="utf-8")
        got = _run(bib, split=split, monkeypatch=monkeypatch, report_fixes=False)
        assert got[0] == full[0] and got[1] == full[1] and got[3] == full[3]
        assert len(got[2]) == len(full[2]) and sorted(got[2].codes()) == codes
        assert not any(isinstance(v, str) and v.startswith(("A  study", "http")) for v in _held(got[2]))
        with pytest.raises(LookupError):
            got[2][0]


def _held(report) -> list:
    """Every value a report holds, one level into its objects (the old and new values of kept fixes)."""
    out = []
    for part in (getattr(report, "_rows", []), getattr(report, "_counted", [])):
        for item in part:
            for x in item if isinstance(item, tuple) else (item,):
                out += [getattr(x, n, None) for n in getattr(x, "__slots__", ())]
                out += list(getattr(x, "codes", {}))
    return out


def test_a_fix_that_would_not_read_back_in_the_childs_half_writes_nothing(monkeypatch, tmp_path):
    bib = tmp_path / "refs.bib"
    text = _fixes_text(24)
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


def test_the_library_rules_start_before_the_fixed_text_is_joined(monkeypatch, tmp_path):
    """Once both halves are fixed the library rules (duplicates: 1 s at 50,000) start in a
    process of their own at once: they ran only after the join, and the command waited."""
    bib = tmp_path / "refs.bib"
    bib.write_text(_fixes_text(24), encoding="utf-8")
    order: list[str] = []
    real_start, real_check = session.start_library_rules, halves.check_library
    monkeypatch.setattr(session, "start_library_rules", lambda *a: order.append("start") or real_start(*a))
    monkeypatch.setattr(halves, "check_library", lambda *a: order.append("join") or real_check(*a))
    _run(bib, split=True, monkeypatch=monkeypatch)
    assert order == ["start", "join"]


def _cpu_all() -> float:
    """CPU of this process and of its children waited for (the second half runs in one)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def test_fixing_grows_linearly_with_the_entries_to_fix(monkeypatch, tmp_path):
    # CPU at 1x and 4x entries that all need fixes, through the two-process path, less the
    # cost of fixing 8 (forks, the library rules, the write: they hid a quadratic term in a
    # plain ratio, whose bound was 6.5 where linear is ~3). Linear work grows 4x, quadratic
    # work (a splice per edit into the whole text, a search per field, a rescan per fix) 16x
    monkeypatch.setattr(halves, "PARALLEL_MIN", 8)
    bib = tmp_path / "refs.bib"

    def fix(n: int):
        text = fixes_text(n)

        def run():
            bib.write_text(text, encoding="utf-8")
            clear_caches()
            out = session.validate([bib], fix=True, today=TODAY)
            assert out.fixed_entries == n

        return run

    def best(fn) -> float:
        times = []
        for _ in range(3):
            t = _cpu_all()
            fn()
            times.append(_cpu_all() - t)
        return min(times)

    fix(400)()  # warm-up: imports, compiled patterns
    t0, t1, t4 = best(fix(8)), best(fix(400)), best(fix(1600))
    print(f"fix CPU 8 entries {t0:.3f} s, 1x {t1:.3f} s, 4x {t4:.3f} s")
    assert (t4 - t0) / max(t1 - t0, 1e-3) < 6, (t0, t1, t4)  # linear: about 4
