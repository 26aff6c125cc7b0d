"""Opening the archive and writing to it, one transaction per batch."""

from __future__ import annotations

import json
import sqlite3
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

import numpy as np
import sqlite_utils

from ingest.config import DedupOptions
from ingest.normalize import cut_at_marks

from .connection import ArchiveError, damage_note, open_connection  # noqa: F401 (ArchiveError re-exported)
from .committed import CommittedIndex, Lookups
from .index import Banding, lsh_params
from .lsm import LSMIndex, fit_filters
from .script_index import NOSPACE_GLOB
from .rawcontent import RawCompressor
from .shingles import ArticleSketches, ParagraphShingles
from .schema import FTS_DEFERRED, SCHEMA_VERSION, create_schema, index_articles_since
from .writes import ArchiveReads, ArchiveWrites, ReservedIds

if TYPE_CHECKING:  # pragma: no cover
    from ingest.fingerprint import Fingerprinter, Permutations, Signed

PERMUTATIONS_KEY = "minhash_permutations"  # in _settings, once the first ingest drew them
# What a shingle's tokens are (ingest.normalize): stored with the other fingerprint settings.
TOKENS_KEY, TOKENS = "shingle_tokens", "words with their combining marks; bigrams in scripts without spaces"
_NOT_ASCII_GLOB = "*[^\x01-\x7f]*"  # a text with a character beyond ASCII
# What an older newsarchive stored (None: nothing) and, for each, what its tokens did
# that today's do not (each value's list includes the later values' changes).
_BIGRAMS = "counted a whole sentence in a script without spaces (Chinese, Japanese, Thai) as one word"
_MARKS = "cut a word at its combining marks (a Hindi, Bengali or Tamil word's vowel signs)"
TOKENS_BEFORE = {None: (_BIGRAMS, _MARKS), "words; bigrams in scripts without spaces": (_MARKS,)}


