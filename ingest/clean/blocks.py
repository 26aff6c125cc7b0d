"""Block decisions: where the article's body is among the scored items, and what in it is no body.

The article is the densest block (maximum-sum run of item scores), moved to
follow the headline that repeats the page title, joined with dense blocks
nearby (an article cut by a chart or a gallery; with no headline, the block
whose merged whole holds the most), extended over a list that
continues it. Inside it, an end marker (comments widget, subscription box,
copyright notice) ends the article unless the article resumes after it; runs of
headlines and boxes of teasers inside it are found in ingest.clean.teasers.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable

from . import rules as R
from .labels import SIGN_UP_RULES, is_end_marker, item_number
from .lines import SENTENCE_MARKS, last_mark
from .scoring import REPEAT_SCORE

# A run of non-content lines costs this much more for each line it already has.
RUN_STEP = 2.0

def best_block(scores: list[float], candidates: list[int],
                stop: int | None = None) -> tuple[int, int, float]:
    """Indices [start, end) of the maximum-sum run of item scores (empty if none > 0), and its sum.

    Runs end at `stop` (default: the last item).

    Consecutive non-content lines cost more the longer their run: one subheading
    or caption between paragraphs is cheap, a menu of twenty links is not.
    Kadane's scan: once the running sum is at or below zero it restarts at the
    next item, so the scan jumps to the next positive item; `candidates` lists
    (in order) the indices whose score may be positive.
    """
    best_s, best_e, best = 0, 0, 0.0
    for start, end, score in runs(scores, candidates, stop):
        if score > best:  # the first of equal runs
            best_s, best_e, best = start, end, score
    return best_s, best_e, best


_DIGIT = re.compile(r"\d")


# A line of this many words with a number is an entry of a schedule or a table
# ("June 9 – West Palm Beach, FL @ Coral Sky Amphitheatre"), even in title case.
LISTY_DATED_WORDS = 7


def listy(text: str, n: int, cased: bool = True) -> bool:
    """A short line that carries content rather than a link label.

    List items of an article (ingredients, steps, schedules) are short and lack
    closing punctuation like menu entries, but they enumerate (two or more
    commas), give quantities (a number next to lower-case words) or read as a
    phrase in sentence case (unless not `cased`: a headline reads so too, and a number
    in its middle is its news, "Mine blast kills 90 people": a quantity leads the line,
    "2 cups of flour"); a menu entry is one to a few capitalised words.
    """
    if n < 4:
        return False
    if text.count(",") + text.count("、") + text.count("，") >= 2:  # Latin, CJK enumeration commas
        return True
    split = text.split()
    lower = sum(1 for word in split if word[0].islower())
    if not cased and 2 * lower >= n:  # a headline in sentence case
        return _DIGIT.search(" ".join(split[:2])) is not None
    return cased and 2 * lower >= n or bool((lower or n >= LISTY_DATED_WORDS) and _DIGIT.search(text))


EXTEND_MIN_CONTENT = 4
EXTEND_MAX_LABELS = 2
EXTEND_RATIO = 1.0


def extend_block(end: int, scores: list[float], rules: list, texts: list[str], words: list[int],
                  ends: list[bool]) -> int:
    """Extend the body block downwards over a list that continues it.

    After the densest block, a run of list items (lines that carry content:
    listy or scoring positive) with at most EXTEND_MAX_LABELS consecutive other
    lines between them (subheadings such as "Step 2") still belongs to the
    article. A line that occurs again on the page (scored REPEAT_SCORE) is no
    list item: a subscription prompt repeated for each offer is not a list. The run ends at any rule line (share row, related marker, comments,
    copyright, ...) or at a longer run of label-like lines; it is taken only if
    it holds at least EXTEND_MIN_CONTENT content lines and at least as many
    content lines as label-like ones, so a menu after the body stays out.
    """
    content = labels = gap = 0
    best = end
    for j in range(end, len(scores)):
        if rules[j] is not None:
            break
        if scores[j] > 0 or not ends[j] and scores[j] > REPEAT_SCORE and listy(texts[j], words[j]):
            content += 1
            gap = 0
            if content >= EXTEND_MIN_CONTENT and content >= EXTEND_RATIO * labels:
                best = j + 1
        else:
            labels += 1
            gap += 1
            if gap > EXTEND_MAX_LABELS:
                break
    return best


# A listicle's numbered items ("1. Evergrande owned more than 1,300 projects."), each a sentence,
# with a photo, its credit and an embed's notice between two of them: a chain of at least
# NUMBERED_MIN_ITEMS items numbered on from the body's last numbered sentence (or from 1), each at
# most NUMBERED_GAP items after the one before, continues the article past the block's end.
NUMBERED_MIN_ITEMS = 3
NUMBERED_GAP = 10


def extend_numbered(start: int, end: int, rules: list, texts: list[str], ends: list[bool]) -> int:
    """The body block's end moved past the numbered items that continue its list (see
    NUMBERED_MIN_ITEMS), or `end`."""
    expect = None
    for i in range(end - 1, start - 1, -1):  # the body's last numbered sentence
        if texts[i][:1].isdigit() and ends[i] and (number := item_number(texts[i])):
            expect = (number[0] + 1, number[1])
            break
    chain: list[int] = []
    last, n = end - 1, len(texts)
    i = end
    while i < n and i - last <= NUMBERED_GAP:
        if texts[i][:1].isdigit() and ends[i] and rules[i] is None and (number := item_number(texts[i])) \
                and (number == expect if expect else number[0] == 1):
            chain.append(i)
            last, expect = i, (number[0] + 1, number[1])
        i += 1
    return chain[-1] + 1 if len(chain) >= NUMBERED_MIN_ITEMS else end


MERGE_GAP = 60
# A block with this many comment heads ("Jane on May 2, 2020 at 4:47 pm said:") is a thread of
# readers' comments, not the article, however much denser than the article it is.
THREAD_HEADS = 2
MERGE_SHARE = 0.4
# On a page with no chrome (rules.no_chrome: an article already extracted, as scrapers
# save what trafilatura, newspaper or a feed's full text give), nothing tells a dense
# block near the article from a part of it: every one within MERGE_GAP is joined, and
# the lines between (a table, a list, code) stay.
BARE_SHARE = 0.0
MERGE_MAX = 16  # joins each way: bounds the work on a page of many small blocks
_LABEL_ENDS = (":", "：")


def _stops_merge(rule: str | None, text: str) -> bool:
    """Whether a line between two blocks separates the article from what follows."""
    # A share row also sits in a video player or under a photo between two parts of one article,
    # and a "Related" or "Trending" box between two of its paragraphs: its teasers go as
    # density, the article goes on. So does a teaser's comment count under its label, saved a
    # text node a line ("Kommentare:" over its number): a label, not the comments' heading
    # (whether the article goes on after a heading is for labels.ends_article to say).
    if rule == R.SHARE or rule == R.COMMENTS and text.endswith(_LABEL_ENDS):
        return False
    return is_end_marker(rule, text)


def _opening_paragraph(rules: list, texts: list[str], anchor: int | None, a: int, b: int) -> bool:
    """Whether the block [a, b) is the headline's opening paragraph: within ANCHOR_REACH items
    under the `anchor`, ending a sentence, with no end marker in it (a sign-up box, a
    newsletter's or a paywall's, set after it parts it from the rest of the article, no more)."""
    return (anchor is not None and anchor <= a <= anchor + ANCHOR_REACH and last_mark(texts[b - 1]) in SENTENCE_MARKS
            and not any(_stops_merge(rules[j], texts[j]) for j in range(a, b)))


# A block before the body is the article's opening, cut from the rest by a list, a table of
# contents or a chart, or by the byline, date and share row under its headline, when it
# starts after the headline that repeats the page title (blocks.headline_anchor), or when
# only the article's own lines lie between (_bare_gap: a list, a chart's labels, twice where the
# page draws the chart for wide and for narrow screens; a date, a
# byline or a caption among them; _contents_gap: a table of contents, whose lines repeat the
# article's sub-headings): it is joined if it scores `share` of LEAD_CAP, however
# long the rest is. (After the body such a block may as well be a box: an appeal, a login
# form under a list of names.) LEAD_CAP was chosen leaving one dev set out at a time
# (50-300 tried; 60 was best on every pair of sets and lowers none left out).
LEAD_CAP = 60.0
# On a page with no headline anchor, any other block above the body but the page's first line
# (its <title>, with whatever the save ran into it) is joined if it scores ABOVE_FACTOR times
# `share` of the body, a block below only if it scores `share`: what follows an article reads as
# prose (readers' comments, an author's note, a box's blurbs), what precedes it (a menu, a site's
# teasers) seldom does. Every set's figure was flat from 0.25 to 0.35 times the body (0.75 =
# 0.3 / MERGE_SHARE, the middle) and aeb-dev lost precision at 0.2, so with any one set left out
# the others chose that plateau (docs/performance.md, thirtieth session); the same bar below the
# body lowered three sets. Above a headline anchor the article has not begun: the bar stays.
ABOVE_FACTOR = 0.75
_OWN_RULES = frozenset({None, R.COUNTER, R.CAPTION, R.TIMESTAMP, R.PUBLISHED, R.BYLINE})


# Between the part of the article under its headline and the denser part after it, the
# share row under its photo is the article's too.
_PART_RULES = _OWN_RULES | {R.SHARE}


def _bare_gap(rules: list, scores: list[float], a: int, b: int, own: frozenset = _OWN_RULES,
              repeats: bool = False, texts: list[str] | None = None,
              counts: Callable[[], Counter] | None = None) -> bool:
    """Whether the items [a, b) are all the article's own lines: no rule but a date, a byline,
    a caption or a counter (a chart's axis), or another of `own`, and (unless `repeats`) no line
    of text the page repeats, but (given the lines' `texts` and `counts`, how often each occurs
    on the page) within the gap alone: a chart shown twice, for wide screens and for narrow
    ones, repeats its labels there and nowhere else."""
    if all(rules[j] in own and (repeats or rules[j] is not None or scores[j] > REPEAT_SCORE) for j in range(a, b)):
        return True
    if texts is None or counts is None or repeats or not all(rules[j] in own for j in range(a, b)):
        return False
    twice = {texts[j] for j in range(a, b) if rules[j] is None and scores[j] <= REPEAT_SCORE}
    inside = Counter(texts[a:b])
    page = counts()
    return all(page[t] == inside[t] for t in twice)


def _contents_gap(rules: list, scores: list[float], texts: list[str], a: int, b: int, start: int, end: int) -> bool:
    """Whether the items [a, b) are all the article's own lines (_bare_gap) but for lines the page
    repeats that are sub-headings of the body block [start, end) listed ahead of it: its table of
    contents. A sub-heading scores nothing and opens a run of text (the line above the block is
    its first; a tag line at its end opens none)."""
    if not _bare_gap(rules, scores, a, b, repeats=True):
        return False
    headings = {texts[p]: p for p in range(max(0, start - 1), end - 1) if scores[p] <= 0 < scores[p + 1]}
    listed = texts[a:start - 1]  # the first sub-heading, right above the block, is one the table lists
    return all(rules[j] is not None or scores[j] > REPEAT_SCORE or headings.get(texts[j], j) > j
               or j == start - 1 and texts[j] in headings and texts[j] in listed
               for j in range(a, b))


def merge_blocks(scores: list[float], positive: list[int], rules: list, texts: list[str],
                  start: int, end: int, best: float, gaps: list[tuple[int, int]],
                  share: float = MERGE_SHARE, anchor: int | None = None, above: float = 1.0) -> tuple[int, int]:
    """Join to the body block the dense blocks within MERGE_GAP items of it.

    A chart's labels, a gallery or a table in the middle of an article make a
    run of lines that no sentence pays for, so the densest block holds only one
    part of the article. A block before or after it that scores at least
    `share` (MERGE_SHARE) of it, with no end marker between (a "Related" box is none), is
    another part (`positive` stops before a block the headline anchor passed over); a block
    above it `above` times that (ABOVE_FACTOR on a page with no headline anchor), but for the
    page's first line; and an opening above it `share` of at most LEAD_CAP (`anchor`: the
    headline anchor or None). The items
    between are appended to `gaps`; returns the joined block's [start, end).
    """
    page_counts: Counter | None = None

    def counts() -> Counter:
        """How often each line occurs on the page (counted once, when a gap first asks)."""
        nonlocal page_counts
        if page_counts is None:
            page_counts = Counter(texts)
        return page_counts

    for _ in range(MERGE_MAX):
        lo = bisect_right(positive, end - 1)
        near = positive[lo:bisect_right(positive, end + MERGE_GAP)]
        if not near:
            break
        s2, e2, score = best_block(scores, near)
        if score <= 0 or score < share * best or any(_stops_merge(rules[j], texts[j]) for j in range(end, s2)):
            break
        gaps.append((end, s2))
        end = e2
    for _ in range(MERGE_MAX):
        if start == 0:
            break
        lo = bisect_left(positive, start - MERGE_GAP)
        near = positive[lo:bisect_left(positive, start)]
        if not near:
            break
        s2, e2, score = best_block(scores, near, start)
        opening = (anchor is not None and s2 >= anchor or _bare_gap(rules, scores, e2, start, texts=texts, counts=counts)
                   or _contents_gap(rules, scores, texts, e2, start, start, end))
        if opening:
            need = share * min(best, LEAD_CAP)
        else:  # another part above the body: at the lowered bar, unless it is the page's first line
            need = share * best * (above if s2 > 0 else 1.0)
        stops = {rules[j] for j in range(e2, start) if _stops_merge(rules[j], texts[j])}
        if score <= 0 or score < need or stops and not (stops <= SIGN_UP_RULES
                                                        and _opening_paragraph(rules, texts, anchor, s2, e2)):
            break
        gaps.append((e2, start))
        start = s2
    return start, end


BEFORE_ANCHOR = 0.1
ANCHOR_REACH = 12
ANCHOR_SHARE = 0.4
# Between a headline and its article a page may set a toolbar of buttons ("Tweet", "Print",
# "PDF", "Download", "Clip"): where no block starts within ANCHOR_REACH items of the headline,
# items of at most BUTTON_WORDS words before the first content item after it are not counted,
# up to REACH_MAX items in all, and a block within that reach is the article if the denser one
# lies more than MERGE_GAP items after it (a footer; the article's next part is merged instead).
BUTTON_WORDS = 2
REACH_MAX = 3 * ANCHOR_REACH


def reach_end(anchor: int, words: list[int], positive: list[int]) -> int:
    """The last item within ANCHOR_REACH items after the headline anchor (item `anchor`), not
    counting the items of BUTTON_WORDS words or fewer before the first content item after it
    (`positive`: the items that score above zero), and at most REACH_MAX items after it."""
    after = bisect_right(positive, anchor)
    first = positive[after] if after < len(positive) else len(words)
    last = min(len(words) - 1, anchor + REACH_MAX)
    counted, i = 0, anchor
    while i < last and counted < ANCHOR_REACH:
        i += 1
        counted += words[i] > BUTTON_WORDS or i > first
    return i


def block_after_anchor(scores: list[float], positive: list[int], anchor: int, best: float,
                        block: tuple[int, int], reach: int | None = None) -> tuple[int, int, float]:
    """The densest block that starts within reach of the headline anchor (up to item
    `reach`, reach_end; default ANCHOR_REACH items), if it scores at least ANCHOR_SHARE of
    the densest block (`block`, which scores `best` and starts further down); else
    `block`; and its score.

    The article follows the headline that repeats the page's title; a longer
    run of sentences further down is a cookie notice, a comment thread or the
    next story.
    """
    reach = anchor + ANCHOR_REACH if reach is None else reach
    near = [i for i in positive if anchor < i <= reach]
    if not near:
        return (*block, best)
    start, end, score = best_block(scores, near)
    return (start, end, score) if score >= ANCHOR_SHARE * best else (*block, best)


# A block before the site's copyright notice that scores this share of the densest block,
# which lies after the notice, is the article: what a page shows after its footer is an
# overlay (a cookie dialog, a sign-up form, a modal that another page's text fills); and
# so is a block before a comment form (its fields: rules.FORM), after which a sidebar follows,
# or before a blog's comments heading ("5 Kommentare zu “Title”": rules.comment_count), after
# which the readers write.
NOTICE_SHARE = 0.4


def _notice_before(rules: list, texts: list[str], start: int) -> int | None:
    """Index of the last line before item `start` that reads as the site's copyright notice
    (labels.is_end_marker: "© 2020 Name. All rights reserved"), is a field of a form (a
    comment form's "Name *": what follows a form is the sidebar or the footer, never the
    article the form is under) or a blog's comments heading, or None."""
    head = rules[:start]
    heading = None  # the last comments heading (the comments lines, last first, found by list.index)
    if R.COMMENTS in head:
        back = head[::-1]
        k = back.index(R.COMMENTS)
        while True:
            if R.comment_count(texts[start - 1 - k].lower()):
                heading = start - 1 - k
                break
            try:
                k = back.index(R.COMMENTS, k + 1)
            except ValueError:
                break
    if R.COPYRIGHT not in head and R.FORM not in head:  # most pages (a C-level scan; the loop below is Python's)
        return heading
    for j in range(start - 1, -1 if heading is None else heading, -1):
        if head[j] == R.FORM or head[j] == R.COPYRIGHT and is_end_marker(head[j], texts[j]):
            return j
    return heading


