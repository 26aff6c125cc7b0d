"""SIGKILL a real ingest at various points, rerun it, and get exactly the uninterrupted archive.

What "exactly the archive an uninterrupted run would have" means here: every row
of every content table (articles, sightings, paragraphs, passages, removed_lines,
raw_documents, rejects, the LSH buckets and sketches, settings) is equal, column
for column, ids included, except the run_id columns, which say which run wrote a
row and so differ by design. Ids can be compared because they are deterministic:
tables use INTEGER PRIMARY KEY without AUTOINCREMENT, so a new row gets max(id)+1,
and the rows of a killed batch are rolled back, so the rerun hands out the same
ids in the same order. ingest_runs itself differs by design: it also lists the
killed runs, marked interrupted by the run after them.

After every kill the archive must pass PRAGMA integrity_check, foreign_key_check
and the FTS5 integrity check, and search must find the same articles.
"""

from __future__ import annotations

import shutil
import signal
import sqlite3
import time
from pathlib import Path

import pytest
import sqlite_utils

from corpus import query, run, start, write_config, write_corpus
from ingest.config import load_config
from ingest.pipeline import ingest
from store.lsm import LSMIndex

pytestmark = pytest.mark.slow

FILES, BATCH = 240, 8
SKIP_COLUMNS = {"run_id", "learned_in_run"}
SEARCH_WORDS = ["kamira", "tor", "published"]


def content(db_path: Path) -> dict[str, list[tuple]]:
    """Every content table's rows (without run_id columns), in id order, plus some searches."""
    conn = sqlite3.connect(db_path)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'articles_fts%' "
            "AND name NOT LIKE 'sqlite_%' AND name != 'ingest_runs' ORDER BY name")]
        out = {}
        for table in tables:
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] not in SKIP_COLUMNS]
            order = ", ".join(str(i + 1) for i in range(len(columns)))
            out[table] = conn.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY {order}").fetchall()
        # an LSH index is one set of (key, item) entries, however it is split into runs and blocks
        for kind in ("articles", "paragraphs"):
            del out[f"_lsh_{kind}_runs"], out[f"_lsh_{kind}_blocks"]
            out[f"_lsh_{kind}"] = sorted(LSMIndex(sqlite_utils.Database(conn), kind, bands=0, rows=0).entries())
        for word in SEARCH_WORDS:
            out[f"search:{word}"] = conn.execute(
                "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank, rowid",
                [word + "*"]).fetchall()
        return out
    finally:
        conn.close()


def assert_intact(db_path: Path) -> None:
    """SQLite's, the foreign keys' and FTS5's own integrity checks (of both indexes) pass."""
    conn = sqlite3.connect(db_path, isolation_level=None)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        for fts in ("articles_fts", "_novel_fts"):
            if conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", [fts]).fetchone():
                conn.execute(f"INSERT INTO {fts}({fts}) VALUES('integrity-check')")
    finally:
        conn.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, Path]:
    """The input folder and a config with small batches."""
    base = tmp_path_factory.mktemp("crash")
    folder = base / "in"
    write_corpus(folder, FILES, seed=11)
    return folder, write_config(base / "config.toml", BATCH)


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory) -> dict[str, list[tuple]]:
    """The archive of one uninterrupted run (through the library: the same code, no start-up cost)."""
    folder, config = corpus
    db = tmp_path_factory.mktemp("reference") / "archive.db"
    summary = ingest([folder], db, load_config(config))
    assert summary.new > 150 and summary.near_duplicates and summary.repeated_passages and summary.rejected
    assert_intact(db)
    return content(db)


def processed(db: Path) -> int:
    """Inputs recorded so far (sightings and rejects): grows by about a batch per commit."""
    try:
        return query(db, "SELECT (SELECT count(*) FROM sightings) + (SELECT count(*) FROM rejects)")[0][0]
    except sqlite3.Error:  # not created yet
        return 0


def kill_when(proc, ready, pause: float = 0.0, timeout: float = 60) -> int:
    """SIGKILL the process `pause` seconds after ready() first holds; its return code."""
    deadline = time.monotonic() + timeout
    while proc.poll() is None and time.monotonic() < deadline and not ready():
        time.sleep(0.005)
    time.sleep(pause)
    proc.send_signal(signal.SIGKILL)
    proc.communicate()
    return proc.returncode


