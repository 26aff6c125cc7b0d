"""LSH buckets as sorted runs with Bloom filters: a log-structured index in the archive.

A batch's new bucket entries (band key, item) stay in memory while the batch is
decided, then `flush` (inside the batch's transaction) writes them as a *run*: sorted
by key, cut into blocks of about BLOCK entries (`_lsh_KIND_blocks`, two arrays a
row), with the first key of each block (its fences) and a Bloom filter of its keys
(`_lsh_KIND_runs`). Runs never change. When `fanout` small runs pile up they are
merged into one (size-tiered compaction); runs that reach `max_run_entries /
fanout` entries are no longer merged, which bounds the memory a merge takes.

Why not one SQLite table keyed on the band key: every entry would be a random insert
into one B-tree, and once that B-tree outgrows the page cache each insert reads and
rewrites a page, so a night gets slower as the archive grows. Here an entry costs a
share of a sequential blob write, a few times over its life.

A lookup tests its keys against each run's Bloom filter (about 2 bytes an entry, false
positives about 1 in 1,000) and reads only the blocks that may hold them. Nearly every
band key is unique, so nearly no block is read. `prefetch` does this once for a whole
batch's keys; keys added during the batch are found in memory. With worker processes,
they look a batch's keys up in the runs committed at the time (store.committed), and
`prefetch` reads only the runs made since.

Filters are held in memory up to a budget (`fit_filters`), smallest runs first: those
change every few batches. The filters of the largest runs beyond it stay in the archive
and are read for each batch's lookup (sequential blob reads, about 0.5 ms a MB from the
OS page cache), so memory stays bounded whatever the archive's size.
"""

from __future__ import annotations

import math
import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from itertools import chain
from typing import Iterable, Iterator

import numpy as np
import sqlite_utils

from .arrays import sorted_unique

BLOCK = 256
BLOOM_BITS = 14.4  # bits per entry: with 10 probes, about 0.1% false positives
BLOOM_PROBES = 10
_CHUNK = 1 << 17  # keys hashed at once when building a filter
MERGE_CHUNK = 1 << 18  # entries a merge sorts at once (2 MB an array)
NAMED_BITS = 1 << 18  # flags of a prefetched batch's keys (see LSMIndex._check_named)
_M1, _M2 = np.uint64(0xBF58476D1CE4E5B9), np.uint64(0x94D049BB133111EB)


@dataclass(frozen=True)
class RunLookup:
    """Band keys looked up in some runs of an index: the keys (distinct, sorted), the
    ids of the runs, and the stored items of each key that has some there."""

    keys: np.ndarray
    runs: frozenset[int]
    found: dict[int, list[int]]


@dataclass
class Run:
    """One immutable sorted run: its id, size, block fences and Bloom filter."""

    id: int
    entries: int
    fences: np.ndarray  # int64: the first key of each block
    bloom: np.ndarray | None  # uint8 bit array; None while it is kept only in the archive
    bloom_bytes: int
    # since the last fit_filters: probed by a lookup, or written (then probed soon)
    probed: bool = False
    written: bool = False


def probe_hashes(keys: np.ndarray) -> np.ndarray:
    """(BLOOM_PROBES, n) 32-bit hashes of each key, one per probe (splitmix64 finaliser,
    then double hashing)."""
    h = keys.astype(np.int64, copy=False).view(np.uint64)
    with np.errstate(over="ignore"):
        h = (h ^ (h >> np.uint64(30))) * _M1
        h = (h ^ (h >> np.uint64(27))) * _M2
        h ^= h >> np.uint64(31)
        step = (h >> np.uint64(32)) | np.uint64(1)
        probes = np.arange(BLOOM_PROBES, dtype=np.uint64)[:, None]
        return (h[None, :] + probes * step[None, :]) & np.uint64(0xFFFFFFFF)


def _scale(hashes: np.ndarray, bits: int) -> np.ndarray:
    """Map 32-bit hashes onto [0, bits) without a division."""
    return (hashes * np.uint64(bits)) >> np.uint64(32)


def bloom_bits(entries: int) -> int:
    """The size in bits of the filter of a run of this many entries."""
    return max(64, 8 * math.ceil(entries * BLOOM_BITS / 8))


