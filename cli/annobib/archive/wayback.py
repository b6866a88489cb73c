"""A small, polite Wayback Machine client: CDX, replay redirect, availability, Save Page Now 2.

Every request to any Internet Archive host goes through one :class:`ArchiveGate`: a shared
requests-per-minute budget, a concurrency cap, and a shared pause after a 429.
Base URLs come from the options, so the whole client can be pointed at a local fake.
"""

from __future__ import annotations

import asyncio
import email.utils
import re
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from annobib import __version__
from annobib.archive.limits import RateBudget, backoff
from annobib.bounded import MAX_ANSWER_BYTES, REQUEST_HOOKS, TooLarge, loads_json, read_answer
from annobib.config import ARCHIVE_ORG_URL, default_of
from annobib.core.heads import bound_client
from annobib.errors import InputError

USER_AGENT = f"annobib/{__version__} (annotated-bibliography archiver; python-httpx)"
TIMESTAMP_RE = re.compile(r"/web/(\d{4,14})(?:[a-z]{2}_|id_)?/(.+)$", re.S)

TRANSIENT_SPN_ERRORS = {
    "error:gateway-timeout",
    "error:too-many-requests",
    "error:no-browsers-available",
    "error:service-unavailable",
    "error:internal-server-error",
    "error:soft-time-limit-exceeded",
    "error:proxy-error",
    "error:browsing-timeout",
    "error:capture-location-error",
    "error:cannot-fetch",
    "error:celery",
    "error:too-many-daily-captures",
    "error:user-session-limit",
    "error:read-timeout",
    "error:bandwidth-limit-exceeded",
    "error:job-failed",
    "error:redis-error",
    "error:no-access",
    "error:too-many-redirects",
}
FINAL_SPN_ERRORS = {
    "error:not-found",
    "error:blocked",
    "error:blocked-url",
    "error:blocked-client-ip",
    "error:unauthorized",
    "error:bad-request",
    "error:invalid-url-syntax",
    "error:invalid-host-resolution",
    "error:method-not-allowed",
    "error:network-authentication-required",
    "error:not-implemented",
    "error:filesize-limit",
    "error:ftp-access-denied",
    "error:http-version-not-supported",
    "error:invalid-server-response",
    "error:no-access",
}


class ArchiveError(Exception):
    """An Archive request that failed (after retries) or answered something unusable."""


class RateLimited(ArchiveError):
    """The Archive kept answering 429."""


class AnswerLost(ArchiveError):
    """A capture request was sent but its answer is unknown (timeout, 5xx, garbled): a job may
    exist. It is never sent again; the next step is a CDX look-up."""


