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

from ..models import PartialDate, Person, Reference, ReferenceList, ReferenceType, Role
from .arguments import references_of
from .biblatex_model import BIBLATEX_FIELDS, BIBLATEX_GENERAL_FIELDS, BIBLATEX_INTEGER_FIELDS
from .fields import exported

_BIBTEX_TYPES = {
    ReferenceType.BOOK: "book",
    ReferenceType.CHAPTER: "incollection",
    ReferenceType.ARTICLE: "article",
    ReferenceType.NEWSPAPER: "article",
    ReferenceType.PAPER: "inproceedings",
    ReferenceType.STANDARD: "report",  # biblatex's @standard may carry no field at all (type = {standard})
    ReferenceType.PATENT: "patent",
    ReferenceType.PERIODICAL: "periodical",
    ReferenceType.WEBPAGE: "online",
    ReferenceType.THESIS: "thesis",
    ReferenceType.REPORT: "report",
    ReferenceType.MANUSCRIPT: "unpublished",
    ReferenceType.LEGISLATION: "misc",
    ReferenceType.LEGAL_CASE: "misc",
    ReferenceType.DATASET: "dataset",
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
    ReferenceType.LEGAL_CASE: "CASE",
    ReferenceType.DATASET: "DATA",
    ReferenceType.DOCUMENT: "GEN",
}
#: Types whose number is the work's own (a report's, a standard's, a patent's), not a journal issue.
_NUMBERED = frozenset({ReferenceType.REPORT, ReferenceType.STANDARD, ReferenceType.PATENT})
#: biblatex language names for BCP 47 codes.
_LANGIDS = {"ru": "russian", "en": "english", "uk": "ukrainian", "be": "belarusian", "de": "german", "fr": "french"}
#: Where a field goes when its entry type has no such field but has a counterpart.
#: (The container fields are chosen per type in ``_bibtex_fields`` and need none.)
_COUNTERPARTS = {
    "publisher": "institution",  # theses and reports
    "howpublished": "organization",
    "pagetotal": "pages",
    "issue": "number",
}
#: How a value moved to ``addendum`` is labelled (field names not listed are used as they are).
_ADDENDUM_LABELS = {"editora": "with", "howpublished": "medium", "pagetotal": "pages"}
_PAGE_RANGE = re.compile(r"^\s*(\S+?)\s*[-‐‑‒–—−]\s*(\S+)\s*$")


def to_bibtex(references: Iterable[Reference] | ReferenceList | Reference) -> str:
    """A BibTeX database (biblatex field names) with one entry per reference: of an iterable of
    Reference, a ReferenceList or one Reference; anything else is an InvalidArgumentError."""
    library = Library()
    keys = CitationKeys()
    for reference in map(exported, references_of(references, "to_bibtex")):
        key = keys.unique(_citation_key(reference))
        entry_type = _BIBTEX_TYPES[reference.type]
        fields = [Field(name, value) for name, value in _bibtex_fields(reference, entry_type).items()]
        library.add(Entry(entry_type, key, fields))
    text: str = write_string(library)
    return text


#: rispy's tags and keys, with M2 ("misc2"), which rispy does not name.
RIS_TAGS: dict[str, str] = {**rispy.TAG_KEY_MAPPING, "M2": "misc2"}


class _UnnumberedRisWriter(rispy.RisWriter):  # type: ignore[misc]
    """rispy's writer without its "1." counter line before each record."""

    def set_header(self, count: int) -> str:  # noqa: ARG002 - rispy's signature
        return ""


def to_ris(references: Iterable[Reference] | ReferenceList | Reference) -> str:
    """An RIS file with one record per reference: of an iterable of Reference, a ReferenceList or one
    Reference; anything else is an InvalidArgumentError."""
    records = [_ris_record(exported(reference)) for reference in references_of(references, "to_ris")]
    text: str = rispy.dumps(records, implementation=_UnnumberedRisWriter, mapping=RIS_TAGS)
    return text


