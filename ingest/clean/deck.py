"""The standfirst: the sentences between a headline and its article that are the article's own.

Many publishers put a standfirst (a sentence or two that sum the story up) between the
headline and the first paragraph, often with the byline, the date, a photo and its
credit between it and the body, and a lede sentence between a photo's label and the
first sub-heading. Scored alone, these are what the cleaner drops: a sentence cut off
from the body by chrome lines is no part of the densest block, and a lede between two
short lines without closing punctuation reads as a teaser blurb (scoring.damp_teasers).
`deck_start` moves the body block's start up over the sentences right above it (and a
sub-heading with its lede sentence); `standfirst` keeps the sentences between the
headline and the block, while the lines around them keep their rules; the headline is the
one that anchors the block when only its furniture lies between (`headline_furniture`: a
long share row puts the line just above the body out of the standfirst's reach), or when
the line read as a headline just above the body is a date line or a short label
(`below_headline_label`). A dek, one line under the headline that sums the story up
without closing punctuation, is kept too (`headline_dek`); an author's note is not
(`author_note`).

Tried and dropped (docs/performance.md, "sixth session: decks"): a run of two or more
short summary lines set tight under the headline (a Korean deck): on the dev sets such
runs were share rows, dates with bylines and photo blocks more often than decks.
"""

from __future__ import annotations

import re

from . import rules as R
from .credits import ends_with_credit
from .scoring import REPEAT_SCORE
from .headline import TITLE_MIN_SHARE, title_share
from .scripts import units
from .vocabulary import BYLINE_WORDS

# A line between the standfirst and the body of at most this many words and no rule is
# a label ("Image", "View larger"): passed over, and still removed.
SKIP_WORDS = 2
# A sentence right above the body block with this many words or more is the article's
# (words as lines.word_counts counts them: characters in scripts without spaces).
SENTENCE_WORDS = 4
# A sub-heading: no closing punctuation, this many words or more, at most SUB_MAX.
SUB_MIN = 4
SUB_MAX = 30


def deck_start(start: int, anchor: int | None, rules: list, words: list[int], ends: list[bool],
               scores: list[float], nos: list[int], lasts: list[int],
               min_words: int) -> tuple[int, list[tuple[int, int]]]:
    """The body block's new start, and the item ranges passed over below it (a label).

    Going up from the block's `start` (over one label of at most SKIP_WORDS words), a
    sentence of SENTENCE_WORDS words or more is the article's, and so is a sub-heading
    (SUB_MIN to SUB_MAX words, no closing punctuation) under a lede sentence of
    `min_words` or more, each set apart by blank lines (`nos`: each item's first line
    number, `lasts`: its last): a list of teasers is set tight. The walk stops at a
    rule line (byline, date, credit, share row), a line the page repeats, any other
    line, and at the headline that repeats the page title (`anchor`). Returns `start`
    and no range if nothing above it is the article's.
    """
    lowest = anchor + 1 if anchor is not None else 0
    i = start - 1
    skipped: list[tuple[int, int]] = []
    if i >= lowest and rules[i] is None and words[i] <= SKIP_WORDS and not ends[i]:
        skipped = [(i, start)]
        i -= 1
    top = start
    while i >= lowest and rules[i] is None and scores[i] > REPEAT_SCORE:
        if ends[i] and words[i] >= SENTENCE_WORDS:
            top = i
            i -= 1
        elif (i - 1 >= lowest and not ends[i] and SUB_MIN <= words[i] <= SUB_MAX
                and rules[i - 1] is None and ends[i - 1] and words[i - 1] >= min_words
                and scores[i - 1] > REPEAT_SCORE
                and nos[i] - lasts[i - 1] > 1 and (i < 2 or nos[i - 1] - lasts[i - 2] > 1)):
            top = i - 1  # a sub-heading under its lede sentence
            i -= 2
        else:
            break
    if top == start:
        return start, []
    return top, skipped


def standfirst(title: int, start: int, rules: list, words: list[int], ends: list[bool],
               scores: list[float], min_words: int) -> list[int]:
    """The items between the headline (`title`) and the body block's `start` that are
    sentences of `min_words` or more with no rule, not repeated on the page: the
    standfirst, which a byline, a date or a photo's credit (still removed) part from
    the body. A sentence followed by a photo credit (rule CAPTION) is that photo's caption."""
    return [i for i in range(title + 1, start)
            if rules[i] is None and ends[i] and words[i] >= min_words and scores[i] > REPEAT_SCORE
            and rules[i + 1] != R.CAPTION]


# A date or a time of day in digits ("2019-11-19", "05/10/2018", "17.08.2007", "4:29", "09h42"):
# a line with one under the headline is its byline or dateline, not its dek (a year alone may
# be the story's: "the 2021 fair").
NUMERIC_DATE = re.compile(r"\d[./-]\d{1,2}[./-]\d|\d[:h]\d\d")
# The rules of the one line that may lie between a headline and its dek: its date.
DATE_RULES = frozenset({R.TIMESTAMP, R.PUBLISHED})
# A colon in a line's first this many words makes it a field ("Tags: ...", "Topics: ...").
FIELD_WORDS = 3

# Between the headline and the body, besides rule lines (the byline, the date, a long share
# row, a photo's credit) and the standfirst's sentences, at most this many other lines (a
# byline with no rule, "In this article:"): more, and what lies between is no headline's
# furniture but a menu or another story.
HEAD_GAP_OTHER = 2


