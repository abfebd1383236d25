"""translit-refs: parse transliterated (Russian-style) reference lists into typed data."""

from __future__ import annotations

from .csl import to_csl_json, to_csl_json_list
from .errors import InvalidArgumentError, TranslitRefsError
from .models import (
    Diagnostic,
    IssueKind,
    PartialDate,
    Person,
    Reference,
    ReferenceType,
    Role,
    Severity,
    VolumeKind,
)
from .parser import parse_reference, parse_references

__all__ = [
    "Diagnostic",
    "InvalidArgumentError",
    "IssueKind",
    "PartialDate",
    "Person",
    "Reference",
    "ReferenceType",
    "Role",
    "Severity",
    "TranslitRefsError",
    "VolumeKind",
    "parse_reference",
    "parse_references",
    "to_csl_json",
    "to_csl_json_list",
]
