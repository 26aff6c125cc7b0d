"""A Creative Commons licence in the body: a line that ends with its tag is a photo's caption and
credit (rule pattern:caption); a line of the body's tail that names the licence is the site's
licence notice (rule pattern:copyright). An article's sentences about the licences stay."""
from __future__ import annotations

import pytest

from conftest import COUNCIL_BODY, COUNCIL_BODY_DE
from ingest.config import CleanOptions
from ingest.clean.text import clean_text

OPTIONS = CleanOptions()
MORE_BODY = [
    "The transport office said the drivers for the new routes would be hired over the coming months.",
    "Residents of the northern districts welcomed the news at a meeting in the town hall on Tuesday evening.",
]


def _page(headline: str, body: list[str], *lines: str, inside: bool = True) -> str:
    middle = [*body[:2], *lines, *body[2:]] if inside else [*body, *lines]
    return "\n\n".join(["Home", "News", "Sport", headline, *middle, "Privacy Policy"])


@pytest.mark.parametrize("headline, body, line, inside, rule", [
    ("Stadtrat beschließt Haushalt für mehr Busse", COUNCIL_BODY_DE,
     "Ein neuer Bus vor dem Rathaus. Foto: Jan Roth | flickr | CC BY 2.0", True, "pattern:caption"),
    ("Council approves budget for more buses", COUNCIL_BODY,
     "The new buses at the northern depot. Click to enlarge the picture. CC-BY-SA 4.0", True, "pattern:caption"),
    ("Council approves budget for more buses", COUNCIL_BODY,
     "All content is licensed under a Creative Commons Attribution 4.0 International License, unless stated otherwise.",
     False, "pattern:copyright"),
    ("Stadtrat beschließt Haushalt für mehr Busse", COUNCIL_BODY_DE,
     "Texte auf dieser Webseite stehen unter einer Creative Commons Namensnennung 3.0 Lizenz.", False,
     "pattern:copyright"),
], ids=["caption-de-flickr", "caption-en-enlarge", "notice-en", "notice-de"])
def test_a_creative_commons_caption_in_the_body_or_licence_notice_under_it_goes(headline, body, line, inside, rule):
    """A line ending with a Creative Commons tag is a caption; one naming the licence under the
    article is the site's licence notice."""
    cleaned = clean_text(_page(headline, body, line, inside=inside), OPTIONS)
    assert list(cleaned.paragraphs) == body
    assert {r.rule for r in cleaned.removed if r.text == line} == {rule}


@pytest.mark.parametrize("line", [
    "The photographers had put their pictures under a Creative Commons licence, the court heard on Monday.",
    "Die Fotografen hatten ihre Bilder unter die Lizenz CC BY-SA 2.0 gestellt.",
])
def test_an_articles_sentence_about_the_licences_stays(line):
    """Above the body's tail, with a full stop after the tag."""
    body = [*COUNCIL_BODY, *MORE_BODY]
    cleaned = clean_text(_page("Council approves budget for more buses", body, line), OPTIONS)
    assert line in cleaned.paragraphs
