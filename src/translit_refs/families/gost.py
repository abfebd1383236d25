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

import re

from ..models import StyleFamily
from ..parsing.grammar import Skeleton
from .base import Family

_AREA = re.compile(r"[.,]\s?[–—]\s?\S")
_CYRILLIC_MARKER = re.compile(r"(?:^|\s)(?:Т\.|С\.|№|Вып\.|М\.:|СПб\.:)\s?|\d\s?с\.|дата обращения|Электронный ресурс")


def evidence(skeleton: Skeleton, text: str) -> float:
    """Signs of the GOST style in one entry."""
    score = 0.0
    if any(e.kind == "IN" and e.token.value.startswith("/") for e in skeleton.elements):
        score += 3.0
    score += min(3.0, 1.0 * len(_AREA.findall(text)))
    if any(e.kind == "RESPONSIBILITY" and e.token.value.strip() == "/" for e in skeleton.elements):
        score += 1.0
    score += min(3.0, 1.0 * len(_CYRILLIC_MARKER.findall(text)))
    return score


GOST = Family(StyleFamily.GOST, evidence)
