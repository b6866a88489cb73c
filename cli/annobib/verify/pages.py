"""Web items checked against the page itself, through the same fetcher as ``check-links``.

The page's ``<title>`` (and its parts around ``|``, ``–``, ``_``), ``og:title``, ``citation_title``
and ``dc.title`` are compared with the entry's title; ``citation_publication_date``,
``citation_date``, ``article:published_time`` or ``dc.date`` with its date, at the precision both
give (a page giving the year only agrees with any day of that year; a day either side is a
time zone, not an error). A page that is gone (404, 410, a "not found" page) is checked
against the entry's archived snapshot when it has one, else it is ``not-found``.
"""

from __future__ import annotations

import html
import re
from difflib import SequenceMatcher

from annobib.archive.links import LinkChecker, LinkOptions
from annobib.archive.urls import entry_url
from annobib.text import latex_to_text
from annobib.verify.client import Answer
from annobib.verify.match import norm
from annobib.verify.run import Verdict

TITLE_META = ("og:title", "citation_title", "dc.title", "twitter:title")
DATE_META = (
    "citation_publication_date",
    "citation_date",
    "article:published_time",
    "dc.date",
    "citation_online_date",
    "og:published_time",
)
TITLE_OK = 0.8


# A page's head read by bounded patterns, not html.parser: the standard parser rescans an unclosed
# tag from its start at each new piece of text (48 KB of ``<meta `` took 5.6 s: CVE-2025-6069), and
# only the title and the meta tags are wanted. Each pattern stops at the next ``<`` or after a fixed
# length, so a page is read in time linear in its size.
_TITLE = re.compile(r"<title\b[^<>]{0,200}>([^<]{0,2000})", re.I)
_META = re.compile(r"<meta\b([^<>]{0,4000})>", re.I)
_ATTR = re.compile(r"""([A-Za-z_:][-\w:.]{0,40})\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")


def _head(body: str) -> tuple[str, dict[str, str]]:
    """The page's first ``<title>`` text and its meta tags (name or property -> content, first wins)."""
    m = _TITLE.search(body)
    title = html.unescape(m.group(1)) if m else ""
    meta: dict[str, str] = {}
    for tag in _META.finditer(body):
        a = {k.lower(): html.unescape(v1 or v2 or v3 or "") for k, v1, v2, v3 in _ATTR.findall(tag.group(1))}
        name = (a.get("property") or a.get("name") or "").strip().lower()
        if name and a.get("content") and name not in meta:
            meta[name] = " ".join(a["content"].split())
    return title, meta


def page_facts(body: str) -> dict:
    """``{"titles": [...], "date": "YYYY[-MM[-DD]]" or ""}`` from a page's HTML."""
    raw_title, meta = _head(body)
    titles = [meta[k] for k in TITLE_META if meta.get(k)]
    title = " ".join(raw_title.split())
    if title:
        titles.append(title)
        titles += [p for p in re.split(r"\s+[|–—_-]\s+|｜|丨", title) if len(p.strip()) > 3]
    date = ""
    for k in DATE_META:
        m = re.search(r"(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?", meta.get(k, ""))
        if m:
            date = "-".join(f"{int(g):02d}" if i else g for i, g in enumerate(m.groups()) if g)
            break
    return {"titles": titles, "date": date}


def title_score(title: str, candidates: list[str]) -> float:
    mine = norm(title)
    best = 0.0
    for c in candidates:
        theirs = norm(c)
        if not mine or not theirs:
            continue
        if mine in theirs and len(mine) >= 0.5 * len(theirs):
            return 1.0
        best = max(best, SequenceMatcher(None, mine, theirs, autojunk=False).ratio())
    return round(best, 3)


def dates_agree(mine: str, theirs: str) -> bool:
    """At the precision both give; a day either side is a time zone."""
    a, b = mine.split("-"), theirs.split("-")
    n = min(len(a), len(b))
    if n == 3:
        # here: the name is rebound in this module
        from datetime import date

        try:
            return abs((date(*map(int, a[:3])) - date(*map(int, b[:3]))).days) <= 1
        except ValueError:
            return a[:3] == b[:3]
    return [int(x) for x in a[:n]] == [int(x) for x in b[:n]]


class _BodyChecker(LinkChecker):
    """The check-links fetcher, keeping the last body it read per URL (meta tags are in it)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.bodies: dict[str, str] = {}

    async def _get(self, url: str):
        status, headers, body = await super()._get(url)
        self.bodies[url] = body
        return status, headers, body


class PageVerifier:
    """Checks web items; with a ``cache`` (an AnswerCache), what a page said — its facts, or that it
    is gone — is kept for ``max_age`` (never a failure to reach it)."""

    def __init__(self, options: LinkOptions, transport=None, cache=None, max_age: float = 7 * 86400.0):
        self.options = options
        self.transport = transport
        self.cache = cache
        self.max_age = max_age
        self._checker: _BodyChecker | None = None

    @classmethod
    def from_config(cls, cfg, transport=None, cache=None) -> "PageVerifier":
        return cls(LinkOptions.from_config(cfg), transport, cache, cfg["links.max_age"])

    async def aclose(self) -> None:
        if self._checker is not None:
            await self._checker.aclose()
            self._checker = None

    async def _fetch(self, url: str):
        """(outcome, detail, facts) for ``url``: from the cache, else through the check-links fetcher."""

        key = f"page:{url}"
        hit = self.cache.get(key, self.max_age) if self.cache is not None else None
        if hit is not None and isinstance(hit.data, dict):
            return hit.data["outcome"], hit.data["detail"], hit.data["facts"]
        if self._checker is None:
            self._checker = _BodyChecker(self.options, transport=self.transport)
        result = await self._checker.check(url)
        bodies = [self._checker.bodies.pop(step["url"], "") for step in result.chain]
        facts = page_facts(bodies[-1]) if bodies and result.outcome in ("ok", "redirected") else {}
        if self.cache is not None and result.outcome in ("ok", "redirected", "dead", "suspect"):
            self.cache.put(key, Answer("ok", {"outcome": result.outcome, "detail": result.detail, "facts": facts}))
        return result.outcome, result.detail, facts

    async def verify(self, entry) -> Verdict:
        url = entry_url(entry)
        searched = [f"page {url}"]
        outcome, detail, facts = await self._fetch(url)
        if outcome in ("ok", "redirected"):
            return self._judge(entry, facts, "page", searched, "")
        if outcome in ("dead", "suspect"):
            gone = f"the page is gone ({detail})"
            snapshot = entry.get("archiveurl")
            if snapshot:
                searched.append(f"snapshot {snapshot}")
                snap, _, snap_facts = await self._fetch(snapshot)
                if snap in ("ok", "redirected"):
                    return self._judge(entry, snap_facts, "archive", searched, gone + "; checked against its snapshot")
            return Verdict(entry.key, "not-found", source="page", searched=searched, detail=gone)
        if outcome == "blocked":
            return Verdict(
                entry.key,
                "not-checkable",
                source="page",
                searched=searched,
                detail=f"the site refuses automated checks ({detail})",
            )
        # TLS errors, timeouts, loops: nothing learned about the page either
        return Verdict(entry.key, "unreachable", source="page", searched=searched, detail=detail, offline=True)

    def _judge(self, entry, facts: dict, source: str, searched, note: str) -> Verdict:
        title = latex_to_text(entry.get("title") or "")
        if not facts.get("titles") or not title:
            return Verdict(
                entry.key,
                "not-checkable",
                source=source,
                searched=searched,
                detail=(note + "; " if note else "") + "the page gives no title to compare",
            )
        score = title_score(title, facts["titles"])
        mismatches = []
        if score < TITLE_OK:
            mismatches.append({"field": "title", "entry": title, "registry": facts["titles"][0]})
        date = (entry.get("date") or "").strip()
        if (
            re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", date)
            and facts.get("date")
            and not dates_agree(date, facts["date"])
        ):
            mismatches.append({"field": "date", "entry": date, "registry": facts["date"]})
        return Verdict(
            entry.key,
            "mismatch" if mismatches else "verified",
            score=score,
            source=source,
            mismatches=mismatches,
            searched=searched,
            detail=note,
        )
