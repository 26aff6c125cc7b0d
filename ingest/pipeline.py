"""The ingest pipeline: sources -> clean -> fingerprint -> dedup -> archive, in batches.

Per batch: read and hash every input; ask the archive in one lookup what it knows
about the batch's (location, sha256) pairs; decode, clean and sign only the new
ones (outside any transaction: these are pure); then write the batch's rejects,
sightings and articles in one BEGIN IMMEDIATE transaction. A batch with nothing
new writes nothing. A crash (even SIGKILL) loses at most the batch in flight and
the next run redoes it: inputs are matched by sha256 and location, so nothing is
stored twice, and row ids are reused the same way (INTEGER PRIMARY KEY without
AUTOINCREMENT), so the rerun ends with the archive an uninterrupted run makes.

Bad input never stops a run: it becomes a reject. Should the cleaner,
fingerprinting or dedup raise on one document (a bug, not bad input), that
document is rejected with the error (and tried again by the next run), its
partial writes rolled back to a savepoint; the run goes on. Database errors stop
the run: it is recorded as failed.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from store.archive import Archive, transaction
from store.known import Known, lookup
from store.templates import templates_for

from .config import Config
from .dedup import Deduper
from .fingerprint import Signed
from .prepare import PreparedBatch, Preparer, bug_reject
from .reader import reader_id
from .lock import WriterLock
from .models import RawDocument, Reject, Skipped
from .signals import raise_if_terminated
from .runs import RunFailed, RunInterrupted, RunSummary, reason_counts  # noqa: F401 (re-exported)
from .sources import (InputFile, expand_records, find_inputs, input_size, location_of, read_input, read_records,
                      to_document)


def batched(items: Iterable, size: int, max_bytes: int | None = None,
            weigh: Callable[[object], int] | None = None) -> Iterator[list]:
    """Lists of at most `size` items; with `max_bytes`, a list is also cut before the item
    that would take its weight (`weigh(item)`, in bytes) above `max_bytes`, so memory is
    bounded by configuration, not by the inputs' sizes. An item heavier than `max_bytes`
    forms a list of its own."""
    batch: list = []
    weight = 0
    for item in items:
        item_weight = weigh(item) if max_bytes is not None and weigh is not None else 0
        if batch and max_bytes is not None and weight + item_weight > max_bytes:
            yield batch
            batch, weight = [], 0
        batch.append(item)
        weight += item_weight
        if len(batch) >= size:
            yield batch
            batch, weight = [], 0
    if batch:
        yield batch


def unique_inputs(items: Iterable[Path | InputFile | Reject]) -> list[Path | InputFile | Reject]:
    """The inputs without repeats (a file named twice on the command line is read once)."""
    seen: set[str] = set()
    out: list[Path | InputFile | Reject] = []
    for item in items:
        key = item.location if isinstance(item, (Reject, InputFile)) else location_of(item)  # cheap: absolute
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


@dataclass
class _Started:
    """A batch read and handed to the preparer, not yet written."""

    inputs: list[InputFile | Reject]
    decoded: dict[str, RawDocument | Reject]  # new inputs by location
    templates: dict[str, frozenset[str]]  # the template lines they are cleaned with, by source
    result: Callable[[], PreparedBatch]  # the prepared documents, in to_clean's order
    skipped: dict[str, int] = field(default_factory=dict)  # records passed over (no article), by kind

    @property
    def size(self) -> int:
        """How many inputs the batch has."""
        return len(self.inputs)

    @property
    def to_clean(self) -> list[RawDocument]:
        """The documents handed to the preparer."""
        return [doc for doc in self.decoded.values() if isinstance(doc, RawDocument)]


@dataclass
class _Plan:
    """What one batch will write."""

    rejects: list[Reject] = field(default_factory=list)
    sightings: list[tuple[int, str, int]] = field(default_factory=list)  # article id, location, raw id
    articles: list[tuple[RawDocument, Signed]] = field(default_factory=list)

    def empty(self) -> bool:
        """Whether the batch has nothing to write."""
        return not (self.rejects or self.sightings or self.articles)


class Ingester:
    """Runs ingest batches against one open archive."""

    def __init__(self, archive: Archive, config: Config, run_id: int, preparer: Preparer | None = None,
                 retry_rejects: bool = False) -> None:
        self.archive = archive
        self.config = config
        self.run_id = run_id
        self.retry_rejects = retry_rejects  # read inputs rejected before even when unchanged
        self.reader_id = reader_id(config)  # an unchanged input this reader rejected is passed over
        self.preparer = preparer or Preparer(1, config.clean, config.dedup, archive.bandings(), archive.permutations())
        self.deduper = Deduper(archive, config.dedup)
        self.summary = RunSummary(run_id=run_id)
        self._templates: dict[str, frozenset[str]] = {}

    def _template(self, source: str) -> frozenset[str]:
        """The source's template lines, cached until the source learns a new one."""
        if source not in self._templates:
            self._templates[source] = templates_for(self.archive.db.conn, source)
        return self._templates[source]

    def _classify(self, inputs: list[InputFile | Reject], known: Known, plan: _Plan,
                  batch: RunSummary) -> list[InputFile]:
        """Sort a batch's inputs into unchanged, new sightings, rejects and new inputs."""
        new: list[InputFile] = []
        rejected = frozenset() if self.retry_rejects else known.rejected  # (by this reader: lookup)
        for item in inputs:
            if isinstance(item, Reject):
                if item.sha256 is not None and (item.location, item.sha256) in rejected:
                    batch.unchanged += 1
                else:
                    plan.rejects.append(item)
                continue
            archived = known.article_of(item.sha256)
            if archived is not None:
                raw_id, article_id = archived
                if (item.location, raw_id) in known.sighted:
                    batch.unchanged += 1
                else:
                    plan.sightings.append((article_id, item.location, raw_id))
                continue
            if (item.location, item.sha256) in rejected:
                batch.unchanged += 1
                continue
            new.append(item)
        return new

    def _write_article(self, raw: RawDocument, signed: Signed, batch: RunSummary) -> None:
        """Decide and write one document inside the batch transaction, under a savepoint."""
        archive, conn = self.archive, self.archive.db.conn
        conn.execute("SAVEPOINT document")
        try:
            decision = self.deduper.decide(signed)
            if decision.exact_of is not None:
                raw_id = archive.add_raw(raw, decision.exact_of)
                archive.add_sighting(decision.exact_of, raw.location, self.run_id, raw_id, signed.article.url,
                                     raw.meta and raw.meta.fetched_at)
                batch.exact_duplicates += 1
            else:
                article_id, learned = archive.write_article(decision, raw, self.run_id,
                                                            self.config.clean.template_min_articles,
                                                            self.config.clean.template_min_share)
                archive.link_version(article_id, signed.article.canonical_url)  # the same URL, other content
                if learned:
                    self._templates.pop(signed.article.source, None)
                    batch.templates_learned += len(learned)
                batch.new += 1
                batch.near_duplicates += decision.is_near_duplicate
                if decision.paragraph_matches:  # without one, no paragraph of it is in a passage
                    batch.repeated_passages += archive.passage_paragraphs(article_id)
        except sqlite3.Error:
            raise
        except Exception as exc:  # noqa: BLE001 - a dedup/store bug on one document
            conn.execute("ROLLBACK TO document")
            conn.execute("RELEASE document")
            self._write_reject(bug_reject(raw.location, "deduplicating or storing", exc), batch)
            return
        conn.execute("RELEASE document")

    def _write_reject(self, reject: Reject, batch: RunSummary, before: frozenset = frozenset()) -> None:
        """Record a reject; `before`: the (location, sha256) pairs rejected by earlier runs."""
        self.archive.add_reject(reject, self.run_id, self.reader_id)
        batch.rejected.append((reject.location, reject.reason))
        batch.rejected_again += (reject.location, reject.sha256) in before

    def ingest_batch(self, items: list[Path | InputFile | Reject]) -> None:
        """Read, clean, sign, decide and write one batch; the writes are one transaction."""
        self.finish(self.start(items))

    def ingest_batches(self, batches: Iterable[list[Path | InputFile | Reject]],
                       progress: Callable[[int], None] | None = None) -> None:
        """Ingest batch after batch (of paths to read, or inputs already read), cleaning
        and signing the next batch in the worker processes while this process writes
        the current one. The outcome is the one batch-by-batch ingest gives (see `finish`)."""
        in_flight: _Started | None = None
        for items in batches:
            raise_if_terminated()  # a SIGTERM whose exception was dropped (see ingest.signals)
            started = self.start(items)
            if in_flight is not None:
                self.finish(in_flight)
                if progress:
                    progress(in_flight.size)
            in_flight = started
        if in_flight is not None:
            self.finish(in_flight)
            if progress:
                progress(in_flight.size)

    def start(self, items: list[Path | InputFile | Reject | Skipped]) -> "_Started":
        """Read a batch (its paths, a file of records split into them; inputs already read,
        records among them, are taken as they are) and hand what is new in it to the
        preparer (which may run it in the background); nothing is written. Records that
        are no article (`Skipped`) are only counted."""
        inputs: list[InputFile | Reject] = []
        skipped: dict[str, int] = {}
        for item in items:
            for part in expand_records([read_input(item, self.config.input)]) if isinstance(item, Path) else [item]:
                if isinstance(part, Skipped):
                    skipped[part.kind] = skipped.get(part.kind, 0) + 1
                else:
                    inputs.append(part)
        started = self._start_inputs(inputs)
        started.skipped = skipped
        return started

    def _start_inputs(self, inputs: list[InputFile | Reject]) -> "_Started":
        known = lookup(self.archive.db, [(i.location, i.sha256) for i in inputs], self.reader_id)
        site_source = self.config.input.source == "site"
        decoded = {item.location: to_document(item, None, self.config.input.max_clean_bytes, site_source,
                                              self.config.input)
                   for item in self._classify(inputs, known, _Plan(), RunSummary())}
        to_clean = [doc for doc in decoded.values() if isinstance(doc, RawDocument)]
        templates = {source: self._template(source) for source in {doc.source for doc in to_clean}}
        if to_clean and self.preparer.permutations is None:
            # the archive's first signatures: drawn once (in a worker: datasketch loads
            # scipy) and kept, so that no later run loads datasketch anywhere
            self.archive.keep_permutations(self.preparer.draw_permutations())
        return _Started(inputs, decoded, templates, self.preparer.submit(to_clean, templates))

    def finish(self, started: "_Started") -> None:
        """Decide and write a started batch in one transaction.

        The archive may have changed since the batch was started (the batch before it
        was written meanwhile), so it is classified again: inputs that are now known
        become sightings, and documents whose source learned template lines since are
        cleaned again with them. That makes the result the same as starting the batch
        only after the previous one was written.
        """
        batch = RunSummary(read=len(started.inputs), skipped=dict(started.skipped))
        known = lookup(self.archive.db, [(i.location, i.sha256) for i in started.inputs], self.reader_id)
        plan = _Plan()
        new = [started.decoded[item.location] for item in self._classify(started.inputs, known, plan, batch)]
        to_clean = [doc for doc in new if isinstance(doc, RawDocument)]
        done = started.result()
        prepared = dict(zip((id(doc) for doc in started.to_clean), done.items))
        redo = [doc for doc in to_clean if self._template(doc.source) != started.templates.get(doc.source)]
        if redo:
            templates = {source: self._template(source) for source in {doc.source for doc in redo}}
            prepared.update(zip(map(id, redo), self.preparer(redo, templates)))
        for doc in new:
            item = prepared[id(doc)] if isinstance(doc, RawDocument) else doc
            if isinstance(item, Reject):
                plan.rejects.append(item)
            else:
                plan.articles.append((item.raw, item.signed))
        if not plan.empty():
            with transaction(self.archive.db), self.archive.batch([signed for _, signed in plan.articles],
                                                                  done.lookups):
                for reject in plan.rejects:
                    self._write_reject(reject, batch, known.rejected_before)
                for article_id, location, raw_id in plan.sightings:
                    self.archive.add_copy_sighting(article_id, location, self.run_id, raw_id)
                    batch.exact_duplicates += 1
                for raw, signed in plan.articles:
                    self._write_article(raw, signed, batch)
        self.summary.add(batch)  # only once the batch is committed


