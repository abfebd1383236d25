"""The real ``translit-refs serve`` on a free local port, for the web tests (the ``web`` extra):
started in a process of its own, so its CPU time can be read (``Server.cpu``), and talked to over
plain sockets when a test needs what a well-behaved client never sends."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any


def free_port() -> int:
    """A port nothing listens on now (the OS picks it)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass(frozen=True)
class Server:
    """A running server: its base URL, port and process."""

    url: str
    port: int
    pid: int

    def cpu(self) -> float:
        """CPU seconds (user and system) the server process has used so far (Linux's ``/proc``)."""
        with open(f"/proc/{self.pid}/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextmanager
def server_process(limits: dict[str, Any] | None = None, timeout: float = 30.0) -> Iterator[Server]:
    """Start ``translit-refs serve`` (or, given ``limits``, the same server with those fields of
    ``Limits`` changed) in a process of its own; yields it, stops it after."""
    port = free_port()
    if limits is None:
        command = [sys.executable, "-m", "translit_refs.cli", "serve", "--port", str(port)]
    else:
        code = (
            "import json, sys\nfrom translit_refs.web.app import serve\nfrom translit_refs.web.service import Limits\n"
            "serve('127.0.0.1', int(sys.argv[1]), Limits(**json.loads(sys.argv[2])))"
        )
        command = [sys.executable, "-c", code, str(port), json.dumps(limits)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"translit-refs serve exited: {process.stderr.read() if process.stderr else ''}")
            try:
                with urllib.request.urlopen(url + "/", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        yield Server(url, port, process.pid)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def running_server(timeout: float = 30.0) -> Iterator[str]:
    """Start ``translit-refs serve`` in a process of its own; yields its base URL, stops it after."""
    with server_process(timeout=timeout) as server:
        yield server.url


def post(url: str, body: Any, raw: bytes | None = None) -> tuple[int, str, dict[str, str]]:
    """POST JSON (or ``raw`` bytes); the status, the text and the headers of the answer."""
    data = raw if raw is not None else json.dumps(body).encode("utf-8")
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"}, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.read().decode("utf-8"), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8"), dict(error.headers)


@dataclass(frozen=True)
class Answer:
    """An HTTP answer read off a socket: status, headers (lower-case names) and body."""

    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        """The body as JSON."""
        return json.loads(self.body)


def read_answer(connection: socket.socket) -> Answer:
    """The next answer on ``connection`` (its body by ``Content-Length``, chunks, or to the end)."""
    stream = connection.makefile("rb")
    status = int(stream.readline().split()[1])
    headers: dict[str, str] = {}
    while (line := stream.readline().decode("latin-1").strip()) != "":
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    if "content-length" in headers:
        body = stream.read(int(headers["content-length"]))
    elif headers.get("transfer-encoding") == "chunked":
        parts = []
        while size := int(stream.readline().strip(), 16):
            parts.append(stream.read(size))
            stream.readline()
        body = b"".join(parts)
    else:
        body = stream.read()
    return Answer(status, headers, body)


def exchange(port: int, head: str, body: bytes = b"", timeout: float = 10.0) -> Answer:
    """Send ``head`` (request line and headers, without the blank line) and ``body`` on a new
    connection, and read the answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as connection:
        connection.sendall(head.rstrip("\r\n").replace("\n", "\r\n").encode("latin-1") + b"\r\n\r\n" + body)
        return read_answer(connection)
