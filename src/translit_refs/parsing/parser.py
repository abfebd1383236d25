"""The public parsing functions: text in, Reference out, never an exception for bad text."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

from lark.exceptions import LarkError, UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from ..errors import InvalidArgumentError
from ..families import BY_NAME, ListVote, best_family, entry_evidence, family_for_entry, shows_rules_family
from ..families.references import initials_with_periods
from ..models import Diagnostic, Provenance, Reference, ReferenceList, Severity, Signs, StyleFamily, capped
from ..quality import Signals, assess
from .grammar import Skeleton, default_backend, lark_parser, reference_parser
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


def parse_reference(text: str, family: StyleFamily | None = None, labeller: bool = True) -> Reference:
    """Parse one reference; never raises for any string.

    The entry is read in ``family`` when given, else in the family its own signs show (and by the
    trained labeller when it shows no sign of a family the rules know and the rules are unsure of it:
    ``labeller.route.read_alone``; ``labeller=False`` keeps the rules' reading). What the
    grammar does not understand comes back as ``diagnostics`` (code, message, span, expected
    tokens) next to every field that could still be recovered; ``raw`` is ``text``.
    Raises :class:`~translit_refs.errors.InvalidArgumentError` when ``text`` is not a ``str``.
    """
    if not isinstance(text, str):
        raise InvalidArgumentError(f"parse_reference() takes a str, not {type(text).__name__}")
    read = read_text(text)
    reference = finish(read, family or best_family(read.evidence))
    if family is not None or not labeller:
        return reference
    from ..labeller.route import read_alone  # noqa: PLC0415 - the labeller is built on this module

    return read_alone(reference)


def parse_references(
    text_or_lines: str | Iterable[str], as_list: bool = True, labeller: bool = True
) -> list[Reference]:
    """Parse a list: one result per non-blank line of a text (lines as ``parsing.lines`` defines them:
    universal newlines, an opening BOM dropped), or per item of an iterable.

    With ``as_list`` (the default) the entries are read as one list: its style family is detected
    from all of them and each entry is read with that knowledge (``parse_list``); otherwise each
    entry is read on its own evidence. Items of an iterable are each one reference (blank items
    give a Reference with an "empty" diagnostic, so the count always matches the input). With
    ``labeller=False`` no entry is handed to the trained labeller (``labeller.route``).
    """
    return list(parse_list(text_or_lines, as_list=as_list, labeller=labeller).references)


def parse_list(text_or_lines: str | Iterable[str], as_list: bool = True, labeller: bool = True) -> ReferenceList:
    """Parse a list and report the style family detected for it and for each entry.

    The whole input is read as one list (``pipeline.LIBRARY``; the command line and the web page read
    a batch of ``pipeline.BATCH_SIZE`` entries at a time). How a list is read: ``read_list``; a list in a
    style the rules do not know is read by the trained labeller unless ``labeller=False``
    (``labeller.route``).
    """
    from ..pipeline import LIBRARY  # noqa: PLC0415 - the pipeline is built on this module

    pipeline = LIBRARY if as_list else replace(LIBRARY, as_list=False)
    return (pipeline if labeller else pipeline.disable("label")).parse(text_or_lines)


#: Entries read before any of them is finished. Reading a batch and then finishing it is about 5 %
#: faster than alternating the two per entry (each half's code and objects stay warm), and bounds
#: the parse trees kept waiting.
READ_BATCH = 512


def read_list(texts: Sequence[str], as_list: bool = True) -> ReferenceList:
    """The entries read as one list (the pipeline's ``read`` step), or each on its own evidence.

    Entries are read (normalised and parsed) a batch at a time, and each batch's entries are then
    finished in the family its list shows so far (the running vote of the entries read up to then);
    the few finished in a family the whole list then overrules are read again. So the result is the
    same as reading the whole list first, and at most a batch of parse trees waits.
    """
    references: list[Reference] = []
    read_in: list[tuple[StyleFamily | None, dict[StyleFamily, float]] | None] = []
    vote = ListVote()
    backend = default_backend()
    for first in range(0, len(texts), READ_BATCH):
        batch = [read_text(text, backend) for text in texts[first : first + READ_BATCH]]
        if as_list:
            for read in batch:
                if read.skeleton is not None:
                    vote.add(read.evidence)
        leader = vote.leader  # (the batch's votes are all in: the same leader for each of its entries)
        for read in batch:
            if read.skeleton is None or not as_list:
                references.append(finish(read, best_family(read.evidence)))
                read_in.append(None)
                continue
            family = family_for_entry(read.evidence, leader)
            references.append(finish(read, family))
            read_in.append((family, read.evidence))
    family = vote.leader if as_list else None
    for index, entry in enumerate(read_in):
        if entry is not None and family_for_entry(entry[1], family) is not entry[0]:
            references[index] = finish(read_text(texts[index], backend), family_for_entry(entry[1], family))
    return ReferenceList(references=tuple(references), family=family)


class _CollectorPause:
    """Python's cyclic garbage collector off while batches are parsed, and back on after.

    Parsing makes no reference cycles, but it makes many objects that outlive the call (the
    results), and each collection would walk all of them again: 15–20 % of a batch's time
    (``benchmarks/compare.py``); the last one out moves them to the oldest generation first
    (``_promote_survivors``). Nested and concurrent pauses count; the last one out restores the
    collector if it was on before the first.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._depth = 0
        self._was_enabled = True

    @contextmanager
    def __call__(self) -> Iterator[None]:
        with self._lock:
            if self._depth == 0:
                self._was_enabled = gc.isenabled()
                gc.disable()
            self._depth += 1
        try:
            yield
        finally:
            with self._lock:
                self._depth -= 1
                if self._depth == 0 and self._was_enabled:
                    _promote_survivors()
                    gc.enable()


def _promote_survivors() -> None:
    """Every object the collector tracks moved to its oldest generation unscanned (``gc.freeze``, then
    ``gc.unfreeze``), so that the first collection after a pause does not walk all that the pause
    made (the results, which two collections would have moved there anyway): 30 ms after 5,000
    references. Cyclic garbage already made waits for the next full collection. Not done when the
    program keeps objects frozen of its own (``gc.unfreeze`` would thaw them too)."""
    if gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()


collector_paused = _CollectorPause()


#: Characters of one reference the parser reads. Real references have at most a few thousand; of a
#: longer text the parser reads this many (``raw`` keeps all of it, and an error says so), so that
#: time and memory stay bounded whatever the input.
MAX_LENGTH = 20_000


def read_text(text: str, backend: str | None = None) -> ReadText:
    """Normalise the text and run the grammar over it (the expensive half of parsing); ``backend``
    defaults to ``default_backend()`` (a list reads it once for all its entries)."""
    normalised = normalize(text if len(text) <= MAX_LENGTH else text[:MAX_LENGTH])
    repairs = normalised.diagnostics
    if len(text) > MAX_LENGTH:
        cut = Diagnostic(
            code="too-long",
            message=f"{len(text):,} characters: no reference is that long; only the first {MAX_LENGTH:,} were read",
            severity=Severity.ERROR,
            start=MAX_LENGTH,
            end=len(text),
        )
        repairs = (*repairs, cut)
    if not normalised.text.strip():
        empty = Diagnostic(code="empty", message="the reference is empty", severity=Severity.ERROR)
        return ReadText(text, normalised, repairs, finished=Reference(raw=text, diagnostics=capped((*repairs, empty))))
    try:
        skeleton = reference_parser(backend or default_backend()).parse(normalised.text)
    except Exception:  # any backend's syntax error: parse again, carefully, to say what went wrong
        return _read_with_recovery(text, normalised, repairs)
    assert isinstance(skeleton, Skeleton)
    return ReadText(text, normalised, repairs, skeleton, evidence=entry_evidence(skeleton, normalised.display))


def finish(read: ReadText, family: StyleFamily | None) -> Reference:
    """The Reference of a read text, its sentences given their roles by the family's rules, with its
    confidence and whether it needs review (``quality``)."""
    if read.skeleton is None:
        assert read.finished is not None
        reference = read.finished
    else:
        rules = BY_NAME[family] if family is not None else None
        reference = assemble(read.skeleton, read.normalised, read.raw, read.diagnostics, rules)
    assessment = assess(Signals.of(reference, read.skeleton, read.evidence, family))
    assessed = {
        "confidence": assessment.confidence,
        "needs_review": assessment.needs_review,
        "review_reasons": assessment.reasons,
        "field_confidence": assessment.field_confidence,
    }
    # Set in place, as ``model_copy(update=…)`` would set them on a copy (unvalidated, and counted as
    # set): the Reference was built for this call alone, and copying it was 2 % of a parse.
    reference.__dict__.update(assessed)
    reference.__pydantic_fields_set__.update(assessed)
    if read.skeleton is not None:
        _note_signs(reference, read)
    return reference


def _note_signs(reference: Reference, read: ReadText) -> None:
    """What the entry's own text shows of its family, noted in its provenance (``models.Signs``)."""
    assert read.skeleton is not None
    names = read.skeleton.head.names
    signs = (Signs.RULES_FAMILY if shows_rules_family(read.evidence) else 0) | (
        Signs.FAMILY_INITIALS if names and initials_with_periods(names) else 0
    )
    private = reference.__pydantic_private__
    if not signs or private is None:
        return
    record = private.get("_provenance")
    if record is None:  # (offsets that do not fit the raw text: no origins, but the signs still count)
        record = Provenance()
        record.raw, record.note = reference.raw, reference.note
        private["_provenance"] = record
    record.signs = signs


def _read_with_recovery(text: str, normalised: Normalised, repairs: tuple[Diagnostic, ...]) -> ReadText:
    """The pure-Python parser, skipping unexpected tokens and recording each as a diagnostic."""
    recovered: list[Diagnostic] = []

    def recover(error: UnexpectedInput) -> bool:
        recovered.append(_syntax_diagnostic(error))
        return len(recovered) < MAX_RECOVERIES and not isinstance(error, UnexpectedEOF)

    try:
        skeleton = lark_parser("python").parse(normalised.text, on_error=recover)
    except (LarkError, RecursionError) as error:
        if not recovered or not isinstance(error, UnexpectedInput):
            recovered.append(_syntax_diagnostic(error))
        unparsed = Diagnostic(
            code="unparsed",
            message="no known reference shape; the whole text is kept as the title",
            severity=Severity.ERROR,
        )
        whole = Reference(
            title=" ".join(normalised.display.split()), raw=text, diagnostics=capped((*repairs, *recovered, unparsed))
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
