"""The serial part of ``extract --notes`` (splitting, joining works, keys, writing) stays cheap:
what the parent process does alone is what keeps a long notes file from using every core."""

from __future__ import annotations

import gc
import random
import re
import traceback
from pathlib import Path

from annobib.extract import document as D
from annobib.extract import extract_notes, load_pipeline
from annobib.extract import numbering as N
from annobib.extract.document import normalize_text
from annobib.extract.keys import fold
from conftest import notes_document


def test_no_garbage_collection_while_notes_are_extracted(monkeypatch):
    """Every reading, work and note lives to the end and none forms a cycle: the collector would
    only walk them again and again (0.34 s of 16,000 notes). It is back on afterwards."""
    monkeypatch.setenv("ANNOBIB_JOBS", "1")
    load_pipeline()  # compiling modules' source (no .pyc) may collect: not the extraction's doing
    runs: list[str] = []

    def count(phase: str, info: dict) -> None:
        # the collections owed when the collector is back on come as the extraction returns
        names = {f.name for f in traceback.extract_stack()}
        if phase == "start" and names & {"loose_notes", "build_entries", "read_note"}:
            runs.append(f"generation {info['generation']}")

    gc.callbacks.append(count)
    try:
        x = extract_notes(notes_document(600))
    finally:
        gc.callbacks.remove(count)
    assert len(x.notes) == 600 and x.entries
    assert runs == []
    assert gc.isenabled()


DATA = Path(__file__).parent / "data"
# as they were before the speed rewrite: the reference the fast forms must agree with
OLD_NOISE_SPACE = re.compile(
    r" (?=[，。；：、！？）》」』”’])|(?<=[（《「『“‘：；，。]) (?=[\u4e00-\u9fff《「『“])|(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])"
)


def _old_clean_spacing(text: str) -> str:
    if " " not in text and "\t" not in text:
        return text.strip()
    text = re.sub(r"[ \t]+", " ", text).strip()
    if not D._WIDE.search(text):
        return text
    return OLD_NOISE_SPACE.sub("", text)


def _texts() -> list[str]:
    return [normalize_text(p.read_text(encoding="utf-8")) for p in sorted(DATA.glob("extract_*/*.txt"))]


def _random(alphabet: list[str], count: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 40))) for _ in range(count)]


def test_clean_spacing_as_the_lookbehind_regex():
    lines = [line for text in _texts() for line in text.split("\n")]
    alphabet = list(" \t  ，。（《「『“‘：；、！？）》」』”’中文字aB1\n")
    for text in lines + _random(alphabet, 10_000, 3):
        assert D.clean_spacing(text) == _old_clean_spacing(text), text


def _old_at_break(text: str) -> list[tuple[int, int, str | None]]:
    return [(m.start(), m.end(), m.lastgroup) for m in N._AT_BREAK.finditer(text)]


def _old_candidates(text: str, monkeypatch) -> list:
    with monkeypatch.context() as m:
        m.setattr(N, "_at_break", N._AT_BREAK.finditer)
        m.setattr(N, "_MARKED_OPEN", re.compile(r"(?=[\s\S])"))  # every position, as finditer
        return N.candidates(text)


def test_marker_candidates_as_the_whole_text_scans(monkeypatch):
    """The scans that jump to a marker's first character find what scanning every position
    found: the same markers, spans and shapes."""
    alphabet = list("\n\n  \t\u3000。.!?；;”’」』)）([【〔［]】〕］^:①⑫㊿0123456789 、．年A中《“") + [
        "12",
        "(4)",
        "[5]",
        "\n6 ",
    ]
    for text in _texts() + _random(alphabet, 5_000, 7):
        assert [(m.start(), m.end(), m.lastgroup) for m in N._at_break(text)] == _old_at_break(text), text
        assert N.candidates(text) == _old_candidates(text, monkeypatch), text


def test_an_ascii_word_folds_as_through_the_romanizing_path():
    """``fold`` takes a short cut for ASCII; the same text with a Han character between (the
    romanizing path, character by character) must give the same letters around it."""
    rnd = random.Random(11)
    for _ in range(5_000):
        a, b = ("".join(chr(rnd.randint(32, 126)) for _ in range(rnd.randint(0, 12))) for _ in range(2))
        assert fold(a + "中" + b) == fold(a) + fold("中") + fold(b) == fold(a) + "zhong" + fold(b), (a, b)
