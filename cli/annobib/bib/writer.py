"""Writing a Library back: untouched blocks verbatim, edited entries spliced, atomically.

An edited entry keeps its text: only the changed field's value is replaced (in the delimiters
it was written with), removed fields lose their line, new fields are appended in the entry's
own indentation and ``=`` alignment. A one-field edit is a one-line diff.
"""

from __future__ import annotations

import os
import re
import warnings
from pathlib import Path

from annobib.bib.diff import library_diff, unified_diff  # noqa: F401  (unified_diff re-exported)
from annobib.bib.latex import escape_specials, unescape_specials
from annobib.bib.library import Block, Library, Stamp, file_stamp, is_modified
from annobib.bib.parse import PLAIN_KEY, parse_chunks
from annobib.bib.spans import EntrySpans, FieldSpan, scan_entry  # noqa: F401  (re-exported)
from annobib.bib.values import braces_balanced, entry_from_record, value_style
from annobib.core import files, fork, journal
from annobib.errors import ConflictError, InputError, Notice, os_reason
from annobib.model import Entry


# A line of a value that begins like a block (`@misc{`, `@dril (`) would end the entry there:
# bibtexparser (like BibTeX's error recovery) starts a new block at such a line.
_LINE_BLOCK_START = re.compile(r"(^|\n)([ \t]*)@(?=\w*[ \t]*[{(])")
_MARK_BRACE = re.compile(r"(?<!\\)[{}]")  # a brace as bibtexparser counts it


def _safe_text(value: str) -> str:
    """The value with what would end its field early made harmless: a line starting like an
    entry gets its ``@`` braced (``{@}``, which TeX prints as ``@``), and a trailing backslash
    (it would escape the closing delimiter) is followed by a space."""
    if "@" in value:
        value = _LINE_BLOCK_START.sub(r"\1\2{@}", value)
    if value.endswith("\\"):
        value += " "
    return value


def _marks_balanced(value: str) -> bool:
    """Braces balance as bibtexparser counts them (a brace right after a backslash is text)."""
    depth = 0
    for m in _MARK_BRACE.finditer(value):
        depth += 1 if m.group() == "{" else -1
        if depth < 0:
            return False
    return depth == 0


def _braced(value: str, name: str = "") -> str:
    """``{value}``: LaTeX's specials escaped (see :mod:`annobib.bib.latex`), unbalanced braces
    escaped so the file stays parseable."""
    value = _safe_text(value)
    # most values hold no brace: no count to make (a third of splicing 50,000 fixed entries)
    if ("{" in value or "}" in value) and not (braces_balanced(value) and _marks_balanced(value)):
        value = re.sub(r"(?<!\\)([{}])", r"\\\1", value)
    # after the braces: a link whose braces had to be escaped is no link, its specials are text
    return "{" + escape_specials(value, name) + "}"


def format_value(value: str, style: str = "braces", name: str = "") -> str:
    """A value written the way the field was written before when that is safe."""
    if style == "number" and value.isdigit():
        return value
    value = escape_specials(value, name)
    if (
        style == "quotes"
        and '"' not in value
        and _balanced(value)
        and _marks_balanced(value)
        and _safe_text(value) == value
    ):
        return '"' + value + '"'
    return _braced(value, name)


def _balanced(value: str) -> bool:
    depth = 0
    for ch in value.replace("\\{", "").replace("\\}", ""):
        depth += ch == "{"
        depth -= ch == "}"
        if depth < 0:
            return False
    return depth == 0


def serialize_entry(entry: Entry, indent: str = "  ") -> str:
    width = max((len(k) for k in entry.fields), default=0)
    lines = [f"@{entry.type}{{{entry.key},"]
    for name, value in entry.fields.items():
        if value is None:
            continue
        lines.append(f"{indent}{name.ljust(width)} = {_braced(str(value), name)},")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _line_start(raw: str, pos: int) -> int:
    """Where the line holding ``pos`` begins (LF, CRLF or old-Mac CR line ends)."""
    return max(raw.rfind("\n", 0, pos), raw.rfind("\r", 0, pos)) + 1


