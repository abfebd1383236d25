"""The signals that stop the command line, SIGINT (Ctrl-C), SIGTERM and SIGHUP, handled alike.

In the process that installs the handlers each one raises ``Interrupted`` (a ``KeyboardInterrupt``
that knows its signal), so that every ``with`` block unwinds (an output file's temporary is
removed) and the exit status is 128 + the signal's number. The ``--jobs`` workers, forked from that
process, inherit the handlers but act as if there were none: a terminal's Ctrl-C, sent to the whole
process group, is left to the parent, which ends them; SIGTERM and SIGHUP end them at once.

Only the standard library is imported: ``translit_refs.__main__`` installs the handlers before the
parser's modules load.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Callable, Iterator
from types import FrameType
from typing import Any

#: The signals handled, those of them this platform has (SIGHUP is POSIX only).
STOPPING: tuple[signal.Signals, ...] = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)


class Interrupted(KeyboardInterrupt):
    """A stopping signal arrived; ``number`` is the signal's."""

    def __init__(self, number: int) -> None:
        super().__init__(signal.Signals(number).name)
        self.number = number


#: The stops raised in this process since the handlers were installed (``stopped``).
_RAISED: list[Interrupted] = []


def stopped() -> Interrupted | None:
    """The first stop raised in this process while the handlers are installed, if any: an error that
    follows it (a pool shut down under it, a pipe closed by it) is part of the stop, not a bug."""
    return _RAISED[0] if _RAISED else None


def exit_status(stop: KeyboardInterrupt) -> int:
    """128 + the signal's number: 130 for Ctrl-C (and a plain KeyboardInterrupt), 143 for SIGTERM, 129 for SIGHUP."""
    return 128 + (stop.number if isinstance(stop, Interrupted) else signal.SIGINT)


def signal_name(stop: KeyboardInterrupt) -> str:
    """ "SIGTERM", or "SIGINT" for a plain KeyboardInterrupt."""
    return signal.Signals(exit_status(stop) - 128).name


def _defaults() -> dict[signal.Signals, Callable[[int, FrameType | None], Any] | int]:
    return {number: signal.default_int_handler if number == signal.SIGINT else signal.SIG_DFL for number in STOPPING}


@contextlib.contextmanager
def handled() -> Iterator[None]:
    """The stopping signals raise ``Interrupted`` in this process while the block runs (a worker forked
    in the block acts as described above). Only from the main thread, and only over the default
    handlers: a test runner's or an embedding program's own handlers are left alone."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    parent = os.getpid()

    def stop(number: int, frame: FrameType | None) -> None:  # noqa: ARG001 - the signal module's signature
        if os.getpid() == parent:
            raised = Interrupted(number)
            _RAISED.append(raised)
            raise raised
        if number != signal.SIGINT:  # a worker: end as if no handler were installed
            signal.signal(number, signal.SIG_DFL)
            os.kill(os.getpid(), number)

    installed = []
    for number, default in _defaults().items():
        if signal.getsignal(number) is default:
            signal.signal(number, stop)
            installed.append((number, default))
    if installed:
        _RAISED.clear()
    try:
        yield
    finally:
        for number, default in installed:
            signal.signal(number, default)
