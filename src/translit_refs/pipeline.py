"""One parse pipeline for the library, the command line and the web service.

Text becomes entries (a reference's text and where it stood), entries go in batches, and each
batch goes through named steps in a declared order, as bibtexparser v2's middlewares run over its
blocks (``STEPS``):

``read``
    the batch's entries read as one list, its style family voted by all of them
    (``parsing.parser.read_list``); or each entry alone; or each in a family given
``label``
    the entries of a list printed in no style the rules know (no transliterated family, few
    bracketed translations or Cyrillic words) read by the trained labeller (``labeller.route``)
``pair``
    with the article's Cyrillic list, each entry given its partner's originals
    (``parallel.parse_parallel``); a batch without a partner list passes
``not-utf8``
    an entry whose line held bytes that are not UTF-8 gets an error, and is held for review
``cyrillic``
    Cyrillic titles recovered by reverse transliteration (the ``translit`` extra); off unless
    switched on

A :class:`Pipeline` is configured once (how entries are read, which steps run, how many entries a
batch holds); ``Pipeline.run`` takes batches through the steps, in worker processes when asked,
and gives them back in input order with the count of entries done (the command line's progress
bar and the web page's stream). ``parse_list``, ``translit-refs parse``, the web service and the
Dask recipe are each a configuration of it: the library reads its whole input as one list
(``LIBRARY``), the command line and the web page a batch of ``BATCH_SIZE`` entries at a time.
"""

from __future__ import annotations

import importlib
import re
from collections import Counter, deque
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from functools import partial
from typing import Generic, TypeVar

from .documents.listsplit import ListEntry
from .errors import InvalidArgumentError
from .models import Diagnostic, Reference, ReferenceList, Severity, StyleFamily
from .parallel import parse_parallel
from .parallel.enrich import paired_count
from .parsing.lines import BOM, text_lines
from .parsing.parser import collector_paused, parse_reference, read_list
from .quality import held_for_review

#: Entries read as one list by the command line and the web page (and per progress update): a
#: list's family is voted by at most this many entries, and a worker process gets this many.
BATCH_SIZE = 500

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Entry:
    """One reference to read: its text, its (first) line in the source, the label it was printed with
    ("12" of "12."), and whether its line held bytes that are not UTF-8 (read as U+FFFD)."""

    text: str
    line: int
    label: str | None = None
    undecodable: bool = False
    #: The splitter's warnings that the entry may hold two references (lines it joined that could have
    #: started one: ``documents.listsplit``).
    joins: tuple[Diagnostic, ...] = ()


@dataclass(frozen=True, slots=True)
class Batch:
    """Entries read together as one list, and what the steps made of them: a reference per entry,
    the family the list was read in, and how many entries found a partner (``pair``)."""

    entries: tuple[Entry, ...]
    #: Entries of the input before this batch: entry ``i`` is the input's reference ``start + i + 1``.
    start: int = 0
    #: The Cyrillic list the entries are paired with (one reference per item).
    partner: tuple[str, ...] | None = None
    references: tuple[Reference, ...] = ()
    family: StyleFamily | None = None
    paired: int | None = None


#: A step: a function of the pipeline (its configuration) and a batch, giving the batch it made.
Step = Callable[["Pipeline", Batch], Batch]


def _read(pipeline: Pipeline, batch: Batch) -> Batch:
    """``read``: a reference per entry, and the family the batch was read in."""
    texts = [entry.text for entry in batch.entries]
    if pipeline.family is not None:
        references = tuple(parse_reference(text, pipeline.family) for text in texts)
        return replace(batch, references=references, family=pipeline.family)
    with collector_paused():
        parsed = read_list(texts, as_list=pipeline.as_list)
    return replace(batch, references=parsed.references, family=parsed.family)


def _label(pipeline: Pipeline, batch: Batch) -> Batch:
    """``label``: the entries of a list printed in no style the rules know read by the trained labeller
    (``labeller.route``); a list read in a given family passes."""
    if pipeline.family is not None:
        return batch
    route = importlib.import_module("translit_refs.labeller.route")
    if pipeline.as_list:
        return replace(batch, references=route.read_unknown_styles(batch.references))
    return replace(batch, references=tuple(map(route.read_alone, batch.references)))


