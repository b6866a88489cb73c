"""Round 10, F2: ``cite`` of a few keys formats those references only; every entry still gives
its sort, group and citation keys (2020a/2020b need them), but not a whole rendered list.
And a manuscript citing thousands of missing keys says so in a bounded number of lines."""

from __future__ import annotations

import pytest

from annobib.bib import parse_library
from annobib.styles import cite, format_bibliography, style_module
from conftest import best_cpu, run_cli


def _bib(n: int) -> str:
    """``n`` small entries; every tenth pair shares author and year (letters 2020a/2020b)."""
    out = []
    for i in range(n):
        au = f"Au{i - i % 2 if i % 10 < 2 else i}, B"
        out.append(f"@misc{{m{i}, title={{T {i}}}, author={{{au}}}, year={{{1900 + (i // 2) % 90}}}}}\n")
    return "".join(out)


@pytest.mark.parametrize(
    "args",
    [
        ["--style", "apa"],
        ["--style", "gbt7714", "--system", "author-date"],
        ["--style", "gbt7714", "--edition", "2015", "--system", "author-date"],
    ],
)
def test_cite_formats_only_the_keys_asked(tmp_path, monkeypatch, args):
    bib = tmp_path / "m.bib"
    bib.write_text(_bib(400), encoding="utf-8")
    mod = style_module(args[1])
    calls = []
    real = mod.format_entry

    def counting(entry, *a, **kw):
        calls.append(entry.key)
        return real(entry, *a, **kw)

    monkeypatch.setattr(mod, "format_entry", counting)
    res = run_cli(["--bib", str(bib), "cite", *args, "m10", "m11"])
    assert res.exit_code == 0, res.stderr
    assert len(calls) <= 2, len(calls)
    # the letters are those of the whole list
    if args[1] == "apa":
        assert res.stdout.strip() == "(Au10, 1905a, 1905b)", res.stdout


def test_cite_gives_the_same_citations_as_the_whole_list():
    entries = parse_library(_bib(300)).entries
    keys = ["m0", "m1", "m20", "m21", "m77"]
    for style, system in (("apa", None), ("gbt7714", "author-date"), ("gbt7714", "numeric")):
        whole = {r.key: r.citation for r in format_bibliography(entries, style, system=system)}
        assert cite(entries, keys, style, system=system) == [(k, whole[k]) for k in keys]


def test_cite_of_one_key_costs_less_than_formatting_the_list():
    """Growth: 1x vs 4x entries stays linear (the sort keys), and far below a whole format."""
    small, big = parse_library(_bib(500)).entries, parse_library(_bib(2000)).entries
    one_small = best_cpu(lambda: cite(small, ["m5"], "apa"))
    one_big = best_cpu(lambda: cite(big, ["m5"], "apa"))
    whole_big = best_cpu(lambda: format_bibliography(big, "apa"), repeat=2)
    assert one_big < 8 * one_small, (one_small, one_big)
    assert one_big < 0.7 * whole_big, (one_big, whole_big)


def test_a_paper_citing_many_missing_keys_gets_a_bounded_warning_list(tmp_path):
    from annobib.commands.format import MISSING_SHOWN

    bib = tmp_path / "m.bib"
    bib.write_text(_bib(3), encoding="utf-8")
    paper = tmp_path / "p.md"
    paper.write_text("Text [@m0] " + " ".join(f"[@nokey{i}]" for i in range(500)) + " [@nokey1] [@nokey1].\n")
    for cmd in (["format", "--manuscript", str(paper), "--to", "text"], ["cite", "--manuscript", str(paper), "m0"]):
        res = run_cli(["--bib", str(bib), *cmd])
        lines = res.stderr.strip().splitlines()
        assert len([line for line in lines if "no entry with key" in line]) == MISSING_SHOWN, res.stderr
        assert any(f"{500 - MISSING_SHOWN} more keys with no entry" in line for line in lines), res.stderr
        assert f"{paper}:1: no entry with key nokey1\n" in res.stderr  # its line once, not 1, 1, 1
    res = run_cli(["--bib", str(bib), "format", "--manuscript", str(paper), "--to", "text"])
    assert res.exit_code == 1 and "m0" not in res.stderr
