"""The ``translit-refs`` command line."""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from .csl import to_csl_json
from .models import Severity
from .parser import parse_reference

EXIT_OK = 0
EXIT_PARSE_ERRORS = 1
EXIT_USAGE = 2

_DESCRIPTION = """\
Parse transliterated reference lists (one reference per line) into CSL-JSON or JSON Lines.

examples:
  translit-refs parse references.txt --to csl-json -o references.json
  cat references.txt | translit-refs parse - --to jsonl

Diagnostics go to stderr as FILE:LINE: message. Exit status: 0 all parsed cleanly,
1 some references carry error diagnostics (all are still written), 2 usage or I/O error.
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
        "--to",
        choices=("csl-json", "jsonl"),
        default="csl-json",
        help="csl-json: one CSL-JSON array; jsonl: the full model, one JSON object per line",
    )
    parse.add_argument("-o", "--output", metavar="OUT", help="write here instead of stdout")
    return parser


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
            return _parse_stream(lines, sink, name, arguments.to)
    except UnicodeDecodeError as error:
        print(f"translit-refs: {name}: not UTF-8 text ({error.reason} at byte {error.start})", file=sys.stderr)
        return EXIT_USAGE


def _parse_stream(source: TextIO, output: TextIO, name: str, to: str) -> int:
    status = EXIT_OK
    count = 0
    if to == "csl-json":
        output.write("[")
    for line_number, line in _numbered_lines(source):
        reference = parse_reference(line)
        count += 1
        for diagnostic in reference.diagnostics:
            if diagnostic.severity is not Severity.INFO:
                print(f"{name}:{line_number}: {diagnostic.severity.value}: {diagnostic.message}", file=sys.stderr)
        if reference.has_errors:
            status = EXIT_PARSE_ERRORS
        if to == "csl-json":
            item = to_csl_json(reference, f"ref-{count}")
            output.write(("\n  " if count == 1 else ",\n  ") + json.dumps(item, ensure_ascii=False))
        else:
            output.write(reference.model_dump_json() + "\n")
    if to == "csl-json":
        output.write("\n]\n" if count else "]\n")
    return status


def _numbered_lines(source: TextIO) -> Iterator[tuple[int, str]]:
    for line_number, line in enumerate(source, start=1):
        if line.strip():
            yield line_number, line.rstrip("\r\n")


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
