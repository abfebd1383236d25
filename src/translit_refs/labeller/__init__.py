"""A trained sequence labeller for references: tokens → AnyStyle's labels → CSL-like fields.

    >>> from translit_refs.labeller import fields, label
    >>> fields("Smith, J. (2001). A title. Journal of Things, 4(2), 10–20.").item["volume"]
    '4'

A complement to the grammar, not yet part of the parser: ``label(text)`` gives each whitespace token
its label and marginal probability, ``fields(text)`` the CSL-JSON-like item with each key's
probability. Needs the ``labeller`` extra (python-crfsuite); see ``docs/labeller.md``.
"""

from __future__ import annotations

from .features import features
from .fields import Fields, Segment, split_names, to_item
from .model import LabelledToken, Labeller, ModelMissingError, default_model_path, fields, label, segments
from .tokens import Token, tokenize

__all__ = [
    "Fields",
    "LabelledToken",
    "Labeller",
    "ModelMissingError",
    "Segment",
    "Token",
    "default_model_path",
    "features",
    "fields",
    "label",
    "segments",
    "split_names",
    "to_item",
    "tokenize",
]
