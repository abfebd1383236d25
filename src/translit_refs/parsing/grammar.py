"""The Lark parser of one reference, and the Transformer that turns its tree into a skeleton.

The skeleton is the reference's structure as the grammar sees it: the head (persons, date),
the leading run of sentences, and the marked elements that follow. ``layout`` gives the
sentences their roles.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, NamedTuple, Protocol

from lark import Lark, Token, Transformer

from ..lexicon import kinds
from .runtime import LeanParser


class Sentence(NamedTuple):
    """A run of words between sentence boundaries, with its span in the text (value types, made by
    the thousand: named tuples, which are built fastest)."""

    text: str
    start: int
    end: int
    is_year: bool = False


class Element(NamedTuple):
    """A marker (its terminal name and token) and the sentences that follow it."""

    kind: str
    token: Token
    run: tuple[Sentence, ...] = ()
    names: tuple[Token, ...] = ()
    value: Token | None = None


@dataclass(frozen=True, slots=True)
class Head:
    """Persons before the title, whether they are editors, and the parenthesised date."""

    names: tuple[Token, ...] = ()
    editor_mark: Token | None = None
    date: Token | None = None


@dataclass(frozen=True, slots=True)
class Skeleton:
    """What the grammar recognised: head, leading sentences, elements."""

    head: Head
    lead: tuple[Sentence, ...]
    elements: tuple[Element, ...] = field(default_factory=tuple)
    #: The label printed before the entry ("Apresjan 1995 — "), if any.
    label: Token | None = None


#: Terminals that name a person (or say that more persons follow).
PERSON_TOKENS = frozenset({kinds.NAME, kinds.GIVEN_NAME, kinds.FULL_NAME, kinds.ETAL})


class SkeletonBuilder(Transformer[Token, Any]):
    """Builds the skeleton while the LALR parser reduces (used inline)."""

    def start(self, children: list[Skeleton]) -> Skeleton:
        return children[0]

    def reference(self, children: list[Any]) -> Skeleton:
        head = Head()
        lead: tuple[Sentence, ...] = ()
        elements: list[Element] = []
        label: Token | None = None
        for child in children:
            if isinstance(child, Token):
                label = child  # "Apresjan 1995 — "
            elif isinstance(child, Head):
                head = child
            elif isinstance(child, Element):
                elements.append(child)  # the editors before the title, or a designation
            elif isinstance(child[0], Sentence):
                lead = tuple(child)
            else:
                elements.extend(child)
        return Skeleton(head=head, lead=lead, elements=tuple(elements), label=label)

    def elements(self, children: list[Any]) -> list[Element]:
        return _appended(children)

    def head(self, children: list[Any]) -> Head:
        names: tuple[Token, ...] = ()
        editor_mark = date = None
        for child in children:
            if isinstance(child, tuple):
                names = child
            elif child.type == kinds.ED_MARK:
                editor_mark = child
            elif child.type == kinds.DATE_PAREN:
                date = child
        return Head(names=names, editor_mark=editor_mark, date=date)

    def names(self, children: list[Any]) -> tuple[Token, ...]:
        listed: list[Token] = children[0]
        return (*listed, *(t for t in children[1:] if t.type == kinds.ETAL))

    def name_list(self, children: list[Any]) -> list[Token]:
        if not isinstance(children[0], list):
            return [children[0]]
        so_far: list[Token] = children[0]
        so_far.append(children[-1])  # after its NAME_SEP, if any
        return so_far

    def persons(self, children: list[Token]) -> tuple[Token, ...]:
        return tuple(t for t in children if t.type in PERSON_TOKENS)

    def run(self, children: list[Any]) -> list[Sentence]:
        token = children[-1]
        sentence = Sentence(token.value, _start(token), _end(token), is_year=token.type == kinds.YEAR_SEG)
        if len(children) == 1:
            return [sentence]
        sentences: list[Sentence] = children[0]
        sentences.append(sentence)
        return sentences

    def url(self, children: list[Token]) -> Element:
        return Element(kind=kinds.URL, token=children[0], value=children[1] if len(children) > 1 else None)

    def responsibility(self, children: list[Any]) -> Element:
        names: tuple[Token, ...] = children[1] if len(children) > 1 else ()
        kind = kinds.RESPONSIBILITY if children[0].type == kinds.MORE_RESPONSIBILITY else children[0].type
        return Element(kind=kind, token=children[0], names=names)

    editors = responsibility

    def designation(self, children: list[Any]) -> Element:
        return self.element(children)

    def element(self, children: list[Any]) -> Element:
        first = children[0]
        editors = children[1] if len(children) > 1 and isinstance(children[1], Token) else None
        rest = children[2:] if editors is not None else children[1:]
        run = tuple(rest[0]) if rest else ()
        if isinstance(first, Element):
            return Element(first.kind, first.token, run, first.names, first.value)
        if editors is not None:  # "In: Polyakov Yu.A. (ed.) Title": the container's editors
            return Element(kind=first.type, token=first, run=run, names=tuple(names_in(editors.value)), value=editors)
        return Element(kind=first.type, token=first, run=run)


def _appended(children: list[Any]) -> list[Any]:
    """One step of a left-recursive repetition: the list so far (if any) with the new child."""
    if len(children) == 1:
        return [children[0]]
    so_far: list[Any] = children[0]
    so_far.append(children[1])
    return so_far


def _start(token: Token) -> int:
    return token.start_pos if token.start_pos is not None else 0


def _end(token: Token) -> int:
    return token.end_pos if token.end_pos is not None else 0


#: The environment variable that picks the parser backend: "lean", "python" or "cython".
BACKEND_VARIABLE = "TRANSLIT_REFS_BACKEND"


@lru_cache(maxsize=1)
def available_backends() -> tuple[str, ...]:
    """The backends this installation has: "lean" (our loop over Lark's tables, ``runtime``) and
    "python" (Lark's own loop) always; "cython" when lark-cython is installed (``[fast]`` extra)."""
    if importlib.util.find_spec("lark_cython") is None:
        return ("lean", "python")
    return ("lean", "python", "cython")


def default_backend() -> str:
    """The backend named by $TRANSLIT_REFS_BACKEND, else "lean" (the fastest; same results)."""
    chosen = os.environ.get(BACKEND_VARIABLE, "").strip().lower()
    if chosen in available_backends():
        return chosen
    return "lean"


class _Parses(Protocol):
    def parse(self, text: str) -> Any: ...


@lru_cache(maxsize=3)
def reference_parser(backend: str = "lean") -> _Parses:
    """The parser of one reference with the skeleton builder inline, built once per process and
    backend: "lean" drives the "python" backend's tables (``runtime.LeanParser``).

    Only Lark's pure-Python parser supports error recovery (``on_error``): use ``lark_parser()``.
    """
    if backend == "lean":
        return LeanParser(lark_parser("python"))
    return lark_parser(backend)


@lru_cache(maxsize=2)
def lark_parser(backend: str = "python") -> Lark:
    """The Lark LALR parser ("python" or "cython"), with the skeleton builder inline."""
    options: dict[str, Any] = {}
    if backend == "cython":
        options["_plugins"] = importlib.import_module("lark_cython").plugins
    elif backend != "python":
        raise ValueError(f"unknown backend {backend!r}; available: {', '.join(available_backends())}")
    return Lark.open_from_package(
        "translit_refs.grammars",
        "reference.lark",
        ("",),
        parser="lalr",
        lexer="contextual",
        transformer=SkeletonBuilder(),
        maybe_placeholders=False,
        **options,
    )


def terminal_pattern(name: str) -> str:
    """The regular expression of one of the grammar's terminals, for rules that look for a marker
    outside the parse (declared once, in the grammar)."""
    return str(lark_parser("python").get_terminal(name).pattern.to_regexp())


@lru_cache(maxsize=1)
def _name_patterns() -> re.Pattern[str]:
    """The grammar's own name terminals, to find names inside a free-text statement."""
    return re.compile("|".join(f"(?P<{name}>{terminal_pattern(name)})" for name in (kinds.NAME, kinds.GIVEN_NAME)))


def names_in(text: str) -> list[Token]:
    """Person-name tokens found anywhere in ``text`` ("… of RAS Ponomarev-Stepnoy N.N.)")."""
    found = []
    for match in _name_patterns().finditer(text):
        kind = match.lastgroup or kinds.NAME
        found.append(Token(kind, match.group(), start_pos=match.start(), end_pos=match.end()))
    return found
