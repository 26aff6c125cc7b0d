"""Dedup decisions: exact duplicate, near-duplicate articles, repeated paragraphs.

The Deduper reads the archive's LSH indexes (through the Archive it is given) and
returns a Decision; it writes nothing. Candidates come from LSH tuned to recall and
are verified with the MinHash estimate. Every verified pair is returned, not only
the best one: the archive keeps them as edges, and clusters and passages are the
connected components of those edges, so the outcome does not depend on the order
or the batch size in which articles arrive (each pair is checked exactly once, when
the later of the two arrives, with a symmetric test).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .config import DedupOptions
from .fingerprint import Signed, Sketch, containment, jaccard


@dataclass(frozen=True)
class ArticleMatch:
    """A stored article the new one near-duplicates."""

    article_id: int
    similarity: float


@dataclass(frozen=True)
class ParagraphMatch:
    """A paragraph of the new article that repeats a stored paragraph."""

    position: int
    paragraph_id: int
    similarity: float


@dataclass(frozen=True)
class Decision:
    """What to do with a signed article."""

    signed: Signed
    exact_of: int | None = None
    article_matches: tuple[ArticleMatch, ...] = ()
    paragraph_matches: tuple[ParagraphMatch, ...] = ()

    @property
    def is_near_duplicate(self) -> bool:
        """Whether the article near-duplicates a stored one."""
        return bool(self.article_matches)


def resemblance(a: Sketch, b: Sketch) -> tuple[float, float]:
    """(Jaccard estimate, containment of the smaller set in the larger): symmetric in a, b."""
    j = jaccard(a, b)
    small, large = (a, b) if a.size <= b.size else (b, a)
    return j, containment(small, large, j)


def passage_score(a: np.ndarray, b: np.ndarray, options: DedupOptions) -> float | None:
    """Similarity of two paragraphs (sorted distinct shingle hashes) if they are the same
    passage, else None: exact Jaccard, or exact containment of the smaller in the larger."""
    if not len(a) or not len(b):
        return None
    common = len(np.intersect1d(a, b, assume_unique=True))
    j = common / (len(a) + len(b) - common)
    c = common / min(len(a), len(b))
    if j >= options.passage_jaccard or c >= options.passage_containment:
        return max(j, c)
    return None


def passage_scores(a: np.ndarray, others: list[np.ndarray], options: DedupOptions) -> list[float | None]:
    """`passage_score` of one paragraph against many, in a few array operations: a passage
    repeated in thousands of articles gives a new copy thousands of candidates."""
    if len(others) < 8 or not len(a):
        return [passage_score(a, b, options) for b in others]
    sizes = np.fromiter(map(len, others), dtype=np.int64, count=len(others))
    flat = np.concatenate(others)
    pos = np.searchsorted(a, flat)
    pos[pos == len(a)] = 0
    owner = np.repeat(np.arange(len(others)), sizes)
    common = np.bincount(owner, weights=a[pos] == flat, minlength=len(others))
    with np.errstate(divide="ignore", invalid="ignore"):
        j = common / (len(a) + sizes - common)
        c = common / np.minimum(len(a), sizes)
    same = (sizes > 0) & ((j >= options.passage_jaccard) | (c >= options.passage_containment))
    return [float(max(jj, cc)) if ok else None for jj, cc, ok in zip(j.tolist(), c.tolist(), same.tolist())]


def article_score(a: Sketch, b: Sketch, head_a: Sketch | None, head_b: Sketch | None,
                  options: DedupOptions) -> float | None:
    """Similarity of two articles if they are near-duplicates, else None.

    Jaccard alone decides close copies. A trimmed copy (the smaller article contained
    in the larger) must also keep the larger one's first half: news is cut from the
    bottom, while a follow-up story repeats a scattered part as background.
    """
    j, c = resemblance(a, b)
    if j >= options.article_jaccard:
        return j
    if c >= options.article_containment and head_a is not None and head_b is not None:
        small, large_head = (a, head_b) if a.size <= b.size else (b, head_a)
        if containment(large_head, small) >= options.head_containment:
            return c
    return None


class Deduper:
    """Decides, for each signed article, how it relates to what the archive holds."""

    def __init__(self, archive, options: DedupOptions) -> None:
        self.archive = archive
        self.options = options

    def decide(self, signed: Signed) -> Decision:
        """Exact duplicate; or every verified near-duplicate article and repeated paragraph."""
        existing = self.archive.article_by_hash(signed.content_hash)
        if existing is not None:
            return Decision(signed, exact_of=existing)
        return Decision(signed, article_matches=tuple(self._articles(signed, signed.article_keys)),
                        paragraph_matches=tuple(self._paragraphs(signed, signed.paragraph_keys)))

    def _articles(self, signed: Signed, keys: np.ndarray):
        items = self.archive.articles_index.query(keys)[0]
        if not items:
            return
        sketches = self.archive.article_sketches.get(items)
        heads = self.archive.article_heads.get(items)
        for item in sorted(sketches):
            values, size = sketches[item]
            head = Sketch(*heads[item]) if item in heads else None
            score = article_score(signed.sketch, Sketch(values, size), signed.head, head, self.options)
            if score is not None:
                yield ArticleMatch(item, round(score, 4))

    def _paragraphs(self, signed: Signed, keys: np.ndarray):
        if not signed.paragraphs:
            return
        candidates = self.archive.paragraphs_index.query(keys)
        stored = self.archive.paragraph_shingles.get(set().union(*candidates))
        for paragraph, items in zip(signed.paragraphs, candidates):
            ordered = sorted(items)
            scores = passage_scores(paragraph.shingles, [stored[item][0] for item in ordered], self.options)
            for item, score in zip(ordered, scores):
                if score is not None:
                    yield ParagraphMatch(paragraph.position, item, round(score, 4))
