"""The blind rounds of other styles, read back: the rules alone, each style's list routed, each entry alone.

    python benchmarks/styles_eval.py [benchmarks/annotated/styles_round3.jsonl ...] [--scorer PATH]

Each round (``benchmarks/annotated/styles_round*.jsonl``: references written, with their CSL-JSON
fields, by a helper that never saw the parser) is read three ways: each style's entries as one list by
the rules alone (``labeller=False``), the same lists as the library reads them (a list in a style the
rules do not know goes to the trained labeller), and each entry alone (``parse_reference``). Every
gold field is compared with ``score_csl.py``'s ``same`` (imported from ``--scorer``). Prints a table
per round: fields right and references fully right, per style and in all.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from translit_refs import Reference, parse_list, parse_reference, to_csl_json

from csl_styles import load_scorer

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = sorted((ROOT / "benchmarks" / "annotated").glob("styles_round*.jsonl"))
SCORER = ROOT.parent / "shared" / "tools" / "score_csl.py"
Reader = Callable[[list[str]], list[Reference]]
READERS: dict[str, Reader] = {
    "rules alone": lambda texts: list(parse_list(texts, labeller=False).references),
    "routed, one list": lambda texts: list(parse_list(texts).references),
    "routed, each alone": lambda texts: [parse_reference(text) for text in texts],
}


def load_same(path: Path) -> Callable[[str, Any, Any], bool]:
    """``score_csl.py``'s field comparison (``csl_styles.load_scorer`` imports the module)."""
    same: Callable[[str, Any, Any], bool] = load_scorer(path).same
    return same


def score(
    rows: list[dict[str, Any]], read: list[Reference], same: Callable[[str, Any, Any], bool]
) -> tuple[int, int, int]:
    """Fields right, fields, references fully right."""
    right = total = whole = 0
    for row, reference in zip(rows, read, strict=True):
        item = to_csl_json(reference)
        verdicts = [same(key, want, item.get(key)) for key, want in row["expect"].items()]
        right, total, whole = right + sum(verdicts), total + len(verdicts), whole + all(verdicts)
    return right, total, whole


def table(path: Path, same: Callable[[str, Any, Any], bool]) -> str:
    """One round's table: per style and in all, each reader's fields right (references fully right)."""
    by_style: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for line in path.read_text("utf-8").splitlines():
        row = json.loads(line)
        by_style[row["style"]].append(row)
    lines = [f"| {path.stem} | " + " | ".join(READERS) + " |", "| --- |" + " ---: |" * len(READERS)]
    totals = {name: [0, 0, 0, 0] for name in READERS}
    for style, rows in by_style.items():
        cells = []
        for name, reader in READERS.items():
            right, total, whole = score(rows, reader([row["text"] for row in rows]), same)
            kept = totals[name]
            kept[0], kept[1], kept[2], kept[3] = kept[0] + right, kept[1] + total, kept[2] + whole, kept[3] + len(rows)
            cells.append(f"{right / total:.1%} ({whole}/{len(rows)})")
        lines.append(f"| {style} | " + " | ".join(cells) + " |")
    lines.append("| **all** | " + " | ".join(f"**{r / t:.1%}** ({w}/{n})" for r, t, w, n in totals.values()) + " |")
    return "\n".join(lines)


def main(argv: Iterable[str] | None = None) -> int:
    """Print a table per round."""
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("rounds", nargs="*", type=Path, default=ROUNDS)
    options.add_argument("--scorer", type=Path, default=SCORER)
    arguments = options.parse_args(None if argv is None else list(argv))
    if not arguments.scorer.exists():
        print(f"skipped: {arguments.scorer} is missing (the shared folder)")
        return 0
    same = load_same(arguments.scorer)
    for path in arguments.rounds:
        print(table(path, same) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
