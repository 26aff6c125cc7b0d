"""Inside the body block: runs of headlines that are no part of the article, and the box of
teasers it may end with.

The densest block (ingest.clean.blocks) runs over what scores as text between and after
the article's paragraphs: a box of teaser headlines or a player's controls between two
paragraphs (dull_runs), a list of related stories with their blurbs under the article
(trim_teaser_tail), a related heading over teasers with their dates (trim_teaser_box).
"""

from __future__ import annotations

from bisect import bisect_left

from . import rules as R
from .blocks import listy


# A run of this many items inside the body block none of which carries content (a
# sentence or a list item) is no part of the article: a box of teaser headlines with
# their kickers, a player's controls. A subheading or a caption stands alone.
DULL_RUN = 4
# What a headline may open with besides a capital or a digit: an opening quote or mark.
_HEADLINE_OPENERS = frozenset("„“\"«‚‘'¿¡")


def _headline_start(text: str) -> bool:
    """Whether the line opens as a headline may: with a capital, a digit or an opening quote (a
    bulleted list item, a line of code or a sentence's continuation opens otherwise)."""
    head = text[:1]
    return head.isupper() or head.isdigit() or head in _HEADLINE_OPENERS


# A headline of a tight run has at least this many words (fewer: a label, "Article content").
TIGHT_HEADLINE_WORDS = 4


def _framed(texts: list[str], words: list[int]) -> bool:
    """Whether a tight run is one headline among copies of one short label: a sub-heading
    that the page's label between paragraphs ("Article content") sets close above and below,
    not a list of headlines (two or more) or a teaser under its tags ("Energy", "Hydrogen")."""
    labels = {text for text, n in zip(texts, words) if n < TIGHT_HEADLINE_WORDS}
    return len(labels) <= 1 and sum(n >= TIGHT_HEADLINE_WORDS for n in words) == 1


def dull_runs(start: int, end: int, scores: list[float], rules: list, texts: list[str], words: list[int],
              ends: list[bool], tight: list[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """The item ranges inside [start, end) that are runs of DULL_RUN or more items
    without content (see blocks.extend_block for what counts as a list item). A line of a
    `tight` run (scoring.damp_headline_runs: lines set close on a page that spaces its
    paragraphs, not after a line that introduces it with a colon, not a sub-heading framed by
    the page's label, _framed) that opens as a headline
    (_headline_start) and reads as a phrase in sentence case is a headline of a list of
    them, not an item of the article's: an item of the article's enumerates or gives a
    quantity (blocks.listy), and a bulleted item or a line of code opens otherwise."""
    in_tight = set()
    for a, b in tight:
        if a < end and b > start and not (a > 0 and texts[a - 1].endswith((":", "："))) \
                and not _framed(texts[a:b], words[a:b]):  # (not a list it introduces)
            in_tight.update(range(a, b))
    runs = []
    first = start
    for i in range(start, end + 1):
        headline = i in in_tight and _headline_start(texts[i])  # a phrase in sentence case is no item here
        if i < end and scores[i] <= 0 and (rules[i] is not None or ends[i]
                                           or not listy(texts[i], words[i], cased=not headline)):
            continue
        if i - first >= DULL_RUN:
            runs.append((first, i))
        first = i + 1
    return runs


# The body block ending in this many headline-and-blurb pairs ends before them.
TEASER_TAIL_PAIRS = 3
# A teaser's blurb has at most this many words (characters in scripts without spaces): a
# longer one is a section of the article under its sub-heading. (On the dev sets every blurb
# the tail cut had under 40 words; of the damped blurbs of 40 words or more, 60% are gold.)
TEASER_BLURB_MAX_WORDS = 40


def trim_teaser_tail(start: int, end: int, blurbs: list[int], scores: list[float],
                     words: list[int]) -> int:
    """The body block's end without the list of teasers it ends with, if any.

    A list of related stories after an article (a headline without closing
    punctuation, then a one-sentence blurb, again and again) scores as text, damped
    (scoring.damp_teasers, which returns the damped blurbs `blurbs`), and the densest
    block runs on over it. When the block's last content items are TEASER_TAIL_PAIRS
    or more such blurbs two items apart, each of at most TEASER_BLURB_MAX_WORDS `words`,
    the block ends before the first one's headline. Only the tail is cut: an article of
    subheadings and short sections keeps its middle, and one whose sections are a
    paragraph each keeps them all.
    """
    j = end - 1
    while j > start and scores[j] <= 0:
        j -= 1
    k = bisect_left(blurbs, j + 1) - 1
    pairs = 0
    while k >= 0 and blurbs[k] == j and words[j] <= TEASER_BLURB_MAX_WORDS:
        pairs += 1
        j -= 2
        k -= 1
    if pairs >= TEASER_TAIL_PAIRS and j + 1 > start:
        return j + 1
    return end


# The rules of the lines a teaser in a box may carry above its headline or its blurb: its time, its date.
_TEASER_DATES = frozenset({R.TIMESTAMP, R.COUNTER, R.PUBLISHED})
# A teaser's headline has at most this many words, and may end with a question or an
# exclamation ("Ab wann sind Streiks unverhältnismäßig?"), never with a full stop.
TEASER_HEADLINE_MAX_WORDS = 20
_HEADLINE_ENDS = ("?", "!", "？", "！")


def trim_teaser_box(start: int, end: int, scores: list[float], rules: list, texts: list[str],
                    words: list[int], ends: list[bool]) -> int:
    """The body block's end before a related-stories box that runs to its end, if any.

    A box under its heading ("Das könnte Sie auch interessieren", rule phrase:related, with
    no teaser on its line) whose every item up to the block's end is a teaser: a headline (no
    rule, at most TEASER_HEADLINE_MAX_WORDS words, no full stop), then a blurb (no rule, ending
    with a sentence's end, at most TEASER_BLURB_MAX_WORDS words), each with the teaser's date
    or time lines (_TEASER_DATES) before it if any. Its blurbs score as text and stand between
    a headline and a date, so neither the box's labels (labels.label_items ends the box at the
    first sentence) nor trim_teaser_tail (blurbs between two headlines) take them.
    TEASER_TAIL_PAIRS or more headline-and-blurb teasers make the box; fewer, after a heading
    in the middle of a page, may be the article's last sub-headed sections.
    """
    i = start
    while True:
        try:  # (list.index: most blocks have no related heading, and the scan is C's)
            i = rules.index(R.RELATED, i + 1, end)
        except ValueError:
            return end
        if R.inline_teaser(texts[i]):
            continue
        j, pairs = i + 1, 0
        while j < end:
            while j < end and rules[j] in _TEASER_DATES:
                j += 1
            if not (j < end and rules[j] is None and 2 <= words[j] <= TEASER_HEADLINE_MAX_WORDS
                    and (not ends[j] or texts[j].endswith(_HEADLINE_ENDS))):
                break
            k = j + 1
            while k < end and rules[k] in _TEASER_DATES:
                k += 1
            if not (k < end and rules[k] is None and ends[k] and words[k] <= TEASER_BLURB_MAX_WORDS and scores[k] > 0):
                break
            pairs += 1
            j = k + 1
        if j >= end and pairs >= TEASER_TAIL_PAIRS:
            return i
