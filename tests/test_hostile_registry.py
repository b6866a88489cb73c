"""Hostile registry answers (round 8): impossible dates, a trickled answer, an empty record,
control characters and a password in the base URL. A fake Crossref on 127.0.0.1 serves what
each test puts in ``FakeRegistry.body`` (or drips it, with ``FakeRegistry.trickle``)."""

from __future__ import annotations

import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from conftest import run_cli
from hypothesis import given, settings
from hypothesis import strategies as st

from annobib.exchange.common import clean_date_parts, format_date_parts

OLD = "@book{old, title = {Old}, date = {2000}}\n"


class FakeRegistry(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    body = b"{}"
    trickle = False

    def do_GET(self):  # noqa: N802
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        if FakeRegistry.trickle:  # a promise of 100 KB, then one byte every 0.2 s
            self.send_header("Content-Length", "100000")
            self.end_headers()
            for _ in range(200):
                try:
                    self.wfile.write(b" ")
                    self.wfile.flush()
                except OSError:
                    return
                time.sleep(0.2)
            return
        self.send_header("Content-Length", str(len(FakeRegistry.body)))
        self.end_headers()
        self.wfile.write(FakeRegistry.body)

    def log_message(self, *args):
        pass


@pytest.fixture
def registry():
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeRegistry)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    FakeRegistry.trickle = False
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _serve(message: dict) -> None:
    FakeRegistry.body = json.dumps({"status": "ok", "message": message}).encode()


@pytest.fixture
def bib(tmp_path):
    path = tmp_path / "a.bib"
    path.write_text(OLD, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- F1 dates


@pytest.mark.parametrize(
    "parts, text",
    [
        ([[2020, 2, 31]], "2020-02"),
        ([[2020, 0, 0]], "2020"),
        ([[2020, 13, 40]], "2020"),
        ([[2023, 2, 29]], "2023-02"),
        ([[2024, 2, 29]], "2024-02-29"),
        ([[2020, "5"]], "2020-05"),
        ([[1999], [2001, 3, 31]], "1999/2001-03-31"),
    ],
)
def test_impossible_parts_of_a_date_are_cut_to_the_valid_part(parts, text):
    assert format_date_parts(parts) == text


@pytest.mark.parametrize("parts", [[[99999]], [[-50000]], [[True]], "x", [["1234567"]], [5]])
def test_what_cannot_be_a_date_is_one_value_error(parts):
    with pytest.raises(ValueError):
        clean_date_parts(parts)


@pytest.mark.parametrize("parts", [[[99999]], [[-50000]], "x", [[True]], [[None]]])
def test_add_drops_an_impossible_crossref_date_with_a_warning(bib, registry, parts):
    _serve({"DOI": "10.1234/y", "title": ["T"], "issued": {"date-parts": parts}})
    r = run_cli(["--bib", str(bib), "add", "10.1234/y"], env={"ANNOBIB_CROSSREF_URL": registry})
    assert r.exit_code == 0, r.stderr
    assert "internal error" not in r.stderr and "date is dropped" in r.stderr
    text = bib.read_text(encoding="utf-8")
    assert "title = {T}" in text and "date" not in text.split("@misc", 1)[1]


@pytest.mark.parametrize("parts, date", [([[2020, 2, 31]], "2020-02"), ([[2020, 0, 0]], "2020")])
def test_add_keeps_the_valid_part_of_a_crossref_date(bib, registry, parts, date):
    _serve({"DOI": "10.1234/y", "title": ["T"], "issued": {"date-parts": parts}})
    r = run_cli(["--bib", str(bib), "add", "10.1234/y"], env={"ANNOBIB_CROSSREF_URL": registry})
    assert r.exit_code == 0, r.stderr
    assert f"date  = {{{date}}}" in bib.read_text(encoding="utf-8")
    assert "only its valid part is kept" in r.stderr


def test_csl_json_import_cuts_and_refuses_dates_the_same_way(tmp_path, bib):
    good = tmp_path / "in.json"
    good.write_text(json.dumps([{"id": "k", "type": "book", "title": "T", "issued": {"date-parts": [[2020, 2, 31]]}}]))
    r = run_cli(["--bib", str(bib), "import", str(good)])
    assert r.exit_code == 0, r.stderr
    assert "date = {2020-02}" in bib.read_text(encoding="utf-8").replace("  ", " ").replace("  ", " ")
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps([{"id": "j", "type": "book", "title": "T", "issued": {"date-parts": [[99999]]}}]))
    r = run_cli(["--bib", str(bib), "import", str(bad)])
    assert r.exit_code == 2 and "internal error" not in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_verify_reads_no_year_from_an_impossible_date():
    from annobib.verify.registries import crossref_record

    assert crossref_record({"title": "T", "issued": {"date-parts": [[99999]]}}).year == ""
    assert crossref_record({"title": "T", "issued": {"date-parts": "x"}}).year == ""
    assert crossref_record({"title": "T", "issued": {"date-parts": [[2020, 13]]}}).year == "2020"


# --------------------------------------------------------------------------- F2 trickle


def test_add_gives_up_on_a_trickled_answer_at_its_timeout(bib, registry):
    FakeRegistry.trickle = True
    start = time.monotonic()
    r = run_cli(
        ["--bib", str(bib), "add", "10.1234/z"],
        env={"ANNOBIB_CROSSREF_URL": registry, "ANNOBIB_CROSSREF_TIMEOUT": "1"},
    )
    assert time.monotonic() - start < 4
    assert r.exit_code == 2 and "did not answer within 1 s" in r.stderr
    assert bib.read_text(encoding="utf-8") == OLD


