"""Splitting .bib text into chunks and parsing chunks with bibtexparser 2.

A *chunk* starts on a line whose first non-blank text is a block start (``@type{`` or
``@type(``) and runs up to the next such line. bibtexparser always starts a new block at such a
line (it aborts an unclosed block there), so parsing chunks one by one — or any selection of
them concatenated — gives the same blocks as parsing the whole file. That is what lets the cache
re-parse only the chunks whose text changed.

A chunk's parse is a *record*: a list of plain tuples (marshal-able), one per block in it::

    ("entry", offset, line, type_as_written, key, ((name_as_written, raw_value), ...), problem)
    ("string", offset, line, name, raw_value, problem)
    ("preamble", offset, line, raw_value, None)
    ("comment", offset, line, None, None)
    ("failed", offset, line, message, None)

``offset`` is the character offset of the block in the chunk text, ``line`` the 0-based line
within the chunk. ``raw_value`` is the value exactly as written (``{…}``, ``"…"``, ``2024``,
``jan``, ``"A " # macro``).
"""

from __future__ import annotations

import bisect
import re
import sys
from itertools import accumulate

# bibtexparser reads `@comment…` types (`@commentary`) as comments: hide the prefix from it.
_COMMENTISH = re.compile(r"^([ \t]*@)(comment)(?=\w)", re.M | re.I)


CHUNK_AFTER_NL = re.compile(rb"\n[ \t]*@[\w]*[ \t]*[{(]")  # a literal first byte scans fast


def chunk_bounds(data: bytes) -> list[int]:
    """Start offsets of the chunks of ``data`` (the first is always 0: text before any block)."""
    starts = [m.start() + 1 for m in CHUNK_AFTER_NL.finditer(data)]
    starts.insert(0, 0)  # a block on the first line starts chunk 0 itself
    return starts


def _quiet_bibtexparser() -> None:
    # bibtexparser logs every failed block to stderr; annobib reports problems itself.
    import logging  # only once bibtexparser is loaded (it loads logging anyway)

    for name in ("bibtexparser", "bibtexparser.splitter", "bibtexparser.middlewares"):
        logging.getLogger(name).setLevel(logging.CRITICAL + 1)


# The fast path: a chunk that is one plain entry -- `@type{key,` then `name = value` fields whose
# values are a brace group (one nesting level), a quoted string (with brace groups one level
# deep: 200,000 `{"}` took bibtexparser a second), a number or a macro name, with
# no backslash, `@`, `%`, `#` or stray quote anywhere -- gives the same record bibtexparser
# would (a test compares both on generated chunks). Files of many tiny blocks spent 2-5 s in
# bibtexparser's splitter (~0.1 ms a block); this reads them at regex speed. Anything else
# (strings, comments, concatenation, escapes, a field given twice, text with `@` after the
# entry) goes to bibtexparser as before.
_PLAIN = r'[^{}"\\@%#]'
# Inside braces bibtexparser counts every brace not preceded by a backslash and nothing else
# (`%`, `#`, `"` and other escapes are text there), so a braced value may hold them all — `\%`,
# `{\"o}`, `50%`, `#` in a URL — as long as no backslash stands before a brace (that brace would
# not count; such values go to bibtexparser). Before, any `\`, `%` or `#` sent the entry to
# bibtexparser: a 50,000-entry file with `\%` in its titles read 4.5x slower.
_BRACED = r"(?:[^{}\\@]|\\(?![{}]))"
# A quoted value may be several quoted strings side by side (`""""…`: bibtexparser reads them
# as one value; 900,000 quotes took it 1 s) and a bare value may hold `=` (`a=a=a…`, 0.8 s).
_FAST_VALUE = (
    r"\{" + _BRACED + r"*(?:\{" + _BRACED + r"*\}" + _BRACED + r"*)*\}"
    r'|(?:"(?:[^{}"\\@%#]|\{[^{}\\@%#]*\})*+")++|[0-9]+|[A-Za-z_][\w\-:.+=]*'
)
_FAST_FIELD = r"\s*([A-Za-z_][\w\-:.+]*)\s*=\s*(" + _FAST_VALUE + r")\s*"
# The same pieces with possessive repeats, for matching whole entries: each piece can match in
# one way only (a name never holds a space or `=`, a braced value's groups are fixed by its
# braces), so nothing is lost, and a chunk that does not match fails at once. With backtracking,
# `@misc{k, title = {` + 20,000 `{a}` + 20,000 blank lines took 0.6 s (quadratic).
PLAIN_VALUE = (
    r"\{" + _BRACED + r"*+(?:\{" + _BRACED + r"*+\}" + _BRACED + r"*+)*+\}"
    r'|(?:"(?:[^{}"\\@%#]|\{[^{}\\@%#]*+\})*+")++|[0-9]++|[A-Za-z_][\w\-:.+=]*+'
)
PLAIN_FIELD = r"\s*+[A-Za-z_][\w\-:.+]*+\s*+=\s*+(?:" + PLAIN_VALUE + r")\s*+"
PLAIN_KEY = r'[^\s,{}()"#%=\\@\']'


