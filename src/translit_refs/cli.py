"""The ``translit-refs`` command line."""

from __future__ import annotations

import argparse
import codecs
import contextlib
import importlib
import io
import json
import os
import re
import signal
import socket
import stat
import sys
import tempfile
import traceback
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import BinaryIO, TextIO

from tqdm import tqdm

from . import __version__, interrupts
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
#: Only with ``--fail-on-review``: done, and some reference needs review.
EXIT_NEEDS_REVIEW = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
#: Stopped by Ctrl-C (SIGINT); SIGTERM and SIGHUP stop alike, with 128 + their number (143, 129).
EXIT_INTERRUPTED = 130
#: The longest line read (and, for ``split`` and ``--find``, the longest document): what is longer is
#: no reference list (/dev/zero, a stream without line breaks), and reading it would never end.
MAX_LINE = 64_000_000

_DESCRIPTION = """\
Parse transliterated reference lists (one reference per line) into CSL-JSON, JSON Lines, BibTeX
(biblatex fields) or RIS; find and split the reference list of a whole document; or serve a local
web page to check and fix a list.

examples:
  translit-refs parse references.txt --to csl-json -o references.json
  translit-refs parse references.txt --to bibtex -o references.bib     # or --to ris
  cat references.txt | translit-refs parse - --to jsonl
  translit-refs split page.txt

Diagnostics go to stderr as FILE:LINE: message; on a terminal a progress bar shows too.
Input is UTF-8, or UTF-16/UTF-32 with a BOM; a file in another encoding (cp1251, koi8-r, ...) is
detected and read with one warning that names the encoding; binary input (NUL bytes) is refused.
Bytes that still cannot be decoded are read as U+FFFD, and their line carries an error.
A line ends at \\n, \\r\\n or \\r, and holds at most 64,000,000 characters (so does a document
for split and --find): a longer one stops the run with status 2. Output files are written whole or
not at all (a temporary file, then a rename). Each reference carries a calibrated confidence; one a
person should check is listed on stderr as FILE:LINE: review: <the gravest reason> (--flagged
writes only those).

exit status:
  0    done: every reference was written (those that need review too)
  1    only with --fail-on-review: done, and some reference needs review
  2    usage error; input that cannot be read (missing, binary) or output that cannot be written;
       lines that could not be parsed or that are too long; a missing extra; serve: the port is in use.
       Nothing half-written is left in an output file
  3    internal error (a bug: the traceback is on stderr)
  130  interrupted (Ctrl-C); 143 for SIGTERM, 129 for SIGHUP (128 + the signal's number): the
       --jobs workers are ended and nothing half-written is left
"""


def build_argument_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for documentation and tests)."""
    parser = argparse.ArgumentParser(
        prog="translit-refs", description=_DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    parse = commands.add_parser(
        "parse",
        help="parse a reference list, one reference per line, into CSL-JSON, JSON Lines, BibTeX or RIS",
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
        "--no-labeller",
        action="store_true",
        help="read every reference by the grammar's rules; by default a list printed in a style they do not "
        "know (no transliterated or Cyrillic entries) is read by the trained labeller (docs/labeller.md)",
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
    parse.add_argument(
        "--fail-on-review",
        action="store_true",
        help="exit with status 1 when some reference needs review (all are still written); by default a run "
        "that wrote every reference exits 0",
    )
    shown = parse.add_mutually_exclusive_group()
    shown.add_argument("--progress", action="store_true", help="always show a progress bar on stderr")
    shown.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar, no info lines (warnings, errors and reviews stay)"
    )
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
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of processes (a whole number, 1 or more)") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (the module's ``EXIT_*``, documented in ``--help``)."""
    try:
        with interrupts.handled():
            return _main(argv)
    except KeyboardInterrupt as stop:
        AtomicOutput.discard_all()
        _stopped(stop)
        return interrupts.exit_status(stop)
    except Exception:
        stopping = interrupts.stopped()
        if stopping is not None:  # an error while unwinding from a stop (the pool shut down under it) is the stop
            AtomicOutput.discard_all()
            _stopped(stopping)
            return interrupts.exit_status(stopping)
        traceback.print_exc()
        print("translit-refs: internal error (a bug: please report it with the traceback above)", file=sys.stderr)
        return EXIT_INTERNAL


