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
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TextIO

from tqdm import tqdm

from .documents.listsplit import parallel_sections, split_references
from .export.bibtex_ris import CitationKeys, to_bibtex, to_ris
from .export.csl import CSL_PROFILES, DEFAULT_CSL_PROFILE, CslProfile, to_csl_json
from .models import Severity
from .parsing.lines import BOM, text_lines
from .pipeline import (
    BATCH_SIZE,
    ESCAPED_BYTE,
    Batch,
    Entry,
    LinesLostError,
    Pipeline,
    listed_entries,
    stream_lines,
)

EXIT_OK = 0
EXIT_NEEDS_REVIEW = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

_DESCRIPTION = """\
Parse transliterated reference lists (one reference per line) into CSL-JSON or JSON Lines.

examples:
  translit-refs parse references.txt --to csl-json -o references.json
  cat references.txt | translit-refs parse - --to jsonl

Diagnostics go to stderr as FILE:LINE: message; on a terminal a progress bar shows too.
A line ends at \\n, \\r\\n or \\r; bytes that are not UTF-8 are read as U+FFFD, and their line
carries an error. Output files are written whole or not at all (a temporary file, then a rename).
Each reference carries a calibrated confidence; one a person should check is listed on stderr
as FILE:LINE: review: <the gravest reason> (--flagged writes only those).
Exit status: 0 no reference needs review, 1 some references need review (all are still
written), 2 usage or I/O error (nothing half-written is left), 130 interrupted.
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
    parse.add_argument(
        "--csl-profile",
        choices=CSL_PROFILES,
        default=DEFAULT_CSL_PROFILE,
        help="data: CSL-JSON for programs, extras in custom; display: for CSL processors and reference managers, "
        'titles as APA 7 prints them ("Original [Translation]"), Zotero-less variables also in note '
        "(docs/exports.md)",
    )
    parse.add_argument("-o", "--output", metavar="OUT", help="write here instead of stdout")
    parse.add_argument(
        "-j", "--jobs", type=_positive, default=1, metavar="N", help="parse in N processes (order is kept)"
    )
    parse.add_argument(
        "--cyrillic",
        action="store_true",
        help="recover the Cyrillic title of transliterated references (needs the [translit] extra); "
        f"the scheme is detected per batch of {BATCH_SIZE} references",
    )
    parse.add_argument(
        "--alone",
        action="store_true",
        help=f"read each reference on its own evidence; by default each batch of {BATCH_SIZE} lines is read as "
        "one list, its style family detected from all its entries",
    )
    parse.add_argument(
        "--parallel",
        metavar="CYRILLIC",
        help="the article's Cyrillic list (a file, one reference per line): each reference of FILE is paired "
        "with its partner there and takes the Cyrillic title, names and container from it (docs/parallel.md)",
    )
    parse.add_argument(
        "--flagged",
        action="store_true",
        help="write only the references that need review (each keeps its number: ref-N is the N-th reference)",
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
    serve = commands.add_parser(
        "serve",
        help="a local web page: paste a list, see its fields, fix, export (needs the web extra)",
        description="Serve the web page (docs/web.md) until interrupted; it only listens on HOST.",
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine)")
    serve.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    return parser


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    arguments = build_argument_parser().parse_args(argv)
    if arguments.command == "serve":
        return _serve(arguments.host, arguments.port)
    partner: tuple[str, ...] | None = None
    partner_damaged = False
    if getattr(arguments, "parallel", None):
        try:
            partner, partner_damaged = _partner_list(arguments.parallel)
        except OSError as error:
            print(f"translit-refs: cannot read {arguments.parallel}: {error.strerror or error}", file=sys.stderr)
            return EXIT_USAGE
    try:
        source = _open_input(arguments.file)
    except OSError as error:
        print(f"translit-refs: cannot read {arguments.file}: {error.strerror or error}", file=sys.stderr)
        return EXIT_USAGE
    try:
        output = AtomicOutput(arguments.output)
    except OSError as error:
        print(f"translit-refs: cannot write {arguments.output}: {error.strerror or error}", file=sys.stderr)
        return EXIT_USAGE
    name = "<stdin>" if arguments.file == "-" else arguments.file
    target = arguments.output or "<stdout>"
    try:
        with source as lines, output as sink:
            if arguments.command == "split":
                status = _split(lines, sink, name)
            elif arguments.find:
                found, found_partner = _found_lines(lines, name)
                status = _parse_stream(found, sink, name, arguments, partner or found_partner)
            else:
                status = _parse_stream(stream_lines(lines), sink, name, arguments, partner)
                if partner_damaged:
                    status = max(status, EXIT_NEEDS_REVIEW)
            output.commit()
            return status
    except BrokenPipeError:
        # The reader went away (e.g. "| head"): stop quietly, as Unix filters do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        print("translit-refs: interrupted; nothing was written" if arguments.output else "translit-refs: interrupted",
              file=sys.stderr)  # fmt: skip
        return EXIT_INTERRUPTED
    except LinesLostError as error:
        print(f"translit-refs: {name}: {error}; nothing was written" if arguments.output else f"translit-refs: {error}",
              file=sys.stderr)  # fmt: skip
        return EXIT_USAGE
    except OSError as error:
        print(f"translit-refs: cannot write {target}: {error.strerror or error}", file=sys.stderr)
        return EXIT_USAGE


def _serve(host: str, port: int) -> int:
    """Run the web page's server (``translit_refs.web.app``, imported only here)."""
    try:
        app = importlib.import_module("translit_refs.web.app")
    except ImportError as error:
        print(f"translit-refs: serve needs the web extra: pip install 'translit-refs[web]' ({error})", file=sys.stderr)
        return EXIT_USAGE
    print(f"translit-refs: serving on http://{host}:{port}/ (Ctrl-C stops)", file=sys.stderr)
    app.serve(host, port)
    return EXIT_OK


