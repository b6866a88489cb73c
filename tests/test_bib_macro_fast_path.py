"""The parser's fast path for plain ``@string`` and ``@preamble`` blocks gives bibtexparser's
records; files of many such blocks (and of many repeated blocks) read in linear time."""

from __future__ import annotations

import pytest

from annobib.bib import parse as bp
from conftest import best_cpu, parsed_fast_and_slow

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, assume, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


# near-misses included: the fast path takes the plain ones and hands the rest to bibtexparser
HEADS = ["@string", "@String", "@STRING", "@preamble", "@Preamble", "@strings", "@stringx", "@pre"]
NAMES = ["c1", "C1", "c-1:x", "a.b", "1bad", "", "a b", "jan"]
VALUES = [
    "c0",
    "jan",
    "12",
    '"x"',
    '"a{b}c"',
    '"\\newcommand{\\x}{y}"',
    '"a\\"',
    '"\\{"',
    '"{\\x"',
    '"\\\\x"',
    "{a b}",
    "{a {b} c}",
    "{a{b{c}}}",
    "{50%}",
    "{a # b}",
    "{a\\}b}",
    "{x",
    '"x',
    "",
    "{\u202e}",
    '"a@b"',
    "c0,",
]
JOINS = [" # ", "#", " #\n ", " "]
TAILS = ["\n", "\n\n", "  trailing\n", "\nmail me@x\n", "", "\n% note\n"]


@st.composite
def chunks(draw):
    head = draw(st.sampled_from(["", " ", "\t"])) + draw(st.sampled_from(HEADS))
    opening = draw(st.sampled_from(["{", "(", " {"]))
    values = draw(st.lists(st.sampled_from(VALUES), min_size=1, max_size=3))
    value = draw(st.sampled_from(JOINS)).join(values)
    pad = draw(st.sampled_from(["", " ", "\n"]))
    if "string" in head.lower():
        body = draw(st.sampled_from(NAMES)) + draw(st.sampled_from([" = ", "=", " ="])) + value
    else:
        body = value
    close = draw(st.sampled_from(["}", ")", ",}", ""]))
    return head + opening + pad + body + pad + close + draw(st.sampled_from(TAILS))


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(chunks(), min_size=1, max_size=4))
def test_macro_fast_path_records_equal_bibtexparser(cs):
    assume(all(bp.CHUNK_AFTER_NL.match(b"\n" + c.encode()) for c in cs[1:]))
    fast, slow = parsed_fast_and_slow(cs)
    assert fast == slow


def test_plain_strings_and_preambles_take_the_fast_path():
    assert bp._macro_record('@string{c1 = c0 # "y"}\n') == [("string", 0, 0, "c1", 'c0 # "y"', None)]
    assert bp._macro_record('@preamble{"\\newcommand{\\x}{y}"}\n') == [
        ("preamble", 0, 0, '"\\newcommand{\\x}{y}"', None)
    ]
    assert bp._macro_record("@string(c = {x})\n") == [("string", 0, 0, "c", "{x}", None)]
    for chunk in ("@string{c1}\n", "@string{c1 = c0,}\n", "@string{a = {x}}\n@string{b = {y}}\n", "@misc{a,}\n"):
        assert bp._macro_record(chunk) is None, chunk


def _chain(n: int) -> str:
    return (
        '@string{c0 = "x"}\n'
        + "".join(f"@string{{c{i} = c{i - 1}}}\n" for i in range(1, n))
        + (f"@misc{{l, title = c{n - 1}}}\n")
    )


def _preambles(n: int) -> str:
    return "".join(f'@preamble{{"\\newcommand{{\\x{i}}}{{y}}"}}\n' for i in range(n))


