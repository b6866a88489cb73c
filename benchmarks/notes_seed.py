"""How closely ``--style cn-notes`` reproduces the bundled article's own footnotes.

    python benchmarks/notes_seed.py [-v]

The article (``refs/article.txt``) is a Chinese journal article with footnotes in the note
style of Chinese social-science journals; ``refs/article.bib`` holds its works. For every work's
first citation, the printed note (as ``annobib.extract`` reads it from the text) is compared
with annobib's full note of the entry. Set aside, as the check requires: lead-ins (``参见``,
``转引自`` …, and the trailing ``等`` of a note citing several works), the cited pages
(``，第 25—27 页``, ``, p. 2``, ``, pp. 12-13``) and the sentence end, and white space — the PDF's
text has lost or gained spaces around quotation marks and digits (``Sen,“U.S.``, ``2025年第 2
期``), which are typesetting, not the note. Everything else must be identical.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
_PAGES = re.compile(r"[，,]\s*(?:第\s*[\d\s\-–—,，、]+\s*页|pp?\.\s*[\d\s\-–—,]+)(?=[，,。.]|$)")


def normalize(note: str) -> str:
    from annobib.extract.citations import strip_lead_in

    text = strip_lead_in(note).strip().rstrip("。.")
    text = re.sub(r"等$", "", text)
    text = _PAGES.sub("", text)
    text = re.sub(r"\s+", "", text)
    return text.rstrip("。.")


def compare(article: Path = REPO / "refs" / "article.txt", bib: Path = REPO / "refs" / "article.bib"):
    """(identical, total, [(key, printed, ours)] of the differing ones)."""
    from annobib.bib import read_library
    from annobib.extract import extract_text
    from annobib.extract.citations import split_top
    from annobib.render import render
    from annobib.styles.cnnotes import note

    entries = {e.key: e for e in read_library(str(bib)).entries}
    seen: set[str] = set()
    same, differ = 0, []
    for r in extract_text(article.read_text(encoding="utf-8")).notes:
        if r.status != "cited":
            continue
        pieces = split_top(r.note.text) if len(r.keys) > 1 else [r.note.text]
        for key, printed in zip(r.keys, pieces):
            if key in seen or key not in entries:
                continue
            seen.add(key)
            e = entries[key]
            loc = next((c.locator for c in e.citations if c.note == r.note.number and c.page == r.note.page), None)
            ours = render(note(e, "full", loc), "text")
            if normalize(printed) == normalize(ours):
                same += 1
            else:
                differ.append((key, printed, ours))
    return same, same + len(differ), differ


def main() -> None:
    sys.path.insert(0, str(REPO / "cli"))
    same, total, differ = compare()
    print(f"first-citation notes identical: {same}/{total} = {same / total:.1%}")
    if "-v" in sys.argv:
        for key, printed, ours in differ:
            print(f"\n{key}\n  printed: {printed}\n  annobib: {ours}")


if __name__ == "__main__":
    main()
