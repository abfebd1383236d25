"""Fields as the exporters write them: each on one line, each encodable as UTF-8.

A field may hold what no record format can carry: a line break inside a title (from a list item or a
constructed model) would end an RIS record early, and a lone surrogate cannot be written as UTF-8.
Before any export, each run of line breaks (every character ``str.splitlines`` breaks at: ``\n``,
``\r``, vertical tab, form feed, U+001C–U+001E, U+0085, U+2028, U+2029) and tabs, with the spaces
around it, becomes one space; a lone surrogate becomes U+FFFD. A field that is nothing else becomes
empty, and is left out as an empty field is. Other control characters stay as the parser read them
(a JSON string escapes them, and no record format breaks at them: "reactor\x19laser", printed so).
"""

from __future__ import annotations

import re
from typing import Any

from ..models import LONE_SURROGATE, CyrillicText, PartialDate, Person, Reference, without_surrogates

#: What cannot stay inside one line of a record: every line break of ``str.splitlines`` (and the tab).
_BREAKS = re.compile("[\t\n\x0b\x0c\r\x1c-\x1e\x85\u2028\u2029]+")


def one_line(value: str) -> str:
    """``value`` on one line: each run of line breaks and tabs, with the spaces on either side of it, as
    one space (none at either end); lone surrogates as U+FFFD."""
    if LONE_SURROGATE.search(value):
        value = without_surrogates(value)
    if not _BREAKS.search(value):
        return value
    pieces = _BREAKS.split(value)
    last = len(pieces) - 1
    trimmed = [
        piece.lstrip(" ") if index == last else piece.strip(" ") if index else piece.rstrip(" ")
        for index, piece in enumerate(pieces)
    ]
    return " ".join(piece for piece in trimmed if piece)


def _cleaned(value: Any) -> Any:
    """A field's value with every string in it on one line (strings, tuples, names, dates, Cyrillic
    titles); the value itself, the same object, when nothing changes."""
    if isinstance(value, str):
        return one_line(value)
    if isinstance(value, tuple):
        items = tuple(_cleaned(item) for item in value)
        return value if all(new is old for new, old in zip(items, value, strict=True)) else items
    if isinstance(value, Person | PartialDate | CyrillicText | Reference):
        changed = {name: new for name, old in value if (new := _cleaned(old)) is not old and name not in _KEPT}
        return value.model_copy(update=changed) if changed else value
    return value


#: Fields no exporter writes: the model's own record keeps them as they are.
_KEPT = frozenset({"raw", "diagnostics"})


def exported(reference: Reference) -> Reference:
    """The reference as the exporters write it: every exported text field on one line (``one_line``);
    the reference itself when nothing needs it."""
    cleaned: Reference = _cleaned(reference)
    return cleaned
