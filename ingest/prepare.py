"""The CPU-bound half of ingest: clean and fingerprint documents, in worker processes.

`prepare` is pure (documents and template lines in, signed articles or rejects out),
so it runs the same in this process or in a pool; the pool splits a batch into
contiguous chunks and keeps their order, so results are identical to a single-process
run. Writing stays in the main process, which owns the archive.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Callable

import numpy as np

from store.committed import CommittedIndex, Lookups, lookup_or_none
from store.index import Banding

from .clean import clean
from .config import CleanOptions, DedupOptions
from .fingerprint import Fingerprinter, Permutations, Signed, minhash_permutations
from .models import Article, RawDocument, Reject

MIN_DOCS_PER_WORKER = 8
Bandings = tuple[Banding, Banding]  # (articles, paragraphs)
_FINGERPRINTERS: dict[tuple[DedupOptions, Bandings | None, Permutations | None], Fingerprinter] = {}


def bug_reject(location: str, stage: str, exc: Exception) -> Reject:
    """A reject for a document our own code failed on; no fingerprint, so it is retried."""
    return Reject(location, f"internal error while {stage} this file ({type(exc).__name__}: {exc}); "
                            f"please report it. It is tried again on the next run.")


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
            permutations: Permutations | None = None) -> list[Prepared | Reject]:
    """Clean and sign documents, in order; a document our code fails on becomes a Reject.

    `bandings`, `permutations`: the (articles, paragraphs) LSH bandings and the MinHash
    permutations of the archive the documents go to.
    """
    cleaned: list[tuple[RawDocument, Article] | Reject] = []
    for doc in docs:
        try:
            article = clean(doc, clean_options, templates.get(doc.source, frozenset()))
        except Exception as exc:  # noqa: BLE001 - a cleaner bug must not stop the night's run
            article = bug_reject(doc.location, "cleaning", exc)
        cleaned.append(article if isinstance(article, Reject) else (doc, article))
    good = [c for c in cleaned if not isinstance(c, Reject)]
    signed: dict[int, Signed | Reject] = {}
    if good:  # no fingerprinter for nothing: without kept permutations it loads datasketch
        fingerprinter = _fingerprinter(dedup_options, bandings, permutations)
        try:
            signed = dict(zip(map(id, good), fingerprinter.sign_many([a for _, a in good])))
        except Exception:  # noqa: BLE001 - sign one by one to find the document it fails on
            for pair in good:
                try:
                    signed[id(pair)] = fingerprinter.sign(pair[1])
                except Exception as exc:  # noqa: BLE001
                    signed[id(pair)] = bug_reject(pair[0].location, "fingerprinting", exc)
    out: list[Prepared | Reject] = []
    for item in cleaned:
        if isinstance(item, Reject):
            out.append(item)
        else:
            result = signed[id(item)]
            out.append(result if isinstance(result, Reject) else Prepared(item[0], result))
    return out


def _exit_with_parent(parent: int) -> None:
    """Pool worker initializer: exit once the process that started the pool is gone.

    A writer killed outright (SIGKILL, the OOM killer) cannot stop its pool, and a
    worker waiting for work would wait forever, holding its memory and the writer's
    stdout, which keeps cron (or whoever reads that output) waiting too.
    """
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="watch-parent", daemon=True).start()


def _prepare_in_worker(docs: list[RawDocument], templates: dict[str, frozenset[str]], clean_options: CleanOptions,
                       dedup_options: DedupOptions, bandings: Bandings | None, permutations: Permutations | None,
                       committed: CommittedIndex | None) -> tuple[list[Signed | Reject], Lookups | None]:
    """`prepare` without sending the documents back (the caller has them), and, given
    the archive's committed index, the lookup of their band keys in it (None when that
    cannot be made: the writer then looks them all up itself)."""
    signed = [item.signed if isinstance(item, Prepared) else item
              for item in prepare(docs, templates, clean_options, dedup_options, bandings, permutations)]
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
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> "Preparer":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the worker processes."""
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def _started_pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods()
                                                  else "spawn")
            self._pool = ProcessPoolExecutor(self.workers, mp_context=context, initializer=_exit_with_parent,
                                             initargs=(os.getpid(),))
        return self._pool

    def draw_permutations(self) -> Permutations:
        """Draw the MinHash permutations of the dedup options (for an archive that has
        none yet) and sign with them from now on. With a pool they are drawn in a worker,
        so that this process never loads datasketch."""
        if self.workers < 2:
            self.permutations = minhash_permutations(self.dedup_options)
        else:
            self.permutations = self._started_pool().submit(minhash_permutations, self.dedup_options).result()
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
        futures = [pool.submit(_prepare_in_worker, docs[lo:hi], *args, self.committed)
                   for lo, hi in zip(bounds, bounds[1:])]

        def result() -> PreparedBatch:
            parts = [future.result() for future in futures]
            signed = [item for items, _ in parts for item in items]
            return PreparedBatch([item if isinstance(item, Reject) else Prepared(doc, item)
                                  for doc, item in zip(docs, signed)],
                                 [lookups for _, lookups in parts if lookups is not None])
        return result
