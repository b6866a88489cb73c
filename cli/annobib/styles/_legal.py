"""Shared pieces of legal references (court cases, awards) and social-media posts.

Used by the GB/T 7714 and APA styles; plain strings in, plain strings out.
"""

from __future__ import annotations

import re

from annobib.core.months import BLUEBOOK_MONTHS  # noqa: F401  (re-exported to the styles)
from annobib.core.months import SEASON_NAMES, split_date

# reporters of the U.S. Supreme Court: the court is not named in the parentheses (Bluebook 10.4)
SUPREME_REPORTERS = {"U.S.", "S. Ct.", "S.Ct.", "L. Ed.", "L. Ed. 2d", "L.Ed.", "L.Ed.2d"}
PLATFORMS = {
    "x",
    "twitter",
    "facebook",
    "instagram",
    "threads",
    "bluesky",
    "mastodon",
    "linkedin",
    "tiktok",
    "reddit",
    "weibo",
    "微博",
    "新浪微博",
    "truth social",
}
_HANDLE_URL = re.compile(
    r"^https?://(?:www\.|mobile\.)?(?:x\.com|twitter\.com|instagram\.com|threads\.net|"
    r"tiktok\.com/@|bsky\.app/profile)/@?([A-Za-z0-9_.]+)",
    re.I,
)
_NOT_HANDLES = {"i", "home", "search", "intent", "share", "p", "reel", "explore"}


def case_citation(
    title_latin: bool, reporter: str, volume: str, pages: str, number: str, court: str, year: str
) -> tuple[str, bool]:
    """The citation of a decision and whether it already names the court.

    ``585 U.S. 667`` (reporter); ``[2016] UKSC 8`` (neutral citation: a court and a bare number);
    ``PCA Case No. 2014-02`` / ``Case C-101/19`` (case number); ``指导案例17号`` as given."""
    if reporter:
        first_page = re.split(r"\s*[-–—]\s*", pages)[0] if pages else ""
        return " ".join(p for p in (volume, reporter, first_page) if p), False
    if not number:
        return "", False
    if number.isdigit() and court and year:
        return f"[{year}] {court} {number}", True
    if not title_latin or not re.match(r"[\x00-\x7f]+$", number) or re.match(r"(case|no\.)\s", number, re.I):
        return number, False
    if court:
        return f"{court} Case No. {number}", True
    return f"Case {number}", False


def bluebook_date(date: str) -> str:
    """``2015-08-14`` -> ``Aug. 14, 2015``; a bare year stays."""
    m = re.match(r"(\d{4})-(\d{2})(?:-(\d{2}))?$", date or "")
    if not m:
        return (date or "")[:4]
    y, mo, d, season = split_date(date) or (m.group(1), None, None, None)
    if not mo:  # an EDTF season (``Spring 2020``) or an impossible month or day: the year
        return f"{SEASON_NAMES[season - 1]} {y}" if season else y
    month = BLUEBOOK_MONTHS[mo - 1]
    return f"{month} {d}, {y}" if d else f"{month} {y}"


def is_social_post(entry_type: str, platform: str) -> bool:
    return entry_type == "online" and platform.strip().lower() in PLATFORMS


def handle_from_url(url: str) -> str:
    """``https://x.com/BusanPort/status/2`` -> ``@BusanPort`` ('' when the URL names no account)."""
    m = _HANDLE_URL.match(url or "")
    if not m or m.group(1).lower() in _NOT_HANDLES:
        return ""
    return "@" + m.group(1)
