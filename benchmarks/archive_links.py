"""Link-check throughput: 1,000 URLs on 100 hosts, a local server answering after 200 ms.

Nothing leaves the machine: the 100 "hosts" are loopback addresses 127.0.0.2 … 127.0.0.101
(all of 127/8 is loopback on Linux), served by one asyncio process on one port.

With the default politeness (2 requests at a time per host, starts >= 1 s apart) each host's
10 URLs cannot finish before 9 x 1 s + 0.2 s = 9.2 s: that is the bound the wall time is
compared with.  Memory: peak RSS of a fresh process checking 200 vs 1,000 URLs (same 100 hosts).

    python benchmarks/archive_links.py [--runs 3]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "cli"))

LATENCY = 0.2
N_HOSTS = int(os.environ.get("BENCH_HOSTS", "100"))
HOSTS = [f"127.0.{(i // 250)}.{i % 250 + 2}" for i in range(N_HOSTS)]
BODY = ("<html><head><title>Article</title></head><body>" + "<p>text " * 300 + "</body></html>").encode()


async def _serve(port_holder, ready):
    async def handle(reader, writer):
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                if not head:
                    break
                await asyncio.sleep(LATENCY)
                writer.write(
                    b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                    b"Content-Length: " + str(len(BODY)).encode() + b"\r\n\r\n" + BODY
                )
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    first = await asyncio.start_server(handle, HOSTS[0], 0, backlog=1024)
    port = first.sockets[0].getsockname()[1]
    _servers = [await asyncio.start_server(handle, h, port, backlog=1024) for h in HOSTS[1:]]
    port_holder.value = port
    ready.set()
    await asyncio.Event().wait()


def server_process(port_holder, ready):
    asyncio.run(_serve(port_holder, ready))


def one_run(port: int, n: int) -> dict:
    """Run in a fresh interpreter: check n URLs spread evenly over the 100 hosts."""
    code = f"""
import asyncio, json, resource, time, sys
sys.path.insert(0, {str(ROOT / "cli")!r})
from annobib.archive.links import LinkOptions, check_urls
# one-time imports happen before timing (httpcore imports anyio/h11 on its first request)
import httpx, httpcore, anyio, anyio._backends._asyncio, h11, sniffio  # noqa: E401
hosts = {HOSTS!r}
urls = [f"http://{{hosts[i % len(hosts)]}}:{port}/page/{{i}}" for i in range({n})]
t = time.perf_counter()
c = time.process_time()
res = asyncio.run(check_urls(urls, LinkOptions()))
wall = time.perf_counter() - t
cpu = time.process_time() - c
ok = sum(r.outcome == "ok" for r in res)
print(json.dumps({{"wall": wall, "cpu": cpu, "ok": ok, "n": len(res),
                   "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600)
    if out.returncode != 0:
        raise SystemExit(out.stderr)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--big", action="store_true", help="also 3,000 URLs on the same hosts (memory)")
    args = parser.parse_args()
    port_holder = multiprocessing.Value("i", 0)
    ready = multiprocessing.Event()
    proc = multiprocessing.Process(target=server_process, args=(port_holder, ready), daemon=True)
    proc.start()
    try:
        if not ready.wait(10):
            raise SystemExit("server did not start")
        port = port_holder.value
        per_host = 1000 // len(HOSTS)
        bound = (per_host - 1) * 1.0 + LATENCY
        runs = [one_run(port, 1000) for _ in range(args.runs)]
        assert all(r["ok"] == 1000 for r in runs), runs
        walls = [r["wall"] for r in runs]
        small = [one_run(port, 200) for _ in range(args.runs)]
        big = one_run(port, 3000) if args.big else None
        print(
            f"link check, 1000 URLs / {len(HOSTS)} hosts / {LATENCY * 1000:.0f} ms latency, "
            f"2 per host, 1 s spacing (defaults)"
        )
        print(
            f"  wall time, median of {args.runs}: {statistics.median(walls):.2f} s "
            f"(runs: {', '.join(f'{w:.2f}' for w in walls)})"
        )
        print(
            f"  CPU time, median: {statistics.median(r['cpu'] for r in runs):.2f} s "
            f"({statistics.median(r['cpu'] for r in runs) / 1000 * 1000:.2f} ms per URL); "
            f"load average when run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
        )
        print(f"  bound from the per-host limits: {bound:.2f} s; ratio {statistics.median(walls) / bound:.3f}")
        print(
            f"  peak RSS: 200 URLs {statistics.median(r['rss_mb'] for r in small):.1f} MB, "
            f"1000 URLs {statistics.median(r['rss_mb'] for r in runs):.1f} MB"
            + (f", 3000 URLs {big['rss_mb']:.1f} MB ({big['wall']:.1f} s)" if big else "")
        )
    finally:
        proc.terminate()
        proc.join(5)


if __name__ == "__main__":
    main()
