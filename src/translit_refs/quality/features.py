"""What a parse shows about its own reliability, as named features.

Each feature is a number read off the finished Reference and the skeleton it came from: fields
fixed by a marker ("Vol.", "pp.", "URL:") against fields placed by position, text the rules could
not place, numbers out of range, how the entry fits its list's style family, repairs of the text.
``FEATURES`` names them, with the reason a person is given and the sign each may weigh with;
``observe`` reads them all in one pass (every parse is assessed, so this is on the hot path).
``confidence`` weighs them with numbers fitted on hand-annotated references
(``benchmarks/calibrate.py``); the features themselves are only observations, never verdicts.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from ..lexicon import kinds
from ..models import Reference, ReferenceType, Role, StyleFamily
from ..parsing.grammar import Skeleton


@dataclass(frozen=True, slots=True)
class Signals:
    """What the features look at: the Reference, the skeleton's marker kinds and leading sentences,
    the entry's own family evidence and the family it was read in; and, read once for all features,
    its diagnostics' codes and its best own family score."""

    reference: Reference
    markers: frozenset[str] = frozenset()
    lead_sentences: int = 0
    evidence: Mapping[StyleFamily, float] = field(default_factory=dict)
    read_in: StyleFamily | None = None
    codes: frozenset[str] = frozenset()
    unplaced: int = 0
    own_best: float = 0.0

    @classmethod
    def of(
        cls,
        reference: Reference,
        skeleton: Skeleton | None,
        evidence: Mapping[StyleFamily, float],
        read_in: StyleFamily | None,
    ) -> Signals:
        diagnostics = reference.diagnostics
        codes = frozenset(d.code for d in diagnostics) if diagnostics else frozenset()
        unplaced = sum(d.code == "unplaced-sentence" for d in diagnostics) if "unplaced-sentence" in codes else 0
        own_best = max(evidence.values(), default=0.0)
        if skeleton is None:
            return cls(reference, evidence=evidence, read_in=read_in, codes=codes, unplaced=unplaced, own_best=own_best)
        markers = {element.kind for element in skeleton.elements}
        if skeleton.head.date is not None:
            markers.add(kinds.DATE_PAREN)  # "Author, I. (1969). Title": the date closes the authors
        return cls(reference, frozenset(markers), len(skeleton.lead), evidence, read_in, codes, unplaced, own_best)


#: How a feature may weigh: only against the reference, only for it, or either way (the kind of work).
AGAINST, FOR, EITHER = -1, 1, 0


@dataclass(frozen=True, slots=True)
class Feature:
    """A named observation, the reason a person is given when it weighs against the reference, and
    which way it may weigh (the fit keeps that sign or drops the feature)."""

    name: str
    reason: str
    weighs: int = AGAINST


#: Markers that fix a journal article's locators.
_LOCATORS = frozenset(
    {kinds.VOLUME, kinds.ISSUE, kinds.PAGES, kinds.APA_LOCATOR, kinds.VANCOUVER_LOCATOR, kinds.ARTICLE_NO, kinds.SEASON}
)
#: Markers that fix a field by a word printed for it. ("URL:" and "Available at:" fix the URL too, but the
#: weights in data/confidence.json were fitted without them, when this set named the mark's terminal
#: instead of the element's kind; they join when the confidence is fitted again.)
_FIXING = frozenset(
    {
        kinds.TRANSLATION,
        kinds.VOLUME,
        kinds.ISSUE,
        kinds.PAGES,
        kinds.APA_LOCATOR,
        kinds.VANCOUVER_LOCATOR,
        kinds.ARTICLE_NO,
        kinds.PAGE_COUNT,
        kinds.BARE_URL,
        kinds.DOI,
        kinds.ACCESS,
        kinds.ISBN,
        kinds.IN,
        kinds.THESIS,
        kinds.STANDARD,
        kinds.PATENT,
        kinds.REPORT_NO,
        kinds.REPORT_CODE,
        kinds.EDITION,
        kinds.N_VOLS,
        kinds.LANG_NOTE,
        kinds.MEDIUM,
        kinds.DATE_PAREN,
    }
)
#: Codes of diagnostics that say the text itself needed a repair.
_REPAIRS = frozenset({"unbalanced-bracket", "torn-url", "doi-dashes", "conflicting-dates"})
#: Codes of diagnostics that say the text itself was damaged (characters read as something else).
_DAMAGE = frozenset({"control-character", "lone-surrogate", "not-utf8"})
#: Types whose works usually carry no person's name.
_IMPERSONAL = frozenset(
    {ReferenceType.STANDARD, ReferenceType.LEGISLATION, ReferenceType.WEBPAGE, ReferenceType.PATENT}
)
#: Types that print no title of their own (archival signatures, bare web addresses).
_UNTITLED = frozenset({ReferenceType.MANUSCRIPT, ReferenceType.WEBPAGE})
_PARTS = frozenset({ReferenceType.CHAPTER, ReferenceType.PAPER})
_OTHER_KINDS = frozenset(
    {ReferenceType.REPORT, ReferenceType.THESIS, ReferenceType.STANDARD, ReferenceType.PATENT, ReferenceType.WEBPAGE,
     ReferenceType.MANUSCRIPT, ReferenceType.LEGISLATION, ReferenceType.DOCUMENT, ReferenceType.NEWSPAPER,
     ReferenceType.PERIODICAL}
)  # fmt: skip
_CREATORS = (Role.AUTHOR, Role.EDITOR)
_PAGE_RANGE = re.compile(r"^(\d+)\s?[-–—]\s?(\d+)$")
#: A letter of a script other than Latin, Greek and Cyrillic (the parser reads no other).
_OTHER_SCRIPT = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u052f\u1e00-\u1eff\u02b0-\u02ff]")
#: The latest year a work can be dated (as of the process's start: a day's error at New Year).
_NEXT_YEAR = date.today().year + 1

