"""A journal's locators printed with the pages after a colon (Chicago, MLA, Springer, Taylor & Francis)."""

from __future__ import annotations

import pytest

from translit_refs import ReferenceType, parse_reference

_CASES = {
    "chicago": ("Smith, J. 2001. A title. Journal of Things 12: 66-67.", "Journal of Things", "12", None, "66-67"),
    "chicago-issue": (
        "Aksyonov, V. 1989. Title. Slavic Review 55 (3–4): 120–31.",
        "Slavic Review",
        "55",
        "3–4",
        "120–31",
    ),
    "springer": ("Smith J (2001) A title of a paper. J Phys 4:10-20", "J Phys", "4", None, "10-20"),
    "taylor-francis": (
        "Mitsutsuka N. Cold trapping. Journal of Nuclear Science and Technology, 14:2, 135-146, 1977.",
        "Journal of Nuclear Science and Technology",
        "14",
        "2",
        "135-146",
    ),
    "article-number": (
        "Garny S. First steps. Radiation Oncology, 2011, 6:163.",
        "Radiation Oncology",
        "6",
        None,
        "163",
    ),
}


@pytest.mark.parametrize(("text", "journal", "volume", "issue", "pages"), list(_CASES.values()), ids=list(_CASES))
def test_a_colon_locator_gives_volume_issue_and_pages(
    text: str, journal: str, volume: str, issue: str | None, pages: str
) -> None:
    ref = parse_reference(text)
    assert (ref.container_title, ref.volume, ref.issue, ref.pages) == (journal, volume, issue, pages)
    assert ref.type is ReferenceType.ARTICLE


@pytest.mark.parametrize(
    "text",
    [
        "World Energy Transitions Outlook 2022: 1.5°C Pathway. Abu Dhabi, IRENA, 2022. 352 p.",
        "Clarke A.C. 2001: A Space Odyssey. London, Hutchinson, 1968. 224 p.",
    ],
)
def test_a_year_before_a_colon_is_no_volume(text: str) -> None:
    ref = parse_reference(text)
    assert ref.volume is None
    assert ref.title is not None
    assert ":" in ref.title


def test_vancouver_book_pages_after_the_year_stay_vancouver() -> None:
    ref = parse_reference("Baranov VA, Frolova TS. Title. Obninsk: IPPE; 2009:22-63.")
    assert ref.issued is not None
    assert (ref.issued.year, ref.volume, ref.pages) == (2009, None, "22-63")
