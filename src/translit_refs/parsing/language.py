"""Is a Latin title transliterated Russian or English? A cheap test for the parse path.

Function words ("the", "of" against "v", "dlya", "pri") and transliterated word endings
("-ogo", "-nyh", "-iya") decide; no word list is loaded.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicons import ENGLISH_FUNCTION_WORDS, TRANSLIT_ENDINGS, TRANSLIT_FUNCTION_WORDS

_WORDS = re.compile(r"[a-z’']+")
_TRANSLIT_LETTERS = re.compile(r"zh|kh|shch|yu|ya|ii|yi")
_ENGLISH_ENDINGS = ("th", "wh", "ck", "tion", "ing", "ness", "ment")
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
    """Counts of Russian-transliteration and English signs in the title's words: function words
    ("the", "of" against "v", "dlya"), endings ("-tion", "-ing" against "-ogo", "-nykh") and letter
    groups ("th", "wh" against "zh", "kh", "shch", "’")."""
    russian = english = 0
    for word in _WORDS.findall(title.lower()):
        signs = _signs(word)
        russian += signs[0]
        english += signs[1]
    return russian, english


@lru_cache(maxsize=65536)
def _signs(word: str) -> tuple[int, int]:
    """The Russian and English signs of one lowercase word (words recur from title to title)."""
    russian = english = 0
    if word in ENGLISH_FUNCTION_WORDS:
        english += 1
    elif word in TRANSLIT_FUNCTION_WORDS:
        russian += 1
    if len(word) > 4 and word.endswith(TRANSLIT_ENDINGS):
        russian += 1
    if "’" in word or "'" in word or _TRANSLIT_LETTERS.search(word):
        russian += 1
    if word.endswith(_ENGLISH_ENDINGS) or word.startswith(("th", "wh")):
        english += 1
    return russian, english
