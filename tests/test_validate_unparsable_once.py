"""E103 on many copies of one unclosed block (a hostile file of 50,000 ``@misc{a, title={x``):
each copy is reported with its own line, and the block is diagnosed once, not once per copy."""

from __future__ import annotations

import json

from annobib.checks import structure
from tests.conftest import run_cli


def test_copies_of_one_broken_block_are_diagnosed_once(tmp_path, monkeypatch):
    bib = tmp_path / "u.bib"
    bib.write_text("@misc{a, title={x\n" * 5 + "@misc{b, title = {y}, title = {z}\n", encoding="utf-8")
    calls = []
    real = structure._diagnose
    monkeypatch.setattr(structure, "_diagnose", lambda raw: calls.append(raw) or real(raw))
    r = run_cli(["--bib", str(bib), "validate", "--select", "E103", "--format", "json"])
    assert r.exit_code == 1, r.output
    found = [f for f in json.loads(r.stdout)["findings"] if f["code"] == "E103"]
    assert len(found) >= 2
    assert all(f["message"] == found[0]["message"] for f in found[:-1])
    assert "(key 'a')" in found[0]["message"] and "unbalanced braces" in found[0]["message"]
    assert len({f["line"] for f in found}) == len(found)
    assert len(calls) == len(set(calls)) < len(found)
