"""Throughput benchmark: writes docs/performance.md.

    python benchmarks/run.py                      # 10k, 100k (3 rounds) and 1M (1 round)
    python benchmarks/run.py --quick -o /tmp/p.md # smoke mode: a tiny corpus, one round

For each corpus size it measures, in one run: a regex tokenising pass over the same text (the
floor), ``parse_reference`` with every installed backend, parse + CSL-JSON, and the CLI end to
end (file in, CSL-JSON out) with its peak RSS, serially and with ``--jobs 2``.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import platform
import pstats
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from adversarial import SECTION_END, SECTION_START

from translit_refs import Reference, parse_reference, to_csl_json
from translit_refs.parsing.grammar import BACKEND_VARIABLE, available_backends

from corpus import references

ROOT = Path(__file__).resolve().parent.parent
_TOKEN = re.compile(r"\w+|[^\w\s]")


@dataclass
class Timing:
    """Seconds of each round."""

    rounds: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.rounds)

    @property
    def spread(self) -> float:
        """Half the range, as a fraction of the median."""
        return (max(self.rounds) - min(self.rounds)) / 2 / self.median if self.median else 0.0


def timed(work: Callable[[], object], rounds: int) -> Timing:
    """Run ``work`` ``rounds`` times and keep the wall-clock seconds of each."""
    seconds = []
    for _ in range(rounds):
        start = time.perf_counter()
        work()
        seconds.append(time.perf_counter() - start)
    return Timing(seconds)


def run_cli(corpus: Path, jobs: int) -> tuple[float, int]:
    """Seconds and peak RSS (bytes) of ``translit-refs parse`` on the corpus.

    The peak is the CLI's own VmHWM from /proc, read while it runs: ``wait4``'s ru_maxrss would
    also count the runner's memory, which the forked child holds until it execs.
    """
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        command = [sys.executable, "-m", "translit_refs.cli", "parse", str(corpus), "-o", out.name, "-q"]
        command += ["--jobs", str(jobs)]
        start = time.perf_counter()
        process = subprocess.Popen(command, stderr=subprocess.DEVNULL)
        peak = 0
        status = Path(f"/proc/{process.pid}/status")
        while process.poll() is None:
            try:
                found = re.search(r"VmHWM:\s+(\d+) kB", status.read_text())
            except OSError:
                found = None
            if found:
                peak = max(peak, int(found.group(1)) * 1024)
            time.sleep(0.05)
        seconds = time.perf_counter() - start
    if process.returncode not in (0, 1):
        raise RuntimeError(f"CLI failed with {process.returncode}")
    return seconds, peak


def corpus_file(size: int, directory: Path) -> Path:
    """The corpus of ``size`` references, generated once (fixed seed)."""
    path = directory / f"corpus-{size}.txt"
    if not path.exists():
        with path.open("w", encoding="utf-8") as stream:
            for line in references(size):
                stream.write(line + "\n")
    return path


def parse_all(lines: list[str], backend: str) -> Callable[[], list[Reference]]:
    def work() -> list[Reference]:
        os.environ[BACKEND_VARIABLE] = backend
        return [parse_reference(line) for line in lines]

    return work


#: References whose output is compared between backends (the first of each corpus).
DIFF_SAMPLE = 20_000


def differing(lines: list[str], backend: str) -> int:
    """How many of the references parse to a different Reference with ``backend`` than with Lark's own
    loop ("python"): a speed-up that changed results would show here."""
    ours, lark = (
        [reference.model_dump_json() for reference in parse_all(lines, name)()] for name in (backend, "python")
    )
    os.environ.pop(BACKEND_VARIABLE, None)
    return sum(a != b for a, b in zip(ours, lark, strict=True))


def parse_and_export(lines: list[str]) -> object:
    return [json.dumps(to_csl_json(parse_reference(line)), ensure_ascii=False) for line in lines]


def measure(size: int, rounds: int, directory: Path, cli: bool) -> dict[str, object]:
    """Every measurement of one corpus size."""
    path = corpus_file(size, directory)
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    megabytes = len(text.encode("utf-8")) / 1e6
    row: dict[str, object] = {"size": size, "megabytes": megabytes}
    row["floor"] = timed(lambda: sum(1 for _ in _TOKEN.finditer(text)), rounds)
    for backend in available_backends():
        row[f"parse-{backend}"] = timed(parse_all(lines, backend), rounds)
    os.environ.pop(BACKEND_VARIABLE, None)
    for backend in available_backends():
        if backend != "python":
            row[f"differs-{backend}"] = differing(lines[:DIFF_SAMPLE], backend)
    row["parse+csl"] = timed(lambda: parse_and_export(lines), rounds)
    if cli:
        serial = [run_cli(path, jobs=1) for _ in range(rounds)]
        row["cli"] = Timing([s for s, _ in serial])
        row["rss"] = max(r for _, r in serial)
        row["cli-jobs2"] = Timing([run_cli(path, jobs=2)[0] for _ in range(rounds)])
    return row


def profile_shares(lines: list[str]) -> str:
    """Where parse_reference spends its time (cProfile, the default backend), as a Markdown list."""
    parse_reference("warm-up")
    profiler = cProfile.Profile()
    profiler.enable()
    for line in lines:
        parse_reference(line)
    profiler.disable()
    stats = pstats.Stats(profiler)
    total = sum(row[3] for key, row in stats.stats.items() if key[2] == "parse_reference")  # type: ignore[attr-defined]
    parts = {
        "lexer and LALR loop (lean runtime, with the inline transformer)": ("_run", "parse_from_state"),
        "layout rules and building the pydantic models": ("assemble",),
        "normalisation": ("normalize",),
        "confidence (features and weighing)": ("assess",),
        "style-family evidence": ("entry_evidence",),
        "copying the Reference with its confidence": ("model_copy",),
    }
    shown = []
    for label, functions in parts.items():
        seconds = sum(row[3] for key, row in stats.stats.items() if key[2] in functions)  # type: ignore[attr-defined]
        shown.append(f"- {label}: {seconds / total:.0%}")
    return "\n".join(shown)


def _rate(row: dict[str, object], key: str) -> str:
    timing = row.get(key)
    if not isinstance(timing, Timing):
        return "–"
    size = row["size"]
    assert isinstance(size, int)
    return f"{size / timing.median:,.0f} ± {timing.spread:.0%}"


def _floor_multiple(row: dict[str, object], key: str) -> str:
    timing, floor = row.get(key), row["floor"]
    assert isinstance(floor, Timing)
    return f"{timing.median / floor.median:.0f}×" if isinstance(timing, Timing) else "–"


def machine() -> str:
    """CPU model, cores, Python and package versions."""
    model = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        found = re.search(r"model name\s*:\s*(.+)", cpuinfo.read_text())
        model = found.group(1).strip() if found else model
    versions = []
    for package in ("lark", "lark-cython", "pydantic", "translit-refs"):
        try:
            versions.append(f"{package} {metadata.version(package)}")
        except metadata.PackageNotFoundError:
            continue
    return f"{model}, {os.cpu_count()} cores, {platform.system()}; Python {platform.python_version()}; " + ", ".join(
        versions
    )


def report(rows: list[dict[str, object]], command: str, profile: str) -> str:
    """The Markdown page."""
    backends = available_backends()
    header = ["corpus", "MB", "regex floor (s)"]
    header += [f"parse, {b} (refs/s)" for b in backends]
    header += [f"{b} ≠ Lark (refs)" for b in backends if b != "python"]
    header += ["parse + CSL-JSON", "CLI end to end", "CLI --jobs 2", "jobs 2 speed-up", "parse / floor", "CLI peak RSS"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for row in rows:
        floor = row["floor"]
        assert isinstance(floor, Timing)
        cells = [f"{row['size']:,}", f"{row['megabytes']:.1f}", f"{floor.median:.3f}"]
        cells += [_rate(row, f"parse-{b}") for b in backends]
        cells += [f"{row[f'differs-{b}']:,}" for b in backends if b != "python"]
        cells += [_rate(row, "parse+csl"), _rate(row, "cli"), _rate(row, "cli-jobs2")]
        cli, jobs2 = row.get("cli"), row.get("cli-jobs2")
        cells.append(
            f"{cli.median / jobs2.median:.2f}×" if isinstance(cli, Timing) and isinstance(jobs2, Timing) else "–"
        )
        cells.append(_floor_multiple(row, f"parse-{backends[-1]}"))
        rss = row.get("rss")
        cells.append(f"{rss / 2**20:.0f} MiB" if isinstance(rss, int) else "–")
        lines.append("| " + " | ".join(cells) + " |")
    sizes = sorted(row["size"] for row in rows)  # type: ignore[type-var]
    linear = ""
    if len(sizes) > 1:
        by_size = {row["size"]: row for row in rows}
        ratios = []
        for backend in backends:
            small, large = by_size[sizes[0]][f"parse-{backend}"], by_size[sizes[-1]][f"parse-{backend}"]
            assert isinstance(small, Timing)
            assert isinstance(large, Timing)
            ratio = (large.median / sizes[-1]) / (small.median / sizes[0])  # type: ignore[operator]
            ratios.append(f"{ratio:.2f}× ({backend})")
        linear = f"\nTime per reference at {sizes[-1]:,} against {sizes[0]:,}: {', '.join(ratios)}.\n"
    return (
        "# Performance\n\n"
        f"Machine: {machine()}.\n\n"
        f"Command: `{command}`\n\n"
        "Rates are references per second, median of the rounds ± half the range; the regex floor is "
        "one `re.finditer(r'\\w+|[^\\w\\s]')` pass over the same text, and \"parse / floor\" is the "
        'parse time as a multiple of it. "lean ≠ Lark" counts the references (of the first '
        f"{DIFF_SAMPLE:,} of each corpus) whose Reference differs from the one Lark's own loop gives. "
        "The CLI runs in a fresh process (start-up included).\n\n"
        + "\n".join(lines)
        + "\n"
        + linear
        + "\nWhere the time goes (cProfile over the first 4,000 references of the smallest corpus, "
        "default backend; profiling inflates Python-level calls):\n\n" + profile + "\n"
    )


def main() -> None:
    """Measure and write the report."""
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    options.add_argument("--rounds", type=int, default=3)
    options.add_argument("--quick", action="store_true", help="smoke mode: 300 references, one round")
    options.add_argument("-o", "--output", type=Path, default=ROOT / "docs" / "performance.md")
    options.add_argument("--corpora", type=Path, default=ROOT / "benchmarks" / ".corpora")
    arguments = options.parse_args()
    sizes = [300] if arguments.quick else arguments.sizes
    arguments.corpora.mkdir(parents=True, exist_ok=True)
    rows = []
    for size in sizes:
        rounds = 1 if arguments.quick or size >= 1_000_000 else arguments.rounds
        rows.append(measure(size, rounds, arguments.corpora, cli=True))
        print(f"measured {size:,}", file=sys.stderr)
    command = "python benchmarks/run.py " + " ".join(sys.argv[1:])
    first = corpus_file(sizes[0], arguments.corpora).read_text(encoding="utf-8").splitlines()[:4000]
    text = report(rows, command.strip(), profile_shares(first))
    previous = arguments.output.read_text(encoding="utf-8") if arguments.output.exists() else ""
    if SECTION_START in previous and SECTION_END in previous:  # adversarial.py's section stays
        text += (
            "\n" + SECTION_START + previous.partition(SECTION_START)[2].partition(SECTION_END)[0] + SECTION_END + "\n"
        )
    arguments.output.write_text(text, encoding="utf-8")
    print(arguments.output.read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
