"""``annobib show KEY…``: one entry in full — fields, formatted reference, where the article
cites it (with the citing sentences), the annotation; ``--bibtex`` for the raw text."""

from __future__ import annotations

import difflib
import re

import click

from annobib.commands._common import (
    STYLE_CHOICES,
    complete_keys,
    console,
    emit_json,
    load_bibliography,
    report_problems,
)
from annobib.core.sanitize import message
from annobib.core.sanitize import redact
from annobib.core.sanitize import terminal as safe
from annobib.core.sanitize import terminal_lines as safe_lines
from annobib.errors import InputError
from annobib.perf import paused_gc

ANNOTATION_FIELDS = ("annotation", "annote")
NAME_FIELDS = frozenset({"author", "editor", "translator", "bookauthor", "editora", "editorb", "editorc"})
_AND = re.compile(r"\s+and\s+", re.I)


def name_list(value: str) -> str:
    """A name field as ``list`` shows names: ``周琪, 刘绯``, never BibTeX's ``and``; ``;`` between
    names when one holds a comma (``Morrow, James D.; Lindsay, James``), so none is split in two."""
    # lazy: not needed by `annobib --help`
    from annobib.names import split_top_level
    from annobib.text import latex_to_text

    parts = [latex_to_text(p).strip() for p in split_top_level(" ".join(value.split()), _AND)]
    parts = [p for p in parts if p]
    return ("; " if any("," in p for p in parts) else ", ").join(parts)


def suggest(key: str, keys: list[str], n: int = 3) -> list[str]:
    """The keys closest to a mistyped one (case-insensitive, then by similarity)."""
    low = {k.casefold(): k for k in keys}
    if key.casefold() in low:
        return [low[key.casefold()]]
    close = difflib.get_close_matches(key.casefold(), list(low), n=n, cutoff=0.5)
    out = [low[c] for c in close]
    if len(out) < n:
        out += [k for k in keys if key.casefold() in k.casefold() and k not in out][: n - len(out)]
    return out


def by_alias(view, key: str) -> int | None:
    """The entry that lists ``key`` among its aliases (``ids``, as ``import --merge`` keeps
    them), or None. Only entries whose search text holds the key are parsed."""
    # lazy: not needed by `annobib --help`
    from annobib.text import fold

    needle = fold(key).encode("utf-8")
    hays = view.haystacks
    for i, hay in enumerate(hays):
        if needle in hay and key in view.entry(i).aliases:
            return i
    return None


def formatted_reference(entry, style: str, fmt: str = "terminal"):
    """The entry as a formatted reference through annobib.styles, or None if unavailable."""
    try:
        # optional: the caller copes without annobib.styles
        from annobib.styles import format_entry, render
    except ImportError:
        return None
    try:
        return render(format_entry(entry, style=style), fmt)
    except Exception:  # noqa: BLE001 - a style bug must not hide the entry itself
        return None


@click.command("show")
@click.argument("keys", nargs=-1, required=True, shell_complete=complete_keys)
@click.option("--bibtex", is_flag=True, help="The entry's text exactly as it is in the .bib file.")
@click.option("--json", "as_json", is_flag=True, help="One JSON document on stdout.")
@click.option(
    "--style",
    type=click.Choice(STYLE_CHOICES),
    default="gbt7714",
    show_default=True,
    help="Style of the formatted reference.",
)
@click.pass_context
@paused_gc()  # a bulk job: millions of small acyclic objects (see perf.paused_gc)
def show(ctx, keys, bibtex, as_json, style):
    """Show entries in full: every field, the formatted reference, the citing locations with
    their sentences, and the annotation.

    A KEY that is no key is searched for: one match is shown (`show liulin` shows 刘琳's
    entry), several are listed (exit 1), none suggests the closest keys (exit 2).

    The panel shows up to 1,000 fields and 4,000 characters of a value, saying what it
    leaves out; --json and --bibtex always give the whole entry. More than 50 entries are
    shown as plain lines, without panels.

    \b
    Examples:
      annobib show liu2025meifei
      annobib show liulin               (a search when no key is liulin)
      annobib show liu2025meifei --bibtex
    """
    view = load_bibliography(ctx)
    keys = dict.fromkeys(keys)  # each key once, in first-given order (as git show does)
    found: list[int] = []
    missing: list[str] = []
    several: dict[str, list[int]] = {}
    for key in keys:
        i = view.index_of(key)
        if i is None:
            i = by_alias(view, key)  # a Better BibTeX key kept in ids
        hits = [] if i is not None else search_key(view, key)
        if i is not None:
            found.append(i)
        elif len(hits) == 1:
            found.append(hits[0])
            click.echo(
                f"annobib: no key {_quoted(key)}; showing {_quoted(view.keys()[hits[0]])}, "
                "the one entry it finds as a search",
                err=True,
            )
        elif hits:
            several[key] = hits
        else:
            missing.append(key)
    found = list(dict.fromkeys(found))  # `show liulin liu2025meifei`: one entry, shown once
    if as_json:
        out = []
        for i in found:
            entry = view.entry(i)
            d = entry.as_dict()
            d["line"] = view.lines[i]
            d["source"] = entry.source
            ref = formatted_reference(entry, style, "text")
            d["formatted"] = ref if isinstance(ref, str) else None
            # lazy: not needed by `annobib --help`; looked up when called (tests patch it on its module)
            from annobib.archive.state import entry_link_status

            d["link"] = entry_link_status(entry) if entry.get("url") else None
            out.append(d)
        emit_json(out)
    elif bibtex:
        import sys

        on_terminal = sys.stdout.isatty()
        for n, i in enumerate(found):
            text = view.raw_text(i).rstrip("\n")
            if on_terminal:  # an ESC or BEL in a value must not reach the terminal; piped, exact bytes
                text = safe_lines(text)
            click.echo(text + ("\n" if n < len(found) - 1 else ""), color=True)  # color=True: click strips no escape
    elif len(found) > SHOW_PANELS:
        for i in found:
            click.echo(_plain_entry(view, i, style))
    else:
        con = console(ctx)
        for i in found:
            _print_entry(con, view, i, style)
    code = report_problems(view.problems)
    for key, hits in several.items():
        _print_choices(view, key, hits)
    if missing:
        all_keys = view.keys()
        msgs = []
        for key in missing:
            close = suggest(key, all_keys)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            msgs.append(f"no entry with key {key!r}{hint}")
        raise InputError(" | ".join(msgs))
    if code:
        ctx.exit(code)
    if several:
        ctx.exit(1)


