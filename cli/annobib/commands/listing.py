"""``annobib list``: the entries as a table fitted to the terminal, or CSV/TSV/keys/JSON.

Also the table renderer ``search`` uses. On a terminal the table is a Rich table fitted to the
width (a pager for long output); piped, it is plain aligned text with every value whole, drawn
without importing Rich's console.
"""

from __future__ import annotations

import io
import os
import re
import sys

import click

from annobib.commands._common import (
    bibliography_paths,
    color_enabled,
    console,
    echo_exact,
    emit_json,
    load_bibliography,
    report_problems,
)
from annobib.core.sanitize import csv_cell, is_clean, message
from annobib.core.sanitize import terminal as safe
from annobib.perf import paused_gc

# summary tuple (see annobib.lookup.rows.batch_summaries):
# 0 key, 1 type, 2 authors, 3 year, 4 title, 5 container, 6 lang, 7 cited, 8 domain, 9 sort author, 10 sort title
COLUMNS = ("key", "type", "authors", "year", "title", "container", "lang", "cited")
# `search` adds a last column when a word matched in a field the table does not show
MATCHED = COLUMNS + ("matched",)
HEADERS = {
    "key": "Key",
    "type": "Type",
    "authors": "Authors",
    "year": "Year",
    "title": "Title",
    "container": "Container",
    "lang": "Lang",
    "cited": "Cited",
    "matched": "Matched in",
}
_POS = {"key": 0, "type": 1, "authors": 2, "year": 3, "title": 4, "container": 5, "lang": 6, "cited": 7}
_CAP = {
    "key": 32,
    "type": 13,
    "authors": 32,
    "year": 4,
    "title": 90,
    "container": 40,
    "lang": 4,
    "cited": 5,
    "matched": 40,
}
_FLEX = {"title": 4, "authors": 2, "container": 2, "matched": 2}
_MIN = {"title": 10, "authors": 4, "container": 4, "key": 8, "type": 4, "matched": 6}
# On a narrow terminal whole columns go, in this order, before the key is cut (the key is what
# `show` needs) or the title, authors and container are squeezed to a few letters.
_DROP_ORDER = ("lang", "type", "cited", "container")
_ROOMY = {"title": 20, "authors": 8, "container": 10, "matched": 10}  # flex widths worth keeping a column for
SORTS = ("file", "key", "author", "year", "title", "cited")


def parse_year_range(value: str | None) -> tuple[int | None, int | None] | None:
    if not value:
        return None
    m = re.fullmatch(r"\s*(\d{4})?\s*(\.\.)?\s*(\d{4})?\s*", value)
    if not m or not (m.group(1) or m.group(3)) or (m.group(1) and m.group(3) and not m.group(2)):
        raise click.BadParameter("give a year (2024) or a range (2024..2025, ..2020, 2021..)", param_hint="--year")
    if not m.group(2):
        y = int(m.group(1) or m.group(3))
        return y, y
    return (int(m.group(1)) if m.group(1) else None, int(m.group(3)) if m.group(3) else None)


def select(view, types=(), langs=(), years=None) -> list[int]:
    types_l = {t.lower() for v in types for t in v.split(",") if t}
    langs_l = set()
    if langs:
        # lazy: not needed by `annobib --help`
        from annobib.text import language_code

        langs_l = {language_code(x, None) for v in langs for x in v.split(",") if x}
    out = []
    for i, s in enumerate(view.summaries):
        if types_l and s[1].lower() not in types_l:
            continue
        if langs_l and s[6] not in langs_l:
            continue
        if years is not None:
            if not s[3]:
                continue
            y = int(s[3])
            if (years[0] is not None and y < years[0]) or (years[1] is not None and y > years[1]):
                continue
        out.append(i)
    return out


