"""A journal's locators printed with the pages after a colon (Chicago, MLA, Springer, Taylor & Francis)."""

from __future__ import annotations

from functools import partial

import pytest

from translit_refs import ReferenceType
from translit_refs import parse_reference as parse_any

# The rules' own reading: these tests are about the grammar and the family rules, not the labeller.
parse_reference = partial(parse_any, labeller=False)

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


_BEFORE_THE_YEAR = {
    "nature": ("Smith, J. A title. Nature 12, 54–68 (1995).", "Nature", "12", "54–68", 1995),
    "pages-only": (
        "Bajanov, E. Assessing the Politics. Cold War Bull. 54–68 (1995).",
        "Cold War Bull.",
        None,
        "54–68",
        1995,
    ),
    "conference-volume": (
        "Grigoryev A.M. Routing works. AIP Conference Proceedings 2015, 020028 (2018).",
        "AIP Conference Proceedings",
        "2015",
        "020028",
        2018,
    ),
}


def test_a_volumes_range_before_the_year_is_not_the_pages() -> None:
    ref = parse_reference("Feuerstein H. Behavior of Po-210 / JNM 191-194 (1992), pp. 288–291.")
    assert ref.pages == "288–291"


@pytest.mark.parametrize(
    ("text", "publisher", "places", "year"),
    [
        ("Acheson, D. Present at the Creation. (W. W. Norton, 1969).", "W. W. Norton", (), 1969),
        ("M. Aid, The Secret Sentry (Bloomsbury Press, NY, 2009).", "Bloomsbury Press", ("NY",), 2009),
    ],
    ids=["nature", "science"],
)
def test_an_imprint_in_parentheses_closing_the_reference(
    text: str, publisher: str, places: tuple[str, ...], year: int
) -> None:
    ref = parse_reference(text)
    assert (ref.publisher, ref.places, ref.type) == (publisher, places, ReferenceType.BOOK)
    assert ref.issued is not None
    assert ref.issued.year == year


def test_a_month_in_parentheses_is_no_publisher() -> None:
    ref = parse_reference("Cullen D.E. Program SIGMA1. Livermore Laboratory report UCID-16426 (January, 1974).")
    assert ref.publisher != "January"


@pytest.mark.parametrize(
    ("text", "publisher", "places"),
    [
        ("Cumings, B., 2011. Korean War: A History. Random House, NY.", "Random House", ("NY",)),
        ("Acheson, D. Present at the Creation; W. W. Norton: NY, 1969.", "W. W. Norton", ("NY",)),
        ("Ivanov I.I. Teoriya reaktorov. Nauka, Moscow, 1972. 300 p.", "Nauka", ("Moscow",)),
        (
            "Martin J. Computer Database Organization. Prentice-Hall, Inc., Englewood Cliffs, 1977.",
            "Prentice-Hall, Inc.",
            ("Englewood Cliffs",),
        ),
    ],
    ids=["elsevier-harvard", "acs", "russian", "two-parts"],
)
def test_a_publisher_before_its_known_place(text: str, publisher: str, places: tuple[str, ...]) -> None:
    ref = parse_reference(text)
    assert (ref.publisher, ref.places) == (publisher, places)


def test_a_conference_before_its_town_is_no_publisher() -> None:
    ref = parse_reference(
        "Gontar A.S. Usovershenstvovannyi TEP. Sb. dokl. Mezhdunarodnoi konferentsii «Yadernaya energetika - 2005», "
        "Moscow, 2005, pp. 5-9."
    )
    assert ref.publisher is None or "2005" not in ref.publisher


_CHICAGO = {
    "issue": (
        "Kumar, V. “Knowledge Management.” Int. J. Nucl. Knowl. Manag. 3, no. 2 (2009): 137–56.",
        "3",
        "2",
        "137–56",
        2009,
    ),
    "volume-only": ("Vlaskin, G.N. “Neutron Yield.” Atomic Energy 117 (2015): 357–65.", "117", None, "357–65", 2015),
    "din": (
        "Vlaskin, G.N. ; Khomyakov, Y.S. ; u. a.: Neutron Yield. In: Atomic Energy Bd. 117 (2015), Nr. 5, S. 357–365",
        "117",
        "5",
        "357–365",
        2015,
    ),
    "year-and-pages": (
        "Khorasanov GL. K voprosu. Izvestia vuzov Yadernaya Energetika 2015:81–7.",
        None,
        None,
        "81–7",
        2015,
    ),
}