@pytest.mark.parametrize("make", [_chain, _preambles], ids=["string-chain", "preambles"])
def test_many_macro_blocks_read_in_linear_time_without_bibtexparser(make, monkeypatch):
    from annobib.bib import parse_library

    sent: list[int] = []
    real = bp._parse_with_bibtexparser
    monkeypatch.setattr(bp, "_parse_with_bibtexparser", lambda chunks: sent.append(len(chunks)) or real(chunks))
    small, big = make(2500), make(10000)
    lib = parse_library(big)
    assert sum(sent) == 0  # 40,000 `@string`s took bibtexparser's splitter 1.2 s
    if make is _chain:
        assert lib.get("l").fields["title"] == "x"
    t1 = best_cpu(lambda: parse_library(small))
    t4 = best_cpu(lambda: parse_library(big))
    assert t4 < 8 * t1 + 0.05, (t1, t4)


def test_repeated_blocks_are_parsed_once(monkeypatch):
    from annobib.bib import parse_library

    calls: list[int] = []
    real = bp._parse_distinct
    monkeypatch.setattr(bp, "_parse_distinct", lambda chunks: calls.append(len(chunks)) or real(chunks))
    lib = parse_library("@misc{a,}\n" * 20000 + (r'@preamble{"\\a"}' + "\n") * 20000)
    assert calls == [2]  # one entry chunk and one (bibtexparser's) preamble chunk, once each
    assert len(lib.entries) == 20000 and [b.kind for b in lib.blocks].count("preamble") == 20000


# entries of runs the fast path now reads too (`a=a=…`, `""""…`), and empty fields (`,,`)
ENTRY_VALUES = [
    '"""',
    '"a"b"c',
    '"a" # "b',
    '"{',
    '"x',
    '"a"}"',
    "a=b",
    "a=",
    "b=c=d",
    '""""',
    '"x""y"',
    '"x" "y"',
    '"a"""',
    "{x}",
    "jan",
    "12=3",
    "a\\=b",
    "a = b",
]


@st.composite
def entry_chunks(draw):
    head = draw(st.sampled_from(["@misc", " @Book", "@string", "@comment"])) + draw(st.sampled_from(["{", "("]))
    head += draw(st.sampled_from(["k", "", "k "]))
    slots = draw(st.lists(st.sampled_from(ENTRY_VALUES + ["", " ", "\n"]), max_size=4))
    body = "".join("," + (v if v.strip() == "" else f"t{n} = {v}") for n, v in enumerate(slots))
    close = draw(st.sampled_from(["}", ")", ",}", ""]))
    return head + body + close + draw(st.sampled_from(TAILS))


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(entry_chunks(), min_size=1, max_size=3))
def test_entry_fast_paths_equal_bibtexparser_on_runs_and_empty_fields(cs):
    assume(all(bp.CHUNK_AFTER_NL.match(b"\n" + c.encode()) for c in cs[1:]))
    fast, slow = parsed_fast_and_slow(cs)
    assert fast == slow


@pytest.mark.parametrize(
    "make",
    [
        lambda n: "@misc{k, a=" + "a=" * n + "}\n",
        lambda n: '@misc{k, t = "' + '"' * (2 * n - 1) + "}\n",
        lambda n: '@misc{k, t = "' + '"' * (2 * n) + "}\n",  # one left open: a failure
        lambda n: "@misc{k," + "," * n + "}\n",
    ],
    ids=["equals", "quotes", "open-quotes", "commas"],
)
def test_one_entry_of_a_long_run_skips_bibtexparser(make, monkeypatch):
    sent: list[int] = []
    real = bp._parse_with_bibtexparser
    monkeypatch.setattr(bp, "_parse_with_bibtexparser", lambda chunks: sent.append(len(chunks)) or real(chunks))
    small, big = make(50_000), make(200_000)
    assert bp.parse_chunks([small]) == real([small])
    assert sum(sent) == 0  # 900,000 marks (commas, quotes, `=`) took bibtexparser 1 s
    t1 = best_cpu(lambda: bp.parse_chunks([small]))
    t4 = best_cpu(lambda: bp.parse_chunks([big]))
    assert t4 < 8 * t1 + 0.05, (t1, t4)
