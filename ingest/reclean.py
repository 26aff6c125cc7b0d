"""`newsarchive reclean`: rebuild the archive from its stored raw inputs with today's rules.

Nothing is lost: every stored raw document is cleaned, fingerprinted and deduplicated
again, in the order its sightings were first recorded, into a new archive beside the
live one. Runs, rejects and learned template lines (with users' keep/remove choices)
are carried over, sightings keep their run. Only when the rebuild is complete is it
copied over the live archive, in one transaction through SQLite's backup API, so a
reader sees the old archive or the new one and a crash leaves the old one intact.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from store.archive import Archive, ArchiveError, connect, transaction

from .config import Config
from .lock import WriterLock
from .pipeline import Ingester, RunSummary, batched
from .prepare import Preparer
from .sources import InputFile

CARRIED_TABLES = ("ingest_runs", "rejects", "boilerplate_lines")


def _stored_inputs(old) -> list[tuple[InputFile, int | None]]:
    """Every sighting's raw input, in the order first seen, with the run that saw it."""
    rows = old.execute(
        """SELECT s.location, r.sha256, r.content, s.run_id FROM sightings s
           JOIN raw_documents r ON r.id = s.raw_id ORDER BY s.id""").fetchall()
    return [(InputFile(Path(location), location, sha, content), run_id)
            for location, sha, content, run_id in rows]


def reclean(db_path: str | Path, config: Config, progress: Callable[[int], None] | None = None,
            on_total: Callable[[int], None] | None = None) -> RunSummary:
    """Rebuild the archive at db_path from its raw inputs; returns the rebuild's summary."""
    db_path = Path(db_path)
    if not db_path.exists():
        raise ArchiveError(f"{db_path}: no archive here")
    build = db_path.with_name(db_path.name + ".reclean")
    with WriterLock(db_path):
        for leftover in (build, Path(f"{build}-wal"), Path(f"{build}-shm")):
            leftover.unlink(missing_ok=True)
        old = connect(db_path, config.archive.busy_timeout, readonly=True)
        new = Archive.open(build, config.dedup, config.archive.busy_timeout, filter_memory=config.archive.filter_memory)
        try:
            with transaction(new.db):
                for table in CARRIED_TABLES:
                    rows = list(old.query(f"SELECT * FROM {table}"))
                    columns = set(new.db[table].columns_dict)
                    new.db[table].insert_all(({k: v for k, v in r.items() if k in columns} for r in rows),
                                             pk="id")
            inputs = _stored_inputs(old)
            run_id = new.start_run([f"reclean {db_path}"], os.getpid())
            with Preparer(config.input.workers, config.clean, config.dedup, new.bandings(),
                          new.permutations(), new.committed_index()) as preparer:
                ingester = Ingester(new, config, run_id, preparer)  # cleaning and signing on every core
                if on_total:
                    on_total(len(inputs))
                ingester.ingest_batches(batched([item for item, _ in inputs], config.archive.batch_size), progress)
            with transaction(new.db):
                new.db.conn.executemany(
                    "UPDATE sightings SET run_id = ? WHERE location = ? AND raw_id = "
                    "(SELECT id FROM raw_documents WHERE sha256 = ?)",
                    [(run, item.location, item.sha256) for item, run in inputs if run is not None])
            new.finish_run(run_id, "ok", ingester.summary.counts())
            check = new.db.execute("PRAGMA integrity_check").fetchone()[0]
            if check != "ok":
                raise ArchiveError(f"{build}: the rebuilt archive failed its integrity check ({check}); "
                                   f"the live archive was not touched")
            old.close()
            live = connect(db_path, config.archive.busy_timeout)
            try:
                new.db.conn.backup(live.conn)
            finally:
                live.close()
            return ingester.summary
        finally:
            new.close()
            for leftover in (build, Path(f"{build}-wal"), Path(f"{build}-shm")):
                leftover.unlink(missing_ok=True)
