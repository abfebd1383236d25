"""The labeller by k-fold cross-validation on AnyStyle's core set, beside the rule parser.

    python benchmarks/labeller_eval.py [--core ../shared/corpus/anystyle/core.xml] [--folds 5]
        [--extra FILE.xml] [--limit N] [--trust P] [--verbose]

The references of core.xml are dealt into ``k`` folds by their index (reference ``i`` to fold
``i mod k``). For each fold a model is trained (``train_labeller.train``, the shipped parameters)
on the other ``k − 1`` folds (and any ``--extra`` references, such as ``csl_labelled.py``'s
renderings, which hold none of core.xml) and reads the held-out one with ``Labeller.fields``: no
reference is scored by a model that saw it. The items are scored with ``anystyle_eval.score`` (the same labels,
comparisons and "fully right"), beside the rule parser (``parse_reference`` then ``to_csl_json``)
on the same references. Two more columns show combinations: each field from the labeller where its
probability reaches ``--trust``, else the parser's; and the parser's whole reference where its own
``confidence`` reaches ``--parser-trust``, else the labeller's.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from translit_refs import parse_reference, to_csl_json
from translit_refs.labeller import Fields, Labeller

from anystyle_eval import CORE, Tally, load, score, show_wrong, table
from train_labeller import Labelled, train
from train_labeller import load as load_labelled


def cross_validate(
    labelled: list[Labelled], folds: int, workdir: Path, extra: list[Labelled] | None = None
) -> tuple[list[Fields], float, float]:
    """Each reference's fields by the model of the folds without it (and ``extra``, references of other
    sources, in every fold's training); training and labelling seconds."""
    found: list[Fields | None] = [None] * len(labelled)
    training = labelling = 0.0
    for fold in range(folds):
        held = [i for i in range(len(labelled)) if i % folds == fold]
        kept = [labelled[i] for i in range(len(labelled)) if i % folds != fold] + (extra or [])
        path = workdir / f"fold-{fold}.crfsuite"
        started = time.perf_counter()
        train(kept, path)
        training += time.perf_counter() - started
        model = Labeller(path)
        started = time.perf_counter()
        for index in held:
            found[index] = model.fields(labelled[index].text)
        labelling += time.perf_counter() - started
        print(f"fold {fold + 1}/{folds}: {len(kept)} trained, {len(held)} read", file=sys.stderr)
    return [f for f in found if f is not None], training, labelling


def combined(parsed: dict[str, Any], labelled: Fields, trust: float) -> dict[str, Any]:
    """The parser's item with each key the labeller gives with probability ≥ ``trust`` taken from it."""
    item = dict(parsed)
    for key, value in labelled.item.items():
        if labelled.probability.get(key, 0.0) >= trust:
            item[key] = value
    return item


def main(argv: Iterable[str] | None = None) -> int:
    """Print the cross-validated table."""
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--core", type=Path, default=CORE)
    options.add_argument("--folds", type=int, default=5)
    options.add_argument("--limit", type=int, help="the first N references only")
    options.add_argument(
        "--extra", type=Path, action="append", default=[], help="labelled references added to every fold's training"
    )
    options.add_argument("--trust", type=float, default=0.9, help="the labeller's probability a field is taken at")
    options.add_argument("--parser-trust", type=float, default=0.9, help="the parser's confidence it is kept at")
    options.add_argument("--verbose", action="store_true", help="show examples of wrong fields")
    arguments = options.parse_args(None if argv is None else list(argv))
    if not arguments.core.exists():
        print(f"skipped: {arguments.core} is missing (the shared folder)")
        return 0
    references, _ = load(arguments.core, arguments.limit)
    labelled = load_labelled(arguments.core)[: len(references)]
    assert all(r.text == x.text for r, x in zip(references, labelled, strict=True))
    with tempfile.TemporaryDirectory() as workdir:
        extra = [reference for path in arguments.extra for reference in load_labelled(path)]
        items, training, labelling = cross_validate(labelled, arguments.folds, Path(workdir), extra)
    started = time.perf_counter()
    references_parsed = [parse_reference(r.text) for r in references]
    parsing = time.perf_counter() - started
    parsed = [to_csl_json(reference) for reference in references_parsed]
    kept = [
        p if r.confidence >= arguments.parser_trust else f.item
        for p, r, f in zip(parsed, references_parsed, items, strict=True)
    ]
    tallies: dict[str, Tally] = {
        "rule parser": score(references, parsed),
        f"labeller ({arguments.folds}-fold)": score(references, [f.item for f in items]),
        f"labeller ≥ {arguments.trust} else parser": score(
            references, [combined(p, f, arguments.trust) for p, f in zip(parsed, items, strict=True)]
        ),
        f"parser ≥ {arguments.parser_trust} else labeller": score(references, kept),
    }
    print(f"{len(references)} references of {arguments.core.name}, {arguments.folds}-fold cross-validation\n")
    print(table(tallies, len(references)))
    print(f"\ntraining {training / arguments.folds:.0f} s a fold; labeller {len(references) / labelling:.0f} "
          f"references/s; rule parser {len(references) / parsing:.0f} references/s")  # fmt: skip
    if arguments.verbose:
        show_wrong(tallies[f"labeller ({arguments.folds}-fold)"], references)
    return 0


if __name__ == "__main__":
    sys.exit(main())
