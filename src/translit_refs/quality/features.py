"""What a parse shows about its own reliability, as named features.

Each feature is a number read off the finished Reference and the skeleton it came from: fields
fixed by a marker ("Vol.", "pp.", "URL:") against fields placed by position, text the rules could
not place, a title holding what looks like a name, a year or a journal, numbers out of range, how
the entry fits its list's style family, repairs of the text. ``confidence`` weighs them with
numbers fitted on hand-annotated references (``benchmarks/calibrate.py``); the features themselves
are only observations, never verdicts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date

from ..models import Reference, ReferenceType, Role, StyleFamily
from ..parsing.grammar import Skeleton


@dataclass(frozen=True, slots=True)
class Signals:
    """What the features look at: the Reference, the skeleton's marker kinds and leading sentences,
    the entry's own family evidence and the family it was read in."""

    reference: Reference
    markers: frozenset[str] = frozenset()
    lead_sentences: int = 0
    evidence: Mapping[StyleFamily, float] = field(default_factory=dict)
    read_in: StyleFamily | None = None

    @classmethod
    def of(
        cls,
        reference: Reference,
        skeleton: Skeleton | None,
        evidence: Mapping[StyleFamily, float],
        read_in: StyleFamily | None,
    ) -> Signals:
        if skeleton is None:
            return cls(reference, evidence=evidence, read_in=read_in)
        markers = {element.kind for element in skeleton.elements}
        if skeleton.head.date is not None:
            markers.add("DATE_PAREN")  # "Author, I. (1969). Title": the date closes the authors
        return cls(reference, frozenset(markers), len(skeleton.lead), evidence, read_in)


#: How a feature may weigh: only against the reference, only for it, or either way (the kind of work).
AGAINST, FOR, EITHER = -1, 1, 0


@dataclass(frozen=True, slots=True)
class Feature:
    """A named observation, the reason a person is given when it weighs against the reference, how
    to read it off the signals, and which way it may weigh (the fit keeps that sign or drops it)."""

    name: str
    reason: str
    measure: Callable[[Signals], float]
    weighs: int = AGAINST


#: Markers that fix a journal article's locators.
_LOCATORS = frozenset({"VOLUME", "ISSUE", "PAGES", "APA_LOCATOR", "VANCOUVER_LOCATOR", "ARTICLE_NO", "SEASON"})
#: Markers that fix a field by a word printed for it.
_FIXING = frozenset(
    {"TRANSLATION", "VOLUME", "ISSUE", "PAGES", "APA_LOCATOR", "VANCOUVER_LOCATOR", "ARTICLE_NO", "PAGE_COUNT",
     "URL_MARK", "BARE_URL", "DOI", "ACCESS", "ISBN", "IN", "THESIS", "STANDARD", "PATENT", "REPORT_NO",
     "REPORT_CODE", "EDITION", "N_VOLS", "LANG_NOTE", "MEDIUM", "DATE_PAREN"}
)  # fmt: skip
#: Codes of diagnostics that say the text itself needed a repair.
_REPAIRS = frozenset({"unbalanced-bracket", "torn-url", "doi-dashes", "conflicting-dates"})
#: Types whose works usually carry no person's name.
_IMPERSONAL = frozenset(
    {ReferenceType.STANDARD, ReferenceType.LEGISLATION, ReferenceType.WEBPAGE, ReferenceType.PATENT}
)

_PAGE_RANGE = re.compile(r"^(\d+)\s?[-–—]\s?(\d+)$")


def _title(signals: Signals) -> str:
    return signals.reference.title or ""


#: A letter of a script other than Latin, Greek and Cyrillic (the parser reads no other).
_OTHER_SCRIPT = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u052f\u1e00-\u1eff\u02b0-\u02ff]")
#: Codes of diagnostics that say the text itself was damaged (characters read as something else).
_DAMAGE = frozenset({"control-character", "lone-surrogate", "not-utf8"})


