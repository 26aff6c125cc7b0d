"""A headline inside the body that the page repeats below it (a video's or teaser's title, then
the related list under the article) is a link to another story: labels.label_repeated_teasers."""
from __future__ import annotations

import random

import pytest

from conftest import COUNCIL_BODY, COUNCIL_BODY_DE
from ingest.config import CleanOptions
from ingest.clean.text import clean_text
from synthetic import make_vocabulary, sentence

OPTIONS = CleanOptions()


def _page(headline: str, body: list[str], teaser: str, related: list[str]) -> str:
    lines = ["Home", "News", headline, *body[:2], teaser, *body[2:], "Related", *related, "Contact"]
    return "\n\n".join(lines)


def _removed_rule(cleaned, line: str) -> str | None:
    return next((r.rule for r in cleaned.removed if r.text.strip() == line), None)


@pytest.mark.parametrize("headline, body, teaser, related", [
    ("Council approves budget for more buses", COUNCIL_BODY, "Residents react to the new bus routes in the north",
     ["Mayor opens the new harbour bridge", "Schools close early for the summer"]),
    ("Stadtrat beschließt Haushalt für mehr Busse", COUNCIL_BODY_DE, "So reagieren die Anwohner auf die neuen Buslinien",
     ["Bürgermeisterin eröffnet die neue Hafenbrücke", "Schulen schließen früher für den Sommer"]),
], ids=["en", "de"])
def test_a_teaser_repeated_in_the_related_list_goes(headline, body, teaser, related):
    cleaned = clean_text(_page(headline, body, teaser, [related[0], teaser, related[1]]), OPTIONS)
    assert list(cleaned.paragraphs) == body
    assert _removed_rule(cleaned, teaser) == "teaser"


def test_sub_heading_not_repeated_below_and_repeated_sentence_stay():
    heading = "What the new routes mean for students"
    related = ["Mayor opens the new harbour bridge", COUNCIL_BODY[1], "Schools close early for the summer"]
    cleaned = clean_text(_page("Council approves budget for more buses", COUNCIL_BODY, heading, related), OPTIONS)
    assert heading in cleaned.paragraphs
    assert COUNCIL_BODY[1] in cleaned.paragraphs


def test_a_panel_that_lists_its_points_twice_goes_even_with_and_without_full_stops():
    """A sign-up panel under the article's first paragraph writes its offer's points twice, once as sentences and
    once as labels ("... with one account." and "... with one account"): a line the page repeats,
    its end marks aside, is no part of the article."""
    points = ["Read articles from across the country with one account",
              "Share your views and join the discussion in the comments", "Enjoy more articles every month",
              "Get email updates from your favourite reporters", "THIS STORY IS FREE TO READ SIGN UP TO UNLOCK"]
    panel = ["Create an account or sign in to keep reading.", *(p + "." for p in points),
             "Create an account or sign in to keep reading.", *points[:4], "Sign in", "Email address", "Continue"]
    rng = random.Random(5)
    vocab = make_vocabulary(rng)
    body = [" ".join(sentence(rng, vocab, 18) for _ in range(3)) for _ in range(12)]  # a long article
    lines = ["Home", "News", "Council approves budget for more buses", body[0], *panel, *body[1:],
             "Related", "Mayor opens the new harbour bridge", "Contact"]
    cleaned = clean_text("\n\n".join(lines), OPTIONS)
    assert not set(panel) & set(cleaned.paragraphs)
    assert list(cleaned.paragraphs)[-len(body[1:]):] == body[1:]
