"""MinHash fingerprints of articles and their paragraphs (datasketch).

Shingles are hashed to 32-bit integers by ingest.normalize; datasketch's
MinHash.bulk turns them into signatures with the scheme, num_perm and seed pinned
from the configuration (DESIGN.md: datasketch 2.0 changed the default scheme, so
the scheme is never left to the library's default).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from store.index import Banding, band_keys, lsh_params
from store.templates import short_lines

from .config import DedupOptions
from .models import Article
from .normalize import normalize_text, normalized_words, shingles_of_word_hashes, word_hashes

# terminal punctuation after a word, then the end of the text or a capitalised word
_SENTENCE_END = re.compile(r"""(?<=[\w)\]])[.!?…]["'”’»)\]]*(?:\s+["“‘'«(\[]?(\w)|\s*$)|[。！？]""")
# the same, for a paragraph that ends like a sentence (tried on its last characters only:
# the full scan below decides every paragraph this misses)
_ENDS_AS_SENTENCE = re.compile(r"""(?<=[\w)\]])[.!?…]["'”’»)\]]*\s*$|[。！？]""")


def reads_as_prose(paragraph: str) -> bool:
    """Whether a paragraph holds at least one complete sentence.

    Headlines, teasers and ingredient lists do not; a background passage does, even
    when an edit cut its last sentence short.
    """
    if _ENDS_AS_SENTENCE.search(paragraph, max(0, len(paragraph) - 32)):  # the common case: its end
        return True
    return any(m.group(1) is None or m.group(1).isupper() for m in _SENTENCE_END.finditer(paragraph))


def _identity(value: int) -> int:
    """datasketch hashfunc for shingles that are already 32-bit hashes."""
    return value


Permutations = tuple[tuple[int, ...], tuple[int, ...]]  # MinHash's (a, b) for h -> a * h + b


def minhash_permutations(options: DedupOptions) -> Permutations:
    """The permutation parameters datasketch's MinHash draws for the pinned scheme,
    num_perm and seed. This imports datasketch, which loads scipy (about 0.8 s and
    40 MB), so an archive keeps them once drawn and its workers sign without it."""
    from datasketch import MinHash  # here, not at import

    a, b = MinHash(num_perm=options.num_perm, seed=options.seed, scheme=options.scheme,
                   hashfunc=_identity).permutations
    return tuple(int(x) for x in a), tuple(int(x) for x in b)


@dataclass(frozen=True)
class Sketch:
    """A MinHash signature and the number of distinct shingles behind it."""

    values: np.ndarray
    size: int


@dataclass(frozen=True)
class ParagraphPrint:
    """A paragraph that can be a passage: its position and its distinct shingle hashes (sorted)."""

    position: int
    shingles: np.ndarray


@dataclass(frozen=True)
class Signed:
    """An article with its content hash, MinHash sketches and LSH bucket keys.

    The shingle sets of its paragraphs travel as one array (a Signed is pickled from a
    worker process to the writer: one array instead of one per paragraph halves that).
    """

    article: Article
    content_hash: str
    sketch: Sketch
    head: Sketch
    paragraph_positions: np.ndarray  # positions of the paragraphs that can be passages
    paragraph_shingles: np.ndarray  # their shingle sets (sorted distinct hashes), one after another
    paragraph_ends: np.ndarray  # where each paragraph's set ends in paragraph_shingles
    article_keys: np.ndarray  # (1, article bands)
    paragraph_keys: np.ndarray  # (len(paragraphs), paragraph bands)
    short_lines: dict[int, tuple[str, int]]  # possible template lines: position -> (normalised, line_hash)

    @cached_property
    def paragraphs(self) -> tuple[ParagraphPrint, ...]:
        """The paragraphs that can be passages, with their shingle sets."""
        ends = self.paragraph_ends.tolist()
        return tuple(ParagraphPrint(pos, self.paragraph_shingles[start:end])
                     for pos, start, end in zip(self.paragraph_positions.tolist(), [0, *ends], ends))


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


_FMIX = {
    32: (np.uint32, 16, 0x85EBCA6B, 13, 0xC2B2AE35, 16),
    64: (np.uint64, 33, 0xFF51AFD7ED558CCD, 33, 0xC4CEB9FE1A85EC53, 33),
}
_CHUNK = 1 << 22  # shingle x permutation cells computed at once (16-32 MB)


def _premix(values: np.ndarray, width: int) -> np.ndarray:
    """The MurmurHash3 finalizer, which datasketch's affine schemes apply to every input hash."""
    dtype, s1, m1, s2, m2, s3 = _FMIX[width]
    h = values.astype(dtype)
    with np.errstate(over="ignore"):
        h ^= h >> dtype(s1)
        h *= dtype(m1)
        h ^= h >> dtype(s2)
        h *= dtype(m2)
        h ^= h >> dtype(s3)
    return h


def _distinct_per_span(values: np.ndarray, spans: list[tuple[int, int]]) -> list[np.ndarray]:
    """The sorted distinct values of each [start, end) slice, with one sort for all of them
    (each value tagged with its slice's number in the high 32 bits)."""
    lengths = np.array([end - start for start, end in spans])
    tagged = np.repeat(np.arange(len(spans), dtype=np.uint64) << np.uint64(32), lengths)
    tagged |= np.concatenate([values[start:end] for start, end in spans]).astype(np.uint64)
    distinct = np.unique(tagged)
    cuts = np.searchsorted(distinct, np.arange(1, len(spans), dtype=np.uint64) << np.uint64(32))
    return np.split((distinct & np.uint64(0xFFFFFFFF)).astype(np.uint32), cuts)


class Fingerprinter:
    """Computes sketches with one pinned MinHash configuration.

    datasketch defines the sketch: its MinHash object (scheme, num_perm and seed from
    the config) draws the permutations, once per archive, which keeps them. Sketches of
    many sets are computed in one vectorised pass per chunk: the same values as
    `MinHash.bulk` (a test checks this), without a Python call per shingle.
    """

    def __init__(self, options: DedupOptions, articles: Banding | None = None,
                 paragraphs: Banding | None = None, permutations: Permutations | None = None) -> None:
        """`articles`, `paragraphs`: the bandings of the archive's two LSH indexes (by
        default those a new archive gets). Paragraph sketches are cut to the paragraph
        index's bands x rows values: paragraphs are verified on exact shingles.
        `permutations`: datasketch's, as `minhash_permutations` gives them (the archive
        keeps them); by default they are asked of datasketch."""
        self.options = options
        self.articles = articles or Banding(*lsh_params(options.article_lsh_threshold, options.num_perm))
        self.paragraphs = paragraphs or Banding(*lsh_params(
            options.paragraph_lsh_threshold, min(options.paragraph_lsh_perms, options.num_perm)))
        self.paragraph_perms = self.paragraphs.bands * self.paragraphs.rows
        self._width = 64 if options.scheme == "affine64" else 32
        self._dtype = _FMIX[self._width][0]
        a, b = permutations or minhash_permutations(options)
        if len(a) != options.num_perm or len(b) != options.num_perm:
            raise ValueError(f"{len(a)} MinHash permutations given for num_perm = {options.num_perm}: "
                             f"pass those of this configuration (minhash_permutations)")
        self._a = np.asarray(a, dtype=self._dtype)
        self._b = np.asarray(b, dtype=self._dtype)
        self._empty = np.full(options.num_perm, np.iinfo(self._dtype).max, dtype=self._dtype)  # datasketch's
        self._cache: dict[str, int] = {}

    def _minhash(self, values: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """Column minima of the permuted hashes of one large set, a chunk at a time."""
        out = self._empty[: len(a)].copy()
        step = max(1, _CHUNK // len(a))
        for start in range(0, len(values), step):
            h = _premix(values[start : start + step], self._width)[None, :]
            with np.errstate(over="ignore"):
                np.minimum(out, (a[:, None] * h + b[:, None]).min(axis=1), out=out)
        return out

    def sketch_sets(self, shingle_sets: list[np.ndarray], perms: int | None = None) -> list[Sketch]:
        """MinHash signatures of many shingle-hash sets (uint32 arrays) in bulk.

        With `perms`, only the first `perms` values of each signature are computed.
        """
        a, b = self._a[:perms], self._b[:perms]
        results: list[np.ndarray | None] = [None] * len(shingle_sets)
        step = max(1, _CHUNK // len(a))
        group: list[int] = []
        total = 0

        def flush() -> None:
            nonlocal group, total
            if group:
                values = np.concatenate([shingle_sets[i] for i in group])
                h = _premix(values, self._width)[None, :]
                with np.errstate(over="ignore"):
                    permuted = a[:, None] * h + b[:, None]  # one row per permutation: reduced along memory
                offsets = np.cumsum([0] + [len(shingle_sets[i]) for i in group[:-1]])
                for i, row in zip(group, np.ascontiguousarray(np.minimum.reduceat(permuted, offsets, axis=1).T)):
                    results[i] = row
            group, total = [], 0

        for i, values in enumerate(shingle_sets):
            if len(values) == 0:
                results[i] = self._empty[: len(a)].copy()
            elif len(values) > step:
                results[i] = self._minhash(values, a, b)
            else:
                if total + len(values) > step:
                    flush()
                group.append(i)
                total += len(values)
        flush()
        return [Sketch(r.astype(np.uint32, copy=False) if self._width == 32 else r, len(s))
                for r, s in zip(results, shingle_sets)]

    def sign(self, article: Article) -> Signed:
        """Content hash, article sketch and paragraph sketches of a cleaned article."""
        return self.sign_many([article])[0]

    def sign_many(self, articles: list[Article]) -> list[Signed]:
        """Sign a batch of articles with two bulk MinHash passes (articles, paragraphs).

        Per article: the content hash of its normalised text, the sketch of its word
        shingles, the sketch of its first half (its head), its LSH keys and, for each
        paragraph that can be a passage, its shingle set, a sketch of `paragraph_perms`
        values and its LSH keys. Words are hashed once per article and shingled once
        for the article and once for the paragraphs.
        """
        opts = self.options
        doc_sequences: list[np.ndarray] = []
        paragraph_sets: list[np.ndarray] = []
        layout: list[tuple[list[int], str, dict[int, tuple[str, int]]]] = []
        for article in articles:
            normalized = [normalize_text(p) for p in article.paragraphs]
            tokens = [normalized_words(n) for n in normalized]
            doc_words = word_hashes([t for ts in tokens for t in ts], self._cache)
            doc_sequences.append(shingles_of_word_hashes(doc_words, opts.article_shingle_size))
            positions, spans, start = [], [], 0
            for pos, (paragraph, ts) in enumerate(zip(article.paragraphs, tokens)):
                end = start + len(ts)
                if len(ts) >= opts.paragraph_min_words and reads_as_prose(paragraph):
                    # a paragraph's shingles are those of the article's word sequence that start
                    # and end inside it (it has at least paragraph_min_words >= shingle size words)
                    spans.append((start, end - opts.paragraph_shingle_size + 1))
                    positions.append(pos)
                start = end
            if spans:
                small = shingles_of_word_hashes(doc_words, opts.paragraph_shingle_size)
                paragraph_sets += _distinct_per_span(small, spans)
            layout.append((positions, hashlib.sha256(" ".join(normalized).encode("utf-8")).hexdigest(),
                           short_lines(normalized, opts.paragraph_min_words)))
        if len(self._cache) > 500_000:
            self._cache.clear()
        doc_sketches = self._sketch_with_heads(doc_sequences)
        paragraph_sketches = self.sketch_sets(paragraph_sets, self.paragraph_perms)
        article_keys = self._keys([s.values for s, _ in doc_sketches], self.articles)
        paragraph_keys = self._keys([s.values for s in paragraph_sketches], self.paragraphs)  # sketches not kept
        signed, first = [], 0
        for k, (article, (positions, digest, short)) in enumerate(zip(articles, layout)):
            end = first + len(positions)
            sets = paragraph_sets[first:end]
            shingles = np.concatenate(sets) if sets else np.empty(0, dtype=np.uint32)
            sketch, head = doc_sketches[k]
            signed.append(Signed(article, digest, sketch, head, np.array(positions, dtype=np.int32), shingles,
                                 np.cumsum([len(s) for s in sets], dtype=np.int64),
                                 article_keys[k : k + 1], paragraph_keys[first:end], short))
            first = end
        return signed

    def _sketch_with_heads(self, sequences: list[np.ndarray]) -> list[tuple[Sketch, Sketch]]:
        """(whole, first half) sketches of shingle sequences; each shingle is permuted once."""
        sets = []
        for sequence in sequences:
            half = (len(sequence) + 1) // 2
            sets += [sequence[:half], sequence[half:]]
        parts = self.sketch_sets(sets)
        out = []
        for k, sequence in enumerate(sequences):
            head, tail = parts[2 * k], parts[2 * k + 1]
            whole = np.minimum(head.values, tail.values)
            out.append((Sketch(whole, len(np.unique(sequence))),
                        Sketch(head.values, len(np.unique(sequence[: (len(sequence) + 1) // 2])))))
        return out

    @staticmethod
    def _keys(signatures: list[np.ndarray], banding: Banding) -> np.ndarray:
        if not signatures:
            return np.empty((0, banding.bands), dtype=np.int64)
        return band_keys(np.stack(signatures), banding.bands, banding.rows)
