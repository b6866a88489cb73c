"""The archive run: find or make a snapshot for each cited URL and record it in the .bib at once.

Crash safety: each success is written to the .bib immediately (fresh read → set fields → atomic
write), capture job ids are saved in the state file as soon as the Archive hands them out, and a
re-run resumes those jobs instead of submitting again.
"""

from __future__ import annotations

import asyncio
import re
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable

from annobib.archive.state import State, now_iso, parse_iso
from annobib.archive.urls import clean_url, fetchable
from annobib.archive.wayback import (
    FINAL_SPN_ERRORS,
    TRANSIENT_SPN_ERRORS,
    AnswerLost,
    ArchiveError,
    ArchiveOptions,
    RateLimited,
    Snapshot,
    WaybackClient,
    normalize_timestamp,
    pick_best,
)
from annobib.bib import read_library, write_library
from annobib.core.files import locked
from annobib.errors import AnnobibError, ConflictError, os_reason
from annobib.lookup.view import PARSE_CACHE
from annobib.model import Entry

OUTCOMES = ("archived", "captured", "present", "pending", "needs-capture", "failed", "dead", "error", "skipped")
DONE = ("archived", "captured", "present")


@dataclass
class Target:
    """One URL and the entries (file, key) that cite it."""

    url: str
    refs: list[tuple[Path, str]] = field(default_factory=list)
    date: str | None = None  # YYYYMMDD (or shorter) near which a snapshot is wanted
    need_urldate: bool = False
    published: str | None = None  # YYYY[MM[DD]]: a snapshot from before it is another page


@dataclass
class Outcome:
    url: str
    keys: list[str]
    outcome: str
    detail: str = ""
    archiveurl: str | None = None
    archivedate: str | None = None
    source: str | None = None
    retry: bool = field(default=False, repr=False)  # a transient failure: worth submitting again

    def as_dict(self) -> dict:
        d = asdict(self)
        d.pop("retry", None)
        return d


_JOB_ID = re.compile(r"[A-Za-z0-9._:-]{1,200}")
_DATE_RE = re.compile(r"(\d{4})(?:[-/.年](\d{1,2})(?:[-/.月](\d{1,2}))?)?")


def date_stamp(value: str | None) -> str | None:
    """``2025-04-10`` → ``20250410``; ``2025-04`` → ``202504``; ``2025`` → ``2025``."""
    if not value:
        return None
    m = _DATE_RE.search(value)
    if not m:
        return None
    out = m.group(1)
    if m.group(2):
        out += f"{int(m.group(2)):02d}"
        if m.group(3):
            out += f"{int(m.group(3)):02d}"
    return out


def entry_target_date(entry: Entry) -> str | None:
    """The article's own date when it has at least a month, else the access date, else the year."""
    article = date_stamp(entry.get("date"))
    access = date_stamp(entry.get("urldate"))
    if article and len(article) >= 6:
        return article
    return access or article


# --------------------------------------------------------------------------- writing back


def _set_after(entry: Entry, name: str, value: str, after: tuple[str, ...]) -> None:
    """Set a field, placing a new one right after the first existing field named in ``after``."""
    existing = entry.field_name(name)
    if existing:
        entry.fields[existing] = value
        return
    anchor = next((a for a in after if a in entry.fields), None)
    if anchor is None:
        entry.fields[name] = value
        return
    fields = {}
    for k, v in entry.fields.items():
        fields[k] = v
        if k == anchor:
            fields[name] = value
    entry.fields = fields


def apply_snapshot(entry: Entry, archiveurl: str, archivedate: str, urldate: str | None) -> None:
    if urldate and not entry.get("urldate"):
        _set_after(entry, "urldate", urldate, ("url",))
    _set_after(entry, "archiveurl", archiveurl, ("urldate", "url"))
    _set_after(entry, "archivedate", archivedate, (entry.field_name("archiveurl") or "archiveurl",))


