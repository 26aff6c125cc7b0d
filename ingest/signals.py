"""SIGTERM as an interrupt, so a stopped ingest is recorded as interrupted.

cron, systemd and `kill` stop a job with SIGTERM, which by default ends Python
without unwinding: the batch in flight would be rolled back by SQLite anyway, but
the run would stay `running` until the next run. Inside `sigterm_interrupts()` a
SIGTERM raises Terminated (a KeyboardInterrupt) instead; a second SIGTERM kills
at once (the archive is crash-safe).
"""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from typing import Iterator


class Terminated(KeyboardInterrupt):
    """The process received SIGTERM."""


def _raise_terminated(signum: int, frame: object) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
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
