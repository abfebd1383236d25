"""translit-refs: parse transliterated (Russian-style) reference lists into typed data."""

from __future__ import annotations

from .documents.listsplit import (
    ListEntry,
    ReferenceSection,
    find_reference_section,
    find_reference_sections,
    split_references,
)
from .errors import InvalidArgumentError, TranslitRefsError
from .export.bibtex_ris import to_bibtex, to_ris
from .export.csl import to_csl_json, to_csl_json_list
from .export.formatter import format_reference
from .models import (
    Diagnostic,
    IssueKind,
    PartialDate,
    Person,
    Reference,
    ReferenceList,
    ReferenceType,
    Role,
    Severity,
    StyleFamily,
    VolumeKind,
)
from .parsing.parser import parse_list, parse_reference, parse_references

__all__ = [
    "Diagnostic",
    "InvalidArgumentError",
    "IssueKind",
    "ListEntry",
    "PartialDate",
    "Person",
    "Reference",
    "ReferenceList",
    "ReferenceSection",
    "ReferenceType",
    "Role",
    "Severity",
    "StyleFamily",
    "TranslitRefsError",
    "VolumeKind",
    "find_reference_section",
    "find_reference_sections",
    "format_reference",
    "parse_list",
    "parse_reference",
    "parse_references",
    "split_references",
    "to_bibtex",
    "to_csl_json",
    "to_csl_json_list",
    "to_ris",
]
