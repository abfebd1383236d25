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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from ..lexicon import kinds, pattern, words_of
from ..lexicon.words import PLACES
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
    #: The parse's provenance records (``rules`` reads them; empty for a Reference the parser did not fill).
    records: Sequence[Any] = ()

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
        private = reference.__pydantic_private__
        records = (private.get("_provenance") if private else None) or ()
        if skeleton is None:
            return cls(
                reference,
                evidence=evidence,
                read_in=read_in,
                codes=codes,
                unplaced=unplaced,
                own_best=own_best,
                records=records,
            )
        markers = {element.kind for element in skeleton.elements}
        if skeleton.head.date is not None:
            markers.add(kinds.DATE_PAREN)  # "Author, I. (1969). Title": the date closes the authors
        lead = len(skeleton.lead)
        return cls(reference, frozenset(markers), lead, evidence, read_in, codes, unplaced, own_best, records)


#: How a feature may weigh: only against the reference, only for it, or either way (the kind of work).
AGAINST, FOR, EITHER = -1, 1, 0


@dataclass(frozen=True, slots=True)
class Feature:
    """A named observation, the field it casts doubt on ("" for the whole entry), the reason a person is
    given when it weighs against the reference (a template ``explain`` fills with the entry's own words),
    and which way it may weigh (the fit keeps that sign or drops the feature)."""

    name: str
    field: str
    reason: str
    weighs: int = AGAINST


#: Markers that fix a journal article's locators.
_LOCATORS = frozenset(
    {kinds.VOLUME, kinds.ISSUE, kinds.PAGES, kinds.APA_LOCATOR, kinds.VANCOUVER_LOCATOR, kinds.ARTICLE_NO, kinds.SEASON}
)
#: Markers that fix a field by a word printed for it ("URL:" and "Available at:" fix the URL).
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
        kinds.URL,
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
    {
        ReferenceType.STANDARD,
        ReferenceType.LEGISLATION,
        ReferenceType.LEGAL_CASE,
        ReferenceType.WEBPAGE,
        ReferenceType.PATENT,
    }
)
#: Types that print no title of their own (archival signatures, bare web addresses).
_UNTITLED = frozenset({ReferenceType.MANUSCRIPT, ReferenceType.WEBPAGE})
_CREATORS = (Role.AUTHOR, Role.EDITOR)
_PAGE_RANGE = re.compile(r"^(\d+)\s?[-–—]\s?(\d+)$")
#: A letter of a script other than Latin, Greek and Cyrillic (the parser reads no other).
_OTHER_SCRIPT = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u052f\u1e00-\u1eff\u02b0-\u02ff]")
#: The latest year a work can be dated (as of the process's start: a day's error at New Year).
_NEXT_YEAR = date.today().year + 1