def splice_entry(block: Block) -> str | None:
    """The block's text with only what changed in its entry rewritten (None if it cannot be
    located, or has no snapshot as read: then the caller re-serializes the entry)."""
    raw = block.raw
    spans = scan_entry(raw)
    if spans is None or block.snapshot is None:
        return None
    entry = _edited_entry(block)
    old_type, old_key, old_names, old_values = block.snapshot
    old = dict(zip(old_names, old_values))
    new = {k: v for k, v in entry.fields.items() if v is not None}
    nl = "\r\n" if "\r\n" in raw else "\r" if "\r" in raw and "\n" not in raw else "\n"
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement)
    by_name: dict[str, FieldSpan] = {}
    for f in spans.fields:
        by_name.setdefault(f.name.lower(), f)
    if entry.type != old_type:
        edits.append((spans.type_start, spans.type_end, entry.type))
    if entry.key != old_key:
        edits.append((spans.key_start, spans.key_end, entry.key))
    # a removed field loses every copy of it (a duplicate would otherwise become its value)
    removed = [f for f in spans.fields if f.name.lower() in old and f.name.lower() not in new]
    gone = {id(f) for f in removed}  # by identity: comparing spans field by field cost more
    kept = [f for f in spans.fields if id(f) not in gone]
    edits += _removal_edits(raw, removed, kept, nl)
    for name, span in by_name.items():
        if name in old and name in new and new[name] != old[name]:
            style = value_style(raw[span.value_start : span.value_end])
            edits.append((span.value_start, span.value_end, format_value(new[name], style, name)))
    added = [k for k in new if k not in by_name]
    if added:
        edits += _addition_edits(raw, spans, new, added, nl)
    return _applied(raw, edits)


def _removal_edits(raw: str, removed: list[FieldSpan], kept: list[FieldSpan], nl: str) -> list[tuple[int, int, str]]:
    """The edits that take ``removed`` fields out of an entry's text (``kept``: the others)."""
    edits: list[tuple[int, int, str]] = []
    for span in removed:
        # remove the field: its whole line when it stands alone on it (only spaces before it
        # on its line: found walking back over them, not by slicing from the line start, which
        # made removing many fields of a one-line entry quadratic)
        ls = span.name_start
        while ls > 0 and raw[ls - 1] not in "\n\r" and raw[ls - 1].isspace():
            ls -= 1
        alone = ls == 0 or raw[ls - 1] in "\n\r"
        end = (span.comma + 1) if span.comma is not None else span.value_end
        le = end
        while le < len(raw) and raw[le] in " \t":
            le += 1
        if alone and raw.startswith(nl, le):
            edits.append((ls, le + len(nl), ""))
        elif alone and span.comma is None:
            # last field without a trailing comma: drop the comma before it instead
            prev = [f for f in kept if f.name_start < span.name_start]
            if prev and prev[-1].comma is not None:
                edits.append((prev[-1].comma, end, ""))
            else:
                edits.append((span.name_start, end, ""))
        else:
            edits.append((span.name_start, end, ""))
    return edits


