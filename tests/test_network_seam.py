"""The network seam: a URL no socket can take (a redirect to port 99999) is one clear outcome.

httpx passes such a URL down to the socket layer, whose OverflowError comes back wrapped in an
ExceptionGroup from anyio's task group; every client annobib makes refuses it first
(bounded.refuse_impossible_url), so add says one line and verify gives a verdict, not an
"internal error". Fakes on 127.0.0.1 only.
"""

from __future__ import annotations

import json

import pytest
from childproc import child
from test_hostile_round14 import DOI_BIB, _redirect_to_port_99999, _serve_raw, assert_no_internal_error


@pytest.fixture
def web_bad_port():
    yield from _serve_raw(_redirect_to_port_99999)


def test_verify_redirected_to_an_impossible_port_is_a_verdict(tmp_path, web_bad_port):
    (tmp_path / "lib.bib").write_text(DOI_BIB)
    env = {"ANNOBIB_CROSSREF_URL": web_bad_port, "ANNOBIB_OPENALEX_URL": web_bad_port}
    code, out, err, _, _ = child(["--bib", "lib.bib", "verify", "--json"], tmp_path, env=env)
    assert_no_internal_error(err)
    (verdict,) = json.loads(out)
    assert verdict["verdict"] == "unreachable" and "internal error" not in verdict["detail"], verdict
    assert "port 99999 is out of range" in verdict["detail"], verdict


def test_the_hook_refuses_only_impossible_ports():
    import asyncio

    import httpx

    from annobib.bounded import refuse_impossible_url

    asyncio.run(refuse_impossible_url(httpx.Request("GET", "http://127.0.0.1:65535/x")))
    asyncio.run(refuse_impossible_url(httpx.Request("GET", "https://example.org/x")))
    with pytest.raises(httpx.InvalidURL):
        asyncio.run(refuse_impossible_url(httpx.Request("GET", "http://127.0.0.1:99999/x")))