def _pair(pipeline: Pipeline, batch: Batch) -> Batch:
    """``pair``: each reference enriched from its partner in the batch's Cyrillic list."""
    if batch.partner is None:
        return batch
    paired = parse_parallel(batch.partner, batch.references, as_list=pipeline.as_list).references
    return replace(batch, references=paired, paired=paired_count(paired))


def _flag_not_utf8(_pipeline: Pipeline, batch: Batch) -> Batch:
    """``not-utf8``: the reference of a line that held bytes that are not UTF-8 gets an error."""
    if not any(entry.undecodable for entry in batch.entries):
        return batch
    references = tuple(
        _with_decoding_error(reference) if entry.undecodable else reference
        for entry, reference in zip(batch.entries, batch.references, strict=True)
    )
    return replace(batch, references=references)


def _with_decoding_error(reference: Reference) -> Reference:
    """The reference with an error that says its bytes were not UTF-8 (and so flagged for review)."""
    message = "bytes that are not UTF-8 were read as U+FFFD"
    error = Diagnostic(code="not-utf8", message=message, severity=Severity.ERROR)
    return _held_for_review(reference, (error,), message)


def _held_for_review(reference: Reference, diagnostics: tuple[Diagnostic, ...], reason: str) -> Reference:
    """The reference with more diagnostics and a first reason to review it, its confidence held below the
    review threshold."""
    update = {
        "diagnostics": (*reference.diagnostics, *diagnostics),
        "needs_review": True,
        "review_reasons": (reason, *reference.review_reasons),
        "confidence": held_for_review(reference.confidence or 0.0),
    }
    return reference.model_copy(update=update)


def _flag_joins(_pipeline: Pipeline, batch: Batch) -> Batch:
    """``joined-lines``: the reference of an entry the splitter joined from lines that could have started
    a reference of their own says so, and is held for review."""
    if not any(entry.joins for entry in batch.entries):
        return batch
    references = tuple(
        with_joins(reference, entry.joins) for entry, reference in zip(batch.entries, batch.references, strict=True)
    )
    return replace(batch, references=references)


def with_joins(reference: Reference, joins: tuple[Diagnostic, ...]) -> Reference:
    """The reference with the splitter's warnings that it may hold two references, flagged for review;
    unchanged without them."""
    if not joins:
        return reference
    return _held_for_review(reference, joins, "it may be two references: " + joins[0].message)


def _recover_cyrillic(_pipeline: Pipeline, batch: Batch) -> Batch:
    """``cyrillic``: the batch's transliteration scheme and the Cyrillic titles of its Russian works."""
    cyrillic = importlib.import_module("translit_refs.transliteration.cyrillic")
    return replace(batch, references=tuple(cyrillic.transliterate_references(batch.references)))


#: The steps, in the order they run.
STEPS: dict[str, Step] = {
    "read": _read,
    "label": _label,
    "pair": _pair,
    "not-utf8": _flag_not_utf8,
    "joined-lines": _flag_joins,
    "cyrillic": _recover_cyrillic,
}
#: The steps that run unless switched off; the others run only when switched on.
DEFAULT_STEPS = frozenset({"read", "label", "pair", "not-utf8", "joined-lines"})


class LinesLostError(Exception):
    """Lines that could not be parsed even after their batch was run again (a worker kept dying)."""


@dataclass(frozen=True, slots=True)
class Finished(Generic[T]):
    """A batch through the pipeline: the batch as it was given, what ``then`` made of it, and how
    many entries are done, this batch's included (the progress)."""

    batch: Batch
    value: T
    done: int


