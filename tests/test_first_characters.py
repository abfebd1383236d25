"""``first_characters``: a match of a pattern never starts with a character its test rejects.

The lean lexer tries at a position only the terminals whose test accepts the character there, so a
test that rejects a character some match starts with would lose a token; one that accepts too much
only costs a try.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from translit_refs.parsing.first_characters import first_character_test, first_pair_test
from translit_refs.parsing.grammar import lark_parser

_ALPHABET = "aZ9 .,(-[]Яё–\u00a0_"
_FIXTURES = Path(__file__).resolve().parent / "fixtures" / "seed_references.txt"

#: Pieces of patterns in the shapes the grammar uses: classes, categories, groups, repeats (greedy,
#: lazy, possessive), alternations, look-arounds and anchors.
_ATOMS = st.sampled_from(
    [
        "a",
        "Z",
        "9",
        r"\.",
        r"\d",
        r"\D",
        r"\w",
        r"\W",
        r"\s",
        r"\S",
        "[a-z]",
        "[^a-z]",
        r"[^\W\d_]",
        "[А-ЯЁ]",
        "[–-]",
        ".",
        r"\b",
        "^",
        "$",
        "(?=a)",
        "(?!9)",
        "(?<=a)",
        "(?<!,)",
    ]
)


def _patterns() -> st.SearchStrategy[str]:
    def extend(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        return st.one_of(
            st.tuples(inner, inner).map("".join),
            st.tuples(inner, inner).map(lambda pair: f"(?:{pair[0]}|{pair[1]})"),
            st.tuples(inner, st.sampled_from(["*", "+", "?", "*?", "++", "*+", "{0,2}", "{2}"])).map(
                lambda pair: f"(?:{pair[0]}){pair[1]}"
            ),
            inner.map(lambda pattern: f"(?P<g>{pattern})" if "(?P<g>" not in pattern else pattern),
            inner.map(lambda pattern: f"(?>{pattern})"),
        )

    return st.recursive(_ATOMS, extend, max_leaves=8)


def _matches_something(pattern: str, text: str) -> bool:
    """Whether the pattern compiles and matches a non-empty start of the text."""
    try:
        found = re.compile(pattern).match(text)
    except re.error:
        return False
    return found is not None and found.end() > 0


@given(_patterns(), st.text(alphabet=_ALPHABET, min_size=1, max_size=8))
def test_no_match_starts_with_a_rejected_character(pattern: str, text: str) -> None:
    if _matches_something(pattern, text):
        assert first_character_test(pattern)(text[0]), (pattern, text)


@given(_patterns(), st.text(alphabet=_ALPHABET, min_size=1, max_size=8))
def test_no_match_starts_with_a_rejected_pair_of_characters(pattern: str, text: str) -> None:
    if _matches_something(pattern, text):
        assert first_pair_test(pattern)(text[:2]), (pattern, text)


@pytest.mark.parametrize(
    ("pattern", "accepted", "rejected"),
    [
        pytest.param(r"(?:ab|cd)e", ["ab", "cd"], ["ac", "a", "ce"], id="branches"),
        pytest.param(r"[A-Z][a-z]+", ["Ab", "Zz"], ["AB", "A", "ab"], id="classes"),
        pytest.param(r"(?:ab)?c", ["ab", "cx", "c"], ["ax", "b"], id="optional-first"),
        pytest.param(r"a{3,}", ["aa"], ["b", "ba"], id="repeat"),
        pytest.param(r"x(?=y)z?", ["x", "xy", "xz"], ["yx"], id="one-character-match"),
        pytest.param(r"(?i:a)b", ["ab", "Ab", "zz"], [], id="flag"),
    ],
)
def test_pair_tests_accept_the_starting_pairs_and_reject_others(
    pattern: str, accepted: list[str], rejected: list[str]
) -> None:
    test = first_pair_test(pattern)
    assert all(test(pair) for pair in accepted)
    assert not any(test(pair) for pair in rejected)


def test_every_terminal_of_the_grammar_is_read_by_its_pair_test_at_every_match() -> None:
    """The grammar's own terminals (each read to its second character but the long sentence run):
    every match in the seed and dev-corpus references starts with a pair the terminal's test accepts."""
    lexer = lark_parser("python").parser.lexer
    terminals = {terminal.name: terminal for state in lexer.lexers.values() for terminal in state.terminals}
    texts = [line for line in _FIXTURES.read_text(encoding="utf-8").splitlines() if line.strip()]
    for name, terminal in terminals.items():
        pattern = terminal.pattern.to_regexp()
        compiled, test = re.compile(pattern), first_pair_test(pattern)
        for text in texts:
            for position in range(len(text)):
                if compiled.match(text, position) is not None:
                    assert test(text[position : position + 2]), (name, text[position:])


@pytest.mark.parametrize(
    ("pattern", "accepted", "rejected"),
    [
        pytest.param(r"\d+\s?p\.", "7", "p a(", id="digits"),
        pytest.param(r"(?:In|V)\s", "IV", "i v9", id="words"),
        pytest.param(r"\[[^\]]*\]", "[", "a]", id="bracket"),
        pytest.param(r"(?<=,\s)\d{4}", "1", "a,", id="look-behind-is-zero-width"),
        pytest.param(r"(?=\d)(?:\d+|x)", "1x", "a", id="look-ahead-constrains-nothing"),
        pytest.param(r"[^\W\d_][\w-]*", "aЯё", "9 _-", id="letters"),
        pytest.param(r"a?b", "ab", "c", id="optional-first"),
    ],
)
def test_tests_accept_the_starting_characters_and_reject_others(pattern: str, accepted: str, rejected: str) -> None:
    test = first_character_test(pattern)
    assert all(test(character) for character in accepted)
    assert not any(test(character) for character in rejected)


@pytest.mark.parametrize(
    "pattern", [r"(a)?\1b", r"(?i:a)b", r"x*", r"(?:)"], ids=["backreference", "flag", "empty", "nothing"]
)
def test_what_is_not_read_accepts_every_character(pattern: str) -> None:
    test = first_character_test(pattern)
    assert all(test(character) for character in "a9 .Я\u2028")


def test_every_terminal_of_the_grammar_rejects_some_character() -> None:
    """The tests narrow the grammar's terminals: each (but the sentence run) rejects a space."""
    lexer = lark_parser("python").parser.lexer
    terminals = {terminal.name: terminal for state in lexer.lexers.values() for terminal in state.terminals}
    broad = [name for name, terminal in terminals.items() if first_character_test(terminal.pattern.to_regexp())(" ")]
    assert set(broad) <= {"SEPARATORS", "NAME_SEP", "MORE_RESPONSIBILITY"}, broad
