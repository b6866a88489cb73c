"""Every extraction set pasted in every paste shape of tests/noise.py: the accuracy per shape and
set, against the set read as plain paragraphs (``paragraphs``, the control) and its own files.

    PYTHONPATH=cli python benchmarks/extract_shapes.py [--sets extract_blind9,extract_blind12]
        [--shapes run_together,pdf_pages] [--jobs 2]

Prints one row per set: its own score, the control's, then each shape's cost in points against
the control (``-3.2`` = 3.2 points lost; blank = within 0.1). A shape that costs a set more than
about one point is a layout annobib misreads (docs/extract-layouts.md).
"""

from __future__ import annotations

import json
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
sys.path.insert(0, str(ROOT / "cli"))
sys.path.insert(0, str(ROOT / "tests"))

import noise  # noqa: E402
from annobib.extract.evaluate import evaluate  # noqa: E402


def pasted_score(name: str, shape: str) -> float:
    """The accuracy of set ``name`` with each of its works' notes pasted in ``shape``."""
    expected = json.loads((DATA / name / "expected.json").read_text(encoding="utf-8"))
    works = {k: v for k, v in expected.items() if k.startswith("notes")}
    with tempfile.TemporaryDirectory() as tmp:
        for work, notes in works.items():
            text = noise.pasted_notes_file(shape, [(n["n"], n["text"]) for n in notes])
            (Path(tmp) / f"{work}.txt").write_text(text, encoding="utf-8")
        (Path(tmp) / "expected.json").write_text(json.dumps(works, ensure_ascii=False), encoding="utf-8")
        return evaluate(Path(tmp)).accuracy


def row(name: str, shapes: list[str]) -> tuple[str, float, dict[str, float]]:
    own = evaluate(DATA / name).accuracy
    return name, own, {shape: pasted_score(name, shape) for shape in ["paragraphs", *shapes]}


def main(argv: list[str]) -> int:
    def option(flag: str, default: list[str]) -> list[str]:
        return argv[argv.index(flag) + 1].split(",") if flag in argv else default

    sets = option("--sets", sorted((p.name for p in DATA.glob("extract_*") if p.is_dir()), key=_set_order))
    shapes = option("--shapes", list(noise.SHAPES))
    jobs = int(option("--jobs", ["2"])[0])
    with ProcessPoolExecutor(jobs) as pool:
        rows = list(pool.map(row, sets, [shapes] * len(sets)))
    print("set".ljust(18), "own".rjust(6), "ctrl".rjust(6), *(s[:10].rjust(10) for s in shapes))
    worst = dict.fromkeys(shapes, 0.0)
    for name, own, scores in rows:
        control = scores["paragraphs"]
        costs = {s: 100 * (scores[s] - control) for s in shapes}
        cells = (f"{c:+.1f}" if abs(c) >= 0.1 else "" for c in costs.values())
        print(name.ljust(18), f"{100 * own:6.1f}", f"{100 * control:6.1f}", *(c.rjust(10) for c in cells))
        worst = {s: min(worst[s], costs[s]) for s in shapes}
    print("worst".ljust(32), *(f"{worst[s]:+.1f}".rjust(10) for s in shapes))
    return 0


def _set_order(name: str) -> tuple[str, int]:
    digits = "".join(ch for ch in name if ch.isdigit())
    return name.rstrip("0123456789"), int(digits or 0)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
