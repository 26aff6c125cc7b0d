"""An archive made by the newsarchive before each byte was stored once (schema version 1)
converts when it is next opened for writing, and loses nothing: every article, paragraph
(with its text), passage, sighting, removed line and raw input (byte for byte) reads the
same after as before, ids included, and the archive goes on working (search, ingest).

The old archive is made by the old code itself: the commit this layout replaced is
taken out of this checkout's git history into tmp_path and run as a subprocess. The
test skips where there is no such history (an sdist, a shallow clone)."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import sqlite_utils

from ingest.config import Config
from store.archive import Archive
from store import rawcontent
from store.lsm import LSMIndex, block_keys
from store.rawcontent import raw_content
from store.schema import NOVEL_FTS, SCHEMA_VERSION

from conftest import ROOT, SAMPLES
from corpus import write_corpus
from scripts_corpus import article, write_page
from test_novel_index import rebuilt_novel_index, vocabulary

OLD_COMMIT = "2b0cc36c56eb7ee210a2cd226e95ec47aa4cb72e"  # the last commit with schema version 1

ARTICLES = "SELECT id, title, text, published, source, content_hash, duplicate_of, similarity, {novel}, raw_id, " \
           "run_id, status, url, canonical_url, site, author, language FROM articles ORDER BY id"
PARAGRAPHS = "SELECT id, article_id, position, text, passage_id, similarity, line_hash FROM paragraphs ORDER BY id"
TABLES = {
    "passages": "SELECT id, first_article_id, occurrences, text FROM passages ORDER BY id",
    "sightings": "SELECT id, article_id, location, run_id, raw_id, url FROM sightings ORDER BY id",
    "removed_lines": "SELECT article_id, raw_id, line_no, text, rule FROM removed_lines ORDER BY rowid",
    "article_redirects": "SELECT * FROM article_redirects ORDER BY id",
    "rejects": "SELECT id, run_id, location, reason, sha256 FROM rejects ORDER BY id",
    "boilerplate_lines": "SELECT * FROM boilerplate_lines ORDER BY id",
    "chrome": "SELECT * FROM _chrome_paragraphs ORDER BY paragraph_id",
    "edges": "SELECT * FROM _paragraph_edges ORDER BY a, b",
}


@pytest.fixture(scope="module")
def old_code(tmp_path_factory) -> Path:
    """The old newsarchive's files, from git history."""
    git = shutil.which("git")
    if git is None or subprocess.run([git, "-C", str(ROOT), "cat-file", "-e", f"{OLD_COMMIT}^{{commit}}"],
                                     capture_output=True).returncode != 0:
        pytest.skip("no git history with the schema version 1 commit here")
    tree = tmp_path_factory.mktemp("old-newsarchive")
    archive = subprocess.run([git, "-C", str(ROOT), "archive", OLD_COMMIT], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    return tree


def old_ingest(old_code: Path, *args: object) -> None:
    subprocess.run([sys.executable, "-m", "ingest.cli", "ingest", *map(str, args)], cwd=old_code, check=True,
                   capture_output=True, timeout=300)


def inputs(folder: Path) -> list[Path]:
    """Plain text with passages, duplicates, boilerplate and rejects; the samples; pages
    in scripts whose characters take two and three UTF-8 bytes."""
    write_corpus(folder / "wire", 40, seed=5)
    shutil.copytree(SAMPLES, folder / "samples")
    (folder / "pages").mkdir()
    for script in ("ru", "zh"):
        for seed in range(2):
            write_page(folder / "pages" / f"{script}{seed}.html", *article(seed, script))
    return [folder / "wire", folder / "samples", folder / "pages"]


def snapshot(conn: sqlite3.Connection, raw: dict[str, bytes], novel: str) -> dict[str, list]:
    lsh = {kind: sorted(LSMIndex(sqlite_utils.Database(conn), kind, 1, 1).entries())
           for kind in ("articles", "paragraphs")}
    return {"articles": conn.execute(ARTICLES.format(novel=novel)).fetchall(), "lsh": lsh,
            "paragraphs": conn.execute(PARAGRAPHS).fetchall(),
            **{name: conn.execute(sql).fetchall() for name, sql in TABLES.items()},
            "raw": sorted(conn.execute("SELECT id, sha256, media_type, first_location, article_id "
                                       "FROM raw_documents")) + sorted(raw.items())}


def test_an_archive_of_schema_1_converts_on_open_and_loses_nothing(old_code, tmp_path, cli, monkeypatch):
    monkeypatch.setattr(rawcontent, "TRAIN_AFTER", 10)  # the conversion trains a dictionary first
    db = tmp_path / "archive.db"
    old_ingest(old_code, *inputs(tmp_path / "in"), "--db", db)
    conn = sqlite3.connect(db, isolation_level=None)
    assert conn.execute("SELECT type FROM sqlite_master WHERE name = 'paragraphs'").fetchone() == ("table",)
    # a paragraph that is not where its article's text has it (a tool's edit): kept as it is
    conn.execute("UPDATE paragraphs SET text = 'Moved elsewhere.' WHERE id = (SELECT max(id) FROM paragraphs)")
    raw = {sha: content for sha, content in conn.execute("SELECT sha256, content FROM raw_documents")}
    assert all(hashlib.sha256(content).hexdigest() == sha for sha, content in raw.items())
    before = snapshot(conn, raw, "novel_text")
    assert len(before["articles"]) > 40 and len(before["passages"]) >= 2 and before["rejects"]
    assert any(not text.isascii() for _, _, _, text, *_ in before["paragraphs"])

    Archive.open(db, Config().dedup).close()

    assert conn.execute("SELECT type FROM sqlite_master WHERE name = 'paragraphs'").fetchone() == ("view",)
    assert conn.execute("SELECT value FROM _settings WHERE key = 'schema_version'").fetchone() == (str(SCHEMA_VERSION),)
    raw_after = {sha: raw_content(conn, i) for i, sha in conn.execute("SELECT id, sha256 FROM raw_documents")}
    assert snapshot(conn, raw_after, "coalesce(novel_text, text)") == before
    stored = dict(conn.execute("SELECT content_encoding, sum(length(content)) FROM raw_documents "
                               "GROUP BY content_encoding"))
    assert stored.get("zstd", 0) > 0 and sum(stored.values()) < sum(map(len, raw.values()))
    assert conn.execute("SELECT count(*) FROM _raw_dictionaries").fetchone() == (1,)
    assert conn.execute("SELECT count(*) FROM articles WHERE novel_text = text").fetchone() == (0,)
    assert conn.execute("SELECT count(*) FROM _paragraphs WHERE own_text IS NOT NULL").fetchone() == (1,)
    assert {len(items) // len(block_keys(keys)) for keys, items in  # LSH items packed in 3 bytes
            conn.execute("SELECT keys, items FROM _lsh_paragraphs_blocks")} == {3}
    assert vocabulary(conn, NOVEL_FTS) == rebuilt_novel_index(conn)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []

    # and it goes on: a second open changes nothing, search finds, a new night ingests
    Archive.open(db, Config().dedup).close()
    assert snapshot(conn, raw_after, "coalesce(novel_text, text)") == before
    assert "Lavrov" in cli("search", "Lavrov", "--db", db).stdout
    write_corpus(tmp_path / "night", 10, seed=9, with_rejects=False)
    cli("ingest", tmp_path / "night", "--db", db)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] > len(before["articles"])
    assert conn.execute(PARAGRAPHS).fetchall()[: len(before["paragraphs"])] == before["paragraphs"]
