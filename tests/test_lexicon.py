"""The one lexicon: every word of a marker piece is read as its marker, by the grammar and by the
rules alike, and every token kind the rules test for is one the grammar makes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from translit_refs import IssueKind, VolumeKind, parse_reference
from translit_refs.lexicon import (
    compiled,
    is_word,
    kinds,
    language_code,
    month_numbers,
    names,
    pattern,
    starts_with,
    words_of,
)
from translit_refs.parsing.grammar import Element, lark_parser, reference_parser
from translit_refs.parsing.normalize import normalize
from translit_refs.quality import features

FIXTURES = Path(__file__).parent / "fixtures"


# ---- the kinds the rules test for --------------------------------------------------------------


def test_every_named_kind_is_a_terminal_of_the_grammar_or_a_derived_kind() -> None:
    terminals = {terminal.name for terminal in lark_parser("python").terminals}
    assert kinds.DERIVED.isdisjoint(terminals)
    assert terminals >= kinds.ALL - kinds.DERIVED
    assert {"VOLUME", "ISSUE", "PAGES", "URL", "JOURNAL_VOLUME"} <= kinds.ALL


def _fixture_lines() -> list[str]:
    return [line for line in (FIXTURES / "seed_references.txt").read_text("utf-8").splitlines() if line.strip()]


def test_every_kind_the_grammar_gives_the_fixtures_is_named() -> None:
    seen: set[str] = set()
    parser = reference_parser("lean")
    for line in _fixture_lines():
        skeleton = parser.parse(normalize(line).text)
        seen.update(element.kind for element in skeleton.elements)
        seen.update(token.type for token in skeleton.head.names)
    assert seen
    assert seen <= kinds.ALL, seen - kinds.ALL


def test_the_features_name_only_kinds_the_skeleton_has() -> None:
    """A feature set that names a terminal no element carries (the URL element's kind is "URL", its
    mark's terminal "URL_MARK") would never fire."""
    element_kinds = kinds.ALL - {kinds.URL_MARK, kinds.URL_VALUE, kinds.SEG, kinds.YEAR_SEG, kinds.NAME_SEP}
    for named in (features._FIXING, features._LOCATORS):
        assert named <= element_kinds
    skeleton = reference_parser("lean").parse("Title. URL: http://example.org/a (accessed 01.02.2020).")
    element: Element = skeleton.elements[0]
    assert element.kind == kinds.URL


# ---- every word of a marker piece is read as its marker ------------------------------------------

#: Each word-list piece, and a marker terminal that must read every word of it in context.
_IN_CONTEXT = {
    "VOLUME_ABBREVIATION": ("VOLUME", "{}. 5"),
    "NUMBER_ABBREVIATION": ("ISSUE", "{}. 3"),
    "FASCICLE_WORD": ("ISSUE", "{} 3"),
    "VOLUME_UNIT": ("N_VOLS", "in 2 {}."),
    "BOOK_UNIT": ("N_VOLS", "in 2 {}."),
    "PART_UNIT": ("N_VOLS", "in 2 {}."),
}


def _word_cases() -> list[tuple[str, str]]:
    return [(piece, word) for piece in _IN_CONTEXT for word in words_of(piece)]


@pytest.mark.parametrize(("piece", "word"), _word_cases(), ids=str)
def test_each_word_of_a_piece_lexes_as_its_marker(piece: str, word: str) -> None:
    terminal, template = _IN_CONTEXT[piece]
    assert compiled(terminal).fullmatch(template.format(word)), (terminal, word)
    assert is_word(piece, word)


@pytest.mark.parametrize("word", [*words_of("VOLUME_ABBREVIATION"), *words_of("NUMBER_ABBREVIATION")])
def test_an_abbreviated_marker_word_does_not_end_a_sentence(word: str) -> None:
    """ "Werke Bd. 5" is one sentence: the period of a marker's abbreviation is not a full stop."""
    sentence = compiled("SEG").match(f"Werke {word}. x")
    assert sentence is not None
    assert sentence.group() == f"Werke {word}. x"


def test_the_word_lists_are_the_lexicon_pieces() -> None:
    assert {"Bd", "Vol", "Vols", "vol", "Tom", "Том"} <= set(words_of("VOLUME_ABBREVIATION"))
    assert {"No", "Nos", "no", "Nr"} <= set(words_of("NUMBER_ABBREVIATION"))
    assert {"Iss", "Issue", "Vyp", "Вып"} <= set(words_of("FASCICLE_WORD"))
    assert {"VOLUME_WORD", "ISSUE_WORD", "PAGES_WORD", "MONTH", "ABBREVIATION"} <= names()


def _language_words() -> list[tuple[str, str]]:
    pieces = sorted(name for name in names() if name.startswith("LANGUAGE_NAME_"))
    return [(piece.removeprefix("LANGUAGE_NAME_").lower(), word) for piece in pieces for word in words_of(piece)]


@pytest.mark.parametrize(("code", "word"), _language_words(), ids=str)
def test_each_language_word_gives_its_code_in_a_note(code: str, word: str) -> None:
    assert language_code(word) == code
    ref = parse_reference(f"Ivanov I.I. Stat’ya. Zhurnal, 2001, no. 3, pp. 5-7 (in {word}).")
    assert ref.language == code


def test_a_language_the_lexicon_does_not_name_has_no_code() -> None:
    assert language_code("Klingon") is None
    assert {"ru", "en", "uk", "be"} <= {code for code, _ in _language_words()}


# ---- the markers the lexicon added, read end to end -----------------------------------------------


def test_german_volume_and_number_words() -> None:
    """ "Bd. 5, Nr. 3, S. 10–20": the journal keeps its name (it was once "3")."""
    ref = parse_reference("Müller, K. Über Wellen. Zeitschrift für Physik, 2001, Bd. 5, Nr. 3, S. 10–20.")
    assert (ref.container_title, ref.volume, ref.issue, ref.pages) == ("Zeitschrift für Physik", "5", "3", "10–20")
    assert ref.issue_kind is IssueKind.NUMBER


@pytest.mark.parametrize("word", ["Vyp.", "vyp.", "Iss.", "Issue", "Вып."])
def test_a_fascicle_word_makes_the_issue_a_fascicle(word: str) -> None:
    ref = parse_reference(f"Sidorov S.S. Stat’ya. Voprosy istorii, 2001, {word} 3, pp. 5-7.")
    assert (ref.issue, ref.issue_kind) == ("3", IssueKind.ISSUE)
    assert starts_with("FASCICLE_WORD", word)


@pytest.mark.parametrize(("unit", "field", "kind"), [
    ("vols.", "number_of_volumes", VolumeKind.VOLUME),
    ("t.", "number_of_volumes", VolumeKind.VOLUME),
    ("kn.", "number_of_volumes", VolumeKind.BOOK),
    ("books", "number_of_volumes", VolumeKind.BOOK),
    ("parts", "number_of_parts", VolumeKind.VOLUME),
    ("ch.", "number_of_parts", VolumeKind.VOLUME),
])  # fmt: skip
def test_the_unit_of_a_count_decides_what_is_counted(unit: str, field: str, kind: VolumeKind) -> None:
    ref = parse_reference(f"Petrov P.P. Sobranie sochinenii. In 3 {unit} Moscow, Nauka, 1990.")
    assert getattr(ref, field) == "3"
    assert ref.volume_kind is kind


@pytest.mark.parametrize("word", ["Vol.", "vol.", "T.", "Т.", "Tom", "Том"])
def test_a_roman_volume_after_a_comma_is_a_volume(word: str) -> None:
    ref = parse_reference(f"Ivanov I.I. Istoriya. Moscow, Nauka, 2001, {word} II, 300 p.")
    assert ref.volume == "II"


@given(st.sampled_from(words_of("VOLUME_ABBREVIATION")), st.integers(min_value=1, max_value=999))
def test_any_volume_word_gives_the_volume(word: str, number: int) -> None:
    ref = parse_reference(f"Ivanov I.I. Stat’ya. Zhurnal fiziki, 2001, {word}. {number}, pp. 1-9.")
    assert ref.volume == str(number)
    assert ref.pages == "1-9"


def test_no_rule_outside_the_lexicon_spells_the_marker_words() -> None:
    """A marker word is declared once: the rules that read a reference ask the lexicon for it (the
    formatters, which print a style, write their own)."""
    package = Path(__file__).parent.parent / "src" / "translit_refs"
    spelled = re.compile(
        r"""["'|(](?:vols?|Vols?|tom|Tom|kn|vyp|Vyp|iss|Iss|nr|Nr|bd|Bd|Heft|Band|Aufl|edn|hrsg|und|"""
        r"""dissertation|proceedings|rapport|cited|Zugriff|dans)["',|)\\]"""
    )
    offenders = [
        str(path.relative_to(package))
        for path in package.rglob("*.py")
        if "lexicon" not in path.parts and path.name != "formatter.py" and spelled.search(path.read_text("utf-8"))
    ]
    assert offenders == []


def test_words_refuses_a_piece_that_is_not_a_word_list() -> None:
    with pytest.raises(ValueError, match="not a word list"):
        words_of("YEAR")


# ---- the compiled pieces are cached beside the parser -----------------------------------------------

_CACHE_CHILD = """
import json, sys
from translit_refs.lexicon import patterns
compiled_here = []
original = patterns._compile_lexicon
def counted():
    compiled_here.append(True)
    return original()
patterns._compile_lexicon = counted
print(json.dumps({"volume": patterns.pattern("VOLUME_WORD"), "compiled": bool(compiled_here),
                  "path": str(patterns.cache_path())}))
"""


def _child(cache: Path) -> dict[str, Any]:
    environment = {**os.environ, "XDG_CACHE_HOME": str(cache), "TRANSLIT_REFS_PARSER_CACHE": "1"}
    done = subprocess.run(
        [sys.executable, "-c", _CACHE_CHILD], env=environment, capture_output=True, text=True, check=True, timeout=120
    )
    found: dict[str, Any] = json.loads(done.stdout)
    return found


def test_the_pieces_are_compiled_once_and_then_read_from_the_cache(tmp_path: Path) -> None:
    first = _child(tmp_path)
    second = _child(tmp_path)
    assert first["compiled"]
    assert not second["compiled"]
    assert first["volume"] == second["volume"] == pattern("VOLUME_WORD")
    assert Path(first["path"]).parent == tmp_path / "translit-refs"


@pytest.mark.parametrize("damage", ["", "{", "[]", '{"VOLUME_WORD": 3}'])
def test_a_damaged_cache_is_compiled_again(tmp_path: Path, damage: str) -> None:
    path = Path(_child(tmp_path)["path"])
    path.write_text(damage, encoding="utf-8")
    again = _child(tmp_path)
    assert again["compiled"]
    assert again["volume"] == pattern("VOLUME_WORD")
    assert json.loads(path.read_text("utf-8"))["VOLUME_WORD"] == pattern("VOLUME_WORD")


def test_every_month_word_gives_its_month() -> None:
    months = month_numbers()
    assert (months["Sept"], months["сентября"], months["sentyabrya"], months["сен"], months["May"]) == (9, 9, 9, 9, 5)
    assert set(month_numbers(english_only=True)) == {word for n in range(1, 13) for word in words_of(f"MONTH_EN_{n}")}
    abbreviations = {
        word for n in range(1, 13) for piece in ("MONTH_RU_ABBREVIATION", "MONTH_BE_ABBREVIATION")
        if f"{piece}_{n}" in names() for word in words_of(f"{piece}_{n}")
    }  # fmt: skip
    for word, number in months.items():
        period = "." if len(word) < 5 or word in abbreviations else ""  # ("студз.", "кастр.": printed with it)
        date = parse_reference(f"Ivanov I.I. Zametka. Gazeta, 2001, 5 {word}{period}, p. 3.").issued
        assert date is not None
        assert (date.month, date.day) == (number, 5), word


def test_importing_the_library_reads_no_grammar() -> None:
    """The lexicon and the parser are read on first use, so `import translit_refs` stays cheap."""
    probe = (
        "import translit_refs, translit_refs.lexicon.patterns as p, translit_refs.parsing.grammar as g;"
        "print(p._lexicon_patterns.cache_info().currsize, g.lark_parser.cache_info().currsize)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120)
    assert done.stdout.split() == ["0", "0"]


def test_the_examples_in_the_docstrings_hold() -> None:
    import doctest  # noqa: PLC0415

    from translit_refs.lexicon import patterns  # noqa: PLC0415
    from translit_refs.parsing import ruler  # noqa: PLC0415

    for module in (patterns, ruler):
        if not str(module.__file__).endswith(".py"):  # compiled (setup.py): doctest finds no examples there
            continue
        failed, attempted = doctest.testmod(module)
        assert (failed, attempted > 0) == (0, True), module.__name__
