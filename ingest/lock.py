"""One writer per archive: an flock on the archive file itself, and a note beside it.

The lock is flock(LOCK_EX) on the archive's database file (the real file when its
path is a symbolic link). A lock on a separate lock file would admit a second writer
as soon as someone deleted that file (the second run would create and lock a new
one); the archive itself cannot be deleted without losing the archive anyway. The
kernel drops the flock when its last descriptor closes, so a writer that dies, even
by SIGKILL, leaves no stale lock.

SQLite locks the same file with fcntl (POSIX) byte-range locks (around the 1 GB
offset). On Linux flock locks are another family that neither blocks nor is blocked
by those, so SQLite's own locking, and readers, work as before. The POSIX pitfall:
closing ANY descriptor of a file drops every fcntl lock this process holds on it,
SQLite's included. So the lock's descriptor is opened before the archive's
connections and must be closed only after them (ingest.pipeline and ingest.reclean
close the archive inside the `with WriterLock`), and no code of the writer may open
and close the archive file by other means (a header check with open(path).read()
would silently drop SQLite's locks). Forked children inherit the descriptor, and so
the flock: each child closes its copy right after the fork (os.register_at_fork; a
child has no fcntl locks of its own yet), so that a worker that outlived its writer
could not hold the archive.

`<archive>.lock` beside the archive only names the holder (pid and start time) for
the refused run's message. It is opened with O_NOFOLLOW (a symbolic link there is
refused with one line, never followed, so its target can never be written), never
with O_TRUNC, and written only by the holder of the archive's flock, only when it is
a regular file with no other link. flock is reliable on local file systems; keep
archives off NFS (where Linux emulates flock with fcntl locks, which would conflict
with SQLite's).
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import stat
from datetime import datetime, timezone
from pathlib import Path


class LockHeld(Exception):
    """Another process holds the archive's writer lock."""


class LockError(Exception):
    """The lock cannot be taken: its file is unsafe, or a file cannot be created or opened."""


# descriptors of the locks this process holds: a forked child closes its copies
_HELD: set[int] = set()


def _close_inherited() -> None:
    for fd in list(_HELD):
        try:
            os.close(fd)
        except OSError:
            pass
    _HELD.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_close_inherited)


def lock_path(archive_path: str | Path) -> Path:
    """The lock (holder's note) file of an archive."""
    return Path(f"{Path(archive_path).resolve()}.lock")


def describe_holder(text: str) -> str:
    """'pid N, started T' from a lock file's content (or a vaguer phrase)."""
    try:
        info = json.loads(text)
        return f"pid {info['pid']}, started {info['started_at']}"
    except (ValueError, KeyError, TypeError):
        return "another process"


def _open_note(path: Path) -> int:
    """The holder's note file, opened without following a link, checked to be a plain file."""
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise LockError(f"{path}: the archive's lock file is a symbolic link; it is never followed: "
                            f"remove it") from None
        raise LockError(f"{path}: cannot create the archive's lock file ({exc.strerror or exc}); "
                        f"is the folder writable?") from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode) or info.st_nlink != 1:
        os.close(fd)
        raise LockError(f"{path}: the archive's lock file is not a plain file of its own "
                        f"(a device, a folder or a hard link); remove it")
    return fd


class WriterLock:
    """Context manager that takes the archive's writer lock or raises LockHeld (or LockError)."""

    def __init__(self, archive_path: str | Path) -> None:
        self.archive = Path(archive_path).resolve()
        self.path = lock_path(archive_path)
        self._archive_fd: int | None = None
        self._note_fd: int | None = None

    def __enter__(self) -> "WriterLock":
        note = _open_note(self.path)
        try:
            # O_RDONLY is enough for flock (and works on a read-only archive, which
            # then fails with SQLite's own message); O_CREAT: a new archive starts as an
            # empty file, which SQLite takes as an empty database
            archive = os.open(self.archive, os.O_RDONLY | os.O_CREAT | os.O_CLOEXEC, 0o644)
        except OSError as exc:
            os.close(note)
            raise LockError(f"{self.archive}: cannot open the archive to lock it ({exc.strerror or exc})") from None
        try:
            fcntl.flock(archive, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            holder = os.pread(note, 4096, 0).decode("utf-8", "replace").strip()
            os.close(note)
            os.close(archive)
            if isinstance(exc, BlockingIOError):
                raise LockHeld(f"another ingest is writing to this archive ({describe_holder(holder)}); "
                               f"try again when it has finished") from None
            raise LockError(f"{self.archive}: cannot lock ({exc.strerror or exc})") from None
        _HELD.update((archive, note))
        self._archive_fd, self._note_fd = archive, note
        text = json.dumps({"pid": os.getpid(),
                           "started_at": datetime.now(timezone.utc).isoformat(timespec="seconds")}).encode()
        os.pwrite(note, text, 0)
        os.ftruncate(note, len(text))
        return self

    def __exit__(self, *exc: object) -> None:
        if self._note_fd is not None:
            os.ftruncate(self._note_fd, 0)
            _HELD.discard(self._note_fd)
            os.close(self._note_fd)
            self._note_fd = None
        if self._archive_fd is not None:  # after the archive's connections are closed (see above)
            _HELD.discard(self._archive_fd)
            os.close(self._archive_fd)  # drops the flock
            self._archive_fd = None
