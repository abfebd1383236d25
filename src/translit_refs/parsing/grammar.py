"""The Lark parser of one reference, and the Transformer that turns its tree into a skeleton.

The skeleton is the reference's structure as the grammar sees it: the head (persons, date),
the leading run of sentences, and the marked elements that follow. ``layout`` gives the
sentences their roles.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.resources
import importlib.util
import io
import os
import re
import sys
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple, Protocol

import lark
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
    #: The sentence was printed in quotation marks (its text and span are what they enclose).
    quoted: bool = False


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
PERSON_TOKENS = frozenset(
    {
        kinds.NAME,
        kinds.GIVEN_NAME,
        kinds.FULL_NAME,
        kinds.INVERTED_NAME,
        kinds.FORWARD_NAME,
        kinds.SAME_AUTHORS,
        kinds.ETAL,
    }
)


#: Markers whose token holds the names of persons (a book's editors or translators in parentheses).
_PERSONS_INSIDE = frozenset({kinds.PAREN_EDITORS, kinds.PAREN_TRANSLATORS})


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
                if child.type == kinds.LABEL:
                    label = child  # "Apresjan 1995 — " (a "[12] " before the entry only numbers it)
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
            elif child.type == kinds.SAME_AUTHORS:
                names = (child,)  # "———.": the previous entry's authors, as printed
            elif child.type == kinds.ED_MARK:
                editor_mark = child
            elif child.type in (kinds.DATE_PAREN, kinds.HEAD_YEAR):
                date = child  # "(2008)", or the year printed bare after the names
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
        if token.type == kinds.QUOTED:
            sentence = _quoted(token)
        else:
            start, end = token.start_pos, token.end_pos  # (``_start`` and ``_end`` inline: every sentence)
            sentence = Sentence(
                token.value, 0 if start is None else start, 0 if end is None else end, token.type == kinds.YEAR_SEG
            )
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
        if first.type in _PERSONS_INSIDE:  # "Book (R. Castellano, eds.)": the book's
            return Element(kind=first.type, token=first, run=run, names=tuple(names_in(first.value)), value=first)
        if editors is not None:  # "In: Polyakov Yu.A. (ed.) Title": the container's editors
            return Element(kind=first.type, token=first, run=run, names=tuple(names_in(editors.value)), value=editors)
        return Element(kind=first.type, token=first, run=run)


#: The quotation mark that closes each opening one.
_CLOSING_QUOTES = {"“": "”", '"': '"', "‘": "’", "'": "'"}


def _quoted(token: Token) -> Sentence:
    """“Title,” -> Title (‘Title’, 'Title' too): the words the quotation marks enclose, without the punctuation
    that closes them."""
    closing = _CLOSING_QUOTES.get(token.value[:1], "”")  # (only the mark that closes: "ugol’”" keeps its soft sign)
    text = token.value[1:].removesuffix(closing).rstrip(".,").removesuffix(closing).rstrip(".,").rstrip()
    start = _start(token) + 1
    return Sentence(text, start, start + len(text), quoted=True)


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


#: The package and file of the grammar (``lexicon.lark`` beside it is imported by it).
GRAMMAR_PACKAGE = "translit_refs.grammars"
GRAMMAR = "reference.lark"
#: The options the parser is built with (besides the transformer and the backend's plugins).
_LARK_OPTIONS: dict[str, Any] = {"parser": "lalr", "lexer": "contextual", "maybe_placeholders": False}

#: The environment variable that turns the parser cache off: "0", "off", "no" or "false".
CACHE_VARIABLE = "TRANSLIT_REFS_PARSER_CACHE"
#: Changed when what the cache file holds changes.
_CACHE_FORMAT = b"translit-refs parser cache 1"


@lru_cache(maxsize=2)
def lark_parser(backend: str = "python") -> Lark:
    """The Lark LALR parser ("python" or "cython"), with the skeleton builder inline.

    Loaded from the parser cache when it holds this grammar's parser (``parser_cache_path``), else
    built from the grammar (a quarter of a second) and saved there for the next process.
    """
    inline: dict[str, Any] = {"transformer": SkeletonBuilder()}  # given to a loaded parser too
    if backend == "cython":
        inline["_plugins"] = importlib.import_module("lark_cython").plugins
    elif backend != "python":
        raise ValueError(f"unknown backend {backend!r}; available: {', '.join(available_backends())}")
    path = parser_cache_path(backend)
    if path is not None:
        loaded = _load_cached(path, inline)
        if loaded is not None:
            return loaded
    parser = Lark.open_from_package(GRAMMAR_PACKAGE, GRAMMAR, ("",), **_LARK_OPTIONS, **inline)
    if path is not None:
        _save_cached(parser, path, tuple(inline))
    return parser


def parser_cache_path(backend: str = "python") -> Path | None:
    """Where the parser of ``backend`` is cached: ``$XDG_CACHE_HOME/translit-refs/`` (else
    ``~/.cache/translit-refs/``), named by ``parser_cache_key``; None when $TRANSLIT_REFS_PARSER_CACHE
    turns the cache off or there is no home directory.

    The file is Lark's own serialisation of the built parser (``Lark.save``, a pickle, as Lark's
    ``cache=`` option writes), loaded with ``Lark._load`` as ``cache=`` does; it is written to a
    temporary file and renamed, so a reader sees a whole file or none, and one that does not load
    (stale, corrupt, from another Lark) is ignored: the parser is built and the file replaced.
    Lark's ``cache=`` itself is not used: it names the file by the main grammar's text only (an
    imported grammar's change is noticed after loading, and the one file rewritten), and writes it in
    place, so that two processes building at once can interleave their pickles, which differ from
    run to run (string hashing orders sets).
    """
    if os.environ.get(CACHE_VARIABLE, "").strip().lower() in {"0", "off", "no", "false"}:
        return None
    configured = os.environ.get("XDG_CACHE_HOME", "")
    if configured and os.path.isabs(configured):  # the XDG spec: a relative path is ignored
        base = Path(configured)
    else:
        try:
            base = Path.home() / ".cache"
        except RuntimeError:  # no home directory
            return None
    return base / "translit-refs" / f"parser-{backend}-{parser_cache_key(backend)}.pickle"


@lru_cache(maxsize=2)
def parser_cache_key(backend: str = "python") -> str:
    """What the cached parser depends on, hashed: every grammar file of the package (the imported
    ``lexicon.lark`` too), the parser's options, the backend, Lark's version and Python's."""
    digest = hashlib.sha256(_CACHE_FORMAT)
    for name, text in grammar_texts():
        digest.update(f"\0{name}\0{len(text)}\0".encode())
        digest.update(text)
    python = sys.implementation
    digest.update(repr((sorted(_LARK_OPTIONS.items()), backend, lark.__version__, python.cache_tag)).encode())
    return digest.hexdigest()[:32]


def grammar_texts() -> list[tuple[str, bytes]]:
    """Every grammar file of the grammar package (``*.lark``), by name, as bytes."""
    files = importlib.resources.files(GRAMMAR_PACKAGE)
    return sorted((entry.name, entry.read_bytes()) for entry in files.iterdir() if entry.name.endswith(".lark"))


def _load_cached(path: Path, inline: dict[str, Any]) -> Lark | None:
    """The parser saved at ``path``, or None when there is none or it is not whole (checked by its
    digest) or does not load."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    header, _, payload = data.partition(b"\n")
    if header != _cache_header(payload):
        return None
    try:
        return Lark.__new__(Lark)._load(io.BytesIO(payload), **inline)
    except Exception:  # a cache that does not load is rebuilt
        return None


def _save_cached(parser: Lark, path: Path, inline: tuple[str, ...]) -> None:
    """Save ``parser`` at ``path`` (a temporary file renamed over it); nothing when that fails."""
    payload = io.BytesIO()
    parser.save(payload, exclude_options=inline)
    data = payload.getvalue()
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.", delete=False) as file:
            temporary = file.name
            file.write(_cache_header(data) + b"\n" + data)
        os.replace(temporary, path)
    except OSError:  # a read-only or full disk: the next process builds the parser again
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)


def _cache_header(payload: bytes) -> bytes:
    """The cache file's first line: the format and the payload's digest."""
    return _CACHE_FORMAT + b" " + hashlib.sha256(payload).hexdigest().encode()


def terminal_pattern(name: str) -> str:
    """The regular expression of one of the grammar's terminals, for rules that look for a marker
    outside the parse (declared once, in the grammar)."""
    return str(lark_parser("python").get_terminal(name).pattern.to_regexp())


@lru_cache(maxsize=1)
def _name_patterns() -> tuple[re.Pattern[str], ...]:
    """The grammar's own name terminals, to find names inside a free-text statement: each compiled as
    the lean lexer compiles it (``runtime``), so that ``re`` gives the lexer's own when it has one."""
    return tuple(re.compile(f"(?P<{name}>{terminal_pattern(name)})") for name in (kinds.NAME, kinds.GIVEN_NAME))


def names_in(text: str) -> list[Token]:
    """Person-name tokens found anywhere in ``text`` ("… of RAS Ponomarev-Stepnoy N.N.)"): what
    ``re.finditer`` of the terminals' alternation finds (the leftmost match, the first terminal's at a
    tie), from the terminals compiled alone."""
    found = []
    patterns = _name_patterns()
    position = 0
    while position <= len(text):
        match = None
        for pattern in patterns:
            candidate = pattern.search(text, position)
            if candidate is not None and (match is None or candidate.start() < match.start()):
                match = candidate
        if match is None:
            break
        found.append(Token(match.lastgroup or kinds.NAME, match.group(), start_pos=match.start(), end_pos=match.end()))
        position = match.end() if match.end() > match.start() else match.end() + 1  # (names are never empty)
    return found
