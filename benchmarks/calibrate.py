"""Fit the confidence model, per reference and per field, and show how well it is calibrated.

    PYTHONPATH=src python benchmarks/calibrate.py           # fit, report (about two minutes)
    PYTHONPATH=src python benchmarks/calibrate.py --write   # also write the package's data

No dependency beyond the package: the logistic regressions are fitted here (Newton's method, L2).

The data, each reference parsed in its list:

- *tuned on*: the dev gold (``tests/fixtures/dev_gold.jsonl``) and four rounds of blind annotation
  (``benchmarks/annotated/round*.jsonl``), labelled per field by the gold's rules (``tests/gold.py``);
- *weak labels*: both sides of every pair of the parallel corpus outside the dev corpus
  (``../shared/corpus/npe_parallel.jsonl``, ``benchmarks/confidence_eval.py``): a side whose pair
  disagrees on the year, volume, issue, pages, first author or kind of work counts as wrong in that
  field (at least one side is; about half the disagreements are the two printed lists differing);
- *scaling*: the unseen round's dev-journal rows (``holdout/round5-dev-journal.jsonl``), annotated
  before the parser ever ran on them: the score's scale and offset are fitted there (Platt scaling),
  so that the confidence means what it says on lists the rules were not fixed on;
- *held out*: the unseen round's lists of other fields (``holdout/round5-other-journals.jsonl``),
  never used to fit anything: only measured.

The reference model is a logistic regression of "every field right" on the features, each kept only
with the sign it is declared to weigh with (a suspicion never raises confidence), on the tuned-on
references and the weak labels (weighed together as much as the annotated ones). Each field's model
is a logistic regression of "this field right" on three numbers read off the same score (the score of
the features that doubt this field, the rest, and whether a printed marker fixed it), fitted on the
annotated fields and the weak labels. The review threshold is the highest at which no more than
``FLAG_BUDGET`` of the parallel corpus's entries are flagged.
"""

from __future__ import annotations

import argparse
import json
import math
import pickle
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from confidence_eval import (
    PARALLEL_TO_FIELD,
    UNSEEN,
    Observation,
    Side,
    observe,
    parallel_sides,
    reliability,
    rows,
    shared_value,
    signals_of,
    tuned_observations,
)

from translit_refs.quality import ALWAYS_REVIEWED, FEATURES
from translit_refs.quality.confidence import FIELDS, OTHER
from translit_refs.quality.features import AGAINST, FOR, rules
from translit_refs.quality.features import observe as observe_features

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "translit_refs" / "data" / "confidence.json"
#: Features the model weighs (the always-reviewed ones flag on their own).
WEIGHED = [feature for feature in FEATURES if feature.name not in ALWAYS_REVIEWED]
#: The largest share of the parallel corpus's entries the threshold may flag (the target is 30 %: a margin).
FLAG_BUDGET = 0.28
#: The weight of all the weak labels together, against the annotated references' (1 each).
WEAK_WEIGHT = 1.0
#: L2 strength per unit of sample weight (scikit-learn's 1/C).
REGULARISATION = 3.0
#: Fields fitted with a model of their own (the others share one).
OWN_MODELS = ("type", "persons", "title", "container_title", "issued", "places", "publisher", "volume", "issue",
              "pages", "title_translation")  # fmt: skip


@dataclass(frozen=True)
class Sample:
    """One parse as the fit sees it: its feature values, whether it is right (a weight of evidence for
    each), per field the labels it has, and the field placed by a marker."""

    values: tuple[float, ...]
    right: bool
    weight: float
    fields: dict[str, bool]
    present: frozenset[str]
    marked: frozenset[str]
    always: bool
    key: str = ""


def _always(values: tuple[float, ...]) -> bool:
    return any(values[index] for index, feature in enumerate(FEATURES) if feature.name in ALWAYS_REVIEWED)


def _present(observation_reference: object) -> frozenset[str]:
    values = observation_reference.__dict__
    return frozenset(name for name in FIELDS if values[name] and not (name == "type" and values[name] == "document"))