@dataclass
class ArchiveOptions:
    """How the archive run talks to the Archive; the defaults are config.SETTINGS' (``archive.*``)."""

    wayback_url: str = default_of("archive.wayback_url")
    archive_org_url: str = ARCHIVE_ORG_URL
    cdx_url: str | None = None
    save_url: str | None = None
    availability_url: str | None = None
    snapshot_url: str | None = None  # base of the archiveurl written (default: wayback_url)
    requests_per_minute: float = default_of("archive.requests_per_minute")
    concurrency: int = default_of("archive.concurrency")
    captures_per_minute: float = default_of("archive.captures_per_minute")
    capture_interval: float = default_of("archive.capture_interval")
    poll_interval: float = default_of("archive.poll_interval")
    poll_max_interval: float = default_of("archive.poll_max_interval")
    job_timeout: float = default_of("archive.job_timeout")
    job_expiry: float = default_of("archive.job_expiry")
    pause_429: float = default_of("archive.pause_429")
    max_429: int = default_of("archive.max_429")
    timeout: float = default_of("archive.timeout")
    tries: int = default_of("archive.tries")
    max_failures: int = default_of("archive.max_failures")
    capture_retries: int = default_of("archive.capture_retries")
    if_not_archived_within: str = default_of("archive.if_not_archived_within")
    access_key: str | None = field(default=None, repr=False)
    secret_key: str | None = field(default=None, repr=False)
    user_agent: str = USER_AGENT

    def __post_init__(self):
        self.wayback_url = self.wayback_url.rstrip("/")
        self.archive_org_url = (self.archive_org_url or self.wayback_url).rstrip("/")
        self.cdx_url = (self.cdx_url or f"{self.wayback_url}/cdx/search/cdx").rstrip("/")
        self.save_url = (self.save_url or f"{self.wayback_url}/save").rstrip("/")
        self.availability_url = (self.availability_url or f"{self.archive_org_url}/wayback/available").rstrip("/")
        self.snapshot_url = (self.snapshot_url or self.wayback_url).rstrip("/")

    @property
    def has_keys(self) -> bool:
        return bool(self.access_key and self.secret_key)

    @classmethod
    def from_config(cls, cfg) -> "ArchiveOptions":
        wayback = cfg["archive.wayback_url"]
        archive_org = cfg["archive.archive_org_url"]
        if archive_org is None:
            archive_org = wayback if cfg.source("archive.wayback_url") != "default" else ARCHIVE_ORG_URL
        return cls(
            wayback_url=wayback,
            archive_org_url=archive_org,
            cdx_url=cfg["archive.cdx_url"],
            save_url=cfg["archive.save_url"],
            availability_url=cfg["archive.availability_url"],
            snapshot_url=cfg["archive.snapshot_url"],
            requests_per_minute=cfg["archive.requests_per_minute"],
            concurrency=min(cfg["archive.concurrency"], cfg["links.per_host_concurrency"]),
            captures_per_minute=cfg["archive.captures_per_minute"],
            capture_interval=cfg["archive.capture_interval"],
            poll_interval=cfg["archive.poll_interval"],
            poll_max_interval=cfg["archive.poll_max_interval"],
            job_timeout=cfg["archive.job_timeout"],
            job_expiry=cfg["archive.job_expiry"],
            pause_429=cfg["archive.pause_429"],
            max_429=cfg["archive.max_429"],
            timeout=cfg["archive.timeout"],
            tries=cfg["archive.tries"],
            max_failures=cfg["archive.max_failures"],
            capture_retries=cfg["archive.capture_retries"],
            if_not_archived_within=cfg["archive.if_not_archived_within"],
            access_key=cfg["archive.access_key"],
            secret_key=cfg["archive.secret_key"],
        )


def _json_answer(resp, what: str):
    """The JSON of a successful answer (an empty body reads as ``{}``); an HTTP error or
    malformed JSON is an ArchiveError naming ``what`` answered it."""
    if resp.status_code >= 400:
        raise ArchiveError(f"{what} answered HTTP {resp.status_code}")
    return _loads(resp.text or "{}", what)


def _loads(text: str, what: str):
    """JSON from the Archive, with the depth and number limits of :mod:`annobib.bounded`."""

    try:
        return loads_json(text, what)
    except InputError:
        raise ArchiveError(f"{what} answered malformed JSON") from None


@dataclass
class Answer:
    """An Archive answer, read whole but capped (see WaybackClient._send)."""

    status_code: int
    headers: object
    content: bytes

    @property
    def text(self) -> str:
        return self.content.decode("utf-8", "replace")


@dataclass
class Snapshot:
    timestamp: str  # 14 digits
    original: str
    status: str | None = None
    source: str = "cdx"  # cdx | replay | availability | capture

    def url(self, replay_base: str, cited: str | None = None) -> str:
        return f"{replay_base.rstrip('/')}/web/{self.timestamp}/{cited or self.original}"

    @property
    def date(self) -> str:
        ts = self.timestamp
        return f"{ts[0:4]}-{ts[4:6]}-{ts[6:8]}"


FIRST_CAPTURE_YEAR = 1991  # nothing on the Web is older; the Wayback Machine starts in 1996


