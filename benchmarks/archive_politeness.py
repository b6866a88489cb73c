"""Archive politeness, measured: the real CLI archives refs/article.bib against the local fake.

The fake (annobib.archive.fake.FakeWeb on 127.0.0.1) has no snapshots, so every URL goes
CDX → replay → Save Page Now → status polls.  It records each request; this prints the most
Archive requests seen in any 60 s window, the smallest gap between two, the peak in flight,
and the same for capture submissions — next to the configured limits.

    python benchmarks/archive_politeness.py [--rpm 150] [--capture-rpm 40]   (about 90 s)
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "cli"))

from annobib.archive.fake import FakeWeb  # noqa: E402
from annobib.archive.server import serve  # noqa: E402


def window_max(times: list[float], width: float) -> int:
    times = sorted(times)
    best, j = 0, 0
    for i, t in enumerate(times):
        while t - times[j] >= width:
            j += 1
        best = max(best, i - j + 1)
    return best


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rpm", type=float, default=150)
    parser.add_argument("--capture-rpm", type=float, default=40)
    parser.add_argument("--capture-interval", type=float, default=1.0)
    parser.add_argument("--concurrency", type=int, default=2)
    args = parser.parse_args()
    source = ROOT / "refs" / "article.bib"
    if not source.exists():
        raise SystemExit("refs/article.bib not found (run annobib extract first)")
    fake = FakeWeb(access_key="bench-access", secret_key="bench-secret", pending_polls=2, archive_delay=0.05)
    with tempfile.TemporaryDirectory() as tmp, serve(fake) as server:
        bib = Path(tmp) / "article.bib"
        shutil.copy(source, bib)
        env = dict(
            os.environ,
            PYTHONPATH=str(ROOT / "cli"),
            ANNOBIB_CONFIG=str(Path(tmp) / "none.toml"),
            ANNOBIB_WAYBACK_URL=server.url,
            ANNOBIB_IA_ACCESS="bench-access",
            ANNOBIB_IA_SECRET="bench-secret",
            ANNOBIB_ARCHIVE_RPM=str(args.rpm),
            ANNOBIB_CAPTURE_RPM=str(args.capture_rpm),
            ANNOBIB_CAPTURE_INTERVAL=str(args.capture_interval),
            ANNOBIB_ARCHIVE_CONCURRENCY=str(args.concurrency),
            ANNOBIB_POLL_INTERVAL="1",
            ANNOBIB_POLL_MAX_INTERVAL="2",
        )
        started = time.perf_counter()
        run = subprocess.run(
            [sys.executable, "-m", "annobib", "--bib", str(bib), "archive", "--json"],
            env=env,
            capture_output=True,
            text=True,
        )
        wall = time.perf_counter() - started
        text = bib.read_text(encoding="utf-8")
    archive = [r.at for r in fake.archive_requests()]
    saves = [r.at for r in fake.archive_requests() if r.method == "POST"]
    gaps = [b - a for a, b in zip(sorted(archive), sorted(archive)[1:])]
    save_gaps = [b - a for a, b in zip(saves, saves[1:])]
    print(
        f"archive of refs/article.bib against the local fake: exit {run.returncode}, {wall:.1f} s, "
        f"{text.count('archiveurl')} archiveurl fields written, {len(archive)} Archive requests"
    )
    print(
        f"  requests/minute: limit {args.rpm:g}; most in any 60 s window {window_max(archive, 60)}; "
        f"smallest gap at arrival {min(gaps):.3f} s (even spacing {60 / args.rpm:.3f} s when sent; "
        f"arrival adds thread-scheduling jitter)"
    )
    print(f"  in flight at once: limit {args.concurrency}; peak {fake.archive_peak}")
    print(
        f"  captures: {len(saves)}; limit {args.capture_rpm:g}/min and {args.capture_interval:g} s apart; "
        f"most in any 60 s window {window_max(saves, 60)}; smallest gap {min(save_gaps) if save_gaps else 0:.3f} s"
    )
    if run.returncode != 0:
        print(run.stdout[-2000:], run.stderr[-2000:])


if __name__ == "__main__":
    main()