def utc_now() -> str:
    """The current time as an ISO 8601 UTC timestamp."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def fingerprint_settings(options: DedupOptions) -> dict[str, Any]:
    """The configured values that decide what a signature or an index entry means."""
    return {
        "scheme": options.scheme, "num_perm": options.num_perm, "seed": options.seed,
        "article_shingle_size": options.article_shingle_size,
        "paragraph_shingle_size": options.paragraph_shingle_size,
        "paragraph_min_words": options.paragraph_min_words,
        TOKENS_KEY: TOKENS,
    }


def index_settings(options: DedupOptions) -> dict[str, Any]:
    """The settings a new archive is built with: the above, the LSH thresholds and the
    bands and rows chosen for them (recorded; an existing archive keeps its own)."""
    ab, ar = lsh_params(options.article_lsh_threshold, options.num_perm)
    pb, pr = lsh_params(options.paragraph_lsh_threshold, min(options.paragraph_lsh_perms, options.num_perm))
    return {**fingerprint_settings(options),
            "article_lsh_threshold": options.article_lsh_threshold,
            "paragraph_lsh_threshold": options.paragraph_lsh_threshold,
            "article_bands": ab, "article_rows": ar, "paragraph_bands": pb, "paragraph_rows": pr}


def connect(path: str | Path, busy_timeout: float = 30.0, readonly: bool = False) -> sqlite_utils.Database:
    """A sqlite-utils Database on the file, in WAL mode, with a busy timeout."""
    return sqlite_utils.Database(open_connection(path, busy_timeout, readonly))


RUN_PATHS_KEPT = 100  # paths an ingest_runs row keeps (Archive.start_run)


class Archive(ArchiveReads, ArchiveWrites):
    """The SQLite archive: schema, settings check, LSH indexes and batched writes."""

    def __init__(self, db: sqlite_utils.Database, options: DedupOptions, settings: dict[str, Any],
                 filter_memory: int | None = None, reader: sqlite3.Connection | None = None,
                 path: Path | None = None) -> None:
        """`filter_memory`: bytes of LSH filters to hold in memory (None: all); the rest
        are read through `reader` (a read-only connection to the same file) per batch.
        `path`: the archive's file, for worker processes that read it (see store.committed).
        Filters are held from the first batch on (see `batch`)."""
        self.db = db
        self.path = path
        self.options = options
        self.filter_memory = filter_memory
        self.reader = reader
        self.articles_index = LSMIndex(db, "articles", settings["article_bands"], settings["article_rows"], reader)
        self.paragraphs_index = LSMIndex(db, "paragraphs", settings["paragraph_bands"], settings["paragraph_rows"],
                                         reader)
        # a candidate's sketches and shingle sets are recomputed from its text (store.shingles)
        self.sketches = ArticleSketches(db, self._fingerprinter)
        self.article_sketches, self.article_heads = self.sketches.wholes, self.sketches.heads
        self.paragraph_shingles = ParagraphShingles(db, options.paragraph_shingle_size)
        self.raw_compressor = RawCompressor(db.conn)  # with the archive's dictionary, once trained
        self._fingerprinter_made: "Fingerprinter | None" = None
        self.reserved_ids: ReservedIds | None = None  # reclean: the ids old articles keep
        self._batch_first: int | None = None  # while a batch is written: its first new id
        self._batch_below: list[int] = []  # and the ids it gave below that (see batch)

    def _fingerprinter(self) -> "Fingerprinter":
        """The Fingerprinter this archive's articles were signed with (made once)."""
        if self._fingerprinter_made is None:
            from ingest.fingerprint import Fingerprinter

            self._fingerprinter_made = Fingerprinter(self.options, *self.bandings(), self.permutations())
        return self._fingerprinter_made

    def paragraph_places(self, paragraph_ids: list[int]) -> dict[int, tuple[int, int | None]]:
        """(article, stored passage or None) of each of these paragraphs."""
        ids = sorted(set(paragraph_ids))
        return {paragraph: (article, passage) for paragraph, article, passage in self.db.conn.execute(
            "SELECT id, article_id, passage_id FROM _paragraphs WHERE id IN (SELECT value FROM json_each(?))",
            [json.dumps(ids)])}

    def passage_members(self, passage_id: int, leave_out: int, limit: int) -> list[np.ndarray]:
        """The shingle sets of up to `limit` paragraphs of a stored passage, the first by id,
        other than `leave_out`."""
        ids = [p for (p,) in self.db.conn.execute(
            "SELECT id FROM _paragraphs WHERE passage_id = ? AND id != ? ORDER BY id LIMIT ?",
            [passage_id, leave_out, limit])]
        return [shingles for shingles, _ in self.paragraph_shingles.get(ids).values()]

    def bandings(self) -> tuple[Banding, Banding]:
        """How this archive's (articles, paragraphs) LSH indexes band a signature."""
        return (Banding(self.articles_index.bands, self.articles_index.rows),
                Banding(self.paragraphs_index.bands, self.paragraphs_index.rows))

    def committed_index(self) -> CommittedIndex | None:
        """Where worker processes find this archive's committed LSH runs (None for an
        archive with no file)."""
        if self.path is None:
            return None
        return CommittedIndex(str(self.path.resolve()), self.bandings(), self.filter_memory)

    def fit_filters(self) -> None:
        """Hold in memory the LSH filters that fit `filter_memory` (all when it is None),
        of the runs the last batch probed or wrote (see store.lsm.fit_filters)."""
        fit_filters([self.articles_index, self.paragraphs_index], self.filter_memory, used_only=True)

    @contextmanager
    def batch(self, signed: list["Signed"], done: list[Lookups] = ()) -> Iterator[None]:
        """Write one batch, inside its transaction, around the writes of its documents.

        Before them: fit the filters held in memory to the budget (those of the runs the
        last batch probed or wrote; none on opening, so that worker processes started
        after it carry no copy of them) and look up the LSH keys of the batch's Signed
        articles in the stored runs at once, those runs left that `done` (the workers'
        lookups in the runs committed when they looked, see store.committed) did not
        cover. After them: index the batch's new articles in articles_fts and
        _novel_fts, one statement each (their triggers stand aside for the batch's
        articles meanwhile, see schema.FTS_DEFERRED) and write the batch's LSH entries.
        When the writes raise, the transaction is rolled back, deferral included.
        """
        self.fit_filters()
        if signed:
            self.articles_index.prefetch(np.concatenate([s.article_keys.ravel() for s in signed]),
                                         [articles for articles, _ in done])
            self.paragraphs_index.prefetch(np.concatenate([s.paragraph_keys.ravel() for s in signed]),
                                           [paragraphs for _, paragraphs in done])
        conn = self.db.conn
        self.raw_compressor.maybe_train()  # once the archive holds enough inputs (store.rawcontent)
        first = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM articles").fetchone()[0]
        conn.execute(f"INSERT INTO {FTS_DEFERRED} (first_article_id) VALUES (?)", [first])
        self._batch_first, self._batch_below = first, []
        try:
            yield
        except BaseException:
            self.paragraph_shingles.forget()  # the batch's ids may be given again
            self.sketches.forget()
            raise
        finally:
            self._batch_first = None
        index_articles_since(self.db, first, self._batch_below)
        conn.execute(f"DELETE FROM {FTS_DEFERRED}")
        self.articles_index.flush()
        self.paragraphs_index.flush()

    def permutations(self) -> "Permutations | None":
        """The MinHash permutations this archive's signatures are made with; None until
        the first ingest draws them (see ingest.pipeline.Ingester and Preparer.draw_permutations)."""
        row = self.db.conn.execute("SELECT value FROM _settings WHERE key = ?", [PERMUTATIONS_KEY]).fetchone()
        if row is None:
            return None
        try:
            a, b = json.loads(row[0])
            if len(a) == len(b) == self.options.num_perm and all(isinstance(x, int) for x in (*a, *b)):
                return tuple(a), tuple(b)
        except (ValueError, TypeError):
            pass
        raise ArchiveError(f"the archive's stored MinHash permutations ({PERMUTATIONS_KEY} in _settings) are "
                           f"damaged. Delete that row: the next ingest draws them again from the archive's "
                           f"scheme, num_perm and seed")

    def keep_permutations(self, permutations: "Permutations") -> None:
        """Store the MinHash permutations drawn for this archive."""
        with transaction(self.db):
            self.db.execute("INSERT OR REPLACE INTO _settings (key, value) VALUES (?, ?)",
                            [PERMUTATIONS_KEY, json.dumps([list(permutations[0]), list(permutations[1])])])

    def migrate_index(self) -> None:
        """Move an older archive's LSH bucket tables (one B-tree per index) into runs."""
        for index in (self.articles_index, self.paragraphs_index):
            for table in (f"_lsh_{index.kind}_recent", f"_lsh_{index.kind}"):
                if self.db[table].exists():
                    with transaction(self.db):
                        index.migrate_table(table)

    @classmethod
    def open(cls, path: str | Path, options: DedupOptions, busy_timeout: float = 30.0,
             filter_memory: int | None = None) -> "Archive":
        """Open (creating if needed) an archive for writing, checking its index settings.

        `filter_memory`: bytes of LSH filters held in memory (None: all of them).
        """
        db = connect(path, busy_timeout)
        try:
            with transaction(db):
                create_schema(db)
                settings = check_settings(db, options, path)
        except sqlite3.DatabaseError as exc:
            db.close()
            raise ArchiveError(f"{path}: cannot use this file as an archive ({exc}){damage_note(exc)}") from None
        except ArchiveError:
            db.close()
            raise
        reader = None
        try:
            if filter_memory is not None:
                reader = open_connection(path, busy_timeout, readonly=True)
            archive = cls(db, options, settings, filter_memory, reader, Path(path))
            archive.permutations()  # damaged ones are an error now, not in the middle of a run
            archive.migrate_index()
        except (sqlite3.DatabaseError, ArchiveError) as exc:
            db.close()
            if reader is not None:
                reader.close()
            if isinstance(exc, ArchiveError):
                raise
            raise ArchiveError(f"{path}: cannot read or move this archive's LSH index ({exc}){damage_note(exc)}") from None
        return archive

    def close(self) -> None:
        """Close the connections."""
        if self.reader is not None:
            self.reader.close()
        self.db.close()

    # runs ---------------------------------------------------------------------------
    def start_run(self, paths: list[str], pid: int) -> int:
        """Record a new ingest run as running and return its id. Of the paths it was given
        the first RUN_PATHS_KEPT are kept, then how many more there were (a run given
        every file by name, `ingest $(find ...)`, would otherwise keep megabytes of names
        each night)."""
        if len(paths) > RUN_PATHS_KEPT:
            paths = [*paths[:RUN_PATHS_KEPT], f"... and {len(paths) - RUN_PATHS_KEPT} more"]
        with transaction(self.db):
            self.db.execute(
                "UPDATE ingest_runs SET status = 'interrupted' WHERE status = 'running'")
            return self.db["ingest_runs"].insert({
                "started_at": utc_now(), "status": "running", "pid": pid,
                "paths": json.dumps(paths), "counts": "{}",
            }).last_pk

    def finish_run(self, run_id: int, status: str, counts: dict[str, Any], error: str | None = None) -> None:
        """Close a run record with its status (ok, failed, interrupted), counts and error message."""
        with transaction(self.db):
            self.db["ingest_runs"].update(run_id, {
                "finished_at": utc_now(), "status": status, "counts": json.dumps(counts),
                "error": error})