@pytest.mark.parametrize(("text", "volume", "issue", "pages", "year"), list(_CHICAGO.values()), ids=list(_CHICAGO))
def test_chicago_din_and_year_page_locators(
    text: str, volume: str | None, issue: str | None, pages: str, year: int
) -> None:
    ref = parse_reference(text)
    assert (ref.volume, ref.issue, ref.pages) == (volume, issue, pages)
    assert ref.issued is not None
    assert ref.issued.year == year
    assert ref.container_title is not None
    assert not ref.container_title.endswith(("Bd.", volume or "\0"))


@pytest.mark.parametrize(
    ("text", "journal", "volume", "issue", "pages"),
    [
        (
            "Poplavskij, V.M. (2010) “Aktivnaia zona,” Atomic energy, 108, pp. 206–211.",
            "Atomic energy",
            "108",
            None,
            "206–211",
        ),
        (
            "Ayo-Imoru R. A survey. Annals of Nuclear Energy, 2018, 112, pp. 177-188.",
            "Annals of Nuclear Energy",
            "112",
            None,
            "177-188",
        ),
        (
            "Shamanin, I.V. (2013) “Vnutrennij blok,” Izvestiya vuzov. Fizika, 56(11/2), pp. 59–66.",
            "Izvestiya vuzov. Fizika",
            "56",
            "11/2",
            "59–66",
        ),
        (
            "Bair, J. K. (1979). Neutron Yields. Nuclear Science and Engineering, 71, 18–28.",
            "Nuclear Science and Engineering",
            "71",
            None,
            "18–28",
        ),
    ],
    ids=["harvard", "year-then-volume", "issue-with-slash", "apa-volume-without-issue"],
)
def test_a_volume_between_commas_before_the_pages(
    text: str, journal: str, volume: str, issue: str | None, pages: str
) -> None:
    ref = parse_reference(text)
    assert (ref.container_title, ref.volume, ref.issue, ref.pages) == (journal, volume, issue, pages)


def test_a_year_between_commas_before_the_pages_is_no_volume() -> None:
    ref = parse_reference("Romanov A.V. Teoriya. Trudy konferentsii, 2010, pp. 5-9.")
    assert ref.volume is None
    assert ref.issued is not None
    assert ref.issued.year == 2010


@pytest.mark.parametrize(
    "text",
    [
        "Bajanov, E., 1995. Assessing the Politics. Cold War Intern. History Project Bull. 54–68.",
        "Bajanov, E. (1995). Assessing the Politics. Cold War Intern. History Project Bull., 54–68.",
    ],
    ids=["elsevier-harvard", "cell"],
)
def test_pages_closing_the_reference_after_the_journal(text: str) -> None:
    ref = parse_reference(text)
    assert (ref.container_title, ref.pages, ref.type) == (
        "Cold War Intern. History Project Bull.",
        "54–68",
        ReferenceType.ARTICLE,
    )


def test_a_range_of_years_closing_the_reference_is_no_pages() -> None:
    ref = parse_reference("Ivanov I.I. Istoriya voiny. 1941–1945.")
    assert ref.pages is None


_CLOSING = {
    "volume-and-range": (
        "Orlov, P., 1998. Heat transfer in rods. Thermal Engineering 45, 311–318.",
        "Thermal Engineering",
        "45",
        "311–318",
    ),
    "one-page": (
        "Kim, S., Park, J., 2004. Short note on wetting. Surface Letters 9, 77.",
        "Surface Letters",
        "9",
        "77",
    ),
    "acronym-in-parentheses": (
        "Lind, A. (2011). Risk and trust. Journal of Safety Studies (JSS) 14, 201–219.",
        "Journal of Safety Studies (JSS)",
        "14",
        "201–219",
    ),
    "doi-after": (
        "Berg, T., 2016. Ageing of cables. Reliability Review 102, 55–61. https://doi.org/10.1000/rr.2016.55",
        "Reliability Review",
        "102",
        "55–61",
    ),
    "bare-doi-after": (
        "Berg, T. (2016). Ageing of cables. Reliability Review 102, 55–61. 10.1000/rr.2016.55.",
        "Reliability Review",
        "102",
        "55–61",
    ),
    "abbreviated-journal": ("Moss, K., 2007. Spin waves. Phys. Lett. 301, 12–19.", "Phys. Lett.", "301", "12–19"),
    "section-letter": (
        "Hale, R., 2012. Slag flow. Materials Transactions B 43, 1520–1533.",
        "Materials Transactions B",
        "43",
        "1520–1533",
    ),
    "article-letter": ("Ruiz, D., 2019. Thin films. Optics Today 27, A415.", "Optics Today", "27", "A415"),
    "cyrillic-journal": (
        "Петров, П.П., 2005. Теплообмен. Теплоэнергетика 52, 40–47.",
        "Теплоэнергетика",
        "52",
        "40–47",
    ),
    "transliterated": (
        "Sokolov, A.A., 2010. Raschet reaktora. Atomnaya energiya 108, 99–104.",
        "Atomnaya energiya",
        "108",
        "99–104",
    ),
}


