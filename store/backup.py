"""A backup of the archive: one consistent, checked SQLite file, taken while ingest may write.

`cp archive.db` is no backup of a live archive. In WAL mode the last committed batches may
still be in archive.db-wal, which a copy of archive.db alone leaves out, and a copy taken
while an ingest checkpoints mixes pages of two moments. SQLite's online backup API copies the
database page by page; here it runs inside one read transaction on the source, so every page
comes from the same snapshot (an ingest goes on writing its WAL meanwhile, and the copy is of
the moment the backup began), and it never restarts however much is written meanwhile.

The copy is written next to its destination under a temporary name, switched to a rollback
journal (one self-contained file, no -wal beside it), checked with SQLite's quick_check and
synced before it is renamed into place: a backup that fails, is interrupted or would carry
damage leaves no file, and an older backup at that name stays as it was. The backup API copies
pages as they are, damaged ones too, so a damaged archive gives no backup (the check says so).

A restore copies a backup into the archive's place the same way, checked before anything is
moved; the file it replaces is kept beside it, with its WAL, under a name of its own.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from .connection import ArchiveError, damage_note, is_damage, open_connection

# Pages copied a step (8 MB at the archive's 32 KB pages): between steps the progress is
# reported and Ctrl-C or SIGTERM is taken.
PAGES_PER_STEP = 256


class BackupError(ArchiveError):
    """The backup was not made; the message says why and what to do."""


class BackupRefused(BackupError):
    """The backup was not made because of what was asked (an existing file not to be
    replaced, a folder that does not exist, the archive itself): a usage error."""


@dataclass(frozen=True)
class BackupReport:
    """What a finished backup holds and what it took."""

    path: Path
    articles: int
    bytes: int
    seconds: float


@dataclass(frozen=True)
class RestoreReport:
    """What a restore put in place, and where the file it replaced is kept."""

    articles: int
    kept: Path | None
    seconds: float


def backup_target(archive: Path, dest: Path, replace: bool = False) -> Path:
    """The file a backup of `archive` to `dest` writes: `dest` itself, or the archive's file
    name inside `dest` when it is a folder. Raises BackupRefused for a folder that does not
    exist, an existing file without `replace`, or the archive (or its WAL files) itself."""
    if str(dest) == "-":
        raise BackupRefused("a backup is an SQLite file, not a stream: name the file to write (or a folder)")
    target = dest / archive.name if dest.is_dir() else dest
    if not target.parent.is_dir():
        raise BackupRefused(f"{target}: folder {target.parent} does not exist")
    if target.is_dir():
        raise BackupRefused(f"{target}: a folder; name a file, or a folder without a file of that name")
    real = archive.resolve()
    if archive.exists() and target.exists() and os.path.samefile(archive, target) \
            or target.resolve() in {real.with_name(real.name + ending) for ending in ("-wal", "-shm", "-journal", ".lock")}:
        raise BackupRefused(f"{target}: that is the archive itself; back it up to another file")
    if os.path.lexists(target) and not replace:
        raise BackupRefused(f"{target} exists: give --replace to write the backup over it, or name another file")
    return target


def back_up(archive: Path, dest: Path, replace: bool = False, busy_timeout: float = 30.0,
            progress: Callable[[int, int], None] | None = None, pages_per_step: int = PAGES_PER_STEP) -> BackupReport:
    """Copy the archive file to `dest` (a file, or a folder to put the archive's file name in)
    as one consistent, checked SQLite file; `progress(pages_done, pages_total)` after each step.
    Raises BackupRefused (see backup_target) or BackupError; an interrupt (KeyboardInterrupt)
    propagates. Whatever ends it early, no file is left at `dest` but the one that was there."""
    started = time.monotonic()
    target = backup_target(archive, dest, replace)
    with _checked_copy(archive, target, "backup", busy_timeout, progress, pages_per_step) as (partial, articles):
        os.replace(partial, target)
        _sync(target.parent)
    return BackupReport(target, articles, target.stat().st_size, time.monotonic() - started)


def restore(backup: Path, archive: Path, busy_timeout: float = 30.0,
            progress: Callable[[int, int], None] | None = None) -> RestoreReport:
    """Put a copy of `backup` in the archive's place, checked as back_up checks its copies; the
    file it replaces, with its -wal and -shm, is kept beside it under a name of its own
    (archive.db.replaced-20261207T021500Z, ...-wal), never deleted: it may hold what came after
    the backup. The caller holds the archive's writer lock (no ingest may write meanwhile).
    Raises BackupRefused for the archive itself, BackupError for a backup that is damaged
    (the archive then as it was)."""
    started = time.monotonic()
    if not backup.is_file():
        raise BackupRefused(f"{backup}: no such file" if not os.path.lexists(backup) else f"{backup}: not a file")
    if archive.exists() and os.path.samefile(backup, archive):
        raise BackupRefused(f"{backup}: that is the archive itself; name a backup of it")
    archive = archive.resolve()
    with _checked_copy(backup, archive, "restore", busy_timeout, progress, PAGES_PER_STEP) as (partial, articles):
        with _signals_held():  # an interrupt comes before the swap or after it, never inside
            kept = _keep_replaced(archive)
            os.replace(partial, archive)  # the archive's name is never missing: no ingest can start on nothing
        _sync(archive.parent)
    return RestoreReport(articles, kept, time.monotonic() - started)


def _keep_replaced(archive: Path) -> Path | None:
    """Give the archive file and its -wal and -shm names of their own beside it (the file a
    hard link, so that its name stays taken until the restored file takes it); None when
    there is nothing to keep (no file, or the empty one a writer lock creates)."""
    wal, shm = (archive.with_name(archive.name + ending) for ending in ("-wal", "-shm"))
    if not archive.exists() or archive.stat().st_size == 0 and not wal.exists():
        return None
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    kept = archive.with_name(f"{archive.name}.replaced-{stamp}")
    number = 1
    while os.path.lexists(kept):
        number += 1
        kept = archive.with_name(f"{archive.name}.replaced-{stamp}-{number}")
    os.link(archive, kept)
    for companion, ending in ((wal, "-wal"), (shm, "-shm")):  # SQLite opens the kept file with its WAL
        if companion.exists():
            os.replace(companion, kept.with_name(kept.name + ending))
    return kept


@contextmanager
def _checked_copy(source_path: Path, target: Path, what: str, busy_timeout: float,
                  progress: Callable[[int, int], None] | None, pages_per_step: int) -> Iterator[tuple[Path, int]]:
    """Copy `source_path` with SQLite's backup API, in one read transaction, to a temporary file
    beside `target`, in rollback-journal mode, quick-checked and synced; yield its path and its
    number of articles. The temporary file is gone when the block ends, renamed or removed."""
    source = open_connection(source_path, busy_timeout, readonly=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    nothing_done = "nothing was written there" if what == "backup" else "the archive is as it was"
    copy = None
    try:
        try:
            source.execute("BEGIN")  # one read transaction: the snapshot every step copies from
            articles = source.execute("SELECT count(*) FROM articles").fetchone()[0]
            copy = sqlite3.connect(partial, isolation_level=None)

            def step(status: int, remaining: int, total: int) -> None:
                if progress is not None:
                    progress(total - remaining, total)

            source.backup(copy, pages=pages_per_step, progress=step)
            copy.execute("PRAGMA journal_mode = DELETE")  # one file: no -wal to keep beside it
            problems = [line.strip()[:200] for (text,) in copy.execute("PRAGMA quick_check(3)")
                        for line in text.splitlines() if line.strip() and not line.startswith("***")]
            copied = copy.execute("SELECT count(*) FROM articles").fetchone()[0] if problems == ["ok"] else None
        except sqlite3.Error as exc:
            if is_damage(exc):
                raise BackupError(_damaged(source_path, str(exc), what)) from None
            raise BackupError(f"the {what} to {target} failed: {exc}{damage_note(exc)}; {nothing_done}") from None
        finally:
            source.close()
            if copy is not None:
                copy.close()
        if problems != ["ok"]:
            raise BackupError(_damaged(source_path, problems[0] + (" and more" if len(problems) > 1 else ""), what))
        if copied != articles:  # pages SQLite skipped cannot be counted the same twice
            raise BackupError(_damaged(source_path, f"{articles} articles read, {copied} copied", what))
        _sync(partial)
        yield partial, articles
    except OSError as exc:
        raise BackupError(f"the {what} to {target} failed: {exc.strerror or exc}; {nothing_done}") from None
    finally:
        for leftover in (partial, partial.with_name(partial.name + "-journal")):
            if leftover.exists():
                leftover.unlink()


def _damaged(path: Path, problem: str, what: str) -> str:
    if what == "backup":
        return (f"{path} is damaged ({problem}): a backup would carry the damage, so none was written; "
                f"`newsarchive check` says where")
    return f"{path} is damaged ({problem}): not restored, the archive is as it was; restore an older backup"


@contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM back while the block runs (delivered when it ends): between
    moving the archive's -wal away and renaming the copy over it, the archive would read as
    itself without its last batches."""
    held = {signal.SIGINT, signal.SIGTERM}
    block = getattr(signal, "pthread_sigmask", None)
    previous = block(signal.SIG_BLOCK, held) if block else None
    try:
        yield
    finally:
        if block:
            block(signal.SIG_SETMASK, previous)


def _sync(path: Path) -> None:
    """fsync a file or a folder (a rename is durable once its folder is synced)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
