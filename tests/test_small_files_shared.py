"""Files under 1 MB of many small entries (issue 12: no run over 1 s), second round: work done
once and shared — a finding's pieces sanitized once per distinct text, an entry's names parsed
once per format run for the key functions — with exactly the output of doing it every time.
Work is counted, not timed."""

from __future__ import annotations

import os
from types import SimpleNamespace

import pytest

from annobib.checks import completeness, emit
from annobib.checks.base import Finding
from annobib.core.sanitize import terminal
from annobib.model import Entry
from annobib.styles import apa, format_bibliography, render

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

FAST = settings(
    max_examples=200,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=os.environ.get("HYPOTHESIS_SEEDED", "1") != "0",
)

# --------------------------------------------------------------------------- validate's lines

hostile = st.text(st.sampled_from(list("a:,%-\r\n\t\x00\x1b\x7f\x85\u202e\u200b刘…é\U0001f600\U000e0041")), max_size=6)


def _outcome(findings):
    return SimpleNamespace(findings=findings, diffs=[], summary=emit.summarize(findings, len(findings), []))


def _finding(key, field, message, source, line, code="E201"):
    entry = Entry(key or "k", "misc", {})
    return Finding(code, "error", key, field, message, line, source, None, "missing-title", entry)


findings = st.lists(
    st.builds(
        _finding,
        st.one_of(st.none(), hostile),
        st.one_of(st.none(), hostile),
        hostile,
        st.one_of(st.none(), hostile),
        st.one_of(st.none(), st.integers(0, 99)),
    ),
    max_size=5,
)


@FAST
@given(findings)
def test_a_line_of_sanitized_pieces_is_the_sanitized_line(found):
    lines = emit.text(_outcome(found), grouped=False)[: len(found)]
    whole = [
        terminal(
            f"{f.source or '-'}:{f.line or 0}: {f.code} [{f.key or '-'}]{f' {f.field}:' if f.field else ''} {f.message}"
        )
        for f in found
    ]
    assert lines == whole


@FAST
@given(findings)
def test_a_github_line_of_escaped_pieces_is_the_escaped_line(found):
    lines = emit.github(_outcome(found))[: len(found)]
    whole = []
    for f in found:
        props = [f"file={emit.gh_escape(f.source or '', True)}"]
        if f.line:
            props.append(f"line={f.line}")
        props.append(f"title={emit.gh_escape(f'{f.code} {f.rule}', True)}")
        fld = f" {f.field}:" if f.field else ""
        body = emit.gh_escape(f"[{f.key or '-'}]{fld} {f.message}")
        whole.append(f"::error {','.join(props)}::{body}")
    assert lines == whole


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_each_distinct_text_is_sanitized_once(monkeypatch, fmt):
    seen = []

    def counted(text):
        seen.append(text)
        return terminal(text)

    monkeypatch.setattr(emit, "safe", counted)  # the text lines' sanitizer
    monkeypatch.setattr(emit, "terminal", counted)  # gh_escape's
    messages = ["no title; add title = {…}", "no author…", "no langid…"]
    found = [
        _finding(f"v{i}", field, msg, "in/years.bib", i + 1)
        for i in range(1000)
        for field, msg in zip(["title", "author", "langid"], messages)
    ]
    lines = emit.text(_outcome(found), grouped=False) if fmt == "text" else emit.github(_outcome(found))
    assert len(lines) > 3000
    # 1,000 keys and a handful of messages, fields, codes and one file: not one per finding
    assert 1000 < len(seen) <= 1000 + 20


# --------------------------------------------------------------------------- format: names once


def _articles(n):
    surnames = ["Smith", "van der Berg", "Lee", "Wang", "刘", "{World Bank}"]
    return [
        Entry(
            f"a{i}",
            "article",
            {
                "author": f"{surnames[i % 6]}{i % 7}, A{i % 5}. and Jones{i % 3}, B.",
                "title": f"T{i % 40}",
                "journal": "J",
                "year": str(2000 + i % 4),
            },
        )
        for i in range(n)
    ]


def test_apa_key_functions_read_an_entrys_names_once_a_run(monkeypatch):
    calls = []
    real = apa._A._parse_names

    def counted(self, field):
        calls.append((self.e.key, field))
        return real(self, field)

    monkeypatch.setattr(apa._A, "_parse_names", counted)
    entries = _articles(300)
    refs = format_bibliography(entries, "apa")
    assert len(refs) == 300
    # one _A for the key functions (sort, group, first author, citations) and one to format
    # each entry, which takes the key functions' parsed names: the author field once (seven
    # times before the run shared them, twice before the reference took them), the translator once
    authors = [key for key, field in calls if field == "author"]
    assert len(authors) == 300 and len(set(authors)) == 300


def test_apa_shared_key_work_changes_nothing(monkeypatch):
    entries = _articles(300)

    def shown(refs):
        return [(render(r.text, "text"), r.citation, r.extra, r.warnings, r.entry.key) for r in refs]

    shared = shown(format_bibliography(entries, "apa"))
    monkeypatch.delattr(apa, "one_run")  # no run: every key function makes its own _A
    assert shown(format_bibliography(entries, "apa")) == shared
    assert apa._RUN is None  # the run's memo is dropped when it ends


# --------------------------------------------------------------------------- validate: _has

ASKED = ("author", "editor", "institution", "date", "langid", "note")
present = st.dictionaries(
    st.sampled_from(["author", "editor", "institution", "school", "date", "year", "language", "note", "title"]),
    st.sampled_from(["", " ", "x", "{}", "{ }", '"y"']),
    max_size=4,
)


def _has_slowly(e, *names):
    return any(completeness.val(e, n).strip() for n in names)


@FAST
@given(present, st.lists(st.sampled_from(ASKED), min_size=1, max_size=4, unique=True))
def test_has_answers_as_reading_every_name_does(fields, names):
    assert completeness._has(Entry("k", "misc", fields), *names) == _has_slowly(Entry("k", "misc", fields), *names)


def test_has_reads_no_value_when_no_name_is_there(monkeypatch):
    read = []
    real = completeness.val
    monkeypatch.setattr(completeness, "val", lambda e, n: read.append(n) or real(e, n))
    e = Entry("k", "misc", {"title": "T", "keywords": "k"})
    assert not completeness._has(e, "author", "editor", "date", "langid")
    assert read == []
    assert completeness._has(Entry("k", "misc", {"year": "2001"}), "author", "date") and read == ["author", "date"]
