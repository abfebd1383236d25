"""A citation number before an entry ("[12] ", "12. ", "(12) ") only numbers it: the names after it
are the authors, and the number is in no field."""

from __future__ import annotations

import pytest

from translit_refs import parse_reference

_CASES = {
    "vancouver-dot": ("1. Smith JA, Brown KL. Title of the work. J Chem Phys. 2012;45(3):101-9.", ["Smith", "Brown"]),
    "ieee-brackets": (
        '[12] A. B. Smith and C. Doe, "A title," J. Phys., vol. 4, no. 2, pp. 10-20, 2001.',
        ["Smith", "Doe"],
    ),
    "parentheses": ("(3) Ivanov I.I. Kniga. Moscow, Nauka, 2001. 200 p.", ["Ivanov"]),
    "gost-cyrillic": ("12. Иванов И.И. Книга. – М.: Наука, 2001. – 200 с.", ["Иванов"]),
    "title-first": ("7. Title only. Moscow, Nauka, 2001. 200 p.", []),
}


@pytest.mark.parametrize(("text", "families"), list(_CASES.values()), ids=list(_CASES))
def test_a_citation_number_only_numbers_the_entry(text: str, families: list[str]) -> None:
    ref = parse_reference(text)
    assert [person.family for person in ref.persons] == families
    number = text.split(maxsplit=1)[0].strip("[]().")
    assert ref.title is not None
    assert not ref.title.startswith((number, f"[{number}", f"({number}"))
    assert ref.citation_label is None
    assert not [d for d in ref.diagnostics if d.code == "syntax-error"]


def test_a_year_opening_a_title_is_no_number() -> None:
    ref = parse_reference("1984. Roman. Moscow, Nauka, 2001. 300 p.")
    assert ref.issued is not None
    assert ref.issued.year == 1984
