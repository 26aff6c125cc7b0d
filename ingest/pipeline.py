"""The ingest pipeline: sources -> clean -> fingerprint -> dedup -> archive, in batches.

Each batch is one transaction: a crash loses at most the batch in flight, and the
next run redoes it (inputs are matched by sha256 and location, so nothing is
stored twice).
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from store.archive import Archive, transaction
from store.templates import templates_for

from .clean import clean
from .config import Config
from .dedup import Deduper
from .fingerprint import Fingerprinter
from .lock import WriterLock
from .models import Article, RawDocument, Reject
from .sources import find_inputs, read_document


@dataclass
class RunSummary:
    """What one ingest run did."""

    run_id: int = 0
    read: int = 0
    new: int = 0
    exact_duplicates: int = 0
    near_duplicates: int = 0
    repeated_passages: int = 0
    unchanged: int = 0
    rejected: list[tuple[str, str]] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """The numbers, for the ingest_runs row."""
        return {"read": self.read, "new": self.new, "exact_duplicates": self.exact_duplicates,
                "near_duplicates": self.near_duplicates, "repeated_passages": self.repeated_passages,
                "unchanged": self.unchanged, "rejected": len(self.rejected)}


def batched(items: Iterable, size: int) -> Iterator[list]:
    """Lists of at most `size` items."""
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class Ingester:
    """Runs ingest batches against one open archive."""

    def __init__(self, archive: Archive, config: Config, run_id: int) -> None:
        self.archive = archive
        self.config = config
        self.run_id = run_id
        self.fingerprinter = Fingerprinter(config.dedup)
        self.deduper = Deduper(archive, config.dedup)
        self.summary = RunSummary(run_id=run_id)
        self._templates: dict[str, frozenset[str]] = {}

    def _template(self, source: str) -> frozenset[str]:
        """The source's template lines, cached until the source learns a new one."""
        if source not in self._templates:
            self._templates[source] = templates_for(self.archive.db.conn, source)
        return self._templates[source]

    def _reject(self, reject: Reject) -> None:
        self.archive.add_reject(reject, self.run_id)
        self.summary.rejected.append((reject.location, reject.reason))

    def _known(self, raw: RawDocument) -> bool:
        """Handle content already archived (a sighting at most); True if nothing else to do."""
        found = self.archive.raw_by_sha(raw.sha256)
        if found is None or found[1] is None:
            return False
        raw_id, article_id = found
        if self.archive.has_sighting(raw.location, raw_id):
            self.summary.unchanged += 1
        else:
            self.archive.add_sighting(article_id, raw.location, self.run_id, raw_id)
            self.summary.exact_duplicates += 1
        return True

    def ingest_batch(self, items: list[Path | Reject]) -> None:
        """Read, clean, sign, decide and write one batch inside one transaction."""
        archive, summary = self.archive, self.summary
        try:
            with transaction(archive.db):
                self._ingest_batch(items)
                archive.flush()
        except BaseException:
            archive.discard()
            raise

    def _ingest_batch(self, items: list[Path | Reject]) -> None:
        """The body of one batch's transaction."""
        archive, summary = self.archive, self.summary
        pending: list[tuple[RawDocument, Article]] = []
        for item in items:
            summary.read += 1
            doc = item if isinstance(item, Reject) else read_document(item, self.config.input)
            if isinstance(doc, Reject):
                if archive.rejected_before(doc.location, doc.sha256):
                    summary.unchanged += 1
                else:
                    self._reject(doc)
                continue
            if self._known(doc):
                continue
            if archive.rejected_before(doc.location, doc.sha256):
                summary.unchanged += 1
                continue
            article = clean(doc, self.config.clean, self._template(doc.source))
            if isinstance(article, Reject):
                self._reject(article)
                continue
            pending.append((doc, article))
        signed_all = self.fingerprinter.sign_many([a for _, a in pending])
        for (raw, _), signed in zip(pending, signed_all):
            decision = self.deduper.decide(signed)
            if decision.exact_of is not None:
                raw_id = archive.add_raw(raw, decision.exact_of)
                archive.add_sighting(decision.exact_of, raw.location, self.run_id, raw_id)
                summary.exact_duplicates += 1
                continue
            article_id, learned = archive.write_article(decision, raw, self.run_id,
                                                        self.config.clean.template_min_articles)
            if learned:
                self._templates.pop(signed.article.source, None)
            summary.new += 1
            summary.near_duplicates += decision.is_near_duplicate
            summary.repeated_passages += archive.passage_paragraphs(article_id)


def ingest(paths: list[str | Path], db_path: str | Path, config: Config,
           progress: Callable[[int], None] | None = None,
           on_total: Callable[[int], None] | None = None) -> RunSummary:
    """Ingest files and folders into the archive at db_path; returns the run's summary.

    Raises ingest.lock.LockHeld when another ingest holds the archive.
    """
    with WriterLock(db_path):
        archive = Archive.open(db_path, config.dedup, config.archive.busy_timeout)
        try:
            run_id = archive.start_run([str(p) for p in paths], os.getpid())
            ingester = Ingester(archive, config, run_id)
            status = "failed"
            try:
                items = list(find_inputs(paths, config.input))
                if on_total:
                    on_total(len(items))
                for batch in batched(items, config.archive.batch_size):
                    ingester.ingest_batch(batch)
                    if progress:
                        progress(len(batch))
                status = "ok"
            except KeyboardInterrupt:
                status = "interrupted"
                raise
            finally:
                archive.finish_run(run_id, status, ingester.summary.counts())
            return ingester.summary
        finally:
            archive.close()


def reason_counts(summary: RunSummary) -> Counter:
    """How many inputs were rejected for each reason."""
    return Counter(reason for _, reason in summary.rejected)
