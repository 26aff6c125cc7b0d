"""A teaser's card inside the body, read from its foot up: cards_above_links.

A card to another story shows a kicker or a date, its headline and a blurb that ends with the
link ("Analyse 11.04.2022" / "Spiegels Rücktritt Wenn der Gegenwind zu stark wird" / "Bereits
als Landesministerin war Spiegel umstritten ... mehr"). rules gives the blurb with its link rule
RELATED (rules._READ_MORE: a sentence end, then "more", "mehr", "weiterlesen", "lire la suite",
...); the headline and kicker above it have no sentence end and read as the article's
sub-headings. The lines right above such a blurb, up to CARD_HEAD_ITEMS of them, that have no
rule, no sentence end and at most CARD_HEAD_MAX_WORDS words are the card's (rule TEASER); the
first line above with a sentence end is the article's. An article's sub-heading stands over its
own paragraphs, not over a blurb that ends with a link. CARD_HEAD_MAX_WORDS: a headline has fewer
than 20 words, but a page may print a card's headline with its hidden copies on one line (three
times over on readability-dev's Lifehacker pages); a line of prose without a sentence end is
rarely that long.
"""

from __future__ import annotations

from itertools import compress, repeat
from operator import eq

from . import rules as R
from .rules import _KEY_STRIP, _READ_MORE_L, _READ_MORE_LAST, _READ_MORE_REACH  # rules' own link test

CARD_HEAD_ITEMS = 2
CARD_HEAD_MAX_WORDS = 40


def cards_above_links(texts: list[str], words: list[int], rules: list, labels: list, ends: list[bool],
                      start: int, end: int) -> list[int]:
    """Indices of the body lines (labels[i] None) in [start, end) that are the kicker or headline
    of a teaser's card above its blurb and link (see above)."""
    out = []
    for j in compress(range(start + 1, end), map(eq, rules[start + 1:end], repeat(R.RELATED))):
        low = texts[j].lower()
        if not (low.strip(_KEY_STRIP).endswith(_READ_MORE_LAST)
                and _READ_MORE_L.search(low, max(0, len(low) - _READ_MORE_REACH))):
            continue  # a "Related:" marker: its teasers are under it
        for i in range(j - 1, max(start, j - 1 - CARD_HEAD_ITEMS), -1):
            if labels[i] is not None or rules[i] is not None or ends[i] or words[i] > CARD_HEAD_MAX_WORDS:
                break
            out.append(i)
    return out
