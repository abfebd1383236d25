"""Transliteration: the seed's known originals, scheme detection, English titles left alone."""

from __future__ import annotations

import pytest

from translit_refs import parse_reference, parse_references, to_csl_json

from conftest import FIXTURES

cyrillic = pytest.importorskip("translit_refs.cyrillic", reason="the [translit] extra (iuliia) is not installed")
pytest.importorskip("wordfreq", reason="the [translit] extra (wordfreq) is not installed")

SEED = [line for line in (FIXTURES / "seed_references.txt").read_text("utf-8").splitlines() if line.strip()]
ORIGINALS = {
    8: "Разведка в государственном механизме США",
    30: "Советский Союз: история власти. 1945–1991",
    38: "Семь вождей. Галерея лидеров СССР в 2 кн.",
    36: "Загадочная война: корейский конфликт 1950–1953 годов",
    34: "Корейская война",
    23: "К завершению Корейской войны (1950–1953 годов)",
    39: "Переговоры о перемирии в Корее (1951–1953 гг.) (по материалам Архива внешней политики России)",
    43: "Дипломатическое обеспечение вмешательства США в Корейскую войну. Опыт кризисного реагирования",
    31: "Правда",
}
RECOVERED = cyrillic.transliterate_references(parse_references(SEED))


@pytest.mark.parametrize(("number", "original"), ORIGINALS.items(), ids=[f"seed-{n}" for n in ORIGINALS])
def test_seed_originals_come_back_exactly(number: int, original: str) -> None:
    reference = RECOVERED[number - 1]
    assert reference.title_cyrillic is not None
    assert reference.title_cyrillic.text == original
    assert to_csl_json(reference)["custom"]["title-cyrillic"] == original


def test_english_seed_titles_get_no_cyrillic() -> None:
    english = [r for n, r in enumerate(RECOVERED, start=1) if n not in ORIGINALS]
    assert all(r.title_cyrillic is None and r.language != "ru" for r in english)


def test_the_seed_list_is_simplified_bsi() -> None:
    assert {r.transliteration_scheme for r in RECOVERED if r.title_cyrillic} == {"bsi-simplified"}


def test_translit_ru_style_is_detected() -> None:
    words = (
        "Bystryj reaktor estestvennoj bezopasnosti so svincovym teplonositelem dlja krupnomasshtabnoj "
        "jadernoj jenergetiki"
    ).split()
    assert cyrillic.detect_schemes(words)[0][0] == "elibrary"


def test_confidence_and_alternatives() -> None:
    title = cyrillic.to_cyrillic("Koreiskaya voyna", "bsi-simplified")
    assert title.text == "Корейская война"
    assert 0.0 < title.confidence <= 1.0
    assert all(alternative != title.text for alternative in title.alternatives)


def test_roman_numerals_and_english_words_stay_latin() -> None:
    assert cyrillic.to_cyrillic("Strategiya razvitiya v XXI veke").text == "Стратегия развития в XXI веке"


def test_english_title_with_russian_note_keeps_original_language_only() -> None:
    reference = parse_reference(
        "Kolesov V.F. The Origins of Inaccuracies in Reactivity. VANT. 2013, iss. 3, pp. 30-45 (in Russian)."
    )
    assert reference.language is None
    assert reference.original_language == "ru"
    assert cyrillic.transliterate_reference(reference).title_cyrillic is None
