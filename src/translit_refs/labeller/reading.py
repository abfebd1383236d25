"""A reference read by the labeller: its fields as a :class:`~translit_refs.models.Reference`.

The parser hands a reference to the labeller when it is printed in no style the rules know and the
rules' own reading is unsure (``parsing.parser``'s router, ``docs/labeller.md``). The labeller's
item then replaces every field it can give; what only the rules read (an access date, an archive, the
family and language) stays. Each field keeps the labeller's probability as its ``field_confidence``,
its span in ``provenance`` (rule ``"labeller"``), and the reference is flagged, with reasons naming
the doubtful fields, when its confidence is below the review threshold.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Mapping
from typing import Any

from ..lexicon import compiled
from ..models import PartialDate, Person, Provenance, Reference, ReferenceType, Role, Severity
from ..parsing.language import russian_balance, title_language
from ..parsing.shapes import is_conference
from .fields import Fields, is_standard, thesis_word

#: The rule name the labeller's fields carry in ``Reference.provenance``.
RULE = "labeller"
#: CSL key of the labeller's item → the Reference field it fills (names, dates and places apart).
_TEXT_FIELDS: dict[str, str] = {
    "title": "title",
    "container-title": "container_title",
    "collection-title": "collection_title",
    "publisher": "publisher",
    "volume": "volume",
    "issue": "issue",
    "page": "pages",
    "number-of-pages": "page_count",
    "number-of-volumes": "number_of_volumes",
    "edition": "edition",
    "genre": "genre",
    "medium": "medium",
    "DOI": "doi",
    "URL": "url",
    "ISBN": "isbn",
    "note": "note",
    "number": "number",
}
#: CSL key → the Reference field its probability is of (names apart).
_KEY_FIELDS: dict[str, str] = {**_TEXT_FIELDS, "issued": "issued", "publisher-place": "places"}
_ROLES: dict[str, Role] = {"author": Role.AUTHOR, "editor": Role.EDITOR, "translator": Role.TRANSLATOR}
#: The Reference fields the labeller's reading replaces (set to its value, or emptied).
REPLACED: tuple[str, ...] = (*_TEXT_FIELDS.values(), "persons", "issued", "places", "title_translation")
_LAST_YEAR = datetime.date.today().year + 1
#: The rules' warnings about their own reading of the sentences, which the labeller's reading replaces
#: (repairs of the text and errors stay).
RULES_READING = frozenset({"unplaced-sentence", "misplaced-editor-mark"})
#: A reference with an error is held this far below the review threshold.
HELD_BELOW = 1e-3
#: A field the labeller gives below this probability is named in the review reasons.
DOUBTFUL_BELOW = 0.9
#: A field the labeller leaves empty keeps the rules' reading when its confidence reaches this.
KEEP_RULES_ABOVE = 0.9
#: Platt scaling of the product of the fields' probabilities (``benchmarks/labeller_calibrate.py``).
CONFIDENCE_SCALE = 0.630
CONFIDENCE_OFFSET = -0.279


def _persons(item: Mapping[str, Any]) -> tuple[Person, ...]:
    """The item's authors, editors and translators, in that order."""
    found: list[Person] = []
    for key, role in _ROLES.items():
        for name in item.get(key, ()):
            if "literal" in name:
                found.append(Person(family=name["literal"], role=role, literal=True))
            elif name.get("family"):
                found.append(Person(family=name["family"], given=name.get("given", ""), role=role))
    return tuple(found)


def _date(value: Mapping[str, Any] | None) -> PartialDate | None:
    """A CSL date of the item ({"date-parts": [[2019, 3, 12]]}), when it has a year."""
    parts = (value or {}).get("date-parts")
    if not parts:
        return None
    year, month, day = (*parts[0], None, None)[:3]
    return PartialDate(year=year, month=month, day=day if month else None)