def headline_furniture(head: int, start: int, rules: list, words: list[int], ends: list[bool],
                       scores: list[float], min_words: int) -> bool:
    """Whether the items between the headline `head` and the body block's `start` are all the
    headline's furniture: rule lines, standfirst sentences (see standfirst), and at most
    HEAD_GAP_OTHER other lines."""
    other = 0
    for i in range(head + 1, start):
        if rules[i] is not None or ends[i] and words[i] >= min_words and scores[i] > REPEAT_SCORE:
            continue
        other += 1
        if other > HEAD_GAP_OTHER:
            return False
    return True


def below_headline_label(t: int, rules: list, words: list[int]) -> bool:
    """Whether the line `t` that reads as a headline just above the body (labels.title_before)
    is rather a date line (rule TIMESTAMP, which it had not yet when title_before looked) or a
    label of fewer than SUB_MIN words ("Members only") under the real headline:
    then the standfirst is counted from that headline, and a standfirst sentence right under it
    (a date line or a photo credit between it and the body) stays the article's.
    A line of SUB_MIN words or more is a second headline (a video's title) and keeps its place."""
    return rules[t] == R.TIMESTAMP or words[t] < SUB_MIN


# The words a byline opens with (vocabulary.BYLINE_WORDS), the first of each.
_BYLINE_OPENERS = frozenset(w.split()[0] for w in BYLINE_WORDS.split("|"))


def author_note(text: str) -> bool:
    """Whether a sentence is an author's note rather than a standfirst: it opens with a byline's
    word and a capitalised name ("By Jane Roe, a deputy editor ...", "Von Anna Muster, ..."),
    too long for the byline rule. "Von der Leyen ...", "Por su parte ..." are sentences."""
    first = text.split(None, 2)
    return len(first) > 1 and first[0].lower() in _BYLINE_OPENERS and first[1][:1].isupper()


def headline_dek(head: int, t: int, texts: list[str], rules: list, words: list[int],
                 scores: list[float], min_words: int) -> bool:
    """Whether the line `t` that reads as a headline just above the body (labels.title_before)
    is the dek of the headline `head` above it: the line right under it (or under its date
    line), of `min_words` words or more, not repeated on the page. A dek sums
    the story up in a line without closing punctuation ("Anwohner wehren sich gegen
    den Neubau und drohen mit einer Klage"); a line further down, past another line, is a photo's
    or a video's title. A line with a date or a time in digits, a byline's opening, a field's
    label ("Tags: ..."), a separator "|" or a link's address is the article's metadata, too long
    for its rule; one that shares more than TITLE_MIN_SHARE of its words with the headline is the headline
    again (with its kicker); one that says most of its words twice, a share row run together.
    """
    return (head < t and words[t] >= min_words and rules[t] is None and scores[t] > REPEAT_SCORE
            and (t == head + 1 or t == head + 2 and rules[head + 1] in DATE_RULES)
            and not author_note(texts[t]) and not NUMERIC_DATE.search(texts[t])
            and "|" not in texts[t] and "://" not in texts[t]
            and ":" not in " ".join(texts[t].split(None, FIELD_WORDS)[:FIELD_WORDS])
            and title_share(set(units(texts[t].lower())), set(units(texts[head].lower()))) <= TITLE_MIN_SHARE
            and 2 * len(set(texts[t].lower().split())) > len(texts[t].split()))


# A copy of a line under the headline this many items or fewer under a copy of the headline
# is the article's own teaser in a list of stories (its headline, then its dek or standfirst).
TEASER_REACH = 2


def own_teasers(head: int, start: int, texts: list[str], rules: list, words: list[int],
                ends: list[bool], scores: list[float], min_words: int) -> list[int]:
    """The items between the headline `head` and the body block's `start` that the page repeats
    (scored at most REPEAT_SCORE) only as the article's own teaser: every other copy sits at most
    TEASER_REACH items under a copy of the headline or of another line like it between the
    headline and the item (no rule, no sentence end: a second headline that words it otherwise).
    A site that lists the article itself among its stories ("Similar articles": its headline,
    then its dek) repeats the dek or the standfirst as it repeats no template line."""
    repeats = [i for i in range(head + 1, start)
               if rules[i] is None and words[i] >= min_words and scores[i] <= REPEAT_SCORE]
    if not repeats:
        return []
    wanted = {texts[i] for i in repeats}
    copies: dict[str, list[int]] = {}
    for j, line in enumerate(texts):  # one pass over the page, however many repeats
        if line in wanted:
            copies.setdefault(line, []).append(j)
    out = []
    heads = {texts[head]}  # the headline and the lines like it under it (a second headline)
    at = head + 1
    for i in repeats:
        heads.update(texts[k] for k in range(at, i) if rules[k] is None and not ends[k] and texts[k] not in wanted)
        at = i
        line = texts[i]
        if all(j == i or any(above != line and above in heads for above in texts[max(0, j - TEASER_REACH):j])
               for j in copies[line]):
            out.append(i)
    return out


def credit_next(texts: list[str], i: int) -> bool:
    """Whether the sentence `texts[i]` is a photo's caption whose credit a wrap or a line
    break put on the next line ("... Tuesday, Nov." then "19, 2019. (Jane Roe/AP)"): the two,
    joined, end with a "/"-separated credit (credits.ends_with_credit). A byline after a
    standfirst ("By Jane Roe") reads as a credit of capitalised names too, so the "/" is asked for."""
    return i + 1 < len(texts) and "/" in texts[i + 1] and ends_with_credit(texts[i] + " " + texts[i + 1])
