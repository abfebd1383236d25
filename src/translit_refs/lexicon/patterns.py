"""The marker words of ``grammars/lexicon.lark``, by name, for the Python rules.

The grammar composes its terminals from the lexicon's pieces (``VOLUME_WORD``, ``ISSUE_WORD``,
``MONTH`` …); the rules that look at a marker's text ask for the same piece here instead of
spelling its words again, so a word added to the lexicon is known everywhere at once:

    >>> is_word("VOLUME_ABBREVIATION", "Bd")
    True
    >>> starts_with("FASCICLE_WORD", "Vyp. 3")
    True
    >>> month_numbers()["сентября"], language_code("Russ.")
    (9, 'ru')

The lexicon is read with Lark's own grammar loader (no parse table is built), on first use, and
kept beside the parser's cache, so that a process starts without compiling it again.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from re import _parser as sre_parse  # stable in CPython 3.11–3.13
from typing import Any

#: The package and file of the lexicon (mapped from the top-level ``grammars/`` folder).
GRAMMAR_PACKAGE = "translit_refs.grammars"
LEXICON_FILE = "lexicon.lark"


@lru_cache(maxsize=1)
def _lexicon_patterns() -> dict[str, str]:
    """Every piece of the lexicon, as the regular expression Lark compiles it to: read from the
    cache beside the parser's (``cache_path``) when it is there, else compiled and saved there."""
    path = cache_path()
    if path is not None:
        cached = _load(path)
        if cached is not None:
            return cached
    compiled_pieces = _compile_lexicon()
    if path is not None:
        _save(compiled_pieces, path)
    return compiled_pieces


def _compile_lexicon() -> dict[str, str]:
    """The lexicon's pieces compiled by Lark's grammar loader (a fifth of a second)."""
    from lark.load_grammar import FromPackageLoader, GrammarBuilder  # noqa: PLC0415 - only without a cache

    loader = FromPackageLoader(GRAMMAR_PACKAGE, ("",))
    source, text = loader(None, LEXICON_FILE)
    builder = GrammarBuilder(False, [loader])
    builder.load_grammar(text, str(source))
    terminals, _, _ = builder.build().compile([], "*")
    return {terminal.name: terminal.pattern.to_regexp() for terminal in terminals}


def cache_path() -> Path | None:
    """Where the compiled pieces are cached: beside the parser's cache, under the same key (the
    grammar files' text, Lark's and Python's versions), so a changed lexicon is compiled again; None
    when the parser cache is off."""
    from ..parsing.grammar import parser_cache_key, parser_cache_path  # noqa: PLC0415 - it imports this package

    parser_path = parser_cache_path("python")
    if parser_path is None:
        return None
    return parser_path.with_name(f"lexicon-{parser_cache_key('python')}.json")


def _load(path: Path) -> dict[str, str] | None:
    """The pieces saved at ``path``; None when there are none or the file is not a whole map of names
    to patterns."""
    try:
        loaded = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(loaded, dict) or not loaded:
        return None
    if not all(isinstance(key, str) and isinstance(value, str) for key, value in loaded.items()):
        return None
    return loaded


def _save(pieces: dict[str, str], path: Path) -> None:
    """Save the pieces at ``path`` (a temporary file renamed over it); nothing when that fails."""
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=path.parent, prefix=f".{path.name}.", delete=False
        ) as file:
            temporary = file.name
            json.dump(pieces, file, ensure_ascii=False, sort_keys=True)
        os.replace(temporary, path)
    except OSError:  # a read-only or full disk: the next process compiles the pieces again
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)


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


#: The lexicon's pieces that name a language end with its BCP 47 code ("LANGUAGE_NAME_RU").
LANGUAGE_PIECE = "LANGUAGE_NAME_"


@lru_cache(maxsize=64)
def language_code(name: str) -> str | None:
    """The BCP 47 code of a language as a note names it ("Russian", "Russ.", "Rissian" -> "ru";
    "Ukr." -> "uk"), from the lexicon piece that reads the name; None for a name it does not know."""
    for piece in sorted(names()):
        if piece.startswith(LANGUAGE_PIECE) and is_word(piece, name):
            return piece.removeprefix(LANGUAGE_PIECE).lower()
    return None


#: The pieces of the lexicon that name months, by their prefixes (the month's number follows).
_MONTH_PREFIXES = (
    "MONTH_EN_", "MONTH_RU_", "MONTH_RU_ABBREVIATION_", "MONTH_UK_", "MONTH_BE_", "MONTH_BE_ABBREVIATION_"
)  # fmt: skip


@lru_cache(maxsize=2)
def month_numbers(english_only: bool = False) -> dict[str, int]:
    """Every month word of the lexicon to its month's number ("Sept" -> 9, "сентября" -> 9,
    "сен" -> 9), from the pieces named by their numbers (``MONTH_EN_9``, ``MONTH_RU_9``,
    ``MONTH_RU_ABBREVIATION_9``, ``MONTH_UK_9``: "вересня", ``MONTH_BE_9``: "верасня"); the English ones only with
    ``english_only``."""
    prefixes = ("MONTH_EN_",) if english_only else _MONTH_PREFIXES
    found: dict[str, int] = {}
    for piece in sorted(names()):
        prefix = max((p for p in prefixes if piece.startswith(p)), key=len, default=None)
        number = piece.removeprefix(prefix) if prefix else ""
        if number.isdigit():
            found.update(dict.fromkeys(words_of(piece), int(number)))
    return found
