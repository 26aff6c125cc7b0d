"""One writer per archive: an advisory lock file beside it.

The lock is an flock on `<archive>.lock` (beside the real file when the archive
path is a symbolic link); the kernel drops it when the holder dies (even by
SIGKILL), so a stale lock never blocks the next run: its file may still name the
dead holder, but nobody holds the flock. The file holds the holder's pid and
start time so the refused run can name it. flock is reliable on local file
systems; keep archives off NFS.
"""

from __future__ import annotations

import fcntl
import json
import os
from datetime import datetime, timezone
from pathlib import Path
from typing import IO


class LockHeld(Exception):
    """Another process holds the archive's writer lock."""


class LockError(Exception):
    """The lock file cannot be created or opened (e.g. the folder is not writable)."""


def lock_path(archive_path: str | Path) -> Path:
    """The lock file of an archive."""
    return Path(f"{Path(archive_path).resolve()}.lock")


def describe_holder(text: str) -> str:
    """'pid N, started T' from a lock file's content (or a vaguer phrase)."""
    try:
        info = json.loads(text)
        return f"pid {info['pid']}, started {info['started_at']}"
    except (ValueError, KeyError, TypeError):
        return "another process"


class WriterLock:
    """Context manager that takes the archive's writer lock or raises LockHeld."""

    def __init__(self, archive_path: str | Path) -> None:
        self.path = lock_path(archive_path)
        self._fh: IO[str] | None = None

    def __enter__(self) -> "WriterLock":
        try:
            fh = open(self.path, "a+", encoding="utf-8")
        except OSError as exc:
            raise LockError(f"{self.path}: cannot create the archive's lock file "
                            f"({exc.strerror or exc}); is the folder writable?") from None
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.seek(0)
            holder = fh.read().strip()
            fh.close()
            raise LockHeld(f"another ingest is writing to this archive ({describe_holder(holder)}); "
                           f"try again when it has finished") from None
        except OSError as exc:
            fh.close()
            raise LockError(f"{self.path}: cannot lock ({exc.strerror or exc})") from None
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