def _bibtex_fields(reference: Reference, entry_type: str) -> dict[str, str]:
    """biblatex fields of one entry, each valid for its entry type and written as TeX."""
    title, main_title = reference.title, None
    if reference.volume_title:
        title, main_title = reference.volume_title, reference.title
    container_field = {
        ReferenceType.ARTICLE: "journaltitle",
        ReferenceType.NEWSPAPER: "journaltitle",
        ReferenceType.CHAPTER: "booktitle",
        ReferenceType.PAPER: "booktitle",
        ReferenceType.WEBPAGE: "organization",
        ReferenceType.REPORT: "institution",
    }.get(reference.type, "howpublished")
    season = reference.issued.season if reference.issued else None
    fields = {
        "author": _bibtex_names(reference.people(Role.AUTHOR)),
        "editor": _bibtex_names(reference.people(Role.EDITOR)),
        "editora": _bibtex_names(reference.people(Role.CONTRIBUTOR)),
        "editoratype": "collaborator" if reference.people(Role.CONTRIBUTOR) else None,
        "translator": _bibtex_names(reference.people(Role.TRANSLATOR)),
        "title": _protected(title),
        "maintitle": _protected(main_title),
        "titleaddon": _protected(reference.title_translation),
        "langid": _escaped(_LANGIDS.get(reference.language or "", reference.language)),
        container_field: _protected(reference.container_title),
        "date": _iso_date(reference.issued),
        "issue": _escaped(season),
        "volume": _escaped(reference.volume),
        "volumes": _escaped(reference.number_of_volumes),
        "part": _escaped(reference.part),
        "number": _escaped(reference.number if reference.type in _NUMBERED else reference.issue),
        "edition": _escaped(reference.edition),
        "section": _escaped(reference.section),
        "isbn": _escaped(reference.isbn),
        "series": _protected(reference.collection_title),
        "venue": _escaped(reference.event_place),
        "eventtitle": _protected(reference.event_title),
        "pages": _escaped(reference.pages),
        "pagetotal": _escaped(reference.page_count),
        "type": _escaped(reference.genre or ("standard" if reference.type is ReferenceType.STANDARD else None)),
        "entrysubtype": "newspaper" if reference.type is ReferenceType.NEWSPAPER else None,
        "publisher": _literal_list((reference.publisher,) if reference.publisher else ()),
        "location": _literal_list(reference.places),
        "doi": _verbatim(reference.doi),
        "url": _verbatim(reference.url),
        "urldate": _iso_date(reference.accessed),
        "howpublished" if container_field != "howpublished" else "note": _escaped(reference.medium),
        "note": _escaped(reference.note),
        "label": _escaped(reference.citation_label),
    }
    return fit_to_entry_type(entry_type, {name: value for name, value in fields.items() if value})