VERIFY_BIB = (
    "@article{a1, author={Smith, John}, title={A study of things}, journaltitle={J}, date={2020}, doi={10.1234/abc}}\n"
)


def _verify_env(registry: str, tmp_path) -> dict:
    return {
        "ANNOBIB_CROSSREF_URL": registry,
        "ANNOBIB_OPENALEX_URL": registry,
        "ANNOBIB_VERIFY_TIMEOUT": "1",
        "ANNOBIB_VERIFY_TRIES": "1",
        "ANNOBIB_VERIFY_BACKOFF": "0.01",
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }


def test_verify_gives_up_on_a_trickled_answer_at_its_timeout(tmp_path, registry):
    path = tmp_path / "v.bib"
    path.write_text(VERIFY_BIB, encoding="utf-8")
    FakeRegistry.trickle = True
    start = time.monotonic()
    r = run_cli(["--bib", str(path), "verify", "--refresh", "--json", "a1"], env=_verify_env(registry, tmp_path))
    # four lookups (DOI and search at two registries), each cut at 1 s
    assert time.monotonic() - start < 8
    verdict = json.loads(r.stdout)
    verdict = verdict[0] if isinstance(verdict, list) else verdict
    assert "timed out" in json.dumps(verdict)
    assert "verified" not in json.dumps(verdict)


# --------------------------------------------------------------------------- F3 empty record


@pytest.mark.parametrize(
    "message", [{}, {"title": None, "author": [None, 1, "x", []]}, {"title": [None], "DOI": "10.1234/abc"}]
)
def test_verify_does_not_call_an_empty_record_verified(tmp_path, registry, message):
    path = tmp_path / "v.bib"
    path.write_text(VERIFY_BIB, encoding="utf-8")
    _serve(message)
    r = run_cli(["--bib", str(path), "verify", "--refresh", "a1"], env=_verify_env(registry, tmp_path))
    assert "verified" not in r.stdout.split("\n", 1)[1]
    assert "not-found" in r.stdout and "has no title" in r.stdout.replace("\n", " ").replace("  ", " ")
    assert r.exit_code == 1


# --------------------------------------------------------------------------- minor


def test_add_writes_no_control_characters_from_a_registry(bib, registry):
    hostile = "T\x1b]52;c;ZXZpbA==\x07\x1b[2J\x85\x9b31m\u202eX\x01"
    _serve({"DOI": "10.1234/y", "title": [hostile], "author": [{"family": "A\x1b[2Jb", "given": "C"}]})
    r = run_cli(["--bib", str(bib), "add", "10.1234/y"], env={"ANNOBIB_CROSSREF_URL": registry})
    assert r.exit_code == 0, r.stderr
    text = bib.read_text(encoding="utf-8")
    assert not any(c in text for c in "\x1b\x07\x85\x9b\u202e\x01")
    assert "T]52;c;ZXZpbA==[2J31mX" in text


def test_a_password_in_the_base_url_is_never_printed(bib):
    env = {"ANNOBIB_CROSSREF_URL": "http://user:s3cretpass@127.0.0.1:1"}
    r = run_cli(["--bib", str(bib), "add", "10.1234/y"], env=env)
    assert r.exit_code == 2 and "s3cretpass" not in r.stderr and "user:[REDACTED]@127.0.0.1" in r.stderr
    r = run_cli(["config", "show"], env=env)
    assert "s3cretpass" not in r.stdout + r.stderr


def test_messages_cap_echoed_values():
    from annobib.core.sanitize import MAX_ECHO, short

    assert short("k" * 50_000) == "k" * MAX_ECHO + "…"
    assert short("abc") == "abc"


def test_a_huge_missing_key_is_echoed_cut(tmp_path):
    bib = tmp_path / "m.bib"
    bib.write_text("@book{k, title={T}, date={2020}}\n", encoding="utf-8")
    paper = tmp_path / "p.tex"
    # (a key holds no brace: ``\\cite{x{{{…}`` is no citation at all, and says nothing)
    paper.write_text("\\cite{x" + "y" * 50_000 + "}\n\\cite{x" + "{" * 50_000 + "}\n", encoding="utf-8")
    r = run_cli(["--bib", str(bib), "format", "-m", str(paper)])
    (line,) = [x for x in r.stderr.splitlines() if "no entry with key" in x]
    assert len(line) < 200 and line.endswith("…")


_JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=4), inner, max_size=3),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(parts=_JSONISH)
def test_any_crossref_date_gives_an_entry_or_a_warning(parts):
    """Whatever a registry puts in date-parts: a real date, or none and a warning; never a crash."""
    from annobib.crossref import work_to_csl
    from annobib.exchange.csl_json import csl_to_entry

    warnings: list[str] = []
    item = work_to_csl({"title": ["T"], "issued": {"date-parts": parts}}, warnings)
    entry = csl_to_entry(item)
    date = entry.fields.get("date")
    if date is not None:
        assert re.fullmatch(r"-?\d{1,4}(-\d\d(-\d\d)?)?(/-?\d{1,4}(-\d\d(-\d\d)?)?)?", date), date
        for piece in date.split("/"):
            bits = piece.lstrip("-").split("-")
            assert len(bits) < 2 or 1 <= int(bits[1]) <= 12
            assert len(bits) < 3 or 1 <= int(bits[2]) <= 31
