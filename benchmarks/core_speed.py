"""Speed of the everyday lookups, whole-process wall time (medians), against the floor.

    python benchmarks/core_speed.py [--sizes 1000,10000,50000] [--runs 7] [--query liulin] [--no-busy]

Measures, in one run so the figures compare:
  * the floor ``python -c "import click, rich"``;
  * ``annobib list`` on ``refs/article.bib`` (or a generated 100-entry file when it is absent),
    cache warm, output piped;
  * for each size N (files from tests/generate.py):
      - bibtexparser 2's own parse (``bibtexparser.parse_file``, default middlewares);
      - ``annobib search`` on a file never seen (a copy under a new name): the first read;
      - ``annobib search`` again, nothing changed (cache hit);
      - ``annobib search`` after one entry was edited (one chunk re-parsed);
      - the same two for a one-hit query (``key:`` of an entry in the middle of the file), the
        figures the incremental-lookup bars are set for (50,000 entries: <= 0.15 s unchanged,
        <= 0.5 s after a one-entry edit, on a quiet 2-core machine);
  * unless ``--no-busy``: the one-hit figures at the largest size again while another process
    burns a core (a busy machine), so the two can be compared.
Prints a table of medians, the ratios the issue sets bars for, and the load average before
and after (the machine may be shared: a figure means little without it).
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
sys.path.insert(0, str(REPO / "tests"))  # the generator: tests/generate.py
from generate import generate  # noqa: E402

PY = sys.executable


def env_with(cache: Path) -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO / "cli") + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env["ANNOBIB_CACHE_DIR"] = str(cache)
    env.pop("ANNOBIB_NO_CACHE", None)
    # As installed, Python keeps compiled bytecode of annobib (pip compiles it; an editable
    # install writes __pycache__ on the first run). A PYTHONDONTWRITEBYTECODE=1 in the
    # environment would recompile every module on every run and time the compiler instead.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


CPU: list[float] = []  # CPU seconds (user + sys) of the last timed() call, children included


def timed(cmd: list[str], env: dict, cwd: Path | None = None) -> float:
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU.append((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
    return wall


def measure(cmd: list[str], env: dict, runs: int, before=None) -> tuple[float, float]:
    """(median wall, median CPU) over ``runs`` runs; ``before()`` runs untimed before each."""
    walls, cpus = [], []
    for _ in range(runs):
        if before is not None:
            before()
        walls.append(timed(cmd, env))
        cpus.append(CPU[-1])
    return median(walls), median(cpus)


def median(values: list[float]) -> float:
    return statistics.median(values)


def annobib(*args: str) -> list[str]:
    return [PY, "-m", "annobib", *args]


def middle_key(path: Path) -> str:
    """The key of an entry in the middle of the file (a query with exactly one hit)."""
    data = path.read_text(encoding="utf-8")
    at = data.find("\n@", len(data) // 2)
    head = data[at + 1 : data.find(",", at)]
    return head.split("{", 1)[1].strip()


def busy_rows(n: int, one: list[str], edit_one, env: dict, runs: int) -> list[tuple[str, float, float, str]]:
    """The one-hit figures again while another process burns a core."""
    burner = subprocess.Popen([PY, "-c", "while True: pass"])
    try:
        time.sleep(0.5)
        hit, hit_cpu = measure(one, env, runs)
        edit, edit_cpu = measure(one, env, runs, before=edit_one)
    finally:
        burner.kill()
        burner.wait()
    return [
        (f"{n:>6} entries: one-hit search, unchanged, a core busy", hit, hit_cpu, ""),
        (f"{n:>6} entries: one-hit search, one entry edited, a core busy", edit, edit_cpu, ""),
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000,50000")
    ap.add_argument("--runs", type=int, default=7, help="runs per fast measurement (median)")
    ap.add_argument("--slow-runs", type=int, default=3, help="runs per slow measurement (first read, bibtexparser)")
    ap.add_argument("--query", default="liulin")
    ap.add_argument("--no-busy", action="store_true", help="skip the run with another process burning a core")
    a = ap.parse_args()
    load_at_start = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    work = Path(tempfile.mkdtemp(prefix="annobib-bench-"))
    cache = work / "cache"
    env = env_with(cache)
    rows: list[tuple[str, float, float, str]] = []
    try:
        # compile once, as pip does on install
        subprocess.run([PY, "-m", "compileall", "-q", str(REPO / "cli" / "annobib")], env=env, check=False)
        floor, floor_cpu = measure([PY, "-c", "import click, rich"], env, a.runs * 2)
        rows.append(("floor: python -c 'import click, rich'", floor, floor_cpu, ""))
        article = REPO / "refs" / "article.bib"
        if not article.exists():
            article = work / "article.bib"
            article.write_text(generate(100, seed=7), encoding="utf-8")
            label = "list, generated 100-entry stand-in for refs/article.bib"
        else:
            label = "list, refs/article.bib"
        timed(annobib("--bib", str(article), "list"), env)  # warm the cache
        t, c = measure(annobib("--bib", str(article), "list"), env, a.runs * 2)
        rows.append((label, t, c, f"{t / floor:.2f}x floor wall, {c / floor_cpu:.2f}x floor CPU (bar <= 2x)"))
        growth = []
        for n in [int(x) for x in a.sizes.split(",") if x]:
            path = work / f"gen{n}.bib"
            path.write_text(generate(n, seed=n), encoding="utf-8")
            btp, btp_cpu = measure(
                [PY, "-c", f"import bibtexparser; bibtexparser.parse_file({str(path)!r})"], env, a.slow_runs
            )
            # the first read of a file never seen: a fresh copy under a new name each run (the
            # cache folder itself, with the pinyin table built once per machine, stays)
            firsts, first_cpus = [], []
            for k in range(a.slow_runs):
                name = work / f"new{n}-{k}.bib"
                shutil.copyfile(path, name)
                firsts.append(timed(annobib("--bib", str(name), "search", a.query), env))
                first_cpus.append(CPU[-1])
            first, first_cpu = median(firsts), median(first_cpus)
            timed(annobib("--bib", str(path), "search", a.query), env)  # cache this file
            hit, hit_cpu = measure(annobib("--bib", str(path), "search", a.query), env, a.runs)
            counter = iter(range(10**6))

            def edit_one() -> None:
                # edit one entry: change one title in the middle of the file
                k = next(counter)
                data = path.read_text(encoding="utf-8")
                mid = data.find("title = {", len(data) // 2)
                path.write_text(data[: mid + 9] + f"Edited {k} " + data[mid + 9 :], encoding="utf-8")

            edit, edit_cpu = measure(annobib("--bib", str(path), "search", a.query), env, a.runs, before=edit_one)
            one = annobib("--bib", str(path), "search", f"key:{middle_key(path)}")
            timed(one, env)
            hit1, hit1_cpu = measure(one, env, a.runs)
            edit1, edit1_cpu = measure(one, env, a.runs, before=edit_one)
            rows.append((f"{n:>6} entries: bibtexparser.parse_file", btp, btp_cpu, ""))
            rows.append(
                (
                    f"{n:>6} entries: search, first read of a new file",
                    first,
                    first_cpu,
                    f"{first / btp:.2f}x bibtexparser wall, {first_cpu / btp_cpu:.2f}x CPU (bar <= 1.2x)",
                )
            )
            rows.append(
                (f"{n:>6} entries: search, unchanged", hit, hit_cpu, "bar <= 0.2 s at 50k" if n == 50000 else "")
            )
            rows.append(
                (f"{n:>6} entries: search, one entry edited", edit, edit_cpu, "bar <= 1 s at 50k" if n == 50000 else "")
            )
            rows.append(
                (
                    f"{n:>6} entries: one-hit search, unchanged",
                    hit1,
                    hit1_cpu,
                    "bar <= 0.15 s at 50k" if n == 50000 else "",
                )
            )
            rows.append(
                (
                    f"{n:>6} entries: one-hit search, one entry edited",
                    edit1,
                    edit1_cpu,
                    "bar <= 0.5 s at 50k" if n == 50000 else "",
                )
            )
            growth.append((n, btp, first, hit, edit))
            last = (n, one, edit_one)
        if not a.no_busy and growth:
            n, one, edit_one = last
            rows += busy_rows(n, one, edit_one, env, a.runs)
        width = max(len(r[0]) for r in rows)
        print(f"{'measurement':<{width}}  {'wall':>9}  {'CPU':>9}  note")
        for name, t, c, note in rows:
            print(f"{name:<{width}}  {t * 1000:>6.0f} ms  {c * 1000:>6.0f} ms  {note}")
        if len(growth) > 1:
            print("\ngrowth, wall ms: entries, bibtexparser, first read, unchanged, one edit")
            for n, btp, first, hit, edit in growth:
                print(f"  {n:>6}  {btp * 1000:>8.0f}  {first * 1000:>8.0f}  {hit * 1000:>6.0f}  {edit * 1000:>6.0f}")
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        print(
            f"\n(cores: {os.cpu_count()}, load average at the start: {load_at_start:.1f}, at the end: {load:.1f}, "
            f"python {sys.version.split()[0]}, "
            f"bytecode cached; medians of "
            f"{a.runs} runs, {a.slow_runs} for the slow ones; CPU = user+sys of the process and its children)"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
