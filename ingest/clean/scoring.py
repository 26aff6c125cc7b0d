"""Line scores: what each item adds to a block of body text.

A sentence counts its words, a rule line (share row, caption, ...) costs, a
line that repeats elsewhere on the page costs; one-sentence blurbs between
headlines (teaser lists) are damped; datelines are marked and give the
published date; with clean.line_model the learned model's log-odds weigh in.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import compress, count, repeat
from statistics import median
from typing import TYPE_CHECKING

from . import rules as R
from .dates import find_published
from .lines import REPEAT_PROSE_WORDS, SENTENCE_MARKS
from .runtogether import CAPITALISED_RUN
from .scripts import has_unspaced

if TYPE_CHECKING:
    from .model import LineModel

_DATELINE_START = re.compile("[PpUuLlFfDd]")  # Published, Posted, Updated, Last updated, First, Date


def line_scores(rules: list, words: list[int], ends: list[bool], min_words: int) -> list[float]:
    """Each item's score: what it adds to a block of body text.

    A rule line costs 8. A sentence (closing punctuation) counts its words if it
    has min_words, half of them less one if it has four, else costs 3; a line
    without closing punctuation counts half its words if it has twice min_words,
    else costs 1 (min_words) or 3.
    """
    long_ = 2 * min_words
    return [-8.0 if rule is not None
            else (float(n) if n >= min_words else n * 0.5 - 1.0 if n >= 4 else -3.0) if end
            else n * 0.5 if n >= long_ else -1.0 if n >= min_words else -3.0
            for rule, n, end in zip(rules, words, ends)]


SANDWICH = 0.25
# A sentence's end inside a line of a script without spaces: more text after 。！？ and its quotes.
_CJK_BREAK = re.compile("[。！？][」』”）]*(?=[^\\s」』”）])")
REPEAT_SCORE = -4.0
UNPUNCTUATED_SCORE = -1.0


def damp_teasers(rules: list, words: list[int], ends: list[bool], scores: list[float],
                  positive: list[int], keys: list[str], unspaced: bool = False) -> list[int]:
    """Lower the score of one-sentence blurbs that alternate with headlines (teaser lists).

    A blurb is a line with a positive score (`positive` lists them) between two
    headline-like lines (no rule, 2 to 20 words, no closing punctuation). A long
    line without closing punctuation between two others (no rule, 2 words or
    more) is a headline with its blurb in a list of them: prose ends its
    paragraphs with punctuation. Two identical neighbours (`keys`) are no
    headlines but a label the site puts between paragraphs ("Article content").
    `unspaced`: the page is in a script written without spaces (scripts.has_unspaced),
    whose captions and labels end without a full stop as headlines do: there a line with a
    sentence's end inside it (。 and more after it) is an article's paragraph, no blurb.
    Returns the damped items, in order.
    """
    last = len(scores) - 1
    damped = []
    for i in positive:
        if 0 < i < last:
            j, k = i - 1, i + 1
            if keys[j] == keys[k]:
                continue
            if (((rules[j] is None and 2 <= words[j] <= 20 and not ends[j] or rules[j] in R.TEASER_RULES)
                    and rules[k] is None and 2 <= words[k] <= 20 and not ends[k])
                    or (not ends[i] and rules[j] is None and not ends[j] and words[j] >= 2
                        and rules[k] is None and not ends[k] and words[k] >= 2)):
                if unspaced and _CJK_BREAK.search(keys[i]):
                    continue
                scores[i] *= SANDWICH
                damped.append(i)
    return damped


# Where a line's key starts with the character the next or the one after starts with; on
# the string of the keys' first characters.
_NEAR = re.compile(r"(.)(?=.?\1)", re.DOTALL)


# A page whose sentences stand as paragraphs (a blank line before and after) in at least
# this share sets its lists of links apart: lines without one between them.
SPACED_SHARE = 0.7
TIGHT_RUN = 3
RUN_SCORE = -1.0


def damp_headline_runs(nos: list[int], rules: list, ends: list[bool], scores: list[float],
                       positive: list[int], lasts: list[int] | None = None) -> list[tuple[int, int]]:
    """Lower to RUN_SCORE the score of the lines of a tight run (TIGHT_RUN or more lines
    with no blank line between them, no rule line among them) of which most lack
    closing punctuation, on a page whose sentences are paragraphs set apart by
    blank lines (SPACED_SHARE of them).

    Such a run is a list of headlines (a "most read" box, a live ticker): its lines
    are long enough to score as text, but a page that spaces its paragraphs would
    space them too. `nos` holds each item's line number and `lasts` the number of its
    last line (a hard-wrapped item spans several; default: `nos`). Returns the runs, as
    item ranges.
    """
    n = len(nos)
    lasts = nos if lasts is None else lasts
    sentences = [i for i in positive if ends[i]]
    if len(sentences) < TIGHT_RUN:
        return []
    spaced = sum(1 for i in sentences
                 if (i == 0 or nos[i] - lasts[i - 1] > 1) and (i == n - 1 or nos[i + 1] - lasts[i] > 1))
    if spaced < SPACED_SHARE * len(sentences):
        return []
    runs = []
    first = 0
    for i in range(1, n + 1):
        if i < n and rules[i] is None and rules[i - 1] is None and nos[i] - lasts[i - 1] == 1:
            continue
        if i - first >= TIGHT_RUN and 2 * ends[first:i].count(False) > i - first:
            for k in range(first, i):
                scores[k] = min(scores[k], RUN_SCORE)
            runs.append((first, i))
        first = i
    return runs


def unpunctuated_cost(texts: list[str], ends: list[bool], scores: list[float]) -> None:
    """On a page in a script written without spaces, a long line of it without closing
    punctuation costs as a short one: Chinese and Japanese prose ends its sentences
    with 。！？, their headline lists do not, and counted by characters a headline is
    as long as a sentence. (Thai and Lao lines, which have no full stop, end
    sentences by their last letter: see ingest.clean.lines.sentence_ends.)
    """
    for i, score in enumerate(scores):
        if score > 0 and not ends[i] and has_unspaced(texts[i]):
            scores[i] = UNPUNCTUATED_SCORE


# A line of this many words or more with no punctuation mark at all is a run of names, not
# prose: a tag cloud, a drop-down's options, a menu run together. Prose that long has a comma
# or a full stop (in the dev sets' gold bodies the longest line without one has 21 words): of
# its script too (lines.SENTENCE_MARKS: Hindi's "।", Arabic's "؟"; and the commas of Arabic,
# Ethiopic and Myanmar).
WORD_RUN_WORDS = 30
# Commas, colons, brackets, quotes and inverted marks, besides every sentence mark.
_OTHER_MARKS = ",;:¿¡()[]\"“”„«»'‘’、，：；|/،؛፣၊"
_PUNCTUATION = re.compile("[" + re.escape("".join(sorted(SENTENCE_MARKS.union(_OTHER_MARKS)))) + "]")


# On a page run together (runtogether.run_together) a run of headlines, names and menu entries
# glues onto the sentence after it, and the piece reads as one long sentence. Its words are
# capitalised more often than the page's sentences' are: by NAME_RUN_SHARE or more of its
# cased words above the median share of the page's pieces of REFERENCE_WORDS or more words
# that end a sentence (a share, so that German, which capitalises its nouns, is measured
# against German). Pieces of fewer than CAPITALISED_RUN words are left as they are. Chosen
# leaving one dev set out, pages run together (benchmarks/boilerplate.py --collapse): each
# held-out set's F1 rose by 0.05 to 0.09; an absolute share (0.4) cost German sentences.
NAME_RUN_SHARE = 0.1
REFERENCE_WORDS = 8


def _cased_words(text: str) -> tuple[int, int]:
    """How many of the text's words start with a capital letter, how many with a small one."""
    upper = lower = 0
    for word in text.split():
        head = word[:1]
        if head.isupper():
            upper += 1
        elif head.islower():
            lower += 1
    return upper, lower


