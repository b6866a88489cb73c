"""Round 9, F8: duplicate keys and long search queries stay linear and say little."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from annobib.lookup import query as query_mod
from conftest import run_cli


def test_a_key_used_90000_times_gives_a_bounded_number_of_findings(tmp_path):
    """E101 (round 9, F8): ten re-uses of a key one by one, then one finding for the rest; each
    other duplicated key still gets its own."""
    from annobib.checks.structure import DUPLICATES_SHOWN

    bib = tmp_path / "dups.bib"
    pairs = "".join(f"@misc{{p{i}, title={{A}}}}\n@misc{{p{i}, title={{B}}}}\n" for i in range(30))
    bib.write_text("@misc{a,}\n" * 3000 + pairs, encoding="utf-8")
    res = run_cli(["--bib", str(bib), "validate", "--select", "E101", "--format", "json"])
    assert res.exit_code == 1, res.stderr
    found = json.loads(res.stdout)
    findings = found["findings"] if isinstance(found, dict) else found
    of_a = [f for f in findings if f["key"] == "a"]
    assert len(of_a) == DUPLICATES_SHOWN + 1
    assert "2989 more entries" in of_a[-1]["message"] and "line 3000" in of_a[-1]["message"]
    assert len([f for f in findings if f["key"].startswith("p")]) == 30


ARTICLE_BIB = Path(__file__).resolve().parents[1] / "refs" / "article.bib"


def test_the_no_match_line_does_not_repeat_a_long_query():
    query = " OR ".join(f"zq{i}" for i in range(3000))
    res = run_cli(["--bib", str(ARTICLE_BIB), "search", "--", query])
    assert res.exit_code == 1
    assert res.stderr.startswith("annobib: no entry matches") and len(res.stderr) < 200, len(res.stderr)


def test_many_words_absent_from_every_entry_are_not_scored_one_by_one(monkeypatch):
    """12,000 ORed words used to call the scorer once per word and entry."""
    calls = [0]
    real = query_mod._term_score

    def counting(term, hay):
        calls[0] += 1
        return real(term, hay)

    monkeypatch.setattr(query_mod, "_term_score", counting)
    for query in (" OR ".join(f"zq{i}" for i in range(4000)), " ".join(f"-zq{i}" for i in range(4000))):
        calls[0] = 0
        run_cli(["--bib", str(ARTICLE_BIB), "search", "--", query])
        assert calls[0] < 100, calls[0]


WORDS = ["liu", "alliance", "2025", "shijie", "世界", "zhishi", "the", "of", "secretary", "zq", "a", "an", "ing"]


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(WORDS + [f"w{i}" for i in range(40)]), st.booleans(), st.booleans()),
        min_size=1,
        max_size=60,
    )
)
def test_the_many_word_path_finds_what_the_word_by_word_path_finds(words):
    parts, first = [], True
    for word, neg, ored in words:
        if not first:
            parts.append("OR" if ored else "")
        parts.append(("-" if neg else "") + word)
        first = False
    query = query_mod.parse(" ".join(p for p in parts if p))
    hays = _hays()
    fast = [query_mod.match(query, h) for h in hays]
    slow_query = query_mod.parse(" ".join(p for p in parts if p))
    old = query_mod._MANY_WORDS
    query_mod._MANY_WORDS = 10**9  # every word searched for in the haystack, one by one
    try:
        slow = [query_mod.match(slow_query, h) for h in hays]
    finally:
        query_mod._MANY_WORDS = old
    assert fast == slow


_HAYS: list = []


def _hays() -> list[bytes]:
    if not _HAYS:
        from annobib.lookup.view import load_views

        _HAYS.extend(load_views([ARTICLE_BIB]).haystacks)
    return _HAYS


def test_a_key_holding_one_of_many_words_is_not_shared():
    hays = _hays()
    for hay in hays[:10]:
        key = hay[1 : hay.find(b"\x02")]
        many = [f"zz{i}".encode() for i in range(40)]
        assert query_mod.keyless(hay, many) is not None
        assert query_mod.keyless(hay, [*many, key[1:4]]) is None  # a word inside the key
