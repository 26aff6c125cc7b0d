"""SIGTERM (and Ctrl-C) as an interrupt, so a stopped ingest is recorded as interrupted.

cron, systemd and `kill` stop a job with SIGTERM, which by default ends Python
without unwinding: the batch in flight would be rolled back by SQLite anyway, but
the run would stay `running` until the next run. Inside `sigterm_interrupts()` a
SIGTERM raises Terminated (a KeyboardInterrupt) instead; a second SIGTERM kills
at once (the archive is crash-safe).

Python runs a signal's handler in the main thread between two bytecodes, wherever
that is, and an exception raised inside an at-fork hook, a finalizer or a weakref
callback is printed ("Exception ignored in ...") and dropped: seen when SIGTERM came
while the writer forked a worker (in logging's at-fork hook). So code that forks
runs inside `sigterm_deferred()`, where SIGTERM and SIGINT (Ctrl-C, the same hazard)
are only recorded and raised once the block ends; and the handler records the signal too, so that the writer's waiting
loops can call `raise_if_terminated()`, which raises Terminated again should the
first exception have been dropped anywhere else. Such a dropped exception would be
printed with a traceback (seen when Ctrl-C came while a multiprocessing connection
was being finalized); inside the block `sys.unraisablehook` says nothing of an
interrupt the handler raised, since it is raised again.
"""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any


class Terminated(KeyboardInterrupt):
    """The process received SIGTERM."""


_RECEIVED: list[int] = []  # the signals the handler took, cleared when the block is left
_STOPS = (signal.SIGTERM, signal.SIGINT)  # SIGTERM from cron, systemd, kill; SIGINT from Ctrl-C


def _stop(signum: int) -> KeyboardInterrupt:
    return Terminated("received SIGTERM") if signum == signal.SIGTERM else KeyboardInterrupt("Ctrl-C")


def _raise_terminated(signum: int, frame: object) -> None:
    if signum == signal.SIGTERM:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a second SIGTERM kills at once
    _RECEIVED.append(signum)
    raise _stop(signum)


def _record_terminated(signum: int, frame: object) -> None:
    if signum == signal.SIGTERM:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _RECEIVED.append(signum)


def raise_if_terminated() -> None:
    """Raise Terminated (or KeyboardInterrupt for Ctrl-C) if SIGTERM or SIGINT was received
    inside `sigterm_interrupts()` (once more, should the handler's exception have been
    dropped); a no-op otherwise."""
    if _RECEIVED:
        raise _stop(_RECEIVED[0])


def _quiet_about_dropped_interrupts(previous: Callable[[Any], object]) -> Callable[[Any], None]:
    """A sys.unraisablehook that says nothing of an interrupt our handler raised inside
    a finalizer (the waiting loops raise it again) and passes anything else to `previous`."""
    def hook(unraisable: Any) -> None:
        if isinstance(unraisable.exc_value, KeyboardInterrupt) and _RECEIVED:
            return
        previous(unraisable)
    return hook


@contextmanager
def sigterm_interrupts() -> Iterator[None]:
    """Within the block, SIGTERM raises Terminated and SIGINT KeyboardInterrupt, both
    recorded (main thread only; elsewhere a no-op)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {signum: signal.signal(signum, _raise_terminated) for signum in _STOPS}
    previous_hook = sys.unraisablehook
    sys.unraisablehook = _quiet_about_dropped_interrupts(previous_hook)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        sys.unraisablehook = previous_hook
        _RECEIVED.clear()


@contextmanager
def sigterm_deferred() -> Iterator[None]:
    """Within `sigterm_interrupts()`, a block where SIGTERM and SIGINT are recorded, not
    raised, and raised when the block ends (for forking, whose at-fork hooks would drop
    the exception). Elsewhere a no-op."""
    if threading.current_thread() is not threading.main_thread() \
            or signal.getsignal(signal.SIGINT) is not _raise_terminated:
        yield
        return
    deferred = [signum for signum in _STOPS if signal.getsignal(signum) is _raise_terminated]
    for signum in deferred:
        signal.signal(signum, _record_terminated)
    try:
        yield
    finally:
        for signum in deferred:
            if signal.getsignal(signum) is _record_terminated:
                signal.signal(signum, _raise_terminated)
    raise_if_terminated()
