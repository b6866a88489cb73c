"""Informational answers bounded: a server may send "HTTP/1.1 100 Continue" heads forever.

httpcore skips 1xx heads in a loop until a final one comes, with no limit but the request's
deadline, so a hostile Archive answering nothing but 1xx heads kept annobib parsing at full
speed for every request's whole timeout (4 s of CPU at a 2 s timeout). Every transport annobib
makes reads through a BoundedHeadsBackend (:func:`bound_client`), whose streams watch the bytes that come back
after each request is written: more than ``MAX_INFORMATIONAL`` 1xx heads, or more than
``MAX_HEAD_BYTES`` before the final head ends, is a broken answer (httpx.RemoteProtocolError,
which every client maps to one line), at a cost of microseconds, not seconds.
"""

from __future__ import annotations

import functools
import re

MAX_INFORMATIONAL = 16  # real servers send one "100 Continue" or "103 Early Hints", rarely two
MAX_HEAD_BYTES = 256 << 10  # every head of one answer, 1xx ones included (h11 allows 16 KB a head)
_HEAD_END = re.compile(rb"\r?\n\r?\n")  # h11 also reads heads whose lines end in a bare LF
_INFORMATIONAL = re.compile(rb"HTTP/\d(?:\.\d)? +1(?!01)\d\d\b")  # 101 switches protocols: final


class _HeadWatch:
    """The heads of one answer as they arrive; ``feed`` says when the final one has ended."""

    def __init__(self):
        self.pending = b""  # the heads not yet ended
        self.seen = 0  # bytes read while watching
        self.informational = 0

    def feed(self, data: bytes) -> bool:
        # lazy: loads httpcore only when this runs
        import httpcore

        self.seen += len(data)
        buffer, pos = self.pending + data, 0
        while (end := _HEAD_END.search(buffer, pos)) is not None:
            while buffer[pos : pos + 1] in (b"\r", b"\n"):  # blank lines before a head are skipped
                pos += 1
            if not _INFORMATIONAL.match(buffer, pos):
                return True  # the final head has ended: what follows is the body
            self.informational += 1  # at most MAX_INFORMATIONAL + 1 turns of this loop
            if self.informational > MAX_INFORMATIONAL:
                raise httpcore.RemoteProtocolError(f"more than {MAX_INFORMATIONAL} informational (1xx) answers")
            pos = end.end()
        if self.seen > MAX_HEAD_BYTES:
            raise httpcore.RemoteProtocolError(f"answer heads larger than {MAX_HEAD_BYTES >> 10} KB")
        self.pending = buffer[pos:]
        return False


@functools.cache
def _stream_class():
    # lazy: loads httpcore only when this runs
    import httpcore

    class BoundedHeadsStream(httpcore.AsyncNetworkStream):
        def __init__(self, stream):
            self.stream = stream
            self.watch: _HeadWatch | None = None  # None: not reading heads (a body, or idle)

        async def write(self, buffer: bytes, timeout: float | None = None) -> None:
            self.watch = _HeadWatch()  # a request goes out: the next bytes in are its answer's heads
            await self.stream.write(buffer, timeout)

        async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
            data = await self.stream.read(max_bytes, timeout)
            if self.watch is not None and data and self.watch.feed(data):
                self.watch = None
            return data

        async def aclose(self) -> None:
            await self.stream.aclose()

        async def start_tls(self, ssl_context, server_hostname=None, timeout=None):
            return BoundedHeadsStream(await self.stream.start_tls(ssl_context, server_hostname, timeout))

        def get_extra_info(self, info: str):
            return self.stream.get_extra_info(info)

    return BoundedHeadsStream


@functools.cache
def _backend_class():
    # lazy: loads httpcore only when this runs
    import httpcore

    stream_class = _stream_class()

    class BoundedHeadsBackend(httpcore.AsyncNetworkBackend):
        def __init__(self, backend):
            self.backend = backend

        async def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
            return stream_class(await self.backend.connect_tcp(host, port, timeout, local_address, socket_options))

        async def connect_unix_socket(self, path, timeout=None, socket_options=None):
            return stream_class(await self.backend.connect_unix_socket(path, timeout, socket_options))

        async def sleep(self, seconds: float) -> None:
            await self.backend.sleep(seconds)

    return BoundedHeadsBackend


def bound_transport(transport):
    """``transport`` (an httpx.AsyncHTTPTransport; anything else, such as a test's
    MockTransport, is left alone) with its connections bounding informational heads.
    httpx has no public way to hand its pool a network backend: the pool's is wrapped in
    place (tests/test_network_seam.py fails if a new httpx moves it)."""
    # lazy: loads httpx only when this runs
    import httpx

    pool = getattr(transport, "_pool", None) if isinstance(transport, httpx.AsyncHTTPTransport) else None
    backend_class = _backend_class()
    if pool is not None and not isinstance(pool._network_backend, backend_class):
        pool._network_backend = backend_class(pool._network_backend)
    return transport


def bound_client(client):
    """``client`` (an httpx.AsyncClient) with every transport it may use bounded, the ones the
    environment's proxies are mounted on included."""
    for transport in [client._transport, *client._mounts.values()]:
        bound_transport(transport)
    return client
