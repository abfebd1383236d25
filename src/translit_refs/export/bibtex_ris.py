"""BibTeX (biblatex fields, written by bibtexparser) and RIS (written by rispy) exports.

The field mapping is documented in docs/exports.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import rispy
from bibtexparser.entrypoint import write_string
from bibtexparser.library import Library
from bibtexparser.model import Entry, Field

from ..models import PartialDate, Person, Reference, ReferenceType, Role

_BIBTEX_TYPES = {
    ReferenceType.BOOK: "book",
    ReferenceType.CHAPTER: "incollection",
    ReferenceType.ARTICLE: "article",
    ReferenceType.NEWSPAPER: "article",
    ReferenceType.PAPER: "inproceedings",
    ReferenceType.STANDARD: "standard",
    ReferenceType.PATENT: "patent",
    ReferenceType.PERIODICAL: "periodical",
    ReferenceType.WEBPAGE: "online",
    ReferenceType.THESIS: "thesis",
    ReferenceType.REPORT: "report",
    ReferenceType.MANUSCRIPT: "unpublished",
    ReferenceType.LEGISLATION: "misc",
    ReferenceType.DOCUMENT: "misc",
}
_RIS_TYPES = {
    ReferenceType.BOOK: "BOOK",
    ReferenceType.CHAPTER: "CHAP",
    ReferenceType.ARTICLE: "JOUR",
    ReferenceType.NEWSPAPER: "NEWS",
    ReferenceType.PAPER: "CPAPER",
    ReferenceType.STANDARD: "STAND",
    ReferenceType.PATENT: "PAT",
    ReferenceType.PERIODICAL: "NEWS",
    ReferenceType.WEBPAGE: "ELEC",
    ReferenceType.THESIS: "THES",
    ReferenceType.REPORT: "RPRT",
    ReferenceType.MANUSCRIPT: "MANSCPT",
    ReferenceType.LEGISLATION: "STAT",
    ReferenceType.DOCUMENT: "GEN",
}
#: Types whose number is the work's own (a report's, a standard's, a patent's), not a journal issue.
_NUMBERED = frozenset({ReferenceType.REPORT, ReferenceType.STANDARD, ReferenceType.PATENT})
#: biblatex language names for BCP 47 codes.
_LANGIDS = {"ru": "russian", "en": "english", "uk": "ukrainian", "de": "german", "fr": "french"}
_PAGE_RANGE = re.compile(r"^\s*(\S+?)\s*[-‐‑‒–—−]\s*(\S+)\s*$")


def to_bibtex(references: Iterable[Reference]) -> str:
    """A BibTeX database (biblatex field names) with one entry per reference."""
    library = Library()
    used: set[str] = set()
    for reference in references:
        key = unique_key(_citation_key(reference), used)
        fields = [Field(name, value) for name, value in _bibtex_fields(reference).items() if value]
        library.add(Entry(_BIBTEX_TYPES[reference.type], key, fields))
    text: str = write_string(library)
    return text


class _UnnumberedRisWriter(rispy.RisWriter):  # type: ignore[misc]
    """rispy's writer without its "1." counter line before each record."""

    def set_header(self, count: int) -> str:  # noqa: ARG002 - rispy's signature
        return ""


def to_ris(references: Iterable[Reference]) -> str:
    """An RIS file with one record per reference."""
    records = [_ris_record(reference) for reference in references]
    text: str = rispy.dumps(records, implementation=_UnnumberedRisWriter)
    return text


def _bibtex_fields(reference: Reference) -> dict[str, str | None]:
    title, main_title = reference.title, None
    if reference.volume_title:
        title, main_title = reference.volume_title, reference.title
    container_field = {
        ReferenceType.ARTICLE: "journaltitle",
        ReferenceType.NEWSPAPER: "journaltitle",
        ReferenceType.CHAPTER: "booktitle",
        ReferenceType.PAPER: "booktitle",
        ReferenceType.WEBPAGE: "organization",
        ReferenceType.REPORT: "organization",
    }.get(reference.type, "howpublished")
    issue = reference.issue
    season = reference.issued.season if reference.issued else None
    return {
        "author": _bibtex_names(reference.people(Role.AUTHOR)),
        "editor": _bibtex_names(reference.people(Role.EDITOR)),
        "editora": _bibtex_names(reference.people(Role.CONTRIBUTOR)),
        "editoratype": "collaborator" if reference.people(Role.CONTRIBUTOR) else None,
        "translator": _bibtex_names(reference.people(Role.TRANSLATOR)),
        "title": title,
        "maintitle": main_title,
        "titleaddon": reference.title_translation,
        "langid": _LANGIDS.get(reference.language or "", reference.language),
        container_field: reference.container_title,
        "date": _iso_date(reference.issued),
        "issue": season,
        "volume": reference.volume,
        "volumes": reference.number_of_volumes,
        "part": reference.part,
        "number": reference.number if reference.type in _NUMBERED else issue,
        "edition": reference.edition,
        "isbn": reference.isbn,
        "series": reference.collection_title,
        "venue": reference.event_place,
        "pages": reference.pages,
        "pagetotal": reference.page_count,
        "type": reference.genre,
        "entrysubtype": "newspaper" if reference.type is ReferenceType.NEWSPAPER else None,
        "publisher": reference.publisher,
        "location": " and ".join(reference.places) or None,
        "doi": reference.doi,
        "url": reference.url,
        "urldate": _iso_date(reference.accessed),
        "howpublished" if container_field != "howpublished" else "note": reference.medium,
        "note": reference.note,
        "label": reference.citation_label,
    }