# Python run in the ingest process before the CLI, to SIGKILL it at an exact point.
KILL_AFTER_WRITES = """
import os, signal
from store.archive import Archive
_write, _count = Archive.write_article, [0]
def _killing_write(self, *args, **kwargs):
    result = _write(self, *args, **kwargs)
    _count[0] += 1
    if _count[0] == {n}:
        os.kill(os.getpid(), signal.SIGKILL)  # inside the batch transaction, rows written, not committed
    return result
Archive.write_article = _killing_write
"""
KILL_BEFORE_COMMIT = """
import os, signal
from contextlib import contextmanager
import ingest.pipeline as pipeline
_transaction, _count = pipeline.transaction, [0]
@contextmanager
def _killing_transaction(db):
    with _transaction(db):
        yield db
        _count[0] += 1
        if _count[0] == {n}:
            os.kill(os.getpid(), signal.SIGKILL)  # the whole batch written, COMMIT not yet issued
pipeline.transaction = _killing_transaction
"""


def started_runs(db: Path) -> int:
    try:
        return query(db, "SELECT count(*) FROM ingest_runs")[0][0]
    except sqlite3.Error:
        return 0


KILL_PLANS = {
    "mid-batch": [("prelude", KILL_AFTER_WRITES.format(n=29))],
    "before-commit": [("prelude", KILL_BEFORE_COMMIT.format(n=5))],
    # the last kill lands early in a run, while most of its inputs are still to come (it
    # was 0.25 s after the start, until ingest got fast enough to finish 140 inputs in it)
    "repeatedly": [("after", 30, 0.0), ("after", 100, 0.013), ("run-started", 0.05)],
}


@pytest.mark.parametrize("plan", list(KILL_PLANS))
def test_killed_ingest_reruns_to_the_uninterrupted_archive(plan, corpus, reference, tmp_path):
    folder, config = corpus
    db = tmp_path / "archive.db"
    args = ("ingest", folder, "--db", db, "--config", config)
    for step in KILL_PLANS[plan]:
        runs_before = started_runs(db)
        if step[0] == "prelude":
            proc = start(*args, prelude=step[1])
            proc.communicate(timeout=120)
        elif step[0] == "after":
            proc = start(*args)
            kill_when(proc, lambda: processed(db) >= step[1], pause=step[2])
        else:
            proc = start(*args)
            kill_when(proc, lambda: started_runs(db) > runs_before, pause=step[1])
        assert proc.returncode == -signal.SIGKILL, (plan, step, proc.returncode)
        assert_intact(db)
        statuses = [r[0] for r in query(db, "SELECT status FROM ingest_runs ORDER BY id")]
        assert statuses[-1] == "running"  # left behind by the killed run
    done = run(*args)
    assert done.returncode == 0, done.stderr
    assert_intact(db)
    statuses = [r[0] for r in query(db, "SELECT status FROM ingest_runs ORDER BY id")]
    assert statuses == ["interrupted"] * len(KILL_PLANS[plan]) + ["ok"]
    got = content(db)
    assert got.keys() == reference.keys()
    for table in reference:
        assert got[table] == reference[table], f"{plan}: {table} differs from the uninterrupted run"
    again = run(*args)  # and a further run changes nothing
    assert again.returncode == 0 and "new 0" in again.stdout and "rejected 0" in again.stdout
    assert content(db) == reference


def test_a_copy_of_a_killed_archive_is_usable(corpus, tmp_path):
    """What a backup taken right after a crash holds (the -wal file included) is a valid archive."""
    folder, config = corpus
    db = tmp_path / "archive.db"
    proc = start("ingest", folder, "--db", db, "--config", config, prelude=KILL_AFTER_WRITES.format(n=12))
    proc.communicate(timeout=120)
    assert proc.returncode == -signal.SIGKILL
    copy = tmp_path / "copy"
    copy.mkdir()
    for path in tmp_path.glob("archive.db*"):
        shutil.copy(path, copy / path.name)
    assert_intact(copy / "archive.db")
    assert query(copy / "archive.db", "SELECT count(*) FROM articles")[0][0] >= 8  # the first batch


def test_a_killed_ingest_leaves_no_worker_process_behind(corpus, tmp_path):
    """Workers of a writer killed outright exit: none holds memory, or the writer's output
    (whoever reads it, cron say, gets its end instead of waiting forever)."""
    folder, _ = corpus
    config = write_config(tmp_path / "config.toml", BATCH, workers=2)
    proc = start("ingest", folder, "--db", tmp_path / "archive.db", "--config", config,
                 prelude=KILL_AFTER_WRITES.format(n=12))
    proc.communicate(timeout=30)  # the output ends once every process holding it has exited
    assert proc.returncode == -signal.SIGKILL
