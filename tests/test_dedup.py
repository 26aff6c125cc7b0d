"""Near-duplicate articles and repeated passages on small hand-made cases."""

from __future__ import annotations

import dataclasses
import json
import random
import sqlite3
from pathlib import Path

import numpy as np
import pytest
import sqlite_utils
from hypothesis import example, given, settings, strategies as st

from ingest.config import Config, load_config
from ingest.dedup import passage_score, passage_scores
from ingest.pipeline import ingest
from synthetic import light_edit, make_docs, make_vocabulary, paragraph, write_docs

CONFIG = Config()
RNG_SEED = 20261122


@pytest.fixture
def vocab():
    return make_vocabulary(random.Random(RNG_SEED))


@pytest.fixture
def rng():
    return random.Random(RNG_SEED + 1)


def write(folder: Path, name: str, title: str, paragraphs: list[str], header=("Menu", "Home"),
          footer=("Subscribe to our newsletter",)) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join([*header, "", title, "", *[p + "\n" for p in paragraphs], *footer]) + "\n",
                    encoding="utf-8")
    return path


def run(folder: Path, db: Path, config: Config = CONFIG):
    return ingest([folder], db, config)


def article_of(conn: sqlite3.Connection, name: str) -> int:
    return conn.execute("SELECT article_id FROM sightings WHERE location LIKE ?", [f"%/{name}"]).fetchone()[0]


def passage_of(conn, name: str, startswith: str):
    return conn.execute(
        "SELECT passage_id FROM paragraphs WHERE article_id = ? AND text LIKE ?",
        [article_of(conn, name), startswith + "%"]).fetchone()[0]


def test_accent_only_difference_is_an_exact_duplicate(tmp_path, db_path, vocab, rng):
    body = [paragraph(rng, vocab) + " Juan Guaidó spoke in Bogotá." for _ in range(4)]
    write(tmp_path / "in/a.txt", "a.txt", "Guaidó speaks in Bogotá today", body)
    folded = [p.replace("ó", "o").replace("á", "a") for p in body]
    write(tmp_path / "in/b.txt", "b.txt", "Guaido speaks in Bogota today", folded)
    summary = run(tmp_path / "in", db_path)
    assert summary.new == 1 and summary.exact_duplicates == 1
    conn = sqlite3.connect(db_path)
    assert article_of(conn, "a.txt") == article_of(conn, "b.txt")


def test_copy_under_different_boilerplate_is_a_duplicate(tmp_path, db_path, vocab, rng):
    body = [paragraph(rng, vocab) for _ in range(8)]
    write(tmp_path / "in/site1/a.txt", "", "A story told twice over here", body)
    edited = [p.replace(p.split()[3], "changed", 1) for p in body]
    write(tmp_path / "in/site2/b.txt", "", "A story told twice over there", edited,
          header=("Skip to content", "Log in", "Search"), footer=("- Advertisement -", "Comments"))
    run(tmp_path / "in", db_path)
    conn = sqlite3.connect(db_path)
    a, b = article_of(conn, "a.txt"), article_of(conn, "b.txt")
    assert a != b
    assert conn.execute("SELECT duplicate_of FROM articles WHERE id = ?", [b]).fetchone()[0] == a
    similarity = conn.execute("SELECT similarity FROM articles WHERE id = ?", [b]).fetchone()[0]
    assert 0.5 <= similarity < 1.0


