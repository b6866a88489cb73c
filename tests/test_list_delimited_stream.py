"""``annobib list --format csv|tsv`` writes block by block: a reader that stops early (``| head``)
ends the command before the rest is formatted, and the blocks join to the same output."""

from __future__ import annotations

import pytest
from conftest import run_cli
from generate import generate

from annobib.commands import listing
from annobib.lookup.view import load_view


@pytest.fixture()
def bib(tmp_path, monkeypatch):
    monkeypatch.setenv("ANNOBIB_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "g.bib"
    path.write_text(generate(23, seed=4), encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_blocks_join_to_the_whole_output(bib, monkeypatch, fmt):
    whole = run_cli(["--bib", str(bib), "list", "--format", fmt])
    monkeypatch.setattr(listing, "DELIMITED_BLOCK", 5)
    blocks = run_cli(["--bib", str(bib), "list", "--format", fmt])
    assert whole.exit_code == blocks.exit_code == 0
    assert blocks.stdout == whole.stdout and len(whole.stdout.splitlines()) == 24


def test_a_closed_pipe_stops_the_formatting(bib, monkeypatch):
    monkeypatch.setattr(listing, "DELIMITED_BLOCK", 5)
    formatted = []
    real_cells_of = listing.cells_of
    monkeypatch.setattr(listing, "cells_of", lambda rows: formatted.append(len(rows)) or real_cells_of(rows))

    def closed(*args, **kwargs):
        raise BrokenPipeError

    monkeypatch.setattr(listing.click, "echo", closed)
    view = load_view(bib)
    with pytest.raises(BrokenPipeError):
        listing.write_delimited(view, list(range(len(view))), "tsv")
    assert formatted == [5]  # one block formatted, not all 23 rows