FEATURES: tuple[Feature, ...] = (
    Feature("parse_error", "", "the grammar could not read all of the text"),
    Feature("damaged_text", "", "the text holds characters that are no text (control characters, bad bytes)"),
    Feature("other_script", "", "letters of a script other than Latin, Greek and Cyrillic"),
    Feature("unplaced_text", "note", "text left unplaced: {note} (kept in note)"),
    Feature("note", "note", "text kept in note: {note}"),
    Feature("repaired_text", "", "the text needed a repair (brackets, a torn URL or DOI, dates that disagree)"),
    Feature("no_year", "issued", "year: none found"),
    Feature("no_creator", "persons", "authors: none found before the title {title}"),
    Feature("no_title", "title", "title: none found"),
    Feature("lowercase_title", "title", "title starts with a lowercase letter: {title} (its start may be cut)"),
    Feature("article_without_locators", "type", "kind of work: read as a journal article, but no volume or issue"),
    Feature("year_out_of_range", "issued", "year {year} is before 1600 or after next year"),
    Feature("pages_decrease", "pages", "pages {pages}: the last page comes before the first"),
    Feature("unlike_its_list", "", "printed unlike the rest of its list: read in its list's style without its signs"),
    Feature("no_family_signs", "", "printed in no known style: its fields were placed by position"),
    Feature(
        "container_by_position",
        "container_title",
        "container and title boundary guessed: no marker between {title_end} and {container}",
    ),
    Feature("book_without_imprint", "type", "kind of work: read as a book, but no place or publisher"),
    Feature("publisher_without_place", "publisher", "publisher {publisher} without a place: imprint boundary guessed"),
    Feature("unknown_type", "type", "kind of work unknown"),
    Feature("lead_sentences", "title", "title boundaries guessed: several sentences before the first marker"),
    Feature("fixing_markers", "", "fields fixed by printed markers", FOR),
    Feature("translations", "title_translation", "more than one bracketed translation: which is the title's guessed"),
    Feature(
        "locators_outside_article",
        "type",
        "kind of work: read as a {type}, yet it prints an issue or a page range (a journal's or a book's part?)",
    ),
    Feature("year_among_several", "issued", "year {year} chosen among several printed ({years})"),
    Feature(
        "imprint_word_in_container", "container_title", "container holds {container_cue}: it may run into the imprint"
    ),
    Feature("publisher_by_position", "publisher", "publisher {publisher} placed by its position before the year"),
    Feature(
        "container_without_locators", "container_title", "container {container} with no volume, issue, pages or URL"
    ),
    Feature(
        "kind_word_elsewhere",
        "type",
        "kind of work: read as a {type}, yet it prints {kind_word}",
    ),
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
#: Kinds of work that print no issue or page range of their own.
_WHOLE_WORKS = frozenset({ReferenceType.BOOK, ReferenceType.REPORT, ReferenceType.THESIS, ReferenceType.DOCUMENT})
#: Kinds of work found by a volume, an issue or pages in their container.
_LOCATED = frozenset({ReferenceType.ARTICLE, ReferenceType.CHAPTER, ReferenceType.PAPER})
#: A year a work may be dated by, as printed (no look-behind, so that the search skips to its first digit).
_YEAR = re.compile(r"(?:1[6-9]|20)\d\d(?!\d)")
#: The kinds of work the lexicon's ``KIND_STEM_*`` pieces name (lower-cased stems: "preprint", " thesis").
_KIND_PIECES: tuple[tuple[str, ReferenceType], ...] = (
    ("KIND_STEM_REPORT", ReferenceType.REPORT),
    ("KIND_STEM_PATENT", ReferenceType.PATENT),
    ("KIND_STEM_THESIS", ReferenceType.THESIS),
    ("KIND_STEM_STANDARD", ReferenceType.STANDARD),
)


@lru_cache(maxsize=1)
def _kind_stems() -> tuple[tuple[tuple[str, ReferenceType], ...], tuple[tuple[str, ReferenceType], ...]]:
    """The stems a text in Latin letters may print, and those a text in Cyrillic may ("о", "е": its
    commonest letters; "TECDOC", "GOST", "patent" are printed in Latin letters in Cyrillic lists too)."""
    stems = tuple((stem, named) for piece, named in _KIND_PIECES for stem in words_of(piece))
    latin = tuple((stem, named) for stem, named in stems if stem.isascii())
    cyrillic = tuple(
        (stem, named) for stem, named in stems if not stem.isascii() or stem in ("tecdoc", "gost ", "patent")
    )
    return latin, cyrillic


@lru_cache(maxsize=1)
def _imprint_cue_pattern() -> re.Pattern[str]:
    """A publisher's word or a place of publication (the lexicon's ``IMPRINT_CUE``) as a whole word."""
    return re.compile(rf"(?:^|\s)({pattern('IMPRINT_CUE')})(?=[\s.,:;]|$)")


#: Characters that make a number no year when they come just before it (a range's end, a date's year,
#: a longer number), and dashes that make it a range's start.
_NOT_BEFORE_A_YEAR = frozenset("0123456789.-–/")
_RANGE_DASHES = frozenset("-–")
#: The rules that place a publisher by its position alone (before the year, or the last sentence).
_POSITIONAL_PUBLISHER = frozenset({"roles.publisher_before_year", "roles.shaped_imprint_of_a_book"})
#: The rule that takes the year by position among the sentences.
_POSITIONAL_YEAR = "roles.take_years"
#: A book's title read from the title's sentences after the first (no "//" or "In" printed).
_POSITIONAL_PART = "roles.part_without_its_mark"


def _years(raw: str) -> set[str]:
    """The distinct years printed in ``raw``: not a page range's ends ("pp. 1656–1660"), not part of a
    longer number or a date ("17.08.2019" is the date a page was read)."""
    found = set()
    for match in _YEAR.finditer(raw):
        start, end = match.span()
        if start and raw[start - 1] in _NOT_BEFORE_A_YEAR:
            continue
        if raw[end : end + 1] in _RANGE_DASHES and raw[end + 1 : end + 2].isdigit():
            continue
        found.add(match.group())
    return found


def _several_years(raw: str) -> bool:
    """Whether ``raw`` prints more than one distinct year (``_years``); most references print one year,
    or one year twice, which a single pass in C tells without looking at each."""
    return len(set(_YEAR.findall(raw))) > 1 and len(_years(raw)) > 1


def rule_of(records: Sequence[Any], name: str) -> str | None:
    """The rule of the last provenance record of ``name`` (records of five items: field, value, start,
    end, rule)."""
    fields = records[0::5]
    if name not in fields:
        return None
    return str(records[(len(fields) - 1 - fields[::-1].index(name)) * 5 + 4])


def rules(reference: Reference) -> dict[str, str]:
    """The rule that placed each field, read from the parse's provenance records (field, value, start,
    end, rule; a later record of a field replaces an earlier one): a rule of ``markers`` fixed it by a
    printed marker, one of ``roles`` or ``layout`` placed it by its position."""
    private = reference.__pydantic_private__
    records = private.get("_provenance") if private else None
    if not records:
        return {}
    return dict(zip(records[0::5], records[4::5], strict=True))


def observe(signals: Signals) -> tuple[float, ...]:
    """Every feature's value for one parse, in the order of ``FEATURES`` (a yes/no one as a bool, which
    weighs as 0 or 1: no conversion on the hot path)."""
    reference = signals.reference
    codes = signals.codes
    raw = reference.raw
    kind = reference.type
    title = reference.title or ""
    container = reference.container_title or ""
    issued = reference.issued
    year = issued.year if issued is not None else None
    markers = signals.markers
    records = signals.records
    return (
        bool(codes) and reference.has_errors,  # parse_error
        "\ufffd" in raw or not _DAMAGE.isdisjoint(codes),  # damaged_text
        not raw.isascii() and _other_script(raw),  # other_script
        min(2, signals.unplaced),  # unplaced_text
        reference.note is not None,  # note
        not _REPAIRS.isdisjoint(codes),  # repaired_text
        year is None,  # no_year
        kind not in _IMPERSONAL and not any(person.role in _CREATORS for person in reference.persons),
        kind not in _UNTITLED and not title.strip(),  # no_title
        title.lstrip(" «\"'([")[:1].islower(),  # lowercase_title
        kind is ReferenceType.ARTICLE and not reference.volume and not reference.issue,
        year is not None and not 1600 <= year <= _NEXT_YEAR,  # year_out_of_range
        _pages_decrease(reference.pages),
        signals.own_best > 0 and signals.read_in is not None and not signals.evidence.get(signals.read_in),
        signals.own_best <= 0,  # no_family_signs
        bool(container)
        and (
            (kinds.IN not in markers and markers.isdisjoint(_LOCATORS))
            or rule_of(records, "container_title") == _POSITIONAL_PART
        ),  # container_by_position
        kind is ReferenceType.BOOK and not reference.publisher and not reference.places,
        bool(reference.publisher) and not reference.places,  # publisher_without_place
        kind is ReferenceType.DOCUMENT,  # unknown_type
        min(4, max(0, signals.lead_sentences - 1)),  # lead_sentences
        min(5, len(markers & _FIXING)),  # fixing_markers
        min(2, max(0, raw.count("[") - 1)),  # translations beyond the title's
        kind in _WHOLE_WORKS and (bool(reference.issue) or _PAGE_RANGE.match(reference.pages or "") is not None),
        year is not None and rule_of(records, "issued") == _POSITIONAL_YEAR and _several_years(raw),
        _imprint_cue(container) is not None,  # imprint_word_in_container
        # publisher_by_position
        reference.publisher is not None and rule_of(records, "publisher") in _POSITIONAL_PUBLISHER,
        (
            kind in _LOCATED
            and bool(container)
            and not (reference.volume or reference.issue or reference.pages or reference.url or reference.medium)
        ),  # container_without_locators
        _kind_word(raw, kind) is not None,  # kind_word_elsewhere
    )


def _kind_word(raw: str, kind: ReferenceType) -> str | None:
    """The first word naming a kind of work ("Preprint", "Patent", "Diss.", "GOST") when the parse did
    not read the entry as that kind (plain substring tests: a pattern costs several times more)."""
    lowered = raw.lower()
    first = -1
    named = kind
    latin, cyrillic = _kind_stems()
    for stem, stem_kind in cyrillic if "о" in lowered or "е" in lowered else latin:
        at = lowered.find(stem)
        if at >= 0 and (first < 0 or at < first):
            first, named, length = at, stem_kind, len(stem)
    if first < 0 or named is kind:
        return None
    return raw[first : first + length].strip()


def _imprint_cue(container: str) -> str | None:
    """A publisher's word or a place of publication in a container ("… Publ.", "Moscow", "М.: Мир")."""
    if not container:
        return None
    found = _imprint_cue_pattern().search(container)
    if found is not None:
        return found.group(1)
    first = container.split(maxsplit=1)[0].rstrip(",:;")
    return first if first in PLACES or f"{first}." in PLACES else None


def explain(feature: Feature, reference: Reference) -> str:
    """The feature's reason, naming the entry's own words where it has a place for them."""
    template = feature.reason
    if "{" not in template:
        return template
    return template.format_map(_Words(reference))


class _Words(dict[str, str]):
    """The words of an entry a reason may name, each read only when the reason names it."""

    def __init__(self, reference: Reference) -> None:
        super().__init__()
        self.reference = reference

    def __missing__(self, key: str) -> str:
        return _WORDS[key](self.reference)


def _title_end(reference: Reference) -> str:
    words = (reference.title or "").split()
    return _quoted(" ".join(words[-3:])) if words else "the title"


_WORDS: dict[str, Callable[[Reference], str]] = {
    "note": lambda reference: _quoted(reference.note or ""),
    "title": lambda reference: _quoted(reference.title or ""),
    "title_end": _title_end,
    "container": lambda reference: _quoted(reference.container_title or ""),
    "publisher": lambda reference: _quoted(reference.publisher or ""),
    "pages": lambda reference: reference.pages or "",
    "year": lambda reference: str(reference.issued.year) if reference.issued is not None else "",
    "years": lambda reference: ", ".join(sorted(_years(reference.raw))),
    "type": lambda reference: reference.type.value.replace("-", " "),
    "container_cue": lambda reference: _quoted(_imprint_cue(reference.container_title or "") or ""),
    "kind_word": lambda reference: _quoted(_kind_word(reference.raw, reference.type) or ""),
}


def _other_script(raw: str) -> bool:
    """Whether ``raw`` holds a letter of another script: not when it is written in Windows-1251 (Latin,
    Cyrillic and their punctuation; encoding is one pass in C) and holds no micro sign, its one
    letter of no script the parser reads."""
    if "\u00b5" not in raw:
        try:
            raw.encode("cp1251")
        except UnicodeEncodeError:
            pass
        else:
            return False
    return _OTHER_SCRIPT.search(raw) is not None


def _quoted(text: str, limit: int = 40) -> str:
    """'text', cut to ``limit`` characters."""
    return f"'{text if len(text) <= limit else text[: limit - 1] + '…'}'"


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
