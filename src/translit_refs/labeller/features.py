"""The features of each token, as the strings python-crfsuite reads as binary attributes.

Per token: the word (lower-cased, its punctuation off), prefixes and suffixes, its shape, the
punctuation it opens and ends with, its number shapes (year, range, ordinal, Roman numeral), its
position in the reference and in its sentence, whether it lies inside quotes, parentheses or
brackets, and the project's lexicon: each marker piece of ``grammars/lexicon.lark`` (volume, issue,
pages, edition, editor and translator words, months, URL, DOI, ISBN …) that starts at the token or
covers it, and the word lists (places, publishers, function words). The features of the two tokens
on each side are added with their offset as a prefix.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import compiled, is_word
from ..lexicon.words import ENGLISH_FUNCTION_WORDS, PLACES, PUBLISHER_ENDINGS, PUBLISHERS
from .tokens import Token

#: Lexicon pieces matched at each token's start; the tokens a match covers get ``in:`` the piece.
MARKER_PIECES: tuple[str, ...] = (
    "VOLUME_WORD", "ISSUE_WORD", "PAGES_WORD", "PAGE_UNIT", "ARTICLE_WORD", "PART_WORD", "BOOK_WORD",
    "VOLUMES_COUNT", "EDITION_WORD", "EDITED_BY", "STATEMENT_EDITOR", "TRANSLATED_BY", "URL_WORD",
    "ACCESS_WORD", "DOI_WORD", "ISBN_WORD", "WEB_START", "REPORT_WORD", "THESIS_WORDS", "SERIES_WORD",
    "ETAL_WORDS", "PUBLISHED_WORD", "UNDATED_WORD", "PATENT_WORD", "STANDARD_BODY", "AVAILABLE_AT",
)  # fmt: skip
#: Lexicon pieces a token's bare word is tested against whole.
WORD_PIECES: tuple[str, ...] = (
    "MONTH", "SEASON_NAME", "LANGUAGE_NAME", "ABBREVIATION", "EDITION_ABBREVIATION", "VOLUME_ABBREVIATION",
    "NUMBER_ABBREVIATION", "INITIALS",
)  # fmt: skip
_OPENING = "([{\"'“‘«„<"
_CLOSING = ")]}\"'”’»>"
_TRAILING = ".,;:!?" + _CLOSING
_PUBLISHER_WORDS = frozenset(word for entry in PUBLISHERS | set(PUBLISHER_ENDINGS) for word in entry.split())
_PLACE_WORDS = frozenset(word.rstrip(".,") for entry in PLACES for word in entry.split())
_YEAR = re.compile(r"(?:1[5-9]|20)\d\d[a-z]?")
_RANGE = re.compile(r"[A-Za-z]?\d+[-‐‑‒–—−][A-Za-z]?\d+")
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th|e|er|re|ème)")
_ROMAN = re.compile(r"[IVXLCDM]+|[ivxlcdm]+")
_INITIALS = re.compile(r"(?:[^\W\d_]\.-?)+|[A-Z]{1,3}")
_SHAPE_RUNS = re.compile(r"(.)\1+")
_NEIGHBOUR_KEYS = ("w", "shape", "end", "start", "num", "cap", "at", "in", "lex", "init")


@lru_cache(maxsize=8192)
def _shape(word: str) -> str:
    """The word's character classes: "Smith," → "Aa,", "1761–1800)." → "9-9)." (runs written once)."""
    classes = []
    for character in word:
        if character.isupper():
            classes.append("A")
        elif character.isalpha():
            classes.append("a")
        elif character.isdigit():
            classes.append("9")
        elif character in "-‐‑‒–—−":
            classes.append("-")
        else:
            classes.append(character)
    return _SHAPE_RUNS.sub(r"\1", "".join(classes))


def _core(word: str) -> str:
    """The word without the punctuation at its ends."""
    return word.strip(_OPENING + _TRAILING)


