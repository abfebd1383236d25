"""Word knowledge: how common a word is (wordfreq) and whether Russian knows it (pymorphy3's
OpenCorpora dictionary), when installed (``translit-refs[words]``).

Without them every frequency is 0.0, no word is known, and callers fall back to evidence from
the document and to spelling.
"""

from __future__ import annotations

import importlib
import importlib.util
from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def has_word_frequencies() -> bool:
    """True when the wordfreq package is installed."""
    return importlib.util.find_spec("wordfreq") is not None


@lru_cache(maxsize=65536)
def zipf(word: str, language: str = "en") -> float:
    """wordfreq's Zipf frequency (0 = unknown, 3 = once per million words, 7 = "the")."""
    if not has_word_frequencies():
        return 0.0
    frequency: float = importlib.import_module("wordfreq").zipf_frequency(word, language)
    return frequency


@lru_cache(maxsize=1)
def _russian_dictionary() -> Any:
    """pymorphy3's analyser over the OpenCorpora dictionary (about 5 million word forms), or None."""
    if importlib.util.find_spec("pymorphy3") is None:
        return None
    return importlib.import_module("pymorphy3").MorphAnalyzer()


def has_russian_dictionary() -> bool:
    """True when pymorphy3 and its Russian dictionary are installed."""
    return _russian_dictionary() is not None


@lru_cache(maxsize=262144)
def russian_word_known(word: str) -> bool:
    """True when the Russian dictionary holds this lowercase word form ("жидкометаллические",
    "патрубку"), False for fragments and unknown words ("ного") or without the dictionary."""
    dictionary = _russian_dictionary()
    return dictionary is not None and bool(dictionary.word_is_known(word))