def _entry_pattern(opening: str, closing: str) -> re.Pattern:
    return re.compile(
        r"[ \t]*+@([A-Za-z]\w*+)"
        + opening
        + "("
        + PLAIN_KEY
        + r"*+)(?:"
        + closing
        + r"|,((?:"
        + PLAIN_FIELD
        + r",)*+(?:"
        + PLAIN_FIELD
        + r")?+)\s*+"
        + closing
        + r")([^@]*+)\Z"
    )


_FAST_ENTRY = _entry_pattern(r"\{", r"\}")
# `@type(key, …)`: bibtexparser closes it at a `)` outside braces and quotes, which plain values
# hold only inside braces or quotes: the same record. 100,000 `@a(k,` lines took it 4 s.
_FAST_ENTRY_PAREN = _entry_pattern(r"\(", r"\)")
_FAST_FIELDS = re.compile(_FAST_FIELD + r"(?:,|\Z)")
_FAST_FIELDS_FINDALL = _FAST_FIELDS.findall
FAST_PATH = True  # tests switch it off to compare with bibtexparser


_NAMES: dict[str, str] = {}  # field names as written, each one string
_NAMES_MAX = 10_000  # distinct names kept (a file of made-up names must not grow it for ever)


def _shared_name(name: str) -> str:
    name = sys.intern(name)
    if len(_NAMES) < _NAMES_MAX:
        _NAMES[name] = name
    return name


def _fast_record(chunk: str) -> list[tuple] | None:
    """The record of a chunk that is one plain entry (see above), else None."""
    m = _FAST_ENTRY.match(chunk) or _FAST_ENTRY_PAREN.match(chunk)
    if m is None:
        return None
    etype, key, body = m.group(1, 2, 3)
    if not key or etype.lower().startswith(("comment", "string", "preamble")):
        return None
    # findall: the (name, value) pairs at C speed (a generator of match objects cost ~3 us an entry);
    # each name then one shared string (every record's own "title" … was 10 MB a half at 50,000,
    # and marshal sends a shared one once)
    known = _NAMES.get
    fields = tuple([(known(n) or _shared_name(n), v) for n, v in _FAST_FIELDS_FINDALL(body)]) if body else ()
    if len(fields) > 1 and len({name for name, _ in fields}) != len(fields):
        return None  # a field given twice: bibtexparser's report
    return [("entry", m.start(1) - 1, 0, etype, key, fields, None)]


# `@string{name = value # value …}` and `@preamble{value # …}` chunks of plain values (as
# above): bibtexparser's record is the name, and the value as written -- stripped for a string,
# as written between the delimiters for a preamble. 40,000 chained `@string{cN = cN-1}` took
# bibtexparser's splitter 1.2 s; 25,000 distinct `@preamble`s 1 s.
# a quoted value may also hold `\name` commands, at its top and in its brace groups (a preamble's
# `"\newcommand{\x}{y}"`): a backslash then a letter is text to bibtexparser
_MACRO_VALUE = r'"(?:[^{}"\\@%#]|\\[A-Za-z]|\{(?:[^{}\\@%#]|\\[A-Za-z])*+\})*+"|' + PLAIN_VALUE
_CHAIN = "(?:" + _MACRO_VALUE + r")(?:\s*+#\s*+(?:" + _MACRO_VALUE + "))*+"


