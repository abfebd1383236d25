"""CSL-JSON export (the mapping is documented in the README)."""

from __future__ import annotations

from collections.abc import Iterable
from importlib import resources
from typing import Any, Literal

from ..models import PartialDate, Person, Reference, ReferenceList, Role
from .arguments import one_reference, references_of
from .fields import exported

_SIMPLE_FIELDS: tuple[tuple[str, str], ...] = (
    ("title", "title"),
    ("container_title", "container-title"),
    ("publisher", "publisher"),
    ("volume", "volume"),
    ("number_of_volumes", "number-of-volumes"),
    ("volume_title", "volume-title"),
    ("collection_title", "collection-title"),
    ("collection_number", "collection-number"),
    ("part", "part"),
    ("issue", "issue"),
    ("pages", "page"),
    ("page_count", "number-of-pages"),
    ("genre", "genre"),
    ("number", "number"),
    ("section", "section"),
    ("edition", "edition"),
    ("isbn", "ISBN"),
    ("event_place", "event-place"),
    ("event_title", "event-title"),
    ("doi", "DOI"),
    ("url", "URL"),
    ("medium", "medium"),
    ("archive", "archive"),
    ("archive_location", "archive_location"),
    ("language", "language"),
    ("note", "note"),
    ("citation_label", "citation-label"),
)
_ROLES: tuple[tuple[Role, str], ...] = (
    (Role.AUTHOR, "author"),
    (Role.EDITOR, "editor"),
    (Role.CONTRIBUTOR, "contributor"),
    (Role.TRANSLATOR, "translator"),
)
_CUSTOM_FIELDS: tuple[tuple[str, str], ...] = (
    ("title_translation", "translated-title"),
    ("container_translation", "translated-container-title"),
    ("url_fragment", "url-fragment"),
    ("number_of_parts", "number-of-parts"),
    ("title_language", "title-language"),
)


#: ``data``: every field in its own variable, what CSL has no variable for in ``custom`` (for programs).
#: ``display``: the same, but what a reader must see is where every CSL processor and reference manager
#: reads it: the title as APA 7 prints a work in another language, "Original [Translation]", and the
#: variables Zotero has no field for as "variable: value" lines of ``note`` (docs/exports.md).
CslProfile = Literal["data", "display"]
CSL_PROFILES: tuple[CslProfile, ...] = ("data", "display")
DEFAULT_CSL_PROFILE: CslProfile = "data"
#: Variables that Zotero's CSL-JSON import has no field for in the item types we write
#: (zotero-schema's "csl" mapping, tests/fixtures/zotero-schema-csl.json): the display profile repeats
#: them in ``note`` as "variable: value" lines, which Zotero keeps in Extra and cites from.
EXTRA_VARIABLES: tuple[str, ...] = ("volume-title", "part", "citation-label")
#: CSL types Zotero has no item type for (it imports them as documents): the display profile adds a
#: "type: …" line to ``note``, which Zotero reads back as the item's CSL type.
EXTRA_TYPES = frozenset({"periodical", "standard", "dataset"})


def to_csl_json(reference: Reference, item_id: str | None = None, profile: CslProfile = "data") -> dict[str, Any]:
    """One CSL-JSON item in the given profile; valid against the official csl-data.json schema.

    Takes one Reference (``to_csl_json_list`` takes several); anything else is an InvalidArgumentError."""
    reference = exported(one_reference(reference, "to_csl_json", for_several="to_csl_json_list"))
    item: dict[str, Any] = {"id": item_id or "ref", "type": reference.type.value}
    for role, key in _ROLES:
        people = reference.people(role)
        if people:
            item[key] = [_name(p) for p in people]
    for attribute, key in _SIMPLE_FIELDS:
        value = getattr(reference, attribute)
        if value:
            item[key] = value
    if reference.places:
        item["publisher-place"] = ", ".join(reference.places)
    for attribute, key in (("issued", "issued"), ("accessed", "accessed")):
        date = _date(getattr(reference, attribute))
        if date:
            item[key] = date
    custom: dict[str, Any] = {
        key: getattr(reference, attribute) for attribute, key in _CUSTOM_FIELDS if getattr(reference, attribute)
    }
    if reference.title_cyrillic is not None:
        custom["title-cyrillic"] = reference.title_cyrillic.text
        custom["title-cyrillic-confidence"] = reference.title_cyrillic.confidence
    if reference.container_title_cyrillic:
        custom["container-title-cyrillic"] = reference.container_title_cyrillic
    if reference.persons_cyrillic:
        custom["persons-cyrillic"] = [
            {"family": person.family, "given": person.given, "role": person.role.value}
            for person in reference.persons_cyrillic
        ]
    if reference.transliteration_scheme:
        custom["transliteration-scheme"] = reference.transliteration_scheme
    if reference.style_family is not None:
        custom["style-family"] = reference.style_family.value
    if reference.confidence is not None:
        custom["confidence"] = reference.confidence
        custom["needs-review"] = reference.needs_review
        if reference.review_reasons:
            custom["review-reasons"] = list(reference.review_reasons)
        if reference.field_confidence:
            custom["field-confidence"] = dict(reference.field_confidence)
    if custom:
        item["custom"] = custom
    if profile == "display":
        _for_display(reference, item)
    elif profile != "data":
        raise ValueError(f"unknown CSL-JSON profile {profile!r}; known: {', '.join(CSL_PROFILES)}")
    return item


