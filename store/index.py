"""A MinHash LSH index that lives in the archive (tables _lsh_* and _sketches_*).

The banding parameters come from datasketch's MinHashLSH optimiser, weighted to
favour recall (its maintainers' advice: lean to recall, then verify candidates).
Buckets and signatures are SQLite rows, so a nightly run only queries and adds;
nothing is rebuilt in memory. This class is the seam for another backend (a
shared Redis index for several workers): it needs only insert, query and sketches.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import sqlite_utils

RECALL_WEIGHTS = (0.2, 0.8)
_MULT = np.uint64(0x9E3779B97F4A7C15)
_BAND_SALT = np.uint64(0xC2B2AE3D27D4EB4F)


@lru_cache(maxsize=16)
def lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows) that datasketch picks for a threshold, weighted to recall."""
    from datasketch import MinHashLSH  # imported here: readers never need it

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm, weights=RECALL_WEIGHTS)
    return lsh.b, lsh.r


def band_keys(values: np.ndarray, bands: int, rows: int) -> list[int]:
    """One signed 64-bit bucket key per band of a signature."""
    block = values[: bands * rows].astype(np.uint64).reshape(bands, rows)
    acc = (np.arange(bands, dtype=np.uint64) + np.uint64(1)) * _BAND_SALT
    with np.errstate(over="ignore"):
        for j in range(rows):
            acc = acc * _MULT + block[:, j]
    return acc.view(np.int64).tolist()


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
    """LSH buckets of one kind of item ("articles" or "paragraphs") in a table.

    New entries wait in memory until flush() (called once per batch, inside its
    transaction) and are written sorted by key, which touches each B-tree page once;
    queries see both the table and the entries not yet flushed.
    """

    def __init__(self, db: sqlite_utils.Database, kind: str, bands: int, rows: int) -> None:
        self.db = db
        self.kind = kind
        self.bands = bands
        self.rows = rows
        self._buckets = f"_lsh_{kind}"
        self._pending: dict[int, list[int]] = {}
        self._log: list[tuple[int, int]] = []

    def add(self, item: int, values: np.ndarray) -> None:
        """Index an item's signature (written at the next flush)."""
        for key in band_keys(values, self.bands, self.rows):
            self._pending.setdefault(key, []).append(item)
            self._log.append((key, item))

    def flush(self) -> None:
        """Write the pending bucket rows, sorted by key."""
        self.db.conn.executemany(f"INSERT OR IGNORE INTO {self._buckets} (key, item) VALUES (?, ?)",
                                 sorted(self._log))
        self.discard()

    def discard(self) -> None:
        """Forget pending entries (their transaction was rolled back)."""
        self._pending.clear()
        self._log.clear()

    def mark(self) -> int:
        """A point to roll pending entries back to (with a SQL savepoint)."""
        return len(self._log)

    def rollback(self, mark: int) -> None:
        """Forget the entries added since mark."""
        for key, item in self._log[mark:]:
            self._pending[key].remove(item)
            if not self._pending[key]:
                del self._pending[key]
        del self._log[mark:]

    @property
    def dirty(self) -> bool:
        """Whether entries wait to be flushed."""
        return bool(self._log)

    def query(self, values: np.ndarray) -> set[int]:
        """Items sharing at least one band with the signature."""
        return self.query_many([values])[0]

    def query_many(self, signatures: list[np.ndarray]) -> list[set[int]]:
        """For each signature, the items sharing at least one band with it (one SQL query)."""
        keys_per = [band_keys(values, self.bands, self.rows) for values in signatures]
        wanted = sorted({k for keys in keys_per for k in keys})
        found: dict[int, list[int]] = {}
        for start in range(0, len(wanted), 30000):
            chunk = wanted[start : start + 30000]
            sql = f"SELECT key, item FROM {self._buckets} WHERE key IN ({','.join('?' * len(chunk))})"
            for key, item in self.db.conn.execute(sql, chunk):
                found.setdefault(key, []).append(item)
        pending = self._pending
        return [{item for k in keys for item in (*found.get(k, ()), *pending.get(k, ()))}
                for keys in keys_per]
