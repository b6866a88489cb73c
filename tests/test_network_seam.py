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


# --------------------------------------------------------------------------- informational heads


def test_informational_heads_are_counted_and_bounded():
    import httpcore

    from annobib.core.heads import MAX_INFORMATIONAL, _HeadWatch

    ok = _HeadWatch()  # one 100 and one 103, then the answer: the body is not watched
    assert not ok.feed(b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n")
    assert ok.feed(b"\r\nHTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello")
    assert _HeadWatch().feed(b"HTTP/1.1 101 Switching Protocols\r\n\r\n")  # final: no more heads
    assert _HeadWatch().feed(b"HTTP/1.0 200 OK\n\n" + b"x" * 1_000_000)  # bare-LF heads, a long body
    flood = _HeadWatch()
    with pytest.raises(httpcore.RemoteProtocolError):
        for _ in range(MAX_INFORMATIONAL + 1):
            flood.feed(b"HTTP/1.1 100 Continue\r\n\r\n")
    endless = _HeadWatch()
    with pytest.raises(httpcore.RemoteProtocolError):
        for _ in range(100):
            endless.feed(b"X-Filler: " + b"y" * 8000 + b"\r\n")


def test_every_client_reads_through_the_bounded_backend():
    """If a new httpx moves its pool's network backend, this fails (rather than the bound
    silently going away)."""
    import httpx

    from annobib.archive.links import LinkChecker, LinkOptions
    from annobib.archive.wayback import ArchiveOptions, WaybackClient
    from annobib.core.heads import _backend_class
    from annobib.verify.client import RegistryClient, RegistryOptions

    clients = [
        WaybackClient(ArchiveOptions()).client,
        RegistryClient(RegistryOptions()).client,
        LinkChecker(LinkOptions(), transport=httpx.AsyncHTTPTransport()).client,
    ]
    for client in clients:
        assert isinstance(client._transport._pool._network_backend, _backend_class())


def test_archive_stops_reading_1xx_heads_quickly(tmp_path):
    from test_hostile_round14 import _endless_1xx

    url = next(server := _serve_raw(_endless_1xx))
    (tmp_path / "lib.bib").write_text(
        "@online{p1, author = {Wang, Li}, title = {A title}, date = {2020},"
        " url = {http://127.0.0.1:9/page}, urldate = {2024-01-01}}\n"
    )
    env = {"ANNOBIB_WAYBACK_URL": url, "ANNOBIB_ARCHIVE_ORG_URL": url, "ANNOBIB_ARCHIVE_TRIES": "1"}
    try:
        code, out, err, cpu, _ = child(["--bib", "lib.bib", "archive"], tmp_path, env=env, timeout=200)
    finally:
        next(server, None)
    assert_no_internal_error(err)
    assert "informational (1xx) answers" in out + err and cpu < 1.0, (out + err, cpu)
