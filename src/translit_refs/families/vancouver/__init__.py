"""The Vancouver family: English entries printed in the medical journals' style.

    Ivanov II, Petrov PP. Title. Journal. 2010;240(3):100-10.

Signs: initials without periods after the family name, and the "year;volume(issue):pages" locator.
"""

from __future__ import annotations

import re
from types import MappingProxyType

from lark import Token

from ...lexicon import kinds
from ...models import StyleFamily
from ...parsing.grammar import Skeleton
from ..base import Family, Rules
from .formatter import format_vancouver

_BARE_INITIALS = re.compile(r"\s(?:Yu|Ya|Ye|Yo|Zh|Kh|Ch|Sh|Ts|[A-Z]){1,3}+$")


class Vancouver(Family):
    """The Vancouver family; it prints the Vancouver style."""

    name = StyleFamily.VANCOUVER
    #: "Moscow: Intermedika; 2002.", "Ministry of Health; 2021.": the sentence before the year is the publisher;
    #: "N Engl J Med. 2007;…", "van Gijn J. Title": the period after the journal or the last initial separates.
    #: "Obninsk: IPPE; 2015": the sentence before the year is the publisher; "N Engl J Med. 2007;357(6)",
    #: "van Gijn J. Title": the period after an abbreviated journal or the last initial separates.
    rules = Rules(on=frozenset({"publisher_before_year", "journal_period_separates", "initial_period_separates"}))
    styles = MappingProxyType({"vancouver": format_vancouver})

    def evidence(self, skeleton: Skeleton, text: str, found: frozenset[str]) -> float:
        """Signs of the Vancouver style in one entry."""
        del text
        score = 0.0
        if kinds.VANCOUVER_LOCATOR in found:
            score += 3.0
        if skeleton.head.names and _bare_initials(skeleton.head.names):
            score += 2.0
        return score


def _bare_initials(names: tuple[Token, ...]) -> bool:
    """Every "Family II" name of the head has initials without periods (and there is one)."""
    seen = False
    for name in names:
        if name.type == kinds.NAME:
            if not _BARE_INITIALS.search(name.value):
                return False
            seen = True
    return seen
