"""Confidence: how likely a parse and each of its fields is right, and whether a person should look.

The features (``features.py``) are weighed by a logistic model fitted on hand-annotated references
and on the agreement of the parallel corpus's two lists (``benchmarks/calibrate.py`` writes
``data/confidence.json``; its reliability tables are in ``docs/confidence.md``). ``confidence`` is the
probability that every field is right; ``field_confidence`` that one field is, from the same score
split in two: the features that doubt that field, and the rest, with whether a printed marker fixed
it. A reference needs review when its confidence is below the fitted threshold, or when it shows one
of ``ALWAYS_REVIEWED`` (an error diagnostic, no title, a year out of range, pages that decrease, an
unknown kind of work): those are too rare in the gold to weigh, so their confidence is held below the
threshold rather than guessed from the rest. Each reason names a field and what is doubtful about it.
"""

from __future__ import annotations

import json
import math
import operator
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from ..models import ReferenceType
from .features import ALWAYS_REVIEWED, BY_NAME, FEATURES, Signals, explain, observe

#: The fields that get a ``field_confidence`` when the parse has them (``type`` unless it is unknown).
FIELDS: tuple[str, ...] = (
    "type", "persons", "title", "title_translation", "container_title", "container_translation", "issued",
    "places", "publisher", "volume", "issue", "pages", "page_count", "number", "edition", "genre", "doi", "url",
    "isbn", "accessed", "event_place", "collection_title",
)  # fmt: skip
#: The values of ``FIELDS`` in a Reference's ``__dict__``, as a tuple.
_FIELD_VALUES = operator.itemgetter(*FIELDS)
#: The key of the field model used for a field that has none of its own.
OTHER = "*"


@dataclass(frozen=True, slots=True)
class FieldModel:
    """How a field's probability is read off the score: an intercept, a weight on the score of the
    features that doubt other fields (and the reference's own intercept), one on the score of those
    that doubt this field, and one added when a printed marker fixed the field."""

    intercept: float
    rest: float
    own: float
    marker: float

    def probability(self, rest: float, own: float, marked: bool) -> float:
        score = self.intercept + self.rest * rest + self.own * own + (self.marker if marked else 0.0)
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, score))))


@dataclass(frozen=True, eq=False)
class Calibration:
    """The fitted numbers: a weight per feature, the intercept, the threshold below which a reference
    needs review, and a model per field (compared and hashed by identity)."""

    weights: Mapping[str, float]
    intercept: float
    review_below: float
    fields: Mapping[str, FieldModel]

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Calibration:
        """The calibration in ``data``; a weight of a feature the package does not have is ignored
        (the test suite checks that the shipped data has none)."""
        weights = {name: float(weight) for name, weight in data["weights"].items() if name in BY_NAME}
        fields = {
            name: FieldModel(*(float(model[key]) for key in ("intercept", "rest", "own", "marker")))
            for name, model in data.get("fields", {}).items()
        }
        fields.setdefault(OTHER, FieldModel(0.0, 1.0, 1.0, 0.0))
        return cls(weights, float(data["intercept"]), float(data["review_below"]), fields)


@lru_cache(maxsize=1)
def calibration() -> Calibration:
    """The calibration shipped with the package (``translit_refs/data/confidence.json``)."""
    text = resources.files("translit_refs").joinpath("data", "confidence.json").read_text(encoding="utf-8")
    return Calibration.from_json(json.loads(text))


@dataclass(frozen=True, slots=True)
class Assessment:
    """A parse's confidence (0–1), whether it needs review, the reasons, gravest first, and the
    probability of each field it has."""

    confidence: float
    needs_review: bool
    reasons: tuple[str, ...]
    field_confidence: Mapping[str, float]


#: The confidence of a reference that must be reviewed is held this far below the threshold.
_BELOW = 1e-3
#: The gravest reasons a flagged reference is given (the rest weigh little: a person reads the first).
_REASONS = 4
#: A field that an always-reviewed feature doubts is held at most this likely.
_HELD_FIELD = 0.3