class BloomBuilder:
    """Sets the bits of a new Bloom filter, key chunk by key chunk.

    A small filter is built one bool per bit (fast), a large one straight into its
    packed bytes: a merged run of millions of entries would otherwise hold an unpacked
    copy eight times the filter's size, the largest allocation of a night.
    """

    UNPACKED_LIMIT = 1 << 23  # bits: at most 8 MB unpacked

    def __init__(self, entries: int) -> None:
        self.bits = bloom_bits(entries)
        self.packed = self.bits > self.UNPACKED_LIMIT
        self.flags = np.zeros(self.bits // 8 if self.packed else self.bits, dtype=np.uint8 if self.packed else np.bool_)

    def add(self, keys: np.ndarray) -> None:
        """Set the bits of these keys."""
        for start in range(0, len(keys), _CHUNK):
            pos = _scale(probe_hashes(keys[start : start + _CHUNK]), self.bits).ravel()
            if self.packed:
                self._set_packed(pos)
            else:
                self.flags[pos] = True

    def _set_packed(self, pos: np.ndarray) -> None:
        """Set bits in the packed bytes, one bit value (0-7) at a time.

        Within one bit value a repeated byte gets the same mask, so a plain fancy-indexed
        `|=` is exact; np.bitwise_or.at would be too, but is twice as slow (it was the
        larger half of a 3M-entry merge).
        """
        bit = (pos & np.uint64(7)).astype(np.uint8)
        byte = (pos >> np.uint64(3)).astype(np.intp)
        order = np.argsort(bit, kind="stable")  # a radix sort on uint8
        bounds = np.searchsorted(bit[order], np.arange(9, dtype=np.uint8))
        byte = byte[order]
        for value in range(8):
            self.flags[byte[bounds[value] : bounds[value + 1]]] |= np.uint8(1 << value)

    def finish(self) -> np.ndarray:
        """The filter as a bit array (little-endian bit order)."""
        return self.flags if self.packed else np.packbits(self.flags, bitorder="little")


def build_bloom(keys: np.ndarray) -> np.ndarray:
    """A Bloom filter (bit array, little-endian bit order) of the keys."""
    builder = BloomBuilder(len(keys))
    builder.add(keys)
    return builder.finish()


def bloom_may_hold(bloom: np.ndarray, hashes: np.ndarray) -> np.ndarray:
    """Indexes of the keys (given by their probe_hashes) that the filter may hold.

    Probe by probe, only on the keys still alive: about half fail each probe.
    """
    bits = len(bloom) * 8
    alive = np.arange(hashes.shape[1])
    for probe in hashes:
        pos = _scale(probe[alive], bits)
        hit = (bloom[(pos >> np.uint64(3)).astype(np.intp)] >> (pos & np.uint64(7)).astype(np.uint8)) & 1
        alive = alive[hit.astype(bool)]
        if not len(alive):
            break
    return alive


class _RunWriter:
    """Writes one new run block by block: entries arrive sorted, in key ranges that
    never split one key's entries; the filter is sized for `entries` up front."""

    def __init__(self, index: "LSMIndex", entries: int) -> None:
        self.conn = index.db.conn
        self.table = index.blocks_table
        self.runs_table = index.runs_table
        self.run_id = self.conn.execute(f"SELECT coalesce(max(run), 0) + 1 FROM {index.runs_table}").fetchone()[0]
        self.entries = entries
        self.bloom: BloomBuilder | None = BloomBuilder(entries)
        self.fences: list[np.ndarray] = []
        self.blocks = 0
        self.written = 0

    def append(self, keys: np.ndarray, items: np.ndarray) -> None:
        """Write sorted entries that all come after those written before."""
        if not len(keys):
            return
        starts = block_bounds(keys)
        ends = np.append(starts[1:], len(keys))
        self.conn.executemany(f"INSERT INTO {self.table} (run, block, keys, items) VALUES (?, ?, ?, ?)",
                              [(self.run_id, self.blocks + n, key_blob(keys[a:b]), item_blob(items[a:b]))
                               for n, (a, b) in enumerate(zip(starts.tolist(), ends.tolist()))])
        self.blocks += len(starts)
        self.fences.append(keys[starts])
        self.bloom.add(keys)
        self.written += len(keys)

    def close(self) -> Run:
        """Record the run (its fences and filter) and return it."""
        if self.written != self.entries:  # a bug in the caller: the filter would be sized wrong
            raise RuntimeError(f"run {self.run_id}: {self.written} entries written, {self.entries} announced")
        fences = np.concatenate(self.fences) if self.fences else np.empty(0, dtype=np.int64)
        bloom = self.bloom.finish()
        run = Run(self.run_id, self.entries, fences, bloom, len(bloom), written=True)
        self.bloom = None
        self.conn.execute(f"INSERT INTO {self.runs_table} (run, entries, fences, bloom) VALUES (?, ?, ?, ?)",
                          [run.id, run.entries, run.fences.tobytes(), run.bloom.tobytes()])
        return run


def key_blob(keys: np.ndarray) -> bytes:
    """A block's sorted keys as stored: the first key (8 bytes), then each key's distance
    from the one before, all in as many bytes as the largest distance needs (at least 2),
    behind one byte that says how many. Band keys are uniform 64-bit hashes, so in a run
    of N entries neighbours are about 2**64 / N apart: 5-6 bytes instead of 8 at the
    sizes an archive reaches. Where that is no smaller, the keys are stored as they are,
    8 bytes each (as every block written before keys were packed): a packed blob's length
    is never a multiple of 8 (a padding byte sees to it), so its length says which."""
    keys = np.asarray(keys, dtype=np.int64)
    if len(keys) < 2:
        return keys.astype("<i8").tobytes()
    with np.errstate(over="ignore"):
        gaps = np.diff(keys.view(np.uint64))  # sorted as signed: each gap is exact modulo 2**64
    width = max(2, (int(gaps.max()).bit_length() + 7) // 8)
    if width >= 8:
        return keys.astype("<i8").tobytes()
    blob = bytes([width]) + keys[:1].astype("<i8").tobytes() \
        + gaps.astype("<u8").view(np.uint8).reshape(-1, 8)[:, :width].tobytes()
    return blob + b"\0" if len(blob) % 8 == 0 else blob


def block_keys(blob: bytes) -> np.ndarray:
    """A block's keys (int64, sorted) from its stored blob (`key_blob`)."""
    if len(blob) % 8 == 0:
        return np.frombuffer(blob, dtype="<i8")
    width = blob[0]
    gaps = (len(blob) - 9) // width  # a padding byte is no gap: width >= 2
    wide = np.zeros((gaps, 8), dtype=np.uint8)
    wide[:, :width] = np.frombuffer(blob, dtype=np.uint8, count=gaps * width, offset=9).reshape(gaps, width)
    out = np.empty(gaps + 1, dtype=np.uint64)
    out[0] = np.frombuffer(blob, dtype="<u8", count=1, offset=1)[0]
    out[1:] = wide.view("<u8").ravel()
    with np.errstate(over="ignore"):
        return np.cumsum(out, dtype=np.uint64).view(np.int64)


def item_blob(items: np.ndarray) -> bytes:
    """A block's items as stored: 3 bytes each (unsigned) when they all fit, else 4, else
    8 (an article or paragraph id past 4,294,967,295). Blocks written before items were
    packed hold 8 bytes each, or 4; a block's own length says which (`block_items`)."""
    if not len(items) or int(items.min()) < 0 or int(items.max()) > 0xFFFFFFFF:
        return items.astype("<i8").tobytes()
    if int(items.max()) <= 0xFFFFFF:
        return items.astype("<u4").view(np.uint8).reshape(-1, 4)[:, :3].tobytes()
    return items.astype("<u4").tobytes()


def block_items(blob: bytes, entries: int) -> np.ndarray:
    """A block's items (int64) from its stored blob and its number of entries."""
    if len(blob) == 3 * entries:
        wide = np.zeros((entries, 4), dtype=np.uint8)
        wide[:, :3] = np.frombuffer(blob, dtype=np.uint8).reshape(entries, 3)
        return wide.view("<u4").ravel().astype(np.int64)
    if len(blob) == 4 * entries:
        return np.frombuffer(blob, dtype="<u4").astype(np.int64)
    return np.frombuffer(blob, dtype="<i8")


def is_member(sorted_keys: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """Which of `keys` are in the sorted array `sorted_keys`."""
    if not len(sorted_keys):
        return np.zeros(len(keys), dtype=bool)
    at = np.minimum(np.searchsorted(sorted_keys, keys), len(sorted_keys) - 1)
    return sorted_keys[at] == keys


def block_bounds(keys: np.ndarray) -> np.ndarray:
    """Start offsets of the blocks of a sorted key array: about BLOCK entries each, and
    never splitting one key's entries, so a key is found in the one block its fence names."""
    cuts = np.searchsorted(keys, keys[BLOCK::BLOCK], side="left")
    return sorted_unique(np.concatenate([[0], cuts[cuts > 0]])).astype(np.intp)


class LSMIndex:
    """LSH buckets of one kind of item ("articles" or "paragraphs").

    Needs only `add`, `query`, `prefetch` and `flush`: the seam for another backend
    (a shared server for several ingest workers).
    """

    fanout = 8
    max_run_entries = 4_000_000

    def __init__(self, db: sqlite_utils.Database, kind: str, bands: int, rows: int,
                 reader: sqlite3.Connection | None = None) -> None:
        """The stored runs are loaded without their filters: `fit_filters` says which to
        hold, and the others are read when probed, through `reader` (a connection to the
        same file, for committed runs only) when given, so that they pass through its
        page cache, not the writer's. Runs written from now on are held."""
        self.db = db
        self.kind = kind
        self.bands = bands
        self.rows = rows
        self.reader = reader
        self.runs_table = f"_lsh_{kind}_runs"
        self.blocks_table = f"_lsh_{kind}_blocks"
        self.runs = self._load_runs()
        self._reset()

    def _reset(self) -> None:
        """Forget the batch: its added entries, and what was looked up for it."""
        self._added_keys: list[np.ndarray] = []
        self._added_items: list[np.ndarray] = []
        # per key a query of this batch may ask: its stored items, then those added since
        self._known: dict[int, list[int]] = {}
        self._looked_up: set[int] = set()  # keys a query looked up (without a prefetch)
        self._named: np.ndarray | None = None  # after a prefetch: NAMED_BITS flags of the keys it named

    @staticmethod
    def create_tables(db: sqlite_utils.Database, kind: str) -> None:
        """The run and block tables of one index, if they are not there."""
        db.execute(f"CREATE TABLE IF NOT EXISTS _lsh_{kind}_runs (run INTEGER PRIMARY KEY, "
                   f"entries INTEGER NOT NULL, fences BLOB NOT NULL, bloom BLOB NOT NULL)")
        db.execute(f"CREATE TABLE IF NOT EXISTS _lsh_{kind}_blocks (run INTEGER NOT NULL, "
                   f"block INTEGER NOT NULL, keys BLOB NOT NULL, items BLOB NOT NULL, PRIMARY KEY (run, block))")

    def _load_runs(self, after: int = 0) -> list[Run]:
        """The stored runs (those with an id above `after`), without their filters (see
        `fit_filters`)."""
        return [Run(run, entries, np.frombuffer(fences, dtype=np.int64), None, size)
                for run, entries, fences, size in self.db.conn.execute(
                    f"SELECT run, entries, fences, length(bloom) FROM {self.runs_table} WHERE run > ? "
                    f"ORDER BY run", [after])]

    def _read_filter(self, run: Run) -> np.ndarray:
        """A run's filter as stored in the archive."""
        conn = self.reader or self.db.conn
        with conn.blobopen(self.runs_table, "bloom", run.id, readonly=True) as blob:
            return np.frombuffer(blob.read(), dtype=np.uint8)

    def hold_filter(self, run: Run, held: bool) -> None:
        """Keep a run's filter in memory (reading it once), or leave it in the archive."""
        if held and run.bloom is None:
            run.bloom = self._read_filter(run)
        elif not held:
            run.bloom = None

    # reading ----------------------------------------------------------------------------
    def entries(self) -> Iterator[tuple[int, int]]:
        """Every stored (key, item) entry, run by run (for checks and tests)."""
        for keys, items in self.db.conn.execute(f"SELECT keys, items FROM {self.blocks_table} ORDER BY run, block"):
            keys = block_keys(keys)
            yield from zip(keys.tolist(), block_items(items, len(keys)).tolist())

    def _lookup(self, keys: np.ndarray, runs: list[Run] | None = None) -> dict[int, list[int]]:
        """The stored items of each key that has some (distinct keys in), in these runs
        (by default all of them)."""
        found: dict[int, list[int]] = defaultdict(list)
        runs = self.runs if runs is None else runs
        if not len(keys) or not runs:
            return found
        hashes = probe_hashes(keys)
        for run in runs:
            run.probed = True
            bloom = run.bloom if run.bloom is not None else self._read_filter(run)
            maybe = keys[bloom_may_hold(bloom, hashes)]
            del bloom  # one filter read from the archive at a time
            if not len(maybe):
                continue
            blocks = np.searchsorted(run.fences, maybe, side="right") - 1
            wanted = sorted_unique(blocks[blocks >= 0]).tolist()
            key_arrays, item_arrays = [], []
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                for stored_keys, items in self.db.conn.execute(
                        f"SELECT keys, items FROM {self.blocks_table} WHERE run = ? "
                        f"AND block IN ({','.join('?' * len(chunk))}) ORDER BY block", [run.id, *chunk]):
                    key_arrays.append(block_keys(stored_keys))
                    item_arrays.append(block_items(items, len(key_arrays[-1])))
            # the blocks read, in order, are one sorted array: every key of this run that
            # is asked for is in the block its fence names, so it is in this array
            run_keys = np.concatenate(key_arrays) if key_arrays else np.empty(0, dtype=np.int64)
            run_items = np.concatenate(item_arrays) if item_arrays else np.empty(0, dtype=np.int64)
            lo = np.searchsorted(run_keys, maybe, side="left")
            hi = np.searchsorted(run_keys, maybe, side="right")
            for i in np.flatnonzero(hi > lo).tolist():
                found[int(maybe[i])].extend(run_items[lo[i] : hi[i]].tolist())
        return found

    def prefetch(self, keys: np.ndarray, done: Iterable[RunLookup] = ()) -> None:
        """Look up a whole batch's band keys in the stored runs at once, before the batch
        is decided and added. A key it names once, with no stored item, can find nothing
        in this batch (only the row that holds it asks for it, before that row is added),
        so only the others are kept in memory, with the items added to them. Until the
        batch is flushed, queries and adds then take only the keys it named.

        `done`: lookups already made of some of the keys in some runs (by the worker
        processes, in a snapshot of the committed runs, see `lookup_committed`); their
        keys are looked up here only in the runs they did not cover. A run they covered
        and a merge replaced since holds no entry the merged run does not (entries are
        never deleted), so the merged run, which they did not cover, is read instead.
        """
        if self._named is not None or self._added_keys:
            # the keys it names once are dropped from memory as they are added, so a key
            # named again by a later prefetch would miss the items added to it before
            raise ValueError("prefetch a batch's keys once, all of them, before its first add "
                             "(or query without prefetching: every added key is then kept)")
        keys = np.asarray(keys, dtype=np.int64).ravel()
        wanted, counts = np.unique(keys, return_counts=True)
        known = self._known
        covered = np.zeros(len(wanted), dtype=bool)
        by_snapshot: dict[frozenset[int], np.ndarray] = {}  # the workers' chunks mostly share one
        for lookup in done:  # (an item found twice is harmless: queries return sets)
            for key, items in lookup.found.items():
                known.setdefault(key, []).extend(items)
            mine = is_member(lookup.keys, wanted) & ~covered
            covered |= mine
            by_snapshot[lookup.runs] = by_snapshot.get(lookup.runs, np.zeros(len(wanted), dtype=bool)) | mine
        for runs, mine in by_snapshot.items():
            for key, items in self._lookup(wanted[mine], [run for run in self.runs if run.id not in runs]).items():
                known.setdefault(key, []).extend(items)
        for key, items in self._lookup(wanted[~covered]).items():
            known.setdefault(key, []).extend(items)
        for key in wanted[counts > 1].tolist():
            known.setdefault(key, [])
        self._named = np.zeros(NAMED_BITS, dtype=bool)
        self._named[wanted & (NAMED_BITS - 1)] = True

    def catch_up(self) -> None:
        """Load the runs committed since the last load, and drop those merged away since.
        Runs never change, so what was read of a run kept (its fences, a filter held)
        is still right. A new run's id is above every committed one (a merged run's too:
        it is written before the runs it replaces are deleted), so the runs committed
        since are those above the newest loaded."""
        ids = {run for (run,) in self.db.conn.execute(f"SELECT run FROM {self.runs_table}")}
        newest = max((run.id for run in self.runs), default=0)
        self.runs = [run for run in self.runs if run.id in ids] + self._load_runs(after=newest)

    def lookup_committed(self, keys: np.ndarray) -> RunLookup:
        """Look up band keys in every run committed at the start of the caller's read
        transaction (call `catch_up` in it first): for `prefetch(done=...)` in the
        writer. Meant for a read-only index in a worker process."""
        wanted = sorted_unique(np.asarray(keys, dtype=np.int64).ravel())
        return RunLookup(wanted, frozenset(run.id for run in self.runs), dict(self._lookup(wanted)))

    def query(self, keys: np.ndarray) -> list[set[int]]:
        """For each row of band keys, the items sharing at least one band with it."""
        keys = np.atleast_2d(np.asarray(keys, dtype=np.int64))
        if not keys.size:
            return [set() for _ in range(len(keys))]
        rows = keys.tolist()
        if self._named is not None:
            self._check_named(keys)
        else:
            asked = set(chain.from_iterable(rows))
            if not asked.issubset(self._looked_up):  # looked up now, and kept whatever they hold
                missing = asked - self._looked_up
                found = self._lookup(np.array(sorted(missing), dtype=np.int64))
                for key in missing:
                    self._known.setdefault(key, []).extend(found.get(key, ()))
                self._looked_up |= missing
        known = self._known
        out = []
        for row in rows:
            items: set[int] = set()
            for key in known.keys() & row:
                items.update(known[key])
            out.append(items)
        return out

    # writing ----------------------------------------------------------------------------
    def add(self, items: list[int], keys: np.ndarray) -> None:
        """Index items by their band keys (rows of an (n, bands) array from band_keys);
        visible to queries at once, stored by the next flush."""
        if not len(items):
            return
        keys = np.asarray(keys, dtype=np.int64).reshape(len(items), -1)
        if self._named is not None:
            self._check_named(keys)
        item_column = np.repeat(np.asarray(items, dtype=np.int64), keys.shape[1])
        self._added_keys.append(keys.ravel())
        self._added_items.append(item_column)
        known = self._known
        if self._named is not None:
            # in memory, only what a later query of this batch can ask for: the keys the
            # prefetch kept (a key it named once, with no stored item, is asked no more)
            for item, row in zip(item_column[:: keys.shape[1]].tolist(), keys.tolist()):
                for key in known.keys() & row:
                    known[key].append(item)
        else:
            for key, item in zip(keys.ravel().tolist(), item_column.tolist()):
                known.setdefault(key, []).append(item)

    def _check_named(self, keys: np.ndarray) -> None:
        """Refuse keys the batch's prefetch did not name: what they hold was never looked up.

        The named keys set flags in a table of NAMED_BITS, small enough to stay in the CPU
        cache (a set of a batch's 64,000 keys cost about 0.5 µs a key in cache misses). A
        key not named passes only when it shares its flag with a named one, about 1 in 4
        at 64,000 keys, so a row of 16 such keys passes about once in 4 billion."""
        if not self._named[keys.ravel() & (NAMED_BITS - 1)].all():
            raise ValueError("after a prefetch, a batch queries and adds only the keys the prefetch named "
                             "(prefetch the whole batch, or query without prefetching)")

    def flush(self) -> None:
        """Write the entries added since the last flush as a run (inside the batch's
        transaction), then merge small runs where `fanout` of them have piled up."""
        added_keys, added_items = self._added_keys, self._added_items
        self._reset()
        if not added_keys:
            return
        self._store(np.concatenate(added_keys), np.concatenate(added_items))

    def _store(self, keys: np.ndarray, items: np.ndarray) -> None:
        """Write entries (in any order) as a new run, then merge where runs have piled up."""
        order = np.argsort(keys, kind="stable")
        self._write_run(keys[order], items[order])
        self._compact()

    def _write_run(self, keys: np.ndarray, items: np.ndarray) -> None:
        """Store sorted entries as a new run."""
        writer = _RunWriter(self, len(keys))
        writer.append(keys, items)
        self.runs.append(writer.close())

    def _tier(self, entries: int) -> int:
        return int(math.log(max(entries, BLOCK) / BLOCK, self.fanout))

    def _compact(self) -> None:
        """Merge runs of one size tier while `fanout` of them are there."""
        limit = self.max_run_entries // self.fanout
        while True:
            tiers: dict[int, list[Run]] = defaultdict(list)
            for run in self.runs:
                if run.entries <= limit:
                    tiers[self._tier(run.entries)].append(run)
            group = next((runs for _, runs in sorted(tiers.items()) if len(runs) >= self.fanout), None)
            if group is None:
                return
            self._merge(group[: self.fanout])

    def _merge(self, group: list[Run]) -> None:
        """Replace runs by one run holding all their entries, a key range at a time, so
        memory holds one range of entries (and the new run's filter), not the runs."""
        ids = [run.id for run in group]
        writer = _RunWriter(self, sum(run.entries for run in group))
        fences = sorted_unique(np.concatenate([run.fences for run in group]))
        step = max(1, len(fences) * MERGE_CHUNK // max(1, writer.entries))
        bounds = [*fences[step::step].tolist(), None]
        low = None
        for high in bounds:
            keys, items = self._read_range(group, low, high)
            order = np.argsort(keys, kind="stable")
            writer.append(keys[order], items[order])
            low = high
        marks = ",".join("?" * len(ids))
        self.db.conn.execute(f"DELETE FROM {self.blocks_table} WHERE run IN ({marks})", ids)
        self.db.conn.execute(f"DELETE FROM {self.runs_table} WHERE run IN ({marks})", ids)
        self.runs = [run for run in self.runs if run.id not in ids] + [writer.close()]

    def _read_range(self, group: list[Run], low: int | None, high: int | None) -> tuple[np.ndarray, np.ndarray]:
        """The entries of some runs whose keys are in [low, high) (None: unbounded)."""
        keys, items = [np.empty(0, dtype=np.int64)], [np.empty(0, dtype=np.int64)]
        for run in group:
            first = 0 if low is None else max(0, int(np.searchsorted(run.fences, low, side="right")) - 1)
            last = len(run.fences) if high is None else int(np.searchsorted(run.fences, high, side="left"))
            for stored_keys, stored_items in self.db.conn.execute(
                    f"SELECT keys, items FROM {self.blocks_table} WHERE run = ? AND block >= ? AND block < ? "
                    f"ORDER BY block", [run.id, first, last]).fetchall():
                keys_of_block = block_keys(stored_keys)
                items_of_block = block_items(stored_items, len(keys_of_block))
                keep = np.ones(len(keys_of_block), dtype=bool)
                if low is not None:
                    keep &= keys_of_block >= low
                if high is not None:
                    keep &= keys_of_block < high
                keys.append(keys_of_block[keep])
                items.append(items_of_block[keep])
        return np.concatenate(keys), np.concatenate(items)

    def migrate_table(self, table: str, chunk: int = 500_000) -> int:
        """Move the entries of an older archive's bucket table (key, item) into runs and
        drop the table (inside the caller's transaction). Returns the entries moved."""
        conn = self.db.conn
        moved = 0
        cursor = conn.execute(f"SELECT key, item FROM {table}")
        while rows := cursor.fetchmany(chunk):
            pairs = np.array(rows, dtype=np.int64)
            self._store(pairs[:, 0].copy(), pairs[:, 1].copy())
            moved += len(rows)
        conn.execute(f"DROP TABLE {table}")
        return moved


def fit_filters(indexes: list[LSMIndex], budget: int | None, used_only: bool = False) -> None:
    """Hold in memory the filters of the smallest runs of these indexes that fit in
    `budget` bytes (None: all of them); the others are read from the archive when probed.

    `used_only`: only among the runs probed or written since the last call. For a writer
    whose worker processes look a batch's keys up (store.committed): it probes only the
    runs made since they looked, and holding the others would keep a copy of what the
    workers hold. A run it probes every batch is held from the second batch on.
    Call it where every run is committed (at the start of a batch): a filter left in the
    archive is read through the indexes' reader connection.
    """
    runs = sorted(((run.bloom_bytes, -run.id, index, run) for index in indexes for run in index.runs),
                  key=lambda entry: entry[:2])
    left = math.inf if budget is None else budget
    for size, _, index, run in runs:
        held = (run.probed or run.written or not used_only) and size <= left
        index.hold_filter(run, held)
        run.probed = run.written = False
        if held:
            left -= size
