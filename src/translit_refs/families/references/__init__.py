"""The "References" family: the transliterated lists of Russian journals indexed in Scopus and WoS.

    Family I.I., Family I.I. Title [Translation]. Journal, 2010, vol. 240, no. 3, pp. 100–110. DOI: … (In Russ.)
    Family I.I. Title [Translation]. Moscow, Energoatomizdat Publ., 1985. 384 p.
    Title. Available at: URL (accessed 12.05.2019).

Signs: lowercase locators after a comma ("2010, vol. 240, no. 3, pp."), the year after the
journal or the publisher, "Publ." after the publisher, "(in Russian)" / "(In Russ.)", "Available
at:" and "(accessed …)". Its rules: "Publ." is the style's mark, and the sentence before the year
is the publisher or the journal.
"""

from __future__ import annotations

from types import MappingProxyType

from lark import Token

from ...lexicon import kinds, starts_with
from ...models import StyleFamily
from ...parsing.grammar import Skeleton
from ..base import Family, Rules
from .formatter import format_references

#: The journal's locators the style writes in lower case: "vol. 240", "v. 108", "no. 3", "iss. 1", "pp. 100–110".
_LOCATORS = frozenset({kinds.VOLUME, kinds.ISSUE, kinds.PAGES, kinds.ARTICLE_NO})


class References(Family):
    """The References family: "Publ." is the style's mark, and the sentence before the year is the
    publisher or the journal; it prints the References style."""

    name = StyleFamily.REFERENCES
    #: "Energoatomizdat Publ.": the "Publ." is the style's mark; "Title. Kuchkovo pole, 2008. 448 p.": the
    #: sentence before the year is the publisher (or the journal).
    rules = Rules(on=frozenset({"strip_publisher_mark", "publisher_before_year"}))
    styles = MappingProxyType({"references": format_references})

    def evidence(self, skeleton: Skeleton, text: str, found: frozenset[str]) -> float:
        """Signs of the References style in one entry."""
        score = 0.0
        elements = skeleton.elements
        if not found.isdisjoint(_LOCATORS) and any(
            e.kind in _LOCATORS and e.token.value[0].islower() for e in elements
        ):
            score += 2.0
            if (skeleton.lead and skeleton.lead[-1].is_year) or any(e.run and e.run[-1].is_year for e in elements):
                score += 1.0  # "Journal, 2010, vol. 240": the year before the locators
        if "Publ." in text:
            score += 2.0
        if kinds.LANG_NOTE in found:
            score += 1.5
        if kinds.URL in found or kinds.ACCESS in found:
            score += sum(1.0 for e in elements if _english_web_words(e.token.value))
        names = skeleton.head.names
        if names and initials_with_periods(names):
            score += 1.0  # "Family I.I." (the Vancouver style's initials have no periods)
        return score


def _english_web_words(marker: str) -> bool:
    """ "Available at:", "(accessed …)": the style's English words for a web source."""
    return starts_with("AVAILABLE_AT", marker) or (
        marker.startswith("(") and starts_with("ENGLISH_ACCESS_WORD", marker[1:])
    )


def initials_with_periods(names: tuple[Token, ...]) -> bool:
    """Every "Family I.I." name of the head has periods and no comma (and there is one)."""
    seen = False
    for name in names:
        if name.type == kinds.NAME:
            if "." not in name.value or "," in name.value:
                return False
            seen = True
    return seen
