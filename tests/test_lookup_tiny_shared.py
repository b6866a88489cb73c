"""Entries that share a body (type and fields) under different keys are indexed once and the
result copied (issue 12, files of many tiny entries): the copies must be exactly what indexing
each entry on its own gives, key included (case folded in the haystack, kept in the row)."""

from __future__ import annotations

from annobib.bib.library import collect_strings, parse_records
from annobib.lookup import build
from annobib.lookup.align import full_table

BODIES = (
    "title={a}",
    "author={刘琳}, title={世界 知识}",
    'title={{\\"U}ber}, author={Zoë Müller and others}',
    't = "x" # mac',
    "langid={chinese}, title={美菲}",
    "title={  spaced   out }, url={http://www.x.org/a}",
    "year=2001",
)
KEYS = ("K1", "k2", "Key:3", "ключ", "鍵", "a-b")


def _items(text: str):
    data = text.encode()
    chunks, _lines, digests, _starts, _known = full_table(data)
    recs, _ = parse_records(list(chunks), list(digests), None)
    strings = collect_strings(recs, len(data), "t.bib")
    return [it for rec in recs for it in rec if it[0] == "entry"], strings


def test_shared_bodies_index_as_each_alone():
    blocks = ["@string{mac = {Macro Text}}\n"]
    for i in range(120):
        blocks.append(f"@{'misc' if i % 3 else 'Article'}{{{KEYS[i % len(KEYS)]}{i},{BODIES[i % len(BODIES)]}}}\n")
    items, strings = _items("".join(blocks))
    hays, rows = build._shared(items, strings, True)
    assert len(hays) == len(rows) == len(items) == 120
    assert hays == build.batch_hays(items, strings)
    assert rows == build._rows(items, strings)
    # and each copy names its own entry
    assert [r[0] for r in rows] == [it[4] for it in items]
    assert hays[0].startswith(b"\x01k10\x02")


def test_shared_without_rows():
    items, strings = _items("".join(f"@misc{{Q{i},title={{a}}}}\n" for i in range(5)))
    hays, rows = build._shared(items, strings, False)
    assert rows == []
    assert [h.split(b"\x02")[0] for h in hays] == [b"\x01q%d" % i for i in range(5)]
    assert hays == build.batch_hays(items, strings)
