"""Is a Latin title transliterated Russian or English? A cheap test for the parse path.

Function words ("the", "of" against "v", "dlya", "pri") and transliterated word endings
("-ogo", "-nyh", "-iya") decide; no word list is loaded.
"""

from __future__ import annotations

import re

from ..lexicons import ENGLISH_FUNCTION_WORDS, TRANSLIT_ENDINGS, TRANSLIT_FUNCTION_WORDS

_WORDS = re.compile(r"[A-Za-z’']+")
_CYRILLIC = re.compile(r"[Ѐ-ӿ]")


def title_language(title: str, translated: bool) -> str | None:
    """The language a title is printed in: "ru" for Cyrillic or transliterated Russian (a bracketed
    translation after it says so unless it reads as English), "en" for English, else None."""
    if not title:
        return None
    if _CYRILLIC.search(title):
        return "ru"
    if translated:
        return "en" if looks_english(title) else "ru"
    russian, english = evidence(title)
    if russian > english:
        return "ru"
    if english > russian:
        return "en"
    return None


def looks_transliterated(title: str) -> bool:
    """True when the title reads as transliterated Russian rather than English."""
    russian, english = evidence(title)
    return russian > english


def looks_english(title: str) -> bool:
    """True when the title reads as English rather than transliterated Russian."""
    russian, english = evidence(title)
    return english > russian


def evidence(title: str) -> tuple[int, int]:
    """Counts of Russian-transliteration and English signs in the title's words."""
    words = [w.lower() for w in _WORDS.findall(title)]
    english = sum(1 for w in words if w in ENGLISH_FUNCTION_WORDS)
    russian = sum(1 for w in words if w in TRANSLIT_FUNCTION_WORDS)
    russian += sum(1 for w in words if len(w) > 4 and w.endswith(TRANSLIT_ENDINGS))
    russian += sum(1 for w in words if "’" in w or "'" in w or re.search(r"(?:zh|kh|shch|yu|ya|ii|yi)", w))
    english += sum(1 for w in words if re.search(r"(?:th|wh|ck|tion|ing|ness|ment)$|^(?:th|wh)", w))
    return russian, english
