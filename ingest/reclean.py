"""`newsarchive reclean`: rebuild the archive from its stored raw inputs with today's rules.

Nothing is lost: every stored raw document is cleaned, fingerprinted and deduplicated
again, in the order its sightings were first recorded, into a new archive beside the
live one. Runs, rejects and learned template lines (with users' keep/remove choices)
are carried over, sightings keep their id and their run. Only when the rebuild is
complete is it copied over the live archive, in one transaction through SQLite's backup
API, so a reader sees the old archive or the new one and a crash leaves the old one intact.

Ids are forever. An article is identified by the stored input it was first cleaned from
(articles.raw_id; a redirect's raw_id). In the rebuild, the article cleaned from that
input takes the old id (store.writes.ReservedIds); an article new in the rebuild (an
input that was an exact duplicate and now has text of its own) takes an id above every
old one. An old id whose input now cleans to exactly another article's text becomes a
redirect to that article (article_redirects); one whose input now cleans to nothing
stays an article, marked "empty after reclean", with the lines and the rules that
removed them. Every raw input and every sighting is kept, also of inputs that now clean
to nothing (see store/schema.py).
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

import sqlite_utils

from store.archive import Archive, ArchiveError, connect, transaction
from store.connection import damage_note, open_connection
from store.rawcontent import DICTIONARIES, DamagedContent, content_sql, raw_content, read_back
from store.schema import EMPTY_AFTER_RECLEAN, RECLEAN_FAILED, create_schema
from store.templates import templates_for
from store.writes import ReservedIds

from .clean import clean_document, drop_template_paragraphs
from .config import Config
from .lock import WriterLock
from .models import RawDocument
from .pipeline import Ingester, RunSummary, batched
from .prepare import Preparer
from .sources import InputFile, to_document

# _raw_dictionaries: the inputs copied as stored (those that clean to nothing) may need them
CARRIED_TABLES = ("ingest_runs", "rejects", "boilerplate_lines", DICTIONARIES)
MERGED = "merged by reclean"
EMPTY_REASON = "no article text found"  # how the cleaner's reject reason starts (ingest.clean.document)


@dataclass
class RecleanSummary(RunSummary):
    """A reclean's summary: the run's numbers, and what became of ids without text of their own."""

    merged: int = 0  # old ids that now point to another article (article_redirects)
    emptied: int = 0  # old ids kept as articles whose text is now empty
    kept_inputs: int = 0  # inputs that clean to nothing, kept with their sightings

    def counts(self) -> dict[str, int]:
        """The numbers, for the ingest_runs row."""
        return {**super().counts(), "merged": self.merged, "emptied": self.emptied,
                "kept_inputs": self.kept_inputs}


@dataclass(frozen=True)
class _OldId:
    """An id of the old archive: the input it was first cleaned from and what it was."""

    sha256: str
    title: str | None
    published: str | None
    source: str | None
    redirect: tuple[int, str, int | None] | None  # (to_id, reason, run_id) if it was a redirect


def _stored_inputs(old: sqlite_utils.Database) -> Iterator[InputFile]:
    """Every sighting's raw input, in the order first seen, read as the rebuild takes them
    (a batch's inputs in memory at a time, not the archive's)."""
    rows = old.conn.execute(
        f"""SELECT s.location, r.sha256, {content_sql(old.conn, 'r')} FROM sightings s
           JOIN raw_documents r ON r.id = s.raw_id ORDER BY s.id""")
    for location, sha, content, encoding in rows:
        try:  # (rebuilt from other bytes than its SHA-256's, an article would keep an id that lies)
            data = read_back(content, encoding, sha, old.conn)
        except DamagedContent as exc:  # every input is rebuilt, or none
            raise ArchiveError(f"the raw input of {location} cannot be read back: {exc}; reclean needs every raw "
                               f"input. The archive file is damaged (`newsarchive check --full` lists every such "
                               f"input): restore it from a backup (it is as it was)") from None
        except ValueError as exc:  # an encoding this version does not read: the message says what to do
            raise ArchiveError(f"the raw input of {location} cannot be read back: {exc}; "
                               f"the archive is as it was") from None
        yield InputFile(Path(location), location, sha, data)


def _recorded_sightings(old: sqlite_utils.Database) -> Iterator[tuple]:
    """What each old sighting recorded beside its input (its run, URL, fetch time), as
    parameters of the UPDATE that gives them back to the rebuild's sightings."""
    yield from old.conn.execute("""SELECT s.run_id, s.url, s.fetched_at, s.location, r.sha256 FROM sightings s
                                   JOIN raw_documents r ON r.id = s.raw_id""")


