"""Opening the archive's SQLite file: light enough for a command that only reads.

Only the standard library is imported here, so `newsarchive search` starts without
loading sqlite-utils (which loads numpy and pandas when they are installed).
"""

from __future__ import annotations

import os
import re
import sqlite3
import stat
from pathlib import Path
from urllib.parse import quote


# A new archive's page size. Its rows are large: an article's text, novel text, raw input
# and paragraphs are several KB each, its LSH blocks and full-text segments are blobs.
# With SQLite's default 4 KB pages most of them spill into overflow pages; with 32 KB
# pages an ingest ran 7-10% faster at 10,000-20,000 articles (16 KB about as much, 64 KB
# less), and a night's cost grew less with the archive (1.16-1.19x from 10,000 to 200,000
# articles, against 1.52-1.58x). SQLite fixes the size when the file's first table is
# written, so an archive made before keeps its own (README: how to convert one).
PAGE_SIZE = 32768
WAL_CHECKPOINT_BYTES = 64 * 2**20


_TOKENIZE = re.compile(r"tokenize\s*=\s*'((?:[^']|'')*)'", re.IGNORECASE)


def sql_string(value: str) -> str:
    """The value as an SQL string literal ("it's" -> 'it''s')."""
    return "'" + value.replace("'", "''") + "'"


def fts_tokenizer(db: "sqlite3.Connection | object", table: str) -> str:
    """The tokenize option an FTS5 table of the archive was made with (unicode61 if none).
    `db`: a sqlite3 connection or a sqlite_utils Database."""
    row = db.execute("SELECT sql FROM sqlite_master WHERE name = ?", [table]).fetchone()
    found = _TOKENIZE.search(row[0]) if row else None
    return found.group(1).replace("''", "'") if found else "unicode61"


class ArchiveError(Exception):
    """The archive cannot be opened or used as asked; the message says how to fix it."""


class ArchiveDamaged(sqlite3.DatabaseError):
    """The archive's tables disagree as only a damaged file explains (an index names a row its
    table does not hold): an error SQLite itself did not raise, where it skipped a damaged page."""


# What a user does about a damaged archive file (see is_damage).
RESTORE_ADVICE = "restore it from a backup (`newsarchive restore BACKUP`)"
DAMAGE_ADVICE = f"the archive file is damaged: `newsarchive check` says where; {RESTORE_ADVICE}"


def is_damage(exc: BaseException) -> bool:
    """Whether an error says the archive file is damaged: SQLite's SQLITE_CORRUPT ("database disk
    image is malformed", and its extended codes) or ArchiveDamaged."""
    return isinstance(exc, ArchiveDamaged) or (
        isinstance(exc, sqlite3.DatabaseError)
        and (getattr(exc, "sqlite_errorcode", 0) & 0xFF) == sqlite3.SQLITE_CORRUPT)  # (extended codes: low byte)


def damage_note(exc: BaseException) -> str:
    """What to add to an error's message when the error says the archive file is damaged
    ("; " and DAMAGE_ADVICE), else ""."""
    return f"; {DAMAGE_ADVICE}" if is_damage(exc) else ""


def open_connection(path: str | Path, busy_timeout: float = 30.0, readonly: bool = False) -> sqlite3.Connection:
    """A connection to the archive file: read-only, or for writing in WAL mode (autocommit,
    transactions explicit); always with a busy timeout and foreign keys on."""
    path = Path(path)
    if readonly:
        _check_archive_file(path)
        uri = f"file:{quote(str(path.absolute()))}?mode=ro"  # quoted: a '?' or '#' in the name
        try:
            conn = sqlite3.connect(uri, uri=True, timeout=busy_timeout)
        except sqlite3.Error as exc:
            raise ArchiveError(f"{path}: cannot open the archive ({exc})") from None
    else:
        if path.parent and not path.parent.exists():
            raise ArchiveError(f"{path}: folder {path.parent} does not exist")
        if path.exists() and not path.is_file():
            raise ArchiveError(f"{path}: not a file (an archive is one SQLite file)")
        conn = sqlite3.connect(str(path), timeout=busy_timeout, isolation_level=None)
    try:
        conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
        if not readonly:
            if conn.execute("PRAGMA page_count").fetchone()[0] == 0:  # a new file
                conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA cache_size = -65536")  # 64 MB of page cache: the hash indexes stay in it
            # checkpoint every 64 MB of WAL, not every 4 MB: a batch writes about 8 MB, and the
            # pages it shares with the next batches (index leaves, FTS segments) are then copied
            # into the archive and synced once per few batches instead of once per batch
            page_size = conn.execute("PRAGMA page_size").fetchone()[0]
            conn.execute(f"PRAGMA wal_autocheckpoint = {WAL_CHECKPOINT_BYTES // page_size}")
        conn.execute("PRAGMA foreign_keys = ON")
        if readonly and conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'articles'").fetchone() is None:
            conn.close()
            raise ArchiveError(f"{path}: an SQLite file with no articles table, not a newsarchive archive")
    except sqlite3.Error as exc:
        conn.close()
        if is_damage(exc):  # where its tables are listed: nothing of it can be read
            raise ArchiveError(f"{path}: the archive file is damaged ({exc}); {RESTORE_ADVICE}") from None
        raise ArchiveError(f"{path}: not a newsarchive SQLite archive, or one that cannot be read ({exc})") from None
    return conn


def _check_archive_file(path: Path) -> None:
    """Raise ArchiveError unless `path` is a non-empty regular file that can be read: what
    SQLite would otherwise report later, in the middle of a command, or not at all (an
    empty file opens as an empty database)."""
    create = f"create one with `newsarchive ingest PATH --db {path}`"
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ArchiveError(f"{path}: no archive here; {create}") from None
    except OSError as exc:
        raise ArchiveError(f"{path}: cannot read the archive ({exc.strerror})") from None
    if not stat.S_ISREG(info.st_mode):
        raise ArchiveError(f"{path}: not a file (an archive is one SQLite file); {create}")
    if info.st_size == 0:
        raise ArchiveError(f"{path}: an empty file, not an archive; {create}")
    # os.access, not open(): closing any descriptor of the archive file in a process drops
    # the POSIX locks SQLite holds on it there (the writer opens a reader too)
    if not os.access(path, os.R_OK):
        raise ArchiveError(f"{path}: cannot read the archive (permission denied)")
