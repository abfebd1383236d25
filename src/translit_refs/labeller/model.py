"""The trained model: loading it, labelling a reference's tokens, reading its fields.

The model is python-crfsuite's file ``model.crfsuite`` beside this module (package data), written by
``benchmarks/train_labeller.py``. A tagger holds state between ``set`` and ``marginal``, so each
thread gets its own.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import TranslitRefsError
from ..models import without_surrogates
from .features import features
from .fields import Fields, Segment, to_item
from .tokens import Token, tokenize

MODEL_NAME = "model.crfsuite"


class ModelMissingError(TranslitRefsError):
    """The labeller's model file (or python-crfsuite) is not there."""


@dataclass(frozen=True)
class LabelledToken:
    """A token with its label and the label's marginal probability."""

    text: str
    start: int
    end: int
    label: str
    probability: float


def default_model_path() -> Path:
    """Where the shipped model lies (``translit_refs/labeller/model.crfsuite``)."""
    return Path(str(resources.files(__package__).joinpath(MODEL_NAME)))


class Labeller:
    """A CRF model over the tokens of one reference at a time."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else default_model_path()
        if not self.path.is_file():
            raise ModelMissingError(
                f"the labeller's model is missing: {self.path} (train it with benchmarks/train_labeller.py)"
            )
        try:
            import pycrfsuite  # noqa: PLC0415 - loaded with the first model
        except ImportError as error:
            raise ModelMissingError(
                "the labeller needs python-crfsuite, a dependency of translit-refs: pip install python-crfsuite"
            ) from error
        self._module: Any = pycrfsuite
        self._local = threading.local()
        self._tagger()  # a broken file fails here, not at the first reference

    def _tagger(self) -> Any:
        tagger = getattr(self._local, "tagger", None)
        if tagger is None:
            tagger = self._module.Tagger()
            try:
                tagger.open(str(self.path))
            except (OSError, ValueError) as error:
                raise ModelMissingError(f"the labeller's model cannot be read: {self.path}: {error}") from error
            self._local.tagger = tagger
        return tagger

    def labels(self) -> list[str]:
        """The labels the model knows."""
        return sorted(self._tagger().labels())

    def label(self, text: str) -> list[LabelledToken]:
        """Each token of ``text`` with its most likely label (Viterbi) and that label's marginal (a lone
        surrogate, which CRFsuite cannot take, is read as U+FFFD: the offsets stay)."""
        text = without_surrogates(text)
        tokens = tokenize(text)
        if not tokens:
            return []
        tagger = self._tagger()
        tagger.set(features(text, tokens))
        tags = tagger.tag()
        return [
            LabelledToken(token.text, token.start, token.end, tag, float(tagger.marginal(tag, index)))
            for index, (token, tag) in enumerate(zip(tokens, tags, strict=True))
        ]

    def fields(self, text: str) -> Fields:
        """The fields of ``text``: its labelled tokens grouped into segments, read as a CSL-like item (a
        lone surrogate read as U+FFFD, as the parser reads it)."""
        text = without_surrogates(text)
        return to_item(segments(text, self.label(text)))


def segments(text: str, labelled: list[LabelledToken]) -> list[Segment]:
    """Consecutive tokens of one label joined (their text as printed between them)."""
    found: list[Segment] = []
    run: list[LabelledToken] = []
    for token in [*labelled, None]:
        if run and (token is None or token.label != run[0].label):
            start, end = run[0].start, run[-1].end
            probability = sum(t.probability for t in run) / len(run)
            found.append(Segment(run[0].label, text[start:end], start, end, probability))
            run = []
        if token is not None:
            run.append(token)
    return found


_DEFAULT: list[Labeller] = []
_LOCK = threading.Lock()


def default() -> Labeller:
    """The labeller of the shipped model, loaded once."""
    with _LOCK:
        if not _DEFAULT:
            _DEFAULT.append(Labeller())
        return _DEFAULT[0]


def label(text: str) -> list[LabelledToken]:
    """The labelled tokens of one reference, by the shipped model."""
    return default().label(text)


def fields(text: str) -> Fields:
    """The fields of one reference, with per-field probabilities, by the shipped model."""
    return default().fields(text)


__all__ = ["LabelledToken", "Labeller", "ModelMissingError", "Token", "default", "fields", "label", "segments"]
