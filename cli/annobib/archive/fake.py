"""A stateful fake of the Internet Archive and of origin sites, for tests and benchmarks.

One object, one behaviour, two ways to use it::

    fake = FakeWeb()
    fake.add_snapshot("https://example.org/a", "20250102030405")
    httpx.AsyncClient(transport=httpx.MockTransport(fake.handle_async))   # in-process
    with serve(fake) as server: server.url                                # http://127.0.0.1:PORT

Archive endpoints (on any host): ``/cdx/search/cdx``, ``/web/<url>`` and ``/web/<ts>/<url>``,
``/wayback/available``, ``POST /save``, ``/save/status/<job_id>``.

Origin behaviour is chosen by the first path segment, on any host:
``/ok/…`` 200 article · ``/redirect/…`` 301 → ``/ok/…`` · ``/home-redirect/…`` 302 → ``/`` ·
``/404/…`` · ``/410/…`` · ``/403/…`` bot wall · ``/bot200/…`` captcha page with 200 ·
``/soft404/…`` 200 "page not found" · ``/hang/…`` never answers (until ``hang_seconds``) ·
``/slow/…`` answers after ``slow_seconds`` · ``/429/…`` 429 + Retry-After, then 200 ·
``/flaky/…`` 503 once, then 200 · ``/500/…`` always 503 · ``/loop/…`` redirect loop ·
``/redirect-file/…`` redirect to a ``file:`` URL.  Anything else: 200.

The fake records every request (time, host, path) and the peak number of requests in flight per
host and for the Archive, so tests can measure politeness.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timezone
from urllib.parse import parse_qs

import httpx

ARCHIVE_PREFIXES = ("/cdx/search/cdx", "/web/", "/wayback/available", "/save")

ARTICLE = (
    "<html><head><title>An article</title></head><body><h1>Allies and the Indo-Pacific</h1>"
    + "<p>Policy text. " * 200
    + "</p></body></html>"
)
HOME = "<html><head><title>Front page</title></head><body><h1>Welcome</h1>" + "<p>News. " * 200 + "</body></html>"
SOFT_404 = "<html><head><title>Page not found</title></head><body><h1>Sorry</h1></body></html>"
BOT_WALL = (
    "<html><head><title>Just a moment...</title></head><body>"
    "<div id='cf-chl-widget'>Checking your browser</div></body></html>"
)


def url_key(url: str) -> str:
    """A loose canonical form (like CDX's urlkey): no scheme, no www., no trailing slash."""
    u = re.sub(r"^[a-z]+://", "", url.strip(), flags=re.I)
    u = re.sub(r"^www\.", "", u, flags=re.I)
    host, _, rest = u.partition("/")
    return (host.lower() + "/" + rest).rstrip("/")


@dataclass
class RequestRecord:
    at: float
    host: str
    method: str
    path: str
    archive: bool


@dataclass
class FakeWeb:
    """See the module docstring. Every knob is a plain attribute."""

    access_key: str | None = None  # when set, /save requires "LOW access:secret"
    secret_key: str | None = None
    pending_polls: int = 1  # status answers "pending" this many times before the outcome
    capture_plan: dict = field(default_factory=dict)  # url -> "success" | "recent" | "error:…"
    malformed_cdx: set = field(default_factory=set)  # urls whose CDX answer is garbage
    malformed_all: bool = False  # every Archive JSON answer is garbage
    availability_empty: bool = False
    answer_429: int = 0  # the next N Archive requests get a 429
    archive_delay: float = 0.0
    origin_delay: float = 0.0
    slow_seconds: float = 0.3
    hang_seconds: float = 30.0
    retry_after: str = "1"
    clock: object = time.time

    def __post_init__(self):
        self.snapshots: dict[str, list[tuple[str, str, str]]] = defaultdict(list)  # key -> [(ts, original, status)]
        self.jobs: dict[str, dict] = {}
        self.log: list[RequestRecord] = []
        self.hits: dict[str, int] = defaultdict(int)
        self.in_flight: dict[str, int] = defaultdict(int)
        self.peak: dict[str, int] = defaultdict(int)
        self.archive_in_flight = 0
        self.archive_peak = 0
        self.captures_requested = 0
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._stop = threading.Event()

    # ------------------------------------------------------------------ setup
    def add_snapshot(self, url: str, timestamp: str, status: str = "200") -> None:
        with self._lock:
            self.snapshots[url_key(url)].append((timestamp, url, status))
            self.snapshots[url_key(url)].sort()

    def archive_requests(self) -> list[RequestRecord]:
        return [r for r in self.log if r.archive]

    def max_per_minute(self) -> int:
        """The most Archive requests seen in any 60-second window."""
        times = sorted(r.at for r in self.archive_requests())
        best, j = 0, 0
        for i, t in enumerate(times):
            while t - times[j] >= 60.0:
                j += 1
            best = max(best, i - j + 1)
        return best

    # ------------------------------------------------------------------ entry points
    def _enter(self, request: httpx.Request) -> tuple[str, bool]:
        host = request.url.host
        path = request.url.path
        archive = path.startswith(ARCHIVE_PREFIXES)
        with self._lock:
            self.log.append(RequestRecord(time.monotonic(), host, request.method, path, archive))
            key = "archive" if archive else host
            self.in_flight[key] += 1
            self.peak[key] = max(self.peak[key], self.in_flight[key])
            if archive:
                self.archive_in_flight += 1
                self.archive_peak = max(self.archive_peak, self.archive_in_flight)
        return ("archive" if archive else host), archive

    def _leave(self, key: str, archive: bool) -> None:
        with self._lock:
            self.in_flight[key] -= 1
            if archive:
                self.archive_in_flight -= 1

    def _delay(self, request: httpx.Request, archive: bool) -> float:
        if archive:
            return self.archive_delay
        first = request.url.path.strip("/").split("/", 1)[0]
        if first == "hang":
            return self.hang_seconds
        if first == "slow":
            return self.slow_seconds
        return self.origin_delay

    async def handle_async(self, request: httpx.Request) -> httpx.Response:
        """For ``httpx.MockTransport``: the same behaviour; delays use asyncio.sleep."""
        key, archive = self._enter(request)
        try:
            delay = self._delay(request, archive)
            if delay:
                await asyncio.sleep(delay)
            return self.respond(request)
        finally:
            self._leave(key, archive)

    def handle(self, request: httpx.Request) -> httpx.Response:
        """Synchronous: for the 127.0.0.1 server (delays block this request's thread)."""
        key, archive = self._enter(request)
        try:
            delay = self._delay(request, archive)
            if delay:
                self._stop.wait(delay)
            return self.respond(request)
        finally:
            self._leave(key, archive)

    # ------------------------------------------------------------------ behaviour
    def respond(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if path.startswith(ARCHIVE_PREFIXES):
            with self._lock:
                if self.answer_429 > 0:
                    self.answer_429 -= 1
                    return httpx.Response(429, text="Too Many Requests")
            if path.startswith("/cdx/search/cdx"):
                return self._cdx(request)
            if path.startswith("/web/"):
                return self._replay(request)
            if path.startswith("/wayback/available"):
                return self._available(request)
            if path.startswith("/save/status/"):
                return self._status(path.rsplit("/", 1)[-1])
            if path.startswith("/save"):
                return self._save(request)
        return self._origin(request)

    def _json(self, data, status: int = 200) -> httpx.Response:
        if self.malformed_all:
            return httpx.Response(status, text='{"archived_snapshots": [', headers={"content-type": "application/json"})
        return httpx.Response(status, text=json.dumps(data), headers={"content-type": "application/json"})

    def _params(self, request: httpx.Request) -> dict[str, list[str]]:
        return parse_qs(
            request.url.query.decode() if isinstance(request.url.query, bytes) else str(request.url.query),
            keep_blank_values=True,
        )

    def _cdx(self, request: httpx.Request) -> httpx.Response:
        params = self._params(request)
        url = (params.get("url") or [""])[0]
        if url in self.malformed_cdx or self.malformed_all:
            return httpx.Response(
                200, text='[["timestamp","original"],["2025', headers={"content-type": "application/json"}
            )
        with self._lock:
            rows = list(self.snapshots.get(url_key(url), []))
        fl = (params.get("fl") or ["urlkey,timestamp,original,mimetype,statuscode,digest,length"])[0].split(",")
        if params.get("from"):
            lo = params["from"][0]
            rows = [r for r in rows if r[0][: len(lo)] >= lo]
        if params.get("to"):
            hi = params["to"][0]
            rows = [r for r in rows if r[0][: len(hi)] <= hi]
        for flt in params.get("filter", []):
            neg = flt.startswith("!")
            name, _, pattern = flt.lstrip("!").partition(":")
            if name == "statuscode":
                rows = [r for r in rows if bool(re.fullmatch(pattern, r[2])) != neg]
        if params.get("limit"):
            n = int(params["limit"][0])
            rows = rows[:n] if n >= 0 else rows[n:]
        values = {"timestamp": 0, "original": 1, "statuscode": 2}
        table = []
        for ts, original, status in rows:
            row = []
            for name in fl:
                if name in values:
                    row.append((ts, original, status)[values[name]])
                elif name == "mimetype":
                    row.append("text/html")
                elif name == "urlkey":
                    row.append(url_key(original))
                else:
                    row.append("-")
            table.append(row)
        if (params.get("output") or [""])[0] == "json":
            return httpx.Response(
                200, text=json.dumps([fl] + table) if table else "[]", headers={"content-type": "application/json"}
            )
        return httpx.Response(200, text="".join(" ".join(r) + "\n" for r in table))

    def _replay(self, request: httpx.Request) -> httpx.Response:
        raw = request.url.raw_path.decode()
        rest = raw[len("/web/") :]
        m = re.match(r"^(\d{1,14})(?:[a-z]{2}_)?/(.*)$", rest)
        base = f"{request.url.scheme}://{request.url.netloc.decode()}"
        if m:
            ts, url = m.group(1), m.group(2)
            with self._lock:
                rows = [r for r in self.snapshots.get(url_key(url), []) if r[2].startswith("2") or r[2] == "-"]
            if not rows:
                return httpx.Response(404, text="Wayback Machine has not archived that URL.")
            best = min(rows, key=lambda r: abs(int(r[0]) - int(ts.ljust(14, "0"))))
            if best[0] != ts:
                return httpx.Response(302, headers={"location": f"{base}/web/{best[0]}/{url}"})
            return httpx.Response(200, text=ARTICLE, headers={"memento-datetime": _http_date(best[0])})
        with self._lock:
            rows = [r for r in self.snapshots.get(url_key(rest), []) if r[2].startswith("2") or r[2] == "-"]
        if not rows:
            return httpx.Response(404, text="Wayback Machine has not archived that URL.")
        return httpx.Response(302, headers={"location": f"{base}/web/{rows[-1][0]}/{rest}"})

    def _available(self, request: httpx.Request) -> httpx.Response:
        params = self._params(request)
        url = (params.get("url") or [""])[0]
        ts = (params.get("timestamp") or [""])[0]
        with self._lock:
            rows = [r for r in self.snapshots.get(url_key(url), []) if r[2].startswith("2")]
        if not rows or self.availability_empty:
            return self._json({"url": url, "archived_snapshots": {}})
        target = int(ts.ljust(14, "0")) if ts.isdigit() else int(rows[-1][0])
        best = min(rows, key=lambda r: abs(int(r[0]) - target))
        base = f"http://{request.url.netloc.decode()}"
        return self._json(
            {
                "url": url,
                "archived_snapshots": {
                    "closest": {
                        "available": True,
                        "url": f"{base}/web/{best[0]}/{best[1]}",
                        "timestamp": best[0],
                        "status": best[2],
                    }
                },
            }
        )

    def _save(self, request: httpx.Request) -> httpx.Response:
        if request.method != "POST":
            return httpx.Response(405, text="use POST")
        if self.access_key is not None:
            expected = f"LOW {self.access_key}:{self.secret_key}"
            if request.headers.get("authorization") != expected:
                return httpx.Response(
                    401,
                    json={
                        "status": "error",
                        "status_ext": "error:unauthorized",
                        "message": "You need to be logged in to use Save Page Now.",
                    },
                )
        form = parse_qs(request.content.decode("utf-8", "replace"))
        url = (form.get("url") or [""])[0]
        if not url:
            return self._json({"status": "error", "status_ext": "error:bad-request", "message": "no url"}, 400)
        with self._lock:
            self.captures_requested += 1
        plan = self.capture_plan.get(url, "success")
        if plan == "recent":
            self.add_snapshot(url, self._now_ts())
            return self._json(
                {
                    "url": url,
                    "job_id": None,
                    "message": "The same snapshot had been made 4 minutes ago. You can make new capture of this URL after 1 hour.",
                }
            )
        job_id = f"spn2-{next(self._ids):032x}"
        with self._lock:
            self.jobs[job_id] = {"url": url, "polls": 0, "plan": plan}
        return self._json({"url": url, "job_id": job_id})

    def _status(self, job_id: str) -> httpx.Response:
        with self._lock:
            job = self.jobs.get(job_id)
            if job is None:
                return self._json({"status": "pending", "job_id": job_id})
            job["polls"] += 1
            if job["polls"] <= self.pending_polls:
                return self._json({"status": "pending", "job_id": job_id, "resources": []})
            plan = job["plan"]
        if plan.startswith("error"):
            return self._json(
                {"status": "error", "status_ext": plan, "job_id": job_id, "message": f"Capture failed ({plan})."}
            )
        ts = job.get("timestamp") or self._now_ts()
        if "timestamp" not in job:
            job["timestamp"] = ts
            self.add_snapshot(job["url"], ts)
        return self._json(
            {"status": "success", "job_id": job_id, "original_url": job["url"], "timestamp": ts, "duration_sec": 6.2}
        )

    def _now_ts(self) -> str:
        return datetime.fromtimestamp(self.clock(), timezone.utc).strftime("%Y%m%d%H%M%S")

    def _origin(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        first, _, rest = path.strip("/").partition("/")
        with self._lock:
            self.hits[path] += 1
            count = self.hits[path]
        html = {"content-type": "text/html; charset=utf-8"}
        if path in ("", "/"):
            return httpx.Response(200, text=HOME, headers=html)
        if first == "redirect":
            return httpx.Response(301, headers={"location": f"/ok/{rest}"})
        if first == "home-redirect":
            return httpx.Response(302, headers={"location": "/"})
        if first == "404":
            return httpx.Response(404, text=SOFT_404, headers=html)
        if first == "410":
            return httpx.Response(410, text="Gone", headers=html)
        if first == "403":
            return httpx.Response(403, text=BOT_WALL, headers=html)
        if first == "bot200":
            return httpx.Response(200, text=BOT_WALL, headers=html)
        if first == "soft404":
            return httpx.Response(200, text=SOFT_404, headers=html)
        if first == "429":
            if count <= 1:
                return httpx.Response(429, text="slow down", headers={"retry-after": self.retry_after})
            return httpx.Response(200, text=ARTICLE, headers=html)
        if first == "flaky":
            if count <= 1:
                return httpx.Response(503, text="busy")
            return httpx.Response(200, text=ARTICLE, headers=html)
        if first == "500":
            return httpx.Response(503, text="down")
        if first == "loop":
            other = "b" if rest.endswith("a") else "a"
            return httpx.Response(302, headers={"location": f"/loop/{other}"})
        if first == "redirect-file":
            return httpx.Response(302, headers={"location": "file:///etc/passwd"})
        return httpx.Response(200, text=ARTICLE, headers=html)

    def stop(self) -> None:
        self._stop.set()


def _http_date(ts: str) -> str:
    # lazy: loads email only when this runs
    import email.utils

    when = datetime.strptime(ts.ljust(14, "0"), "%Y%m%d%H%M%S").replace(tzinfo=timezone.utc)
    return email.utils.format_datetime(when, usegmt=True)