def _main(argv: Sequence[str] | None) -> int:
    arguments = build_argument_parser().parse_args(argv)
    if arguments.command == "serve":
        return _serve(arguments.host, arguments.port)
    if getattr(arguments, "cyrillic", False):
        try:  # a missing extra is said before anything is read or written
            importlib.import_module("translit_refs.transliteration.cyrillic")
        except ImportError as error:
            print(f"translit-refs: --cyrillic needs the translit extra: pip install 'translit-refs[translit]' "
                  f"({error})", file=sys.stderr)  # fmt: skip
            return EXIT_USAGE
    quiet = getattr(arguments, "quiet", False)
    partner: tuple[str, ...] | None = None
    partner_damaged = False
    if getattr(arguments, "parallel", None):
        try:
            partner, partner_damaged = _partner_list(arguments.parallel)
        except (OSError, BinaryInputError, InputTooLongError) as error:
            print(f"translit-refs: cannot read {arguments.parallel}: {_reason(error)}", file=sys.stderr)
            return EXIT_USAGE
    try:
        opened = _open_input(arguments.file)
    except (OSError, BinaryInputError, InputTooLongError) as error:
        shown = "<stdin>" if arguments.file == "-" else arguments.file
        print(f"translit-refs: cannot read {shown}: {_reason(error)}", file=sys.stderr)
        return EXIT_USAGE
    try:
        output = AtomicOutput(arguments.output)
    except OSError as error:
        with opened.stream:
            pass
        print(f"translit-refs: cannot write {arguments.output}: {error.strerror or error}", file=sys.stderr)
        return EXIT_USAGE
    name = "<stdin>" if arguments.file == "-" else arguments.file
    target = arguments.output or "<stdout>"
    try:
        with opened.stream as lines, output as sink:
            if arguments.command == "split":
                status = _split(lines, sink, name)
            elif arguments.find:
                found, found_partner = _found_lines(lines, name, quiet)
                total = sum(1 for entry in found if entry.text.strip())
                status = _parse_stream(_Listed(found, partner or found_partner, total), sink, name, arguments)
            else:
                entries = stream_lines(_bounded_lines(lines))
                status = _parse_stream(_Listed(entries, partner, opened.lines), sink, name, arguments)
                if partner_damaged and arguments.fail_on_review:
                    status = EXIT_NEEDS_REVIEW
            output.commit()
            return status
    except KeyboardInterrupt as stop:
        _stopped(stop, "; nothing was written" if arguments.output else "")
        return interrupts.exit_status(stop)
    except InputTooLongError as error:
        print(f"translit-refs: {name}: {error}" + ("; nothing was written" if arguments.output else ""),
              file=sys.stderr)  # fmt: skip
        return EXIT_USAGE
    except (LinesLostError, OSError) as error:
        stopping = interrupts.stopped()
        if stopping is not None:  # a pipe closed or workers lost by the stop: the stop's consequence
            _stopped(stopping, "; nothing was written" if arguments.output else "")
            return interrupts.exit_status(stopping)
        return _failed(error, name, target, arguments)


def _failed(error: LinesLostError | OSError, name: str, target: str, arguments: argparse.Namespace) -> int:
    """The status and message of a run that failed: its reader went away, lines were lost, the output
    could not be written."""
    if isinstance(error, BrokenPipeError):  # the reader went away ("| head"): stop quietly, as filters do
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    if isinstance(error, LinesLostError):
        print(f"translit-refs: {name}: {error}; nothing was written" if arguments.output else f"translit-refs: {error}",
              file=sys.stderr)  # fmt: skip
        return EXIT_USAGE
    print(f"translit-refs: cannot write {target}: {error.strerror or error}", file=sys.stderr)
    return EXIT_USAGE


def _reason(error: OSError | BinaryInputError | InputTooLongError) -> str:
    return (error.strerror or str(error)) if isinstance(error, OSError) else str(error)


def _stopped(stop: KeyboardInterrupt, consequence: str = "") -> None:
    """One line on stderr for a stopping signal: "interrupted" for Ctrl-C, else the signal's name
    (after a hang-up stderr may be gone: then nothing)."""
    name = interrupts.signal_name(stop)
    said = "interrupted" if name == "SIGINT" else f"stopped by {name}"
    with contextlib.suppress(OSError, ValueError):
        print(f"translit-refs: {said}{consequence}", file=sys.stderr)