def fit_to_entry_type(entry_type: str, fields: dict[str, str]) -> dict[str, str]:
    """Keep the fields biblatex's data model allows for ``entry_type``; move the others.

    A field with a counterpart of the type goes there (a thesis's ``publisher`` is its
    ``institution``); any other is kept, labelled, in ``addendum``, so nothing parsed is lost.
    """
    allowed = BIBLATEX_FIELDS.get(entry_type, frozenset()) | BIBLATEX_GENERAL_FIELDS
    fitted: dict[str, str] = {}
    moved: list[str] = []
    for name, value in fields.items():
        target = name if name in allowed else _COUNTERPARTS.get(name)
        if name in BIBLATEX_INTEGER_FIELDS and not value.isdigit():
            target = None
        if target in allowed and target not in fitted and target is not None:
            fitted[target] = value
        elif name not in ("editoratype", "entrysubtype", "langid"):
            moved.append(f"{_ADDENDUM_LABELS.get(name, name)}: {value}")
    if moved:
        fitted["addendum"] = ". ".join(([fitted["addendum"]] if "addendum" in fitted else []) + moved)
    return fitted


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
    values: dict[str, Any] = {
        "title": reference.title,
        "translated_title": reference.title_translation,
        "language": reference.language,
        "secondary_title": reference.container_title,
        "tertiary_title": reference.volume_title,
        "year": str(reference.issued.year) if reference.issued and reference.issued.year else None,
        "date": _ris_date(reference.issued),
        "access_date": _ris_date(reference.accessed),
        # EndNote's and the RIS specification's tag for a web page's access date, which citation-js reads
        # (Zotero reads Y2, and M1 of a web page as the same access date).
        "note": _ris_date(reference.accessed) if reference.type is ReferenceType.WEBPAGE else None,
        "volume": reference.volume,
        "number": reference.number if reference.type in _NUMBERED else reference.issue,
        "edition": reference.edition,
        "section": reference.section,
        "issn": reference.isbn,
        "number_of_volumes": reference.number_of_volumes,
        "start_page": start,
        "end_page": end,
        # A page count has no RIS tag but SP, which readers other than Zotero print as a page ("p. 448"):
        # it goes to M2 as a CSL variable line, which Zotero keeps in Extra and cites from.
        "misc2": f"number-of-pages: {reference.page_count}" if reference.page_count else None,
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
    return " and ".join(_bibtex_name(p) for p in people) or None


def _bibtex_name(person: Person) -> str:
    """ "Family, Given" in TeX; an organisation braced whole, so that biber reads no family name in it."""
    if person.literal:
        return _protected(person.family) or ""
    name = _name_part(person.family)
    return f"{name}, {_name_part(person.given)}" if person.given else name


#: What would split a name part as BibTeX reads names: a comma ("Last, First") or the word "and".
_NAME_SPLITTER = re.compile(r",|\band\b", re.IGNORECASE)


def _name_part(part: str) -> str:
    """A family or given name in TeX; braced when it holds a comma or the word "and", so that it stays
    one part of one name."""
    escaped = tex_escape(part)
    return f"{{{escaped}}}" if _NAME_SPLITTER.search(part) else escaped


def _literal_list(items: Iterable[str]) -> str | None:
    """A biblatex literal list ("location", "publisher"): each item braced, so that an "and" inside one
    ("Simon and Schuster") does not split it."""
    return " and ".join(f"{{{tex_escape(item)}}}" for item in items) or None


def _protected(value: str | None) -> str | None:
    """A title in braces: biblatex, biber and pandoc keep its letter case as printed."""
    return f"{{{tex_escape(value)}}}" if value else None


#: TeX's special characters and how to write them as text.
_TEX_SPECIALS = str.maketrans(
    {
        "\\": r"\textbackslash{}",
        "{": r"\{",
        "}": r"\}",
        "&": r"\&",
        "%": r"\%",
        "$": r"\$",
        "#": r"\#",
        "_": r"\_",
        "~": r"\textasciitilde{}",
        "^": r"\textasciicircum{}",
    }
)


def tex_escape(value: str) -> str:
    """``value`` as TeX text: its special characters escaped, everything else (UTF-8) as is."""
    return value.translate(_TEX_SPECIALS)


def _escaped(value: str | None) -> str | None:
    return tex_escape(value) if value else None


def _verbatim(value: str | None) -> str | None:
    """A verbatim field (url, doi): as is, but braces and backslashes, which could unbalance the field
    ("10.1/x\\" would escape its closing brace), percent-encoded."""
    return value.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D") if value else None


def _inverted(person: Person) -> str:
    if person.literal:
        return person.family
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
    name = reference.persons[0].family if reference.persons else next(iter((reference.title or "").split()), "")
    year = reference.issued.year if reference.issued and reference.issued.year else "nd"
    ascii_name = re.sub(r"[^A-Za-z0-9]", "", name).lower() or "ref"
    return f"{ascii_name}{year}"


class CitationKeys:
    """The citation keys handed out so far: each new one unique, the key itself or the key with a, b,
    c… (then a number). Each base key remembers the suffix it reached, so n entries sharing a key cost
    linear time, not quadratic (a suffix below it is always taken already)."""

    def __init__(self) -> None:
        self.used: set[str] = set()
        self._next_suffix: dict[str, int] = {}

    def unique(self, key: str) -> str:
        """``key``, or its first suffixed form not handed out yet; recorded as handed out."""
        suffix = self._next_suffix.get(key, 0)
        candidate = _suffixed(key, suffix)
        while candidate in self.used:
            suffix += 1
            candidate = _suffixed(key, suffix)
        self._next_suffix[key] = suffix + 1
        self.used.add(candidate)
        return candidate


def _suffixed(key: str, suffix: int) -> str:
    if suffix == 0:
        return key
    return key + "abcdefghijklmnopqrstuvwxyz"[(suffix - 1) % 26] + ("" if suffix <= 26 else str(suffix))
