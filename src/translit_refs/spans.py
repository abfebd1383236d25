"""Where each field of a Reference was printed: (start, end) offsets into ``Reference.raw``.

The parser records where it read each field (``Reference.provenance``: the token or sentences a
rule read, and the rule's name); ``field_spans`` narrows each of those to the value's own words:

- a text field (title, container, publisher, a person, a place, a DOI …) or a number (a volume,
  an issue, pages …) is looked for inside the text its rule read, ignoring whitespace, letter case,
  the form of dashes and quotation marks, and the look-alike letters the parser repaired. Such a
  span is ``verbatim``: its slice of ``raw`` is the value up to those differences ("233 – 239" for
  pages "233–239"). A value made from the text rather than cut from it ("288" of "288p.") keeps
  the text it was read from, or the longest part of it no other field took, and is not
  ``verbatim``; a value printed there whose words another field took gets no span;
- a date is narrowed to its year (an access date to its "17.08.2019"), "n. d." for an undated
  work; such a span is not ``verbatim`` (for "1953. July, 1" the slice is "1953");
- spans never overlap: within one token ("2010;240(3):100-10", "Moscow, Nauka") the fields are
  placed in turn, text fields first, then persons, places, dates and numbers.

A field with no recorded origin (a Reference made by hand, or a field replaced since the parse:
``model_copy(update=…)`` keeps the provenance, which drops the origin of any field whose value
changed) is searched for in the first ``MAX_LENGTH`` characters of ``raw``, as printed, a number
preferring the place its marker points to ("Vol. 2", "No. 2", "2 vols."); the search is bounded
(at most ``SEARCHES`` searches of the text, each trying at most ``TRIES`` places), so no text makes
it slower than linear. A value found nowhere gets no span (a language, a type, a partner list's
Cyrillic title).

``field_spans`` never raises for a Reference, and every span satisfies ``0 <= start < end <=
len(raw)``. Offsets count code points, as Python's ``str`` does (``models.Diagnostic`` does too).
It is a function rather than a cached property of the frozen model: a cached value would be carried
along by ``model_copy(update=…)`` to a copy with other fields, while the provenance it reads is
checked against the copy's own values.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import pattern
from .models import Origin, PartialDate, Person, Reference
from .parsing.normalize import normalize
from .parsing.parser import MAX_LENGTH

#: Searches of the whole text for fields with no recorded origin, and places tried by each.
SEARCHES = 256
TRIES = 64
#: Places tried for a value printed as it is inside its origin, before the compacted text is searched.
_DIRECT_TRIES = 4


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
    "collection_title", "archive_location", "archive", "publisher", "event_place", "event_title", "genre",
    "citation_label", "url", "url_fragment", "doi", "isbn", "number", "medium",
)  # fmt: skip

_DASHES = "-‐‑‒–—―−"
_QUOTES = "'‘’ʼ′`\"“”„«»″"
_FOLD = str.maketrans({**dict.fromkeys(_DASHES, "-"), **dict.fromkeys(_QUOTES, "'")})
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\S+")

_I = re.IGNORECASE
#: A marker's words before (``before``, matched against the text that ends at the value) or after
#: (``after``, matched at the value's end) a numeric field, as the lexicon declares them.
_Context = tuple[str, re.Pattern[str] | None, re.Pattern[str] | None]


def _before(body: str) -> re.Pattern[str]:
    return re.compile(rf"(?:{body})\s*$", _I)


def _after(body: str) -> re.Pattern[str]:
    return re.compile(rf"^\s*(?:{body})", _I)


@lru_cache(maxsize=1)
def _number_fields() -> tuple[_Context, ...]:
    """The numeric fields and the markers that point to them ("Vol. 2", "No. 2", "2 vols.")."""
    p = pattern
    volume_words = f"{p('VOLUME_ABBREVIATION')}|{p('VOLUME_LETTER')}|{p('VOLUME_UNIT')}|{p('BOOK_UNIT')}|book"
    return (
        ("pages", _before(rf"\b(?:{p('PAGES_WORD')})|\bpgs?\.?|[:,]"), None),
        ("page_count", None, _after(rf"{p('PAGE_UNIT')}|pages\b")),
        ("issue", _before(rf"\b(?:{p('NUMBER_ABBREVIATION')}|{p('FASCICLE_WORD')}|n|is)\.?|№|\("), None),
        ("volume", _before(rf"\b(?:{volume_words})\.?"), None),
        ("number_of_volumes", _before(r"\b(?:in|в)"), _after(rf"(?:{p('VOLUME_UNIT')}|{p('BOOK_UNIT')})\b")),
        ("number_of_parts", _before(r"\b(?:in|в)"), _after(rf"(?:{p('PART_UNIT')})\b")),
        ("part", _before(rf"\b(?:{p('PART_WORD')})"), None),
        ("collection_number", _before(rf"\b(?:{p('NUMBER_ABBREVIATION')}|{p('FASCICLE_ABBREVIATION')})\.?|№"), None),
        (
            "edition",
            _before(rf"\b(?:{p('EDITION_ABBREVIATION')})"),
            _after(rf"[-‐‑–\s]*(?:{p('ORDINAL_ENDING')}|{p('EDITION_ABBREVIATION')})"),
        ),
    )


@lru_cache(maxsize=1)
def _marked() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The lexicon's access words ("accessed", "дата обращения"), no-date words ("n. d.", "б. г.") and
    "et al." words, to place an access date, an undated work's mark and ``et_al``."""
    return (
        re.compile(pattern("ACCESS_WORD"), _I),
        re.compile(rf"\b(?:{pattern('UNDATED_WORD')})", _I),
        re.compile(rf"\b(?:{pattern('ETAL_WORDS')})", _I),
    )


