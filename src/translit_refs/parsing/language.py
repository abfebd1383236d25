"""Is a Latin title transliterated Russian or English? A cheap test for the parse path.

Function words ("the", "of" against "v", "dlya", "pri") and transliterated word endings
("-ogo", "-nyh", "-iya") decide; no word list is loaded.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon.words import (
    BELARUSIAN_LETTERS,
    CYRILLIC_LETTER,
    ENGLISH_FUNCTION_WORDS,
    TRANSLIT_ENDINGS,
    TRANSLIT_FUNCTION_WORDS,
    UKRAINIAN_LETTERS,
)

_WORDS = re.compile(r"[a-z’']+")
_TRANSLIT_LETTERS = re.compile(r"zh|kh|shch|yu|ya|ii|yi")
_ENGLISH_ENDINGS = ("th", "wh", "ck", "tion", "ing", "ness", "ment")


def title_language(title: str, translated: bool) -> str | None:
    """The language a title is printed in: "ru" for Cyrillic or transliterated Russian (a bracketed
    translation after it says so unless it reads as English), "en" for English, else None."""
    if not title:
        return None
    if CYRILLIC_LETTER.search(title):
        return cyrillic_language(title)
    if translated:
        return "en" if looks_english(title) else "ru"
    balance = russian_balance(title)
    if balance > 0:
        return "ru"
    if balance < 0:
        return "en"
    return None


def cyrillic_language(text: str) -> str:
    """The language of a Cyrillic text by the letters only some alphabets have: "be" with "ў", "uk" with
    "і", "ї", "є" or "ґ", else "ru"."""
    if BELARUSIAN_LETTERS.search(text):
        return "be"
    if UKRAINIAN_LETTERS.search(text):
        return "uk"
    return "ru"


def looks_transliterated(title: str) -> bool:
    """True when the title reads as transliterated Russian rather than English."""
    return russian_balance(title) > 0


def looks_english(title: str) -> bool:
    """True when the title reads as English rather than transliterated Russian."""
    return russian_balance(title) < 0


def russian_balance(title: str) -> int:
    """Signs of Russian transliteration in the title's words less signs of English: function words
    ("the", "of" against "v", "dlya"), endings ("-tion", "-ing" against "-ogo", "-nykh") and letter
    groups ("th", "wh" against "zh", "kh", "shch", "’")."""
    return sum(map(_word_balance, _WORDS.findall(title.lower())))


@lru_cache(maxsize=65536)
def _word_balance(word: str) -> int:
    """The Russian signs of one lowercase word less its English ones (words recur from title to title)."""
    balance = 0
    if word in ENGLISH_FUNCTION_WORDS:
        balance -= 1
    elif word in TRANSLIT_FUNCTION_WORDS:
        balance += 1
    if len(word) > 4 and word.endswith(TRANSLIT_ENDINGS):
        balance += 1
    if word.endswith(("’s", "'s")):
        balance -= 1  # an English possessive ("User’s"), not a soft sign
    elif "’" in word or "'" in word or _TRANSLIT_LETTERS.search(word):
        balance += 1
    if word.endswith(_ENGLISH_ENDINGS) or word.startswith(("th", "wh")):
        balance -= 1
    return balance
