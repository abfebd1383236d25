"""Style families on the dev corpus: the measurements of the style-families work, in one run.

    python benchmarks/family_eval.py [--gold tests/fixtures/dev_gold.jsonl] [--verbose]

1. The hand-annotated references, scored with each article's list read as a list and with each
   entry read alone. Scores follow the gold's comparison rules (``tests/gold.py``): a field is
   right when it equals the expected value or one of its alternatives, a reference when all are.
2. The articles' Cyrillic (GOST) lists: the share of entries parsed with no error diagnostic, and
   whether each annotated reference's Cyrillic parallel gives the gold's year, volume, issue and
   pages (no new annotation needed: the parallel is the same work).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from translit_refs import Reference, parse_list, parse_reference, to_csl_json

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from gold import checks, same  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
#: The fields a reference's two lists must agree on.
CROSS_CHECKED = ("issued", "volume", "issue", "page")


def _rows(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as stream:
        return [json.loads(line) for line in stream if line.strip()]


def score(gold: list[dict[str, Any]], items: list[dict[str, Any]], verbose: bool) -> tuple[int, int, int]:
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


def read_lists(corpus: list[dict[str, Any]], key: str) -> tuple[dict[int, Reference], Counter[str]]:
    """Every article's list under ``key`` ("text" or "cyrillic_parallel") read as a list; the families detected."""
    by_article: dict[object, list[int]] = defaultdict(list)
    for index, row in enumerate(corpus):
        if row.get(key):
            by_article[row["article"]].append(index)
    read: dict[int, Reference] = {}
    families: Counter[str] = Counter()
    for indices in by_article.values():
        parsed = parse_list([str(corpus[i][key]) for i in indices])
        families[str(parsed.family)] += 1
        read.update(zip(indices, parsed.references, strict=True))
    return read, families


def agrees(expected: dict[str, Any], item: dict[str, Any]) -> list[str]:
    """The cross-checked fields on which ``item`` (a parallel's parse) disagrees with the gold."""
    wrong = []
    for key in CROSS_CHECKED:
        if key not in expected:
            continue
        want, got = expected[key], item.get(key)
        if key == "issued":
            ok = isinstance(got, dict) and got["date-parts"][0][0] == want["date-parts"][0][0]
        else:
            ok = same(key, want, got)
        if not ok:
            wrong.append(f"{key}: gold {want!r}, parallel {got!r}")
    return wrong


def _share(part: int, whole: int) -> str:
    return f"{part}/{whole} = {part / whole:.1%}"


def main(argv: Iterable[str] | None = None) -> None:
    """Print the measurements."""
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--gold", type=Path, default=FIXTURES / "dev_gold.jsonl")
    options.add_argument("--corpus", type=Path, default=FIXTURES / "dev_npe.jsonl")
    options.add_argument("--verbose", action="store_true", help="list the wrong fields and the disagreements")
    arguments = options.parse_args(None if argv is None else list(argv))
    gold, corpus = _rows(arguments.gold), _rows(arguments.corpus)
    indices = [int(str(g["id"]).rsplit("-", 1)[-1]) for g in gold]

    alone = [to_csl_json(parse_reference(str(g["text"]))) for g in gold]
    as_lists, families = read_lists(corpus, "text")
    in_lists = [to_csl_json(as_lists[i]) for i in indices]
    print(f"article lists: {sum(families.values())}; families detected: {dict(sorted(families.items()))}")
    for name, items in (("each entry read alone", alone), ("each article's list read as a list", in_lists)):
        right, total, whole = score(gold, items, verbose=arguments.verbose and items is in_lists)
        print(f"dev gold, {name}: fields {_share(right, total)}, references {_share(whole, len(gold))}")

    cyrillic, cyrillic_families = read_lists(corpus, "cyrillic_parallel")
    clean = sum(not reference.has_errors for reference in cyrillic.values())
    print(f"Cyrillic lists: families detected: {dict(sorted(cyrillic_families.items()))}")
    print(f"Cyrillic entries without an error diagnostic: {_share(clean, len(cyrillic))}")
    paired = [(g, cyrillic[i]) for g, i in zip(gold, indices, strict=True) if i in cyrillic]
    agreeing = 0
    for expected, reference in paired:
        wrong = agrees(expected["expect"], to_csl_json(reference))
        agreeing += not wrong
        if wrong and arguments.verbose:
            print(f"- {expected['id']}: {'; '.join(wrong)}\n    {reference.raw[:120]}")
    print(f"gold references whose Cyrillic parallel gives the same {', '.join(CROSS_CHECKED)}: "
          f"{_share(agreeing, len(paired))}")  # fmt: skip


if __name__ == "__main__":
    main()
