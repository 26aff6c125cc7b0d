"""A MinHash LSH index that lives in the archive (tables _lsh_*), and stored arrays.

The banding parameters come from datasketch's MinHashLSH optimiser, weighted to
favour recall (its maintainers' advice: lean to recall, then verify candidates).
Buckets and signatures are SQLite rows, so a nightly run only queries and adds;
nothing is rebuilt in memory. This class is the seam for another backend (a
shared Redis index for several workers): it needs only keys, add, query and flush.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

import numpy as np
import sqlite_utils

RECALL_WEIGHTS = (0.1, 0.9)  # (false positive, false negative): a missed pair costs far more
_MULT = np.uint64(0x9E3779B97F4A7C15)
_BAND_SALT = np.uint64(0xC2B2AE3D27D4EB4F)


class Banding(NamedTuple):
    """How an LSH index cuts a signature: `bands` bucket keys of `rows` values each."""

    bands: int
    rows: int


@lru_cache(maxsize=16)
def lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows) that datasketch picks for a threshold, weighted to recall."""
    from datasketch import MinHashLSH  # imported here: readers never need it

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm, weights=RECALL_WEIGHTS)
    return lsh.b, lsh.r


def band_keys(signatures: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """Signed 64-bit bucket keys, one per band, of each row of a (n, num_perm) signature array."""
    block = np.atleast_2d(signatures)[:, : bands * rows].astype(np.uint64).reshape(-1, bands, rows)
    acc = np.broadcast_to((np.arange(bands, dtype=np.uint64) + np.uint64(1)) * _BAND_SALT,
                          block.shape[:2]).copy()
    with np.errstate(over="ignore"):
        for j in range(rows):
            acc = acc * _MULT + block[:, :, j]
    return acc.view(np.int64)


class BlobStore:
    """Arrays of uint32 (signatures, shingle sets) kept in one table, keyed by item id."""

    def __init__(self, db: sqlite_utils.Database, table: str) -> None:
        self.db = db
        self.table = table

    def put_many(self, entries: list[tuple[int, np.ndarray, int]]) -> None:
        """Store (item, array, size) for several items; size is the set size a sketch stands for."""
        self.db.conn.executemany(f"INSERT OR REPLACE INTO {self.table} (item, size, data) VALUES (?, ?, ?)",
                                 [(item, size, values.astype(np.uint32).tobytes()) for item, values, size in entries])

    def get(self, items: set[int] | list[int]) -> dict[int, tuple[np.ndarray, int]]:
        """The stored (array, size) of the given items (those that have one)."""
        items = sorted(items)
        out = {}
        for start in range(0, len(items), 30000):
            chunk = items[start : start + 30000]
            sql = f"SELECT item, data, size FROM {self.table} WHERE item IN ({','.join('?' * len(chunk))})"
            for item, data, size in self.db.conn.execute(sql, chunk):
                out[item] = (np.frombuffer(data, dtype=np.uint32), size)
        return out


class SQLiteLSH:
    """LSH buckets of one kind of item ("articles" or "paragraphs"), log-structured.

    New entries go to a small table (`_lsh_KIND_recent`) whose pages stay in cache, so
    inserting is cheap and a commit writes few pages. When it holds more than
    `merge_rows` entries it is merged into the main table (`_lsh_KIND`) in one sorted
    pass, which touches each page of the big B-tree once per merge instead of once
    per batch: the cost of a batch stays flat as the archive grows. Queries read both
    tables. All of it is ordinary SQL inside the batch's transaction and savepoints.
    """

    merge_rows = 1_000_000

    def __init__(self, db: sqlite_utils.Database, kind: str, bands: int, rows: int) -> None:
        self.db = db
        self.kind = kind
        self.bands = bands
        self.rows = rows
        self._buckets = f"_lsh_{kind}"
        self._recent = f"_lsh_{kind}_recent"
        self._added = 0

    def add(self, items: list[int], keys: np.ndarray) -> None:
        """Index items by their band keys (rows of an (n, bands) array from band_keys)."""
        rows = [(k, item) for item, row in zip(items, keys.tolist()) for k in row]
        self.db.conn.executemany(f"INSERT OR IGNORE INTO {self._recent} (key, item) VALUES (?, ?)", rows)
        self._added += len(rows)

    def flush(self) -> None:
        """At the end of a batch: merge the recent entries into the main table once there are enough."""
        if not self._added:
            return
        self._added = 0
        conn = self.db.conn
        if conn.execute(f"SELECT count(*) FROM {self._recent}").fetchone()[0] < self.merge_rows:
            return
        conn.execute(f"INSERT OR IGNORE INTO {self._buckets} (key, item) "
                     f"SELECT key, item FROM {self._recent} ORDER BY key")
        conn.execute(f"DELETE FROM {self._recent}")

    def query(self, keys: np.ndarray) -> list[set[int]]:
        """For each row of band keys, the items sharing at least one band with it."""
        rows = keys.tolist()
        wanted = sorted({k for row in rows for k in row})
        found: dict[int, list[int]] = {}
        for start in range(0, len(wanted), 15000):
            chunk = wanted[start : start + 15000]
            marks = ",".join("?" * len(chunk))
            sql = (f"SELECT key, item FROM {self._buckets} WHERE key IN ({marks}) UNION ALL "
                   f"SELECT key, item FROM {self._recent} WHERE key IN ({marks})")
            for key, item in self.db.conn.execute(sql, chunk + chunk):
                found.setdefault(key, []).append(item)
        if not found:
            return [set() for _ in rows]
        return [{item for k in row if k in found for item in found[k]} for row in rows]
