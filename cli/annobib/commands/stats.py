"""``annobib stats``: counts by type, language, year and web domain, and the most-cited works,
as bar charts (``--json`` for scripts)."""

from __future__ import annotations

from collections import Counter

import click

from annobib.commands._common import console, emit_json, load_bibliography, report_problems
from annobib.core.sanitize import terminal as safe
from annobib.perf import paused_gc


def compute(view, top: int) -> dict:
    S = view.summaries
    by_type = Counter(s[1] for s in S)
    by_lang = Counter(s[6] or "?" for s in S)
    by_year = Counter(s[3] or "n.d." for s in S)
    by_domain = Counter(s[8] for s in S if s[8])
    cited = sorted((i for i in range(len(S)) if S[i][7]), key=lambda i: (-S[i][7], S[i][0]))[:top]
    return {
        "entries": len(S),
        "citations": sum(s[7] for s in S),
        "by_type": dict(by_type.most_common()),
        "by_language": dict(by_lang.most_common()),
        "by_year": dict(sorted(by_year.items())),
        "by_domain": dict(by_domain.most_common(top)),
        "most_cited": [
            {"key": S[i][0], "cited": S[i][7], "title": S[i][4], "authors": S[i][2], "year": S[i][3] or None}
            for i in cited
        ],
        "links": _links(view, S),
    }


def _links(view, S) -> dict:
    """Link-check outcomes and Web Archive status of the entries with a URL (from the state file)."""
    # lazy: not needed by `annobib --help`
    from annobib.archive.state import link_summary

    return link_summary([view.entry(i) for i in range(len(S)) if S[i][8]])


BULK_ROWS = 200  # a chart longer than this is laid out here, not by a Rich table (see _chart_text)


def _bars(items: list[tuple[str, int]], width: int) -> list[str]:
    biggest = max((n for _, n in items), default=1) or 1
    label_w = min(max((len(str(k)) for k, _ in items), default=4), max(12, width // 3))
    room = max(5, width - label_w - 10)
    return ["█" * max(1, round(n / biggest * room)) if n else "" for _, n in items]


def _chart(title: str, items: list[tuple[str, int]], width: int):
    # lazy: loads rich only when this runs
    from rich.table import Table
    from rich.text import Text

    head = Text(title, style="bold underline")
    if len(items) > BULK_ROWS:
        text = _chart_text(items, width)
        if text is not None:
            return head, text
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True, overflow="ellipsis", max_width=max(12, width // 3))
    table.add_column(justify="right", no_wrap=True)
    table.add_column(no_wrap=True)
    for (label, n), bar in zip(items, _bars(items, width)):
        table.add_row(Text(safe(str(label))), Text(str(n), style="bold"), Text(bar, style="cyan"))
    return head, table


def _zero_width(text: str) -> bool:
    # lazy: loads rich only when this runs
    from rich.cells import cell_len

    return any(cell_len(ch) == 0 for ch in text if not ch.isascii())


def _chart_text(items: list[tuple[str, int]], width: int):
    """The chart :func:`_chart`'s table prints, as segments laid out here (linear: a Rich table
    of 75,000 languages took 11 s, Text lines 3 s), or None when the table would not fit ``width`` as it is
    (Rich shrinks its columns then; the caller falls back to the table)."""
    # lazy: loads rich only when this runs
    from rich._ratio import ratio_reduce
    from rich.cells import cell_len, set_cell_size
    from rich.segment import Segment, Segments
    from rich.style import Style

    labels = [safe(str(label)) for label, _ in items]
    # zero-width characters (combining marks) make Rich crop lines its own way: left to it
    if any(len(lab.splitlines()) > 1 or _zero_width(lab) for lab in labels if not lab.isascii()):
        return None
    counts = [str(n) for _, n in items]
    bars = _bars(items, width)
    lens = [cell_len(lab) for lab in labels]
    # Rich's column widths (padding included: one cell after each column but the last): the
    # widest cell, the label column capped; too wide a table loses the excess evenly
    widths = [
        min(max(lens, default=0) + 1, max(12, width // 3) + 1, width) or 1,
        min(max(len(c) for c in counts) + 1, width) or 1,
        min(max(len(b) for b in bars), width) or 1,
    ]
    if sum(widths) > width:
        widths = [max(0, w) for w in ratio_reduce(sum(widths) - width, [1, 1, 1], widths, widths)]
    w0, w1, w2 = widths[0] - 1, widths[1] - 1, widths[2]
    if min(w0, w1, w2) < 1:
        return None
    fit = _fitted
    bold, cyan, plain, nl = Style(bold=True), Style(color="cyan"), Style(), Segment("\n")
    segs = []
    add = segs.extend
    for n, (lab, c, b) in enumerate(zip(labels, counts, bars)):
        lab = set_cell_size(lab, w0 - 1) + "…" if lens[n] > w0 else lab + " " * (w0 - lens[n])
        add((Segment(lab + " ", plain), Segment(fit(c, w1).rjust(w1), bold), Segment(" ", plain)))
        add((Segment(fit(b, w2).ljust(w2), cyan), nl))
    return Segments(segs)


def _fitted(text: str, width: int) -> str:
    """``text`` (one cell per character) cut to ``width`` with an ellipsis, as Rich cuts it."""
    return text if len(text) <= width else text[: width - 1] + "…"


@click.command("stats")
@click.option(
    "--top", type=click.IntRange(min=1), default=10, show_default=True, help="Rows in the domain and most-cited charts."
)
@click.option("--json", "as_json", is_flag=True, help="One JSON document on stdout.")
@click.pass_context
@paused_gc()  # a bulk job: millions of small acyclic objects (see perf.paused_gc)
def stats(ctx, top, as_json):
    """Counts by type, language, year and web domain; the most-cited works."""
    view = load_bibliography(ctx, rows=True)
    data = compute(view, top)
    if as_json:
        emit_json(data)
    else:
        # lazy: loads rich only when this runs
        from rich.text import Text

        con = console(ctx)
        width = con.width
        con.print(Text(f"{data['entries']} entries, {data['citations']} citations", style="bold"))
        for title, items in (
            ("By type", list(data["by_type"].items())),
            ("By language", list(data["by_language"].items())),
            ("By year", list(data["by_year"].items())),
            ("By web domain", list(data["by_domain"].items())),
            ("Links (last check-links)", list(data["links"]["links"].items())),
            (
                "Web Archive",
                [
                    (k, n)
                    for k, n in (
                        ("archived", data["links"]["archived"]),
                        ("capture pending", data["links"]["pending"]),
                        ("no snapshot", data["links"]["unarchived"]),
                    )
                    if n
                ],
            ),
        ):
            if not items:
                continue
            head, table = _chart(title, items, width)
            con.print()
            con.print(head)
            con.print(table)
        if data["most_cited"]:
            items = []
            for w in data["most_cited"]:
                label = w["key"]
                items.append((label, w["cited"]))
            head, table = _chart("Most cited", items, width)
            con.print()
            con.print(head)
            con.print(table)
            con.print(Text(""))
            for w in data["most_cited"][:top]:
                line = Text(f"{safe(w['key'])}: ", style="cyan")
                line.append(safe(" ".join(p for p in (w["authors"], f"({w['year'] or 'n.d.'})", w["title"]) if p)))
                line.truncate(width, overflow="ellipsis")
                con.print(line, no_wrap=True, overflow="ellipsis")
    code = report_problems(view.problems)
    if code:
        ctx.exit(code)
