"""What opens an entry before its title: a citation number ("[12] ", "12. ", "(12) "), which only
numbers it; the names; the year, in parentheses or printed bare after them ("Corke, S.-J. 2008.")."""

from __future__ import annotations

from functools import partial

import pytest

from translit_refs import parse_reference as parse_any

# The rules' own reading: these tests are about the grammar and the family rules, not the labeller.
parse_reference = partial(parse_any, labeller=False)

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


_DATED = {
    "chicago": ("Corke, S.-J. 2008. US Covert Operations and Cold War Strategy. London: Routledge.", ["Corke"], 2008),
    "chicago-two": ("Smith, J., and A. Doe. 2001. A title. Journal of Things 12: 66-67.", ["Smith", "Doe"], 2001),
    "harvard-comma": ("Boddy, M., 1991. Any Time Problem Solving. In Proceedings AAAI-91. AAAI.", ["Boddy"], 1991),
    "springer": ("Smith J, Doe A (2001b) Another title. Springer, Berlin", ["Smith", "Doe"], 2001),
    "springer-one": ("Fenner M (2013) What can metrics do for you? Information Quarterly.", ["Fenner"], 2013),
}


@pytest.mark.parametrize(("text", "families", "year"), list(_DATED.values()), ids=list(_DATED))
def test_the_year_after_the_names_dates_the_work(text: str, families: list[str], year: int) -> None:
    ref = parse_reference(text)
    assert [person.family for person in ref.persons] == families
    assert ref.issued is not None
    assert ref.issued.year == year
    assert ref.title is not None
    assert str(year) not in ref.title


def test_a_title_that_opens_with_a_year_and_a_colon_keeps_it() -> None:
    ref = parse_reference("Clarke A.C. 2001: A Space Odyssey. London, Hutchinson, 1968. 224 p.")
    assert ref.title is not None
    assert ref.title.startswith("2001")


_QUOTED = {
    "ieee": (
        "A. B. Smith and C. Doe, “A title, part two,” J. Phys., vol. 4, no. 2, pp. 10-20, 2001.",
        "A title, part two",
    ),
    "ieee-straight": (
        'E. Styer, "Improving Fast Mutual Exclusion", Proc. of PODC, 1992, pp. 159-168.',
        "Improving Fast Mutual Exclusion",
    ),
    "chicago": ('Aksyonov, V. 1989. "Title Here." In Book of Things, 12-19. New York: Liberty.', "Title Here"),
    "mla": ('Petrov, P. "Reading Lists." Slavic Review, vol. 55, no. 3, 1996, pp. 120-31.', "Reading Lists"),
}


@pytest.mark.parametrize(("text", "title"), list(_QUOTED.values()), ids=list(_QUOTED))
def test_a_title_in_quotation_marks_ends_at_them(text: str, title: str) -> None:
    assert parse_reference(text).title == title


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ('Ivanov I. "Rosatom" segodnya. Moscow, Nauka, 2001. 200 p.', '"Rosatom" segodnya'),
        (
            "Weathersby, K. (2002). “Should We Fear This?” Stalin and Danger of War with America. Washington, 2002.",
            "“Should We Fear This?” Stalin and Danger of War with America",
        ),
    ],
)
def test_a_quoted_phrase_that_opens_a_title_stays_in_it(text: str, title: str) -> None:
    assert parse_reference(text).title == title


_FULL_NAMES = {
    "chicago": (
        "Giddens, Anthony. 1991. Modernity and Self-Identity. Stanford: Stanford University Press.",
        [("Giddens", "Anthony")],
    ),
    "apa-full": ("Bowerman, Melissa (1985) What shapes grammars. Hillsdale, NJ: Erlbaum.", [("Bowerman", "Melissa")]),
    "mla": ("Lynch, Kevin. The Image of the City. Cambridge, Mass.: MIT Press, 1960.", [("Lynch", "Kevin")]),
    "middle-initial": (
        "Allen, James F. (1979). A Plan-Based Approach. Toronto: University of Toronto.",
        [("Allen", "James F.")],
    ),
    "and-given-first": (
        "Lakoff, George, and Mark Johnson. Metaphors We Live By. Chicago: University of Chicago Press, 2003.",
        [("Lakoff", "George"), ("Johnson", "Mark")],
    ),
    "particle": (
        "Lee, L. L., and Ruth van Dijk. 1990. A title. Leiden: Brill.",
        [("Lee", "L. L."), ("van Dijk", "Ruth")],
    ),
}


@pytest.mark.parametrize(("text", "names"), list(_FULL_NAMES.values()), ids=list(_FULL_NAMES))
def test_given_names_written_out(text: str, names: list[tuple[str, str]]) -> None:
    ref = parse_reference(text)
    assert [(person.family, person.given) for person in ref.persons] == names
    assert ref.title is not None
    assert names[0][0] not in ref.title


