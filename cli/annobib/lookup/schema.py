"""The view schema: which fields feed which search group, and how groups are marked.

Shared by the builder (:mod:`annobib.lookup.build`), the rows (:mod:`annobib.lookup.rows`) and
the query language (:mod:`annobib.lookup.query`); light to import (``re`` only).
"""

from __future__ import annotations

import re

# Haystack groups: each entry's search text is a string of groups, each introduced by a control
# character (queries never contain control characters, so a match cannot straddle two groups).
GROUPS = [
    "key",
    "type",
    "author",
    "title",
    "container",
    "year",
    "lang",
    "domain",
    "tag",
    "note",
    "rest",
    "author_py",
    "title_py",
    "container_py",
    "tag_py",
    "note_py",
    "rest_py",
]
# Group markers: control characters that are not whitespace (fold() collapses whitespace).
MARKERS = [chr(c) for c in (1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23)]
G = {name: i for i, name in enumerate(GROUPS)}  # group name -> index into MARKERS
END = len(GROUPS)  # MARKERS[END] closes the last group
AUTHOR_FIELDS = ("author", "editor", "translator", "bookauthor")
TITLE_FIELDS = ("title", "subtitle", "titleaddon", "shorttitle", "origtitle")
CONTAINER_FIELDS = (
    "journaltitle",
    "journal",
    "booktitle",
    "maintitle",
    "publisher",
    "institution",
    "school",
    "organization",
    "series",
    "howpublished",
    "eventtitle",
)
TAG_FIELDS = ("keywords", "tags")
NOTE_FIELDS = ("note", "annote", "annotation", "abstract", "addendum")
CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_HOST = re.compile(r"^[a-z][a-z0-9+.-]*://(?:[^@/?#]*@)?([^/:?#]+)", re.I)


def domain_of(url: str | None) -> str:
    """The web domain a URL points to, without ``www.`` ('' when there is none)."""
    if not url:
        return ""
    m = _HOST.match(url.strip())
    if not m:
        return ""
    host = m.group(1).lower()
    return host[4:] if host.startswith("www.") else host