def _addition_edits(
    raw: str, spans: EntrySpans, new: dict[str, str], added: list[str], nl: str
) -> list[tuple[int, int, str]]:
    """The edits that add the ``added`` fields after the last one, written as the entry writes
    its fields (indent, ``=`` column, spaces, trailing comma)."""
    edits: list[tuple[int, int, str]] = []
    last = spans.fields[-1] if spans.fields else None
    if last is not None:
        ls = _line_start(raw, last.name_start)
        indent = raw[ls : last.name_start] if raw[ls : last.name_start].strip() == "" else "  "
        gap = raw[last.name_end : last.value_start]  # e.g. " = " or "     = "
        eq_at = gap.find("=")
        col = len(last.name) + eq_at if eq_at >= 0 else 0
        after_eq = gap[eq_at + 1 :] if eq_at >= 0 else " "
        before_eq = gap[:eq_at] if eq_at >= 0 else " "
        trailing = last.comma is not None
        # `=` in one column across the entry (JabRef, Zotero …): a new field lines up too,
        # even when the last field has the longest name (no padding of its own)
        cols = set()
        for f in spans.fields:
            g = raw[f.name_end : f.value_start]
            cols.add(len(f.name) + g.find("=") if "\n" not in g and "=" in g and "\t" not in g else -1)
        aligned = (
            len({len(f.name) for f in spans.fields}) > 1  # names of different lengths, one `=` column
            and cols == {col}
            and col > 0
            and before_eq.strip(" ") == ""
        )
        text = ""
        for i, name in enumerate(added):
            if aligned:
                pad = name.ljust(col) if col > len(name) else name + " "
            elif eq_at >= 0 and "\n" not in gap and "\t" not in gap and gap.strip(" ") == "=" and len(before_eq) <= 1:
                pad = name + before_eq  # `name={…}` or `name = {…}`, as the entry writes them
            else:
                pad = (
                    name.ljust(col)
                    if before_eq.strip(" ") == "" and len(before_eq) > 1 and col > len(name)
                    else name + (before_eq if before_eq and "\n" not in before_eq else " ")
                )
            if not pad.endswith(" ") and before_eq.endswith(" "):
                pad += " "
            if eq_at >= 0 and "\n" not in after_eq and after_eq.strip(" \t") == "":
                sep = "=" + after_eq  # also `={…}` with no space
            else:
                sep = "= "
            is_last = i == len(added) - 1
            text += nl + indent + pad + sep + _braced(new[name], name) + ("," if (not is_last or trailing) else "")
        if trailing:
            edits.append((last.comma + 1, last.comma + 1, text))
        else:
            edits.append((last.value_end, last.value_end, "," + text))
    else:
        text = "".join(f"{nl}  {name} = {_braced(new[name], name)}," for name in added)
        if spans.key_comma is not None:
            edits.append((spans.key_comma + 1, spans.key_comma + 1, text))
        else:
            edits.append((spans.key_end, spans.key_end, "," + text))
        if raw[spans.close - 1] != "\n":
            edits.append((spans.close, spans.close, nl))
    return edits


def _applied(raw: str, edits: list[tuple[int, int, str]]) -> str:
    """``raw`` with ``edits`` (start, end, replacement) made."""
    # apply from the end; a removal inside another removal's range is already covered
    edits.sort(key=lambda e: (e[0], -e[1]))
    merged: list[tuple[int, int, str]] = []
    for e in edits:
        if merged and e[1] <= merged[-1][1] and e[0] < merged[-1][1] and not e[2] and not merged[-1][2]:
            continue
        merged.append(e)
    if any(merged[i][0] < merged[i - 1][1] for i in range(1, len(merged))):
        out = raw  # edits that overlap: applied one by one from the end, as they always were
        for start, end, repl in reversed(merged):
            out = out[:start] + repl + out[end:]
        return out
    # apart: joined once (splicing each into the whole text was quadratic in the edits)
    pieces: list[str] = []
    pos = 0
    for start, end, repl in merged:
        pieces += (raw[pos:start], repl)
        pos = end
    pieces.append(raw[pos:])
    return "".join(pieces)


def library_text(lib: Library) -> str:
    return "".join(part[1] for part in _block_texts(lib))


# (block or None, its text, old offset): what write_library writes, part by part
Part = tuple[Block | None, str, int]


def _edited_entry(block: Block) -> Entry:
    """The entry of a block the writer rewrites (an edited or added block always has one)."""
    entry = block.entry
    if entry is None:
        raise AssertionError(f"block at line {block.line} is rewritten but holds no entry")
    return entry


