"""Where each field of a Reference was printed: (start, end) offsets into ``Reference.raw``.

The parser does not record spans for fields (the hot path stays as fast as it is); this module
*locates* them afterwards, from the parsed values, so the spans are found, not certain:

- a text field (title, container, publisher, a person, a place, a DOI …) is searched for in the
  raw text as printed, ignoring whitespace, letter case, the form of dashes and quotation marks,
  and the look-alike letters the parser repaired. Such a span is ``verbatim``: its slice of
  ``raw`` is the value up to those differences;
- a number (a volume, an issue, pages, an edition "2" of "2-е изд.") is searched for the same
  way, preferring the place its marker points to ("Vol. 2", "No. 2", "2 vols.");
- a date is located by its year (an access date by its "17.08.2019"), "n. d." for an undated
  work; such a span is not ``verbatim`` (for "1953. July, 1" the slice is "1953");
- fields are placed longest first and spans never overlap, so a volume "2" is not found inside
  a year or a title; a value found nowhere gets no span (an English translation the partner list
  supplied, a language, a type).

``field_spans`` never raises for a Reference, and every span satisfies ``0 <= start < end <=
len(raw)``. Offsets count code points, as Python's ``str`` does (``models.Diagnostic`` does too).

It is a function, not a cached property of the frozen model: pydantic's ``model_copy(update=…)``
(which the library uses to enrich references) copies a cached value along, so the spans of a
copied Reference would describe the old fields. Computing them costs about 0.15 ms a reference.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .models import PartialDate, Person, Reference
from .parsing.normalize import normalize


@dataclass(frozen=True, slots=True)
class FieldSpan:
    """One field's place in ``Reference.raw``.

    ``field`` is the model's field name; ``index`` the item of a tuple field (``persons``,
    ``places``, and the sentences of ``note``), else None; ``verbatim`` says the slice is the
    value itself (up to whitespace, case, dash and quote forms, look-alike letters).
    """

    field: str
    index: int | None
    start: int
    end: int
    verbatim: bool


#: Text fields placed as printed, longest kinds first (a title may hold a place's or a journal's name).
_TEXT_FIELDS = (
    "title", "title_translation", "container_title", "container_translation", "volume_title",
    "collection_title", "archive_location", "archive", "note", "publisher", "event_place", "genre",
    "citation_label", "url", "url_fragment", "doi", "isbn", "number", "medium",
)  # fmt: skip

_DASHES = "-‐‑‒–—―−"
_QUOTES = "'‘’ʼ′`\"“”„«»″"
_FOLD = str.maketrans({**dict.fromkeys(_DASHES, "-"), **dict.fromkeys(_QUOTES, "'")})
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\S+")

_I = re.IGNORECASE
#: Markers a numeric field follows (``before``, matched against the text that ends at the value)
#: or precedes (``after``, matched at the value's end).
_NUMBER_FIELDS: tuple[tuple[str, re.Pattern[str] | None, re.Pattern[str] | None], ...] = (
    ("pages", re.compile(r"(?:\b(?:pp?|pgs?|ss?|str|стр|[сc])\.?|[:,])\s*$", _I), None),
    ("page_count", None, re.compile(r"^\s*(?:pp?|pages|ss?|[сc]|стр|л)\b", _I)),
    ("issue", re.compile(r"(?:\b(?:no|nr|n|iss|issue|vyp|вып|is)\.?|№|\()\s*$", _I), None),
    ("volume", re.compile(r"\b(?:vols?|v|t|tom|т|volume|book|kn|кн|bd)\.?\s*$", _I), None),
    ("number_of_volumes", re.compile(r"\b(?:in|в)\s*$", _I), re.compile(r"^\s*(?:vols?|volumes|t|т|kn|кн)\b", _I)),
    ("number_of_parts", re.compile(r"\b(?:in|в)\s*$", _I), re.compile(r"^\s*(?:parts?|ch|ч)\b", _I)),
    ("part", re.compile(r"\b(?:part|pt|ch|ч)\.?\s*$", _I), None),
    ("collection_number", re.compile(r"(?:\b(?:no|vyp|вып|iss)\.?|№)\s*$", _I), None),
    (
        "edition",
        re.compile(r"\b(?:ed|izd|изд)\.?\s*$", _I),
        re.compile(r"^[-‐‑–\s]*(?:е|e|ed|izd|изд|nd|rd|th|st)", _I),
    ),
)
_ACCESS = re.compile(r"(?:access|accessed|obrashcheniya|обращения|доступа|dostupa|viewed|retrieved)", _I)
_UNDATED = re.compile(r"\b(?:n\.\s?d|б\.\s?г|b\.\s?g|s\.\s?a)\.?", _I)
_ET_AL = re.compile(r"\b(?:et\s+al|i\s+dr|и\s+др)\b\.?", _I)


def field_spans(reference: Reference) -> tuple[FieldSpan, ...]:
    """The located span of every field of ``reference`` found in its ``raw`` text, in text order."""
    raw = reference.raw
    if not raw:
        return ()
    try:
        return tuple(sorted(_Locator(raw).locate(reference), key=lambda s: (s.start, s.end)))
    except Exception:  # never raise for a Reference: spans are a view, not data
        return ()


def spans_by_field(reference: Reference) -> dict[str, list[tuple[int, int]]]:
    """``field_spans`` as {field name: [(start, end), …]} (persons and places in order)."""
    found: dict[str, list[tuple[int, int]]] = {}
    for span in field_spans(reference):
        found.setdefault(span.field, []).append((span.start, span.end))
    return found


class _Locator:
    """A raw text compacted for search (whitespace dropped, case, dashes and quotes folded) and
    the spans claimed so far."""

    def __init__(self, raw: str) -> None:
        self.text = _searchable(raw)
        self.positions: list[int] = []
        for word in _WORD.finditer(self.text):
            self.positions.extend(range(word.start(), word.end()))
        self.compact = _fold(_SPACE.sub("", self.text))  # one character for each of ``positions``
        self.claimed: list[tuple[int, int]] = []

    def locate(self, reference: Reference) -> Iterator[FieldSpan]:
        for name in _TEXT_FIELDS:
            value = getattr(reference, name)
            if isinstance(value, str):
                yield from self._text_field(name, value)
        yield from self._persons(reference.persons)
        for index, place in enumerate(reference.places):
            found = self._find(place)
            if found:
                yield FieldSpan("places", index, *found, True)
        yield from self._date("accessed", reference.accessed, prefer_access=True)
        yield from self._date("issued", reference.issued, prefer_access=False)
        for name, before, after in _NUMBER_FIELDS:
            value = getattr(reference, name)
            if isinstance(value, str):
                found = self._find(value, _context(self.text, before, after)) or self._find(value)
                if found:
                    yield FieldSpan(name, None, *found, _verbatim(self.text, found, value))
        if reference.et_al:
            found = self._pattern(_ET_AL)
            if found:
                yield FieldSpan("et_al", None, *found, False)

    def _text_field(self, name: str, value: str) -> Iterator[FieldSpan]:
        found = self._find(value)
        if found:
            yield FieldSpan(name, None, *found, True)
            return
        if name == "note":  # the sentences the rules could not place, joined by ". "
            for index, piece in enumerate(value.split(". ")):
                found = self._find(piece)
                if found:
                    yield FieldSpan(name, index, *found, True)

    def _persons(self, persons: tuple[Person, ...]) -> Iterator[FieldSpan]:
        cursor = 0
        for index, person in enumerate(persons):
            family = self._find(person.family, _after(cursor)) or self._find(person.family)
            if not family:
                continue
            start, end = family
            given = _folded_value(person.given)
            if given and not person.literal:
                start, end = self._with_given(start, end, given)
            self.claimed.append((start, end))
            cursor = end
            yield FieldSpan("persons", index, start, end, True)

    def _with_given(self, start: int, end: int, given: str) -> tuple[int, int]:
        """The family name's span widened to its initials, printed after it ("Ivanov, I. I.") or before."""
        first = self._compact_index(start)
        last = self._compact_index(end - 1) + 1
        for gap in ("", ","):
            after = last + len(gap)
            if self.compact.startswith(gap + given, last) and self._free(after, after + len(given)):
                return start, self.positions[after + len(given) - 1] + 1
            before = first - len(gap) - len(given)
            if before >= 0 and self.compact.startswith(given + gap, before) and self._free(before, first - len(gap)):
                return self.positions[before], end
        return start, end

    def _date(self, name: str, date: PartialDate | None, prefer_access: bool) -> Iterator[FieldSpan]:
        if date is None:
            return
        found: tuple[int, int] | None = None
        if date.year is not None:
            year = str(date.year)
            if prefer_access:
                numeric = re.compile(r"(?<!\d)\d{1,2}[./]\s?\d{1,2}[./]\s?" + year + r"(?!\d)")
                found = self._pattern(numeric, lambda s, _: bool(_ACCESS.search(self.text[max(0, s - 40) : s])))
                found = found or self._pattern(numeric)
            found = found or self._find(year)
        elif date.undated:
            found = self._pattern(_UNDATED)
        if found:
            yield FieldSpan(name, None, *found, False)

    def _find(self, value: str, accept: Callable[[int, int], bool] | None = None) -> tuple[int, int] | None:
        """The first unclaimed place where ``value`` is printed (whole words), and claim it."""
        needle = _folded_value(value)
        if not needle or len(needle) > len(self.compact):
            return None
        at = self.compact.find(needle)
        while at >= 0:
            start, end = self.positions[at], self.positions[at + len(needle) - 1] + 1
            if (
                self._free(at, at + len(needle))
                and _word_bounded(self.text, start, end)
                and (accept is None or accept(start, end))
            ):
                self.claimed.append((start, end))
                return start, end
            at = self.compact.find(needle, at + 1)
        return None

    def _pattern(
        self, pattern: re.Pattern[str], accept: Callable[[int, int], bool] | None = None
    ) -> tuple[int, int] | None:
        for match in pattern.finditer(self.text):
            start, end = match.span()
            if start < end and self._free_raw(start, end) and (accept is None or accept(start, end)):
                self.claimed.append((start, end))
                return start, end
        return None

    def _compact_index(self, raw_index: int) -> int:
        return bisect_left(self.positions, raw_index)

    def _free(self, compact_start: int, compact_end: int) -> bool:
        return self._free_raw(self.positions[compact_start], self.positions[compact_end - 1] + 1)

    def _free_raw(self, start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in self.claimed)


