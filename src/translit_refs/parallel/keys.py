"""Spelling-blind keys: the same word in Cyrillic and in any Latin transliteration gets one key.

"Кузнецова", "Kuznetsova" (BSI, BGN) and "Kuznecova" (eLibrary) are all ``kznCv``: Cyrillic is
written in Latin letters first, then what the schemes disagree on is folded away (vowels, й/j/y,
soft signs, х = kh = h = x, ц = ts = c = cz, щ = shch = shh = sch = šč). Numbers keep their digits ("#1985").
No scheme has to be known, so two lists can be paired before their scheme is detected.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: One Latin spelling per Cyrillic letter (any scheme would do: the folding below unifies them).
_CYRILLIC_TO_LATIN = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
        "й": "j", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
        "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y",
        "ь": "", "э": "e", "ю": "yu", "я": "ya", "і": "i", "ї": "i", "є": "e", "ґ": "g", "ў": "u",
    }
)  # fmt: skip
#: Letter groups the schemes write differently, folded to one symbol each (longest first).
_FOLDS = re.compile(r"shch|shh|sch|šč|zh|kh|ts|tc|cz|ch|sh|[hcxwqčšž]")
_FOLDED = {
    "shch": "S", "shh": "S", "sch": "S", "šč": "S", "zh": "Z", "ž": "Z", "kh": "H", "h": "H", "x": "H",
    "ts": "C", "tc": "C", "cz": "C", "c": "C", "ch": "4", "č": "4", "sh": "W", "š": "W", "w": "v", "q": "k",
}  # fmt: skip
#: What the schemes spell differently or drop: vowels, й/j/y, soft and hard signs, apostrophes.
_DROPPED = str.maketrans("", "", "aeiouyjёèéë’'`ʹʺʼ”\"")
_WORDS = re.compile(r"[^\W\d_](?:[^\W\d_]|[’'`ʹʺʼ”\"])*|\d+")


@lru_cache(maxsize=65536)
def word_key(word: str) -> str:
    """The key of one word: its consonant skeleton after folding, repeated letters once."""
    if word.isdigit():
        return "#" + word.lstrip("0")
    latin = word.lower().translate(_CYRILLIC_TO_LATIN)
    folded = _FOLDS.sub(lambda match: _FOLDED[match.group()], latin).translate(_DROPPED)
    return re.sub(r"(.)\1+", r"\1", folded)


def text_keys(text: str) -> frozenset[str]:
    """The keys of a text's words and numbers (keys of one letter say too little and are left out)."""
    words = _WORDS.findall(unicodedata.normalize("NFC", text))
    return frozenset(key for key in map(word_key, words) if len(key) >= 2)