def _macro_pattern(opening: str, closing: str) -> re.Pattern:
    return re.compile(
        r"[ \t]*+@(?:(string)" + opening + r"\s*+([A-Za-z_][\w\-:.+]*+)\s*+=\s*+(" + _CHAIN + r")\s*+"
        r"|(preamble)" + opening + "(\\s*+" + _CHAIN + "\\s*+))" + closing + r"[^@]*+\Z",
        re.I,
    )


_FAST_MACRO = _macro_pattern(r"\{", r"\}")
_FAST_MACRO_PAREN = _macro_pattern(r"\(", r"\)")


def _macro_record(chunk: str) -> list[tuple] | None:
    """The record of a chunk that is one plain @string or @preamble (see above), else None."""
    if chunk.lstrip(" \t")[1:2] not in ("s", "S", "p", "P"):
        return None
    m = _FAST_MACRO.match(chunk) or _FAST_MACRO_PAREN.match(chunk)
    if m is None:
        return None
    if m.group(1):
        return [("string", m.start(1) - 1, 0, m.group(2), m.group(3), None)]
    return [("preamble", m.start(4) - 1, 0, m.group(5), None)]


_CHAR_STEP = {"{": 1, "}": -1, ".": 0}


def _deep_record(chunk: str) -> list[tuple] | None:
    """The record of a chunk that is one plain entry but for braced values nested deeper than
    the fast path's one level (`title = {{{…}}}`, 300,000 deep: bibtexparser took 0.5 s), else
    None. bibtexparser reads a braced value as opaque text up to its closing brace, so the
    entry with each value's inside emptied has the same structure: the fast path reads that,
    and each braced value is then put back as written."""
    if "{{" not in chunk or "\\" in chunk or '"' in chunk or chunk.count("@") != 1:
        return None
    # the brace depth after each character (every other character a step of 0), at C speed
    steps = _NOT_BRACES.sub(lambda m: "." * len(m.group()), chunk)
    depth = list(accumulate(map(_CHAR_STEP.__getitem__, steps)))
    groups = []  # (start, end) of each value's braces: the first depth 2 after depth 1 is a
    k = 0  # value's `{`, the first depth 1 after it the `}` closing it (list.index: C speed)
    try:
        while True:
            k = depth.index(2, k)
            end = depth.index(1, k)
            groups.append((k, end + 1))
            k = end
    except ValueError:
        pass
    if not groups:
        return None
    parts, last = [], 0
    for a, b in groups:
        parts.append(chunk[last : a + 1])
        last = b - 1
    parts.append(chunk[last:])
    rec = _fast_record("".join(parts))
    if rec is None:
        return None
    fields = rec[0][5]
    if sum(1 for _, v in fields if v[:1] == "{") != len(groups):
        return None
    it = iter(groups)
    fields = tuple((n, chunk[slice(*next(it))] if v[:1] == "{" else v) for n, v in fields)
    return [rec[0][:5] + (fields,) + rec[0][6:]]


# bibtexparser recovers from a broken block at the next `@`, at ~20 us a block: `@a{` repeated
# 200,000 times on one line (600 KB) took 4 s and 500 MB and made 200,000 problems. Real files
# start their blocks on lines of their own (each its own chunk); a chunk with more block starts
# in the middle of lines than this is reported as one failed block, kept verbatim like any other.
MAX_HEADS_IN_CHUNK = 1000
_HEAD = re.compile(r"@[ \t]*\w*[ \t]*[{(]")
_HEAD_AT_LINE_START = re.compile(r"^[ \t%]*@[ \t]*\w*[ \t]*[{(]", re.M)


