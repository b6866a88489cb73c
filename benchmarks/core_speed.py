"""Speed of the everyday lookups, whole-process wall time (medians), against the floor.

    python benchmarks/core_speed.py [--sizes 1000,10000,50000] [--runs 7] [--query liulin] [--no-busy]
                                    [--baseline /path/to/other/checkout]

Measures, in one run so the figures compare:
  * the floor ``python -c "import click, rich"``; ``annobib --help`` and ``annobib --version``
    (start-up alone);
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
      - ``annobib list --format tsv | head`` (a script reading the first rows);
  * unless ``--no-busy``: the one-hit figures at the largest size again while another process
    burns a core (a busy machine), so the two can be compared.
Prints a table of medians, the ratios the issue sets bars for, and the load average before
and after (the machine may be shared: a figure means little without it).

``--baseline DIR``: another checkout (its ``cli/`` folder is put first on the path) timed beside
this one, run for run interleaved with its own cache, for the fast rows (start-up, list,
search unchanged and after an edit): a before/after on a shared machine, where figures taken
minutes apart do not compare.
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


def env_with(cache: Path, tree: Path = REPO) -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(tree / "cli") + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env["ANNOBIB_CACHE_DIR"] = str(cache)
    env.pop("ANNOBIB_NO_CACHE", None)
    # As installed, Python keeps compiled bytecode of annobib (pip compiles it; an editable
    # install writes __pycache__ on the first run). A PYTHONDONTWRITEBYTECODE=1 in the
    # environment would recompile every module on every run and time the compiler instead.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


CPU: list[float] = []  # CPU seconds (user + sys) of the last timed() call, children included


def timed(cmd: list[str] | str, env: dict, cwd: Path | None = None) -> float:
    """Wall seconds of ``cmd`` (a string runs in the shell: a pipeline); its CPU goes to CPU."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    shell = isinstance(cmd, str)
    subprocess.run(
        cmd, env=env, cwd=cwd, shell=shell, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False
    )
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


def measure_each(cmd, envs: list[dict], runs: int, before=None) -> list[tuple[float, float]]:
    """:func:`measure` for several environments (checkouts), run for run interleaved, so a busy
    spell of the machine weighs on each alike. ``before()`` runs untimed before each run."""
    got: list[list[tuple[float, float]]] = [[] for _ in envs]
    for _ in range(runs):
        for k, env in enumerate(envs):
            if before is not None:
                before()
            wall = timed(cmd, env)
            got[k].append((wall, CPU[-1]))
    return [(median([w for w, _ in g]), median([c for _, c in g])) for g in got]


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


Row = tuple  # (name, wall, CPU, note, baseline (wall, CPU) or None)


def busy_rows(n: int, one: list[str], edit_one, envs: list[dict], runs: int) -> list[Row]:
    """The one-hit figures again while another process burns a core."""
    burner = subprocess.Popen([PY, "-c", "while True: pass"])
    try:
        time.sleep(0.5)
        hit = measure_each(one, envs, runs)
        edit = measure_each(one, envs, runs, before=edit_one)
    finally:
        burner.kill()
        burner.wait()
    return [
        fast_row(f"{n:>6} entries: one-hit search, unchanged, a core busy", hit, ""),
        fast_row(f"{n:>6} entries: one-hit search, one entry edited, a core busy", edit, ""),
    ]


def fast_row(name: str, figures: list[tuple[float, float]], note: str) -> Row:
    """A row from :func:`measure_each`: this checkout's figures, the baseline's if timed."""
    (wall, cpu), base = figures[0], (figures[1] if len(figures) > 1 else None)
    return (name, wall, cpu, note, base)


