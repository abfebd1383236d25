"""The editors of a container after "In" or "in:": initials before or after the family name, joined by commas,
"and" or "&" (with or without the serial comma), perhaps "et al.", then "(Eds.)", ", editors", "(Hrsg.)"."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from translit_refs import ReferenceType, Role, parse_reference
from translit_refs.parsing.grammar import names_in, terminal_pattern

_EDITED = {
    "serial-comma-editors": (
        "Orlov, P. 1998. Heat transfer. In K. Lee, M. Hale, and T. Berg, editors, Heat Handbook, pages 15-26. Wiley.",
        ["Lee", "Hale", "Berg"],
        "Heat Handbook",
    ),
    "family-first-editors": (
        "Orlov, P. (1998). Heat transfer. In Lee, K., Hale, M., and Berg, T., editors, Heat Handbook, pages 15-26.",
        ["Lee", "Hale", "Berg"],
        "Heat Handbook",
    ),
    "apa-ampersand": (
        "Orlov, P. (1998). Heat transfer. In Lee, K., & Hale, M. (Eds.), Heat handbook (pp. 15–26). Wiley.",
        ["Lee", "Hale"],
        "Heat handbook",
    ),
    "lowercase-in-colon": (
        "P. Orlov, Heat transfer, in: K. Lee, M. Hale (Eds.), Heat Handbook, Wiley, London, 1998, pp. 15–26.",
        ["Lee", "Hale"],
        "Heat Handbook",
    ),
    "lowercase-in-colon-and": (
        "Orlov, P., Heat transfer, in: K. Lee and M. Hale (eds.), Heat Handbook, Wiley, London, 1998.",
        ["Lee", "Hale"],
        "Heat Handbook",
    ),
    "et-al": (
        "Orlov, P. (1998). Heat transfer. In K. Lee, et al. (Eds.), Heat handbook (pp. 15–26). Wiley.",
        ["Lee"],
        "Heat handbook",
    ),
    "one-editor-comma-editor": (
        "Orlov, P. 1998. Heat transfer. In K. Lee, editor, Heat Handbook, pages 15-26. Wiley.",
        ["Lee"],
        "Heat Handbook",
    ),
    "editors-in-parentheses": (
        "Orlov, P. 1998. Heat transfer. In K. Lee and M. Hale (editors), Heat Handbook, pages 15-26. Wiley.",
        ["Lee", "Hale"],
        "Heat Handbook",
    ),
    "german": (
        "Orlov, P. (1998). Wärmeübertragung. In K. Lee & M. Hale (Hrsg.), Handbuch der Wärme (S. 15–26). Springer.",
        ["Lee", "Hale"],
        "Handbuch der Wärme",
    ),
    "semicolons": (
        "Orlov, P. 1998. Heat transfer. In Lee, K.; Hale, M.; and Berg, T., eds., Heat Handbook, pages 15-26. Wiley.",
        ["Lee", "Hale", "Berg"],
        "Heat Handbook",
    ),
    "russian-red": (
        "Orlov P.P. Teploobmen. In: Lee K.K., Hale M.M. (red.) Spravochnik po teploobmenu. Moscow, Nauka, 1998, "
        "pp. 15-26.",
        ["Lee", "Hale"],
        "Spravochnik po teploobmenu",
    ),
}


@pytest.mark.parametrize(("text", "editors", "container"), list(_EDITED.values()), ids=list(_EDITED))
def test_the_editors_of_a_container(text: str, editors: list[str], container: str) -> None:
    ref = parse_reference(text)
    assert [p.family for p in ref.persons if p.role is Role.EDITOR] == editors
    assert [p.family for p in ref.persons if p.role is Role.AUTHOR] == ["Orlov"]
    assert ref.container_title == container
    assert ref.type in (ReferenceType.CHAPTER, ReferenceType.PAPER)


def test_in_without_a_colon_in_lowercase_stays_in_the_title() -> None:
    ref = parse_reference("Orlov, P. (1998). Heat transfer in rods, in theory and practice. Wiley.")
    assert ref.title == "Heat transfer in rods, in theory and practice"
    assert ref.container_title is None


_QUOTED_THEN_IN = {
    "science": (
        'O. Kymalainen, "Heat Flux Distribution" in Proceedings of 6th Meeting on Reactor Thermal-Hydraulics '
        "(Grenoble, France, 1993), vol. 1, pp. 47–53.",
        "Heat Flux Distribution",
        None,
        "Proceedings of 6th Meeting on Reactor Thermal-Hydraulics",
    ),
    "science-translation-inside": (
        'G. E. Lazarenko, "Avtonomnaya ustanovka [Autonomous plant]" in V trudakh konferentsii «Malaya energetika '
        "– 2006» (Moscow, 2006), pp. 68–70.",
        "Avtonomnaya ustanovka",
        "Autonomous plant",
        "V trudakh konferentsii «Malaya energetika – 2006»",
    ),
    "harvard-translation-inside": (
        "Vatulin, A.V. (2003) “Razrabotka zon [The development of zones],” in 7-th Russian Conference on Reactor "
        "Materials. Dimitrovgrad.",
        "Razrabotka zon",
        "The development of zones",
        "7-th Russian Conference on Reactor Materials",
    ),
}


@pytest.mark.parametrize(
    ("text", "title", "translation", "container"), list(_QUOTED_THEN_IN.values()), ids=list(_QUOTED_THEN_IN)
)
def test_in_in_lowercase_after_a_quoted_title_opens_the_container(
    text: str, title: str, translation: str | None, container: str
) -> None:
    ref = parse_reference(text)
    assert (ref.title, ref.title_translation, ref.container_title) == (title, translation, container)


def test_an_editor_mark_between_commas_after_given_first_names() -> None:
    ref = parse_reference("E. O. Adamov, Ed., White Book of Nuclear Power Engineering (JRC «NIKIET», Moscow, 2001).")
    assert [(p.family, p.role) for p in ref.persons] == [("Adamov", Role.EDITOR)]
    assert ref.title == "White Book of Nuclear Power Engineering"


def test_in_in_lowercase_after_the_pages_opens_the_container() -> None:
    ref = parse_reference(
        "Kymalainen, O. 1993. “Heat Flux Distribution.” Pp. 47–53 in Proceedings of 6th Meeting on Reactor "
        "Thermal-Hydraulics. Vol. 1. Grenoble, France."
    )
    assert (ref.title, ref.pages, ref.container_title) == (
        "Heat Flux Distribution",
        "47–53",
        "Proceedings of 6th Meeting on Reactor Thermal-Hydraulics",
    )


@given(
    st.lists(
        st.sampled_from(
            [
                "Ivanov",
                "I.I.",
                "Petrov,",
                "P. P.",
                "Smith",
                "J",
                "Ed.",
                "eds.",
                "and",
                "&",
                "А.Б.",
                "Сидоров",
                "van",
                "der",
                "Berg",
                "O'Neil",
                ",",
                ";",
                ".",
                "-",
                "Jr.",
                "N.N.)",
                "of",
                "RAS",
                "Ponomarev-Stepnoy",
            ]
        ),
        max_size=14,
    ).map(" ".join)
)
def test_names_in_finds_what_the_terminals_alternation_finds(text: str) -> None:
    """``names_in`` tries the name terminals alone; it finds what ``finditer`` of their alternation does."""
    alternation = re.compile("|".join(f"(?P<{name}>{terminal_pattern(name)})" for name in ("NAME", "GIVEN_NAME")))
    expected = [(match.lastgroup, match.group(), match.start(), match.end()) for match in alternation.finditer(text)]
    assert [(token.type, str(token), token.start_pos, token.end_pos) for token in names_in(text)] == expected
