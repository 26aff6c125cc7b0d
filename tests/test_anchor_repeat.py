"""A headline repeated below the article, in a list of recent posts, is no anchor.

Pages list their latest stories in a sidebar or footer under the article, and the
article's own headline is one of them. Taken for the headline that the body follows,
that repeat would damp the article above it away and keep the short notice under the
list instead (headline.choose_anchor).
"""

from __future__ import annotations

from conftest import HARBOUR_BODY
from ingest.clean.text import clean_text
from ingest.config import CleanOptions

HEADLINE = "Harbour pier closed after divers find cracks in pillars"
TOPICS = ["Storms", "Regattas", "Markets", "Lighthouses", "Fishing", "Tides", "Concerts",
          "Festivals", "Beach cleanups", "Seal counts", "Ferry strikes", "Road works"]
NOTICE = ["This site stores small files on your device to remember your choices."]


def page(notice: list[str]) -> str:
    """A page whose headline appears only in its <title> and in a list under the body."""
    lines = [f"{HEADLINE} - Coast Gazette", "", "Home", "Ports", "Weather", "Contact", ""]
    lines += [line for sentence in HARBOUR_BODY for line in (sentence, "")]
    lines += ["Related stories", HEADLINE] + [f"{topic} on the coast this week" for topic in TOPICS] + [""]
    lines += notice + ["", "Settings", "Accept"]
    return "\n".join(lines)


def test_the_article_above_a_list_that_repeats_its_headline_is_the_body():
    cleaned = clean_text(page(NOTICE), CleanOptions())
    assert list(cleaned.paragraphs) == HARBOUR_BODY


def test_the_notice_under_the_list_is_not_the_body():
    cleaned = clean_text(page(NOTICE), CleanOptions())
    assert not any(NOTICE[0][:30] in p for p in cleaned.paragraphs)


def test_a_headline_whose_punctuation_differs_from_the_title_is_the_anchor_in_any_script():
    """The title and the headline are compared by their words (headline._key): an ASCII
    headline (keyed without sre) and one with accented letters (keyed with it) alike."""
    from ingest.clean.headline import headline_anchor
    for headline in ("Harbour pier closed: divers find cracks in pillars!",
                     "Hafenmole gesperrt: Taucher finden Risse in Pfeilern – Prüfung läuft"):
        title = headline.replace(":", "").replace("!", "").replace("–", "-") + " | Coast Gazette"
        texts = [title, "Home", "Ports", headline, *HARBOUR_BODY]
        words = [len(t.split()) for t in texts]
        assert headline_anchor(texts, words, [None] * len(texts)) == 3
