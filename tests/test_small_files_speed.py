"""Files under 1 MB of many small entries (issue 12: no run over 1 s): the faster paths write
exactly what the plain ones did, and the slow path is not taken. Work is counted, not timed."""

from __future__ import annotations

import json
import os

import pytest

from annobib.core import jsonout, sanitize

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

FAST = settings(
    max_examples=300,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=os.environ.get("HYPOTHESIS_SEEDED", "1") != "0",
)

# --------------------------------------------------------------------------- JSON with indent

texts = st.text(st.sampled_from(list('ab "\\\n\t\x00\x1b\x7f\x85\u202e\u200b刘é\U0001f600')), max_size=6)
scalars = st.one_of(texts, st.integers(-(10**20), 10**20), st.booleans(), st.none(), st.floats())
plain = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(texts, inner, max_size=4)),
    max_leaves=20,
)
odd = st.recursive(  # shapes the fast writer hands back to json: tuples, keys that are not strings
    scalars,
    lambda inner: st.one_of(
        st.tuples(inner, inner), st.dictionaries(st.one_of(texts, st.integers(), st.booleans()), inner, max_size=3)
    ),
    max_leaves=8,
)


@FAST
@given(st.one_of(plain, odd), st.sampled_from([1, 2, 4]))
def test_indented_json_is_the_standard_librarys_text(data, indent):
    expected = json.dumps(data, ensure_ascii=False, indent=indent)
    assert jsonout.dumps(data, indent) == expected
    saved, jsonout.LONG_LIST = jsonout.LONG_LIST, 0  # every list a long one: items joined as made
    try:
        assert jsonout.dumps(data, indent) == expected
    finally:
        jsonout.LONG_LIST = saved


def test_a_long_list_is_held_as_item_texts_not_parts():
    """`validate --json` of 126,000 findings: their parts held at once took 323 MB, 60 MB more
    than json.dumps; each finding's text joined as it is made takes half of json's peak."""
    import tracemalloc

    findings = [
        {"line": i, "code": "E201", "key": f"k{i}", "message": "no title; add title = {…}", "fix": None}
        for i in range(5000)
    ]

    def peak(write) -> int:
        tracemalloc.start()
        try:
            write(findings)
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    ours = peak(jsonout.dumps)
    theirs = peak(lambda data: json.dumps(data, ensure_ascii=False, indent=2))
    assert ours < 0.7 * theirs, (ours, theirs)


def test_a_cycle_is_refused_as_json_refuses_it():
    loop: list = []
    loop.append(loop)
    with pytest.raises(ValueError, match="Circular"):
        jsonout.dumps(loop)


def test_csl_json_export_does_not_take_the_pure_python_encoder(monkeypatch):
    """json.dumps with an indent encodes in Python generators (a quarter of an export of 58,000
    small entries); the export writes the same text without them."""
    from annobib.bib.library import parse_library
    from annobib.exchange import csl_json

    entries = parse_library(
        "".join(
            f"@article{{k{i}, author={{Lee, Ann and 刘琳}}, title={{T{i % 3}}}, year={{2001}}}}\n" for i in range(30)
        )
    ).entries
    expected = sanitize.json_text(json.dumps(csl_json._items(entries), ensure_ascii=False, indent=2)) + "\n"

    def forbidden(*args, **kwargs):
        raise AssertionError("the pure-Python JSON encoder ran")

    monkeypatch.setattr(json.encoder, "_make_iterencode", forbidden)
    assert csl_json.dumps(entries) == expected


# --------------------------------------------------------------------------- JSON sanitizing


def test_json_text_skips_the_search_for_ascii_without_del(monkeypatch):
    calls = []
    real = sanitize._JSON_RAW.search

    def counting(text, *args):
        calls.append(len(text))
        return real(text, *args)

    monkeypatch.setattr(sanitize._JSON_RAW, "search", counting)
    doc = json.dumps([{"id": f"k{i}", "title": "a \\u001b b"} for i in range(1000)], indent=2)
    assert sanitize.json_text(doc) == doc and calls == []
    assert sanitize.json_text('["a\x7fb"]') == '["a\\u007fb"]'
    assert sanitize.json_text('["\u202e刘"]') == '["\\u202e刘"]' and calls


