"""Validation speed: reading the file and running the offline rules, 1k to 50k entries.

    python benchmarks/validate_speed.py [--sizes 1000,10000,50000] [--repeat 3]

The bibliographies come from ``tests/generate.py`` (realistic, messy, five languages).
For each size it reports, as medians of ``--repeat`` runs:

* read: ``read_library`` without the parse cache (cold) and with it (warm, the everyday case);
* rules: ``run_checks`` with every offline rule (the library already read; imports done, the
  per-value memos cleared before each run, as in a first run) — the figure the issue bounds
  (<= 3 s at 50k beyond reading the file);
* the duplicate detector alone (W107), to show it grows linearly (buckets by normalized
  title / URL / DOI, never pairwise over all entries);
* per-entry cost in microseconds, so growth from 1k to 50k can be read directly;
* the whole command in a fresh process (``python -m annobib validate --format json``, warm cache);
* ``--red N`` (default 50,000; 0 skips): the hostile re-test's file shape (``@article`` with
  author, title, journaltitle, date, volume, number, pages, a URL with ``?utm_source=x``, urldate,
  langid, keywords) through ``validate --fix`` and ``tag`` in a fresh process: CPU (user+system
  of the child), wall and peak memory. The issue's bar: ``validate --fix`` <= 10 s, ``tag`` <= 2 s.
  Then :func:`fixes_shape`, a file whose every entry needs fixes, through ``validate --fix -q``
  and ``validate --fix`` (the same bar: there the fixer, splice and read-back do all the work),
  and :func:`few_fixes_shape`, a realistic file where 2 % of the entries need fixes; each on a
  file the cache has not seen (cold) and again (warm), with the CPU, wall and peak memory of the
  whole process (the issue's bars: 10 s and 300 MB; the peak is the largest of the process and
  the children it waits for: the second half, the library rules); and with ``--format json``,
  whose report keeps every fix (the text report only counts them).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "cli"))
sys.path.insert(0, str(ROOT / "tests"))  # the generator: tests/generate.py

from fixes_gen import fixes_text  # noqa: E402
from generate import generate  # noqa: E402

from annobib.bib import read_library  # noqa: E402
from annobib.lookup.view import PARSE_CACHE, load_view  # noqa: E402
from annobib.checks import Context, run_checks, select_rules  # noqa: E402
from annobib.checks.runner import clear_caches  # noqa: E402


def median_time(fn, repeat: int, before=None):
    """(median wall seconds, median CPU seconds, result). CPU is this process's plus its
    children's (the rule runner checks 5,000+ entries in two processes), so it is the total work;
    with two idle cores the wall time is what a user waits."""
    import resource

    def cpu() -> float:
        me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime

    walls, cpus, out = [], [], None
    for _ in range(repeat):
        if before:
            before()
        w, c = time.perf_counter(), cpu()
        out = fn()
        cpus.append(cpu() - c)
        walls.append(time.perf_counter() - w)
    return statistics.median(walls), statistics.median(cpus), out


def red_shape(n: int) -> str:
    """The hostile re-test's 50k file shape (see the module docstring)."""
    import random

    rng = random.Random(7)
    out = []
    for i in range(n):
        lang = rng.choice(["english", "chinese"])
        out.append(
            f"@article{{e{i:05d},\n  author = {{Author{i}, First and Zhang, San}},\n"
            f"  title = {{A study of thing number {i}: alliances and asymmetry}},\n"
            f"  journaltitle = {{Journal {i % 97}}},\n  date = {{{1990 + i % 35}}},\n  volume = {{{i % 50}}},\n"
            f"  number = {{{i % 12}}},\n  pages = {{{i % 300}--{i % 300 + 10}}},\n"
            f"  url = {{https://example.org/a/{i}?utm_source=x}},\n  urldate = {{2024-01-0{1 + i % 9}}},\n"
            f"  langid = {{{lang}}},\n  keywords = {{k{i % 10}}}\n}}\n"
        )
    return "\n".join(out)


def fixes_shape(n: int) -> str:
    """Every entry needs safe fixes: the session-8 report's ``gen50k_fixes.py`` file, from the
    generator the tests share (``tests/fixes_gen.py``)."""
    return fixes_text(n)