def test_trimmed_copy_is_a_duplicate_but_a_follow_up_is_not(tmp_path, db_path, vocab, rng):
    body = [paragraph(rng, vocab, 3) for _ in range(12)]
    write(tmp_path / "in/a.txt", "", "The original story in full here", body)
    write(tmp_path / "in/b.txt", "", "The original story trimmed for print", body[:5])
    follow_up = [paragraph(rng, vocab) for _ in range(3)] + body[2:6] + [paragraph(rng, vocab)]
    write(tmp_path / "in/c.txt", "", "A new story with background added", follow_up)
    run(tmp_path / "in", db_path)
    conn = sqlite3.connect(db_path)
    a, b, c = (article_of(conn, n) for n in ("a.txt", "b.txt", "c.txt"))
    parents = dict(conn.execute("SELECT id, duplicate_of FROM articles"))
    assert parents[b] == a
    assert parents[c] is None
    # the follow-up's background paragraphs are passages first seen in the original
    assert passage_of(conn, "c.txt", body[3][:30]) is not None
    first = conn.execute("SELECT first_article_id FROM passages WHERE id = ?",
                         [passage_of(conn, "c.txt", body[3][:30])]).fetchone()[0]
    assert first == a
    novel = conn.execute("SELECT coalesce(novel_text, text) FROM articles WHERE id = ?", [c]).fetchone()[0]
    assert body[3] not in novel and follow_up[0] in novel


def test_paragraph_with_an_added_clause_is_the_same_passage(tmp_path, db_path, vocab, rng):
    background = paragraph(rng, vocab, 3)
    write(tmp_path / "in/a.txt", "", "First story about the election", [paragraph(rng, vocab) for _ in range(3)] + [background])
    extended = "As previously reported, " + background[0].lower() + background[1:-1] + ", officials said on Monday."
    write(tmp_path / "in/b.txt", "", "Second story about the economy", [paragraph(rng, vocab) for _ in range(4)] + [extended])
    run(tmp_path / "in", db_path)
    conn = sqlite3.connect(db_path)
    pa, pb = passage_of(conn, "a.txt", background[:30]), passage_of(conn, "b.txt", "As previously reported")
    assert pa is not None and pa == pb


@pytest.mark.parametrize("ending", [
    ", the minister said, calling it “too bad for our country”.",  # a quote closed before the full stop
    ", sagte die Ministerin, „das ist zu teuer.“",  # German quotes close with “
    ", and shares were last trading up 0.4%.",
    ", according to the following figures:",  # leads into a list
])
def test_a_one_sentence_background_paragraph_is_a_passage_however_it_ends(tmp_path, db_path, vocab, rng, ending):
    """A background paragraph of one long sentence whose end is no word before a full stop is still
    prose: two stories that repeat it share a passage."""
    background = " ".join(rng.choice(vocab) for _ in range(24)).capitalize() + ending
    for name in ("a.txt", "b.txt"):
        body = [paragraph(rng, vocab) for _ in range(4)]
        body.insert(2, background)
        write(tmp_path / "in" / name, "", f"A separate story, {name}, on another matter", body)
    run(tmp_path / "in", db_path)
    conn = sqlite3.connect(db_path)
    pa, pb = passage_of(conn, "a.txt", background[:30]), passage_of(conn, "b.txt", background[:30])
    assert pa is not None and pa == pb


def test_paragraph_reused_in_five_articles_is_one_passage(tmp_path, db_path, vocab, rng):
    background = paragraph(rng, vocab, 3)
    words = background.split()
    for i in range(5):
        variant = " ".join(w for j, w in enumerate(words) if j % 17 != i + 3)  # a different word dropped each time
        body = [paragraph(rng, vocab) for _ in range(4)]
        body.insert(2, variant)
        write(tmp_path / f"in/{i}.txt", "", f"Story number {i} on a separate matter", body)
    run(tmp_path / "in", db_path)
    conn = sqlite3.connect(db_path)
    passages = conn.execute("SELECT id, occurrences FROM passages").fetchall()
    assert len(passages) == 1 and passages[0][1] == 5
    assert conn.execute("SELECT count(DISTINCT article_id) FROM paragraphs WHERE passage_id = ?",
                        [passages[0][0]]).fetchone()[0] == 5


def test_unrelated_articles_with_the_same_boilerplate_are_not_duplicates(tmp_path, db_path, vocab, rng):
    footer = ("Sign up here to get the latest news, updates and special offers delivered directly to your inbox every single morning.",)
    for i in range(4):
        write(tmp_path / f"in/{i}.txt", "", f"Unrelated story {i} about something", [paragraph(rng, vocab) for _ in range(5)],
              footer=footer)
    run(tmp_path / "in", db_path)
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM passages").fetchone()[0] == 0


