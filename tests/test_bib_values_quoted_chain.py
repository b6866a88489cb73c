"""A value of quoted strings joined by ``#`` (``title = "a" # "a" # …`` x 150,000, a 900 KB
hostile file) is split and resolved in C, not character by character (issue #12, round 9 F8:
`list` took 1.3-1.75 s). The answer is the scan's: quotes may hold ``#``, and a quote left
open runs to the end."""

from __future__ import annotations

import random

from annobib.bib import values
from conftest import best_cpu


def _cpu(fn) -> float:
    return best_cpu(fn, 5)


def test_quoted_concatenations_split_as_the_scan_splits_them():
    rng = random.Random(11)
    for alphabet in ('"#a 1\n', '"#"#ab', '# """ ', '"#a\t\u3000'):
        for _ in range(4000):
            raw = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
            assert values.split_concatenation(raw) == values._split_scan(raw), raw


def test_quoted_parts_resolve_as_literal_value_reads_them():
    rng = random.Random(5)
    macros = values.Macros({"m": "x"})
    for _ in range(3000):
        parts = [rng.choice(['"a b"', '""', '"#"', "m", "jan", "7", '"a"b"', '"q']) for _ in range(rng.randint(1, 6))]
        raw = " # ".join(parts)
        want = []
        for part in values._split_scan(raw):
            lit = values.literal_value(part)
            want.append(lit if lit is not None else macros.get(part.lower(), values.MONTHS.get(part.lower(), part)))
        assert values.resolve_value(raw, macros)[0] == "".join(want), raw


def test_a_long_chain_of_quoted_strings_splits_fast():
    raw = " # ".join(['"a"'] * 150_000)
    text, used = values.resolve_value(raw, values.Macros())
    assert used and text == "a" * 150_000
    fast = _cpu(lambda: values.split_concatenation(raw))
    scan = _cpu(lambda: values._split_scan(raw))
    # measured 0.06 s against the scan's 0.32 s (CPU, 2-core machine, under load)
    assert fast < 0.5 * scan, f"{fast:.3f} s against the scan's {scan:.3f} s"
