"""Dedup decisions: exact duplicate, near-duplicate article, repeated passages.

The Deduper reads the archive's LSH indexes (through the Archive object it is
given) and returns a Decision; it writes nothing. Candidates come from LSH tuned
to recall and are verified with the MinHash estimate: a pair matches on Jaccard,
or on containment of the smaller side in the larger one, which is how a trimmed
syndicated copy (or a background paragraph with a clause added) is told from a
different story that shares some text.
"""

from __future__ import annotations

from dataclasses import dataclass

from .config import DedupOptions
from .fingerprint import Signed, Sketch, containment, jaccard


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
    duplicate_of: int | None = None
    similarity: float | None = None
    passage_matches: tuple[ParagraphMatch, ...] = ()


def match_score(a: Sketch, b: Sketch, min_jaccard: float, min_containment: float) -> float | None:
    """The pair's similarity if it passes verification (Jaccard, or containment of the smaller), else None."""
    j = jaccard(a, b)
    small, large = (a, b) if a.size <= b.size else (b, a)
    c = containment(small, large, j)
    if j >= min_jaccard or c >= min_containment:
        return max(j, c)
    return None


class Deduper:
    """Decides, for each signed article, how it relates to what the archive holds."""

    def __init__(self, archive, options: DedupOptions) -> None:
        self.archive = archive
        self.options = options

    def decide(self, signed: Signed) -> Decision:
        """Exact duplicate, near-duplicate or new; plus the paragraphs it repeats."""
        existing = self.archive.article_by_hash(signed.content_hash)
        if existing is not None:
            return Decision(signed, exact_of=existing)
        duplicate_of, similarity = self._near_duplicate(signed.sketch)
        cluster = duplicate_of
        matches = tuple(self._passages(signed, cluster))
        return Decision(signed, duplicate_of=duplicate_of, similarity=similarity,
                        passage_matches=matches)

    def _near_duplicate(self, sketch: Sketch) -> tuple[int | None, float | None]:
        opts = self.options
        index = self.archive.articles_index
        best: tuple[float, int] | None = None
        for stored in index.sketches(index.query(sketch.values)):
            score = match_score(sketch, Sketch(stored.values, stored.size),
                                opts.article_jaccard, opts.article_containment)
            if score is not None and (best is None or (score, -stored.item) > (best[0], -best[1])):
                best = (score, stored.item)
        if best is None:
            return None, None
        return self.archive.root_of(best[1]), round(best[0], 4)

    def _passages(self, signed: Signed, cluster: int | None):
        opts = self.options
        index = self.archive.paragraphs_index
        for position, sketch in signed.paragraph_sketches:
            candidates = index.sketches(index.query(sketch.values))
            if not candidates:
                continue
            roots = self.archive.paragraph_roots([c.item for c in candidates])
            best: tuple[float, int] | None = None
            for stored in candidates:
                if cluster is not None and roots.get(stored.item) == cluster:
                    continue
                score = match_score(sketch, Sketch(stored.values, stored.size),
                                    opts.passage_jaccard, opts.passage_containment)
                if score is not None and (best is None or (score, -stored.item) > (best[0], -best[1])):
                    best = (score, stored.item)
            if best is not None:
                yield ParagraphMatch(position, best[1], round(best[0], 4))
