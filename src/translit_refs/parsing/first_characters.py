"""Which characters a regular expression's match can start with, read from its parse tree.

The lean LALR loop (``runtime.py``) uses this to try, at a position, only the terminals whose match
could start with the character there: the same first match as the whole alternation (an
alternative that cannot match is never the first that does), without trying the others.

The answer is conservative: ``can_start(character)`` is true whenever a match could start with the
character, and may be true when none can (a back-reference, a flag set inside the pattern, anything
not understood: every character). Zero-width items (anchors, look-arounds) constrain nothing here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from re import _constants as sre_constants
from re import _parser as sre_parser
from typing import Any

#: A test of one character.
CharacterTest = Callable[[str], bool]

_ZERO_WIDTH = frozenset({sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT})
_REPEATS = frozenset(
    {sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, getattr(sre_constants, "POSSESSIVE_REPEAT", None)} - {None}
)
_CATEGORIES: dict[Any, re.Pattern[str]] = {
    sre_constants.CATEGORY_DIGIT: re.compile(r"\d"),
    sre_constants.CATEGORY_NOT_DIGIT: re.compile(r"\D"),
    sre_constants.CATEGORY_SPACE: re.compile(r"\s"),
    sre_constants.CATEGORY_NOT_SPACE: re.compile(r"\S"),
    sre_constants.CATEGORY_WORD: re.compile(r"\w"),
    sre_constants.CATEGORY_NOT_WORD: re.compile(r"\W"),
}


def _any(character: str) -> bool:  # noqa: ARG001 - a test's signature
    """Every character."""
    return True


def _class_test(items: list[tuple[Any, Any]]) -> CharacterTest:
    """A character class ``[...]`` as a test (an item not understood makes it accept everything)."""
    negated = False
    codes: set[int] = set()
    ranges: list[tuple[int, int]] = []
    categories: list[re.Pattern[str]] = []
    for op, argument in items:
        if op is sre_constants.NEGATE:
            negated = True
        elif op is sre_constants.LITERAL:
            codes.add(argument)
        elif op is sre_constants.RANGE:
            ranges.append(argument)
        elif op is sre_constants.CATEGORY and argument in _CATEGORIES:
            categories.append(_CATEGORIES[argument])
        else:
            return _any

    def test(character: str) -> bool:
        code = ord(character)
        inside = (
            code in codes
            or any(low <= code <= high for low, high in ranges)
            or any(category.match(character) for category in categories)
        )
        return inside != negated

    return test


def _sequence(items: Any) -> tuple[list[CharacterTest], bool]:
    """The tests a match of the sequence may start with, and whether it can match the empty text."""
    tests: list[CharacterTest] = []
    for op, argument in items:
        if op in _ZERO_WIDTH:
            continue
        item_tests, empty = _item(op, argument)
        tests.extend(item_tests)
        if not empty:
            return tests, False
    return tests, True


def _item(op: Any, argument: Any) -> tuple[list[CharacterTest], bool]:
    """One item of a sequence: its first-character tests and whether it can be empty."""
    if op is sre_constants.LITERAL:
        return [lambda character: ord(character) == argument], False
    if op is sre_constants.NOT_LITERAL:
        return [lambda character: ord(character) != argument], False
    if op is sre_constants.ANY:
        return [_any], False
    if op is sre_constants.IN:
        return [_class_test(argument)], False
    if op is sre_constants.BRANCH:
        tests: list[CharacterTest] = []
        empty = False
        for branch in argument[1]:
            branch_tests, branch_empty = _sequence(branch)
            tests.extend(branch_tests)
            empty = empty or branch_empty
        return tests, empty
    if op is sre_constants.SUBPATTERN:
        _group, added_flags, removed_flags, items = argument
        if added_flags or removed_flags:  # a flag set inside the pattern (e.g. case-blind): not read here
            return [_any], True
        return _sequence(items)
    if op is getattr(sre_constants, "ATOMIC_GROUP", None):
        return _sequence(argument)
    if op in _REPEATS:
        least, _most, items = argument
        tests, empty = _sequence(items)
        return tests, empty or least == 0
    return [_any], True  # back-references, conditionals: any character


def first_character_test(pattern: str, flags: int = 0) -> CharacterTest:
    """A test that is true of every character a match of ``pattern`` can start with (see the module)."""
    if flags & ~re.UNICODE:
        return _any
    tests, empty = _sequence(sre_parser.parse(pattern, flags))
    if empty or _any in tests:
        return _any
    return lambda character: any(test(character) for test in tests)
