"""Fit the confidence of references the labeller reads, on AnyStyle's core set held out by folds.

    python benchmarks/labeller_calibrate.py [--core ../shared/corpus/anystyle/core.xml] [--folds 5]
        [--cache FILE]

Each reference of core.xml is read by the model of the folds without it (``labeller_eval.cross_validate``;
``--cache`` keeps their labelled segments, so a second run takes seconds), the whole set as one list through the
library's pipeline with the ``label`` step given that reader (``labeller.route.read_unknown_styles``).
For the references the labeller read, the product of their fields' probabilities is mapped to the
probability that every field is right by Platt scaling (a logistic regression on its logit, Newton's
method); the script prints the scale and offset for ``labeller/reading.py`` and the calibration table
before and after, the routed list's score (``anystyle_eval.score``) and the score of each reference
read alone (``read_alone``).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import sys
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from labeller_eval import cross_validate

from translit_refs import to_csl_json
from translit_refs.labeller.fields import Fields, Segment, to_item
from translit_refs.labeller.reading import confidence_of
from translit_refs.labeller.route import read_alone, read_unknown_styles
from translit_refs.pipeline import LIBRARY

from anystyle_eval import CORE, load, score
from train_labeller import load as load_labelled


def held_out_fields(core: Path, folds: int, cache: Path | None) -> dict[str, Fields]:
    """Each reference's text → its fields by the model of the folds without it (the cache keeps the
    labelled segments, so that a change to how segments are read needs no training)."""
    if cache is not None and cache.exists():
        rows = json.loads(cache.read_text(encoding="utf-8"))
    else:
        labelled = load_labelled(core)
        with tempfile.TemporaryDirectory() as workdir:
            found, _, _ = cross_validate(labelled, folds, Path(workdir))
        rows = [
            {"text": x.text, "segments": [dataclasses.astuple(segment) for segment in f.segments]}
            for x, f in zip(labelled, found, strict=True)
        ]
        if cache is not None:
            cache.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    return {row["text"]: to_item([Segment(*segment) for segment in row["segments"]]) for row in rows}


def logit(probability: float) -> float:
    """The log-odds of a probability kept off 0 and 1."""
    kept = min(max(probability, 1e-4), 1 - 1e-4)
    return math.log(kept / (1 - kept))


def platt(scores: Sequence[float], right: Sequence[bool], steps: int = 50) -> tuple[float, float]:
    """Scale and offset of the logistic regression of ``right`` on ``scores`` (Newton's method)."""
    scale, offset = 1.0, 0.0
    for _ in range(steps):
        g_scale = g_offset = h_ss = h_so = h_oo = 0.0
        for x, y in zip(scores, right, strict=True):
            p = 1 / (1 + math.exp(-(scale * x + offset)))
            error, weight = p - float(y), max(p * (1 - p), 1e-9)
            g_scale += error * x
            g_offset += error
            h_ss += weight * x * x
            h_so += weight * x
            h_oo += weight
        determinant = h_ss * h_oo - h_so * h_so
        if abs(determinant) < 1e-12:
            break
        scale -= (h_oo * g_scale - h_so * g_offset) / determinant
        offset -= (h_ss * g_offset - h_so * g_scale) / determinant
    return scale, offset


def bands(confidences: Sequence[float], right: Sequence[bool]) -> str:
    """References and the share fully right per tenth of confidence."""
    rows = ["| confidence | references | fully right |", "| --- | ---: | ---: |"]
    for tenth in range(10):
        inside = [y for c, y in zip(confidences, right, strict=True) if min(int(c * 10), 9) == tenth]
        if inside:
            rows.append(
                f"| {tenth / 10:.1f}–{(tenth + 1) / 10:.1f} | {len(inside)} | {sum(inside) / len(inside):.2f} |"
            )
    return "\n".join(rows)


def main(argv: Iterable[str] | None = None) -> int:
    """Print the fitted constants, the calibration tables and the routed score."""
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--core", type=Path, default=CORE)
    options.add_argument("--folds", type=int, default=5)
    options.add_argument("--cache", type=Path, help="a JSON file keeping the held-out fields between runs")
    arguments = options.parse_args(None if argv is None else list(argv))
    if not arguments.core.exists():
        print(f"skipped: {arguments.core} is missing (the shared folder)")
        return 0
    references, _ = load(arguments.core, None)
    held_out = held_out_fields(arguments.core, arguments.folds, arguments.cache)
    rules = LIBRARY.disable("label").parse([r.text for r in references])
    routed = read_unknown_styles(rules.references, reader=held_out.__getitem__)
    tally = score(references, [to_csl_json(r) for r in routed])
    fields = sum(tally.scored.values())
    print(f"routed list: {sum(tally.right.values()) / fields:.1%} of {fields} fields, "
          f"{tally.whole / len(references):.1%} of references fully right")  # fmt: skip
    plain = LIBRARY.disable("label")
    alone = [read_alone(plain.parse([r.text]).references[0], held_out.__getitem__) for r in references]
    by_one = score(references, [to_csl_json(r) for r in alone])
    print(f"each reference alone: {sum(by_one.right.values()) / fields:.1%} of fields, "
          f"{by_one.whole / len(references):.1%} of references fully right")  # fmt: skip
    read = [
        (gold, ours)
        for gold, ours, before in zip(references, routed, rules.references, strict=True)
        if ours is not before
    ]
    right = [score([gold], [to_csl_json(ours)]).whole == 1 for gold, ours in read]
    products = [confidence_of(ours.field_confidence) for _, ours in read]
    scale, offset = platt([logit(p) for p in products], right)
    print(f"{len(read)} references read by the labeller; Platt scaling: scale {scale:.3f}, offset {offset:.3f}\n")
    print("the product of the fields' probabilities:\n" + bands(products, right))
    fitted = [1 / (1 + math.exp(-(scale * logit(p) + offset))) for p in products]
    print("\nafter scaling:\n" + bands(fitted, right))
    shipped = [ours.confidence or 0.0 for _, ours in read]
    print("\nas shipped (Reference.confidence):\n" + bands(shipped, right))
    kept = [y for (_, ours), y in zip(read, right, strict=True) if not ours.needs_review]
    print(f"\nflagged for review: {len(read) - len(kept)} of {len(read)}; of the others "
          f"{sum(kept) / max(len(kept), 1):.1%} fully right")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
