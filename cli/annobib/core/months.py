"""Month names: the one table every reader, check, exchange format and style uses."""

from __future__ import annotations

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
