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


@pytest.mark.parametrize("line", [
    "Iezīmējiet tekstu un spiediet Ctrl+Enter, lai nosūtītu labojamo teksta fragmentu redaktoram!",
    "Нашли ошибку? Выделите её и нажмите Ctrl + Enter",
    "Select the mistake and press Ctrl-Enter to tell the editors",
])
def test_a_typo_report_prompt_is_told_by_its_keys(line):
    assert match_line(line, len(line.split())) == "phrase:feedback"


@pytest.mark.parametrize("line", [
    "Sie haben einen Fehler gefunden?", "Found a typo?", "Spotted an error in this story? Let us know.",
    "Vous avez repéré une erreur ?", "Нашли ошибку?", "发现错误？",
])
def test_a_question_whether_the_reader_found_a_mistake_is_a_typo_report(line):
    assert match_line(line, len(line.split())) == "phrase:feedback"


@pytest.mark.parametrize("line", [
    "Who found the error in the accounts, and when did the minister first learn of it?",  # too long
    "Why is the error rate so high?",  # no finding
    "Did you find the report useful?",  # no mistake
])
def test_other_questions_about_mistakes_or_finding_are_no_typo_report(line):
    assert match_line(line, len(line.split())) is None


def test_a_typo_report_question_under_the_article_goes_with_its_prompt():
    widget = ["Fehler entdeckt?", "Wir freuen uns über eine Mail an die Redaktion!"]
    cleaned = clean_text(_page("Stadtrat beschließt Haushalt für mehr Busse", COUNCIL_BODY_DE, widget), OPTIONS)
    assert list(cleaned.paragraphs) == COUNCIL_BODY_DE


def test_a_short_question_over_the_typo_report_goes_with_it():
    # "Error in the article?" (in Latvian) over the widget's prompt: it heads the widget, not the article
    question, prompt = "Kļūda rakstā?", "Select the text and press Ctrl+Enter to send the mistake to the editor!"
    widget = [question, prompt, "Or select the text and press the Report a mistake button to send it to the editor!",
              "Report a mistake", "Sign up for our newsletter!",
              "We send it about once a week, and you can leave the list at any time with one click."]
    cleaned = clean_text(_page("Council approves budget for more buses", COUNCIL_BODY, widget), OPTIONS)
    assert list(cleaned.paragraphs) == COUNCIL_BODY
    assert {r.rule for r in cleaned.removed if r.text in (question, prompt)} == {"phrase:feedback"}


def test_a_question_the_article_goes_on_after_stays():
    # a sub-heading that asks, with the article under it, and only then the widget
    body = [*COUNCIL_BODY[:2], "What happens next?", *COUNCIL_BODY[2:]]
    prompt = "Select the mistake and press Ctrl+Enter to tell the editors."
    cleaned = clean_text(_page("Council approves budget for more buses", body, [prompt]), OPTIONS)
    assert list(cleaned.paragraphs) == body


def test_how_to_report_a_mistake_under_the_question_goes_with_it():
    # the widget above the article, between its share bar and its first paragraph
    question = "Sie haben einen Fehler gefunden?"
    told = "Bitte markieren Sie die entsprechenden Wörter im Text. Mit nur zwei Klicks melden Sie den Fehler der Redaktion."
    page = "\n\n".join(["Home", "News", "Stadtrat beschließt Haushalt für mehr Busse", "Teilen", "Drucken",
                        question, told, *COUNCIL_BODY_DE, "Privacy Policy", "Contact"])
    cleaned = clean_text(page, OPTIONS)
    assert list(cleaned.paragraphs) == COUNCIL_BODY_DE
    assert {r.rule for r in cleaned.removed if r.text in (question, told)} == {"phrase:feedback"}


@pytest.mark.parametrize("question, line", [
    ("Sie haben einen Fehler gefunden?", "Der Stadtrat hat am Dienstag den Haushalt für das kommende Jahr beschlossen."),
    ("Hat Ihnen dieser Artikel gefallen?", "Der Fehler im Haushalt fiel erst am Dienstag auf."),
], ids=["no-mistake-named", "no-typo-question"])
def test_other_lines_under_a_question_are_no_typo_instructions(question, line):
    from ingest.clean.notices import typo_instructions
    assert not typo_instructions(question.lower(), line.lower(), len(line.split()))
