"""Speed of the reading commands on files under 1 MB of many tiny entries (issue 12: no run over
1 s on inputs under 1 MB), whole-process wall and CPU time (medians), cold and warm cache.

    python benchmarks/tiny_speed.py [--runs 3] [--commands list,search,show,stats,validate,export]

Files (each just under 1 MB, written to a temporary folder):
  * ``bare``: ``@misc{k1,title={a}}`` blocks, ~42,000 of them;
  * ``short``: ``@misc{1a2,t={a}}`` blocks (base-36 keys), ~58,000 of them;
  * ``kinds``: one field each, of several kinds (title, author, year, journal, url, note,
    keywords, doi, date, langid, a Chinese author or title), ~37,000 of them;
  * ``years``: ``@misc{vN,year={…}}`` blocks, 35,000 of them (899 KB: three findings each);
  * ``ones``: ``@misc{1a2,t=1}`` blocks (base-36 keys, a bare number), ~65,000 of them (four
    findings each: 261,000 lines of ``validate``);
  * ``articles``: one-line articles with author, title, journal, year, volume and pages,
    ~9,600 of them (for ``format``: APA's sort, group and citation keys).
Cold: the cache folder emptied before the run; warm: the same command again (after one untimed
run, so that cache files a detached process writes have landed). Prints a table, the
pass/fail against 1 s, and the load average before and after (the machine may be shared: CPU time
is the figure that holds up under load).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PY = sys.executable
LIMIT_S = 1.0
COMMANDS = {
    "list": ["list"],
    "search": ["search", "a"],
    "show": ["show", "k100"],
    "stats": ["stats"],
    "validate": ["validate"],
    "export": ["export", "--to", "csl-json"],
    "format": ["format", "--style", "apa"],
}
SURNAMES = ["Smith", "Jones", "Brown", "Lee", "Wang", "Garcia", "Miller", "Davis", "Chen", "Kim"]
GIVEN = ["John", "Ann", "Wei", "Maria", "Li", "Paul", "Sara", "Tom"]


def _b36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        out = digits[n % 36] + out
        n //= 36
        if not n:
            return out


def _fill(make, limit: int = 1_000_000) -> str:
    """Blocks ``make(i)`` for i = 0, 1, … while the file stays under ``limit`` bytes."""
    parts, size, i = [], 0, 0
    while True:
        block = make(i)
        n = len(block.encode("utf-8"))
        if size + n >= limit:
            return "".join(parts)
        parts.append(block)
        size += n
        i += 1


KINDS = (
    "title={a}",
    "author={A B}",
    "year=2001",
    "journal={J}",
    "url={http://x.y/}",
    "note={n}",
    "keywords={t}",
    "doi={1/2}",
    "date={2020}",
    "langid={english}",
    "author={刘琳}",
    "title={世界}",
)


def tiny_files() -> dict[str, str]:
    """name -> text of each file (see the module docstring); ``k100`` is a key in each."""
    rng = random.Random(3)
    return {
        "bare": _fill(lambda i: f"@misc{{k{i},title={{a}}}}\n"),
        "short": _fill(lambda i: f"@misc{{{'k100' if i == 100 else _b36(i + 1296)},t={{a}}}}\n"),
        "kinds": _fill(lambda i: f"@misc{{k{i},{rng.choice(KINDS)}}}\n"),
        "years": "".join(
            f"@misc{{{'k100' if i == 100 else f'v{i}'},year={{{1900 + i % 120}}}}}\n" for i in range(35000)
        ),
        "ones": _fill(lambda i: f"@misc{{{'k100' if i == 100 else _b36(i + 1296)},t=1}}\n"),
        "articles": _fill(lambda i: _article(i, rng)),
    }


def _article(i: int, rng: random.Random) -> str:
    return (
        f"@article{{{'k100' if i == 100 else f'a{i}'}, author={{{rng.choice(SURNAMES)}{i % 97}, {rng.choice(GIVEN)}}}, "
        f"title={{T{i}}}, journal={{J}}, year={{{1950 + i % 70}}}, volume={{{i % 30}}}, pages={{{i % 90}}}}}\n"
    )


def run(args: list[str], env: dict) -> tuple[float, float, int]:
    """(wall, CPU of the process and its children, exit code)."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    done = subprocess.run(
        [PY, "-m", "annobib", *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False
    )
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.returncode


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--commands", default=",".join(COMMANDS))
    a = ap.parse_args()
    load_at_start = os.getloadavg()[0]
    work = Path(tempfile.mkdtemp(prefix="annobib-tiny-"))
    cache = work / "cache"
    env = dict(os.environ, ANNOBIB_CACHE_DIR=str(cache))
    env["PYTHONPATH"] = str(REPO / "cli") + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.pop("ANNOBIB_NO_CACHE", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # time annobib, not the bytecode compiler
    try:
        subprocess.run([PY, "-m", "compileall", "-q", str(REPO / "cli" / "annobib")], env=env, check=False)
        print(
            f"{'file':<8} {'command':<9} {'entries':>7} {'bytes':>8}  {'cold wall':>9} {'CPU':>6}  {'warm wall':>9} {'CPU':>6}"
        )
        for name, text in tiny_files().items():
            path = work / f"{name}.bib"
            path.write_text(text, encoding="utf-8")
            for cmd in a.commands.split(","):
                args = ["--bib", str(path), *COMMANDS[cmd]]
                cold, warm = [], []
                for _ in range(a.runs):
                    shutil.rmtree(cache, ignore_errors=True)
                    cold.append(run(args, env))
                    time.sleep(1.0)  # a cache write left to a detached process lands …
                    run(args, env)  # … and under load may not have: one untimed run more
                    warm.append(run(args, env))
                cw, cc = (statistics.median(r[k] for r in cold) for k in (0, 1))
                ww, wc = (statistics.median(r[k] for r in warm) for k in (0, 1))
                verdict = "ok" if max(cw, ww) <= LIMIT_S else f"over {LIMIT_S:g} s"
                print(
                    f"{name:<8} {cmd:<9} {text.count(chr(10)):>7} {len(text.encode()):>8}  "
                    f"{cw * 1000:>6.0f} ms {cc * 1000:>4.0f}ms  {ww * 1000:>6.0f} ms {wc * 1000:>4.0f}ms  "
                    f"exit {cold[0][2]}/{warm[0][2]}  {verdict}",
                    flush=True,
                )
        print(
            f"\n(cores: {os.cpu_count()}, load average at the start: {load_at_start:.1f}, "
            f"at the end: {os.getloadavg()[0]:.1f}; medians of {a.runs} runs; CPU = user+sys)"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
