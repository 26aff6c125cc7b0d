"""The full-text indexes: articles_fts over (title, text) as DESIGN.md says, kept by
triggers for every writer (the ingest writer indexes a batch's articles at its end
instead), and the index of novel text (_novel_fts) that holds only articles repeating a
passage, kept by triggers and added to older archives when they are next opened for
ingest."""

from __future__ import annotations

import json
import sqlite3

import pytest
import sqlite_utils

from ingest.config import ArchiveOptions, Config
from ingest.pipeline import ingest
from store.connection import sql_string
from store.schema import FTS_DEFERRED, FTS_TOKENIZE, NOVEL_DIFFERS, NOVEL_FTS, create_schema, drop_articles_fts
from synthetic import make_docs, write_docs


# the articles whose novel text is not their text (NULL novel_text: the text itself)
REPEATING = f"SELECT id FROM articles WHERE {NOVEL_DIFFERS.format('')}"


def vocabulary(conn: sqlite3.Connection, table: str) -> list[tuple]:
    """Every (term, column, rowid, offset) instance an FTS5 table holds."""
    conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.v_{table} USING fts5vocab(main, '{table}', 'instance')")
    return sorted(conn.execute(f"SELECT term, col, doc, offset FROM temp.v_{table}"))


def rebuilt_novel_index(conn: sqlite3.Connection) -> list[tuple]:
    """What _novel_fts should hold, built from scratch from the articles as they are now."""
    conn.execute(f"CREATE VIRTUAL TABLE expected USING fts5(title, text, content='', tokenize={sql_string(FTS_TOKENIZE)})")
    conn.execute("INSERT INTO expected (rowid, title, text) "
                 f"SELECT id, title, novel_text FROM articles WHERE {NOVEL_DIFFERS.format('')}")
    held = vocabulary(conn, "expected")
    conn.execute("DROP TABLE expected")
    return held


@pytest.fixture
def fresh_db(tmp_path) -> sqlite_utils.Database:
    db = sqlite_utils.Database(sqlite3.connect(tmp_path / "fts.db", isolation_level=None))
    create_schema(db)
    return db


def test_articles_fts_indexes_title_and_text_as_the_design_says(fresh_db):
    assert list(fresh_db["articles_fts"].columns_dict) == ["title", "text"]


def test_novel_index_follows_every_insert_update_and_delete(fresh_db):
    conn = fresh_db.conn
    steps = [
        "INSERT INTO articles (id, title, text, content_hash, novel_text) VALUES "
        "(1, 'Vote', 'alpha beta gamma', 'h1', 'alpha beta gamma')",
        "INSERT INTO articles (id, title, text, content_hash, novel_text) VALUES "
        "(2, 'Strike', 'delta epsilon zeta', 'h2', 'delta')",
        "UPDATE articles SET novel_text = 'alpha' WHERE id = 1",  # starts repeating a passage
        "UPDATE articles SET novel_text = 'delta zeta' WHERE id = 2",  # repeats another one
        "UPDATE articles SET duplicate_of = 1, similarity = 0.9 WHERE id = 2",  # not indexed
        "UPDATE articles SET title = 'Strike ends' WHERE id = 2",
        "UPDATE articles SET novel_text = text WHERE id = 1",  # the passage is its own again
        "DELETE FROM articles WHERE id = 2",
    ]
    for step in steps:
        conn.execute(step)
        assert vocabulary(conn, NOVEL_FTS) == rebuilt_novel_index(conn), step
        held = {r[0] for r in conn.execute(f"SELECT id FROM {NOVEL_FTS}_docsize")}
        assert held == {r[0] for r in conn.execute(REPEATING)}, step
    conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")


def test_novel_index_of_an_ingested_archive_holds_its_repeating_articles(samples_db):
    conn = sqlite3.connect(samples_db)
    repeating = {r[0] for r in conn.execute(REPEATING)}
    assert repeating  # the samples repeat the Guaido background passage
    assert {r[0] for r in conn.execute(f"SELECT id FROM {NOVEL_FTS}_docsize")} == repeating
    assert vocabulary(conn, NOVEL_FTS) == rebuilt_novel_index(conn)


def rebuilt_articles_index(conn: sqlite3.Connection) -> list[tuple]:
    """What articles_fts should hold, built from scratch from the articles as they are now."""
    conn.execute(f"CREATE VIRTUAL TABLE expected USING fts5(title, text, tokenize={sql_string(FTS_TOKENIZE)})")
    conn.execute("INSERT INTO expected (rowid, title, text) SELECT id, title, text FROM articles")
    held = vocabulary(conn, "expected")
    conn.execute("DROP TABLE expected")
    return held


def ingest_in_batches(corpus, db_path, seed: int, stories: int = 30) -> None:
    """Ingest `stories` synthetic stories (near-duplicates, reused passages) in batches of 4."""
    write_docs(make_docs(stories, seed=seed, dup_rate=0.3, passage_rate=0.3), corpus)
    ingest([corpus], db_path, Config(archive=ArchiveOptions(batch_size=4)))


def make_plain_novel_triggers(db_path) -> None:
    """Give an archive the novel-index triggers newsarchive made before they could stand aside."""
    conn = sqlite3.connect(db_path, isolation_level=None)
    triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE name LIKE 'articles_novel_%'").fetchall()
    assert len(triggers) == 3
    for name, sql in triggers:
        conn.execute(f"DROP TRIGGER {name}")
        conn.execute(sql.replace(f"WHEN NOT EXISTS (SELECT 1 FROM {FTS_DEFERRED} WHERE first_article_id <= new.id)", "")
                        .replace(f"WHEN NOT EXISTS (SELECT 1 FROM {FTS_DEFERRED} WHERE first_article_id <= old.id)", ""))
    assert not any(FTS_DEFERRED in sql for (sql,) in conn.execute(
        "SELECT sql FROM sqlite_master WHERE name LIKE 'articles_novel_%'"))
    conn.close()


