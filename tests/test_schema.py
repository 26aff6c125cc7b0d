"""The archive's file and indexes: a new archive's page size, and an older archive's kept;
columns that are NULL in most rows are indexed by their values only, and an older
archive's full indexes are replaced when it is next opened for ingest."""

from __future__ import annotations

import sqlite3

import pytest

from ingest.config import Config
from store.archive import Archive
from store.connection import PAGE_SIZE, WAL_CHECKPOINT_BYTES

from conftest import SAMPLES
from corpus import query


def pragma(path, name: str) -> int | str:
    return query(path, f"PRAGMA {name}")[0][0]


def test_a_new_archive_gets_the_large_page_size(samples_db):
    assert PAGE_SIZE != 4096  # SQLite's default: the archive would not need to set it
    assert pragma(samples_db, "page_size") == PAGE_SIZE
    assert pragma(samples_db, "journal_mode") == "wal"


def test_an_archive_made_with_small_pages_keeps_them_and_checkpoints_by_bytes(cli, db_path):
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA page_size = 4096")
    conn.execute("CREATE TABLE made_before (x)")  # the size is fixed from here on
    conn.close()
    cli("ingest", SAMPLES, "--db", db_path)
    assert pragma(db_path, "page_size") == 4096
    assert cli("search", "Guaido", "--db", db_path).output.count("Guaid") >= 1
    archive = Archive.open(db_path, Config().dedup)
    try:
        assert archive.db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == WAL_CHECKPOINT_BYTES // 4096
    finally:
        archive.close()


SPARSE_LOOKUPS = [  # lookups by value of the columns that are NULL in most rows (paragraphs: the view)
    ("SELECT id FROM articles WHERE duplicate_of IN (1, 2)", "articles", "duplicate_of"),
    ("SELECT id, similarity FROM paragraphs WHERE passage_id = 1", "_paragraphs", "passage_id"),
    ("SELECT article_id FROM paragraphs WHERE line_hash = 7", "_paragraphs", "line_hash"),
]


@pytest.mark.parametrize("sql, table, column", SPARSE_LOOKUPS)
def test_an_older_archives_full_indexes_become_partial_and_lookups_still_use_them(samples_db, sql, table, column):
    conn = sqlite3.connect(samples_db, isolation_level=None)
    index = f"idx_{table}_{column}"
    conn.execute(f"DROP INDEX {index}")
    conn.execute(f"CREATE INDEX {index} ON {table} ({column})")  # as older archives have it
    rows_before = conn.execute(sql).fetchall()
    Archive.open(samples_db, Config().dedup).close()
    created = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", [index]).fetchone()[0]
    assert created.endswith(f"WHERE {column} IS NOT NULL")
    assert index in " ".join(row[-1] for row in conn.execute("EXPLAIN QUERY PLAN " + sql))
    assert conn.execute(sql).fetchall() == rows_before
