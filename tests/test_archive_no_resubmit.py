"""Save Page Now is never asked twice for one URL because an answer was lost; hostile Archive
answers (impossible timestamps, huge or deeply nested bodies) never reach the .bib."""

from __future__ import annotations

import asyncio
import time
import tracemalloc

import httpx
import pytest

from annobib.archive.fake import FakeWeb
from annobib.archive.runner import ArchiveRun, BibWriter
from annobib.archive.state import load_state
from annobib.archive.wayback import ArchiveError, WaybackClient, normalize_timestamp
from annobib.bib import read_library

from test_archive_wayback import BIB, _targets, fast_options

URLS = ("https://example.org/one", "https://example.org/two", "https://example.org/three")


def _run(tmp_path, handler, **opts):
    bib = tmp_path / "refs.bib"
    if not bib.exists():
        bib.write_text(BIB, encoding="utf-8")
    run = ArchiveRun(fast_options(**opts), {bib: load_state(bib)}, BibWriter(), transport=httpx.MockTransport(handler))
    outcomes = asyncio.run(run.run(_targets(bib)))
    return bib, {o.url: o for o in outcomes}


def _lossy(fake: FakeWeb, how: str):
    """The fake Archive, except that /save answers are lost: a hang past the timeout, a 502,
    or a garbled 200 — each after the fake has made the job (as the real one may)."""

    async def handler(request):
        if request.url.path == "/save" and request.method == "POST":
            real = await fake.handle_async(request)  # the job exists from here on
            if how == "timeout":
                await asyncio.sleep(0.6)  # past the client's 0.3 s timeout
                return real
            if how == "502":
                return httpx.Response(502, text="<html>Bad Gateway</html>")
            return httpx.Response(200, text='{"job_id": ')
        return await fake.handle_async(request)

    return handler


@pytest.mark.parametrize("how", ["timeout", "502", "garbled"])
def test_a_lost_save_answer_is_recorded_and_never_resubmitted(tmp_path, how):
    fake = FakeWeb(access_key="AKEY-123", secret_key="SKEY-456", pending_polls=0)
    bib, res = _run(tmp_path, _lossy(fake, how), timeout=0.3, tries=3, capture_retries=3)
    assert fake.captures_requested == 3  # one POST per URL, despite tries=3 and capture_retries=3
    state = load_state(bib)
    for url in URLS:
        job = state.job(url)
        # the orphan is looked up in CDX at once; the fake has no capture yet → pending + recorded
        assert res[url].outcome == "pending", res[url]
        assert job["state"] == "submitted" and job["submitted_at"], job
        assert "not requested again" in res[url].detail
    # a second run does not POST again while the orphan may still land
    _, res = _run(tmp_path, _lossy(fake, how), timeout=0.3)
    assert fake.captures_requested == 3
    assert {o.outcome for o in res.values()} == {"pending"}
    # the orphaned captures show up in CDX: the next run records them, still without a POST
    for url in URLS:
        fake.add_snapshot(url, "20250601000000")
    _, res = _run(tmp_path, _lossy(fake, how), timeout=0.3)
    assert fake.captures_requested == 3
    assert {o.outcome for o in res.values()} == {"archived"}
    assert load_state(bib).archive == {}
    assert read_library(bib).get("two").fields["archivedate"] == "2025-06-01"


def test_an_expired_orphan_may_be_submitted_once_more(tmp_path):
    fake = FakeWeb(access_key="AKEY-123", secret_key="SKEY-456", pending_polls=0)
    bib, _ = _run(tmp_path, _lossy(fake, "502"))
    assert fake.captures_requested == 3
    state = load_state(bib)
    for url in URLS:  # the orphans are two hours old now: they evidently never landed
        state.set_job(url, {**state.job(url), "submitted_at": "2020-01-01T00:00:00Z"})
    state.save()
    _, res = _run(tmp_path, fake.handle_async)
    assert fake.captures_requested == 6
    assert {o.outcome for o in res.values()} == {"captured"}


def test_a_5xx_answer_that_says_not_started_may_be_retried(tmp_path):
    fake = FakeWeb(access_key="AKEY-123", secret_key="SKEY-456", pending_polls=0)
    calls = {"n": 0}

    async def handler(request):
        if request.url.path == "/save" and calls["n"] == 0:
            calls["n"] += 1
            return httpx.Response(
                503, json={"status": "error", "status_ext": "error:service-unavailable", "message": "busy"}
            )
        return await fake.handle_async(request)

    for url in URLS[::2]:
        fake.add_snapshot(url, "20250101000000")
    _, res = _run(tmp_path, handler)
    assert res[URLS[1]].outcome == "captured"  # the Archive said it started nothing
    assert fake.captures_requested == 1