@dataclass(frozen=True, slots=True)
class Pipeline:
    """How entries are read, configured once: as a list (``as_list``) or each alone, or each in a
    given ``family``; in batches of ``batch_size`` entries (None: all in one); through the steps
    ``switched_on`` (``enable`` and ``disable`` switch them by name; they run in ``STEPS``' order)."""

    as_list: bool = True
    family: StyleFamily | None = None
    batch_size: int | None = BATCH_SIZE
    switched_on: frozenset[str] = DEFAULT_STEPS

    def __post_init__(self) -> None:
        _known(self.switched_on)
        if "read" not in self.switched_on:
            raise ValueError("the read step cannot be switched off")
        if self.batch_size is not None and self.batch_size < 1:
            raise ValueError(f"a batch holds at least one entry, not {self.batch_size}")

    @property
    def steps(self) -> tuple[str, ...]:
        """The names of the steps that run, in order."""
        return tuple(name for name in STEPS if name in self.switched_on)

    def enable(self, *names: str) -> Pipeline:
        """This pipeline with the named steps switched on."""
        return replace(self, switched_on=self.switched_on | _known(names))

    def disable(self, *names: str) -> Pipeline:
        """This pipeline with the named steps switched off."""
        return replace(self, switched_on=self.switched_on - _known(names))

    def batches(self, entries: Iterable[Entry], partner: Sequence[str] | None = None) -> Iterator[Batch]:
        """The entries in batches of ``batch_size`` (none for no entries); a list with a Cyrillic
        ``partner`` list is one batch, paired with all of it."""
        size = self.batch_size if partner is None else None
        paired_with = None if partner is None else tuple(partner)
        batch: list[Entry] = []
        start = 0
        for entry in entries:
            batch.append(entry)
            if len(batch) == size:
                yield Batch(tuple(batch), start, paired_with)
                start += len(batch)
                batch = []
        if batch:
            yield Batch(tuple(batch), start, paired_with)

    def apply(self, batch: Batch) -> Batch:
        """The batch through every step that is switched on, in order."""
        for name in self.steps:
            batch = STEPS[name](self, batch)
        return batch

    def parse(self, text_or_lines: str | Iterable[str]) -> ReferenceList:
        """A reference per non-blank line of a text, or per item of an iterable, and the family the
        most of them were read in (with one batch: the family the list's entries voted for)."""
        entries = (
            text_entries(text_or_lines)
            if isinstance(text_or_lines, str)
            else [Entry(text, number) for number, text in enumerate(_items(text_or_lines), 1)]
        )
        references: list[Reference] = []
        families: Counter[StyleFamily] = Counter()
        for batch in map(self.apply, self.batches(entries)):
            references.extend(batch.references)
            if batch.family is not None:
                families[batch.family] += len(batch.entries)
        return ReferenceList(references=tuple(references), family=leading_family(families))

    def run(
        self, batches: Iterable[Batch], then: Callable[[Batch], T], jobs: int = 1, done: int = 0
    ) -> Iterator[Finished[T]]:
        """Each batch through the steps, then through ``then`` (which renders it: it runs in the worker
        too, so only its result comes back), in input order; ``done`` counts entries finished before.

        With ``jobs`` > 1 a bounded window of batches runs in a process pool (``then`` must pickle).
        A worker that dies (killed, out of memory) breaks the pool: a new pool runs the unfinished
        batches again. A batch that breaks a pool twice, or fails in its worker, is run in this
        process; if that fails too, ``LinesLostError`` names its lines."""
        work = partial(_work, self, then)
        for batch, value in _in_order(iter(batches), work, jobs):
            done += len(batch.entries)
            yield Finished(batch, value, done)


def _known(names: Collection[str]) -> frozenset[str]:
    """The names, all of them steps; a ValueError names those that are not."""
    unknown = sorted(set(names) - STEPS.keys())
    if unknown:
        raise ValueError(f"no such step: {', '.join(unknown)} (the steps: {', '.join(STEPS)})")
    return frozenset(names)


def as_read(batch: Batch) -> Batch:
    """The batch as the steps left it (``Pipeline.run``'s ``then`` for callers that want it all)."""
    return batch


def leading_family(read_in: Counter[StyleFamily]) -> StyleFamily | None:
    """The family most of a list's entries were read in, from the entries each batch's family read."""
    return read_in.most_common(1)[0][0] if read_in else None


#: The library's pipeline: the whole input is one list (``parse_list``, ``parse_references``).
LIBRARY = Pipeline(batch_size=None)


def _work(pipeline: Pipeline, then: Callable[[Batch], T], batch: Batch) -> T:
    """What one batch costs, in a worker process or in this one: the steps, then ``then``."""
    return then(pipeline.apply(batch))


