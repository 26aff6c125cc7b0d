"""Plain-text boilerplate removal: a line classifier with block reasoning.

Each input line ends up either in a body paragraph or in `removed` with the name
of the rule that removed it (see ingest.clean.rules for the vocabulary). Steps:

1. lines are stripped; per-source template lines go (rule "template");
2. hard-wrapped lines are rejoined (a line without closing punctuation followed,
   with no blank line between, by a line that starts in lower case);
3. each line gets a shape rule (share, subscribe, counter, caption, ...) or none,
   and a score: real sentences count their words, other lines cost a penalty;
   with clean.line_model, the learned line model's log-odds (ingest.clean.model)
   add to it, and a line they take out of the body gets rule "model";
4. the article is the densest block: the run of lines with the highest total
   score (maximum-sum segment), extended downwards over a list that continues
   it (short lines that carry content: quantities, enumerations, sentence-case
   phrases; see _extend_block). Lines outside it go with rule "density" (or
   their shape rule); inside it, shape-rule lines, teasers after a "Related" marker,
   and everything after an end marker (a comments widget, a subscription box)
   go too, unless the article resumes after it (an inline subscription box,
   a photo credit), then the box's lines up to the next body line go;
5. the headline line just before the block becomes the title, and a
   "Published ..." line the published date; both are recorded as removed lines
   with rule "title" / "published" so that no input line is lost.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from itertools import compress, count, islice, repeat
from operator import attrgetter, itemgetter, not_
from typing import TYPE_CHECKING

from . import rules as R
from .cleaned import Cleaned
from ..config import CleanOptions
from .dates import find_published
from .guard import prose_bytes
from .scripts import ends_unpunctuated, has_unspaced, word_counts as unspaced_word_counts
from ..models import RemovedLine
from ..normalize import normalize_text

if TYPE_CHECKING:
    from .model import LineModel

_DATELINE_START = re.compile("[PpUuLlFfDd]")  # Published, Posted, Updated, Last updated, First, Date
# Sentence ends: Latin, CJK (full- and half-width), Arabic/Urdu, Devanagari, Armenian,
# Ethiopic, Myanmar, Khmer. Thai and Lao have none (see _sentence_ends).
_TERMINAL = frozenset(".!?…。！？．｡؟۔।॥։።။។")
_CLOSERS = "\"'”’»)]】」*"
_CLOSER_SET = frozenset(_CLOSERS)
_last = itemgetter(-1)
_NO_WRAP_END = _TERMINAL | frozenset(":;：；")
_NO_JOIN_START = frozenset("•●▪*|")
_first = itemgetter(0)
_second = itemgetter(1)


def _in_template(line: str, template: frozenset[str], sizes: frozenset[int]) -> bool:
    """Whether the line, normalised, is one of the source's template lines.

    The number of words survives normalisation (it only folds characters and
    collapses whitespace), so lines of a length no template line has are skipped
    without normalising them.
    """
    return len(line.split()) in sizes and normalize_text(line) in template


# The whitespace str.split splits at that a line of str.splitlines can hold, but for a
# single space (tests/test_textclean.py checks the list).
_OTHER_SPACE = ("  ", "\t", "\x1f", "\xa0", "\u1680", *map(chr, range(0x2000, 0x200b)), "\u202f",
                "\u205f", "\u3000")


def _word_counts(text: str, lines: list[str], unspaced: bool = False) -> list[int]:
    """The number of words of each stripped line of the text.

    With `unspaced` (the text holds scripts written without spaces: CJK, Thai), words are counted
    by characters (ingest.clean.scripts); else they are len(line.split()).
    When the text holds no whitespace but single spaces and line breaks (as most
    do), that is the line's number of spaces plus one: counting them is faster
    than building the list of words.
    """
    if unspaced:
        return unspaced_word_counts(lines)
    if any(map(text.__contains__, _OTHER_SPACE)):
        return list(map(len, map(str.split, lines)))
    return list(map((1).__add__, map(str.count, lines, repeat(" "))))


def _sentence_ends(texts: list[str], words: list[int] | None = None,
                   min_words: int = 0) -> list[bool]:
    """Whether each line ends with terminal punctuation, before closing quotes or brackets.

    With `words` (the page holds unspaced scripts), a line of at least min_words
    words that ends in a Thai or Lao letter also ends a sentence: those scripts
    have no full stop.
    """
    lasts = list(map(_last, texts))
    ends = list(map(_TERMINAL.__contains__, lasts))
    for i in compress(count(), map(_CLOSER_SET.__contains__, lasts)):
        ends[i] = texts[i].rstrip(_CLOSERS)[-1:] in _TERMINAL
    if words is not None:
        for i, line in enumerate(texts):
            if not ends[i] and words[i] >= min_words and ends_unpunctuated(line):
                ends[i] = True
    return ends


def _rejoin(nos: list[int], texts: list[str], words: list[int], heads: str):
    """Merge hard-wrapped continuation lines into the line they continue.

    A continuation directly follows the previous non-blank line (no blank line
    between) and starts in lower case; the line it continues has at least five
    words (with what was already joined to it), does not start with a bullet and
    does not end with closing punctuation, before any closing quotes or brackets
    ('the "new budget"' continues, '"We will."' does not). `heads` holds each
    line's first character. Returns the merged lists and, for each merged item,
    the (line number, text) pairs it was made of.
    """
    cands = [k for k in compress(count(1), map(str.islower, islice(heads, 1, None)))
             if nos[k] - nos[k - 1] == 1]
    if not cands:
        return nos, texts, words, {}
    root: dict[int, int] = {}
    total = list(words)
    for k in cands:
        p = k - 1
        r = root.get(p, p)
        last = texts[p]
        if (total[r] >= 5 and last.rstrip(_CLOSERS)[-1:] not in _NO_WRAP_END
                and texts[r][0] not in _NO_JOIN_START):
            root[k] = r
            total[r] += words[k]
    if not root:
        return nos, texts, words, {}
    new_nos: list[int] = []
    new_texts: list[str] = []
    new_words: list[int] = []
    members: dict[int, list[tuple[int, str]]] = {}
    for i, (no, line) in enumerate(zip(nos, texts)):
        r = root.get(i)
        if r is None:
            new_nos.append(no)
            new_texts.append(line)
            new_words.append(total[i])
            continue
        at = len(new_texts) - 1
        group = members.get(at)
        if group is None:
            group = members[at] = [(new_nos[at], new_texts[at])]
        group.append((no, line))
    # Joined once per item: adding each line to the growing text copied it each time
    # (a 1 MB paragraph of short wrapped lines took 0.6 s, 4 MB ten).
    for at, group in members.items():
        new_texts[at] = " ".join(map(_second, group))
    return new_nos, new_texts, new_words, members


def _line_scores(rules: list, words: list[int], ends: list[bool], min_words: int) -> list[float]:
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


END_MIN_SCORE = 40.0
SANDWICH = 0.25
REPEAT_SCORE = -4.0
RUN_STEP = 2.0


def _damp_teasers(rules: list, words: list[int], ends: list[bool], scores: list[float],
                  positive: list[int], keys: list[str]) -> None:
    """Lower the score of one-sentence blurbs that alternate with headlines (teaser lists).

    A blurb is a line with a positive score (`positive` lists them) between two
    headline-like lines (no rule, 2 to 20 words, no closing punctuation). A long
    line without closing punctuation between two others (no rule, 2 words or
    more) is a headline with its blurb in a list of them: prose ends its
    paragraphs with punctuation. Two identical neighbours (`keys`) are no
    headlines but a label the site puts between paragraphs ("Article content").
    """
    last = len(scores) - 1
    for i in positive:
        if 0 < i < last:
            j, k = i - 1, i + 1
            if keys[j] == keys[k]:
                continue
            if (rules[j] is None and 2 <= words[j] <= 20 and not ends[j]
                    and rules[k] is None and 2 <= words[k] <= 20 and not ends[k]):
                scores[i] *= SANDWICH
            elif (not ends[i] and rules[j] is None and not ends[j] and words[j] >= 2
                    and rules[k] is None and not ends[k] and words[k] >= 2):
                scores[i] *= SANDWICH


def _best_block(scores: list[float], candidates: list[int],
                stop: int | None = None) -> tuple[int, int, float]:
    """Indices [start, end) of the maximum-sum run of item scores (empty if none > 0), and its sum.

    Runs end at `stop` (default: the last item).

    Consecutive non-content lines cost more the longer their run: one subheading
    or caption between paragraphs is cheap, a menu of twenty links is not.
    Kadane's scan: once the running sum is at or below zero it restarts at the
    next item, so the scan jumps to the next positive item; `candidates` lists
    (in order) the indices whose score may be positive.
    """
    best, best_s, best_e = 0.0, 0, 0
    n = len(scores) if stop is None else stop
    i = 0
    for start in candidates:
        if start < i or scores[start] <= 0:
            continue
        cur, penalty, i = 0.0, 0.0, start
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
                best, best_s, best_e = cur, start, i
            elif cur <= 0:
                break
    return best_s, best_e, best


_DIGIT = re.compile(r"\d")


def _listy(text: str, n: int) -> bool:
    """A short line that carries content rather than a link label.

    List items of an article (ingredients, steps, schedules) are short and lack
    closing punctuation like menu entries, but they enumerate (two or more
    commas), give quantities (a number next to lower-case words) or read as a
    phrase in sentence case; a menu entry is one to a few capitalised words.
    """
    if n < 4:
        return False
    if text.count(",") >= 2:
        return True
    lower = sum(1 for word in text.split() if word[0].islower())
    return 2 * lower >= n or bool(lower and _DIGIT.search(text))


EXTEND_MIN_CONTENT = 4
EXTEND_MAX_LABELS = 2
EXTEND_RATIO = 1.0


def _extend_block(end: int, scores: list[float], rules: list, texts: list[str], words: list[int],
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
        if scores[j] > 0 or not ends[j] and scores[j] > REPEAT_SCORE and _listy(texts[j], words[j]):
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


# A copyright line ends the article only if it reads as the site's notice: it starts
# with the sign or the word, and names a year or reserves rights ("© 2024 Name. All
# rights reserved", "Copyright © Verlag", "© Riproduzione riservata", ...). "© Name"
# under a photo, or a caption that ends with its credit, is no notice.
_NOTICE_START = re.compile(r"\W*(?:©|ⓒ|\(c\)|copyright)", re.IGNORECASE)
_NOTICE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)|copyright|right|reserv|rechte|riservat|direitos|droits|"
                     r"derechos|права|hak cipta", re.IGNORECASE)
RESUME_WINDOW = 20
RESUME_LINES = 3
RESUME_FRACTION = 0.4


def _is_end_marker(rule: str | None, text: str) -> bool:
    """Whether a line with this rule can end the article (see _NOTICE for copyright lines)."""
    if rule not in R.END_RULES:
        return False
    return rule != R.COPYRIGHT or (_NOTICE_START.match(text) is not None
                                   and _NOTICE.search(text) is not None)


def _ends_article(i: int, end: int, rules: list, texts: list[str], scores: list[float],
                  words: list[int], ends: list[bool], min_words: int, before: float) -> bool:
    """Whether the end marker at item i (a comments widget, a subscription box, a
    copyright notice) ends the article, given the body score `before` it.

    It does not when the article resumes after it: an inline "Subscribe" box
    or a photo credit in the middle of a long article is common. The article
    resumes when the next RESUME_WINDOW items hold at least RESUME_LINES
    sentences of min_words that score at least RESUME_FRACTION of `before`,
    and at most one other end marker (comments come one by one between
    "Reply" or "said:" lines).
    """
    if not _is_end_marker(rules[i], texts[i]):
        return False
    prose = markers = 0
    resumed = 0.0
    for j in range(i + 1, min(end, i + 1 + RESUME_WINDOW)):
        rule = rules[j]
        if rule is not None:
            markers += _is_end_marker(rule, texts[j])
        elif ends[j] and words[j] >= min_words and scores[j] > 0:
            prose += 1
            resumed += scores[j]
    return not (prose >= RESUME_LINES and resumed >= RESUME_FRACTION * before and markers <= 1)


MERGE_GAP = 60
MERGE_SHARE = 0.4
MERGE_MAX = 16  # joins each way: bounds the work on a page of many small blocks


def _stops_merge(rule: str | None, text: str) -> bool:
    """Whether a line between two blocks separates the article from what follows."""
    return rule in R.TEASER_RULES or _is_end_marker(rule, text)


def _merge_blocks(scores: list[float], positive: list[int], rules: list, texts: list[str],
                  start: int, end: int, best: float, gaps: list[tuple[int, int]]) -> tuple[int, int]:
    """Join to the body block the dense blocks within MERGE_GAP items of it.

    A chart's labels, a gallery or a table in the middle of an article make a
    run of lines that no sentence pays for, so the densest block holds only one
    part of the article. A block before or after it that scores at least
    MERGE_SHARE of it, with no end marker or "Related" marker between, is
    another part (`positive` stops before a block the headline anchor passed over). The items between are appended to `gaps`; returns the joined
    block's [start, end).
    """
    for _ in range(MERGE_MAX):
        lo = bisect_right(positive, end - 1)
        near = positive[lo:bisect_right(positive, end + MERGE_GAP)]
        if not near:
            break
        s2, e2, score = _best_block(scores, near)
        if score < MERGE_SHARE * best or any(_stops_merge(rules[j], texts[j]) for j in range(end, s2)):
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
        s2, e2, score = _best_block(scores, near, start)
        if score < MERGE_SHARE * best or any(_stops_merge(rules[j], texts[j]) for j in range(e2, start)):
            break
        gaps.append((e2, start))
        start = s2
    return start, end


BEFORE_ANCHOR = 0.1
ANCHOR_REACH = 12
ANCHOR_SHARE = 0.4


def _block_after_anchor(scores: list[float], positive: list[int], anchor: int, best: float,
                        block: tuple[int, int]) -> tuple[int, int, float]:
    """The densest block that starts within ANCHOR_REACH items after the headline
    anchor, if it scores at least ANCHOR_SHARE of the densest block (`block`,
    which scores `best` and starts further down); else `block`; and its score.

    The article follows the headline that repeats the page's title; a longer
    run of sentences further down is a cookie notice, a comment thread or the
    next story.
    """
    near = [i for i in positive if anchor < i <= anchor + ANCHOR_REACH]
    if not near:
        return (*block, best)
    start, end, score = _best_block(scores, near)
    return (start, end, score) if score >= ANCHOR_SHARE * best else (*block, best)
_NONWORD = re.compile(r"\W+")
# A separator's whitespace starts where a run of whitespace starts (a split always
# resumes after one), and is taken whole: tried at each space of a long run it was
# n**2 steps.
_TITLE_SEP = re.compile(r"(?<!\s)\s++(?:[|\-–—:»·•]|::)\s+")


def _key(text: str) -> str:
    return _NONWORD.sub(" ", text.lower()).strip()


# A first line longer than this is no page title (the eval pages' are at most 188
# characters): each line is looked for in it, so its length multiplies the page's.
TITLE_MAX_CHARS = 1000


def _headline_anchor(texts: list[str], words: list[int], rules: list) -> int | None:
    """Index of the headline that repeats the page's first line (a page title), or None.

    Saved web pages start with the document title ("Headline - Site"); the
    article's headline repeats it further down, and the body follows it.
    """
    if len(texts) < 3 or words[0] < 3 or len(texts[0]) > TITLE_MAX_CHARS:
        return None
    first = _key(texts[0])
    longest = max(len(_key(part)) for part in _TITLE_SEP.split(texts[0]))
    first_low = texts[0].lower()
    for i in range(1, len(texts)):
        if 3 <= words[i] <= 40 and rules[i] is None and texts[i][:4].lower() in first_low:
            k = _key(texts[i])
            if len(k) >= 12 and len(k) >= 0.85 * longest and k in first:
                return i
    return None


def _title_before(words: list[int], rules: list, ends: list[bool], start: int) -> int | None:
    """Index of the headline line just before the body block, or None."""
    for i in range(start - 1, max(-1, start - 12), -1):
        if rules[i] is not None:
            continue
        if words[i] < 3:
            continue
        if words[i] > 30:
            return None
        if ends[i]:
            continue
        return i
    return None


# Where a line's key starts with the character the next or the one after starts with,
# or one of them is empty ("\0"); on the string of the keys' first characters.
_NEAR = re.compile(r"(.)(?=.?(?:\1|\0))", re.DOTALL)


def _mark_repeats(rules: list, words: list[int], keys: list[str], heads: str) -> None:
    """Give rule REPEAT to a line that one of the next two lines repeats or extends.

    A caption is often repeated next to itself (alt text, then caption with credit).
    Two keys can only be prefixes of each other if they start with the same character
    (or one is empty), so the string comparisons run only for those pairs; `heads`
    holds each key's first character ("\0" for an empty key).
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
                if a.startswith(b) or b.startswith(a):
                    rules[i] = R.REPEAT
                    break


