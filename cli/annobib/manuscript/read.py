"""Open a manuscript and hand it to the scanner for its kind (Word, LaTeX, Markdown)."""

from __future__ import annotations

import re
from pathlib import Path

from annobib.core.inputs import decode_article
from annobib.errors import InputError, read_error
from annobib.manuscript.scan import Paper, scan_latex, scan_markdown

MAX_PAPER = 64 << 20  # a manuscript larger than this is not a manuscript


def read_paper(path: str) -> Paper:
    """The citations of the manuscript at ``path`` (.docx by its XML, .tex/.ltx as LaTeX, else Markdown)."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_PAPER:
            raise InputError(f"{path}: {size >> 20} MB is too large for a manuscript")
        data = p.read_bytes()
    except OSError as exc:
        raise read_error(path, exc, "a manuscript") from None
    if data[:2] == b"PK":
        # lazy: only a .docx needs the Word reader (zip and XML parsing)
        from annobib.manuscript.word import scan_docx

        return Paper(path, scan_docx(data, path))

    text, _note = decode_article(data, path)
    if p.suffix.lower() in (".tex", ".ltx", ".latex") or (
        p.suffix.lower() not in (".md", ".markdown", ".txt") and re.search(r"\\(?:auto|paren|text|foot)?cite", text)
    ):
        groups, everything = scan_latex(text)
        return Paper(path, groups, everything)
    return Paper(path, scan_markdown(text))