class AtomicOutput:
    """Standard output, or a file written whole or not at all: a temporary file in the same folder,
    renamed over the target by ``commit``. An interrupt, a crash or a full disk leaves the target as
    it was. A target that is no regular file (a device, a pipe: "/dev/full") is written directly."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.temporary: str | None = None
        self.stream: TextIO
        if path is None:
            if isinstance(sys.stdout, io.TextIOWrapper):
                sys.stdout.reconfigure(encoding="utf-8", errors="backslashreplace")
            self.stream = sys.stdout
            return
        target = Path(path)
        if target.exists() and not target.is_file():
            self.stream = target.open("w", encoding="utf-8", errors="backslashreplace")
            return
        handle, self.temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
        self.stream = os.fdopen(handle, "w", encoding="utf-8", errors="backslashreplace")

    def __enter__(self) -> TextIO:
        return self.stream

    def commit(self) -> None:
        """Everything is written: flush it and put it in place."""
        self.stream.flush()
        if self.path is not None:
            self.stream.close()
        if self.temporary is not None and self.path is not None:
            os.replace(self.temporary, self.path)
            self.temporary = None

    def __exit__(self, *exc_info: object) -> None:
        if self.path is not None and not self.stream.closed:
            with contextlib.suppress(OSError):
                self.stream.close()
        if self.temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(self.temporary)


@dataclass(frozen=True, slots=True)
class _Rendered:
    """One reference rendered in a worker: its output text, stderr lines and whether it needs review."""

    text: str
    messages: tuple[str, ...]
    needs_review: bool


@dataclass(frozen=True, slots=True)
class _Rendering:
    """How a batch is rendered: the input's name (for messages), the output format, the CSL profile."""

    name: str
    to: str
    csl_profile: CslProfile = DEFAULT_CSL_PROFILE


def _render_batch(batch: Batch, rendering: _Rendering) -> list[_Rendered]:
    """Render a batch the pipeline has read; runs in worker processes too.

    The family the batch was read in (and, with a Cyrillic list, how many references found a
    partner) goes to stderr as an info line before the batch's own messages.
    """
    rendered = []
    name, to = rendering.name, rendering.to
    entries = batch.entries
    family_note: tuple[str, ...] = (
        (f"{name}:{entries[0].line}: info: lines {entries[0].line}–{entries[-1].line} read as a list in the "
         f"{batch.family.value!r} style family",)
        if batch.family is not None
        else ()
    )  # fmt: skip
    if batch.partner is not None and batch.paired is not None:
        family_note += (f"{name}: info: {batch.paired} of {len(entries)} references paired with the "
                        f"{len(batch.partner)} entries of the Cyrillic list",)  # fmt: skip
    for number, (entry, reference) in enumerate(zip(entries, batch.references, strict=True), batch.start + 1):
        if to == "csl-json":
            text = json.dumps(to_csl_json(reference, f"ref-{number}", rendering.csl_profile), ensure_ascii=False)
        elif to == "bibtex":
            text = to_bibtex([reference]).strip() + "\n"
        elif to == "ris":
            text = to_ris([reference]).rstrip("\n") + "\n"
        else:
            text = reference.model_dump_json()
        messages = family_note + tuple(
            f"{name}:{entry.line}: {d.severity.value}: {d.message}"
            for d in reference.diagnostics
            if d.severity is not Severity.INFO
        )
        if reference.needs_review:
            reason = reference.review_reasons[0] if reference.review_reasons else "low confidence"
            messages += (f"{name}:{entry.line}: review: {reason} (confidence {reference.confidence})",)
        family_note = ()
        rendered.append(_Rendered(text, messages, reference.needs_review))
    return rendered


