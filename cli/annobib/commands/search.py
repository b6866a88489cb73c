"""``annobib search QUERY``: find entries; ranked, highlighted; exit 1 when nothing matches."""

from __future__ import annotations

import click

from annobib.commands._common import echo_exact, emit_json, load_bibliography, report_problems, warn
from annobib.commands.listing import COLUMNS, MATCHED, cell_columns, cells_of, print_rows, row_json, whole_table
from annobib.core.sanitize import is_clean, message, short
from annobib.core.sanitize import terminal as safe
from annobib.perf import paused_gc

HELP = """Find entries. Exit code 1 when nothing matches (like grep).

\b
Query language:
  words            all must match, in any field:    alliance japan
  "a phrase"       words together, in this order:   "world knowledge"
  field:value      in one field: author: title: key: type: year: lang:
                   domain: tag: note: container: (quote values with spaces;
                   publisher: is container:, editor: is author:)
  year:2024..2025  a year range (year:..2020, year:2021.. open-ended)
  -word            must not match (-field:value too)
  a OR b           either one (x a OR b = x and (a or b))

\b
Case, accents (solis finds Solís), full/half width and spaces in CJK text
are ignored; Chinese matches by pinyin too: liulin or "liu lin" finds 刘琳,
shijie zhishi finds 世界知识. A word found only in a field the table does not
show (abstract, note, tags, URL, citing sentences) is named in "Matched in".

\b
Examples:
  annobib search alliance -japan
  annobib search -- -japan          (a query that starts with -)
  annobib search -h                 (this help; -h is never a query)
  annobib search 'author:liulin year:2024..2025'
  annobib search 'domain:gov.cn OR domain:mfa.gov.cn' --json
"""


@click.command(
    "search", help=HELP, context_settings={"ignore_unknown_options": True, "help_option_names": ["-h", "--help"]}
)
@click.argument("query", nargs=-1, required=True)
@click.option("--limit", type=click.IntRange(min=0), help="At most this many results (the best ones).")
@click.option("--json", "as_json", is_flag=True, help="One JSON document on stdout (with scores).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "keys"]),
    default="table",
    show_default=True,
    help="keys: one matching key per line.",
)
@click.option("--pager/--no-pager", default=None, help="Page long output on a terminal.")
@click.pass_context
@paused_gc()  # a bulk job: millions of small acyclic objects (see perf.paused_gc)
def search(ctx, query, limit, as_json, fmt, pager):
    # lazy: not needed by `annobib --help`; looked up when called (tests patch it on its module)
    from annobib.lookup import query as q

    stray = [w for w in query if w.startswith("--") and len(w) > 2]
    if stray:
        raise click.UsageError(
            f"no such option: {stray[0]} (a query that starts with - goes after --: annobib search -- {stray[0]})"
        )
    text = " ".join(query)
    parsed = q.parse(text)
    for w in parsed.warnings:
        warn(w)
    if not parsed:
        raise click.UsageError("the query is empty")
    # rows: a cold cache makes them while the records are at hand (cheaper than decoding again)
    view = load_bibliography(ctx, rows=fmt != "keys")
    hits = q.run(parsed, view.haystacks)
    if limit is not None:
        hits = hits[:limit]
    why = q.matched_in(view, parsed, hits) if hits and fmt != "keys" else {}
    if as_json:
        out = []
        rows = view.summaries_of([i for i, _ in hits])
        for (i, score), row in zip(hits, rows):
            d = row_json(view, i, row=row)
            d["score"] = score
            d["matched_in"] = why.get(i, [])
            out.append(d)
        emit_json(out)
    elif fmt == "keys":
        keys = view.keys()
        echo_exact("".join(keys[i] + "\n" for i, _ in hits), nl=False)
    elif hits:
        import sys

        summaries = view.summaries_of([i for i, _ in hits])
        if not sys.stdout.isatty():  # piped: every value whole (as print_rows), column by column
            cols = cell_columns(summaries)
            if why:  # a column saying where a word matched that the table does not show
                cols.append(_matched_column(why, hits))
            click.echo(whole_table(cols, MATCHED if why else COLUMNS), nl=False)
        else:
            rows = [list(r) for r in cells_of(summaries)]
            if why:
                rows = [r + [safe(", ".join(why.get(i, [])))] for r, (i, _) in zip(rows, hits)]
            spans = [_spans(view, i, parsed, rows[n]) for n, (i, _) in enumerate(hits)]
            print_rows(ctx, rows, spans=spans, pager=pager)
    code = report_problems(view.problems)
    if code:
        ctx.exit(code)
    if not hits:
        # a 120 KB query is not repeated whole: 80 characters, as for keys
        click.echo(f"annobib: no entry matches {message(repr(short(text)))}", err=True)
        ctx.exit(1)


def _matched_column(why: dict, hits: list) -> list[str]:
    """The "Matched in" cells of the hits (terminal-safe: checked in one pass, as cell_columns)."""
    col = [", ".join(why.get(i, ())) for i, _ in hits]
    return col if is_clean(" ".join(col)) else [safe(v) for v in col]


def _spans(view, i: int, parsed, row: list[str]) -> dict:
    """Highlight spans per displayed column (pinyin matches map back to the Han characters)."""
    # lazy: not needed by `annobib --help`
    from annobib.lookup.query import highlight_spans
    from annobib.text import has_han, syllables

    ascii_terms = any(t.squeezed.isascii() for t in parsed.positive_terms)
    out = {}
    for col in ("key", "authors", "title", "container"):
        text = row[COLUMNS.index(col)]
        syl = None
        if ascii_terms and has_han(text):
            syl = tuple(r[0] if r else "" for r in syllables(text))
        out[col] = highlight_spans(text, parsed, syl)
    return out
