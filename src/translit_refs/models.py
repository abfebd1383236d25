"""Typed data of one parsed reference (pydantic v2, frozen).

The models describe the bibliographic domain; CSL-JSON, BibTeX and the journal style are
exporters that read them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_serializer


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
    edition: str | None = None
    isbn: str | None = None
    event_place: str | None = None
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
    raw: str = ""
    diagnostics: tuple[Diagnostic, ...] = ()

    def people(self, role: Role) -> tuple[Person, ...]:
        """The persons with the given role, in order."""
        return tuple(p for p in self.persons if p.role is role)

    @property
    def has_errors(self) -> bool:
        """True when some part of the text was not understood."""
        return any(d.severity is Severity.ERROR for d in self.diagnostics)

    @field_serializer("raw", when_used="json")
    def _raw_as_unicode(self, raw: str) -> str:
        """Lone surrogates cannot be written as UTF-8: JSON carries each as U+FFFD (``raw`` keeps them)."""
        return raw if raw.isascii() else _SURROGATE.sub("\ufffd", raw)


_SURROGATE = re.compile("[\ud800-\udfff]")
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
