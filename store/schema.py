"""The archive's tables, created with sqlite-utils (DESIGN.md's schema is a contract).

Foreign keys are declared when a table is created, never added later: sqlite-utils'
transform() and add_foreign_key() rebuild tables and drop FTS triggers.
"""

from __future__ import annotations

import json
from typing import Sequence

import sqlite_utils

from . import convert, rawcontent, templates
from .lsm import LSMIndex
from . import script_index
from .connection import fts_tokenizer, sql_string
from .search import NOVEL_FTS

# 2: each byte stored once (paragraphs as offsets into their article's text, novel_text
# NULL where it is the text, raw inputs compressed); version 1 archives are converted
# when opened for writing (store.convert), and an older newsarchive refuses version 2.
SCHEMA_VERSION = 2
# unicode61 folds case and accents. Its default token characters are letters, numbers and
# private-use characters; marks are added: without them it cut every word of Devanagari,
# Bengali, Tamil, Thai or vowelled Arabic at its vowel signs ("काम", work, was the tokens
# क म, found in "कुमार", क म र, and across words). Latin accents are folded
# all the same (remove_diacritics drops a combining accent too). An archive indexed with
# another tokenizer is indexed again when next opened for writing (`create_schema`).
FTS_TOKENIZE = "unicode61 remove_diacritics 2 categories 'L* N* Co M*'"
FTS_COLUMNS = ["title", "text"]  # DESIGN.md: articles_fts is FTS5 on articles(title, text)
# FTS5 merges a level's segments once this many pile up (its default is 4). Every merge
# rewrites the postings it merges: at 4, inserting an article into a 20k archive took
# 1.9-2.2 ms, at 16 it takes 1.1-1.3 ms (a posting is rewritten about half as often),
# and a query reads a few more segments (search within noise).
FTS_AUTOMERGE = 16
# While the ingest writer holds a row here (only inside its batch transaction, so no
# other connection ever sees one), the insert trigger leaves articles_fts alone and the
# writer indexes the batch's new articles in one statement before it commits. SQLite
# 3.40's FTS5 flushes its pending terms to a new segment at every statement savepoint,
# and an INSERT that fires a trigger opens one: indexed by the trigger, each article
# became a segment of its own, to be merged again and again (0.56 ms an article
# against 0.17 ms for one statement per batch).
FTS_DEFERRED = "_fts_deferred"
# Columns that hold NULL in most rows, indexed by their values only (see sparse_index):
# most articles are no near-duplicate, most paragraphs no passage and no short line.
SPARSE_COLUMNS = [("articles", "duplicate_of"), ("_paragraphs", "passage_id"), ("_paragraphs", "line_hash")]
# Ids are forever (DESIGN.md). `reclean` re-cleans every stored input with today's rules and
# keeps every article id (ingest/reclean.py); two outcomes leave an id without text of its own:
# - merged: the input it was cleaned from now cleans to exactly the text of another article.
#   Its row leaves `articles` (content_hash is UNIQUE, and a second copy of the text would be
#   a second search hit) and its id becomes a row of `article_redirects` (id, to_id, reason,
#   run_id, raw_id, title): `show ID` and datasette (to_id is a foreign key) follow it to the
#   article. Users read it, so its name has no underscore. A new article never takes an id
#   that a redirect holds (`writes.next_article_id`), and a later reclean that gives the
#   input its own text again makes the id an article again (raw_id names the input).
# - empty: every line of the input is now boilerplate. The row stays in `articles` with
#   status EMPTY_AFTER_RECLEAN, text '' (the kept paragraphs: none), content_hash
#   'empty:' + the input's sha256 (unique, and never the hash of a text, so no input is an
#   exact duplicate of it), and the lines with the rules that removed them in removed_lines.
# status is NULL for every other article. The raw input is kept in both cases.
EMPTY_AFTER_RECLEAN = "empty after reclean"
RECLEAN_FAILED = "reclean failed"
# Paragraphs are stored once, in their article's text (articles.text is the kept
# paragraphs joined by blank lines): `_paragraphs` holds where each one is in it, in
# UTF-8 bytes (text_start, 0-based, and text_length: a byte offset is found without
# walking the text's characters, and SQLite's substr() on text stops at a NUL
# character, on a blob it does not), and `own_text` only for a paragraph that is not
# there (an older archive's whose text and paragraphs disagreed keeps its paragraph
# this way), or whose article's text is longer than OWN_TEXT_ABOVE bytes. Cutting a
# paragraph out reads its article's whole text, so the paragraphs of a 5 MB article
# (10,000 of them) took 3.4 s to read through the view; above the bound each keeps
# its own copy and a row costs at most a 64 KB read (such articles are rare: none of
# the benchmark's, whose average is 6 KB). The view `paragraphs` shows the
# contract's columns (DESIGN.md), text included, so tools and datasette read it as
# they read the table; writers write `_paragraphs`. The text is cut out only when a
# query reads it (a correlated subquery, not a join): a lookup by passage or article
# costs what it cost on the table. articles.text is never updated in place (reclean
# rebuilds the archive): a tool that changed it would have to rewrite its paragraphs.
PARAGRAPHS_TABLE = "_paragraphs"
OWN_TEXT_ABOVE = 65536
PARAGRAPHS_VIEW = f"""CREATE VIEW IF NOT EXISTS paragraphs AS
SELECT p.id, p.article_id, p.position,
       coalesce(p.own_text, (SELECT CAST(substr(CAST(a.text AS BLOB), p.text_start + 1, p.text_length) AS TEXT)
                             FROM articles a WHERE a.id = p.article_id)) AS text,
       p.passage_id, p.similarity, p.line_hash
FROM {PARAGRAPHS_TABLE} p"""
# novel_text is NULL where it is the article's text (most articles: those that repeat no
# passage first seen elsewhere); readers read coalesce(novel_text, text). A tool that
# writes the text itself there means the same: _novel_fts holds the articles whose novel
# text is neither (NOVEL_DIFFERS, of a table alias or trigger row prefix such as "new.").
NOVEL_TEXT = "coalesce(novel_text, text)"
NOVEL_DIFFERS = "{0}novel_text IS NOT NULL AND {0}novel_text IS NOT {0}text"


