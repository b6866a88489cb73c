"""What the XML readers share: note markers in the body stream, citing sentences, citation fields."""

from __future__ import annotations

import base64
import binascii
import json
import re

from annobib.extract.notes import sentence_at
from annobib.perf import Later

MARK = re.compile("\ue000(\\d+)\ue001")
# Zotero: ``ADDIN ZOTERO_ITEM CSL_CITATION {…}`` (Word) / a reference mark ``ZOTERO_ITEM CSL_CITATION {…} RND…``
# (LibreOffice); Mendeley: ``ADDIN CSL_CITATION {…}``. All carry CSL-JSON citation items.
CSL_FIELD = re.compile(r"^\s*(?:ADDIN\s+)?(?:ZOTERO_ITEM\s+)?CSL_CITATION\s*(?=\{)")
MAX_FIELD = 1 << 20


def mark(index: int) -> str:
    """A marker no document text contains (private-use characters), placed where a note is anchored."""
    return f"\ue000{index}\ue001"


def csl_items(instruction: str) -> list[tuple[dict, str | None]] | None:
    """The (CSL item, locator) pairs a citation field carries, or None when it is not one.
    A damaged payload gives None too: the field's visible text is then read as text."""
    m = CSL_FIELD.match(instruction)
    if not m or len(instruction) > MAX_FIELD:
        return None
    try:
        payload, _end = json.JSONDecoder().raw_decode(instruction, m.end())
    except (ValueError, RecursionError):
        return None
    if not isinstance(payload, dict) or not isinstance(payload.get("citationItems"), list):
        return None
    out = []
    for item in payload["citationItems"]:
        if isinstance(item, dict) and isinstance(item.get("itemData"), dict):
            loc = item.get("locator")
            out.append((item["itemData"], str(loc) if loc not in (None, "") else None))
    return out or None


def mendeley_items(tag: str) -> list[tuple[dict, str | None]] | None:
    """Mendeley Cite (a content control tagged ``MENDELEY_CITATION_v3_<base64 JSON>``): its CSL items."""

    if not tag.startswith("MENDELEY_CITATION_v3_") or len(tag) > MAX_FIELD:
        return None
    try:
        payload = base64.b64decode(tag[len("MENDELEY_CITATION_v3_") :] + "==", validate=False).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    return csl_items("CSL_CITATION " + payload)


def anchors(stream: str, wanted: set[int] | None = None) -> dict[int, Later]:
    """For each marker in the body stream (paragraphs joined by newlines): the sentence citing it,
    to be found when first read (a sentence costs ~40 µs, and only a cited note's is read: 100,000
    notes of one word took 4 s). ``wanted``: only these markers."""

    out: dict[int, Later] = {}
    for m in MARK.finditer(stream):
        number = int(m.group(1))
        if wanted is None or number in wanted:
            out[number] = Later(sentence_at, stream, m.start(), m.end(), MARK)
    return out


def tidy_lines(paragraphs: list[str]) -> list[str]:
    """A note's paragraphs: spaces collapsed, empty ones dropped."""
    out = []
    for p in paragraphs:
        p = re.sub(r"[ \t\u00a0]+", " ", p).strip()
        if p:
            out.append(p)
    return out