def _serve(host: str, port: int) -> int:
    """Run the web page's server (``translit_refs.web.app``, imported only here)."""
    try:
        app = importlib.import_module("translit_refs.web.app")
    except ImportError as error:
        print(f"translit-refs: serve needs the web extra: pip install 'translit-refs[web]' ({error})", file=sys.stderr)
        return EXIT_USAGE
    try:
        _check_free(host, port)
    except OSError as error:
        print(f"translit-refs: cannot serve on {host}:{port}: {error.strerror or error} "
              "(another server may use that port: try --port)", file=sys.stderr)  # fmt: skip
        return EXIT_USAGE
    print(f"translit-refs: serving on http://{host}:{port}/ (Ctrl-C stops)", file=sys.stderr)
    try:
        app.serve(host, port)
    except SystemExit as stopped:  # uvicorn exits 1 when it cannot start (it has said why)
        if stopped.code not in (None, 0):
            print(f"translit-refs: the server could not start on {host}:{port}", file=sys.stderr)
            return EXIT_USAGE
    return EXIT_OK


def _check_free(host: str, port: int) -> None:
    """An OSError if the server could not listen on ``host``:``port`` (in use, an unknown host), found out
    before anything is said (uvicorn binds the same way, with SO_REUSEADDR)."""
    for family, kind, protocol, _, address in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM):
        with socket.socket(family, kind, protocol) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(address)
        return


class AtomicOutput:
    """Standard output, or a file written whole or not at all: a temporary file in the same folder,
    renamed over the target by ``commit``. An interrupt, a crash or a full disk leaves the target as
    it was. A target that is no regular file (a device, a pipe: "/dev/full") is written directly.

    The file gets the mode a shell redirect would give it (0666 less the umask), or keeps the mode of
    the file it replaces; a symbolic link is written through (its target is replaced, the link stays).
    A temporary is listed from the moment it exists until it is renamed or removed, so that a signal
    arriving at any moment leaves none behind (``discard_all``)."""

    #: The temporaries of every output not yet committed nor closed.
    _live: set[str] = set()  # noqa: RUF012 - shared by every instance on purpose

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.temporary: str | None = None
        self.stream: TextIO
        if path is None:
            if isinstance(sys.stdout, io.TextIOWrapper):
                sys.stdout.reconfigure(encoding="utf-8", errors="backslashreplace")
            self.stream = sys.stdout
            return
        target = Path(os.path.realpath(path)) if os.path.islink(path) else Path(path)
        self.path = str(target)
        if target.exists() and not target.is_file():
            self.stream = target.open("w", encoding="utf-8", errors="backslashreplace")
            return
        mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else 0o666 & ~_umask()
        with _signals_deferred():  # created and listed at once: no signal can come in between
            handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
            AtomicOutput._live.add(temporary)
        self.temporary = temporary
        try:
            os.fchmod(handle, mode)
        except OSError:
            os.close(handle)
            self._discard()
            raise
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
            AtomicOutput._live.discard(self.temporary)
            self.temporary = None

    def __exit__(self, *exc_info: object) -> None:
        if self.path is not None and not self.stream.closed:
            with contextlib.suppress(OSError):
                self.stream.close()
        self._discard()

    def _discard(self) -> None:
        if self.temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(self.temporary)
            AtomicOutput._live.discard(self.temporary)
            self.temporary = None

    @classmethod
    def discard_all(cls) -> None:
        """Remove every temporary not yet renamed (a signal stopped the run before its ``with`` did)."""
        for temporary in list(cls._live):
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            cls._live.discard(temporary)


@contextlib.contextmanager
def _signals_deferred() -> Iterator[None]:
    """The stopping signals held back while the block runs (delivered, and handled, after it)."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, interrupts.STOPPING)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _umask() -> int:
    """The process's umask (read by setting it, as no call only reads it)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@dataclass(frozen=True, slots=True)
class _Rendered:
    """One reference rendered in a worker: its output text, stderr lines and whether it needs review."""

    text: str
    messages: tuple[str, ...]
    needs_review: bool