# --------------------------------------------------------------------------- export


@pytest.mark.parametrize("fmt,module", [("bibtex", "bibtex_export"), ("ris", "ris")])
def test_export_copies_only_the_entries_that_carry_citations(monkeypatch, fmt, module):
    """Dropping annobib's ``citations`` field copied every entry (0.17 s of 60,000); an entry
    without it goes to the exporter as it is, one with it as a copy without it."""
    import importlib

    from annobib.exchange import export_text
    from annobib.model import Entry

    plain = Entry("a", "book", {"title": "{T}"})
    cited = Entry("b", "book", {"title": "{U}", "citations": "{p. 3}"})
    given: list = []
    exporter = importlib.import_module(f"annobib.exchange.{module}")
    monkeypatch.setattr(exporter, "dumps", lambda entries, **kw: given.extend(entries) or "")
    export_text([plain, cited], fmt)
    assert given[0] is plain
    assert given[1] is not cited and given[1].fields == {"title": "{U}"} and "citations" in cited.fields
    given.clear()
    export_text([plain, cited], fmt, with_citations=True)
    assert given[0] is plain and given[1] is cited


# --------------------------------------------------------------------------- validate's output


def test_validate_writes_many_findings_in_slices(monkeypatch):
    """188,000 findings joined into one text were 40 MB, copied twice more on the way out (a
    1 MB file's `validate` peaked at 347 MB); slices of lines give the same bytes."""
    import click

    from annobib.commands import validate

    monkeypatch.setattr(validate, "ECHO_SLICE", 100)
    lines = [f"x.bib:{i}: W208 [k{i}] author: no author…" for i in range(257)]
    writes: list[str] = []
    monkeypatch.setattr(click, "echo", lambda text, **kw: writes.append(text + "\n"))
    validate._show(None, lines)
    assert "".join(writes) == "\n".join(lines) + "\n"
    assert max(w.count("\n") for w in writes) == 100


def test_json_output_is_written_in_blocks_never_joined_whole(monkeypatch):
    """`validate --fix --format json` of 50,000 entries: 86 MB of JSON (2 bytes a character once
    a CJK character is in it) joined, copied with its newline and encoded at once peaked at
    1.08 GB; blocks of item texts give the same bytes and hold one block at a time."""
    import click

    from annobib.commands import _common

    monkeypatch.setattr(_common, "JSON_BLOCK", 1000)
    data = {"findings": [{"line": i, "key": f"键{i}", "message": "no title\u202e"} for i in range(300)]}
    writes: list[str] = []
    monkeypatch.setattr(click, "echo", lambda text, nl=True, **kw: writes.append(text + ("\n" if nl else "")))
    _common.emit_json(data)
    assert "".join(writes) == sanitize.json_text(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"
    assert len(writes) > 10 and max(map(len, writes)) < 1200


# --------------------------------------------------------------------------- the collector

_COUNT_COLLECTIONS = """
import gc, sys
from annobib.cli import main
runs = []
gc.callbacks.append(lambda phase, info: phase == "start" and runs.append(info["generation"]))
sys.argv = ["annobib", "--bib", sys.argv[1], "export", "--to", "bibtex"]
try:
    main()
finally:
    print(len(runs), gc.get_threshold()[0], file=sys.stderr)
"""


def test_a_command_process_collects_rarely_while_reading(tmp_path):
    """20,000 small entries to read and export: Python's collector every 700 allocations walked the
    living entries ~250 times (a quarter of the CPU), finding next to nothing to free."""
    import subprocess
    import sys

    from annobib import perf

    bib = tmp_path / "many.bib"
    bib.write_text("".join(f"@misc{{k{i},title={{a}}}}\n" for i in range(20_000)), encoding="utf-8")
    env = dict(os.environ, ANNOBIB_CACHE_DIR=str(tmp_path / "cache"))
    done = subprocess.run(
        [sys.executable, "-c", _COUNT_COLLECTIONS, str(bib)], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    collections, threshold = map(int, done.stderr.split())
    assert threshold == perf.COLLECT_EVERY
    assert collections < 40, collections
