"""Ukrainian and Belarusian lists (DSTU 8302:2015 and GOST): their letters, places, words and laws."""

from __future__ import annotations

import pytest

from translit_refs import IssueKind, ReferenceType, Role, parse_reference

_BOOK = "Іванов І.І. Правова система України : моногр. / за ред. П.П. Петренка. – К. : Наука, 2015. – 300 с."
_ARTICLE = "Шевченко О.О. Право власності // Вісник Харківського університету. – 2010. – Вип. 5. – С. 10–15."


def test_a_ukrainian_monograph() -> None:
    ref = parse_reference(_BOOK)
    assert [(p.family, p.given, p.role) for p in ref.persons] == [
        ("Іванов", "І.І.", Role.AUTHOR),
        ("Петренка", "П.П.", Role.EDITOR),
    ]
    assert (ref.places, ref.publisher, ref.language) == (("К.",), "Наука", "uk")


def test_a_ukrainian_article_with_its_fascicle() -> None:
    ref = parse_reference(_ARTICLE)
    assert (ref.container_title, ref.issue, ref.issue_kind, ref.pages) == (
        "Вісник Харківського університету",
        "5",
        IssueKind.ISSUE,
        "10–15",
    )
    assert ref.language == "uk"


def test_a_ukrainian_web_page() -> None:
    ref = parse_reference(
        "Сайт університету [Електронний ресурс]. – Режим доступу: http://example.ua (дата звернення: 12.05.2019)."
    )
    assert (ref.type, ref.url, ref.medium) == (ReferenceType.WEBPAGE, "http://example.ua", "Електронний ресурс")
    assert ref.accessed is not None
    assert (ref.accessed.year, ref.accessed.month, ref.accessed.day) == (2019, 5, 12)


@pytest.mark.parametrize(
    "text",
    [
        "Закон України від 9 лютого 1995 р. № 45/95-ВР // Відомості Верховної Ради. – 1995. – № 8. – Ст. 54.",
        "Law of Ukraine of 9 February 1995 No. 45/95-VR // Vidomosti Verkhovnoi Rady. – 1995. – No. 8. – Art. 54.",
    ],
    ids=["cyrillic", "english"],
)
def test_a_law_and_its_gazette(text: str) -> None:
    ref = parse_reference(text)
    assert ref.type is ReferenceType.LEGISLATION
    assert ref.container_title is not None
    assert ref.container_title.startswith(("Відомості", "Vidomosti"))
    assert ref.number in ("45/95-ВР", "45/95-VR")
    assert ref.section == "54"  # the gazette's article, no page
    assert ref.pages is None
    assert ref.issued is not None
    assert (ref.issued.year, ref.issued.month, ref.issued.day) == (1995, 2, 9)


@pytest.mark.parametrize(
    ("title", "language"),
    [("Правова система", "ru"), ("Правова система України", "uk"), ("Беларуская мова ў школе", "be")],
)
def test_the_language_of_a_cyrillic_title(title: str, language: str) -> None:
    assert parse_reference(f"{title}. Мінск : Навука, 2001. 100 с.").title_language == language


def test_a_letter_of_another_alphabet_among_latin_ones_is_no_sign() -> None:
    ref = parse_reference("Adamov E.O. Konceptualўnye polozheniya strategii [Conceptual provisions]. Moscow, 2020.")
    assert ref.title_language != "be"