def _block_texts(lib: Library, spliced_before: dict[int, str | None] | None = None) -> list[Part]:
    """(block or None, its text, old offset) in file order; the block is given only when its
    entry was edited or added (its text is new), None for text written back as it was, which
    then started at that offset of the text read (-1: unknown or new). ``spliced_before``:
    id(block) -> :func:`splice_entry` of it, already made (only edited blocks are spliced: a
    block with a text there is not compared with its snapshot again)."""
    parts: list[Part] = []
    nl = None  # the file's line end, for entries written whole (found when first needed)
    before = spliced_before or {}
    for block in lib.blocks:
        made = before.get(id(block))
        if made is not None:
            parts.append((block, made, -1))
            continue
        if not is_modified(block):
            parts.append((None, block.raw, block.offset))
            continue
        if block.raw and block.snapshot is not None:
            key = id(block)
            spliced = (
                spliced_before[key] if spliced_before is not None and key in spliced_before else splice_entry(block)
            )
            if spliced is not None:
                parts.append((block, spliced, -1))
                continue
        if nl is None:
            nl = _file_newline(lib)
        text = serialize_entry(_edited_entry(block))
        if nl != "\n":
            text = text.replace("\n", nl)
        if parts and not parts[-1][1].endswith(("\n", "\r")):
            parts.append((None, nl, -1))
        if block.raw:
            # keep the blank lines / comments that preceded the entry in its block
            m = _BLOCK_AT.search(block.raw)
            head = block.raw[: m.start()] if m else ""
            tail_blank = nl if block.raw.endswith(("\n\n", "\r\n\r\n", "\r\r")) else ""
            parts.append((block, head + text + tail_blank, -1))
        else:
            sep = nl if parts else ""
            whole = sep + text
            parts.append((block, Proven(whole) if nl == "\n" and reads_back_plainly(block.entry) else whole, -1))
    return parts


class Proven(str):
    """An entry's text written whole by :func:`serialize_entry` in a ``\\n`` file from an entry
    that :func:`reads_back_plainly`: it reads back as that entry by construction, so
    :func:`check_written` does not parse it again (~40 us an entry: 3,000 new entries from
    ``extract --notes``, 0.1 s of its one-core tail)."""

    __slots__ = ()