FEATURES: tuple[Feature, ...] = (
    Feature("parse_error", "the grammar could not read all of the text"),
    Feature("damaged_text", "the text held characters that are no text (control characters, bad bytes)"),
    Feature("other_script", "letters of a script other than Latin, Greek and Cyrillic"),
    Feature("unplaced_text", "a sentence whose role was not recognised (kept in note)"),
    Feature("note", "text kept in note"),
    Feature("repaired_text", "the text needed a repair (brackets, a torn URL or DOI, dates that disagree)"),
    Feature("no_year", "no year was found"),
    Feature("no_creator", "no author or editor was found"),
    Feature("no_title", "no title was found"),
    Feature("lowercase_title", "the title starts with a lowercase letter"),
    Feature("article_without_locators", "a journal article without volume or issue"),
    Feature("long_title", "the title is very long (more than 30 words)"),
    Feature("year_out_of_range", "the year is before 1600 or after next year"),
    Feature("pages_decrease", "the last page comes before the first"),
    Feature("unlike_its_list", "printed unlike the rest of its list"),
    Feature("no_family_signs", "shows no sign of any style family"),
    Feature("container_by_position", "the container was placed by position only"),
    Feature("book_without_imprint", "a book without place or publisher"),
    Feature("publisher_without_place", "a publisher without a place"),
    Feature("unknown_type", "the kind of work is unknown"),
    Feature("lead_sentences", "several sentences before the first marker (title boundaries guessed)"),
    Feature("fixing_markers", "fields fixed by printed markers", FOR),
    Feature("length", "a long reference (many fields to place)"),
    Feature("translations", "more than one bracketed translation"),
    Feature("part_of_a_work", "a part of another work (chapter or paper)", EITHER),
    Feature("book", "a book", EITHER),
    Feature("other_kind", "a report, thesis, standard, patent, web page or other document", EITHER),
)
BY_NAME: dict[str, Feature] = {feature.name: feature for feature in FEATURES}
#: Features that flag a reference for review whatever else it shows: the gold has too few of them to
#: weigh, and each means a field is surely missing or wrong.
ALWAYS_REVIEWED = (
    "parse_error",
    "damaged_text",
    "other_script",
    "no_title",
    "year_out_of_range",
    "pages_decrease",
    "unknown_type",
)


def observe(signals: Signals) -> tuple[float, ...]:
    """Every feature's value for one parse, in the order of ``FEATURES``."""
    reference = signals.reference
    codes = signals.codes
    raw = reference.raw
    kind = reference.type
    title = reference.title or ""
    issued = reference.issued
    year = issued.year if issued is not None else None
    markers = signals.markers
    return (
        float(bool(codes) and reference.has_errors),  # parse_error
        float("\ufffd" in raw or not _DAMAGE.isdisjoint(codes)),  # damaged_text
        float(not raw.isascii() and _OTHER_SCRIPT.search(raw) is not None),  # other_script
        float(min(2, signals.unplaced)),  # unplaced_text
        float(reference.note is not None),  # note
        float(not _REPAIRS.isdisjoint(codes)),  # repaired_text
        float(year is None),  # no_year
        float(kind not in _IMPERSONAL and not any(person.role in _CREATORS for person in reference.persons)),
        float(kind not in _UNTITLED and not title.strip()),  # no_title
        float(title.lstrip(" «\"'([")[:1].islower()),  # lowercase_title
        float(kind is ReferenceType.ARTICLE and not reference.volume and not reference.issue),
        float(len(title.split()) > 30),  # long_title
        float(year is not None and not 1600 <= year <= _NEXT_YEAR),  # year_out_of_range
        _pages_decrease(reference.pages),
        float(signals.own_best > 0 and signals.read_in is not None and not signals.evidence.get(signals.read_in)),
        float(signals.own_best <= 0),  # no_family_signs
        float(bool(reference.container_title) and kinds.IN not in markers and markers.isdisjoint(_LOCATORS)),
        float(kind is ReferenceType.BOOK and not reference.publisher and not reference.places),
        float(bool(reference.publisher) and not reference.places),  # publisher_without_place
        float(kind is ReferenceType.DOCUMENT),  # unknown_type
        float(min(4, max(0, signals.lead_sentences - 1))),  # lead_sentences
        float(min(5, len(markers & _FIXING))),  # fixing_markers
        min(4.0, len(raw) / 100),  # length: hundreds of characters, more fields to place
        float(min(2, max(0, raw.count("[") - 1))),  # translations beyond the title's
        float(kind in _PARTS),  # part_of_a_work
        float(kind is ReferenceType.BOOK),  # book
        float(kind in _OTHER_KINDS),  # other_kind
    )


def _pages_decrease(pages: str | None) -> float:
    """ "250–120"; "1181–85" abbreviates its last page, so only a full last page can be out of order
    (compared as digits: int() refuses numbers of thousands of digits)."""
    match = _PAGE_RANGE.match(pages or "")
    if match is None:
        return 0.0
    first, last = (number.lstrip("0") for number in match.groups())
    return float(len(last) == len(first) and last < first)


def measure(signals: Signals) -> dict[str, float]:
    """Every feature's value for one parse, by name."""
    return dict(zip((feature.name for feature in FEATURES), observe(signals), strict=True))
