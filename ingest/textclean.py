"""Plain-text boilerplate removal: a line classifier with block reasoning.

Each input line ends up either in a body paragraph or in `removed` with the name
of the rule that removed it (see ingest.textrules for the vocabulary). Steps:

1. lines are stripped; per-source template lines go (rule "template");
2. hard-wrapped lines are rejoined (a line without closing punctuation followed,
   with no blank line between, by a line that starts in lower case);
3. each line gets a shape rule (share, subscribe, counter, caption, ...) or none,
   and a score: real sentences count their words, other lines cost a penalty;
4. the article is the densest block: the run of lines with the highest total
   score (maximum-sum segment). Lines outside it go with rule "density" (or their
   shape rule); inside it, shape-rule lines, teasers after a "Related" marker,
   and everything after an end marker (a comments widget, a subscription box)
   go too;
5. the headline line just before the block becomes the title, and a
   "Published ..." line the published date; both are recorded as removed lines
   with rule "title" / "published" so that no input line is lost.
"""

from __future__ import annotations

import re

from . import textrules as R
from .cleaned import Cleaned
from .config import CleanOptions
from .dates import find_published
from .models import RemovedLine
from .normalize import normalize_text

_DATELINE_START = frozenset("PpUuLlFfDd")  # Published, Posted, Updated, Last updated, First, Date
_TERMINAL = frozenset(".!?…。")
_CLOSERS = "\"'”’»)]】」*"
_NO_WRAP_END = frozenset(".!?…:;。")


def _ends_sentence(line: str) -> bool:
    s = line.rstrip(_CLOSERS)
    return bool(s) and s[-1] in _TERMINAL


class _Item:
    """One non-blank line (or several rejoined hard-wrapped lines)."""

    __slots__ = ("nos", "texts", "text", "words", "rule", "score", "ends")

    def __init__(self, no: int, text: str, words: int) -> None:
        self.nos = [no]
        self.texts = [text]
        self.text = text
        self.words = words
        self.rule: str | None = None
        self.score = 0.0
        self.ends = False  # ends with sentence punctuation (set after rejoining)


def _rejoin(items: list[_Item], blank_before: set[int]) -> list[_Item]:
    """Merge hard-wrapped continuation lines into the line they continue."""
    out: list[_Item] = []
    for it in items:
        prev = out[-1] if out else None
        if (prev is not None and it.nos[0] not in blank_before and it.nos[0] == prev.nos[-1] + 1
                and prev.words >= 5 and prev.text[-1] not in _NO_WRAP_END
                and not prev.text.endswith(_CLOSERS) and it.text[0].islower()
                and prev.text[0] not in "•●▪*|"):
            prev.nos.append(it.nos[0])
            prev.texts.append(it.texts[0])
            prev.text = prev.text + " " + it.text
            prev.words += it.words
            continue
        out.append(it)
    return out


def _score(it: _Item, min_words: int) -> float:
    n = it.words
    if it.rule is not None:
        return -8.0
    if it.ends:
        if n >= min_words:
            return float(n)
        if n >= 4:
            return n * 0.5 - 1.0
        return -3.0
    if n >= 2 * min_words:
        return n * 0.5
    if n >= min_words:
        return -1.0
    return -3.0


END_MIN_SCORE = 40.0
SANDWICH = 0.25


def _damp_teasers(items: list[_Item]) -> None:
    """Lower the score of one-sentence blurbs that alternate with headlines (teaser lists)."""
    flags = [it.rule is None and 2 <= it.words <= 20 and not it.ends for it in items]
    for i in range(1, len(items) - 1):
        if flags[i - 1] and flags[i + 1] and items[i].score > 0:
            items[i].score *= SANDWICH


REPEAT_SCORE = -4.0


RUN_STEP = 2.0


def _best_block(items: list[_Item]) -> tuple[int, int]:
    """Indices [start, end) of the maximum-sum run of item scores (empty if none > 0).

    Consecutive non-content lines cost more the longer their run: one subheading
    or caption between paragraphs is cheap, a menu of twenty links is not.
    """
    best, best_s, best_e = 0.0, 0, 0
    cur, cur_s = 0.0, 0
    run = 0
    for i, it in enumerate(items):
        if cur <= 0:
            cur, cur_s = 0.0, i
        score = it.score
        if score <= 0:
            run += 1
            score -= RUN_STEP * (run - 1)
        else:
            run = 0
        cur += score
        if cur > best:
            best, best_s, best_e = cur, cur_s, i + 1
    return best_s, best_e


BEFORE_ANCHOR = 0.1
_NONWORD = re.compile(r"\W+")
_TITLE_SEP = re.compile(r"\s+(?:[|\-–—:»·•]|::)\s+")


def _key(text: str) -> str:
    return _NONWORD.sub(" ", text.lower()).strip()