CHOICES_SHOWN = 10


def _quoted(text: str) -> str:
    return message(repr(text))


def search_key(view, key: str) -> list[int]:
    """Entries a key that is not one finds as a search (`liulin` or `刘琳` finds 刘琳's entry)."""
    # lazy: not needed by `annobib --help`
    from annobib.lookup import query as q

    try:
        parsed = q.parse(key)
    except Exception:  # noqa: BLE001 - a key that is no query simply finds nothing
        return []
    if not parsed:
        return []
    return [i for i, _ in q.run(parsed, view.haystacks)]


def _print_choices(view, key: str, hits: list[int]) -> None:
    """Several entries match a key that is not one: say so and list them (the best first)."""

    click.echo(f"annobib: no key {_quoted(key)}; {len(hits)} entries match it as a search:", err=True)
    for s in view.summaries_of(hits[:CHOICES_SHOWN]):
        click.echo(safe(f"  {s[0]}  {s[2]}  {s[3]}  {s[4][:60]}"))
    if len(hits) > CHOICES_SHOWN:
        click.echo(f"  … and {len(hits) - CHOICES_SHOWN} more (annobib search {key})")


def find_entry(ctx, view, key: str) -> int:
    """The entry ``key`` names or, when it names none, the one entry it finds as a search.
    Several: they are listed and the command exits 1; none: InputError with near keys."""
    i = view.index_of(key)
    if i is not None:
        return i
    hits = search_key(view, key)
    if len(hits) == 1:
        return hits[0]
    if hits:
        _print_choices(view, key, hits)
        ctx.exit(1)
    close = suggest(key, view.keys())
    raise InputError(f"no entry with key {key!r}" + (f"; did you mean {', '.join(close)}?" if close else ""))


SHOW_MAX = 4000  # characters of one value in the panel; Rich lays out longer ones slowly
# fields in the panel, and characters of them: each line costs Rich's panel ~0.1 ms, so 60,000
# fields took seconds; the rest are counted in one line (no real entry comes near either)
SHOW_FIELDS = 1000
SHOW_FIELD_CHARS = 100_000
# entries shown in panels; more are listed as plain lines (a thousand panels took ~1.5 s)
SHOW_PANELS = 50


def _cut(text: str) -> str:
    """A value for the panel: at most SHOW_MAX characters, saying how much was left out
    (``--json`` and ``export`` always give it whole)."""
    if len(text) <= SHOW_MAX:
        return text
    return f"{text[:SHOW_MAX]} … ({len(text) - SHOW_MAX:,} more characters; --json shows all)"