def partition(db: Path) -> tuple[frozenset, frozenset]:
    """Clusters and passages as sets of file names: what must not depend on arrival order."""
    conn = sqlite3.connect(db)
    name = {a: Path(loc).name for a, loc in conn.execute("SELECT article_id, location FROM sightings")}
    clusters: dict[int, set] = {}
    for article, root in conn.execute("SELECT id, coalesce(duplicate_of, id) FROM articles"):
        clusters.setdefault(root, set()).add(name[article])
    passages: dict[int, set] = {}
    for article, position, pid in conn.execute(
            "SELECT article_id, position, passage_id FROM paragraphs WHERE passage_id IS NOT NULL"):
        passages.setdefault(pid, set()).add((name[article], position))
    return (frozenset(frozenset(c) for c in clusters.values()),
            frozenset(frozenset(p) for p in passages.values()))


def test_same_result_whatever_the_order_and_batch_size(tmp_path):
    docs = make_docs(60, seed=5, dup_rate=0.3, passage_rate=0.2)
    paths = write_docs(docs, tmp_path / "corpus")
    shuffled = paths[:]
    random.Random(3).shuffle(shuffled)
    results = []
    for i, (order, batch) in enumerate([(paths, 200), (shuffled, 7), (paths[::-1], 1)]):
        folder = tmp_path / f"order{i}"
        folder.mkdir()
        for k, path in enumerate(order):  # arrival order = the order of names in the folder
            (folder / f"{k:04d}-{path.name}").symlink_to(path)
        config = Config(archive=CONFIG.archive.__class__(batch_size=batch),  # links lead to the corpus:
                        input=CONFIG.input.__class__(follow_links_outside=True))  # let them
        ingest([folder], tmp_path / f"order{i}.db", config)
        clusters, passages = partition(tmp_path / f"order{i}.db")
        strip = lambda group: frozenset(frozenset(n.split("-", 1)[1] if isinstance(n, str) else (n[0].split("-", 1)[1], n[1])
                                                  for n in g) for g in group)
        results.append((strip(clusters), strip(passages)))
    assert results[0] == results[1] == results[2]
    clusters, passages = results[0]
    assert sum(len(c) > 1 for c in clusters) >= 10  # the corpus really has duplicates
    assert len(passages) >= 3                         # and reused passages


def test_copies_past_the_saturation_join_through_the_indexed_ones(tmp_path, vocab, rng):
    """A background in 14 stories and a story syndicated 10 times, with an index saturation
    of 4: every copy still joins its passage or cluster, but a copy that found 4 others is
    not indexed itself, so later copies find only the first few."""
    saturation = 4
    config = dataclasses.replace(CONFIG, dedup=dataclasses.replace(CONFIG.dedup, index_saturation=saturation))
    background = paragraph(rng, vocab, 3)
    for i in range(14):
        body = [paragraph(rng, vocab) for _ in range(5)]
        write(tmp_path / "in" / f"site{i % 3}", f"story{i:02d}.txt", f"Story {i} {vocab[i]}",
              [*body[:2], light_edit(background, rng), *body[2:]])
    wire = [paragraph(rng, vocab) for _ in range(8)]
    for i in range(10):
        write(tmp_path / "in" / f"site{i % 3}", f"wire{i:02d}.txt", "Wire story",
              [light_edit(p, rng) for p in wire])
    run(tmp_path / "in", tmp_path / "a.db", config)
    conn = sqlite3.connect(tmp_path / "a.db")
    assert conn.execute("SELECT occurrences FROM passages").fetchall() == [(14,)]
    roots = {r for (r,) in conn.execute("SELECT coalesce(a.duplicate_of, a.id) FROM articles a JOIN sightings s "
                                        "ON s.article_id = a.id WHERE s.location LIKE '%wire%'")}
    assert len(roots) == 1
    for table in ("_paragraph_edges", "_article_edges"):
        # a pair (a, b) is stored when b arrives, so b's pairs are the copies it found
        found = dict(conn.execute(f"SELECT b, count(*) FROM {table} GROUP BY b"))
        assert max(found.values()) >= saturation, table  # the corpus saturates the index
        # and only copies that found fewer than `saturation` were indexed to be found
        for (partner,) in conn.execute(f"SELECT DISTINCT a FROM {table}"):
            assert found.get(partner, 0) < saturation, (table, partner)
        assert max(found.values()) < 9, table  # without the saturation: 9 and 13


