"""The CPU-bound half of ingest: clean and fingerprint documents, in worker processes.

`prepare` is pure (documents and template lines in, signed articles or rejects out),
so it runs the same in this process or in a pool; the pool splits a batch into
contiguous chunks and keeps their order, so results are identical to a single-process
run. Writing stays in the main process, which owns the archive.

Each document has a time budget, `clean.document_seconds`: one whose cleaning (or,
when a chunk's signing overruns, whose cleaning and signing) takes longer becomes a
reject saying so, and the batch goes on. In worker processes the writer enforces it
(ingest.workers: the worker that overran is killed and replaced, and the rest of its
chunk handed to the new one), so it holds whatever the document is stuck in. With
one worker (`input.workers = 1`, or 0 on a one-core machine) documents are prepared
in the writer itself: there a SIGALRM stops a document's cleaning at the budget, which
interrupts Python code and the regex engine (it checks for signals), but not C code
that never checks for them (lxml): such a document is rejected only once it ends.
"""

from __future__ import annotations

import dataclasses
import os
import signal
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Callable, Iterator

import numpy as np

from store.committed import CommittedIndex, Lookups, lookup_or_none
from store.index import Banding

from .clean import clean
from .config import CleanOptions, DedupOptions
from .fingerprint import Fingerprinter, Permutations, Signed, minhash_permutations
from .models import Article, RawDocument, Reject
from .workers import UNTIMED, WHOLE, Outcome, WorkerPool

MIN_DOCS_PER_WORKER = 8
Bandings = tuple[Banding, Banding]  # (articles, paragraphs)
_FINGERPRINTERS: dict[tuple[DedupOptions, Bandings | None, Permutations | None], Fingerprinter] = {}


def bug_reject(location: str, stage: str, exc: Exception) -> Reject:
    """A reject for a document our own code failed on; no fingerprint, so it is retried."""
    return Reject(location, f"internal error while {stage} this file ({type(exc).__name__}: {exc}); "
                            f"please report it. It is tried again on the next run.")


def budget_reject(location: str, seconds: float) -> Reject:
    """A reject for a document that took longer than its budget; retried on the next run."""
    return Reject(location, f"cleaning took longer than {seconds:g} s (clean.document_seconds); "
                            f"it is tried again on the next run")


def died_reject(location: str, how: str) -> Reject:
    """A reject for a document whose worker process died under it; retried on the next run."""
    return Reject(location, f"the worker process cleaning this file died ({how}); "
                            f"it is tried again on the next run")


class _OverBudget(BaseException):
    """Raised by the in-process alarm (a BaseException: no `except Exception` of the cleaner's swallows it)."""


@contextmanager
def _alarm(seconds: float | None) -> Iterator[None]:
    """In this process's main thread: raise _OverBudget into the block after `seconds` of CPU time."""
    if seconds is None or threading.current_thread() is not threading.main_thread() \
            or not hasattr(signal, "setitimer"):
        yield
        return

    def fire(signum: int, frame: object) -> None:
        raise _OverBudget()

    # ITIMER_PROF counts this process's CPU time (the budget is CPU time: see ingest.workers)
    previous = signal.signal(signal.SIGPROF, fire)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


def _no_mark(item: int | None) -> None:
    pass


@dataclass(frozen=True)
class Prepared:
    """A document ready to be deduplicated and written."""

    raw: RawDocument
    signed: Signed


def _fingerprinter(options: DedupOptions, bandings: Bandings | None,
                   permutations: Permutations | None) -> Fingerprinter:
    key = (options, bandings, permutations)
    if key not in _FINGERPRINTERS:
        articles, paragraphs = bandings or (None, None)
        _FINGERPRINTERS[key] = Fingerprinter(options, articles, paragraphs, permutations)
    return _FINGERPRINTERS[key]


