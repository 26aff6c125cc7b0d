"""A news agency's desk credit under an article ("Reporting by Jane Roe in Beirut; Editing by
John Doe", "(Reporting by ..., editing by ...)", "Additional reporting by ...") is no part of the
article: credits.desk_credits, rule pattern:byline (a short one after the article's last
paragraph may go as any short line there does). A sentence that opens with the same words
stays."""
from __future__ import annotations

import pytest

from conftest import COUNCIL_BODY
from ingest.clean.text import clean_text
from ingest.config import CleanOptions

HEADLINE = "Council approves new budget with more buses for the north"


def _page(*tail: str) -> str:
    return "\n\n".join([f"{HEADLINE} | The Daily Example", "Home", "News", "Sport", HEADLINE, *COUNCIL_BODY,
                        *tail, "Related stories", "Privacy Policy"])


@pytest.mark.parametrize("credit", [
    "Reporting by Jane Roe in Beirut and John Doe in The Hague; Writing by Jane Roe; Editing by Mark Potter",
    "(Reporting by Jane Roe, Joshua Franklin, with reporting by Herb Lash and Megan Davies, editing by Mark Potter.)",
    "Additional reporting by Joseph Hudak",
    "Reporting by Gopal Sharma, additional reporting by Lisa Barrington, writing by Ann Lee, Editing by Alex Richardson",
])
def test_a_desk_credit_under_the_article_goes_as_a_byline(credit):
    cleaned = clean_text(_page(credit), CleanOptions())
    assert list(cleaned.paragraphs) == COUNCIL_BODY
    assert any(r.text == credit and r.rule for r in cleaned.removed)


def test_a_sentence_that_opens_like_a_credit_stays():
    sentence = "Reporting by the local paper found that the council had known of the shortfall since spring."
    cleaned = clean_text(_page(sentence), CleanOptions())
    assert list(cleaned.paragraphs) == [*COUNCIL_BODY, sentence]