def _crowded_record(chunk: str) -> list[tuple] | None:
    """One failure record for a chunk with more than MAX_HEADS_IN_CHUNK block starts, else None."""
    if chunk.count("@") <= MAX_HEADS_IN_CHUNK:
        return None
    heads = len(_HEAD.findall(chunk))
    if heads - len(_HEAD_AT_LINE_START.findall(chunk)) <= MAX_HEADS_IN_CHUNK:
        return None  # on lines of their own (`%@article{` commented out): bibtexparser's pace
    why = (
        f"{heads} block starts (`@`) on the lines of one block, more than {MAX_HEADS_IN_CHUNK}:"
        " put each entry on a line of its own"
    )
    return [("failed", max(chunk.find("@"), 0), 0, why, None)]


# A chunk whose entry never closes (`@misc{a, title={x` or a bare head `@a{k,`, and the next line
# starts a block) is one failed block to bibtexparser, at ~0.1 ms a chunk: 50,000 such lines
# (900 KB) took 2-8 s, 100,000 bare heads (600 KB) 4 s and 430 MB. When it is an entry head, plain
# fields and then either the end of the chunk or a value never closed (one `@`, no backslash,
# the entry's `{` never matched by a `}`, or `(` and no `)` at all; or a quoted value opened
# last with no `"` after it: 50,000 `title = "abc` lines took 3 s), the record is known
# without bibtexparser (tests compare both on generated chunks).
_OPEN_HEAD = re.compile(
    r"[ \t]*+@([A-Za-z]\w*+)([{(])"
    + PLAIN_KEY
    + r"++(?:,(?:"
    + PLAIN_FIELD
    + r",)*+(?:\s*+[A-Za-z_][\w\-:.+]*+\s*+=\s*+[{\"]|"  # a value opened and never closed, or
    + PLAIN_FIELD
    + r"\Z|\s*+\Z)|\s*+\Z)"  # the chunk ends after the head or its plain fields
)
_OPEN_QUOTED = re.compile(
    r"[ \t]*+@[A-Za-z]\w*+[{(]"
    + PLAIN_KEY
    + r"++,(?:"
    + PLAIN_FIELD
    + r',)*+\s*+[A-Za-z_][\w\-:.+]*+\s*+=\s*+"[^"]*+(?:"[^",{}()]*+"[^"]*+)*+\Z'
)
_NOT_BRACES = re.compile(r"[^{}]+")
_DEPTH_STEP = {"{": 1, "}": -1}
UNCLOSED = "the block is not closed (a missing `}` or an unbalanced brace)"


# An empty field (`@misc{k,,` or `, ,` after plain fields) is bibtexparser's failure at once, but
# it walks on to the chunk's end first: 900,000 commas took it 1 s.
_EMPTY_FIELD = re.compile(r"[ \t]*+@([A-Za-z]\w*+)[{(]" + PLAIN_KEY + r"*+,(?:" + PLAIN_FIELD + r",)*+\s*+,")
EMPTY_FIELD = "Expected a '=' after entry key, but found ','."


def _unclosed_record(chunk: str) -> list[tuple] | None:
    """The failure record of a chunk that is one block never closed, or with an empty field
    where one plain field after another was expected, else None."""
    m = _EMPTY_FIELD.match(chunk)
    if m is not None:
        if "\\" in chunk or chunk.count("@") != 1 or m.group(1).lower().startswith(("comment", "string", "preamble")):
            return None
        return [("failed", m.start(1) - 1, 0, EMPTY_FIELD, None)]
    m = _OPEN_HEAD.match(chunk)
    if (
        m is None
        or "\\" in chunk
        or chunk.count("@") != 1
        or m.group(1).lower().startswith(("comment", "string", "preamble"))
    ):
        return None
    if '"' in chunk:  # bibtexparser counts no brace, `,`, `}` or `)` inside a quoted value: one
        # opened last and never closed (no second `"`, or quotes in pairs after it with nothing
        # that ends a value between them: 900,000 `"` took 1 s) runs to the end of the chunk
        if chunk.count('"') == 1 and chunk[m.end() - 1] == '"' or _OPEN_QUOTED.match(chunk):
            return [("failed", m.start(1) - 1, 0, UNCLOSED, None)]
        return None
    if m.group(2) == "(":
        if ")" in chunk:
            return None  # it may close the entry: bibtexparser's call
    elif chunk.count("{") <= chunk.count("}"):
        return None  # then the running depth comes back to 0
    rest = chunk[m.end() - 1 :]
    if "}" in rest and 0 in accumulate(map(_DEPTH_STEP.__getitem__, _NOT_BRACES.sub("", rest))):
        return None  # the entry's brace is closed (a running sum at C speed; no `}`, no closing)
    return [("failed", m.start(1) - 1, 0, UNCLOSED, None)]


