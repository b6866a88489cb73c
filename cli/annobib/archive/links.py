"""Checking that cited URLs are alive: concurrent, polite, and honest about what it cannot know.

    results = asyncio.run(check_urls(urls, LinkOptions.from_config(cfg)))

Outcomes: ``ok``, ``redirected`` (final URL noted), ``dead`` (404, 410: the server said so),
``unreachable`` (no such host, DNS failure, connection refused: we learned nothing about the page,
so it is never "dead" — offline, every URL would be),
``blocked`` (401, 403, 429, 451, 999, bot walls: unknown, never "dead"), ``suspect`` (soft 404:
a redirect to the home page or a "page not found" text), ``error`` (TLS, timeouts after retries,
redirect loops, URLs that are not http(s) — those are never requested).
"""

from __future__ import annotations

import asyncio
import collections
import errno
import re
import socket
import ssl
import time
from dataclasses import asdict, dataclass, field
from typing import Callable, Iterable
from urllib.parse import urljoin, urlsplit

from annobib import __version__
from annobib.archive.limits import HostLimiter, backoff, parse_retry_after
from annobib.archive.state import now_iso
from annobib.archive.urls import fetchable, host_of
from annobib.bounded import REQUEST_HOOKS, stacked_coding
from annobib.config import default_of
from annobib.core.heads import bound_client, bound_transport

USER_AGENT = f"annobib/{__version__} (annotated-bibliography link checker; python-httpx)"
REDIRECT_CODES = {301, 302, 303, 307, 308}
DEAD_CODES = {404, 410}
BLOCKED_CODES = {401, 403, 407, 429, 451, 999}
UNREACHABLE_KINDS = ("dns", "dns-temp", "connect")
RETRY_CODES = {408, 425, 429, 500, 502, 503, 504, 520, 521, 522, 523, 524}

SOFT_404 = [
    "page not found",
    "404 not found",
    "not found</title>",
    "page does not exist",
    "page you requested could not be found",
    "page you were looking for",
    "this page doesn't exist",
    "error 404",
    "404 error",
    "页面不存在",
    "页面未找到",
    "找不到页面",
    "页面找不到",
    "您访问的页面不存在",
    "网页不存在",
    "页面已删除",
    "頁面不存在",
    "找不到網頁",
    "ページが見つかりません",
    "ページは見つかりません",
    "お探しのページ",
    "ページが存在しません",
    "페이지를 찾을 수 없습니다",
    "요청하신 페이지를 찾을 수 없",
    "존재하지 않는 페이지",
]
BOT_WALL = [
    "just a moment...",
    "attention required! | cloudflare",
    "cf-chl-",
    "challenge-platform",
    "are you a robot",
    "are you a human",
    "verify you are human",
    "captcha",
    "px-captcha",
    "datadome",
    "access denied</title>",
    "request unsuccessful. incapsula",
    "人机验证",
    "安全验证",
]


@dataclass
class LinkOptions:
    """How links are checked; the defaults are config.SETTINGS' (``links.*``)."""

    per_host_concurrency: int = default_of("links.per_host_concurrency")
    per_host_interval: float = default_of("links.per_host_interval")
    max_connections: int = default_of("links.max_connections")
    timeout: float = default_of("links.timeout")
    tries: int = default_of("links.tries")
    backoff: float = default_of("links.backoff")
    max_retry_after: float = default_of("links.max_retry_after")
    max_redirects: int = default_of("links.max_redirects")
    max_bytes: int = default_of("links.max_bytes")
    user_agent: str = USER_AGENT

    @classmethod
    def from_config(cls, cfg) -> "LinkOptions":
        return cls(
            per_host_concurrency=cfg["links.per_host_concurrency"],
            per_host_interval=cfg["links.per_host_interval"],
            max_connections=cfg["links.max_connections"],
            timeout=cfg["links.timeout"],
            tries=cfg["links.tries"],
            backoff=cfg["links.backoff"],
            max_retry_after=cfg["links.max_retry_after"],
            max_redirects=cfg["links.max_redirects"],
            max_bytes=cfg["links.max_bytes"],
        )


