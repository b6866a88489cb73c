"""``annobib format`` (reference lists) and ``annobib cite`` (in-text citations)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from annobib.commands._common import (
    STYLE_CHOICES,
    bibliography_paths,
    complete_keys,
    console,
    emit_json,
    load_bibliography,
    no_entries,
    report_problems,
    warn,
)
from annobib.core.files import atomic_write_bytes, locked, output_target, write_output
from annobib.core.inputs import decode_utf8
from annobib.core.sanitize import terminal
from annobib.errors import InputError, read_input_bytes
from annobib.perf import paused_gc

TO_CHOICES = ["terminal", "text", "md", "html", "latex", "docx"]
EXTENSIONS = {
    ".docx": "docx",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".tex": "latex",
    ".txt": "text",
}


def style_options(f):
    f = click.option(
        "--style",
        type=click.Choice(STYLE_CHOICES),
        default="gbt7714",
        show_default=True,
        help="GB/T 7714, APA 7, Chinese journal notes (cn-notes) or Chicago 17.",
    )(f)
    f = click.option(
        "--edition",
        type=click.Choice(["2025", "2015"]),
        default=None,
        help="GB/T 7714 edition (default 2025, or [format] edition; other styles ignore a configured one).",
    )(f)
    f = click.option(
        "--system",
        type=click.Choice(["numeric", "author-date", "notes", "bibliography"]),
        default="numeric",
        show_default=True,
        help="GB/T: numeric or author-date (APA is always author-date); "
        "chicago: notes (numeric's meaning there) or bibliography; cn-notes: notes.",
    )(f)
    return f


GBT_SYSTEMS = ("numeric", "author-date")


def _typed(ctx, name: str) -> bool:
    """True when the user typed ``--name`` (not a config or ``ANNOBIB_…`` default)."""
    return ctx.get_parameter_source(name) is click.core.ParameterSource.COMMANDLINE


def style_choice(ctx, style: str, edition, system):
    """(edition, system) for ``style``: a config or environment default that does not apply to
    the chosen style is ignored (``[format] edition`` means nothing to APA); only a typed option
    that conflicts is a usage error, one line, exit 2."""
    if edition and style != "gbt7714":
        if _typed(ctx, "edition"):
            raise click.UsageError(f"--edition applies to --style gbt7714 only (not {style})")
        edition = None
    if style in ("cn-notes", "chicago") and system in GBT_SYSTEMS and not _typed(ctx, "system"):
        system = "numeric"  # as with no config: the note style's own default (notes)
    return edition, system


def _entries(ctx, need_view: bool = False):
    """(search view or None, entries in file order, exit code for parse problems).

    Formatting needs the entries only; the cached search view (with its pinyin haystacks) is
    built only when a --query must be matched."""
    if need_view:
        view = load_bibliography(ctx)
        code = report_problems(view.problems)
        return view, [view.entry(i) for i in range(len(view))], code
    # lazy: not needed by `annobib --help`
    from annobib.bib import read_library
    from annobib.lookup.view import PARSE_CACHE

    entries, problems = [], []
    for path in bibliography_paths(ctx):
        lib = read_library(path, store=PARSE_CACHE)
        entries.extend(lib.entries)
        problems.extend(f"{path}:{p.line}: {p.message}" for p in lib.problems)
    if not entries and not problems:
        raise no_entries(bibliography_paths(ctx))
    return None, entries, report_problems(problems)


def by_alias(entries, keys) -> list[str]:
    """``keys`` with an alias (an ``ids`` key, as ``import --merge`` keeps them) read as the
    entry's own key, so a ``\\cite{}`` written against another library still finds the entry."""
    known = {e.key for e in entries}
    if all(k in known for k in keys):
        return list(keys)
    alias = {a: e.key for e in entries for a in e.aliases}
    return [k if k in known else alias.get(k, k) for k in keys]


def _select(view, entries, keys, query):
    if keys:
        keys = by_alias(entries, keys)
        index = {e.key: e for e in entries}
        missing = [k for k in keys if k not in index]
        if missing:
            raise InputError(f"no entry with key {', '.join(missing)}")
        wanted = set(keys)
        return [e for e in entries if e.key in wanted]
    if query:
        # lazy: not needed by `annobib --help`
        from annobib.lookup import query as q

        parsed = q.parse(query)
        for w in parsed.warnings:
            warn(w)
        if not parsed:
            raise click.UsageError("the query is empty")
        hits = {i for i, _ in q.run(parsed, view.hays)}
        return [e for i, e in enumerate(entries) if i in hits]
    return entries


