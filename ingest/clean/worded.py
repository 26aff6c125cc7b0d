"""The headline that words the page's title otherwise, as an anchor for the body block.

A page whose headline does not repeat its <title> (headline.headline_anchor finds none:
"Nach Corona-Lockerungen Autohäuser rechnen ..." under "Corona-Lockerungen: Autohäuser
rechnen ... | Site") still has its article right under the headline; without an anchor,
a denser list of teasers further down wins the block search. The one line of the page
that shares most of its words with the title's headline part is that headline (words as
choose.units counts them: in scripts written without spaces, each character is one).
"""

from __future__ import annotations

from .headline import TITLE_MAX_CHARS, TITLE_MIN_SHARE, title_share, title_words
from .scripts import units

# A headline has at least this many words, and at most this many.
MIN_WORDS = 3
MAX_WORDS = 40


def worded_anchor(texts: list[str], words: list[int], rules: list, ends: list[bool], before: int) -> int | None:
    """Index of the one line after the first (the page title) with no rule and no sentence
    end whose words and the title's headline part's (titleparts.headline_part) share more
    than TITLE_MIN_SHARE of the two's words together, if it comes before item `before` (the
    densest block's start: a line after it is a teaser for the story, or the headline of a
    page saved wrapped, which the wrap broke), else None; None too when several lines do (a
    list of teasers alike). A line of exactly the title's words is the title itself, repeated
    in a breadcrumb or in a list under the article that headline.anchor_leads passed over: it
    is neither the headline found here nor another teaser alike."""
    if len(texts) < 3 or words[0] < MIN_WORDS or len(texts[0]) > TITLE_MAX_CHARS:
        return None
    title = title_words(texts[0])
    if len(title) < MIN_WORDS:
        return None
    # Two sets that share more than half their union are within twice each other's size:
    # a line of far fewer or far more words is passed over unread.
    low, high = max(MIN_WORDS, len(title) // 3), min(MAX_WORDS, 3 * len(title))
    # Such a line holds more than half the title's words, so at least one of any half of them
    # and one more: the longest, looked for as substrings (str.find) before the line is split.
    probes = sorted(title, key=len, reverse=True)[:len(title) // 2 + 1]
    found = None
    seen = set()
    for i in range(1, len(texts)):
        if rules[i] is not None or ends[i] or not low <= words[i] <= high:
            continue
        text = texts[i].lower()
        if not any(map(text.__contains__, probes)):
            continue
        line = set(units(text))
        if line == title:  # the title repeated (a breadcrumb, the story's teaser in a list)
            continue
        if title_share(line, title) > TITLE_MIN_SHARE:
            seen.add(texts[i])
            if len(seen) > 1:
                return None
            if found is None:
                found = i
    return found if found is not None and found < before else None