class BibWriter:
    """Writes each success straight away (or, with ``dry_run``, collects one diff per file)."""

    def __init__(self, dry_run: bool = False):
        self.dry_run = dry_run
        self._libs: dict[Path, object] = {}
        self.written = 0

    def apply(self, path: Path, key: str, url: str, archiveurl: str, archivedate: str, urldate: str | None) -> None:
        if self.dry_run:
            lib = self._libs.get(path) or read_library(path, store=PARSE_CACHE)
            self._libs[path] = lib
            entry = lib.get(key)
            if entry is not None:
                apply_snapshot(entry, archiveurl, archivedate, urldate)
            return
        try:
            self._apply(path, key, url, archiveurl, archivedate, urldate)
        except ArchiveError:
            raise
        except AnnobibError as exc:  # unreadable/unwritable file: this URL fails, the run goes on
            raise ArchiveError(f"{key}: could not record the snapshot: {exc}") from None
        except OSError as exc:
            raise ArchiveError(f"{key}: could not record the snapshot: {os_reason(exc)}") from None

    def _apply(self, path: Path, key: str, url: str, archiveurl: str, archivedate: str, urldate: str | None) -> None:
        last: Exception | None = None
        for _ in range(5):
            with locked(path):  # read, check and write as one step: no other writer between
                lib = read_library(path, store=PARSE_CACHE)  # fresh every time: no stale copy survives a write
                entry = lib.get(key)
                if entry is None:
                    raise ArchiveError(f"{key}: no longer in {path}; snapshot not recorded")
                if clean_url(entry.get("url")) != url:
                    raise ArchiveError(f"{key}: its URL changed meanwhile; snapshot not recorded")
                apply_snapshot(entry, archiveurl, archivedate, urldate)
                try:
                    write_library(lib)
                    self.written += 1
                    return
                except ConflictError as exc:  # a writer that takes no lock (an editor session)
                    last = exc
            time.sleep(0.05)
        raise ArchiveError(f"{key}: could not write ({last})")

    def diffs(self) -> dict[Path, str]:
        return {path: write_library(lib, dry_run=True) for path, lib in self._libs.items()}


# --------------------------------------------------------------------------- the run


