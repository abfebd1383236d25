"""Persons out of name tokens: "Kuznetsova M.E.", "KuznetsovaM.E.", "J. Gomez del Campo", "Gingo Peter J.".

The grammar has already decided that a token is a name and in which order it is written; here
the token is split into family name and initials. A family-first name's initials are read from
its end, by matching the reversed token from its start (each initial reversed: ".uY", ".M",
".HS"), so the split is one linear regular-expression match either way.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import kinds
from ..models import Person, Role

_GAP = r"(?:\s?-\s?|\s)?"
#: Initials that open a given-first name: "J. ", "Yu.V. ", "S.-J. ", "YU.M.", "Э.И " (the last without its period)
_LEADING_INITIALS = re.compile(
    rf"(?:(?:SHCH|Shch|CH|SH|ZH|KH|TS|YU|YA|YE|YO|[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐЎ][a-zа-яёіїєґў]?)\.{_GAP})+(?:[A-ZА-ЯЁІЇЄҐЎ]\s)?"
)
#: Initials that close a family-first name, reversed: a last initial without its period ("Pigni M",
#: "Chebeskov A.N", "Ivanov II", "Martynov MYu", "Khomiakov IuS", "Corke S-J"), then initials with theirs
#: ("Yu." reversed is ".uY").
_TRAILING_INITIALS_REVERSED = re.compile(
    rf"(?:(?:uY|aY|eY|oY|hZ|hK|hC|hS|sT|uI|aI|uE|[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐЎ](?:-[A-Z](?=\s))?){{1,3}}+(?=[\s.\-]){_GAP})?"
    rf"(?:\.(?:HCHS|hchS|HC|HS|HZ|HK|ST|UY|AY|EY|OY|[a-zа-яёіїєґў]?[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐЎ]){_GAP})*"
)


@lru_cache(maxsize=4096)
def person(token_type: str, text: str, role: Role) -> Person:
    """The person a NAME, GIVEN_NAME or FULL_NAME token names, with the given role (a frozen Person, so
    one made once serves every token that prints the same name: lists cite their authors again)."""
    text = " ".join(text.split()).strip(" ,;")
    if token_type == kinds.SAME_AUTHORS:  # "———.": the previous entry's authors, kept as printed
        return Person(family=text.rstrip("."), role=role, literal=True)
    if token_type == kinds.INVERTED_NAME:  # "Giddens, Anthony", "Smith, John Q."
        family, _, given = text.partition(",")
    elif token_type == kinds.FORWARD_NAME:  # "Jane Q. Doe", "Ruth van Dijk"
        family, given = _forward(text)
    elif token_type == kinds.GIVEN_NAME:
        match = _LEADING_INITIALS.match(text)
        split = match.end() if match else 0
        given, family = text[:split], text[split:]
    elif token_type == kinds.FULL_NAME:
        family, _, given = text.partition(" ")
    else:
        match = _TRAILING_INITIALS_REVERSED.match(text[::-1])
        split = len(text) - (match.end() if match else 0)
        family, given = text[:split], text[split:]
    family = family.strip(" ,-")
    if len(family) > 1 and family.isupper():
        family = from_capitals(family)  # ISO 690's "ACHESON, D.": the capitals are the style's, not the name's
    if not family:
        return Person(family=text, role=role)
    return Person(family=family, given=given.strip(" ,"), role=role)


#: Small words that belong to the family name after them: "Ruth van Dijk", "Jean de La Fontaine".
_PARTICLES = frozenset(
    {"van", "von", "der", "den", "de", "du", "da", "di", "del", "della", "dos", "la", "le", "ter", "ten"}
)


def from_capitals(family: str) -> str:
    """ "ACHESON" -> "Acheson", "GOMEZ DEL CAMPO" -> "Gomez del Campo", "SAL’NIKOV" -> "Sal’nikov" (a particle
    inside the name in lower case, no capital after an apostrophe)."""
    words = [_capitalised(word) for word in family.split(" ")]
    return " ".join(
        word.lower() if 0 < at < len(words) - 1 and word.lower() in _PARTICLES else word
        for at, word in enumerate(words)
    )


def _capitalised(word: str) -> str:
    """ "BAZER-BACHI" -> "Bazer-Bachi", "SAL’NIKOV" -> "Sal’nikov": each hyphenated part keeps its first capital,
    and so does the part after an apostrophe that follows one letter ("O’NEILL" -> "O’Neill")."""
    parts = []
    for part in word.split("-"):
        head, mark, tail = part.partition("’") if "’" in part else part.partition("'")
        if mark and len(head) == 1:
            parts.append(head + mark + tail.capitalize())
        else:
            parts.append(head.capitalize() + mark + tail.lower())
    return "-".join(parts)


def _forward(text: str) -> tuple[str, str]:
    """ "Jane Q. Doe" -> ("Doe", "Jane Q."); "Ruth van Dijk" -> ("van Dijk", "Ruth")."""
    words = text.split(" ")
    first = len(words) - 1
    while first > 1 and words[first - 1] in _PARTICLES:
        first -= 1
    return " ".join(words[first:]), " ".join(words[:first])