@dataclass
class LinkResult:
    url: str
    outcome: str
    status: int | None = None
    final_url: str | None = None
    detail: str = ""
    chain: list[dict] = field(default_factory=list)
    tries: int = 0
    elapsed: float = 0.0
    checked_at: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


class _Failure(Exception):
    """A try that ended without an HTTP answer."""

    def __init__(self, kind: str, detail: str, retry: bool):
        super().__init__(detail)
        self.kind = kind  # "dns" | "tls" | "timeout" | "connect" | "protocol"
        self.detail = detail
        self.retry = retry


def _causes(exc: BaseException):
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        yield exc
        exc = exc.__cause__ or exc.__context__


def _classify_exception(exc: BaseException) -> _Failure:
    # lazy: loads httpx only when this runs
    import httpx

    text = " ".join(str(e) for e in _causes(exc))
    for cause in _causes(exc):
        if isinstance(cause, socket.gaierror):
            if cause.errno in (socket.EAI_NONAME, getattr(socket, "EAI_NODATA", -5)):
                return _Failure("dns", "no such host (DNS)", False)
            return _Failure("dns-temp", f"DNS lookup failed ({cause.strerror or cause})", True)
        if isinstance(cause, ssl.SSLError):
            return _Failure("tls", f"TLS error: {getattr(cause, 'reason', None) or cause}", False)
        if isinstance(cause, ConnectionRefusedError):
            return _Failure("connect", "connection refused", True)
    low = text.lower()
    if "name or service not known" in low or "nodename nor servname" in low or "no address associated" in low:
        return _Failure("dns", "no such host (DNS)", False)
    if "temporary failure in name resolution" in low:
        return _Failure("dns-temp", "DNS lookup failed (temporary)", True)
    if "certificate" in low or "ssl" in low or "tls" in low:
        return _Failure("tls", f"TLS error: {text.strip()[:160]}", False)
    if isinstance(exc, (asyncio.TimeoutError, httpx.TimeoutException)):
        return _Failure("timeout", "timed out", True)
    if isinstance(exc, httpx.ConnectError):
        if "refused" in low or getattr(exc, "errno", None) == errno.ECONNREFUSED:
            return _Failure("connect", "connection refused", True)
        return _Failure("connect", f"could not connect ({text.strip()[:160] or type(exc).__name__})", True)
    if isinstance(exc, httpx.UnsupportedProtocol):
        return _Failure("protocol", f"unsupported protocol ({text.strip()[:160]})", False)
    if isinstance(exc, (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError, httpx.CloseError)):
        return _Failure("protocol", f"connection broken ({type(exc).__name__}: {text.strip()[:120]})", True)
    if isinstance(exc, httpx.InvalidURL):
        return _Failure("protocol", f"invalid URL ({text.strip()[:160]})", False)
    return _Failure("protocol", f"{type(exc).__name__}: {text.strip()[:160]}", False)


def _title_and_heads(body: str) -> str:
    parts = re.findall(r"<title[^>]*>(.*?)</title>", body, re.I | re.S)
    parts += re.findall(r"<h1[^>]*>(.*?)</h1>", body, re.I | re.S)
    return " ".join(parts).lower()


def looks_like_bot_wall(body: str, strict: bool = False) -> bool:
    """A challenge page. ``strict`` (for 2xx answers): the title says so, or a short page does —
    a long article that merely embeds a captcha for its comment form is not a wall."""
    low = body[:65536].lower()
    if not strict:
        return any(marker in low for marker in BOT_WALL)
    heads = _title_and_heads(low)
    if any(marker in heads for marker in BOT_WALL):
        return True
    text = re.sub(r"<script.*?</script>|<style.*?</style>|<[^>]+>", " ", low, flags=re.S)
    text = re.sub(r"\s+", " ", text).strip()
    return len(text) < 1500 and any(marker in low for marker in BOT_WALL)


