"""Typed data of one parsed reference (pydantic v2, frozen).

The models describe the bibliographic domain; CSL-JSON, BibTeX and the journal style are
exporters that read them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_serializer


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ReferenceType(StrEnum):
    """Kinds of works; the values are the CSL item types they export to."""

    BOOK = "book"
    CHAPTER = "chapter"
    ARTICLE = "article-journal"
    NEWSPAPER = "article-newspaper"
    PAPER = "paper-conference"
    PERIODICAL = "periodical"
    WEBPAGE = "webpage"
    THESIS = "thesis"
    REPORT = "report"
    STANDARD = "standard"
    PATENT = "patent"
    MANUSCRIPT = "manuscript"
    LEGISLATION = "legislation"
    LEGAL_CASE = "legal_case"
    DATASET = "dataset"
    DOCUMENT = "document"


class StyleFamily(StrEnum):
    """The citation styles reference lists are printed in (``docs/families.md``).

    - ``author-date``: the seed's style and APA: "Author, I. (Year). Title [Translation]. Place, Publisher."
    - ``references``: the transliterated "References" of Russian journals indexed in Scopus and WoS:
      "Family I.I. Title [Translation]. Journal, 2010, vol. 240, no. 3, pp. 100–110 (In Russ.)"
    - ``gost``: GOST 7.0.5 / 7.1, in Cyrillic or transliterated: "Title / I.I. Author // Journal. – 2001. – Vol. 3."
    - ``vancouver``: "Author AA, Author BB. Title. Journal. 2010;240(3):100-10."
    """

    AUTHOR_DATE = "author-date"
    REFERENCES = "references"
    GOST = "gost"
    VANCOUVER = "vancouver"


class Role(StrEnum):
    """What a person did for the work."""

    AUTHOR = "author"
    EDITOR = "editor"
    CONTRIBUTOR = "contributor"
    TRANSLATOR = "translator"


class VolumeKind(StrEnum):
    """What a numbered volume is called: a volume (том, "Vol.") or a book (книга, "Book", "kn.")."""

    VOLUME = "volume"
    BOOK = "book"


class IssueKind(StrEnum):
    """What a journal issue is called: a number (номер, "No.") or an issue (выпуск, "Iss.")."""

    NUMBER = "number"
    ISSUE = "issue"


class Person(_Frozen):
    """A person as printed: family name and initials ("Dundukov", "M. Yu."), or an organisation's
    name as one literal ("Bank of Russia", ``literal=True``)."""

    family: str
    given: str = ""
    role: Role = Role.AUTHOR
    literal: bool = False


class PartialDate(_Frozen):
    """A date known to the year, month or day; a season; or an explicit "no date"."""

    year: int | None = None
    month: int | None = Field(default=None, ge=1, le=12)
    day: int | None = Field(default=None, ge=1, le=31)
    season: str | None = None
    undated: bool = False


class Severity(StrEnum):
    """How much a diagnostic matters: errors mean fields may be missing or wrong."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


class Diagnostic(_Frozen):
    """Something the parser repaired or did not understand, with where it happened.

    ``start``/``end`` are character offsets into the reference's normalised text
    (which has the same length as the raw text).
    """

    code: str
    message: str
    severity: Severity = Severity.WARNING
    start: int | None = None
    end: int | None = None
    expected: tuple[str, ...] = ()


class CyrillicText(_Frozen):
    """A Cyrillic reading of a transliterated text: the best one, how sure, and the next best."""

    text: str
    confidence: float = Field(ge=0.0, le=1.0)
    alternatives: tuple[str, ...] = ()
    scheme: str | None = None


@dataclass(frozen=True, slots=True)
class Origin:
    """Where the parser took a field's value from: the field, its index for ``persons``, ``places``
    and the sentences of ``note`` (else None), the ``start`` and ``end`` in ``Reference.raw`` of the
    token or sentences it read, and the rule that set it ("markers._volume", "roles.split_lead")."""

    field: str
    index: int | None
    start: int
    end: int
    rule: str


