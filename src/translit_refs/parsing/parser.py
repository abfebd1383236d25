"""The public parsing functions: text in, Reference out, never an exception for bad text."""

from __future__ import annotations

from collections.abc import Iterable

from lark.exceptions import LarkError, UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from ..errors import InvalidArgumentError
from ..models import Diagnostic, Reference, Severity
from .grammar import Skeleton, default_backend, reference_parser
from .layout import assemble
from .normalize import normalize

#: After this many recovered syntax errors the parser gives up and keeps the text whole.
MAX_RECOVERIES = 20


def parse_reference(text: str) -> Reference:
    """Parse one reference; never raises for any string.

    What the grammar does not understand comes back as ``diagnostics`` (code, message, span,
    expected tokens) next to every field that could still be recovered; ``raw`` is ``text``.
    Raises :class:`~translit_refs.errors.InvalidArgumentError` when ``text`` is not a ``str``.
    """
    if not isinstance(text, str):
        raise InvalidArgumentError(f"parse_reference() takes a str, not {type(text).__name__}")
    normalised, repairs = normalize(text)
    if not normalised.strip():
        return Reference(
            raw=text,
            diagnostics=(*repairs, Diagnostic(code="empty", message="the reference is empty", severity=Severity.ERROR)),
        )
    try:
        skeleton = reference_parser(default_backend()).parse(normalised)
    except Exception:  # any backend's syntax error: parse again, carefully, to say what went wrong
        return _parse_with_recovery(text, normalised, repairs)
    assert isinstance(skeleton, Skeleton)
    return assemble(skeleton, normalised, text, repairs)


def _parse_with_recovery(text: str, normalised: str, repairs: tuple[Diagnostic, ...]) -> Reference:
    """The pure-Python parser, skipping unexpected tokens and recording each as a diagnostic."""
    recovered: list[Diagnostic] = []

    def recover(error: UnexpectedInput) -> bool:
        recovered.append(_syntax_diagnostic(error))
        return len(recovered) < MAX_RECOVERIES and not isinstance(error, UnexpectedEOF)

    try:
        skeleton = reference_parser("python").parse(normalised, on_error=recover)
    except (LarkError, RecursionError) as error:
        if not recovered or not isinstance(error, UnexpectedInput):
            recovered.append(_syntax_diagnostic(error))
        return Reference(
            title=" ".join(normalised.split()),
            raw=text,
            diagnostics=(
                *repairs,
                *recovered,
                Diagnostic(
                    code="unparsed",
                    message="no known reference shape; the whole text is kept as the title",
                    severity=Severity.ERROR,
                ),
            ),
        )
    assert isinstance(skeleton, Skeleton)
    return assemble(skeleton, normalised, text, (*repairs, *recovered))


def parse_references(text_or_lines: str | Iterable[str]) -> list[Reference]:
    """Parse a list: one result per non-blank line of a text, or per item of an iterable.

    Items of an iterable are each one reference (blank items give a Reference with an
    "empty" diagnostic, so the count always matches the input).
    """
    if isinstance(text_or_lines, str):
        return [parse_reference(line) for line in text_or_lines.splitlines() if line.strip()]
    if isinstance(text_or_lines, bytes | bytearray):
        raise InvalidArgumentError("parse_references() takes str or an iterable of str, not bytes")
    try:
        items = list(text_or_lines)
    except TypeError as error:
        raise InvalidArgumentError(f"parse_references() takes str or an iterable of str: {error}") from error
    return [parse_reference(item) for item in items]


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