#: A numeric date ("17.08. 2019") before its year.
_NUMERIC_DATE = r"(?<!\d)\d{1,2}[./]\s?\d{1,2}[./]\s?"


def field_spans(reference: Reference) -> tuple[FieldSpan, ...]:
    """The span of every field of ``reference`` printed in its ``raw`` text, in text order."""
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


class _Claims:
    """The spans placed so far: disjoint, kept sorted, so a check is a binary search."""

    __slots__ = ("ends", "starts")

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def free(self, start: int, end: int) -> bool:
        at = bisect_right(self.starts, start)
        if at and self.ends[at - 1] > start:
            return False
        return at == len(self.starts) or self.starts[at] >= end

    def gaps(self, start: int, end: int) -> Iterator[tuple[int, int]]:
        """The free stretches of ``[start, end)``, between at most ``TRIES`` of the spans placed in it."""
        at = max(0, bisect_right(self.starts, start) - 1)
        for _ in range(TRIES):
            if at == len(self.starts) or self.starts[at] >= end:
                break
            if self.ends[at] > start:
                if self.starts[at] > start:
                    yield start, self.starts[at]
                start = self.ends[at]
            at += 1
        else:
            return  # more spans placed here than are worth looking between
        if start < end:
            yield start, end

    def claim(self, start: int, end: int) -> None:
        at = bisect_right(self.starts, start)
        self.starts.insert(at, start)
        self.ends.insert(at, end)


