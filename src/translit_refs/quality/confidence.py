"""Confidence: how likely every field of a parse is right, and whether a person should look at it.

The features (``features.py``) are weighed by a logistic model fitted on hand-annotated
references (``benchmarks/calibrate.py`` writes ``data/confidence.json``; its reliability diagram is
in ``docs/confidence.md``). A reference needs review when its confidence is below the fitted
threshold, or when it shows one of ``ALWAYS_REVIEWED`` (an error diagnostic, no title, a year out of
range, pages that decrease, an unknown kind of work): those are too rare in the gold to weigh, so
their confidence is held below the threshold rather than guessed from the rest.
"""

from __future__ import annotations

import json
import math
import operator
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from .features import ALWAYS_REVIEWED, BY_NAME, FEATURES, Signals, observe


@dataclass(frozen=True, eq=False)
class Calibration:
    """The fitted numbers: a weight per feature, the intercept, and the threshold below which a
    reference needs review (compared and hashed by identity)."""

    weights: Mapping[str, float]
    intercept: float
    review_below: float

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Calibration:
        """The calibration in ``data``; a weight of a feature the package does not have is ignored
        (the test suite checks that the shipped data has none)."""
        weights = {name: float(weight) for name, weight in data["weights"].items() if name in BY_NAME}
        return cls(weights, float(data["intercept"]), float(data["review_below"]))


@lru_cache(maxsize=1)
def calibration() -> Calibration:
    """The calibration shipped with the package (``translit_refs/data/confidence.json``)."""
    text = resources.files("translit_refs").joinpath("data", "confidence.json").read_text(encoding="utf-8")
    return Calibration.from_json(json.loads(text))


@dataclass(frozen=True, slots=True)
class Assessment:
    """A parse's confidence (0–1), whether it needs review, and the reasons, gravest first."""

    confidence: float
    needs_review: bool
    reasons: tuple[str, ...]


#: The confidence of a reference that must be reviewed is held this far below the threshold.
_BELOW = 1e-3


def assess(signals: Signals, fitted: Calibration | None = None) -> Assessment:
    """Weigh the features of one parse; a flagged one is told why (the features that weigh most
    against it, those that always flag first)."""
    fitted = fitted or calibration()
    weights, always_at = _weighing(fitted)
    values = observe(signals)
    always = [FEATURES[index].reason for index in always_at if values[index]]
    confidence = round(1.0 / (1.0 + math.exp(-(fitted.intercept + sum(map(operator.mul, weights, values))))), 4)
    if not always and confidence >= fitted.review_below:
        return Assessment(confidence, False, ())
    if always:
        confidence = held_for_review(confidence, fitted)
    against = sorted(
        (weight * value, feature.reason)
        for feature, weight, value in zip(FEATURES, weights, values, strict=True)
        if weight * value < 0
    )
    reasons = (*always, *(reason for _, reason in against))
    return Assessment(confidence, True, reasons or ("few printed markers fix its fields",))


def held_for_review(confidence: float, fitted: Calibration | None = None) -> float:
    """The confidence of a reference that must be reviewed whatever its features: held just under the
    threshold (an error, damaged text … weigh more than the gold could measure)."""
    fitted = fitted or calibration()
    return min(confidence, round(max(0.0, fitted.review_below - _BELOW), 4))


@lru_cache(maxsize=8)
def _weighing(fitted: Calibration) -> tuple[tuple[float, ...], tuple[int, ...]]:
    """The weights in the features' order (0 for those that always flag), and where those are."""
    weights = tuple(
        0.0 if feature.name in ALWAYS_REVIEWED else fitted.weights.get(feature.name, 0.0) for feature in FEATURES
    )
    return weights, tuple(index for index, feature in enumerate(FEATURES) if feature.name in ALWAYS_REVIEWED)


__all__ = ["FEATURES", "Assessment", "Calibration", "assess", "calibration", "held_for_review"]