@pytest.mark.parametrize(("text", "journal", "volume", "pages"), list(_CLOSING.values()), ids=list(_CLOSING))
def test_a_volume_and_pages_closing_the_reference_after_the_journal(
    text: str, journal: str, volume: str, pages: str
) -> None:
    ref = parse_reference(text)
    assert (ref.container_title, ref.volume, ref.pages, ref.type) == (journal, volume, pages, ReferenceType.ARTICLE)


_PAGES_AFTER_A_WORD = {
    "lowercase": (
        "Orlov, P., 1998. Heat transfer. Vestnik teploenergetiki 311–318.",
        "Vestnik teploenergetiki",
        "311–318",
    ),
    "capitals": ("Orlov, P., 1998. Heat transfer. Vestnik MEI 31–38.", "Vestnik MEI", "31–38"),
    "cyrillic": ("Орлов П., 1998. Теплообмен. Вестник энергетики 31–38.", "Вестник энергетики", "31–38"),
    "doi-after": (
        "Orlov, P., 1998. Heat transfer. Vestnik MEI 31–38. https://doi.org/10.1000/vm.31",
        "Vestnik MEI",
        "31–38",
    ),
}


@pytest.mark.parametrize(
    ("text", "journal", "pages"), list(_PAGES_AFTER_A_WORD.values()), ids=list(_PAGES_AFTER_A_WORD)
)
def test_pages_closing_the_reference_after_the_journals_last_word(text: str, journal: str, pages: str) -> None:
    ref = parse_reference(text)
    assert (ref.container_title, ref.pages, ref.type) == (journal, pages, ReferenceType.ARTICLE)


_PAREN_YEAR = {
    "volume": (
        "P. Orlov, Heat transfer in rods, Thermal Engineering 45 (1998) 311–318.",
        "Thermal Engineering",
        "45",
        "311–318",
        1998,
    ),
    "after-period": (
        "P. Orlov, Heat transfer in rods, Therm. Eng. 45 (1998) 311–318.",
        "Therm. Eng.",
        "45",
        "311–318",
        1998,
    ),
    "journal-period": (
        "P. Orlov, Heat transfer in rods, Thermal Engineering. 45 (1998) 311–318.",
        "Thermal Engineering",
        "45",
        "311–318",
        1998,
    ),
    "no-volume": (
        "P. Orlov, Heat transfer in rods, Thermal Engineering. (1998) 311–318.",
        "Thermal Engineering",
        None,
        "311–318",
        1998,
    ),
    "one-page": (
        "S. Kim, J. Park, Short note on wetting, Surface Letters 9 (2004) 77.",
        "Surface Letters",
        "9",
        "77",
        2004,
    ),
    "article-number": (
        "A. Li, Dark counts, J. Phys.: Conf. Ser. 98 (2008) 072012.",
        "J. Phys.: Conf. Ser.",
        "98",
        "072012",
        2008,
    ),
    "doi-after": (
        "T. Berg, Ageing of cables, Reliability Review 102 (2016) 55–61. https://doi.org/10.1000/rr.2016.55.",
        "Reliability Review",
        "102",
        "55–61",
        2016,
    ),
    "transliterated": (
        "A.A. Sokolov, Raschet reaktora, Atomnaya energiya 108 (2010) 99–104.",
        "Atomnaya energiya",
        "108",
        "99–104",
        2010,
    ),
    "letter-suffix": (
        "R. Hale, Slag flow, Mater. Trans. B 43 (2012a) 1520–1533.",
        "Mater. Trans. B",
        "43",
        "1520–1533",
        2012,
    ),
    "two-authors": (
        "K. Moss, L. Dean, Spin waves in films, Phys. Lett. 301 (2007) 12–19.",
        "Phys. Lett.",
        "301",
        "12–19",
        2007,
    ),
}


#: Both shapes of a journal's locators with the year in parentheses: Nature's and Science's before it,
#: Elsevier numeric's between the volume and the pages.
_YEAR_IN_PARENTHESES = {f"before-the-year-{key}": case for key, case in _BEFORE_THE_YEAR.items()} | {
    f"elsevier-numeric-{key}": case for key, case in _PAREN_YEAR.items()
}


