"""The family registry: each family found by name, a new family used by list detection and by
``format_reference`` through the registry alone, a clear error for an unknown name."""

from __future__ import annotations

from collections.abc import Iterator
from types import MappingProxyType
from typing import cast

import pytest

from translit_refs import StyleFamily, format_reference, parse_list, parse_reference
from translit_refs.families import (
    BY_NAME,
    ListVote,
    entry_evidence,
    families,
    family_for_entry,
    get_or_raise,
    list_family,
    register,
    registered,
    unregister,
)
from translit_refs.families.base import NEUTRAL, Family, Rules
from translit_refs.families.references import References
from translit_refs.parsing import parser
from translit_refs.parsing.grammar import Skeleton
from translit_refs.parsing.ruler import rule_names

REFERENCES_LIST = [
    "Orlov A.B., Kim S.V. Raschet teplovyh poter' [Calculating heat losses]. Teploenergetika, 2017, vol. 64, "
    "no. 7, pp. 33–41.",
    "Zaitsev P.A. Dinamika yadernyh reaktorov [Dynamics of nuclear reactors]. Moscow, Energoatomizdat Publ., "
    "1991. 212 p.",
    "Sokolov V.V. Toplivnyi tsikl [Fuel cycle]. Atomnaya energiya, 2009, vol. 51, no. 2, pp. 12–20.",
]
#: The mark the toy family's lists print, and which no built-in family sees.
TOY_MARK = "¤"
#: The toy is no ``StyleFamily`` member: ``Reference.style_family`` cannot hold it, the registry can.
TOY = cast(StyleFamily, "toy")


class Toy(Family):
    """A family defined outside the package: a sign of its own and a style of its own."""

    name = TOY
    styles = MappingProxyType({"toy-style": lambda reference: f"TOY: {reference.title}"})

    def evidence(self, skeleton: Skeleton, text: str, found: frozenset[str]) -> float:
        """Five points for the toy's mark."""
        del skeleton, found
        return 5.0 if TOY_MARK in text else 0.0


@pytest.fixture
def toy() -> Iterator[Family]:
    """The toy family, registered for one test only."""
    with registered(Toy()) as family:
        yield family
    assert TOY not in BY_NAME


@pytest.fixture
def restore_registry() -> Iterator[None]:
    """The registry as it was (the same families, in the same order) after the test."""
    before = families()
    yield
    for family in families():
        unregister(family.name)
    for family in before:
        register(family)


def test_the_built_in_families_in_their_scoring_order() -> None:
    assert [family.name for family in families()] == [
        StyleFamily.AUTHOR_DATE,
        StyleFamily.REFERENCES,
        StyleFamily.GOST,
        StyleFamily.VANCOUVER,
    ]
    evidence = parser.read_text(REFERENCES_LIST[0]).evidence
    assert list(evidence) == [family.name for family in families()]


@pytest.mark.parametrize("name", list(StyleFamily))
def test_each_family_is_found_by_its_name(name: StyleFamily) -> None:
    family = get_or_raise(name.value)
    assert family is get_or_raise(name) is BY_NAME[name]
    assert family.name is name
    assert type(family) is not Family  # a subclass of its own


def test_an_unknown_name_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match=r"unknown style family 'gots'; did you mean 'gost'\? \(known: author-date, "):
        get_or_raise("gots")
    with pytest.raises(ValueError, match=r"unknown style family 'chicago' \(known: author-date, references, gost, "):
        unregister("chicago")


def test_a_name_is_registered_once() -> None:
    with pytest.raises(ValueError, match="'gost' is already registered"):
        register(type("Gost2", (Family,), {"name": StyleFamily.GOST})())


def test_the_base_family_shows_no_sign_keeps_the_shared_rules_and_prints_nothing() -> None:
    bare = type("Bare", (Family,), {"name": TOY})()
    skeleton = parser.read_text(REFERENCES_LIST[0]).skeleton
    assert skeleton is not None
    assert bare.evidence(skeleton, REFERENCES_LIST[0], frozenset({"VOLUME"})) == 0.0
    assert bare.rules is NEUTRAL
    with pytest.raises(ValueError, match="the toy family prints no style None; its styles: none"):
        bare.format(parse_reference(REFERENCES_LIST[0]))


def test_the_families_rule_switches() -> None:
    assert get_or_raise("author-date").rules == get_or_raise("gost").rules == NEUTRAL
    assert get_or_raise("references").rules == Rules(on=frozenset({"strip_publisher_mark", "publisher_before_year"}))
    assert get_or_raise("vancouver").rules == Rules(
        on=frozenset({"publisher_before_year", "journal_period_separates", "initial_period_separates"})
    )


