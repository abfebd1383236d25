"""What the layout rules share: the draft they fill and the kinds of markers they look at."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, NamedTuple

from lark import Token

from ..families.base import Rules
from ..lexicon import kinds, month_numbers
from ..models import Diagnostic, PartialDate, Person, Role, StyleFamily
from .dates import date_from_text
from .grammar import Element, Sentence
from .persons import person
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


@dataclass(slots=True)
class Draft:
    """Mutable fields gathered while the rules walk the skeleton."""

    text: str
    family: StyleFamily | None
    rules: Rules
    fields: dict[str, Any] = field(default_factory=dict)
    persons: list[Person] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    kinds: set[str] = field(default_factory=set)
    imprint_found: bool = False
    chapter_imprint: bool = False
    dated_in_head: bool = False
    container_in_lead: bool = False
    #: The next bracket translates the container, not the title.
    translation_of_container: bool = False

    def span(self, sentences: list[Sentence] | tuple[Sentence, ...]) -> str:
        return self.text[sentences[0].start : sentences[-1].end].strip()

    def token_text(self, token: Token) -> str:
        """A token as printed (from the display text)."""
        if token.start_pos is None or token.end_pos is None:
            return str(token.value)
        return self.text[token.start_pos : token.end_pos].strip()

    def set_once(self, key: str, value: Any) -> None:
        if value is not None and self.fields.get(key) is None:
            self.fields[key] = value

    def take_imprint(self, places: tuple[str, ...], publisher: str | None) -> None:
        if self.imprint_found:
            return
        self.fields["places"] = places
        dated = _date_after_publisher().search(publisher) if publisher else None
        if publisher and dated:  # "Transpire Inc., Jan 15, 2007": the date is the work's
            refine_date(self, dated.group(1))
            publisher = publisher[: dated.start()]
        if publisher and self.rules.publisher_mark_is_style:
            publisher = publisher_name(publisher)
        self.fields["publisher"] = publisher or None
        self.imprint_found = True

    def date_year(self, year: int | None) -> None:
        if year is not None and self.fields.get("issued") is None:
            self.fields["issued"] = PartialDate(year=year)

    def unplaced(self, sentence: Sentence) -> None:
        self.notes.append(sentence.text)
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


class Group(NamedTuple):
    """A marker (None for the leading run) and the sentences after it."""

    kind: str
    element: Element | None
    run: tuple[Sentence, ...]


def add_persons(draft: Draft, tokens: tuple[Token, ...], role: Role) -> None:
    for token in tokens:
        if token.type == kinds.ETAL:
            draft.fields["et_al"] = True
        else:
            draft.persons.append(person(token.type, token.value, role))


def refine_date(draft: Draft, value: str) -> None:
    current: PartialDate | None = draft.fields.get("issued")
    found = date_from_text(value, year=current.year if current else None)
    if found is None:
        return
    if current is None or current.year in (None, found.year):
        draft.fields["issued"] = found
    else:
        draft.diagnostics.append(
            Diagnostic(code="conflicting-dates", message=f"date {value!r} disagrees with year {current.year}")
        )


def warning(code: str, message: str, token: Token) -> Diagnostic:
    return Diagnostic(code=code, message=message, start=token.start_pos, end=token.end_pos)
