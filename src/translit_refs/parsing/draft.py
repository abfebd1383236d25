"""What the layout rules share: the draft they fill and the kinds of markers they look at."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache
from typing import Any, NamedTuple

from lark import Token

from ..families.base import Rules
from ..lexicon import kinds, month_numbers
from ..models import Diagnostic, PartialDate, Person, Provenance, Role, StyleFamily
from .dates import date_from_text, year_date
from .grammar import Element, Sentence
from .persons import person
from .ruler import Ruler
from .shapes import publisher_name

#: Markers after which a closing "Place, Publisher" sentence is an imprint.
IMPRINT_FOLLOWERS = frozenset(
    {
        kinds.PAGE_COUNT,
        kinds.VOLUME,
        kinds.JOURNAL_VOLUME,
        kinds.PART,
        kinds.BOOK,
        kinds.LANG_NOTE,
        kinds.DOI,
        kinds.URL,
        kinds.BARE_URL,
        kinds.ISBN,
        kinds.REPORT_CODE,
        kinds.ACCESS,
        kinds.MEDIUM,
    }
)
#: Markers that locate an article in a journal (or a paper in a volume).
ARTICLE_LOCATORS = frozenset(
    {
        kinds.JOURNAL_VOLUME,
        kinds.ISSUE,
        kinds.PAGES,
        kinds.SEASON,
        kinds.APA_LOCATOR,
        kinds.VANCOUVER_LOCATOR,
        kinds.COLON_LOCATOR,
        kinds.YEAR_LOCATOR,
        kinds.CHICAGO_LOCATOR,
        kinds.BARE_VOLUME,
        kinds.BARE_PAGES,
        kinds.CLOSING_LOCATOR,
        kinds.PAREN_YEAR_LOCATOR,
        kinds.JOURNAL_YEAR,
        kinds.AMS_LOCATOR,
        kinds.ARTICLE_NO,
    }
)
WEB_MARKERS = frozenset({kinds.MEDIUM, kinds.URL, kinds.BARE_URL, kinds.ACCESS, kinds.ACCESS_TEXT})
#: Markers that close the title: what follows them is never the title.
TITLE_ENDS = frozenset(
    {kinds.TRANSLATION, kinds.RESPONSIBILITY, kinds.IN, kinds.MEDIUM, kinds.EDITORS, kinds.TRANSLATORS, kinds.N_VOLS}
)
#: Markers that make a work something other than a journal article (its "p. 133" is no journal's).
NOT_IN_A_JOURNAL = frozenset({kinds.REPORT_CODE, kinds.REPORT_NO, kinds.STANDARD, kinds.PATENT, kinds.THESIS})
#: Markers that may open a reference, its title following ("NP-001-15. Title …", "IAEA-TECDOC-1656. Title",
#: "Пат. 2452845 Российская Федерация, МПК E21B 43/20. Title").
DESIGNATIONS = frozenset({kinds.STANDARD, kinds.REPORT_CODE, kinds.PATENT})


#: The place of a value recorded nowhere (a rule that read no printed text for it).
NOWHERE = (-1, -1)


class Translates(Enum):
    """What a bracketed translation after the leading run translates."""

    #: The title (or, once there is one, the container): "Title [Translation]".
    TITLE = "title"
    #: The journal the leading run ends with: "Title. Mir novoy ekonomiki [The world of new economy], 11(2)".
    CONTAINER = "container"
    #: The title and the collection after it, in one bracket: "Title. Sbornik trudov [Title. Proceedings]".
    TITLE_AND_CONTAINER = "title and container"


@dataclass(slots=True)
class Draft:
    """Mutable fields gathered while the rules walk the skeleton, and where each came from.

    ``record`` keeps, for each field a rule set from printed text, the value, the span of the token
    or sentences it was read from (offsets into ``text``) and the rule's name; for each person
    ("persons") and each of ``notes`` ("note") too. A marker's reader records its marker's token
    without saying so: ``read_marker`` sets ``at`` and ``rule`` while it runs.
    """

    text: str
    family: StyleFamily | None
    rules: Rules
    fields: dict[str, Any] = field(default_factory=dict)
    persons: list[Person] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    kinds: set[str] = field(default_factory=set)
    chapter_imprint: bool = False
    #: The sentences the title was read from (``roles.read_group``).
    title_sentences: tuple[Sentence, ...] = ()
    #: What the bracket after the leading run translates, as ``roles.split_lead`` found it.
    next_translation: Translates = Translates.TITLE
    record: Provenance = field(default_factory=Provenance)
    #: The token of the marker being read, and its reader's name (``markers.read_marker``).
    at: tuple[int, int] = NOWHERE
    rule: str = ""

    def span(self, sentences: list[Sentence] | tuple[Sentence, ...]) -> str:
        return self.text[sentences[0].start : sentences[-1].end].strip()

    def token_text(self, token: Token) -> str:
        """A token as printed (from the display text)."""
        if token.start_pos is None or token.end_pos is None:
            return str(token.value)
        return self.text[token.start_pos : token.end_pos].strip()

    def set_once(self, key: str, value: Any, start: int = -1, end: int = -1, rule: str = "") -> None:
        """Set ``key`` unless it is set already; the value was read from ``text[start:end]`` by ``rule``
        (by default the marker being read)."""
        if value is not None and self.fields.get(key) is None:
            self.fields[key] = value  # (``put``, inlined: this is called for every marker's field)
            if start < 0:
                start, end = self.at
                if start < 0:
                    return
            self.record += (key, value, start, end, rule or self.rule)

    def put(self, key: str, value: Any, start: int = -1, end: int = -1, rule: str = "") -> None:
        """Set ``key``, read from ``text[start:end]`` by ``rule`` (by default the marker being read)."""
        self.fields[key] = value
        if start < 0:
            start, end = self.at
            if start < 0:
                return
        self.record += (key, value, start, end, rule or self.rule)

    def amend(self, key: str, value: Any, end: int = -1) -> None:
        """Replace ``key``'s value by one made from it (a season added to the year), keeping where it was
        read, up to ``end`` if that is later (the rest of a URL cut by a space); by default the marker
        being read, if the value had no origin."""
        self.fields[key] = value
        at = self.recorded(key)
        record = self.record
        if at >= 0:
            record.extend((key, value, record[at + 2], max(end, record[at + 3]), record[at + 4]))
        elif self.at[0] >= 0:
            record.extend((key, value, *self.at, self.rule))

    def recorded(self, key: str) -> int:
        """Where the last record of ``key`` starts in ``record``, or -1."""
        record = self.record
        at = len(record) - 5
        while at >= 0 and record[at] != key:
            at -= 5
        return at

    def add_person(self, found: Person, start: int, end: int, rule: str) -> None:
        self.persons.append(found)
        self.record.extend(("persons", found, start, end, rule))

    def take_imprint(
        self,
        places: tuple[str, ...],
        publisher: str | None,
        places_at: tuple[int, int] = NOWHERE,
        publisher_at: tuple[int, int] = NOWHERE,
        rule: str = "",
    ) -> None:
        """The imprint: places read from ``text[places_at]``, the publisher from ``text[publisher_at]``."""
        if self.imprint_found:
            return
        self.put("places", places, *places_at, rule)
        for publisher_rule in PUBLISHER_RULES.active(self.rules):
            if publisher:
                publisher = publisher_rule(self, publisher, publisher_at, rule)
        self.put("publisher", publisher or None, *publisher_at, rule)

    @property
    def imprint_found(self) -> bool:
        """Whether a rule has taken the imprint (its places, if none, are an empty tuple)."""
        return "places" in self.fields

    def date_year(self, year: int | None, start: int = -1, end: int = -1, rule: str = "") -> None:
        if year is not None and self.fields.get("issued") is None:
            self.put("issued", year_date(year), start, end, rule)

    def unplaced(self, sentence: Sentence, rule: str) -> None:
        self.notes.append(sentence.text)
        self.record.extend(("note", None, sentence.start, sentence.end, rule))
        self.diagnostics.append(
            Diagnostic(
                code="unplaced-sentence",
                message=f"kept in note, role not recognised: {sentence.text!r}",
                start=sentence.start,
                end=sentence.end,
            )
        )


@lru_cache(maxsize=1)
def _date_after_publisher() -> re.Pattern[str]:
    """A month and day closing a publisher's sentence ("Transpire Inc., Jan 15")."""
    months = "|".join(sorted(month_numbers(english_only=True), key=len, reverse=True))
    return re.compile(r",\s((?:" + months + r")\.?\s\d{1,2}(?:[-–]\d{1,2})?)$")