class _Compact:
    """A stretch of the text compacted for search (whitespace dropped, case, dashes and quotes folded),
    with the text offset of each of its characters, and where the last value was found in it (values
    read from one stretch, such as a token of names, are printed in order)."""

    __slots__ = ("cursor", "positions", "text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.positions: list[int] = []
        for word in _WORD.finditer(text, start, end):
            self.positions.extend(range(word.start(), word.end()))
        self.text = _fold(_SPACE.sub("", text[start:end]))  # one character for each of ``positions``
        self.cursor = 0


class _Locator:
    """A raw text, the spans claimed in it so far, and what is left of the search budget."""

    def __init__(self, raw: str) -> None:
        self.text = _searchable(raw[:MAX_LENGTH])
        self.claims = _Claims()
        self.stretches: dict[tuple[int, int], _Compact] = {}
        self.searches = SEARCHES
        self.taken = False

    def locate(self, reference: Reference) -> Iterator[FieldSpan]:
        origins = {(origin.field, origin.index): origin for origin in reference.provenance}
        for name in _TEXT_FIELDS:
            value = getattr(reference, name)
            if isinstance(value, str):
                yield from self._text_field(name, value, origins.get((name, None)))
        yield from self._note(reference.note, [o for (name, _), o in origins.items() if name == "note"])
        yield from self._persons(reference.persons, origins)
        for index, place in enumerate(reference.places):
            found = self._value(place, origins.get(("places", index)))
            if found:
                yield FieldSpan("places", index, *found)
        yield from self._date("accessed", reference.accessed, origins.get(("accessed", None)), prefer_access=True)
        yield from self._date("issued", reference.issued, origins.get(("issued", None)), prefer_access=False)
        for name, before, after in _number_fields():
            value = getattr(reference, name)
            if isinstance(value, str):
                origin = origins.get((name, None))
                found = self._value(value, origin, None if origin else _context(self.text, before, after))
                if found:
                    yield FieldSpan(name, None, *found)
        if reference.et_al:
            origin = origins.get(("et_al", None))
            found_et_al = self._pattern(_marked()[2], origin) or (self._whole(origin) if origin else None)
            if found_et_al:
                yield FieldSpan("et_al", None, *found_et_al, False)

    # Recorded fields: narrowed inside the text their rule read.

    def _value(
        self, value: str, origin: Origin | None, accept: Callable[[int, int], bool] | None = None
    ) -> tuple[int, int, bool] | None:
        """Where ``value`` is printed: inside its origin, else (with none recorded) searched for."""
        if origin is None:
            found = self._find(value, accept) or (self._find(value) if accept else None)
            return (*found, _verbatim(self.text, found, value)) if found else None
        found = self._direct(value, origin)
        if found:
            return (*found, True)
        stretch = self._stretch(origin)
        if stretch is None:
            return None
        found = self._find_in(stretch, value)
        if found:
            return (*found, True)
        if self.taken:
            return None  # printed there, but another field took those words
        whole = self._whole(origin)  # a value made from the text ("233–9"): the text it was made from
        return (*whole, _verbatim(self.text, whole, value)) if whole else None

    def _text_field(self, name: str, value: str, origin: Origin | None) -> Iterator[FieldSpan]:
        found = self._value(value, origin)
        if found:
            yield FieldSpan(name, None, *found)

    def _note(self, note: str | None, origins: list[Origin]) -> Iterator[FieldSpan]:
        """The sentences the rules could not place, each where it was read; without a record, the
        note as printed, else each of its pieces joined by ". "."""
        if note is None:
            return
        if origins:
            for origin in origins:
                whole = self._whole(origin)
                if whole:
                    yield FieldSpan("note", origin.index if len(origins) > 1 else None, *whole, True)
            return
        found = self._find(note)
        if found:
            yield FieldSpan("note", None, *found, True)
            return
        for index, piece in enumerate(note.split(". ")):
            found = self._find(piece)
            if found:
                yield FieldSpan("note", index, *found, True)

    def _persons(
        self, persons: tuple[Person, ...], origins: dict[tuple[str, int | None], Origin]
    ) -> Iterator[FieldSpan]:
        cursor = 0
        for index, person in enumerate(persons):
            origin = origins.get(("persons", index))
            given = "" if person.literal else _folded_value(person.given)
            if origin is not None:
                found = self._direct_person(person, origin)
                stretch = self._stretch(origin) if found is None else None
                found = found or (self._find_in(stretch, person.family, given) if stretch is not None else None)
                if found is None:
                    whole = None if stretch is not None and self.taken else self._whole(origin)
                    if whole:
                        yield FieldSpan("persons", index, *whole, False)
                    continue
                start, end = found
            else:
                family = (self._find(person.family, claim=False, after=cursor) if cursor else None) or self._find(
                    person.family, claim=False
                )
                if not family:
                    continue
                start, end = self._with_given(self._whole_text(), *family, given) if given else family
                self.claims.claim(start, end)
            cursor = end
            yield FieldSpan("persons", index, start, end, True)

    def _date(
        self, name: str, date: PartialDate | None, origin: Origin | None, prefer_access: bool
    ) -> Iterator[FieldSpan]:
        if date is None:
            return
        found: tuple[int, int] | None = None
        if date.year is not None:
            year = str(date.year)
            numeric = re.compile(_NUMERIC_DATE + year + r"(?!\d)")
            if origin is not None:
                found = (self._pattern(numeric, origin) if prefer_access else None) or self._year(year, origin)
            else:
                if prefer_access:
                    found = self._pattern(
                        numeric, None, lambda s, _: bool(_marked()[0].search(self.text[max(0, s - 40) : s]))
                    )
                    found = found or self._pattern(numeric, None)
                found = found or self._find(year)
        elif date.undated:
            found = self._pattern(_marked()[1], origin)
        if found is None and origin is not None:
            found = self._whole(origin)
        if found:
            yield FieldSpan(name, None, *found, False)

    def _year(self, year: str, origin: Origin) -> tuple[int, int] | None:
        stretch = self._stretch(origin)
        return self._find_in(stretch, year) if stretch is not None else None

    def _direct(self, value: str, origin: Origin) -> tuple[int, int] | None:
        """``value`` printed as it is inside its origin (most are: no compacted text is needed); claimed."""
        if not value:
            return None
        at = self.text.find(value, origin.start, origin.end)
        tries = _DIRECT_TRIES
        while at >= 0 and tries > 0:
            tries -= 1
            end = at + len(value)
            if self.claims.free(at, end) and _word_bounded(self.text, at, end):
                self.claims.claim(at, end)
                return at, end
            at = self.text.find(value, at + 1, origin.end)
        return None

    def _direct_person(self, person: Person, origin: Origin) -> tuple[int, int] | None:
        """A person printed as it is inside its origin: the family name, then or before it the initials
        ("Dundukov, M. Yu.", "Ivanov I.I.", "M. Yu. Dundukov"); claimed. None when printed otherwise."""
        text, family = self.text, person.family
        at = text.find(family, origin.start, origin.end) if family else -1
        if at < 0:
            return None
        start, end = at, at + len(family)
        if not (self.claims.free(start, end) and _word_bounded(text, start, end)):
            return None
        given = "" if person.literal else person.given
        if given:
            for gap in (", ", " ", ",", ""):
                if text.startswith(gap + given, end, origin.end):
                    end += len(gap) + len(given)
                    break
                before = start - len(gap) - len(given)
                if before >= origin.start and text.startswith(given + gap, before, start):
                    start = before
                    break
            else:
                return None
        if not self.claims.free(start, end):
            return None
        self.claims.claim(start, end)
        return start, end

    def _stretch(self, origin: Origin) -> _Compact | None:
        """The compacted text an origin spans (made once for all the fields read from it)."""
        key = (origin.start, origin.end)
        stretch = self.stretches.get(key)
        if stretch is None:
            if not 0 <= origin.start < origin.end <= len(self.text):
                return None
            stretch = self.stretches[key] = _Compact(self.text, origin.start, origin.end)
        return stretch

    def _find_in(self, stretch: _Compact, value: str, given: str = "") -> tuple[int, int] | None:
        """The first free place of ``value`` in a stretch, from where the last value read from it was
        found, then from its start; claimed. A person's family name takes its initials along. ``taken``
        says whether it was printed there as a word, but another field has those words."""
        self.taken = False
        needle = _folded_value(value)
        if not needle:
            return None
        tries = TRIES
        for origin in (stretch.cursor, 0) if stretch.cursor else (0,):
            at = stretch.text.find(needle, origin)
            while at >= 0 and tries > 0:
                tries -= 1
                start, end = stretch.positions[at], stretch.positions[at + len(needle) - 1] + 1
                if _word_bounded(self.text, start, end):
                    if self.claims.free(start, end):
                        if given:
                            start, end = self._with_given(stretch, start, end, given)
                        self.claims.claim(start, end)
                        stretch.cursor = bisect_right(stretch.positions, end - 1)
                        return start, end
                    self.taken = True
                at = stretch.text.find(needle, at + 1)
        return None

    def _whole(self, origin: Origin) -> tuple[int, int] | None:
        """The text an origin spans, without its surrounding whitespace and separators, or the longest
        part of it no other field has taken ("FJEI-2264" of "Preprint FJEI-2264", the genre placed);
        claimed."""
        best: tuple[int, int] | None = None
        for gap_start, gap_end in self.claims.gaps(origin.start, min(origin.end, len(self.text))):
            start, end = _trimmed(self.text, gap_start, gap_end)
            if start < end and (best is None or end - start > best[1] - best[0]):
                best = start, end
        if best is not None:
            self.claims.claim(*best)
        return best

    def _pattern(
        self, pattern: re.Pattern[str], origin: Origin | None, accept: Callable[[int, int], bool] | None = None
    ) -> tuple[int, int] | None:
        """The first free match of ``pattern`` inside an origin, or (without one) in the text; claimed."""
        if origin is None:
            if self.searches <= 0:
                return None
            self.searches -= 1
            start, end = 0, len(self.text)
        else:
            start, end = origin.start, min(origin.end, len(self.text))
        for match in _limited(pattern.finditer(self.text, start, end)):
            first, last = match.span()
            if first < last and self.claims.free(first, last) and (accept is None or accept(first, last)):
                self.claims.claim(first, last)
                return first, last
        return None

    # Fields with no record: searched for in the whole text, within the budget.

    def _whole_text(self) -> _Compact:
        key = (0, len(self.text))
        stretch = self.stretches.get(key)
        if stretch is None:
            stretch = self.stretches[key] = _Compact(self.text, 0, len(self.text))
        return stretch

    def _find(
        self, value: str, accept: Callable[[int, int], bool] | None = None, claim: bool = True, after: int = 0
    ) -> tuple[int, int] | None:
        """The first free place where ``value`` is printed (whole words) from offset ``after`` on, and
        claim it (if ``claim``). A search from the start, or one that fails, spends one of the budget's
        searches; one that finds its value after the last one found does not (persons are printed in
        order: such searches read the text once in all)."""
        if self.searches <= 0:
            return None
        if not after:
            self.searches -= 1
        whole = self._whole_text()
        needle = _folded_value(value)
        if not needle or len(needle) > len(whole.text):
            return None
        at = whole.text.find(needle, bisect_right(whole.positions, after - 1))
        tries = TRIES
        while at >= 0 and tries > 0:
            tries -= 1
            start, end = whole.positions[at], whole.positions[at + len(needle) - 1] + 1
            if (
                self.claims.free(start, end)
                and _word_bounded(self.text, start, end)
                and (accept is None or accept(start, end))
            ):
                if claim:
                    self.claims.claim(start, end)
                return start, end
            at = whole.text.find(needle, at + 1)
        if after:
            self.searches -= 1
        return None

    def _with_given(self, stretch: _Compact, start: int, end: int, given: str) -> tuple[int, int]:
        """The family name's span widened to its initials, printed after it ("Ivanov, I. I.") or before."""
        first = bisect_right(stretch.positions, start - 1)
        last = bisect_right(stretch.positions, end - 1)
        compact, positions = stretch.text, stretch.positions
        for gap in ("", ","):
            after = last + len(gap)
            if compact.startswith(gap + given, last) and self._free_compact(stretch, after, after + len(given)):
                return start, positions[after + len(given) - 1] + 1
            before = first - len(gap) - len(given)
            if (
                before >= 0
                and compact.startswith(given + gap, before)
                and self._free_compact(stretch, before, first - len(gap))
            ):
                return positions[before], end
        return start, end

    def _free_compact(self, stretch: _Compact, start: int, end: int) -> bool:
        return self.claims.free(stretch.positions[start], stretch.positions[end - 1] + 1)


def _limited(matches: Iterator[re.Match[str]]) -> Iterator[re.Match[str]]:
    """At most ``TRIES`` of the matches."""
    for count, match in enumerate(matches):
        if count >= TRIES:
            return
        yield match


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without the whitespace and separators around it."""
    while start < end and (text[start].isspace() or text[start] in _SEPARATORS):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _SEPARATORS):
        end -= 1
    return start, end


_SEPARATORS = ",;:"


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