def annotated_samples(observations: list[Observation]) -> list[Sample]:
    samples = []
    for o in observations:
        values = observe_features(o.signals)
        marked = frozenset(name for name, rule in rules(o.reference).items() if rule.startswith("markers."))
        samples.append(Sample(values, o.right, 1.0, o.fields_right, _present(o.reference), marked, _always(values)))
    return samples


def parallel_samples(sides: list[Side], weight: float) -> list[Sample]:
    samples = []
    for side in sides:
        reference = side.reference
        labels = {
            PARALLEL_TO_FIELD[name]: name not in side.disagrees
            for name in PARALLEL_TO_FIELD
            if shared_value(reference, name) is not None
        }
        values = observe_features(signals_of(reference, side.list_family))
        marked = frozenset(name for name, rule in rules(reference).items() if rule.startswith("markers."))
        right = not side.disagrees
        key = f"{side.article}|{side.label}|{side.side}"
        samples.append(Sample(values, right, weight, labels, _present(reference), marked, _always(values), key))
    return samples


# --- logistic regression, in pure Python ---------------------------------------------------------


def logistic(rows: list[tuple[tuple[float, ...], float, float]], strength: float) -> tuple[list[float], float]:
    """Weights and intercept of an L2 logistic regression; each row is (x, weight of y=1, weight of
    y=0), rows with the same x merged. Newton's method on the penalised log-likelihood."""
    grouped: dict[tuple[float, ...], list[float]] = {}
    for x, positive, negative in rows:
        slot = grouped.setdefault(x, [0.0, 0.0])
        slot[0] += positive
        slot[1] += negative
    data = [(x, pos, neg) for x, (pos, neg) in grouped.items()]
    size = len(data[0][0]) + 1
    beta = [0.0] * size
    for _ in range(50):
        gradient = [0.0] * size
        hessian = [[0.0] * size for _ in range(size)]
        for x, pos, neg in data:
            z = beta[0] + sum(b * v for b, v in zip(beta[1:], x, strict=True))
            p = 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))
            vector = (1.0, *x)
            residual = pos - (pos + neg) * p
            curvature = (pos + neg) * p * (1 - p)
            for i in range(size):
                if vector[i]:
                    gradient[i] += residual * vector[i]
                    row = hessian[i]
                    scaled = curvature * vector[i]
                    for j in range(size):
                        if vector[j]:
                            row[j] += scaled * vector[j]
        for i in range(1, size):
            gradient[i] -= strength * beta[i]
            hessian[i][i] += strength
        hessian[0][0] += 1e-9
        step = _solve(hessian, gradient)
        beta = [b + s for b, s in zip(beta, step, strict=True)]
        if max(abs(s) for s in step) < 1e-7:
            break
    return beta[1:], beta[0]


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """``matrix⁻¹ · vector`` by Gaussian elimination with partial pivoting."""
    size = len(vector)
    a = [[*row, vector[i]] for i, row in enumerate(matrix)]
    for column in range(size):
        pivot = max(range(column, size), key=lambda r: abs(a[r][column]))
        a[column], a[pivot] = a[pivot], a[column]
        if abs(a[column][column]) < 1e-12:
            continue
        for r in range(column + 1, size):
            factor = a[r][column] / a[column][column]
            if factor:
                for c in range(column, size + 1):
                    a[r][c] -= factor * a[column][c]
    solution = [0.0] * size
    for r in range(size - 1, -1, -1):
        if abs(a[r][r]) < 1e-12:
            continue
        solution[r] = (a[r][size] - sum(a[r][c] * solution[c] for c in range(r + 1, size))) / a[r][r]
    return solution


