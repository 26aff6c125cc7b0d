"""numpy helpers shared by sketching (ingest.fingerprint) and the LSH index (store.lsm)."""

from __future__ import annotations

import numpy as np


def sorted_unique(values: np.ndarray) -> np.ndarray:
    """The distinct values of an array, sorted: `np.unique(values)`.

    One sort and a mask: numpy 2's `np.unique` takes a hash-table path for integers
    that is about ten times slower than this on the arrays a batch makes (100,000
    values: 30 ms against 3).
    """
    ordered = np.sort(values, axis=None)
    if len(ordered) < 2:
        return ordered
    keep = np.empty(len(ordered), dtype=bool)
    keep[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=keep[1:])
    return ordered[keep]
