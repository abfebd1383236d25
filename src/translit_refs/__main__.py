"""``python -m translit_refs`` and the ``translit-refs`` console script: the command line.

The parser's modules are loaded here, inside the Ctrl-C handling: an interrupt at any moment,
while they load too, ends the process with status 130 and one line on stderr, no traceback; the
worker processes of ``--jobs`` are ended at once rather than waited for.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import signal
import sys
from collections.abc import Sequence
from typing import NoReturn

#: ``translit_refs.cli.EXIT_INTERRUPTED`` (repeated so that this module loads nothing).
EXIT_INTERRUPTED = 130


def main(argv: Sequence[str] | None = None) -> int:
    """``translit_refs.cli.main``, loaded inside the Ctrl-C handling; returns the exit status."""
    try:
        cli = importlib.import_module("translit_refs.cli")
        status: int = cli.main(argv)
    except KeyboardInterrupt:
        print("translit-refs: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    return status


def finish(status: int) -> NoReturn:
    """Exit with ``status``; after an interrupt at once: the ``--jobs`` workers are ended, not waited for."""
    if status != EXIT_INTERRUPTED:
        sys.exit(status)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C changes nothing now
    multiprocessing = sys.modules.get("multiprocessing")
    if multiprocessing is not None:
        for child in multiprocessing.active_children():
            child.terminate()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(status)


def run() -> NoReturn:
    """The console script's entry point."""
    finish(main())


if __name__ == "__main__":
    run()