def parse_chunks(chunks: list[str]) -> list[list[tuple]]:
    """Parse chunk texts into one record per chunk: plain entries on the fast path, the rest
    in one bibtexparser call. A chunk's record depends on its text alone, so a text that
    repeats is parsed once and its record shared (treat records as read-only): 90,000 copies
    of `@misc{a,}` cost one parse, not 90,000."""
    if len(chunks) > 1:
        distinct = dict.fromkeys(chunks)
        if len(distinct) < len(chunks):
            once = dict(zip(distinct, _parse_distinct(list(distinct))))
            return [once[c] for c in chunks]
    return _parse_distinct(chunks)


def _parse_distinct(chunks: list[str]) -> list[list[tuple]]:
    """:func:`parse_chunks` for chunks that are all different."""
    if not chunks:
        return []
    crowded = {i: r for i, r in enumerate(map(_crowded_record, chunks)) if r is not None}
    if crowded:  # parse the rest, then put the crowded chunks' single failures back in place
        rest = _parse_distinct([c for i, c in enumerate(chunks) if i not in crowded])
        it = iter(rest)
        return [crowded[i] if i in crowded else next(it) for i in range(len(chunks))]
    if FAST_PATH:
        fast = [_fast_record(c) or _macro_record(c) or _unclosed_record(c) or _deep_record(c) for c in chunks]
        slow = [i for i, r in enumerate(fast) if r is None]
        if len(slow) < len(chunks):
            parsed = _parse_with_bibtexparser([chunks[i] for i in slow])
            for i, rec in zip(slow, parsed):
                fast[i] = rec
            return fast  # type: ignore[return-value]
    return _parse_with_bibtexparser(chunks)


def _parse_with_bibtexparser(chunks: list[str]) -> list[list[tuple]]:
    """Parse chunk texts (all in one bibtexparser call) into one record per chunk."""
    if not chunks:
        return []
    if len(chunks) > 1 and any("\\\n" in c for c in chunks[:-1]):
        # bibtexparser does not count a newline after a backslash (`\\` ending a line of a value),
        # so in one call every later chunk's blocks would be placed a line early, in the wrong
        # chunk: a batch ends after each such chunk, and each batch is one call
        out: list[list[tuple]] = []
        start = 0
        for i, c in enumerate(chunks):
            if "\\\n" in c or i == len(chunks) - 1:
                out += _parse_batch(chunks[start : i + 1])
                start = i + 1
        return out
    return _parse_batch(chunks)


