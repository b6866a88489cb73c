"""Line breaking for the terminal: Latin words stay whole, CJK text may break between any two
characters (as Chinese and Japanese are set), never before closing punctuation (，。）」”) or after
opening punctuation (（「“). Rich alone breaks only at spaces, so a run of Chinese is one "word"
that jumps to the next line and leaves a ragged gap; :class:`Wrapped` gives Rich the lines instead.

A word wider than the whole line (a long URL) is the one thing cut mid-word, after a ``/``, ``-``,
``.`` … where one fits, else where the line is full: there is no other way to show it.
"""

from __future__ import annotations

# may not start a line / may not end a line (a short list: the common CJK and Western marks)
NO_START = frozenset("，。、；：？！）」』】〕〉》”’…‥・ー%,.;:?!)]}»›々〻ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ")
NO_END = frozenset("（「『【〔〈《“‘([{«‹")
SOFT = frozenset("/-.?&=_")  # where a word too long for a line (a URL) is best cut


def _widths(text: str) -> list[int]:
    """Terminal cells of each character (ASCII: 1, without asking Rich)."""
    if text.isascii():
        return [1] * len(text)
    # lazy: loads rich only when this runs
    from rich.cells import get_character_cell_size as size

    return [1 if c < "\x7f" else size(c) for c in text]


def _starts(text: str, widths: list[int]) -> list[int]:
    """Indices where a break is allowed (before that character); a space stays with the
    piece before it."""
    out = []
    for i in range(1, len(text)):
        a, b = text[i - 1], text[i]
        if b == " " or b in NO_START or a in NO_END:
            continue
        if a == " " or ((widths[i - 1] == 2 or widths[i] == 2) and not (a.isascii() and b.isascii())):
            out.append(i)
    return out


def units(text: str) -> list[str]:
    """``text`` cut at every break opportunity (the pieces join back to ``text``)."""
    cuts = [0, *_starts(text, _widths(text)), len(text)]
    return [text[x:y] for x, y in zip(cuts, cuts[1:]) if y > x]


def break_offsets(text: str, width: int, rest: int | None = None) -> list[int]:
    """Where lines start (after the first) when ``text`` (one line) is filled into ``width``
    terminal cells, greedily; lines after the first get ``rest`` cells (a hanging indent takes
    the others)."""
    first = width = max(1, width)
    rest = first if rest is None else max(1, rest)
    widths = _widths(text)
    if sum(widths) <= width:  # the whole line fits (most values): no break to look for
        return []
    cuts = [0, *_starts(text, widths), len(text)]
    offsets: list[int] = []
    used = 0
    for x, y in zip(cuts, cuts[1:]):
        end = y
        while end > x and text[end - 1] == " ":
            end -= 1
        need = sum(widths[x:end])
        if used and used + need > width:
            offsets.append(x)
            used, width = 0, rest
        if need > width:  # wider than a whole line (a URL): cut after a / - . ? & if one fits
            start, k = x, x
            while k < y:
                w = widths[k]
                if used + w > width and used:
                    # after a / - . but not before a closing mark (the period that ends the entry)
                    soft = max(
                        (j + 1 for j in range(start, k) if text[j] in SOFT and text[j + 1] not in NO_START), default=0
                    )
                    cut = soft if soft > start + 1 else k
                    while cut > start + 1 and text[cut] in NO_START:
                        cut -= 1
                    offsets.append(cut)
                    start, k, used, width = cut, cut, 0, rest
                    continue
                used += w
                k += 1
        else:
            used += sum(widths[x:y])
    return offsets


def wrap(text, width: int, indent: int = 0):
    """A ``rich.text.Text`` with its lines broken for ``width`` (styles kept, line-end spaces off);
    ``indent``: a hanging indent, the cells before every line but a paragraph's first."""
    # lazy: loads rich only when this runs
    from rich.text import Text

    out = Text("\n").join(wrap_lines(text, width, indent))
    out.no_wrap = True
    out.overflow = "ignore"
    return out


