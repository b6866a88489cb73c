"""GB/T 7714 conformance: the four figures and the mismatches.

    python benchmarks/format_conformance.py [--quiet]

For each of the four example lists of ../shared/oracle/gbt7714 (2025 and 2015, numeric and
author-date) it formats the example .bib with annobib and compares each entry's text with the
reference list after the normalization ORIGIN.md describes (tests/oracle_tlg.py). Same-author
same-year works are ordered by citation key, the reference implementation's tie-break.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "cli"), str(REPO / "tests")]

from oracle_tlg import EDITIONS, oracle_files, parse_tlg  # noqa: E402

from annobib.bib import read_library  # noqa: E402
from annobib.styles import format_bibliography, render  # noqa: E402

ROOT = (
    next((p / "shared" for p in REPO.parents if (p / "shared").is_dir()), REPO.parent / "shared") / "oracle" / "gbt7714"
)


def main(argv: list[str]) -> int:
    quiet = "--quiet" in argv
    if not ROOT.exists():
        print(f"skipped: {ROOT} not available")
        return 0
    figures = []
    for edition, system in EDITIONS:
        bib, tlg = oracle_files(ROOT, edition, system)
        lib = read_library(bib)
        expected = {i.key: i for i in parse_tlg(tlg)}
        t0 = time.perf_counter()
        refs = format_bibliography(
            lib.entries, "gbt7714", edition, system, order="file" if system == "numeric" else "auto", tiebreak="key"
        )
        elapsed = time.perf_counter() - t0
        bad = []
        for r in refs:
            got = re.sub(r"\s+", " ", render(r.text, "text")).strip()
            if got != expected[r.key].text:
                bad.append((r.key, got, expected[r.key].text))
        share = 1 - len(bad) / len(refs)
        figures.append((edition, system, len(refs) - len(bad), len(refs), share, elapsed))
        if not quiet and bad:
            print(f"-- mismatches, GB/T 7714-{edition} {system}")
            for key, got, want in bad:
                print(f"   {key}\n     got:  {got}\n     want: {want}")
    print("GB/T 7714 conformance (entries matching the reference list)")
    for edition, system, ok, total, share, elapsed in figures:
        print(f"  {edition} {system:<12} {ok:>4}/{total:<4} {share:7.1%}   ({elapsed * 1000:.0f} ms)")
    return 0 if all(f[4] >= 0.95 for f in figures) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