def _ris_record(reference: Reference) -> dict[str, Any]:
    record: dict[str, Any] = {"type_of_reference": _RIS_TYPES[reference.type]}
    people = {
        "authors": reference.people(Role.AUTHOR),
        "secondary_authors": reference.people(Role.EDITOR),
        "tertiary_authors": reference.people(Role.CONTRIBUTOR),
        "subsidiary_authors": reference.people(Role.TRANSLATOR),
    }
    for key, persons in people.items():
        if persons:
            record[key] = [_inverted(p) for p in persons]
    start, end = _page_bounds(reference.pages)
    book_like = reference.type in (ReferenceType.BOOK, ReferenceType.THESIS)
    values: dict[str, Any] = {
        "title": reference.title,
        "translated_title": reference.title_translation,
        "language": reference.language,
        "secondary_title": reference.container_title,
        "tertiary_title": reference.volume_title,
        "year": str(reference.issued.year) if reference.issued and reference.issued.year else None,
        "date": _ris_date(reference.issued),
        "access_date": _ris_date(reference.accessed),
        "volume": reference.volume,
        "number": reference.number if reference.type in _NUMBERED else reference.issue,
        "edition": reference.edition,
        "issn": reference.isbn,
        "number_of_volumes": reference.number_of_volumes,
        "start_page": reference.page_count if book_like else start,
        "end_page": None if book_like else end,
        "publisher": reference.publisher,
        "place_published": ", ".join(reference.places) or None,
        "doi": reference.doi,
        "urls": [reference.url] if reference.url else None,
        "type_of_work": reference.genre or reference.medium,
        "notes": [reference.note] if reference.note else None,
        "label": reference.citation_label,
    }
    record.update({key: value for key, value in values.items() if value})
    return record


def _bibtex_names(people: tuple[Person, ...]) -> str | None:
    return " and ".join(_inverted(p) for p in people) or None


def _inverted(person: Person) -> str:
    if person.literal:
        return "{" + person.family + "}"
    return f"{person.family}, {person.given}" if person.given else person.family


def _iso_date(date: PartialDate | None) -> str | None:
    if date is None or date.year is None:
        return None
    parts = [f"{date.year:04d}"]
    if date.month:
        parts.append(f"{date.month:02d}")
        if date.day:
            parts.append(f"{date.day:02d}")
    return "-".join(parts)


def _ris_date(date: PartialDate | None) -> str | None:
    """RIS dates: "YYYY/MM/DD/" with empty parts left empty."""
    if date is None or date.year is None:
        return None
    month = f"{date.month:02d}" if date.month else ""
    day = f"{date.day:02d}" if date.day else ""
    return f"{date.year:04d}/{month}/{day}/"


def _page_bounds(pages: str | None) -> tuple[str | None, str | None]:
    if not pages:
        return None, None
    match = _PAGE_RANGE.match(pages)
    return (match.group(1), match.group(2)) if match else (pages, None)


def _citation_key(reference: Reference) -> str:
    name = reference.persons[0].family if reference.persons else (reference.title or "ref").split()[0]
    year = reference.issued.year if reference.issued and reference.issued.year else "nd"
    ascii_name = re.sub(r"[^A-Za-z0-9]", "", name).lower() or "ref"
    return f"{ascii_name}{year}"


def unique_key(key: str, used: set[str]) -> str:
    """The key, or the key with a, b, c… (then a number) when ``used`` has it; records the result."""
    candidate, suffix = key, 0
    while candidate in used:
        suffix += 1
        candidate = key + "abcdefghijklmnopqrstuvwxyz"[(suffix - 1) % 26] + ("" if suffix <= 26 else str(suffix))
    used.add(candidate)
    return candidate
