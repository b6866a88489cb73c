"""A panel as ``rich.panel.Panel`` draws it (rounded box, title on the left of the top border,
subtitle on the right of the bottom one, one cell of padding each side, the whole width), with
its content laid out once.

Rich's Panel wraps the content in a ``Padding`` and each layer cuts and pads every line again
(Padding, then Panel, then the console: three passes of ``split_and_crop_lines`` over every
segment); for ``show`` of 1,000 keys that was two thirds of the run. Here the content is laid out
once at the inner width and the borders are added around the lines: the same characters and
styles as the Panel gave. The top and bottom borders (title and subtitle aligned, truncated,
styled) still come from a Panel with an empty body, so they follow Rich exactly.
"""

from __future__ import annotations

PAD = 1  # cells of padding between the border and the content, each side (Panel's default)


class Framed:
    """``Panel(renderable, box=ROUNDED, title=title, title_align="left", subtitle=subtitle,
    subtitle_align="right", expand=True)``, laid out in one pass."""

    def __init__(self, renderable, title, subtitle):
        self.renderable = renderable
        self.title = title
        self.subtitle = subtitle

    def _panel(self, body):
        # lazy: loads rich only when this runs
        from rich import box
        from rich.panel import Panel

        return Panel(
            body,
            box=box.ROUNDED,
            title=self.title,
            title_align="left",
            subtitle=self.subtitle,
            subtitle_align="right",
            expand=True,
        )

    def _border(self, console, options, text, left: str, fill: str, right: str, align: str):
        """A top or bottom border with ``text`` in it, as Panel's ``align_text`` lays it out:
        padded by a space each side, cut to the width, the rest of the line filled."""
        # lazy: loads rich only when this runs
        from rich.cells import cell_len
        from rich.segment import Segment
        from rich.text import Text

        width = options.max_width - 4
        text = text.copy()
        text.end = ""
        text.plain = text.plain.replace("\n", " ")
        text.no_wrap = True
        text.expand_tabs()
        text.pad(1)
        text.truncate(width)
        excess = width - cell_len(text.plain)
        if text.style:
            text.stylize(console.get_style(text.style))
        if excess:
            parts = (text, fill * excess) if align == "left" else (fill * excess, text)
            text = Text.assemble(*parts, no_wrap=True, end="")
        yield Segment(left + fill)
        yield from console.render(text, options.update_width(width))
        yield Segment(fill + right)
        yield Segment.line()

    def __rich_console__(self, console, options):
        # lazy: loads rich only when this runs
        from rich import box
        from rich.segment import Segment

        width = options.max_width
        if width <= 2 * (PAD + 1) or options.height is not None or not self.title or not self.subtitle:
            yield self._panel(self.renderable)  # a terminal too narrow to frame: as Rich does it
            return
        edges = box.ROUNDED.substitute(options, safe=console.safe_box)
        inner = options.update(highlight=False)
        yield from self._border(console, inner, self.title, edges.top_left, edges.top, edges.top_right, "left")
        left = Segment(edges.mid_left + " " * PAD)
        right = Segment(" " * PAD + edges.mid_right)
        newline = Segment.line()
        for line in console.render_lines(self.renderable, options.update(width=width - 2 * (PAD + 1)), pad=True):
            yield left
            yield from line
            yield right
            yield newline
        yield from self._border(
            console, inner, self.subtitle, edges.bottom_left, edges.bottom, edges.bottom_right, "right"
        )

    def __rich_measure__(self, console, options):
        return self._panel(self.renderable).__rich_measure__(console, options)
