"""Shingle sets and sketches for verifying LSH candidates, recomputed from the text.

The archive keeps neither a paragraph's shingle set nor an article's MinHash sketches
(whole and first half): a candidate's are computed again from its stored paragraphs
(ingest.fingerprint: the same sets and sketches signing gives). Measured on the
throughput benchmark's corpus, a new article brings 1.7 candidate paragraphs (about
23 us each to read and shingle again) and 0.09 candidate articles (about 0.4 ms each
to sketch again), where keeping them took 2.6 KB and 1.1 KB an article (15% of the
archive) and three inserts.

Both are cached (a passage or a syndicated story repeated across a night brings the
same candidates again); a cache is emptied when a batch rolls back, as the batch's
ids may then be given again (a document's own rollback leaves none of its items
indexed, so none of them was ever a candidate).
"""

from __future__ import annotations

import json
from collections import OrderedDict
from typing import Callable

import numpy as np
import sqlite_utils

from ingest.fingerprint import Fingerprinter, Sketch, paragraph_shingle_sets

CACHE_PARAGRAPHS = 20_000  # about 5 MB of sets
CACHE_ARTICLES = 5_000  # about 5 MB of sketches (num_perm 128)


class _Cache:
    """A bounded least-recently-used map of item -> value."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.items: OrderedDict[int, object] = OrderedDict()

    def get_many(self, items, compute: Callable[[list[int]], dict[int, object]]) -> dict[int, object]:
        out, missing = {}, []
        for item in items:
            if item in self.items:
                self.items.move_to_end(item)
                out[item] = self.items[item]
            else:
                missing.append(item)
        if missing:
            computed = compute(sorted(missing))
            out.update(computed)
            self.items.update(computed)
            while len(self.items) > self.size:
                self.items.popitem(last=False)
        return out


class ParagraphShingles:
    """The shingle sets of stored paragraphs, by paragraph id (recomputed, cached)."""

    def __init__(self, db: sqlite_utils.Database, shingle_size: int) -> None:
        self.db = db
        self.size = shingle_size
        self.cache = _Cache(CACHE_PARAGRAPHS)

    def get(self, items) -> dict[int, tuple[np.ndarray, int]]:
        """(set, its size) of each given paragraph that exists."""
        sets = self.cache.get_many(items, self._compute)
        return {item: (shingles, len(shingles)) for item, shingles in sets.items()}

    def _compute(self, items: list[int]) -> dict[int, np.ndarray]:
        rows = self.db.conn.execute("SELECT id, text FROM paragraphs WHERE id IN (SELECT value FROM json_each(?))",
                                    [json.dumps(items)]).fetchall()
        return dict(zip((item for item, _ in rows), paragraph_shingle_sets([text for _, text in rows], self.size)))

    def forget(self) -> None:
        """Empty the cache (after a rollback)."""
        self.cache.items.clear()


class ArticleSketches:
    """The (whole, first half) MinHash sketches of stored articles, by article id
    (recomputed with `fingerprinter()`, cached); `wholes` and `heads` give one of
    them each as (values, size), as ingest.dedup reads them."""

    def __init__(self, db: sqlite_utils.Database, fingerprinter: Callable[[], Fingerprinter]) -> None:
        self.db = db
        self.fingerprinter = fingerprinter
        self.cache = _Cache(CACHE_ARTICLES)
        self.wholes = _Part(self, 0)
        self.heads = _Part(self, 1)

    def get(self, items) -> dict[int, tuple[Sketch, Sketch]]:
        """(whole, head) of each given article that exists."""
        return self.cache.get_many(items, self._compute)

    def _compute(self, items: list[int]) -> dict[int, tuple[Sketch, Sketch]]:
        paragraphs: dict[int, list[str]] = {}
        for article_id, text in self.db.conn.execute(
                "SELECT article_id, text FROM paragraphs WHERE article_id IN (SELECT value FROM json_each(?)) "
                "ORDER BY article_id, position", [json.dumps(items)]):
            paragraphs.setdefault(article_id, []).append(text)
        found = [item for item in items if item in paragraphs]
        return dict(zip(found, self.fingerprinter().article_sketches([paragraphs[item] for item in found])))

    def forget(self) -> None:
        """Empty the cache (after a rollback)."""
        self.cache.items.clear()


class _Part:
    """One of an ArticleSketches' two sketches, as (values, size) by article id."""

    def __init__(self, sketches: ArticleSketches, which: int) -> None:
        self.sketches = sketches
        self.which = which

    def get(self, items) -> dict[int, tuple[np.ndarray, int]]:
        """(values, size) of the sketch of each given article that exists."""
        return {item: (pair[self.which].values, pair[self.which].size)
                for item, pair in self.sketches.get(items).items()}
