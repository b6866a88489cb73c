"""Politeness against a local server on 127.0.0.1 that advertises a rate and enforces it with 429s."""

from __future__ import annotations

import asyncio
import json
import time

import httpx
import pytest

from annobib.archive.server import serve
from annobib.verify.client import RegistryClient, RegistryOptions
from conftest import run_cli
from verify_fake import RateLimitedCrossref, bench_bib


def test_advertised_rate_is_kept_without_a_429_and_a_rerun_sends_nothing(tmp_path):
    fake = RateLimitedCrossref(limit=40)
    n = 60
    bib = tmp_path / "refs.bib"
    bib.write_text(bench_bib(n), encoding="utf-8")
    with serve(fake) as server:
        env = {
            "ANNOBIB_CONFIG": str(tmp_path / "none.toml"),
            "XDG_CACHE_HOME": str(tmp_path / "cache"),
            "ANNOBIB_CROSSREF_URL": server.url,
            "ANNOBIB_OPENALEX_URL": server.url,
            "NO_PROXY": "*",
            "ANNOBIB_VERIFY_CONCURRENCY": "8",
        }
        started = time.monotonic()
        r = run_cli(["--bib", str(bib), "verify", "--json"], env=env)
        cold = time.monotonic() - started
        assert r.exit_code == 0, r.stderr
        assert {row["verdict"] for row in json.loads(r.stdout)} == {"verified"}
        assert fake.too_many == 0 and fake.served == n
        floor = (n - 1) / fake.limit
        assert floor * 0.95 <= cold <= floor * 1.3 + 1.0  # paced to the advertised limit, not slower
        started = time.monotonic()
        r = run_cli(["--bib", str(bib), "verify", "--json"], env=env)
        assert time.monotonic() - started < 2.0 and fake.served == n  # the cache answered
        assert r.exit_code == 0


def test_retry_after_on_429_and_backoff_on_5xx():
    calls = []

    def handler(request):
        calls.append(time.monotonic())
        if len(calls) == 1:
            return httpx.Response(429, headers={"Retry-After": "1"})
        if len(calls) == 2:
            return httpx.Response(503)
        return httpx.Response(200, json={"message": {"DOI": "10.1/x"}})

    async def go():
        opts = RegistryOptions(backoff=0.05, rate=1000, tries=3)
        async with RegistryClient(opts, transport=httpx.MockTransport(handler)) as client:
            return await client.get_json("http://crossref.test/works/10.1/x")

    answer = asyncio.run(go())
    assert answer.kind == "ok" and len(calls) == 3
    assert calls[1] - calls[0] >= 0.95  # the 429's Retry-After was honoured
    assert calls[2] - calls[1] >= 0.09  # then exponential backoff (0.05 · 2)


def test_a_long_retry_after_ends_the_tries_instead_of_hanging():
    def handler(request):
        return httpx.Response(429, headers={"Retry-After": "99999"})

    async def go():
        async with RegistryClient(RegistryOptions(max_retry_after=5), transport=httpx.MockTransport(handler)) as c:
            return await c.get_json("http://crossref.test/works/10.1/x")

    started = time.monotonic()
    answer = asyncio.run(go())
    assert answer.kind == "error" and "too long" in answer.detail and time.monotonic() - started < 1


@pytest.mark.parametrize("limit", ["5"])
def test_concurrency_limit_is_respected(limit):
    live, peak = [0], [0]

    async def handler(request):
        live[0] += 1
        peak[0] = max(peak[0], live[0])
        await asyncio.sleep(0.02)
        live[0] -= 1
        return httpx.Response(
            200,
            json={"message": {"DOI": "10.1/x"}},
            headers={"X-Rate-Limit-Limit": "1000", "X-Rate-Limit-Interval": "1s"},
        )

    async def go():
        opts = RegistryOptions(concurrency=int(limit), rate=1000)
        async with RegistryClient(opts, transport=httpx.MockTransport(handler)) as c:
            await asyncio.gather(*(c.get_json(f"http://crossref.test/works/10.1/{i}") for i in range(40)))

    asyncio.run(go())
    assert peak[0] == int(limit)
