"""The lean LALR loop (``parsing.runtime``) gives exactly what ``Lark.parse`` gives.

Same skeleton, token for token (type, text and span), on every reference of the seed and the dev
corpus (both lists), on generated references of every family, and on arbitrary text, where it
must also fail exactly when Lark fails.
"""

from __future__ import annotations

import gc
import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lark import Lark, Token
from lark.lexer import BasicLexer
from lark.utils import TextSlice

from translit_refs import parse_references
from translit_refs.export.formatter import format_reference
from translit_refs.models import Reference
from translit_refs.parsing.grammar import lark_parser, reference_parser
from translit_refs.parsing.normalize import normalize
from translit_refs.parsing.parser import collector_paused
from translit_refs.parsing.runtime import LeanParser, _first_match

from conftest import FIXTURES, load_jsonl
from family_strategies import gost_style, references_style
from strategies import references


def _structure(value: Any) -> Any:
    """A skeleton as nested tuples, tokens with their spans (``Token.__eq__`` ignores spans)."""
    if isinstance(value, Token):
        return (value.type, str(value), value.start_pos, value.end_pos)
    if isinstance(value, list | tuple):
        return tuple(_structure(item) for item in value)
    fields = getattr(value, "__dataclass_fields__", None)
    if fields is not None:
        return (type(value).__name__, *(_structure(getattr(value, name)) for name in fields))
    return value


def _outcome(parse: Any, text: str) -> Any:
    try:
        return _structure(parse(text))
    except Exception as error:  # both parsers must fail alike
        return ("error", type(error).__name__)


def _same(text: str) -> None:
    normalised = normalize(text).text
    lean = _outcome(reference_parser("lean").parse, normalised)
    lark = _outcome(lark_parser("python").parse, normalised)
    assert lean == lark, text


def _fixture_texts() -> list[str]:
    texts = [line for line in (FIXTURES / "seed_references.txt").read_text("utf-8").splitlines() if line.strip()]
    for row in load_jsonl("dev_npe.jsonl"):
        texts.append(row["text"])
        if row.get("cyrillic_parallel"):
            texts.append(row["cyrillic_parallel"])
    return texts


def test_lean_loop_equals_lark_on_every_fixture_reference() -> None:
    texts = _fixture_texts()
    assert len(texts) > 1100
    for text in texts:
        _same(text)


def test_lean_loop_is_the_default_and_not_lark_itself() -> None:
    assert type(reference_parser("lean")).__name__ == "LeanParser"
    assert reference_parser("lean") is not lark_parser("python")


def _formatted(reference: Reference, style: str) -> str:
    return format_reference(reference, style=style)


@given(references, st.sampled_from(["quaestio-rossica", "apa"]))
def test_lean_loop_equals_lark_on_generated_references(reference: Reference, style: str) -> None:
    _same(_formatted(reference, style))


@given(st.one_of(references_style().map(lambda r: (r, "references")), gost_style().map(lambda r: (r, "gost"))))
def test_lean_loop_equals_lark_on_generated_family_references(pair: tuple[Reference, str]) -> None:
    _same(_formatted(*pair))


@given(st.text(st.characters(codec="utf-8"), max_size=120))
def test_lean_loop_fails_exactly_where_lark_fails(text: str) -> None:
    _same(text)


@pytest.mark.parametrize(
    "text",
    ["", " ", "Ivanov I.I.", "[", "((", "Smith, J. (2001). T.\nSecond line", "pp. 1–2", "2001.", ". , ;"],
)
def test_lean_loop_equals_lark_on_edge_cases(text: str) -> None:
    _same(text)


def test_batches_leave_the_garbage_collector_as_they_found_it() -> None:
    assert gc.isenabled()
    parse_references(["Ivanov I.I. Title. Moscow, Nauka Publ., 2001. 100 p."] * 3)
    assert gc.isenabled()
    gc.disable()
    try:
        parse_references(["Ivanov I.I. Title. Moscow, Nauka Publ., 2001. 100 p."])
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_collector_is_paused_during_a_batch_and_restored_after_nesting() -> None:
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_pause_leaves_no_survivor_to_the_next_young_collection_nor_thaws_the_programs_frozen_objects() -> None:
    """The last pause out moves what it made to the oldest generation (``_promote_survivors``), so the
    next collection of the youngest finds nothing of it; objects the program froze stay frozen."""
    with collector_paused():
        made = [[index] for index in range(1000)]
    assert any(thing is made[-1] for thing in gc.get_objects(generation=2))
    assert gc.get_freeze_count() == 0
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with collector_paused():
            made += [[index] for index in range(10)]
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


_TOY = r"""
start: item+
?item: atom | "(" atom ")" -> wrapped
?atom: WORD | NUMBER
WORD: /[a-z]+/
NUMBER: /[0-9]+/
%ignore " "
"""


@given(st.lists(st.sampled_from(["ab", "12", "(cd)", "(34)", "x"]), min_size=1, max_size=8))
def test_lean_loop_equals_lark_on_a_toy_grammar_of_single_child_rules(words: list[str]) -> None:
    """The shortcut for one-child rules Lark inlines (``?rule``) and anonymous tokens, on a grammar of
    its own, so that it is pinned whatever the project's grammar does."""
    toy = Lark(_TOY, parser="lalr", lexer="contextual")
    text = " ".join(words)
    assert LeanParser(toy).parse(text) == toy.parse(text)


def test_a_scanner_split_in_parts_matches_as_lark_tries_them() -> None:
    match = _first_match((re.compile("(?P<A>a)").match, re.compile("(?P<B>b)").match))
    assert match("xb", 1).lastgroup == "B"
    assert match("xc", 1) is None


def test_every_state_lexer_matches_as_larks_scanner_at_every_position() -> None:
    """The lean lexers (a state's terminals that can start with the two characters at the position, each
    compiled alone) give Lark's token (text and type) or none, state by state, at every position of
    seed and dev-corpus references and of odd characters."""
    lark = lark_parser("python")
    lean = LeanParser(lark)
    lean.compile_all()
    states = {id(lexer): state for state, lexer in lark.parser.lexer.lexers.items()}
    texts = [normalize(text).text for text in _fixture_texts()[:60]]
    texts += ["Ξ ¤ 𝔸 ‱ ﬁ a\u2028b \x85", "(12) [3] «x» 1995–96: 45–67; 8(2). — / // №5"]
    for state in states.values():
        state_lexer = lark.parser.lexer.lexers[state]
        assert isinstance(state_lexer, BasicLexer)
        scanner = state_lexer.scanner  # Lark's, built now
        for text in texts:
            whole = TextSlice(text, 0, len(text))
            for position in range(len(text)):
                match, _, retype = lean._scanner(state, text[position : position + 2])
                assert retype == state_lexer.callback
                found = match(text, position)
                ours = None if found is None else (found.group(), found.lastgroup)
                assert ours == scanner.match(whole, position), (text, position)
