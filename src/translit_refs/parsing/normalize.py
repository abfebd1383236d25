"""Length-preserving clean-up of a reference before parsing, reported as diagnostics.

Every repair replaces one character by one character, so offsets into the normalised
text are offsets into the raw text (after Unicode NFC).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from ..lexicon import kinds
from ..lexicon.words import CYRILLIC_LETTER, HOMOGLYPHS
from ..models import Diagnostic, Severity
from .grammar import terminal_pattern

#: The grammar's markers that open a GOST area after a spaced dash.
AREA_MARKERS = (kinds.VOLUME, kinds.ISSUE, kinds.PAGES, kinds.PAGE_COUNT, kinds.URL_MARK, kinds.ISBN, kinds.DOI)

#: A word (letters only); the words that hold a Cyrillic letter are checked for look-alikes. (Finding
#: them by a pattern around the Cyrillic letter would try every start of a long Latin word again.)
_WORD = re.compile(r"[^\W\d_]++")
_LATIN = re.compile(r"[A-Za-zÀ-ɏ]")
#: Runs of Cyrillic letters (counted by their lengths: fewer strings made than one per letter).
_CYRILLIC_RUN = re.compile(CYRILLIC_LETTER.pattern + "+")
#: "17.08. 2019", "01.09 .2019": a numeric date with a stray space (it starts with a digit, so the
#: search skips ahead to digits; the space and the number bounds are checked on the few matches).
_SPACED_DATE = re.compile(r"\d{1,2}\.\s?\d{1,2}\.\s?\d{4}")
#: What every reported date holds from its first period on, with its space: looked for first (it opens
#: with a literal the search skips to; a pattern that opens with a repeat is tried at every position).
_SPACED_DATE_TAIL = re.compile(r"\.(?:\s\d{1,2}\.\s?|\d{1,2}\.\s)\d{4}")
_BRACKETS = re.compile(r"[()\[\]]")
#: GOST's area separator ". – " ("Yadernaya Energetika. – 2009. – No. 3", "Т. 47, – № 4", ". –PP. 89"):
#: its dash is punctuation. A dash between numbers ("pp. 233 – 239") is not one.
#: (Each alternative opens with the character it matches, its look-behind after it, so that a search
#: skips to the candidates: the spaces and dashes.)
_AREA_AFTER_PUNCTUATION = (
    r"\s(?<=[.,:]\s)[–—-](?=\s|[^\W\d_]|№)|[–—](?<=[.,][–—])(?=\s|[^\W\d_]|№)|[–—](?<=[.,]\s[–—])(?=\d)"
    # a spaced dash before a year or "Place:" ("Наука – 1985", "Дубковского – Одесса:")
    r"|[–—](?<=[^\d\s]\s[–—])(?=\s\d{4}(?!\d)(?!\s[a-z]))|[–—](?<=[^\d\s]\s[–—])(?=\s[A-ZА-ЯЁ][^\W\d_]+\.?\s?:\s)"
    # after a number, before the year that ends the reference ("report LA UR-02-1839 – 2002."), not in pages
    r"|[–—](?<=\d\s[–—])(?=\s\d{4}\.?\s*$)"
)


@lru_cache(maxsize=1)
def _pages_before() -> re.Pattern[str]:
    """The start of a page range just before a dash ("pp. 1995 – 2005")."""
    return re.compile(rf"(?:{terminal_pattern('PAGES')})\s$")


@lru_cache(maxsize=1)
def _area_separator() -> re.Pattern[str]:
    """GOST's area dashes; a spaced dash also before an area's marker ("2013 – Т. 56 – №.11/2 – С. 59"),
    the markers being the grammar's own terminals."""
    markers = "|".join(terminal_pattern(name) for name in AREA_MARKERS)
    return re.compile(rf"{_AREA_AFTER_PUNCTUATION}|[–—](?<=\S\s[–—])(?=\s(?:{markers}))")


