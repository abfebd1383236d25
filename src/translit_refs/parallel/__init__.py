"""Parallel lists: an article's Cyrillic list paired with its transliteration (``docs/parallel.md``)."""

from __future__ import annotations

from .align import MIN_SCORE, Pair, align
from .enrich import detect_pair_scheme, enriched, parse_parallel

__all__ = ["MIN_SCORE", "Pair", "align", "detect_pair_scheme", "enriched", "parse_parallel"]