def _headline_anchor(items: list[_Item]) -> int | None:
    """Index of the headline that repeats the page's first line (a page title), or None.

    Saved web pages start with the document title ("Headline - Site"); the
    article's headline repeats it further down, and the body follows it.
    """
    if len(items) < 3 or items[0].words < 3:
        return None
    first = _key(items[0].text)
    longest = max(len(_key(part)) for part in _TITLE_SEP.split(items[0].text))
    first_low = items[0].text.lower()
    for i in range(1, len(items)):
        it = items[i]
        if 3 <= it.words <= 40 and it.rule is None and it.text[:4].lower() in first_low:
            k = _key(it.text)
            if len(k) >= 12 and len(k) >= 0.85 * longest and k in first:
                return i
    return None


def _title_before(items: list[_Item], start: int) -> int | None:
    """Index of the headline line just before the body block, or None."""
    for i in range(start - 1, max(-1, start - 12), -1):
        it = items[i]
        if it.rule is not None:
            continue
        if it.words < 3:
            continue
        if it.words > 30:
            return None
        if it.ends:
            continue
        return i
    return None


def clean_text(text: str, options: CleanOptions, template: frozenset[str] = frozenset()) -> Cleaned:
    """Split plain text into title, published date, body paragraphs and removed lines."""
    min_words = max(1, getattr(options, "min_paragraph_words", 8))
    removed: list[RemovedLine] = []
    items: list[_Item] = []
    blank_before: set[int] = set()
    prev_blank = True
    for no, raw in enumerate(text.splitlines()):
        line = raw.strip()
        if not line:
            prev_blank = True
            continue
        if prev_blank:
            blank_before.add(no)
            prev_blank = False
        if template and normalize_text(line) in template:
            removed.append(RemovedLine(no, line, R.TEMPLATE))
            continue
        items.append(_Item(no, line, len(line.split())))
    items = _rejoin(items, blank_before)

    seen: dict[str, int] = {}
    keys: list[str | None] = []
    match_line, strip_bullet = R.match_line, R.strip_bullet
    for it in items:
        it.rule = match_line(it.text, it.words)
        it.ends = _ends_sentence(it.text)
        if it.words >= 4:
            key = strip_bullet(it.text)
            seen[key] = seen.get(key, 0) + 1
            keys.append(key)
        else:
            keys.append(None)
    n = len(items)
    for i, it in enumerate(items):
        a = keys[i]
        if it.rule is None and a is not None:
            # A caption repeated (alt text, then caption with credit) next to itself.
            for j in (i + 1, i + 2):
                if j < n:
                    b = keys[j] if keys[j] is not None else strip_bullet(items[j].text)
                    if a.startswith(b) or b.startswith(a):
                        it.rule = R.REPEAT
                        break
        it.score = _score(it, min_words)
        if it.rule is None and a is not None and seen[a] > 1:
            it.score = min(it.score, REPEAT_SCORE)

    _damp_teasers(items)
    anchor = _headline_anchor(items)
    if anchor is not None:
        for it in items[:anchor]:
            if it.score > 0:
                it.score *= BEFORE_ANCHOR
    # Metadata first: a dateline is never the title or part of the body.
    published = None
    for it in items:
        if (it.words <= 12 and it.rule is None or it.rule == R.TIMESTAMP) \
                and it.text[:1] in _DATELINE_START:
            date = find_published(it.text)
            if date:
                it.rule = R.PUBLISHED
                it.score = -1.0
                if published is None:
                    published = date
    start, end = _best_block(items)
    labels: list[str | None] = [R.DENSITY] * len(items)
    total = sum(it.score for it in items[start:end] if it.score > 0)
    body_score = 0.0
    after_marker = False
    for i in range(start, end):
        it = items[i]
        if it.rule in R.END_RULES and body_score >= min(0.5 * total, END_MIN_SCORE):
            for j in range(i, end):
                labels[j] = items[j].rule or R.END_MARKER
            end = i
            break
        if it.rule is not None:
            labels[i] = it.rule
            after_marker = it.rule in R.TEASER_RULES
            continue
        if after_marker and not it.ends:
            labels[i] = R.TEASER
            after_marker = False
            continue
        after_marker = False
        labels[i] = None
        if it.score > 0:
            body_score += it.score
    for i in range(0, start):
        labels[i] = items[i].rule or R.DENSITY
    tail = R.DENSITY
    for i in range(end, len(items)):
        # A comments widget or subscription box right after the body ends the article.
        if tail is R.DENSITY and i < end + 3 and items[i].rule in R.END_RULES:
            tail = R.END_MARKER
        labels[i] = items[i].rule or tail

    title = None
    if end > start:
        t = _title_before(items, start)
        if t is not None:
            title = items[t].text
            labels[t] = R.TITLE

    paragraphs: list[str] = []
    for it, label in zip(items, labels):
        if label is None:
            paragraphs.append(it.text)
        else:
            for no, line in zip(it.nos, it.texts):
                removed.append(RemovedLine(no, line, label))
    removed.sort(key=lambda r: r.line_no)
    return Cleaned(title, published, tuple(paragraphs), tuple(removed))