@pytest.mark.parametrize(
    ("text", "journal", "volume", "pages", "year"), list(_YEAR_IN_PARENTHESES.values()), ids=list(_YEAR_IN_PARENTHESES)
)
def test_journal_volume_and_pages_around_the_year_in_parentheses(
    text: str, journal: str, volume: str | None, pages: str, year: int
) -> None:
    ref = parse_reference(text)
    assert (ref.container_title, ref.volume, ref.pages) == (journal, volume, pages)
    assert ref.issued is not None
    assert ref.issued.year == year


_JOURNAL_YEAR = {
    "volume-issue": (
        "Orlov, P.; Lee, K. Heat Transfer in Rods. Thermal Engineering 1998, 45 (3), 311–318.",
        "Thermal Engineering",
        1998,
        "45",
        "3",
        "311–318",
    ),
    "volume": (
        "Orlov, P. Heat Transfer in Rods. Thermal Engineering 1998, 45, 311–318.",
        "Thermal Engineering",
        1998,
        "45",
        None,
        "311–318",
    ),
    "one-page": (
        "Kim, S. Short Note on Wetting. Surface Letters 2004, 9, 77.",
        "Surface Letters",
        2004,
        "9",
        None,
        "77",
    ),
    "abbreviated": ("Moss, K. Spin Waves. Phys. Lett. 2007, 301, 12–19.", "Phys. Lett.", 2007, "301", None, "12–19"),
    "acronym": (
        "Dean, L. Dark Counts. J. Phys. Chem. C 2011, 115 (21), 7853–7857.",
        "J. Phys. Chem. C",
        2011,
        "115",
        "21",
        "7853–7857",
    ),
    "issue-only": (
        "Sokolov, A. A. Raschet Reaktora. Atomnaya Energiya 2010, No. 4, 99–104.",
        "Atomnaya Energiya",
        2010,
        None,
        "4",
        "99–104",
    ),
    "article-letter": ("Ruiz, D. Thin Films. Optics Today 2019, 27, A415.", "Optics Today", 2019, "27", None, "A415"),
    "doi-after": (
        "Berg, T. Ageing of Cables. Reliability Review 2016, 102, 55–61. https://doi.org/10.1000/rr.2016.55.",
        "Reliability Review",
        2016,
        "102",
        None,
        "55–61",
    ),
    "numbered": (
        "(12) Hale, R. Slag Flow. Mater. Trans. B 2012, 43, 1520–1533.",
        "Mater. Trans. B",
        2012,
        "43",
        None,
        "1520–1533",
    ),
    "quoted-title": (
        "Lind, A. “Risk and Trust.” Journal of Safety Studies 2011, 14 (2), 201–219.",
        "Journal of Safety Studies",
        2011,
        "14",
        "2",
        "201–219",
    ),
}


@pytest.mark.parametrize(
    ("text", "expected"), [(text, tuple(rest)) for text, *rest in _JOURNAL_YEAR.values()], ids=list(_JOURNAL_YEAR)
)
def test_acs_year_after_the_journal_then_its_locators(text: str, expected: tuple[object, ...]) -> None:
    ref = parse_reference(text)
    year = ref.issued.year if ref.issued is not None else None
    read = (ref.container_title, year, ref.volume, ref.issue, ref.pages)
    assert read == expected


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Orlov P. Steam generators. Proc. of Int. Conf. on Heat, Lyon, France, May 28 – June 1, 2007.", "2007"),
        ("Orlov P. Steam generators. Report LA-UR-05-1234, Los Alamos, April 11, 2005.", "2005"),
        ("Orlov P. Steam generators. TANS 27, 1977.", "1977"),
        ("Orlov P. Pravila ustroistva reaktorov, NP 089-15.", "089-15"),
        ("Orlov P. Die Eigenschaften des Poloniums, PSI-Report Nr. 02-12, June 2002, ISSN 1019–0643.", "1019–0643"),
        ("Orlov P. Steam generators. Int. Forum on Heat, Lyon, June 3-6.", "3-6"),
    ],
    ids=["date-range", "month-day-year", "volume-and-year", "designation", "issn", "days-of-a-meeting"],
)
def test_dates_designations_and_issns_are_no_closing_pages(text: str, absent: str) -> None:
    ref = parse_reference(text)
    assert absent not in (ref.pages or "")