def find_block(scores: list[float], positive: list[int], rules: list, texts: list[str],
               words: list[int], ends: list[bool], anchor: int | None,
               densest: tuple[int, int, float] | None = None,
               share: float = MERGE_SHARE) -> tuple[int, int, list[tuple[int, int]]]:
    """The body block's items [start, end), and the gaps (item ranges) between the dense
    blocks merge_blocks joined into it.

    `positive` lists the items that score above zero, `anchor` is the headline
    anchor (headline_anchor) or None; `densest` is best_block(scores, positive) if
    already known; `share`: what a block must score, as a share of the densest, to be
    joined to it (merge_blocks). With no anchor, merging starts from the block whose
    merged block holds the most (_widest_seed), not always from the densest.
    """
    n = len(scores)
    start, end, best = densest or best_block(scores, positive)
    notice = _notice_before(rules, texts, start)
    if notice is not None:  # the densest block lies after the site's copyright notice
        head = positive[:bisect_left(positive, notice)]
        s2, e2, score = best_block(scores, head)
        if score >= NOTICE_SHARE * best:  # an overlay or a dialog after the footer, not the article
            positive, (start, end, best) = head, (s2, e2, score)
    limit = n  # where merging stops: the denser block the headline anchor passed over
    if anchor is not None and start > anchor + ANCHOR_REACH:
        limit = start
        densest = (start, end)
        start, end, best = block_after_anchor(scores, positive, anchor, best, densest)
        if start > anchor + ANCHOR_REACH:
            limit = n
            # Nothing within reach: a toolbar of buttons may have carried the article past it.
            # The block within the longer reach is the article if the denser one lies beyond
            # merging distance of it (a footer, not the article's next part, which merging joins).
            reach = reach_end(anchor, words, positive)
            s2, e2, score = block_after_anchor(scores, positive, anchor, best, densest, reach)
            if s2 <= reach and densest[0] - e2 > MERGE_GAP:
                limit, (start, end, best) = densest[0], (s2, e2, score)
            if start > anchor + ANCHOR_REACH and rules[start:end].count(R.COMMENTS) >= THREAD_HEADS:
                # The denser block is the readers' thread (their comments' heads in it): the block
                # within reach of the headline, above the thread's heading, is a short article.
                s2, e2, score = best_block(scores, [i for i in positive if anchor < i <= reach])
                if score > 0 and R.COMMENTS in rules[e2:start]:
                    limit, (start, end, best) = start, (s2, e2, score)
    gaps: list[tuple[int, int]] = []
    if end > start:
        if anchor is None and share > 0:  # (then limit is n: merging is _widest_seed's)
            start, end, best, gaps = _widest_seed(scores, positive, rules, texts, (start, end, best), share)
        else:
            start, end = merge_blocks(scores, positive[:bisect_left(positive, limit)], rules, texts,
                                      start, end, best, gaps, share, anchor)
        if end <= limit < n and limit - end <= MERGE_GAP and _bare_gap(rules, scores, end, limit, _PART_RULES, True):
            # The article runs on to the denser block the anchor passed over, with only its own
            # lines between (a chart): that block is its next part, not a notice or the next story.
            start, end = merge_blocks(scores, positive, rules, texts, start, end, best, gaps, share)
        end = extend_block(end, scores, rules, texts, words, ends)
        end = extend_numbered(start, end, rules, texts, ends)
    return start, end, gaps