def fit_reference(samples: list[Sample]) -> tuple[dict[str, float], float]:
    """Weights and intercept of "every field right", each feature with its declared sign or dropped."""
    learning = [s for s in samples if not s.always]
    kept = [
        (index, feature)
        for index, feature in enumerate(FEATURES)
        if feature in WEIGHED and any(s.values[index] for s in learning)
    ]
    while True:
        data = [
            (tuple(s.values[index] for index, _ in kept), s.weight * s.right, s.weight * (not s.right))
            for s in learning
        ]
        coefficients, intercept = logistic(data, REGULARISATION)
        weights = {feature.name: w for (_, feature), w in zip(kept, coefficients, strict=True)}
        wrong = [
            (abs(weights[feature.name]), position)
            for position, (_, feature) in enumerate(kept)
            if (feature.weighs == AGAINST and weights[feature.name] > 0)
            or (feature.weighs == FOR and weights[feature.name] < 0)
        ]
        if not wrong:
            return weights, intercept
        del kept[max(wrong)[1]]


def scores(sample: Sample, weights: dict[str, float], intercept: float) -> tuple[float, dict[str, float]]:
    """The reference's score and, per field, the score of the features that doubt it."""
    own: dict[str, float] = {}
    total = intercept
    for feature, value in zip(FEATURES, sample.values, strict=True):
        contribution = weights.get(feature.name, 0.0) * value
        total += contribution
        if contribution and feature.field:
            own[feature.field] = own.get(feature.field, 0.0) + contribution
    return total, own


def sigmoid(score: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, score))))


def platt(pairs: list[tuple[float, bool]]) -> tuple[float, float]:
    """Scale and offset mapping a score to the probability of being right (barely regularised)."""
    coefficients, intercept = logistic([((score,), float(right), float(not right)) for score, right in pairs], 0.01)
    return coefficients[0], intercept


def fit_fields(samples: list[Sample], weights: dict[str, float], intercept: float) -> dict[str, list[float]]:
    """Per field (and ``OTHER`` for the rest): intercept, weight of the rest of the score, of the field's
    own doubts, of a printed marker."""
    data: dict[str, list[tuple[tuple[float, ...], float, float]]] = {}
    for sample in samples:
        if sample.always:
            continue
        total, own = scores(sample, weights, intercept)
        for name, right in sample.fields.items():
            if name not in sample.present:
                continue
            doubt = own.get(name, 0.0)
            key = name if name in OWN_MODELS else OTHER
            row = (
                (total - doubt, doubt, float(name in sample.marked)),
                sample.weight * right,
                sample.weight * (not right),
            )
            data.setdefault(key, []).append(row)
    models = {}
    for key, rows_ in data.items():
        coefficients, bias = logistic(rows_, 1.0)
        models[key] = [bias, *coefficients]
    return models


def field_probability(model: list[float], total: float, doubt: float, marked: bool) -> float:
    return sigmoid(model[0] + model[1] * (total - doubt) + model[2] * doubt + (model[3] if marked else 0.0))


# --- reports --------------------------------------------------------------------------------------


def triage(samples: list[Sample], predicted: list[float], threshold: float) -> tuple[float, float, float, int]:
    """(share not flagged, share of those fully right, share of the wrong flagged, count)."""
    flagged = [p < threshold or s.always for s, p in zip(samples, predicted, strict=True)]
    unflagged = [s for s, f in zip(samples, flagged, strict=True) if not f]
    wrong = [f for s, f in zip(samples, flagged, strict=True) if not s.right]
    return (
        len(unflagged) / len(samples),
        sum(s.right for s in unflagged) / len(unflagged) if unflagged else 1.0,
        sum(wrong) / len(wrong) if wrong else 1.0,
        len(samples),
    )


EDGES = (0.0, 0.5, 0.7, 0.8, 0.9, 0.95, 1.001)


