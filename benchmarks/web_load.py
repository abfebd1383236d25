"""Whether the web page is still served while many clients parse (issue 27's load test).

    python benchmarks/web_load.py                          # 50 clients, 20 s, 100 references each
    python benchmarks/web_load.py --clients 50 --seconds 30 --references 500

The real server (``translit-refs serve``, the ``web`` extra, its default ``Limits``) is started on a
free port of 127.0.0.1. ``--clients`` threads each send ``POST /api/parse`` with ``--references``
dev-corpus references (one per line), one after the other, for ``--seconds``; meanwhile a probe
asks for ``GET /`` every 0.1 s on a new connection and times the whole answer. The run is bounded
in time (``--seconds``, then every client's last request, each with a 120 s timeout) and in count
(``--max-requests``). Printed: the parses answered and their latency, the server's CPU time, and
``GET /`` at the median, the 95th percentile and the slowest. Exits 1 when the 95th percentile
misses the target (0.5 s).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from web_server import server_process  # noqa: E402

TARGET_P95_SECONDS = 0.5


def percentile(values: list[float], share: float) -> float:
    """The value below which ``share`` of ``values`` lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def main(argv: list[str] | None = None) -> int:
    """Run the load and print a Markdown table; exits 1 when ``GET /`` misses its target."""
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--clients", type=int, default=50)
    options.add_argument("--seconds", type=float, default=20.0)
    options.add_argument("--references", type=int, default=100)
    options.add_argument("--max-requests", type=int, default=5000)
    arguments = options.parse_args(argv)
    rows = [json.loads(line)["text"] for line in (ROOT / "tests" / "fixtures" / "dev_npe.jsonl").open(encoding="utf-8")]
    text = "\n".join(rows[index % len(rows)] for index in range(arguments.references))
    body = json.dumps({"text": text, "find": False}).encode("utf-8")
    parses: list[tuple[int, float]] = []
    pages: list[float] = []
    lock = threading.Lock()
    stop = threading.Event()

    with server_process() as server:

        def client() -> None:
            while not stop.is_set():
                request = urllib.request.Request(
                    server.url + "/api/parse", data=body, headers={"Content-Type": "application/json"}, method="POST"
                )
                started = time.perf_counter()
                try:
                    with urllib.request.urlopen(request, timeout=120) as response:
                        response.read()
                        status = response.status
                except urllib.error.HTTPError as error:
                    status = error.code
                except OSError:
                    status = 0
                with lock:
                    parses.append((status, time.perf_counter() - started))
                    if len(parses) >= arguments.max_requests:
                        stop.set()

        def probe() -> None:
            while not stop.is_set():
                started = time.perf_counter()
                with urllib.request.urlopen(server.url + "/", timeout=30) as response:
                    response.read()
                pages.append(time.perf_counter() - started)
                time.sleep(0.1)

        cpu = server.cpu()
        started = time.perf_counter()
        clients = [threading.Thread(target=client) for _ in range(arguments.clients)]
        for thread in clients:
            thread.start()
        time.sleep(1.0)  # every client has sent its first request
        prober = threading.Thread(target=probe)
        prober.start()
        stop.wait(arguments.seconds)
        stop.set()
        prober.join()
        for thread in clients:
            thread.join()
        elapsed = time.perf_counter() - started
        cpu = server.cpu() - cpu

    statuses = sorted({status for status, _ in parses})
    latencies = [seconds for _, seconds in parses]
    sent = f"POST /api/parse of {arguments.references} references ({len(body) / 1e3:,.0f} KB)"
    print(f"{arguments.clients} clients, each {sent} one after the other, for {arguments.seconds:g} s;", end=" ")
    print("GET / every 0.1 s\n")
    print("| measure | value |")
    print("| --- | ---: |")
    print(f"| parses answered (statuses {', '.join(map(str, statuses))}) | {len(parses):,} in {elapsed:.1f} s |")
    print(f"| parse latency, median / slowest | {statistics.median(latencies):.2f} s / {max(latencies):.2f} s |")
    print(f"| server CPU | {cpu:.1f} s |")
    print(f"| GET / answered | {len(pages)} |")
    print(f"| GET / median | {statistics.median(pages):.3f} s |")
    p95 = percentile(pages, 0.95)
    print(f"| GET / 95th percentile | {p95:.3f} s |")
    print(f"| GET / slowest | {max(pages):.3f} s |")
    missed = p95 > TARGET_P95_SECONDS
    print(f"\ntarget: GET / within {TARGET_P95_SECONDS} s at the 95th percentile: {'MISSED' if missed else 'met'}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
