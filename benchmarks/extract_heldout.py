"""Held-out evaluation of ``annobib extract`` on footnotes it was not tuned on.

    PYTHONPATH=cli python benchmarks/extract_heldout.py [--json] [--quiet] [--data DIR]

Runs the real extractor on tests/data/extract_heldout/notes.txt (``extract_notes``, 92 loose notes)
and two made-up articles (``extract_text``): article.txt (6 pages, the seed's layout: leading-space
page starts, ``-57-`` folios, ``[n]`` markers, double-spaced lines) and article2.txt (4 pages, another
house style: form feeds, single newlines, ``①`` markers, ``· 46 ·`` folios at the page bottom) and
article3.txt (3 pages, no page-break signal but heads and folios, notes numbered 1-8 through the
article with the marker digits glued to the text); compares with the hand-written
expected.json field by field and prints: field accuracy overall / per field / per pattern, works
found / missing / extra, and every mismatch (expected vs got).

The scoring rules are those of ``annobib.extract.evaluate`` (its docstring says what earns a point).
The blind sets of real notes are scored the same way: ``--data tests/data/extract_blind9``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "extract_heldout"
sys.path.insert(0, str(ROOT / "cli"))

from annobib.extract.evaluate import evaluate  # noqa: E402


def _pct(r: int, t: int) -> str:
    return f"{r / t:6.1%} ({r}/{t})" if t else "   n/a"


def main(argv: list[str]) -> int:
    data = DATA
    if "--data" in argv:  # another set in the same format (e.g. a reserve set kept out of the repo)
        data = Path(argv[argv.index("--data") + 1])
    report = evaluate(data)
    if "--json" in argv:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=1))
        return 0
    print(f"field accuracy overall: {_pct(sum(c.ok for c in report.checks), len(report.checks))}")
    for src, (r, t) in report.by("source").items():
        print(f"  {src:8} {_pct(r, t)}")
    print(
        f"works: expected {report.works_expected}, found {report.works_found}, missing {len(report.works_missing)}, "
        f"merged {len(report.works_merged)}, extra entries {len(report.extra_entries)}"
    )
    print(f"article page numbers: expected {report.expected_page_numbers}, got {report.page_numbers}")
    print("\nper field:")
    for name, (r, t) in sorted(report.by("field").items(), key=lambda kv: kv[1][0] / kv[1][1]):
        print(f"  {name:14} {_pct(r, t)}")
    print("\nper pattern:")
    for name, (r, t) in sorted(report.by("pattern").items(), key=lambda kv: kv[1][0] / kv[1][1]):
        print(f"  {name:26} {_pct(r, t)}")
    if "--quiet" in argv:
        return 0
    for title, items in (
        ("missing works", report.works_missing),
        ("merged works", report.works_merged),
        ("extra entries", report.extra_entries),
    ):
        if items:
            print(f"\n{title}:")
            for it in items:
                print(f"  {it}")
    print(f"\nmismatches ({len(report.mismatches)}):")
    last = None
    for c in report.mismatches:
        if (c.source, c.note) != last:
            print(f"\n  [{c.source} {c.note}] ({c.pattern}) {c.text}")
            last = (c.source, c.note)
        print(f"    {c.field}: expected {c.expected!r}  got {c.got!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