# what serialize_entry writes unchanged between braces and the reader gives back unchanged:
# no backslash (escape_specials, _safe_text's trailing one), `%&#` (escaped), NUL (refused) or
# CR (a line end the reader may see otherwise); braces only balanced and one level deep
# (`{王某} and {李某}`: kept by _braced, read by the fast path, and literal_value gives the
# inside of the outer group back); `@` only in a value of one line (`{@央视新闻}`, a Weibo
# account): bibtexparser starts a block only at a line's `@`, and _safe_text braces one there
_NOT_PLAIN_VALUE = re.compile(r"[\\%&#\x00\r]")
_LINE_BREAK = re.compile(r"[\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_ONE_LEVEL = re.compile(r"[^{}]*+(?:\{[^{}]*+\}[^{}]*+)*+")
_PLAIN_TYPE = re.compile(r"[A-Za-z]\w*")
_PLAIN_KEY = re.compile(PLAIN_KEY + "+")
_PLAIN_NAME = re.compile(r"[a-z_][a-z0-9_\-:.+]*")  # lower-case ASCII: read back as written


def reads_back_plainly(entry: Entry | None) -> bool:
    """True when :func:`serialize_entry`'s text of ``entry`` is one plain entry to the parser's
    fast path (:mod:`annobib.bib.parse`) whose record gives back its type, key and every value
    as they are: a plain type and key (no NUL), lower-case ASCII field names, values with
    nothing the writer escapes and braces one level deep. ``tests/test_writer_proven.py`` holds
    it against the parser on generated entries."""
    if entry is None or not entry.key or not _PLAIN_KEY.fullmatch(entry.key) or "\x00" in entry.key:
        return False
    if not _PLAIN_TYPE.fullmatch(entry.type) or entry.type.lower().startswith(("comment", "string", "preamble")):
        return False
    not_plain = _NOT_PLAIN_VALUE.search
    for name, value in entry.fields.items():
        if value is None:
            continue
        if type(value) is not str or not _PLAIN_NAME.fullmatch(name) or not_plain(value):
            return False
        if ("{" in value or "}" in value) and not _ONE_LEVEL.fullmatch(value):
            return False
        if "@" in value and _LINE_BREAK.search(value):
            return False
    return True


def _file_newline(lib: Library) -> str:
    """The line end most of the file uses: ``\\r\\n`` (Windows), ``\\r`` (old Mac) or ``\\n``."""
    text = lib.original_text
    crlf = text.count("\r\n")
    lf = text.count("\n")
    if crlf and crlf * 2 > lf:
        return "\r\n"
    if not lf and "\r" in text:
        return "\r"
    return "\n"


_BLOCK_AT = re.compile(r"@[ \t]*\w+[ \t]*[{(]")


_ESCAPED_BRACE = re.compile(r"\\([{}])")


def _norm(value: str) -> str:
    # what the writer may change on purpose: escaped braces and specials, a braced `@`, a
    # trailing space; most values have no backslash (called for every field of every entry written)
    if "\\" in value:
        value = _ESCAPED_BRACE.sub(r"\1", unescape_specials(value))
    return value.replace("{@}", "@").strip()


def check_written(lib: Library, parts: list[Part], done: set[int] | None = None, *, share: bool = False) -> None:
    """Parse the text written for each edited entry again: it must give that entry back (same
    type, key and fields), else InputError and nothing is written. A guard against a value
    that would break the file (and any splicing mistake). ``done``: id() of blocks whose text
    is checked already. ``share``: many entries (:data:`CHECK_PARALLEL_MIN`) are read back half
    here, half in a forked child (:func:`_check_shared`), with the refusal one process gives."""
    todo = [
        (_edited_entry(b), t)
        for b, t, _ in parts
        if b is not None and type(t) is not Proven and (done is None or id(b) not in done)
    ]
    if not todo:
        return
    for entry, text in todo:
        if "\x00" in text:  # annobib (like biber) refuses a file holding NUL: never write one
            name = next((k for k, v in entry.fields.items() if v is not None and "\x00" in str(v)), "key")
            raise InputError(
                f"entry {entry.key or '(no key)'}: field {name} holds a NUL character (U+0000), "
                "which no .bib reader accepts; nothing written"
            )
    if share and len(todo) >= CHECK_PARALLEL_MIN and fork.available():
        _check_shared(lib, todo)
    else:
        _check_all(lib, todo)


_CHECK_BATCH = 2000  # entries read back at once: their parse records are dropped batch by batch
# entries read back before a second process pays for itself: ~40 us an entry here, a fork of the
# extractor ~5 ms (an extraction's 3,000 new entries: ~0.12 s of its single-process tail)
CHECK_PARALLEL_MIN = 1000


def _check_all(lib: Library, todo: list[tuple[Entry, str]]) -> None:
    for at in range(0, len(todo), _CHECK_BATCH):
        _check_batch(lib, todo[at : at + _CHECK_BATCH])


def _check_shared(lib: Library, todo: list[tuple[Entry, str]]) -> None:
    """:func:`_check_all`, the second half read back by a forked child meanwhile. The refusal is
    the one a single process gives: the first entry in order that would not read back (the
    first half's before the second's); a child that fails leaves its half to this process."""
    mine, theirs = todo[: len(todo) // 2], todo[len(todo) // 2 :]

    def work() -> str:
        try:
            _check_all(lib, theirs)
        except InputError as exc:
            return str(exc)
        return ""

    child = fork.in_child(work)
    if child is None:
        _check_all(lib, todo)
        return
    try:
        _check_all(lib, mine)
    finally:
        got = child()  # waited for even when this half is refused: no child left behind
    if got is None:
        _check_all(lib, theirs)
    elif got:
        raise InputError(got)


def _check_batch(lib: Library, todo: list[tuple[Entry, str]]) -> None:
    # each text without the line end put before it (an entry added after another starts with
    # one): text before the `@` sent every such entry to bibtexparser, the fast path's refusal,
    # ~1.7 ms an entry; the entry read back is the same either way
    records = parse_chunks([t.lstrip("\r\n") for _, t in todo])
    for (entry, _text), rec in zip(todo, records):
        wanted = {k: v for k, v in entry.fields.items() if v is not None}
        got = [it for it in rec if it[0] == "entry"]
        failed = [it for it in rec if it[0] == "failed"]
        problem = None
        if failed or len(got) != 1:
            problem = failed[0][3] if failed else f"it would read back as {len(got)} entries"
        else:
            back, _ = entry_from_record(got[0], lib.strings, 0, None)  # macros are only read
            if back.key != entry.key or back.type != entry.type.lower():
                problem = f"it would read back as @{back.type}{{{back.key}}}"
            else:
                got_fields = back.fields
                # a field missing on one side, or whose value differs beyond what the writer
                # changes on purpose (most values come back identical: no normalizing then)
                diff = sorted(
                    {k for k in wanted.keys() ^ got_fields.keys()}
                    | {
                        k
                        for k, v in wanted.items()
                        if k in got_fields and (w := str(v)) != got_fields[k] and _norm(w) != _norm(got_fields[k])
                    }
                )
                if diff:
                    problem = f"field {diff[0]} would not read back as written"
        if problem:
            raise InputError(f"entry {entry.key or '(no key)'}: cannot be written safely ({problem}); nothing written")


def atomic_write_text(path: Path, text: str, bom: bool = False, *, create: bool = False) -> None:
    """Temporary file in the same folder, fsync, rename: readers see the old or the new file
    (see :mod:`annobib.core.files`; the caller holds the lock)."""
    files.atomic_write_text(path, text, bom=bom, create=create)


def check_library(
    lib: Library, spliced: dict[int, str | None] | None = None, done: set[int] | None = None
) -> list[Part]:
    """Raise InputError (nothing written) when an edited entry would not read back as itself.
    Returns the checked parts: pass them to :func:`write_library` (``checked``) when ``lib``
    is not edited in between, so that neither the splicing nor the check is done twice (at
    50,000 fixed entries each took about 6 s). Many edited entries are shared with a forked
    second process: it splices and checks the second half (the texts are the same).
    ``spliced``/``done``: id(block) -> :func:`splice_entry` of it, and the blocks whose text is
    checked already (:func:`splice_and_check` made them: nothing is spliced or checked twice)."""
    if spliced is None:
        spliced, done = _spliced_in_two(lib)
    parts = _block_texts(lib, spliced)
    check_written(lib, parts, done)
    return parts


def splice_and_check(lib: Library, blocks: list[Block]) -> tuple[list[str | None], int]:
    """:func:`splice_entry` of each edited block of ``blocks`` (None for one left as it was or
    written whole), its text checked to read back (InputError else); and how many were checked."""
    texts = [splice_entry(b) if b.raw and b.snapshot is not None and is_modified(b) else None for b in blocks]
    todo: list[Part] = [(b, t, -1) for b, t in zip(blocks, texts) if t is not None]
    check_written(lib, todo)
    return texts, len(todo)


PARALLEL_MIN = 5000  # edited entries before a second process pays for itself


def _spliced_in_two(lib: Library) -> tuple[dict[int, str | None] | None, set[int] | None]:
    """The spliced texts of the edited blocks, the second half spliced and checked (see
    :func:`check_written`) by a forked child; (None, None) when there are few or no child can
    be had. The child's check failing raises its InputError here."""
    edited = [b for b in lib.blocks if b.raw and b.snapshot is not None and is_modified(b)]
    if len(edited) < PARALLEL_MIN or not fork.available():
        return None, None
    theirs = edited[len(edited) // 2 :]

    def work() -> tuple[str, object]:
        texts = [splice_entry(b) for b in theirs]
        try:
            check_written(lib, [(b, t, -1) for b, t in zip(theirs, texts) if t is not None])
        except InputError as exc:
            return "error", str(exc)
        return "texts", texts

    child = fork.in_child(work)
    if child is None:
        return None, None
    mine = {id(b): splice_entry(b) for b in edited[: len(edited) // 2]}
    got = child()
    if got is None:  # the child failed: the caller splices and checks its half too
        return mine, None
    kind, value = got
    if kind == "error":
        raise InputError(str(value))
    texts: list[str | None] = value  # type: ignore[assignment]
    mine.update(zip(map(id, theirs), texts))
    return mine, {id(b) for b, t in zip(theirs, texts) if t is not None}  # None: written whole, checked here


def write_library(
    lib: Library,
    path: str | os.PathLike[str] | None = None,
    *,
    dry_run: bool = False,
    diff: bool | None = None,
    checked: list[Part] | None = None,
    share_check: bool = False,
) -> str:
    """Write ``lib`` (to its own path by default). Returns the unified diff when ``diff`` (by
    default: with ``dry_run``), else "" — a diff of a large file costs more than the write, so
    none is made unless it is shown. ``lib.changed`` tells whether the text differed.
    ``share_check``: many edited entries are read back half in a forked child (see
    :func:`check_written`), for a caller that may use a second core.

    The file's lock (:func:`annobib.core.files.locked`, re-entrant: a caller may hold it since
    the read) is held while the file on disk is compared with the one read and replaced; a file
    that changed since it was read is refused with ConflictError.
    """
    target = Path(path) if path is not None else lib.path
    if target is None:
        raise InputError("no file to write the bibliography to")
    if diff is None:
        diff = dry_run
    parts = checked if checked is not None else _block_texts(lib)
    pieces = [part[1] for part in parts]
    same_file = target == lib.path
    # the new text is made whole only for a diff or another file: the file's own text is
    # compared piece by piece and written encoded piece by piece (at 50,000 fixed entries the
    # whole text, 2 bytes a character once one is CJK, was 27 MB more at the write)
    new_text = "".join(pieces) if diff or not same_file else None
    if new_text is None:
        lib.changed = not lib.reads_as(pieces) or not target.exists()
    else:
        old_text = lib.original_text if same_file else _read_or_empty(target)
        lib.changed = new_text != old_text or not target.exists()
    if not diff:
        shown = ""
    elif same_file:
        shown = library_diff(old_text, new_text or "", parts, str(target))
    else:
        shown = unified_diff(old_text, new_text or "", str(target))
    if dry_run or not lib.changed:
        return shown
    if checked is None:
        check_written(lib, parts, share=share_check)
    files.output_target(target)  # read-only, a directory, a device …: say so before anything else
    with files.locked(target):
        if same_file and lib.stamp is not None:
            _refuse_if_changed(target, lib.stamp)
        before = _read_bytes_or_none(target)  # for `annobib undo` (core.journal)
        existed = before is not None
        # recorded before the rename (a kill right after it still leaves a write undo can undo); the
        # old bytes kept first and let go of, not held beside the new ones (14 MB each at 50,000)
        try:
            stamp, unrecorded = journal.save_before(before), None
        except journal.NotRecorded as exc:
            stamp, unrecorded = None, exc
        del before
        # encoded once for the write, the journal and the stamp (three copies of 14 MB at 50,000)
        data = _encoded(pieces, lib.bom)
        if stamp is not None:
            try:
                journal.finish(target, stamp, existed, data)
            except journal.NotRecorded as exc:
                stamp, unrecorded = None, exc
        try:
            # a Library not read from its file (there was none) must not replace one made meanwhile
            files.atomic_write_bytes(target, data, create=same_file and lib.stamp is None)
        except BaseException:
            if stamp is not None and target not in files.LANDED:
                journal.forget_stamp(stamp)  # nothing written: nothing to undo
            raise
        if unrecorded is not None:  # the write stands; the user is told it has no undo
            warnings.warn(Notice(f"{target}: this write cannot be undone: {unrecorded}"), stacklevel=2)
        if same_file:  # what is on disk now is what this Library holds
            lib.keep_written(pieces)
            lib.stamp = file_stamp(target, data)
    return shown


def _encoded(pieces: list[str], bom: bool) -> bytearray:
    """The UTF-8 of the pieces end to end, one buffer filled piece by piece (no whole text)."""
    data = bytearray(b"\xef\xbb\xbf" if bom else b"")
    for piece in pieces:
        data += piece.encode("utf-8")
    return data


def _read_bytes_or_none(target: Path) -> bytes | None:
    try:
        return target.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise InputError(f"{target}: cannot read it before writing ({os_reason(exc)}); nothing written") from None


def _refuse_if_changed(target: Path, stamp: Stamp) -> None:
    try:
        data = target.read_bytes()
        now = file_stamp(target, data)
    except FileNotFoundError:
        now = None
    except OSError as exc:
        raise InputError(f"{target}: cannot read it again before writing ({os_reason(exc)}); nothing written") from None
    if now is None or now[2] != stamp[2]:
        raise ConflictError(f"{target} changed on disk since it was read; nothing written (run the command again)")


def _read_or_empty(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (FileNotFoundError, UnicodeDecodeError):
        return ""
