"""Which characters a regular expression's match can start with, read from its parse tree.

The lean LALR loop (``runtime.py``) uses this to try, at a position, only the terminals whose match
could start with the character there: the same first match as the whole alternation (an
alternative that cannot match is never the first that does), without trying the others.

The answer is conservative: ``can_start(character)`` is true whenever a match could start with the
character, and may be true when none can (a back-reference, a flag set inside the pattern, anything
not understood: every character). Zero-width items (anchors, look-arounds) constrain nothing here.
``first_pair_test`` reads the first two characters the same way (a match of one character, or one
whose second is not read, accepts any second character).
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
    return _first_character_test(sre_parser.parse(pattern, flags))


def _first_character_test(parsed: Any) -> CharacterTest:
    """``first_character_test`` of a parsed pattern."""
    if parsed.state.flags & ~re.UNICODE:  # a flag set for the whole pattern inside it ("(?i)…")
        return _any
    tests, empty = _sequence(parsed)
    if empty or _any in tests:
        return _any
    answers: dict[str, bool] = {}  # by character (up to ``_MAX_FIRSTS``): a pattern has many tests

    def test(character: str) -> bool:
        answer = answers.get(character)
        if answer is None:
            answer = any(one(character) for one in tests)
            if len(answers) < _MAX_FIRSTS:
                answers[character] = answer
        return answer

    return test


#: A test of the text's next two characters (one at its end): may a match start with them?
PairTest = Callable[[str], bool]
#: The first characters (at most two) of some matches as tests, and whether such a match may end there
#: (a shorter prefix than two that may not end continues with characters not read: any).
_Prefix = tuple[tuple[CharacterTest, ...], bool]
#: Prefixes a pattern may have before its pair test gives up (the first-character test is used instead).
_MAX_PREFIXES = 400
_EMPTY: frozenset[_Prefix] = frozenset({((), True)})
#: What an item not understood may start with: anything, or nothing (it may be empty).
_ANYTHING: frozenset[_Prefix] = frozenset({((), True), ((_any,), True), ((_any, _any), False)})
#: One test per literal character (so that prefixes of one character share it, and are counted once),
#: and the character of each (a pair test looks a second character up among them at once).
_LITERALS: dict[int, CharacterTest] = {}
_LITERAL_CHARACTERS: dict[CharacterTest, str] = {}
#: First characters a pair test remembers what may follow (the characters of real text are far fewer).
_MAX_FIRSTS = 2048


class _TooManyError(Exception):
    """More prefixes than ``_MAX_PREFIXES``."""


def _literal(code: int) -> CharacterTest:
    test = _LITERALS.get(code)
    if test is None:
        test = _LITERALS[code] = chr(code).__eq__
        _LITERAL_CHARACTERS[test] = chr(code)
    return test


def _followed(first: frozenset[_Prefix], then: frozenset[_Prefix]) -> frozenset[_Prefix]:
    """The prefixes of a match of ``first`` followed by one of ``then``, cut to two characters."""
    joined: set[_Prefix] = set()
    for tests, ends in first:
        if len(tests) >= 2:
            joined.add((tests, False))
        elif not ends:  # more characters of ``first`` itself, not read: any
            joined.add(((*tests, _any, _any)[:2], False))
        else:
            for more, more_ends in then:
                both = tests + more
                joined.add((both[:2], False) if len(both) >= 2 else (both, more_ends))
    if len(joined) > _MAX_PREFIXES:
        raise _TooManyError
    return frozenset(joined)


def _prefixes(items: Any) -> frozenset[_Prefix]:
    """The prefixes (at most two characters) of the matches of a sequence."""
    prefixes = _EMPTY
    for op, argument in items:
        if all(len(tests) >= 2 or not ends for tests, ends in prefixes):
            break
        prefixes = _followed(prefixes, _item_prefixes(op, argument))
    return prefixes


def _item_prefixes(op: Any, argument: Any) -> frozenset[_Prefix]:
    """One item of a sequence: the prefixes (at most two characters) of its matches."""
    if op in _ZERO_WIDTH:
        return _EMPTY
    if op is sre_constants.LITERAL:
        return frozenset({((_literal(argument),), True)})
    if op in (sre_constants.NOT_LITERAL, sre_constants.ANY, sre_constants.IN):
        return frozenset({(tuple(_item(op, argument)[0]), True)})
    if op is sre_constants.BRANCH:
        union: set[_Prefix] = set()
        for branch in argument[1]:
            union |= _prefixes(branch)
            if len(union) > _MAX_PREFIXES:
                raise _TooManyError
        return frozenset(union)
    if op is sre_constants.SUBPATTERN:
        _group, added_flags, removed_flags, items = argument
        return _ANYTHING if added_flags or removed_flags else _prefixes(items)
    if op is getattr(sre_constants, "ATOMIC_GROUP", None):
        return _prefixes(argument)
    if op in _REPEATS:
        least, most, items = argument
        once = _prefixes(items)
        empty = ((), True) in once
        # none, one, two repetitions (two characters are read at most); each may end the match when
        # enough have been made (or the others can be empty)
        repeated = set(_EMPTY) if least == 0 else set()
        repeated |= {(tests, ends and (least <= 1 or empty)) for tests, ends in once}
        if most >= 2:
            repeated |= _followed(once, frozenset((tests, ends and (least <= 2 or empty)) for tests, ends in once))
        if len(repeated) > _MAX_PREFIXES:
            raise _TooManyError
        return frozenset(repeated)
    return _ANYTHING  # back-references, conditionals: anything


#: Patterns longer than this get no test of their second character (reading them would cost more at
#: start-up than their test saves: the sentence run, tried last, has 36,000 characters).
_MAX_PAIR_PATTERN = 5000


def first_tests(pattern: str, flags: int = 0) -> tuple[CharacterTest, PairTest]:
    """``first_character_test`` and ``first_pair_test`` of ``pattern``, which is read once for both."""
    if flags & ~re.UNICODE:
        return _any, _any
    parsed = sre_parser.parse(pattern, flags)
    first = _first_character_test(parsed)
    return first, _first_pair_test(parsed, first, len(pattern) > _MAX_PAIR_PATTERN)


def first_pair_test(pattern: str, flags: int = 0) -> PairTest:
    """A test that is true of the next two characters of a text (the last one alone at its end) whenever
    a match of ``pattern`` can start with them: ``first_character_test`` of the first one when the
    pattern is longer than ``_MAX_PAIR_PATTERN`` or has too many prefixes to read."""
    return first_tests(pattern, flags)[1]


def _first_pair_test(parsed: Any, first: CharacterTest, long: bool) -> PairTest:
    """``first_pair_test`` of a parsed pattern whose ``first_character_test`` is ``first``."""
    if first is _any:
        return _any
    try:
        if long:
            raise _TooManyError
        prefixes = _prefixes(parsed)
    except _TooManyError:
        return lambda pair: first(pair[0])
    # by the first character's test, the tests of the second (None: any second character, or none)
    seconds: dict[CharacterTest, list[CharacterTest] | None] = {}
    for tests, _ends in prefixes:
        if not tests:  # (cannot be: ``first_character_test`` says whether a match can be empty)
            return _any
        if len(tests) == 1 or tests[1] is _any:
            seconds[tests[0]] = None
        else:
            known = seconds.setdefault(tests[0], [])
            if known is not None:
                known.append(tests[1])
    openings = tuple(seconds.items())
    #: By first character (up to ``_MAX_FIRSTS`` of them), what may follow it: None for anything, else
    #: the literal characters and the other tests.
    following_by_first: dict[str, tuple[frozenset[str], tuple[CharacterTest, ...]] | None] = {}

    def following_of(character: str) -> tuple[frozenset[str], tuple[CharacterTest, ...]] | None:
        literals: set[str] = set()
        others: list[CharacterTest] = []
        for opens, then in openings:
            if opens(character):
                if then is None:
                    return None
                for second in then:
                    literal = _LITERAL_CHARACTERS.get(second)
                    if literal is not None:
                        literals.add(literal)
                    elif second not in others:
                        others.append(second)
        return frozenset(literals), tuple(others)

    def test(pair: str) -> bool:
        character = pair[0]
        if character in following_by_first:
            following = following_by_first[character]
        else:
            following = following_of(character)
            if len(following_by_first) < _MAX_FIRSTS:
                following_by_first[character] = following
        if following is None:
            return True
        second = pair[1:]
        if not second:
            return False
        literals, others = following
        return second in literals or any(other(second) for other in others)

    return test
