"""Affiliate disclosures: the site's notice that it earns from the links in its articles.

"When you purchase through links on our site, we may earn an affiliate commission. Here's how
it works.", "Advertising disclosure: We may receive compensation for some of the links in our
stories.", "In diesem Artikel sind Affiliate-Links enthalten ... erhalten wir eine kleine
Provision", "本記事はアフィリエイト広告を利用しています", "이 포스팅은 쿠팡 파트너스 활동의 일환으로,
이에 따른 일정액의 수수료를 제공받습니다". Such a line reads as a sentence, so the line
classifier kept it in the body, and so do the extractors; it is the site's, not the article's
(rule "phrase:ad", an ad marker).

A disclosure is a line of at most DISCLOSURE_MAX_WORDS words that says what the site earns
(vocabulary.EARNING_STEMS: affiliate, commission, compensation, Provision, comisión), names a
link (vocabulary.LINK_WORDS, whole words, or as a compound's end: "Affiliate-Links",
"Partnerlinks") and speaks of the site or to the reader (vocabulary.READER_WORDS, SELF_WORDS:
"our", "we", "you", "wir", "nous") or says what it earns twice ("enlaces de afiliados ...
podemos recibir una comisión": Spanish, Italian and Portuguese leave the pronoun out). In
Chinese, Japanese and Korean, where words have no spaces, it says what the site earns and names the page or the site itself (EARNING_UNSPACED,
SELF_UNSPACED: "本記事", "当サイト", "이 포스팅"). An article that reports on a commission
names no link of its own and does not speak for the site ("the European Commission said on
Monday"), and a quoted line is someone's words ("“We will buy more,” the Commission said").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

from .vocabulary import EARNING_STEMS, EARNING_UNSPACED, LINK_WORDS, READER_WORDS, SELF_UNSPACED, SELF_WORDS

# The most words a disclosure has: a sentence or three ("This article contains affiliate links.
# The products or services listed have been selected independently by journalists ... We may
# earn a commission ..." is 46); a paragraph of the article is often longer.
DISCLOSURE_MAX_WORDS = 70

_PERSON = re.compile(r"\b(?:" + "|".join(map(re.escape, READER_WORDS + SELF_WORDS)) + r")\b")
# A link word: whole, or ending a compound ("affiliate-links", "partnerlinks", "hyperlinks").
_LINK = re.compile(r"(?:" + "|".join(map(re.escape, LINK_WORDS)) + r")\b")
_QUOTES = "\"'“”„‘’«»‹›「『"
_LEAD = " \t*•·-–—(["  # a footnote's star, a bullet, a bracket before the first word
_STEMS = EARNING_STEMS + EARNING_UNSPACED
_COMPOUNDS = ("affiliate", "partner", "hyper", "werbe")  # "Affiliatelinks", "Partnerlinks", "Werbelinks"


def _names_link(low: str) -> bool:
    """Whether the lower-cased line names a link (LINK_WORDS), as a word or a compound's end."""
    for m in _LINK.finditer(low):
        at = m.start()
        if at == 0 or not low[at - 1].isalpha() or low.endswith(_COMPOUNDS, 0, at):
            return True
    return False


def disclosure(low: str) -> bool:
    """Whether this lower-cased line of at most DISCLOSURE_MAX_WORDS words is an affiliate
    disclosure (see above)."""
    if low.lstrip(_LEAD)[:1] in _QUOTES:
        return False
    earned = sum(map(low.__contains__, EARNING_STEMS))
    if earned and _names_link(low) and (earned > 1 or _PERSON.search(low) is not None):
        return True
    return any(map(low.__contains__, EARNING_UNSPACED)) and any(map(low.__contains__, SELF_UNSPACED))


def disclosure_lines(texts: list[str], words: list[int], candidates: list[int]) -> list[int]:
    """The candidates (indices into `texts`, with `words` their word counts) that are affiliate
    disclosures. The short ones are lower-cased and joined once, and each stem is found with
    str.find: only the lines that hold one are looked at."""
    short = [i for i in candidates if words[i] <= DISCLOSURE_MAX_WORDS]
    if not short:
        return []
    lows = [texts[i].lower() for i in short]
    page = "\n".join(lows)
    starts = list(accumulate([len(low) + 1 for low in lows], initial=0))
    hits = set()
    for stem in _STEMS:
        at = page.find(stem)
        while at >= 0:
            k = bisect_right(starts, at) - 1
            hits.add(k)
            at = page.find(stem, starts[k + 1])
    return sorted(short[k] for k in hits if disclosure(lows[k]))
