"""verify throughput against a local fake Crossref that advertises a rate and enforces it.

The fake (a separate process on 127.0.0.1) advertises ``X-Rate-Limit-Limit: 20`` per 1 s and
answers 429 to any request past 20 in a sliding second. ``annobib verify --json`` runs on N
entries with DOIs (one request each), cold (empty cache) and again (warm). Reported: wall
times, entries/s, the bound the limit implies (N / 20 s), 429s provoked, requests sent warm,
and the peak RSS of the cold run.

    python benchmarks/verify_speed.py [--entries 1000] [--limit 20]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "cli"))
sys.path.insert(0, str(ROOT / "tests"))


def _serve(limit: int, port_queue, stats_queue, stop) -> None:
    from annobib.archive.server import serve
    from verify_fake import RateLimitedCrossref

    fake = RateLimitedCrossref(limit=limit)
    with serve(fake) as server:
        port_queue.put(server.url)
        stop.wait()
        stats_queue.put({"served": fake.served, "too_many": fake.too_many})


def _run(bib: Path, env: dict) -> tuple[float, int, float]:
    started = time.monotonic()
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            "import resource, sys\nfrom annobib.cli import main\n"
            "try:\n    main(sys.argv[1:])\nfinally:\n"
            "    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)",
            "--bib",
            str(bib),
            "verify",
            "--json",
        ],
        env=env,
        capture_output=True,
        text=True,
    )
    wall = time.monotonic() - started
    rss = float(proc.stderr.strip().splitlines()[-1]) / 1024 if proc.stderr.strip() else 0.0
    if proc.returncode not in (0, 1):
        raise SystemExit(f"verify failed ({proc.returncode}): {proc.stderr[-500:]}")
    return wall, len(json.loads(proc.stdout)), rss


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=1000)
    parser.add_argument("--limit", type=int, default=20)
    args = parser.parse_args()
    from verify_fake import bench_bib

    port_q, stats_q, stop = multiprocessing.Queue(), multiprocessing.Queue(), multiprocessing.Event()
    server = multiprocessing.Process(target=_serve, args=(args.limit, port_q, stats_q, stop), daemon=True)
    server.start()
    url = port_q.get(timeout=10)
    with tempfile.TemporaryDirectory() as tmp:
        bib = Path(tmp) / "refs.bib"
        bib.write_text(bench_bib(args.entries), encoding="utf-8")
        env = {
            **os.environ,
            "ANNOBIB_CONFIG": f"{tmp}/none.toml",
            "XDG_CACHE_HOME": f"{tmp}/cache",
            "ANNOBIB_CROSSREF_URL": url,
            "ANNOBIB_OPENALEX_URL": url,
            "NO_PROXY": "*",
            "PYTHONPATH": str(ROOT / "cli"),
        }
        cold, n, rss = _run(bib, env)
        warm, _, _ = _run(bib, env)
    stop.set()
    stats = stats_q.get(timeout=10)
    server.join(5)
    bound = args.entries / args.limit
    print(
        json.dumps(
            {
                "entries": n,
                "advertised_limit_per_s": args.limit,
                "bound_s": bound,
                "cold_s": round(cold, 2),
                "cold_vs_bound": round(cold / bound, 3),
                "entries_per_s": round(n / cold, 2),
                "warm_s": round(warm, 2),
                "requests": stats["served"],
                "too_many_429": stats["too_many"],
                "warm_requests": stats["served"] - n,
                "cold_peak_rss_mb": round(rss, 1),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
