"""validate at 50,000 entries: the quick paths of the URL and text-hygiene scanners give the
same findings as the full rules, and take them (a URL's query no longer sends every rule, nor
every field, down the slow path). Also: LaTeX decoding of hostile nesting stays linear."""

from __future__ import annotations

import random

import pytest

from annobib.checks import form, hygiene
from annobib.checks.base import REGISTRY, Context
from annobib.checks.runner import clear_caches, select_rules
from annobib.core import latex
from annobib.core.latex import decode, latex_to_text
from annobib.model import Entry

from conftest import run_cli
from conftest import best_cpu

select_rules()  # registers every rule


def _entry(**fields) -> Entry:
    return Entry(key="k", type="online", fields=dict(fields), line=1, source="a.bib")


def _view(findings) -> list:
    return sorted(
        (f.code, f.field, f.message, f.fix and (f.fix.field, f.fix.value, f.fix.safe)) for f in findings or ()
    )


URL_PARTS = ["https://", "http://", "ftp://", "www.", "a", "b.org", "/", "p_q", "?", "&", "=", "utm_source", "id", "#"]
URL_PARTS += [".", ",", ")", "(", " ", "%20", "\\_", "{", "}", "，", "x-y", "~", "..", ":8080", "'", "@"]


def _urls(n: int, seed: int):
    r = random.Random(seed)
    for _ in range(n):
        yield "".join(r.choice(URL_PARTS) for _ in range(r.randint(1, 9)))
    yield from ("https://example.org/a/1?utm_source=x", "https://a.org/p?id=3&fbclid=z", "https://a.org/p?x=1.")


def test_url_scanner_finds_what_every_url_rule_finds():
    ctx = Context()
    ctx.state["active_codes"] = frozenset(REGISTRY)
    for u in _urls(1500, 12):
        for name in ("url", "archiveurl"):
            e = _entry(**{name: u})
            full = [f for code in form._URL_CODES for f in (REGISTRY[code].check(REGISTRY[code], e, ctx) or ())]
            assert _view(form.scan_urls(REGISTRY, e, ctx)) == _view(full), u


def test_a_plain_query_runs_only_the_tracking_rule(monkeypatch):
    called = []
    for code in form._URL_CODES:
        rule = REGISTRY[code]
        monkeypatch.setattr(rule, "check", lambda r, e, ctx, _f=rule.check: called.append(r.code) or _f(r, e, ctx))
    ctx = Context()
    ctx.state["active_codes"] = frozenset(REGISTRY)
    got = form.scan_urls(REGISTRY, _entry(url="https://example.org/a/1?utm_source=x&id=2"), ctx)
    assert called == ["W316"] and [f.code for f in got] == ["W316"]
    ctx.state["active_codes"] = frozenset(REGISTRY) - {"W316"}  # the fix pass without --unsafe-fixes
    called.clear()
    assert not form.scan_urls(REGISTRY, _entry(url="https://example.org/a/1?utm_source=x"), ctx) and called == []
    form.scan_urls(REGISTRY, _entry(url="https://example.org/a/1?utm_source=x#"), ctx)
    assert "W317" in called  # anything past the plain query: every rule looks


TEXT_PARTS = ["a", " ", "  ", "_", "%", "#", "&", "&amp;", "{", "}", "\\", "$", "\t", "，", "（", "Ã©", "Ｘ", '"']


def test_text_scanner_quick_path_matches_the_full_scan():
    r = random.Random(5)
    names = ["title", "url", "doi", "date", "pages", "archiveurl", "note", "journaltitle", "urldate", "citations"]
    for _ in range(1200):
        fields = {
            n: "".join(r.choice(TEXT_PARTS) for _ in range(r.randint(1, 5))) for n in r.sample(names, r.randint(1, 5))
        }
        e = _entry(**fields)
        clear_caches()
        full = hygiene._scan_fields(REGISTRY, e)
        clear_caches()
        assert _view(hygiene.scan_text(REGISTRY, e, Context())) == _view(full), fields


def test_a_url_query_keeps_the_entry_on_the_quick_path(monkeypatch):
    scanned = []
    real = hygiene._scan_field
    monkeypatch.setattr(hygiene, "_scan_field", lambda rules, name, raw: scanned.append(name) or real(rules, name, raw))
    clear_caches()
    e = _entry(title="A study", url="https://example.org/a?utm_source=x", date="2020", archiveurl="https://w.org/a_b")
    assert not hygiene.scan_text(REGISTRY, e, Context()) and scanned == []
    got = hygiene.scan_text(REGISTRY, _entry(title="A_study", url="https://example.org/a?utm_source=x"), Context())
    assert [f.code for f in got] == ["W504"] and "title" in scanned


def test_a_value_ending_in_an_accent_and_a_backslash_decodes():
    assert latex_to_text("Caf\\'\\") == "Caf\u0301"
    assert decode("Caf\\'\\") == "Caf\u0301"


def test_show_and_format_read_a_value_ending_in_a_backslash(tmp_path):
    bib = tmp_path / "a.bib"
    bib.write_text("@article{k1,\n  author = {A, B},\n  title = {Caf\\'\\ },\n  year = {2020}\n}\n", encoding="utf-8")
    for args in (["show", "k1"], ["format"]):
        r = run_cli(["--bib", str(bib), *args])
        assert r.exit_code == 0 and "internal error" not in r.stderr, r.stderr


SHAPES = {
    "accent-in-group": ("{\\'", "e", "}"),
    "group-after-accent": ("\\'{", "e", "}"),
    "accent-group-pairs": ("{\\'{", "e", "}}"),
    "font-switch": ("{\\em ", "e", "}"),
    "command-argument": ("\\textbf{", "e", "}"),
    "flat-accents": ("{\\'e}", "", ""),
    "flat-groups": ("{a}", "", ""),
    "flat-commands": ("\\emph{a} \\'{e}\\ss ", "", ""),
}


def _cpu(fn) -> float:
    return best_cpu(fn, 3)


@pytest.mark.parametrize("shape", SHAPES)
def test_decoding_hostile_nesting_grows_linearly(shape):
    """4x the nesting costs about 4x, not 16x (a bound of 9x leaves room for noise)."""
    head, mid, tail = SHAPES[shape]

    def run(n):
        value = head * n + mid + tail * n

        def go():
            latex._LONG_MEMO.clear()  # measure the decoding, not the memos
            decode.cache_clear()
            latex.segments.cache_clear()
            latex_to_text(value)
            decode(value)

        return _cpu(go)

    small, big = run(1000), run(4000)
    assert big < max(small, 0.002) * 9, (small, big)


def test_entries_take_plain_values_as_resolve_value_reads_them():
    from annobib.bib.values import entry_from_record, resolve_value

    r = random.Random(9)
    parts = ["{", "}", "a", " ", '"', "#", "1", "\\{", "jan", "m"]
    edges = ["{a}}", "{a}b{c}", "{}", "{a\\}", "{ a }", " {a}", "{a} # m", "1", '"a"', "{a}{b}", "{{a}"]
    for raw in edges + ["".join(r.choice(parts) for _ in range(r.randint(0, 7))) for _ in range(3000)]:
        strings = {"m": "Macro"}
        item = (0, 0, 0, "Article", "k", [("Title", raw)], 0)
        entry, used = entry_from_record(item, strings, 1, None)
        text, macro = resolve_value(raw, strings)
        assert entry.fields == {"title": text} and used == (macro and not raw.strip().isdigit()), raw
