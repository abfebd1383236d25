"""Word knowledge: how common a word is, from wordfreq when installed (``translit-refs[words]``).

Without wordfreq every frequency is 0.0 and callers fall back to evidence from the document.
"""

from __future__ import annotations

import importlib
import importlib.util
from functools import lru_cache


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
