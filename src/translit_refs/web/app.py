"""The web application (Starlette): the page, ``POST /api/parse`` and ``POST /api/export``.

Needs the ``web`` extra (``pip install 'translit-refs[web]'``). ``translit-refs serve`` runs it
with uvicorn on 127.0.0.1 by default. What one request may cost is bounded (``service.Limits``):
the body is counted while it is read and refused past its limit (413) or its time (408); the text,
its lines, its references and the answer are refused past theirs (413, the message says the limit).
Parses and exports run in ``Limits.workers`` threads, so the page is served meanwhile, and stop when
their client goes away. Only requests whose ``Host`` names the address served (and whose
``Origin``, when sent, is that address) are answered; every answer carries the security headers.
Malformed input is a 400. Nothing is written to disk. See ``docs/web.md``.
"""

from __future__ import annotations

import ipaddress
import json
import threading
from collections.abc import Callable, Collection, Generator
from functools import cache
from importlib import resources
from typing import Any, TypeVar
from urllib.parse import urlsplit

import anyio
import anyio.to_thread
from starlette.applications import Starlette
from starlette.requests import ClientDisconnect, Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..parsing.parser import parse_reference
from .service import (
    DEFAULT_LIMITS,
    EXPORTS,
    Limits,
    Options,
    RequestError,
    TooLargeError,
    export,
    load_json,
    parse_events,
)

T = TypeVar("T")

#: The page's files, served from the package (no build step).
_STATIC = {
    "index.html": "text/html; charset=utf-8",
    "app.js": "text/javascript; charset=utf-8",
    "style.css": "text/css; charset=utf-8",
    "favicon.svg": "image/svg+xml",
}
#: No answer may load anything from elsewhere, nor run inline script; sent with every answer.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
_SECURITY_RAW = [(name.lower().encode(), value.encode()) for name, value in SECURITY_HEADERS.items()]
#: Addresses that stand for every interface: the Host then names the interface the client reached.
_WILDCARDS = ("0.0.0.0", "::", "")


@cache
def _static(name: str) -> bytes:
    """A file of the page, read from the package once."""
    return resources.files("translit_refs.web").joinpath("static", name).read_bytes()


class _GoneError(Exception):
    """The client went away: the work stops at its next checkpoint."""


class _TimeoutError(RequestError):
    """The body was not read within ``Limits.body_seconds`` (a 408)."""


def create_app(limits: Limits = DEFAULT_LIMITS, hosts: Collection[str] = ()) -> ASGIApp:
    """The application, bounded by ``limits``; it answers requests whose ``Host`` is the address the
    client reached (an IP address, or ``localhost`` on a loopback address) or one of ``hosts``."""
    limiter: list[anyio.CapacityLimiter] = []  # made on the first request, in the server's event loop

    async def page(request: Request) -> Response:
        name = request.path_params.get("name", "index.html")
        if name not in _STATIC:
            return _json_error(404, f"no such file: {name}")
        return Response(_static(name), media_type=_STATIC[name])

    async def favicon(_request: Request) -> Response:
        """The page's icon is ``/static/favicon.svg``; a client that asks for ``/favicon.ico`` anyway is
        sent there (not a 404 in the server's log and the browser's console)."""
        return RedirectResponse("/static/favicon.svg", status_code=301)

    def job(request: Request) -> _Job:
        if not limiter:
            limiter.append(anyio.CapacityLimiter(limits.workers))
        return _Job(request.receive, limiter[0])

    async def api_parse(request: Request) -> Response:
        work = job(request)
        try:
            body = await _read_body(request, limits)
            if request.query_params.get("stream") in ("1", "true"):
                first, rest = await work.run(_started_stream, body, limits, work.checkpoint)
                return _Stream(work, first, rest)
            content = await work.run(_parse_document, body, limits, work.checkpoint)
        except RequestError as error:
            return _error(error)
        except (_GoneError, ClientDisconnect):
            return Response(status_code=499)  # nobody reads it
        return Response(content, media_type="application/json")

    async def api_export(request: Request) -> Response:
        to = request.query_params.get("to", "csl-json")
        work = job(request)
        try:
            body = await _read_body(request, limits)
            content = await work.run(_export, to, body, limits, work.checkpoint)
        except RequestError as error:
            return _error(error)
        except (_GoneError, ClientDisconnect):
            return Response(status_code=499)
        extension = {"csl-json": "json", "bibtex": "bib", "ris": "ris"}[to]
        headers = {"Content-Disposition": f'attachment; filename="references.{extension}"'}
        return Response(content, media_type=EXPORTS[to], headers=headers)

    routes = [
        Route("/", page, methods=["GET"]),
        Route("/static/{name}", page, methods=["GET"]),
        Route("/favicon.ico", favicon, methods=["GET"]),
        Route("/api/parse", api_parse, methods=["POST"]),
        Route("/api/export", api_export, methods=["POST"]),
    ]
    return _Guard(Starlette(routes=routes), frozenset(host.lower() for host in hosts))


