"""CSL-JSON export converts each distinct entry body once: entries that differ only in key get
the same item under their own ``id`` and ``citation-key``, byte for byte what converting each
alone gives, and a note that pins a key (``Citation Key: …``) is still converted per entry."""

from __future__ import annotations

import json

from annobib.exchange import csl_json
from annobib.model import Entry


def _entries() -> list[Entry]:
    bodies = [
        ("misc", {"title": "a"}),
        ("article", {"author": "Liu, Lin and 林铎", "title": "T", "journaltitle": "J", "date": "2025-03"}),
        ("online", {"title": "P", "url": "https://example.org/", "note": "Citation Key: k3"}),
    ]
    return [Entry(f"k{i}", *bodies[i % 3][0:1], dict(bodies[i % 3][1])) for i in range(12)]


def test_shared_bodies_give_what_each_entry_gives_alone(monkeypatch):
    entries = _entries()
    alone = [csl_json.entry_to_csl(e) for e in entries]
    calls = []
    real = csl_json.entry_to_csl
    monkeypatch.setattr(csl_json, "entry_to_csl", lambda e: calls.append(e.key) or real(e))
    text = csl_json.dumps(entries)
    assert json.loads(text) == alone
    assert text == json.dumps(alone, ensure_ascii=False, indent=2) + "\n"
    # one conversion per body, but every entry with a key-pinning note on its own
    assert calls == ["k0", "k1", "k2", "k5", "k8", "k11"]
    assert [item["citation-key"] for item in json.loads(text)] == [e.key for e in entries]