@pytest.mark.parametrize("key, value", [("passage_jaccard", 0.0), ("num_perm", 0), ("scheme", "legacy")])
def test_dedup_option_errors_name_the_key(tmp_path, key, value):
    path = tmp_path / "c.toml"
    path.write_text(f"[dedup]\n{key} = {value!r}\n".replace("'", '"'))
    with pytest.raises(ValueError, match=f"dedup.{key}"):
        load_config(path)


def test_worker_processes_give_the_same_archive_as_one_process(tmp_path, monkeypatch):
    # in small batches, so that the workers look a batch's band keys up in the LSH runs
    # committed while the batch before is written, and the writer reads the runs made
    # since (with runs merged now and then); and in one batch
    from ingest.config import InputOptions
    from store.lsm import LSMIndex

    monkeypatch.setattr(LSMIndex, "fanout", 3)
    docs = make_docs(40, seed=9, dup_rate=0.3, passage_rate=0.2)
    write_docs(docs, tmp_path / "corpus")
    tables = ("articles", "paragraphs", "passages", "sightings", "removed_lines", "boilerplate_lines",
              "_article_edges", "_paragraph_edges")
    for batch_size in (4, 200):
        contents = []
        for workers in (1, 2):
            db = tmp_path / f"w{workers}-{batch_size}.db"
            ingest([tmp_path / "corpus"], db, Config(archive=CONFIG.archive.__class__(batch_size=batch_size),
                                                     input=InputOptions(workers=workers)))
            conn = sqlite3.connect(db)
            contents.append({t: conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in tables})
        assert contents[0] == contents[1]
        assert len(contents[0]["articles"]) > 40
        assert contents[0]["_article_edges"] and contents[0]["_paragraph_edges"]


@pytest.mark.parametrize("elsewhere", ["missing.db", "not-an-archive.db"])
def test_workers_that_cannot_read_the_archive_leave_the_lookup_to_the_writer(tmp_path, elsewhere):
    # the workers' LSH lookup only saves the writer time: should they fail to read the
    # archive (moved, unreadable), the writer looks every key up itself, to the same result
    from ingest.config import InputOptions
    from ingest.pipeline import Ingester, batched
    from ingest.prepare import Preparer
    from store.archive import Archive
    from store.committed import CommittedIndex

    write_docs(make_docs(30, seed=9, dup_rate=0.3, passage_rate=0.2), tmp_path / "corpus")
    paths = sorted((tmp_path / "corpus").rglob("*.txt"))
    config = Config(archive=CONFIG.archive.__class__(batch_size=4), input=InputOptions(workers=2))
    ingest(paths, tmp_path / "read.db", config)
    (tmp_path / "not-an-archive.db").write_text("not SQLite")
    archive = Archive.open(tmp_path / "unread.db", config.dedup)
    unreadable = CommittedIndex(str(tmp_path / elsewhere), archive.bandings(), None)
    with Preparer(2, config.clean, config.dedup, archive.bandings(), archive.permutations(), unreadable) as preparer:
        Ingester(archive, config, archive.start_run(["test"], 0), preparer).ingest_batches(batched(paths, 4))
    archive.close()
    tables = ("articles", "paragraphs", "passages", "_article_edges", "_paragraph_edges")
    read, unread = (sqlite3.connect(tmp_path / name) for name in ("read.db", "unread.db"))
    for table in tables:
        assert read.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall() == \
            unread.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall(), table
    assert read.execute("SELECT count(*) FROM _paragraph_edges").fetchone()[0] > 0


