"""Whole-process time and peak memory of writes on a large .bib: ``tag`` and ``validate --fix``.

    python benchmarks/write_speed.py [--entries 50000] [--runs 3]

A file of N entries (tests/generate.py) is written to a temporary folder; the parse
cache is warmed once by ``annobib list`` (as any earlier command would), then each command runs
on a fresh copy of the file; "tag, file new" runs with an empty cache. Bars (issue 12): at 50,000 entries ``tag`` <= 2 s and
``validate --fix`` <= 10 s, whole process on the 2-core machine. Peak RSS is the child's
``ru_maxrss``.
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


def run(cmd: list[str], env: dict) -> tuple[float, float, int]:
    """(wall seconds, peak RSS MB, exit code) of one child process."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    return wall, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--entries", type=int, default=50000)
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="annobib-write-bench-"))
    env = dict(os.environ, ANNOBIB_CACHE_DIR=str(work / "cache"))
    env["PYTHONPATH"] = str(REPO / "cli") + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.pop("ANNOBIB_NO_CACHE", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    annobib = [sys.executable, "-m", "annobib"]
    try:
        master = work / "big.bib"
        master.write_text(generate(a.entries, seed=a.entries), encoding="utf-8")
        text = master.read_text(encoding="utf-8")
        key = text[text.find("{", text.find("@", len(text) // 2)) + 1 :].split(",", 1)[0]
        rows = []
        for label, args, warm in (
            ("tag KEY +bench", ["tag", key, "+bench"], True),
            ("tag, file new", ["tag", key, "+bench"], False),  # nothing cached for this file
            ("validate --fix", ["validate", "--fix"], True),
        ):
            walls, mems, codes = [], [], []
            for i in range(a.runs):
                bib = work / "copy.bib"
                shutil.copyfile(master, bib)
                run_env = env if warm else dict(env, ANNOBIB_CACHE_DIR=str(work / f"cold{i}"))
                if warm:
                    run(annobib + ["--bib", str(bib), "list"], env)  # warm the parse cache for this content
                wall, mem, code = run(annobib + ["--bib", str(bib)] + args, run_env)
                walls.append(wall)
                mems.append(mem)
                codes.append(code)
            rows.append((label, statistics.median(walls), max(mems), sorted(set(codes))))
        print(f"{a.entries} entries ({master.stat().st_size / 1e6:.1f} MB), medians of {a.runs} runs, whole process")
        for label, wall, mem, codes in rows:
            print(f"  {label:<16} {wall:6.2f} s  peak RSS {mem:5.0f} MB  exit {codes}")
        print(f"(cores: {os.cpu_count()}, load average {os.getloadavg()[0]:.1f}, python {sys.version.split()[0]})")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
