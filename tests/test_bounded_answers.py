"""Network answers are read within their cap: compressed twice or more is refused before reading."""

from __future__ import annotations

import asyncio
import gzip

import httpx
import pytest

from annobib.bounded import TooLarge, get_within


def _client(headers: dict, body: bytes) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        transport=httpx.MockTransport(lambda request: httpx.Response(200, headers=headers, content=body))
    )


async def _get(client):
    async with client:
        return await get_within(client, "http://127.0.0.1/x", 5)


def test_an_answer_compressed_twice_is_refused_unread():
    body = gzip.compress(gzip.compress(b"{}" * 1000))
    with pytest.raises(TooLarge, match="compressed more than once"):
        asyncio.run(_get(_client({"content-encoding": "gzip, gzip"}, body)))


def test_an_answer_compressed_once_is_read():
    _, body = asyncio.run(_get(_client({"content-encoding": "gzip"}, gzip.compress(b'{"a": 1}'))))
    assert body == b'{"a": 1}'