class Provenance(list[Any]):
    """The origins the parser recorded while it filled a Reference (``Reference.provenance``): one flat
    list of records of five items each (field, value, start, end, rule; a later record of a field
    replaces an earlier one), so that a parse keeps one object more, not one a field.

    Each record keeps the value it was recorded for, so that a copy whose field was replaced
    (``model_copy(update=…)``) reports no origin for it. It is no part of the Reference's value: it
    compares equal to any other provenance, or to none, and is never dumped.
    """

    #: The text the offsets are into, and the note the "note" records' sentences were joined into (set
    #: when the Reference takes the provenance; a list's own ``__init__`` makes one, the fastest way);
    #: and what the parser saw of the entry's family, as ``Signs`` flags (set only when it saw some).
    __slots__ = ("note", "raw", "signs")
    raw: str
    note: str | None
    signs: int

    def __eq__(self, other: object) -> bool:
        return True  # not part of the value: two parses of one text are equal, however they were read

    def __ne__(self, other: object) -> bool:
        return False

    def __hash__(self) -> int:  # type: ignore[override]
        return 0

    def __reduce__(self) -> tuple[Any, ...]:
        return _provenance, (list(self), self.raw, self.note, getattr(self, "signs", 0))

    def saw(self, sign: int) -> bool:
        """Whether the parser saw ``sign`` (a ``Signs`` flag) in the entry's own text."""
        return bool(getattr(self, "signs", 0) & sign)

    def origins(self, reference: Reference) -> tuple[Origin, ...]:
        """The origins that still describe ``reference``'s values, in text order."""
        if reference.raw is not self.raw and reference.raw != self.raw:
            return ()
        latest: dict[str, int] = {}
        persons: list[int] = []
        notes: list[int] = []
        for at in range(0, len(self), 5):
            name = self[at]
            if name == "persons":
                persons.append(at)
            elif name == "note":
                notes.append(at)
            else:
                latest[name] = at
        found: list[Origin] = []
        names = Reference.model_fields
        for name, at in latest.items():
            value = self[at + 1]
            if value is None or name not in names:
                continue  # nothing set, or a draft's own key ("noted_language"), not a field
            current = getattr(reference, name)
            if current is value or current == value:
                start, end, rule = self[at + 2 : at + 5]
                if isinstance(value, tuple):  # places: every one read from the same text
                    found.extend(Origin(name, index, start, end, rule) for index in range(len(value)))
                else:
                    found.append(Origin(name, None, start, end, rule))
        by_identity: dict[int, int] | None = None
        for index, person in enumerate(reference.persons):
            if index < len(persons) and (self[persons[index] + 1] is person or self[persons[index] + 1] == person):
                record: int | None = persons[index]  # (equal, not the same: a deep copy)
            else:  # persons added or replaced without a record: look the object up
                if by_identity is None:
                    by_identity = {id(self[at + 1]): at for at in persons}
                record = by_identity.get(id(person))
            if record is not None:
                found.append(Origin("persons", index, self[record + 2], self[record + 3], self[record + 4]))
        if notes and reference.note is not None and reference.note == self.note:
            found.extend(
                Origin("note", index, self[at + 2], self[at + 3], self[at + 4]) for index, at in enumerate(notes)
            )
        found.sort(key=lambda origin: (origin.start, origin.end))
        return tuple(found)


class Signs:
    """What the parser saw of an entry's family in its own text (``Provenance.signs`` flags, read by
    ``labeller.route``)."""

    #: Strong evidence of a family only the rules read (``families.shows_rules_family``).
    RULES_FAMILY = 1
    #: Names printed "Family I.I.", as transliterated lists print them.
    FAMILY_INITIALS = 2


def _provenance(records: list[Any], raw: str, note: str | None, signs: int = 0) -> Provenance:
    """A Provenance from its records (unpickling)."""
    made = Provenance()
    made.extend(records)
    made.raw, made.note = raw, note
    if signs:
        made.signs = signs
    return made


