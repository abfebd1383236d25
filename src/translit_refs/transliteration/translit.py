"""Reverse transliteration: Cyrillic spellings a Latin-transliterated Russian word may stand for.

The rules cover the schemes seen in reference lists (simplified BSI: "Koreiskoi", "vozhdei";
BGN/PCGN: "Sovetskiy", "Yadernyy"; the elibrary/translit.ru style: "tehnologii", "organizacii",
"jenergetiki"). Candidates are pruned by Russian orthography (й only after a vowel, ь/ъ only
after a consonant) and ranked by word frequency (wordfreq, when installed). Readings that no standard scheme
produces ("y" for и, "c" for к, a dropped soft sign) are kept for sloppy sources but carry a
penalty (``LENIENT``), so a scheme's own reading wins over a more frequent sloppy one.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .words import russian_word_known, zipf

#: Latin letter groups and the Cyrillic they may stand for, longest groups first.
REVERSE_RULES: dict[str, tuple[str, ...]] = {
    "shch": ("щ",),
    "shh": ("щ",),
    "sch": ("щ", "сч"),
    "e’": ("э",),  # GOST 7.79 system B: e` (printed e’ or e')
    "y’": ("ы",),
    "zh": ("ж",),
    "kh": ("х",),
    "ts": ("ц", "тс"),
    "tc": ("ц",),
    "ch": ("ч",),
    "sh": ("ш",),
    "yu": ("ю",),
    "iu": ("ю",),
    "ju": ("ю",),
    "ya": ("я",),
    "ia": ("я", "ия"),
    "ja": ("я",),
    "yo": ("ё",),
    "jo": ("ё",),
    "ye": ("е", "ье"),
    "je": ("э", "е"),
    "a": ("а",),
    "b": ("б",),
    "v": ("в",),
    "w": ("в",),
    "g": ("г",),
    "d": ("д",),
    "e": ("е", "э"),
    "z": ("з",),
    "i": ("и", "й"),
    "y": ("ы", "й", "и"),
    "j": ("й",),
    "k": ("к",),
    "q": ("к",),
    "l": ("л", "ль"),
    "m": ("м",),
    "n": ("н",),
    "o": ("о",),
    "p": ("п",),
    "r": ("р",),
    "s": ("с",),
    "t": ("т",),
    "u": ("у",),
    "f": ("ф",),
    "h": ("х",),
    "c": ("ц", "к"),
    "x": ("кс", "х"),
    "’": ("ь", "ъ"),
}
#: Readings no standard scheme writes, with their penalty in Zipf units: a source's slip
#: ("Berkovsky", "reactor", "vysokopotentsialnoy") or a foreign letter ("w", "q", "x").
LENIENT: dict[tuple[str, str], float] = {
    ("y", "и"): 1.0,
    ("c", "к"): 0.5,
    ("q", "к"): 0.5,
    ("w", "в"): 0.3,
    ("x", "кс"): 0.5,
    ("l", "ль"): 0.7,
    ("ia", "ия"): 0.7,
    ("je", "е"): 0.5,
    ("sch", "сч"): 0.3,
}
#: Letter pairs Russian almost never writes, with their penalty (шч: "веснушчатый" only).
RARE_PAIRS: dict[str, float] = {"шч": 1.5, "тс": 0.2}
#: Marks printed for a soft sign (and GOST 7.79's e`), read as ’.
APOSTROPHES = str.maketrans({"'": "’", "ʹ": "’", "`": "’"})
_GROUPS = sorted(REVERSE_RULES, key=len, reverse=True)
_VOWELS = set("аеёиоуыэюя")
_SOFT_SIGNS = set("ьъ")
_LATIN_WORD = re.compile(r"[a-z’']+")
MAX_CANDIDATES = 2048
#: Letters of the longest transliterated word read (Russian's longest words have about 35 letters);
#: a longer token is no word, and reading it would cost time that grows with its square.
LONGEST_WORD = 40


def cyrillic_candidates(word: str) -> list[str]:
    """Orthographically possible Cyrillic spellings of a transliterated word (lower case)."""
    return [candidate for candidate, _ in _candidates(latin_key(word))]


def penalised_candidates(word: str) -> tuple[tuple[str, float], ...]:
    """The candidates of a lowercase word with their penalties (lenient readings, rare letter pairs)."""
    return _candidates(latin_key(word))


@lru_cache(maxsize=16384)
def _candidates(word: str) -> tuple[tuple[str, float], ...]:
    """Every segmentation of the word into letter groups ("nye" is n-y-e and n-ye), each group
    replaced by each of its Cyrillic readings, keeping orthographically possible spellings with
    the least penalty any segmentation gives them."""
    if len(word) > LONGEST_WORD or not _LATIN_WORD.fullmatch(word):
        return ()
    states: dict[int, list[tuple[str, float]]] = {0: [("", 0.0)]}
    for position in range(len(word)):
        prefixes = states.pop(position, [])
        for group in _GROUPS:
            if not word.startswith(group, position):
                continue
            target = states.setdefault(position + len(group), [])
            for prefix, penalty in prefixes:
                for letters in REVERSE_RULES[group]:
                    candidate = prefix + letters
                    if len(target) < MAX_CANDIDATES and _possible(candidate, len(prefix)):
                        target.append((candidate, penalty + LENIENT.get((group, letters), 0.0)))
    best: dict[str, float] = {}
    for candidate, reading_penalty in states.get(len(word), []):
        penalty = reading_penalty + sum(weight for pair, weight in RARE_PAIRS.items() if pair in candidate)
        best[candidate] = min(penalty, best.get(candidate, penalty))
    return tuple(best.items())


def _possible(candidate: str, start: int) -> bool:
    """Russian orthography at the letters just added: й after a vowel, ь/ъ after a consonant."""
    for index in range(max(start, 0), len(candidate)):
        letter = candidate[index]
        previous = candidate[index - 1] if index else ""
        if letter == "й" and previous not in _VOWELS:
            return False
        if letter in _SOFT_SIGNS and (not previous or previous in _VOWELS or previous in _SOFT_SIGNS):
            return False
        if letter == "ы" and (not previous or previous in _VOWELS):
            return False
    return True


def russian_frequency(word: str) -> float:
    """The highest Zipf frequency in Russian of the word's Cyrillic candidates (0 when none is known)."""
    return max((zipf(candidate, "ru") for candidate, _ in _candidates(latin_key(word))), default=0.0)


@lru_cache(maxsize=16384)
def russian_known(word: str) -> bool:
    """True when a Cyrillic reading of the word is a form the Russian dictionary holds (pymorphy3);
    a hyphenated word is read part by part ("fiziko-tekhnicheskie": физико-технические)."""
    if "-" not in word:
        return any(russian_word_known(candidate) for candidate, _ in _candidates(latin_key(word)))
    readings = [""]
    for part in word.split("-"):
        likely = sorted(_candidates(latin_key(part)), key=lambda pair: (pair[1], -zipf(pair[0], "ru")))[:16]
        readings = [f"{reading}-{c}" if reading else c for reading in readings for c, _ in likely][:256]
    return any(russian_word_known(reading) for reading in readings)


def latin_key(word: str) -> str:
    """The word in lower case with its apostrophes (soft signs, GOST's e`) unified to ’."""
    return word.lower().translate(APOSTROPHES)
