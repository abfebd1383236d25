"""The whole pipeline, fuzzed: every public step takes any text without an exception.

Inputs are arbitrary Unicode text (surrogates, control characters, line separators included), and
near misses built from the grammar's own pieces, the new families' among them. The ``ci`` profile
runs 2,000 examples of each property; ``HYPOTHESIS_PROFILE=deep`` runs 100,000 (the closing notes
give those counts):

    HYPOTHESIS_PROFILE=deep python -m pytest tests/test_fuzz_pipeline.py --hypothesis-show-statistics
"""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st
from test_robustness_properties import TOKENS, assert_well_formed_diagnostics

from translit_refs import (
    find_reference_sections,
    format_reference,
    parse_reference,
    split_references,
    to_bibtex,
    to_csl_json,
    to_ris,
)
from translit_refs.export.schema import csl_errors
from translit_refs.models import Reference
from translit_refs.transliteration.cyrillic import transliterate_references

#: Pieces of the constructs the style families added, for near misses.
FAMILY_TOKENS = [
    "Apresjan 1995 — ", "In: Polyakov Yu.A. (ed.) ", "(Eds A.D. Saunders)", "(2019, March 14)", "(n.d.)",
    "Retrieved March 5, 2021, from ", "Accessed May 12, 2022", "[cited 2022 May 12]", "(pp. 134–149)",
    "(9th ed.)", "(Working Paper No. WP1/2012/03)", "(Candidate’s thesis)", "[in Ukrainian]", "Martynov MYu, ",
    ", eds. ", "; 2009:22-63", "2020;(2):3-15", "2018 Jun 14", "Пат. 2452845 Российская Федерация, МПК E21B 43/20",
    "ГАРФ. Ф. Р-5446. Оп. 1. Д. 45. Л. 12–15.", " ; отв. ред. ", "дис. ... д-ра ист. наук", "14 апр.", "Vol. II",
    "(PNAE G-7-002-86)", "Transl. by ", "Bank of Russia. ", "World Health Organization. ", "Nara, Japan",
    "Федеральный закон от 29.12.2012 № 273-ФЗ", "\u2028", "\x85", "\ufeff", "\ud800",
]  # fmt: skip

any_text = st.text(max_size=300)
near_miss = st.lists(st.sampled_from(TOKENS + FAMILY_TOKENS), max_size=25).map("".join)
texts = st.one_of(any_text, near_miss)
documents = st.lists(st.one_of(near_miss, any_text, st.sampled_from(["References", "Литература", "1.", "\n"])),
                     max_size=12).map("\n".join)  # fmt: skip


def _parsed(text: str) -> Reference:
    reference = parse_reference(text)
    assert reference.raw == text
    return reference


@given(texts)
def test_parse_reference_takes_any_text(text: str) -> None:
    assert_well_formed_diagnostics(_parsed(text))


@given(documents)
def test_split_references_takes_any_text(text: str) -> None:
    for entry in split_references(text):
        assert entry.text.strip()


@given(documents)
def test_find_reference_sections_takes_any_text(text: str) -> None:
    for section in find_reference_sections(text):
        assert section is not None


@given(texts, st.sampled_from(["quaestio-rossica", "apa", "references", "gost", "vancouver"]))
def test_formatting_a_parse_takes_any_text(text: str, style: str) -> None:
    assert isinstance(format_reference(_parsed(text), style), str)


@given(texts)
def test_csl_json_of_any_text_is_valid_and_encodes(text: str) -> None:
    item = to_csl_json(_parsed(text))
    assert csl_errors([item]) == []
    json.dumps(item, ensure_ascii=False).encode("utf-8")


@given(texts)
def test_bibtex_and_ris_of_any_text_encode(text: str) -> None:
    reference = _parsed(text)
    to_bibtex([reference]).encode("utf-8")
    to_ris([reference]).encode("utf-8")


@given(texts)
def test_the_model_of_any_text_serialises(text: str) -> None:
    dumped = _parsed(text).model_dump_json()
    dumped.encode("utf-8")
    assert json.loads(dumped)["raw"] is not None


@given(st.lists(texts, max_size=4))
def test_cyrillic_recovery_takes_any_text(items: list[str]) -> None:
    references = [_parsed(text) for text in items]
    assert len(transliterate_references(references)) == len(references)
