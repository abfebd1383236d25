"""The Vancouver family's style, as medical journals print it."""

from __future__ import annotations

from ...export.formatter import join_pieces, with_translation
from ...models import Reference, ReferenceType, Role


def format_vancouver(reference: Reference) -> str:
    """Vancouver, as medical journals print it (names without periods, "year;volume(issue):pages"):

    Family II, Family II. Title. Journal. 2010;240(3):100-10.
    Family II, Family II, editors. Title. 2nd ed. Place: Publisher; 2015.
    Family II. Title. In: Family II, editor. Book. Place: Publisher; 2007:235-70.
    """
    authors = reference.people(Role.AUTHOR)
    people = authors or reference.people(Role.EDITOR)
    head = ", ".join(f"{p.family} {p.given}" if p.given else p.family for p in people)
    if head and not authors:
        head += ", editor" if len(people) == 1 else ", editors"
    year = str(reference.issued.year) if reference.issued is not None and reference.issued.year else ""
    pieces = [head, with_translation(reference)]
    imprint = ": ".join(p for p in (", ".join(reference.places), reference.publisher or "") if p)
    dated = f"{imprint}; {year}" if imprint and year else imprint or year
    if reference.type is ReferenceType.ARTICLE:
        locator = f"{year};{reference.volume or ''}"
        locator += f"({reference.issue})" if reference.issue else ""
        locator += f":{reference.pages}" if reference.pages else ""
        pieces += [reference.container_title or "", locator]
    elif reference.type is ReferenceType.CHAPTER:
        editors = reference.people(Role.EDITOR)
        names = ", ".join(f"{p.family} {p.given}" if p.given else p.family for p in editors)
        role = "editor" if len(editors) == 1 else "editors"
        pieces.append(
            f"In: {names}, {role}. {reference.container_title}" if names else f"In: {reference.container_title}"
        )
        pieces.append(f"{dated}:{reference.pages}" if reference.pages else dated)
    else:
        pieces += [f"{_ordinal(reference.edition)} ed." if reference.edition else "", dated]
    return join_pieces([p for p in pieces if p])


def _ordinal(number: str) -> str:
    """ "2" -> "2nd", "11" -> "11th"."""
    last = number[-1:]
    suffix = {"1": "st", "2": "nd", "3": "rd"}.get(last, "th") if number[-2:-1] != "1" else "th"
    return number + suffix