@dataclass(frozen=True, slots=True)
class _Rendering:
    """How a batch is rendered: the input's name (for messages), the output format, the CSL profile,
    and whether info lines are written (not with ``--quiet``)."""

    name: str
    to: str
    csl_profile: CslProfile = DEFAULT_CSL_PROFILE
    notes: bool = True


def _render_batch(batch: Batch, rendering: _Rendering) -> list[_Rendered]:
    """Render a batch the pipeline has read; runs in worker processes too.

    The family the batch was read in (not for a batch of one line) and, with a Cyrillic list, how
    many references found a partner go to stderr as info lines before the batch's own messages.
    """
    rendered = []
    name, to = rendering.name, rendering.to
    entries = batch.entries
    family_note: tuple[str, ...] = (
        (f"{name}:{entries[0].line}: info: lines {entries[0].line}–{entries[-1].line} read as a list in the "
         f"{batch.family.value!r} style family",)
        if batch.family is not None and len(entries) > 1 and rendering.notes
        else ()
    )  # fmt: skip
    if batch.partner is not None and batch.paired is not None and rendering.notes:
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
            _say(f"{name}:{number}: error: bytes that are not UTF-8 were read as U+FFFD")
    return ESCAPED_BYTE.sub("\ufffd", text), True


def _split(source: TextIO, output: TextIO, name: str) -> int:
    text, _ = _decoded(_document(source), name)
    for entry in split_references(text):
        output.write(" ".join(entry.text.split("\n")) + "\n")
    return EXIT_OK


def _found_lines(source: TextIO, name: str, quiet: bool) -> tuple[list[Entry], tuple[str, ...] | None]:
    """The entries of the document's reference list, and its Cyrillic partner list when the document
    prints both (then the transliterated list is the one parsed)."""
    text, undecodable = _decoded(_document(source), name)
    both = parallel_sections(text)
    entries = list(both[1].entries) if both else split_references(text)
    partner = tuple(entry.text for entry in both[0].entries) if both else None
    if both and not quiet:
        _say(f"{name}: info: {len(entries)} references read with their Cyrillic list "
             f"({both[0].heading or 'unheaded'}, {len(partner or ())} entries)")  # fmt: skip
    return listed_entries(entries, undecodable), partner


def _partner_list(path: str) -> tuple[tuple[str, ...], bool]:
    """The lines of a Cyrillic partner list, read as the input is (its encoding detected, bytes that
    cannot be decoded as U+FFFD and named on stderr), and whether any line held such bytes."""
    lines = []
    damaged = False
    with _open_input(path).stream as source:
        for line in stream_lines(_bounded_lines(source)):
            if line.undecodable:
                damaged = True
                _say(f"{path}:{line.line}: error: bytes that are not UTF-8 were read as U+FFFD")
            if line.text.strip():
                lines.append(line.text)
    return tuple(lines), damaged


def _unique_bibtex_key(entry: str, keys: CitationKeys) -> str:
    """Entries are rendered one by one, so keys are made unique here: fbis1950, fbis1950a, …"""
    match = re.match(r"@(\w+)\{([^,]*),", entry)
    if match is None:
        return entry
    return entry[: match.start(2)] + keys.unique(match.group(2)) + entry[match.end(2) :]


@dataclass(frozen=True, slots=True)
class _Listed:
    """The entries to parse, the Cyrillic list they are paired with (or None), and how many non-blank
    entries there are when that is known beforehand (the progress bar's total)."""

    entries: Iterable[Entry]
    partner: tuple[str, ...] | None = None
    total: int | None = None