def _old_ids(old: sqlite_utils.Database, db_path: Path) -> dict[int, _OldId]:
    """Every id of the old archive (articles and redirects) with the input it names."""
    first_raw = "coalesce(a.raw_id, (SELECT raw_id FROM sightings WHERE article_id = a.id ORDER BY id LIMIT 1))"
    rows = old.execute(f"""SELECT a.id, r.sha256, a.title, a.published, a.source FROM articles a
                           LEFT JOIN raw_documents r ON r.id = {first_raw}""").fetchall()
    ids = {i: _OldId(sha, title, published, source, None) for i, sha, title, published, source in rows}
    for i, sha, title, to_id, reason, run_id in old.execute(
            """SELECT d.id, r.sha256, d.title, d.to_id, d.reason, d.run_id FROM article_redirects d
               LEFT JOIN raw_documents r ON r.id = d.raw_id"""):
        ids[i] = _OldId(sha, title, None, None, (to_id, reason, run_id))
    lost = sorted(i for i, old_id in ids.items() if old_id.sha256 is None)
    if lost:
        raise ArchiveError(f"{db_path}: article(s) {', '.join(map(str, lost[:10]))} have no stored raw input, so "
                           f"reclean cannot keep them; the archive was not touched (`newsarchive check --full` "
                           f"tells whether the file is damaged)")
    return ids


def _document(content: bytes, location: str, sha256: str) -> RawDocument | None:
    """The stored input as the pipeline decodes it (None if it no longer decodes)."""
    doc = to_document(InputFile(Path(location), location, sha256, content))
    return doc if isinstance(doc, RawDocument) else None


