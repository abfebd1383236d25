"""Transliteration: the seed's known originals, scheme detection, English titles left alone."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from translit_refs import parse_reference, parse_references, to_csl_json

from conftest import FIXTURES

cyrillic = pytest.importorskip(
    "translit_refs.transliteration.cyrillic", reason="the [translit] extra (iuliia) is not installed"
)
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


def test_english_title_of_a_russian_work_gets_no_cyrillic_title() -> None:
    reference = parse_reference(
        "Kolesov V.F. The Origins of Inaccuracies in Reactivity. VANT. 2013, iss. 3, pp. 30-45 (in Russian)."
    )
    assert reference.language == "ru"  # the work's language
    assert reference.title_language == "en"  # the printed title's
    assert cyrillic.transliterate_reference(reference).title_cyrillic is None


@pytest.mark.parametrize(
    ("latin", "scheme", "expected"),
    [
        ("rasplavlennogo top-liva", "bgn_pcgn", "расплавленного топлива"),  # a word the source broke
        ("nauchno-tekhnicheskoi konferentsii", "bsi-simplified", "научно-технической конференции"),  # a compound
        ("ob ispytanii smyvnogo ustrojstva", "elibrary", "об испытании смывного устройства"),  # the scheme's ии
        ("razrabotka tehnologiy", None, "разработка технологий"),  # y is й, never и, in a standard scheme
        ("so svinecsoderzhashchim teplonositelem", "elibrary", "со свинецсодержащим теплоносителем"),
        ("Shchepetina T.D.", "elibrary", "Щепетина Т.Д."),  # an unknown word spelled as Russian spells
        ("srok e’kspluatacii", "gost_779_alt", "срок эксплуатации"),  # GOST 7.79 B writes э as e`
    ],
)
def test_readings(latin: str, scheme: str | None, expected: str) -> None:
    assert cyrillic.to_cyrillic(latin, scheme).text == expected


def test_markup_chemical_symbols_and_english_passages_stay_latin() -> None:
    to_cyrillic = cyrillic.to_cyrillic
    assert to_cyrillic("jadrami <sup>232</sup>Th i <sup>238</sup>U", "elibrary").text == (
        "ядрами <sup>232</sup>Th и <sup>238</sup>U"
    )
    assert to_cyrillic("teplonositelya 44,5%Pb-55,5%Bi", "elibrary").text == "теплоносителя 44,5%Pb-55,5%Bi"
    assert to_cyrillic("ustanovki KLT-40S", "elibrary").text == "установки КЛТ-40С"  # S is no sulfur here
    assert to_cyrillic("Fuel of the future: MOX and REMIX fuel. Trudy konferentsii", "bgn_pcgn").text == (
        "Fuel of the future: MOX and REMIX fuel. Труды конференции"
    )


COMMON_WORDS = (
    "ядерной энергетики реактора теплоносителя исследование расчета характеристик системы безопасности "
    "моделирование топлива быстрых нейтронов установки энергии процессов методы развития атомной станции"
).split()


@given(st.lists(st.sampled_from(COMMON_WORDS), min_size=1, max_size=6), st.sampled_from(["elibrary", "bgn_pcgn"]))
def test_common_words_come_back_from_their_transliteration(words: list[str], scheme: str) -> None:
    original = " ".join(words)
    assert cyrillic.to_cyrillic(cyrillic.forward(original, scheme), scheme).text == original


@given(st.text(max_size=200))
def test_any_text_gets_a_reading(text: str) -> None:
    reading = cyrillic.to_cyrillic(text)
    assert 0.0 <= reading.confidence <= 1.0
    assert isinstance(reading.text, str)