def size_rows(n: int, work: Path, envs: list[dict], a) -> tuple[list[Row], tuple, tuple]:
    """The rows for a generated file of ``n`` entries, (n, bibtexparser, first, unchanged, edit)
    for the growth table, and (n, one-hit command, edit function) for the busy run."""
    env = envs[0]
    path = work / f"gen{n}.bib"
    path.write_text(generate(n, seed=n), encoding="utf-8")
    btp, btp_cpu = measure([PY, "-c", f"import bibtexparser; bibtexparser.parse_file({str(path)!r})"], env, a.slow_runs)
    # the first read of a file never seen: a fresh copy under a new name each run (the
    # cache folder itself, with the pinyin table built once per machine, stays)
    firsts, first_cpus = [], []
    for k in range(a.slow_runs):
        name = work / f"new{n}-{k}.bib"
        shutil.copyfile(path, name)
        firsts.append(timed(annobib("--bib", str(name), "search", a.query), env))
        first_cpus.append(CPU[-1])
    first, first_cpu = median(firsts), median(first_cpus)
    search = annobib("--bib", str(path), "search", a.query)
    for e in envs:
        timed(search, e)  # cache this file (each checkout has its own cache)
    hit = measure_each(search, envs, a.runs)
    counter = iter(range(10**6))

    def edit_one() -> None:
        # edit one entry: change one title in the middle of the file
        k = next(counter)
        data = path.read_text(encoding="utf-8")
        mid = data.find("title = {", len(data) // 2)
        path.write_text(data[: mid + 9] + f"Edited {k} " + data[mid + 9 :], encoding="utf-8")

    edit = measure_each(search, envs, a.runs, before=edit_one)
    one = annobib("--bib", str(path), "search", f"key:{middle_key(path)}")
    for e in envs:
        timed(one, e)
    hit1 = measure_each(one, envs, a.runs)
    edit1 = measure_each(one, envs, a.runs, before=edit_one)
    tsv = " ".join(annobib("--bib", str(path), "list", "--format", "tsv")) + " | head"
    for e in envs:
        timed(tsv, e)  # the table rows, computed once and kept
    head = measure_each(tsv, envs, a.runs)
    at50 = n == 50000
    rows = [
        (f"{n:>6} entries: bibtexparser.parse_file", btp, btp_cpu, "", None),
        (
            f"{n:>6} entries: search, first read of a new file",
            first,
            first_cpu,
            f"{first / btp:.2f}x bibtexparser wall, {first_cpu / btp_cpu:.2f}x CPU (bar <= 1.2x)",
            None,
        ),
        fast_row(f"{n:>6} entries: search, unchanged", hit, "bar <= 0.2 s at 50k" if at50 else ""),
        fast_row(f"{n:>6} entries: search, one entry edited", edit, "bar <= 1 s at 50k" if at50 else ""),
        fast_row(f"{n:>6} entries: one-hit search, unchanged", hit1, "bar <= 0.15 s at 50k" if at50 else ""),
        fast_row(f"{n:>6} entries: one-hit search, one entry edited", edit1, "bar <= 0.5 s at 50k" if at50 else ""),
        fast_row(f"{n:>6} entries: list --format tsv | head", head, ""),
    ]
    return rows, (n, btp, first, hit[0][0], edit[0][0]), (n, one, edit_one)


def print_rows(rows: list[Row], baseline: str | None) -> None:
    width = max(len(r[0]) for r in rows)
    head = f"{'measurement':<{width}}  {'wall':>9}  {'CPU':>9}"
    if baseline:
        head += f"  {'baseline wall':>13}  {'CPU':>9}"
    print(head + "  note")
    for name, t, c, note, base in rows:
        line = f"{name:<{width}}  {t * 1000:>6.0f} ms  {c * 1000:>6.0f} ms"
        if baseline:
            line += f"  {base[0] * 1000:>10.0f} ms  {base[1] * 1000:>6.0f} ms" if base else " " * 26
        print(line + f"  {note}")
    if baseline:
        print(f"(baseline: {baseline}, timed run for run interleaved with this checkout)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000,50000")
    ap.add_argument("--runs", type=int, default=7, help="runs per fast measurement (median)")
    ap.add_argument("--slow-runs", type=int, default=3, help="runs per slow measurement (first read, bibtexparser)")
    ap.add_argument("--query", default="liulin")
    ap.add_argument("--no-busy", action="store_true", help="skip the run with another process burning a core")
    ap.add_argument("--baseline", metavar="DIR", help="another checkout timed beside this one (before/after)")
    a = ap.parse_args()
    load_at_start = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    work = Path(tempfile.mkdtemp(prefix="annobib-bench-"))
    envs = [env_with(work / "cache")]
    trees = [REPO]
    if a.baseline:
        trees.append(Path(a.baseline).resolve())
        envs.append(env_with(work / "cache-baseline", trees[1]))
    rows: list[Row] = []
    try:
        for tree, env in zip(trees, envs):  # compile once, as pip does on install
            subprocess.run([PY, "-m", "compileall", "-q", str(tree / "cli" / "annobib")], env=env, check=False)
        floor, floor_cpu = measure([PY, "-c", "import click, rich"], envs[0], a.runs * 2)
        rows.append(("floor: python -c 'import click, rich'", floor, floor_cpu, "", None))
        for args in (["--help"], ["--version"]):
            got = measure_each(annobib(*args), envs, a.runs * 2)
            rows.append(fast_row(f"annobib {args[0]}", got, f"{got[0][1] / floor_cpu:.2f}x floor CPU"))
        article = REPO / "refs" / "article.bib"
        if not article.exists():
            article = work / "article.bib"
            article.write_text(generate(100, seed=7), encoding="utf-8")
            label = "list, generated 100-entry stand-in for refs/article.bib"
        else:
            label = "list, refs/article.bib"
        listing = annobib("--bib", str(article), "list")
        for env in envs:
            timed(listing, env)  # warm the cache
        got = measure_each(listing, envs, a.runs * 2)
        t, c = got[0]
        rows.append(fast_row(label, got, f"{t / floor:.2f}x floor wall, {c / floor_cpu:.2f}x floor CPU (bar <= 2x)"))
        growth = []
        last = None
        for n in [int(x) for x in a.sizes.split(",") if x]:
            more, grown, last = size_rows(n, work, envs, a)
            rows += more
            growth.append(grown)
        if not a.no_busy and last is not None:
            n, one, edit_one = last
            rows += busy_rows(n, one, edit_one, envs, a.runs)
        print_rows(rows, a.baseline)
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
