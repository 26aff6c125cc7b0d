"""The LSH index of sorted runs (store.lsm) answers exactly what a plain key -> items map would."""

from __future__ import annotations

import sqlite3

import numpy as np
import pytest
import sqlite_utils

from store import lsm
from store.lsm import BloomBuilder, LSMIndex, bloom_may_hold, build_bloom, probe_hashes


@pytest.fixture
def fresh_db(tmp_path) -> sqlite_utils.Database:
    db = sqlite_utils.Database(sqlite3.connect(tmp_path / "index.db", isolation_level=None))
    LSMIndex.create_tables(db, "things")
    return db


def committed(db: sqlite_utils.Database, index: LSMIndex) -> None:
    db.execute("BEGIN")
    index.flush()
    db.execute("COMMIT")


def queried_and_added(index: LSMIndex, keys: np.ndarray, truth: dict[int, set[int]], item: int) -> int:
    """Check each row's query against `truth` (key -> items), then add the row as a new
    item (to the index and to `truth`); returns the next item."""
    for row in keys:
        expected = set().union(*(truth.get(k, set()) for k in row.tolist()))
        assert index.query(row[None, :]) == [expected]
        index.add([item], row[None, :])
        for k in row.tolist():
            truth.setdefault(k, set()).add(item)
        item += 1
    return item


def test_bloom_filter_has_no_false_negatives_and_few_false_positives():
    rng = np.random.default_rng(3)
    keys = rng.integers(-2**63, 2**63 - 1, size=20_000, dtype=np.int64)
    others = rng.integers(-2**63, 2**63 - 1, size=100_000, dtype=np.int64)
    bloom = build_bloom(keys)
    assert len(bloom_may_hold(bloom, probe_hashes(keys))) == len(keys)
    false_positives = len(bloom_may_hold(bloom, probe_hashes(others))) / len(others)
    assert false_positives < 0.005



def test_a_large_filter_built_packed_is_the_filter_built_bit_by_bit(monkeypatch):
    keys = np.random.default_rng(4).integers(-2**63, 2**63 - 1, size=50_000, dtype=np.int64)
    unpacked = build_bloom(keys)
    monkeypatch.setattr(BloomBuilder, "UNPACKED_LIMIT", 0)
    assert BloomBuilder(len(keys)).packed
    assert np.array_equal(build_bloom(keys), unpacked)

@pytest.mark.parametrize("prefetch", [True, False])
@pytest.mark.parametrize("budget", [None, 0, 3_000], ids=["filters-held", "filters-read", "some-held"])
def test_queries_match_a_plain_map_across_batches_merges_and_reopening(fresh_db, tmp_path, monkeypatch,
                                                                       prefetch, budget):
    monkeypatch.setattr(LSMIndex, "fanout", 3)
    monkeypatch.setattr(lsm, "MERGE_CHUNK", 100)  # merges go through many key ranges
    rng = np.random.default_rng(5)
    truth: dict[int, set[int]] = {}
    reader = None if budget is None else sqlite3.connect(f"file:{tmp_path / 'index.db'}?mode=ro", uri=True)

    def opened() -> LSMIndex:
        index = LSMIndex(fresh_db, "things", 4, 2, reader)
        lsm.fit_filters([index], budget)  # as Archive does on opening
        return index

    index = opened()
    held_runs = read_runs = 0
    item = 0
    for batch in range(12):
        keys = rng.integers(0, 5_000, size=(40, 4), dtype=np.int64)  # small key space: many shared keys
        if budget is not None:  # as Archive.batch does, with every run committed
            lsm.fit_filters([index], budget)
            held = [run for run in index.runs if run.bloom is not None]
            assert sum(run.bloom_bytes for run in held) <= budget
            held_runs += len(held)
            read_runs += len(index.runs) - len(held)
        if prefetch:
            index.prefetch(keys)
        item = queried_and_added(index, keys, truth, item)
        committed(fresh_db, index)
        if batch == 6:
            index = opened()  # reopened: nothing is kept in memory but filters
    assert len(index.runs) < 12  # some were merged
    if budget is not None:  # the budget held some filters and left others in the archive
        assert read_runs > 0 and (held_runs > 0) == (budget > 0)
    assert sorted(index.entries()) == sorted((k, i) for k, items in truth.items() for i in items)
    probe = np.array(sorted(truth), dtype=np.int64)[:, None]
    assert index.query(probe) == [truth[k] for k in probe[:, 0].tolist()]


