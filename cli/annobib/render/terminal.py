"""The Rich terminal: italics as italics, links as OSC 8 hyperlinks (safe schemes only), never
markup parsing; unsafe characters made visible by the one sanitizer."""

from __future__ import annotations

from annobib.core.sanitize import safe_url, terminal_lines
from annobib.render.wrap import Wrapped


def render(rt):
    # lazy: loads rich only when this runs
    from rich.text import Text

    out = Text()
    for r in rt.runs:
        style = ""
        if r.italic:
            style += "italic "
        target = safe_url(r.url) if r.url else None
        if target and " " not in target:
            style += f"link {target}"
        out.append(terminal_lines(r.text), style=style.strip() or None)
    return out


def document(items, hanging: bool = False):
    """A list of renderables, one per reference (annotation included), each broken into lines
    at word boundaries, CJK between any two characters (:mod:`annobib.render.wrap`)."""
    # lazy: loads rich only when this runs
    from rich.padding import Padding
    from rich.text import Text

    out = []
    for item in items:
        line = Text()
        if item.label:
            line.append(terminal_lines(item.label) + " ", style="bold")
        line.append_text(render(item.text))
        out.append(Wrapped(line))
        if item.annotation:
            out.append(Padding(Wrapped(render(item.annotation)), (0, 0, 1, 4)))
    return out
