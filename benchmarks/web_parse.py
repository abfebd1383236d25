"""How long the web page's ``POST /api/parse`` takes for 2,000 dev-corpus references.

    python benchmarks/web_parse.py                     # 2,000 references, 5 rounds
    python benchmarks/web_parse.py --references 500 --rounds 3
    python benchmarks/web_parse.py --corpus ../shared/corpus/dev_npe.jsonl

The real server (``translit-refs serve``, the ``web`` extra) is started on a free local port and
sent the dev corpus's references (``tests/fixtures/dev_npe.jsonl``, repeated to the count asked
for), one per line, over HTTP, as the page sends them: the whole answer (every reference with its
fields, spans, diagnostics and confidence) is read and decoded. The first request is reported
alone (it loads the grammar); the others give the median and the slowest. Also timed: the same
text with "Find the list in a page" (the splitter first), and the streamed answer the page reads
(``?stream=1``; time to its first batch of 500). The target is under 2 s.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from web_server import running_server  # noqa: E402

TARGET_SECONDS = 2.0


def corpus(path: Path, count: int) -> list[str]:
    """``count`` reference texts of a JSON Lines corpus (its ``text`` fields), repeated as needed."""
    texts = [json.loads(line)["text"] for line in path.read_text("utf-8").splitlines() if line.strip()]
    return [texts[index % len(texts)] for index in range(count)]


def timed_post(url: str, body: dict[str, Any]) -> tuple[float, float, Any]:
    """Seconds to the whole answer, seconds to its first line, and the decoded answer (JSON, or the
    list of NDJSON events)."""
    data = json.dumps(body).encode("utf-8")
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"}, method="POST")
    start = time.perf_counter()
    with urllib.request.urlopen(request, timeout=120) as response:
        first_line = response.readline()
        first = time.perf_counter() - start
        rest = response.read()
    if url.endswith("stream=1"):
        answer: Any = [json.loads(line) for line in (first_line + rest).splitlines() if line.strip()]
    else:
        answer = json.loads(first_line + rest)
    return time.perf_counter() - start, first, answer


def main(argv: list[str] | None = None) -> int:
    """Run the rounds and print a Markdown table; exits 1 when the median misses the target."""
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--references", type=int, default=2000)
    options.add_argument("--rounds", type=int, default=5)
    options.add_argument("--corpus", type=Path, default=ROOT / "tests" / "fixtures" / "dev_npe.jsonl")
    arguments = options.parse_args(argv)
    text = "\n".join(corpus(arguments.corpus, arguments.references))
    rows = []
    with running_server() as url:
        cold, _, answer = timed_post(url + "/api/parse", {"text": text, "find": False})
        assert answer["count"] == arguments.references, answer["count"]
        for label, path, body in (
            ("one reference per line", "/api/parse", {"text": text, "find": False}),
            ("find the list in a page", "/api/parse", {"text": text, "find": True}),
            ("streamed (the page's request)", "/api/parse?stream=1", {"text": text, "find": False}),
        ):
            runs = [timed_post(url + path, body) for _ in range(arguments.rounds)]
            totals = [run[0] for run in runs]
            firsts = [run[1] for run in runs]
            count = runs[-1][2]["count"] if isinstance(runs[-1][2], dict) else runs[-1][2][-1]["total"]
            rows.append((label, count, statistics.median(totals), max(totals), statistics.median(firsts)))
    size = len(text.encode("utf-8"))
    print(f"POST /api/parse, {arguments.references:,} references ({size / 1e3:,.0f} KB) from {arguments.corpus.name}, "
          f"{arguments.rounds} rounds; first request (cold) {cold:.2f} s\n")  # fmt: skip
    print("| request | references answered | median s | slowest s | first line s |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for label, count, median, slowest, first in rows:
        print(f"| {label} | {count:,} | {median:.2f} | {slowest:.2f} | {first:.2f} |")
    missed = rows[0][2] >= TARGET_SECONDS
    print(f"\ntarget: under {TARGET_SECONDS:.0f} s for one reference per line: {'MISSED' if missed else 'met'}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
