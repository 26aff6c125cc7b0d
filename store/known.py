"""What the archive already knows about a batch of inputs, in a few queries per batch.

A nightly run mostly re-reads files it has seen: asking per file (is this sha256
stored? seen at this location? rejected before?) costs three round trips each.
`lookup` answers all three for a whole batch with one query per table (in chunks
that stay under SQLite's parameter limit).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Iterator

import sqlite_utils

CHUNK = 500


@dataclass(frozen=True)
class Known:
    """The archive's records about one batch's (location, sha256) pairs."""

    raw: dict[str, tuple[int, int | None]] = field(default_factory=dict)  # sha256 -> (raw id, article id)
    sighted: frozenset[tuple[str, int]] = frozenset()  # (location, raw id)
    rejected: frozenset[tuple[str, str]] = frozenset()  # (location, sha256 or fingerprint)
    rejected_before: frozenset[tuple[str, str]] = frozenset()  # the same, by any reader

    def article_of(self, sha256: str) -> tuple[int, int] | None:
        """(raw id, article id) when this content is archived as an article."""
        found = self.raw.get(sha256)
        return found if found is not None and found[1] is not None else None  # type: ignore[return-value]


def _chunks(values: list, size: int = CHUNK) -> Iterator[list]:
    for start in range(0, len(values), size):
        yield values[start:start + size]


def _select_in(db: sqlite_utils.Database, sql: str, values: Iterable) -> list[tuple]:
    rows: list[tuple] = []
    for chunk in _chunks(sorted(set(values))):
        marks = ",".join("?" * len(chunk))
        rows.extend(db.execute(sql.format(marks=marks), chunk).fetchall())
    return rows


def lookup(db: sqlite_utils.Database, pairs: list[tuple[str, str | None]], reader_id: str | None = None) -> Known:
    """Stored raw documents, sightings and rejects for these (location, sha256) pairs; with
    `reader_id`, only the rejects that reader made (ingest.reader: another may take them)."""
    if not pairs:
        return Known()
    locations = [loc for loc, _ in pairs]
    shas = [sha for _, sha in pairs if sha is not None]
    raw = {sha: (raw_id, article_id) for sha, raw_id, article_id in _select_in(
        db, "SELECT sha256, id, article_id FROM raw_documents WHERE sha256 IN ({marks})", shas)}
    sighted = _select_in(db, "SELECT location, raw_id FROM sightings WHERE location IN ({marks})", locations)
    rejects = _select_in(db, "SELECT location, sha256, reader_id FROM rejects WHERE location IN ({marks}) "
                             "AND sha256 IS NOT NULL", locations)
    rejected = [(loc, sha) for loc, sha, reader in rejects if reader_id is None or reader == reader_id]
    before = [(loc, sha) for loc, sha, _ in rejects]
    return Known(raw, frozenset(sighted), frozenset(rejected), frozenset(before))