class Reference(_Frozen):
    """One reference of a list, with every field the parser could recover."""

    type: ReferenceType = ReferenceType.DOCUMENT
    persons: tuple[Person, ...] = ()
    #: The persons as the article's Cyrillic list prints them (``translit_refs.parallel``).
    persons_cyrillic: tuple[Person, ...] = ()
    et_al: bool = False
    title: str | None = None
    title_translation: str | None = None
    title_cyrillic: CyrillicText | None = None
    transliteration_scheme: str | None = None
    language: str | None = None
    title_language: str | None = None
    container_title: str | None = None
    container_translation: str | None = None
    #: The container's name as the article's Cyrillic list prints it (``translit_refs.parallel``).
    container_title_cyrillic: str | None = None
    issued: PartialDate | None = None
    places: tuple[str, ...] = ()
    publisher: str | None = None
    volume: str | None = None
    number_of_volumes: str | None = None
    volume_kind: VolumeKind = VolumeKind.VOLUME
    number_of_parts: str | None = None
    volume_title: str | None = None
    collection_title: str | None = None
    collection_number: str | None = None
    part: str | None = None
    issue: str | None = None
    issue_kind: IssueKind = IssueKind.NUMBER
    pages: str | None = None
    page_count: str | None = None
    genre: str | None = None
    number: str | None = None
    #: A law's article in the gazette that printed it ("Ст. 3301", "Art. 612"), CSL's ``section``.
    section: str | None = None
    edition: str | None = None
    isbn: str | None = None
    event_place: str | None = None
    #: The meeting named in a container's other title information ("материалы XII Междунар. конф.").
    event_title: str | None = None
    doi: str | None = None
    url: str | None = None
    url_fragment: str | None = None
    accessed: PartialDate | None = None
    medium: str | None = None
    archive: str | None = None
    archive_location: str | None = None
    note: str | None = None
    #: "Apresjan 1995": the label some lists print before each entry, with a dash ("Apresjan 1995 — …").
    citation_label: str | None = None
    style_family: StyleFamily | None = None
    #: How likely every field is right, 0–1, calibrated on hand-annotated references (``translit_refs.quality``);
    #: None for a Reference the parser did not make.
    confidence: float | None = Field(default=None, ge=0, le=1)
    #: Whether a person should check this parse; ``review_reasons`` says why, gravest first.
    needs_review: bool = False
    review_reasons: tuple[str, ...] = ()
    #: How likely each field present is right, 0–1, by field name ("title", "persons", "issued" …), so that
    #: a person checks the one doubtful field; empty for a Reference the parser did not make.
    field_confidence: Mapping[str, float] = Field(default_factory=dict)
    raw: str = ""
    diagnostics: tuple[Diagnostic, ...] = ()
    #: Where the parser took each field from (``provenance``); None for a Reference it did not fill.
    _provenance: Provenance | None = PrivateAttr(default=None)

    @property
    def provenance(self) -> tuple[Origin, ...]:
        """Where the parser took each field's value from: (field, index, start, end, rule), in text order.

        Only fields read from printed text have one (not ``type`` or ``language``); a field replaced
        since (``model_copy(update=…)``, a partner list's enrichment) has none. ``start``/``end`` bound
        the token or sentences the rule read; ``translit_refs.spans.field_spans`` narrows them to the
        value's own words.
        """
        recorded = self._provenance
        return recorded.origins(self) if recorded is not None else ()

    def people(self, role: Role) -> tuple[Person, ...]:
        """The persons with the given role, in order."""
        return tuple(p for p in self.persons if p.role is role)

    @property
    def has_errors(self) -> bool:
        """True when some part of the text was not understood."""
        return any(d.severity is Severity.ERROR for d in self.diagnostics)

    @field_serializer("field_confidence")
    def _field_confidence_as_dict(self, field_confidence: Mapping[str, float]) -> dict[str, float]:
        """A plain mapping (the parser's is read only when asked for: see ``quality.confidence``)."""
        return dict(field_confidence)

    @field_serializer("raw", when_used="json")
    def _raw_as_unicode(self, raw: str) -> str:
        """Lone surrogates cannot be written as UTF-8: JSON carries each as U+FFFD (``raw`` keeps them)."""
        return raw if raw.isascii() else without_surrogates(raw)


#: The Reference's private attributes as a new one starts them (each default is None: nothing to copy).
_PRIVATE_DEFAULTS: dict[str, Any] = {
    name: attribute.default for name, attribute in Reference.__private_attributes__.items()
}
if any(value is not None for value in _PRIVATE_DEFAULTS.values()) or any(
    attribute.default_factory is not None for attribute in Reference.__private_attributes__.values()
):
    raise TypeError("Reference's private attributes must default to None (see _start_private)")


def _start_private(self: Reference, context: Any, /) -> None:  # noqa: ARG001 - pydantic passes the context
    """pydantic's ``init_private_attributes`` (the ``model_post_init`` it gives a model with private
    attributes, run at every validation) for defaults of None: a copy of one dict instead of a deep copy
    of each default (a parse validates a Reference for each entry)."""
    if getattr(self, "__pydantic_private__", None) is None:
        object.__setattr__(self, "__pydantic_private__", _PRIVATE_DEFAULTS.copy())


# (set after the class is made: a ``model_post_init`` in its body would be wrapped by pydantic's own)
setattr(Reference, "model_post_init", _start_private)  # noqa: B010 - mypy refuses assigning to a method


#: A lone UTF-16 surrogate: no UTF-8 text (JSON, a file, CRFsuite's features) can hold one.
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def without_surrogates(text: str) -> str:
    """``text`` with each lone surrogate as U+FFFD (one character for one: offsets stay)."""
    return LONE_SURROGATE.sub("\ufffd", text)


#: Diagnostics a Reference lists; the others are counted in one more (``capped``).
MAX_DIAGNOSTICS = 20
_SEVERITY_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def capped(diagnostics: Iterable[Diagnostic]) -> tuple[Diagnostic, ...]:
    """At most ``MAX_DIAGNOSTICS`` diagnostics, errors first kept, in their order, and one more that
    counts the others (with the gravest severity among them)."""
    listed = tuple(diagnostics)
    if len(listed) <= MAX_DIAGNOSTICS:
        return listed
    ranked = sorted(range(len(listed)), key=lambda index: _SEVERITY_RANK[listed[index].severity])
    kept = sorted(ranked[: MAX_DIAGNOSTICS - 1])
    left = [listed[index] for index in ranked[MAX_DIAGNOSTICS - 1 :]]
    gravest = min((d.severity for d in left), key=_SEVERITY_RANK.__getitem__)
    more = Diagnostic(code="more-diagnostics", message=f"{len(left):,} more diagnostics not listed", severity=gravest)
    return (*(listed[index] for index in kept), more)


class ReferenceList(_Frozen):
    """A list read as a list: its entries and the style family detected from all of them."""

    references: tuple[Reference, ...] = ()
    family: StyleFamily | None = None
