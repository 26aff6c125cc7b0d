"""MinHash fingerprints of articles and their paragraphs (datasketch).

Shingles are hashed to 32-bit integers by ingest.normalize and turned into the
signatures datasketch's MinHash.bulk gives, with the scheme, num_perm and seed pinned
from the configuration (DESIGN.md: datasketch 2.0 changed the default scheme, so
the scheme is never left to the library's default) and datasketch's permutations;
the arithmetic is done here, for a whole batch at once, in numpy.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cached_property
from itertools import chain

import numpy as np

from store.arrays import sorted_unique
from store.index import Banding, band_keys, lsh_params
from store.templates import short_lines

from .config import DedupOptions
from .models import Article
from .normalize import NOSPACE_RUN, normalize_text, shingles_of_word_hashes, word_hashes, word_tokens

# terminal punctuation after a word, a number's sign or a closing quote ("up 0.4%.", "„zu
# teuer“."), and closing quotes of any style ("...“", "...»"), then the end of the text or a
# capitalised word; or a colon that ends the paragraph (a sentence that leads into a list or a
# quote: "... offered differing estimates of her net worth:"); or a full stop of a script that
# has its own (CJK, Khmer, Myanmar, Devanagari's danda, Arabic's question mark, Urdu, Armenian,
# Ethiopic: the line classifier's marks)
_STOP_AFTER = r"""(?<=[\w)\]%"'”’»“‘«›])"""
_CLOSERS = r"""["'”’»“‘«›‹)\]」』]*+"""
_OWN_STOPS = "[。！？។။।॥؟۔։።]"
_SENTENCE_END = re.compile(_STOP_AFTER + r"(?:[.!?…]" + _CLOSERS + r"""(?:\s+["“‘'«„‚(\[]?(\w)|\s*$)|[:：]\s*$)|"""
                           + _OWN_STOPS)
# the same, for a paragraph that ends like a sentence (tried on its last characters only:
# the full scan below decides every paragraph this misses)
_ENDS_AS_SENTENCE = re.compile(_STOP_AFTER + r"(?:[.!?…]" + _CLOSERS + r"|[:：])\s*$|" + _OWN_STOPS)
# Thai and Lao end a sentence with a space, not a mark: a long run of their letters is prose.
_UNMARKED_PROSE = re.compile("[\u0e00-\u0eff]{40}")


def reads_as_prose(paragraph: str) -> bool:
    """Whether a paragraph holds at least one complete sentence.

    Headlines, teasers and ingredient lists do not; a background passage does, even
    when an edit cut its last sentence short.
    """
    if _ENDS_AS_SENTENCE.search(paragraph, max(0, len(paragraph) - 32)):  # the common case: its end
        return True
    if not paragraph.isascii() and _UNMARKED_PROSE.search(paragraph):
        return True
    return any(_opens_a_sentence(m.group(1)) for m in _SENTENCE_END.finditer(paragraph))


def _opens_a_sentence(first: str | None) -> bool:
    """Whether what follows a full stop starts a sentence: the paragraph's end, a capital,
    or a letter of a script without case (Korean, Chinese, Arabic...): "다. 이" ends a
    Korean sentence as ". The" an English one, while ". and" and "No. 5" do not."""
    return first is None or (first.isalpha() and not first.islower())


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


