"""The serial part of ``extract --notes`` (splitting, joining works, keys, writing) stays cheap:
what the parent process does alone is what keeps a long notes file from using every core."""

from __future__ import annotations

import gc
import traceback

from annobib.extract import extract_notes, load_pipeline

NOTES = [
    "王某：《大国关系》，北京：某某出版社2015年版，第{k}页。",
    "同上，第{k}页。",
    "Robert Jervis, Perception and Misperception in International Politics (Princeton: Princeton University Press, 1976), p. {k}.",
    "李明:《联盟政治的逻辑》,《世界经济与政治》2012年第4期,第{k}页。",
    "Ibid., {k}.",
    "佐藤優『国家の罠』新潮社、2005年、{k}頁。",
]


def _document(count: int) -> str:
    return "\n\n".join(f"{k}. " + NOTES[k % len(NOTES)].format(k=k) for k in range(1, count + 1))


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
        x = extract_notes(_document(600))
    finally:
        gc.callbacks.remove(count)
    assert len(x.notes) == 600 and x.entries
    assert runs == []
    assert gc.isenabled()
