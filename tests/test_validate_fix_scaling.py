"""``validate --fix`` checks each entry a bounded number of times, whatever share of the file
the fixes touch (issue #12: with a fix in every one of 50,000 entries the file was checked three
times over: before fixing, by the fixer, and again for the report). Calls are counted, not timed.

The report after fixing must still be what a fresh check of the fixed file says."""

from __future__ import annotations

import pytest
from conftest import run_cli


def bib(n: int, fixed_every: int = 1) -> str:
    """``n`` entries; every ``fixed_every``-th has a safe fix (pages) and an unsafe one (URL)."""
    out = []
    for i in range(n):
        bad = i % fixed_every == 0
        pages = f"pp. {i} - {i + 5}" if bad else f"{i}-{i + 5}"
        title = f"Title\x07  {i}" if bad else f"Title {i}"  # a control character and doubled spaces
        url = f"https://example.org/{i}" + ("?utm_source=x" if bad else "")
        out.append(
            f"@article{{k{i},\n  author = {{Doe, Jane}},\n  title = {{{title}}},\n"
            f"  journaltitle = {{J}},\n  date = {{2001}},\n  pages = {{{pages}}},\n  url = {{{url}}},\n}}\n"
        )
    return "\n".join(out)


def _entry_checks(tmp_path, monkeypatch, n: int, fixed_every: int, *args: str) -> tuple[dict, str]:
    """Calls of: a rule that offers no fix (I213, every @article), the scanner of the pages fix
    (W305), the text-hygiene scanner (a field-local one), and the writer's splicing and check."""
    import annobib.bib.writer as writer
    from annobib.checks import all_rules
    from annobib.checks.base import REGISTRY, SCANNERS

    all_rules()
    calls = {"I213": 0, "W305": 0, "scan_text": 0, "splice": 0, "check_written": 0}

    def counting(name, fn):
        def counted(*a, **k):
            calls[name] += 1
            return fn(*a, **k)

        return counted

    monkeypatch.setattr(REGISTRY["I213"], "check", counting("I213", REGISTRY["I213"].check))
    saved = list(SCANNERS)  # the runner holds this very list: changed in place, then restored
    for i, (codes, fn, scope, fields) in enumerate(saved):
        name = "W305" if "W305" in codes else "scan_text" if "W508" in codes else None
        if name:
            SCANNERS[i] = (codes, counting(name, fn), scope, fields)
    monkeypatch.setattr(writer, "splice_entry", counting("splice", writer.splice_entry))
    monkeypatch.setattr(writer, "check_written", counting("check_written", writer.check_written))
    path = tmp_path / f"f{n}.bib"
    path.write_text(bib(n, fixed_every), encoding="utf-8")
    env = {"XDG_CACHE_HOME": str(tmp_path / "c"), "XDG_STATE_HOME": str(tmp_path / "s")}
    try:
        res = run_cli(["--bib", str(path), "validate", "--fix", *args], env=env)
    finally:
        SCANNERS[:] = saved
    assert res.exit_code in (0, 1), res.stderr
    assert "annobib: fixed" in res.stderr or "--format" in args
    return calls, res.stdout


@pytest.mark.parametrize("args", [(), ("--unsafe-fixes",)])
@pytest.mark.parametrize("fixed_every", [1, 3])
def test_each_entry_is_checked_before_and_once_after_its_fixes(tmp_path, monkeypatch, args, fixed_every):
    for n in (30, 120):
        calls, _ = _entry_checks(tmp_path, monkeypatch, n, fixed_every, *args)
        # with --unsafe-fixes every entry gets one (a guessed langid), else every fixed_every-th
        fixed = n if args else len(range(0, n, fixed_every))
        # a rule that offers fixes: once on every entry, once more on each fixed entry as fixed (a
        # fix that makes another possible costs one more check of that entry only); never a
        # second pass over them all
        assert calls["W305"] == n + fixed, (n, calls)
        # a rule that offers none: once on every entry, as fixed (never before and after)
        assert calls["I213"] == n, (n, calls)
        # the entry's title needs two fixes of one field-local scanner (W509 then W508): applied in
        # one pass, so that scanner too sees each fixed entry once more, not once per fix
        assert calls["scan_text"] == n + fixed, (n, calls)
        # each fixed entry spliced once; its text checked in one call for the whole file
        assert calls["splice"] == fixed and calls["check_written"] == 1, (n, calls)


def test_the_report_after_fixing_is_a_fresh_check_of_the_fixed_file(tmp_path, monkeypatch):
    _, fixed_run = _entry_checks(tmp_path, monkeypatch, 60, 3, "--format", "json")
    path = tmp_path / "f60.bib"
    env = {"XDG_CACHE_HOME": str(tmp_path / "c"), "XDG_STATE_HOME": str(tmp_path / "s")}
    fresh = run_cli(["--bib", str(path), "validate", "--format", "json"], env=env)
    import json

    def what(report: str) -> list:  # lines are left out: the report gives those of the file as read
        found = json.loads(report)["findings"]
        return sorted((f["key"], f["code"], f["field"] or "", f["message"], str(f["fix"])) for f in found)

    assert what(fixed_run) == what(fresh.stdout)
    assert len(what(fixed_run)) > 60  # the entries still have findings (no DOI …): a real comparison