def normalize_timestamp(ts: str) -> str | None:
    """14 digits (shorter ones padded: ``2025`` → ``20250101000000``), or None when the
    timestamp is impossible: not a calendar date and time (``00000000000000``, month 13,
    31 February), before 1991 or more than two days ahead. A server's answer is never
    trusted to make ``archivedate = {0000-00-00}``."""

    ts = str(ts or "")
    if len(ts) > 40:
        return None
    ts = re.sub(r"\D", "", ts)
    if not (4 <= len(ts) <= 14):
        return None
    ts = (ts + "01010000000000"[len(ts) - 4 :])[:14] if len(ts) < 14 else ts
    try:
        when = datetime.strptime(ts, "%Y%m%d%H%M%S").replace(tzinfo=timezone.utc)
    except ValueError:
        return None
    if when.year < FIRST_CAPTURE_YEAR or when > datetime.now(timezone.utc) + timedelta(days=2):
        return None
    return ts


def _ok_capture_status(status) -> bool:
    status = str(status if status is not None else "-").strip()
    return status in ("-", "") or status.startswith("2")


def pick_best(rows: list[dict], target: str | None) -> dict | None:
    """The best capture: 2xx or revisit (``-``); near ``target`` (on/after it preferred), else newest."""
    good = [r for r in rows if r.get("timestamp") and _ok_capture_status(r.get("statuscode"))]
    if not good:
        return None
    if not target:
        return max(good, key=lambda r: r["timestamp"])
    tgt = int(normalize_timestamp(target) or "0")
    return min(good, key=lambda r: (int(r["timestamp"]) < tgt, abs(int(r["timestamp"]) - tgt)))


def parse_cdx(text: str) -> list[dict]:
    """CDX JSON (header row, then rows) → list of dicts. Empty body or ``[]`` → []."""
    text = (text or "").strip()
    if not text:
        return []
    try:
        data = _loads(text, "CDX")
    except ArchiveError:
        rows = _parse_cdx_text(text)
        if rows is None:
            raise ArchiveError("CDX answered malformed JSON") from None
        return rows
    if not isinstance(data, list):
        raise ArchiveError("CDX answered JSON that is not a list")
    if not data:
        return []
    if not all(isinstance(row, list) for row in data):
        raise ArchiveError("CDX answered rows that are not lists")
    header = [str(h) for h in data[0]]
    rows = data[1:]
    if header and re.fullmatch(r"\d{4,14}", header[0] or ""):
        # no header row: assume the fields we asked for
        header, rows = ["timestamp", "original", "statuscode", "mimetype"], data
    out = []
    for row in rows:
        item = {header[i]: (str(v) if v is not None else None) for i, v in enumerate(row) if i < len(header)}
        ts = normalize_timestamp(item.get("timestamp") or "")
        if ts:
            item["timestamp"] = ts
            out.append(item)
    return out


_CDX_DEFAULT_FIELDS = ["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"]


def _parse_cdx_text(text: str) -> list[dict] | None:
    """The plain-text CDX format (space-separated lines), for servers that ignore output=json."""
    out = []
    for line in text.splitlines():
        parts = line.split()
        if not parts:
            continue
        if len(parts) == 4 and re.fullmatch(r"\d{14}", parts[0]):
            names = ["timestamp", "original", "statuscode", "mimetype"]
        elif len(parts) >= 7 and re.fullmatch(r"\d{14}", parts[1]):
            names = _CDX_DEFAULT_FIELDS
        else:
            return None
        item = dict(zip(names, parts))
        item["timestamp"] = normalize_timestamp(item["timestamp"])
        if item["timestamp"]:
            out.append(item)
    return out


UNANSWERED_TIMEOUTS = 2  # request timeouts' worth of waiting, in a row, before the Archive counts as down


