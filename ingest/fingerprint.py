"""MinHash fingerprints of articles and their paragraphs (datasketch).

Shingles are hashed to 32-bit integers by ingest.normalize; datasketch's
MinHash.bulk turns them into signatures with the scheme, num_perm and seed pinned
from the configuration (DESIGN.md: datasketch 2.0 changed the default scheme, so
the scheme is never left to the library's default).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash

from .config import DedupOptions
from .models import Article
from .normalize import content_hash, shingle_hashes, shingle_sequence, words

# terminal punctuation after a word, then the end of the text or a capitalised word
_SENTENCE_END = re.compile(r"""(?<=[\w)\]])[.!?…]["'”’»)\]]*(?:\s+["“‘'«(\[]?(\w)|\s*$)|[。！？]""")


def reads_as_prose(paragraph: str) -> bool:
    """Whether a paragraph holds at least one complete sentence.

    Headlines, teasers and ingredient lists do not; a background passage does, even
    when an edit cut its last sentence short.
    """
    return any(m.group(1) is None or m.group(1).isupper() for m in _SENTENCE_END.finditer(paragraph))


def _identity(value: int) -> int:
    """datasketch hashfunc for shingles that are already 32-bit hashes."""
    return value


@dataclass(frozen=True)
class Sketch:
    """A MinHash signature and the number of distinct shingles behind it."""

    values: np.ndarray
    size: int


@dataclass(frozen=True)
class Signed:
    """An article with its content hash and MinHash sketches."""

    article: Article
    content_hash: str
    sketch: Sketch
    opening: np.ndarray
    paragraph_sketches: tuple[tuple[int, Sketch], ...]


def jaccard(a: Sketch, b: Sketch) -> float:
    """MinHash estimate of the Jaccard similarity of two sketches."""
    return float(np.count_nonzero(a.values == b.values)) / len(a.values)


def containment(a: Sketch, b: Sketch, j: float | None = None) -> float:
    """Estimate of the share of a's shingles that are also in b (|A∩B| / |A|)."""
    if j is None:
        j = jaccard(a, b)
    if a.size == 0:
        return 0.0
    inter = j * (a.size + b.size) / (1.0 + j)
    return min(1.0, inter / a.size)


class Fingerprinter:
    """Computes sketches with one pinned MinHash configuration."""

    def __init__(self, options: DedupOptions) -> None:
        self.options = options
        self._kwargs = dict(num_perm=options.num_perm, seed=options.seed,
                            scheme=options.scheme, hashfunc=_identity)
        self._cache: dict[str, int] = {}

    def sketch_sets(self, shingle_sets: list[np.ndarray]) -> list[Sketch]:
        """MinHash signatures of many shingle-hash sets, computed with MinHash.bulk."""
        if not shingle_sets:
            return []
        minhashes = MinHash.bulk([s.tolist() for s in shingle_sets], **self._kwargs)
        return [Sketch(m.hashvalues.astype(np.uint32, copy=False), len(s))
                for m, s in zip(minhashes, shingle_sets)]

    def sign(self, article: Article) -> Signed:
        """Content hash, article sketch and paragraph sketches of a cleaned article."""
        return self.sign_many([article])[0]

    def sign_many(self, articles: list[Article]) -> list[Signed]:
        """Sign a batch of articles with one bulk MinHash call.

        Per article: the sketch of its word shingles, its opening (the shingles of
        its first 3 x `lede_words` words, in order, kept exactly) and the sketch of
        each paragraph that can be a passage.
        """
        opts = self.options
        sets: list[np.ndarray] = []
        layout: list[tuple[int, list[int]]] = []
        openings: list[np.ndarray] = []
        for article in articles:
            doc_index = len(sets)
            tokens = words(article.text)
            sets.append(shingle_hashes(tokens, opts.article_shingle_size, self._cache))
            openings.append(shingle_sequence(tokens[: 3 * opts.lede_words], opts.paragraph_shingle_size, self._cache))
            positions = []
            for pos, paragraph in enumerate(article.paragraphs):
                tokens = words(paragraph)
                if len(tokens) >= opts.paragraph_min_words and reads_as_prose(paragraph):
                    sets.append(shingle_hashes(tokens, opts.paragraph_shingle_size, self._cache))
                    positions.append(pos)
            layout.append((doc_index, positions))
        if len(self._cache) > 500_000:
            self._cache.clear()
        sketches = self.sketch_sets(sets)
        signed = []
        for article, opening, (doc_index, positions) in zip(articles, openings, layout):
            paragraphs = tuple(
                (pos, sketches[doc_index + 1 + k]) for k, pos in enumerate(positions))
            signed.append(Signed(article, content_hash(article.text), sketches[doc_index],
                                 opening, paragraphs))
        return signed