class _Keeper:
    """Writes into the rebuilt archive what its pipeline run left out: the raw inputs and
    sightings of inputs that clean to nothing, the old ids that are now redirects, and the
    old ids whose input cleans to nothing (kept, marked)."""

    def __init__(self, old: sqlite_utils.Database, new: Archive, config: Config, run_id: int,
                 summary: RecleanSummary) -> None:
        self.old, self.new, self.conn = old, new, new.db.conn
        self.config, self.run_id, self.summary = config, run_id, summary
        self.raw = {sha: (raw_id, article_id) for sha, raw_id, article_id in
                    self.conn.execute("SELECT sha256, id, article_id FROM raw_documents")}
        self.rejected = dict(summary.rejected)  # location -> reason, from this run

    def keep(self, old_ids: dict[int, _OldId]) -> None:
        """Everything above, in the rebuild's transaction."""
        self._keep_raw_documents()
        live = {i for (i,) in self.conn.execute("SELECT id FROM articles")}
        fate = {}
        for old_id in sorted(old_ids):
            if old_id in live:
                fate[old_id] = old_id
            else:
                fate[old_id] = self._keep_id(old_id, old_ids[old_id])
        self._keep_sightings(fate)

    def _keep_raw_documents(self) -> None:
        """Copy the raw inputs the rebuild did not store (those that clean to nothing)."""
        columns = [c for c in self.new.db["raw_documents"].columns_dict if c not in ("id", "article_id")]
        have = set(self.old["raw_documents"].columns_dict)
        wanted = [c for c in columns if c in have]
        missing = [raw_id for raw_id, sha in self.old.execute("SELECT id, sha256 FROM raw_documents ORDER BY id")
                   if sha not in self.raw]  # a few: their content is read only for them
        for raw_id in missing:
            row = self.old.execute(f"SELECT {', '.join(wanted)} FROM raw_documents WHERE id = ?", [raw_id]).fetchone()
            cur = self.conn.execute(f"INSERT INTO raw_documents ({', '.join(wanted)}) VALUES "
                                    f"({', '.join('?' * len(wanted))})", row)
            self.raw[row[wanted.index("sha256")]] = (cur.lastrowid, None)

    def _keep_id(self, old_id: int, old: _OldId) -> int:
        """Keep an old id that the rebuild gave no article: a redirect to the article its
        input is now an exact duplicate of, or an article marked empty. Returns the
        article the id now leads to."""
        raw_id, article_id = self.raw[old.sha256]
        if article_id is not None:  # an exact duplicate of an article of the rebuild
            to_id, reason, run_id = old.redirect if old.redirect and old.redirect[0] == article_id \
                else (article_id, MERGED, self.run_id)
            self.conn.execute("INSERT INTO article_redirects (id, to_id, reason, run_id, raw_id, title) "
                              "VALUES (?, ?, ?, ?, ?, ?)", [old_id, to_id, reason, run_id, raw_id, old.title])
            self.summary.merged += 1
            return to_id
        self._keep_empty(old_id, old, raw_id)
        self.summary.emptied += 1
        return old_id

    def _keep_empty(self, old_id: int, old: _OldId, raw_id: int) -> None:
        """Keep an old id whose input the rebuild rejected as an article with no text,
        marked with why, and with the lines its cleaning removed and their rules."""
        (location,) = self.conn.execute("SELECT first_location FROM raw_documents WHERE id = ?", [raw_id]).fetchone()
        content = raw_content(self.conn, raw_id)
        reason = next((self.rejected[loc] for (loc,) in self.old.execute(
            "SELECT s.location FROM sightings s JOIN raw_documents r ON r.id = s.raw_id WHERE r.sha256 = ? "
            "ORDER BY s.id", [old.sha256]) if loc in self.rejected), "")
        status = EMPTY_AFTER_RECLEAN if reason.startswith(EMPTY_REASON) else RECLEAN_FAILED
        doc = _document(content, location, old.sha256)
        removed, title = (), old.title
        if doc is not None and status == EMPTY_AFTER_RECLEAN:
            template = templates_for(self.conn, doc.source)
            cleaned = drop_template_paragraphs(clean_document(doc, self.config.clean, template), template)
            removed, title = cleaned.removed, old.title or cleaned.title
        source = old.source or (doc.source if doc is not None else None)
        self.conn.execute(
            "INSERT INTO articles (id, title, text, published, source, content_hash, novel_text, raw_id, run_id, "
            "status) VALUES (?, ?, '', ?, ?, ?, NULL, ?, ?, ?)",
            [old_id, title, old.published, source, f"empty:{old.sha256}", raw_id, self.run_id, status])
        self.conn.executemany(
            "INSERT INTO removed_lines (article_id, raw_id, line_no, text, rule) VALUES (?, ?, ?, ?, ?)",
            [(old_id, raw_id, r.line_no, r.text, r.rule) for r in removed])
        self.conn.execute("UPDATE raw_documents SET article_id = ? WHERE id = ?", [old_id, raw_id])
        self.raw[old.sha256] = (raw_id, old_id)

    def _keep_sightings(self, fate: dict[int, int]) -> None:
        """Record again the sightings the rebuild did not (inputs that clean to nothing),
        each leading where its old article's id leads now, drop this run's rejects of
        them, and give every sighting its old id (so first-seen order never changes)."""
        old_rows = self.old.execute("""SELECT s.id, s.location, r.sha256, s.article_id, s.run_id, s.url, s.fetched_at
                                       FROM sightings s JOIN raw_documents r ON r.id = s.raw_id
                                       ORDER BY s.id""").fetchall()
        seen = set(self.conn.execute("SELECT s.location, r.sha256 FROM sightings s "
                                     "JOIN raw_documents r ON r.id = s.raw_id"))
        kept = set()
        for _, location, sha, article_id, run_id, url, fetched_at in old_rows:
            if (location, sha) in seen:
                continue
            raw_id, raw_article = self.raw[sha]
            target = raw_article if raw_article is not None else fate[article_id]
            self.conn.execute("INSERT INTO sightings (article_id, location, run_id, raw_id, url, fetched_at) "
                              "VALUES (?, ?, ?, ?, ?, ?)", [target, location, run_id, raw_id, url, fetched_at])
            self.conn.execute("UPDATE raw_documents SET article_id = ? WHERE id = ? AND article_id IS NULL",
                              [target, raw_id])
            self.raw[sha] = (raw_id, target)
            if self.rejected.get(location, "").startswith(EMPTY_REASON):
                self.conn.execute("DELETE FROM rejects WHERE run_id = ? AND location = ? AND sha256 = ?",
                                  [self.run_id, location, sha])
                kept.add(location)
        self.summary.kept_inputs = len(kept)
        self.summary.rejected = [(loc, why) for loc, why in self.summary.rejected if loc not in kept]
        now = {(location, sha): i for i, location, sha in self.conn.execute(
            "SELECT s.id, s.location, r.sha256 FROM sightings s JOIN raw_documents r ON r.id = s.raw_id")}
        moved = [(i, now[location, sha]) for i, location, sha, *_ in old_rows if now[location, sha] != i]
        # out of the way of the ids given back first, then given back
        self.conn.executemany("UPDATE sightings SET id = ? WHERE id = ?", [(-new, new) for _, new in moved])
        self.conn.executemany("UPDATE sightings SET id = ? WHERE id = ?", [(i, -new) for i, new in moved])