def reading_type(item: Mapping[str, Any], raw: str, fallback: ReferenceType) -> ReferenceType:
    """The kind of work the fields show: a genre (or the text) naming a thesis or report; a standard's
    designation as the number, without a container; a container named as proceedings; a container with a
    publisher or editors a chapter; one with a full date and no volume a newspaper; else a journal
    article; without a container a book when a publisher is given."""
    genre = str(item.get("genre", "")).casefold()
    container = str(item.get("container-title", "")).casefold()
    if compiled("THESIS_NAME").search(genre) or (not container and thesis_word().search(raw)):
        return ReferenceType.THESIS
    if compiled("REPORT_NAME").search(genre):
        return ReferenceType.REPORT
    if not container and is_standard(str(item.get("number", ""))):  # "IEEE Std 2977-2020", "ISO 9001:2015"
        return ReferenceType.STANDARD
    if container:
        # (proceedings with a volume and its issue, not named a conference's, are a journal: "Proceedings of the
        # IEEE, 77 (1)", "Doklady Akademii nauk 481(3)")
        journal = item.get("volume") and item.get("issue") and not is_conference(container)
        if compiled("PROCEEDINGS_NAME").search(container) and not journal:
            return ReferenceType.PAPER
        if item.get("publisher") or item.get("editor") or item.get("publisher-place"):
            return ReferenceType.CHAPTER
        located = item.get("volume") or item.get("issue")
        if item.get("URL") and not (located or item.get("page")):
            return ReferenceType.WEBPAGE
        if not located and len(item.get("issued", {}).get("date-parts", [[]])[0]) == 3:
            return ReferenceType.NEWSPAPER
        return ReferenceType.ARTICLE
    if item.get("publisher") or item.get("publisher-place") or item.get("number-of-pages"):
        return ReferenceType.BOOK
    if item.get("URL") and not item.get("volume"):
        return ReferenceType.WEBPAGE
    return fallback


#: Signs of transliteration a title the labeller read needs to be called Russian by them alone.
_TRANSLITERATED_SIGNS = 2


def _languages(parsed: Reference, title: str | None) -> dict[str, str | None]:
    """The title's language read again from the labeller's title (when its words tell), and the work's with it
    unless a note named the work's ("(In Russ.)": the rules' reading of it stays)."""
    if not title or title == parsed.title:
        return {}
    language = title_language(title, translated=False)
    weak = language == "ru" and russian_balance(title) < _TRANSLITERATED_SIGNS  # ("Lady freedom among us")
    if language is None or weak:  # (too few words to tell: the rules' reading stays)
        return {}
    found: dict[str, str | None] = {"title_language": language}
    if parsed.language == parsed.title_language:
        found["language"] = language
    return found


def _gaps(values: Mapping[str, Any]) -> list[str]:
    """What makes any reading doubtful, whoever read it: no title, neither authors nor a year, a year
    no work was printed in."""
    gaps = []
    if not values.get("title"):
        gaps.append("title: none read")
    issued = values.get("issued")
    if not values.get("persons") and issued is None:
        gaps.append("authors and year: neither read")
    if isinstance(issued, PartialDate) and issued.year is not None and not 1400 <= issued.year <= _LAST_YEAR:
        gaps.append(f"year {issued.year} is before 1400 or after next year")
    return gaps


def _field_probabilities(found: Fields) -> dict[str, float]:
    """Each filled Reference field's probability (a name list: the lowest of its roles)."""
    probabilities: dict[str, float] = {}
    for key, probability in found.probability.items():
        name = "persons" if key in _ROLES else _KEY_FIELDS.get(key)
        if name:
            probabilities[name] = round(min(probability, probabilities.get(name, 1.0)), 4)
    return probabilities


def confidence_of(probabilities: Mapping[str, float]) -> float:
    """The product of the fields' probabilities (what ``calibrated`` scales)."""
    return math.prod(probabilities.values()) if probabilities else 0.0


def calibrated(product: float) -> float:
    """The probability that every field is right, from the product of the fields' probabilities
    (Platt scaling fitted on AnyStyle's core set held out: ``benchmarks/labeller_calibrate.py``)."""
    kept = min(max(product, 1e-4), 1 - 1e-4)
    score = CONFIDENCE_SCALE * math.log(kept / (1 - kept)) + CONFIDENCE_OFFSET
    return round(1 / (1 + math.exp(-score)), 4)


