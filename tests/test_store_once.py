"""Each byte is stored once (schema version 2), and every contract name still reads as
before: paragraphs.text (a view over offsets into articles.text), novel_text (NULL where
it is the text; readers take coalesce(novel_text, text)), raw_documents.content
(compressed; store.rawcontent gives the input's bytes back exactly)."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import sqlite3
import shutil

from store.rawcontent import ZSTD, decode, encode, raw_content
from store.writes import spans

from conftest import SAMPLES
from scripts_corpus import article, write_page


def test_spans_are_where_each_paragraph_is_in_the_utf8_text():
    paragraphs = ["Plain words.", "Гуайдо заявил", "経済政策 🙂", ""]
    text = "\n\n".join(paragraphs).encode("utf-8")
    assert [text[s:s + n].decode("utf-8") for s, n in spans(paragraphs)] == paragraphs


def test_raw_bytes_come_back_exactly_whatever_they_compress_to():
    for content in (b"", b"x", os.urandom(5000), "Grüße, Гуайдо\r\n\x00".encode() * 300):
        stored, encoding = encode(content)
        assert decode(stored, encoding) == content
        assert len(stored) <= len(content)
        assert encoding == (ZSTD if len(stored) < len(content) else None)


def ingested(cli, tmp_path):
    folder = tmp_path / "in"
    shutil.copytree(SAMPLES, folder / "samples")
    for script in ("ru", "zh"):
        write_page(folder / f"{script}.html", *article(1, script))
    (folder / "a.txt.gz").write_bytes(gzip.compress((SAMPLES / "000_7787a9d21136dbfa.txt").read_bytes() + b"\nMore."))
    db = tmp_path / "archive.db"
    cli("ingest", folder, "--db", db)
    return folder, db


def test_paragraphs_read_as_the_article_text_has_them(cli, tmp_path):
    _, db = ingested(cli, tmp_path)
    conn = sqlite3.connect(db)
    texts = dict(conn.execute("SELECT id, text FROM articles"))
    by_article: dict[int, list[str]] = {}
    for article_id, text in conn.execute("SELECT article_id, text FROM paragraphs ORDER BY article_id, position"):
        by_article.setdefault(article_id, []).append(text)
    assert by_article.keys() == texts.keys()
    assert {a: "\n\n".join(p) for a, p in by_article.items()} == texts
    assert any(not t.isascii() for t in texts.values())
    assert conn.execute("SELECT count(*) FROM _paragraphs WHERE own_text IS NOT NULL").fetchone() == (0,)
    # the paragraphs' text is not stored again: its rows are a small part of the text's bytes
    table = conn.execute("SELECT sum(length(CAST(text AS BLOB))) FROM articles").fetchone()[0]
    assert conn.execute("SELECT sum(length(id) + length(article_id) + length(text_start) + length(text_length)) "
                        "FROM _paragraphs").fetchone()[0] < table / 10


def test_raw_inputs_are_compressed_and_come_back_byte_for_byte(cli, tmp_path):
    folder, db = ingested(cli, tmp_path)
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT id, sha256, length(content), content_encoding FROM raw_documents").fetchall()
    read = {hashlib.sha256(gzip.decompress(p.read_bytes()) if p.suffix == ".gz" else p.read_bytes()).hexdigest()
            for p in folder.rglob("*") if p.is_file()}
    assert {sha for _, sha, _, _ in rows} == read
    for raw_id, sha, _, _ in rows:
        assert hashlib.sha256(raw_content(conn, raw_id)).hexdigest() == sha
    assert {encoding for *_, encoding in rows} == {ZSTD}


def test_novel_text_is_null_where_it_is_the_text_and_show_gives_it_whole(cli, samples_db):
    conn = sqlite3.connect(samples_db)
    assert conn.execute("SELECT count(*) FROM articles WHERE novel_text = text").fetchone() == (0,)
    plain = conn.execute("SELECT id, text FROM articles WHERE novel_text IS NULL").fetchall()
    repeating = conn.execute("SELECT id, text, novel_text FROM articles WHERE novel_text IS NOT NULL").fetchall()
    assert plain and repeating  # the samples repeat the Guaido background passage
    shown = json.loads(cli("show", plain[0][0], "--json", "--db", samples_db).stdout)
    assert shown["novel_text"] == plain[0][1]
    shown = json.loads(cli("show", repeating[0][0], "--json", "--db", samples_db).stdout)
    assert shown["novel_text"] == repeating[0][2] != repeating[0][1]


def test_a_recomputed_paragraph_set_is_the_one_signing_gave(tmp_path):
    from ingest.config import DedupOptions
    from ingest.fingerprint import Fingerprinter, paragraph_shingle_sets
    from ingest.models import Article
    from scripts_corpus import article as script_article
    from synthetic import make_docs

    options = DedupOptions()
    bodies = [doc.paragraphs for doc in make_docs(6, seed=3)] + \
             [script_article(2, script)[1] for script in ("zh", "th", "ru")] + [["Short one.", "Two words"]]
    articles = [Article(f"a{i}", "s", None, None, tuple(body)) for i, body in enumerate(bodies)]
    signed = Fingerprinter(options).sign_many(articles)  # a batch: shingles made batch-wide
    compared = 0
    for article_, one in zip(articles, signed):
        again = paragraph_shingle_sets(list(article_.paragraphs), options.paragraph_shingle_size)
        for paragraph in one.paragraphs:
            assert again[paragraph.position].tolist() == paragraph.shingles.tolist()
            compared += 1
    assert compared > 40


def test_lsh_items_are_packed_and_blocks_written_before_still_read(tmp_path, monkeypatch):
    import numpy as np
    import sqlite_utils

    from store import lsm
    from store.lsm import LSMIndex

    db = sqlite_utils.Database(sqlite3.connect(tmp_path / "index.db", isolation_level=None))
    LSMIndex.create_tables(db, "things")
    index = LSMIndex(db, "things", bands=2, rows=1)
    rng = np.random.default_rng(4)
    truth: dict[int, set[int]] = {}

    def night(items: list[int]) -> None:
        keys = rng.integers(-2**62, 2**62, size=(len(items), 2))
        keys[::7] = keys[0]  # some keys shared by several items
        index.query(keys)  # a batch is looked up before it is added
        index.add(items, keys)
        for item, row in zip(items, keys.tolist()):
            for key in row:
                truth.setdefault(key, set()).add(item)
        db.execute("BEGIN")
        index.flush()
        db.execute("COMMIT")

    with monkeypatch.context() as old:  # as newsarchive wrote blocks before: 8 bytes a key and an item
        old.setattr(lsm, "item_blob", lambda items: items.astype("<i8").tobytes())
        old.setattr(lsm, "key_blob", lambda keys: keys.astype("<i8").tobytes())
        night(list(range(1, 600)))
    night(list(range(600, 1200)))
    night([2**25 + i for i in range(300)])  # ids past 24 bits take 4 bytes
    night([2**33 + i for i in range(300)])  # ids past 32 bits keep 8 bytes
    blocks = db.execute("SELECT keys, items FROM _lsh_things_blocks").fetchall()
    sizes = {len(items) // len(lsm.block_keys(keys)) for keys, items in blocks}
    assert sizes == {3, 4, 8}
    # keys: as they were in the old blocks, packed (gaps between sorted keys) in the new
    assert {len(keys) % 8 == 0 for keys, _ in blocks} == {True, False}
    packed = [keys for keys, _ in blocks if len(keys) % 8]
    assert sum(map(len, packed)) < 8 * sum(len(lsm.block_keys(keys)) for keys in packed)

    def answers() -> dict[int, set[int]]:
        stored: dict[int, set[int]] = {}
        for key, item in index.entries():
            stored.setdefault(key, set()).add(item)
        return stored

    assert answers() == truth
    keys = np.array(list(truth)[:50], dtype=np.int64)
    assert LSMIndex(db, "things", bands=2, rows=1).query(keys[:, None])[0:50] == [truth[k] for k in keys.tolist()]
    index._merge(list(index.runs))  # a merge rewrites old blocks packed
    assert answers() == truth


def test_inputs_after_the_first_ones_are_compressed_with_the_archives_dictionary(cli, tmp_path, monkeypatch):
    import zstandard

    from store import rawcontent
    from corpus import write_config, write_corpus

    monkeypatch.setattr(rawcontent, "TRAIN_AFTER", 20)
    folder = tmp_path / "in"
    write_corpus(folder, 80, seed=8)
    config = write_config(tmp_path / "config.toml", batch_size=10)
    db = tmp_path / "archive.db"
    cli("ingest", folder, "--db", db, "--config", config)

    def stored(first_night: bool) -> dict[str, bytes]:
        conn = sqlite3.connect(db)
        rows = conn.execute("SELECT id, sha256, content, content_encoding FROM raw_documents").fetchall()
        frames = [zstandard.get_frame_parameters(content).dict_id for _, _, content, encoding in rows if encoding]
        if first_night:  # compressed before and after the dictionary (a rebuild has it from the start)
            assert frames.count(0) >= 20 and len(frames) - frames.count(0) >= 20
        assert set(frames) - {0} == {i for (i,) in conn.execute("SELECT id FROM _raw_dictionaries")}
        return {sha: raw_content(conn, raw_id) for raw_id, sha, _, _ in rows}

    before = stored(True)
    assert all(hashlib.sha256(content).hexdigest() == sha for sha, content in before.items())
    cli("reclean", "--db", db, "--config", config)  # the rebuild keeps every input, readable
    assert stored(False) == before


def test_recomputed_article_sketches_are_the_ones_signing_gave():
    from ingest.config import DedupOptions
    from ingest.fingerprint import Fingerprinter
    from ingest.models import Article
    from synthetic import make_docs

    bodies = [doc.paragraphs for doc in make_docs(8, seed=6)] + [["Too short."], ["One two three four"]]
    articles = [Article(f"a{i}", "s", None, None, tuple(body)) for i, body in enumerate(bodies)]
    fingerprinter = Fingerprinter(DedupOptions())
    signed = fingerprinter.sign_many(articles)
    for one, (whole, head) in zip(signed, fingerprinter.article_sketches([list(a.paragraphs) for a in articles])):
        assert (one.sketch.values.tolist(), one.sketch.size) == (whole.values.tolist(), whole.size)
        assert (one.head.values.tolist(), one.head.size) == (head.values.tolist(), head.size)


def test_paragraphs_of_a_long_article_keep_their_own_text(cli, tmp_path):
    from store.schema import OWN_TEXT_ABOVE
    from test_bigarticle import long_text

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "long.txt").write_text("A long report\n\n" + long_text(2 * OWN_TEXT_ABOVE, {}), encoding="utf-8")
    shutil.copy(SAMPLES / "000_7787a9d21136dbfa.txt", folder)
    db = tmp_path / "archive.db"
    cli("ingest", folder, "--db", db)
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT a.id, a.text, count(p.id), count(p.own_text) FROM articles a "
                        "JOIN _paragraphs p ON p.article_id = a.id GROUP BY a.id").fetchall()
    by_length = {len(text.encode()) > OWN_TEXT_ABOVE: (total, own) for _, text, total, own in rows}
    assert by_length[True][1] == by_length[True][0] > 10  # every paragraph of the long one
    assert by_length[False][1] == 0
    for article_id, text, _, _ in rows:
        paragraphs = [t for (t,) in conn.execute("SELECT text FROM paragraphs WHERE article_id = ? "
                                                 "ORDER BY position", [article_id])]
        assert "\n\n".join(paragraphs) == text
