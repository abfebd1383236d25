"""The author-date family: the seed list's style and APA.

    Dundukov, M. Yu. (2008). Razvedka v gosudarstvennom mekhanizme SShA [Intelligence …]. Moscow, Kuchkovo pole. 448 p.
    Zubok, V. (1995). Soviet Intelligence and the Cold War. In Diplomatic History. Vol. 12. No. 2, pp. 5–17.
    Petrov, A., & Orlov, B. (2020). Archives and Memory. Quaestio Rossica, 8(2), 455–470.

Signs: the year in parentheses right after the names; "Family, I." with a comma; "In" before a
container; APA's "7(4), 1324–1338".
"""

from __future__ import annotations

from types import MappingProxyType

from ...lexicon import kinds
from ...models import StyleFamily
from ...parsing.grammar import Skeleton
from ..base import Family
from .formatter import format_apa, format_quaestio_rossica


class AuthorDate(Family):
    """The author-date family: the layout's shared rules are its rules; it prints the seed list's
    journal style (its default) and APA."""

    name = StyleFamily.AUTHOR_DATE
    styles = MappingProxyType({"quaestio-rossica": format_quaestio_rossica, "apa": format_apa})

    def evidence(self, skeleton: Skeleton, text: str, found: frozenset[str]) -> float:
        """Signs of the author-date style in one entry."""
        del text
        score = 0.0
        if skeleton.head.date is not None:
            score += 3.0
        if any(", " in name.value for name in skeleton.head.names if name.type == kinds.NAME):
            score += 1.0
        if kinds.APA_LOCATOR in found:
            score += 2.0
        if kinds.IN in found and any(e.kind == kinds.IN and e.token.value.startswith("In") for e in skeleton.elements):
            score += 1.0
        return score
