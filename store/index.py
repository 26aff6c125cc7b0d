"""LSH banding and arrays stored in the archive.

The banding parameters come from datasketch's MinHashLSH optimiser, weighted to
favour recall (its maintainers' advice: lean to recall, then verify candidates);
band keys are computed for many signatures in one numpy pass. The buckets themselves
live in store.lsm. BlobStore keeps arrays (sketches, shingle sets) by item id.
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


# What datasketch's optimiser picks (with RECALL_WEIGHTS) for the LSH indexes of the
# default config: (threshold, num_perm) -> (bands, rows). A test checks every entry
# against datasketch. Importing datasketch loads scipy (about 40 MB in the writer for
# the rest of its run), which an archive with the default settings is spared.
KNOWN_LSH_PARAMS = {(0.3, 128): (32, 2), (0.4, 32): (16, 2)}


@lru_cache(maxsize=16)
def lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows) that datasketch picks for a threshold, weighted to recall."""
    if (threshold, num_perm) in KNOWN_LSH_PARAMS:
        return KNOWN_LSH_PARAMS[threshold, num_perm]
    return datasketch_lsh_params(threshold, num_perm)


def datasketch_lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows) from datasketch's MinHashLSH optimiser, weighted to recall."""
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
