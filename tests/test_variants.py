"""Unseen references of each construct the seed list has: the grammar, not the strings."""

from __future__ import annotations

from typing import Any

import pytest

from translit_refs import ReferenceType, Role, format_reference, parse_reference, to_csl_json

from gold import wrong_fields

CASES: list[tuple[str, str, dict[str, Any]]] = [
    (
        "multi-volume book with volume title",
        "Smirnov, A. B. (2004). Istoriya Sibiri: in 3 Vols. Moscow, Nauka. Vol. 3. Sovetskii period. 612 p.",
        {"type": "book", "title": "Istoriya Sibiri", "number-of-volumes": "3", "volume": "3",
         "volume-title": "Sovetskii period", "publisher-place": "Moscow", "publisher": "Nauka",
         "number-of-pages": "612"},
    ),
    (
        "volume after imprint",
        "Gaddis, J. L. (2010). The Cambridge History of the Cold War. Cambridge, Cambridge Univ. Press. "
        "Vol. 1. Origins. 643 p.",
        {"type": "book", "volume": "1", "volume-title": "Origins", "publisher-place": "Cambridge",
         "publisher": "Cambridge Univ. Press", "number-of-pages": "643"},
    ),
    (
        "imprint with state",
        "Ulam, A. B. (1974). Expansion and Coexistence. Cambridge, MA, Harvard Univ. Press. 775 p.",
        {"type": "book", "publisher-place": "Cambridge, MA", "publisher": "Harvard Univ. Press",
         "title": "Expansion and Coexistence", "issued": {"date-parts": [[1974]]}},
    ),
    (
        "unknown place",
        "Leffler, M. P. (1992). A Preponderance of Power. Stanford, Stanford University Press. 689 p.",
        {"publisher-place": "Stanford", "publisher": "Stanford University Press", "number-of-pages": "689"},
    ),
    (
        "place not in any lexicon",
        "Brown, T. (1990). River Towns. Walla Walla, Whitman College Press. 120 p.",
        {"publisher-place": "Walla Walla", "publisher": "Whitman College Press", "title": "River Towns"},
    ),
    (
        "web source with a real URL",
        "Kennan, G. (1946). The Long Telegram. In Wilson Center Digital Archive [website]. "
        "URL: https://digitalarchive.wilsoncenter.org/document/116178 (mode of access: 03.02.2020).",
        {"type": "webpage", "container-title": "Wilson Center Digital Archive", "medium": "website",
         "URL": "https://digitalarchive.wilsoncenter.org/document/116178",
         "accessed": {"date-parts": [[2020, 2, 3]]}},
    ),
    (
        "web source with a torn URL",
        "Memorandum on Korea. In CIA Reading Room [official website]. URL:–00915r000300090001–4 "
        "(mode of access: 01.09. 2019).",
        {"type": "webpage", "medium": "official website", "accessed": {"date-parts": [[2019, 9, 1]]},
         "custom": {"url-fragment": "–00915r000300090001–4"}},
    ),
    (
        "edited volume with two editors",
        "Leffler, M. P., Westad, O. A. (Eds.) (2010). Containment. In The Cambridge History of the Cold War. "
        "Cambridge, Cambridge Univ. Press, pp. 67–89.",
        {"type": "chapter", "editor": [{"family": "Leffler", "given": "M. P."}, {"family": "Westad", "given": "O. A."}],
         "container-title": "The Cambridge History of the Cold War", "page": "67–89",
         "publisher": "Cambridge Univ. Press"},
    ),
    (
        "journal article with volume, number and pages",
        "Zubok, V. (1995). Soviet Intelligence and the Cold War. In Diplomatic History. Vol. 12. No. 2, pp. 5–17.",
        {"type": "article-journal", "container-title": "Diplomatic History", "volume": "12", "issue": "2",
         "page": "5–17"},
    ),
    (
        "journal article with issue and whole number",
        "Ivanov, I. I. (2017). Vneshnyaya politika SSSR [Soviet Foreign Policy]. In Voprosy istorii. "
        "No. 7 (112), pp. 14–29. DOI 10.31166/VoprosyIstorii201707Statyi01.",
        {"type": "article-journal", "language": "ru", "issue": "7 (112)", "page": "14–29",
         "DOI": "10.31166/VoprosyIstorii201707Statyi01", "custom": {"translated-title": "Soviet Foreign Policy"}},
    ),
    (
        "thesis",
        "Smith, J. R. (2001). Soviet Policy in Asia. Ph D. Diss. Chicago, Univ. of Chicago. 412 p.",
        {"type": "thesis", "genre": "Ph D. Diss.", "publisher-place": "Chicago", "publisher": "Univ. of Chicago"},
    ),
    (
        "working paper",
        "Mastny, V. (2002). NATO in the Beholder’s Eye. Working Paper No. 35. Washington, D. C. March, 2002. "
        "In Cold War International History Project [official website]. URL: (mode of access: 10.10.2019).",
        {"type": "report", "genre": "Working Paper", "number": "35", "issued": {"date-parts": [[2002, 3]]},
         "publisher-place": "Washington, D. C."},
    ),
    (
        "newspaper issue",
        "Izvestiya [Izvestiya]. (1953). March 6.",
        {"type": "periodical", "title": "Izvestiya", "issued": {"date-parts": [[1953, 3, 6]]}, "language": "ru"},
    ),
    (
        "title-first web entry with a bare year",
        "NSC Minutes. 1951. In Truman Library [website]. URL: (mode of access: 02.02.2020).",
        {"type": "webpage", "title": "NSC Minutes", "issued": {"date-parts": [[1951]]}},
    ),
    (
        "title-first book with later year",
        "FRUS. 1961–1963. Vol. 5. (1998). Washington, GPO. 1130 p.",
        {"type": "book", "title": "FRUS. 1961–1963", "volume": "5", "issued": {"date-parts": [[1998]]}},
    ),
    (
        "APA journal line",
        "Petrov, A., & Orlov, B. (2020). Archives and Memory. Quaestio Rossica, 8(2), 455–470.",
        {"type": "article-journal", "container-title": "Quaestio Rossica", "volume": "8", "issue": "2",
         "page": "455–470", "author": [{"family": "Petrov", "given": "A."}, {"family": "Orlov", "given": "B."}]},
    ),
    (
        "transliterated book in books",
        "Khrushchev, N. S. (1999). Vremya. Lyudi. Vlast’ v 4 kn. [Time. People. Power. 4 Books]. Moscow, "
        "Moskovskie novosti. Book 2. 848 p.",
        {"title": "Vremya. Lyudi. Vlast’", "number-of-volumes": "4", "volume": "2", "publisher": "Moskovskie novosti"},
    ),
    (
        "contributors after a slash",
        "Kissinger, H. (1994). Diplomacy. A History / with J. Doe & R. Roe. NY, Simon & Schuster. 912 p.",
        {"contributor": [{"family": "Doe", "given": "J."}, {"family": "Roe", "given": "R."}],
         "title": "Diplomacy. A History", "publisher": "Simon & Schuster"},
    ),
    (
        "journal with a season",
        "Leffler, M. (1984). The American Conception of National Security. In The American Historical Review. "
        "Vol. 89. Spring. No. 2, pp. 346–381.",
        {"issued": {"date-parts": [[1984]], "season": "Spring"}, "volume": "89", "issue": "2"},
    ),
    (
        "no date",
        "Petrova, E. V. (N. d.). Arkhivy [Archives]. In Istoricheskii portal [website]. "
        "URL: (mode of access: 01.01.2020).",
        {"type": "webpage", "title": "Arkhivy", "language": "ru"},
    ),
    (
        "archival signature after the archive",
        "GARF (State Archive of the Russian Federation). F. 5446. Op. 1. D. 20. L. 5–7.",
        {"type": "manuscript", "archive": "GARF (State Archive of the Russian Federation)",
         "archive_location": "F. 5446. Op. 1. D. 20. L. 5–7"},
    ),
    (
        "archival signature with verso",
        "RGASPI. F. 17. Op. 3. D. 1075. L. 12–15 ob.",
        {"type": "manuscript", "archive": "RGASPI", "archive_location": "F. 17. Op. 3. D. 1075. L. 12–15 ob"},
    ),
    (
        "archival document with a title and a year",
        "Zapiska Molotova Stalinu. 1950. AVP RF. F. 06. Op. 12. D. 3. L. 1.",
        {"type": "manuscript", "title": "Zapiska Molotova Stalinu", "archive": "AVP RF",
         "issued": {"date-parts": [[1950]]}, "archive_location": "F. 06. Op. 12. D. 3. L. 1"},
    ),
    (
        "Vancouver-style journal line",
        "Ivanov I.I., Petrov P.P. Teplovoi rezhim reaktora [Thermal mode of the reactor]. Atomnaya energiya. "
        "2015, vol. 118, no. 3, pp. 140-146 (in Russian).",
        {"type": "article-journal", "container-title": "Atomnaya energiya", "volume": "118", "issue": "3",
         "page": "140-146", "issued": {"date-parts": [[2015]]}, "language": "ru",
         "author": [{"family": "Ivanov", "given": "I.I."}, {"family": "Petrov", "given": "P.P."}]},
    ),
    (
        "journal family in another transliteration, GOST area separators",
        "Sidorov S.S. Model of a steam turbine. Izv. vysshih uchebnyh zavedenij. Yadernaya energetika. – 2011. "
        "– No. 2. – P. 50-58 (in Russian).",
        {"type": "article-journal", "title": "Model of a steam turbine",
         "container-title": "Izv. vysshih uchebnyh zavedenij. Yadernaya energetika", "issue": "2",
         "issued": {"date-parts": [[2011]]}},
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), [(t, e) for _, t, e in CASES], ids=[name for name, _, _ in CASES])
def test_unseen_variant(text: str, expected: dict[str, Any]) -> None:
    item = to_csl_json(parse_reference(text))
    assert wrong_fields(expected, item) == {}