@pytest.mark.parametrize(
    "ts",
    [
        "00000000000000",
        "20251301000000",
        "20250231000000",
        "19000101000000",
        "20250101250000",
        "29991231000000",
        "2025",
        "x" * 100,
    ],
)
def test_impossible_timestamps_are_refused(ts):
    expected = "20250101000000" if ts == "2025" else None
    assert normalize_timestamp(ts) == expected


def test_impossible_timestamps_never_reach_the_bib(tmp_path):
    fake = FakeWeb(access_key="AKEY-123", secret_key="SKEY-456", pending_polls=0)

    async def handler(request):
        path = request.url.path
        if path.startswith("/cdx/"):
            return httpx.Response(
                200,
                json=[["timestamp", "original", "statuscode"], ["00000000000000", "https://example.org/one", "200"]],
            )
        if path.startswith("/web/"):
            return httpx.Response(302, headers={"location": "https://web.archive.org/web/00000000000000/x"})
        if path.startswith("/wayback/available"):
            return httpx.Response(
                200,
                json={
                    "archived_snapshots": {
                        "closest": {"available": True, "timestamp": "20251341000000", "status": "200"}
                    }
                },
            )
        if path.startswith("/save/status/"):
            return httpx.Response(200, json={"status": "success", "timestamp": "00000000000000"})
        return await fake.handle_async(request)

    bib, res = _run(tmp_path, handler)
    assert bib.read_text() == BIB
    assert "0000-00-00" not in bib.read_text()
    assert {o.outcome for o in res.values()} <= {"failed", "pending", "error"}


def _client(handler, **kw):
    return WaybackClient(fast_options(**kw), transport=httpx.MockTransport(handler))


def test_a_huge_answer_is_cut_off_while_streaming():
    sent = {"bytes": 0}

    async def endless():
        chunk = b"[" + b" " * (1 << 20)
        for _ in range(1024):  # 1 GB if anyone read it all
            sent["bytes"] += len(chunk)
            yield chunk

    async def handler(request):
        return httpx.Response(200, content=endless())

    async def main():
        client = _client(handler)
        try:
            with pytest.raises(ArchiveError, match="larger than"):
                await client.cdx("https://example.org/one")
        finally:
            await client.aclose()

    tracemalloc.start()
    started = time.monotonic()
    asyncio.run(main())
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert time.monotonic() - started < 1.0
    assert sent["bytes"] < 16 << 20 and peak < 64 << 20


@pytest.mark.parametrize(
    "body",
    [
        "[" * 100_000,
        "[" * 200 + "]" * 200,
        '[["timestamp"], [1' + "0" * 5000 + "]]",
        '{"archived_snapshots": ' * 50_000,
    ],
)
def test_hostile_json_answers_are_one_clean_error(body):
    async def handler(request):
        return httpx.Response(200, text=body)

    async def main():
        client = _client(handler)
        try:
            with pytest.raises(ArchiveError, match="CDX answered malformed JSON"):
                await client.cdx("https://example.org/one")
            with pytest.raises(ArchiveError, match="availability API answered malformed JSON"):
                await client.availability("https://example.org/one")
        finally:
            await client.aclose()

    started = time.monotonic()
    asyncio.run(main())
    assert time.monotonic() - started < 1.0


@pytest.mark.parametrize("job_id", ["../../etc/passwd", "x" * 5000, "a b?c=1", {"a": 1}])
def test_an_unusable_job_id_is_an_orphan_not_a_request_path(tmp_path, job_id):
    fake = FakeWeb(access_key="AKEY-123", secret_key="SKEY-456", pending_polls=0)

    async def handler(request):
        if request.url.path == "/save":
            await fake.handle_async(request)
            return httpx.Response(200, json={"url": "x", "job_id": job_id})
        return await fake.handle_async(request)

    bib, res = _run(tmp_path, handler)
    assert fake.captures_requested == 3
    assert not any(r.path.startswith("/save/status/") for r in fake.log)
    assert {o.outcome for o in res.values()} == {"pending"}
    assert all(load_state(bib).job(u)["state"] == "submitted" for u in URLS)