class ArchiveGate:
    """One budget for every Internet Archive host: rate, concurrency, shared 429 pause."""

    def __init__(self, options: ArchiveOptions, clock=time.monotonic, sleep=asyncio.sleep):
        self.options = options
        self.budget = RateBudget(options.requests_per_minute, clock=clock, sleep=sleep)
        self.captures = RateBudget(
            options.captures_per_minute, min_interval=options.capture_interval, clock=clock, sleep=sleep
        )
        self.sem = asyncio.Semaphore(options.concurrency)
        self.count_429 = 0
        self.failures = 0  # requests without an answer, in a row
        # seconds spent on those requests: a trickling Archive times out every one, and six of
        # them (with their pauses) held a run 32 s at a 2 s timeout, 218 s at the default 30 s
        self.unanswered = 0.0
        self.down: str | None = None  # set when the Archive is taken as unreachable for this run
        self.sleep = sleep

    async def acquire(self, capture: bool = False) -> None:
        """Wait for the shared budget (and, for a capture, the capture budget) and take both at
        once, so the request leaves right away and the spacing holds where it is measured."""
        budget, captures = self.budget, self.captures
        while True:
            if capture:
                wait = captures.wait_time(budget.clock())
                if wait > 0:  # wait for the capture slot without blocking lookups
                    await self.sleep(wait)
                    continue
            async with budget._lock:
                while True:
                    now = budget.clock()
                    if capture and captures.wait_time(now) > 0:
                        break  # another capture took the slot meanwhile: wait outside the lock
                    wait = budget.wait_time(now)
                    if wait > 0:
                        await self.sleep(wait)
                        continue
                    budget.commit(now)
                    if capture:
                        captures.commit(now)
                    return

    def saw_429(self) -> None:
        self.count_429 += 1
        self.budget.pause(self.options.pause_429)


