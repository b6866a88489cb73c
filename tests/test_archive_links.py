"""Link checking against the fake origins, in-process through httpx.MockTransport."""

from __future__ import annotations

import asyncio
import socket
import ssl

import httpx

from annobib.archive.fake import FakeWeb
from annobib.archive.limits import HostLimiter, RateBudget, backoff, parse_retry_after
from annobib.archive.links import LinkOptions, check_urls, classify, looks_like_soft_404
from annobib.archive.urls import clean_url, fetchable

FAST = LinkOptions(per_host_interval=0.0, timeout=0.5, backoff=0.02, tries=3)


def run(urls, fake=None, options=FAST, transport=None):
    fake = fake or FakeWeb(hang_seconds=3, slow_seconds=0.05, retry_after="0")
    transport = transport or httpx.MockTransport(fake.handle_async)
    return {r.url: r for r in asyncio.run(check_urls(urls, options, transport=transport))}, fake


def test_outcomes_for_every_kind_of_origin():
    urls = {
        "https://a.example/ok/1": "ok",
        "https://a.example/redirect/2": "redirected",
        "https://b.example/home-redirect/x": "suspect",
        "https://b.example/404/x": "dead",
        "https://c.example/410/y": "dead",
        "https://c.example/403/z": "blocked",
        "https://d.example/bot200/z": "blocked",
        "https://d.example/soft404/q": "suspect",
        "https://e.example/slow/1": "ok",
        "https://e.example/429/a": "ok",
        "https://f.example/flaky/1": "ok",
        "https://f.example/500/1": "error",
        "https://g.example/loop/a": "error",
        "https://h.example/hang/1": "error",
    }
    results, fake = run(list(urls))
    got = {u: r.outcome for u, r in results.items()}
    assert got == urls
    assert results["https://a.example/redirect/2"].final_url == "https://a.example/ok/2"
    assert [c["status"] for c in results["https://a.example/redirect/2"].chain] == [301, 200]
    assert results["https://g.example/loop/a"].detail == "redirect loop"
    assert "timed out" in results["https://h.example/hang/1"].detail
    assert results["https://h.example/hang/1"].tries == 3
    assert results["https://f.example/500/1"].tries == 3
    assert results["https://e.example/429/a"].tries == 2  # one 429, then Retry-After honoured


def test_non_http_urls_are_reported_and_never_requested():
    urls = [
        "file:///etc/passwd",
        "javascript:alert(1)",
        "mailto:x@example.org",
        "ftp://example.org/x",
        "not a url",
        "https://a.example/redirect-file/x",
    ]
    results, fake = run(urls)
    for url in urls[:5]:
        assert results[url].outcome == "error"
        assert "not requested" in results[url].detail
    assert results["https://a.example/redirect-file/x"].outcome == "error"
    assert "not requested" in results["https://a.example/redirect-file/x"].detail
    requested = {r.path for r in fake.log}
    assert requested == {"/redirect-file/x"}  # only the http URL went out; the file: target did not


def _raising(exc_factory):
    def handler(request):
        raise exc_factory(request)

    return httpx.MockTransport(handler)


def test_dns_failure_is_unreachable_never_dead_and_tls_error_is_error():
    def dns(request):
        err = httpx.ConnectError("[Errno -2] Name or service not known", request=request)
        err.__cause__ = socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return err

    results, _ = run(["https://nohost.invalid/x"], transport=_raising(dns))
    r = results["https://nohost.invalid/x"]
    assert (r.outcome, r.tries) == ("unreachable", 1)
    assert "DNS" in r.detail

    def tls(request):
        err = httpx.ConnectError("certificate verify failed", request=request)
        err.__cause__ = ssl.SSLCertVerificationError("CERTIFICATE_VERIFY_FAILED")
        return err

    results, _ = run(["https://badcert.example/x"], transport=_raising(tls))
    r = results["https://badcert.example/x"]
    assert r.outcome == "error" and "TLS" in r.detail and r.tries == 1


