"""The article's headline: the line that repeats the page's title, or says it in other words.

Saved web pages start with the document's <title> ("Headline - Site"); the article's
headline repeats it further down, and the body follows it. `headline_anchor` finds
that repeat, which anchors the body block (ingest.clean.blocks) unless the article lies
above it (`anchor_leads`: a repeat in a list under the article); `title_match` finds a
headline that words the title otherwise, for the article's title only; `title_line`
chooses the title among them and the line above the body; a line of as many digits as
letters (a date, a score) is never a title (`mostly_digits`).
"""

from __future__ import annotations

import re

from .blocks import ANCHOR_REACH, ANCHOR_SHARE, best_block
from .labels import title_before
from .scripts import columns, units

_NONWORD = re.compile(r"\W+")
# A separator's whitespace starts where a run of whitespace starts (a split always
# resumes after one), and is taken whole: tried at each space of a long run it was
# n**2 steps. A full-width bar or colon and a lone Hangul "ㅣ" (never a letter on its own)
# separate with or without spaces ("見出し｜サイト名", "見出し：新聞デジタル", "제목-정치ㅣ한국일보").
_TITLE_SEP = re.compile(r"(?<!\s)\s++(?:[|\-–—:»·•@]|::)\s+|(?<!\s)\s*+[｜：ㅣ]\s*")


def _key(text: str) -> str:
    return _NONWORD.sub(" ", text.lower()).strip()


# A first line longer than this is no page title (the eval pages' are at most 188
# characters): each line is looked for in it, so its length multiplies the page's.
TITLE_MAX_CHARS = 1000


# A headline is at least this wide, in columns (scripts.columns): a Chinese, Japanese or
# Korean character takes two, so "市議会が新予算可決" (9 characters) is as wide as a
# 18-letter headline.
ANCHOR_MIN_COLUMNS = 12


_CUT = ("…", "...")
_OPENING = "\"'‘’“”„«»‹›「『（(【[ "  # what may open a headline before its first word


def headline_part(title: str) -> str:
    """The widest of a page title's parts ("Headline | Section | Site" -> "Headline")."""
    parts = _TITLE_SEP.split(title)
    widths = columns([_key(part) for part in parts])
    return parts[widths.index(max(widths))]


def headline_anchor(texts: list[str], words: list[int], rules: list) -> int | None:
    """Index of the headline that repeats the page's first line (a page title), or None.

    Saved web pages start with the document title ("Headline - Site"); the
    article's headline repeats it further down, and the body follows it. A line as wide as
    the title's widest part goes before an earlier one that is only near it: the site's name
    at the top of the page, a little narrower than the headline, is no headline.
    """
    if len(texts) < 3 or words[0] < 3 or len(texts[0]) > TITLE_MAX_CHARS:
        return None
    first = _key(texts[0])
    longest = columns([_key(headline_part(texts[0]))])[0]
    # A headline the title starts with, and half of it, needs no separator after it
    # ("标题_科技_腾讯网": an underscore also joins a headline's own parts), unless it is
    # cut short (a teaser's "Headline that goes…")
    half = columns([first])[0] / 2
    first_low = texts[0].lower()
    found = None
    for i in range(1, len(texts)):
        head = texts[i][:4].lower()
        if not head[:1].isalnum():  # a quote may open it in either style: "'Star Wars'", "‘Star Wars’"
            head = texts[i].lstrip(_OPENING)[:3].lower()
        if 3 <= words[i] <= 40 and rules[i] is None and head in first_low:
            k = _key(texts[i])
            width = columns([k])[0]
            if width >= ANCHOR_MIN_COLUMNS and (width >= 0.85 * longest and k in first
                                                or width >= half and first.startswith(k)
                                                and not texts[i].endswith(_CUT)):
                if width >= longest:
                    return i
                if found is None:
                    found = i
    return found


