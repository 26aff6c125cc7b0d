"""The archive's indexes: columns that are NULL in most rows are indexed by their values
only, and an older archive's full indexes are replaced when it is next opened for ingest."""

from __future__ import annotations

import sqlite3

import pytest

from ingest.config import Config
from store.archive import Archive


SPARSE_LOOKUPS = [  # lookups by value of the columns that are NULL in most rows
    ("SELECT id FROM articles WHERE duplicate_of IN (1, 2)", "idx_articles_duplicate_of"),
    ("SELECT id, similarity FROM paragraphs WHERE passage_id = 1", "idx_paragraphs_passage_id"),
    ("SELECT article_id FROM paragraphs WHERE line_hash = 7", "idx_paragraphs_line_hash"),
]


@pytest.mark.parametrize("sql, index", SPARSE_LOOKUPS)
def test_an_older_archives_full_indexes_become_partial_and_lookups_still_use_them(samples_db, sql, index):
    conn = sqlite3.connect(samples_db, isolation_level=None)
    table, column = sql.split(" FROM ")[1].split()[0], index.split("_", 2)[2]
    conn.execute(f"DROP INDEX {index}")
    conn.execute(f"CREATE INDEX {index} ON {table} ({column})")  # as older archives have it
    rows_before = conn.execute(sql).fetchall()
    Archive.open(samples_db, Config().dedup).close()
    created = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", [index]).fetchone()[0]
    assert created.endswith(f"WHERE {column} IS NOT NULL")
    assert index in " ".join(row[-1] for row in conn.execute("EXPLAIN QUERY PLAN " + sql))
    assert conn.execute(sql).fetchall() == rows_before