def create_schema(db: sqlite_utils.Database) -> None:
    """Create every table, index, FTS table and trigger that does not exist yet."""
    t = db.table
    t("ingest_runs").create({
        "id": int, "started_at": str, "finished_at": str, "status": str, "counts": str,
        "pid": int, "paths": str, "error": str,
    }, pk="id", if_not_exists=True)
    if "error" not in db["ingest_runs"].columns_dict:  # archives made before runs kept their error
        db["ingest_runs"].add_column("error", str)
    t("raw_documents").create({
        "id": int, "sha256": str, "media_type": str, "content": bytes,
        "first_location": str, "article_id": int, "content_encoding": str,
    }, pk="id", not_null={"sha256", "media_type"}, if_not_exists=True)
    t("articles").create({
        "id": int, "title": str, "text": str, "published": str, "source": str,
        "content_hash": str, "duplicate_of": int, "similarity": float, "novel_text": str,
        "raw_id": int, "run_id": int, "status": str,
    }, pk="id", not_null={"text", "content_hash"},
        foreign_keys=[("duplicate_of", "articles", "id"), ("raw_id", "raw_documents", "id"),
                      ("run_id", "ingest_runs", "id")],
        if_not_exists=True)
    if "status" not in db["articles"].columns_dict:  # archives made before reclean kept every id
        db["articles"].add_column("status", str)
    t("article_redirects").create({
        "id": int, "to_id": int, "reason": str, "run_id": int, "raw_id": int, "title": str,
    }, pk="id", not_null={"to_id", "reason"},
        foreign_keys=[("to_id", "articles", "id"), ("run_id", "ingest_runs", "id"),
                      ("raw_id", "raw_documents", "id")],
        if_not_exists=True)
    t("sightings").create({
        "id": int, "article_id": int, "location": str, "run_id": int, "raw_id": int,
    }, pk="id", not_null={"article_id", "location"},
        foreign_keys=[("article_id", "articles", "id"), ("run_id", "ingest_runs", "id"),
                      ("raw_id", "raw_documents", "id")],
        if_not_exists=True)
    t("passages").create({
        "id": int, "first_article_id": int, "occurrences": int, "text": str,
    }, pk="id", foreign_keys=[("first_article_id", "articles", "id")], if_not_exists=True)
    t(PARAGRAPHS_TABLE).create({
        "id": int, "article_id": int, "position": int, "text_start": int, "text_length": int,
        "passage_id": int, "similarity": float, "line_hash": int, "own_text": str,
    }, pk="id", not_null={"article_id", "position", "text_start", "text_length"},
        foreign_keys=[("article_id", "articles", "id"), ("passage_id", "passages", "id")],
        if_not_exists=True)
    t("removed_lines").create({
        "article_id": int, "raw_id": int, "line_no": int, "text": str, "rule": str,
    }, foreign_keys=[("article_id", "articles", "id"), ("raw_id", "raw_documents", "id")],
        if_not_exists=True)
    t("rejects").create({
        "id": int, "run_id": int, "location": str, "reason": str, "sha256": str, "reader_id": str,
    }, pk="id", foreign_keys=[("run_id", "ingest_runs", "id")], if_not_exists=True)
    if "reader_id" not in db["rejects"].columns_dict:  # archives made before rejects named their reader
        db["rejects"].add_column("reader_id", str)
    templates.create_tables(db)
    t("_settings").create({"key": str, "value": str}, pk="key", if_not_exists=True)
    rawcontent.create_table(db.conn)
    convert.upgrade(db.conn, SCHEMA_VERSION)  # an archive made before each byte was stored once
    db.execute(PARAGRAPHS_VIEW)
    for kind in ("articles", "paragraphs"):
        LSMIndex.create_tables(db, kind)  # LSH buckets: sorted runs with Bloom filters
        # verified near-duplicate pairs (a < b); clusters and passages are their components
        db.execute(f"CREATE TABLE IF NOT EXISTS _{kind[:-1]}_edges (a INTEGER NOT NULL, "
                   f"b INTEGER NOT NULL, similarity REAL, PRIMARY KEY (a, b)) WITHOUT ROWID")
    # components of paragraph edges that are site chrome (no passage): paragraph -> the
    # component's smallest paragraph, so a new copy takes a component in whole
    db.execute("CREATE TABLE IF NOT EXISTS _chrome_paragraphs (paragraph_id INTEGER PRIMARY KEY, "
               "component INTEGER NOT NULL)")
    db.execute("CREATE INDEX IF NOT EXISTS idx__chrome_paragraphs_component ON _chrome_paragraphs (component)")
    # no arrays: articles' MinHash sketches and paragraphs' shingle sets are recomputed
    # from the text when a candidate is verified (store.shingles)
    indexes = [
        ("raw_documents", ["sha256"], True),
        ("articles", ["content_hash"], True),
        ("articles", ["published"], False),
        ("articles", ["source"], False),
        ("sightings", ["location", "raw_id"], True),
        ("sightings", ["article_id"], False),
        (PARAGRAPHS_TABLE, ["article_id", "position"], True),
        ("removed_lines", ["article_id"], False),
        ("rejects", ["location"], False),
        ("article_redirects", ["to_id"], False),
        ("_article_edges", ["b"], False),
        ("_paragraph_edges", ["b"], False),
    ]
    for table, columns, unique in indexes:
        db[table].create_index(columns, unique=unique, if_not_exists=True)
    for table, column in SPARSE_COLUMNS:
        sparse_index(db, table, column)
    if "novel_text" in (db["articles_fts"].columns_dict if db["articles_fts"].exists() else {}):
        drop_articles_fts(db)  # an older archive indexed novel_text too: rebuilt below
    drop_indexes_of_another_tokenizer(db)  # rebuilt below
    db.execute(f"CREATE TABLE IF NOT EXISTS {FTS_DEFERRED} (first_article_id INTEGER NOT NULL)")
    if not db["articles_fts"].exists():
        db["articles"].enable_fts(FTS_COLUMNS, tokenize=FTS_TOKENIZE, create_triggers=True)
        db.execute(f"INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', {FTS_AUTOMERGE})")
        narrow_update_trigger(db)
    deferrable_insert_trigger(db)
    if not db[NOVEL_FTS].exists():
        create_novel_index(db)
    deferrable_novel_triggers(db)
    script_index.create(db.conn, FTS_TOKENIZE)  # search in scripts unicode61 cannot (store.script_index)
    add_missing_columns(db)
    # search's language filter and datasette's language facet read it, not every row (store.search._filters)
    db["articles"].create_index(["language"], if_not_exists=True)