def labelled_reference(parsed: Reference, found: Fields, review_below: float) -> Reference:
    """``parsed`` with every field the labeller gives replaced by the labeller's reading of it; the
    reference is flagged for review when the reading's confidence is below ``review_below``."""
    item = found.item
    values: dict[str, Any] = dict.fromkeys(REPLACED)
    values["persons"] = _persons(item)
    values["places"] = (item["publisher-place"],) if item.get("publisher-place") else ()
    values["issued"] = _date(item.get("issued")) or (parsed.issued if "issued" not in item else None)
    if item.get("accessed"):  # the labeller's, with its day, over the rules' reading of the same note
        values["accessed"] = _date(item["accessed"]) or parsed.accessed
    for key, name in _TEXT_FIELDS.items():
        if item.get(key):
            values[name] = str(item[key])
    values["type"] = reading_type(item, parsed.raw, parsed.type)
    values.update(_languages(parsed, values.get("title")))
    probabilities = _field_probabilities(found)
    for name in REPLACED:  # what the labeller left empty and the rules read surely stays
        kept = parsed.field_confidence.get(name, 0.0)
        if not values[name] and getattr(parsed, name) and kept >= KEEP_RULES_ABOVE:
            values[name] = getattr(parsed, name)
            probabilities[name] = kept
    if values["issued"] is not None and "issued" not in probabilities:
        probabilities["issued"] = parsed.field_confidence.get("issued", 0.5)
    probabilities = {name: p for name, p in probabilities.items() if values.get(name) not in (None, "", ())}
    confidence = calibrated(confidence_of(probabilities))
    errors = [f"text not understood: {d.message}" for d in parsed.diagnostics if d.severity is Severity.ERROR]
    errors += _gaps(values)
    if errors:  # what the text could not give is not made up for by the labeller: still reviewed
        confidence = min(confidence, parsed.confidence or 0.0, round(review_below - HELD_BELOW, 4))
    review = confidence < review_below
    doubtful = sorted((p, name) for name, p in probabilities.items() if p < DOUBTFUL_BELOW)
    reasons = tuple(
        f"{name}: read by the trained labeller with probability {p:.2f} (printed in no style the rules know)"
        for p, name in doubtful[:4]
    )
    if not review:
        reasons = ()
    elif not reasons:
        reasons = ("printed in no style the rules know: every field was read by the trained labeller",)
    if errors:
        reasons = (*errors, *reasons)[:4]
    values["diagnostics"] = tuple(d for d in parsed.diagnostics if d.code not in RULES_READING)
    values.update(
        confidence=confidence,
        needs_review=review,
        review_reasons=reasons,
        field_confidence=probabilities,
    )
    reference = parsed.model_copy(update=values)
    _record(reference, found)
    return reference


def _record(reference: Reference, found: Fields) -> None:
    """Each segment's span as the provenance of the field it filled (the first segment of a label fills it)."""
    record = Provenance()
    seen: set[str] = set()
    for segment in found.segments:
        if segment.label in seen:
            continue
        seen.add(segment.label)
        if segment.label in _ROLES:
            for person in reference.people(_ROLES[segment.label]):
                record.extend(("persons", person, segment.start, segment.end, RULE))
            continue
        for name in _LABEL_FIELDS.get(segment.label, ()):
            value = getattr(reference, name)
            if value is not None and value != ():
                record.extend((name, value, segment.start, segment.end, RULE))
    record.raw, record.note = reference.raw, reference.note
    private = reference.__pydantic_private__
    if private is not None:
        private["_provenance"] = record


_LABEL_FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("title",),
    "container-title": ("container_title",),
    "journal": ("container_title",),
    "collection-title": ("collection_title",),
    "publisher": ("publisher",),
    "location": ("places",),
    "date": ("issued",),
    "volume": ("volume", "issue", "number_of_volumes"),
    "pages": ("pages", "page_count"),
    "edition": ("edition",),
    "genre": ("genre",),
    "medium": ("medium",),
    "doi": ("doi",),
    "url": ("url",),
    "isbn": ("isbn",),
    "note": ("note",),
}
