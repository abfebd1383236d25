"""translit-refs: parse transliterated (Russian-style) reference lists into typed data.

The public names are imported when first used (PEP 562), so ``import translit_refs`` is quick and the
command line can load the parser inside its own Ctrl-C handling (``translit_refs.__main__``).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

#: Each public name and the module (relative to this package) it comes from.
_SOURCES: dict[str, str] = {
    **dict.fromkeys(
        ("ListEntry", "ReferenceSection", "find_reference_section", "find_reference_sections", "split_references"),
        "documents.listsplit",
    ),
    **dict.fromkeys(("InvalidArgumentError", "TranslitRefsError"), "errors"),
    **dict.fromkeys(("to_bibtex", "to_ris"), "export.bibtex_ris"),
    **dict.fromkeys(("to_csl_json", "to_csl_json_list"), "export.csl"),
    "format_reference": "export.formatter",
    **dict.fromkeys(
        (
            "Diagnostic",
            "IssueKind",
            "PartialDate",
            "Person",
            "Reference",
            "ReferenceList",
            "ReferenceType",
            "Role",
            "Severity",
            "StyleFamily",
            "VolumeKind",
        ),
        "models",
    ),
    **dict.fromkeys(("parse_list", "parse_reference", "parse_references"), "parsing.parser"),
}

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
    "__version__",
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

#: Reported when the package's metadata is missing (run from a source tree that was never installed).
_UNKNOWN_VERSION = "0+unknown"


def _version() -> str:
    """The installed distribution's version (``pyproject.toml``'s ``project.version``)."""
    from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415 - only when asked

    try:
        return version("translit-refs")
    except PackageNotFoundError:
        return _UNKNOWN_VERSION


def __getattr__(name: str) -> Any:
    if name == "__version__":
        value: Any = _version()
    elif name in _SOURCES:
        value = getattr(importlib.import_module(f".{_SOURCES[name]}", __name__), name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
