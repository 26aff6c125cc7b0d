"""Paragraph shingle sets for verifying passage candidates, recomputed from the text.

The archive keeps no shingle set: a candidate's set is computed again from its stored
paragraph (ingest.fingerprint.paragraph_shingle_sets, the same sets signing gives).
Measured on the throughput benchmark's corpus, a new article brings 1.7 candidate
paragraphs on average, each about 23 us to read and shingle again, where keeping
every paragraph's set took 2.6 KB an article (10% of the archive) and an insert.
Sets are cached (a passage repeated across a night brings the same candidates
again); the cache is emptied when a batch rolls back, as a paragraph id may then be
given again (a document's own rollback leaves none of its paragraphs indexed, so
none of them was ever a candidate).
"""

from __future__ import annotations

import json
from collections import OrderedDict

import numpy as np
import sqlite_utils

from ingest.fingerprint import paragraph_shingle_sets

CACHE_SETS = 20_000  # about 5 MB of sets


class ParagraphShingles:
    """The shingle sets of stored paragraphs, by paragraph id (recomputed, cached)."""

    def __init__(self, db: sqlite_utils.Database, shingle_size: int, cache_sets: int = CACHE_SETS) -> None:
        self.db = db
        self.size = shingle_size
        self.cache_sets = cache_sets
        self._cache: OrderedDict[int, np.ndarray] = OrderedDict()

    def get(self, items: set[int] | list[int]) -> dict[int, tuple[np.ndarray, int]]:
        """(set, its size) of each given paragraph that exists (BlobStore.get's shape)."""
        out: dict[int, tuple[np.ndarray, int]] = {}
        missing = []
        for item in items:
            found = self._cache.get(item)
            if found is None:
                missing.append(item)
            else:
                self._cache.move_to_end(item)
                out[item] = (found, len(found))
        if missing:
            rows = self.db.conn.execute("SELECT id, text FROM paragraphs WHERE id IN (SELECT value FROM json_each(?))",
                                        [json.dumps(sorted(missing))]).fetchall()
            for (item, _), shingles in zip(rows, paragraph_shingle_sets([text for _, text in rows], self.size)):
                out[item] = (shingles, len(shingles))
                self._cache[item] = shingles
            while len(self._cache) > self.cache_sets:
                self._cache.popitem(last=False)
        return out

    def forget(self) -> None:
        """Empty the cache (after a rollback)."""
        self._cache.clear()