def assess(signals: Signals, fitted: Calibration | None = None) -> Assessment:
    """Weigh the features of one parse, per reference and per field; a flagged one is told why (the
    features that weigh most against it, those that always flag first, each naming its field)."""
    fitted = fitted or calibration()
    weights, always_at, _ = _weighing(fitted)
    values = observe(signals)
    reference = signals.reference
    score = fitted.intercept + sum(map(operator.mul, weights, values))
    confidence = round(1.0 / (1.0 + math.exp(-score)), 4)
    # (none, for most parses: the empty tuple, one object less for the garbage collector to walk)
    always: Sequence[int] = [index for index in always_at if values[index]] or ()
    present = reference.__dict__
    # The fields' values as they are now, read when a field's probability is asked for.
    fields = FieldConfidence(_FIELD_VALUES(present), signals.records, score, values, always, fitted)
    if not always and confidence >= fitted.review_below:
        return Assessment(confidence, False, (), fields)
    if always:
        confidence = held_for_review(confidence, fitted)
    gravest = sorted(
        (weights[index] * value, index) for index, value in enumerate(values) if value and weights[index] * value < 0
    )
    named = (*always, *(index for _, index in gravest))[:_REASONS]
    reasons = tuple(dict.fromkeys(explain(FEATURES[index], reference) for index in named))
    if not reasons:
        doubtful = min(fields, key=fields.__getitem__, default=None)
        reasons = (f"{doubtful}: placed by position, no printed marker fixes it",) if doubtful else ()
    return Assessment(confidence, True, reasons or ("few printed markers fix its fields",), fields)


class FieldConfidence(Mapping[str, float]):
    """``Reference.field_confidence`` as the parser sets it: the probability of each field the parse has,
    worked out when first read (most parses are never asked for it, and a parse must stay fast).

    A field's probability is its model over the score of the features that doubt it (``contributions``:
    each weighed feature's index and weight times value), the rest of the score, and whether a printed
    marker fixed it; a field an always-reviewed feature doubts is held at most ``_HELD_FIELD``."""

    __slots__ = ("_always", "_fitted", "_probabilities", "_records", "_score", "_values", "_weighed")

    def __init__(  # noqa: PLR0913, PLR0917 - the parts of one assessment, kept as they are
        self,
        values: tuple[Any, ...],
        records: Sequence[Any],
        score: float,
        weighed: tuple[float, ...],
        always: Sequence[int],
        fitted: Calibration,
    ) -> None:
        self._values = values
        self._records = records
        self._score = score
        self._weighed = weighed
        self._always = always
        self._fitted = fitted
        self._probabilities: dict[str, float] | None = None

    def _worked_out(self) -> dict[str, float]:
        if self._probabilities is None:
            self._probabilities = self._work_out()
        return self._probabilities

    def _work_out(self) -> dict[str, float]:
        weights, _, field_of = _weighing(self._fitted)
        own: dict[str, float] = {}
        for index, value in enumerate(self._weighed):
            name = field_of[index]
            if value and name and weights[index]:
                own[name] = own.get(name, 0.0) + weights[index] * value
        held = {field_of[index] for index in self._always}
        models = self._fitted.fields
        other = models[OTHER]
        records = self._records
        placed = dict(zip(records[0::5], records[4::5], strict=True))
        found: dict[str, float] = {}
        for name, value in zip(FIELDS, self._values, strict=True):
            if not value or value is ReferenceType.DOCUMENT:
                continue  # absent, or an unknown kind of work: no field to trust
            doubt = own.get(name, 0.0)
            model = models.get(name, other)
            logit = model.intercept + model.rest * (self._score - doubt) + model.own * doubt
            if str(placed.get(name, "")).startswith("markers."):
                logit += model.marker
            probability = 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, logit))))
            found[name] = round(min(probability, _HELD_FIELD) if name in held else probability, 4)
        return found

    def __getitem__(self, name: str) -> float:
        return self._worked_out()[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._worked_out())

    def __len__(self) -> int:
        return len(self._worked_out())

    def __repr__(self) -> str:
        return repr(self._worked_out())

    def __reduce__(self) -> tuple[Any, ...]:
        return dict, (self._worked_out(),)


def held_for_review(confidence: float, fitted: Calibration | None = None) -> float:
    """The confidence of a reference that must be reviewed whatever its features: held just under the
    threshold (an error, damaged text … weigh more than the gold could measure)."""
    fitted = fitted or calibration()
    return min(confidence, round(max(0.0, fitted.review_below - _BELOW), 4))


@lru_cache(maxsize=8)
def _weighing(fitted: Calibration) -> tuple[tuple[float, ...], tuple[int, ...], tuple[str, ...]]:
    """The weights in the features' order (0 for those that always flag), where those are, and the
    field each feature doubts."""
    weights = tuple(
        0.0 if feature.name in ALWAYS_REVIEWED else fitted.weights.get(feature.name, 0.0) for feature in FEATURES
    )
    always = tuple(index for index, feature in enumerate(FEATURES) if feature.name in ALWAYS_REVIEWED)
    return weights, always, tuple(feature.field for feature in FEATURES)


__all__ = [
    "FEATURES",
    "FIELDS",
    "Assessment",
    "Calibration",
    "FieldConfidence",
    "FieldModel",
    "assess",
    "calibration",
    "held_for_review",
]
