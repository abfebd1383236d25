"""Round trips: seed text -> model -> seed text, and model -> text -> model for generated models."""

from __future__ import annotations

import pytest
from hypothesis import example, given

from translit_refs import PartialDate, Person, Reference, ReferenceType, Role, parse_reference, to_csl_json
from translit_refs.export.formatter import format_reference
from translit_refs.export.schema import csl_errors

from canonical import canonical
from conftest import FIXTURES
from family_strategies import family_references
from strategies import references

SEED = [line for line in (FIXTURES / "seed_references.txt").read_text("utf-8").splitlines() if line.strip()]
#: The last seed line is the journal's own "How to cite" line, in APA.
SEED_STYLES = ["quaestio-rossica"] * 43 + ["apa"]


def comparable(reference: Reference) -> Reference:
    """The model without what only parsing adds: the raw text, the diagnostics, the family and the
    confidence."""
    parsed_only = {"raw": "", "diagnostics": (), "style_family": None, "confidence": None, "needs_review": False}
    return reference.model_copy(update={**parsed_only, "review_reasons": (), "field_confidence": {}})


@pytest.mark.parametrize(
    ("text", "style"), list(zip(SEED, SEED_STYLES, strict=True)), ids=[f"seed-{n}" for n in range(1, 45)]
)
def test_seed_text_round_trip(text: str, style: str) -> None:
    assert format_reference(parse_reference(text), style) == canonical(text)


@pytest.mark.parametrize("text", SEED[:43], ids=[f"seed-{n}" for n in range(1, 44)])
def test_seed_model_round_trip(text: str) -> None:
    reference = parse_reference(text)
    assert comparable(parse_reference(format_reference(reference))) == comparable(reference)


def _book(**fields: object) -> Reference:
    base = {
        "type": ReferenceType.BOOK,
        "persons": (Person(family="Sarapul’tsev", given="D."),),
        "title": "Aaa",
        "issued": PartialDate(year=1800),
        "places": ("Abingdon",),
        "publisher": "Aaa Press",
    }
    return Reference.model_validate(base | fields)


@given(references)
# Bugs the strategies found, pinned: an imprint before a bare "Vol. N" read as a journal;
@example(_book(volume="1", number_of_volumes="1"))
# "Aaa." taken for an initial, so "/ with D. Aaa. Abingdon" became one name;
@example(
    _book(persons=(Person(family="Sarapul’tsev", given="D."), Person(family="Aaa", given="D.", role=Role.CONTRIBUTOR)))
)
# "St." and "SPb." ending a sentence inside an imprint.
@example(_book(places=("Abingdon", "St. Petersburg")))
@example(_book(places=("SPb.",), publisher="Doubleday & Co, Inc."))
def test_generated_models_round_trip(reference: Reference) -> None:
    text = format_reference(reference)
    parsed = parse_reference(text, labeller=False)  # the formatter's families are the rules'
    assert comparable(parsed) == reference, text
    assert csl_errors([to_csl_json(parsed)]) == []


def test_unknown_style_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="unknown style"):
        format_reference(parse_reference(SEED[0]), "chicago")


@given(family_references)
def test_family_references_round_trip(styled: tuple[str, Reference]) -> None:
    style, reference = styled
    text = format_reference(reference, style)
    parsed = parse_reference(text, labeller=False)  # the formatter's families are the rules'
    assert comparable(parsed) == reference, text
    assert csl_errors([to_csl_json(parsed)]) == []


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        (
            "Osipov R.R., Frolov A.A. Sposob kontrolya germetichnosti [A leak testing method]. Patent RF, no. "
            "2534410, 2014.",
            "Osipov R.R., Frolov A.A. Sposob kontrolya germetichnosti [A leak testing method]. Patent RF, no. "
            "2534410, 2014.",
        ),
        (
            "Пат. 2452845 Российская Федерация, МПК E21B 43/20. Способ разработки / Иванов И.И. – 2012.",
            "Иванов И.И. Способ разработки. Patent RF, no. 2452845, 2012.",
        ),
        (
            "Smith J., Brown K. Method of cooling a reactor. Patent US 5123456, 2001.",
            "Smith J., Brown K. Method of cooling a reactor. Patent no. 5123456, 2001.",
        ),
        ("Smith J. Heat exchanger. Pat. EP 1234567, 2010.", "Smith J. Heat exchanger. Patent no. 1234567, 2010."),
    ],
    ids=["transliterated", "cyrillic", "us", "ep"],
)
def test_the_references_style_names_the_russian_federation_for_a_russian_patent_only(text: str, printed: str) -> None:
    """The model keeps no patent's country: a Russian work's patent is "Patent RF", another's "Patent"."""
    reference = parse_reference(text)
    assert reference.type is ReferenceType.PATENT
    assert format_reference(reference, "references") == printed
    again = parse_reference(printed)
    assert (again.type, again.number, again.issued) == (reference.type, reference.number, reference.issued)


def test_a_patent_by_authors_named_in_cyrillic_is_russian_whatever_its_titles_language() -> None:
    registration = Reference(
        type=ReferenceType.PATENT,
        persons=(Person(family="Чуркин", given="Е.Г."), Person(family="Сидоров", given="Е.Б.")),
        title="Smart Energy. Base Soft",
        number="2014616602",
        issued=PartialDate(year=2014),
    )
    assert registration.language is None
    assert format_reference(registration, "references") == (
        "Чуркин Е.Г., Сидоров Е.Б. Smart Energy. Base Soft. Patent RF, no. 2014616602, 2014."
    )
    foreign = registration.model_copy(update={"persons": (Person(family="Smith", given="J."),)})
    assert format_reference(foreign, "references") == "Smith J. Smart Energy. Base Soft. Patent no. 2014616602, 2014."