def _parse_stream(listed: _Listed, output: TextIO, name: str, options: argparse.Namespace) -> int:
    """Parse and write every non-blank entry (``pipeline``); with a Cyrillic partner list the input is
    one list, paired with it. Returns ``EXIT_NEEDS_REVIEW`` when some reference needs review and
    ``--fail-on-review`` asks for it, else ``EXIT_OK``."""
    status = EXIT_OK
    count = 0
    to: str = options.to
    show_progress = options.progress or (not options.quiet and sys.stderr.isatty())
    progress = tqdm(
        total=listed.total,
        unit=" refs",
        file=sys.stderr,
        disable=not show_progress,
        delay=0 if options.progress else 0.5,
    )
    if to == "csl-json":
        output.write("[")
    used_keys = CitationKeys()
    with progress:
        pipeline = Pipeline(as_list=not options.alone)
        if getattr(options, "no_labeller", False):
            pipeline = pipeline.disable("label")
        if getattr(options, "cyrillic", False):
            pipeline = pipeline.enable("cyrillic")
        rendering = _Rendering(name, to, getattr(options, "csl_profile", DEFAULT_CSL_PROFILE), not options.quiet)
        batches = pipeline.batches((entry for entry in listed.entries if entry.text.strip()), listed.partner)
        for finished in pipeline.run(batches, partial(_render_batch, rendering=rendering), options.jobs):
            for rendered in finished.value:
                for message in rendered.messages:
                    _say(message)
                if rendered.needs_review:
                    if getattr(options, "fail_on_review", False):
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


def _say(message: str) -> None:
    """A line on stderr, above the progress bar if one shows (no fragments of it in the scroll-back)."""
    tqdm.write(message + "\n", file=sys.stderr, end="")  # one write: an interrupt cuts no line in two


class BinaryInputError(Exception):
    """The input is no text (NUL bytes: an executable, an image, a PDF's raw bytes)."""


class InputTooLongError(Exception):
    """A line (or a document, for ``split`` and ``--find``) longer than ``MAX_LINE`` characters."""


def _too_long(what: str) -> InputTooLongError:
    return InputTooLongError(f"{what} is longer than {MAX_LINE:,} characters (is it text with line breaks?)")


def _bounded_lines(source: TextIO) -> Iterator[str]:
    """The lines of a stream, none read further than ``MAX_LINE`` characters: an endless line (/dev/zero,
    a stream without line breaks) is an ``InputTooLongError``, not memory growing until it runs out."""
    number = 0
    while line := source.readline(MAX_LINE + 1):
        number += 1
        if len(line) > MAX_LINE and not line.endswith("\n"):
            raise _too_long(f"line {number}")
        yield line


def _document(source: TextIO) -> str:
    """A whole document (``split``, ``--find``), read up to ``MAX_LINE`` characters; an opening BOM dropped."""
    text = source.read(MAX_LINE + 1)
    if len(text) > MAX_LINE:
        raise _too_long("the document")
    return text.removeprefix(BOM)


@dataclass(frozen=True, slots=True)
class _Input:
    """The opened input and, for a regular file, how many non-blank lines it has (else None)."""

    stream: contextlib.AbstractContextManager[TextIO]
    lines: int | None = None


#: Byte order marks that name their encoding (UTF-32's first: its little-endian mark begins with UTF-16's).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_LINE_END = re.compile(r"\r\n|\r|\n")
_CHUNK = 1 << 20


def _bom_encoding(head: bytes) -> str | None:
    return next((encoding for bom, encoding in _BOMS if head.startswith(bom)), None)


def _open_input(path: str) -> _Input:
    """The input as text, universal newlines (the line ``parsing.lines`` defines). A file is read once
    before: UTF-16/32 with a BOM is read as such, UTF-8 as UTF-8, another encoding is detected
    (charset-normalizer) and named in one warning; its non-blank lines are counted. Standard input is
    UTF-8 (or UTF-16/32 with a BOM). Bytes that cannot be decoded are kept as surrogate escapes (then
    read as U+FFFD, their lines flagged). ``BinaryInputError`` for NUL bytes (checked on the whole of a
    file, on the first bytes of standard input)."""
    if path == "-":
        binary = getattr(sys.stdin, "buffer", None)
        if binary is None:
            return _Input(contextlib.nullcontext(sys.stdin))
        return _Input(contextlib.nullcontext(_streamed(binary)))
    if not Path(path).is_file():  # a pipe, a device such as /dev/zero (or missing: open says so)
        device = Path(path).open("rb")  # noqa: SIM115 - the text stream made of it closes it
        try:
            return _Input(_streamed(device))
        except BinaryInputError:
            device.close()
            raise
    with open(path, "rb") as raw:
        encoding = _bom_encoding(raw.read(4)) or "utf-8"
    try:
        lines = _count_lines(path, encoding)
    except UnicodeDecodeError:
        detected = _detect_encoding(path) if encoding == "utf-8" and not _mostly_utf8(path) else None
        if detected is not None:
            encoding = detected
            _say(f"{path}: warning: not UTF-8: read as {encoding} (detected)")
        lines = _count_lines(path, encoding, _errors(encoding))
    return _Input(Path(path).open(encoding=encoding, errors=_errors(encoding), newline=None), lines)