def test_editor_head_gives_editors_not_authors() -> None:
    reference = parse_reference("Roberts, P. M. (Ed.) (2019). Title. In Book. Santa Barbara, ABC–Clio, pp. 1–2.")
    assert [p.role for p in reference.persons] == [Role.EDITOR]
    assert reference.type is ReferenceType.CHAPTER


def test_et_al_is_kept() -> None:
    reference = parse_reference("Adamov E.O., Lopatkin A.V. e.a. Title. Atomnaya energiya. 2012, vol. 1, pp. 3-4.")
    assert reference.et_al
    assert [p.family for p in reference.persons] == ["Adamov", "Lopatkin"]


def test_conflicting_years_keep_the_head_year_and_warn() -> None:
    reference = parse_reference("Mastny, V. (1998). NATO. Working Paper No. 35. Washington, D. C. March, 2002.")
    assert reference.issued is not None
    assert reference.issued.year == 1998
    assert "conflicting-dates" in [d.code for d in reference.diagnostics]


@pytest.mark.parametrize(
    "text",
    [
        "GARF (State Archive of the Russian Federation). F. 5446. Op. 1. D. 20. L. 5–7.",
        "Zapiska Molotova Stalinu. 1950. AVP RF. F. 06. Op. 12. D. 3. L. 1.",
    ],
)
def test_archival_references_format_back(text: str) -> None:
    assert format_reference(parse_reference(text)) == text
