"""Looking up LSH band keys in an archive's committed runs, from a worker process.

The writer of a batch looks its band keys up in every LSH run (store.lsm `prefetch`);
at 200,000 articles that was its largest single cost, and the one that grew with the
archive (35 runs' filters and about 900 blocks a batch). The worker processes that
sign a batch do that lookup instead, while the writer is still writing the batch
before: runs never change, so what they find in the runs committed when they look
stays true, and the writer then reads only the runs made since (`prefetch(done=...)`).

Each worker process keeps one read-only connection and the runs it has loaded, with
their filters up to the archive's filter budget, from batch to batch: a batch loads
only the runs committed since the one before.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

import numpy as np
import sqlite_utils

from .connection import ArchiveError, open_connection
from .index import Banding
from .lsm import LSMIndex, RunLookup, fit_filters

Lookups = tuple[RunLookup, RunLookup]  # of some band keys, in the (articles, paragraphs) indexes


@dataclass(frozen=True)
class CommittedIndex:
    """Where a worker process finds an archive's LSH runs: the archive file, how its
    (articles, paragraphs) indexes band a signature, and the bytes of filters a process
    may hold (None: all)."""

    path: str
    bandings: tuple[Banding, Banding]
    filter_memory: int | None

    def lookup(self, article_keys: np.ndarray, paragraph_keys: np.ndarray) -> Lookups:
        """The (articles, paragraphs) lookups of these band keys in the runs committed
        now, both from one snapshot."""
        return _reader(self).lookup(article_keys, paragraph_keys)


class _Reader:
    """One process's read-only view of an archive's LSH runs, kept between batches."""

    def __init__(self, index: CommittedIndex) -> None:
        self.conn = open_connection(index.path, readonly=True)
        self.filter_memory = index.filter_memory
        db = sqlite_utils.Database(self.conn)
        articles, paragraphs = index.bandings
        self.articles = LSMIndex(db, "articles", articles.bands, articles.rows)
        self.paragraphs = LSMIndex(db, "paragraphs", paragraphs.bands, paragraphs.rows)

    def lookup(self, article_keys: np.ndarray, paragraph_keys: np.ndarray) -> Lookups:
        self.conn.execute("BEGIN")  # one snapshot: runs and their blocks as one commit left them
        try:
            for index in (self.articles, self.paragraphs):
                index.catch_up()
            fit_filters([self.articles, self.paragraphs], self.filter_memory)
            return self.articles.lookup_committed(article_keys), self.paragraphs.lookup_committed(paragraph_keys)
        finally:
            self.conn.execute("COMMIT")


# per worker process, the readers it has opened (a process serves one archive at a time;
# the runs and filters a reader holds are what saves each batch reading them again)
_READERS: dict[CommittedIndex, _Reader] = {}


def _reader(index: CommittedIndex) -> _Reader:
    if index not in _READERS:
        for old in _READERS.values():
            old.conn.close()
        _READERS.clear()
        _READERS[index] = _Reader(index)
    return _READERS[index]


def lookup_or_none(index: CommittedIndex, article_keys: np.ndarray,
                   paragraph_keys: np.ndarray) -> Lookups | None:
    """`index.lookup`, or None when the archive cannot be read from here (the writer then
    looks the keys up itself: the lookup only saves it time)."""
    try:
        return index.lookup(article_keys, paragraph_keys)
    except (sqlite3.Error, ArchiveError):
        reader = _READERS.pop(index, None)
        if reader is not None:
            reader.conn.close()
        return None
