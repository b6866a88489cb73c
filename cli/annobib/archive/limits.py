"""Politeness: per-host concurrency and spacing, a shared requests-per-minute budget, 429 pauses.

Everything here is asyncio and clock-injectable (``clock``/``sleep``) so tests can measure it.
"""

from __future__ import annotations

import asyncio
import collections
import email.utils
import time
from contextlib import asynccontextmanager
from typing import Awaitable, Callable

Clock = Callable[[], float]
Sleep = Callable[[float], Awaitable[None]]


class HostLimiter:
    """At most ``concurrency`` requests in flight per host, starts at least ``interval`` s apart."""

    def __init__(
        self, concurrency: int = 2, interval: float = 1.0, clock: Clock = time.monotonic, sleep: Sleep = asyncio.sleep
    ):
        self.concurrency = max(1, int(concurrency))
        self.interval = max(0.0, float(interval))
        self.clock = clock
        self.sleep = sleep
        self._sems: dict[str, asyncio.Semaphore] = {}
        self._next: dict[str, float] = {}
        self._users: collections.Counter = collections.Counter()

    @asynccontextmanager
    async def slot(self, host: str):
        host = (host or "").lower()
        sem = self._sems.get(host)
        if sem is None:
            sem = self._sems[host] = asyncio.Semaphore(self.concurrency)
        self._users[host] += 1
        try:
            async with sem:
                # Reserve a start time without awaiting in between (single-threaded loop).
                now = self.clock()
                start = max(now, self._next.get(host, now))
                self._next[host] = start + self.interval
                if start > now:
                    await self.sleep(start - now)
                yield
        finally:
            self._users[host] -= 1
            if self._users[host] <= 0:
                # Forget idle hosts so memory stays flat over many hosts — but keep the
                # spacing if the next allowed start is still ahead.
                del self._users[host]
                if self._next.get(host, 0) <= self.clock():
                    self._sems.pop(host, None)
                    self._next.pop(host, None)


class RateBudget:
    """At most ``per_minute`` acquisitions in any 60-second window, spread evenly.

    Also a 429 pause shared by every user of the budget (all Internet Archive hosts).
    """

    WINDOW = 60.0
    margin = 0.5  # seconds added to the window, so delivery jitter cannot squeeze N+1 into 60 s

    def __init__(
        self, per_minute: float, min_interval: float = 0.0, clock: Clock = time.monotonic, sleep: Sleep = asyncio.sleep
    ):
        self.per_minute = float(per_minute)
        self.capacity = max(1, int(per_minute))
        self.spacing = max(self.WINDOW / self.per_minute, float(min_interval))
        self.clock = clock
        self.sleep = sleep
        self._stamps: collections.deque[float] = collections.deque()
        self._next = 0.0
        self.paused_until = 0.0
        self._lock = asyncio.Lock()

    def pause(self, seconds: float) -> None:
        self.paused_until = max(self.paused_until, self.clock() + seconds)

    def wait_time(self, now: float) -> float:
        """Seconds until one more acquisition is allowed (0 when it is allowed now)."""
        wait = 0.0
        if self.paused_until > now:
            wait = self.paused_until - now
        if self._next > now:
            wait = max(wait, self._next - now)
        while self._stamps and now - self._stamps[0] >= self.WINDOW + self.margin:
            self._stamps.popleft()
        if len(self._stamps) >= self.capacity:
            wait = max(wait, self._stamps[0] + self.WINDOW + self.margin - now)
        return wait

    def commit(self, now: float) -> None:
        self._stamps.append(now)
        self._next = now + self.spacing

    async def acquire(self) -> None:
        async with self._lock:
            while True:
                wait = self.wait_time(self.clock())
                if wait <= 0:
                    break
                await self.sleep(wait)
            self.commit(self.clock())


MAX_RETRY_AFTER = 1e9  # seconds (about 31 years): more is "forever"


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or an HTTP date).

    A server's value is clamped, never trusted: a 400-digit number reads as MAX_RETRY_AFTER
    (callers then give up on the URL as "Retry-After too long"); junk reads as None."""
    if not value:
        return None
    value = value.strip()[:200]
    if value.isascii() and value.isdigit():
        return float(value) if len(value) < 10 else MAX_RETRY_AFTER
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    now = time.time() if now is None else now
    try:
        return min(MAX_RETRY_AFTER, max(0.0, when.timestamp() - now))
    except (OverflowError, ValueError, OSError):
        return None


def backoff(base: float, attempt: int, cap: float = 60.0) -> float:
    """Exponential: base, 2·base, 4·base … (attempt counts from 1), at most ``cap``."""
    return min(cap, base * (2 ** max(0, attempt - 1)))