def _in_order(batches: Iterator[Batch], work: Callable[[Batch], T], jobs: int) -> Iterator[tuple[Batch, T]]:
    """Each batch with its work's result, in input order; with jobs > 1 through a process pool."""
    if jobs <= 1:
        for batch in batches:
            yield batch, _run_here(work, batch).result()
        return
    window: deque[Batch] = deque()
    futures: dict[int, Future[T]] = {}
    broke: dict[int, int] = {}
    pool = ProcessPoolExecutor(max_workers=jobs)
    try:
        while True:
            while len(window) < 2 * jobs and (queued := next(batches, None)) is not None:
                window.append(queued)
                futures[id(queued)] = _submitted(pool, work, queued)
            if not window:
                return
            first = window[0]
            try:
                value = futures[id(first)].result()
            except BrokenProcessPool:
                broke[id(first)] = broke.get(id(first), 0) + 1
                pool.shutdown(wait=False, cancel_futures=True)
                pool = ProcessPoolExecutor(max_workers=jobs)
                for batch in window:
                    retried_enough = batch is first and broke[id(first)] >= 2
                    futures[id(batch)] = _run_here(work, batch) if retried_enough else _submitted(pool, work, batch)
                continue
            except Exception:  # the batch itself failed in its worker: once more here, or its lines are named
                futures[id(first)] = _run_here(work, first)
                continue
            window.popleft()
            del futures[id(first)]
            yield first, value
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _submitted(pool: ProcessPoolExecutor, work: Callable[[Batch], T], batch: Batch) -> Future[T]:
    """The batch's future in the pool; a pool a worker's death broke before the batch got in refuses it at
    once, and that refusal is the future's, read where every broken pool is (the batch is then run again)."""
    try:
        return pool.submit(work, batch)
    except BrokenProcessPool as error:
        refused: Future[T] = Future()
        refused.set_exception(error)
        return refused


def _run_here(work: Callable[[Batch], T], batch: Batch) -> Future[T]:
    """A batch run in this process, as a finished future; ``LinesLostError`` if it cannot be."""
    done: Future[T] = Future()
    try:
        done.set_result(work(batch))
    except Exception as error:
        first, last = batch.entries[0].line, batch.entries[-1].line
        raise LinesLostError(f"lines {first}–{last} could not be parsed ({error!r})") from error
    return done


#: A byte that was not UTF-8, as "surrogateescape" decodes it.
ESCAPED_BYTE = re.compile("[\udc80-\udcff]")


def stream_lines(source: Iterable[str]) -> Iterator[Entry]:
    """Every line of a stream read with "surrogateescape" and universal newlines (the line
    ``parsing.lines`` defines), numbered from 1: an opening BOM dropped, bytes that are not UTF-8
    read as U+FFFD and their line marked ``undecodable``."""
    for number, line in enumerate(source, start=1):
        text = line.rstrip("\r\n")
        if number == 1:
            text = text.removeprefix(BOM)
        if ESCAPED_BYTE.search(text):
            yield Entry(ESCAPED_BYTE.sub("\ufffd", text), number, undecodable=True)
        else:
            yield Entry(text, number)


def text_entries(text: str) -> list[Entry]:
    """The non-blank lines of a text (``parsing.lines``: universal newlines, an opening BOM dropped),
    each with its line number."""
    return [Entry(line, number) for number, line in enumerate(text_lines(text), start=1) if line.strip()]


def listed_entries(entries: Iterable[ListEntry], undecodable: bool = False) -> list[Entry]:
    """The entries a document's list was split into (``documents.listsplit``), each with its first
    line and label; with ``undecodable``, an entry holding U+FFFD is marked so."""
    return [Entry(e.text, e.first_line, e.label, undecodable and "\ufffd" in e.text, e.diagnostics) for e in entries]


def _items(lines: Iterable[str]) -> list[str]:
    """The items of an iterable of references, each one reference (a blank one too)."""
    if isinstance(lines, bytes | bytearray):
        raise InvalidArgumentError("parse_references() takes str or an iterable of str, not bytes")
    try:
        items = list(lines)
    except TypeError as error:
        raise InvalidArgumentError(f"parse_references() takes str or an iterable of str: {error}") from error
    for item in items:
        if not isinstance(item, str):
            raise InvalidArgumentError(f"parse_references() takes str items, not {type(item).__name__}")
    return items