def _damaged(signals: Signals) -> float:
    """Characters read as something else, here or before the text was passed (U+FFFD)."""
    reference = signals.reference
    return float("\ufffd" in reference.raw or any(d.code in _DAMAGE for d in reference.diagnostics))


def _other_script(signals: Signals) -> float:
    raw = signals.reference.raw
    return float(not raw.isascii() and _OTHER_SCRIPT.search(raw) is not None)


def _errors(signals: Signals) -> float:
    return float(signals.reference.has_errors)


def _unplaced(signals: Signals) -> float:
    return float(min(2, sum(d.code == "unplaced-sentence" for d in signals.reference.diagnostics)))


def _repaired(signals: Signals) -> float:
    return float(any(d.code in _REPAIRS for d in signals.reference.diagnostics))


def _no_year(signals: Signals) -> float:
    issued = signals.reference.issued
    return float(issued is None or issued.year is None)


def _no_creator(signals: Signals) -> float:
    reference = signals.reference
    if reference.type in _IMPERSONAL:
        return 0.0
    return float(not any(person.role in (Role.AUTHOR, Role.EDITOR) for person in reference.persons))


def _no_title(signals: Signals) -> float:
    """No title, where a title is printed (archival signatures and bare web addresses have none)."""
    untitled = signals.reference.type in (ReferenceType.MANUSCRIPT, ReferenceType.WEBPAGE)
    return float(not untitled and not _title(signals).strip())


def _lowercase_title(signals: Signals) -> float:
    title = _title(signals).lstrip(" «\"'([")
    return float(title[:1].islower())


def _article_without_locators(signals: Signals) -> float:
    reference = signals.reference
    return float(reference.type is ReferenceType.ARTICLE and not reference.volume and not reference.issue)


def _long_title(signals: Signals) -> float:
    return float(len(_title(signals).split()) > 30)


def _year_out_of_range(signals: Signals) -> float:
    issued = signals.reference.issued
    if issued is None or issued.year is None:
        return 0.0
    return float(not 1600 <= issued.year <= date.today().year + 1)


def _pages_decrease(signals: Signals) -> float:
    match = _PAGE_RANGE.match(signals.reference.pages or "")
    if match is None:
        return 0.0
    first, last = (number.lstrip("0") for number in match.groups())
    # "1181–85" abbreviates the last page; only a full last page can be out of order (compared as
    # digits: int() refuses numbers of thousands of digits)
    return float(len(last) == len(first) and last < first)


def _unlike_its_list(signals: Signals) -> float:
    """The entry was read in a family its own signs do not show, while they show another."""
    own = max(signals.evidence.items(), key=lambda item: item[1], default=None)
    if own is None or own[1] <= 0 or signals.read_in is None:
        return 0.0
    return float(signals.evidence.get(signals.read_in, 0.0) == 0.0)


def _no_family_signs(signals: Signals) -> float:
    return float(not any(score > 0 for score in signals.evidence.values()))


def _container_by_position(signals: Signals) -> float:
    """A container no "In", "//" or journal locator points at."""
    reference = signals.reference
    if not reference.container_title:
        return 0.0
    return float("IN" not in signals.markers and not signals.markers & _LOCATORS)


def _book_without_imprint(signals: Signals) -> float:
    reference = signals.reference
    return float(reference.type is ReferenceType.BOOK and not reference.publisher and not reference.places)


def _publisher_without_place(signals: Signals) -> float:
    reference = signals.reference
    return float(bool(reference.publisher) and not reference.places)


def _unknown_type(signals: Signals) -> float:
    return float(signals.reference.type is ReferenceType.DOCUMENT)


def _lead_sentences(signals: Signals) -> float:
    return float(min(4, max(0, signals.lead_sentences - 1)))


def _fixing_markers(signals: Signals) -> float:
    return float(min(5, len(signals.markers & _FIXING)))