@pytest.mark.parametrize("budget", [None, 0], ids=["filters-held", "filters-read"])
def test_lookups_made_a_batch_ahead_in_another_process_answer_as_a_plain_map(fresh_db, tmp_path, monkeypatch,
                                                                           budget):
    # as in an ingest with worker processes: a worker looks batch n's keys up in the runs
    # committed while batch n-1 is still being written; the writer then reads only the
    # runs made since (batch n-1's, and the merges that replaced runs the worker read)
    monkeypatch.setattr(LSMIndex, "fanout", 3)
    rng = np.random.default_rng(6)
    writer = LSMIndex(fresh_db, "things", 4, 2)
    worker_db = sqlite_utils.Database(sqlite3.connect(f"file:{tmp_path / 'index.db'}?mode=ro", uri=True,
                                                      isolation_level=None))
    worker = LSMIndex(worker_db, "things", 4, 2)
    batches = [rng.integers(0, 3_000, size=(30, 4), dtype=np.int64) for _ in range(14)]

    def look_up(n: int) -> list[lsm.RunLookup]:
        worker_db.execute("BEGIN")
        worker.catch_up()
        lsm.fit_filters([worker], budget)
        # two workers' chunks; in even batches the last rows are left to the writer
        # (documents it cleans again), which then probes every run for them
        keys = batches[n]
        done = [worker.lookup_committed(keys[:12]), worker.lookup_committed(keys[12:24 if n % 2 == 0 else 30])]
        worker_db.execute("COMMIT")
        return done

    truth: dict[int, set[int]] = {}
    item, merged, missed, spared = 0, 0, 0, 0
    made_before: set[int] = set()
    ahead = look_up(0)
    for n, keys in enumerate(batches):
        behind, ahead = ahead, (look_up(n + 1) if n + 1 < len(batches) else None)
        made_since = {run.id for run in writer.runs} - behind[0].runs
        merged += any(run.entries > 120 for run in writer.runs if run.id in made_since)
        # as Archive.batch does: the writer holds the filters of the runs it probed or
        # wrote in the batch before; after an odd batch, only runs made since a lookup
        lsm.fit_filters([writer], None, used_only=True)
        held = {run.id for run in writer.runs if run.bloom is not None}
        if n % 2 == 0:
            assert held <= made_since | made_before
            spared += len(held) < len(writer.runs)
        made_before = made_since
        # stored items of the first chunk's keys that its lookup could not see
        missed += any(truth.get(k, set()) - set(behind[0].found.get(k, [])) for k in keys[:12].ravel().tolist())
        writer.prefetch(keys, done=behind)
        item = queried_and_added(writer, keys, truth, item)
        committed(fresh_db, writer)
    assert merged and missed  # a merge replaced runs a lookup had read; the lookups alone missed items
    assert spared
    look_up(0)
    assert [run.id for run in worker.runs] == [run.id for run in writer.runs]  # merged-away runs dropped


def test_a_batch_is_prefetched_once_before_its_first_add(fresh_db):
    # a key named once is not kept as it is added: a second prefetch naming it again
    # would find the batch's earlier items missing, so it is refused
    index = LSMIndex(fresh_db, "things", 2, 2)
    keys = np.array([[1, 2], [3, 4]], dtype=np.int64)
    index.prefetch(keys[:1])
    with pytest.raises(ValueError, match="once, all of them, before its first add"):
        index.prefetch(keys[1:])
    committed(fresh_db, index)
    index.add([7], keys[:1])
    with pytest.raises(ValueError, match="before its first add"):
        index.prefetch(keys)
    committed(fresh_db, index)
    index.prefetch(keys)  # a new batch
    assert index.query(keys) == [{7}, set()]


