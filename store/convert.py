"""Converting an archive made before each byte was stored once (schema version 1 -> 2).

Run by store.schema.create_schema whenever an archive is opened for writing (an ingest,
reclean, or `Archive.open`), inside that open's transaction: a conversion that fails
leaves the archive as it was. What changes (nothing is lost, every id stays):

- `paragraphs`, a table holding each paragraph's text, becomes `_paragraphs` holding
  where the paragraph is in its article's text (bytes), and the view `paragraphs`
  shows the same columns as before. A paragraph found elsewhere than its place in the
  text (an archive whose text and paragraphs disagreed), or one of an article longer
  than OWN_TEXT_ABOVE bytes, keeps its text in `own_text`.
- `articles.novel_text` becomes NULL where it equals the text.
- `raw_documents.content` is compressed (store.rawcontent), one input at a time, and
  `content_encoding` says how.
- LSH blocks keep their keys as gaps and their items in 3 or 4 bytes where they fit
  (store.lsm.key_blob, item_blob).
- `_shingles_paragraphs`, `_sketches_articles` and `_sketches_heads` are dropped: a
  candidate's shingle set or sketches are recomputed from its text when verification
  needs them (store.shingles).

The pages the old copies took are free pages of the file afterwards, which later
ingests fill again; `sqlite3 ARCHIVE 'VACUUM'` gives them back to the disk at once
(README). A large archive's conversion writes most of the file once into its WAL.
"""

from __future__ import annotations

import sqlite3

from . import rawcontent
from .lsm import block_items, block_keys, item_blob, key_blob

OLD_VERSION = 1
NOVEL_TRIGGERS = ("articles_novel_ai", "articles_novel_ad", "articles_novel_au")
RAW_CHUNK = 256  # ids of raw inputs read per query when compressing them


def upgrade(conn: sqlite3.Connection, version: int) -> bool:
    """Convert a version 1 archive (see the module docstring) and record `version`;
    False when there is nothing to convert (a new archive, or one converted already)."""
    stored = conn.execute("SELECT value FROM _settings WHERE key = 'schema_version'").fetchone()
    if stored is None or stored[0] != str(OLD_VERSION):
        return False
    paragraphs_into_offsets(conn)
    novel_text_once(conn)
    compress_raw_documents(conn)
    for kind in ("articles", "paragraphs"):
        pack_lsh_items(conn, f"_lsh_{kind}_blocks")
    for table in ("_shingles_paragraphs", "_sketches_articles", "_sketches_heads"):
        conn.execute(f"DROP TABLE IF EXISTS {table}")  # recomputed from the text now (store.shingles)
    conn.execute("UPDATE _settings SET value = ? WHERE key = 'schema_version'", [str(version)])
    return True


def paragraphs_into_offsets(conn: sqlite3.Connection) -> None:
    """Move a `paragraphs` table's rows into `_paragraphs` (same ids, passages, similarity
    and line hashes), as offsets into the article's text, and drop the table."""
    from .schema import OWN_TEXT_ABOVE  # here: store.schema imports this module

    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'paragraphs'").fetchone() is None:
        return
    # a paragraph starts where the ones before it end, each followed by "\n\n" (2 bytes)
    conn.execute(
        """INSERT INTO _paragraphs (id, article_id, position, text_start, text_length, passage_id, similarity,
                                    line_hash)
           SELECT id, article_id, position,
                  sum(length(CAST(text AS BLOB)) + 2) OVER previous - length(CAST(text AS BLOB)) - 2,
                  length(CAST(text AS BLOB)), passage_id, similarity, line_hash
           FROM paragraphs WINDOW previous AS (PARTITION BY article_id ORDER BY position
                                               ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)""")
    # a paragraph of a long article, or one that is not there, keeps its own copy
    conn.execute(
        """UPDATE _paragraphs SET own_text = (SELECT text FROM paragraphs o WHERE o.id = _paragraphs.id)
           WHERE article_id IN (SELECT id FROM articles WHERE length(CAST(text AS BLOB)) > ?)
              OR id IN (SELECT o.id FROM paragraphs o JOIN _paragraphs n ON n.id = o.id
                        LEFT JOIN articles a ON a.id = o.article_id
                        WHERE CAST(substr(CAST(a.text AS BLOB), n.text_start + 1, n.text_length) AS TEXT)
                              IS NOT o.text)""", [OWN_TEXT_ABOVE])
    conn.execute("DROP TABLE paragraphs")  # its indexes go with it


def novel_text_once(conn: sqlite3.Connection) -> None:
    """Set novel_text NULL where it equals the text. The triggers that keep _novel_fts
    are dropped first (create_schema makes them again): the rows that change were never
    in that index, and a trigger would take them for rows that now enter it."""
    for name in NOVEL_TRIGGERS:
        conn.execute(f"DROP TRIGGER IF EXISTS {name}")
    conn.execute("UPDATE articles SET novel_text = NULL WHERE novel_text = text")


def compress_raw_documents(conn: sqlite3.Connection) -> None:
    """Add content_encoding to raw_documents if it lacks it, and compress every input
    stored as read, one at a time (memory: one input and its compressed copy)."""
    if not rawcontent.has_encoding(conn):
        conn.execute("ALTER TABLE raw_documents ADD COLUMN content_encoding TEXT")
    compressor = rawcontent.RawCompressor(conn)
    compressor.maybe_train()  # from the inputs as read, before any is compressed
    last = 0
    while True:
        ids = [i for (i,) in conn.execute(
            "SELECT id FROM raw_documents WHERE id > ? AND content_encoding IS NULL AND content IS NOT NULL "
            "ORDER BY id LIMIT ?", [last, RAW_CHUNK])]
        if not ids:
            return
        for raw_id in ids:
            content = rawcontent.raw_content(conn, raw_id)
            stored, encoding = rawcontent.encode(content, compressor)
            if encoding is not None:
                conn.execute("UPDATE raw_documents SET content = ?, content_encoding = ? WHERE id = ?",
                             [stored, encoding, raw_id])
        last = ids[-1]


def pack_lsh_items(conn: sqlite3.Connection, table: str) -> None:
    """Rewrite an LSH blocks table's keys and items packed (store.lsm.key_blob, item_blob),
    a block at a time."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", [table]).fetchone() is None:
        return
    last = (0, -1)
    while True:
        rows = conn.execute(f"SELECT run, block, keys, items FROM {table} WHERE (run, block) > (?, ?) "
                            f"ORDER BY run, block LIMIT {RAW_CHUNK}", last).fetchall()
        if not rows:
            return
        for run, block, keys, items in rows:
            unpacked = block_keys(keys)
            packed_keys, packed_items = key_blob(unpacked), item_blob(block_items(items, len(unpacked)))
            if len(packed_keys) + len(packed_items) < len(keys) + len(items):
                conn.execute(f"UPDATE {table} SET keys = ?, items = ? WHERE run = ? AND block = ?",
                             [packed_keys, packed_items, run, block])
        last = rows[-1][:2]
