"""The marker words of ``grammars/lexicon.lark``, by name, for the Python rules.

The grammar composes its terminals from the lexicon's pieces (``VOLUME_WORD``, ``ISSUE_WORD``,
``MONTH`` …); the rules that look at a marker's text ask for the same piece here instead of
spelling its words again, so a word added to the lexicon is known everywhere at once:

    >>> pattern("VOLUME_WORD")            # doctest: +ELLIPSIS
    '(?:Vols?|vol|...)(?:\\\\.\\\\s?|\\\\s)'
    >>> starts_with("FASCICLE_WORD", "Vyp. 3")
    True

The lexicon is read with Lark's own grammar loader (no parse table is built), once per process,
on first use.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from re import _parser as sre_parse  # stable in CPython 3.11–3.13
from typing import Any

#: The package and file of the lexicon (mapped from the top-level ``grammars/`` folder).
GRAMMAR_PACKAGE = "translit_refs.grammars"
LEXICON_FILE = "lexicon.lark"


@lru_cache(maxsize=1)
def _lexicon_patterns() -> dict[str, str]:
    """Every piece of the lexicon, as the regular expression Lark compiles it to."""
    from lark.load_grammar import FromPackageLoader, GrammarBuilder  # noqa: PLC0415 - on first use only

    loader = FromPackageLoader(GRAMMAR_PACKAGE, ("",))
    source, text = loader(None, LEXICON_FILE)
    builder = GrammarBuilder(False, [loader])
    builder.load_grammar(text, str(source))
    terminals, _, _ = builder.build().compile([], "*")
    return {terminal.name: terminal.pattern.to_regexp() for terminal in terminals}


def names() -> frozenset[str]:
    """The names of the lexicon's pieces."""
    return frozenset(_lexicon_patterns())


@lru_cache(maxsize=256)
def pattern(name: str) -> str:
    """The regular expression of a lexicon piece, or of one of the grammar's terminals
    (``PAGES``, ``NAME``): declared once, in the grammar files."""
    found = _lexicon_patterns().get(name)
    if found is not None:
        return found
    from ..parsing.grammar import lark_parser  # noqa: PLC0415 - the compiled grammar imports this module

    return str(lark_parser("python").get_terminal(name).pattern.to_regexp())


@lru_cache(maxsize=256)
def compiled(name: str) -> re.Pattern[str]:
    """A lexicon piece (or grammar terminal) compiled."""
    return re.compile(pattern(name))


def starts_with(name: str, text: str) -> bool:
    """Whether ``text`` opens with the lexicon piece ``name``."""
    return compiled(name).match(text) is not None


def is_word(name: str, text: str) -> bool:
    """Whether ``text`` is, whole, one word of the lexicon piece ``name``."""
    return compiled(name).fullmatch(text) is not None


@lru_cache(maxsize=64)
def words_of(name: str) -> tuple[str, ...]:
    """Every word of a word-list piece ("VOLUME_ABBREVIATION" -> "Bd", "Tom", "Vol", "Vols", …), for
    rules that need them one by one (a look-behind per word). The piece's language must be finite:
    literals, character classes, alternatives and bounded repeats; anything else is a ValueError."""
    return tuple(sorted(set(_expand(sre_parse.parse(pattern(name))))))


def _expand(parsed: Any) -> Iterator[str]:
    results = [""]
    for op, argument in parsed:
        results = [prefix + tail for prefix in results for tail in _alternatives(str(op), argument)]
    yield from results


def _alternatives(op: str, argument: Any) -> list[str]:
    if op == "LITERAL":
        return [chr(argument)]
    if op == "SUBPATTERN":
        return list(_expand(argument[-1]))
    if op == "BRANCH":
        return [word for branch in argument[1] for word in _expand(branch)]
    if op == "IN" and all(str(kind) == "LITERAL" for kind, _ in argument):
        return [chr(value) for _, value in argument]
    if op in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and argument[1] <= 3:
        low, high, item = argument
        once = list(_expand(item))
        found: list[str] = []
        for count in range(low, high + 1):
            repeated = [""]
            for _ in range(count):
                repeated = [prefix + piece for prefix in repeated for piece in once]
            found.extend(repeated)
        return found
    raise ValueError(f"not a word list: {op} in a lexicon piece")
