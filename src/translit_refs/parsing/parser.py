"""The public parsing functions: text in, Reference out, never an exception for bad text."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from lark.exceptions import LarkError, UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from ..errors import InvalidArgumentError
from ..families import BY_NAME, best_family, entry_evidence, family_for_entry, list_family, settled_family
from ..models import Diagnostic, Reference, ReferenceList, Severity, StyleFamily
from .grammar import Skeleton, default_backend, reference_parser
from .layout import assemble
from .normalize import Normalised, normalize

#: After this many recovered syntax errors the parser gives up and keeps the text whole.
MAX_RECOVERIES = 20


@dataclass(frozen=True, slots=True)
class ReadText:
    """A reference's text after the grammar: its skeleton and family evidence, or, when the text is
    empty or has no reference shape at all, the finished Reference."""

    raw: str
    normalised: Normalised
    diagnostics: tuple[Diagnostic, ...]
    skeleton: Skeleton | None = None
    finished: Reference | None = None
    evidence: dict[StyleFamily, float] = field(default_factory=dict)


def parse_reference(text: str, family: StyleFamily | None = None) -> Reference:
    """Parse one reference; never raises for any string.

    The entry is read in ``family`` when given, else in the family its own signs show. What the
    grammar does not understand comes back as ``diagnostics`` (code, message, span, expected
    tokens) next to every field that could still be recovered; ``raw`` is ``text``.
    Raises :class:`~translit_refs.errors.InvalidArgumentError` when ``text`` is not a ``str``.
    """
    if not isinstance(text, str):
        raise InvalidArgumentError(f"parse_reference() takes a str, not {type(text).__name__}")
    read = read_text(text)
    return finish(read, family or best_family(read.evidence))


def parse_references(text_or_lines: str | Iterable[str], as_list: bool = True) -> list[Reference]:
    """Parse a list: one result per non-blank line of a text, or per item of an iterable.

    With ``as_list`` (the default) the entries are read as one list: its style family is detected
    from all of them and each entry is read with that knowledge (``parse_list``); otherwise each
    entry is read on its own evidence. Items of an iterable are each one reference (blank items
    give a Reference with an "empty" diagnostic, so the count always matches the input).
    """
    return list(parse_list(text_or_lines, as_list=as_list).references)


def parse_list(text_or_lines: str | Iterable[str], as_list: bool = True) -> ReferenceList:
    """Parse a list and report the style family detected for it and for each entry.

    An entry that shows one family clearly and no other (``settled_family``) is finished at once:
    no list can change how it is read. The others wait, with their parse trees, for the list's
    family; so a long list does not keep every entry's tree alive.
    """
    texts = _items(text_or_lines)
    references: list[Reference | ReadText] = []
    evidence: list[dict[StyleFamily, float]] = []
    for text in texts:
        read = read_text(text)
        if read.skeleton is not None:
            evidence.append(read.evidence)
        settled = settled_family(read.evidence) if as_list else best_family(read.evidence)
        references.append(finish(read, settled) if settled is not None or read.skeleton is None else read)
    family = list_family(evidence) if as_list else None
    finished = tuple(
        r if isinstance(r, Reference) else finish(r, family_for_entry(r.evidence, family)) for r in references
    )
    return ReferenceList(references=finished, family=family)


def _items(text_or_lines: str | Iterable[str]) -> list[str]:
    if isinstance(text_or_lines, str):
        return [line for line in text_or_lines.splitlines() if line.strip()]
    if isinstance(text_or_lines, bytes | bytearray):
        raise InvalidArgumentError("parse_references() takes str or an iterable of str, not bytes")
    try:
        items = list(text_or_lines)
    except TypeError as error:
        raise InvalidArgumentError(f"parse_references() takes str or an iterable of str: {error}") from error
    for item in items:
        if not isinstance(item, str):
            raise InvalidArgumentError(f"parse_references() takes str items, not {type(item).__name__}")
    return items


def read_text(text: str) -> ReadText:
    """Normalise the text and run the grammar over it (the expensive half of parsing)."""
    normalised = normalize(text)
    repairs = normalised.diagnostics
    if not normalised.text.strip():
        empty = Diagnostic(code="empty", message="the reference is empty", severity=Severity.ERROR)
        return ReadText(text, normalised, repairs, finished=Reference(raw=text, diagnostics=(*repairs, empty)))
    try:
        skeleton = reference_parser(default_backend()).parse(normalised.text)
    except Exception:  # any backend's syntax error: parse again, carefully, to say what went wrong
        return _read_with_recovery(text, normalised, repairs)
    assert isinstance(skeleton, Skeleton)
    return ReadText(text, normalised, repairs, skeleton, evidence=entry_evidence(skeleton, normalised.display))


def finish(read: ReadText, family: StyleFamily | None) -> Reference:
    """The Reference of a read text, its sentences given their roles by the family's rules."""
    if read.skeleton is None:
        assert read.finished is not None
        return read.finished
    rules = BY_NAME[family] if family is not None else None
    return assemble(read.skeleton, read.normalised, read.raw, read.diagnostics, rules)


def _read_with_recovery(text: str, normalised: Normalised, repairs: tuple[Diagnostic, ...]) -> ReadText:
    """The pure-Python parser, skipping unexpected tokens and recording each as a diagnostic."""
    recovered: list[Diagnostic] = []

    def recover(error: UnexpectedInput) -> bool:
        recovered.append(_syntax_diagnostic(error))
        return len(recovered) < MAX_RECOVERIES and not isinstance(error, UnexpectedEOF)

    try:
        skeleton = reference_parser("python").parse(normalised.text, on_error=recover)
    except (LarkError, RecursionError) as error:
        if not recovered or not isinstance(error, UnexpectedInput):
            recovered.append(_syntax_diagnostic(error))
        unparsed = Diagnostic(
            code="unparsed",
            message="no known reference shape; the whole text is kept as the title",
            severity=Severity.ERROR,
        )
        whole = Reference(
            title=" ".join(normalised.display.split()), raw=text, diagnostics=(*repairs, *recovered, unparsed)
        )
        return ReadText(text, normalised, repairs, finished=whole)
    assert isinstance(skeleton, Skeleton)
    diagnostics = (*repairs, *recovered)
    return ReadText(text, normalised, diagnostics, skeleton, evidence=entry_evidence(skeleton, normalised.display))


def _syntax_diagnostic(error: Exception) -> Diagnostic:
    if isinstance(error, UnexpectedToken):
        token = error.token
        expected = tuple(sorted(error.expected))
        found = "the end" if token.type == "$END" else repr(token.value)
        return Diagnostic(
            code="syntax-error",
            message=f"unexpected {found}; skipped",
            severity=Severity.ERROR,
            start=token.start_pos,
            end=token.end_pos,
            expected=expected,
        )
    if isinstance(error, UnexpectedCharacters):
        return Diagnostic(
            code="syntax-error",
            message=f"unexpected character {error.char!r}; skipped",
            severity=Severity.ERROR,
            start=error.pos_in_stream,
            end=None if error.pos_in_stream is None else error.pos_in_stream + 1,
            expected=tuple(sorted(error.allowed or ())),
        )
    if isinstance(error, UnexpectedEOF):
        return Diagnostic(
            code="unexpected-end",
            message="the reference ends too early",
            severity=Severity.ERROR,
            expected=tuple(sorted(error.expected)),
        )
    return Diagnostic(code="syntax-error", message=str(error)[:200], severity=Severity.ERROR)
