"""The Wayback client and the archive run, in-process against the fake Archive (MockTransport)."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import httpx
import pytest

from annobib.archive.fake import FakeWeb
from annobib.archive.runner import ArchiveRun, BibWriter, Target, date_stamp, entry_target_date
from annobib.archive.state import link_status, link_summary, link_warnings, load_state
from annobib.archive.wayback import ArchiveError, ArchiveOptions, WaybackClient, parse_cdx, pick_best
from annobib.bib import read_library
from annobib.model import Entry

BASE = "https://web.archive.org"


def fast_options(**kw) -> ArchiveOptions:
    values = dict(
        requests_per_minute=6000,
        captures_per_minute=6000,
        capture_interval=0,
        poll_interval=0.01,
        poll_max_interval=0.02,
        pause_429=0.05,
        timeout=2,
        job_timeout=5,
        access_key="AKEY-123",
        secret_key="SKEY-456",
    )
    values.update(kw)
    return ArchiveOptions(**values)


def test_parse_cdx_variants():
    assert parse_cdx("") == [] and parse_cdx("[]") == [] and parse_cdx("  \n") == []
    rows = parse_cdx(json.dumps([["timestamp", "original", "statuscode"], ["20250101000000", "http://a", "200"]]))
    assert rows == [{"timestamp": "20250101000000", "original": "http://a", "statuscode": "200"}]
    headless = parse_cdx(json.dumps([["20250101000000", "http://a", "200", "text/html"]]))
    assert headless[0]["statuscode"] == "200"
    for bad in ('[["timestamp"', '{"a": 1}', "[1, 2]"):
        with pytest.raises(ArchiveError):
            parse_cdx(bad)


def test_pick_best_skips_redirect_captures_and_prefers_after_the_date():
    rows = [
        {"timestamp": "20250301000000", "statuscode": "200"},
        {"timestamp": "20250411000000", "statuscode": "301"},
        {"timestamp": "20250420000000", "statuscode": "-"},
        {"timestamp": "20251201000000", "statuscode": "200"},
    ]
    assert pick_best(rows, "20250410")["timestamp"] == "20250420000000"
    assert pick_best(rows, None)["timestamp"] == "20251201000000"
    assert pick_best(rows[1:2], None) is None
    assert date_stamp("2025-04-10") == "20250410" and date_stamp("2025年4月") == "202504"
    assert entry_target_date(Entry("k", "online", {"date": "2025", "urldate": "2025-05-30"})) == "20250530"


def _client(fake, **kw):
    return WaybackClient(fast_options(**kw), transport=httpx.MockTransport(fake.handle_async))


def test_lookup_order_cdx_then_replay_then_availability():
    fake = FakeWeb()
    url = "https://example.org/news/1"
    fake.add_snapshot(url, "20250102030405")
    fake.add_snapshot(url, "20250601000000", status="302")

    async def main():
        client = _client(fake)
        try:
            snap, problems = await client.find_snapshot(url, "20250101")
            assert (snap.timestamp, snap.source, problems) == ("20250102030405", "cdx", [])
            fake.malformed_cdx.add(url)  # CDX broken: the replay redirect answers
            snap, _ = await client.find_snapshot(url, None)
            assert (snap.timestamp, snap.source) == ("20250102030405", "replay")
            none, problems = await client.find_snapshot("https://example.org/never", None)
            assert none is None and problems == []
        finally:
            await client.aclose()

    asyncio.run(main())
    paths = [r.path for r in fake.log]
    assert paths[0] == "/cdx/search/cdx"
    # CDX and replay both answered "none": the availability API is not asked
    assert paths[-2:] == ["/cdx/search/cdx", "/web/https://example.org/never"]
    assert "/wayback/available" not in paths


def test_availability_is_the_last_resort():
    fake = FakeWeb()
    url = "https://example.org/only-availability"
    fake.add_snapshot(url, "20240101000000")
    fake.malformed_cdx.add(url)

    async def handler(request):
        if request.url.path.startswith("/web/"):
            return httpx.Response(404)
        return await fake.handle_async(request)

    async def main():
        client = WaybackClient(fast_options(), transport=httpx.MockTransport(handler))
        try:
            return await client.find_snapshot(url, None)
        finally:
            await client.aclose()

    snap, _ = asyncio.run(main())
    assert (snap.timestamp, snap.source) == ("20240101000000", "availability")


BIB = """% a comment that must survive
@online{one,
  title = {One},
  date = {2025-04-10},
  url = {https://example.org/one},
}

@online{two,
  title = {Two},
  url = {https://example.org/two},
  urldate = {2025-05-01},
}

@online{three,
  title = {Three},
  url = {https://example.org/three},
}
"""


def _targets(lib_path: Path) -> list[Target]:
    lib = read_library(lib_path)
    out = []
    for e in lib.entries:
        out.append(Target(e.fields["url"], [(lib_path, e.key)], entry_target_date(e), not e.get("urldate")))
    return out


def _run(tmp_path, fake, options=None, capture=True, dry_run=False):
    bib = tmp_path / "refs.bib"
    if not bib.exists():
        bib.write_text(BIB, encoding="utf-8")
    states = {bib: load_state(bib)}
    writer = BibWriter(dry_run=dry_run)
    run = ArchiveRun(
        options or fast_options(), states, writer, transport=httpx.MockTransport(fake.handle_async), capture=capture
    )
    outcomes = asyncio.run(run.run(_targets(bib)))
    return bib, {o.url: o for o in outcomes}, run, writer


def test_archive_run_finds_captures_and_writes_each_success(tmp_path):
    fake = FakeWeb(access_key="AKEY-123", secret_key="SKEY-456", pending_polls=2)
    fake.add_snapshot("https://example.org/one", "20250411120000")
    fake.capture_plan["https://example.org/three"] = "recent"
    bib, res, run, writer = _run(tmp_path, fake)
    assert {u: o.outcome for u, o in res.items()} == {
        "https://example.org/one": "archived",
        "https://example.org/two": "captured",
        "https://example.org/three": "archived",  # "made recently": found through CDX
    }
    lib = read_library(bib)
    one = lib.get("one")
    assert one.fields["archiveurl"] == f"{BASE}/web/20250411120000/https://example.org/one"
    assert one.fields["archivedate"] == "2025-04-11"
    # urldate is the day the author saw the page: a snapshot's date never fills it
    assert "urldate" not in one.fields
    assert list(one.fields)[-2:] == ["archiveurl", "archivedate"]
    two = lib.get("two")
    assert two.fields["urldate"] == "2025-05-01"  # kept
    assert two.fields["archiveurl"].startswith(f"{BASE}/web/2") and len(two.fields["archivedate"]) == 10
    assert writer.written == 3
    text = bib.read_text()
    assert text.startswith("% a comment that must survive")
    state_text = load_state(bib).path.read_text()
    for secret in ("AKEY-123", "SKEY-456"):
        assert secret not in text and secret not in state_text
    assert fake.captures_requested == 2
    assert load_state(bib).archive == {}  # finished jobs are forgotten


def test_failed_captures_and_missing_keys(tmp_path):
    fake = FakeWeb(pending_polls=0)
    fake.capture_plan["https://example.org/one"] = "error:not-found"
    fake.capture_plan["https://example.org/two"] = "error:gateway-timeout"
    _, res, _, _ = _run(tmp_path, fake, options=fast_options(capture_retries=0), capture=True)
    assert res["https://example.org/one"].outcome == "failed" and "final" in res["https://example.org/one"].detail
    assert "transient" in res["https://example.org/two"].detail
    state = load_state(tmp_path / "refs.bib")
    assert state.job("https://example.org/one")["final"] is True
    # a re-run does not resubmit a final failure, and without keys nothing is submitted at all
    before = fake.captures_requested
    _, res, _, _ = _run(tmp_path, fake, options=fast_options(access_key=None, secret_key=None))
    assert res["https://example.org/one"].outcome == "failed"
    assert res["https://example.org/two"].outcome == "needs-capture"
    assert "ANNOBIB_IA_ACCESS" in res["https://example.org/two"].detail
    assert fake.captures_requested == before


def test_resume_follows_a_saved_job_instead_of_resubmitting(tmp_path):
    fake = FakeWeb(pending_polls=1)
    bib = tmp_path / "refs.bib"
    bib.write_text(BIB, encoding="utf-8")
    # a previous run submitted a capture and was killed
    fake.jobs["spn2-old"] = {"url": "https://example.org/two", "polls": 0, "plan": "success"}
    state = load_state(bib)
    from annobib.archive.state import now_iso

    state.set_job("https://example.org/two", {"job_id": "spn2-old", "submitted_at": now_iso(), "state": "pending"})
    state.save()
    fake.add_snapshot("https://example.org/one", "20250101000000")
    fake.add_snapshot("https://example.org/three", "20250101000000")
    _, res, _, _ = _run(tmp_path, fake)
    assert res["https://example.org/two"].outcome == "captured"
    assert fake.captures_requested == 0
    assert read_library(bib).get("two").fields["archiveurl"].startswith(f"{BASE}/web/")


def test_429_pauses_all_archive_traffic_and_stops_captures(tmp_path):
    fake = FakeWeb(answer_429=2)
    for name in ("one", "two", "three"):
        fake.add_snapshot(f"https://example.org/{name}", "20250101000000")
    bib, res, run, _ = _run(tmp_path, fake, options=fast_options(pause_429=0.3))
    assert {o.outcome for o in res.values()} == {"archived"}
    times = [r.at for r in fake.archive_requests()]
    # after the second 429, nothing went out for the pause
    assert times[2] - times[1] >= 0.29
    fake2 = FakeWeb(answer_429=100)
    other = tmp_path / "other"
    other.mkdir()
    _, res, run, _ = _run(other, fake2, options=fast_options(pause_429=0.01, max_429=2, tries=2))
    assert {o.outcome for o in res.values()} <= {"error", "needs-capture"}
    assert run.client.gate.count_429 >= 2


def test_malformed_archive_answers_are_per_url_errors_and_the_bib_stays_valid(tmp_path):
    fake = FakeWeb(malformed_all=True)

    async def handler(request):
        if request.url.path.startswith("/web/"):
            return httpx.Response(500)
        return await fake.handle_async(request)

    bib = tmp_path / "refs.bib"
    bib.write_text(BIB, encoding="utf-8")
    states = {bib: load_state(bib)}
    run = ArchiveRun(fast_options(tries=1), states, BibWriter(), transport=httpx.MockTransport(handler))
    outcomes = asyncio.run(run.run(_targets(bib)))
    assert len(outcomes) == 3 and {o.outcome for o in outcomes} == {"error"}
    assert "malformed JSON" in outcomes[0].detail
    assert bib.read_text() == BIB


def test_dry_run_writes_nothing_and_gives_a_diff(tmp_path):
    fake = FakeWeb()
    fake.add_snapshot("https://example.org/one", "20250411120000")
    bib, res, _, writer = _run(tmp_path, fake, dry_run=True)
    assert bib.read_text() == BIB
    diff = "".join(writer.diffs().values())
    assert "+  archiveurl" in diff and "20250411120000" in diff
    assert fake.captures_requested == 0


def test_link_status_helpers_for_other_commands(tmp_path):
    bib = tmp_path / "refs.bib"
    bib.write_text(BIB, encoding="utf-8")
    lib = read_library(bib)
    state = load_state(bib)
    state.set_link("https://example.org/one", {"outcome": "dead", "status": 404, "checked_at": "2025-05-01T00:00:00Z"})
    state.save()
    state = load_state(bib)
    one = link_status(lib.get("one"), state)
    assert (one["link"], one["archive"]) == ("dead", "none")
    assert link_status(lib.get("two"), state)["link"] == "unchecked"
    assert link_status(Entry("x", "book", {}), state)["link"] is None
    summary = link_summary(lib.entries, state)
    assert summary["with_url"] == 3 and summary["links"] == {"dead": 1, "unchecked": 2}
    codes = sorted(code for _, code, _ in link_warnings(lib.entries, state))
    assert codes == ["link-dead-unarchived", "link-unchecked", "link-unchecked"]
    from annobib.archive.state import entry_link_status, status_label

    assert status_label(entry_link_status(lib.get("one"))) == "dead · no snapshot"
    assert status_label(entry_link_status(lib.get("two"))) == "unchecked"
    assert status_label({"url": None}) == ""
    from annobib.archive.state import link_findings, link_text

    findings = link_findings([lib])
    assert sorted((f.code, f.key) for f in findings) == [("W801", "three"), ("W801", "two"), ("W802", "one")]
    assert all(f.severity == "warning" and f.source == str(bib) for f in findings)
    assert link_text(lib.get("one")).plain.startswith("link dead (2025-05-01, HTTP 404)   archive none")
    # a corrupt state file is ignored, not fatal
    state.path.write_text("{not json")
    assert load_state(bib).links == {}


def test_a_differently_shaped_archive_still_works(tmp_path):
    """Another reading of the public docs: CDX ignores fl= (7 default columns) and answers an
    empty body for no captures; replay redirects with a relative Location; status success
    carries no original_url; the save endpoint insists on Accept: application/json."""
    captures = {"https://example.org/one": "20250415000000"}
    polls: dict[str, int] = {}

    def handler(request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if path == "/cdx/search/cdx":
            url = request.url.params.get("url")
            ts = captures.get(url)
            if not ts or url == "https://example.org/two":
                return httpx.Response(200, text="")
            header = ["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"]
            return httpx.Response(200, json=[header, ["org,example)/one", ts, url, "text/html", "200", "X", "1"]])
        if path.startswith("/web/"):
            url = request.url.raw_path.decode()[len("/web/") :]
            if url == "https://example.org/two":
                return httpx.Response(302, headers={"location": "/web/20250501000000/https://example.org/two"})
            return httpx.Response(404)
        if path == "/save" and request.method == "POST":
            assert request.headers["accept"] == "application/json"
            assert request.headers["authorization"] == "LOW AKEY-123:SKEY-456"
            return httpx.Response(200, json={"url": "x", "job_id": "spn2-abc"})
        if path == "/save/status/spn2-abc":
            polls["n"] = polls.get("n", 0) + 1
            if polls["n"] < 3:
                return httpx.Response(200, json={"status": "pending"})
            return httpx.Response(200, json={"status": "success", "timestamp": "20250601123456"})
        return httpx.Response(404)

    bib = tmp_path / "refs.bib"
    bib.write_text(BIB, encoding="utf-8")
    states = {bib: load_state(bib)}
    run = ArchiveRun(fast_options(), states, BibWriter(), transport=httpx.MockTransport(handler))
    outcomes = {o.url: o for o in asyncio.run(run.run(_targets(bib)))}
    assert outcomes["https://example.org/one"].source == "cdx"
    assert outcomes["https://example.org/two"].source == "replay"
    assert outcomes["https://example.org/three"].outcome == "captured"
    lib = read_library(bib)
    assert lib.get("two").fields["archiveurl"] == f"{BASE}/web/20250501000000/https://example.org/two"
    assert lib.get("three").fields["archivedate"] == "2025-06-01"


def test_an_archive_that_never_answers_ends_the_run_quickly(tmp_path):
    import time

    fake = FakeWeb(archive_delay=5)
    started = time.monotonic()
    bib, res, run, _ = _run(tmp_path, fake, options=fast_options(timeout=0.1, tries=2, max_failures=3))
    assert time.monotonic() - started < 4
    assert {o.outcome for o in res.values()} == {"error"}
    assert any("not answering" in n for n in run.notes)
    assert bib.read_text() == BIB


def test_a_transient_capture_failure_is_submitted_again(tmp_path):
    fake = FakeWeb(pending_polls=1)
    for name in ("one", "three"):
        fake.add_snapshot(f"https://example.org/{name}", "20250101000000")
    fake.capture_plan["https://example.org/two"] = "error:gateway-timeout"
    real_save = fake._save

    def save_then_heal(request):
        response = real_save(request)
        fake.capture_plan["https://example.org/two"] = "success"  # the next capture works
        return response

    fake._save = save_then_heal
    bib, res, _, _ = _run(tmp_path, fake)
    assert res["https://example.org/two"].outcome == "captured"
    assert fake.captures_requested == 2
    assert "retry" not in res["https://example.org/two"].as_dict()


def test_apply_snapshot_keeps_alias_names_and_urldate():
    from annobib.archive.runner import apply_snapshot

    e = Entry(
        "k",
        "online",
        {
            "url": "https://x.org/a",
            "urldate": "2024-01-01",
            "archive-url": "https://web.archive.org/web/2020/https://x.org/a",
            "archive-date": "2020",
        },
    )
    apply_snapshot(e, "https://web.archive.org/web/20250101000000/https://x.org/a", "2025-01-01", "2025-02-02")
    assert e.fields == {
        "url": "https://x.org/a",
        "urldate": "2024-01-01",
        "archive-url": "https://web.archive.org/web/20250101000000/https://x.org/a",
        "archive-date": "2025-01-01",
    }
    e = Entry("k", "online", {"title": "T", "url": "https://x.org/a", "note": "n"})
    apply_snapshot(e, "S", "2025-01-01", "2025-01-01")
    assert list(e.fields) == ["title", "url", "urldate", "archiveurl", "archivedate", "note"]


def test_a_snapshot_older_than_the_work_is_not_accepted(tmp_path):
    fake = FakeWeb()
    fake.add_snapshot("https://example.org/new", "20190101000000")  # the URL's earlier life
    bib = tmp_path / "refs.bib"
    bib.write_text(
        "@online{new, title = {New}, date = {2025-04-10}, url = {https://example.org/new}}\n", encoding="utf-8"
    )
    e = read_library(bib).get("new")
    target = Target(e.fields["url"], [(bib, "new")], entry_target_date(e), True, date_stamp(e.get("date")))
    run = ArchiveRun(
        fast_options(),
        {bib: load_state(bib)},
        BibWriter(),
        transport=httpx.MockTransport(fake.handle_async),
        capture=False,
    )
    (res,) = asyncio.run(run.run([target]))
    assert res.outcome == "needs-capture"
    assert "archiveurl" not in read_library(bib).get("new").fields
