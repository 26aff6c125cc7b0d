"""A link's card that writes its headline two or three times over (alt text, title, link) inside
the body is a teaser, not the article's: rules.said_over."""
from __future__ import annotations

from conftest import COUNCIL_BODY
from ingest.config import CleanOptions
from ingest.clean.rules import said_over
from ingest.clean.text import clean_text

OPTIONS = CleanOptions()


def test_a_card_headline_written_over_inside_the_body_goes():
    card = " ".join(["Why the city's bus plan could cost more than expected"] * 3)
    page = "\n\n".join(["Home", "News", "Council approves budget for more buses", *COUNCIL_BODY[:2], card,
                        *COUNCIL_BODY[2:], "Privacy Policy"])
    cleaned = clean_text(page, OPTIONS)
    assert list(cleaned.paragraphs) == COUNCIL_BODY
    assert {r.rule for r in cleaned.removed if r.text == card} == {"teaser"}


def test_a_short_row_written_twice_is_no_card():
    # a table's header written twice has too few words to be a headline
    row = "Rank Name Region Pop. Rank Name Region Pop."
    assert not said_over(row, len(row.split()))
    line = "Alle Kommentare anzeigen Alle Kommentare anzeigen"
    assert not said_over(line, len(line.split()))