class _Guard:
    """Around the whole application (its 404, 405 and 500 answers too): refuses a ``Host`` that is not
    the address served (400: DNS rebinding) and a foreign ``Origin`` (403: another site's page), and
    adds ``SECURITY_HEADERS`` to every answer."""

    def __init__(self, app: ASGIApp, hosts: frozenset[str]) -> None:
        self.app, self.hosts = app, hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers += [(name, value) for name, value in _SECURITY_RAW if name not in present]
                message = {**message, "headers": headers}
            await send(message)

        headers = {name.decode("latin-1").lower(): value.decode("latin-1") for name, value in scope["headers"]}
        served = scope.get("server")
        host = _authority(headers.get("host", ""))
        if host is None or not self._ours(host, served):
            refused = _json_error(400, "this server answers only requests for the address it serves (Host)", True)
            await refused(scope, receive, secured)
            return
        origin = headers.get("origin")
        if origin is not None and _origin(origin) != host:
            refused = _json_error(403, "requests from other sites' pages are refused (Origin)", True)
            await refused(scope, receive, secured)
            return
        await self.app(scope, receive, secured)

    def _ours(self, host: tuple[str, int], served: tuple[str, int | None] | None) -> bool:
        """Whether ``host`` (name, port) names this server: the port served, and the address the client
        reached (``localhost`` if it is a loopback address) or one of the names it was given."""
        name, port = host
        if served is None or served[1] is None:
            return name in self.hosts
        address, served_port = served
        if port != served_port:
            return False
        if name in self.hosts or name == address.lower():
            return True
        reached = _address(address)
        if reached is None:
            return False
        return _address(name) == reached or (reached.is_loopback and name == "localhost")


