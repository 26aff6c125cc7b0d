"""Lists and tables inside an article: what a sentence ending in a colon introduces.

An article lists things as lines that end no sentence: rankings ("1. ..."), a table's
cells, ingredients, release dates. Scored alone such lines cost, like a menu's, and a
run of them splits the article in two, of which the densest block keeps one. A list
inside the article is told by its prose, not by its lines: a sentence ending in a colon
(":" or the full-width "：") introduces it, and the article's prose resumes after it.
A menu is introduced by no sentence, and one after a prompt ("Follow us:") is followed
by more chrome, not by prose. A list the article ends with runs up to the heading of a box
of teasers ("Related", "Ähnliche Beiträge") as it would up to its prose.
"""

from __future__ import annotations

import re
from operator import itemgetter

from .rules import TEASER_RULES
from .scoring import REPEAT_SCORE

# What a bridged list line scores: just enough to be part of the run, not to pay for it.
LIST_ITEM_SCORE = 0.01
# A list longer than this many lines is no aside of the article.
LIST_MAX_ITEMS = 40
_COLONS = (":", "：")
_CLOSERS = "\"'”’»)]】」』）*"
_MAY_END_IN_COLON = re.compile("[" + re.escape(":：" + _CLOSERS) + "]")
_last = itemgetter(-1)


def introduces_list(text: str, n_words: int, min_words: int) -> bool:
    """Whether the line is a sentence that introduces what follows: min_words words or
    more (characters in scripts written without spaces), ending in one colon (a title's
    "Site ::" separates), fewer than half of them capitalised (a sentence, not a run of menu labels; scripts without
    case have none)."""
    text = text.rstrip(_CLOSERS)
    if n_words < min_words or not text.endswith(_COLONS) or text[-2:-1] in _COLONS:  # "Site ::" separates
        return False
    tokens = text.split()
    return 2 * sum(1 for t in tokens if t[0].isupper()) < len(tokens)


def bridge_lists(scores: list[float], rules: list, texts: list[str], words: list[int],
                 min_words: int) -> bool:
    """Let the article run on over the lists its sentences introduce (see above).

    For each line that introduces a list (introduces_list, no rule) and is followed,
    within LIST_MAX_ITEMS lines none of which has a rule or repeats on the page, by a
    line that scores as text (the prose resumes) or a related marker (the article ends), the introducing line scores as the
    sentence it is (its words) and each line between that scores nothing scores
    LIST_ITEM_SCORE. Changes `scores` in place; returns whether it changed any.
    """
    n = len(scores)
    changed = False
    # The lines that may end in a colon, found on the string of the lines' last characters.
    lasts = "".join(map(_last, texts))
    for m in _MAY_END_IN_COLON.finditer(lasts, 0, max(0, n - 2)):
        i = m.start()
        if rules[i] is not None or not introduces_list(texts[i], words[i], min_words):
            continue
        k = i + 1
        while k < n and k - i <= LIST_MAX_ITEMS and rules[k] is None and scores[k] <= 0 \
                and scores[k] > REPEAT_SCORE:
            k += 1
        if k == i + 1 or k >= n or k - i > LIST_MAX_ITEMS:
            continue
        if (rules[k] is not None or scores[k] <= 0) and rules[k] not in TEASER_RULES:
            continue
        scores[i] = max(scores[i], float(words[i]))
        for j in range(i + 1, k):
            scores[j] = LIST_ITEM_SCORE
        changed = True
    return changed