def prepare(docs: list[RawDocument], templates: dict[str, frozenset[str]], clean_options: CleanOptions,
            dedup_options: DedupOptions, bandings: Bandings | None = None,
            permutations: Permutations | None = None, mark: Callable[[int | None], None] | None = None,
            one_by_one: bool = False) -> list[Prepared | Reject]:
    """Clean and sign documents, in order; a document our code fails on, or that takes
    longer than `clean_options.document_seconds`, becomes a Reject.

    `bandings`, `permutations`: the (articles, paragraphs) LSH bandings and the MinHash
    permutations of the archive the documents go to. `mark`: told the index of each
    document as its work starts (WHOLE when all are signed at once), in a worker (see
    ingest.workers, which then enforces the budget); without it the budget is enforced
    here with an alarm. `one_by_one`: clean and sign each document in turn (to find the
    one a chunk's signing overran on), instead of signing all at once.
    """
    budget = clean_options.document_seconds
    alarm = None if mark else budget
    mark = mark or _no_mark
    fingerprinter = None
    cleaned: list[tuple[RawDocument, Article] | Reject] = []
    for i, doc in enumerate(docs):
        mark(i)
        started = time.process_time()
        try:
            with _alarm(alarm):
                article = clean(doc, clean_options, templates.get(doc.source, frozenset()))
                if one_by_one and not isinstance(article, Reject):
                    fingerprinter = fingerprinter or _fingerprinter(dedup_options, bandings, permutations)
                    article = _sign_each([(doc, article)], fingerprinter)[0]
        except _OverBudget:
            article = budget_reject(doc.location, budget)
        except Exception as exc:  # noqa: BLE001 - a cleaner bug must not stop the night's run
            article = bug_reject(doc.location, "cleaning", exc)
        if time.process_time() - started > budget:  # overran in code the alarm cannot stop, or unwatched
            article = budget_reject(doc.location, budget)
        if isinstance(article, Signed):
            cleaned.append((doc, article))
        else:
            cleaned.append(article if isinstance(article, Reject) else (doc, article))
    if one_by_one:
        return [item if isinstance(item, Reject) else Prepared(item[0], item[1]) for item in cleaned]
    good = [c for c in cleaned if not isinstance(c, Reject)]
    signed: dict[int, Signed | Reject] = {}
    if good:  # no fingerprinter for nothing: without kept permutations it loads datasketch
        mark(WHOLE)
        fingerprinter = _fingerprinter(dedup_options, bandings, permutations)
        try:
            signed = dict(zip(map(id, good), fingerprinter.sign_many([a for _, a in good])))
        except Exception:  # noqa: BLE001 - sign one by one to find the document it fails on
            signed = dict(zip(map(id, good), _sign_each(good, fingerprinter)))
    out: list[Prepared | Reject] = []
    for item in cleaned:
        if isinstance(item, Reject):
            out.append(item)
        else:
            result = signed[id(item)]
            out.append(result if isinstance(result, Reject) else Prepared(item[0], result))
    return out


def _sign_each(pairs: list[tuple[RawDocument, Article]], fingerprinter: Fingerprinter) -> list[Signed | Reject]:
    out: list[Signed | Reject] = []
    for doc, article in pairs:
        try:
            out.append(fingerprinter.sign(article))
        except Exception as exc:  # noqa: BLE001
            out.append(bug_reject(doc.location, "fingerprinting", exc))
    return out


def _prepare_in_worker(docs: list[RawDocument], templates: dict[str, frozenset[str]], clean_options: CleanOptions,
                       dedup_options: DedupOptions, bandings: Bandings | None, permutations: Permutations | None,
                       committed: CommittedIndex | None, one_by_one: bool,
                       mark: Callable[[int | None], None]) -> tuple[list[Signed | Reject], Lookups | None]:
    """`prepare` without sending the documents back (the caller has them), and, given
    the archive's committed index, the lookup of their band keys in it (None when that
    cannot be made: the writer then looks them all up itself)."""
    signed = [item.signed if isinstance(item, Prepared) else item
              for item in prepare(docs, templates, clean_options, dedup_options, bandings, permutations,
                                  mark, one_by_one)]
    mark(UNTIMED)  # the lookup is the archive's work, not a document's
    good = [item for item in signed if isinstance(item, Signed)]
    if committed is None or not good:
        return signed, None
    return signed, lookup_or_none(committed, np.concatenate([s.article_keys.ravel() for s in good]),
                                  np.concatenate([s.paragraph_keys.ravel() for s in good]))


@dataclass(frozen=True)
class PreparedBatch:
    """A batch's prepared documents (or rejects), in order, with what the workers found
    of their band keys in the archive's committed LSH runs (for Archive.batch)."""

    items: list[Prepared | Reject]
    lookups: list[Lookups]


