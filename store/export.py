"""The archive out, for pandas, DuckDB or a training pipeline: articles as JSON Lines, CSV or Parquet.

Rows stream from one query, so an export of any size holds one chunk of rows in memory.
Each row carries the article, its cluster (`duplicate_of`: the original it copies, or
NULL for an original), the passages it repeats, every location it was seen at, when it
was first fetched (`fetched_at`, where an input said) and the earlier version of its URL
(`previous_version`).
`originals_only` leaves near-duplicate copies out; a `match` (FTS5 expression, from
store.search.fts_query) exports only the articles a search finds, unranked.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterator
from typing import IO, Any

from . import script_index

FORMATS = ("jsonl", "csv", "parquet")
COLUMNS = ("id", "title", "published", "source", "url", "canonical_url", "site", "author", "language", "text",
           "duplicate_of", "similarity", "passage_ids", "locations", "fetched_at", "previous_version")
CHUNK = 500  # rows fetched (and, for Parquet, written) at a time


class ExportError(ValueError):
    """An export that cannot be made; the message says what to do."""


def articles(db: sqlite3.Connection, *, match: str | None = None, match_script_index: bool = False,
             originals_only: bool = False, source: str | None = None, since: str | None = None,
             until: str | None = None) -> Iterator[dict[str, Any]]:
    """The articles to export, oldest first, one dict per article (see COLUMNS)."""
    where, params = [], []
    if match is not None:
        table = script_index.SCRIPT_FTS if match_script_index else "articles_fts"
        where.append(f"a.id IN (SELECT rowid FROM {table} WHERE {table} MATCH ?)")
        params.append(match)
    if originals_only:
        where.append("a.duplicate_of IS NULL")
    if source:
        where.append("a.source = ?")
        params.append(source)
    if since:
        where.append("a.published >= ?")
        params.append(since)
    if until:
        where.append("a.published <= ? || 'z'")
        params.append(until)
    sql = ("SELECT a.id, a.title, a.published, a.source, a.url, a.canonical_url, a.site, a.author, a.language, "
           "a.text, a.duplicate_of, a.similarity, "
           "(SELECT group_concat(DISTINCT p.passage_id) FROM paragraphs p "
           " WHERE p.article_id = a.id AND p.passage_id IS NOT NULL), "
           "(SELECT json_group_array(s.location) FROM sightings s WHERE s.article_id = a.id), "
           "(SELECT min(s.fetched_at) FROM sightings s WHERE s.article_id = a.id), a.previous_version "
           "FROM articles a" + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY a.id")
    cursor = db.execute(sql, params)
    while rows := cursor.fetchmany(CHUNK):
        for row in rows:
            record = dict(zip(COLUMNS, row))
            record["passage_ids"] = sorted(int(p) for p in record["passage_ids"].split(",")) \
                if record["passage_ids"] else []
            record["locations"] = json.loads(record["locations"] or "[]")
            yield record


def write_jsonl(rows: Iterator[dict[str, Any]], out: IO[str]) -> int:
    """One JSON object a line; how many rows were written."""
    count = 0
    for count, row in enumerate(rows, 1):
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return count


def write_csv(rows: Iterator[dict[str, Any]], out: IO[str]) -> int:
    """CSV with a header; list columns joined by ';'. How many rows were written."""
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    count = 0
    for count, row in enumerate(rows, 1):
        writer.writerow([";".join(map(str, row[c])) if isinstance(row[c], list) else row[c] for c in COLUMNS])
    return count


def write_parquet(rows: Iterator[dict[str, Any]], path: str) -> int:
    """A Parquet file written a chunk at a time (needs pyarrow); how many rows were written."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ExportError("Parquet needs pyarrow: pip install 'newsarchive[parquet]' (or pyarrow), "
                          "or export --format jsonl") from None
    schema = pa.schema([("id", pa.int64()), ("title", pa.string()), ("published", pa.string()),
                        ("source", pa.string()), ("url", pa.string()), ("canonical_url", pa.string()),
                        ("site", pa.string()), ("author", pa.string()), ("language", pa.string()),
                        ("text", pa.string()), ("duplicate_of", pa.int64()),
                        ("similarity", pa.float64()), ("passage_ids", pa.list_(pa.int64())),
                        ("locations", pa.list_(pa.string())), ("fetched_at", pa.string()),
                        ("previous_version", pa.int64())])
    count = 0
    with pq.ParquetWriter(path, schema) as writer:
        chunk: list[dict[str, Any]] = []
        for row in rows:
            chunk.append(row)
            if len(chunk) == CHUNK:
                writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
                count += len(chunk)
                chunk = []
        if chunk or not count:
            writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
            count += len(chunk)
    return count