@pytest.mark.parametrize("older_triggers", [False, True])
def test_the_ingest_writer_indexes_every_article_once(tmp_path, older_triggers):
    # both indexes, with the batch's articles indexed at its end, hold what a rebuild
    # holds, also for articles whose novel text changed in a later batch or night
    db_path = tmp_path / "archive.db"
    ingest_in_batches(tmp_path / "night1", db_path, seed=3)
    if older_triggers:
        make_plain_novel_triggers(db_path)
    ingest_in_batches(tmp_path / "night2", db_path, seed=4)
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] > 40
    assert conn.execute(f"SELECT count(*) FROM ({REPEATING})").fetchone()[0] > 5
    assert vocabulary(conn, "articles_fts") == rebuilt_articles_index(conn)
    assert vocabulary(conn, NOVEL_FTS) == rebuilt_novel_index(conn)
    assert conn.execute(f"SELECT count(*) FROM {FTS_DEFERRED}").fetchone() == (0,)  # no writer stands aside now
    triggers = [sql for (sql,) in conn.execute("SELECT sql FROM sqlite_master WHERE name LIKE 'articles_novel_%'")]
    assert len(triggers) == 3 and all(FTS_DEFERRED in sql for sql in triggers)


def test_rows_other_writers_insert_are_indexed_by_the_trigger(cli, samples_db):
    conn = sqlite3.connect(samples_db)
    conn.execute("INSERT INTO articles (title, text, content_hash, novel_text) "
                 "VALUES ('Quokka census', 'Rangers counted quokkas on the island.', 'h-quokka', "
                 "'Rangers counted quokkas on the island.')")
    conn.commit()
    assert vocabulary(conn, "articles_fts") == rebuilt_articles_index(conn)
    assert "Quokka census" in cli("search", "quokkas", "--db", samples_db).stdout


def test_a_plain_insert_trigger_put_back_by_a_tool_is_made_deferrable_again(tmp_path):
    db_path = tmp_path / "archive.db"
    ingest_in_batches(tmp_path / "night1", db_path, seed=5)
    tool = sqlite_utils.Database(db_path)  # sqlite-utils rebuilds the index with its own triggers
    drop_articles_fts(tool)
    tool["articles"].enable_fts(["title", "text"], tokenize=FTS_TOKENIZE, create_triggers=True)
    assert FTS_DEFERRED not in tool.execute("SELECT sql FROM sqlite_master WHERE name = 'articles_ai'").fetchone()[0]
    tool.close()
    ingest_in_batches(tmp_path / "night2", db_path, seed=6)
    conn = sqlite3.connect(db_path)
    assert vocabulary(conn, "articles_fts") == rebuilt_articles_index(conn)
    # and the writer defers again (a plain trigger makes it index each article twice: harmless, as
    # FTS5 keeps the newest copy of a rowid, but as slow as indexing article by article)
    assert FTS_DEFERRED in conn.execute("SELECT sql FROM sqlite_master WHERE name = 'articles_ai'").fetchone()[0]


def make_old_layout(path) -> None:
    """Turn an archive into what newsarchive made before: novel_text in articles_fts, no _novel_fts."""
    db = sqlite_utils.Database(sqlite3.connect(path, isolation_level=None))
    for trigger in ("articles_novel_ai", "articles_novel_ad", "articles_novel_au"):
        db.execute(f"DROP TRIGGER {trigger}")
    db.execute(f"DROP TABLE {NOVEL_FTS}")
    drop_articles_fts(db)
    db["articles"].enable_fts(["title", "text", "novel_text"], tokenize=FTS_TOKENIZE, create_triggers=True)
    db.close()


def search_ids(cli, db, *args) -> list[int]:
    result = cli("search", *args, "--db", db, "--json", "--all")
    return [json.loads(line)["id"] for line in result.stdout.splitlines() if line.strip()]


def test_an_older_archive_is_searchable_and_gains_the_novel_index_on_its_next_ingest(cli, samples_db, tmp_path):
    queries = [("Guaido",), ("Supreme", "--novel"), ("Supreme Court",), ("Lavrov",)]
    before = {q: search_ids(cli, samples_db, *q) for q in queries}
    make_old_layout(samples_db)
    assert search_ids(cli, samples_db, "Guaido") == before[("Guaido",)]
    refused = cli("search", "Supreme", "--novel", "--db", samples_db, code=2)
    assert "newsarchive ingest" in refused.output
    empty = tmp_path / "nothing-new"
    empty.mkdir()
    cli("ingest", empty, "--db", samples_db)
    conn = sqlite3.connect(samples_db)
    assert list(sqlite_utils.Database(conn)["articles_fts"].columns_dict) == ["title", "text"]
    assert vocabulary(conn, NOVEL_FTS) == rebuilt_novel_index(conn)
    conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
    assert {q: search_ids(cli, samples_db, *q) for q in queries} == before


def test_both_indexes_merge_segments_sixteen_at_a_time(fresh_db):
    from store.schema import FTS_AUTOMERGE

    for table in ("articles_fts", NOVEL_FTS):
        assert fresh_db.execute(f"SELECT v FROM {table}_config WHERE k = 'automerge'").fetchone() == (FTS_AUTOMERGE,)