def test_years_listed_in_a_title_are_no_journal_year() -> None:
    ref = parse_reference(
        "Orlov, P. 1812. A Journey, with notes compiled in the years 1801, 2, 5, 6 etc. London: Payne."
    )
    assert ref.title is not None
    assert "1801, 2, 5, 6" in ref.title


_YEAR_AGAIN = {
    "iso690": (
        "ORLOV, P., 1998. Heat transfer in rods. Thermal Engineering. 1998. Vol. 45, no. 3, p. 311–318.",
        "Thermal Engineering",
    ),
    "iso690-issue-only": ("ORLOV, P., 1998. Heat transfer. Vestnik MEI. 1998. No. 3, p. 31–38.", "Vestnik MEI"),
    "iso690-two-sentences": (
        "SOKOLOV, A.A., 2010. Raschet reaktora. Izvestiya vuzov. Yadernaya energetika. 2010. No. 4, p. 99–104.",
        "Izvestiya vuzov. Yadernaya energetika",
    ),
    "iso690-volume-only": (
        "KIM, S. and PARK, J., 2004. Short note on wetting. Surface Letters. 2004. Vol. 9, p. 77.",
        "Surface Letters",
    ),
    "iso690-abbreviated": ("MOSS, K., 2007. Spin waves. Phys. Lett. 2007. Vol. 301, p. 12–19.", "Phys. Lett."),
    "harvard-comma-locators": (
        "Orlov P. (1998) Heat transfer in rods. Thermal Engineering. 1998, v. 45, pp. 311-318.",
        "Thermal Engineering",
    ),
    "harvard-no": (
        "Orlov, P., 1998. Heat transfer in rods. Thermal Engineering. 1998, no. 3, pp. 311-318.",
        "Thermal Engineering",
    ),
    "cyrillic": (
        "Орлов П. (1998) Теплообмен в стержнях. Теплоэнергетика. 1998. Т. 45, № 3. С. 311–318.",
        "Теплоэнергетика",
    ),
    "quoted-title": (
        "Orlov, P., 1998. “Heat transfer in rods.” Thermal Engineering. 1998. Vol. 45, p. 311–318.",
        "Thermal Engineering",
    ),
    "parenthesised-year": (
        "Orlov, P. (1998). Heat transfer in rods. Thermal Engineering. 1998. Vol. 45. P. 311–318.",
        "Thermal Engineering",
    ),
}


@pytest.mark.parametrize(("text", "journal"), list(_YEAR_AGAIN.values()), ids=list(_YEAR_AGAIN))
def test_the_heads_year_again_between_the_journal_and_its_locators(text: str, journal: str) -> None:
    ref = parse_reference(text)
    assert (ref.container_title, ref.type) == (journal, ReferenceType.ARTICLE)
    assert ref.title is not None
    assert journal not in ref.title
    assert ref.issued is not None
    assert ref.issued.year in (1998, 2004, 2007, 2010)


def test_another_year_before_the_locators_stays_in_the_title() -> None:
    ref = parse_reference("Orlov, P., 2001. Proceedings of the meeting. Heat Transfer. 1998. Vol. 45, p. 311–318.")
    assert ref.issued is not None
    assert ref.issued.year == 2001
    assert ref.title is not None
    assert ref.title.endswith("1998")


_PAREN_IMPRINT = {
    "cell-publisher": ("Orlov, P. (1998). Heat Transfer in Rods (Academic Press).", "Academic Press", (), 1998),
    "cell-acronym": ("Orlov, P. (1998). Heat Transfer in Rods (MEI).", "MEI", (), 1998),
    "cell-after-translation": (
        "Orlov, P. (1998). Teploobmen v sterzhnyakh [Heat Transfer in Rods] (Nauka).",
        "Nauka",
        (),
        1998,
    ),
    "cell-after-a-year-in-the-title": (
        "Orlov, P. (1998). Heat Transfer, 1950–1990 (Academic Press).",
        "Academic Press",
        (),
        1998,
    ),
    "cell-after-the-date": ("Heat Transfer Handbook (1998). (Academic Press).", "Academic Press", (), 1998),
    "cell-two-parts": (
        "Orlov, P. (1998). Heat Transfer (US Navy, Bureau of Ships).",
        "US Navy, Bureau of Ships",
        (),
        1998,
    ),
    "cell-with-place": (
        "Orlov, P. (1998). Heat Transfer in Rods (Academic Press, London).",
        "Academic Press",
        ("London",),
        1998,
    ),
    "science-places": (
        "P. Orlov, Heat Transfer in Rods (Wiley, NY, London, Sydney, 1998).",
        "Wiley",
        ("NY", "London", "Sydney"),
        1998,
    ),
    "science-volume-after": (
        "P. Orlov, Heat Transfer in Rods (Academic Press, London, 1998), vol. 2.",
        "Academic Press",
        ("London",),
        1998,
    ),
    "science-pages-after": (
        "P. Orlov, Heat Transfer in Rods (Academic Press, London, 1998), pp. 5–17.",
        "Academic Press",
        ("London",),
        1998,
    ),
    "place-first": (
        "Orlov, P. (1998). Heat Transfer in Rods (London, Academic Press).",
        "Academic Press",
        ("London",),
        1998,
    ),
}


