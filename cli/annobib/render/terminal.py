"""The Rich terminal: italics as italics, links as OSC 8 hyperlinks, never markup parsing."""

from __future__ import annotations


def render(rt):
    from rich.text import Text

    out = Text()
    for r in rt.runs:
        style = ""
        if r.italic:
            style += "italic "
        if r.url:
            style += f"link {r.url}"
        out.append(r.text, style=style.strip() or None)
    return out


def document(items, hanging: bool = False):
    """A list of renderables, one per reference (annotation included)."""
    from rich.padding import Padding
    from rich.text import Text

    out = []
    for item in items:
        line = Text()
        if item.label:
            line.append(item.label + " ", style="bold")
        line.append_text(render(item.text))
        out.append(line)
        if item.annotation:
            out.append(Padding(render(item.annotation), (0, 0, 1, 4)))
    return out