def _manuscript(path: str, entries: list):
    """The entries the paper at ``path`` cites, warning once per key it cannot find (exit code 1 then:
    the list is printed, but a paper citing a missing key is a finding)."""
    # lazy: not needed by `annobib --help`
    from annobib.manuscript import read_paper
    from annobib.manuscript.cited import cited_entries

    cited = cited_entries(read_paper(path), entries)
    # a paper citing 20,000 unknown keys gets MISSING_SHOWN lines and a count, not 20,000 lines
    for key, lines in list(cited.missing.items())[:MISSING_SHOWN]:
        where = ", ".join(str(n) for n in dict.fromkeys(lines) if n) or ""  # each line once
        warn(f"{path}{':' + where if where else ''}: no entry with key {key}")
    if len(cited.missing) > MISSING_SHOWN:
        warn(f"{path}: {len(cited.missing) - MISSING_SHOWN} more keys with no entry")
    return cited, 1 if cited.missing else 0


MISSING_SHOWN = 20


def _dead_keys(entries) -> set[str]:
    """Keys whose URL the last link check found dead (from the archive state file)."""
    try:
        # optional: the caller copes without annobib.archive.state
        from annobib.archive.state import link_status, load_state
    except ImportError:
        return set()
    dead = set()
    states = {}
    for e in entries:
        src = e.source
        if src not in states:
            states[src] = load_state(src) if src else None
        try:
            if link_status(e, states[src]).get("link") == "dead":
                dead.add(e.key)
        except Exception:  # noqa: BLE001 - a broken state file must not stop formatting
            continue
        if (e.get("urlstatus") or "").strip().lower() == "dead":
            dead.add(e.key)
    return dead


def _annotation(entry, context: bool):
    # lazy: not needed by `annobib --help`
    from annobib.render.richtext import RichText
    from annobib.styles._fields import decode

    note = entry.get("annote")
    if note and note.strip():
        paras = [decode(p) for p in note.replace("\r", "").split("\n\n") if p.strip()]
        return RichText("\n\n".join(paras))
    if context:
        sentences = []
        for c in entry.citations:
            if c.context and c.context not in sentences:
                sentences.append(c.context)
        if sentences:
            return RichText("\n\n".join(sentences))
    return None


PROPER_NOUNS_MAX = 4 << 20  # a word list; a larger file is refused unread


@click.command("format")
@click.argument("keys", nargs=-1, shell_complete=complete_keys)
@click.option("-q", "--query", help="Only the entries matching this search (same language as `annobib search`).")
@style_options
@click.option(
    "--to",
    "to",
    type=click.Choice(TO_CHOICES),
    default=None,
    help="Output: the terminal (default), plain text, Markdown, HTML, LaTeX, or Word (.docx, needs pandoc).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    help="Write to FILE (atomically) instead of stdout (- is stdout).",
)
@click.option(
    "--order",
    type=click.Choice(["auto", "file", "sorted"]),
    default="auto",
    show_default=True,
    help="auto: numeric lists by first citation (else file order), author-date/APA sorted.",
)
@click.option("--annotated", is_flag=True, help="Each reference followed by its annotation (annote).")
@click.option(
    "--context",
    is_flag=True,
    help="Annotated list where entries without an annotation show the article's citing sentence.",
)
@click.option(
    "--archived",
    type=click.Choice(["off", "after", "dead"]),
    default="off",
    show_default=True,
    help="Web Archive snapshots (archiveurl): after the original URL, or in place of a dead one.",
)
@click.option(
    "--proper-nouns",
    "proper_nouns",
    type=click.Path(exists=True, dir_okay=False),
    help="Extra words sentence case must not lowercase (one per line), besides the built-in list.",
)
@click.option(
    "-m",
    "--manuscript",
    type=click.Path(dir_okay=False),
    help="Only the entries PAPER cites (Markdown [@key], LaTeX \\cite{}, .docx Zotero fields), numbered from 1.",
)
@click.option("--json", "as_json", is_flag=True, help="JSON: key, label, text, citation, warnings.")
@click.option("-v", "--verbose", is_flag=True, help="Show every romanization warning (APA).")
@click.pass_context
def format_command(
    ctx,
    keys,
    query,
    style,
    edition,
    system,
    to,
    output,
    order,
    annotated,
    context,
    archived,
    proper_nouns,
    manuscript,
    as_json,
    verbose,
):
    """Format a reference list: GB/T 7714 (2025 or 2015), APA 7, cn-notes or Chicago 17.

    \b
    annobib format                                  GB/T 7714-2025, numeric, all entries
    annobib format --edition 2015 --system author-date
    annobib format --style apa --to md -o refs.md
    annobib format -q "year:2025 lang:zh" --annotated --context
    annobib format --manuscript paper.md            only what paper.md cites, numbered from 1
    """
    edition, system = style_choice(ctx, style, edition, system)
    if manuscript and (keys or query):
        raise click.UsageError("--manuscript chooses the entries itself: give no KEY or --query with it")
    args = (ctx, keys, query, style, edition, system, to, output, order, annotated, context, archived, as_json)
    args += (verbose, manuscript)
    if proper_nouns:
        # lazy: not needed by `annobib --help`
        from annobib.styles.casing import add_proper_nouns, reset_proper_nouns

        # refuses a FIFO nothing writes to and /dev/zero (they hung), caps the size, one line
        data = read_input_bytes(proper_nouns, "a word list", limit=PROPER_NOUNS_MAX)
        add_proper_nouns(decode_utf8(data, proper_nouns).splitlines())
        try:
            return _format(*args)
        finally:
            reset_proper_nouns()
    return _format(*args)