@pytest.mark.parametrize(
    ("text", "publisher", "places", "year"), list(_PAREN_IMPRINT.values()), ids=list(_PAREN_IMPRINT)
)
def test_an_imprint_in_parentheses_with_or_without_its_year(
    text: str, publisher: str, places: tuple[str, ...], year: int
) -> None:
    ref = parse_reference(text)
    assert (ref.publisher, ref.places) == (publisher, places)
    assert ref.title is not None
    assert "(" not in ref.title.replace("(1", "")  # the imprint left the title
    assert ref.issued is not None
    assert ref.issued.year == year


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "Orlov P. Heat transfer. Energetika. 2012, no. 4, pp. 72-79. (Special Issue on Heat Transfer).",
            "Special Issue",
        ),
        ("Orlov P. Teploobmen. Moscow: Nauka, 2013. 518 p. (Biblioteka inzhenera).", "Biblioteka inzhenera"),
        ("Orlov, P. (1996). Heat transfer. In Proceedings of the National Heat Conference (NHC).", "NHC"),
        ("Orlov P. Heat transfer. Int. Conf. on Heat, Lyon (France).", "France"),
        ("Orlov P. Heat transfer [Electronic resource]. Lyon, Heat Institute, 2015 (CD-ROM edition).", "CD-ROM"),
        ("http://example.org/heat/report.pdf (Heat Transfer in Rods).", "Heat Transfer in Rods"),
    ],
    ids=["after-a-period", "series-after-page-count", "conference-acronym", "country", "web-resource", "url-title"],
)
def test_a_note_in_parentheses_is_no_imprint(text: str, kept: str) -> None:
    ref = parse_reference(text)
    assert kept not in (ref.publisher or "")


_PAGES_WORD_WRITTEN_OUT = {
    "pages": ("Orlov P. Heat transfer. In Proceedings of the Heat Conference, pages 15-26, 1998.", "15-26"),
    "pages-capital": ("Orlov P. Heat transfer. Heat Review, 12(3), Pages 15-26, 1998.", "15-26"),
    "pp-no-period": ("Orlov P. Heat transfer. Heat Review. 1998, v. 12, no. 3, pp 15-26.", "15-26"),
    "PP-no-period": ("Orlov P. Heat transfer // Heat Review. – 1998. – Vol. 12. – PP 15-26.", "15-26"),
    "pages-after-volume": ("Orlov P. Heat transfer. Heat Review, vol. 12, pages 15–26, 1998.", "15–26"),
    "pages-before-place": (
        "Orlov P. Heat transfer. In Proc. of the Heat Conference, pages 15-26, Lyon, France, 1998.",
        "15-26",
    ),
    "pages-before-publisher": ("Orlov P. Heat transfer. In Heat Handbook, pages 15-26. Academic Press, 1998.", "15-26"),
    "pp-single": ("Orlov P. Heat transfer. Heat Review. 1998, no. 3, pp 15.", "15"),
    "pages-editors": ("Orlov P. Heat transfer. In K. Lee, editor, Heat Handbook, pages 15-26. Wiley, 1998.", "15-26"),
    "pages-at-the-end": ("Orlov, P. (1998) Heat transfer, Heat Review, 12(3), pages 15-26.", "15-26"),
}


@pytest.mark.parametrize(("text", "pages"), list(_PAGES_WORD_WRITTEN_OUT.values()), ids=list(_PAGES_WORD_WRITTEN_OUT))
def test_pages_written_out_or_without_the_period(text: str, pages: str) -> None:
    ref = parse_reference(text)
    assert ref.pages == pages
    assert "pages" not in (ref.container_title or "").lower()
    assert "pp" not in (ref.note or "").lower()


