"""The parser's fast path for plain entries gives exactly bibtexparser's records, and a file of
many tiny blocks reads fast and round-trips byte for byte."""

from __future__ import annotations

import random
import time

import pytest

from annobib.bib import parse as bp
from conftest import best_cpu, parsed_fast_and_slow

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, assume, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


# pieces that look like BibTeX, near-misses included: the fast path must take the plain ones
# and hand every other one to bibtexparser, so the two always agree
TYPES = ["article", "Book", "misc", "comment", "commentary", "string", "preamble", "a", "x-y"]
KEYS = ["k", "liu2025", "K:1", "a b", "", "k{", 'k"', "k@x", "k%", "中文"]
NAMES = ["title", "Title", "year", "x-y", "a.b", "t", "1bad", ""]
VALUES = [
    "{T}",
    "{T {x} y}",
    "{a{b{c}}}",
    "{{{{x}}} y {z}}",
    "{{a, b} = c}",
    "{{%}}",
    '"q"',
    '"a{b}c"',
    "2020",
    "jan",
    '{\\"u}',
    "{50%}",
    "{a@b}",
    "{x} # jan",
    '"a" # "b"',
    "{}",
    '""',
    "{a\nb}",
    "{unclosed",
    '"unclosed {x',
    "12ab",
    "{ spaced }",
    "{\u202e}",
    "{a \\% b}",
    "{a\\}b}",
    "{x\\{y}",
    "{\\\\}",
    "{a # b}",
    '{say "hi"}',
    "{http://x/#frag}",
    "{\\'{e}}",
    "{x \\ y}",
    "{x \\",  # a backslash ending a line: bibtexparser does not count that newline
]
SEPS = [",", ", ", ",\n  ", " ,", ""]
TAILS = ["\n", "\n\n", "\nfree text\n", "\nmail me@x\n", "", "   \n% comment\n"]


@st.composite
def chunks(draw):
    head = draw(st.sampled_from(["@", " @", "@ ", "\t@"])) + draw(st.sampled_from(TYPES))
    head += draw(st.sampled_from(["{", "{", "(", " {"])) + draw(st.sampled_from(KEYS))
    fields = draw(
        st.lists(
            st.tuples(st.sampled_from(NAMES), st.sampled_from([" = ", "=", " ="]), st.sampled_from(VALUES)), max_size=4
        )
    )
    body = "".join(draw(st.sampled_from(SEPS)) + n + eq + v for n, eq, v in fields)
    close = draw(st.sampled_from(["}", ",}", "\n}", ")", ""]))
    return head + body + close + draw(st.sampled_from(TAILS))


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(chunks(), min_size=1, max_size=4))
def test_fast_path_records_equal_bibtexparser(cs):
    # chunks as a file gives them: each after the first starts where chunk_bounds cuts
    assume(all(bp.CHUNK_AFTER_NL.match(b"\n" + c.encode()) for c in cs[1:]))
    fast, slow = parsed_fast_and_slow(cs)
    assert fast == slow


def test_plain_entries_take_the_fast_path_and_others_do_not():
    assert bp._fast_record('@article{k1, title={T {x} y}, year=2020, month=jan, note="q",}\n')
    assert bp._fast_record("@a{k,}\n") and bp._fast_record("@a{k}\n")
    assert bp._fast_record('@book(k, title = {A (b)}, note = "c)", year = 2000)\n')  # `(` entries too
    for text in ('{\\"u}', "{50\\%}", "{50%}", "{http://x/#frag}", '{say "hi"}', "{\\'{e}}"):
        assert bp._fast_record(f"@a{{k, t={text}}}\n"), text  # text inside braces, to bibtexparser too
    for chunk in (
        "@string{s = {x}}\n",
        "@comment{x}\n",
        "@a{k, t={x}, t={y}}\n",
        "@a{k, t={a\\}b}}\n",  # a brace after a backslash: bibtexparser does not count it
        "@a{k, t={\\\\}}\n",
        "@a{k, t = {x} # jan}\n",
        "@a{k, t={x}}\ntext @b{j,}\n",
        "@a(k, t={x)\n",
    ):
        assert bp._fast_record(chunk) is None, chunk


def test_no_pathological_slowdown_on_a_near_miss():
    for text in ("@a{k," + "f={x}," * 60000 + "g", "@a{k," + "f=abc," * 60000 + "=", "@a{k,t={" + "a{b}" * 60000):
        t = time.perf_counter()
        assert bp._fast_record(text) is None
        assert time.perf_counter() - t < 1.0


def test_many_tiny_blocks_read_fast_and_round_trip(tmp_path):
    from annobib.bib import read_library, write_library

    rng = random.Random(7)
    parts = []
    for i in range(40000):
        kind = rng.random()
        if kind < 0.7:
            parts.append(f"@a{{k{i},}}\n")
        elif kind < 0.95:
            parts.append(f"@misc{{k{i}, title={{t{i}}}, year={2000 + i % 25}}}\n")
        else:
            parts.append(f'@misc{{k{i}, note = "a" # jan}}\n')  # the slow path, mixed in
    path = tmp_path / "tiny.bib"
    text = "".join(parts)
    assert len(text.encode()) < 1_000_000
    path.write_text(text, encoding="utf-8")
    got = []
    elapsed = best_cpu(lambda: got.append(read_library(path)), 2)  # CPU, the better of two: load-proof
    lib = got[-1]
    assert len(lib.entries) == 40000
    assert elapsed < 4.0, elapsed  # bibtexparser alone: ~3 s on the 2-core machine, this ~0.6 s
    entry = next(e for e in lib.entries if e.key == "k3")
    assert entry.key == "k3"
    write_library(lib, path)
    assert path.read_text(encoding="utf-8") == text  # nothing touched: byte for byte


def test_a_backslash_ending_a_line_keeps_later_blocks_in_their_chunks():
    chunks = ["@article{k, t = {x \\\n}, t = {y}}\n", '@article{j, t = "q" # s}\n', "@article{m, t = {z}}\n"]
    fast, slow = parsed_fast_and_slow(chunks)
    assert fast == slow
    assert [rec[0][4] for rec in slow] == ["k", "j", "m"]  # each block in its own chunk, none shifted


def test_deeply_nested_values_skip_bibtexparser(monkeypatch):
    sent: list[int] = []
    real = bp._parse_with_bibtexparser
    monkeypatch.setattr(bp, "_parse_with_bibtexparser", lambda chunks: sent.append(len(chunks)) or real(chunks))
    deep = "{" * 50_000 + "x" + "}" * 50_000
    chunk = f"@misc{{a,\n title = {deep}, year = 2020, note = {{{{a}}{{b}}}}}}\n"
    records = bp.parse_chunks([chunk])
    assert sum(sent) == 0  # 300,000 deep took bibtexparser 0.5 s
    assert records == real([chunk]) and records[0][0][5][0] == ("title", deep)
    assert bp._deep_record(chunk.replace("}\n", "}}\n")) == real([chunk.replace("}\n", "}}\n")])[0]