def sort_rows(view, idx: list[int], sort: str, reverse: bool = False) -> list[int]:
    S = view.summaries
    if sort == "key":
        keyf = lambda i: S[i][0].casefold()  # noqa: E731
    elif sort == "author":
        keyf = lambda i: (S[i][9], S[i][3] or "9999")  # noqa: E731
    elif sort == "year":
        keyf = lambda i: (S[i][3] or "9999", S[i][9])  # noqa: E731
    elif sort == "title":
        # lazy: not needed by `annobib --help`
        from annobib.text import fold

        keyf = lambda i: fold(S[i][4])  # noqa: E731
    elif sort == "cited":
        return sorted(idx, key=lambda i: (-S[i][7], S[i][9]), reverse=reverse)
    else:
        return list(reversed(idx)) if reverse else idx
    return sorted(idx, key=keyf, reverse=reverse)


def cells(summary) -> list[str]:
    return [safe(str(summary[_POS[c]])) if c != "cited" else str(summary[7]) for c in COLUMNS]


def cells_of(summaries: list[tuple]) -> list:
    """:func:`cells` of many rows, the same strings (tuples: plain_table and rich_table only
    index them)."""
    return list(zip(*cell_columns(summaries))) if summaries else []


def cell_columns(summaries: list[tuple]) -> list[list[str]]:
    """The cells of many rows, column by column: each column is checked in one pass and taken
    as it is when clean (the usual case; 60,000 rows cell by cell cost 0.2 s)."""
    cols = []
    for c in COLUMNS:
        p = _POS[c]
        col = [s[p] for s in summaries]
        if c == "cited":
            col = list(map(str, col))
        elif not all(v.__class__ is str for v in col) or not is_clean(" ".join(col)):
            col = [safe(str(v)) for v in col]
        cols.append(col)
    return cols


def columns_of(rows: list[list[str]]) -> tuple[str, ...]:
    """The columns of ``rows``: the list's, or with search's "matched in" column."""
    return MATCHED if rows and len(rows[0]) == len(MATCHED) else COLUMNS


def fit_widths(rows: list[list[str]], width: int) -> list[int]:
    """Column widths (terminal cells) that fit ``width``; 0 hides a column.

    Columns are dropped (``_DROP_ORDER``) while what remains cannot fit at comfortable widths;
    then the title shrinks first, then authors/container, then key and type; nothing below a
    readable minimum."""
    # here: the name is rebound in this module
    from rich.cells import cell_len

    COLUMNS = columns_of(rows)  # noqa: N806 - the table's columns (search may add one)
    natural = [cell_len(HEADERS[c]) for c in COLUMNS]
    for r in rows:
        for j, v in enumerate(r):
            if len(v) > natural[j] or not v.isascii():
                w = cell_len(v)
                if w > natural[j]:
                    natural[j] = w
    widths = [min(natural[j], _CAP[c]) for j, c in enumerate(COLUMNS)]
    shown = list(range(len(COLUMNS)))

    def comfortable(cols: list[int]) -> int:
        return sum(min(widths[j], _ROOMY.get(COLUMNS[j], widths[j])) for j in cols) + 2 * (len(cols) - 1)

    for c in _DROP_ORDER:
        if sum(widths[j] for j in shown) + 2 * (len(shown) - 1) <= width or comfortable(shown) <= width:
            break
        shown.remove(COLUMNS.index(c))
    fitted = _fit_shown([widths[j] for j in shown], [COLUMNS[j] for j in shown], width)
    out = [0] * len(COLUMNS)
    for j, w in zip(shown, fitted):
        out[j] = w
    return out