@lru_cache(maxsize=16384)
def _word_features(word: str) -> tuple[str, ...]:
    """The features of one token's own text (cached: words recur)."""
    core = _core(word)
    lower = core.casefold()
    found = [f"w={lower}", f"shape={_shape(word)}", f"len={min(len(core), 8)}"]
    if lower:
        found += [f"p1={lower[:1]}", f"p2={lower[:2]}", f"p3={lower[:3]}", f"s2={lower[-2:]}", f"s3={lower[-3:]}"]
    end = word[len(word.rstrip(_TRAILING)) :]
    found.append(f"end={end[-2:] or '_'}")
    start = word[: len(word) - len(word.lstrip(_OPENING))]
    found.append(f"start={start[:1] or '_'}")
    if core.isdigit():
        found.append(f"num=digits{min(len(core), 5)}")
    if _YEAR.fullmatch(core):
        found.append("num=year")
    if _RANGE.fullmatch(core):
        found.append("num=range")
    if _ORDINAL.fullmatch(lower):
        found.append("num=ordinal")
    if _ROMAN.fullmatch(core):
        found.append("num=roman")
    if any(c.isdigit() for c in core):
        found.append("num=has")
    if core[:1].isupper():
        found.append("cap=upper" if core.isupper() and len(core) > 1 else "cap=initial")
    elif core[:1].islower():
        found.append("cap=lower")
    if _INITIALS.fullmatch(core + ("." if word.endswith(".") and not core.endswith(".") else "")):
        found.append("init=yes")
    for piece in WORD_PIECES:
        if core and (is_word(piece, core) or is_word(piece, core + ".")):
            found.append(f"lex={piece}")
    if core in _PUBLISHER_WORDS:
        found.append("lex=publisher")
    if core in _PLACE_WORDS:
        found.append("lex=place")
    if lower in ENGLISH_FUNCTION_WORDS:
        found.append("lex=function")
    if "http" in lower or "www." in lower:
        found.append("lex=web")
    if re.search(r"10\.\d{4}", core):
        found.append("lex=doi")
    return tuple(found)


def _markers(text: str, tokens: list[Token]) -> list[list[str]]:
    """For each token, the marker pieces that start at it (``at:``) or cover it (``in:``)."""
    found: list[list[str]] = [[] for _ in tokens]
    for index, token in enumerate(tokens):
        for piece in MARKER_PIECES:
            match = compiled(piece).match(text, token.start)
            if match is None or match.end() <= token.start:
                continue
            found[index].append(f"at={piece}")
            for later in range(index + 1, len(tokens)):
                if tokens[later].start >= match.end():
                    break
                found[later].append(f"in={piece}")
    return found


def _context(tokens: list[Token]) -> list[list[str]]:
    """For each token: position, sentence number, and quotes, parentheses, brackets open around it."""
    found: list[list[str]] = []
    quotes = parens = brackets = sentences = 0
    straight = False
    seen_year = False
    opens_sentence = True
    count = len(tokens)
    for index, token in enumerate(tokens):
        word = token.text
        opened_quote = word[:1] in '"“‘«„'
        quoted = quotes > 0 or straight or opened_quote
        features = [
            f"pos={10 * index // max(count, 1)}",
            f"index={min(index, 8)}",
            f"left={min(count - 1 - index, 6)}",
            f"sentence={min(sentences, 6)}",
            f"opens={opens_sentence}",
            f"quoted={quoted}",
            f"paren={parens > 0 or word.startswith('(')}",
            f"bracket={brackets > 0 or word.startswith('[')}",
            f"seen_year={seen_year}",
        ]
        if index == 0:
            features.append("first")
        if index == count - 1:
            features.append("last")
        found.append(features)
        quotes += sum(word.count(c) for c in "“‘«„") - sum(word.count(c) for c in "”’»")
        quotes = max(quotes, 0)
        straight ^= word.count('"') % 2 == 1
        parens = max(parens + word.count("(") - word.count(")"), 0)
        brackets = max(brackets + word.count("[") - word.count("]"), 0)
        core = _core(word)
        if _YEAR.fullmatch(core):
            seen_year = True
        opens_sentence = False
        if word.endswith((".", ":", "?", "!")) and not _INITIALS.fullmatch(core + ".") and parens == 0:
            sentences += 1
            opens_sentence = True
    return found


def features(text: str, tokens: list[Token]) -> list[list[str]]:
    """The feature strings of every token of ``text``, its neighbours' included."""
    own = [list(_word_features(token.text)) for token in tokens]
    markers = _markers(text, tokens)
    context = _context(tokens)
    base = [own[i] + markers[i] for i in range(len(tokens))]
    lowered = [_core(token.text).casefold() for token in tokens]
    result: list[list[str]] = []
    for index in range(len(tokens)):
        row = ["bias", *base[index], *context[index]]
        before = lowered[index - 1] if index else "^"
        after = lowered[index + 1] if index + 1 < len(tokens) else "$"
        row += [f"bigram={before}|{lowered[index]}", f"bigram+={lowered[index]}|{after}"]
        for offset in (-3, 3):
            other = index + offset
            if 0 <= other < len(tokens):
                row += [f"{offset}:{f}" for f in base[other] if f.split("=", 1)[0] in ("end", "num", "at")]
        for offset in (-2, -1, 1, 2):
            other = index + offset
            if 0 <= other < len(tokens):
                row += [f"{offset}:{f}" for f in base[other] if f.split("=", 1)[0] in _NEIGHBOUR_KEYS]
            else:
                row.append(f"{offset}:none")
        result.append(row)
    return result
