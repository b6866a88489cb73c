"""Month names: the one table every reader, check, exchange format and style uses."""

from __future__ import annotations

import re

# BibTeX's own @string macros (jan … dec), resolved on reading
MONTH_MACROS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# Bluebook table T12 abbreviations (May, June and July are written whole)
BLUEBOOK_MONTHS = ("Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")

# lower-case English month word -> 1..12: the macros, the full names and "sept"
MONTH_WORDS: dict[str, int] = {m: i + 1 for i, m in enumerate(MONTH_MACROS)}
MONTH_WORDS.update({n.lower(): i + 1 for i, n in enumerate(MONTH_NAMES)})
MONTH_WORDS["sept"] = 9


def month_number(word: str | None) -> int | None:
    """``March``, ``mar.``, ``SEPT`` or ``3``/``03`` -> 3; anything else None."""
    if not word:
        return None
    value = word.strip().strip("{}").strip().casefold().rstrip(".")
    if value.isdecimal() and len(value) <= 2 and 1 <= int(value) <= 12:
        return int(value)
    return MONTH_WORDS.get(value)


# EDTF seasons (ISO 8601-2 / EDTF level 1): month 21-24 of a date like ``2020-21``
SEASON_NAMES = ("Spring", "Summer", "Autumn", "Winter")
_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def split_date(text: str | None) -> tuple[str, int | None, int | None, int | None] | None:
    """The one tolerant reader of a ``date`` for the styles: ``(year, month, day, season)``.

    ``2025-02-22`` -> ``("2025", 2, 22, None)``; ``2020-21`` (an EDTF season) ->
    ``("2020", None, None, 1)`` for spring (21 spring, 22 summer, 23 autumn, 24 winter).
    Only the leading ``YYYY[-MM[-DD]]`` is read (the start of a range ``a/b``). A month or day
    that cannot be (month 0, 13-20, 25+; day 0, 45, 30 February; a day after a season) keeps
    the year only: one bad part makes the rest untrustworthy, and a style never fails on it.
    None when the text does not start with a four-digit year."""
    m = _DATE.match(text or "")
    if not m:
        return None
    y, mo, d = m.groups()
    if not mo:
        return y, None, None, None
    month = int(mo)
    if 21 <= month <= 24 and not d:
        return y, None, None, month - 20
    if not 1 <= month <= 12:
        return y, None, None, None
    if not d:
        return y, month, None, None
    leap = int(y) % 4 == 0 and (int(y) % 100 != 0 or int(y) % 400 == 0)
    if not 1 <= int(d) <= _DAYS[month - 1] - (month == 2 and not leap):
        return y, None, None, None
    return y, month, int(d), None


_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
