"""A question to the reader about the article itself ("Hat Ihnen dieser Artikel gefallen?",
"Like this story?") is a rating, sharing or donation widget: notices.FEEDBACK, which ends the
article like a comments widget."""
from __future__ import annotations

import pytest

from conftest import COUNCIL_BODY, COUNCIL_BODY_DE
from ingest.config import CleanOptions
from ingest.clean.rules import match_line
from ingest.clean.text import clean_text

OPTIONS = CleanOptions()


def _page(headline: str, body: list[str], tail: list[str]) -> str:
    return "\n\n".join(["Home", "News", "Sport", headline, *body, *tail, "Privacy Policy", "Contact"])


@pytest.mark.parametrize("headline, body, question", [
    ("Council approves budget for more buses", COUNCIL_BODY, "Like this story? Share it with a friend!"),
    ("Stadtrat beschließt Haushalt für mehr Busse", COUNCIL_BODY_DE,
     "Hat Ihnen dieser Artikel gefallen? Dann unterstützen Sie uns mit einer Spende."),
    ("Stadtrat beschließt Haushalt für mehr Busse", COUNCIL_BODY_DE, "War der Artikel nützlich?"),
], ids=["en-like", "de-donation", "de-rating"])
def test_a_question_about_the_article_ends_it(headline, body, question):
    # the widget's own lines under the question (a vote count, a loading note) go with it
    cleaned = clean_text(_page(headline, body, [question, "(95 Stimmen: 4,73 von 5)", "Loading..."]), OPTIONS)
    assert list(cleaned.paragraphs) == body
    assert {r.rule for r in cleaned.removed if r.text == question} == {"phrase:feedback"}


@pytest.mark.parametrize("line", [
    "Wie diagnostizieren Mediziner das Post-Vac-Syndrom?",  # a compound, not the post
    "Was regelt der Artikel 5 des Grundgesetzes?",  # a law's article, by its number
    "This article is part of a series on who will vote next year?",  # a statement, too long a question
    "Did you read the report?",  # another text
])
def test_other_questions_are_no_feedback(line):
    assert match_line(line, len(line.split())) is None
