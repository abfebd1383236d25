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

import re

from ..models import StyleFamily
from ..parsing.grammar import Skeleton
from .base import Family, kinds

_LOCATOR_AFTER_YEAR = re.compile(r"\b\d{4},\s(?:vol|v|no|iss|pp?)\.?\s?\d")
_PUBL = re.compile(r"\bPubl\.,?\s\d{4}")
_NAME_WITHOUT_COMMA = re.compile(r"^[^\W\d_]+(?:[-’'][^\W\d_]+)*\s[A-ZА-ЯЁ]")


def evidence(skeleton: Skeleton, text: str) -> float:
    """Signs of the References style in one entry."""
    score = 0.0
    if _LOCATOR_AFTER_YEAR.search(text):
        score += 3.0
    if _PUBL.search(text):
        score += 2.0
    found = kinds(skeleton)
    if "LANG_NOTE" in found:
        score += 1.5
    if any(e.kind == "URL" and e.token.value.lower().startswith("available") for e in skeleton.elements):
        score += 1.0
    if any(e.kind == "ACCESS" and "accessed" in e.token.value for e in skeleton.elements):
        score += 1.0
    names = [n.value for n in skeleton.head.names if n.type == "NAME"]
    if names and all(_NAME_WITHOUT_COMMA.match(n) for n in names):
        score += 1.0
    return score


REFERENCES = Family(StyleFamily.REFERENCES, evidence, publisher_mark_is_style=True, year_follows_imprint=True)
