"""The cached haystacks are mapped from the view file, not copied in, and search the same."""

from __future__ import annotations

import mmap
from pathlib import Path

from generate import generate

from annobib.lookup import store
from annobib.lookup import view as cache
from annobib.lookup.query import parse, run


def _keys(path: Path, query: str, use_cache: bool = True) -> list[str]:
    v = cache.load_view(path, use_cache=use_cache)
    return [v.keys()[i] for i, _ in run(parse(query), v.haystacks)]


def test_the_haystacks_sit_on_a_page_and_are_mapped(tmp_path, monkeypatch):
    monkeypatch.setenv("ANNOBIB_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "g.bib"
    path.write_text(generate(300, seed=3), encoding="utf-8")
    cache.load_view(path)  # builds and writes the view
    vpath = store.cache_base(path).with_suffix(".view")
    header = store.read_header(vpath)
    assert header is not None
    off, length = header["sections"]["hay.0"]
    assert length and (header["base"] + off) % mmap.ALLOCATIONGRANULARITY == 0
    text = cache.load_view(path).haystacks.text
    assert isinstance(text, mmap.mmap)
    assert text[:] == store.section_reader(vpath, header)("hay")[0][:]  # the same bytes


def test_a_mapped_search_finds_what_an_uncached_one_does(tmp_path, monkeypatch):
    monkeypatch.setenv("ANNOBIB_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "g.bib"
    path.write_text(generate(300, seed=5), encoding="utf-8")
    cache.load_view(path)
    assert isinstance(cache.load_view(path).haystacks.text, mmap.mmap)
    for query in ("alliance -japan", "year:2001..2010", "世界", "a OR b", "key:ja", "nosuchword"):
        assert _keys(path, query) == _keys(path, query, use_cache=False), query
    assert _keys(path, "世界") and _keys(path, "alliance -japan")  # the comparisons see hits
    other = tmp_path / "h.bib"  # two files: the mapped haystacks are joined
    other.write_text(generate(40, seed=9), encoding="utf-8")
    cache.load_view(other)
    both = cache.load_views([path, other])
    fresh = cache.load_views([path, other], use_cache=False)
    hits = [i for i, _ in run(parse("alliance"), both.haystacks)]
    assert hits == [i for i, _ in run(parse("alliance"), fresh.haystacks)]
    assert any(i >= 300 for i in hits)  # the second file's entries are found too
