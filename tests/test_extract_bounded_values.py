"""Extraction bounds what it writes and prints: a runaway value is a note not understood."""

from __future__ import annotations

import json

from conftest import run_cli


def test_a_runaway_value_is_a_note_not_understood_not_a_689_kb_title(tmp_path):
    """``1. 2. 3. … 100000.`` on one line became one entry whose title (689 KB) was written and
    printed back; a value over 2,000 characters now means the note was not understood."""
    line = " ".join(f"{i}." for i in range(1, 3001)) + "\n"
    notes = tmp_path / "n.txt"
    notes.write_text("1. Smith J. A Real Title. J, 2020.\n\n" + line, encoding="utf-8")
    r = run_cli(["extract", "--notes", str(notes), "-o", "-"])
    assert r.exit_code == 0, r.stderr
    assert len(r.stdout) < 2000 and "A Real Title" in r.stdout, r.stdout[:300]
    r = run_cli(["extract", "--notes", str(notes), "--json", "-o", "-"])
    data = json.loads(r.stdout)
    assert all(len(v) <= 2000 for e in data["entries"] for v in e["fields"].values())
    assert all(len(n["text"]) <= 2001 for n in data["notes"])
    assert "not-understood" in [n["status"] for n in data["notes"]]