# With no headline anchor, the densest block and this many runs before it are weighed
# (bounds the work; 2 to 8 gave the same figures on every dev set and shape).
SEEDS = 4


def runs(scores: list[float], candidates: list[int], stop: int | None = None) -> list[tuple[int, int, float]]:
    """The maximum-sum run best_block's scan finds from each of its restarts, as
    (start, end, sum): the page's dense blocks, in order. Runs end at `stop` (default:
    the last item)."""
    out = []
    n = len(scores) if stop is None else stop
    i = 0
    for start in candidates:
        if start < i or scores[start] <= 0:
            continue
        cur, penalty, i = 0.0, 0.0, start
        best, best_e = 0.0, start
        while i < n:
            score = scores[i]
            if score > 0:
                penalty = 0.0
            else:
                score -= penalty
                penalty += RUN_STEP
            cur += score
            i += 1
            if cur > best:
                best, best_e = cur, i
            elif cur <= 0:
                break
        out.append((start, best_e, best))
    return out


def _widest_seed(scores: list[float], positive: list[int], rules: list, texts: list[str],
                 densest: tuple[int, int, float], share: float) -> tuple[int, int, float, list[tuple[int, int]]]:
    """Of the densest block and the SEEDS - 1 densest runs before it that score `share` of
    it, the one whose merged block (merge_blocks) holds the most score: that merged block's
    [start, end), the seed's score and the merge's gaps. With no headline anchor, an article
    cut into parts by charts, photos and a video player holds more than a denser notice
    after it (an ad-blocker notice, or the article's own last part, whose merging stops at
    the weaker parts before it). Runs after the densest block are no candidates: a consent
    notice or a footer after an article chains with its like."""
    best = densest[2]
    before = positive[:bisect_left(positive, densest[0])]
    seeds = sorted((r for r in runs(scores, before) if r[2] >= share * best), key=lambda r: -r[2])[:SEEDS - 1]
    choice, most = None, -1.0
    for seed in [densest, *seeds]:
        gaps: list[tuple[int, int]] = []
        a, b = merge_blocks(scores, positive, rules, texts, seed[0], seed[1], seed[2], gaps, share,
                            above=ABOVE_FACTOR)
        held = sum(x for x in scores[a:b] if x > 0)
        if held > most:
            choice, most = (a, b, seed[2], gaps), held
    return choice