def _field_rows(entry) -> list[tuple[str | None, str, str | None]]:
    """The panel's field rows, terminal-safe: (name, value as shown, the raw value when it
    differs, else None); a last row without a name counts the fields left out."""
    # lazy: not needed by `annobib --help`
    from annobib.text import latex_to_text

    rows: list[tuple[str | None, str, str | None]] = []
    fields = [(n, v) for n, v in entry.fields.items() if n not in ("citations",) + ANNOTATION_FIELDS]
    shown_chars = 0
    for k, (name, value) in enumerate(fields):
        if k == SHOW_FIELDS or shown_chars > SHOW_FIELD_CHARS:
            rows.append((None, f"{len(fields) - k:,} more fields (--json or --bibtex shows all)", None))
            break
        if "@" in value and "://" in value:
            value = redact(value)  # a URL's password (user:secret@host): --json and --bibtex keep it
        decoded = _cut(latex_to_text(value))
        shown = safe(_cut(name_list(value)) if name in NAME_FIELDS else decoded)
        raw = _cut(" ".join(value.split()))
        rows.append((safe(name), shown, safe(raw) if decoded != raw else None))
        shown_chars += len(shown) + (len(rows[-1][2]) + 2 if decoded != raw else 0)
    return rows


def _citing_lines(entry) -> list[tuple[str, str]]:
    """(where, citing sentence) of each citation, terminal-safe."""
    out = []
    for c in entry.citations:
        where = (f"p. {c.page}, " if c.page is not None else "") + f"n. {c.note}"
        if c.locator:
            where += f", at {c.locator}"
        out.append((where, safe(c.context) if c.context else ""))
    return out


def _plain_entry(view, i: int, style: str) -> str:
    """One entry for a long ``show`` (over SHOW_PANELS keys): what the panel shows, as plain
    lines without a frame, colour or wrapping (Rich's panels cost ~1.5 ms an entry)."""
    # lazy: not needed by `annobib --help`
    from annobib.archive.state import link_text
    from annobib.text import latex_to_text

    entry = view.entry(i)
    out = [safe(f"{entry.key}  @{entry.type}  {entry.source}:{entry.line}")]
    rows = _field_rows(entry)
    width = max((len(name) for name, _, _ in rows if name), default=0)
    for name, shown, raw in rows:
        out.append(f"  {(name or '…').ljust(width)}  {shown}" + (f"  ({raw})" if raw is not None else ""))
    link_line = link_text(entry)
    if link_line is not None:
        out.append("  " + safe(link_line.plain))
    ref = formatted_reference(entry, style, "text")
    if isinstance(ref, str):
        out.append("  Reference: " + safe(_cut(ref)))
    cites = _citing_lines(entry)
    if cites:
        out.append(f"  Cited {len(cites)} time{'s' if len(cites) != 1 else ''}:")
        out.extend(f"    {where}" + (f"  {context}" if context else "") for where, context in cites)
    note = next((entry.fields[f] for f in ANNOTATION_FIELDS if entry.fields.get(f)), None)
    if note:
        out.append("  Annotation: " + safe(_cut(latex_to_text(note))))
    return "\n".join(out) + "\n"


def _print_entry(con, view, i: int, style: str) -> None:
    # lazy: loads rich only when this runs; not needed by `annobib --help`
    from rich.console import Group
    from rich.text import Text

    from annobib.render.frame import Framed
    from annobib.render.wrap import Rows, Wrapped
    from annobib.text import latex_to_text

    entry = view.entry(i)
    rows: list = []
    for name, shown, raw in _field_rows(entry):
        if name is None:
            rows.append(("…", Text(shown, style="dim")))
            continue
        cell = Text(shown)
        if raw is not None:
            cell.append("  " + raw, style="dim")
        rows.append((name, cell))
    parts: list = [Rows(rows)]  # a Rich Table is slow with thousands of fields
    from annobib.archive.state import link_text

    link_line = link_text(entry)  # link check and archive status (state file; no network)
    if link_line is not None:
        parts.append(link_line)
    ref = formatted_reference(entry, style)
    if ref is not None:
        parts.append(Text(""))
        parts.append(Text("Reference", style="bold underline"))
        if isinstance(ref, str):
            ref = Text(safe(_cut(ref)))
        elif safe(ref.plain) != ref.plain or len(ref.plain) > SHOW_MAX:
            ref = Text(safe(_cut(ref.plain)))  # control characters in a field: shown, never obeyed
        parts.append(Wrapped(ref))
    cites = _citing_lines(entry)
    if cites:
        parts.append(Text(""))
        parts.append(Text(f"Cited {len(cites)} time{'s' if len(cites) != 1 else ''}", style="bold underline"))
        for where, context in cites:
            line = Text(where, style="cyan")
            if context:
                line.append("  ")
                line.append(context)
            parts.append(Wrapped(line))
    note = next((entry.fields[f] for f in ANNOTATION_FIELDS if entry.fields.get(f)), None)
    if note:
        parts.append(Text(""))
        parts.append(Text("Annotation", style="bold underline"))
        parts.append(Wrapped(Text(safe(_cut(latex_to_text(note))))))
    title = Text(safe(entry.key), style="bold cyan")
    title.append(f"  @{safe(entry.type)}", style="dim")
    subtitle = Text(safe(f"{entry.source}:{entry.line}"), style="dim")
    con.print(Framed(Group(*parts), title, subtitle))
