"""What the web application computes, without the web: the command line's parse pipeline.

``parse_text`` finds the lists of a pasted text as ``find_reference_sections`` does (a bare list
is one list; a page gives its "References" and its "How to Cite" line separately; a page with a
Cyrillic list and its transliteration pairs them as ``translit-refs parse --find`` does), reads
each list through ``translit_refs.pipeline`` (batches of ``BATCH_SIZE`` entries, each read as one
list, as the command line reads them), and gives every reference as JSON with its located field
spans (``translit_refs.spans``).
``export`` turns references (as ``parse_text`` gave them, perhaps edited) into CSL-JSON, BibTeX or
RIS. Nothing here imports a web framework; nothing is written to disk.
``load_json`` reads a request body; every malformed body is a ``RequestError`` (a 400), and one
past a bound of ``Limits`` a ``TooLargeError`` (a 413), never another exception.
"""

from __future__ import annotations

import importlib
import json
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..documents.listsplit import ReferenceSection, find_reference_sections, parallel_sections
from ..export.bibtex_ris import to_bibtex, to_ris
from ..export.csl import to_csl_json_list
from ..models import LONE_SURROGATE, Reference, StyleFamily
from ..parsing.lines import BOM, text_lines
from ..pipeline import Entry, Pipeline, as_read, leading_family, listed_entries, text_entries
from ..spans import field_spans

#: Export formats and their media types.
EXPORTS = {
    "csl-json": "application/vnd.citationstyles.csl+json",
    "bibtex": "application/x-bibtex",
    "ris": "application/x-research-info-systems",
}
#: Keys ``reference_json`` adds to the model's fields; ``export`` drops them.
_VIEW_KEYS = ("spans", "label", "line")
#: The keys of a parse request, and those of them that are switches (true or false).
REQUEST_KEYS = ("text", "find", "partner", "cyrillic", "alone", "lines", "family")
_SWITCHES = ("find", "cyrillic", "alone")
#: The kind of list that cites the article itself ("How to Cite"): shown, never exported with the
#: bibliography.
HOW_TO_CITE = "how-to-cite"


#: The deepest nesting of arrays and objects a request may have (a reference is three levels deep).
MAX_JSON_DEPTH = 32


class RequestError(ValueError):
    """A request the service cannot answer, with a message for the person who sent it."""


class TooLargeError(RequestError):
    """A request past one of the ``Limits`` (a 413): its message says the size and the limit."""

    def __init__(self, what: str, size: int | None, limit: int, unit: str) -> None:
        if size is None:  # refused while it was being made
            counted = f"more than the limit of {_count(limit, unit)}"
        else:
            counted = f"{_count(size, unit)}; the limit is {_count(limit, unit)}"
        super().__init__(f"The {what} is too large ({counted}). Paste a shorter list, or parse it in parts.")
        self.limit = limit


def _count(number: int, unit: str) -> str:
    """``number`` for people: bytes as "812 bytes", "3.2 KB", "16.8 MB"; else "5,000 references"."""
    if unit != "bytes":
        return f"{number:,} {unit}".rstrip()
    if number < 1000:
        return f"{number} bytes"
    return f"{number / 1e3:.1f} KB" if number < 1_000_000 else f"{number / 1e6:.1f} MB"


@dataclass(frozen=True, slots=True)
class Limits:
    """What one request may cost (``docs/web.md``). The application enforces the body's size and the
    time to read it; the service the rest, before the work they bound."""

    #: The request body, counted while it is read (a declared ``Content-Length`` above it is refused
    #: before reading): 2,000 references sent back with their fields for an export are about 4 MB.
    body_bytes: int = 16 * 1024 * 1024
    #: Seconds to read the whole body (a client sending slowly gets a 408 after them).
    body_seconds: float = 15.0
    #: Characters of ``text``, ``partner`` and ``lines`` together: a pasted page of 2,000
    #: references is about 0.5 million.
    text_characters: int = 2_000_000
    #: Lines of ``text`` and ``partner``, and ``lines``, together (finding the lists of a page costs
    #: by the line as well as by the character).
    lines: int = 25_000
    #: References (entries found, lines, partner lines, or references sent for an export).
    references: int = 5_000
    #: Bytes of one answer (about 2.4 KB a reference with its spans; 2,000 references: 5 MB).
    answer_bytes: int = 32 * 1024 * 1024
    #: Requests parsed or exported at once (threads); others wait, and the page is served meanwhile.
    workers: int = 2