def anchor_leads(anchor: int | None, scores: list[float], positive: list[int],
                 densest: tuple[int, int, float]) -> int | None:
    """`anchor` (headline_anchor), or None when it repeats the title below the article: the
    page's densest block (`densest`, best_block(scores, positive)) ends above it, and what
    follows it within ANCHOR_REACH items scores under ANCHOR_SHARE of that block. (The
    headline in a "recent posts" list, a related-stories box or a footer under the article:
    taken for the anchor, it damps the article above away for the weak text under the list.)"""
    if anchor is None:
        return None
    _, end, best = densest
    if best <= 0 or end > anchor:
        return anchor
    near = [i for i in positive if anchor < i <= anchor + ANCHOR_REACH]
    return anchor if near and best_block(scores, near)[2] >= ANCHOR_SHARE * best else None


# How far above the body a headline is looked for, in lines, when the page does not
# repeat its title exactly (a page's menu comes before it: the nearest is taken on a tie)
TITLE_REACH = 60
TITLE_MIN_SHARE = 0.5  # of the words of the line and of the title's headline part together


def title_words(title: str) -> set[str]:
    """The words of a page title's headline part (headline_part), lower-cased, as
    scripts.units counts them (in scripts written without spaces, its characters)."""
    return set(units(headline_part(title).lower()))


def title_share(line: set[str], title: set[str]) -> float:
    """The share of the words of a line and a title together (sets of units) that both have."""
    return len(line & title) / len(line | title) if line else 0.0


def title_match(texts: list[str], words: list[int], rules: list, ends: list[bool], start: int) -> int | None:
    """Index of the line above the body (at most TITLE_REACH lines above it), or the body's
    first line if it is no sentence, that shares the most words with the page's first
    line, its <title> (its widest part, headline_part): more than TITLE_MIN_SHARE of the
    two's words together. A headline that says the title in other words ("Emirates inks
    $9 billion order ..." under "Emirates inks order ... | CNBC"); a sentence of the body
    is never taken for it, nor one of several lines alike (a list of teasers), whose
    first may be the page's first line."""
    if len(texts) < 3 or len(texts[0]) > TITLE_MAX_CHARS:
        return None
    title = title_words(texts[0])
    best, best_share = None, TITLE_MIN_SHARE
    alike = set()  # the lines that match: two different ones are a list of teasers alike
    last = start if start < len(texts) and not ends[start] else start - 1
    for i in range(max(1, start - TITLE_REACH), last + 1):
        if rules[i] is not None or words[i] < 2:
            continue
        share = title_share(set(units(texts[i].lower())), title)
        if share > TITLE_MIN_SHARE:
            alike.add(texts[i])
        if share > best_share or share == best_share > TITLE_MIN_SHARE:  # the nearest on a tie
            best, best_share = i, share
    return best if len(alike) == 1 else None


def mostly_digits(line: str) -> bool:
    """True when a line has at least as many digits as letters: a date and time
    ("05.06.2025 um 14:46"), a score ("Palm Bay 18 22 13 17 — 70"), never a headline."""
    digits = sum(map(str.isdigit, line))
    return digits > 0 and digits >= sum(map(str.isalpha, line))


def title_line(texts: list[str], words: list[int], rules: list, ends: list[bool], anchor: int | None,
               start: int, end: int, above: int | None) -> int | None:
    """Index of the article's title among the lines, or None: the headline that repeats the
    page's title (`anchor`) where there is one before the body's `end`, else the line that
    words it otherwise (title_match), else `above`, the line just above the body (a byline,
    a caption or a share row's label as often as the headline), and never a date (a line of
    mostly digits, or one with a rule: `above` is chosen by the rules before the date lines had theirs)."""
    headline = anchor if anchor is not None and anchor < end else title_match(texts, words, rules, ends, start)
    if headline is None:
        headline = above
    while headline is not None and (mostly_digits(texts[headline]) or rules[headline] is not None):
        # the headline is above it (a line with a rule: a date line, text.mark_date_lines)
        headline = title_before(words, rules, ends, headline)
    return headline
