"""Passes over one long non-ASCII value (a 1 MB file of 300,000 decoded accents) run at C speed:
the language guess, search folding and the table's cell width used to step through it
character by character in Python. Same answers as the per-character definitions."""

from __future__ import annotations

import random

from conftest import best_cpu
from rich.cells import cell_len

from annobib import text as tx
from annobib.commands.listing import _width
from annobib.core import language

SAMPLE = [chr(o) for o in range(0x20, 0x30000, 13) if not 0xD800 <= o < 0xE000]


def test_same_answers_as_the_per_character_definitions():
    rnd = random.Random(3)
    for ch in SAMPLE:
        assert language._plain_latin(ch) == (ord(ch) < 0xC0 or not ch.isalpha())
    for _ in range(15):
        s = "".join(rnd.choice(SAMPLE) for _ in range(rnd.randint(512, 2000)))
        assert "".join(tx._fold_one(c) for c in s) == s.translate(tx._FOLD_TABLE)
        if "\u200d" not in s and "\ufe0f" not in s:
            assert _width(s) == cell_len(s)


def test_a_long_accented_value_costs_little():
    value = "\u00a8a\u0308" * 100_000  # diaeresis, a + combining diaeresis
    assert best_cpu(lambda: language._plain_latin(value)) < 0.015  # per character: 0.03 s
    assert best_cpu(lambda: tx.fold(value)) < 0.15  # per character: 0.3 s
    assert best_cpu(lambda: _width(value)) < 0.03  # Rich, per character: 0.05 s