def _date_after_publisher_rule(draft: Draft, publisher: str, at: tuple[int, int], rule: str) -> str:
    """ "Transpire Inc., Jan 15, 2007": a month and day closing the publisher's sentence date the work."""
    dated = _date_after_publisher().search(publisher)
    if dated is None:
        return publisher
    refine_date(draft, dated.group(1), *at, rule)
    return publisher[: dated.start()]


def _strip_publisher_mark(draft: Draft, publisher: str, at: tuple[int, int], rule: str) -> str:  # noqa: ARG001
    """ "Energoatomizdat Publ.": the "Publ." is the style's mark, not the publisher's name (the References
    family switches this rule on)."""
    return publisher_name(publisher)


#: A rule that cleans the publisher an imprint rule took: (draft, publisher, where it was read, the rule
#: that read it) -> the publisher.
PublisherRule = Callable[["Draft", str, tuple[int, int], str], str]
#: What is done to a publisher once an imprint rule has taken it, in order.
PUBLISHER_RULES: Ruler[PublisherRule] = Ruler(
    [("date_after_publisher", _date_after_publisher_rule), ("strip_publisher_mark", _strip_publisher_mark)],
    off=("strip_publisher_mark",),
    chain="publisher",
)


class Group(NamedTuple):
    """A marker (None for the leading run) and the sentences after it."""

    kind: str
    element: Element | None
    run: tuple[Sentence, ...]


