"""Other journals' blind lists read back: the fields right and the references fully right, per list.

    PYTHONPATH=src python benchmarks/journals_eval.py [benchmarks/annotated/holdout/round9-other-journals.jsonl ...]
        [--verbose]

Each file holds references written, with their CSL-JSON fields, by a helper who never saw the parser, in
lists (``list``) as other journals print them. Each list is read as one list (``parse_list``) and every gold
check of ``tests/gold.py`` is applied to its CSL-JSON; also printed: the share of references not flagged for
review, the share of those fully right and the share of the wrong ones flagged. ``--verbose`` prints each
reference that is not fully right with its failing checks.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from translit_refs import parse_list, to_csl_json

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from gold import checks  # noqa: E402 - the tests' gold comparisons, shared with the suite

ROUNDS = sorted((ROOT / "benchmarks" / "annotated" / "holdout").glob("round*-other-journals.jsonl"))


def report(path: Path, verbose: bool) -> str:
    """One file's lines: per list, then in all."""
    by_list: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for line in path.read_text("utf-8").splitlines():
        row = json.loads(line)
        by_list[row["list"]].append(row)
    lines = [f"## {path.name}"]
    right = total = whole = unflagged = unflagged_right = wrong = wrong_flagged = 0
    for name, rows in by_list.items():
        read = parse_list([row["text"] for row in rows]).references
        list_right = list_total = list_whole = 0
        for row, reference in zip(rows, read, strict=True):
            found = checks(row, to_csl_json(reference))
            passed = sum(ok for _, ok in found)
            fully = passed == len(found)
            list_right, list_total, list_whole = list_right + passed, list_total + len(found), list_whole + fully
            unflagged += not reference.needs_review
            unflagged_right += fully and not reference.needs_review
            wrong += not fully
            wrong_flagged += not fully and reference.needs_review
            if verbose and not fully:
                lines.append(f"   {row['id']}: {row['text'][:200]}")
                lines += [f"      {check[:200]}" for check, ok in found if not ok]
        lines.append(
            f"{name}: {list_right / list_total:.1%} of {list_total} fields, {list_whole}/{len(rows)} references"
        )
        right, total, whole = right + list_right, total + list_total, whole + list_whole
    count = sum(len(rows) for rows in by_list.values())
    lines.append(
        f"all: {right / total:.1%} of {total} fields, {whole}/{count} references fully right; "
        f"{unflagged / count:.1%} not flagged, {unflagged_right / max(1, unflagged):.1%} of those right, "
        f"{wrong_flagged / max(1, wrong):.1%} of the wrong flagged"
    )
    return "\n".join(lines)


def main() -> None:
    """Print each file's report."""
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("files", nargs="*", type=Path, help="rounds to read (default: every holdout round)")
    options.add_argument("--verbose", action="store_true", help="print the references not fully right")
    arguments = options.parse_args()
    for path in arguments.files or ROUNDS:
        print(report(path, arguments.verbose))


if __name__ == "__main__":
    main()
