"""One polite HTTP client for the registries (Crossref, OpenAlex): the only network seam of verify.

* a User-Agent naming annobib and, when configured, a ``mailto:`` (Crossref's "polite pool");
* per host: requests spaced to the rate the server advertises (``X-Rate-Limit-Limit`` per
  ``X-Rate-Limit-Interval``, with a 5 % margin; a default until the first answer tells it —
  the first request to a host goes alone), at most ``concurrency`` in flight (lowered to
  ``X-Concurrency-Limit`` when advertised);
* retries with exponential backoff on timeouts, 429 and 5xx; a 429's ``Retry-After`` (clamped)
  pauses every request to that host;
* a host that cannot be resolved or reached is "down" for the rest of the run (said once);
* answers (200 and 404 only: never what a failure taught) cached on disk by URL for ``max_age``.

Tests pass ``transport`` (an ``httpx.MockTransport`` or a fake server on 127.0.0.1).
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from annobib import __version__
from annobib.archive.limits import backoff, parse_retry_after
from annobib.bounded import REQUEST_HOOKS, TooLarge, get_within, loads_json
from annobib.core.heads import bound_client


@dataclass
class RegistryOptions:
    crossref_url: str = "https://api.crossref.org"
    openalex_url: str = "https://api.openalex.org"
    mailto: str | None = None
    concurrency: int = 3
    rate: float = 5.0  # requests/s per host until the server advertises its limit
    timeout: float = 20.0
    tries: int = 3
    backoff: float = 1.0
    max_retry_after: float = 60.0
    max_age: float = 14 * 86400.0
    cache: bool = True

    @classmethod
    def from_config(cls, cfg) -> "RegistryOptions":
        return cls(
            crossref_url=cfg["crossref.url"],
            openalex_url=cfg["openalex.url"],
            mailto=cfg["crossref.mailto"] or None,
            concurrency=cfg["verify.concurrency"],
            rate=cfg["verify.rate"],
            timeout=cfg["verify.timeout"],
            tries=cfg["verify.tries"],
            backoff=cfg["verify.backoff"],
            max_retry_after=cfg["links.max_retry_after"],
            max_age=cfg["verify.max_age"],
        )

    @property
    def user_agent(self) -> str:
        contact = f"mailto:{self.mailto}" if self.mailto else "no contact set"
        return f"annobib/{__version__} (reference verification; {contact})"


@dataclass
class Answer:
    """``kind``: ok (``data`` holds the JSON), missing (404), unreachable, error."""

    kind: str
    data: object = None
    status: int | None = None
    detail: str = ""
    cached: bool = False


class _Gate:
    """One host's pacing: spacing between starts, a concurrency cap, a shared 429 pause."""

    def __init__(self, rate: float, concurrency: int):
        self.spacing = 1.0 / rate
        self.slots = asyncio.Semaphore(concurrency)
        self.concurrency = concurrency
        self.next_start = 0.0
        self.known = False  # the server's limits are known (after its first answer)
        self.probe = asyncio.Lock()
        self.starting = asyncio.Lock()  # one start at a time (see start)
        self.down: str | None = None
        self.slowed = False  # a 429 came: our pace is the server's minus more

    def learn(self, headers) -> None:
        self.known = True
        try:
            limit = int(headers.get("x-rate-limit-limit") or 0)
            window = float((headers.get("x-rate-limit-interval") or "1s").rstrip("s") or 1)
        except ValueError:
            limit, window = 0, 1.0
        if limit > 0 and 0 < window <= 3600 and not self.slowed:
            # Starts spaced so that any window 5 % longer than the server's holds at most
            # limit-1 of them: requests delayed on the way must not add up to limit+1 there.
            self.spacing = window * 1.05 / max(1, limit - 1)
        try:
            cap = int(headers.get("x-concurrency-limit") or 0)
        except ValueError:
            cap = 0
        if 0 < cap < self.concurrency:
            self.slots = asyncio.Semaphore(cap)  # only new waiters see it; in-flight ones finish
            self.concurrency = cap

    async def start(self) -> None:
        """Wait for this host's next start. Starts are spaced from when they really happened: with
        times booked in advance, a process stalled for 200 ms (a busy machine) woke every waiter
        whose time had passed at once, and the burst drew 429s from a server counting a second."""
        async with self.starting:
            now = time.monotonic()
            if self.next_start > now:
                await asyncio.sleep(self.next_start - now)
            self.next_start = time.monotonic() + self.spacing

    def pause(self, seconds: float) -> None:
        self.next_start = max(self.next_start, time.monotonic() + seconds)

    def too_many(self) -> None:
        """A 429 despite the pacing: go 20 % slower for the rest of the run."""
        self.spacing *= 1.2
        self.slowed = True