def _streamed(binary: BinaryIO) -> TextIO:
    """A stream read as it comes (standard input, a pipe, a device): UTF-8, or UTF-16/32 with a BOM, as
    text; ``BinaryInputError`` when its first bytes hold a NUL (/dev/zero, an executable)."""
    head = binary.peek(4096)[:4096] if isinstance(binary, io.BufferedReader) else b""
    encoding = _bom_encoding(head) or "utf-8"
    if encoding == "utf-8" and b"\0" in head:
        raise BinaryInputError("binary data (NUL bytes), not text")
    return io.TextIOWrapper(binary, encoding=encoding, errors=_errors(encoding), newline=None)


def _errors(encoding: str) -> str:
    """How bytes that cannot be decoded are read: as surrogate escapes (then U+FFFD, their line flagged),
    except in UTF-16/32, whose decoders cannot escape them (U+FFFD at once)."""
    return "replace" if encoding in ("utf-16", "utf-32") else "surrogateescape"


def _count_lines(path: str, encoding: str, errors: str = "strict") -> int:
    """The file's non-blank lines; UnicodeDecodeError if it is not in ``encoding`` (with ``errors``
    "strict"), BinaryInputError if it holds NUL bytes, InputTooLongError if a line is longer than
    ``MAX_LINE``. Memory stays within a chunk or two, however long a line."""
    decoder = codecs.getincrementaldecoder(encoding)(errors)
    count = number = 0
    tail = ""  # the unfinished line (of a long one, only whether it is blank and its last character)
    carried = 0  # the unfinished line's characters no longer in ``tail``
    first = True
    with open(path, "rb") as raw:
        while True:
            chunk = raw.read(_CHUNK)
            if encoding == "utf-8" and b"\0" in chunk:
                raise BinaryInputError("binary data (NUL bytes), not text")
            text = tail + decoder.decode(chunk, final=not chunk)
            if "\0" in text:
                raise BinaryInputError("binary data (NUL bytes), not text")
            if first:
                text, first = text.removeprefix(BOM), False
            *lines, tail = _LINE_END.split(text)
            count += sum(1 for line in lines if line.strip())
            number += len(lines)
            if lines:
                longest = max(range(len(lines)), key=lambda index: len(lines[index]) + (carried if index == 0 else 0))
                if len(lines[longest]) + (carried if longest == 0 else 0) > MAX_LINE:
                    raise _too_long(f"line {number - len(lines) + longest + 1}")
                carried = 0
            if carried + len(tail) > MAX_LINE:
                raise _too_long(f"line {number + 1}")
            if not chunk:
                return count + (1 if tail.strip() else 0)
            if len(tail) > _CHUNK:  # its last character may be the "\r" of a "\r\n" split between chunks
                kept = ("x" if tail[:-1].strip() else "") + tail[-1]
                carried += len(tail) - len(kept)
                tail = kept


def _mostly_utf8(path: str, sample: int = 10_000) -> bool:
    """Whether a file that is not all UTF-8 is UTF-8 with a few damaged lines (then it stays UTF-8,
    those lines flagged): as many of its first ``sample`` lines are UTF-8 beyond ASCII as are not UTF-8."""
    utf8 = damaged = 0
    with open(path, "rb") as raw:
        for _, line in zip(range(sample), raw, strict=False):
            if line.isascii():
                continue
            try:
                line.decode("utf-8")
            except UnicodeDecodeError:
                damaged += 1
            else:
                utf8 += 1
    return utf8 >= damaged


def _detect_encoding(path: str) -> str | None:
    """The encoding charset-normalizer finds for a file that is not UTF-8 (None if it finds none)."""
    from charset_normalizer import from_path  # noqa: PLC0415 - only for files that are not UTF-8

    best = from_path(path).best()
    if best is None or best.encoding in ("utf_8", "ascii"):
        return None
    return str(best.encoding)


if __name__ == "__main__":
    from translit_refs.__main__ import finish

    finish(main())
