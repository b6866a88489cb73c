"""``validate --fix`` checks each entry a bounded number of times, whatever share of the file
the fixes touch (issue #12: with a fix in every one of 50,000 entries the file was checked three
times over: before fixing, by the fixer, and again for the report). Calls are counted, not timed.

The report after fixing must still be what a fresh check of the fixed file says."""

from __future__ import annotations

import pytest
from conftest import run_cli

import annobib.checks.runner as runner


def bib(n: int, fixed_every: int = 1) -> str:
    """``n`` entries; every ``fixed_every``-th has a safe fix (pages) and an unsafe one (URL)."""
    out = []
    for i in range(n):
        bad = i % fixed_every == 0
        pages = f"pp. {i} - {i + 5}" if bad else f"{i}-{i + 5}"
        url = f"https://example.org/{i}" + ("?utm_source=x" if bad else "")
        out.append(
            f"@article{{k{i},\n  author = {{Doe, Jane}},\n  title = {{Title {i}}},\n"
            f"  journaltitle = {{J}},\n  date = {{2001}},\n  pages = {{{pages}}},\n  url = {{{url}}},\n}}\n"
        )
    return "\n".join(out)


def _entry_checks(tmp_path, monkeypatch, n: int, fixed_every: int, *args: str) -> tuple[int, str]:
    calls = [0]
    real = runner._Plan.run

    def run(self, e, ctx, out):
        calls[0] += 1
        return real(self, e, ctx, out)

    monkeypatch.setattr(runner._Plan, "run", run)
    path = tmp_path / f"f{n}.bib"
    path.write_text(bib(n, fixed_every), encoding="utf-8")
    env = {"XDG_CACHE_HOME": str(tmp_path / "c"), "XDG_STATE_HOME": str(tmp_path / "s")}
    res = run_cli(["--bib", str(path), "validate", "--fix", *args], env=env)
    assert res.exit_code in (0, 1), res.stderr
    assert "annobib: fixed" in res.stderr or "--format" in args
    return calls[0], res.stdout


@pytest.mark.parametrize("args", [(), ("--unsafe-fixes",)])
@pytest.mark.parametrize("fixed_every", [1, 3])
def test_each_entry_is_checked_before_and_once_after_its_fixes(tmp_path, monkeypatch, args, fixed_every):
    for n in (30, 120):
        checks, _ = _entry_checks(tmp_path, monkeypatch, n, fixed_every, *args)
        # with --unsafe-fixes every entry gets one (a guessed langid), else every fixed_every-th
        fixed = n if args else len(range(0, n, fixed_every))
        # one check of every entry, one of each fixed entry as fixed (a fix that makes another
        # possible costs one more check of that entry only); never a second pass over them all
        assert checks == n + fixed, (n, checks)


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
