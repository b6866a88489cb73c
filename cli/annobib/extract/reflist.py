"""Unnumbered author-date reference lists: where one item ends and the next begins.

A reference list pasted from a PDF or a web page (``参考文献`` / ``References``) prints one item
per line with no numbers, and a long item runs onto further lines. A line opens a new item when it
begins with an *author-year head* — the item's authors (or a ditto dash standing for them) followed
closely by the year in parentheses:

- ``Bhalla, R. and Iqbal, T. (2009) …``, ``Gómez, A., Tan, B. H., & Idowu, F. (2021). …``,
  ``Ferreira, L. and Kuan, J. (eds) (2014) …`` (Harvard / APA);
- ``石井 誠・三宅 哲也（2011）「…」``, ``ブラウン、スティーヴン（2009）『…』``, ``佐藤 博編（2010）``
  (Japanese, Chinese and Korean lists; a space between surname and given name is common);
- ``――――（1998b）…`` / ``—— (2005) …`` (the same authors as the item before).

Any other line continues the item before it — and so does a head-like line after a line that
plainly runs on (ending in a hyphen, a comma, ``and``/``&``/``in``, ``、``/``・``), since an item cut
in the middle of its author list or title is a continuation, not a new citation. The check is a
regex that must match at the line's start, so a long list costs one match per line.
"""

from __future__ import annotations

import re

_YEAR = r"(?:1[5-9]|20)\d\d[a-z]?"
_LATIN_NAME = r"[A-Z][\w'’\-‐‑]+(?:\s+[A-Z][\w'’\-‐‑]+){0,2}"
_INITIALS = r"(?:[A-Z]\.?[\s\-‐]?){1,3}"
# Surname, I. (and|&|,) Surname, I. … (eds) (2009) — at most eight authors, then the year
_WESTERN_HEAD = (
    rf"{_LATIN_NAME},\s*{_INITIALS}"
    rf"(?:(?:,\s*(?:&\s*|and\s+)?|\s+(?:and|&)\s+){_LATIN_NAME},\s*{_INITIALS}){{0,7}}"
    rf"(?:,?\s*(?:et\s+al\.?|\((?:eds?|Eds?|ed\.|eds\.)\)\.?))?"
    rf",?\s*\({_YEAR}(?:,\s*[^)]{{1,24}})?\)"
)
_CJK_CHARS = r"\u3005\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
# 石井 誠・三宅 哲也（2011）, ブラウン、スティーヴン（2009）, 佐藤 博・田中 裕子編（2010）
_CJK_HEAD = (
    rf"[{_CJK_CHARS}][{_CJK_CHARS}・·＝=、 \u3000]{{0,40}}?"
    r"\s*(?:編著|編|编著|主编|编|著|監修|监修|共著|ほか|他|等)?\s*"
    rf"[（(]{_YEAR}[)）]"
)
_DITTO_HEAD = rf"[―—－\-–_＿]{{2,}}\s*(?:編|编|著)?\s*[（(.．,，]\s*(?:{_YEAR}[)）]?)?"
AUTHOR_YEAR_HEAD = re.compile(rf"\s*(?:{_WESTERN_HEAD}|{_CJK_HEAD}|{_DITTO_HEAD})")
DITTO_RE = re.compile(r"\s*[―—－\-–_＿]{2,}")
# a line that plainly runs on: the next line continues it whatever it begins with
_RUNS_ON = re.compile(r"(?:[\-‐‑,，、・&/]|\b(?:and|in|In|of|the|eds?\.?))\s*$")
# PDF page furniture that a list picks up: ``Page 23 of 25``, ``23 / 25``, ``第 3 页 共 9 页``, and a
# running head in capitals with its folio (``NOTES 333``, ``214 REFERENCES``, ``JOURNAL OF ASIAN MUSIC 54:2  117``)
_CAPS = r"[A-Z]{4,}(?:\s+(?:[A-Z&][A-Z&’':\-]*)){0,7}(?:\s+\d{1,3}:\d{1,3})?"  # JOURNAL OF … 54:2 (volume:issue)
_FOLIO = r"(?!(?:1[5-9]|20)\d\d\b)\d{1,4}"  # a year is not a folio
# a law review's heads: ``1462 COLUMBIA JOURNAL OF TRANSNATIONAL LAW [62:1457`` (volume:first page) on
# even pages, ``2024] SOVEREIGN DEBT 1463`` (the year's closing bracket) on odd ones
_LAW_HEAD_TAIL = r"(?:\s+\[\d{1,4}:\d{1,5}\]?)?"
_LAW_HEAD_LEAD = r"(?:(?:1[5-9]|20)\d\d\]\s+)?"
# a journal's issue line in capitals: ``ASIAN PERSPECTIVES · VOLUME 62, NUMBER 1 · SPRING 2023``
_ISSUE_HEAD = (
    r"[A-Z][A-Z&’' ]{3,60}\s*[·•|,]\s*VOL(?:UME|\.)\s*\d{1,4}(?:\s*,?\s*(?:NUMBER|NO\.|ISSUE)\s*\d{1,3})?"
    r"(?:\s*[·•|,]\s*(?:[A-Z]{3,9}\.?\s+)?(?:1[5-9]|20)\d\d)?"
)
PAGE_OF_RE = re.compile(
    r"^\s*(?:Page\s+\d{1,4}\s+of\s+\d{1,4}|\d{1,4}\s*/\s*\d{1,4}|第\s*\d{1,4}\s*页\s*[，,]?\s*共\s*\d{1,4}\s*页"
    rf"|{_LAW_HEAD_LEAD}{_CAPS}\s+{_FOLIO}|{_FOLIO}\s+{_CAPS}{_LAW_HEAD_TAIL}|{_ISSUE_HEAD})\s*$"
)


def opens_item(prev: str, line: str) -> bool:
    """``line`` opens a new item of an unnumbered author-date list whose previous line is ``prev``."""
    return bool(AUTHOR_YEAR_HEAD.match(line)) and not _RUNS_ON.search(prev)


def page_of_line(line: str) -> bool:
    """``Page 23 of 25`` (a PDF viewer's page counter), ``NOTES 333`` (a running head and folio):
    never part of an item or a note."""
    if len(line) > 64:  # furniture is short: most lines skip the regex
        if "   " not in line:
            return False
        line = " ".join(line.split())  # a head set a layout gap from its folio (JOURNAL …      117)
        if len(line) > 64:
            return False
    return bool(PAGE_OF_RE.match(line))