def _address(name: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The IP address ``name`` writes, if any (an IPv4 address mapped into IPv6, as a dual-stack
    socket reports an IPv4 client, as itself)."""
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def _authority(value: str) -> tuple[str, int] | None:
    """The (lower-case name, port) of a ``Host`` header ("127.0.0.1:8000", "[::1]:8000", "localhost",
    port 80 when none is given); None if it is none."""
    try:
        parts = urlsplit(f"http://{value}")
        port = parts.port or 80
    except ValueError:
        return None
    if not parts.hostname or parts.netloc != value or parts.username is not None or parts.path:
        return None
    return parts.hostname, port


def _origin(value: str) -> tuple[str, int] | None:
    """The (name, port) of an ``Origin`` header if it is an ``http://`` origin, else None ("null")."""
    if not value.startswith("http://"):
        return None
    return _authority(value.removeprefix("http://"))


class _Job:
    """Work for one request in a worker thread (at most ``Limits.workers`` at once); while it runs the
    client is watched, and when it goes away the work stops at its next ``checkpoint``."""

    def __init__(self, receive: Receive, limiter: anyio.CapacityLimiter) -> None:
        self.receive, self.limiter = receive, limiter
        self.gone = threading.Event()

    def checkpoint(self) -> None:
        """Raise _GoneError if the client has gone (called by the work between references)."""
        if self.gone.is_set():
            raise _GoneError

    async def run(self, call: Callable[..., T], *arguments: Any) -> T:
        """``call(*arguments)`` in a worker thread; a _GoneError if the client went away first."""
        results: list[T] = []
        errors: list[Exception] = []
        async with anyio.create_task_group() as group:

            async def work() -> None:
                try:
                    results.append(await anyio.to_thread.run_sync(call, *arguments, limiter=self.limiter))
                except Exception as error:  # raised again below, outside the task group
                    errors.append(error)
                finally:
                    group.cancel_scope.cancel()

            async def watch() -> None:
                while (await self.receive())["type"] != "http.disconnect":
                    pass
                self.gone.set()
                group.cancel_scope.cancel()  # a request still waiting for a worker never starts

            group.start_soon(work)
            group.start_soon(watch)
        if errors:
            raise errors[0]
        if not results:
            raise _GoneError
        return results[0]


class _Stream(Response):
    """The parse as JSON Lines, one event a line, each computed in a worker when the last is sent."""

    def __init__(self, work: _Job, first: bytes, rest: Generator[bytes]) -> None:
        super().__init__()
        self.raw_headers = [(b"content-type", b"application/x-ndjson")]  # a length is not known
        self.work, self.first, self.rest = work, first, rest

    async def __call__(self, _scope: Scope, _receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": self.raw_headers})
        await send({"type": "http.response.body", "body": self.first, "more_body": True})
        try:
            while line := await self.work.run(next, self.rest, b""):
                await send({"type": "http.response.body", "body": line, "more_body": True})
        except _GoneError:
            return
        finally:
            self.rest.close()
        await send({"type": "http.response.body", "body": b"", "more_body": False})


async def _read_body(request: Request, limits: Limits) -> bytes:
    """The body, counted while it is read: a TooLargeError past ``limits.body_bytes`` (at once if its
    declared length is more), a _TimeoutError when it takes more than ``limits.body_seconds``."""
    declared = request.headers.get("content-length")
    if declared is not None and not declared.isdigit():
        raise RequestError("the Content-Length header is not a number")
    if declared is not None and int(declared) > limits.body_bytes:
        raise TooLargeError("request", int(declared), limits.body_bytes, "bytes")
    chunks: list[bytes] = []
    size = 0
    with anyio.move_on_after(limits.body_seconds) as timer:
        async for chunk in request.stream():
            size += len(chunk)
            if size > limits.body_bytes:  # chunked: nothing more is read
                raise TooLargeError("request", None, limits.body_bytes, "bytes")
            chunks.append(chunk)
    if timer.cancelled_caught:
        raise _TimeoutError(f"the request's body was not sent within {limits.body_seconds:g} seconds")
    return b"".join(chunks)


def _request(body: bytes) -> tuple[str, Options]:
    return Options.from_json(load_json(body))


def _parse_document(body: bytes, limits: Limits, checkpoint: Callable[[], None]) -> bytes:
    """The answer of ``/api/parse``, as ``service.parse_text`` gives it, made a reference at a time:
    a TooLargeError as soon as it passes ``limits.answer_bytes``."""
    text, options = _request(body)
    lists: list[dict[str, Any]] = []
    references: list[list[str]] = []
    outside = size = 0
    for event in parse_events(text, options, limits, checkpoint):
        if event["event"] == "start":
            lists = [{**listed, "family": None} for listed in event["lists"]]
            references = [[] for _ in lists]
            outside = event["outside"]
        elif event["event"] == "batch":
            for reference in event["references"]:
                encoded = json.dumps(reference, ensure_ascii=False)
                size += len(encoded) + 2
                if size > limits.answer_bytes:
                    raise TooLargeError("answer", None, limits.answer_bytes, "bytes")
                references[event["list"]].append(encoded)
        elif event["event"] == "list":
            lists[event["list"]].update({k: v for k, v in event.items() if k not in ("event", "list")})
    parts = []
    for listed, texts in zip(lists, references, strict=True):
        head = {key: listed.pop(key) for key in ("kind", "heading", "count", "family")}
        part = json.dumps(head, ensure_ascii=False)[:-1] + ', "references": [' + ", ".join(texts) + "]"
        parts.append(part + (", " + json.dumps(listed, ensure_ascii=False)[1:] if listed else "}"))
    count = sum(map(len, references))
    content = ('{"lists": [' + ", ".join(parts) + f'], "count": {count}, "outside": {outside}}}').encode("utf-8")
    if len(content) > limits.answer_bytes:
        raise TooLargeError("answer", len(content), limits.answer_bytes, "bytes")
    return content


def _started_stream(body: bytes, limits: Limits, checkpoint: Callable[[], None]) -> tuple[bytes, Generator[bytes]]:
    """The stream's first line (the lists found: a bad or too large request is still a 400 or 413)
    and the lines that follow, each event's, ending with an ``error`` event if the answer passes
    ``limits.answer_bytes`` or the parse fails."""
    text, options = _request(body)
    events = parse_events(text, options, limits, checkpoint)
    first = _line(next(events))

    def rest() -> Generator[bytes]:
        size = len(first)
        try:
            for event in events:
                line = _line(event)
                size += len(line)
                if size > limits.answer_bytes:
                    raise TooLargeError("answer", None, limits.answer_bytes, "bytes")
                yield line
        except RequestError as error:
            yield _line({"event": "error", "error": str(error)})

    return first, rest()


def _line(event: dict[str, Any]) -> bytes:
    return (json.dumps(event, ensure_ascii=False) + "\n").encode("utf-8")


def _export(to: str, body: bytes, limits: Limits, checkpoint: Callable[[], None]) -> bytes:
    return export(to, load_json(body), limits, checkpoint)


def _error(error: RequestError) -> Response:
    """The answer to a request refused: 413 past a limit, 408 for a body too slow, else 400; the body
    of a request refused before it was read is never read (the connection is closed)."""
    if isinstance(error, TooLargeError):
        return _json_error(413, str(error), close=True)
    if isinstance(error, _TimeoutError):
        return _json_error(408, str(error), close=True)
    return _json_error(400, str(error))


def _json_error(status: int, message: str, close: bool = False) -> Response:
    content = json.dumps({"error": message}, ensure_ascii=False).encode("utf-8")
    return Response(content, status, {"Connection": "close"} if close else None, "application/json")


def serve(host: str = "127.0.0.1", port: int = 8000, limits: Limits = DEFAULT_LIMITS) -> None:
    """Run the application with uvicorn until interrupted; a ``host`` given by name is also accepted
    in the ``Host`` header."""
    import uvicorn  # noqa: PLC0415 - only the server needs it

    parse_reference("Warm-up, A. (2000). The grammar loaded before the first request. Moscow, Nauka. 1 p.")
    try:
        ipaddress.ip_address(host)
        names: tuple[str, ...] = ()
    except ValueError:
        names = () if host in _WILDCARDS else (host,)
    uvicorn.run(create_app(limits, names), host=host, port=port, log_level="warning", limit_concurrency=256)
