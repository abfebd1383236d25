"""Bad input: a Reference with diagnostics (or the documented exception), never a traceback."""

from __future__ import annotations

import random
import string

import pytest
from test_robustness_properties import assert_well_formed_diagnostics

from translit_refs import (
    InvalidArgumentError,
    Reference,
    TranslitRefsError,
    parse_reference,
    parse_references,
    to_csl_json,
)
from translit_refs.export.schema import csl_errors
from translit_refs.parsing.parser import MAX_LENGTH

_RANDOM = random.Random(20191204)

BAD_TEXTS = {
    "empty": "",
    "only spaces": " \t  ",
    "10k random printable": "".join(_RANDOM.choice(string.printable) for _ in range(10_000)),
    "1 MB line": ("Acheson, D. (1969). Present at the Creation. NY, W. W. Norton. 798 p. " * 15_000)[:1_000_000],
    "1 MB without spaces": "x" * 1_000_000,
    "NUL bytes": "Acheson\x00, D. (1969).\x00 Title. NY, Norton. 5 p.",
    "only brackets": "[[[]]]()()(((",
    "unbalanced paren": "Acheson, D. (1969. Title. NY, Norton. 5 p.",
    "unbalanced bracket": "Dundukov, M. Yu. (2008). Razvedka [Intelligence. Moscow, Kuchkovo pole. 448 p.",
    "mixed scripts": "Ачесон, Д. (1969). 現在 Present at the Creation. Москва, Наука. 798 с.",
    "only a head": "Acheson, D. (1969).",
    "lone surrogate": "Title \ud800 text.",
    "many open brackets": "[" * 100_000,
    "page numbers of 5,000 digits": "Ivanov I. I. Title. M., 1999. P. " + "1" * 5000 + "-" + "2" * 5000 + ".",
    "a replacement character": "Acheson, D. (1969). Present at the Cr\ufffdation. NY, W. W. Norton. 798 p.",
}


@pytest.mark.parametrize("text", BAD_TEXTS.values(), ids=BAD_TEXTS.keys())
def test_bad_text_gives_a_reference_with_its_raw_text(text: str) -> None:
    reference = parse_reference(text)
    assert isinstance(reference, Reference)
    assert reference.raw == text
    assert_well_formed_diagnostics(reference)
    assert csl_errors([to_csl_json(reference)]) == []


@pytest.mark.parametrize("text", ["", "   ", "\t"])
def test_empty_reference_is_an_error_diagnostic(text: str) -> None:
    reference = parse_reference(text)
    assert reference.has_errors
    assert [d.code for d in reference.diagnostics][-1] == "empty"


def test_unparseable_text_is_kept_whole_as_title() -> None:
    reference = parse_reference("Acheson, D. (1969).")
    assert reference.has_errors
    assert reference.title == "Acheson, D. (1969)."
    codes = [d.code for d in reference.diagnostics]
    assert "unparsed" in codes


def test_syntax_errors_carry_position_and_expected_tokens() -> None:
    reference = parse_reference("Acheson, D. (1969).")
    syntax = [d for d in reference.diagnostics if d.code in ("syntax-error", "unexpected-end")]
    assert syntax
    assert syntax[0].expected


@pytest.mark.parametrize(
    ("text", "opening"),
    [("Title (1950. NY, Norton. 5 p.", "'('"), ("Title [Transl. NY, Norton. 5 p.", "'['")],
)
def test_unbalanced_brackets_are_reported(text: str, opening: str) -> None:
    diagnostics = [d for d in parse_reference(text).diagnostics if d.code == "unbalanced-bracket"]
    assert diagnostics
    assert opening in diagnostics[0].message
    assert diagnostics[0].start == text.index(opening.strip("'"))


@pytest.mark.parametrize("value", [b"Acheson, D. (1969).", None, 42, ["a"]])
def test_non_str_argument_raises_the_library_exception(value: object) -> None:
    with pytest.raises(InvalidArgumentError) as caught:
        parse_reference(value)  # type: ignore[arg-type]
    assert isinstance(caught.value, TranslitRefsError)
    assert isinstance(caught.value, TypeError)


@pytest.mark.parametrize("value", [b"bytes", 42])
def test_parse_references_rejects_non_text(value: object) -> None:
    with pytest.raises(InvalidArgumentError):
        parse_references(value)  # type: ignore[arg-type]


def test_parse_references_keeps_one_result_per_item_even_blank() -> None:
    results = parse_references(["Acheson, D. (1969). Title. NY, Norton. 5 p.", "", "FBIS. 1950."])
    assert len(results) == 3
    assert results[1].has_errors


def test_parse_references_text_skips_blank_lines_only() -> None:
    text = "Acheson, D. (1969). Title. NY, Norton. 5 p.\n\n   \nFBIS. 1950. In CIA [website].\n"
    assert [r.raw for r in parse_references(text)] == [
        "Acheson, D. (1969). Title. NY, Norton. 5 p.",
        "FBIS. 1950. In CIA [website].",
    ]


def test_a_lone_surrogate_is_read_as_a_replacement_character_and_serialises() -> None:
    text = "Smith\ud800, B. (2011). Title. NY, Norton. 5 p."
    reference = parse_reference(text)
    assert reference.raw == text  # kept as passed
    assert "lone-surrogate" in [d.code for d in reference.diagnostics]
    dumped = reference.model_dump_json()  # JSON carries U+FFFD in its place
    assert "\ufffd" in dumped
    dumped.encode("utf-8")


def test_a_text_longer_than_any_reference_is_read_up_to_the_limit() -> None:
    text = "Acheson, D. (1969). Present at the Creation. NY, W. W. Norton. 798 p. " * 2000
    reference = parse_reference(text)
    assert reference.raw == text
    assert reference.has_errors
    too_long = [d for d in reference.diagnostics if d.code == "too-long"]
    assert too_long
    assert too_long[0].start == MAX_LENGTH


def test_diagnostics_are_bounded() -> None:
    reference = parse_reference("Title" + "\x01" * 10_000 + ". Moscow, 2001.")
    assert len(reference.diagnostics) <= 20
    assert any("more" in d.message for d in reference.diagnostics)
