"""Bounded input: size caps, JSON depth and number limits, capped network reads.

Everything that reads text a user or a server controls goes through one of these, so a
hostile input costs at most a few megabytes and a fraction of a second and ends in one
:class:`InputError` line (exit 2) instead of a hang, a MemoryError or a traceback.

Limits (chosen, documented in README "Bounded input"):
- an imported file or standard input: at most ``MAX_IMPORT_BYTES`` (64 MB);
- JSON: nesting at most ``MAX_JSON_DEPTH`` (64) levels, integers at most ``MAX_JSON_DIGITS``
  (30) digits; floats must be finite;
- a network answer: at most ``MAX_ANSWER_BYTES`` (4 MB), read streaming and cut off there;
- a network request: its timeout is a deadline for the whole of it (connect, headers, every
  read: :func:`get_within`), so a server that drips one byte a second cannot hold a command.
"""

from __future__ import annotations

import json
import math
import re

from annobib.core.inputs import decode_utf8
from annobib.errors import InputError

MAX_IMPORT_BYTES = 64 << 20
MAX_JSON_DEPTH = 64
MAX_JSON_DIGITS = 30
MAX_ANSWER_BYTES = 4 << 20


class TooLarge(InputError):
    """An input past a size limit."""


def read_limited(stream, limit: int, what: str) -> bytes:
    """At most ``limit`` bytes from a binary stream; more is an InputError (read no further)."""
    parts, size = [], 0
    while True:
        chunk = stream.read(min(1 << 20, limit + 1 - size))
        if not chunk:
            break
        parts.append(chunk)
        size += len(chunk)
        if size > limit:
            raise TooLarge(f"{what}: more than {limit >> 20} MB; not read")
    return b"".join(parts)


def read_stdin_text(what: str = "standard input", limit: int = MAX_IMPORT_BYTES) -> str:
    """Standard input as UTF-8 text (a BOM is dropped): capped, and bytes that are not UTF-8
    are one clear error instead of an internal one later."""
    # looked up when called (tests patch it on its module)
    import sys

    # `<&-` leaves sys.stdin None; a write-only descriptor cannot be read: one line, exit 2
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise InputError(f"{what}: closed; nothing to read")
    try:
        data = read_limited(stream, limit, what)
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise InputError(f"{what}: cannot be read ({reason})") from None
    return decode_utf8(data, what, hint=False, text_only=False)


# --------------------------------------------------------------------------- JSON


def json_depth(data) -> int:
    """The deepest nesting of a parsed JSON value (a scalar is 0); iterative, no recursion."""
    best = 0
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            value = value.values()
        elif not isinstance(value, list):
            continue
        best = max(best, depth)
        stack.extend((v, depth + 1) for v in value if isinstance(v, (dict, list)))
    return best


def _parse_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_JSON_DIGITS:
        raise ValueError(f"a number with {len(text.lstrip('-'))} digits (at most {MAX_JSON_DIGITS} are read)")
    return int(text)


def _parse_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"a number too large to read ({text[:20]}…)")
    return value


def _no_constant(name: str):
    raise ValueError(f"{name} is not a JSON number")


def loads_json(text: str, name: str):
    """``json.loads`` with limits: one InputError naming ``name`` for malformed JSON, nesting
    deeper than MAX_JSON_DEPTH, integers longer than MAX_JSON_DIGITS digits, ``NaN``/``Infinity``."""
    deep = f"{name}: JSON nested more than {MAX_JSON_DEPTH} levels deep; not read"
    try:
        data = json.loads(text, parse_int=_parse_int, parse_float=_parse_float, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise InputError(f"{name}:{exc.lineno}:{exc.colno}: not valid JSON ({exc.msg})") from None
    except RecursionError:  # the C decoder stops cleanly at the interpreter's recursion limit
        raise InputError(deep) from None
    except ValueError as exc:
        raise InputError(f"{name}: not read: {exc}") from None
    if json_depth(data) > MAX_JSON_DEPTH:
        raise InputError(deep)
    if _SURROGATE_ESCAPE.search(text) and _has_lone_surrogate(data):
        raise InputError(f"{name}: a string holds half of a UTF-16 pair (\\ud800-\\udfff alone): not text; not read")
    return data


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")  # only then can a lone surrogate appear


def _has_lone_surrogate(data) -> bool:
    """True when a string (or key) in the parsed data cannot be written as UTF-8."""
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                return True
        elif isinstance(value, dict):
            stack.extend(value.keys())
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return False


# --------------------------------------------------------------------------- numbers


def finite_number(text: str, what: str, low: float, high: float) -> float:
    """A float within [low, high] from text (``inf``, ``nan``, 400 digits → one clear error)."""
    try:
        value = float(text)
    except (TypeError, ValueError):
        raise InputError(f"{what}: not a number: {str(text)[:40]!r}") from None
    if not math.isfinite(value) or not low <= value <= high:
        raise InputError(f"{what}: must be between {low:g} and {high:g}")
    return value


# --------------------------------------------------------------------------- network


def stacked_coding(response) -> bool:
    """Whether the answer is compressed more than once (``Content-Encoding: gzip, gzip, gzip``):
    httpx inflates each layer of a piece whole before the size cap sees it, so 273 bytes held
    200 MB; no server annobib talks to has a reason to send that."""
    return "," in response.headers.get("content-encoding", "")


async def read_answer(response, limit: int = MAX_ANSWER_BYTES) -> bytes:
    """The body of a streamed httpx response, at most ``limit`` bytes; more raises TooLarge
    (the connection is closed, the rest never read), and so does an answer compressed twice or more."""
    if stacked_coding(response):
        raise TooLarge("the answer is compressed more than once; not read")
    parts, size = [], 0
    async for chunk in response.aiter_bytes():
        size += len(chunk)
        if size > limit:
            raise TooLarge(f"the answer is larger than {limit >> 20} MB; not read")
        parts.append(chunk)
    return b"".join(parts)


async def refuse_impossible_url(request) -> None:
    """An httpx ``request`` event hook, on every client annobib makes: it runs for each request
    of a redirect chain too, before anything is sent. A ``Location`` of port 99999 otherwise
    reaches the socket layer, whose OverflowError comes out of anyio's task group wrapped in an
    ExceptionGroup no ``except httpx.HTTPError`` catches; httpx.InvalidURL is mapped everywhere."""
    # lazy: loads httpx only when this runs
    import httpx

    port = request.url.port
    if port is not None and not 0 < port < 65536:
        raise httpx.InvalidURL(f"port {port} is out of range")


REQUEST_HOOKS = {"request": [refuse_impossible_url]}  # httpx.AsyncClient(event_hooks=REQUEST_HOOKS)


async def get_within(client, url: str, seconds: float, limit: int = MAX_ANSWER_BYTES, on_headers=None):
    """GET ``url`` with ``client`` (an httpx.AsyncClient): (response, body), all of it within
    ``seconds`` -- connect, headers and every read. httpx's own timeout bounds each read
    alone, so an answer trickled a byte at a time never ends; this raises TimeoutError at the
    deadline instead (check-links and archive keep theirs the same way, with
    ``asyncio.timeout``). The body is read only for a status below 400 and capped at
    ``limit`` (TooLarge). ``on_headers(response)`` is called before the body is read."""
    # lazy: asyncio only for a network run
    import asyncio

    async with asyncio.timeout(seconds):
        async with client.stream("GET", url) as response:
            if on_headers is not None:
                on_headers(response)
            body = await read_answer(response, limit) if response.status_code < 400 else b""
    return response, body
