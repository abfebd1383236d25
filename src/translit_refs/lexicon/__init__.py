"""The one lexicon: every marker word, abbreviation and word list, declared once.

- ``grammars/lexicon.lark``: the marker words and abbreviations ("Vol.", "No.", "pp.", "URL:",
  months, thesis degrees …) as named pieces. The grammar builds its terminals from them, and the
  Python rules read them by name through ``patterns`` (``pattern("VOLUME_WORD")``).
- ``kinds``: the names of the grammar's terminals (and the few kinds the rules derive from them)
  that the rules test for, as constants checked against the compiled grammar.
- ``words``: the word lists the layout rules consult (places, regions, publishers, months'
  numbers, language names' codes …).
"""

from __future__ import annotations

from .patterns import compiled, is_word, language_code, month_numbers, names, pattern, starts_with, words_of

__all__ = [
    "compiled",
    "is_word",
    "language_code",
    "month_numbers",
    "names",
    "pattern",
    "starts_with",
    "words_of",
]
