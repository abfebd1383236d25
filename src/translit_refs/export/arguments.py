"""What the exporters accept: one ``Reference`` where one item is made, and one ``Reference``, a
``ReferenceList`` or an iterable of ``Reference`` where a list is; anything else is an
``InvalidArgumentError`` that says what was given and what to call instead."""

from __future__ import annotations

from collections.abc import Iterable

from ..errors import InvalidArgumentError
from ..models import Reference, ReferenceList


def one_reference(value: object, function: str, for_several: str | None = None) -> Reference:
    """``value`` if it is a Reference, else an InvalidArgumentError (naming ``for_several`` for a list)."""
    if isinstance(value, Reference):
        return value
    hint = ""
    if isinstance(value, str):
        hint = " (parse the text first: parse_reference)"
    elif for_several is not None and isinstance(value, ReferenceList | Iterable):
        hint = f"; for several references use {for_several}()"
    raise InvalidArgumentError(f"{function}() takes one Reference, not {type(value).__name__}{hint}")


def references_of(value: object, function: str) -> list[Reference]:
    """The references of one Reference, a ReferenceList or an iterable of Reference (read once), in
    order; an InvalidArgumentError for anything else or an item that is no Reference."""
    if isinstance(value, Reference):
        return [value]
    if isinstance(value, ReferenceList):
        return list(value.references)
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        hint = " (parse the text first: parse_references)" if isinstance(value, str | bytes) else ""
        raise InvalidArgumentError(
            f"{function}() takes a Reference or an iterable of Reference, not {type(value).__name__}{hint}"
        )
    references = list(value)
    for index, item in enumerate(references):
        if not isinstance(item, Reference):
            raise InvalidArgumentError(f"{function}(): item {index} is a {type(item).__name__}, not a Reference")
    return references