def test_the_writer_process_never_loads_datasketch_when_ingesting_or_recleaning(tmp_path):
    # datasketch loads scipy: 40 MB the writer would carry for the whole run. The workers
    # sign; a new archive with the default config takes its LSH bandings from a table.
    from corpus import run, write_config

    docs = write_docs(make_docs(12, seed=3, dup_rate=0.3, passage_rate=0.3), tmp_path / "corpus")
    config = write_config(tmp_path / "config.toml", batch_size=5, workers=2)  # small batches too
    report = "import atexit, sys\natexit.register(lambda: print('datasketch loaded:', 'datasketch' in sys.modules))"
    result = run("ingest", tmp_path / "corpus", "--db", tmp_path / "a.db", "--config", config, prelude=report)
    assert result.returncode == 0, result.stderr
    conn = sqlite3.connect(tmp_path / "a.db")
    assert conn.execute("SELECT count(*) FROM articles").fetchone() == (len(docs),)
    assert conn.execute("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone()[0] > 0
    assert "datasketch loaded: False" in result.stdout
    rebuilt = run("reclean", "--db", tmp_path / "a.db", "--config", config, prelude=report)  # signs in workers too
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert "datasketch loaded: False" in rebuilt.stdout


def test_an_archive_keeps_its_minhash_permutations_so_no_later_run_loads_datasketch(tmp_path):
    # datasketch draws the permutations once, for the archive's first signatures; a later
    # run signs with the kept ones, even in one process, and never imports datasketch
    # (0.8 s at every start of every worker)
    from corpus import run, write_config

    from ingest.fingerprint import minhash_permutations

    first = write_docs(make_docs(6, seed=4, passage_rate=0.3), tmp_path / "first")
    later = write_docs(make_docs(6, seed=5, passage_rate=0.3), tmp_path / "later")
    report = "import atexit, sys\natexit.register(lambda: print('datasketch loaded:', 'datasketch' in sys.modules))"
    one_process = write_config(tmp_path / "config.toml", batch_size=4, workers=1)
    result = run("ingest", tmp_path / "first", "--db", tmp_path / "a.db", "--config", one_process, prelude=report)
    assert result.returncode == 0, result.stderr
    assert "datasketch loaded: True" in result.stdout  # the archive's first signatures
    result = run("ingest", tmp_path / "later", "--db", tmp_path / "a.db", "--config", one_process, prelude=report)
    assert result.returncode == 0, result.stderr
    assert "datasketch loaded: False" in result.stdout
    conn = sqlite3.connect(tmp_path / "a.db")
    assert conn.execute("SELECT count(*) FROM articles").fetchone() == (len(first) + len(later),)
    # an archive from before permutations were kept, on a night with nothing new to sign
    # (a batch with nothing to sign made a fingerprinter in the writer, which loaded datasketch)
    older = tmp_path / "older.db"
    conn.execute("VACUUM INTO ?", [str(older)])
    with sqlite3.connect(older) as copy:
        copy.execute("DELETE FROM _settings WHERE key = 'minhash_permutations'")
    two_workers = write_config(tmp_path / "two.toml", batch_size=4, workers=2)
    result = run("ingest", tmp_path / "later", "--db", older, "--config", two_workers, prelude=report)
    assert result.returncode == 0, result.stderr
    assert "datasketch loaded: False" in result.stdout
    (kept,) = conn.execute("SELECT value FROM _settings WHERE key = 'minhash_permutations'").fetchone()
    assert [tuple(p) for p in json.loads(kept)] == list(minhash_permutations(CONFIG.dedup))
    # signed with the kept permutations, the later articles are what a new archive makes of them
    ingest([tmp_path / "later"], tmp_path / "b.db", CONFIG)
    fresh = sqlite3.connect(tmp_path / "b.db")
    assert keys_by_title(fresh) <= keys_by_title(conn)


def keys_by_title(conn: sqlite3.Connection) -> set[tuple[str, int]]:
    """(title, LSH band key) of every article: keys of the sketches the articles were signed with."""
    from store.lsm import LSMIndex

    titles = dict(conn.execute("SELECT id, title FROM articles"))
    index = LSMIndex(sqlite_utils.Database(conn), "articles", 1, 1)
    return {(titles[item], key) for key, item in index.entries()}


def test_damaged_kept_permutations_are_a_clear_error_on_open(tmp_path):
    from store.archive import Archive, ArchiveError

    write_docs(make_docs(3, seed=4), tmp_path / "corpus")
    ingest([tmp_path / "corpus"], tmp_path / "a.db", CONFIG)
    with sqlite3.connect(tmp_path / "a.db") as conn:
        conn.execute("UPDATE _settings SET value = '[[1, 2], [3]]' WHERE key = 'minhash_permutations'")
    with pytest.raises(ArchiveError, match="minhash_permutations in _settings"):
        Archive.open(tmp_path / "a.db", CONFIG.dedup)


def test_merging_lsh_runs_changes_no_result(tmp_path, monkeypatch):
    from store.lsm import LSMIndex

    docs = make_docs(40, seed=12, dup_rate=0.3, passage_rate=0.2)
    write_docs(docs, tmp_path / "corpus")
    config = Config(archive=CONFIG.archive.__class__(batch_size=5))
    monkeypatch.setattr(LSMIndex, "fanout", 1000)  # never merge: a run per batch
    ingest([tmp_path / "corpus"], tmp_path / "plain.db", config)
    monkeypatch.setattr(LSMIndex, "fanout", 2)  # merge after nearly every batch
    ingest([tmp_path / "corpus"], tmp_path / "merged.db", config)
    runs = {name: sqlite3.connect(tmp_path / name).execute("SELECT count(*) FROM _lsh_paragraphs_runs").fetchone()[0]
            for name in ("plain.db", "merged.db")}
    assert runs["merged.db"] < runs["plain.db"]
    assert partition(tmp_path / "plain.db") == partition(tmp_path / "merged.db")


def test_lsh_filters_read_from_the_archive_change_no_result(tmp_path, monkeypatch):
    from store.lsm import LSMIndex

    docs = make_docs(40, seed=12, dup_rate=0.3, passage_rate=0.2)
    write_docs(docs, tmp_path / "corpus")
    monkeypatch.setattr(LSMIndex, "fanout", 3)  # runs of several sizes
    options = CONFIG.archive.__class__
    ingest([tmp_path / "corpus"], tmp_path / "held.db", Config(archive=options(batch_size=5)))
    ingest([tmp_path / "corpus"], tmp_path / "read.db", Config(archive=options(batch_size=5, filter_memory_mb=0)))
    assert partition(tmp_path / "held.db") == partition(tmp_path / "read.db")


# shingle sets drawn from a small range, so that overlaps and thresholds are hit often
shingle_sets = st.lists(st.integers(0, 60), max_size=30).map(lambda xs: np.unique(np.array(xs, dtype=np.uint32)))


@settings(max_examples=300, deadline=None)
@given(shingle_sets, st.lists(shingle_sets, max_size=24))
@example(np.array([1, 2, 3], dtype=np.uint32), [np.array([2, 3, 4], dtype=np.uint32)] * 8)  # Jaccard exactly 0.5
@example(np.arange(10, dtype=np.uint32), [np.arange(3, 20, dtype=np.uint32)] * 8)  # containment exactly 0.7
def test_passage_scores_of_many_candidates_equal_one_at_a_time(paragraph, candidates):
    options = CONFIG.dedup
    assert passage_scores(paragraph, candidates, options) == [passage_score(paragraph, c, options)
                                                               for c in candidates]
