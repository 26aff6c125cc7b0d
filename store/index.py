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
from datasketch import MinHashLSH

RECALL_WEIGHTS = (0.2, 0.8)
_MULT = np.uint64(0x9E3779B97F4A7C15)
_BAND_SALT = np.uint64(0xC2B2AE3D27D4EB4F)


@lru_cache(maxsize=16)
def lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows) that datasketch picks for a threshold, weighted to recall."""
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


@dataclass(frozen=True)
class StoredSketch:
    """A signature read back from the archive."""

    item: int
    values: np.ndarray
    size: int


class SketchStore:
    """MinHash signatures (and set sizes) kept in one table, keyed by item id."""

    def __init__(self, db: sqlite_utils.Database, table: str) -> None:
        self.db = db
        self.table = table

    def put(self, item: int, values: np.ndarray, size: int) -> None:
        """Store an item's signature."""
        self.db.conn.execute(f"INSERT OR REPLACE INTO {self.table} (item, size, sig) VALUES (?, ?, ?)",
                             (item, size, values.astype(np.uint32).tobytes()))

    def get(self, items: set[int] | list[int]) -> list[StoredSketch]:
        """Stored signatures of the given items (those that have one)."""
        items = list(items)
        out = []
        for start in range(0, len(items), 500):
            chunk = items[start : start + 500]
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT item, size, sig FROM {self.table} WHERE item IN ({marks})"
            for item, size, sig in self.db.conn.execute(sql, chunk):
                out.append(StoredSketch(item, np.frombuffer(sig, dtype=np.uint32), size))
        return out


class SQLiteLSH:
    """LSH buckets and signatures of one kind of item ("articles" or "paragraphs")."""

    def __init__(self, db: sqlite_utils.Database, kind: str, bands: int, rows: int) -> None:
        self.db = db
        self.kind = kind
        self.bands = bands
        self.rows = rows
        self._buckets = f"_lsh_{kind}"
        self.store = SketchStore(db, f"_sketches_{kind}")

    def insert(self, item: int, values: np.ndarray, size: int) -> None:
        """Add an item's signature and its band keys."""
        self.store.put(item, values, size)
        self.db.conn.executemany(f"INSERT INTO {self._buckets} (key, item) VALUES (?, ?)",
                                 [(k, item) for k in band_keys(values, self.bands, self.rows)])

    def query(self, values: np.ndarray) -> set[int]:
        """Items sharing at least one band with the signature."""
        keys = band_keys(values, self.bands, self.rows)
        marks = ",".join("?" * len(keys))
        sql = f"SELECT DISTINCT item FROM {self._buckets} WHERE key IN ({marks})"
        return {row[0] for row in self.db.conn.execute(sql, keys)}

    def sketches(self, items: set[int] | list[int]) -> list[StoredSketch]:
        """Stored signatures of the given items."""
        return self.store.get(items)