# --- a page without a run of sentences ------------------------------------------------
#
# The article is the densest run of sentences when the page has one. A page whose densest
# run scores under WEAK_BLOCK (a few sentences' worth) may hold its article in lines that
# end no sentence: a blog written in lines without 。, a post that is only a list, a
# poem. There a line of text (no rule, not repeated on the page, TEXT_LINE_WORDS words or
# more, after the headline that repeats the page title if there is one) counts
# TEXT_LINE_SHARE of its words, and the densest run of such lines is the article if it
# scores LINE_RUN_FACTOR times the run of sentences, and WEAK_BLOCK, or more, and holds
# that run: a short article is never traded for a list of headlines beside it.
WEAK_BLOCK = 50.0
TEXT_LINE_WORDS = 4
TEXT_LINE_SHARE = 0.5
LINE_RUN_FACTOR = 6.0
LINE_RUN_MIN_LINES = 2


def text_line_scores(scores: list[float], rules: list, words: list[int], first: int = 0) -> list[float]:
    """The item scores with each line of text from item `first` on that scores nothing
    counting TEXT_LINE_SHARE of its words (see above): a line that repeats on the page
    (REPEAT_SCORE) or has a rule stays as it is."""
    return scores[:first] + [
        s if s > 0 or rule is not None or n < TEXT_LINE_WORDS or s <= REPEAT_SCORE else TEXT_LINE_SHARE * n
        for s, rule, n in zip(scores[first:], rules[first:], words[first:])]