@pytest.mark.parametrize(
    "text",
    [
        "Uranium, Resources and Demand. Paris: OECD, 2014. 504 p.",
        "Niita K. and Chiba S. Phys. Rev. C61, 024901, 2000.",
        "Muggleton, S., & De Raedt, L. (1994). Inductive logic programming. J. Logic Programming, 19, 629-679.",
    ],
)
def test_what_only_looks_like_written_out_names_is_not_read_as_them(text: str) -> None:
    families = [person.family for person in parse_reference(text).persons]
    assert not {"Uranium", "Phys", "Raedt"} & set(families)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Acheson, D.: Present at the Creation. NY : W. W. Norton, 1969", [("Acheson", "D.")]),
        ("ACHESON, D., 1969. Present at the Creation. NY: W. W. Norton.", [("Acheson", "D.")]),
        ("BAJANOV, E. and DE GAULLE, C., 1995. Title. Paris: Plon.", [("Bajanov", "E."), ("De Gaulle", "C.")]),
        (
            "BAIR, J.K. and GOMEZ DEL CAMPO, J., 1979. Neutron Yields. Nuclear Science. 1979. Vol. 71, p. 18–28.",
            [("Bair", "J.K."), ("Gomez del Campo", "J.")],
        ),
        (
            "SAL’NIKOV, N.L. and PROHOROV, Yu.P., 2012. Kriterij. Izvestiya vuzov. 2012. No. 1, p. 66–70.",
            [("Sal’nikov", "N.L."), ("Prohorov", "Yu.P.")],
        ),
        (
            "PIGNI, M, CROFT, S and GAULD, I., 2016. Uncertainty. Progress in Nuclear Energy. 2016. Vol. 91.",
            [("Pigni", "M"), ("Croft", "S"), ("Gauld", "I.")],
        ),
    ],
    ids=[
        "din-colon",
        "iso690-capitals",
        "iso690-two",
        "iso690-particles",
        "iso690-apostrophe-two-letters",
        "iso690-bare-initials",
    ],
)
def test_names_before_a_colon_and_in_capitals(text: str, names: list[tuple[str, str]]) -> None:
    assert [(person.family, person.given) for person in parse_reference(text).persons] == names


def test_an_acronym_before_a_year_is_no_name() -> None:
    assert parse_reference("IAEA, 2001. Safety of Reactors. Vienna: IAEA.").persons == ()


def test_a_translation_inside_the_quotation_marks_translates_the_title() -> None:
    ref = parse_reference(
        "Shamanin, I.V., and I.M. Gubaydulin. “Vnutrennij blok-jeffekt [Inner block effect].” "
        "Izvestiya vuzov. Fizika 56, no. 11/2 (2013): 59–66."
    )
    assert (ref.title, ref.title_translation) == ("Vnutrennij blok-jeffekt", "Inner block effect")
    assert ref.container_title == "Izvestiya vuzov. Fizika"


def test_a_given_name_and_an_initial_after_and_before_the_year() -> None:
    ref = parse_reference(
        "Taherzadeh, M., and Peter J. Gingo. 1972. “Neutron Radiation.” Nuclear Technology 15(3):396–410."
    )
    assert [(p.family, p.given) for p in ref.persons] == [("Taherzadeh", "M."), ("Gingo", "Peter J.")]


@pytest.mark.parametrize(
    ("text", "title", "year"),
    [
        (
            "Anon. 1953. “Current Communist Position on a Korean Armistice.” CIA.",
            "Current Communist Position on a Korean Armistice",
            1953,
        ),
        (
            "Anon. 2012. Managing Nuclear Knowledge, Pocket Reference for Executives. IAEA.",
            "Managing Nuclear Knowledge, Pocket Reference for Executives",
            2012,
        ),
        ("Anon. n.d. “Weekly Summary No. 26.” CIA – FOIA.", "Weekly Summary No. 26", None),
    ],
    ids=["asa-quoted", "asa-book", "asa-undated"],
)
def test_anon_before_the_date_is_no_person(text: str, title: str, year: int | None) -> None:
    ref = parse_reference(text)
    assert (ref.persons, ref.title) == ((), title)
    assert ref.issued is not None
    assert ref.issued.year == year


def test_no_date_printed_bare_after_the_names() -> None:
    ref = parse_reference(
        "Eisenhower, D. n.d. “Address Delivered Before the Editors.” The American Presidency Project."
    )
    assert [(p.family, p.given) for p in ref.persons] == [("Eisenhower", "D.")]
    assert ref.title == "Address Delivered Before the Editors"
    assert ref.issued is not None
    assert ref.issued.undated
