"""Pairing parallel lists on the dev corpus: the measurements of ``docs/parallel.md``, in one run.

    python benchmarks/parallel_eval.py [--seeds 5] [--disagreements]

Each article of the dev corpus prints its list twice: ``text`` (transliterated) and
``cyrillic_parallel`` (GOST, in Cyrillic); a row's two texts are partners. Measured:

1. pairs right with each article's two lists as given;
2. with the Cyrillic list shuffled and a quarter of its entries removed (several seeds): pairs
   right, and Latin entries whose partner was removed paired with ``None``;
3. the same with a quarter removed from each list independently (both lists lack entries);
4. for each rightly paired reference, whether its Cyrillic title is exactly the partner's;
5. the partners' disagreements (year, volume, issue, pages) by kind (``--disagreements`` lists them);
6. the time to pair 200 + 200 entries (best of 5).
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections import Counter, defaultdict
from pathlib import Path

from translit_refs import parse_list
from translit_refs.lexicon.words import CYRILLIC_LETTER
from translit_refs.parallel import align, parse_parallel

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "dev_npe.jsonl"


def articles() -> tuple[list[dict[str, str]], dict[str, list[int]]]:
    """The corpus rows, and the rows with a Cyrillic partner by article, in list order."""
    rows = [json.loads(line) for line in CORPUS.read_text("utf-8").splitlines() if line.strip()]
    by_article: dict[str, list[int]] = defaultdict(list)
    for index, row in enumerate(rows):
        if row.get("cyrillic_parallel"):
            by_article[row["article"]].append(index)
    return rows, by_article


def pairing(seed: int | None, drop_cyrillic: bool, drop_latin: bool) -> tuple[int, int, int, int]:
    """(partners paired right, partners in both lists, entries whose partner is missing left
    unpaired, entries whose partner is missing)."""
    rows, by_article = articles()
    rng = random.Random(seed)
    right = partnered = alone_right = alone = 0
    for indices in by_article.values():
        count = len(indices)
        cyrillic_rows = list(indices)
        latin_rows = list(indices)
        if seed is not None:
            rng.shuffle(cyrillic_rows)
        if drop_cyrillic:
            cyrillic_rows = cyrillic_rows[: count - count // 4]
        if drop_latin:
            latin_rows = sorted(rng.sample(latin_rows, count - count // 4))
        pairs = align([rows[i]["cyrillic_parallel"] for i in cyrillic_rows], [rows[i]["text"] for i in latin_rows])
        partner_of_latin = {latin_rows[j]: None if i is None else cyrillic_rows[i] for i, j in pairs if j is not None}
        paired_cyrillic = {cyrillic_rows[i] for i, j in pairs if i is not None and j is not None}
        for row in latin_rows:
            if row in cyrillic_rows:
                partnered += 1
                right += partner_of_latin[row] == row
            else:
                alone += 1
                alone_right += partner_of_latin[row] is None
        for row in cyrillic_rows:
            if row not in latin_rows:
                alone += 1
                alone_right += row not in paired_cyrillic
    return right, partnered, alone_right, alone


def titles_and_disagreements(verbose: bool) -> tuple[int, int, Counter[str]]:
    """Cyrillic titles equal to the partner's (of the rightly paired with a Cyrillic title), and the
    disagreement warnings by kind."""
    rows, by_article = articles()
    exact = checked = 0
    kinds: Counter[str] = Counter()
    for indices in by_article.values():
        cyrillic = [rows[i]["cyrillic_parallel"] for i in indices]
        latin = [rows[i]["text"] for i in indices]
        pairs = {j: i for i, j in align(cyrillic, latin) if j is not None}
        enriched = parse_parallel(cyrillic, latin).references
        partners = parse_list(cyrillic).references
        for j, reference in enumerate(enriched):
            if pairs.get(j) != j:
                continue
            partner = partners[j]
            if partner.title and CYRILLIC_LETTER.search(partner.title):
                checked += 1
                exact += reference.title_cyrillic is not None and reference.title_cyrillic.text == partner.title
            for diagnostic in reference.diagnostics:
                if diagnostic.code == "parallel-disagrees":
                    kinds[diagnostic.message.split(" ")[4]] += 1
                    if verbose:
                        print(f"  {rows[indices[j]]['article']} #{j + 1}: {diagnostic.message}")
    return exact, checked, kinds


def timing(size: int = 200) -> float:
    """Best of 5 seconds to pair ``size`` + ``size`` entries (articles' lists joined)."""
    rows, by_article = articles()
    order = [i for indices in by_article.values() for i in indices][:size]
    cyrillic = [rows[i]["cyrillic_parallel"] for i in order]
    random.Random(0).shuffle(cyrillic)
    latin = [rows[i]["text"] for i in order]
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        align(cyrillic, latin)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    """Print the measurements."""
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--seeds", type=int, default=5)
    options.add_argument("--disagreements", action="store_true", help="list every disagreement")
    arguments = options.parse_args()
    right, total, _, _ = pairing(None, False, False)
    print(f"as given: {right}/{total} = {right / total:.2%} pairs right")
    for name, drops in (("Cyrillic list shuffled, a quarter removed", (True, False)),
                        ("both lists lack a quarter (independently)", (True, True))):  # fmt: skip
        sums = [pairing(seed, *drops) for seed in range(arguments.seeds)]
        right, total, alone_right, alone = (sum(values) for values in zip(*sums, strict=True))
        print(f"{name}, {arguments.seeds} seeds: {right}/{total} = {right / total:.2%} pairs right; "
              f"{alone_right}/{alone} = {alone_right / alone:.2%} without a partner paired with None")  # fmt: skip
    exact, checked, kinds = titles_and_disagreements(arguments.disagreements)
    print(f"Cyrillic title exactly the partner's: {exact}/{checked}")
    print(f"disagreements: {dict(kinds)} ({sum(kinds.values())} in all)")
    print(f"pairing 200 + 200 entries: {timing():.3f} s (best of 5)")


if __name__ == "__main__":
    main()
