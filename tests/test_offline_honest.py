"""With no network, a URL is "unreachable", never "dead"; nothing learned offline is kept."""

from __future__ import annotations

import json
import socket

import httpx
import pytest

from annobib.archive.state import load_state, state_path
from conftest import run_cli

BIB = """@online{a,
  title = {Page A},
  url = {https://a.example/page},
  archiveurl = {https://web.archive.org/web/20200101000000/https://a.example/page},
  archivedate = {2020-01-01},
}
@online{b,
  title = {Page B},
  url = {https://b.example/page},
}
"""


def _no_dns(request):
    err = httpx.ConnectError("[Errno -3] Temporary failure in name resolution", request=request)
    err.__cause__ = socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")
    raise err


@pytest.fixture
def offline(monkeypatch, tmp_path):
    import annobib.commands.archive as cmd

    monkeypatch.setattr(cmd, "_transport", lambda: httpx.MockTransport(_no_dns))
    bib = tmp_path / "refs.bib"
    bib.write_text(BIB, encoding="utf-8")
    env = {
        "ANNOBIB_CONFIG": str(tmp_path / "none.toml"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "ANNOBIB_LINKS_BACKOFF": "0.01",
        "ANNOBIB_LINKS_HOST_INTERVAL": "0",
        "NO_COLOR": "1",
    }
    return bib, env


def test_check_links_offline_says_so_once_exits_2_and_caches_nothing(offline):
    bib, env = offline
    before = bib.read_bytes()
    r = run_cli(["--bib", str(bib), "check-links"], env=env)
    assert r.exit_code == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "offline" in lines[0] and "Traceback" not in r.stderr
    assert bib.read_bytes() == before
    path = state_path(bib)
    assert not path.exists() or not json.loads(path.read_text())["links"]
    # afterwards nothing reports a dead link, and format --archived dead swaps nothing
    stats = json.loads(run_cli(["--bib", str(bib), "stats", "--json"], env=env).stdout)
    assert "dead" not in stats["links"]["links"]
    found = json.loads(run_cli(["--bib", str(bib), "validate", "--links", "--json"], env=env).stdout)
    assert not [f for f in found["findings"] if f["code"] == "W802"]
    r = run_cli(["--bib", str(bib), "format", "--archived", "dead", "--to", "text", "a"], env=env)
    assert "a.example/page" in r.stdout and "web.archive.org" not in r.stdout


def test_one_unresolvable_host_among_live_ones_is_unreachable_not_dead(monkeypatch, offline):
    import annobib.commands.archive as cmd

    def handler(request):
        if request.url.host == "b.example":
            _no_dns(request)
        return httpx.Response(200, text="<title>Page A</title>" + "text " * 400)

    monkeypatch.setattr(cmd, "_transport", lambda: httpx.MockTransport(handler))
    bib, env = offline
    r = run_cli(["--bib", str(bib), "check-links", "--json"], env=env)
    rows = {row["key"]: row["outcome"] for row in json.loads(r.stdout)["results"]}
    assert rows == {"a": "ok", "b": "unreachable"} and r.exit_code == 1
    links = load_state(bib).links
    assert set(links) == {"https://a.example/page"}  # the unreachable verdict is not kept for days


def test_older_dns_dead_verdicts_read_as_unreachable(offline):
    """A state file written before this fix (DNS failure stored as "dead") must not swap URLs."""
    from annobib.archive.state import now_iso

    bib, env = offline
    state_path(bib).write_text(
        json.dumps(
            {
                "version": 1,
                "archive": {},
                "links": {
                    "https://a.example/page": {
                        "outcome": "dead",
                        "detail": "no such host (DNS)",
                        "checked_at": now_iso(),
                    }
                },
            }
        )
    )
    r = run_cli(["--bib", str(bib), "format", "--archived", "dead", "--to", "text", "a"], env=env)
    assert "web.archive.org" not in r.stdout
    assert not load_state(bib).is_fresh("https://a.example/page", 7 * 86400)


def test_archive_offline_says_so_once_exits_2_and_writes_nothing(offline):
    bib, env = offline
    env = {
        **env,
        "ANNOBIB_ARCHIVE_RPM": "30000",
        "ANNOBIB_ARCHIVE_TIMEOUT": "1",
        "ANNOBIB_IA_ACCESS": "",
        "ANNOBIB_IA_SECRET": "",
    }
    before = bib.read_bytes()
    r = run_cli(["--bib", str(bib), "archive", "--force"], env=env)
    assert r.exit_code == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "offline" in lines[0]
    assert r.stdout.count("not answering") == 0  # not repeated per URL
    assert bib.read_bytes() == before
    path = state_path(bib)
    assert not path.exists() or not json.loads(path.read_text())["links"]


def test_archive_skips_doi_links(tmp_path, monkeypatch):
    import annobib.commands.archive as cmd

    asked = []

    def handler(request):
        asked.append(str(request.url))
        return httpx.Response(404)

    monkeypatch.setattr(cmd, "_transport", lambda: httpx.MockTransport(handler))
    bib = tmp_path / "refs.bib"
    bib.write_text("@article{d, title = {X}, doi = {10.1/x}, url = {https://doi.org/10.1/x}}\n", encoding="utf-8")
    env = {"ANNOBIB_CONFIG": str(tmp_path / "none.toml"), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    r = run_cli(["--bib", str(bib), "archive", "--json"], env=env)
    rows = json.loads(r.stdout)["results"]
    assert [row["outcome"] for row in rows] == ["skipped"] and "doi.org" in rows[0]["detail"]
    assert not asked and r.exit_code == 0
