"""One writer per archive: a second ingest exits 75 naming the first; readers keep working;
the lock cannot be fooled by a symbolic link or a deleted lock file, nor outlive its writer."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest

from corpus import ROOT, cli_env, query, run, start, write_config, write_corpus
from ingest.lock import LockError, LockHeld, WriterLock, lock_path

pytestmark = pytest.mark.slow

HOLD_LOCK = """
import sys
from ingest.lock import WriterLock
with WriterLock(sys.argv[1]):
    print("locked", flush=True)
    sys.stdin.read()
"""


def hold_lock(db: Path) -> subprocess.Popen:
    """A process that holds the archive's writer lock until its stdin closes."""
    proc = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(db)], cwd=ROOT, env=cli_env(),
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "locked"
    return proc


def wait_for(condition, timeout: float = 60) -> None:
    """Poll until condition() is true (an archive not created yet counts as false)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            if condition():
                return
        except sqlite3.Error:
            pass
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def test_second_writer_in_one_process_is_refused(tmp_path):
    db = tmp_path / "archive.db"
    with WriterLock(db):
        with pytest.raises(LockHeld, match=r"pid \d+, started \d{4}-"):
            with WriterLock(db):
                pass
    with WriterLock(db):  # released on exit
        pass


def test_a_forked_child_does_not_keep_the_lock(tmp_path):
    # a worker forked while the writer holds the lock inherits its descriptor; were it
    # kept, the lock would outlive the writer as long as the worker ran
    db = tmp_path / "archive.db"
    with WriterLock(db):
        ready, started = os.pipe()
        child = os.fork()
        if child == 0:  # (the at-fork hooks have run when the child runs its first line)
            os.write(started, b"x")
            time.sleep(30)
            os._exit(0)
        assert os.read(ready, 1) == b"x"
    try:
        with WriterLock(db):  # taken although the child still runs
            pass
    finally:
        os.kill(child, signal.SIGKILL)
        os.waitpid(child, 0)
        os.close(ready)
        os.close(started)


def test_ingest_exits_75_while_another_process_holds_the_lock(tmp_path):
    db = tmp_path / "archive.db"
    holder = hold_lock(db)
    try:
        result = run("ingest", ROOT / "samples", "--db", db)
        assert result.returncode == 75, result.stderr
        assert f"pid {holder.pid}, started " in result.stderr
        assert "Traceback" not in result.stderr
        assert db.stat().st_size == 0  # the holder's lock made it; the refused run wrote nothing
    finally:
        holder.stdin.close()
        holder.wait()
    assert run("ingest", ROOT / "samples", "--db", db).returncode == 0


def test_a_killed_holder_leaves_no_stale_lock(tmp_path):
    db = tmp_path / "archive.db"
    holder = hold_lock(db)
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    assert str(holder.pid) in lock_path(db).read_text()  # the file still names the dead holder ...
    result = run("ingest", ROOT / "samples", "--db", db)
    assert result.returncode == 0, result.stderr  # ... but nobody holds the flock


# Run in the first ingest before the CLI: at its 9th article (so in the second batch
# or later, after a commit) it waits inside the open write transaction, holding the
# lock and SQLite's write lock, until the test creates the release file.
PAUSE_IN_A_WRITE = """
import os, time
import ingest.pipeline as pipeline
_write, _count = pipeline.Ingester._write_article, [0]
def _pausing_write(self, *args):
    _count[0] += 1
    if _count[0] == 9:
        while not os.path.exists({release!r}):
            time.sleep(0.01)
    return _write(self, *args)