def _decoded(text: str, name: str) -> tuple[str, bool]:
    """Text read with "surrogateescape": each byte that is not UTF-8 becomes U+FFFD, and each of their
    lines is reported on stderr. Returns the text and whether any byte was bad."""
    if not ESCAPED_BYTE.search(text):
        return text, False
    for number, line in enumerate(text_lines(text), start=1):
        if ESCAPED_BYTE.search(line):
            print(f"{name}:{number}: error: bytes that are not UTF-8 were read as U+FFFD", file=sys.stderr)
    return ESCAPED_BYTE.sub("\ufffd", text), True


def _split(source: TextIO, output: TextIO, name: str) -> int:
    text, undecodable = _decoded(source.read().removeprefix(BOM), name)
    for entry in split_references(text):
        output.write(" ".join(entry.text.split("\n")) + "\n")
    return EXIT_NEEDS_REVIEW if undecodable else EXIT_OK


def _found_lines(source: TextIO, name: str) -> tuple[list[Entry], tuple[str, ...] | None]:
    """The entries of the document's reference list, and its Cyrillic partner list when the document
    prints both (then the transliterated list is the one parsed)."""
    text, undecodable = _decoded(source.read().removeprefix(BOM), name)
    both = parallel_sections(text)
    entries = list(both[1].entries) if both else split_references(text)
    partner = tuple(entry.text for entry in both[0].entries) if both else None
    if both:
        print(f"{name}: info: {len(entries)} references read with their Cyrillic list "
              f"({both[0].heading or 'unheaded'}, {len(partner or ())} entries)", file=sys.stderr)  # fmt: skip
    return listed_entries(entries, undecodable), partner


def _partner_list(path: str) -> tuple[tuple[str, ...], bool]:
    """The lines of a Cyrillic partner list, read as the input is (UTF-8, bad bytes as U+FFFD and
    named on stderr), and whether any line held such bytes."""
    lines = []
    damaged = False
    with _open_input(path) as source:
        for line in stream_lines(source):
            if line.undecodable:
                damaged = True
                print(f"{path}:{line.line}: error: bytes that are not UTF-8 were read as U+FFFD", file=sys.stderr)
            if line.text.strip():
                lines.append(line.text)
    return tuple(lines), damaged


def _unique_bibtex_key(entry: str, keys: CitationKeys) -> str:
    """Entries are rendered one by one, so keys are made unique here: fbis1950, fbis1950a, …"""
    match = re.match(r"@(\w+)\{([^,]*),", entry)
    if match is None:
        return entry
    return entry[: match.start(2)] + keys.unique(match.group(2)) + entry[match.end(2) :]


def _parse_stream(
    source: Iterable[Entry],
    output: TextIO,
    name: str,
    options: argparse.Namespace,
    partner: tuple[str, ...] | None = None,
) -> int:
    """Parse and write every non-blank line (``pipeline``); with a Cyrillic ``partner`` list the input is
    one list, paired with it."""
    status = EXIT_OK
    count = 0
    to: str = options.to
    show_progress = options.progress or (not options.quiet and sys.stderr.isatty())
    progress = tqdm(unit=" refs", file=sys.stderr, disable=not show_progress, delay=0 if options.progress else 0.5)
    if to == "csl-json":
        output.write("[")
    used_keys = CitationKeys()
    with progress:
        pipeline = Pipeline(as_list=not options.alone)
        if getattr(options, "cyrillic", False):
            pipeline = pipeline.enable("cyrillic")
        rendering = _Rendering(name, to, getattr(options, "csl_profile", DEFAULT_CSL_PROFILE))
        batches = pipeline.batches((entry for entry in source if entry.text.strip()), partner)
        for finished in pipeline.run(batches, partial(_render_batch, rendering=rendering), options.jobs):
            for rendered in finished.value:
                for message in rendered.messages:
                    print(message, file=sys.stderr)
                if rendered.needs_review:
                    status = EXIT_NEEDS_REVIEW
                elif options.flagged:
                    continue
                count += 1
                if to == "csl-json":
                    output.write(("\n  " if count == 1 else ",\n  ") + rendered.text)
                elif to == "bibtex":
                    output.write(("" if count == 1 else "\n") + _unique_bibtex_key(rendered.text, used_keys))
                else:
                    output.write(rendered.text + "\n")
            output.flush()
            progress.update(len(finished.batch.entries))
    if to == "csl-json":
        output.write("\n]\n" if count else "]\n")
    return status


def _open_input(path: str) -> contextlib.AbstractContextManager[TextIO]:
    """The input as text: UTF-8, bytes that are not UTF-8 kept as surrogate escapes (then read as
    U+FFFD, their lines flagged), universal newlines: the line ``parsing.lines`` defines."""
    if path == "-":
        binary = getattr(sys.stdin, "buffer", None)
        if binary is None:
            return contextlib.nullcontext(sys.stdin)
        stream = io.TextIOWrapper(binary, encoding="utf-8", errors="surrogateescape", newline=None)
        return contextlib.nullcontext(stream)
    return Path(path).open(encoding="utf-8", errors="surrogateescape", newline=None)


if __name__ == "__main__":
    sys.exit(main())
