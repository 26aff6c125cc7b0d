"""One writer per archive: an advisory lock file beside it.

The lock is an flock on `<archive>.lock`; the kernel drops it when the holder
dies (even by SIGKILL), so a stale lock never blocks the next run. The file holds
the holder's pid and start time so the refused run can name it.
"""

from __future__ import annotations

import fcntl
import json
import os
from datetime import datetime, timezone
from pathlib import Path


class LockHeld(Exception):
    """Another process holds the archive's writer lock."""


class WriterLock:
    """Context manager that takes the archive's writer lock or raises LockHeld."""

    def __init__(self, archive_path: str | Path) -> None:
        self.path = Path(f"{archive_path}.lock")
        self._fh = None

    def __enter__(self) -> "WriterLock":
        fh = open(self.path, "a+")
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.seek(0)
            holder = fh.read().strip()
            fh.close()
            try:
                info = json.loads(holder)
                who = f"pid {info['pid']}, started {info['started_at']}"
            except (ValueError, KeyError, TypeError):
                who = "another process"
            raise LockHeld(f"another ingest is writing to this archive ({who}); "
                           f"try again when it has finished") from None
        fh.seek(0)
        fh.truncate()
        fh.write(json.dumps({"pid": os.getpid(),
                             "started_at": datetime.now(timezone.utc).isoformat(timespec="seconds")}))
        fh.flush()
        self._fh = fh
        return self

    def __exit__(self, *exc: object) -> None:
        if self._fh is not None:
            self._fh.seek(0)
            self._fh.truncate()
            fcntl.flock(self._fh, fcntl.LOCK_UN)
            self._fh.close()
            self._fh = None
