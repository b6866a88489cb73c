"""Helpers shared by the held-out sets' build.py scripts (tests/data/extract_heldout4/, …5/).

Each build.py puts this folder on sys.path and imports from here, so it still runs as a script
(``python tests/data/extract_heldout5/build.py``) and loads in the tests by file path.
"""

from __future__ import annotations

from pathlib import Path

ZH, EN, JA, KO = "chinese", "english", "japanese", "korean"
NEWS = "newspaper"


def W(etype, locator=None, **fields):
    """A full citation: entry type, expected fields, expected locator (cited page / range)."""
    if locator is None and fields.get("entrysubtype") == "newspaper" and "-" not in fields.get("pages", "-"):
        locator = fields["pages"]  # a newspaper's page (第 2 版) is also the page the note cites
    return {"type": etype, "fields": fields, "locator": locator}


def R(note, locator=None, idx=0):
    """A back-reference to citation ``idx`` of note ``note``."""
    return {"ref": [note, idx], "locator": locator}


def RP(page, note, locator=None, idx=0):
    """A back-reference to citation ``idx`` of note ``note`` on page ``page`` (article notes)."""
    return {"ref": [page, note, idx], "locator": locator}


def note_expected(n, pattern, text, status, citations):
    """The expectation of note ``n`` of notes.txt."""
    return {"n": n, "pattern": pattern, "text": text, "status": status, "citations": citations}


def article_expected(notes, pages):
    """An article's expectation from its (page, n, pattern, text, status, citations) rows."""
    return {"page_numbers": pages, "notes": [{"page": p, "note": n, "pattern": pat, "text": t, "status": s, "citations": c}
                                             for (p, n, pat, t, s, c) in notes]}


def write(outputs: dict[str, str], here: Path) -> None:
    """Write each data file next to its build.py."""
    for name, text in outputs.items():
        (here / name).write_text(text, encoding="utf-8")