def test_a_prefetched_batch_refuses_keys_its_prefetch_did_not_name(fresh_db):
    # what those hold was never looked up: answering would miss their stored items
    index = LSMIndex(fresh_db, "things", 4, 1)
    index.add([1], np.array([[10, 11, 12, 13]]))
    committed(fresh_db, index)
    batch = np.array([[10, 20, 30, 40], [50, 60, 70, 80]], dtype=np.int64)
    index.prefetch(batch)
    stranger = np.array([[10, 91, 92, 93]], dtype=np.int64)  # shares one named key
    with pytest.raises(ValueError, match="only the keys the prefetch named"):
        index.query(stranger)
    with pytest.raises(ValueError, match="only the keys the prefetch named"):
        index.add([9], stranger)
    assert index.query(batch) == [{1}, set()]  # nothing of the refused add was kept
    index.add([2], batch[:1])
    assert index.query(batch) == [{1, 2}, set()]
    committed(fresh_db, index)
    assert index.query(stranger) == [{1, 2}]  # a new batch, not prefetched: any key


def test_a_key_shared_by_more_items_than_a_block_holds_is_found_whole(fresh_db, monkeypatch):
    monkeypatch.setattr(LSMIndex, "fanout", 2)
    monkeypatch.setattr(lsm, "MERGE_CHUNK", 300)
    index = LSMIndex(fresh_db, "things", 1, 1)
    many = list(range(2_000))
    for part in (many[:1_000], many[1_000:]):  # two runs, then merged
        index.add(part, np.full((len(part), 1), 42, dtype=np.int64))
        index.add([part[0] + 5_000], np.array([[7]], dtype=np.int64))
        index.add(list(range(part[0] + 10_000, part[0] + 10_600)), np.arange(600, dtype=np.int64)[:, None] + 100)
        committed(fresh_db, index)
    assert len(index.runs) == 1
    assert index.query(np.array([[42], [7], [8]])) == [set(many), {5_000, 6_000}, set()]


def test_an_older_archives_bucket_table_moves_into_runs(fresh_db):
    fresh_db.execute("CREATE TABLE _lsh_things (key INTEGER NOT NULL, item INTEGER NOT NULL, "
                     "PRIMARY KEY (key, item)) WITHOUT ROWID")
    rows = [(k % 97, k) for k in range(1_000)]
    fresh_db.conn.executemany("INSERT INTO _lsh_things VALUES (?, ?)", rows)
    index = LSMIndex(fresh_db, "things", 1, 1)
    fresh_db.execute("BEGIN")
    assert index.migrate_table("_lsh_things", chunk=300) == len(rows)
    fresh_db.execute("COMMIT")
    assert not fresh_db["_lsh_things"].exists()
    assert sorted(LSMIndex(fresh_db, "things", 1, 1).entries()) == sorted(rows)
    assert index.query(np.array([[3]])) == [{k for k in range(1_000) if k % 97 == 3}]


@pytest.mark.parametrize("shape", ["uniform", "one run of many", "shared keys", "extremes", "one key", "near"])
def test_a_blocks_keys_and_items_come_back_exactly_as_stored(shape):
    rng = np.random.default_rng(11)
    if shape == "uniform":  # a small run: gaps near 2**64 / 256
        keys = rng.integers(-2**63, 2**63 - 1, size=256, dtype=np.int64)
    elif shape == "one run of many":  # a block of a run of 50 million entries: 5-byte gaps
        keys = rng.integers(0, 2**64 // 50_000_000 * 256, size=256, dtype=np.uint64).view(np.int64) - 2**40
    elif shape == "shared keys":
        keys = np.repeat(rng.integers(-2**62, 2**62, size=20, dtype=np.int64), 13)
    elif shape == "extremes":  # a gap of more than 2**63: nothing to gain, kept 8 bytes each
        keys = np.array([-2**63, -5, 0, 2**63 - 1], dtype=np.int64)
    elif shape == "one key":
        keys = np.array([rng.integers(-2**63, 2**63 - 1, dtype=np.int64)])
    else:  # gaps of a byte: still 2 bytes each (a packed blob's padding byte needs it)
        keys = np.arange(-100, 100, 3, dtype=np.int64)
    keys = np.sort(keys)
    blob = lsm.key_blob(keys)
    assert lsm.block_keys(blob).tolist() == keys.tolist()
    assert len(blob) <= 8 * len(keys) + 1 and (len(blob) % 8 == 0) == (len(blob) >= 8 * len(keys))
    for items in ([1, 2, 0xFFFFFF], [7, 0x1000000], [3, 2**40]):
        items = np.resize(np.array(items, dtype=np.int64), len(keys))
        assert lsm.block_items(lsm.item_blob(items), len(keys)).tolist() == items.tolist()
