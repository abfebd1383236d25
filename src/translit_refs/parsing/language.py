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
    OTHER_FUNCTION_WORDS,
    OTHER_LETTERS,
    TRANSLIT_ENDINGS,
    TRANSLIT_FUNCTION_WORDS,
    UKRAINIAN_LETTERS,
)

_WORDS = re.compile(r"[a-z’']+")
_TRANSLIT_LETTERS = re.compile(r"zh|kh|shch|yu|ya|ii|yi")
_ENGLISH_ENDINGS = ("th", "wh", "ck", "tion", "ing", "ness", "ment")


def title_language(title: str, translated: bool) -> str | None:
    """The language a title is printed in: "ru" for Cyrillic or transliterated Russian (a bracketed
    translation after it says so unless it reads as English), "de", "fr" or "es" by their function words,
    "en" for English, else None."""
    if not title:
        return None
    if CYRILLIC_LETTER.search(title):
        return cyrillic_language(title)
    other = other_latin_language(title)
    if other is not None:
        return other
    if translated:
        return "en" if looks_english(title) else "ru"
    balance = russian_balance(title)
    if balance > 0:
        return "ru"
    if balance < 0:
        return "en"
    return None


def other_latin_language(title: str) -> str | None:
    """ "de", "fr" or "es" when at least two of the title's words are that language's function words (a letter
    only it writes counting as one), more than of any other such language and of English; else None."""
    found = _OTHER_WORDS.findall(title)
    if len(found) < _FEWEST_OTHER_WORDS:
        return None
    # (a function word is printed in lowercase but at the title's start: "Los Alamos", "LA-12625" are names)
    words = [word.lower() for at, word in enumerate(found) if at == 0 or word.islower()]
    english = sum(word in ENGLISH_FUNCTION_WORDS for word in words)
    counts = {
        language: sum(word in listed for word in words) + any(letter in title for letter in OTHER_LETTERS[language])
        for language, listed in OTHER_FUNCTION_WORDS.items()
    }
    best = max(counts, key=counts.__getitem__)
    ranked = sorted(counts.values(), reverse=True)
    if ranked[0] >= _FEWEST_OTHER_WORDS and ranked[0] > ranked[1] and ranked[0] > english:
        return best
    return None


#: Words of a Latin title, hyphenated ones whole ("die-away"), an elided article with its apostrophe ("l’").
_OTHER_WORDS = re.compile(r"[^\W\d_](?:[^\W\d_]|-(?=[^\W\d_]))*+[’']?")
_FEWEST_OTHER_WORDS = 2


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