#: Whether a text may hold an area dash: a dash after ".", "," or ":" (and a space), or a spaced "–" or
#: "—" (each alternative opens with the dash and looks behind it, so that a search skips to dashes).
_AREA_DASH = re.compile(r"[–—-](?:(?<=[.,:].)|(?<=[.,:]\s.)|(?<=\s[–—])(?=\s))")
_CONTROL = [chr(c) for c in (*range(0x00, 0x20), *range(0x7F, 0xA0)) if chr(c) != "\t"]
_CONTROL_SET = frozenset(_CONTROL)
#: Characters replaced silently: odd spaces, soft hyphen, zero-width space, BOM, tab.
_QUIET = dict.fromkeys("\xa0\u2007\u202f\u2009\t\xad\u200b\ufeff", " ")
#: The low quotation mark some lists print for a comma ("Алексеев П.Н.‚ Удянский Ю.Н.").
#: Lone surrogates (from text decoded with "surrogateescape", or made in code) cannot be written as
#: UTF-8: the parser reads each as U+FFFD, the replacement character (``raw`` keeps them).
_SURROGATES = [chr(c) for c in range(0xD800, 0xE000)]
_TRANSLATION = str.maketrans(
    {**_QUIET, **dict.fromkeys(_CONTROL, " "), **dict.fromkeys(_SURROGATES, "\ufffd"), "\u2011": "-", "\u201a": ","}
)
_REPORTED = re.compile("[\u2011\ud800-\udfff" + re.escape("".join(_CONTROL)) + "]")
#: Diagnostics of one kind kept for one text; the rest are counted in one more ("… and 12,345 more").
PER_KIND = 20
_TRANSLATED = re.compile("[" + re.escape("".join(chr(c) for c in _TRANSLATION)) + "]")


class Normalised(NamedTuple):
    """A reference's text as the grammar reads it, as field values show it, and what was repaired.

    Both texts have the raw text's length (after NFC), so one span fits all three. ``display``
    differs from ``text`` only where the grammar reads punctuation differently from how it is
    printed: GOST's area dashes (read as spaces) and control characters (read as spaces).
    """

    text: str
    display: str
    diagnostics: tuple[Diagnostic, ...]