# Provenance (where an article came from), added after the first archives were made:
# created with every new archive, added to an older one when it is next opened for writing.
ADDED_COLUMNS = [
    ("articles", "url", "TEXT"),  # the URL as found in the input that created the article
    ("articles", "canonical_url", "TEXT"),  # its canonical form (ingest.provenance)
    ("articles", "site", "TEXT"),  # og:site_name, else the URL's host
    ("articles", "author", "TEXT"),
    ("articles", "language", "TEXT"),  # declared by the page, else detected (ISO 639-1)
    ("sightings", "url", "TEXT"),  # the URL of this sighting's input, as found
    ("sightings", "fetched_at", "TEXT"),  # when the input was fetched (WARC-Date, a record's field), ISO 8601
    # the article this one is a later version of: the same canonical URL, other content
    ("articles", "previous_version", "INTEGER REFERENCES articles(id)"),
]


def add_missing_columns(db: sqlite_utils.Database) -> None:
    """Add the ADDED_COLUMNS an older archive lacks (ALTER TABLE ADD COLUMN: no table
    rebuild, so the FTS triggers stay; rows get NULL)."""
    for table, column, kind in ADDED_COLUMNS:
        if column not in db[table].columns_dict:
            db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")
    sparse_index(db, "articles", "canonical_url")  # an article's versions (store.writes.link_version)


