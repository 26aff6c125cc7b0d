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
"Partnerlinks"; with "link" or "affili" among its words) and speaks of the site or to the
reader (vocabulary.READER_WORDS, SELF_WORDS: "our", "we", "you", "wir", "nous") or says what it
earns twice ("enlaces de afiliados ... podemos recibir una comisión": Spanish, Italian and
Portuguese leave the pronoun out). In Chinese, Japanese and Korean, where words have no spaces,
it says what the site earns and names the page or the site itself (EARNING_UNSPACED,
SELF_UNSPACED: "本記事", "当サイト", "이 포스팅"). An article that reports on a commission
names no link of its own and does not speak for the site ("the European Commission said on
Monday"), and a quoted line is someone's words ("“We will buy more,” the Commission said").
Lines are found with the page's other notices (ingest.clean.notices), by ANCHORS.
"""

from __future__ import annotations

import re

from .vocabulary import EARNING_STEMS, EARNING_UNSPACED, LINK_WORDS, READER_WORDS, SELF_UNSPACED, SELF_WORDS

# The most words a disclosure has: a sentence or three ("This article contains affiliate links.
# The products or services listed have been selected independently by journalists ... We may
# earn a commission ..." is 46); a paragraph of the article is often longer.
DISCLOSURE_MAX_WORDS = 70

# What every disclosure holds, for the page-wide search (ingest.clean.notices; each stem costs a
# scan of the page): "link" (English, German, Dutch, Italian, Portuguese, Polish ...) or "fili"
# (a French or Spanish disclosure names its "liens affiliés", "enlaces de afiliados"; one scan
# for both, where "lien" and "enlace" took two), or, in Chinese, Japanese and Korean, what the
# site earns.
LATIN_ANCHORS = ("link", "fili")
ANCHORS = LATIN_ANCHORS + EARNING_UNSPACED

_PERSON = re.compile(r"\b(?:" + "|".join(map(re.escape, READER_WORDS + SELF_WORDS)) + r")\b")
# A link word: whole, or ending a compound ("affiliate-links", "partnerlinks", "hyperlinks").
_LINK = re.compile(r"(?:" + "|".join(map(re.escape, LINK_WORDS)) + r")\b")
_QUOTES = "\"'“”„‘’«»‹›「『"
_LEAD = " \t*•·-–—(["  # a footnote's star, a bullet, a bracket before the first word
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
    earned = sum(map(low.__contains__, EARNING_STEMS)) if any(map(low.__contains__, LATIN_ANCHORS)) else 0
    if earned and _names_link(low) and (earned > 1 or _PERSON.search(low) is not None):
        return True
    return any(map(low.__contains__, EARNING_UNSPACED)) and any(map(low.__contains__, SELF_UNSPACED))