def _parse_batch(chunks: list[str]) -> list[list[tuple]]:
    """:func:`_parse_with_bibtexparser` for chunks in which only the last may hide a newline."""
    # heavy (60-85 ms): only when some chunk is not in the cache
    from bibtexparser import model as bm
    from bibtexparser.splitter import Splitter

    _quiet_bibtexparser()
    pieces = []
    line_starts = []  # 0-based line where each chunk begins in the joined text
    char_starts = []
    line = 0
    pos = 0
    for text in chunks:
        if not text.endswith("\n"):
            text = text + "\n"
        if "%" in text or "@ " in text or "@\t" in text:
            text = prepare_text(text)  # same length: offsets and lines still match the file
        pieces.append(text)
        line_starts.append(line)
        char_starts.append(pos)
        line += text.count("\n")
        pos += len(text)
    joined = "".join(pieces)
    if "omment" in joined:  # hide `@commentary`-style types from bibtexparser (same length)
        joined = _COMMENTISH.sub(lambda m: m.group(1) + "X" + m.group(2)[1:], joined)
    blocks = Splitter(joined).split().blocks
    records: list[list[tuple]] = [[] for _ in chunks]
    cursor_chunk = 0
    chunk_lines: dict[int, list[int]] = {}  # chunk index -> offsets of its lines
    for b in blocks:
        start_line = b.start_line or 0
        ci = bisect.bisect_right(line_starts, start_line) - 1
        if ci < cursor_chunk:
            ci = cursor_chunk
        cursor_chunk = ci
        local_line = start_line - line_starts[ci]
        chunk = pieces[ci]
        if isinstance(b, bm.ImplicitComment):
            continue  # text between blocks stays with the block before it
        raw = b.raw or ""
        # where the block starts in its chunk: the block start "@" at or after its line
        if local_line == 0 and not records[ci]:
            offset = chunk.find("@")  # the usual case: the chunk's own block start
            # an unclosed block's raw runs on into the next chunk: compare what both hold
            head = raw[: min(16, len(chunk) - offset)]
            if offset < 0 or (raw and not chunk.startswith(head, offset)):
                offset = chunk.find(raw[:64]) if raw else 0
                offset = max(offset, 0)
        else:
            starts = chunk_lines.get(ci)
            if starts is None:  # once per chunk: walking lines per block was quadratic
                starts = chunk_lines[ci] = [0] + [m.end() for m in _NEWLINE.finditer(chunk)]
            line_off = starts[local_line] if local_line < len(starts) else len(chunk)
            offset = chunk.find(raw[:64], line_off) if raw else -1
            if offset < 0:
                offset = line_off
        if isinstance(b, bm.DuplicateFieldKeyBlock):
            e = b.ignore_error_block
            dups = ", ".join(sorted(b.duplicate_keys))
            records[ci].append(
                _entry_record(e, offset, local_line, chunks[ci], f"field given twice: {dups} (the first is used)")
            )
        elif isinstance(b, bm.DuplicateBlockKeyBlock):
            inner = b.ignore_error_block
            if isinstance(inner, bm.Entry):
                records[ci].append(_entry_record(inner, offset, local_line, chunks[ci], None))
            elif isinstance(inner, bm.String):
                records[ci].append(("string", offset, local_line, inner.key, inner.value, None))
            else:
                records[ci].append(("failed", offset, local_line, str(b.error), None))
        elif isinstance(b, bm.Entry):
            records[ci].append(_entry_record(b, offset, local_line, chunks[ci], None))
        elif isinstance(b, bm.String):
            records[ci].append(("string", offset, local_line, b.key, b.value, None))
        elif isinstance(b, bm.Preamble):
            records[ci].append(("preamble", offset, local_line, b.value, None))
        elif isinstance(b, bm.ExplicitComment):
            records[ci].append(("comment", offset, local_line, None, None))
        elif isinstance(b, bm.ParsingFailedBlock):
            err = getattr(b.error, "abort_reason", None) or str(b.error)
            records[ci].append(("failed", offset, local_line, _clean_reason(err), None))
        else:  # pragma: no cover - unknown block kinds are kept verbatim
            records[ci].append(("failed", offset, local_line, f"unknown block {type(b).__name__}", None))
    return records


# `@ article {` (space after the `@`) is a block start to BibTeX and biber, not to bibtexparser.
_SPACED_HEAD = re.compile(r"^([ \t]*)@([ \t]+)(\w+)(?=[ \t]*[{(])", re.M)
_BLOCK_HEAD = re.compile(r"^[ \t]*@[ \t]*(\w*)[ \t]*([{(])", re.M)
_ENTRY_MARK = re.compile(r'[{})"%,\\]')
_NOT_ENTRIES = frozenset(("comment", "preamble", "string"))


