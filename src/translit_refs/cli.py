"""The ``translit-refs`` command line."""

from __future__ import annotations

import argparse
import contextlib
import importlib
import io
import json
import os
import re
import sys
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from tqdm import tqdm

from .documents.listsplit import split_references
from .export.bibtex_ris import to_bibtex, to_ris, unique_key
from .export.csl import to_csl_json
from .models import Severity
from .parsing.parser import parse_list

EXIT_OK = 0
EXIT_PARSE_ERRORS = 1
EXIT_USAGE = 2

_DESCRIPTION = """\
Parse transliterated reference lists (one reference per line) into CSL-JSON or JSON Lines.

examples:
  translit-refs parse references.txt --to csl-json -o references.json
  cat references.txt | translit-refs parse - --to jsonl

Diagnostics go to stderr as FILE:LINE: message; on a terminal a progress bar shows too.
Exit status: 0 all parsed cleanly, 1 some references carry error diagnostics (all are still
written), 2 usage or I/O error.
"""


def build_argument_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for documentation and tests)."""
    parser = argparse.ArgumentParser(
        prog="translit-refs", description=_DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    parse = commands.add_parser(
        "parse",
        help="parse a reference list, one reference per line",
        description="Parse FILE (or standard input with -), one reference per line; blank lines are skipped.",
    )
    parse.add_argument("file", nargs="?", default="-", metavar="FILE", help="input text file, or - for stdin")
    parse.add_argument(
        "--find",
        action="store_true",
        help="FILE is a whole document (a copied page, a PDF's text): find its reference list and parse that",
    )
    parse.add_argument(
        "--to",
        choices=("csl-json", "jsonl", "bibtex", "ris"),
        default="csl-json",
        help="csl-json: one CSL-JSON array; jsonl: the full model, one JSON object per line; "
        "bibtex (biblatex fields) or ris",
    )
    parse.add_argument("-o", "--output", metavar="OUT", help="write here instead of stdout")
    parse.add_argument(
        "-j", "--jobs", type=_positive, default=1, metavar="N", help="parse in N processes (order is kept)"
    )
    parse.add_argument(
        "--cyrillic",
        action="store_true",
        help="recover the Cyrillic title of transliterated references (needs the [translit] extra); "
        "the scheme is detected per batch of 500 references",
    )
    parse.add_argument(
        "--alone",
        action="store_true",
        help="read each reference on its own evidence; by default each batch of 500 lines is read as one "
        "list, its style family detected from all its entries",
    )
    shown = parse.add_mutually_exclusive_group()
    shown.add_argument("--progress", action="store_true", help="always show a progress bar on stderr")
    shown.add_argument("-q", "--quiet", action="store_true", help="never show a progress bar")
    split = commands.add_parser(
        "split",
        help="print the reference list of a document, one reference per line",
        description="Find the reference list in FILE (a copied page or PDF text), join wrapped lines, "
        "undo line-end hyphenation, drop list numbers, and print one reference per line.",
    )
    split.add_argument("file", nargs="?", default="-", metavar="FILE", help="input text file, or - for stdin")
    split.add_argument("-o", "--output", metavar="OUT", help="write here instead of stdout")
    return parser


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    arguments = build_argument_parser().parse_args(argv)
    try:
        source = _open_input(arguments.file)
    except OSError as error:
        print(f"translit-refs: cannot read {arguments.file}: {error.strerror or error}", file=sys.stderr)
        return EXIT_USAGE
    try:
        output = _open_output(arguments.output)
    except OSError as error:
        print(f"translit-refs: cannot write {arguments.output}: {error.strerror or error}", file=sys.stderr)
        return EXIT_USAGE
    name = "<stdin>" if arguments.file == "-" else arguments.file
    try:
        with source as lines, output as sink:
            if arguments.command == "split":
                return _split(lines, sink)
            if arguments.find:
                return _parse_stream(_found_lines(lines), sink, name, arguments)
            return _parse_stream(lines, sink, name, arguments)
    except BrokenPipeError:
        # The reader went away (e.g. "| head"): stop quietly, as Unix filters do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except UnicodeDecodeError as error:
        print(f"translit-refs: {name}: not UTF-8 text ({error.reason} at byte {error.start})", file=sys.stderr)
        return EXIT_USAGE


#: References per batch handed to a worker process (and per progress update).
BATCH_SIZE = 500


@dataclass(frozen=True, slots=True)
class _Rendered:
    """One reference rendered in a worker: its output text, stderr lines and error flag."""

    text: str
    messages: tuple[str, ...]
    has_errors: bool


@dataclass(frozen=True, slots=True)
class _Reading:
    """How a batch is read and rendered: the output format, Cyrillic recovery, entries read alone."""

    to: str
    cyrillic: bool = False
    alone: bool = False


def _render_batch(batch: list[tuple[int, int, str]], name: str, reading: _Reading) -> list[_Rendered]:
    """Parse and render (number, line number, text) triples; runs in worker processes too.

    The batch is read as one list (its style family detected from all its entries), unless
    ``alone``; the family goes to stderr as an info line before the batch's own messages.
    """
    rendered = []
    to = reading.to
    parsed = parse_list([line for _, _, line in batch], as_list=not reading.alone)
    references = list(parsed.references)
    family_note = (
        (f"{name}:{batch[0][1]}: info: lines {batch[0][1]}–{batch[-1][1]} read as a list in the "
         f"{parsed.family.value!r} style family",)
        if parsed.family is not None
        else ()
    )  # fmt: skip
    if reading.cyrillic:
        references = importlib.import_module("translit_refs.transliteration.cyrillic").transliterate_references(
            references
        )
    for (number, line_number, _), reference in zip(batch, references, strict=True):
        if to == "csl-json":
            text = json.dumps(to_csl_json(reference, f"ref-{number}"), ensure_ascii=False)
        elif to == "bibtex":
            text = to_bibtex([reference]).strip() + "\n"
        elif to == "ris":
            text = to_ris([reference]).rstrip("\n") + "\n"
        else:
            text = reference.model_dump_json()
        messages = family_note + tuple(
            f"{name}:{line_number}: {d.severity.value}: {d.message}"
            for d in reference.diagnostics
            if d.severity is not Severity.INFO
        )
        family_note = ()
        rendered.append(_Rendered(text, messages, reference.has_errors))
    return rendered


def _split(source: TextIO, output: TextIO) -> int:
    for entry in split_references(source.read()):
        output.write(" ".join(entry.text.split("\n")) + "\n")
    return EXIT_OK


def _found_lines(source: TextIO) -> Iterator[tuple[int, str]]:
    """(source line, reference) pairs of the document's reference list."""
    for entry in split_references(source.read()):
        yield entry.first_line, entry.text


