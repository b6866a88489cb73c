"""The Rich terminal: italics as italics, links as OSC 8 hyperlinks (safe schemes only), never
markup parsing; unsafe characters made visible by the one sanitizer."""

from __future__ import annotations

from annobib.core.sanitize import terminal_lines, terminal_link
from annobib.render.wrap import Wrapped


def render(rt):
    # lazy: loads rich only when this runs
    from rich.text import Text

    out = Text()
    for r in rt.runs:
        style = ""
        if r.italic:
            style += "italic "
        target = terminal_link(r.url) if r.url else None
        if target:
            style += f"link {target}"
        out.append(terminal_lines(r.text), style=style.strip() or None)
    return out


HANGING = 4  # cells: an unlabelled list's hanging indent (APA's half inch, two CJK characters)


def document(items, hanging: bool = False):
    """A list of renderables, one per reference (annotation included), each broken into lines
    at word boundaries, CJK between any two characters (:mod:`annobib.render.wrap`).

    Labels (``[12]``) stand at the margin, padded to the widest so every text starts in one
    column, and continuation lines are indented to that column; an unlabelled list (author-date,
    APA) hangs its continuation lines ``HANGING`` cells in. Annotations sit under the text."""
    # lazy: loads rich only when this runs
    from rich.cells import cell_len
    from rich.padding import Padding
    from rich.text import Text

    labels = [terminal_lines(item.label) if item.label else "" for item in items]
    column = max((cell_len(label) for label in labels), default=0)
    indent = column + 1 if column else HANGING
    out = []
    for item, label in zip(items, labels):
        line = Text()
        if label:
            line.append(label, style="bold")
            line.append(" " * (column - cell_len(label) + 1))
        line.append_text(render(item.text))
        out.append(Wrapped(line, indent))
        if item.annotation:
            out.append(Padding(Wrapped(render(item.annotation)), (0, 0, 1, indent)))
    return out