# a `%` after an even run of backslashes (none, `\\`): the walk below would see it (possessive,
# and only from the start of a run: linear on a run of any length)
_BARE_PERCENT = re.compile(r"(?<!\\)(?:\\\\)*+%").search


def prepare_text(text: str) -> str:
    """The text as bibtexparser should see it, with the same length (offsets and line numbers
    stay valid; values are untouched):

    - ``@ article{`` becomes ``@article {``;
    - ``%`` comments inside an entry but outside its values (a commented-out field, a remark
      after a field) become spaces, as biber reads them. bibtexparser would otherwise glue
      the comment to the next field's name or reject the entry."""
    if "@ " in text or "@\t" in text:
        text = _SPACED_HEAD.sub(lambda m: m.group(1) + "@" + m.group(3) + m.group(2), text)
    if "%" not in text:
        return text
    heads = list(_BLOCK_HEAD.finditer(text))
    cuts: list[tuple[int, int]] = []
    for i, head in enumerate(heads):
        if head.group(1).lower() in _NOT_ENTRIES:
            continue
        stop = heads[i + 1].start() if i + 1 < len(heads) else len(text)
        if not _BARE_PERCENT(text, head.end(), stop):
            continue  # every `%` escaped (`\%`): nothing to cut, no walk over 190,000 backslashes
        closing = "}" if head.group(2) == "{" else ")"
        depth = 0
        quoted = False
        after_key = False
        skip_to = -1
        for m in _ENTRY_MARK.finditer(text, head.end(), stop):
            at = m.start()
            if at < skip_to:
                continue
            ch = m.group()
            if ch == "\\":
                skip_to = at + 2
            elif ch == "{":
                depth += 1
            elif ch == "}":
                if depth == 0 and closing == "}" and not quoted:
                    break
                depth -= 1
            elif ch == ")":
                if depth == 0 and closing == ")" and not quoted:
                    break
            elif ch == '"':
                if depth == 0:
                    quoted = not quoted
            elif ch == ",":
                if depth == 0 and not quoted:
                    after_key = True
            elif depth == 0 and not quoted and after_key:  # `%`: a comment between fields
                eol = text.find("\n", at, stop)
                eol = stop if eol < 0 else eol
                cuts.append((at, eol))
                skip_to = eol
    if not cuts:
        return text
    out = []
    last = 0
    for start, end in cuts:
        out.append(text[last:start])
        out.append(" " * (end - start))
        last = end
    out.append(text[last:])
    return "".join(out)


def _clean_reason(reason: str) -> str:
    reason = " ".join(reason.split())
    # One message for both: which one bibtexparser gives depends on what was parsed with the
    # block (the chunks after it, or none when only changed chunks are parsed again), and a
    # problem must read the same whether the cache had the rest of the file or not.
    # "Expected …, but found @book": the next block's start, i.e. this one never closed.
    if (
        "Unexpectedly reached end of file" in reason
        or "Unexpected block start" in reason
        or re.search(r"but found `?@", reason)
    ):
        return "the block is not closed (a missing `}` or an unbalanced brace)"
    return reason.replace("`", "'")


_NEWLINE = re.compile("\n")


def _entry_record(e, offset: int, line: int, original_chunk: str, problem: str | None) -> tuple:
    etype = e.entry_type
    # the type as written (case kept; `@commentary` types were hidden from bibtexparser)
    written = original_chunk[offset + 1 : offset + 1 + len(etype)]
    if written.lower() == etype or (etype.startswith("xomment") and written.lower() == "c" + etype[1:]):
        etype = written
    fields = tuple([(f.key, f.value) for f in e.fields])
    return ("entry", offset, line, etype, e.key, fields, problem)


# Values live in annobib.bib.values (light to import); re-exported here.
from annobib.bib.values import (  # noqa: E402,F401
    MONTHS,
    _single_group,
    _single_quoted,
    literal_value,
    resolve_value,
    split_concatenation,
    value_style,
)
