"""A headline repeated below the article, in a list of recent posts, is no anchor.

Pages list their latest stories in a sidebar or footer under the article, and the
article's own headline is one of them. Taken for the headline that the body follows,
that repeat would damp the article above it away and keep the short notice under the
list instead (headline.choose_anchor).
"""

from __future__ import annotations

from conftest import HARBOUR_BODY
from ingest.clean.blocks import ANCHOR_REACH, REACH_MAX, reach_end
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
    """The title and the headline are compared by their words (titleparts.title_key): an ASCII
    headline (keyed without sre) and one with accented letters (keyed with it) alike."""
    from ingest.clean.headline import headline_anchor
    for headline in ("Harbour pier closed: divers find cracks in pillars!",
                     "Hafenmole gesperrt: Taucher finden Risse in Pfeilern – Prüfung läuft"):
        title = headline.replace(":", "").replace("!", "").replace("–", "-") + " | Coast Gazette"
        texts = [title, "Home", "Ports", headline, *HARBOUR_BODY]
        words = [len(t.split()) for t in texts]
        assert headline_anchor(texts, words, [None] * len(texts)) == 3


# A toolbar of buttons between a headline and its article, as news sites set one.
TOOLBAR = ["Tweet", "Share", "Print", "Mail", "Text", "HTML", "E-book", "PDF", "Download", "Text", "E-book", "PDF",
           "Clip", "Save"]
FOOTER = ["Coast Gazette is written for the people of the northern coast and covers its ports, its weather, "
          "its towns and its islands every day of the year, in print and on the web.",
          "Our reporters live in the towns they write about, and the paper has kept an office in each of the "
          "five harbours since it was founded by a group of ferry captains in the year of the great flood.",
          "For news about shipping in the whole region, our sister paper the Channel Courier is the place to look."]


def toolbar_page(buttons: list[str]) -> str:
    """A page whose headline repeats its title, with `buttons` between the headline and a
    short article, and a denser block about the paper at its foot after a long menu."""
    lines = [f"{HEADLINE} - Coast Gazette", "", "Home", "Ports", "Weather", "", HEADLINE, "",
             "Coast Gazette staff, 12 May 2024", ""]
    lines += buttons + [""] + [line for sentence in HARBOUR_BODY[:2] for line in (sentence, "")]
    lines += [f"{topic} on the coast" for topic in TOPICS * 6] + [""]
    lines += [line for notice in FOOTER for line in (notice, "")]
    return "\n".join(lines)


def test_a_toolbar_of_buttons_under_the_headline_does_not_carry_the_article_out_of_reach():
    """The block right under the headline is the article, however many one-word buttons
    (blocks.BUTTON_WORDS) stand between them; a denser block about the site at the page's
    foot is not."""
    assert len(TOOLBAR) > ANCHOR_REACH
    cleaned = clean_text(toolbar_page(TOOLBAR), CleanOptions())
    assert list(cleaned.paragraphs) == HARBOUR_BODY[:2]


def test_the_reach_counts_lines_of_words():
    """Items of more words than a button count towards the reach, and so does every item after
    the first content item (a menu under a short article is no toolbar); it ends REACH_MAX
    items down whatever they are."""
    words = [8, 1, 1, 5, 1, 6] + [7] * 30
    assert reach_end(0, words, [30]) == words.count(1) + ANCHOR_REACH  # the buttons are not counted
    assert reach_end(0, words, [3]) == 2 + ANCHOR_REACH  # those above the content only
    assert reach_end(0, [8] + [1] * 100, []) == REACH_MAX
    assert reach_end(3, [8] * 6, [4]) == 5  # the page's end