def to_csl_json_list(
    references: Iterable[Reference] | ReferenceList | Reference, profile: CslProfile = "data"
) -> list[dict[str, Any]]:
    """CSL-JSON items with ids "ref-1", "ref-2", … in order, of an iterable of Reference, a
    ReferenceList or one Reference (a list of one item); anything else is an InvalidArgumentError."""
    listed = references_of(references, "to_csl_json_list")
    return [to_csl_json(ref, f"ref-{number}", profile) for number, ref in enumerate(listed, start=1)]


def _for_display(reference: Reference, item: dict[str, Any]) -> None:
    """The ``display`` profile of an item made in the ``data`` profile (in place)."""
    for key, translation in (
        ("title", reference.title_translation),
        ("container-title", reference.container_translation),
    ):
        if translation and key in item:
            item[key] = f"{item[key]} [{translation}]"
    lines = [f"type: {item['type']}"] if item["type"] in EXTRA_TYPES else []
    lines += [f"{key}: {item[key]}" for key in EXTRA_VARIABLES if key in item]
    if lines:
        item["note"] = "\n".join(([item["note"]] if "note" in item else []) + lines)


def _name(person: Person) -> dict[str, str]:
    if person.literal:
        return {"literal": person.family}
    name = {"family": person.family}
    if person.given:
        name["given"] = person.given
    return name


def _date(date: PartialDate | None) -> dict[str, Any] | None:
    """CSL date; an explicit "no date" exports as no date at all."""
    if date is None or date.year is None:
        return None
    parts = [date.year] + [p for p in (date.month, date.day) if p is not None]
    if date.month is None:
        parts = [date.year]
    result: dict[str, Any] = {"date-parts": [parts]}
    if date.season:
        result["season"] = date.season
    return result


#: CSL styles shipped with the package (``style_file(name)`` gives a readable path).
STYLES = ("quaestio-rossica", "apa")


def style_file(name: str) -> str:
    """Path of a bundled CSL style ("quaestio-rossica" or "apa") for CSL processors and pandoc."""
    if name not in STYLES:
        raise ValueError(f"unknown style {name!r}; bundled: {', '.join(STYLES)}")
    return str(resources.files("translit_refs").joinpath(f"styles/{name}.csl"))


#: CSL 1.0.2 name variables we write that citeproc-py (0.11.1, the latest release) does not know.
_NAMES_CITEPROC_PY_LACKS = ("contributor",)


def register_with_citeproc_py() -> None:
    """Teach citeproc-py the CSL 1.0.2 name variables we write and it predates (``contributor``).

    citeproc-py reads an unknown name variable as a string and fails on it (``AttributeError: 'String'
    object has no attribute 'parts'``) in any style that prints it, APA among them, losing the whole
    bibliography. Call this once before building a ``CiteProcJSON`` source; it changes nothing else.
    """
    import citeproc  # noqa: PLC0415 - an optional client, imported only by those who use it

    for name in _NAMES_CITEPROC_PY_LACKS:
        if name not in citeproc.NAMES:
            citeproc.NAMES.append(name)
