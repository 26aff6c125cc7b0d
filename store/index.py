"""LSH banding: the bands and rows of an index, and the band keys of signatures.

The banding parameters come from datasketch's MinHashLSH optimiser, weighted to
favour recall (its maintainers' advice: lean to recall, then verify candidates);
band keys are computed for many signatures in one numpy pass. The buckets themselves
live in store.lsm. Sketches and shingle sets are not kept (store.shingles).
"""
from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

import numpy as np

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