def _describe(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def run(archive: Archive, paths: list[str | Path], config: Config,
        progress: Callable[[int], None] | None = None,
        on_total: Callable[[int], None] | None = None, retry_rejects: bool = False) -> RunSummary:
    """One ingest run on an open archive (the caller holds the writer lock). With
    `retry_rejects`, inputs rejected before are read again even when unchanged.

    Records the run in ingest_runs: ok, failed (raises RunFailed) or interrupted
    (raises RunInterrupted, a KeyboardInterrupt). A run left `running` by a crash
    is marked interrupted here.
    """
    run_id = archive.start_run([str(p) for p in paths], os.getpid())
    preparer = Preparer(config.input.workers, config.clean, config.dedup, archive.bandings(), archive.permutations(),
                        archive.committed_index())
    ingester = Ingester(archive, config, run_id, preparer, retry_rejects)
    status, error = "failed", None
    try:
        items = unique_inputs(find_inputs(paths, config.input))
        if on_total:
            on_total(len(items))
        ingester.ingest_batches(batched(read_records(items, config.input), config.archive.batch_size,
                                        config.archive.batch_bytes, lambda item: input_size(item, config.input)),
                                progress)
        status = "ok"
    except KeyboardInterrupt as exc:
        status = "interrupted"
        raise RunInterrupted(ingester.summary) from exc
    except Exception as exc:
        error = _describe(exc)
        raise RunFailed(ingester.summary, error) from exc
    finally:
        preparer.close()
        archive.finish_run(run_id, status, ingester.summary.counts(), error)
    return ingester.summary


def ingest(paths: list[str | Path], db_path: str | Path, config: Config,
           progress: Callable[[int], None] | None = None,
           on_total: Callable[[int], None] | None = None, retry_rejects: bool = False) -> RunSummary:
    """Ingest files and folders into the archive at db_path; returns the run's summary.
    With `retry_rejects`, inputs rejected before are read again even when unchanged.

    Raises ingest.lock.LockHeld when another ingest holds the archive,
    store.archive.ArchiveError when the archive cannot be opened, RunFailed or
    RunInterrupted when the run stops early (batches committed so far are kept).
    """
    with WriterLock(db_path):
        archive = Archive.open(db_path, config.dedup, config.archive.busy_timeout,
                               filter_memory=config.archive.filter_memory)
        try:
            return run(archive, paths, config, progress, on_total, retry_rejects)
        finally:
            archive.close()