def name_run_cost(texts: list[str], words: list[int], ends: list[bool], scores: list[float]) -> None:
    """Give UNPUNCTUATED_SCORE to each piece of a page run together that scores as text but
    is a run of names glued to a sentence (see above). Scripts without case have no such runs,
    and the Latin words inside a line of Chinese or Japanese are its names: such lines are left."""
    shares: dict[int, float] = {}
    for i in compress(count(), map(CAPITALISED_RUN.__le__, words)):
        if has_unspaced(texts[i]):  # a Chinese or Japanese sentence's Latin words are its names
            continue
        upper, lower = _cased_words(texts[i])
        if upper + lower >= CAPITALISED_RUN // 2:
            shares[i] = upper / (upper + lower)
    sentences = [share for i, share in shares.items() if ends[i] and words[i] >= REFERENCE_WORDS]
    if not sentences:
        return
    limit = median(sentences) + NAME_RUN_SHARE
    for i, share in shares.items():
        if share >= limit and scores[i] > 0:
            scores[i] = UNPUNCTUATED_SCORE


def word_run_cost(texts: list[str], words: list[int], scores: list[float]) -> None:
    """Give UNPUNCTUATED_SCORE to each line that scores as text but is a run of names (see
    above); a line in a script written without spaces, whose words are its characters (and
    Thai, which has no full stop), is left to unpunctuated_cost and sentence_ends."""
    for i in compress(count(), map(WORD_RUN_WORDS.__le__, words)):
        if scores[i] > 0 and not _PUNCTUATION.search(texts[i]) and not has_unspaced(texts[i]):
            scores[i] = UNPUNCTUATED_SCORE