#: The limits ``translit-refs serve`` applies.
DEFAULT_LIMITS = Limits()


def load_json(data: bytes) -> Any:
    """The JSON value of a request body (invalid UTF-8 read as U+FFFD, an empty body as ``{}``); a
    RequestError for anything else than JSON, for NaN or Infinity, for numbers of more than 4,300
    digits, for nesting deeper than ``MAX_JSON_DEPTH`` and for lone surrogates."""

    def constant(name: str) -> Any:
        raise RequestError(f"the request is not JSON ({name} is not a JSON number)")

    try:
        value = json.loads(data.decode("utf-8", errors="replace") or "{}", parse_constant=constant)
    except json.JSONDecodeError as error:
        raise RequestError(f"the request is not JSON ({error.msg} at character {error.pos})") from error
    except RecursionError as error:
        raise RequestError(f"the request is nested deeper than {MAX_JSON_DEPTH} levels") from error
    except ValueError as error:  # a number past the interpreter's limit of digits
        if isinstance(error, RequestError):
            raise
        raise RequestError(f"the request is not usable JSON ({error})") from error
    _check_json(value)
    return value


def _check_json(value: Any) -> None:
    """A RequestError if ``value`` nests deeper than ``MAX_JSON_DEPTH`` or holds a lone surrogate
    (which no answer could encode); one pass, without recursion."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, str):
            if LONE_SURROGATE.search(item):  # a JSON escape may make one
                raise RequestError("the request holds a lone surrogate (an escape such as \\ud800, no character)")
        elif isinstance(item, dict | list):
            if depth > MAX_JSON_DEPTH:
                raise RequestError(f"the request is nested deeper than {MAX_JSON_DEPTH} levels")
            children = [*item, *item.values()] if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)


@dataclass(frozen=True, slots=True)
class Options:
    """How a text is read: ``find`` its lists (else one reference per line), recover ``cyrillic``
    titles, read each entry ``alone``; a ``partner`` Cyrillic list to pair the list with; the
    ``family`` to read ``lines`` in (an edited entry is read in its list's family)."""

    find: bool = True
    cyrillic: bool = False
    alone: bool = False
    partner: str | None = None
    family: StyleFamily | None = None
    lines: tuple[str, ...] | None = None

    def pipeline(self) -> Pipeline:
        """The parse pipeline these options configure (``lines`` given a ``family`` are read in it); a
        RequestError if Cyrillic recovery is asked for without the extra it needs."""
        pipeline = Pipeline(as_list=not self.alone, family=self.family if self.lines is not None else None)
        if self.cyrillic:
            _transliteration()  # a missing extra is said before anything is parsed
            return pipeline.enable("cyrillic")
        return pipeline

    @classmethod
    def from_json(cls, body: Any) -> tuple[str, Options]:
        """The text and options of a request body ``{"text": …, "find": …, …}``."""
        if not isinstance(body, dict):
            raise RequestError('send a JSON object such as {"text": "…"}')
        unknown = sorted(set(body) - set(REQUEST_KEYS))
        if unknown:
            raise RequestError(f"unknown key{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))}: "
                               f"use {', '.join(REQUEST_KEYS)}")  # fmt: skip
        for switch in _SWITCHES:
            if switch in body and not isinstance(body[switch], bool):
                raise RequestError(f'"{switch}" must be true or false')
        text = body.get("text", "")
        lines = body.get("lines")
        partner = body.get("partner")
        family = body.get("family")
        if not isinstance(text, str) or not (partner is None or isinstance(partner, str)):
            raise RequestError('"text" and "partner" must be strings')
        if lines is not None and not (isinstance(lines, list) and all(isinstance(line, str) for line in lines)):
            raise RequestError('"lines" must be a list of strings')
        if family not in (None, "") and (not isinstance(family, str) or family not in {f.value for f in StyleFamily}):
            raise RequestError(f'"family" must be one of {", ".join(f.value for f in StyleFamily)}')
        options = cls(
            find=bool(body.get("find", True)),
            cyrillic=bool(body.get("cyrillic", False)),
            alone=bool(body.get("alone", False)),
            partner=partner or None,
            family=StyleFamily(family) if family else None,
            lines=tuple(lines) if lines is not None else None,
        )
        return text, options


@dataclass(slots=True)
class _List:
    """A list found in the text: its kind, heading, entries (text, label, source line) and partner."""

    kind: str
    heading: str | None
    entries: list[Entry]
    partner: tuple[str, ...] | None = None
    partner_heading: str | None = None
    #: Entries read in each family (batches of a long list may differ).
    families: Counter[StyleFamily] = field(default_factory=Counter)
    #: The splitter's warnings for an entry (by its line): lines it joined that could start a reference.


def found_lists(text: str, options: Options) -> tuple[list[_List], int]:
    """The lists of the text, as the CLI finds them (``--find``), or its lines as one list; and how
    many non-blank lines of the text are in no list (prose of a page, or entries a bare list's
    densest run left out: the page says so)."""
    text = text.removeprefix(BOM)
    if options.lines is not None:
        given = [Entry(line, number) for number, line in enumerate(options.lines, 1)]
        return [_List("lines", None, given)], 0
    if not options.find:
        lines = text_entries(text)
        return ([_List("lines", None, lines, _partner_lines(options.partner))] if lines else []), 0
    both = parallel_sections(text) if options.partner is None else None
    found: list[_List] = []
    sections = find_reference_sections(text)
    for section in sections:
        if both is not None and section == both[0]:
            continue  # the Cyrillic list: read with its transliteration, as its partner
        listed = _List(section.kind, section.heading, listed_entries(section.entries))
        if both is not None and section == both[1]:
            listed.partner = tuple(entry.text for entry in both[0].entries)
            listed.partner_heading = both[0].heading
        elif options.partner is not None and section.kind == "references" and not any(f.partner for f in found):
            listed.partner = _partner_lines(options.partner)
        found.append(listed)
    return found, _outside(text, sections)


def _outside(text: str, sections: Sequence[ReferenceSection]) -> int:
    """Non-blank lines of the text in no entry of any section, headings aside."""
    covered = {n for s in sections for e in s.entries for n in range(e.first_line, e.last_line + 1)}
    headings = {s.heading for s in sections if s.heading}
    return sum(
        1
        for number, line in enumerate(text_lines(text), 1)
        if line.strip() and number not in covered and line.strip() not in headings
    )


def _partner_lines(partner: str | None) -> tuple[str, ...] | None:
    if partner is None:
        return None
    return tuple(entry.text for entry in text_entries(partner))


def bounded_lists(text: str, options: Options, limits: Limits) -> tuple[list[_List], int]:
    """``found_lists``, after checking the text's size, and before any reference is read, their
    number: a TooLargeError past ``limits``."""
    size = len(text) + len(options.partner or "") + sum(map(len, options.lines or ()))
    if size > limits.text_characters:
        raise TooLargeError("text", size, limits.text_characters, "characters")
    lines = len(text_lines(text)) + len(text_lines(options.partner or "")) - (not options.partner)
    lines += len(options.lines or ())
    if lines > limits.lines:
        raise TooLargeError("text", lines, limits.lines, "lines")
    lists, outside = found_lists(text, options)
    count = max(sum(len(listed.entries) for listed in lists), *(len(listed.partner or ()) for listed in lists), 0)
    if count > limits.references:
        raise TooLargeError("list", count, limits.references, "references")
    return lists, outside


def parse_events(
    text: str, options: Options, limits: Limits = DEFAULT_LIMITS, checkpoint: Callable[[], None] | None = None
) -> Iterator[dict[str, Any]]:
    """The parse as events, for progress: ``start`` (the lists and their sizes), one ``batch`` per
    batch of references read, one ``list`` per list finished (its family), then ``done``.
    ``checkpoint`` is called before each batch and each reference (it may raise to stop the work:
    the application's when the client has gone)."""
    pipeline = options.pipeline()
    lists, outside = bounded_lists(text, options, limits)
    check = checkpoint or _carry_on
    total = sum(len(listed.entries) for listed in lists)
    yield {
        "event": "start",
        "total": total,
        "outside": outside,
        "lists": [{"kind": listed.kind, "heading": listed.heading, "count": len(listed.entries)} for listed in lists],
    }
    done = 0
    for number, listed in enumerate(lists):
        paired = 0
        check()
        for finished in pipeline.run(pipeline.batches(listed.entries, listed.partner), as_read, done=done):
            batch, done = finished.value, finished.done
            if batch.family is not None:
                listed.families[batch.family] += len(batch.entries)
            paired += batch.paired or 0
            references = []
            for reference, entry in zip(batch.references, batch.entries, strict=True):
                check()
                references.append(reference_json(reference, entry.label, entry.line))
            yield {"event": "batch", "list": number, "done": done, "total": total, "references": references}
            check()
        most = leading_family(listed.families)
        summary: dict[str, Any] = {"event": "list", "list": number, "family": most.value if most else None}
        if len(listed.families) > 1:
            summary["families"] = {family.value: count for family, count in listed.families.items()}
        if listed.partner is not None:
            summary["partner"] = {"heading": listed.partner_heading, "count": len(listed.partner), "paired": paired}
        yield summary
    yield {"event": "done", "total": total}


def _carry_on() -> None:
    """The checkpoint that never stops the work."""


def _transliteration() -> None:
    """A RequestError that names the extra Cyrillic recovery needs, if it is not installed."""
    try:
        importlib.import_module("translit_refs.transliteration.cyrillic")
    except ImportError as error:
        message = "Cyrillic recovery needs the translit extra: pip install 'translit-refs[translit]'"
        raise RequestError(message) from error


def parse_text(text: str, options: Options) -> dict[str, Any]:
    """The whole parse as one JSON document: ``{"lists": [{kind, heading, family, references}], "count",
    "outside"}`` (``outside``: the non-blank lines in no list)."""
    lists: list[dict[str, Any]] = []
    outside = 0
    for event in parse_events(text, options):
        if event["event"] == "start":
            lists = [{**listed, "family": None, "references": []} for listed in event["lists"]]
            outside = event["outside"]
        elif event["event"] == "batch":
            lists[event["list"]]["references"].extend(event["references"])
        elif event["event"] == "list":
            lists[event["list"]].update({k: v for k, v in event.items() if k not in ("event", "list")})
    return {"lists": lists, "count": sum(len(listed["references"]) for listed in lists), "outside": outside}


def reference_json(reference: Reference, label: str | None = None, line: int | None = None) -> dict[str, Any]:
    """The full model as JSON, with its located ``spans`` ({field, index, start, end, verbatim}),
    the list ``label`` it was printed with and its ``line`` in the pasted text."""
    data = reference.model_dump(mode="json")
    data["spans"] = [
        {"field": s.field, "index": s.index, "start": s.start, "end": s.end, "verbatim": s.verbatim}
        for s in field_spans(reference)
    ]
    data["label"] = label
    data["line"] = line
    return data


def references_from_json(items: Any) -> list[Reference]:
    """References sent back by the page (as ``reference_json`` gave them, perhaps re-parsed)."""
    if not isinstance(items, list):
        raise RequestError('"references" must be a list of references')
    references = []
    for number, item in enumerate(items, 1):
        if not isinstance(item, dict):
            raise RequestError(f"reference {number} is not an object")
        try:
            references.append(Reference.model_validate({k: v for k, v in item.items() if k not in _VIEW_KEYS}))
        except ValueError as error:
            raise RequestError(f"reference {number} is not a valid reference: {error}") from error
    return references


def export(to: str, body: Any, limits: Limits = DEFAULT_LIMITS, checkpoint: Callable[[], None] | None = None) -> bytes:
    """CSL-JSON, BibTeX or RIS (UTF-8) of ``{"references": [...]}`` (models) or ``{"text": …}``
    (parsed: the lists found in the text, without the "How to Cite" line, which cites the article
    itself); a TooLargeError past ``limits``. ``checkpoint`` as for ``parse_events``."""
    if to not in EXPORTS:
        raise RequestError(f"unknown export {to!r}: use one of {', '.join(EXPORTS)}")
    check = checkpoint or _carry_on
    if isinstance(body, dict) and "references" in body:
        if set(body) != {"references"}:
            raise RequestError('send {"references": [...]} alone, or the text and options of a parse')
        if isinstance(body["references"], list) and len(body["references"]) > limits.references:
            raise TooLargeError("list", len(body["references"]), limits.references, "references")
        references = references_from_json(body["references"])
    else:
        text, options = Options.from_json(body)
        pipeline = options.pipeline()
        references = []
        for listed in bounded_lists(text, options, limits)[0]:
            if listed.kind == HOW_TO_CITE:  # the article itself is not in its bibliography
                continue
            for finished in pipeline.run(pipeline.batches(listed.entries, listed.partner), as_read):
                check()
                references.extend(finished.value.references)
    check()
    if to == "csl-json":
        content = json.dumps(to_csl_json_list(references), ensure_ascii=False, indent=2) + "\n"
    else:
        content = to_bibtex(references) if to == "bibtex" else to_ris(references)
    encoded = content.encode("utf-8")
    if len(encoded) > limits.answer_bytes:
        raise TooLargeError("answer", len(encoded), limits.answer_bytes, "bytes")
    return encoded
