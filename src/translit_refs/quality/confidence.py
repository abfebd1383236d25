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
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from .features import ALWAYS_REVIEWED, BY_NAME, FEATURES, Feature, Signals


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
    """Weigh the features of one parse (only those it shows: a feature at zero adds nothing)."""
    fitted = fitted or calibration()
    score = fitted.intercept
    always: list[str] = []
    against: list[tuple[float, str]] = []
    for feature, weight, is_always in _weighing(fitted):
        value = feature.measure(signals)
        if not value:
            continue
        if is_always:
            always.append(feature.reason)
            continue
        score += weight * value
        if weight < 0:
            against.append((weight * value, feature.reason))
    confidence = round(1.0 / (1.0 + math.exp(-score)), 4)
    needs_review = bool(always) or confidence < fitted.review_below
    if not needs_review:
        return Assessment(confidence, False, ())
    if always:
        confidence = held_for_review(confidence, fitted)
    reasons = tuple(always) + tuple(reason for _, reason in sorted(against))
    return Assessment(confidence, True, reasons or ("few printed markers fix its fields",))


def held_for_review(confidence: float, fitted: Calibration | None = None) -> float:
    """The confidence of a reference that must be reviewed whatever its features: held just under the
    threshold (an error, damaged text … weigh more than the gold could measure)."""
    fitted = fitted or calibration()
    return min(confidence, round(max(0.0, fitted.review_below - _BELOW), 4))


@lru_cache(maxsize=8)
def _weighing(fitted: Calibration) -> tuple[tuple[Feature, float, bool], ...]:
    """Each feature with its weight and whether it always flags, in the features' order."""
    return tuple(
        (feature, fitted.weights.get(feature.name, 0.0), feature.name in ALWAYS_REVIEWED) for feature in FEATURES
    )


__all__ = ["FEATURES", "Assessment", "Calibration", "assess", "calibration", "held_for_review"]