def reclean(db_path: str | Path, config: Config, progress: Callable[[int], None] | None = None,
            on_total: Callable[[int], None] | None = None) -> RecleanSummary:
    """Rebuild the archive at db_path from its raw inputs, keeping every article id;
    returns the rebuild's summary."""
    db_path = Path(db_path)
    if not db_path.exists():
        raise ArchiveError(f"{db_path}: no archive here")
    open_connection(db_path, config.archive.busy_timeout, readonly=True).close()  # an archive, not any file
    build = db_path.with_name(db_path.name + ".reclean")
    with WriterLock(db_path):
        for leftover in (build, Path(f"{build}-wal"), Path(f"{build}-shm")):
            leftover.unlink(missing_ok=True)
        # upgraded first (an archive made before ids were kept gets article_redirects, status)
        live = connect(db_path, config.archive.busy_timeout)
        try:
            with transaction(live):
                create_schema(live)
        except sqlite3.DatabaseError as exc:
            raise ArchiveError(f"{db_path}: cannot use this file as an archive ({exc}){damage_note(exc)}") from None
        finally:
            live.close()
        old = connect(db_path, config.archive.busy_timeout, readonly=True)
        new = Archive.open(build, config.dedup, config.archive.busy_timeout, filter_memory=config.archive.filter_memory)
        try:
            old_ids = _old_ids(old, db_path)
            with transaction(new.db):
                for table in CARRIED_TABLES:
                    rows = list(old.query(f"SELECT * FROM {table}"))
                    columns = set(new.db[table].columns_dict)
                    new.db[table].insert_all(({k: v for k, v in r.items() if k in columns} for r in rows),
                                             pk="id")
            run_id = new.start_run([f"reclean {db_path}"], os.getpid())
            new.reserved_ids = ReservedIds({old_id.sha256: i for i, old_id in old_ids.items()},
                                           max(old_ids, default=0) + 1)
            with Preparer(config.input.workers, config.clean, config.dedup, new.bandings(),
                          new.permutations(), new.committed_index()) as preparer:
                ingester = Ingester(new, config, run_id, preparer)  # cleaning and signing on every core
                ingester.summary = summary = RecleanSummary(run_id=run_id)
                if on_total:
                    on_total(old.execute("SELECT count(*) FROM sightings").fetchone()[0])
                ingester.ingest_batches(batched(_stored_inputs(old), config.archive.batch_size,
                                                config.archive.batch_bytes, lambda item: len(item.data)), progress)
            with transaction(new.db):
                # each sighting keeps the run that saw it, and the URL and fetch time it recorded
                # (the rebuild reads them again from its input; where it finds none, or another,
                # what was recorded stays)
                new.db.conn.executemany(
                    "UPDATE sightings SET run_id = coalesce(?, run_id), url = coalesce(?, url), "
                    "fetched_at = coalesce(?, fetched_at) "
                    "WHERE location = ? AND raw_id = (SELECT id FROM raw_documents WHERE sha256 = ?)",
                    _recorded_sightings(old))
                _Keeper(old, new, config, run_id, summary).keep(old_ids)
            new.finish_run(run_id, "ok", summary.counts())
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
            return summary
        finally:
            new.close()
            for leftover in (build, Path(f"{build}-wal"), Path(f"{build}-shm")):
                leftover.unlink(missing_ok=True)