class ArchiveRun:
    def __init__(
        self,
        options: ArchiveOptions,
        states: dict[Path, State],
        writer: BibWriter,
        *,
        transport=None,
        capture: bool = True,
        force_capture: bool = False,
        link_outcomes: dict[str, str] | None = None,
        on_outcome: Callable[[Outcome], None] | None = None,
        sleep=asyncio.sleep,
        workers: int = 8,
    ):
        self.options = options
        self.states = states
        self.writer = writer
        self.transport = transport
        self.capture = capture
        self.force_capture = force_capture
        self.link_outcomes = link_outcomes or {}
        self.on_outcome = on_outcome
        self.sleep = sleep
        self.workers = workers
        self.notes: list[str] = []
        self._write_lock = asyncio.Lock()
        self.captures_stopped: str | None = None
        self.client: WaybackClient | None = None

    # ---- state helpers (a URL's job lives in the state of every file citing it)
    def _job(self, target: Target) -> dict | None:
        for path, _ in target.refs:
            job = self.states[path].job(target.url)
            if job:
                return job
        return None

    def _set_job(self, target: Target, info: dict | None) -> None:
        for path in {p for p, _ in target.refs}:
            state = self.states[path]
            state.set_job(target.url, info)
            state.save()

    # ---- results
    async def _record(self, target: Target, snap: Snapshot) -> Outcome:
        if normalize_timestamp(snap.timestamp) != snap.timestamp:  # never archivedate = {0000-00-00}
            return self._out(
                target, "error", f"the Archive gave an impossible timestamp {snap.timestamp[:20]!r}; nothing written"
            )
        archiveurl = snap.url(self.options.snapshot_url, cited=target.url)
        archivedate = snap.date
        urldate = None
        if target.need_urldate:
            link = None
            for path, _ in target.refs:
                link = self.states[path].link(target.url) or link
            # urldate is the day someone saw the live page: a successful check may set it,
            # a snapshot's date never does.
            if link and link.get("outcome") in ("ok", "redirected") and link.get("checked_at"):
                urldate = link["checked_at"][:10]
        async with self._write_lock:
            for path, key in target.refs:
                # in a thread: re-reading a large .bib must not stall the other URLs' requests
                await asyncio.to_thread(self.writer.apply, path, key, target.url, archiveurl, archivedate, urldate)
        if self._job(target) is not None and not self.writer.dry_run:
            self._set_job(target, None)
        outcome = "captured" if snap.source == "capture" else "archived"
        return Outcome(
            target.url,
            [k for _, k in target.refs],
            outcome,
            f"snapshot found via {snap.source}",
            archiveurl,
            archivedate,
            snap.source,
        )

    def _out(self, target: Target, outcome: str, detail: str) -> Outcome:
        return Outcome(target.url, [k for _, k in target.refs], outcome, detail)

    # ---- one URL
    async def process(self, target: Target) -> Outcome:
        ok, why = fetchable(target.url)
        if not ok:
            return self._out(target, "skipped", why)
        job = self._job(target)
        if job and job.get("state") == "pending" and job.get("job_id") and not self.writer.dry_run:
            res = await self._follow(target, job["job_id"], job.get("submitted_at"))
            if res is not None:
                return res
        snap, problems = await self.client.find_snapshot(target.url, target.date)
        if snap and target.published and snap.timestamp[: len(target.published)] < target.published:
            snap = None  # captured before the work was published: not the cited page
        if snap:
            return await self._record(target, snap)
        if problems:
            return self._out(target, "error", "lookup failed: " + "; ".join(problems))
        if job and job.get("state") == "submitted" and not job.get("job_id"):
            age = time.time() - (parse_iso(job.get("submitted_at")) or 0.0)
            if age < self.options.job_expiry:
                return self._out(
                    target,
                    "pending",
                    "a capture was requested earlier but its answer was lost; "
                    "no new request until it appears or "
                    f"{int(self.options.job_expiry - age)} s have passed",
                )
        if job and job.get("state") == "failed" and job.get("final") and not self.force_capture:
            return self._out(target, "failed", f"an earlier capture failed: {job.get('detail')} (--force to retry)")
        if self.writer.dry_run:
            return self._out(
                target,
                "needs-capture",
                "no snapshot; a capture would be requested"
                if self.options.has_keys and self.capture
                else "no snapshot",
            )
        if not self.capture:
            return self._out(target, "needs-capture", "no snapshot (captures turned off)")
        if not self.options.has_keys:
            dead = " (and the link was found dead)" if self.link_outcomes.get(target.url) == "dead" else ""
            return self._out(
                target,
                "needs-capture",
                f"no snapshot{dead}; set ANNOBIB_IA_ACCESS and ANNOBIB_IA_SECRET to request captures",
            )
        if self.client.gate.count_429 >= self.options.max_429:
            self._stop_captures(f"{self.client.gate.count_429} answers 429 from the Archive")
        if self.captures_stopped:
            return self._out(target, "needs-capture", f"no snapshot; captures stopped: {self.captures_stopped}")
        return await self._capture(target)

    async def _capture(self, target: Target) -> Outcome:
        """Submit, follow; a transient failure is submitted again (capture_retries times)."""
        attempt = 0
        while True:
            attempt += 1
            res = await self._capture_once(target)
            if not res.retry or attempt > self.options.capture_retries or self.captures_stopped:
                return res
            await self.sleep(max(self.options.poll_interval, 0.01) * attempt)

    async def _capture_once(self, target: Target) -> Outcome:
        # The fact of the submission is on disk before the request leaves: if the answer is
        # lost (timeout, 5xx, a kill), no later step or run submits this URL again blindly.
        submitted = now_iso()
        self._set_job(target, {"state": "submitted", "submitted_at": submitted, "updated_at": submitted})
        try:
            body = await self.client.submit(target.url)
        except AnswerLost as exc:
            return await self._orphan(target, submitted, str(exc))
        except RateLimited as exc:
            self._set_job(target, None)  # refused: nothing was started
            self._stop_captures("the Archive answered 429 repeatedly")
            return self._out(target, "needs-capture", str(exc))
        except ArchiveError as exc:
            self._set_job(target, None)
            if "refused the keys" in str(exc):
                self._stop_captures(str(exc))
            return self._out(target, "failed", str(exc))
        finally:
            if self.client.gate.count_429 >= self.options.max_429:
                self._stop_captures(f"{self.client.gate.count_429} answers 429 from the Archive")
        job_id = body.get("job_id")
        if job_id and not _JOB_ID.fullmatch(str(job_id)):
            # a job id that is no id (a megabyte, a path): a job may exist, but it cannot be
            # asked about; it is an orphan like a lost answer
            return await self._orphan(target, submitted, "Save Page Now answered an unusable job id")
        if job_id:
            submitted = now_iso()
            self._set_job(target, {"job_id": str(job_id), "submitted_at": submitted, "state": "pending"})
            res = await self._follow(target, str(job_id), submitted)
            return res if res is not None else self._out(target, "failed", "capture status unknown")
        message = str(body.get("message") or body.get("status_ext") or "no job id")
        # "The same snapshot had been made N minutes ago": find it in CDX.
        snap = await self._newest(target)
        if snap:
            return await self._record(target, snap)
        ext = str(body.get("status_ext") or "")
        final = ext in FINAL_SPN_ERRORS
        self._set_job(target, {"state": "failed", "final": final, "detail": message[:200], "updated_at": now_iso()})
        out = self._out(target, "failed", f"capture not started: {message[:200]}")
        out.retry = ext in TRANSIENT_SPN_ERRORS
        return out

    async def _orphan(self, target: Target, submitted: str, why: str) -> Outcome:
        """A capture request whose answer was lost: recorded as submitted (no job id), then
        looked up in CDX — never POSTed again before ``job_expiry`` has passed."""
        self._set_job(
            target, {"state": "submitted", "submitted_at": submitted, "detail": why[:200], "updated_at": now_iso()}
        )
        snap = await self._newest(target)
        if snap:
            return await self._record(target, snap)
        return self._out(
            target,
            "pending",
            f"capture requested, but {why[:160]}; not requested again: run again later and the capture is looked up",
        )

    def _stop_captures(self, why: str) -> None:
        if not self.captures_stopped:
            self.captures_stopped = why
            self.notes.append(f"captures stopped for this run: {why}")

    async def _newest(self, target: Target) -> Snapshot | None:
        try:
            rows = await self.client.cdx(target.url, limit=-5)
        except ArchiveError:
            return None
        best = pick_best(rows, None)
        return (
            Snapshot(best["timestamp"], best.get("original") or target.url, best.get("statuscode"), "cdx")
            if best
            else None
        )

    async def _follow(self, target: Target, job_id: str, submitted_at: str | None) -> Outcome | None:
        """Poll a capture job to its end. None: the job is gone/unknown and the caller looks up again."""
        opts = self.options
        submitted = parse_iso(submitted_at) or time.time()
        started = time.monotonic()
        interval = opts.poll_interval
        first = True
        while True:
            if time.time() - submitted > opts.job_expiry:
                # the status endpoint forgets jobs (and then says "pending"): ask CDX
                snap = await self._newest(target)
                if snap:
                    return await self._record(target, snap)
                self._set_job(
                    target,
                    {
                        "state": "failed",
                        "final": False,
                        "job_id": job_id,
                        "detail": "job expired without a capture",
                        "updated_at": now_iso(),
                    },
                )
                return None
            if not first or time.time() - submitted < opts.poll_interval:
                await self.sleep(interval)
            first = False
            try:
                status = await self.client.job_status(job_id)
            except ArchiveError as exc:
                if self.client.gate.down or time.monotonic() - started > opts.job_timeout:
                    return self._out(target, "pending", f"capture job {job_id}: {exc}; run again to resume")
                interval = min(max(interval * 2, opts.poll_interval, 0.01), max(opts.poll_max_interval, 0.01))
                continue
            state = str(status.get("status") or "pending")
            if state == "success":
                ts = normalize_timestamp(status.get("timestamp") or "")
                if ts:
                    return await self._record(
                        target, Snapshot(ts, status.get("original_url") or target.url, "200", "capture")
                    )
                snap = await self._newest(target)
                if snap:
                    return await self._record(target, snap)
                return self._out(target, "failed", f"capture job {job_id} succeeded without a timestamp")
            if state == "error":
                ext = str(status.get("status_ext") or "error")
                message = str(status.get("message") or ext)[:200]
                # SPN sometimes reports an error for a capture that worked: check CDX first.
                snap = await self._newest(target)
                if snap:
                    return await self._record(target, snap)
                final = ext in FINAL_SPN_ERRORS
                self._set_job(
                    target,
                    {
                        "state": "failed",
                        "final": final,
                        "job_id": job_id,
                        "detail": f"{ext}: {message}",
                        "updated_at": now_iso(),
                    },
                )
                kind = "final" if final else "transient, run again later"
                out = self._out(target, "failed", f"capture failed ({ext}, {kind}): {message}")
                out.retry = not final
                return out
            if time.monotonic() - started > opts.job_timeout:
                return self._out(target, "pending", f"capture job {job_id} still running; run again to resume")
            interval = min(max(interval * 2, opts.poll_interval, 0.01), max(opts.poll_max_interval, 0.01))

    async def run(self, targets: list[Target]) -> list[Outcome]:
        results: dict[str, Outcome] = {}
        queue = list(reversed(targets))
        self.client = WaybackClient(self.options, transport=self.transport, sleep=self.sleep)

        async def worker():
            while queue:
                target = queue.pop()
                try:
                    res = await self.process(target)
                except asyncio.CancelledError:
                    raise
                except RateLimited as exc:
                    res = self._out(target, "error", str(exc))
                except ArchiveError as exc:
                    res = self._out(target, "error", str(exc))
                except Exception as exc:  # noqa: BLE001 - one URL must not stop the run
                    res = self._out(target, "error", f"internal error: {type(exc).__name__}: {exc}")
                results[target.url] = res
                if self.on_outcome is not None:
                    self.on_outcome(res)

        try:
            async with asyncio.TaskGroup() as group:
                for _ in range(max(1, min(self.workers, len(targets)))):
                    group.create_task(worker())
        finally:
            if self.client.gate.down:
                self.notes.append(self.client.gate.down)
            await self.client.aclose()
            for state in self.states.values():
                state.save()
        return [results[t.url] for t in targets if t.url in results]