def main() -> None:
    """Fit, report; write the data with --write."""
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--write", action="store_true", help="write src/translit_refs/data/confidence.json")
    options.add_argument("--cache", type=Path, help="keep the parsed samples in this file and read them from it")
    arguments = options.parse_args()

    if arguments.cache and arguments.cache.exists():
        tuned, scaling, held_out, weak = pickle.loads(arguments.cache.read_bytes())
    else:
        tuned = annotated_samples(tuned_observations())
        scaling = annotated_samples(observe("round5-dev-journal", rows(UNSEEN / "round5-dev-journal.jsonl")))
        held_out = annotated_samples(observe("round5-other-journals", rows(UNSEEN / "round5-other-journals.jsonl")))
        sides = parallel_sides()
        weak = parallel_samples(sides, WEAK_WEIGHT * len(tuned) / len(sides))
        if arguments.cache:
            arguments.cache.write_bytes(pickle.dumps((tuned, scaling, held_out, weak)))
    weights, intercept = fit_reference(tuned + weak)
    scale, offset = platt([(scores(s, weights, intercept)[0], s.right) for s in scaling if not s.always])
    weights = {name: weight * scale for name, weight in weights.items()}
    intercept = intercept * scale + offset

    def predict(samples: list[Sample]) -> list[float]:
        return [sigmoid(scores(s, weights, intercept)[0]) for s in samples]

    weak_predicted = predict(weak)
    threshold = 0.5
    for step in range(500, 1000):
        candidate = step / 1000
        flagged = sum(p < candidate or s.always for s, p in zip(weak, weak_predicted, strict=True))
        if flagged / len(weak) > FLAG_BUDGET:
            break
        threshold = candidate
    models = fit_fields(tuned + weak, weights, intercept)

    print(f"tuned on: {len(tuned)} references; weak labels: {len(weak)} parallel entries; scaling: {len(scaling)}; "
          f"held out: {len(held_out)}. Platt scale {scale:.3f}, offset {offset:+.3f}; "
          f"review below {threshold:.3f}\n")  # fmt: skip
    print("| set | references | not flagged | of those fully right | wrong ones flagged |")
    print("|---|---|---|---|---|")
    for name, samples in (("held out (other journals)", held_out), ("scaling (dev journal, unseen)", scaling),
                          ("tuned on", tuned), ("parallel (right = pair agrees)", weak)):  # fmt: skip
        unflagged, right, wrong, count = triage(samples, predict(samples), threshold)
        print(f"| {name} | {count} | {unflagged:.1%} | {right:.1%} | {wrong:.1%} |")
    for name, samples in (("held out", held_out), ("scaling", scaling), ("tuned on", tuned)):
        print(
            f"\nReliability of confidence, {name}:\n\n"
            "| bin | mean | share fully right | references |\n|---|---|---|---|"
        )
        print("\n".join(reliability(list(zip(predict(samples), (s.right for s in samples), strict=True)), EDGES)))
        pairs = []
        for sample in samples:
            if sample.always:
                continue
            total, own = scores(sample, weights, intercept)
            for field, right in sample.fields.items():
                if field in sample.present:
                    model = models.get(field, models[OTHER])
                    pairs.append((field_probability(model, total, own.get(field, 0.0), field in sample.marked), right))
        print(f"\nReliability of field_confidence, {name}:\n\n| bin | mean | share right | fields |\n|---|---|---|---|")
        print("\n".join(reliability(pairs, EDGES)))
    print(f"\nWeights (intercept {intercept:+.3f}):")
    for name, weight in sorted(weights.items(), key=lambda item: item[1]):
        print(f"  {name:28s} {weight:+.3f}")
    print("\nField models (intercept, rest, own, marker):")
    for name, model in sorted(models.items()):
        print(f"  {name:20s} " + " ".join(f"{v:+.3f}" for v in model))
    if arguments.write:
        data = {
            "about": "Fitted by benchmarks/calibrate.py --write; see docs/confidence.md.",
            "fitted": date.today().isoformat(),
            "tuned_on": {"references": len(tuned), "fully_right": sum(s.right for s in tuned)},
            "weak_labels": {"entries": len(weak), "agreeing": sum(s.right for s in weak)},
            "scaling": {"references": len(scaling), "fully_right": sum(s.right for s in scaling)},
            "held_out": {"references": len(held_out), "fully_right": sum(s.right for s in held_out)},
            "review_below": threshold,
            "intercept": round(intercept, 4),
            "weights": {name: round(weight, 4) for name, weight in weights.items()},
            "fields": {
                name: dict(zip(("intercept", "rest", "own", "marker"), (round(v, 4) for v in model), strict=True))
                for name, model in sorted(models.items())
            },
        }
        DATA.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"\nwrote {DATA.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
