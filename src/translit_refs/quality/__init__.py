"""How far to trust a parse: named features of the parse and a confidence calibrated on gold."""

from __future__ import annotations

from .confidence import Assessment, Calibration, assess, calibration, held_for_review
from .features import ALWAYS_REVIEWED, FEATURES, Feature, Signals, measure

__all__ = [
    "ALWAYS_REVIEWED",
    "FEATURES",
    "Assessment",
    "Calibration",
    "Feature",
    "Signals",
    "assess",
    "calibration",
    "held_for_review",
    "measure",
]
