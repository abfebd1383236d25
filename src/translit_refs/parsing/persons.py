"""Persons out of name tokens: "Kuznetsova M.E.", "KuznetsovaM.E.", "J. Gomez del Campo", "Gingo Peter J.".

The grammar has already decided that a token is a name and in which order it is written; here
the token is split into family name and initials by walking over its initials, from the end
(family first) or from the start (given names first). Each step looks at a few characters, so
the split is linear in the token's length.
"""

from __future__ import annotations

from ..models import Person, Role

_DIGRAPHS = ("SHCH", "Shch", "CH", "SH", "ZH", "KH", "TS", "YU", "YA", "YE", "YO")
_GAP = " -"


def _initial_before(text: str, end: int) -> int | None:
    """Start of an initial ("A.", "Yu.", "YU.", "Shch.") that ends at ``end`` (just after its period)."""
    if end < 2 or text[end - 1] != ".":
        return None
    for width in (5, 3):
        start = end - width
        if start >= 0 and text[start : end - 1] in _DIGRAPHS:
            return start
    if end >= 3 and text[end - 3].isupper() and text[end - 2].islower() and text[end - 2].isalpha():
        before = text[end - 4] if end >= 4 else " "
        if not before.isalpha():  # "Iu." after a space, not the "aM." of "KuznetsovaM."
            return end - 3
    if text[end - 2].isupper():
        return end - 2
    return None


def _given_start(text: str) -> int:
    """Where the initials that close a family-first name begin (``len(text)`` when there are none)."""
    position = len(text)
    if position and text[-1].isupper() and (position == 1 or not text[-2].isalpha() or text[-2].isupper()):
        # a last initial without its period ("Pigni M", "Chebeskov A.N") or Vancouver initials ("Ivanov II")
        run = position
        while run > 0 and text[run - 1].isupper() and position - run < 3:
            run -= 1
        if run > 0 and not text[run - 1].isalpha():
            position = run
    while True:
        end = position
        while end > 0 and text[end - 1] in _GAP:
            end -= 1
        start = _initial_before(text, end)
        if start is None or start == 0:
            return position
        position = start


def _given_end(text: str) -> int:
    """Where the initials that open a given-first name end."""
    position = 0
    while True:
        end = position
        while end < len(text) and text[end] in _GAP:
            end += 1
        for width in (5, 3, 2):
            stop = end + width
            if stop <= len(text) and _initial_before(text, stop) == end:
                position = stop
                break
        else:
            return position


def person(token_type: str, text: str, role: Role) -> Person:
    """The person a NAME, GIVEN_NAME or FULL_NAME token names, with the given role."""
    text = " ".join(text.split()).strip(" ,;")
    if token_type == "GIVEN_NAME":
        split = _given_end(text)
        given, family = text[:split], text[split:]
    elif token_type == "FULL_NAME":
        family, _, given = text.partition(" ")
    else:
        split = _given_start(text)
        family, given = text[:split], text[split:]
    family = family.strip(" ,-")
    if not family:
        return Person(family=text, role=role)
    return Person(family=family, given=given.strip(" ,"), role=role)