def few_fixes_shape(n: int) -> str:
    """``n`` entries, 2 % of them needing safe fixes: ``tests/generate.py``'s realistic entries
    with :func:`fixes_shape`'s entries put among them at 50 places."""
    few = n // 50
    base = generate(n - few, seed=n)
    extra = fixes_text(few)
    wanted = ["@" + t for t in extra.split("\n@")]
    wanted[0] = wanted[0][1:]
    wanted = [t if t.endswith("\n") else t + "\n" for t in wanted]
    out, pos, per = [], 0, max(1, len(wanted) // 50)
    for k in range(50):
        cut = base.find("\n@", (k + 1) * len(base) // 51)  # a block starts on a line of its own
        if cut < 0:
            break
        out += [base[pos : cut + 1], "\n", "".join(wanted[k * per : (k + 1) * per])]
        pos = cut + 1
    out.append(base[pos:])
    out += wanted[50 * per :]
    return "".join(out)


def whole_process(args: list[str], env: dict, cwd: Path) -> tuple[float, float, float, int]:
    """(CPU seconds, wall seconds, peak MB, exit code) of ``python -m annobib ARGS``: CPU of the
    process and the children it waits for (its second processes), peak the largest of them
    (``wait4``: this run's own, not the largest of every run so far)."""
    t = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "annobib", *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=cwd
    )
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    return usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def run_red(n: int) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="annobib-red-bench-"))
    env = dict(os.environ, PYTHONPATH=str(ROOT / "cli"), XDG_CACHE_HOME=str(tmp / "cache"))
    try:
        path = tmp / "big.bib"
        path.write_text(red_shape(n), encoding="utf-8")
        print(f"hostile re-test shape, {n} entries (whole process; load average {os.getloadavg()[0]:.1f}):")
        for label, args in (
            ("validate --fix (cold cache)", ["--bib", str(path), "validate", "--fix"]),
            ("validate --fix (warm cache)", ["--bib", str(path), "validate", "--fix"]),
            ("tag e00001 +x", ["--bib", str(path), "tag", "e00001", "+x"]),
        ):
            cpu, wall, mb, code = whole_process(args, env, tmp)
            print(f"  {label:<38} {cpu:6.2f} s CPU {wall:6.2f} s wall {mb:6.0f} MB peak  exit {code}")
        # every entry needs fixes: the fixer, the splice and the read-back of all 50,000; then 2 %
        # of them (bars: 10 s, 300 MB). Each file fresh (the fix rewrites it), its cache cold or
        # warm (a detached process builds the lookup view after a cold read: at the lowest priority)
        for shape, make in (("all fixed", fixes_shape), ("2 % fixed", few_fixes_shape)):
            text = make(n)
            for label, quiet, cache in (
                (f"validate --fix -q ({shape}, cold)", ["-q"], "cold"),
                (f"validate --fix ({shape}, cold)", [], "cold"),
                (f"validate --fix ({shape}, warm)", [], "warm"),
                # the JSON report lists every fix (old and new values): the text report counts them
                (f"validate --fix --format json ({shape}, cold)", ["--format", "json"], "cold"),
            ):
                fixes = tmp / f"fixes-{shape[0]}.bib"
                fixes.write_text(text, encoding="utf-8")
                run_env = (
                    env if cache == "warm" else dict(env, XDG_CACHE_HOME=str(tmp / f"cold-{shape[0]}{len(quiet)}"))
                )
                if cache == "warm":  # the view of this content, as an earlier command leaves it
                    subprocess.run(
                        [sys.executable, "-m", "annobib", "--bib", str(fixes), "list"],
                        env=env,
                        cwd=tmp,
                        capture_output=True,
                    )
                    time.sleep(3)  # the detached worker that writes it
                cpu, wall, mb, code = whole_process(["--bib", str(fixes), "validate", "--fix", *quiet], run_env, tmp)
                print(f"  {label:<38} {cpu:6.2f} s CPU {wall:6.2f} s wall {mb:6.0f} MB peak  exit {code}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000,50000")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--red", type=int, default=50000, help="entries of the hostile re-test shape (0: skip)")
    a = ap.parse_args()
    if a.red:
        run_red(a.red)
    sizes = [int(s) for s in a.sizes.split(",")]
    ctx = Context(today=dt.date(2026, 1, 1))
    offline = [r for r in select_rules() if not r.needs]
    tmp = Path(tempfile.mkdtemp(prefix="annobib-validate-bench-"))
    env = dict(os.environ, PYTHONPATH=str(ROOT / "cli"), XDG_CACHE_HOME=str(tmp / "cache"))
    os.environ["XDG_CACHE_HOME"] = str(tmp / "cache")
    rows = []
    try:
        for n in sizes:
            path = tmp / f"bench{n}.bib"
            path.write_text(generate(n, seed=1), encoding="utf-8")
            cold, cold_cpu, _ = median_time(lambda: read_library(path), a.repeat)
            load_view(path)  # the lookup view (a command leaves it behind after its first read)
            warm, warm_cpu, lib = median_time(lambda: read_library(path, store=PARSE_CACHE), a.repeat)
            run_checks(lib, rules=offline, ctx=ctx)  # one-time costs (imports, the pinyin table)
            rules_t, rules_cpu, findings = median_time(
                lambda: run_checks(lib, rules=offline, ctx=ctx), a.repeat, clear_caches
            )
            dup_t, dup_cpu, dups = median_time(
                lambda: run_checks(lib, select=["W107"], ctx=ctx), a.repeat, clear_caches
            )
            t = time.perf_counter()
            proc = subprocess.run(
                [sys.executable, "-m", "annobib", "validate", "--today", "2026-01-01", "--format", "json", str(path)],
                capture_output=True,
                env=env,
                cwd=tmp,
            )
            whole = time.perf_counter() - t
            if proc.returncode not in (0, 1):
                raise SystemExit(proc.stderr.decode())
            rows.append(
                (
                    n,
                    len(lib.entries),
                    cold_cpu,
                    warm_cpu,
                    rules_cpu,
                    dup_cpu,
                    whole,
                    len(findings),
                    len(dups),
                    cold,
                    warm,
                    rules_t,
                    dup_t,
                )
            )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print(
        f"validate speed (CPU seconds, medians of {a.repeat}; {len(offline)} offline rules; Python {sys.version.split()[0]}; "
        f"load average {os.getloadavg()[0]:.1f})"
    )
    print(
        f"{'entries':>8} {'read cold':>10} {'read warm':>10} {'rules':>8} {'us/entry':>9} {'W107':>7} "
        f"{'W107 us/e':>10} {'whole CLI':>10} {'findings':>9} {'dups':>6}"
    )
    for n, ne, cold, warm, rules_t, dup_t, whole, nf, nd, *_ in rows:
        print(
            f"{ne:>8} {cold:>9.2f}s {warm:>9.2f}s {rules_t:>7.2f}s {rules_t / ne * 1e6:>9.1f} {dup_t:>6.2f}s "
            f"{dup_t / ne * 1e6:>10.1f} {whole:>9.2f}s {nf:>9} {nd:>6}"
        )
    print("wall-clock seconds of the same runs (read cold / read warm / rules / W107):")
    for n, ne, *_, cold, warm, rules_t, dup_t in rows:
        print(f"{ne:>8} {cold:>9.2f}s {warm:>9.2f}s {rules_t:>7.2f}s {dup_t:>6.2f}s")
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        k = last[1] / first[1]
        print(
            f"growth {first[1]} -> {last[1]} entries (x{k:.0f}): rules x{last[4] / first[4]:.1f}, "
            f"duplicates x{last[5] / first[5]:.1f}, cold read x{last[2] / first[2]:.1f}, warm read x{last[3] / first[3]:.1f}"
        )
    budget = [r for r in rows if r[1] >= 50000]
    if budget:
        wall, cpu = budget[0][11], budget[0][4]
        print(
            f"50k budget: rules {wall:.2f} s wall beyond reading (limit 3 s): {'OK' if wall <= 3 else 'OVER'}; "
            f"{cpu:.2f} s CPU over both processes"
        )


if __name__ == "__main__":
    main()
