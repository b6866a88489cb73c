"""A hostile Archive: an answer that echoes the keys and carries escapes is never printed raw,
and the keys never reach the state file."""

from __future__ import annotations

import json

import pytest

from annobib.archive.fake import FakeWeb
from annobib.archive.server import serve
from annobib.archive.state import state_path
from conftest import run_cli
from test_archive_cli import KEYS, fast_env, write_bib
from test_sanitize_matrix import assert_clean

ECHO = f"error:echo {KEYS['ANNOBIB_IA_ACCESS']} {KEYS['ANNOBIB_IA_SECRET']} \x1b]52;c;aGk=\x07\x1b[2J\u202e"


@pytest.fixture
def hostile_archive():
    fake = FakeWeb(
        access_key=KEYS["ANNOBIB_IA_ACCESS"],
        secret_key=KEYS["ANNOBIB_IA_SECRET"],
        hang_seconds=5,
        slow_seconds=0.05,
        retry_after="0",
    )
    with serve(fake) as server:
        yield fake, server


@pytest.mark.parametrize("as_json", [False, True])
def test_an_archive_answer_echoing_the_keys(tmp_path, hostile_archive, as_json):
    fake, server = hostile_archive
    bib = write_bib(tmp_path, server.url, ["ok"])
    fake.capture_plan[f"{server.url}/ok/0"] = ECHO  # the status message repeats it
    env = fast_env(tmp_path, server)
    r = run_cli(["--bib", str(bib), "archive", *(["--json"] if as_json else [])], env=env)
    out = r.stdout + r.stderr
    assert r.exit_code == 1, out
    assert "Capture failed" in out  # the message is shown ...
    for secret in KEYS.values():  # ... without the keys
        assert secret not in out
    assert_clean(out, "archive")
    if as_json:
        json.loads(r.stdout)
    state = state_path(bib).read_text(encoding="utf-8")
    assert "Capture failed" in state and "[REDACTED]" in state
    for secret in KEYS.values():
        assert secret not in state
    r = run_cli(["--bib", str(bib), "list", "--links"], env=env)
    assert_clean(r.stdout + r.stderr, "list --links")