def add_persons(draft: Draft, tokens: tuple[Token, ...], role: Role, rule: str = "", offset: int = 0) -> None:
    """The persons the name tokens name, each read from its token (its offsets plus ``offset`` in the
    text) by ``rule``, by default the marker being read."""
    rule = rule or draft.rule or "draft.add_persons"
    persons, record = draft.persons, draft.record
    for token in tokens:
        start = (token.start_pos or 0) + offset
        end = (token.end_pos or 0) + offset
        if token.type == kinds.ETAL:
            draft.put("et_al", True, start, end, rule)
        else:
            found = person(token.type, token.value, role)
            persons.append(found)
            record += ("persons", found, start, end, rule)


def refine_date(draft: Draft, value: str, start: int = -1, end: int = -1, rule: str = "") -> None:
    """The date ``value`` (read from ``text[start:end]`` by ``rule``) refines the work's."""
    current: PartialDate | None = draft.fields.get("issued")
    found = date_from_text(value, year=current.year if current else None)
    if found is None:
        return
    if current is None or current.year is None:
        draft.put("issued", found, start, end, rule)
    elif current.year == found.year:  # the year keeps the place it was read from ("1953. July, 1")
        if draft.recorded("issued") >= 0:
            draft.amend("issued", found)
        else:
            draft.put("issued", found, start, end, rule)
    else:
        draft.diagnostics.append(
            Diagnostic(code="conflicting-dates", message=f"date {value!r} disagrees with year {current.year}")
        )


def warning(code: str, message: str, token: Token) -> Diagnostic:
    return Diagnostic(code=code, message=message, start=token.start_pos, end=token.end_pos)
