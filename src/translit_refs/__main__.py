"""``python -m translit_refs`` and the ``translit-refs`` console script: the command line.

The parser's modules are loaded here, inside the handling of the stopping signals
(``translit_refs.interrupts``): Ctrl-C, SIGTERM or SIGHUP at any moment, while they load too, ends the
process with status 128 + the signal's number (130, 143, 129) and one line on stderr, no traceback;
the worker processes of ``--jobs`` are ended at once rather than waited for.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import signal
import sys
from collections.abc import Sequence
from typing import NoReturn

from translit_refs import interrupts

#: ``translit_refs.cli.EXIT_INTERRUPTED`` (repeated so that this module loads nothing).
EXIT_INTERRUPTED = 130
#: The exit statuses of a run stopped by a signal (128 + its number).
STOPPED = frozenset(128 + number for number in interrupts.STOPPING)


def main(argv: Sequence[str] | None = None) -> int:
    """``translit_refs.cli.main``, loaded inside the handling of the stopping signals; returns the exit status."""
    try:
        with interrupts.handled():
            cli = importlib.import_module("translit_refs.cli")
            status: int = cli.main(argv)
    except KeyboardInterrupt as stop:
        with contextlib.suppress(OSError, ValueError):
            print(f"translit-refs: {'interrupted' if stop.__class__ is KeyboardInterrupt else stop}", file=sys.stderr)
        return interrupts.exit_status(stop)
    return status


def finish(status: int) -> NoReturn:
    """Exit with ``status``; after a stopping signal at once: the ``--jobs`` workers are ended, not waited for."""
    if status not in STOPPED:
        sys.exit(status)
    for number in interrupts.STOPPING:
        signal.signal(number, signal.SIG_IGN)  # a second Ctrl-C or SIGTERM changes nothing now
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