@pytest.mark.parametrize(
    ("text", "year", "month"),
    [
        ("Orlov P. Heat transfer. In Proc. of the Heat Conference, pages 15-26, Lyon, France, June 1998.", 1998, 6),
        ("Orlov P. Heat transfer. In Proc. of the Heat Conference, pages 15-26, Washington, D. C., May 1998.", 1998, 5),
        ("Orlov P. Heat transfer. Report HT-1234, Lyon, October 1998.", 1998, 10),
    ],
    ids=["place-and-country", "place-and-region", "report"],
)
def test_a_month_and_year_after_the_place_date_the_work(text: str, year: int, month: int) -> None:
    ref = parse_reference(text)
    assert ref.issued is not None
    assert (ref.issued.year, ref.issued.month) == (year, month)
    assert ref.publisher is None or str(year) not in ref.publisher


def test_pages_as_a_word_before_a_year_in_a_title_is_no_locator() -> None:
    ref = parse_reference("Orlov P. Heat transfer: forty pages 1990 onwards. Lyon, Heat Press, 1998.")
    assert ref.pages is None


_ISSUE_THEN_COLON = {
    "chicago-no": ("Orlov, P. 1998. “Heat Transfer.” Heat Review, no. 3: 15–26.", None, "3", "15–26"),
    "chicago-no-range": ("Orlov, P. 1998. “Heat Transfer.” Heat Review, no. 3–4: 15–26.", None, "3–4", "15–26"),
    "volume-issue-spaced": ("Orlov, P. 1998. “Heat Transfer.” Heat Review 12 (3): 15–26.", "12", "3", "15–26"),
    "slash-issue": ("Orlov, P. 1998. “Heat Transfer.” Heat Review 12 (3/4): 15–26.", "12", "3/4", "15–26"),
    "slash-issue-glued": ("Orlov, P. 1998. “Heat Transfer.” Heat Review 12(3/4):15–26.", "12", "3/4", "15–26"),
    "asa-issue-only": ("Orlov, P. 1998. “Heat Transfer.” Heat Review (3):15–26.", None, "3", "15–26"),
    "asa-issue-range": ("Orlov, P. 1998. “Heat Transfer.” Heat Review (3–4):15–26.", None, "3–4", "15–26"),
    "asa-issue-spaced": ("Orlov, P. 1998. “Heat Transfer.” Heat Review (3): 15–26.", None, "3", "15–26"),
    "one-page": ("Orlov, P. 1998. “Heat Transfer.” Heat Review, no. 3: 15.", None, "3", "15"),
    "doi-after": (
        "Orlov, P. 1998. “Heat Transfer.” Heat Review (3):15–26. https://doi.org/10.1000/hr.1998.3",
        None,
        "3",
        "15–26",
    ),
    "transliterated": ("Sokolov, A. 2010. “Raschet reaktora.” Atomnaya energiya, no. 4: 99–104.", None, "4", "99–104"),
}


@pytest.mark.parametrize(
    ("text", "volume", "issue", "pages"), list(_ISSUE_THEN_COLON.values()), ids=list(_ISSUE_THEN_COLON)
)
def test_an_issue_then_the_pages_after_a_colon(text: str, volume: str | None, issue: str, pages: str) -> None:
    ref = parse_reference(text)
    assert (ref.volume, ref.issue, ref.pages, ref.type) == (volume, issue, pages, ReferenceType.ARTICLE)
    assert ref.container_title is not None
    assert ref.container_title.rstrip(",") in ("Heat Review", "Atomnaya energiya")


def test_an_article_number_after_an_issues_colon_gives_way_to_the_pages() -> None:
    ref = parse_reference("Orlov P. Heat transfer. Heat Review. 2017, v. 9, no. 9:1623, pp. 1-31.")
    assert ref.pages == "1-31"


def test_a_year_in_parentheses_before_a_colon_is_no_issue() -> None:
    ref = parse_reference("Orlov P. Heat transfer. Heat Review (1998): 15–26.")
    assert ref.issue is None


