"""What every style family provides: the evidence that an entry is printed in it, and its role rules.

A family is a small layer over the shared grammar and layout (as sqlglot's dialects are over its
parser): it says how strongly an entry's skeleton shows the family, and which of the layout's
choices it makes differently. Each family lives in a module of its own in this package.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..models import StyleFamily
from ..parsing.grammar import Skeleton

#: How strongly one entry shows a family, from its skeleton, its text and its marker kinds: a sum of
#: named signs (see each family's module).
Evidence = Callable[[Skeleton, str, frozenset[str]], float]


@dataclass(frozen=True, slots=True)
class Rules:
    """The layout's choices a family makes its own way (the defaults are every other family's)."""

    #: "Energoatomizdat Publ.": the "Publ." is the style's mark, not part of the publisher's name.
    publisher_mark_is_style: bool = False
    #: "Title. Kuchkovo pole, 2008. 448 p.": the sentence before the year is the publisher (or the journal).
    year_follows_imprint: bool = False
    #: "N Engl J Med. 2007;357(6)", "van Gijn J. Title": the period after an abbreviated journal or after
    #: the last author's initial separates; it is not the name's.
    period_is_separator: bool = False


#: The rules of an entry no family claims.
NEUTRAL = Rules()


@dataclass(frozen=True, slots=True)
class Family:
    """A style family: its name, its evidence, and its layout rules."""

    name: StyleFamily
    evidence: Evidence
    rules: Rules = NEUTRAL


def kinds(skeleton: Skeleton) -> frozenset[str]:
    """The marker kinds of a skeleton."""
    return frozenset(element.kind for element in skeleton.elements)
