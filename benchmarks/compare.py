"""Parse throughput of the working tree against another commit, measured in one run.

    python benchmarks/compare.py REV [--references 20000] [--rounds 3] [--backend python]
        [--corpus mixed|seed-like|dev-latin|dev-cyrillic] [--package DIR]

Checks REV out in a temporary git worktree, then times ``parse_references`` over the same
corpus in fresh processes, alternating the two trees round by round so that machine noise falls on
both, and timing the parse by the process's CPU time (on a shared machine, wall time also counts the
other jobs' turns). Prints each tree's best rate and the ratio. Corpora, cycled to ``--references`` lines:
``mixed`` (the default) the seed and dev-corpus fixtures; ``seed-like`` distinct seed-style
references from ``benchmarks/corpus.py`` (made by the working tree); ``dev-latin`` and
``dev-cyrillic`` the dev corpus's Latin lines and their Cyrillic counterparts. ``--package DIR``
times the package installed in DIR (e.g. the compiled build, ``pip install --target DIR``) in place
of the working tree's ``src``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
_TIMER = """
import sys, time
from translit_refs import parse_references
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
parse_references(lines[:200])
start = time.process_time()
parse_references(lines)
print(time.process_time() - start)
"""


CORPORA = ("mixed", "seed-like", "dev-latin", "dev-cyrillic")


def corpus(size: int, path: Path, name: str = "mixed") -> None:
    """Write ``size`` references of the corpus ``name`` (``CORPORA``), one per line."""
    dev = [json.loads(line) for line in (FIXTURES / "dev_npe.jsonl").read_text("utf-8").splitlines()]
    if name == "seed-like":
        sys.path.insert(0, str(ROOT / "benchmarks"))
        from corpus import references  # noqa: PLC0415 - the benchmarks folder is not a package

        lines = list(references(size))
    elif name == "dev-latin":
        lines = [entry["text"] for entry in dev]
    elif name == "dev-cyrillic":
        lines = [entry["cyrillic_parallel"] for entry in dev if entry.get("cyrillic_parallel")]
    else:
        seed = [line for line in (FIXTURES / "seed_references.txt").read_text("utf-8").splitlines() if line.strip()]
        lines = seed + [entry["text"] for entry in dev]
    path.write_text("\n".join(itertools.islice(itertools.cycle(lines), size)) + "\n", encoding="utf-8")


def seconds(source: Path, corpus_path: Path, backend: str) -> float:
    """One timed parse of the corpus with the package under ``source`` (a fresh process)."""
    environment = os.environ | {"PYTHONPATH": str(source), "TRANSLIT_REFS_BACKEND": backend}
    done = subprocess.run(
        [sys.executable, "-c", _TIMER, str(corpus_path)], env=environment, check=True, capture_output=True, text=True
    )
    return float(done.stdout.strip().splitlines()[-1])


def main() -> None:
    """Print the comparison."""
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("revision", help="the commit to compare with, e.g. HEAD~3 or a hash")
    options.add_argument("--references", type=int, default=20_000)
    options.add_argument("--rounds", type=int, default=3)
    options.add_argument("--backend", default="", help="a backend for both trees (default: each tree's own default)")
    options.add_argument("--corpus", choices=CORPORA, default="mixed", help="what is parsed (see the module's text)")
    options.add_argument("--package", type=Path, default=ROOT / "src", help="the folder holding the package to time")
    arguments = options.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        other = Path(scratch) / "other"
        add = ["git", "-C", str(ROOT), "worktree", "add", "--quiet", "--detach", str(other), arguments.revision]
        subprocess.run(add, check=True)
        try:
            # the package maps its grammars from the top-level folder; put them where imports look
            (other / "src" / "translit_refs" / "grammars").symlink_to(other / "grammars", target_is_directory=True)
            corpus_path = Path(scratch) / "corpus.txt"
            corpus(arguments.references, corpus_path, arguments.corpus)
            trees = {"working tree": arguments.package.resolve(), arguments.revision: other / "src"}
            best = dict.fromkeys(trees, float("inf"))
            for _ in range(arguments.rounds):
                for name, source in trees.items():
                    best[name] = min(best[name], seconds(source, corpus_path, arguments.backend))
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(other)], check=True)
    rates = {name: arguments.references / time for name, time in best.items()}
    for name, rate in rates.items():
        print(f"{name}: {rate:,.0f} references/s (best of {arguments.rounds})")
    print(f"working tree / {arguments.revision}: {rates['working tree'] / rates[arguments.revision]:.2f}×")


if __name__ == "__main__":
    main()
