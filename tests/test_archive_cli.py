"""End to end: the real CLI against the fake Archive and origins served on 127.0.0.1."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annobib.archive.fake import FakeWeb
from annobib.archive.server import serve
from annobib.archive.state import load_state
from annobib.bib import read_library
from conftest import REPO, run_cli

KEYS = {"ANNOBIB_IA_ACCESS": "ak-SECRET-1", "ANNOBIB_IA_SECRET": "sk-SECRET-2"}


@pytest.fixture
def fake_server():
    fake = FakeWeb(
        access_key=KEYS["ANNOBIB_IA_ACCESS"],
        secret_key=KEYS["ANNOBIB_IA_SECRET"],
        hang_seconds=5,
        slow_seconds=0.05,
        retry_after="0",
    )
    with serve(fake) as server:
        yield fake, server


def fast_env(tmp_path: Path, server, keys: bool = True, **extra) -> dict:
    env = {
        "ANNOBIB_CONFIG": str(tmp_path / "no-config.toml"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "ANNOBIB_WAYBACK_URL": server.url,
        "ANNOBIB_ARCHIVE_RPM": "30000",
        "ANNOBIB_CAPTURE_RPM": "30000",
        "ANNOBIB_CAPTURE_INTERVAL": "0",
        "ANNOBIB_POLL_INTERVAL": "0.02",
        "ANNOBIB_POLL_MAX_INTERVAL": "0.05",
        "ANNOBIB_ARCHIVE_429_PAUSE": "0.1",
        "ANNOBIB_LINKS_HOST_INTERVAL": "0",
        "ANNOBIB_LINKS_PER_HOST": "4",
        "ANNOBIB_LINKS_TIMEOUT": "0.5",
        "ANNOBIB_LINKS_BACKOFF": "0.01",
        "ANNOBIB_IA_ACCESS": "",
        "ANNOBIB_IA_SECRET": "",
        "NO_COLOR": "1",
    }
    if keys:
        env.update(KEYS)
    env.update(extra)
    return env


def write_bib(tmp_path: Path, base: str, kinds: list[str]) -> Path:
    parts = []
    for i, kind in enumerate(kinds):
        url = kind if ":" in kind else f"{base}/{kind}/{i}"
        parts.append(
            f"@online{{e{i},\n  title = {{Entry {i}}},\n  date = {{2025-04-{i % 28 + 1:02d}}},\n"
            f"  url = {{{url}}},\n}}\n"
        )
    bib = tmp_path / "refs.bib"
    bib.write_text("\n".join(parts), encoding="utf-8")
    return bib


def test_check_links_table_json_cache_and_exit_code(tmp_path, fake_server):
    fake, server = fake_server
    bib = write_bib(tmp_path, server.url, ["ok", "redirect", "404", "403", "soft404", "hang", "file:///etc/passwd"])
    env = fast_env(tmp_path, server)
    r = run_cli(["--bib", str(bib), "check-links", "--json"], env=env)
    assert r.exit_code == 1, r.stderr  # something is dead
    data = json.loads(r.stdout)
    got = {row["key"]: row["outcome"] for row in data["results"]}
    assert got == {
        "e0": "ok",
        "e1": "redirected",
        "e2": "dead",
        "e3": "blocked",
        "e4": "suspect",
        "e5": "error",
        "e6": "error",
    }
    assert data["summary"]["dead"] == 1
    assert not any(path.startswith("/etc") for path in (rec.path for rec in fake.log))
    hits = len(fake.log)
    # a re-run reuses fresh results; --refresh checks again
    r = run_cli(["--bib", str(bib), "check-links", "e0", "e2"], env=env)
    assert r.exit_code == 1 and "(cached)" in r.stdout and len(fake.log) == hits
    r = run_cli(["--bib", str(bib), "check-links", "--refresh", "e0"], env=env)
    assert r.exit_code == 0 and len(fake.log) == hits + 1
    assert "e0" in r.stdout and "ok" in r.stdout
    r = run_cli(["--bib", str(bib), "check-links", "nokey"], env=env)
    assert r.exit_code == 2 and "nokey" in r.stderr


def test_archive_end_to_end_writes_fields_and_never_shows_keys(tmp_path, fake_server):
    fake, server = fake_server
    bib = write_bib(tmp_path, server.url, ["ok", "ok", "404", "javascript:alert(1)"])
    fake.add_snapshot(f"{server.url}/ok/0", "20250402101010")
    env = fast_env(tmp_path, server)
    r = run_cli(["--bib", str(bib), "archive", "--dry-run"], env=env)
    assert r.exit_code == 1  # two URLs would still need a capture
    assert "+  archiveurl" in r.stdout and "archiveurl" not in bib.read_text()
    assert fake.captures_requested == 0
    r = run_cli(["--bib", str(bib), "archive", "--json"], env=env)
    assert r.exit_code == 0, r.stdout + r.stderr
    data = json.loads(r.stdout)
    outcomes = {row["keys"][0]: row["outcome"] for row in data["results"]}
    assert outcomes == {"e0": "archived", "e1": "captured", "e2": "captured", "e3": "skipped"}
    lib = read_library(bib)
    assert lib.get("e0").fields["archiveurl"] == f"{server.url}/web/20250402101010/{server.url}/ok/0"
    assert lib.get("e0").fields["archivedate"] == "2025-04-02"
    for key in ("e1", "e2"):
        assert lib.get(key).fields["archiveurl"].startswith(f"{server.url}/web/")
        assert len(lib.get(key).fields["archivedate"]) == 10
    assert "archiveurl" not in lib.get("e3").fields
    everything = r.stdout + r.stderr + bib.read_text() + load_state(bib).path.read_text()
    for secret in KEYS.values():
        assert secret not in everything
    # second run: nothing to do
    r = run_cli(["--bib", str(bib), "archive"], env=env)
    assert r.exit_code == 0 and "present" in r.stdout


def test_archive_without_keys_reports_needs_capture(tmp_path, fake_server):
    fake, server = fake_server
    bib = write_bib(tmp_path, server.url, ["ok"])
    r = run_cli(["--bib", str(bib), "archive"], env=fast_env(tmp_path, server, keys=False))
    assert r.exit_code == 1 and "needs-capture" in r.stdout and fake.captures_requested == 0


def test_killed_mid_run_then_resumed(tmp_path, fake_server):
    fake, server = fake_server
    fake.pending_polls = 4
    n = 8
    bib = write_bib(tmp_path, server.url, ["ok"] * n)
    env = dict(
        os.environ,
        PYTHONPATH=str(REPO / "cli"),
        **fast_env(
            tmp_path,
            server,
            ANNOBIB_CAPTURE_INTERVAL="0.08",
            ANNOBIB_POLL_INTERVAL="0.05",
            ANNOBIB_POLL_MAX_INTERVAL="0.05",
        ),
    )
    cmd = [sys.executable, "-m", "annobib", "--bib", str(bib), "archive"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path)
    deadline = time.time() + 20
    try:
        while time.time() < deadline and "archiveurl" not in bib.read_text(encoding="utf-8"):
            time.sleep(0.01)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(10)
        proc.stdout.close()
        proc.stderr.close()
    lib = read_library(bib)  # still a valid .bib
    assert not lib.problems
    done = sum(1 for e in lib.entries if "archiveurl" in e.fields)
    assert 1 <= done < n  # killed mid-run
    submitted = fake.captures_requested
    pending = [v for v in load_state(bib).archive.values() if v.get("state") == "pending"]
    assert done + len(pending) >= min(submitted, n) - 1  # job ids were saved as they were handed out
    r = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert r.returncode == 0, r.stdout + r.stderr
    lib = read_library(bib)
    assert all(e.fields.get("archiveurl", "").startswith(f"{server.url}/web/") for e in lib.entries)
    assert not lib.problems
    # resumed jobs were followed, not submitted again (one may have been in flight at the kill)
    assert fake.captures_requested <= n + 1


def test_faults_are_per_url_outcomes(tmp_path, fake_server):
    fake, server = fake_server
    # a port nobody listens on, a javascript: URL, a redirect loop, a server that never answers, TLS
    import socket

    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    closed_port = s.getsockname()[1]
    s.close()
    # (DNS failures are tested through MockTransport: no test sends a DNS query)
    urls = [
        f"http://127.0.0.1:{closed_port}/x",
        "javascript:void(0)",
        f"{server.url}/loop/a",
        f"{server.url}/hang/1",
        f"{server.url}/ok/1",
        server.url.replace("http://", "https://") + "/ok/tls",
    ]
    bib = write_bib(tmp_path, server.url, urls)
    env = fast_env(tmp_path, server, ANNOBIB_LINKS_TRIES="2")
    r = run_cli(["--bib", str(bib), "check-links", "--json"], env=env)
    rows = {row["key"]: row for row in json.loads(r.stdout)["results"]}
    assert rows["e0"]["outcome"] == "unreachable" and "refused" in rows["e0"]["detail"]
    assert rows["e1"]["outcome"] == "error" and "not requested" in rows["e1"]["detail"]
    assert rows["e2"]["detail"] == "redirect loop"
    assert rows["e3"]["outcome"] == "error" and "timed out" in rows["e3"]["detail"]
    assert rows["e4"]["outcome"] == "ok"
    assert rows["e5"]["outcome"] == "error" and "TLS" in rows["e5"]["detail"]  # TLS to a plain-HTTP server
    # a malformed Archive: each URL gets an error, the .bib stays as it was
    fake.malformed_all = True
    before = bib.read_text()
    r = run_cli(["--bib", str(bib), "archive", "--no-capture", "--json"], env=env)
    assert r.exit_code == 1
    assert bib.read_text() == before


def test_ctrl_c_exits_130_and_keeps_every_success(tmp_path, fake_server):
    fake, server = fake_server
    fake.pending_polls = 50  # jobs stay pending: the run is interrupted while following them
    bib = write_bib(tmp_path, server.url, ["ok"] * 4)
    fake.add_snapshot(f"{server.url}/ok/0", "20250501000000")  # after the page's date (2025-04-01)
    env = dict(
        os.environ,
        PYTHONPATH=str(REPO / "cli"),
        **fast_env(tmp_path, server, ANNOBIB_POLL_INTERVAL="0.05", ANNOBIB_POLL_MAX_INTERVAL="0.05"),
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "annobib", "--bib", str(bib), "archive"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
    )
    deadline = time.time() + 20
    while time.time() < deadline and fake.captures_requested < 3:
        time.sleep(0.01)
    time.sleep(0.2)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=20)
    assert proc.returncode == 130, out + err
    assert "interrupted" in err and "Traceback" not in err
    lib = read_library(bib)
    assert lib.get("e0").fields["archiveurl"].endswith(f"/web/20250501000000/{server.url}/ok/0")
    jobs = load_state(bib).archive
    assert sum(1 for j in jobs.values() if j.get("state") == "pending") == 3


def test_per_host_limits_hold_when_measured_at_the_server(tmp_path, fake_server):
    """Made-up host names reach the fake through it acting as HTTP_PROXY: no DNS, real sockets."""
    fake, server = fake_server
    fake.origin_delay = 0.3  # longer than the spacing: two requests to a host do overlap
    urls = [f"http://site{h}.example/ok/{i}" for h in range(3) for i in range(6)]
    bib = write_bib(tmp_path, server.url, urls)
    env = fast_env(
        tmp_path,
        server,
        HTTP_PROXY=server.url,
        http_proxy=server.url,
        NO_PROXY="",
        no_proxy="",
        ANNOBIB_LINKS_PER_HOST="2",
        ANNOBIB_LINKS_HOST_INTERVAL="0.1",
        ANNOBIB_LINKS_TIMEOUT="5",
    )
    r = run_cli(["--bib", str(bib), "check-links", "--json"], env=env)
    assert r.exit_code == 0, r.stdout + r.stderr
    assert {row["outcome"] for row in json.loads(r.stdout)["results"]} == {"ok"}
    peaks = {f"site{h}.example": fake.peak[f"site{h}.example"] for h in range(3)}
    assert max(peaks.values()) == 2, peaks  # the limit is reached …
    assert all(p <= 2 for p in peaks.values())  # … and never passed
    for h in range(3):
        starts = sorted(rec.at for rec in fake.log if rec.host == f"site{h}.example")
        assert len(starts) == 6
        # starts are spaced when sent; at arrival single gaps jitter, the total cannot shrink much
        assert starts[-1] - starts[0] >= 5 * 0.1 - 0.1


def test_a_request_given_up_on_still_counts_against_its_host(tmp_path, fake_server):
    """After a timeout the server may still be busy with the abandoned request: its slot is kept
    for the backoff, so the retry (or the next URL) does not overlap it."""
    fake, server = fake_server
    fake.slow_seconds = 0.25
    urls = [f"http://slowsite.example/slow/{i}" for i in range(2)]
    bib = write_bib(tmp_path, server.url, urls)
    env = fast_env(
        tmp_path,
        server,
        HTTP_PROXY=server.url,
        http_proxy=server.url,
        NO_PROXY="",
        no_proxy="",
        ANNOBIB_LINKS_PER_HOST="1",
        ANNOBIB_LINKS_HOST_INTERVAL="0",
        ANNOBIB_LINKS_TIMEOUT="0.15",
        ANNOBIB_LINKS_TRIES="2",
        ANNOBIB_LINKS_BACKOFF="0.3",
    )
    r = run_cli(["--bib", str(bib), "check-links", "--json"], env=env)
    rows = json.loads(r.stdout)["results"]
    assert {row["outcome"] for row in rows} == {"error"} and all("timed out" in row["detail"] for row in rows)
    assert len([rec for rec in fake.log if rec.host == "slowsite.example"]) >= 3  # (one may not arrive in time)
    assert fake.peak["slowsite.example"] == 1


def test_list_show_stats_validate_report_link_state(tmp_path, fake_server):
    fake, server = fake_server
    bib = write_bib(tmp_path, server.url, ["ok", "404", "ok"])
    fake.add_snapshot(f"{server.url}/ok/0", "20250402101010")
    env = fast_env(tmp_path, server, keys=False, ANNOBIB_NO_CACHE="1")
    # before any check: validate stays quiet about links unless asked
    plain = run_cli(["--bib", str(bib), "validate", "--json"], env=env)
    assert "W801" not in plain.stdout
    asked = run_cli(["--bib", str(bib), "validate", "--links", "--json"], env=env)
    codes = sorted(f["code"] for f in json.loads(asked.stdout)["findings"] if f["code"].startswith("W80"))
    assert codes == ["W801", "W801", "W801"]
    run_cli(["--bib", str(bib), "check-links"], env=env)
    run_cli(["--bib", str(bib), "archive", "--no-capture"], env=env)
    asked = run_cli(["--bib", str(bib), "validate", "--links", "--json"], env=env)
    found = {(f["code"], f["key"]) for f in json.loads(asked.stdout)["findings"] if f["code"].startswith("W80")}
    assert found == {("W802", "e1")}  # dead and never archived
    r = run_cli(["--bib", str(bib), "list", "--links", "--json"], env=env)
    rows = {row["key"]: row for row in json.loads(r.stdout)}
    assert (rows["e0"]["link"], rows["e0"]["archive"]) == ("ok", "archived")
    assert (rows["e1"]["link"], rows["e1"]["archive"]) == ("dead", "none")
    r = run_cli(["--bib", str(bib), "list", "--links"], env=env)
    assert r.exit_code == 0 and "dead" in r.stdout and "archived" in r.stdout
    r = run_cli(["--bib", str(bib), "show", "e1"], env=env)
    assert r.exit_code == 0 and "link dead" in r.stdout
    r = run_cli(["--bib", str(bib), "show", "--json", "e0"], env=env)
    assert json.loads(r.stdout)[0]["link"]["archive"] == "archived"
    r = run_cli(["--bib", str(bib), "stats", "--json"], env=env)
    links = json.loads(r.stdout)["links"]
    assert links["with_url"] == 3 and links["links"] == {"ok": 2, "dead": 1} and links["archived"] == 1
