"""No field breaks a record (issue 27, row 9): every valid Reference, however it was built, exports to
CSL-JSON, BibTeX and RIS without raising; each export reads back as one record; line breaks, control
characters and lone surrogates inside fields are written as the README says (``export/fields.py``).

The properties run over constructed models with any text in any field (``HYPOTHESIS_PROFILE=deep``
runs each 100,000 times, as in ``docs/exports.md``).
"""

from __future__ import annotations

import json
import re
from typing import Any

import bibtexparser
import pytest
import rispy
from hypothesis import example, given
from hypothesis import strategies as st

from translit_refs import (
    IssueKind,
    PartialDate,
    Person,
    Reference,
    ReferenceType,
    Role,
    StyleFamily,
    VolumeKind,
    to_bibtex,
    to_csl_json,
    to_ris,
)
from translit_refs.export.bibtex_ris import RIS_TAGS
from translit_refs.export.csl import to_csl_json_list
from translit_refs.export.fields import one_line
from translit_refs.export.schema import csl_errors

#: Characters that break records or escapes, mixed into any text: line breaks of every kind, control
#: characters, TeX's and BibTeX's specials, RIS's tag shape, lone surrogates.
_HARD = st.sampled_from(
    ["\n", "\r", "\r\n", "\x0b", "\x0c", "\x1c", "\x85", "\u2028", "\u2029", "\x00", "\x01", "\x7f", "\x9b", "\t",
     "\\", "{", "}", "%", "@", "#", "~", "^", "&", "$", "_", '"', ",", " and ", "ER  - ", "TY  - ", "\ud800",
     "\udcff", " ", "  ", "é", "Ж"]
)  # fmt: skip
any_text = st.lists(st.one_of(st.text(max_size=6), _HARD), max_size=8).map("".join)
optional_text = st.one_of(st.none(), any_text)
texts = st.lists(any_text, max_size=3).map(tuple)
dates = st.builds(
    PartialDate,
    year=st.one_of(st.none(), st.integers(-9999, 99999)),
    month=st.one_of(st.none(), st.integers(1, 12)),
    day=st.one_of(st.none(), st.integers(1, 31)),
    season=optional_text,
    undated=st.booleans(),
)
persons = st.lists(
    st.builds(Person, family=any_text, given=any_text, role=st.sampled_from(Role), literal=st.booleans()), max_size=3
).map(tuple)
_TEXT_FIELDS = [
    name for name, field in Reference.model_fields.items() if field.annotation == (str | None) and name not in ("raw",)
]
#: Fields of other kinds, each drawn or left at its default.
_OTHER_FIELDS: dict[str, st.SearchStrategy[Any]] = {
    "persons": persons,
    "persons_cyrillic": persons,
    "et_al": st.booleans(),
    "issued": dates,
    "accessed": dates,
    "places": texts,
    "volume_kind": st.sampled_from(VolumeKind),
    "issue_kind": st.sampled_from(IssueKind),
    "style_family": st.sampled_from(StyleFamily),
    "confidence": st.floats(0, 1),
    "needs_review": st.booleans(),
    "review_reasons": texts,
    "raw": any_text,
}


@st.composite
def _constructed(draw: st.DrawFn) -> Reference:
    """A valid Reference of any type with a few fields set, any of them, to any text (few fields per
    example keep an example cheap; over many examples every field gets every kind of text)."""
    names = draw(st.lists(st.sampled_from([*_TEXT_FIELDS, *_OTHER_FIELDS]), max_size=8, unique=True))
    fields = {name: draw(_OTHER_FIELDS.get(name, any_text)) for name in names}
    return Reference(type=draw(st.sampled_from(ReferenceType)), **fields)


constructed = _constructed()

_BREAK = re.compile("[\n\x0b\x0c\r\x1c-\x1e\x85\u2028\u2029\ud800-\udfff]")


