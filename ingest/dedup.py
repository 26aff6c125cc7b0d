"""Dedup decisions: exact duplicate, near-duplicate articles, repeated paragraphs.

The Deduper reads the archive's LSH indexes (through the Archive it is given) and
returns a Decision; it writes nothing. Candidates come from LSH tuned to recall and
are verified with the MinHash estimate. Every verified pair is returned, not only
the best one: the archive keeps them as edges, and clusters and passages are the
connected components of those edges, so the outcome does not depend on the order
or the batch size in which articles arrive (each pair is checked exactly once, when
the later of the two arrives, with a symmetric test). One exception: a paragraph's
matches that would put it in two passages at once (it merges two reused passages, or
it is a copy of one contained in such a merge) keep only one passage's
(`one_passage`), and which one can depend on what was stored first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from store.arrays import sorted_unique

from .config import DedupOptions
from .fingerprint import Signed, Sketch, containment, jaccard
from .normalize import normalize_text, shingles_of_word_hashes, word_hashes, word_tokens

# An article pair the MinHash estimate rejects, but within this of a threshold (Jaccard,
# or containment with its first-half test), is decided on its exact shingle sets, made
# again from the two texts. With 128 permutations the estimate of a Jaccard near 0.4 errs
# by 0.04 (one standard deviation), and the containment derived from it by up to three
# times that when one article is much shorter: a trimmed copy at a true containment of
# 0.83 was estimated at 0.69. Light edits in Chinese or Japanese (characters dropped)
# put trimmed copies near the thresholds more often than in English.
EXACT_MARGIN = 0.2


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
    match = _passage_match(a, b, options)
    return None if match is None else match[0]


def _passage_match(a: np.ndarray, b: np.ndarray, options: DedupOptions) -> tuple[float, float] | None:
    """(passage_score, Jaccard) of two paragraphs, or None when they are not the same passage."""
    if not len(a) or not len(b):
        return None
    common = len(np.intersect1d(a, b, assume_unique=True))
    j = common / (len(a) + len(b) - common)
    c = common / min(len(a), len(b))
    if j >= options.passage_jaccard or c >= options.passage_containment:
        return max(j, c), j
    return None


def passage_scores(a: np.ndarray, others: list[np.ndarray], options: DedupOptions) -> list[float | None]:
    """`passage_score` of one paragraph against many, in a few array operations: a passage
    repeated in thousands of articles gives a new copy thousands of candidates."""
    return [None if m is None else m[0] for m in passage_matches(a, others, options)]


def passage_matches(a: np.ndarray, others: list[np.ndarray],
                    options: DedupOptions) -> list[tuple[float, float] | None]:
    """For each of the others: (passage_score, Jaccard), or None when they are not the same passage."""
    if len(others) < 8 or not len(a):
        return [_passage_match(a, b, options) for b in others]
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
    return [(float(max(jj, cc)), float(jj)) if ok else None for jj, cc, ok in zip(j.tolist(), c.tolist(), same.tolist())]


# How many other members of a stored passage a larger match's passage is checked against.
PASSAGE_SAMPLE = 8
# A match with this many times the new paragraph's shingles may be a merge of it and another
# passage, however alike by Jaccard (a merge of two equal halves is at 0.5).
MERGED_SIZE = 1.5


def one_passage(own: np.ndarray, matches: list[tuple[int, float, float]], shingles: dict[int, np.ndarray],
                options: DedupOptions, places: Callable[[list[int]], dict[int, tuple[int, int | None]]],
                members: Callable[[int, int, int], list[np.ndarray]],
                copies: frozenset[int] = frozenset()) -> list[tuple[int, float]]:
    """The matches of one new paragraph that keep it in one passage: (candidate, score) of
    `matches` (candidate, score, Jaccard).

    A paragraph that merges two reused passages contains each of them (containment 0.7 or
    more), and a copy of one passage is contained in such a merge: kept as edges, either
    would join the two passages into one. So, of the candidates in other stories than the
    new article's (`copies`: the articles it near-duplicates; `places`: each candidate's
    article and stored passage), the one most alike by Jaccard is the anchor, and a match
    is kept only if it is the same passage as the anchor (a passage match between the
    two). A match larger than the new paragraph (alike to it only by containment, or
    MERGED_SIZE times its size) that is in a stored passage is kept only if the new
    paragraph also matches another of that passage's members (`members`: the
    shingle sets of up to PASSAGE_SAMPLE of them): a merge of A and B that joined A's
    passage does not take B's copies in. Matches in the article's own copies are kept:
    passages are made only of edges between stories.
    """
    larger = {item for item, _, jaccard in matches if len(shingles[item]) >= MERGED_SIZE * len(own)
              or (jaccard < options.passage_jaccard and len(shingles[item]) >= len(own))}
    if not larger and all(jaccard >= options.passage_jaccard for _, _, jaccard in matches):
        return [(item, score) for item, score, _ in matches]  # copies of about its own size: no lookup
    looked_up = [item for item, _, _ in matches] if copies else sorted(larger)
    found = places(looked_up) if looked_up else {}
    own_story = {item for item, _, _ in matches if item in found and found[item][0] in copies}
    kept = [(item, score) for item, score, _ in matches if item in own_story]
    elsewhere = [m for m in matches if m[0] not in own_story]
    if not elsewhere:
        return sorted(kept)
    anchor, anchor_score, _ = max(elsewhere, key=lambda m: (m[2], m[1], -m[0]))
    others = [m for m in elsewhere if m[0] != anchor]
    related = passage_matches(shingles[anchor], [shingles[item] for item, _, _ in others], options)
    same = [(anchor, anchor_score)] + [(item, score) for (item, score, _), match in zip(others, related)
                                       if match is not None]
    checked: dict[int, bool] = {}

    def joins(item: int) -> bool:
        passage = found.get(item, (None, None))[1]
        if item not in larger or passage is None:
            return True
        if passage not in checked:
            sample = members(passage, item, PASSAGE_SAMPLE)
            checked[passage] = not sample or any(m is not None for m in passage_matches(own, sample, options))
        return checked[passage]

    return sorted(kept + [(item, score) for item, score in same if joins(item)])


def article_score(a: Sketch, b: Sketch, head_a: Sketch | None, head_b: Sketch | None,
                  options: DedupOptions) -> float | None:
    """Similarity of two articles if they are near-duplicates, else None.

    Jaccard alone decides close copies. A trimmed copy (the smaller article contained
    in the larger) must also keep the larger one's first half: news is cut from the
    bottom, while a follow-up story repeats a scattered part as background.
    An article without shingles (no words left) is nobody's near-duplicate: the empty
    sketches of two such articles are equal.
    """
    if not a.size or not b.size:
        return None
    j, c = resemblance(a, b)
    if j >= options.article_jaccard:
        return j
    if c >= options.article_containment and head_a is not None and head_b is not None:
        small, large_head = (a, head_b) if a.size <= b.size else (b, head_a)
        if containment(large_head, small) >= options.head_containment:
            return c
    return None


def article_shingles(text: str, size: int) -> np.ndarray:
    """The article's word `size`-shingles in text order, as its sketch is made of them
    (the text: its paragraphs joined by blank lines, as the archive stores it)."""
    tokens = word_tokens(normalize_text(text))
    if not tokens:
        return np.empty(0, dtype=np.uint32)
    return shingles_of_word_hashes(word_hashes(tokens), size)


def exact_article_score(a: np.ndarray, b: np.ndarray, options: DedupOptions) -> float | None:
    """`article_score` on exact shingle sequences (of `article_shingles`) instead of sketches."""
    set_a, set_b = sorted_unique(a), sorted_unique(b)
    if not len(set_a) or not len(set_b):
        return None
    common = len(np.intersect1d(set_a, set_b, assume_unique=True))
    j = common / (len(set_a) + len(set_b) - common)
    if j >= options.article_jaccard:
        return j
    c = common / min(len(set_a), len(set_b))
    if c < options.article_containment:
        return None
    small, large = (set_a, b) if len(set_a) <= len(set_b) else (set_b, a)
    head = sorted_unique(large[: (len(large) + 1) // 2])
    if len(np.intersect1d(head, small, assume_unique=True)) / len(head) >= options.head_containment:
        return c
    return None


def near_threshold(a: Sketch, b: Sketch, options: DedupOptions) -> bool:
    """Whether the estimate of a pair is within EXACT_MARGIN of a threshold (see there)."""
    j, c = resemblance(a, b)
    return j >= options.article_jaccard - EXACT_MARGIN or c >= options.article_containment - EXACT_MARGIN


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
        articles = tuple(self._articles(signed, signed.article_keys))
        copies = frozenset(match.article_id for match in articles)
        return Decision(signed, article_matches=articles,
                        paragraph_matches=tuple(self._paragraphs(signed, signed.paragraph_keys, copies)))

    def _articles(self, signed: Signed, keys: np.ndarray):
        items = self.archive.articles_index.query(keys)[0]
        if not items:
            return
        sketches = self.archive.article_sketches.get(items)
        heads = self.archive.article_heads.get(items)
        own: np.ndarray | None = None
        for item in sorted(sketches):
            values, size = sketches[item]
            head = Sketch(*heads[item]) if item in heads else None
            stored = Sketch(values, size)
            score = article_score(signed.sketch, stored, signed.head, head, self.options)
            if score is None and near_threshold(signed.sketch, stored, self.options):
                if own is None:
                    own = article_shingles("\n\n".join(signed.article.paragraphs), self.options.article_shingle_size)
                score = self._exact(own, item)
            if score is not None:
                yield ArticleMatch(item, round(score, 4))

    def _exact(self, own: np.ndarray, item: int) -> float | None:
        """exact_article_score of the new article's shingles and a stored article's."""
        row = self.archive.db.execute("SELECT text FROM articles WHERE id = ?", [item]).fetchone()
        if row is None or row[0] is None:
            return None
        return exact_article_score(own, article_shingles(row[0], self.options.article_shingle_size), self.options)

    def _paragraphs(self, signed: Signed, keys: np.ndarray, copies: frozenset[int] = frozenset()):
        if not signed.paragraphs:
            return
        candidates = self.archive.paragraphs_index.query(keys)
        stored = self.archive.paragraph_shingles.get(set().union(*candidates))
        for paragraph, items in zip(signed.paragraphs, candidates):
            ordered = sorted(items)
            found = passage_matches(paragraph.shingles, [stored[item][0] for item in ordered], self.options)
            matches = [(item, m[0], m[1]) for item, m in zip(ordered, found) if m is not None]
            if not matches:
                continue
            kept = one_passage(paragraph.shingles, matches, {item: stored[item][0] for item, _, _ in matches},
                               self.options, self.archive.paragraph_places, self.archive.passage_members, copies)
            for item, score in kept:
                yield ParagraphMatch(paragraph.position, item, round(score, 4))