class WaybackClient:
    def __init__(self, options: ArchiveOptions, transport=None, gate: ArchiveGate | None = None, sleep=asyncio.sleep):
        # lazy: loads httpx only when this runs
        import httpx

        self.options = options
        self.gate = gate or ArchiveGate(options, sleep=sleep)
        self.sleep = sleep
        self.client = bound_client(
            httpx.AsyncClient(
                transport=transport,
                follow_redirects=False,
                event_hooks=REQUEST_HOOKS,
                timeout=httpx.Timeout(options.timeout),
                headers={"User-Agent": options.user_agent},
            )
        )
        self.requests = 0

    async def aclose(self) -> None:
        await self.client.aclose()

    # ------------------------------------------------------------------ transport
    async def _send(self, method: str, url: str, **kwargs) -> "Answer":
        """One exchange, its body read streaming and cut off at MAX_ANSWER_BYTES (a 1 GB
        answer costs 4 MB, not gigabytes)."""

        req = self.client.build_request(method, url, **kwargs)
        resp = await self.client.send(req, stream=True)
        try:
            body = await read_answer(resp, MAX_ANSWER_BYTES)
        finally:
            await resp.aclose()
        return Answer(resp.status_code, resp.headers, body)

    async def request(self, method: str, url: str, *, capture: bool = False, resend: bool = True, **kwargs):
        """One Archive request with retries. 429 → shared pause; 5xx/timeouts → backoff.

        ``resend=False`` (a capture POST): a request that may have reached the Archive is never
        sent again. A timeout or a broken connection raises AnswerLost and a 5xx answer is
        returned as it is; only a refused connection or a 429 (nothing was started) is retried."""
        # lazy: loads httpx only when this runs
        import httpx

        opts = self.options
        last = "no answer"
        for attempt in range(1, opts.tries + 1):
            if self.gate.down:
                raise ArchiveError(self.gate.down)
            try:
                async with self.gate.sem:
                    await self.gate.acquire(capture)
                    self.requests += 1
                    started = time.monotonic()
                    try:
                        async with asyncio.timeout(opts.timeout):
                            resp = await self._send(method, url, **kwargs)
                    except (asyncio.TimeoutError, httpx.TimeoutException):
                        self._no_answer("timed out", time.monotonic() - started)
                        if not self.gate.down:
                            # the Archive may still be busy with the request given up on: keep its
                            # slot a while, so it never sees more than `concurrency` from us
                            await self.sleep(min(opts.timeout, 5.0))
                        raise
            except asyncio.CancelledError:
                raise
            except TooLarge as exc:
                raise (ArchiveError if resend else AnswerLost)(f"Archive request failed: {exc}") from None
            except httpx.InvalidURL as exc:  # nothing was sent (a cited URL of 70,000 characters)
                raise ArchiveError(f"cannot ask the Archive about this URL ({str(exc)[:120]})") from None
            except (httpx.HTTPError, asyncio.TimeoutError, OSError) as exc:
                last = (
                    "timed out"
                    if isinstance(exc, (asyncio.TimeoutError, httpx.TimeoutException))
                    else (f"{type(exc).__name__}: {str(exc)[:120]}")
                )
                if last != "timed out":  # a timeout was counted above, with its time
                    self._no_answer(last, 0.0)
                if not resend and not isinstance(exc, (httpx.ConnectError, httpx.ConnectTimeout)):
                    raise AnswerLost(f"Archive request failed: {last}") from None
                if attempt < opts.tries and not self.gate.down:
                    await self.sleep(backoff(1.0, attempt, 30.0))
                continue
            self.gate.failures, self.gate.unanswered = 0, 0.0
            if resp.status_code == 429:
                self.gate.saw_429()
                last = "HTTP 429 (too many requests)"
                continue  # the budget waits out the pause before the next try
            if resp.status_code >= 500 and resend:
                last = f"HTTP {resp.status_code}"
                if attempt < opts.tries:
                    await self.sleep(backoff(1.0, attempt, 30.0))
                continue
            return resp
        if last.startswith("HTTP 429"):
            raise RateLimited(f"Archive request failed: {last}")
        raise ArchiveError(f"Archive request failed: {last}")

    def _no_answer(self, why: str, seconds: float) -> None:
        """Count a request that got no answer; after ``max_failures`` of them in a row, or once
        they took UNANSWERED_TIMEOUTS request timeouts in all (a total deadline for an Archive
        that never answers), the run stops asking it. A capture already sent stays recorded
        (the runner keeps its job), so it is looked up next run, never sent again."""
        gate, opts = self.gate, self.options
        gate.failures += 1
        gate.unanswered += seconds
        if gate.down:
            return
        if gate.failures >= opts.max_failures:
            gate.down = f"the Archive is not answering ({why}, {gate.failures} times in a row)"
        elif gate.unanswered >= UNANSWERED_TIMEOUTS * opts.timeout:
            gate.down = f"the Archive is not answering ({why}; {gate.unanswered:.0f} s without an answer)"
        if gate.down:
            gate.down += "; no more Archive requests this run"

    # ------------------------------------------------------------------ lookups
    async def cdx(self, url: str, *, from_ts: str | None = None, limit: int = -5) -> list[dict]:
        params = {
            "url": url,
            "output": "json",
            "fl": "timestamp,original,statuscode,mimetype",
            "filter": "!statuscode:[45]..",
            "limit": str(limit),
        }
        if from_ts:
            params["from"] = from_ts
        if limit < 0:
            params["fastLatest"] = "true"
        resp = await self.request("GET", self.options.cdx_url, params=params)
        if resp.status_code == 404:
            return []
        if resp.status_code >= 400:
            raise ArchiveError(f"CDX answered HTTP {resp.status_code}")
        return parse_cdx(resp.text)

    async def replay(self, url: str) -> Snapshot | None:
        resp = await self.request("GET", f"{self.options.wayback_url}/web/{url}")
        if resp.status_code in (301, 302, 303, 307, 308):
            location = resp.headers.get("location") or ""
            m = TIMESTAMP_RE.search(location)
            if m:
                ts = normalize_timestamp(m.group(1))
                if ts:
                    return Snapshot(ts, m.group(2), None, "replay")
            return None
        if resp.status_code == 200:
            # Some servers answer the newest capture directly; the Memento header dates it.
            memento = resp.headers.get("memento-datetime")
            if memento:
                try:
                    when = email.utils.parsedate_to_datetime(memento[:100])
                    ts = normalize_timestamp(when.strftime("%Y%m%d%H%M%S"))
                except (TypeError, ValueError, IndexError, OverflowError):
                    return None
                return Snapshot(ts, url, "200", "replay") if ts else None
            return None
        if resp.status_code in (404, 403, 410):
            return None
        raise ArchiveError(f"replay answered HTTP {resp.status_code}")

    async def availability(self, url: str, target: str | None = None) -> Snapshot | None:
        params = {"url": url}
        if target:
            params["timestamp"] = target
        resp = await self.request("GET", self.options.availability_url, params=params)
        data = _json_answer(resp, "availability API")
        closest = ((data or {}).get("archived_snapshots") or {}).get("closest") if isinstance(data, dict) else None
        if not isinstance(closest, dict) or not closest.get("available"):
            return None
        if not _ok_capture_status(closest.get("status")):
            return None
        ts = normalize_timestamp(closest.get("timestamp") or "")
        if not ts:
            m = TIMESTAMP_RE.search(str(closest.get("url") or ""))
            ts = normalize_timestamp(m.group(1)) if m else None
        if not ts:
            return None
        return Snapshot(ts, url, str(closest.get("status") or "200"), "availability")

    async def find_snapshot(self, url: str, target: str | None = None) -> tuple[Snapshot | None, list[str]]:
        """CDX first (newest, then from the target date), then replay; the availability API
        only as a last resort, when CDX or replay could not answer.

        Returns (snapshot or None, problems). When every lookup failed, problems is non-empty
        and the caller must not conclude "not archived".
        """
        problems: list[str] = []
        answered = False
        cdx_answered = replay_answered = False
        try:
            rows = await self.cdx(url, limit=-5)
            answered = cdx_answered = True
            if rows and target:
                tgt = normalize_timestamp(target)
                oldest = min(r["timestamp"] for r in rows)
                if tgt and oldest > tgt:
                    # all of the newest captures are later than the target: look near the target
                    more = await self.cdx(url, from_ts=target, limit=5)
                    rows = more + rows
            best = pick_best(rows, target)
            if best:
                return Snapshot(best["timestamp"], best.get("original") or url, best.get("statuscode"), "cdx"), []
        except RateLimited:
            raise
        except ArchiveError as exc:
            problems.append(str(exc))
        try:
            snap = await self.replay(url)
            answered = replay_answered = True
            if snap:
                return snap, []
        except RateLimited:
            raise
        except ArchiveError as exc:
            problems.append(str(exc))
        if cdx_answered and replay_answered:
            # both authoritative lookups said "none": the availability API (which often answers
            # empty for archived pages) could only cost budget
            return None, []
        try:
            snap = await self.availability(url, target)
            answered = True
            if snap:
                return snap, []
        except RateLimited:
            raise
        except ArchiveError as exc:
            problems.append(str(exc))
        return None, ([] if answered else problems)

    # ------------------------------------------------------------------ Save Page Now 2
    def _auth(self) -> dict:
        return {
            "Accept": "application/json",
            "Authorization": f"LOW {self.options.access_key}:{self.options.secret_key}",
        }

    async def submit(self, url: str) -> dict:
        """POST a capture request. ``{"job_id": …}`` or ``{"job_id": None, "message": …}``."""
        data = {"url": url, "skip_first_archive": "1"}
        if self.options.if_not_archived_within:
            data["if_not_archived_within"] = self.options.if_not_archived_within
        resp = await self.request(
            "POST", self.options.save_url, data=data, headers=self._auth(), capture=True, resend=False
        )
        if resp.status_code in (401, 403):
            raise ArchiveError(f"Save Page Now refused the keys (HTTP {resp.status_code})")
        try:
            body = _loads(resp.text or "{}", "Save Page Now")
        except ArchiveError:
            body = None
        if not isinstance(body, dict) or resp.status_code >= 400 and not body.get("status_ext"):
            what = f"HTTP {resp.status_code}" if resp.status_code >= 400 else "an unreadable answer"
            if resp.status_code >= 500 or resp.status_code < 400:
                # a 5xx or a garbled 2xx may still have started a capture
                raise AnswerLost(f"Save Page Now answered {what}")
            raise ArchiveError(f"Save Page Now answered {what}")
        return body

    async def job_status(self, job_id: str) -> dict:
        resp = await self.request(
            "GET", f"{self.options.save_url}/status/{job_id}", headers={"Accept": "application/json"}
        )
        body = _json_answer(resp, "capture status")
        if not isinstance(body, dict):
            raise ArchiveError("capture status answered JSON that is not an object")
        return body
