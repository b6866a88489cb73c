"""Structure rules that need the file's text, not only the parsed entries: a '@' in a '%'
comment line (BibTeX reads an entry there) and a bare word that names no @string macro.

The runner calls :func:`text_oddities` once per run (``ctx.state["text_oddities"]``); the
rules only read that. One regex pass over each file's text, so it stays linear.
"""

from __future__ import annotations

import bisect
import re

from annobib.checks.base import rule
from annobib.core.months import MONTH_MACROS

# led by '=' so that the scan for it runs in C; the field name is read backwards from there
_BARE_VALUE = re.compile(r"=[ \t]*([A-Za-z][\w:+.\-]*)[ \t]*(?=[,})\n]|$)", re.M)
_NAME_BEFORE = re.compile(r"([A-Za-z][\w:+.\-]*)[ \t]*$")


_PERCENT_AT = re.compile(
    r"%[^\n@%]*@"
)  # [^%]: each scan stops at the next %, so linear; led by the literal '%': is there a '%' line with an '@' at all?
_MONTHS = frozenset(MONTH_MACROS)  # BibTeX's own macros


def text_oddities(libraries) -> dict:
    """{"comment_at": {id(entry): entry}, "macros": {id(entry): (entry, [(field, word)])}}:
    entries BibTeX reads out of a '%' comment line (no fields, on a line starting with '%'), and
    fields whose value is a bare word no @string defines (the parser keeps the word itself)."""
    comment_at: dict[int, object] = {}
    commented_blocks: list = []  # (source, line, key): a commented-out entry that does not even parse
    macros: dict[int, tuple] = {}
    for lib in libraries:
        text = getattr(lib, "original_text", None)
        if not text or not _has_blocks(lib, ("entry", "failed")):
            continue
        percent = _PERCENT_AT.search(text)
        defined = {k.lower() for k in (getattr(lib, "strings", None) or {})} | _MONTHS
        found = [m for m in _BARE_VALUE.finditer(text) if m.group(1).lower() not in defined]
        # the entries are built only when the text holds what they are needed for (a large
        # --fix builds each half's in its own process)
        entries = lib.entries if percent or found else []
        if percent:
            # an entry (with fields or not) or a failed block whose '@' sits on a '%' line: a
            # commented-out entry, which BibTeX and biber still read
            starts = [0] + [m.end() for m in re.finditer("\n", text)]

            def on_comment_line(n: int) -> bool:
                if not 0 < n <= len(starts):
                    return False
                a = starts[n - 1]
                end = text.find("\n", a)
                line = text[a : end if end >= 0 else len(text)]
                return line.lstrip().startswith("%") and "@" in line

            for e in entries:
                if e.line and on_comment_line(e.line):
                    comment_at[id(e)] = e
            for b in getattr(lib, "blocks", ()):
                if b.kind == "failed" and on_comment_line(b.line):
                    m = re.search(r"@\s*\w+\s*[{(]\s*([^,\s{}()]*)", b.raw)
                    commented_blocks.append((str(lib.path) if lib.path else None, b.line, m.group(1) if m else None))
        if not found:
            continue
        lines = [e.line or 0 for e in entries]  # entries in file order
        line, at = 1, 0
        for m in found:
            line += text.count("\n", at, m.start())
            at = m.start()
            nm = _NAME_BEFORE.search(text, max(0, at - 64), at)
            if nm is None:
                continue
            name, word = nm.group(1).lower(), m.group(1)
            i = bisect.bisect_right(lines, line) - 1
            if i < 0:
                continue
            e = entries[i]
            if e.fields.get(name) == word:
                macros.setdefault(id(e), (e, []))[1].append((name, word))
    return {
        "comment_at": comment_at,
        "commented_blocks": commented_blocks,
        "macros": macros,
        "stray": _stray_at_lines(libraries),
    }


def _has_blocks(lib, kinds: tuple[str, ...]) -> bool:
    blocks = getattr(lib, "blocks", None)
    if blocks is None:
        return bool(lib.entries)
    return any(b.kind in kinds for b in blocks)


# led by the literal '@' (a fast scan); whether it starts its line is checked after
_STRAY_AT = re.compile(r"@(?![ \t]*[A-Za-z]+[ \t]*[{(])[^\n]*")


def _depth(text: str, a: int, b: int) -> int:
    d = 0
    for m in re.finditer(r"\\[{}]|[{}]", text[a:b]):
        t = m.group(0)
        d += 1 if t == "{" else -1 if t == "}" else 0
    return d


