"""PDF-like reflows of reference lists: numbered, wrapped at a width, hyphenated, sometimes glued."""

from __future__ import annotations

import random
import re

_SOFT_BREAKABLE = re.compile(r"^[^\W\d_]{8,}[.,:;]?$")


def reflow(  # noqa: PLR0913, PLR0917 - one knob per property of a PDF extraction
    entries: list[str],
    width: int,
    numbering: str,
    hyphenate: bool,
    glue: frozenset[int] = frozenset(),
    rng: random.Random | None = None,
) -> str:
    """Lay the entries out as a PDF extraction would. ``glue`` holds indexes of entries that
    continue on the line of the entry before them."""
    rng = rng or random.Random(0)
    lines: list[str] = []
    for index, entry in enumerate(entries, start=1):
        label = numbering.format(n=index)
        words = [label, *entry.split()]
        current = lines.pop() if (index - 1) in glue and lines else ""
        for word in words:
            candidate = f"{current} {word}" if current else word
            # A source word ending in "-" before a space ("Sodium- cooled") is never left at a line
            # end: there it cannot be told from a compound broken at its hyphen, by anyone.
            if len(candidate) <= width or not current or current.endswith("-"):
                current = candidate
                continue
            room = width - len(current) - 1
            if hyphenate and _SOFT_BREAKABLE.match(word) and room >= 4 and rng.random() < 0.7:
                cut = rng.randint(3, min(room - 1, len(word) - 4))
                lines.append(f"{current} {word[:cut]}-")
                current = word[cut:]
            elif hyphenate and "-" in word[1:-1] and room >= 3 and word.index("-") < room and rng.random() < 0.5:
                cut = word.index("-") + 1
                lines.append(f"{current} {word[:cut]}")
                current = word[cut:]
            else:
                lines.append(current)
                current = word
        lines.append(current)
    return "\n".join(lines) + "\n"
