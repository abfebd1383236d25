"""Length-preserving clean-up of a reference before parsing, reported as diagnostics.

Every repair replaces one character by one character, so offsets into the normalised
text are offsets into the raw text (after Unicode NFC).
"""

from __future__ import annotations

import re
import unicodedata

from .lexicons import HOMOGLYPHS
from .models import Diagnostic, Severity

_WORD = re.compile(r"[^\W\d_]+")
_LATIN = re.compile(r"[A-Za-zÀ-ɏ]")
_CYRILLIC = re.compile(r"[Ѐ-ӿ]")
_SPACED_DATE = re.compile(r"\b\d{1,2}\.\s?\d{1,2}\.\s+\d{4}\b|\b\d{1,2}\.\s+\d{1,2}\.\s?\d{4}\b")
_SPACES = {"\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\t": " "}
_INVISIBLE = {"\u00ad": " ", "\u200b": " ", "\ufeff": " "}


def normalize(text: str) -> tuple[str, tuple[Diagnostic, ...]]:
    """Return the text with look-alike letters, odd spaces and the non-breaking hyphen repaired."""
    text = unicodedata.normalize("NFC", text)
    chars = list(text)
    diagnostics: list[Diagnostic] = []
    for index, char in enumerate(chars):
        if char in _SPACES or char in _INVISIBLE:
            chars[index] = " "
        elif char == "\u2011":
            chars[index] = "-"
            diagnostics.append(_note("non-breaking-hyphen", "non-breaking hyphen read as '-'", index))
        elif char in "\x00\r\n\v\f" or unicodedata.category(char) == "Cc":
            chars[index] = " "
            diagnostics.append(_note("control-character", f"control character {char!r} read as a space", index))
    latin_letters = len(_LATIN.findall(text))
    cyrillic_letters = len(_CYRILLIC.findall(text))
    mostly_latin = latin_letters > 4 * cyrillic_letters
    for word in _WORD.finditer(text):
        letters = word.group()
        cyrillic = [i for i, c in enumerate(letters) if _CYRILLIC.match(c)]
        if not cyrillic or not all(letters[i] in HOMOGLYPHS for i in cyrillic):
            continue
        mixed = len(cyrillic) < len(letters) and _LATIN.search(letters) is not None
        if mixed or (mostly_latin and len(letters) <= 2):
            for i in cyrillic:
                position = word.start() + i
                chars[position] = HOMOGLYPHS[letters[i]]
                diagnostics.append(
                    _note(
                        "homoglyph",
                        f"Cyrillic {letters[i]!r} in a Latin word read as Latin {HOMOGLYPHS[letters[i]]!r}",
                        position,
                    )
                )
    normalised = "".join(chars)
    diagnostics.extend(
        _note("date-space", f"stray space in the date {m.group()!r} ignored", m.start())
        for m in _SPACED_DATE.finditer(normalised)
    )
    diagnostics.extend(_unbalanced_brackets(normalised))
    return normalised, tuple(diagnostics)


def _unbalanced_brackets(text: str) -> list[Diagnostic]:
    """A warning for each "(" or "[" left open and each ")" or "]" closing nothing."""
    found: list[Diagnostic] = []
    for opening, closing in (("(", ")"), ("[", "]")):
        open_positions: list[int] = []
        for position, char in enumerate(text):
            if char == opening:
                open_positions.append(position)
            elif char == closing and open_positions:
                open_positions.pop()
            elif char == closing:
                found.append(_unbalanced(f"{closing!r} closes nothing", position))
        found.extend(_unbalanced(f"{opening!r} is never closed", p) for p in open_positions[:1])
    return found[:5]


def _unbalanced(message: str, position: int) -> Diagnostic:
    return Diagnostic(
        code="unbalanced-bracket", message=message, severity=Severity.WARNING, start=position, end=position + 1
    )


def _note(code: str, message: str, position: int) -> Diagnostic:
    return Diagnostic(code=code, message=message, severity=Severity.INFO, start=position, end=position + 1)
