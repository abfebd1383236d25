"""Formatting a Reference back to text, in the style of a registered family.

Each style family prints its own styles (``families/<family>/formatter.py``): the author-date
family the seed list's journal style ("quaestio-rossica") and APA, the others "references" (the
transliterated "References" list), "gost" (GOST 7.0.5) and "vancouver" (the medical journals').
``format_reference`` finds a style through the family registry; this module keeps the pieces
several families' formatters share.
"""

from __future__ import annotations

from ..models import PartialDate, Reference, Role
from .arguments import one_reference


def format_reference(reference: Reference, style: str = "quaestio-rossica") -> str:
    """Render the reference in a style: "quaestio-rossica" (the seed list's), "apa", "references",
    "gost" or "vancouver" (or a style of a family registered since). Takes one Reference; anything
    else is an InvalidArgumentError."""
    reference = one_reference(reference, "format_reference")
    from ..families.base import families  # noqa: PLC0415 - the families' formatters import this module

    for family in families():
        formatter = family.styles.get(style)
        if formatter is not None:
            return formatter(reference)
    known = sorted(name for family in families() for name in family.styles)
    raise ValueError(f"unknown style {style!r}; known: {', '.join(known)}")


def join_pieces(pieces: list[str]) -> str:
    """Pieces joined by ". ", or by " " after a piece ending with a period; a final period."""
    text = ""
    for piece in (p for p in pieces if p):
        if text:
            text += " " if text.endswith(".") else ". "
        text += piece
    return text if text.endswith(".") or not text else text + "."


def numeric_date(date: PartialDate) -> str:
    """ "12.05.2019" (day and month with two digits), or the year alone."""
    if date.month is None or date.day is None:
        return str(date.year)
    return f"{date.day:02d}.{date.month:02d}.{date.year}"


def family_names(reference: Reference) -> str:
    """ "Family I.I., Family I.I." (the names without the comma the seed style prints)."""
    people = reference.people(Role.AUTHOR)
    names = ", ".join(f"{p.family} {p.given}" if p.given else p.family for p in people)
    return names + (" et al." if reference.et_al and names else "")


def with_translation(reference: Reference) -> str:
    """The title with its bracketed translation, if it has one."""
    title = reference.title or ""
    return f"{title} [{reference.title_translation}]" if reference.title_translation else title