def _fit_shown(widths: list[int], cols: list[str], width: int) -> list[int]:
    n = len(cols)
    avail = width - 2 * (n - 1)
    if sum(widths) <= avail:
        return widths
    flex = [j for j, c in enumerate(cols) if c in _FLEX]
    fixed = sum(widths[j] for j in range(n) if j not in flex)
    room = max(avail - fixed, sum(_MIN[cols[j]] for j in flex))
    weights = sum(_FLEX[cols[j]] for j in flex)
    shares = {j: max(_MIN[cols[j]], room * _FLEX[cols[j]] // weights) for j in flex}
    # give back what a column does not need
    spare = sum(max(0, shares[j] - widths[j]) for j in flex)
    for j in flex:
        shares[j] = min(shares[j], widths[j])
    for j in sorted(flex, key=lambda j: -_FLEX[cols[j]]):
        add = min(spare, widths[j] - shares[j])
        shares[j] += add
        spare -= add
    for j in flex:
        widths[j] = shares[j]
    over = sum(widths) - avail
    for c in ("key", "type"):
        if over <= 0 or c not in cols:
            continue
        j = cols.index(c)
        cut = min(over, widths[j] - _MIN[c])
        if cut > 0:
            widths[j] -= cut
            over -= cut
    return widths


def _width(text: str) -> int:
    """Terminal cells of ``text``: its length when it is printable ASCII (C speed; most cells
    of most files), else Rich's measure (CJK characters take two cells)."""
    if text.isascii() and text.isprintable():
        return len(text)
    if len(text) < 512 or "\u200d" in text or "\ufe0f" in text:  # (joiners: Rich's grapheme rules)
        # here: the name is rebound in this module
        from rich.cells import cell_len

        return cell_len(text)
    # a long value: each distinct character measured once, then counted in C (Rich measures
    # character by character in Python: 300,000 accents took 0.2 s)
    return len(text.translate(_CELLS))


class _CellTable(dict):
    """code point -> as many "x" as the character takes cells, for ``str.translate``."""

    def __missing__(self, code: int) -> str:
        # lazy: loads rich only when this runs
        from rich.cells import get_character_cell_size

        out = self[code] = "x" * get_character_cell_size(chr(code))
        return out


_CELLS = _CellTable()


def crop(text: str, width: int) -> str:
    # lazy: loads rich only when this runs
    from rich.cells import get_character_cell_size

    if _width(text) <= width:
        return text
    if text.isascii() and text.isprintable():
        return text[: max(width - 1, 0)] + "…"
    out = []
    used = 0
    for ch in text:
        w = get_character_cell_size(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def _whole_table(rows: list[list[str]]) -> str:
    """:func:`plain_table` with every value whole."""
    COLUMNS = columns_of(rows)  # noqa: N806
    return whole_table(list(zip(*rows)) if rows else [()] * len(COLUMNS), COLUMNS)


def whole_table(cols: list, columns: tuple[str, ...] = COLUMNS) -> str:
    """The table of columns ``cols`` (cells, see :func:`cell_columns`) with every value whole,
    built column by column: a column of printable ASCII (most columns of most files) is measured
    at C speed and padded by one ``%`` format per line (50,000 rows x 9 cells padded one by one
    cost ~0.1 s); other columns are padded to their terminal width first."""
    specs = []
    values = []
    for c, vals in zip(columns, cols):
        col = [HEADERS[c], *vals]
        joined = "".join(col)
        if joined.isascii() and joined.isprintable():
            w = max(map(len, col))
            specs.append(f"%{w}s" if c == "cited" else f"%-{w}s")
            values.append(col)
            continue
        lens = [_width(v) for v in col]
        w = max(lens)
        if c == "cited":
            values.append([" " * (w - n) + v for v, n in zip(col, lens)])
        else:
            values.append([v + " " * (w - n) for v, n in zip(col, lens)])
        specs.append("%s")
    line = "  ".join(specs)
    return "\n".join(map(str.rstrip, map(line.__mod__, zip(*values)))) + "\n"


def plain_table(rows: list[list[str]], width: int | None) -> str:
    """Aligned plain text. ``width=None`` (stdout is a pipe or a file): every value whole, columns
    as wide as their longest value, so ``annobib list | grep`` finds a long title; a width fits
    the table to it (columns dropped, values cut with …), as on a terminal."""
    if width is None:
        return _whole_table(rows)
    cell_len = _width  # printable ASCII measured by its length, the rest by Rich
    COLUMNS = columns_of(rows)  # noqa: N806
    widths = fit_widths(rows, width)
    right = {COLUMNS.index("cited")}
    lines = []
    for r in [[HEADERS[c] for c in COLUMNS]] + rows:
        parts = []
        for j, v in enumerate(r):
            if not widths[j]:
                continue
            if width is not None:
                v = crop(v, widths[j])
            pad = widths[j] - cell_len(v)
            parts.append(" " * pad + v if j in right else v + " " * pad)
        line = "  ".join(parts).rstrip()
        if width is not None and cell_len(line) > width:
            line = crop(line, width)
        lines.append(line)
    return "\n".join(lines) + "\n"


def rich_table(rows: list[list[str]], width: int, spans: list[dict] | None = None):
    # lazy: loads rich only when this runs
    from rich import box
    from rich.table import Table
    from rich.text import Text

    COLUMNS = columns_of(rows)  # noqa: N806
    widths = fit_widths(rows, width - 2)
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, header_style="bold", collapse_padding=True)
    styles = {
        "key": "bold cyan",
        "type": "dim",
        "year": "green",
        "lang": "dim",
        "cited": "magenta",
        "container": "italic",
        "matched": "dim",
    }
    shown = [j for j in range(len(COLUMNS)) if widths[j]]
    for j in shown:
        c = COLUMNS[j]
        table.add_column(
            HEADERS[c],
            width=widths[j],
            no_wrap=True,
            overflow="ellipsis",
            justify="right" if c == "cited" else "left",
            style=styles.get(c),
        )
    for n, r in enumerate(rows):
        texts = []
        for j in shown:
            v = r[j]
            t = Text(v)
            if spans and spans[n].get(COLUMNS[j]):
                for s, e in spans[n][COLUMNS[j]]:
                    t.stylize("bold reverse yellow", s, e)
            texts.append(t)
        table.add_row(*texts)
    return table


def print_rows(ctx, rows: list[list[str]], spans: list[dict] | None = None, pager: bool | None = None) -> None:
    """A table on stdout: Rich (paged when long) on a terminal, fitted to its width; piped, plain
    text with every value whole (``--format tsv`` is the form for programs)."""
    on_tty = sys.stdout is not None and sys.stdout.isatty()  # None: fd 1 was closed
    if not on_tty:
        click.echo(plain_table(rows, None), nl=False)
        return

    con = console(ctx)
    table = rich_table(rows, con.width, spans if color_enabled(ctx) else None)
    use_pager = pager if pager is not None else len(rows) + 4 > con.height
    if use_pager:
        os.environ.setdefault("LESS", "FRX")
        with con.pager(styles=color_enabled(ctx)):
            con.print(table)
    else:
        con.print(table)


def row_json(view, i: int, with_fields: bool = True, row: tuple | None = None) -> dict:
    s = view.summary(i) if row is None else row
    out = {
        "key": s[0],
        "type": s[1],
        "authors": s[2],
        "year": s[3] or None,
        "title": s[4],
        "container": s[5] or None,
        "language": s[6] or None,
        "cited": s[7],
        "domain": s[8] or None,
        "source": str(view.paths[view.source_of(i)]),
        "line": view.lines[i],
    }
    if with_fields:
        entry = view.entry(i)
        out["fields"] = {k: v for k, v in entry.fields.items() if k != "citations"}
        out["citations"] = [c.as_dict() for c in entry.citations]
    return out


DELIMITED_BLOCK = 2000  # rows of CSV/TSV formatted and written at a time


def write_delimited(view, idx: list[int], fmt: str) -> None:
    """Keys, CSV or TSV on stdout. Cells are one terminal-safe line (no tab, no break) and open
    no formula in a spreadsheet (a leading ``'``: see :func:`annobib.core.sanitize.csv_cell`)."""
    if fmt == "keys":
        keys = view.keys()
        echo_exact("".join(keys[i] + "\n" for i in idx), nl=False)
        return
    # lazy: loads csv only when this runs
    import csv

    buf = io.StringIO()
    writer = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
    writer.writerow(COLUMNS)
    rows = view.summaries
    # written a block at a time: `annobib list --format tsv | head` stops after the first block
    # (the closed pipe ends the command) instead of formatting all 50,000 rows first
    for start in range(0, len(idx), DELIMITED_BLOCK):
        block = cells_of([rows[i] for i in idx[start : start + DELIMITED_BLOCK]])  # one safe line each
        writer.writerows([csv_cell(v) for v in row] for row in block)
        click.echo(buf.getvalue(), nl=False)
        buf.seek(0)
        buf.truncate()
    if not idx:
        click.echo(buf.getvalue(), nl=False)


@click.command("list")
@click.option("--sort", "sort", type=click.Choice(SORTS), default="file", show_default=True, help="Order of the rows.")
@click.option("-r", "--reverse", is_flag=True, help="Reverse the order.")
@click.option(
    "--type", "types", multiple=True, metavar="TYPE", help="Only these entry types (repeat or comma-separate)."
)
@click.option(
    "--lang", "langs", multiple=True, metavar="LANG", help="Only these languages: zh, en, ja, ko … (repeatable)."
)
@click.option("--year", "year", metavar="RANGE", help="Only these years: 2024, 2024..2025, ..2020, 2021..")
@click.option(
    "--tag",
    "tags",
    multiple=True,
    metavar="TAG",
    help="Only entries with this tag (`keywords`; repeat: all of them; -TAG: without it).",
)
@click.option("-n", "--limit", type=click.IntRange(min=0), help="At most this many rows.")
@click.option("--json", "as_json", is_flag=True, help="One JSON document (all fields) on stdout.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "tsv", "keys"]),
    default="table",
    show_default=True,
    help="Output for scripts: csv, tsv, or keys (one per line).",
)
@click.option(
    "--pager/--no-pager",
    default=None,
    help="Page long output on a terminal (default: when it is longer than the screen).",
)
@click.option(
    "--links", "links", is_flag=True, help="Link and archive status of each URL (from check-links / archive)."
)
@click.pass_context
@paused_gc()  # a bulk job: millions of small acyclic objects (see perf.paused_gc)
def list_command(ctx, sort, reverse, types, langs, year, tags, limit, as_json, fmt, pager, links=False):
    """List the entries: key, type, authors, year, title, container, language, times cited.
    Exit 1 when no entry passes the filters (like search).

    \b
    Examples:
      annobib list --sort cited --limit 10     (most cited first)
      annobib list --lang zh --year 2024..2025
      annobib list --format keys | wc -l
    """
    years = parse_year_range(year)
    view = load_bibliography(ctx, rows=True, empty_ok=True)
    empty = not len(view) and not view.problems  # a new library (annobib init): not an error
    if empty:
        paths = ", ".join(str(p) for p in bibliography_paths(ctx))
        click.echo(
            f"annobib: {message(paths)}: no entries yet; add some with `annobib add` or `annobib import FILE`", err=True
        )
    idx = select(view, types, langs, years)
    if tags:
        # lazy: not needed by `annobib --help` or `annobib list`
        from annobib.editing import has_tags

        idx = [i for i in idx if has_tags(view.entry(i), tags)]
    matched = bool(idx)
    idx = sort_rows(view, idx, sort, reverse)
    if limit is not None:
        idx = idx[:limit]
    if links:
        from annobib.commands.archive import print_link_status

        print_link_status(ctx, [view.entry(i) for i in idx], as_json)
    elif as_json:
        rows = view.summaries
        emit_json([row_json(view, i, row=rows[i]) for i in idx])
    elif fmt != "table":
        write_delimited(view, idx, fmt)
    elif matched or empty:  # the header alone for a new library
        rows = view.summaries
        chosen = [rows[i] for i in idx]
        if sys.stdout.isatty():
            print_rows(ctx, cells_of(chosen), pager=pager)
        else:  # piped: every value whole (as print_rows), made column by column
            click.echo(whole_table(cell_columns(chosen)), nl=False)
    code = report_problems(view.problems)
    if code:
        ctx.exit(code)
    if not matched and not empty:  # as search (and grep): nothing selected is exit 1, said on stderr
        click.echo("annobib: no entry matches the filters", err=True)
        ctx.exit(1)