def _ranges(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """The indexes of the ranges [start, start + length), one after another."""
    ends = np.cumsum(lengths)
    return np.arange(ends[-1] if len(ends) else 0, dtype=np.int64) + np.repeat(starts - (ends - lengths), lengths)


def _distinct_per_segment(values: np.ndarray, lengths: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The sorted distinct values of each segment of `values` (segments of `lengths`,
    one after another), with one sort for all of them: (their values one segment after
    another, how many each segment has)."""
    segment = np.repeat(np.arange(len(lengths), dtype=np.uint64), lengths)
    distinct = sorted_unique((segment << np.uint64(32)) | values.astype(np.uint64))
    counts = np.bincount((distinct >> np.uint64(32)).astype(np.int64), minlength=len(lengths))
    return (distinct & np.uint64(0xFFFFFFFF)).astype(np.uint32), counts


def _tokens_and_counts(normalized: list[str]) -> tuple[list[bytes], list[int]]:
    """The words of an article's normalised paragraphs, one after another, and how many each has."""
    per_paragraph = [word_tokens(text) for text in normalized]
    return list(chain.from_iterable(per_paragraph)), list(map(len, per_paragraph))


def length_in_words(normalized: str, tokens: int) -> int:
    """A normalised paragraph's length in words, for paragraph_min_words, from its number
    of tokens: in a script without spaces a character counts as a word (its run of n
    characters is n - 1 bigram tokens), so a 21-character Chinese sentence is 21 words,
    about what 20 English words hold, not the 19 bigrams of its two runs."""
    if normalized.isascii():
        return tokens
    return tokens + sum(1 for run in NOSPACE_RUN.findall(normalized) if len(run) > 1)


def _span_sets(hashes: np.ndarray, spans: list[tuple[int, int]], size: int) -> tuple[np.ndarray, np.ndarray]:
    """The distinct `size`-word shingles of each span of words (first word, words; at
    least `size` words), one set after another, and the size of each set."""
    if not spans:
        return np.empty(0, dtype=np.uint32), np.empty(0, dtype=np.int64)
    firsts, counts = np.array(spans, dtype=np.int64).T
    shingles = shingles_of_word_hashes(hashes, size)
    return _distinct_per_segment(shingles[_ranges(firsts, counts - size + 1)], counts - size + 1)


def paragraph_shingle_sets(paragraphs: list[str], size: int) -> list[np.ndarray]:
    """The shingle set (sorted distinct hashes) of each paragraph, the one
    `Fingerprinter.sign_many` gives a paragraph that can be a passage (empty for one of
    fewer than `size` words): the archive recomputes a stored paragraph's set from its
    text when a new paragraph's verification needs it, instead of keeping every set."""
    tokens, counts = _tokens_and_counts([normalize_text(p) for p in paragraphs])
    starts = np.cumsum(counts, dtype=np.int64) - counts
    spans = [(int(start), count) for start, count in zip(starts, counts) if count >= size]
    values, sizes = _span_sets(word_hashes(tokens), spans, size)
    sets = iter(np.split(values, np.cumsum(sizes)[:-1]) if len(spans) else [])
    return [next(sets) if count >= size else np.empty(0, dtype=np.uint32) for count in counts]


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

    def _segment_minhashes(self, values: np.ndarray, lengths: np.ndarray, perms: int | None = None) -> np.ndarray:
        """MinHash signatures (n_segments, perms) of consecutive segments of a shingle-hash
        array (segments of `lengths`; an empty one gets datasketch's empty signature).

        One vectorised pass a chunk of columns at a time (the permuted hashes of a chunk
        take at most _CHUNK cells); a segment cut by a chunk boundary is folded in from
        both sides. Repeated values do not change a minimum, so the segments need not
        be distinct sets.
        """
        a, b = self._a[:perms, None], self._b[:perms, None]
        out = np.tile(self._empty[: len(a)], (len(lengths), 1))
        starts = np.cumsum(lengths) - lengths
        filled = np.flatnonzero(lengths > 0)  # the segments with values: their starts increase
        filled_starts = starts[filled]
        step = max(1, _CHUNK // len(a))
        for lo in range(0, len(values), step):
            hi = min(lo + step, len(values))
            # the segments with values in [lo, hi): the one running into the chunk, then those starting in it
            first = np.searchsorted(filled_starts, lo, side="right") - 1
            last = np.searchsorted(filled_starts, hi, side="left")
            here = filled[max(first, 0) : last]
            cuts = np.maximum(starts[here], lo) - lo
            with np.errstate(over="ignore"):
                permuted = a * _premix(values[lo:hi], self._width)[None, :] + b
            out[here] = np.minimum(out[here], np.minimum.reduceat(permuted, cuts, axis=1).T)
        return out

    def sketch_sets(self, shingle_sets: list[np.ndarray], perms: int | None = None) -> list[Sketch]:
        """MinHash signatures of many shingle-hash sets (uint32 arrays) in bulk.

        With `perms`, only the first `perms` values of each signature are computed.
        """
        lengths = np.array([len(s) for s in shingle_sets], dtype=np.int64)
        values = np.concatenate(shingle_sets) if shingle_sets else np.empty(0, dtype=np.uint32)
        signatures = self._segment_minhashes(values, lengths, perms)
        return [Sketch(row, len(s)) for row, s in zip(signatures, shingle_sets)]

    def sign(self, article: Article) -> Signed:
        """Content hash, article sketch and paragraph sketches of a cleaned article."""
        return self.sign_many([article])[0]

    def sign_many(self, articles: list[Article]) -> list[Signed]:
        """Sign a batch of articles, with the word shingles and MinHash passes of the
        whole batch done at once (per article there are only its words to find).

        Per article: the content hash of its normalised text, the sketch of its word
        shingles, the sketch of its first half (its head), its LSH keys and, for each
        paragraph that can be a passage, its shingle set, a sketch of `paragraph_perms`
        values and its LSH keys. A paragraph's shingles are those of the article's word
        sequence that start and end inside it.
        """
        opts = self.options
        min_words = max(opts.paragraph_min_words, opts.paragraph_shingle_size)
        tokens: list[bytes] = []
        word_counts: list[int] = []  # per article
        spans: list[tuple[int, int]] = []  # per paragraph that can be a passage: (first word, words), batch-wide
        layout: list[tuple[list[int], str, dict[int, tuple[str, int]]]] = []
        for article in articles:
            normalized = [normalize_text(p) for p in article.paragraphs]
            words, counts = _tokens_and_counts(normalized)
            positions, start = [], len(tokens)
            for position, (paragraph, text, count) in enumerate(zip(article.paragraphs, normalized, counts)):
                if count >= opts.paragraph_shingle_size and length_in_words(text, count) >= min_words \
                        and reads_as_prose(paragraph):
                    spans.append((start, count))
                    positions.append(position)
                start += count
            tokens += words
            word_counts.append(len(words))
            layout.append((positions, hashlib.sha256(" ".join(normalized).encode("utf-8")).hexdigest(),
                           short_lines(normalized, opts.paragraph_min_words)))
        hashes = word_hashes(tokens)
        word_starts = np.cumsum(word_counts, dtype=np.int64) - word_counts
        doc_sketches = self._doc_sketches(hashes, word_starts, np.array(word_counts, dtype=np.int64))
        paragraph_sets, set_sizes = self._paragraph_sets(hashes, spans)
        paragraph_sketches = self._segment_minhashes(paragraph_sets, set_sizes, self.paragraph_perms)
        article_keys = self._keys(np.array([whole.values for whole, _ in doc_sketches]), self.articles)
        paragraph_keys = self._keys(paragraph_sketches, self.paragraphs)  # the sketches are not kept
        set_ends = np.cumsum(set_sizes)
        signed, first = [], 0
        for k, (article, (positions, digest, short)) in enumerate(zip(articles, layout)):
            end = first + len(positions)
            lo = int(set_ends[first - 1]) if first else 0
            whole, head = doc_sketches[k]
            signed.append(Signed(article, digest, whole, head, np.array(positions, dtype=np.int32),
                                 paragraph_sets[lo : int(set_ends[end - 1]) if end else lo].copy(),
                                 set_ends[first:end] - lo, article_keys[k : k + 1], paragraph_keys[first:end],
                                 short))
            first = end
        return signed

    def article_sketches(self, articles: list[list[str]]) -> list[tuple[Sketch, Sketch]]:
        """(whole, first half) sketches of articles given as their paragraphs, the ones
        `sign_many` gives them: the archive recomputes a stored article's sketches when a
        new article's verification needs them, instead of keeping every article's."""
        tokens: list[bytes] = []
        word_counts: list[int] = []
        for paragraphs in articles:
            words, _ = _tokens_and_counts([normalize_text(p) for p in paragraphs])
            tokens += words
            word_counts.append(len(words))
        starts = np.cumsum(word_counts, dtype=np.int64) - word_counts
        return self._doc_sketches(word_hashes(tokens), starts, np.array(word_counts, dtype=np.int64))

    def _doc_sketches(self, hashes: np.ndarray, starts: np.ndarray, counts: np.ndarray) -> list[tuple[Sketch, Sketch]]:
        """(whole, first half) sketches of each article's word shingles (its words are
        hashes[start : start + count]); each shingle is permuted once."""
        size = self.options.article_shingle_size
        shingles = shingles_of_word_hashes(hashes, size)  # batch-wide: those across two articles are left out
        lengths = np.maximum(counts - size + 1, 0)
        sequence = shingles[_ranges(starts, lengths)] if len(shingles) else np.empty(0, dtype=np.uint32)
        for k in np.flatnonzero((counts > 0) & (counts < size)):  # one shingle of all its words
            lengths[k] = 1
            own = shingles_of_word_hashes(hashes[starts[k] : starts[k] + counts[k]], size)
            at = int(lengths[:k].sum())
            sequence = np.concatenate([sequence[:at], own, sequence[at:]])
        heads = (lengths + 1) // 2
        halves = np.column_stack([heads, lengths - heads]).ravel()
        parts = self._segment_minhashes(sequence, halves)
        _, whole_sizes = _distinct_per_segment(sequence, lengths)
        head_starts = np.cumsum(lengths) - lengths
        _, head_sizes = _distinct_per_segment(sequence[_ranges(head_starts, heads)], heads)
        whole = np.minimum(parts[0::2], parts[1::2])
        return [(Sketch(w, n), Sketch(h, m)) for w, h, n, m in
                zip(whole, parts[0::2], whole_sizes.tolist(), head_sizes.tolist())]

    def _paragraph_sets(self, hashes: np.ndarray, spans: list[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray]:
        """The distinct word shingles of each span of words (first word, words), one set
        after another, and the size of each set."""
        return _span_sets(hashes, spans, self.options.paragraph_shingle_size)

    @staticmethod
    def _keys(signatures: np.ndarray, banding: Banding) -> np.ndarray:
        """The LSH band keys of each row of a (n, perms) signature array."""
        if not len(signatures):
            return np.empty((0, banding.bands), dtype=np.int64)
        return band_keys(signatures, banding.bands, banding.rows)