_ISSUE_ALONE_BETWEEN_COMMAS = {
    "harvard": ("Orlov, P. (1998) “Heat transfer,” Heat Review, (3), pp. 15–26.", "3", "15–26"),
    "harvard-range": ("Orlov, P. (1998) “Heat transfer,” Heat Review, (3–4), pp. 15–26.", "3–4", "15–26"),
    "harvard-one-page": ("Orlov, P. (1998) “Heat transfer,” Heat Review, (3), p. 15.", "3", "15"),
    "harvard-doi": (
        "Orlov, P. (1998) “Heat transfer,” Heat Review, (3), pp. 15–26. Available at: https://doi.org/10.1000/hr.3.",
        "3",
        "15–26",
    ),
    "harvard-title-unquoted": ("Orlov, P. (1998) Heat transfer. Heat Review, (12), pp. 15–26.", "12", "15–26"),
    "apa-no-pp": ("Orlov, P. (1998). Heat transfer. Heat Review, (3), 15–26.", "3", "15–26"),
    "capital-pp": ("Orlov, P. (1998) Heat transfer. Heat Review, (3), PP. 15–26.", "3", "15–26"),
    "transliterated": ("Sokolov, A. (2010) “Raschet reaktora,” Atomnaya energiya, (4), pp. 99–104.", "4", "99–104"),
    "cyrillic-journal": ("Sokolov, A. (2010) “Raschet reaktora,” Атомная энергия, (4), pp. 99–104.", "4", "99–104"),
    "two-sentence-journal": (
        "Sokolov, A. (2010) “Raschet reaktora,” Izvestiya vuzov. Yadernaya energetika, (4), pp. 99–104.",
        "4",
        "99–104",
    ),
}


@pytest.mark.parametrize(
    ("text", "issue", "pages"), list(_ISSUE_ALONE_BETWEEN_COMMAS.values()), ids=list(_ISSUE_ALONE_BETWEEN_COMMAS)
)
def test_an_issue_alone_between_commas_before_the_pages(text: str, issue: str, pages: str) -> None:
    ref = parse_reference(text)
    assert (ref.volume, ref.issue, ref.pages, ref.type) == (None, issue, pages, ReferenceType.ARTICLE)
    assert ref.container_title is not None
    assert "(" not in ref.container_title


def test_a_parenthesised_number_before_a_non_page_stays() -> None:
    ref = parse_reference("Orlov, P. (1998) Heat transfer. Heat Review, (draft), pp. 15–26.")
    assert ref.issue is None


_CHICAGO_ISSUE_YEAR = {
    "issue-year-pages": ("Orlov, P. “Heat Transfer.” Heat Review, no. 3 (1998): 15–26.", None, "3", "15–26", 1998),
    "issue-range": ("Orlov, P. “Heat Transfer.” Heat Review, no. 3–4 (1998): 15–26.", None, "3–4", "15–26", 1998),
    "issue-one-page": ("Orlov, P. “Heat Transfer.” Heat Review, no. 3 (1998): 15.", None, "3", "15", 1998),
    "issue-season": ("Orlov, P. “Heat Transfer.” Heat Review, no. 3 (Spring 1998): 15–26.", None, "3", "15–26", 1998),
    "issue-no-pages": ("Orlov, P. “Heat Transfer.” Heat Review, no. 3 (1998).", None, "3", None, 1998),
    "volume-issue-no-pages": ("Orlov, P. “Heat Transfer.” Heat Review 12, no. 3 (1998).", "12", "3", None, 1998),
    "volume-no-pages": ("Orlov, P. “Heat Transfer.” Heat Review 12 (1998).", "12", None, None, 1998),
    "slashed-issue": ("Orlov, P. “Heat Transfer.” Heat Review, no. 3/4 (1998): 15–26.", None, "3/4", "15–26", 1998),
    "transliterated": (
        "Sokolov, A. “Raschet reaktora.” Atomnaya energiya, no. 4 (2010): 99–104.",
        None,
        "4",
        "99–104",
        2010,
    ),
    "doi-after": (
        "Orlov, P. “Heat Transfer.” Heat Review, no. 3 (1998): 15–26. https://doi.org/10.1000/hr.3.",
        None,
        "3",
        "15–26",
        1998,
    ),
}


@pytest.mark.parametrize(
    ("text", "volume", "issue", "pages", "year"), list(_CHICAGO_ISSUE_YEAR.values()), ids=list(_CHICAGO_ISSUE_YEAR)
)
def test_chicago_issue_and_year_in_parentheses(
    text: str, volume: str | None, issue: str | None, pages: str | None, year: int
) -> None:
    ref = parse_reference(text)
    assert (ref.volume, ref.issue, ref.pages) == (volume, issue, pages)
    assert ref.issued is not None
    assert ref.issued.year == year
    assert ref.container_title in ("Heat Review", "Atomnaya energiya")


def test_a_whole_number_after_an_issue_is_no_year() -> None:
    ref = parse_reference("Orlov P.P. Teploobmen // Teploenergetika. 2010. No. 4 (61). P. 15-26.")
    assert ref.issue == "4 (61)"
