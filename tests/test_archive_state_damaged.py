"""A damaged archive state file (round 8): float timestamps, a job id with a control character
or of the wrong type, an unknown state. No internal error: each bad record is repaired or
dropped, said in ``state.damaged``, and a damaged capture record is looked up, never resubmitted."""

from __future__ import annotations

import asyncio
import json
import re

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annobib.archive.fake import FakeWeb
from annobib.archive.runner import ArchiveRun, BibWriter
from annobib.archive.state import load_state, parse_iso, state_path

from test_archive_wayback import BIB, _targets, fast_options

URL = "https://example.org/one"

DAMAGED = {
    "float times": {"job_id": "spn2-x", "submitted_at": 1.5, "state": "pending", "updated_at": 2.5},
    "control in id": {"job_id": "a b\u0001", "submitted_at": "2026-12-06T18:00:00Z", "state": "pending"},
    "dict id": {"job_id": {"a": 1}, "submitted_at": "2026-12-06T18:00:00Z", "state": "pending"},
    "unknown state": {"job_id": "spn2-x", "submitted_at": "2026-12-06T18:00:00Z", "state": ["x"]},
    "not a record": 7,
    "huge year": {"job_id": "spn2-x", "submitted_at": "99999-01-01T00:00:00Z", "state": "pending"},
    "pending, no id": {"submitted_at": "2026-12-06T18:00:00Z", "state": "pending"},
}


def _write_state(bib, record) -> None:
    path = state_path(bib)
    path.parent.mkdir(parents=True, exist_ok=True)
    links = {"https://example.org/two": {"outcome": 5}, "https://example.org/three": "x"}
    path.write_text(json.dumps({"version": 1, "links": links, "archive": {URL: record}}), encoding="utf-8")


@pytest.mark.parametrize("name", DAMAGED)
def test_a_damaged_record_is_repaired_and_never_an_internal_error(tmp_path, name):
    bib = tmp_path / "refs.bib"
    bib.write_text(BIB, encoding="utf-8")
    _write_state(bib, DAMAGED[name])
    state = load_state(bib)
    assert state.damaged and len(state.damaged) == 3  # the capture record and both link records
    job = state.job(URL)
    assert job["state"] in ("submitted", "pending") and isinstance(job["submitted_at"], str)
    assert job.get("job_id") is None or job["job_id"] == "spn2-x"
    assert state.links == {}

    fake = FakeWeb(access_key="AKEY-123", secret_key="SKEY-456", pending_polls=0)
    run = ArchiveRun(
        fast_options(job_timeout=0.5), {bib: state}, BibWriter(), transport=httpx.MockTransport(fake.handle_async)
    )
    outcomes = {o.url: o for o in asyncio.run(run.run(_targets(bib)))}
    assert "internal error" not in json.dumps([o.detail for o in outcomes.values()])
    if job["state"] == "submitted":  # an answer we do not know: looked up, not asked again
        assert outcomes[URL].outcome == "pending"
    assert fake.captures_requested <= 2  # the other two URLs only
    # the repaired records were written back: the next load finds nothing to repair
    assert load_state(bib).damaged == []


def test_good_records_are_left_alone(tmp_path):
    bib = tmp_path / "refs.bib"
    bib.write_text(BIB, encoding="utf-8")
    good = {"job_id": "spn2-0a", "submitted_at": "2026-12-06T18:00:00Z", "state": "pending", "detail": "x"}
    path = state_path(bib)
    path.parent.mkdir(parents=True, exist_ok=True)
    link = {"outcome": "ok", "status": 200, "checked_at": "2026-12-06T18:00:00Z", "chain": [], "detail": ""}
    path.write_text(json.dumps({"links": {URL: link}, "archive": {URL: good}}), encoding="utf-8")
    state = load_state(bib)
    assert state.damaged == [] and state.job(URL) == good and state.link(URL) == link


_JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=10,
)
_RECORD = st.fixed_dictionaries(
    {},
    optional={
        "job_id": _JSONISH | st.just("spn2-ab"),
        "state": _JSONISH | st.sampled_from(["pending", "submitted", "failed"]),
        "submitted_at": _JSONISH | st.just("2026-12-06T18:00:00Z"),
        "updated_at": _JSONISH,
        "detail": _JSONISH,
    },
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(record=_RECORD | _JSONISH)
def test_any_record_loads_as_one_the_runner_can_use(tmp_path, record):
    bib = tmp_path / "refs.bib"
    bib.write_text(BIB, encoding="utf-8")
    _write_state(bib, record)
    job = load_state(bib).job(URL)
    assert job["state"] in ("pending", "submitted", "failed")
    assert job.get("job_id") is None or re.fullmatch(r"[A-Za-z0-9._:-]{1,200}", job["job_id"])
    assert job["state"] != "pending" or job.get("job_id")  # a pending job can be followed
    for name in ("submitted_at", "updated_at"):
        assert job.get(name) is None or parse_iso(job[name]) is not None