def test_every_family_switches_only_rules_the_layout_has() -> None:
    """A switch names a rule of one of the layout's chains (a misspelt name would switch nothing)."""
    known = rule_names()
    assert {"strip_publisher_mark", "publisher_before_year", "known_place_imprint", "section_letter"} <= known
    for family in families():
        assert family.rules.on | family.rules.off <= known, family.name


@pytest.mark.usefixtures("toy")
def test_a_registered_family_is_used_by_list_detection() -> None:
    """Nothing but the registry knows the toy: the entries' evidence, the list's vote and each entry's
    family come to it."""
    texts = [f"{text} {TOY_MARK}" for text in REFERENCES_LIST[:2]] + [REFERENCES_LIST[2]]
    scores = [parser.read_text(text).evidence for text in texts]
    assert [entry[TOY] for entry in scores] == [5.0, 5.0, 0.0]
    assert list_family(scores) == TOY
    vote = ListVote()
    vote.add(scores[2])
    assert vote.leader is StyleFamily.REFERENCES
    # the third entry shows References clearly and the toy not at all: it keeps its own family
    assert family_for_entry(scores[2], TOY) is StyleFamily.REFERENCES
    assert family_for_entry(scores[0], None) == TOY


def test_an_unregistered_family_is_gone(toy: Family) -> None:
    skeleton = parser.read_text(REFERENCES_LIST[0]).skeleton
    assert skeleton is not None
    assert TOY in entry_evidence(skeleton, REFERENCES_LIST[0])
    unregister(toy.name)
    assert TOY not in entry_evidence(skeleton, REFERENCES_LIST[0])
    with pytest.raises(ValueError, match="unknown style 'toy-style'"):
        format_reference(parse_reference(REFERENCES_LIST[0]), "toy-style")
    register(toy)  # for the fixture to take away


@pytest.mark.usefixtures("toy")
def test_a_registered_familys_style_is_reached_by_format_reference() -> None:
    reference = parse_reference(REFERENCES_LIST[1])
    assert format_reference(reference, "toy-style") == "TOY: Dinamika yadernyh reaktorov"
    assert get_or_raise("toy").format(reference) == "TOY: Dinamika yadernyh reaktorov"


#: The book of the References list in every style, as each family's formatter prints it.
BOOK_IN_EVERY_STYLE = {
    "quaestio-rossica": "Zaitsev, P.A. (1991). Dinamika yadernyh reaktorov [Dynamics of nuclear reactors]. Moscow, "
    "Energoatomizdat. 212 p.",
    "apa": "Zaitsev, P.A. (1991). Dinamika yadernyh reaktorov [Dynamics of nuclear reactors]. Energoatomizdat.",
    "references": REFERENCES_LIST[1],
    "gost": "Zaitsev P.A. Dinamika yadernyh reaktorov. – Moscow: Energoatomizdat, 1991. – 212 p.",
    "vancouver": "Zaitsev P.A. Dinamika yadernyh reaktorov [Dynamics of nuclear reactors]. Moscow: Energoatomizdat; "
    "1991.",
}


def test_every_style_is_a_familys_and_reached_through_the_registry() -> None:
    styles = {style: family.name for family in families() for style in family.styles}
    assert styles == {
        "quaestio-rossica": StyleFamily.AUTHOR_DATE,
        "apa": StyleFamily.AUTHOR_DATE,
        "references": StyleFamily.REFERENCES,
        "gost": StyleFamily.GOST,
        "vancouver": StyleFamily.VANCOUVER,
    }
    book = parse_list(REFERENCES_LIST).references[1]
    for style, name in styles.items():
        family = get_or_raise(name)
        assert format_reference(book, style) == family.format(book, style) == BOOK_IN_EVERY_STYLE[style]
    assert get_or_raise("author-date").format(book) == format_reference(book)  # the default style is its first


@pytest.mark.usefixtures("restore_registry")
def test_the_layout_reads_an_entry_by_the_registered_familys_rules() -> None:
    """A family registered in place of References, without "Publ." as the style's mark: the publisher
    keeps it."""
    text = REFERENCES_LIST[1]
    assert parse_list(REFERENCES_LIST).references[1].publisher == "Energoatomizdat"

    class PublishersOwnPubl(References):
        rules = Rules(on=frozenset({"publisher_before_year"}))

    before = families()
    for family in before:
        unregister(family.name)
    for family in before:
        register(PublishersOwnPubl() if family.name is StyleFamily.REFERENCES else family)
    parsed = parse_list(REFERENCES_LIST)
    assert parsed.family is StyleFamily.REFERENCES
    assert parsed.references[1].publisher == "Energoatomizdat Publ."
    assert parse_reference(text).publisher == "Energoatomizdat Publ."