def sparse_index(db: sqlite_utils.Database, table: str, column: str) -> None:
    """Index a column's non-NULL values only (a partial index), replacing a full index of
    the same name that an older archive has. Most rows hold NULL there, and a full index
    takes an entry for each: a paragraph paid three index inserts where it now pays one.
    Lookups by value (`=`, `IN`) use the partial index as they used the full one."""
    name = f"idx_{table}_{column}"
    row = db.execute("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", [name]).fetchone()
    if row and "WHERE" in row[0]:
        return
    db.execute(f"DROP INDEX IF EXISTS {name}")
    db.execute(f"CREATE INDEX {name} ON {table} ({column}) WHERE {column} IS NOT NULL")


def drop_articles_fts(db: sqlite_utils.Database) -> None:
    """Drop the FTS table and the triggers that keep it (to rebuild it with other columns)."""
    for trigger in ("articles_ai", "articles_ad", "articles_au"):
        db.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    db.execute("DROP TABLE articles_fts")


def drop_indexes_of_another_tokenizer(db: sqlite_utils.Database) -> None:
    """Drop the full-text indexes (articles_fts, the novel-text and the bigram index) made
    with a tokenizer other than FTS_TOKENIZE (an older newsarchive's), to be made again:
    they hold no text of their own, only what they index, and every query reads the
    tokenizer of the table it searches."""
    if not db["articles_fts"].exists() or fts_tokenizer(db, "articles_fts") == FTS_TOKENIZE:
        return
    drop_articles_fts(db)
    for table in (NOVEL_FTS, script_index.SCRIPT_FTS):
        db.execute(f"DROP TABLE IF EXISTS {table}")


def create_novel_index(db: sqlite_utils.Database) -> None:
    """The index of novel text: FTS5 over the title and novel_text of the articles whose
    novel_text differs from their text (those carrying a passage first seen elsewhere).

    It holds no copy of the text (contentless), and its column `text` holds novel_text,
    so a query written for articles_fts runs on it unchanged. Every other article's
    novel text is its text, already in articles_fts: indexing it twice would double the
    index for the few articles that differ. Its docsize table (one row per indexed
    article) says which articles carry repeated text. Triggers keep it
    (`deferrable_novel_triggers`).
    """
    db.execute(f"CREATE VIRTUAL TABLE {NOVEL_FTS} USING fts5(title, text, content='', tokenize={sql_string(FTS_TOKENIZE)})")
    db.execute(f"INSERT INTO {NOVEL_FTS} ({NOVEL_FTS}, rank) VALUES ('automerge', {FTS_AUTOMERGE})")
    db.execute(f"INSERT INTO {NOVEL_FTS} (rowid, title, text) "
               f"SELECT id, title, novel_text FROM articles WHERE {NOVEL_DIFFERS.format('')}")


