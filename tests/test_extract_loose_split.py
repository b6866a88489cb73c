"""Splitting a notes file: the reading by paragraphs is skipped only where it could not win.

``loose_notes`` takes the numbered run (:func:`~annobib.extract.numbering.numbered_run`) when it
is at least as long as the numbered notes the paragraph reading finds; a cheap upper bound of the
latter (:func:`~annobib.extract.notes._numbered_at_most`) lets a long numbered file skip that
reading. These tests hold the bound to its word on every test document and on noisy variants of
them, and check that the notes come out the same with the shortcut and without it."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from annobib.extract import notes as N
from annobib.extract.document import normalize_text

ROOT = Path(__file__).resolve().parents[1]
# the shapes that open or cut numbered notes, and the noise around them
PIECES = ["\n", "\n\n", "12\n", "3\n\n", "。(4) ", ". [5] ", "③", "[PDF] 6. ", "7 ", "８. ", "注 9 ", "¹ ", "(10)"]
PIECES += [
    "1000. ",
    "〔2〕",
    " ",
    "。",
    ".",
    "④3\n",
    "\n1. ① ",
    "\n\n1001. （1）",
    "\n1002. ① ",
    "\n999. (1000) ",
    "。 5) ",
]


def _documents() -> list[str]:
    paths = sorted((ROOT / "tests" / "data").glob("extract_*/*.txt")) + [ROOT / "refs" / "article.txt"]
    return [p.read_text(encoding="utf-8") for p in paths]


def _variants(per_document: int = 2) -> list[str]:
    rng = random.Random(11)
    out = []
    for text in _documents():
        out.append(text)
        paragraphs = re.split(r"\n\s*\n", text)
        for _ in range(per_document):
            k = rng.randint(1, max(1, min(40, len(paragraphs))))
            i = rng.randint(0, max(0, len(paragraphs) - k))
            chars = list("\n\n".join(paragraphs[i : i + k]))
            for _ in range(rng.randint(0, 12)):
                chars.insert(rng.randint(0, len(chars)), rng.choice(PIECES))
            out.append("".join(chars))
    return out


def test_the_bound_is_never_below_what_the_paragraph_reading_numbers():
    skipped = 0
    for text in _variants():
        text = N._before_end_mark(normalize_text(text))
        bound = N._numbered_at_most(text)
        numbered = sum(num is not None for num, _lines in N._paragraph_reading(text))
        assert numbered <= bound, text[:300]
        run = N.numbered_run(text)
        skipped += len(run) >= max(bound, 2)
    assert skipped >= 20  # the shortcut is taken on many of them, not only proved harmless


def test_the_bound_by_distinct_numbers_alone_is_never_below_either():
    for text in _variants():
        text = N._before_end_mark(normalize_text(text))
        bound = N._distinct_numbers_at_most(text, N._run_on_markers(text))
        numbered = sum(num is not None for num, _lines in N._paragraph_reading(text))
        assert numbered <= bound, text[:300]


def test_the_stop_first_scan_finds_the_run_on_markers_the_reading_finds():
    for text in _variants():
        wanted = [
            (m.start(), m.group(1) or m.group(2) or m.group(4) or m.group(3)) for m in N._RUN_ON_MARKER.finditer(text)
        ]
        found = N._run_on_markers(text)
        assert [at for at, _n in found] == [at for at, _g in wanted]
        assert [n for _at, n in found] == [N.CIRCLED.index(g) + 1 if g in N.CIRCLED else int(g) for _at, g in wanted]


def test_a_long_list_one_note_a_line_is_not_read_by_paragraphs(monkeypatch):
    # no blank lines, numbers past 999 (a marker that may be dropped), and notes holding run-on
    # markers that cannot continue the numbering: ``(Mar. 31).``, ``[26]`` after ``1972.``
    notes = [f"王某：《大国关系》，北京：某某出版社2015年版，第{k}页。" for k in range(1, 1201)]
    notes[1098] = "Pulp Mills (Arg. v. Uru.), Judgment, 2010 I.C.J. 14, 83 (Apr. 20)."
    notes[1149] = "[26] Rhee, Rethinking Hedging, p. 260."
    text = "\n".join(f"{k}. {note}" for k, note in enumerate(notes, 1))
    monkeypatch.setattr(N, "_paragraph_reading", lambda text: pytest.fail("read by paragraphs"))
    read = N.loose_notes(text)
    assert [n.number for n in read] == list(range(1, 1201))
    assert read[1149].text == "[26] Rhee, Rethinking Hedging, p. 260."


def test_notes_are_the_same_with_the_shortcut_and_without(monkeypatch):
    texts = _variants(per_document=1)
    fast = [[(n.number, n.text, n.lines) for n in N.loose_notes(t)] for t in texts]
    monkeypatch.setattr(N, "_numbered_at_most", lambda text, enough=None: 10**9)  # always read by paragraphs too
    slow = [[(n.number, n.text, n.lines) for n in N.loose_notes(t)] for t in texts]
    assert fast == slow


def test_a_long_numbered_file_is_not_read_by_paragraphs(monkeypatch):
    text = "\n\n".join(f"{k}. ① 王某：《大国关系》，北京：某某出版社2015年版，第{k}页。" for k in range(1, 501))
    monkeypatch.setattr(N, "_paragraph_reading", lambda text: pytest.fail("read by paragraphs"))
    notes = N.loose_notes(text)
    assert [n.number for n in notes] == list(range(1, 501))
    assert notes[4].text == "① 王某：《大国关系》，北京：某某出版社2015年版，第5页。"


def test_a_circled_digit_before_a_digit_is_no_folio():
    # ``④3`` alone on a line: str.isdigit() says yes, int() said no (an internal error)
    notes = N.loose_notes("王某：《大国关系》，北京：某某出版社2015年版，第12页。\n④3\n李某：《联盟》，2016年版。\n")
    assert notes and "④3" in notes[0].text


def test_the_bound_is_linear_on_one_long_line():
    import time

    text = "1. " + "王某。(2) 李某" * 60_000  # 600,000 characters, 60,000 run-on markers, one line
    started = time.process_time()
    assert N._numbered_at_most(text) >= 1
    assert time.process_time() - started < 1.0  # a scan of the line per marker took ~5 s