def line_run_scores(scores: list[float], positive: list[int], rules: list, words: list[int],
                    anchor: int | None, floor: float = WEAK_BLOCK) -> tuple[list[float] | None, tuple[int, int, float]]:
    """text_line_scores (of the lines after the headline `anchor`, if any) when the page
    has no run of sentences and its densest run of text lines scores LINE_RUN_FACTOR
    times more, and `floor` (WEAK_BLOCK) or more, and holds the run of sentences, else
    None; and the densest run of sentences (best_block of the scores, for find_block).
    A page with no chrome (an article already extracted) passes a `floor` of 0: a short
    article whose lines end without 。 is still its own article (a run that weak holds
    LINE_RUN_MIN_LINES lines or more: a lone short line is a headline)."""
    densest = start, end, best = best_block(scores, positive)
    if best >= WEAK_BLOCK:
        return None, densest
    lined = text_line_scores(scores, rules, words, 0 if anchor is None else anchor + 1)
    run_start, run_end, run = best_block(lined, [i for i, s in enumerate(lined) if s > 0])
    if (run < max(LINE_RUN_FACTOR * best, floor) or (run < WEAK_BLOCK and run_end - run_start < LINE_RUN_MIN_LINES)
            or (end > start and not run_start <= start < end <= run_end)):
        return None, densest
    return lined, densest