def _stray_at_lines(libraries) -> list:
    """[(entry before it, line, text)]: lines that start with '@' but no '@type{' head, outside any
    entry's braces (BibTeX reads an entry from there and fails; the parser skipped them)."""
    out = []
    for lib in libraries:
        text = getattr(lib, "original_text", None)
        if not text or "@" not in text:
            continue
        found = [
            m for m in _STRAY_AT.finditer(text) if not text[text.rfind("\n", 0, m.start()) + 1 : m.start()].strip(" \t")
        ]
        if not found:
            continue
        entries = lib.entries
        lines = [e.line or 0 for e in entries]
        line, at = 1, 0
        # one walk forward: the lines and the stray lines come in file order, so the brace depth
        # of an entry is carried on from its last stray line, never counted again from its start
        owner, depth, depth_at = -1, 0, 0
        start_line, start = 1, 0
        for m in found:
            line += text.count("\n", at, m.start())
            at = m.start()
            i = bisect.bisect_right(lines, line) - 1
            if i < 0:
                continue
            if i != owner:
                owner, depth = i, 0
                while start_line < (entries[i].line or 1):  # the entry's first character
                    start = text.index("\n", start) + 1
                    start_line += 1
                depth_at = start
            depth += _depth(text, depth_at, at)
            depth_at = at
            if depth <= 0:
                out.append((entries[i], line, m.group(0).strip()))
    return out


@rule(
    "W110",
    "comment-with-at",
    "structure",
    "A '%' line with an '@' in it, between entries: '%' is no comment there for BibTeX, which "
    "reads an entry from the '@' on (and biber warns). Take the '@' out, or use @comment{…}. "
    "The other rules leave such a phantom entry alone.",
    scope="library",
    bad="% C01 @article (journal article) without journal",
    good="% C01 article (journal article) without journal",
)
def comment_with_at(R, corpus, ctx):
    odd = ctx.state.get("text_oddities") or {}
    out = [
        R.finding(
            e,
            None,
            f"a '@' in a '%' comment line starts an entry for BibTeX (@{e.type}, read as key "
            f"'{e.key}'); this looks like a comment: remove the '@' or use @comment{{…}}",
        )
        for e in odd.get("comment_at", {}).values()
    ]
    for source, line, key in odd.get("commented_blocks", ()):
        f = R.finding(
            None,
            None,
            "a commented-out entry: '%' is no comment between entries, BibTeX still reads "
            "it from the '@' on (and fails); wrap it in @comment{…} or remove the '@'",
        )
        f.key, f.line, f.source = key, line, source
        out.append(f)
    return out


@rule(
    "W111",
    "undefined-macro",
    "structure",
    "A field whose value is a bare word that no @string defines (journal = jots): BibTeX warns "
    "and leaves the field empty. Define it (@string{jots = {…}}) or brace the value.",
    scope="library",
    bad="journal = jots,",
    good="@string{jots = {Journal of Theoretical Politics}} … journal = jots,",
)
def undefined_macro(R, corpus, ctx):
    odd = ctx.state.get("text_oddities") or {}
    out = []
    for e, pairs in odd.get("macros", {}).values():
        for name, word in pairs:
            out.append(
                R.finding(
                    e,
                    name,
                    f"{name} = {word}: no @string defines '{word}', so BibTeX leaves {name} empty; "
                    f"define @string{{{word} = {{…}}}} or write {name} = {{…}}",
                )
            )
    return out


def phantom_ids(ctx) -> set:
    """Entries read out of a comment line: W110 speaks for them, no other rule does."""
    odd = ctx.state.get("text_oddities") or {}
    return set(odd.get("comment_at", ()))


@rule(
    "W112",
    "stray-at-line",
    "structure",
    "A line between entries that starts with '@' but is no entry (no '@type{key,'): BibTeX tries to "
    "read an entry there and complains; annobib skips it. Delete it or make it a comment without '@'.",
    scope="library",
    bad="@ journal of something broken here",
    good="% journal of something broken here",
)
def stray_at_line(R, corpus, ctx):
    odd = ctx.state.get("text_oddities") or {}
    out = []
    for e, line, text in odd.get("stray", ()):
        f = R.finding(
            e,
            None,
            f"after this entry, line {line} starts with '@' but is no entry ({text[:40]!r}); "
            f"BibTeX tries to read an entry there: delete it or drop the '@'",
        )
        f.line = line
        out.append(f)
    return out