def looks_like_soft_404(body: str) -> bool:
    heads = _title_and_heads(body)
    if any(marker in heads for marker in SOFT_404):
        return True
    text = re.sub(r"<script.*?</script>|<style.*?</style>|<[^>]+>", " ", body, flags=re.I | re.S)
    text = re.sub(r"\s+", " ", text).strip().lower()
    # A short page whose text says "not found" is a soft 404; a long article that mentions it is not.
    return len(text) < 1500 and any(marker in text for marker in SOFT_404)


def _is_home(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    path = parts.path.rstrip("/").lower()
    return (
        path in ("", "/index.html", "/index.htm", "/index.php", "/home", "/en", "/zh", "/ja", "/ko") and not parts.query
    )


def classify(url: str, status: int, body: str, chain: list[dict], final_url: str) -> tuple[str, str]:
    """(outcome, detail) for a final HTTP answer."""
    redirected = len(chain) > 1
    if status in DEAD_CODES:
        return "dead", f"HTTP {status}"
    if status in BLOCKED_CODES:
        return "blocked", f"HTTP {status}" + (" (bot wall)" if looks_like_bot_wall(body) else "")
    if 200 <= status < 300:
        if looks_like_bot_wall(body, strict=True):
            return "blocked", "bot-wall page"
        if looks_like_soft_404(body):
            return "suspect", "page says 'not found' (soft 404)"
        if redirected:
            if _is_home(final_url) and not _is_home(url):
                return "suspect", "redirected to the site's home page (soft 404)"
            if re.search(r"/(404|not-?found|error)(\.html?|/|$)", urlsplit(final_url).path, re.I):
                return "suspect", "redirected to an error page (soft 404)"
            return "redirected", f"now at {final_url}"
        return "ok", f"HTTP {status}"
    if status in REDIRECT_CODES:
        return "error", f"HTTP {status} without a usable Location"
    if status >= 500:
        if looks_like_bot_wall(body):
            return "blocked", f"HTTP {status} (bot wall)"
        return "error", f"HTTP {status}"
    return "error", f"HTTP {status}"


def _env_proxy(scheme: str, host: str) -> str | None:
    """The proxy the environment asks for (HTTP_PROXY, HTTPS_PROXY, ALL_PROXY, NO_PROXY)."""
    # lazy: loads urllib.request only when this runs
    import urllib.request

    proxies = urllib.request.getproxies_environment()
    proxy = proxies.get(scheme) or proxies.get("all")
    if not proxy or urllib.request.proxy_bypass_environment(host, proxies):
        return None
    return proxy if "://" in proxy else f"http://{proxy}"


class _HostPools:
    """An httpx transport that keeps one small connection pool per host (created lazily)."""

    def __init__(self, per_host: int):
        # lazy: loads httpx only when this runs
        import httpx

        self._httpx = httpx
        self.per_host = per_host
        self.pools: dict[tuple, object] = {}
        self._ssl = None
        self._plain = None

    def _pool(self, url):
        key = (url.scheme, url.host, url.port)
        pool = self.pools.get(key)
        if pool is None:
            proxy = _env_proxy(url.scheme, url.host)
            if url.scheme == "https" or proxy:
                if self._ssl is None:  # loading the CA bundle costs ~0.1 s: once, and only for TLS
                    self._ssl = self._httpx.create_ssl_context()
                verify = self._ssl
            else:
                if self._plain is None:  # a plain-http pool never negotiates TLS
                    self._plain = self._httpx.create_ssl_context(verify=False)
                verify = self._plain
            limits = self._httpx.Limits(max_connections=self.per_host, max_keepalive_connections=self.per_host)
            pool = self.pools[key] = bound_transport(
                self._httpx.AsyncHTTPTransport(verify=verify, limits=limits, proxy=proxy)
            )
        return pool

    async def handle_async_request(self, request):
        return await self._pool(request.url).handle_async_request(request)

    async def drop(self, host: str) -> None:
        for key in [k for k in self.pools if k[1] == host]:
            await self.pools.pop(key).aclose()

    async def aclose(self) -> None:
        pools = list(self.pools.values())
        self.pools.clear()
        for pool in pools:
            await pool.aclose()

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        await self.aclose()


class LinkChecker:
    """One client, one host limiter; ``await checker.check(url)`` per URL."""

    def __init__(self, options: LinkOptions, transport=None, limiter: HostLimiter | None = None, sleep=asyncio.sleep):
        self.options = options
        self.limiter = limiter or HostLimiter(options.per_host_concurrency, options.per_host_interval)
        self.sleep = sleep
        self._global = asyncio.Semaphore(options.max_connections)
        self._pools = None
        if transport is None:
            # One small pool per host: httpcore scans its whole pool on every request, so a
            # single pool holding connections to hundreds of hosts costs O(hosts) per request.
            transport = self._pools = _HostPools(options.per_host_concurrency)
        # lazy: loads httpx only when this runs
        import httpx

        self.client = bound_client(
            httpx.AsyncClient(
                transport=transport,
                trust_env=self._pools is None,  # the per-host pools apply the environment's proxies
                follow_redirects=False,
                event_hooks=REQUEST_HOOKS,
                timeout=httpx.Timeout(options.timeout),
                limits=httpx.Limits(
                    max_connections=options.max_connections, max_keepalive_connections=min(options.max_connections, 100)
                ),
                headers={"User-Agent": options.user_agent, "Accept": "text/html,application/xhtml+xml,*/*;q=0.8"},
            )
        )
        self._refs: collections.Counter = collections.Counter()

    def hold(self, host: str) -> None:
        """Keep the host's connection pool (keep-alive) until the matching release()."""
        self._refs[host] += 1

    async def release(self, host: str) -> None:
        self._refs[host] -= 1
        if self._refs[host] <= 0:
            del self._refs[host]
            if self._pools is not None:
                await self._pools.drop(host)

    def _client(self, host: str):
        return self.client

    async def aclose(self) -> None:
        await self.client.aclose()

    async def _get(self, url: str) -> tuple[int, dict, str]:
        """One GET: status, headers, the first max_bytes of the body (decoded leniently)."""
        host = host_of(url)
        self.hold(host)
        try:
            return await self._get_held(url, host)
        finally:
            await self.release(host)

    async def _get_held(self, url: str, host: str) -> tuple[int, dict, str]:
        # lazy: loads httpx only when this runs
        import httpx

        async with self.limiter.slot(host):
            try:
                return await self._get_in_slot(url, host)
            except (TimeoutError, httpx.TimeoutException):
                # The server may still be working on the request we gave up on: keep its slot
                # a little longer, so the host does not see more than its share at once.
                await self.sleep(self.options.backoff)
                raise

    async def _get_in_slot(self, url: str, host: str) -> tuple[int, dict, str]:
        async with self._global:
            async with asyncio.timeout(self.options.timeout):
                async with self._client(host).stream("GET", url) as resp:
                    chunks, size = [], 0
                    # a body compressed twice or more is left unread (bounded.stacked_coding): the status is the answer
                    if resp.status_code not in REDIRECT_CODES and not stacked_coding(resp):
                        async for chunk in resp.aiter_bytes():
                            chunks.append(chunk)
                            size += len(chunk)
                            if size >= self.options.max_bytes:
                                break
                    raw = b"".join(chunks)[: self.options.max_bytes]
                    charset = resp.charset_encoding or "utf-8"
                    try:
                        body = raw.decode(charset, "replace")
                    except LookupError:
                        body = raw.decode("utf-8", "replace")
                    headers = {"location": resp.headers.get("location"), "retry-after": resp.headers.get("retry-after")}
                    return resp.status_code, headers, body

    async def check(self, url: str) -> LinkResult:
        started = time.monotonic()
        result = await self._check(url)
        result.elapsed = round(time.monotonic() - started, 3)
        result.checked_at = now_iso()
        return result

    async def _check(self, url: str) -> LinkResult:
        ok, why = fetchable(url)
        if not ok:
            return LinkResult(url, "error", detail=why)
        opts = self.options
        chain: list[dict] = []
        visited = {url}
        current = url
        tries = 0
        while True:
            attempt = 0
            while True:
                attempt += 1
                tries += 1
                try:
                    status, headers, body = await self._get(current)
                except asyncio.CancelledError:
                    raise
                except Exception as exc:  # noqa: BLE001 - every failure becomes an outcome
                    failure = _classify_exception(exc)
                    if failure.retry and attempt < opts.tries:
                        await self.sleep(backoff(opts.backoff, attempt))
                        continue
                    chain.append({"url": current, "status": None})
                    # No answer from any server says nothing about the page: never "dead".
                    outcome = "unreachable" if failure.kind in UNREACHABLE_KINDS else "error"
                    suffix = f" after {attempt} tries" if attempt > 1 else ""
                    return LinkResult(
                        url, outcome, None, current if current != url else None, failure.detail + suffix, chain, tries
                    )
                if (
                    status in RETRY_CODES
                    and attempt < opts.tries
                    and not (status in (403, 503) and looks_like_bot_wall(body))
                ):
                    wait = backoff(opts.backoff, attempt)
                    retry_after = parse_retry_after(headers.get("retry-after"))
                    if retry_after is not None:
                        if retry_after > opts.max_retry_after:
                            chain.append({"url": current, "status": status})
                            outcome = "blocked" if status == 429 else "error"
                            return LinkResult(
                                url,
                                outcome,
                                status,
                                current if current != url else None,
                                f"HTTP {status}, Retry-After {int(retry_after)} s is too long",
                                chain,
                                tries,
                            )
                        wait = max(wait, retry_after)
                    await self.sleep(wait)
                    continue
                break
            chain.append({"url": current, "status": status})
            location = headers.get("location")
            if status in REDIRECT_CODES and location:
                nxt = urljoin(current, location.strip())
                good, why = fetchable(nxt)
                if not good:
                    return LinkResult(
                        url, "error", status, nxt, f"redirect to a URL that is not requested: {why}", chain, tries
                    )
                if nxt in visited:
                    return LinkResult(url, "error", status, nxt, "redirect loop", chain, tries)
                if len(chain) > opts.max_redirects:
                    return LinkResult(
                        url, "error", status, nxt, f"too many redirects (more than {opts.max_redirects})", chain, tries
                    )
                visited.add(nxt)
                current = nxt
                continue
            outcome, detail = classify(url, status, body, chain, current)
            return LinkResult(url, outcome, status, current if current != url else None, detail, chain, tries)


async def check_urls(
    urls: Iterable[str],
    options: LinkOptions,
    transport=None,
    on_result: Callable[[LinkResult], None] | None = None,
    limiter: HostLimiter | None = None,
) -> list[LinkResult]:
    """Check each distinct URL once; results in input order. ``on_result`` is called as each ends.

    Scheduling: one small pool of workers per host (as many as the per-host limit), so the number
    of tasks grows with hosts, not URLs, and memory stays flat.
    """
    unique = list(dict.fromkeys(urls))
    by_host: dict[str, collections.deque] = collections.defaultdict(collections.deque)
    for url in unique:
        by_host[host_of(url) if fetchable(url)[0] else ""].append(url)
    results: dict[str, LinkResult] = {}
    checker = LinkChecker(options, transport=transport, limiter=limiter)

    async def worker(host: str, queue: collections.deque) -> None:
        checker.hold(host)
        try:
            await work(queue)
        finally:
            await checker.release(host)

    async def work(queue: collections.deque) -> None:
        while queue:
            url = queue.popleft()
            try:
                res = await checker.check(url)
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # noqa: BLE001 - a bug for one URL must not stop the run
                res = LinkResult(url, "error", detail=f"internal error: {type(exc).__name__}: {exc}")
            results[url] = res
            if on_result is not None:
                on_result(res)

    try:
        async with asyncio.TaskGroup() as group:
            for host, queue in by_host.items():
                workers = 1 if host == "" else min(len(queue), options.per_host_concurrency)
                for _ in range(workers):
                    group.create_task(worker(host, queue))
    finally:
        await checker.aclose()
    return [results[u] for u in unique if u in results]


def is_offline(results: Iterable[LinkResult]) -> bool:
    """True when requests were made and not one host was resolved or reached (no network)."""
    tried = [r for r in results if r.tries]
    return bool(tried) and all(r.outcome == "unreachable" for r in tried)
