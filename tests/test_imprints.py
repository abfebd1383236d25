"""A book's imprint printed after its title in one sentence, separated by commas (Elsevier with titles,
numbered styles): "Title, Publisher, Place, 1995.", "Title, Place, Publisher, 1995.", "Title, Institution, 1995."."""

from __future__ import annotations

from functools import partial

import pytest

from translit_refs import ReferenceType
from translit_refs import parse_reference as parse_any

# The rules' own reading: these tests are about the grammar and the family rules, not the labeller.
parse_reference = partial(parse_any, labeller=False)

_AFTER_A_COMMA = {
    "publisher-place": (
        "P. Orlov, Heat Transfer in Rods, Academic Press, London, 1998.",
        "Heat Transfer in Rods",
        "Academic Press",
        ("London",),
    ),
    "several-places": (
        "P. Orlov, Heat Transfer in Rods, Wiley, NY, London, Sydney, 1998.",
        "Heat Transfer in Rods",
        "Wiley",
        ("NY", "London", "Sydney"),
    ),
    "title-with-commas": (
        "P. Orlov, Heat, Mass and Momentum Transfer in Rods, Academic Press, London, 1998.",
        "Heat, Mass and Momentum Transfer in Rods",
        "Academic Press",
        ("London",),
    ),
    "title-with-colon": (
        "P. Orlov, K. Lee, Rods: A Handbook of Heat Transfer, Springer, Berlin, 2003.",
        "Rods: A Handbook of Heat Transfer",
        "Springer",
        ("Berlin",),
    ),
    "place-then-publisher": (
        "P. Orlov, Heat Transfer in Rods, London, Academic Press, 1998.",
        "Heat Transfer in Rods",
        "Academic Press",
        ("London",),
    ),
    "institution-alone": (
        "P. Orlov, A Survey of Rod Bundle Tests, Argonne National Laboratory, 1998.",
        "A Survey of Rod Bundle Tests",
        "Argonne National Laboratory",
        (),
    ),
    "publisher-alone": (
        "P. Orlov, Heat Transfer in Rods, Academic Press, 1998.",
        "Heat Transfer in Rods",
        "Academic Press",
        (),
    ),
    "transliterated": (
        "A.A. Sokolov, Raschet reaktorov [Reactor Calculation], Energoatomizdat, Moscow, 1985.",
        "Raschet reaktorov",
        "Energoatomizdat",
        ("Moscow",),
    ),
    "title-with-years": (
        "P. Orlov, Heat Transfer Studies, 1950–1990, Academic Press, London, 1998.",
        "Heat Transfer Studies, 1950–1990",
        "Academic Press",
        ("London",),
    ),
    "numbered": (
        "[4] P. Orlov, Heat Transfer in Rods, Academic Press, London, 1998.",
        "Heat Transfer in Rods",
        "Academic Press",
        ("London",),
    ),
    "before-page-count": (
        "P. Orlov, Heat Transfer in Rods, Academic Press, London, 1998, 312 p.",
        "Heat Transfer in Rods",
        "Academic Press",
        ("London",),
    ),
}


@pytest.mark.parametrize(
    ("text", "title", "publisher", "places"), list(_AFTER_A_COMMA.values()), ids=list(_AFTER_A_COMMA)
)
def test_an_imprint_closing_the_titles_sentence_after_a_comma(
    text: str, title: str, publisher: str, places: tuple[str, ...]
) -> None:
    ref = parse_reference(text)
    assert (ref.title, ref.publisher, ref.places, ref.type) == (title, publisher, places, ReferenceType.BOOK)
    assert ref.issued is not None


@pytest.mark.parametrize(
    "text",
    [
        "R. Thomas, Norms and Change, Politics Society, 1999, vol. 27, no. 4, pp. 529-559.",
        "Business Week, Banks Try to Dodge Fed's Grasp, April 5, 1969.",
    ],
    ids=["journal-before-locators", "a-date"],
)
def test_what_is_no_publisher_after_a_comma_stays(text: str) -> None:
    ref = parse_reference(text)
    assert ref.publisher is None


_PUBLISHER_ALONE = {
    "two-words": (
        "Orlov, P. (1998). Heat transfer in rods. Academic Press.",
        "Heat transfer in rods",
        "Academic Press",
    ),
    "one-word": ("Orlov, P. (1998). Heat transfer in rods. Wiley.", "Heat transfer in rods", "Wiley"),
    "hyphenated": (
        "Orlov, P. (1998). Heat transfer in rods. Prentice-Hall.",
        "Heat transfer in rods",
        "Prentice-Hall",
    ),
    "acronym": ("Orlov, P. (1998). Heat transfer in rods. MEI.", "Heat transfer in rods", "MEI"),
    "ampersand": (
        "Orlov, P. (1998). Heat transfer in rods. Harcourt & Brace.",
        "Heat transfer in rods",
        "Harcourt & Brace",
    ),
    "subtitle-kept": (
        "Orlov, P. (1998). Heat transfer in rods: A handbook. Second thoughts. Academic Press.",
        "Heat transfer in rods: A handbook. Second thoughts",
        "Academic Press",
    ),
    "after-translation": (
        "Orlov, P. (1998). Teploobmen v sterzhnyakh [Heat transfer in rods]. Mashinostroenie.",
        "Teploobmen v sterzhnyakh",
        "Mashinostroenie",
    ),
    "lowercase-second-word": (
        "Orlov, P. (1998). Teploobmen v sterzhnyakh. Vysshaya shkola.",
        "Teploobmen v sterzhnyakh",
        "Vysshaya shkola",
    ),
    "year-after-names": (
        "Orlov, P. 1998. Heat transfer in rods. Academic Press.",
        "Heat transfer in rods",
        "Academic Press",
    ),
    "doi-after": (
        "Orlov, P. (1998). Heat transfer in rods. Academic Press. https://doi.org/10.1000/htr.1998",
        "Heat transfer in rods",
        "Academic Press",
    ),
    "university": (
        "Orlov, P. (1998). Heat transfer in rods. University of Leeds.",
        "Heat transfer in rods",
        "University of Leeds",
    ),
}


@pytest.mark.parametrize(("text", "title", "publisher"), list(_PUBLISHER_ALONE.values()), ids=list(_PUBLISHER_ALONE))
def test_a_dated_book_closed_by_its_publisher_alone(text: str, title: str, publisher: str) -> None:
    ref = parse_reference(text)
    assert (ref.title, ref.publisher, ref.places, ref.type) == (title, publisher, (), ReferenceType.BOOK)


@pytest.mark.parametrize(
    "text",
    [
        "Orlov, P. Heat transfer in rods. Heat Archive.",
        "Orlov, P. (1998). Heat transfer in rods. Journal of Heat Transfer.",
        "Orlov, P. (1998). Heat transfer in rods. Boston Globe. http://example.org/heat",
        "Orlov, P. (1998). Heat transfer in rods. Retrieved May 5, 2010, from Heat Archive.",
        "Orlov, P. (1998). Heat transfer in rods. In Proceedings of the Heat Conference.",
        "Orlov, P. (1998). Heat transfer in rods. Lyon.",
        "Orlov, P. (1998). Heat transfer in rods. Part 2.",
    ],
    ids=["undated", "journal", "before-a-url", "database", "proceedings", "place", "number"],
)
def test_what_closes_a_dated_work_but_is_no_publisher(text: str) -> None:
    ref = parse_reference(text)
    assert ref.publisher is None