def _strings(value: Any) -> list[str]:
    """Every string inside a JSON value."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


def _bibtex_library(text: str) -> Any:
    library = bibtexparser.parse_string(text)  # type: ignore[attr-defined]
    assert not library.failed_blocks, [block.error for block in library.failed_blocks]
    return library


@given(constructed)
def test_every_constructed_reference_is_valid_csl_json_on_one_line(reference: Reference) -> None:
    for profile in ("data", "display"):
        item = to_csl_json(reference, "r", profile)
        assert csl_errors([item]) == []
        json.dumps(item, ensure_ascii=False).encode("utf-8")  # no lone surrogate left
        strings = _strings({key: value for key, value in item.items() if key != "note" or profile == "data"})
        assert not [s for s in strings if _BREAK.search(s)]


@given(constructed)
def test_every_constructed_reference_is_one_bibtex_entry(reference: Reference) -> None:
    text = to_bibtex([reference, reference])
    text.encode("utf-8")
    library = _bibtex_library(text)
    assert len(library.entries) == 2
    assert library.entries[0].key != library.entries[1].key
    fields = {field.key: field.value for field in library.entries[0].fields}
    if one_line(reference.title or "").strip(" "):
        assert fields.get("maintitle", fields.get("title"))
    if reference.doi and one_line(reference.doi):
        assert fields["doi"]
    assert not [value for value in fields.values() if _BREAK.search(value)]


@given(constructed)
@example(Reference(raw="x", title="\xa0"))  # found by the deep profile: RIS keeps no space at a value's ends
def test_every_constructed_reference_is_one_ris_record(reference: Reference) -> None:
    text = to_ris([reference, reference])
    text.encode("utf-8")
    records = rispy.loads(text, mapping=RIS_TAGS)
    assert len(records) == 2
    title = one_line(reference.title or "").strip()  # RIS keeps no space at a value's ends: rispy strips them
    assert records[0].get("title", "") == title


def test_a_line_break_in_a_field_keeps_one_ris_record() -> None:
    reference = Reference(raw="x", title="First line\nER  - \nTY  - JOUR", note="a\r\nb")
    records = rispy.loads(to_ris([reference]), mapping=RIS_TAGS)
    assert len(records) == 1
    assert records[0]["title"] == "First line ER  - TY  - JOUR"
    assert records[0]["notes"] == ["a b"]


def test_unicode_line_separators_become_spaces_in_every_export() -> None:
    reference = Reference(raw="x", title="One\u2028two\x85three\u2029four\x0cfive", publisher="Nau\x19ka\n")
    expected = "One two three four five"
    assert to_csl_json(reference)["title"] == expected
    assert to_csl_json(reference)["publisher"] == "Nau\x19ka"  # a control character that breaks no line stays
    assert f"title = {{{{{expected}}}}}" in to_bibtex(reference)
    assert f"TI  - {expected}\n" in to_ris(reference)


def test_a_doi_ending_in_a_backslash_keeps_its_bibtex_entry() -> None:
    reference = Reference(raw="x", title="T", doi="10.1000/x\\")
    library = _bibtex_library(to_bibtex(reference))
    assert len(library.entries) == 1
    assert library.entries[0].fields_dict["doi"].value == "10.1000/x%5C"


def test_a_blank_title_gives_a_key_and_an_entry() -> None:
    text = to_bibtex([Reference(raw="x", title=" ")])
    assert text.startswith("@misc{refnd,")
    assert len(_bibtex_library(text).entries) == 1


def test_a_name_with_a_comma_or_and_stays_one_name() -> None:
    reference = Reference(raw="x", title="T", persons=(Person(family="Smith, Jr.", given="Ann and Bob"),))
    entry = _bibtex_library(to_bibtex(reference)).entries[0]
    assert entry.fields_dict["author"].value == "{Smith, Jr.}, {Ann and Bob}"


def test_a_lone_surrogate_is_written_as_the_replacement_character() -> None:
    reference = Reference(raw="x", title="Bad \udcff byte")
    assert to_csl_json_list([reference])[0]["title"] == "Bad \ufffd byte"
    assert "Bad \ufffd byte" in to_bibtex(reference)
    assert "Bad \ufffd byte" in to_ris(reference)


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("a", "a"),
        ("a\nb", "a b"),
        ("a \n \x0b b", "a b"),
        ("a\x19b", "a\x19b"),
        ("\nTitle\n", "Title"),
        ("\n", ""),
        (" a\tb ", " a b "),
    ],
)
def test_one_line(value: str, written: str) -> None:
    assert one_line(value) == written