def normalize(text: str) -> Normalised:
    """The text with look-alike letters, odd spaces and the non-breaking hyphen repaired."""
    printed = len(text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    diagnostics = Notes()
    normalised = text
    if _TRANSLATED.search(text):  # (the reported characters are among the translated ones)
        for match in _REPORTED.finditer(text):
            diagnostics.report(match.group(), match.start())
        normalised = text.translate(_TRANSLATION)
    if CYRILLIC_LETTER.search(normalised):
        normalised = _repair_homoglyphs(normalised, diagnostics)
    display = normalised
    if diagnostics.counts.get("control-character"):
        display = "".join(raw if raw in _CONTROL_SET else shown for raw, shown in zip(text, normalised, strict=True))
    if _SPACED_DATE_TAIL.search(normalised):  # a reported date has a space after one of its periods
        for m in _SPACED_DATE.finditer(normalised):
            if " " in m.group() and _bounded(normalised, m.start(), m.end()) and diagnostics.wants("date-space"):
                diagnostics.append(_note("date-space", f"stray space in the date {m.group()!r} ignored", m.start()))
    if ("–" in normalised or "—" in normalised or "-" in normalised) and _AREA_DASH.search(normalised):
        normalised = _blank_area_separators(normalised, diagnostics)
    if _BRACKETS.search(normalised):
        diagnostics.extend(_unbalanced_brackets(normalised))
    if len(text) != printed:  # NFC changed the length ("שּׁ" is three characters): no offset fits the raw text
        return Normalised(
            normalised, display, tuple(d.model_copy(update={"start": None, "end": None}) for d in diagnostics.capped())
        )
    return Normalised(normalised, display, diagnostics.capped())


def _bounded(text: str, start: int, end: int) -> bool:
    """A match that neither starts nor ends inside a longer number or word."""
    return (start == 0 or not text[start - 1].isalnum()) and (end == len(text) or not text[end].isalnum())


class Notes(list[Diagnostic]):
    """The diagnostics of one text, at most ``PER_KIND`` of each code; the others are only counted,
    so a 50 MB line of control characters does not become a million diagnostics."""

    def __init__(self) -> None:
        super().__init__()
        self.counts: dict[str, int] = {}

    def wants(self, code: str) -> bool:
        """Count one more diagnostic of ``code``; True while it is still to be kept."""
        count = self.counts[code] = self.counts.get(code, 0) + 1
        return count <= PER_KIND

    def report(self, char: str, position: int) -> None:
        """A character read as another one: a non-breaking hyphen, a control character, a lone surrogate."""
        if char == "\u2011":
            code, message = "non-breaking-hyphen", "non-breaking hyphen read as '-'"
        elif "\ud800" <= char <= "\udfff":
            code, message = "lone-surrogate", f"lone surrogate {char!r} read as U+FFFD"
        else:
            code, message = "control-character", f"control character {char!r} read as a space"
        if self.wants(code):
            severity = Severity.WARNING if code == "lone-surrogate" else Severity.INFO
            self.append(Diagnostic(code=code, message=message, severity=severity, start=position, end=position + 1))

    def capped(self) -> tuple[Diagnostic, ...]:
        """The kept diagnostics, and one for each code that had more ("… and 12,345 more")."""
        more = [
            Diagnostic(
                code=code, message=f"{count - PER_KIND:,} more {code!r} diagnostics not listed", severity=Severity.INFO
            )
            for code, count in self.counts.items()
            if count > PER_KIND
        ]
        return (*self, *more)


def _repair_homoglyphs(text: str, diagnostics: Notes) -> str:
    """Cyrillic look-alikes inside Latin words, or lone ones in a mostly Latin text, become Latin.
    (A text without Latin letters, and each all-Cyrillic word of a text not mostly Latin, are passed
    over at once: nothing in them can change.)"""
    latin = len(_LATIN.findall(text))
    if not latin:
        return text
    mostly_latin = latin > 4 * sum(map(len, _CYRILLIC_RUN.findall(text)))
    chars: list[str] | None = None
    for word in _WORD.finditer(text):
        letters = word.group()
        if CYRILLIC_LETTER.search(letters) is None:
            continue
        if not (mostly_latin and len(letters) <= 2) and _LATIN.search(letters) is None:
            continue  # neither a mixed word nor a lone look-alike in a Latin text
        cyrillic = [i for i, c in enumerate(letters) if CYRILLIC_LETTER.match(c)]
        if not all(letters[i] in HOMOGLYPHS for i in cyrillic):
            continue
        mixed = len(cyrillic) < len(letters) and _LATIN.search(letters) is not None
        if mixed or (mostly_latin and len(letters) <= 2):
            if chars is None:
                chars = list(text)
            for i in cyrillic:
                chars[word.start() + i] = HOMOGLYPHS[letters[i]]
                if not diagnostics.wants("homoglyph"):
                    continue
                diagnostics.append(
                    _note(
                        "homoglyph",
                        f"Cyrillic {letters[i]!r} in a Latin word read as Latin {HOMOGLYPHS[letters[i]]!r}",
                        word.start() + i,
                    )
                )
    return text if chars is None else "".join(chars)


def _blank_area_separators(text: str, diagnostics: Notes) -> str:
    """GOST area separators (". – ", "2013 – Т. 56") become sentence ends: the dash is read as a period."""
    chars = list(text)
    for match in _area_separator().finditer(text):
        if text[match.start() - 1 : match.start()] == " " and _pages_before().search(
            text, max(0, match.start() - 16), match.start()
        ):
            continue  # "pp. 1995 – 2005": a page range
        chars[match.end() - 1] = "."
        if diagnostics.wants("area-separator"):
            diagnostics.append(_note("area-separator", "GOST area separator '–' read as '.'", match.end() - 1))
    return "".join(chars)


def _unbalanced_brackets(text: str) -> list[Diagnostic]:
    """A warning for each "(" or "[" left open and each ")" or "]" closing nothing (at most five)."""
    brackets = "".join(_BRACKETS.findall(text))
    problems = _recurring_bracket_problems(brackets) if len(brackets) <= 32 else _bracket_problems(brackets)
    if not problems:
        return []
    positions = [match.start() for match in _BRACKETS.finditer(text)]
    return [_unbalanced(message, positions[index]) for message, index in problems]


def _bracket_problems(brackets: str) -> tuple[tuple[str, int], ...]:
    """What is wrong with a sequence of brackets, and where (an index into it)."""
    found: list[tuple[str, int]] = []
    open_positions: dict[str, list[int]] = {"(": [], "[": []}
    closing_to_opening = {")": "(", "]": "["}
    for index, char in enumerate(brackets):
        if char in open_positions:
            open_positions[char].append(index)
        elif open_positions[closing_to_opening[char]]:
            open_positions[closing_to_opening[char]].pop()
        elif len(found) < 5:
            found.append((f"{char!r} closes nothing", index))
    for opening, positions in open_positions.items():
        if positions:
            found.append((f"{opening!r} is never closed", positions[0]))
    return tuple(found[:5])


#: Short bracket sequences recur from reference to reference ("()[]", "[]()"): each is checked once.
_recurring_bracket_problems = lru_cache(maxsize=1024)(_bracket_problems)


def _note(code: str, message: str, position: int) -> Diagnostic:
    return Diagnostic(code=code, message=message, severity=Severity.INFO, start=position, end=position + 1)


def _unbalanced(message: str, position: int) -> Diagnostic:
    return Diagnostic(
        code="unbalanced-bracket", message=message, severity=Severity.WARNING, start=position, end=position + 1
    )
