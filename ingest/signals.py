"""SIGTERM as an interrupt, so a stopped ingest is recorded as interrupted.

cron, systemd and `kill` stop a job with SIGTERM, which by default ends Python
without unwinding: the batch in flight would be rolled back by SQLite anyway, but
the run would stay `running` until the next run. Inside `sigterm_interrupts()` a
SIGTERM raises Terminated (a KeyboardInterrupt) instead; a second SIGTERM kills
at once (the archive is crash-safe).

Python runs a signal's handler in the main thread between two bytecodes, wherever
that is, and an exception raised inside an at-fork hook, a finalizer or a weakref
callback is printed ("Exception ignored in ...") and dropped: seen when SIGTERM came
while the writer forked a worker (in logging's at-fork hook). So code that forks
runs inside `sigterm_deferred()`, where SIGTERM is only recorded and raised once the
block ends; and the handler records the signal too, so that the writer's waiting
loops can call `raise_if_terminated()`, which raises Terminated again should the
first exception have been dropped anywhere else.
"""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from typing import Iterator


class Terminated(KeyboardInterrupt):
    """The process received SIGTERM."""


_RECEIVED: list[bool] = []  # set by the handler, cleared when the block is left


def _raise_terminated(signum: int, frame: object) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _RECEIVED.append(True)
    raise Terminated("received SIGTERM")


def _record_terminated(signum: int, frame: object) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _RECEIVED.append(True)


def raise_if_terminated() -> None:
    """Raise Terminated if SIGTERM was received inside `sigterm_interrupts()` (once more,
    should the handler's exception have been dropped); a no-op otherwise."""
    if _RECEIVED:
        raise Terminated("received SIGTERM")


@contextmanager
def sigterm_interrupts() -> Iterator[None]:
    """Within the block, SIGTERM raises Terminated (main thread only; elsewhere a no-op)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
        _RECEIVED.clear()


@contextmanager
def sigterm_deferred() -> Iterator[None]:
    """Within `sigterm_interrupts()`, a block where SIGTERM is recorded, not raised,
    and raised as Terminated when the block ends (for forking, whose at-fork hooks
    would drop it). Elsewhere a no-op."""
    if threading.current_thread() is not threading.main_thread() \
            or signal.getsignal(signal.SIGTERM) is not _raise_terminated:
        yield
        return
    signal.signal(signal.SIGTERM, _record_terminated)
    try:
        yield
    finally:
        if signal.getsignal(signal.SIGTERM) is _record_terminated:
            signal.signal(signal.SIGTERM, _raise_terminated)
    raise_if_terminated()
