"""The article's title is its headline, not the byline, date or share row under it.

The body decides where the article starts; the line just above it is often the
byline ("Emma Stone Lifestyle Writer"), the date ("05.06.2025 um 14:46") or a share
row's label. Where the page repeats its <title> as a headline, that headline is
the title; where it does not, a line of digits is still no title.
"""

from __future__ import annotations

import pytest

from conftest import COUNCIL_BODY
from ingest.clean.text import clean_text
from ingest.config import CleanOptions

HEADLINE = "Council approves new budget with more buses for the north"
NAV = ["Home", "News", "Sport", "Business", "Weather", "Sign in"]


def page(above_body: list[str], page_title: bool = True) -> str:
    head = [f"{HEADLINE} | The Daily Example", ""] if page_title else []
    lines = head + NAV + ["", HEADLINE, ""] + above_body + [""]
    lines += [line for sentence in COUNCIL_BODY for line in (sentence, "")]
    lines += ["Related stories", "Mayor opens new library", "Bus fares to rise in spring", "",
              "© 2025 The Daily Example. All rights reserved."]
    return "\n".join(lines)


@pytest.mark.parametrize("above_body", [
    ["By Jane Porter", "Lifestyle Writer"],
    ["Jane Porter News Reporter"],
    ["05.06.2025 um 14:46"],
    ["Published: 15:56 BST, 27 April 2025 | Updated: 15:57 BST, 27 April 2025"],
    ["View 6 Images"],
])
def test_the_headline_the_page_repeats_is_the_title(above_body):
    cleaned = clean_text(page(above_body), CleanOptions())
    assert cleaned.title == HEADLINE
    assert list(cleaned.paragraphs) == COUNCIL_BODY


@pytest.mark.parametrize("date", ["05.06.2025 um 14:46", "2025年6月5日 14:46", "Jun 5, 2025, 8:54 PM UTC |"])
def test_a_date_above_the_body_is_no_title_without_a_page_title(date):
    cleaned = clean_text(page([date], page_title=False), CleanOptions())
    assert cleaned.title == HEADLINE
    assert list(cleaned.paragraphs) == COUNCIL_BODY


def test_a_headline_that_ends_a_sentence_is_the_title_and_not_also_the_standfirst():
    question = "Will the council's new budget bring more buses to the north?"
    text = page(["05.06.2025 um 14:46"]).replace(f"{HEADLINE} | ", f"{question} | ").replace(
        f"\n{HEADLINE}\n", f"\n{question}\n")
    cleaned = clean_text(text, CleanOptions())
    assert cleaned.title == question
    assert question not in cleaned.paragraphs
