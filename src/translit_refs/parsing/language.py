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
    NOT_UKRAINIAN_LETTERS,
    OTHER_ENDINGS,
    OTHER_FUNCTION_WORDS,
    OTHER_LETTERS,
    TRANSLIT_ENDINGS,
    TRANSLIT_FUNCTION_WORDS,
    UKRAINIAN_LETTERS,
    UKRAINIAN_ONLY_LETTERS,
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
    tokens = title.split()
    free = not _LANGUAGES_OF.keys().isdisjoint(map(str.lower, tokens)) or "’" in title or "'" in title
    if not free and not _other_endings(title):
        return None  # (no function word standing free: the common case, settled cheaply)
    counts: dict[str, int] | None = None
    english = 0
    first = True
    for token in tokens:
        word = token.strip(_EDGES)
        if not word or not word[0].isalpha():
            continue  # ("———." before a title, a number)
        # (a function word is printed in lowercase but at the title's start: "Los Alamos", "LA-12625" are names;
        # an elided article is read whatever follows it: "l'Etat", "d’Assise")
        elided = word[1:2] in _ELISION
        if not (first or word.islower() or (elided and word[0].islower())):
            continue
        first = False
        word = word.lower()
        languages = _LANGUAGES_OF.get(word[:2] if elided else word)
        if languages:
            counts = counts or dict.fromkeys(OTHER_FUNCTION_WORDS, 0)
            for language in languages:
                counts[language] += 1
        elif word in ENGLISH_FUNCTION_WORDS:
            english += 1
    endings = _other_endings(title)
    if counts is None and not endings:
        return None
    counts = counts or dict.fromkeys(OTHER_FUNCTION_WORDS, 0)
    for language, count in endings.items():
        counts[language] += count
    for language, letters in OTHER_LETTERS.items():
        counts[language] += any(letter in title for letter in letters)
    ranked = sorted(counts.items(), key=lambda item: item[1], reverse=True)
    (best, most), (_, second) = ranked[0], ranked[1]
    return best if most >= _FEWEST_OTHER_WORDS and most > second and most > english else None


def _other_endings(title: str) -> dict[str, int]:
    """How many of the words end as only one language's words do, by language (none: an empty dict)."""
    found: dict[str, int] = {}
    lowered = title.lower()
    # (the common case settled by substring tests of what every ending holds, written out: faster than a pattern
    # or a generator)
    stems = "ung" in lowered or "keit" in lowered or "heit" in lowered or "schaft" in lowered
    if not (stems or "isch" in lowered or "lich" in lowered):
        return found
    for language, ending in _ENDING_PATTERNS.items():
        count = len(ending.findall(title))
        if count:
            found[language] = count
    return found


#: Each language's word endings as one pattern (a word's end: a letter does not follow).
_ENDING_PATTERNS = {
    language: re.compile(rf"(?:{'|'.join(endings)})(?![^\W\d_])", re.IGNORECASE)
    for language, endings in OTHER_ENDINGS.items()
}


#: Punctuation around a title's word ("(Microtus", "sociale»,"); an apostrophe stays ("l’«").
_EDGES = '.,:;!?()[]«»"“”„'
#: The apostrophe of an elided article ("l’", "d'").
_ELISION = ("’", "'")
#: Each function word's languages (``OTHER_FUNCTION_WORDS`` turned around: one lookup a word).
_LANGUAGES_OF: dict[str, tuple[str, ...]] = {
    word: tuple(language for language, listed in OTHER_FUNCTION_WORDS.items() if word in listed)
    for word in frozenset().union(*OTHER_FUNCTION_WORDS.values())
}
_FEWEST_OTHER_WORDS = 2


def cyrillic_language(text: str) -> str:
    """The language of a Cyrillic text by the letters only some alphabets have: "be" with "ў" (or "і" beside "ы"
    or "э"), "uk" with "і", "ї", "є" or "ґ", else "ru"."""
    if BELARUSIAN_LETTERS.search(text):
        return "be"
    if UKRAINIAN_LETTERS.search(text):
        # ("і" with "ы" or "э", and none of Ukrainian's own letters: Belarusian, "Гісторыя Беларусі")
        belarusian = NOT_UKRAINIAN_LETTERS.search(text) and not UKRAINIAN_ONLY_LETTERS.search(text)
        return "be" if belarusian else "uk"
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
