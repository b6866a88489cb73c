"""Importing 18,000 RIS records took 1.9 s of CPU (round 14; #12: nothing under 1 MB over 1 s),
linear, about 100 us a record: work done twice or for nothing per record is removed, and these
tests count it (CPU time is noise on a shared machine; a count is not)."""

from __future__ import annotations

import click
from conftest import run_cli

from annobib.core import sanitize

RIS = "".join(f"TY  - JOUR\nTI  - T{i}\nAU  - A, B\nPY  - 2020\nER  - \n" for i in range(60))


def test_the_lines_of_an_import_are_written_at_once(tmp_path, monkeypatch):
    echoes = []
    real = click.echo
    monkeypatch.setattr(click, "echo", lambda *a, **kw: echoes.append(kw.get("err")) or real(*a, **kw))
    (tmp_path / "r.ris").write_text(RIS)
    r = run_cli(["--bib", str(tmp_path / "lib.bib"), "import", str(tmp_path / "r.ris")])
    assert r.exit_code == 0 and r.stderr.count("\nannobib: added a2020") == 59, r.stderr[-300:]
    assert echoes.count(True) <= 2  # the added lines, then the summary


def test_a_line_without_a_credential_word_costs_no_pattern(monkeypatch):
    scans = []

    class Counting:
        def __init__(self, rx):
            self.rx = rx

        def sub(self, repl, text):
            scans.append(text)
            return self.rx.sub(repl, text)

    monkeypatch.setattr(sanitize, "_PATTERNS", [(Counting(rx), repl) for rx, repl in sanitize._PATTERNS])
    assert sanitize.message("annobib: added a2020t17") == "annobib: added a2020t17"
    assert not scans
    assert sanitize.REDACTED in sanitize.message("Authorization: Bearer abc123") and scans
