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
from functools import lru_cache

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
