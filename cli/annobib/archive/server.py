"""Serve a ``httpx.Request -> httpx.Response`` handler (e.g. :class:`FakeWeb`) on 127.0.0.1.

It also answers requests in absolute form, so it can stand in as an ``HTTP_PROXY`` for plain-http
origins with made-up host names (no DNS query is ever made for them).

    with serve(fake) as server:
        run_cli(["archive"], env={"ANNOBIB_WAYBACK_URL": server.url})

Only for tests and benchmarks: binds the loopback interface, port 0 (the OS picks one).
"""

from __future__ import annotations

import http.server
import socketserver
import threading

import httpx


class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 256

    def handle_error(self, request, client_address):  # a client hanging up is not news
        # looked up when called (tests patch it on its module)
        import sys

        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


def _make_handler(fake):
    respond = getattr(fake, "handle", fake)

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):  # quiet
            pass

        def _any(self):
            length = int(self.headers.get("content-length") or 0)
            body = self.rfile.read(length) if length else b""
            host = self.headers.get("host") or f"{self.server.server_address[0]}:{self.server.server_address[1]}"
            # absolute-form (the server used as an HTTP proxy): the origin's URL as asked for
            url = self.path if self.path.startswith(("http://", "https://")) else f"http://{host}{self.path}"
            request = httpx.Request(self.command, url, headers=[(k, v) for k, v in self.headers.items()], content=body)
            try:
                response = respond(request)
                data = response.read()
            except Exception as exc:  # noqa: BLE001 - a fake's bug becomes a 500
                response, data = httpx.Response(500), f"fake error: {exc}".encode()
            try:
                self.send_response(response.status_code)
                for k, v in response.headers.items():
                    if k.lower() not in ("content-length", "transfer-encoding", "connection", "content-encoding"):
                        self.send_header(k, v)
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True

        do_GET = do_POST = do_HEAD = do_PUT = do_DELETE = _any

    return Handler


class ServerHandle:
    def __init__(self, fake, host: str = "127.0.0.1", port: int = 0):
        self.fake = fake
        self.httpd = _Server((host, port), _make_handler(fake))
        self.host, self.port = self.httpd.server_address[:2]
        self.url = f"http://{self.host}:{self.port}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def start(self) -> "ServerHandle":
        self.thread.start()
        return self

    def stop(self) -> None:
        stop = getattr(self.fake, "stop", None)
        if stop:
            stop()
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self) -> "ServerHandle":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def serve(fake, host: str = "127.0.0.1", port: int = 0) -> ServerHandle:
    return ServerHandle(fake, host, port)
