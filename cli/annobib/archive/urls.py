"""Which URL an entry cites, and whether annobib may fetch it."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from annobib.model import Entry

FETCHABLE = ("http", "https")
_LATEX_ESCAPES = re.compile(r"\\([%_&#$~])")
_PLAIN_HTTP = re.compile(r"https?://[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?:[/?#][!-~]*)?\Z")


def clean_url(value: str | None) -> str | None:
    """The URL as written in the .bib, minus LaTeX escapes, braces and surrounding space."""
    if value is None:
        return None
    if "\\" not in value and "{" not in value and " " not in value and "\n" not in value and "\t" not in value:
        return value or None  # the common case: nothing to clean
    text = value.strip()
    if text.startswith("\\url{") and text.endswith("}"):
        text = text[5:-1]
    text = _LATEX_ESCAPES.sub(r"\1", text)
    text = text.replace("{", "").replace("}", "")
    text = re.sub(r"\s+", "", text)
    return text or None


def entry_url(entry: Entry) -> str | None:
    return clean_url(entry.get("url"))


def scheme_of(url: str) -> str:
    m = re.match(r"^([A-Za-z][A-Za-z0-9+.-]*):", url or "")
    return m.group(1).lower() if m else ""


def fetchable(url: str) -> tuple[bool, str]:
    """(True, "") for a well-formed http(s) URL; else (False, why it is not requested)."""
    if _PLAIN_HTTP.match(url):
        return True, ""  # the common case (no port, no user info, no spaces), without parsing
    scheme = scheme_of(url)
    if scheme not in FETCHABLE:
        if not scheme:
            return False, "not an absolute URL; not requested"
        return False, f"{scheme}: URLs are not requested (only http and https)"
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as exc:
        return False, f"malformed URL ({exc}); not requested"
    if not host:
        return False, "URL without a host; not requested"
    if any(ord(c) < 33 for c in url):
        return False, "URL with spaces or control characters; not requested"
    return True, ""


def host_of(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""