def _searchable(raw: str) -> str:
    """The text the parser read (look-alike letters repaired), when it keeps raw's offsets; else raw."""
    display = normalize(raw).display
    return display if len(display) == len(raw) else raw


def _fold(text: str) -> str:
    folded = text.translate(_FOLD)
    lowered = folded.lower()
    return lowered if len(lowered) == len(folded) else folded


def _folded_value(value: str) -> str:
    return _fold(_SPACE.sub("", value))


def _after(cursor: int) -> Callable[[int, int], bool]:
    """Accepts a span that starts at ``cursor`` or later (the persons are printed in order)."""
    return lambda start, _end: start >= cursor


def _word_bounded(text: str, start: int, end: int) -> bool:
    """The span neither begins nor ends inside a word or number."""
    if text[start].isalnum() and start > 0 and text[start - 1].isalnum():
        return False
    return not (text[end - 1].isalnum() and end < len(text) and text[end].isalnum())


def _context(text: str, before: re.Pattern[str] | None, after: re.Pattern[str] | None) -> Callable[[int, int], bool]:
    """Accepts a span that its field's marker precedes or follows."""

    def accept(start: int, end: int) -> bool:
        return bool(
            (before is not None and before.search(text[max(0, start - 16) : start]))
            or (after is not None and after.match(text[end : end + 16]))
        )

    return accept


def _verbatim(text: str, span: tuple[int, int], value: str) -> bool:
    return _folded_value(text[span[0] : span[1]]) == _folded_value(value)
