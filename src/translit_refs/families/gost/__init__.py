"""The GOST family: GOST 7.0.5-2008 and 7.1-2003, in Cyrillic or transliterated.

    Author I.I. Title / I.I. Author, P.P. Author // Journal. – 2001. – Vol. 3, No. 2. – P. 5–17.
    Author I.I. Title. – M.: Nauka, 1985. – 384 s.
    Белл Д., Глесстон С. Теория ядерных реакторов. – М.: Атомиздат, 1974. – 493 с.
    Title [Электронный ресурс]. – URL: … (дата обращения: 12.05.2019).

Signs: "//" before the container, ". – " between areas, "/" before the statement of
responsibility, Cyrillic markers ("Т.", "№", "С.", "с.", "М.:"), "[Электронный ресурс]" and
"(дата обращения: …)".
"""

from __future__ import annotations

from types import MappingProxyType

from ...lexicon import kinds
from ...lexicon.words import CYRILLIC_LETTER
from ...models import StyleFamily
from ...parsing.grammar import Skeleton
from ..base import Family
from .formatter import format_gost


class Gost(Family):
    """The GOST family: no rules beyond the shared ones (the grammar reads its markers); it prints
    GOST 7.0.5."""

    name = StyleFamily.GOST
    styles = MappingProxyType({"gost": format_gost})

    def evidence(self, skeleton: Skeleton, text: str, found: frozenset[str]) -> float:
        """Signs of the GOST style in one entry (``text`` as printed, with its dashes)."""
        score = 0.0
        elements = skeleton.elements
        if kinds.IN in found and any(e.kind == kinds.IN and e.token.value.startswith("/") for e in elements):
            score += 3.0
        if kinds.RESPONSIBILITY in found and any(
            e.kind == kinds.RESPONSIBILITY and e.token.value.strip() == "/" for e in elements
        ):
            score += 1.0
        areas = text.count(". –") + text.count(". —") + text.count(", –")
        score += min(3.0, float(areas))
        cyrillic = sum(1 for element in elements if _printed_in_cyrillic(element.token.value))
        score += min(3.0, float(cyrillic))
        return score


def _printed_in_cyrillic(marker: str) -> bool:
    """A marker printed in Cyrillic: "Т. 78", "№ 4", "Вып. 6", "С. 396–400", "384 с.", "[Электронный ресурс]"."""
    return "№" in marker or CYRILLIC_LETTER.search(marker) is not None