def mark_repeats(rules: list, words: list[int], keys: list[str], heads: str) -> None:
    """Give rule REPEAT to a line that one of the next two lines repeats or extends.

    A caption is often repeated next to itself (alt text, then caption with credit).
    Two keys can only be prefixes of each other if they start with the same character,
    so the string comparisons run only for those pairs; `heads` holds each key's first
    character ("\0" for an empty key). An empty key (a line of marks only: "*", an empty
    Markdown list item) repeats nothing, though it is a prefix of every key.
    """
    n = len(keys)
    for m in _NEAR.finditer(heads):
        i = m.start()
        if rules[i] is not None or words[i] < 4:
            continue
        a = keys[i]
        for j in (i + 1, i + 2):
            if j < n:
                b = keys[j]
                if b and (a.startswith(b) or b.startswith(a)):
                    rules[i] = R.REPEAT
                    break


# A sentence of REPEAT_PROSE_WORDS words or more that the page repeats is a paragraph shown
# twice (see ingest.clean.lines): then the first copy of each sentence the page repeats keeps
# its score, the others cost as a template line does.
# What a line may end with or not, and still repeat another (a list's bullets written once as
# sentences, once as labels): full stops, colons, semicolons, commas and spaces.
_REPEAT_END_MARKS = " .!?…:;,。"


def item_scores(rules: list, words: list[int], ends: list[bool], keys: list[str],
            min_words: int) -> list[float]:
    """Each item's score (line_scores); a content line whose text occurs again on the
    page, its end marks aside ("... with one account." and "... with one account"), scores at
    most REPEAT_SCORE."""
    scores = line_scores(rules, words, ends, min_words)
    keys = list(map(str.rstrip, keys, repeat(_REPEAT_END_MARKS)))
    seen = Counter(compress(keys, map((3).__lt__, words)))
    if len(seen) < sum(seen.values()):
        repeated = {k for k, c in seen.items() if c > 1}
        at = list(compress(count(), map(repeated.__contains__, keys)))
        # The page shows prose twice (a paragraph of REPEAT_PROSE_WORDS or more is among its
        # repeats): the first copy of each repeated sentence is the article's.
        prose = any(ends[i] and words[i] >= REPEAT_PROSE_WORDS and rules[i] is None for i in at)
        first = set()
        for i in at:
            if rules[i] is None and words[i] >= 4:
                if prose and ends[i] and words[i] >= min_words and keys[i] not in first:
                    first.add(keys[i])
                    continue
                scores[i] = min(scores[i], REPEAT_SCORE)
    return scores


def mark_datelines(texts: list[str], heads: str, words: list[int], rules: list,
               scores: list[float]) -> str | None:
    """Mark "Published ..." lines (rule PUBLISHED) and return the first date found, or None.

    `heads` holds each line's first character.
    """
    published = None
    for m in _DATELINE_START.finditer(heads):
        i = m.start()
        rule = rules[i]
        if words[i] <= 12 and rule is None or rule == R.TIMESTAMP:
            date = find_published(texts[i])
            if date:
                rules[i] = R.PUBLISHED
                scores[i] = -1.0
                if published is None:
                    published = date
    return published


# With clean.line_model (off by default: held out by set it did not beat the rules alone),
# each item's score gets MODEL_WEIGHT times the line model's log-odds, clipped to
# +-MODEL_CLIP. The values improved all three eval sets, each scored with weights
# trained on the other two, by at most 0.001 F1 (0.25 of 70 combinations tried); with the
# external check's even pages in training and folds by site, 0.25 and clip 4 were still
# best of (0.25, 0.5, 1) x (2, 4) and of separate weights for positive and negative odds.
MODEL_WEIGHT = 0.25
MODEL_CLIP = 4.0


def item_log_odds(lines: list[str], line_nos: list[int], members: dict, rules: list | None,
                   model: LineModel | None) -> list[float]:
    """The line model's log-odds of each item: of its line, or the highest of the lines
    a hard-wrapped item was joined from. `rules` are the lines' match_lines results
    if the items are the lines (else the features match them)."""
    from .model import line_log_odds  # numpy and the weights load only when used

    odds = line_log_odds(lines, line_nos, _model_or_default(model), rules).tolist()
    if not members:
        return odds
    out: list[float] = []
    k = 0
    for i in count():
        if k >= len(lines):
            break
        group = members.get(i)
        if group is None:
            out.append(odds[k])
            k += 1
        else:
            out.append(max(odds[k:k + len(group)]))  # the item's lines, consecutive
            k += len(group)
    return out


def _model_or_default(model: LineModel | None) -> LineModel:
    """`model`, or the line model shipped with the package."""
    if model is not None:
        return model
    from .model import default_model

    return default_model()


def model_term(log_odds: float) -> float:
    """What the line model adds to an item's score."""
    return MODEL_WEIGHT * max(-MODEL_CLIP, min(MODEL_CLIP, log_odds))


def name_model(labels: list, rule_scores: list[float], odds: list[float]) -> None:
    """Give rule MODEL to a line out of the body that the rules scored as content and
    the model's doubt made score nothing (it would be "density" otherwise)."""
    density, model_rule = R.DENSITY, R.MODEL
    for i in compress(count(), labels):
        if labels[i] == density and 0 < rule_scores[i] <= -model_term(odds[i]):
            labels[i] = model_rule
