"""Backends that render :class:`~annobib.render.richtext.RichText`.

    from annobib.render import render
    render(rich, "text")      # plain str
    render(rich, "terminal")  # rich.text.Text (print it with a Rich console)
    render(rich, "md" | "html" | "latex")

Each backend is a module ``annobib.render.<name>`` with ``render(rt)`` and
``document(items)``; it is imported only when used. Registering one is one line in BACKENDS.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from annobib.render.richtext import RichText, Run, italic, link

BACKENDS: dict[str, str] = {
    "text": "text",
    "terminal": "terminal",
    "md": "markdown",
    "markdown": "markdown",
    "html": "html",
    "latex": "latex",
}


@dataclass
class ListItem:
    """One reference in a list: an optional label (``[3]``), the reference, an optional annotation."""

    text: RichText
    label: str | None = None
    annotation: RichText | None = None
    key: str | None = None
    lang: str | None = None  # BCP 47 language of the reference


def backend(name: str):
    try:
        module = BACKENDS[name]
    except KeyError:
        raise ValueError(f"unknown backend {name!r} (choose from {', '.join(sorted(set(BACKENDS)))})") from None
    return importlib.import_module(f"annobib.render.{module}")


def render(rt: RichText, name: str = "text"):
    """Render one piece of rich text with backend ``name``."""
    return backend(name).render(rt)


def render_document(items: list[ListItem], name: str = "text", *, hanging: bool = False):
    """A whole reference list (``hanging``: author-date/APA layout without labels)."""
    return backend(name).document(items, hanging=hanging)


__all__ = ["BACKENDS", "ListItem", "RichText", "Run", "backend", "italic", "link", "render", "render_document"]