def _length(signals: Signals) -> float:
    """Hundreds of characters: a longer reference has more fields to get wrong."""
    return min(4.0, len(signals.reference.raw) / 100)


def _translations(signals: Signals) -> float:
    """Bracketed translations beyond the title's (a container's, a series')."""
    return float(min(2, max(0, signals.reference.raw.count("[") - 1)))


def _type_is(*types: ReferenceType) -> Callable[[Signals], float]:
    def measure(signals: Signals) -> float:
        return float(signals.reference.type in types)

    return measure


def _note(signals: Signals) -> float:
    return float(signals.reference.note is not None)


FEATURES: tuple[Feature, ...] = (
    Feature("parse_error", "the grammar could not read all of the text", _errors),
    Feature("damaged_text", "the text held characters that are no text (control characters, bad bytes)", _damaged),
    Feature("other_script", "letters of a script other than Latin, Greek and Cyrillic", _other_script),
    Feature("unplaced_text", "a sentence whose role was not recognised (kept in note)", _unplaced),
    Feature("note", "text kept in note", _note),
    Feature("repaired_text", "the text needed a repair (brackets, a torn URL or DOI, dates that disagree)", _repaired),
    Feature("no_year", "no year was found", _no_year),
    Feature("no_creator", "no author or editor was found", _no_creator),
    Feature("no_title", "no title was found", _no_title),
    Feature("lowercase_title", "the title starts with a lowercase letter", _lowercase_title),
    Feature("article_without_locators", "a journal article without volume or issue", _article_without_locators),
    Feature("long_title", "the title is very long (more than 30 words)", _long_title),
    Feature("year_out_of_range", "the year is before 1600 or after next year", _year_out_of_range),
    Feature("pages_decrease", "the last page comes before the first", _pages_decrease),
    Feature("unlike_its_list", "printed unlike the rest of its list", _unlike_its_list),
    Feature("no_family_signs", "shows no sign of any style family", _no_family_signs),
    Feature("container_by_position", "the container was placed by position only", _container_by_position),
    Feature("book_without_imprint", "a book without place or publisher", _book_without_imprint),
    Feature("publisher_without_place", "a publisher without a place", _publisher_without_place),
    Feature("unknown_type", "the kind of work is unknown", _unknown_type),
    Feature("lead_sentences", "several sentences before the first marker (title boundaries guessed)", _lead_sentences),
    Feature("fixing_markers", "fields fixed by printed markers", _fixing_markers, FOR),
    Feature("length", "a long reference (many fields to place)", _length),
    Feature("translations", "more than one bracketed translation", _translations),
    Feature(
        "part_of_a_work",
        "a part of another work (chapter or paper)",
        _type_is(ReferenceType.CHAPTER, ReferenceType.PAPER),
        EITHER,
    ),
    Feature("book", "a book", _type_is(ReferenceType.BOOK), EITHER),
    Feature(
        "other_kind",
        "a report, thesis, standard, patent, web page or other document",
        _type_is(
            ReferenceType.REPORT,
            ReferenceType.THESIS,
            ReferenceType.STANDARD,
            ReferenceType.PATENT,
            ReferenceType.WEBPAGE,
            ReferenceType.MANUSCRIPT,
            ReferenceType.LEGISLATION,
            ReferenceType.DOCUMENT,
            ReferenceType.NEWSPAPER,
            ReferenceType.PERIODICAL,
        ),
        EITHER,
    ),
)
BY_NAME: dict[str, Feature] = {feature.name: feature for feature in FEATURES}
#: Features that flag a reference for review whatever else it shows: the gold has too few of them to
#: weigh, and each means a field is surely missing or wrong.
ALWAYS_REVIEWED = (
    "parse_error", "damaged_text", "other_script", "no_title", "year_out_of_range", "pages_decrease", "unknown_type",
)  # fmt: skip


def measure(signals: Signals) -> dict[str, float]:
    """Every feature's value for one parse."""
    return {feature.name: feature.measure(signals) for feature in FEATURES}