def _scores(rules: list, words: list[int], ends: list[bool], keys: list[str],
            min_words: int) -> list[float]:
    """Each item's score (_line_scores); a content line whose text occurs again on the
    page scores at most REPEAT_SCORE."""
    scores = _line_scores(rules, words, ends, min_words)
    seen = Counter(compress(keys, map((3).__lt__, words)))
    if len(seen) < sum(seen.values()):
        repeated = {k for k, c in seen.items() if c > 1}
        for i in compress(count(), map(repeated.__contains__, keys)):
            if rules[i] is None and words[i] >= 4:
                scores[i] = min(scores[i], REPEAT_SCORE)
    return scores


def _datelines(texts: list[str], heads: str, words: list[int], rules: list,
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


def _removed_lines(nos, texts, labels) -> list[RemovedLine]:
    """RemovedLine(no, text, label) for each triple.

    tuple.__new__(RemovedLine, triple) is what RemovedLine._make does, without a
    Python-level call per line (most lines of a page are removed).
    """
    return list(map(tuple.__new__, repeat(RemovedLine), zip(nos, texts, labels)))


# With clean.line_model (off by default: held out by set it did not beat the rules alone),
# each item's score gets MODEL_WEIGHT times the line model's log-odds, clipped to
# +-MODEL_CLIP. The values improved all three eval sets, each scored with weights
# trained on the other two, by at most 0.001 F1 (0.25 of 70 combinations tried).
MODEL_WEIGHT = 0.25
MODEL_CLIP = 4.0


def _item_log_odds(lines: list[str], line_nos: list[int], members: dict, rules: list | None,
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


def _model_term(log_odds: float) -> float:
    """What the line model adds to an item's score."""
    return MODEL_WEIGHT * max(-MODEL_CLIP, min(MODEL_CLIP, log_odds))


def _name_model(labels: list, rule_scores: list[float], odds: list[float]) -> None:
    """Give rule MODEL to a line out of the body that the rules scored as content and
    the model's doubt made score nothing (it would be "density" otherwise)."""
    density, model_rule = R.DENSITY, R.MODEL
    for i in compress(count(), labels):
        if labels[i] == density and 0 < rule_scores[i] <= -_model_term(odds[i]):
            labels[i] = model_rule


def clean_text(text: str, options: CleanOptions, template: frozenset[str] = frozenset(),
               line_model: LineModel | None = None) -> Cleaned:
    """Split plain text into title, published date, body paragraphs and removed lines.

    With options.line_model (default false), the learned line model's log-odds
    (ingest.clean.model) weigh in on each line's score; `line_model` overrides the
    shipped weights (benchmarks evaluate held-out ones).
    """
    min_words = max(1, getattr(options, "min_paragraph_words", 8))
    # Per-line features are computed for all lines at once (C-level map/filter),
    # then the few passes over items below touch only plain lists.
    stripped = list(map(str.strip, text.splitlines()))
    nos = list(compress(count(), stripped))  # line numbers of the non-blank lines
    texts = list(filter(None, stripped))
    removed: list[RemovedLine] = []
    if template and texts:
        sizes = frozenset(len(t.split()) for t in template)
        keep = [not _in_template(line, template, sizes) for line in texts]
        if not all(keep):
            removed = [RemovedLine(no, line, R.TEMPLATE)
                       for no, line, k in zip(nos, texts, keep) if not k]
            nos = list(compress(nos, keep))
            texts = list(compress(texts, keep))
    unspaced = has_unspaced(text)
    words = _word_counts(text, texts, unspaced)
    heads = "".join(map(_first, texts))  # the lines' first characters
    line_nos, line_texts = nos, texts
    nos, texts, words, members = _rejoin(nos, texts, words, heads)
    if members:
        heads = "".join(map(_first, texts))
    n = len(texts)

    rules = R.match_lines(texts, words)
    odds = None
    if n and options.line_model:
        # The model was trained on single lines with rules matched on str.split words.
        same = not members and not unspaced
        odds = _item_log_odds(line_texts, line_nos, members, list(rules) if same else None,
                              line_model)
    ends = _sentence_ends(texts, words if unspaced else None, min_words)
    keys, key_heads = R.strip_bullets(texts, heads)
    _mark_repeats(rules, words, keys, key_heads)
    scores = _scores(rules, words, ends, keys, min_words)
    rule_scores = scores
    if odds is not None:
        rule_scores = list(scores)
        scores = [s + _model_term(lo) for s, lo in zip(scores, odds)]

    positive = list(compress(count(), map((0.0).__lt__, scores)))  # the content items
    _damp_teasers(rules, words, ends, scores, positive, keys)
    anchor = _headline_anchor(texts, words, rules)
    if anchor is not None:
        for i in positive:
            if i >= anchor:
                break
            scores[i] *= BEFORE_ANCHOR
    # Metadata first: a dateline is never the title or part of the body.
    published = _datelines(texts, heads, words, rules, scores)
    start, end, best = _best_block(scores, positive)  # damping, anchor and datelines made none positive
    limit = n  # where merging stops: the denser block the headline anchor passed over
    if anchor is not None and start > anchor + ANCHOR_REACH:
        limit = start
        start, end, best = _block_after_anchor(scores, positive, anchor, best, (start, end))
        if start > anchor + ANCHOR_REACH:
            limit = n
    gaps: list[tuple[int, int]] = []
    if end > start:
        start, end = _merge_blocks(scores, positive[:bisect_left(positive, limit)], rules, texts,
                                   start, end, best, gaps)
        end = _extend_block(end, scores, rules, texts, words, ends)
    labels: list[str | None] = [R.DENSITY] * n
    total = sum(s for s in scores[start:end] if s > 0)
    body_score = 0.0
    after_marker = False
    box = None  # the rule of the subscription box or comments widget the article runs past
    end_rules, teaser_rules = R.END_RULES, R.TEASER_RULES
    in_gap = [False] * n
    for a, b in gaps:
        in_gap[a:b] = [True] * (b - a)
    for i in range(start, end):
        rule = rules[i]
        if in_gap[i] and (rule is not None or scores[i] <= 0):  # a chart's labels, a gallery
            labels[i] = rule or R.DENSITY
            continue
        if rule in end_rules:
            if (body_score >= min(0.5 * total, END_MIN_SCORE)
                    and _ends_article(i, end, rules, texts, scores, words, ends, min_words, body_score)):
                for j in range(i, end):
                    labels[j] = rules[j] or R.END_MARKER
                end = i
                break
            if _is_end_marker(rule, texts[i]):
                box = rule
        if rule is not None:
            labels[i] = rule
            after_marker = rule in teaser_rules
            continue
        if box is not None:
            if scores[i] <= 0:  # the box's own text ("Get our top stories in your inbox")
                labels[i] = box
                continue
            box = None
        if after_marker and not ends[i]:
            labels[i] = R.TEASER
            after_marker = False
            continue
        after_marker = False
        labels[i] = None
        if scores[i] > 0:
            body_score += scores[i]
    labels[:start] = [rule or R.DENSITY for rule in islice(rules, start)]
    # A comments widget or subscription box right after the body ends the article.
    tail = R.DENSITY
    for i in range(end, min(n, end + 3)):
        if tail is R.DENSITY and _is_end_marker(rules[i], texts[i]):
            tail = R.END_MARKER
        labels[i] = rules[i] or tail
    if end + 3 < n:
        labels[end + 3:] = [rule or tail for rule in islice(rules, end + 3, None)]

    title = None
    if end > start:
        t = _title_before(words, rules, ends, start)
        if t is not None:
            title = texts[t]
            labels[t] = R.TITLE

    if odds is not None:
        _name_model(labels, rule_scores, odds)
    paragraphs = tuple(compress(texts[start:end], map(not_, labels[start:end])))  # the rest is labelled
    if members or removed:
        for i in compress(count(), labels):
            label = labels[i]
            for no, line in members.get(i) or ((nos[i], texts[i]),):
                removed.append(RemovedLine(no, line, label))
        removed.sort(key=_line_no)
    else:
        removed = _removed_lines(compress(nos, labels), compress(texts, labels), filter(None, labels))
    return Cleaned(title, published, paragraphs, tuple(removed), prose_bytes=prose_bytes(stripped))


_line_no = attrgetter("line_no")
