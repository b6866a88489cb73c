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


def _view(tmp_path, text: str):
    from annobib.lookup.view import load_view

    bib = tmp_path / "t.bib"
    bib.write_text(text, encoding="utf-8")
    return load_view(bib, use_cache=False)


def test_search_scores_shared_bodies_like_each_alone(tmp_path):
    from annobib.lookup import query as q

    # the same bodies under keys that hold the word or not (the key group scores highest)
    text = "".join(f"@misc{{{k}{i},{b}}}\n" for i, (k, b) in enumerate((k, b) for b in BODIES for k in KEYS))
    view = _view(tmp_path, text)
    for words in ("a", "k", "x", "liulin", "key:k a", "-k a", "a OR ke"):
        parsed = q.parse(words)
        direct = [(i, s) for i, h in enumerate(view.haystacks) if (s := q.match(parsed, h))]
        direct.sort(key=lambda x: -x[1])
        assert q.run(parsed, view.haystacks) == direct, words


def test_matched_in_names_each_entrys_own_fields(tmp_path):
    from annobib.lookup import query as q

    # one haystack (t and u both go to the "rest" group) but different field names
    text = "".join(f"@misc{{k{i},{'t' if i % 2 else 'u'}={{zz}}}}\n" for i in range(6)) + "@misc{zz9,u={zz}}\n"
    view = _view(tmp_path, text)
    parsed = q.parse("zz")
    hits = q.run(parsed, view.haystacks)
    why = q.matched_in(view, parsed, hits)
    assert {view.keys()[i]: why.get(i) for i, _ in hits} == {
        **{f"k{i}": ["t" if i % 2 else "u"] for i in range(6)},
        "zz9": None,  # the key shows why it matched
    }


def test_rows_are_built_once_per_distinct_body():
    """The point of sharing: 120 entries over 7 bodies summarize 7 entries, not 120."""
    blocks = [f"@misc{{K{i},{BODIES[i % len(BODIES)]}}}\n" for i in range(120)]
    items, strings = _items("".join(blocks))
    seen: list[int] = []

    def counting(entries):
        seen.append(len(entries))
        return build.batch_summaries(entries)

    rows = build.rows_of(items, strings, summarize=counting)
    assert seen == [len(BODIES)]
    assert [r[0] for r in rows] == [f"K{i}" for i in range(120)]
    assert rows == build._rows(items, strings)


def test_broad_search_scores_each_distinct_body_once(tmp_path, monkeypatch):
    """A broad query over many entries with few bodies: the shared-bodies pass gives exactly
    the hits of scoring each haystack whole (keys that hold a query word, or are not ASCII,
    scored with their key), and scores far fewer haystacks than there are entries."""
    from annobib.lookup import query as q

    keys = KEYS + ("ka", "a", "x\u00e9", "k")
    text = "".join(f"@misc{{{keys[i % len(keys)]}{i},{BODIES[i % len(BODIES)]}}}\n" for i in range(3000))
    view = _view(tmp_path, text)
    real = q.match
    calls: list[int] = []

    def counting(query, hay):
        calls.append(1)
        return real(query, hay)

    for words in ("a", "k", "x", "liulin", "-k a", "a OR ke", "-zz", "year:2001", "ka"):
        parsed = q.parse(words)
        direct = [(i, s) for i, h in enumerate(view.haystacks) if (s := real(parsed, h))]
        direct.sort(key=lambda x: -x[1])
        calls.clear()
        monkeypatch.setattr(q, "match", counting)
        got = q.run(parsed, view.haystacks)
        monkeypatch.setattr(q, "match", real)
        assert got == direct, words
        if words in ("-zz", "year:2001"):  # 3 keys in 10 are not ASCII (scored whole), 7 bodies
            assert len(calls) < 1000, (words, len(calls))  # shared, not one by one
    for words in ("a", "-k a"):  # the usual way (the pass switched off) agrees
        parsed = q.parse(words)
        shared = q._run_shared_bodies(parsed, view.haystacks)
        assert shared
        monkeypatch.setattr(q, "SHARED_MIN", 10**9)
        assert q._run_shared_bodies(parsed, view.haystacks) is None
        assert q.run(parsed, view.haystacks) == sorted(shared, key=lambda x: -x[1])
        monkeypatch.undo()


def test_matched_in_for_many_hits_names_each_entrys_own_fields(tmp_path, monkeypatch):
    """The many-hits way of :func:`matched_in` (keys split once, records read in bulk) names
    each entry's own field, as hit by hit does; a key holding the word shows why it matched."""
    from annobib.lookup import query as q

    names = ("t", "u", "note", "title")
    text = "".join(f"@misc{{{'zz' if i % 7 == 0 else 'k'}{i},{names[i % 4]}={{zz}}}}\n" for i in range(3000))
    view = _view(tmp_path, text)
    parsed = q.parse("zz")
    hits = q.run(parsed, view.haystacks)
    assert len(hits) == 3000
    why = q.matched_in(view, parsed, hits)
    keys = view.keys()
    for i, _ in hits:
        k = keys[i]
        if k.startswith("zz") or names[int(k.lstrip("zk")) % 4] == "title":
            assert i not in why, k  # the key or the title column shows it
        else:
            assert why[i] == [names[int(k.lstrip("zk")) % 4]], k
    monkeypatch.setattr(q, "SHARED_MIN", 10**9)  # hit by hit: the same answer
    assert q.matched_in(view, parsed, hits) == why


def test_broad_search_on_a_mapped_view(tmp_path, monkeypatch):
    """The second read of a file maps its haystacks from the cache (``mmap``: no ``count``); a
    broad search there takes the shared-bodies pass and must answer as the first, parsed read."""
    from annobib.lookup.query import SHARED_MIN, parse, run
    from annobib.lookup.view import load_view

    monkeypatch.setenv("ANNOBIB_CACHE_DIR", str(tmp_path / "cache"))
    bib = tmp_path / "t.bib"
    bib.write_text("".join(f"@misc{{k{i},title={{a b}}}}\n" for i in range(SHARED_MIN + 10)), encoding="utf-8")
    first = load_view(bib)
    cold = [run(parse(q), first.haystacks) for q in ("a", "b k1")]
    warm_view = load_view(bib)
    assert type(warm_view.haystacks.text) is not bytes  # mapped, or the test proves nothing
    assert [run(parse(q), warm_view.haystacks) for q in ("a", "b k1")] == cold
    assert len(cold[0]) == SHARED_MIN + 10