def check_settings(db: sqlite_utils.Database, options: DedupOptions, path: str | Path) -> dict[str, Any]:
    """Store the index settings in a new archive; refuse an archive built with others.

    Returns the archive's settings. An existing archive keeps the LSH bands and rows it
    was built with (its buckets were made with them), so opening it needs no optimiser,
    and a changed LSH threshold or budget in the config applies to new archives only.
    """
    stored = {row["key"]: json.loads(row["value"]) for row in db["_settings"].rows}
    if not stored:
        settings = index_settings(options)
        db["_settings"].insert_all(
            [{"key": k, "value": json.dumps(v)} for k, v in
             {**settings, "schema_version": SCHEMA_VERSION}.items()], pk="key")
        return settings
    wanted = fingerprint_settings(options)
    version = stored.get("schema_version")
    if version != SCHEMA_VERSION:
        raise ArchiveError(f"{path}: archive schema version {version}, this newsarchive "
                           f"reads version {SCHEMA_VERSION}; upgrade newsarchive")
    if stored.get(TOKENS_KEY) != TOKENS:
        stored[TOKENS_KEY] = upgrade_tokens(db, path, stored.get(TOKENS_KEY))
    differ = {k: (stored.get(k), v) for k, v in wanted.items() if stored.get(k) != v}
    if differ:
        what = ", ".join(f"{k}={old!r} (config says {new!r})" for k, (old, new) in differ.items())
        raise ArchiveError(
            f"{path}: this archive was built with {what}. MinHash signatures made with other "
            f"settings match nothing. Set the archive's values in your config under [dedup], "
            f"or ingest into a new archive.")
    return stored


