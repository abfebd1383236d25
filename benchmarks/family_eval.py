"""Style families on the dev corpus: the hand-annotated references scored with each article's
list read as a list, against each entry read alone.

    python benchmarks/family_eval.py [--gold tests/fixtures/dev_gold.jsonl] [--verbose]

Scores follow the gold's comparison rules (``tests/gold.py``): a field is right when it equals
the expected value or one of its alternatives, and a reference is right when all its fields are.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from translit_refs import parse_list, parse_reference, to_csl_json

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from gold import checks  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"


def _rows(path: Path) -> list[dict[str, object]]:
    with path.open(encoding="utf-8") as stream:
        return [json.loads(line) for line in stream if line.strip()]


def score(gold: list[dict[str, object]], items: list[dict[str, object]], verbose: bool) -> tuple[int, int, int]:
    """Fields right, fields checked, references fully right."""
    right = total = whole = 0
    for expected, item in zip(gold, items, strict=True):
        results = checks(expected, item)
        right += sum(ok for _, ok in results)
        total += len(results)
        whole += all(ok for _, ok in results)
        if verbose and not all(ok for _, ok in results):
            print(f"- {expected['id']}: {str(expected['text'])[:80]}")
            for line, ok in results:
                if not ok:
                    print(f"    {line}")
    return right, total, whole


def main() -> None:
    """Print both scores."""
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--gold", type=Path, default=FIXTURES / "dev_gold.jsonl")
    options.add_argument("--corpus", type=Path, default=FIXTURES / "dev_npe.jsonl")
    options.add_argument("--verbose", action="store_true", help="list the wrong fields (of the list reading)")
    arguments = options.parse_args()
    gold = _rows(arguments.gold)
    corpus = _rows(arguments.corpus)
    alone = [to_csl_json(parse_reference(str(g["text"]))) for g in gold]
    by_article: dict[object, list[int]] = defaultdict(list)
    for index, row in enumerate(corpus):
        by_article[row["article"]].append(index)
    read_as_list: dict[int, dict[str, object]] = {}
    families: dict[str, int] = defaultdict(int)
    for indices in by_article.values():
        parsed = parse_list([str(corpus[i]["text"]) for i in indices])
        families[str(parsed.family)] += 1
        for index, reference in zip(indices, parsed.references, strict=True):
            read_as_list[index] = to_csl_json(reference)
    in_lists = [read_as_list[int(str(g["id"]).rsplit("-", 1)[-1])] for g in gold]
    print(f"lists: {len(by_article)}; families detected: {dict(sorted(families.items()))}")
    for name, items in (("each entry read alone", alone), ("each article's list read as a list", in_lists)):
        right, total, whole = score(gold, items, verbose=arguments.verbose and items is in_lists)
        print(f"{name}: fields {right}/{total} = {right / total:.1%}, references {whole}/{len(gold)} = {whole / len(gold):.1%}")


if __name__ == "__main__":
    main()
