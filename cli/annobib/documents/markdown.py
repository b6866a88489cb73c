"""Markdown with Pandoc footnotes: ``text[^1]`` in the body, ``[^1]: the note`` anywhere (continuation
lines indented), and inline notes ``^[the note]``.

Notes are numbered in the order they are first referenced, as Pandoc prints them; a definition
nothing refers to is kept at the end (every note accounted for). Emphasis marks and link syntax are
taken off the note text (``*Title*`` -> ``Title``, ``[site](https://…)`` -> ``site https://…``).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from annobib.documents.common import anchors, mark
from annobib.documents.model import Doc, DocNote
from annobib.errors import InputError

_DEF = re.compile(r"^ {0,3}\[\^([^\]\s]{1,40})\]:[ \t]?(.*)$")
_REF = re.compile(r"\[\^([^\]\s]{1,40})\](?!:)")
_INLINE = re.compile(r"\^\[((?:[^\[\]]|\[[^\[\]]*\])*)\]")
# Emphasis is read as ``(?<![\w*])(\*{1,3}|_{1,3})(?=\S)(.+?)(?<=\S)\1(?![\w*])`` would read it,
# but by _unemphasize: that regex scans to the line's end from every opener that never closes.
_OPENER = re.compile(r"(?<![\w*])[*_]")
_CLOSERS = {d: re.compile(r"(?<=\S)" + re.escape(d) + r"(?![\w*])") for c in "*_" for d in (c, c * 2, c * 3)}
# A target stops at '[' and an autolink at '<', so an opener that never closes ends its scan at
# the next opener (neither character belongs in a URL unescaped).
_LINK = re.compile(r"\[([^\[\]]*)\]\((<?)([^\s\[]+?)>?(?:\s+\"[^\"]*\")?\)")
_AUTOLINK = re.compile(r"<((?:https?|ftp)://[^\s<>]+|mailto:[^\s<>]+)>")
# a character every piece of syntax plain() takes off needs: a text without one is already plain
_SYNTAX_CHAR = re.compile(r"[\[<*_\\`]")


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return data.decode("gb18030")
        except UnicodeDecodeError:
            raise InputError(f"{name}: not UTF-8, GBK or GB18030 text; convert it to UTF-8 first") from None


def plain(text: str) -> str:
    """Markdown inline syntax off a line: emphasis, links, autolinks, code ticks, escapes."""
    if not _SYNTAX_CHAR.search(text):
        return text  # most notes, and all 100,000 of a hostile run of ``x^[a]`` (~5 µs each)
    text = _LINK.sub(lambda m: m.group(3) if m.group(1) in ("", m.group(3)) else f"{m.group(1)} {m.group(3)}", text)
    text = _AUTOLINK.sub(r"\1", text)
    for _ in range(2):
        text = _unemphasize(text)
    return re.sub(r"\\([\\`*_{}\[\]()#+\-.!])", r"\1", text.replace("`", ""))


def _unemphasize(text: str) -> str:
    """Emphasis marks off, left to right, each opener closed by the first closer after it on its
    line (as the lazy regex above would): every closer is found once, then looked up by bisection."""
    closers: dict[str, list[int]] = {}
    out: list[str] = []
    done = 0
    for m in _OPENER.finditer(text):
        at = m.start()
        if at < done:
            continue
        mark_char = text[at]
        run = 1
        while run < 3 and text.startswith(mark_char, at + run):
            run += 1
        for size in range(run, 0, -1):
            start = at + size
            if start >= len(text) or text[start].isspace():
                continue
            delim = mark_char * size
            found = closers.get(delim)
            if found is None:
                found = closers[delim] = [c.start() for c in _CLOSERS[delim].finditer(text)]
            i = bisect_left(found, start + 1)
            line_end = text.find("\n", start)
            if i < len(found) and (line_end < 0 or found[i] < line_end):
                out += [text[done:at], text[start : found[i]]]
                done = found[i] + size
                break
    return "".join(out) + text[done:] if out else text


def _split(text: str) -> tuple[list[str], dict[str, list[str]]]:
    """Body lines and footnote definitions (each a list of paragraphs' lines)."""
    body: list[str] = []
    defs: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in text.split("\n"):
        m = _DEF.match(line)
        if m:
            current = defs.setdefault(m.group(1), [])
            current.append(m.group(2))
        elif current is not None and (line.startswith(("    ", "\t")) or not line.strip()):
            current.append(line.strip())
        else:
            current = None
            body.append(line)
    return body, defs


def read_markdown(data: bytes, name: str) -> Doc | None:
    # here: the name is rebound in this module
    from annobib.extract.document import join_lines

    text = _decode(data, name).replace("\r\n", "\n").replace("\r", "\n")
    body, defs = _split(text)
    inline: list[str] = []
    paragraphs, para = [], []
    for line in body + [""]:
        if not line.strip() or line.lstrip().startswith("#"):
            if para:
                paragraphs.append(join_lines(para))
                para = []
            if line.strip():
                paragraphs.append(line.strip().lstrip("#").strip())
        else:
            para.append(line.strip())
    order: list[str] = []

    def ref(m: re.Match) -> str:
        key = m.group(1)
        if key not in defs:
            return m.group(0)
        order.append(key)
        return mark(len(order) - 1)

    def inline_note(m: re.Match) -> str:
        inline.append(m.group(1))
        order.append(f"\0{len(inline) - 1}")
        return mark(len(order) - 1)

    stream = "\n".join(plain(_REF.sub(ref, _INLINE.sub(inline_note, p))) for p in paragraphs)
    if not order and not defs:
        return None  # no footnotes: the text path reads it (markers in the text, notes below)
    said = anchors(stream)
    notes: list[DocNote] = []
    seen: set[str] = set()
    for i, key in enumerate(order):
        if key in seen:
            continue
        seen.add(key)
        raw = [inline[int(key[1:])]] if key.startswith("\0") else defs[key]
        notes.append(DocNote(number=len(notes) + 1, lines=_note_lines(raw, join_lines), anchor=said.get(i)))
    for key, raw in defs.items():
        if key not in seen:
            notes.append(DocNote(number=len(notes) + 1, lines=_note_lines(raw, join_lines)))
    return Doc(kind="markdown", notes=notes)


def _note_lines(raw: list[str], join_lines) -> list[str]:
    paras, cur = [], []
    for line in raw + [""]:
        if line.strip():
            cur.append(line.strip())
        elif cur:
            paras.append(plain(join_lines(cur)))
            cur = []
    return paras