class RegistryClient:
    """``async with RegistryClient(options, transport) as c: answer = await c.get_json(url)``."""

    def __init__(self, options: RegistryOptions, transport=None, cache=None):
        self.options = options
        self.transport = transport
        self._client = None  # made on the first request: a run the cache answers never loads httpx
        self.cache = cache
        self.gates: dict[str, _Gate] = {}
        self.requests = 0  # sent over the network (a benchmark and the tests read it)

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        if self._client is not None:
            await self._client.aclose()

    @property
    def client(self):
        if self._client is None:
            # lazy: loads httpx only when this runs
            import httpx

            self._client = bound_client(
                httpx.AsyncClient(
                    transport=self.transport,
                    timeout=httpx.Timeout(self.options.timeout),
                    follow_redirects=True,
                    event_hooks=REQUEST_HOOKS,
                    headers={"User-Agent": self.options.user_agent, "Accept": "application/json"},
                )
            )
        return self._client

    def _gate(self, host: str) -> _Gate:
        gate = self.gates.get(host)
        if gate is None:
            gate = self.gates[host] = _Gate(self.options.rate, self.options.concurrency)
        return gate

    async def get_json(self, url: str, shrink=None) -> Answer:
        """The answer for ``url``; ``shrink(data)`` keeps what is needed (before it is cached)."""
        if self.cache is not None:
            hit = self.cache.get(url, self.options.max_age)
            if hit is not None:
                return hit
        gate = self._gate(urlsplit(url).netloc)
        answer = None
        if not gate.known:
            async with gate.probe:  # the first request goes alone: its answer tells the limits
                if not gate.known:
                    answer = await self._tries(url, gate)
                    gate.known = True
        if answer is None:
            answer = await self._tries(url, gate)
        if answer.kind == "ok" and shrink is not None:
            answer.data = shrink(answer.data)
        if self.cache is not None and answer.kind in ("ok", "missing"):
            self.cache.put(url, answer)
        return answer

    async def _tries(self, url: str, gate: _Gate) -> Answer:
        opts = self.options
        answer = Answer("error", detail="no try made")
        for attempt in range(1, opts.tries + 1):
            if gate.down:
                return Answer("unreachable", detail=gate.down)
            async with gate.slots:
                await gate.start()
                answer, retry_after, retry = await self._once(url, gate)
            if answer.kind in ("ok", "missing"):
                break
            if answer.kind == "unreachable" and (not retry or attempt == opts.tries):
                gate.down = answer.detail  # the rest of the run does not knock again
                break
            if answer.detail == "timed out" and attempt == opts.tries:
                # every try ran out its time (a registry that trickles its answers): asking it about
                # the next entry, or by title after the DOI, would wait as long again
                gate.down = f"{answer.detail} {opts.tries} times"
                break
            if answer.status == 429:
                gate.too_many()
            if attempt == opts.tries or not retry:
                break
            wait = backoff(opts.backoff, attempt)
            if retry_after is not None:
                if retry_after > opts.max_retry_after:
                    answer.detail += f" (Retry-After {int(retry_after)} s is too long)"
                    break
                wait = max(wait, retry_after)
                gate.pause(wait)
            await asyncio.sleep(wait)
        return answer

    async def _once(self, url: str, gate: _Gate) -> tuple[Answer, float | None, bool]:
        """One GET: (answer, Retry-After seconds, worth retrying)."""
        # lazy: loads httpx, ssl only when this runs
        import httpx

        from annobib.archive.links import UNREACHABLE_KINDS, _classify_exception

        def headers(resp) -> None:
            self.requests += 1
            gate.learn(resp.headers)

        try:  # the timeout bounds the whole request, not each read (a trickled answer ends)
            resp, body = await get_within(self.client, url, self.options.timeout, on_headers=headers)
        except asyncio.CancelledError:
            raise
        except TooLarge:
            return Answer("error", status=200, detail="answer larger than 4 MB"), None, False
        except (httpx.HTTPError, httpx.InvalidURL, OSError, TimeoutError) as exc:  # InvalidURL: a 64 KB DOI
            failure = _classify_exception(exc)
            kind = "unreachable" if failure.kind in UNREACHABLE_KINDS else "error"
            return Answer(kind, detail=failure.detail), None, failure.retry
        if resp.status_code != 200:
            retry = parse_retry_after(resp.headers.get("retry-after"))
            kind = "missing" if resp.status_code in (404, 410) else "error"
            again = resp.status_code == 429 or resp.status_code >= 500
            return Answer(kind, status=resp.status_code, detail=f"HTTP {resp.status_code}"), retry, again
        try:
            data = loads_json(body.decode("utf-8", "replace"), "the registry")
        except Exception:  # noqa: BLE001 - a bad answer is an error outcome, not a crash
            return Answer("error", status=200, detail="answer is not JSON"), None, False
        return Answer("ok", data=data, status=200), None, False