def _unique_bibtex_key(entry: str, used: set[str]) -> str:
    """Entries are rendered one by one, so keys are made unique here: fbis1950, fbis1950a, …"""
    match = re.match(r"@(\w+)\{([^,]*),", entry)
    if match is None:
        return entry
    return entry[: match.start(2)] + unique_key(match.group(2), used) + entry[match.end(2) :]


def _batches(source: TextIO | Iterator[tuple[int, str]]) -> Iterator[list[tuple[int, int, str]]]:
    batch: list[tuple[int, int, str]] = []
    number = 0
    numbered = enumerate(source, start=1) if isinstance(source, io.TextIOBase | TextIO) else source
    for line_number, line in numbered:
        if line.strip():
            number += 1
            batch.append((number, line_number, line.rstrip("\r\n")))
            if len(batch) == BATCH_SIZE:
                yield batch
                batch = []
    if batch:
        yield batch


def _rendered_in_order(
    batches: Iterator[list[tuple[int, int, str]]], name: str, reading: _Reading, jobs: int
) -> Iterator[list[_Rendered]]:
    """Rendered batches in input order; with jobs > 1 a bounded window of batches runs in a process pool."""
    if jobs <= 1:
        for batch in batches:
            yield _render_batch(batch, name, reading)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        window: deque[Future[list[_Rendered]]] = deque()
        for batch in batches:
            window.append(pool.submit(_render_batch, batch, name, reading))
            if len(window) >= 2 * jobs:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()


def _parse_stream(
    source: TextIO | Iterator[tuple[int, str]], output: TextIO, name: str, options: argparse.Namespace
) -> int:
    status = EXIT_OK
    count = 0
    to: str = options.to
    show_progress = options.progress or (not options.quiet and sys.stderr.isatty())
    progress = tqdm(unit=" refs", file=sys.stderr, disable=not show_progress, delay=0 if options.progress else 0.5)
    if to == "csl-json":
        output.write("[")
    used_keys: set[str] = set()
    with progress:
        reading = _Reading(to, getattr(options, "cyrillic", False), options.alone)
        for rendered_batch in _rendered_in_order(_batches(source), name, reading, options.jobs):
            for rendered in rendered_batch:
                count += 1
                for message in rendered.messages:
                    print(message, file=sys.stderr)
                if rendered.has_errors:
                    status = EXIT_PARSE_ERRORS
                if to == "csl-json":
                    output.write(("\n  " if count == 1 else ",\n  ") + rendered.text)
                elif to == "bibtex":
                    output.write(("" if count == 1 else "\n") + _unique_bibtex_key(rendered.text, used_keys))
                else:
                    output.write(rendered.text + "\n")
            output.flush()
            progress.update(len(rendered_batch))
    if to == "csl-json":
        output.write("\n]\n" if count else "]\n")
    return status


def _open_input(path: str) -> contextlib.AbstractContextManager[TextIO]:
    if path == "-":
        if isinstance(sys.stdin, io.TextIOWrapper):
            sys.stdin.reconfigure(encoding="utf-8", errors="strict")
        return contextlib.nullcontext(sys.stdin)
    return Path(path).open(encoding="utf-8-sig", errors="strict")


def _open_output(path: str | None) -> contextlib.AbstractContextManager[TextIO]:
    if path is None:
        if isinstance(sys.stdout, io.TextIOWrapper):
            sys.stdout.reconfigure(encoding="utf-8", errors="backslashreplace")
        return contextlib.nullcontext(sys.stdout)
    return Path(path).open("w", encoding="utf-8", errors="backslashreplace")


if __name__ == "__main__":
    sys.exit(main())
