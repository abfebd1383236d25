"""Normalisation: look-alike letters, the dash family, odd spaces; the raw text is kept."""

from __future__ import annotations

from translit_refs import parse_reference
from translit_refs.lexicon.words import PLACES, REGIONS
from translit_refs.parsing.normalize import _REPORTED, _TRANSLATION, normalize


def test_cyrillic_letter_inside_latin_word_is_repaired() -> None:
    text, _, diagnostics = normalize("Should Wе Fear This?")
    assert text == "Should We Fear This?"
    assert [(d.code, d.start) for d in diagnostics] == [("homoglyph", 8)]


def test_cyrillic_initial_in_latin_reference_is_repaired() -> None:
    reference = parse_reference("Weathersby, К. (1995). Korea. In Bull. Iss. 5, pp. 1–9.")
    assert reference.persons[0].given == "K."
    assert "homoglyph" in [d.code for d in reference.diagnostics]
    assert "К" in reference.raw


def test_cyrillic_words_are_left_alone() -> None:
    text, _, diagnostics = normalize("Лабоцкий В.В. Управление знаниями. Мн.: Современная школа, 2006.")
    assert text == "Лабоцкий В.В. Управление знаниями. Мн.: Современная школа, 2006."
    assert not [d for d in diagnostics if d.code == "homoglyph"]


def test_normalisation_keeps_length() -> None:
    raw = "NSC\u201168:\u00a0Title К. Wе\u00ad"
    text = normalize(raw).text
    assert len(text) == len(raw)
    assert text == "NSC-68: Title K. We "


def test_non_breaking_hyphen_is_reported() -> None:
    diagnostics = normalize("NSC\u201168").diagnostics
    assert [d.code for d in diagnostics] == ["non-breaking-hyphen"]


def test_doi_dashes_become_hyphen_minus() -> None:
    reference = parse_reference(
        "Yungblud, V. (2018). Title. In Vestnik. No. 4 (61), pp. 241–261. DOI 10.24833/2071–8160–2018–4–61–241–261."
    )
    assert reference.doi == "10.24833/2071-8160-2018-4-61-241-261"
    assert "doi-dashes" in [d.code for d in reference.diagnostics]


def test_stray_space_in_access_date() -> None:
    reference = parse_reference("FBIS. 1953. In Archive [website]. URL: (mode of access: 17.08. 2019).")
    assert reference.accessed is not None
    assert (reference.accessed.year, reference.accessed.month, reference.accessed.day) == (2019, 8, 17)
    assert "date-space" in [d.code for d in reference.diagnostics]


def test_every_abbreviated_place_keeps_its_period_inside_a_sentence() -> None:
    for place in sorted(p for p in PLACES if p.endswith(".") and p.isascii()):
        reference = parse_reference(f"Smith, J. (2000). Title. {place}, Nauka Press. 100 p.")
        assert reference.places == (place,), place
        assert reference.publisher == "Nauka Press", place
    for region in sorted(r for r in REGIONS if r.endswith(".")):
        reference = parse_reference(f"Smith, J. (2000). Title. Cambridge, {region}, Nauka Press. 100 p.")
        assert reference.places == ("Cambridge", region), region
        assert reference.publisher == "Nauka Press", region


def test_gost_area_separator_is_a_sentence_end() -> None:
    text = "Kazantsev A.A. Turbine Stage Model. Izvestia Vuzov. Yadernaya Energetika. – 2009, no. 3"
    normalised, _, diagnostics = normalize(text)
    assert len(normalised) == len(text)
    assert "Energetika. . 2009" in normalised
    assert [d.code for d in diagnostics] == ["area-separator"]
    assert normalize("Title – a subtitle, pp. 9–18")[0] == "Title – a subtitle, pp. 9–18"


def test_every_reported_character_is_a_translated_one() -> None:
    """normalize() looks for reported characters only when the translation pre-check found one."""
    reported = [chr(code) for code in range(0x110000) if _REPORTED.match(chr(code))]
    assert reported
    assert all(ord(character) in _TRANSLATION for character in reported)