def wrap_lines(text, width: int, indent: int = 0) -> list:
    """:func:`wrap`'s lines, one ``rich.text.Text`` each."""
    # lazy: loads rich only when this runs
    from rich.text import Text

    indent = min(max(0, indent), width // 3)  # a narrow terminal keeps room for the text
    lines = []
    for line in text.split("\n", allow_blank=True):
        offsets = break_offsets(line.plain, width, width - indent)
        pieces = line.divide(offsets) if offsets else [line]
        for k, piece in enumerate(pieces):
            piece.rstrip()
            if k and indent:
                piece = Text(" " * indent) + piece
            lines.append(piece)
    return lines


class Wrapped:
    """A Rich renderable: ``text`` broken by :func:`wrap` at the width Rich offers it (a panel,
    a table cell or the whole terminal), continuation lines ``indent`` cells in."""

    def __init__(self, text, indent: int = 0):
        self.text = text
        self.indent = indent

    def __rich_console__(self, console, options):
        if "\t" in self.text.plain:  # Rich expands tabs: leave that to it
            yield wrap(self.text, options.max_width, self.indent)
            return
        # lazy: loads rich only when this runs
        from rich.segment import Segment
        from rich.text import Text

        # the lines' segments, as Rich would render the joined, unwrappable Text: without
        # handing Rich a Text to split, copy and join again (a third of `show`'s layout)
        newline = Segment.line()
        for line in wrap_lines(self.text, options.max_width, self.indent):
            if line.style:  # as in the joined Text: the line's style a span under its own spans
                line = Text("").join([line])
            line.end = ""
            yield from line.render(console)
            yield newline

    def __rich_measure__(self, console, options):
        # lazy: loads rich only when this runs
        from rich.cells import cell_len
        from rich.measure import Measurement

        plain = self.text.plain
        longest_unit = max((cell_len(u.rstrip(" ")) for u in units(plain)), default=0)
        longest_line = max((cell_len(x) for x in plain.split("\n")), default=0)
        return Measurement(min(longest_unit, 20) or 1, longest_line or 1).clamp(max_width=options.max_width)


NAME_GAP = 2  # cells between a name and its value (as Table.grid(padding=(0, 2)) leaves)
MIN_VALUE = 10  # cells a value keeps however long the longest name (a longer name is cut with …;
# a Rich table left the values no room at all)


class Rows:
    """Name/value rows, laid out as ``Table.grid`` laid them out in ``show`` (bold names in a
    column as wide as the longest, each value broken by :func:`wrap` in the rest of the line),
    line by line in one pass: Rich's table measured every cell twice and rendered each through
    its own machinery (8,000 fields: 2.8 s; 60,000: over 8 s). ``rows``: (name, ``Text``)."""

    def __init__(self, rows: list):
        self.rows = rows

    def __rich_console__(self, console, options):
        # lazy: loads rich only when this runs
        from rich.cells import cell_len
        from rich.segment import Segment
        from rich.style import Style
        from rich.text import Text

        width = options.max_width
        name_w = max((cell_len(name) for name, _ in self.rows), default=0)
        name_w = max(1, min(name_w, width - NAME_GAP - MIN_VALUE))
        value_w = max(1, width - name_w - NAME_GAP)
        bold = Style(bold=True)  # the name column, its padding and the gap, as the grid styled them
        blank = Segment(" " * (name_w + NAME_GAP), bold)
        gap = Segment(" " * NAME_GAP, bold)
        newline = Segment.line()
        for name, value in self.rows:
            label = Text(name, no_wrap=True, overflow="ellipsis", end="")
            label.truncate(name_w, overflow="ellipsis", pad=True)
            for k, line in enumerate(wrap_lines(value, value_w)):
                if k:
                    yield blank
                else:
                    yield Segment(label.plain, bold)
                    yield gap
                line.end = ""
                yield from line.render(console)
                yield newline

    def __rich_measure__(self, console, options):
        # lazy: loads rich only when this runs
        from rich.cells import cell_len
        from rich.measure import Measurement

        name_w = max((cell_len(name) for name, _ in self.rows), default=0)
        longest = max((cell_len(x) for _, v in self.rows for x in v.plain.split("\n")), default=0)
        return Measurement(name_w + NAME_GAP + 1, name_w + NAME_GAP + max(1, longest)).clamp(
            max_width=options.max_width
        )
