"""Item decisions: each item's label (None for a body line, else the rule that removed it).

Outside the body block an item keeps its shape rule or gets "density" (after a
comments widget, subscription box or share row that ends the article: "end-marker").
Inside it, shape-rule lines, the teaser after a "Related" marker, the text of a
box the article runs past, the unscored lines between merged blocks and runs of
lines none of which is text (teasers.dull_runs) go, and
an end marker after enough body ends the article (ends_article); a short label the
page repeats ("Article content") goes too (label_repeated_labels). The headline
just before the block becomes the title. The site's own lines inside the body (its
sign-up forms, prompts, tags) are ingest.clean.sitelines'.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import islice

from . import rules as R
from .dates import stamp_line
from .lines import SPACED_STOPS
from .scripts import ends_unpunctuated

# A "Related" marker's box holds headlines of at most this many words, without a sentence end.
TEASER_MAX_WORDS = 20
# In Thai and Lao a headline ends as a sentence does, with a letter (scripts.ends_unpunctuated):
# one of at most this many words (code points over scripts.CHARS_PER_WORD_SEA: 128; a
# headline has 50-130, a paragraph of the article mostly more) is one of the box's.
TEASER_MAX_WORDS_UNPUNCTUATED = 32

# The body must score this much (or half the block) before an end marker can end it.
END_MIN_SCORE = 40.0

# A copyright line ends the article only if it reads as the site's notice: it starts
# with the sign or the word, and names a year or reserves rights ("© 2024 Name. All
# rights reserved", "Copyright © Verlag", "© Riproduzione riservata", ...). "© Name"
# under a photo, or a caption that ends with its credit, is no notice.
_NOTICE_START = re.compile(r"\W*(?:©|ⓒ|\(c\)|copyright)", re.IGNORECASE)
_NOTICE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)|copyright|right|reserv|rechte|riservat|direitos|droits|"
                     r"derechos|права|hak cipta", re.IGNORECASE)
RESUME_WINDOW = 20
# A sentence end inside a line, before more text: a paragraph of several sentences counts
# each (an article saved as one long paragraph resumes as one of many). Looked for in the
# first _SENTENCES_REACH characters of a line.
_INNER_END = re.compile(f"[.!?。{SPACED_STOPS}]" + r"(?=\s+\S)")
_SENTENCES_REACH = 2000
RESUME_LINES = 3
RESUME_FRACTION = 0.4
# Under a comments heading or form, this many timestamps among its first RESUME_LINES paragraphs
# are the readers' comments, each under its author and time, however long they are (the
# article's own paragraphs after a "Comments" link in its share row have none between them).
COMMENT_STAMPS = 2


def is_end_marker(rule: str | None, text: str) -> bool:
    """Whether a line with this rule can end the article (see _NOTICE for copyright lines)."""
    if rule not in R.END_RULES:
        return False
    return rule != R.COPYRIGHT or (_NOTICE_START.match(text) is not None
                                   and _NOTICE.search(text) is not None)


def ends_article(i: int, end: int, rules: list, texts: list[str], scores: list[float],
                  words: list[int], ends: list[bool], min_words: int, before: float,
                  lined: bool = False) -> bool:
    """Whether the end marker at item i (a comments widget, a subscription box, a
    copyright notice, a share row) ends the article, given the body score `before` it.

    It does not when the article resumes after it: an inline "Subscribe" box
    or a photo credit in the middle of a long article is common. The article
    resumes when the next RESUME_WINDOW items hold at least RESUME_LINES
    sentences of min_words that score at least RESUME_FRACTION of `before`,
    and at most one other end marker after the first of those sentences
    (comments come one by one between "Reply" or "said:" lines; the box's own
    lines before the article resumes, "Newsletter", "Subscribe now", are one box,
    and so is a lone paragraph between two of a box's lines that are no comments':
    "Thanks for signing up!", "Access your favourite topics ...", "Sign up").
    A blog's comments heading (rules.comment_count) ends it whatever follows.
    When no item after it up to the block's `end` has a rule, all of them count,
    not only the window's: a long table can follow a column named "Comment". With
    `lined` (the article is a run of lines of text, blocks.line_run_scores), a line of
    text that scores counts as a sentence: such an article has none.
    """
    if not is_end_marker(rules[i], texts[i]):
        return False
    if rules[i] == R.COMMENTS and R.comment_count(texts[i].lower()):  # "5 Kommentare zu „Title“": the
        return True  # readers' comments follow, in sentences as long as the article's
    prose = paragraphs = markers = stamped = 0
    resumed = 0.0
    comments = rules[i] == R.COMMENTS
    # No line after it has a rule: the marker's word is the article's ("Comment" heading a
    # table's column), and the article is the rest of the block, however far it resumes.
    after = rules[i + 1:end]
    last = end if after.count(None) == len(after) else min(end, i + 1 + RESUME_WINDOW)
    for j in range(i + 1, last):
        rule = rules[j]
        # a comment's time, or its head: its title or author beside its date and time
        stamp = paragraphs < RESUME_LINES and (rule == R.TIMESTAMP or comments and stamp_line(texts[j]))
        stamped += stamp
        if rule is not None:
            if prose > 0 and is_end_marker(rule, texts[j]):
                if paragraphs == 1 and not markers and not comments and rule != R.COMMENTS:
                    # one paragraph between a box's lines is its own ("Access your favourite topics
                    # ...", "Sign up"); one between comments' lines is a comment, as ever
                    prose = paragraphs = 0
                    resumed = 0.0
                else:
                    markers += 1
        elif not stamp and (ends[j] or lined) and words[j] >= min_words and scores[j] > 0:
            prose += 1 + len(_INNER_END.findall(texts[j], 0, _SENTENCES_REACH))
            paragraphs += 1
            resumed += scores[j]
    if comments and stamped >= COMMENT_STAMPS:  # each comment under its time ("Hace 28 minutos")
        return True
    return not (prose >= RESUME_LINES and resumed >= RESUME_FRACTION * before and markers <= 1)


def _sub_heading(texts: list[str], i: int) -> bool:
    """Whether item i (if any) may be a sub-heading: no sentence ends inside it (a photo's
    caption under a link does, "... on Monday. (AP)")."""
    return i < len(texts) and _INNER_END.search(texts[i]) is None


# A line that opens with the number after the body's last numbered line, with the same mark ("5.
# Beware the wall-mounted hairdryer" after "4. Hotel rooms are priced ..."), is the article's next
# item, not a headline of the "Read more" box that stands between the two.
_ITEM_NUMBER = re.compile(r"(\d{1,3})([.)])\s")


def item_number(text: str) -> tuple[int, str] | None:
    """The number and mark a line opens with ("12." -> (12, ".")), or None."""
    m = _ITEM_NUMBER.match(text)
    return (int(m.group(1)), m.group(2)) if m else None


def _next_item(text: str, listed: tuple[int, str] | None) -> bool:
    """Whether the line opens with the number after `listed`, with the same mark."""
    if listed is None or not text[:1].isdigit():
        return False
    return item_number(text) == (listed[0] + 1, listed[1])


# A sign-up box's rules (a newsletter's, a paywall's): blocks.merge_blocks joins the headline's
# opening paragraph across such a box to the body below it, and the box's lines go.
SIGN_UP_RULES = frozenset({R.SUBSCRIBE, R.FORM})


def label_items(start: int, end: int, gaps: list[tuple[int, int]], scores: list[float], rules: list,
                texts: list[str], words: list[int], ends: list[bool],
                min_words: int, dull: list[tuple[int, int]] = (),
                lined: bool = False) -> tuple[list[str | None], int]:
    """Each item's label, and the body block's end (an end marker may move it up).

    [start, end) is the body block, `gaps` the item ranges between the blocks
    merged into it; `lined`: the block is a run of lines of text (see ends_article).
    """
    n = len(scores)
    labels: list[str | None] = [R.DENSITY] * n
    total = sum(s for s in scores[start:end] if s > 0)
    body_score = 0.0
    after_marker = False
    box = None  # the rule of the subscription box or comments widget the article runs past
    listed = None  # the number and mark of the body's last numbered line ("4." of "4. Hotel rooms ...")
    end_rules, teaser_rules = R.END_RULES, R.TEASER_RULES
    in_gap = [False] * n
    for a, b in gaps:
        in_gap[a:b] = [True] * (b - a)
    boxed = -1  # a sign-up box between the article's opening and the rest: its lines up to here
    in_dull = [False] * n
    for a, b in dull:
        in_dull[a:b] = [True] * (b - a)
    for i in range(start, end):
        rule = rules[i]
        if i < boxed:
            labels[i] = rule or R.SUBSCRIBE
            continue
        if in_gap[i] and (rule is not None or scores[i] <= 0):  # a chart's labels, a gallery
            labels[i] = rule or R.DENSITY
            if rule in SIGN_UP_RULES:  # the rest of the gap is the box's (blocks.merge_blocks crossed it)
                boxed = next(b for a, b in gaps if a <= i < b)
            continue
        if rule in end_rules:
            if (body_score >= min(0.5 * total, END_MIN_SCORE)
                    and ends_article(i, end, rules, texts, scores, words, ends, min_words, body_score, lined)):
                for j in range(i, end):
                    labels[j] = rules[j] or R.END_MARKER
                end = i
                break
            if is_end_marker(rule, texts[i]):
                box = rule
        if rule is not None:
            labels[i] = rule
            # a teaser's own rule line (its section, its date) does not end the box; a marker with
            # its teaser on its line ("Read more: ...") heads no box
            after_marker = (rule in teaser_rules and not (R.inline_teaser(texts[i]) and _sub_heading(texts, i + 1))
                            or after_marker and rule not in end_rules)
            continue
        if in_dull[i]:  # a run of lines none of which is text: teaser headlines, a player
            labels[i] = R.DENSITY
            after_marker = False
            continue
        if box is not None:
            if scores[i] <= 0:  # the box's own text ("Get our top stories in your inbox")
                labels[i] = box
                continue
            box = None
        if after_marker and (not ends[i] and words[i] <= TEASER_MAX_WORDS
                             or words[i] <= TEASER_MAX_WORDS_UNPUNCTUATED and ends_unpunctuated(texts[i])) \
                and not _next_item(texts[i], listed):
            # the box's headlines, up to the article's next sentence (in Thai or Lao, which
            # end a sentence with no mark, its next paragraph: one longer than a headline)
            labels[i] = R.TEASER
            continue
        after_marker = False
        labels[i] = None
        if texts[i][:1].isdigit():
            listed = item_number(texts[i]) or listed
        if scores[i] > 0:
            body_score += scores[i]
    labels[:start] = [rule or R.DENSITY for rule in islice(rules, start)]
    # A comments widget or subscription box right after the body ends the article.
    tail = R.DENSITY
    for i in range(end, min(n, end + 3)):
        if tail is R.DENSITY and is_end_marker(rules[i], texts[i]):
            tail = R.END_MARKER
        labels[i] = rules[i] or tail
    if end + 3 < n:
        labels[end + 3:] = [rule or tail for rule in islice(rules, end + 3, None)]
    return labels, end


def title_before(words: list[int], rules: list, ends: list[bool], start: int) -> int | None:
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


# A short line without a sentence end that the page repeats this often is a label the site
# puts between paragraphs or on each photo ("Article content", "View 6 Images", "Image
# Credits: ..."), not a subheading: a subheading names its own section.
LABEL_REPEATS = 3
LABEL_MAX_WORDS = 5


def label_repeated_labels(start: int, end: int, labels: list, keys: list[str], words: list[int],
                          ends: list[bool]) -> None:
    """Give rule REPEAT to the body lines [start, end) of at most LABEL_MAX_WORDS words, no
    sentence end and at least one letter whose text (`keys`: without a bullet) occurs
    LABEL_REPEATS times or more on the page."""
    short = [k for k, n, e in zip(keys, words, ends) if n <= LABEL_MAX_WORDS and not e]
    if len(short) < LABEL_REPEATS:
        return
    repeated = {k for k, c in Counter(short).items() if c >= LABEL_REPEATS and any(map(str.isalpha, k))}
    if not repeated:  # a rule of underscores between sections stays where it is
        return
    for i in range(start, end):
        if keys[i] in repeated and labels[i] is None and words[i] <= LABEL_MAX_WORDS and not ends[i]:
            labels[i] = R.REPEAT


# A line of the body that reads as a headline (no sentence end, TEASER_MIN_WORDS words or more)
# and that the page shows again below the body is a link to another story: a video's or a
# teaser's title that the related list under the article repeats.
TEASER_MIN_WORDS = 4


def label_repeated_teasers(start: int, end: int, labels: list, keys: list[str], words: list[int],
                           ends: list[bool]) -> None:
    """Give rule TEASER to the headline lines of the body [start, end) whose text (`keys`:
    without a bullet) a line below the body repeats (see above)."""
    below = set(keys[end:])
    if not below:
        return
    for i in range(start, end):
        if labels[i] is None and not ends[i] and words[i] >= TEASER_MIN_WORDS and keys[i] in below:
            labels[i] = R.TEASER
