"""A reference cut into tokens at white space, each with its character offsets.

AnyStyle's labelled references put every segment boundary at a space, so a token never straddles
two fields; the punctuation stays on its token ("(2011).") and is read by the features.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(r"\S+")


@dataclass(frozen=True)
class Token:
    """One token: its text and its span ``[start, end)`` in the reference."""

    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """The tokens of ``text``: its runs of non-space characters, in order, with their offsets."""
    return [Token(found.group(), found.start(), found.end()) for found in _TOKEN.finditer(text)]