def _nothing(as_json: bool, why: str, code: int) -> None:
    """Nothing to format: ``[]`` for --json, else why on stderr; exit ``code`` (never below 0)."""
    if as_json:
        emit_json([])
    else:
        warn(why)
    sys.exit(max(code, 0))


# a bulk job (see perf.paused_gc): a paper of 120,000 citations makes a Cite, a note, a
# Reference and a list item for each, all alive to the end; the collector walked them again
# and again (a fifth of the run) and frees nothing here
@paused_gc()
def _format(
    ctx,
    keys,
    query,
    style,
    edition,
    system,
    to,
    output,
    order,
    annotated,
    context,
    archived,
    as_json,
    verbose,
    paper=None,
):
    if output == "-":  # standard output, as for extract: never a file named "-"
        output = None
    # lazy: not needed by `annobib --help`
    from annobib.render import ListItem, render, render_document
    from annobib.styles import format_bibliography

    annotated = annotated or context  # --context alone means an annotated list
    view, entries, code = _entries(ctx, need_view=bool(query))
    if paper:
        cited, missing_code = _manuscript(paper, entries)
        chosen, code = cited.entries, max(code, missing_code)
    else:
        chosen = _select(view, entries, list(keys), query)
    if not chosen:
        _nothing(as_json, "no entries to format", 1 if (keys or query) else code)
    dead = _dead_keys(chosen) if archived != "off" else set()
    if paper:
        from annobib.manuscript.cited import reference_list
        from annobib.manuscript.notes import is_note_style, manuscript_notes

        if is_note_style(style, system):  # the paper's footnotes, one per citation, as the filter writes them
            refs = manuscript_notes(cited, entries, style)
            if not refs:  # only \nocite / nocite: works listed, but no citation makes a footnote
                _nothing(as_json, f"{paper}: no citation in the text, so no footnotes (nocite makes none)", code)
        else:
            refs = reference_list(cited, entries, style, edition, system, order=order, archived=archived, dead=dead)
    else:
        refs = format_bibliography(
            chosen,
            style,
            edition,
            system,
            order=order,
            archived=archived,
            dead=dead,
            universe=entries if len(chosen) != len(entries) else None,
        )
    warnings = [w for r in refs for w in r.warnings]
    if warnings:
        if verbose:
            for w in warnings:
                warn(w)
        else:
            n = len({r.key for r in refs if r.warnings})
            if style == "apa":
                warn(
                    f"{n} entr{'y uses' if n == 1 else 'ies use'} suggested romanizations or "
                    f"lack{'s' if n == 1 else ''} a translation "
                    f"(see annobib format -v; set title_romanized / title_translation / author_romanized)"
                )
            else:
                warn(
                    f"{n} entr{'y lacks' if n == 1 else 'ies lack'} an element the standard requires "
                    f"(see annobib format -v; e.g. urldate for online items)"
                )
    hanging = refs[0].label is None
    if as_json:
        emit_json(
            [
                {
                    "key": r.key,
                    "label": r.label,
                    "citation": r.citation,
                    "text": render(r.text, "text"),
                    "annotation": (render(a, "text") if (a := _annotation(r.entry, context)) else None)
                    if annotated
                    else None,
                    "warnings": r.warnings,
                }
                for r in refs
            ]
        )
        return
    items = [
        ListItem(r.text, r.label, _annotation(r.entry, context) if annotated else None, r.key, r.text.lang)
        for r in refs
    ]
    backend = to or (EXTENSIONS.get(Path(output).suffix.lower(), "text") if output else "terminal")
    if backend == "terminal" and (output or not sys.stdout.isatty()):
        backend = "text"  # piped: plain lines, no padding
    if backend == "terminal":
        con = console(ctx)
        for renderable in render_document(items, "terminal", hanging=hanging):
            con.print(renderable)  # lines broken by annobib.render.wrap, never mid-word
    elif backend == "docx":
        _write_docx(refs, output)
    else:
        doc = render_document(items, backend, hanging=hanging)
        if output:
            write_output(Path(output), doc)
        else:
            click.echo(doc, nl=False)
    if code:
        sys.exit(code)