class Preparer:
    """Runs `prepare` in this process or across a pool of worker processes."""

    def __init__(self, workers: int, clean_options: CleanOptions, dedup_options: DedupOptions,
                 bandings: Bandings | None = None, permutations: Permutations | None = None,
                 committed: CommittedIndex | None = None) -> None:
        """`committed`: the LSH index of the archive the documents go to; with a pool,
        its workers then also look the documents' band keys up in its committed runs."""
        self.workers = workers if workers > 0 else (os.cpu_count() or 1)
        self.clean_options = clean_options
        self.dedup_options = dedup_options
        self.bandings = bandings
        self.permutations = permutations
        self.committed = committed
        self._pool: WorkerPool | None = None

    def __enter__(self) -> "Preparer":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the worker processes (busy ones are killed: they hold nothing to keep)."""
        if self._pool is not None:
            self._pool.close()
            self._pool = None

    def _started_pool(self) -> WorkerPool:
        if self._pool is None:
            self._pool = WorkerPool(self.workers, self.clean_options.document_seconds)
        return self._pool

    def draw_permutations(self) -> Permutations:
        """Draw the MinHash permutations of the dedup options (for an archive that has
        none yet) and sign with them from now on. With a pool they are drawn in a worker,
        so that this process never loads datasketch."""
        if self.workers < 2:
            self.permutations = minhash_permutations(self.dedup_options)
        else:
            self.permutations = self._started_pool().call(minhash_permutations, self.dedup_options)
        return self.permutations

    def __call__(self, docs: list[RawDocument], templates: dict[str, frozenset[str]]) -> list[Prepared | Reject]:
        """Prepared documents (or rejects), in the order given."""
        return self.submit(docs, templates)().items

    def submit(self, docs: list[RawDocument],
               templates: dict[str, frozenset[str]]) -> Callable[[], PreparedBatch]:
        """Start preparing documents; returns a function that waits for them (in order).

        With a pool the work runs in the background, split into contiguous chunks, one
        per worker (a handful of documents is one chunk: still in a worker, so that this
        process never loads datasketch, which loads scipy, about 40 MB), and each worker
        looks its chunk's band keys up in the archive's committed runs; with one worker
        it runs here and now, and the writer looks them up.
        """
        args = (templates, self.clean_options, self.dedup_options, self.bandings, self.permutations)
        if self.workers < 2 or not docs:
            done = PreparedBatch(prepare(docs, *args), [])
            return lambda: done
        chunks = max(1, min(self.workers, len(docs) // MIN_DOCS_PER_WORKER))
        bounds = [len(docs) * i // chunks for i in range(chunks + 1)]
        pool = self._started_pool()
        # a worker cleans the decoded text: the input's bytes (up to input.max_file_bytes
        # each, stored by this process) would be pickled to it and held there for nothing
        sent = [dataclasses.replace(doc, content=b"") for doc in docs]
        parts = [(docs[lo:hi], pool.submit(_prepare_in_worker, sent[lo:hi], *args, self.committed, False, timed=True))
                 for lo, hi in zip(bounds, bounds[1:])]

        def result() -> PreparedBatch:
            items: list[Prepared | Reject] = []
            lookups: list[Lookups] = []
            for chunk, ticket in parts:
                signed, found = self._chunk_result(pool, chunk, ticket, args)
                items += [item if isinstance(item, Reject) else Prepared(doc, item) for doc, item in zip(chunk, signed)]
                lookups += found
            return PreparedBatch(items, lookups)
        return result

    def _chunk_result(self, pool: WorkerPool, chunk: list[RawDocument], ticket, args: tuple
                      ) -> tuple[list[Signed | Reject], list[Lookups]]:
        """A chunk's signed documents (or rejects), in order, and its workers' lookups.

        A document its worker overran the budget on (or died on) becomes a reject and the
        rest of the chunk is prepared again in a new worker; when the chunk's signing
        overran, its documents are prepared again one by one, to find the one to blame.
        """
        out: list[Signed | Reject | None] = [None] * len(chunk)
        pending = list(range(len(chunk)))
        lookups: list[Lookups] = []
        while True:
            outcome: Outcome = pool.wait(ticket)
            if outcome.ok:
                signed, found = outcome.value
                for position, item in zip(pending, signed):
                    out[position] = item
                if found is not None:
                    lookups.append(found)
                return out, lookups
            one_by_one = outcome.item == WHOLE
            if not one_by_one:
                position = pending.pop(outcome.item)
                location = chunk[position].location
                out[position] = (budget_reject(location, self.clean_options.document_seconds) if outcome.overran
                                 else died_reject(location, outcome.died))
                if not pending:
                    return out, lookups
            ticket = pool.submit(_prepare_in_worker, [chunk[p] for p in pending], *args, self.committed,
                                 one_by_one, timed=True)
