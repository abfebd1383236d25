"""Validation of exported CSL-JSON against the official schema shipped with the package."""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import Any, cast

import jsonschema


@lru_cache(maxsize=1)
def csl_schema() -> dict[str, Any]:
    """The official csl-data.json schema (an array of CSL items)."""
    text = resources.files("translit_refs").joinpath("data/csl-data.json").read_text(encoding="utf-8")
    return cast(dict[str, Any], json.loads(text))


@lru_cache(maxsize=1)
def _validator() -> Any:
    schema = csl_schema()
    validator_class = jsonschema.validators.validator_for(schema)
    return validator_class(schema)


def csl_errors(items: Iterable[dict[str, Any]]) -> list[str]:
    """Every schema violation of the CSL items, as "item N: path: message" (empty when valid)."""
    validator = _validator()
    return [
        f"item {error.path[0] if error.path else '?'}: {'/'.join(map(str, list(error.path)[1:]))}: {error.message}"
        for error in validator.iter_errors(list(items))
    ]