def upgrade_tokens(db: sqlite_utils.Database, path: str | Path, signed_with: str | None) -> str:
    """Record today's shingle tokens in an archive signed with an older newsarchive's.

    `signed_with` is the archive's stored value (None: made before tokens were stored).
    Articles whose text the older tokens read as today's do keep their signatures, so an
    archive of only those records today's tokens; one with other text needs new
    signatures, which `reclean` makes (ids kept, nothing lost).
    """
    if signed_with not in TOKENS_BEFORE:
        raise ArchiveError(f"{path}: this archive's shingle tokens are {signed_with!r}, which this "
                           f"newsarchive does not know; upgrade newsarchive")
    changed = _changed_tokens(db, TOKENS_BEFORE[signed_with])
    if changed:
        raise ArchiveError(
            f"{path}: this archive was signed when newsarchive {changed}, so its near-duplicate "
            f"signatures for such articles match nothing now: run `newsarchive reclean --db {path}` "
            f"once to sign them again (nothing is lost)")
    db.execute("INSERT OR REPLACE INTO _settings (key, value) VALUES (?, ?)",  # in open()'s transaction
               [TOKENS_KEY, json.dumps(TOKENS)])
    return TOKENS


def _changed_tokens(db: sqlite_utils.Database, changes: tuple[str, ...]) -> str | None:
    """Which of the tokens' `changes` changes an archived article's signatures (None: none)."""
    if _BIGRAMS in changes and db.execute("SELECT EXISTS (SELECT 1 FROM articles WHERE text GLOB ?)",
                                          [NOSPACE_GLOB]).fetchone()[0]:
        return _BIGRAMS
    if _MARKS in changes:
        # only text with a character beyond ASCII can have a mark (each read once, at the upgrade)
        texts = db.execute("SELECT text FROM articles WHERE text GLOB ?", [_NOT_ASCII_GLOB])
        if any(map(cut_at_marks, (text for (text,) in texts))):
            return _MARKS
    return None


@contextmanager
def transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on any error (writer lock taken up front)."""
    conn = db.conn
    if conn.in_transaction:
        with db.atomic():
            yield db
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
