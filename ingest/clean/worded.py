"""The headline that words the page's title otherwise, as an anchor for the body block.

A page whose headline does not repeat its <title> (headline.headline_anchor finds none:
"Nach Corona-Lockerungen Autohäuser rechnen ..." under "Corona-Lockerungen: Autohäuser
rechnen ... | Site") still has its article right under the headline; without an anchor,
a denser list of teasers further down wins the block search. The one line of the page
that shares most of its words with the title's headline part is that headline.
"""

from __future__ import annotations

import re

from .headline import TITLE_MAX_CHARS, TITLE_MIN_SHARE, headline_part

_WORD = re.compile(r"\w+")
# A headline has at least this many words, and at most this many.
MIN_WORDS = 3
MAX_WORDS = 40


def worded_anchor(texts: list[str], words: list[int], rules: list, ends: list[bool], before: int) -> int | None:
    """Index of the one line after the first (the page title) with no rule and no sentence
    end whose words and the title's headline part's (headline.headline_part) share more
    than TITLE_MIN_SHARE of the two's words together, if it comes before item `before` (the
    densest block's start: a line after it is a teaser for the story, or the headline of a
    page saved wrapped, which the wrap broke), else None; None too when several lines do (a
    list of teasers alike)."""
    if len(texts) < 3 or words[0] < MIN_WORDS or len(texts[0]) > TITLE_MAX_CHARS:
        return None
    title = set(_WORD.findall(headline_part(texts[0]).lower()))
    if len(title) < MIN_WORDS:
        return None
    found = None
    seen = set()
    for i in range(1, len(texts)):
        if rules[i] is not None or ends[i] or not MIN_WORDS <= words[i] <= MAX_WORDS:
            continue
        line = set(_WORD.findall(texts[i].lower()))
        if len(line & title) > TITLE_MIN_SHARE * len(line | title):
            seen.add(texts[i])
            if len(seen) > 1:
                return None
            if found is None:
                found = i
    return found if found is not None and found < before else None