pipeline.Ingester._write_article = _pausing_write
"""


@contextmanager
def paused_ingest(tmp_path: Path) -> Iterator[tuple[subprocess.Popen, Path]]:
    """An ingest of 60 articles paused inside a write, once its first batch is committed;
    released when the block ends, then checked to finish with its run recorded ok."""
    folder = tmp_path / "in"
    write_corpus(folder, 60, seed=5)
    config = write_config(tmp_path / "config.toml", 8)
    db, release = tmp_path / "archive.db", tmp_path / "release"
    first = start("ingest", folder, "--db", db, "--config", config,
                  prelude=PAUSE_IN_A_WRITE.format(release=str(release)))
    try:
        wait_for(lambda: query(db, "SELECT count(*) FROM sightings")[0][0] > 0)
        yield first, db
    finally:
        release.touch()
    out, err = first.communicate(timeout=120)
    assert first.returncode == 0, err
    assert query(db, "SELECT status FROM ingest_runs") == [("ok",)]  # a refused ingest left no run


def test_two_ingests_one_archive_and_readers_during_the_write(tmp_path):
    with paused_ingest(tmp_path) as (first, db):
        second = run("ingest", ROOT / "samples", "--db", db)
        assert second.returncode == 75, second.stderr
        assert f"pid {first.pid}" in second.stderr and "started" in second.stderr

        time.sleep(0.2)  # let it reach the pause inside the write transaction
        # readers work while the first writes: search, runs (showing it running), stats
        word = query(db, "SELECT title FROM articles LIMIT 1")[0][0].split()[0]
        found = run("search", word, "--db", db, "--json")
        assert found.returncode == 0, found.stderr
        assert any(json.loads(line)["title"] for line in found.stdout.splitlines())
        runs = run("runs", "--db", db)
        assert runs.returncode == 0 and f"running (pid {first.pid})" in runs.stdout
        assert run("stats", "--db", db).returncode == 0
        assert first.poll() is None


def test_a_symlinked_lock_file_is_refused_and_its_target_left_intact(tmp_path):
    db, target = tmp_path / "archive.db", tmp_path / "precious.txt"
    target.write_text("a file the lock must never write\n")
    lock_path(db).symlink_to(target)
    with pytest.raises(LockError, match="symbolic link"):
        with WriterLock(db):
            pass
    result = run("ingest", ROOT / "samples", "--db", db)
    assert result.returncode == 1, result.stderr
    assert "symbolic link" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert target.read_text() == "a file the lock must never write\n"
    hard = tmp_path / "other.db"
    os.link(target, lock_path(hard))  # a hard link is refused too: writing it would write the target
    with pytest.raises(LockError, match="hard link"):
        with WriterLock(hard):
            pass
    assert target.read_text() == "a file the lock must never write\n"


def test_deleting_the_lock_file_mid_run_admits_no_second_writer(tmp_path):
    with paused_ingest(tmp_path) as (first, db):
        lock_path(db).unlink()
        second = run("ingest", ROOT / "samples", "--db", db)
        assert second.returncode == 75, second.stderr
        assert "another ingest is writing to this archive" in second.stderr
        assert first.poll() is None
    assert run("ingest", ROOT / "samples", "--db", db).returncode == 0  # and the lock is free again


def test_the_lock_on_the_archive_leaves_sqlite_readers_and_writers_alone(tmp_path):
    # flock and SQLite's fcntl locks are separate families: under the writer lock, this
    # process writes and another process reads and even writes (SQLite's own locking decides)
    db = tmp_path / "archive.db"
    with WriterLock(db):
        conn = sqlite3.connect(db, isolation_level=None)
        conn.execute("PRAGMA journal_mode = wal")
        conn.execute("CREATE TABLE t (x)")
        conn.execute("INSERT INTO t VALUES (1)")
        other = subprocess.run([sys.executable, "-c", "import sqlite3, sys\n"
                                "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
                                "c.execute('INSERT INTO t VALUES (2)')\n"
                                "print(c.execute('SELECT count(*) FROM t').fetchone()[0])", str(db)],
                               capture_output=True, text=True, timeout=60)
        assert other.returncode == 0 and other.stdout.strip() == "2", other.stderr
        conn.close()
