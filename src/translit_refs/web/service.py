"""What the web application computes, without the web: the command line's parse pipeline.

``parse_text`` finds the lists of a pasted text as ``find_reference_sections`` does (a bare list
is one list; a page gives its "References" and its "How to Cite" line separately; a page with a
Cyrillic list and its transliteration pairs them as ``translit-refs parse --find`` does), reads
each list through ``translit_refs.pipeline`` (batches of ``BATCH_SIZE`` entries, each read as one
list, as the command line reads them), and gives every reference as JSON with its located field
spans (``translit_refs.spans``).
``export`` turns references (as ``parse_text`` gave them, perhaps edited) into CSL-JSON, BibTeX or
RIS. Nothing here imports a web framework; nothing is written to disk.
"""

from __future__ import annotations

import importlib
import json
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..documents.listsplit import ReferenceSection, find_reference_sections, parallel_sections
from ..export.bibtex_ris import to_bibtex, to_ris
from ..export.csl import to_csl_json_list
from ..models import Reference, StyleFamily
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


class RequestError(ValueError):
    """A request the service cannot answer, with a message for the person who sent it."""


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
        partner = body.get("partner") or None
        family = body.get("family") or None
        if not isinstance(text, str) or not (partner is None or isinstance(partner, str)):
            raise RequestError('"text" and "partner" must be strings')
        if lines is not None and not (isinstance(lines, list) and all(isinstance(line, str) for line in lines)):
            raise RequestError('"lines" must be a list of strings')
        if family is not None and family not in {f.value for f in StyleFamily}:
            raise RequestError(f'"family" must be one of {", ".join(f.value for f in StyleFamily)}')
        options = cls(
            find=bool(body.get("find", True)),
            cyrillic=bool(body.get("cyrillic", False)),
            alone=bool(body.get("alone", False)),
            partner=partner,
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


def parse_events(text: str, options: Options) -> Iterator[dict[str, Any]]:
    """The parse as events, for progress: ``start`` (the lists and their sizes), one ``batch`` per
    batch of references read, one ``list`` per list finished (its family), then ``done``."""
    pipeline = options.pipeline()
    lists, outside = found_lists(text, options)
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
        for finished in pipeline.run(pipeline.batches(listed.entries, listed.partner), as_read, done=done):
            batch, done = finished.value, finished.done
            if batch.family is not None:
                listed.families[batch.family] += len(batch.entries)
            paired += batch.paired or 0
            yield {
                "event": "batch",
                "list": number,
                "done": done,
                "total": total,
                "references": [
                    reference_json(reference, entry.label, entry.line)
                    for reference, entry in zip(batch.references, batch.entries, strict=True)
                ],
            }
        most = leading_family(listed.families)
        summary: dict[str, Any] = {"event": "list", "list": number, "family": most.value if most else None}
        if len(listed.families) > 1:
            summary["families"] = {family.value: count for family, count in listed.families.items()}
        if listed.partner is not None:
            summary["partner"] = {"heading": listed.partner_heading, "count": len(listed.partner), "paired": paired}
        yield summary
    yield {"event": "done", "total": total}


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


def export(to: str, body: Any) -> str:
    """CSL-JSON, BibTeX or RIS of ``{"references": [...]}`` (models) or ``{"text": …}`` (parsed: the
    lists found in the text, without the "How to Cite" line, which cites the article itself)."""
    if to not in EXPORTS:
        raise RequestError(f"unknown export {to!r}: use one of {', '.join(EXPORTS)}")
    if isinstance(body, dict) and "references" in body:
        if set(body) != {"references"}:
            raise RequestError('send {"references": [...]} alone, or the text and options of a parse')
        references = references_from_json(body["references"])
    else:
        text, options = Options.from_json(body)
        pipeline = options.pipeline()
        references = [
            reference
            for listed in found_lists(text, options)[0]
            if listed.kind != HOW_TO_CITE  # the article itself is not in its bibliography
            for finished in pipeline.run(pipeline.batches(listed.entries, listed.partner), as_read)
            for reference in finished.value.references
        ]
    if to == "csl-json":
        return json.dumps(to_csl_json_list(references), ensure_ascii=False, indent=2) + "\n"
    if to == "bibtex":
        return to_bibtex(references)
    return to_ris(references)