def _write_docx(refs, output) -> None:
    """A Word file through pandoc (from its JSON AST, so italics and links are exact)."""
    # lazy: not needed by `annobib --help`
    from annobib.manuscript.pandoc import to_docx

    if not output:
        raise click.UsageError("--to docx writes a file: give -o FILE.docx")

    data = to_docx(refs)  # pandoc runs first: nothing is written when it is missing or fails
    output_target(Path(output))
    with locked(output):
        atomic_write_bytes(output, data)


@click.command("cite")
@click.argument("keys", nargs=-1, required=True, shell_complete=complete_keys)
@style_options
@click.option(
    "--at",
    "at",
    multiple=True,
    metavar="LOCATOR",
    help="Page or other locator of the Nth KEY (repeat in KEY order): 25, 25-27, 'chap. 3'.",
)
@click.option(
    "-m",
    "--manuscript",
    type=click.Path(dir_okay=False),
    help="Number and letter as in PAPER's own list (else as in the whole bibliography's).",
)
@click.option("--json", "as_json", is_flag=True, help="JSON: citation, its parts (superscript flags), keys.")
@click.pass_context
def cite(ctx, keys, style, edition, system, at, manuscript, as_json):
    """One combined in-text citation of KEY…: [3, 5-7], （刘琳，2025；Morrow，1991）, (Liu, 2025; Morrow, 1991).

    \b
    annobib cite liu2025meifei --at 25            [8]25 (GB/T: the page raised after the bracket)
    annobib cite --style apa morrow1991alliances --at 25    (Morrow, 1991, p. 25)
    annobib cite --style cn-notes liu2025meifei --at 25   the footnote: 刘琳：《…》，…，第 25 页。

    Numbers and 2025a/2025b letters are those of the whole bibliography's list, or of PAPER's
    list with --manuscript. APA orders the works as its list does (APA 7, 8.12); GB/T keeps yours.
    """
    # lazy: not needed by `annobib --help`
    from annobib.manuscript import Cite
    from annobib.manuscript.cited import combine
    from annobib.styles import style_module

    edition, system = style_choice(ctx, style, edition, system)
    if len(at) > len(keys):
        raise click.UsageError(f"{len(at)} --at locators for {len(keys)} key(s): give one per KEY, in order")
    view, entries, code = _entries(ctx)
    index = {e.key for e in entries}
    own = dict(zip(keys, by_alias(entries, keys)))  # the key asked for -> the entry's key
    missing = [k for k in keys if own[k] not in index]
    if missing:
        raise InputError(f"no entry with key {', '.join(missing)}")
    keys = tuple(own[k] for k in keys)  # an alias in ids (a Better BibTeX key) cites its entry
    if manuscript:
        from annobib.manuscript.cited import reference_list

        cited, _missing_code = _manuscript(manuscript, entries)
        listed = {e.key for e in cited.entries}
        absent = [k for k in keys if k not in listed]
        if absent:
            raise InputError(f"{manuscript} does not cite {', '.join(absent)}")
        refs = {r.key: r for r in reference_list(cited, entries, style, edition, system)}
    elif system == "numeric" and not getattr(style_module(style), "AUTHOR_DATE_ONLY", False):
        from annobib.manuscript.cited import numbered

        refs = numbered(entries)  # numbers need the citation order only
    else:
        from annobib.styles import format_bibliography

        # every entry's sort and group keys, but only the cited ones formatted
        refs = {r.key: r for r in format_bibliography(entries, style, edition, system, only=set(keys))}
    group = [Cite(k, (at[i].strip() or None) if i < len(at) else None) for i, k in enumerate(keys)]
    from annobib.manuscript.notes import cite_note, is_note_style

    result = cite_note(entries, group, style) if is_note_style(style, system) else combine(refs, group, style)
    if as_json:
        emit_json(
            {
                "citation": result.text,
                "keys": list(keys),
                "parts": [{"text": t, "superscript": sup} for t, sup in result.parts],
            }
        )
    else:
        click.echo(terminal(result.text))
    if code:
        sys.exit(code)