def test_per_host_concurrency_and_spacing_are_measured():
    fake = FakeWeb(origin_delay=0.05)
    urls = [f"https://h{h}.example/ok/{i}" for h in range(3) for i in range(6)]
    opts = LinkOptions(per_host_concurrency=2, per_host_interval=0.04, timeout=2, backoff=0.01)
    results, fake = run(urls, fake=fake, options=opts)
    assert all(r.outcome == "ok" for r in results.values())
    for h in range(3):
        host = f"h{h}.example"
        assert fake.peak[host] <= 2
        starts = sorted(r.at for r in fake.log if r.host == host)
        # spacing is enforced when requests leave; arrival jitter does not accumulate
        for k, t in enumerate(starts):
            assert t - starts[0] >= k * 0.04 - 0.03, starts
    # hosts ran in parallel: total well under the serial time
    assert max(fake.peak.values()) == 2


def test_soft_404_detection_in_cjk_and_english():
    assert looks_like_soft_404("<title>页面不存在</title>")
    assert looks_like_soft_404("<html><h1>ページが見つかりません</h1></html>")
    assert looks_like_soft_404("<html><title>오류</title><p>페이지를 찾을 수 없습니다</p></html>")
    assert looks_like_soft_404("<title>Page Not Found | Site</title>")
    long_article = "<title>On maps</title><p>" + "The page not found in the archive was cited. " * 100
    assert not looks_like_soft_404(long_article)
    assert classify("https://x/a", 999, "", [{}], "https://x/a")[0] == "blocked"
    assert classify("https://x/a", 401, "", [{}], "https://x/a")[0] == "blocked"


def test_helpers():
    assert clean_url(r"https://x.org/a\_b\%20c") == "https://x.org/a_b%20c"
    assert clean_url(r"\url{https://x.org/a}") == "https://x.org/a"
    assert fetchable("https://x.org/a") == (True, "")
    assert not fetchable("https://x.org:99999/a")[0]
    assert parse_retry_after("7") == 7.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412480 - 10) == 10.0
    assert parse_retry_after("soon") is None
    assert [backoff(1, a) for a in (1, 2, 3)] == [1, 2, 4]


def test_rate_budget_never_exceeds_its_window():
    now = [0.0]
    stamps = []

    async def sleep(s):
        now[0] += s

    async def main():
        budget = RateBudget(10, clock=lambda: now[0], sleep=sleep)
        for _ in range(35):
            await budget.acquire()
            stamps.append(now[0])
        budget.pause(100)
        await budget.acquire()
        stamps.append(now[0])

    asyncio.run(main())
    for i, t in enumerate(stamps):
        assert sum(1 for u in stamps if t <= u < t + 60) <= 10
    assert stamps[-1] - stamps[-2] >= 100 - 1e-9


def test_host_limiter_forgets_idle_hosts():
    async def main():
        limiter = HostLimiter(2, 0.0)
        for i in range(200):
            async with limiter.slot(f"h{i}"):
                pass
        return limiter

    limiter = asyncio.run(main())
    assert len(limiter._sems) == 0 and len(limiter._next) == 0


def test_a_crashing_transport_gives_an_outcome_per_url():
    def handler(request):
        raise RuntimeError("boom")

    results, _ = run(["https://a.example/1", "https://b.example/2"], transport=httpx.MockTransport(handler))
    assert {r.outcome for r in results.values()} == {"error"}


def test_an_article_with_a_comment_captcha_is_not_a_bot_wall():
    article = (
        "<html><head><title>Allies in Asia</title><script src='https://www.google.com/recaptcha/api.js'>"
        "</script></head><body>" + "<p>Long article text about alliances. " * 100 + "</body></html>"
    )
    assert classify("https://x.org/a", 200, article, [{}], "https://x.org/a")[0] == "ok"
    wall = "<html><head><title>Just a moment...</title></head><body>Checking your browser</body></html>"
    assert classify("https://x.org/a", 200, wall, [{}], "https://x.org/a")[0] == "blocked"
    assert classify("https://x.org/a", 503, wall, [{}], "https://x.org/a")[0] == "blocked"
