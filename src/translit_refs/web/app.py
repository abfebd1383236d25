"""The web application (Starlette): the page, ``POST /api/parse`` and ``POST /api/export``.

Needs the ``web`` extra (``pip install 'translit-refs[web]'``). ``translit-refs serve`` runs it
with uvicorn on 127.0.0.1 by default. Requests larger than ``max_body_bytes`` get a 413 with a
message that says the limit; nothing is written to disk. See ``docs/web.md``.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from importlib import resources
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import iterate_in_threadpool, run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response, StreamingResponse
from starlette.routing import Route

from ..parsing.parser import parse_reference
from .service import EXPORTS, Options, RequestError, export, parse_events, parse_text

#: The largest request body accepted: a pasted page of 2,000 references is about 0.5 MB, and the
#: page sends them back with their fields for an export (about 4 MB).
MAX_BODY_BYTES = 16 * 1024 * 1024
#: The page's files, served from the package (no build step).
_STATIC = {
    "index.html": "text/html; charset=utf-8",
    "app.js": "text/javascript; charset=utf-8",
    "style.css": "text/css; charset=utf-8",
    "favicon.svg": "image/svg+xml",
}
#: No request may load anything from elsewhere, nor run inline script.
_SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


class _TooLargeError(Exception):
    def __init__(self, size: int, limit: int) -> None:
        super().__init__(size, limit)
        self.size, self.limit = size, limit


def create_app(max_body_bytes: int = MAX_BODY_BYTES) -> Starlette:
    """The application; ``max_body_bytes`` bounds each request's body."""

    async def body_json(request: Request) -> Any:
        chunks: list[bytes] = []
        size = 0
        async for chunk in request.stream():  # past the limit the rest is read and dropped, so the
            size += len(chunk)  # client, still sending, gets the 413 and its message (not a reset)
            if size <= max_body_bytes:
                chunks.append(chunk)
        if size > max_body_bytes:
            raise _TooLargeError(size, max_body_bytes)
        try:
            return json.loads(b"".join(chunks).decode("utf-8", errors="replace") or "{}")
        except json.JSONDecodeError as error:
            raise RequestError(f"the request is not JSON ({error.msg} at character {error.pos})") from error

    async def page(request: Request) -> Response:
        name = request.path_params.get("name", "index.html")
        if name not in _STATIC:
            return JSONResponse({"error": f"no such file: {name}"}, status_code=404)
        content = resources.files("translit_refs.web").joinpath("static", name).read_bytes()
        return Response(content, media_type=_STATIC[name], headers=_SECURITY_HEADERS)

    async def favicon(_request: Request) -> Response:
        """The page's icon is ``/static/favicon.svg``; a client that asks for ``/favicon.ico`` anyway is
        sent there (not a 404 in the server's log and the browser's console)."""
        return RedirectResponse("/static/favicon.svg", status_code=301, headers=_SECURITY_HEADERS)

    async def api_parse(request: Request) -> Response:
        try:
            text, options = Options.from_json(await body_json(request))
            if request.query_params.get("stream") in ("1", "true"):
                events = await run_in_threadpool(_first_event, text, options)
                return StreamingResponse(_ndjson(events), media_type="application/x-ndjson", headers=_SECURITY_HEADERS)
            result = await run_in_threadpool(parse_text, text, options)
        except (RequestError, _TooLargeError) as error:
            return _error(error)
        return JSONResponse(result, headers=_SECURITY_HEADERS)

    async def api_export(request: Request) -> Response:
        to = request.query_params.get("to", "csl-json")
        try:
            content = await run_in_threadpool(export, to, await body_json(request))
        except (RequestError, _TooLargeError) as error:
            return _error(error)
        extension = {"csl-json": "json", "bibtex": "bib", "ris": "ris"}[to]
        headers = {**_SECURITY_HEADERS, "Content-Disposition": f'attachment; filename="references.{extension}"'}
        return Response(content, media_type=EXPORTS[to], headers=headers)

    routes = [
        Route("/", page, methods=["GET"]),
        Route("/static/{name}", page, methods=["GET"]),
        Route("/favicon.ico", favicon, methods=["GET"]),
        Route("/api/parse", api_parse, methods=["POST"]),
        Route("/api/export", api_export, methods=["POST"]),
    ]
    return Starlette(routes=routes)


def _error(error: Exception) -> JSONResponse:
    if isinstance(error, _TooLargeError):
        message = (
            f"The request is too large ({_size(error.size)}; the limit is {_size(error.limit)}). "
            "Paste a shorter list, or parse it in parts."
        )
        return JSONResponse({"error": message}, status_code=413, headers=_SECURITY_HEADERS)
    return JSONResponse({"error": str(error)}, status_code=400, headers=_SECURITY_HEADERS)


def _size(count: int) -> str:
    """A byte count for people: "812 bytes", "3.2 KB", "16.0 MB"."""
    if count < 1000:
        return f"{count} bytes"
    return f"{count / 1e3:.1f} KB" if count < 1_000_000 else f"{count / 1e6:.1f} MB"


def _first_event(text: str, options: Options) -> tuple[dict[str, Any], Iterator[dict[str, Any]]]:
    """The start event computed before the response begins, so a bad request still gets a 400."""
    events = parse_events(text, options)
    return next(events), events


async def _ndjson(started: tuple[dict[str, Any], Iterator[dict[str, Any]]]) -> AsyncIterator[str]:
    first, rest = started
    yield json.dumps(first, ensure_ascii=False) + "\n"
    try:
        async for event in iterate_in_threadpool(rest):
            yield json.dumps(event, ensure_ascii=False) + "\n"
    except RequestError as error:
        yield json.dumps({"event": "error", "error": str(error)}, ensure_ascii=False) + "\n"


def serve(host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the application with uvicorn until interrupted."""
    import uvicorn  # noqa: PLC0415 - only the server needs it

    parse_reference("Warm-up, A. (2000). The grammar loaded before the first request. Moscow, Nauka. 1 p.")
    uvicorn.run(create_app(), host=host, port=port, log_level="warning")
