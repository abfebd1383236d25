"""How Russian a spelling looks: a letter-trigram model of Russian words, for words no list knows.

A reverse transliteration of an unknown word ("svinecsoderzhashchim", "Shchepetina") has many
spellings that map back to it; "свинецсодержащим" reads as Russian, "свинецсодерзхасхчим" does
not. The model is trained once, lazily, on wordfreq's 100,000 most common Russian words
(``translit-refs[words]``); without wordfreq every spelling scores the same.
"""

from __future__ import annotations

import importlib
import math
import re
from collections import Counter
from functools import lru_cache

from .words import has_word_frequencies

#: Words the model learns from (wordfreq's most common Russian words).
TRAINING_WORDS = 100_000
_RUSSIAN_WORD = re.compile(r"[а-яё]+")


@lru_cache(maxsize=1)
def _model() -> tuple[Counter[str], Counter[str], int]:
    """Counts of letter trigrams and of their two-letter contexts, over words framed by "^" and "$"."""
    trigrams: Counter[str] = Counter()
    contexts: Counter[str] = Counter()
    if has_word_frequencies():
        words = importlib.import_module("wordfreq").top_n_list("ru", TRAINING_WORDS)
        for word in words:
            if not _RUSSIAN_WORD.fullmatch(word):
                continue
            framed = f"^^{word.replace('ё', 'е')}$"
            for index in range(len(framed) - 2):
                trigrams[framed[index : index + 3]] += 1
                contexts[framed[index : index + 2]] += 1
    return trigrams, contexts, 34


@lru_cache(maxsize=65536)
def russian_likeness(word: str) -> float:
    """Mean log-probability per letter of a lowercase Cyrillic word (about -2 for Russian words,
    -5 and below for impossible letter runs such as "схч"); 0.0 without a model."""
    trigrams, contexts, alphabet = _model()
    if not trigrams:
        return 0.0
    framed = f"^^{word.replace('ё', 'е')}$"
    total = 0.0
    for index in range(len(framed) - 2):
        trigram = framed[index : index + 3]
        total += math.log((trigrams[trigram] + 0.1) / (contexts[trigram[:2]] + 0.1 * alphabet))
    return total / (len(framed) - 2)
