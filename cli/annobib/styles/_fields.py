"""Field values as styles need them: LaTeX decoded to Unicode, protective braces remembered.

Values in :class:`annobib.model.Entry` are raw BibTeX text. ``decode`` gives display text;
``segments`` also says which stretches were braced (``{NATO}``: protected from case changes).
Both are the one decoder of :mod:`annobib.core.latex`.
"""

from __future__ import annotations

from annobib.core.latex import MAX_NESTING, decode, segments  # noqa: F401  (the styles' names)


def strip_outer(value: str | None) -> str:
    """The value, trimmed. (Entry values no longer carry their outer delimiters, so a value
    wholly in braces — ``{United Nations}`` — is a protected one and keeps its braces.)"""
    if not value:
        return ""
    return value.strip()


def field(entry, name: str, cjk_dashes: bool = False) -> str:
    """``entry``'s field ``name`` (aliases resolved), decoded; ``""`` when absent."""
    return decode(entry.get(name), cjk_dashes)


def raw(entry, name: str) -> str:
    """The field without LaTeX decoding (URLs, DOIs), outer braces removed, trimmed."""
    return strip_outer(entry.get(name)).strip()
