"""Speed of the everyday lookups, whole-process wall time (medians), against the floor.

    python benchmarks/core_speed.py [--sizes 1000,10000,50000] [--runs 7] [--query liulin]

Measures, in one run so the figures compare:
  * the floor ``python -c "import click, rich"``;
  * ``annobib list`` on ``refs/article.bib`` (or a generated 100-entry file when it is absent),
    cache warm, output piped;
  * for each size N (files from benchmarks/core_generate.py):
      - bibtexparser 2's own parse (``bibtexparser.parse_file``, default middlewares);
      - ``annobib search`` on a file never seen (empty cache): the first read;
      - ``annobib search`` again, nothing changed (cache hit);
      - ``annobib search`` after one entry was edited (one chunk re-parsed).
Prints a table of medians and the ratios the issue sets bars for.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
from core_generate import generate  # noqa: E402

PY = sys.executable


def env_with(cache: Path) -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO / "cli") + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env["ANNOBIB_CACHE_DIR"] = str(cache)
    env.pop("ANNOBIB_NO_CACHE", None)
    return env


def timed(cmd: list[str], env: dict, cwd: Path | None = None) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - t


def median(values: list[float]) -> float:
    return statistics.median(values)


def annobib(*args: str) -> list[str]:
    return [PY, "-m", "annobib", *args]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000,50000")
    ap.add_argument("--runs", type=int, default=7, help="runs per fast measurement (median)")
    ap.add_argument("--slow-runs", type=int, default=3, help="runs per slow measurement (first read, bibtexparser)")
    ap.add_argument("--query", default="liulin")
    a = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="annobib-bench-"))
    cache = work / "cache"
    env = env_with(cache)
    rows: list[tuple[str, float, str]] = []
    try:
        floor = median([timed([PY, "-c", "import click, rich"], env) for _ in range(a.runs * 2)])
        rows.append(("floor: python -c 'import click, rich'", floor, ""))
        article = REPO / "refs" / "article.bib"
        if not article.exists():
            article = work / "article.bib"
            article.write_text(generate(100, seed=7), encoding="utf-8")
            label = "list, generated 100-entry stand-in for refs/article.bib"
        else:
            label = "list, refs/article.bib"
        timed(annobib("--bib", str(article), "list"), env)  # warm the cache
        t = median([timed(annobib("--bib", str(article), "list"), env) for _ in range(a.runs * 2)])
        rows.append((label, t, f"{t / floor:.2f}x floor (bar <= 2x)"))
        growth = []
        for n in [int(x) for x in a.sizes.split(",") if x]:
            path = work / f"gen{n}.bib"
            text = generate(n, seed=n)
            path.write_text(text, encoding="utf-8")
            btp = median([
                timed([PY, "-c", f"import bibtexparser; bibtexparser.parse_file({str(path)!r})"], env)
                for _ in range(a.slow_runs)
            ])
            firsts = []
            for _ in range(a.slow_runs):
                shutil.rmtree(cache, ignore_errors=True)
                firsts.append(timed(annobib("--bib", str(path), "search", a.query), env))
            first = median(firsts)
            hit = median([timed(annobib("--bib", str(path), "search", a.query), env) for _ in range(a.runs)])
            edits = []
            for k in range(a.runs):
                # edit one entry: change one title in the middle of the file
                data = path.read_text(encoding="utf-8")
                mid = data.find("title = {", len(data) // 2)
                data = data[: mid + 9] + f"Edited {k} " + data[mid + 9:]
                path.write_text(data, encoding="utf-8")
                edits.append(timed(annobib("--bib", str(path), "search", a.query), env))
            edit = median(edits)
            rows.append((f"{n:>6} entries: bibtexparser.parse_file", btp, ""))
            rows.append((f"{n:>6} entries: search, first read (empty cache)", first, f"{first / btp:.2f}x bibtexparser (bar <= 1.2x)"))
            rows.append((f"{n:>6} entries: search, unchanged", hit, "bar <= 0.2 s at 50k" if n == 50000 else ""))
            rows.append((f"{n:>6} entries: search, one entry edited", edit, "bar <= 1 s at 50k" if n == 50000 else ""))
            growth.append((n, btp, first, hit, edit))
        width = max(len(r[0]) for r in rows)
        print(f"{'measurement':<{width}}  {'median':>9}  note")
        for name, t, note in rows:
            print(f"{name:<{width}}  {t * 1000:>7.0f} ms  {note}")
        if len(growth) > 1:
            print("\ngrowth (ms): entries, bibtexparser, first read, unchanged, one edit")
            for n, btp, first, hit, edit in growth:
                print(f"  {n:>6}  {btp * 1000:>8.0f}  {first * 1000:>8.0f}  {hit * 1000:>6.0f}  {edit * 1000:>6.0f}")
        print(f"\n(cores: {os.cpu_count()}, python {sys.version.split()[0]}, "
              f"PYTHONDONTWRITEBYTECODE={os.environ.get('PYTHONDONTWRITEBYTECODE', '')!r})")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