def deferrable_novel_triggers(db: sqlite_utils.Database) -> None:
    """The triggers that keep _novel_fts, made to stand aside for the articles of a batch
    the ingest writer is writing (id >= the first_article_id in FTS_DEFERRED): it indexes
    them in one statement at the batch's end (`index_articles_since`), so an article
    whose novel text is set after its insert costs no statement of FTS work of its own
    (0.8 ms each, see FTS_DEFERRED). Older articles, and every other writer's rows, are
    indexed by the triggers as they change. Made so on every open, for older archives."""
    row = db.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'articles_novel_au'").fetchone()
    if row and FTS_DEFERRED in row[0] and NOVEL_DIFFERS.format("old.") in row[0]:
        return
    differs = "WHERE " + NOVEL_DIFFERS.format("{0}.") + ";"
    insert = f"INSERT INTO {NOVEL_FTS} (rowid, title, text) SELECT new.id, new.title, new.novel_text "
    delete = (f"INSERT INTO {NOVEL_FTS} ({NOVEL_FTS}, rowid, title, text) "
              f"SELECT 'delete', old.id, old.title, old.novel_text ")
    outside = f"WHEN NOT EXISTS (SELECT 1 FROM {FTS_DEFERRED} WHERE first_article_id <= {{0}}.id)"
    for name in ("articles_novel_ai", "articles_novel_ad", "articles_novel_au"):
        db.execute(f"DROP TRIGGER IF EXISTS {name}")
    db.execute(f"CREATE TRIGGER articles_novel_ai AFTER INSERT ON articles {outside.format('new')} "
               f"BEGIN {insert}{differs.format('new')} END")
    db.execute(f"CREATE TRIGGER articles_novel_ad AFTER DELETE ON articles {outside.format('old')} "
               f"BEGIN {delete}{differs.format('old')} END")
    # one trigger, so the old entry is deleted before the new one is added
    db.execute(f"CREATE TRIGGER articles_novel_au AFTER UPDATE OF title, text, novel_text ON articles "
               f"{outside.format('old')} BEGIN {delete}{differs.format('old')} {insert}{differs.format('new')} END")


def deferrable_insert_trigger(db: sqlite_utils.Database) -> None:
    """The articles_fts insert trigger, made to stand aside while the ingest writer defers
    indexing to the end of its batch (see FTS_DEFERRED). Every other writer (datasette,
    sqlite-utils, a script) never sees the deferral, so the trigger indexes its rows.
    Put back in place on every open, should a tool have recreated the plain trigger."""
    row = db.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'articles_ai'").fetchone()
    if row and FTS_DEFERRED in row[0]:
        return
    columns = ", ".join(FTS_COLUMNS)
    new_values = ", ".join(f'new."{c}"' for c in FTS_COLUMNS)
    db.execute("DROP TRIGGER IF EXISTS articles_ai")
    db.execute(f"""CREATE TRIGGER articles_ai AFTER INSERT ON articles
WHEN NOT EXISTS (SELECT 1 FROM {FTS_DEFERRED}) BEGIN
  INSERT INTO articles_fts (rowid, {columns}) VALUES (new.rowid, {new_values});
END""")


def index_articles_since(db: sqlite_utils.Database, first_article_id: int, earlier: Sequence[int] = ()) -> None:
    """Index in articles_fts, and in _novel_fts when their novel text differs, one
    statement each, the articles from `first_article_id` on (those a batch inserted
    while its indexing was deferred). `earlier`: articles the batch inserted with ids
    below it (reclean gives articles their old ids); only articles_fts stood aside for
    them, the _novel_fts triggers did not (they defer from first_article_id on)."""
    columns = ", ".join(FTS_COLUMNS)
    db.execute(f"INSERT INTO articles_fts (rowid, {columns}) SELECT id, {columns} FROM articles "
               f"WHERE id >= ?", [first_article_id])
    if earlier:
        db.execute(f"INSERT INTO articles_fts (rowid, {columns}) SELECT id, {columns} FROM articles "
                   f"WHERE id IN (SELECT value FROM json_each(?)) AND id < ?",
                   [json.dumps(sorted(set(earlier))), first_article_id])
    db.execute(f"INSERT INTO {NOVEL_FTS} (rowid, title, text) SELECT id, title, novel_text FROM articles "
               f"WHERE id >= ? AND {NOVEL_DIFFERS.format('')}", [first_article_id])
    script_index.index_articles(db.conn, "id >= ?", [first_article_id])
    if earlier:
        script_index.index_articles(db.conn, "id IN (SELECT value FROM json_each(?)) AND id < ?",
                               [json.dumps(sorted(set(earlier))), first_article_id])


def narrow_update_trigger(db: sqlite_utils.Database) -> None:
    """Re-index an article's FTS row only when an indexed column changes.

    sqlite-utils' trigger fires on every UPDATE; dedup updates duplicate_of,
    similarity and novel_text often, and re-indexing the whole text for those is wasted work.
    """
    columns = ", ".join(FTS_COLUMNS)
    values = ", ".join(f'old."{c}"' for c in FTS_COLUMNS)
    new_values = ", ".join(f'new."{c}"' for c in FTS_COLUMNS)
    db.execute("DROP TRIGGER IF EXISTS articles_au")
    db.execute(f"""CREATE TRIGGER articles_au AFTER UPDATE OF {columns} ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, {columns}) VALUES ('delete', old.rowid, {values});
  INSERT INTO articles_fts (rowid, {columns}) VALUES (new.rowid, {new_values});
END""")
